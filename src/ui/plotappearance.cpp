#include "plotappearance.h"

#include <QHash>
#include <QPointer>

#include <qcustomplot.h>

#include <cmath>

namespace relulab::ui {

namespace {

const QString StateName = QStringLiteral("relulab_plot_appearance");

// Which property of an element a remembered value belongs to.
enum class Role {
    Pen,
    Brush,
    Font,
    TextColor,
    BasePen,
    TickPen,
    SubTickPen,
    LabelFont,
    TickLabelFont,
    LabelColor,
    TickLabelColor,
    GridPen,
    SubGridPen,
    ZeroLinePen,
    BorderPen,
    ScatterStyle,
    Size,
};

using Key = QPair<const void *, int>;

template<class T>
struct Remembered
{
    T base;
    T applied;
};

// Per styled property of a plot's parts, what it was before styling and what was applied.
struct StyleMemory
{
    QHash<Key, Remembered<QPen>> pens;
    QHash<Key, Remembered<QBrush>> brushes;
    QHash<Key, Remembered<QFont>> fonts;
    QHash<Key, Remembered<QColor>> colors;
    QHash<Key, Remembered<double>> sizes;
    QHash<Key, Remembered<QCPScatterStyle>> scatters;
};

// What a plot looked like before it was restyled, and what was applied; a child of the plot.
class AppearanceState : public QObject
{
public:
    explicit AppearanceState(QCustomPlot *plot)
        : QObject(plot)
    {
        setObjectName(StateName);
    }

    PlotAppearance appearance;
    StyleMemory memory;
};

AppearanceState *stateOf(const QCustomPlot *plot)
{
    return plot->findChild<AppearanceState *>(StateName, Qt::FindDirectChildrenOnly);
}

bool sameScatter(const QCPScatterStyle &a, const QCPScatterStyle &b)
{
    return a.shape() == b.shape() && a.size() == b.size() && a.pen() == b.pen()
            && a.brush() == b.brush();
}

bool same(const QPen &a, const QPen &b)
{
    return a == b;
}
bool same(const QBrush &a, const QBrush &b)
{
    return a == b;
}
bool same(const QFont &a, const QFont &b)
{
    return a == b && a.pointSizeF() == b.pointSizeF();
}
bool same(const QColor &a, const QColor &b)
{
    return a == b;
}
bool same(double a, double b)
{
    return a == b;
}
bool same(const QCPScatterStyle &a, const QCPScatterStyle &b)
{
    return sameScatter(a, b);
}

// Styles one property: the value it has now is its base unless it is the one applied last time
// (then the base is the remembered one). The new value is written only when it differs, so that
// an unchanged element does not invalidate a layer's buffer.
class Styler
{
public:
    Styler(AppearanceState &state)
        : m_state(state)
        , m_a(state.appearance)
    { }

    template<class T, class Get, class Set, class Transform>
    void style(QHash<Key, Remembered<T>> &memory, QHash<Key, Remembered<T>> &seen,
               const void *object, Role role, Get get, Set set, Transform transform)
    {
        const Key key(object, static_cast<int>(role));
        const T current = get();
        const auto found = memory.constFind(key);
        const T base =
                found != memory.constEnd() && same(found->applied, current) ? found->base : current;
        const T wanted = transform(base);
        if (!same(wanted, current))
            set(wanted);
        seen.insert(key, {base, wanted});
    }

    void run(QCustomPlot *plot);

private:
    bool dark() const { return m_a.theme == Theme::Dark; }
    bool plain() const { return m_a.isPlain(); }

    double width(double w) const { return (w == 0.0 ? 1.0 : w) * m_a.scale; }
    QPen scaled(QPen pen) const
    {
        if (m_a.scale != 1.0)
            pen.setWidthF(width(pen.widthF()));
        return pen;
    }
    QFont scaled(QFont font) const
    {
        if (m_a.scale == 1.0)
            return font;
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * m_a.scale);
        else if (font.pixelSize() > 0)
            font.setPixelSize(static_cast<int>(std::lround(font.pixelSize() * m_a.scale)));
        return font;
    }
    // Axes, tick labels, titles: the text colour of the theme.
    QColor chrome(const QColor &base) const
    {
        if (!dark() && !m_a.highContrast)
            return base;
        QColor c = dark() ? (m_a.highContrast ? QColor(Qt::white) : QColor(0xE6, 0xE6, 0xE6))
                          : QColor(Qt::black);
        c.setAlpha(base.alpha());
        return c;
    }
    // Data drawn in black or grey (markers, reference lines) would vanish on a dark background:
    // their lightness is mirrored. Coloured data keep their hue.
    QColor data(const QColor &base) const
    {
        if (!dark())
            return base;
        if (base.hslSaturation() <= 40)
            return QColor::fromHslF(base.hslHueF(), base.hslSaturationF(), 1.0f - base.lightnessF(),
                                    base.alphaF());
        // Dark colours (blue, indigo, wine) keep their hue but are lifted off the background.
        constexpr int MinLightness = 140;
        if (base.lightness() >= MinLightness)
            return base;
        return QColor::fromHsl(base.hslHue(), base.hslSaturation(),
                               MinLightness + base.lightness() / 4, base.alpha());
    }
    QColor grid(const QColor &base) const
    {
        if (dark())
            return QColor(255, 255, 255, m_a.highContrast ? 110 : 45);
        return m_a.highContrast ? QColor(120, 120, 120) : base;
    }
    QPen chromePen(QPen pen) const
    {
        pen.setColor(chrome(pen.color()));
        return scaled(pen);
    }
    QPen dataPen(QPen pen) const
    {
        pen.setColor(data(pen.color()));
        return scaled(pen);
    }
    QBrush dataBrush(QBrush brush) const
    {
        if (brush.style() == Qt::SolidPattern)
            brush.setColor(data(brush.color()));
        return brush;
    }
    QPen gridPen(QPen pen) const
    {
        pen.setColor(grid(pen.color()));
        return scaled(pen);
    }
    QBrush legendBrush(QBrush brush) const
    {
        if (dark() && brush.style() != Qt::NoBrush)
            brush.setColor(QColor(0x26, 0x26, 0x26, brush.color().alpha()));
        return brush;
    }

    // A text's font and colour: text elements, legends and their items have both.
    template<class Text>
    void styleText(Text *text);
    void styleAxis(QCPAxis *axis);
    void styleElement(QCPLayoutElement *element);
    void styleLegend(QCPLegend *legend);
    void stylePlottable(QCPAbstractPlottable *plottable);
    void styleItem(QCPAbstractItem *item);

    AppearanceState &m_state;
    const PlotAppearance m_a;
    StyleMemory m_seen; // what this run styled: the state's memory once it is done
};

// property, getter, setter and transform are member names, which cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define RELULAB_STYLE(property, object, role, getter, setter, transform)                           \
    style(                                                                                         \
            m_state.memory.property, m_seen.property, object, role,                                \
            [&] { return object->getter(); }, [&](const auto &value) { object->setter(value); },   \
            [&](const auto &value) { return transform(value); })
// NOLINTEND(bugprone-macro-parentheses)

template<class Text>
void Styler::styleText(Text *text)
{
    RELULAB_STYLE(fonts, text, Role::Font, font, setFont, scaled);
    RELULAB_STYLE(colors, text, Role::TextColor, textColor, setTextColor, chrome);
}

void Styler::styleAxis(QCPAxis *axis)
{
    RELULAB_STYLE(pens, axis, Role::BasePen, basePen, setBasePen, chromePen);
    RELULAB_STYLE(pens, axis, Role::TickPen, tickPen, setTickPen, chromePen);
    RELULAB_STYLE(pens, axis, Role::SubTickPen, subTickPen, setSubTickPen, chromePen);
    RELULAB_STYLE(fonts, axis, Role::LabelFont, labelFont, setLabelFont, scaled);
    RELULAB_STYLE(fonts, axis, Role::TickLabelFont, tickLabelFont, setTickLabelFont, scaled);
    RELULAB_STYLE(colors, axis, Role::LabelColor, labelColor, setLabelColor, chrome);
    RELULAB_STYLE(colors, axis, Role::TickLabelColor, tickLabelColor, setTickLabelColor, chrome);
    QCPGrid *g = axis->grid();
    RELULAB_STYLE(pens, g, Role::GridPen, pen, setPen, gridPen);
    RELULAB_STYLE(pens, g, Role::SubGridPen, subGridPen, setSubGridPen, gridPen);
    RELULAB_STYLE(pens, g, Role::ZeroLinePen, zeroLinePen, setZeroLinePen, dataPen);
}

void Styler::styleElement(QCPLayoutElement *element)
{
    if (auto *rect = qobject_cast<QCPAxisRect *>(element)) {
        for (QCPAxis *axis : rect->axes())
            styleAxis(axis);
    } else if (auto *text = qobject_cast<QCPTextElement *>(element)) {
        styleText(text);
    } else if (auto *legend = qobject_cast<QCPLegend *>(element)) {
        styleLegend(legend);
    } else if (auto *scale = qobject_cast<QCPColorScale *>(element)) {
        // A colour scale's axis (the lab's and the gradient flow's "layer") reads like any other.
        styleAxis(scale->axis());
    }
}

void Styler::styleLegend(QCPLegend *legend)
{
    // QCPLegend::setFont and setTextColor pass the value on to every item, and an item added
    // later starts with the legend's: an item showing the legend's applied font or colour has the
    // legend's base, not that as its own.
    const Key fontKey(legend, static_cast<int>(Role::Font));
    const Key colorKey(legend, static_cast<int>(Role::TextColor));
    const auto legendFont = m_state.memory.fonts.constFind(fontKey);
    const auto legendColor = m_state.memory.colors.constFind(colorKey);
    for (int i = 0; i < legend->itemCount(); ++i) {
        QCPAbstractLegendItem *item = legend->item(i);
        if (!item)
            continue;
        const Key itemFont(item, static_cast<int>(Role::Font));
        if (!m_state.memory.fonts.contains(itemFont) && legendFont != m_state.memory.fonts.constEnd()
            && same(item->font(), legendFont->applied))
            m_state.memory.fonts.insert(itemFont, *legendFont);
        const Key itemColor(item, static_cast<int>(Role::TextColor));
        if (!m_state.memory.colors.contains(itemColor)
            && legendColor != m_state.memory.colors.constEnd()
            && same(item->textColor(), legendColor->applied))
            m_state.memory.colors.insert(itemColor, *legendColor);
        styleText(item);
    }
    // The items' fonts equal the legend's, so setting the legend's afterwards changes nothing.
    styleText(legend);
    RELULAB_STYLE(brushes, legend, Role::Brush, brush, setBrush, legendBrush);
    RELULAB_STYLE(pens, legend, Role::BorderPen, borderPen, setBorderPen, chromePen);
}

void Styler::stylePlottable(QCPAbstractPlottable *plottable)
{
    RELULAB_STYLE(pens, plottable, Role::Pen, pen, setPen, dataPen);
    RELULAB_STYLE(brushes, plottable, Role::Brush, brush, setBrush, dataBrush);
    if (auto *graph = qobject_cast<QCPGraph *>(plottable)) {
        const auto scatterOf = [this](QCPScatterStyle s) {
            // Pixmap scatters (clouds of many points) keep their size: they are drawn for speed.
            if (s.isNone() || s.shape() == QCPScatterStyle::ssPixmap)
                return s;
            s.setSize(s.size() * m_a.scale);
            s.setPen(dataPen(s.pen()));
            s.setBrush(dataBrush(s.brush()));
            return s;
        };
        RELULAB_STYLE(scatters, graph, Role::ScatterStyle, scatterStyle, setScatterStyle, scatterOf);
    }
}

void Styler::styleItem(QCPAbstractItem *item)
{
    const auto sizeOf = [this](double s) { return s * m_a.scale; };
    if (auto *tracer = qobject_cast<QCPItemTracer *>(item)) {
        RELULAB_STYLE(pens, tracer, Role::Pen, pen, setPen, dataPen);
        RELULAB_STYLE(brushes, tracer, Role::Brush, brush, setBrush, dataBrush);
        RELULAB_STYLE(sizes, tracer, Role::Size, size, setSize, sizeOf);
    } else if (auto *line = qobject_cast<QCPItemStraightLine *>(item)) {
        RELULAB_STYLE(pens, line, Role::Pen, pen, setPen, dataPen);
    } else if (auto *segment = qobject_cast<QCPItemLine *>(item)) {
        RELULAB_STYLE(pens, segment, Role::Pen, pen, setPen, dataPen);
    } else if (auto *rect = qobject_cast<QCPItemRect *>(item)) {
        RELULAB_STYLE(pens, rect, Role::Pen, pen, setPen, dataPen);
    } else if (auto *text = qobject_cast<QCPItemText *>(item)) {
        RELULAB_STYLE(fonts, text, Role::Font, font, setFont, scaled);
        RELULAB_STYLE(colors, text, Role::TextColor, color, setColor, chrome);
    }
}

void Styler::run(QCustomPlot *plot)
{
    plot->setBackground(QBrush(themeBackground(m_a.theme, m_a.highContrast)));
    for (QCPLayoutElement *element : plot->plotLayout()->elements(true)) {
        if (element)
            styleElement(element);
    }
    for (int i = 0; i < plot->plottableCount(); ++i)
        stylePlottable(plot->plottable(i));
    for (int i = 0; i < plot->itemCount(); ++i)
        styleItem(plot->item(i));
    // Only what exists now is remembered: a deleted element's address may be reused.
    m_state.memory = std::move(m_seen);
}

#undef RELULAB_STYLE

} // namespace

QString themeName(Theme theme)
{
    return theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

std::optional<Theme> themeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return std::nullopt;
}

QColor themeBackground(Theme theme, bool highContrast)
{
    if (theme == Theme::Dark)
        return highContrast ? QColor(Qt::black) : QColor(0x1E, 0x1E, 0x1E);
    return QColor(Qt::white);
}

QPalette themePalette(Theme theme, bool highContrast)
{
    if (theme == Theme::Light) {
        QPalette palette; // the style's standard palette
        if (highContrast) {
            for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
                palette.setColor(QPalette::Active, role, Qt::black);
            palette.setColor(QPalette::Inactive, QPalette::WindowText, Qt::black);
            palette.setColor(QPalette::Inactive, QPalette::Text, Qt::black);
            palette.setColor(QPalette::Base, Qt::white);
            palette.setColor(QPalette::Window, QColor(0xF4, 0xF4, 0xF4));
        }
        return palette;
    }
    const QColor window = highContrast ? QColor(0x10, 0x10, 0x10) : QColor(0x2B, 0x2B, 0x2B);
    const QColor base = highContrast ? QColor(Qt::black) : QColor(0x1E, 0x1E, 0x1E);
    const QColor text = highContrast ? QColor(Qt::white) : QColor(0xE6, 0xE6, 0xE6);
    const QColor disabledText(0x80, 0x80, 0x80);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, QColor(0x3A, 0x3A, 0x3A));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x3A, 0x3A, 0x3A));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::red);
    palette.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    palette.setColor(QPalette::Midlight, QColor(0x44, 0x44, 0x44));
    palette.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    palette.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x2A, 0x82, 0xDA));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x6C, 0xB4, 0xFF));
    palette.setColor(QPalette::LinkVisited, QColor(0xC0, 0x9C, 0xFF));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Base, window);
    palette.setColor(QPalette::Disabled, QPalette::Button, QColor(0x33, 0x33, 0x33));
    return palette;
}

void setPlotAppearance(QCustomPlot *plot, const PlotAppearance &appearance)
{
    AppearanceState *state = stateOf(plot);
    if (!state) {
        if (appearance.isPlain())
            return;
        state = new AppearanceState(plot);
        QObject::connect(plot, &QCustomPlot::beforeReplot, state,
                         [plot] { refreshPlotAppearance(plot); });
    }
    state->appearance = appearance;
    Styler(*state).run(plot);
}

PlotAppearance plotAppearance(const QCustomPlot *plot)
{
    const AppearanceState *state = stateOf(plot);
    return state ? state->appearance : PlotAppearance {};
}

void refreshPlotAppearance(QCustomPlot *plot)
{
    if (AppearanceState *state = stateOf(plot))
        Styler(*state).run(plot);
}

} // namespace relulab::ui
