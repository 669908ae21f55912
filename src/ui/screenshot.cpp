#include "screenshot.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QImageWriter>
#include <QTimer>

#include <algorithm>

#include "labtab.h"
#include "mainwindow.h"

namespace relulab::ui {

namespace {

QString writeWindow(MainWindow &window, const QString &file)
{
    // Let the layout catch up with texts set while drawing (the status bar's timing).
    QCoreApplication::processEvents();
    QImageWriter writer(file, "png");
    if (!writer.write(window.grab().toImage()))
        return QStringLiteral("%1: %2").arg(file, writer.errorString());
    return {};
}

} // namespace

QString saveWindowWhenDrawn(MainWindow &window, const QString &file, QSize size, int timeoutMs)
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

    return writeWindow(window, file);
}

QString saveLabWhenTrained(MainWindow &window, const QString &file, QSize size, quint64 steps,
                           int timeoutMs)
{
    window.resize(size);
    window.showTab(MainWindow::Tab::Lab);
    window.show();
    LabTab &lab = window.lab();
    QEventLoop loop;
    bool done = false;
    const auto check = [&] {
        if (lab.shownRun() > 0 && lab.shownStep() >= steps) {
            done = true;
            loop.quit();
        }
    };
    const QMetaObject::Connection connection =
            QObject::connect(&lab, &LabTab::snapshotShown, &loop, check);
    QObject::connect(&lab.controller(), &app::TrainingController::diverged, &loop, [&] {
        done = true;
        loop.quit();
    });
    // Paused, so the steps are taken in one go and the run stops exactly there.
    if (steps > 0)
        lab.controller().step(static_cast<int>(std::min<quint64>(steps, 100'000'000)));
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QTimer::singleShot(0, &loop, check);
    loop.exec();
    QObject::disconnect(connection);
    if (!done)
        return QStringLiteral("%1: the lab did not reach step %2 within %3 ms").arg(file).arg(steps).arg(timeoutMs);
    // Let queued replots of the last snapshot happen before the picture is taken.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    return writeWindow(window, file);
}

} // namespace relulab::ui
