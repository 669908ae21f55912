// Tests of src/core/layerkernels.h: the dense kernels at every SIMD level this machine runs,
// against plain loops written here (in double, from the same inputs), in float and double, at
// sizes that are and are not whole vectors; the fused rectifiers to the bit; padding that must
// never reach a result (it is filled with nan); RReLU's draws against rreluStepSlope; the
// dead-unit counts.

#include <QObject>
#include <QTest>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "core/layerkernels.h"
#include "core/network.h"
#include "core/splitmix64.h"
#include "core/trainer.h"

namespace core = relulab::core;
using core::Rectifier;
using core::SimdLevel;

Q_DECLARE_METATYPE(relulab::core::SimdLevel)

// QVERIFY2 builds its message on success too; the checks here run millions of times.
#define RELULAB_CHECK(condition, message)                                                          \
    do {                                                                                           \
        if (!(condition))                                                                          \
            QFAIL(message);                                                                        \
    } while (false)

namespace {

constexpr int Sizes[] = {1, 3, 32, 33, 128};
constexpr std::size_t Counts[] = {1, 7, 32, 255, 256};

enum class RectifierCase { None, Relu, Leaky, RreluDrawn, RreluEvaluation };
constexpr RectifierCase RectifierCases[] = {RectifierCase::None, RectifierCase::Relu,
                                            RectifierCase::Leaky, RectifierCase::RreluDrawn,
                                            RectifierCase::RreluEvaluation};

const char *nameOf(RectifierCase c)
{
    switch (c) {
    case RectifierCase::None:
        return "none";
    case RectifierCase::Relu:
        return "relu";
    case RectifierCase::Leaky:
        return "leaky";
    case RectifierCase::RreluDrawn:
        return "rrelu-drawn";
    case RectifierCase::RreluEvaluation:
        return "rrelu-eval";
    }
    return "?";
}

// A relative tolerance in units of the type's epsilon, against the sum of the magnitudes of the
// terms: the error of a sum of n terms in any order is at most about n eps times that, and in
// practice a few eps.
template<class T>
constexpr double Epsilons = 32.0 * static_cast<double>(std::numeric_limits<T>::epsilon());

const double Nan = std::numeric_limits<double>::quiet_NaN();

QByteArray caseName(const char *kernel, int out, int in, std::size_t count, const char *extra = "")
{
    return QByteArray(kernel) + " out " + QByteArray::number(out) + " in " + QByteArray::number(in)
            + " count " + QByteArray::number(static_cast<qulonglong>(count)) + " " + extra;
}

bool close(double actual, double expected, double magnitude, double relative)
{
    return std::abs(actual - expected) <= relative * magnitude + 1e-300;
}

QByteArray mismatch(const QByteArray &what, std::size_t row, std::size_t column, double actual,
                    double expected, double magnitude)
{
    return what + " at [" + QByteArray::number(static_cast<qulonglong>(row)) + "]["
            + QByteArray::number(static_cast<qulonglong>(column)) + "]: actual "
            + QByteArray::number(actual, 'g', 17) + ", expected "
            + QByteArray::number(expected, 'g', 17) + ", magnitude "
            + QByteArray::number(magnitude, 'g', 3);
}

// Values in [-1, 1), with a share of exact zeros and negative zeros (the kinks of the rectifiers
// sit at 0).
template<class T>
T draw(core::SplitMix64 &g)
{
    const double u = g.uniform();
    if (u < 0.03)
        return T(0);
    if (u < 0.05)
        return -T(0);
    return static_cast<T>(2.0 * g.uniform() - 1.0);
}

// A block of `count` rows of `width` values, rows `ld` apart, the padding lanes nan.
template<class T>
core::AlignedVector<T> block(std::size_t count, std::size_t width, std::size_t ld, std::uint64_t seed)
{
    core::SplitMix64 g(seed);
    core::AlignedVector<T> v(count * ld, static_cast<T>(Nan));
    for (std::size_t s = 0; s < count; ++s) {
        for (std::size_t k = 0; k < width; ++k)
            v[s * ld + k] = draw<T>(g);
    }
    return v;
}

template<class T>
std::vector<T> values(std::size_t n, std::uint64_t seed)
{
    core::SplitMix64 g(seed);
    std::vector<T> v(n);
    for (T &x : v)
        x = draw<T>(g);
    return v;
}

// The rectifier of a case, over `units` units and a block with rows `ld` apart.
template<class T>
struct RectifierData
{
    Rectifier<T> f;
    core::AlignedVector<T> slope; // per unit, padded
    core::AlignedVector<T> drawn; // per element

    RectifierData(RectifierCase c, std::size_t units, std::size_t count, std::size_t ld)
    {
        core::SplitMix64 g(99);
        slope.assign(core::paddedWidth<T>(units), static_cast<T>(Nan));
        for (std::size_t u = 0; u < units; ++u)
            slope[u] = static_cast<T>(u % 5 == 4 ? 0.0 : 0.5 * g.uniform() - 0.1); // some < 0
        drawn = block<T>(count, units, ld, 7);
        switch (c) {
        case RectifierCase::None:
        case RectifierCase::Relu:
            f.kind = Rectifier<T>::Kind::Relu;
            break;
        case RectifierCase::Leaky:
            f.kind = Rectifier<T>::Kind::Leaky;
            f.slope = slope.data();
            break;
        case RectifierCase::RreluDrawn:
            f.kind = Rectifier<T>::Kind::Rrelu;
            f.slope = slope.data();
            f.drawn = drawn.data();
            break;
        case RectifierCase::RreluEvaluation:
            f.kind = Rectifier<T>::Kind::Rrelu;
            f.slope = slope.data();
            break;
        }
    }

    // f(x) and f'(x) of element (s, u), with activations.h's scalar functions.
    T value(std::size_t s, std::size_t u, std::size_t ld, T x) const
    {
        switch (f.kind) {
        case Rectifier<T>::Kind::Relu:
            return core::relu(x);
        case Rectifier<T>::Kind::Leaky:
            return core::leakyRelu(x, slope[u]);
        case Rectifier<T>::Kind::Rrelu:
            return f.drawn ? core::rreluTraining(x, drawn[s * ld + u]) : core::leakyRelu(x, slope[u]);
        }
        return x;
    }
    double derivative(std::size_t s, std::size_t u, std::size_t ld, double x) const
    {
        switch (f.kind) {
        case Rectifier<T>::Kind::Relu:
            return x > 0.0 ? 1.0 : 0.0;
        case Rectifier<T>::Kind::Leaky:
            return x > 0.0 ? 1.0 : static_cast<double>(slope[u]);
        case Rectifier<T>::Kind::Rrelu:
            return core::leakyReluDerivative(
                    x, static_cast<double>(f.drawn ? drawn[s * ld + u] : slope[u]));
        }
        return 1.0;
    }
};

// ---------------------------------------------------------------------------------------------

template<class T>
void checkForward(int out, int in, std::size_t count, RectifierCase rc)
{
    const auto outs = static_cast<std::size_t>(out);
    const auto ins = static_cast<std::size_t>(in);
    const std::size_t ldIn = core::paddedWidth<T>(ins) + core::SimdPad<T>; // more than needed
    const std::size_t ld = core::paddedWidth<T>(outs);
    const std::vector<T> weight = values<T>(outs * ins, 1);
    const std::vector<T> bias = values<T>(outs, 2);
    const core::AlignedVector<T> input = block<T>(count, ins, ldIn, 3);
    core::PackedDense<T> packed;
    packed.pack(weight.data(), bias.data(), out, in);
    const RectifierData<T> r(rc, outs, count, ld);
    const bool fused = rc != RectifierCase::None;

    // One row more than count, which must stay untouched.
    const T sentinel = T(12345);
    core::AlignedVector<T> pre((count + 1) * ld, sentinel);
    core::AlignedVector<T> post((count + 1) * ld, sentinel);
    core::denseForward(packed.weights(), input.data(), ldIn, pre.data(),
                       fused ? post.data() : nullptr, ld, count, fused ? &r.f : nullptr);

    const QByteArray what = caseName("denseForward", out, in, count, nameOf(rc));
    for (std::size_t s = 0; s < count; ++s) {
        for (std::size_t o = 0; o < outs; ++o) {
            double expected = static_cast<double>(bias[o]);
            double magnitude = std::abs(expected);
            for (std::size_t i = 0; i < ins; ++i) {
                const double term = static_cast<double>(weight[o * ins + i])
                        * static_cast<double>(input[s * ldIn + i]);
                expected += term;
                magnitude += std::abs(term);
            }
            const auto actual = static_cast<double>(pre[s * ld + o]);
            RELULAB_CHECK(close(actual, expected, magnitude, Epsilons<T>),
                          mismatch(what, s, o, actual, expected, magnitude).constData());
            if (fused) {
                const T x = pre[s * ld + o];
                const T f = r.value(s, o, ld, x);
                RELULAB_CHECK(std::memcmp(&f, &post[s * ld + o], sizeof f) == 0,
                              mismatch(what + " post", s, o, static_cast<double>(post[s * ld + o]),
                                       static_cast<double>(f), 0.0)
                                      .constData());
            }
        }
    }
    for (std::size_t k = count * ld; k < (count + 1) * ld; ++k) {
        RELULAB_CHECK(pre[k] == sentinel, (what + " wrote past the last row").constData());
        RELULAB_CHECK(post[k] == sentinel, (what + " wrote past the last row").constData());
    }
    if (!fused) {
        for (std::size_t k = 0; k < count * ld; ++k)
            RELULAB_CHECK(post[k] == sentinel, (what + " wrote post without a rectifier").constData());
    }
}

template<class T>
void checkWeightGradient(int out, int in, std::size_t count)
{
    const auto outs = static_cast<std::size_t>(out);
    const auto ins = static_cast<std::size_t>(in);
    const std::size_t ldIn = core::paddedWidth<T>(ins);
    const std::size_t ldGrad = core::paddedWidth<T>(outs) + core::SimdPad<T>;
    const core::AlignedVector<T> input = block<T>(count, ins, ldIn, 4);
    const core::AlignedVector<T> grad = block<T>(count, outs, ldGrad, 5);
    // Overwritten, not added to: nan before, so that anything left over shows.
    std::vector<T> gradWeight(outs * ins + 1, static_cast<T>(Nan));
    std::vector<T> gradBias(outs + 1, static_cast<T>(Nan));
    const T sentinel = T(-777);
    gradWeight.back() = sentinel;
    gradBias.back() = sentinel;
    core::denseWeightGradient(grad.data(), ldGrad, input.data(), ldIn, out, in, count,
                              gradWeight.data(), gradBias.data());

    const QByteArray what = caseName("denseWeightGradient", out, in, count);
    for (std::size_t o = 0; o < outs; ++o) {
        double biasExpected = 0.0;
        double biasMagnitude = 0.0;
        for (std::size_t s = 0; s < count; ++s) {
            biasExpected += static_cast<double>(grad[s * ldGrad + o]);
            biasMagnitude += std::abs(static_cast<double>(grad[s * ldGrad + o]));
        }
        const auto biasActual = static_cast<double>(gradBias[o]);
        RELULAB_CHECK(
                close(biasActual, biasExpected, biasMagnitude, Epsilons<T>),
                mismatch(what + " bias", o, 0, biasActual, biasExpected, biasMagnitude).constData());
        for (std::size_t i = 0; i < ins; ++i) {
            double expected = 0.0;
            double magnitude = 0.0;
            for (std::size_t s = 0; s < count; ++s) {
                const double term = static_cast<double>(grad[s * ldGrad + o])
                        * static_cast<double>(input[s * ldIn + i]);
                expected += term;
                magnitude += std::abs(term);
            }
            const auto actual = static_cast<double>(gradWeight[o * ins + i]);
            RELULAB_CHECK(close(actual, expected, magnitude, Epsilons<T>),
                          mismatch(what, o, i, actual, expected, magnitude).constData());
        }
    }
    RELULAB_CHECK(gradWeight.back() == sentinel, (what + " wrote past the weights").constData());
    RELULAB_CHECK(gradBias.back() == sentinel, (what + " wrote past the biases").constData());
}

template<class T>
void checkInputGradient(int out, int in, std::size_t count, RectifierCase rc, bool alpha)
{
    const auto outs = static_cast<std::size_t>(out);
    const auto ins = static_cast<std::size_t>(in);
    const std::size_t ldGrad = core::paddedWidth<T>(outs);
    const std::size_t ld = core::paddedWidth<T>(ins) + core::SimdPad<T>;
    const std::vector<T> weight = values<T>(outs * ins, 6);
    const std::vector<T> bias = values<T>(outs, 7);
    core::PackedDense<T> packed;
    packed.pack(weight.data(), bias.data(), out, in);
    const core::AlignedVector<T> grad = block<T>(count, outs, ldGrad, 8);
    const core::AlignedVector<T> pre = block<T>(count, ins, ld, 9);
    const RectifierData<T> r(rc, ins, count, ld);
    const bool fused = rc != RectifierCase::None;

    const T sentinel = T(4321);
    core::AlignedVector<T> back((count + 1) * ld, sentinel);
    std::vector<T> alphaGradient(ins + 1, T(0.5)); // added to
    alphaGradient.back() = sentinel;
    core::denseInputGradient(packed.weights(), grad.data(), ldGrad, back.data(), ld, count,
                             fused ? &r.f : nullptr, fused ? pre.data() : nullptr,
                             alpha ? alphaGradient.data() : nullptr);

    const QByteArray what =
            caseName("denseInputGradient", out, in, count, nameOf(rc)) + (alpha ? " alpha" : "");
    std::vector<double> alphaExpected(ins, 0.5);
    std::vector<double> alphaMagnitude(ins, 0.5);
    for (std::size_t s = 0; s < count; ++s) {
        for (std::size_t i = 0; i < ins; ++i) {
            double sum = 0.0;
            double magnitude = 0.0;
            for (std::size_t o = 0; o < outs; ++o) {
                const double term = static_cast<double>(grad[s * ldGrad + o])
                        * static_cast<double>(weight[o * ins + i]);
                sum += term;
                magnitude += std::abs(term);
            }
            double expected = sum;
            if (fused) {
                const auto p = static_cast<double>(pre[s * ld + i]);
                const double d = r.derivative(s, i, ld, p);
                if (alpha) {
                    const double x = p > 0.0 ? 0.0 : p;
                    alphaExpected[i] += sum * x;
                    alphaMagnitude[i] += magnitude * std::abs(x);
                }
                expected = sum * d;
                magnitude *= std::abs(d);
            }
            const auto actual = static_cast<double>(back[s * ld + i]);
            RELULAB_CHECK(close(actual, expected, magnitude, Epsilons<T>),
                          mismatch(what, s, i, actual, expected, magnitude).constData());
        }
    }
    for (std::size_t k = count * ld; k < (count + 1) * ld; ++k)
        RELULAB_CHECK(back[k] == sentinel, (what + " wrote past the last row").constData());
    if (alpha && fused) {
        for (std::size_t i = 0; i < ins; ++i) {
            const auto actual = static_cast<double>(alphaGradient[i]);
            RELULAB_CHECK(close(actual, alphaExpected[i], alphaMagnitude[i], Epsilons<T>),
                          mismatch(what + " alpha gradient", i, 0, actual, alphaExpected[i],
                                   alphaMagnitude[i])
                                  .constData());
        }
        RELULAB_CHECK(alphaGradient.back() == sentinel, (what + " wrote past the alphas").constData());
    }
}

template<class T>
void checkCounts(int units, std::size_t count, bool withSlope)
{
    const auto n = static_cast<std::size_t>(units);
    const std::size_t ld = core::paddedWidth<T>(n);
    core::AlignedVector<T> pre = block<T>(count, n, ld, 10);
    core::AlignedVector<T> slope(ld, static_cast<T>(Nan));
    for (std::size_t u = 0; u < n; ++u)
        slope[u] = u % 3 == 0 ? T(0) : T(0.25);
    // Unit 1 (if any): dead, pre <= 0 everywhere (0 and -0 included).
    if (n > 1) {
        for (std::size_t s = 0; s < count; ++s)
            pre[s * ld + 1] = s % 2 == 0 ? T(0) : -std::abs(pre[s * ld + 1]);
    }
    const auto run = [&](std::vector<std::uint32_t> &positive, std::vector<std::uint32_t> &nonzero) {
        positive.assign(n, 3); // added to
        nonzero.assign(n, 3);
        return core::countUnits(pre.data(), ld, units, count, withSlope ? slope.data() : nullptr,
                                positive.data(), nonzero.data());
    };
    const auto expected = [&](std::vector<std::uint32_t> &positive, std::vector<std::uint32_t> &nonzero) {
        positive.assign(n, 3);
        nonzero.assign(n, 3);
        bool finite = true;
        for (std::size_t s = 0; s < count; ++s) {
            for (std::size_t u = 0; u < n; ++u) {
                const T x = pre[s * ld + u];
                positive[u] += x > T(0) ? 1u : 0u;
                const T d = withSlope ? core::leakyReluDerivative(x, slope[u])
                                      : (x > T(0) ? T(1) : T(0));
                nonzero[u] += d != T(0) ? 1u : 0u;
                finite = finite && std::isfinite(x);
            }
        }
        return finite;
    };

    const QByteArray what = caseName("countUnits", units, 0, count, withSlope ? "slope" : "relu");
    std::vector<std::uint32_t> positive, nonzero, positiveExpected, nonzeroExpected;
    QCOMPARE(run(positive, nonzero), expected(positiveExpected, nonzeroExpected));
    RELULAB_CHECK(positive == positiveExpected, what.constData());
    RELULAB_CHECK(nonzero == nonzeroExpected, what.constData());
    if (n > 1)
        RELULAB_CHECK(positive[1] == 3, (what + ": the dead unit").constData());

    // A nan, and separately an infinity, in the last unit: not finite, and nan counts as a
    // nonzero slope (f'(nan) = nan).
    for (T bad : {static_cast<T>(Nan), -std::numeric_limits<T>::infinity()}) {
        const T saved = pre[(count - 1) * ld + n - 1];
        pre[(count - 1) * ld + n - 1] = bad;
        const bool finite = run(positive, nonzero);
        RELULAB_CHECK(!finite, (what + ": a non-finite value not seen").constData());
        QCOMPARE(finite, expected(positiveExpected, nonzeroExpected));
        RELULAB_CHECK(positive == positiveExpected, what.constData());
        RELULAB_CHECK(nonzero == nonzeroExpected, what.constData());
        pre[(count - 1) * ld + n - 1] = saved;
    }
}

template<class T>
void checkDraws(int units, std::size_t count)
{
    const auto n = static_cast<std::size_t>(units);
    const std::size_t ld = core::paddedWidth<T>(n);
    const std::uint64_t seed = 17;
    const std::uint64_t step = 123;
    const int layer = 2;
    const std::uint64_t batch = 1000;
    const std::uint64_t position = 256;
    const double lower = 0.125;
    const double upper = 1.0 / 3.0;
    // The stream of (seed, step, layer), as the trainer computes it for rreluStepSlope.
    const std::uint64_t stream = core::rreluStream(seed, step, layer);
    core::AlignedVector<T> out(count * ld, static_cast<T>(Nan));
    core::rreluDraws(stream, batch, position, units, count, lower, upper, out.data(), ld);
    for (std::size_t s = 0; s < count; ++s) {
        for (std::size_t u = 0; u < n; ++u) {
            const std::uint64_t element = u * batch + position + s;
            const auto expected =
                    static_cast<T>(core::rreluStepSlope(seed, step, layer, element, lower, upper));
            RELULAB_CHECK(std::memcmp(&expected, &out[s * ld + u], sizeof(T)) == 0,
                          mismatch(caseName("rreluDraws", units, 0, count), s, u,
                                   static_cast<double>(out[s * ld + u]),
                                   static_cast<double>(expected), 0.0)
                                  .constData());
        }
    }
}

} // namespace

class TestLayerKernels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void simdLevel();
    void pack_data();
    void pack();
    void denseForward_data() { levels(); }
    void denseForward();
    void denseWeightGradient_data() { levels(); }
    void denseWeightGradient();
    void denseInputGradient_data() { levels(); }
    void denseInputGradient();
    void countUnits_data() { levels(); }
    void countUnits();
    void rreluDraws_data() { levels(); }
    void rreluDraws();
    void sigmoidAndTanh_data() { levels(); }
    void sigmoidAndTanh();

private:
    // One row per SIMD level this machine runs and element type.
    static void levels();

    SimdLevel m_supported = SimdLevel::Baseline;
};

void TestLayerKernels::initTestCase()
{
    m_supported = core::supportedSimdLevel();
    qInfo("SIMD level: %s", core::simdLevelName(m_supported).data());
}

void TestLayerKernels::cleanup()
{
    core::setSimdLevel(m_supported);
}

void TestLayerKernels::levels()
{
    QTest::addColumn<SimdLevel>("level");
    QTest::addColumn<bool>("isDouble");
    const SimdLevel supported = core::supportedSimdLevel();
    for (SimdLevel level : {SimdLevel::Baseline, SimdLevel::Avx2, SimdLevel::Avx512}) {
        if (static_cast<int>(level) > static_cast<int>(supported))
            continue;
        const QByteArray name(core::simdLevelName(level).data(),
                              static_cast<qsizetype>(core::simdLevelName(level).size()));
        QTest::newRow((name + " float").constData()) << level << false;
        QTest::newRow((name + " double").constData()) << level << true;
    }
}

void TestLayerKernels::simdLevel()
{
    QCOMPARE(core::simdLevel(), m_supported);
    QCOMPARE(core::setSimdLevel(SimdLevel::Baseline), SimdLevel::Baseline);
    QCOMPARE(core::simdLevel(), SimdLevel::Baseline);
    // Never above what the machine runs.
    QCOMPARE(core::setSimdLevel(SimdLevel::Avx512), m_supported);
    QCOMPARE(core::simdLevel(), m_supported);
}

void TestLayerKernels::pack_data()
{
    QTest::addColumn<int>("out");
    QTest::addColumn<int>("in");
    for (int out : Sizes) {
        for (int in : Sizes)
            QTest::addRow("%d x %d", out, in) << out << in;
    }
}

void TestLayerKernels::pack()
{
    QFETCH(int, out);
    QFETCH(int, in);
    const auto outs = static_cast<std::size_t>(out);
    const auto ins = static_cast<std::size_t>(in);
    const std::vector<double> weight = values<double>(outs * ins, 11);
    const std::vector<double> bias = values<double>(outs, 12);
    core::PackedDense<double> packed;
    packed.pack(weight.data(), bias.data(), out, in);
    const core::DenseWeights<double> &w = packed.weights();
    QCOMPARE(w.out, out);
    QCOMPARE(w.in, in);
    QVERIFY(w.ldWeight % core::SimdPad<double> == 0 && w.ldWeight >= ins);
    QCOMPARE(w.weightT != nullptr, core::forwardUsesTranspose(out, in));
    for (std::size_t o = 0; o < outs; ++o) {
        for (std::size_t i = 0; i < w.ldWeight; ++i)
            QCOMPARE(w.weight[o * w.ldWeight + i], i < ins ? weight[o * ins + i] : 0.0);
    }
    if (w.weightT) {
        QVERIFY(w.ldWeightT % core::SimdPad<double> == 0 && w.ldWeightT >= outs);
        for (std::size_t i = 0; i < ins; ++i) {
            for (std::size_t o = 0; o < w.ldWeightT; ++o)
                QCOMPARE(w.weightT[i * w.ldWeightT + o], o < outs ? weight[o * ins + i] : 0.0);
        }
    }
    for (std::size_t o = 0; o < core::paddedWidth<double>(outs); ++o)
        QCOMPARE(w.bias[o], o < outs ? bias[o] : 0.0);
    // Wide layers read W^T, the output logit reads rows of W.
    QVERIFY(core::forwardUsesTranspose(32, 2));
    QVERIFY(core::forwardUsesTranspose(32, 32));
    QVERIFY(!core::forwardUsesTranspose(1, 32));
}

void TestLayerKernels::denseForward()
{
    QFETCH(SimdLevel, level);
    QFETCH(bool, isDouble);
    QCOMPARE(core::setSimdLevel(level), level);
    for (int out : Sizes) {
        for (int in : Sizes) {
            for (std::size_t count : Counts) {
                for (RectifierCase rc : RectifierCases) {
                    if (isDouble)
                        checkForward<double>(out, in, count, rc);
                    else
                        checkForward<float>(out, in, count, rc);
                    if (QTest::currentTestFailed())
                        return;
                }
            }
        }
    }
}

void TestLayerKernels::denseWeightGradient()
{
    QFETCH(SimdLevel, level);
    QFETCH(bool, isDouble);
    QCOMPARE(core::setSimdLevel(level), level);
    for (int out : Sizes) {
        for (int in : Sizes) {
            for (std::size_t count : Counts) {
                if (isDouble)
                    checkWeightGradient<double>(out, in, count);
                else
                    checkWeightGradient<float>(out, in, count);
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }
}

void TestLayerKernels::denseInputGradient()
{
    QFETCH(SimdLevel, level);
    QFETCH(bool, isDouble);
    QCOMPARE(core::setSimdLevel(level), level);
    for (int out : Sizes) {
        for (int in : Sizes) {
            for (std::size_t count : Counts) {
                for (RectifierCase rc : RectifierCases) {
                    for (bool alpha : {false, true}) {
                        if (alpha && rc == RectifierCase::None)
                            continue;
                        if (isDouble)
                            checkInputGradient<double>(out, in, count, rc, alpha);
                        else
                            checkInputGradient<float>(out, in, count, rc, alpha);
                        if (QTest::currentTestFailed())
                            return;
                    }
                }
            }
        }
    }
}

void TestLayerKernels::countUnits()
{
    QFETCH(SimdLevel, level);
    QFETCH(bool, isDouble);
    QCOMPARE(core::setSimdLevel(level), level);
    for (int units : Sizes) {
        for (std::size_t count : Counts) {
            for (bool withSlope : {false, true}) {
                if (isDouble)
                    checkCounts<double>(units, count, withSlope);
                else
                    checkCounts<float>(units, count, withSlope);
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }
}

void TestLayerKernels::rreluDraws()
{
    QFETCH(SimdLevel, level);
    QFETCH(bool, isDouble);
    QCOMPARE(core::setSimdLevel(level), level);
    for (int units : Sizes) {
        for (std::size_t count : Counts) {
            if (isDouble)
                checkDraws<double>(units, count);
            else
                checkDraws<float>(units, count);
            if (QTest::currentTestFailed())
                return;
        }
    }
}

namespace {

// sigmoidElements and tanhElements against the scalar sigmoid and std::tanh: within 4 ulp (libmvec's
// documented bound is smaller; 4 leaves room for the division), nan for nan, the limits at the
// infinities, and every element's bits independent of where it sits in the buffer.
template<class T>
void checkSigmoidAndTanh()
{
    const T inf = std::numeric_limits<T>::infinity();
    const T big = std::numeric_limits<T>::max();
    const T tiny = std::numeric_limits<T>::denorm_min();
    std::vector<T> values {T(0), -T(0), inf, -inf, std::numeric_limits<T>::quiet_NaN(), big, -big,
                           tiny, -tiny, T(1e-30), T(-1e-30), T(88.7), T(-88.7), T(89), T(-89),
                           T(103.9), T(-103.9), T(104), T(-104)};
    if constexpr (sizeof(T) == 8) {
        for (T x : {709.78, 709.79, 745.1, 745.2, 20.0, 36.7, 37.0})
            values.insert(values.end(), {x, -x});
    }
    for (int k = -8000; k <= 8000; ++k)
        values.push_back(static_cast<T>(k) / T(100)); // [-80, 80] by 0.01, both tails of both
    core::SplitMix64 random(7);
    for (int k = 0; k < 2000; ++k)
        values.push_back(static_cast<T>((random.uniform() - 0.5) * 1500.0));
    const auto close = [](T got, T want) {
        if (std::isnan(want))
            return std::isnan(got);
        const T scale = std::max(std::abs(want), std::numeric_limits<T>::min());
        return std::abs(got - want) <= T(4) * std::numeric_limits<T>::epsilon() * scale;
    };
    for (bool isTanh : {false, true}) {
        std::vector<T> all(values.size());
        if (isTanh)
            core::tanhElements(values.data(), all.data(), values.size());
        else
            core::sigmoidElements(values.data(), all.data(), values.size());
        for (std::size_t k = 0; k < values.size(); ++k) {
            const T x = values[k];
            const T want = isTanh ? std::tanh(x) : core::sigmoid(x);
            QVERIFY2(close(all[k], want),
                     qPrintable(QStringLiteral("%1(%2) = %3, scalar %4")
                                        .arg(isTanh ? "tanh" : "sigmoid")
                                        .arg(static_cast<double>(x), 0, 'g', 17)
                                        .arg(static_cast<double>(all[k]), 0, 'g', 17)
                                        .arg(static_cast<double>(want), 0, 'g', 17)));
            QVERIFY(std::isnan(x) || (all[k] >= (isTanh ? T(-1) : T(0)) && all[k] <= T(1)));
        }
        // The same bits alone, and at every offset of a short buffer (the tail goes through a
        // padded vector), as in the long buffer.
        for (std::size_t k = 0; k < 64; ++k) {
            for (std::size_t length = 1; length <= 19; ++length) {
                std::vector<T> out(length, T(-2));
                const std::size_t first = k >= length - 1 ? k - (length - 1) : 0;
                if (isTanh)
                    core::tanhElements(values.data() + first, out.data(), length);
                else
                    core::sigmoidElements(values.data() + first, out.data(), length);
                const T got = out[k - first];
                QVERIFY2(std::memcmp(&got, &all[k], sizeof(T)) == 0,
                         qPrintable(QStringLiteral("element %1 at offset %2 of %3").arg(k).arg(k - first).arg(length)));
            }
        }
    }
    // A count of 0 writes nothing.
    T untouched = T(5);
    core::sigmoidElements(values.data(), &untouched, 0);
    core::tanhElements(values.data(), &untouched, 0);
    QCOMPARE(untouched, T(5));
}

} // namespace

void TestLayerKernels::sigmoidAndTanh()
{
    QFETCH(SimdLevel, level);
    QFETCH(bool, isDouble);
    QCOMPARE(core::setSimdLevel(level), level);
    if (isDouble)
        checkSigmoidAndTanh<double>();
    else
        checkSigmoidAndTanh<float>();
}

QTEST_APPLESS_MAIN(TestLayerKernels)
#include "tst_layerkernels.moc"
