#include "screenshot.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QEventLoop>
#include <QImageWriter>
#include <QTimer>

#include <functional>

#include "app/userfiles.h"
#include "borndeadtab.h"
#include "gradientflowtab.h"
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
    // Encoded in memory first, then written as app::OutputFile writes: a failed write (a full
    // disk) leaves no half-written picture and an existing file as it was, a device is written
    // as it is (never replaced), and the message is the system's ("No space left on device").
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(window.grab().toImage()))
        return QStringLiteral("%1: %2").arg(file, writer.errorString());
    app::OutputFile out(file);
    if (!out.open() || out.write(png) != png.size() || !out.commit())
        return QStringLiteral("%1: %2").arg(out.displayName(), out.errorString());
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

// Connects a second signal to the check of runUntil (the connection is undone with the loop).
using AlsoCheckOn = std::function<QMetaObject::Connection(const std::function<void()> &check)>;

// Runs an event loop until `finished()` holds, asking it once the loop runs (after `start`), at
// every `signal` of `sender` and at whatever `alsoOn` connects; false when `timeoutMs` passed
// first.
template<class Sender, class Signal>
bool runUntil(const Sender *sender, Signal signal, int timeoutMs,
              const std::function<bool()> &finished, const std::function<void()> &start = {},
              const AlsoCheckOn &alsoOn = {})
{
    QEventLoop loop;
    bool done = false;
    const auto check = [&] {
        if (!done && finished()) {
            done = true;
            loop.quit();
        }
    };
    const QMetaObject::Connection connection = QObject::connect(sender, signal, &loop, check);
    const QMetaObject::Connection also = alsoOn ? alsoOn(check) : QMetaObject::Connection();
    QTimer::singleShot(0, &loop, [&] {
        if (start)
            start();
        check();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(connection);
    QObject::disconnect(also);
    return done;
}

} // namespace

QString saveWindowWhenDrawn(MainWindow &window, const QString &file, QSize size, int timeoutMs,
                            const WindowWriter &writer)
{
    window.resize(size);
    window.show();
    // The model's state becomes a request on the next event-loop turn; the picture is ready when
    // the newest request has been drawn and nothing newer is pending.
    const app::CurveService &curves = window.curveService();
    const bool drawn = runUntil(&window, &MainWindow::curvesDrawn, timeoutMs, [&] {
        return curves.requestedGeneration() > 0
                && window.drawnGeneration() == curves.requestedGeneration();
    });
    return drawn ? writeWindow(window, file, writer)
                 : QStringLiteral("%1: the curves were not drawn within %2 ms").arg(file).arg(timeoutMs);
}

namespace {

// Shows `which` (the lab, or the gradient flow, which shows the lab's run), animates the run as
// fast as possible, so that the charts get their points along the way, and pauses it at exactly
// `steps` (TrainingController::runTo); the picture waits until `drawn()` says the tab has drawn
// that paused moment, or the divergence that ends a run early.
template<class ShownTab, class Drawn>
QString saveWhenLabRunDrawn(MainWindow &window, MainWindow::Tab which, ShownTab &tab,
                            const QString &what, const QString &file, QSize size, quint64 steps,
                            int timeoutMs, const WindowWriter &writer, Drawn drawn)
{
    showOn(window, which, size);
    app::TrainingController &controller = window.lab().controller();
    controller.setStepsPerFrame(app::TrainingController::AsFastAsPossible);
    const bool done = runUntil(
            &tab, &ShownTab::snapshotShown, timeoutMs,
            [&] {
                if (tab.shownRun() == 0)
                    return false;
                if (window.lab().divergenceShown())
                    return true;
                return !controller.isRunning() && tab.shownStep() == steps && drawn();
            },
            [&] {
                if (steps > 0)
                    controller.runTo(steps);
            },
            // The controller pauses before the paused moment's snapshot comes; should that order
            // ever change, the pause is a moment to look again too (as for the race).
            [&](const std::function<void()> &check) {
                return QObject::connect(&controller, &app::TrainingController::runningChanged, &tab,
                                        [check](bool) { check(); });
            });
    return done ? writeWhenReplotted(window, file, writer)
                : QStringLiteral("%1: the %2 did not reach step %3 within %4 ms")
                          .arg(file, what)
                          .arg(steps)
                          .arg(timeoutMs);
}

} // namespace

QString saveLabWhenTrained(MainWindow &window, const QString &file, QSize size, quint64 steps,
                           int timeoutMs, const WindowWriter &writer)
{
    return saveWhenLabRunDrawn(window, MainWindow::Tab::Lab, window.lab(), QStringLiteral("lab"),
                               file, size, steps, timeoutMs, writer, [] { return true; });
}

QString saveGradientFlowWhenTrained(MainWindow &window, const QString &file, QSize size,
                                    quint64 steps, int timeoutMs, const WindowWriter &writer)
{
    GradientFlowTab &tab = window.gradientFlow();
    // The comparison network catches up with the run: the picture waits for it too.
    return saveWhenLabRunDrawn(window, MainWindow::Tab::GradientFlow, tab,
                               QStringLiteral("gradient flow"), file, size, steps, timeoutMs,
                               writer, [&] {
                                   const bool comparing = tab.comparison()
                                           && *tab.comparison() != window.lab().model().activation();
                                   return !comparing || tab.comparisonStep() == steps;
                               });
}

QString saveBornDeadWhenFinished(MainWindow &window, const QString &file, QSize size, int timeoutMs,
                                 const WindowWriter &writer)
{
    showOn(window, MainWindow::Tab::BornDead, size);
    BornDeadTab &tab = window.bornDead();
    bool finished = false;
    bool cancelled = false;
    const QMetaObject::Connection connection =
            QObject::connect(&tab, &BornDeadTab::runFinished, &tab, [&](quint64, bool stopped) {
                finished = true;
                cancelled = stopped;
            });
    QString error;
    const bool done = runUntil(
            &tab, &BornDeadTab::runFinished, timeoutMs, [&] { return finished || !error.isEmpty(); },
            [&] {
                if (!tab.start())
                    error = QStringLiteral("%1: the born-dead grid does not run: %2")
                                    .arg(file, tab.inputError());
            });
    QObject::disconnect(connection);
    if (!error.isEmpty())
        return error;
    if (!done || cancelled) {
        tab.cancel();
        return QStringLiteral("%1: the born-dead grid did not finish within %2 ms").arg(file).arg(timeoutMs);
    }
    return writeWhenReplotted(window, file, writer);
}

QString exportDataWhenWritten(MainWindow &window, const QString &file, int timeoutMs)
{
    QString error;
    bool written = false;
    const QMetaObject::Connection connection = QObject::connect(
            &window, &MainWindow::dataExported, &window, [&](const QString &, const QString &failed) {
                written = true;
                error = failed;
            });
    const bool done = runUntil(
            &window, &MainWindow::dataExported, timeoutMs, [&] { return written || !error.isEmpty(); },
            [&] { error = window.exportData(file); });
    QObject::disconnect(connection);
    if (!error.isEmpty())
        return error;
    return done ? QString()
                : QStringLiteral("%1: the data was not written within %2 ms").arg(file).arg(timeoutMs);
}

QString saveRaceWhenFinished(MainWindow &window, const QString &file, QSize size, quint64 steps,
                             int timeoutMs, const WindowWriter &writer)
{
    showOn(window, MainWindow::Tab::Race, size);
    RaceTab &race = window.race();
    if (steps > 0)
        race.setTargetSteps(steps);
    // The race runs as the tab shows it, frame by frame, so that its charts fill along the way;
    // the picture waits for the finished race's last frame. The tab applies its settings on the
    // next turn of the event loop; then the race starts.
    const bool done = runUntil(
            &race, &RaceTab::snapshotShown, timeoutMs,
            [&] {
                return race.shownRun() > 0 && race.shownFinished() && !race.controller().isRunning();
            },
            [&] { QTimer::singleShot(0, &race, [&] { race.controller().start(); }); },
            // The last snapshot may be shown before the controller hears that its worker stopped
            // (two queued notifications): then the stop is the moment to look again.
            [&](const std::function<void()> &check) {
                return QObject::connect(&race.controller(), &app::RaceController::runningChanged,
                                        &race, [check](bool) { check(); });
            });
    if (!done) {
        race.controller().cancel();
        return QStringLiteral("%1: the race did not finish within %2 ms").arg(file).arg(timeoutMs);
    }
    return writeWhenReplotted(window, file, writer);
}

} // namespace relulab::ui
