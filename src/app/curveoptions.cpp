#include "curveoptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <cmath>
#include <cstdint>

#include "enumnames.h"
#include "optionparsing.h"

namespace relulab::app {

namespace {

const QString ActivationOption = QStringLiteral("activation");
const QString AlphaOption = QStringLiteral("alpha");
const QString LowerOption = QStringLiteral("lower");
const QString UpperOption = QStringLiteral("upper");
const QString ModeOption = QStringLiteral("mode");
const QString SeedOption = QStringLiteral("seed");
const QString RangeOption = QStringLiteral("range");
const QString SamplesOption = QStringLiteral("samples");

Parsed<std::size_t> parseSamples(const QString &text)
{
    const Parsed<std::int64_t> samples =
            parseIntegerInRange(SamplesOption, text, static_cast<std::int64_t>(core::MinCurveSamples),
                                static_cast<std::int64_t>(core::MaxCurveSamples));
    if (const auto *message = std::get_if<QString>(&samples))
        return *message;
    return static_cast<std::size_t>(std::get<std::int64_t>(samples));
}

struct Range
{
    double min;
    double max;
};

Parsed<Range> parseRange(const QString &text)
{
    const QStringList sides = text.split(QLatin1Char(':'));
    if (sides.size() != 2)
        return QStringLiteral("--range: '%1' is not of the form A:B (e.g. -3:3)").arg(text);
    if (sides[0].isEmpty() || sides[1].isEmpty())
        return QStringLiteral("--range: '%1' lacks its %2 end (expected A:B, e.g. -3:3)")
                .arg(text, sides[0].isEmpty() ? QStringLiteral("lower") : QStringLiteral("upper"));
    Range range {};
    for (int side = 0; side < 2; ++side) {
        const Parsed<double> parsed = parseFiniteDouble(RangeOption, sides[side]);
        if (const auto *message = std::get_if<QString>(&parsed))
            return *message + QStringLiteral(" (in '%1')").arg(text);
        (side == 0 ? range.min : range.max) = std::get<double>(parsed);
    }
    if (!(range.min < range.max))
        return QStringLiteral("--range: %1 is empty (A must be less than B)").arg(text);
    // Both ends finite is not enough: the grid steps by B - A, which may overflow.
    if (!std::isfinite(range.max - range.min))
        return QStringLiteral("--range: %1 is too wide (B - A overflows a double)").arg(text);
    return range;
}

} // namespace

void addCurveOptions(QCommandLineParser &parser, SampleRange samples)
{
    const QString names = enumNameList<core::Activation>();
    parser.addOptions({
            {ActivationOption, QStringLiteral("The activation function, one of: %1.").arg(names),
             QStringLiteral("name")},
            {AlphaOption,
             QStringLiteral("The function's alpha: Leaky ReLU negative slope (PyTorch default "
                            "%1), PReLU weight (%2) or ELU alpha (%3).")
                     .arg(shortest(core::DefaultLeakySlope), shortest(core::DefaultPreluWeight),
                          shortest(core::DefaultEluAlpha)),
             QStringLiteral("a")},
            {LowerOption, QStringLiteral("RReLU: lower bound of the negative slope (default 1/8)."),
             QStringLiteral("l")},
            {UpperOption, QStringLiteral("RReLU: upper bound of the negative slope (default 1/3)."),
             QStringLiteral("u")},
            {ModeOption,
             QStringLiteral("RReLU: %1 (a slope drawn per sample from U(lower, upper)) or %2 "
                            "(the fixed slope (lower + upper) / 2). Default %2.")
                     .arg(enumName(core::RreluMode::Training), enumName(core::RreluMode::Evaluation)),
             QStringLiteral("mode")},
            {SeedOption,
             QStringLiteral("RReLU in train mode: seed of the slope draws, an unsigned 64-bit "
                            "integer (default 0)."),
             QStringLiteral("s")},
            {RangeOption, QStringLiteral("The x range from A to B inclusive, A < B (default -3:3)."),
             QStringLiteral("A:B")},
            {SamplesOption,
             QStringLiteral("Number of evenly spaced samples, %1 to %2 (default 1001).")
                     .arg(samples.min)
                     .arg(samples.max),
             QStringLiteral("n")},
    });
}

std::variant<CurveOptions, QString> readCurveOptions(const QCommandLineParser &parser,
                                                     const core::CurveSpec &defaults,
                                                     bool requireActivation)
{
    CurveOptions options;
    options.spec = defaults;
    core::CurveSpec &spec = options.spec;
    core::ActivationParams &params = spec.params;

    options.activationGiven = parser.isSet(ActivationOption);
    if (options.activationGiven) {
        const QString name = parser.value(ActivationOption);
        const std::optional<core::Activation> kind = enumFromName<core::Activation>(name);
        if (!kind)
            return QStringLiteral("--activation: unknown function '%1' (expected one of: %2)")
                    .arg(name, enumNameList<core::Activation>());
        spec.kind = *kind;
    } else if (requireActivation) {
        return QStringLiteral("--activation: missing; expected one of: %1")
                .arg(enumNameList<core::Activation>());
    }
    const bool isRrelu = spec.kind == core::Activation::Rrelu;
    const QString functionName = enumName(spec.kind);
    auto ignored = [&](const QString &option) {
        options.warnings.append(QStringLiteral("%1 is ignored by %2").arg(dashed(option), functionName));
    };

    options.alphaGiven = parser.isSet(AlphaOption);
    if (options.alphaGiven) {
        const Parsed<double> alpha = parseFiniteDouble(AlphaOption, parser.value(AlphaOption));
        if (const auto *message = std::get_if<QString>(&alpha))
            return *message;
        if (!core::setAlphaOf(spec.kind, params, std::get<double>(alpha)))
            ignored(AlphaOption);
    }

    options.modeGiven = parser.isSet(ModeOption);
    if (options.modeGiven) {
        const QString mode = parser.value(ModeOption);
        const std::optional<core::RreluMode> parsed = enumFromName<core::RreluMode>(mode);
        if (!parsed)
            return QStringLiteral("--mode: '%1' is neither %2 nor %3")
                    .arg(mode, enumName(core::RreluMode::Training),
                         enumName(core::RreluMode::Evaluation));
        if (isRrelu)
            params.rreluMode = *parsed;
        else
            ignored(ModeOption);
    }

    // lower and upper are checked as a pair below, so only RReLU's values end up in params.
    for (const QString &option : {LowerOption, UpperOption}) {
        const bool given = parser.isSet(option);
        (option == LowerOption ? options.lowerGiven : options.upperGiven) = given;
        if (!given)
            continue;
        const Parsed<double> bound = parseFiniteDouble(option, parser.value(option));
        if (const auto *message = std::get_if<QString>(&bound))
            return *message;
        if (isRrelu)
            (option == LowerOption ? params.rreluLower : params.rreluUpper) = std::get<double>(bound);
        else
            ignored(option);
    }
    if (isRrelu && params.rreluLower > params.rreluUpper) {
        auto describe = [&](const QString &option, bool given, double value) {
            return given ? QStringLiteral("%1 %2").arg(dashed(option), parser.value(option))
                         : QStringLiteral("%1 %2 (default)").arg(dashed(option), shortest(value));
        };
        return QStringLiteral("%1 is greater than %2")
                .arg(describe(LowerOption, options.lowerGiven, params.rreluLower),
                     describe(UpperOption, options.upperGiven, params.rreluUpper));
    }

    options.seedGiven = parser.isSet(SeedOption);
    if (options.seedGiven) {
        const Parsed<std::uint64_t> seed = parseUnsigned64(SeedOption, parser.value(SeedOption));
        if (const auto *message = std::get_if<QString>(&seed))
            return *message;
        if (isRrelu && params.rreluMode == core::RreluMode::Training)
            params.rreluSeed = std::get<std::uint64_t>(seed);
        else if (isRrelu)
            options.warnings.append(
                    QStringLiteral("--seed is ignored by rrelu in %1 mode (use --mode %2)")
                            .arg(enumName(core::RreluMode::Evaluation),
                                 enumName(core::RreluMode::Training)));
        else
            ignored(SeedOption);
    }

    options.rangeGiven = parser.isSet(RangeOption);
    if (options.rangeGiven) {
        const Parsed<Range> range = parseRange(parser.value(RangeOption));
        if (const auto *message = std::get_if<QString>(&range))
            return *message;
        spec.xMin = std::get<Range>(range).min;
        spec.xMax = std::get<Range>(range).max;
    }

    options.samplesGiven = parser.isSet(SamplesOption);
    if (options.samplesGiven) {
        const Parsed<std::size_t> samples = parseSamples(parser.value(SamplesOption));
        if (const auto *message = std::get_if<QString>(&samples))
            return *message;
        spec.samples = std::get<std::size_t>(samples);
    }

    return options;
}

} // namespace relulab::app
