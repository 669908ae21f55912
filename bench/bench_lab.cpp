// The dead-neuron lab's responsiveness: the real main window on the lab tab (offscreen unless a
// platform is chosen), training the reference experiment as fast as possible, while a timer probe
// on the GUI thread measures how long the event loop goes without running it. Prints the frame
// rate of the lab's views, the distribution of event-loop stalls and the training speed.
// With --tab race, the same for the activation race: the four rectifiers on the reference
// experiment, raced as fast as possible towards a target it does not reach in the time.
// With --tab gradient-flow, the lab's run shown by the gradient-flow tab, with its layer
// statistics and its comparison network (sigmoid beside ReLU), --depth hidden layers of 32 (issue
// 15: at least 50 frames/s at 20 layers).
//
//   bench_lab [--seconds S] [--speed N] [--tab lab|race|gradient-flow] [--depth L]
//       (N steps per frame in the lab; 0, the default, as fast as possible)

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>
#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "ui/gradientflowtab.h"
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
    const QCommandLineOption tabOption(QStringLiteral("tab"),
                                       QStringLiteral("lab, race or gradient-flow."),
                                       QStringLiteral("NAME"), QStringLiteral("lab"));
    const QCommandLineOption depthOption(QStringLiteral("depth"),
                                         QStringLiteral("Hidden layers of 32 (default 3, the reference)."),
                                         QStringLiteral("L"), QStringLiteral("3"));
    parser.addOption(secondsOption);
    parser.addOption(speedOption);
    parser.addOption(tabOption);
    parser.addOption(depthOption);
    parser.process(application);
    const double seconds = std::max(1.0, parser.value(secondsOption).toDouble());
    const bool race = parser.value(tabOption) == QLatin1String("race");
    const bool flow = parser.value(tabOption) == QLatin1String("gradient-flow");
    const int depth = std::clamp(parser.value(depthOption).toInt(), 1, 32);

    relulab::ui::MainWindow window;
    window.resize(1360, 820);
    window.showTab(race ? relulab::ui::MainWindow::Tab::Race
                        : flow ? relulab::ui::MainWindow::Tab::GradientFlow
                               : relulab::ui::MainWindow::Tab::Lab);
    window.show();
    relulab::ui::LabTab &lab = window.lab();
    relulab::ui::RaceTab &raceTab = window.race();
    relulab::ui::GradientFlowTab &flowTab = window.gradientFlow();
    lab.model().setDepth(depth);
    QElapsedTimer clock;
    clock.start();
    // The run of the asked depth shown (with its statistics, on the gradient-flow tab).
    const auto ready = [&] {
        if (race)
            return raceTab.shownRun() > 0;
        if (lab.shownRun() == 0 || lab.controller().config().network.hidden.size() != static_cast<std::size_t>(depth))
            return false;
        return !flow || flowTab.shownRun() == lab.shownRun();
    };
    while (!ready() && clock.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);

    lab.controller().setStepsPerFrame(parser.value(speedOption).toInt());
    raceTab.setTargetSteps(1'000'000);
    int frames = 0;
    if (flow)
        QObject::connect(&flowTab, &relulab::ui::GradientFlowTab::snapshotShown, [&] { ++frames; });
    else
        QObject::connect(&lab, &relulab::ui::LabTab::snapshotShown, [&] { ++frames; });
    QObject::connect(&raceTab, &relulab::ui::RaceTab::snapshotShown, [&] { ++frames; });
    // How long the lab's worker took for each picture it published (the time it did not train).
    std::vector<double> pictures;
    QObject::connect(&lab.controller(), &relulab::app::TrainingController::snapshotReady,
                     [&](const relulab::app::TrainingSnapshotPtr &snapshot) {
                         pictures.push_back(snapshot->pictureMilliseconds);
                     });
    const auto shownStep = [&] {
        return race ? raceTab.shownStep() : flow ? flowTab.shownStep() : lab.shownStep();
    };
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
    const quint64 publishedBefore = lab.controller().publishedCount();
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

    std::printf("bench_lab: %s%s, %d hidden layers of 32, training %s for %.1f s, window "
                "1360x820, platform %s\n",
                race ? "race of relu, leaky_relu, prelu, rrelu on the reference experiment"
                     : "reference experiment",
                flow ? " on the gradient-flow tab (statistics and a sigmoid network beside)" : "",
                depth,
                parser.value(speedOption).toInt() == 0 || race ? "as fast as possible" : "paced",
                elapsed, qPrintable(QGuiApplication::platformName()));
    std::printf("  %s views painted      %.1f frames/s (%d frames)\n",
                race ? "race" : flow ? "flow" : "lab ",
                frames / elapsed, frames);
    std::printf("  training speed         %.0f %ssteps/s (%llu steps shown)\n",
                static_cast<double>(steps) / elapsed, race ? "race " : "",
                static_cast<unsigned long long>(steps));
    if (!race)
        std::printf("  worker published       %.1f frames/s\n", static_cast<double>(lab.controller().publishedCount() - publishedBefore) / elapsed);
    if (!race)
        std::printf("  worker's picture       median %.2f ms, p95 %.2f ms (%zu pictures)\n",
                    percentile(pictures, 0.5), percentile(pictures, 0.95), pictures.size());
    std::printf("  event-loop gaps (1 ms probe, %zu samples): median %.2f ms, p95 %.2f ms, "
                "p99 %.2f ms, max %.2f ms\n",
                gaps.size(), percentile(gaps, 0.5), percentile(gaps, 0.95), percentile(gaps, 0.99),
                percentile(gaps, 1.0));
    if (flow)
        std::printf("  replot ms: history %.2f profile %.2f activations %.2f gradients %.2f\n",
                    flowTab.historyPlot()->replotTime(true), flowTab.profilePlot()->replotTime(true),
                    flowTab.activationMapPlot()->replotTime(true), flowTab.gradientMapPlot()->replotTime(true));
    std::printf("  gaps over 16 ms        %lld\n",
                static_cast<long long>(std::count_if(gaps.begin(), gaps.end(),
                                                     [](double g) { return g > 16.0; })));
    return 0;
}
