// The dead-neuron lab's responsiveness: the real main window on the lab tab (offscreen unless a
// platform is chosen), training the reference experiment as fast as possible, while a timer probe
// on the GUI thread measures how long the event loop goes without running it. Prints the frame
// rate of the lab's views, the distribution of event-loop stalls and the training speed.
// With --tab race, the same for the activation race: the four rectifiers on the reference
// experiment, raced as fast as possible towards a target it does not reach in the time.
//
//   bench_lab [--seconds S] [--speed N] [--tab lab|race]
//       (N steps per frame in the lab; 0, the default, as fast as possible)

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "ui/labtab.h"
#include "ui/mainwindow.h"
#include "ui/racetab.h"

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
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("How long to train."),
                                           QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption speedOption(
            QStringLiteral("speed"), QStringLiteral("Steps per frame (0: as fast as possible)."),
            QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption tabOption(QStringLiteral("tab"), QStringLiteral("lab or race."),
                                       QStringLiteral("NAME"), QStringLiteral("lab"));
    parser.addOption(secondsOption);
    parser.addOption(speedOption);
    parser.addOption(tabOption);
    parser.process(application);
    const double seconds = std::max(1.0, parser.value(secondsOption).toDouble());
    const bool race = parser.value(tabOption) == QLatin1String("race");

    relulab::ui::MainWindow window;
    window.resize(1360, 820);
    window.showTab(race ? relulab::ui::MainWindow::Tab::Race : relulab::ui::MainWindow::Tab::Lab);
    window.show();
    relulab::ui::LabTab &lab = window.lab();
    relulab::ui::RaceTab &raceTab = window.race();
    QElapsedTimer clock;
    clock.start();
    while ((race ? raceTab.shownRun() : lab.shownRun()) == 0 && clock.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);

    lab.controller().setStepsPerFrame(parser.value(speedOption).toInt());
    raceTab.setTargetSteps(1'000'000);
    int frames = 0;
    QObject::connect(&lab, &relulab::ui::LabTab::snapshotShown, [&] { ++frames; });
    QObject::connect(&raceTab, &relulab::ui::RaceTab::snapshotShown, [&] { ++frames; });
    const auto shownStep = [&] { return race ? raceTab.shownStep() : lab.shownStep(); };
    // The probe: a 1 ms timer; the time between its runs, less the 1 ms, is how long the event
    // loop was busy elsewhere (or asleep with nothing to do).
    std::vector<double> gaps;
    QElapsedTimer sinceProbe;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        if (sinceProbe.isValid())
            gaps.push_back(static_cast<double>(sinceProbe.nsecsElapsed()) / 1e6);
        sinceProbe.restart();
    });
    const quint64 startStep = shownStep();
    if (race)
        raceTab.controller().start();
    else
        lab.controller().play();
    probe.start();
    clock.restart();
    QTimer::singleShot(static_cast<int>(seconds * 1000), &application, &QCoreApplication::quit);
    QApplication::exec();
    const double elapsed = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    lab.controller().pause();
    raceTab.controller().pause();
    const quint64 steps = shownStep() - startStep;

    std::printf("bench_lab: %s training %s for %.1f s, window 1360x820, platform %s\n",
                race ? "race of relu, leaky_relu, prelu, rrelu on the reference experiment"
                     : "reference experiment",
                parser.value(speedOption).toInt() == 0 || race ? "as fast as possible" : "paced",
                elapsed, qPrintable(QGuiApplication::platformName()));
    std::printf("  %s views painted      %.1f frames/s (%d frames)\n", race ? "race" : "lab ",
                frames / elapsed, frames);
    std::printf("  training speed         %.0f %ssteps/s (%llu steps shown)\n",
                static_cast<double>(steps) / elapsed, race ? "race " : "",
                static_cast<unsigned long long>(steps));
    std::printf("  event-loop gaps (1 ms probe, %zu samples): median %.2f ms, p95 %.2f ms, "
                "p99 %.2f ms, max %.2f ms\n",
                gaps.size(), percentile(gaps, 0.5), percentile(gaps, 0.95), percentile(gaps, 0.99),
                percentile(gaps, 1.0));
    std::printf("  gaps over 16 ms        %lld\n",
                static_cast<long long>(std::count_if(gaps.begin(), gaps.end(),
                                                     [](double g) { return g > 16.0; })));
    return 0;
}
