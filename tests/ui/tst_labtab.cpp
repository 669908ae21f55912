// The dead-neuron lab tab driven as a class would: play, pause, step, reset with the real buttons
// and keys, change the learning rate with its slider, and read what the dead-unit view shows.

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QApplication>
#include <QTest>
#include <QTextDocumentFragment>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "common/timeouts.h"
#include "app/parametermodel.h"
#include "core/trainer.h"
#include "ui/labtab.h"
#include "ui/networkview.h"

using relulab::app::ParameterModel;
using relulab::ui::LabTab;
namespace core = relulab::core;

namespace {

constexpr int TimeoutMs = relulab::test::StateTimeoutMs;

} // namespace

class TestLabTab : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void startsWithTheReferenceAtStepZero();
    void stepButtonTakesOneStep();
    void longRunsKeepABoundedHistory();
    void playRunsAndPauseStops();
    void deadCountViewFollowsTrainingForHundredsOfSteps();
    void resetReturnsToTheSameStart();
    void learningRateSliderIsLogarithmicAndLive();
    void structuralChangeStartsANewRun();
    void explorerSlopeReachesTheLab();
    void penaltiesChangeARunningRun();
    void initGainStartsANewRun();
    void newControlsAreLabelledAndExplained();
    void divergenceIsShownAndPausesTheRun();
    void deepNetworkSummarisesItsDeadUnits();

private:
    // Types `text` into a spin box as a person would: focus, select all, type, Enter.
    static void typeInto(QAbstractSpinBox *spin, const QString &text)
    {
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, text);
        QTest::keyClick(spin, Qt::Key_Enter);
    }
    template<class T>
    T *child(const char *name) const
    {
        auto *widget = m_lab->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child widget %s", name);
        return widget;
    }
    // Types a depth into the real spin box and waits for the run it starts.
    void setDepth(int depth, quint64 run)
    {
        typeInto(child<QSpinBox>("depthSpin"), QString::number(depth));
        QCOMPARE(m_lab->model().depth(), depth);
        QVERIFY(QTest::qWaitFor([&] { return m_lab->shownRun() == run; }, TimeoutMs));
    }
    bool waitForStep(quint64 step, quint64 run = 0)
    {
        return QTest::qWaitFor(
                [&] { return m_lab->shownStep() >= step && (run == 0 || m_lab->shownRun() == run); },
                TimeoutMs);
    }

    std::unique_ptr<ParameterModel> m_parameters;
    std::unique_ptr<LabTab> m_lab;
};

void TestLabTab::init()
{
    m_parameters = std::make_unique<ParameterModel>();
    m_lab = std::make_unique<LabTab>(m_parameters.get());
    m_lab->resize(1300, 780);
    m_lab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_lab.get()));
    QVERIFY(QTest::qWaitFor([&] { return m_lab->shownRun() == 1; }, TimeoutMs));
}

void TestLabTab::cleanup()
{
    m_lab.reset();
    m_parameters.reset();
}

void TestLabTab::startsWithTheReferenceAtStepZero()
{
    QCOMPARE(m_lab->shownStep(), quint64(0));
    QCOMPARE(m_lab->model().config(), core::TrainingConfig {});
    // The reference network starts with 0, 4 and 7 dead units (reference-spec.md section 3).
    for (auto [layer, dead] : {std::pair {0, 0.0}, std::pair {1, 4.0}, std::pair {2, 7.0}}) {
        QCPGraph *graph = m_lab->deadGraph(layer);
        QVERIFY(graph);
        QCOMPARE(graph->dataCount(), 1);
        QCOMPARE(graph->data()->constBegin()->value, dead);
    }
    QVERIFY(m_lab->deadCountsText().contains(QStringLiteral("<b>4</b>/32")));
    QVERIFY(m_lab->deadCountsText().contains(QStringLiteral("<b>7</b>/32")));
    QVERIFY(!m_lab->divergenceShown());
    QVERIFY(!m_lab->controller().isRunning());
}

void TestLabTab::stepButtonTakesOneStep()
{
    QTest::mouseClick(child<QPushButton>("stepButton"), Qt::LeftButton);
    QVERIFY(waitForStep(1));
    QCOMPARE(m_lab->shownStep(), quint64(1));
    // S is the keyboard shortcut for a step.
    QTest::keyClick(m_lab.get(), Qt::Key_S);
    QVERIFY(waitForStep(2));
    QCOMPARE(m_lab->deadGraph(0)->dataCount(), 3);
}

void TestLabTab::longRunsKeepABoundedHistory()
{
    // With a limit of 8 points, 40 single steps (41 frames with step 0) are thinned three times:
    // the charts and the exported history hold at most 8 points, in step order, from step 0 to a
    // recent step, and every layer's line has as many points as there are steps.
    m_lab->setHistoryLimit(8);
    auto *step = child<QPushButton>("stepButton");
    for (int i = 1; i <= 40; ++i) {
        QTest::mouseClick(step, Qt::LeftButton);
        QVERIFY(waitForStep(quint64(i)));
    }
    const QList<relulab::app::DataColumn> history = m_lab->historyColumns();
    QCOMPARE(history.front().name, QStringLiteral("step"));
    const QVector<double> &steps = history.front().values;
    QVERIFY2(steps.size() <= 8 && steps.size() >= 4, qPrintable(QString::number(steps.size())));
    QCOMPARE(steps.front(), 0.0);
    QVERIFY(std::is_sorted(steps.begin(), steps.end()));
    QVERIFY(std::adjacent_find(steps.begin(), steps.end()) == steps.end());
    QVERIFY2(steps.back() >= 40 - 8, qPrintable(QString::number(steps.back())));
    for (const relulab::app::DataColumn &column : history)
        QCOMPARE(column.values.size(), steps.size());
    QCOMPARE(m_lab->deadGraph(0)->dataCount(), steps.size());
}

void TestLabTab::playRunsAndPauseStops()
{
    auto *play = child<QPushButton>("playButton");
    QTest::mouseClick(play, Qt::LeftButton);
    QVERIFY(m_lab->controller().isRunning());
    QCOMPARE(play->text(), QStringLiteral("Pause"));
    QVERIFY(!child<QPushButton>("stepButton")->isEnabled());
    QVERIFY(waitForStep(30));
    // Space pauses, as the button does.
    QTest::keyClick(m_lab.get(), Qt::Key_Space);
    QVERIFY(!m_lab->controller().isRunning());
    QCOMPARE(play->text(), QStringLiteral("Play"));
    // The last frames in flight arrive, then the worker is idle and the picture stays.
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->controller().isIdle(), TimeoutMs);
    const quint64 stopped = m_lab->shownStep();
    QTest::qWait(100);
    QVERIFY(m_lab->controller().isIdle());
    QCOMPARE(m_lab->shownStep(), stopped);
}

void TestLabTab::deadCountViewFollowsTrainingForHundredsOfSteps()
{
    // Fast animation for the test: as fast as possible.
    auto *speed = child<QComboBox>("speedCombo");
    speed->setCurrentIndex(speed->count() - 1);
    emit speed->activated(speed->currentIndex());
    QTest::mouseClick(child<QPushButton>("playButton"), Qt::LeftButton);
    QVERIFY(waitForStep(400));
    QTest::mouseClick(child<QPushButton>("playButton"), Qt::LeftButton);
    QTest::qWait(200);
    const quint64 step = m_lab->shownStep();
    QVERIFY(step >= 400);
    // The view holds a point per frame shown, in increasing steps, and its last point is what the
    // trainer measures at the step shown.
    auto reference = core::makeTrainer(m_lab->model().config());
    reference->train(step);
    const core::Measurement m = reference->measure();
    for (int layer = 0; layer < 3; ++layer) {
        QCPGraph *graph = m_lab->deadGraph(layer);
        QVERIFY(graph->dataCount() >= 2);
        double previous = -1.0;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
            QVERIFY(it->key > previous);
            previous = it->key;
        }
        QCOMPARE((graph->data()->constEnd() - 1)->key, double(step));
        QCOMPARE((graph->data()->constEnd() - 1)->value,
                 double(m.layers[static_cast<std::size_t>(layer)].dead));
    }
    // The reference run revives units at lr 0.1: fewer dead than at the start (0, 4, 7).
    QVERIFY(m.totalDead() < 11);
    QVERIFY(m_lab->deadPlot()->xAxis->range().upper >= double(step));
}

void TestLabTab::resetReturnsToTheSameStart()
{
    QTest::mouseClick(child<QPushButton>("stepButton"), Qt::LeftButton);
    QVERIFY(waitForStep(1));
    QTest::mouseClick(child<QPushButton>("resetButton"), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return m_lab->shownRun() == 2; }, TimeoutMs));
    QCOMPARE(m_lab->shownStep(), quint64(0));
    QCOMPARE(m_lab->deadGraph(1)->dataCount(), 1);
    QCOMPARE(m_lab->deadGraph(1)->data()->constBegin()->value, 4.0);
}

void TestLabTab::learningRateSliderIsLogarithmicAndLive()
{
    auto *slider = child<QSlider>("learningRateSlider");
    auto *spin = child<QDoubleSpinBox>("learningRateSpin");
    QCOMPARE(spin->value(), 0.1);
    QCOMPARE(slider->value(), 300); // 10^(-4 + 5 * 300 / 500) = 0.1
    // Page Up is a factor of ten.
    QTest::keyClick(slider, Qt::Key_PageUp);
    QCOMPARE(m_lab->model().learningRate(), 1.0);
    QCOMPARE(spin->value(), 1.0);
    QTest::keyClick(slider, Qt::Key_End);
    QCOMPARE(m_lab->model().learningRate(), 10.0);
    QTest::keyClick(slider, Qt::Key_Home);
    QCOMPARE(m_lab->model().learningRate(), 0.0001);
    // A new learning rate does not restart the run: the next step is step 1 of run 1.
    QTest::mouseClick(child<QPushButton>("stepButton"), Qt::LeftButton);
    QVERIFY(waitForStep(1));
    QCOMPARE(m_lab->shownRun(), quint64(1));
}

void TestLabTab::structuralChangeStartsANewRun()
{
    auto *depth = child<QSpinBox>("depthSpin");
    depth->setFocus();
    depth->selectAll();
    QTest::keyClicks(depth, QStringLiteral("2"));
    QTest::keyClick(depth, Qt::Key_Enter);
    QCOMPARE(m_lab->model().depth(), 2);
    QVERIFY(QTest::qWaitFor([&] { return m_lab->shownRun() == 2; }, TimeoutMs));
    QVERIFY(m_lab->deadGraph(1));
    QVERIFY(!m_lab->deadGraph(2)); // two hidden layers: two graphs
    QTest::mouseClick(child<QPushButton>("reseedButton"), Qt::LeftButton);
    QCOMPARE(m_lab->model().initSeed(), quint64(2));
    QVERIFY(QTest::qWaitFor([&] { return m_lab->shownRun() == 3; }, TimeoutMs));
}

void TestLabTab::explorerSlopeReachesTheLab()
{
    auto *activation = child<QComboBox>("labActivationCombo");
    activation->setCurrentIndex(activation->findData(static_cast<int>(core::Activation::LeakyRelu)));
    emit activation->activated(activation->currentIndex());
    QCOMPARE(m_lab->model().activation(), core::Activation::LeakyRelu);
    m_parameters->setValue(ParameterModel::Real::LeakySlope, 0.2);
    QCOMPARE(m_lab->model().config().network.params.leakySlope, 0.2);
    QVERIFY(QTest::qWaitFor(
            [&] { return m_lab->controller().config().network.params.leakySlope == 0.2; }, TimeoutMs));
}

void TestLabTab::divergenceIsShownAndPausesTheRun()
{
    // PReLU at learning rate 10 on the reference diverges within a few steps.
    auto *activation = child<QComboBox>("labActivationCombo");
    activation->setCurrentIndex(activation->findData(static_cast<int>(core::Activation::Prelu)));
    emit activation->activated(activation->currentIndex());
    QTest::keyClick(child<QSlider>("learningRateSlider"), Qt::Key_End);
    QVERIFY(QTest::qWaitFor([&] { return m_lab->shownRun() == 2; }, TimeoutMs));
    QSignalSpy diverged(&m_lab->controller(), &relulab::app::TrainingController::diverged);
    QTest::mouseClick(child<QPushButton>("playButton"), Qt::LeftButton);
    QVERIFY(diverged.wait(TimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->divergenceShown(), TimeoutMs);
    QVERIFY(!m_lab->controller().isRunning());
    QVERIFY(!child<QPushButton>("playButton")->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(m_lab->deadCountsText().contains(QStringLiteral("diverged")), TimeoutMs);
    // The diverged point is a gap in the dead-unit chart, never a "0 dead".
    QCPGraph *graph = m_lab->deadGraph(0);
    QVERIFY(std::isnan((graph->data()->constEnd() - 1)->value));
    // Play does not restart a diverged run; Reset does.
    QTest::mouseClick(child<QPushButton>("playButton"), Qt::LeftButton);
    QVERIFY(!m_lab->controller().isRunning());
    QVERIFY(!child<QPushButton>("playButton")->isChecked());
    QTest::mouseClick(child<QPushButton>("resetButton"), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return m_lab->shownRun() == 3; }, TimeoutMs));
    QVERIFY(!m_lab->divergenceShown());
}

void TestLabTab::penaltiesChangeARunningRun()
{
    auto *decay = child<QDoubleSpinBox>("weightDecaySpin");
    auto *l1 = child<QDoubleSpinBox>("l1Spin");
    QCOMPARE(decay->value(), 0.0);
    QCOMPARE(l1->value(), 0.0);
    QTest::mouseClick(child<QPushButton>("playButton"), Qt::LeftButton);
    QVERIFY(waitForStep(20));

    // Typed while the run goes on: the trainer takes them on, the run and its steps go on.
    typeInto(decay, QStringLiteral("0.001"));
    QCOMPARE(m_lab->model().weightDecay(), 0.001);
    typeInto(l1, QStringLiteral("1e-4")); // scientific notation, as a PreciseSpinBox takes it
    QCOMPARE(m_lab->model().l1(), 0.0001);
    QCOMPARE(l1->text(), QStringLiteral("0.0001"));
    QVERIFY(QTest::qWaitFor(
            [&] {
                const core::TrainingConfig &c = m_lab->controller().config();
                return c.weightDecay == 0.001 && c.l1 == 0.0001;
            },
            TimeoutMs));
    QVERIFY(m_lab->controller().isRunning());
    const quint64 step = m_lab->shownStep();
    QVERIFY(waitForStep(step + 20));
    QCOMPARE(m_lab->shownRun(), quint64(1));

    // The arrow keys step by 0.0001 from the value typed; the model follows.
    decay->setFocus();
    QTest::keyClick(decay, Qt::Key_Up);
    QCOMPARE(m_lab->model().weightDecay(), 0.0011);
    // Back to off with setValue, as a preset would set it.
    decay->setValue(0.0);
    QCOMPARE(m_lab->model().weightDecay(), 0.0);
    QTest::mouseClick(child<QPushButton>("playButton"), Qt::LeftButton);
    QVERIFY(!m_lab->controller().isRunning());
    QCOMPARE(m_lab->shownRun(), quint64(1));
}

void TestLabTab::initGainStartsANewRun()
{
    auto *gain = child<QDoubleSpinBox>("initGainSpin");
    QCOMPARE(gain->value(), 1.0);
    QCOMPARE(gain->text(), QStringLiteral("1.00"));
    QTest::mouseClick(child<QPushButton>("stepButton"), Qt::LeftButton);
    QVERIFY(waitForStep(1));

    // New initial weights: a new run from step 0. With zero biases, ReLU is positively
    // homogeneous, so the scaled network starts with the same dead units (0, 4 and 7).
    typeInto(gain, QStringLiteral("0.5"));
    QCOMPARE(m_lab->model().initGain(), 0.5);
    QVERIFY(QTest::qWaitFor([&] { return m_lab->shownRun() == 2; }, TimeoutMs));
    QCOMPARE(m_lab->shownStep(), quint64(0));
    QCOMPARE(m_lab->controller().config().network.initGain, 0.5);
    QCOMPARE(m_lab->deadGraph(1)->data()->constBegin()->value, 4.0);

    // The widget's range is the model's, 0.1 to 10; Page Up is ten steps of 0.1.
    QCOMPARE(gain->minimum(), 0.1);
    QCOMPARE(gain->maximum(), 10.0);
    gain->setFocus();
    QTest::keyClick(gain, Qt::Key_PageUp);
    QCOMPARE(m_lab->model().initGain(), 1.5);
    QVERIFY(QTest::qWaitFor([&] { return m_lab->shownRun() == 3; }, TimeoutMs));
}

void TestLabTab::newControlsAreLabelledAndExplained()
{
    // Each has a label that is its buddy (so its mnemonic reaches it) and a tooltip; the depth
    // goes to the core's 32 layers.
    for (auto [label, spin] :
         {std::pair {"initGainLabel", "initGainSpin"},
          std::pair {"weightDecayLabel", "weightDecaySpin"}, std::pair {"l1Label", "l1Spin"}}) {
        auto *widget = child<QDoubleSpinBox>(spin);
        QCOMPARE(child<QLabel>(label)->buddy(), widget);
        QVERIFY2(child<QLabel>(label)->text().contains(u'&'), label);
        QVERIFY2(!widget->toolTip().isEmpty(), spin);
    }
    QVERIFY(child<QDoubleSpinBox>("l1Spin")->toolTip().contains(QStringLiteral("toward zero")));
    QCOMPARE(child<QSpinBox>("depthSpin")->maximum(), core::MaxHiddenLayers);
    QVERIFY(child<QSpinBox>("depthSpin")->toolTip().contains(QStringLiteral("32")));
    // The mnemonic moves the focus to the box.
    m_lab->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_lab.get()));
    QTest::keyClick(m_lab.get(), Qt::Key_Y, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(),
                              static_cast<QWidget *>(child<QDoubleSpinBox>("weightDecaySpin")),
                              TimeoutMs);
}

// The dead-unit chart's colour scale beside the plot, or null.
static QCPColorScale *colorScale(QCustomPlot *plot)
{
    for (QCPLayoutElement *element : plot->plotLayout()->elements(false)) {
        if (auto *scale = qobject_cast<QCPColorScale *>(element))
            return scale;
    }
    return nullptr;
}

// 32 hidden layers: the counts are summed up in a line whose numbers are the snapshot's, the
// chart's lines are coloured by depth with a colour scale instead of a 32-entry legend, and the
// network view draws only its strongest links and says so. Back at 3 layers, all is as before.
void TestLabTab::deepNetworkSummarisesItsDeadUnits()
{
    relulab::app::TrainingSnapshotPtr last;
    connect(&m_lab->controller(), &relulab::app::TrainingController::snapshotReady, m_lab.get(),
            [&](const relulab::app::TrainingSnapshotPtr &snapshot) { last = snapshot; });
    setDepth(32, 2);
    QTest::mouseClick(child<QPushButton>("stepButton"), Qt::LeftButton);
    QVERIFY(waitForStep(1, 2));
    QVERIFY(last);
    QCOMPARE(last->measurement.step, quint64(1));
    const core::Measurement &m = last->measurement;
    QCOMPARE(m.layers.size(), std::size_t {32});

    // "Dead units: 268 of 1,024 (26 %) · most in layer 18 (15 of 32)" on one line, where the
    // label is wide enough; the layer in the tooltip where it is not.
    int dead = 0;
    int units = 0;
    std::size_t most = 0;
    for (std::size_t l = 0; l < m.layers.size(); ++l) {
        dead += m.layers[l].dead;
        units += m.layers[l].units;
        if (m.layers[l].dead > m.layers[most].dead)
            most = l;
    }
    QVERIFY(dead > 0); // a deep ReLU network at He init has dead units
    const QLocale locale;
    const QString total = QStringLiteral("Dead units: %1 of %2 (%3 %)")
                                  .arg(locale.toString(dead), locale.toString(units),
                                       locale.toString(std::lround(100.0 * dead / units)));
    const QString full = QStringLiteral("%1 · most in layer %2 (%3 of %4)")
                                 .arg(total)
                                 .arg(most + 1)
                                 .arg(m.layers[most].dead)
                                 .arg(m.layers[most].units);
    const auto plain = [](const QString &html) {
        return QTextDocumentFragment::fromHtml(html)
                .toPlainText()
                .replace(QChar(0x00A0), QLatin1Char(' '))
                .replace(QChar::LineSeparator, QLatin1Char('\n'));
    };
    auto *label = child<QLabel>("deadCountsLabel");
    m_lab->resize(1900, 780);
    QTRY_COMPARE_WITH_TIMEOUT(plain(m_lab->deadCountsText()).section(u'\n', 0, 0), full, TimeoutMs);
    QCOMPARE(m_lab->deadCountsToolTip(), QString());
    QVERIFY(!m_lab->deadCountsText().contains(QStringLiteral("L32")));
    const auto oneLine = [label] {
        return label->heightForWidth(label->width()) < 1.5 * label->fontMetrics().lineSpacing();
    };
    QVERIFY(oneLine());
    m_lab->resize(m_lab->minimumSizeHint().width(), 780);
    QTRY_COMPARE_WITH_TIMEOUT(plain(m_lab->deadCountsText()).section(u'\n', 0, 0), total, TimeoutMs);
    QCOMPARE(plain(m_lab->deadCountsToolTip()), full);
    QVERIFY2(oneLine(), qPrintable(QString::number(label->heightForWidth(label->width()))));
    m_lab->resize(1300, 780);

    // The chart: one line per layer, no legend, a colour scale from layer 1 to 32; no colour
    // repeats, and depth runs from dark to light.
    QCustomPlot *plot = m_lab->deadPlot();
    QVERIFY(m_lab->deadGraph(31));
    QVERIFY(!m_lab->deadGraph(32));
    QCOMPARE((m_lab->deadGraph(31)->data()->constEnd() - 1)->value, double(m.layers[31].dead));
    QVERIFY(!plot->legend->visible());
    QCPColorScale *scale = colorScale(plot);
    QVERIFY(scale);
    QVERIFY(scale->visible());
    QCOMPARE(scale->dataRange(), QCPRange(1.0, 32.0));
    QCOMPARE(scale->axis()->label(), QStringLiteral("layer"));
    QVERIFY(m_lab->deadGraph(0)->pen().color() != m_lab->deadGraph(8)->pen().color());
    QVERIFY(m_lab->deadGraph(0)->pen().color().lightness()
            < m_lab->deadGraph(31)->pen().color().lightness());
    plot->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(scale->outerRect().left() >= plot->axisRect()->outerRect().right());

    // The network view: fewer links than there are, and how many it shows.
    auto *view = child<relulab::ui::NetworkView>("networkView");
    QCOMPARE(view->snapshot(), last);
    QVERIFY(view->drawnLinkCount() < view->linkCount());
    QVERIFY2(view->omissionNote().contains(
                     QStringLiteral(" of %1)").arg(locale.toString(view->linkCount()))),
             qPrintable(view->omissionNote()));

    // 8 layers and fewer: the legend and the list, as before.
    setDepth(8, 3);
    QVERIFY(plot->legend->visible());
    QVERIFY(!colorScale(plot));
    QVERIFY(m_lab->deadCountsText().contains(QStringLiteral(">L8</span>")));
    QVERIFY(!m_lab->deadCountsText().contains(QStringLiteral("most in")));
    setDepth(9, 4);
    QVERIFY(!plot->legend->visible());
    QVERIFY(colorScale(plot));
    QCOMPARE(colorScale(plot)->dataRange(), QCPRange(1.0, 9.0));
}

QTEST_MAIN(TestLabTab)
#include "tst_labtab.moc"
