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

void addOptions(QCommandLineParser &parser)
{
    app::addTrainingOptions(parser);
    parser.addOption(presetOption(trainingPresetContents()));
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
            "exit code 0: divergence is a result.\n\n");
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
    if (auto *options = std::get_if<TrainingOptions>(&read))
        options->warnings = presetWarnings + options->warnings;
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
    if (!write(trainingCsvHeader(network)))
        return outcome;
    for (;;) {
        const core::Measurement measurement = trainer->measure();
        if (!write(trainingCsvRow(measurement, network)))
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
