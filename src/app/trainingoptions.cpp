#include "trainingoptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <cstddef>
#include <cstdint>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "core/datasets.h"
#include "core/network.h"
#include "enumnames.h"
#include "integerlist.h"
#include "optionparsing.h"
#include "optionreader.h"
#include "userfiles.h"

namespace relulab::app {

namespace {

const QString DatasetOption = QStringLiteral("dataset");
const QString PointsOption = QStringLiteral("points");
const QString TestPointsOption = QStringLiteral("test-points");
const QString DataSeedOption = QStringLiteral("data-seed");
const QString NoiseOption = QStringLiteral("noise");
const QString HiddenOption = QStringLiteral("hidden");
const QString ActivationOption = QStringLiteral("activation");
const QString AlphaOption = QStringLiteral("alpha");
const QString LowerOption = QStringLiteral("lower");
const QString UpperOption = QStringLiteral("upper");
const QString PreluPerUnitOption = QStringLiteral("prelu-per-unit");
const QString InitOption = QStringLiteral("init");
const QString BiasInitOption = QStringLiteral("bias-init");
const QString BiasValueOption = QStringLiteral("bias-value");
const QString InitSeedOption = QStringLiteral("init-seed");
const QString InitGainOption = QStringLiteral("init-gain");
const QString OptimizerOption = QStringLiteral("optimizer");
const QString LrOption = QStringLiteral("lr");
const QString MomentumOption = QStringLiteral("momentum");
const QString WeightDecayOption = QStringLiteral("weight-decay");
const QString L1Option = QStringLiteral("l1");
const QString BatchSizeOption = QStringLiteral("batch-size");
const QString ShuffleSeedOption = QStringLiteral("shuffle-seed");
const QString RreluSeedOption = QStringLiteral("rrelu-seed");
const QString StepsOption = QStringLiteral("steps");
const QString EveryOption = QStringLiteral("every");
const QString PrecisionOption = QStringLiteral("precision");
const QString ThreadsOption = QStringLiteral("threads");
const QString OutputOption = QStringLiteral("output");

// The limits of core::validate(), checked here as well so that the message names the option.
constexpr std::int64_t MinPoints = 2;
constexpr std::int64_t MaxPoints = 1'000'000;

// "32,32,32": 1 to 32 widths of 1 to 128 units.
Parsed<std::vector<int>> parseHidden(const QString &text)
{
    return parseIntegerListOption({HiddenOption, QStringLiteral("width"),
                                   QStringLiteral("32,32,32"), QStringLiteral("layers")},
                                  text,
                                  {.minimum = core::MinLayerWidth,
                                   .maximum = core::MaxLayerWidth,
                                   .maxEntries = static_cast<std::size_t>(core::MaxHiddenLayers)});
}

// --batch-size: "full" or 0 for the full batch.
Parsed<std::size_t> parseBatchSize(const QString &text)
{
    if (text == QLatin1String("full"))
        return std::size_t {0};
    std::int64_t size = 0;
    std::errc error {};
    const bool ok = parseInteger(text, size, error);
    if (!ok && error != std::errc::result_out_of_range)
        return QStringLiteral("--batch-size: '%1' is neither an integer nor full").arg(text);
    if (!ok || size < 0 || size > MaxPoints)
        return QStringLiteral("--batch-size: must be full or between 0 and %1, got %2")
                .arg(MaxPoints)
                .arg(text);
    return static_cast<std::size_t>(size);
}

} // namespace

void addTrainingOptions(QCommandLineParser &parser)
{
    // The help states the reference experiment's values, whatever defaults a caller passes later.
    const core::TrainingConfig reference;
    const core::NetworkConfig &net = reference.network;
    QStringList hidden;
    for (int width : net.hidden)
        hidden.append(QString::number(width));

    parser.addOptions({
            {DatasetOption,
             QStringLiteral("The data set, one of: %1 (default %2).")
                     .arg(enumNameList<core::DatasetKind>(), enumName(reference.data.kind)),
             QStringLiteral("name")},
            {PointsOption,
             QStringLiteral("Training points, %1 to %2 (default %3).")
                     .arg(MinPoints)
                     .arg(MaxPoints)
                     .arg(reference.data.points),
             QStringLiteral("n")},
            {TestPointsOption,
             QStringLiteral("Held-out test points, drawn with another seed, 0 (no test set: the "
                            "test_accuracy column is empty) to %1 (default %2).")
                     .arg(MaxPoints)
                     .arg(reference.data.testPoints),
             QStringLiteral("n")},
            {DataSeedOption,
             QStringLiteral("Seed of the data set, an unsigned 64-bit integer (default %1).")
                     .arg(reference.data.seed),
             QStringLiteral("s")},
            {NoiseOption,
             QStringLiteral("Standard deviation of the Gaussian noise on each coordinate, at "
                            "least 0 (default %1).")
                     .arg(shortest(reference.data.noise)),
             QStringLiteral("x")},
            {HiddenOption,
             QStringLiteral("Hidden layer widths separated by commas, %1 to %2 layers of %3 to %4 "
                            "units (default %5).")
                     .arg(core::MinHiddenLayers)
                     .arg(core::MaxHiddenLayers)
                     .arg(core::MinLayerWidth)
                     .arg(core::MaxLayerWidth)
                     .arg(hidden.join(QLatin1Char(','))),
             QStringLiteral("widths")},
            {ActivationOption,
             QStringLiteral("The hidden activation, one of: %1 (default %2).")
                     .arg(enumNameList<core::Activation>(), enumName(net.activation)),
             QStringLiteral("name")},
            {AlphaOption,
             QStringLiteral("The activation's alpha: Leaky ReLU negative slope (default %1), "
                            "PReLU initial weight (%2) or ELU alpha (%3).")
                     .arg(shortest(net.params.leakySlope), shortest(net.params.preluWeight),
                          shortest(net.params.eluAlpha)),
             QStringLiteral("a")},
            {LowerOption,
             QStringLiteral("RReLU: lower bound of the negative slope drawn in training steps "
                            "(default 1/8)."),
             QStringLiteral("l")},
            {UpperOption,
             QStringLiteral("RReLU: upper bound of the negative slope drawn in training steps "
                            "(default 1/3). Measurements use the mean slope."),
             QStringLiteral("u")},
            {PreluPerUnitOption,
             QStringLiteral("PReLU: learn one alpha per unit instead of one per layer.")},
            {InitOption,
             QStringLiteral("Weight initialization, one of: %1 (default %2). uniform is "
                            "U(-0.5, 0.5) with biases 0.1 (TensorFlow Playground), rai the "
                            "randomized asymmetric initialization of Lu et al. 2019.")
                     .arg(enumNameList<core::Initialization>(), enumName(net.init)),
             QStringLiteral("name")},
            {BiasInitOption,
             QStringLiteral("Initial biases of %1 and %2: %3 (default) or %4 (--bias-value).")
                     .arg(enumName(core::Initialization::HeNormal),
                          enumName(core::Initialization::XavierUniform),
                          enumName(core::BiasInit::Zero), enumName(core::BiasInit::Constant)),
             QStringLiteral("kind")},
            {BiasValueOption,
             QStringLiteral("The initial bias of --bias-init %1 (default %2).")
                     .arg(enumName(core::BiasInit::Constant), shortest(net.biasValue)),
             QStringLiteral("x")},
            {InitSeedOption,
             QStringLiteral("Seed of the initial weights, an unsigned 64-bit integer (default %1).")
                     .arg(net.initSeed),
             QStringLiteral("s")},
            {InitGainOption,
             QStringLiteral("Every initial weight multiplied by this, above 0 and at most %1 "
                            "(default %2): below 1 a deep network's signals fade layer by layer, "
                            "above 1 they grow.")
                     .arg(shortest(core::MaxInitGain), shortest(net.initGain)),
             QStringLiteral("g")},
            {OptimizerOption,
             QStringLiteral("The optimizer, one of: %1 (default %2).")
                     .arg(enumNameList<core::OptimizerKind>(), enumName(reference.optimizer)),
             QStringLiteral("name")},
            {LrOption,
             QStringLiteral("Learning rate, greater than 0 (default %1).").arg(shortest(reference.learningRate)),
             QStringLiteral("x")},
            {MomentumOption,
             QStringLiteral("Momentum of --optimizer momentum, at least 0 and less than 1 "
                            "(default %1).")
                     .arg(shortest(reference.momentum)),
             QStringLiteral("x")},
            {WeightDecayOption,
             QStringLiteral("Weight decay lambda, 0 to %1 (default %2): lambda w added to the "
                            "gradient of every weight and bias before the optimizer, as "
                            "PyTorch's weight_decay (PReLU's alpha excluded).")
                     .arg(shortest(core::MaxWeightPenalty), shortest(reference.weightDecay)),
             QStringLiteral("x")},
            {L1Option,
             QStringLiteral("L1 penalty lambda, 0 to %1 (default %2): the gradient of lambda "
                            "sum |w| over the weight matrices (not biases), lambda sign(w).")
                     .arg(shortest(core::MaxWeightPenalty), shortest(reference.l1)),
             QStringLiteral("x")},
            {BatchSizeOption,
             QStringLiteral("Samples per step: full or 0 for the full batch (default), else up to "
                            "%1; mini-batches are drawn from a fresh shuffle every epoch.")
                     .arg(MaxPoints),
             QStringLiteral("n")},
            {ShuffleSeedOption,
             QStringLiteral("Seed of the mini-batch shuffle, an unsigned 64-bit integer "
                            "(default %1).")
                     .arg(reference.shuffleSeed),
             QStringLiteral("s")},
            {RreluSeedOption,
             QStringLiteral("RReLU: seed of the slopes drawn in training steps, an unsigned "
                            "64-bit integer (default %1).")
                     .arg(reference.rreluSeed),
             QStringLiteral("s")},
            {StepsOption,
             QStringLiteral("Training steps, 0 to %1 (default %2).").arg(MaxTrainingSteps).arg(DefaultTrainingSteps),
             QStringLiteral("n")},
            {EveryOption,
             QStringLiteral("Measure every K steps, 1 to %1 (default %2); step 0 and the last "
                            "step are always measured.")
                     .arg(MaxTrainingSteps)
                     .arg(DefaultMeasureEvery),
             QStringLiteral("k")},
            {PrecisionOption,
             QStringLiteral("Arithmetic of the network: %1 or %2 (default).")
                     .arg(enumName(core::Precision::Float), enumName(core::Precision::Double)),
             QStringLiteral("p")},
            {ThreadsOption,
             QStringLiteral("Threads for large batches, 1 to %1 (default: OMP_NUM_THREADS, or one "
                            "per core).")
                     .arg(MaxTrainingThreads),
             QStringLiteral("n")},
            {{QStringLiteral("o"), OutputOption},
             outputOptionHelp(QStringLiteral("the CSV (default: standard output)")),
             QStringLiteral("file")},
    });
}

std::variant<TrainingOptions, QString> readTrainingOptions(const QCommandLineParser &parser,
                                                           const core::TrainingConfig &defaults)
{
    TrainingOptions options;
    options.config = defaults;
    core::TrainingConfig &config = options.config;
    core::DatasetSpec &data = config.data;
    core::NetworkConfig &net = config.network;
    core::ActivationParams &params = net.params;
    OptionReader reader(parser);

    if (const auto kind = reader.name<core::DatasetKind>(DatasetOption, "data set"))
        data.kind = *kind;
    if (const auto points = reader.integer(PointsOption, MinPoints, MaxPoints))
        data.points = static_cast<std::size_t>(*points);
    if (const auto points = reader.integer(TestPointsOption, 0, MaxPoints))
        data.testPoints = static_cast<std::size_t>(*points);
    if (const auto seed = reader.seed(DataSeedOption))
        data.seed = *seed;
    if (const auto noise = reader.real(NoiseOption)) {
        if (*noise < 0.0)
            reader.fail(
                    QStringLiteral("--noise: must not be negative, got %1").arg(reader.value(NoiseOption)));
        data.noise = *noise;
    }
    if (reader.given(HiddenOption)) {
        const Parsed<std::vector<int>> hidden = parseHidden(reader.value(HiddenOption));
        if (const auto *message = std::get_if<QString>(&hidden))
            reader.fail(*message);
        else
            net.hidden = std::get<std::vector<int>>(hidden);
    }
    if (const auto kind = reader.name<core::Activation>(ActivationOption, "function"))
        net.activation = *kind;
    if (reader.failed())
        return reader.error();

    // The activation is known now, so its parameters can be told apart from the ignored ones.
    const bool isRrelu = net.activation == core::Activation::Rrelu;
    const bool isPrelu = net.activation == core::Activation::Prelu;
    const QString functionName = enumName(net.activation);
    auto ignored = [&](const QString &option, const QString &by) {
        options.warnings.append(QStringLiteral("%1 is ignored by %2").arg(dashed(option), by));
    };

    if (const auto alpha = reader.real(AlphaOption)) {
        if (!core::setAlphaOf(net.activation, params, *alpha))
            ignored(AlphaOption, functionName);
    }
    const bool lowerGiven = parser.isSet(LowerOption);
    const bool upperGiven = parser.isSet(UpperOption);
    for (const QString &option : {LowerOption, UpperOption}) {
        if (const auto bound = reader.real(option)) {
            if (isRrelu)
                (option == LowerOption ? params.rreluLower : params.rreluUpper) = *bound;
            else
                ignored(option, functionName);
        }
    }
    if (reader.failed())
        return reader.error();
    if (isRrelu && params.rreluLower > params.rreluUpper) {
        auto describe = [&](const QString &option, bool given, double value) {
            return given ? QStringLiteral("%1 %2").arg(dashed(option), parser.value(option))
                         : QStringLiteral("%1 %2 (default)").arg(dashed(option), shortest(value));
        };
        return QStringLiteral("%1 is greater than %2")
                .arg(describe(LowerOption, lowerGiven, params.rreluLower),
                     describe(UpperOption, upperGiven, params.rreluUpper));
    }
    if (parser.isSet(PreluPerUnitOption)) {
        if (isPrelu)
            net.preluPerUnit = true;
        else
            ignored(PreluPerUnitOption, functionName);
    }

    if (const auto init = reader.name<core::Initialization>(InitOption, "initialization"))
        net.init = *init;
    if (reader.failed())
        return reader.error();
    // Playground's uniform and RAI bring their own biases (network.h).
    const bool initSetsBiases = net.init == core::Initialization::PlaygroundUniform
            || net.init == core::Initialization::RandomizedAsymmetric;
    const QString initName = QStringLiteral("--init %1").arg(enumName(net.init));
    if (const auto biasInit = reader.eitherName<core::BiasInit>(BiasInitOption)) {
        if (initSetsBiases)
            ignored(BiasInitOption, initName);
        else
            net.biasInit = *biasInit;
    }
    if (const auto value = reader.real(BiasValueOption)) {
        if (initSetsBiases)
            ignored(BiasValueOption, initName);
        else if (net.biasInit == core::BiasInit::Zero)
            ignored(BiasValueOption,
                    QStringLiteral("--bias-init %1").arg(enumName(core::BiasInit::Zero)));
        else
            net.biasValue = *value;
    }
    if (const auto seed = reader.seed(InitSeedOption))
        net.initSeed = *seed;
    if (const auto gain = reader.real(InitGainOption)) {
        if (!(*gain > 0.0 && *gain <= core::MaxInitGain))
            reader.fail(QStringLiteral("--init-gain: must be above 0 and at most %1, got %2")
                                .arg(shortest(core::MaxInitGain), reader.value(InitGainOption)));
        net.initGain = *gain;
    }

    if (const auto optimizer = reader.name<core::OptimizerKind>(OptimizerOption, "optimizer"))
        config.optimizer = *optimizer;
    if (const auto lr = reader.real(LrOption)) {
        if (*lr <= 0.0)
            reader.fail(QStringLiteral("--lr: must be positive, got %1").arg(reader.value(LrOption)));
        config.learningRate = *lr;
    }
    if (const auto momentum = reader.real(MomentumOption)) {
        if (*momentum < 0.0 || *momentum >= 1.0)
            reader.fail(QStringLiteral("--momentum: must be at least 0 and less than 1, got %1")
                                .arg(reader.value(MomentumOption)));
        else if (config.optimizer != core::OptimizerKind::Momentum)
            ignored(MomentumOption, QStringLiteral("--optimizer %1").arg(enumName(config.optimizer)));
        else
            config.momentum = *momentum;
    }
    for (const auto &[option, penalty] :
         {std::pair {WeightDecayOption, &config.weightDecay}, std::pair {L1Option, &config.l1}}) {
        if (const auto lambda = reader.real(option)) {
            if (!(*lambda >= 0.0 && *lambda <= core::MaxWeightPenalty))
                reader.fail(QStringLiteral("%1: must be between 0 and %2, got %3")
                                    .arg(dashed(option), shortest(core::MaxWeightPenalty),
                                         reader.value(option)));
            *penalty = *lambda;
        }
    }
    if (reader.given(BatchSizeOption)) {
        const Parsed<std::size_t> size = parseBatchSize(reader.value(BatchSizeOption));
        if (const auto *message = std::get_if<QString>(&size))
            reader.fail(*message);
        else
            config.batchSize = std::get<std::size_t>(size);
    }
    if (const auto seed = reader.seed(ShuffleSeedOption)) {
        if (config.batchSize == 0 || config.batchSize >= data.points)
            options.warnings.append(QStringLiteral(
                    "--shuffle-seed is ignored with the full batch (see --batch-size)"));
        else
            config.shuffleSeed = *seed;
    }
    if (const auto seed = reader.seed(RreluSeedOption)) {
        if (isRrelu)
            config.rreluSeed = *seed;
        else
            ignored(RreluSeedOption, functionName);
    }
    if (const auto precision = reader.eitherName<core::Precision>(PrecisionOption))
        config.precision = *precision;

    const auto maxSteps = static_cast<std::int64_t>(MaxTrainingSteps);
    if (const auto steps = reader.integer(StepsOption, 0, maxSteps))
        options.steps = static_cast<std::uint64_t>(*steps);
    if (const auto every = reader.integer(EveryOption, 1, maxSteps))
        options.every = static_cast<std::uint64_t>(*every);
    if (const auto threads = reader.integer(ThreadsOption, 1, MaxTrainingThreads))
        options.threads = static_cast<int>(*threads);
    if (const auto output = reader.outputFile(OutputOption))
        options.output = *output;
    if (reader.failed())
        return reader.error();

    // The checks above name the option at fault; this catches what they cannot see, such as a
    // caller's defaults that are out of range.
    if (const std::optional<std::string> problem = core::validate(config))
        return QStringLiteral("invalid training configuration: %1").arg(QString::fromStdString(*problem));
    return options;
}

} // namespace relulab::app
