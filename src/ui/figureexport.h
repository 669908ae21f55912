#pragma once

// File > Export figure and `relulab --export-figure`: a plot, or the whole window, as PNG, PDF or
// SVG. Plots are drawn anew at the chosen size (vector graphics in PDF and SVG); other widgets, the
// window, are drawn as they are on screen. Every file is written as
// app::writeUserFile writes: a regular file atomically, so a failure never leaves a half-written
// one behind; a device as it is, never replaced.

#include <QList>
#include <QSize>
#include <QString>

#include <optional>

#include "app/exportservice.h"

class QCustomPlot;
class QWidget;

namespace relulab::ui {

enum class FigureFormat { Png, Pdf, Svg };

// The format a file name asks for by its suffix (.png, .pdf, .svg, any case).
std::optional<FigureFormat> figureFormatForFile(const QString &path);
// "png", "pdf", "svg".
QString figureSuffix(FigureFormat format);

struct FigureOptions
{
    FigureFormat format = FigureFormat::Png;
    // A plot's size: pixels for PNG (before `scale`), points for PDF, SVG user units. Empty: the
    // plot's size on screen. The whole window is always exported at its size on screen.
    QSize size;
    // PNG only: pixels per unit of `size` (2 for a sharp picture on a slide).
    double scale = 1.0;
};

inline constexpr int MaxFigureSide = 20000;
inline constexpr double MinFigureScale = 0.25;
inline constexpr double MaxFigureScale = 8.0;
// Larger PNGs would need gigabytes of memory while drawing.
inline constexpr qint64 MaxFigurePixels = 200'000'000;

// A figure drawn for a file: an error message, or what makes the file's bytes.
struct FigureDrawing
{
    QString error; // empty when drawn
    // Makes the file's bytes; a PNG is encoded here, which takes longer than a frame for a large
    // picture, so the app calls it on its ExportService's worker. Safe on any thread.
    app::ExportService::Producer bytes;
};
// Validates the options and draws `source`, a QCustomPlot or any other widget, for `path` (GUI
// thread: widgets paint there). Errors name the file.
FigureDrawing drawFigure(QWidget *source, const QString &path, const FigureOptions &options);

// Draws and writes at once (the command line's --export-figure): an empty string, or a message
// naming the file ("Could not write /x/y.png: ...").
QString exportFigure(QWidget *source, const QString &path, const FigureOptions &options);

// The plots of `page` (a tab) that can be exported: its QCustomPlot widgets that are not hidden,
// in reading order (top to bottom, then left to right).
QList<QCustomPlot *> exportablePlots(const QWidget *page);

// A plot as the export dialog lists it: its title and its object name, the name --plot takes,
// e.g. "Activation f(x) — activationPlot".
QString plotTitle(const QCustomPlot *plot);

} // namespace relulab::ui
