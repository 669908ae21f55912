#pragma once

class QCustomPlot;
class QHeaderView;
class QObject;
class QString;
class QWidget;

namespace relulab::ui {

// Keeps a plot readable at whatever size it gets (the window's minimum, presentation mode's
// larger fonts, a projector's 1280x720): after every layout of the plot, and before it draws,
//   - each axis gets no more ticks than its labels have room for (the ticker's own tick count is
//     the most it gets, so a large plot looks as designed);
//   - the plot's margins grow so that no tick label at an axis' end runs off the plot;
//   - an axis label longer than its axis, and a title wider than the plot, wrap at spaces;
//   - a legend in a row of its own wraps into as many columns as fit.
// The texts are the ones the plot's code sets: it needs to know nothing of this (a text that
// differs from the one last fitted is a new original). QCustomPlot's layout does none of this
// itself: it clips texts and lets tick labels overlap.
//
// Idempotent; the fit lives as long as the plot.
void keepPlotReadable(QCustomPlot *plot);

// The text the plot's code set on `element` (an axis or a title), whatever line breaks the fit
// added to the `shown` one.
QString unwrappedText(const QObject *element, const QString &shown);

// keepPlotReadable() for every plot in `window`, the ones added later included (when they are
// first polished, before they are shown).
void keepPlotsReadable(QWidget *window);

// A header whose sections stretch to fill its table (QHeaderView::Stretch) squeezes them below
// their titles in a narrow window: this keeps every section at least as wide as the widest title
// in the header's current font (presentation mode scales it) and language, and the table scrolls
// instead.
void keepHeaderTextsWhole(QHeaderView *header);

} // namespace relulab::ui
