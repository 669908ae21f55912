// relulab-cli: ReLU Lab's headless front end.
//
// Exit codes: 0 success, 1 an I/O failure (the message names the file), 2 bad usage (a one-line
// message on stderr that names the option at fault). Usage errors are all found before any output
// is opened, so a rejected command line writes nothing to stdout and creates no file. A training
// run that diverges exits 0: divergence is one of the results it reports.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <variant>

#include "app/curveoptions.h"
#include "app/labmodel.h"
#include "app/parametermodel.h"
#include "app/preset.h"
#include "app/trainingoptions.h"
#include "core/parallel.h"
#include "core/sampling.h"
#include "core/trainer.h"
#include "borndeadcommand.h"
#include "csvwriter.h"
#include "racecommand.h"
#include "relulab/version.h"

namespace {

using relulab::app::CurveOptions;
using relulab::app::TrainingOptions;

constexpr int ExitSuccess = 0;
constexpr int ExitIoError = 1;
constexpr int ExitUsage = 2;

constexpr char ProgramName[] = "relulab-cli";
const QString CurveCommand = QStringLiteral("curve");
const QString TrainCommand = QStringLiteral("train");
const QString BornDeadCommand = QStringLiteral("born-dead");
const QString RaceCommand = QStringLiteral("race");

void print(std::FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
}

void printError(const QString &message)
{
    print(stderr, QStringLiteral("%1: %2\n").arg(QLatin1String(ProgramName), message));
}

int usageError(const QString &message)
{
    printError(message);
    return ExitUsage;
}

QCommandLineOption helpOption()
{
    return {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")};
}

// QCommandLineParser's own usage line names argv[0] as typed and knows nothing of commands, so
// help texts keep only its option list and bring their own usage line.
QString optionsSection(const QCommandLineParser &parser)
{
    const QString text = parser.helpText();
    const qsizetype options = text.indexOf(QLatin1String("Options:"));
    return options < 0 ? text : text.mid(options);
}

QString topLevelHelp(const QCommandLineParser &parser)
{
    return QStringLiteral("Usage: %1 <command> [options]\n"
                          "ReLU Lab on the command line: the rectifier family of activations "
                          "as PyTorch defines them.\n\n")
                   .arg(QLatin1String(ProgramName))
            + optionsSection(parser)
            + QStringLiteral("\nCommands:\n"
                             "  curve  Write an activation f and its derivative f' on an evenly "
                             "spaced grid as CSV.\n"
                             "  train  Train the dead-neuron lab's network and write loss, "
                             "accuracy and dead units\n"
                             "         per layer as CSV while it trains.\n"
                             "  race   Train one network per activation side by side from the "
                             "same weights and write\n"
                             "         loss, accuracy and dead units per activation as CSV.\n"
                             "  born-dead  Estimate how often a random ReLU network is dead "
                             "before it is trained,\n"
                             "             per width and depth, as CSV.\n\n"
                             "Run '%1 <command> --help' for the options of a command.\n")
                      .arg(QLatin1String(ProgramName));
}

QString curveHelp(const QCommandLineParser &parser)
{
    return QStringLiteral(
                   "Usage: %1 curve --activation NAME [options]\n"
                   "Writes f and f' of an activation at N evenly spaced x from A to B inclusive\n"
                   "as CSV with the header x,y,dy, one row per sample. Numbers are in the\n"
                   "shortest form that reads back as the same double. f'(0) of the kinked\n"
                   "functions is PyTorch's (the x <= 0 branch).\n\n")
                   .arg(QLatin1String(ProgramName))
            + optionsSection(parser);
}

QString trainHelp(const QCommandLineParser &parser)
{
    return QStringLiteral(
                   "Usage: %1 train [options]\n"
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
                   "exit code 0: divergence is a result.\n\n")
                   .arg(QLatin1String(ProgramName))
            + optionsSection(parser);
}

QCommandLineOption presetOption(const QString &what)
{
    return {QStringLiteral("preset"),
            QStringLiteral(
                    "Take the defaults from a ReLU Lab preset file (File > Save preset): %1. "
                    "Options given with it win.")
                    .arg(what),
            QStringLiteral("file")};
}

// A preset's explorer curve and lab training configuration, read from the same models the GUI
// applies a preset to, so a preset means the same here as in the window.
struct PresetDefaults
{
    relulab::core::CurveSpec curve;
    relulab::core::TrainingConfig training;
};

// The defaults of the preset at `path`, or the loader's message (every problem, each naming the
// file and the field). Warnings (ignored unknown fields) go to stderr.
std::variant<PresetDefaults, QString> presetDefaults(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("--preset: the file name is empty");
    const relulab::app::PresetResult result = relulab::app::loadPreset(path);
    if (const auto *error = std::get_if<relulab::app::PresetError>(&result))
        return error->message;
    const relulab::app::LoadedPreset &loaded = std::get<relulab::app::LoadedPreset>(result);
    for (const QString &warning : loaded.warnings)
        printError(QStringLiteral("warning: %1").arg(warning));
    relulab::app::ParameterModel parameters;
    relulab::app::LabModel lab(&parameters);
    relulab::app::apply(loaded.preset, parameters, lab);
    return PresetDefaults {parameters.curveSpec(), lab.config()};
}

// Samples the curve and writes it as CSV; false when a write fails (see device.errorString()).
bool writeCurve(const relulab::core::CurveSpec &spec, QIODevice &device)
{
    const relulab::core::SampledCurve curve = relulab::core::sampleCurve(spec);
    return relulab::cli::writeCurveCsv(curve, device);
}

int writeToStdout(const relulab::core::CurveSpec &spec)
{
    QFile out;
    // Unbuffered: the writer hands over megabyte blocks, another copy would only cost time.
    if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered) || !writeCurve(spec, out)) {
        printError(QStringLiteral("cannot write to standard output: %1").arg(out.errorString()));
        return ExitIoError;
    }
    return ExitSuccess;
}

int writeToFile(const relulab::core::CurveSpec &spec, const QString &fileName)
{
    // QSaveFile writes a temporary file and renames it over the target on commit, so a failure
    // never leaves a half-written file and an existing file survives it.
    // flush() before commit(): Qt 6.4's commit() ignores a failed last flush (a full disk) and
    // renames the empty or truncated temporary file over the target, reporting success.
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || !writeCurve(spec, file) || !file.flush() || !file.commit()) {
        printError(QStringLiteral("cannot write '%1': %2").arg(fileName, file.errorString()));
        return ExitIoError;
    }
    return ExitSuccess;
}

int runCurve(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption help = helpOption();
    const QCommandLineOption output(
            {QStringLiteral("o"), QStringLiteral("output")},
            QStringLiteral("Write the CSV to this file instead of standard output, atomically: on "
                           "failure an existing file is left as it was."),
            QStringLiteral("file"));
    const QCommandLineOption preset = presetOption(
            QStringLiteral("the explorer's function, its parameters, range and samples"));
    parser.addOption(help);
    relulab::app::addCurveOptions(parser);
    parser.addOption(preset);
    parser.addOption(output);

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        print(stdout, curveHelp(parser));
        return ExitSuccess;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("curve: unexpected argument '%1'")
                                  .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(output) && parser.value(output).isEmpty())
        return usageError(QStringLiteral("--output: the file name is empty"));

    relulab::core::CurveSpec defaults;
    if (parser.isSet(preset)) {
        const auto loaded = presetDefaults(parser.value(preset));
        if (const auto *message = std::get_if<QString>(&loaded))
            return usageError(*message);
        defaults = std::get<PresetDefaults>(loaded).curve;
    }
    // A preset names the function, so --activation is required only without one.
    const std::variant<CurveOptions, QString> read =
            relulab::app::readCurveOptions(parser, defaults, !parser.isSet(preset));
    if (const auto *message = std::get_if<QString>(&read))
        return usageError(*message);
    const CurveOptions &options = std::get<CurveOptions>(read);
    for (const QString &warning : options.warnings)
        printError(QStringLiteral("warning: %1").arg(warning));

    return parser.isSet(output) ? writeToFile(options.spec, parser.value(output))
                                : writeToStdout(options.spec);
}

// What a training run ended with, once its CSV is written.
struct TrainingOutcome
{
    bool written = false;
    // The step whose measurement found the run diverged.
    std::optional<std::uint64_t> divergedAt;
};

// Trains and writes the header and each row as it is measured, flushing every row when
// `flushRows` (so a pipe sees the progress of a long run). Stops at the first failed write.
TrainingOutcome train(const TrainingOptions &options, QFileDevice &device, bool flushRows)
{
    namespace cli = relulab::cli;
    const relulab::core::NetworkConfig &network = options.config.network;
    auto write = [&](const std::string &text) {
        return cli::writeText(device, text) && (!flushRows || device.flush());
    };

    TrainingOutcome outcome;
    const std::unique_ptr<relulab::core::Trainer> trainer = relulab::core::makeTrainer(options.config);
    if (!write(cli::trainingCsvHeader(network)))
        return outcome;
    for (;;) {
        const relulab::core::Measurement measurement = trainer->measure();
        if (!write(cli::trainingCsvRow(measurement, network)))
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

int trainingFinished(const TrainingOutcome &outcome)
{
    if (outcome.divergedAt)
        printError(QStringLiteral("training diverged at step %1 (non-finite loss or parameters)")
                           .arg(*outcome.divergedAt));
    return ExitSuccess;
}

int trainToStdout(const TrainingOptions &options)
{
    QFile out;
    // Unbuffered: rows are flushed one by one anyway, and a second buffer would only copy them.
    if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        printError(QStringLiteral("cannot write to standard output: %1").arg(out.errorString()));
        return ExitIoError;
    }
    const TrainingOutcome outcome = train(options, out, true);
    if (!outcome.written) {
        printError(QStringLiteral("cannot write to standard output: %1").arg(out.errorString()));
        return ExitIoError;
    }
    return trainingFinished(outcome);
}

int trainToFile(const TrainingOptions &options)
{
    // Opened before training, so that an unwritable path fails at once and not after a long run;
    // the rows go to QSaveFile's temporary file and the target appears, complete, on commit.
    QSaveFile file(options.output);
    if (!file.open(QIODevice::WriteOnly)) {
        printError(QStringLiteral("cannot write '%1': %2").arg(options.output, file.errorString()));
        return ExitIoError;
    }
    const TrainingOutcome outcome = train(options, file, false);
    if (!outcome.written || !file.flush() || !file.commit()) {
        printError(QStringLiteral("cannot write '%1': %2").arg(options.output, file.errorString()));
        return ExitIoError;
    }
    return trainingFinished(outcome);
}

int runTrain(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption help = helpOption();
    const QCommandLineOption preset = presetOption(
            QStringLiteral("the lab's data set, network, initialisation, optimizer, learning rate, "
                           "batch size and precision, and the explorer's slope, weight or bounds"));
    parser.addOption(help);
    relulab::app::addTrainingOptions(parser);
    parser.addOption(preset);

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        print(stdout, trainHelp(parser));
        return ExitSuccess;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("train: unexpected argument '%1'")
                                  .arg(parser.positionalArguments().constFirst()));

    relulab::core::TrainingConfig defaults;
    if (parser.isSet(preset)) {
        const auto loaded = presetDefaults(parser.value(preset));
        if (const auto *message = std::get_if<QString>(&loaded))
            return usageError(*message);
        defaults = std::get<PresetDefaults>(loaded).training;
    }
    const std::variant<TrainingOptions, QString> read =
            relulab::app::readTrainingOptions(parser, defaults);
    if (const auto *message = std::get_if<QString>(&read))
        return usageError(*message);
    const TrainingOptions &options = std::get<TrainingOptions>(read);
    for (const QString &warning : options.warnings)
        printError(QStringLiteral("warning: %1").arg(warning));

    if (options.threads)
        relulab::core::setMaxThreads(*options.threads);
    return options.output.isEmpty() ? trainToStdout(options) : trainToFile(options);
}

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption help = helpOption();
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    parser.addOption(help);
    parser.addOption(version);
    // Everything from the command on belongs to the command's own parser.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        print(stdout, topLevelHelp(parser));
        return ExitSuccess;
    }
    if (parser.isSet(version)) {
        print(stdout,
              QStringLiteral("%1 %2\n").arg(QLatin1String(ProgramName),
                                            QLatin1String(relulab::ProjectVersion)));
        return ExitSuccess;
    }
    const QStringList commandLine = parser.positionalArguments();
    if (commandLine.isEmpty())
        return usageError(
                QStringLiteral("no command given (try '%1 --help')").arg(QLatin1String(ProgramName)));
    const QString &command = commandLine.constFirst();
    if (command != CurveCommand && command != TrainCommand && command != BornDeadCommand
        && command != RaceCommand)
        return usageError(
                QStringLiteral("unknown command '%1' (commands: curve, train, race, born-dead)").arg(command));
    // The command's parser expects a program name first, as in argv.
    const QStringList commandArguments =
            QStringList {arguments.constFirst() + QLatin1Char(' ') + command} + commandLine.mid(1);
    if (command == BornDeadCommand)
        return relulab::cli::runBornDeadCommand(commandArguments);
    if (command == RaceCommand)
        return relulab::cli::runRaceCommand(commandArguments);
    return command == CurveCommand ? runCurve(commandArguments) : runTrain(commandArguments);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QLatin1String(ProgramName));
    QCoreApplication::setApplicationVersion(QLatin1String(relulab::ProjectVersion));
    // The commands report what they expect to go wrong themselves; anything else (out of memory
    // for a huge run, say) ends with a message and status 1, not with std::terminate's abort.
    try {
        return run(QCoreApplication::arguments());
    } catch (const std::exception &error) {
        std::fprintf(stderr, "%s: %s\n", ProgramName, error.what());
    } catch (...) {
        std::fprintf(stderr, "%s: unexpected error\n", ProgramName);
    }
    return 1;
}
