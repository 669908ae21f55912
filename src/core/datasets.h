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

// The reference two spirals (reference-spec.md section 2): point k = 2i + c has label c,
// t = (i + 0.5) / (n / 2), r = t, theta = 2 pi turns t + c pi, noise from SplitMix64(seed).normal(),
// x0 before x1. n must be even. turns 1.5, radius 1 for the reference.
Dataset twoSpirals(std::size_t n, std::uint64_t seed, double noise, double turns = 1.5,
                   double radius = 1.0);
// Two concentric circles: label 0 on radius 1, label 1 on radius 0.5; angle uniform.
Dataset circles(std::size_t n, std::uint64_t seed, double noise);
// XOR: points uniform in [-1, 1]^2, label 1 iff x0 * x1 < 0 (before noise is added).
Dataset xorQuadrants(std::size_t n, std::uint64_t seed, double noise);
// Two Gaussian blobs centred at (-0.5, -0.5) (label 0) and (0.5, 0.5) (label 1), standard
// deviation 0.25 + noise.
Dataset blobs(std::size_t n, std::uint64_t seed, double noise);
// Two interleaved half moons (as scikit-learn's make_moons), scaled into about [-1, 1]^2.
Dataset moons(std::size_t n, std::uint64_t seed, double noise);

// The training set of `spec`.
Dataset makeDataset(const DatasetSpec &spec);
// Its test set (empty when spec.testPoints == 0).
Dataset makeTestDataset(const DatasetSpec &spec);

std::string_view datasetCliName(DatasetKind kind) noexcept;   // "spirals", "circles", ...
std::string_view datasetDisplayName(DatasetKind kind) noexcept; // "Two spirals", ...
std::optional<DatasetKind> datasetFromCliName(std::string_view name) noexcept;

} // namespace relulab::core
