// The explorer's main window driven as a user drives it: key presses on sliders, typing into spin
// boxes, clicks on lists, radio buttons and check boxes, mouse moves over the plots. After each
// action the test waits until the window has drawn the new curves and then compares what the plots
// hold with what the core computes.

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QComboBox>
#include <QSettings>
#include <QStandardPaths>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTableWidget>
#include <QTextBrowser>

#include <qcustomplot.h>

#include <cmath>
#include <memory>

#include "common/timeouts.h"
#include "core/activations.h"
#include "core/race.h"
#include "app/labmodel.h"
#include "ui/curveplots.h"
#include "ui/functioninfo.h"
#include "ui/labtab.h"
#include "ui/borndeadtab.h"
#include "ui/mainwindow.h"
#include "ui/racetab.h"
#include "ui/screenshot.h"

using relulab::app::ParameterModel;
using relulab::core::Activation;
using relulab::ui::CurvePlots;
using relulab::ui::MainWindow;
using Plot = CurvePlots::Plot;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithReluDrawn();
    void alphaSliderKeysRedrawLeakyRelu();
    void typingIntoAlphaSpinMovesSlider();
    void typedValuesKeepTheirPrecision();
    void eachFunctionKeepsItsOwnAlpha();
    void draggingLowerPastUpperPushesUpper();
    void draggingUpperBelowLowerPushesLower();
    void trainingModeDrawsCloudOfDrawnSlopes();
    void resampleDrawsNewSlopes();
    void comparisonBoxAddsFaintOverlay();
    void tracerShowsValuesUnderTheMouse();
    void derivativeMarksValueAtZero_data();
    void derivativeMarksValueAtZero();
    void derivativeLineBreaksAtTheJump();
    void rangeAndSamplesChangeTheGrid();
    void keyboardSelectsFunctions();
    void infoPanelAndStatusBarFollow();
    void screenshotWritesTheWindow();
    void raceScreenshotIsOfTheStepAsked_data();
    void raceScreenshotIsOfTheStepAsked();
    void presetsSaveOpenAndDrop();
    void presetSetsTheRaceAndBornDeadTabs();
    void badPresetChangesNothing();

private:
    template<class T>
    T *child(const char *name) const
    {
        auto *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child widget %s", name);
        return widget;
    }
    // Waits until the window has drawn a generation newer than `before` that is the newest one
    // requested (a change becomes a request on the next event-loop turn).
    bool waitForDraw(quint64 before);
    quint64 requested() const { return m_window->curveService().requestedGeneration(); }
    void clickItem(Activation kind);
    // Clicks a check box or radio button on its indicator: only the indicator and the label
    // react, not the whole (stretched) widget.
    static void clickIndicator(QAbstractButton *button)
    {
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
    }
    // Checks that the selected function's f (and the left part of f') on the plots equal the core.
    void verifySelectedCurveMatchesCore();

    std::unique_ptr<MainWindow> m_window;
};

bool TestMainWindow::waitForDraw(quint64 before)
{
    return QTest::qWaitFor(
            [&] {
                const quint64 newest = requested();
                return newest > before && m_window->drawnGeneration() == newest;
            },
            5000);
}

void TestMainWindow::initTestCase()
{
    // Recent files and other settings go to a test location, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1360, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(waitForDraw(0));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

void TestMainWindow::clickItem(Activation kind)
{
    auto *list = child<QListWidget>("activationList");
    QListWidgetItem *item = list->item(static_cast<int>(kind));
    QVERIFY(item);
    const quint64 before = requested();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    QCOMPARE(m_window->model().selectedActivation(), kind);
    QVERIFY(waitForDraw(before));
}

void TestMainWindow::verifySelectedCurveMatchesCore()
{
    const ParameterModel &model = m_window->model();
    const auto &params = model.activationParams();
    const Activation kind = model.selectedActivation();
    // Element i of a graph is grid point i (the derivative's left part starts at the grid's
    // start), which also picks RReLU's training-mode draw.
    const auto compare = [&](QCPGraph *graph, const char *what, auto pick) {
        std::uint64_t index = 0;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it, ++index) {
            const double expected = pick(relulab::core::evaluate(kind, it->key, params, index));
            if (it->value != expected)
                return QStringLiteral("%1(%2) shown as %3, core says %4")
                        .arg(QLatin1String(what))
                        .arg(it->key)
                        .arg(it->value)
                        .arg(expected);
        }
        return QString();
    };
    QCPGraph *f = m_window->plots().selectedGraph(Plot::Activation);
    QCOMPARE(f->dataCount(), model.samples());
    QCOMPARE(compare(f, "f", [](auto r) { return r.value; }), QString());
    QCPGraph *df = m_window->plots().selectedGraph(Plot::Derivative);
    QVERIFY(df->dataCount() > 0);
    QCOMPARE(compare(df, "f'", [](auto r) { return r.derivative; }), QString());
}

void TestMainWindow::startsWithReluDrawn()
{
    QCOMPARE(m_window->model().selectedActivation(), Activation::Relu);
    verifySelectedCurveMatchesCore();
    QCPGraph *f = m_window->plots().selectedGraph(Plot::Activation);
    QCOMPARE(f->data()->constBegin()->key, -3.0);
    QCOMPARE((f->data()->constEnd() - 1)->key, 3.0);
    QVERIFY(!child<QSlider>("alphaSlider")->isEnabled());
}

void TestMainWindow::alphaSliderKeysRedrawLeakyRelu()
{
    clickItem(Activation::LeakyRelu);
    auto *slider = child<QSlider>("alphaSlider");
    auto *spin = child<QDoubleSpinBox>("alphaSpin");
    QVERIFY(slider->isEnabled());
    QCOMPARE(slider->value(), 10); // 0.01 in steps of 0.001
    QCOMPARE(spin->value(), 0.01);

    const quint64 before = requested();
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(slider, Qt::Key_Right);
    QCOMPARE(slider->value(), 15);
    QCOMPARE(m_window->model().value(ParameterModel::Real::LeakySlope), 0.015);
    QCOMPARE(spin->value(), 0.015);
    QVERIFY(waitForDraw(before));
    verifySelectedCurveMatchesCore();
    // Five key presses in one event-loop turn become one request, not five.
    QCOMPARE(requested(), before + 1);
    // Leftmost sample: f(-3) = 0.015 * -3.
    QCOMPARE(m_window->plots().selectedGraph(Plot::Activation)->data()->constBegin()->value,
             0.015 * -3.0);

    const quint64 beforePageUp = requested();
    QTest::keyClick(slider, Qt::Key_PageUp);
    QCOMPARE(slider->value(), 115);
    QVERIFY(waitForDraw(beforePageUp));
    verifySelectedCurveMatchesCore();
}

void TestMainWindow::typingIntoAlphaSpinMovesSlider()
{
    clickItem(Activation::Prelu);
    auto *slider = child<QSlider>("alphaSlider");
    auto *spin = child<QDoubleSpinBox>("alphaSpin");
    QCOMPARE(spin->value(), 0.25);
    spin->setFocus();
    spin->selectAll();
    const quint64 before = requested();
    QTest::keyClicks(spin, QStringLiteral("-0.5"));
    // Keyboard tracking is off: nothing changes until the user confirms.
    QCOMPARE(m_window->model().value(ParameterModel::Real::PreluWeight), 0.25);
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(m_window->model().value(ParameterModel::Real::PreluWeight), -0.5);
    QCOMPARE(slider->value(), -500);
    QVERIFY(waitForDraw(before));
    verifySelectedCurveMatchesCore();
    QVERIFY(m_window->plots().zeroLabelText().contains(QStringLiteral("f′(0) = -0.5")));
}

// A PyTorch value typed into a 3-decimal box used to become 0.000, and the preset saved 0.
void TestMainWindow::typedValuesKeepTheirPrecision()
{
    clickItem(Activation::LeakyRelu);
    auto *spin = child<QDoubleSpinBox>("alphaSpin");
    const auto type = [spin](const QString &text) {
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, text);
        QTest::keyClick(spin, Qt::Key_Return);
    };
    type(QStringLiteral("0.0001"));
    QCOMPARE(m_window->model().value(ParameterModel::Real::LeakySlope), 0.0001);
    QCOMPARE(spin->text(), QStringLiteral("0.0001"));
    // Scientific notation too, and a value with as many decimals as the box has shows them all.
    type(QStringLiteral("2.5e-5"));
    QCOMPARE(m_window->model().value(ParameterModel::Real::LeakySlope), 2.5e-5);
    QCOMPARE(spin->text(), QStringLiteral("0.000025"));
    // The usual values still show the usual decimals.
    type(QStringLiteral("0.2"));
    QCOMPARE(spin->text(), QStringLiteral("0.200"));
    type(QStringLiteral("0.0001"));

    // The preset holds the value typed.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tiny.json"));
    QCOMPARE(m_window->savePreset(path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(file.readAll().contains("\"leaky_slope\": 0.0001,"), "leaky_slope is not 0.0001");

    // RReLU's default 1/3 still shows as 0.333 (and the model keeps 1/3).
    clickItem(Activation::Rrelu);
    QCOMPARE(child<QDoubleSpinBox>("upperSpin")->text(), QStringLiteral("0.333"));
    QCOMPARE(m_window->model().value(ParameterModel::Real::RreluUpper), 1.0 / 3.0);
}

void TestMainWindow::eachFunctionKeepsItsOwnAlpha()
{
    clickItem(Activation::LeakyRelu);
    auto *spin = child<QDoubleSpinBox>("alphaSpin");
    spin->setValue(0.2);
    clickItem(Activation::Prelu);
    QCOMPARE(spin->value(), 0.25);
    QCOMPARE(child<QLabel>("alphaLabel")->text(), QStringLiteral("weight &a"));
    clickItem(Activation::Elu);
    QCOMPARE(spin->value(), 1.0);
    clickItem(Activation::LeakyRelu);
    QCOMPARE(spin->value(), 0.2);
    QCOMPARE(m_window->model().value(ParameterModel::Real::PreluWeight), 0.25);
    verifySelectedCurveMatchesCore();
}

void TestMainWindow::draggingLowerPastUpperPushesUpper()
{
    clickItem(Activation::Rrelu);
    auto *lower = child<QSlider>("lowerSlider");
    auto *upperSpin = child<QDoubleSpinBox>("upperSpin");
    QSignalSpy pushed(&m_window->model(), &ParameterModel::boundPushed);
    const quint64 before = requested();
    // The note changes its text, not its height: the panel under the mouse stays where it is (it
    // used to grow and shrink by a line and show and hide its scroll bar).
    auto *note = child<QLabel>("boundsNote");
    auto *scroll = child<QScrollArea>("controlsScrollArea");
    QCoreApplication::processEvents();
    const int noteHeight = note->height();
    const int panelHeight = scroll->widget()->height();
    const bool scrollBar = scroll->verticalScrollBar()->isVisible();
    // Drag the lower bound, as the mouse would, through values up to 0.5.
    for (int position = lower->value(); position <= 500; position += 25)
        lower->setSliderPosition(position);
    lower->setSliderPosition(500);
    QCOMPARE(m_window->model().value(ParameterModel::Real::RreluLower), 0.5);
    QCOMPARE(m_window->model().value(ParameterModel::Real::RreluUpper), 0.5);
    QCOMPARE(upperSpin->value(), 0.5);
    QCOMPARE(child<QSlider>("upperSlider")->value(), 500);
    QVERIFY(pushed.count() >= 1);
    QCOMPARE(pushed.last().at(0).value<ParameterModel::Real>(), ParameterModel::Real::RreluUpper);
    QVERIFY(child<QLabel>("boundsNote")->text().contains(QStringLiteral("upper pushed up to 0.500")));
    QCoreApplication::processEvents();
    QCOMPARE(note->height(), noteHeight);
    QCOMPARE(scroll->widget()->height(), panelHeight);
    QCOMPARE(scroll->verticalScrollBar()->isVisible(), scrollBar);
    QVERIFY(waitForDraw(before));
    verifySelectedCurveMatchesCore();
    // Evaluation slope (0.5 + 0.5) / 2 on the negative side.
    QCOMPARE(m_window->plots().selectedGraph(Plot::Activation)->data()->constBegin()->value, -1.5);

    // At every window width (the panel and the note widen with it, and the two texts wrap at
    // different widths), the note is as tall with either text.
    ParameterModel &model = m_window->model();
    for (int width = 1000; width <= 2000; width += 20) {
        m_window->resize(width, 820);
        QCoreApplication::processEvents();
        model.setValue(ParameterModel::Real::RreluLower, 0.1);
        model.setValue(ParameterModel::Real::RreluUpper, 0.2);
        // What the note's timer does after a push: the rule again.
        note->setText(relulab::ui::MainWindow::tr("lower ≤ upper: dragging one past the other pushes it along."));
        QCoreApplication::processEvents();
        const int idle = note->height();
        lower->setSliderPosition(500);
        QVERIFY(note->text().contains(QStringLiteral("pushed")));
        QCoreApplication::processEvents();
        QVERIFY2(note->height() == idle, qPrintable(QStringLiteral("at width %1: %2 px, then %3 px")
                                                           .arg(note->width())
                                                           .arg(idle)
                                                           .arg(note->height())));
    }
}

void TestMainWindow::draggingUpperBelowLowerPushesLower()
{
    clickItem(Activation::Rrelu);
    auto *upper = child<QSlider>("upperSlider");
    QTest::keyClick(upper, Qt::Key_Home);
    QCOMPARE(upper->value(), 0);
    QCOMPARE(m_window->model().value(ParameterModel::Real::RreluUpper), 0.0);
    QCOMPARE(m_window->model().value(ParameterModel::Real::RreluLower), 0.0);
    QCOMPARE(child<QDoubleSpinBox>("lowerSpin")->value(), 0.0);
    QVERIFY(child<QLabel>("boundsNote")->text().contains(QStringLiteral("lower pushed down")));
}

void TestMainWindow::trainingModeDrawsCloudOfDrawnSlopes()
{
    clickItem(Activation::Rrelu);
    auto *training = child<QRadioButton>("trainingModeButton");
    auto *resample = child<QPushButton>("resampleButton");
    QVERIFY(!resample->isEnabled());
    const quint64 before = requested();
    clickIndicator(training);
    QCOMPARE(m_window->model().rreluMode(), relulab::core::RreluMode::Training);
    QVERIFY(resample->isEnabled());
    QVERIFY(waitForDraw(before));
    verifySelectedCurveMatchesCore();

    QCPGraph *f = m_window->plots().selectedGraph(Plot::Activation);
    QCOMPARE(f->lineStyle(), QCPGraph::lsNone);
    QVERIFY(!f->scatterStyle().isNone());
    // Every slope on the negative side lies in [lower, upper], and they are not all equal.
    QCPGraph *df = m_window->plots().selectedGraph(Plot::Derivative);
    double smallest = 1.0;
    double largest = 0.0;
    for (auto it = df->data()->constBegin(); it != df->data()->constEnd(); ++it) {
        if (it->key > 0.0)
            continue;
        QVERIFY(it->value >= 0.125 && it->value <= 1.0 / 3.0);
        smallest = std::min(smallest, it->value);
        largest = std::max(largest, it->value);
    }
    QVERIFY(largest - smallest > 0.15);
    QVERIFY(child<QCustomPlot>("slopeHistogramPlot")->isVisible());
    QCPBars *bars = m_window->plots().slopeBars();
    QVERIFY(bars->visible());
    double mass = 0.0;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        mass += it->value * bars->width();
    QVERIFY(std::abs(mass - 1.0) < 1e-9);

    const quint64 beforeEvaluation = requested();
    clickIndicator(child<QRadioButton>("evaluationModeButton"));
    QVERIFY(waitForDraw(beforeEvaluation));
    QCOMPARE(f->lineStyle(), QCPGraph::lsLine);
    verifySelectedCurveMatchesCore();
}

void TestMainWindow::resampleDrawsNewSlopes()
{
    clickItem(Activation::Rrelu);
    const quint64 beforeTraining = requested();
    clickIndicator(child<QRadioButton>("trainingModeButton"));
    QVERIFY(waitForDraw(beforeTraining));
    QCPGraph *df = m_window->plots().selectedGraph(Plot::Derivative);
    const double firstSlope = df->data()->constBegin()->value;
    const quint64 seed = m_window->model().rreluSeed();
    const quint64 before = requested();
    QTest::mouseClick(child<QPushButton>("resampleButton"), Qt::LeftButton);
    QCOMPARE(m_window->model().rreluSeed(), seed + 1);
    QVERIFY(waitForDraw(before));
    QVERIFY(df->data()->constBegin()->value != firstSlope);
    verifySelectedCurveMatchesCore();

    // Animate keeps drawing new slopes until it is switched off, or evaluation mode is chosen.
    auto *animate = child<QCheckBox>("animateCheck");
    clickIndicator(animate);
    QVERIFY(animate->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model().rreluSeed() >= seed + 4, 5000);
    clickIndicator(child<QRadioButton>("evaluationModeButton"));
    QVERIFY(!animate->isChecked());
    const quint64 stopped = m_window->model().rreluSeed();
    QTest::qWait(3 * MainWindow::AnimationIntervalMs);
    QCOMPARE(m_window->model().rreluSeed(), stopped);
}

void TestMainWindow::comparisonBoxAddsFaintOverlay()
{
    auto *gelu = child<QCheckBox>("compare_gelu");
    const quint64 before = requested();
    clickIndicator(gelu);
    QVERIFY(gelu->isChecked());
    QVERIFY(m_window->model().isOverlay(Activation::Gelu));
    QVERIFY(waitForDraw(before));
    const QList<QCPGraph *> overlays = m_window->plots().overlayGraphs(Plot::Activation);
    QCOMPARE(overlays.size(), 1);
    QVERIFY(overlays.first()->pen().widthF()
            < m_window->plots().selectedGraph(Plot::Activation)->pen().widthF());
    for (auto it = overlays.first()->data()->constBegin();
         it != overlays.first()->data()->constEnd(); ++it)
        QCOMPARE(it->value, relulab::core::gelu(it->key));
    // The selected function cannot be its own overlay.
    QVERIFY(!child<QCheckBox>("compare_relu")->isEnabled());

    const quint64 beforeUntick = requested();
    QTest::keyClick(gelu, Qt::Key_Space);
    QVERIFY(!m_window->model().isOverlay(Activation::Gelu));
    QVERIFY(waitForDraw(beforeUntick));
    QCOMPARE(m_window->plots().overlayGraphs(Plot::Activation).size(), 0);
}

void TestMainWindow::tracerShowsValuesUnderTheMouse()
{
    clickItem(Activation::LeakyRelu);
    auto *plot = child<QCustomPlot>("activationPlot");
    QVERIFY(!m_window->plots().tracerVisible());
    // x = 1.2 and -1.5 are grid points of 1001 samples on [-3, 3] (to the last bit or two).
    const QPointF at(plot->xAxis->coordToPixel(1.2), plot->yAxis->coordToPixel(1.0));
    QMouseEvent move(QEvent::MouseMove, at, plot->mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QCoreApplication::sendEvent(plot, &move);
    QVERIFY(m_window->plots().tracerVisible());
    QCOMPARE(m_window->plots().tracerText(),
             QStringLiteral("Leaky ReLU   x = 1.2   f(x) = 1.2   f′(x) = 1"));

    const QPointF left(plot->xAxis->coordToPixel(-1.5), plot->yAxis->coordToPixel(0.0));
    QMouseEvent moveLeft(QEvent::MouseMove, left, plot->mapToGlobal(left), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(plot, &moveLeft);
    QCOMPARE(m_window->plots().tracerText(),
             QStringLiteral("Leaky ReLU   x = -1.5   f(x) = -0.015   f′(x) = 0.01"));

    QEvent leave(QEvent::Leave);
    QCoreApplication::sendEvent(plot, &leave);
    QVERIFY(!m_window->plots().tracerVisible());
}

void TestMainWindow::derivativeMarksValueAtZero_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("relu") << Activation::Relu
                          << QStringLiteral("● f′(0) = 0 (PyTorch's convention: x = 0 takes the x "
                                            "≤ 0 branch)\n○ one-sided limits 0 (left) and 1 "
                                            "(right)");
    QTest::newRow("leaky_relu")
            << Activation::LeakyRelu
            << QStringLiteral("● f′(0) = 0.01 (PyTorch's convention: x = 0 takes the x ≤ 0 "
                              "branch)\n○ one-sided limits 0.01 (left) and 1 (right)");
    QTest::newRow("rrelu eval")
            << Activation::Rrelu
            << QStringLiteral("● f′(0) = 0.2292 (PyTorch's convention: x = 0 takes the x ≤ 0 "
                              "branch)\n○ one-sided limits 0.2292 (left) and 1 (right)");
    // ELU at α = 1 has one-sided derivatives 1 and 1: f′ is continuous there, but f″ is not (α
    // on the left, 0 on the right), so the label says no more than that.
    QTest::newRow("elu") << Activation::Elu
                         << QStringLiteral(
                                    "● f′(0) = 1 (f′ continuous at 0: no convention needed)");
    QTest::newRow("gelu") << Activation::Gelu
                          << QStringLiteral(
                                     "● f′(0) = 0.5 (f′ continuous at 0: no convention needed)");
    QTest::newRow("sigmoid")
            << Activation::Sigmoid
            << QStringLiteral("● f′(0) = 0.25 (f′ continuous at 0: no convention needed)");
}

void TestMainWindow::derivativeMarksValueAtZero()
{
    QFETCH(Activation, kind);
    QFETCH(QString, expected);
    if (kind != Activation::Relu)
        clickItem(kind);
    QCOMPARE(m_window->plots().zeroLabelText(), expected);
}

void TestMainWindow::derivativeLineBreaksAtTheJump()
{
    // ReLU's f' jumps from 0 to 1 at x = 0: the left graph ends at x = 0 with the value taken
    // there, and nothing connects it to the right part.
    QCPGraph *left = m_window->plots().selectedGraph(Plot::Derivative);
    QCOMPARE((left->data()->constEnd() - 1)->key, 0.0);
    QCOMPARE((left->data()->constEnd() - 1)->value, 0.0);
    QCOMPARE(left->dataCount(), 501);
    // GELU is smooth: one graph holds every sample.
    clickItem(Activation::Gelu);
    QCOMPARE(m_window->plots().selectedGraph(Plot::Derivative)->dataCount(), 1001);
}

void TestMainWindow::rangeAndSamplesChangeTheGrid()
{
    auto *xMax = child<QDoubleSpinBox>("xMaxSpin");
    auto *samples = child<QSpinBox>("samplesSpin");
    const quint64 before = requested();
    xMax->setFocus();
    xMax->selectAll();
    QTest::keyClicks(xMax, QStringLiteral("5"));
    QTest::keyClick(xMax, Qt::Key_Enter);
    samples->setFocus();
    samples->selectAll();
    QTest::keyClicks(samples, QStringLiteral("2001"));
    QTest::keyClick(samples, Qt::Key_Enter);
    QCOMPARE(m_window->model().value(ParameterModel::Real::XMax), 5.0);
    QCOMPARE(m_window->model().samples(), 2001);
    QCOMPARE(child<QSlider>("xMaxSlider")->value(), 50);
    QVERIFY(waitForDraw(before));
    QCPGraph *f = m_window->plots().selectedGraph(Plot::Activation);
    QCOMPARE(f->dataCount(), 2001);
    QCOMPARE((f->data()->constEnd() - 1)->key, 5.0);
    QCOMPARE(f->keyAxis()->range().upper, 5.0);
    verifySelectedCurveMatchesCore();

    // The spin box cannot be given a value outside the range the core accepts.
    xMax->selectAll();
    QTest::keyClicks(xMax, QStringLiteral("-7"));
    QTest::keyClick(xMax, Qt::Key_Enter);
    QVERIFY(m_window->model().value(ParameterModel::Real::XMax) > 0.0);
}

void TestMainWindow::keyboardSelectsFunctions()
{
    auto *list = child<QListWidget>("activationList");
    list->setFocus();
    const quint64 before = requested();
    // Two columns: Right moves to Leaky ReLU, Down from there to RReLU.
    QTest::keyClick(list, Qt::Key_Right);
    QCOMPARE(m_window->model().selectedActivation(), Activation::LeakyRelu);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(m_window->model().selectedActivation(), Activation::Rrelu);
    QVERIFY(waitForDraw(before));
    verifySelectedCurveMatchesCore();
    QVERIFY(list->currentItem()->font().bold());
}

void TestMainWindow::infoPanelAndStatusBarFollow()
{
    auto *info = child<relulab::ui::InfoBrowser>("infoPanel");
    QVERIFY(info->shownText().contains(QStringLiteral("f(x) = max(0, x)")));
    clickItem(Activation::Rrelu);
    QVERIFY(info->shownText().contains(QStringLiteral("torch.nn.RReLU(lower=1/8, upper=1/3)")));
    QVERIFY(info->shownText().contains(QStringLiteral("0.1818")));
    // The code may wrap between tokens (zero-width spaces), but is copied as written.
    QVERIFY(info->toPlainText().contains(QStringLiteral("torch.\u200Bnn.\u200BRReLU(\u200B")));
    info->selectAll();
    info->copy();
    QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("torch.nn.RReLU(lower=1/8, upper=1/3)")));
    QVERIFY(!QGuiApplication::clipboard()->text().contains(QChar(0x200B)));
    QVERIFY(m_window->timingText().startsWith(QStringLiteral("compute ")));
    QVERIFY(m_window->lastRedrawMilliseconds() > 0.0);
    // The explorer's timings show on the explorer only (the lab used to keep them).
    auto *timing = child<QLabel>("timingLabel");
    QVERIFY(timing->isVisible());
    for (MainWindow::Tab tab : {MainWindow::Tab::Lab, MainWindow::Tab::Race, MainWindow::Tab::BornDead}) {
        m_window->showTab(tab);
        QVERIFY(!timing->isVisible());
    }
    m_window->showTab(MainWindow::Tab::Explorer);
    QVERIFY(timing->isVisible());
}

void TestMainWindow::screenshotWritesTheWindow()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("window.png"));
    m_window->model().setSelectedActivation(Activation::Gelu);
    QCOMPARE(relulab::ui::saveWindowWhenDrawn(*m_window, file, QSize(1200, 760)), QString());
    const QImage image(file);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1200, 760));
    QCOMPARE(m_window->drawnGeneration(), requested());

    const QString unwritable = dir.filePath(QStringLiteral("missing/dir/window.png"));
    const QString error = relulab::ui::saveWindowWhenDrawn(*m_window, unwritable, QSize(800, 600));
    QVERIFY(error.startsWith(unwritable));
    QVERIFY(!QFile::exists(unwritable));
}

void TestMainWindow::raceScreenshotIsOfTheStepAsked_data()
{
    QTest::addColumn<int>("steps");
    // 2,000 is the race's own length; a sanitised build, many times slower, takes 600 (still
    // several measuring intervals), so that the function stays well inside QtTest's watchdog.
    for (int steps : {1, 10, 137, relulab::test::Sanitized ? 600 : 2000})
        QTest::addRow("%d", steps) << steps;
}

// relulab --tab race --race-steps N --screenshot: the picture is of the finished race at exactly
// step N (137 is not a multiple of the measuring interval), and its table is the core's race.
void TestMainWindow::raceScreenshotIsOfTheStepAsked()
{
    QFETCH(int, steps);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("race.png"));
    relulab::ui::RaceTab &race = m_window->race();
    quint64 shownStep = 0;
    QStringList table;
    std::vector<double> lastLossKeys;
    const relulab::ui::WindowWriter writer = [&](MainWindow &window, const QString &path) {
        shownStep = race.shownStep();
        QTableWidget *finish = race.finishTable();
        for (int row = 0; row < finish->rowCount(); ++row)
            for (int column = 1; column <= 3; ++column)
                table << finish->item(row, column)->text();
        for (int lane = 0; lane < race.laneCount(); ++lane)
            lastLossKeys.push_back((race.lossGraph(lane)->data()->constEnd() - 1)->key);
        return window.grab().save(path) ? QString() : path;
    };
    QCOMPARE(relulab::ui::saveRaceWhenFinished(*m_window, file, QSize(1360, 820),
                                               static_cast<quint64>(steps),
                                               relulab::test::StateTimeoutMs, writer),
             QString());
    QVERIFY(!QImage(file).isNull());
    QCOMPARE(shownStep, quint64(steps));
    QCOMPARE(lastLossKeys, std::vector<double>(4, double(steps)));

    // The core's race of the same configuration to step N, measured as the tab measures.
    relulab::core::Race expected(race.model().config(), race.selectedActivations());
    expected.measure();
    while (expected.stepsDone() < static_cast<std::uint64_t>(steps)) {
        expected.train(std::min<std::uint64_t>(race.measureEvery(),
                                               static_cast<std::uint64_t>(steps) - expected.stepsDone()));
        expected.measure();
    }
    QStringList expectedTable;
    const QLocale locale;
    for (const relulab::core::RaceLaneSummary &lane : expected.summary())
        expectedTable << locale.toString(lane.loss, 'f', 4)
                      << QStringLiteral("%1 %").arg(locale.toString(100.0 * lane.trainAccuracy, 'f', 1))
                      << QStringLiteral("%1 of 96").arg(lane.totalDead);
    QCOMPARE(table, expectedTable);
}

void TestMainWindow::presetsSaveOpenAndDrop()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("lesson.json"));
    ParameterModel &model = m_window->model();
    model.setSelectedActivation(Activation::LeakyRelu);
    model.setValue(ParameterModel::Real::LeakySlope, 0.2);
    m_window->lab().model().setLearningRate(2.0);
    m_window->showTab(MainWindow::Tab::Lab);
    QCOMPARE(m_window->savePreset(file), QString());
    QVERIFY(QFile::exists(file));
    QCOMPARE(m_window->currentPresetPath(), QFileInfo(file).absoluteFilePath());
    QCOMPARE(m_window->recentPresets().value(0), QFileInfo(file).absoluteFilePath());

    // Back to the defaults, then open the file: everything returns, the lab tab included.
    m_window->findChild<QAction *>(QStringLiteral("resetParametersAction"))->trigger();
    m_window->showTab(MainWindow::Tab::Explorer);
    QCOMPARE(model.selectedActivation(), Activation::Relu);
    QCOMPARE(m_window->lab().model().learningRate(), 0.1);
    QCOMPARE(m_window->openPreset(file), QString());
    QCOMPARE(model.selectedActivation(), Activation::LeakyRelu);
    QCOMPARE(model.value(ParameterModel::Real::LeakySlope), 0.2);
    QCOMPARE(m_window->lab().model().learningRate(), 2.0);
    QCOMPARE(m_window->currentTab(), MainWindow::Tab::Lab);

    // Dropping a preset file on the window opens it.
    m_window->findChild<QAction *>(QStringLiteral("resetParametersAction"))->trigger();
    auto *mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(file)});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &drop);
    QCOMPARE(model.value(ParameterModel::Real::LeakySlope), 0.2);
    QCOMPARE(m_window->lab().model().learningRate(), 2.0);
    delete mime;
}

void TestMainWindow::presetSetsTheRaceAndBornDeadTabs()
{
    // A version 2 preset as a teacher writes it for the race or born-dead tab.
    relulab::app::Preset preset;
    preset.tab = relulab::app::PresetTab::BornDead;
    preset.race.scenario = relulab::core::RacePresetKind::HighLearningRate;
    preset.race.activations = {Activation::Relu, Activation::Elu};
    preset.race.steps = 345;
    preset.race.training.learningRate = 0.7;
    preset.race.training.hiddenLayers = 2;
    relulab::core::BornDeadConfig &b = preset.bornDead.config;
    b.widths = {3, 6};
    b.depths = {4, 40};
    b.networks = 1500;
    b.inputDim = 2;
    b.init = relulab::core::BornDeadInit::RandomizedAsymmetric;
    b.seed = 9;
    preset.bornDead.compare = true;
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("v2.json"));
    QCOMPARE(relulab::app::savePreset(preset, file).value_or(QString()), QString());

    QCOMPARE(m_window->openPreset(file), QString());
    QCOMPARE(m_window->currentTab(), MainWindow::Tab::BornDead);
    // The race's widgets.
    relulab::ui::RaceTab &race = m_window->race();
    QCOMPARE(race.findChild<QSpinBox *>(QStringLiteral("stepsSpin"))->value(), 345);
    QCOMPARE(race.findChild<QDoubleSpinBox *>(QStringLiteral("learningRateSpin"))->value(), 0.7);
    QCOMPARE(race.findChild<QSpinBox *>(QStringLiteral("depthSpin"))->value(), 2);
    for (const relulab::core::ActivationInfo &info : relulab::core::allActivations()) {
        auto *check = race.findChild<QCheckBox *>(
                QStringLiteral("activationCheck_%1").arg(QLatin1String(info.cliName)));
        QVERIFY(check);
        QCOMPARE(check->isChecked(), info.kind == Activation::Relu || info.kind == Activation::Elu);
    }
    QCOMPARE(race.findChild<QComboBox *>(QStringLiteral("presetCombo"))->currentData().toInt(),
             static_cast<int>(relulab::core::RacePresetKind::HighLearningRate));
    QCOMPARE(race.targetSteps(), quint64(345));
    // Born dead's widgets, and what Start would run.
    relulab::ui::BornDeadTab &bornDead = m_window->bornDead();
    QCOMPARE(bornDead.findChild<QLineEdit *>(QStringLiteral("widthsEdit"))->text(),
             QStringLiteral("3,6"));
    QCOMPARE(bornDead.findChild<QLineEdit *>(QStringLiteral("depthsEdit"))->text(),
             QStringLiteral("4,40"));
    QCOMPARE(bornDead.findChild<QSpinBox *>(QStringLiteral("networksSpin"))->value(), 1500);
    QCOMPARE(bornDead.findChild<QSpinBox *>(QStringLiteral("bornDeadSeedSpin"))->value(), 9);
    QCOMPARE(bornDead.findChild<QComboBox *>(QStringLiteral("inputDimCombo"))->currentData().toInt(), 2);
    QVERIFY(bornDead.findChild<QCheckBox *>(QStringLiteral("compareCheck"))->isChecked());
    QVERIFY(!bornDead.findChild<QComboBox *>(QStringLiteral("bornDeadInitCombo"))->isEnabled());
    const auto series = bornDead.configs();
    QVERIFY(series);
    QCOMPARE(series->size(), std::size_t(2));
    QCOMPARE(series->front().widths, b.widths);
    QCOMPARE(series->back().init, relulab::core::BornDeadInit::RandomizedAsymmetric);

    // Saved again, the file says the same; reset, both tabs show their defaults.
    const QString again = dir.filePath(QStringLiteral("again.json"));
    QCOMPARE(m_window->savePreset(again), QString());
    const auto reread = relulab::app::loadPreset(again);
    QVERIFY(std::holds_alternative<relulab::app::LoadedPreset>(reread));
    QCOMPARE(std::get<relulab::app::LoadedPreset>(reread).preset.race, preset.race);
    QCOMPARE(std::get<relulab::app::LoadedPreset>(reread).preset.bornDead, preset.bornDead);
    m_window->findChild<QAction *>(QStringLiteral("resetParametersAction"))->trigger();
    QCOMPARE(race.findChild<QSpinBox *>(QStringLiteral("stepsSpin"))->value(), 1000);
    QCOMPARE(bornDead.findChild<QLineEdit *>(QStringLiteral("widthsEdit"))->text(),
             QStringLiteral("2,3,4,5,10"));
    QVERIFY(!bornDead.findChild<QCheckBox *>(QStringLiteral("compareCheck"))->isChecked());
}

void TestMainWindow::badPresetChangesNothing()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("broken.json"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(R"({"format": "relulab-preset", "version": 1, "tab": "lab",
                 "explorer": {"activation": "relu6"}})");
    out.close();
    m_window->model().setValue(ParameterModel::Real::XMax, 4.0);
    const relulab::core::CurveSpec before = m_window->model().curveSpec();
    const QString error = m_window->openPreset(file);
    QVERIFY(error.startsWith(file + QStringLiteral(": ")));
    QVERIFY(error.contains(QStringLiteral("explorer.activation")));
    QVERIFY(m_window->model().curveSpec() == before);
    QCOMPARE(m_window->currentTab(), MainWindow::Tab::Explorer);
    QVERIFY(m_window->currentPresetPath().isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
