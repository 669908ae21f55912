#include "curveplots.h"

#include "coretext.h"

#include <QEvent>
#include <QHash>
#include <QPainter>
#include <QLocale>
#include <QMouseEvent>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "curvegraph.h"
#include "plotappearance.h"
#include "style.h"

namespace relulab::ui {

using core::Activation;

namespace {

constexpr double SelectedPenWidth = 2.0;
constexpr double OverlayPenWidth = 1.0;
constexpr int OverlayAlpha = 150;
const QString OverlayLayer = QStringLiteral("overlays");

QString number(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    // Four significant digits read well on a projector; -0 is shown as 0.
    return QLocale().toString(value == 0.0 ? 0.0 : value, 'g', 4);
}

// A disc as a pixmap scatter: QCustomPlot draws ssDisc as an antialiased ellipse path per point,
// which for a cloud of 10,000 drawn slopes costs tens of milliseconds; blitting a pixmap does not.
QCPScatterStyle discScatter(const QColor &color, int diameter)
{
    static QHash<QPair<QRgb, int>, QCPScatterStyle> cache;
    const auto key = qMakePair(color.rgba(), diameter);
    if (const auto found = cache.constFind(key); found != cache.constEnd())
        return *found;
    const qreal ratio = 2.0; // crisp on high-DPI screens and in scaled exports
    QPixmap pixmap(QSize(diameter, diameter) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0, 0, diameter, diameter));
    painter.end();
    return *cache.insert(key, QCPScatterStyle(pixmap));
}

// Pads [min, max] by a margin, and gives a flat curve some room.
QCPRange paddedRange(const app::ValueRange &range)
{
    double lo = range.minimum;
    double hi = range.maximum;
    const double span = hi - lo;
    if (span < 1e-9) {
        const double room = std::max(0.5, std::abs(hi) * 0.1);
        return {lo - room, hi + room};
    }
    return {lo - 0.08 * span, hi + 0.08 * span};
}

// 1, 2 or 5 times a power of ten, at least `step`.
double niceStep(double step)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(step)));
    for (double factor : {1.0, 2.0, 5.0}) {
        if (factor * magnitude >= step)
            return factor * magnitude;
    }
    return 10.0 * magnitude;
}

// The value axis range for `data`: the current one while the data fit in it comfortably, otherwise
// the padded data range rounded outwards to a nice step. While a slider is dragged the axis stays
// put and the curve moves, which is what the eye should follow; it also lets most redraws skip
// the axes.
QCPRange stableRange(const QCPRange &current, const app::ValueRange &data)
{
    const QCPRange wanted = paddedRange(data);
    if (current.lower <= wanted.lower && current.upper >= wanted.upper
        && current.size() <= 1.6 * wanted.size())
        return current;
    const double step = niceStep(wanted.size() / 10.0);
    return {std::floor(wanted.lower / step) * step, std::ceil(wanted.upper / step) * step};
}

} // namespace

CurvePlots::CurvePlots(QCustomPlot *activationPlot, QCustomPlot *derivativePlot,
                       QCustomPlot *histogramPlot, QObject *parent)
    : QObject(parent)
    , m_histogram(histogramPlot)
{
    m_activation.plot = activationPlot;
    m_derivative.plot = derivativePlot;
    setUpPlot(m_activation, tr("f(x)"));
    setUpPlot(m_derivative, tr("f′(x)"));
    setUpHistogram();

    m_zeroOtherSides = CurveGraph::addTo(derivativePlot);
    m_zeroOtherSides->setLineStyle(QCPGraph::lsNone);
    m_zeroOtherSides->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.5), Qt::white, 9));
    m_zeroTaken = CurveGraph::addTo(derivativePlot);
    m_zeroTaken->setLineStyle(QCPGraph::lsNone);
    m_zeroTaken->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, QPen(Qt::black, 1.5), Qt::black, 9));
    m_zeroTaken->removeFromLegend();
    m_zeroOtherSides->removeFromLegend();
    // What x = 0 takes, in a title row above the derivative plot, clear of the curves.
    derivativePlot->plotLayout()->insertRow(0);
    m_zeroLabel = new QCPTextElement(derivativePlot, QString());
    derivativePlot->plotLayout()->addElement(0, 0, m_zeroLabel);

    // The hover readout lives in a title row above the plot, where it never covers a curve.
    activationPlot->plotLayout()->insertRow(0);
    m_tracerLabel = new QCPTextElement(activationPlot, hoverHint());
    m_tracerLabel->setTextColor(QColor(0x44, 0x44, 0x44));
    activationPlot->plotLayout()->addElement(0, 0, m_tracerLabel);
    activationPlot->legend->setVisible(true);
    activationPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignTop);
    activationPlot->legend->setBrush(QColor(255, 255, 255, 220));

    for (QCustomPlot *p : {activationPlot, derivativePlot}) {
        p->setMouseTracking(true);
        p->installEventFilter(this);
        connect(p, &QCustomPlot::mouseMove, this, &CurvePlots::onMouseMove);
    }
}

void CurvePlots::setUpPlot(PlotGraphs &graphs, const QString &yLabel)
{
    QCustomPlot *p = graphs.plot;
    p->addLayer(OverlayLayer, p->layer(QStringLiteral("main")), QCustomPlot::limBelow);
    p->xAxis->setLabel(QStringLiteral("x"));
    p->yAxis->setLabel(yLabel);
    for (QCPAxis *axis : {p->xAxis, p->yAxis}) {
        axis->grid()->setZeroLinePen(QPen(QColor(0, 0, 0, 140), 1));
        axis->grid()->setSubGridVisible(false);
    }
    p->setPlottingHints(QCP::phCacheLabels);
    // The main layer (selected curve, markers, tracer, texts) gets a buffer of its own, so that
    // a change to it alone redraws only it.
    p->layer(QStringLiteral("main"))->setMode(QCPLayer::lmBuffered);

    graphs.envelopeLower = CurveGraph::addTo(p);
    graphs.envelopeUpper = CurveGraph::addTo(p);
    for (QCPGraph *g : {graphs.envelopeLower, graphs.envelopeUpper}) {
        g->setPen(QPen(activationColor(Activation::Rrelu).darker(130), 1.2, Qt::DashLine));
        g->setVisible(false);
        g->removeFromLegend();
    }
    graphs.selected = CurveGraph::addTo(p);
    graphs.selectedContinuation = CurveGraph::addTo(p);
    graphs.selectedContinuation->removeFromLegend();
    graphs.selectedContinuation->setVisible(false);
    graphs.tracer = new QCPItemTracer(p);
    graphs.tracer->setInterpolating(false);
    graphs.tracer->setStyle(QCPItemTracer::tsCircle);
    graphs.tracer->setSize(9);
    graphs.tracer->setPen(QPen(Qt::black, 1.5));
    graphs.tracer->setVisible(false);
}

void CurvePlots::setUpHistogram()
{
    QCustomPlot *p = m_histogram;
    QFont small = p->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (QCPAxis *axis : {p->xAxis, p->yAxis}) {
        axis->setLabelFont(small);
        axis->setTickLabelFont(small);
        axis->grid()->setSubGridVisible(false);
    }
    m_slopeBars = new QCPBars(p->xAxis, p->yAxis);
    m_slopeBars->setPen(Qt::NoPen);
    m_slopeBars->setBrush(activationColor(Activation::Rrelu).lighter(130));
    m_uniformDensity = CurveGraph::addTo(p);
    m_uniformDensity->setPen(QPen(Qt::black, 1.5));
    m_paperDensity = CurveGraph::addTo(p);
    m_paperDensity->setPen(QPen(QColor(0x55, 0x55, 0x55), 1.2, Qt::DotLine));
    m_evaluationSlopeLine = new QCPItemStraightLine(p);
    m_evaluationSlopeLine->setPen(QPen(activationColor(Activation::Rrelu).darker(150), 2));
    p->plotLayout()->insertRow(0);
    m_histogramLabel = new QCPTextElement(p, QString(), small);
    p->plotLayout()->addElement(0, 0, m_histogramLabel);
    showHistogramTexts();
}

void CurvePlots::showHistogramTexts()
{
    m_histogram->xAxis->setLabel(tr("slope a"));
    m_histogram->yAxis->setLabel(tr("density"));
    m_slopeBars->setName(tr("drawn"));
    m_uniformDensity->setName(tr("U(lower, upper)"));
    m_paperDensity->setName(tr("paper: x / U(1/upper, 1/lower)"));
}

void CurvePlots::retranslate()
{
    showHistogramTexts();
    if (m_result) {
        // The legends name the functions; the texts above the plots are rebuilt from the result.
        for (auto [graphs, which] : {std::pair {&m_activation, Plot::Activation},
                                     std::pair {&m_derivative, Plot::Derivative}})
            showPlot(*graphs, which);
        showZeroMarker();
        if (m_result->spec.kind == Activation::Rrelu)
            showHistogram();
    }
    m_tracerLabel->setText(m_tracerVisible ? tracerText() : hoverHint());
    for (QCustomPlot *p : {m_activation.plot, m_derivative.plot, m_histogram})
        requestReplot(p, Replot::Everything);
}

QCustomPlot *CurvePlots::plot(Plot which) const noexcept
{
    return which == Plot::Activation ? m_activation.plot : m_derivative.plot;
}

QCPGraph *CurvePlots::selectedGraph(Plot which) const noexcept
{
    return which == Plot::Activation ? m_activation.selected : m_derivative.selected;
}

QList<QCPGraph *> CurvePlots::overlayGraphs(Plot which) const
{
    const PlotGraphs &graphs = which == Plot::Activation ? m_activation : m_derivative;
    const qsizetype used = m_result ? m_result->overlays.size() : 0;
    return graphs.overlays.mid(0, used);
}

void CurvePlots::show(const app::CurveResultPtr &result)
{
    if (!result)
        return;
    m_redrawTimer.start();
    m_shownAt = app::CurveClock::now();
    m_result = result;
    m_drawPending = true;
    const bool zeroLabelReflows = showZeroMarker();
    for (auto [graphs, which] :
         {std::pair {&m_activation, Plot::Activation}, std::pair {&m_derivative, Plot::Derivative}}) {
        const bool onlyMainLayerChanged = showPlot(*graphs, which);
        const bool reflows = which == Plot::Derivative && zeroLabelReflows;
        requestReplot(graphs->plot,
                      onlyMainLayerChanged && !reflows ? Replot::MainLayer : Replot::Everything);
    }
    if (result->spec.kind == Activation::Rrelu) {
        showHistogram();
        requestReplot(m_histogram, Replot::Everything);
    }
    if (m_tracedIndex >= 0)
        traceAt(m_result->x.value(std::min(m_tracedIndex, m_result->x.size() - 1)));
}

bool CurvePlots::showPlot(PlotGraphs &graphs, Plot which)
{
    const app::CurveResult &r = *m_result;
    const bool derivative = which == Plot::Derivative;
    QCustomPlot *p = graphs.plot;

    // Overlays first and faint, on the layer below the selected function.
    bool overlaysChanged = graphs.shownOverlays != r.overlays.size();
    graphs.shownOverlays = r.overlays.size();
    while (graphs.overlays.size() < r.overlays.size()) {
        QCPGraph *g = CurveGraph::addTo(p);
        g->setLayer(OverlayLayer);
        graphs.overlays.append(g);
        QCPGraph *continuation = CurveGraph::addTo(p);
        continuation->removeFromLegend();
        continuation->setVisible(false);
        graphs.overlayContinuations.append(continuation);
    }
    for (qsizetype i = 0; i < graphs.overlays.size(); ++i) {
        QCPGraph *g = graphs.overlays[i];
        if (i >= r.overlays.size()) {
            for (QCPGraph *unused : {g, graphs.overlayContinuations[i]}) {
                unused->setVisible(false);
                unused->data()->clear();
                m_shownData.remove(unused);
            }
            continue;
        }
        const app::CurveSeries &series = r.overlays[i];
        QColor color = activationColor(series.kind);
        color.setAlpha(OverlayAlpha);
        const QString name = activationName(series.kind);
        overlaysChanged = overlaysChanged || g->name() != name;
        g->setPen(QPen(color, OverlayPenWidth));
        g->setName(name);
        g->setLineStyle(series.drawnPerElement ? QCPGraph::lsNone : QCPGraph::lsLine);
        g->setScatterStyle(series.drawnPerElement ? discScatter(color, 3) : QCPScatterStyle());
        g->setVisible(true);
        overlaysChanged |= setSeriesData(
                g, graphs.overlayContinuations[i], r.x, derivative ? series.dy : series.y,
                derivative && series.derivativeJumpsAtZero ? r.lastNonPositiveIndex : -1);
    }

    const QColor color = activationColor(r.selected.kind);
    const QString name = activationName(r.selected.kind);
    const bool legendChanged = graphs.selected->name() != name
            || graphs.selected->lineStyle()
                    != (r.selected.drawnPerElement ? QCPGraph::lsNone : QCPGraph::lsLine);
    graphs.selected->setPen(QPen(color, SelectedPenWidth));
    graphs.selected->setName(name);
    const bool cloud = r.selected.drawnPerElement;
    graphs.selected->setLineStyle(cloud ? QCPGraph::lsNone : QCPGraph::lsLine);
    graphs.selected->setScatterStyle(cloud ? discScatter(color, 4) : QCPScatterStyle());
    setSeriesData(graphs.selected, graphs.selectedContinuation, r.x,
                  derivative ? r.selected.dy : r.selected.y,
                  derivative && r.selected.derivativeJumpsAtZero ? r.lastNonPositiveIndex : -1);

    // RReLU training: the envelope a = lower and a = upper that every drawn slope lies between.
    graphs.envelopeLower->setVisible(cloud);
    graphs.envelopeUpper->setVisible(cloud);
    if (cloud) {
        const double xMin = r.spec.xMin;
        const double lower = r.spec.params.rreluLower;
        const double upper = r.spec.params.rreluUpper;
        if (derivative) {
            graphs.envelopeLower->setData({xMin, 0.0}, {lower, lower}, true);
            graphs.envelopeUpper->setData({xMin, 0.0}, {upper, upper}, true);
        } else {
            graphs.envelopeLower->setData({xMin, 0.0}, {lower * xMin, 0.0}, true);
            graphs.envelopeUpper->setData({xMin, 0.0}, {upper * xMin, 0.0}, true);
        }
    }

    const QCPRange xRange(r.spec.xMin, r.spec.xMax);
    const QCPRange yRange =
            stableRange(p->yAxis->range(), derivative ? r.derivativeRange : r.valueRange);
    const bool axesChanged = xRange != p->xAxis->range() || yRange != p->yAxis->range();
    p->xAxis->setRange(xRange);
    p->yAxis->setRange(yRange);
    return !axesChanged && !overlaysChanged && !legendChanged;
}

// Copies (x, values) into `graph`. With a jump after index `gapAfter`, the points right of the
// jump go to `continuation`, a second graph in the same style, so that no vertical segment
// suggests values f' never takes. (A nan point would not do: QCustomPlot's adaptive sampling
// draws straight across it.) Data the graph already shows (the same shared QList storage, which
// the worker reuses for unchanged curves) is not copied again.
bool CurvePlots::setSeriesData(QCPGraph *graph, QCPGraph *continuation, const QList<double> &x,
                               const QList<double> &values, qsizetype gapAfter)
{
    const bool split = gapAfter >= 0 && gapAfter + 1 < x.size();
    continuation->setVisible(split && graph->visible());
    if (split) {
        continuation->setPen(graph->pen());
        continuation->setLineStyle(graph->lineStyle());
        continuation->setScatterStyle(graph->scatterStyle());
        // Only when it differs: moving a layerable, even to its own layer, invalidates the layer's
        // buffer and turns the next main-layer replot into a full one.
        if (continuation->layer() != graph->layer())
            continuation->setLayer(graph->layer());
    }
    ShownData &shown = m_shownData[graph];
    if (shown.keys.constData() == x.constData() && shown.values.constData() == values.constData()
        && shown.gapAfter == gapAfter)
        return false;
    shown = {x, values, gapAfter};
    if (!split) {
        graph->setData(x, values, true);
        continuation->data()->clear();
        return true;
    }
    graph->setData(x.first(gapAfter + 1), values.first(gapAfter + 1), true);
    continuation->setData(x.sliced(gapAfter + 1), values.sliced(gapAfter + 1), true);
    return true;
}

bool CurvePlots::showZeroMarker()
{
    const app::CurveResult &r = *m_result;
    const app::ZeroPoint &z = r.atZero;
    m_zeroTaken->setData({0.0}, {z.derivative}, true);
    QList<double> otherSides;
    for (double side : {z.derivativeLeft, z.derivativeRight}) {
        if (side != z.derivative && !otherSides.contains(side))
            otherSides.append(side);
    }
    m_zeroOtherSides->setData(QList<double>(otherSides.size(), 0.0), otherSides, true);

    const QString value = number(z.derivative);
    QString text;
    if (r.selected.drawnPerElement) {
        text = tr("● f′(0) = %1: the slope drawn for this element\n"
                  "PyTorch's convention: x = 0 takes the x ≤ 0 branch")
                       .arg(value);
    } else if (z.derivativeLeft != z.derivativeRight) {
        text = tr("● f′(0) = %1 (PyTorch's convention: x = 0 takes the x ≤ 0 branch)\n"
                  "○ one-sided limits %2 (left) and %3 (right)")
                       .arg(value, number(z.derivativeLeft), number(z.derivativeRight));
    } else {
        text = tr("● f′(0) = %1 (f′ continuous at 0: no convention needed)").arg(value);
    }
    const bool reflows = text.count(QLatin1Char('\n')) != m_zeroLabel->text().count(QLatin1Char('\n'));
    m_zeroLabel->setText(text);
    return reflows;
}

void CurvePlots::showHistogram()
{
    const app::SlopeHistogram &h = m_result->slopes;
    const core::ActivationParams &params = m_result->spec.params;
    const double lower = params.rreluLower;
    const double upper = params.rreluUpper;
    const double evaluationSlope = core::rreluEvaluationSlope(lower, upper);
    const bool training = params.rreluMode == core::RreluMode::Training;
    const double width = upper - lower;

    m_slopeBars->setVisible(training);
    m_slopeBars->setWidth(width > 0.0 ? width / app::SlopeHistogramBins : 0.01);
    m_slopeBars->setData(h.binCenters, h.density, true);
    if (width > 0.0) {
        const double density = 1.0 / width;
        m_uniformDensity->setData({lower, lower, upper, upper}, {0.0, density, density, 0.0}, true);
    } else {
        m_uniformDensity->data()->clear();
    }
    m_paperDensity->setData(h.paperSlopes, h.paperDensity, true);
    m_evaluationSlopeLine->point1->setCoords(evaluationSlope, 0.0);
    m_evaluationSlopeLine->point2->setCoords(evaluationSlope, 1.0);

    const double margin = std::max(width * 0.15, 0.02);
    m_histogram->xAxis->setRange(lower - margin, upper + margin);
    double top = width > 0.0 ? 1.0 / width : 1.0;
    for (double d : h.density)
        top = std::max(top, d);
    for (double d : h.paperDensity)
        top = std::max(top, d);
    m_histogram->yAxis->setRange(0.0, top * 1.15);
    const QString key = tr("bars: drawn · line: U(lower, upper) · dots: Xu et al. · bar: eval");
    m_histogramLabel->setText(
            (training ? tr("%n slopes drawn; evaluation slope %1", nullptr, h.drawCount).arg(number(evaluationSlope))
                      : tr("evaluation mode: every slope is %1").arg(number(evaluationSlope)))
            + QLatin1Char('\n') + key);
}

void CurvePlots::traceAt(double x)
{
    if (!m_result || m_result->x.isEmpty())
        return;
    const QList<double> &xs = m_result->x;
    auto it = std::lower_bound(xs.begin(), xs.end(), x);
    // The nearest sample: the last one beyond the end, else the closer of the two around x.
    if (it == xs.end() || (it != xs.begin() && std::abs(*(it - 1) - x) < std::abs(*it - x)))
        --it;
    m_tracedIndex = it - xs.begin();
    const double key = *it;
    for (PlotGraphs *graphs : {&m_activation, &m_derivative}) {
        const bool rightOfJump = graphs->selectedContinuation->visible()
                && m_tracedIndex > m_result->lastNonPositiveIndex;
        graphs->tracer->setGraph(rightOfJump ? graphs->selectedContinuation : graphs->selected);
        graphs->tracer->setGraphKey(key);
        graphs->tracer->setVisible(true);
    }
    m_tracerLabel->setText(tracerText());
    m_tracerVisible = true;
}

void CurvePlots::hideTracer()
{
    m_tracedIndex = -1;
    m_tracerVisible = false;
    for (PlotGraphs *graphs : {&m_activation, &m_derivative}) {
        graphs->tracer->setVisible(false);
        // Detached, so that a replot does not ask an empty graph for a position.
        graphs->tracer->setGraph(nullptr);
    }
    m_tracerLabel->setText(hoverHint());
    requestReplot(m_activation.plot, Replot::MainLayer);
    requestReplot(m_derivative.plot, Replot::MainLayer);
}

bool CurvePlots::tracerVisible() const
{
    return m_tracerVisible;
}

QString CurvePlots::hoverHint()
{
    return tr("Move the mouse over a plot to read x, f(x) and f′(x)");
}

QString CurvePlots::tracerText() const
{
    if (!m_result || m_tracedIndex < 0 || m_tracedIndex >= m_result->x.size())
        return {};
    const qsizetype i = m_tracedIndex;
    return tr("%1   x = %2   f(x) = %3   f′(x) = %4")
            .arg(activationName(m_result->selected.kind), number(m_result->x[i]),
                 number(m_result->selected.y[i]), number(m_result->selected.dy[i]));
}

QString CurvePlots::zeroLabelText() const
{
    return m_zeroLabel->text();
}

void CurvePlots::onMouseMove(QMouseEvent *event)
{
    auto *source = qobject_cast<QCustomPlot *>(sender());
    if (!source || !m_result)
        return;
    traceAt(source->xAxis->pixelToCoord(event->position().x()));
    requestReplot(m_activation.plot, Replot::MainLayer);
    requestReplot(m_derivative.plot, Replot::MainLayer);
}

bool CurvePlots::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Leave && (watched == m_activation.plot || watched == m_derivative.plot))
        hideTracer();
    return QObject::eventFilter(watched, event);
}

void CurvePlots::requestReplot(QCustomPlot *plot, Replot extent)
{
    Replot &pending = m_pendingReplots[plot];
    pending = std::max(pending, extent);
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    // Like QCustomPlot's rpQueuedReplot: everything asked for in this event-loop turn is drawn
    // once, at the start of the next.
    QMetaObject::invokeMethod(this, &CurvePlots::flushReplots, Qt::QueuedConnection);
}

void CurvePlots::flushReplots()
{
    m_flushScheduled = false;
    const auto pending = std::exchange(m_pendingReplots, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        QCustomPlot *plot = it.key();
        if (it.value() == Replot::MainLayer) {
            // Only the buffered main layer is redrawn; the other buffers are composited as they
            // are. (QCPLayer::replot falls back to a full replot if a buffer was invalidated.)
            // A layer replot emits no beforeReplot: the theme and presentation scale are applied
            // to the pens just set here.
            refreshPlotAppearance(plot);
            plot->layer(QStringLiteral("main"))->replot();
            plot->repaint();
        } else {
            plot->replot(QCustomPlot::rpImmediateRefresh);
        }
    }
    if (m_drawPending && m_result) {
        m_drawPending = false;
        m_drawnAt = app::CurveClock::now();
        emit drawn(m_result->generation, static_cast<double>(m_redrawTimer.nsecsElapsed()) / 1e6);
    }
}

} // namespace relulab::ui
