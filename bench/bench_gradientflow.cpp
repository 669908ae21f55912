// The gradient-flow view's cost (issue 15), against its two targets:
//
//   1. Measuring layer statistics adds at most 15 % to a measurement. At 20 hidden layers of 32,
//      ReLU and sigmoid, float and double, on 2 threads and 1:
//        statsOverhead/measure/...        Trainer::measure(), the dead units alone
//        statsOverhead/measure+stats/...  measure() with the layer statistics and the histograms the
//                                         gradient-flow view draws (activations, the
//                                         back-propagated gradient on a log scale)
//        statsOverhead/cycle/...          one lab cycle: measure() then train(1)
//        statsOverhead/cycle+stats/...    the same with the statistics; full batch, the step
//                                         reuses their gradient, so the cycle costs less than the
//                                         two measurements' difference suggests
//      and, not a target, statsOverhead/measure+stats-nohist/...: the statistics without
//      histograms, which splits the overhead between the gradient pass and the binning.
//   2. Training a 20 x 64 network full batch in float runs at >= 50 % of the machine's FMA peak on
//      one thread:
//        fmaPeak/<isa>                    a tight loop of independent fused multiply-adds on one
//                                         thread, at each vector width the machine has; the
//                                         fastest is the peak (AVX-512 doubles it on cores with
//                                         two 512-bit FMA units, and matches AVX2 on Zen 4)
//        train20x64/float/threads:1       SGD steps, ReLU, full batch (1024 points), one thread
//
// Every benchmark reports items per second (analyses, cycles, steps, loop passes); the peak loop
// and the training also report FLOP/s. Times are wall-clock (UseRealTime), since CPU time would
// count only the OpenMP team's main thread. After the runs a summary gives, from the same medians
// as the table, the training's share of the FMA peak and the statistics' overhead per case. On a
// shared machine take medians:
//
//     bench_gradientflow --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#ifdef __x86_64__
#include <immintrin.h>
#define RELULAB_BENCH_X86 1
#endif

#include <cstddef>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/layerkernels.h"
#include "core/network.h"
#include "core/parallel.h"
#include "core/trainer.h"

namespace {

namespace core = relulab::core;

// ---------------------------------------------------------------------------------------------
// Target 1: the layer statistics' overhead.

struct StatsCase
{
    core::Activation activation;
    core::Precision precision;
    int threads;

    std::string name() const
    {
        return std::string(activation == core::Activation::Relu ? "relu" : "sigmoid") + "/"
                + (precision == core::Precision::Float ? "float" : "double")
                + "/threads:" + std::to_string(threads);
    }
};

constexpr int StatsLayers = 20;
constexpr int StatsWidth = 32;

// What the gradient-flow view asks for (GradientFlowTab::activationBins and gradientBins): every
// statistic, the activations' histogram (40 bins over [-1, 3)) and the back-propagated gradient's
// (32 bins over 10^-16 .. 1); it draws no histogram of the pre-activations.
core::MeasureOptions statisticsOptions(bool histograms = true)
{
    core::MeasureOptions options;
    options.layerStatistics = true;
    options.activations = core::HistogramSpec {-1.0, 3.0, histograms ? 40 : 0, false};
    options.backpropagated = core::HistogramSpec {-16.0, 0.0, histograms ? 32 : 0, true};
    return options;
}

enum class Statistics { None, WithoutHistograms, Full };

// A full-batch trainer (the only case where the step can reuse the statistics' gradient) after 10
// steps: workspaces allocated, caches warm. (More would cost seconds per run with sigmoid in
// double, for no change in what a measurement costs.)
std::unique_ptr<core::Trainer> statsTrainer(const StatsCase &c)
{
    core::setMaxThreads(c.threads);
    core::TrainingConfig config;
    config.network.hidden.assign(StatsLayers, StatsWidth);
    config.network.activation = c.activation;
    config.precision = c.precision;
    config.batchSize = 0;
    auto trainer = core::makeTrainer(config);
    trainer->train(10);
    return trainer;
}

// A diverged trainer no longer steps and measures garbage: its times would flatter.
bool skippedIfDiverged(benchmark::State &state, const core::Trainer &trainer)
{
    if (!trainer.diverged())
        return false;
    state.SkipWithError("training diverged");
    return true;
}

void measureOnce(const core::Trainer &trainer, const core::MeasureOptions *options)
{
    const core::Measurement m = options ? trainer.measure(*options) : trainer.measure();
    benchmark::DoNotOptimize(m.loss);
    benchmark::DoNotOptimize(m.layers.data());
}

// (a) and (b): measure() alone, without or with the statistics, on fixed parameters.
void measureAlone(benchmark::State &state, StatsCase c, Statistics statistics)
{
    const auto trainer = statsTrainer(c);
    const core::MeasureOptions options = statisticsOptions(statistics == Statistics::Full);
    for (auto _ : state)
        measureOnce(*trainer, statistics == Statistics::None ? nullptr : &options);
    if (skippedIfDiverged(state, *trainer))
        return;
    state.SetItemsProcessed(state.iterations());
}

// (c): what the lab does at each refresh while it trains, one step between measurements. Training
// runs on from iteration to iteration.
void labCycle(benchmark::State &state, StatsCase c, Statistics statistics)
{
    const auto trainer = statsTrainer(c);
    const core::MeasureOptions options = statisticsOptions(statistics == Statistics::Full);
    for (auto _ : state) {
        measureOnce(*trainer, statistics == Statistics::None ? nullptr : &options);
        benchmark::DoNotOptimize(trainer->train(1));
    }
    if (skippedIfDiverged(state, *trainer))
        return;
    state.SetItemsProcessed(state.iterations());
}

std::vector<StatsCase> statsCases()
{
    std::vector<StatsCase> cases;
    for (core::Activation activation : {core::Activation::Relu, core::Activation::Sigmoid})
        for (core::Precision precision : {core::Precision::Float, core::Precision::Double})
            for (int threads : {2, 1})
                cases.push_back({activation, precision, threads});
    return cases;
}

const char *const MeasurePlain = "statsOverhead/measure/";
const char *const MeasureStats = "statsOverhead/measure+stats/";
const char *const MeasureNoHist = "statsOverhead/measure+stats-nohist/";
const char *const CyclePlain = "statsOverhead/cycle/";
const char *const CycleStats = "statsOverhead/cycle+stats/";

void registerStatsBenchmarks()
{
    for (const StatsCase &c : statsCases()) {
        // A case's variants run back to back, so that a shared machine's slow phase hits them
        // alike.
        benchmark::RegisterBenchmark((MeasurePlain + c.name()).c_str(), measureAlone, c,
                                     Statistics::None)
                ->UseRealTime();
        benchmark::RegisterBenchmark((MeasureStats + c.name()).c_str(), measureAlone, c,
                                     Statistics::Full)
                ->UseRealTime();
        benchmark::RegisterBenchmark((MeasureNoHist + c.name()).c_str(), measureAlone, c,
                                     Statistics::WithoutHistograms)
                ->UseRealTime();
        benchmark::RegisterBenchmark((CyclePlain + c.name()).c_str(), labCycle, c, Statistics::None)
                ->UseRealTime();
        benchmark::RegisterBenchmark((CycleStats + c.name()).c_str(), labCycle, c, Statistics::Full)
                ->UseRealTime();
    }
}

// ---------------------------------------------------------------------------------------------
// Target 2: training's share of the FMA peak.

// Enough independent chains to keep every FMA pipe busy: a pipe takes a new FMA each cycle but
// its result comes 4 to 5 cycles later, so two pipes need at least 8 to 10 chains in flight. 12
// fit in the 16 registers of AVX2 with the two operands beside them.
constexpr int Accumulators = 12;
// Per benchmark iteration: 12 x 16,384 FMAs, tens of microseconds, so the timer's own cost is lost
// in it.
constexpr std::int64_t PeakRounds = std::int64_t {1} << 14;

// Each chain runs acc = acc * m + a with m just below 1: it settles near a / (1 - m) = 0.1, far
// from overflow and from subnormals (which would be slow). The chains start apart so that the
// compiler cannot merge them into one.
constexpr float PeakMultiplier = 0.99999f;
constexpr float PeakAddend = 1e-6f;

#ifdef RELULAB_BENCH_X86
__attribute__((target("avx512f"))) float fmaChainsAvx512(std::int64_t rounds, float m, float a)
{
    const __m512 mv = _mm512_set1_ps(m);
    const __m512 av = _mm512_set1_ps(a);
    __m512 acc[Accumulators];
    for (int k = 0; k < Accumulators; ++k)
        acc[k] = _mm512_set1_ps(0.01f * static_cast<float>(k));
    for (std::int64_t r = 0; r < rounds; ++r)
        for (int k = 0; k < Accumulators; ++k)
            acc[k] = _mm512_fmadd_ps(acc[k], mv, av);
    for (int k = 1; k < Accumulators; ++k)
        acc[0] = _mm512_add_ps(acc[0], acc[k]);
    // Not _mm512_reduce_add_ps: GCC 12 warns inside it (an undefined vector it starts from).
    alignas(64) float lanes[16];
    _mm512_store_ps(lanes, acc[0]);
    float sum = 0.0f;
    for (float x : lanes)
        sum += x;
    return sum;
}

__attribute__((target("avx2,fma"))) float fmaChainsAvx2(std::int64_t rounds, float m, float a)
{
    const __m256 mv = _mm256_set1_ps(m);
    const __m256 av = _mm256_set1_ps(a);
    __m256 acc[Accumulators];
    for (int k = 0; k < Accumulators; ++k)
        acc[k] = _mm256_set1_ps(0.01f * static_cast<float>(k));
    for (std::int64_t r = 0; r < rounds; ++r)
        for (int k = 0; k < Accumulators; ++k)
            acc[k] = _mm256_fmadd_ps(acc[k], mv, av);
    for (int k = 1; k < Accumulators; ++k)
        acc[0] = _mm256_add_ps(acc[0], acc[k]);
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, acc[0]);
    float sum = 0.0f;
    for (float x : lanes)
        sum += x;
    return sum;
}

// Without FMA the peak is a multiply and an add per lane, on SSE2 (every x86-64 has it).
float mulAddChainsSse2(std::int64_t rounds, float m, float a)
{
    const __m128 mv = _mm_set1_ps(m);
    const __m128 av = _mm_set1_ps(a);
    __m128 acc[Accumulators];
    for (int k = 0; k < Accumulators; ++k)
        acc[k] = _mm_set1_ps(0.01f * static_cast<float>(k));
    for (std::int64_t r = 0; r < rounds; ++r)
        for (int k = 0; k < Accumulators; ++k)
            acc[k] = _mm_add_ps(_mm_mul_ps(acc[k], mv), av);
    for (int k = 1; k < Accumulators; ++k)
        acc[0] = _mm_add_ps(acc[0], acc[k]);
    alignas(16) float lanes[4];
    _mm_store_ps(lanes, acc[0]);
    return lanes[0] + lanes[1] + lanes[2] + lanes[3];
}
#else
// Elsewhere: plain floats, which the compiler vectorises as far as the target allows (no FMA:
// ISO C++ does not contract a * b + c).
float mulAddChainsScalar(std::int64_t rounds, float m, float a)
{
    float acc[Accumulators];
    for (int k = 0; k < Accumulators; ++k)
        acc[k] = 0.01f * static_cast<float>(k);
    for (std::int64_t r = 0; r < rounds; ++r)
        for (int k = 0; k < Accumulators; ++k)
            acc[k] = acc[k] * m + a;
    float sum = 0.0f;
    for (float x : acc)
        sum += x;
    return sum;
}
#endif

struct PeakLoop
{
    const char *name;
    float (*chains)(std::int64_t rounds, float m, float a);
    int lanes;
};

// The loops this machine runs, widest first.
std::vector<PeakLoop> peakLoops()
{
    std::vector<PeakLoop> loops;
#ifdef RELULAB_BENCH_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
        loops.push_back({"avx512", fmaChainsAvx512, 16});
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        loops.push_back({"avx2", fmaChainsAvx2, 8});
    if (loops.empty())
        loops.push_back({"sse2_mul_add", mulAddChainsSse2, 4});
#else
    loops.push_back({"scalar_mul_add", mulAddChainsScalar, 1});
#endif
    return loops;
}

void fmaPeak(benchmark::State &state, PeakLoop loop)
{
    // Through DoNotOptimize the operands are unknown to the compiler: it cannot run the chains at
    // compile time.
    float m = PeakMultiplier;
    float a = PeakAddend;
    benchmark::DoNotOptimize(m);
    benchmark::DoNotOptimize(a);
    for (auto _ : state)
        benchmark::DoNotOptimize(loop.chains(PeakRounds, m, a));
    state.SetItemsProcessed(state.iterations());
    // 2 flops (multiply and add) per lane per FMA.
    const double flops = 2.0 * loop.lanes * Accumulators * static_cast<double>(PeakRounds);
    state.counters["FLOP/s"] = benchmark::Counter(flops, benchmark::Counter::kIsIterationInvariantRate,
                                                  benchmark::Counter::kIs1000);
}

constexpr int TrainLayers = 20;
constexpr int TrainWidth = 64;

// One SGD step, ReLU, full batch, float, one thread, at the best SIMD level. Counted work: per
// training point and weight, 6 flops, a multiply-add each in the forward pass, the weight
// gradient and the input gradient. Biases, activations, the loss and the update are left out, and
// so is the fact that the first layer's input gradient is never computed (128 of the 78,016
// weights): the count is the dense layers' work, what the FMA peak bounds.
void train20x64(benchmark::State &state)
{
    core::setMaxThreads(1);
    core::TrainingConfig config;
    config.network.hidden.assign(TrainLayers, TrainWidth);
    config.network.activation = core::Activation::Relu;
    config.precision = core::Precision::Float;
    config.batchSize = 0;
    const auto trainer = core::makeTrainer(config);
    double weights = 0.0;
    for (const core::LayerLayout &layer : core::layoutFor(config.network))
        weights += static_cast<double>(layer.in) * static_cast<double>(layer.out);
    const auto points = static_cast<double>(trainer->trainingSet().size());
    trainer->train(10); // workspaces allocated, caches warm
    for (auto _ : state)
        benchmark::DoNotOptimize(trainer->train(1));
    if (skippedIfDiverged(state, *trainer))
        return;
    state.SetItemsProcessed(state.iterations());
    state.counters["FLOP/s"] = benchmark::Counter(6.0 * points * weights,
                                                  benchmark::Counter::kIsIterationInvariantRate,
                                                  benchmark::Counter::kIs1000);
    state.SetLabel(std::string(core::simdLevelName(core::simdLevel())));
}

const char *const PeakPrefix = "fmaPeak/";
const char *const TrainName = "train20x64/float/threads:1";

void registerPeakBenchmarks()
{
    // The training and the peak loops back to back: the share compares two neighbouring runs.
    benchmark::RegisterBenchmark(TrainName, train20x64)->UseRealTime();
    for (const PeakLoop &loop : peakLoops())
        benchmark::RegisterBenchmark((PeakPrefix + std::string(loop.name)).c_str(), fmaPeak, loop)
                ->UseRealTime();
}

// ---------------------------------------------------------------------------------------------
// The summary: a display reporter passed through, remembering each benchmark's counters. With
// repetitions it keeps the median aggregate, so the summary's numbers are the table's medians.

class CountersKept final : public benchmark::BenchmarkReporter
{
public:
    explicit CountersKept(benchmark::BenchmarkReporter *display)
        : m_display(display)
    {
    }

    bool ReportContext(const Context &context) override { return m_display->ReportContext(context); }

    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &run : runs) {
            // A run skipped with an error has no counters; a single run of several repetitions
            // is not the median.
            const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
            const bool only = run.run_type == Run::RT_Iteration && run.repetitions <= 1;
            if ((median || only) && !run.counters.empty())
                m_counters[run.run_name.function_name] = run.counters;
        }
        m_display->ReportRuns(runs);
    }

    void Finalize() override { m_display->Finalize(); }

    std::optional<double> counter(const std::string &benchmark, const std::string &name) const
    {
        const auto run = m_counters.find(benchmark);
        if (run == m_counters.end())
            return std::nullopt;
        const auto value = run->second.find(name);
        if (value == run->second.end())
            return std::nullopt;
        return value->second.value;
    }

    // The median rate of items of `plain` over that of `withStats`, less 1: the time the
    // statistics add, as a fraction of the time without them.
    std::optional<double> overhead(const std::string &plain, const std::string &withStats) const
    {
        const auto a = counter(plain, "items_per_second");
        const auto b = counter(withStats, "items_per_second");
        if (!a || !b || *b <= 0.0)
            return std::nullopt;
        return *a / *b - 1.0;
    }

private:
    benchmark::BenchmarkReporter *m_display;
    std::map<std::string, benchmark::UserCounters> m_counters;
};

void printPercent(std::ostream &out, std::optional<double> fraction)
{
    if (fraction)
        out << std::showpos << std::setw(7) << 100.0 * *fraction << std::noshowpos << " %";
    else
        out << "      -  ";
}

void printSummary(std::ostream &out, const CountersKept &kept)
{
    out << std::fixed << std::setprecision(1);

    std::optional<double> peak;
    std::string peakLoop;
    for (const PeakLoop &loop : peakLoops()) {
        const auto rate = kept.counter(PeakPrefix + std::string(loop.name), "FLOP/s");
        if (rate && (!peak || *rate > *peak)) {
            peak = rate;
            peakLoop = loop.name;
        }
    }
    const auto training = kept.counter(TrainName, "FLOP/s");
    if (peak && training) {
        out << "\nFMA peak (one thread, " << peakLoop << ") " << *peak * 1e-9
            << " GFLOP/s, training 20 x 64 float full batch (one thread) " << *training * 1e-9
            << " GFLOP/s = " << 100.0 * *training / *peak << " % of peak (target >= 50 %)\n";
    }

    bool header = false;
    for (const StatsCase &c : statsCases()) {
        const auto measure = kept.overhead(MeasurePlain + c.name(), MeasureStats + c.name());
        const auto noHistograms = kept.overhead(MeasurePlain + c.name(), MeasureNoHist + c.name());
        const auto cycle = kept.overhead(CyclePlain + c.name(), CycleStats + c.name());
        if (!measure && !noHistograms && !cycle)
            continue;
        if (!header) {
            out << "\nLayer statistics' overhead (median time with / without - 1; target <= 15 %):\n"
                << "  case                        measure   lab cycle   (measure without histograms)\n";
            header = true;
        }
        out << "  " << std::left << std::setw(24) << c.name() << std::right << "  ";
        printPercent(out, measure);
        out << "  ";
        printPercent(out, cycle);
        out << "   ";
        printPercent(out, noHistograms);
        out << '\n';
    }
}

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    registerStatsBenchmarks();
    registerPeakBenchmarks();
    // The display reporter the library would use (it follows --benchmark_format and
    // --benchmark_color); the library keeps ownership.
    benchmark::BenchmarkReporter *display = benchmark::CreateDefaultDisplayReporter();
    CountersKept kept(display);
    benchmark::RunSpecifiedBenchmarks(&kept);
    // Beside a console table on stdout; JSON or CSV there stays parseable.
    const bool console = dynamic_cast<benchmark::ConsoleReporter *>(display) != nullptr;
    printSummary(console ? std::cout : std::cerr, kept);
    benchmark::Shutdown();
    return 0;
}
