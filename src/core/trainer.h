#pragma once

// Training the lab's network, and measuring what the lab shows: loss, accuracy, and per hidden
// layer how many units are dead. The reference experiment of reference-spec.md section 2 is the
// default configuration.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "datasets.h"
#include "network.h"

namespace relulab::core {

enum class OptimizerKind {
    Sgd, // p -= lr g (the reference)
    Momentum, // PyTorch SGD(momentum): v = mu v + g, p -= lr v
    Adam, // PyTorch Adam with bias correction
};
inline constexpr int OptimizerCount = 3;

enum class Precision { Float, Double };

struct TrainingConfig
{
    DatasetSpec data;
    NetworkConfig network;
    OptimizerKind optimizer = OptimizerKind::Sgd;
    double learningRate = 0.1;
    double momentum = 0.9;
    double adamBeta1 = 0.9;
    double adamBeta2 = 0.999;
    double adamEpsilon = 1e-8;
    // Samples per step; 0 (or >= the training set) means the full batch. Mini-batches follow the
    // reference: the order starts as 0..n-1 and at the start of every epoch (the first included)
    // is reshuffled in place by Fisher-Yates from the shuffle generator, SplitMix64(shuffleSeed),
    // whose state runs on from epoch to epoch; batch b is order[bs*b : bs*b + bs] (the last one
    // shorter when bs does not divide n).
    std::size_t batchSize = 0;
    std::uint64_t shuffleSeed = 7;
    // RReLU's training-mode slopes: one per element per step, from this seed (see rreluStepSlope).
    std::uint64_t rreluSeed = 0;
    Precision precision = Precision::Double;
    // Weight penalties, added to the gradient of the mean loss before the optimiser uses it (so
    // momentum and Adam see them, as in PyTorch):
    // - weightDecay (lambda): PyTorch's `weight_decay` for SGD, momentum and Adam (torch/optim:
    //   grad = grad + lambda * p), on every weight and bias; PReLU's alphas are left out (in
    //   PyTorch a parameter group without weight decay). It is the gradient of (lambda / 2) |w|^2.
    // - l1 (lambda): the gradient of lambda * sum |w| over the weight matrices only (no biases, no
    //   alphas), lambda * sign(w) with sign(0) = 0.
    // The loss the lab shows is the mean BCE alone, without the penalties.
    double weightDecay = 0.0;
    double l1 = 0.0;

    friend bool operator==(const TrainingConfig &, const TrainingConfig &) = default;
};

// A configuration's mistakes in words, naming the field ("learning rate must be finite and
// positive"), or nothing when it can be trained.
std::optional<std::string> validate(const TrainingConfig &config);

// A unit counts as rarely active below this fraction of the training points.
inline constexpr double RarelyActiveFraction = 0.05;

// The largest weight decay and L1 strength a configuration accepts.
inline constexpr double MaxWeightPenalty = 10.0;

// A (point, unit) pair blocks the gradient when |f'(pre-activation)| is below this (PyTorch's
// convention at 0): saturation for sigmoid and tanh, the negative side for ReLU and Leaky ReLU
// 0.01.
inline constexpr double BlockedDerivative = 0.05;

// Fixed bin edges: `bins` bins of equal width over [lower, upper) (bin k is [lower + k w,
// lower + (k + 1) w), w = (upper - lower) / bins, found as floor((x - lower) / w) in double), or
// with logMagnitude over log10 |x| (bin k holds |x| in [10^(lower + k w), 10^(lower + (k + 1) w)),
// compared with those edges computed in double as std::pow(10.0, lower + k * w)). No bins: no
// histogram. With bins, lower < upper, both finite (measure() throws std::invalid_argument).
struct HistogramSpec
{
    double lower = 0.0;
    double upper = 1.0;
    int bins = 0;
    bool logMagnitude = false;

    friend bool operator==(const HistogramSpec &, const HistogramSpec &) = default;
};

struct Histogram
{
    HistogramSpec spec;
    std::vector<std::uint64_t> counts; // spec.bins
    std::uint64_t below = 0; // under the first edge
    std::uint64_t above = 0; // at or over the last edge
    std::uint64_t zero = 0; // logMagnitude: exactly 0 (log10 undefined); otherwise 0
    std::uint64_t notFinite = 0; // nan or inf (infinities are not counted as above or below)

    std::uint64_t total() const noexcept;
};

// What measure() computes beyond the dead counts.
struct MeasureOptions
{
    // The layer statistics below (LayerMeasurement::gradientNorm to backpropagated). They take a
    // full-batch gradient: one backward pass over the training set more, except that with full
    // batch training of a deterministic activation (not RReLU), the next training step reuses it.
    bool layerStatistics = false;
    HistogramSpec preActivations; // z of each (point, unit)
    HistogramSpec activations; // f(z)
    // d loss_i / d z of each (point, unit): the gradient of the point's own loss (not divided by
    // the number of points), back-propagated to the unit's pre-activation.
    HistogramSpec backpropagated {-12.0, 0.0, 0, true};
    // The test set's accuracy (a forward pass over the test set); nan without it.
    bool testAccuracy = true;

    friend bool operator==(const MeasureOptions &, const MeasureOptions &) = default;
};

struct LayerMeasurement
{
    int units = 0;
    // Pre-activation <= 0 on every training point (evaluation mode): dead by the <= 0 test.
    int dead = 0;
    // Dead and f'(pre-activation) == 0 on every point too: no gradient can ever reach it (ReLU's
    // dead units; a Leaky ReLU unit below zero everywhere still gets a gradient).
    int deadWithoutGradient = 0;
    // Active (pre-activation > 0) on fewer than RarelyActiveFraction of the points; dead included.
    int rarelyActive = 0;
    // Per unit: the fraction of training points with pre-activation > 0.
    std::vector<float> activationRate;
    // PReLU: this layer's alphas (one, or one per unit); empty otherwise.
    std::vector<double> alpha;

    // Layer statistics (MeasureOptions::layerStatistics; nan otherwise), all on the whole training
    // set in evaluation mode, over the (point, unit) pairs of the layer:
    double gradientNorm = std::numeric_limits<double>::quiet_NaN(); // |dL/dW| (Frobenius), L the mean BCE, W into this layer
    double zeroShare = std::numeric_limits<double>::quiet_NaN(); // activation exactly 0
    double blockedShare = std::numeric_limits<double>::quiet_NaN(); // |f'(z)| < BlockedDerivative
    double mean = std::numeric_limits<double>::quiet_NaN(); // of the activations
    double deviation = std::numeric_limits<double>::quiet_NaN(); // of the activations (population std)
    Histogram preActivations;
    Histogram activations;
    Histogram backpropagated;
};

struct Measurement
{
    std::uint64_t step = 0;
    double loss = 0.0; // mean BCE over the training set, evaluation mode
    double trainAccuracy = 0.0;
    double testAccuracy = 0.0; // nan without a test set
    std::vector<LayerMeasurement> layers;
    // The output is the same for every training point: the network cannot tell any two apart.
    // (Before training: born dead, Lu et al. 2019.)
    bool outputConstant = false;
    // The loss, a pre-activation or a parameter is not finite. The counts above then mean nothing
    // and are not to be shown as "0 dead".
    bool diverged = false;
    // The output layer's |dL/dW| (layer statistics only; nan otherwise).
    double outputGradientNorm = std::numeric_limits<double>::quiet_NaN();

    int totalDead() const noexcept;
};

// The slope RReLU draws in training mode for element (unit, position) of hidden layer `layer` in
// step `step` (0-based) of a run with this seed: lower + (upper - lower) u, u from SplitMix64
// addressed by (seed, step, layer, unit * batch + position), so it does not depend on how the
// batch is split between threads.
double rreluStepSlope(std::uint64_t seed, std::uint64_t step, int layer, std::uint64_t element,
                      double lower, double upper) noexcept;
// The start of the SplitMix64 stream that rreluStepSlope indexes for (seed, step, layer): one
// stream per (step, layer), MaxHiddenLayers + 1 streams per step.
std::uint64_t rreluStream(std::uint64_t seed, std::uint64_t step, int layer) noexcept;

// One training run: the network, its data and its optimiser state. Not thread-safe: one thread
// uses it at a time (its OpenMP team works inside a call).
class Trainer
{
public:
    virtual ~Trainer();

    virtual const TrainingConfig &config() const noexcept = 0;
    virtual const std::vector<LayerLayout> &layout() const noexcept = 0;
    virtual const Dataset &trainingSet() const noexcept = 0;
    virtual const Dataset &testSet() const noexcept = 0;

    // Steps taken so far.
    virtual std::uint64_t stepsDone() const noexcept = 0;
    // True once a step produced a non-finite loss or parameter; train() then does nothing.
    virtual bool diverged() const noexcept = 0;
    // Takes up to `steps` steps, fewer if training diverges; returns how many it took.
    virtual std::uint64_t train(std::uint64_t steps) = 0;
    // Takes on the fields of `config` that need no new trainer (see needsNewTrainer), from the
    // next step on: a teacher can raise the learning rate in the middle of a run.
    virtual void adjust(const TrainingConfig &config) = 0;

    // Everything the lab shows, in evaluation mode, on the current parameters.
    Measurement measure() const { return measure(MeasureOptions {}); }
    virtual Measurement measure(const MeasureOptions &options) const = 0;
    // Whether the next step reuses the gradient of the last measure() (with layer statistics, at
    // full batch, without random slopes, nothing changed since): that measurement's passes were
    // then the step's own work, done early.
    virtual bool nextStepReusesMeasurement() const noexcept = 0;
    // The output logit (evaluation mode) at each of `points` (row-major pairs) into `logits`.
    virtual void predict(std::span<const double> points, std::span<float> logits) const = 0;

    // The parameters in the flat layout of layout(), as double.
    virtual std::vector<double> parameters() const = 0;
    // Replaces them (tests build networks by hand); resets the optimiser state.
    virtual void setParameters(std::span<const double> parameters) = 0;
    // Mean loss over the whole training set and its gradient with respect to every parameter
    // (flat layout), for the current parameters, in evaluation mode (RReLU with its mean slope).
    // For gradient checks.
    virtual double lossAndGradient(std::vector<double> &gradient) const = 0;
};

// False when `next` differs from `current` only in what a running trainer can take on with
// adjust(): the learning rate, momentum and Adam's constants, the weight penalties, the Leaky ReLU
// slope, ELU alpha, RReLU's bounds and seed. Everything else (data, shape, activation, initialisation, optimiser,
// batch size, precision, seeds of the weights and the shuffle) starts a new run.
bool needsNewTrainer(const TrainingConfig &current, const TrainingConfig &next) noexcept;

// A trainer for `config` on its data sets. The configuration must validate().
std::unique_ptr<Trainer> makeTrainer(const TrainingConfig &config);
// The same on given data (the configuration's data spec is then only informative).
std::unique_ptr<Trainer> makeTrainer(const TrainingConfig &config, Dataset training, Dataset test);

std::string_view optimizerCliName(OptimizerKind kind) noexcept; // "sgd", "momentum", "adam"
std::string_view optimizerDisplayName(OptimizerKind kind) noexcept;
std::optional<OptimizerKind> optimizerFromCliName(std::string_view name) noexcept;

} // namespace relulab::core
