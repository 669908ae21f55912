#include "activations.h"

#include <algorithm>
#include <array>
#include <string>

namespace relulab::core {

namespace {

constexpr std::array<ActivationInfo, ActivationCount> Activations {{
        {Activation::Relu, "relu", "ReLU", true, false, true},
        {Activation::LeakyRelu, "leaky_relu", "Leaky ReLU", true, true, true},
        {Activation::Prelu, "prelu", "PReLU", true, true, true},
        {Activation::Rrelu, "rrelu", "RReLU", true, false, true},
        {Activation::Elu, "elu", "ELU", false, true, false},
        {Activation::Gelu, "gelu", "GELU", false, false, false},
        {Activation::GeluTanh, "gelu_tanh", "GELU (tanh)", false, false, false},
        {Activation::Silu, "silu", "SiLU", false, false, false},
        {Activation::Mish, "mish", "Mish", false, false, false},
        {Activation::Softplus, "softplus", "Softplus", false, false, false},
        {Activation::Sigmoid, "sigmoid", "Sigmoid", false, false, false},
        {Activation::Tanh, "tanh", "Tanh", false, false, false},
}};

constexpr bool tableIsInEnumOrder()
{
    for (std::size_t i = 0; i < Activations.size(); ++i) {
        if (static_cast<std::size_t>(Activations[i].kind) != i)
            return false;
    }
    return true;
}
static_assert(tableIsInEnumOrder(), "activationInfo() indexes the table by enum value");

} // namespace

ValueAndDerivative evaluate(Activation kind, double x, const ActivationParams &params,
                            std::uint64_t elementIndex) noexcept
{
    switch (kind) {
    case Activation::Relu:
        return {relu(x), reluDerivative(x)};
    case Activation::LeakyRelu:
        return {leakyRelu(x, params.leakySlope), leakyReluDerivative(x, params.leakySlope)};
    case Activation::Prelu:
        return {leakyRelu(x, params.preluWeight), leakyReluDerivative(x, params.preluWeight)};
    case Activation::Rrelu:
        if (params.rreluMode == RreluMode::Training) {
            const double slope = rreluDrawnSlope(params.rreluSeed, elementIndex, params.rreluLower,
                                                 params.rreluUpper);
            return {rreluTraining(x, slope), rreluTrainingDerivative(x, slope)};
        } else {
            const double slope = rreluEvaluationSlope(params.rreluLower, params.rreluUpper);
            return {leakyRelu(x, slope), leakyReluDerivative(x, slope)};
        }
    case Activation::Elu:
        return {elu(x, params.eluAlpha), eluDerivative(x, params.eluAlpha)};
    case Activation::Gelu:
        return {gelu(x), geluDerivative(x)};
    case Activation::GeluTanh:
        return {geluTanh(x), geluTanhDerivative(x)};
    case Activation::Silu:
        return {silu(x), siluDerivative(x)};
    case Activation::Mish:
        return {mish(x), mishDerivative(x)};
    case Activation::Softplus:
        return {softplus(x), softplusDerivative(x)};
    case Activation::Sigmoid:
        return {sigmoid(x), sigmoidDerivative(x)};
    case Activation::Tanh:
        return {tanhActivation(x), tanhDerivative(x)};
    }
    return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
}

std::span<const ActivationInfo> allActivations() noexcept
{
    return Activations;
}

const ActivationInfo &activationInfo(Activation kind) noexcept
{
    return Activations[static_cast<std::size_t>(kind)];
}

std::optional<Activation> activationFromCliName(std::string_view name) noexcept
{
    const auto found =
            std::find_if(Activations.begin(), Activations.end(),
                         [name](const ActivationInfo &info) { return info.cliName == name; });
    if (found == Activations.end())
        return std::nullopt;
    return found->kind;
}

std::string_view activationCliNames() noexcept
{
    // Built from the table, so that a new function cannot be missing from help and messages.
    static const std::string names = [] {
        std::string joined;
        for (const ActivationInfo &info : Activations) {
            if (!joined.empty())
                joined += ' ';
            joined += info.cliName;
        }
        return joined;
    }();
    return names;
}

double alphaOf(Activation kind, const ActivationParams &params) noexcept
{
    switch (kind) {
    case Activation::LeakyRelu:
        return params.leakySlope;
    case Activation::Prelu:
        return params.preluWeight;
    case Activation::Elu:
        return params.eluAlpha;
    default:
        return std::numeric_limits<double>::quiet_NaN();
    }
}

bool setAlphaOf(Activation kind, ActivationParams &params, double alpha) noexcept
{
    switch (kind) {
    case Activation::LeakyRelu:
        params.leakySlope = alpha;
        return true;
    case Activation::Prelu:
        params.preluWeight = alpha;
        return true;
    case Activation::Elu:
        params.eluAlpha = alpha;
        return true;
    default:
        return false;
    }
}

double negativeSlopeOf(Activation kind, const ActivationParams &params) noexcept
{
    switch (kind) {
    case Activation::Relu:
        return 0.0;
    case Activation::LeakyRelu:
        return params.leakySlope;
    case Activation::Prelu:
        return params.preluWeight;
    case Activation::Rrelu:
        return rreluEvaluationSlope(params.rreluLower, params.rreluUpper);
    default:
        return std::numeric_limits<double>::quiet_NaN();
    }
}

} // namespace relulab::core
