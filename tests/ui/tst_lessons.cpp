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

private:
    // Opens a lesson and waits until the lab shows the run it configured.
    bool openAndWaitForRun(int index);
    // Trains the lab as fast as possible until it shows at least `steps`, then pauses.
    bool trainTo(quint64 steps);
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
    QCOMPARE(Lessons::count(), 6);
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
    QCOMPARE(m_window->currentTab(),
             preset.tab == relulab::app::PresetTab::Lab ? MainWindow::Tab::Lab
                                                        : MainWindow::Tab::Explorer);
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

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
