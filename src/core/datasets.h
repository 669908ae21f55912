#pragma once

// Two-dimensional toy data sets for the dead-neuron lab, all seeded and reproducible on every
// machine (SplitMix64 only, no library generator). The two spirals are exactly the reference
// data set of reference-spec.md section 2.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace relulab::core {

enum class DatasetKind { TwoSpirals, Circles, Xor, Blobs, Moons };
inline constexpr int DatasetKindCount = 5;

struct DatasetSpec
{
    DatasetKind kind = DatasetKind::TwoSpirals;
    std::size_t points = 1024; // in the training set
    std::uint64_t seed = 42;
    double noise = 0.05; // standard deviation of the Gaussian noise added to each coordinate
    // The held-out test set: the same distribution drawn again with seed + TestSeedOffset, with
    // testPoints points (0: no test set). The training set stays exactly the reference set.
    std::size_t testPoints = 256;

    friend bool operator==(const DatasetSpec &, const DatasetSpec &) = default;
};
inline constexpr std::uint64_t TestSeedOffset = 1'000'003;

// n points of dimension 2, row-major (x[2k], x[2k + 1]), labels 0 or 1.
struct Dataset
{
    std::vector<double> x;
    std::vector<std::uint8_t> label;

    std::size_t size() const noexcept { return label.size(); }
    double x0(std::size_t k) const noexcept { return x[2 * k]; }
    double x1(std::size_t k) const noexcept { return x[2 * k + 1]; }
};

// Every generator below follows one pattern, so that another implementation can reproduce it
// from the recipe alone:
// - g = SplitMix64(seed); n must be even (std::invalid_argument otherwise; makeDataset rounds odd
//   sizes up), and n == 0 gives an empty set.
// - Points come in pairs: for i in 0 .. n/2 - 1, for c in 0, 1, point k = 2i + c has label c, so
//   the labels alternate and each class has exactly n/2 points.
// - For each point, in this order: the shape's own draws (if any), then x0 = p0 + s * g.normal(),
//   then x1 = p1 + s * g.normal(), where (p0, p1) is the ideal point and s = noise (blobs:
//   0.25 + noise). Expressions are evaluated left to right in double; pi is 3.141592653589793 and
//   2 pi is SplitMix64::TwoPi (6.283185307179586). The noise draws are made even when noise is 0,
//   so the ideal points do not depend on it.

// The reference two spirals (reference-spec.md section 2), no draws of its own:
// t = (i + 0.5) / (n / 2), r = radius * t, theta = 2 pi * turns * t + c * pi,
// (p0, p1) = (r cos theta, r sin theta). turns 1.5, radius 1 for the reference.
Dataset twoSpirals(std::size_t n, std::uint64_t seed, double noise, double turns = 1.5,
                   double radius = 1.0);
// Two concentric circles: label 0 on radius 1, label 1 on radius 0.5. One draw, the angle:
// a = 2 pi * g.uniform(), R = 1 for c = 0 and 0.5 for c = 1, (p0, p1) = (R cos a, R sin a).
Dataset circles(std::size_t n, std::uint64_t seed, double noise);
// XOR: points uniform in [-1, 1]^2, label 1 iff x0 * x1 < 0 (before noise is added). Two draws,
// p0 = 2 * g.uniform() - 1 + 2^-53, then p1 the same way; if (p0 * p1 < 0) != (c == 1), p1 = -p1.
// The + 2^-53 (exact) moves the uniform grid to its cell midpoints: symmetric about 0 and never 0,
// so every point lies strictly inside a quadrant. Reflecting p1 keeps the points uniform, and the
// labels balanced.
Dataset xorQuadrants(std::size_t n, std::uint64_t seed, double noise);
// Two Gaussian blobs centred at (-0.5, -0.5) (label 0) and (0.5, 0.5) (label 1), standard
// deviation 0.25 + noise: no draws of its own, (p0, p1) is the centre and s = 0.25 + noise.
Dataset blobs(std::size_t n, std::uint64_t seed, double noise);
// Two interleaved half moons, the shapes of scikit-learn's make_moons, scaled into about
// [-1, 1]^2. One draw, t = pi * g.uniform() (scikit-learn spaces t evenly instead); label 0 on the
// outer moon (u, v) = (cos t, sin t), label 1 on the inner (u, v) = (1 - cos t, 1 - sin t - 0.5);
// then (p0, p1) = ((u - 0.5) / 1.5, (v - 0.25) / 1.5). One scale for both axes keeps the moons
// round: arcs of radius 2/3 about (-1/3, -1/6) (upper half, label 0) and (1/3, 1/6) (lower half,
// label 1), with p0 in [-1, 1] and p1 in [-1/2, 1/2].
Dataset moons(std::size_t n, std::uint64_t seed, double noise);

// The training set of `spec`: spec.points rounded up to even (the classes come in pairs), drawn
// with spec.seed. Two spirals with 1024 points, seed 42 and noise 0.05 is the reference set. A kind
// outside the enum throws std::invalid_argument.
Dataset makeDataset(const DatasetSpec &spec);
// Its test set: the same generator with spec.testPoints rounded up to even and seed
// spec.seed + TestSeedOffset (modulo 2^64); empty when spec.testPoints == 0.
Dataset makeTestDataset(const DatasetSpec &spec);

std::string_view datasetCliName(DatasetKind kind) noexcept; // "spirals", "circles", ...
std::string_view datasetDisplayName(DatasetKind kind) noexcept; // "Two spirals", ...
// Exact, case-sensitive match of a command-line name; a kind outside the enum has empty names.
std::optional<DatasetKind> datasetFromCliName(std::string_view name) noexcept;

} // namespace relulab::core
