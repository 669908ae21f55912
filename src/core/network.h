#pragma once

// The multilayer perceptron of the dead-neuron lab: 2 inputs, 1 to 32 hidden layers of 1 to 128
// units with one hidden activation, one output logit. All parameters live in one contiguous
// vector (weights row-major, out x in, then biases, then PReLU alphas, layer by layer), so that
// the optimiser, gradient reductions and divergence checks are single loops over memory, and
// there is no object per neuron.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "activations.h"
#include "splitmix64.h"

namespace relulab::core {

enum class Initialization {
    HeNormal, // w ~ N(0, 2 / fan_in): the reference (reference-spec.md section 2)
    XavierUniform, // w ~ U(-a, a), a = sqrt(6 / (fan_in + fan_out))
    PlaygroundUniform, // w ~ U(-0.5, 0.5), biases 0.1, as TensorFlow Playground
    RandomizedAsymmetric, // RAI, Lu, Shin, Su and Karniadakis 2019 (see initialize())
};
inline constexpr int InitializationCount = 4;

enum class BiasInit { Zero, Constant };

inline constexpr int MinHiddenLayers = 1;
inline constexpr int MaxHiddenLayers = 32;
inline constexpr int MinLayerWidth = 1;
inline constexpr int MaxLayerWidth = 128;
inline constexpr double MaxInitGain = 10.0; // initGain is in (0, MaxInitGain]

struct NetworkConfig
{
    int inputs = 2;
    std::vector<int> hidden {32, 32, 32};
    Activation activation = Activation::Relu;
    // The hidden activation's parameters: Leaky ReLU slope, PReLU initial weight, ELU alpha,
    // RReLU bounds. (rreluMode and rreluSeed are not used here: see TrainingConfig.)
    ActivationParams params;
    // PReLU: one learnable alpha per hidden layer (PyTorch's num_parameters=1, the reference) or
    // one per unit.
    bool preluPerUnit = false;
    Initialization init = Initialization::HeNormal;
    BiasInit biasInit = BiasInit::Zero;
    double biasValue = 0.1; // for BiasInit::Constant
    std::uint64_t initSeed = 1;
    // Every initial weight (not the biases) multiplied by this: the spread of He, Xavier and the
    // uniform draws times the gain. Below 1 a deep network's signals fade with depth, above 1
    // they grow; ReLU's critical point is He with gain 1 (Schoenholz et al. 2017).
    double initGain = 1.0;

    friend bool operator==(const NetworkConfig &, const NetworkConfig &) = default;
};

// Where one layer's parameters sit in the flat parameter vector.
struct LayerLayout
{
    int in = 0;
    int out = 0;
    std::size_t weight = 0; // offset of W (out x in, row-major: row = output unit)
    std::size_t bias = 0; // offset of b (out)
    std::size_t alpha = 0; // offset of the PReLU alphas
    int alphaCount = 0; // 0 (not PReLU, or the output layer), 1 (per layer) or out (per unit)
};

// The layout of every layer for a configuration: hidden layers first, the output layer last.
std::vector<LayerLayout> layoutFor(const NetworkConfig &config);
std::size_t parameterCount(const std::vector<LayerLayout> &layout);

// The initial parameters (in double) for a configuration, drawn from SplitMix64(initSeed) layer
// by layer, each weight matrix row-major (reference-spec.md section 2 for He normal):
// - HeNormal: w = sqrt(2 / fan_in) * normal(); XavierUniform: w = a (2 u - 1) with
//   a = sqrt(6 / (fan_in + fan_out)); PlaygroundUniform: w = u - 0.5 and every bias 0.1.
// - RandomizedAsymmetric (Lu et al. 2019, with their P = Beta(2, 1) and sigma = 0.6007): each
//   unit's row [w, b] is drawn N(0, sigma^2 / fan_in), then one entry of it, chosen uniformly
//   (the bias included), is replaced by a Beta(2, 1) draw (sqrt(u)), positive: so no unit starts
//   with every pre-activation negative by symmetry alone. Biases are part of the draw, so
//   biasInit does not apply.
// - Biases otherwise 0 or biasValue; PReLU alphas params.preluWeight.
// - Then every weight is multiplied by initGain (RAI's too, its positive entry included; with
//   gain 1 nothing changes, bit for bit).
// Draw order: for each layer, its weights row by row (RAI: row by row, the row's weights, its
// bias, then the index), nothing else consumes the generator.
std::vector<double> initialParameters(const NetworkConfig &config);

// Lu et al. (2019), section 6: the standard deviation they derive for P = Beta(2, 1).
inline constexpr double RaiSigma = 0.6007;

// One unit of the randomized asymmetric initialization, the recipe initialParameters() follows
// (and the born-dead experiment, borndead.h): its fanIn weights, then its bias, each
// normal() * RaiSigma / sqrt(fanIn); then the entry at index g.next() % (fanIn + 1) (fanIn is the
// bias) is replaced by a Beta(2, 1) draw, sqrt(g.uniform()). `normal` returns standard normal
// draws; it may draw from g, in the order of the calls.
template<class Normal>
void drawRandomizedAsymmetricUnit(SplitMix64 &g, Normal &&normal, double *weights, int fanIn,
                                  double &bias)
{
    const double scale = RaiSigma / std::sqrt(static_cast<double>(fanIn));
    const auto cols = static_cast<std::size_t>(fanIn);
    for (std::size_t c = 0; c < cols; ++c)
        weights[c] = scale * normal();
    bias = scale * normal();
    const std::uint64_t pick = g.next() % (cols + 1);
    const double positive = std::sqrt(g.uniform()); // Beta(2, 1)
    if (pick == cols)
        bias = positive;
    else
        weights[pick] = positive;
}

std::string_view initializationCliName(Initialization init) noexcept; // "he-normal", ...
std::string_view initializationDisplayName(Initialization init) noexcept;
std::optional<Initialization> initializationFromCliName(std::string_view name) noexcept;

} // namespace relulab::core
