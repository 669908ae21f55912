#pragma once

#include <QByteArray>
#include <QFont>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QSize>

#include "plotappearance.h"

class QAction;
class QActionGroup;
class QListView;
class QListWidget;
class QMainWindow;
class QMenu;
class QShortcut;
class QWidget;

namespace relulab::ui {

// Presentation mode and the theme of one main window.
//
// Presentation mode (F11, View > Presentation, left with Esc or F11) shows the window full
// screen for a projector: every font, plot line and plot label scaled by scale() (a setting,
// View > Presentation scale), high contrast, and the secondary controls hidden. Hidden are the
// status bar, the explorer's plot-range group and the lab's data-set group, and any widget that
// has the dynamic property "relulabSecondary" set to true (so that tabs added later can mark
// their own); the function list, the main sliders and Play/Pause stay. Leaving restores exactly
// the geometry, window state, fonts, sizes, pens and visibility from before.
//
// The theme (View > Theme: light or dark) sets the widgets' palette and restyles every plot
// (background, axes, grid, texts). Plots are found with findChildren, so tabs added by others are
// covered; their styling code needs no change (see plotappearance.h).
class Presentation : public QObject
{
    Q_OBJECT

public:
    // Adds its actions to `viewMenu` (and to the window, so that their shortcuts work while the
    // menu bar is hidden).
    Presentation(QMainWindow *window, QMenu *viewMenu);

    bool isPresenting() const noexcept { return m_presenting; }
    double scale() const noexcept { return m_scale; }
    Theme theme() const noexcept { return m_theme; }

    void setPresenting(bool on);
    // Clamped to [MinPresentationScale, MaxPresentationScale]; applied at once when presenting.
    void setScale(double scale);
    void setTheme(Theme theme);
    // The light theme and the default scale (View > Reset to defaults).
    void resetToDefaults();
    // Restyles every plot of the window again (a plot added after the last change).
    void applyToPlots();

    QAction *presentationAction() const noexcept { return m_presentationAction; }
    QAction *scaleAction() const noexcept { return m_scaleAction; }
    QAction *themeAction(Theme theme) const;

signals:
    void presentingChanged(bool on);
    void themeChanged(Theme theme);

private:
    struct Saved
    {
        QByteArray geometry;
        QRect rect; // geometry(), for platforms that restore frames approximately
        Qt::WindowStates states;
        QFont windowFont;
        bool windowFontSet = false;
        QList<QPair<QPointer<QWidget>, QFont>> widgetFonts;
        QList<QPair<QPointer<QWidget>, QPair<QSize, QSize>>> widgetSizes; // minimum, maximum
        QList<QPointer<QWidget>> hidden;
        QList<QPair<QPointer<QListView>, QSize>> gridSizes;
        struct Item
        {
            QPointer<QListWidget> list;
            int row = 0;
            QSize sizeHint;
            double pointSize = 0.0; // of an explicit item font; 0: none
        };
        QList<Item> items;
    };

    void enter();
    void leave();
    void scaleWidgets();
    void restoreWidgets();
    void applyPalette();
    void chooseScale();
    PlotAppearance appearance() const;
    // The actions' and the theme menu's texts in the current language (on every switch).
    void retranslate();

    QMainWindow *m_window;
    QAction *m_presentationAction = nullptr;
    QAction *m_scaleAction = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QAction *m_lightAction = nullptr;
    QAction *m_darkAction = nullptr;
    QMenu *m_themeMenu = nullptr;
    QShortcut *m_leaveShortcut = nullptr;
    bool m_presenting = false;
    double m_scale;
    Theme m_theme = Theme::Light;
    Saved m_saved;
};

} // namespace relulab::ui
