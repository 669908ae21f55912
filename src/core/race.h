#pragma once

// The activation race (issue 4, part 1): one data set and one set of initial weights trained side
// by side with several hidden activations, everything else shared, so that the differences
// between the lanes are the activations' doing alone.
//
// Threads: the lanes train in parallel, one lane per OpenMP thread at a time, each lane's trainer
// single-threaded inside (parallelForEachItem). A lane is then bit for bit the run its
// configuration gives when trained alone, on any number of threads (the trainer adds its sample
// blocks in a fixed order). With a single lane left to train, that lane uses the whole team.

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "activations.h"
#include "datasets.h"
#include "trainer.h"

namespace relulab::core {

// The four of the lesson: ReLU and the three rectifiers that keep a gradient below zero.
inline constexpr std::array<Activation, 4> DefaultRaceActivations {
        Activation::Relu, Activation::LeakyRelu, Activation::Prelu, Activation::Rrelu};
// One lane per activation of the explorer at most.
inline constexpr std::size_t MaxRaceLanes = ActivationCount;
// The finish table's "steps to 95 % accuracy".
inline constexpr double RaceAccuracyGoal = 0.95;

// The configuration of lane `activation`: the base with that hidden activation. Nothing else
// changes, so every lane draws the same weights and biases from the same seed (PReLU adds its
// alphas, which draw nothing: initialParameters()).
TrainingConfig laneConfig(const TrainingConfig &base, Activation activation);

// What stops a race from being run, in words, or nothing: no lanes, more than MaxRaceLanes, an
// activation twice, or a base configuration that does not validate().
std::optional<std::string> validateRace(const TrainingConfig &base,
                                        std::span<const Activation> activations);

// One lane's line of the finish table, from its latest measurement.
struct RaceLaneSummary
{
    Activation activation = Activation::Relu;
    std::uint64_t step = 0; // of the measurement; a diverged lane's step of divergence
    double loss = 0.0;
    double trainAccuracy = 0.0;
    double testAccuracy = 0.0; // nan without a test set
    // Per hidden layer and in total (<= 0 on every training point, as Measurement counts them),
    // and how many of those get no gradient either (ReLU's dead for good). Meaningless, and left
    // at 0, for a diverged lane.
    std::vector<int> deadPerLayer;
    int totalDead = 0;
    int totalDeadWithoutGradient = 0;
    // The first measured step at which the training accuracy was >= RaceAccuracyGoal: accuracy is
    // checked where the race is measured, so this is exact to the measuring interval (see
    // Race::measure).
    std::optional<std::uint64_t> stepsToGoal;
    bool diverged = false;
};

// A race: one trainer per lane. Every member function is for the thread that owns the race (a
// GUI's worker), except cancel(), cancelRequested(), progress() and laneSteps(), which any thread
// may call at any time.
//
// A GUI worker builds the race on its own thread and loops: train() a frame's worth of steps,
// measure() (and predict() a grid), publish the results by value; the GUI thread polls progress()
// and stops a long train() with cancel(); the worker calls clearCancel() before the next run.
class Race
{
public:
    // Lanes for `activations`, in that order, on the base configuration's data sets. The race
    // must validateRace().
    Race(const TrainingConfig &base, std::span<const Activation> activations);
    // The same on given data sets, shared by every lane.
    Race(const TrainingConfig &base, std::span<const Activation> activations,
         const Dataset &training, const Dataset &test);
    ~Race();
    Race(const Race &) = delete;
    Race &operator=(const Race &) = delete;

    const TrainingConfig &baseConfig() const noexcept { return m_base; }
    std::size_t laneCount() const noexcept { return m_lanes.size(); }
    Activation activation(std::size_t lane) const;
    // The lane's trainer, for its layout, parameters and predictions. Not while train() or
    // measure() runs.
    const Trainer &trainer(std::size_t lane) const;

    // The race's clock: the step every lane still training has reached (after a cancelled train()
    // some may be ahead of it). Once every lane has diverged, the last step any of them took.
    std::uint64_t stepsDone() const noexcept;
    // True once the lane's training produced a non-finite loss or parameter: it stopped there,
    // and the race goes on without it.
    bool diverged(std::size_t lane) const;
    bool allDiverged() const noexcept;

    // Brings every lane that has not diverged to step stepsDone() + steps, the lanes in parallel.
    // Returns early when cancel() is called: each lane checks between its steps, so the wait is
    // one step of one lane (about 0.1 ms at the reference size; a step is not interrupted). The
    // next train() first brings the lanes that fell behind up to the clock. Returns how far the
    // clock advanced.
    std::uint64_t train(std::uint64_t steps);

    // Asks a running or the next train() to return as soon as it can. It stays set (every train()
    // returns at once) until clearCancel(), so a request that comes just before train() starts is
    // not lost.
    void cancel() noexcept;
    void clearCancel() noexcept;
    bool cancelRequested() const noexcept;

    // Of the current (or last) train(): the fraction of its lane-steps done, 0 to 1; 1 with no
    // train() yet. A lane that diverges counts as done.
    double progress() const noexcept;
    // Steps the lane has taken; updated while train() runs.
    std::uint64_t laneSteps(std::size_t lane) const;

    // Measures every lane (Trainer::measure, lanes in parallel), in lane order. A lane not trained
    // since its last measurement, a diverged one for instance, gives that measurement again
    // without work. Each measurement with a training accuracy >= RaceAccuracyGoal that comes
    // before any other sets the lane's steps to the goal: measuring every K steps finds it to
    // within K steps (accuracy needs a pass over the training set, a third of a step's work, too
    // much to pay on every step of a race that is to cost no more than its lanes alone).
    std::vector<Measurement> measure();
    // The latest measurement of the lane, nothing before the first measure().
    const std::optional<Measurement> &lastMeasurement(std::size_t lane) const;
    // The finish table, one line per lane, from measurements up to date: lanes trained since
    // their last measurement are measured first.
    std::vector<RaceLaneSummary> summary();

    // The output logit of every lane at each of `points` (row-major pairs), lanes in parallel: the
    // decision boundaries side by side.
    std::vector<std::vector<float>> predict(std::span<const double> points) const;

private:
    struct Lane;

    // The lanes that fell behind or are still short of `target`, trained up to it.
    void advanceTo(std::uint64_t target);

    TrainingConfig m_base;
    std::vector<std::unique_ptr<Lane>> m_lanes;
    std::atomic<bool> m_cancel {false};
    std::atomic<std::uint64_t> m_work {0}; // lane-steps the current train() is to take
};

// Starting points that show the lesson (issue 4: "preset starting points that show the point").
enum class RacePresetKind { HighLearningRate, DeepAndNarrow, BadBiasInit };
inline constexpr int RacePresetCount = 3;

struct RacePreset
{
    RacePresetKind kind = RacePresetKind::HighLearningRate;
    std::string_view cliName; // "high-lr": the --scenario spelling
    std::string_view displayName; // "High learning rate"
    std::string_view description; // one sentence: what to watch
    TrainingConfig config; // the base; its activation is the lanes' business
    std::uint64_t steps = 0;
    std::uint64_t measureEvery = 0;
};

// The preset, built on the reference experiment (TrainingConfig {}) with only what it changes.
RacePreset racePreset(RacePresetKind kind);
std::optional<RacePresetKind> racePresetFromCliName(std::string_view name) noexcept;
// "high-lr deep-narrow bad-bias", for help texts and messages.
std::string_view racePresetCliNames() noexcept;

} // namespace relulab::core
