// BornDeadController with its real worker thread: cells arrive in grid order with exactly the
// numbers runBornDead computes, progress reaches 1, cancel stops within 100 ms, a second start
// supersedes the first (none of the first run's cells is shown after it), destruction while
// running is prompt.
//
// Only the GUI-thread controller is observed (slots, QSignalSpy); the worker's cells arrive by
// queued signals, so every wait spins the event loop.

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "common/timeouts.h"
#include "app/borndeadcontroller.h"
#include "core/borndead.h"

using relulab::app::BornDeadController;
namespace core = relulab::core;

namespace {

using relulab::test::Sanitized;

constexpr int TimeoutMs = 60'000;
// The bound; a sanitised build is many times slower per layer.
constexpr qint64 CancelBoundMs = Sanitized ? 1000 : 100;

// A small grid that runs in well under a second.
core::BornDeadConfig smallConfig()
{
    core::BornDeadConfig config;
    config.widths = {2, 3};
    config.depths = {2, 5, 10};
    config.networks = 400;
    config.inputs = 200;
    config.seed = 7;
    return config;
}

// A grid that runs for minutes: wide, deep, many networks, and normal biases (so that no input
// is dropped early).
core::BornDeadConfig longConfig()
{
    core::BornDeadConfig config;
    config.widths = {64, 128};
    config.depths = {200, 300};
    config.networks = 1'000'000;
    config.inputs = 2000;
    config.bias = core::BornDeadBias::Normal;
    config.seed = 3;
    return config;
}

// Many tiny cells: the worker emits them in a stream, faster than a GUI would take them.
core::BornDeadConfig manyCellsConfig()
{
    core::BornDeadConfig config;
    config.widths.clear();
    config.depths.clear();
    for (int w = 1; w <= 100; ++w)
        config.widths.push_back(w);
    for (int d = 1; d <= 100; ++d)
        config.depths.push_back(d);
    config.networks = 20;
    config.inputs = 0;
    return config;
}

// Counts the cells the worker computes from now on, before any queue.
struct WorkerCells
{
    const BornDeadController &controller;
    quint64 before = controller.computedCellCount();
    quint64 load() const { return controller.computedCellCount() - before; }
};

std::unique_ptr<WorkerCells> countWorkerCells(const BornDeadController &controller)
{
    return std::make_unique<WorkerCells>(WorkerCells {controller});
}

struct Seen
{
    quint64 run;
    int series;
    core::BornDeadCell cell;
    qsizetype done;
    qsizetype total;
};

// Records every cell the controller shows, on the GUI thread.
class Recorder : public QObject
{
public:
    explicit Recorder(BornDeadController &controller)
    {
        connect(&controller, &BornDeadController::cellReady, this,
                [this](quint64 run, int series, const core::BornDeadCell &cell, qsizetype done,
                       qsizetype total) {
                    cells.push_back({run, series, cell, done, total});
                });
        connect(&controller, &BornDeadController::progressChanged, this,
                [this](double fraction) { progress.push_back(fraction); });
    }
    std::vector<Seen> cells;
    std::vector<double> progress;
};

void compareCells(const core::BornDeadCell &shown, const core::BornDeadCell &expected)
{
    QCOMPARE(shown.width, expected.width);
    QCOMPARE(shown.depth, expected.depth);
    QCOMPARE(shown.networks, expected.networks);
    QCOMPARE(shown.bornDead, expected.bornDead);
    QCOMPARE(shown.deadAtInput, expected.deadAtInput);
    // The same arithmetic on the same counts: equal to the last bit.
    QCOMPARE(shown.p, expected.p);
    QCOMPARE(shown.interval.low, expected.interval.low);
    QCOMPARE(shown.interval.high, expected.interval.high);
    QCOMPARE(shown.deadAtInputFraction, expected.deadAtInputFraction);
    QCOMPARE(shown.oracle, expected.oracle);
}

} // namespace

class TestBornDeadController : public QObject
{
    Q_OBJECT

private slots:
    void cellsArriveInOrderWithTheCoreNumbers();
    void seriesFollowOneAnotherInOneRun();
    void resultsDoNotDependOnTheThreadCount();
    void invalidConfigurationsDoNotStart();
    void cancelStopsWithin100Ms();
    void secondStartSupersedesTheFirst();
    void queuedCellsOfASupersededRunAreDropped();
    void queuedCellsOfACancelledRunAreDropped();
    void destructionWhileRunningIsPrompt();
};

void TestBornDeadController::cellsArriveInOrderWithTheCoreNumbers()
{
    const core::BornDeadConfig config = smallConfig();
    const core::BornDeadResult expected = core::runBornDead(config);
    QCOMPARE(expected.cells.size(), std::size_t(6));

    BornDeadController controller;
    Recorder recorder(controller);
    QSignalSpy finished(&controller, &BornDeadController::finished);
    const quint64 run = controller.start(config);
    QCOMPARE(run, quint64(1));
    QVERIFY(controller.isRunning());
    QVERIFY(finished.wait(TimeoutMs));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toULongLong(), run);
    QCOMPARE(finished.at(0).at(1).toBool(), false);
    QVERIFY(finished.at(0).at(2).toDouble() > 0.0);
    QVERIFY(!controller.isRunning());

    QCOMPARE(recorder.cells.size(), expected.cells.size());
    for (std::size_t i = 0; i < expected.cells.size(); ++i) {
        const Seen &seen = recorder.cells[i];
        QCOMPARE(seen.run, run);
        QCOMPARE(seen.series, 0);
        QCOMPARE(seen.done, qsizetype(i + 1));
        QCOMPARE(seen.total, qsizetype(6));
        compareCells(seen.cell, expected.cells[i]);
    }
    // Progress: from 0 at the start, up by cells, to exactly 1.
    QVERIFY(!recorder.progress.empty());
    QCOMPARE(recorder.progress.front(), 0.0);
    QCOMPARE(recorder.progress.back(), 1.0);
    for (std::size_t i = 1; i < recorder.progress.size(); ++i)
        QVERIFY(recorder.progress[i] > recorder.progress[i - 1]);
    QCOMPARE(controller.progress(), 1.0);
    QCOMPARE(controller.cellsDone(), std::size_t(6));
}

void TestBornDeadController::seriesFollowOneAnotherInOneRun()
{
    core::BornDeadConfig he = smallConfig();
    core::BornDeadConfig rai = he;
    rai.init = core::BornDeadInit::RandomizedAsymmetric;
    const core::BornDeadResult expectedHe = core::runBornDead(he);
    const core::BornDeadResult expectedRai = core::runBornDead(rai);

    BornDeadController controller;
    Recorder recorder(controller);
    QSignalSpy finished(&controller, &BornDeadController::finished);
    QVERIFY(controller.start({he, rai}) > 0);
    QVERIFY(finished.wait(TimeoutMs));
    QCOMPARE(recorder.cells.size(), std::size_t(12));
    for (std::size_t i = 0; i < 12; ++i) {
        const Seen &seen = recorder.cells[i];
        QCOMPARE(seen.series, i < 6 ? 0 : 1);
        QCOMPARE(seen.done, qsizetype(i + 1));
        QCOMPARE(seen.total, qsizetype(12));
        compareCells(seen.cell, i < 6 ? expectedHe.cells[i] : expectedRai.cells[i - 6]);
    }
    // RAI keeps narrow deep networks alive far more often than He (Lu et al. 2019): width 2,
    // depth 10.
    QVERIFY(recorder.cells[8].cell.p < recorder.cells[2].cell.p);
    QCOMPARE(recorder.progress.back(), 1.0);
}

void TestBornDeadController::resultsDoNotDependOnTheThreadCount()
{
    const core::BornDeadConfig config = smallConfig();
    std::vector<std::vector<Seen>> runs;
    for (int threads : {1, 2}) {
        BornDeadController controller;
        controller.setThreads(threads);
        Recorder recorder(controller);
        QSignalSpy finished(&controller, &BornDeadController::finished);
        QVERIFY(controller.start(config) > 0);
        QVERIFY(finished.wait(TimeoutMs));
        runs.push_back(recorder.cells);
    }
    QCOMPARE(runs[0].size(), runs[1].size());
    for (std::size_t i = 0; i < runs[0].size(); ++i)
        compareCells(runs[1][i].cell, runs[0][i].cell);
}

void TestBornDeadController::invalidConfigurationsDoNotStart()
{
    BornDeadController controller;
    QSignalSpy running(&controller, &BornDeadController::runningChanged);
    core::BornDeadConfig empty = smallConfig();
    empty.widths.clear();
    QCOMPARE(controller.start(empty), quint64(0));
    core::BornDeadConfig tooWide = smallConfig();
    tooWide.widths = {2, core::BornDeadMaxWidth + 1};
    QCOMPARE(controller.start({smallConfig(), tooWide}), quint64(0));
    QCOMPARE(controller.start(std::vector<core::BornDeadConfig> {}), quint64(0));
    QVERIFY(!controller.isRunning());
    QCOMPARE(running.count(), 0);
    QCOMPARE(controller.currentRun(), quint64(0));
}

void TestBornDeadController::cancelStopsWithin100Ms()
{
    BornDeadController controller;
    Recorder recorder(controller);
    QSignalSpy finished(&controller, &BornDeadController::finished);
    const quint64 run = controller.start(longConfig());
    QVERIFY(run > 0);
    // Well into the computation: the worker has taken the job and its team is busy.
    QTRY_COMPARE_WITH_TIMEOUT(controller.computingRun(), run, TimeoutMs);
    QTest::qWait(200);
    QVERIFY(controller.isRunning());
    QVERIFY(recorder.cells.empty()); // a cell of this grid takes minutes
    QElapsedTimer clock;
    clock.start();
    controller.cancel();
    QVERIFY(!controller.isRunning());
    QVERIFY(finished.wait(TimeoutMs));
    const qint64 tookMs = clock.elapsed();
    qInfo("cancel to finished: %lld ms", static_cast<long long>(tookMs));
    QVERIFY2(tookMs <= CancelBoundMs, qPrintable(QStringLiteral("%1 ms").arg(tookMs)));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toULongLong(), run);
    QCOMPARE(finished.at(0).at(1).toBool(), true);
    QVERIFY(recorder.cells.empty());
    QTRY_COMPARE_WITH_TIMEOUT(controller.computingRun(), quint64(0), TimeoutMs);
    // The worker is free again: a small run right after completes in full.
    QVERIFY(controller.start(smallConfig()) > 0);
    QVERIFY(finished.wait(TimeoutMs));
    QCOMPARE(finished.at(1).at(1).toBool(), false);
    QCOMPARE(recorder.cells.size(), std::size_t(6));
}

void TestBornDeadController::secondStartSupersedesTheFirst()
{
    BornDeadController controller;
    Recorder recorder(controller);
    QSignalSpy finished(&controller, &BornDeadController::finished);
    const quint64 first = controller.start(longConfig());
    QTRY_COMPARE_WITH_TIMEOUT(controller.computingRun(), first, TimeoutMs);
    QTest::qWait(100);
    const core::BornDeadConfig config = smallConfig();
    QElapsedTimer clock;
    clock.start();
    const quint64 second = controller.start(config);
    QCOMPARE(second, first + 1);
    QCOMPARE(controller.currentRun(), second);
    QVERIFY(finished.wait(TimeoutMs));
    qInfo("second run finished %lld ms after it superseded the first",
          static_cast<long long>(clock.elapsed()));
    // Only the second run ends, completely; nothing of the first is shown.
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toULongLong(), second);
    QCOMPARE(finished.at(0).at(1).toBool(), false);
    const core::BornDeadResult expected = core::runBornDead(config);
    QCOMPARE(recorder.cells.size(), expected.cells.size());
    for (std::size_t i = 0; i < expected.cells.size(); ++i) {
        QCOMPARE(recorder.cells[i].run, second);
        compareCells(recorder.cells[i].cell, expected.cells[i]);
    }
    // And nothing of the first arrives later either.
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(recorder.cells.size(), expected.cells.size());
}

void TestBornDeadController::queuedCellsOfASupersededRunAreDropped()
{
    BornDeadController controller;
    Recorder recorder(controller);
    const auto emitted = countWorkerCells(controller);
    QSignalSpy finished(&controller, &BornDeadController::finished);
    const quint64 first = controller.start(manyCellsConfig());
    // The GUI thread is busy (no event loop): the first run's cells pile up in its queue.
    QElapsedTimer clock;
    clock.start();
    while (emitted->load() < 20 && clock.elapsed() < TimeoutMs)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    QVERIFY(emitted->load() >= 20);
    const core::BornDeadConfig config = smallConfig();
    const quint64 second = controller.start(config);
    QVERIFY(finished.wait(TimeoutMs));
    QCOMPARE(finished.at(0).at(0).toULongLong(), second);
    // None of the first run's queued cells was shown: only the second run's, all of them.
    QCOMPARE(recorder.cells.size(), std::size_t(6));
    for (const Seen &seen : recorder.cells)
        QCOMPARE(seen.run, second);
    QVERIFY(first != second);
}

void TestBornDeadController::queuedCellsOfACancelledRunAreDropped()
{
    BornDeadController controller;
    Recorder recorder(controller);
    const auto emitted = countWorkerCells(controller);
    QSignalSpy finished(&controller, &BornDeadController::finished);
    const quint64 run = controller.start(manyCellsConfig());
    QElapsedTimer clock;
    clock.start();
    while (emitted->load() < 20 && clock.elapsed() < TimeoutMs)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    QVERIFY(emitted->load() >= 20);
    controller.cancel();
    QVERIFY(finished.wait(TimeoutMs));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toULongLong(), run);
    QCOMPARE(finished.at(0).at(1).toBool(), true);
    QVERIFY(recorder.cells.empty());
}

void TestBornDeadController::destructionWhileRunningIsPrompt()
{
    auto controller = std::make_unique<BornDeadController>();
    Recorder recorder(*controller);
    const quint64 run = controller->start(longConfig());
    QTRY_COMPARE_WITH_TIMEOUT(controller->computingRun(), run, TimeoutMs);
    QTest::qWait(200);
    QElapsedTimer clock;
    clock.start();
    controller.reset();
    const qint64 tookMs = clock.elapsed();
    qInfo("destroyed while running in %lld ms", static_cast<long long>(tookMs));
    QVERIFY2(tookMs <= CancelBoundMs, qPrintable(QStringLiteral("%1 ms").arg(tookMs)));
    // Queued notifications of the destroyed controller are dropped with it.
    QTest::qWait(50);
    QVERIFY(recorder.cells.empty());
}

QTEST_GUILESS_MAIN(TestBornDeadController)
#include "tst_borndeadcontroller.moc"
