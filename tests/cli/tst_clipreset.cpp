// `relulab-cli curve --preset FILE`, `train --preset FILE` and `race --preset FILE`, run as
// processes: the
// preset's values are the defaults (the output equals the same run spelled out in options),
// options given with it win, and a bad preset gives the loader's message and exit code 2.

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "app/preset.h"

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray standardOutput;
    QString standardError;
};

Run runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(RELULAB_CLI_PATH), arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), QString::fromLocal8Bit(process.readAllStandardError())};
}

} // namespace

class TestCliPreset : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void curveTakesThePresetsDefaults();
    void curveOptionsOverrideThePreset();
    void trainTakesThePresetsDefaults();
    void trainOptionsOverrideThePreset();
    void raceTakesThePresetsTrainingSettings();
    void badPresets_data();
    void badPresets();

private:
    QTemporaryDir m_dir;
    QString m_preset;
};

void TestCliPreset::initTestCase()
{
    QVERIFY(m_dir.isValid());
    relulab::app::Preset preset;
    preset.explorer.activation = relulab::core::Activation::LeakyRelu;
    preset.explorer.params.leakySlope = 0.2;
    preset.explorer.xMin = -2.0;
    preset.explorer.xMax = 4.0;
    preset.explorer.samples = 13;
    preset.lab.dataset = relulab::core::DatasetKind::Moons;
    preset.lab.points = 256;
    preset.lab.hiddenLayers = 2;
    preset.lab.unitsPerLayer = 8;
    // The lab's hidden activation takes its slope from the explorer, as in the window.
    preset.lab.activation = relulab::core::Activation::LeakyRelu;
    preset.lab.learningRate = 0.5;
    preset.lab.optimizer = relulab::core::OptimizerKind::Momentum;
    preset.lab.initSeed = 5;
    m_preset = m_dir.filePath(QStringLiteral("lesson.json"));
    QVERIFY(!relulab::app::savePreset(preset, m_preset));
}

void TestCliPreset::curveTakesThePresetsDefaults()
{
    const Run fromPreset = runCli({"curve", "--preset", m_preset});
    QVERIFY2(fromPreset.exitCode == 0, qPrintable(fromPreset.standardError));
    const Run spelledOut = runCli({"curve", "--activation", "leaky_relu", "--alpha", "0.2",
                                   "--range", "-2:4", "--samples", "13"});
    QCOMPARE(spelledOut.exitCode, 0);
    QCOMPARE(fromPreset.standardOutput, spelledOut.standardOutput);
    // 13 rows and the header; f'(x) at x = 0 (row 5) is the slope.
    const QList<QByteArray> lines = fromPreset.standardOutput.trimmed().split('\n');
    QCOMPARE(lines.size(), 14);
    QCOMPARE(lines.at(5), QByteArray("0,0,0.2"));
}

void TestCliPreset::curveOptionsOverrideThePreset()
{
    const Run overridden = runCli({"curve", "--preset", m_preset, "--alpha", "0.3", "--samples", "5"});
    QVERIFY2(overridden.exitCode == 0, qPrintable(overridden.standardError));
    const Run spelledOut = runCli({"curve", "--activation", "leaky_relu", "--alpha", "0.3",
                                   "--range", "-2:4", "--samples", "5"});
    QCOMPARE(overridden.standardOutput, spelledOut.standardOutput);

    // Another function keeps the preset's range and samples.
    const Run relu = runCli({"curve", "--preset", m_preset, "--activation", "relu"});
    QCOMPARE(relu.standardOutput,
             runCli({"curve", "--activation", "relu", "--range", "-2:4", "--samples", "13"}).standardOutput);
}

void TestCliPreset::trainTakesThePresetsDefaults()
{
    const Run fromPreset = runCli({"train", "--preset", m_preset, "--steps", "20", "--every", "10"});
    QVERIFY2(fromPreset.exitCode == 0, qPrintable(fromPreset.standardError));
    const Run spelledOut =
            runCli({"train",    "--dataset",    "moons",      "--points",    "256", "--hidden",
                    "8,8",      "--activation", "leaky_relu", "--alpha",     "0.2", "--optimizer",
                    "momentum", "--lr",         "0.5",        "--init-seed", "5",   "--steps",
                    "20",       "--every",      "10"});
    QVERIFY2(spelledOut.exitCode == 0, qPrintable(spelledOut.standardError));
    QCOMPARE(fromPreset.standardOutput, spelledOut.standardOutput);
    const QList<QByteArray> lines = fromPreset.standardOutput.trimmed().split('\n');
    QCOMPARE(lines.size(), 4); // header, steps 0, 10, 20
    QVERIFY(lines.first().startsWith("step,loss,train_accuracy,test_accuracy,dead_l1,dead_l2,"));
    QVERIFY(!lines.first().contains("dead_l3"));
}

void TestCliPreset::trainOptionsOverrideThePreset()
{
    const Run overridden = runCli({"train", "--preset", m_preset, "--hidden", "4", "--lr", "0.01",
                                   "--steps", "10", "--every", "10"});
    QVERIFY2(overridden.exitCode == 0, qPrintable(overridden.standardError));
    const Run spelledOut =
            runCli({"train",    "--dataset",    "moons",      "--points",    "256", "--hidden",
                    "4",        "--activation", "leaky_relu", "--alpha",     "0.2", "--optimizer",
                    "momentum", "--lr",         "0.01",       "--init-seed", "5",   "--steps",
                    "10",       "--every",      "10"});
    QCOMPARE(overridden.standardOutput, spelledOut.standardOutput);
    QVERIFY(!overridden.standardOutput.contains("dead_l2"));
}

void TestCliPreset::raceTakesThePresetsTrainingSettings()
{
    // As train takes them: the lanes' activations are the race's own, the slope the preset's.
    const Run fromPreset = runCli({"race", "--preset", m_preset, "--activations", "relu,leaky_relu",
                                   "--steps", "20", "--every", "10"});
    QVERIFY2(fromPreset.exitCode == 0, qPrintable(fromPreset.standardError));
    const Run spelledOut = runCli({"race",
                                   "--dataset",
                                   "moons",
                                   "--points",
                                   "256",
                                   "--hidden",
                                   "8,8",
                                   "--alpha",
                                   "0.2",
                                   "--optimizer",
                                   "momentum",
                                   "--lr",
                                   "0.5",
                                   "--init-seed",
                                   "5",
                                   "--activations",
                                   "relu,leaky_relu",
                                   "--steps",
                                   "20",
                                   "--every",
                                   "10"});
    QVERIFY2(spelledOut.exitCode == 0, qPrintable(spelledOut.standardError));
    QCOMPARE(fromPreset.standardOutput, spelledOut.standardOutput);
    QCOMPARE(fromPreset.standardOutput.count('\n'), 1 + 3 * 2); // header, steps 0, 10, 20

    // A scenario and a preset both set every training setting: one at a time.
    const Run both = runCli({"race", "--preset", m_preset, "--scenario", "high-lr"});
    QCOMPARE(both.exitCode, 2);
    QCOMPARE(both.standardError,
             QStringLiteral("relulab-cli: --scenario and --preset: one at a time\n"));
}

void TestCliPreset::badPresets_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("curve, not JSON") << "curve" << QByteArray("not json") << "bad.json";
    QTest::newRow("train, wrong format")
            << "train" << QByteArray(R"({"format": "something-else", "version": 1})")
            << "bad.json: format";
    QTest::newRow("train, missing file") << "train" << QByteArray() << "missing.json";
    QTest::newRow("race, not JSON") << "race" << QByteArray("not json") << "bad.json";
    QTest::newRow("race, missing file") << "race" << QByteArray() << "missing.json";
}

void TestCliPreset::badPresets()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QString path = m_dir.filePath(QStringLiteral("missing.json"));
    if (!content.isEmpty()) {
        path = m_dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }
    const Run result = runCli({command, "--preset", path});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.standardError.startsWith(QStringLiteral("relulab-cli: ")),
             qPrintable(result.standardError));
    QVERIFY2(result.standardError.contains(message), qPrintable(result.standardError));
    QVERIFY(result.standardOutput.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliPreset)
#include "tst_clipreset.moc"
