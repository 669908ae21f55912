#include "readable.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QHash>
#include <QHeaderView>
#include <QList>
#include <QStyle>
#include <QPointer>
#include <QTextBoundaryFinder>
#include <QWidget>

#include <qcustomplot.h>

#include <algorithm>
#include <functional>
#include <cmath>

namespace relulab::ui {

namespace {

// Dynamic properties the fit keeps on the elements it changes: the text the plot's code set (and
// the one the fit made of it), the ticker's own tick count, the axis rect's own minimum margins.
constexpr const char *OriginalText = "relulabFitOriginal";
constexpr const char *FittedText = "relulabFitFitted";
constexpr const char *BaseTickCount = "relulabFitBaseTicks";
constexpr const char *TickerSeen = "relulabFitTicker";
constexpr const char *BaseMargins = "relulabFitBaseMargins";
constexpr const char *FitKey = "relulabFitKey"; // what the fitted text was made from

// Room between neighbouring tick labels, as a share of a label's extent along the axis.
constexpr double TickLabelGap = 0.5;
// Layout passes per replot at most: each fit can change what the next layout gives.
constexpr int MaxPasses = 4;

// `text` broken into lines no wider than `width` where lines may break (at spaces, between CJK
// characters: Unicode's line breaking rules); a piece wider stays whole, and the text's own line
// breaks are kept.
QString wrapped(const QString &text, const QFontMetricsF &metrics, double width)
{
    QStringList lines;
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QTextBoundaryFinder breaks(QTextBoundaryFinder::Line, paragraph);
        qsizetype lineStart = 0;
        qsizetype lastBreak = 0;
        for (qsizetype position = breaks.toNextBoundary(); position > 0; position = breaks.toNextBoundary()) {
            const QString candidate = paragraph.mid(lineStart, position - lineStart).trimmed();
            if (lastBreak > lineStart && metrics.horizontalAdvance(candidate) > width) {
                lines << paragraph.mid(lineStart, lastBreak - lineStart).trimmed();
                lineStart = lastBreak;
            }
            lastBreak = position;
        }
        lines << paragraph.mid(lineStart).trimmed();
    }
    return lines.join(QLatin1Char('\n'));
}

// The text the plot's code set: the current one, unless it is still the one the fit made.
QString originalText(const QObject *element, const QString &current)
{
    if (element->property(FittedText).toString() == current && element->property(OriginalText).isValid())
        return element->property(OriginalText).toString();
    return current;
}

// Sets `fitted` (made from `original`); true when that changed the text.
bool setFitted(QObject *element, const QString &original, const QString &current, const QString &fitted,
               const std::function<void(const QString &)> &set)
{
    element->setProperty(OriginalText, original);
    element->setProperty(FittedText, fitted);
    if (fitted == current)
        return false;
    set(fitted);
    return true;
}

// Tick labels repeat from frame to frame, and a plot is laid out at every frame of a run:
// each text is measured once per font (plots live on the GUI thread only).
QSizeF textSize(const QFont &font, const QString &text)
{
    static QHash<QString, QSizeF> measured;
    const QString key = font.key() + QChar(0x1F) + text;
    if (const auto found = measured.constFind(key); found != measured.cend())
        return *found;
    if (measured.size() > 4096)
        measured.clear();
    const QSizeF size = QFontMetricsF(font).boundingRect(QRectF(), Qt::TextDontClip, text).size();
    measured.insert(key, size);
    return size;
}

// `original` wrapped to `room` in `font`, computed again only when one of them changed.
QString wrappedOnce(QObject *element, const QString &original, const QFont &font, double room)
{
    const QString key = original + QChar(0x1F) + font.key() + QChar(0x1F) + QString::number(qRound(room));
    if (element->property(FitKey).toString() == key && element->property(FittedText).isValid())
        return element->property(FittedText).toString();
    element->setProperty(FitKey, key);
    return wrapped(original, QFontMetricsF(font), room);
}

// A drawn tick label: where its tick is along the axis, in pixels, and its extent along the axis.
struct TickLabel
{
    double pixel;
    double extent;
};

// The axis' tick labels inside its range, in tick order.
QList<TickLabel> tickLabels(QCPAxis *axis)
{
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    QList<TickLabel> shown;
    for (qsizetype k = 0; k < ticks.size() && k < labels.size(); ++k) {
        if (labels[k].isEmpty() || !axis->range().contains(ticks[k]))
            continue;
        const QSizeF size = textSize(axis->tickLabelFont(), labels[k]);
        shown.append({axis->coordToPixel(ticks[k]), horizontal ? size.width() : size.height()});
    }
    return shown;
}

// As many ticks as the labels have room for, at most the ticker's own count.
bool fitTickCount(QCPAxis *axis)
{
    const QSharedPointer<QCPAxisTicker> ticker = axis->ticker();
    if (!ticker || !axis->tickLabels())
        return false;
    const auto id = static_cast<qulonglong>(reinterpret_cast<quintptr>(ticker.data()));
    if (axis->property(TickerSeen).toULongLong() != id) {
        axis->setProperty(TickerSeen, id);
        axis->setProperty(BaseTickCount, ticker->tickCount());
    }
    const int base = axis->property(BaseTickCount).toInt();
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    double extent = 0.0;
    for (const TickLabel &label : tickLabels(axis))
        extent = std::max(extent, label.extent);
    if (extent <= 0.0)
        return false;
    const double length = horizontal ? axis->axisRect()->width() : axis->axisRect()->height();
    // The ticker may round the step down and give up to about twice the ticks asked for.
    const int room = static_cast<int>(std::floor(length / (extent * (1.0 + TickLabelGap))));
    const int wanted = std::clamp(room / 2 + 1, 2, std::max(2, base));
    if (ticker->tickCount() == wanted)
        return false;
    ticker->setTickCount(wanted);
    return true;
}

// Whether two neighbouring tick labels of `axis` overlap (what a tick count cannot prevent).
bool tickLabelsCollide(QCPAxis *axis)
{
    // Pixels grow to the right and downwards: a vertical axis lists its ticks upwards.
    const double direction = axis->orientation() == Qt::Horizontal ? 1.0 : -1.0;
    double lastEnd = -1e9;
    for (const TickLabel &label : tickLabels(axis)) {
        const double pixel = direction * label.pixel;
        if (pixel - label.extent / 2.0 < lastEnd)
            return true;
        lastEnd = pixel + label.extent / 2.0;
    }
    return false;
}

// How far the tick labels at the ends of `axis` reach past its axis rect, per side.
QMargins tickLabelOverhang(QCPAxis *axis)
{
    QMargins overhang;
    if (!axis->visible() || !axis->tickLabels())
        return overhang;
    const QRect rect = axis->axisRect()->rect();
    if (rect.width() < 2 || rect.height() < 2)
        return overhang;
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const double low = horizontal ? rect.left() : rect.top();
    const double high = horizontal ? rect.right() : rect.bottom();
    int before = 0; // past the left or top edge
    int after = 0;  // past the right or bottom edge
    for (const TickLabel &label : tickLabels(axis)) {
        // A tick lies inside the rect, so a label reaches at most half its size past it (a
        // degenerate rect, squeezed to nothing, says nothing).
        const double pixel = std::clamp(label.pixel, low, high);
        before = std::max(before, qCeil(low - (pixel - label.extent / 2.0)) + 1);
        after = std::max(after, qCeil(pixel + label.extent / 2.0 - high) + 1);
    }
    if (horizontal) {
        overhang.setLeft(before);
        overhang.setRight(after);
    } else {
        overhang.setTop(before);
        overhang.setBottom(after);
    }
    return overhang;
}

// The axis rect's minimum margins: its own, grown to hold the end tick labels, on the sides whose
// margins are automatic. (A side whose axis is wider than the overhang keeps the axis' margin.)
bool fitMargins(QCPAxisRect *axisRect)
{
    if (!axisRect->property(BaseMargins).isValid())
        axisRect->setProperty(BaseMargins, QVariant::fromValue(axisRect->minimumMargins()));
    const QMargins base = axisRect->property(BaseMargins).value<QMargins>();
    QMargins overhang;
    for (QCPAxis *axis : axisRect->axes()) {
        const QMargins own = tickLabelOverhang(axis);
        overhang = QMargins(std::max(overhang.left(), own.left()), std::max(overhang.top(), own.top()),
                            std::max(overhang.right(), own.right()),
                            std::max(overhang.bottom(), own.bottom()));
    }
    const QCP::MarginSides automatic = axisRect->autoMargins();
    const auto side = [&](QCP::MarginSide which, int own, int needed) {
        return automatic.testFlag(which) ? std::max(own, needed) : own;
    };
    const QMargins minimum(side(QCP::msLeft, base.left(), overhang.left()),
                           side(QCP::msTop, base.top(), overhang.top()),
                           side(QCP::msRight, base.right(), overhang.right()),
                           side(QCP::msBottom, base.bottom(), overhang.bottom()));
    if (minimum == axisRect->minimumMargins())
        return false;
    axisRect->setMinimumMargins(minimum);
    return true;
}

// An axis label no longer than the plot lets it be: centred on the axis rect's side.
bool fitAxisLabel(QCustomPlot *plot, QCPAxis *axis)
{
    const QString current = axis->label();
    if (current.isEmpty())
        return false;
    const QString original = originalText(axis, current);
    const QRect side = axis->axisRect()->rect();
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const double centre = horizontal ? side.center().x() : side.center().y();
    const double length = horizontal ? plot->viewport().width() : plot->viewport().height();
    const double room = 2.0 * std::min(centre, length - centre) - 2.0;
    const QString fitted = wrappedOnce(axis, original, axis->labelFont(), room);
    return setFitted(axis, original, current, fitted, [axis](const QString &text) { axis->setLabel(text); });
}

bool fitTitle(QCPTextElement *title)
{
    const QString current = title->text();
    if (current.isEmpty())
        return false;
    const QString original = originalText(title, current);
    const double room = title->rect().width() - 2.0;
    if (room <= 0.0)
        return false;
    const QString fitted = wrappedOnce(title, original, title->font(), room);
    return setFitted(title, original, current, fitted, [title](const QString &text) { title->setText(text); });
}

// A legend in a row of the plot's layout: as many columns as fit its width.
bool fitLegend(QCPLegend *legend)
{
    if (legend->fillOrder() != QCPLayoutGrid::foColumnsFirst || legend->itemCount() == 0)
        return false;
    const int count = legend->itemCount();
    const double room = legend->outerRect().width() - legend->margins().left() - legend->margins().right();
    int columns = count;
    for (; columns > 1; --columns) {
        double width = (columns - 1) * legend->columnSpacing();
        for (int c = 0; c < columns; ++c) {
            int widest = 0;
            for (int i = c; i < count; i += columns)
                if (QCPAbstractLegendItem *item = legend->item(i))
                    widest = std::max(widest, item->minimumOuterSizeHint().width());
            width += widest;
        }
        if (width <= room)
            break;
    }
    const int wrap = columns >= count ? 0 : columns;
    if (legend->wrap() == wrap)
        return false;
    legend->setWrap(wrap);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    return true;
}

// One pass over the plot as laid out: true when something changed that needs a new layout.
bool fitOnce(QCustomPlot *plot)
{
    bool changed = false;
    for (QCPAxisRect *axisRect : plot->axisRects()) {
        for (QCPAxis *axis : axisRect->axes()) {
            if (!axis->visible())
                continue;
            changed |= fitTickCount(axis);
            changed |= fitAxisLabel(plot, axis);
        }
        changed |= fitMargins(axisRect);
    }
    for (QCPLayoutElement *element : plot->plotLayout()->elements(true)) {
        if (auto *title = qobject_cast<QCPTextElement *>(element); title && title->visible())
            changed |= fitTitle(title);
        else if (auto *legend = qobject_cast<QCPLegend *>(element); legend && legend->visible())
            changed |= fitLegend(legend);
    }
    return changed;
}

// Lays the plot out again (what QCustomPlot::replot does before it draws).
void layOut(QCustomPlot *plot)
{
    QCPLayoutGrid *layout = plot->plotLayout();
    layout->update(QCPLayoutElement::upPreparation);
    layout->update(QCPLayoutElement::upMargins);
    layout->update(QCPLayoutElement::upLayout);
}

void fit(QCustomPlot *plot)
{
    const QSize before = plot->plotLayout()->minimumOuterSizeHint();
    for (int pass = 0; pass < MaxPasses && fitOnce(plot); ++pass)
        layOut(plot);
    // Where the ticker still crowds its labels (a step it rounds down), one tick fewer at a time.
    for (int pass = 0; pass < MaxPasses; ++pass) {
        bool crowded = false;
        for (QCPAxisRect *axisRect : plot->axisRects()) {
            for (QCPAxis *axis : axisRect->axes()) {
                if (!axis->visible() || !axis->tickLabels() || !axis->ticker() || !tickLabelsCollide(axis))
                    continue;
                const int count = axis->ticker()->tickCount();
                if (count > 2) {
                    axis->ticker()->setTickCount(count - 1);
                    crowded = true;
                }
            }
        }
        if (!crowded)
            break;
        layOut(plot);
        fitOnce(plot);
        layOut(plot);
    }
    // Wrapped texts and legends need more height: the window's layouts are to know (the plot's
    // minimumSizeHint() is its layout's).
    if (plot->plotLayout()->minimumOuterSizeHint() != before)
        plot->updateGeometry();
}

class PlotFitter : public QObject
{
public:
    explicit PlotFitter(QCustomPlot *plot) : QObject(plot)
    {
        setObjectName(QStringLiteral("relulabPlotFit"));
        connect(plot, &QCustomPlot::afterLayout, this, [this, plot] {
            if (m_fitting)
                return;
            m_fitting = true;
            fit(plot);
            m_fitting = false;
        });
    }

private:
    bool m_fitting = false;
};

class PolishWatcher : public QObject
{
public:
    explicit PolishWatcher(QWidget *window) : QObject(window), m_window(window) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Polish) {
            if (auto *plot = qobject_cast<QCustomPlot *>(watched); plot && m_window->isAncestorOf(plot))
                keepPlotReadable(plot);
        }
        return false;
    }

private:
    QPointer<QWidget> m_window;
};

// Keeps a header's minimum section size at its widest title.
class HeaderFitter : public QObject
{
public:
    explicit HeaderFitter(QHeaderView *header) : QObject(header), m_header(header)
    {
        setObjectName(QStringLiteral("relulabHeaderFit"));
        header->installEventFilter(this);
        connect(header, &QHeaderView::sectionCountChanged, this, [this] { fit(); });
        if (header->model())
            connect(header->model(), &QAbstractItemModel::headerDataChanged, this, [this] { fit(); });
        fit();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_header && (event->type() == QEvent::FontChange || event->type() == QEvent::Polish))
            fit();
        return false;
    }

private:
    void fit()
    {
        const QAbstractItemModel *model = m_header->model();
        if (!model)
            return;
        const QFontMetrics metrics(m_header->font());
        const int margin = m_header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, m_header);
        int widest = 0;
        const int count = m_header->orientation() == Qt::Horizontal ? model->columnCount() : model->rowCount();
        for (int section = 0; section < count; ++section)
            widest = std::max(widest, metrics.horizontalAdvance(
                                              model->headerData(section, m_header->orientation()).toString()));
        m_header->setMinimumSectionSize(widest + 2 * margin + 2);
    }

    QHeaderView *m_header;
};

} // namespace

QString unwrappedText(const QObject *element, const QString &shown)
{
    return originalText(element, shown);
}

void keepHeaderTextsWhole(QHeaderView *header)
{
    if (!header->findChild<HeaderFitter *>(QStringLiteral("relulabHeaderFit"), Qt::FindDirectChildrenOnly))
        new HeaderFitter(header);
}

void keepPlotReadable(QCustomPlot *plot)
{
    if (plot->findChild<PlotFitter *>(QStringLiteral("relulabPlotFit"), Qt::FindDirectChildrenOnly))
        return;
    new PlotFitter(plot);
}

void keepPlotsReadable(QWidget *window)
{
    for (QCustomPlot *plot : window->findChildren<QCustomPlot *>())
        keepPlotReadable(plot);
    qApp->installEventFilter(new PolishWatcher(window));
}

} // namespace relulab::ui
