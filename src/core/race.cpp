#include "race.h"

#include <algorithm>
#include <limits>
#include <mutex>
#include <stdexcept>

#include "parallel.h"

namespace relulab::core {

namespace {

// Steps a thread trains a lane before it looks for the lane furthest behind (Race::advanceTo).
// Short enough that the lanes stay close and the last chunks of a train() leave a thread idle only
// briefly; long enough that a thread switching lanes (a workspace of some 0.6 MB each at the
// reference size, double) refills its caches rarely.
constexpr std::uint64_t RaceChunkSteps = 16;

} // namespace

struct Race::Lane
{
    Activation activation = Activation::Relu;
    std::unique_ptr<Trainer> trainer;
    std::optional<Measurement> last;
    std::optional<std::uint64_t> stepsToGoal;
    // For other threads (progress bars): the trainer's step count, and the lane-steps of the
    // current train() done, each stored by the lane's own thread after every step. Lanes are
    // separate allocations, and each lane's thread writes only its own lane.
    std::atomic<std::uint64_t> steps {0};
    std::atomic<std::uint64_t> done {0};
};

TrainingConfig laneConfig(const TrainingConfig &base, Activation activation)
{
    TrainingConfig config = base;
    config.network.activation = activation;
    return config;
}

std::optional<std::string> validateRace(const TrainingConfig &base,
                                        std::span<const Activation> activations)
{
    if (activations.empty())
        return "a race needs at least one activation";
    if (activations.size() > MaxRaceLanes)
        return "a race has at most " + std::to_string(MaxRaceLanes) + " activations";
    for (std::size_t i = 0; i < activations.size(); ++i) {
        if (std::find(activations.begin(), activations.begin() + static_cast<std::ptrdiff_t>(i),
                      activations[i])
            != activations.begin() + static_cast<std::ptrdiff_t>(i))
            return "activation " + std::string(activationInfo(activations[i]).cliName)
                    + " is in the race twice";
    }
    // The activation does not enter validate(); one check covers every lane.
    return validate(base);
}

Race::Race(const TrainingConfig &base, std::span<const Activation> activations)
    : Race(base, activations, makeDataset(base.data), makeTestDataset(base.data))
{ }

Race::Race(const TrainingConfig &base, std::span<const Activation> activations,
           const Dataset &training, const Dataset &test)
    : m_base(base)
{
    if (const std::optional<std::string> problem = validateRace(base, activations))
        throw std::invalid_argument(*problem);
    for (Activation activation : activations) {
        auto lane = std::make_unique<Lane>();
        lane->activation = activation;
        lane->trainer = makeTrainer(laneConfig(base, activation), training, test);
        m_lanes.push_back(std::move(lane));
    }
}

Race::~Race() = default;

Activation Race::activation(std::size_t lane) const
{
    return m_lanes.at(lane)->activation;
}

const Trainer &Race::trainer(std::size_t lane) const
{
    return *m_lanes.at(lane)->trainer;
}

std::uint64_t Race::stepsDone() const noexcept
{
    std::uint64_t live = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t any = 0;
    for (const auto &lane : m_lanes) {
        const std::uint64_t steps = lane->trainer->stepsDone();
        any = std::max(any, steps);
        if (!lane->trainer->diverged())
            live = std::min(live, steps);
    }
    return live == std::numeric_limits<std::uint64_t>::max() ? any : live;
}

bool Race::diverged(std::size_t lane) const
{
    return m_lanes.at(lane)->trainer->diverged();
}

bool Race::allDiverged() const noexcept
{
    return std::all_of(m_lanes.begin(), m_lanes.end(),
                       [](const auto &lane) { return lane->trainer->diverged(); });
}

std::uint64_t Race::train(std::uint64_t steps)
{
    const std::uint64_t start = stepsDone();
    if (steps == 0 || allDiverged())
        return 0;
    advanceTo(start + std::min(steps, std::numeric_limits<std::uint64_t>::max() - start));
    return stepsDone() - start;
}

void Race::advanceTo(std::uint64_t target)
{
    std::vector<Lane *> behind;
    std::uint64_t work = 0;
    for (const auto &lane : m_lanes) {
        lane->done.store(0, std::memory_order_relaxed);
        const Trainer &trainer = *lane->trainer;
        if (!trainer.diverged() && trainer.stepsDone() < target) {
            behind.push_back(lane.get());
            work += target - trainer.stepsDone();
        }
    }
    m_work.store(work, std::memory_order_relaxed);
    std::vector<std::uint64_t> first(behind.size());
    for (std::size_t i = 0; i < behind.size(); ++i)
        first[i] = behind[i]->trainer->stepsDone();

    // Each thread of the team takes the lane furthest behind that no other thread is training,
    // trains it for a chunk of steps and puts it back. The lanes so stay within a chunk of each
    // other whatever their speeds (a cancelled race stands almost level, and a progress bar means
    // the same for every lane), and no thread waits at a barrier for a slower lane until the
    // last chunks. The mutex guards `busy` and the step counts of the lanes not being trained.
    std::mutex mutex;
    std::vector<bool> busy(behind.size(), false);
    const auto take = [&]() -> std::optional<std::size_t> {
        const std::lock_guard lock(mutex);
        std::optional<std::size_t> best;
        for (std::size_t i = 0; i < behind.size(); ++i) {
            const Trainer &trainer = *behind[i]->trainer;
            if (busy[i] || trainer.diverged() || trainer.stepsDone() >= target)
                continue;
            if (!best || trainer.stepsDone() < behind[*best]->trainer->stepsDone())
                best = i;
        }
        if (best)
            busy[*best] = true;
        return best;
    };
    const auto workers = std::min(behind.size(), static_cast<std::size_t>(std::max(1, maxThreads())));
    parallelForEachItem(workers, [&](std::size_t) {
        while (!m_cancel.load(std::memory_order_relaxed)) {
            const std::optional<std::size_t> taken = take();
            if (!taken)
                break;
            Lane &lane = *behind[*taken];
            Trainer &trainer = *lane.trainer;
            const std::uint64_t end = std::min(target, trainer.stepsDone() + RaceChunkSteps);
            // One step at a time, so that a cancel waits for one step at most. The call and the
            // relaxed loads and stores cost nothing next to a step.
            while (trainer.stepsDone() < end && !trainer.diverged()
                   && !m_cancel.load(std::memory_order_relaxed)) {
                trainer.train(1);
                lane.steps.store(trainer.stepsDone(), std::memory_order_relaxed);
                lane.done.store(trainer.stepsDone() - first[*taken], std::memory_order_relaxed);
            }
            // The steps a diverged lane will never take are done as far as progress goes.
            if (trainer.diverged())
                lane.done.store(target - first[*taken], std::memory_order_relaxed);
            const std::lock_guard lock(mutex);
            busy[*taken] = false;
        }
    });
}

void Race::cancel() noexcept
{
    m_cancel.store(true, std::memory_order_relaxed);
}

void Race::clearCancel() noexcept
{
    m_cancel.store(false, std::memory_order_relaxed);
}

bool Race::cancelRequested() const noexcept
{
    return m_cancel.load(std::memory_order_relaxed);
}

double Race::progress() const noexcept
{
    const std::uint64_t work = m_work.load(std::memory_order_relaxed);
    if (work == 0)
        return 1.0;
    std::uint64_t done = 0;
    for (const auto &lane : m_lanes)
        done += lane->done.load(std::memory_order_relaxed);
    // A reader that overlaps the start of a train() may mix old and new counts.
    return std::min(1.0, static_cast<double>(done) / static_cast<double>(work));
}

std::uint64_t Race::laneSteps(std::size_t lane) const
{
    return m_lanes.at(lane)->steps.load(std::memory_order_relaxed);
}

std::vector<Measurement> Race::measure()
{
    std::vector<Lane *> stale;
    for (const auto &lane : m_lanes) {
        if (!lane->last || lane->last->step != lane->trainer->stepsDone())
            stale.push_back(lane.get());
    }
    parallelForEachItem(stale.size(),
                        [&](std::size_t i) { stale[i]->last = stale[i]->trainer->measure(); });

    std::vector<Measurement> measurements;
    measurements.reserve(m_lanes.size());
    for (const auto &lane : m_lanes) {
        const Measurement &m = *lane->last;
        if (!lane->stepsToGoal && !m.diverged && m.trainAccuracy >= RaceAccuracyGoal)
            lane->stepsToGoal = m.step;
        measurements.push_back(m);
    }
    return measurements;
}

const std::optional<Measurement> &Race::lastMeasurement(std::size_t lane) const
{
    return m_lanes.at(lane)->last;
}

std::vector<RaceLaneSummary> Race::summary()
{
    measure();
    std::vector<RaceLaneSummary> table;
    for (const auto &lane : m_lanes) {
        const Measurement &m = *lane->last;
        RaceLaneSummary s;
        s.activation = lane->activation;
        s.step = m.step;
        s.loss = m.loss;
        s.trainAccuracy = m.trainAccuracy;
        s.testAccuracy = m.testAccuracy;
        s.diverged = m.diverged;
        s.stepsToGoal = lane->stepsToGoal;
        for (const LayerMeasurement &layer : m.layers) {
            s.deadPerLayer.push_back(m.diverged ? 0 : layer.dead);
            if (!m.diverged) {
                s.totalDead += layer.dead;
                s.totalDeadWithoutGradient += layer.deadWithoutGradient;
            }
        }
        table.push_back(std::move(s));
    }
    return table;
}

std::vector<std::vector<float>> Race::predict(std::span<const double> points) const
{
    std::vector<std::vector<float>> logits(m_lanes.size(), std::vector<float>(points.size() / 2));
    parallelForEachItem(m_lanes.size(),
                        [&](std::size_t i) { m_lanes[i]->trainer->predict(points, logits[i]); });
    return logits;
}

namespace {

struct PresetNames
{
    RacePresetKind kind;
    std::string_view cliName;
    std::string_view displayName;
    std::string_view description;
};

constexpr std::array<PresetNames, RacePresetCount> PresetTable {{
        {RacePresetKind::HighLearningRate, "high-lr", "High learning rate",
         "Adam at learning rate 0.2: within 100 steps ReLU loses nearly every unit and its output "
         "goes constant, while Leaky ReLU, PReLU and RReLU lose far fewer and keep learning."},
        {RacePresetKind::DeepAndNarrow, "deep-narrow", "Deep and narrow",
         "Eight hidden layers of four units: ReLU is born dead (a whole layer is zero on every "
         "point, so its output is constant and nothing below it learns), while the others pass a "
         "gradient through and learn the spirals."},
        {RacePresetKind::BadBiasInit, "bad-bias", "Bad bias initialisation",
         "Every bias starts at -1: most ReLU units are dead before the first step and stay dead, "
         "while the others still get a gradient below zero, revive their units and learn."},
}};

} // namespace

// The numbers below were found by experiment on the reference problem (two spirals,
// 2-32-32-32-1, full batch); the test of the presets checks that each still shows its point.
// Adam throughout: plain SGD at a learning rate that kills ReLU (2 to 5) makes PReLU's shared
// alphas diverge on every seed tried and drives Leaky ReLU below zero as often as ReLU, and at
// the reference learning rate Leaky ReLU's 0.01 slope revives nothing; Adam scales each
// parameter's step to its gradient, so a leaky unit's small gradient below zero moves it as much
// as a live one's.
RacePreset racePreset(RacePresetKind kind)
{
    const PresetNames &names = PresetTable[static_cast<std::size_t>(kind)];
    RacePreset preset;
    preset.kind = kind;
    preset.cliName = names.cliName;
    preset.displayName = names.displayName;
    preset.description = names.description;
    TrainingConfig &config = preset.config;
    config.optimizer = OptimizerKind::Adam;
    preset.steps = 1000;
    switch (kind) {
    case RacePresetKind::HighLearningRate:
        // 200 times Adam's usual 0.001. Over init seeds 1-16, ReLU ends 1000 steps with 74-93 of
        // its 96 units dead, always the most of the four (Leaky ReLU 28-74, PReLU 15-56, RReLU
        // 5-50). Seed 17 shows it most plainly, in double and in float: ReLU has 87 dead and a
        // constant output from step 100 on; at step 1000 Leaky ReLU has 43 (float 41), PReLU 21
        // (30), RReLU 17 (15). Leaky ReLU's units go below zero nearly as readily as ReLU's, but
        // keep a gradient: none of its dead units is dead for good.
        config.learningRate = 0.2;
        config.network.initSeed = 17;
        preset.measureEvery = 10;
        break;
    case RacePresetKind::DeepAndNarrow:
        // Seed 10 is a born-dead draw: one of the eight layers of ReLU is zero everywhere at step
        // 0. (Over seeds 1-12 ReLU stayed below 0.8 accuracy in 7, Leaky ReLU in 1, the others in
        // none.)
        config.learningRate = 0.01;
        config.network.hidden.assign(8, 4);
        config.network.initSeed = 10;
        preset.measureEvery = 20;
        break;
    case RacePresetKind::BadBiasInit:
        // With He-normal weights (fan-in 2: standard deviation 1), a bias of -1 leaves 71 of
        // ReLU's 96 units dead at step 0 on the reference seed, and the output constant.
        config.learningRate = 0.01;
        config.network.biasInit = BiasInit::Constant;
        config.network.biasValue = -1.0;
        preset.measureEvery = 20;
        break;
    }
    return preset;
}

std::optional<RacePresetKind> racePresetFromCliName(std::string_view name) noexcept
{
    for (const PresetNames &entry : PresetTable) {
        if (entry.cliName == name)
            return entry.kind;
    }
    return std::nullopt;
}

std::string_view racePresetCliNames() noexcept
{
    return "high-lr deep-narrow bad-bias";
}

} // namespace relulab::core
