// sampleCurve for every function, against the memory-bound limit of writing the same bytes.
//
// Each sample writes 24 bytes (x, f(x), f'(x)). At 10 million samples the output is 240 MB, far
// beyond any cache, so the piecewise-linear functions should run close to the store bandwidth:
// the "write_baseline" benchmark fills three arrays of the same size, split over the threads the
// same way, and is the bound to compare with. The thread count is an argument, so the OpenMP
// speed-up shows side by side. Times are wall-clock (UseRealTime): CPU time would only count the
// main thread of the team.
//
//     bench_sampling --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/parallel.h"
#include "core/sampling.h"

namespace {

using relulab::core::Activation;
using relulab::core::CurveSpec;
using relulab::core::RreluMode;
using relulab::core::SampledCurve;

constexpr std::int64_t BytesPerSample = 3 * sizeof(double);

void setThroughput(benchmark::State &state, std::size_t samples)
{
    state.counters["samples/s"] = benchmark::Counter(static_cast<double>(samples),
                                                     benchmark::Counter::kIsIterationInvariantRate);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(samples) * BytesPerSample);
}

void sampleCurve(benchmark::State &state, Activation kind, RreluMode mode)
{
    const auto samples = static_cast<std::size_t>(state.range(0));
    relulab::core::setMaxThreads(static_cast<int>(state.range(1)));
    CurveSpec spec;
    spec.kind = kind;
    spec.params.rreluMode = mode;
    spec.params.rreluSeed = 1;
    spec.samples = samples;
    // Allocated and touched once here, as the explorer reuses its buffers: the loop measures the
    // computation and the stores, not page faults.
    SampledCurve out;
    relulab::core::sampleCurve(spec, out);
    for (auto _ : state) {
        relulab::core::sampleCurve(spec, out);
        benchmark::DoNotOptimize(out.y.data());
        benchmark::ClobberMemory();
    }
    setThroughput(state, samples);
}

// The same 24 bytes per sample with no computation: the store bandwidth limit. It splits the work
// with the ReLU threshold, the cheapest kernel's, so that it is parallel exactly where ReLU is.
void writeBaseline(benchmark::State &state)
{
    const auto samples = static_cast<std::size_t>(state.range(0));
    relulab::core::setMaxThreads(static_cast<int>(state.range(1)));
    std::vector<double> x(samples, 0.0);
    std::vector<double> y(samples, 0.0);
    std::vector<double> dy(samples, 0.0);
    double *xs = x.data();
    double *values = y.data();
    double *slopes = dy.data();
    // Values not known at compile time and not a repeated byte, so the stores stay stores rather
    // than becoming a memset, which may use non-temporal stores that sampleCurve cannot.
    const double fill = static_cast<double>(samples) * 0.5 + 0.25;
    for (auto _ : state) {
        relulab::core::parallelFor(samples, relulab::core::parallelThresholdFor(Activation::Relu),
                                   [&](std::size_t begin, std::size_t end) {
                                       for (std::size_t i = begin; i < end; ++i) {
                                           xs[i] = fill;
                                           values[i] = fill;
                                           slopes[i] = fill;
                                       }
                                   });
        benchmark::DoNotOptimize(values);
        benchmark::ClobberMemory();
    }
    setThroughput(state, samples);
}

void addArguments(benchmark::internal::Benchmark *benchmark)
{
    benchmark->ArgNames({"samples", "threads"});
    for (const std::int64_t threads : {1, 2}) {
        for (const std::int64_t samples : {1'000, 10'000, 100'000, 1'000'000, 10'000'000})
            benchmark->Args({samples, threads});
    }
    benchmark->UseRealTime()->Unit(benchmark::kMicrosecond);
}

struct Variant
{
    const char *name;
    Activation kind;
    RreluMode mode;
};

constexpr Variant Variants[] = {
        {"relu", Activation::Relu, RreluMode::Evaluation},
        {"leaky_relu", Activation::LeakyRelu, RreluMode::Evaluation},
        {"prelu", Activation::Prelu, RreluMode::Evaluation},
        {"rrelu_eval", Activation::Rrelu, RreluMode::Evaluation},
        {"rrelu_train", Activation::Rrelu, RreluMode::Training},
        {"elu", Activation::Elu, RreluMode::Evaluation},
        {"gelu", Activation::Gelu, RreluMode::Evaluation},
        {"gelu_tanh", Activation::GeluTanh, RreluMode::Evaluation},
        {"silu", Activation::Silu, RreluMode::Evaluation},
        {"mish", Activation::Mish, RreluMode::Evaluation},
        {"softplus", Activation::Softplus, RreluMode::Evaluation},
        {"sigmoid", Activation::Sigmoid, RreluMode::Evaluation},
        {"tanh", Activation::Tanh, RreluMode::Evaluation},
};

} // namespace

int main(int argc, char **argv)
{
    addArguments(benchmark::RegisterBenchmark("write_baseline", writeBaseline));
    for (const Variant &variant : Variants) {
        const auto run = [variant](benchmark::State &state) {
            sampleCurve(state, variant.kind, variant.mode);
        };
        const std::string name = std::string("sampleCurve/") + variant.name;
        addArguments(benchmark::RegisterBenchmark(name.c_str(), run));
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
