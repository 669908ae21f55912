#include "screenshot.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QImageWriter>
#include <QTimer>

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
    // Let queued replots of the last snapshot happen before the picture is taken.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    return writeWindow(window, file);
}

} // namespace relulab::ui
