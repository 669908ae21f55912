// applyCurveOptions: the GUI's command-line options reach the model exactly as given, an
// out-of-range value is an error that changes nothing, and options the chosen function does not use
// are left alone. The options come from a real QCommandLineParser, as in main.cpp.

#include <QCommandLineParser>
#include <QSignalSpy>
#include <QTest>

#include <array>
#include <optional>
#include <variant>

#include "app/modeloptions.h"
#include "app/parametermodel.h"
#include "common/fuzzycompare.h"

using relulab::app::CurveOptions;
using relulab::app::ParameterModel;
using relulab::core::Activation;
using relulab::core::CurveSpec;
using relulab::core::RreluMode;
using Real = ParameterModel::Real;

namespace {

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// What main.cpp does: parse, read with the model's state as the defaults, apply. Returns the
// apply step's message, or fails the test if parsing or reading rejected the arguments (the
// cases here are about what the app's ranges reject).
std::optional<QString> apply(ParameterModel &model, const QStringList &arguments,
                             QStringList *warnings = nullptr)
{
    QCommandLineParser parser;
    relulab::app::addCurveOptions(parser);
    if (!parser.parse(QStringList {QStringLiteral("relulab")} + arguments)) {
        QTest::qFail(qPrintable(QStringLiteral("parser: ") + parser.errorText()), __FILE__, __LINE__);
        return std::nullopt;
    }
    const auto read = relulab::app::readCurveOptions(parser, model.curveSpec(), false);
    if (const auto *message = std::get_if<QString>(&read)) {
        QTest::qFail(qPrintable(QStringLiteral("readCurveOptions: ") + *message), __FILE__, __LINE__);
        return std::nullopt;
    }
    const CurveOptions &options = std::get<CurveOptions>(read);
    if (warnings)
        *warnings = options.warnings;
    return relulab::app::applyCurveOptions(options, model);
}

// Everything the model holds, including ticked boxes that overlays() hides.
struct Snapshot
{
    CurveSpec spec;
    QList<Activation> overlays;
    std::array<bool, relulab::core::ActivationCount> ticked {};

    explicit Snapshot(const ParameterModel &model)
        : spec(model.curveSpec())
        , overlays(model.overlays())
    {
        for (const relulab::core::ActivationInfo &info : relulab::core::allActivations())
            ticked[static_cast<std::size_t>(info.kind)] = model.isOverlay(info.kind);
    }

    friend bool operator==(const Snapshot &, const Snapshot &) = default;
};

// A model away from its defaults, so that an option applied by mistake shows.
void prepare(ParameterModel &model)
{
    model.setSelectedActivation(Activation::Prelu);
    model.setOverlay(Activation::Tanh, true);
    model.setOverlay(Activation::Gelu, true);
    model.setValue(Real::LeakySlope, 0.05);
    model.setValue(Real::PreluWeight, 0.5);
    model.setValue(Real::EluAlpha, 1.5);
    model.setRreluSeed(3);
    model.setSamples(777);
}

CurveSpec preparedSpec()
{
    ParameterModel model;
    prepare(model);
    return model.curveSpec();
}

} // namespace

Q_DECLARE_METATYPE(relulab::core::CurveSpec)

class TestModelOptions : public QObject
{
    Q_OBJECT

private slots:
    void appliesValuesInRange_data();
    void appliesValuesInRange();
    void boundsPairNeverPushes_data();
    void boundsPairNeverPushes();
    void alphaGoesToTheSelectedFunctionWithoutActivation();
    void outOfRangeChangesNothing_data();
    void outOfRangeChangesNothing();
    void rreluOptionsOnlyForRrelu_data();
    void rreluOptionsOnlyForRrelu();
    void noOptionsChangeNothing();
};

void TestModelOptions::appliesValuesInRange_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<CurveSpec>("expected");

    const CurveSpec start = preparedSpec();
    const auto row = [&start](const char *arguments, auto edit) {
        CurveSpec expected = start;
        edit(expected);
        QTest::newRow(arguments) << words(arguments) << expected;
    };
    row("--activation leaky_relu --alpha 0.2", [](CurveSpec &s) {
        s.kind = Activation::LeakyRelu;
        s.params.leakySlope = 0.2;
    });
    row("--activation leaky_relu --alpha 1", [](CurveSpec &s) {
        s.kind = Activation::LeakyRelu;
        s.params.leakySlope = 1.0;
    });
    row("--activation prelu --alpha=-0.75", [](CurveSpec &s) { s.params.preluWeight = -0.75; });
    row("--activation prelu --alpha 2", [](CurveSpec &s) { s.params.preluWeight = 2.0; });
    row("--activation elu --alpha 0", [](CurveSpec &s) {
        s.kind = Activation::Elu;
        s.params.eluAlpha = 0.0;
    });
    row("--activation elu --alpha 3", [](CurveSpec &s) {
        s.kind = Activation::Elu;
        s.params.eluAlpha = 3.0;
    });
    row("--activation rrelu --lower 0.5 --upper 0.8", [](CurveSpec &s) {
        s.kind = Activation::Rrelu;
        s.params.rreluLower = 0.5;
        s.params.rreluUpper = 0.8;
    });
    row("--activation rrelu --upper 0.8 --lower 0.5", [](CurveSpec &s) {
        s.kind = Activation::Rrelu;
        s.params.rreluLower = 0.5;
        s.params.rreluUpper = 0.8;
    });
    row("--activation rrelu --lower 0.01 --upper 0.05", [](CurveSpec &s) {
        s.kind = Activation::Rrelu;
        s.params.rreluLower = 0.01;
        s.params.rreluUpper = 0.05;
    });
    row("--activation rrelu --lower 1 --upper 1", [](CurveSpec &s) {
        s.kind = Activation::Rrelu;
        s.params.rreluLower = 1.0;
        s.params.rreluUpper = 1.0;
    });
    row("--activation rrelu --upper 0.2", [](CurveSpec &s) {
        s.kind = Activation::Rrelu;
        s.params.rreluUpper = 0.2;
    });
    row("--activation rrelu --mode train --seed 42", [](CurveSpec &s) {
        s.kind = Activation::Rrelu;
        s.params.rreluMode = RreluMode::Training;
        s.params.rreluSeed = 42;
    });
    row("--activation rrelu --mode train --seed 18446744073709551615", [](CurveSpec &s) {
        s.kind = Activation::Rrelu;
        s.params.rreluMode = RreluMode::Training;
        s.params.rreluSeed = 18446744073709551615ULL;
    });
    row("--activation rrelu --mode eval", [](CurveSpec &s) { s.kind = Activation::Rrelu; });
    row("--activation gelu", [](CurveSpec &s) { s.kind = Activation::Gelu; });
    row("--samples 2001", [](CurveSpec &s) { s.samples = 2001; });
    row("--samples 11", [](CurveSpec &s) { s.samples = 11; });
    row("--samples 100001", [](CurveSpec &s) { s.samples = 100'001; });
    row("--range -5:2", [](CurveSpec &s) {
        s.xMin = -5.0;
        s.xMax = 2.0;
    });
    row("--range -50:50", [](CurveSpec &s) {
        s.xMin = -50.0;
        s.xMax = 50.0;
    });
    row("--range -0.1:0.1", [](CurveSpec &s) {
        s.xMin = -0.1;
        s.xMax = 0.1;
    });
    row("--activation rrelu --lower 0.2 --upper 0.9 --mode train --seed 7 --range -10:10 "
        "--samples 501",
        [](CurveSpec &s) {
            s.kind = Activation::Rrelu;
            s.params.rreluLower = 0.2;
            s.params.rreluUpper = 0.9;
            s.params.rreluMode = RreluMode::Training;
            s.params.rreluSeed = 7;
            s.xMin = -10.0;
            s.xMax = 10.0;
            s.samples = 501;
        });
}

void TestModelOptions::appliesValuesInRange()
{
    QFETCH(QStringList, arguments);
    QFETCH(CurveSpec, expected);

    ParameterModel model;
    prepare(model);
    const QList<Activation> overlays = model.overlays();
    QSignalSpy pushedSpy(&model, &ParameterModel::boundPushed);

    const std::optional<QString> error = apply(model, arguments);
    QVERIFY2(!error, error ? qPrintable(*error) : "");
    const CurveSpec actual = model.curveSpec();
    QCOMPARE(actual.kind, expected.kind);
    RELULAB_COMPARE_EXACT(actual.params.leakySlope, expected.params.leakySlope);
    RELULAB_COMPARE_EXACT(actual.params.preluWeight, expected.params.preluWeight);
    RELULAB_COMPARE_EXACT(actual.params.eluAlpha, expected.params.eluAlpha);
    RELULAB_COMPARE_EXACT(actual.params.rreluLower, expected.params.rreluLower);
    RELULAB_COMPARE_EXACT(actual.params.rreluUpper, expected.params.rreluUpper);
    QCOMPARE(actual.params.rreluMode, expected.params.rreluMode);
    QCOMPARE(actual.params.rreluSeed, expected.params.rreluSeed);
    RELULAB_COMPARE_EXACT(actual.xMin, expected.xMin);
    RELULAB_COMPARE_EXACT(actual.xMax, expected.xMax);
    QCOMPARE(actual.samples, expected.samples);
    QVERIFY(actual == expected);
    // The options never touch the comparison overlays (main.cpp's --compare does that).
    QCOMPARE(model.overlays().size(), overlays.size() - (expected.kind == Activation::Gelu));
    QVERIFY(model.isOverlay(Activation::Tanh));
    QVERIFY(model.isOverlay(Activation::Gelu));
    // A pair of bounds is set as asked; the user was never told a bound was pushed.
    QCOMPARE(pushedSpy.size(), 0);
}

void TestModelOptions::boundsPairNeverPushes_data()
{
    QTest::addColumn<double>("startLower");
    QTest::addColumn<double>("startUpper");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");

    // Both orders on the command line, for pairs above, below, around and inside the current one.
    const struct
    {
        const char *name;
        double startLower, startUpper, lower, upper;
    } cases[] = {
            {"above", 0.1, 0.2, 0.5, 0.8},          {"below", 0.5, 0.6, 0.1, 0.2},
            {"around", 0.4, 0.5, 0.1, 0.9},         {"inside", 0.1, 0.9, 0.4, 0.5},
            {"touching above", 0.1, 0.5, 0.5, 0.7}, {"touching below", 0.5, 0.7, 0.1, 0.5},
            {"collapse high", 0.0, 0.1, 1.0, 1.0},  {"collapse low", 0.9, 1.0, 0.0, 0.0},
    };
    for (const auto &c : cases) {
        const QString lower = QString::number(c.lower);
        const QString upper = QString::number(c.upper);
        const QStringList lowerFirst {QStringLiteral("--activation"), QStringLiteral("rrelu"),
                                      QStringLiteral("--lower"),      lower,
                                      QStringLiteral("--upper"),      upper};
        const QStringList upperFirst {QStringLiteral("--activation"), QStringLiteral("rrelu"),
                                      QStringLiteral("--upper"),      upper,
                                      QStringLiteral("--lower"),      lower};
        QTest::addRow("%s, lower first", c.name)
                << c.startLower << c.startUpper << lowerFirst << c.lower << c.upper;
        QTest::addRow("%s, upper first", c.name)
                << c.startLower << c.startUpper << upperFirst << c.lower << c.upper;
    }
}

void TestModelOptions::boundsPairNeverPushes()
{
    QFETCH(double, startLower);
    QFETCH(double, startUpper);
    QFETCH(QStringList, arguments);
    QFETCH(double, lower);
    QFETCH(double, upper);

    ParameterModel model;
    model.setValue(Real::RreluUpper, 1.0);
    model.setValue(Real::RreluLower, startLower);
    model.setValue(Real::RreluUpper, startUpper);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluLower), startLower);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluUpper), startUpper);
    QSignalSpy pushedSpy(&model, &ParameterModel::boundPushed);

    const std::optional<QString> error = apply(model, arguments);
    QVERIFY2(!error, error ? qPrintable(*error) : "");
    RELULAB_COMPARE_EXACT(model.value(Real::RreluLower), lower);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluUpper), upper);
    QCOMPARE(pushedSpy.size(), 0);
}

void TestModelOptions::alphaGoesToTheSelectedFunctionWithoutActivation()
{
    ParameterModel model;
    prepare(model); // PReLU selected
    QVERIFY(!apply(model, words("--alpha 1.25")));
    QCOMPARE(model.selectedActivation(), Activation::Prelu);
    RELULAB_COMPARE_EXACT(model.value(Real::PreluWeight), 1.25);
    RELULAB_COMPARE_EXACT(model.value(Real::LeakySlope), 0.05);
    RELULAB_COMPARE_EXACT(model.value(Real::EluAlpha), 1.5);

    // --activation picks whose alpha it is, whatever was selected before.
    QVERIFY(!apply(model, words("--activation leaky_relu --alpha 0.75")));
    RELULAB_COMPARE_EXACT(model.value(Real::LeakySlope), 0.75);
    RELULAB_COMPARE_EXACT(model.value(Real::PreluWeight), 1.25);
    RELULAB_COMPARE_EXACT(model.value(Real::EluAlpha), 1.5);
}

void TestModelOptions::outOfRangeChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("option");

    const auto row = [](const char *arguments, const char *option) {
        QTest::newRow(arguments) << words(arguments) << QString::fromLatin1(option);
    };
    // Valid options come along each time: none of them may be applied either.
    row("--activation leaky_relu --alpha 1.5 --samples 501", "--alpha");
    row("--activation leaky_relu --alpha -0.1 --range -2:2", "--alpha");
    row("--activation prelu --alpha 2.5", "--alpha");
    row("--activation prelu --alpha -1.5", "--alpha");
    row("--activation elu --alpha 3.01 --samples 501", "--alpha");
    row("--activation elu --alpha -0.5", "--alpha");
    row("--alpha 2.001 --range -2:2", "--alpha"); // the selected PReLU's range
    row("--activation rrelu --lower -0.1 --mode train --seed 9", "--lower");
    row("--activation rrelu --upper 1.5 --samples 501", "--upper");
    row("--activation rrelu --lower 1.2 --upper 1.5", "--lower");
    row("--activation gelu --range -60:3", "--range");
    row("--activation gelu --range -0.05:3", "--range");
    row("--activation gelu --range 1:3", "--range");
    row("--activation gelu --range -3:0.05", "--range");
    row("--activation gelu --range -3:60", "--range");
    row("--activation gelu --range -3:-1", "--range");
    row("--activation elu --alpha 2 --samples 10", "--samples");
    row("--activation elu --alpha 2 --samples 2", "--samples");
    row("--activation elu --alpha 2 --samples 100002", "--samples");
    row("--activation elu --alpha 2 --samples 10000000", "--samples");
    row("--range -2:2 --samples 5", "--samples");
}

void TestModelOptions::outOfRangeChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, option);

    ParameterModel model;
    prepare(model);
    const Snapshot before(model);
    QSignalSpy changedSpy(&model, &ParameterModel::changed);

    const std::optional<QString> error = apply(model, arguments);
    QVERIFY2(error, "accepted");
    QVERIFY2(error->startsWith(option + QLatin1Char(':')), qPrintable(*error));
    QVERIFY(Snapshot(model) == before);
    QCOMPARE(changedSpy.size(), 0);
}

void TestModelOptions::rreluOptionsOnlyForRrelu_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<Activation>("kind");

    QTest::newRow("leaky") << words("--activation leaky_relu --lower 0.5 --upper 0.9 --mode train "
                                    "--seed 5")
                           << Activation::LeakyRelu;
    QTest::newRow("selected prelu")
            << words("--lower 0.0 --upper 0.01 --mode train --seed 5") << Activation::Prelu;
    QTest::newRow("relu with alpha")
            << words("--activation relu --alpha 0.5 --lower 0.5 --upper 0.9") << Activation::Relu;
    // RReLU itself, but --seed only matters in training mode.
    QTest::newRow("rrelu eval seed") << words("--activation rrelu --seed 9") << Activation::Rrelu;
}

void TestModelOptions::rreluOptionsOnlyForRrelu()
{
    QFETCH(QStringList, arguments);
    QFETCH(Activation, kind);

    ParameterModel model;
    prepare(model);
    CurveSpec expected = model.curveSpec();
    expected.kind = kind;
    QStringList warnings;
    const std::optional<QString> error = apply(model, arguments, &warnings);
    QVERIFY2(!error, error ? qPrintable(*error) : "");
    // readCurveOptions said so, and the model agrees: nothing but the selection moved.
    QVERIFY(!warnings.isEmpty());
    QVERIFY(model.curveSpec() == expected);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluLower), 1.0 / 8.0);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluUpper), 1.0 / 3.0);
    QCOMPARE(model.rreluMode(), RreluMode::Evaluation);
    QCOMPARE(model.rreluSeed(), quint64(3));
    RELULAB_COMPARE_EXACT(model.value(Real::LeakySlope), 0.05);
}

void TestModelOptions::noOptionsChangeNothing()
{
    ParameterModel model;
    prepare(model);
    const Snapshot before(model);
    QSignalSpy changedSpy(&model, &ParameterModel::changed);
    QVERIFY(!apply(model, {}));
    QVERIFY(Snapshot(model) == before);
    QCOMPARE(changedSpy.size(), 0);
}

QTEST_GUILESS_MAIN(TestModelOptions)
#include "tst_modeloptions.moc"
