#include "racecommand.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include "app/enumnames.h"
#include "app/optionparsing.h"
#include "app/trainingoptions.h"
#include "command.h"
#include "core/parallel.h"
#include "csvwriter.h"

namespace relulab::cli {

namespace {

namespace core = relulab::core;

const QString ActivationsOption = QStringLiteral("activations");
const QString ScenarioOption = QStringLiteral("scenario");
const QString PresetOption = QStringLiteral("preset");
const QString SummaryOption = QStringLiteral("summary");
// Options of addTrainingOptions() the race reads or refuses itself.
const QString ActivationOption = QStringLiteral("activation");
const QString StepsOption = QStringLiteral("steps");
const QString EveryOption = QStringLiteral("every");

// The options that belong to one activation: each applies to the lanes of its activation and is
// reported as ignored only when no lane has it.
struct LaneOption
{
    const char *name;
    bool (*usedBy)(core::Activation);
};
const std::array<LaneOption, 5> LaneOptions {{
        {"alpha", [](core::Activation kind) { return core::activationInfo(kind).hasAlpha; }},
        {"lower", [](core::Activation kind) { return kind == core::Activation::Rrelu; }},
        {"upper", [](core::Activation kind) { return kind == core::Activation::Rrelu; }},
        {"rrelu-seed", [](core::Activation kind) { return kind == core::Activation::Rrelu; }},
        {"prelu-per-unit", [](core::Activation kind) { return kind == core::Activation::Prelu; }},
}};

QString defaultActivations()
{
    QStringList names;
    for (core::Activation kind : core::DefaultRaceActivations)
        names.append(app::enumName(kind));
    return names.join(QLatin1Char(','));
}

void addOptions(QCommandLineParser &parser)
{
    app::addTrainingOptions(parser);
    parser.addOptions({
            {ActivationsOption,
             QStringLiteral("The lanes: hidden activations separated by commas, each at most once, "
                            "from: %1 (default %2).")
                     .arg(app::enumNameList<core::Activation>(), defaultActivations()),
             QStringLiteral("names")},
            {ScenarioOption,
             QStringLiteral("Start from a race that shows the point, one of: %1; the other "
                            "options change it.")
                     .arg(app::enumNameList<core::RacePresetKind>()),
             QStringLiteral("name")},
            {SummaryOption,
             app::outputOptionHelp(QStringLiteral("the finish table too (one row per activation, with "
                                                 "the steps to 95 % training accuracy, as CSV)")),
             QStringLiteral("file")},
    });
    parser.addOption(presetOption(trainingPresetContents()));
}

// The scenarios, each description wrapped to the width of the help text under its name.
QString scenarioList()
{
    constexpr qsizetype Width = 78;
    const QString indent(4, QLatin1Char(' '));
    QString text;
    for (int i = 0; i < core::RacePresetCount; ++i) {
        const core::RacePreset preset = core::racePreset(static_cast<core::RacePresetKind>(i));
        text += QStringLiteral("  %1\n").arg(app::fromView(preset.cliName));
        QString line = indent;
        for (const QString &word : app::fromView(preset.description).split(QLatin1Char(' '))) {
            if (line.size() > indent.size() && line.size() + 1 + word.size() > Width) {
                text += line + QLatin1Char('\n');
                line = indent;
            }
            if (line.size() > indent.size())
                line += QLatin1Char(' ');
            line += word;
        }
        text += line + QLatin1Char('\n');
    }
    return text;
}

QString describe()
{
    return QStringLiteral(
                   "Trains one network per activation side by side: the same data, the same\n"
                   "initial weights and biases (one seed), the same learning rate, shape,\n"
                   "initialization and optimizer; only the hidden activation differs. The lanes\n"
                   "train in parallel, one per thread, each exactly as `train --activation` would\n"
                   "train it. Without options it races %1\n"
                   "on the reference experiment (two spirals, 2-32-32-32-1, He normal, SGD with\n"
                   "lr 0.1 on the full batch, 2000 steps measured every 100, double precision).\n\n"
                   "Writes one CSV row per activation per measurement (at step 0, every K steps\n"
                   "and after the last step), the lanes in the order of --activations:\n"
                   "  step,activation,loss,train_accuracy,test_accuracy,dead_l1..dead_lN,\n"
                   "  total_dead,diverged\n"
                   "dead_lN counts the units of hidden layer N whose pre-activation is <= 0 on\n"
                   "every training point; loss and accuracies are measured in evaluation mode.\n"
                   "Numbers are in the shortest form that reads back as the same double;\n"
                   "test_accuracy is empty without a test set. PReLU's alphas are not written\n"
                   "(the other lanes have none): `train --activation prelu` gives them.\n\n"
                   "A lane that diverges (a non-finite loss or parameter) stops at that step and\n"
                   "the others go on: its rows from then on repeat its measurement at the step\n"
                   "of divergence, with diverged=1 and empty dead cells, and stderr says so. The\n"
                   "exit code is 0: divergence is a result.\n\n"
                   "The options of one activation apply to the lanes of that activation:\n"
                   "--alpha is the Leaky ReLU slope, PReLU's initial weight and ELU's alpha\n"
                   "alike; --lower, --upper and --rrelu-seed are RReLU's; --prelu-per-unit is\n"
                   "PReLU's. --activation is not taken: use --activations. --steps and --every\n"
                   "override a scenario's. A --preset file gives the training settings of the\n"
                   "lab, as for `train --preset`. Steps to 95 % (--summary) are found at\n"
                   "measurements, so to within --every steps.\n\n"
                   "Scenarios (--scenario):\n")
                   .arg(defaultActivations())
            + scenarioList() + QLatin1Char('\n');
}

// "relu,leaky_relu": one to MaxRaceLanes activation names, each once.
app::Parsed<std::vector<core::Activation>> parseActivations(const QString &text)
{
    const QString option = app::dashed(ActivationsOption);
    if (text.isEmpty())
        return QStringLiteral("%1: no activations given (expected names separated by commas, e.g. "
                              "%2)")
                .arg(option, defaultActivations());
    std::vector<core::Activation> lanes;
    for (const QString &part : text.split(QLatin1Char(','))) {
        if (part.isEmpty())
            return QStringLiteral("%1: '%2' has an empty name (expected names separated by "
                                  "commas, e.g. %3)")
                    .arg(option, text, defaultActivations());
        const std::optional<core::Activation> kind = app::enumFromName<core::Activation>(part);
        if (!kind)
            return QStringLiteral("%1: unknown function '%2' in '%3' (expected one of: %4)")
                    .arg(option, part, text, app::enumNameList<core::Activation>());
        if (std::find(lanes.begin(), lanes.end(), *kind) != lanes.end())
            return QStringLiteral("%1: %2 is given twice in '%3'").arg(option, part, text);
        lanes.push_back(*kind);
    }
    return lanes;
}

struct RaceOptions
{
    core::TrainingConfig base;
    std::vector<core::Activation> lanes;
    std::uint64_t steps = app::DefaultTrainingSteps;
    std::uint64_t every = app::DefaultMeasureEvery;
    std::optional<int> threads;
    QString output;
    QString summary;
    QStringList warnings;
};

// The training options read once per lane, with that lane's activation: each lane's own options
// are then read (and checked) as `train` reads them, and the base takes from each lane the
// parameters of its activation.
std::variant<RaceOptions, QString> readOptions(const QCommandLineParser &parser)
{
    if (parser.isSet(ActivationOption))
        return QStringLiteral("--activation: a race trains several activations: use --activations");
    RaceOptions options;
    core::TrainingConfig defaults;
    std::optional<core::RacePreset> scenario;
    if (parser.isSet(ScenarioOption) && parser.isSet(PresetOption))
        return QStringLiteral("--scenario and --preset: one at a time");
    if (parser.isSet(ScenarioOption)) {
        const QString name = parser.value(ScenarioOption);
        const std::optional<core::RacePresetKind> kind = app::enumFromName<core::RacePresetKind>(name);
        if (!kind)
            return QStringLiteral("--scenario: unknown scenario '%1' (expected one of: %2)")
                    .arg(name, app::enumNameList<core::RacePresetKind>());
        scenario = core::racePreset(*kind);
        defaults = scenario->config;
    }
    if (parser.isSet(PresetOption)) {
        const QString file = parser.value(PresetOption);
        // `race --preset NAME` took a scenario before --scenario existed: say so rather than only
        // that no such file exists.
        if (app::enumFromName<core::RacePresetKind>(file) && !QFileInfo::exists(file))
            return QStringLiteral("--preset: '%1' is not a preset file; for the race that shows "
                                  "the point, use --scenario %1")
                    .arg(file);
        const auto loaded = presetDefaults(file);
        if (const auto *message = std::get_if<QString>(&loaded))
            return *message;
        defaults = std::get<PresetDefaults>(loaded).training;
        options.warnings = std::get<PresetDefaults>(loaded).warnings;
    }
    const app::Parsed<std::vector<core::Activation>> lanes = parseActivations(
            parser.isSet(ActivationsOption) ? parser.value(ActivationsOption) : defaultActivations());
    if (const auto *message = std::get_if<QString>(&lanes))
        return *message;
    options.lanes = std::get<std::vector<core::Activation>>(lanes);
    if (parser.isSet(SummaryOption)) {
        options.summary = parser.value(SummaryOption);
        if (options.summary.isEmpty())
            return QStringLiteral("--summary: the file name is empty");
    }

    std::optional<app::TrainingOptions> first;
    for (core::Activation lane : options.lanes) {
        const std::variant<app::TrainingOptions, QString> read =
                app::readTrainingOptions(parser, core::laneConfig(defaults, lane));
        if (const auto *message = std::get_if<QString>(&read))
            return *message;
        const app::TrainingOptions &laneOptions = std::get<app::TrainingOptions>(read);
        if (!first) {
            first = laneOptions;
            options.base = laneOptions.config;
        }
        const core::TrainingConfig &config = laneOptions.config;
        core::ActivationParams &params = options.base.network.params;
        switch (lane) {
        case core::Activation::LeakyRelu:
            params.leakySlope = config.network.params.leakySlope;
            break;
        case core::Activation::Prelu:
            params.preluWeight = config.network.params.preluWeight;
            options.base.network.preluPerUnit = config.network.preluPerUnit;
            break;
        case core::Activation::Elu:
            params.eluAlpha = config.network.params.eluAlpha;
            break;
        case core::Activation::Rrelu:
            params.rreluLower = config.network.params.rreluLower;
            params.rreluUpper = config.network.params.rreluUpper;
            options.base.rreluSeed = config.rreluSeed;
            break;
        default:
            break;
        }
    }

    // The first lane's warnings, except for the options of one activation, which are ignored
    // only if no lane has them.
    for (const QString &warning : first->warnings) {
        const bool ofActivation =
                std::any_of(LaneOptions.begin(), LaneOptions.end(), [&](const LaneOption &o) {
                    return warning.startsWith(app::dashed(QLatin1String(o.name)) + QLatin1Char(' '));
                });
        if (!ofActivation)
            options.warnings.append(warning);
    }
    for (const LaneOption &option : LaneOptions) {
        const QString name = QLatin1String(option.name);
        if (parser.isSet(name) && std::none_of(options.lanes.begin(), options.lanes.end(), option.usedBy))
            options.warnings.append(
                    QStringLiteral("%1 is ignored by every lane of the race").arg(app::dashed(name)));
    }

    options.steps = parser.isSet(StepsOption) ? first->steps
            : scenario                        ? scenario->steps
                                              : app::DefaultTrainingSteps;
    options.every = parser.isSet(EveryOption) ? first->every
            : scenario                        ? scenario->measureEvery
                                              : app::DefaultMeasureEvery;
    options.threads = first->threads;
    options.output = first->output;
    // Without --output the CSV goes to standard output, which --summary - would share.
    if (const auto clash = sameFileError(QStringLiteral("output"),
                                         options.output.isEmpty() ? QStringLiteral("-") : options.output,
                                         SummaryOption, options.summary))
        return *clash;
    if (const std::optional<std::string> problem = core::validateRace(options.base, options.lanes))
        return QStringLiteral("invalid race: %1").arg(QString::fromStdString(*problem));
    return options;
}

void appendDeadHeader(std::string &header, int hiddenLayers)
{
    for (int l = 1; l <= hiddenLayers; ++l)
        header.append(",dead_l").append(std::to_string(l));
    header += ",total_dead";
}

struct RaceOutcome
{
    bool written = false;
    std::vector<core::RaceLaneSummary> summary;
};

// Races and writes the header and each measurement's rows as they are measured (so a pipe sees
// the progress of a long run). Stops at the first failed write.
RaceOutcome race(const RaceOptions &options, QIODevice &device)
{
    const auto write = [&](const std::string &text) { return writeText(device, text); };
    const int layers = static_cast<int>(options.base.network.hidden.size());
    RaceOutcome outcome;
    core::Race race(options.base, options.lanes);
    if (!write(raceCsvHeader(layers)))
        return outcome;
    std::vector<bool> reported(race.laneCount(), false);
    for (;;) {
        const std::vector<core::Measurement> measured = race.measure();
        const std::uint64_t done = race.stepsDone();
        std::string rows;
        for (std::size_t lane = 0; lane < race.laneCount(); ++lane)
            rows += raceCsvRow(done, measured[lane], race.activation(lane), layers);
        if (!write(rows))
            return outcome;
        for (std::size_t lane = 0; lane < race.laneCount(); ++lane) {
            if (measured[lane].diverged && !reported[lane]) {
                reported[lane] = true;
                printError(
                        QStringLiteral("%1 diverged at step %2 (non-finite loss or parameters)%3")
                                .arg(app::enumName(race.activation(lane)))
                                .arg(measured[lane].step)
                                .arg(race.allDiverged() ? QString()
                                                        : QStringLiteral("; the others go on")));
            }
        }
        if (done >= options.steps || race.allDiverged())
            break;
        // The next multiple of `every`, or the last step.
        race.train(std::min(options.steps, (done / options.every + 1) * options.every) - done);
    }
    outcome.summary = race.summary();
    outcome.written = true;
    return outcome;
}

// Writes the finish table; false (and a message) when it cannot.
bool writeSummary(const RaceOptions &options, app::OutputFile &file,
                  const std::vector<core::RaceLaneSummary> &summary)
{
    const int layers = static_cast<int>(options.base.network.hidden.size());
    if (!writeText(file, raceSummaryCsv(summary, layers))) {
        printError(QStringLiteral("cannot write '%1': %2").arg(file.displayName(), file.errorString()));
        return false;
    }
    return commitOutput(file);
}

int run(const RaceOptions &options)
{
    if (options.threads)
        core::setMaxThreads(*options.threads);
    // The summary is opened before the race too, so that an unwritable path fails at once and
    // not after a long run; it is written, complete, once the race is over.
    std::unique_ptr<app::OutputFile> summary;
    if (!options.summary.isEmpty()) {
        summary = openOutput(options.summary);
        if (!summary)
            return ExitIoError;
    }
    RaceOutcome outcome;
    const int status = writeCsv(options.output, [&](QIODevice &device) {
        outcome = race(options, device);
        return outcome.written;
    });
    if (status != ExitSuccess)
        return status;
    if (summary && !writeSummary(options, *summary, outcome.summary))
        return ExitIoError;
    return ExitSuccess;
}

constexpr Command<RaceOptions> Definition {"race",      "race [options]", addOptions,
                                           readOptions, describe,         run};

} // namespace

constexpr CommandEntry RaceCommand = entryOf<Definition>();

std::string raceCsvHeader(int hiddenLayers)
{
    std::string header = "step,activation,loss,train_accuracy,test_accuracy";
    appendDeadHeader(header, hiddenLayers);
    header += ",diverged\n";
    return header;
}

std::string raceCsvRow(std::uint64_t step, const core::Measurement &measurement,
                       core::Activation activation, int hiddenLayers)
{
    std::string row = std::to_string(step);
    row.push_back(',');
    row.append(core::activationInfo(activation).cliName);
    appendCell(row, measurement.loss);
    appendCell(row, measurement.trainAccuracy);
    appendAccuracy(row, measurement.testAccuracy);
    const auto layers = static_cast<std::size_t>(hiddenLayers);
    // After divergence the counts mean nothing (non-finite pre-activations): empty, not "0 dead".
    const bool meaningful = !measurement.diverged && measurement.layers.size() == layers;
    for (std::size_t l = 0; l < layers; ++l) {
        if (meaningful)
            appendCell(row, measurement.layers[l].dead);
        else
            row.push_back(',');
    }
    if (meaningful)
        appendCell(row, measurement.totalDead());
    else
        row.push_back(',');
    row += measurement.diverged ? ",1\n" : ",0\n";
    return row;
}

std::string raceSummaryCsv(const std::vector<core::RaceLaneSummary> &table, int hiddenLayers)
{
    std::string text = "activation,steps,loss,train_accuracy,test_accuracy";
    appendDeadHeader(text, hiddenLayers);
    text += ",dead_without_gradient,steps_to_95,diverged\n";
    const auto layers = static_cast<std::size_t>(hiddenLayers);
    for (const core::RaceLaneSummary &line : table) {
        text.append(core::activationInfo(line.activation).cliName);
        appendCell(text, line.step);
        appendCell(text, line.loss);
        appendCell(text, line.trainAccuracy);
        appendAccuracy(text, line.testAccuracy);
        const bool meaningful = !line.diverged && line.deadPerLayer.size() == layers;
        for (std::size_t l = 0; l < layers; ++l) {
            if (meaningful)
                appendCell(text, line.deadPerLayer[l]);
            else
                text.push_back(',');
        }
        if (meaningful) {
            appendCell(text, line.totalDead);
            appendCell(text, line.totalDeadWithoutGradient);
        } else {
            text += ",,";
        }
        if (line.stepsToGoal)
            appendCell(text, *line.stepsToGoal);
        else
            text.push_back(',');
        text += line.diverged ? ",1\n" : ",0\n";
    }
    return text;
}

} // namespace relulab::cli
