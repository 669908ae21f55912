// LabModel: the reference experiment as its defaults, the explorer's activation parameters merged
// into config(), clamping setters, and changed() exactly once per effective change (the lab tab
// sends one new configuration to the training thread per changed()).

#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <limits>
#include <utility>
#include <vector>

#include "app/labmodel.h"
#include "app/parametermodel.h"
#include "core/trainer.h"

using relulab::app::LabModel;
using relulab::app::ParameterModel;
using relulab::core::Activation;
using relulab::core::TrainingConfig;
using Real = ParameterModel::Real;

namespace {

constexpr double Nan = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double Tiny = std::numeric_limits<double>::denorm_min();
constexpr double Huge = std::numeric_limits<double>::max();
constexpr int IntMin = std::numeric_limits<int>::min();
constexpr int IntMax = std::numeric_limits<int>::max();

// The reference experiment with the explorer's activation parameters, which is what config()
// promises.
TrainingConfig expectedConfig(const ParameterModel &parameters)
{
    TrainingConfig config;
    config.network.params = parameters.activationParams();
    return config;
}

// The numeric setters, so that one data table covers them all.
enum class Field {
    Points,
    Noise,
    Depth,
    Width,
    LearningRate,
    BatchSize,
    InitGain,
    WeightDecay,
    L1,
};

void setField(LabModel &model, Field field, double value)
{
    // The int setters take ints: the table's doubles for them are whole numbers within int.
    switch (field) {
    case Field::Points:
        model.setPoints(static_cast<int>(value));
        break;
    case Field::Noise:
        model.setNoise(value);
        break;
    case Field::Depth:
        model.setDepth(static_cast<int>(value));
        break;
    case Field::Width:
        model.setWidth(static_cast<int>(value));
        break;
    case Field::LearningRate:
        model.setLearningRate(value);
        break;
    case Field::BatchSize:
        model.setBatchSize(static_cast<int>(value));
        break;
    case Field::InitGain:
        model.setInitGain(value);
        break;
    case Field::WeightDecay:
        model.setWeightDecay(value);
        break;
    case Field::L1:
        model.setL1(value);
        break;
    }
}

double fieldValue(const LabModel &model, Field field)
{
    switch (field) {
    case Field::Points:
        return model.points();
    case Field::Noise:
        return model.noise();
    case Field::Depth:
        return model.depth();
    case Field::Width:
        return model.width();
    case Field::LearningRate:
        return model.learningRate();
    case Field::BatchSize:
        return model.batchSize();
    case Field::InitGain:
        return model.initGain();
    case Field::WeightDecay:
        return model.weightDecay();
    case Field::L1:
        return model.l1();
    }
    return Nan;
}

using Action = std::function<void(LabModel &)>;

struct NamedAction
{
    const char *name;
    Action action;
};

// Every setter with a value other than its default: each is one effective change.
std::vector<NamedAction> changeEveryField()
{
    using namespace relulab::core;
    return {
            {"dataset", [](LabModel &m) { m.setDataset(DatasetKind::Moons); }},
            {"points", [](LabModel &m) { m.setPoints(512); }},
            {"noise", [](LabModel &m) { m.setNoise(0.2); }},
            {"data seed", [](LabModel &m) { m.setDataSeed(99); }},
            {"depth", [](LabModel &m) { m.setDepth(5); }},
            {"width", [](LabModel &m) { m.setWidth(7); }},
            {"activation", [](LabModel &m) { m.setActivation(Activation::Prelu); }},
            {"prelu per unit", [](LabModel &m) { m.setPreluPerUnit(true); }},
            {"initialization",
             [](LabModel &m) { m.setInitialization(Initialization::XavierUniform); }},
            {"bias init", [](LabModel &m) { m.setBiasInit(BiasInit::Constant); }},
            {"init gain", [](LabModel &m) { m.setInitGain(0.5); }},
            {"init seed", [](LabModel &m) { m.setInitSeed(17); }},
            {"reseed", [](LabModel &m) { m.reseed(); }},
            {"optimizer", [](LabModel &m) { m.setOptimizer(OptimizerKind::Adam); }},
            {"learning rate", [](LabModel &m) { m.setLearningRate(0.5); }},
            {"weight decay", [](LabModel &m) { m.setWeightDecay(1e-3); }},
            {"l1", [](LabModel &m) { m.setL1(1e-4); }},
            {"batch size", [](LabModel &m) { m.setBatchSize(32); }},
            {"precision", [](LabModel &m) { m.setPrecision(Precision::Float); }},
    };
}

} // namespace

Q_DECLARE_METATYPE(Field)

class TestLabModel : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreTheReferenceExperiment();
    void configFollowsTheExplorer_data();
    void configFollowsTheExplorer();
    void explorerChangesOutsideTheLabAreSilent();
    void rreluBoundPushIsOneChange();
    void settersClamp_data();
    void settersClamp();
    void everySetterSignalsOnceAndNoOpsNever();
    void penaltiesKeepTheRunAndTheGainStartsANewOne();
    void depthKeepsWidthAndWidthKeepsDepth();
    void reseedIncrements();
    void resetToDefaults();
};

void TestLabModel::defaultsAreTheReferenceExperiment()
{
    ParameterModel parameters;
    const LabModel model(&parameters);
    QVERIFY(model.config() == expectedConfig(parameters));
    // The reference experiment of reference-spec.md section 2, spelled out.
    QCOMPARE(model.dataset(), relulab::core::DatasetKind::TwoSpirals);
    QCOMPARE(model.points(), 1024);
    QCOMPARE(model.dataSeed(), quint64(42));
    QCOMPARE(model.depth(), 3);
    QCOMPARE(model.width(), 32);
    QCOMPARE(model.activation(), Activation::Relu);
    QCOMPARE(model.initialization(), relulab::core::Initialization::HeNormal);
    QCOMPARE(model.initSeed(), quint64(1));
    QCOMPARE(model.optimizer(), relulab::core::OptimizerKind::Sgd);
    QCOMPARE(model.learningRate(), 0.1);
    QCOMPARE(model.batchSize(), 0);
    // The new parameters start where the reference has them: no effect at all.
    QCOMPARE(model.initGain(), 1.0);
    QCOMPARE(model.weightDecay(), 0.0);
    QCOMPARE(model.l1(), 0.0);
    QVERIFY(!relulab::core::validate(model.config()));

    // Explorer parameters away from PyTorch's defaults are merged in from the start.
    ParameterModel moved;
    moved.setValue(Real::LeakySlope, 0.2);
    moved.setValue(Real::PreluWeight, -0.5);
    const LabModel withMoved(&moved);
    QVERIFY(withMoved.config() == expectedConfig(moved));
    QCOMPARE(withMoved.config().network.params.leakySlope, 0.2);
}

void TestLabModel::configFollowsTheExplorer_data()
{
    QTest::addColumn<Real>("parameter");
    QTest::addColumn<double>("value");

    QTest::newRow("leaky slope") << Real::LeakySlope << 0.2;
    QTest::newRow("prelu weight") << Real::PreluWeight << -0.75;
    QTest::newRow("elu alpha") << Real::EluAlpha << 2.0;
    QTest::newRow("rrelu lower") << Real::RreluLower << 0.05;
    QTest::newRow("rrelu upper") << Real::RreluUpper << 0.6;
}

void TestLabModel::configFollowsTheExplorer()
{
    QFETCH(Real, parameter);
    QFETCH(double, value);

    ParameterModel parameters;
    LabModel model(&parameters);
    QSignalSpy changed(&model, &LabModel::changed);
    parameters.setValue(parameter, value);
    QCOMPARE(parameters.value(parameter), value);
    QCOMPARE(changed.count(), 1);
    QVERIFY(model.config() == expectedConfig(parameters));

    const relulab::core::ActivationParams &p = model.config().network.params;
    const double seen = parameter == Real::LeakySlope ? p.leakySlope
            : parameter == Real::PreluWeight          ? p.preluWeight
            : parameter == Real::EluAlpha             ? p.eluAlpha
            : parameter == Real::RreluLower           ? p.rreluLower
                                                      : p.rreluUpper;
    QCOMPARE(seen, value);

    // The same value again changes nothing.
    parameters.setValue(parameter, value);
    QCOMPARE(changed.count(), 1);
}

void TestLabModel::explorerChangesOutsideTheLabAreSilent()
{
    ParameterModel parameters;
    LabModel model(&parameters);
    QSignalSpy changed(&model, &LabModel::changed);
    const TrainingConfig before = model.config();

    // The plot range, the selected curve, overlays and samples are the explorer's view only.
    parameters.setValue(Real::XMin, -10.0);
    parameters.setValue(Real::XMax, 7.0);
    parameters.setSelectedActivation(Activation::Elu);
    parameters.setOverlay(Activation::Tanh, true);
    parameters.setSamples(77);
    QCOMPARE(changed.count(), 0);
    QVERIFY(model.config() == before);

    // The RReLU mode and seed are part of the activation parameters config() carries, so a change
    // to them is announced like any other (needsNewTrainer() ignores them: no new run follows).
    parameters.setRreluMode(relulab::core::RreluMode::Training);
    QCOMPARE(changed.count(), 1);
    parameters.setRreluSeed(5);
    QCOMPARE(changed.count(), 2);
    QVERIFY(model.config() == expectedConfig(parameters));
    QVERIFY(!relulab::core::needsNewTrainer(before, model.config()));
}

void TestLabModel::rreluBoundPushIsOneChange()
{
    ParameterModel parameters;
    LabModel model(&parameters);
    QSignalSpy changed(&model, &LabModel::changed);

    // A lower bound above the upper one pushes the upper one along: one change for the lab (it
    // must not send the training thread a configuration with the bounds half moved).
    parameters.setValue(Real::RreluLower, 0.8);
    QCOMPARE(parameters.value(Real::RreluUpper), 0.8);
    QCOMPARE(changed.count(), 1);
    QVERIFY(model.config() == expectedConfig(parameters));

    parameters.setValue(Real::RreluUpper, 0.1);
    QCOMPARE(parameters.value(Real::RreluLower), 0.1);
    QCOMPARE(changed.count(), 2);
    QVERIFY(model.config() == expectedConfig(parameters));
}

void TestLabModel::settersClamp_data()
{
    QTest::addColumn<Field>("field");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("expected");

    // Rows named "ignored" leave the default in place.
    QTest::newRow("points 0") << Field::Points << 0.0 << 16.0;
    QTest::newRow("points -1") << Field::Points << -1.0 << 16.0;
    QTest::newRow("points int min") << Field::Points << double(IntMin) << 16.0;
    QTest::newRow("points 15") << Field::Points << 15.0 << 16.0;
    QTest::newRow("points 16") << Field::Points << 16.0 << 16.0;
    QTest::newRow("points 1000") << Field::Points << 1000.0 << 1000.0;
    QTest::newRow("points 4096") << Field::Points << 4096.0 << 4096.0;
    QTest::newRow("points 4097") << Field::Points << 4097.0 << 4096.0;
    QTest::newRow("points int max") << Field::Points << double(IntMax) << 4096.0;

    QTest::newRow("noise 0") << Field::Noise << 0.0 << 0.0;
    QTest::newRow("noise -0") << Field::Noise << -0.0 << 0.0;
    QTest::newRow("noise -1") << Field::Noise << -1.0 << 0.0;
    QTest::newRow("noise tiny") << Field::Noise << Tiny << Tiny;
    QTest::newRow("noise 0.3") << Field::Noise << 0.3 << 0.3;
    QTest::newRow("noise 0.5") << Field::Noise << 0.5 << 0.5;
    QTest::newRow("noise 0.51") << Field::Noise << 0.51 << 0.5;
    QTest::newRow("noise huge") << Field::Noise << Huge << 0.5;
    QTest::newRow("noise -huge") << Field::Noise << -Huge << 0.0;
    QTest::newRow("noise inf ignored") << Field::Noise << Inf << 0.05;
    QTest::newRow("noise -inf ignored") << Field::Noise << -Inf << 0.05;
    QTest::newRow("noise nan ignored") << Field::Noise << Nan << 0.05;

    QTest::newRow("depth 0") << Field::Depth << 0.0 << 1.0;
    QTest::newRow("depth -3") << Field::Depth << -3.0 << 1.0;
    QTest::newRow("depth int min") << Field::Depth << double(IntMin) << 1.0;
    QTest::newRow("depth 1") << Field::Depth << 1.0 << 1.0;
    QTest::newRow("depth 8") << Field::Depth << 8.0 << 8.0;
    QTest::newRow("depth 33") << Field::Depth << 33.0 << 32.0;
    QTest::newRow("depth int max") << Field::Depth << double(IntMax) << 32.0;

    QTest::newRow("width 0") << Field::Width << 0.0 << 1.0;
    QTest::newRow("width -1") << Field::Width << -1.0 << 1.0;
    QTest::newRow("width 1") << Field::Width << 1.0 << 1.0;
    QTest::newRow("width 128") << Field::Width << 128.0 << 128.0;
    QTest::newRow("width 129") << Field::Width << 129.0 << 128.0;
    QTest::newRow("width int max") << Field::Width << double(IntMax) << 128.0;

    QTest::newRow("learning rate 0") << Field::LearningRate << 0.0 << 1e-4;
    QTest::newRow("learning rate -0") << Field::LearningRate << -0.0 << 1e-4;
    QTest::newRow("learning rate -1") << Field::LearningRate << -1.0 << 1e-4;
    QTest::newRow("learning rate tiny") << Field::LearningRate << Tiny << 1e-4;
    QTest::newRow("learning rate 1e-5") << Field::LearningRate << 1e-5 << 1e-4;
    QTest::newRow("learning rate 1e-4") << Field::LearningRate << 1e-4 << 1e-4;
    QTest::newRow("learning rate 2") << Field::LearningRate << 2.0 << 2.0;
    QTest::newRow("learning rate 10") << Field::LearningRate << 10.0 << 10.0;
    QTest::newRow("learning rate 10.5") << Field::LearningRate << 10.5 << 10.0;
    QTest::newRow("learning rate huge") << Field::LearningRate << Huge << 10.0;
    QTest::newRow("learning rate inf ignored") << Field::LearningRate << Inf << 0.1;
    QTest::newRow("learning rate -inf ignored") << Field::LearningRate << -Inf << 0.1;
    QTest::newRow("learning rate nan ignored") << Field::LearningRate << Nan << 0.1;

    QTest::newRow("batch -1") << Field::BatchSize << -1.0 << 0.0;
    QTest::newRow("batch int min") << Field::BatchSize << double(IntMin) << 0.0;
    QTest::newRow("batch 1") << Field::BatchSize << 1.0 << 1.0;
    QTest::newRow("batch 32") << Field::BatchSize << 32.0 << 32.0;
    QTest::newRow("batch 4096") << Field::BatchSize << 4096.0 << 4096.0;
    QTest::newRow("batch 4097") << Field::BatchSize << 4097.0 << 4096.0;
    QTest::newRow("batch int max") << Field::BatchSize << double(IntMax) << 4096.0;

    // The gain stops at the widgets' 0.1 (the core would take any positive gain).
    QTest::newRow("gain 0") << Field::InitGain << 0.0 << 0.1;
    QTest::newRow("gain -0") << Field::InitGain << -0.0 << 0.1;
    QTest::newRow("gain -1") << Field::InitGain << -1.0 << 0.1;
    QTest::newRow("gain tiny") << Field::InitGain << Tiny << 0.1;
    QTest::newRow("gain 0.05") << Field::InitGain << 0.05 << 0.1;
    QTest::newRow("gain 0.1") << Field::InitGain << 0.1 << 0.1;
    QTest::newRow("gain 0.7") << Field::InitGain << 0.7 << 0.7;
    QTest::newRow("gain 1") << Field::InitGain << 1.0 << 1.0;
    QTest::newRow("gain 10") << Field::InitGain << 10.0 << 10.0;
    QTest::newRow("gain 10.5") << Field::InitGain << 10.5 << 10.0;
    QTest::newRow("gain huge") << Field::InitGain << Huge << 10.0;
    QTest::newRow("gain inf ignored") << Field::InitGain << Inf << 1.0;
    QTest::newRow("gain -inf ignored") << Field::InitGain << -Inf << 1.0;
    QTest::newRow("gain nan ignored") << Field::InitGain << Nan << 1.0;

    for (auto [field, name] :
         {std::pair {Field::WeightDecay, "weight decay"}, std::pair {Field::L1, "l1"}}) {
        const auto row = [name](const char *what) -> QTestData & {
            return QTest::newRow(qPrintable(
                    QStringLiteral("%1 %2").arg(QLatin1String(name), QLatin1String(what))));
        };
        row("0") << field << 0.0 << 0.0;
        row("-0") << field << -0.0 << 0.0;
        row("-1") << field << -1.0 << 0.0;
        row("-tiny") << field << -Tiny << 0.0;
        row("tiny") << field << Tiny << Tiny;
        row("1e-5") << field << 1e-5 << 1e-5;
        row("0.1") << field << 0.1 << 0.1;
        row("10") << field << 10.0 << 10.0;
        row("10.5") << field << 10.5 << 10.0;
        row("huge") << field << Huge << 10.0;
        row("-huge") << field << -Huge << 0.0;
        row("inf ignored") << field << Inf << 0.0;
        row("-inf ignored") << field << -Inf << 0.0;
        row("nan ignored") << field << Nan << 0.0;
    }
}

void TestLabModel::settersClamp()
{
    QFETCH(Field, field);
    QFETCH(double, value);
    QFETCH(double, expected);

    ParameterModel parameters;
    LabModel model(&parameters);
    const double before = fieldValue(model, field);
    QSignalSpy changed(&model, &LabModel::changed);
    setField(model, field, value);
    QCOMPARE(fieldValue(model, field), expected);
    // Exactly one changed() when the value moved, none when it did not (a clamp onto the current
    // value, or an ignored nan, is no change).
    QCOMPARE(changed.count(), expected == before ? 0 : 1);
    // Whatever the input, the result can be trained.
    const auto error = relulab::core::validate(model.config());
    QVERIFY2(!error, error ? error->c_str() : "");

    // The same input again is a no-op.
    setField(model, field, value);
    QCOMPARE(changed.count(), expected == before ? 0 : 1);
}

void TestLabModel::everySetterSignalsOnceAndNoOpsNever()
{
    ParameterModel parameters;
    LabModel model(&parameters);
    QSignalSpy changed(&model, &LabModel::changed);
    for (const NamedAction &step : changeEveryField()) {
        const TrainingConfig before = model.config();
        const qsizetype count = changed.count();
        step.action(model);
        QVERIFY2(changed.count() == count + 1, step.name);
        QVERIFY2(!(model.config() == before), step.name);
        // Setting what is already there: nothing (reseed is never a no-op, so it is skipped).
        if (QByteArray(step.name) != "reseed") {
            step.action(model);
            QVERIFY2(changed.count() == count + 1, step.name);
        }
    }
    // Every field survived the ones after it.
    QCOMPARE(model.dataset(), relulab::core::DatasetKind::Moons);
    QCOMPARE(model.points(), 512);
    QCOMPARE(model.noise(), 0.2);
    QCOMPARE(model.dataSeed(), quint64(99));
    QCOMPARE(model.depth(), 5);
    QCOMPARE(model.width(), 7);
    QCOMPARE(model.activation(), Activation::Prelu);
    QVERIFY(model.preluPerUnit());
    QCOMPARE(model.initialization(), relulab::core::Initialization::XavierUniform);
    QCOMPARE(model.biasInit(), relulab::core::BiasInit::Constant);
    QCOMPARE(model.initSeed(), quint64(18));
    QCOMPARE(model.optimizer(), relulab::core::OptimizerKind::Adam);
    QCOMPARE(model.learningRate(), 0.5);
    QCOMPARE(model.batchSize(), 32);
    QCOMPARE(model.precision(), relulab::core::Precision::Float);
    QCOMPARE(model.initGain(), 0.5);
    QCOMPARE(model.weightDecay(), 1e-3);
    QCOMPARE(model.l1(), 1e-4);
    QCOMPARE(model.config().network.initGain, 0.5);
    QCOMPARE(model.config().weightDecay, 1e-3);
    QCOMPARE(model.config().l1, 1e-4);
}

void TestLabModel::penaltiesKeepTheRunAndTheGainStartsANewOne()
{
    // The lab sends every change to the training thread, which restarts only when
    // needsNewTrainer() says so: the penalties can be turned up in the middle of a run, a new
    // gain means new initial weights.
    ParameterModel parameters;
    LabModel model(&parameters);
    const TrainingConfig before = model.config();
    model.setWeightDecay(0.01);
    model.setL1(0.001);
    QVERIFY(!relulab::core::needsNewTrainer(before, model.config()));
    const TrainingConfig penalised = model.config();
    model.setInitGain(2.0);
    QVERIFY(relulab::core::needsNewTrainer(penalised, model.config()));
}

void TestLabModel::depthKeepsWidthAndWidthKeepsDepth()
{
    ParameterModel parameters;
    LabModel model(&parameters);
    QSignalSpy changed(&model, &LabModel::changed);

    model.setWidth(7);
    QCOMPARE(model.config().network.hidden, std::vector<int>({7, 7, 7}));
    model.setDepth(5);
    QCOMPARE(model.config().network.hidden, std::vector<int>({7, 7, 7, 7, 7}));
    model.setWidth(9);
    QCOMPARE(model.config().network.hidden, std::vector<int>({9, 9, 9, 9, 9}));
    model.setDepth(1);
    QCOMPARE(model.config().network.hidden, std::vector<int>({9}));
    model.setWidth(128);
    model.setDepth(32);
    QCOMPARE(model.config().network.hidden, std::vector<int>(32, 128));
    QCOMPARE(changed.count(), 6);

    // Clamped onto what is there: no change.
    model.setDepth(100);
    model.setWidth(1000);
    QCOMPARE(changed.count(), 6);
}

void TestLabModel::reseedIncrements()
{
    ParameterModel parameters;
    LabModel model(&parameters);
    QSignalSpy changed(&model, &LabModel::changed);
    const quint64 first = model.initSeed();
    model.reseed();
    QCOMPARE(model.initSeed(), first + 1);
    model.reseed();
    QCOMPARE(model.initSeed(), first + 2);
    QCOMPARE(changed.count(), 2);
    // A new initialisation is a new run.
    TrainingConfig previous = expectedConfig(parameters);
    previous.network.initSeed = first + 1;
    QVERIFY(relulab::core::needsNewTrainer(previous, model.config()));

    model.setInitSeed(7);
    model.reseed();
    QCOMPARE(model.initSeed(), quint64(8));
    QCOMPARE(changed.count(), 4);
}

void TestLabModel::resetToDefaults()
{
    ParameterModel parameters;
    LabModel model(&parameters);
    for (const NamedAction &step : changeEveryField())
        step.action(model);
    parameters.setValue(Real::LeakySlope, 0.3);

    QSignalSpy changed(&model, &LabModel::changed);
    model.resetToDefaults();
    QCOMPARE(changed.count(), 1);
    // The lab's own fields are back; the explorer's parameters stay the explorer's.
    QVERIFY(model.config() == expectedConfig(parameters));
    QCOMPARE(model.config().network.params.leakySlope, 0.3);

    model.resetToDefaults();
    QCOMPARE(changed.count(), 1);
}

QTEST_GUILESS_MAIN(TestLabModel)
#include "tst_labmodel.moc"
