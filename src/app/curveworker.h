#pragma once

#include <QList>
#include <QObject>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

#include "core/sampling.h"
#include "worker.h"

namespace relulab::app {

// What the explorer asks for: the selected function's curve plus the comparison overlays, all on
// the selected function's grid.
using CurveClock = std::chrono::steady_clock;

struct CurveRequest
{
    core::CurveSpec spec;
    QList<core::Activation> overlays;
    quint64 generation = 0;
    CurveClock::time_point submittedAt; // when the GUI thread handed it to the worker
};

// Smallest and largest finite value of a curve (or of several), for the axis ranges.
struct ValueRange
{
    double minimum = 0.0;
    double maximum = 0.0;
};

struct CurveSeries
{
    core::Activation kind = core::Activation::Relu;
    QList<double> y;
    QList<double> dy;
    // RReLU in training mode: one drawn slope per element, so a cloud rather than a line.
    bool drawnPerElement = false;
    // f' jumps at x = 0 (the rectifiers; ELU with alpha != 1): the derivative plot must break its
    // line there instead of drawing a vertical segment that no value lies on.
    bool derivativeJumpsAtZero = false;
    ValueRange valueRange;
    ValueRange derivativeRange;
};

// f and f' of the selected function at exactly x = 0, and f' just left and right of it, so the
// derivative plot can show which side's value the convention takes.
struct ZeroPoint
{
    double value = 0.0;
    double derivative = 0.0;
    double derivativeLeft = 0.0;
    double derivativeRight = 0.0;
};

// RReLU training mode: the distribution of the slopes drawn for the grid points with x <= 0 (the
// only ones PyTorch draws for), as a density to set against U(lower, upper).
struct SlopeHistogram
{
    double lower = 0.0;
    double upper = 0.0;
    QList<double> binCenters;
    QList<double> density;
    int drawCount = 0;
    // Xu et al. (2015) read as a divisor (their notation is inconsistent: y = a x with
    // a ~ U(l, u) in [0, 1), then a ~ U(3, 8) and x / ((l + u) / 2) at test): x / a with
    // a ~ U(1/upper, 1/lower), so the slope 1/a is not uniform: its density
    // 1 / ((1/lower - 1/upper) s^2), on a fine grid of s (empty when lower <= 0).
    QList<double> paperSlopes;
    QList<double> paperDensity;
};

struct CurveResult
{
    quint64 generation = 0;
    core::CurveSpec spec;
    QList<double> x;
    // Index of the last grid point with x <= 0 (-1 if none): where a derivative jump happens.
    qsizetype lastNonPositiveIndex = -1;
    CurveSeries selected;
    QList<CurveSeries> overlays;
    ZeroPoint atZero;
    SlopeHistogram slopes; // empty unless the selected function is RReLU in training mode
    ValueRange valueRange;
    ValueRange derivativeRange;
    double computeMilliseconds = 0.0;
    // The request's way through the worker, for bench_latency's breakdown of a slider change.
    CurveClock::time_point submittedAt;
    CurveClock::time_point computeStartedAt;
    CurveClock::time_point computeEndedAt;
};
using CurveResultPtr = std::shared_ptr<const CurveResult>;

inline constexpr int SlopeHistogramBins = 24;

// Curves computed before, by function: dragging Leaky ReLU's slope leaves the overlays (and the
// grid) unchanged, so they are reused instead of recomputed. A reused curve shares its QList
// storage with the previous result, which also lets the plots skip copying it again.
class CurveCache
{
public:
    // The cached grid for (xMin, xMax, samples), computing it on a miss.
    QList<double> grid(const core::CurveSpec &spec);
    // The cached series of `kind` on the cached grid, computing it on a miss.
    CurveSeries series(core::Activation kind, const core::CurveSpec &spec);

private:
    struct Entry
    {
        core::ActivationParams params; // only the fields `kind` depends on
        CurveSeries series;
    };
    core::CurveSpec m_gridSpec;
    QList<double> m_grid;
    std::optional<Entry> m_entries[core::ActivationCount];
};

// The whole computation of one request. Pure without a cache, so tests can call it directly.
CurveResult computeCurves(const CurveRequest &request, CurveCache *cache = nullptr);

// The explorer's one long-lived curve Worker. Requests go into its one-slot mailbox (a newer
// request replaces an unstarted older one: latest wins); finished results go into its one-slot
// outbox and resultReady() is emitted only when the outbox was empty, so the GUI thread never has
// more than one notification queued however fast requests come.
class CurveWorker : public QObject
{
    Q_OBJECT

public:
    explicit CurveWorker(QObject *parent = nullptr);
    ~CurveWorker() override;

    // Any thread. Starts the thread on first use.
    void submit(CurveRequest request);
    // The newest finished result not yet taken, or null.
    CurveResultPtr takeResult();

    quint64 computedCount() const noexcept { return m_computed.load(); }
    // Results computed but dropped because a newer request had already arrived.
    quint64 droppedCount() const noexcept { return m_dropped.load(); }
    // Requests waiting in the mailbox, not yet started: 0 or 1 however fast they come (for tests).
    int queuedRequestCount() const;
    // No request waiting or computing, and the last result taken.
    bool isIdle() const { return m_worker.isIdle(); }

signals:
    // Emitted from the worker thread: connect with Qt::QueuedConnection.
    void resultReady();

private:
    void compute(CurveRequest &request);

    std::atomic<quint64> m_newestGeneration {0};
    std::atomic<quint64> m_computed {0};
    std::atomic<quint64> m_dropped {0};
    CurveCache m_cache; // used by the worker thread only
    std::chrono::steady_clock::time_point m_lastPublished; // worker thread only
    Worker<std::optional<CurveRequest>, CurveRequest, CurveResultPtr> m_worker; // last
};

} // namespace relulab::app
