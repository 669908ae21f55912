#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>

#include "app/curveworker.h"

class QCustomPlot;
class QCPGraph;
class QCPBars;
class QCPTextElement;
class QCPItemTracer;
class QCPItemStraightLine;
class QMouseEvent;

namespace relulab::ui {

// Shows curve results in the explorer's plots: f(x) above, f'(x) below, and RReLU's slope
// histogram. It only copies finished numbers into QCustomPlot and asks for a queued replot; every
// number it shows was computed by the curve worker.
class CurvePlots : public QObject
{
    Q_OBJECT

public:
    enum class Plot { Activation, Derivative };

    CurvePlots(QCustomPlot *activationPlot, QCustomPlot *derivativePlot, QCustomPlot *histogramPlot,
               QObject *parent = nullptr);

    void show(const app::CurveResultPtr &result);
    // Sets every text again in the current language (View > Language).
    void retranslate();
    const app::CurveResultPtr &shownResult() const noexcept { return m_result; }
    // When show() took the shown result, and when its replot finished (bench_latency's breakdown).
    app::CurveClock::time_point shownAt() const noexcept { return m_shownAt; }
    app::CurveClock::time_point drawnAt() const noexcept { return m_drawnAt; }

    // The hover readout: snaps to the selected function's sample nearest to plot coordinate x.
    void traceAt(double x);
    void hideTracer();
    QString tracerText() const;
    bool tracerVisible() const;
    static QString hoverHint();

    QCustomPlot *plot(Plot which) const noexcept;
    QCPGraph *selectedGraph(Plot which) const noexcept;
    // The overlay graphs in use, in the order of the result's overlays.
    QList<QCPGraph *> overlayGraphs(Plot which) const;
    // The text beside the marker at x = 0 on the derivative plot.
    QString zeroLabelText() const;
    QCPBars *slopeBars() const noexcept { return m_slopeBars; }

signals:
    // Both plots (and the histogram, if it changed) have been repainted with this result.
    void drawn(quint64 generation, double redrawMilliseconds);

private:
    struct PlotGraphs
    {
        QCustomPlot *plot = nullptr;
        QCPGraph *selected = nullptr;
        QCPGraph *selectedContinuation = nullptr; // right of a derivative jump at 0
        QList<QCPGraph *> overlays;
        QList<QCPGraph *> overlayContinuations;
        QCPGraph *envelopeLower = nullptr;
        QCPGraph *envelopeUpper = nullptr;
        QCPItemTracer *tracer = nullptr;
        qsizetype shownOverlays = 0;
    };
    enum class Replot { MainLayer, Everything };

    void setUpPlot(PlotGraphs &graphs, const QString &yLabel);
    void setUpHistogram();
    void showHistogramTexts();
    // Returns true when only the main layer changed (same axes, overlays and legend).
    bool showPlot(PlotGraphs &graphs, Plot which);
    // Returns whether the graph's data changed.
    bool setSeriesData(QCPGraph *graph, QCPGraph *continuation, const QList<double> &x,
                       const QList<double> &values, qsizetype gapAfter);
    // Returns true when the label's line count changed (the plot's layout must be redone).
    bool showZeroMarker();
    void showHistogram();
    void onMouseMove(QMouseEvent *event);
    void requestReplot(QCustomPlot *plot, Replot extent);
    void flushReplots();
    app::CurveClock::time_point m_shownAt;
    app::CurveClock::time_point m_drawnAt;
    bool eventFilter(QObject *watched, QEvent *event) override;

    PlotGraphs m_activation;
    PlotGraphs m_derivative;
    QCustomPlot *m_histogram;
    QCPGraph *m_zeroTaken = nullptr;
    QCPGraph *m_zeroOtherSides = nullptr;
    QCPTextElement *m_zeroLabel = nullptr;
    QCPTextElement *m_tracerLabel = nullptr;
    bool m_tracerVisible = false;
    QCPBars *m_slopeBars = nullptr;
    QCPGraph *m_uniformDensity = nullptr;
    QCPGraph *m_paperDensity = nullptr;
    QCPItemStraightLine *m_evaluationSlopeLine = nullptr;
    QCPTextElement *m_histogramLabel = nullptr;

    // What each graph shows, held so that its storage stays alive and can be recognised.
    struct ShownData
    {
        QList<double> keys;
        QList<double> values;
        qsizetype gapAfter = -1;
    };
    QHash<const QCPGraph *, ShownData> m_shownData;

    app::CurveResultPtr m_result;
    qsizetype m_tracedIndex = -1;
    QHash<QCustomPlot *, Replot> m_pendingReplots;
    bool m_flushScheduled = false;
    bool m_drawPending = false;
    QElapsedTimer m_redrawTimer;
};

} // namespace relulab::ui
