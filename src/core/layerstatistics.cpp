#include "layerstatistics.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <type_traits>

#include "layerkernels.h"
#include "simdlevels.h"

namespace relulab::core {

namespace {

// The largest error of the kernels' estimate of log10 |x| (the polynomial's 1.4e-9 in log2 is
// 4.2e-10 decades; the roundings of the sum add far less), with a margin of 20.
constexpr double LogEstimateError = 1e-8;
// The same for (x - lower) / width estimated as (x - lower) * (1 / width): a few units in the last
// place of the result, which stays within bins + 1; taken per bin, with a wide margin.
constexpr double LinearEstimateError = 1e-12;

const HistogramSpec &validSpec(const HistogramSpec &spec)
{
    if (spec.bins > 0 && !(std::isfinite(spec.lower) && std::isfinite(spec.upper) && spec.upper > spec.lower))
        throw std::invalid_argument("histogram: the upper edge must be finite and above the lower one");
    return spec;
}

} // namespace

Binner::Binner(const HistogramSpec &spec)
    : m_spec(validSpec(spec))
    , m_width(spec.bins > 0 ? (spec.upper - spec.lower) / spec.bins : 1.0)
    , m_inverseWidth(1.0 / m_width)
{
    if (spec.logMagnitude) {
        for (int k = 0; k <= spec.bins; ++k)
            m_edges.push_back(std::pow(10.0, spec.lower + k * m_width));
        // The estimate reads the binary exponent, which a subnormal does not hold.
        const bool subnormalEdges = !m_edges.empty()
                && m_edges.front() < std::numeric_limits<double>::min();
        m_exactBand = subnormalEdges ? 2.0 : LogEstimateError / m_width;
    } else {
        m_exactBand = LinearEstimateError * (std::max(spec.bins, 0) + 2);
    }
    if (!(m_exactBand < 0.5)) // nan too
        m_exactBand = 2.0;
    if (spec.bins > 0)
        m_slotOfZero = slot(0.0);
}

Histogram Binner::empty() const
{
    Histogram h;
    h.spec = m_spec;
    h.counts.assign(static_cast<std::size_t>(std::max(0, m_spec.bins)), 0);
    return h;
}

int Binner::slot(double x) const noexcept
{
    const int bins = m_spec.bins;
    if (!std::isfinite(x))
        return bins + 2;
    if (m_spec.logMagnitude) {
        const double magnitude = std::abs(x);
        if (magnitude == 0.0)
            return bins + 3;
        if (magnitude < m_edges.front())
            return 0;
        if (magnitude >= m_edges.back())
            return bins + 1;
        return logBin(magnitude) + 1;
    }
    const double bin = std::floor((x - m_spec.lower) / m_width);
    if (bin < 0.0)
        return 0;
    if (bin >= bins)
        return bins + 1;
    return static_cast<int>(bin) + 1;
}

std::uint64_t &Binner::counter(Histogram &h, int slot) const noexcept
{
    const int bins = m_spec.bins;
    if (slot == 0)
        return h.below;
    if (slot <= bins)
        return h.counts[static_cast<std::size_t>(slot - 1)];
    if (slot == bins + 1)
        return h.above;
    return slot == bins + 2 ? h.notFinite : h.zero;
}

void Binner::addSlots(Histogram &h, const std::uint64_t *counts) const
{
    for (int s = 0; s < slotCount(); ++s)
        counter(h, s) += counts[s];
}

void Binner::add(Histogram &h, double x) const
{
    ++counter(h, slot(x));
}

// The bin of a magnitude inside the edges: a first guess from log10 estimated by the binary
// exponent and a linear mantissa (within 0.03 decades), then corrected against the exact edges,
// so that the result is the edges'.
int Binner::logBin(double magnitude) const noexcept
{
    const auto bits = std::bit_cast<std::uint64_t>(magnitude);
    const auto exponent = static_cast<double>(static_cast<int>((bits >> 52) & 0x7FF) - 1023);
    const double mantissa = static_cast<double>(bits & ((std::uint64_t {1} << 52) - 1)) * 0x1p-52;
    const double log10Estimate = (exponent + mantissa) * 0.30102999566398120;
    const int last = m_spec.bins - 1;
    int bin = static_cast<int>(std::clamp(std::floor((log10Estimate - m_spec.lower) / m_width), 0.0,
                                          static_cast<double>(last)));
    while (bin > 0 && magnitude < m_edges[static_cast<std::size_t>(bin)])
        --bin;
    while (bin < last && magnitude >= m_edges[static_cast<std::size_t>(bin) + 1])
        ++bin;
    return bin;
}

void addHistogram(Histogram &into, const Histogram &from)
{
    for (std::size_t k = 0; k < into.counts.size(); ++k)
        into.counts[k] += from.counts[k];
    into.below += from.below;
    into.above += from.above;
    into.zero += from.zero;
    into.notFinite += from.notFinite;
}

void LayerAccumulator::addMoments(double n, double blockMean, double blockSquares) noexcept
{
    const double total = count + n;
    if (total == 0.0)
        return;
    const double delta = blockMean - mean;
    mean += delta * n / total;
    squares += blockSquares + delta * delta * count * n / total;
    count = total;
}

} // namespace relulab::core

// The kernel once per SIMD level, each compiled for its level (as in layerkernels.cpp).
#define RELULAB_SIMD_KERNELS "layerstatistics_simd.h"
#include "simdlevels.inc"

namespace relulab::core {

template<class T>
void accumulateLayerStatistics(const StatisticsBlock<T> &block, const std::array<Binner, 3> &binners,
                               LayerAccumulator &into)
{
#ifdef RELULAB_SIMD_LEVELS
    switch (simdLevel()) {
    case SimdLevel::Avx512:
        return avx512::StatisticsKernel<T, 64>::run(block, binners, into);
    case SimdLevel::Avx2:
        return avx2::StatisticsKernel<T, 32>::run(block, binners, into);
    case SimdLevel::Baseline:
        break;
    }
#endif
    baseline::StatisticsKernel<T, 16>::run(block, binners, into);
}

template void accumulateLayerStatistics<float>(const StatisticsBlock<float> &,
                                               const std::array<Binner, 3> &, LayerAccumulator &);
template void accumulateLayerStatistics<double>(const StatisticsBlock<double> &,
                                                const std::array<Binner, 3> &, LayerAccumulator &);

} // namespace relulab::core
