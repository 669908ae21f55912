#include "trainer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include "layerkernels.h"
#include "layerstatistics.h"
#include "parallel.h"
#include "splitmix64.h"

namespace relulab::core {

namespace {

struct OptimizerNames
{
    OptimizerKind kind;
    std::string_view cliName;
    std::string_view displayName;
};

constexpr std::array<OptimizerNames, OptimizerCount> OptimizerTable {{
        {OptimizerKind::Sgd, "sgd", "SGD"},
        {OptimizerKind::Momentum, "momentum", "SGD with momentum"},
        {OptimizerKind::Adam, "adam", "Adam"},
}};

// Samples per block. A batch is cut into blocks of this size whatever the number of threads.
constexpr std::size_t BlockSize = 256;
// The blocks of a pass are cut into at most this many contiguous groups, again whatever the number
// of threads: a group's blocks are added in order into the group's gradient, the groups in order
// into the total. So the same run gives the same numbers on one thread or two, and a pass needs
// this many gradient buffers however large the data set (with up to this many blocks, one block
// per group).
constexpr std::size_t MaxBlockGroups = 16;

// The groups of `blocks` blocks: group g holds blocks [first(g), first(g + 1)).
struct BlockGroups
{
    std::size_t blocks = 0;
    std::size_t groups = 0;

    explicit BlockGroups(std::size_t samples)
        : blocks((samples + BlockSize - 1) / BlockSize)
        , groups(std::min(blocks, MaxBlockGroups))
    {
    }
    std::size_t first(std::size_t group) const noexcept { return group * blocks / groups; }
};

// One sample block in sample-major layout: row s holds every unit of sample s, rows ld apart (ld
// padded to whole SIMD vectors, see layerkernels.h).
template<class T>
struct Workspace
{
    std::size_t inputLd = 0;
    AlignedVector<T> input; // BlockSize x inputLd
    std::vector<T> label; // BlockSize
    std::vector<std::size_t> ld; // per layer: the row stride of its buffers
    std::vector<AlignedVector<T>> pre; // per layer: BlockSize x ld pre-activations
    std::vector<AlignedVector<T>> post; // per hidden layer: BlockSize x ld activations
    std::vector<AlignedVector<T>> slope; // per hidden layer, RReLU training: drawn slopes
    std::vector<AlignedVector<T>> gradient; // per layer: BlockSize x ld, dLoss/d(pre)
    AlignedVector<T> alphaGradient; // PReLU: per unit of one layer
    std::vector<T> blockGradient; // a block's gradient, when its group has more than one block
};

// Per-group results of the measurement pass.
struct BlockCounts
{
    std::vector<std::uint32_t> active; // per hidden unit (all layers, in order)
    std::vector<std::uint32_t> withGradient; // per hidden unit
    double loss = 0.0;
    std::size_t correct = 0;
    double minLogit = std::numeric_limits<double>::infinity();
    double maxLogit = -std::numeric_limits<double>::infinity();
    bool finite = true;
    std::vector<LayerAccumulator> layers; // layer statistics, per hidden layer
};

template<class T>
bool allFinite(std::span<const T> values)
{
    // inf - inf or any nan makes a sum nan. Eight independent sums, so that the loop vectorises
    // (one running sum would wait on each addition).
    constexpr std::size_t Ways = 8;
    std::array<T, Ways> sum {};
    const std::size_t n = values.size();
    std::size_t k = 0;
    for (; k + Ways <= n; k += Ways) {
        for (std::size_t j = 0; j < Ways; ++j)
            sum[j] += values[k + j] * T(0);
    }
    for (; k < n; ++k)
        sum[0] += values[k] * T(0);
    T total = 0;
    for (T s : sum)
        total += s;
    return total == T(0);
}

// The piecewise-linear activations, whose f and f' the dense kernels apply themselves.
bool isRectifier(Activation kind) noexcept
{
    return kind == Activation::Relu || kind == Activation::LeakyRelu || kind == Activation::Prelu
            || kind == Activation::Rrelu;
}

template<class T>
class TrainerImpl final : public Trainer
{
public:
    TrainerImpl(const TrainingConfig &config, Dataset training, Dataset test);

    const TrainingConfig &config() const noexcept override { return m_config; }
    const std::vector<LayerLayout> &layout() const noexcept override { return m_layout; }
    const Dataset &trainingSet() const noexcept override { return m_train; }
    const Dataset &testSet() const noexcept override { return m_test; }
    std::uint64_t stepsDone() const noexcept override { return m_step; }
    bool diverged() const noexcept override { return m_diverged; }
    bool nextStepReusesMeasurement() const noexcept override { return m_gradientFresh; }
    std::uint64_t train(std::uint64_t steps) override;
    void adjust(const TrainingConfig &config) override;
    using Trainer::measure;
    Measurement measure(const MeasureOptions &options) const override;
    void predict(std::span<const double> points, std::span<float> logits) const override;
    std::vector<double> parameters() const override;
    void setParameters(std::span<const double> parameters) override;
    double lossAndGradient(std::vector<double> &gradient) const override;

private:
    struct Rows
    {
        std::vector<T> x; // inputs x n, unit-major
        std::vector<T> y; // n
        std::size_t n = 0;
    };

    static Rows toRows(const Dataset &data);
    Workspace<T> makeWorkspace() const;
    // One workspace per thread that a parallel region may use (the thread count can change).
    void ensureWorkspaces() const;
    // Loads samples indices[0..count) (or first..first+count when indices is null) into ws.
    void gather(const Rows &rows, const std::uint32_t *indices, std::size_t first,
                std::size_t count, Workspace<T> &ws) const;
    // Forward pass of one block. `training`: RReLU draws its slopes for (step, batch positions
    // starting at `position` in a batch of `batchSize`).
    void forward(Workspace<T> &ws, std::size_t count, bool training, std::size_t position,
                 std::size_t batchSize) const;
    // Loss sum of the block, and the gradient of (sum of losses) * scale added into `grad`.
    T backward(Workspace<T> &ws, std::size_t count, T scale, bool training, T *grad) const;
    // One pass over a batch given by indices (or contiguous first..), filling m_gradient with the
    // gradient of the mean loss; returns the mean loss. perBlock(ws, group, offset, size) is
    // called after each block's forward and backward pass, with the block still in ws.
    template<class PerBlock>
    T gradientPass(const Rows &rows, const std::uint32_t *indices, std::size_t first,
                   std::size_t count, bool training, PerBlock &&perBlock) const;
    T batchGradient(const Rows &rows, const std::uint32_t *indices, std::size_t first,
                    std::size_t count, bool training) const
    {
        return gradientPass(rows, indices, first, count, training,
                            [](const Workspace<T> &, std::size_t, std::size_t, std::size_t) {});
    }
    // A forward pass (evaluation mode) over rows: perBlock(ws, group, offset, size) after each block.
    template<class PerBlock>
    void forwardPass(const Rows &rows, PerBlock &&perBlock) const;
    // The statistics of one block of the measurement pass into `into` (MeasureOptions).
    void accumulateStatistics(const Workspace<T> &ws, std::size_t size, std::size_t points,
                              const std::array<Binner, 3> &binners,
                              std::vector<LayerAccumulator> &into) const;
    // The gradient the optimiser uses: m_gradient with the weight penalties added.
    const T *penalisedGradient();
    void nextBatch(const std::uint32_t *&indices, std::size_t &first, std::size_t &count);
    void applyUpdate();
    HiddenActivation<T> hiddenActivation(bool training) const;
    // Packs the current parameters for the kernels: once per pass over a batch, before the blocks.
    void prepareKernels() const;
    // The fused activation of hidden layer `layer` (for isRectifier kinds).
    Rectifier<T> rectifierOf(std::size_t layer, bool training, const Workspace<T> &ws) const;

    TrainingConfig m_config;
    std::vector<LayerLayout> m_layout;
    Dataset m_train;
    Dataset m_test;
    Rows m_trainRows;
    Rows m_testRows;
    std::vector<T> m_params;
    std::vector<T> m_velocity; // momentum buffer, or Adam's first moment
    std::vector<T> m_second; // Adam's second moment
    mutable std::vector<T> m_gradient;
    std::vector<T> m_penalised; // m_gradient + the weight penalties
    mutable std::vector<std::vector<T>> m_groupGradients;
    // measure() with layer statistics left m_gradient and m_freshLoss as the next training step
    // would compute them (full batch, same parameters, no random slopes): the step reuses them.
    mutable bool m_gradientFresh = false;
    mutable T m_freshLoss = T(0);
    mutable std::vector<Workspace<T>> m_workspaces; // one per thread
    // The kernels' view of the current parameters (prepareKernels): packed weights per layer, and
    // per hidden layer the negative-side slope of each unit (Leaky ReLU, PReLU, RReLU evaluation).
    mutable std::vector<PackedDense<T>> m_packed;
    mutable std::vector<AlignedVector<T>> m_unitSlopes;
    mutable std::vector<T> m_blockLoss;
    std::uint64_t m_step = 0;
    bool m_diverged = false;
    // Mini-batches.
    SplitMix64 m_shuffle;
    std::vector<std::uint32_t> m_order;
    std::size_t m_nextBatch = 0;
    std::size_t m_batchSize = 0; // config().batchSize, with 0 (full batch) resolved
    std::size_t m_batchesPerEpoch = 0;
};

template<class T>
TrainerImpl<T>::TrainerImpl(const TrainingConfig &config, Dataset training, Dataset test)
    : m_config(config)
    , m_layout(layoutFor(config.network))
    , m_train(std::move(training))
    , m_test(std::move(test))
    , m_trainRows(toRows(m_train))
    , m_testRows(toRows(m_test))
    , m_shuffle(config.shuffleSeed)
{
    const std::vector<double> initial = initialParameters(config.network);
    m_params.assign(initial.begin(), initial.end());
    m_velocity.assign(m_params.size(), T(0));
    m_second.assign(m_params.size(), T(0));
    m_gradient.assign(m_params.size(), T(0));
    const std::size_t n = m_trainRows.n;
    const std::size_t batch = m_config.batchSize == 0 ? n : std::min(m_config.batchSize, n);
    m_batchSize = batch;
    m_batchesPerEpoch = (n + batch - 1) / batch;
    m_order.resize(n);
    std::iota(m_order.begin(), m_order.end(), 0u);
    m_groupGradients.assign(BlockGroups(std::max(batch, n)).groups,
                            std::vector<T>(m_params.size(), T(0)));
    ensureWorkspaces();
}

template<class T>
typename TrainerImpl<T>::Rows TrainerImpl<T>::toRows(const Dataset &data)
{
    Rows rows;
    rows.n = data.size();
    rows.x.resize(2 * rows.n);
    rows.y.resize(rows.n);
    for (std::size_t k = 0; k < rows.n; ++k) {
        rows.x[k] = static_cast<T>(data.x0(k));
        rows.x[rows.n + k] = static_cast<T>(data.x1(k));
        rows.y[k] = static_cast<T>(data.label[k]);
    }
    return rows;
}

template<class T>
Workspace<T> TrainerImpl<T>::makeWorkspace() const
{
    Workspace<T> ws;
    ws.inputLd = paddedWidth<T>(static_cast<std::size_t>(m_config.network.inputs));
    ws.input.assign(ws.inputLd * BlockSize, T(0));
    ws.label.assign(BlockSize, T(0));
    std::size_t widest = 1;
    for (const LayerLayout &l : m_layout) {
        const std::size_t ld = paddedWidth<T>(static_cast<std::size_t>(l.out));
        const std::size_t size = ld * BlockSize;
        ws.ld.push_back(ld);
        ws.pre.emplace_back(size, T(0));
        ws.gradient.emplace_back(size, T(0));
        ws.post.emplace_back(size, T(0));
        ws.slope.emplace_back(m_config.network.activation == Activation::Rrelu ? size : 0, T(0));
        widest = std::max(widest, ld);
    }
    ws.alphaGradient.assign(widest, T(0));
    return ws;
}

template<class T>
void TrainerImpl<T>::ensureWorkspaces() const
{
    const auto threads = static_cast<std::size_t>(std::max(1, maxThreads()));
    while (m_workspaces.size() < threads)
        m_workspaces.push_back(makeWorkspace());
}

template<class T>
HiddenActivation<T> TrainerImpl<T>::hiddenActivation(bool training) const
{
    const ActivationParams &p = m_config.network.params;
    HiddenActivation<T> h;
    h.kind = m_config.network.activation;
    h.leakySlope = static_cast<T>(p.leakySlope);
    h.eluAlpha = static_cast<T>(p.eluAlpha);
    h.rreluEvaluationSlope = static_cast<T>(rreluEvaluationSlope(p.rreluLower, p.rreluUpper));
    h.rreluTraining = training && h.kind == Activation::Rrelu;
    return h;
}

template<class T>
void TrainerImpl<T>::prepareKernels() const
{
    m_packed.resize(m_layout.size());
    m_unitSlopes.resize(m_layout.size());
    const HiddenActivation<T> h = hiddenActivation(false);
    for (std::size_t l = 0; l < m_layout.size(); ++l) {
        const LayerLayout &layer = m_layout[l];
        m_packed[l].pack(m_params.data() + layer.weight, m_params.data() + layer.bias, layer.out,
                         layer.in);
        const auto units = static_cast<std::size_t>(layer.out);
        AlignedVector<T> &slopes = m_unitSlopes[l];
        slopes.assign(paddedWidth<T>(units), T(0));
        if (l + 1 == m_layout.size())
            continue;
        switch (h.kind) {
        case Activation::LeakyRelu:
            std::fill(slopes.begin(), slopes.begin() + static_cast<std::ptrdiff_t>(units), h.leakySlope);
            break;
        case Activation::Rrelu:
            std::fill(slopes.begin(), slopes.begin() + static_cast<std::ptrdiff_t>(units),
                      h.rreluEvaluationSlope);
            break;
        case Activation::Prelu:
            for (std::size_t u = 0; u < units; ++u)
                slopes[u] = layer.alphaCount == 0
                        ? T(0)
                        : m_params[layer.alpha + (layer.alphaCount == 1 ? 0 : u)];
            break;
        default:
            break;
        }
    }
}

template<class T>
Rectifier<T> TrainerImpl<T>::rectifierOf(std::size_t layer, bool training, const Workspace<T> &ws) const
{
    Rectifier<T> f;
    switch (m_config.network.activation) {
    case Activation::Relu:
        f.kind = Rectifier<T>::Kind::Relu;
        break;
    case Activation::LeakyRelu:
    case Activation::Prelu:
        f.kind = Rectifier<T>::Kind::Leaky;
        f.slope = m_unitSlopes[layer].data();
        break;
    case Activation::Rrelu:
        f.kind = Rectifier<T>::Kind::Rrelu;
        f.slope = m_unitSlopes[layer].data();
        f.drawn = training ? ws.slope[layer].data() : nullptr;
        break;
    default:
        break;
    }
    return f;
}

template<class T>
void TrainerImpl<T>::gather(const Rows &rows, const std::uint32_t *indices, std::size_t first,
                            std::size_t count, Workspace<T> &ws) const
{
    const auto inputs = static_cast<std::size_t>(m_config.network.inputs);
    const std::size_t ld = ws.inputLd;
    for (std::size_t i = 0; i < inputs; ++i) {
        const T *source = rows.x.data() + i * rows.n;
        T *target = ws.input.data() + i;
        if (indices) {
            for (std::size_t s = 0; s < count; ++s)
                target[s * ld] = source[indices[s]];
        } else {
            for (std::size_t s = 0; s < count; ++s)
                target[s * ld] = source[first + s];
        }
    }
    if (indices) {
        for (std::size_t s = 0; s < count; ++s)
            ws.label[s] = rows.y[indices[s]];
    } else {
        std::copy(rows.y.data() + first, rows.y.data() + first + count, ws.label.data());
    }
}

template<class T>
void TrainerImpl<T>::forward(Workspace<T> &ws, std::size_t count, bool training,
                             std::size_t position, std::size_t batchSize) const
{
    const HiddenActivation<T> h = hiddenActivation(training);
    const ActivationParams &p = m_config.network.params;
    const T *input = ws.input.data();
    std::size_t ldInput = ws.inputLd;
    for (std::size_t l = 0; l < m_layout.size(); ++l) {
        const LayerLayout &layer = m_layout[l];
        const DenseWeights<T> &w = m_packed[l].weights();
        const std::size_t ld = ws.ld[l];
        T *pre = ws.pre[l].data();
        if (l + 1 == m_layout.size()) {
            denseForward(w, input, ldInput, pre, static_cast<T *>(nullptr), ld, count);
            break;
        }
        T *post = ws.post[l].data();
        if (isRectifier(h.kind)) {
            if (h.rreluTraining) {
                // Element (u, position + s) of this step's draws for this layer.
                rreluDraws(rreluStream(m_config.rreluSeed, m_step, static_cast<int>(l)),
                           static_cast<std::uint64_t>(batchSize), static_cast<std::uint64_t>(position),
                           layer.out, count, p.rreluLower, p.rreluUpper, ws.slope[l].data(), ld);
            }
            const Rectifier<T> f = rectifierOf(l, training, ws);
            denseForward(w, input, ldInput, pre, post, ld, count, &f);
        } else {
            denseForward(w, input, ldInput, pre, static_cast<T *>(nullptr), ld, count);
            activateElements(h, T(0), pre, post, count * ld);
        }
        input = post;
        ldInput = ld;
    }
}

template<class T>
T TrainerImpl<T>::backward(Workspace<T> &ws, std::size_t count, T scale, bool training, T *grad) const
{
    const HiddenActivation<T> h = hiddenActivation(training);
    const std::size_t last = m_layout.size() - 1;
    // Output: loss = max(z, 0) - z y + log(1 + exp(-|z|)); dloss/dz = sigmoid(z) - y.
    const T lossSum = outputLossAndGradient(ws.pre[last].data(), ws.ld[last], ws.label.data(),
                                            ws.gradient[last].data(), ws.ld[last], count, scale);
    // Every entry of grad is written once (weights, biases, alphas): it needs no zeroing.
    for (std::size_t l = last + 1; l-- > 0;) {
        const LayerLayout &layer = m_layout[l];
        const T *input = l == 0 ? ws.input.data() : ws.post[l - 1].data();
        const std::size_t ldInput = l == 0 ? ws.inputLd : ws.ld[l - 1];
        const T *gradient = ws.gradient[l].data();
        denseWeightGradient(gradient, ws.ld[l], input, ldInput, layer.out, layer.in, count,
                            grad + layer.weight, grad + layer.bias);
        if (l == 0)
            break;
        // dLoss/d(post of layer l - 1), through the activation to its pre-activation.
        const LayerLayout &below = m_layout[l - 1];
        const std::size_t ldBelow = ws.ld[l - 1];
        const T *pre = ws.pre[l - 1].data();
        T *belowGradient = ws.gradient[l - 1].data();
        if (isRectifier(h.kind)) {
            const Rectifier<T> f = rectifierOf(l - 1, training, ws);
            T *alphaGradient = nullptr;
            if (below.alphaCount > 0) {
                alphaGradient = ws.alphaGradient.data();
                std::fill(ws.alphaGradient.begin(), ws.alphaGradient.end(), T(0));
            }
            denseInputGradient(m_packed[l].weights(), gradient, ws.ld[l], belowGradient, ldBelow,
                               count, &f, pre, alphaGradient);
            if (below.alphaCount == 1) {
                T sum = 0;
                for (int u = 0; u < below.out; ++u)
                    sum += alphaGradient[u];
                grad[below.alpha] = sum;
            } else if (below.alphaCount > 1) {
                std::copy(alphaGradient, alphaGradient + below.alphaCount, grad + below.alpha);
            }
        } else {
            denseInputGradient(m_packed[l].weights(), gradient, ws.ld[l], belowGradient, ldBelow, count);
            backpropagateThroughOutputs(h, pre, ws.post[l - 1].data(), belowGradient, belowGradient,
                                        count * ldBelow);
        }
    }
    return lossSum;
}

template<class T>
template<class PerBlock>
T TrainerImpl<T>::gradientPass(const Rows &rows, const std::uint32_t *indices, std::size_t first,
                               std::size_t count, bool training, PerBlock &&perBlock) const
{
    const BlockGroups cut(count);
    m_blockLoss.assign(cut.groups, T(0));
    const T scale = T(1) / static_cast<T>(count);
    ensureWorkspaces();
    prepareKernels();
    // Groups are independent: one per thread at a time, each into its own gradient buffer (a
    // single group straight into m_gradient).
    parallelForEachThread(cut.groups, 1, [&](int thread, std::size_t begin, std::size_t end) {
        Workspace<T> &ws = m_workspaces[static_cast<std::size_t>(thread)];
        for (std::size_t g = begin; g < end; ++g) {
            T *total = cut.groups == 1 ? m_gradient.data() : m_groupGradients[g].data();
            T lossSum = 0;
            for (std::size_t b = cut.first(g); b < cut.first(g + 1); ++b) {
                const std::size_t offset = b * BlockSize;
                const std::size_t size = std::min(BlockSize, count - offset);
                gather(rows, indices ? indices + offset : nullptr, first + offset, size, ws);
                forward(ws, size, training, offset, count);
                if (b == cut.first(g)) {
                    lossSum += backward(ws, size, scale, training, total);
                } else {
                    ws.blockGradient.resize(m_params.size());
                    lossSum += backward(ws, size, scale, training, ws.blockGradient.data());
                    for (std::size_t k = 0; k < m_params.size(); ++k)
                        total[k] += ws.blockGradient[k];
                }
                perBlock(std::as_const(ws), g, offset, size);
            }
            m_blockLoss[g] = lossSum;
        }
    });
    if (cut.groups > 1) {
        std::fill(m_gradient.begin(), m_gradient.end(), T(0));
        for (std::size_t g = 0; g < cut.groups; ++g) {
            const T *grad = m_groupGradients[g].data();
            for (std::size_t k = 0; k < m_gradient.size(); ++k)
                m_gradient[k] += grad[k];
        }
    }
    T lossSum = 0;
    for (std::size_t g = 0; g < cut.groups; ++g)
        lossSum += m_blockLoss[g];
    return lossSum * scale;
}

template<class T>
template<class PerBlock>
void TrainerImpl<T>::forwardPass(const Rows &rows, PerBlock &&perBlock) const
{
    const BlockGroups cut(rows.n);
    parallelForEachThread(cut.groups, 1, [&](int thread, std::size_t begin, std::size_t end) {
        Workspace<T> &ws = m_workspaces[static_cast<std::size_t>(thread)];
        for (std::size_t g = begin; g < end; ++g) {
            for (std::size_t b = cut.first(g); b < cut.first(g + 1); ++b) {
                const std::size_t offset = b * BlockSize;
                const std::size_t size = std::min(BlockSize, rows.n - offset);
                gather(rows, nullptr, offset, size, ws);
                forward(ws, size, false, offset, rows.n);
                perBlock(std::as_const(ws), g, offset, size);
            }
        }
    });
}

template<class T>
void TrainerImpl<T>::nextBatch(const std::uint32_t *&indices, std::size_t &first, std::size_t &count)
{
    const std::size_t n = m_trainRows.n;
    if (m_batchSize >= n) {
        indices = nullptr;
        first = 0;
        count = n;
        return;
    }
    if (m_nextBatch == 0) {
        // Each epoch reshuffles the order in place (reference-spec.md section 2), the generator
        // running on from epoch to epoch; the order starts as 0..n-1 (see the constructor).
        for (std::size_t i = n - 1; i >= 1; --i) {
            const std::size_t j = static_cast<std::size_t>(m_shuffle.next() % (i + 1));
            std::swap(m_order[i], m_order[j]);
        }
    }
    first = m_nextBatch * m_batchSize;
    count = std::min(m_batchSize, n - first);
    indices = m_order.data() + first;
    m_nextBatch = (m_nextBatch + 1) % m_batchesPerEpoch;
}

template<class T>
const T *TrainerImpl<T>::penalisedGradient()
{
    const T decay = static_cast<T>(m_config.weightDecay);
    const T l1 = static_cast<T>(m_config.l1);
    if (decay == T(0) && l1 == T(0))
        return m_gradient.data();
    m_penalised = m_gradient;
    const T *p = m_params.data();
    T *g = m_penalised.data();
    for (const LayerLayout &layer : m_layout) {
        const std::size_t weights = static_cast<std::size_t>(layer.out) * static_cast<std::size_t>(layer.in);
        // The L1 term is part of the loss, so autograd adds it first; weight_decay is added to
        // that gradient (torch/optim: grad = grad.add(param, alpha=weight_decay)).
        if (l1 != T(0)) {
            for (std::size_t k = layer.weight; k < layer.weight + weights; ++k)
                g[k] += l1 * static_cast<T>((p[k] > T(0)) - (p[k] < T(0)));
        }
        if (decay != T(0)) {
            for (std::size_t k = layer.weight; k < layer.bias + static_cast<std::size_t>(layer.out); ++k)
                g[k] += decay * p[k];
        }
    }
    return g;
}

template<class T>
void TrainerImpl<T>::applyUpdate()
{
    const T lr = static_cast<T>(m_config.learningRate);
    const T *g = penalisedGradient();
    T *p = m_params.data();
    const std::size_t n = m_params.size();
    switch (m_config.optimizer) {
    case OptimizerKind::Sgd:
        for (std::size_t k = 0; k < n; ++k)
            p[k] -= lr * g[k];
        break;
    case OptimizerKind::Momentum: {
        const T mu = static_cast<T>(m_config.momentum);
        T *v = m_velocity.data();
        // PyTorch starts the buffer at the first gradient: mu * 0 + g.
        for (std::size_t k = 0; k < n; ++k) {
            v[k] = mu * v[k] + g[k];
            p[k] -= lr * v[k];
        }
        break;
    }
    case OptimizerKind::Adam: {
        const T beta1 = static_cast<T>(m_config.adamBeta1);
        const T beta2 = static_cast<T>(m_config.adamBeta2);
        const T epsilon = static_cast<T>(m_config.adamEpsilon);
        const double t = static_cast<double>(m_step + 1);
        const T correction1 = static_cast<T>(1.0 - std::pow(m_config.adamBeta1, t));
        const T correction2 = static_cast<T>(1.0 - std::pow(m_config.adamBeta2, t));
        const T stepSize = lr / correction1;
        const T root2 = std::sqrt(correction2);
        T *m = m_velocity.data();
        T *v = m_second.data();
        for (std::size_t k = 0; k < n; ++k) {
            m[k] = beta1 * m[k] + (T(1) - beta1) * g[k];
            v[k] = beta2 * v[k] + (T(1) - beta2) * g[k] * g[k];
            p[k] -= stepSize * m[k] / (std::sqrt(v[k]) / root2 + epsilon);
        }
        break;
    }
    }
}

template<class T>
std::uint64_t TrainerImpl<T>::train(std::uint64_t steps)
{
    std::uint64_t done = 0;
    while (done < steps && !m_diverged) {
        const std::uint32_t *indices = nullptr;
        std::size_t first = 0;
        std::size_t count = 0;
        nextBatch(indices, first, count);
        const T loss = m_gradientFresh ? m_freshLoss
                                       : batchGradient(m_trainRows, indices, first, count, true);
        m_gradientFresh = false;
        applyUpdate();
        ++m_step;
        ++done;
        if (!std::isfinite(loss) || !allFinite<T>(m_params))
            m_diverged = true;
    }
    return done;
}

template<class T>
void TrainerImpl<T>::adjust(const TrainingConfig &config)
{
    m_config = config;
    m_gradientFresh = false; // the activation's parameters may have changed
}

template<class T>
void TrainerImpl<T>::accumulateStatistics(const Workspace<T> &ws, std::size_t size,
                                          std::size_t points, const std::array<Binner, 3> &binners,
                                          std::vector<LayerAccumulator> &into) const
{
    const HiddenActivation<T> h = hiddenActivation(false);
    StatisticsBlock<T> block;
    block.rows = size;
    // ws.gradient holds d(mean loss)/dz; a point's own loss has `points` times that.
    block.gradientScale = static_cast<double>(points);
    switch (h.kind) {
    case Activation::Sigmoid:
        block.derivative = DerivativeSource::Sigmoid;
        break;
    case Activation::Tanh:
        block.derivative = DerivativeSource::Tanh;
        break;
    default:
        block.derivative = isRectifier(h.kind) ? DerivativeSource::Rectifier : DerivativeSource::Given;
        break;
    }
    std::vector<T> given; // f' of the activations the kernel does not know
    for (std::size_t l = 0; l + 1 < m_layout.size(); ++l) {
        block.units = static_cast<std::size_t>(m_layout[l].out);
        block.ld = ws.ld[l];
        block.pre = ws.pre[l].data();
        block.post = ws.post[l].data();
        block.gradient = ws.gradient[l].data();
        block.slope = m_unitSlopes[l].data();
        if (block.derivative == DerivativeSource::Given) {
            given.assign(size * block.ld, T(0));
            for (std::size_t s = 0; s < size; ++s)
                for (std::size_t k = s * block.ld; k < s * block.ld + block.units; ++k)
                    given[k] = derivativeFromOutput(h, block.pre[k], block.post[k]);
            block.given = given.data();
        }
        accumulateLayerStatistics(block, binners, into[l]);
    }
}

template<class T>
Measurement TrainerImpl<T>::measure(const MeasureOptions &options) const
{
    Measurement m;
    m.step = m_step;
    const HiddenActivation<T> h = hiddenActivation(false);
    const std::size_t hiddenLayers = m_layout.size() - 1;
    std::size_t hiddenUnits = 0;
    for (std::size_t l = 0; l < hiddenLayers; ++l)
        hiddenUnits += static_cast<std::size_t>(m_layout[l].out);

    ensureWorkspaces();
    prepareKernels();
    const bool rectifier = isRectifier(h.kind);
    const bool statistics = options.layerStatistics;
    const std::array<Binner, 3> binners {Binner(options.preActivations),
                                         Binner(options.activations),
                                         Binner(options.backpropagated)};
    // One block's dead-unit counts, loss and accuracy into c (`analyse`: the training set's).
    const auto countBlock = [&](const Workspace<T> &ws, BlockCounts &c, std::size_t size, bool analyse) {
        if (analyse) {
            std::size_t unit = 0;
            for (std::size_t l = 0; l < hiddenLayers; ++l) {
                const LayerLayout &layer = m_layout[l];
                const T *pre = ws.pre[l].data();
                const std::size_t ld = ws.ld[l];
                // f' != 0 follows from the counts for the rectifiers (ReLU: the positive
                // points; the others: their slope too); other activations ask f'.
                const T *slope = rectifier && h.kind != Activation::Relu ? m_unitSlopes[l].data()
                                                                         : nullptr;
                const bool finitePre = countUnits(pre, ld, layer.out, size, slope,
                                                  c.active.data() + unit, c.withGradient.data() + unit);
                c.finite = c.finite && finitePre;
                if (!rectifier) {
                    const T *post = ws.post[l].data();
                    for (int u = 0; u < layer.out; ++u) {
                        std::uint32_t nonzero = 0;
                        for (std::size_t s = 0; s < size; ++s) {
                            const std::size_t k = s * ld + static_cast<std::size_t>(u);
                            nonzero += derivativeFromOutput(h, pre[k], post[k]) != T(0) ? 1u : 0u;
                        }
                        c.withGradient[unit + static_cast<std::size_t>(u)] += nonzero;
                    }
                }
                unit += static_cast<std::size_t>(layer.out);
            }
        }
        const T *logit = ws.pre.back().data();
        const std::size_t ldLogit = ws.ld.back();
        const T *label = ws.label.data();
        for (std::size_t s = 0; s < size; ++s) {
            const T zT = logit[s * ldLogit];
            const double z = static_cast<double>(zT);
            if (analyse) // the training set's loss; the test set's is not shown
                c.loss += static_cast<double>(bceWithLogits(zT, label[s]));
            c.correct += (z > 0.0) == (label[s] > T(0.5)) ? 1 : 0;
            c.minLogit = std::min(c.minLogit, z);
            c.maxLogit = std::max(c.maxLogit, z);
            c.finite = c.finite && std::isfinite(z);
        }
    };
    const auto emptyCounts = [&](std::size_t samples, bool analyse) {
        std::vector<BlockCounts> counts(BlockGroups(samples).groups);
        for (BlockCounts &c : counts) {
            if (!analyse)
                continue;
            c.active.assign(hiddenUnits, 0);
            c.withGradient.assign(hiddenUnits, 0);
            if (!statistics)
                continue;
            c.layers.resize(hiddenLayers);
            for (LayerAccumulator &acc : c.layers) {
                acc.preActivations = binners[0].empty();
                acc.activations = binners[1].empty();
                acc.backpropagated = binners[2].empty();
            }
        }
        return counts;
    };

    std::vector<BlockCounts> train = emptyCounts(m_trainRows.n, true);
    if (statistics) {
        // The full-batch gradient in evaluation mode, with the statistics of every block.
        const T loss = gradientPass(m_trainRows, nullptr, 0, m_trainRows.n, false,
                                    [&](const Workspace<T> &ws, std::size_t g, std::size_t, std::size_t size) {
                                        countBlock(ws, train[g], size, true);
                                        accumulateStatistics(ws, size, m_trainRows.n, binners, train[g].layers);
                                    });
        // Without random slopes, evaluation mode is training mode: a full-batch step would compute
        // this very gradient next.
        m_freshLoss = loss;
        m_gradientFresh = m_batchSize >= m_trainRows.n && h.kind != Activation::Rrelu;
    } else {
        forwardPass(m_trainRows, [&](const Workspace<T> &ws, std::size_t g, std::size_t, std::size_t size) {
            countBlock(ws, train[g], size, true);
        });
    }
    double loss = 0.0;
    std::size_t correct = 0;
    double minLogit = std::numeric_limits<double>::infinity();
    double maxLogit = -minLogit;
    bool finite = true;
    std::vector<std::uint32_t> active(hiddenUnits, 0);
    std::vector<std::uint32_t> withGradient(hiddenUnits, 0);
    for (const BlockCounts &c : train) {
        loss += c.loss;
        correct += c.correct;
        minLogit = std::min(minLogit, c.minLogit);
        maxLogit = std::max(maxLogit, c.maxLogit);
        finite = finite && c.finite;
        for (std::size_t u = 0; u < hiddenUnits; ++u) {
            active[u] += c.active[u];
            withGradient[u] += c.withGradient[u];
        }
    }
    const auto n = static_cast<double>(m_trainRows.n);
    m.loss = loss / n;
    m.trainAccuracy = static_cast<double>(correct) / n;
    m.outputConstant = minLogit == maxLogit;
    m.diverged = m_diverged || !finite || !std::isfinite(m.loss) || !allFinite<T>(m_params);

    // |dL/dW| of one layer, from m_gradient.
    const auto weightGradientNorm = [&](const LayerLayout &layer) {
        const std::size_t weights = static_cast<std::size_t>(layer.out) * static_cast<std::size_t>(layer.in);
        double squares = 0.0;
        for (std::size_t k = layer.weight; k < layer.weight + weights; ++k)
            squares += static_cast<double>(m_gradient[k]) * static_cast<double>(m_gradient[k]);
        return std::sqrt(squares);
    };
    std::size_t unit = 0;
    for (std::size_t l = 0; l < hiddenLayers; ++l) {
        const LayerLayout &layer = m_layout[l];
        LayerMeasurement lm;
        lm.units = layer.out;
        lm.activationRate.resize(static_cast<std::size_t>(layer.out));
        for (int u = 0; u < layer.out; ++u, ++unit) {
            const double rate = active[unit] / n;
            lm.activationRate[static_cast<std::size_t>(u)] = static_cast<float>(rate);
            lm.dead += active[unit] == 0 ? 1 : 0;
            lm.deadWithoutGradient += active[unit] == 0 && withGradient[unit] == 0 ? 1 : 0;
            lm.rarelyActive += rate < RarelyActiveFraction ? 1 : 0;
        }
        for (int a = 0; a < layer.alphaCount; ++a)
            lm.alpha.push_back(static_cast<double>(m_params[layer.alpha + static_cast<std::size_t>(a)]));
        if (statistics) {
            LayerAccumulator total;
            total.preActivations = binners[0].empty();
            total.activations = binners[1].empty();
            total.backpropagated = binners[2].empty();
            for (const BlockCounts &c : train) {
                const LayerAccumulator &acc = c.layers[l];
                total.zero += acc.zero;
                total.blocked += acc.blocked;
                total.addMoments(acc.count, acc.mean, acc.squares);
                addHistogram(total.preActivations, acc.preActivations);
                addHistogram(total.activations, acc.activations);
                addHistogram(total.backpropagated, acc.backpropagated);
            }
            const double pairs = n * layer.out;
            lm.gradientNorm = weightGradientNorm(layer);
            lm.zeroShare = static_cast<double>(total.zero) / pairs;
            lm.blockedShare = static_cast<double>(total.blocked) / pairs;
            lm.mean = total.mean;
            lm.deviation = std::sqrt(total.squares / total.count);
            lm.preActivations = std::move(total.preActivations);
            lm.activations = std::move(total.activations);
            lm.backpropagated = std::move(total.backpropagated);
        }
        m.layers.push_back(std::move(lm));
    }
    if (statistics)
        m.outputGradientNorm = weightGradientNorm(m_layout.back());

    if (m_testRows.n == 0 || !options.testAccuracy) {
        m.testAccuracy = std::numeric_limits<double>::quiet_NaN();
    } else {
        std::vector<BlockCounts> test = emptyCounts(m_testRows.n, false);
        forwardPass(m_testRows, [&](const Workspace<T> &ws, std::size_t g, std::size_t, std::size_t size) {
            countBlock(ws, test[g], size, false);
        });
        std::size_t testCorrect = 0;
        for (const BlockCounts &c : test)
            testCorrect += c.correct;
        m.testAccuracy = static_cast<double>(testCorrect) / static_cast<double>(m_testRows.n);
    }
    return m;
}

template<class T>
void TrainerImpl<T>::predict(std::span<const double> points, std::span<float> logits) const
{
    const std::size_t n = points.size() / 2;
    const std::size_t blocks = (n + BlockSize - 1) / BlockSize;
    ensureWorkspaces();
    prepareKernels();
    parallelForEachThread(blocks, 1, [&](int thread, std::size_t begin, std::size_t end) {
        Workspace<T> &ws = m_workspaces[static_cast<std::size_t>(thread)];
        const std::size_t ldInput = ws.inputLd;
        for (std::size_t b = begin; b < end; ++b) {
            const std::size_t offset = b * BlockSize;
            const std::size_t size = std::min(BlockSize, n - offset);
            for (std::size_t s = 0; s < size; ++s) {
                ws.input[s * ldInput] = static_cast<T>(points[2 * (offset + s)]);
                ws.input[s * ldInput + 1] = static_cast<T>(points[2 * (offset + s) + 1]);
            }
            forward(ws, size, false, offset, n);
            const T *logit = ws.pre.back().data();
            const std::size_t ldLogit = ws.ld.back();
            for (std::size_t s = 0; s < size; ++s)
                logits[offset + s] = static_cast<float>(logit[s * ldLogit]);
        }
    });
}

template<class T>
std::vector<double> TrainerImpl<T>::parameters() const
{
    return {m_params.begin(), m_params.end()};
}

template<class T>
void TrainerImpl<T>::setParameters(std::span<const double> parameters)
{
    std::transform(parameters.begin(),
                   parameters.begin()
                           + static_cast<std::ptrdiff_t>(std::min(parameters.size(), m_params.size())),
                   m_params.begin(), [](double v) { return static_cast<T>(v); });
    std::fill(m_velocity.begin(), m_velocity.end(), T(0));
    std::fill(m_second.begin(), m_second.end(), T(0));
    m_diverged = !allFinite<T>(m_params);
    m_gradientFresh = false;
}

template<class T>
double TrainerImpl<T>::lossAndGradient(std::vector<double> &gradient) const
{
    m_gradientFresh = false;
    const T loss = batchGradient(m_trainRows, nullptr, 0, m_trainRows.n, false);
    gradient.assign(m_gradient.begin(), m_gradient.end());
    return static_cast<double>(loss);
}

} // namespace

Trainer::~Trainer() = default;

int Measurement::totalDead() const noexcept
{
    int total = 0;
    for (const LayerMeasurement &l : layers)
        total += l.dead;
    return total;
}

double rreluStepSlope(std::uint64_t seed, std::uint64_t step, int layer, std::uint64_t element,
                      double lower, double upper) noexcept
{
    // A stream per (step, layer), addressed by element: SplitMix64's k-th output is mix(state + k
    // gamma), so mixing the stream's start from (seed, step, layer) and indexing it by element
    // gives independent draws without generating the ones before.
    const std::uint64_t bits = SplitMix64::outputAt(rreluStream(seed, step, layer), element + 1);
    return lower + (upper - lower) * SplitMix64::toUnit(bits);
}

std::uint64_t rreluStream(std::uint64_t seed, std::uint64_t step, int layer) noexcept
{
    return SplitMix64::mix(seed
                           + SplitMix64::Gamma
                                   * (step * static_cast<std::uint64_t>(MaxHiddenLayers + 1)
                                      + static_cast<std::uint64_t>(layer) + 1));
}

std::uint64_t Histogram::total() const noexcept
{
    std::uint64_t sum = below + above + zero + notFinite;
    for (std::uint64_t c : counts)
        sum += c;
    return sum;
}

bool needsNewTrainer(const TrainingConfig &current, const TrainingConfig &next) noexcept
{
    // `to` takes `from`'s values of `members`.
    const auto keep = [](auto &to, const auto &from, auto... members) {
        ((to.*members = from.*members), ...);
    };
    TrainingConfig adjusted = next;
    keep(adjusted, current, &TrainingConfig::learningRate, &TrainingConfig::momentum,
         &TrainingConfig::adamBeta1, &TrainingConfig::adamBeta2, &TrainingConfig::adamEpsilon,
         &TrainingConfig::rreluSeed, &TrainingConfig::weightDecay, &TrainingConfig::l1);
    // The activation parameters a trainer takes on as it goes, and the explorer's RReLU mode and
    // seed, which are not training parameters.
    keep(adjusted.network.params, current.network.params, &ActivationParams::leakySlope,
         &ActivationParams::eluAlpha, &ActivationParams::rreluLower, &ActivationParams::rreluUpper,
         &ActivationParams::rreluMode, &ActivationParams::rreluSeed);
    return !(adjusted == current);
}

std::optional<std::string> validate(const TrainingConfig &config)
{
    const NetworkConfig &net = config.network;
    if (net.inputs != 2)
        return "the network takes 2 inputs (the data sets are two-dimensional)";
    if (net.hidden.size() < static_cast<std::size_t>(MinHiddenLayers)
        || net.hidden.size() > static_cast<std::size_t>(MaxHiddenLayers))
        return "hidden layers: between " + std::to_string(MinHiddenLayers) + " and "
                + std::to_string(MaxHiddenLayers);
    for (int width : net.hidden) {
        if (width < MinLayerWidth || width > MaxLayerWidth)
            return "hidden layer width: between " + std::to_string(MinLayerWidth) + " and "
                    + std::to_string(MaxLayerWidth);
    }
    if (!(net.initGain > 0.0 && net.initGain <= MaxInitGain))
        return "init gain must be above 0 and at most " + std::to_string(static_cast<int>(MaxInitGain));
    for (double penalty : {config.weightDecay, config.l1}) {
        if (!(penalty >= 0.0 && penalty <= MaxWeightPenalty))
            return "weight decay and L1 must be between 0 and "
                    + std::to_string(static_cast<int>(MaxWeightPenalty));
    }
    const ActivationParams &p = net.params;
    for (double v :
         {p.leakySlope, p.preluWeight, p.eluAlpha, p.rreluLower, p.rreluUpper, net.biasValue}) {
        if (!std::isfinite(v))
            return "activation parameters and the bias value must be finite";
    }
    if (p.rreluLower > p.rreluUpper)
        return "RReLU lower bound must not exceed the upper bound";
    if (!std::isfinite(config.learningRate) || config.learningRate <= 0.0)
        return "learning rate must be finite and positive";
    if (!std::isfinite(config.momentum) || config.momentum < 0.0 || config.momentum >= 1.0)
        return "momentum must be in [0, 1)";
    if (!(config.adamBeta1 >= 0.0 && config.adamBeta1 < 1.0 && config.adamBeta2 >= 0.0
          && config.adamBeta2 < 1.0 && config.adamEpsilon > 0.0 && std::isfinite(config.adamEpsilon)))
        return "Adam's betas must be in [0, 1) and epsilon positive";
    if (config.data.points < 2 || config.data.points > 1'000'000)
        return "data set size: between 2 and 1,000,000 points";
    if (config.data.testPoints > 1'000'000)
        return "test set size: at most 1,000,000 points";
    if (!std::isfinite(config.data.noise) || config.data.noise < 0.0)
        return "noise must be finite and not negative";
    return std::nullopt;
}

std::unique_ptr<Trainer> makeTrainer(const TrainingConfig &config, Dataset training, Dataset test)
{
    if (config.precision == Precision::Float)
        return std::make_unique<TrainerImpl<float>>(config, std::move(training), std::move(test));
    return std::make_unique<TrainerImpl<double>>(config, std::move(training), std::move(test));
}

std::unique_ptr<Trainer> makeTrainer(const TrainingConfig &config)
{
    return makeTrainer(config, makeDataset(config.data), makeTestDataset(config.data));
}

std::string_view optimizerCliName(OptimizerKind kind) noexcept
{
    return OptimizerTable[static_cast<std::size_t>(kind)].cliName;
}

std::string_view optimizerDisplayName(OptimizerKind kind) noexcept
{
    return OptimizerTable[static_cast<std::size_t>(kind)].displayName;
}

std::optional<OptimizerKind> optimizerFromCliName(std::string_view name) noexcept
{
    for (const OptimizerNames &entry : OptimizerTable) {
        if (entry.cliName == name)
            return entry.kind;
    }
    return std::nullopt;
}

} // namespace relulab::core
