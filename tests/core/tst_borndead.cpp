// Tests of src/core/borndead.h: the born-dead Monte Carlo against a plain scalar evaluation of the
// same networks (bit for bit, every SIMD level, one and several tiles of samples), against the
// oracle 1 - (1 - 2^-N)^L, against Lu et al.'s figures (width 2, depth 10 is born dead about nine
// times in ten; RAI much less often); the Wilson interval against hand-computed values; the
// ziggurat's normals; reproducibility, thread-count independence, progress and cancellation.

#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <thread>
#include <tuple>
#include <vector>

#include "common/fuzzycompare.h"
#include "core/borndead.h"
#include "core/layerkernels.h"
#include "core/parallel.h"
#include "core/splitmix64.h"

namespace core = relulab::core;
using core::BornDeadBias;
using core::BornDeadConfig;
using core::BornDeadInit;
using relulab::test::Tolerance;

Q_DECLARE_METATYPE(relulab::core::BornDeadConfig)

namespace {

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
// A sanitised build computes many times slower, and a cancelled job finishes its current unit of
// work first: the bound on how soon cancelling takes effect grows with it.
constexpr double CancelBoundMs = 2000.0;
#else
constexpr double CancelBoundMs = 100.0;
#endif

// The simulation's recipe written as plainly as possible: every sample through every layer, in
// float, each unit summed b + w_1 x_1 + ... left to right. Compiled in ISO C++ mode without
// -march, so there is no contraction into fused multiply-adds: the same bits as the kernels.
core::BornDeadVerdict referenceVerdict(const BornDeadConfig &config, int width, int depth,
                                       std::uint64_t index)
{
    const std::vector<float> parameters = core::bornDeadParameters(config, width, depth, index);
    const std::vector<float> inputs = core::bornDeadInputs(config);
    const auto d = static_cast<std::size_t>(config.inputDim);
    const auto n = static_cast<std::size_t>(width);
    std::vector<bool> zeroEverywhere(static_cast<std::size_t>(depth), true);
    core::BornDeadVerdict verdict;
    std::vector<float> h;
    std::vector<float> next(n);
    for (std::size_t s = 0; s < inputs.size() / d; ++s) {
        h.assign(inputs.begin() + static_cast<std::ptrdiff_t>(s * d),
                 inputs.begin() + static_cast<std::ptrdiff_t>((s + 1) * d));
        const float *w = parameters.data();
        for (int layer = 0; layer < depth; ++layer) {
            const std::size_t fanIn = h.size();
            const float *b = w + n * fanIn;
            bool zero = true;
            for (std::size_t o = 0; o < n; ++o) {
                float acc = b[o];
                for (std::size_t i = 0; i < fanIn; ++i)
                    acc = acc + w[o * fanIn + i] * h[i];
                next[o] = acc > 0.0f ? acc : 0.0f;
                zero = zero && next[o] == 0.0f;
            }
            if (!zero)
                zeroEverywhere[static_cast<std::size_t>(layer)] = false;
            else if (s == 0)
                verdict.deadAtInput = true;
            h = next;
            w = b + n;
        }
    }
    const auto first = std::find(zeroEverywhere.begin(), zeroEverywhere.end(), true);
    verdict.bornDead = first != zeroEverywhere.end();
    verdict.deadLayer = verdict.bornDead ? static_cast<int>(first - zeroEverywhere.begin()) + 1 : 0;
    return verdict;
}

BornDeadConfig configWith(int inputDim, BornDeadBias bias, BornDeadInit init, std::uint64_t inputs,
                          std::uint64_t seed = 11)
{
    BornDeadConfig config;
    config.inputDim = inputDim;
    config.bias = bias;
    config.init = init;
    config.inputs = inputs;
    config.seed = seed;
    return config;
}

// One cell, with the grid of the configuration replaced.
core::BornDeadCell runCell(BornDeadConfig config, int width, int depth)
{
    config.widths = {width};
    config.depths = {depth};
    const core::BornDeadResult result = core::runBornDead(config);
    return result.cells.at(0);
}

std::vector<core::SimdLevel> simdLevels()
{
    std::vector<core::SimdLevel> levels {core::SimdLevel::Baseline};
    if (core::supportedSimdLevel() != core::SimdLevel::Baseline)
        levels.push_back(core::SimdLevel::Avx2);
    if (core::supportedSimdLevel() == core::SimdLevel::Avx512)
        levels.push_back(core::SimdLevel::Avx512);
    return levels;
}

} // namespace

class TestBornDead : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void wilsonInterval_data();
    void wilsonInterval();
    void oracle_data();
    void oracle();
    void inputs();
    void parameters();
    void randomizedAsymmetricRows();
    void zigguratIsStandardNormal();
    void matchesPlainEvaluation_data();
    void matchesPlainEvaluation();
    void deadAtInputMatchesOracle_data();
    void deadAtInputMatchesOracle();
    void widthTwoDepthTenIsMostlyBornDead();
    void randomizedAsymmetricIsRarelyBornDead();
    void normalBiases();
    void reproducibleAndThreadIndependent();
    void differentSeedDiffers();
    void progressInOrderOnCallingThread();
    void cancelStopsWithin100Ms();
    void cancelBeforeStart();
    void progressExceptionPropagates();
    void invalidConfigurationThrows();
    void validation_data();
    void validation();
    void cliNames();
};

void TestBornDead::cleanup()
{
    core::setSimdLevel(core::supportedSimdLevel());
}

void TestBornDead::wilsonInterval_data()
{
    QTest::addColumn<quint64>("successes");
    QTest::addColumn<quint64>("trials");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    // z = 1.959963984540054. For p = 0 the interval is [0, z^2 / (n + z^2)], for p = 1
    // [n / (n + z^2), 1]: closed forms of the formula.
    QTest::newRow("0 of 10") << quint64(0) << quint64(10) << 0.0 << 0.2775327998628892;
    QTest::newRow("10 of 10") << quint64(10) << quint64(10) << 0.7224672001371107 << 1.0;
    QTest::newRow("0 of 1") << quint64(0) << quint64(1) << 0.0 << 0.7934506856227626;
    QTest::newRow("1 of 1") << quint64(1) << quint64(1) << 0.20654931437723745 << 1.0;
    // 3 of 10: centre (0.3 + 0.19207) / 1.38415 = 0.35551, half-width
    // 1.95996 sqrt(0.021 + 0.0096036) / 1.38415 = 0.24771.
    QTest::newRow("3 of 10") << quint64(3) << quint64(10) << 0.10779126740630099 << 0.6032218525388546;
    // 50 of 100: centre 0.5, half-width 1.95996 sqrt(0.0025 + 0.00009604) / 1.038415 = 0.096168.
    QTest::newRow("50 of 100") << quint64(50) << quint64(100) << 0.4038315303659956
                               << 0.5961684696340044;
    QTest::newRow("1 of 4000") << quint64(1) << quint64(4000) << 4.4132501957676274e-05
                               << 0.0014148310660989595;
    QTest::newRow("no trials") << quint64(0) << quint64(0) << 0.0 << 1.0;
}

void TestBornDead::wilsonInterval()
{
    QFETCH(quint64, successes);
    QFETCH(quint64, trials);
    QFETCH(double, low);
    QFETCH(double, high);
    const core::ProportionInterval interval = core::wilsonInterval(successes, trials);
    RELULAB_FUZZY_COMPARE_TOL(interval.low, low, (Tolerance {1e-12, 1e-18}));
    RELULAB_FUZZY_COMPARE_TOL(interval.high, high, (Tolerance {1e-12, 1e-18}));
    // The ends that are exact in theory are exact here, not off by rounding.
    if (successes == 0)
        QCOMPARE(interval.low, 0.0);
    if (successes == trials)
        QCOMPARE(interval.high, 1.0);
}

void TestBornDead::oracle_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("depth");
    QTest::addColumn<double>("expected");
    QTest::newRow("1, 1") << 1 << 1 << 0.5;
    QTest::newRow("1, 3") << 1 << 3 << 0.875;
    QTest::newRow("2, 10") << 2 << 10 << 0.9436864852905273; // 1 - (3/4)^10
    QTest::newRow("10, 50") << 10 << 50 << 0.04767792029637308;
    // 1000 * 2^-128 to first order: 1 - (1 - 2^-128)^1000 computed naively is 0.
    QTest::newRow("128, 1000") << 128 << 1000 << 2.9387358770557188e-36;
}

void TestBornDead::oracle()
{
    QFETCH(int, width);
    QFETCH(int, depth);
    QFETCH(double, expected);
    RELULAB_FUZZY_COMPARE_TOL(core::deadAtInputOracle(width, depth), expected,
                              (Tolerance {1e-12, 0.0}));
}

void TestBornDead::inputs()
{
    for (int d : {1, 2}) {
        const BornDeadConfig config = configWith(d, BornDeadBias::Zero, BornDeadInit::HeNormal, 500);
        const std::vector<float> points = core::bornDeadInputs(config);
        QCOMPARE(points.size(), core::bornDeadSampleCount(config) * static_cast<std::size_t>(d));
        QCOMPARE(core::bornDeadSampleCount(config), std::size_t(500 + (1 << d)));
        // Corner 0 is the fixed input (1, ..., 1); the corners are all distinct sign patterns.
        for (int j = 0; j < d; ++j)
            QCOMPARE(points[static_cast<std::size_t>(j)], 1.0f);
        if (d == 2) {
            const std::vector<float> corners(points.begin(), points.begin() + 8);
            QCOMPARE(corners, (std::vector<float> {1, 1, -1, 1, 1, -1, -1, -1}));
        } else {
            QCOMPARE(points[1], -1.0f);
        }
        const auto corners = static_cast<std::size_t>(d) << d;
        for (std::size_t k = corners; k < points.size(); ++k)
            QVERIFY(points[k] >= -1.0f && points[k] < 1.0f);
    }
    // A point's first coordinate does not depend on the dimension.
    const std::vector<float> one =
            core::bornDeadInputs(configWith(1, BornDeadBias::Zero, BornDeadInit::HeNormal, 100));
    const std::vector<float> two =
            core::bornDeadInputs(configWith(2, BornDeadBias::Zero, BornDeadInit::HeNormal, 100));
    for (std::size_t i = 0; i < 100; ++i)
        QCOMPARE(one[2 + i], two[2 * (4 + i)]);
}

void TestBornDead::parameters()
{
    // He normal: weights of variance 2 / fan_in, biases exactly 0 or of the same variance.
    for (BornDeadBias bias : {BornDeadBias::Zero, BornDeadBias::Normal}) {
        const BornDeadConfig config = configWith(2, bias, BornDeadInit::HeNormal, 0);
        const int width = 8;
        const int depth = 3;
        double weightSquares[2] = {0, 0};
        double biasSquares[2] = {0, 0};
        std::size_t weights[2] = {0, 0};
        std::size_t biases[2] = {0, 0};
        for (std::uint64_t k = 0; k < 2000; ++k) {
            const std::vector<float> p = core::bornDeadParameters(config, width, depth, k);
            QCOMPARE(p.size(), std::size_t(8 * 2 + 8 + 2 * (8 * 8 + 8)));
            std::size_t offset = 0;
            for (int layer = 0; layer < depth; ++layer) {
                const std::size_t fanIn = layer == 0 ? 2 : 8;
                const std::size_t kind = layer == 0 ? 0 : 1;
                for (std::size_t i = 0; i < 8 * fanIn; ++i, ++offset) {
                    weightSquares[kind] += double(p[offset]) * p[offset];
                    ++weights[kind];
                }
                for (std::size_t i = 0; i < 8; ++i, ++offset) {
                    if (bias == BornDeadBias::Zero)
                        QCOMPARE(p[offset], 0.0f);
                    biasSquares[kind] += double(p[offset]) * p[offset];
                    ++biases[kind];
                }
            }
        }
        // Variances 1 (fan-in 2) and 0.25 (fan-in 8); 32,000 and 256,000 draws, relative
        // standard errors about 0.8 % and 0.3 %: 4 % is far outside chance.
        RELULAB_FUZZY_COMPARE_TOL(weightSquares[0] / double(weights[0]), 1.0, (Tolerance {0.04, 0.0}));
        RELULAB_FUZZY_COMPARE_TOL(weightSquares[1] / double(weights[1]), 0.25, (Tolerance {0.04, 0.0}));
        if (bias == BornDeadBias::Normal) {
            RELULAB_FUZZY_COMPARE_TOL(biasSquares[0] / double(biases[0]), 1.0, (Tolerance {0.04, 0.0}));
            RELULAB_FUZZY_COMPARE_TOL(biasSquares[1] / double(biases[1]), 0.25,
                                      (Tolerance {0.04, 0.0}));
        }
    }
}

void TestBornDead::randomizedAsymmetricRows()
{
    // RAI gives every unit one positive entry (weights and bias) from Beta(2, 1); the rest are
    // N(0, 0.6007^2 / fan_in). So no row is all negative, and the biases are not zero.
    const BornDeadConfig config =
            configWith(1, BornDeadBias::Zero, BornDeadInit::RandomizedAsymmetric, 0);
    const int width = 3;
    int nonzeroBiases = 0;
    for (std::uint64_t k = 0; k < 500; ++k) {
        const std::vector<float> p = core::bornDeadParameters(config, width, 4, k);
        std::size_t offset = 0;
        for (int layer = 0; layer < 4; ++layer) {
            const std::size_t fanIn = layer == 0 ? 1 : 3;
            const float *w = p.data() + offset;
            const float *b = w + 3 * fanIn;
            for (std::size_t o = 0; o < 3; ++o) {
                bool positive = b[o] > 0.0f;
                for (std::size_t i = 0; i < fanIn; ++i)
                    positive = positive || w[o * fanIn + i] > 0.0f;
                QVERIFY(positive);
                nonzeroBiases += b[o] != 0.0f ? 1 : 0;
            }
            offset += 3 * fanIn + 3;
        }
    }
    QCOMPARE(nonzeroBiases, 500 * 4 * 3);
    // The same seed, network and shape with He: another recipe, other parameters.
    BornDeadConfig he = config;
    he.init = BornDeadInit::HeNormal;
    QVERIFY(core::bornDeadParameters(he, width, 4, 0) != core::bornDeadParameters(config, width, 4, 0));
}

void TestBornDead::zigguratIsStandardNormal()
{
    constexpr std::size_t n = 1'000'000;
    core::SplitMix64 g(2019);
    std::vector<double> z(n);
    double sum = 0.0;
    double squares = 0.0;
    double fourth = 0.0;
    std::size_t beyond3 = 0;
    std::size_t beyondR = 0; // the tail drawn by Marsaglia's method
    for (double &x : z) {
        x = core::zigguratNormal(g);
        QVERIFY(std::isfinite(x));
        sum += x;
        squares += x * x;
        fourth += x * x * x * x;
        beyond3 += std::abs(x) > 3.0 ? 1 : 0;
        beyondR += std::abs(x) > 3.6541528853610088 ? 1 : 0;
    }
    const double mean = sum / n;
    const double variance = squares / n - mean * mean;
    // Standard errors: mean 0.001, variance 0.0014, fourth moment 0.0098; bounds at 5 of them.
    QVERIFY2(std::abs(mean) < 0.005, qPrintable(QString::number(mean)));
    QVERIFY2(std::abs(variance - 1.0) < 0.007, qPrintable(QString::number(variance)));
    QVERIFY2(std::abs(fourth / n - 3.0) < 0.05, qPrintable(QString::number(fourth / n)));
    // P(|Z| > 3) = 0.0026998, P(|Z| > R) = 0.00025807: expected 2700 +- 52 and 258 +- 16.
    QVERIFY2(std::abs(double(beyond3) - 2699.8) < 5 * 52, qPrintable(QString::number(beyond3)));
    QVERIFY2(std::abs(double(beyondR) - 258.07) < 5 * 16.1, qPrintable(QString::number(beyondR)));
    // Kolmogorov-Smirnov against Phi: D < 1.95 / sqrt(n) is the 0.1 % critical value.
    std::sort(z.begin(), z.end());
    double d = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        const double cdf = 0.5 * std::erfc(-z[k] / std::sqrt(2.0));
        d = std::max({d, cdf - double(k) / n, double(k + 1) / n - cdf});
    }
    QVERIFY2(d < 1.95 / std::sqrt(double(n)), qPrintable(QString::number(d)));
}

void TestBornDead::matchesPlainEvaluation_data()
{
    QTest::addColumn<BornDeadConfig>("config");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("networks");
    // Every kernel kind (fixed widths 1 to 16, the generic one beyond), both input dimensions,
    // both biases and RAI; narrow and deep so that many networks die, some part way.
    const auto he = BornDeadInit::HeNormal;
    const auto rai = BornDeadInit::RandomizedAsymmetric;
    const auto zero = BornDeadBias::Zero;
    const auto normal = BornDeadBias::Normal;
    for (int width : {1, 2, 3, 4, 5, 7, 10, 16, 17, 24}) {
        const int depth = width <= 5 ? 12 : 6;
        QTest::addRow("d1 zero %d", width) << configWith(1, zero, he, 300) << width << depth << 24;
        QTest::addRow("d2 normal %d", width) << configWith(2, normal, he, 300) << width << depth << 24;
    }
    QTest::newRow("d1 rai 2") << configWith(1, zero, rai, 300) << 2 << 20 << 24;
    QTest::newRow("d2 rai 3") << configWith(2, zero, rai, 300) << 3 << 20 << 24;
    QTest::newRow("d2 zero 3") << configWith(2, zero, he, 300) << 3 << 12 << 24;
    QTest::newRow("d1 normal 3") << configWith(1, normal, he, 300) << 3 << 12 << 24;
    QTest::newRow("corners only") << configWith(2, zero, he, 0) << 2 << 8 << 40;
    QTest::newRow("one input") << configWith(1, normal, he, 1) << 2 << 8 << 40;
    // Samples beyond one tile of activations (1 MB per block: 262,144 samples at width 1, 6,544
    // at width 40) are taken in several tiles.
    QTest::newRow("tiles zero 1") << configWith(1, zero, he, 600'000) << 1 << 4 << 6;
    QTest::newRow("tiles normal 1") << configWith(2, normal, he, 600'000) << 1 << 4 << 6;
    QTest::newRow("tiles zero 40") << configWith(2, zero, he, 15'000) << 40 << 2 << 2;
    QTest::newRow("tiles normal 40") << configWith(1, normal, he, 15'000) << 40 << 2 << 2;
}

void TestBornDead::matchesPlainEvaluation()
{
    QFETCH(BornDeadConfig, config);
    QFETCH(int, width);
    QFETCH(int, depth);
    QFETCH(int, networks);
    std::vector<core::BornDeadVerdict> expected;
    int bornDead = 0;
    for (int k = 0; k < networks; ++k) {
        expected.push_back(referenceVerdict(config, width, depth, std::uint64_t(k)));
        bornDead += expected.back().bornDead ? 1 : 0;
    }
    for (core::SimdLevel level : simdLevels()) {
        core::setSimdLevel(level);
        for (int k = 0; k < networks; ++k) {
            const core::BornDeadVerdict verdict =
                    core::simulateBornDeadNetwork(config, width, depth, std::uint64_t(k));
            const QByteArray where = QByteArray(core::simdLevelName(level).data()) + " network "
                    + QByteArray::number(k);
            QVERIFY2(verdict.bornDead == expected[std::size_t(k)].bornDead, where.constData());
            QVERIFY2(verdict.deadAtInput == expected[std::size_t(k)].deadAtInput, where.constData());
            QVERIFY2(verdict.deadLayer == expected[std::size_t(k)].deadLayer, where.constData());
        }
    }
    // The cell counts the same verdicts.
    BornDeadConfig cellConfig = config;
    cellConfig.networks = std::uint64_t(networks);
    const core::BornDeadCell cell = runCell(cellConfig, width, depth);
    QCOMPARE(cell.bornDead, std::uint64_t(bornDead));
    QCOMPARE(cell.deadAtInput,
             std::uint64_t(std::count_if(expected.begin(), expected.end(),
                                         [](const core::BornDeadVerdict &v) { return v.deadAtInput; })));
}

void TestBornDead::deadAtInputMatchesOracle_data()
{
    QTest::addColumn<int>("inputDim");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("networks");
    // The cost is in drawing the weights, networks x N^2 x L normals: fewer networks for the wide
    // cell, whose interval is narrow anyway (p near 0.1).
    for (int d : {1, 2}) {
        for (const auto &[width, depth, networks] : {std::tuple {1, 2, 100'000},
                                                     {2, 5, 100'000},
                                                     {3, 10, 100'000},
                                                     {4, 20, 100'000},
                                                     {5, 10, 100'000},
                                                     {8, 30, 20'000}})
            QTest::addRow("d%d N%d L%d", d, width, depth) << d << width << depth << networks;
    }
}

void TestBornDead::deadAtInputMatchesOracle()
{
    QFETCH(int, inputDim);
    QFETCH(int, width);
    QFETCH(int, depth);
    QFETCH(int, networks);
    // Whether a network is dead at the fixed input does not depend on the other inputs, so the
    // corners alone will do, for many networks: 100,000 give an interval of +-0.005 at p = 0.5.
    // The check is that the oracle lies within the interval; the 99.9 % interval, so that a
    // correct simulation fails for one seed in a thousand rather than one in twenty.
    BornDeadConfig config = configWith(inputDim, BornDeadBias::Zero, BornDeadInit::HeNormal, 0, 4);
    config.networks = std::uint64_t(networks);
    const core::BornDeadCell cell = runCell(config, width, depth);
    const double oracle = core::deadAtInputOracle(width, depth);
    QCOMPARE(cell.oracle, oracle);
    const core::ProportionInterval interval =
            core::wilsonInterval(cell.deadAtInput, cell.networks, 3.2905267314919255);
    QVERIFY2(interval.low <= oracle && oracle <= interval.high,
             qPrintable(QStringLiteral("%1 of %2 dead at the input, oracle %3")
                                .arg(cell.deadAtInput)
                                .arg(cell.networks)
                                .arg(oracle)));
    // Born dead implies dead at every input, the fixed one included.
    QVERIFY(cell.bornDead <= cell.deadAtInput);
}

void TestBornDead::widthTwoDepthTenIsMostlyBornDead()
{
    // Lu et al. (2019): a width-2, depth-10 ReLU network with symmetric initialisation is born
    // dead about nine times in ten (on [-1, 1]). Here, with d = 1, 2,000 inputs and zero biases,
    // a million networks give 0.9098 (95 % interval 0.9092 to 0.9103); 20,000 networks have a
    // standard error of 0.002. The band [0.89, 0.93] is 10 standard errors either side: only a
    // wrong simulation leaves it, for instance one that counted the networks dead at a single
    // input (0.944, the oracle) or dead at all of only a few inputs.
    BornDeadConfig config;
    config.networks = 20'000;
    const core::BornDeadCell cell = runCell(config, 2, 10);
    QVERIFY2(cell.p >= 0.89 && cell.p <= 0.93, qPrintable(QString::number(cell.p)));
    QVERIFY(cell.interval.low < cell.p && cell.p < cell.interval.high);
    QVERIFY(cell.p < cell.oracle);
    QCOMPARE(cell.p, double(cell.bornDead) / 20'000.0);
}

void TestBornDead::randomizedAsymmetricIsRarelyBornDead()
{
    // Deep and narrow: He is born dead 90 % (width 3, depth 20) and 95 % (width 4, depth 50) of
    // the time, RAI about 20 % (4,000 networks each: 0.900 against 0.197, 0.946 against 0.190).
    BornDeadConfig config;
    config.networks = 2000;
    for (const auto &[width, depth] : {std::pair {3, 20}, {4, 50}}) {
        config.init = BornDeadInit::HeNormal;
        const core::BornDeadCell he = runCell(config, width, depth);
        config.init = BornDeadInit::RandomizedAsymmetric;
        const core::BornDeadCell rai = runCell(config, width, depth);
        QVERIFY2(he.p > 0.85 && rai.p < 0.3 && rai.interval.high < he.interval.low / 2,
                 qPrintable(
                         QStringLiteral("N %1 L %2: he %3, rai %4").arg(width).arg(depth).arg(he.p).arg(rai.p)));
    }
}

void TestBornDead::normalBiases()
{
    BornDeadConfig config;
    config.networks = 4000;
    QVERIFY(core::hasZeroBiases(config));
    const core::BornDeadCell zero = runCell(config, 2, 10);
    config.bias = BornDeadBias::Normal;
    QVERIFY(!core::hasZeroBiases(config));
    const core::BornDeadCell normal = runCell(config, 2, 10);
    // Other networks, so other counts; with biases a dead layer's successor is relu(b), still
    // constant, so such networks are still counted born dead: p stays high (about 0.87).
    QVERIFY(normal.bornDead != zero.bornDead);
    QVERIFY2(normal.p > 0.8 && normal.p < 0.95, qPrintable(QString::number(normal.p)));
    QVERIFY(normal.bornDead <= normal.deadAtInput);
    // RAI brings its own biases: the bias setting does not change it.
    config.init = BornDeadInit::RandomizedAsymmetric;
    QVERIFY(!core::hasZeroBiases(config));
    const core::BornDeadCell raiNormal = runCell(config, 2, 10);
    config.bias = BornDeadBias::Zero;
    QVERIFY(!core::hasZeroBiases(config));
    const core::BornDeadCell raiZero = runCell(config, 2, 10);
    QCOMPARE(raiNormal.bornDead, raiZero.bornDead);
    QCOMPARE(raiNormal.deadAtInput, raiZero.deadAtInput);
}

void TestBornDead::reproducibleAndThreadIndependent()
{
    if (!core::openMpEnabled())
        QSKIP("needs OpenMP");
    BornDeadConfig config;
    config.networks = 600;
    config.widths = {2, 5, 10};
    config.depths = {3, 20};
    const int threadsBefore = core::maxThreads();
    config.threads = 1;
    const core::BornDeadResult one = core::runBornDead(config);
    config.threads = 2;
    const core::BornDeadResult two = core::runBornDead(config);
    const core::BornDeadResult again = core::runBornDead(config);
    QCOMPARE(one.cells.size(), std::size_t(6));
    for (const core::BornDeadResult *other : {&two, &again}) {
        QCOMPARE(other->cells.size(), one.cells.size());
        for (std::size_t c = 0; c < one.cells.size(); ++c) {
            QCOMPARE(other->cells[c].width, one.cells[c].width);
            QCOMPARE(other->cells[c].depth, one.cells[c].depth);
            QCOMPARE(other->cells[c].bornDead, one.cells[c].bornDead);
            QCOMPARE(other->cells[c].deadAtInput, one.cells[c].deadAtInput);
        }
    }
    // The grid order: widths outer, depths inner.
    QCOMPARE(one.cells[1].width, 2);
    QCOMPARE(one.cells[1].depth, 20);
    QCOMPARE(one.cells[2].width, 5);
    // The team size is the caller's again afterwards.
    QCOMPARE(core::maxThreads(), threadsBefore);
}

void TestBornDead::differentSeedDiffers()
{
    BornDeadConfig config;
    config.networks = 2000;
    config.widths = {2, 3};
    config.depths = {5, 10};
    const core::BornDeadResult first = core::runBornDead(config);
    config.seed = 1;
    const core::BornDeadResult second = core::runBornDead(config);
    int differ = 0;
    for (std::size_t c = 0; c < first.cells.size(); ++c)
        differ += first.cells[c].bornDead != second.cells[c].bornDead ? 1 : 0;
    // Four cells of 2,000 networks: the chance that all four counts agree by luck is tiny.
    QVERIFY(differ > 0);
    QVERIFY(core::bornDeadInputs(config) != core::bornDeadInputs(BornDeadConfig {}));
    QVERIFY(core::bornDeadNetworkSeed(0, 2, 5, 0) != core::bornDeadNetworkSeed(1, 2, 5, 0));
    QVERIFY(core::bornDeadNetworkSeed(0, 2, 5, 0) != core::bornDeadNetworkSeed(0, 5, 2, 0));
    QVERIFY(core::bornDeadNetworkSeed(0, 2, 5, 0) != core::bornDeadNetworkSeed(0, 2, 5, 1));
}

void TestBornDead::progressInOrderOnCallingThread()
{
    BornDeadConfig config;
    config.networks = 300;
    config.widths = {2, 10, 3};
    config.depths = {4, 8};
    std::vector<std::size_t> done;
    std::vector<std::pair<int, int>> cells;
    bool otherThread = false;
    bool wrongTotal = false;
    core::BornDeadResult result;
    // Called on a thread of its own, as the GUI's worker will.
    std::thread worker([&] {
        const auto id = std::this_thread::get_id();
        result = core::runBornDead(
                config, [&](std::size_t cellsDone, std::size_t total, const core::BornDeadCell &cell) {
                    otherThread = otherThread || std::this_thread::get_id() != id;
                    wrongTotal = wrongTotal || total != 6;
                    done.push_back(cellsDone);
                    cells.emplace_back(cell.width, cell.depth);
                });
    });
    worker.join();
    QVERIFY(!otherThread);
    QVERIFY(!wrongTotal);
    QVERIFY(!result.cancelled);
    QCOMPARE(done, (std::vector<std::size_t> {1, 2, 3, 4, 5, 6}));
    QCOMPARE(cells,
             (std::vector<std::pair<int, int>> {{2, 4}, {2, 8}, {10, 4}, {10, 8}, {3, 4}, {3, 8}}));
    QCOMPARE(result.cells.size(), std::size_t(6));
    // simulateBornDeadCell is the same cell.
    const std::optional<core::BornDeadCell> single = core::simulateBornDeadCell(config, 10, 8);
    QVERIFY(single);
    QCOMPARE(single->bornDead, result.cells[3].bornDead);
    QCOMPARE(single->deadAtInput, result.cells[3].deadAtInput);
}

void TestBornDead::cancelStopsWithin100Ms()
{
    // A job of minutes: wide, very deep, many inputs.
    BornDeadConfig config;
    config.widths = {128, 64};
    config.depths = {1000};
    config.networks = 1000;
    config.inputs = 200'000;
    std::atomic<bool> cancel {false};
    std::atomic<bool> returned {false};
    std::chrono::steady_clock::time_point end;
    core::BornDeadResult result;
    std::thread worker([&] {
        result = core::runBornDead(config, {}, &cancel);
        end = std::chrono::steady_clock::now();
        returned.store(true);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    QVERIFY(!returned.load());
    const auto start = std::chrono::steady_clock::now();
    cancel.store(true);
    worker.join();
    const auto elapsed = std::chrono::duration<double, std::milli>(end - start).count();
    qInfo("cancelled after %.2f ms", elapsed);
    QVERIFY2(elapsed < CancelBoundMs, qPrintable(QString::number(elapsed)));
    QVERIFY(result.cancelled);
    QVERIFY(result.cells.empty());
}

void TestBornDead::cancelBeforeStart()
{
    std::atomic<bool> cancel {true};
    int calls = 0;
    const core::BornDeadResult result = core::runBornDead(
            BornDeadConfig {},
            [&](std::size_t, std::size_t, const core::BornDeadCell &) { ++calls; }, &cancel);
    QVERIFY(result.cancelled);
    QVERIFY(result.cells.empty());
    QCOMPARE(calls, 0);
    QVERIFY(!core::simulateBornDeadCell(BornDeadConfig {}, 2, 2, &cancel));
}

void TestBornDead::progressExceptionPropagates()
{
    // Thrown inside the team's region on thread 0: it must come out of runBornDead, not end the
    // program.
    BornDeadConfig config;
    config.networks = 2000;
    config.threads = 2;
    int calls = 0;
    QVERIFY_THROWS_EXCEPTION(
            std::runtime_error,
            core::runBornDead(config, [&](std::size_t, std::size_t, const core::BornDeadCell &) {
                ++calls;
                throw std::runtime_error("stop");
            }));
    QCOMPARE(calls, 1);
}

void TestBornDead::invalidConfigurationThrows()
{
    BornDeadConfig config;
    config.widths = {0};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::runBornDead(config));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::bornDeadInputs(config));
    const BornDeadConfig good;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::simulateBornDeadCell(good, 0, 5));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::simulateBornDeadNetwork(good, 2, 1001, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::bornDeadParameters(good, 129, 2, 0));
}

void TestBornDead::validation_data()
{
    QTest::addColumn<BornDeadConfig>("config");
    QTest::addColumn<QString>("message");
    const BornDeadConfig good;
    QTest::newRow("defaults") << good << QString();
    auto with = [&](auto change) {
        BornDeadConfig config = good;
        change(config);
        return config;
    };
    QTest::newRow("no widths") << with([](auto &c) { c.widths.clear(); }) << "widths: none given";
    QTest::newRow("width 0") << with([](auto &c) {
        c.widths = {2, 0};
    }) << "widths: 0 is not between 1 and 128";
    QTest::newRow("width 129") << with([](auto &c) { c.widths = {129}; })
                               << "widths: 129 is not between 1 and 128";
    QTest::newRow("width twice") << with([](auto &c) {
        c.widths = {2, 3, 2};
    }) << "widths: 2 is given twice";
    QTest::newRow("no depths") << with([](auto &c) { c.depths.clear(); }) << "depths: none given";
    QTest::newRow("depth 1001") << with([](auto &c) { c.depths = {1001}; })
                                << "depths: 1001 is not between 1 and 1000";
    QTest::newRow("networks 0") << with([](auto &c) { c.networks = 0; })
                                << "networks: 0 is not between 1 and 10000000";
    QTest::newRow("networks 10^7 + 1") << with([](auto &c) { c.networks = 10'000'001; })
                                       << "networks: 10000001 is not between 1 and 10000000";
    QTest::newRow("inputs 10^7 + 1") << with([](auto &c) { c.inputs = 10'000'001; })
                                     << "inputs: 10000001 is not between 0 and 10000000";
    QTest::newRow("input dim 3") << with([](auto &c) { c.inputDim = 3; })
                                 << "input dimension: 3 is neither 1 nor 2";
    QTest::newRow("threads -1") << with([](auto &c) { c.threads = -1; }) << "threads: -1 is negative";
    QTest::newRow("extremes") << with([](auto &c) {
        c.widths = {1, 128};
        c.depths = {1, 1000};
        c.networks = 10'000'000;
        c.inputs = 0;
    }) << QString();
}

void TestBornDead::validation()
{
    QFETCH(BornDeadConfig, config);
    QFETCH(QString, message);
    const std::optional<std::string> mistake = core::validate(config);
    QCOMPARE(mistake ? QString::fromStdString(*mistake) : QString(), message);
}

void TestBornDead::cliNames()
{
    for (int i = 0; i < core::BornDeadInitCount; ++i) {
        const auto init = static_cast<BornDeadInit>(i);
        QCOMPARE(core::bornDeadInitFromCliName(core::bornDeadInitCliName(init)), std::optional(init));
    }
    for (int i = 0; i < core::BornDeadBiasCount; ++i) {
        const auto bias = static_cast<BornDeadBias>(i);
        QCOMPARE(core::bornDeadBiasFromCliName(core::bornDeadBiasCliName(bias)), std::optional(bias));
    }
    QCOMPARE(core::bornDeadInitCliName(BornDeadInit::HeNormal), std::string_view("he-normal"));
    QCOMPARE(core::bornDeadInitCliName(BornDeadInit::RandomizedAsymmetric), std::string_view("rai"));
    QVERIFY(!core::bornDeadInitFromCliName("xavier-uniform"));
    QVERIFY(!core::bornDeadBiasFromCliName("constant"));
}

QTEST_APPLESS_MAIN(TestBornDead)
#include "tst_borndead.moc"
