#include "screenshot.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QImageWriter>
#include <QTimer>

#include "mainwindow.h"

namespace relulab::ui {

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

    // Let the layout catch up with texts set while drawing (the status bar's timing).
    QCoreApplication::processEvents();
    QImageWriter writer(file, "png");
    if (!writer.write(window.grab().toImage()))
        return QStringLiteral("%1: %2").arg(file, writer.errorString());
    return {};
}

} // namespace relulab::ui
