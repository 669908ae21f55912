// readCurveOptions on its own: what is accepted, what is rejected with which message, which
// options are ignored with a warning, and how defaults and repeated options combine.

#include <QCommandLineParser>
#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>
#include <variant>

#include "app/curveoptions.h"

using relulab::app::CurveOptions;
using relulab::core::Activation;
using relulab::core::CurveSpec;
using relulab::core::RreluMode;

Q_DECLARE_METATYPE(relulab::core::CurveSpec)

namespace {

std::variant<CurveOptions, QString> read(const QStringList &arguments, bool requireActivation = true,
                                         const CurveSpec &defaults = CurveSpec {})
{
    QCommandLineParser parser;
    relulab::app::addCurveOptions(parser);
    if (!parser.parse(QStringList {QStringLiteral("relulab-cli")} + arguments))
        return QStringLiteral("parser: ") + parser.errorText();
    return relulab::app::readCurveOptions(parser, defaults, requireActivation);
}

// The options, or a test failure that shows the unexpected message.
CurveOptions expectAccepted(const std::variant<CurveOptions, QString> &result)
{
    if (const auto *message = std::get_if<QString>(&result)) {
        QTest::qFail(qPrintable(QStringLiteral("rejected: ") + *message), __FILE__, __LINE__);
        return {};
    }
    return std::get<CurveOptions>(result);
}

CurveSpec withKind(Activation kind)
{
    CurveSpec spec;
    spec.kind = kind;
    return spec;
}

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class TestCurveOptions : public QObject
{
    Q_OBJECT

private slots:
    void addsEveryOptionWithAValueAndHelp();
    void nothingGivenKeepsDefaults();
    void activationRequiredOnlyWhenAsked();
    void accepted_data();
    void accepted();
    void rejected_data();
    void rejected();
    void ignoredOptionsWarn_data();
    void ignoredOptionsWarn();
    void givenFlags();
    void startsFromCallersDefaults();
    void lastOccurrenceWins();
    void bothValueSpellingsAndNegativeValues();
};

void TestCurveOptions::addsEveryOptionWithAValueAndHelp()
{
    QCommandLineParser parser;
    relulab::app::addCurveOptions(parser);
    const QString help = parser.helpText();
    for (const char *option : {"--activation <name>", "--alpha <a>", "--lower <l>", "--upper <u>",
                               "--mode <mode>", "--seed <s>", "--range <A:B>", "--samples <n>"})
        QVERIFY2(help.contains(QLatin1String(option)), option);
    // Qt wraps the help text, so the names are looked for one by one.
    for (const auto &info : relulab::core::allActivations()) {
        const QString name =
                QString::fromLatin1(info.cliName.data(), static_cast<qsizetype>(info.cliName.size()));
        QVERIFY2(help.contains(name), qPrintable(name));
    }
}

void TestCurveOptions::nothingGivenKeepsDefaults()
{
    const CurveOptions options = expectAccepted(read({}, false));
    QCOMPARE(options.spec, CurveSpec {});
    QVERIFY(options.warnings.isEmpty());
    QCOMPARE(options.spec.xMin, -3.0);
    QCOMPARE(options.spec.xMax, 3.0);
    QCOMPARE(options.spec.samples, std::size_t {1001});
    QCOMPARE(options.spec.params.rreluMode, RreluMode::Evaluation);
    QCOMPARE(options.spec.params.rreluSeed, std::uint64_t {0});
}

void TestCurveOptions::activationRequiredOnlyWhenAsked()
{
    const auto result = read({QStringLiteral("--samples"), QStringLiteral("5")}, true);
    QVERIFY(std::holds_alternative<QString>(result));
    const QString message = std::get<QString>(result);
    QVERIFY2(message.startsWith(QLatin1String("--activation: missing")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("relu leaky_relu")), qPrintable(message));

    QCOMPARE(expectAccepted(read({QStringLiteral("--samples"), QStringLiteral("5")}, false)).spec.samples,
             std::size_t {5});
}

void TestCurveOptions::accepted_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<CurveSpec>("expected");

    for (const auto &info : relulab::core::allActivations()) {
        const QString name =
                QString::fromLatin1(info.cliName.data(), static_cast<qsizetype>(info.cliName.size()));
        QTest::addRow("activation %s", qPrintable(name))
                << QStringList {QStringLiteral("--activation"), name} << withKind(info.kind);
    }

    CurveSpec spec = withKind(Activation::LeakyRelu);
    spec.params.leakySlope = 0.2;
    QTest::newRow("leaky_relu alpha") << words("--activation leaky_relu --alpha 0.2") << spec;
    spec.params.leakySlope = 0.5;
    QTest::newRow("plus sign") << words("--activation leaky_relu --alpha +0.5") << spec;
    spec.params.leakySlope = 0.001;
    QTest::newRow("scientific") << words("--activation leaky_relu --alpha 1e-3") << spec;
    QTest::newRow("scientific upper case") << words("--activation leaky_relu --alpha 1E-3") << spec;
    spec.params.leakySlope = 0.5;
    QTest::newRow("leading point") << words("--activation leaky_relu --alpha .5") << spec;
    spec.params.leakySlope = 5.0;
    QTest::newRow("trailing point") << words("--activation leaky_relu --alpha 5.") << spec;
    spec.params.leakySlope = 1e-310;
    QTest::newRow("subnormal") << words("--activation leaky_relu --alpha 1e-310") << spec;
    spec.params.leakySlope = 1e308;
    QTest::newRow("huge") << words("--activation leaky_relu --alpha 1e308") << spec;

    spec = withKind(Activation::Prelu);
    spec.params.preluWeight = -0.5;
    QTest::newRow("prelu negative alpha") << words("--activation prelu --alpha -0.5") << spec;
    spec = withKind(Activation::Elu);
    spec.params.eluAlpha = 2.5;
    QTest::newRow("elu alpha") << words("--activation elu --alpha 2.5") << spec;

    spec = withKind(Activation::Rrelu);
    spec.params.rreluLower = 0.1;
    spec.params.rreluUpper = 0.4;
    QTest::newRow("rrelu bounds") << words("--activation rrelu --lower 0.1 --upper 0.4") << spec;
    spec.params.rreluLower = 0.2;
    spec.params.rreluUpper = 0.2;
    QTest::newRow("rrelu equal bounds") << words("--activation rrelu --lower 0.2 --upper 0.2") << spec;
    spec = withKind(Activation::Rrelu);
    spec.params.rreluLower = 0.3;
    QTest::newRow("rrelu lower below default upper") << words("--activation rrelu --lower 0.3") << spec;
    spec = withKind(Activation::Rrelu);
    spec.params.rreluMode = RreluMode::Training;
    QTest::newRow("rrelu train") << words("--activation rrelu --mode train") << spec;
    spec.params.rreluSeed = 42;
    QTest::newRow("rrelu seed") << words("--activation rrelu --mode train --seed 42") << spec;
    spec.params.rreluSeed = std::numeric_limits<std::uint64_t>::max();
    QTest::newRow("rrelu largest seed")
            << words("--activation rrelu --mode train --seed 18446744073709551615") << spec;
    spec = withKind(Activation::Rrelu);
    QTest::newRow("rrelu eval") << words("--activation rrelu --mode eval") << spec;

    spec = withKind(Activation::Relu);
    spec.xMin = 0.0;
    spec.xMax = 1.0;
    QTest::newRow("range 0:1") << words("--activation relu --range 0:1") << spec;
    QTest::newRow("range with signs") << words("--activation relu --range +0:+1") << spec;
    spec.xMin = -1000.0;
    spec.xMax = 1e-3;
    QTest::newRow("range scientific") << words("--activation relu --range -1e3:1e-3") << spec;
    spec.xMin = -5.5;
    spec.xMax = -1.0;
    QTest::newRow("range negative") << words("--activation relu --range -5.5:-1") << spec;
    spec.xMin = -1e307;
    spec.xMax = 1e307;
    QTest::newRow("range wide") << words("--activation relu --range -1e307:1e307") << spec;

    spec = withKind(Activation::Relu);
    spec.samples = 2;
    QTest::newRow("samples min") << words("--activation relu --samples 2") << spec;
    spec.samples = 10'000'000;
    QTest::newRow("samples max") << words("--activation relu --samples 10000000") << spec;
    spec.samples = 7;
    QTest::newRow("samples leading zeros") << words("--activation relu --samples 007") << spec;
    QTest::newRow("samples plus") << words("--activation relu --samples +7") << spec;
}

void TestCurveOptions::accepted()
{
    QFETCH(QStringList, arguments);
    QFETCH(CurveSpec, expected);
    const CurveOptions options = expectAccepted(read(arguments));
    QCOMPARE(options.spec, expected);
    QVERIFY2(options.warnings.isEmpty(), qPrintable(options.warnings.join(QLatin1Char('\n'))));
}

void TestCurveOptions::rejected_data()
{
    QTest::addColumn<QStringList>("arguments");
    // The message must start with this (the option at fault) ...
    QTest::addColumn<QString>("prefix");
    // ... and contain this.
    QTest::addColumn<QString>("detail");

    const QString names = QStringLiteral(
            "relu leaky_relu prelu rrelu elu gelu gelu_tanh silu mish softplus sigmoid tanh");
    QTest::newRow("unknown activation") << words("--activation swish") << "--activation:"
                                        << "unknown function 'swish' (expected one of: " + names;
    QTest::newRow("activation is case-sensitive") << words("--activation ReLU") << "--activation:"
                                                  << "'ReLU'";
    QTest::newRow("empty activation")
            << QStringList {QStringLiteral("--activation"), QString()} << "--activation:"
            << "unknown function ''";

    // Every way of not being a finite double, with --alpha standing for all real options.
    const char *notNumbers[] = {"abc", "1.5x",  "x1.5", "1e",           "1e+", "0x10",
                                "1,5", "1_000", " 1",   "1 ",           "++1", "+-1",
                                "--1", "-+1",   "1..5", "\xef\xbc\x91", "e5",  "."};
    for (const char *text : notNumbers)
        QTest::addRow("alpha '%s'", text)
                << QStringList {QStringLiteral("--activation"), QStringLiteral("leaky_relu"),
                                QStringLiteral("--alpha"), QString::fromUtf8(text)}
                << "--alpha:" << QStringLiteral("'%1' is not a number").arg(QString::fromUtf8(text));
    QTest::newRow("alpha empty") << QStringList {QStringLiteral("--activation"),
                                                 QStringLiteral("leaky_relu"),
                                                 QStringLiteral("--alpha"), QString()}
                                 << "--alpha:"
                                 << "'' is not a number";
    const char *nonFinite[] = {"nan",  "NaN",  "NAN", "-nan", "+nan",     "nan(1)",    "inf",
                               "-inf", "+inf", "INF", "Inf",  "infinity", "-Infinity", "INFINITY"};
    for (const char *text : nonFinite)
        QTest::addRow("alpha '%s'", text)
                << words("--activation leaky_relu --alpha") + QStringList {QString::fromLatin1(text)}
                << "--alpha:"
                << QStringLiteral("'%1' is not a finite number").arg(QString::fromLatin1(text));
    for (const char *text : {"1e400", "-1e400", "1e-400"})
        QTest::addRow("alpha '%s'", text)
                << words("--activation leaky_relu --alpha") + QStringList {QString::fromLatin1(text)}
                << "--alpha:"
                << "out of the range of a double";
    QTest::newRow("alpha of a function without one is still checked")
            << words("--activation relu --alpha abc") << "--alpha:"
            << "'abc' is not a number";

    QTest::newRow("lower not a number") << words("--activation rrelu --lower x") << "--lower:"
                                        << "'x' is not a number";
    QTest::newRow("upper nan") << words("--activation rrelu --upper nan") << "--upper:"
                               << "'nan' is not a finite number";
    QTest::newRow("lower ignored but malformed") << words("--activation relu --lower x") << "--lower:"
                                                 << "'x' is not a number";
    QTest::newRow("lower > upper") << words("--activation rrelu --lower 0.5 --upper 0.2")
                                   << "--lower 0.5 is greater than --upper 0.2"
                                   << "";
    QTest::newRow("lower > default upper")
            << words("--activation rrelu --lower 0.5") << "--lower 0.5 is greater than --upper"
            << "--upper 0.3333333333333333 (default)";
    QTest::newRow("default lower > upper") << words("--activation rrelu --upper 0.1")
                                           << "--lower 0.125 (default) is greater than --upper 0.1"
                                           << "";

    for (const char *text : {"training", "EVAL", "Train", "test", ""})
        QTest::addRow("mode '%s'", text)
                << words("--activation rrelu --mode") + QStringList {QString::fromLatin1(text)}
                << "--mode:"
                << QStringLiteral("'%1' is neither train nor eval").arg(QString::fromLatin1(text));
    QTest::newRow("mode ignored but malformed") << words("--activation relu --mode fast") << "--mode:"
                                                << "'fast'";

    for (const char *text : {"-1", "1.5", "abc", "", "1e3", " 1", "0x10", "+-1"})
        QTest::addRow("seed '%s'", text)
                << words("--activation rrelu --mode train --seed")
                        + QStringList {QString::fromLatin1(text)}
                << "--seed:"
                << QStringLiteral("'%1' is not an unsigned 64-bit integer").arg(QString::fromLatin1(text));
    QTest::newRow("seed 2^64") << words(
            "--activation rrelu --mode train --seed 18446744073709551616")
                               << "--seed:"
                               << "out of range (0 to 18446744073709551615)";

    const struct
    {
        const char *text;
        const char *detail;
    } ranges[] = {
            {"3", "is not of the form A:B"},
            {"-3", "is not of the form A:B"},
            {"", "is not of the form A:B"},
            {"-3;3", "is not of the form A:B"},
            {"-3..3", "is not of the form A:B"},
            {"1:2:3", "is not of the form A:B"},
            {":", "lacks its lower end"},
            {":3", "lacks its lower end"},
            {"-3:", "lacks its upper end"},
            {"a:3", "'a' is not a number (in 'a:3')"},
            {"-3:b", "'b' is not a number (in '-3:b')"},
            {"-3 :3", "'-3 ' is not a number"},
            {"nan:3", "'nan' is not a finite number"},
            {"-inf:3", "'-inf' is not a finite number"},
            {"-3:inf", "'inf' is not a finite number"},
            {"1e400:2", "out of the range of a double"},
            {"3:3", "3:3 is empty"},
            {"3:-3", "3:-3 is empty"},
            {"0:-0", "0:-0 is empty"},
            {"-1e308:1e308", "is too wide"},
    };
    for (const auto &range : ranges)
        QTest::addRow("range '%s'", range.text)
                << words("--activation relu --range") + QStringList {QString::fromLatin1(range.text)}
                << "--range:" << QString::fromLatin1(range.detail);

    const char *badSamples[] = {
            "1", "0", "-5", "10000001", "99999999999999999999", "-99999999999999999999"};
    for (const char *text : badSamples)
        QTest::addRow("samples %s", text)
                << words("--activation relu --samples") + QStringList {QString::fromLatin1(text)}
                << "--samples:"
                << QStringLiteral("must be between 2 and 10000000, got %1").arg(QString::fromLatin1(text));
    for (const char *text : {"1e3", "12.5", "", "abc", " 5", "5 ", "0x10", "5.0", "nan", "inf"})
        QTest::addRow("samples '%s'", text)
                << words("--activation relu --samples") + QStringList {QString::fromLatin1(text)}
                << "--samples:"
                << QStringLiteral("'%1' is not an integer").arg(QString::fromLatin1(text));
}

void TestCurveOptions::rejected()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, prefix);
    QFETCH(QString, detail);
    const auto result = read(arguments);
    QVERIFY2(std::holds_alternative<QString>(result), "accepted");
    const QString message = std::get<QString>(result);
    QVERIFY2(message.startsWith(prefix), qPrintable(message));
    QVERIFY2(message.contains(detail), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
}

void TestCurveOptions::ignoredOptionsWarn_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("alpha by relu")
            << words("--activation relu --alpha 0.5") << QStringList {"--alpha is ignored by relu"};
    QTest::newRow("alpha by rrelu") << words("--activation rrelu --alpha 0.5")
                                    << QStringList {"--alpha is ignored by rrelu"};
    QTest::newRow("alpha by gelu")
            << words("--activation gelu --alpha 0.5") << QStringList {"--alpha is ignored by gelu"};
    QTest::newRow("rrelu options by leaky_relu")
            << words("--activation leaky_relu --mode train --lower 0.1 --upper 0.2 --seed 3")
            << QStringList {"--mode is ignored by leaky_relu", "--lower is ignored by leaky_relu",
                            "--upper is ignored by leaky_relu", "--seed is ignored by leaky_relu"};
    // Ignored bounds are not checked against each other: they never meet.
    QTest::newRow("lower above upper by tanh")
            << words("--activation tanh --lower 0.9 --upper 0.1")
            << QStringList {"--lower is ignored by tanh", "--upper is ignored by tanh"};
    QTest::newRow("seed by rrelu eval") << words("--activation rrelu --seed 5")
                                        << QStringList {"--seed is ignored by rrelu in eval mode "
                                                        "(use --mode train)"};
    QTest::newRow("seed by rrelu explicit eval")
            << words("--activation rrelu --mode eval --seed 5")
            << QStringList {"--seed is ignored by rrelu in eval mode (use --mode train)"};
    QTest::newRow("everything used by rrelu train")
            << words("--activation rrelu --mode train --seed 5 --lower 0.1 --upper 0.2")
            << QStringList {};
}

void TestCurveOptions::ignoredOptionsWarn()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, warnings);
    const CurveOptions options = expectAccepted(read(arguments));
    QCOMPARE(options.warnings, warnings);
    if (!warnings.isEmpty()) {
        // Ignored means not applied: every parameter keeps its default.
        QCOMPARE(options.spec.params, relulab::core::ActivationParams {});
    }
}

void TestCurveOptions::givenFlags()
{
    CurveOptions options = expectAccepted(read({}, false));
    QVERIFY(!options.activationGiven && !options.alphaGiven && !options.lowerGiven
            && !options.upperGiven && !options.modeGiven && !options.seedGiven
            && !options.rangeGiven && !options.samplesGiven);

    options =
            expectAccepted(read(words("--activation rrelu --alpha 1 --lower 0.1 --upper 0.2 --mode "
                                      "train --seed 1 --range 0:1 --samples 3")));
    QVERIFY(options.activationGiven && options.alphaGiven && options.lowerGiven && options.upperGiven
            && options.modeGiven && options.seedGiven && options.rangeGiven && options.samplesGiven);

    options = expectAccepted(read(words("--upper 0.5 --samples 3"), false));
    QVERIFY(!options.activationGiven && !options.lowerGiven && !options.rangeGiven);
    QVERIFY(options.upperGiven && options.samplesGiven);
}

void TestCurveOptions::startsFromCallersDefaults()
{
    CurveSpec defaults = withKind(Activation::Elu);
    defaults.params.eluAlpha = 2.0;
    defaults.params.leakySlope = 0.3;
    defaults.xMin = -1.0;
    defaults.xMax = 1.0;
    defaults.samples = 55;

    CurveOptions options = expectAccepted(read(words("--samples 9"), false, defaults));
    CurveSpec expected = defaults;
    expected.samples = 9;
    QCOMPARE(options.spec, expected);

    // The GUI's current function decides what --alpha sets.
    options = expectAccepted(read(words("--alpha 4"), false, defaults));
    expected = defaults;
    expected.params.eluAlpha = 4.0;
    QCOMPARE(options.spec, expected);

    // Another function keeps every other function's own parameters.
    options = expectAccepted(read(words("--activation leaky_relu"), false, defaults));
    expected = defaults;
    expected.kind = Activation::LeakyRelu;
    QCOMPARE(options.spec, expected);

    // A default RReLU in training mode takes --seed without --mode.
    defaults = withKind(Activation::Rrelu);
    defaults.params.rreluMode = RreluMode::Training;
    options = expectAccepted(read(words("--seed 9"), false, defaults));
    QVERIFY(options.warnings.isEmpty());
    QCOMPARE(options.spec.params.rreluSeed, std::uint64_t {9});
    // ... and --mode eval in the same command line turns that into a warning.
    options = expectAccepted(read(words("--seed 9 --mode eval"), false, defaults));
    QCOMPARE(options.warnings.size(), 1);
    QCOMPARE(options.spec.params.rreluSeed, std::uint64_t {0});
}

void TestCurveOptions::lastOccurrenceWins()
{
    QCOMPARE(expectAccepted(read(words("--activation relu --samples 5 --samples 7"))).spec.samples,
             std::size_t {7});
    // Only the last occurrence is read: an earlier malformed one does not matter ...
    QCOMPARE(expectAccepted(read(words("--activation relu --samples abc --samples 7"))).spec.samples,
             std::size_t {7});
    // ... and a malformed last one does.
    QVERIFY(std::holds_alternative<QString>(
            read(words("--activation relu --samples 7 --samples abc"))));
    QCOMPARE(expectAccepted(read(words("--activation relu --activation elu"))).spec.kind,
             Activation::Elu);
    const CurveSpec spec =
            expectAccepted(read(words("--activation relu --range 0:1 --range=-2:2"))).spec;
    QCOMPARE(spec.xMin, -2.0);
    QCOMPARE(spec.xMax, 2.0);
}

void TestCurveOptions::bothValueSpellingsAndNegativeValues()
{
    // QCommandLineParser takes the next argument as the value even when it starts with '-'.
    for (const QStringList &arguments : {words("--activation prelu --range -3:-1 --alpha -0.5"),
                                         words("--activation=prelu --range=-3:-1 --alpha=-0.5")}) {
        const CurveSpec spec = expectAccepted(read(arguments)).spec;
        QCOMPARE(spec.xMin, -3.0);
        QCOMPARE(spec.xMax, -1.0);
        QCOMPARE(spec.params.preluWeight, -0.5);
    }
    // -0 keeps its sign: a negative zero slope is what the user typed.
    const CurveSpec spec = expectAccepted(read(words("--activation leaky_relu --alpha -0"))).spec;
    QCOMPARE(spec.params.leakySlope, 0.0);
    QVERIFY(std::signbit(spec.params.leakySlope));
}

QTEST_GUILESS_MAIN(TestCurveOptions)
#include "tst_curveoptions.moc"
