// Presets: capture -> JSON -> parse -> apply restores every field of both models; the JSON is
// stable and readable; every malformed document is refused with a message naming the field and the
// file and leaves the models untouched; saving is atomic, also when the saving process is killed
// or the disk is full.
//
// The test binary doubles as the child process of the kill and full-disk tests (see main()), so
// that those save through this very library in a process of their own.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <variant>

#include <sys/resource.h>

#include "app/borndeadmodel.h"
#include "app/labmodel.h"
#include "app/parametermodel.h"
#include "app/preset.h"
#include "app/racemodel.h"

using relulab::app::BornDeadModel;
using relulab::app::BornDeadState;
using relulab::app::LabModel;
using relulab::app::LabState;
using relulab::app::LoadedPreset;
using relulab::app::MaxPresetSize;
using relulab::app::ParameterModel;
using relulab::app::Preset;
using relulab::app::PresetError;
using relulab::app::PresetResult;
using relulab::app::PresetTab;
using relulab::app::RaceModel;
using relulab::app::RaceState;
using relulab::core::Activation;
using Real = ParameterModel::Real;

namespace relulab::app {

// QCOMPARE prints a mismatching preset as its JSON, so a failure shows which field differs.
char *toString(const Preset &preset)
{
    return qstrdup(toJson(preset).constData());
}

} // namespace relulab::app

namespace {

const char HangBeforeCommitArgument[] = "--child-hang-before-commit";
const char SaveRepeatedlyArgument[] = "--child-save-repeatedly";
const char SaveWithSizeLimitArgument[] = "--child-save-with-size-limit";

constexpr std::uint64_t MaxSeed = std::numeric_limits<std::uint64_t>::max();

// The four models a preset sets, as the window holds them.
struct Models
{
    ParameterModel parameters;
    LabModel lab {&parameters};
    RaceModel race {&parameters};
    BornDeadModel bornDead;

    relulab::app::PresetModels all() { return {parameters, lab, race, bornDead}; }
    Preset capture(PresetTab tab) { return relulab::app::capture(all(), tab); }
    void apply(const Preset &preset) { relulab::app::apply(preset, all()); }
};

// Every field differs from its default (checked by everyFieldDiffersFromDefault).
void setOddState(Models &models)
{
    ParameterModel &parameters = models.parameters;
    LabModel &lab = models.lab;
    parameters.setSelectedActivation(Activation::Rrelu);
    parameters.setOverlay(Activation::Gelu, true);
    parameters.setOverlay(Activation::Silu, true);
    parameters.setValue(Real::XMin, -7.5);
    parameters.setValue(Real::XMax, 4.2);
    parameters.setSamples(2001);
    parameters.setValue(Real::LeakySlope, 0.2);
    parameters.setValue(Real::PreluWeight, -0.3);
    parameters.setValue(Real::EluAlpha, 1.7);
    parameters.setValue(Real::RreluUpper, 0.6);
    parameters.setValue(Real::RreluLower, 0.2);
    parameters.setRreluMode(relulab::core::RreluMode::Training);
    parameters.setRreluSeed(99);

    lab.setDataset(relulab::core::DatasetKind::Moons);
    lab.setPoints(700);
    lab.setNoise(0.12);
    lab.setDataSeed(5);
    lab.setDepth(5);
    lab.setWidth(12);
    lab.setActivation(Activation::Prelu);
    lab.setPreluPerUnit(true);
    lab.setComparison(std::nullopt);
    lab.setInitialization(relulab::core::Initialization::RandomizedAsymmetric);
    lab.setBiasInit(relulab::core::BiasInit::Constant);
    lab.setInitSeed(8);
    lab.setInitGain(0.7);
    lab.setOptimizer(relulab::core::OptimizerKind::Adam);
    lab.setLearningRate(0.03);
    lab.setWeightDecay(0.001);
    lab.setL1(0.0002);
    lab.setBatchSize(64);
    lab.setPrecision(relulab::core::Precision::Float);

    RaceModel &race = models.race;
    race.applyScenario(relulab::core::RacePresetKind::BadBiasInit);
    race.setActivations({Activation::Elu, Activation::Relu, Activation::Gelu});
    race.setTargetSteps(250);
    race.setMeasureEvery(5);
    LabModel &t = race.training();
    t.setDataset(relulab::core::DatasetKind::Circles);
    t.setPoints(300);
    t.setNoise(0.2);
    t.setDataSeed(6);
    t.setDepth(2);
    t.setWidth(9);
    t.setInitialization(relulab::core::Initialization::XavierUniform);
    t.setBiasValue(-0.5);
    t.setInitSeed(11);
    t.setInitGain(2.5);
    t.setOptimizer(relulab::core::OptimizerKind::Momentum);
    t.setLearningRate(0.5);
    t.setWeightDecay(0.05);
    t.setL1(1e-5);
    t.setBatchSize(32);
    t.setPrecision(relulab::core::Precision::Float);
    // Settings edited after a scenario are the user's own; name one to round-trip it too.
    race.setScenario(relulab::core::RacePresetKind::DeepAndNarrow);

    BornDeadModel &bornDead = models.bornDead;
    bornDead.setWidths({7, 3});
    bornDead.setDepths({40, 1, 6});
    bornDead.setNetworks(123);
    bornDead.setInputs(0);
    bornDead.setInputDim(2);
    bornDead.setBias(relulab::core::BornDeadBias::Normal);
    bornDead.setInit(relulab::core::BornDeadInit::RandomizedAsymmetric);
    bornDead.setCompare(true);
    bornDead.setSeed(77);
}

// What setOddState() sets, written out independently of capture().
Preset oddPreset()
{
    Preset p;
    p.tab = PresetTab::Lab;
    p.explorer.activation = Activation::Rrelu;
    p.explorer.overlays = {Activation::Gelu, Activation::Silu};
    p.explorer.params.leakySlope = 0.2;
    p.explorer.params.preluWeight = -0.3;
    p.explorer.params.eluAlpha = 1.7;
    p.explorer.params.rreluLower = 0.2;
    p.explorer.params.rreluUpper = 0.6;
    p.explorer.params.rreluMode = relulab::core::RreluMode::Training;
    p.explorer.params.rreluSeed = 99;
    p.explorer.xMin = -7.5;
    p.explorer.xMax = 4.2;
    p.explorer.samples = 2001;
    LabState &l = p.lab;
    l.dataset = relulab::core::DatasetKind::Moons;
    l.points = 700;
    l.noise = 0.12;
    l.dataSeed = 5;
    l.hiddenLayers = 5;
    l.unitsPerLayer = 12;
    l.activation = Activation::Prelu;
    l.preluPerUnit = true;
    l.comparison = std::nullopt;
    l.init = relulab::core::Initialization::RandomizedAsymmetric;
    l.biasInit = relulab::core::BiasInit::Constant;
    l.initSeed = 8;
    l.initGain = 0.7;
    l.optimizer = relulab::core::OptimizerKind::Adam;
    l.learningRate = 0.03;
    l.weightDecay = 0.001;
    l.l1 = 0.0002;
    l.batchSize = 64;
    l.precision = relulab::core::Precision::Float;
    RaceState &r = p.race;
    r.scenario = relulab::core::RacePresetKind::DeepAndNarrow;
    r.activations = {Activation::Relu, Activation::Elu, Activation::Gelu};
    r.steps = 250;
    r.measureEvery = 5;
    r.training.dataset = relulab::core::DatasetKind::Circles;
    r.training.points = 300;
    r.training.noise = 0.2;
    r.training.dataSeed = 6;
    r.training.hiddenLayers = 2;
    r.training.unitsPerLayer = 9;
    r.training.init = relulab::core::Initialization::XavierUniform;
    r.training.biasInit = relulab::core::BiasInit::Constant; // from the scenario
    r.training.initSeed = 11;
    r.training.initGain = 2.5;
    r.training.optimizer = relulab::core::OptimizerKind::Momentum;
    r.training.learningRate = 0.5;
    r.training.weightDecay = 0.05;
    r.training.l1 = 1e-5;
    r.training.batchSize = 32;
    r.training.precision = relulab::core::Precision::Float;
    r.biasValue = -0.5;
    relulab::core::BornDeadConfig &b = p.bornDead.config;
    b.widths = {7, 3};
    b.depths = {40, 1, 6};
    b.networks = 123;
    b.inputs = 0;
    b.inputDim = 2;
    b.bias = relulab::core::BornDeadBias::Normal;
    b.init = relulab::core::BornDeadInit::RandomizedAsymmetric;
    p.bornDead.compare = true;
    b.seed = 77;
    return p;
}

// A preset of almost MaxPresetSize bytes: its description is most of it.
Preset bigPreset(char fill)
{
    Preset p = oddPreset();
    p.title = QStringLiteral("big");
    p.description = QString(900'000, QLatin1Char(fill));
    return p;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.flush();
}

// savePreset()'s message, empty when it saved: QCOMPARE with QString() then shows the message.
QString saveError(const Preset &preset, const QString &path)
{
    return relulab::app::savePreset(preset, path).value_or(QString());
}

// validatePreset()'s message, empty for a valid preset.
QString validationError(const Preset &preset, const QString &fileName = QStringLiteral("preset"))
{
    return relulab::app::validatePreset(preset, fileName).value_or(QString());
}

QString messageOf(const PresetResult &result)
{
    const auto *error = std::get_if<PresetError>(&result);
    return error ? error->message : QString();
}

// The default preset's document with one field set (a dotted path, as in the messages) or, for an
// undefined value, removed.
QByteArray withField(const QString &path, const QJsonValue &value)
{
    QJsonObject root = QJsonDocument::fromJson(relulab::app::toJson(Preset {})).object();
    const QStringList keys = path.split(u'.');
    const auto set = [&value](QJsonObject &object, const QString &key) {
        if (value.isUndefined())
            object.remove(key);
        else
            object.insert(key, value);
    };
    if (keys.size() == 1) {
        set(root, keys.at(0));
    } else {
        QJsonObject section = root.value(keys.at(0)).toObject();
        set(section, keys.at(1));
        root.insert(keys.at(0), section);
    }
    return QJsonDocument(root).toJson();
}

QByteArray withFields(const QList<std::pair<QString, QJsonValue>> &fields)
{
    QByteArray json = relulab::app::toJson(Preset {});
    for (const auto &[path, value] : fields) {
        QJsonObject root = QJsonDocument::fromJson(json).object();
        const QStringList keys = path.split(u'.');
        QJsonObject section = root.value(keys.at(0)).toObject();
        section.insert(keys.at(1), value);
        root.insert(keys.at(0), section);
        json = QJsonDocument(root).toJson();
    }
    return json;
}

// The directory holds `target` and at most QSaveFile's temporaries of it ("lesson.json.XXXXXX",
// left behind by a killed save where the system has no anonymous temporary files; on Linux,
// O_TMPFILE leaves none): no half-written file under the target's name or any other.
bool onlyTargetAndTemporaries(const QString &directory, const QString &target)
{
    const QStringList files = QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &file : files) {
        if (file != target && !file.startsWith(target + u'.')) {
            qWarning("unexpected file %s", qPrintable(file));
            return false;
        }
    }
    return files.count(target) == 1;
}

// Reads lines from a child until one equals `line`; false if the child ends or stays silent.
bool waitForLine(QProcess &process, const QByteArray &line)
{
    while (process.waitForReadyRead(20'000)) {
        while (process.canReadLine()) {
            if (process.readLine().trimmed() == line)
                return true;
        }
    }
    return false;
}

// The child of killBeforeCommitKeepsOldFile: does what savePreset() does up to its commit (a
// QSaveFile written in full) and then waits to be killed.
int hangBeforeCommit(const QString &path)
{
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    const QByteArray json = relulab::app::toJson(bigPreset('k'));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.flush())
        return 2;
    std::fputs("written\n", stdout);
    std::fflush(stdout);
    QThread::sleep(600);
    return 3; // never reached: the parent kills this process
}

// The child of killWhileSavingLeavesWholeFile: saves two presets in turn until it is killed.
int saveRepeatedly(const QString &path)
{
    const Preset presets[] = {bigPreset('a'), bigPreset('b')};
    for (int i = 0;; ++i) {
        if (relulab::app::savePreset(presets[i % 2], path))
            return 2;
        if (i == 1) {
            std::fputs("saved\n", stdout);
            std::fflush(stdout);
        }
    }
}

// The child of fullDiskKeepsOldFile: a file size limit makes the disk "full" after `limit` bytes
// (a write then fails with EFBIG instead of raising SIGXFSZ). Saves the big preset or the odd one
// and prints savePreset()'s message; exit code 0 when the save failed as it should.
int saveWithSizeLimit(const QString &path, const QString &limitText, const QString &which)
{
    std::signal(SIGXFSZ, SIG_IGN);
    const auto limit = static_cast<rlim_t>(limitText.toULongLong());
    const rlimit fileSize {limit, limit};
    if (setrlimit(RLIMIT_FSIZE, &fileSize) != 0)
        return 2;
    const Preset preset = which == QLatin1String("big") ? bigPreset('f') : oddPreset();
    const auto error = relulab::app::savePreset(preset, path);
    std::fputs(error ? qPrintable(*error) : "saved", stdout);
    std::fflush(stdout);
    return error ? 0 : 1;
}

} // namespace

class TestPreset : public QObject
{
    Q_OBJECT

private slots:
    void defaultPresetIsTheModelsDefaults();
    void everyFieldDiffersFromDefault();
    void roundTripRestoresEveryField();
    void titleAndDescriptionRoundTrip();
    void applyNeverPushesABound_data();
    void applyNeverPushesABound();
    void seedsRoundTrip_data();
    void seedsRoundTrip();
    void jsonIsStableAndReadable();
    void defaultJsonMatchesTheReferenceFile();
    void handWrittenFileLoads();
    void version1Reads();
    void gainAndPenaltiesAreOptional();
    void comparisonIsOptional();
    void malformed_data();
    void malformed();
    void messageIsExact();
    void allMistakesAreReported();
    void unknownFieldsWarn();
    void repeatedOverlayWarns();
    void manyRepeatsWarnOnce();
    void largestFileLoads();
    void unreadableFiles();
    void validateCodePresets();
    void tabNames();
    void saveAndLoad();
    void saveOverExistingFile();
    void saveIntoMissingDirectoryFails();
    void fullDiskKeepsOldFile_data();
    void fullDiskKeepsOldFile();
    void oversizedPresetIsNotSaved();
    void invalidPresetIsNotSaved();
    void killBeforeCommitKeepsOldFile();
    void killWhileSavingLeavesWholeFile();
};

void TestPreset::defaultPresetIsTheModelsDefaults()
{
    Models models;
    QCOMPARE(models.capture(PresetTab::Explorer), Preset {});
    QCOMPARE(validationError(Preset {}), QString());
}

void TestPreset::everyFieldDiffersFromDefault()
{
    // The round trip below proves each field only if no field keeps its default.
    const Preset d;
    const Preset o = oddPreset();
    const auto &dp = d.explorer.params;
    const auto &op = o.explorer.params;
    QVERIFY(o.tab != d.tab);
    QVERIFY(o.explorer.activation != d.explorer.activation);
    QVERIFY(o.explorer.overlays != d.explorer.overlays);
    QVERIFY(op.leakySlope != dp.leakySlope);
    QVERIFY(op.preluWeight != dp.preluWeight);
    QVERIFY(op.eluAlpha != dp.eluAlpha);
    QVERIFY(op.rreluLower != dp.rreluLower);
    QVERIFY(op.rreluUpper != dp.rreluUpper);
    QVERIFY(op.rreluMode != dp.rreluMode);
    QVERIFY(op.rreluSeed != dp.rreluSeed);
    QVERIFY(o.explorer.xMin != d.explorer.xMin);
    QVERIFY(o.explorer.xMax != d.explorer.xMax);
    QVERIFY(o.explorer.samples != d.explorer.samples);
    const LabState &ol = o.lab;
    const LabState &dl = d.lab;
    QVERIFY(ol.dataset != dl.dataset);
    QVERIFY(ol.points != dl.points);
    QVERIFY(ol.noise != dl.noise);
    QVERIFY(ol.dataSeed != dl.dataSeed);
    QVERIFY(ol.hiddenLayers != dl.hiddenLayers);
    QVERIFY(ol.unitsPerLayer != dl.unitsPerLayer);
    QVERIFY(ol.activation != dl.activation);
    QVERIFY(ol.preluPerUnit != dl.preluPerUnit);
    QVERIFY(ol.comparison != dl.comparison);
    QVERIFY(ol.init != dl.init);
    QVERIFY(ol.biasInit != dl.biasInit);
    QVERIFY(ol.initSeed != dl.initSeed);
    QVERIFY(ol.optimizer != dl.optimizer);
    QVERIFY(ol.learningRate != dl.learningRate);
    QVERIFY(ol.initGain != dl.initGain);
    QVERIFY(ol.weightDecay != dl.weightDecay);
    QVERIFY(ol.l1 != dl.l1);
    QVERIFY(ol.batchSize != dl.batchSize);
    QVERIFY(ol.precision != dl.precision);
    const RaceState &orr = o.race;
    const RaceState &dr = d.race;
    QVERIFY(orr.scenario != dr.scenario);
    QVERIFY(orr.activations != dr.activations);
    QVERIFY(orr.steps != dr.steps);
    QVERIFY(orr.measureEvery != dr.measureEvery);
    QVERIFY(orr.biasValue != dr.biasValue);
    const relulab::app::TrainingState &ot = orr.training;
    const relulab::app::TrainingState &dt = dr.training;
    QVERIFY(ot.dataset != dt.dataset);
    QVERIFY(ot.points != dt.points);
    QVERIFY(ot.noise != dt.noise);
    QVERIFY(ot.dataSeed != dt.dataSeed);
    QVERIFY(ot.hiddenLayers != dt.hiddenLayers);
    QVERIFY(ot.unitsPerLayer != dt.unitsPerLayer);
    QVERIFY(ot.init != dt.init);
    QVERIFY(ot.biasInit != dt.biasInit);
    QVERIFY(ot.initSeed != dt.initSeed);
    QVERIFY(ot.optimizer != dt.optimizer);
    QVERIFY(ot.learningRate != dt.learningRate);
    QVERIFY(ot.initGain != dt.initGain);
    QVERIFY(ot.weightDecay != dt.weightDecay);
    QVERIFY(ot.l1 != dt.l1);
    QVERIFY(ot.batchSize != dt.batchSize);
    QVERIFY(ot.precision != dt.precision);
    const relulab::core::BornDeadConfig &ob = o.bornDead.config;
    const relulab::core::BornDeadConfig &db = d.bornDead.config;
    QVERIFY(ob.widths != db.widths);
    QVERIFY(ob.depths != db.depths);
    QVERIFY(ob.networks != db.networks);
    QVERIFY(ob.inputs != db.inputs);
    QVERIFY(ob.inputDim != db.inputDim);
    QVERIFY(ob.bias != db.bias);
    QVERIFY(ob.init != db.init);
    QVERIFY(ob.seed != db.seed);
    QVERIFY(o.bornDead.compare != d.bornDead.compare);
}

void TestPreset::roundTripRestoresEveryField()
{
    Models models;
    setOddState(models);
    const Preset captured = models.capture(PresetTab::Lab);
    QCOMPARE(captured, oddPreset());

    const PresetResult parsed =
            relulab::app::parsePreset(relulab::app::toJson(captured), QStringLiteral("odd.json"));
    QVERIFY2(std::holds_alternative<LoadedPreset>(parsed), qPrintable(messageOf(parsed)));
    const LoadedPreset &loaded = std::get<LoadedPreset>(parsed);
    QVERIFY(loaded.warnings.isEmpty());
    QCOMPARE(loaded.preset, captured);

    Models fresh;
    QSignalSpy pushed(&fresh.parameters, &ParameterModel::boundPushed);
    fresh.apply(loaded.preset);
    QCOMPARE(fresh.capture(PresetTab::Lab), captured);
    QCOMPARE(pushed.count(), 0);
    // What the lab and the race train on follows: the explorer's parameters merged into theirs.
    QCOMPARE(fresh.lab.config(), models.lab.config());
    QCOMPARE(fresh.race.config(), models.race.config());
    QCOMPARE(fresh.race.activations(), models.race.activations());
    QCOMPARE(fresh.bornDead.series(), models.bornDead.series());
    QCOMPARE(fresh.parameters.curveSpec(), models.parameters.curveSpec());
}

void TestPreset::titleAndDescriptionRoundTrip()
{
    Preset p = oddPreset();
    p.title = QStringLiteral("(2) 死亡神经元: the dying ReLU");
    p.description = QStringLiteral("A \"high\" learning rate\nkills units.\t\\ 学习率 = 0.5");
    const QByteArray json = relulab::app::toJson(p);
    const PresetResult parsed = relulab::app::parsePreset(json, QStringLiteral("lesson.json"));
    QVERIFY2(std::holds_alternative<LoadedPreset>(parsed), qPrintable(messageOf(parsed)));
    QCOMPARE(std::get<LoadedPreset>(parsed).preset, p);
    // Chinese stays readable in the file (UTF-8, not \u escapes).
    QVERIFY(json.contains(QStringLiteral("死亡神经元").toUtf8()));
}

void TestPreset::applyNeverPushesABound_data()
{
    QTest::addColumn<double>("oldLower");
    QTest::addColumn<double>("oldUpper");
    QTest::addColumn<double>("newLower");
    QTest::addColumn<double>("newUpper");
    // Setting the lower bound first would push the upper one here...
    QTest::newRow("moving up") << 0.0 << 0.1 << 0.8 << 0.9;
    // ...and setting the upper bound first here.
    QTest::newRow("moving down") << 0.8 << 0.9 << 0.0 << 0.1;
    QTest::newRow("widening") << 0.4 << 0.5 << 0.0 << 1.0;
    QTest::newRow("narrowing to a point") << 0.0 << 1.0 << 0.5 << 0.5;
    QTest::newRow("upper onto old lower") << 0.5 << 0.7 << 0.2 << 0.5;
}

void TestPreset::applyNeverPushesABound()
{
    QFETCH(double, oldLower);
    QFETCH(double, oldUpper);
    QFETCH(double, newLower);
    QFETCH(double, newUpper);
    Models models;
    ParameterModel &parameters = models.parameters;
    parameters.setValue(Real::RreluUpper, 1.0);
    parameters.setValue(Real::RreluLower, oldLower);
    parameters.setValue(Real::RreluUpper, oldUpper);
    QCOMPARE(parameters.value(Real::RreluLower), oldLower);

    Preset p;
    p.explorer.params.rreluLower = newLower;
    p.explorer.params.rreluUpper = newUpper;
    QSignalSpy pushed(&parameters, &ParameterModel::boundPushed);
    models.apply(p);
    QCOMPARE(pushed.count(), 0);
    QCOMPARE(parameters.value(Real::RreluLower), newLower);
    QCOMPARE(parameters.value(Real::RreluUpper), newUpper);
}

void TestPreset::seedsRoundTrip_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<QByteArray>("spelling");
    QTest::newRow("0") << quint64(0) << QByteArray("0");
    QTest::newRow("2^53 - 1, the largest number")
            << quint64(9007199254740991) << QByteArray("9007199254740991");
    QTest::newRow("2^53, a string") << quint64(9007199254740992) << QByteArray("\"9007199254740992\"");
    QTest::newRow("2^64 - 1") << quint64(MaxSeed) << QByteArray("\"18446744073709551615\"");
}

void TestPreset::seedsRoundTrip()
{
    QFETCH(quint64, seed);
    QFETCH(QByteArray, spelling);
    Preset p;
    p.explorer.params.rreluSeed = seed;
    p.lab.dataSeed = seed;
    p.lab.initSeed = seed;
    p.race.training.dataSeed = seed;
    p.race.training.initSeed = seed;
    const QByteArray json = relulab::app::toJson(p);
    for (const char *key : {"rrelu_seed", "data_seed", "init_seed"})
        QVERIFY(json.contains('"' + QByteArray(key) + "\": " + spelling + ",\n"));
    const PresetResult parsed = relulab::app::parsePreset(json, QStringLiteral("seeds.json"));
    QVERIFY2(std::holds_alternative<LoadedPreset>(parsed), qPrintable(messageOf(parsed)));
    QCOMPARE(std::get<LoadedPreset>(parsed).preset, p);

    Models models;
    models.apply(p);
    QCOMPARE(models.parameters.rreluSeed(), seed);
    QCOMPARE(models.lab.dataSeed(), seed);
    QCOMPARE(models.lab.initSeed(), seed);
    QCOMPARE(models.race.training().dataSeed(), seed);
    QCOMPARE(models.race.training().initSeed(), seed);
}

void TestPreset::jsonIsStableAndReadable()
{
    Preset p = oddPreset();
    p.title = QStringLiteral("Odd");
    const QByteArray json = relulab::app::toJson(p);
    QCOMPARE(relulab::app::toJson(p), json);
    // The same state reached another way gives the same bytes.
    Models models;
    setOddState(models);
    Preset captured = models.capture(PresetTab::Lab);
    captured.title = QStringLiteral("Odd");
    QCOMPARE(relulab::app::toJson(captured), json);

    QJsonParseError error;
    QVERIFY(QJsonDocument::fromJson(json, &error).isObject());
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(json.startsWith("{\n    \"format\": \"relulab-preset\",\n    \"version\": 2,\n"));
    QVERIFY(json.contains("\n    \"explorer\": {\n        \"activation\": \"rrelu\",\n"));
    QVERIFY(json.contains("\n        \"overlays\": [\"gelu\", \"silu\"],\n"));
    QVERIFY(json.contains("\n        \"learning_rate\": 0.03,\n"));
    // The optional three where their controls are: the gain after the initialisation, the
    // penalties after the learning rate.
    QVERIFY(json.contains("\n        \"init\": \"rai\",\n        \"init_gain\": 0.7,\n"));
    QVERIFY(json.contains("\n        \"learning_rate\": 0.03,\n        \"weight_decay\": 0.001,\n"
                          "        \"l1\": 0.0002,\n"));
    QVERIFY(json.contains("\n        \"init_gain\": 2.5,\n"));
    QVERIFY(json.contains("\n        \"weight_decay\": 0.05,\n        \"l1\": 1e-05,\n"));
    QVERIFY(json.contains("\n        \"scenario\": \"deep-narrow\",\n"));
    QVERIFY(json.contains("\n        \"activations\": [\"relu\", \"elu\", \"gelu\"],\n"));
    QVERIFY(json.contains("\n        \"widths\": [7, 3],\n"));
    QVERIFY(json.endsWith("\n    }\n}\n"));
    // Fields in the order of the format, not sorted.
    qsizetype previous = -1;
    for (const char *key :
         {"\"format\"", "\"version\"", "\"title\"", "\"tab\"", "\"explorer\"", "\"x_min\"",
          "\"lab\": {", "\"dataset\"", "\"precision\"", "\"race\": {", "\"scenario\"",
          "\"bias_value\"", "\"born_dead\": {", "\"widths\"", "\"seed\": 77"}) {
        const qsizetype at = json.indexOf(key);
        QVERIFY2(at > previous, key);
        previous = at;
    }
    // One field a line: a diff between two presets shows the fields that differ.
    QCOMPARE(json.count('\n'), 75);
}

void TestPreset::defaultJsonMatchesTheReferenceFile()
{
    // The written format is part of the contract: a change shows up here and in a diff of this file.
    const QString path = QFINDTESTDATA("../data/presets/default.json");
    QVERIFY(!path.isEmpty());
    QCOMPARE(relulab::app::toJson(Preset {}), readAll(path));
    const PresetResult loaded = relulab::app::loadPreset(path);
    QVERIFY2(std::holds_alternative<LoadedPreset>(loaded), qPrintable(messageOf(loaded)));
    QCOMPARE(std::get<LoadedPreset>(loaded).preset, Preset {});
}

void TestPreset::handWrittenFileLoads()
{
    const QString path = QFINDTESTDATA("../data/presets/hand-written.json");
    QVERIFY(!path.isEmpty());
    const PresetResult loaded = relulab::app::loadPreset(path);
    QVERIFY2(std::holds_alternative<LoadedPreset>(loaded), qPrintable(messageOf(loaded)));
    Preset expected = oddPreset();
    expected.title = QStringLiteral("Hand-written (死亡神经元)");
    expected.description = QStringLiteral(
            "Fields in any order, two-space indents, seeds as strings:\na file written by hand.");
    expected.lab.dataSeed = MaxSeed;
    // It predates the init gain, the penalties and the comparison: absent, they are their defaults.
    expected.lab.initGain = 1.0;
    expected.lab.weightDecay = 0.0;
    expected.lab.l1 = 0.0;
    expected.lab.comparison = Activation::Sigmoid;
    // A version 1 file: the race and born-dead take their defaults.
    expected.race = RaceState {};
    expected.bornDead = BornDeadState {};
    QCOMPARE(std::get<LoadedPreset>(loaded).preset, expected);
    QVERIFY(std::get<LoadedPreset>(loaded).warnings.isEmpty());
}

void TestPreset::version1Reads()
{
    // A version 1 document: no "race" or "born_dead". Those take their defaults; a "race" in a
    // version 1 file means nothing and is ignored with a warning.
    QJsonObject root = QJsonDocument::fromJson(relulab::app::toJson(oddPreset())).object();
    root.insert(QStringLiteral("version"), 1);
    root.remove(QStringLiteral("born_dead"));
    const PresetResult parsed =
            relulab::app::parsePreset(QJsonDocument(root).toJson(), QStringLiteral("v1.json"));
    QVERIFY2(std::holds_alternative<LoadedPreset>(parsed), qPrintable(messageOf(parsed)));
    Preset expected = oddPreset();
    expected.race = RaceState {};
    expected.bornDead = BornDeadState {};
    QCOMPARE(std::get<LoadedPreset>(parsed).preset, expected);
    QCOMPARE(std::get<LoadedPreset>(parsed).warnings,
             QStringList(QStringLiteral("v1.json: unknown field race ignored")));

    // Applied, it sets the race and born-dead back to their defaults.
    Models models;
    setOddState(models);
    models.apply(std::get<LoadedPreset>(parsed).preset);
    QCOMPARE(models.capture(PresetTab::Lab), expected);
    QVERIFY(!models.race.scenario());
    QCOMPARE(models.bornDead.series().size(), std::size_t(1));
}

void TestPreset::gainAndPenaltiesAreOptional()
{
    // At their defaults they are not written: the default document is what it was before them.
    const QByteArray plain = relulab::app::toJson(Preset {});
    for (const char *key : {"\"init_gain\"", "\"weight_decay\"", "\"l1\""})
        QVERIFY2(!plain.contains(key), key);

    // Left out of a document that sets everything else, they take their defaults in both
    // sections, silently (they are known fields, not unknown ones).
    QJsonObject root = QJsonDocument::fromJson(relulab::app::toJson(oddPreset())).object();
    for (const QString &section : {QStringLiteral("lab"), QStringLiteral("race")}) {
        QJsonObject object = root.value(section).toObject();
        QVERIFY(object.contains(QStringLiteral("init_gain")));
        for (const QString &key :
             {QStringLiteral("init_gain"), QStringLiteral("weight_decay"), QStringLiteral("l1")})
            object.remove(key);
        root.insert(section, object);
    }
    const PresetResult parsed =
            relulab::app::parsePreset(QJsonDocument(root).toJson(), QStringLiteral("old.json"));
    QVERIFY2(std::holds_alternative<LoadedPreset>(parsed), qPrintable(messageOf(parsed)));
    QVERIFY(std::get<LoadedPreset>(parsed).warnings.isEmpty());
    Preset expected = oddPreset();
    for (relulab::app::TrainingState *t :
         {static_cast<relulab::app::TrainingState *>(&expected.lab), &expected.race.training}) {
        t->initGain = 1.0;
        t->weightDecay = 0.0;
        t->l1 = 0.0;
    }
    QCOMPARE(std::get<LoadedPreset>(parsed).preset, expected);

    // Applied over models that use them, such a file sets them back to the defaults.
    Models models;
    setOddState(models);
    QCOMPARE(models.lab.weightDecay(), 0.001);
    models.apply(std::get<LoadedPreset>(parsed).preset);
    QCOMPARE(models.lab.initGain(), 1.0);
    QCOMPARE(models.lab.weightDecay(), 0.0);
    QCOMPARE(models.lab.l1(), 0.0);
    QCOMPARE(models.race.training().initGain(), 1.0);
    QCOMPARE(models.race.training().weightDecay(), 0.0);
    QCOMPARE(models.race.training().l1(), 0.0);

    // One alone, at the ends of its range, and exactly as written.
    for (const auto &[key, value] :
         {std::pair {"init_gain", 0.1}, std::pair {"init_gain", 10.0},
          std::pair {"weight_decay", 10.0}, std::pair {"weight_decay", 1e-5},
          std::pair {"l1", 10.0}, std::pair {"l1", 3e-7}}) {
        const PresetResult one = relulab::app::parsePreset(
                withField(QStringLiteral("lab.") + QLatin1String(key), value),
                QStringLiteral("one.json"));
        QVERIFY2(std::holds_alternative<LoadedPreset>(one), qPrintable(messageOf(one)));
        const LabState &l = std::get<LoadedPreset>(one).preset.lab;
        const double read = qstrcmp(key, "init_gain") == 0 ? l.initGain
                : qstrcmp(key, "weight_decay") == 0        ? l.weightDecay
                                                           : l.l1;
        QCOMPARE(read, value);
        Models applied;
        applied.apply(std::get<LoadedPreset>(one).preset);
        QCOMPARE(applied.capture(PresetTab::Explorer).lab, l);
    }
}

// The gradient-flow tab's comparison: written only when not sigmoid, null for none, absent for
// sigmoid (every earlier file), and restored into the lab's model.
void TestPreset::comparisonIsOptional()
{
    // (Born-dead's "compare" is another field.)
    QVERIFY(!relulab::app::toJson(Preset {}).contains("\"prelu_per_unit\": false,\n        \"compare\""));
    Preset none;
    none.lab.comparison = std::nullopt;
    const QByteArray noneJson = relulab::app::toJson(none);
    QVERIFY(noneJson.contains("\n        \"prelu_per_unit\": false,\n        \"compare\": null,\n"));
    Preset tanh;
    tanh.lab.comparison = Activation::Tanh;
    QVERIFY(relulab::app::toJson(tanh).contains("\"compare\": \"tanh\","));
    for (const Preset &preset : {none, tanh}) {
        const PresetResult parsed =
                relulab::app::parsePreset(relulab::app::toJson(preset), QStringLiteral("c.json"));
        QVERIFY2(std::holds_alternative<LoadedPreset>(parsed), qPrintable(messageOf(parsed)));
        QVERIFY(std::get<LoadedPreset>(parsed).warnings.isEmpty());
        QCOMPARE(std::get<LoadedPreset>(parsed).preset, preset);
        Models models;
        models.apply(preset);
        QCOMPARE(models.lab.comparison(), preset.lab.comparison);
        QCOMPARE(models.capture(PresetTab::GradientFlow).lab.comparison, preset.lab.comparison);
    }
    // Absent over a model that compares with nothing: back to sigmoid.
    Models models;
    models.lab.setComparison(std::nullopt);
    const PresetResult plain =
            relulab::app::parsePreset(relulab::app::toJson(Preset {}), QStringLiteral("p.json"));
    models.apply(std::get<LoadedPreset>(plain).preset);
    QCOMPARE(models.lab.comparison(), std::optional(Activation::Sigmoid));
}

void TestPreset::malformed_data()
{
    QTest::addColumn<QByteArray>("document");
    // What the message must say besides the file name: the field, or what is wrong with the file.
    QTest::addColumn<QString>("expected");
    const QJsonValue missing = QJsonValue(QJsonValue::Undefined);
    const QByteArray valid = relulab::app::toJson(Preset {});

    QTest::newRow("not JSON") << valid.left(valid.size() / 2) << QStringLiteral("not JSON");
    QTest::newRow("number beyond a double")
            << QByteArray(valid).replace("\"noise\": 0.05", "\"noise\": 1e999")
            << QStringLiteral("not JSON: illegal number at line 22");
    QTest::newRow("JSON array") << QByteArray("[1, 2]") << QStringLiteral("JSON array");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("is empty");
    QTest::newRow("only white space") << QByteArray(" \n\t\n") << QStringLiteral("is empty");
    QTest::newRow("1 MiB + 1 byte") << valid + QByteArray(MaxPresetSize + 1 - valid.size(), ' ')
                                    << QStringLiteral("larger than a preset may be");

    QTest::newRow("format other") << withField(QStringLiteral("format"), QStringLiteral("other"))
                                  << QStringLiteral(
                                             "format must be \"relulab-preset\", got \"other\"");
    QTest::newRow("format missing")
            << withField(QStringLiteral("format"), missing) << QStringLiteral("format is missing");
    QTest::newRow("version 3") << withField(QStringLiteral("version"), 3)
                               << QStringLiteral("version 3 is not supported: this ReLU Lab reads "
                                                 "version 1–2 (the file is from a newer one)");
    QTest::newRow("version 1.5") << withField(QStringLiteral("version"), 1.5)
                                 << QStringLiteral("version 1.5 is not supported");
    QTest::newRow("version 0") << withField(QStringLiteral("version"), 0)
                               << QStringLiteral("version 0 is not supported");
    QTest::newRow("version as text") << withField(QStringLiteral("version"), QStringLiteral("1"))
                                     << QStringLiteral("version must be a number, got \"1\"");
    QTest::newRow("version missing") << withField(QStringLiteral("version"), missing)
                                     << QStringLiteral("version is missing");

    QTest::newRow("tab missing") << withField(QStringLiteral("tab"), missing)
                                 << QStringLiteral("tab is missing");
    QTest::newRow("tab unknown") << withField(QStringLiteral("tab"), QStringLiteral("settings"))
                                 << QStringLiteral("tab must be one of explorer, lab");
    QTest::newRow("title a number") << withField(QStringLiteral("title"), 5)
                                    << QStringLiteral("title must be a string, got 5");
    QTest::newRow("lab missing") << withField(QStringLiteral("lab"), missing)
                                 << QStringLiteral("lab is missing");
    QTest::newRow("explorer null") << withField(QStringLiteral("explorer"), QJsonValue())
                                   << QStringLiteral("explorer must be an object, got null");
    QTest::newRow("race missing") << withField(QStringLiteral("race"), missing)
                                  << QStringLiteral("race is missing");
    QTest::newRow("born_dead missing") << withField(QStringLiteral("born_dead"), missing)
                                       << QStringLiteral("born_dead is missing");
    QTest::newRow("race.scenario missing") << withField(QStringLiteral("race.scenario"), missing)
                                           << QStringLiteral("race.scenario is missing");
    QTest::newRow("born_dead.seed missing") << withField(QStringLiteral("born_dead.seed"), missing)
                                            << QStringLiteral("born_dead.seed is missing");
    QTest::newRow("explorer.samples missing") << withField(QStringLiteral("explorer.samples"), missing)
                                              << QStringLiteral("explorer.samples is missing");

    const auto row = [](const char *path, const QJsonValue &value, const char *expected) {
        const QString field = QLatin1String(path);
        QTest::addRow("%s = %s", path,
                      qPrintable(QString::fromUtf8(
                              QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))))
                << withField(field, value) << QString::fromUtf8(expected);
    };
    // Explorer: names, types, ranges.
    row("explorer.activation", QStringLiteral("relu6"),
        "explorer.activation must be one of relu, leaky_relu,");
    row("explorer.activation", 0, "explorer.activation must be one of");
    row("explorer.overlays", QStringLiteral("gelu"),
        "explorer.overlays must be an array of function names (relu, ");
    row("explorer.overlays", QJsonArray {QStringLiteral("gelu"), QStringLiteral("swish")},
        "explorer.overlays[1] must be one of relu,");
    row("explorer.overlays", QJsonArray {QStringLiteral("gelu"), 3},
        "explorer.overlays[1] must be one of");
    row("explorer.leaky_slope", -0.1, "explorer.leaky_slope must be a number between 0 and 1, got -0.1");
    row("explorer.leaky_slope", QStringLiteral("0.1"), "explorer.leaky_slope must be a number");
    row("explorer.prelu_weight", 2.5, "explorer.prelu_weight must be a number between -1 and 2");
    row("explorer.elu_alpha", QJsonValue(),
        "explorer.elu_alpha must be a number between 0 and 3, got null");
    row("explorer.elu_alpha", true, "explorer.elu_alpha must be a number");
    row("explorer.rrelu_lower", 1.5, "explorer.rrelu_lower must be a number between 0 and 1");
    row("explorer.rrelu_upper", -1e-9, "explorer.rrelu_upper must be a number between 0 and 1");
    row("explorer.rrelu_mode", QStringLiteral("training"),
        "explorer.rrelu_mode must be one of train, eval, got \"training\"");
    row("explorer.rrelu_seed", -1, "explorer.rrelu_seed must be a whole number between 0 and");
    row("explorer.rrelu_seed", 1.5, "explorer.rrelu_seed must be a whole number");
    row("explorer.rrelu_seed", QStringLiteral("abc"), "explorer.rrelu_seed must be a whole number");
    row("explorer.rrelu_seed", QStringLiteral("18446744073709551616"),
        "explorer.rrelu_seed must be a whole number");
    row("explorer.rrelu_seed", QStringLiteral("-1"), "explorer.rrelu_seed must be a whole number");
    row("explorer.x_min", 0, "explorer.x_min must be a number between -50 and -0.1, got 0");
    row("explorer.x_min", QStringLiteral("-3"), "explorer.x_min must be a number");
    row("explorer.x_max", 51, "explorer.x_max must be a number between 0.1 and 50, got 51");
    row("explorer.samples", 10, "explorer.samples must be a whole number between 11 and 100001");
    row("explorer.samples", 100002, "explorer.samples must be a whole number");
    row("explorer.samples", 1001.5, "explorer.samples must be a whole number");
    // Lab.
    row("lab.dataset", QStringLiteral("spiral"),
        "lab.dataset must be one of spirals, circles, xor, blobs, moons, got \"spiral\"");
    row("lab.points", QStringLiteral("1024"),
        "lab.points must be an even whole number between 16 and 4096, got \"1024\"");
    row("lab.points", 701, "lab.points must be an even whole number");
    row("lab.points", 8, "lab.points must be an even whole number between 16 and 4096, got 8");
    row("lab.points", 5000, "lab.points must be an even whole number");
    row("lab.noise", 1e308, "lab.noise must be a number between 0 and 0.5, got 1e+308");
    row("lab.noise", QStringLiteral("nan"), "lab.noise must be a number between 0 and 0.5, got \"nan\"");
    row("lab.noise", -0.1, "lab.noise must be a number between 0 and 0.5");
    row("lab.data_seed", 9007199254740992.0,
        "lab.data_seed must be a whole number between 0 and "
        "9007199254740991, or a decimal string");
    row("lab.data_seed", QJsonValue(qint64(9007199254740993)), "lab.data_seed must be a whole number");
    row("lab.hidden_layers", 0, "lab.hidden_layers must be a whole number between 1 and 32");
    row("lab.hidden_layers", 33, "lab.hidden_layers must be a whole number between 1 and 32");
    row("lab.units_per_layer", 129, "lab.units_per_layer must be a whole number between 1 and 128");
    row("lab.activation", QStringLiteral("relu6"), "lab.activation must be one of relu,");
    row("lab.prelu_per_unit", 1, "lab.prelu_per_unit must be true or false, got 1");
    row("lab.prelu_per_unit", QStringLiteral("true"), "lab.prelu_per_unit must be true or false");
    row("lab.init", QStringLiteral("he"),
        "lab.init must be one of he-normal, xavier-uniform, uniform, rai, got \"he\"");
    row("lab.bias_init", QStringLiteral("one"), "lab.bias_init must be one of zero, constant");
    row("lab.init_seed", 2.5, "lab.init_seed must be a whole number");
    row("lab.optimizer", QStringLiteral("rmsprop"), "lab.optimizer must be one of sgd, momentum, adam");
    row("lab.learning_rate", 0, "lab.learning_rate must be a number between 0.0001 and 10, got 0");
    row("lab.learning_rate", 1e9,
        "lab.learning_rate must be a number between 0.0001 and 10, got 1000000000");
    row("lab.learning_rate", QStringLiteral("abc"), "lab.learning_rate must be a number");
    row("lab.batch_size", -1, "lab.batch_size must be a whole number between 0 and 4096, got -1");
    row("lab.batch_size", 4097, "lab.batch_size must be a whole number between 0 and 4096");
    row("lab.batch_size", 32.5, "lab.batch_size must be a whole number");
    row("lab.precision", QStringLiteral("half"), "lab.precision must be one of float, double");
    row("lab.compare", QStringLiteral("relu6"), "lab.compare must be null (no comparison) or one of relu,");
    row("lab.compare", 1, "lab.compare must be null (no comparison) or one of relu,");
    // The optional ones are checked like the others when they are there.
    row("lab.init_gain", 0, "lab.init_gain must be a number between 0.1 and 10, got 0");
    row("lab.init_gain", 0.05, "lab.init_gain must be a number between 0.1 and 10, got 0.05");
    row("lab.init_gain", 10.5, "lab.init_gain must be a number between 0.1 and 10, got 10.5");
    row("lab.init_gain", QStringLiteral("2"),
        "lab.init_gain must be a number between 0.1 and 10, got \"2\"");
    row("lab.init_gain", QJsonValue(), "lab.init_gain must be a number between 0.1 and 10, got null");
    row("lab.weight_decay", -0.001,
        "lab.weight_decay must be a number between 0 and 10, got -0.001");
    row("lab.weight_decay", 11, "lab.weight_decay must be a number between 0 and 10, got 11");
    row("lab.weight_decay", QStringLiteral("1e-4"),
        "lab.weight_decay must be a number between 0 and 10, got \"1e-4\"");
    row("lab.weight_decay", false, "lab.weight_decay must be a number between 0 and 10, got false");
    row("lab.l1", -1e-9, "lab.l1 must be a number between 0 and 10, got -1e-09");
    row("lab.l1", 1e300, "lab.l1 must be a number between 0 and 10, got 1e+300");
    row("lab.l1", QJsonArray {0.1}, "lab.l1 must be a number between 0 and 10, got [0.1]");
    // Race: its own fields, then the training fields it shares with the lab (read by the same
    // code, so one check each that they are read in "race").
    row("race.scenario", QStringLiteral("high"),
        "race.scenario must be null (the user's own settings) or one of high-lr, deep-narrow, "
        "bad-bias, got \"high\"");
    row("race.scenario", 0, "race.scenario must be null");
    row("race.activations", QStringLiteral("relu"),
        "race.activations must be an array of function names");
    row("race.activations", QJsonArray {QStringLiteral("relu"), QStringLiteral("relu6")},
        "race.activations[1] must be one of relu,");
    row("race.steps", 0, "race.steps must be a whole number between 1 and 1000000, got 0");
    row("race.steps", 1000001, "race.steps must be a whole number between 1 and 1000000");
    row("race.steps", 10.5, "race.steps must be a whole number");
    row("race.measure_every", 0, "race.measure_every must be a whole number between 1 and 1000000");
    row("race.measure_every", QStringLiteral("10"), "race.measure_every must be a whole number");
    row("race.dataset", QStringLiteral("spiral"), "race.dataset must be one of spirals,");
    row("race.points", 701, "race.points must be an even whole number between 16 and 4096");
    row("race.noise", 0.6, "race.noise must be a number between 0 and 0.5");
    row("race.data_seed", -1, "race.data_seed must be a whole number between 0 and");
    row("race.hidden_layers", 33, "race.hidden_layers must be a whole number between 1 and 32");
    row("race.units_per_layer", 0, "race.units_per_layer must be a whole number between 1 and 128");
    row("race.init", QStringLiteral("he"), "race.init must be one of he-normal,");
    row("race.bias_init", QStringLiteral("one"), "race.bias_init must be one of zero, constant");
    row("race.bias_value", 11, "race.bias_value must be a number between -10 and 10, got 11");
    row("race.bias_value", QStringLiteral("-1"), "race.bias_value must be a number");
    row("race.init_seed", 2.5, "race.init_seed must be a whole number");
    row("race.optimizer", QStringLiteral("rmsprop"), "race.optimizer must be one of sgd,");
    row("race.learning_rate", 0, "race.learning_rate must be a number between 0.0001 and 10");
    row("race.batch_size", 4097, "race.batch_size must be a whole number between 0 and 4096");
    row("race.precision", QStringLiteral("half"), "race.precision must be one of float, double");
    row("race.init_gain", 11, "race.init_gain must be a number between 0.1 and 10, got 11");
    row("race.weight_decay", -1, "race.weight_decay must be a number between 0 and 10, got -1");
    row("race.l1", QStringLiteral("0"), "race.l1 must be a number between 0 and 10, got \"0\"");
    // Born dead.
    row("born_dead.widths", QJsonArray {},
        "born_dead.widths must be an array of at least one whole "
        "number between 1 and 128, got []");
    row("born_dead.widths", QStringLiteral("2,3"), "born_dead.widths must be an array of at least one");
    row("born_dead.widths", QJsonArray {2, 0},
        "born_dead.widths[1] must be a whole number between 1 and 128, got 0");
    row("born_dead.widths", QJsonArray {2, 129},
        "born_dead.widths[1] must be a whole number between 1 and 128");
    row("born_dead.widths", QJsonArray {2, 2.5}, "born_dead.widths[1] must be a whole number");
    row("born_dead.widths", QJsonArray {2, QStringLiteral("3")},
        "born_dead.widths[1] must be a whole number");
    row("born_dead.depths", QJsonArray {1001},
        "born_dead.depths[0] must be a whole number between 1 and 1000");
    row("born_dead.depths",
        QJsonValue(), "born_dead.depths must be an array of at least one whole number between 1 and 1000, got null");
    row("born_dead.networks", 0,
        "born_dead.networks must be a whole number between 1 and 10000000, got 0");
    row("born_dead.networks", 10000001,
        "born_dead.networks must be a whole number between 1 and 10000000");
    row("born_dead.inputs", -1,
        "born_dead.inputs must be a whole number between 0 and 10000000, got -1");
    row("born_dead.inputs", 1.5, "born_dead.inputs must be a whole number");
    row("born_dead.input_dim", 3, "born_dead.input_dim must be a whole number between 1 and 2, got 3");
    row("born_dead.bias", QStringLiteral("constant"),
        "born_dead.bias must be one of zero, normal, got \"constant\"");
    row("born_dead.init", QStringLiteral("he"),
        "born_dead.init must be one of he-normal, rai, got \"he\"");
    row("born_dead.compare", 1, "born_dead.compare must be true or false, got 1");
    row("born_dead.seed", -1, "born_dead.seed must be a whole number between 0 and 2147483647, got -1");
    row("born_dead.seed", 2147483648.0,
        "born_dead.seed must be a whole number between 0 and 2147483647");
    row("born_dead.seed", QStringLiteral("1"), "born_dead.seed must be a whole number");

    QTest::newRow("rrelu_lower 0.7 > rrelu_upper 0.2")
            << withFields({{QStringLiteral("explorer.rrelu_lower"), 0.7},
                           {QStringLiteral("explorer.rrelu_upper"), 0.2}})
            << QStringLiteral("explorer.rrelu_lower (0.7) is above explorer.rrelu_upper (0.2)");
}

void TestPreset::malformed()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, expected);
    const QString fileName = QStringLiteral("lesson.json");

    const PresetResult parsed = relulab::app::parsePreset(document, fileName);
    QVERIFY(std::holds_alternative<PresetError>(parsed));
    const QString message = messageOf(parsed);
    QVERIFY2(message.startsWith(fileName + QStringLiteral(": ")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));

    // The whole path a dropped file takes, onto models that differ from the document everywhere.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(fileName);
    QVERIFY(writeFile(path, document));
    Models models;
    setOddState(models);
    const Preset before = models.capture(PresetTab::Lab);
    QSignalSpy parametersChanged(&models.parameters, &ParameterModel::changed);
    QSignalSpy labChanged(&models.lab, &LabModel::changed);
    QSignalSpy raceChanged(&models.race, &RaceModel::changed);
    QSignalSpy bornDeadChanged(&models.bornDead, &BornDeadModel::changed);
    const PresetResult loaded = relulab::app::loadAndApplyPreset(path, models.all());
    QVERIFY(std::holds_alternative<PresetError>(loaded));
    const QString loadMessage = messageOf(loaded);
    QVERIFY2(loadMessage.startsWith(path + QStringLiteral(": ")), qPrintable(loadMessage));
    QVERIFY2(loadMessage.contains(expected), qPrintable(loadMessage));
    QCOMPARE(models.capture(PresetTab::Lab), before);
    QCOMPARE(parametersChanged.count(), 0);
    QCOMPARE(labChanged.count(), 0);
    QCOMPARE(raceChanged.count(), 0);
    QCOMPARE(bornDeadChanged.count(), 0);
}

void TestPreset::messageIsExact()
{
    const PresetResult parsed = relulab::app::parsePreset(
            withField(QStringLiteral("lab.learning_rate"), QStringLiteral("abc")),
            QStringLiteral("lesson.json"));
    QCOMPARE(messageOf(parsed),
             QStringLiteral("lesson.json: lab.learning_rate must be a number between 0.0001 and "
                            "10, got \"abc\""));
}

void TestPreset::allMistakesAreReported()
{
    const QByteArray document =
            withFields({{QStringLiteral("lab.points"), QStringLiteral("many")},
                        {QStringLiteral("explorer.activation"), QStringLiteral("relu6")}});
    const QStringList lines =
            messageOf(relulab::app::parsePreset(document, QStringLiteral("two.json"))).split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("two.json: explorer.activation ")));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("two.json: lab.points ")));
}

void TestPreset::unknownFieldsWarn()
{
    QJsonObject root = QJsonDocument::fromJson(relulab::app::toJson(oddPreset())).object();
    root.insert(QStringLiteral("comment"), QStringLiteral("for Tuesday"));
    QJsonObject explorer = root.value(QStringLiteral("explorer")).toObject();
    explorer.insert(QStringLiteral("colour"), QStringLiteral("red"));
    root.insert(QStringLiteral("explorer"), explorer);
    QJsonObject lab = root.value(QStringLiteral("lab")).toObject();
    lab.insert(QStringLiteral("momentum"), 0.9);
    root.insert(QStringLiteral("lab"), lab);

    const PresetResult parsed =
            relulab::app::parsePreset(QJsonDocument(root).toJson(), QStringLiteral("newer.json"));
    QVERIFY2(std::holds_alternative<LoadedPreset>(parsed), qPrintable(messageOf(parsed)));
    const LoadedPreset &loaded = std::get<LoadedPreset>(parsed);
    QCOMPARE(loaded.preset, oddPreset());
    QCOMPARE(loaded.warnings,
             QStringList({QStringLiteral("newer.json: unknown field explorer.colour ignored"),
                          QStringLiteral("newer.json: unknown field lab.momentum ignored"),
                          QStringLiteral("newer.json: unknown field comment ignored")}));
}

void TestPreset::repeatedOverlayWarns()
{
    const QByteArray document = withField(
            QStringLiteral("explorer.overlays"),
            QJsonArray {QStringLiteral("silu"), QStringLiteral("gelu"), QStringLiteral("silu")});
    const PresetResult parsed = relulab::app::parsePreset(document, QStringLiteral("dup.json"));
    QVERIFY2(std::holds_alternative<LoadedPreset>(parsed), qPrintable(messageOf(parsed)));
    const LoadedPreset &loaded = std::get<LoadedPreset>(parsed);
    // In the canonical order, once each.
    QCOMPARE(loaded.preset.explorer.overlays, QList<Activation>({Activation::Gelu, Activation::Silu}));
    QCOMPARE(loaded.warnings,
             QStringList(QStringLiteral(
                     "dup.json: explorer.overlays lists \"silu\" more than once; each is taken once")));
}

// 100,000 repeats: one warning and one of each, not 99,999 warnings (8.8 MB of stderr).
void TestPreset::manyRepeatsWarnOnce()
{
    QJsonArray overlays;
    for (int i = 0; i < 100'000; ++i)
        overlays.append(i % 3 == 2 ? QStringLiteral("tanh") : QStringLiteral("relu"));
    // Compact, as a generated file would be: 700 kB, under the size a preset may have.
    const auto compact = [](const QByteArray &json) {
        return QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact);
    };
    const PresetResult parsed = relulab::app::parsePreset(
            compact(withField(QStringLiteral("explorer.overlays"), overlays)), QStringLiteral("many.json"));
    QVERIFY2(std::holds_alternative<LoadedPreset>(parsed), qPrintable(messageOf(parsed)));
    const LoadedPreset &loaded = std::get<LoadedPreset>(parsed);
    QCOMPARE(loaded.preset.explorer.overlays, QList<Activation>({Activation::Relu, Activation::Tanh}));
    QCOMPARE(loaded.warnings,
             QStringList(QStringLiteral("many.json: explorer.overlays lists \"relu\", \"tanh\" more "
                                        "than once; each is taken once")));

    // Born-dead cells: the same, in the order first given.
    const PresetResult cells = relulab::app::parsePreset(
            withField(QStringLiteral("born_dead.widths"), QJsonArray {4, 2, 4, 4, 2, 8}),
            QStringLiteral("cells.json"));
    QVERIFY2(std::holds_alternative<LoadedPreset>(cells), qPrintable(messageOf(cells)));
    QCOMPARE(std::get<LoadedPreset>(cells).preset.bornDead.config.widths, std::vector<int>({4, 2, 8}));
    QCOMPARE(std::get<LoadedPreset>(cells).warnings,
             QStringList(QStringLiteral("cells.json: born_dead.widths lists 4, 2 more than once; "
                                        "each is taken once")));

    // 100,000 bad entries: 20 messages and a count.
    QJsonArray bad;
    for (int i = 0; i < 100'000; ++i)
        bad.append(QStringLiteral("nosuch"));
    const PresetResult refused = relulab::app::parsePreset(
            compact(withField(QStringLiteral("explorer.overlays"), bad)), QStringLiteral("bad.json"));
    const QStringList lines = messageOf(refused).split(u'\n');
    QCOMPARE(lines.size(), 21);
    QVERIFY2(lines.first().startsWith(QStringLiteral("bad.json: explorer.overlays[0] ")), qPrintable(lines.first()));
    QCOMPARE(lines.last(), QStringLiteral("bad.json: and 99980 more"));
}

void TestPreset::largestFileLoads()
{
    // Exactly MaxPresetSize bytes (white space after the object) is still a preset.
    const QByteArray valid = relulab::app::toJson(oddPreset());
    const QByteArray document = valid + QByteArray(MaxPresetSize - valid.size(), ' ');
    QCOMPARE(document.size(), MaxPresetSize);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("full.json"));
    QVERIFY(writeFile(path, document));
    const PresetResult loaded = relulab::app::loadPreset(path);
    QVERIFY2(std::holds_alternative<LoadedPreset>(loaded), qPrintable(messageOf(loaded)));
    QCOMPARE(std::get<LoadedPreset>(loaded).preset, oddPreset());
}

void TestPreset::unreadableFiles()
{
    QTemporaryDir dir;
    const QString absent = dir.filePath(QStringLiteral("absent.json"));
    QVERIFY(messageOf(relulab::app::loadPreset(absent)).startsWith(absent + QStringLiteral(": cannot open: ")));
    const QString directory = dir.filePath(QStringLiteral("folder.json"));
    QVERIFY(QDir().mkdir(directory));
    QVERIFY(messageOf(relulab::app::loadPreset(directory)).startsWith(directory + QStringLiteral(": ")));
}

void TestPreset::validateCodePresets()
{
    QCOMPARE(validationError(oddPreset()), QString());
    Preset p;
    p.explorer.params.rreluLower = 0.5;
    p.explorer.params.rreluUpper = 0.25;
    QVERIFY(validationError(p, QStringLiteral("lesson 5"))
                    .startsWith(QStringLiteral("lesson 5: explorer.rrelu_lower (0.5) is above ")));
    p = Preset {};
    p.lab.points = 17;
    QVERIFY(validationError(p).contains(QStringLiteral("lab.points")));
    p = Preset {};
    p.lab.learningRate = std::numeric_limits<double>::quiet_NaN();
    QCOMPARE(validationError(p),
             QStringLiteral("preset: lab.learning_rate must be a number between 0.0001 and 10, "
                            "got null"));
    p = Preset {};
    p.explorer.activation = static_cast<Activation>(99);
    QVERIFY(validationError(p).contains(QStringLiteral("explorer.activation")));
}

void TestPreset::tabNames()
{
    QCOMPARE(relulab::app::presetTabName(PresetTab::Explorer), QStringLiteral("explorer"));
    QCOMPARE(relulab::app::presetTabName(PresetTab::Lab), QStringLiteral("lab"));
    QVERIFY(relulab::app::presetTabFromName(QStringLiteral("lab")) == PresetTab::Lab);
    QVERIFY(relulab::app::presetTabFromName(QStringLiteral("explorer")) == PresetTab::Explorer);
    QCOMPARE(relulab::app::presetTabName(PresetTab::BornDead), QStringLiteral("born-dead"));
    QVERIFY(relulab::app::presetTabFromName(QStringLiteral("born-dead")) == PresetTab::BornDead);
    QCOMPARE(relulab::app::presetTabName(PresetTab::Race), QStringLiteral("race"));
    QVERIFY(relulab::app::presetTabFromName(QStringLiteral("race")) == PresetTab::Race);
    QVERIFY(!relulab::app::presetTabFromName(QStringLiteral("Lab")));
}

void TestPreset::saveAndLoad()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("odd.json"));
    QCOMPARE(saveError(oddPreset(), path), QString());
    QCOMPARE(readAll(path), relulab::app::toJson(oddPreset()));
    Models models;
    const PresetResult loaded = relulab::app::loadAndApplyPreset(path, models.all());
    QVERIFY2(std::holds_alternative<LoadedPreset>(loaded), qPrintable(messageOf(loaded)));
    QCOMPARE(std::get<LoadedPreset>(loaded).preset.tab, PresetTab::Lab);
    QCOMPARE(models.capture(PresetTab::Lab), oddPreset());
}

void TestPreset::saveOverExistingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    QCOMPARE(saveError(Preset {}, path), QString());
    QCOMPARE(saveError(oddPreset(), path), QString());
    QCOMPARE(readAll(path), relulab::app::toJson(oddPreset()));
    // No temporary file is left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System),
             QStringList(QStringLiteral("lesson.json")));
}

void TestPreset::saveIntoMissingDirectoryFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/lesson.json"));
    const auto error = relulab::app::savePreset(oddPreset(), path);
    QVERIFY(error);
    QVERIFY2(error->startsWith(path + QStringLiteral(": cannot save: ")), qPrintable(*error));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("missing"))));
}

void TestPreset::fullDiskKeepsOldFile_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("limit");
    // Written straight through: the write is cut short.
    QTest::newRow("big preset, 64 KiB free") << QStringLiteral("big") << 64 * 1024;
    // Buffered (a preset is about 1 KiB): the flush fails.
    QTest::newRow("small preset, 512 bytes free") << QStringLiteral("odd") << 512;
}

void TestPreset::fullDiskKeepsOldFile()
{
    QFETCH(QString, preset);
    QFETCH(int, limit);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    QCOMPARE(saveError(Preset {}, path), QString());
    const QByteArray old = readAll(path);

    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                {QLatin1String(SaveWithSizeLimitArgument), path, QString::number(limit), preset});
    QVERIFY(child.waitForFinished(60'000));
    const QString output = QString::fromLocal8Bit(child.readAllStandardOutput());
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QVERIFY2(child.exitCode() == 0, qPrintable(output));
    QCOMPARE(output, path + QStringLiteral(": cannot save: File too large"));
    QCOMPARE(readAll(path), old);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System),
             QStringList(QStringLiteral("lesson.json")));
}

void TestPreset::oversizedPresetIsNotSaved()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("50%1 off.json"));
    QCOMPARE(saveError(Preset {}, path), QString());
    const QByteArray old = readAll(path);
    Preset huge = oddPreset();
    huge.description = QString(MaxPresetSize, QLatin1Char('x'));
    const auto error = relulab::app::savePreset(huge, path);
    QVERIFY(error);
    QVERIFY2(error->startsWith(path + QStringLiteral(": not saved: the preset would be ")),
             qPrintable(*error));
    QCOMPARE(readAll(path), old);
}

void TestPreset::invalidPresetIsNotSaved()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    QCOMPARE(saveError(Preset {}, path), QString());
    const QByteArray old = readAll(path);
    Preset invalid = oddPreset();
    invalid.lab.batchSize = -5;
    const auto error = relulab::app::savePreset(invalid, path);
    QVERIFY(error);
    QVERIFY2(error->startsWith(path + QStringLiteral(": not saved")), qPrintable(*error));
    QVERIFY2(error->contains(QStringLiteral("lab.batch_size")), qPrintable(*error));
    QCOMPARE(readAll(path), old);
}

void TestPreset::killBeforeCommitKeepsOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    QCOMPARE(saveError(Preset {}, path), QString());
    const QByteArray old = readAll(path);

    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                {QLatin1String(HangBeforeCommitArgument), path});
    QVERIFY2(waitForLine(child, "written"), qPrintable(child.readAllStandardError()));
    child.kill(); // SIGKILL: no destructor, no handler runs
    QVERIFY(child.waitForFinished(20'000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    QCOMPARE(readAll(path), old);
    QVERIFY(onlyTargetAndTemporaries(dir.path(), QStringLiteral("lesson.json")));
    const PresetResult loaded = relulab::app::loadPreset(path);
    QVERIFY2(std::holds_alternative<LoadedPreset>(loaded), qPrintable(messageOf(loaded)));
    QCOMPARE(std::get<LoadedPreset>(loaded).preset, Preset {});
}

void TestPreset::killWhileSavingLeavesWholeFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    QCOMPARE(saveError(Preset {}, path), QString());
    const QByteArray a = relulab::app::toJson(bigPreset('a'));
    const QByteArray b = relulab::app::toJson(bigPreset('b'));

    // Killed at some point of a save, whichever: the file is one whole preset or the other.
    for (int delay : {0, 2, 5, 9, 14, 20, 27, 35}) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QLatin1String(SaveRepeatedlyArgument), path});
        QVERIFY2(waitForLine(child, "saved"), qPrintable(child.readAllStandardError()));
        QThread::msleep(static_cast<unsigned long>(delay));
        child.kill();
        QVERIFY(child.waitForFinished(20'000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const QByteArray now = readAll(path);
        QVERIFY2(now == a || now == b, qPrintable(QStringLiteral("%1 bytes").arg(now.size())));
        QVERIFY(onlyTargetAndTemporaries(dir.path(), QStringLiteral("lesson.json")));
    }
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 5 && arguments.at(1) == QLatin1String(SaveWithSizeLimitArgument))
        return saveWithSizeLimit(arguments.at(2), arguments.at(3), arguments.at(4));
    if (arguments.size() == 3) {
        if (arguments.at(1) == QLatin1String(HangBeforeCommitArgument))
            return hangBeforeCommit(arguments.at(2));
        if (arguments.at(1) == QLatin1String(SaveRepeatedlyArgument))
            return saveRepeatedly(arguments.at(2));
    }
    TestPreset test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_preset.moc"
