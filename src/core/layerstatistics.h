#pragma once

// The layer statistics of a measurement (MeasureOptions::layerStatistics) over one block of the
// measurement pass: true zeros, blocked pairs, the activations' moments and the three fixed-edge
// histograms, for one hidden layer at a time.
//
// The per-element work runs in SIMD kernels (layerstatistics_simd.h, one copy per SIMD level like
// the layer kernels): each element's histogram bin is estimated with a multiplication (linear
// bins) or from its binary exponent and a polynomial for log2 of its mantissa (log bins), and
// only an element whose estimate lies within a hair of a bin edge goes to the exact scalar rule of
// HistogramSpec (Binner::slot). The counts are therefore HistogramSpec's to the element, at a
// fraction of the cost of the exact rule for every element (a division or a search of the edges).
//
// Internal to relulab_core (used by trainer.cpp, its benchmark and its test).

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "trainer.h"

namespace relulab::core {

// A histogram's bins as the kernels count them: one counter ("slot") per outcome of a value.
//   slot 0             under the first edge (Histogram::below)
//   slot 1 .. bins     bin 0 .. bins - 1
//   slot bins + 1      at or over the last edge (Histogram::above)
//   slot bins + 2      not finite (Histogram::notFinite)
//   slot bins + 3      logMagnitude: exactly 0 (Histogram::zero)
class Binner
{
public:
    // Throws std::invalid_argument for a spec with bins whose edges are not finite or not
    // increasing.
    explicit Binner(const HistogramSpec &spec);

    bool active() const noexcept { return m_spec.bins > 0; }
    const HistogramSpec &spec() const noexcept { return m_spec; }
    int slotCount() const noexcept { return m_spec.bins + 4; }
    // An empty histogram of this spec.
    Histogram empty() const;
    // The slot of x by HistogramSpec's exact rule.
    int slot(double x) const noexcept;
    // Adds counts per slot (slotCount() of them) to a histogram of this spec.
    void addSlots(Histogram &h, const std::uint64_t *counts) const;
    void add(Histogram &h, double x) const;

    // What the kernels' estimate needs.
    double lower() const noexcept { return m_spec.lower; }
    double inverseWidth() const noexcept { return m_inverseWidth; }
    // Log bins: the first and last edges (10^lower, 10^upper, as the exact rule computes them).
    double firstEdge() const noexcept { return m_edges.empty() ? 0.0 : m_edges.front(); }
    double lastEdge() const noexcept { return m_edges.empty() ? 0.0 : m_edges.back(); }
    // An estimate (in bins) closer than this to a whole number goes to slot(): the largest error
    // of the estimate, in bins, with a wide margin. 1 or more: every element does (subnormal
    // edges, whose exponent the estimate cannot read, or bins too narrow for the estimate).
    double exactBand() const noexcept { return m_exactBand; }
    // slot(0.0), as a double for the kernels.
    double slotOfZero() const noexcept { return m_slotOfZero; }

private:
    int logBin(double magnitude) const noexcept;
    // The count of a histogram of this spec that a slot stands for.
    std::uint64_t &counter(Histogram &h, int slot) const noexcept;

    HistogramSpec m_spec;
    double m_width;
    double m_inverseWidth;
    double m_exactBand;
    double m_slotOfZero = 0.0;
    std::vector<double> m_edges; // logMagnitude: bins + 1 edges
};

void addHistogram(Histogram &into, const Histogram &from);

// One hidden layer's statistics over some blocks.
struct LayerAccumulator
{
    std::uint64_t zero = 0;
    std::uint64_t blocked = 0;
    // Activations: count, mean and sum of squared deviations (Chan et al.'s pairwise update).
    double count = 0.0;
    double mean = 0.0;
    double squares = 0.0;
    Histogram preActivations;
    Histogram activations;
    Histogram backpropagated;

    void addMoments(double n, double blockMean, double blockSquares) noexcept;
};

// Where f'(z) of a (point, unit) pair comes from.
enum class DerivativeSource {
    Rectifier, // 1 if z > 0, else the unit's slope (ReLU: 0); PyTorch's branch at 0
    Sigmoid, // a (1 - a), from the activation a
    Tanh, // 1 - a a
    Given, // a block of f'(z) laid out as the pre-activations
};

// One hidden layer's part of a block of the measurement pass. Rows `ld` apart, ld a multiple of
// SimdPad<T> (whole vectors at every level; padding lanes are never counted).
template<class T>
struct StatisticsBlock
{
    const T *pre = nullptr; // z
    const T *post = nullptr; // a = f(z)
    const T *gradient = nullptr; // d(mean loss)/dz
    std::size_t ld = 0;
    std::size_t rows = 0;
    std::size_t units = 0;
    DerivativeSource derivative = DerivativeSource::Rectifier;
    const T *slope = nullptr; // Rectifier: per unit, paddedWidth(units) entries
    const T *given = nullptr; // Given: f'(z), laid out as pre
    // The back-propagated histogram bins gradient * gradientScale (a point's own loss: the number
    // of points, as gradient is of the mean).
    double gradientScale = 1.0;
};

// Adds the block's statistics to `into`. binners: pre-activations, activations, back-propagated
// gradient (inactive ones are skipped); into's histograms are of their specs.
template<class T>
void accumulateLayerStatistics(const StatisticsBlock<T> &block, const std::array<Binner, 3> &binners,
                               LayerAccumulator &into);

} // namespace relulab::core
