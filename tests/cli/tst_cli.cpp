// The real relulab-cli, run with QProcess: exit codes, the one-line messages on stderr, and the
// CSV it writes, compared bit for bit with relulab_core.

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include "clirun.h"
#include "common/csv.h"
#include "core/activations.h"
#include "core/sampling.h"
#include "relulab/version.h"

using relulab::core::Activation;
using relulab::core::CurveSpec;
using relulab::core::RreluMode;

Q_DECLARE_METATYPE(relulab::core::CurveSpec)

namespace {

using relulab::tests::CliRun;
using relulab::tests::Csv;
using relulab::tests::parseNumber;
using relulab::tests::runCli;
using relulab::tests::words;

// A literal text as a regular expression that matches just that text.
QString escaped(const char *text)
{
    return QRegularExpression::escape(QString::fromLatin1(text));
}

struct Row
{
    double x;
    double y;
    double dy;
};

// Parses a whole CSV with QVERIFY: the header x,y,dy, three numbers per row, '\n' after every line.
void parseCsv(const QByteArray &text, std::vector<Row> &rows)
{
    rows.clear();
    Csv csv;
    relulab::tests::parseCsv(text, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.header.join(','), QByteArray("x,y,dy"));
    rows.reserve(static_cast<std::size_t>(csv.rows.size()));
    for (const QList<QByteArray> &fields : csv.rows) {
        Row row {};
        QVERIFY2(parseNumber(fields[0], row.x) && parseNumber(fields[1], row.y)
                         && parseNumber(fields[2], row.dy),
                 fields.join(',').constData());
        rows.push_back(row);
    }
}

// Bit for bit, so -0 differs from 0; all nans count as one.
bool sameDouble(double a, double b)
{
    return (std::isnan(a) && std::isnan(b))
            || std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

QString describe(std::size_t i, const Row &row)
{
    return QStringLiteral("row %1: x=%2 y=%3 dy=%4")
            .arg(i)
            .arg(row.x, 0, 'g', 17)
            .arg(row.y, 0, 'g', 17)
            .arg(row.dy, 0, 'g', 17);
}

// Every row equals relulab_core's grid and evaluate(), element index included.
void verifyAgainstCore(const std::vector<Row> &rows, const CurveSpec &spec)
{
    QCOMPARE(rows.size(), spec.samples);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double x = relulab::core::gridPoint(spec.xMin, spec.xMax, spec.samples, i);
        const auto expected = relulab::core::evaluate(spec.kind, x, spec.params, i);
        QVERIFY2(sameDouble(rows[i].x, x) && sameDouble(rows[i].y, expected.value)
                         && sameDouble(rows[i].dy, expected.derivative),
                 qPrintable(describe(i, rows[i])));
    }
}

CurveSpec makeSpec(Activation kind, double xMin = -3.0, double xMax = 3.0, std::size_t samples = 1001)
{
    CurveSpec spec;
    spec.kind = kind;
    spec.xMin = xMin;
    spec.xMax = xMax;
    spec.samples = samples;
    return spec;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void help_data();
    void help();
    void version_data();
    void version();
    void usageErrors_data();
    void usageErrors();
    void ioErrors_data();
    void ioErrors();
    void stdoutWriteFailure();
    void failedWriteKeepsExistingFile();
    void csvShape_data();
    void csvShape();
    void gridIsExact_data();
    void gridIsExact();
    void middleRowIsPyTorchsKink_data();
    void middleRowIsPyTorchsKink();
    void valuesMatchCore_data();
    void valuesMatchCore();
    void nonFiniteValuesAreWrittenPlainly();
    void rreluTrainingDrawsReproducibly();
    void outputFileHasTheSameBytes();
    void ignoredOptionsWarn_data();
    void ignoredOptionsWarn();
    void repeatedOptionIsAUsageError_data();
    void repeatedOptionIsAUsageError();
    void valueSpellings();
    void tenMillionRows();
};

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");

    const QStringList topLevel {"Usage: relulab-cli <command>", "--help", "--version", "curve"};
    QTest::newRow("--help") << QStringList {"--help"} << topLevel;
    QTest::newRow("-h") << QStringList {"-h"} << topLevel;
    QStringList curve {"Usage: relulab-cli curve --activation NAME", "x,y,dy", "--output <file>"};
    for (const char *option : {"--activation <name>", "--alpha <a>", "--lower <l>", "--upper <u>",
                               "--mode <mode>", "--seed <s>", "--range <A:B>", "--samples <n>"})
        curve << QString::fromLatin1(option);
    for (const auto &info : relulab::core::allActivations())
        curve << QString::fromLatin1(info.cliName.data(), static_cast<qsizetype>(info.cliName.size()));
    QTest::newRow("curve --help") << QStringList {"curve", "--help"} << curve;
    // Help wins over everything else on the command line, as usual.
    QTest::newRow("curve --help with bad options")
            << QStringList {"curve", "--samples", "1", "--help"} << curve;
}

void TestCli::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    const CliRun run = runCli(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    const QString out = QString::fromUtf8(run.out);
    for (const QString &text : expected)
        QVERIFY2(out.contains(text), qPrintable(text + QStringLiteral(" not in:\n") + out));
}

void TestCli::version_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("--version") << "--version";
    QTest::newRow("-v") << "-v";
}

void TestCli::version()
{
    QFETCH(QString, option);
    const CliRun run = runCli({option});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("relulab-cli ") + relulab::ProjectVersion + '\n');
    QCOMPARE(run.err, QByteArray());
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    // Matched against the whole of stderr, which must be one line.
    QTest::addColumn<QString>("message");

    QTest::newRow("no command") << QStringList {} << "no command given";
    QTest::newRow("unknown command") << QStringList {"plot"} << "unknown command 'plot'";
    QTest::newRow("unknown option before the command")
            << QStringList {"--frob", "curve"} << "Unknown option 'frob'";
    QTest::newRow("curve option before the command")
            << words("--activation relu curve") << "Unknown option 'activation'";
    QTest::newRow("unknown curve option")
            << words("curve --activation relu --frob") << "Unknown option 'frob'";
    QTest::newRow("stray argument")
            << words("curve --activation relu extra") << "unexpected argument 'extra'";
    QTest::newRow("missing --activation") << QStringList {"curve"} << "^--activation: missing";
    QTest::newRow("missing --activation with others")
            << words("curve --samples 5 --range 0:1") << "^--activation: missing";
    QTest::newRow("unknown activation")
            << words("curve --activation swish")
            << "^--activation: unknown function 'swish' .*relu leaky_relu prelu rrelu elu gelu "
               "gelu_tanh silu mish softplus sigmoid tanh";
    QTest::newRow("missing value of --activation")
            << words("curve --activation") << "Missing value after '--activation'";
    QTest::newRow("missing value of --alpha")
            << words("curve --activation relu --alpha") << "Missing value after '--alpha'";
    QTest::newRow("missing value of --output")
            << words("curve --activation relu --output") << "Missing value after '--output'";
    QTest::newRow("empty --output") << QStringList {"curve", "--activation", "relu", "--output", ""}
                                    << "^--output: the file name is empty";
    for (const char *text : {"abc", "1.5x", "0x1p3", "1,5"})
        QTest::addRow("alpha %s", text)
                << words("curve --activation leaky_relu --alpha") + QStringList {text}
                << QStringLiteral("^--alpha: '%1' is not a number$").arg(escaped(text));
    QTest::newRow("alpha empty") << QStringList {"curve", "--activation", "elu", "--alpha", ""}
                                 << "^--alpha: '' is not a number";
    for (const char *text : {"nan", "-nan", "NaN", "inf", "-inf", "+inf", "Infinity"})
        QTest::addRow("alpha %s", text)
                << words("curve --activation prelu --alpha") + QStringList {text}
                << QStringLiteral("^--alpha: '%1' is not a finite number").arg(escaped(text));
    QTest::newRow("alpha overflow")
            << words("curve --activation prelu --alpha 1e999") << "^--alpha: '1e999' is out of";
    QTest::newRow("lower not a number")
            << words("curve --activation rrelu --lower low") << "^--lower: 'low' is not a number";
    QTest::newRow("upper inf") << words("curve --activation rrelu --upper inf")
                               << "^--upper: 'inf' is not a finite";
    QTest::newRow("lower > upper") << words("curve --activation rrelu --lower 0.5 --upper 0.2")
                                   << "^--lower 0.5 is greater than --upper 0.2$";
    QTest::newRow("mode") << words("curve --activation rrelu --mode training")
                          << "^--mode: 'training' is neither train nor eval";
    QTest::newRow("seed negative") << words("curve --activation rrelu --mode train --seed -1")
                                   << "^--seed: '-1' is not an unsigned 64-bit integer";
    QTest::newRow("seed too large")
            << words("curve --activation rrelu --mode train --seed 18446744073709551616")
            << "^--seed: '18446744073709551616' is out of range";
    QTest::newRow("samples 1") << words("curve --activation relu --samples 1")
                               << "^--samples: must be between 2 and 10000000, got 1$";
    QTest::newRow("samples 0") << words("curve --activation relu --samples 0")
                               << "^--samples: must be between 2 and 10000000, got 0$";
    QTest::newRow("samples -5") << words("curve --activation relu --samples -5")
                                << "^--samples: must be between 2 and 10000000, got -5$";
    QTest::newRow("samples 10000001")
            << words("curve --activation relu --samples 10000001")
            << "^--samples: must be between 2 and 10000000, got 10000001$";
    for (const char *text : {"1e3", "12.5", "abc", "nan"})
        QTest::addRow("samples %s", text)
                << words("curve --activation relu --samples") + QStringList {text}
                << QStringLiteral("^--samples: '%1' is not an integer$").arg(escaped(text));
    QTest::newRow("samples empty") << QStringList {"curve", "--activation", "relu", "--samples", ""}
                                   << "^--samples: '' is not an integer$";
    QTest::newRow("range empty") << words("curve --activation relu --range 3:3")
                                 << "^--range: 3:3 is empty";
    QTest::newRow("range reversed")
            << words("curve --activation relu --range 3:-3") << "^--range: 3:-3 is empty";
    QTest::newRow("range without colon")
            << words("curve --activation relu --range 3") << "^--range: '3' is not of the form A:B";
    QTest::newRow("range without lower end")
            << words("curve --activation relu --range=:3") << "^--range: ':3' lacks its lower end";
    QTest::newRow("range without upper end") << words("curve --activation relu --range -3:")
                                             << "^--range: '-3:' lacks its upper end";
    QTest::newRow("range not a number")
            << words("curve --activation relu --range -3:x") << "^--range: 'x' is not a number";
    QTest::newRow("range nan") << words("curve --activation relu --range nan:3")
                               << "^--range: 'nan' is not a finite number";
    QTest::newRow("range inf") << words("curve --activation relu --range -inf:3")
                               << "^--range: '-inf' is not a finite number";
    QTest::newRow("range too wide") << words("curve --activation relu --range -1e308:1e308")
                                    << "^--range: -1e308:1e308 is too wide";
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QRegularExpression pattern(message);
    QVERIFY2(pattern.isValid(), qPrintable(message));

    const CliRun run = runCli(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.startsWith("relulab-cli: ") && run.err.endsWith('\n') && run.err.count('\n') == 1,
             run.err.constData());
    const QString text = QString::fromLocal8Bit(run.err.sliced(13).chopped(1));
    QVERIFY2(pattern.match(text).hasMatch(), qPrintable(text));

    // With an output file named first, the same error, and no file: usage is checked before any
    // output is opened.
    if (arguments.value(0) != QLatin1String("curve") || arguments.contains(QStringLiteral("--output")))
        return;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("out.csv"));
    QStringList withOutput = arguments;
    withOutput.insert(1, QStringLiteral("--output=") + file);
    const CliRun second = runCli(withOutput);
    QVERIFY(second.finished);
    QCOMPARE(second.exitCode, 2);
    QCOMPARE(second.out, QByteArray());
    QCOMPARE(second.err, run.err);
    QVERIFY(!QFileInfo::exists(file));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList {});
}

void TestCli::ioErrors_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("missing directory") << "missing/out.csv";
    QTest::newRow("a directory") << "subdir";
    QTest::newRow("below a file") << "file.txt/out.csv";
}

void TestCli::ioErrors()
{
    QFETCH(QString, relativePath);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("subdir")));
    QFile existing(dir.filePath(QStringLiteral("file.txt")));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("keep\n");
    existing.close();

    const QString target = dir.filePath(relativePath);
    const CliRun run = runCli({QStringLiteral("curve"), QStringLiteral("--activation"),
                               QStringLiteral("relu"), QStringLiteral("--output"), target});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.startsWith("relulab-cli: ") && run.err.count('\n') == 1, run.err.constData());
    QVERIFY2(run.err.contains(target.toLocal8Bit()), run.err.constData());
    // Nothing left behind: no file, no temporary, the existing file untouched.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             (QStringList {QStringLiteral("file.txt"), QStringLiteral("subdir")}));
    QVERIFY(QDir(dir.filePath(QStringLiteral("subdir"))).isEmpty());
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("keep\n"));
}

void TestCli::stdoutWriteFailure()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    QProcess process;
    process.setProgram(QStringLiteral(RELULAB_CLI_PATH));
    process.setArguments(words("curve --activation relu"));
    process.setStandardOutputFile(QStringLiteral("/dev/full"));
    process.start();
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.startsWith("relulab-cli: cannot write to standard output") && err.count('\n') == 1,
             err.constData());
}

void TestCli::failedWriteKeepsExistingFile()
{
    // A file size limit makes the write fail half-way, also for root, whom permissions do not
    // stop. The shell ignores SIGXFSZ so that write() fails with EFBIG instead of killing the
    // process, and the ignored disposition survives exec.
    const QString shell = QStringLiteral("/bin/sh");
    if (!QFileInfo::exists(shell))
        QSKIP("no /bin/sh to set a file size limit with");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("out.csv"));
    QFile existing(target);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("old contents\n");
    existing.close();

    QProcess process;
    process.setProgram(shell);
    const QStringList shellCommand {
            QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 64 && exec \"$0\" \"$@\""),
            QStringLiteral(RELULAB_CLI_PATH)};
    process.setArguments(shellCommand + words("curve --activation gelu --samples 100000 --output")
                         + QStringList {target});
    process.start();
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(err.startsWith("relulab-cli: ") && err.contains(target.toLocal8Bit())
                     && err.count('\n') == 1,
             err.constData());
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("old contents\n"));
    // ... and the half-written temporary file is gone.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList {QStringLiteral("out.csv")});
}

void TestCli::csvShape_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("samples");

    QTest::newRow("default") << words("curve --activation relu") << 1001;
    QTest::newRow("2 samples") << words("curve --activation gelu --samples 2") << 2;
    QTest::newRow("3 samples") << words("curve --activation tanh --samples 3") << 3;
    QTest::newRow("100000 samples") << words("curve --activation mish --samples 100000") << 100000;
}

void TestCli::csvShape()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, samples);
    const CliRun run = runCli(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    QVERIFY(run.out.startsWith("x,y,dy\n"));
    QCOMPARE(run.out.count('\n'), samples + 1);
    QVERIFY(run.out.endsWith('\n'));
    QVERIFY(!run.out.contains('\r'));
    std::vector<Row> rows;
    parseCsv(run.out, rows);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(rows.size(), static_cast<std::size_t>(samples));
}

void TestCli::gridIsExact_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<double>("xMin");
    QTest::addColumn<double>("xMax");
    QTest::addColumn<int>("samples");

    QTest::newRow("default") << "-3:3" << -3.0 << 3.0 << 1001;
    QTest::newRow("two points") << "0:1" << 0.0 << 1.0 << 2;
    QTest::newRow("even count") << "-3:3" << -3.0 << 3.0 << 1000;
    QTest::newRow("asymmetric") << "-1e-3:2.5" << -1e-3 << 2.5 << 777;
    QTest::newRow("tenths") << "-0.1:0.7" << -0.1 << 0.7 << 9;
    QTest::newRow("large") << "-1e300:1e300" << -1e300 << 1e300 << 11;
    QTest::newRow("tiny") << "1e-300:3e-300" << 1e-300 << 3e-300 << 5;
}

void TestCli::gridIsExact()
{
    QFETCH(QString, range);
    QFETCH(double, xMin);
    QFETCH(double, xMax);
    QFETCH(int, samples);
    const CliRun run =
            runCli(words("curve --activation relu --range")
                   + QStringList {range, QStringLiteral("--samples"), QString::number(samples)});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    std::vector<Row> rows;
    parseCsv(run.out, rows);
    if (QTest::currentTestFailed())
        return;
    const auto n = static_cast<std::size_t>(samples);
    QCOMPARE(rows.size(), n);
    QCOMPARE(rows.front().x, xMin);
    QCOMPARE(rows.back().x, xMax);
    for (std::size_t i = 0; i < n; ++i)
        QVERIFY2(sameDouble(rows[i].x, relulab::core::gridPoint(xMin, xMax, n, i)),
                 qPrintable(describe(i, rows[i])));
}

void TestCli::middleRowIsPyTorchsKink_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<double>("slope");

    QTest::newRow("relu") << words("--activation relu") << QByteArray("0,0,0") << 0.0;
    QTest::newRow("leaky_relu") << words("--activation leaky_relu") << QByteArray("0,0,0.01") << 0.01;
    QTest::newRow("prelu") << words("--activation prelu") << QByteArray("0,0,0.25") << 0.25;
    QTest::newRow("rrelu eval") << words("--activation rrelu")
                                << QByteArray("0,0,0.22916666666666666") << 0.22916666666666666;
    QTest::newRow("leaky_relu 0.2")
            << words("--activation leaky_relu --alpha 0.2") << QByteArray("0,0,0.2") << 0.2;
    QTest::newRow("rrelu 0.1..0.3")
            << words("--activation rrelu --lower 0.1 --upper 0.3") << QByteArray("0,0,0.2") << 0.2;
    QTest::newRow("elu") << words("--activation elu --alpha 2") << QByteArray("0,0,2") << 2.0;
    QTest::newRow("gelu") << words("--activation gelu") << QByteArray("0,0,0.5") << 0.5;
}

void TestCli::middleRowIsPyTorchsKink()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, row);
    QFETCH(double, slope);
    const CliRun run = runCli(QStringList {QStringLiteral("curve")} + arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.split('\n');
    QCOMPARE(lines.size(), 1001 + 2); // header, 1001 rows, the empty rest after the last '\n'
    QCOMPARE(lines[1 + 500], row);
    std::vector<Row> rows;
    parseCsv(run.out, rows);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(rows[500].x, 0.0);
    QVERIFY(!std::signbit(rows[500].x));
    QCOMPARE(rows[500].dy, slope);
    QCOMPARE(rows[499].x, -rows[501].x);
}

void TestCli::valuesMatchCore_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<CurveSpec>("spec");

    for (const auto &info : relulab::core::allActivations()) {
        const QString name =
                QString::fromLatin1(info.cliName.data(), static_cast<qsizetype>(info.cliName.size()));
        QTest::addRow("%s default", qPrintable(name))
                << QStringList {QStringLiteral("--activation"), name} << makeSpec(info.kind);
        QTest::addRow("%s wide", qPrintable(name))
                << QStringList {QStringLiteral("--activation"), name,
                                QStringLiteral("--range"),      QStringLiteral("-40:40"),
                                QStringLiteral("--samples"),    QStringLiteral("8001")}
                << makeSpec(info.kind, -40.0, 40.0, 8001);
    }
    CurveSpec spec = makeSpec(Activation::LeakyRelu, -2.0, 1.0, 31);
    spec.params.leakySlope = 0.2;
    QTest::newRow("leaky_relu alpha")
            << words("--activation leaky_relu --alpha 0.2 --range -2:1 --samples 31") << spec;
    spec = makeSpec(Activation::Prelu, -5.0, 5.0, 101);
    spec.params.preluWeight = -0.5;
    QTest::newRow("prelu negative alpha")
            << words("--activation prelu --alpha -0.5 --range -5:5 --samples 101") << spec;
    spec = makeSpec(Activation::Elu, -10.0, 2.0, 1201);
    spec.params.eluAlpha = 2.5;
    QTest::newRow("elu alpha") << words("--activation elu --alpha 2.5 --range -10:2 --samples 1201")
                               << spec;
    spec = makeSpec(Activation::Rrelu, -1.0, 1.0, 21);
    spec.params.rreluLower = 0.1;
    spec.params.rreluUpper = 0.4;
    QTest::newRow("rrelu eval bounds")
            << words("--activation rrelu --lower 0.1 --upper 0.4 --range -1:1 --samples 21") << spec;
    spec.params.rreluMode = RreluMode::Training;
    spec.params.rreluSeed = 12345;
    QTest::newRow("rrelu train bounds")
            << words("--activation rrelu --mode train --seed 12345 --lower 0.1 --upper 0.4 "
                     "--range -1:1 --samples 21")
            << spec;
}

void TestCli::valuesMatchCore()
{
    QFETCH(QStringList, arguments);
    QFETCH(CurveSpec, spec);
    const CliRun run = runCli(QStringList {QStringLiteral("curve")} + arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    std::vector<Row> rows;
    parseCsv(run.out, rows);
    if (QTest::currentTestFailed())
        return;
    verifyAgainstCore(rows, spec);
}

void TestCli::nonFiniteValuesAreWrittenPlainly()
{
    // A slope of 1e308 times x <= -2 overflows: the CSV must say -inf, readably.
    const CliRun run =
            runCli(words("curve --activation leaky_relu --alpha 1e308 --range -10:10 --samples 3"));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("x,y,dy\n-10,-inf,1e+308\n0,0,1e+308\n10,10,1\n"));
}

void TestCli::rreluTrainingDrawsReproducibly()
{
    const QStringList common = words("curve --activation rrelu --mode train --lower 0.1 "
                                     "--upper 0.3 --range -3:1 --samples 2001");
    const CliRun first = runCli(common + words("--seed 7"));
    const CliRun again = runCli(common + words("--seed 7"));
    const CliRun other = runCli(common + words("--seed 8"));
    QVERIFY(first.finished && again.finished && other.finished);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.err, QByteArray());
    QCOMPARE(again.out, first.out);
    QVERIFY(other.out != first.out);

    std::vector<Row> rows;
    parseCsv(first.out, rows);
    if (QTest::currentTestFailed())
        return;
    CurveSpec spec = makeSpec(Activation::Rrelu, -3.0, 1.0, 2001);
    spec.params.rreluMode = RreluMode::Training;
    spec.params.rreluSeed = 7;
    spec.params.rreluLower = 0.1;
    spec.params.rreluUpper = 0.3;
    verifyAgainstCore(rows, spec);
    double smallest = 1.0;
    double largest = 0.0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].x > 0.0) {
            QCOMPARE(rows[i].dy, 1.0);
            continue;
        }
        QVERIFY2(rows[i].dy >= 0.1 && rows[i].dy <= 0.3, qPrintable(describe(i, rows[i])));
        smallest = std::min(smallest, rows[i].dy);
        largest = std::max(largest, rows[i].dy);
    }
    // 1500 draws from U(0.1, 0.3) cover the interval, so the slopes really are drawn.
    QVERIFY(smallest < 0.11);
    QVERIFY(largest > 0.29);
}

void TestCli::outputFileHasTheSameBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("curve.csv"));
    const QStringList arguments = words("curve --activation silu --range -7:7 --samples 4001");
    const CliRun toStdout = runCli(arguments);
    QVERIFY(toStdout.finished);
    QCOMPARE(toStdout.exitCode, 0);

    // Twice: the second run replaces the first file.
    for (const char *option : {"--output", "-o"}) {
        const CliRun toFile = runCli(arguments + QStringList {QString::fromLatin1(option), file});
        QVERIFY(toFile.finished);
        QCOMPARE(toFile.exitCode, 0);
        QCOMPARE(toFile.out, QByteArray());
        QCOMPARE(toFile.err, QByteArray());
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), toStdout.out);
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList {QStringLiteral("curve.csv")});
}

void TestCli::ignoredOptionsWarn_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("ignored");
    QTest::addColumn<QByteArray>("warnings");

    QTest::newRow("alpha by relu")
            << words("--activation relu") << words("--alpha 0.5")
            << QByteArray("relulab-cli: warning: --alpha is ignored by relu\n");
    QTest::newRow("rrelu options by prelu")
            << words("--activation prelu") << words("--lower 0.1 --upper 0.2 --mode train --seed 3")
            << QByteArray("relulab-cli: warning: --mode is ignored by prelu\n"
                          "relulab-cli: warning: --lower is ignored by prelu\n"
                          "relulab-cli: warning: --upper is ignored by prelu\n"
                          "relulab-cli: warning: --seed is ignored by prelu\n");
    QTest::newRow("seed by rrelu eval")
            << words("--activation rrelu") << words("--seed 3")
            << QByteArray("relulab-cli: warning: --seed is ignored by rrelu in eval mode (use "
                          "--mode train)\n");
}

void TestCli::ignoredOptionsWarn()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, ignored);
    QFETCH(QByteArray, warnings);
    const CliRun plain = runCli(QStringList {QStringLiteral("curve")} + arguments);
    const CliRun warned = runCli(QStringList {QStringLiteral("curve")} + arguments + ignored);
    QVERIFY(plain.finished && warned.finished);
    QCOMPARE(warned.exitCode, 0);
    QCOMPARE(warned.err, warnings);
    // Ignored means ignored: the same curve.
    QCOMPARE(warned.out, plain.out);
}

void TestCli::repeatedOptionIsAUsageError_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("activation") << "curve --activation relu --activation tanh"
                                << QByteArray("relulab-cli: --activation: given 2 times ('relu', 'tanh'); give it once\n");
    QTest::newRow("spelled with =") << "curve --activation relu --samples 5 --samples=3"
                                    << QByteArray("relulab-cli: --samples: given 2 times ('5', '3'); give it once\n");
    // -o and --output are one option.
    QTest::newRow("short and long") << "train --steps 1 -o a.csv --output b.csv"
                                    << QByteArray("relulab-cli: -o: given 2 times ('a.csv', 'b.csv'); give it once\n");
    QTest::newRow("race") << "race --steps 1 --init-seed 1 --init-seed 2 --init-seed 3"
                          << QByteArray("relulab-cli: --init-seed: given 3 times ('1', '2', '3'); give it once\n");
    QTest::newRow("born-dead") << "born-dead --widths 2 --widths 3"
                               << QByteArray("relulab-cli: --widths: given 2 times ('2', '3'); give it once\n");
}

// A repeated option used to take its last value silently, hiding a mistake in a script.
void TestCli::repeatedOptionIsAUsageError()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, message);
    const QString cwd = QDir::currentPath();
    const CliRun run = runCli(command.split(u' '));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, message);
    QVERIFY(run.out.isEmpty());
    // Nothing was written.
    QVERIFY(!QFile::exists(QDir(cwd).filePath(QStringLiteral("a.csv"))));
    QVERIFY(!QFile::exists(QDir(cwd).filePath(QStringLiteral("b.csv"))));
}

void TestCli::valueSpellings()
{
    const CliRun separate = runCli(words("curve --activation elu --range -3:3 --samples 11"));
    const CliRun joined = runCli(words("curve --activation=elu --range=-3:3 --samples=11"));
    const CliRun scientific =
            runCli(words("curve --activation elu --range -3e0:0.3e1 --samples 11"));
    QVERIFY(separate.finished && joined.finished && scientific.finished);
    QCOMPARE(separate.exitCode, 0);
    QCOMPARE(joined.out, separate.out);
    QCOMPARE(scientific.out, separate.out);
    QCOMPARE(separate.out.count('\n'), 12);
}

void TestCli::tenMillionRows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("big.csv"));
    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli(words("curve --activation leaky_relu --samples 10000000 --output")
                                      + QStringList {file},
                              240'000);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    qInfo("10,000,000 rows in %lld ms", elapsed);

    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    qint64 lines = 0;
    QByteArray tail;
    for (QByteArray chunk = written.read(1 << 22); !chunk.isEmpty(); chunk = written.read(1 << 22)) {
        lines += chunk.count('\n');
        tail = (tail + chunk).right(64);
    }
    QCOMPARE(lines, qint64 {10'000'001});
    QVERIFY(tail.endsWith("\n3,3,1\n"));
    QVERIFY(written.seek(0));
    QCOMPARE(written.read(21), QByteArray("x,y,dy\n-3,-0.03,0.01\n"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
