#include "presentation.h"

#include <QAction>
#include <QCoreApplication>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QInputDialog>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QScrollArea>
#include <QShortcut>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

#include "app/settings.h"
#include "language.h"

namespace relulab::ui {

namespace {

// The controls a projector audience does not need; the rest stays.
const QStringList SecondaryWidgets = {QStringLiteral("rangeGroup"), QStringLiteral("dataGroup")};
const char SecondaryProperty[] = "relulabSecondary";

int scaledLength(int length, double scale)
{
    if (length <= 0 || length >= QWIDGETSIZE_MAX)
        return length;
    return static_cast<int>(std::min(static_cast<double>(QWIDGETSIZE_MAX), std::round(length * scale)));
}

QSize scaledSize(QSize size, double scale)
{
    return {scaledLength(size.width(), scale), scaledLength(size.height(), scale)};
}

QFont scaledFont(QFont font, double scale)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale);
    else if (font.pixelSize() > 0)
        font.setPixelSize(static_cast<int>(std::lround(font.pixelSize() * scale)));
    return font;
}

// Widgets made in Designer or by our code have names; Qt's own parts (scroll bar arrows, tab
// scrollers) either have none or start with "qt_", and keep their sizes.
bool isOurs(const QWidget *widget)
{
    const QString name = widget->objectName();
    return !name.isEmpty() && !name.startsWith(QLatin1String("qt_"));
}

} // namespace

Presentation::Presentation(QMainWindow *window, QMenu *viewMenu)
    : QObject(window)
    , m_window(window)
    , m_scale(app::DefaultPresentationScale)
{
    viewMenu->setToolTipsVisible(true);
    viewMenu->addSeparator();
    // The texts: retranslate().
    m_presentationAction = viewMenu->addAction(QString());
    m_presentationAction->setObjectName(QStringLiteral("presentationAction"));
    m_presentationAction->setCheckable(true);
    m_presentationAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_window->addAction(m_presentationAction);
    connect(m_presentationAction, &QAction::toggled, this, &Presentation::setPresenting);

    m_scaleAction = viewMenu->addAction(QString());
    m_scaleAction->setObjectName(QStringLiteral("presentationScaleAction"));
    connect(m_scaleAction, &QAction::triggered, this, &Presentation::chooseScale);

    m_themeMenu = viewMenu->addMenu(QString());
    m_themeMenu->setObjectName(QStringLiteral("themeMenu"));
    m_themeMenu->setToolTipsVisible(true);
    m_themeGroup = new QActionGroup(this);
    m_lightAction = m_themeMenu->addAction(QString());
    m_lightAction->setObjectName(QStringLiteral("lightThemeAction"));
    m_darkAction = m_themeMenu->addAction(QString());
    m_darkAction->setObjectName(QStringLiteral("darkThemeAction"));
    retranslate();
    connect(&Language::instance(), &Language::languageChanged, this, &Presentation::retranslate);
    for (QAction *action : {m_lightAction, m_darkAction}) {
        action->setCheckable(true);
        m_themeGroup->addAction(action);
    }
    m_lightAction->setChecked(true);
    connect(m_lightAction, &QAction::triggered, this, [this] { setTheme(Theme::Light); });
    connect(m_darkAction, &QAction::triggered, this, [this] { setTheme(Theme::Dark); });

    // A tab may make its plots late (on first show, or per run): they get the look when shown.
    if (auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("tabs")))
        connect(tabs, &QTabWidget::currentChanged, this, [this] {
            if (!appearance().isPlain())
                applyToPlots();
        });

    m_leaveShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), m_window);
    m_leaveShortcut->setObjectName(QStringLiteral("leavePresentationShortcut"));
    m_leaveShortcut->setEnabled(false);
    connect(m_leaveShortcut, &QShortcut::activated, this, [this] { setPresenting(false); });
}

void Presentation::retranslate()
{
    m_presentationAction->setText(tr("&Presentation"));
    m_presentationAction->setToolTip(
            tr("Full screen for a projector: larger fonts and lines, high contrast, only the main "
               "controls (F11; Esc leaves)"));
    m_scaleAction->setText(tr("Presentation &scale…"));
    m_scaleAction->setToolTip(tr("How much larger fonts and lines are in presentation mode"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_lightAction->setText(tr("&Light"));
    m_lightAction->setToolTip(tr("Dark text on light backgrounds"));
    m_darkAction->setText(tr("&Dark"));
    m_darkAction->setToolTip(tr("Light text on dark backgrounds, for dimmed rooms"));
}

QAction *Presentation::themeAction(Theme theme) const
{
    return theme == Theme::Dark ? m_darkAction : m_lightAction;
}

PlotAppearance Presentation::appearance() const
{
    return {m_theme, m_presenting, m_presenting ? m_scale : 1.0};
}

void Presentation::setPresenting(bool on)
{
    if (on == m_presenting)
        return;
    if (on)
        enter();
    else
        leave();
    {
        const QSignalBlocker blocker(m_presentationAction);
        m_presentationAction->setChecked(on);
    }
    emit presentingChanged(on);
}

void Presentation::enter()
{
    m_saved = {};
    m_saved.geometry = m_window->saveGeometry();
    m_saved.rect = m_window->geometry();
    m_saved.states = m_window->windowState();
    m_presenting = true;
    scaleWidgets();
    applyPalette();
    applyToPlots();
    m_leaveShortcut->setEnabled(true);
    m_window->setWindowState((m_saved.states & ~Qt::WindowMaximized) | Qt::WindowFullScreen);
}

void Presentation::leave()
{
    m_presenting = false;
    m_leaveShortcut->setEnabled(false);
    restoreWidgets();
    applyPalette();
    applyToPlots();
    // The layouts must know the smaller minimum sizes before the window shrinks back, or they
    // hold it at the scaled size.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    m_window->setWindowState(m_saved.states);
    m_window->restoreGeometry(m_saved.geometry);
    const auto restoreRect = [this, rect = m_saved.rect, states = m_saved.states] {
        if (!m_presenting && !(states & (Qt::WindowMaximized | Qt::WindowFullScreen))
            && m_window->geometry() != rect)
            m_window->setGeometry(rect);
    };
    restoreRect();
    // The window system may still deliver the full-screen geometry it was asked for on entering.
    QTimer::singleShot(0, this, restoreRect);
}

void Presentation::scaleWidgets()
{
    // Remember first, then change: a child's explicit font must be read before the window's
    // larger one reaches it.
    m_saved.windowFont = m_window->font();
    m_saved.windowFontSet = m_window->testAttribute(Qt::WA_SetFont);
    const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (widget->testAttribute(Qt::WA_SetFont))
            m_saved.widgetFonts.append({widget, widget->font()});
        const QSize minimum = widget->minimumSize();
        const QSize maximum = widget->maximumSize();
        if (isOurs(widget)
            && (minimum != QSize(0, 0) || maximum != QSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)))
            m_saved.widgetSizes.append({widget, {minimum, maximum}});
        if (auto *view = qobject_cast<QListView *>(widget); view && view->gridSize().isValid())
            m_saved.gridSizes.append({view, view->gridSize()});
        if (auto *list = qobject_cast<QListWidget *>(widget)) {
            for (int row = 0; row < list->count(); ++row) {
                const QListWidgetItem *item = list->item(row);
                const QVariant font = item->data(Qt::FontRole);
                m_saved.items.append({list, row, item->sizeHint(),
                                      font.isValid() ? font.value<QFont>().pointSizeF() : 0.0});
            }
        }
        const bool secondary = SecondaryWidgets.contains(widget->objectName())
                || widget->property(SecondaryProperty).toBool();
        if (secondary && !widget->isHidden())
            m_saved.hidden.append(widget);
    }
    if (QStatusBar *bar = m_window->findChild<QStatusBar *>(QString(), Qt::FindDirectChildrenOnly);
        bar && !bar->isHidden())
        m_saved.hidden.append(bar);

    m_window->setFont(scaledFont(m_window->font(), m_scale));
    for (const auto &[widget, font] : std::as_const(m_saved.widgetFonts)) {
        if (widget)
            widget->setFont(scaledFont(font, m_scale));
    }
    for (const auto &[widget, sizes] : std::as_const(m_saved.widgetSizes)) {
        if (!widget)
            continue;
        // Maximum and fixed sizes grow with the fonts; minimum sizes do not, or the window
        // could no longer fit the screen it is to fill.
        const QSize minimum = sizes.first;
        const QSize maximum = sizes.second;
        const QSize fixed = scaledSize(minimum, m_scale);
        // A panel that never scrolls sideways (the control panels) would clip its larger
        // contents: its minimum width grows too.
        const auto *scrollArea = qobject_cast<const QScrollArea *>(widget.data());
        const bool clips =
                scrollArea && scrollArea->horizontalScrollBarPolicy() == Qt::ScrollBarAlwaysOff;
        widget->setMinimumSize(
                minimum.width() == maximum.width() || clips ? fixed.width() : minimum.width(),
                minimum.height() == maximum.height() ? fixed.height() : minimum.height());
        widget->setMaximumSize(scaledSize(maximum, m_scale));
    }
    for (const auto &[view, grid] : std::as_const(m_saved.gridSizes)) {
        if (view)
            view->setGridSize(scaledSize(grid, m_scale));
    }
    for (const Saved::Item &saved : std::as_const(m_saved.items)) {
        if (!saved.list || saved.row >= saved.list->count())
            continue;
        QListWidgetItem *item = saved.list->item(saved.row);
        if (saved.sizeHint.isValid())
            item->setSizeHint(scaledSize(saved.sizeHint, m_scale));
        if (saved.pointSize > 0) {
            QFont font = item->font();
            font.setPointSizeF(saved.pointSize * m_scale);
            item->setFont(font);
        }
    }
    for (const QPointer<QWidget> &widget : std::as_const(m_saved.hidden))
        widget->hide();
}

void Presentation::restoreWidgets()
{
    for (const QPointer<QWidget> &widget : std::as_const(m_saved.hidden)) {
        if (widget)
            widget->show();
    }
    for (const Saved::Item &saved : std::as_const(m_saved.items)) {
        if (!saved.list || saved.row >= saved.list->count())
            continue;
        QListWidgetItem *item = saved.list->item(saved.row);
        item->setSizeHint(saved.sizeHint);
        // Boldness may have moved to another item meanwhile: only the size goes back.
        if (saved.pointSize > 0) {
            QFont font = item->font();
            font.setPointSizeF(saved.pointSize);
            item->setFont(font);
        }
    }
    for (const auto &[view, grid] : std::as_const(m_saved.gridSizes)) {
        if (view)
            view->setGridSize(grid);
    }
    for (const auto &[widget, sizes] : std::as_const(m_saved.widgetSizes)) {
        if (!widget)
            continue;
        widget->setMinimumSize(sizes.first);
        widget->setMaximumSize(sizes.second);
    }
    if (m_saved.windowFontSet)
        m_window->setFont(m_saved.windowFont);
    else
        m_window->setFont(QFont()); // inherit the application's font again
    for (const auto &[widget, font] : std::as_const(m_saved.widgetFonts)) {
        if (widget)
            widget->setFont(font);
    }
}

void Presentation::applyPalette()
{
    const bool plain = m_theme == Theme::Light && !m_presenting;
    // The plain light theme is the application's own palette, inherited as before.
    const QPalette palette = plain ? QPalette() : themePalette(m_theme, m_presenting);
    m_window->setPalette(palette);
    // Floating docks and dialogs are windows of their own: they follow through
    // WA_WindowPropagation, which the help browser and the lesson panel set.
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>())
        dock->setPalette(palette);
}

void Presentation::applyToPlots()
{
    const PlotAppearance look = appearance();
    for (QCustomPlot *plot : m_window->findChildren<QCustomPlot *>()) {
        setPlotAppearance(plot, look);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void Presentation::setScale(double scale)
{
    if (!std::isfinite(scale))
        return;
    scale = std::clamp(scale, app::MinPresentationScale, app::MaxPresentationScale);
    if (scale == m_scale)
        return;
    if (m_presenting) {
        // Back to the plain sizes, then up by the new factor.
        restoreWidgets();
        m_scale = scale;
        const QByteArray geometry = m_saved.geometry;
        const QRect rect = m_saved.rect;
        const Qt::WindowStates states = m_saved.states;
        m_saved = {};
        m_saved.geometry = geometry;
        m_saved.rect = rect;
        m_saved.states = states;
        scaleWidgets();
        applyToPlots();
    } else {
        m_scale = scale;
    }
}

void Presentation::setTheme(Theme theme)
{
    themeAction(theme)->setChecked(true);
    if (theme == m_theme)
        return;
    m_theme = theme;
    applyPalette();
    applyToPlots();
    emit themeChanged(theme);
}

void Presentation::resetToDefaults()
{
    setTheme(Theme::Light);
    setScale(app::DefaultPresentationScale);
}

void Presentation::chooseScale()
{
    bool ok = false;
    const double scale = QInputDialog::getDouble(
            m_window, tr("Presentation scale"),
            tr("Fonts and lines in presentation mode, as a multiple of their usual size:"), m_scale,
            app::MinPresentationScale, app::MaxPresentationScale, 2, &ok, Qt::WindowFlags(), 0.25);
    if (ok)
        setScale(scale);
}

} // namespace relulab::ui
