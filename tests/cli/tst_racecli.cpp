// `relulab-cli race` as a user runs it, with QProcess: the CSV's shape (a row per activation per
// measurement), each lane equal to `train --activation` of it, determinism over runs and thread
// counts, a diverging lane beside healthy ones, the finish table, scenarios, and the one-line usage
// errors. Runs are short (a few hundred full-batch steps).

#include <QByteArray>
#include <QFile>
#include <QProcess>
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

CliRun race(const char *options)
{
    return runCli(QStringList {QStringLiteral("race")} + words(options));
}

CliRun train(const char *options)
{
    return runCli(QStringList {QStringLiteral("train")} + words(options));
}

const QByteArray Header = "step,activation,loss,train_accuracy,test_accuracy,dead_l1,dead_l2,"
                          "dead_l3,total_dead,diverged";
const QList<QByteArray> DefaultLanes {"relu", "leaky_relu", "prelu", "rrelu"};

} // namespace

class TestRaceCli : public QObject
{
    Q_OBJECT

private slots:
    void help();
    void shape_data();
    void shape();
    void lanesEqualTrainingEachAlone();
    void deterministic_data();
    void deterministic();
    void divergingLaneDoesNotStopTheOthers();
    void summaryIsTheFinishTable();
    void scenariosApplyAndGiveWay();
    void activationOptionsWarnOnlyWhenNoLaneTakesThem();
    void usageErrors_data();
    void usageErrors();
    void outputFile();
};

void TestRaceCli::help()
{
    const CliRun run = runCli(words("race --help"));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    const QString out = QString::fromUtf8(run.out);
    for (const char *text :
         {"Usage: relulab-cli race [options]", "--activations <names>", "--scenario <name>",
          "--preset <file>", "--summary <file>", "high-lr", "deep-narrow", "bad-bias", "total_dead",
          "diverged", "--lr <x>", "--steps <n>", "--every <k>", "--threads <n>", "--output <file>"})
        QVERIFY2(out.contains(QLatin1String(text)), text);
    const CliRun topLevel = runCli(words("--help"));
    QVERIFY(topLevel.finished);
    QVERIFY2(topLevel.out.contains("  race "), topLevel.out.constData());
}

void TestRaceCli::shape_data()
{
    QTest::addColumn<QString>("options");
    QTest::addColumn<QList<QByteArray>>("lanes");
    QTest::addColumn<QList<int>>("steps");
    QTest::addColumn<int>("layers");

    QTest::newRow("default lanes")
            << "--steps 200 --every 100" << DefaultLanes << QList<int> {0, 100, 200} << 3;
    QTest::newRow("two lanes, last step off the grid")
            << "--activations tanh,relu --steps 50 --every 20" << QList<QByteArray> {"tanh", "relu"}
            << QList<int> {0, 20, 40, 50} << 3;
    QTest::newRow("one lane, two layers") << "--activations elu --hidden 8,4 --steps 10 --every 5"
                                          << QList<QByteArray> {"elu"} << QList<int> {0, 5, 10} << 2;
    QTest::newRow("all twelve, no steps")
            << "--activations relu,leaky_relu,prelu,rrelu,elu,gelu,gelu_tanh,silu,mish,softplus,"
               "sigmoid,tanh --steps 0"
            << QList<QByteArray> {"relu",      "leaky_relu", "prelu", "rrelu",    "elu",     "gelu",
                                  "gelu_tanh", "silu",       "mish",  "softplus", "sigmoid", "tanh"}
            << QList<int> {0} << 3;
}

void TestRaceCli::shape()
{
    QFETCH(QString, options);
    QFETCH(QList<QByteArray>, lanes);
    QFETCH(QList<int>, steps);
    QFETCH(int, layers);
    const CliRun run = race(options.toLatin1().constData());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QByteArray header = "step,activation,loss,train_accuracy,test_accuracy";
    for (int l = 1; l <= layers; ++l)
        header += ",dead_l" + QByteArray::number(l);
    header += ",total_dead,diverged";
    QCOMPARE(csv.header.join(','), header);
    // A row per lane per measurement, measurement by measurement, lanes in the given order.
    QCOMPARE(csv.rows.size(), lanes.size() * steps.size());
    for (qsizetype m = 0; m < steps.size(); ++m) {
        for (qsizetype lane = 0; lane < lanes.size(); ++lane) {
            const qsizetype row = m * lanes.size() + lane;
            QCOMPARE(csv.cell(row, "step"), QByteArray::number(steps[m]));
            QCOMPARE(csv.cell(row, "activation"), lanes[lane]);
            QCOMPARE(csv.cell(row, "diverged"), QByteArray("0"));
            int total = 0;
            for (int l = 1; l <= layers; ++l)
                total += csv.cell(row, ("dead_l" + QByteArray::number(l)).constData()).toInt();
            QCOMPARE(csv.cell(row, "total_dead").toInt(), total);
            for (const char *value : {"loss", "train_accuracy", "test_accuracy"})
                QVERIFY(std::isfinite(number(csv.cell(row, value))));
        }
    }
}

void TestRaceCli::lanesEqualTrainingEachAlone()
{
    // Each lane's numbers are those of `train` with its activation, to the last digit.
    const CliRun run = race("--steps 200 --every 100 --batch-size 64 --optimizer momentum");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    for (qsizetype lane = 0; lane < DefaultLanes.size(); ++lane) {
        const QByteArray options = "--steps 200 --every 100 --batch-size 64 --optimizer momentum "
                                   "--activation "
                + DefaultLanes[lane];
        const CliRun alone = train(options.constData());
        QVERIFY(alone.finished);
        Csv trained;
        parseCsv(alone.out, trained);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(trained.rows.size(), 3);
        for (qsizetype m = 0; m < 3; ++m) {
            const qsizetype row = m * DefaultLanes.size() + lane;
            for (const char *name : {"step", "loss", "train_accuracy", "test_accuracy", "dead_l1",
                                     "dead_l2", "dead_l3", "diverged"})
                QCOMPARE(csv.cell(row, name), trained.cell(m, name));
        }
    }
}

void TestRaceCli::deterministic_data()
{
    QTest::addColumn<QString>("options");
    QTest::newRow("full batch") << "--steps 100 --every 50";
    QTest::newRow("float, mini-batch")
            << "--precision float --batch-size 32 --steps 200 --every 100";
    QTest::newRow("adam, five lanes") << "--activations relu,rrelu,elu,prelu,leaky_relu "
                                         "--optimizer adam --lr 0.01 --steps 100";
}

void TestRaceCli::deterministic()
{
    QFETCH(QString, options);
    const QByteArray common = options.toLatin1();
    const CliRun first = race(common.constData());
    const CliRun again = race(common.constData());
    const CliRun one = race((common + " --threads 1").constData());
    const CliRun two = race((common + " --threads 2").constData());
    const CliRun three = race((common + " --threads 3").constData());
    for (const CliRun *run : {&first, &again, &one, &two, &three}) {
        QVERIFY(run->finished);
        QCOMPARE(run->exitCode, 0);
        QCOMPARE(run->err, QByteArray());
    }
    QCOMPARE(again.out, first.out);
    QCOMPARE(one.out, first.out);
    QCOMPARE(two.out, first.out);
    QCOMPARE(three.out, first.out);
    QVERIFY(first.out.count('\n') >= 9);
}

void TestRaceCli::divergingLaneDoesNotStopTheOthers()
{
    // SGD at lr 5: PReLU diverges within a few steps, ReLU and Leaky ReLU go on.
    const CliRun run = race("--lr 5 --activations relu,prelu,leaky_relu --steps 40 --every 10");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.rows.size(), 3 * 5);
    QCOMPARE(csv.cell(1, "diverged"), QByteArray("0"));
    QByteArray divergedRow;
    for (qsizetype m = 1; m < 5; ++m) {
        const qsizetype prelu = 3 * m + 1;
        QCOMPARE(csv.cell(prelu, "activation"), QByteArray("prelu"));
        QCOMPARE(csv.cell(prelu, "step"), QByteArray::number(10 * m));
        QCOMPARE(csv.cell(prelu, "diverged"), QByteArray("1"));
        // Not "0 dead": empty.
        for (const char *cell : {"dead_l1", "dead_l2", "dead_l3", "total_dead"})
            QCOMPARE(csv.cell(prelu, cell), QByteArray());
        // The same measurement, at the step it diverged, on every row after it.
        const QByteArray measured = csv.rows[prelu].mid(2).join(',');
        if (divergedRow.isEmpty())
            divergedRow = measured;
        QCOMPARE(measured, divergedRow);
        for (qsizetype other : {3 * m, 3 * m + 2}) {
            QCOMPARE(csv.cell(other, "diverged"), QByteArray("0"));
            QVERIFY(!csv.cell(other, "total_dead").isEmpty());
            QVERIFY(std::isfinite(number(csv.cell(other, "loss"))));
        }
    }
    QVERIFY2(run.err.startsWith("relulab-cli: prelu diverged at step "), run.err.constData());
    QVERIFY2(run.err.endsWith(" (non-finite loss or parameters); the others go on\n"),
             run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);

    // Every lane diverged: the race ends there.
    const CliRun doomed = race("--lr 5 --activations prelu --steps 1000 --every 10");
    QVERIFY(doomed.finished);
    QCOMPARE(doomed.exitCode, 0);
    parseCsv(doomed.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.rows.size(), 2);
    QCOMPARE(csv.cell(1, "diverged"), QByteArray("1"));
    QVERIFY(csv.cell(1, "step").toInt() < 20);
    QVERIFY2(doomed.err.startsWith("relulab-cli: prelu diverged at step "), doomed.err.constData());
    QVERIFY2(doomed.err.endsWith(" (non-finite loss or parameters)\n"), doomed.err.constData());
}

void TestRaceCli::summaryIsTheFinishTable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString summary = dir.filePath(QStringLiteral("finish.csv"));
    const CliRun run = runCli(words("race --optimizer adam --lr 0.01 --steps 300 --every 20 "
                                    "--activations relu,prelu")
                              + QStringList {QStringLiteral("--summary"), summary});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    Csv rows;
    parseCsv(run.out, rows);
    QFile file(summary);
    QVERIFY(file.open(QIODevice::ReadOnly));
    Csv table;
    parseCsv(file.readAll(), table);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(table.header.join(','),
             QByteArray("activation,steps,loss,train_accuracy,test_accuracy,dead_l1,dead_l2,"
                        "dead_l3,total_dead,dead_without_gradient,steps_to_95,diverged"));
    QCOMPARE(table.rows.size(), 2);
    const qsizetype last = rows.rows.size() - 2;
    for (qsizetype lane = 0; lane < 2; ++lane) {
        // The last measurement's numbers ...
        QCOMPARE(table.cell(lane, "activation"), rows.cell(last + lane, "activation"));
        QCOMPARE(table.cell(lane, "steps"), QByteArray("300"));
        for (const char *name : {"loss", "train_accuracy", "test_accuracy", "total_dead", "diverged"})
            QCOMPARE(table.cell(lane, name), rows.cell(last + lane, name));
        // ... and the first measured step at 95 % training accuracy.
        QByteArray expected;
        for (qsizetype row = lane; row < rows.rows.size(); row += 2) {
            if (number(rows.cell(row, "train_accuracy")) >= 0.95) {
                expected = rows.cell(row, "step");
                break;
            }
        }
        QVERIFY2(!expected.isEmpty(), "Adam at 0.01 reaches 95 % within 300 steps");
        QCOMPARE(table.cell(lane, "steps_to_95"), expected);
    }
}

void TestRaceCli::scenariosApplyAndGiveWay()
{
    // The scenario sets the configuration and the schedule; options given change them.
    const CliRun run =
            race("--scenario bad-bias --steps 40 --every 40 --activations relu,leaky_relu");
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    const CliRun same = race("--bias-init constant --bias-value -1 --optimizer adam --lr 0.01 "
                             "--steps 40 --every 40 --activations relu,leaky_relu");
    QVERIFY(same.finished);
    QCOMPARE(run.out, same.out);
    Csv csv;
    parseCsv(run.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.rows.size(), 2 * 2);
    // reference seed, bias -1: 71 ReLU units dead at birth.
    QCOMPARE(csv.cell(0, "total_dead"), QByteArray("71"));

    // Its own schedule when none is given: 1000 steps, every 20 (deep-narrow).
    const CliRun schedule = race("--scenario deep-narrow --activations relu --hidden 2");
    QVERIFY(schedule.finished);
    QCOMPARE(schedule.exitCode, 0);
    parseCsv(schedule.out, csv);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(csv.rows.size(), 51);
    QCOMPARE(csv.rows.last().constFirst(), QByteArray("1000"));
    QCOMPARE(csv.header.join(','),
             QByteArray("step,activation,loss,train_accuracy,test_accuracy,"
                        "dead_l1,total_dead,diverged"));
}

void TestRaceCli::activationOptionsWarnOnlyWhenNoLaneTakesThem()
{
    // --alpha belongs to Leaky ReLU (and PReLU, ELU): with a Leaky ReLU lane it is taken.
    const CliRun taken = race("--activations relu,leaky_relu --alpha 0.2 --steps 10 --every 10");
    QVERIFY(taken.finished);
    QCOMPARE(taken.exitCode, 0);
    QCOMPARE(taken.err, QByteArray());
    const CliRun leaky = train("--activation leaky_relu --alpha 0.2 --steps 10 --every 10");
    Csv raced;
    Csv alone;
    parseCsv(taken.out, raced);
    parseCsv(leaky.out, alone);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(raced.cell(3, "activation"), QByteArray("leaky_relu"));
    QCOMPARE(raced.cell(3, "loss"), alone.cell(1, "loss"));

    const CliRun ignored = race("--activations relu,tanh --alpha 0.2 --lower 0.1 --steps 0");
    QVERIFY(ignored.finished);
    QCOMPARE(ignored.exitCode, 0);
    QCOMPARE(ignored.err,
             QByteArray("relulab-cli: warning: --alpha is ignored by every lane of the race\n"
                        "relulab-cli: warning: --lower is ignored by every lane of the race\n"));
    // Warnings about other options pass through as `train` words them.
    const CliRun momentum = race("--momentum 0.5 --steps 0");
    QCOMPARE(momentum.exitCode, 0);
    QCOMPARE(momentum.err,
             QByteArray("relulab-cli: warning: --momentum is ignored by --optimizer sgd\n"));
}

void TestRaceCli::usageErrors_data()
{
    QTest::addColumn<QString>("options");
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("activation") << "--activation relu"
                                << QByteArray("--activation: a race trains several activations: "
                                              "use --activations");
    QTest::newRow("unknown activation")
            << "--activations relu,swish"
            << QByteArray("--activations: unknown function 'swish' in 'relu,swish' (expected one "
                          "of: relu leaky_relu prelu rrelu elu gelu gelu_tanh silu mish softplus "
                          "sigmoid tanh)");
    QTest::newRow("twice") << "--activations relu,prelu,relu"
                           << QByteArray("--activations: relu is given twice in 'relu,prelu,relu'");
    QTest::newRow("empty name")
            << "--activations relu,,prelu"
            << QByteArray("--activations: 'relu,,prelu' has an empty name (expected names "
                          "separated by commas, e.g. relu,leaky_relu,prelu,rrelu)");
    QTest::newRow("empty list") << "--activations="
                                << QByteArray("--activations: no activations given (expected "
                                              "names separated by commas, e.g. "
                                              "relu,leaky_relu,prelu,rrelu)");
    QTest::newRow("unknown scenario")
            << "--scenario fast"
            << QByteArray("--scenario: unknown scenario 'fast' (expected one of: high-lr "
                          "deep-narrow bad-bias)");
    // --preset takes a preset file, as for curve and train; the scenario it once named is pointed
    // to (when no such file exists).
    QTest::newRow("scenario as preset")
            << "--preset high-lr"
            << QByteArray("--preset: 'high-lr' is not a preset file; for the race that shows the "
                          "point, use --scenario high-lr");
    QTest::newRow("lr") << "--lr 0" << QByteArray("--lr: must be positive, got 0");
    QTest::newRow("steps") << "--steps -1"
                           << QByteArray("--steps: must be between 0 and 100000000, got -1");
    QTest::newRow("every") << "--every 0"
                           << QByteArray("--every: must be between 1 and 100000000, got 0");
    QTest::newRow("threads") << "--threads 0"
                             << QByteArray("--threads: must be between 1 and 256, got 0");
    QTest::newRow("rrelu bounds") << "--lower 0.5 --upper 0.2"
                                  << QByteArray("--lower 0.5 is greater than --upper 0.2");
    QTest::newRow("summary") << "--summary=" << QByteArray("--summary: the file name is empty");
    QTest::newRow("positional") << "extra" << QByteArray("race: unexpected argument 'extra'");
    QTest::newRow("unknown option")
            << "--activation-list relu" << QByteArray("Unknown option 'activation-list'.");
}

void TestRaceCli::usageErrors()
{
    QFETCH(QString, options);
    QFETCH(QByteArray, message);
    const CliRun run = race(options.toLatin1().constData());
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(run.err, "relulab-cli: " + message + "\n");
}

void TestRaceCli::outputFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("race.csv"));
    const char options[] = "--steps 20 --every 10 --activations relu,rrelu";
    const CliRun toStdout = race(options);
    const CliRun toFile = runCli(QStringList {QStringLiteral("race")} + words(options)
                                 + QStringList {QStringLiteral("-o"), file});
    QVERIFY(toStdout.finished && toFile.finished);
    QCOMPARE(toFile.exitCode, 0);
    QCOMPARE(toFile.out, QByteArray());
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), toStdout.out);
    QVERIFY(toStdout.out.startsWith(Header + "\n"));

    // An unwritable path fails at once with exit code 1, before any training.
    const CliRun unwritable =
            runCli(QStringList {QStringLiteral("race"), QStringLiteral("--output"),
                                dir.filePath(QStringLiteral("missing/race.csv"))});
    QVERIFY(unwritable.finished);
    QCOMPARE(unwritable.exitCode, 1);
    QVERIFY2(unwritable.err.startsWith("relulab-cli: cannot write '"), unwritable.err.constData());
    const CliRun unwritableSummary =
            runCli(QStringList {QStringLiteral("race"), QStringLiteral("--summary"),
                                dir.filePath(QStringLiteral("missing/finish.csv"))});
    QVERIFY(unwritableSummary.finished);
    QCOMPARE(unwritableSummary.exitCode, 1);
    QCOMPARE(unwritableSummary.out, QByteArray());
}

QTEST_GUILESS_MAIN(TestRaceCli)
#include "tst_racecli.moc"
