#include "borndead.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include "layerkernels.h"
#include "network.h"
#include "parallel.h"
#include "simdlevels.h"

namespace relulab::core {

namespace {

// What one call of a layer kernel reads and writes (borndead_simd.h). x and y are unit-major blocks
// (row u at u * ld), w is out x in row-major, b has out entries, alive has a lane per sample.
struct BornDeadLayer
{
    const float *w = nullptr;
    const float *b = nullptr;
    int in = 0;
    int out = 0;
    const float *x = nullptr;
    std::size_t ldx = 0;
    float *y = nullptr;
    std::size_t ldy = 0;
    std::size_t vectors = 0;
    std::int32_t *alive = nullptr;
};

using BornDeadLayerFn = std::size_t (*)(const BornDeadLayer &);

// Widths up to this get kernels with the sizes fixed at compile time (the inputs of a sample in
// registers, the loops unrolled): the experiment's widths are 2 to 10.
constexpr int FixedWidths = 16;

struct BornDeadKernelSet
{
    std::size_t lanes = 1;
    BornDeadLayerFn generic = nullptr;
    // first[d - 1][width]: the first layer, fan-in d; hidden[width]: fan-in = width.
    std::array<std::array<BornDeadLayerFn, FixedWidths + 1>, BornDeadMaxInputDim> first {};
    std::array<BornDeadLayerFn, FixedWidths + 1> hidden {};

    BornDeadLayerFn firstLayer(int inputDim, int width) const
    {
        return width <= FixedWidths
                ? first[static_cast<std::size_t>(inputDim - 1)][static_cast<std::size_t>(width)]
                : generic;
    }
    BornDeadLayerFn hiddenLayer(int width) const
    {
        return width <= FixedWidths ? hidden[static_cast<std::size_t>(width)] : generic;
    }
};

} // namespace
} // namespace relulab::core

// The kernels once per SIMD level, each compiled for its level (as in layerkernels.cpp).
#define RELULAB_SIMD_KERNELS "borndead_simd.h"
#include "simdlevels.inc"

namespace relulab::core {

namespace {

// Every row of a block is padded to this many floats (64 bytes): whole vectors at every level.
constexpr std::size_t RowPad = 16;

constexpr std::size_t roundUp(std::size_t n, std::size_t multiple) noexcept
{
    return (n + multiple - 1) / multiple * multiple;
}

// One block of activations is at most this many floats (1 MB), so that the two a network
// alternates between stay in the caches of one core: samples beyond it are taken in tiles.
constexpr std::size_t BlockFloats = std::size_t {1} << 18;

const BornDeadKernelSet &kernelsFor(SimdLevel level)
{
#ifdef RELULAB_SIMD_LEVELS
    static const BornDeadKernelSet avx512Set = avx512::BornDeadKernels<64, 16>::set();
    static const BornDeadKernelSet avx2Set = avx2::BornDeadKernels<32, 8>::set();
    switch (level) {
    case SimdLevel::Avx512:
        return avx512Set;
    case SimdLevel::Avx2:
        return avx2Set;
    case SimdLevel::Baseline:
        break;
    }
#else
    (void)level;
#endif
    static const BornDeadKernelSet baselineSet = baseline::BornDeadKernels<16, 8>::set();
    return baselineSet;
}

struct InitNames
{
    BornDeadInit init;
    std::string_view cliName;
};
constexpr std::array<InitNames, BornDeadInitCount> InitTable {{
        {BornDeadInit::HeNormal, "he-normal"},
        {BornDeadInit::RandomizedAsymmetric, "rai"},
}};

struct BiasNames
{
    BornDeadBias bias;
    std::string_view cliName;
};
constexpr std::array<BiasNames, BornDeadBiasCount> BiasTable {{
        {BornDeadBias::Zero, "zero"},
        {BornDeadBias::Normal, "normal"},
}};

// ---- the ziggurat ------------------------------------------------------------------------------

// Marsaglia and Tsang (2000), 256 layers of equal area V under f(x) = exp(-x^2 / 2): layer 0 is
// the rectangle [0, R] x [0, f(R)] with the tail beyond R, given the width x_0 = V / f(R); layer
// i >= 1 is [0, x_i] x [f(x_i), f(x_(i+1))], x_(i+1) = f^-1(f(x_i) + V / x_i), and x_256 = 0.
constexpr double ZigguratR = 3.6541528853610088;
constexpr double ZigguratV = 4.92867323399e-3;

struct ZigguratTables
{
    std::array<double, 257> x {};
    std::array<double, 257> f {};
};

ZigguratTables makeZigguratTables()
{
    const auto pdf = [](double x) { return std::exp(-0.5 * x * x); };
    ZigguratTables t;
    t.x[0] = ZigguratV / pdf(ZigguratR);
    t.x[1] = ZigguratR;
    for (std::size_t i = 2; i < 256; ++i)
        t.x[i] = std::sqrt(-2.0 * std::log(ZigguratV / t.x[i - 1] + pdf(t.x[i - 1])));
    t.x[256] = 0.0;
    for (std::size_t i = 0; i < t.x.size(); ++i)
        t.f[i] = pdf(t.x[i]);
    return t;
}

const ZigguratTables &zigguratTables()
{
    static const ZigguratTables tables = makeZigguratTables();
    return tables;
}

double zigguratDraw(const ZigguratTables &t, SplitMix64 &g) noexcept
{
    for (;;) {
        const std::uint64_t bits = g.next();
        const std::size_t i = bits & 0xFF;
        // Bits 11 to 63: independent of the layer's bits 0 to 7.
        const double u = 2.0 * SplitMix64::toUnit(bits) - 1.0;
        const double x = u * t.x[i];
        if (std::abs(x) < t.x[i + 1])
            return x;
        if (i == 0) {
            // The tail beyond R (Marsaglia 1964): R + a, a = -ln(u1) / R, accepted when
            // -2 ln(u2) > a^2. 1 - uniform() is in (0, 1], so the logarithms are finite.
            double a = 0.0;
            double b = 0.0;
            do {
                a = -std::log(1.0 - g.uniform()) / ZigguratR;
                b = -std::log(1.0 - g.uniform());
            } while (2.0 * b <= a * a);
            return u < 0.0 ? -(ZigguratR + a) : ZigguratR + a;
        }
        // The wedge: y uniform in [f(x_i), f(x_(i+1))].
        if (t.f[i] + (t.f[i + 1] - t.f[i]) * g.uniform() < std::exp(-0.5 * x * x))
            return x;
    }
}

// ---- networks ----------------------------------------------------------------------------------

std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t tag, std::uint64_t word) noexcept
{
    return SplitMix64::mix(SplitMix64::mix(seed + tag) + word);
}

// The draws of one network, layer by layer, as float parameters (see borndead.h).
class NetworkDraw
{
public:
    NetworkDraw(const BornDeadConfig &config, std::uint64_t seed)
        : m_g(seed)
        , m_tables(zigguratTables())
        , m_init(config.init)
        , m_normalBias(config.bias == BornDeadBias::Normal)
    { }

    // The next layer: w (width x fanIn, row-major) and b (width).
    void next(int fanIn, int width, float *w, float *b)
    {
        const auto cols = static_cast<std::size_t>(fanIn);
        const auto normal = [this] { return zigguratDraw(m_tables, m_g); };
        if (m_init == BornDeadInit::RandomizedAsymmetric) {
            for (int o = 0; o < width; ++o) {
                double bias = 0.0;
                drawRandomizedAsymmetricUnit(m_g, normal, m_row.data(), fanIn, bias);
                for (std::size_t i = 0; i < cols; ++i)
                    w[static_cast<std::size_t>(o) * cols + i] = static_cast<float>(m_row[i]);
                b[o] = static_cast<float>(bias);
            }
            return;
        }
        const double scale = std::sqrt(2.0 / fanIn);
        for (int o = 0; o < width; ++o) {
            for (std::size_t i = 0; i < cols; ++i)
                w[static_cast<std::size_t>(o) * cols + i] = static_cast<float>(scale * normal());
            b[o] = m_normalBias ? static_cast<float>(scale * normal()) : 0.0f;
        }
    }

private:
    SplitMix64 m_g;
    const ZigguratTables &m_tables;
    BornDeadInit m_init;
    bool m_normalBias;
    std::array<double, BornDeadMaxWidth> m_row {}; // one RAI unit's weights
};

// What every network of a cell shares: the inputs, unit-major (row j: coordinate j of every
// sample, padded with copies of sample 0 to a whole number of rows of RowPad), and the kernels.
struct CellContext
{
    const BornDeadConfig *config = nullptr;
    int width = 0;
    int depth = 0;
    bool zeroBiases = false;
    std::size_t samples = 0;
    const float *inputs = nullptr;
    std::size_t ldInputs = 0;
    std::size_t tile = 0; // samples per tile, a multiple of RowPad
    const BornDeadKernelSet *kernels = nullptr;
    const std::atomic<bool> *cancel = nullptr;
};

// A thread's memory for one network at a time.
struct Scratch
{
    AlignedVector<float> a;
    AlignedVector<float> b;
    AlignedVector<std::int32_t> alive;
    std::vector<std::uint32_t> kept;
    std::vector<float> weights;
    std::vector<unsigned char> deadEverywhere;

    void prepare(const CellContext &c)
    {
        const std::size_t block = static_cast<std::size_t>(c.width) * c.tile;
        a.resize(block);
        b.resize(block);
        alive.resize(c.tile);
        kept.resize(c.tile);
        const auto width = static_cast<std::size_t>(c.width);
        weights.resize(width * std::max<std::size_t>(width, BornDeadMaxInputDim) + width);
        deadEverywhere.resize(static_cast<std::size_t>(c.depth) + 1);
    }
};

bool cancelled(const std::atomic<bool> *cancel) noexcept
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// Keeps the samples of a zero-bias block that are still alive (alive[s] != 0, s < active), in
// order, in every row, and pads the rows with copies of the new sample 0; returns how many are
// kept.
std::size_t dropDeadSamples(float *block, std::size_t ld, int rows, std::size_t active,
                            const std::int32_t *alive, std::uint32_t *kept)
{
    std::size_t n = 0;
    for (std::size_t s = 0; s < active; ++s) {
        kept[n] = static_cast<std::uint32_t>(s);
        n += alive[s] != 0 ? 1 : 0;
    }
    if (n == 0)
        return 0;
    const std::size_t padded = roundUp(n, RowPad);
    for (int r = 0; r < rows; ++r) {
        float *row = block + static_cast<std::size_t>(r) * ld;
        // kept[j] >= j, ascending: in place, front to back.
        for (std::size_t j = 0; j < n; ++j)
            row[j] = row[kept[j]];
        std::fill(row + n, row + padded, row[0]);
    }
    return n;
}

// Whether dropping the dead samples pays: it costs about a copy per sample and unit, and saves
// the dead samples' vectors in every remaining layer (width multiplies and adds per unit).
bool worthDropping(std::size_t deadLanes, std::size_t active, int width, int remainingLayers,
                   std::size_t lanes) noexcept
{
    return deadLanes >= lanes
            && deadLanes * static_cast<std::size_t>(width) * static_cast<std::size_t>(remainingLayers)
            >= 2 * lanes * active;
}

// One network, or nothing when cancelled. With one tile the network stops at its first layer
// zero at every sample; with several, each tile goes through the layers (zero biases: until its
// samples are all dead) and the layers zero in every tile are collected.
std::optional<BornDeadVerdict> evaluateNetwork(const CellContext &c, Scratch &s, std::uint64_t index)
{
    const BornDeadConfig &config = *c.config;
    const std::uint64_t seed = bornDeadNetworkSeed(config.seed, c.width, c.depth, index);
    const std::size_t tiles = (c.samples + c.tile - 1) / c.tile;
    const std::size_t lanes = c.kernels->lanes;
    const auto width = static_cast<std::size_t>(c.width);
    BornDeadVerdict verdict;
    std::fill(s.deadEverywhere.begin(), s.deadEverywhere.end(), 1);

    for (std::size_t t = 0; t < tiles; ++t) {
        NetworkDraw draw(config, seed);
        std::size_t active = std::min(c.tile, c.samples - t * c.tile);
        const float *x = c.inputs + t * c.tile;
        std::size_t ldx = c.ldInputs;
        int fanIn = config.inputDim;
        float *y = s.a.data();
        float *other = s.b.data();
        // The fixed input is sample 0 of tile 0, and stays lane 0 while it is alive.
        bool watchFixed = t == 0;
        for (int layer = 1; layer <= c.depth; ++layer) {
            if (cancelled(c.cancel))
                return std::nullopt;
            float *w = s.weights.data();
            float *b = w + width * static_cast<std::size_t>(fanIn);
            draw.next(fanIn, c.width, w, b);

            BornDeadLayer args;
            args.w = w;
            args.b = b;
            args.in = fanIn;
            args.out = c.width;
            args.x = x;
            args.ldx = ldx;
            args.y = y;
            args.ldy = c.tile;
            args.vectors = (active + lanes - 1) / lanes;
            args.alive = s.alive.data();
            const BornDeadLayerFn kernel = layer == 1 ? c.kernels->firstLayer(fanIn, c.width)
                                                      : c.kernels->hiddenLayer(c.width);
            const std::size_t aliveLanes = kernel(args);

            if (watchFixed && s.alive[0] == 0) {
                verdict.deadAtInput = true;
                watchFixed = false;
            }
            const bool zero = aliveLanes == 0;
            if (zero && tiles == 1) {
                verdict.bornDead = true;
                verdict.deadLayer = layer;
                return verdict;
            }
            if (!zero)
                s.deadEverywhere[static_cast<std::size_t>(layer)] = 0;
            // With zero biases this tile's samples stay zero in every later layer.
            if (zero && c.zeroBiases)
                break;
            const std::size_t deadLanes = args.vectors * lanes - aliveLanes;
            if (c.zeroBiases && worthDropping(deadLanes, active, c.width, c.depth - layer, lanes))
                active = dropDeadSamples(y, c.tile, c.width, active, s.alive.data(), s.kept.data());
            x = y;
            ldx = c.tile;
            fanIn = c.width;
            std::swap(y, other);
        }
    }
    for (int layer = 1; layer <= c.depth; ++layer) {
        if (s.deadEverywhere[static_cast<std::size_t>(layer)] != 0) {
            verdict.bornDead = true;
            verdict.deadLayer = layer;
            break;
        }
    }
    return verdict;
}

// The inputs of a run, unit-major and padded (CellContext).
struct InputBlock
{
    AlignedVector<float> data;
    std::size_t samples = 0;
    std::size_t ld = 0;
};

InputBlock makeInputBlock(const BornDeadConfig &config)
{
    const std::vector<float> points = bornDeadInputs(config);
    const auto d = static_cast<std::size_t>(config.inputDim);
    InputBlock block;
    block.samples = points.size() / d;
    block.ld = roundUp(block.samples, RowPad);
    block.data.resize(d * block.ld);
    for (std::size_t j = 0; j < d; ++j) {
        float *row = block.data.data() + j * block.ld;
        for (std::size_t s = 0; s < block.samples; ++s)
            row[s] = points[s * d + j];
        std::fill(row + block.samples, row + block.ld, row[0]);
    }
    return block;
}

CellContext makeContext(const BornDeadConfig &config, const InputBlock &inputs, int width,
                        int depth, const std::atomic<bool> *cancel)
{
    CellContext c;
    c.config = &config;
    c.width = width;
    c.depth = depth;
    c.zeroBiases = hasZeroBiases(config);
    c.samples = inputs.samples;
    c.inputs = inputs.data.data();
    c.ldInputs = inputs.ld;
    const std::size_t perBlock =
            std::max(RowPad, BlockFloats / static_cast<std::size_t>(width) / RowPad * RowPad);
    c.tile = std::min(perBlock, roundUp(inputs.samples, RowPad));
    c.kernels = &kernelsFor(simdLevel());
    c.cancel = cancel;
    return c;
}

// A cell's counts, added to by every thread that evaluates some of its networks.
struct alignas(64) CellCounts
{
    std::atomic<std::uint64_t> bornDead {0};
    std::atomic<std::uint64_t> deadAtInput {0};
    std::atomic<std::uint64_t> done {0};
};

// Runs the cells on the given inputs and calls progress (on the calling thread) for each finished
// cell in grid order; returns the finished cells.
//
// The networks of all cells form one queue of small batches, cell after cell, that the threads
// take from with an atomic counter: a thread that finishes early takes the next batch, even of the
// next cell, instead of waiting at the end of each cell for the slowest thread (networks differ
// widely in cost, and the machine may be shared). The counts are integers added atomically, so
// they are the same whichever thread evaluates which network. Thread 0 of the team is the calling
// thread: it reports each cell once all its networks are counted, between its own batches.
BornDeadResult runCells(const BornDeadConfig &config, const InputBlock &inputs,
                        const std::vector<std::pair<int, int>> &grid,
                        const BornDeadProgress &progress, const std::atomic<bool> *cancel)
{
    const int threads = std::max(1, maxThreads());
    const std::uint64_t networks = config.networks;
    // Batches short enough to balance the last ones between threads, long enough that taking one
    // costs nothing.
    const std::uint64_t batch =
            std::clamp<std::uint64_t>(networks / (16 * static_cast<std::uint64_t>(threads)), 1, 16);
    const std::uint64_t batchesPerCell = (networks + batch - 1) / batch;
    const std::uint64_t batches = batchesPerCell * grid.size();

    std::vector<CellContext> contexts;
    double work = 0.0;
    for (const auto &[width, depth] : grid) {
        contexts.push_back(makeContext(config, inputs, width, depth, cancel));
        work += static_cast<double>(networks) * static_cast<double>(inputs.samples) * width * width
                * depth;
    }
    std::vector<CellCounts> counts(grid.size());
    std::vector<Scratch> scratch(static_cast<std::size_t>(threads));
    std::atomic<std::uint64_t> next {0};
    std::atomic<bool> stopped {false};
    BornDeadResult result;

    const auto reportFinished = [&] {
        while (result.cells.size() < grid.size()) {
            const std::size_t c = result.cells.size();
            if (counts[c].done.load(std::memory_order_acquire) < networks)
                break;
            const auto [width, depth] = grid[c];
            result.cells.push_back(makeBornDeadCell(width, depth, networks, counts[c].bornDead.load(),
                                                    counts[c].deadAtInput.load()));
            if (progress)
                progress(result.cells.size(), grid.size(), result.cells.back());
        }
    };

    // A thread's share: batches until none is left or the run stops.
    const auto evaluateBatches = [&](int thread) {
        Scratch &memory = scratch[static_cast<std::size_t>(thread)];
        for (;;) {
            const std::uint64_t b = next.fetch_add(1, std::memory_order_relaxed);
            if (b >= batches || stopped.load(std::memory_order_relaxed))
                return;
            const std::size_t c = b / batchesPerCell;
            const std::uint64_t begin = b % batchesPerCell * batch;
            const std::uint64_t end = std::min(networks, begin + batch);
            memory.prepare(contexts[c]);
            std::uint64_t bornDead = 0;
            std::uint64_t deadAtInput = 0;
            for (std::uint64_t k = begin; k < end; ++k) {
                const std::optional<BornDeadVerdict> verdict = evaluateNetwork(contexts[c], memory, k);
                if (!verdict) {
                    stopped.store(true, std::memory_order_relaxed);
                    return;
                }
                bornDead += verdict->bornDead ? 1 : 0;
                deadAtInput += verdict->deadAtInput ? 1 : 0;
            }
            counts[c].bornDead.fetch_add(bornDead, std::memory_order_relaxed);
            counts[c].deadAtInput.fetch_add(deadAtInput, std::memory_order_relaxed);
            counts[c].done.fetch_add(end - begin, std::memory_order_release);
            if (thread == 0)
                reportFinished();
        }
    };

    // An exception (from allocating or from the progress callback) must not leave an OpenMP
    // region, which would end the program: the first one stops the run and is rethrown after it.
    std::mutex errorMutex;
    std::exception_ptr error;
    // A team only for work worth more than about a millisecond.
    const std::size_t threshold = work > 5e7 ? 0 : std::numeric_limits<std::size_t>::max();
    parallelForEachThread(static_cast<std::size_t>(threads), threshold,
                          [&](int thread, std::size_t, std::size_t) {
                              try {
                                  evaluateBatches(thread);
                              } catch (...) {
                                  stopped.store(true);
                                  const std::lock_guard lock(errorMutex);
                                  if (!error)
                                      error = std::current_exception();
                              }
                          });
    if (error)
        std::rethrow_exception(error);
    if (stopped.load() || cancelled(cancel)) {
        result.cancelled = true;
        return result;
    }
    reportFinished();
    return result;
}

// Sets the OpenMP team size of config.threads for the lifetime of the object.
class ThreadScope
{
public:
    explicit ThreadScope(int threads)
        : m_previous(maxThreads())
        , m_set(threads > 0)
    {
        if (m_set)
            setMaxThreads(threads);
    }
    ~ThreadScope()
    {
        if (m_set)
            setMaxThreads(m_previous);
    }
    ThreadScope(const ThreadScope &) = delete;
    ThreadScope &operator=(const ThreadScope &) = delete;

private:
    int m_previous;
    bool m_set;
};

std::optional<std::string> checkList(const char *name, const std::vector<int> &values, int min, int max)
{
    if (values.empty())
        return std::string(name) + ": none given";
    std::set<int> seen;
    for (int value : values) {
        if (value < min || value > max)
            return std::string(name) + ": " + std::to_string(value) + " is not between "
                    + std::to_string(min) + " and " + std::to_string(max);
        if (!seen.insert(value).second)
            return std::string(name) + ": " + std::to_string(value) + " is given twice";
    }
    return std::nullopt;
}

// The entry points' precondition, as an exception: a configuration that does not validate, or a
// cell outside the ranges, would otherwise divide by zero or allocate without bound.
void requireValid(const BornDeadConfig &config, std::optional<std::pair<int, int>> cell = {})
{
    if (std::optional<std::string> mistake = validate(config))
        throw std::invalid_argument("born-dead: " + *mistake);
    if (!cell)
        return;
    if (cell->first < BornDeadMinWidth || cell->first > BornDeadMaxWidth)
        throw std::invalid_argument("born-dead: width " + std::to_string(cell->first)
                                    + " is not between 1 and 128");
    if (cell->second < BornDeadMinDepth || cell->second > BornDeadMaxDepth)
        throw std::invalid_argument("born-dead: depth " + std::to_string(cell->second)
                                    + " is not between 1 and 1000");
}

} // namespace

std::optional<std::string> validate(const BornDeadConfig &config)
{
    if (auto message = checkList("widths", config.widths, BornDeadMinWidth, BornDeadMaxWidth))
        return message;
    if (auto message = checkList("depths", config.depths, BornDeadMinDepth, BornDeadMaxDepth))
        return message;
    if (config.networks < 1 || config.networks > BornDeadMaxNetworks)
        return "networks: " + std::to_string(config.networks) + " is not between 1 and "
                + std::to_string(BornDeadMaxNetworks);
    if (config.inputs > BornDeadMaxInputs)
        return "inputs: " + std::to_string(config.inputs) + " is not between 0 and "
                + std::to_string(BornDeadMaxInputs);
    if (config.inputDim < 1 || config.inputDim > BornDeadMaxInputDim)
        return "input dimension: " + std::to_string(config.inputDim) + " is neither 1 nor 2";
    if (static_cast<int>(config.init) < 0 || static_cast<int>(config.init) >= BornDeadInitCount)
        return std::string("init: unknown initialization");
    if (static_cast<int>(config.bias) < 0 || static_cast<int>(config.bias) >= BornDeadBiasCount)
        return std::string("bias: unknown kind");
    if (config.threads < 0)
        return "threads: " + std::to_string(config.threads) + " is negative";
    return std::nullopt;
}

bool hasZeroBiases(const BornDeadConfig &config) noexcept
{
    return config.init == BornDeadInit::HeNormal && config.bias == BornDeadBias::Zero;
}

std::size_t bornDeadSampleCount(const BornDeadConfig &config) noexcept
{
    return static_cast<std::size_t>(config.inputs) + (std::size_t {1} << config.inputDim);
}

ProportionInterval wilsonInterval(std::uint64_t successes, std::uint64_t trials, double z) noexcept
{
    if (trials == 0)
        return {0.0, 1.0};
    const double n = static_cast<double>(trials);
    const double p = static_cast<double>(successes) / n;
    const double z2 = z * z;
    const double denominator = 1.0 + z2 / n;
    const double centre = (p + z2 / (2.0 * n)) / denominator;
    const double half = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
    ProportionInterval interval {std::max(0.0, centre - half), std::min(1.0, centre + half)};
    if (successes == 0)
        interval.low = 0.0;
    if (successes >= trials)
        interval.high = 1.0;
    return interval;
}

double deadAtInputOracle(int width, int depth) noexcept
{
    // -expm1(L log1p(-2^-N)): no cancellation for wide layers, where 2^-N is tiny.
    return -std::expm1(depth * std::log1p(-std::ldexp(1.0, -width)));
}

BornDeadCell makeBornDeadCell(int width, int depth, std::uint64_t networks, std::uint64_t bornDead,
                              std::uint64_t deadAtInput) noexcept
{
    BornDeadCell cell;
    cell.width = width;
    cell.depth = depth;
    cell.networks = networks;
    cell.bornDead = bornDead;
    cell.deadAtInput = deadAtInput;
    const double n = networks > 0 ? static_cast<double>(networks) : 1.0;
    cell.p = static_cast<double>(bornDead) / n;
    cell.interval = wilsonInterval(bornDead, networks);
    cell.deadAtInputFraction = static_cast<double>(deadAtInput) / n;
    cell.deadAtInputInterval = wilsonInterval(deadAtInput, networks);
    cell.oracle = deadAtInputOracle(width, depth);
    return cell;
}

BornDeadResult runBornDead(const BornDeadConfig &config, const BornDeadProgress &progress,
                           const std::atomic<bool> *cancel)
{
    requireValid(config);
    const ThreadScope threads(config.threads);
    std::vector<std::pair<int, int>> grid;
    for (int width : config.widths) {
        for (int depth : config.depths)
            grid.emplace_back(width, depth);
    }
    return runCells(config, makeInputBlock(config), grid, progress, cancel);
}

std::optional<BornDeadCell> simulateBornDeadCell(const BornDeadConfig &config, int width, int depth,
                                                 const std::atomic<bool> *cancel)
{
    requireValid(config, std::pair {width, depth});
    const ThreadScope threads(config.threads);
    BornDeadResult result = runCells(config, makeInputBlock(config), {{width, depth}}, {}, cancel);
    if (result.cancelled)
        return std::nullopt;
    return result.cells.front();
}

BornDeadVerdict simulateBornDeadNetwork(const BornDeadConfig &config, int width, int depth,
                                        std::uint64_t index)
{
    requireValid(config, std::pair {width, depth});
    const InputBlock inputs = makeInputBlock(config);
    const CellContext context = makeContext(config, inputs, width, depth, nullptr);
    Scratch scratch;
    scratch.prepare(context);
    return *evaluateNetwork(context, scratch, index);
}

std::uint64_t bornDeadNetworkSeed(std::uint64_t seed, int width, int depth, std::uint64_t index) noexcept
{
    std::uint64_t h = SplitMix64::mix(seed + BornDeadNetworkTag);
    h = SplitMix64::mix(h + static_cast<std::uint64_t>(width));
    h = SplitMix64::mix(h + static_cast<std::uint64_t>(depth));
    return SplitMix64::mix(h + index);
}

std::vector<float> bornDeadInputs(const BornDeadConfig &config)
{
    requireValid(config);
    const auto d = static_cast<std::size_t>(config.inputDim);
    const std::size_t corners = std::size_t {1} << d;
    std::vector<float> points(bornDeadSampleCount(config) * d);
    for (std::size_t k = 0; k < corners; ++k) {
        for (std::size_t j = 0; j < d; ++j)
            points[k * d + j] = (k >> j & 1) != 0 ? -1.0f : 1.0f;
    }
    for (std::size_t j = 0; j < d; ++j) {
        const std::uint64_t stream = streamSeed(config.seed, BornDeadInputTag, j);
        for (std::uint64_t i = 0; i < config.inputs; ++i) {
            const double u = SplitMix64::toUnit(SplitMix64::outputAt(stream, i + 1));
            points[(corners + i) * d + j] = static_cast<float>(2.0 * u - 1.0);
        }
    }
    return points;
}

std::vector<float> bornDeadParameters(const BornDeadConfig &config, int width, int depth,
                                      std::uint64_t index)
{
    requireValid(config, std::pair {width, depth});
    NetworkDraw draw(config, bornDeadNetworkSeed(config.seed, width, depth, index));
    const auto n = static_cast<std::size_t>(width);
    std::vector<float> parameters;
    int fanIn = config.inputDim;
    for (int layer = 0; layer < depth; ++layer) {
        const std::size_t offset = parameters.size();
        parameters.resize(offset + n * static_cast<std::size_t>(fanIn) + n);
        float *w = parameters.data() + offset;
        draw.next(fanIn, width, w, w + n * static_cast<std::size_t>(fanIn));
        fanIn = width;
    }
    return parameters;
}

double zigguratNormal(SplitMix64 &g) noexcept
{
    return zigguratDraw(zigguratTables(), g);
}

std::string_view bornDeadInitCliName(BornDeadInit init) noexcept
{
    return InitTable[static_cast<std::size_t>(init)].cliName;
}

std::optional<BornDeadInit> bornDeadInitFromCliName(std::string_view name) noexcept
{
    for (const InitNames &entry : InitTable) {
        if (entry.cliName == name)
            return entry.init;
    }
    return std::nullopt;
}

std::string_view bornDeadBiasCliName(BornDeadBias bias) noexcept
{
    return BiasTable[static_cast<std::size_t>(bias)].cliName;
}

std::optional<BornDeadBias> bornDeadBiasFromCliName(std::string_view name) noexcept
{
    for (const BiasNames &entry : BiasTable) {
        if (entry.cliName == name)
            return entry.bias;
    }
    return std::nullopt;
}

} // namespace relulab::core
