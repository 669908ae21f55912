#include "datasets.h"

#include "splitmix64.h"

#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace relulab::core {

namespace {

// The spec's pi, written as a literal so that every implementation uses the same double.
constexpr double Pi = 3.141592653589793;

struct IdealPoint
{
    double p0;
    double p1;
};

// The common loop of every generator (see the header): pairs of points labelled 0 then 1, the
// shape's own draws, then the noise on x0 and on x1, in that order. `shape(g, i, c)` returns the
// ideal point of pair i, class c, and makes the shape's draws from g.
template<class Shape>
Dataset generate(const char *name, std::size_t n, std::uint64_t seed, double sigma, Shape shape)
{
    if (n % 2 != 0)
        throw std::invalid_argument(std::string(name) + ": the number of points must be even, got "
                                    + std::to_string(n));
    // 2 n coordinates must fit in a size_t; the vectors would fail later with a less clear message.
    if (n > std::numeric_limits<std::size_t>::max() / 2)
        throw std::length_error(std::string(name) + ": too many points");
    SplitMix64 g(seed);
    Dataset data;
    data.x.reserve(2 * n);
    data.label.reserve(n);
    for (std::size_t i = 0; i < n / 2; ++i) {
        for (std::uint8_t c = 0; c < 2; ++c) {
            const IdealPoint p = shape(g, i, c);
            // Two statements, so that x0's noise is drawn before x1's.
            const double x0 = p.p0 + sigma * g.normal();
            const double x1 = p.p1 + sigma * g.normal();
            data.x.push_back(x0);
            data.x.push_back(x1);
            data.label.push_back(c);
        }
    }
    return data;
}

// Uniform on the midpoints of the 2^53 cells of [-1, 1]: 2u - 1 is a multiple of 2^-52 and
// 2u - 1 + 2^-53 an odd multiple of 2^-53 below 1 in magnitude, so every step is exact, the
// values are symmetric about 0 and none is 0.
double symmetricUniform(SplitMix64 &g) noexcept
{
    return 2.0 * g.uniform() - 1.0 + 0x1.0p-53;
}

// The generators need pairs; a request for an odd number gets one point more, not one fewer, so
// that a size of 1 still gives a usable set.
std::size_t roundUpToEven(std::size_t n) noexcept
{
    return n + n % 2;
}

Dataset generateKind(DatasetKind kind, std::size_t n, std::uint64_t seed, double noise)
{
    switch (kind) {
    case DatasetKind::TwoSpirals:
        return twoSpirals(n, seed, noise);
    case DatasetKind::Circles:
        return circles(n, seed, noise);
    case DatasetKind::Xor:
        return xorQuadrants(n, seed, noise);
    case DatasetKind::Blobs:
        return blobs(n, seed, noise);
    case DatasetKind::Moons:
        return moons(n, seed, noise);
    }
    throw std::invalid_argument("unknown data set kind " + std::to_string(static_cast<int>(kind)));
}

struct KindNames
{
    DatasetKind kind;
    std::string_view cliName;
    std::string_view displayName;
};

constexpr std::array<KindNames, DatasetKindCount> Names {{
        {DatasetKind::TwoSpirals, "spirals", "Two spirals"},
        {DatasetKind::Circles, "circles", "Circles"},
        {DatasetKind::Xor, "xor", "XOR"},
        {DatasetKind::Blobs, "blobs", "Gaussian blobs"},
        {DatasetKind::Moons, "moons", "Moons"},
}};

const KindNames *findNames(DatasetKind kind) noexcept
{
    for (const KindNames &names : Names) {
        if (names.kind == kind)
            return &names;
    }
    return nullptr;
}

} // namespace

Dataset twoSpirals(std::size_t n, std::uint64_t seed, double noise, double turns, double radius)
{
    const std::size_t pairCount = n / 2; // i counts pairs, one point of each class
    const auto pairs = static_cast<double>(pairCount);
    return generate("twoSpirals", n, seed, noise, [=](SplitMix64 &, std::size_t i, std::uint8_t c) {
        // The spec's expressions, evaluated left to right as written there.
        const double t = (static_cast<double>(i) + 0.5) / pairs;
        const double r = radius * t;
        const double theta = SplitMix64::TwoPi * turns * t + static_cast<double>(c) * Pi;
        return IdealPoint {r * std::cos(theta), r * std::sin(theta)};
    });
}

Dataset circles(std::size_t n, std::uint64_t seed, double noise)
{
    return generate("circles", n, seed, noise, [](SplitMix64 &g, std::size_t, std::uint8_t c) {
        const double a = SplitMix64::TwoPi * g.uniform();
        const double radius = c == 0 ? 1.0 : 0.5;
        return IdealPoint {radius * std::cos(a), radius * std::sin(a)};
    });
}

Dataset xorQuadrants(std::size_t n, std::uint64_t seed, double noise)
{
    return generate("xorQuadrants", n, seed, noise, [](SplitMix64 &g, std::size_t, std::uint8_t c) {
        const double p0 = symmetricUniform(g);
        double p1 = symmetricUniform(g);
        // Neither factor is 0 and the product is at least 2^-106, so its sign is the quadrant's.
        if ((p0 * p1 < 0.0) != (c == 1))
            p1 = -p1;
        return IdealPoint {p0, p1};
    });
}

Dataset blobs(std::size_t n, std::uint64_t seed, double noise)
{
    return generate("blobs", n, seed, 0.25 + noise, [](SplitMix64 &, std::size_t, std::uint8_t c) {
        const double centre = c == 0 ? -0.5 : 0.5;
        return IdealPoint {centre, centre};
    });
}

Dataset moons(std::size_t n, std::uint64_t seed, double noise)
{
    return generate("moons", n, seed, noise, [](SplitMix64 &g, std::size_t, std::uint8_t c) {
        const double t = Pi * g.uniform();
        // scikit-learn's make_moons, written as it writes them.
        const double u = c == 0 ? std::cos(t) : 1.0 - std::cos(t);
        const double v = c == 0 ? std::sin(t) : 1.0 - std::sin(t) - 0.5;
        // The moons span [-1, 2] x [-0.5, 1]: centre that box on 0 and scale its width to 2.
        return IdealPoint {(u - 0.5) / 1.5, (v - 0.25) / 1.5};
    });
}

Dataset makeDataset(const DatasetSpec &spec)
{
    return generateKind(spec.kind, roundUpToEven(spec.points), spec.seed, spec.noise);
}

Dataset makeTestDataset(const DatasetSpec &spec)
{
    if (spec.testPoints == 0)
        return {};
    // Unsigned arithmetic: a seed near 2^64 wraps around, as the header says.
    return generateKind(spec.kind, roundUpToEven(spec.testPoints), spec.seed + TestSeedOffset,
                        spec.noise);
}

std::string_view datasetCliName(DatasetKind kind) noexcept
{
    const KindNames *names = findNames(kind);
    return names ? names->cliName : std::string_view {};
}

std::string_view datasetDisplayName(DatasetKind kind) noexcept
{
    const KindNames *names = findNames(kind);
    return names ? names->displayName : std::string_view {};
}

std::optional<DatasetKind> datasetFromCliName(std::string_view name) noexcept
{
    for (const KindNames &names : Names) {
        if (names.cliName == name)
            return names.kind;
    }
    return std::nullopt;
}

} // namespace relulab::core
