// `relulab-cli train` as a user runs it, with QProcess: the reference experiment's CSV, the
// determinism of a run, divergence reported as a result, the one-line usage errors and the
// output file. Runs are kept short (200 steps) except the one reference run.

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <vector>

#include "clirun.h"
#include "common/csv.h"
#include "common/testdata.h"

namespace {

using relulab::tests::CliRun;
using relulab::tests::Csv;
using relulab::tests::number;
using relulab::tests::parseCsv;
using relulab::tests::runCli;
using relulab::tests::words;

CliRun train(const char *options)
{
    return runCli(QStringList {QStringLiteral("train")} + words(options));
}

const QByteArray ReferenceHeader = "step,loss,train_accuracy,test_accuracy,dead_l1,dead_l2,dead_l3,"
                                   "rarely_active_l1,rarely_active_l2,rarely_active_l3,"
                                   "output_constant,diverged";

// prelu at lr 5 blows up within a few steps (reference-spec.md section 3: PReLU diverges in most
// seeds from lr 0.5); measured every 10 steps so the row of the diverging step stands out.
const char DivergingRun[] = "--activation prelu --lr 5 --steps 200 --every 10";

} // namespace

class TestTrain : public QObject
{
    Q_OBJECT

private slots:
    void help();
    void referenceRun();
    void measuredSteps_data();
    void measuredSteps();
    void deterministic_data();
    void deterministic();
    void floatPrecision();
    void preluAlphaColumns();
    void preluAlphaPerUnitColumns();
    void layerStatisticsColumns();
    void penaltiesAndGainFollowTheReference_data();
    void penaltiesAndGainFollowTheReference();
    void noTestSetLeavesItsColumnEmpty();
    void divergenceIsAResult();
    void divergenceWithOutputFile();
    void rowsArriveAsTheyAreMeasured();
    void ignoredOptionsWarn();
    void usageErrors_data();
    void usageErrors();
    void outputFileHasTheSameBytes();
    void unwritableOutput_data();
    void unwritableOutput();
    void stdoutWriteFailure();
};

void TestTrain::help()
{
    const CliRun run = runCli(words("train --help"));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    const QString out = QString::fromUtf8(run.out);
    for (const char *text :
         {"Usage: relulab-cli train [options]", "reference experiment", "dead_l1", "rarely_active",
          "output_constant", "diverged", "alpha_l1", "--dataset <name>", "--hidden <widths>",
          "--activation <name>", "--lr <x>", "--batch-size <n>", "--steps <n>", "--every <k>",
          "--precision <p>", "--threads <n>", "--output <file>", "--prelu-per-unit"})
        QVERIFY2(out.contains(QLatin1String(text)), text);

    const CliRun topLevel = runCli(words("--help"));
    QVERIFY(topLevel.finished);
    QCOMPARE(topLevel.exitCode, 0);
    QVERIFY2(topLevel.out.contains("  train "), topLevel.out.constData());
}

void TestTrain::referenceRun()
{
    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli({QStringLiteral("train")});
    qInfo("reference run (2000 full-batch steps, 21 measurements): %lld ms", timer.elapsed());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.header.join(','), ReferenceHeader);
    QCOMPARE(csv.rows.size(), 21);
    for (qsizetype i = 0; i < csv.rows.size(); ++i) {
        QCOMPARE(csv.cell(i, "step"), QByteArray::number(100 * i));
        QCOMPARE(csv.cell(i, "diverged"), QByteArray("0"));
        QCOMPARE(csv.cell(i, "output_constant"), QByteArray("0"));
        for (const QByteArray &cell : csv.rows[i])
            QVERIFY2(std::isfinite(number(cell)), csv.rows[i].join(',').constData());
    }
    // reference-spec.md section 3: init seed 1 starts with 0, 4 and 7 dead units.
    QCOMPARE(csv.cell(0, "dead_l1"), QByteArray("0"));
    QCOMPARE(csv.cell(0, "dead_l2"), QByteArray("4"));
    QCOMPARE(csv.cell(0, "dead_l3"), QByteArray("7"));
    // Rarely active includes dead.
    QVERIFY(number(csv.cell(0, "rarely_active_l2")) >= 4);
    QVERIFY(number(csv.cell(0, "rarely_active_l3")) >= 7);
    // ... and it learns: about 0.97-0.98 after 2000 steps.
    const double accuracy = number(csv.cell(20, "train_accuracy"));
    QVERIFY2(accuracy >= 0.95, csv.rows[20].join(',').constData());
    QVERIFY(number(csv.cell(20, "test_accuracy")) >= 0.9);
    QVERIFY(number(csv.cell(20, "loss")) < number(csv.cell(0, "loss")));
    qInfo("%s\n%s\n%s", ReferenceHeader.constData(), csv.rows[0].join(',').constData(),
          csv.rows[20].join(',').constData());
}

void TestTrain::measuredSteps_data()
{
    QTest::addColumn<QString>("options");
    QTest::addColumn<QList<int>>("steps");

    QTest::newRow("200 every 100") << "--steps 200 --every 100" << QList<int> {0, 100, 200};
    QTest::newRow("last step off the grid")
            << "--steps 250 --every 100" << QList<int> {0, 100, 200, 250};
    QTest::newRow("every beyond the end") << "--steps 30 --every 1000" << QList<int> {0, 30};
    QTest::newRow("every step") << "--steps 3 --every 1" << QList<int> {0, 1, 2, 3};
    QTest::newRow("no steps") << "--steps 0" << QList<int> {0};
    QTest::newRow("mini-batch") << "--batch-size 32 --steps 200 --every 50"
                                << QList<int> {0, 50, 100, 150, 200};
}

void TestTrain::measuredSteps()
{
    QFETCH(QString, options);
    QFETCH(QList<int>, steps);
    const CliRun run = train(options.toLatin1().constData());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.header.join(','), ReferenceHeader);
    QList<int> measured;
    for (qsizetype i = 0; i < csv.rows.size(); ++i)
        measured.append(csv.cell(i, "step").toInt());
    QCOMPARE(measured, steps);
}

void TestTrain::deterministic_data()
{
    QTest::addColumn<QString>("options");
    QTest::newRow("full batch") << "--steps 200 --every 100";
    QTest::newRow("float") << "--precision float --steps 200 --every 100";
    QTest::newRow("mini-batch") << "--batch-size 32 --steps 200 --every 100";
    QTest::newRow("rrelu mini-batch")
            << "--activation rrelu --batch-size 64 --steps 200 --every 100";
    QTest::newRow("adam circles") << "--dataset circles --optimizer adam --lr 0.01 --steps 200";
}

void TestTrain::deterministic()
{
    QFETCH(QString, options);
    const QByteArray common = options.toLatin1();
    const CliRun first = train(common.constData());
    const CliRun again = train(common.constData());
    const CliRun one = train((common + " --threads 1").constData());
    const CliRun two = train((common + " --threads 2").constData());
    for (const CliRun *run : {&first, &again, &one, &two}) {
        QVERIFY(run->finished);
        QCOMPARE(run->exitCode, 0);
        QCOMPARE(run->err, QByteArray());
    }
    QCOMPARE(again.out, first.out);
    // The trainer's sums do not depend on how the batch is split between threads.
    QCOMPARE(one.out, first.out);
    QCOMPARE(two.out, first.out);
    QVERIFY(first.out.count('\n') >= 3);
}

void TestTrain::floatPrecision()
{
    const CliRun single = train("--precision float --steps 200 --every 100");
    const CliRun doubled = train("--steps 200 --every 100");
    QVERIFY(single.finished && doubled.finished);
    QCOMPARE(single.exitCode, 0);
    QCOMPARE(single.err, QByteArray());
    Csv f;
    Csv d;
    parseCsv(single.out, f);
    parseCsv(doubled.out, d);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(f.header, d.header);
    QCOMPARE(f.rows.size(), 3);
    // The same network in float: the same dead units at the start, close losses at lr 0.1.
    for (const char *dead : {"dead_l1", "dead_l2", "dead_l3"})
        QCOMPARE(f.cell(0, dead), d.cell(0, dead));
    for (qsizetype i = 0; i < f.rows.size(); ++i) {
        const double lossF = number(f.cell(i, "loss"));
        const double lossD = number(d.cell(i, "loss"));
        QVERIFY2(std::abs(lossF - lossD) <= 1e-4 * lossD,
                 qPrintable(QStringLiteral("%1 vs %2").arg(lossF).arg(lossD)));
    }
    // ... but really computed in float.
    QVERIFY(single.out != doubled.out);
}

void TestTrain::preluAlphaColumns()
{
    const CliRun run = train("--activation prelu --steps 200 --every 100");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.header.join(','), ReferenceHeader + ",alpha_l1,alpha_l2,alpha_l3");
    QCOMPARE(csv.rows.size(), 3);
    for (const char *alpha : {"alpha_l1", "alpha_l2", "alpha_l3"})
        QCOMPARE(csv.cell(0, alpha), QByteArray("0.25"));
    // The alphas learn.
    QVERIFY(csv.cell(2, "alpha_l1") != QByteArray("0.25"));

    const CliRun initial = train("--activation prelu --alpha -0.5 --steps 0");
    QVERIFY(initial.finished);
    QCOMPARE(initial.exitCode, 0);
    parseCsv(initial.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.cell(0, "alpha_l3"), QByteArray("-0.5"));
}

// The independent implementation's numbers (tests/core/reference_layer_statistics.py).
QJsonObject layerStatisticsReference()
{
    return relulab::test::readTestDataJson(QStringLiteral("reference_layer_statistics.json"));
}

void TestTrain::layerStatisticsColumns()
{
    // The reference network at step 0 is the reference's "relu depth 3" case.
    const CliRun run = train("--steps 100 --every 100 --layer-stats");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.header.join(','),
             ReferenceHeader
                     + ",grad_l1,grad_l2,grad_l3,grad_out,zero_l1,zero_l2,zero_l3,blocked_l1,"
                       "blocked_l2,blocked_l3,mean_l1,mean_l2,mean_l3,std_l1,std_l2,std_l3");
    QCOMPARE(csv.rows.size(), 2);
    QJsonObject relu3;
    for (const QJsonValue &c : layerStatisticsReference().value(QStringLiteral("layer_statistics")).toArray()) {
        if (c[QStringLiteral("activation")] == QStringLiteral("relu") && c[QStringLiteral("depth")] == 3)
            relu3 = c.toObject();
    }
    QVERIFY2(!relu3.isEmpty(), "reference_layer_statistics.json lacks relu depth 3");
    const auto close = [](const QByteArray &cell, double expected, double tolerance) {
        return std::abs(number(cell) - expected) <= tolerance * std::abs(expected);
    };
    QVERIFY(close(csv.cell(0, "grad_out"), relu3[QStringLiteral("grad_out")].toDouble(), 1e-11));
    const QJsonArray layers = relu3[QStringLiteral("layers")].toArray();
    for (int l = 0; l < 3; ++l) {
        const QJsonObject e = layers[l].toObject();
        const QByteArray n = QByteArray::number(l + 1);
        for (const auto &[column, key] : {std::pair {"grad_l", "grad"}, std::pair {"zero_l", "zero"},
                                          std::pair {"blocked_l", "blocked"},
                                          std::pair {"mean_l", "mean"}, std::pair {"std_l", "std"}}) {
            const QByteArray cell = csv.cell(0, QByteArray(column) + n);
            QVERIFY2(close(cell, e.value(QLatin1String(key)).toDouble(), 1e-11),
                     QByteArray(column) + n + " = " + cell);
        }
        // ReLU's exact zeros are its blocked pairs (z <= 0).
        QCOMPARE(csv.cell(1, "zero_l" + n), csv.cell(1, "blocked_l" + n));
    }
    // Training moves the gradients.
    QVERIFY(csv.cell(1, "grad_l1") != csv.cell(0, "grad_l1"));
}

void TestTrain::penaltiesAndGainFollowTheReference_data()
{
    QTest::addColumn<int>("index");
    const QJsonArray cases = layerStatisticsReference().value(QStringLiteral("trajectories")).toArray();
    QVERIFY(!cases.isEmpty());
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject c = cases[i].toObject();
        QTest::newRow(QByteArray::number(i).constData()) << static_cast<int>(i);
    }
}

void TestTrain::penaltiesAndGainFollowTheReference()
{
    // --weight-decay, --l1 and --init-gain reach the trainer: the losses after every step are the
    // independent implementation's.
    QFETCH(int, index);
    const QJsonObject c =
            layerStatisticsReference().value(QStringLiteral("trajectories")).toArray()[index].toObject();
    QStringList widths;
    for (const QJsonValue &w : c[QStringLiteral("hidden")].toArray())
        widths.append(QString::number(w.toInt()));
    const QJsonArray losses = c[QStringLiteral("losses")].toArray();
    const auto real = [&](const char *key) {
        return QString::number(c.value(QLatin1String(key)).toDouble(), 'g', 17);
    };
    const QStringList arguments {
            QStringLiteral("train"),        QStringLiteral("--hidden"),  widths.join(','),
            QStringLiteral("--activation"), c[QStringLiteral("activation")].toString(),
            QStringLiteral("--optimizer"),  c[QStringLiteral("optimizer")].toString(),
            QStringLiteral("--lr"),         real("lr"),
            QStringLiteral("--weight-decay"), real("weight_decay"),
            QStringLiteral("--l1"),         real("l1"),
            QStringLiteral("--init-gain"),  real("init_gain"),
            QStringLiteral("--steps"),      QString::number(losses.size()),
            QStringLiteral("--every"),      QStringLiteral("1")};
    const CliRun run = runCli(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.rows.size(), losses.size() + 1);
    for (qsizetype s = 0; s < losses.size(); ++s) {
        const double loss = number(csv.cell(s + 1, "loss"));
        const double expected = losses[s].toDouble();
        QVERIFY2(std::abs(loss - expected) <= 1e-10 * expected,
                 "step " + QByteArray::number(s + 1) + ": " + QByteArray::number(loss, 'g', 17)
                         + " against " + QByteArray::number(expected, 'g', 17));
    }
}

void TestTrain::preluAlphaPerUnitColumns()
{
    const CliRun run = train("--activation prelu --prelu-per-unit --hidden 3,2 --steps 200");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.header.join(','),
             QByteArray("step,loss,train_accuracy,test_accuracy,dead_l1,dead_l2,rarely_active_l1,"
                        "rarely_active_l2,output_constant,diverged,alpha_l1_u1,alpha_l1_u2,"
                        "alpha_l1_u3,alpha_l2_u1,alpha_l2_u2"));
    for (qsizetype c = csv.column("alpha_l1_u1"); c < csv.header.size(); ++c)
        QCOMPARE(csv.rows[0][c], QByteArray("0.25"));
}

void TestTrain::noTestSetLeavesItsColumnEmpty()
{
    const CliRun run = train("--test-points 0 --steps 100 --dataset xor --hidden 8");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.rows.size(), 2);
    for (const QList<QByteArray> &row : csv.rows) {
        QCOMPARE(row[csv.column("test_accuracy")], QByteArray());
        QVERIFY(std::isfinite(number(row[csv.column("train_accuracy")])));
    }
}

void TestTrain::divergenceIsAResult()
{
    const CliRun run = train(DivergingRun);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(csv.rows.size() >= 2);
    const qsizetype last = csv.rows.size() - 1;
    // Every row before the last is a healthy measurement; the last is the diverging step.
    for (qsizetype i = 0; i < last; ++i) {
        QCOMPARE(csv.cell(i, "diverged"), QByteArray("0"));
        QCOMPARE(csv.cell(i, "step"), QByteArray::number(10 * i));
    }
    QCOMPARE(csv.cell(last, "diverged"), QByteArray("1"));
    const QByteArray step = csv.cell(last, "step");
    QVERIFY(step.toInt() > 10 * (last - 1) && step.toInt() <= 10 * last);
    // Divergence is not "0 dead": the unit counts are empty.
    for (const char *cell : {"dead_l1", "dead_l2", "dead_l3", "rarely_active_l1",
                             "rarely_active_l2", "rarely_active_l3", "output_constant"})
        QCOMPARE(csv.cell(last, cell), QByteArray());
    QCOMPARE(run.err,
             "relulab-cli: training diverged at step " + step + " (non-finite loss or parameters)\n");
    qInfo("'%s' diverged at step %s", DivergingRun, step.constData());
}

void TestTrain::divergenceWithOutputFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("run.csv"));
    const CliRun toStdout = train(DivergingRun);
    const CliRun toFile = runCli(QStringList {QStringLiteral("train")} + words(DivergingRun)
                                 + QStringList {QStringLiteral("--output"), file});
    QVERIFY(toStdout.finished && toFile.finished);
    QCOMPARE(toFile.exitCode, 0);
    QCOMPARE(toFile.out, QByteArray());
    QCOMPARE(toFile.err, toStdout.err);
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), toStdout.out);
}

void TestTrain::rowsArriveAsTheyAreMeasured()
{
    // A run far too long to finish here: its first rows must still reach the pipe at once.
    QProcess process;
    process.setProgram(QStringLiteral(RELULAB_CLI_PATH));
    process.setArguments(words("train --hidden 2 --points 64 --test-points 0 --batch-size 8 "
                               "--steps 100000000 --every 1000"));
    process.start();
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (out.count('\n') < 3 && timer.elapsed() < 60'000) {
        if (process.waitForReadyRead(1000))
            out += process.readAllStandardOutput();
        QVERIFY2(process.state() == QProcess::Running, process.readAllStandardError().constData());
    }
    process.kill();
    process.waitForFinished();
    QVERIFY2(out.count('\n') >= 3, out.constData());
    QVERIFY(out.startsWith("step,loss,"));
    QVERIFY(out.contains("\n0,"));
    QVERIFY(out.contains("\n1000,"));
}

void TestTrain::ignoredOptionsWarn()
{
    const CliRun plain = train("--steps 100");
    const CliRun warned = train("--steps 100 --alpha 0.5 --momentum 0.5 --lower 0.1");
    QVERIFY(plain.finished && warned.finished);
    QCOMPARE(warned.exitCode, 0);
    QCOMPARE(warned.err,
             QByteArray("relulab-cli: warning: --alpha is ignored by relu\n"
                        "relulab-cli: warning: --lower is ignored by relu\n"
                        "relulab-cli: warning: --momentum is ignored by --optimizer "
                        "sgd\n"));
    // Ignored means ignored: the same run.
    QCOMPARE(warned.out, plain.out);
}

void TestTrain::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    // Matched against the one line of stderr after "relulab-cli: ".
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown option") << words("train --frob") << "^Unknown option 'frob'";
    QTest::newRow("stray argument") << words("train extra") << "^train: unexpected argument 'extra'";
    QTest::newRow("missing value") << words("train --lr") << "^Missing value after '--lr'";
    QTest::newRow("curve option") << words("train --samples 5") << "^Unknown option 'samples'";

    for (const char *text : {"abc", "1.5x", "0x10", "nan", "inf", "-inf", "1e999"}) {
        for (const char *option :
             {"--lr", "--noise", "--alpha", "--momentum", "--bias-value", "--lower", "--upper"})
            QTest::addRow("%s %s", option, text)
                    << QStringList {QStringLiteral("train"), QString::fromLatin1(option),
                                    QString::fromLatin1(text)}
                    << QStringLiteral("^%1: '%2' is (not a (finite )?number|out of the range)")
                               .arg(QLatin1String(option),
                                    QRegularExpression::escape(QLatin1String(text)));
    }
    QTest::newRow("lr 0") << words("train --lr 0") << "^--lr: must be positive, got 0$";
    QTest::newRow("lr negative") << words("train --lr -1") << "^--lr: must be positive, got -1$";
    QTest::newRow("noise negative") << words("train --noise -1") << "^--noise: must not be negative";
    QTest::newRow("momentum 1") << words("train --optimizer momentum --momentum 1") << "^--momentum:";

    for (const char *option :
         {"--points", "--test-points", "--steps", "--every", "--threads", "--batch-size",
          "--data-seed", "--init-seed", "--shuffle-seed", "--rrelu-seed"}) {
        for (const char *text : {"abc", "1.5", "nan", "1e3", ""})
            QTest::addRow("%s '%s'", option, text)
                    << QStringList {QStringLiteral("train"), QString::fromLatin1(option),
                                    QString::fromLatin1(text)}
                    << QStringLiteral("^%1: '%2' is (not an|neither an)")
                               .arg(QLatin1String(option),
                                    QRegularExpression::escape(QLatin1String(text)));
    }
    QTest::newRow("steps -1") << words("train --steps -1")
                              << "^--steps: must be between 0 and 100000000, got -1$";
    QTest::newRow("steps too many") << words("train --steps 100000001")
                                    << "^--steps: must be between 0 and 100000000, got 100000001$";
    QTest::newRow("every 0") << words("train --every 0")
                             << "^--every: must be between 1 and 100000000, got 0$";
    QTest::newRow("threads 0") << words("train --threads 0")
                               << "^--threads: must be between 1 and 256, got 0$";
    QTest::newRow("threads 257") << words("train --threads 257")
                                 << "^--threads: must be between 1 and 256, got 257$";
    QTest::newRow("points 1") << words("train --points 1") << "^--points: must be between 2 and";
    QTest::newRow("batch size negative")
            << words("train --batch-size -1") << "^--batch-size: must be full or between 0 and";
    QTest::newRow("seed negative") << words("train --init-seed -1")
                                   << "^--init-seed: '-1' is not an unsigned 64-bit integer$";

    QTest::newRow("hidden 0") << words("train --hidden 0") << "^--hidden: width 0 in '0' is not";
    QTest::newRow("init gain 0") << words("train --init-gain 0")
                                 << "^--init-gain: must be above 0 and at most 10, got 0$";
    QTest::newRow("init gain nan") << words("train --init-gain nan") << "^--init-gain: 'nan' is not";
    QTest::newRow("weight decay negative")
            << words("train --weight-decay -0.1") << "^--weight-decay: must be between 0 and 10, got -0.1$";
    QTest::newRow("l1 huge") << words("train --l1 11") << "^--l1: must be between 0 and 10, got 11$";
    QTest::newRow("layer stats in race") << words("race --layer-stats") << "layer-stats";
    QTest::newRow("hidden 129") << words("train --hidden 129") << "^--hidden: width 129 in '129'";
    QTest::newRow("hidden 33 layers") << words("train --hidden 8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8")
                                      << "^--hidden: '8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8' has 33 layers, at most 32";
    QTest::newRow("hidden empty width")
            << words("train --hidden 32,,32") << "^--hidden: '32,,32' has an empty width";
    QTest::newRow("hidden empty") << QStringList {QStringLiteral("train"),
                                                  QStringLiteral("--hidden"), QString()}
                                  << "^--hidden: no widths given";

    QTest::newRow("unknown dataset") << words("train --dataset swirl")
                                     << "^--dataset: unknown data set 'swirl' \\(expected one of: "
                                        "spirals circles xor blobs moons\\)$";
    QTest::newRow("unknown activation")
            << words("train --activation swish") << "^--activation: unknown function 'swish'";
    QTest::newRow("unknown init") << words("train --init glorot")
                                  << "^--init: unknown initialization 'glorot'";
    QTest::newRow("unknown optimizer")
            << words("train --optimizer rmsprop") << "^--optimizer: unknown optimizer 'rmsprop'";
    QTest::newRow("unknown precision") << words("train --precision half")
                                       << "^--precision: 'half' is neither float nor double$";
    QTest::newRow("unknown bias init") << words("train --bias-init one")
                                       << "^--bias-init: 'one' is neither zero nor constant$";
    QTest::newRow("lower > upper") << words("train --activation rrelu --lower 0.5 --upper 0.2")
                                   << "^--lower 0.5 is greater than --upper 0.2$";
    QTest::newRow("empty output") << QStringList {QStringLiteral("train"),
                                                  QStringLiteral("--output"), QString()}
                                  << "^--output: the file name is empty$";
}

void TestTrain::usageErrors()
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

void TestTrain::outputFileHasTheSameBytes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("train.csv"));
    const QStringList arguments = words("train --batch-size 32 --steps 200 --every 50");
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
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList {QStringLiteral("train.csv")});
}

void TestTrain::unwritableOutput_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("missing directory") << "missing/out.csv";
    QTest::newRow("a directory") << "subdir";
    QTest::newRow("below a file") << "file.txt/out.csv";
}

void TestTrain::unwritableOutput()
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
    // A long run: the file must be found unwritable before training, not after.
    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli({QStringLiteral("train"), QStringLiteral("--steps"),
                               QStringLiteral("100000000"), QStringLiteral("--output"), target});
    QVERIFY(run.finished);
    QVERIFY(timer.elapsed() < 30'000);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.startsWith("relulab-cli: cannot write '") && run.err.count('\n') == 1,
             run.err.constData());
    QVERIFY2(run.err.contains(target.toLocal8Bit()), run.err.constData());
    // Nothing left behind: no file, no temporary, the existing file untouched.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             (QStringList {QStringLiteral("file.txt"), QStringLiteral("subdir")}));
    QVERIFY(QDir(dir.filePath(QStringLiteral("subdir"))).isEmpty());
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("keep\n"));
}

void TestTrain::stdoutWriteFailure()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here");
    QProcess process;
    process.setProgram(QStringLiteral(RELULAB_CLI_PATH));
    process.setArguments(words("train --steps 100000000"));
    process.setStandardOutputFile(QStringLiteral("/dev/full"));
    process.start();
    // Flushing the header fails, so the run stops before its first step instead of training for
    // nobody.
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.startsWith("relulab-cli: cannot write to standard output") && err.count('\n') == 1,
             err.constData());
}

QTEST_GUILESS_MAIN(TestTrain)
#include "tst_train.moc"
