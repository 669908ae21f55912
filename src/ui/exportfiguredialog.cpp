#include "exportfiguredialog.h"

#include "ui_exportfiguredialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>

#include <qcustomplot.h>

#include <cmath>

namespace relulab::ui {

ExportFigureDialog::ExportFigureDialog(QWidget *page, QWidget *window, app::ExportService *writer,
                                       const QString &folder, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<::Ui::ExportFigureDialog>())
    , m_window(window)
    , m_writer(writer)
{
    m_ui->setupUi(this);
    // The texts of the entries: retranslate().
    for (QCustomPlot *plot : exportablePlots(page)) {
        m_ui->figureCombo->addItem(QString());
        m_sources.append(plot);
    }
    m_ui->figureCombo->addItem(QString());
    m_sources.append(window);

    for (FigureFormat format : {FigureFormat::Png, FigureFormat::Pdf, FigureFormat::Svg})
        m_ui->formatCombo->addItem(QString(), static_cast<int>(format));
    m_ui->buttonBox->installEventFilter(this);
    m_ui->errorLabel->setVisible(false);

    const QString first =
            m_sources.size() > 1 ? m_sources.first()->objectName() : QStringLiteral("relulab");
    m_ui->fileEdit->setText(QDir(folder).filePath(first + QStringLiteral(".png")));

    connect(m_ui->figureCombo, &QComboBox::currentIndexChanged, this,
            &ExportFigureDialog::onFigureChanged);
    connect(m_ui->formatCombo, &QComboBox::currentIndexChanged, this,
            &ExportFigureDialog::onFormatChanged);
    connect(m_ui->widthSpin, &QSpinBox::valueChanged, this, &ExportFigureDialog::updatePixelsNote);
    connect(m_ui->heightSpin, &QSpinBox::valueChanged, this, &ExportFigureDialog::updatePixelsNote);
    connect(m_ui->scaleSpin, &QDoubleSpinBox::valueChanged, this, &ExportFigureDialog::updatePixelsNote);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &ExportFigureDialog::browse);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ExportFigureDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ExportFigureDialog::reject);
    connect(m_writer, &app::ExportService::written, this, &ExportFigureDialog::onWritten);
    onFigureChanged();
    onFormatChanged();
    retranslate();
}

ExportFigureDialog::~ExportFigureDialog() = default;

void ExportFigureDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

bool ExportFigureDialog::eventFilter(QObject *watched, QEvent *event)
{
    // The button box names its standard buttons anew on a language switch, after this dialog's
    // changeEvent(): let it do that first, then name Save "Export" again.
    if (watched == m_ui->buttonBox && event->type() == QEvent::LanguageChange) {
        static_cast<QObject *>(m_ui->buttonBox)->event(event);
        showButtonTexts();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void ExportFigureDialog::retranslate()
{
    m_ui->retranslateUi(this);
    QComboBox *figures = m_ui->figureCombo;
    for (int i = 0; i < figures->count() && i < m_sources.size(); ++i) {
        const auto *plot = qobject_cast<const QCustomPlot *>(m_sources[i].data());
        figures->setItemText(i, plot ? plotTitle(plot) : tr("Whole window"));
    }
    QComboBox *formats = m_ui->formatCombo;
    for (int i = 0; i < formats->count(); ++i) {
        switch (static_cast<FigureFormat>(formats->itemData(i).toInt())) {
        case FigureFormat::Png:
            formats->setItemText(i, tr("PNG picture"));
            break;
        case FigureFormat::Pdf:
            formats->setItemText(i, tr("PDF document (vector)"));
            break;
        case FigureFormat::Svg:
            formats->setItemText(i, tr("SVG drawing (vector)"));
            break;
        }
    }
    showButtonTexts();
    showUnits();
    updatePixelsNote();
}

void ExportFigureDialog::showButtonTexts()
{
    QPushButton *save = m_ui->buttonBox->button(QDialogButtonBox::Save);
    save->setText(tr("&Export"));
    save->setToolTip(tr("Write the file"));
}

void ExportFigureDialog::showUnits()
{
    const QString unit = options().format == FigureFormat::Png ? tr(" px") : tr(" pt");
    m_ui->widthSpin->setSuffix(unit);
    m_ui->heightSpin->setSuffix(unit);
}

QWidget *ExportFigureDialog::selectedSource() const
{
    const int index = m_ui->figureCombo->currentIndex();
    return index >= 0 && index < m_sources.size() ? m_sources[index].data() : nullptr;
}

QString ExportFigureDialog::filePath() const
{
    return m_ui->fileEdit->text().trimmed();
}

FigureOptions ExportFigureDialog::options() const
{
    FigureOptions options;
    options.format = static_cast<FigureFormat>(m_ui->formatCombo->currentData().toInt());
    options.size = QSize(m_ui->widthSpin->value(), m_ui->heightSpin->value());
    options.scale = m_ui->scaleSpin->value();
    return options;
}

QString ExportFigureDialog::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

void ExportFigureDialog::onFigureChanged()
{
    QWidget *source = selectedSource();
    if (!source)
        return;
    // Only a plot can be laid out anew at another size; the window is drawn as it is.
    const bool plot = qobject_cast<QCustomPlot *>(source) != nullptr;
    m_ui->widthSpin->setValue(source->width());
    m_ui->heightSpin->setValue(source->height());
    m_ui->widthSpin->setEnabled(plot);
    m_ui->heightSpin->setEnabled(plot);
    // Name the file after the figure while the name is still one the dialog chose.
    const QFileInfo file(filePath());
    bool suggested = file.completeBaseName() == QLatin1String("relulab")
            || file.completeBaseName() == QLatin1String("window");
    for (const QPointer<QWidget> &other : std::as_const(m_sources))
        suggested = suggested || (other && file.completeBaseName() == other->objectName());
    if (suggested && !file.fileName().isEmpty()) {
        const QString base = source == m_window ? QStringLiteral("window") : source->objectName();
        m_ui->fileEdit->setText(file.dir().filePath(base + QLatin1Char('.') + file.suffix()));
    }
    updatePixelsNote();
}

void ExportFigureDialog::onFormatChanged()
{
    const FigureFormat format = options().format;
    const bool png = format == FigureFormat::Png;
    m_ui->scaleSpin->setEnabled(png);
    showUnits();
    // The extension follows the format.
    const QString path = filePath();
    if (!path.isEmpty()) {
        const QFileInfo file(path);
        const QString suffix = figureSuffix(format);
        if (figureFormatForFile(path))
            m_ui->fileEdit->setText(
                    file.dir().filePath(file.completeBaseName() + QLatin1Char('.') + suffix));
        else
            m_ui->fileEdit->setText(path + QLatin1Char('.') + suffix);
    }
    updatePixelsNote();
}

void ExportFigureDialog::updatePixelsNote()
{
    const FigureOptions chosen = options();
    QWidget *source = selectedSource();
    const bool plot = qobject_cast<QCustomPlot *>(source) != nullptr;
    if (chosen.format == FigureFormat::Png) {
        const int width = static_cast<int>(std::lround(chosen.size.width() * chosen.scale));
        const int height = static_cast<int>(std::lround(chosen.size.height() * chosen.scale));
        m_ui->pixelsLabel->setText(tr("The picture will be %1 × %2 pixels.").arg(width).arg(height));
    } else if (plot) {
        m_ui->pixelsLabel->setText(tr("The plot is drawn as vector graphics on a page of %1 × %2 "
                                      "points.")
                                           .arg(chosen.size.width())
                                           .arg(chosen.size.height()));
    } else {
        m_ui->pixelsLabel->setText(tr("The window is drawn as it is on screen; its plots are "
                                      "pictures inside the page."));
    }
}

void ExportFigureDialog::browse()
{
    const FigureFormat format = options().format;
    const QString filter = format == FigureFormat::Png ? tr("PNG pictures (*.png)")
            : format == FigureFormat::Pdf              ? tr("PDF documents (*.pdf)")
                                                       : tr("SVG drawings (*.svg)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export figure as"), filePath(), filter);
    if (!path.isEmpty()) {
        m_ui->fileEdit->setText(path);
        onFormatChanged();
    }
}

void ExportFigureDialog::accept()
{
    if (isWriting())
        return;
    const QString path = filePath();
    FigureDrawing drawing = drawFigure(selectedSource(), path, options());
    if (!drawing.error.isEmpty()) {
        showError(drawing.error);
        return;
    }
    m_ui->errorLabel->setVisible(false);
    m_ui->errorLabel->clear();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
    m_writing = m_writer->write(path, std::move(drawing.bytes));
}

void ExportFigureDialog::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(true);
}

void ExportFigureDialog::onWritten(quint64 id, const QString &path, const QString &error)
{
    if (id != m_writing)
        return;
    m_writing = 0;
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(true);
    if (!error.isEmpty()) {
        showError(error);
        return;
    }
    emit exported(path);
    QDialog::accept();
}

} // namespace relulab::ui
