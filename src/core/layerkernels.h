#pragma once

// The inner loops of the network, on blocks of samples in unit-major layout: row u of a block
// holds unit u for every sample, `stride` apart, so each loop runs along contiguous samples and
// vectorises. Internal to relulab_core (used by trainer.cpp and its benchmarks and tests).

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "activations.h"

namespace relulab::core {

template<class T>
struct HiddenActivation
{
    Activation kind = Activation::Relu;
    T leakySlope = T(0);
    T eluAlpha = T(1);
    T rreluEvaluationSlope = T(0);
    bool rreluTraining = false; // slopes drawn per element (given row by row)
};

// pre[o][s] = b[o] + sum_i W[o][i] input[i][s] for s < count.
template<class T>
void denseForward(const T *weight, const T *bias, int out, int in, const T *input, T *pre,
                  std::size_t stride, std::size_t count);

// gradWeight[o][i] += sum_s grad[o][s] input[i][s]; gradBias[o] += sum_s grad[o][s].
template<class T>
void denseWeightGradient(const T *grad, const T *input, int out, int in, std::size_t stride,
                         std::size_t count, T *gradWeight, T *gradBias);

// back[i][s] = sum_o W[o][i] grad[o][s]: the gradient with respect to the layer's input.
template<class T>
void denseInputGradient(const T *weight, int out, int in, const T *grad, T *back,
                        std::size_t stride, std::size_t count);

// The binary cross-entropy of one logit, computed stably: max(z, 0) - z y + log(1 + exp(-|z|)).
template<class T>
T bceWithLogits(T z, T y) noexcept
{
    return std::max(z, T(0)) - z * y + std::log1p(std::exp(-std::abs(z)));
}

// Sum of the losses of a block of logits, and grad[s] = (sigmoid(z[s]) - y[s]) * scale, the
// gradient of (scale * loss sum).
template<class T>
T outputLossAndGradient(const T *logit, const T *label, T *grad, std::size_t count, T scale)
{
    T sum = 0;
    for (std::size_t s = 0; s < count; ++s) {
        const T z = logit[s];
        sum += bceWithLogits(z, label[s]);
        // sigmoid without overflow on either side
        const T e = std::exp(-std::abs(z));
        const T sigmoid = z >= T(0) ? T(1) / (T(1) + e) : e / (T(1) + e);
        grad[s] = (sigmoid - label[s]) * scale;
    }
    return sum;
}

// post = f(pre) for one unit's row. `alpha`: PReLU's weight for this unit; `slope`: RReLU's drawn
// slopes in training mode (null otherwise).
template<class T>
void activateRow(const HiddenActivation<T> &h, T alpha, const T *slope, const T *pre, T *post,
                 std::size_t count)
{
    const auto apply = [&](auto f) {
        for (std::size_t s = 0; s < count; ++s)
            post[s] = f(pre[s]);
    };
    switch (h.kind) {
    case Activation::Relu:
        return apply([](T x) { return relu(x); });
    case Activation::LeakyRelu:
        return apply([a = h.leakySlope](T x) { return leakyRelu(x, a); });
    case Activation::Prelu:
        return apply([alpha](T x) { return leakyRelu(x, alpha); });
    case Activation::Rrelu:
        if (slope) {
            for (std::size_t s = 0; s < count; ++s)
                post[s] = rreluTraining(pre[s], slope[s]);
            return;
        }
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
        return apply([](T x) { return sigmoid(x); });
    case Activation::Tanh:
        return apply([](T x) { return tanhActivation(x); });
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

// grad[s] = back[s] * f'(pre[s]); for PReLU also *alphaGradient += sum_s back[s] * min(pre[s], 0)
// (df/da = x for x <= 0).
template<class T>
void backpropagateRow(const HiddenActivation<T> &h, T alpha, const T *slope, const T *pre,
                      const T *back, T *grad, std::size_t count, T *alphaGradient)
{
    switch (h.kind) {
    case Activation::Relu:
        for (std::size_t s = 0; s < count; ++s)
            grad[s] = pre[s] > T(0) ? back[s] : T(0);
        return;
    case Activation::LeakyRelu:
        for (std::size_t s = 0; s < count; ++s)
            grad[s] = pre[s] > T(0) ? back[s] : back[s] * h.leakySlope;
        return;
    case Activation::Prelu: {
        T sum = 0;
        for (std::size_t s = 0; s < count; ++s) {
            const bool positive = pre[s] > T(0);
            grad[s] = positive ? back[s] : back[s] * alpha;
            sum += positive ? T(0) : back[s] * pre[s];
        }
        if (alphaGradient)
            *alphaGradient += sum;
        return;
    }
    default:
        for (std::size_t s = 0; s < count; ++s)
            grad[s] = back[s] * hiddenDerivative(h, alpha, slope ? slope[s] : T(0), pre[s]);
        return;
    }
}

struct UnitCounts
{
    std::uint32_t positive = 0;          // pre-activation > 0
    std::uint32_t nonzeroDerivative = 0; // f'(pre-activation) != 0
    bool finite = true;
};

// What the dead-unit analysis needs of one unit's row (evaluation mode).
template<class T>
UnitCounts countUnit(const HiddenActivation<T> &h, T alpha, const T *pre, std::size_t count)
{
    UnitCounts c;
    T check = 0;
    for (std::size_t s = 0; s < count; ++s) {
        c.positive += pre[s] > T(0) ? 1u : 0u;
        check += pre[s] * T(0);
    }
    c.finite = check == T(0);
    if (h.kind == Activation::Relu) {
        c.nonzeroDerivative = c.positive;
    } else {
        for (std::size_t s = 0; s < count; ++s)
            c.nonzeroDerivative += hiddenDerivative(h, alpha, T(0), pre[s]) != T(0) ? 1u : 0u;
    }
    return c;
}

} // namespace relulab::core
