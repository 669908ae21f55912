// Tests of src/core/network.h and src/core/trainer.h: the reference experiment's initial weights
// and losses against the shared data and an independent implementation
// (tests/core/reference_training.py), the gradient of every activation against finite
// differences, hand-built networks with known dead units, determinism, thread-count independence
// and divergence.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>
#include <set>

#include "common/fuzzycompare.h"
#include "common/testdata.h"
#include "core/parallel.h"
#include "core/trainer.h"

namespace core = relulab::core;
using core::Activation;
using core::Measurement;
using core::TrainingConfig;

Q_DECLARE_METATYPE(relulab::core::Activation)
Q_DECLARE_METATYPE(relulab::core::Precision)

namespace {

QJsonObject readJson(const char *name)
{
    return relulab::test::readTestDataJson(QLatin1String(name));
}

// A small problem for the gradient checks: few points, so finite differences are cheap.
core::Dataset smallDataset()
{
    core::Dataset data;
    core::SplitMix64 g(2024);
    for (int k = 0; k < 24; ++k) {
        data.x.push_back(2.0 * g.uniform() - 1.0);
        data.x.push_back(2.0 * g.uniform() - 1.0);
        data.label.push_back(static_cast<std::uint8_t>(k % 2));
    }
    return data;
}

TrainingConfig smallConfig(Activation kind)
{
    TrainingConfig config;
    config.network.hidden = {5, 4};
    config.network.activation = kind;
    config.network.initSeed = 3;
    // Biases away from 0 so that fewer pre-activations sit near the kinks.
    config.network.biasInit = core::BiasInit::Constant;
    config.network.biasValue = 0.1;
    return config;
}

// Parameters for a 2-3-3-1 ReLU network whose first-layer units 0 and 2 have a pre-activation of
// -1 + 0 x on every point (dead), and unit 1 is the identity of x0 plus 2 (always active on
// points in [-1, 1]^2).
std::vector<double> handBuiltParameters(const std::vector<core::LayerLayout> &layout)
{
    std::vector<double> p(core::parameterCount(layout), 0.0);
    const core::LayerLayout &first = layout[0];
    p[first.weight + 1 * 2 + 0] = 1.0; // unit 1: x0
    p[first.bias + 0] = -1.0;
    p[first.bias + 1] = 2.0;
    p[first.bias + 2] = -1.0;
    const core::LayerLayout &second = layout[1];
    for (int o = 0; o < 3; ++o)
        p[second.weight + static_cast<std::size_t>(o) * 3 + 1] = 1.0; // all read unit 1
    const core::LayerLayout &out = layout[2];
    p[out.weight + 0] = 1.0;
    return p;
}

} // namespace

class TestTrainer : public QObject
{
    Q_OBJECT

private slots:
    void initialWeightsEqualSharedFile();
    void layoutOfEveryConfiguration();
    void initializationsDrawWhatTheyPromise();
    void referenceLossesMatchIndependentImplementation_data();
    void referenceLossesMatchIndependentImplementation();
    void floatFollowsDoubleClosely();
    void gradientMatchesFiniteDifferences_data();
    void gradientMatchesFiniteDifferences();
    void handBuiltNetworkHasKnownDeadUnits();
    void leakyDeadUnitsStillGetGradient();
    void wholeDeadLayerMakesOutputConstant();
    void sameSeedSameRun_data();
    void sameSeedSameRun();
    void threadCountDoesNotChangeResults();
    void miniBatchesFollowTheReferenceShuffle();
    void divergenceIsDetectedNotCountedAsZeroDead();
    void rreluTrainingDrawsPerElementPerStep();
    void optimizersMoveAsPyTorchDoes();
    void adjustTakesOnLearningRateWithoutRestart();
    void needsNewTrainerSeparatesStructuralChanges();
    void validateNamesTheField_data();
    void validateNamesTheField();
    void predictMatchesMeasureLogits();
};

void TestTrainer::initialWeightsEqualSharedFile()
{
    const QJsonObject json = readJson("init_weights_seed1.json");
    QVERIFY2(!json.isEmpty(), "tests/data/init_weights_seed1.json is missing or not JSON");
    const TrainingConfig config;
    const std::vector<core::LayerLayout> layout = core::layoutFor(config.network);
    const std::vector<double> p = core::initialParameters(config.network);
    const QJsonArray layers = json.value(QStringLiteral("weights")).toArray();
    QCOMPARE(layers.size(), qsizetype(layout.size()));
    for (std::size_t l = 0; l < layout.size(); ++l) {
        const QJsonArray rows = layers[static_cast<qsizetype>(l)].toArray();
        QCOMPARE(rows.size(), qsizetype(layout[l].out));
        for (int o = 0; o < layout[l].out; ++o) {
            const QJsonArray row = rows[o].toArray();
            QCOMPARE(row.size(), qsizetype(layout[l].in));
            for (int i = 0; i < layout[l].in; ++i) {
                const double expected = row[i].toDouble();
                const double actual =
                        p[layout[l].weight + static_cast<std::size_t>(o * layout[l].in + i)];
                RELULAB_COMPARE_EXACT(actual, expected);
            }
            RELULAB_COMPARE_EXACT(p[layout[l].bias + static_cast<std::size_t>(o)], 0.0);
        }
    }
}

void TestTrainer::layoutOfEveryConfiguration()
{
    core::NetworkConfig net;
    net.hidden = {3, 4};
    net.activation = Activation::Prelu;
    std::vector<core::LayerLayout> layout = core::layoutFor(net);
    QCOMPARE(layout.size(), std::size_t(3));
    // W1 3x2, b1 3, a1 1 | W2 4x3, b2 4, a2 1 | W3 1x4, b3 1
    QCOMPARE(layout[0].weight, std::size_t(0));
    QCOMPARE(layout[0].bias, std::size_t(6));
    QCOMPARE(layout[0].alpha, std::size_t(9));
    QCOMPARE(layout[0].alphaCount, 1);
    QCOMPARE(layout[1].weight, std::size_t(10));
    QCOMPARE(layout[2].alphaCount, 0);
    QCOMPARE(core::parameterCount(layout), std::size_t(6 + 3 + 1 + 12 + 4 + 1 + 4 + 1));
    net.preluPerUnit = true;
    layout = core::layoutFor(net);
    QCOMPARE(layout[1].alphaCount, 4);
    const std::vector<double> p = core::initialParameters(net);
    for (int a = 0; a < layout[1].alphaCount; ++a)
        QCOMPARE(p[layout[1].alpha + static_cast<std::size_t>(a)], 0.25);
    net.activation = Activation::Relu;
    QCOMPARE(core::parameterCount(core::layoutFor(net)), std::size_t(6 + 3 + 12 + 4 + 4 + 1));
}

void TestTrainer::initializationsDrawWhatTheyPromise()
{
    core::NetworkConfig net;
    net.hidden = {64, 64};
    const auto weightsOf = [](const core::NetworkConfig &config, int layer) {
        const auto layout = core::layoutFor(config);
        const auto p = core::initialParameters(config);
        const auto &l = layout[static_cast<std::size_t>(layer)];
        return std::vector<double>(p.begin() + static_cast<std::ptrdiff_t>(l.weight),
                                   p.begin() + static_cast<std::ptrdiff_t>(l.bias));
    };
    // He normal: variance 2 / fan_in.
    net.init = core::Initialization::HeNormal;
    std::vector<double> w = weightsOf(net, 1);
    double mean = 0.0, square = 0.0;
    for (double v : w) {
        mean += v;
        square += v * v;
    }
    mean /= double(w.size());
    square /= double(w.size());
    QVERIFY(std::abs(mean) < 0.02);
    QVERIFY(std::abs(square - 2.0 / 64.0) < 0.2 * 2.0 / 64.0);
    // Xavier uniform: within +-sqrt(6 / 128).
    net.init = core::Initialization::XavierUniform;
    w = weightsOf(net, 1);
    const double bound = std::sqrt(6.0 / 128.0);
    QVERIFY(std::all_of(w.begin(), w.end(), [&](double v) { return std::abs(v) <= bound; }));
    QVERIFY(*std::max_element(w.begin(), w.end()) > 0.9 * bound);
    // Playground: U(-0.5, 0.5) and biases 0.1.
    net.init = core::Initialization::PlaygroundUniform;
    const auto layout = core::layoutFor(net);
    std::vector<double> p = core::initialParameters(net);
    QVERIFY(std::all_of(p.begin() + static_cast<std::ptrdiff_t>(layout[1].weight),
                        p.begin() + static_cast<std::ptrdiff_t>(layout[1].bias),
                        [](double v) { return v >= -0.5 && v < 0.5; }));
    QCOMPARE(p[layout[1].bias], 0.1);
    // RAI: every unit's row [w, b] has exactly... at least one positive entry in [0, 1], drawn
    // from Beta(2, 1), so no row is entirely negative.
    net.init = core::Initialization::RandomizedAsymmetric;
    p = core::initialParameters(net);
    for (const core::LayerLayout &l : core::layoutFor(net)) {
        for (int o = 0; o < l.out; ++o) {
            bool positive = p[l.bias + static_cast<std::size_t>(o)] > 0.0;
            for (int i = 0; i < l.in; ++i)
                positive = positive || p[l.weight + static_cast<std::size_t>(o * l.in + i)] > 0.0;
            QVERIFY(positive);
        }
    }
    // Constant bias.
    net.init = core::Initialization::HeNormal;
    net.biasInit = core::BiasInit::Constant;
    net.biasValue = 0.1;
    p = core::initialParameters(net);
    QCOMPARE(p[core::layoutFor(net)[0].bias], 0.1);
}

void TestTrainer::referenceLossesMatchIndependentImplementation_data()
{
    QTest::addColumn<QJsonObject>("reference");
    const QJsonObject json = readJson("reference_training.json");
    if (json.isEmpty()) {
        QTest::newRow("missing") << QJsonObject();
        return;
    }
    for (const QJsonValue &value : json.value(QStringLiteral("cases")).toArray()) {
        const QJsonObject c = value.toObject();
        QTest::newRow(qPrintable(c.value(QStringLiteral("name")).toString())) << c;
    }
}

void TestTrainer::referenceLossesMatchIndependentImplementation()
{
    QFETCH(QJsonObject, reference);
    QVERIFY2(!reference.isEmpty(), "tests/data/reference_training.json is missing or empty");
    TrainingConfig config;
    config.data.testPoints = 0;
    const auto kind = core::activationFromCliName(
            reference.value(QStringLiteral("activation")).toString().toStdString());
    QVERIFY(kind);
    config.network.activation = *kind;
    config.learningRate = reference.value(QStringLiteral("learning_rate")).toDouble();
    config.batchSize = static_cast<std::size_t>(reference.value(QStringLiteral("batch_size")).toInt());
    auto trainer = core::makeTrainer(config);
    const QJsonArray losses = reference.value(QStringLiteral("losses")).toArray();
    const QJsonObject deadAfter = reference.value(QStringLiteral("dead_after")).toObject();
    const QJsonArray alphas = reference.value(QStringLiteral("alphas")).toArray();
    for (qsizetype s = 0; s < losses.size(); ++s) {
        const Measurement m = trainer->measure();
        QCOMPARE(m.step, std::uint64_t(s));
        // Summation orders differ between the implementations; a few ulps per step add up in
        // chaotic runs, so the tolerance grows with the step.
        const double tolerance = 1e-12 * (1.0 + double(s));
        RELULAB_FUZZY_COMPARE_TOL(m.loss, losses[s].toDouble(),
                                  (relulab::test::Tolerance {tolerance, 1e-300}));
        const QJsonValue dead = deadAfter.value(QString::number(s));
        if (dead.isArray()) {
            const QJsonArray counts = dead.toArray();
            QCOMPARE(qsizetype(m.layers.size()), counts.size());
            for (qsizetype l = 0; l < counts.size(); ++l)
                QCOMPARE(m.layers[static_cast<std::size_t>(l)].dead, counts[l].toInt());
        }
        if (s < alphas.size()) {
            const QJsonArray expected = alphas[s].toArray();
            for (qsizetype l = 0; l < expected.size(); ++l)
                RELULAB_FUZZY_COMPARE_TOL(m.layers[static_cast<std::size_t>(l)].alpha.at(0),
                                          expected[l].toDouble(),
                                          (relulab::test::Tolerance {tolerance, 1e-300}));
        }
        trainer->train(1);
    }
}

void TestTrainer::floatFollowsDoubleClosely()
{
    TrainingConfig config;
    config.data.testPoints = 0;
    auto inDouble = core::makeTrainer(config);
    config.precision = core::Precision::Float;
    auto inFloat = core::makeTrainer(config);
    for (int s = 0; s < 20; ++s) {
        RELULAB_FUZZY_COMPARE_TOL(inFloat->measure().loss, inDouble->measure().loss,
                                  (relulab::test::Tolerance {1e-4, 1e-6}));
        inDouble->train(1);
        inFloat->train(1);
    }
}

void TestTrainer::gradientMatchesFiniteDifferences_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<bool>("perUnit");
    for (const core::ActivationInfo &info : core::allActivations())
        QTest::newRow(info.cliName.data()) << info.kind << false;
    QTest::newRow("prelu per unit") << Activation::Prelu << true;
}

void TestTrainer::gradientMatchesFiniteDifferences()
{
    QFETCH(Activation, kind);
    QFETCH(bool, perUnit);
    TrainingConfig config = smallConfig(kind);
    config.network.preluPerUnit = perUnit;
    config.network.params.preluWeight = 0.3;
    config.network.params.eluAlpha = 1.3;
    auto trainer = core::makeTrainer(config, smallDataset(), core::Dataset {});
    std::vector<double> gradient;
    trainer->lossAndGradient(gradient);
    const std::vector<double> p = trainer->parameters();
    QCOMPARE(gradient.size(), p.size());
    std::vector<double> scratch;
    const double h = 1e-6;
    int checked = 0;
    for (std::size_t k = 0; k < p.size(); ++k) {
        std::vector<double> q = p;
        q[k] = p[k] + h;
        trainer->setParameters(q);
        const double up = trainer->lossAndGradient(scratch);
        q[k] = p[k] - h;
        trainer->setParameters(q);
        const double down = trainer->lossAndGradient(scratch);
        const double numeric = (up - down) / (2.0 * h);
        // Away from kinks central differences agree to about h^2 relative; a pre-activation
        // within h of a kink would spoil a handful, which the margin absorbs.
        RELULAB_FUZZY_COMPARE_TOL(gradient[k], numeric, (relulab::test::Tolerance {1e-5, 1e-8}));
        ++checked;
    }
    QCOMPARE(checked, int(p.size()));
    trainer->setParameters(p);
    // The alphas are among the parameters checked: make sure PReLU has some.
    if (kind == Activation::Prelu)
        QVERIFY(trainer->layout()[0].alphaCount == (perUnit ? 5 : 1));
}

void TestTrainer::handBuiltNetworkHasKnownDeadUnits()
{
    TrainingConfig config;
    config.network.hidden = {3, 3};
    auto trainer = core::makeTrainer(config, smallDataset(), core::Dataset {});
    trainer->setParameters(handBuiltParameters(trainer->layout()));
    const Measurement m = trainer->measure();
    QVERIFY(!m.diverged);
    QCOMPARE(m.layers.size(), std::size_t(2));
    QCOMPARE(m.layers[0].dead, 2);
    QCOMPARE(m.layers[0].deadWithoutGradient, 2);
    QCOMPARE(m.layers[0].rarelyActive, 2);
    QCOMPARE(m.layers[0].activationRate[0], 0.0f);
    QCOMPARE(m.layers[0].activationRate[1], 1.0f);
    // Second layer: every unit reads the always-positive unit 1 with weight 1, bias 0: active.
    QCOMPARE(m.layers[1].dead, 0);
    QCOMPARE(m.totalDead(), 2);
    QVERIFY(!m.outputConstant);
    // Dead units stay dead: training cannot move their incoming weights.
    const std::vector<double> before = trainer->parameters();
    trainer->train(50);
    const std::vector<double> after = trainer->parameters();
    const core::LayerLayout &first = trainer->layout()[0];
    for (std::size_t unit : {0u, 2u}) {
        for (int i = 0; i < 2; ++i)
            QCOMPARE(after[first.weight + unit * 2 + static_cast<std::size_t>(i)],
                     before[first.weight + unit * 2 + static_cast<std::size_t>(i)]);
        QCOMPARE(after[first.bias + unit], before[first.bias + unit]);
    }
    QCOMPARE(trainer->measure().layers[0].dead, 2);
}

void TestTrainer::leakyDeadUnitsStillGetGradient()
{
    TrainingConfig config;
    config.network.hidden = {3, 3};
    config.network.activation = Activation::LeakyRelu;
    auto trainer = core::makeTrainer(config, smallDataset(), core::Dataset {});
    trainer->setParameters(handBuiltParameters(trainer->layout()));
    const Measurement m = trainer->measure();
    QCOMPARE(m.layers[0].dead, 2);
    QCOMPARE(m.layers[0].deadWithoutGradient, 0);
    // And their incoming bias does move.
    const std::size_t bias0 = trainer->layout()[0].bias;
    const double before = trainer->parameters()[bias0];
    config.learningRate = 1.0;
    trainer->adjust(config);
    // Make the output read unit 0 through layer 2 so that it matters to the loss.
    std::vector<double> p = trainer->parameters();
    p[trainer->layout()[1].weight + 0] = 1.0;
    trainer->setParameters(p);
    trainer->train(5);
    QVERIFY(trainer->parameters()[bias0] != before);
}

void TestTrainer::wholeDeadLayerMakesOutputConstant()
{
    TrainingConfig config;
    config.network.hidden = {3, 3};
    auto trainer = core::makeTrainer(config, smallDataset(), core::Dataset {});
    std::vector<double> p = handBuiltParameters(trainer->layout());
    p[trainer->layout()[0].bias + 1] = -5.0; // unit 1 negative on [-1, 1]: the whole layer dies
    trainer->setParameters(p);
    const Measurement m = trainer->measure();
    QCOMPARE(m.layers[0].dead, 3);
    QVERIFY(m.outputConstant);
    QCOMPARE(m.layers[1].dead, 3); // pre-activation exactly 0 everywhere: <= 0, dead
}

void TestTrainer::sameSeedSameRun_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<core::Precision>("precision");
    QTest::addColumn<int>("batch");
    QTest::newRow("relu double full") << Activation::Relu << core::Precision::Double << 0;
    QTest::newRow("relu float full") << Activation::Relu << core::Precision::Float << 0;
    QTest::newRow("rrelu double 32") << Activation::Rrelu << core::Precision::Double << 32;
    QTest::newRow("prelu float 100") << Activation::Prelu << core::Precision::Float << 100;
}

void TestTrainer::sameSeedSameRun()
{
    QFETCH(Activation, kind);
    QFETCH(core::Precision, precision);
    QFETCH(int, batch);
    TrainingConfig config;
    config.network.activation = kind;
    config.precision = precision;
    config.batchSize = static_cast<std::size_t>(batch);
    auto a = core::makeTrainer(config);
    auto b = core::makeTrainer(config);
    a->train(40);
    b->train(40);
    QCOMPARE(a->parameters(), b->parameters());
    QCOMPARE(a->measure().loss, b->measure().loss);
    // Another seed, another run.
    config.network.initSeed = 2;
    auto c = core::makeTrainer(config);
    c->train(40);
    QVERIFY(c->parameters() != a->parameters());
}

void TestTrainer::threadCountDoesNotChangeResults()
{
    // Without OpenMP (the ThreadSanitizer build) both runs have one thread: trivially equal.
    const int before = core::maxThreads();
    TrainingConfig config;
    config.network.activation = Activation::Rrelu;
    config.precision = core::Precision::Float;
    core::setMaxThreads(1);
    auto one = core::makeTrainer(config);
    one->train(30);
    const std::vector<double> p1 = one->parameters();
    const Measurement m1 = one->measure();
    core::setMaxThreads(2);
    auto two = core::makeTrainer(config);
    two->train(30);
    core::setMaxThreads(before);
    QCOMPARE(two->parameters(), p1);
    QCOMPARE(two->measure().loss, m1.loss);
}

void TestTrainer::miniBatchesFollowTheReferenceShuffle()
{
    // One epoch of mini-batches of 32 sees every point exactly once, in the order of the
    // reference's Fisher-Yates permutation: training on the batch a fresh trainer would draw for
    // step s equals training on the batch built from that permutation by hand.
    TrainingConfig config;
    config.data.testPoints = 0;
    config.batchSize = 32;
    auto trainer = core::makeTrainer(config);
    std::vector<std::uint32_t> order(1024);
    for (std::uint32_t k = 0; k < 1024; ++k)
        order[k] = k;
    core::SplitMix64 shuffle(7);
    for (std::size_t i = 1023; i >= 1; --i)
        std::swap(order[i], order[static_cast<std::size_t>(shuffle.next() % (i + 1))]);
    // Step 5 of the epoch trains on order[160 .. 192): a full-batch trainer on exactly those
    // points, at the same parameters, takes the same step.
    trainer->train(5);
    core::Dataset batch;
    const core::Dataset &all = trainer->trainingSet();
    for (std::size_t k = 160; k < 192; ++k) {
        batch.x.push_back(all.x0(order[k]));
        batch.x.push_back(all.x1(order[k]));
        batch.label.push_back(all.label[order[k]]);
    }
    TrainingConfig full = config;
    full.batchSize = 0;
    auto manual = core::makeTrainer(full, batch, core::Dataset {});
    manual->setParameters(trainer->parameters());
    trainer->train(1);
    manual->train(1);
    const std::vector<double> a = trainer->parameters();
    const std::vector<double> b = manual->parameters();
    for (std::size_t k = 0; k < a.size(); ++k)
        RELULAB_FUZZY_COMPARE_TOL(a[k], b[k], (relulab::test::Tolerance {1e-12, 1e-15}));
}

void TestTrainer::divergenceIsDetectedNotCountedAsZeroDead()
{
    TrainingConfig config;
    config.data.testPoints = 0;
    auto trainer = core::makeTrainer(config);
    std::vector<double> p = trainer->parameters();
    p[trainer->layout().back().weight] = 1e300; // the output logit overflows on the next steps
    p[trainer->layout()[0].weight] = 1e300;
    trainer->setParameters(p);
    const std::uint64_t taken = trainer->train(10);
    QVERIFY(trainer->diverged());
    QVERIFY(taken < 10);
    const Measurement m = trainer->measure();
    QVERIFY(m.diverged);
    QCOMPARE(trainer->train(5), std::uint64_t(0));
    // An ordinary run does not diverge.
    auto fine = core::makeTrainer(config);
    fine->train(20);
    QVERIFY(!fine->diverged());
    QVERIFY(!fine->measure().diverged);
}

void TestTrainer::rreluTrainingDrawsPerElementPerStep()
{
    std::set<double> seen;
    for (std::uint64_t step = 0; step < 3; ++step) {
        for (int layer = 0; layer < 2; ++layer) {
            for (std::uint64_t element = 0; element < 50; ++element) {
                const double a = core::rreluStepSlope(9, step, layer, element, 0.125, 1.0 / 3.0);
                QVERIFY(a >= 0.125 && a <= 1.0 / 3.0);
                seen.insert(a);
            }
        }
    }
    QCOMPARE(seen.size(), std::size_t(300)); // every (step, layer, element) its own draw
    QCOMPARE(core::rreluStepSlope(9, 1, 1, 7, 0.1, 0.3), core::rreluStepSlope(9, 1, 1, 7, 0.1, 0.3));
    QVERIFY(core::rreluStepSlope(9, 1, 1, 7, 0.1, 0.3) != core::rreluStepSlope(10, 1, 1, 7, 0.1, 0.3));
    // Measurements are in evaluation mode: deterministic whatever the draws.
    TrainingConfig config;
    config.network.activation = Activation::Rrelu;
    config.data.testPoints = 0;
    auto trainer = core::makeTrainer(config);
    QCOMPARE(trainer->measure().loss, trainer->measure().loss);
}

void TestTrainer::optimizersMoveAsPyTorchDoes()
{
    // One parameter's path under each optimiser, from the gradients the trainer reports.
    for (core::OptimizerKind kind :
         {core::OptimizerKind::Sgd, core::OptimizerKind::Momentum, core::OptimizerKind::Adam}) {
        TrainingConfig config = smallConfig(Activation::Relu);
        config.optimizer = kind;
        config.learningRate = 0.05;
        auto trainer = core::makeTrainer(config, smallDataset(), core::Dataset {});
        std::vector<double> p = trainer->parameters();
        std::vector<double> m(p.size(), 0.0), v(p.size(), 0.0), g;
        for (int t = 1; t <= 3; ++t) {
            trainer->lossAndGradient(g); // evaluation mode equals training mode for ReLU
            for (std::size_t k = 0; k < p.size(); ++k) {
                switch (kind) {
                case core::OptimizerKind::Sgd:
                    p[k] -= 0.05 * g[k];
                    break;
                case core::OptimizerKind::Momentum:
                    m[k] = 0.9 * m[k] + g[k];
                    p[k] -= 0.05 * m[k];
                    break;
                case core::OptimizerKind::Adam: {
                    m[k] = 0.9 * m[k] + 0.1 * g[k];
                    v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
                    const double mHat = m[k] / (1.0 - std::pow(0.9, t));
                    const double vHat = v[k] / (1.0 - std::pow(0.999, t));
                    p[k] -= 0.05 * mHat / (std::sqrt(vHat) + 1e-8);
                    break;
                }
                }
            }
            trainer->train(1);
            const std::vector<double> actual = trainer->parameters();
            for (std::size_t k = 0; k < p.size(); ++k)
                RELULAB_FUZZY_COMPARE_TOL(actual[k], p[k], (relulab::test::Tolerance {1e-9, 1e-12}));
        }
    }
}

void TestTrainer::adjustTakesOnLearningRateWithoutRestart()
{
    TrainingConfig config = smallConfig(Activation::Relu);
    auto trainer = core::makeTrainer(config, smallDataset(), core::Dataset {});
    trainer->train(3);
    config.learningRate = 0.5;
    QVERIFY(!core::needsNewTrainer(trainer->config(), config));
    trainer->adjust(config);
    QCOMPARE(trainer->stepsDone(), std::uint64_t(3));
    std::vector<double> g;
    trainer->lossAndGradient(g);
    std::vector<double> expected = trainer->parameters();
    for (std::size_t k = 0; k < expected.size(); ++k)
        expected[k] -= 0.5 * g[k];
    trainer->train(1);
    const std::vector<double> actual = trainer->parameters();
    for (std::size_t k = 0; k < actual.size(); ++k)
        RELULAB_FUZZY_COMPARE_TOL(actual[k], expected[k], (relulab::test::Tolerance {1e-12, 1e-15}));
}

void TestTrainer::needsNewTrainerSeparatesStructuralChanges()
{
    const TrainingConfig base;
    TrainingConfig next = base;
    QVERIFY(!core::needsNewTrainer(base, next));
    next.learningRate = 2.0;
    next.momentum = 0.5;
    next.network.params.leakySlope = 0.2;
    next.network.params.rreluUpper = 0.5;
    next.rreluSeed = 9;
    QVERIFY(!core::needsNewTrainer(base, next));
    const auto structural = [&](auto change) {
        TrainingConfig changed = base;
        change(changed);
        return core::needsNewTrainer(base, changed);
    };
    QVERIFY(structural([](TrainingConfig &c) { c.network.hidden = {16, 16}; }));
    QVERIFY(structural([](TrainingConfig &c) { c.network.activation = Activation::Elu; }));
    QVERIFY(structural([](TrainingConfig &c) { c.network.initSeed = 5; }));
    QVERIFY(structural([](TrainingConfig &c) { c.network.params.preluWeight = 0.1; }));
    QVERIFY(structural([](TrainingConfig &c) { c.data.kind = core::DatasetKind::Moons; }));
    QVERIFY(structural([](TrainingConfig &c) { c.optimizer = core::OptimizerKind::Adam; }));
    QVERIFY(structural([](TrainingConfig &c) { c.batchSize = 32; }));
    QVERIFY(structural([](TrainingConfig &c) { c.precision = core::Precision::Float; }));
}

void TestTrainer::validateNamesTheField_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("no layers") << 0 << QStringLiteral("hidden layers");
    QTest::newRow("33 layers") << 1 << QStringLiteral("hidden layers");
    QTest::newRow("width 0") << 2 << QStringLiteral("width");
    QTest::newRow("width 129") << 3 << QStringLiteral("width");
    QTest::newRow("lr 0") << 4 << QStringLiteral("learning rate");
    QTest::newRow("lr nan") << 5 << QStringLiteral("learning rate");
    QTest::newRow("lower > upper") << 6 << QStringLiteral("RReLU");
    QTest::newRow("noise -1") << 7 << QStringLiteral("noise");
    QTest::newRow("points 1") << 8 << QStringLiteral("data set size");
    QTest::newRow("momentum 1") << 9 << QStringLiteral("momentum");
}

void TestTrainer::validateNamesTheField()
{
    QFETCH(int, which);
    QFETCH(QString, fragment);
    TrainingConfig c;
    QVERIFY(!core::validate(c));
    switch (which) {
    case 0:
        c.network.hidden = {};
        break;
    case 1:
        c.network.hidden = std::vector<int>(33, 4);
        break;
    case 2:
        c.network.hidden = {0};
        break;
    case 3:
        c.network.hidden = {129};
        break;
    case 4:
        c.learningRate = 0.0;
        break;
    case 5:
        c.learningRate = std::numeric_limits<double>::quiet_NaN();
        break;
    case 6:
        c.network.params.rreluLower = 0.5;
        c.network.params.rreluUpper = 0.4;
        break;
    case 7:
        c.data.noise = -1.0;
        break;
    case 8:
        c.data.points = 1;
        break;
    case 9:
        c.momentum = 1.0;
        break;
    }
    const auto error = core::validate(c);
    QVERIFY(error);
    QVERIFY2(QString::fromStdString(*error).contains(fragment), error->c_str());
}

void TestTrainer::predictMatchesMeasureLogits()
{
    TrainingConfig config;
    config.data.testPoints = 0;
    config.network.hidden = {3, 3};
    auto trainer = core::makeTrainer(config, smallDataset(), core::Dataset {});
    trainer->setParameters(handBuiltParameters(trainer->layout()));
    // Output = sum over layer 2 of relu(x0 + 2) read by output weight 1 from unit 0 = x0 + 2.
    const std::vector<double> points {0.5, -0.3, -0.25, 0.9};
    std::vector<float> logits(2);
    trainer->predict(points, logits);
    QCOMPARE(logits[0], 2.5f);
    QCOMPARE(logits[1], 1.75f);
}

QTEST_APPLESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
