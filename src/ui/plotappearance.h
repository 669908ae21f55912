#pragma once

#include <QPalette>
#include <QString>

#include <optional>

class QCustomPlot;

namespace relulab::ui {

// The window's look: a light or a dark theme, optionally with high contrast, and a scale factor
// for fonts and lines (presentation mode on a projector).
enum class Theme { Light, Dark };

// "light" or "dark", as stored in the settings.
QString themeName(Theme theme);
std::optional<Theme> themeFromName(const QString &name);

struct PlotAppearance
{
    Theme theme = Theme::Light;
    bool highContrast = false;
    double scale = 1.0;

    // The look every plot is built with: applying it changes nothing.
    bool isPlain() const noexcept { return theme == Theme::Light && !highContrast && scale == 1.0; }
    friend bool operator==(const PlotAppearance &, const PlotAppearance &) = default;
};

// The widgets' palette for a theme (Qt's Fusion colours for the light one).
QPalette themePalette(Theme theme, bool highContrast);

// Gives `plot` an appearance and restyles everything in it now: fonts and pens scaled, the
// background, axes, grid, legend and texts in the theme's colours, black and grey data drawn
// light on the dark theme. The plot remembers what each element looked like before (its "base"),
// so going back to the plain appearance restores every font and pen exactly. Does not replot.
//
// Code that styles plots needs to know nothing of this: it keeps setting its plain pens and
// fonts, and the next refresh treats a value that differs from the one applied as a new base.
void setPlotAppearance(QCustomPlot *plot, const PlotAppearance &appearance);
PlotAppearance plotAppearance(const QCustomPlot *plot);

// Applies the plot's appearance to elements added or restyled since it was set. A plot whose
// appearance was never set is left alone at no cost. setPlotAppearance() connects this to the
// plot's beforeReplot signal; code that repaints single layers (which emits no signal) calls it
// itself before.
void refreshPlotAppearance(QCustomPlot *plot);

// The colour the theme gives a background (for tests and for widgets that paint plots).
QColor themeBackground(Theme theme, bool highContrast);

} // namespace relulab::ui
