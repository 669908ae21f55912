#include "networkview.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QImage>
#include <QLineF>
#include <QLinearGradient>
#include <QLocale>
#include <QPaintEvent>
#include <QPainter>
#include <QPalette>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <numeric>

namespace relulab::ui {

namespace {

// Okabe-Ito blue and vermillion, as in style.cpp: apart for common colour-vision deficiencies, and
// the blue-positive / warm-negative pairing of TensorFlow Playground's network picture.
const QColor PositiveColor(0x00, 0x72, 0xB2);
const QColor NegativeColor(0xD5, 0x5E, 0x00);
// Dead is a pure, saturated red, warmer and stronger than any link, on a black unit.
const QColor DeadColor(0xE4, 0x10, 0x1C);
const QColor RareColor(0xE6, 0x9F, 0x00);
const QColor DivergedColor(0xB4, 0x1E, 0x1E);

// `from` moved the share `t` of the way to `to`, channel by channel.
QColor mix(const QColor &from, const QColor &to, double t)
{
    const auto channel = [t](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
    return QColor(channel(from.red(), to.red()), channel(from.green(), to.green()),
                  channel(from.blue(), to.blue()));
}

// The neutral colours, from the palette: text and outlines between the text colour and the
// background, so that the dark theme gets light ones. (On the light theme's black on white they
// are the greys the view always had: 0x55 secondary text, 0x40 outlines.)
struct Ink
{
    explicit Ink(const QPalette &palette)
        : base(palette.color(QPalette::Base)), text(palette.color(QPalette::WindowText))
    {
    }
    QColor base;
    QColor text;
    QColor secondary = mix(text, base, 0.33);
    QColor outline = mix(text, base, 0.25);
    QColor unmeasured = mix(text, base, 0.73);
    // A diverged run's structure: faint fills and lines.
    QColor greyFill = mix(text, base, 0.87);
    QColor greyLine = mix(text, base, 0.63);
    QColor alarm = mix(base, DivergedColor, 0.06);
};

constexpr double Margin = 8.0;
constexpr double MaxRadius = 11.0;
constexpr double MinRadius = 1.5; // a 3 px disc
constexpr double MaxPitch = 4.0 * MaxRadius;
constexpr double HoverSlack = 3.0; // pixels around a unit that still show its tooltip
// Links fall into this many strength buckets, each with one width and opacity, drawn weakest
// first so that strong links lie on top.
constexpr int WidthBuckets = 6;
constexpr double ThinLinkWidth = 0.5;
constexpr double MaxLinkWidth = 2.5;
// A layer that keeps fewer than 1 in this many of its links has them chosen with a heap, one
// with more with std::nth_element (see links()).
constexpr std::size_t HeapSelection = 32;

struct Oklab
{
    double l = 0.0;
    double a = 0.0;
    double b = 0.0;
};

double toLinear(double channel)
{
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

int toSrgb(double linear)
{
    const double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * std::pow(linear, 1.0 / 2.4) - 0.055;
    return static_cast<int>(std::lround(std::clamp(c, 0.0, 1.0) * 255.0));
}

// Björn Ottosson's Oklab (2020): interpolating in it keeps the ramp's lightness steps even.
Oklab toOklab(const QColor &color)
{
    const double r = toLinear(color.red());
    const double g = toLinear(color.green());
    const double b = toLinear(color.blue());
    const double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return {0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
}

QColor fromOklab(const Oklab &lab)
{
    const double l = std::pow(lab.l + 0.3963377774 * lab.a + 0.2158037573 * lab.b, 3.0);
    const double m = std::pow(lab.l - 0.1055613458 * lab.a - 0.0638541728 * lab.b, 3.0);
    const double s = std::pow(lab.l - 0.0894841775 * lab.a - 1.2914855480 * lab.b, 3.0);
    return QColor(toSrgb(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
                  toSrgb(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
                  toSrgb(-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s));
}

// From dark grey (barely alive) through viridis's teal and green to its yellow: lightness rises
// monotonically, so the ramp reads in greyscale and for colour-blind viewers, and it keeps clear
// of the links' blue and vermillion.
const std::array<QRgb, 256> &rateRamp()
{
    static const std::array<QRgb, 256> ramp = [] {
        const std::array<std::pair<double, QColor>, 5> anchors {{
                {0.0, QColor(0x33, 0x33, 0x33)},
                {0.25, QColor(0x1F, 0x5C, 0x5A)},
                {0.5, QColor(0x21, 0x91, 0x8C)},
                {0.75, QColor(0x5E, 0xC9, 0x62)},
                {1.0, QColor(0xFD, 0xE7, 0x25)},
        }};
        std::array<QRgb, 256> table {};
        for (std::size_t i = 0; i < table.size(); ++i) {
            const double t = static_cast<double>(i) / 255.0;
            std::size_t k = 1;
            while (k + 1 < anchors.size() && anchors[k].first < t)
                ++k;
            const auto &[t0, c0] = anchors[k - 1];
            const auto &[t1, c1] = anchors[k];
            const double f = (t - t0) / (t1 - t0);
            const Oklab a = toOklab(c0);
            const Oklab b = toOklab(c1);
            table[i] =
                    fromOklab({a.l + f * (b.l - a.l), a.a + f * (b.a - a.a), a.b + f * (b.b - a.b)}).rgb();
        }
        return table;
    }();
    return ramp;
}

// x₁, x₂, ... for input 0, 1, ...
QString inputName(int unit)
{
    QString name = QStringLiteral("x");
    for (QChar digit : QString::number(unit + 1))
        name += QChar(0x2080 + digit.digitValue()); // subscript digits
    return name;
}

QString percent(double fraction)
{
    return QLocale().toString(100.0 * fraction, 'f', 1);
}

QFont legendFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

enum class LegendKind { Dead, DeadLearning, Rare, Ramp, Positive, Negative, Note };

struct LegendItem
{
    LegendKind kind;
    QString text;
    QRectF rect; // symbol and text, relative to the legend's top left corner
};

constexpr double LegendSymbol = 16.0;
constexpr double RampSymbol = 44.0;
constexpr double LegendGap = 4.0;
constexpr double LegendSpacing = 14.0;

double symbolWidth(LegendKind kind)
{
    switch (kind) {
    case LegendKind::Ramp:
        return RampSymbol;
    case LegendKind::Note:
        return -LegendGap; // text alone
    default:
        return LegendSymbol;
    }
}

// The legend's items flowed over as many lines as `width` needs, then each note on a line of its
// own. It does not depend on the weights or the counts, only on the network's shape and the
// view's size, so the picture does not jump while a run trains.
std::vector<LegendItem> legendItems(const QFontMetricsF &fm, double width, const QStringList &notes)
{
    std::vector<LegendItem> items {{
            {LegendKind::Dead, NetworkView::tr("dead (no gradient)"), {}},
            {LegendKind::DeadLearning, NetworkView::tr("dead, still learning"), {}},
            {LegendKind::Rare, NetworkView::tr("active < 5 %"), {}},
            {LegendKind::Ramp, NetworkView::tr("activation rate 0–100 %"), {}},
            {LegendKind::Positive, NetworkView::tr("w > 0"), {}},
            {LegendKind::Negative, NetworkView::tr("w < 0"), {}},
    }};
    for (const QString &note : notes)
        items.push_back({LegendKind::Note, note, {}});
    const double lineHeight = std::max(fm.height(), LegendSymbol);
    double x = 0.0;
    double y = 0.0;
    for (LegendItem &item : items) {
        const double itemWidth =
                symbolWidth(item.kind) + LegendGap + fm.horizontalAdvance(item.text) + 2.0;
        if (x > 0.0 && (x + itemWidth > width || item.kind == LegendKind::Note)) {
            x = 0.0;
            y += lineHeight;
        }
        item.rect = QRectF(x, y, itemWidth, lineHeight);
        x += itemWidth + LegendSpacing;
    }
    return items;
}

// The ring around a marked unit: drawn mostly outside its disc, so that a marked unit looks a
// little larger than its neighbours and stands out among them.
double ringWidth(double radius)
{
    return std::clamp(radius * 0.35, 1.5, 2.8);
}

void paintRing(QPainter &painter, QPointF centre, double radius, const QPen &pen)
{
    const double ring = radius + 0.25 * pen.widthF();
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(centre, ring, ring);
}

// A dead unit: black in a red ring, crossed out when no gradient reaches it any more; while one
// still does (Leaky ReLU and kin), the ring is dashed red on the background colour, since dashes
// over the black fill would read as one solid ring.
void paintDeadUnit(QPainter &painter, QPointF centre, double radius, bool learning,
                   const QColor &background)
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    painter.drawEllipse(centre, radius, radius);
    const double width = ringWidth(radius);
    QPen pen(DeadColor, width, Qt::SolidLine, Qt::FlatCap);
    if (learning) {
        paintRing(painter, centre, radius, QPen(background, width));
        // A whole number of dashes, so that the first and last do not merge.
        const double circumference = 2.0 * std::numbers::pi * (radius + 0.25 * width);
        const double dashes = std::max(4.0, std::round(circumference / (3.0 * width)));
        const double period = circumference / dashes / width; // in pen widths, as Qt counts
        pen.setDashPattern({0.55 * period, 0.45 * period});
    }
    paintRing(painter, centre, radius, pen);
    if (learning || radius < 4.0)
        return;
    const double arm = radius * 0.5;
    painter.setPen(QPen(DeadColor, std::clamp(radius * 0.2, 1.0, 2.2), Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(centre + QPointF(-arm, -arm), centre + QPointF(arm, arm));
    painter.drawLine(centre + QPointF(-arm, arm), centre + QPointF(arm, -arm));
}

// Blends an antialiased line of any width into an opaque image: the coverage of each pixel is
// the overlap of its row (or column) with the line's cross-section. QPainter's drawLines() was too
// slow for thousands of links: a translucent pen takes a per-pixel path and a pen wider than 1 px
// the stroker, and the reference network's 3,136 links took 72 ms (11 ms with opaque pens) where
// this takes about 2. The ends need no care: they lie under the units, painted on top.
void blendLine(QImage &image, const QLineF &line, double width, const QColor &color, double opacity)
{
    const bool steep = std::abs(line.dy()) > std::abs(line.dx());
    // Major axis u (one step per pixel), minor axis v.
    double u0 = steep ? line.y1() : line.x1();
    double v0 = steep ? line.x1() : line.y1();
    double u1 = steep ? line.y2() : line.x2();
    double v1 = steep ? line.x2() : line.y2();
    if (u0 > u1) {
        std::swap(u0, u1);
        std::swap(v0, v1);
    }
    if (u1 - u0 < 1e-9)
        return;
    const double slope = (v1 - v0) / (u1 - u0);
    const double half = 0.5 * width * std::sqrt(1.0 + slope * slope);
    const int uLimit = steep ? image.height() : image.width();
    const int vLimit = steep ? image.width() : image.height();
    // Pixel u spans [u, u + 1) and is sampled at its centre. No std::floor in the loops: without
    // SSE 4.1 it is a library call; the clamped values are non-negative, so a cast floors them.
    // NOLINTNEXTLINE(bugprone-incorrect-roundings): deliberate, see above
    const int first = std::max(0, static_cast<int>(u0 + 0.5) - (u0 + 0.5 < 0.0 ? 1 : 0));
    const int last = std::min(uLimit - 1, static_cast<int>(std::max(u1 - 0.5, -1.0)));
    const int red = color.red();
    const int green = color.green();
    const int blue = color.blue();
    const float scale = static_cast<float>(256.0 * opacity);
    const auto halfWidth = static_cast<float>(half);
    const auto step = static_cast<float>(slope);
    const auto vMax = static_cast<float>(vLimit);
    uchar *bits = image.bits();
    const qsizetype stride = image.bytesPerLine();
    auto blend = [&](int u, int v, float coverage) {
        // NOLINTNEXTLINE(bugprone-incorrect-roundings): non-negative, so adding 0.5 rounds
        const int a = static_cast<int>(coverage * scale + 0.5f);
        auto *pixel = steep ? reinterpret_cast<QRgb *>(bits + u * stride) + v
                            : reinterpret_cast<QRgb *>(bits + v * stride) + u;
        const QRgb d = *pixel;
        const int r = qRed(d);
        const int g = qGreen(d);
        const int b = qBlue(d);
        *pixel = qRgb(r + (((red - r) * a) >> 8), g + (((green - g) * a) >> 8),
                      b + (((blue - b) * a) >> 8));
    };
    float centre = static_cast<float>(v0 + (first + 0.5 - u0) * slope);
    for (int u = first; u <= last; ++u, centre += step) {
        const float lo = std::max(centre - halfWidth, 0.0f);
        const float hi = std::min(centre + halfWidth, vMax);
        if (!(lo < hi))
            continue;
        const int vFirst = static_cast<int>(lo);
        const int vLast = std::min(static_cast<int>(hi), vLimit - 1);
        if (vFirst == vLast) {
            blend(u, vFirst, hi - lo);
            continue;
        }
        blend(u, vFirst, static_cast<float>(vFirst + 1) - lo);
        for (int v = vFirst + 1; v < vLast; ++v)
            blend(u, v, 1.0f);
        blend(u, vLast, hi - static_cast<float>(vLast));
    }
}

std::size_t linksOf(const core::LayerLayout &layer)
{
    return static_cast<std::size_t>(layer.in) * static_cast<std::size_t>(layer.out);
}

// How many links of each layer to draw: at most `perGap` (what the gap between two columns can
// show), and MaxLinks shared out so that a layer with fewer links than its share keeps all of them
// and leaves the rest to the others, which all get the same share (so the legend can say one
// number per layer).
std::vector<std::size_t> linkBudgets(const std::vector<core::LayerLayout> &layout, std::size_t perGap)
{
    std::vector<std::size_t> wanted(layout.size());
    for (std::size_t l = 0; l < layout.size(); ++l)
        wanted[l] = std::min(linksOf(layout[l]), perGap);
    std::vector<std::size_t> sorted = wanted;
    std::sort(sorted.begin(), sorted.end());
    auto remaining = static_cast<std::size_t>(NetworkView::MaxLinks);
    std::size_t share = perGap;
    for (std::size_t k = 0; k < sorted.size(); ++k) {
        const std::size_t equal = remaining / (sorted.size() - k);
        if (sorted[k] > equal) {
            share = equal;
            break;
        }
        remaining -= sorted[k];
    }
    for (std::size_t &budget : wanted)
        budget = std::min(budget, share);
    return wanted;
}

} // namespace

NetworkView::NetworkView(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void NetworkView::showSnapshot(const app::TrainingSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    std::vector<int> units;
    if (m_snapshot && !m_snapshot->layout.empty()) {
        units.push_back(m_snapshot->layout.front().in);
        for (const core::LayerLayout &layer : m_snapshot->layout)
            units.push_back(layer.out);
    }
    if (units != m_units) {
        m_units = std::move(units);
        m_geometryValid = false;
    }
    // The links are chosen at the next paint, once for this snapshot (see links()).
    m_linksValid = false;
    update();
}

int NetworkView::unitCount(int column) const
{
    return column >= 0 && column < columnCount() ? m_units[static_cast<std::size_t>(column)] : 0;
}

QPointF NetworkView::unitCentre(int column, int unit) const
{
    if (unit < 0 || unit >= unitCount(column))
        return {};
    const Column &c = geometry().columns[static_cast<std::size_t>(column)];
    return {c.x, c.firstY + unit * c.pitch};
}

double NetworkView::unitRadius(int column) const
{
    if (column < 0 || column >= columnCount())
        return 0.0;
    return geometry().columns[static_cast<std::size_t>(column)].radius;
}

QColor NetworkView::activationRateColor(double rate)
{
    if (!(rate > 0.0))
        return Qt::black;
    const auto index = static_cast<std::size_t>(std::lround(std::min(rate, 1.0) * 255.0));
    return QColor::fromRgb(rateRamp()[index]);
}

QSize NetworkView::sizeHint() const
{
    return {420, 300};
}

QSize NetworkView::minimumSizeHint() const
{
    return {160, 120};
}

bool NetworkView::diverged() const
{
    return m_snapshot && m_snapshot->measurement.diverged;
}

double NetworkView::activationRate(int column, int unit) const
{
    const auto &layers = m_snapshot->measurement.layers;
    const auto layer = static_cast<std::size_t>(column - 1);
    if (layer >= layers.size())
        return -1.0;
    const std::vector<float> &rates = layers[layer].activationRate;
    return static_cast<std::size_t>(unit) < rates.size() ? rates[static_cast<std::size_t>(unit)] : -1.0;
}

bool NetworkView::deadUnitsGetGradient(int column, int unit) const
{
    const core::LayerMeasurement &layer =
            m_snapshot->measurement.layers[static_cast<std::size_t>(column - 1)];
    if (layer.deadWithoutGradient >= layer.dead)
        return false;
    if (layer.deadWithoutGradient == 0)
        return true;
    // Some dead units get gradient and some do not: only per-unit PReLU alphas (a unit with
    // alpha 0 is a ReLU unit) say which. Without them the view claims no gradient, never a
    // gradient that may not be there.
    if (layer.alpha.size() == static_cast<std::size_t>(layer.units))
        return layer.alpha[static_cast<std::size_t>(unit)] != 0.0;
    return false;
}

NetworkView::UnitState NetworkView::unitState(int column, int unit) const
{
    const double rate = activationRate(column, unit);
    if (rate < 0.0)
        return UnitState::Unmeasured;
    if (rate == 0.0)
        return deadUnitsGetGradient(column, unit) ? UnitState::DeadWithGradient
                                                  : UnitState::DeadNoGradient;
    if (rate < core::RarelyActiveFraction)
        return UnitState::RarelyActive;
    return UnitState::Active;
}

QString NetworkView::layerName(int column, TitleForm form) const
{
    if (column == 0)
        return tr("input");
    if (column == columnCount() - 1)
        return tr("output");
    return form == TitleForm::Numbers ? QString::number(column) : tr("layer %1").arg(column);
}

QString NetworkView::deadCountText(int column, int dead, TitleForm form) const
{
    // Not "0 dead" for a count that means nothing (a diverged run) or is not there yet.
    if (diverged() || dead < 0)
        return QStringLiteral("—");
    switch (form) {
    case TitleForm::OneLine:
    case TitleForm::TwoLines:
        break;
    case TitleForm::ShortCount:
        return tr("%1 dead").arg(dead);
    case TitleForm::Numbers:
        return QString::number(dead);
    }
    return tr("%1 dead / %2").arg(dead).arg(unitCount(column));
}

QString NetworkView::oneLineTitle(int column, int dead) const
{
    return tr("%1 · %2").arg(layerName(column, TitleForm::OneLine),
                             deadCountText(column, dead, TitleForm::OneLine));
}

bool NetworkView::columnLabelled(const Geometry &g, int column) const
{
    if (g.titleForm != TitleForm::Numbers || column <= 0 || column >= columnCount() - 1)
        return true;
    return column % g.labelStride == 0 || (column == 1 && g.labelFirst);
}

QString NetworkView::columnLabel(int column) const
{
    if (column < 0 || column >= columnCount())
        return {};
    const Geometry &g = geometry();
    const bool edge = column == 0 || column == columnCount() - 1;
    // Where layers are only numbered, "input" and "output" would run into them; x₁, x₂ and the
    // step say which columns these are.
    if ((edge && g.titleForm == TitleForm::Numbers) || !columnLabelled(g, column))
        return {};
    return layerName(column, g.titleForm);
}

QString NetworkView::columnDeadCount(int column) const
{
    if (column <= 0 || column >= columnCount() - 1)
        return {};
    const Geometry &g = geometry();
    if (g.countStride > 1 && !columnLabelled(g, column))
        return {};
    const auto &layers = m_snapshot->measurement.layers;
    const auto index = static_cast<std::size_t>(column - 1);
    return deadCountText(column, index < layers.size() ? layers[index].dead : -1, g.titleForm);
}

QString NetworkView::omissionNote() const
{
    return columnCount() < 2 ? QString() : geometry().notes.join(QLatin1Char('\n'));
}

qsizetype NetworkView::linkCount() const
{
    qsizetype count = 0;
    if (m_snapshot) {
        for (const core::LayerLayout &layer : m_snapshot->layout)
            count += static_cast<qsizetype>(linksOf(layer));
    }
    return count;
}

int NetworkView::drawnLinkCount() const
{
    if (columnCount() < 2 || diverged())
        return 0;
    return static_cast<int>(links(geometry()).size());
}

const NetworkView::Geometry &NetworkView::geometry() const
{
    if (m_geometryValid && m_geometry.size == size())
        return m_geometry;
    Geometry g;
    g.size = size();
    const int count = columnCount();
    if (count < 2) {
        m_geometry = g;
        m_geometryValid = true;
        return m_geometry;
    }
    const QFontMetricsF fm(font());
    const QFontMetricsF legendMetrics(legendFont(font()));
    const double w = width();
    const double h = height();

    double leftLabel = 0.0;
    for (int u = 0; u < unitCount(0); ++u)
        leftLabel = std::max(leftLabel, fm.horizontalAdvance(inputName(u)) + 4.0);
    const double stepLabel = fm.horizontalAdvance(tr("step %1").arg(QLocale().toString(999999)));
    const double left = Margin + leftLabel + MaxRadius;
    // Room on the right for the step under the output unit, unless the view is too narrow to
    // spare it.
    const double right = w - Margin - std::max(std::min(stepLabel / 2.0, 0.1 * w), MaxRadius);
    const double spacing = std::max(1.0, (right - left) / (count - 1));

    // The fullest title form whose widest text (every unit dead) fits between columns, so that
    // the form does not change while a run trains.
    g.titleForm = TitleForm::Numbers;
    for (TitleForm form : {TitleForm::OneLine, TitleForm::TwoLines, TitleForm::ShortCount}) {
        double widest = 0.0;
        for (int c = 1; c + 1 < count; ++c) {
            const int all = unitCount(c);
            widest = std::max(widest,
                              form == TitleForm::OneLine
                                      ? fm.horizontalAdvance(oneLineTitle(c, all))
                                      : std::max(fm.horizontalAdvance(layerName(c, form)),
                                                 fm.horizontalAdvance(deadCountText(c, all, form))));
        }
        if (widest <= spacing - 6.0) {
            g.titleForm = form;
            break;
        }
    }
    QStringList notes;
    if (g.titleForm == TitleForm::Numbers) {
        // Numbers only, and not even they fit over every column (a deep network): every n-th
        // layer numbered, n a round 2, 5, 10, ... just large enough for the widest number.
        double widestNumber = 0.0;
        double widestCount = 0.0;
        for (int c = 1; c + 1 < count; ++c) {
            widestNumber = std::max(widestNumber, fm.horizontalAdvance(layerName(c, g.titleForm)));
            widestCount = std::max(widestCount,
                                   fm.horizontalAdvance(deadCountText(c, unitCount(c), g.titleForm)));
        }
        const auto strideFor = [spacing](double textWidth) {
            for (int stride : {1, 2, 5, 10, 20, 50}) {
                if (textWidth + 6.0 <= stride * spacing)
                    return stride;
            }
            return 100;
        };
        g.labelStride = strideFor(widestNumber);
        // The counts under every column if they fit there (one-digit counts often do where
        // two-digit layer numbers do not), otherwise under the numbered columns only.
        if (strideFor(widestCount) > 1) {
            g.labelStride = std::max(g.labelStride, strideFor(widestCount));
            g.countStride = g.labelStride;
        }
        // Layer 1 too, when it stays clear of the first multiple of the stride.
        const double widest = std::max(widestNumber, g.countStride > 1 ? widestCount : 0.0);
        g.labelFirst = g.labelStride == 1 || widest + 6.0 <= (g.labelStride - 1) * spacing;
        if (g.countStride > 1)
            notes << tr("dead counts under numbered layers only");
    }
    g.titleTop = Margin;
    const double bodyTop = Margin + (g.titleForm == TitleForm::OneLine ? 1 : 2) * fm.height() + 8.0;
    const auto &layout = m_snapshot->layout;
    // The legend, with what the picture leaves out; a small view keeps its room for the network
    // and the tooltips say what the legend would.
    double available = 1.0;
    const auto placeLegend = [&] {
        const auto legend = legendItems(legendMetrics, w - 2 * Margin, notes);
        const double legendHeight =
                legend.back().rect.bottom() <= 0.25 * h ? legend.back().rect.bottom() : 0.0;
        g.legend = QRectF(Margin, h - Margin - legendHeight, w - 2 * Margin, legendHeight);
        available = std::max(1.0, g.legend.top() - 8.0 - bodyTop);
        const double perGap = spacing * spacing * available / LinkRoom;
        g.linkBudgets = linkBudgets(layout, static_cast<std::size_t>(std::max(1.0, perGap)));
    };
    const auto linkNote = [&]() -> QString {
        std::size_t shown = 0;
        std::size_t all = 0;
        std::size_t budget = 0;
        for (std::size_t l = 0; l < layout.size(); ++l) {
            shown += g.linkBudgets[l];
            all += linksOf(layout[l]);
            if (g.linkBudgets[l] < linksOf(layout[l]))
                budget = g.linkBudgets[l]; // the same for every layer cut (see linkBudgets)
        }
        if (shown == all)
            return {};
        const QLocale locale;
        // No plural to agree with the budget, which may be 1 in a tiny view.
        return tr("links: the strongest %1 per layer (%2 of %3)")
                .arg(locale.toString(static_cast<qulonglong>(budget)),
                     locale.toString(static_cast<qulonglong>(shown)),
                     locale.toString(static_cast<qulonglong>(all)));
    };
    placeLegend();
    if (const QString links = linkNote(); !links.isEmpty()) {
        // The note's line takes room from the network, which may lower the budget: the numbers
        // it says are those of the final layout (a lower budget still cuts).
        notes.prepend(links);
        placeLegend();
        notes.front() = linkNote();
    }
    g.notes = notes;
    const double bodyBottom = bodyTop + available;
    const double centreY = (bodyTop + bodyBottom) / 2.0;

    g.columns.resize(static_cast<std::size_t>(count));
    double densestPitch = MaxPitch;
    for (int c = 0; c < count; ++c) {
        Column &column = g.columns[static_cast<std::size_t>(c)];
        const int units = unitCount(c);
        column.x = left + c * spacing;
        column.pitch = std::min(available / std::max(units, 1), MaxPitch);
        column.radius = std::clamp(std::min(0.45 * column.pitch, 0.22 * spacing), MinRadius, MaxRadius);
        column.firstY = centreY - column.pitch * (units - 1) / 2.0;
        densestPitch = std::min(densestPitch, column.pitch);
    }
    // The strongest links about a third of the densest column's pitch wide: wider ones would
    // merge into a band there.
    g.maxLinkWidth = std::clamp(0.3 * densestPitch, 1.0, MaxLinkWidth);
    m_geometry = std::move(g);
    m_geometryValid = true;
    return m_geometry;
}

void NetworkView::changeEvent(QEvent *event)
{
    // The legend's and the columns' texts are measured into the geometry: another language has
    // other widths.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange
        || event->type() == QEvent::LanguageChange) {
        m_geometryValid = false;
        update();
    }
    QWidget::changeEvent(event);
}

bool NetworkView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = unitDescriptionAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

QString NetworkView::unitDescriptionAt(QPoint position) const
{
    const int count = columnCount();
    if (count < 2)
        return {};
    const Geometry &g = geometry();
    const QPointF p(position);
    const double spacing = g.columns[1].x - g.columns[0].x;
    const int column = std::clamp(static_cast<int>(std::lround((p.x() - g.columns[0].x) / spacing)),
                                  0, count - 1);
    const Column &c = g.columns[static_cast<std::size_t>(column)];
    const int unit = std::clamp(static_cast<int>(std::lround((p.y() - c.firstY) / c.pitch)), 0,
                                unitCount(column) - 1);
    if (QLineF(p, unitCentre(column, unit)).length() > c.radius + HoverSlack)
        return {};

    if (column == 0)
        return tr("input %1").arg(inputName(unit));
    if (column == count - 1)
        return tr("output unit: the logit, at step %1")
                .arg(QLocale().toString(static_cast<qulonglong>(m_snapshot->measurement.step)));

    const QString name = tr("layer %1, unit %2").arg(column).arg(unit + 1);
    if (diverged())
        return tr("%1: training diverged").arg(name);
    const double rate = activationRate(column, unit);
    switch (unitState(column, unit)) {
    case UnitState::Unmeasured:
        return tr("%1: not measured yet").arg(name);
    case UnitState::DeadNoGradient:
        return tr("%1: active on %2 % of points\ndead: never active; gets no gradient")
                .arg(name, percent(rate));
    case UnitState::DeadWithGradient:
        return tr("%1: active on %2 % of points\ndead by the ≤ 0 test, still gets gradient")
                .arg(name, percent(rate));
    case UnitState::RarelyActive:
        return tr("%1: active on %2 % of points\nrarely active (on fewer than 5 % of points)")
                .arg(name, percent(rate));
    case UnitState::Active:
        break;
    }
    return tr("%1: active on %2 % of points").arg(name, percent(rate));
}

void NetworkView::paintEvent(QPaintEvent *)
{
    // What the picture leaves out, said to a screen reader too (set here, where the geometry is
    // known, and only when it changes: setting it sends an accessibility event).
    if (const QString note = omissionNote(); accessibleDescription() != note)
        setAccessibleDescription(note);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (columnCount() < 2 || diverged())
        painter.fillRect(rect(), palette().base());
    if (columnCount() < 2) {
        painter.setPen(Ink(palette()).secondary);
        painter.drawText(rect(), Qt::AlignCenter, tr("no network yet"));
        return;
    }
    const Geometry &g = geometry();
    if (diverged()) {
        // Weights that are not finite have no sign or size to draw: the structure alone, faint.
        painter.setOpacity(0.35);
        paintUnits(painter, g);
        paintTitles(painter, g);
        paintLegend(painter, g);
        painter.setOpacity(1.0);
        paintDivergence(painter, g);
        return;
    }
    paintLinks(painter, g);
    paintUnits(painter, g);
    paintTitles(painter, g);
    paintLegend(painter, g);
}

const std::vector<NetworkView::Link> &NetworkView::links(const Geometry &g) const
{
    if (m_linksValid && m_linkBudgets == g.linkBudgets)
        return m_links;
    m_linksValid = true;
    m_linkBudgets = g.linkBudgets;
    m_links.clear();
    const std::vector<double> &parameters = m_snapshot->parameters;
    const auto &layout = m_snapshot->layout;
    std::vector<Link> chosen; // in the order of the weights, layer by layer
    // (magnitude, index) of a layer's strongest weights so far, a heap with the weakest on top.
    std::vector<std::pair<float, std::uint32_t>> strongest;
    const auto stronger = [](const auto &a, const auto &b) { return a.first > b.first; };
    std::vector<std::uint32_t> indices;
    std::vector<float> magnitudes;
    for (std::size_t l = 0; l < layout.size() && l < g.linkBudgets.size(); ++l) {
        const core::LayerLayout &layer = layout[l];
        const std::size_t n = linksOf(layer);
        if (layer.weight + n > parameters.size())
            break;
        const double *w = parameters.data() + layer.weight;
        const std::size_t budget = g.linkBudgets[l];
        // The candidates, in the order of the weights: all of them, or, too many to draw, the
        // budget's strongest by a partial selection. For a small budget (32 layers of 128 in the
        // lab keep a few dozen of 16,384 each), a heap of the strongest so far with the weakest
        // on top: most weights are weaker than that one and cost one predictable comparison, up
        // to five times faster than std::nth_element, whose partitions branch at random (0.8 ms
        // against 3.9 ms for 31 such layers). For a larger budget the heap's insertions cost
        // more, and std::nth_element is the faster. Of equal magnitudes at the cut, the first.
        indices.clear();
        if (n <= budget) {
            indices.resize(n);
            std::iota(indices.begin(), indices.end(), std::uint32_t {0});
        } else if (budget > 0 && budget * HeapSelection < n) {
            strongest.clear();
            for (std::size_t k = 0; k < n; ++k) {
                const float magnitude = std::isnan(w[k]) ? 0.0f : static_cast<float>(std::abs(w[k]));
                if (strongest.size() < budget) {
                    strongest.emplace_back(magnitude, static_cast<std::uint32_t>(k));
                    if (strongest.size() == budget)
                        std::make_heap(strongest.begin(), strongest.end(), stronger);
                } else if (magnitude > strongest.front().first) {
                    std::pop_heap(strongest.begin(), strongest.end(), stronger);
                    strongest.back() = {magnitude, static_cast<std::uint32_t>(k)};
                    std::push_heap(strongest.begin(), strongest.end(), stronger);
                }
            }
            for (const auto &entry : strongest)
                indices.push_back(entry.second);
            std::sort(indices.begin(), indices.end());
        } else if (budget > 0) {
            magnitudes.resize(n);
            for (std::size_t k = 0; k < n; ++k)
                magnitudes[k] = std::isnan(w[k]) ? 0.0f : static_cast<float>(std::abs(w[k]));
            const auto kthIt = magnitudes.begin() + static_cast<std::ptrdiff_t>(budget - 1);
            std::nth_element(magnitudes.begin(), kthIt, magnitudes.end(), std::greater<>());
            const float kth = *kthIt;
            // Those above the k-th largest, and as many equal to it as the budget leaves room for.
            auto ties = budget
                    - static_cast<std::size_t>(std::count_if(magnitudes.begin(), kthIt,
                                                             [kth](float m) { return m > kth; }));
            for (std::size_t k = 0; k < n; ++k) {
                const float magnitude = std::isnan(w[k]) ? 0.0f : static_cast<float>(std::abs(w[k]));
                if (magnitude > kth || (magnitude == kth && ties > 0)) {
                    ties -= magnitude == kth ? 1 : 0;
                    indices.push_back(static_cast<std::uint32_t>(k));
                }
            }
        }
        // The layer's largest |w| is among them (the strongest always is).
        double peak = 0.0;
        for (std::uint32_t k : indices)
            peak = std::max(peak, std::abs(w[k]));
        const double largest = peak;
        if (!(largest > 0.0) || !std::isfinite(largest))
            continue;
        const double threshold = MinimumRelativeWeight * largest;
        const auto in = static_cast<std::size_t>(layer.in);
        for (std::uint32_t k : indices) {
            const double magnitude = std::abs(w[k]);
            if (!(magnitude >= threshold)) // nan too
                continue;
            const int bucket =
                    std::min(WidthBuckets - 1, static_cast<int>(magnitude / largest * WidthBuckets));
            chosen.push_back({static_cast<std::uint16_t>(l), static_cast<std::uint16_t>(k % in),
                              static_cast<std::uint16_t>(k / in),
                              static_cast<std::uint8_t>(2 * bucket + (w[k] < 0.0 ? 1 : 0))});
        }
    }
    // Weakest first, so that strong links lie on top; in the order of the weights within a style
    // (a stable counting sort).
    std::array<std::size_t, std::size_t {2} * WidthBuckets + 1> start {};
    for (const Link &link : chosen)
        ++start[link.style + std::size_t {1}];
    std::partial_sum(start.begin(), start.end(), start.begin());
    m_links.resize(chosen.size());
    for (const Link &link : chosen)
        m_links[start[link.style]++] = link;
    return m_links;
}

void NetworkView::paintLinks(QPainter &painter, const Geometry &g) const
{
    const QColor background = palette().color(QPalette::Base);
    const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const QSize pixels = (QSizeF(size()) * ratio).toSize();
    if (m_linkLayer.size() != pixels)
        m_linkLayer = QImage(pixels, QImage::Format_RGB32);
    m_linkLayer.setDevicePixelRatio(ratio);
    m_linkLayer.fill(background);

    struct Style
    {
        double width;
        double opacity;
        QColor color;
    };
    std::array<Style, std::size_t {2} * WidthBuckets> styles;
    for (int b = 0; b < WidthBuckets; ++b) {
        const double strength = (b + 1.0) / WidthBuckets;
        const double width =
                (ThinLinkWidth + (g.maxLinkWidth - ThinLinkWidth) * strength * strength) * ratio;
        const double opacity = 0.05 + 0.75 * strength * strength * strength;
        styles[2 * static_cast<std::size_t>(b)] = {width, opacity, PositiveColor};
        styles[2 * static_cast<std::size_t>(b) + 1] = {width, opacity, NegativeColor};
    }
    for (const Link &link : links(g)) {
        const Column &from = g.columns[link.layer];
        const Column &to = g.columns[link.layer + std::size_t {1}];
        const Style &style = styles[link.style];
        blendLine(m_linkLayer,
                  QLineF(from.x * ratio, (from.firstY + link.in * from.pitch) * ratio, to.x * ratio,
                         (to.firstY + link.out * to.pitch) * ratio),
                  style.width, style.color, style.opacity);
    }
    painter.drawImage(QPointF(0.0, 0.0), m_linkLayer);
}

void NetworkView::paintUnits(QPainter &painter, const Geometry &g) const
{
    const bool grey = diverged();
    const int count = columnCount();
    const QFontMetricsF fm(font());
    const Ink ink(palette());
    const QColor &background = ink.base;
    // Two passes: plain units, then the marked ones (dead, rarely active) on top, so that their
    // rings are never covered by a neighbour.
    for (int pass = 0; pass < 2; ++pass) {
        for (int c = 0; c < count; ++c) {
            const Column &column = g.columns[static_cast<std::size_t>(c)];
            const int units = unitCount(c);
            const double r = column.radius;
            const bool hidden = c > 0 && c < count - 1;
            // An outline on a dense column, or round a tiny disc, would swamp the fills.
            const bool compact = units > CompactUnits || r < 3.0;
            const QPen outline = compact ? QPen(Qt::NoPen) : QPen(ink.outline, 1.0);
            for (int u = 0; u < units; ++u) {
                const QPointF centre(column.x, column.firstY + u * column.pitch);
                if (grey || !hidden) {
                    if (pass == 0) {
                        painter.setPen(QPen(grey ? ink.greyLine : ink.outline, grey ? 1.0 : 1.2));
                        painter.setBrush(grey ? ink.greyFill : ink.base);
                        painter.drawEllipse(centre, r, r);
                    }
                    continue;
                }
                const UnitState state = unitState(c, u);
                const bool dead =
                        state == UnitState::DeadNoGradient || state == UnitState::DeadWithGradient;
                const bool marked = dead || state == UnitState::RarelyActive;
                if (pass == 0 && !dead) {
                    painter.setPen(outline);
                    painter.setBrush(state == UnitState::Unmeasured
                                             ? ink.unmeasured
                                             : activationRateColor(activationRate(c, u)));
                    painter.drawEllipse(centre, r, r);
                }
                if (pass == 0 || !marked)
                    continue;
                if (r < 3.0) {
                    // Too small for rings: a dead unit is a slightly larger red dot, the one
                    // colour no living unit has; a rarely active one keeps its dark fill.
                    if (dead) {
                        painter.setPen(Qt::NoPen);
                        painter.setBrush(DeadColor);
                        painter.drawEllipse(centre, r + 0.5, r + 0.5);
                    }
                    continue;
                }
                if (dead)
                    paintDeadUnit(painter, centre, r, state == UnitState::DeadWithGradient, background);
                else
                    paintRing(painter, centre, r, QPen(RareColor, ringWidth(r) * 0.8));
            }
        }
    }

    // The inputs' names beside them, the step under the output.
    painter.setPen(grey ? ink.greyLine : ink.text);
    const Column &input = g.columns.front();
    for (int u = 0; u < unitCount(0); ++u) {
        const QPointF centre(input.x, input.firstY + u * input.pitch);
        const QRectF label(Margin - 4.0, centre.y() - fm.height() / 2.0,
                           centre.x() - input.radius - Margin + 2.0, fm.height());
        painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter, inputName(u));
    }
    const Column &output = g.columns.back();
    const Column &lastHidden = g.columns[g.columns.size() - 2];
    // As much of the label as fits clear of the last hidden layer's units.
    const double room = 2.0 * (output.x - lastHidden.x - lastHidden.radius - 4.0);
    const QString number = QLocale().toString(static_cast<qulonglong>(m_snapshot->measurement.step));
    QString step = tr("step %1").arg(number);
    if (fm.horizontalAdvance(step) + 8.0 > room)
        step = number;
    if (fm.horizontalAdvance(step) + 8.0 > room)
        return;
    const double stepWidth = fm.horizontalAdvance(step) + 8.0;
    const QRectF stepRect(output.x - stepWidth / 2.0, output.firstY + output.radius + 4.0,
                          stepWidth, fm.height());
    // On a plate, since the links converge right there.
    QColor plate = background;
    plate.setAlpha(220);
    painter.setPen(Qt::NoPen);
    painter.setBrush(plate);
    painter.drawRoundedRect(stepRect, 3.0, 3.0);
    painter.setPen(grey ? ink.greyLine : ink.text);
    painter.drawText(stepRect, Qt::AlignCenter, step);
}

void NetworkView::paintTitles(QPainter &painter, const Geometry &g) const
{
    const QFontMetricsF fm(font());
    const Ink ink(palette());
    const QColor &text = ink.text;
    const int count = columnCount();
    const auto &layers = m_snapshot->measurement.layers;
    for (int c = 0; c < count; ++c) {
        const double x = g.columns[static_cast<std::size_t>(c)].x;
        const QString name = layerName(c, g.titleForm);
        const QRectF firstLine(x - 60.0, g.titleTop, 120.0, fm.height());
        if (c == 0 || c == count - 1) {
            // Where layers are only numbered, "input" and "output" would run into them; x₁, x₂
            // and the step say which columns these are.
            if (g.titleForm != TitleForm::Numbers) {
                painter.setPen(text);
                painter.drawText(firstLine, Qt::AlignCenter, name);
            }
            continue;
        }
        const auto index = static_cast<std::size_t>(c - 1);
        const int dead = index < layers.size() ? layers[index].dead : -1;
        const QString deadText = deadCountText(c, dead, g.titleForm);
        // The count in red when some units are dead: it is what the lab is about.
        const QColor countColor = dead > 0 && !diverged() ? DeadColor : ink.secondary;
        if (g.titleForm != TitleForm::OneLine) {
            // A deep network's columns, numbered every n-th (see geometry()).
            const bool labelled = columnLabelled(g, c);
            if (labelled) {
                painter.setPen(text);
                painter.drawText(firstLine, Qt::AlignCenter, name);
            }
            if (labelled || g.countStride == 1) {
                painter.setPen(countColor);
                painter.drawText(firstLine.translated(0.0, fm.height()), Qt::AlignCenter, deadText);
            }
            continue;
        }
        // One line in two colours: measured as a whole, drawn in two runs (one, should a
        // translation put the count first).
        const QString title = oneLineTitle(c, dead);
        const QString head =
                title.endsWith(deadText) ? title.left(title.size() - deadText.size()) : title;
        const double left = x - fm.horizontalAdvance(title) / 2.0;
        painter.setPen(text);
        painter.drawText(QPointF(left, g.titleTop + fm.ascent()), head);
        if (head.size() < title.size()) {
            painter.setPen(countColor);
            painter.drawText(QPointF(left + fm.horizontalAdvance(head), g.titleTop + fm.ascent()),
                             deadText);
        }
    }
}

void NetworkView::paintLegend(QPainter &painter, const Geometry &g) const
{
    if (g.legend.height() <= 0.0)
        return;
    const Ink ink(palette());
    const QFont font = legendFont(this->font());
    const QFontMetricsF fm(font);
    painter.setFont(font);
    for (const LegendItem &item : legendItems(fm, g.legend.width(), g.notes)) {
        const double symbol = symbolWidth(item.kind);
        const QRectF rect = item.rect.translated(g.legend.topLeft());
        const QPointF centre(rect.left() + symbol / 2.0, rect.center().y());
        const double r = 5.0;
        switch (item.kind) {
        case LegendKind::Dead:
        case LegendKind::DeadLearning:
            paintDeadUnit(painter, centre, r, item.kind == LegendKind::DeadLearning, ink.base);
            break;
        case LegendKind::Rare:
            painter.setPen(Qt::NoPen);
            painter.setBrush(activationRateColor(0.02));
            painter.drawEllipse(centre, r, r);
            paintRing(painter, centre, r, QPen(RareColor, ringWidth(r) * 0.8));
            break;
        case LegendKind::Ramp: {
            const QRectF bar(rect.left(), centre.y() - 4.0, symbol, 8.0);
            QLinearGradient gradient(bar.topLeft(), bar.topRight());
            for (int i = 0; i <= 8; ++i)
                gradient.setColorAt(i / 8.0, activationRateColor(std::max(i / 8.0, 1e-3)));
            painter.setPen(QPen(ink.outline, 0.8));
            painter.setBrush(gradient);
            painter.drawRect(bar);
            break;
        }
        case LegendKind::Positive:
        case LegendKind::Negative:
            painter.setPen(QPen(item.kind == LegendKind::Positive ? PositiveColor : NegativeColor,
                                2.5, Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(QPointF(rect.left(), centre.y()),
                             QPointF(rect.left() + symbol, centre.y()));
            break;
        case LegendKind::Note:
            break;
        }
        painter.setPen(ink.secondary);
        // A note wider than a narrow view ends in an ellipsis; the accessible description has it
        // whole.
        const QRectF textRect = rect.adjusted(symbol + LegendGap, 0, 0, 0);
        painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                         item.kind == LegendKind::Note
                                 ? fm.elidedText(item.text, Qt::ElideRight, g.legend.width())
                                 : item.text);
    }
    painter.setFont(this->font());
}

void NetworkView::paintDivergence(QPainter &painter, const Geometry &g) const
{
    const QString headline = overlayMessage();
    const QString advice =
            tr("at step %1 · lower the learning rate, then reset")
                    .arg(QLocale().toString(static_cast<qulonglong>(m_snapshot->measurement.step)));
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF boldMetrics(bold);
    const QFontMetricsF fm(font());
    const double area = width() - 2 * Margin;
    const double textWidth = std::min(
            area - 24.0,
            std::max(boldMetrics.horizontalAdvance(headline), fm.horizontalAdvance(advice)) + 4.0);
    const QRectF headlineRect = boldMetrics.boundingRect(
            QRectF(0, 0, textWidth, 1000), Qt::AlignCenter | Qt::TextWordWrap, headline);
    const QRectF adviceRect = fm.boundingRect(QRectF(0, 0, textWidth, 1000),
                                              Qt::AlignCenter | Qt::TextWordWrap, advice);
    const double boxHeight = headlineRect.height() + adviceRect.height() + 24.0;
    const double centreY = (g.titleTop + g.legend.top()) / 2.0;
    const QRectF box(width() / 2.0 - textWidth / 2.0 - 12.0, centreY - boxHeight / 2.0,
                     textWidth + 24.0, boxHeight);
    painter.setPen(QPen(DivergedColor, 2.0));
    const Ink ink(palette());
    painter.setBrush(ink.alarm);
    painter.drawRoundedRect(box, 6.0, 6.0);
    const QRectF first(box.left() + 12.0, box.top() + 10.0, textWidth, headlineRect.height());
    painter.setFont(bold);
    painter.setPen(DivergedColor);
    painter.drawText(first, Qt::AlignCenter | Qt::TextWordWrap, headline);
    painter.setFont(font());
    painter.setPen(ink.secondary);
    painter.drawText(QRectF(first.left(), first.bottom() + 4.0, textWidth, adviceRect.height()),
                     Qt::AlignCenter | Qt::TextWordWrap, advice);
}

QString NetworkView::overlayMessage() const
{
    return diverged() ? tr("training diverged: weights are no longer finite") : QString();
}

} // namespace relulab::ui
