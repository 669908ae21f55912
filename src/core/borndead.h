#pragma once

// The born-dead Monte Carlo of issue 4 (Lu, Shin, Su and Karniadakis 2019, "Dying ReLU and
// Initialization: Theory and Numerical Examples"): how often is a deep ReLU network dead before it
// is trained?
//
// A cell is a (width N, depth L) pair. For each of `networks` random networks of L hidden ReLU
// layers of N units on inputs of dimension d (1 or 2), the network is evaluated on the sampled
// inputs: `inputs` points uniform in [-1, 1)^d, plus the 2^d corners of the box. It is BORN DEAD
// when some hidden layer is zero (every unit's relu output exactly 0) at every sampled input: from
// that layer on the network computes a constant. It is DEAD AT THE INPUT when some hidden layer is
// zero at the fixed input (1, ..., 1), the first corner. Per cell the simulation reports the
// fraction of born-dead networks with its 95 % Wilson score interval, the fraction dead at the
// input, and the oracle 1 - (1 - 2^-N)^L, which is exactly the probability of being dead at a given
// nonzero input for symmetric weights and zero biases (each layer, given a nonzero input, is zero
// with probability 2^-N, independently of the layers before it). With other biases or RAI the
// oracle is still reported, as the zero-bias figure to compare with.
//
// Initialisation, layer by layer (fan_in = d for the first layer, N for the others):
// - HeNormal: w ~ N(0, 2 / fan_in). Biases zero, or with BornDeadBias::Normal drawn from the same
//   normal as that layer's weights, N(0, 2 / fan_in): He's variance, so that a bias weighs like
//   one more input of unit size.
// - RandomizedAsymmetric: Lu et al.'s RAI exactly as the lab's networks draw it
//   (drawRandomizedAsymmetricUnit in network.h: sigma 0.6007, Beta(2, 1)); the biases come from
//   that draw, so `bias` does not apply.
//
// Reproducibility: every number depends only on the configuration, never on the thread count or
// the SIMD level. Network k of cell (N, L) draws from SplitMix64(bornDeadNetworkSeed(seed, N, L,
// k)), rows in order, each row's fan_in weights and then its bias (He with normal biases; RAI as
// drawRandomizedAsymmetricUnit), with standard normals from zigguratNormal; the inputs come from
// (seed, input index) (bornDeadInputs). The arithmetic is float, each unit summed as
// b + w_1 x_1 + w_2 x_2 + ... left to right without fused multiply-adds, so every SIMD level (and
// a plain scalar loop) computes the same bits. The zero test is exact in any precision: a relu
// output is exactly 0 or positive.
//
// Work that cannot change a result is skipped, nothing else: a network stops at its first layer
// that is zero at every input (born dead); with zero He biases an input that reached a zero layer
// stays zero for good, so it is dropped from later layers. Every other sampled input goes through
// every layer. (The activations of all samples are kept for one layer at a time, up to 1 MB per
// block: 2,048 samples at width 128, 26,208 at width 10. Beyond, the samples are taken in tiles,
// each through every layer, or with zero biases until its samples are all dead, and a network's
// verdict is known after the last tile.)

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "splitmix64.h"

namespace relulab::core {

enum class BornDeadInit {
    HeNormal, // w ~ N(0, 2 / fan_in)
    RandomizedAsymmetric, // RAI, Lu et al. 2019 (network.h)
};
inline constexpr int BornDeadInitCount = 2;

enum class BornDeadBias {
    Zero,
    Normal, // b ~ N(0, 2 / fan_in), the layer's weight distribution
};
inline constexpr int BornDeadBiasCount = 2;

inline constexpr int BornDeadMinWidth = 1;
inline constexpr int BornDeadMaxWidth = 128;
inline constexpr int BornDeadMinDepth = 1;
inline constexpr int BornDeadMaxDepth = 1000;
inline constexpr std::uint64_t BornDeadMaxNetworks = 10'000'000;
inline constexpr std::uint64_t BornDeadMaxInputs = 10'000'000;
inline constexpr int BornDeadMaxInputDim = 2;

struct BornDeadConfig
{
    // The grid: one cell per (width, depth), widths outer, in the order given.
    std::vector<int> widths {2, 3, 4, 5, 10};
    std::vector<int> depths {2, 5, 10, 20, 50};
    std::uint64_t networks = 4000; // per cell
    std::uint64_t inputs = 2000; // uniform points; the 2^inputDim corners come on top
    int inputDim = 1;
    BornDeadBias bias = BornDeadBias::Zero; // He only
    BornDeadInit init = BornDeadInit::HeNormal;
    std::uint64_t seed = 0;
    // OpenMP threads for this run (restored afterwards); 0: maxThreads() as it is.
    int threads = 0;

    friend bool operator==(const BornDeadConfig &, const BornDeadConfig &) = default;
};

// A configuration's first mistake in words, naming the field ("widths: 0 is not between 1 and
// 128"), or nothing when it can run. Empty grids, values out of the ranges above and a width or
// depth given twice are mistakes.
std::optional<std::string> validate(const BornDeadConfig &config);

// Whether the biases are exactly zero (He with BornDeadBias::Zero): then inputs that die are
// dropped and the oracle is exact.
bool hasZeroBiases(const BornDeadConfig &config) noexcept;

// Sampled points per network: inputs + 2^inputDim.
std::size_t bornDeadSampleCount(const BornDeadConfig &config) noexcept;

struct ProportionInterval
{
    double low = 0.0;
    double high = 1.0;
};

// Phi^-1(0.975): the z of a two-sided 95 % interval.
inline constexpr double Z95 = 1.959963984540054;

// The Wilson score interval of `successes` out of `trials` (Wilson 1927):
// (p + z^2 / 2n -+ z sqrt(p (1 - p) / n + z^2 / 4n^2)) / (1 + z^2 / n), p = successes / trials.
// Exactly 0 at the bottom for 0 successes and 1 at the top for all successes (where the formula
// gives them only up to rounding); [0, 1] for 0 trials.
ProportionInterval wilsonInterval(std::uint64_t successes, std::uint64_t trials, double z = Z95) noexcept;

// 1 - (1 - 2^-width)^depth: the probability that a network with symmetric weights and zero biases
// is dead at one given nonzero input.
double deadAtInputOracle(int width, int depth) noexcept;

// One network's outcome.
struct BornDeadVerdict
{
    bool bornDead = false;
    bool deadAtInput = false; // at the fixed input (1, ..., 1)
    int deadLayer = 0; // born dead: the first hidden layer (1-based) zero at every input; else 0
};

// One cell's counts and the figures derived from them.
struct BornDeadCell
{
    int width = 0;
    int depth = 0;
    std::uint64_t networks = 0;
    std::uint64_t bornDead = 0;
    std::uint64_t deadAtInput = 0;
    double p = 0.0; // bornDead / networks
    ProportionInterval interval; // Wilson, 95 %, of p
    double deadAtInputFraction = 0.0; // deadAtInput / networks
    ProportionInterval deadAtInputInterval; // Wilson, 95 %
    double oracle = 0.0; // deadAtInputOracle(width, depth)
};

// A cell's figures from its counts.
BornDeadCell makeBornDeadCell(int width, int depth, std::uint64_t networks, std::uint64_t bornDead,
                              std::uint64_t deadAtInput) noexcept;

// Called after each finished cell, in grid order, with the cells done so far (1 .. total), the
// total and that cell. It runs on the thread that called runBornDead, never on another, between
// that thread's own batches of networks while the other threads go on: it should return quickly
// (a GUI worker forwards the cell with a queued signal). An exception from it stops the run and
// propagates out of runBornDead.
using BornDeadProgress =
        std::function<void(std::size_t cellsDone, std::size_t cellsTotal, const BornDeadCell &cell)>;

struct BornDeadResult
{
    std::vector<BornDeadCell> cells; // the finished cells, in grid order
    bool cancelled = false;
};

// Runs the whole grid, widths outer and depths inner, on config.threads OpenMP threads (the
// current maxThreads() for 0). The networks of all cells form one queue of small batches that the
// threads take as they become free, so no thread waits at the end of a cell while there is work
// left; cells still finish in about grid order. `cancel` is polled before every layer of every
// network (under a millisecond of work apart even for width 128): once it reads true the run
// returns within milliseconds, cancelled set, with the cells reported so far; the others are
// dropped. Throws std::invalid_argument when `config` does not validate() (as do the functions
// below, also for a width or depth out of range).
BornDeadResult runBornDead(const BornDeadConfig &config, const BornDeadProgress &progress = {},
                           const std::atomic<bool> *cancel = nullptr);

// One cell of the grid (width and depth need not be in config's lists); nothing when cancelled.
std::optional<BornDeadCell> simulateBornDeadCell(const BornDeadConfig &config, int width, int depth,
                                                 const std::atomic<bool> *cancel = nullptr);

// Network `index` of cell (width, depth), evaluated alone: the same verdict the cell counts.
BornDeadVerdict simulateBornDeadNetwork(const BornDeadConfig &config, int width, int depth,
                                        std::uint64_t index);

// The seed of network `index` of cell (width, depth):
//   h = mix(seed + NetworkTag); h = mix(h + width); h = mix(h + depth); return mix(h + index)
// with SplitMix64::mix and unsigned 64-bit wrap-around.
inline constexpr std::uint64_t BornDeadNetworkTag = 0x626F726E64656164ULL; // "borndead"
std::uint64_t bornDeadNetworkSeed(std::uint64_t seed, int width, int depth, std::uint64_t index) noexcept;

// The sampled inputs as the simulation sees them (float), sample-major: sample s is
// [s * inputDim, (s + 1) * inputDim). First the 2^inputDim corners, corner k with coordinate j
// equal to -1 if bit j of k is set and +1 otherwise (so corner 0 is the fixed input (1, ..., 1));
// then the uniform points, coordinate j of point i being
//   2 SplitMix64::toUnit(SplitMix64::outputAt(mix(mix(seed + InputTag) + j), i + 1)) - 1
// rounded to float. Point i's first coordinate is the same for inputDim 1 and 2.
inline constexpr std::uint64_t BornDeadInputTag = 0x696E707574732121ULL; // "inputs!!"
std::vector<float> bornDeadInputs(const BornDeadConfig &config);

// The parameters of network `index` of cell (width, depth) as the simulation uses them (float):
// layer by layer, its weights (width x fan_in, row-major: row = unit) and then its width biases.
std::vector<float> bornDeadParameters(const BornDeadConfig &config, int width, int depth,
                                      std::uint64_t index);

// A standard normal draw by Marsaglia and Tsang's ziggurat (2000) with 256 layers, as numpy and
// Rust's rand draw them: the born-dead weights need tens of millions of normals per table, and
// this costs a few nanoseconds where SplitMix64::normal's Box-Muller costs tens. Each attempt takes
// one g.next(): its low 8 bits choose the layer i, its top 53 bits give u in [-1, 1), x = u x_i;
// x is accepted at once when |x| < x_(i+1) (about 99 % of draws); the rare rest takes more draws
// from g (wedge test, or the tail beyond r = 3.6541528853610088 by Marsaglia's 1964 method).
double zigguratNormal(SplitMix64 &g) noexcept;

std::string_view bornDeadInitCliName(BornDeadInit init) noexcept; // "he-normal", "rai"
std::optional<BornDeadInit> bornDeadInitFromCliName(std::string_view name) noexcept;
std::string_view bornDeadBiasCliName(BornDeadBias bias) noexcept; // "zero", "normal"
std::optional<BornDeadBias> bornDeadBiasFromCliName(std::string_view name) noexcept;

} // namespace relulab::core
