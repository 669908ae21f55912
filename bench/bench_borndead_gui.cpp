// The born-dead tab's responsiveness: the real main window on the born-dead tab (offscreen unless
// a platform is chosen) runs the issue's 5 x 5 table (4,000 networks per cell) again and again,
// while a timer probe on the GUI thread measures how long the event loop goes without running it.
// Prints the time per table and the distribution of event-loop stalls.
//
//   bench_borndead_gui [--runs R] [--threads N]     (N: the worker's OpenMP threads; 0, the
//                                                    default, as the app chooses)
//   bench_borndead_gui --idle S                      (the same probe for S seconds with nothing
//                                                    running: the machine's own stalls)

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "ui/borndeadtab.h"
#include "ui/mainwindow.h"

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("RELULAB_NO_SETTINGS", "1");
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("How many times to run the table."),
                                        QStringLiteral("R"), QStringLiteral("5"));
    const QCommandLineOption threadsOption(
            QStringLiteral("threads"),
            QStringLiteral("The worker's OpenMP threads (0: the app's choice)."),
            QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption idleOption(QStringLiteral("idle"),
                                        QStringLiteral("Probe S seconds with nothing running."),
                                        QStringLiteral("S"), QStringLiteral("0"));
    parser.addOption(idleOption);
    parser.addOption(runsOption);
    parser.addOption(threadsOption);
    parser.process(application);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    relulab::ui::MainWindow window;
    window.resize(1360, 820);
    window.showTab(relulab::ui::MainWindow::Tab::BornDead);
    window.show();
    relulab::ui::BornDeadTab &tab = window.bornDead();
    tab.controller().setThreads(parser.value(threadsOption).toInt());
    QCoreApplication::processEvents();

    int cellsShown = 0;
    QObject::connect(&tab, &relulab::ui::BornDeadTab::cellShown, [&] { ++cellsShown; });
    std::vector<double> gaps;
    // How long the plot takes to redraw (on the GUI thread), each time a cell arrives.
    std::vector<double> replots;
    QElapsedTimer replotClock;
    QObject::connect(tab.plot(), &QCustomPlot::beforeReplot, [&] { replotClock.start(); });
    QObject::connect(tab.plot(), &QCustomPlot::afterReplot, [&] {
        replots.push_back(static_cast<double>(replotClock.nsecsElapsed()) / 1e6);
    });
    std::vector<double> tableSeconds;
    QElapsedTimer sinceProbe;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    // The probe: a 1 ms timer; the time between its runs, less the 1 ms, is how long the event
    // loop was busy elsewhere.
    QObject::connect(&probe, &QTimer::timeout, [&] {
        if (sinceProbe.isValid())
            gaps.push_back(static_cast<double>(sinceProbe.nsecsElapsed()) / 1e6);
        sinceProbe.restart();
    });
    QElapsedTimer clock;
    int done = 0;
    QObject::connect(&tab, &relulab::ui::BornDeadTab::runFinished, [&] {
        tableSeconds.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e9);
        if (++done == runs) {
            QCoreApplication::quit();
            return;
        }
        sinceProbe.invalidate(); // the gap between two runs is not a stall
        clock.restart();
        tab.start();
    });
    const double idleSeconds = parser.value(idleOption).toDouble();
    QTimer::singleShot(0, [&] {
        probe.start();
        clock.start();
        if (idleSeconds > 0)
            QTimer::singleShot(static_cast<int>(idleSeconds * 1000), &QCoreApplication::quit);
        else
            tab.start();
    });
    QApplication::exec();

    const int threads = tab.controller().threads() > 0
            ? tab.controller().threads()
            : relulab::app::BornDeadController::defaultThreads();
    if (idleSeconds > 0)
        std::printf("bench_borndead_gui: idle for %.1f s (nothing running)\n", idleSeconds);
    else
        std::printf("bench_borndead_gui: the 5 x 5 table (4,000 networks per cell) %d times on %d "
                    "worker thread(s), window 1360x820, platform %s\n",
                    runs, threads, qPrintable(QGuiApplication::platformName()));
    std::printf("  table, start to last cell shown: median %.2f s, min %.2f s, max %.2f s\n",
                percentile(tableSeconds, 0.5), percentile(tableSeconds, 0.0),
                percentile(tableSeconds, 1.0));
    std::printf("  cells shown            %d\n", cellsShown);
    std::printf("  event-loop gaps (1 ms probe, %zu samples): median %.2f ms, p95 %.2f ms, "
                "p99 %.2f ms, max %.2f ms\n",
                gaps.size(), percentile(gaps, 0.5), percentile(gaps, 0.95), percentile(gaps, 0.99),
                percentile(gaps, 1.0));
    std::printf("  plot redraws (%zu): median %.2f ms, max %.2f ms\n", replots.size(),
                percentile(replots, 0.5), percentile(replots, 1.0));
    std::printf("  gaps over 16 ms        %lld\n",
                static_cast<long long>(std::count_if(gaps.begin(), gaps.end(),
                                                     [](double g) { return g > 16.0; })));
    return 0;
}
