#pragma once

// The activation functions and their derivatives, exactly as PyTorch defines them
// (reference-spec.md section 1). Each function is a template over the floating type so that the
// explorer (double) and the training code (float or double) share one definition.
//
// Conventions that hold for every function here:
// - f(nan) = nan and f'(nan) = nan. (PyTorch's autograd would pass the incoming gradient through
//   some of them at nan; a derivative plot has no incoming gradient, so nan is shown.)
// - At +-inf, f and f' take their limits where those exist, also where the textbook formula would
//   compute inf * 0 (GELU, SiLU, Mish).
// - Signed zero follows PyTorch: relu(-0.0) = -0.0, leaky_relu(-0.0) = -0.0.
// - The derivative at exactly x == 0 of the piecewise-linear functions is PyTorch's: the x <= 0
//   branch (ReLU 0, Leaky ReLU a, PReLU a, RReLU the slope on the negative side). mlpack's ReLU
//   agrees (RectifierFunction::Deriv tests x > 0), but its LeakyReLU layer tests x >= 0 and takes
//   slope 1 there; the app says which convention it shows.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>

#include "splitmix64.h"

namespace relulab::core {

enum class Activation {
    Relu,
    LeakyRelu,
    Prelu,
    Rrelu,
    Elu,
    Gelu,
    GeluTanh,
    Silu,
    Mish,
    Softplus,
    Sigmoid,
    Tanh,
};
inline constexpr int ActivationCount = 12;

enum class RreluMode { Training, Evaluation };

// PyTorch's defaults.
inline constexpr double DefaultLeakySlope = 0.01;
inline constexpr double DefaultPreluWeight = 0.25;
inline constexpr double DefaultEluAlpha = 1.0;
inline constexpr double DefaultRreluLower = 1.0 / 8.0;
inline constexpr double DefaultRreluUpper = 1.0 / 3.0;
// torch.nn.Softplus(beta=1, threshold=20): above the threshold it returns x itself.
inline constexpr double SoftplusThreshold = 20.0;

// Every function's own parameters. Each function keeps its own value, so switching from Leaky ReLU
// to PReLU and back does not lose the slope the user set.
struct ActivationParams
{
    double leakySlope = DefaultLeakySlope;
    double preluWeight = DefaultPreluWeight;
    double eluAlpha = DefaultEluAlpha;
    double rreluLower = DefaultRreluLower;
    double rreluUpper = DefaultRreluUpper;
    RreluMode rreluMode = RreluMode::Evaluation;
    // RReLU training mode: the seed of the per-element slope draws.
    std::uint64_t rreluSeed = 0;

    friend bool operator==(const ActivationParams &, const ActivationParams &) = default;
};

// PyTorch's evaluation-mode slope of RReLU: the mean of U(lower, upper).
constexpr double rreluEvaluationSlope(double lower, double upper) noexcept
{
    return (lower + upper) / 2.0;
}

// ---------------------------------------------------------------------------------------------
// Scalar definitions. `propagateNan` makes every derivative nan at nan without changing the
// branch structure that encodes the x == 0 convention.

template<class T>
constexpr T propagateNan(T x, T derivative) noexcept
{
    return x != x ? x : derivative;
}

// ReLU. f(x) = max(0, x): x if x > 0, else 0 (and -0.0 at -0.0, nan at nan, as torch.relu).
// f'(x) = 1 if x > 0 else 0; f'(0) = 0 (PyTorch's threshold_backward: x <= 0 gives 0).
template<class T>
constexpr T relu(T x) noexcept
{
    return x < T(0) ? T(0) : x;
}
template<class T>
constexpr T reluDerivative(T x) noexcept
{
    return propagateNan(x, x > T(0) ? T(1) : T(0));
}

// Leaky ReLU with negative slope a (PyTorch default 0.01). f(x) = x if x > 0 else a x.
// f'(x) = 1 if x > 0 else a; f'(0) = a (PyTorch: the x <= 0 branch).
// PReLU has the same f and f' with a learnable a (default 0.25); RReLU in evaluation mode is this
// function with a = (lower + upper) / 2.
template<class T>
constexpr T leakyRelu(T x, T a) noexcept
{
    return x > T(0) ? x : a * x;
}
template<class T>
constexpr T leakyReluDerivative(T x, T a) noexcept
{
    return propagateNan(x, x > T(0) ? T(1) : a);
}

// PReLU's derivative with respect to its weight a: df/da = 0 if x > 0 else x, i.e. min(x, 0).
template<class T>
constexpr T preluWeightDerivative(T x) noexcept
{
    return x > T(0) ? T(0) : x;
}

// RReLU in training mode, for one element with its drawn slope a ~ U(lower, upper).
// PyTorch (rrelu_with_noise): f(x) = a x if x <= 0 else x; f'(x) = a if x <= 0 else 1, so f'(0)
// is the drawn a. A slope is drawn only where x <= 0 matters; here one is defined per element.
template<class T>
constexpr T rreluTraining(T x, T drawnSlope) noexcept
{
    return x <= T(0) ? drawnSlope * x : x;
}
template<class T>
constexpr T rreluTrainingDerivative(T x, T drawnSlope) noexcept
{
    return propagateNan(x, x <= T(0) ? drawnSlope : T(1));
}

// The slope drawn for element `index` of a training-mode forward pass with this seed:
// lower + (upper - lower) u, u the (index + 1)-th uniform of SplitMix64(seed). It depends only on
// (seed, index), so the draws are the same whatever the number of threads.
constexpr double rreluDrawnSlope(std::uint64_t seed, std::uint64_t index, double lower, double upper) noexcept
{
    return lower + (upper - lower) * SplitMix64::toUnit(SplitMix64::outputAt(seed, index + 1));
}

// ELU with alpha (PyTorch default 1). f(x) = x if x > 0 else alpha (exp(x) - 1).
// f'(x) = 1 if x > 0 else alpha exp(x); f'(0) = alpha. f(-inf) = -alpha, f'(-inf) = 0.
template<class T>
T elu(T x, T alpha) noexcept
{
    return x > T(0) ? x : alpha * std::expm1(x);
}
template<class T>
T eluDerivative(T x, T alpha) noexcept
{
    return x > T(0) ? T(1) : alpha * std::exp(x);
}

// GELU, exact (PyTorch approximate='none'): f(x) = x Phi(x), Phi the standard normal CDF.
// f'(x) = Phi(x) + x phi(x); f'(0) = 0.5. Phi is computed as erfc(-x / sqrt 2) / 2, which equals
// PyTorch's (1 + erf(x / sqrt 2)) / 2 but keeps its precision for negative x.
// Limits: f(-inf) = 0, f(inf) = inf, f'(-inf) = 0, f'(inf) = 1.
template<class T>
T gelu(T x) noexcept
{
    if (std::isinf(x))
        return x > T(0) ? x : T(0);
    return x * T(0.5) * std::erfc(-x * T(0.70710678118654752440));
}
template<class T>
T geluDerivative(T x) noexcept
{
    if (std::isinf(x))
        return x > T(0) ? T(1) : T(0);
    const T cdf = T(0.5) * std::erfc(-x * T(0.70710678118654752440));
    const T pdf = T(0.39894228040143267794) * std::exp(T(-0.5) * x * x);
    return cdf + x * pdf;
}

// GELU, tanh approximation (PyTorch approximate='tanh'):
// f(x) = x/2 (1 + tanh(k (x + 0.044715 x^3))), k = sqrt(2/pi); f' as PyTorch's gelu_backward.
// f'(0) = 0.5. Limits as for the exact GELU.
template<class T>
T geluTanh(T x) noexcept
{
    if (std::isinf(x))
        return x > T(0) ? x : T(0);
    constexpr T beta = T(0.79788456080286535588); // sqrt(2 / pi)
    constexpr T kappa = T(0.044715);
    const T inner = beta * (x + kappa * x * x * x);
    return T(0.5) * x * (T(1) + std::tanh(inner));
}
template<class T>
T geluTanhDerivative(T x) noexcept
{
    if (std::isinf(x))
        return x > T(0) ? T(1) : T(0);
    constexpr T beta = T(0.79788456080286535588);
    constexpr T kappa = T(0.044715);
    const T xSquared = x * x;
    const T tanhInner = std::tanh(beta * (x + kappa * xSquared * x));
    const T left = T(0.5) * x;
    const T right = T(1) + tanhInner;
    const T sech2 = T(1) - tanhInner * tanhInner;
    // Far out, sech^2 is exactly 0 while x^2 may overflow: 0 * inf must not make a nan.
    const T rightDerivative =
            sech2 == T(0) ? T(0) : left * sech2 * beta * (T(1) + T(3) * kappa * xSquared);
    return T(0.5) * right + rightDerivative;
}

// Logistic sigmoid s(x) = 1 / (1 + exp(-x)); s'(x) = s (1 - s); s'(0) = 0.25.
template<class T>
T sigmoid(T x) noexcept
{
    return T(1) / (T(1) + std::exp(-x));
}
template<class T>
T sigmoidDerivative(T x) noexcept
{
    const T s = sigmoid(x);
    return s * (T(1) - s);
}

// tanh; f'(x) = 1 - tanh(x)^2; f'(0) = 1.
template<class T>
T tanhActivation(T x) noexcept
{
    return std::tanh(x);
}
template<class T>
T tanhDerivative(T x) noexcept
{
    const T t = std::tanh(x);
    return T(1) - t * t;
}

// SiLU (swish): f(x) = x s(x); f'(x) = s(x) (1 + x (1 - s(x))); f'(0) = 0.5.
// Limits: f(-inf) = 0, f'(-inf) = 0, f'(inf) = 1.
template<class T>
T silu(T x) noexcept
{
    if (std::isinf(x))
        return x > T(0) ? x : T(0);
    return x * sigmoid(x);
}
template<class T>
T siluDerivative(T x) noexcept
{
    if (std::isinf(x))
        return x > T(0) ? T(1) : T(0);
    const T s = sigmoid(x);
    return s * (T(1) + x * (T(1) - s));
}

// Softplus with beta = 1 and PyTorch's threshold 20: f(x) = log(1 + exp(x)), or x when x > 20.
// f'(x) = exp(x) / (1 + exp(x)), or 1 when x > 20; f'(0) = 0.5.
template<class T>
T softplus(T x) noexcept
{
    return x > T(SoftplusThreshold) ? x : std::log1p(std::exp(x));
}
template<class T>
T softplusDerivative(T x) noexcept
{
    if (x > T(SoftplusThreshold))
        return T(1);
    const T z = std::exp(x);
    return z / (z + T(1));
}

// Mish: f(x) = x tanh(softplus(x)) with softplus = log1p(exp(x)) (PyTorch's form, no threshold).
// f'(x) = tanh(sp) + x s(x) (1 - tanh(sp)^2); f'(0) = tanh(log 2) = 0.6. Limits as for SiLU.
template<class T>
T mish(T x) noexcept
{
    if (std::isinf(x))
        return x > T(0) ? x : T(0);
    return x * std::tanh(std::log1p(std::exp(x)));
}
template<class T>
T mishDerivative(T x) noexcept
{
    if (std::isinf(x))
        return x > T(0) ? T(1) : T(0);
    const T tanhSoftplus = std::tanh(std::log1p(std::exp(x)));
    return tanhSoftplus + x * sigmoid(x) * (T(1) - tanhSoftplus * tanhSoftplus);
}

// ---------------------------------------------------------------------------------------------
// Run-time dispatch by Activation.

struct ValueAndDerivative
{
    double value;
    double derivative;
};

// f and f' of `kind` at x with its parameters. For RReLU in training mode, `elementIndex` picks
// which per-element slope draw applies (see rreluDrawnSlope).
ValueAndDerivative evaluate(Activation kind, double x, const ActivationParams &params,
                            std::uint64_t elementIndex = 0) noexcept;

// What the app and the command line need to know about each function.
struct ActivationInfo
{
    Activation kind;
    std::string_view cliName; // "leaky_relu": the --activation spelling
    std::string_view displayName; // "Leaky ReLU"
    bool isRectifier; // ReLU, Leaky ReLU, PReLU, RReLU: the family this app teaches
    bool hasAlpha; // takes the alpha parameter (slope, weight or ELU alpha)
    // Piecewise linear with a kink at 0 whatever the parameters, so f'(0) is a convention. (ELU's
    // f' jumps at 0 too when alpha != 1: compare f' just left and right of 0 to know for sure.)
    bool hasKinkAtZero;
};

std::span<const ActivationInfo> allActivations() noexcept;
const ActivationInfo &activationInfo(Activation kind) noexcept;
std::optional<Activation> activationFromCliName(std::string_view name) noexcept;
// "relu leaky_relu ... tanh", for help texts and error messages.
std::string_view activationCliNames() noexcept;

// The alpha that belongs to `kind` (Leaky ReLU slope, PReLU weight, ELU alpha); nan for the others.
double alphaOf(Activation kind, const ActivationParams &params) noexcept;
// Sets the alpha that belongs to `kind`; returns false (and changes nothing) if it has none.
bool setAlphaOf(Activation kind, ActivationParams &params, double alpha) noexcept;

// The slope on the negative side: 0 for ReLU, the parameter for Leaky ReLU and PReLU, and for
// RReLU the evaluation slope (lower + upper) / 2 in either mode (training-mode slopes are drawn
// per element, see rreluDrawnSlope); nan for functions that are not piecewise linear.
double negativeSlopeOf(Activation kind, const ActivationParams &params) noexcept;

} // namespace relulab::core
