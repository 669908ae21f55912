// computeCurves and CurveCache, called directly on the test's thread (no worker thread): the
// curves must be the core's to the bit, the x == 0 facts and the RReLU slope histogram must be
// right, and the cache must reuse exactly what did not change.

#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "app/curveworker.h"
#include "common/fuzzycompare.h"
#include "core/sampling.h"

using relulab::app::computeCurves;
using relulab::app::CurveCache;
using relulab::app::CurveRequest;
using relulab::app::CurveResult;
using relulab::app::CurveSeries;
using relulab::app::SlopeHistogramBins;
using relulab::core::Activation;
using relulab::core::ActivationParams;
using relulab::core::CurveSpec;
using relulab::core::RreluMode;

namespace {

using ParamsEdit = std::function<void(ActivationParams &)>;

constexpr double Inf = std::numeric_limits<double>::infinity();

CurveRequest makeRequest(Activation kind, const ActivationParams &params = {},
                         QList<Activation> overlays = {}, double xMin = -3.0, double xMax = 3.0,
                         std::size_t samples = 1001)
{
    CurveRequest request;
    request.spec.kind = kind;
    request.spec.params = params;
    request.spec.xMin = xMin;
    request.spec.xMax = xMax;
    request.spec.samples = samples;
    request.overlays = std::move(overlays);
    request.generation = 1;
    return request;
}

ActivationParams leaky(double slope)
{
    ActivationParams params;
    params.leakySlope = slope;
    return params;
}

ActivationParams prelu(double weight)
{
    ActivationParams params;
    params.preluWeight = weight;
    return params;
}

ActivationParams elu(double alpha)
{
    ActivationParams params;
    params.eluAlpha = alpha;
    return params;
}

ActivationParams rrelu(RreluMode mode, double lower = 1.0 / 8.0, double upper = 1.0 / 3.0,
                       std::uint64_t seed = 0)
{
    ActivationParams params;
    params.rreluMode = mode;
    params.rreluLower = lower;
    params.rreluUpper = upper;
    params.rreluSeed = seed;
    return params;
}

QByteArray at(const char *what, qsizetype i)
{
    return QByteArray(what) + '[' + QByteArray::number(i) + ']';
}

// `series` is the core's curve of `spec` with `series.kind` as its function, on the grid `x`:
// once against sampleCurve (the same path the CLI writes) and once against scalar evaluate().
void compareWithCore(const CurveSeries &series, const QList<double> &x, CurveSpec spec)
{
    spec.kind = series.kind;
    const relulab::core::SampledCurve expected = relulab::core::sampleCurve(spec);
    QCOMPARE(x.size(), qsizetype(spec.samples));
    QCOMPARE(series.y.size(), x.size());
    QCOMPARE(series.dy.size(), x.size());
    for (qsizetype i = 0; i < x.size(); ++i) {
        const auto index = static_cast<std::size_t>(i);
        QVERIFY2(relulab::test::identical(x[i], expected.x[index]), at("x", i).constData());
        QVERIFY2(relulab::test::identical(series.y[i], expected.y[index]), at("y", i).constData());
        QVERIFY2(relulab::test::identical(series.dy[i], expected.dy[index]), at("dy", i).constData());
        const auto scalar = relulab::core::evaluate(spec.kind, x[i], spec.params, index);
        QVERIFY2(relulab::test::identical(series.y[i], scalar.value), at("y", i).constData());
        QVERIFY2(relulab::test::identical(series.dy[i], scalar.derivative), at("dy", i).constData());
    }
}

void compareSeriesWithCore(const CurveResult &result, const CurveRequest &request)
{
    QCOMPARE(result.selected.kind, request.spec.kind);
    compareWithCore(result.selected, result.x, request.spec);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(result.overlays.size(), request.overlays.size());
    for (qsizetype i = 0; i < request.overlays.size(); ++i) {
        QCOMPARE(result.overlays[i].kind, request.overlays[i]);
        compareWithCore(result.overlays[i], result.x, request.spec);
        if (QTest::currentTestFailed())
            return;
    }
}

// min and max of the finite values, and whether there were non-finite ones.
struct FiniteExtent
{
    double minimum = Inf;
    double maximum = -Inf;
    bool sawNonFinite = false;
};

FiniteExtent finiteExtent(const QList<double> &values)
{
    FiniteExtent extent;
    for (double v : values) {
        if (!std::isfinite(v)) {
            extent.sawNonFinite = true;
            continue;
        }
        extent.minimum = std::min(extent.minimum, v);
        extent.maximum = std::max(extent.maximum, v);
    }
    return extent;
}

bool sameStorage(const CurveSeries &a, const CurveSeries &b)
{
    return a.y.constData() == b.y.constData() && a.dy.constData() == b.dy.constData();
}

} // namespace

Q_DECLARE_METATYPE(relulab::core::ActivationParams)
Q_DECLARE_METATYPE(ParamsEdit)

class TestCurveWorker : public QObject
{
    Q_OBJECT

private slots:
    void selectedMatchesCore_data();
    void selectedMatchesCore();
    void overlaysMatchCoreForTheirOwnKinds();
    void atZero_data();
    void atZero();
    void atZeroRreluTrainingIsTheDrawnSlope_data();
    void atZeroRreluTrainingIsTheDrawnSlope();
    void lastNonPositiveIndex_data();
    void lastNonPositiveIndex();
    void derivativeJumpsAtZero_data();
    void derivativeJumpsAtZero();
    void slopeHistogram_data();
    void slopeHistogram();
    void slopeHistogramWithEqualBounds();
    void slopeHistogramOnlyInTrainingMode();
    void paperDensity_data();
    void paperDensity();
    void paperDensityEmptyWithoutPositiveLower();
    void rangesOfFiniteCurves();
    void rangesIgnoreNonFiniteValues();
    void cachedResultsEqualUncached();
    void cacheReusesOverlaysWhenSelectedParameterChanges();
    void cacheRecomputesEverythingOnNewGrid_data();
    void cacheRecomputesEverythingOnNewGrid();
    void cacheRecomputesOnlyForRelevantParameters_data();
    void cacheRecomputesOnlyForRelevantParameters();
};

void TestCurveWorker::selectedMatchesCore_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<ActivationParams>("params");
    QTest::addColumn<double>("xMin");
    QTest::addColumn<double>("xMax");
    QTest::addColumn<int>("samples");

    QTest::newRow("relu") << Activation::Relu << ActivationParams {} << -3.0 << 3.0 << 1001;
    QTest::newRow("leaky 0.2") << Activation::LeakyRelu << leaky(0.2) << -3.0 << 3.0 << 1001;
    QTest::newRow("leaky 0.2 even") << Activation::LeakyRelu << leaky(0.2) << -3.0 << 3.0 << 1000;
    QTest::newRow("prelu -0.5") << Activation::Prelu << prelu(-0.5) << -7.5 << 2.0 << 333;
    QTest::newRow("rrelu eval") << Activation::Rrelu << rrelu(RreluMode::Evaluation, 0.1, 0.4)
                                << -3.0 << 3.0 << 1001;
    QTest::newRow("rrelu train seed 7")
            << Activation::Rrelu << rrelu(RreluMode::Training, 0.1, 0.4, 7) << -5.0 << 5.0 << 2001;
    QTest::newRow("elu 2") << Activation::Elu << elu(2.0) << -50.0 << 50.0 << 4001;
    QTest::newRow("elu 0") << Activation::Elu << elu(0.0) << -3.0 << 3.0 << 11;
    QTest::newRow("gelu") << Activation::Gelu << ActivationParams {} << -3.0 << 3.0 << 1001;
    QTest::newRow("gelu tanh") << Activation::GeluTanh << ActivationParams {} << -0.1 << 0.1 << 11;
    QTest::newRow("silu") << Activation::Silu << ActivationParams {} << -50.0 << 0.1 << 1001;
    QTest::newRow("mish") << Activation::Mish << ActivationParams {} << -3.0 << 3.0 << 1001;
    QTest::newRow("softplus") << Activation::Softplus << ActivationParams {} << -30.0 << 30.0 << 601;
    QTest::newRow("sigmoid") << Activation::Sigmoid << ActivationParams {} << -3.0 << 3.0 << 1001;
    QTest::newRow("tanh") << Activation::Tanh << ActivationParams {} << -3.0 << 3.0 << 1001;
}

void TestCurveWorker::selectedMatchesCore()
{
    QFETCH(Activation, kind);
    QFETCH(ActivationParams, params);
    QFETCH(double, xMin);
    QFETCH(double, xMax);
    QFETCH(int, samples);

    CurveRequest request =
            makeRequest(kind, params, {}, xMin, xMax, static_cast<std::size_t>(samples));
    request.generation = 4711;
    const CurveResult result = computeCurves(request);
    QCOMPARE(result.generation, quint64(4711));
    QVERIFY(result.spec == request.spec);
    QVERIFY(result.overlays.isEmpty());
    compareSeriesWithCore(result, request);
}

void TestCurveWorker::overlaysMatchCoreForTheirOwnKinds()
{
    // The overlays use the request's parameters for their own kinds, on the selected grid; the
    // RReLU overlay is in training mode so that a wrong element index would show.
    const QList<Activation> overlays {Activation::Tanh,  Activation::Relu, Activation::Rrelu,
                                      Activation::Prelu, Activation::Elu,  Activation::Gelu};
    ActivationParams params = rrelu(RreluMode::Training, 0.05, 0.6, 99);
    params.leakySlope = 0.2;
    params.preluWeight = -0.3;
    params.eluAlpha = 2.5;
    const CurveRequest request = makeRequest(Activation::LeakyRelu, params, overlays, -4.0, 6.0, 1234);
    const CurveResult result = computeCurves(request);
    compareSeriesWithCore(result, request);
    // Their own order, not the enum's: the request already has the order the model chose.
    for (qsizetype i = 0; i < overlays.size(); ++i)
        QCOMPARE(result.overlays[i].kind, overlays[i]);
    QVERIFY(result.overlays[2].drawnPerElement);
    QVERIFY(!result.overlays[0].drawnPerElement);
    QVERIFY(!result.selected.drawnPerElement);
    // A training-mode RReLU overlay does not make a histogram: that belongs to the selected one.
    QVERIFY(result.slopes.binCenters.isEmpty());
    QCOMPARE(result.slopes.drawCount, 0);
}

void TestCurveWorker::atZero_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<ActivationParams>("params");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("derivative");
    QTest::addColumn<double>("left");
    QTest::addColumn<double>("right");

    const ActivationParams defaults;
    // PyTorch's convention for the rectifiers: f'(0) is the x <= 0 branch's slope.
    QTest::newRow("relu") << Activation::Relu << defaults << 0.0 << 0.0 << 0.0 << 1.0;
    QTest::newRow("leaky 0.2") << Activation::LeakyRelu << leaky(0.2) << 0.0 << 0.2 << 0.2 << 1.0;
    QTest::newRow("prelu default") << Activation::Prelu << defaults << 0.0 << 0.25 << 0.25 << 1.0;
    QTest::newRow("prelu -0.5") << Activation::Prelu << prelu(-0.5) << 0.0 << -0.5 << -0.5 << 1.0;
    QTest::newRow("rrelu eval") << Activation::Rrelu << rrelu(RreluMode::Evaluation) << 0.0
                                << 11.0 / 48.0 << 11.0 / 48.0 << 1.0;
    QTest::newRow("elu 1") << Activation::Elu << elu(1.0) << 0.0 << 1.0 << 1.0 << 1.0;
    QTest::newRow("elu 2") << Activation::Elu << elu(2.0) << 0.0 << 2.0 << 2.0 << 1.0;
    QTest::newRow("gelu") << Activation::Gelu << defaults << 0.0 << 0.5 << 0.5 << 0.5;
    QTest::newRow("gelu tanh") << Activation::GeluTanh << defaults << 0.0 << 0.5 << 0.5 << 0.5;
    QTest::newRow("silu") << Activation::Silu << defaults << 0.0 << 0.5 << 0.5 << 0.5;
    QTest::newRow("mish") << Activation::Mish << defaults << 0.0 << 0.6 << 0.6 << 0.6;
    QTest::newRow("softplus") << Activation::Softplus << defaults << std::log(2.0) << 0.5 << 0.5 << 0.5;
    QTest::newRow("sigmoid") << Activation::Sigmoid << defaults << 0.5 << 0.25 << 0.25 << 0.25;
    QTest::newRow("tanh") << Activation::Tanh << defaults << 0.0 << 1.0 << 1.0 << 1.0;
}

void TestCurveWorker::atZero()
{
    QFETCH(Activation, kind);
    QFETCH(ActivationParams, params);
    QFETCH(double, value);
    QFETCH(double, derivative);
    QFETCH(double, left);
    QFETCH(double, right);

    const relulab::test::Tolerance tolerance {1e-15, 1e-300};
    // Also on a grid without a point at 0 (even count): atZero is about x = 0 itself.
    for (std::size_t samples : {std::size_t(1001), std::size_t(1000)}) {
        const CurveResult result = computeCurves(makeRequest(kind, params, {}, -3.0, 3.0, samples));
        RELULAB_FUZZY_COMPARE_TOL(result.atZero.value, value, tolerance);
        RELULAB_FUZZY_COMPARE_TOL(result.atZero.derivative, derivative, tolerance);
        RELULAB_FUZZY_COMPARE_TOL(result.atZero.derivativeLeft, left, tolerance);
        RELULAB_FUZZY_COMPARE_TOL(result.atZero.derivativeRight, right, tolerance);
    }
}

void TestCurveWorker::atZeroRreluTrainingIsTheDrawnSlope_data()
{
    QTest::addColumn<double>("xMin");
    QTest::addColumn<double>("xMax");
    QTest::addColumn<int>("samples");
    QTest::addColumn<quint64>("seed");

    QTest::newRow("symmetric, zero in the middle") << -3.0 << 3.0 << 1001 << quint64(1234);
    QTest::newRow("asymmetric, zero at index 4") << -4.0 << 8.0 << 13 << quint64(5);
    QTest::newRow("asymmetric, zero at index 10") << -1.0 << 0.5 << 16 << quint64(0);
}

void TestCurveWorker::atZeroRreluTrainingIsTheDrawnSlope()
{
    QFETCH(double, xMin);
    QFETCH(double, xMax);
    QFETCH(int, samples);
    QFETCH(quint64, seed);

    constexpr double lower = 0.1;
    constexpr double upper = 0.7;
    const CurveResult result =
            computeCurves(makeRequest(Activation::Rrelu, rrelu(RreluMode::Training, lower, upper, seed),
                                      {}, xMin, xMax, static_cast<std::size_t>(samples)));
    const auto zero = std::find(result.x.cbegin(), result.x.cend(), 0.0);
    QVERIFY2(zero != result.x.cend(), "the grid must hold x == 0 for this check");
    const auto index = static_cast<std::size_t>(zero - result.x.cbegin());
    const double slope = relulab::core::rreluDrawnSlope(seed, index, lower, upper);
    QVERIFY(slope >= lower && slope < upper);
    // A different element's draw would be a different number: make sure the test can tell.
    QVERIFY(slope != relulab::core::rreluDrawnSlope(seed, 0, lower, upper));

    RELULAB_COMPARE_EXACT(result.atZero.value, 0.0);
    RELULAB_COMPARE_EXACT(result.atZero.derivative, slope);
    RELULAB_COMPARE_EXACT(result.atZero.derivativeLeft, slope);
    RELULAB_COMPARE_EXACT(result.atZero.derivativeRight, 1.0);
    // And it is the very slope the plotted cloud has at that point.
    RELULAB_COMPARE_EXACT(result.selected.dy[qsizetype(index)], slope);
}

void TestCurveWorker::lastNonPositiveIndex_data()
{
    QTest::addColumn<double>("xMin");
    QTest::addColumn<double>("xMax");
    QTest::addColumn<int>("samples");
    QTest::addColumn<qsizetype>("expected");

    QTest::newRow("odd, zero on the grid") << -3.0 << 3.0 << 1001 << qsizetype(500);
    QTest::newRow("even, no zero") << -3.0 << 3.0 << 1000 << qsizetype(499);
    QTest::newRow("odd 11") << -3.0 << 3.0 << 11 << qsizetype(5);
    QTest::newRow("even 12") << -3.0 << 3.0 << 12 << qsizetype(5);
    QTest::newRow("asymmetric") << -1.0 << 3.0 << 5 << qsizetype(1);
    QTest::newRow("only the first") << -0.1 << 50.0 << 11 << qsizetype(0);
    QTest::newRow("all but the last") << -50.0 << 0.1 << 11 << qsizetype(9);
    // Beyond what the model allows, but computeCurves must still say "none" and "all".
    QTest::newRow("all positive") << 1.0 << 3.0 << 11 << qsizetype(-1);
    QTest::newRow("all non-positive") << -3.0 << 0.0 << 11 << qsizetype(10);
}

void TestCurveWorker::lastNonPositiveIndex()
{
    QFETCH(double, xMin);
    QFETCH(double, xMax);
    QFETCH(int, samples);
    QFETCH(qsizetype, expected);

    const CurveResult result = computeCurves(
            makeRequest(Activation::Relu, {}, {}, xMin, xMax, static_cast<std::size_t>(samples)));
    QCOMPARE(result.lastNonPositiveIndex, expected);
    if (expected >= 0)
        QVERIFY(result.x[expected] <= 0.0);
    if (expected + 1 < result.x.size())
        QVERIFY(result.x[expected + 1] > 0.0);
}

void TestCurveWorker::derivativeJumpsAtZero_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<ActivationParams>("params");
    QTest::addColumn<bool>("jumps");
    QTest::addColumn<bool>("drawnPerElement");

    const ActivationParams defaults;
    QTest::newRow("relu") << Activation::Relu << defaults << true << false;
    QTest::newRow("leaky default") << Activation::LeakyRelu << defaults << true << false;
    QTest::newRow("leaky 0") << Activation::LeakyRelu << leaky(0.0) << true << false;
    // Slope 1 on both sides: the identity, no jump.
    QTest::newRow("leaky 1") << Activation::LeakyRelu << leaky(1.0) << false << false;
    QTest::newRow("prelu default") << Activation::Prelu << defaults << true << false;
    QTest::newRow("prelu 1") << Activation::Prelu << prelu(1.0) << false << false;
    QTest::newRow("rrelu eval") << Activation::Rrelu << rrelu(RreluMode::Evaluation) << true << false;
    QTest::newRow("rrelu eval slope 1")
            << Activation::Rrelu << rrelu(RreluMode::Evaluation, 1.0, 1.0) << false << false;
    // Drawn as a cloud of points, so there is no line to break.
    QTest::newRow("rrelu train") << Activation::Rrelu << rrelu(RreluMode::Training) << false << true;
    QTest::newRow("elu 1") << Activation::Elu << elu(1.0) << false << false;
    QTest::newRow("elu 2") << Activation::Elu << elu(2.0) << true << false;
    QTest::newRow("elu 0.5") << Activation::Elu << elu(0.5) << true << false;
    QTest::newRow("gelu") << Activation::Gelu << defaults << false << false;
    QTest::newRow("gelu tanh") << Activation::GeluTanh << defaults << false << false;
    QTest::newRow("silu") << Activation::Silu << defaults << false << false;
    QTest::newRow("mish") << Activation::Mish << defaults << false << false;
    QTest::newRow("softplus") << Activation::Softplus << defaults << false << false;
    QTest::newRow("sigmoid") << Activation::Sigmoid << defaults << false << false;
    QTest::newRow("tanh") << Activation::Tanh << defaults << false << false;
}

void TestCurveWorker::derivativeJumpsAtZero()
{
    QFETCH(Activation, kind);
    QFETCH(ActivationParams, params);
    QFETCH(bool, jumps);
    QFETCH(bool, drawnPerElement);

    const CurveResult result = computeCurves(makeRequest(kind, params));
    QCOMPARE(result.selected.derivativeJumpsAtZero, jumps);
    QCOMPARE(result.selected.drawnPerElement, drawnPerElement);
    // The same flags when the function is an overlay of another one.
    const Activation other = kind == Activation::Tanh ? Activation::Relu : Activation::Tanh;
    const CurveResult asOverlay = computeCurves(makeRequest(other, params, {kind}));
    QCOMPARE(asOverlay.overlays.size(), qsizetype(1));
    QCOMPARE(asOverlay.overlays[0].derivativeJumpsAtZero, jumps);
    QCOMPARE(asOverlay.overlays[0].drawnPerElement, drawnPerElement);
}

void TestCurveWorker::slopeHistogram_data()
{
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    QTest::addColumn<double>("xMin");
    QTest::addColumn<double>("xMax");
    QTest::addColumn<int>("samples");
    QTest::addColumn<quint64>("seed");

    QTest::newRow("defaults") << 1.0 / 8.0 << 1.0 / 3.0 << -3.0 << 3.0 << 1001 << quint64(0);
    QTest::newRow("full unit interval") << 0.0 << 1.0 << -3.0 << 3.0 << 1001 << quint64(3);
    QTest::newRow("many draws") << 0.2 << 0.3 << -10.0 << 2.0 << 100001 << quint64(17);
    QTest::newRow("even grid") << 0.1 << 0.9 << -3.0 << 3.0 << 1000 << quint64(8);
    QTest::newRow("one draw") << 0.1 << 0.5 << -0.1 << 50.0 << 11 << quint64(1);
}

void TestCurveWorker::slopeHistogram()
{
    QFETCH(double, lower);
    QFETCH(double, upper);
    QFETCH(double, xMin);
    QFETCH(double, xMax);
    QFETCH(int, samples);
    QFETCH(quint64, seed);

    const CurveResult result =
            computeCurves(makeRequest(Activation::Rrelu, rrelu(RreluMode::Training, lower, upper, seed),
                                      {}, xMin, xMax, static_cast<std::size_t>(samples)));
    const relulab::app::SlopeHistogram &h = result.slopes;
    RELULAB_COMPARE_EXACT(h.lower, lower);
    RELULAB_COMPARE_EXACT(h.upper, upper);

    // PyTorch draws only for x <= 0.
    const auto nonPositive =
            std::count_if(result.x.cbegin(), result.x.cend(), [](double x) { return x <= 0.0; });
    QCOMPARE(qsizetype(h.drawCount), qsizetype(nonPositive));
    QVERIFY(h.drawCount > 0);

    QCOMPARE(h.binCenters.size(), qsizetype(SlopeHistogramBins));
    QCOMPARE(h.density.size(), qsizetype(SlopeHistogramBins));
    const double binWidth = (upper - lower) / SlopeHistogramBins;
    double mass = 0.0;
    for (int b = 0; b < SlopeHistogramBins; ++b) {
        // Every bin lies within [lower, upper], so no mass can fall outside it.
        QVERIFY(h.binCenters[b] - binWidth / 2 >= lower - 1e-15);
        QVERIFY(h.binCenters[b] + binWidth / 2 <= upper + 1e-15);
        RELULAB_FUZZY_COMPARE_TOL(h.binCenters[b], lower + (b + 0.5) * binWidth,
                                  (relulab::test::Tolerance {1e-12, 1e-15}));
        QVERIFY(std::isfinite(h.density[b]));
        QVERIFY(h.density[b] >= 0.0);
        mass += h.density[b] * binWidth;
    }
    RELULAB_FUZZY_COMPARE_TOL(mass, 1.0, (relulab::test::Tolerance {1e-12, 1e-12}));

    // The histogram counts the plotted slopes themselves: recount them independently.
    QList<int> counts(SlopeHistogramBins, 0);
    for (qsizetype i = 0; i < result.x.size(); ++i) {
        if (result.x[i] > 0.0)
            continue;
        const double slope = result.selected.dy[i];
        QVERIFY(slope >= lower && slope <= upper);
        const int bin = std::min(SlopeHistogramBins - 1,
                                 static_cast<int>(std::floor((slope - lower) / binWidth)));
        ++counts[bin];
    }
    for (int b = 0; b < SlopeHistogramBins; ++b)
        RELULAB_FUZZY_COMPARE_TOL(h.density[b], counts[b] / (h.drawCount * binWidth),
                                  (relulab::test::Tolerance {1e-12, 1e-12}));
}

void TestCurveWorker::slopeHistogramWithEqualBounds()
{
    const CurveResult result =
            computeCurves(makeRequest(Activation::Rrelu, rrelu(RreluMode::Training, 0.3, 0.3, 11)));
    const relulab::app::SlopeHistogram &h = result.slopes;
    QCOMPARE(h.drawCount, 501);
    QCOMPARE(h.binCenters.size(), qsizetype(SlopeHistogramBins));
    QCOMPARE(h.density.size(), qsizetype(SlopeHistogramBins));
    // Every draw is 0.3: no density has a finite height, so none may be inf or nan either.
    for (int b = 0; b < SlopeHistogramBins; ++b) {
        QVERIFY(std::isfinite(h.binCenters[b]));
        QVERIFY(std::isfinite(h.density[b]));
    }
    QVERIFY(h.paperSlopes.isEmpty());
    QVERIFY(h.paperDensity.isEmpty());
    for (qsizetype i = 0; i <= result.lastNonPositiveIndex; ++i)
        RELULAB_COMPARE_EXACT(result.selected.dy[i], 0.3);
}

void TestCurveWorker::slopeHistogramOnlyInTrainingMode()
{
    const CurveResult result =
            computeCurves(makeRequest(Activation::Rrelu, rrelu(RreluMode::Evaluation)));
    QCOMPARE(result.slopes.drawCount, 0);
    QVERIFY(result.slopes.binCenters.isEmpty());
    QVERIFY(result.slopes.density.isEmpty());
    QVERIFY(result.slopes.paperDensity.isEmpty());
}

void TestCurveWorker::paperDensity_data()
{
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");

    QTest::newRow("defaults") << 1.0 / 8.0 << 1.0 / 3.0;
    QTest::newRow("0.1 to 0.9") << 0.1 << 0.9;
    QTest::newRow("0.05 to 0.5") << 0.05 << 0.5;
    QTest::newRow("narrow") << 0.3 << 0.31;
}

void TestCurveWorker::paperDensity()
{
    QFETCH(double, lower);
    QFETCH(double, upper);

    const CurveResult result =
            computeCurves(makeRequest(Activation::Rrelu, rrelu(RreluMode::Training, lower, upper, 2)));
    const relulab::app::SlopeHistogram &h = result.slopes;
    QVERIFY(h.paperSlopes.size() >= 2);
    QCOMPARE(h.paperDensity.size(), h.paperSlopes.size());
    RELULAB_FUZZY_COMPARE(h.paperSlopes.first(), lower);
    RELULAB_FUZZY_COMPARE(h.paperSlopes.last(), upper);
    double integral = 0.0;
    for (qsizetype i = 1; i < h.paperSlopes.size(); ++i) {
        QVERIFY(h.paperSlopes[i] > h.paperSlopes[i - 1]);
        integral += (h.paperSlopes[i] - h.paperSlopes[i - 1])
                * (h.paperDensity[i] + h.paperDensity[i - 1]) / 2.0;
    }
    RELULAB_FUZZY_COMPARE_TOL(integral, 1.0, (relulab::test::Tolerance {0.0, 1e-2}));
    // 1/a with a uniform has density proportional to 1/s^2: highest at the lower bound.
    const double scale = 1.0 / (1.0 / lower - 1.0 / upper);
    RELULAB_FUZZY_COMPARE(h.paperDensity.first(), scale / (lower * lower));
    RELULAB_FUZZY_COMPARE(h.paperDensity.last(), scale / (upper * upper));
}

void TestCurveWorker::paperDensityEmptyWithoutPositiveLower()
{
    const CurveResult result =
            computeCurves(makeRequest(Activation::Rrelu, rrelu(RreluMode::Training, 0.0, 0.5, 2)));
    QVERIFY(result.slopes.paperSlopes.isEmpty());
    QVERIFY(result.slopes.paperDensity.isEmpty());
    // The histogram itself is still there.
    QCOMPARE(result.slopes.density.size(), qsizetype(SlopeHistogramBins));
}

void TestCurveWorker::rangesOfFiniteCurves()
{
    const CurveResult result =
            computeCurves(makeRequest(Activation::Tanh, {}, {Activation::Relu}, -3.0, 2.0, 501));
    RELULAB_COMPARE_EXACT(result.selected.valueRange.minimum, std::tanh(-3.0));
    RELULAB_COMPARE_EXACT(result.selected.valueRange.maximum, std::tanh(2.0));
    RELULAB_COMPARE_EXACT(result.selected.derivativeRange.maximum, 1.0);
    RELULAB_COMPARE_EXACT(result.overlays[0].valueRange.minimum, 0.0);
    RELULAB_COMPARE_EXACT(result.overlays[0].valueRange.maximum, 2.0);
    RELULAB_COMPARE_EXACT(result.overlays[0].derivativeRange.minimum, 0.0);
    RELULAB_COMPARE_EXACT(result.overlays[0].derivativeRange.maximum, 1.0);
    // The whole plot's range covers the selected curve and every overlay.
    RELULAB_COMPARE_EXACT(result.valueRange.minimum, std::tanh(-3.0));
    RELULAB_COMPARE_EXACT(result.valueRange.maximum, 2.0);
    RELULAB_COMPARE_EXACT(result.derivativeRange.minimum, 0.0);
    RELULAB_COMPARE_EXACT(result.derivativeRange.maximum, 1.0);
}

void TestCurveWorker::rangesIgnoreNonFiniteValues()
{
    // Beyond the model's ranges, but what a computation gives when it overflows: an infinite
    // slope makes f = -inf left of 0, nan (inf * 0) at 0 and f' = inf for x <= 0.
    const CurveResult result = computeCurves(
            makeRequest(Activation::LeakyRelu, leaky(Inf), {Activation::Relu}, -3.0, 3.0, 11));
    const FiniteExtent values = finiteExtent(result.selected.y);
    const FiniteExtent derivatives = finiteExtent(result.selected.dy);
    QVERIFY(values.sawNonFinite);
    QVERIFY(derivatives.sawNonFinite);
    QVERIFY(std::isnan(result.selected.y[5]));
    // The smallest finite value is f at the first positive grid point.
    RELULAB_COMPARE_EXACT(values.minimum, result.x[6]);
    RELULAB_COMPARE_EXACT(result.selected.valueRange.minimum, values.minimum);
    RELULAB_COMPARE_EXACT(result.selected.valueRange.maximum, 3.0);
    RELULAB_COMPARE_EXACT(result.selected.derivativeRange.minimum, 1.0);
    RELULAB_COMPARE_EXACT(result.selected.derivativeRange.maximum, 1.0);
    // Merged with the finite ReLU overlay: still nothing infinite.
    RELULAB_COMPARE_EXACT(result.valueRange.minimum, 0.0);
    RELULAB_COMPARE_EXACT(result.valueRange.maximum, 3.0);
    RELULAB_COMPARE_EXACT(result.derivativeRange.minimum, 0.0);
    RELULAB_COMPARE_EXACT(result.derivativeRange.maximum, 1.0);
}

void TestCurveWorker::cachedResultsEqualUncached()
{
    CurveCache cache;
    const QList<Activation> overlays {Activation::Relu, Activation::Rrelu, Activation::Silu};
    for (const ActivationParams &params :
         {leaky(0.1), leaky(0.7), rrelu(RreluMode::Training, 0.2, 0.6, 4), elu(2.0)}) {
        for (Activation kind : {Activation::LeakyRelu, Activation::Elu, Activation::Rrelu}) {
            const CurveRequest request = makeRequest(kind, params, overlays, -4.0, 3.0, 701);
            const CurveResult cached = computeCurves(request, &cache);
            compareSeriesWithCore(cached, request);
            if (QTest::currentTestFailed())
                return;
            const CurveResult uncached = computeCurves(request);
            QCOMPARE(cached.lastNonPositiveIndex, uncached.lastNonPositiveIndex);
            RELULAB_COMPARE_EXACT(cached.atZero.derivative, uncached.atZero.derivative);
            QCOMPARE(cached.slopes.density, uncached.slopes.density);
            QCOMPARE(cached.selected.derivativeJumpsAtZero, uncached.selected.derivativeJumpsAtZero);
        }
    }
}

void TestCurveWorker::cacheReusesOverlaysWhenSelectedParameterChanges()
{
    CurveCache cache;
    const QList<Activation> overlays {Activation::Relu, Activation::Gelu, Activation::Elu};
    const CurveRequest first = makeRequest(Activation::LeakyRelu, leaky(0.1), overlays);
    const CurveResult r1 = computeCurves(first, &cache);
    const CurveRequest second = makeRequest(Activation::LeakyRelu, leaky(0.3), overlays);
    const CurveResult r2 = computeCurves(second, &cache);

    QCOMPARE(r2.x.constData(), r1.x.constData());
    QCOMPARE(r2.overlays.size(), overlays.size());
    for (qsizetype i = 0; i < overlays.size(); ++i) {
        QCOMPARE(r2.overlays[i].y.constData(), r1.overlays[i].y.constData());
        QCOMPARE(r2.overlays[i].dy.constData(), r1.overlays[i].dy.constData());
    }
    QVERIFY(r2.selected.y.constData() != r1.selected.y.constData());
    QVERIFY(r2.selected.dy.constData() != r1.selected.dy.constData());
    // The new selected curve is the new slope's, and the first result was not written over.
    compareSeriesWithCore(r2, second);
    compareSeriesWithCore(r1, first);

    // Asking again for exactly the same thing computes nothing at all.
    const CurveResult r3 = computeCurves(second, &cache);
    QVERIFY(sameStorage(r3.selected, r2.selected));
}

void TestCurveWorker::cacheRecomputesEverythingOnNewGrid_data()
{
    QTest::addColumn<double>("xMin");
    QTest::addColumn<double>("xMax");
    QTest::addColumn<int>("samples");

    QTest::newRow("samples") << -3.0 << 3.0 << 1003;
    QTest::newRow("xMin") << -4.0 << 3.0 << 1001;
    QTest::newRow("xMax") << -3.0 << 2.5 << 1001;
}

void TestCurveWorker::cacheRecomputesEverythingOnNewGrid()
{
    QFETCH(double, xMin);
    QFETCH(double, xMax);
    QFETCH(int, samples);

    CurveCache cache;
    const QList<Activation> overlays {Activation::Relu, Activation::Tanh};
    const CurveRequest first = makeRequest(Activation::Elu, elu(1.5), overlays);
    const CurveResult r1 = computeCurves(first, &cache);
    const CurveRequest second = makeRequest(Activation::Elu, elu(1.5), overlays, xMin, xMax,
                                            static_cast<std::size_t>(samples));
    const CurveResult r2 = computeCurves(second, &cache);

    QVERIFY(r2.x.constData() != r1.x.constData());
    QVERIFY(!sameStorage(r2.selected, r1.selected));
    for (qsizetype i = 0; i < overlays.size(); ++i)
        QVERIFY(!sameStorage(r2.overlays[i], r1.overlays[i]));
    compareSeriesWithCore(r2, second);
}

void TestCurveWorker::cacheRecomputesOnlyForRelevantParameters_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<ActivationParams>("params");
    QTest::addColumn<ParamsEdit>("edit");
    QTest::addColumn<bool>("recomputed");

    const ActivationParams defaults;
    QTest::newRow("relu, leaky slope")
            << Activation::Relu << defaults
            << ParamsEdit([](ActivationParams &p) { p.leakySlope = 0.5; }) << false;
    QTest::newRow("gelu, elu alpha")
            << Activation::Gelu << defaults
            << ParamsEdit([](ActivationParams &p) { p.eluAlpha = 2.0; }) << false;
    QTest::newRow("leaky, prelu weight")
            << Activation::LeakyRelu << defaults
            << ParamsEdit([](ActivationParams &p) { p.preluWeight = 0.9; }) << false;
    QTest::newRow("rrelu eval, seed")
            << Activation::Rrelu << rrelu(RreluMode::Evaluation)
            << ParamsEdit([](ActivationParams &p) { p.rreluSeed = 8; }) << false;
    QTest::newRow("elu, rrelu bounds")
            << Activation::Elu << defaults << ParamsEdit([](ActivationParams &p) {
                   p.rreluLower = 0.5;
                   p.rreluUpper = 0.6;
               })
            << false;
    QTest::newRow("leaky, leaky slope")
            << Activation::LeakyRelu << defaults
            << ParamsEdit([](ActivationParams &p) { p.leakySlope = 0.5; }) << true;
    QTest::newRow("rrelu train, seed")
            << Activation::Rrelu << rrelu(RreluMode::Training)
            << ParamsEdit([](ActivationParams &p) { p.rreluSeed = 8; }) << true;
    QTest::newRow("rrelu eval, lower")
            << Activation::Rrelu << rrelu(RreluMode::Evaluation)
            << ParamsEdit([](ActivationParams &p) { p.rreluLower = 0.2; }) << true;
    QTest::newRow("rrelu, mode") << Activation::Rrelu << rrelu(RreluMode::Evaluation)
                                 << ParamsEdit([](ActivationParams &p) {
                                        p.rreluMode = RreluMode::Training;
                                    })
                                 << true;
}

void TestCurveWorker::cacheRecomputesOnlyForRelevantParameters()
{
    QFETCH(Activation, kind);
    QFETCH(ActivationParams, params);
    QFETCH(ParamsEdit, edit);
    QFETCH(bool, recomputed);

    CurveCache cache;
    // The function once selected and once as an overlay of ReLU (or of Tanh for ReLU itself).
    const Activation host = kind == Activation::Relu ? Activation::Tanh : Activation::Relu;
    const CurveRequest first = makeRequest(kind, params, {});
    const CurveRequest firstAsOverlay = makeRequest(host, params, {kind});
    ActivationParams edited = params;
    edit(edited);
    QVERIFY(!(edited == params));
    const CurveRequest second = makeRequest(kind, edited, {});
    const CurveRequest secondAsOverlay = makeRequest(host, edited, {kind});

    const CurveResult r1 = computeCurves(first, &cache);
    const CurveResult r2 = computeCurves(second, &cache);
    QCOMPARE(!sameStorage(r2.selected, r1.selected), recomputed);
    compareSeriesWithCore(r2, second);
    if (QTest::currentTestFailed())
        return;

    CurveCache overlayCache;
    const CurveResult o1 = computeCurves(firstAsOverlay, &overlayCache);
    const CurveResult o2 = computeCurves(secondAsOverlay, &overlayCache);
    QCOMPARE(!sameStorage(o2.overlays[0], o1.overlays[0]), recomputed);
    compareSeriesWithCore(o2, secondAsOverlay);
}

QTEST_GUILESS_MAIN(TestCurveWorker)
#include "tst_curveworker.moc"
