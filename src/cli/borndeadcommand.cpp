#include "borndeadcommand.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFile>
#include <QString>
#include <QStringList>

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include "app/enumnames.h"
#include "app/integerlist.h"
#include "app/optionparsing.h"
#include "app/optionreader.h"
#include "app/trainingoptions.h"
#include "command.h"
#include "csvwriter.h"

namespace relulab::cli {

namespace {

namespace core = relulab::core;
using app::dashed;
using app::Parsed;

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

// The help of --widths and --depths: "WHAT, separated by commas, each MIN to MAX (default 2,3)".
QString listHelp(const QString &what, int min, int max, const std::vector<int> &defaults)
{
    return QStringLiteral("%1, separated by commas, each %2 to %3 (default %4).")
            .arg(what, QString::number(min), QString::number(max), app::joinIntegerList(defaults));
}

void addOptions(QCommandLineParser &parser)
{
    const core::BornDeadConfig defaults;
    parser.addOptions({
            {WidthsOption,
             listHelp(QStringLiteral("Layer widths N"), core::BornDeadMinWidth,
                      core::BornDeadMaxWidth, defaults.widths),
             QStringLiteral("list")},
            {DepthsOption,
             listHelp(QStringLiteral("Numbers of hidden layers L"), core::BornDeadMinDepth,
                      core::BornDeadMaxDepth, defaults.depths),
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
             QStringLiteral("Biases of %1: %2 (default) or %3, drawn from the layer's weight "
                            "distribution N(0, 2 / fan_in). %4 draws its own.")
                     .arg(app::enumName(core::BornDeadInit::HeNormal),
                          app::enumName(core::BornDeadBias::Zero), app::enumName(core::BornDeadBias::Normal),
                          app::enumName(core::BornDeadInit::RandomizedAsymmetric)),
             QStringLiteral("kind")},
            {InitOption,
             QStringLiteral("Initialization, one of: %1 (default %2). rai is the randomized "
                            "asymmetric initialization of Lu et al. 2019.")
                     .arg(app::enumNameList<core::BornDeadInit>(), app::enumName(defaults.init)),
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
             app::outputOptionHelp(QStringLiteral("the CSV (default: standard output)")),
             QStringLiteral("file")},
    });
}

QString describe()
{
    return QStringLiteral(
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
            "The results depend on the options and the seed only, not on the threads.\n\n");
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
    app::OptionReader reader(parser);
    const auto list = [&](const QString &option, const char *what, int min, int max,
                          std::vector<int> &target) {
        if (!reader.given(option))
            return;
        const Parsed<std::vector<int>> parsed = app::parseIntegerListOption(
                {.option = option, .item = QLatin1String(what), .example = QStringLiteral("2,5,10")},
                reader.value(option), {.minimum = min, .maximum = max, .distinct = true});
        if (const auto *message = std::get_if<QString>(&parsed))
            reader.fail(*message);
        else
            target = std::get<std::vector<int>>(parsed);
    };

    list(WidthsOption, "width", core::BornDeadMinWidth, core::BornDeadMaxWidth, config.widths);
    list(DepthsOption, "depth", core::BornDeadMinDepth, core::BornDeadMaxDepth, config.depths);
    if (const auto networks = reader.integer(NetworksOption, 1,
                                             static_cast<std::int64_t>(core::BornDeadMaxNetworks)))
        config.networks = static_cast<decltype(config.networks)>(*networks);
    if (const auto inputs =
                reader.integer(InputsOption, 0, static_cast<std::int64_t>(core::BornDeadMaxInputs)))
        config.inputs = static_cast<decltype(config.inputs)>(*inputs);
    if (const auto dimension = reader.integer(InputDimOption, 1, core::BornDeadMaxInputDim))
        config.inputDim = static_cast<decltype(config.inputDim)>(*dimension);
    if (const auto bias = reader.name<core::BornDeadBias>(BiasOption, "bias"))
        config.bias = *bias;
    if (const auto init = reader.name<core::BornDeadInit>(InitOption, "initialization"))
        config.init = *init;
    if (reader.given(BiasOption) && config.init == core::BornDeadInit::RandomizedAsymmetric)
        options.warnings.append(
                QStringLiteral("--bias is ignored by --init %1 (its biases come from the RAI draw)")
                        .arg(app::enumName(config.init)));
    if (const auto seed = reader.seed(SeedOption))
        config.seed = *seed;
    if (const auto threads = reader.integer(ThreadsOption, 1, app::MaxTrainingThreads))
        config.threads = static_cast<decltype(config.threads)>(*threads);
    if (const auto output = reader.outputFile(OutputOption))
        options.output = *output;
    if (reader.failed())
        return reader.error();
    if (const std::optional<std::string> mistake = core::validate(config))
        return QString::fromStdString(*mistake);
    return options;
}

// Runs the grid and writes the header and each cell's row as it finishes (so a pipe sees the
// progress of a long run). A failed write cancels the run; returns whether everything was written.
bool writeTable(const core::BornDeadConfig &config, QIODevice &device)
{
    const auto write = [&](const std::string &text) { return writeText(device, text); };
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

int run(const Options &options)
{
    return writeCsv(options.output, [&](QIODevice &device) {
        return writeTable(options.config, device);
    });
}

constexpr Command<Options> Definition {
        "born-dead", "born-dead [options]", addOptions, readOptions, describe, run};

} // namespace

constexpr CommandEntry BornDeadCommand = entryOf<Definition>();

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

} // namespace relulab::cli
