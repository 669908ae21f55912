#include "screenshot.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QEventLoop>
#include <QImageWriter>
#include <QSaveFile>
#include <QTimer>

#include <algorithm>

#include "borndeadtab.h"
#include "labtab.h"
#include "mainwindow.h"
#include "racetab.h"

namespace relulab::ui {

namespace {

QString writeWindow(MainWindow &window, const QString &file, const WindowWriter &custom)
{
    // Let the layout catch up with texts set while drawing (the status bar's timing).
    QCoreApplication::processEvents();
    if (custom)
        return custom(window, file);
    // Encoded in memory first, then written through QSaveFile's temporary file: a failed write
    // (a full disk) leaves no half-written picture and an existing file as it was, and its
    // message is the system's ("File too large"), not the PNG encoder's "Unknown error".
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(window.grab().toImage()))
        return QStringLiteral("%1: %2").arg(file, writer.errorString());
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: %2").arg(file, out.errorString());
    // A short write (a full disk, a file size limit) sets no error of its own.
    if (const qint64 written = out.write(png); written != png.size())
        return out.error() != QFileDevice::NoError
                ? QStringLiteral("%1: %2").arg(file, out.errorString())
                : QStringLiteral("%1: only %2 of %3 bytes could be written (is the disk full?)")
                          .arg(file)
                          .arg(std::max<qint64>(written, 0))
                          .arg(png.size());
    if (!out.flush() || !out.commit())
        return QStringLiteral("%1: %2").arg(file, out.errorString());
    return {};
}

// Shows the window at `size`, on `tab`.
void showOn(MainWindow &window, MainWindow::Tab tab, QSize size)
{
    window.resize(size);
    window.showTab(tab);
    window.show();
}

// The picture, once the queued replots of the last frame have happened.
QString writeWhenReplotted(MainWindow &window, const QString &file, const WindowWriter &writer)
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    return writeWindow(window, file, writer);
}

} // namespace

QString saveWindowWhenDrawn(MainWindow &window, const QString &file, QSize size, int timeoutMs,
                            const WindowWriter &writer)
{
    window.resize(size);
    window.show();

    QEventLoop loop;
    bool drawn = false;
    // The model's state becomes a request on the next event-loop turn; the picture is ready when
    // the newest request has been drawn and nothing newer is pending.
    const auto check = [&] {
        const app::CurveService &curves = window.curveService();
        if (curves.requestedGeneration() > 0
            && window.drawnGeneration() == curves.requestedGeneration()) {
            drawn = true;
            loop.quit();
        }
    };
    const QMetaObject::Connection connection =
            QObject::connect(&window, &MainWindow::curvesDrawn, &loop, check);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QTimer::singleShot(0, &loop, check);
    loop.exec();
    QObject::disconnect(connection);
    if (!drawn)
        return QStringLiteral("%1: the curves were not drawn within %2 ms").arg(file).arg(timeoutMs);

    return writeWindow(window, file, writer);
}

QString saveLabWhenTrained(MainWindow &window, const QString &file, QSize size, quint64 steps,
                           int timeoutMs, const WindowWriter &writer)
{
    showOn(window, MainWindow::Tab::Lab, size);
    LabTab &lab = window.lab();
    app::TrainingController &controller = lab.controller();
    QEventLoop loop;
    bool done = false;
    // The run is animated as fast as possible, so that the charts get their points along the
    // way, and paused once the target step is shown; the picture waits for the paused frame.
    const auto check = [&] {
        if (lab.shownRun() == 0)
            return;
        if (controller.isRunning() && lab.shownStep() >= steps) {
            controller.pause();
        } else if (!controller.isRunning() && lab.shownStep() >= steps) {
            done = true;
            loop.quit();
        }
    };
    const QMetaObject::Connection connection =
            QObject::connect(&lab, &LabTab::snapshotShown, &loop, check);
    QObject::connect(&controller, &app::TrainingController::diverged, &loop, [&] {
        done = true;
        loop.quit();
    });
    controller.setStepsPerFrame(app::TrainingController::AsFastAsPossible);
    QTimer::singleShot(0, &loop, [&] {
        if (steps > 0)
            controller.play();
        check();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(connection);
    if (!done)
        return QStringLiteral("%1: the lab did not reach step %2 within %3 ms").arg(file).arg(steps).arg(timeoutMs);
    return writeWhenReplotted(window, file, writer);
}

QString saveBornDeadWhenFinished(MainWindow &window, const QString &file, QSize size, int timeoutMs,
                                 const WindowWriter &writer)
{
    showOn(window, MainWindow::Tab::BornDead, size);
    BornDeadTab &tab = window.bornDead();
    QEventLoop loop;
    bool done = false;
    bool cancelled = false;
    const QMetaObject::Connection connection =
            QObject::connect(&tab, &BornDeadTab::runFinished, &loop, [&](quint64, bool stopped) {
                done = true;
                cancelled = stopped;
                loop.quit();
            });
    QString error;
    QTimer::singleShot(0, &loop, [&] {
        if (!tab.start()) {
            error = QStringLiteral("%1: the born-dead grid does not run: %2").arg(file, tab.inputError());
            loop.quit();
        }
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(connection);
    if (!error.isEmpty())
        return error;
    if (!done || cancelled) {
        tab.cancel();
        return QStringLiteral("%1: the born-dead grid did not finish within %2 ms").arg(file).arg(timeoutMs);
    }
    return writeWhenReplotted(window, file, writer);
}

QString saveRaceWhenFinished(MainWindow &window, const QString &file, QSize size, quint64 steps,
                             int timeoutMs, const WindowWriter &writer)
{
    showOn(window, MainWindow::Tab::Race, size);
    RaceTab &race = window.race();
    if (steps > 0)
        race.setTargetSteps(steps);
    QEventLoop loop;
    bool done = false;
    // The race runs as the tab shows it, frame by frame, so that its charts fill along the way;
    // the picture waits for the finished race's last frame.
    const auto check = [&] {
        if (race.shownRun() > 0 && race.shownFinished() && !race.controller().isRunning()) {
            done = true;
            loop.quit();
        }
    };
    const QMetaObject::Connection connection =
            QObject::connect(&race, &RaceTab::snapshotShown, &loop, check);
    // The tab applies its settings on the next turn of the event loop; then the race starts.
    QTimer::singleShot(0, &loop,
                       [&] { QTimer::singleShot(0, &loop, [&] { race.controller().start(); }); });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(connection);
    if (!done) {
        race.controller().cancel();
        return QStringLiteral("%1: the race did not finish within %2 ms").arg(file).arg(timeoutMs);
    }
    return writeWhenReplotted(window, file, writer);
}

} // namespace relulab::ui
