// The network view's paint time (offscreen unless a platform is chosen): the lab's reference shape
// 2-32-32-32-1 and the widest network the lab builds, 8 hidden layers of 128, each with some dead
// units, rendered into an image again and again at 600x400. Prints the median and the best time
// per paint. (It was a test function of tst_networkview, which printed and asserted nothing:
// wall-clock time depends on the machine and its load.)
//
//   bench_networkview [--paints N]     (N paints per shape, default 200)

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include "core/network.h"
#include "ui/networkview.h"

using relulab::app::TrainingSnapshot;
using relulab::core::LayerMeasurement;

namespace {

// A snapshot of a network with these hidden widths and He-normal weights, every hidden unit
// active on half the points but every `deadEvery`-th one, which is dead.
std::shared_ptr<TrainingSnapshot> makeSnapshot(const std::vector<int> &hidden, int deadEvery)
{
    auto snapshot = std::make_shared<TrainingSnapshot>();
    snapshot->config.network.hidden = hidden;
    snapshot->layout = relulab::core::layoutFor(snapshot->config.network);
    snapshot->parameters = relulab::core::initialParameters(snapshot->config.network);
    snapshot->measurement.step = 1200;
    for (std::size_t l = 0; l < hidden.size(); ++l) {
        LayerMeasurement layer;
        layer.units = hidden[l];
        layer.activationRate.assign(static_cast<std::size_t>(hidden[l]), 0.5f);
        for (std::size_t u = l; u < layer.activationRate.size();
             u += static_cast<std::size_t>(deadEvery))
            layer.activationRate[u] = 0.0f;
        layer.dead = static_cast<int>(
                std::count(layer.activationRate.begin(), layer.activationRate.end(), 0.0f));
        layer.deadWithoutGradient = layer.dead;
        layer.rarelyActive = layer.dead;
        snapshot->measurement.layers.push_back(std::move(layer));
    }
    return snapshot;
}

struct PaintTime
{
    double median = 0.0;
    double minimum = 0.0;
};

// Milliseconds per paint over `repeats` renders into one image.
PaintTime measurePaints(relulab::ui::NetworkView &view, int repeats)
{
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        view.render(&image);
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times.front()};
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption paintsOption(QStringLiteral("paints"),
                                          QStringLiteral("Paints per network shape."),
                                          QStringLiteral("N"), QStringLiteral("200"));
    parser.addOption(paintsOption);
    parser.process(application);
    const int paints = std::max(1, parser.value(paintsOption).toInt());

    relulab::ui::NetworkView view;
    view.resize(600, 400);
    std::printf("bench_networkview: %d paints per shape, 600x400, platform %s\n", paints,
                qPrintable(QApplication::platformName()));
    const struct
    {
        const char *name;
        std::vector<int> hidden;
        int deadEvery;
    } shapes[] = {{"2-32-32-32-1 (the reference)", {32, 32, 32}, 5},
                  {"2-8x128-1 (the widest)", std::vector<int>(8, 128), 9}};
    for (const auto &shape : shapes) {
        view.showSnapshot(makeSnapshot(shape.hidden, shape.deadEvery));
        measurePaints(view, 3); // warm up fonts and caches
        const PaintTime time = measurePaints(view, paints);
        std::printf("  %-30s median %.2f ms, best %.2f ms\n", shape.name, time.median, time.minimum);
    }
    return 0;
}
