#include "curvegraph.h"

#include <cmath>

namespace relulab::ui {

namespace {

bool isPoint(const QPointF &p)
{
    return !std::isnan(p.x()) && !std::isnan(p.y());
}

} // namespace

CurveGraph *CurveGraph::addTo(QCustomPlot *plot)
{
    // The plot takes ownership when the graph registers itself in its constructor.
    return new CurveGraph(plot->xAxis, plot->yAxis);
}

void CurveGraph::drawLinePlot(QCPPainter *painter, const QVector<QPointF> &lines) const
{
    if (painter->pen().style() == Qt::NoPen || painter->pen().color().alpha() == 0)
        return;
    applyDefaultAntialiasingHint(painter);
    const bool segmentwise = painter->pen().widthF() > 1.0 && painter->pen().style() == Qt::SolidLine
            && !painter->modes().testFlag(QCPPainter::pmVectorized)
            && !painter->modes().testFlag(QCPPainter::pmNoCaching);
    // Runs of valid points; a nan point (a gap in the data) ends a run.
    qsizetype start = 0;
    const qsizetype n = lines.size();
    while (start < n) {
        while (start < n && !isPoint(lines[start]))
            ++start;
        qsizetype end = start;
        while (end < n && isPoint(lines[end]))
            ++end;
        if (end - start >= 2) {
            if (segmentwise) {
                for (qsizetype i = start + 1; i < end; ++i)
                    painter->drawLine(lines[i - 1], lines[i]);
            } else {
                painter->drawPolyline(lines.constData() + start, static_cast<int>(end - start));
            }
        }
        start = end;
    }
}

} // namespace relulab::ui
