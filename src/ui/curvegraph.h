#pragma once

#include <qcustomplot.h>

namespace relulab::ui {

// A QCPGraph that picks the fast way to draw its line by its own pen, instead of QCustomPlot's
// plot-wide phFastPolylines hint. Measured offscreen with 10,000-point curves: a wide antialiased
// pen is about twice as fast drawn segment by segment (no stroker joins), while a thin pen is
// fastest as one polyline, which the plot-wide hint would have turned into slow segments.
class CurveGraph : public QCPGraph
{
    Q_OBJECT

public:
    using QCPGraph::QCPGraph;

    // Adds a CurveGraph to `plot` on its default axes (QCustomPlot::addGraph makes a plain one).
    static CurveGraph *addTo(QCustomPlot *plot);

protected:
    void drawLinePlot(QCPPainter *painter, const QVector<QPointF> &lines) const override;
};

} // namespace relulab::ui
