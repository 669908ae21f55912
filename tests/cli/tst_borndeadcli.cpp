// `relulab-cli born-dead` as a user runs it, with QProcess: the CSV's shape and numbers, the
// defaults of the issue's table, determinism (seed, threads), the output file, the warning for
// --bias with rai, and the one-line usage errors with exit code 2.

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "clirun.h"
#include "common/csv.h"

namespace {

using relulab::tests::CliRun;
using relulab::tests::Csv;
using relulab::tests::number;
using relulab::tests::parseCsv;
using relulab::tests::runCli;
using relulab::tests::words;

CliRun bornDead(const char *options)
{
    return runCli(QStringList {QStringLiteral("born-dead")} + words(options));
}

const QByteArray Header = "width,depth,networks,born_dead,p,ci_low,ci_high,dead_at_input,oracle";

// Every row consistent in itself: p = born_dead / networks inside [ci_low, ci_high], fractions in
// [0, 1], the oracle 1 - (1 - 2^-N)^L, born dead no more often than dead at the fixed input.
void checkRows(const Csv &csv, int networks)
{
    for (qsizetype i = 0; i < csv.rows.size(); ++i) {
        const QByteArray row = csv.rows[i].join(',');
        const double width = number(csv.cell(i, "width"));
        const double depth = number(csv.cell(i, "depth"));
        QCOMPARE(csv.cell(i, "networks"), QByteArray::number(networks));
        const double bornDead = number(csv.cell(i, "born_dead"));
        const double p = number(csv.cell(i, "p"));
        QCOMPARE(p, bornDead / networks);
        const double low = number(csv.cell(i, "ci_low"));
        const double high = number(csv.cell(i, "ci_high"));
        QVERIFY2(0.0 <= low && low <= p && p <= high && high <= 1.0, row.constData());
        const double deadAtInput = number(csv.cell(i, "dead_at_input"));
        QVERIFY2(p <= deadAtInput && deadAtInput <= 1.0, row.constData());
        const double oracle = number(csv.cell(i, "oracle"));
        QVERIFY2(std::abs(oracle - (1.0 - std::pow(1.0 - std::ldexp(1.0, -int(width)), depth))) < 1e-12,
                 row.constData());
    }
}

} // namespace

class TestBornDeadCli : public QObject
{
    Q_OBJECT

private slots:
    void help();
    void issueTable();
    void gridOrderAndOptions();
    void deterministic();
    void seedChangesTheTable();
    void raiIgnoresBias();
    void usageErrors_data();
    void usageErrors();
    void outputFileHasTheSameBytes();
    void unwritableOutput();
    void stdoutWriteFailure();
};

void TestBornDeadCli::help()
{
    const CliRun run = bornDead("--help");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    const QString out = QString::fromUtf8(run.out);
    for (const char *text : {"Usage: relulab-cli born-dead [options]",
                             Header.constData(),
                             "Wilson",
                             "(1, ..., 1)",
                             "1 - (1 - 2^-N)^L",
                             "N(0, 2 / fan_in)",
                             "--widths <list>",
                             "--depths <list>",
                             "--networks <n>",
                             "--inputs <n>",
                             "--input-dim <d>",
                             "--bias <kind>",
                             "--init <name>",
                             "--seed <s>",
                             "--threads <n>",
                             "--output <file>",
                             "default 2,3,4,5,10",
                             "default 2,5,10,20,50",
                             "default 4000",
                             "default 2000",
                             "he-normal rai"})
        QVERIFY2(out.contains(QLatin1String(text)), text);

    const CliRun topLevel = runCli(words("--help"));
    QVERIFY(topLevel.finished);
    QCOMPARE(topLevel.exitCode, 0);
    QVERIFY2(topLevel.out.contains("  born-dead "), topLevel.out.constData());
}

void TestBornDeadCli::issueTable()
{
    // The issue's command line with its defaults: the 5 x 5 table, 4,000 networks a cell.
    QElapsedTimer timer;
    timer.start();
    const CliRun run = bornDead("");
    qInfo("the issue's table: %lld ms", timer.elapsed());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.header.join(','), Header);
    QCOMPARE(csv.rows.size(), 25);
    checkRows(csv, 4000);
    const int widths[] = {2, 3, 4, 5, 10};
    const int depths[] = {2, 5, 10, 20, 50};
    for (int i = 0; i < 25; ++i) {
        QCOMPARE(csv.cell(i, "width"), QByteArray::number(widths[i / 5]));
        QCOMPARE(csv.cell(i, "depth"), QByteArray::number(depths[i % 5]));
    }
    // Width 2, depth 10 (row 2): about 0.91 (tst_borndead explains the band).
    const double p = number(csv.cell(2, "p"));
    QVERIFY2(p > 0.88 && p < 0.94, csv.rows[2].join(',').constData());
    // Deeper is deader, narrower is deader (the counts are far apart at this size).
    QVERIFY(number(csv.cell(4, "p")) > number(csv.cell(0, "p")));
    QVERIFY(number(csv.cell(2, "p")) > number(csv.cell(22, "p")));
}

void TestBornDeadCli::gridOrderAndOptions()
{
    const CliRun run =
            bornDead("--widths 7,1 --depths 3,1,2 --networks 50 --inputs 10 --input-dim 2 "
                     "--bias normal --seed 99 --threads 1");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.rows.size(), 6);
    checkRows(csv, 50);
    // The order given: widths outer, depths inner.
    const char *cells[] = {"7,3", "7,1", "7,2", "1,3", "1,1", "1,2"};
    for (int i = 0; i < 6; ++i)
        QCOMPARE(csv.rows[i].mid(0, 2).join(','), QByteArray(cells[i]));
}

void TestBornDeadCli::deterministic()
{
    const char options[] = "--widths 2,3,10 --depths 5,20 --networks 500";
    const CliRun first = bornDead(options);
    const CliRun again = bornDead(options);
    const CliRun one =
            runCli(QStringList {QStringLiteral("born-dead")} + words(options) + words("--threads 1"));
    const CliRun two =
            runCli(QStringList {QStringLiteral("born-dead")} + words(options) + words("--threads 2"));
    for (const CliRun *run : {&first, &again, &one, &two}) {
        QVERIFY(run->finished);
        QCOMPARE(run->exitCode, 0);
    }
    QCOMPARE(again.out, first.out);
    QCOMPARE(one.out, first.out);
    QCOMPARE(two.out, first.out);
}

void TestBornDeadCli::seedChangesTheTable()
{
    const CliRun zero = bornDead("--widths 2,3 --depths 5,10 --networks 2000");
    const CliRun one = bornDead("--widths 2,3 --depths 5,10 --networks 2000 --seed 1");
    QCOMPARE(zero.exitCode, 0);
    QCOMPARE(one.exitCode, 0);
    QVERIFY(zero.out != one.out);
    // --seed 0 is the default.
    QCOMPARE(bornDead("--widths 2,3 --depths 5,10 --networks 2000 --seed 0").out, zero.out);
}

void TestBornDeadCli::raiIgnoresBias()
{
    const CliRun plain = bornDead("--widths 2 --depths 10 --networks 500 --init rai");
    const CliRun warned =
            bornDead("--widths 2 --depths 10 --networks 500 --init rai --bias normal");
    QCOMPARE(plain.exitCode, 0);
    QCOMPARE(plain.err, QByteArray());
    QCOMPARE(warned.exitCode, 0);
    QVERIFY2(warned.err.startsWith("relulab-cli: warning: --bias is ignored by --init rai")
                     && warned.err.count('\n') == 1,
             warned.err.constData());
    QCOMPARE(warned.out, plain.out);
    // And rai is another initialisation than he-normal.
    QVERIFY(bornDead("--widths 2 --depths 10 --networks 500").out != plain.out);
}

void TestBornDeadCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    // Matched against the one line of stderr after "relulab-cli: ".
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, QStringList arguments, const char *message) {
        QTest::newRow(name) << (QStringList {QStringLiteral("born-dead")} + arguments)
                            << QString::fromLatin1(message);
    };
    row("unknown option", words("--frob"), "^Unknown option 'frob'");
    row("stray argument", words("extra"), "^born-dead: unexpected argument 'extra'$");
    row("missing value", words("--networks"), "^Missing value after '--networks'");
    row("train option", words("--lr 0.1"), "^Unknown option 'lr'");

    row("widths empty", {QStringLiteral("--widths"), QString()}, "^--widths: no widths given");
    row("widths empty item", words("--widths 2,,3"), "^--widths: '2,,3' has an empty width");
    row("widths trailing comma", words("--widths 2,"), "^--widths: '2,' has an empty width");
    row("widths not a number", words("--widths 2,x"), "^--widths: 'x' in '2,x' is not an integer$");
    row("widths 1.5", words("--widths 1.5"), "^--widths: '1.5' in '1.5' is not an integer$");
    row("width 0", words("--widths 0"), "^--widths: width 0 in '0' is not between 1 and 128$");
    row("width 129", words("--widths 2,129"),
        "^--widths: width 129 in '2,129' is not between 1 and 128$");
    row("width huge",
        words("--widths 99999999999999999999"), "^--widths: width 99999999999999999999 in '99999999999999999999' is not between 1 and 128$");
    row("width twice", words("--widths 2,3,2"), "^--widths: width 2 is given twice in '2,3,2'$");
    row("depth 0", words("--depths 0"), "^--depths: depth 0 in '0' is not between 1 and 1000$");
    row("depth 1001", words("--depths 5,1001"),
        "^--depths: depth 1001 in '5,1001' is not between 1 and 1000$");
    row("depth twice", words("--depths 5,5"), "^--depths: depth 5 is given twice in '5,5'$");

    for (const char *text : {"abc", "1.5", "nan", "1e3", "0x10", ""}) {
        for (const char *option : {"--networks", "--inputs", "--input-dim", "--threads", "--seed"})
            QTest::addRow("%s '%s'", option, text)
                    << QStringList {QStringLiteral("born-dead"), QString::fromLatin1(option),
                                    QString::fromLatin1(text)}
                    << QStringLiteral("^%1: '%2' is not an")
                               .arg(QLatin1String(option),
                                    QRegularExpression::escape(QLatin1String(text)));
    }
    row("networks 0", words("--networks 0"), "^--networks: must be between 1 and 10000000, got 0$");
    row("networks too many", words("--networks 10000001"),
        "^--networks: must be between 1 and 10000000, got 10000001$");
    row("inputs negative", words("--inputs -1"), "^--inputs: must be between 0 and 10000000, got -1$");
    row("inputs too many", words("--inputs 10000001"),
        "^--inputs: must be between 0 and 10000000, got 10000001$");
    row("input dim 0", words("--input-dim 0"), "^--input-dim: must be between 1 and 2, got 0$");
    row("input dim 3", words("--input-dim 3"), "^--input-dim: must be between 1 and 2, got 3$");
    row("threads 0", words("--threads 0"), "^--threads: must be between 1 and 256, got 0$");
    row("threads 257", words("--threads 257"), "^--threads: must be between 1 and 256, got 257$");
    row("seed negative", words("--seed -1"), "^--seed: '-1' is not an unsigned 64-bit integer$");
    row("seed too big", words("--seed 18446744073709551616"),
        "^--seed: '18446744073709551616' is out of range \\(0 to 18446744073709551615\\)$");
    row("unknown bias", words("--bias constant"),
        "^--bias: unknown bias 'constant' \\(expected one of: zero normal\\)$");
    row("unknown init", words("--init xavier-uniform"),
        "^--init: unknown initialization 'xavier-uniform' \\(expected one of: he-normal rai\\)$");
    row("empty output", {QStringLiteral("--output"), QString()}, "^--output: the file name is empty$");
}

void TestBornDeadCli::usageErrors()
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
}

void TestBornDeadCli::outputFileHasTheSameBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("table.csv"));
    const CliRun toStdout = bornDead("--widths 3,4 --depths 2,8 --networks 300");
    const CliRun toFile = runCli(QStringList {QStringLiteral("born-dead")}
                                 + words("--widths 3,4 --depths 2,8 --networks 300")
                                 + QStringList {QStringLiteral("-o"), target});
    QCOMPARE(toStdout.exitCode, 0);
    QCOMPARE(toFile.exitCode, 0);
    QCOMPARE(toFile.out, QByteArray());
    QCOMPARE(toFile.err, QByteArray());
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), toStdout.out);
}

void TestBornDeadCli::unwritableOutput()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("missing/table.csv"));
    // A long run: the file must be found unwritable before the simulation, not after.
    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli(QStringList {QStringLiteral("born-dead")}
                              + words("--widths 128 --depths 1000 --networks 10000000")
                              + QStringList {QStringLiteral("--output"), target});
    QVERIFY(run.finished);
    QVERIFY(timer.elapsed() < 30'000);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.startsWith("relulab-cli: cannot write '") && run.err.count('\n') == 1,
             run.err.constData());
    QVERIFY2(run.err.contains(target.toLocal8Bit()), run.err.constData());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

void TestBornDeadCli::stdoutWriteFailure()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    QProcess process;
    process.setProgram(QStringLiteral(RELULAB_CLI_PATH));
    process.setArguments(words("born-dead --widths 128 --depths 1000 --networks 10000000"));
    process.setStandardOutputFile(QStringLiteral("/dev/full"));
    process.start();
    // Flushing the header fails, so the run stops before its first network instead of
    // simulating for nobody.
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.startsWith("relulab-cli: cannot write to standard output") && err.count('\n') == 1,
             err.constData());
}

QTEST_GUILESS_MAIN(TestBornDeadCli)
#include "tst_borndeadcli.moc"
