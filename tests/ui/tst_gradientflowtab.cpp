// The gradient-flow tab driven as a class would: choose the depth, the activation and the
// comparison with the real widgets, step with the button and keys, and read the numbers the tab
// shows against the core's measurement of the same runs.

#include <QComboBox>
#include <QPushButton>
#include <QSpinBox>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>

#include "app/preset.h"
#include "common/timeouts.h"
#include "core/trainer.h"
#include "ui/coretext.h"
#include "ui/gradientflowtab.h"
#include "ui/labtab.h"
#include "ui/mainwindow.h"
#include "ui/lessons.h"
#include "ui/presentation.h"

using relulab::ui::GradientFlowTab;
using relulab::ui::MainWindow;
namespace core = relulab::core;

namespace {

constexpr int TimeoutMs = relulab::test::StateTimeoutMs;

template<class Widget>
Widget *child(QWidget *parent, const char *name)
{
    auto *widget = parent->findChild<Widget *>(QLatin1String(name));
    if (!widget)
        qFatal("no %s", name);
    return widget;
}

void choose(QComboBox *combo, int data)
{
    const int index = combo->findData(data);
    QVERIFY(index >= 0);
    // As the keyboard does: the combo emits activated(), which the tab listens to.
    combo->setFocus();
    while (combo->currentIndex() != index)
        QTest::keyClick(combo, combo->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
}

} // namespace

class TestGradientFlowTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void deepSigmoidVanishesReluDoesNot();
    void comparisonFollowsTheCombo();
    void hiddenTabCostsNothing();
    void tableShowsEveryColumn_data();
    void tableShowsEveryColumn();
    void noDecisionGridForNobody();
};

void TestGradientFlowTab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

// 20 hidden layers of 32, ReLU against sigmoid, one step: the profile, the table, the heat maps
// and the summary are the core's numbers for the same two runs.
void TestGradientFlowTab::deepSigmoidVanishesReluDoesNot()
{
    MainWindow window;
    window.resize(1360, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showTab(MainWindow::Tab::GradientFlow);
    GradientFlowTab &tab = window.gradientFlow();

    auto *depth = child<QSpinBox>(&tab, "depthSpin");
    depth->setFocus();
    depth->selectAll();
    QTest::keyClicks(depth, QStringLiteral("20"));
    QTest::keyClick(depth, Qt::Key_Enter);
    QCOMPARE(window.lab().model().depth(), 20);
    choose(child<QComboBox>(&tab, "flowActivationCombo"), static_cast<int>(core::Activation::Relu));
    choose(child<QComboBox>(&tab, "compareCombo"), static_cast<int>(core::Activation::Sigmoid));
    QTRY_VERIFY_WITH_TIMEOUT(tab.shownRun() > 0 && tab.profileGraph(false)->dataCount() == 20
                                     && tab.profileGraph(true)->dataCount() == 20
                                     && window.lab().controller().isIdle(),
                             TimeoutMs);

    QTest::mouseClick(child<QPushButton>(&tab, "flowStepButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(tab.shownStep() == 1 && tab.comparisonStep() == 1
                                     && window.lab().controller().isIdle(),
                             TimeoutMs);

    core::TrainingConfig config = window.lab().model().config();
    QCOMPARE(config.network.hidden.size(), std::size_t(20));
    core::MeasureOptions options;
    options.layerStatistics = true;
    options.activations = GradientFlowTab::activationBins();
    options.backpropagated = GradientFlowTab::gradientBins();
    auto relu = core::makeTrainer(config);
    relu->train(1);
    const core::Measurement expected = relu->measure(options);
    config.network.activation = core::Activation::Sigmoid;
    auto sigmoid = core::makeTrainer(config);
    sigmoid->train(1);
    const core::Measurement expectedSigmoid = sigmoid->measure(options);

    for (int l = 0; l < 20; ++l) {
        QCOMPARE(tab.profileGraph(false)->data()->at(l)->value, expected.layers[static_cast<std::size_t>(l)].gradientNorm);
        QCOMPARE(tab.profileGraph(true)->data()->at(l)->value,
                 expectedSigmoid.layers[static_cast<std::size_t>(l)].gradientNorm);
        QCOMPARE(tab.historyGraph(l)->data()->at(tab.historyGraph(l)->dataCount() - 1)->value,
                 expected.layers[static_cast<std::size_t>(l)].gradientNorm);
    }
    // Vanishing, as the tab shows it: sigmoid's first layer gets orders of magnitude less.
    QVERIFY(expectedSigmoid.layers.front().gradientNorm < 1e-6 * expectedSigmoid.layers.back().gradientNorm);
    // The table: layer 1's true zeros and blocked share as percentages, the output's gradient.
    const QLocale locale;
    QCOMPARE(tab.tableText(0, 1), locale.toString(100.0 * expected.layers[0].zeroShare, 'f', 1) + " %");
    QCOMPARE(tab.tableText(0, 2), locale.toString(100.0 * expected.layers[0].blockedShare, 'f', 1) + " %");
    QCOMPARE(tab.tableText(20, 0), locale.toString(expected.outputGradientNorm, 'g', 3));
    // The heat maps hold each layer's share of pairs per bin.
    const core::Histogram &h = expected.layers[4].activations;
    const auto pairs = static_cast<double>(h.total());
    for (int k = 0; k < static_cast<int>(h.counts.size()); ++k)
        QCOMPARE(tab.activationMap()->data()->cell(k, 4), static_cast<double>(h.counts[static_cast<std::size_t>(k)]) / pairs);
    const core::Histogram &g = expected.layers[0].backpropagated;
    for (int k = 0; k < static_cast<int>(g.counts.size()); ++k)
        QCOMPARE(tab.gradientMap()->data()->cell(k, 0),
                 static_cast<double>(g.counts[static_cast<std::size_t>(k)]) / static_cast<double>(g.total()));
    // The summary quotes both ratios.
    const QString ratio = locale.toString(expectedSigmoid.layers.front().gradientNorm
                                                  / expectedSigmoid.layers.back().gradientNorm,
                                          'g', 2);
    QVERIFY2(tab.summaryText().contains(ratio), qPrintable(tab.summaryText() + " lacks " + ratio));

    // S steps too, from the keyboard.
    tab.setFocus();
    QTest::keyClick(&tab, Qt::Key_S);
    QTRY_VERIFY_WITH_TIMEOUT(tab.shownStep() == 2 && window.lab().controller().isIdle(), TimeoutMs);
}

void TestGradientFlowTab::comparisonFollowsTheCombo()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showTab(MainWindow::Tab::GradientFlow);
    GradientFlowTab &tab = window.gradientFlow();
    auto *compare = child<QComboBox>(&tab, "compareCombo");
    QTRY_VERIFY_WITH_TIMEOUT(tab.profileGraph(true)->dataCount() == 3, TimeoutMs);
    QCOMPARE(tab.comparison(), std::optional(core::Activation::Sigmoid)); // the default

    choose(compare, -1); // None
    QCOMPARE(window.lab().controller().gradientFlow().comparison, std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(!tab.profileGraph(true)->visible() && window.lab().controller().isIdle(), TimeoutMs);
    QCOMPARE(tab.profileGraph(true)->dataCount(), 0);

    choose(compare, static_cast<int>(core::Activation::Tanh));
    QTRY_VERIFY_WITH_TIMEOUT(tab.profileGraph(true)->visible() && tab.profileGraph(true)->dataCount() == 3,
                             TimeoutMs);
    QVERIFY(tab.profileGraph(true)->name().startsWith(relulab::ui::activationName(core::Activation::Tanh)));

    // The choice is the lab model's, so a preset keeps it and brings it back.
    QCOMPARE(window.lab().model().comparison(), std::optional(core::Activation::Tanh));
    relulab::app::Preset saved = relulab::app::capture(window.presetModels(), relulab::app::PresetTab::GradientFlow);
    QCOMPARE(saved.lab.comparison, std::optional(core::Activation::Tanh));
    choose(compare, -1);
    QCOMPARE(window.lab().model().comparison(), std::nullopt);
    relulab::app::apply(saved, window.presetModels());
    QCOMPARE(compare->currentData().toInt(), static_cast<int>(core::Activation::Tanh));
    QCOMPARE(window.lab().controller().gradientFlow().comparison, std::optional(core::Activation::Tanh));
    // And View > Reset parameters to defaults goes back to sigmoid.
    window.lab().model().resetToDefaults();
    QCOMPARE(compare->currentData().toInt(), static_cast<int>(core::Activation::Sigmoid));
}

// Only a shown tab asks the worker for the statistics (a backward pass per snapshot) and the
// second network; a configuration changed here reaches the run although the lab is hidden.
void TestGradientFlowTab::hiddenTabCostsNothing()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showTab(MainWindow::Tab::Lab);
    QVERIFY(!window.lab().controller().gradientFlow().enabled);
    window.showTab(MainWindow::Tab::GradientFlow);
    QVERIFY(window.lab().controller().gradientFlow().enabled);
    GradientFlowTab &tab = window.gradientFlow();
    QTRY_VERIFY_WITH_TIMEOUT(tab.shownRun() > 0, TimeoutMs);
    const quint64 run = tab.shownRun();
    auto *width = child<QSpinBox>(&tab, "widthSpin");
    width->setValue(5);
    QTRY_VERIFY_WITH_TIMEOUT(tab.shownRun() > run && window.lab().controller().isIdle(), TimeoutMs);
    QCOMPARE(window.lab().controller().config().network.hidden.front(), 5);
    window.showTab(MainWindow::Tab::Explorer);
    QVERIFY(!window.lab().controller().gradientFlow().enabled);
}

void TestGradientFlowTab::tableShowsEveryColumn_data()
{
    QTest::addColumn<bool>("presenting");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("lesson"); // 1-based; 0: none
    QTest::newRow("1360x820") << false << QSize(1360, 820) << 0;
    // Presentation mode's larger font in a projector's window: the table takes width from the
    // histograms beside it.
    QTest::newRow("presenting 1280x720") << true << QSize(1280, 720) << 0;
    // Lesson 7 (20 layers, a vertical scroll bar) with its panel taking a third of the window.
    QTest::newRow("1360x820, lesson 7") << false << QSize(1360, 820) << 7;
}

// The four numbers of every layer side by side, without scrolling the table sideways.
void TestGradientFlowTab::tableShowsEveryColumn()
{
    QFETCH(bool, presenting);
    QFETCH(QSize, size);
    QFETCH(int, lesson);
    MainWindow window;
    if (presenting) {
        window.presentation().setPresenting(true);
        window.setWindowState(window.windowState() & ~Qt::WindowFullScreen);
    }
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    if (lesson > 0)
        QCOMPARE(window.lessons().open(lesson - 1), QString());
    window.showTab(MainWindow::Tab::GradientFlow);
    GradientFlowTab &tab = window.gradientFlow();
    QTRY_VERIFY_WITH_TIMEOUT(tab.shownRun() > 0 && window.lab().controller().isIdle(), TimeoutMs);
    QTest::mouseClick(child<QPushButton>(&tab, "flowStepButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(tab.shownStep() == 1 && window.lab().controller().isIdle(), TimeoutMs);
    auto *table = child<QTableWidget>(&tab, "layerTable");
    if (lesson == 7)
        QCOMPARE(table->rowCount(), 21);
    QVERIFY(!tab.tableText(0, 3).isEmpty());
    int columns = 0;
    for (int column = 0; column < table->columnCount(); ++column)
        columns += table->columnWidth(column);
    QTRY_VERIFY2_WITH_TIMEOUT(table->viewport()->width() >= columns && table->horizontalScrollBar()->maximum() == 0,
                              qPrintable(QStringLiteral("columns %1 px, viewport %2 px, window %3 px, splitter %4")
                                                 .arg(columns)
                                                 .arg(table->viewport()->width())
                                                 .arg(window.width())
                                                 .arg(QString::number(child<QSplitter>(&tab, "flowBottomSplitter")->sizes().value(0)) + " "
                                                      + QString::number(child<QSplitter>(&tab, "flowBottomSplitter")->sizes().value(1)) + " "
                                                      + QString::number(child<QSplitter>(&tab, "flowBottomSplitter")->sizes().value(2)))),
                              TimeoutMs);
}

// A window that opens on this tab shows no decision grid: its snapshots carry none (it cost
// 12 ms of every 30 ms picture at 20 layers), until the lab itself is shown.
void TestGradientFlowTab::noDecisionGridForNobody()
{
    MainWindow window;
    window.showTab(MainWindow::Tab::GradientFlow);
    window.resize(1360, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    GradientFlowTab &tab = window.gradientFlow();
    QSignalSpy snapshots(&window.lab().controller(), &relulab::app::TrainingController::snapshotReady);
    QTRY_VERIFY_WITH_TIMEOUT(tab.shownRun() > 0 && window.lab().controller().isIdle(), TimeoutMs);
    QTest::mouseClick(child<QPushButton>(&tab, "flowStepButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(tab.shownStep() == 1 && window.lab().controller().isIdle(), TimeoutMs);
    QVERIFY(!snapshots.isEmpty());
    for (const QList<QVariant> &arguments : snapshots)
        QVERIFY(arguments.at(0).value<relulab::app::TrainingSnapshotPtr>()->logits.empty());

    // Shown, the lab gets its grid at once.
    snapshots.clear();
    window.showTab(MainWindow::Tab::Lab);
    QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty()
                                     && !snapshots.last().at(0).value<relulab::app::TrainingSnapshotPtr>()->logits.empty(),
                             TimeoutMs);
}

QTEST_MAIN(TestGradientFlowTab)
#include "tst_gradientflowtab.moc"
