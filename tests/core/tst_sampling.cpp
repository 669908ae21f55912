// Tests of src/core/sampling.h: the grid, and curves that agree with evaluate() element by element
// whatever the number of threads.

#include <QObject>
#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "common/fuzzycompare.h"
#include "core/parallel.h"
#include "core/sampling.h"

namespace core = relulab::core;
using core::Activation;
using core::ActivationParams;
using core::CurveSpec;
using core::RreluMode;
using core::SampledCurve;
using relulab::test::describe;
using relulab::test::identical;
using relulab::test::Tolerance;

Q_DECLARE_METATYPE(relulab::core::Activation)
Q_DECLARE_METATYPE(relulab::core::ActivationParams)

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// Above every parallelThresholdFor() value, so that every function takes the OpenMP path.
constexpr std::size_t LargeSamples = 300'000;

// sampling.cpp inlines the same templates that evaluate() calls; the results agree to the bit
// when both are compiled alike. The tolerance leaves room for a build that contracts a * b + c
// into an FMA in one place and not the other, and nothing more.
constexpr Tolerance SameCode {4e-16, 1e-300};

ActivationParams otherParams()
{
    ActivationParams p;
    p.leakySlope = 0.2;
    p.preluWeight = -0.5;
    p.eluAlpha = 2.0;
    p.rreluLower = 0.1;
    p.rreluUpper = 0.4;
    return p;
}

ActivationParams trainingParams(std::uint64_t seed)
{
    ActivationParams p;
    p.rreluMode = RreluMode::Training;
    p.rreluSeed = seed;
    return p;
}

bool isPiecewiseLinear(Activation kind)
{
    return kind == Activation::Relu || kind == Activation::LeakyRelu || kind == Activation::Prelu
            || kind == Activation::Rrelu;
}

// Every function, with PyTorch's defaults and with other parameters, and RReLU in training mode.
void addFunctionRows()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<ActivationParams>("params");
    for (const core::ActivationInfo &info : core::allActivations()) {
        QTest::addRow("%s", info.cliName.data()) << info.kind << ActivationParams {};
        if (info.hasAlpha || info.kind == Activation::Rrelu)
            QTest::addRow("%s other", info.cliName.data()) << info.kind << otherParams();
    }
    QTest::newRow("rrelu training") << Activation::Rrelu << trainingParams(11);
}

// Checks y and dy against evaluate() at x, element by element; returns false after a QFAIL.
bool agreesWithEvaluate(Activation kind, const ActivationParams &params, const std::vector<double> &x,
                        const std::vector<double> &y, const std::vector<double> &dy)
{
    for (std::size_t i = 0; i < x.size(); ++i) {
        const core::ValueAndDerivative expected = core::evaluate(kind, x[i], params, i);
        const bool same = relulab::test::fuzzyEqual(y[i], expected.value, SameCode)
                && relulab::test::fuzzyEqual(dy[i], expected.derivative, SameCode)
                && (!isPiecewiseLinear(kind) || identical(y[i], expected.value));
        if (!same) {
            QTest::qFail(("element " + QByteArray::number(quint64 {i}) + ", x = " + describe(x[i])
                          + ": sampled " + describe(y[i]) + ", " + describe(dy[i]) + "; evaluate() gives "
                          + describe(expected.value) + ", " + describe(expected.derivative))
                                 .constData(),
                         __FILE__, __LINE__);
            return false;
        }
    }
    return true;
}

bool identicalVectors(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!identical(a[i], b[i]))
            return false;
    }
    return true;
}

} // namespace

class TestSampling : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void gridPoint_data();
    void gridPoint();
    void gridPointTwoSamples();
    void fillGrid_data();
    void fillGrid();

    void sampleActivation_data();
    void sampleActivation();
    void sampleCurve_data();
    void sampleCurve();
    void sampleCurveSameWithOneOrTwoThreads_data();
    void sampleCurveSameWithOneOrTwoThreads();
    void rreluTrainingCurveReproducible();
    void sampleCurveResizesOutput();
    void sampleCurveIntoCallerStorage();
    void sampleCurveMiddleIsZero();
    void parallelThresholds();

private:
    int m_defaultThreads = 1;
};

void TestSampling::initTestCase()
{
    m_defaultThreads = core::maxThreads();
}

void TestSampling::cleanup()
{
    core::setMaxThreads(m_defaultThreads);
}

void TestSampling::gridPoint_data()
{
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<std::size_t>("n");
    QTest::newRow("explorer default") << -3.0 << 3.0 << std::size_t {1001};
    QTest::newRow("symmetric, even n") << -3.0 << 3.0 << std::size_t {1000};
    QTest::newRow("symmetric, awkward") << -2.7 << 2.7 << std::size_t {11};
    QTest::newRow("symmetric, tiny") << -1e-3 << 1e-3 << std::size_t {999'999};
    QTest::newRow("symmetric, huge") << -1e6 << 1e6 << std::size_t {3};
    QTest::newRow("one-sided") << 0.1 << 0.7 << std::size_t {7};
    QTest::newRow("crossing 0 off-centre") << -5.0 << 1e-8 << std::size_t {4097};
    QTest::newRow("tiny span") << 1.0 << 1.0 + 1e-12 << std::size_t {101};
    QTest::newRow("largest curve") << -6.0 << 6.0 << core::MaxCurveSamples;
}

void TestSampling::gridPoint()
{
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(std::size_t, n);
    const std::size_t last = n - 1;
    // Both ends exact.
    RELULAB_COMPARE_EXACT(core::gridPoint(a, b, n, 0), a);
    RELULAB_COMPARE_EXACT(core::gridPoint(a, b, n, last), b);

    const bool symmetric = a == -b;
    const double step = (b - a) / static_cast<double>(last);
    double previous = -Inf;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = core::gridPoint(a, b, n, i);
        if (!(x > previous)) {
            QFAIL(("not increasing at " + QByteArray::number(quint64 {i}) + ": "
                   + describe(previous) + " then " + describe(x))
                          .constData());
        }
        previous = x;
        // Evenly spaced: a + i step to within a few ulp of the range.
        const double ideal = a + static_cast<double>(i) * step;
        if (std::abs(x - ideal) > 8e-16 * std::max(std::abs(a), std::abs(b))) {
            QFAIL(("point " + QByteArray::number(quint64 {i}) + " is " + describe(x) + ", expected "
                   + describe(ideal))
                          .constData());
        }
        if (symmetric && !identical(x, -core::gridPoint(a, b, n, last - i)) && x != 0.0) {
            QFAIL(("x_i != -x_(n-1-i) at " + QByteArray::number(quint64 {i})).constData());
        }
    }
    if (symmetric && n % 2 == 1)
        RELULAB_COMPARE_EXACT(core::gridPoint(a, b, n, last / 2), 0.0);
}

void TestSampling::gridPointTwoSamples()
{
    RELULAB_COMPARE_EXACT(core::gridPoint(-3.0, 3.0, 2, 0), -3.0);
    RELULAB_COMPARE_EXACT(core::gridPoint(-3.0, 3.0, 2, 1), 3.0);
    RELULAB_COMPARE_EXACT(core::gridPoint(0.1, 0.3, 2, 0), 0.1);
    RELULAB_COMPARE_EXACT(core::gridPoint(0.1, 0.3, 2, 1), 0.3);
}

void TestSampling::fillGrid_data()
{
    QTest::addColumn<std::size_t>("n");
    QTest::addColumn<int>("threads");
    QTest::newRow("small") << std::size_t {1001} << 2;
    QTest::newRow("large, 1 thread") << LargeSamples << 1;
    QTest::newRow("large, 2 threads") << LargeSamples << 2;
}

void TestSampling::fillGrid()
{
    QFETCH(std::size_t, n);
    QFETCH(int, threads);
    core::setMaxThreads(threads);
    std::vector<double> x(n, NaN);
    core::fillGrid(-4.0, 2.5, x);
    for (std::size_t i = 0; i < n; ++i) {
        if (!identical(x[i], core::gridPoint(-4.0, 2.5, n, i)))
            QFAIL(("element " + QByteArray::number(quint64 {i})).constData());
    }
}

void TestSampling::sampleActivation_data()
{
    addFunctionRows();
}

void TestSampling::sampleActivation()
{
    QFETCH(Activation, kind);
    QFETCH(ActivationParams, params);
    // Any x, not only a grid: the special values of the activation tables too.
    std::vector<double> x(2001);
    core::fillGrid(-8.0, 8.0, x);
    for (const double special : {0.0, -0.0, 1e-30, -1e-30, 1e6, -1e6, Inf, -Inf, NaN, 25.0, -750.0})
        x.push_back(special);
    std::vector<double> y(x.size(), 123.0);
    std::vector<double> dy(x.size(), 123.0);
    core::sampleActivation(kind, params, x, y, dy);
    QVERIFY(agreesWithEvaluate(kind, params, x, y, dy));

    // Above the threshold, with a team.
    core::setMaxThreads(2);
    std::vector<double> large(LargeSamples);
    core::fillGrid(-10.0, 10.0, large);
    std::vector<double> yLarge(large.size());
    std::vector<double> dyLarge(large.size());
    core::sampleActivation(kind, params, large, yLarge, dyLarge);
    QVERIFY(agreesWithEvaluate(kind, params, large, yLarge, dyLarge));
}

void TestSampling::sampleCurve_data()
{
    addFunctionRows();
}

void TestSampling::sampleCurve()
{
    QFETCH(Activation, kind);
    QFETCH(ActivationParams, params);
    CurveSpec spec;
    spec.kind = kind;
    spec.params = params;
    spec.xMin = -4.0;
    spec.xMax = 4.0;
    spec.samples = 1001;
    const SampledCurve curve = core::sampleCurve(spec);
    QCOMPARE(curve.x.size(), spec.samples);
    QCOMPARE(curve.y.size(), spec.samples);
    QCOMPARE(curve.dy.size(), spec.samples);
    for (std::size_t i = 0; i < spec.samples; ++i) {
        if (!identical(curve.x[i], core::gridPoint(spec.xMin, spec.xMax, spec.samples, i)))
            QFAIL(("x differs from gridPoint at " + QByteArray::number(quint64 {i})).constData());
    }
    QVERIFY(agreesWithEvaluate(kind, params, curve.x, curve.y, curve.dy));

    // The in-place form gives the same curve.
    SampledCurve inPlace;
    core::sampleCurve(spec, inPlace);
    QVERIFY(identicalVectors(inPlace.x, curve.x));
    QVERIFY(identicalVectors(inPlace.y, curve.y));
    QVERIFY(identicalVectors(inPlace.dy, curve.dy));
}

void TestSampling::sampleCurveSameWithOneOrTwoThreads_data()
{
    addFunctionRows();
}

void TestSampling::sampleCurveSameWithOneOrTwoThreads()
{
    QFETCH(Activation, kind);
    QFETCH(ActivationParams, params);
    CurveSpec spec;
    spec.kind = kind;
    spec.params = params;
    spec.xMin = -5.0;
    spec.xMax = 3.0;
    spec.samples = LargeSamples;
    QVERIFY(spec.samples > core::parallelThresholdFor(kind));

    core::setMaxThreads(1);
    const SampledCurve serial = core::sampleCurve(spec);
    core::setMaxThreads(2);
    QCOMPARE(core::maxThreads(), core::openMpEnabled() ? 2 : 1);
    const SampledCurve parallel = core::sampleCurve(spec);
    // Each element is computed by the same code from (spec, i) alone: identical to the bit.
    QVERIFY(identicalVectors(serial.x, parallel.x));
    QVERIFY(identicalVectors(serial.y, parallel.y));
    QVERIFY(identicalVectors(serial.dy, parallel.dy));
    // Element by element against evaluate() across the chunk boundary as well.
    QVERIFY(agreesWithEvaluate(kind, params, parallel.x, parallel.y, parallel.dy));
}

void TestSampling::rreluTrainingCurveReproducible()
{
    core::setMaxThreads(2);
    CurveSpec spec;
    spec.kind = Activation::Rrelu;
    spec.params = trainingParams(2024);
    spec.xMin = -3.0;
    spec.xMax = 3.0;
    spec.samples = LargeSamples + 1;
    const SampledCurve first = core::sampleCurve(spec);
    const SampledCurve again = core::sampleCurve(spec);
    QVERIFY(identicalVectors(first.y, again.y));
    QVERIFY(identicalVectors(first.dy, again.dy));

    // Each x < 0 has its own slope in [lower, upper], with f' that slope; x > 0 is untouched.
    const double lower = spec.params.rreluLower;
    const double upper = spec.params.rreluUpper;
    std::size_t distinctNeighbours = 0;
    for (std::size_t i = 0; i < spec.samples; ++i) {
        const double x = first.x[i];
        if (x > 0.0) {
            QVERIFY(first.y[i] == x && first.dy[i] == 1.0);
            continue;
        }
        const double slope = first.dy[i];
        QVERIFY2(slope >= lower && slope <= upper, describe(slope).constData());
        QVERIFY(first.y[i] == slope * x);
        if (i > 0 && first.dy[i - 1] != slope)
            ++distinctNeighbours;
    }
    // Half the grid is negative, and neighbours share a slope essentially never.
    QVERIFY(distinctNeighbours > spec.samples / 2 - 10);

    // A different seed gives a different cloud on the negative side, the same line elsewhere.
    spec.params.rreluSeed = 2025;
    const SampledCurve other = core::sampleCurve(spec);
    std::size_t different = 0;
    for (std::size_t i = 0; i < spec.samples; ++i) {
        if (first.x[i] < 0.0 && other.y[i] != first.y[i])
            ++different;
        if (first.x[i] > 0.0)
            QVERIFY(other.y[i] == first.y[i]);
    }
    QVERIFY(different > spec.samples / 2 - 10);
}

void TestSampling::sampleCurveResizesOutput()
{
    CurveSpec spec;
    spec.kind = Activation::Gelu;
    spec.samples = 101;
    SampledCurve out;
    out.x.assign(5000, NaN);
    out.y.assign(4000, NaN);
    out.dy.assign(3000, NaN);
    core::sampleCurve(spec, out);
    QCOMPARE(out.x.size(), std::size_t {101});
    QCOMPARE(out.y.size(), std::size_t {101});
    QCOMPARE(out.dy.size(), std::size_t {101});
    QVERIFY(agreesWithEvaluate(spec.kind, spec.params, out.x, out.y, out.dy));

    spec.samples = 7000;
    core::sampleCurve(spec, out);
    QCOMPARE(out.x.size(), std::size_t {7000});
    QCOMPARE(out.y.size(), std::size_t {7000});
    QCOMPARE(out.dy.size(), std::size_t {7000});
    RELULAB_COMPARE_EXACT(out.x.front(), spec.xMin);
    RELULAB_COMPARE_EXACT(out.x.back(), spec.xMax);
    QVERIFY(agreesWithEvaluate(spec.kind, spec.params, out.x, out.y, out.dy));

    spec.samples = core::MinCurveSamples;
    core::sampleCurve(spec, out);
    QCOMPARE(out.x.size(), std::size_t {2});
    RELULAB_COMPARE_EXACT(out.x[0], spec.xMin);
    RELULAB_COMPARE_EXACT(out.x[1], spec.xMax);
}

void TestSampling::sampleCurveIntoCallerStorage()
{
    // The span form writes exactly spec.samples elements of each buffer and nothing beyond.
    CurveSpec spec;
    spec.kind = Activation::Rrelu;
    spec.params = trainingParams(8);
    spec.samples = LargeSamples;
    core::setMaxThreads(2);
    const SampledCurve expected = core::sampleCurve(spec);
    constexpr double Guard = -12345.0;
    std::vector<double> x(spec.samples + 1, Guard);
    std::vector<double> y(spec.samples + 1, Guard);
    std::vector<double> dy(spec.samples + 1, Guard);
    core::sampleCurve(spec, std::span(x).first(spec.samples), std::span(y).first(spec.samples),
                      std::span(dy).first(spec.samples));
    RELULAB_COMPARE_EXACT(x.back(), Guard);
    RELULAB_COMPARE_EXACT(y.back(), Guard);
    RELULAB_COMPARE_EXACT(dy.back(), Guard);
    x.pop_back();
    y.pop_back();
    dy.pop_back();
    QVERIFY(identicalVectors(x, expected.x));
    QVERIFY(identicalVectors(y, expected.y));
    QVERIFY(identicalVectors(dy, expected.dy));
}

void TestSampling::sampleCurveMiddleIsZero()
{
    // The explorer's default grid hits x == 0 exactly, where the kink conventions show.
    CurveSpec spec;
    spec.kind = Activation::LeakyRelu;
    QCOMPARE(spec.samples % 2, std::size_t {1});
    QCOMPARE(spec.xMin, -spec.xMax);
    const SampledCurve curve = core::sampleCurve(spec);
    const std::size_t middle = spec.samples / 2;
    RELULAB_COMPARE_EXACT(curve.x[middle], 0.0);
    RELULAB_COMPARE_EXACT(curve.y[middle], 0.0);
    RELULAB_COMPARE_EXACT(curve.dy[middle], core::DefaultLeakySlope);
}

void TestSampling::parallelThresholds()
{
    // Cheap piecewise-linear kernels need more elements than transcendental ones to pay for a
    // team; every threshold is below the largest curve, so large curves use both cores.
    for (const core::ActivationInfo &info : core::allActivations()) {
        const std::size_t threshold = core::parallelThresholdFor(info.kind);
        QVERIFY(threshold >= 1000);
        QVERIFY(threshold < core::MaxCurveSamples);
        QVERIFY(threshold < LargeSamples);
        if (!isPiecewiseLinear(info.kind)) {
            QVERIFY(threshold <= core::parallelThresholdFor(Activation::Relu));
            QVERIFY(threshold <= core::parallelThresholdFor(Activation::Rrelu));
        }
    }
}

QTEST_APPLESS_MAIN(TestSampling)
#include "tst_sampling.moc"
