// The born-dead Monte Carlo (issue 4) against its target: the whole table of the issue, widths
// 2,3,4,5,10 x depths 2,5,10,20,50, 4,000 networks a cell on 2,000 inputs plus the 2 corners,
// input dimension 1, zero biases, in <= 3 s on 2 cores with a speed-up >= 1.8 over one thread.
//
// Times are wall-clock (UseRealTime: CPU time would count the calling thread only). One table
// takes about a second, so each repetition is one iteration; on a shared machine take medians:
//
//     bench_borndead --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// Also: the table at each SIMD level on one thread (the kernels compute the same bits at every
// level, so only the time differs), the widest and deepest cell alone, and the normal draws.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "core/borndead.h"
#include "core/layerkernels.h"
#include "core/parallel.h"
#include "core/splitmix64.h"

namespace {

namespace core = relulab::core;

// Argument: threads. The issue's table (BornDeadConfig's defaults).
void issueTable(benchmark::State &state)
{
    core::BornDeadConfig config;
    config.threads = static_cast<int>(state.range(0));
    std::uint64_t bornDead = 0;
    for (auto _ : state) {
        const core::BornDeadResult result = core::runBornDead(config);
        bornDead = result.cells.at(12).bornDead; // width 4, depth 10
        benchmark::DoNotOptimize(bornDead);
    }
    const auto networks = static_cast<double>(config.networks * 25);
    state.counters["networks/s"] =
            benchmark::Counter(networks, benchmark::Counter::kIsIterationInvariantRate);
    state.SetLabel(std::string(core::simdLevelName(core::simdLevel())));
}

// Arguments: SIMD level (2 AVX-512, 1 AVX2, 0 baseline; a level the machine lacks runs at its
// best). The table on one thread.
void issueTableAtLevel(benchmark::State &state)
{
    const core::SimdLevel previous = core::simdLevel();
    const core::SimdLevel level = core::setSimdLevel(static_cast<core::SimdLevel>(state.range(0)));
    core::BornDeadConfig config;
    config.threads = 1;
    for (auto _ : state)
        benchmark::DoNotOptimize(core::runBornDead(config).cells.size());
    state.SetLabel(std::string(core::simdLevelName(level)));
    core::setSimdLevel(previous);
}

// Argument: threads. The costliest cell, width 10 and depth 50: almost every network lives
// through all 50 layers, 4,000 x 2,002 x 50 x 100 = 4e10 multiply-adds.
void widestDeepestCell(benchmark::State &state)
{
    core::BornDeadConfig config;
    config.threads = static_cast<int>(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(core::simulateBornDeadCell(config, 10, 50));
    state.counters["MAC/s"] = benchmark::Counter(4000.0 * 2002 * 50 * 100,
                                                 benchmark::Counter::kIsIterationInvariantRate);
}

// One standard normal draw of the weights (the ziggurat), for scale: the table draws about
// 45 million.
void zigguratNormal(benchmark::State &state)
{
    core::SplitMix64 g(1);
    for (auto _ : state)
        benchmark::DoNotOptimize(core::zigguratNormal(g));
    state.SetItemsProcessed(state.iterations());
}

// The Box-Muller draw of the rest of the project, against which the ziggurat was chosen.
void boxMullerNormal(benchmark::State &state)
{
    core::SplitMix64 g(1);
    for (auto _ : state)
        benchmark::DoNotOptimize(g.normal());
    state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK(issueTable)->Arg(1)->Arg(2)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(issueTableAtLevel)->Arg(2)->Arg(1)->Arg(0)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(widestDeepestCell)->Arg(1)->Arg(2)->Iterations(1)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(zigguratNormal);
BENCHMARK(boxMullerNormal);

BENCHMARK_MAIN();
