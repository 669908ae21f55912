// Presentation mode and the themes, driven through the real keys and menu actions: F11 enters,
// Esc leaves and everything is as before; the theme reaches the widgets and every plot.

#include <QAction>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTextBrowser>

#include <qcustomplot.h>

#include <memory>

#include "ui/curveplots.h"
#include "ui/labtab.h"
#include "ui/mainwindow.h"
#include "ui/plotappearance.h"
#include "ui/presentation.h"
#include "ui/style.h"

using relulab::ui::CurvePlots;
using relulab::ui::MainWindow;
using relulab::ui::Theme;
using Plot = CurvePlots::Plot;

class TestPresentation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void f11EntersAndEscRestoresEverything();
    void presentationKeepsScalingNewCurves();
    void scaleSettingSetsTheFactor();
    void themeChangesWidgetsAndEveryPlot();

private:
    template<class T>
    T *child(const char *name) const
    {
        auto *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    bool waitForDraw(quint64 before) const
    {
        return QTest::qWaitFor(
                [&] {
                    const quint64 newest = m_window->curveService().requestedGeneration();
                    return newest > before && m_window->drawnGeneration() == newest;
                },
                5000);
    }
    // The colour of a plot's top-left corner, where only the background is drawn.
    static QColor cornerColor(QCustomPlot *plot)
    {
        plot->replot();
        return plot->toPixmap(plot->width(), plot->height()).toImage().pixelColor(2, 2);
    }

    std::unique_ptr<MainWindow> m_window;
};

void TestPresentation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestPresentation::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1100, 760);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(waitForDraw(0));
}

void TestPresentation::cleanup()
{
    m_window.reset();
}

void TestPresentation::f11EntersAndEscRestoresEverything()
{
    auto *label = child<QLabel>("alphaLabel");
    auto *list = child<QListWidget>("activationList");
    auto *range = child<QGroupBox>("rangeGroup");
    auto *info = child<QTextBrowser>("infoPanel");
    auto *deadCounts = child<QLabel>("deadCountsLabel");
    QCustomPlot *plot = m_window->plots().plot(Plot::Activation);
    QCustomPlot *deadPlot = m_window->lab().deadPlot();
    QCPGraph *selected = m_window->plots().selectedGraph(Plot::Activation);

    const QRect geometry = m_window->geometry();
    const Qt::WindowStates states = m_window->windowState();
    const QFont labelFont = label->font();
    const QFont deadCountsFont = deadCounts->font();
    const QFont itemFont = list->item(0)->font();
    const int listHeight = list->height();
    const QSize grid = list->gridSize();
    const QFont tickFont = plot->xAxis->tickLabelFont();
    const QFont deadTickFont = deadPlot->xAxis->tickLabelFont();
    const QPen selectedPen = selected->pen();
    const QPen gridPen = plot->xAxis->grid()->pen();
    const QPalette palette = m_window->palette();
    QVERIFY(range->isVisible());
    QVERIFY(m_window->statusBar()->isVisible());

    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(m_window->presentation().isPresenting());
    QVERIFY(m_window->presentation().presentationAction()->isChecked());
    QVERIFY(m_window->windowState().testFlag(Qt::WindowFullScreen));
    const double scale = m_window->presentation().scale();
    QCOMPARE(scale, 1.5);
    QCOMPARE(label->font().pointSizeF(), labelFont.pointSizeF() * scale);
    QCOMPARE(deadCounts->font().pointSizeF(), deadCountsFont.pointSizeF() * scale);
    QCOMPARE(list->item(0)->font().pointSizeF(), itemFont.pointSizeF() * scale);
    QCOMPARE(list->gridSize(), QSize(qRound(grid.width() * scale), qRound(grid.height() * scale)));
    QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), tickFont.pointSizeF() * scale);
    QCOMPARE(deadPlot->xAxis->tickLabelFont().pointSizeF(), deadTickFont.pointSizeF() * scale);
    QCOMPARE(selected->pen().widthF(), selectedPen.widthF() * scale);
    // Secondary controls go; the function list, the sliders and the lab's Play stay.
    QVERIFY(!range->isVisible());
    QVERIFY(!m_window->statusBar()->isVisible());
    QVERIFY(QTest::qWaitFor([&] { return m_window->geometry() != geometry; }, 2000));
    QVERIFY(list->isVisible());
    QVERIFY(child<QSlider>("alphaSlider")->isVisible());
    QVERIFY(!child<QPushButton>("playButton")->isHidden());
    QVERIFY(info->isVisible());
    // High contrast: black text, a darker grid.
    QCOMPARE(m_window->palette().color(QPalette::WindowText), QColor(Qt::black));
    QVERIFY(plot->xAxis->grid()->pen().color() != gridPen.color());

    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!m_window->presentation().isPresenting());
    QVERIFY(!m_window->presentation().presentationAction()->isChecked());
    QCOMPARE(m_window->windowState(), states);
    QVERIFY(QTest::qWaitFor([&] { return m_window->geometry() == geometry; }, 2000));
    QCOMPARE(label->font(), labelFont);
    QCOMPARE(deadCounts->font(), deadCountsFont);
    QCOMPARE(list->item(0)->font(), itemFont);
    QCOMPARE(list->gridSize(), grid);
    QCOMPARE(list->height(), listHeight);
    QCOMPARE(plot->xAxis->tickLabelFont(), tickFont);
    QCOMPARE(deadPlot->xAxis->tickLabelFont(), deadTickFont);
    QCOMPARE(selected->pen(), selectedPen);
    QCOMPARE(plot->xAxis->grid()->pen(), gridPen);
    QCOMPARE(m_window->palette(), palette);
    QVERIFY(range->isVisible());
    QVERIFY(m_window->statusBar()->isVisible());

    // Esc outside presentation mode does nothing; F11 toggles both ways.
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!m_window->presentation().isPresenting());
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(m_window->presentation().isPresenting());
    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QVERIFY(!m_window->presentation().isPresenting());
    QCOMPARE(label->font(), labelFont);
}

void TestPresentation::presentationKeepsScalingNewCurves()
{
    QCPGraph *selected = m_window->plots().selectedGraph(Plot::Derivative);
    const double width = selected->pen().widthF();
    m_window->presentation().setPresenting(true);
    // A new result sets the plain pens again; the plots show them scaled.
    const quint64 before = m_window->curveService().requestedGeneration();
    m_window->model().setSelectedActivation(relulab::core::Activation::LeakyRelu);
    QVERIFY(waitForDraw(before));
    QCOMPARE(selected->pen().widthF(), width * 1.5);
    QCOMPARE(selected->pen().color(), m_window->plots().selectedGraph(Plot::Activation)->pen().color());
    m_window->presentation().setPresenting(false);
    QCOMPARE(selected->pen().widthF(), width);
}

void TestPresentation::scaleSettingSetsTheFactor()
{
    auto *label = child<QLabel>("alphaLabel");
    const double size = label->font().pointSizeF();
    m_window->presentation().setScale(2.0);
    QCOMPARE(label->font().pointSizeF(), size); // not presenting: nothing changes
    m_window->presentation().setPresenting(true);
    QCOMPARE(label->font().pointSizeF(), size * 2.0);
    m_window->presentation().setScale(1.25); // while presenting: at once
    QCOMPARE(label->font().pointSizeF(), size * 1.25);
    m_window->presentation().setScale(100.0); // clamped
    QCOMPARE(m_window->presentation().scale(), 3.0);
    m_window->presentation().setPresenting(false);
    QCOMPARE(label->font().pointSizeF(), size);
}

void TestPresentation::themeChangesWidgetsAndEveryPlot()
{
    QCustomPlot *plot = m_window->plots().plot(Plot::Activation);
    QCustomPlot *deadPlot = m_window->lab().deadPlot();
    const QColor labelColor = plot->xAxis->tickLabelColor();
    const QPalette palette = m_window->palette();
    QCOMPARE(cornerColor(plot), QColor(Qt::white));
    QCOMPARE(cornerColor(deadPlot), QColor(Qt::white));

    m_window->presentation().themeAction(Theme::Dark)->trigger();
    QCOMPARE(m_window->presentation().theme(), Theme::Dark);
    const QColor dark = relulab::ui::themeBackground(Theme::Dark, false);
    QCOMPARE(cornerColor(plot), dark);
    QCOMPARE(cornerColor(deadPlot), dark);
    QVERIFY(plot->xAxis->tickLabelColor().lightness() > 200);
    QVERIFY(m_window->palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(m_window->palette().color(QPalette::WindowText).lightness() > 200);
    // Black markers (the hover tracer) are drawn light on the dark background; coloured curves
    // keep their colour.
    QCPItemTracer *tracer = nullptr;
    for (int i = 0; i < plot->itemCount() && !tracer; ++i)
        tracer = qobject_cast<QCPItemTracer *>(plot->item(i));
    QVERIFY(tracer);
    QCOMPARE(tracer->pen().color().rgba(), QColor(Qt::white).rgba());
    const QColor relu = relulab::ui::activationColor(relulab::core::Activation::Relu);
    QCPGraph *selected = m_window->plots().selectedGraph(Plot::Activation);
    QCOMPARE(selected->pen().color().hslHue(), relu.hslHue());
    QVERIFY(selected->pen().color().lightness() >= 140); // ReLU's dark blue, lifted

    m_window->presentation().themeAction(Theme::Light)->trigger();
    QCOMPARE(cornerColor(plot), QColor(Qt::white));
    QCOMPARE(cornerColor(deadPlot), QColor(Qt::white));
    QCOMPARE(plot->xAxis->tickLabelColor(), labelColor);
    QCOMPARE(selected->pen().color(), relu);
    QCOMPARE(tracer->pen().color(), QColor(Qt::black));
    QCOMPARE(m_window->palette(), palette);
}

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
