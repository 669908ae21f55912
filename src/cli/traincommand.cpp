#include "traincommand.h"

#include <QCommandLineParser>
#include <QIODevice>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <variant>

#include "app/trainingoptions.h"
#include "command.h"
#include "core/parallel.h"
#include "core/trainer.h"
#include "csvwriter.h"

namespace relulab::cli {

namespace {

using app::TrainingOptions;

const QString LayerStatsOption = QStringLiteral("layer-stats");

void addOptions(QCommandLineParser &parser)
{
    app::addTrainingOptions(parser);
    parser.addOption(presetOption(trainingPresetContents()));
    parser.addOption({LayerStatsOption,
                      QStringLiteral("Add the layer statistics to every row (see above); they take a "
                                     "backward pass over the training set at each measurement.")});
}

QString describe()
{
    return QStringLiteral(
            "Trains a small network on a two-dimensional data set and writes one CSV row\n"
            "per measurement: at step 0, every K steps and after the last step, each row\n"
            "as soon as it is measured. Without options it runs the reference experiment:\n"
            "two spirals, 2-32-32-32-1 ReLU, He normal, SGD with lr 0.1 on the full batch,\n"
            "2000 steps measured every 100, double precision.\n\n"
            "Columns: step,loss,train_accuracy,test_accuracy, then dead_l1..dead_lN (units\n"
            "of hidden layer l whose pre-activation is <= 0 on every training point),\n"
            "rarely_active_l1..rarely_active_lN (active on fewer than 5 % of the points,\n"
            "dead ones included), output_constant (1: the same output for every point),\n"
            "diverged, and for prelu alpha_l1..alpha_lN (alpha_l1_u1.. with\n"
            "--prelu-per-unit). Loss and accuracies are measured in evaluation mode (RReLU\n"
            "with its mean slope). Numbers are in the shortest form that reads back as the\n"
            "same double, booleans 0 or 1; test_accuracy is empty without a test set.\n\n"
            "If training diverges (a non-finite loss or parameter), the row of that step\n"
            "has diverged=1 and empty unit counts, stderr says so, and the run stops with\n"
            "exit code 0: divergence is a result.\n\n"
            "--layer-stats adds, per hidden layer l, on the whole training set in evaluation\n"
            "mode: grad_l1..grad_lN and grad_out, the norm (Frobenius) of the mean loss's\n"
            "gradient with respect to the weights into layer l and into the output;\n"
            "zero_l1.., the share of (point, unit) pairs whose activation is exactly 0;\n"
            "blocked_l1.., the share with |f'(z)| < 0.05 (saturated sigmoid or tanh, ReLU's\n"
            "negative side; f'(0) as PyTorch); mean_l1.. and std_l1.., the mean and the\n"
            "population standard deviation of the activations.\n\n");
}

std::variant<TrainingOptions, QString> readOptions(const QCommandLineParser &parser)
{
    core::TrainingConfig defaults;
    QStringList presetWarnings;
    if (parser.isSet(QStringLiteral("preset"))) {
        const auto loaded = presetDefaults(parser.value(QStringLiteral("preset")));
        if (const auto *message = std::get_if<QString>(&loaded))
            return *message;
        defaults = std::get<PresetDefaults>(loaded).training;
        presetWarnings = std::get<PresetDefaults>(loaded).warnings;
    }
    std::variant<TrainingOptions, QString> read = app::readTrainingOptions(parser, defaults);
    if (auto *options = std::get_if<TrainingOptions>(&read)) {
        options->warnings = presetWarnings + options->warnings;
        options->layerStatistics = parser.isSet(LayerStatsOption);
    }
    return read;
}

// What a training run ended with, once its CSV is written.
struct TrainingOutcome
{
    bool written = false;
    // The step whose measurement found the run diverged.
    std::optional<std::uint64_t> divergedAt;
};

// Trains and writes the header and each row as it is measured. Stops at the first failed write.
TrainingOutcome train(const TrainingOptions &options, QIODevice &device)
{
    const core::NetworkConfig &network = options.config.network;
    auto write = [&](const std::string &text) { return writeText(device, text); };

    TrainingOutcome outcome;
    const std::unique_ptr<core::Trainer> trainer = core::makeTrainer(options.config);
    const bool statistics = options.layerStatistics;
    if (!write(trainingCsvHeader(network, statistics)))
        return outcome;
    core::MeasureOptions measureOptions;
    measureOptions.layerStatistics = statistics;
    for (;;) {
        const core::Measurement measurement = trainer->measure(measureOptions);
        if (!write(trainingCsvRow(measurement, network, statistics)))
            return outcome;
        if (measurement.diverged) {
            outcome.divergedAt = measurement.step;
            break;
        }
        const std::uint64_t done = trainer->stepsDone();
        if (done >= options.steps)
            break;
        // The next multiple of `every`, or the last step.
        const std::uint64_t next = std::min(options.steps, (done / options.every + 1) * options.every);
        // A diverging step ends train() early; the measurement above then reports that step.
        trainer->train(next - done);
    }
    outcome.written = true;
    return outcome;
}

int run(const TrainingOptions &options)
{
    if (options.threads)
        core::setMaxThreads(*options.threads);
    TrainingOutcome outcome;
    const int status = writeCsv(options.output, [&](QIODevice &device) {
        outcome = train(options, device);
        return outcome.written;
    });
    if (status == ExitSuccess && outcome.divergedAt)
        printError(QStringLiteral("training diverged at step %1 (non-finite loss or parameters)")
                           .arg(*outcome.divergedAt));
    return status;
}

constexpr Command<TrainingOptions> Definition {"train",     "train [options]", addOptions,
                                               readOptions, describe,          run};

} // namespace

constexpr CommandEntry TrainCommand = entryOf<Definition>();

} // namespace relulab::cli
