#pragma once

// The inner loops of the network, on blocks of samples in sample-major layout: row s of a block
// holds every unit of sample s, and rows are `ld` elements apart, ld a multiple of SimdPad<T>
// (64 bytes). With units contiguous, all three products of a dense layer (forward, weight
// gradient, input gradient) are sums of outer products: a scalar broadcast times a row of 64-byte
// vectors, accumulated in registers. Small register blocks (8 x 2 vectors with AVX-512, 4 x 2
// below) keep the accumulators out of memory.
//
// The SIMD level is chosen at run time (AVX-512 = x86-64-v4, AVX2 + FMA = x86-64-v3, or the
// x86-64 baseline), so one binary runs on any x86-64 and uses what the machine has. The level only
// changes the order of the sums (lanes, fused multiply-adds), never which terms are summed; a run
// is deterministic on a given machine.
//
// Padding lanes (between a row's width and its ld) of results hold unspecified values, and the
// kernels never let padding lanes of their inputs reach a result.
//
// Internal to relulab_core (used by trainer.cpp, its benchmark and its test).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <new>
#include <string_view>
#include <vector>

#include "activations.h"

namespace relulab::core {

// Rows of every block and every packed weight matrix are padded to a multiple of this many
// elements: one 64-byte vector, so that every SIMD level finds whole vectors.
template<class T>
inline constexpr std::size_t SimdPad = 64 / sizeof(T);

template<class T>
constexpr std::size_t paddedWidth(std::size_t width) noexcept
{
    return (width + SimdPad<T> - 1) / SimdPad<T> * SimdPad<T>;
}

// Storage aligned to 64 bytes: with padded rows, every row starts on a cache line.
template<class T>
struct AlignedAllocator
{
    using value_type = T;
    static constexpr std::align_val_t Alignment {64};

    AlignedAllocator() noexcept = default;
    template<class U>
    AlignedAllocator(const AlignedAllocator<U> &) noexcept
    { }

    T *allocate(std::size_t n)
    {
        return static_cast<T *>(::operator new(n * sizeof(T), Alignment));
    }
    void deallocate(T *p, std::size_t) noexcept { ::operator delete(p, Alignment); }

    template<class U>
    friend bool operator==(const AlignedAllocator &, const AlignedAllocator<U> &) noexcept
    {
        return true;
    }
};

template<class T>
using AlignedVector = std::vector<T, AlignedAllocator<T>>;

enum class SimdLevel {
    Baseline, // x86-64 (SSE2), or plain generic vectors on other architectures
    Avx2, // x86-64-v3: AVX2 and FMA
    Avx512, // x86-64-v4: AVX-512 F, VL, BW, DQ
};

// The best level this machine runs.
SimdLevel supportedSimdLevel() noexcept;
// The level the kernels use: the supported one unless lowered by setSimdLevel.
SimdLevel simdLevel() noexcept;
// Uses at most `level` (tests and benchmarks compare the levels); returns the level in effect.
SimdLevel setSimdLevel(SimdLevel level) noexcept;
std::string_view simdLevelName(SimdLevel level) noexcept;

// A dense layer's parameters as the kernels read them.
template<class T>
struct DenseWeights
{
    int out = 0;
    int in = 0;
    // W[o][i] at weight[o * ldWeight + i]; ldWeight a multiple of SimdPad<T>, zeros beyond `in`.
    const T *weight = nullptr;
    std::size_t ldWeight = 0;
    // W[o][i] at weightT[i * ldWeightT + o], zeros beyond `out`; null when the forward pass does
    // not use it (see forwardUsesTranspose).
    const T *weightT = nullptr;
    std::size_t ldWeightT = 0;
    // b[o], zeros up to paddedWidth(out).
    const T *bias = nullptr;
};

// Whether denseForward reads the transposed weights (broadcast inputs times rows of W^T, good for
// wide layers) or the rows of W (dot products along the inputs, for layers with few outputs, such
// as the output logit).
bool forwardUsesTranspose(int out, int in) noexcept;

// The packed copies of one layer's parameters that DenseWeights points to. Rows that are already a
// whole number of vectors are not copied: the view then points into the caller's weights, which
// must outlive it unchanged.
template<class T>
class PackedDense
{
public:
    // weight: out x in, row-major (the flat parameter layout); bias: out.
    void pack(const T *weight, const T *bias, int out, int in);
    const DenseWeights<T> &weights() const noexcept { return m_view; }

private:
    AlignedVector<T> m_weight;
    AlignedVector<T> m_weightT;
    AlignedVector<T> m_bias;
    DenseWeights<T> m_view;
};

// A piecewise-linear hidden activation, fused into the dense kernels (PyTorch's definitions and
// its conventions at 0, see activations.h):
// - Relu: f(x) = relu(x); f'(x) = 1 if x > 0 else 0.
// - Leaky: f(x) = x if x > 0 else a x, one a per unit (Leaky ReLU, PReLU shared or per unit);
//   f'(x) = 1 if x > 0 else a.
// - Rrelu with `drawn`: training mode, f(x) = d x if x <= 0 else x with a slope d per element;
//   f'(x) = d if x <= 0, 1 if x > 0, nan at nan. Without `drawn`: evaluation mode, f as Leaky with
//   a per unit, f' as Leaky but nan at nan (as leakyReluDerivative).
template<class T>
struct Rectifier
{
    enum class Kind { Relu, Leaky, Rrelu };
    Kind kind = Kind::Relu;
    const T *slope = nullptr; // Leaky, Rrelu evaluation: a per unit, paddedWidth(units) entries
    const T *drawn = nullptr; // Rrelu training: d per element, laid out as the pre-activations
};

// pre[s][o] = b[o] + sum_i input[s][i] W[o][i] for s < count, o < out, rows `ld` apart. With `f`,
// also post[s][o] = f(pre[s][o]) (same ld; without, post is not touched and may be null).
template<class T>
void denseForward(const DenseWeights<T> &w, const T *input, std::size_t ldInput, T *pre, T *post,
                  std::size_t ld, std::size_t count, const Rectifier<T> *f = nullptr);

// gradWeight[o * in + i] = sum_s grad[s][o] input[s][i]; gradBias[o] = sum_s grad[s][o] (both
// overwritten; the flat parameter layout).
template<class T>
void denseWeightGradient(const T *grad, std::size_t ldGrad, const T *input, std::size_t ldInput,
                         int out, int in, std::size_t count, T *gradWeight, T *gradBias);

// back[s][i] = sum_o grad[s][o] W[o][i]: the gradient with respect to the layer's input. With `f`,
// the rectifier of the layer below whose pre-activations are `pre` (same ld as back), back is
// taken through it: back[s][i] = f'(pre[s][i]) * (the sum) (for ReLU: the sum if pre > 0, else 0).
// With `alphaGradient` (PReLU), also alphaGradient[i] += sum_s (the sum) * (pre > 0 ? 0 : pre),
// df/da = min(x, 0).
template<class T>
void denseInputGradient(const DenseWeights<T> &w, const T *grad, std::size_t ldGrad, T *back,
                        std::size_t ldBack, std::size_t count, const Rectifier<T> *f = nullptr,
                        const T *pre = nullptr, T *alphaGradient = nullptr);

// RReLU's training-mode slopes of one layer and block: out[s][u] = T(lower + (upper - lower) u')
// with u' = SplitMix64::toUnit(SplitMix64::outputAt(stream, u * batch + position + s + 1)) for
// u < units, s < count (rreluStepSlope, with the stream of its step and layer), bit for bit.
template<class T>
void rreluDraws(std::uint64_t stream, std::uint64_t batch, std::uint64_t position, int units,
                std::size_t count, double lower, double upper, T *out, std::size_t ld);

// What the dead-unit analysis needs of a block of pre-activations (evaluation mode), added to the
// counts: positive[u] += #{s : pre[s][u] > 0}; with `slope` (the Leaky-type rectifiers, a per
// unit), nonzeroSlope[u] += #{s : f'(pre[s][u]) != 0} = #{pre > 0, or a != 0, or pre is nan};
// without it (ReLU) nonzeroSlope[u] += the same as positive[u]. Returns whether every
// pre[s][u] (u < units) is finite.
template<class T>
bool countUnits(const T *pre, std::size_t ld, int units, std::size_t count, const T *slope,
                std::uint32_t *positive, std::uint32_t *nonzeroSlope);

// post[k] = sigmoid(pre[k]) = 1 / (1 + exp(-pre[k])), and tanh(pre[k]), for k < count, a whole
// vector at a time: with glibc's vector exp and tanh (libmvec, within an ulp or two of std::exp and
// std::tanh; PyTorch's CPU sigmoid, in aten/src/ATen/native/cpu/UnaryOpsKernel.cpp, is a
// vectorised (1 + exp(-x)).reciprocal() too) these are several times as fast as
// element by element, which is most of a deep sigmoid network's forward pass. Each element's value
// depends only on the element and the SIMD level (simdLevel()).
template<class T>
void sigmoidElements(const T *pre, T *post, std::size_t count);
template<class T>
void tanhElements(const T *pre, T *post, std::size_t count);

// ---------------------------------------------------------------------------------------------
// Scalar helpers (any activation, and the output).

template<class T>
struct HiddenActivation
{
    Activation kind = Activation::Relu;
    T leakySlope = T(0);
    T eluAlpha = T(1);
    T rreluEvaluationSlope = T(0);
    bool rreluTraining = false; // slopes drawn per element
};

// The binary cross-entropy of one logit, computed stably: max(z, 0) - z y + log(1 + exp(-|z|)),
// with e = exp(-|z|) given.
template<class T>
T bceWithLogits(T z, T y, T e) noexcept
{
    return std::max(z, T(0)) - z * y + std::log1p(e);
}
template<class T>
T bceWithLogits(T z, T y) noexcept
{
    return bceWithLogits(z, y, std::exp(-std::abs(z)));
}

// Sum of the losses of a block of logits (logit[s * ldLogit]), and grad[s * ldGrad] =
// (sigmoid(z[s]) - y[s]) * scale, the gradient of (scale * loss sum).
template<class T>
T outputLossAndGradient(const T *logit, std::size_t ldLogit, const T *label, T *grad,
                        std::size_t ldGrad, std::size_t count, T scale)
{
    T sum = 0;
    for (std::size_t s = 0; s < count; ++s) {
        const T z = logit[s * ldLogit];
        const T e = std::exp(-std::abs(z));
        sum += bceWithLogits(z, label[s], e);
        // sigmoid without overflow on either side
        const T sigmoid = z >= T(0) ? T(1) / (T(1) + e) : e / (T(1) + e);
        grad[s * ldGrad] = (sigmoid - label[s]) * scale;
    }
    return sum;
}

// post[k] = f(pre[k]) for k < count, the whole of a block's rows at once: for an activation with
// the same parameters on every unit (PReLU: `alpha`; RReLU in evaluation mode only). The
// rectifiers usually go through the dense kernels instead (Rectifier).
template<class T>
void activateElements(const HiddenActivation<T> &h, T alpha, const T *pre, T *post, std::size_t count)
{
    const auto apply = [&](auto f) {
        for (std::size_t k = 0; k < count; ++k)
            post[k] = f(pre[k]);
    };
    switch (h.kind) {
    case Activation::Relu:
        return apply([](T x) { return relu(x); });
    case Activation::LeakyRelu:
        return apply([a = h.leakySlope](T x) { return leakyRelu(x, a); });
    case Activation::Prelu:
        return apply([alpha](T x) { return leakyRelu(x, alpha); });
    case Activation::Rrelu:
        return apply([a = h.rreluEvaluationSlope](T x) { return leakyRelu(x, a); });
    case Activation::Elu:
        return apply([a = h.eluAlpha](T x) { return elu(x, a); });
    case Activation::Gelu:
        return apply([](T x) { return gelu(x); });
    case Activation::GeluTanh:
        return apply([](T x) { return geluTanh(x); });
    case Activation::Silu:
        return apply([](T x) { return silu(x); });
    case Activation::Mish:
        return apply([](T x) { return mish(x); });
    case Activation::Softplus:
        return apply([](T x) { return softplus(x); });
    case Activation::Sigmoid:
        return sigmoidElements(pre, post, count);
    case Activation::Tanh:
        return tanhElements(pre, post, count);
    }
}

// The derivative of the hidden activation at x, as the backward pass uses it (PyTorch's
// conventions at 0, see activations.h).
template<class T>
T hiddenDerivative(const HiddenActivation<T> &h, T alpha, T drawnSlope, T x) noexcept
{
    switch (h.kind) {
    case Activation::Relu:
        return reluDerivative(x);
    case Activation::LeakyRelu:
        return leakyReluDerivative(x, h.leakySlope);
    case Activation::Prelu:
        return leakyReluDerivative(x, alpha);
    case Activation::Rrelu:
        return h.rreluTraining ? rreluTrainingDerivative(x, drawnSlope)
                               : leakyReluDerivative(x, h.rreluEvaluationSlope);
    case Activation::Elu:
        return eluDerivative(x, h.eluAlpha);
    case Activation::Gelu:
        return geluDerivative(x);
    case Activation::GeluTanh:
        return geluTanhDerivative(x);
    case Activation::Silu:
        return siluDerivative(x);
    case Activation::Mish:
        return mishDerivative(x);
    case Activation::Softplus:
        return softplusDerivative(x);
    case Activation::Sigmoid:
        return sigmoidDerivative(x);
    case Activation::Tanh:
        return tanhDerivative(x);
    }
    return T(0);
}

// f'(pre) given post = f(pre) as activateElements computed it: sigmoid's s (1 - s) and tanh's
// 1 - t^2 from the output itself, the formulas of sigmoidDerivative and tanhDerivative applied to
// the forward pass's own s and t (sigmoidElements, tanhElements: within a few ulp of the scalar
// sigmoid and tanh), without a second exp or tanh (which cost more than the rest of a deep
// sigmoid network's pass); every other activation from pre.
template<class T>
T derivativeFromOutput(const HiddenActivation<T> &h, T pre, T post) noexcept
{
    switch (h.kind) {
    case Activation::Sigmoid:
        return post * (T(1) - post);
    case Activation::Tanh:
        return T(1) - post * post;
    default:
        return hiddenDerivative(h, T(0), T(0), pre);
    }
}

// grad[k] = back[k] * f'(pre[k]) for k < count, f' from post[k] = f(pre[k]) where that is exact
// and cheaper (derivativeFromOutput); grad may be back.
template<class T>
void backpropagateThroughOutputs(const HiddenActivation<T> &h, const T *pre, const T *post,
                                 const T *back, T *grad, std::size_t count)
{
    for (std::size_t k = 0; k < count; ++k)
        grad[k] = back[k] * derivativeFromOutput(h, pre[k], post[k]);
}

} // namespace relulab::core
