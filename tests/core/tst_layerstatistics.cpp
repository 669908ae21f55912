// Tests of the gradient-flow measurements of src/core/trainer.h (issue 15): the layer statistics
// and the weight penalties against an independent implementation
// (tests/core/reference_layer_statistics.py), the vanishing-gradient ratio itself, and that
// measuring the statistics never changes a run.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <cstring>

#include "common/fuzzycompare.h"
#include "common/testdata.h"
#include "core/parallel.h"
#include "core/trainer.h"

namespace core = relulab::core;
using core::Activation;
using core::TrainingConfig;

Q_DECLARE_METATYPE(relulab::core::Activation)

namespace {

QJsonObject readJson(const char *name)
{
    return relulab::test::readTestDataJson(QLatin1String(name));
}

const QJsonObject &reference()
{
    static const QJsonObject json = readJson("reference_layer_statistics.json");
    return json;
}

Activation activationNamed(const QString &name)
{
    if (name == QLatin1String("relu"))
        return Activation::Relu;
    if (name == QLatin1String("prelu"))
        return Activation::Prelu;
    if (name == QLatin1String("tanh"))
        return Activation::Tanh;
    if (name == QLatin1String("sigmoid"))
        return Activation::Sigmoid;
    qFatal("unknown activation %s", qPrintable(name));
}

core::HistogramSpec specOf(const QJsonObject &spec)
{
    core::HistogramSpec s;
    s.lower = spec.value(QStringLiteral("lower")).toDouble();
    s.upper = spec.value(QStringLiteral("upper")).toDouble();
    s.bins = spec.value(QStringLiteral("bins")).toInt();
    s.logMagnitude = spec.value(QStringLiteral("log")).toBool();
    return s;
}

core::MeasureOptions referenceOptions()
{
    const QJsonObject h = reference().value(QStringLiteral("histograms")).toObject();
    core::MeasureOptions options;
    options.layerStatistics = true;
    options.preActivations = specOf(h.value(QStringLiteral("pre")).toObject());
    options.activations = specOf(h.value(QStringLiteral("act")).toObject());
    options.backpropagated = specOf(h.value(QStringLiteral("back")).toObject());
    return options;
}

TrainingConfig deepConfig(Activation kind, int depth, int width = 32)
{
    TrainingConfig config;
    config.network.activation = kind;
    config.network.hidden.assign(static_cast<std::size_t>(depth), width);
    return config;
}

// A histogram against the reference's: the totals exactly, each bin within `slack` points (a
// value within an ulp of a bin edge may fall on the other side in another summation order).
QByteArray histogramMismatch(const core::Histogram &actual, const QJsonObject &expected,
                             std::uint64_t pairs, int slack)
{
    const QJsonArray counts = expected.value(QStringLiteral("counts")).toArray();
    if (actual.counts.size() != static_cast<std::size_t>(counts.size()))
        return "bin count " + QByteArray::number(actual.counts.size());
    if (actual.total() != pairs || actual.notFinite != 0)
        return "total " + QByteArray::number(static_cast<qulonglong>(actual.total()));
    const auto off = [&](std::uint64_t a, const QJsonValue &e) {
        return std::abs(static_cast<double>(a) - e.toDouble()) > slack;
    };
    for (qsizetype k = 0; k < counts.size(); ++k) {
        if (off(actual.counts[static_cast<std::size_t>(k)], counts[k]))
            return "bin " + QByteArray::number(k) + ": "
                    + QByteArray::number(static_cast<qulonglong>(actual.counts[static_cast<std::size_t>(k)]))
                    + " against " + QByteArray::number(counts[k].toInt());
    }
    if (off(actual.below, expected.value(QStringLiteral("below")))
        || off(actual.above, expected.value(QStringLiteral("above")))
        || off(actual.zero, expected.value(QStringLiteral("zero"))))
        return "below, above or zero";
    return {};
}

} // namespace

class TestLayerStatistics : public QObject
{
    Q_OBJECT

private slots:
    void statisticsMatchTheIndependentImplementation_data();
    void statisticsMatchTheIndependentImplementation();
    void gradientsVanishThroughSigmoidNotReLU();
    void penaltiesFollowTheIndependentImplementation_data();
    void penaltiesFollowTheIndependentImplementation();
    void measuringStatisticsDoesNotChangeTheRun_data();
    void measuringStatisticsDoesNotChangeTheRun();
    void initGainScalesEveryWeight();
    void largeDataSetsKeepGradientMemoryBounded();
    void reluZerosAreExactTanhsAreNot();
};

void TestLayerStatistics::statisticsMatchTheIndependentImplementation_data()
{
    QTest::addColumn<int>("index");
    const QJsonArray cases = reference().value(QStringLiteral("layer_statistics")).toArray();
    QVERIFY2(!cases.isEmpty(), "tests/data/reference_layer_statistics.json is missing");
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject c = cases[i].toObject();
        const QByteArray name = c.value(QStringLiteral("activation")).toString().toLatin1() + " depth "
                + QByteArray::number(c.value(QStringLiteral("depth")).toInt());
        QTest::newRow(name.constData()) << static_cast<int>(i);
    }
}

void TestLayerStatistics::statisticsMatchTheIndependentImplementation()
{
    QFETCH(int, index);
    const QJsonObject c = reference().value(QStringLiteral("layer_statistics")).toArray()[index].toObject();
    const int depth = c.value(QStringLiteral("depth")).toInt();
    TrainingConfig config = deepConfig(activationNamed(c.value(QStringLiteral("activation")).toString()),
                                       depth, c.value(QStringLiteral("width")).toInt());
    auto trainer = core::makeTrainer(config);
    const core::Measurement m = trainer->measure(referenceOptions());
    const relulab::test::Tolerance close {1e-11, 1e-300};
    RELULAB_FUZZY_COMPARE_TOL(m.loss, c.value(QStringLiteral("loss")).toDouble(), close);
    // The smallest gradients (sigmoid's first layers, ~1e-12) are sums of terms of both signs:
    // a looser relative tolerance there.
    const relulab::test::Tolerance gradient {1e-9, 1e-300};
    RELULAB_FUZZY_COMPARE_TOL(m.outputGradientNorm, c.value(QStringLiteral("grad_out")).toDouble(), gradient);
    const QJsonArray layers = c.value(QStringLiteral("layers")).toArray();
    QCOMPARE(m.layers.size(), static_cast<std::size_t>(depth));
    const auto pairs = static_cast<std::uint64_t>(trainer->trainingSet().size())
            * static_cast<std::uint64_t>(c.value(QStringLiteral("width")).toInt());
    for (int l = 0; l < depth; ++l) {
        const QJsonObject e = layers[l].toObject();
        const core::LayerMeasurement &lm = m.layers[static_cast<std::size_t>(l)];
        const QByteArray where = "layer " + QByteArray::number(l + 1);
        QVERIFY2(relulab::test::fuzzyEqual(lm.gradientNorm, e.value(QStringLiteral("grad")).toDouble(), gradient),
                 where + " " + relulab::test::fuzzyMismatch("grad", lm.gradientNorm, e.value(QStringLiteral("grad")).toDouble(), gradient));
        QCOMPARE(lm.zeroShare, e.value(QStringLiteral("zero")).toDouble());
        QCOMPARE(lm.blockedShare, e.value(QStringLiteral("blocked")).toDouble());
        QVERIFY2(relulab::test::fuzzyEqual(lm.mean, e.value(QStringLiteral("mean")).toDouble(), close),
                 where + " " + relulab::test::fuzzyMismatch("mean", lm.mean, e.value(QStringLiteral("mean")).toDouble(), close));
        QVERIFY2(relulab::test::fuzzyEqual(lm.deviation, e.value(QStringLiteral("std")).toDouble(), close),
                 where + " " + relulab::test::fuzzyMismatch("std", lm.deviation, e.value(QStringLiteral("std")).toDouble(), close));
        const QJsonObject h = e.value(QStringLiteral("histograms")).toObject();
        for (const auto &[name, histogram] :
             {std::pair {"pre", &lm.preActivations}, std::pair {"act", &lm.activations},
              std::pair {"back", &lm.backpropagated}}) {
            const QByteArray problem =
                    histogramMismatch(*histogram, h.value(QLatin1String(name)).toObject(), pairs, 1);
            QVERIFY2(problem.isEmpty(), where + " histogram " + name + ": " + problem);
        }
    }
}

void TestLayerStatistics::gradientsVanishThroughSigmoidNotReLU()
{
    // The anchor, measured: 20 hidden layers of 32, He normal seed 1, step 0.
    core::MeasureOptions options;
    options.layerStatistics = true;
    const auto norms = [&](Activation kind) {
        const core::Measurement m = core::makeTrainer(deepConfig(kind, 20))->measure(options);
        std::vector<double> g;
        for (const core::LayerMeasurement &l : m.layers)
            g.push_back(l.gradientNorm);
        return g;
    };
    const std::vector<double> sigmoid = norms(Activation::Sigmoid);
    QVERIFY2(sigmoid.front() < 1e-6 * sigmoid.back(),
             QByteArray::number(sigmoid.front()) + " against " + QByteArray::number(sigmoid.back()));
    const std::vector<double> relu = norms(Activation::Relu);
    const auto [low, high] = std::minmax_element(relu.begin(), relu.end());
    QVERIFY2(*high < 10.0 * *low, QByteArray::number(*low) + " to " + QByteArray::number(*high));
    QVERIFY(*low > 0.0);
}

void TestLayerStatistics::penaltiesFollowTheIndependentImplementation_data()
{
    QTest::addColumn<int>("index");
    const QJsonArray cases = reference().value(QStringLiteral("trajectories")).toArray();
    QVERIFY2(!cases.isEmpty(), "tests/data/reference_layer_statistics.json is missing");
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject c = cases[i].toObject();
        const QByteArray name = c.value(QStringLiteral("activation")).toString().toLatin1() + " "
                + c.value(QStringLiteral("optimizer")).toString().toLatin1() + " decay "
                + QByteArray::number(c.value(QStringLiteral("weight_decay")).toDouble()) + " l1 "
                + QByteArray::number(c.value(QStringLiteral("l1")).toDouble()) + " gain "
                + QByteArray::number(c.value(QStringLiteral("init_gain")).toDouble());
        QTest::newRow(name.constData()) << static_cast<int>(i);
    }
}

void TestLayerStatistics::penaltiesFollowTheIndependentImplementation()
{
    QFETCH(int, index);
    const QJsonObject c = reference().value(QStringLiteral("trajectories")).toArray()[index].toObject();
    TrainingConfig config;
    config.network.activation = activationNamed(c.value(QStringLiteral("activation")).toString());
    config.network.hidden.clear();
    for (const QJsonValue &w : c.value(QStringLiteral("hidden")).toArray())
        config.network.hidden.push_back(w.toInt());
    config.network.initGain = c.value(QStringLiteral("init_gain")).toDouble();
    config.optimizer = *core::optimizerFromCliName(c.value(QStringLiteral("optimizer")).toString().toStdString());
    config.learningRate = c.value(QStringLiteral("lr")).toDouble();
    config.momentum = c.value(QStringLiteral("momentum")).toDouble();
    config.weightDecay = c.value(QStringLiteral("weight_decay")).toDouble();
    config.l1 = c.value(QStringLiteral("l1")).toDouble();
    QVERIFY(!core::validate(config));
    auto trainer = core::makeTrainer(config);
    const relulab::test::Tolerance close {1e-10, 1e-13};
    const QJsonArray losses = c.value(QStringLiteral("losses")).toArray();
    for (qsizetype s = 0; s < losses.size(); ++s) {
        trainer->train(1);
        const double loss = trainer->measure().loss;
        QVERIFY2(relulab::test::fuzzyEqual(loss, losses[s].toDouble(), close),
                 "step " + QByteArray::number(s + 1) + " "
                         + relulab::test::fuzzyMismatch("loss", loss, losses[s].toDouble(), close));
    }
    const std::vector<double> p = trainer->parameters();
    const QJsonArray expected = c.value(QStringLiteral("final_parameters")).toArray();
    QCOMPARE(p.size(), static_cast<std::size_t>(expected.size()));
    for (std::size_t k = 0; k < p.size(); ++k) {
        const double e = expected[static_cast<qsizetype>(k)].toDouble();
        QVERIFY2(relulab::test::fuzzyEqual(p[k], e, close),
                 "parameter " + QByteArray::number(k) + " " + relulab::test::fuzzyMismatch("p", p[k], e, close));
    }
}

void TestLayerStatistics::measuringStatisticsDoesNotChangeTheRun_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<bool>("floatPrecision");
    QTest::newRow("relu full batch") << Activation::Relu << 0 << false;
    QTest::newRow("leaky full batch") << Activation::LeakyRelu << 0 << false;
    QTest::newRow("prelu full batch float") << Activation::Prelu << 0 << true;
    QTest::newRow("sigmoid mini-batch") << Activation::Sigmoid << 32 << false;
    QTest::newRow("rrelu full batch") << Activation::Rrelu << 0 << true;
}

void TestLayerStatistics::measuringStatisticsDoesNotChangeTheRun()
{
    // With full batches the measurement's gradient is the next step's, and the step reuses it: the
    // run must stay the same to the bit, measured at every step or never.
    QFETCH(Activation, kind);
    QFETCH(int, batchSize);
    QFETCH(bool, floatPrecision);
    TrainingConfig config = deepConfig(kind, 4, 16);
    config.batchSize = static_cast<std::size_t>(batchSize);
    config.precision = floatPrecision ? core::Precision::Float : core::Precision::Double;
    config.learningRate = 0.3;
    config.weightDecay = 0.001;
    core::MeasureOptions options;
    options.layerStatistics = true;
    auto measured = core::makeTrainer(config);
    auto plain = core::makeTrainer(config);
    // Reused at full batch, without random slopes; never after a measurement without statistics
    // or after the step that took it.
    const bool reuses = batchSize == 0 && kind != Activation::Rrelu;
    for (int s = 0; s < 6; ++s) {
        QVERIFY(!measured->nextStepReusesMeasurement());
        const core::Measurement m = measured->measure(options);
        QCOMPARE(measured->nextStepReusesMeasurement(), reuses);
        QVERIFY(std::isfinite(m.layers.front().gradientNorm));
        QCOMPARE(m.loss, plain->measure().loss);
        QVERIFY(!plain->nextStepReusesMeasurement());
        measured->train(1);
        plain->train(1);
    }
    // An adjustment between the measurement and the step must be taken on, not skipped.
    measured->measure(options);
    QCOMPARE(measured->nextStepReusesMeasurement(), reuses);
    config.network.params.leakySlope = 0.2;
    config.learningRate = 0.05;
    measured->adjust(config);
    QVERIFY(!measured->nextStepReusesMeasurement());
    plain->adjust(config);
    measured->train(2);
    plain->train(2);
    const std::vector<double> a = measured->parameters();
    const std::vector<double> b = plain->parameters();
    QCOMPARE(a.size(), b.size());
    QVERIFY(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

void TestLayerStatistics::initGainScalesEveryWeight()
{
    // A gain of 2 doubles every weight exactly (a power of two) and leaves the biases.
    for (core::Initialization init :
         {core::Initialization::HeNormal, core::Initialization::XavierUniform,
          core::Initialization::PlaygroundUniform, core::Initialization::RandomizedAsymmetric}) {
        core::NetworkConfig net;
        net.init = init;
        const std::vector<double> one = core::initialParameters(net);
        net.initGain = 2.0;
        const std::vector<double> two = core::initialParameters(net);
        for (const core::LayerLayout &l : core::layoutFor(net)) {
            for (std::size_t k = l.weight; k < l.bias; ++k)
                QCOMPARE(two[k], 2.0 * one[k]);
            for (std::size_t k = l.bias; k < l.bias + static_cast<std::size_t>(l.out); ++k)
                QCOMPARE(two[k], one[k]);
        }
    }
    core::NetworkConfig net;
    TrainingConfig config;
    for (double bad : {0.0, -1.0, 10.5, std::nan("")}) {
        config.network.initGain = bad;
        const auto error = core::validate(config);
        QVERIFY(error);
        QVERIFY2(error->find("init gain") != std::string::npos, error->c_str());
    }
}

void TestLayerStatistics::largeDataSetsKeepGradientMemoryBounded()
{
    // 40 blocks of samples in 16 groups: the same numbers on one thread or two, and the same loss
    // as adding the per-point losses directly.
    const int before = core::maxThreads();
    TrainingConfig config = deepConfig(Activation::Relu, 2, 8);
    config.data.points = 40 * 256;
    config.data.testPoints = 0;
    core::setMaxThreads(1);
    auto one = core::makeTrainer(config);
    one->train(3);
    core::setMaxThreads(2);
    auto two = core::makeTrainer(config);
    two->train(3);
    core::setMaxThreads(before);
    const std::vector<double> a = one->parameters();
    const std::vector<double> b = two->parameters();
    QVERIFY(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
    std::vector<double> gradient;
    const double loss = two->lossAndGradient(gradient);
    RELULAB_FUZZY_COMPARE_TOL(loss, two->measure().loss, (relulab::test::Tolerance {1e-13, 0.0}));
}

void TestLayerStatistics::reluZerosAreExactTanhsAreNot()
{
    core::MeasureOptions options;
    options.layerStatistics = true;
    const core::Measurement relu = core::makeTrainer(deepConfig(Activation::Relu, 3))->measure(options);
    const core::Measurement tanh = core::makeTrainer(deepConfig(Activation::Tanh, 3))->measure(options);
    for (std::size_t l = 0; l < 3; ++l) {
        // ReLU: zero exactly where blocked (z <= 0); tanh: (almost) never exactly 0.
        QCOMPARE(relu.layers[l].zeroShare, relu.layers[l].blockedShare);
        QVERIFY(relu.layers[l].zeroShare > 0.3);
        QVERIFY(tanh.layers[l].zeroShare < 0.01);
    }
}

QTEST_APPLESS_MAIN(TestLayerStatistics)
#include "tst_layerstatistics.moc"
