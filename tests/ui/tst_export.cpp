// File > Export figure, Export data and Copy as code in the real window: the files are valid
// (a PNG decodes at the chosen size, a PDF starts with %PDF, an SVG parses and renders), the CSV
// holds the core's numbers, an unwritable folder gives a message naming the file and leaves
// nothing behind, and the dialogs work when driven with QTest.

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QXmlStreamReader>

#include <qcustomplot.h>

#include <memory>
#include <vector>

#include "app/codesnippets.h"
#include "app/preset.h"
#include "common/fuzzycompare.h"
#include "core/sampling.h"
#include "core/trainer.h"
#include "ui/codedialog.h"
#include "ui/exportfiguredialog.h"
#include "ui/figureexport.h"
#include "ui/labtab.h"
#include "ui/mainwindow.h"

using relulab::core::Activation;
using relulab::ui::FigureFormat;
using relulab::ui::FigureOptions;
using relulab::ui::MainWindow;

namespace {

constexpr int TimeoutMs = 20000;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Parses the whole document; returns the root element's name, or an empty string on an error.
QString svgRoot(const QByteArray &svg)
{
    QXmlStreamReader reader(svg);
    QString root;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && root.isEmpty())
            root = reader.name().toString();
    }
    return reader.hasError() ? QString() : root;
}

QList<QByteArray> csvLines(const QString &path)
{
    QList<QByteArray> lines = readAll(path).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void plotAsPngHasTheChosenSize();
    void plotAsPdfAndSvg();
    void wholeWindowInEveryFormat();
    void unwritableFolderGivesAMessageAndNoFile();
    void exportablePlotsFollowTheTabShown();
    void dialogExportsTheChosenPlot();
    void dialogShowsErrorsAndStaysOpen();
    void curvesCsvHoldsTheCoresValues();
    void trainingHistoryCsv();
    void copyAsCodeDialog();

private:
    // Waits until the window has drawn a generation newer than `before` that is the newest one
    // requested (a change becomes a request on the next event-loop turn).
    bool waitUntilDrawn(quint64 before = 0)
    {
        return QTest::qWaitFor(
                [&] {
                    const quint64 newest = m_window->curveService().requestedGeneration();
                    return newest > before && m_window->drawnGeneration() == newest;
                },
                TimeoutMs);
    }
    QAction *action(const char *name) const
    {
        auto *found = m_window->findChild<QAction *>(QLatin1String(name));
        if (!found)
            qFatal("no action %s", name);
        return found;
    }
    template<class T>
    T *child(QWidget *parent, const char *name) const
    {
        auto *found = parent->findChild<T *>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }
    QCustomPlot *plot(const char *name) const { return child<QCustomPlot>(m_window.get(), name); }

    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestExport::initTestCase()
{
    // Settings (the last parameters, the tab shown) go to a test location, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1360, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(waitUntilDrawn());
}

void TestExport::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestExport::plotAsPngHasTheChosenSize()
{
    const QString path = m_dir->filePath(QStringLiteral("activation.png"));
    FigureOptions options;
    options.format = FigureFormat::Png;
    options.size = QSize(640, 400);
    options.scale = 2.0;
    QCOMPARE(relulab::ui::exportFigure(plot("activationPlot"), path, options), QString());
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1280, 800));
    // 96 dpi times the scale, so the picture has the plot's physical size.
    QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 192);
    // Not a blank picture: the curve and axes are drawn on the white background.
    int dark = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    }
    QVERIFY2(dark > 100, qPrintable(QString::number(dark)));

    // Without a size, the plot's size on screen.
    options.size = QSize();
    options.scale = 1.0;
    QCOMPARE(relulab::ui::exportFigure(plot("derivativePlot"), path, options), QString());
    QCOMPARE(QImage(path).size(), plot("derivativePlot")->size());
}

void TestExport::plotAsPdfAndSvg()
{
    FigureOptions options;
    options.size = QSize(500, 300);
    options.format = FigureFormat::Pdf;
    const QString pdf = m_dir->filePath(QStringLiteral("derivative.pdf"));
    QCOMPARE(relulab::ui::exportFigure(plot("derivativePlot"), pdf, options), QString());
    const QByteArray pdfBytes = readAll(pdf);
    QVERIFY(pdfBytes.startsWith("%PDF-"));
    QVERIFY(pdfBytes.trimmed().endsWith("%%EOF"));
    // One page of 500 x 300 points.
    const QRegularExpression mediaBox(
            QStringLiteral("/MediaBox \\[0 0 500(\\.0+)? 300(\\.0+)?\\]"));
    QVERIFY(mediaBox.match(QString::fromLatin1(pdfBytes)).hasMatch());

    options.format = FigureFormat::Svg;
    const QString svg = m_dir->filePath(QStringLiteral("derivative.svg"));
    QCOMPARE(relulab::ui::exportFigure(plot("derivativePlot"), svg, options), QString());
    const QByteArray svgBytes = readAll(svg);
    QCOMPARE(svgRoot(svgBytes), QStringLiteral("svg"));
    QSvgRenderer renderer(svgBytes);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(0, 0, 500, 300));
    // Vector graphics: the curve is a path, the axis labels are text.
    QVERIFY(svgBytes.contains("<path") || svgBytes.contains("<polyline"));
    QVERIFY(svgBytes.contains("<text"));
}

void TestExport::wholeWindowInEveryFormat()
{
    FigureOptions options;
    options.format = FigureFormat::Png;
    options.scale = 1.5;
    // The size of a plot export does not apply: the window is drawn as it is.
    options.size = QSize(100, 100);
    const QString png = m_dir->filePath(QStringLiteral("window.png"));
    QCOMPARE(relulab::ui::exportFigure(m_window.get(), png, options), QString());
    QCOMPARE(QImage(png).size(), m_window->size() * 1.5);

    options.format = FigureFormat::Pdf;
    const QString pdf = m_dir->filePath(QStringLiteral("window.pdf"));
    QCOMPARE(relulab::ui::exportFigure(m_window.get(), pdf, options), QString());
    QVERIFY(readAll(pdf).startsWith("%PDF-"));

    options.format = FigureFormat::Svg;
    const QString svg = m_dir->filePath(QStringLiteral("window.svg"));
    QCOMPARE(relulab::ui::exportFigure(m_window.get(), svg, options), QString());
    QSvgRenderer renderer(readAll(svg));
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox().size(), m_window->size());
}

void TestExport::unwritableFolderGivesAMessageAndNoFile()
{
    FigureOptions options;
    for (FigureFormat format : {FigureFormat::Png, FigureFormat::Pdf, FigureFormat::Svg}) {
        options.format = format;
        const QString path =
                m_dir->filePath(QStringLiteral("missing/plot.") + relulab::ui::figureSuffix(format));
        const QString error = relulab::ui::exportFigure(plot("activationPlot"), path, options);
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
    // A name that is a folder.
    const QString folder = m_dir->filePath(QStringLiteral("folder.png"));
    QVERIFY(QDir().mkdir(folder));
    const QString error = relulab::ui::exportFigure(plot("activationPlot"), folder, options);
    QVERIFY2(error.contains(folder), qPrintable(error));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList());

    QVERIFY(!relulab::ui::exportFigure(plot("activationPlot"), QString(), options).isEmpty());
    options.format = FigureFormat::Png;
    options.size = QSize(30000, 10);
    const QString tooWide = m_dir->filePath(QStringLiteral("wide.png"));
    QVERIFY(relulab::ui::exportFigure(plot("activationPlot"), tooWide, options).contains(tooWide));
    QVERIFY(!QFile::exists(tooWide));
}

void TestExport::exportablePlotsFollowTheTabShown()
{
    auto names = [&] {
        QStringList list;
        for (const QCustomPlot *plot : relulab::ui::exportablePlots(m_window->currentPage()))
            list.append(plot->objectName());
        return list;
    };
    // ReLU is selected: the RReLU histogram is hidden and not offered.
    QCOMPARE(names(), QStringList({"activationPlot", "derivativePlot"}));
    m_window->model().setSelectedActivation(Activation::Rrelu);
    // In reading order: the histogram sits at the top of the side panel, right of f(x).
    QTRY_COMPARE(names(), QStringList({"activationPlot", "slopeHistogramPlot", "derivativePlot"}));
    m_window->showTab(MainWindow::Tab::Lab);
    const QStringList lab = names();
    for (const char *name : {"deadPlot", "lossPlot", "decisionPlot"})
        QVERIFY2(lab.contains(QLatin1String(name)), qPrintable(lab.join(QLatin1Char(','))));
    QVERIFY(relulab::ui::plotTitle(plot("deadPlot")).endsWith(QStringLiteral("deadPlot")));
}

void TestExport::dialogExportsTheChosenPlot()
{
    action("exportFigureAction")->trigger();
    auto *dialog = m_window->findChild<relulab::ui::ExportFigureDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *figure = child<QComboBox>(dialog, "figureCombo");
    // The explorer's two plots and the whole window.
    QCOMPARE(figure->count(), 3);
    QCOMPARE(dialog->selectedSource(), plot("activationPlot"));

    // The derivative plot, chosen with the keyboard.
    figure->setFocus();
    QTest::keyClick(figure, Qt::Key_Down);
    QCOMPARE(dialog->selectedSource(), plot("derivativePlot"));
    auto *width = child<QSpinBox>(dialog, "widthSpin");
    auto *height = child<QSpinBox>(dialog, "heightSpin");
    QCOMPARE(width->value(), plot("derivativePlot")->width());

    // PNG at 400 x 250, scale 2.
    for (auto [spin, value] : {std::pair {width, "400"}, std::pair {height, "250"}}) {
        spin->selectAll();
        QTest::keyClicks(spin, QLatin1String(value));
    }
    auto *scale = child<QDoubleSpinBox>(dialog, "scaleSpin");
    scale->selectAll();
    QTest::keyClicks(scale, QStringLiteral("2"));
    QCOMPARE(scale->value(), 2.0);
    auto *fileEdit = child<QLineEdit>(dialog, "fileEdit");
    fileEdit->selectAll();
    const QString png = m_dir->filePath(QStringLiteral("chosen.png"));
    QTest::keyClicks(fileEdit, png);
    QPointer<relulab::ui::ExportFigureDialog> open = dialog;
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Save),
                      Qt::LeftButton);
    // Drawn on the GUI thread, encoded and written on the export service's worker: the dialog
    // waits for the file (Save disabled meanwhile), then closes.
    QVERIFY(dialog->isWriting() || QFile::exists(png));
    QCOMPARE(dialog->errorText(), QString());
    QTRY_VERIFY(open.isNull());
    QVERIFY(m_window->exportService().isIdle());
    QCOMPARE(QImage(png).size(), QSize(800, 500));
    QVERIFY(m_window->findChild<relulab::ui::ExportFigureDialog *>() == nullptr);

    // Again as SVG: choosing the format changes the file's extension; scale is PNG's alone.
    action("exportFigureAction")->trigger();
    dialog = m_window->findChild<relulab::ui::ExportFigureDialog *>();
    QVERIFY(dialog);
    auto *format = child<QComboBox>(dialog, "formatCombo");
    fileEdit = child<QLineEdit>(dialog, "fileEdit");
    fileEdit->selectAll();
    QTest::keyClicks(fileEdit, m_dir->filePath(QStringLiteral("chosen.png")));
    format->setFocus();
    QTest::keyClick(format, Qt::Key_Down);
    QTest::keyClick(format, Qt::Key_Down);
    QCOMPARE(dialog->options().format, FigureFormat::Svg);
    QVERIFY(!child<QDoubleSpinBox>(dialog, "scaleSpin")->isEnabled());
    const QString svg = m_dir->filePath(QStringLiteral("chosen.svg"));
    QCOMPARE(fileEdit->text(), svg);
    open = dialog;
    QTest::keyClick(fileEdit, Qt::Key_Return);
    QCOMPARE(dialog->errorText(), QString());
    QTRY_VERIFY(open.isNull());
    QVERIFY(QSvgRenderer(svg).isValid());

    // The whole window: its size is fixed.
    action("exportFigureAction")->trigger();
    QTRY_VERIFY(m_window->findChildren<relulab::ui::ExportFigureDialog *>().size() == 1);
    dialog = m_window->findChild<relulab::ui::ExportFigureDialog *>();
    figure = child<QComboBox>(dialog, "figureCombo");
    figure->setFocus();
    QTest::keyClick(figure, Qt::Key_End);
    QCOMPARE(dialog->selectedSource(), m_window.get());
    QVERIFY(!child<QSpinBox>(dialog, "widthSpin")->isEnabled());
    QCOMPARE(child<QSpinBox>(dialog, "widthSpin")->value(), m_window->width());
    dialog->reject();
}

void TestExport::dialogShowsErrorsAndStaysOpen()
{
    action("exportFigureAction")->trigger();
    auto *dialog = m_window->findChild<relulab::ui::ExportFigureDialog *>();
    QVERIFY(dialog);
    auto *fileEdit = child<QLineEdit>(dialog, "fileEdit");
    fileEdit->selectAll();
    const QString path = m_dir->filePath(QStringLiteral("no-such-folder/plot.png"));
    QTest::keyClicks(fileEdit, path);
    QTest::keyClick(fileEdit, Qt::Key_Return);
    // The folder's absence shows when the worker tries to write: the dialog stays open with it.
    QTRY_VERIFY(!dialog->isWriting());
    QVERIFY2(dialog->errorText().contains(path), qPrintable(dialog->errorText()));
    QVERIFY(child<QLabel>(dialog, "errorLabel")->isVisible());
    QVERIFY(dialog->isVisible());
    QVERIFY(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Save)->isEnabled());
    QVERIFY(!QFile::exists(path));

    // Corrected, it writes and closes.
    fileEdit->selectAll();
    const QString good = m_dir->filePath(QStringLiteral("plot.png"));
    QTest::keyClicks(fileEdit, good);
    QPointer<relulab::ui::ExportFigureDialog> open = dialog;
    QTest::keyClick(fileEdit, Qt::Key_Return);
    QCOMPARE(dialog->errorText(), QString());
    QTRY_VERIFY(open.isNull() || !open->isVisible());
    QVERIFY(!QImage(good).isNull());
}

void TestExport::curvesCsvHoldsTheCoresValues()
{
    relulab::app::ParameterModel &model = m_window->model();
    const quint64 before = m_window->curveService().requestedGeneration();
    model.setSelectedActivation(Activation::LeakyRelu);
    model.setValue(relulab::app::ParameterModel::Real::LeakySlope, 0.2);
    model.setOverlay(Activation::Gelu, true);
    model.setSamples(101);
    QVERIFY(waitUntilDrawn(before));

    const QString path = m_dir->filePath(QStringLiteral("curves.csv"));
    QSignalSpy written(&m_window->exportService(), &relulab::app::ExportService::written);
    QCOMPARE(m_window->exportData(path), QString());
    // Written off the GUI thread: the service says when.
    QTRY_COMPARE(written.count(), 1);
    QCOMPARE(written.at(0).at(1).toString(), path);
    QCOMPARE(written.at(0).at(2).toString(), QString());
    QVERIFY(m_window->exportService().isIdle());
    const QList<QByteArray> lines = csvLines(path);
    QCOMPARE(lines.size(), 102);
    QCOMPARE(lines.first(), QByteArray("x,f_leaky_relu,df_leaky_relu,f_gelu,df_gelu"));

    // Every value is the core's, to the bit.
    std::vector<double> x(101);
    relulab::core::fillGrid(-3.0, 3.0, x);
    std::vector<double> leaky(101), dleaky(101), gelu(101), dgelu(101);
    relulab::core::sampleActivation(Activation::LeakyRelu, model.activationParams(), x, leaky, dleaky);
    relulab::core::sampleActivation(Activation::Gelu, model.activationParams(), x, gelu, dgelu);
    for (std::size_t i = 0; i < x.size(); ++i) {
        const QList<QByteArray> cells = lines.at(static_cast<qsizetype>(i) + 1).split(',');
        QCOMPARE(cells.size(), 5);
        const std::vector<double> expected {x[i], leaky[i], dleaky[i], gelu[i], dgelu[i]};
        for (int c = 0; c < 5; ++c) {
            bool ok = false;
            const double value = cells.at(c).toDouble(&ok);
            QVERIFY(ok);
            RELULAB_COMPARE_EXACT(value, expected[static_cast<std::size_t>(c)]);
        }
    }
    // x = 0 is a sample, and f'(0) is the slope: PyTorch's convention.
    QCOMPARE(lines.at(51), QByteArray("0,0,0.2,0,0.5"));
}

void TestExport::trainingHistoryCsv()
{
    m_window->showTab(MainWindow::Tab::Lab);
    relulab::ui::LabTab &lab = m_window->lab();
    QVERIFY(QTest::qWaitFor([&] { return lab.shownRun() == 1; }, TimeoutMs));
    for (quint64 step = 1; step <= 3; ++step) {
        lab.controller().step();
        QVERIFY(QTest::qWaitFor([&] { return lab.shownStep() >= step; }, TimeoutMs));
    }
    const QString path = m_dir->filePath(QStringLiteral("history.csv"));
    QCOMPARE(m_window->exportData(path), QString());
    QTRY_VERIFY(m_window->exportService().isIdle());
    const QList<QByteArray> lines = csvLines(path);
    QCOMPARE(lines.first(),
             QByteArray("step,loss,train_accuracy,test_accuracy,dead_l1,dead_l2,dead_l3"));
    QCOMPARE(lines.size(), 5);

    // The same run in the core, measured at the same steps.
    const std::unique_ptr<relulab::core::Trainer> trainer =
            relulab::core::makeTrainer(lab.model().config());
    for (int row = 0; row < 4; ++row) {
        if (row > 0)
            trainer->train(1);
        const relulab::core::Measurement m = trainer->measure();
        const QList<QByteArray> cells = lines.at(row + 1).split(',');
        QCOMPARE(cells.size(), 7);
        QCOMPARE(cells.at(0).toULongLong(), m.step);
        RELULAB_FUZZY_COMPARE(cells.at(1).toDouble(), m.loss);
        QCOMPARE(cells.at(2).toDouble(), m.trainAccuracy);
        QCOMPARE(cells.at(3).toDouble(), m.testAccuracy);
        for (int l = 0; l < 3; ++l)
            QCOMPARE(cells.at(4 + l).toInt(), m.layers[static_cast<std::size_t>(l)].dead);
    }
    // The reference network starts with 0, 4 and 7 dead units.
    QVERIFY(lines.at(1).endsWith(",0,4,7"));

    // Another tab (the race, born dead) has nothing to export: a message, no file.
    auto *tabs = child<QTabWidget>(m_window.get(), "tabs");
    if (tabs->count() > 2) {
        tabs->setCurrentIndex(2);
        const QString other = m_dir->filePath(QStringLiteral("other.csv"));
        QVERIFY(!m_window->exportData(other).isEmpty());
        QVERIFY(!QFile::exists(other));
    }
}

void TestExport::copyAsCodeDialog()
{
    m_window->model().setSelectedActivation(Activation::Rrelu);
    action("copyAsCodeAction")->trigger();
    auto *dialog = m_window->findChild<relulab::ui::CodeDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const relulab::app::ExplorerState state = relulab::app::captureExplorer(m_window->model());
    QCOMPARE(child<QPlainTextEdit>(dialog, "torchEdit")->toPlainText(),
             relulab::app::torchExplorerSnippet(state));
    QVERIFY(child<QPlainTextEdit>(dialog, "torchEdit")
                    ->toPlainText()
                    .contains(QStringLiteral(
                            "torch.nn.RReLU(lower=0.125, upper=0.3333333333333333)")));
    QApplication::clipboard()->clear();
    QTest::mouseClick(child<QPushButton>(dialog, "copyButton"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), relulab::app::torchExplorerSnippet(state));

    // The Keras tab, by its tab bar; Copy then copies Keras.
    auto *tabs = child<QTabWidget>(dialog, "codeTabs");
    QTabBar *bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(1).center());
    QCOMPARE(tabs->currentIndex(), 1);
    QTest::mouseClick(child<QPushButton>(dialog, "copyButton"), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), relulab::app::kerasExplorerSnippet(state));
    QVERIFY(QApplication::clipboard()->text().contains(
            QStringLiteral("class RReLU(keras.layers.Layer)")));
    dialog->reject();

    // On the lab tab: the network.
    m_window->showTab(MainWindow::Tab::Lab);
    QCOMPARE(m_window->torchCode(), relulab::app::torchLabSnippet(m_window->lab().model().config()));
    QVERIFY(m_window->torchCode().contains(QStringLiteral("torch.nn.Sequential(")));
    QVERIFY(m_window->kerasCode().contains(QStringLiteral("keras.Sequential([")));
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
