#include "preset.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>
#include <array>
#include <bitset>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

#include "borndeadmodel.h"
#include "enumnames.h"
#include "labmodel.h"
#include "optionparsing.h"
#include "parametermodel.h"
#include "racemodel.h"
#include "userfiles.h"

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

// Function names in the canonical order, without repeats, whatever order the list is in.
QByteArray jsonActivations(const QList<core::Activation> &kinds)
{
    QByteArrayList names;
    for (const core::ActivationInfo &info : core::allActivations()) {
        if (kinds.contains(info.kind))
            names.append(jsonName(info.kind));
    }
    return '[' + names.join(", ") + ']';
}

QByteArray jsonIntegers(const std::vector<int> &values)
{
    QByteArrayList numbers;
    for (int value : values)
        numbers.append(QByteArray::number(value));
    return '[' + numbers.join(", ") + ']';
}

QByteArray explorerJson(const ExplorerState &e)
{
    const core::ActivationParams &p = e.params;
    return jsonObject({{"activation", jsonName(e.activation)},
                       {"overlays", jsonActivations(e.overlays)},
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

// Inserts `member` after the field `key` of `members`.
void insertAfter(Members &members, const char *key, std::pair<const char *, QByteArray> member)
{
    const auto at = std::find_if(members.begin(), members.end(),
                                 [key](const auto &m) { return qstrcmp(m.first, key) == 0; });
    members.insert(at + 1, std::move(member));
}

// The fields of "lab" and "race" both have, in the order of their panels.
Members trainingMembers(const TrainingState &t)
{
    Members members {{"dataset", jsonName(t.dataset)},
                     {"points", QByteArray::number(t.points)},
                     {"noise", jsonNumber(t.noise)},
                     {"data_seed", jsonSeed(t.dataSeed)},
                     {"hidden_layers", QByteArray::number(t.hiddenLayers)},
                     {"units_per_layer", QByteArray::number(t.unitsPerLayer)},
                     {"init", jsonName(t.init)},
                     {"bias_init", jsonName(t.biasInit)},
                     {"init_seed", jsonSeed(t.initSeed)},
                     {"optimizer", jsonName(t.optimizer)},
                     {"learning_rate", jsonNumber(t.learningRate)},
                     {"batch_size", QByteArray::number(t.batchSize)},
                     {"precision", jsonName(t.precision)}};
    // Written only when they do something: a preset at their defaults is byte for byte what
    // earlier versions wrote (and open without a warning there), and absent means the default.
    const TrainingState defaults;
    if (t.initGain != defaults.initGain)
        insertAfter(members, "init", {"init_gain", jsonNumber(t.initGain)});
    if (t.l1 != defaults.l1)
        insertAfter(members, "learning_rate", {"l1", jsonNumber(t.l1)});
    if (t.weightDecay != defaults.weightDecay)
        insertAfter(members, "learning_rate", {"weight_decay", jsonNumber(t.weightDecay)});
    return members;
}

static_assert(LabState().comparison == LabModel::DefaultComparison,
              "a preset without \"compare\" means the lab's default comparison");

QByteArray labJson(const LabState &l)
{
    Members members = trainingMembers(l);
    insertAfter(members, "units_per_layer", {"prelu_per_unit", jsonBool(l.preluPerUnit)});
    insertAfter(members, "units_per_layer", {"activation", jsonName(l.activation)});
    // Like the optional training fields: written only when not the default.
    if (l.comparison != LabState().comparison)
        insertAfter(members, "prelu_per_unit",
                    {"compare", l.comparison ? jsonName(*l.comparison) : QByteArrayLiteral("null")});
    return jsonObject(members, 1);
}

QByteArray raceJson(const RaceState &r)
{
    Members members {{"scenario", r.scenario ? jsonName(*r.scenario) : QByteArrayLiteral("null")},
                     {"activations", jsonActivations(r.activations)},
                     {"steps", QByteArray::number(r.steps)},
                     {"measure_every", QByteArray::number(r.measureEvery)}};
    Members training = trainingMembers(r.training);
    insertAfter(training, "bias_init", {"bias_value", jsonNumber(r.biasValue)});
    return jsonObject(members + training, 1);
}

QByteArray bornDeadJson(const BornDeadState &b)
{
    const core::BornDeadConfig &c = b.config;
    return jsonObject({{"widths", jsonIntegers(c.widths)},
                       {"depths", jsonIntegers(c.depths)},
                       {"networks", QByteArray::number(c.networks)},
                       {"inputs", QByteArray::number(c.inputs)},
                       {"input_dim", QByteArray::number(c.inputDim)},
                       {"bias", jsonName(c.bias)},
                       {"init", jsonName(c.init)},
                       {"compare", jsonBool(b.compare)},
                       {"seed", QByteArray::number(c.seed)}},
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
    // Whole bounds in full (1000000, not 1e+06).
    const auto bound = [&rule](double value) {
        return rule.kind == NumberKind::Any ? number(value)
                                            : QString::number(static_cast<qint64>(value));
    };
    return text.arg(bound(rule.minimum), bound(rule.maximum));
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

    void error(const QString &text) { add(m_errors, m_moreErrors, text); }
    void warn(const QString &text) { add(m_warnings, m_moreWarnings, text); }
    QStringList errors() const { return withCount(m_errors, m_moreErrors); }
    QStringList warnings() const { return withCount(m_warnings, m_moreWarnings); }

private:
    // A file with 100,000 bad entries gets 20 messages and a count, not 100,000 lines.
    static constexpr qsizetype MaxListed = 20;

    void add(QStringList &list, qsizetype &more, const QString &text) const
    {
        if (list.size() < MaxListed)
            list.append(m_fileName + QStringLiteral(": ") + text);
        else
            ++more;
    }
    QStringList withCount(QStringList list, qsizetype more) const
    {
        if (more > 0)
            list.append(m_fileName + QStringLiteral(": ")
                        + QCoreApplication::translate("relulab::app::Preset", "and %1 more").arg(more));
        return list;
    }

    QString m_fileName;
    QStringList m_errors;
    QStringList m_warnings;
    qsizetype m_moreErrors = 0;
    qsizetype m_moreWarnings = 0;
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
        return typed(
                key, [](const QJsonValue &v) { return v.isObject(); },
                [](const QJsonValue &v) { return v.toObject(); },
                QCoreApplication::translate("relulab::app::Preset", "an object"));
    }

    std::optional<double> number(const char *key, const NumberRule &rule)
    {
        const auto value = required(key);
        return value ? checked(path(key), rule, *value) : std::nullopt;
    }

    // A number that may be left out: absent is nothing, with no message.
    std::optional<double> optionalNumber(const char *key, const NumberRule &rule)
    {
        m_known.append(QLatin1String(key));
        const QJsonValue value = m_object.value(QLatin1String(key));
        return value.isUndefined() ? std::nullopt : checked(path(key), rule, value);
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
        return typed(
                key, [](const QJsonValue &v) { return v.isBool(); },
                [](const QJsonValue &v) { return v.toBool(); },
                QCoreApplication::translate("relulab::app::Preset", "true or false"));
    }

    template<class Enum>
    std::optional<Enum> name(const char *key)
    {
        const auto value = required(key);
        return value ? name<Enum>(path(key), *value) : std::nullopt;
    }

    std::optional<QList<core::Activation>> activations(const char *key)
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
        std::bitset<core::ActivationCount> repeated;
        QStringList repeatedNames; // in the order of their first repeat
        bool ok = true;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const auto kind = name<core::Activation>(QStringLiteral("%1[%2]").arg(path(key)).arg(i),
                                                     array.at(i));
            if (!kind) {
                ok = false;
                continue;
            }
            const auto bit = static_cast<std::size_t>(*kind);
            if (ticked.test(bit) && !repeated.test(bit)) {
                repeated.set(bit);
                repeatedNames.append(describe(array.at(i)));
            }
            ticked.set(bit);
        }
        if (!ok)
            return std::nullopt;
        // A repeat has one obvious meaning, so it is no reason to refuse a lesson; one warning
        // says so, however many repeats there are.
        if (!repeatedNames.isEmpty())
            m_problems.warn(QCoreApplication::translate("relulab::app::Preset",
                                                        "%1 lists %2 more than once; each is taken once")
                                    .arg(path(key), repeatedNames.join(QStringLiteral(", "))));
        QList<core::Activation> kinds;
        for (const core::ActivationInfo &info : core::allActivations()) {
            if (ticked.test(static_cast<std::size_t>(info.kind)))
                kinds.append(info.kind);
        }
        return kinds;
    }

    // The same for a field that may be absent (then nothing, and no error).
    template<class Enum>
    std::optional<std::optional<Enum>> optionalNameOrNull(const char *key, const QString &nothing)
    {
        if (m_object.value(QLatin1String(key)).isUndefined()) {
            m_known.append(QLatin1String(key));
            return std::nullopt;
        }
        return nameOrNull<Enum>(key, nothing);
    }

    // A name or null (`nothing`): the outer optional is empty after a mistake.
    template<class Enum>
    std::optional<std::optional<Enum>> nameOrNull(const char *key, const QString &nothing)
    {
        const auto value = required(key);
        if (!value)
            return std::nullopt;
        if (value->isNull())
            return std::optional<Enum>();
        if (value->isString()) {
            if (const auto found = enumFromName<Enum>(value->toString()))
                return found;
        }
        mistake(key,
                QCoreApplication::translate("relulab::app::Preset", "%1 or one of %2")
                        .arg(nothing, enumNames<Enum>().join(QStringLiteral(", "))),
                *value);
        return std::nullopt;
    }

    // A list of distinct whole numbers in [minimum, maximum], at least one.
    std::optional<std::vector<int>> distinctWholes(const char *key, int minimum, int maximum)
    {
        const auto value = required(key);
        if (!value)
            return std::nullopt;
        const QJsonArray array = value->toArray();
        if (!value->isArray() || array.isEmpty()) {
            mistake(key,
                    QCoreApplication::translate("relulab::app::Preset",
                                                "an array of at least one whole number between %1 "
                                                "and %2")
                            .arg(minimum)
                            .arg(maximum),
                    *value);
            return std::nullopt;
        }
        const NumberRule rule {static_cast<double>(minimum), static_cast<double>(maximum),
                               NumberKind::Whole};
        std::vector<int> values;
        std::vector<int> repeated;
        bool ok = true;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString entry = QStringLiteral("%1[%2]").arg(path(key)).arg(i);
            const auto x = checked(entry, rule, array.at(i));
            if (!x) {
                ok = false;
                continue;
            }
            const int n = static_cast<int>(*x);
            // values holds distinct numbers of [minimum, maximum]: the search is short.
            if (std::find(values.begin(), values.end(), n) == values.end())
                values.push_back(n);
            else if (std::find(repeated.begin(), repeated.end(), n) == repeated.end())
                repeated.push_back(n);
        }
        if (!ok)
            return std::nullopt;
        // A repeated cell means that cell, once: one warning, however many repeats.
        if (!repeated.empty()) {
            QStringList names;
            for (int n : repeated)
                names.append(QString::number(n));
            m_problems.warn(QCoreApplication::translate("relulab::app::Preset",
                                                        "%1 lists %2 more than once; each is taken once")
                                    .arg(path(key), names.join(QStringLiteral(", "))));
        }
        return values;
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

    std::optional<double> checked(const QString &fieldPath, const NumberRule &rule,
                                  const QJsonValue &value)
    {
        const double x = value.toDouble();
        bool ok = value.isDouble() && std::isfinite(x) && x >= rule.minimum && x <= rule.maximum;
        if (ok && rule.kind != NumberKind::Any)
            ok = std::floor(x) == x && (rule.kind == NumberKind::Whole || std::fmod(x, 2.0) == 0.0);
        if (!ok) {
            mistake(fieldPath, expectation(rule), value);
            return std::nullopt;
        }
        return x;
    }

    // The value of a required `key` of one JSON type (`is`), converted (`to`); a value of another
    // type is a mistake, reported as not being `expected`.
    template<class Is, class To>
    auto typed(const char *key, Is is, To to, const QString &expected)
            -> std::optional<decltype(to(QJsonValue()))>
    {
        const auto value = required(key);
        if (value && !is(*value)) {
            mistake(key, expected, *value);
            return std::nullopt;
        }
        return value ? std::optional(to(*value)) : std::nullopt;
    }

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
    assign(e.overlays, r.activations("overlays"));
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

// The fields "lab" and "race" share; `extra` reads the section's own after "units_per_layer" (the
// order of the messages is the order of the fields).
template<class Extra>
void readTraining(ObjectReader &r, TrainingState &t, Extra extra)
{
    assign(t.dataset, r.name<core::DatasetKind>("dataset"));
    // LabModel rounds an odd count up; a preset must restore exactly what it says.
    assign(t.points, r.whole("points", LabModel::MinPoints, LabModel::MaxPoints, NumberKind::EvenWhole));
    assign(t.noise, r.number("noise", {0.0, LabModel::MaxNoise}));
    assign(t.dataSeed, r.seed("data_seed"));
    assign(t.hiddenLayers, r.whole("hidden_layers", core::MinHiddenLayers, core::MaxHiddenLayers));
    assign(t.unitsPerLayer, r.whole("units_per_layer", core::MinLayerWidth, core::MaxLayerWidth));
    extra();
    assign(t.init, r.name<core::Initialization>("init"));
    // The three of version 2.1 are optional (absent: the default, so earlier presets still open).
    assign(t.initGain, r.optionalNumber("init_gain", {LabModel::MinInitGain, LabModel::MaxInitGain}));
    assign(t.biasInit, r.name<core::BiasInit>("bias_init"));
    assign(t.initSeed, r.seed("init_seed"));
    assign(t.optimizer, r.name<core::OptimizerKind>("optimizer"));
    assign(t.learningRate,
           r.number("learning_rate", {LabModel::MinLearningRate, LabModel::MaxLearningRate}));
    assign(t.weightDecay, r.optionalNumber("weight_decay", {0.0, LabModel::MaxWeightPenalty}));
    assign(t.l1, r.optionalNumber("l1", {0.0, LabModel::MaxWeightPenalty}));
    // LabModel's range: 0 (the full batch) up to the largest training set.
    assign(t.batchSize, r.whole("batch_size", 0, LabModel::MaxPoints));
    assign(t.precision, r.name<core::Precision>("precision"));
}

void readLab(Problems &problems, const QJsonObject &object, LabState &l)
{
    ObjectReader r(problems, object, QStringLiteral("lab."));
    readTraining(r, l, [&] {
        assign(l.activation, r.name<core::Activation>("activation"));
        assign(l.preluPerUnit, r.boolean("prelu_per_unit"));
        // Optional (absent: sigmoid, as before it was saved).
        assign(l.comparison, r.optionalNameOrNull<core::Activation>(
                                     "compare", QCoreApplication::translate("relulab::app::Preset",
                                                                            "null (no comparison)")));
    });
    r.warnUnknown();
}

void readRace(Problems &problems, const QJsonObject &object, RaceState &race)
{
    ObjectReader r(problems, object, QStringLiteral("race."));
    assign(race.scenario,
           r.nameOrNull<core::RacePresetKind>(
                   "scenario",
                   QCoreApplication::translate("relulab::app::Preset",
                                               "null (the user's own settings)")));
    assign(race.activations, r.activations("activations"));
    const auto steps = r.whole("steps", static_cast<int>(RaceModel::MinSteps),
                               static_cast<int>(RaceModel::MaxSteps));
    assign(race.steps, steps ? std::optional(static_cast<quint64>(*steps)) : std::nullopt);
    const auto every = r.whole("measure_every", 1, static_cast<int>(RaceModel::MaxMeasureEvery));
    assign(race.measureEvery, every ? std::optional(static_cast<quint64>(*every)) : std::nullopt);
    readTraining(r, race.training, [] {});
    assign(race.biasValue, r.number("bias_value", {-LabModel::MaxBiasValue, LabModel::MaxBiasValue}));
    r.warnUnknown();
}

void readBornDead(Problems &problems, const QJsonObject &object, BornDeadState &b)
{
    ObjectReader r(problems, object, QStringLiteral("born_dead."));
    core::BornDeadConfig &c = b.config;
    assign(c.widths, r.distinctWholes("widths", core::BornDeadMinWidth, core::BornDeadMaxWidth));
    assign(c.depths, r.distinctWholes("depths", core::BornDeadMinDepth, core::BornDeadMaxDepth));
    const auto networks = r.whole("networks", 1, static_cast<int>(core::BornDeadMaxNetworks));
    assign(c.networks, networks ? std::optional(static_cast<std::uint64_t>(*networks)) : std::nullopt);
    const auto inputs = r.whole("inputs", 0, static_cast<int>(core::BornDeadMaxInputs));
    assign(c.inputs, inputs ? std::optional(static_cast<std::uint64_t>(*inputs)) : std::nullopt);
    assign(c.inputDim, r.whole("input_dim", 1, core::BornDeadMaxInputDim));
    assign(c.bias, r.name<core::BornDeadBias>("bias"));
    assign(c.init, r.name<core::BornDeadInit>("init"));
    assign(b.compare, r.boolean("compare"));
    const auto seed = r.whole("seed", 0, static_cast<int>(BornDeadModel::MaxSeed));
    assign(c.seed, seed ? std::optional(static_cast<std::uint64_t>(*seed)) : std::nullopt);
    r.warnUnknown();
}

PresetError failure(const QString &fileName, const QString &text)
{
    return {fileName + QStringLiteral(": ") + text};
}

// `size` -1: more than allowed, how much more unknown (a file that grew while read).
QString tooLarge(qint64 size)
{
    if (size < 0)
        return QCoreApplication::translate("relulab::app::Preset",
                                           "is larger than a preset may be (%1 bytes): not opened")
                .arg(MaxPresetSize);
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

ExplorerState captureExplorer(const ParameterModel &parameters)
{
    ExplorerState e;
    e.activation = parameters.selectedActivation();
    for (const core::ActivationInfo &info : core::allActivations()) {
        if (parameters.isOverlay(info.kind))
            e.overlays.append(info.kind);
    }
    e.params = parameters.activationParams();
    e.xMin = parameters.value(Real::XMin);
    e.xMax = parameters.value(Real::XMax);
    e.samples = parameters.samples();
    return e;
}

namespace {

TrainingState captureTraining(const LabModel &model)
{
    return {.dataset = model.dataset(),
            .points = model.points(),
            .noise = model.noise(),
            .dataSeed = model.dataSeed(),
            .hiddenLayers = model.depth(),
            .unitsPerLayer = model.width(),
            .init = model.initialization(),
            .initGain = model.initGain(),
            .biasInit = model.biasInit(),
            .initSeed = model.initSeed(),
            .optimizer = model.optimizer(),
            .learningRate = model.learningRate(),
            .weightDecay = model.weightDecay(),
            .l1 = model.l1(),
            .batchSize = model.batchSize(),
            .precision = model.precision()};
}

// The fields are independent of each other (depth and width each keep the other).
void applyTraining(const TrainingState &t, LabModel &model)
{
    model.setDataset(t.dataset);
    model.setPoints(t.points);
    model.setNoise(t.noise);
    model.setDataSeed(t.dataSeed);
    model.setDepth(t.hiddenLayers);
    model.setWidth(t.unitsPerLayer);
    model.setInitialization(t.init);
    model.setInitGain(t.initGain);
    model.setBiasInit(t.biasInit);
    model.setInitSeed(t.initSeed);
    model.setOptimizer(t.optimizer);
    model.setLearningRate(t.learningRate);
    model.setWeightDecay(t.weightDecay);
    model.setL1(t.l1);
    model.setBatchSize(t.batchSize);
    model.setPrecision(t.precision);
}

} // namespace

Preset capture(const PresetModels &models, PresetTab tab)
{
    Preset preset;
    preset.tab = tab;
    preset.explorer = captureExplorer(models.parameters);

    LabState &l = preset.lab;
    static_cast<TrainingState &>(l) = captureTraining(models.lab);
    l.activation = models.lab.activation();
    l.preluPerUnit = models.lab.preluPerUnit();
    l.comparison = models.lab.comparison();

    RaceState &r = preset.race;
    r.scenario = models.race.scenario();
    r.activations = QList<core::Activation>(models.race.activations().begin(),
                                            models.race.activations().end());
    r.steps = models.race.targetSteps();
    r.measureEvery = models.race.measureEvery();
    r.training = captureTraining(models.race.training());
    r.biasValue = models.race.training().biasValue();

    preset.bornDead.config = models.bornDead.config();
    preset.bornDead.compare = models.bornDead.compare();
    return preset;
}

void apply(const Preset &preset, const PresetModels &models)
{
    Q_ASSERT_X(!validatePreset(preset).has_value(), "apply", "the preset must be valid");
    ParameterModel &parameters = models.parameters;
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

    const LabState &l = preset.lab;
    applyTraining(l, models.lab);
    models.lab.setActivation(l.activation);
    models.lab.setPreluPerUnit(l.preluPerUnit);
    models.lab.setComparison(l.comparison);

    // The scenario last: every other change leaves it.
    const RaceState &r = preset.race;
    RaceModel &race = models.race;
    applyTraining(r.training, race.training());
    race.training().setBiasValue(r.biasValue);
    race.setActivations({r.activations.begin(), r.activations.end()});
    race.setTargetSteps(r.steps);
    race.setMeasureEvery(r.measureEvery);
    race.setScenario(r.scenario);

    const core::BornDeadConfig &c = preset.bornDead.config;
    BornDeadModel &bornDead = models.bornDead;
    bornDead.setWidths(c.widths);
    bornDead.setDepths(c.depths);
    bornDead.setNetworks(c.networks);
    bornDead.setInputs(c.inputs);
    bornDead.setInputDim(c.inputDim);
    bornDead.setBias(c.bias);
    bornDead.setInit(c.init);
    bornDead.setCompare(preset.bornDead.compare);
    bornDead.setSeed(c.seed);
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
    members.append({"race", raceJson(preset.race)});
    members.append({"born_dead", bornDeadJson(preset.bornDead)});
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
    if (version != 1 && version != PresetVersion) {
        return failure(fileName,
                       QCoreApplication::translate(
                               "relulab::app::Preset",
                               "version %1 is not supported: this ReLU Lab reads version %2%3")
                               .arg(number(version))
                               .arg(QStringLiteral("1–%1").arg(PresetVersion))
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
    // Version 1 has neither: they keep their defaults (and, if there, are unknown fields).
    if (version >= 2) {
        if (const auto race = r.object("race"))
            readRace(problems, *race, preset.race);
        if (const auto bornDead = r.object("born_dead"))
            readBornDead(problems, *bornDead, preset.bornDead);
    }
    r.warnUnknown();
    if (!problems.errors().isEmpty())
        return PresetError {problems.errors().join(u'\n')};
    return LoadedPreset {preset, problems.warnings()};
}

PresetResult loadPreset(const QString &path)
{
    // A regular file only, read up to the size a preset may have: a FIFO would block the reader
    // and a device would never end.
    std::variant<QByteArray, QString> json = readUserFile(path, {MaxPresetSize, tooLarge});
    if (const auto *error = std::get_if<QString>(&json))
        return failure(path, *error);
    return parsePreset(std::get<QByteArray>(json), path);
}

PresetResult loadAndApplyPreset(const QString &path, const PresetModels &models)
{
    PresetResult result = loadPreset(path);
    if (const auto *loaded = std::get_if<LoadedPreset>(&result))
        apply(loaded->preset, models);
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
    // Never in place: the old file survives a failed save (userfiles.h).
    OutputFile file(path);
    if (!file.open() || file.write(json) != json.size() || !file.commit())
        return QCoreApplication::translate("relulab::app::Preset", "%1: cannot save: %2")
                .arg(file.displayName(), file.errorString());
    return std::nullopt;
}

} // namespace relulab::app
