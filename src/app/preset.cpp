#include "preset.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <bitset>
#include <charconv>
#include <cerrno>
#include <cmath>
#include <limits>
#include <system_error>
#include <utility>

#include "enumnames.h"
#include "labmodel.h"
#include "optionparsing.h"
#include "parametermodel.h"

namespace relulab::app {

namespace {

using Real = ParameterModel::Real;

// The shortest text that reads back as the same double, in %g's form: 0.0001 rather than 1e-04
// (as plain std::to_chars and QString::number would write it), which is how a teacher writes a
// learning rate. Locale-independent, as JSON must be.
QString number(double value)
{
    std::array<char, 32> buffer {};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::general);
    return QString::fromLatin1(buffer.data(), result.ptr - buffer.data());
}

// ---------------------------------------------------------------------------------------------
// Writing. QJsonDocument sorts an object's keys; a preset reads better with "format" first and each
// section in the order of its panel, so the few value kinds of a preset are written here.

QByteArray jsonString(const QString &text)
{
    // QJsonDocument does the escaping; the array around the string is cut off again.
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray jsonNumber(double value)
{
    // JSON has no nan or infinity: written as null, as QJsonDocument does, they fail validation.
    return std::isfinite(value) ? number(value).toLatin1() : QByteArrayLiteral("null");
}

QByteArray jsonSeed(std::uint64_t seed)
{
    const QByteArray digits = QByteArray::number(seed);
    return seed <= MaxSeedAsNumber ? digits : '"' + digits + '"';
}

QByteArray jsonBool(bool value)
{
    return value ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
}

template<class Enum>
QByteArray jsonName(Enum value)
{
    return jsonString(enumName(value));
}

using Members = QList<std::pair<const char *, QByteArray>>;

QByteArray jsonObject(const Members &members, qsizetype depth)
{
    const QByteArray inner(4 * (depth + 1), ' ');
    QByteArray text = "{\n";
    for (qsizetype i = 0; i < members.size(); ++i) {
        text += inner + '"' + members.at(i).first + "\": " + members.at(i).second;
        text += i + 1 < members.size() ? ",\n" : "\n";
    }
    return text + QByteArray(4 * depth, ' ') + '}';
}

QByteArray explorerJson(const ExplorerState &e)
{
    // In the canonical order, without repeats, whatever order the list is in.
    QByteArrayList overlays;
    for (const core::ActivationInfo &info : core::allActivations()) {
        if (e.overlays.contains(info.kind))
            overlays.append(jsonName(info.kind));
    }
    const core::ActivationParams &p = e.params;
    return jsonObject({{"activation", jsonName(e.activation)},
                       {"overlays", '[' + overlays.join(", ") + ']'},
                       {"leaky_slope", jsonNumber(p.leakySlope)},
                       {"prelu_weight", jsonNumber(p.preluWeight)},
                       {"elu_alpha", jsonNumber(p.eluAlpha)},
                       {"rrelu_lower", jsonNumber(p.rreluLower)},
                       {"rrelu_upper", jsonNumber(p.rreluUpper)},
                       {"rrelu_mode", jsonName(p.rreluMode)},
                       {"rrelu_seed", jsonSeed(p.rreluSeed)},
                       {"x_min", jsonNumber(e.xMin)},
                       {"x_max", jsonNumber(e.xMax)},
                       {"samples", QByteArray::number(e.samples)}},
                      1);
}

QByteArray labJson(const LabState &l)
{
    return jsonObject({{"dataset", jsonName(l.dataset)},
                       {"points", QByteArray::number(l.points)},
                       {"noise", jsonNumber(l.noise)},
                       {"data_seed", jsonSeed(l.dataSeed)},
                       {"hidden_layers", QByteArray::number(l.hiddenLayers)},
                       {"units_per_layer", QByteArray::number(l.unitsPerLayer)},
                       {"activation", jsonName(l.activation)},
                       {"prelu_per_unit", jsonBool(l.preluPerUnit)},
                       {"init", jsonName(l.init)},
                       {"bias_init", jsonName(l.biasInit)},
                       {"init_seed", jsonSeed(l.initSeed)},
                       {"optimizer", jsonName(l.optimizer)},
                       {"learning_rate", jsonNumber(l.learningRate)},
                       {"batch_size", QByteArray::number(l.batchSize)},
                       {"precision", jsonName(l.precision)}},
                      1);
}

// ---------------------------------------------------------------------------------------------
// Reading.

enum class NumberKind { Any, Whole, EvenWhole };

struct NumberRule
{
    double minimum;
    double maximum;
    NumberKind kind = NumberKind::Any;
};

NumberRule ruleOf(Real parameter)
{
    const ParameterModel::Range r = ParameterModel::range(parameter);
    return {r.minimum, r.maximum};
}

// The messages are in the language of the interface: relulab installs a translator, relulab-cli
// none (so its messages stay English). Field names and values stay as the file spells them.
QString expectation(const NumberRule &rule)
{
    const QString text = rule.kind == NumberKind::Any
            ? QCoreApplication::translate("relulab::app::Preset", "a number between %1 and %2")
            : rule.kind == NumberKind::Whole
            ? QCoreApplication::translate("relulab::app::Preset", "a whole number between %1 and %2")
            : QCoreApplication::translate("relulab::app::Preset",
                                          "an even whole number between %1 and %2");
    return text.arg(number(rule.minimum), number(rule.maximum));
}

// The value as it stands in the file, for messages: a string keeps its quotes, so "1024" (text) and
// 1024 (a number) are told apart. Long values are cut.
QString describe(const QJsonValue &value)
{
    constexpr qsizetype MaxLength = 60;
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    const QString text = QString::fromUtf8(array.mid(1, array.size() - 2));
    return text.size() > MaxLength ? text.left(MaxLength - 3) + QStringLiteral("...") : text;
}

// Every problem of a document rather than the first only, so a hand-edited file is fixed in one
// round. Each line starts with the file name.
class Problems
{
public:
    explicit Problems(const QString &fileName)
        : m_fileName(fileName)
    { }

    void error(const QString &text) { m_errors.append(m_fileName + QStringLiteral(": ") + text); }
    void warn(const QString &text) { m_warnings.append(m_fileName + QStringLiteral(": ") + text); }
    const QStringList &errors() const noexcept { return m_errors; }
    const QStringList &warnings() const noexcept { return m_warnings; }

private:
    QString m_fileName;
    QStringList m_errors;
    QStringList m_warnings;
};

// Reads the fields of one object of the document (the top level, "explorer" or "lab"), naming each
// by its path ("lab.points"). A read reports what is wrong and returns nothing. The fields read
// are the known ones: warnUnknown() names the rest, so the format has one list of its fields, the
// reading code.
class ObjectReader
{
public:
    ObjectReader(Problems &problems, const QJsonObject &object, const QString &prefix)
        : m_problems(problems)
        , m_object(object)
        , m_prefix(prefix)
    { }

    std::optional<QJsonObject> object(const char *key)
    {
        const auto value = required(key);
        if (value && !value->isObject()) {
            mistake(key, QCoreApplication::translate("relulab::app::Preset", "an object"), *value);
            return std::nullopt;
        }
        return value ? std::optional(value->toObject()) : std::nullopt;
    }

    std::optional<double> number(const char *key, const NumberRule &rule)
    {
        const auto value = required(key);
        if (!value)
            return std::nullopt;
        const double x = value->toDouble();
        bool ok = value->isDouble() && std::isfinite(x) && x >= rule.minimum && x <= rule.maximum;
        if (ok && rule.kind != NumberKind::Any)
            ok = std::floor(x) == x && (rule.kind == NumberKind::Whole || std::fmod(x, 2.0) == 0.0);
        if (!ok) {
            mistake(key, expectation(rule), *value);
            return std::nullopt;
        }
        return x;
    }

    std::optional<int> whole(const char *key, int minimum, int maximum,
                             NumberKind kind = NumberKind::Whole)
    {
        const auto x = number(key, {static_cast<double>(minimum), static_cast<double>(maximum), kind});
        return x ? std::optional(static_cast<int>(*x)) : std::nullopt;
    }

    std::optional<std::uint64_t> seed(const char *key)
    {
        const auto value = required(key);
        if (!value)
            return std::nullopt;
        if (value->isString()) {
            std::uint64_t seed = 0;
            std::errc error {};
            if (parseInteger(value->toString(), seed, error))
                return seed;
        } else if (value->isDouble()) {
            // toInteger() is exact for every whole number Qt's parser keeps as an integer and
            // gives the default for fractions and for numbers it had to round.
            const qint64 seed = value->toInteger(-1);
            if (seed >= 0 && static_cast<std::uint64_t>(seed) <= MaxSeedAsNumber)
                return static_cast<std::uint64_t>(seed);
        }
        mistake(key,
                QCoreApplication::translate(
                        "relulab::app::Preset",
                        "a whole number between 0 and %1, or a decimal string up to %2 "
                        "(larger seeds go in strings)")
                        .arg(MaxSeedAsNumber)
                        .arg(std::numeric_limits<std::uint64_t>::max()),
                *value);
        return std::nullopt;
    }

    std::optional<bool> boolean(const char *key)
    {
        const auto value = required(key);
        if (value && !value->isBool()) {
            mistake(key, QCoreApplication::translate("relulab::app::Preset", "true or false"), *value);
            return std::nullopt;
        }
        return value ? std::optional(value->toBool()) : std::nullopt;
    }

    template<class Enum>
    std::optional<Enum> name(const char *key)
    {
        const auto value = required(key);
        return value ? name<Enum>(path(key), *value) : std::nullopt;
    }

    std::optional<QList<core::Activation>> overlays(const char *key)
    {
        const auto value = required(key);
        if (!value)
            return std::nullopt;
        if (!value->isArray()) {
            mistake(key,
                    QCoreApplication::translate("relulab::app::Preset", "an array of function names (%1)")
                            .arg(enumNames<core::Activation>().join(QStringLiteral(", "))),
                    *value);
            return std::nullopt;
        }
        const QJsonArray array = value->toArray();
        std::bitset<core::ActivationCount> ticked;
        bool ok = true;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const auto kind = name<core::Activation>(QStringLiteral("%1[%2]").arg(path(key)).arg(i),
                                                     array.at(i));
            if (!kind) {
                ok = false;
                continue;
            }
            const auto bit = static_cast<std::size_t>(*kind);
            // A repeat has one obvious meaning, so it is no reason to refuse a lesson.
            if (ticked.test(bit)) {
                m_problems.warn(QCoreApplication::translate("relulab::app::Preset",
                                                            "%1 lists %2 more than once")
                                        .arg(path(key), describe(array.at(i))));
            }
            ticked.set(bit);
        }
        if (!ok)
            return std::nullopt;
        QList<core::Activation> kinds;
        for (const core::ActivationInfo &info : core::allActivations()) {
            if (ticked.test(static_cast<std::size_t>(info.kind)))
                kinds.append(info.kind);
        }
        return kinds;
    }

    // An optional string: absent is empty.
    QString optionalText(const char *key)
    {
        m_known.append(QLatin1String(key));
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isString())
            mistake(key, QCoreApplication::translate("relulab::app::Preset", "a string"), value);
        return value.toString();
    }

    // A field read some other way.
    void known(const char *key) { m_known.append(QLatin1String(key)); }

    void warnUnknown()
    {
        for (const QString &key : m_object.keys()) {
            if (!m_known.contains(key))
                m_problems.warn(QCoreApplication::translate("relulab::app::Preset",
                                                            "unknown field %1%2 ignored")
                                        .arg(m_prefix, key));
        }
    }

private:
    QString path(const char *key) const { return m_prefix + QLatin1String(key); }

    std::optional<QJsonValue> required(const char *key)
    {
        m_known.append(QLatin1String(key));
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined()) {
            m_problems.error(
                    QCoreApplication::translate("relulab::app::Preset", "%1 is missing").arg(path(key)));
            return std::nullopt;
        }
        return value;
    }

    void mistake(const char *key, const QString &expected, const QJsonValue &got)
    {
        mistake(path(key), expected, got);
    }

    void mistake(const QString &fieldPath, const QString &expected, const QJsonValue &got)
    {
        m_problems.error(QCoreApplication::translate("relulab::app::Preset", "%1 must be %2, got %3")
                                 .arg(fieldPath, expected, describe(got)));
    }

    template<class Enum>
    std::optional<Enum> name(const QString &fieldPath, const QJsonValue &value)
    {
        if (value.isString()) {
            if (const auto found = enumFromName<Enum>(value.toString()))
                return found;
        }
        mistake(fieldPath,
                QCoreApplication::translate("relulab::app::Preset", "one of %1")
                        .arg(enumNames<Enum>().join(QStringLiteral(", "))),
                value);
        return std::nullopt;
    }

    Problems &m_problems;
    const QJsonObject &m_object;
    QString m_prefix;
    QStringList m_known;
};

template<class Target, class Value>
void assign(Target &target, const std::optional<Value> &value)
{
    if (value)
        target = *value;
}

void readExplorer(Problems &problems, const QJsonObject &object, ExplorerState &e)
{
    ObjectReader r(problems, object, QStringLiteral("explorer."));
    assign(e.activation, r.name<core::Activation>("activation"));
    assign(e.overlays, r.overlays("overlays"));
    core::ActivationParams &p = e.params;
    assign(p.leakySlope, r.number("leaky_slope", ruleOf(Real::LeakySlope)));
    assign(p.preluWeight, r.number("prelu_weight", ruleOf(Real::PreluWeight)));
    assign(p.eluAlpha, r.number("elu_alpha", ruleOf(Real::EluAlpha)));
    const auto lower = r.number("rrelu_lower", ruleOf(Real::RreluLower));
    const auto upper = r.number("rrelu_upper", ruleOf(Real::RreluUpper));
    if (lower && upper && *lower > *upper) {
        problems.error(QCoreApplication::translate(
                               "relulab::app::Preset",
                               "explorer.rrelu_lower (%1) is above explorer.rrelu_upper "
                               "(%2): the lower bound must not exceed the upper one")
                               .arg(number(*lower), number(*upper)));
    }
    assign(p.rreluLower, lower);
    assign(p.rreluUpper, upper);
    assign(p.rreluMode, r.name<core::RreluMode>("rrelu_mode"));
    assign(p.rreluSeed, r.seed("rrelu_seed"));
    assign(e.xMin, r.number("x_min", ruleOf(Real::XMin)));
    assign(e.xMax, r.number("x_max", ruleOf(Real::XMax)));
    assign(e.samples, r.whole("samples", ParameterModel::MinSamples, ParameterModel::MaxSamples));
    r.warnUnknown();
}

void readLab(Problems &problems, const QJsonObject &object, LabState &l)
{
    ObjectReader r(problems, object, QStringLiteral("lab."));
    assign(l.dataset, r.name<core::DatasetKind>("dataset"));
    // LabModel rounds an odd count up; a preset must restore exactly what it says.
    assign(l.points, r.whole("points", LabModel::MinPoints, LabModel::MaxPoints, NumberKind::EvenWhole));
    assign(l.noise, r.number("noise", {0.0, LabModel::MaxNoise}));
    assign(l.dataSeed, r.seed("data_seed"));
    assign(l.hiddenLayers, r.whole("hidden_layers", core::MinHiddenLayers, core::MaxHiddenLayers));
    assign(l.unitsPerLayer, r.whole("units_per_layer", core::MinLayerWidth, core::MaxLayerWidth));
    assign(l.activation, r.name<core::Activation>("activation"));
    assign(l.preluPerUnit, r.boolean("prelu_per_unit"));
    assign(l.init, r.name<core::Initialization>("init"));
    assign(l.biasInit, r.name<core::BiasInit>("bias_init"));
    assign(l.initSeed, r.seed("init_seed"));
    assign(l.optimizer, r.name<core::OptimizerKind>("optimizer"));
    assign(l.learningRate,
           r.number("learning_rate", {LabModel::MinLearningRate, LabModel::MaxLearningRate}));
    // LabModel's range: 0 (the full batch) up to the largest training set.
    assign(l.batchSize, r.whole("batch_size", 0, LabModel::MaxPoints));
    assign(l.precision, r.name<core::Precision>("precision"));
    r.warnUnknown();
}

PresetError failure(const QString &fileName, const QString &text)
{
    return {fileName + QStringLiteral(": ") + text};
}

QString tooLarge(qint64 size)
{
    return QCoreApplication::translate(
                   "relulab::app::Preset",
                   "is %1 bytes, larger than a preset may be (%2 bytes): not opened")
            .arg(size)
            .arg(MaxPresetSize);
}

// "line 3, column 7" for a byte offset into the document, as an editor counts (in bytes).
QString position(const QByteArray &json, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    const QByteArray before = json.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    return QCoreApplication::translate("relulab::app::Preset", "line %1, column %2")
            .arg(before.count('\n') + 1)
            .arg(offset - lineStart + 1);
}

} // namespace

QString presetTabName(PresetTab tab)
{
    return enumName(tab);
}

std::optional<PresetTab> presetTabFromName(const QString &name)
{
    return enumFromName<PresetTab>(name);
}

Preset capture(const ParameterModel &parameters, const LabModel &lab, PresetTab tab)
{
    Preset preset;
    preset.tab = tab;
    ExplorerState &e = preset.explorer;
    e.activation = parameters.selectedActivation();
    for (const core::ActivationInfo &info : core::allActivations()) {
        if (parameters.isOverlay(info.kind))
            e.overlays.append(info.kind);
    }
    e.params = parameters.activationParams();
    e.xMin = parameters.value(Real::XMin);
    e.xMax = parameters.value(Real::XMax);
    e.samples = parameters.samples();

    LabState &l = preset.lab;
    l.dataset = lab.dataset();
    l.points = lab.points();
    l.noise = lab.noise();
    l.dataSeed = lab.dataSeed();
    l.hiddenLayers = lab.depth();
    l.unitsPerLayer = lab.width();
    l.activation = lab.activation();
    l.preluPerUnit = lab.preluPerUnit();
    l.init = lab.initialization();
    l.biasInit = lab.biasInit();
    l.initSeed = lab.initSeed();
    l.optimizer = lab.optimizer();
    l.learningRate = lab.learningRate();
    l.batchSize = lab.batchSize();
    l.precision = lab.precision();
    return preset;
}

void apply(const Preset &preset, ParameterModel &parameters, LabModel &lab)
{
    Q_ASSERT_X(!validatePreset(preset).has_value(), "apply", "the preset must be valid");
    const ExplorerState &e = preset.explorer;
    parameters.setSelectedActivation(e.activation);
    for (const core::ActivationInfo &info : core::allActivations())
        parameters.setOverlay(info.kind, e.overlays.contains(info.kind));
    // Of RReLU's bounds the one that keeps lower <= upper at every step goes first (as in
    // applyCurveOptions), so neither is pushed: the lower one first when the new upper bound is
    // below the current lower one, else the upper one. The preset has lower <= upper.
    const core::ActivationParams &p = e.params;
    const bool lowerFirst = p.rreluUpper < parameters.value(Real::RreluLower);
    const std::pair<Real, double> lower {Real::RreluLower, p.rreluLower};
    const std::pair<Real, double> upper {Real::RreluUpper, p.rreluUpper};
    for (const auto &[parameter, value] :
         {lowerFirst ? lower : upper, lowerFirst ? upper : lower,
          std::pair {Real::LeakySlope, p.leakySlope}, std::pair {Real::PreluWeight, p.preluWeight},
          std::pair {Real::EluAlpha, p.eluAlpha}, std::pair {Real::XMin, e.xMin},
          std::pair {Real::XMax, e.xMax}})
        parameters.setValue(parameter, value);
    parameters.setRreluMode(p.rreluMode);
    parameters.setRreluSeed(p.rreluSeed);
    parameters.setSamples(e.samples);

    // The lab's fields are independent of each other (depth and width each keep the other).
    const LabState &l = preset.lab;
    lab.setDataset(l.dataset);
    lab.setPoints(l.points);
    lab.setNoise(l.noise);
    lab.setDataSeed(l.dataSeed);
    lab.setDepth(l.hiddenLayers);
    lab.setWidth(l.unitsPerLayer);
    lab.setActivation(l.activation);
    lab.setPreluPerUnit(l.preluPerUnit);
    lab.setInitialization(l.init);
    lab.setBiasInit(l.biasInit);
    lab.setInitSeed(l.initSeed);
    lab.setOptimizer(l.optimizer);
    lab.setLearningRate(l.learningRate);
    lab.setBatchSize(l.batchSize);
    lab.setPrecision(l.precision);
}

std::optional<QString> validatePreset(const Preset &preset, const QString &fileName)
{
    // Through the document, so that a preset built in code is held to exactly the rules (and
    // words) a file is.
    const PresetResult result = parsePreset(toJson(preset), fileName);
    if (const auto *error = std::get_if<PresetError>(&result))
        return error->message;
    return std::nullopt;
}

QByteArray toJson(const Preset &preset)
{
    Members members {{"format", jsonString(QLatin1String(PresetFormat))},
                     {"version", QByteArray::number(PresetVersion)}};
    if (!preset.title.isEmpty())
        members.append({"title", jsonString(preset.title)});
    if (!preset.description.isEmpty())
        members.append({"description", jsonString(preset.description)});
    members.append({"tab", jsonName(preset.tab)});
    members.append({"explorer", explorerJson(preset.explorer)});
    members.append({"lab", labJson(preset.lab)});
    return jsonObject(members, 0) + '\n';
}

PresetResult parsePreset(const QByteArray &json, const QString &fileName)
{
    if (json.size() > MaxPresetSize)
        return failure(fileName, tooLarge(json.size()));
    if (json.trimmed().isEmpty())
        return failure(fileName,
                       QCoreApplication::translate("relulab::app::Preset",
                                                   "is empty: not a ReLU Lab preset"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return failure(fileName,
                       QCoreApplication::translate("relulab::app::Preset", "not JSON: %1 at %2")
                               .arg(parseError.errorString(), position(json, parseError.offset)));
    }
    if (!document.isObject()) {
        return failure(fileName,
                       document.isArray()
                               ? QCoreApplication::translate("relulab::app::Preset",
                                                             "is a JSON array, not a ReLU Lab "
                                                             "preset (a JSON object)")
                               : QCoreApplication::translate("relulab::app::Preset",
                                                             "is a JSON value, not a ReLU Lab "
                                                             "preset (a JSON object)"));
    }
    const QJsonObject root = document.object();

    // Format and version first: the other fields of another format or version mean something
    // else, and a list of their "mistakes" would only hide the one that matters.
    const QString format = QLatin1String(PresetFormat);
    const QJsonValue formatValue = root.value(QStringLiteral("format"));
    if (formatValue.isUndefined()) {
        return failure(
                fileName,
                QCoreApplication::translate("relulab::app::Preset",
                                            "format is missing: not a ReLU Lab preset (those say "
                                            "\"format\": \"%1\")")
                        .arg(format));
    }
    if (formatValue != QJsonValue(format)) {
        return failure(
                fileName,
                QCoreApplication::translate("relulab::app::Preset",
                                            "format must be \"%1\", got %2: not a ReLU Lab preset")
                        .arg(format, describe(formatValue)));
    }
    const QJsonValue versionValue = root.value(QStringLiteral("version"));
    if (versionValue.isUndefined())
        return failure(fileName,
                       QCoreApplication::translate("relulab::app::Preset", "version is missing"));
    if (!versionValue.isDouble()) {
        return failure(fileName,
                       QCoreApplication::translate("relulab::app::Preset", "version must be a number, got %1")
                               .arg(describe(versionValue)));
    }
    const double version = versionValue.toDouble();
    if (version != PresetVersion) {
        return failure(fileName,
                       QCoreApplication::translate(
                               "relulab::app::Preset",
                               "version %1 is not supported: this ReLU Lab reads version %2%3")
                               .arg(number(version))
                               .arg(PresetVersion)
                               .arg(version > PresetVersion ? QCoreApplication::translate(
                                            "relulab::app::Preset", " (the file is from a newer one)")
                                                            : QString()));
    }

    Problems problems(fileName);
    ObjectReader r(problems, root, QString());
    r.known("format");
    r.known("version");
    Preset preset;
    preset.title = r.optionalText("title");
    preset.description = r.optionalText("description");
    assign(preset.tab, r.name<PresetTab>("tab"));
    if (const auto explorer = r.object("explorer"))
        readExplorer(problems, *explorer, preset.explorer);
    if (const auto lab = r.object("lab"))
        readLab(problems, *lab, preset.lab);
    r.warnUnknown();
    if (!problems.errors().isEmpty())
        return PresetError {problems.errors().join(u'\n')};
    return LoadedPreset {preset, problems.warnings()};
}

PresetResult loadPreset(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(path,
                       QCoreApplication::translate("relulab::app::Preset", "cannot open: %1")
                               .arg(file.errorString()));
    if (file.size() > MaxPresetSize)
        return failure(path, tooLarge(file.size()));
    // At most one byte more than allowed, also from a file whose size() said nothing (a pipe) or
    // that grew since.
    const QByteArray json = file.read(MaxPresetSize + 1);
    if (file.error() != QFileDevice::NoError)
        return failure(path,
                       QCoreApplication::translate("relulab::app::Preset", "cannot read: %1")
                               .arg(file.errorString()));
    if (json.size() > MaxPresetSize)
        return failure(
                path,
                QCoreApplication::translate("relulab::app::Preset",
                                            "is larger than a preset may be (%1 bytes): not opened")
                        .arg(MaxPresetSize));
    return parsePreset(json, path);
}

PresetResult loadAndApplyPreset(const QString &path, ParameterModel &parameters, LabModel &lab)
{
    PresetResult result = loadPreset(path);
    if (const auto *loaded = std::get_if<LoadedPreset>(&result))
        apply(loaded->preset, parameters, lab);
    return result;
}

std::optional<QString> savePreset(const Preset &preset, const QString &path)
{
    const QByteArray json = toJson(preset);
    if (json.size() > MaxPresetSize) {
        return QCoreApplication::translate(
                       "relulab::app::Preset",
                       "%1: not saved: the preset would be %2 bytes, larger than a preset "
                       "may be (%3 bytes); shorten its description")
                .arg(path, QString::number(json.size()), QString::number(MaxPresetSize));
    }
    const PresetResult check = parsePreset(json, path);
    if (const auto *error = std::get_if<PresetError>(&check))
        return QCoreApplication::translate("relulab::app::Preset",
                                           "%1: not saved, the preset is not valid:\n%2")
                .arg(path, error->message);
    QSaveFile file(path);
    // Never write in place, even where no temporary file can be made next to the target (a
    // directory without write permission): the old file must survive a failed save.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("relulab::app::Preset", "%1: cannot save: %2")
                .arg(path, file.errorString());
    // Qt 6.4's QSaveFile commits a truncated file when the disk fills up: a write cut short comes
    // back as a smaller count with no error, and a buffered write (any preset under 16 KiB) that
    // fails when flushed sets an error commit() ignores. So both are checked before commit(), and
    // the reason taken from errno, where QFileDevice has none to tell ("Unknown error").
    errno = 0;
    const bool written =
            file.write(json) == json.size() && file.flush() && file.error() == QFileDevice::NoError;
    if (!written) {
        const int writeErrno = errno;
        const QString reason = writeErrno != 0
                ? QString::fromStdString(std::generic_category().message(writeErrno))
                : file.errorString();
        file.cancelWriting();
        return QCoreApplication::translate("relulab::app::Preset", "%1: cannot save: %2").arg(path, reason);
    }
    if (!file.commit())
        return QCoreApplication::translate("relulab::app::Preset", "%1: cannot save: %2")
                .arg(path, file.errorString());
    return std::nullopt;
}

} // namespace relulab::app
