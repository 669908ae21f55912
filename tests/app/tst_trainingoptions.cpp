// readTrainingOptions on its own: what is accepted into which field of the configuration, what is
// rejected with which message, which options are ignored with a warning, and how the caller's
// defaults and core::validate() come in.

#include <QCommandLineParser>
#include <QTest>

#include <cstdint>
#include <functional>
#include <limits>
#include <variant>

#include "app/trainingoptions.h"
#include "core/datasets.h"
#include "core/network.h"

using relulab::app::TrainingOptions;
using relulab::core::Activation;
using relulab::core::BiasInit;
using relulab::core::DatasetKind;
using relulab::core::Initialization;
using relulab::core::OptimizerKind;
using relulab::core::Precision;
using relulab::core::TrainingConfig;

Q_DECLARE_METATYPE(relulab::core::TrainingConfig)

namespace {

std::variant<TrainingOptions, QString> read(const QStringList &arguments,
                                            const TrainingConfig &defaults = TrainingConfig {})
{
    QCommandLineParser parser;
    relulab::app::addTrainingOptions(parser);
    if (!parser.parse(QStringList {QStringLiteral("relulab-cli train")} + arguments))
        return QStringLiteral("parser: ") + parser.errorText();
    return relulab::app::readTrainingOptions(parser, defaults);
}

// The options, or a test failure that shows the unexpected message.
TrainingOptions expectAccepted(const std::variant<TrainingOptions, QString> &result)
{
    if (const auto *message = std::get_if<QString>(&result)) {
        QTest::qFail(qPrintable(QStringLiteral("rejected: ") + *message), __FILE__, __LINE__);
        return {};
    }
    return std::get<TrainingOptions>(result);
}

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// The reference configuration with one change.
TrainingConfig changed(const std::function<void(TrainingConfig &)> &change)
{
    TrainingConfig config;
    change(config);
    return config;
}

} // namespace

class TestTrainingOptions : public QObject
{
    Q_OBJECT

private slots:
    void addsEveryOptionWithHelp();
    void nothingGivenIsTheReference();
    void accepted_data();
    void accepted();
    void runOptions();
    void rejected_data();
    void rejected();
    void ignoredOptionsWarn_data();
    void ignoredOptionsWarn();
    void startsFromCallersDefaults();
    void validateObjectionBecomesTheMessage();
    void lastOccurrenceWins();
};

void TestTrainingOptions::addsEveryOptionWithHelp()
{
    QCommandLineParser parser;
    relulab::app::addTrainingOptions(parser);
    const QString help = parser.helpText();
    for (const char *option :
         {"--dataset <name>",   "--points <n>",       "--test-points <n>",   "--data-seed <s>",
          "--noise <x>",        "--hidden <widths>",  "--activation <name>", "--alpha <a>",
          "--lower <l>",        "--upper <u>",        "--prelu-per-unit",    "--init <name>",
          "--bias-init <kind>", "--bias-value <x>",   "--init-seed <s>",     "--optimizer <name>",
          "--lr <x>",           "--momentum <x>",     "--batch-size <n>",    "--shuffle-seed <s>",
          "--rrelu-seed <s>",   "--steps <n>",        "--every <k>",         "--precision <p>",
          "--threads <n>",      "-o, --output <file>"})
        QVERIFY2(help.contains(QLatin1String(option)), option);
    // Qt wraps the help text, so the names are looked for one by one.
    for (const char *name :
         {"spirals", "circles", "xor", "blobs", "moons", "he-normal", "xavier-uniform", "uniform",
          "rai", "sgd", "momentum", "adam", "leaky_relu", "prelu", "rrelu", "32,32,32"})
        QVERIFY2(help.contains(QLatin1String(name)), name);
}

void TestTrainingOptions::nothingGivenIsTheReference()
{
    const TrainingOptions options = expectAccepted(read({}));
    QCOMPARE(options.config, TrainingConfig {});
    QCOMPARE(options.steps, std::uint64_t {2000});
    QCOMPARE(options.every, std::uint64_t {100});
    QVERIFY(!options.threads);
    QCOMPARE(options.output, QString());
    QVERIFY(options.warnings.isEmpty());
    // The reference experiment of reference-spec.md section 2, spelled out.
    const TrainingConfig &c = options.config;
    QCOMPARE(c.data.kind, DatasetKind::TwoSpirals);
    QCOMPARE(c.data.points, std::size_t {1024});
    QCOMPARE(c.data.seed, std::uint64_t {42});
    QCOMPARE(c.network.hidden, (std::vector<int> {32, 32, 32}));
    QCOMPARE(c.network.activation, Activation::Relu);
    QCOMPARE(c.network.init, Initialization::HeNormal);
    QCOMPARE(c.network.biasInit, BiasInit::Zero);
    QCOMPARE(c.network.initSeed, std::uint64_t {1});
    QCOMPARE(c.optimizer, OptimizerKind::Sgd);
    QCOMPARE(c.learningRate, 0.1);
    QCOMPARE(c.batchSize, std::size_t {0});
    QCOMPARE(c.precision, Precision::Double);
}

void TestTrainingOptions::accepted_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<TrainingConfig>("expected");

    const struct
    {
        const char *name;
        DatasetKind kind;
    } datasets[] = {{"spirals", DatasetKind::TwoSpirals},
                    {"circles", DatasetKind::Circles},
                    {"xor", DatasetKind::Xor},
                    {"blobs", DatasetKind::Blobs},
                    {"moons", DatasetKind::Moons}};
    for (const auto &dataset : datasets)
        QTest::addRow("dataset %s", dataset.name)
                << QStringList {QStringLiteral("--dataset"), QString::fromLatin1(dataset.name)}
                << changed([&](TrainingConfig &c) { c.data.kind = dataset.kind; });
    QTest::newRow("points") << words("--points 500")
                            << changed([](TrainingConfig &c) { c.data.points = 500; });
    QTest::newRow("points min") << words("--points 2")
                                << changed([](TrainingConfig &c) { c.data.points = 2; });
    QTest::newRow("points max") << words("--points 1000000")
                                << changed([](TrainingConfig &c) { c.data.points = 1'000'000; });
    QTest::newRow("test points 0") << words("--test-points 0")
                                   << changed([](TrainingConfig &c) { c.data.testPoints = 0; });
    QTest::newRow("data seed max")
            << words("--data-seed 18446744073709551615") << changed([](TrainingConfig &c) {
                   c.data.seed = std::numeric_limits<std::uint64_t>::max();
               });
    QTest::newRow("noise 0") << words("--noise 0")
                             << changed([](TrainingConfig &c) { c.data.noise = 0.0; });
    QTest::newRow("noise scientific")
            << words("--noise 2.5e-1") << changed([](TrainingConfig &c) { c.data.noise = 0.25; });

    QTest::newRow("hidden one layer")
            << words("--hidden 7") << changed([](TrainingConfig &c) { c.network.hidden = {7}; });
    QTest::newRow("hidden limits") << words("--hidden 1,128,+5,007") << changed([](TrainingConfig &c) {
        c.network.hidden = {1, 128, 5, 7};
    });
    QTest::newRow("hidden 8 layers")
            << words("--hidden 1,2,3,4,5,6,7,8")
            << changed([](TrainingConfig &c) { c.network.hidden = {1, 2, 3, 4, 5, 6, 7, 8}; });

    for (const auto &info : relulab::core::allActivations()) {
        const QString name =
                QString::fromLatin1(info.cliName.data(), static_cast<qsizetype>(info.cliName.size()));
        QTest::addRow("activation %s", qPrintable(name))
                << QStringList {QStringLiteral("--activation"), name}
                << changed([&](TrainingConfig &c) { c.network.activation = info.kind; });
    }
    QTest::newRow("leaky alpha") << words("--activation leaky_relu --alpha 0.2")
                                 << changed([](TrainingConfig &c) {
                                        c.network.activation = Activation::LeakyRelu;
                                        c.network.params.leakySlope = 0.2;
                                    });
    QTest::newRow("prelu alpha per unit")
            << words("--activation prelu --alpha -0.5 --prelu-per-unit")
            << changed([](TrainingConfig &c) {
                   c.network.activation = Activation::Prelu;
                   c.network.params.preluWeight = -0.5;
                   c.network.preluPerUnit = true;
               });
    QTest::newRow("elu alpha") << words("--activation elu --alpha 2") << changed([](TrainingConfig &c) {
        c.network.activation = Activation::Elu;
        c.network.params.eluAlpha = 2.0;
    });
    QTest::newRow("rrelu bounds and seed")
            << words("--activation rrelu --lower 0.1 --upper 0.3 --rrelu-seed 9")
            << changed([](TrainingConfig &c) {
                   c.network.activation = Activation::Rrelu;
                   c.network.params.rreluLower = 0.1;
                   c.network.params.rreluUpper = 0.3;
                   c.rreluSeed = 9;
               });
    QTest::newRow("rrelu equal bounds") << words("--activation rrelu --lower 0.2 --upper 0.2")
                                        << changed([](TrainingConfig &c) {
                                               c.network.activation = Activation::Rrelu;
                                               c.network.params.rreluLower = 0.2;
                                               c.network.params.rreluUpper = 0.2;
                                           });

    const struct
    {
        const char *name;
        Initialization init;
    } inits[] = {{"he-normal", Initialization::HeNormal},
                 {"xavier-uniform", Initialization::XavierUniform},
                 {"uniform", Initialization::PlaygroundUniform},
                 {"rai", Initialization::RandomizedAsymmetric}};
    for (const auto &init : inits)
        QTest::addRow("init %s", init.name)
                << QStringList {QStringLiteral("--init"), QString::fromLatin1(init.name)}
                << changed([&](TrainingConfig &c) { c.network.init = init.init; });
    QTest::newRow("bias constant")
            << words("--bias-init constant")
            << changed([](TrainingConfig &c) { c.network.biasInit = BiasInit::Constant; });
    QTest::newRow("bias constant value")
            << words("--bias-init constant --bias-value -0.25") << changed([](TrainingConfig &c) {
                   c.network.biasInit = BiasInit::Constant;
                   c.network.biasValue = -0.25;
               });
    QTest::newRow("bias zero") << words("--bias-init zero") << TrainingConfig {};
    QTest::newRow("init seed") << words("--init-seed 5")
                               << changed([](TrainingConfig &c) { c.network.initSeed = 5; });

    QTest::newRow("optimizer sgd") << words("--optimizer sgd") << TrainingConfig {};
    QTest::newRow("optimizer adam")
            << words("--optimizer adam")
            << changed([](TrainingConfig &c) { c.optimizer = OptimizerKind::Adam; });
    QTest::newRow("momentum") << words("--optimizer momentum --momentum 0.5")
                              << changed([](TrainingConfig &c) {
                                     c.optimizer = OptimizerKind::Momentum;
                                     c.momentum = 0.5;
                                 });
    QTest::newRow("momentum 0") << words("--optimizer momentum --momentum 0")
                                << changed([](TrainingConfig &c) {
                                       c.optimizer = OptimizerKind::Momentum;
                                       c.momentum = 0.0;
                                   });
    QTest::newRow("lr") << words("--lr 2") << changed([](TrainingConfig &c) { c.learningRate = 2.0; });
    QTest::newRow("lr tiny") << words("--lr 1e-300")
                             << changed([](TrainingConfig &c) { c.learningRate = 1e-300; });
    QTest::newRow("batch size") << words("--batch-size 32 --shuffle-seed 3")
                                << changed([](TrainingConfig &c) {
                                       c.batchSize = 32;
                                       c.shuffleSeed = 3;
                                   });
    QTest::newRow("batch size 1") << words("--batch-size 1")
                                  << changed([](TrainingConfig &c) { c.batchSize = 1; });
    QTest::newRow("batch size full") << words("--batch-size full") << TrainingConfig {};
    QTest::newRow("batch size 0") << words("--batch-size 0") << TrainingConfig {};
    QTest::newRow("precision float")
            << words("--precision float")
            << changed([](TrainingConfig &c) { c.precision = Precision::Float; });
    QTest::newRow("precision double") << words("--precision double") << TrainingConfig {};
    QTest::newRow("joined spellings")
            << words("--dataset=moons --hidden=4,4 --lr=0.5") << changed([](TrainingConfig &c) {
                   c.data.kind = DatasetKind::Moons;
                   c.network.hidden = {4, 4};
                   c.learningRate = 0.5;
               });
}

void TestTrainingOptions::accepted()
{
    QFETCH(QStringList, arguments);
    QFETCH(TrainingConfig, expected);
    const TrainingOptions options = expectAccepted(read(arguments));
    QVERIFY(options.config == expected);
    QVERIFY2(options.warnings.isEmpty(), qPrintable(options.warnings.join(QLatin1Char('\n'))));
    QCOMPARE(options.steps, std::uint64_t {2000});
    QCOMPARE(options.every, std::uint64_t {100});
}

void TestTrainingOptions::runOptions()
{
    TrainingOptions options =
            expectAccepted(read(words("--steps 0 --every 1 --threads 1 --output out.csv")));
    QCOMPARE(options.steps, std::uint64_t {0});
    QCOMPARE(options.every, std::uint64_t {1});
    QCOMPARE(options.threads, std::optional<int> {1});
    QCOMPARE(options.output, QStringLiteral("out.csv"));
    QCOMPARE(options.config, TrainingConfig {});

    options = expectAccepted(read(words("--steps 100000000 --every 100000000 --threads 256 -o x")));
    QCOMPARE(options.steps, std::uint64_t {100'000'000});
    QCOMPARE(options.every, std::uint64_t {100'000'000});
    QCOMPARE(options.threads, std::optional<int> {256});
    QCOMPARE(options.output, QStringLiteral("x"));
}

void TestTrainingOptions::rejected_data()
{
    QTest::addColumn<QStringList>("arguments");
    // The message must start with this (the option at fault) ...
    QTest::addColumn<QString>("prefix");
    // ... and contain this.
    QTest::addColumn<QString>("detail");

    QTest::newRow("unknown dataset")
            << words("--dataset swirl") << "--dataset:"
            << "unknown data set 'swirl' (expected one of: spirals circles xor blobs moons)";
    QTest::newRow("dataset case") << words("--dataset Spirals") << "--dataset:"
                                  << "'Spirals'";
    QTest::newRow("unknown activation") << words("--activation swish") << "--activation:"
                                        << "unknown function 'swish' (expected one of: relu";
    QTest::newRow("unknown init") << words("--init glorot") << "--init:"
                                  << "unknown initialization 'glorot' (expected one of: he-normal "
                                     "xavier-uniform uniform rai)";
    QTest::newRow("unknown optimizer") << words("--optimizer rmsprop") << "--optimizer:"
                                       << "unknown optimizer 'rmsprop' (expected one of: sgd "
                                          "momentum adam)";
    QTest::newRow("unknown precision") << words("--precision half") << "--precision:"
                                       << "'half' is neither float nor double";
    QTest::newRow("unknown bias init") << words("--bias-init one") << "--bias-init:"
                                       << "'one' is neither zero nor constant";

    // Every real-valued option rejects what is not a finite number.
    for (const char *option :
         {"--noise", "--alpha", "--lower", "--upper", "--bias-value", "--lr", "--momentum"}) {
        for (const char *text : {"abc", "1.5x", "", "0x10", "1,5"})
            QTest::addRow("%s '%s'", option, text)
                    << QStringList {QStringLiteral("--activation"), QStringLiteral("rrelu"),
                                    QString::fromLatin1(option), QString::fromLatin1(text)}
                    << QString::fromLatin1(option) + QLatin1Char(':')
                    << QStringLiteral("'%1' is not a number").arg(QString::fromLatin1(text));
        for (const char *text : {"nan", "-nan", "inf", "-inf", "Infinity"})
            QTest::addRow("%s '%s'", option, text)
                    << QStringList {QString::fromLatin1(option), QString::fromLatin1(text)}
                    << QString::fromLatin1(option) + QLatin1Char(':')
                    << QStringLiteral("'%1' is not a finite number").arg(QString::fromLatin1(text));
        QTest::addRow("%s 1e400", option)
                << QStringList {QString::fromLatin1(option), QStringLiteral("1e400")}
                << QString::fromLatin1(option) + QLatin1Char(':') << "out of the range of a double";
    }
    QTest::newRow("lr 0") << words("--lr 0") << "--lr:"
                          << "must be positive, got 0";
    QTest::newRow("lr -0") << words("--lr -0") << "--lr:"
                           << "must be positive, got -0";
    QTest::newRow("lr negative") << words("--lr -0.1") << "--lr:"
                                 << "must be positive, got -0.1";
    QTest::newRow("noise negative") << words("--noise -0.1") << "--noise:"
                                    << "must not be negative, got -0.1";
    QTest::newRow("momentum 1") << words("--optimizer momentum --momentum 1") << "--momentum:"
                                << "must be at least 0 and less than 1, got 1";
    QTest::newRow("momentum negative") << words("--optimizer momentum --momentum -0.5") << "--momentum:"
                                       << "got -0.5";
    // Out of range is a mistake whether or not the optimizer then uses it.
    QTest::newRow("momentum 2 with sgd") << words("--momentum 2") << "--momentum:"
                                         << "got 2";

    // Integer options: not integers, and out of their ranges.
    const struct
    {
        const char *option;
        const char *range;
        const char *outside[3];
    } integers[] = {
            {"--points", "between 2 and 1000000", {"1", "0", "1000001"}},
            {"--test-points", "between 0 and 1000000", {"-1", "1000001", "99999999999999999999"}},
            {"--steps", "between 0 and 100000000", {"-1", "100000001", "-99999999999999999999"}},
            {"--every", "between 1 and 100000000", {"0", "-1", "100000001"}},
            {"--threads", "between 1 and 256", {"0", "257", "-2"}},
            {"--batch-size", "full or between 0 and 1000000", {"-1", "1000001", "-32"}},
    };
    for (const auto &integer : integers) {
        const QString prefix = QString::fromLatin1(integer.option) + QLatin1Char(':');
        for (const char *text : integer.outside)
            QTest::addRow("%s %s", integer.option, text)
                    << QStringList {QString::fromLatin1(integer.option), QString::fromLatin1(text)}
                    << prefix
                    << QStringLiteral("must be %1, got %2")
                               .arg(QLatin1String(integer.range), QString::fromLatin1(text));
        for (const char *text : {"abc", "1.5", "1e3", "", " 5", "nan", "inf"})
            QTest::addRow("%s '%s'", integer.option, text)
                    << QStringList {QString::fromLatin1(integer.option), QString::fromLatin1(text)}
                    << prefix
                    << (QLatin1String(integer.option) == QLatin1String("--batch-size")
                                ? QStringLiteral("'%1' is neither an integer nor full")
                                : QStringLiteral("'%1' is not an integer"))
                               .arg(QString::fromLatin1(text));
    }
    for (const char *option : {"--data-seed", "--init-seed", "--shuffle-seed", "--rrelu-seed"}) {
        for (const char *text : {"-1", "1.5", "abc", ""})
            QTest::addRow("%s '%s'", option, text)
                    << QStringList {QString::fromLatin1(option), QString::fromLatin1(text)}
                    << QString::fromLatin1(option) + QLatin1Char(':')
                    << QStringLiteral("'%1' is not an unsigned 64-bit integer").arg(QString::fromLatin1(text));
        QTest::addRow("%s 2^64", option)
                << QStringList {QString::fromLatin1(option), QStringLiteral("18446744073709551616")}
                << QString::fromLatin1(option) + QLatin1Char(':')
                << "out of range (0 to 18446744073709551615)";
    }

    QTest::newRow("hidden empty") << QStringList {QStringLiteral("--hidden"), QString()} << "--hidden:"
                                  << "no widths given";
    QTest::newRow("hidden 0") << words("--hidden 0") << "--hidden:"
                              << "width 0 in '0' is not between 1 and 128";
    QTest::newRow("hidden 129") << words("--hidden 32,129") << "--hidden:"
                                << "width 129 in '32,129' is not between 1 and 128";
    QTest::newRow("hidden negative") << words("--hidden -4") << "--hidden:"
                                     << "width -4 in '-4' is not between 1 and 128";
    QTest::newRow("hidden huge") << words("--hidden 99999999999") << "--hidden:"
                                 << "width 99999999999 in '99999999999' is not between";
    QTest::newRow("hidden 33 layers") << words("--hidden 4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4,4") << "--hidden:"
                                      << "has 33 layers, at most 32";
    QTest::newRow("hidden double comma") << words("--hidden 32,,32") << "--hidden:"
                                         << "'32,,32' has an empty width";
    QTest::newRow("hidden trailing comma") << words("--hidden 32,") << "--hidden:"
                                           << "'32,' has an empty width";
    QTest::newRow("hidden not a number") << words("--hidden 32,x") << "--hidden:"
                                         << "'x' in '32,x' is not an integer";
    QTest::newRow("hidden spaces")
            << QStringList {QStringLiteral("--hidden"), QStringLiteral("32, 32")} << "--hidden:"
            << "' 32' in '32, 32' is not an integer";
    QTest::newRow("hidden other separator") << words("--hidden 32x32") << "--hidden:"
                                            << "not an integer";

    QTest::newRow("lower > upper") << words("--activation rrelu --lower 0.5 --upper 0.2")
                                   << "--lower 0.5 is greater than --upper 0.2"
                                   << "";
    QTest::newRow("lower > default upper")
            << words("--activation rrelu --lower 0.5") << "--lower 0.5 is greater than --upper"
            << "--upper 0.3333333333333333 (default)";
    QTest::newRow("empty output") << QStringList {QStringLiteral("--output"), QString()} << "--output:"
                                  << "the file name is empty";
}

void TestTrainingOptions::rejected()
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

void TestTrainingOptions::ignoredOptionsWarn_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("ignored");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("alpha by relu")
            << QStringList {} << words("--alpha 0.5") << QStringList {"--alpha is ignored by relu"};
    QTest::newRow("alpha by rrelu") << words("--activation rrelu") << words("--alpha 0.5")
                                    << QStringList {"--alpha is ignored by rrelu"};
    QTest::newRow("rrelu options by prelu")
            << words("--activation prelu") << words("--lower 0.1 --upper 0.2 --rrelu-seed 3")
            << QStringList {"--lower is ignored by prelu", "--upper is ignored by prelu",
                            "--rrelu-seed is ignored by prelu"};
    // Ignored bounds are not checked against each other: they never meet.
    QTest::newRow("lower above upper by relu")
            << QStringList {} << words("--lower 0.9 --upper 0.1")
            << QStringList {"--lower is ignored by relu", "--upper is ignored by relu"};
    QTest::newRow("per unit by leaky_relu")
            << words("--activation leaky_relu") << words("--prelu-per-unit")
            << QStringList {"--prelu-per-unit is ignored by leaky_relu"};
    QTest::newRow("momentum by sgd") << QStringList {} << words("--momentum 0.5")
                                     << QStringList {"--momentum is ignored by --optimizer sgd"};
    QTest::newRow("momentum by adam") << words("--optimizer adam") << words("--momentum 0.5")
                                      << QStringList {"--momentum is ignored by --optimizer adam"};
    QTest::newRow("bias value by zero bias")
            << QStringList {} << words("--bias-value 0.3")
            << QStringList {"--bias-value is ignored by --bias-init zero"};
    QTest::newRow("bias options by uniform")
            << words("--init uniform") << words("--bias-init constant --bias-value 0.3")
            << QStringList {"--bias-init is ignored by --init uniform",
                            "--bias-value is ignored by --init uniform"};
    QTest::newRow("bias init by rai") << words("--init rai") << words("--bias-init constant")
                                      << QStringList {"--bias-init is ignored by --init rai"};
    QTest::newRow("shuffle seed with the full batch")
            << QStringList {} << words("--shuffle-seed 3")
            << QStringList {"--shuffle-seed is ignored with the full batch (see --batch-size)"};
    QTest::newRow("shuffle seed with a batch as large as the data")
            << words("--points 100 --batch-size 100") << words("--shuffle-seed 3")
            << QStringList {"--shuffle-seed is ignored with the full batch (see --batch-size)"};
    QTest::newRow("everything used by rrelu")
            << words("--activation rrelu --batch-size 32")
            << words("--lower 0.1 --upper 0.2 --rrelu-seed 3 --shuffle-seed 4") << QStringList {};
}

void TestTrainingOptions::ignoredOptionsWarn()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, ignored);
    QFETCH(QStringList, warnings);
    const TrainingOptions plain = expectAccepted(read(arguments));
    const TrainingOptions warned = expectAccepted(read(arguments + ignored));
    QCOMPARE(warned.warnings, warnings);
    // Ignored means not applied.
    if (!warnings.isEmpty())
        QVERIFY(warned.config == plain.config);
}

void TestTrainingOptions::startsFromCallersDefaults()
{
    TrainingConfig defaults;
    defaults.network.activation = Activation::Elu;
    defaults.network.params.eluAlpha = 2.0;
    defaults.learningRate = 0.01;
    defaults.data.kind = DatasetKind::Moons;

    TrainingOptions options = expectAccepted(read(words("--points 100"), defaults));
    TrainingConfig expected = defaults;
    expected.data.points = 100;
    QVERIFY(options.config == expected);

    // The caller's activation decides what --alpha sets.
    options = expectAccepted(read(words("--alpha 4"), defaults));
    expected = defaults;
    expected.network.params.eluAlpha = 4.0;
    QVERIFY(options.config == expected);
    QVERIFY(options.warnings.isEmpty());
}

void TestTrainingOptions::validateObjectionBecomesTheMessage()
{
    TrainingConfig defaults;
    defaults.momentum = 1.5;
    const auto result = read({}, defaults);
    QVERIFY(std::holds_alternative<QString>(result));
    QCOMPARE(std::get<QString>(result),
             QStringLiteral("invalid training configuration: momentum must be in [0, 1)"));
}

void TestTrainingOptions::lastOccurrenceWins()
{
    QCOMPARE(expectAccepted(read(words("--steps 5 --steps 7"))).steps, std::uint64_t {7});
    // Only the last occurrence is read: an earlier malformed one does not matter ...
    QCOMPARE(expectAccepted(read(words("--lr abc --lr 0.5"))).config.learningRate, 0.5);
    // ... and a malformed last one does.
    QVERIFY(std::holds_alternative<QString>(read(words("--lr 0.5 --lr abc"))));
    QCOMPARE(expectAccepted(read(words("--hidden 4 --hidden 8,8"))).config.network.hidden,
             (std::vector<int> {8, 8}));
}

QTEST_GUILESS_MAIN(TestTrainingOptions)
#include "tst_trainingoptions.moc"
