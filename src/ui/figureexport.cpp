#include "figureexport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QPixmap>
#include <QSvgGenerator>
#include <QWidget>

#include <qcustomplot.h>

#include "app/dataexport.h"
#include "app/userfiles.h"
#include "readable.h"

#include <algorithm>
#include <cmath>

namespace relulab::ui {

namespace {

// The resolution a PNG states: 96 dpi at scale 1, so a scaled-up picture has the same physical size.
constexpr double ScreenDpi = 96.0;

QString creator()
{
    return QStringLiteral("ReLU Lab");
}

// Draws the plot, or the widget as it is, on an active painter whose window is `size`.
void drawOn(QWidget *source, QCPPainter &painter, QSize size)
{
    if (auto *plot = qobject_cast<QCustomPlot *>(source)) {
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        plot->toPainter(&painter, size.width(), size.height());
    } else {
        source->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    }
}

// Draws the PNG's picture (GUI thread: widgets paint there).
QImage pngImage(QWidget *source, QSize size, double scale)
{
    QImage image;
    if (auto *plot = qobject_cast<QCustomPlot *>(source)) {
        image = plot->toPixmap(size.width(), size.height(), scale).toImage();
    } else {
        QPixmap pixmap(QSize(qRound(size.width() * scale), qRound(size.height() * scale)));
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(source->palette().color(QPalette::Window));
        source->render(&pixmap, QPoint(), QRegion(), QWidget::DrawChildren);
        image = pixmap.toImage();
        image.setDevicePixelRatio(1.0);
    }
    const int dotsPerMeter = qRound(ScreenDpi * scale / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

// Encodes it (any thread: the slow part of a large PNG).
std::optional<QByteArray> encodePng(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (image.isNull() || !writer.write(image))
        return std::nullopt;
    return bytes;
}

bool writePdf(QWidget *source, QIODevice &device, QSize size, const QString &title)
{
    QPdfWriter writer(&device);
    writer.setCreator(creator());
    writer.setTitle(title);
    // One page the size of the figure, one point per pixel of the plot as laid out.
    writer.setPageLayout(
            QPageLayout(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch),
                        QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QCPPainter painter;
    if (!painter.begin(&writer))
        return false;
    painter.setWindow(QRect(QPoint(0, 0), size));
    drawOn(source, painter, size);
    return painter.end();
}

bool writeSvg(QWidget *source, QIODevice &device, QSize size, const QString &title)
{
    QSvgGenerator generator;
    generator.setOutputDevice(&device);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    generator.setDescription(creator());
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    drawOn(source, painter, size);
    return painter.end();
}

} // namespace

std::optional<FigureFormat> figureFormatForFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (FigureFormat format : {FigureFormat::Png, FigureFormat::Pdf, FigureFormat::Svg}) {
        if (suffix == figureSuffix(format))
            return format;
    }
    return std::nullopt;
}

QString figureSuffix(FigureFormat format)
{
    switch (format) {
    case FigureFormat::Png:
        return QStringLiteral("png");
    case FigureFormat::Pdf:
        return QStringLiteral("pdf");
    case FigureFormat::Svg:
        return QStringLiteral("svg");
    }
    return {};
}

FigureDrawing drawFigure(QWidget *source, const QString &path, const FigureOptions &options)
{
    const auto failure = [](QString message) { return FigureDrawing {std::move(message), {}}; };
    if (path.isEmpty())
        return failure(QCoreApplication::translate("relulab::ui::FigureExport", "No file name given."));
    if (!source)
        return failure(QCoreApplication::translate("relulab::ui::FigureExport",
                                                   "%1: there is nothing to export.")
                               .arg(path));
    auto *plot = qobject_cast<QCustomPlot *>(source);
    // The whole window is drawn as it is; only a plot can be laid out anew at another size.
    const QSize size = plot && !options.size.isEmpty() ? options.size : source->size();
    if (size.width() < 1 || size.height() < 1 || size.width() > MaxFigureSide
        || size.height() > MaxFigureSide)
        return failure(QCoreApplication::translate(
                               "relulab::ui::FigureExport",
                               "%1: the size %2 × %3 is not between 1 and %4 on each side.")
                               .arg(path)
                               .arg(size.width())
                               .arg(size.height())
                               .arg(MaxFigureSide));
    const double scale = options.format == FigureFormat::Png ? options.scale : 1.0;
    if (!(scale >= MinFigureScale && scale <= MaxFigureScale))
        return failure(QCoreApplication::translate("relulab::ui::FigureExport",
                                                   "%1: the scale %2 is not between %3 and %4.")
                               .arg(path)
                               .arg(scale)
                               .arg(MinFigureScale)
                               .arg(MaxFigureScale));
    if (std::ceil(size.width() * scale) * std::ceil(size.height() * scale)
        > static_cast<double>(MaxFigurePixels))
        return failure(QCoreApplication::translate(
                               "relulab::ui::FigureExport",
                               "%1: %2 × %3 at scale %4 is more than %5 million pixels.")
                               .arg(path)
                               .arg(size.width())
                               .arg(size.height())
                               .arg(scale)
                               .arg(MaxFigurePixels / 1'000'000));

    const QString notDrawn =
            QCoreApplication::translate("relulab::ui::FigureExport", "Could not write %1: %2")
                    .arg(path,
                         QCoreApplication::translate("relulab::ui::FigureExport", "the %1 could not be drawn")
                                 .arg(figureSuffix(options.format).toUpper()));
    const QString title = plot ? plotTitle(plot) : source->windowTitle();
    FigureDrawing drawing;
    if (options.format == FigureFormat::Png) {
        // Painting happens here; encoding, the slow part of a large picture, in `bytes`.
        drawing.bytes = [image = pngImage(source, size, scale), notDrawn] {
            const std::optional<QByteArray> bytes = encodePng(image);
            return bytes ? app::ExportService::Produced {*bytes} : notDrawn;
        };
    } else {
        QByteArray drawn;
        QBuffer buffer(&drawn);
        buffer.open(QIODevice::WriteOnly);
        const bool ok = options.format == FigureFormat::Pdf ? writePdf(source, buffer, size, title)
                                                            : writeSvg(source, buffer, size, title);
        drawing.bytes = [produced = ok ? app::ExportService::Produced {drawn} : notDrawn] {
            return produced;
        };
    }
    // Drawing at another size changed the plot's layout; the next replot restores the screen's.
    if (plot)
        plot->replot(QCustomPlot::rpQueuedReplot);
    return drawing;
}

QString exportFigure(QWidget *source, const QString &path, const FigureOptions &options)
{
    const FigureDrawing drawing = drawFigure(source, path, options);
    if (!drawing.error.isEmpty())
        return drawing.error;
    const app::ExportService::Produced produced = drawing.bytes();
    if (const auto *error = std::get_if<QString>(&produced))
        return *error;
    if (const std::optional<QString> failed =
                app::writeUserFile(path, std::get<QByteArray>(produced)))
        return *failed;
    return {};
}

QList<QCustomPlot *> exportablePlots(const QWidget *page)
{
    QList<QCustomPlot *> plots;
    if (!page)
        return plots;
    for (QCustomPlot *plot : page->findChildren<QCustomPlot *>()) {
        if (plot->isVisibleTo(page))
            plots.append(plot);
    }
    // In reading order, top to bottom and left to right, as the tab shows them.
    std::stable_sort(plots.begin(), plots.end(), [page](const QCustomPlot *a, const QCustomPlot *b) {
        const QPoint pa = a->mapTo(page, QPoint(0, 0));
        const QPoint pb = b->mapTo(page, QPoint(0, 0));
        return pa.y() != pb.y() ? pa.y() < pb.y() : pa.x() < pb.x();
    });
    return plots;
}

QString plotTitle(const QCustomPlot *plot)
{
    const QString name = plot->objectName();
    // The plot's accessible name (every plot of the explorer and the lab has one); for a plot
    // without one, its title or its axes.
    QString title = plot->accessibleName();
    if (title.isEmpty() && plot->plotLayout()) {
        for (QCPLayoutElement *element : plot->plotLayout()->elements(true)) {
            if (auto *text = qobject_cast<QCPTextElement *>(element); text && !text->text().isEmpty()) {
                title = unwrappedText(text, text->text()).section(QLatin1Char('\n'), 0, 0);
                break;
            }
        }
    }
    if (title.isEmpty() && plot->xAxis && plot->yAxis && !plot->yAxis->label().isEmpty())
        title = QCoreApplication::translate("relulab::ui::FigureExport", "%1 against %2")
                        .arg(unwrappedText(plot->yAxis, plot->yAxis->label()),
                             unwrappedText(plot->xAxis, plot->xAxis->label()));
    if (title.isEmpty())
        return name.isEmpty() ? QCoreApplication::translate("relulab::ui::FigureExport", "Plot") : name;
    return name.isEmpty()
            ? title
            : QCoreApplication::translate("relulab::ui::FigureExport", "%1 — %2").arg(title, name);
}

} // namespace relulab::ui
