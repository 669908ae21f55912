// Tests of src/core/race.h: every lane starts from the same weights and is, bit for bit, the run
// its activation gives alone, on one thread or two; a diverging lane stops alone; cancel() from
// another thread ends train() at once; steps to 95 % accuracy; the presets show their point.

#include <QTest>

#include <atomic>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <thread>

#include "core/parallel.h"
#include "core/race.h"

namespace core = relulab::core;
using core::Activation;
using core::Measurement;
using core::Race;
using core::TrainingConfig;

Q_DECLARE_METATYPE(relulab::core::Initialization)
Q_DECLARE_METATYPE(relulab::core::Precision)
Q_DECLARE_METATYPE(relulab::core::RacePresetKind)

namespace {

using Clock = std::chrono::steady_clock;

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
// A sanitised build computes many times slower, and a cancelled job finishes its current unit of
// work first: the bound on how soon cancelling takes effect grows with it.
constexpr double CancelBoundMs = 2000.0;
#else
constexpr double CancelBoundMs = 100.0;
#endif

std::vector<Activation> allActivations()
{
    std::vector<Activation> all;
    for (int i = 0; i < core::ActivationCount; ++i)
        all.push_back(static_cast<Activation>(i));
    return all;
}

const std::vector<Activation> DefaultLanes(core::DefaultRaceActivations.begin(),
                                           core::DefaultRaceActivations.end());

// Restores the OpenMP thread count a test changes.
class ThreadCount
{
public:
    explicit ThreadCount(int threads)
        : m_before(core::maxThreads())
    {
        core::setMaxThreads(threads);
    }
    ~ThreadCount() { core::setMaxThreads(m_before); }
    ThreadCount(const ThreadCount &) = delete;
    ThreadCount &operator=(const ThreadCount &) = delete;

private:
    int m_before;
};

int deadWithoutGradient(const Measurement &m)
{
    int total = 0;
    for (const core::LayerMeasurement &layer : m.layers)
        total += layer.deadWithoutGradient;
    return total;
}

} // namespace

class TestRace : public QObject
{
    Q_OBJECT

private slots:
    void validateRaceNamesTheProblem();
    void lanesStartFromIdenticalWeights_data();
    void lanesStartFromIdenticalWeights();
    void laneEqualsTrainingAlone_data();
    void laneEqualsTrainingAlone();
    void raceLeavesTheCallersThreadCount();
    void itemExceptionReachesTheCaller();
    void divergingLaneDoesNotStopTheOthers();
    void cancelFromAnotherThreadReturnsWithin100ms();
    void stepsToGoalIsTheFirstMeasuredStepAtTheGoal();
    void summaryIsTheLatestMeasurement();
    void predictIsEachLanesPrediction();
    void presetsAreValidAndNamed();
    void presetShowsItsPoint_data();
    void presetShowsItsPoint();
};

void TestRace::validateRaceNamesTheProblem()
{
    const TrainingConfig base;
    QVERIFY(!core::validateRace(base, DefaultLanes));
    QVERIFY(!core::validateRace(base, allActivations()));
    QCOMPARE(core::validateRace(base, {}).value_or(""),
             std::string("a race needs at least one activation"));
    const std::vector<Activation> twice {Activation::Relu, Activation::Elu, Activation::Relu};
    QCOMPARE(core::validateRace(base, twice).value_or(""),
             std::string("activation relu is in the race twice"));
    std::vector<Activation> tooMany = allActivations();
    tooMany.push_back(Activation::Relu);
    QVERIFY(core::validateRace(base, tooMany));
    TrainingConfig bad;
    bad.learningRate = 0.0;
    QCOMPARE(core::validateRace(bad, DefaultLanes), core::validate(bad));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Race(bad, DefaultLanes));
}

void TestRace::lanesStartFromIdenticalWeights_data()
{
    QTest::addColumn<core::Initialization>("init");
    QTest::addColumn<bool>("constantBias");
    QTest::addColumn<bool>("preluPerUnit");
    QTest::newRow("he-normal") << core::Initialization::HeNormal << false << false;
    QTest::newRow("he-normal, bias -1, alpha per unit")
            << core::Initialization::HeNormal << true << true;
    QTest::newRow("xavier") << core::Initialization::XavierUniform << false << false;
    QTest::newRow("uniform") << core::Initialization::PlaygroundUniform << false << true;
    QTest::newRow("rai") << core::Initialization::RandomizedAsymmetric << false << false;
}

void TestRace::lanesStartFromIdenticalWeights()
{
    QFETCH(core::Initialization, init);
    QFETCH(bool, constantBias);
    QFETCH(bool, preluPerUnit);
    TrainingConfig base;
    base.network.init = init;
    base.network.initSeed = 5;
    base.network.preluPerUnit = preluPerUnit;
    if (constantBias) {
        base.network.biasInit = core::BiasInit::Constant;
        base.network.biasValue = -1.0;
    }
    const std::vector<Activation> lanes = allActivations();
    Race race(base, lanes);
    QCOMPARE(race.laneCount(), lanes.size());
    const std::vector<double> first = race.trainer(0).parameters();
    const std::vector<core::LayerLayout> &firstLayout = race.trainer(0).layout();
    for (std::size_t lane = 0; lane < race.laneCount(); ++lane) {
        QCOMPARE(race.activation(lane), lanes[lane]);
        QCOMPARE(race.trainer(lane).config(), core::laneConfig(base, lanes[lane]));
        const std::vector<double> p = race.trainer(lane).parameters();
        const std::vector<core::LayerLayout> &layout = race.trainer(lane).layout();
        QCOMPARE(layout.size(), firstLayout.size());
        for (std::size_t l = 0; l < layout.size(); ++l) {
            const core::LayerLayout &a = layout[l];
            const core::LayerLayout &b = firstLayout[l];
            const auto weights = static_cast<std::size_t>(a.in * a.out);
            const auto biases = static_cast<std::size_t>(a.out);
            // Bit for bit, not merely close: == on every double (none is nan here).
            for (std::size_t k = 0; k < weights; ++k)
                QVERIFY2(p[a.weight + k] == first[b.weight + k],
                         qPrintable(QStringLiteral("lane %1 layer %2 weight %3").arg(lane).arg(l).arg(k)));
            for (std::size_t k = 0; k < biases; ++k)
                QVERIFY2(p[a.bias + k] == first[b.bias + k],
                         qPrintable(QStringLiteral("lane %1 layer %2 bias %3").arg(lane).arg(l).arg(k)));
            for (int k = 0; k < a.alphaCount; ++k)
                QCOMPARE(p[a.alpha + static_cast<std::size_t>(k)], base.network.params.preluWeight);
        }
    }
}

void TestRace::laneEqualsTrainingAlone_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<core::Precision>("precision");
    QTest::addColumn<std::size_t>("batchSize");
    QTest::addColumn<int>("optimizer");
    QTest::newRow("1 thread, double, full batch, sgd")
            << 1 << core::Precision::Double << std::size_t {0} << int(core::OptimizerKind::Sgd);
    QTest::newRow("2 threads, double, full batch, sgd")
            << 2 << core::Precision::Double << std::size_t {0} << int(core::OptimizerKind::Sgd);
    QTest::newRow("2 threads, float, full batch, adam")
            << 2 << core::Precision::Float << std::size_t {0} << int(core::OptimizerKind::Adam);
    QTest::newRow("1 thread, float, batch 32, momentum")
            << 1 << core::Precision::Float << std::size_t {32} << int(core::OptimizerKind::Momentum);
    QTest::newRow("2 threads, double, batch 100, sgd")
            << 2 << core::Precision::Double << std::size_t {100} << int(core::OptimizerKind::Sgd);
}

void TestRace::laneEqualsTrainingAlone()
{
    // Each lane against its activation trained alone on the lab's two threads: the race on one
    // thread or two, in two train() calls, must give the same parameters to the bit, and the
    // same measurements.
    QFETCH(int, threads);
    QFETCH(core::Precision, precision);
    QFETCH(std::size_t, batchSize);
    QFETCH(int, optimizer);
    TrainingConfig base;
    base.precision = precision;
    base.batchSize = batchSize;
    base.optimizer = static_cast<core::OptimizerKind>(optimizer);
    if (base.optimizer == core::OptimizerKind::Adam)
        base.learningRate = 0.01;
    constexpr std::uint64_t Steps = 30;
    // The four of the lesson and one activation the dense kernels do not fuse.
    const std::vector<Activation> lanes {Activation::Relu, Activation::LeakyRelu, Activation::Prelu,
                                         Activation::Rrelu, Activation::Elu};

    std::vector<std::vector<double>> alone;
    std::vector<Measurement> aloneMeasured;
    {
        const ThreadCount lab(2);
        for (Activation activation : lanes) {
            auto trainer = core::makeTrainer(core::laneConfig(base, activation));
            trainer->train(Steps);
            alone.push_back(trainer->parameters());
            aloneMeasured.push_back(trainer->measure());
        }
    }

    const ThreadCount count(threads);
    Race race(base, lanes);
    QCOMPARE(race.train(15), std::uint64_t {15});
    QCOMPARE(race.train(Steps - 15), Steps - 15);
    QCOMPARE(race.stepsDone(), Steps);
    QCOMPARE(race.progress(), 1.0);
    const std::vector<Measurement> measured = race.measure();
    for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
        QCOMPARE(race.laneSteps(lane), Steps);
        QVERIFY(!race.diverged(lane));
        QCOMPARE(race.trainer(lane).parameters(), alone[lane]);
        QCOMPARE(measured[lane].step, Steps);
        QCOMPARE(measured[lane].loss, aloneMeasured[lane].loss);
        QCOMPARE(measured[lane].trainAccuracy, aloneMeasured[lane].trainAccuracy);
        QCOMPARE(measured[lane].testAccuracy, aloneMeasured[lane].testAccuracy);
        QCOMPARE(measured[lane].totalDead(), aloneMeasured[lane].totalDead());
    }
}

void TestRace::raceLeavesTheCallersThreadCount()
{
    // The race sets one thread inside each lane; that setting belongs to the lane's share of the
    // region and must not leak out to the caller.
    if (!core::openMpEnabled())
        QSKIP("needs OpenMP");
    const ThreadCount count(2);
    Race race(TrainingConfig {}, DefaultLanes);
    race.train(3);
    race.measure();
    QCOMPARE(core::maxThreads(), 2);
}

void TestRace::itemExceptionReachesTheCaller()
{
    // An exception must not escape an OpenMP region (that ends the program): parallelForEachItem
    // carries it out and rethrows it, after every other item ran.
    const ThreadCount count(2);
    std::atomic<int> ran {0};
    bool caught = false;
    try {
        core::parallelForEachItem(6, [&](std::size_t i) {
            ++ran;
            if (i == 2)
                throw std::runtime_error("item 2");
        });
    } catch (const std::runtime_error &error) {
        caught = std::string(error.what()) == "item 2";
    }
    QVERIFY(caught);
    QCOMPARE(ran.load(), 6);
}

void TestRace::divergingLaneDoesNotStopTheOthers()
{
    // SGD at lr 5 on the full batch: PReLU's shared alphas blow up within a few steps
    // (reference-spec.md section 3), ReLU and Leaky ReLU stay finite for hundreds.
    TrainingConfig base;
    base.learningRate = 5.0;
    const std::vector<Activation> lanes {Activation::Relu, Activation::Prelu, Activation::LeakyRelu};
    Race race(base, lanes);
    QCOMPARE(race.train(60), std::uint64_t {60});
    QVERIFY(race.diverged(1));
    QVERIFY(!race.diverged(0));
    QVERIFY(!race.diverged(2));
    QVERIFY(!race.allDiverged());
    const std::uint64_t divergedAt = race.trainer(1).stepsDone();
    QVERIFY(divergedAt < 60);
    QCOMPARE(race.trainer(0).stepsDone(), std::uint64_t {60});
    QCOMPARE(race.trainer(2).stepsDone(), std::uint64_t {60});
    QCOMPARE(race.progress(), 1.0);

    std::vector<Measurement> measured = race.measure();
    QVERIFY(measured[1].diverged);
    QCOMPARE(measured[1].step, divergedAt);
    QVERIFY(!measured[0].diverged);
    QVERIFY(!measured[2].diverged);

    // The others go on; the diverged lane stays where it stopped.
    QCOMPARE(race.train(10), std::uint64_t {10});
    QCOMPARE(race.stepsDone(), std::uint64_t {70});
    QCOMPARE(race.trainer(1).stepsDone(), divergedAt);
    const std::vector<core::RaceLaneSummary> table = race.summary();
    QVERIFY(table[1].diverged);
    QCOMPARE(table[1].step, divergedAt);
    QCOMPARE(table[1].totalDead, 0);
    QVERIFY(!table[0].diverged);
    QCOMPARE(table[0].step, std::uint64_t {70});

    // A race of diverged lanes only: nothing to train, and the clock is where the last one stopped.
    Race doomed(base, std::vector<Activation> {Activation::Prelu});
    doomed.train(60);
    QVERIFY(doomed.allDiverged());
    QCOMPARE(doomed.stepsDone(), divergedAt);
    QCOMPARE(doomed.train(10), std::uint64_t {0});
}

void TestRace::cancelFromAnotherThreadReturnsWithin100ms()
{
    const ThreadCount count(2);
    Race race(TrainingConfig {}, DefaultLanes);
    std::atomic<double> progressSeen {-1.0};
    std::atomic<Clock::rep> cancelledAt {0};
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        progressSeen = race.progress();
        cancelledAt = Clock::now().time_since_epoch().count();
        race.cancel();
    });
    // Far more steps than the canceller lets it take (minutes' worth).
    const std::uint64_t advanced = race.train(100'000'000);
    const Clock::time_point returned = Clock::now();
    canceller.join();
    const auto wait = returned - Clock::time_point(Clock::duration(cancelledAt.load()));
    const auto waitMs = std::chrono::duration_cast<std::chrono::milliseconds>(wait).count();
    qInfo("train() returned %lld ms after cancel(), at step %llu", static_cast<long long>(waitMs),
          static_cast<unsigned long long>(advanced));
    QVERIFY2(static_cast<double>(waitMs) < CancelBoundMs,
             qPrintable(QStringLiteral("%1 ms").arg(waitMs)));
    QVERIFY(race.cancelRequested());
    QVERIFY(progressSeen.load() > 0.0);
    QVERIFY(progressSeen.load() < 1.0);
    QVERIFY(advanced < 100'000'000);

    // The lanes stand almost level (each thread trains the lane furthest behind, a few steps at
    // a time).
    const std::uint64_t clock = race.stepsDone();
    for (std::size_t lane = 0; lane < race.laneCount(); ++lane) {
        QVERIFY(race.trainer(lane).stepsDone() >= clock);
        QVERIFY(race.trainer(lane).stepsDone() <= clock + 48);
    }
    // Still cancelled: the next train() returns at once.
    QCOMPARE(race.train(1000), std::uint64_t {0});
    QCOMPARE(race.stepsDone(), clock);
    // Cleared: the lanes that fell behind catch up, and all stand at the new clock.
    race.clearCancel();
    QCOMPARE(race.train(100), std::uint64_t {100});
    for (std::size_t lane = 0; lane < race.laneCount(); ++lane)
        QCOMPARE(race.trainer(lane).stepsDone(), clock + 100);
}

void TestRace::stepsToGoalIsTheFirstMeasuredStepAtTheGoal()
{
    // Adam at 0.01 passes 95 % training accuracy within a few hundred steps on the reference
    // problem; measured every 10 steps, the goal is the first measurement at or above 0.95.
    TrainingConfig base;
    base.optimizer = core::OptimizerKind::Adam;
    base.learningRate = 0.01;
    base.data.testPoints = 0;
    const std::vector<Activation> lanes {Activation::Relu, Activation::Rrelu};
    Race race(base, lanes);
    constexpr std::uint64_t Every = 10;
    std::vector<std::vector<Measurement>> history(lanes.size());
    for (std::uint64_t step = 0; step <= 400; step += Every) {
        if (step > 0)
            race.train(Every);
        const std::vector<Measurement> measured = race.measure();
        for (std::size_t lane = 0; lane < lanes.size(); ++lane)
            history[lane].push_back(measured[lane]);
    }
    const std::vector<core::RaceLaneSummary> table = race.summary();
    for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
        std::optional<std::uint64_t> expected;
        for (const Measurement &m : history[lane]) {
            if (m.trainAccuracy >= core::RaceAccuracyGoal) {
                expected = m.step;
                break;
            }
        }
        QVERIFY2(expected, "the goal is reached within 400 steps");
        QVERIFY(*expected > 0);
        QCOMPARE(table[lane].stepsToGoal, expected);
        // The measurement before it was still short of the goal.
        QCOMPARE(history[lane][*expected / Every - 1].trainAccuracy < core::RaceAccuracyGoal, true);
        QVERIFY(std::isnan(table[lane].testAccuracy));
    }

    // Not reached: none. (Step 0 is at about 0.46.)
    Race early(base, lanes);
    early.measure();
    early.train(3);
    for (const core::RaceLaneSummary &line : early.summary())
        QVERIFY(!line.stepsToGoal);
}

void TestRace::summaryIsTheLatestMeasurement()
{
    Race race(TrainingConfig {}, DefaultLanes);
    QVERIFY(!race.lastMeasurement(0));
    race.train(20);
    // summary() measures what changed since the last measurement.
    const std::vector<core::RaceLaneSummary> table = race.summary();
    QCOMPARE(table.size(), DefaultLanes.size());
    for (std::size_t lane = 0; lane < table.size(); ++lane) {
        const Measurement &m = *race.lastMeasurement(lane);
        const core::RaceLaneSummary &line = table[lane];
        QCOMPARE(line.activation, DefaultLanes[lane]);
        QCOMPARE(line.step, std::uint64_t {20});
        QCOMPARE(m.step, std::uint64_t {20});
        QCOMPARE(line.loss, m.loss);
        QCOMPARE(line.trainAccuracy, m.trainAccuracy);
        QCOMPARE(line.testAccuracy, m.testAccuracy);
        QCOMPARE(line.totalDead, m.totalDead());
        QCOMPARE(line.totalDeadWithoutGradient, deadWithoutGradient(m));
        QCOMPARE(line.deadPerLayer.size(), m.layers.size());
        for (std::size_t l = 0; l < m.layers.size(); ++l)
            QCOMPARE(line.deadPerLayer[l], m.layers[l].dead);
        QVERIFY(!line.diverged);
    }
}

void TestRace::predictIsEachLanesPrediction()
{
    const ThreadCount count(2);
    Race race(TrainingConfig {}, DefaultLanes);
    race.train(10);
    std::vector<double> points;
    for (int k = 0; k < 1000; ++k) {
        points.push_back(-1.0 + 0.002 * k);
        points.push_back(0.7 - 0.0013 * k);
    }
    const std::vector<std::vector<float>> logits = race.predict(points);
    QCOMPARE(logits.size(), race.laneCount());
    for (std::size_t lane = 0; lane < race.laneCount(); ++lane) {
        std::vector<float> expected(points.size() / 2);
        race.trainer(lane).predict(points, expected);
        QCOMPARE(logits[lane], expected);
    }
}

void TestRace::presetsAreValidAndNamed()
{
    QCOMPARE(QString::fromLatin1(core::racePresetCliNames().data(),
                                 static_cast<qsizetype>(core::racePresetCliNames().size()))
                     .split(QLatin1Char(' '))
                     .size(),
             core::RacePresetCount);
    for (int i = 0; i < core::RacePresetCount; ++i) {
        const auto kind = static_cast<core::RacePresetKind>(i);
        const core::RacePreset preset = core::racePreset(kind);
        QCOMPARE(preset.kind, kind);
        QCOMPARE(core::racePresetFromCliName(preset.cliName), std::optional(kind));
        QVERIFY(core::racePresetCliNames().find(preset.cliName) != std::string_view::npos);
        QVERIFY(!preset.displayName.empty());
        QVERIFY(preset.description.ends_with('.'));
        QVERIFY(preset.steps > 0);
        QVERIFY(preset.measureEvery > 0 && preset.measureEvery <= preset.steps);
        QCOMPARE(core::validateRace(preset.config, DefaultLanes), std::nullopt);
        QCOMPARE(core::validateRace(preset.config, allActivations()), std::nullopt);
    }
    QVERIFY(!core::racePresetFromCliName("high_lr"));
}

void TestRace::presetShowsItsPoint_data()
{
    QTest::addColumn<core::RacePresetKind>("kind");
    QTest::newRow("high-lr") << core::RacePresetKind::HighLearningRate;
    QTest::newRow("deep-narrow") << core::RacePresetKind::DeepAndNarrow;
    QTest::newRow("bad-bias") << core::RacePresetKind::BadBiasInit;
}

void TestRace::presetShowsItsPoint()
{
    // Each preset run to its end with the default lanes (ReLU, Leaky ReLU, PReLU, RReLU): what its
    // description promises must be what happens. About a second each on two threads.
    QFETCH(core::RacePresetKind, kind);
    const core::RacePreset preset = core::racePreset(kind);
    const ThreadCount count(2);
    Race race(preset.config, DefaultLanes);
    const std::vector<Measurement> start = race.measure();
    race.train(preset.steps);
    const std::vector<Measurement> end = race.measure();
    const std::vector<core::RaceLaneSummary> table = race.summary();
    for (std::size_t lane = 0; lane < race.laneCount(); ++lane) {
        qInfo("%-10s step 0: %2d dead, accuracy %.3f; step %llu: %2d dead (%2d without gradient), "
              "accuracy %.3f%s",
              core::activationInfo(race.activation(lane)).cliName.data(), start[lane].totalDead(),
              start[lane].trainAccuracy, static_cast<unsigned long long>(end[lane].step),
              end[lane].totalDead(), deadWithoutGradient(end[lane]), end[lane].trainAccuracy,
              end[lane].outputConstant ? ", output constant" : "");
        QVERIFY(!end[lane].diverged);
        QCOMPARE(end[lane].step, preset.steps);
    }
    const Measurement &relu = end[0];
    int units = 0;
    for (int width : preset.config.network.hidden)
        units += width;

    switch (kind) {
    case core::RacePresetKind::HighLearningRate:
        // ReLU loses most of its units for good and its output goes constant; every other lane
        // keeps more than half of its units and learns more than ReLU.
        QVERIFY(relu.totalDead() > units * 3 / 4);
        QCOMPARE(deadWithoutGradient(relu), relu.totalDead());
        QVERIFY(relu.outputConstant);
        for (std::size_t lane = 1; lane < race.laneCount(); ++lane) {
            QVERIFY(end[lane].totalDead() < units / 2);
            QVERIFY(end[lane].trainAccuracy > relu.trainAccuracy);
        }
        break;
    case core::RacePresetKind::DeepAndNarrow:
        // ReLU is born dead and stays so; the others learn the spirals.
        QVERIFY(start[0].outputConstant);
        QVERIFY(relu.outputConstant);
        QVERIFY(!table[0].stepsToGoal);
        for (std::size_t lane = 1; lane < race.laneCount(); ++lane) {
            QVERIFY(!start[lane].outputConstant);
            QVERIFY(end[lane].trainAccuracy > 0.9);
        }
        break;
    case core::RacePresetKind::BadBiasInit:
        // Most ReLU units are dead at birth and stay dead; the others revive theirs and reach the
        // goal.
        QVERIFY(start[0].totalDead() > units * 2 / 3);
        QCOMPARE(relu.totalDead(), start[0].totalDead());
        QVERIFY(relu.outputConstant);
        for (std::size_t lane = 1; lane < race.laneCount(); ++lane) {
            QVERIFY(start[lane].totalDead() > units / 2);
            QVERIFY(end[lane].totalDead() < units / 5);
            QVERIFY(end[lane].trainAccuracy >= core::RaceAccuracyGoal);
        }
        break;
    }
}

QTEST_APPLESS_MAIN(TestRace)
#include "tst_race.moc"
