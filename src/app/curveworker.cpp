#include "curveworker.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <limits>

namespace relulab::app {

namespace {

std::span<double> spanOf(QList<double> &list)
{
    return {list.data(), static_cast<std::size_t>(list.size())};
}

// A superseded result is still shown if nothing has been shown for this long, so a flood of
// requests can never starve the plots.
constexpr auto MaxStaleGap = std::chrono::milliseconds(16);

// Index of the grid point at exactly 0, if the grid has one (symmetric range, odd count).
std::optional<std::size_t> indexOfZero(const QList<double> &x)
{
    const auto found = std::lower_bound(x.begin(), x.end(), 0.0);
    if (found == x.end() || *found != 0.0)
        return std::nullopt;
    return static_cast<std::size_t>(found - x.begin());
}

ZeroPoint zeroPoint(const core::CurveSpec &spec, const QList<double> &x)
{
    // In RReLU training mode the slope at 0 is whichever was drawn for the element at 0; left of
    // it the same element's draw applies, so the convention shows as "the drawn slope".
    const std::uint64_t element = indexOfZero(x).value_or(0);
    constexpr double tiny = std::numeric_limits<double>::denorm_min();
    const auto at0 = core::evaluate(spec.kind, 0.0, spec.params, element);
    return {at0.value, at0.derivative, core::evaluate(spec.kind, -tiny, spec.params, element).derivative,
            core::evaluate(spec.kind, tiny, spec.params, element).derivative};
}

SlopeHistogram slopeHistogram(const core::ActivationParams &params, const QList<double> &x,
                              const QList<double> &dy)
{
    SlopeHistogram h;
    h.lower = params.rreluLower;
    h.upper = params.rreluUpper;
    const double width = (h.upper - h.lower) / SlopeHistogramBins;
    QList<int> counts(SlopeHistogramBins, 0);
    for (qsizetype i = 0; i < x.size(); ++i) {
        if (!(x[i] <= 0.0))
            continue;
        ++h.drawCount;
        const int bin = width > 0.0 ? static_cast<int>((dy[i] - h.lower) / width) : 0;
        ++counts[std::clamp(bin, 0, SlopeHistogramBins - 1)];
    }
    h.binCenters.reserve(SlopeHistogramBins);
    h.density.reserve(SlopeHistogramBins);
    for (int b = 0; b < SlopeHistogramBins; ++b) {
        h.binCenters.append(h.lower + (b + 0.5) * width);
        // With lower == upper every draw is the same number: a density has no finite height.
        h.density.append(width > 0.0 && h.drawCount > 0 ? counts[b] / (h.drawCount * width) : 0.0);
    }
    if (h.lower > 0.0 && h.upper > h.lower) {
        constexpr int points = 64;
        const double scale = 1.0 / (1.0 / h.lower - 1.0 / h.upper);
        for (int i = 0; i < points; ++i) {
            const double s = h.lower + (h.upper - h.lower) * i / (points - 1);
            h.paperSlopes.append(s);
            h.paperDensity.append(scale / (s * s));
        }
    }
    return h;
}

// The finite values' range ({0, 0} if there are none).
ValueRange finiteRange(const QList<double> &values)
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (double v : values) {
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    return lo <= hi ? ValueRange {lo, hi} : ValueRange {};
}

void merge(ValueRange &range, const ValueRange &other, bool &empty)
{
    if (empty) {
        range = other;
        empty = false;
        return;
    }
    range.minimum = std::min(range.minimum, other.minimum);
    range.maximum = std::max(range.maximum, other.maximum);
}

bool derivativeJumpsAtZero(core::Activation kind, const core::ActivationParams &params)
{
    constexpr double tiny = std::numeric_limits<double>::denorm_min();
    return core::evaluate(kind, -tiny, params).derivative
            != core::evaluate(kind, tiny, params).derivative;
}

CurveSeries emptySeries(core::Activation kind, const core::ActivationParams &params, qsizetype n)
{
    CurveSeries series;
    series.kind = kind;
    series.y.resize(n);
    series.dy.resize(n);
    series.drawnPerElement =
            kind == core::Activation::Rrelu && params.rreluMode == core::RreluMode::Training;
    series.derivativeJumpsAtZero = !series.drawnPerElement && derivativeJumpsAtZero(kind, params);
    return series;
}

// The parameters `kind` depends on, with every other field at its default, so that two parameter
// sets compare equal exactly when they give `kind` the same curve.
core::ActivationParams relevantParams(core::Activation kind, const core::ActivationParams &params)
{
    core::ActivationParams relevant;
    switch (kind) {
    case core::Activation::LeakyRelu:
        relevant.leakySlope = params.leakySlope;
        break;
    case core::Activation::Prelu:
        relevant.preluWeight = params.preluWeight;
        break;
    case core::Activation::Elu:
        relevant.eluAlpha = params.eluAlpha;
        break;
    case core::Activation::Rrelu:
        relevant.rreluLower = params.rreluLower;
        relevant.rreluUpper = params.rreluUpper;
        relevant.rreluMode = params.rreluMode;
        if (params.rreluMode == core::RreluMode::Training)
            relevant.rreluSeed = params.rreluSeed;
        break;
    default:
        break;
    }
    return relevant;
}

bool sameGrid(const core::CurveSpec &a, const core::CurveSpec &b)
{
    return a.xMin == b.xMin && a.xMax == b.xMax && a.samples == b.samples;
}

QList<double> computeGrid(const core::CurveSpec &spec)
{
    QList<double> x(static_cast<qsizetype>(spec.samples));
    core::fillGrid(spec.xMin, spec.xMax, spanOf(x));
    return x;
}

CurveSeries computeSeries(core::Activation kind, const core::ActivationParams &params,
                          const QList<double> &x)
{
    CurveSeries series = emptySeries(kind, params, x.size());
    core::sampleActivation(kind, params, {x.constData(), static_cast<std::size_t>(x.size())},
                           spanOf(series.y), spanOf(series.dy));
    series.valueRange = finiteRange(series.y);
    series.derivativeRange = finiteRange(series.dy);
    return series;
}

} // namespace

QList<double> CurveCache::grid(const core::CurveSpec &spec)
{
    if (m_grid.isEmpty() || !sameGrid(spec, m_gridSpec)) {
        m_grid = computeGrid(spec);
        m_gridSpec = spec;
        for (auto &entry : m_entries)
            entry.reset();
    }
    return m_grid;
}

CurveSeries CurveCache::series(core::Activation kind, const core::CurveSpec &spec)
{
    const QList<double> x = grid(spec);
    std::optional<Entry> &entry = m_entries[static_cast<std::size_t>(kind)];
    const core::ActivationParams params = relevantParams(kind, spec.params);
    if (!entry || !(entry->params == params))
        entry = Entry {params, computeSeries(kind, spec.params, x)};
    return entry->series;
}

CurveResult computeCurves(const CurveRequest &request, CurveCache *cache)
{
    QElapsedTimer timer;
    timer.start();
    CurveResult result;
    result.computeStartedAt = CurveClock::now();
    result.submittedAt = request.submittedAt;
    result.generation = request.generation;
    result.spec = request.spec;
    const core::CurveSpec &spec = request.spec;
    result.x = cache ? cache->grid(spec) : computeGrid(spec);
    result.selected = cache ? cache->series(spec.kind, spec)
                            : computeSeries(spec.kind, spec.params, result.x);
    result.lastNonPositiveIndex =
            std::upper_bound(result.x.cbegin(), result.x.cend(), 0.0) - result.x.cbegin() - 1;
    for (core::Activation kind : request.overlays)
        result.overlays.append(cache ? cache->series(kind, spec)
                                     : computeSeries(kind, spec.params, result.x));
    bool noValues = true;
    bool noDerivatives = true;
    merge(result.valueRange, result.selected.valueRange, noValues);
    merge(result.derivativeRange, result.selected.derivativeRange, noDerivatives);
    for (const CurveSeries &overlay : std::as_const(result.overlays)) {
        merge(result.valueRange, overlay.valueRange, noValues);
        merge(result.derivativeRange, overlay.derivativeRange, noDerivatives);
    }
    result.atZero = zeroPoint(request.spec, result.x);
    if (result.selected.drawnPerElement)
        result.slopes = slopeHistogram(request.spec.params, result.x, result.selected.dy);
    result.computeMilliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    result.computeEndedAt = CurveClock::now();
    return result;
}

CurveWorker::CurveWorker(QObject *parent)
    : QObject(parent)
{ }

CurveWorker::~CurveWorker() = default;

void CurveWorker::submit(CurveRequest request)
{
    if (!m_worker.isStarted()) {
        m_worker.start({.onStart = {},
                        .ready =
                                [](const std::optional<CurveRequest> &pending) {
                                    return pending.has_value();
                                },
                        .take =
                                [](std::optional<CurveRequest> &pending) {
                                    return *std::exchange(pending, std::nullopt);
                                },
                        .run = [this](CurveRequest &next) { compute(next); },
                        .notify = [this] { emit resultReady(); }});
    }
    m_worker.post([this, &request](std::optional<CurveRequest> &pending) {
        m_newestGeneration.store(std::max(m_newestGeneration.load(), request.generation));
        pending = std::move(request);
    });
}

int CurveWorker::queuedRequestCount() const
{
    return m_worker.inspect(
            [](const std::optional<CurveRequest> &pending) { return pending ? 1 : 0; });
}

CurveResultPtr CurveWorker::takeResult()
{
    return m_worker.takeProduct();
}

void CurveWorker::compute(CurveRequest &request)
{
    auto result = std::make_shared<const CurveResult>(computeCurves(request, &m_cache));
    ++m_computed;
    const bool superseded = m_newestGeneration.load() > result->generation;
    const auto now = std::chrono::steady_clock::now();
    if (superseded && now - m_lastPublished < MaxStaleGap) {
        ++m_dropped;
        return;
    }
    m_worker.publish(std::move(result));
    m_lastPublished = now;
}

} // namespace relulab::app
