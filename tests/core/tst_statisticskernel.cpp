// The layer-statistics kernel (src/core/layerstatistics.h) at every SIMD level this machine runs,
// against plain loops over the same elements: the kernel estimates each element's bin and sends
// only those near an edge to the exact rule, so here every count is compared exactly, on values
// chosen to sit on the edges, one unit in the last place either side of them, at 0, subnormal,
// infinite and nan, besides ordinary ones.

#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/layerkernels.h"
#include "core/layerstatistics.h"

namespace core = relulab::core;
using core::DerivativeSource;
using core::SimdLevel;

Q_DECLARE_METATYPE(relulab::core::SimdLevel)
Q_DECLARE_METATYPE(relulab::core::DerivativeSource)

namespace {

// The views' specs and two of other shapes (a narrow log range, many linear bins).
const core::HistogramSpec PreSpec {-4.0, 4.0, 32, false};
const core::HistogramSpec ActivationSpec {-1.0, 3.0, 40, false};
const core::HistogramSpec GradientSpec {-16.0, 0.0, 32, true};
const core::HistogramSpec NarrowLogSpec {-3.0, -2.0, 7, true};
const core::HistogramSpec ManyBinsSpec {-0.3, 0.7, 1000, false};

// Values that test a spec's edges: each edge, its neighbours (in T and in double, divided by
// `scale` for the gradient, whose histogram bins value * scale), and the edge's negative.
template<class T>
void addEdgeValues(const core::HistogramSpec &spec, double scale, std::vector<T> &out)
{
    const double width = (spec.upper - spec.lower) / spec.bins;
    for (int k = 0; k <= spec.bins; ++k) {
        const double edge = spec.logMagnitude ? std::pow(10.0, spec.lower + k * width)
                                              : spec.lower + k * width;
        for (double v : {edge / scale, -edge / scale}) {
            const auto t = static_cast<T>(v);
            out.push_back(t);
            out.push_back(std::nextafter(t, std::numeric_limits<T>::infinity()));
            out.push_back(std::nextafter(t, -std::numeric_limits<T>::infinity()));
        }
    }
}

template<class T>
std::vector<T> specialValues()
{
    using L = std::numeric_limits<T>;
    return {T(0), -T(0), L::denorm_min(), -L::denorm_min(), L::min(), L::max(), -L::max(),
            L::infinity(), -L::infinity(), L::quiet_NaN(), T(1), T(-1), T(0.05), T(-0.05)};
}

struct Expected
{
    std::uint64_t zero = 0;
    std::uint64_t blocked = 0;
    double mean = 0.0;
    double squares = 0.0;
    std::array<core::Histogram, 3> histograms;
};

template<class T>
T derivativeOf(DerivativeSource source, T z, T a, T slope)
{
    switch (source) {
    case DerivativeSource::Rectifier:
        return z > T(0) ? T(1) : slope;
    case DerivativeSource::Sigmoid:
        return a * (T(1) - a);
    case DerivativeSource::Tanh:
        return T(1) - a * a;
    case DerivativeSource::Given:
        break;
    }
    return T(0);
}

} // namespace

class TestStatisticsKernel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void matchesPlainLoops_data();
    void matchesPlainLoops();
    void binnerFollowsTheSpec();

private:
    template<class T>
    void check(DerivativeSource source, std::size_t units, bool logGradient);

    SimdLevel m_supported = SimdLevel::Baseline;
};

void TestStatisticsKernel::initTestCase()
{
    m_supported = core::supportedSimdLevel();
    qInfo("SIMD level: %s", core::simdLevelName(m_supported).data());
}

void TestStatisticsKernel::cleanup()
{
    core::setSimdLevel(m_supported);
}

void TestStatisticsKernel::matchesPlainLoops_data()
{
    QTest::addColumn<SimdLevel>("level");
    QTest::addColumn<bool>("isDouble");
    QTest::addColumn<DerivativeSource>("source");
    QTest::addColumn<int>("units");
    QTest::addColumn<bool>("logGradient");
    const std::pair<DerivativeSource, const char *> sources[] = {
            {DerivativeSource::Rectifier, "rectifier"},
            {DerivativeSource::Sigmoid, "sigmoid"},
            {DerivativeSource::Tanh, "tanh"},
            {DerivativeSource::Given, "given"}};
    for (SimdLevel level : {SimdLevel::Baseline, SimdLevel::Avx2, SimdLevel::Avx512}) {
        if (static_cast<int>(level) > static_cast<int>(core::supportedSimdLevel()))
            continue;
        const char *levelName = core::simdLevelName(level).data();
        for (bool isDouble : {false, true}) {
            for (const auto &[source, sourceName] : sources) {
                // 32: rows without padding (one long row inside); 13 and 1: padded rows.
                for (int units : {32, 13, 1}) {
                    for (bool logGradient : {true, false})
                        QTest::addRow("%s %s %s %d %s", levelName, isDouble ? "double" : "float",
                                      sourceName, units, logGradient ? "log" : "linear")
                                << level << isDouble << source << units << logGradient;
                }
            }
        }
    }
}

void TestStatisticsKernel::matchesPlainLoops()
{
    QFETCH(SimdLevel, level);
    QFETCH(bool, isDouble);
    QFETCH(DerivativeSource, source);
    QFETCH(int, units);
    QFETCH(bool, logGradient);
    QCOMPARE(core::setSimdLevel(level), level);
    if (isDouble)
        check<double>(source, static_cast<std::size_t>(units), logGradient);
    else
        check<float>(source, static_cast<std::size_t>(units), logGradient);
}

template<class T>
void TestStatisticsKernel::check(DerivativeSource source, std::size_t units, bool logGradient)
{
    const double scale = 1024.0;
    const std::array<core::HistogramSpec, 3> specs {
            units == 13 ? ManyBinsSpec : PreSpec, ActivationSpec,
            logGradient ? (units == 1 ? NarrowLogSpec : GradientSpec) : PreSpec};

    // The element values: edges and specials first, then random ones (normal for z, log-uniform
    // magnitudes for the gradient).
    std::vector<T> pres = specialValues<T>();
    addEdgeValues<T>(specs[0], 1.0, pres);
    addEdgeValues<T>(specs[1], 1.0, pres);
    std::vector<T> gradients = specialValues<T>();
    addEdgeValues<T>(specs[2], scale, gradients);
    std::mt19937_64 random(15);
    std::normal_distribution<double> normal(0.0, 1.5);
    std::uniform_real_distribution<double> exponent(-20.0, 2.0);
    const std::size_t elements = std::max<std::size_t>(4096, 2 * std::max(pres.size(), gradients.size()));
    while (pres.size() < elements)
        pres.push_back(static_cast<T>(normal(random)));
    while (gradients.size() < elements) {
        const double magnitude = std::pow(10.0, exponent(random));
        gradients.push_back(static_cast<T>(random() % 2 ? magnitude : -magnitude));
    }
    std::shuffle(gradients.begin(), gradients.end(), random);

    const std::size_t ld = core::paddedWidth<T>(units);
    const std::size_t rows = (elements + units - 1) / units;
    core::AlignedVector<T> pre(rows * ld, T(0)), post(rows * ld, T(0)), gradient(rows * ld, T(0)),
            given(rows * ld, T(0));
    // Padding lanes hold garbage, which must never be counted.
    for (std::size_t k = 0; k < rows * ld; ++k) {
        pre[k] = std::numeric_limits<T>::quiet_NaN();
        post[k] = T(0);
        gradient[k] = std::numeric_limits<T>::infinity();
    }
    core::AlignedVector<T> slope(ld, T(0));
    for (std::size_t u = 0; u < units; ++u)
        slope[u] = units == 13 ? static_cast<T>(0.01 * static_cast<double>(u)) : T(0.01);
    for (std::size_t e = 0; e < rows * units; ++e) {
        const std::size_t k = e / units * ld + e % units;
        const T z = pres[e % pres.size()];
        pre[k] = z;
        switch (source) {
        case DerivativeSource::Sigmoid:
            post[k] = T(1) / (T(1) + std::exp(-z));
            break;
        case DerivativeSource::Tanh:
            post[k] = std::tanh(z);
            break;
        default:
            post[k] = z > T(0) ? z : slope[e % units] * z;
            break;
        }
        // Some activations exactly on the edges too.
        if (e % 7 == 0)
            post[k] = pres[(e / 7) % pres.size()];
        gradient[k] = gradients[e % gradients.size()];
        given[k] = static_cast<T>(gradients[(e + 3) % gradients.size()] * 1e4);
    }

    core::StatisticsBlock<T> block;
    block.pre = pre.data();
    block.post = post.data();
    block.gradient = gradient.data();
    block.ld = ld;
    block.rows = rows;
    block.units = units;
    block.derivative = source;
    block.slope = slope.data();
    block.given = given.data();
    block.gradientScale = scale;
    const std::array<core::Binner, 3> binners {core::Binner(specs[0]), core::Binner(specs[1]),
                                               core::Binner(specs[2])};
    core::LayerAccumulator got;
    got.preActivations = binners[0].empty();
    got.activations = binners[1].empty();
    got.backpropagated = binners[2].empty();
    core::accumulateLayerStatistics(block, binners, got);

    Expected want;
    for (std::size_t h = 0; h < 3; ++h)
        want.histograms[h] = binners[h].empty();
    double sum = 0.0;
    for (std::size_t s = 0; s < rows; ++s) {
        for (std::size_t u = 0; u < units; ++u) {
            const std::size_t k = s * ld + u;
            const T d = source == DerivativeSource::Given ? given[k]
                                                          : derivativeOf(source, pre[k], post[k], slope[u]);
            want.zero += post[k] == T(0) ? 1 : 0;
            want.blocked += std::abs(static_cast<double>(d)) < core::BlockedDerivative ? 1 : 0;
            sum += static_cast<double>(post[k]);
            binners[0].add(want.histograms[0], static_cast<double>(pre[k]));
            binners[1].add(want.histograms[1], static_cast<double>(post[k]));
            binners[2].add(want.histograms[2], static_cast<double>(gradient[k]) * scale);
        }
    }
    const double n = static_cast<double>(rows * units);
    want.mean = sum / n;
    for (std::size_t s = 0; s < rows; ++s)
        for (std::size_t u = 0; u < units; ++u) {
            const double deviation = static_cast<double>(post[s * ld + u]) - want.mean;
            want.squares += deviation * deviation;
        }

    QCOMPARE(got.zero, want.zero);
    QCOMPARE(got.blocked, want.blocked);
    QCOMPARE(got.count, n);
    // The sums are taken in another order: equal to rounding. (Here nan, from the nan and
    // infinite activations; tst_layerstatistics checks finite moments against the reference.)
    const auto close = [](double value, double expected, double tolerance) {
        return std::isnan(expected) ? std::isnan(value)
                                    : std::abs(value - expected) <= tolerance * (1.0 + std::abs(expected));
    };
    QVERIFY2(close(got.mean, want.mean, 1e-12),
             qPrintable(QString("mean %1, want %2").arg(got.mean, 0, 'g', 17).arg(want.mean, 0, 'g', 17)));
    QVERIFY2(close(got.squares, want.squares, 1e-10),
             qPrintable(QString("squares %1, want %2").arg(got.squares, 0, 'g', 17).arg(want.squares, 0, 'g', 17)));
    const std::array<const core::Histogram *, 3> histograms {&got.preActivations, &got.activations,
                                                             &got.backpropagated};
    for (std::size_t h = 0; h < 3; ++h) {
        const core::Histogram &g = *histograms[h];
        const core::Histogram &w = want.histograms[h];
        QCOMPARE(g.counts, w.counts);
        QCOMPARE(g.below, w.below);
        QCOMPARE(g.above, w.above);
        QCOMPARE(g.zero, w.zero);
        QCOMPARE(g.notFinite, w.notFinite);
        QCOMPARE(g.total(), static_cast<std::uint64_t>(n));
        // The values were chosen to reach every kind of slot.
        QVERIFY(w.notFinite > 0);
        QVERIFY(w.below > 0);
        QVERIFY(w.above > 0);
    }
    QVERIFY(want.histograms[2].spec.logMagnitude ? want.histograms[2].zero > 0 : true);
}

void TestStatisticsKernel::binnerFollowsTheSpec()
{
    // Linear: bin k is [lower + k w, lower + (k + 1) w) by floor((x - lower) / w).
    const core::Binner linear(core::HistogramSpec {-1.0, 3.0, 40, false});
    QCOMPARE(linear.slot(-1.0), 1);
    QCOMPARE(linear.slot(std::nextafter(-1.0, -2.0)), 0);
    QCOMPARE(linear.slot(0.0), 11);
    QCOMPARE(linear.slot(3.0), 41);
    QCOMPARE(linear.slot(std::nextafter(3.0, 0.0)), 40);
    QCOMPARE(linear.slot(std::numeric_limits<double>::quiet_NaN()), 42);
    QCOMPARE(linear.slot(-std::numeric_limits<double>::infinity()), 42);
    // Log: bin k holds |x| in [10^(lower + k w), 10^(lower + (k + 1) w)); 0 has its own count.
    const core::Binner log(core::HistogramSpec {-16.0, 0.0, 32, true});
    QCOMPARE(log.slot(1e-16), 1);
    QCOMPARE(log.slot(-1e-16), 1);
    QCOMPARE(log.slot(std::nextafter(1e-16, 0.0)), 0);
    QCOMPARE(log.slot(0.5), 32);
    QCOMPARE(log.slot(1.0), 33);
    QCOMPARE(log.slot(0.0), 35);
    QCOMPARE(log.slot(std::numeric_limits<double>::infinity()), 34);
    // Edges that are not increasing are refused; no bins, no histogram.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::Binner(core::HistogramSpec {1.0, 1.0, 4, false}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::Binner(core::HistogramSpec {0.0, std::nan(""), 4, true}));
    QVERIFY(!core::Binner(core::HistogramSpec {1.0, 1.0, 0, false}).active());
}

QTEST_APPLESS_MAIN(TestStatisticsKernel)
#include "tst_statisticskernel.moc"
