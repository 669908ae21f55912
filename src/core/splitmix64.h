#pragma once

#include <cmath>
#include <cstdint>

namespace relulab::core {

// SplitMix64 (Steele, Lea and Flood 2014), exactly as written in reference-spec.md section 2.
// It is the project's only random generator: it needs no library, gives the same numbers on
// every machine, and its k-th output depends only on (seed, k), so any element of a stream can be
// drawn directly. That makes parallel draws independent of the thread count.
class SplitMix64
{
public:
    static constexpr std::uint64_t Gamma = 0x9E3779B97F4A7C15ULL;

    explicit constexpr SplitMix64(std::uint64_t seed) noexcept
        : m_state(seed)
    { }

    constexpr std::uint64_t next() noexcept
    {
        m_state += Gamma;
        return mix(m_state);
    }

    // Uniform in [0, 1) from the top 53 bits.
    constexpr double uniform() noexcept { return toUnit(next()); }

    // Box-Muller, one value per call: consumes two uniforms, u1 then u2.
    double normal() noexcept
    {
        const double u1 = uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(TwoPi * u2);
    }

    // The k-th output (k >= 1) of SplitMix64(seed), without generating the ones before it.
    static constexpr std::uint64_t outputAt(std::uint64_t seed, std::uint64_t k) noexcept
    {
        return mix(seed + k * Gamma);
    }

    static constexpr double toUnit(std::uint64_t bits) noexcept
    {
        return static_cast<double>(bits >> 11) * 0x1.0p-53;
    }

    static constexpr std::uint64_t mix(std::uint64_t z) noexcept
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    constexpr std::uint64_t state() const noexcept { return m_state; }

    static constexpr double TwoPi = 6.283185307179586;

private:
    std::uint64_t m_state;
};

} // namespace relulab::core
