#include "network.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "splitmix64.h"

namespace relulab::core {

namespace {

struct InitializationNames
{
    Initialization init;
    std::string_view cliName;
    std::string_view displayName;
};

constexpr std::array<InitializationNames, InitializationCount> InitializationTable {{
        {Initialization::HeNormal, "he-normal", "He normal"},
        {Initialization::XavierUniform, "xavier-uniform", "Xavier/Glorot uniform"},
        {Initialization::PlaygroundUniform, "uniform", "Uniform(-0.5, 0.5), bias 0.1"},
        {Initialization::RandomizedAsymmetric, "rai", "Randomized asymmetric (RAI)"},
}};

} // namespace

std::vector<LayerLayout> layoutFor(const NetworkConfig &config)
{
    std::vector<LayerLayout> layout;
    const bool prelu = config.activation == Activation::Prelu;
    std::size_t offset = 0;
    int in = config.inputs;
    const auto addLayer = [&](int out, bool hidden) {
        LayerLayout l;
        l.in = in;
        l.out = out;
        l.weight = offset;
        offset += static_cast<std::size_t>(in) * static_cast<std::size_t>(out);
        l.bias = offset;
        offset += static_cast<std::size_t>(out);
        l.alpha = offset;
        l.alphaCount = prelu && hidden ? (config.preluPerUnit ? out : 1) : 0;
        offset += static_cast<std::size_t>(l.alphaCount);
        layout.push_back(l);
        in = out;
    };
    for (int width : config.hidden)
        addLayer(width, true);
    addLayer(1, false);
    return layout;
}

std::size_t parameterCount(const std::vector<LayerLayout> &layout)
{
    if (layout.empty())
        return 0;
    const LayerLayout &last = layout.back();
    return last.alpha + static_cast<std::size_t>(last.alphaCount);
}

std::vector<double> initialParameters(const NetworkConfig &config)
{
    const std::vector<LayerLayout> layout = layoutFor(config);
    std::vector<double> p(parameterCount(layout), 0.0);
    SplitMix64 g(config.initSeed);
    const bool playground = config.init == Initialization::PlaygroundUniform;
    const double bias = playground                  ? 0.1
            : config.biasInit == BiasInit::Constant ? config.biasValue
                                                    : 0.0;
    for (const LayerLayout &l : layout) {
        const double fanIn = l.in;
        const double fanOut = l.out;
        double *w = p.data() + l.weight;
        double *b = p.data() + l.bias;
        const auto rows = static_cast<std::size_t>(l.out);
        const auto cols = static_cast<std::size_t>(l.in);
        switch (config.init) {
        case Initialization::HeNormal: {
            const double scale = std::sqrt(2.0 / fanIn);
            for (std::size_t k = 0; k < rows * cols; ++k)
                w[k] = scale * g.normal();
            std::fill(b, b + rows, bias);
            break;
        }
        case Initialization::XavierUniform: {
            const double a = std::sqrt(6.0 / (fanIn + fanOut));
            for (std::size_t k = 0; k < rows * cols; ++k)
                w[k] = a * (2.0 * g.uniform() - 1.0);
            std::fill(b, b + rows, bias);
            break;
        }
        case Initialization::PlaygroundUniform:
            for (std::size_t k = 0; k < rows * cols; ++k)
                w[k] = g.uniform() - 0.5;
            std::fill(b, b + rows, bias);
            break;
        case Initialization::RandomizedAsymmetric:
            for (std::size_t r = 0; r < rows; ++r)
                drawRandomizedAsymmetricUnit(
                        g, [&g] { return g.normal(); }, w + r * cols, l.in, b[r]);
            break;
        }
        if (config.initGain != 1.0) {
            for (std::size_t k = 0; k < rows * cols; ++k)
                w[k] *= config.initGain;
        }
        std::fill(p.data() + l.alpha, p.data() + l.alpha + l.alphaCount, config.params.preluWeight);
    }
    return p;
}

std::string_view initializationCliName(Initialization init) noexcept
{
    return InitializationTable[static_cast<std::size_t>(init)].cliName;
}

std::string_view initializationDisplayName(Initialization init) noexcept
{
    return InitializationTable[static_cast<std::size_t>(init)].displayName;
}

std::optional<Initialization> initializationFromCliName(std::string_view name) noexcept
{
    for (const InitializationNames &entry : InitializationTable) {
        if (entry.cliName == name)
            return entry.init;
    }
    return std::nullopt;
}

} // namespace relulab::core
