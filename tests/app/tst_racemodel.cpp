// RaceModel: the race's settings. A scenario sets everything in one change; any change of the
// activations or the training settings (also from the explorer) leaves it, the steps do not; the
// race's training settings are its own, apart from the lab's.

#include <QSignalSpy>
#include <QTest>

#include <vector>

#include "app/labmodel.h"
#include "app/parametermodel.h"
#include "app/racecontroller.h"
#include "app/racemodel.h"

using relulab::app::LabModel;
using relulab::app::ParameterModel;
using relulab::app::RaceModel;
namespace core = relulab::core;
using core::Activation;

class TestRaceModel : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void scenarioSetsEverythingInOneChange();
    void editsLeaveTheScenario();
    void activationsKeepTheExplorersOrder();
    void stepsAreClamped();
    void resetToDefaults();
    void gainAndPenaltiesReachEveryLane();
};

void TestRaceModel::defaults()
{
    ParameterModel parameters;
    const RaceModel race(&parameters);
    const LabModel lab(&parameters);
    QCOMPARE(race.config(), lab.config());
    QCOMPARE(race.activations(),
             (std::vector<Activation> {core::DefaultRaceActivations.begin(),
                                       core::DefaultRaceActivations.end()}));
    QCOMPARE(race.targetSteps(), relulab::app::RaceController::DefaultTargetSteps);
    QCOMPARE(race.measureEvery(), relulab::app::RaceController::DefaultMeasureEvery);
    QVERIFY(!race.scenario());
}

void TestRaceModel::scenarioSetsEverythingInOneChange()
{
    ParameterModel parameters;
    RaceModel race(&parameters);
    race.setActivations({Activation::Gelu});
    race.setTargetSteps(7);
    QSignalSpy changed(&race, &RaceModel::changed);
    race.applyScenario(core::RacePresetKind::BadBiasInit);
    QCOMPARE(changed.count(), 1);
    const core::RacePreset preset = core::racePreset(core::RacePresetKind::BadBiasInit);
    core::TrainingConfig expected = preset.config;
    expected.network.params = parameters.activationParams();
    QCOMPARE(race.config(), expected);
    QCOMPARE(race.targetSteps(), preset.steps);
    QCOMPARE(race.measureEvery(), preset.measureEvery);
    QCOMPARE(race.activations().size(), core::DefaultRaceActivations.size());
    QCOMPARE(race.scenario(), std::optional(core::RacePresetKind::BadBiasInit));
}

void TestRaceModel::editsLeaveTheScenario()
{
    ParameterModel parameters;
    RaceModel race(&parameters);
    race.applyScenario(core::RacePresetKind::HighLearningRate);
    race.setTargetSteps(99);
    QVERIFY(race.scenario());
    race.training().setLearningRate(0.05);
    QVERIFY(!race.scenario());

    race.applyScenario(core::RacePresetKind::HighLearningRate);
    race.setSelected(Activation::Elu, true);
    QVERIFY(!race.scenario());

    race.applyScenario(core::RacePresetKind::HighLearningRate);
    parameters.setValue(ParameterModel::Real::LeakySlope, 0.2); // the lanes' parameters
    QVERIFY(!race.scenario());

    // Naming the scenario changes nothing else.
    const core::TrainingConfig before = race.config();
    race.setScenario(core::RacePresetKind::DeepAndNarrow);
    QCOMPARE(race.config(), before);
    QCOMPARE(race.scenario(), std::optional(core::RacePresetKind::DeepAndNarrow));
}

void TestRaceModel::activationsKeepTheExplorersOrder()
{
    ParameterModel parameters;
    RaceModel race(&parameters);
    QSignalSpy changed(&race, &RaceModel::changed);
    race.setActivations({Activation::Gelu, Activation::Relu, Activation::Gelu});
    QCOMPARE(race.activations(), (std::vector<Activation> {Activation::Relu, Activation::Gelu}));
    race.setSelected(Activation::Relu, true);
    QCOMPARE(changed.count(), 1);
    race.setSelected(Activation::Relu, false);
    race.setSelected(Activation::Gelu, false);
    QVERIFY(race.activations().empty());
    QCOMPARE(changed.count(), 3);
}

void TestRaceModel::stepsAreClamped()
{
    ParameterModel parameters;
    RaceModel race(&parameters);
    race.setTargetSteps(0);
    QCOMPARE(race.targetSteps(), RaceModel::MinSteps);
    race.setTargetSteps(RaceModel::MaxSteps + 1);
    QCOMPARE(race.targetSteps(), RaceModel::MaxSteps);
    race.setMeasureEvery(0);
    QCOMPARE(race.measureEvery(), quint64(1));
}

void TestRaceModel::resetToDefaults()
{
    ParameterModel parameters;
    RaceModel race(&parameters);
    const RaceModel defaults(&parameters);
    race.applyScenario(core::RacePresetKind::DeepAndNarrow);
    QSignalSpy changed(&race, &RaceModel::changed);
    race.resetToDefaults();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(race.config(), defaults.config());
    QCOMPARE(race.activations(), defaults.activations());
    QCOMPARE(race.targetSteps(), defaults.targetSteps());
    QCOMPARE(race.measureEvery(), defaults.measureEvery());
    QVERIFY(!race.scenario());
}

void TestRaceModel::gainAndPenaltiesReachEveryLane()
{
    ParameterModel parameters;
    RaceModel race(&parameters);
    race.training().setInitGain(0.5);
    race.training().setWeightDecay(0.01);
    race.training().setL1(0.001);
    QCOMPARE(race.config().network.initGain, 0.5);
    QCOMPARE(race.config().weightDecay, 0.01);
    QCOMPARE(race.config().l1, 0.001);
    // A lane is the base with its own activation: the gain and the penalties are every lane's.
    for (Activation kind : race.activations()) {
        const core::TrainingConfig lane = core::laneConfig(race.config(), kind);
        QCOMPARE(lane.network.activation, kind);
        QCOMPARE(lane.network.initGain, 0.5);
        QCOMPARE(lane.weightDecay, 0.01);
        QCOMPARE(lane.l1, 0.001);
    }
    QVERIFY(!core::validateRace(race.config(), race.activations()));
    // Editing them leaves a scenario like any other training setting; a scenario sets its own
    // (the scenarios' are the defaults), so none of the user's is left behind.
    race.applyScenario(core::RacePresetKind::HighLearningRate);
    const core::TrainingConfig scenario =
            core::racePreset(core::RacePresetKind::HighLearningRate).config;
    QCOMPARE(race.config().network.initGain, scenario.network.initGain);
    QCOMPARE(race.config().weightDecay, scenario.weightDecay);
    QCOMPARE(race.config().l1, scenario.l1);
    race.training().setWeightDecay(0.2);
    QVERIFY(!race.scenario());
    // The lab's settings are not the race's.
    const LabModel lab(&parameters);
    QCOMPARE(lab.weightDecay(), 0.0);
}

QTEST_GUILESS_MAIN(TestRaceModel)
#include "tst_racemodel.moc"
