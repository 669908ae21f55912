// The dead-neuron lab's training speed on the reference experiment (reference-spec.md section 2:
// two spirals, 1024 points, 2-32-32-32-1 ReLU, SGD at lr 0.1), against the targets of issue 3:
//
//   full batch, float:  >= 8,000 steps/s on 2 threads     double: >= 4,000 steps/s
//   mini-batch 32, float: >= 100,000 steps/s on 1 thread
//   one dead-unit analysis (Trainer::measure) <= 0.1 ms; predict() of a 200x200 grid <= 2 ms
//
// Every benchmark reports items per second: steps for training, analyses for measure, grid
// points for predict, samples for the kernels (which also report their arithmetic rate). Times are
// wall-clock (UseRealTime), since CPU time would count only the OpenMP team's main thread. On a
// shared machine take medians:
//
//     bench_training --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/layerkernels.h"
#include "core/parallel.h"
#include "core/splitmix64.h"
#include "core/trainer.h"

namespace {

namespace core = relulab::core;

core::TrainingConfig referenceConfig(core::Precision precision, std::size_t batchSize)
{
    core::TrainingConfig config;
    config.precision = precision;
    config.batchSize = batchSize;
    return config;
}

std::unique_ptr<core::Trainer> referenceTrainer(core::Precision precision, std::size_t batchSize)
{
    const core::TrainingConfig config = referenceConfig(precision, batchSize);
    return core::makeTrainer(config, core::makeDataset(config.data), core::makeTestDataset(config.data));
}

core::Precision precisionOf(const benchmark::State &state)
{
    return state.range(0) == 0 ? core::Precision::Float : core::Precision::Double;
}

// Arguments: precision (0 float, 1 double), batch size (0: full batch), threads, SIMD level (2
// AVX-512, 1 AVX2, 0 baseline; a level the machine lacks runs at its best). Each iteration is one
// SGD step; training runs on from iteration to iteration (lr 0.1 stays finite for far longer than
// any run here).
void trainSteps(benchmark::State &state)
{
    core::setMaxThreads(static_cast<int>(state.range(2)));
    const core::SimdLevel previous = core::simdLevel();
    const core::SimdLevel level = core::setSimdLevel(static_cast<core::SimdLevel>(state.range(3)));
    const auto trainer =
            referenceTrainer(precisionOf(state), static_cast<std::size_t>(state.range(1)));
    trainer->train(10); // workspaces allocated, caches warm
    for (auto _ : state)
        benchmark::DoNotOptimize(trainer->train(1));
    state.SetItemsProcessed(state.iterations());
    state.counters["steps/s"] = benchmark::Counter(1.0, benchmark::Counter::kIsIterationInvariantRate);
    state.SetLabel(std::string(core::simdLevelName(level)));
    core::setSimdLevel(previous);
    if (trainer->diverged())
        state.SkipWithError("training diverged");
}

// Arguments: precision, threads. One full analysis: loss, accuracies, dead units per layer, over
// the 1024 training points (and the 256 test points, as the lab measures them).
void measure(benchmark::State &state)
{
    core::setMaxThreads(static_cast<int>(state.range(1)));
    const auto trainer = referenceTrainer(precisionOf(state), 0);
    trainer->train(100);
    for (auto _ : state) {
        core::Measurement m = trainer->measure();
        benchmark::DoNotOptimize(m.loss);
        benchmark::DoNotOptimize(m.layers.data());
    }
    state.SetItemsProcessed(state.iterations());
}

// Arguments: precision, threads. The decision heatmap: logits on a 200 x 200 grid over [-1.5, 1.5]^2.
void predictGrid(benchmark::State &state)
{
    core::setMaxThreads(static_cast<int>(state.range(1)));
    const auto trainer = referenceTrainer(precisionOf(state), 0);
    trainer->train(100);
    constexpr int Side = 200;
    std::vector<double> points;
    points.reserve(2 * Side * Side);
    for (int r = 0; r < Side; ++r) {
        for (int c = 0; c < Side; ++c) {
            points.push_back(-1.5 + 3.0 * c / (Side - 1));
            points.push_back(-1.5 + 3.0 * r / (Side - 1));
        }
    }
    std::vector<float> logits(Side * Side);
    for (auto _ : state) {
        trainer->predict(points, logits);
        benchmark::DoNotOptimize(logits.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * Side * Side);
}

void setThreadArgs(benchmark::internal::Benchmark *b, bool twoThreads)
{
    b->ArgNames({"double", "threads"});
    for (int precision : {0, 1}) {
        b->Args({precision, 1});
        if (twoThreads)
            b->Args({precision, 2});
    }
}

BENCHMARK(trainSteps)
        ->ArgNames({"double", "batch", "threads", "simd"})
        ->Args({0, 0, 1, 2})
        ->Args({0, 0, 2, 2})
        ->Args({1, 0, 1, 2})
        ->Args({1, 0, 2, 2})
        ->Args({0, 32, 1, 2})
        ->Args({1, 32, 1, 2})
        // The same on AVX2 only (most laptops) and on the x86-64 baseline.
        ->Args({0, 0, 2, 1})
        ->Args({1, 0, 2, 1})
        ->Args({0, 32, 1, 1})
        ->Args({0, 0, 2, 0})
        ->Args({0, 32, 1, 0})
        ->UseRealTime();
BENCHMARK(measure)->Apply([](auto *b) { setThreadArgs(b, true); }) -> UseRealTime();
BENCHMARK(predictGrid)->Apply([](auto *b) { setThreadArgs(b, true); }) -> UseRealTime();

// ---------------------------------------------------------------------------------------------
// Each dense kernel alone, at the reference layer shapes (out x in: 32 x 2, 32 x 32, 1 x 32) and
// at a block of 256 samples (the full batch's unit of work) and a mini-batch of 32, on one thread,
// as the trainer calls them: hidden layers with ReLU fused into the forward pass and into the input
// gradient. The last argument is the SIMD level (2 AVX-512, 1 AVX2, 0 baseline; levels the machine
// lacks run at its best).

template<class T>
struct KernelData
{
    int out;
    int in;
    std::size_t count;
    std::size_t ldIn;
    std::size_t ldOut;
    std::vector<T> weight;
    std::vector<T> bias;
    core::PackedDense<T> packed;
    core::AlignedVector<T> input; // count x ldIn
    core::AlignedVector<T> pre; // count x ldOut
    core::AlignedVector<T> post; // count x ldOut
    core::AlignedVector<T> grad; // count x ldOut
    core::AlignedVector<T> back; // count x ldIn
    core::AlignedVector<T> belowPre; // count x ldIn
    std::vector<T> gradWeight;
    std::vector<T> gradBias;
    core::Rectifier<T> relu;

    KernelData(int o, int i, std::size_t n)
        : out(o)
        , in(i)
        , count(n)
        , ldIn(core::paddedWidth<T>(static_cast<std::size_t>(i)))
        , ldOut(core::paddedWidth<T>(static_cast<std::size_t>(o)))
    {
        const auto fill = [](auto &v, std::size_t size, std::uint64_t seed) {
            core::SplitMix64 g(seed);
            v.resize(size);
            for (T &x : v)
                x = static_cast<T>(g.uniform() - 0.5);
        };
        const auto o_ = static_cast<std::size_t>(o);
        const auto i_ = static_cast<std::size_t>(i);
        fill(weight, o_ * i_, 1);
        fill(bias, o_, 2);
        fill(input, n * ldIn, 3);
        fill(grad, n * ldOut, 4);
        fill(belowPre, n * ldIn, 5);
        pre.assign(n * ldOut, T(0));
        post.assign(n * ldOut, T(0));
        back.assign(n * ldIn, T(0));
        gradWeight.assign(o_ * i_, T(0));
        gradBias.assign(o_, T(0));
        packed.pack(weight.data(), bias.data(), o, i);
    }

    double macs() const
    {
        return static_cast<double>(out) * static_cast<double>(in) * static_cast<double>(count);
    }
};

struct SimdScope
{
    explicit SimdScope(const benchmark::State &state)
        : previous(core::simdLevel())
    {
        const core::SimdLevel level = core::setSimdLevel(static_cast<core::SimdLevel>(state.range(3)));
        label = std::string(core::simdLevelName(level));
    }
    ~SimdScope() { core::setSimdLevel(previous); }
    core::SimdLevel previous;
    std::string label;
};

template<class T>
void setKernelCounters(benchmark::State &state, const KernelData<T> &d, const SimdScope &simd)
{
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.count));
    state.counters["GFLOP/s"] =
            benchmark::Counter(2.0 * d.macs() * 1e-9, benchmark::Counter::kIsIterationInvariantRate);
    state.SetLabel(simd.label);
}

template<class T>
KernelData<T> kernelData(const benchmark::State &state)
{
    return KernelData<T>(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                         static_cast<std::size_t>(state.range(2)));
}

template<class T>
void kernelForward(benchmark::State &state)
{
    const SimdScope simd(state);
    KernelData<T> d = kernelData<T>(state);
    const core::Rectifier<T> *f = d.out > 1 ? &d.relu : nullptr;
    for (auto _ : state) {
        core::denseForward(d.packed.weights(), d.input.data(), d.ldIn, d.pre.data(),
                           f ? d.post.data() : nullptr, d.ldOut, d.count, f);
        benchmark::DoNotOptimize(d.pre.data());
        benchmark::ClobberMemory();
    }
    setKernelCounters(state, d, simd);
}

template<class T>
void kernelWeightGradient(benchmark::State &state)
{
    const SimdScope simd(state);
    KernelData<T> d = kernelData<T>(state);
    for (auto _ : state) {
        core::denseWeightGradient(d.grad.data(), d.ldOut, d.input.data(), d.ldIn, d.out, d.in,
                                  d.count, d.gradWeight.data(), d.gradBias.data());
        benchmark::DoNotOptimize(d.gradWeight.data());
        benchmark::ClobberMemory();
    }
    setKernelCounters(state, d, simd);
}

template<class T>
void kernelInputGradient(benchmark::State &state)
{
    const SimdScope simd(state);
    KernelData<T> d = kernelData<T>(state);
    for (auto _ : state) {
        core::denseInputGradient(d.packed.weights(), d.grad.data(), d.ldOut, d.back.data(), d.ldIn,
                                 d.count, &d.relu, d.belowPre.data());
        benchmark::DoNotOptimize(d.back.data());
        benchmark::ClobberMemory();
    }
    setKernelCounters(state, d, simd);
}

void kernelShapes(benchmark::internal::Benchmark *b, bool firstLayer)
{
    b->ArgNames({"out", "in", "count", "simd"});
    for (int simd : {2, 1, 0}) {
        for (int count : {256, 32}) {
            if (firstLayer)
                b->Args({32, 2, count, simd});
            b->Args({32, 32, count, simd});
            b->Args({1, 32, count, simd});
        }
    }
}

BENCHMARK(kernelForward<float>)->Apply([](auto *b) { kernelShapes(b, true); });
BENCHMARK(kernelForward<double>)->Apply([](auto *b) { kernelShapes(b, true); });
BENCHMARK(kernelWeightGradient<float>)->Apply([](auto *b) { kernelShapes(b, true); });
BENCHMARK(kernelWeightGradient<double>)->Apply([](auto *b) { kernelShapes(b, true); });
// The first layer's input gradient is never needed (the data has no gradient).
BENCHMARK(kernelInputGradient<float>)->Apply([](auto *b) { kernelShapes(b, false); });
BENCHMARK(kernelInputGradient<double>)->Apply([](auto *b) { kernelShapes(b, false); });

} // namespace

BENCHMARK_MAIN();
