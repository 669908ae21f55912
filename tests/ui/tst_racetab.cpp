// The race tab driven as a class would: Start with the button and Space, untick an activation,
// choose a preset, and read the small multiples, the charts, the progress bar and the finish
// table, whose values must be those of the core's race of the same configuration.

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSlider>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include <qcustomplot.h>

#include <memory>
#include <utility>

#include "common/timeouts.h"
#include "app/parametermodel.h"
#include "core/race.h"
#include "ui/racetab.h"

using relulab::app::ParameterModel;
using relulab::ui::RaceTab;
namespace core = relulab::core;

namespace {

constexpr int TimeoutMs = relulab::test::StateTimeoutMs;

} // namespace

class TestRaceTab : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void startsWithFourLanesAtStepZero();
    void startRunsToTheEndAndFillsTheFinishTable();
    void spaceStartsAndPauses();
    void uncheckingAnActivationRemovesItsLane();
    void noActivationCannotStart();
    void presetsSetTheControls();
    void explorerParametersReachTheRace();
    void gainAndPenaltiesReachEveryLane();
    void aDivergedLaneIsShown();

private:
    template<class T>
    T *child(const QString &name) const
    {
        auto *widget = m_tab->findChild<T *>(name);
        if (!widget)
            qFatal("no child widget %s", qPrintable(name));
        return widget;
    }
    void setSteps(int steps)
    {
        auto *spin = child<QSpinBox>(QStringLiteral("stepsSpin"));
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QString::number(steps));
        QTest::keyClick(spin, Qt::Key_Enter);
    }
    void choosePreset(const QString &name)
    {
        auto *combo = child<QComboBox>(QStringLiteral("presetCombo"));
        const int index = combo->findText(name);
        QVERIFY(index > 0);
        combo->setFocus();
        // The keyboard way: the combo's current item, then activated() as a person's choice.
        combo->setCurrentIndex(index);
        emit combo->activated(index);
    }
    QString cell(int row, int column) const
    {
        const QTableWidgetItem *item = m_tab->finishTable()->item(row, column);
        return item ? item->text() : QString();
    }

    std::unique_ptr<ParameterModel> m_parameters;
    std::unique_ptr<RaceTab> m_tab;
};

void TestRaceTab::init()
{
    m_parameters = std::make_unique<ParameterModel>();
    m_tab = std::make_unique<RaceTab>(m_parameters.get());
    m_tab->resize(1300, 780);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    QVERIFY(QTest::qWaitFor([&] { return m_tab->shownRun() == 1; }, TimeoutMs));
}

void TestRaceTab::cleanup()
{
    m_tab.reset();
    m_parameters.reset();
}

void TestRaceTab::startsWithFourLanesAtStepZero()
{
    QCOMPARE(m_tab->laneCount(), 4);
    QCOMPARE(m_tab->shownStep(), quint64(0));
    QCOMPARE(m_tab->selectedActivations(),
             (std::vector<core::Activation> {core::Activation::Relu, core::Activation::LeakyRelu,
                                             core::Activation::Prelu, core::Activation::Rrelu}));
    QCOMPARE(
            m_tab->findChildren<QCustomPlot *>(QRegularExpression(QStringLiteral("^boundaryPlot_"))).size(),
            4);
    QCOMPARE(m_tab->deadPlot()->graphCount(), 4);
    QCOMPARE(m_tab->finishTable()->rowCount(), 4);
    QCOMPARE(cell(0, 0), QStringLiteral("ReLU"));
    // The reference network starts with 11 dead ReLU units (0, 4 and 7).
    QCOMPARE(m_tab->deadGraph(0)->dataCount(), 1);
    QCOMPARE(m_tab->deadGraph(0)->data()->constBegin()->value, 11.0);
    QCOMPARE(m_tab->progressValue(), 0);
    QVERIFY(!m_tab->controller().isRunning());
    // Every control says what it does.
    for (const char *name :
         {"startButton", "resetButton", "stepsSpin", "presetCombo", "depthSpin", "widthSpin",
          "learningRateSpin", "learningRateSlider", "optimizerCombo", "initCombo", "biasCombo",
          "batchCombo", "initSeedSpin", "progressBar", "initGainSpin", "weightDecaySpin", "l1Spin"})
        QVERIFY2(!child<QWidget>(QLatin1String(name))->toolTip().isEmpty(), name);
    QVERIFY(!child<QCheckBox>(QStringLiteral("activationCheck_relu"))->toolTip().isEmpty());
}

void TestRaceTab::startRunsToTheEndAndFillsTheFinishTable()
{
    setSteps(120);
    QCOMPARE(m_tab->targetSteps(), quint64(120));
    auto *start = child<QPushButton>(QStringLiteral("startButton"));
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(m_tab->controller().isRunning());
    QCOMPARE(start->text(), QStringLiteral("Pause"));
    QVERIFY(QTest::qWaitFor([&] { return m_tab->shownFinished(); }, TimeoutMs));
    QCOMPARE(m_tab->shownStep(), quint64(120));
    QCOMPARE(m_tab->progressValue(), 100);
    QCOMPARE(child<QProgressBar>(QStringLiteral("progressBar"))->value(), 100);
    QTRY_COMPARE_WITH_TIMEOUT(start->text(), QStringLiteral("Start"), TimeoutMs);

    // The core's race of the same configuration, measured at the same interval.
    const std::vector<core::Activation> lanes = m_tab->selectedActivations();
    core::Race race(m_tab->model().config(), lanes);
    race.measure();
    while (race.stepsDone() < 120) {
        race.train(m_tab->measureEvery());
        race.measure();
    }
    const std::vector<core::RaceLaneSummary> expected = race.summary();
    const QLocale locale;
    QCOMPARE(m_tab->finishTable()->rowCount(), 4);
    for (int row = 0; row < 4; ++row) {
        const core::RaceLaneSummary &e = expected[static_cast<std::size_t>(row)];
        QVERIFY(!e.diverged);
        QCOMPARE(cell(row, 1), locale.toString(e.loss, 'f', 4));
        QCOMPARE(cell(row, 2),
                 QStringLiteral("%1 %").arg(locale.toString(100.0 * e.trainAccuracy, 'f', 1)));
        QCOMPARE(cell(row, 3), QStringLiteral("%1 of 96").arg(e.totalDead));
        QCOMPARE(cell(row, 4), e.stepsToGoal ? locale.toString(*e.stepsToGoal) : QStringLiteral("—"));
        // The charts end at the same values.
        QCPGraph *dead = m_tab->deadGraph(row);
        QCOMPARE((dead->data()->constEnd() - 1)->key, 120.0);
        QCOMPARE((dead->data()->constEnd() - 1)->value, double(e.totalDead));
        QCOMPARE((m_tab->lossGraph(row)->data()->constEnd() - 1)->value, e.loss);
        QCOMPARE(dead->dataCount(), 13); // steps 0, 10, ..., 120
    }
}

void TestRaceTab::spaceStartsAndPauses()
{
    setSteps(1'000'000);
    QTest::keyClick(m_tab.get(), Qt::Key_Space);
    QVERIFY(m_tab->controller().isRunning());
    QVERIFY(QTest::qWaitFor([&] { return m_tab->shownStep() >= 20; }, TimeoutMs));
    QTest::keyClick(m_tab.get(), Qt::Key_Space);
    QVERIFY(!m_tab->controller().isRunning());
    QTest::qWait(200);
    const quint64 stopped = m_tab->shownStep();
    QTest::qWait(200);
    QCOMPARE(m_tab->shownStep(), stopped);
    QVERIFY(m_tab->progressValue() < 100);
}

void TestRaceTab::uncheckingAnActivationRemovesItsLane()
{
    auto *rrelu = child<QCheckBox>(QStringLiteral("activationCheck_rrelu"));
    QVERIFY(rrelu->isChecked());
    QTest::mouseClick(rrelu, Qt::LeftButton, {}, QPoint(8, rrelu->height() / 2));
    QVERIFY(!rrelu->isChecked());
    QVERIFY(QTest::qWaitFor([&] { return m_tab->shownRun() == 2; }, TimeoutMs));
    QCOMPARE(m_tab->laneCount(), 3);
    QCOMPARE(
            m_tab->findChildren<QCustomPlot *>(QRegularExpression(QStringLiteral("^boundaryPlot_"))).size(),
            3);
    QVERIFY(!m_tab->findChild<QCustomPlot *>(QStringLiteral("boundaryPlot_rrelu")));
    QCOMPARE(m_tab->deadPlot()->graphCount(), 3);
    QCOMPARE(m_tab->finishTable()->rowCount(), 3);
    // And one more, from the explorer's list: ELU, with the keyboard.
    auto *elu = child<QCheckBox>(QStringLiteral("activationCheck_elu"));
    elu->setFocus();
    QTest::keyClick(elu, Qt::Key_Space);
    QVERIFY(elu->isChecked());
    QVERIFY(QTest::qWaitFor([&] { return m_tab->shownRun() == 3; }, TimeoutMs));
    QCOMPARE(m_tab->laneCount(), 4);
    QVERIFY(m_tab->findChild<QCustomPlot *>(QStringLiteral("boundaryPlot_elu")));
    QCOMPARE(m_tab->controller().activations().back(), core::Activation::Elu);
}

void TestRaceTab::noActivationCannotStart()
{
    for (core::Activation kind : m_tab->selectedActivations())
        m_tab->setActivationChecked(kind, false);
    QVERIFY(QTest::qWaitFor(
            [&] { return !child<QPushButton>(QStringLiteral("startButton"))->isEnabled(); }, TimeoutMs));
    QTest::keyClick(m_tab.get(), Qt::Key_Space);
    QVERIFY(!m_tab->controller().isRunning());
    m_tab->setActivationChecked(core::Activation::Relu, true);
    QVERIFY(QTest::qWaitFor([&] { return m_tab->shownRun() == 2 && m_tab->laneCount() == 1; },
                            TimeoutMs));
    QVERIFY(child<QPushButton>(QStringLiteral("startButton"))->isEnabled());
}

void TestRaceTab::presetsSetTheControls()
{
    m_tab->setActivationChecked(core::Activation::Elu, true);
    choosePreset(QStringLiteral("Deep and narrow"));
    const core::RacePreset deep = core::racePreset(core::RacePresetKind::DeepAndNarrow);
    QCOMPARE(child<QSpinBox>(QStringLiteral("depthSpin"))->value(), 8);
    QCOMPARE(child<QSpinBox>(QStringLiteral("widthSpin"))->value(), 4);
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("learningRateSpin"))->value(),
             deep.config.learningRate);
    QCOMPARE(child<QComboBox>(QStringLiteral("optimizerCombo"))->currentText(), QStringLiteral("Adam"));
    QCOMPARE(child<QSpinBox>(QStringLiteral("initSeedSpin"))->value(), 10);
    QCOMPARE(child<QSpinBox>(QStringLiteral("stepsSpin"))->value(), int(deep.steps));
    QCOMPARE(m_tab->measureEvery(), deep.measureEvery);
    QCOMPARE(m_tab->selectedActivations().size(), std::size_t(4)); // the four, ELU unticked
    QVERIFY(QTest::qWaitFor([&] { return m_tab->shownRun() == 3 || m_tab->shownRun() == 2; }, TimeoutMs));
    QVERIFY(QTest::qWaitFor([&] { return m_tab->controller().config() == deep.config; }, TimeoutMs));

    choosePreset(QStringLiteral("Bad bias initialisation"));
    QCOMPARE(child<QComboBox>(QStringLiteral("biasCombo"))->currentData().toDouble(), -1.0);
    QCOMPARE(child<QSpinBox>(QStringLiteral("depthSpin"))->value(), 3);
    QCOMPARE(child<QSpinBox>(QStringLiteral("widthSpin"))->value(), 32);
    QCOMPARE(m_tab->model().config().network.biasValue, -1.0);
    QCOMPARE(m_tab->model().config().network.biasInit, core::BiasInit::Constant);

    choosePreset(QStringLiteral("High learning rate"));
    QCOMPARE(child<QDoubleSpinBox>(QStringLiteral("learningRateSpin"))->value(), 0.2);
    QCOMPARE(child<QSpinBox>(QStringLiteral("initSeedSpin"))->value(), 17);
    QCOMPARE(child<QComboBox>(QStringLiteral("biasCombo"))->currentData().toDouble(), 0.0);
    QVERIFY(QTest::qWaitFor(
            [&] {
                return m_tab->controller().config()
                        == core::racePreset(core::RacePresetKind::HighLearningRate).config;
            },
            TimeoutMs));
    // Editing a setting by hand leaves the preset.
    QTest::keyClick(child<QSlider>(QStringLiteral("learningRateSlider")), Qt::Key_PageDown);
    QCOMPARE(child<QComboBox>(QStringLiteral("presetCombo"))->currentIndex(), 0);
}

void TestRaceTab::explorerParametersReachTheRace()
{
    m_parameters->setValue(ParameterModel::Real::LeakySlope, 0.2);
    QCOMPARE(m_tab->model().config().network.params.leakySlope, 0.2);
    QVERIFY(QTest::qWaitFor(
            [&] { return m_tab->controller().config().network.params.leakySlope == 0.2; }, TimeoutMs));
    QVERIFY(QTest::qWaitFor([&] { return m_tab->shownRun() == 2; }, TimeoutMs));
}

void TestRaceTab::aDivergedLaneIsShown()
{
    // SGD at learning rate 3: PReLU diverges, the others race on.
    auto *rate = child<QDoubleSpinBox>(QStringLiteral("learningRateSpin"));
    rate->setFocus();
    rate->selectAll();
    QTest::keyClicks(rate, QStringLiteral("3"));
    QTest::keyClick(rate, Qt::Key_Enter);
    QCOMPARE(m_tab->model().training().learningRate(), 3.0);
    setSteps(200);
    QVERIFY(QTest::qWaitFor([&] { return m_tab->controller().config().learningRate == 3.0; }, TimeoutMs));
    QTest::mouseClick(child<QPushButton>(QStringLiteral("startButton")), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return m_tab->shownFinished(); }, TimeoutMs));
    QCOMPARE(m_tab->shownStep(), quint64(200));
    QVERIFY(cell(2, 1).startsWith(QStringLiteral("diverged at step")));
    QCOMPARE(cell(2, 2), QStringLiteral("—"));
    QVERIFY(!cell(0, 1).startsWith(QStringLiteral("diverged")));
    QCOMPARE(m_tab->progressValue(), 100);
}

void TestRaceTab::gainAndPenaltiesReachEveryLane()
{
    auto *gain = child<QDoubleSpinBox>(QStringLiteral("initGainSpin"));
    auto *decay = child<QDoubleSpinBox>(QStringLiteral("weightDecaySpin"));
    auto *l1 = child<QDoubleSpinBox>(QStringLiteral("l1Spin"));
    for (auto [label, spin] : {std::pair {"initGainLabel", static_cast<QWidget *>(gain)},
                               std::pair {"weightDecayLabel", static_cast<QWidget *>(decay)},
                               std::pair {"l1Label", static_cast<QWidget *>(l1)}})
        QCOMPARE(child<QLabel>(QLatin1String(label))->buddy(), spin);
    QCOMPARE(child<QSpinBox>(QStringLiteral("depthSpin"))->maximum(), core::MaxHiddenLayers);

    const auto type = [](QAbstractSpinBox *spin, const QString &text) {
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, text);
        QTest::keyClick(spin, Qt::Key_Enter);
    };
    type(gain, QStringLiteral("0.8"));
    type(decay, QStringLiteral("0.002"));
    type(l1, QStringLiteral("5e-5"));
    const core::TrainingConfig &c = m_tab->model().config();
    QCOMPARE(c.network.initGain, 0.8);
    QCOMPARE(c.weightDecay, 0.002);
    QCOMPARE(c.l1, 5e-5);
    // The race is every lane's base: a change is a new race from step 0, as any setting's.
    QVERIFY(QTest::qWaitFor(
            [&] {
                const core::TrainingConfig &running = m_tab->controller().config();
                return running.network.initGain == 0.8 && running.weightDecay == 0.002
                        && running.l1 == 5e-5;
            },
            TimeoutMs));
    QVERIFY(QTest::qWaitFor([&] { return m_tab->shownRun() >= 2 && m_tab->shownStep() == 0; },
                            TimeoutMs));
    // Editing them leaves the scenario; a scenario sets them back to its own.
    choosePreset(QStringLiteral("High learning rate"));
    QCOMPARE(gain->value(), 1.0);
    QCOMPARE(decay->value(), 0.0);
    QCOMPARE(l1->value(), 0.0);
    type(decay, QStringLiteral("0.01"));
    QCOMPARE(child<QComboBox>(QStringLiteral("presetCombo"))->currentIndex(), 0);
}

QTEST_MAIN(TestRaceTab)
#include "tst_racetab.moc"
