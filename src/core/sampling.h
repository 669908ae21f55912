#pragma once

// Sampling an activation and its derivative on an evenly spaced grid: what the explorer plots and
// what `relulab-cli curve` writes.

#include <cstddef>
#include <span>
#include <vector>

#include "activations.h"

namespace relulab::core {

inline constexpr std::size_t MinCurveSamples = 2;
inline constexpr std::size_t MaxCurveSamples = 10'000'000;

struct CurveSpec
{
    Activation kind = Activation::Relu;
    ActivationParams params;
    double xMin = -3.0;
    double xMax = 3.0;
    std::size_t samples = 1001;

    friend bool operator==(const CurveSpec &, const CurveSpec &) = default;
};

// Point i of n evenly spaced points from a to b inclusive (n >= 2). The lower half counts up from
// a and the upper half down from b, so both ends are exact, a symmetric range gives x_i ==
// -x_(n-1-i) exactly, and the middle point of a symmetric range with odd n is exactly 0.
inline double gridPoint(double a, double b, std::size_t n, std::size_t i) noexcept
{
    const std::size_t last = n - 1;
    const double span = b - a;
    const double lastAsDouble = static_cast<double>(last);
    if (2 * i <= last)
        return a + span * (static_cast<double>(i) / lastAsDouble);
    return b - span * (static_cast<double>(last - i) / lastAsDouble);
}

// Fills x with the grid from a to b (x.size() >= 2).
void fillGrid(double a, double b, std::span<double> x);

// y[i] = f(x[i]) and dy[i] = f'(x[i]) for i in [0, x.size()); y and dy have x's size. For RReLU in
// training mode element i uses the slope rreluDrawnSlope(seed, i, lower, upper), so the same
// (seed, grid) gives the same cloud whatever the thread count. Parallel above a size threshold.
void sampleActivation(Activation kind, const ActivationParams &params, std::span<const double> x,
                      std::span<double> y, std::span<double> dy);

struct SampledCurve
{
    std::vector<double> x;
    std::vector<double> y;
    std::vector<double> dy;
};

// The grid and f, f' on it in one pass (the memory-bound form: each sample is written once).
// Preconditions (checked by the front ends): MinCurveSamples <= samples <= MaxCurveSamples,
// finite xMin < xMax with a finite xMax - xMin.
void sampleCurve(const CurveSpec &spec, SampledCurve &out);
SampledCurve sampleCurve(const CurveSpec &spec);
// The same into caller-owned storage of spec.samples elements each (the app passes Qt containers).
void sampleCurve(const CurveSpec &spec, std::span<double> x, std::span<double> y, std::span<double> dy);

// Element count above which sampling `kind` uses the OpenMP team: cheap piecewise-linear functions
// need more elements than transcendental ones to pay for starting it.
std::size_t parallelThresholdFor(Activation kind) noexcept;

} // namespace relulab::core
