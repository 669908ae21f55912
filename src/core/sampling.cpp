#include "sampling.h"

#include "parallel.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace relulab::core {

namespace {

// Calls fn(kernel) with a function object for `kind` whose operator()(x, i) returns
// ValueAndDerivative. Dispatching once per call, not per element, lets each loop inline and
// vectorise its own kernel.
template<class Fn>
void withKernel(Activation kind, const ActivationParams &p, Fn &&fn)
{
    switch (kind) {
    case Activation::Relu:
        return fn([](double x, std::size_t) {
            return ValueAndDerivative {relu(x), reluDerivative(x)};
        });
    case Activation::LeakyRelu:
    case Activation::Prelu: {
        const double a = kind == Activation::LeakyRelu ? p.leakySlope : p.preluWeight;
        return fn([a](double x, std::size_t) {
            return ValueAndDerivative {leakyRelu(x, a), leakyReluDerivative(x, a)};
        });
    }
    case Activation::Rrelu:
        if (p.rreluMode == RreluMode::Evaluation) {
            const double a = rreluEvaluationSlope(p.rreluLower, p.rreluUpper);
            return fn([a](double x, std::size_t) {
                return ValueAndDerivative {leakyRelu(x, a), leakyReluDerivative(x, a)};
            });
        }
        return fn([seed = p.rreluSeed, lower = p.rreluLower, upper = p.rreluUpper](double x,
                                                                                   std::size_t i) {
            const double a = rreluDrawnSlope(seed, i, lower, upper);
            return ValueAndDerivative {rreluTraining(x, a), rreluTrainingDerivative(x, a)};
        });
    case Activation::Elu:
        return fn([a = p.eluAlpha](double x, std::size_t) {
            return ValueAndDerivative {elu(x, a), eluDerivative(x, a)};
        });
    case Activation::Gelu:
        return fn([](double x, std::size_t) {
            return ValueAndDerivative {gelu(x), geluDerivative(x)};
        });
    case Activation::GeluTanh:
        return fn([](double x, std::size_t) {
            return ValueAndDerivative {geluTanh(x), geluTanhDerivative(x)};
        });
    case Activation::Silu:
        return fn([](double x, std::size_t) {
            return ValueAndDerivative {silu(x), siluDerivative(x)};
        });
    case Activation::Mish:
        return fn([](double x, std::size_t) {
            return ValueAndDerivative {mish(x), mishDerivative(x)};
        });
    case Activation::Softplus:
        return fn([](double x, std::size_t) {
            return ValueAndDerivative {softplus(x), softplusDerivative(x)};
        });
    case Activation::Sigmoid:
        return fn([](double x, std::size_t) {
            return ValueAndDerivative {sigmoid(x), sigmoidDerivative(x)};
        });
    case Activation::Tanh:
        return fn([](double x, std::size_t) {
            return ValueAndDerivative {tanhActivation(x), tanhDerivative(x)};
        });
    }
}

// Calls fn(i, x) for i in [begin, end), x = gridPoint(a, b, n, i). gridPoint() counts the lower
// half up from a and the upper half down from b; splitting the range where it switches, and
// counting with a 32-bit index (SSE2 converts 32-bit integers to double in vector registers but
// 64-bit ones only one at a time), leaves two loops without a branch that GCC can vectorise. Each
// x is the same expression as in gridPoint(), so the grid is the same to the bit.
template<class Fn>
void forGridPoints(double a, double b, std::size_t n, std::size_t begin, std::size_t end, const Fn &fn)
{
    if (n > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
        // Far beyond MaxCurveSamples, outside the front ends' contract: correct, just not fast.
        for (std::size_t i = begin; i < end; ++i)
            fn(i, gridPoint(a, b, n, i));
        return;
    }
    const auto last = static_cast<std::int32_t>(n - 1);
    const double span = b - a;
    const double lastAsDouble = static_cast<double>(last);
    // The first index that gridPoint() takes from the upper end: the smallest i with 2 i > last.
    const std::int32_t firstUpper = last / 2 + 1;
    const auto first = static_cast<std::int32_t>(begin);
    const auto stop = static_cast<std::int32_t>(end);
    const std::int32_t middle = std::clamp(firstUpper, first, stop);
    for (std::int32_t i = first; i < middle; ++i)
        fn(static_cast<std::size_t>(i), a + span * (static_cast<double>(i) / lastAsDouble));
    for (std::int32_t i = middle; i < stop; ++i)
        fn(static_cast<std::size_t>(i), b - span * (static_cast<double>(last - i) / lastAsDouble));
}

} // namespace

std::size_t parallelThresholdFor(Activation kind) noexcept
{
    // bench_sampling with every threshold forced to 0, on two cores: with the second core free a
    // team costs about 1 us and already pays at 10'000 samples of ReLU (1.3x; 1.75x at 100'000)
    // and at 1'000 of GELU (1.4x). With the second core busy, its thread can wait a scheduler
    // slice (medians of 8 ms were measured for work one thread does in 0.8 ms), so a team is
    // started only for work that takes one thread upwards of about 60 us: 200'000 samples of
    // ReLU, Leaky ReLU or PReLU take 160-230 us, 50'000 of RReLU 60-75 us, 20'000 of the others
    // 120 us (ELU) to 1.1 ms (Mish).
    switch (kind) {
    case Activation::Relu:
    case Activation::LeakyRelu:
    case Activation::Prelu:
        return 200'000;
    case Activation::Rrelu:
        return 50'000;
    default:
        return 20'000;
    }
}

void fillGrid(double a, double b, std::span<double> x)
{
    const std::size_t n = x.size();
    double *out = x.data();
    parallelFor(n, 200'000, [&](std::size_t begin, std::size_t end) {
        forGridPoints(a, b, n, begin, end, [out](std::size_t i, double xi) { out[i] = xi; });
    });
}

void sampleActivation(Activation kind, const ActivationParams &params, std::span<const double> x,
                      std::span<double> y, std::span<double> dy)
{
    const std::size_t n = x.size();
    const double *in = x.data();
    double *values = y.data();
    double *slopes = dy.data();
    withKernel(kind, params, [&](auto kernel) {
        parallelFor(n, parallelThresholdFor(kind), [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                const ValueAndDerivative r = kernel(in[i], i);
                values[i] = r.value;
                slopes[i] = r.derivative;
            }
        });
    });
}

void sampleCurve(const CurveSpec &spec, std::span<double> x, std::span<double> y, std::span<double> dy)
{
    const std::size_t n = spec.samples;
    double *xs = x.data();
    double *values = y.data();
    double *slopes = dy.data();
    const double a = spec.xMin;
    const double b = spec.xMax;
    withKernel(spec.kind, spec.params, [&](auto kernel) {
        parallelFor(n, parallelThresholdFor(spec.kind), [&](std::size_t begin, std::size_t end) {
            forGridPoints(a, b, n, begin, end, [&](std::size_t i, double xi) {
                const ValueAndDerivative r = kernel(xi, i);
                xs[i] = xi;
                values[i] = r.value;
                slopes[i] = r.derivative;
            });
        });
    });
}

void sampleCurve(const CurveSpec &spec, SampledCurve &out)
{
    // Callers that sample repeatedly pass the same `out`, so these resizes rarely allocate.
    out.x.resize(spec.samples);
    out.y.resize(spec.samples);
    out.dy.resize(spec.samples);
    sampleCurve(spec, out.x, out.y, out.dy);
}

SampledCurve sampleCurve(const CurveSpec &spec)
{
    SampledCurve curve;
    sampleCurve(spec, curve);
    return curve;
}

} // namespace relulab::core
