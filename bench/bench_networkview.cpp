// The network view's paint time (offscreen unless a platform is chosen): the lab's reference shape
// 2-32-32-32-1, 8 hidden layers of 128, and the deepest networks the lab builds, 32 hidden layers
// of 32 and of 128, each with some dead units, rendered into an image again and again at 600x400.
// Two figures per shape, each the median and the best time: a repaint of the snapshot shown (an
// expose, a tooltip), and a new snapshot then its paint, which is what the lab does about 20 times
// a second while a run trains. (It was a test function of tst_networkview, which printed and
// asserted nothing: wall-clock time depends on the machine and its load.)
//
//   bench_networkview [--paints N]     (N paints per shape and figure, default 200)

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

// Milliseconds per paint over `repeats` renders into one image; with `snapshots`, each paint
// follows one of them shown anew (alternately, as the lab shows a new one each time).
PaintTime measurePaints(relulab::ui::NetworkView &view, int repeats,
                        const std::vector<relulab::app::TrainingSnapshotPtr> &snapshots = {})
{
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!snapshots.empty())
            view.showSnapshot(snapshots[static_cast<std::size_t>(i) % snapshots.size()]);
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
                  {"2-8x128-1", std::vector<int>(8, 128), 9},
                  {"2-32x32-1 (the deepest)", std::vector<int>(32, 32), 7},
                  {"2-32x128-1 (the largest)", std::vector<int>(32, 128), 9}};
    for (const auto &shape : shapes) {
        const std::vector<relulab::app::TrainingSnapshotPtr> snapshots {
                makeSnapshot(shape.hidden, shape.deadEvery),
                makeSnapshot(shape.hidden, shape.deadEvery)};
        view.showSnapshot(snapshots.front());
        measurePaints(view, 3); // warm up fonts and caches
        const PaintTime repaint = measurePaints(view, paints);
        const PaintTime fresh = measurePaints(view, paints, snapshots);
        std::printf("  %-28s repaint median %.2f ms, best %.2f ms; new snapshot + paint median "
                    "%.2f ms, best %.2f ms\n",
                    shape.name, repaint.median, repaint.minimum, fresh.median, fresh.minimum);
    }
    return 0;
}
