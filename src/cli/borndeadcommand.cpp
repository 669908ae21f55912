#include "borndeadcommand.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFile>
#include <QSaveFile>
#include <QString>
#include <QStringList>

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <set>
#include <system_error>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "app/optionparsing.h"
#include "app/trainingoptions.h"
#include "csvwriter.h"

namespace relulab::cli {

namespace {

namespace core = relulab::core;
using app::dashed;
using app::fromView;
using app::Parsed;

constexpr int ExitSuccess = 0;
constexpr int ExitIoError = 1;
constexpr int ExitUsage = 2;

constexpr char ProgramName[] = "relulab-cli";

const QString WidthsOption = QStringLiteral("widths");
const QString DepthsOption = QStringLiteral("depths");
const QString NetworksOption = QStringLiteral("networks");
const QString InputsOption = QStringLiteral("inputs");
const QString InputDimOption = QStringLiteral("input-dim");
const QString BiasOption = QStringLiteral("bias");
const QString InitOption = QStringLiteral("init");
const QString SeedOption = QStringLiteral("seed");
const QString ThreadsOption = QStringLiteral("threads");
const QString OutputOption = QStringLiteral("output");

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

QString joined(const std::vector<int> &values)
{
    QStringList parts;
    for (int value : values)
        parts.append(QString::number(value));
    return parts.join(QLatin1Char(','));
}

template<class Kind, class Name>
QString cliNames(int count, Name name)
{
    QStringList names;
    for (int i = 0; i < count; ++i)
        names.append(fromView(name(static_cast<Kind>(i))));
    return names.join(QLatin1Char(' '));
}

QString initNames()
{
    return cliNames<core::BornDeadInit>(core::BornDeadInitCount, core::bornDeadInitCliName);
}

QString biasNames()
{
    return cliNames<core::BornDeadBias>(core::BornDeadBiasCount, core::bornDeadBiasCliName);
}

// "2,3,4,5,10": distinct integers in [min, max]; `what` names one of them in messages ("width").
Parsed<std::vector<int>> parseList(const QString &option, const char *what, const QString &text,
                                   int min, int max)
{
    const QString name = dashed(option);
    const QLatin1String item(what);
    if (text.isEmpty())
        return QStringLiteral("%1: no %2s given (expected %2s separated by commas, e.g. 2,5,10)")
                .arg(name, item);
    std::vector<int> values;
    std::set<int> seen;
    for (const QString &part : text.split(QLatin1Char(','))) {
        if (part.isEmpty())
            return QStringLiteral("%1: '%2' has an empty %3 (expected %3s separated by commas, "
                                  "e.g. 2,5,10)")
                    .arg(name, text, item);
        int value = 0;
        std::errc error {};
        const bool ok = app::parseInteger(part, value, error);
        if (!ok && error != std::errc::result_out_of_range)
            return QStringLiteral("%1: '%2' in '%3' is not an integer").arg(name, part, text);
        if (!ok || value < min || value > max)
            return QStringLiteral("%1: %2 %3 in '%4' is not between %5 and %6")
                    .arg(name, item, part, text)
                    .arg(min)
                    .arg(max);
        if (!seen.insert(value).second)
            return QStringLiteral("%1: %2 %3 is given twice in '%4'").arg(name, item, part, text);
        values.push_back(value);
    }
    return values;
}

void addOptions(QCommandLineParser &parser)
{
    const core::BornDeadConfig defaults;
    parser.addOptions({
            {WidthsOption,
             QStringLiteral("Layer widths N, separated by commas, each %1 to %2 (default %3).")
                     .arg(core::BornDeadMinWidth)
                     .arg(core::BornDeadMaxWidth)
                     .arg(joined(defaults.widths)),
             QStringLiteral("list")},
            {DepthsOption,
             QStringLiteral("Numbers of hidden layers L, separated by commas, each %1 to %2 "
                            "(default %3).")
                     .arg(core::BornDeadMinDepth)
                     .arg(core::BornDeadMaxDepth)
                     .arg(joined(defaults.depths)),
             QStringLiteral("list")},
            {NetworksOption,
             QStringLiteral("Random networks per cell, 1 to %1 (default %2).")
                     .arg(core::BornDeadMaxNetworks)
                     .arg(defaults.networks),
             QStringLiteral("n")},
            {InputsOption,
             QStringLiteral("Inputs drawn uniformly in [-1, 1)^d, 0 to %1 (default %2); the 2^d "
                            "corners of the box are always added.")
                     .arg(core::BornDeadMaxInputs)
                     .arg(defaults.inputs),
             QStringLiteral("n")},
            {InputDimOption,
             QStringLiteral("Input dimension d, 1 or 2 (default %1).").arg(defaults.inputDim),
             QStringLiteral("d")},
            {BiasOption,
             QStringLiteral("Biases of he-normal: zero (default) or normal, drawn from the "
                            "layer's weight distribution N(0, 2 / fan_in). rai draws its own."),
             QStringLiteral("kind")},
            {InitOption,
             QStringLiteral("Initialization, one of: %1 (default %2). rai is the randomized "
                            "asymmetric initialization of Lu et al. 2019.")
                     .arg(initNames(), fromView(core::bornDeadInitCliName(defaults.init))),
             QStringLiteral("name")},
            {SeedOption,
             QStringLiteral("Seed of the networks and inputs, an unsigned 64-bit integer "
                            "(default %1).")
                     .arg(defaults.seed),
             QStringLiteral("s")},
            {ThreadsOption,
             QStringLiteral("Threads, 1 to %1 (default: OMP_NUM_THREADS, or one per core). The "
                            "results do not depend on it.")
                     .arg(app::MaxTrainingThreads),
             QStringLiteral("n")},
            {{QStringLiteral("o"), OutputOption},
             QStringLiteral("Write the CSV to this file instead of standard output, atomically: on "
                            "failure an existing file is left as it was."),
             QStringLiteral("file")},
    });
}

QString help(const QCommandLineParser &parser)
{
    const QString text = parser.helpText();
    const qsizetype options = text.indexOf(QLatin1String("Options:"));
    return QStringLiteral(
                   "Usage: %1 born-dead [options]\n"
                   "How often is a ReLU network dead before it is trained (Lu, Shin, Su and\n"
                   "Karniadakis 2019)? For every width N and depth L, draws the given number of\n"
                   "networks with L hidden ReLU layers of N units on d inputs and evaluates each\n"
                   "on the sampled inputs: the uniform ones plus the 2^d corners of the box.\n"
                   "Weights are He normal, N(0, 2 / fan_in), or RAI; biases zero, or normal with\n"
                   "the same variance as the layer's weights. Arithmetic is float; a relu output\n"
                   "is exactly 0 or positive, so the zero test is exact.\n\n"
                   "Writes one CSV row per cell, widths outer, as soon as the cell is done:\n"
                   "  width,depth,networks,born_dead,p,ci_low,ci_high,dead_at_input,oracle\n"
                   "born_dead counts the networks with a hidden layer that is zero at every\n"
                   "sampled input (their output is constant); p = born_dead / networks, with its\n"
                   "95 % Wilson score interval [ci_low, ci_high]. dead_at_input is the fraction\n"
                   "of networks with a hidden layer zero at the fixed input (1, ..., 1), and\n"
                   "oracle = 1 - (1 - 2^-N)^L is its exact probability for symmetric weights and\n"
                   "zero biases (shown for the other settings too, as the figure to compare\n"
                   "with). Numbers are in the shortest form that reads back as the same double.\n"
                   "The results depend on the options and the seed only, not on the threads.\n\n")
                   .arg(QLatin1String(ProgramName))
            + (options < 0 ? text : text.mid(options));
}

struct Options
{
    core::BornDeadConfig config;
    QString output;
    QStringList warnings;
};

// The options in order, the first mistake as the message.
std::variant<Options, QString> readOptions(const QCommandLineParser &parser)
{
    Options options;
    core::BornDeadConfig &config = options.config;
    const auto value = [&](const QString &option) { return parser.value(option); };
    const auto integer = [&](const QString &option, std::int64_t min, std::int64_t max,
                             auto &target) -> std::optional<QString> {
        if (!parser.isSet(option))
            return std::nullopt;
        const Parsed<std::int64_t> parsed =
                app::parseIntegerInRange(option, value(option), min, max);
        if (const auto *message = std::get_if<QString>(&parsed))
            return *message;
        target = static_cast<std::remove_reference_t<decltype(target)>>(std::get<std::int64_t>(parsed));
        return std::nullopt;
    };

    const auto list = [&](const QString &option, const char *what, int min, int max,
                          std::vector<int> &target) -> std::optional<QString> {
        if (!parser.isSet(option))
            return std::nullopt;
        const Parsed<std::vector<int>> parsed = parseList(option, what, value(option), min, max);
        if (const auto *message = std::get_if<QString>(&parsed))
            return *message;
        target = std::get<std::vector<int>>(parsed);
        return std::nullopt;
    };

    if (auto message = list(WidthsOption, "width", core::BornDeadMinWidth, core::BornDeadMaxWidth,
                            config.widths))
        return *message;
    if (auto message = list(DepthsOption, "depth", core::BornDeadMinDepth, core::BornDeadMaxDepth,
                            config.depths))
        return *message;
    if (auto message = integer(NetworksOption, 1,
                               static_cast<std::int64_t>(core::BornDeadMaxNetworks), config.networks))
        return *message;
    if (auto message = integer(InputsOption, 0, static_cast<std::int64_t>(core::BornDeadMaxInputs),
                               config.inputs))
        return *message;
    if (auto message = integer(InputDimOption, 1, core::BornDeadMaxInputDim, config.inputDim))
        return *message;
    if (parser.isSet(BiasOption)) {
        const auto bias = core::bornDeadBiasFromCliName(value(BiasOption).toStdString());
        if (!bias)
            return QStringLiteral("--bias: unknown bias '%1' (expected one of: %2)")
                    .arg(value(BiasOption), biasNames());
        config.bias = *bias;
    }
    if (parser.isSet(InitOption)) {
        const auto init = core::bornDeadInitFromCliName(value(InitOption).toStdString());
        if (!init)
            return QStringLiteral("--init: unknown initialization '%1' (expected one of: %2)")
                    .arg(value(InitOption), initNames());
        config.init = *init;
    }
    if (parser.isSet(BiasOption) && config.init == core::BornDeadInit::RandomizedAsymmetric)
        options.warnings.append(QStringLiteral(
                "--bias is ignored by --init rai (its biases come from the RAI draw)"));
    if (parser.isSet(SeedOption)) {
        const Parsed<std::uint64_t> seed = app::parseUnsigned64(SeedOption, value(SeedOption));
        if (const auto *message = std::get_if<QString>(&seed))
            return *message;
        config.seed = std::get<std::uint64_t>(seed);
    }
    if (auto message = integer(ThreadsOption, 1, app::MaxTrainingThreads, config.threads))
        return *message;
    if (parser.isSet(OutputOption)) {
        options.output = value(OutputOption);
        if (options.output.isEmpty())
            return QStringLiteral("--output: the file name is empty");
    }
    if (const std::optional<std::string> mistake = core::validate(config))
        return QString::fromStdString(*mistake);
    return options;
}

// Runs the grid and writes the header and each cell's row as it finishes, flushing every row
// when `flushRows` (so a pipe sees the progress of a long run). A failed write cancels the run;
// returns whether everything was written.
bool writeTable(const core::BornDeadConfig &config, QFileDevice &device, bool flushRows)
{
    const auto write = [&](const std::string &text) {
        return writeText(device, text) && (!flushRows || device.flush());
    };
    if (!write(bornDeadCsvHeader()))
        return false;
    std::atomic<bool> failed {false};
    const core::BornDeadResult result = core::runBornDead(
            config,
            [&](std::size_t, std::size_t, const core::BornDeadCell &cell) {
                if (!failed.load(std::memory_order_relaxed) && !write(bornDeadCsvRow(cell)))
                    failed.store(true, std::memory_order_relaxed);
            },
            &failed);
    return !result.cancelled && !failed.load();
}

int writeToStdout(const core::BornDeadConfig &config)
{
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)
        || !writeTable(config, out, true)) {
        printError(QStringLiteral("cannot write to standard output: %1").arg(out.errorString()));
        return ExitIoError;
    }
    return ExitSuccess;
}

int writeToFile(const core::BornDeadConfig &config, const QString &fileName)
{
    // Opened before the run, so that an unwritable path fails at once and not after it; the rows
    // go to QSaveFile's temporary file and the target appears, complete, on commit.
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || !writeTable(config, file, false) || !file.flush()
        || !file.commit()) {
        printError(QStringLiteral("cannot write '%1': %2").arg(fileName, file.errorString()));
        return ExitIoError;
    }
    return ExitSuccess;
}

void appendCell(std::string &row, double value)
{
    std::array<char, MaxNumberLength> buffer {};
    row.push_back(',');
    row.append(buffer.data(), appendNumber(buffer.data(), value));
}

void appendCell(std::string &row, std::uint64_t value)
{
    row.push_back(',');
    row.append(std::to_string(value));
}

} // namespace

std::string bornDeadCsvHeader()
{
    return "width,depth,networks,born_dead,p,ci_low,ci_high,dead_at_input,oracle\n";
}

std::string bornDeadCsvRow(const core::BornDeadCell &cell)
{
    std::string row = std::to_string(cell.width);
    appendCell(row, static_cast<std::uint64_t>(cell.depth));
    appendCell(row, cell.networks);
    appendCell(row, cell.bornDead);
    appendCell(row, cell.p);
    appendCell(row, cell.interval.low);
    appendCell(row, cell.interval.high);
    appendCell(row, cell.deadAtInputFraction);
    appendCell(row, cell.oracle);
    row.push_back('\n');
    return row;
}

namespace {

// --help was given: nothing else is read.
struct HelpWanted
{ };

// The whole command line, parsed into `parser` (which gets the command's options): the options,
// a usage error's message, or the request for help. Opens, writes and runs nothing.
std::variant<Options, QString, HelpWanted> readCommandLine(QCommandLineParser &parser,
                                                           const QStringList &arguments)
{
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help."));
    parser.addOption(helpOption);
    addOptions(parser);

    if (!parser.parse(arguments))
        return parser.errorText();
    if (parser.isSet(helpOption))
        return HelpWanted {};
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("born-dead: unexpected argument '%1'")
                .arg(parser.positionalArguments().constFirst());
    std::variant<Options, QString> read = readOptions(parser);
    if (auto *message = std::get_if<QString>(&read))
        return std::move(*message);
    return std::get<Options>(std::move(read));
}

} // namespace

std::optional<QString> bornDeadUsageError(const QStringList &arguments)
{
    QCommandLineParser parser;
    const std::variant<Options, QString, HelpWanted> read = readCommandLine(parser, arguments);
    if (const auto *message = std::get_if<QString>(&read))
        return *message;
    return std::nullopt;
}

int runBornDeadCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    const std::variant<Options, QString, HelpWanted> read = readCommandLine(parser, arguments);
    if (const auto *message = std::get_if<QString>(&read))
        return usageError(*message);
    if (std::holds_alternative<HelpWanted>(read)) {
        print(stdout, help(parser));
        return ExitSuccess;
    }
    const Options &options = std::get<Options>(read);
    for (const QString &warning : options.warnings)
        printError(QStringLiteral("warning: %1").arg(warning));
    return options.output.isEmpty() ? writeToStdout(options.config)
                                    : writeToFile(options.config, options.output);
}

} // namespace relulab::cli
