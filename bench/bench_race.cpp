// The activation race's speed target (issue 4): four 2-32-32-32-1 networks (ReLU, Leaky ReLU,
// PReLU, RReLU) on the reference data at full batch, raced on two threads, must together take at
// least 80 % of the steps per second one network takes alone on the same two threads: racing
// costs no more than training them one after another.
//
//   alone: one trainer on 2 threads (as the lab runs it), Trainer::train(steps) per iteration
//   race:  Race of the four on 2 threads across the lanes, Race::train(steps) per iteration
//
// Both report items/s = steps per second summed over networks, so the ratio race / alone is read
// off directly; "alone" is run for each of the four activations, since they cost differently
// (RReLU draws its slopes, PReLU learns its alphas): the one-after-another cost of the four is
// the harmonic mean of their rates. Wall-clock times (UseRealTime). On a shared machine take
// medians:
//
//     bench_race --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <string>

#include "core/parallel.h"
#include "core/race.h"
#include "core/trainer.h"

namespace {

namespace core = relulab::core;

core::TrainingConfig referenceConfig(const benchmark::State &state)
{
    core::TrainingConfig config;
    config.precision = state.range(0) == 0 ? core::Precision::Float : core::Precision::Double;
    return config;
}

// Arguments: precision (0 float, 1 double), threads, steps per call, activation (index into
// DefaultRaceActivations). Training runs on from iteration to iteration (the reference learning
// rate keeps all four finite far longer than any run here).
void alone(benchmark::State &state)
{
    core::setMaxThreads(static_cast<int>(state.range(1)));
    const auto steps = static_cast<std::uint64_t>(state.range(2));
    const core::Activation activation =
            core::DefaultRaceActivations[static_cast<std::size_t>(state.range(3))];
    const auto trainer = core::makeTrainer(core::laneConfig(referenceConfig(state), activation));
    trainer->train(10); // workspaces allocated, caches warm
    for (auto _ : state)
        benchmark::DoNotOptimize(trainer->train(steps));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(steps));
    state.SetLabel(std::string(core::activationInfo(activation).cliName));
    if (trainer->diverged())
        state.SkipWithError("training diverged");
}

// Arguments: precision, threads, steps per call. Items: lane-steps, the four lanes summed.
void race(benchmark::State &state)
{
    core::setMaxThreads(static_cast<int>(state.range(1)));
    const auto steps = static_cast<std::uint64_t>(state.range(2));
    core::Race race(referenceConfig(state), core::DefaultRaceActivations);
    race.train(10);
    for (auto _ : state)
        benchmark::DoNotOptimize(race.train(steps));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(steps * race.laneCount()));
    for (std::size_t lane = 0; lane < race.laneCount(); ++lane) {
        if (race.diverged(lane))
            state.SkipWithError("a lane diverged");
    }
}

// Arguments: precision, threads. One measurement of all four lanes (the race's per-frame
// analysis), lanes in parallel; items: measurements of the whole race.
void raceMeasure(benchmark::State &state)
{
    core::setMaxThreads(static_cast<int>(state.range(1)));
    core::Race race(referenceConfig(state), core::DefaultRaceActivations);
    for (auto _ : state) {
        // A step between measurements, untimed, so that every lane is measured anew (a lane not
        // trained since its last measurement is not measured again).
        state.PauseTiming();
        race.train(1);
        state.ResumeTiming();
        benchmark::DoNotOptimize(race.measure());
    }
    state.SetItemsProcessed(state.iterations());
}

void aloneArgs(benchmark::internal::Benchmark *b)
{
    b->ArgNames({"double", "threads", "steps", "activation"});
    for (int precision : {0, 1}) {
        for (int activation = 0; activation < 4; ++activation)
            b->Args({precision, 2, 64, activation});
    }
}

void raceArgs(benchmark::internal::Benchmark *b)
{
    b->ArgNames({"double", "threads", "steps"});
    for (int precision : {0, 1}) {
        for (int steps : {16, 64, 256})
            b->Args({precision, 2, steps});
    }
}

} // namespace

BENCHMARK(alone)->Apply(aloneArgs)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(race)->Apply(raceArgs)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(raceMeasure)
        ->ArgNames({"double", "threads"})
        ->Args({0, 2})
        ->Args({1, 2})
        ->UseRealTime()
        ->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
