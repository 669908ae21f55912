#pragma once

// Training the lab's network, and measuring what the lab shows: loss, accuracy, and per hidden
// layer how many units are dead. The reference experiment of reference-spec.md section 2 is the
// default configuration.

#include <cstddef>
#include <cstdint>
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

    friend bool operator==(const TrainingConfig &, const TrainingConfig &) = default;
};

// A configuration's mistakes in words, naming the field ("learning rate must be finite and
// positive"), or nothing when it can be trained.
std::optional<std::string> validate(const TrainingConfig &config);

// A unit counts as rarely active below this fraction of the training points.
inline constexpr double RarelyActiveFraction = 0.05;

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

    int totalDead() const noexcept;
};

// The slope RReLU draws in training mode for element (unit, position) of hidden layer `layer` in
// step `step` (0-based) of a run with this seed: lower + (upper - lower) u, u from SplitMix64
// addressed by (seed, step, layer, unit * batch + position), so it does not depend on how the
// batch is split between threads.
double rreluStepSlope(std::uint64_t seed, std::uint64_t step, int layer, std::uint64_t element,
                      double lower, double upper) noexcept;

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
    virtual Measurement measure() const = 0;
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
// adjust(): the learning rate, momentum and Adam's constants, the Leaky ReLU slope, ELU alpha,
// RReLU's bounds and seed. Everything else (data, shape, activation, initialisation, optimiser,
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
