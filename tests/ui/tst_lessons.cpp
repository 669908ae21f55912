// The built-in lessons: each loads through the preset loader, sets exactly its preset's
// parameters, shows its text; and the lessons that make a claim about training show it.

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>

#include <qcustomplot.h>

#include <memory>

#include "app/labmodel.h"
#include "app/preset.h"
#include "common/timeouts.h"
#include "ui/gradientflowtab.h"
#include "ui/labtab.h"
#include "ui/lessons.h"
#include "ui/mainwindow.h"

using relulab::ui::Lessons;
using relulab::ui::MainWindow;

class TestLessons : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void eachLessonSetsItsPresetAndShowsItsText_data();
    void eachLessonSetsItsPresetAndShowsItsText();
    void menuAndButtonsOpenLessons();
    void dyingReluLessonKillsMostUnits();
    void bornDeadLessonIsDeadAtStepZero();
    void vanishingGradientsLessonQuotesWhatTheAppMeasures();
    void sparsityLessonQuotesWhatTheAppMeasures();

private:
    // Opens a lesson and waits until the lab shows the run it configured.
    bool openAndWaitForRun(int index);
    // Trains the lab as fast as possible until it shows at least `steps`, then pauses.
    bool trainTo(quint64 steps);
    // Runs the lab to exactly `step` (TrainingController::runTo) and waits for the gradient-flow
    // tab to show it, the comparison network included.
    bool runFlowTo(quint64 step);
    // The dead counts per layer of the last snapshot shown.
    QList<int> deadCounts() const;

    std::unique_ptr<MainWindow> m_window;
};

void TestLessons::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestLessons::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1360, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestLessons::cleanup()
{
    m_window.reset();
}

bool TestLessons::openAndWaitForRun(int index)
{
    // A hidden lab builds no run (the window opens on the explorer): the lesson shows the lab,
    // which then builds the lesson's run. Waiting for the worker to be idle with the lab's own
    // configuration makes sure the run shown is the lesson's, not one of the way there.
    relulab::ui::LabTab &lab = m_window->lab();
    const quint64 before = lab.shownRun();
    if (!m_window->lessons().open(index).isEmpty())
        return false;
    return QTest::qWaitFor(
            [&] {
                return lab.shownRun() > before && lab.controller().isIdle()
                        && lab.controller().config() == lab.model().config();
            },
            relulab::test::StateTimeoutMs);
}

bool TestLessons::trainTo(quint64 steps)
{
    relulab::ui::LabTab &lab = m_window->lab();
    relulab::app::TrainingController &controller = lab.controller();
    controller.setStepsPerFrame(relulab::app::TrainingController::AsFastAsPossible);
    if (!QTest::qWaitFor([&] { return lab.shownRun() > 0; }, relulab::test::StateTimeoutMs))
        return false;
    controller.play();
    const bool reached =
            QTest::qWaitFor([&] { return lab.shownStep() >= steps; }, relulab::test::StateTimeoutMs);
    controller.pause();
    return reached
            && QTest::qWaitFor([&] { return !controller.isRunning(); }, relulab::test::StateTimeoutMs);
}

QList<int> TestLessons::deadCounts() const
{
    QList<int> counts;
    for (int layer = 0;; ++layer) {
        QCPGraph *graph = m_window->lab().deadGraph(layer);
        if (!graph || !graph->visible() || graph->dataCount() == 0)
            break;
        counts.append(static_cast<int>((graph->data()->constEnd() - 1)->value));
    }
    return counts;
}

void TestLessons::eachLessonSetsItsPresetAndShowsItsText_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < Lessons::count(); ++i)
        QTest::addRow("lesson %d", i + 1) << i;
}

void TestLessons::eachLessonSetsItsPresetAndShowsItsText()
{
    QFETCH(int, index);
    QCOMPARE(Lessons::count(), 8);
    const relulab::app::PresetResult file = relulab::app::loadPreset(Lessons::presetPath(index));
    if (const auto *error = std::get_if<relulab::app::PresetError>(&file))
        QFAIL(qPrintable(error->message));
    const relulab::app::LoadedPreset &loaded = std::get<relulab::app::LoadedPreset>(file);
    QVERIFY(loaded.warnings.isEmpty());
    const relulab::app::Preset &preset = loaded.preset;

    Lessons &lessons = m_window->lessons();
    QCOMPARE(lessons.open(index), QString());
    QCOMPARE(lessons.current(), index);
    const relulab::app::Preset shown = relulab::app::capture(m_window->presetModels(), preset.tab);
    QCOMPARE(shown.explorer, preset.explorer);
    QCOMPARE(shown.lab, preset.lab);
    QCOMPARE(m_window->currentTab(), MainWindow::tabFor(preset.tab));
    QVERIFY(lessons.dock()->isVisible());
    const QString text = lessons.browser()->toPlainText();
    QVERIFY2(text.contains(Lessons::title(index)), qPrintable(text.left(200)));
    QVERIFY(text.contains(QStringLiteral("Try")));
    QVERIFY(text.contains(QStringLiteral("Notice")));
    QVERIFY(text.size() > 600);
    // A lesson is not a file the user opened: File > Save must not write into the resources.
    QVERIFY(m_window->currentPresetPath().isEmpty());
}

void TestLessons::menuAndButtonsOpenLessons()
{
    QMenu *menu = m_window->lessons().menu();
    QCOMPARE(menu->actions().size(), Lessons::count());
    for (QAction *action : menu->actions())
        QVERIFY(!action->toolTip().isEmpty());
    menu->actions().at(1)->trigger();
    QCOMPARE(m_window->lessons().current(), 1);
    QCOMPARE(m_window->lab().model().learningRate(), 5.0);
    auto *next = m_window->findChild<QPushButton *>(QStringLiteral("nextLessonButton"));
    auto *previous = m_window->findChild<QPushButton *>(QStringLiteral("previousLessonButton"));
    QVERIFY(next && previous);
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(m_window->lessons().current(), 2);
    QCOMPARE(m_window->lab().model().activation(), relulab::core::Activation::LeakyRelu);
    QTest::mouseClick(previous, Qt::LeftButton);
    QTest::mouseClick(previous, Qt::LeftButton);
    QCOMPARE(m_window->lessons().current(), 0);
    QVERIFY(!previous->isEnabled());
    QCOMPARE(m_window->currentTab(), MainWindow::Tab::Explorer);
}

void TestLessons::dyingReluLessonKillsMostUnits()
{
    QVERIFY(openAndWaitForRun(1));
    QVERIFY(trainTo(100));
    // Measured with relulab-cli train --lr 5: 1, 28 and 32 of 32 units dead from step 25 on.
    const QList<int> dead = deadCounts();
    QCOMPARE(dead, (QList<int> {1, 28, 32}));
}

void TestLessons::bornDeadLessonIsDeadAtStepZero()
{
    QVERIFY(openAndWaitForRun(5));
    QCOMPARE(m_window->lab().shownStep(), quint64 {0});
    // Eight layers of two units, He normal from seed 1: layers 5 to 8 are zero for every input.
    QCOMPARE(deadCounts(), (QList<int> {0, 0, 0, 1, 2, 2, 2, 2}));
}

bool TestLessons::runFlowTo(quint64 step)
{
    relulab::ui::GradientFlowTab &flow = m_window->gradientFlow();
    relulab::app::TrainingController &controller = m_window->lab().controller();
    controller.setStepsPerFrame(relulab::app::TrainingController::AsFastAsPossible);
    controller.runTo(step);
    return QTest::qWaitFor(
            [&] {
                return !controller.isRunning() && controller.isIdle() && flow.shownStep() == step
                        && flow.comparisonStep() == step;
            },
            relulab::test::StateTimeoutMs);
}

namespace {

// A number as the lessons write it: two significant digits ("1.1e-10", "0.044").
QString twoDigits(double value)
{
    return QString::number(value, 'g', 2);
}

QString percent(double share)
{
    return QString::number(100.0 * share, 'f', 1) + QStringLiteral(" %");
}

std::vector<double> gradientNorms(const relulab::core::Measurement &m)
{
    std::vector<double> norms;
    for (const relulab::core::LayerMeasurement &layer : m.layers)
        norms.push_back(layer.gradientNorm);
    return norms;
}

} // namespace

// Lesson 7's numbers, each read off the gradient-flow tab (its profiles, table and summary) or,
// for the variations it suggests, measured by the core on the lesson's configuration.
void TestLessons::vanishingGradientsLessonQuotesWhatTheAppMeasures()
{
    namespace core = relulab::core;
    QVERIFY(openAndWaitForRun(6));
    relulab::ui::GradientFlowTab &flow = m_window->gradientFlow();
    QCOMPARE(m_window->currentTab(), MainWindow::Tab::GradientFlow);
    QCOMPARE(flow.comparison(), std::optional(core::Activation::Relu));
    QVERIFY(runFlowTo(0));
    const QString text = Lessons::html(6);
    const auto quoted = [&](const QString &number) {
        return text.contains(number) ? QByteArray() : "the lesson does not say " + number.toUtf8();
    };

    QCPGraph *sigmoid = flow.profileGraph(false);
    QCPGraph *relu = flow.profileGraph(true);
    QCOMPARE(sigmoid->dataCount(), 20);
    const double first = sigmoid->data()->at(0)->value;
    const double last = sigmoid->data()->at(19)->value;
    for (const QString &number : {twoDigits(first / last), twoDigits(first), twoDigits(last),
                                  QString::number(std::pow(first / last, -1.0 / 19.0), 'f', 1),
                                  twoDigits(relu->data()->at(0)->value / relu->data()->at(19)->value)}) {
        const QByteArray problem = quoted(number);
        QVERIFY2(problem.isEmpty(), problem);
    }
    double low = relu->data()->at(0)->value;
    double high = low;
    double mostBlocked = 0.0;
    for (int l = 0; l < 20; ++l) {
        low = std::min(low, relu->data()->at(l)->value);
        high = std::max(high, relu->data()->at(l)->value);
        mostBlocked = std::max(mostBlocked, QString(flow.tableText(l, 2)).remove(QStringLiteral(" %")).toDouble());
    }
    // "at most 0.2 % for any sigmoid layer"
    QVERIFY2(quoted(QStringLiteral("at most %1 %").arg(mostBlocked, 0, 'f', 1)).isEmpty(),
             qPrintable(QString::number(mostBlocked)));
    QVERIFY2(quoted(twoDigits(low)).isEmpty() && quoted(twoDigits(high)).isEmpty(),
             qPrintable(twoDigits(low) + " " + twoDigits(high)));

    // The numbers of later steps take minutes of training in a sanitised build, which checks
    // memory and undefined behaviour, not numbers: the steps above have exercised the same code.
    if (relulab::test::Sanitized)
        return;
    // Step 500: ReLU's accuracy, sigmoid's loss and accuracy and its largest gradient.
    QVERIFY(runFlowTo(500));
    core::TrainingConfig config = m_window->lab().model().config();
    core::MeasureOptions options;
    options.layerStatistics = true;
    auto sigmoidRun = core::makeTrainer(config);
    sigmoidRun->train(500);
    const core::Measurement s500 = sigmoidRun->measure(options);
    QCOMPARE(flow.profileGraph(false)->data()->at(0)->value, s500.layers[0].gradientNorm);
    const std::vector<double> norms = gradientNorms(s500);
    for (const QString &number :
         {QString::number(s500.loss, 'f', 3), percent(s500.trainAccuracy),
          twoDigits(*std::max_element(norms.begin(), norms.end()))}) {
        const QByteArray problem = quoted(number);
        QVERIFY2(problem.isEmpty(), problem);
    }
    config.network.activation = core::Activation::Relu;
    auto reluRun = core::makeTrainer(config);
    reluRun->train(500);
    const core::Measurement r500 = reluRun->measure(options);
    QCOMPARE(flow.profileGraph(true)->data()->at(0)->value, r500.layers[0].gradientNorm);
    QVERIFY2(quoted(percent(r500.trainAccuracy)).isEmpty(), qPrintable(percent(r500.trainAccuracy)));
    QVERIFY(flow.summaryText().contains(QLocale().toString(s500.loss, 'f', 3)));

    // The variations the lesson suggests, at step 0: tanh at depth 20, sigmoid at depth 5.
    config.network.activation = core::Activation::Tanh;
    const std::vector<double> tanh = gradientNorms(core::makeTrainer(config)->measure(options));
    QVERIFY2(quoted(twoDigits(tanh.front() / tanh.back())).isEmpty(), qPrintable(twoDigits(tanh.front() / tanh.back())));
    config.network.activation = core::Activation::Sigmoid;
    config.network.hidden.assign(5, 32);
    const std::vector<double> shallow = gradientNorms(core::makeTrainer(config)->measure(options));
    QVERIFY2(quoted(twoDigits(shallow.front() / shallow.back())).isEmpty(),
             qPrintable(twoDigits(shallow.front() / shallow.back())));
}

// Lesson 8's numbers: the lesson's run to step 2,000 as the tabs show it, and its variations
// (no L1, tanh, weight decay instead) measured by the core on the same configuration.
void TestLessons::sparsityLessonQuotesWhatTheAppMeasures()
{
    namespace core = relulab::core;
    QVERIFY(openAndWaitForRun(7));
    relulab::ui::GradientFlowTab &flow = m_window->gradientFlow();
    QCOMPARE(flow.comparison(), std::optional(core::Activation::Tanh));
    QCOMPARE(m_window->lab().model().l1(), 0.001);
    // A sanitised build (memory and undefined behaviour, not numbers) trains a few steps only.
    if (relulab::test::Sanitized) {
        QVERIFY(runFlowTo(20));
        QVERIFY(!flow.tableText(0, 1).isEmpty());
        return;
    }
    QVERIFY(runFlowTo(2000));
    const QString text = Lessons::html(7);
    const auto quoted = [&](const QString &number) {
        return text.contains(number) ? QByteArray() : "the lesson does not say " + number.toUtf8();
    };
    const QString zeros = flow.tableText(0, 1);
    QCOMPARE(zeros, QLocale().toString(QString(zeros).remove(QStringLiteral(" %")).toDouble(), 'f', 1)
                            + QStringLiteral(" %"));
    QVERIFY2(quoted(zeros).isEmpty(), qPrintable(zeros));
    const QList<int> dead = deadCounts();
    QCOMPARE(dead.size(), 3);
    QVERIFY2(quoted(QStringLiteral("(%1, %2 and %3").arg(dead[0]).arg(dead[1]).arg(dead[2])).isEmpty(),
             qPrintable(QStringLiteral("%1 %2 %3").arg(dead[0]).arg(dead[1]).arg(dead[2])));

    core::TrainingConfig config = m_window->lab().model().config();
    core::MeasureOptions options;
    options.layerStatistics = true;
    const auto run = [&](const core::TrainingConfig &c) {
        auto trainer = core::makeTrainer(c);
        trainer->train(2000);
        return trainer->measure(options);
    };
    const core::Measurement withL1 = run(config);
    QCOMPARE(percent(withL1.layers[0].zeroShare), zeros);
    QVERIFY2(quoted(percent(withL1.trainAccuracy)).isEmpty(), qPrintable(percent(withL1.trainAccuracy)));

    config.l1 = 0.0;
    const core::Measurement plain = run(config);
    for (const QString &number :
         {percent(plain.layers[0].zeroShare), percent(plain.trainAccuracy),
          QStringLiteral("(%1, %2 and %3)").arg(plain.layers[0].dead).arg(plain.layers[1].dead).arg(plain.layers[2].dead)}) {
        QVERIFY2(quoted(number).isEmpty(), quoted(number));
    }
    config.weightDecay = 0.003;
    const core::Measurement decayed = run(config);
    QVERIFY2(quoted(QStringLiteral("only %1 units end dead (%2, %3 and %4)")
                            .arg(decayed.totalDead())
                            .arg(decayed.layers[0].dead)
                            .arg(decayed.layers[1].dead)
                            .arg(decayed.layers[2].dead))
                     .isEmpty(),
             "weight decay 0.003");
    config.weightDecay = 0.0;
    config.l1 = 0.001;
    config.network.activation = core::Activation::Tanh;
    const core::Measurement tanh = run(config);
    for (const core::LayerMeasurement &layer : tanh.layers)
        QCOMPARE(layer.zeroShare, 0.0);
    QVERIFY(quoted(QStringLiteral("0.0 % zeros in every layer")).isEmpty());
}

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
