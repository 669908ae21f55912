// End-to-end latency of the function explorer, measured in the real main window (offscreen unless
// a platform is chosen): from a slider value change to both plots repainted with the new curves.
// Prints the distribution; performance is reported, not asserted.
//
//   bench_latency [--iterations N] [--samples N]
//
// Scenarios: Leaky ReLU's slope dragged with three overlays (GELU, SiLU, ReLU), and RReLU's lower
// bound dragged in training mode (a cloud of drawn slopes); also start-up to the first drawn
// window and the resident memory at the end.

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSlider>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <vector>

#include "ui/curveplots.h"
#include "ui/mainwindow.h"

using relulab::core::Activation;
using relulab::ui::MainWindow;

namespace {

// Runs the event loop until the window has drawn a generation newer than `after` that is also the
// newest requested one. (A change becomes a request on the next event-loop turn, so right after a
// key press the newest request may still be the old one.) The loop sleeps until an event comes, as
// the app's does between a user's key presses: a benchmark that spun on processEvents() instead
// would compete for the cores with the worker it waits for.
bool waitUntilDrawn(MainWindow &window, quint64 after = 0, int timeoutMs = 5000)
{
    const auto drawn = [&] {
        const auto requested = window.curveService().requestedGeneration();
        return requested > after && window.drawnGeneration() == requested;
    };
    if (drawn())
        return true;
    QEventLoop loop;
    QObject::connect(&window, &MainWindow::curvesDrawn, &loop, [&] {
        if (drawn())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return drawn();
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

void report(const char *name, const std::vector<double> &ms)
{
    double sum = 0.0;
    for (double v : ms)
        sum += v;
    std::printf("%-40s n=%4zu  median %6.3f ms  p95 %6.3f ms  p99 %6.3f ms  max %7.3f ms  "
                "mean %6.3f ms\n",
                name, ms.size(), percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 0.99),
                percentile(ms, 1.0), sum / static_cast<double>(ms.size()));
}

// Presses the arrow keys on a slider, alternating direction so the value stays in range, and times
// each value change until both plots have been repainted.
struct Samples
{
    std::vector<double> total;
    std::vector<double> compute;
    std::vector<double> redraw;
    // Where the total goes, in order (see report()).
    std::vector<double> toRequest; // key press handled, model changed, request coalesced and posted
    std::vector<double> toWorker; // the worker wakes and takes the request
    std::vector<double> computing; // computeCurves on the worker
    std::vector<double> toGui; // the result's queued notification reaches the GUI thread
    std::vector<double> drawing; // the plots take the result, replot (one event-loop turn later)
    std::vector<double> toBench; // the benchmark's own loop notices
};

double msBetween(relulab::app::CurveClock::time_point from, relulab::app::CurveClock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

Samples dragSlider(MainWindow &window, QSlider *slider, int iterations)
{
    Samples result;
    std::vector<double> &ms = result.total;
    ms.reserve(static_cast<std::size_t>(iterations));
    QElapsedTimer timer;
    for (int i = 0; i < iterations; ++i) {
        const Qt::Key key = (i / 20) % 2 == 0 ? Qt::Key_Right : Qt::Key_Left;
        const quint64 before = window.curveService().requestedGeneration();
        const int value = slider->value();
        timer.start();
        const auto pressed = relulab::app::CurveClock::now();
        QTest::keyClick(slider, key);
        if (slider->value() == value) {
            std::fprintf(stderr, "bench_latency: the key press did not move %s\n",
                         qPrintable(slider->objectName()));
            break;
        }
        if (!waitUntilDrawn(window, before)) {
            std::fprintf(stderr, "bench_latency: no redraw within 5 s\n");
            break;
        }
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        const auto seen = relulab::app::CurveClock::now();
        result.compute.push_back(window.lastComputeMilliseconds());
        result.redraw.push_back(window.lastRedrawMilliseconds());
        const relulab::ui::CurvePlots &plots = window.plots();
        const relulab::app::CurveResult &shown = *plots.shownResult();
        result.toRequest.push_back(msBetween(pressed, shown.submittedAt));
        result.toWorker.push_back(msBetween(shown.submittedAt, shown.computeStartedAt));
        result.computing.push_back(msBetween(shown.computeStartedAt, shown.computeEndedAt));
        result.toGui.push_back(msBetween(shown.computeEndedAt, plots.shownAt()));
        result.drawing.push_back(msBetween(plots.shownAt(), plots.drawnAt()));
        result.toBench.push_back(msBetween(plots.drawnAt(), seen));
    }
    return result;
}

// Counts the paint events each widget gets (--count-paints): what a slider change repaints
// besides the two plots.
class PaintCounter : public QObject
{
public:
    std::map<QString, int> counts;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && watched->isWidgetType()) {
            const QString name = watched->objectName().isEmpty() ? QString::fromLatin1("(unnamed)")
                                                                 : watched->objectName();
            ++counts[QString::fromLatin1(watched->metaObject()->className()) + QLatin1Char(' ') + name];
        }
        return QObject::eventFilter(watched, event);
    }
};

long residentKilobytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption iterationsOption(QStringLiteral("iterations"),
                                              QStringLiteral("Slider changes per scenario."),
                                              QStringLiteral("N"), QStringLiteral("400"));
    const QCommandLineOption samplesOption(QStringLiteral("samples"),
                                           QStringLiteral("Samples per curve."),
                                           QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption scenarioOption(
            QStringLiteral("scenario"), QStringLiteral("Run only this scenario: lines or cloud."),
            QStringLiteral("NAME"));
    parser.addOption(iterationsOption);
    parser.addOption(samplesOption);
    parser.addOption(scenarioOption);
    const QCommandLineOption paintsOption(QStringLiteral("count-paints"),
                                          QStringLiteral("Count the paint events per widget."));
    parser.addOption(paintsOption);
    parser.process(application);
    const int iterations = std::max(10, parser.value(iterationsOption).toInt());
    const int samples = parser.value(samplesOption).toInt();

    MainWindow window;
    window.resize(1360, 820);
    window.show();
    if (!waitUntilDrawn(window))
        return 1;
    const double startupMs = static_cast<double>(sinceStart.nsecsElapsed()) / 1e6;

    const QString scenario = parser.value(scenarioOption);
    const bool lines = scenario.isEmpty() || scenario == QLatin1String("lines");
    const bool cloud = scenario.isEmpty() || scenario == QLatin1String("cloud");
    auto &model = window.model();
    model.setSamples(samples);
    model.setSelectedActivation(Activation::LeakyRelu);
    for (Activation overlay : {Activation::Gelu, Activation::Silu, Activation::Relu})
        model.setOverlay(overlay, true);
    waitUntilDrawn(window, window.curveService().requestedGeneration());
    auto *alphaSlider = window.findChild<QSlider *>(QStringLiteral("alphaSlider"));
    // Warm-up: first-use allocations and font caches are not what a drag feels like.
    if (lines)
        dragSlider(window, alphaSlider, 20);
    PaintCounter paints;
    if (parser.isSet(paintsOption))
        application.installEventFilter(&paints);
    const Samples leaky = lines ? dragSlider(window, alphaSlider, iterations) : Samples();
    application.removeEventFilter(&paints);
    for (const auto &[widget, count] : paints.counts)
        std::printf("paints %-60s %6d (%.2f per change)\n", qPrintable(widget), count,
                    static_cast<double>(count) / iterations);

    for (Activation overlay : {Activation::Gelu, Activation::Silu, Activation::Relu})
        model.setOverlay(overlay, false);
    model.setSelectedActivation(Activation::Rrelu);
    model.setRreluMode(relulab::core::RreluMode::Training);
    waitUntilDrawn(window, window.curveService().requestedGeneration());
    auto *lowerSlider = window.findChild<QSlider *>(QStringLiteral("lowerSlider"));
    const Samples rrelu = cloud ? dragSlider(window, lowerSlider, iterations) : Samples();

    std::printf("bench_latency: slider change -> both plots repainted, %d samples per curve, "
                "window 1360x820, platform %s\n",
                samples, qPrintable(QGuiApplication::platformName()));
    for (const auto &[name, scenarioSamples] :
         {std::pair {"lines: leaky_relu alpha + 3 overlays", &leaky},
          std::pair {"cloud: rrelu lower, training mode", &rrelu}}) {
        if (scenarioSamples->total.empty())
            continue;
        report(name, scenarioSamples->total);
        report("  of which compute (worker thread)", scenarioSamples->compute);
        report("  of which redraw (GUI thread)", scenarioSamples->redraw);
        report("  1 key -> request posted (GUI)", scenarioSamples->toRequest);
        report("  2 request -> worker starts", scenarioSamples->toWorker);
        report("  3 compute (worker)", scenarioSamples->computing);
        report("  4 result -> GUI takes it", scenarioSamples->toGui);
        report("  5 setData + replot (GUI)", scenarioSamples->drawing);
        report("  6 drawn -> benchmark notices", scenarioSamples->toBench);
    }
    std::printf("%-40s %.1f ms (main() to first drawn curves)\n", "start-up", startupMs);
    std::printf("%-40s %.1f MB\n", "resident memory at the end",
                static_cast<double>(residentKilobytes()) / 1024.0);
    return 0;
}
