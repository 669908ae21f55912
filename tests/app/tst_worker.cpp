// The one worker component every background job of the app is built on: latest-wins mailbox,
// one-slot outbox with notify-once, idle state, commands that interrupt long turns, stop, and the
// frame pacer's chunk sizes and speed average. Jobs here are tiny lambdas with gates, so every
// check waits on a state the test controls, never on a quiet period.

#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <vector>

#include "app/worker.h"
#include "core/parallel.h"

#ifdef __linux__
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using relulab::app::FramePacer;
using relulab::app::Worker;
using relulab::app::WorkerClock;
using relulab::app::WorkerNiceness;
using relulab::app::workerThreadCount;
using relulab::app::yieldCoresToGui;
namespace core = relulab::core;

namespace {

constexpr int TimeoutMs = 60'000;

// The mailbox of the test jobs: the latest request (a number), and a switch that keeps the worker
// busy until the test opens it.
struct Mail
{
    std::optional<int> request;
};

using IntWorker = Worker<Mail, int, int>;

bool waitFor(const std::function<bool()> &condition)
{
    return QTest::qWaitFor(condition, TimeoutMs);
}

} // namespace

class TestWorker : public QObject
{
    Q_OBJECT

private slots:
    void neverStartedIsIdle();
    void latestRequestWins();
    void outboxNotifiesOnceUntilTaken();
    void idleOnlyWhenNothingIsLeft();
    void postInterruptsALongTurn();
    void keepIsNoCommand();
    void stopEndsARunningTurn();
    void postReturnsTheChangesResult();
    void reportsInFlightAreNotIdle();
    void stopWithAChangeAppliesItFirst();
    void pacerChunksFollowTheStepTime();
    void pacerTrainsAsLongAsAPictureTakes();
    void pacerAveragesTheSpeedOverFrames();
    void pacerStartsAChunkOnlyIfItEndsNearerTheFrameEnd();
    void pacerDoesNotSizeChunksByAReusedStep();
    void aWorkerThreadYieldsToTheGuiOnly();
};

void TestWorker::neverStartedIsIdle()
{
    IntWorker worker;
    QVERIFY(!worker.isStarted());
    QVERIFY(worker.isIdle());
    worker.stop(); // nothing to join
    QVERIFY(!worker.isStarted());
}

void TestWorker::latestRequestWins()
{
    // The first turn blocks on a gate; every request posted meanwhile replaces the one before, so
    // the worker runs exactly two turns: the first request and the last.
    std::atomic<bool> gateOpen {false};
    std::atomic<bool> inFirstTurn {false};
    std::vector<int> taken; // worker thread only until the worker is idle
    IntWorker worker;
    worker.start({.onStart = {},
                  .ready = [](const Mail &mail) { return mail.request.has_value(); },
                  .take = [](Mail &mail) { return *std::exchange(mail.request, std::nullopt); },
                  .run =
                          [&](int &request) {
                              taken.push_back(request);
                              if (taken.size() == 1) {
                                  inFirstTurn = true;
                                  while (!gateOpen)
                                      std::this_thread::sleep_for(std::chrono::microseconds(100));
                              }
                          },
                  .notify = {}});
    worker.post([](Mail &mail) { mail.request = 0; });
    QVERIFY(waitFor([&] { return inFirstTurn.load(); }));
    for (int request = 1; request <= 1000; ++request)
        worker.post([request](Mail &mail) { mail.request = request; });
    QVERIFY(!worker.isIdle());
    QCOMPARE(worker.inspect([](const Mail &mail) { return mail.request.value_or(-1); }), 1000);
    gateOpen = true;
    QVERIFY(waitFor([&] { return worker.isIdle(); }));
    QCOMPARE(taken, (std::vector<int> {0, 1000}));
}

void TestWorker::outboxNotifiesOnceUntilTaken()
{
    std::atomic<int> notified {0};
    std::atomic<int> turns {0};
    IntWorker worker;
    worker.start({.onStart = {},
                  .ready = [](const Mail &mail) { return mail.request.has_value(); },
                  .take = [](Mail &mail) { return *std::exchange(mail.request, std::nullopt); },
                  .run =
                          [&](int &count) {
                              // Several products in one turn: the GUI has taken none of them.
                              for (int k = 1; k <= count; ++k)
                                  worker.publish(k);
                              ++turns;
                          },
                  .notify = [&] { ++notified; }});
    worker.post([](Mail &mail) { mail.request = 5; });
    QVERIFY(waitFor([&] { return turns.load() == 1; }));
    QCOMPARE(notified.load(), 1);
    QCOMPARE(worker.publishedCount(), quint64(5));
    QVERIFY(!worker.isIdle()); // a product waits in the outbox
    QCOMPARE(worker.takeProduct(), 5); // the newest replaced the others
    QCOMPARE(worker.takeProduct(), 0); // taken: nothing left
    QVERIFY(worker.isIdle());

    // Taken, so the next publish notifies again, once.
    worker.post([](Mail &mail) { mail.request = 3; });
    QVERIFY(waitFor([&] { return turns.load() == 2; }));
    QCOMPARE(notified.load(), 2);
    QCOMPARE(worker.takeProduct(), 3);
    QVERIFY(worker.isIdle());
}

void TestWorker::idleOnlyWhenNothingIsLeft()
{
    std::atomic<bool> gateOpen {false};
    std::atomic<bool> inTurn {false};
    IntWorker worker;
    worker.start({.onStart = {},
                  .ready = [](const Mail &mail) { return mail.request.has_value(); },
                  .take = [](Mail &mail) { return *std::exchange(mail.request, std::nullopt); },
                  .run =
                          [&](int &request) {
                              inTurn = true;
                              while (!gateOpen)
                                  std::this_thread::sleep_for(std::chrono::microseconds(100));
                              worker.publish(request);
                          },
                  .notify = {}});
    // Started and waiting for work: idle.
    QVERIFY(waitFor([&] { return worker.isIdle(); }));
    // Posted: not idle from that moment, before the worker has even woken.
    worker.post([](Mail &mail) { mail.request = 7; });
    QVERIFY(!worker.isIdle());
    QVERIFY(waitFor([&] { return inTurn.load(); }));
    QVERIFY(!worker.isIdle()); // running a turn
    gateOpen = true;
    // The turn ends with a product in the outbox: still not idle until it is taken.
    QVERIFY(waitFor([&] { return worker.publishedCount() == 1; }));
    QTest::qWait(20);
    QVERIFY(!worker.isIdle());
    QCOMPARE(worker.takeProduct(), 7);
    QVERIFY(waitFor([&] { return worker.isIdle(); }));

    // A post that gives the job nothing to do (not ready) still leaves the worker idle once it has
    // looked at it.
    worker.post([](Mail &) {});
    QVERIFY(waitFor([&] { return worker.isIdle(); }));
    QCOMPARE(worker.publishedCount(), quint64(1));
}

void TestWorker::postInterruptsALongTurn()
{
    // A turn that works "forever" in chunks returns as soon as a command is posted, and the next
    // turn takes the command on.
    std::atomic<int> turns {0};
    std::atomic<bool> interrupted {false};
    std::vector<int> taken;
    IntWorker worker;
    worker.start({.onStart = {},
                  .ready = [](const Mail &mail) { return mail.request.has_value(); },
                  .take = [](Mail &mail) { return *std::exchange(mail.request, std::nullopt); },
                  .run =
                          [&](int &request) {
                              taken.push_back(request);
                              ++turns;
                              if (request != 1)
                                  return;
                              while (!worker.commandPending())
                                  std::this_thread::sleep_for(std::chrono::microseconds(100));
                              interrupted = true;
                          },
                  .notify = {}});
    worker.post([](Mail &mail) { mail.request = 1; });
    QVERIFY(waitFor([&] { return turns.load() == 1; }));
    QVERIFY(!interrupted.load());
    worker.post([](Mail &mail) { mail.request = 2; });
    QVERIFY(waitFor([&] { return worker.isIdle(); }));
    QVERIFY(interrupted.load());
    QCOMPARE(taken, (std::vector<int> {1, 2}));
}

void TestWorker::keepIsNoCommand()
{
    // The worker's own bookkeeping in the mail neither wakes it nor ends its frame.
    std::atomic<bool> sawPending {false};
    std::atomic<int> turns {0};
    IntWorker worker;
    worker.start(
            {.onStart = {},
             .ready = [](const Mail &mail) { return mail.request.has_value() && *mail.request > 0; },
             .take = [](Mail &mail) { return *std::exchange(mail.request, std::nullopt); },
             .run =
                     [&](int &) {
                         worker.keep([](Mail &mail) { mail.request = -1; });
                         sawPending = worker.commandPending();
                         ++turns;
                     },
             .notify = {}});
    worker.post([](Mail &mail) { mail.request = 1; });
    QVERIFY(waitFor([&] { return worker.isIdle(); }));
    QCOMPARE(turns.load(), 1);
    QVERIFY(!sawPending.load());
    QCOMPARE(worker.inspect([](const Mail &mail) { return mail.request.value_or(0); }), -1);
}

void TestWorker::stopEndsARunningTurn()
{
    std::atomic<bool> inTurn {false};
    std::atomic<bool> returned {false};
    IntWorker worker;
    worker.start({.onStart = {},
                  .ready = [](const Mail &mail) { return mail.request.has_value(); },
                  .take = [](Mail &mail) { return *std::exchange(mail.request, std::nullopt); },
                  .run =
                          [&](int &) {
                              inTurn = true;
                              while (!worker.commandPending())
                                  std::this_thread::sleep_for(std::chrono::microseconds(100));
                              returned = true;
                          },
                  .notify = {}});
    worker.post([](Mail &mail) { mail.request = 1; });
    QVERIFY(waitFor([&] { return inTurn.load(); }));
    worker.stop();
    QVERIFY(returned.load());
    QVERIFY(!worker.isStarted());
    worker.stop(); // again: nothing to do
    // A stopped worker starts no more.
    worker.start({});
    QVERIFY(!worker.isStarted());
}

void TestWorker::postReturnsTheChangesResult()
{
    IntWorker worker;
    worker.start({.onStart = {},
                  .ready = [](const Mail &) { return false; },
                  .take = [](Mail &) { return 0; },
                  .run = [](int &) {},
                  .notify = {}});
    const bool hadOne = worker.post([](Mail &mail) {
        const bool had = mail.request.has_value();
        mail.request = 4;
        return had;
    });
    QVERIFY(!hadOne);
    QVERIFY(worker.post([](Mail &mail) { return mail.request.has_value(); }));
    QVERIFY(waitFor([&] { return worker.isIdle(); }));
}

void TestWorker::reportsInFlightAreNotIdle()
{
    // Reports reach the GUI thread in order, every one (none replaces another), through the
    // job's notifyReports, which is called once until they are delivered; until then the worker
    // is not idle.
    std::atomic<int> notified {0};
    std::vector<int> delivered; // GUI thread
    IntWorker worker;
    worker.start({.onStart = {},
                  .ready = [](const Mail &mail) { return mail.request.has_value(); },
                  .take = [](Mail &mail) { return *std::exchange(mail.request, std::nullopt); },
                  .run =
                          [&](int &count) {
                              for (int k = 1; k <= count; ++k)
                                  worker.report([&delivered, k] { delivered.push_back(k); });
                          },
                  .notify = {},
                  .notifyReports = [&] { ++notified; }});
    worker.post([](Mail &mail) { mail.request = 3; });
    QVERIFY(waitFor([&] { return notified.load() == 1; }));
    // The turn is over and the worker waits, but its reports have not been delivered.
    QVERIFY(waitFor([&] { return worker.inspect([](const Mail &mail) { return !mail.request; }); }));
    QTest::qWait(20);
    QVERIFY(!worker.isIdle());
    QCOMPARE(notified.load(), 1);
    worker.deliverReports();
    QCOMPARE(delivered, (std::vector<int> {1, 2, 3}));
    QVERIFY(waitFor([&] { return worker.isIdle(); }));
    // Delivered: the next report notifies again.
    worker.post([](Mail &mail) { mail.request = 1; });
    QVERIFY(waitFor([&] { return notified.load() == 2; }));
    worker.deliverReports();
    QCOMPARE(delivered, (std::vector<int> {1, 2, 3, 1}));
    QVERIFY(waitFor([&] { return worker.isIdle(); }));
}

void TestWorker::stopWithAChangeAppliesItFirst()
{
    // The change comes with the stop, under one lock: no turn can take the mail in between.
    std::atomic<bool> inTurn {false};
    std::atomic<int> turns {0};
    IntWorker worker;
    worker.start({.onStart = {},
                  .ready = [](const Mail &mail) { return mail.request.has_value(); },
                  .take = [](Mail &mail) { return *std::exchange(mail.request, std::nullopt); },
                  .run =
                          [&](int &) {
                              ++turns;
                              inTurn = true;
                              while (!worker.commandPending())
                                  std::this_thread::sleep_for(std::chrono::microseconds(100));
                          },
                  .notify = {}});
    worker.post([](Mail &mail) { mail.request = 1; });
    QVERIFY(waitFor([&] { return inTurn.load(); }));
    worker.stop([](Mail &mail) { mail.request = 2; });
    QCOMPARE(turns.load(), 1); // the request of the stop was never taken
    QCOMPARE(worker.inspect([](const Mail &mail) { return mail.request.value_or(0); }), 2);
}

void TestWorker::pacerChunksFollowTheStepTime()
{
    using namespace std::chrono_literals;
    FramePacer pacer;
    QCOMPARE(pacer.chunkSize(), std::uint64_t(1));
    // Quick full chunks (under 0.5 ms) double the next.
    for (const std::uint64_t expected : {2, 4, 8, 16}) {
        pacer.chunkTook(pacer.chunkSize(), 100us);
        QCOMPARE(pacer.chunkSize(), expected);
    }
    // A partial chunk says nothing about the size; one of 0.5 to 2 ms keeps it.
    pacer.chunkTook(3, 10us);
    QCOMPARE(pacer.chunkSize(), std::uint64_t(16));
    pacer.chunkTook(16, 1ms);
    QCOMPARE(pacer.chunkSize(), std::uint64_t(16));
    // Slow chunks (over 2 ms) halve it, down to one step.
    for (const std::uint64_t expected : {8, 4, 2, 1, 1}) {
        pacer.chunkTook(pacer.chunkSize(), 3ms);
        QCOMPARE(pacer.chunkSize(), expected);
    }
    pacer.chunkTook(1, 10us);
    pacer.chunkTook(2, 10us);
    QCOMPARE(pacer.chunkSize(), std::uint64_t(4));
    pacer.resetChunk();
    QCOMPARE(pacer.chunkSize(), std::uint64_t(1));

    // runChunk trains at most the chunk, never past the limit, and counts what was trained.
    std::vector<std::uint64_t> asked;
    const auto train = [&](std::uint64_t n) {
        asked.push_back(n);
        return n;
    };
    pacer.chunkTook(1, 10us);
    pacer.chunkTook(2, 10us);
    pacer.chunkTook(4, 10us); // chunk 8
    QCOMPARE(pacer.runChunk(3, train), std::uint64_t(3));
    QCOMPARE(pacer.runChunk(1'000'000, [](std::uint64_t n) { return n - 1; }), std::uint64_t(7));
    QCOMPARE(asked, (std::vector<std::uint64_t> {3}));
}

void TestWorker::pacerTrainsAsLongAsAPictureTakes()
{
    using namespace std::chrono_literals;
    using Pace = FramePacer::Pace;
    FramePacer pacer;
    const WorkerClock::time_point t0 = WorkerClock::now();
    QVERIFY(pacer.startFrameIfDue(Pace::AsFastAsPossible, t0));
    QCOMPARE(pacer.frameEnd(), t0 + FramePacer::FrameInterval);
    pacer.endFrame(t0 + 16ms);
    // A picture of 5 ms: the next frames train 11 ms, so a frame with its picture is 16 ms.
    pacer.pictureTook(5ms);
    QCOMPARE(pacer.trainingWindow(), WorkerClock::duration(11ms));
    QVERIFY(pacer.startFrameIfDue(Pace::AsFastAsPossible, t0 + 21ms));
    QCOMPARE(pacer.frameEnd(), t0 + 32ms);
    pacer.endFrame(t0 + 32ms);
    // Frames of fixed steps are FrameInterval apart whatever the picture took.
    QVERIFY(pacer.startFrameIfDue(Pace::FixedSteps, t0 + 37ms));
    QCOMPARE(pacer.frameEnd(), t0 + 37ms + FramePacer::FrameInterval);
    pacer.endFrame(t0 + 53ms);
    // Half a frame or more: training keeps as long (a 10 ms picture: 20 ms frames, 50 a second).
    pacer.pictureTook(8ms);
    QCOMPARE(pacer.trainingWindow(), WorkerClock::duration(8ms));
    pacer.pictureTook(10ms);
    QCOMPARE(pacer.trainingWindow(), WorkerClock::duration(10ms));
    // A picture of 90 ms (a sanitizer build's decision grid): the next frame trains 90 ms.
    pacer.pictureTook(90ms);
    QCOMPARE(pacer.trainingWindow(), WorkerClock::duration(90ms));
    QVERIFY(pacer.startFrameIfDue(Pace::AsFastAsPossible, t0 + 127ms));
    QCOMPARE(pacer.frameEnd(), t0 + 217ms);
    QCOMPARE(pacer.nextFrameDue(), t0 + 217ms); // a frame longer than FrameInterval: at its end
    pacer.endFrame(t0 + 217ms);
    // However slow the picture, at most MaxTrainingWindow, so frames still come.
    pacer.pictureTook(10s);
    QCOMPARE(pacer.trainingWindow(), WorkerClock::duration(FramePacer::MaxTrainingWindow));
    // A quick picture again: back to 16 ms frames, the picture's millisecond included.
    pacer.pictureTook(1ms);
    QCOMPARE(pacer.trainingWindow(), WorkerClock::duration(15ms));
    pacer.pictureTook(0ms);
    QCOMPARE(pacer.trainingWindow(), WorkerClock::duration(FramePacer::FrameInterval));
    // Part of a picture that the next step reuses (a comparison network's full-batch gradient)
    // counts as training: a 12 ms picture with 5 ms of it reused trains 4 ms (a 16 ms frame, 9 ms
    // of training against 7 of picture); with 2 ms reused, 8 ms (training 10 against 10).
    pacer.pictureTook(12ms, 5ms);
    QCOMPARE(pacer.trainingWindow(), WorkerClock::duration(4ms));
    pacer.pictureTook(12ms, 2ms);
    QCOMPARE(pacer.trainingWindow(), WorkerClock::duration(8ms));
    // Without it the same picture trains 12 ms; more reused than taken counts as all of it; and
    // every frame trains at least MinTrainingWindow.
    pacer.pictureTook(12ms);
    QCOMPARE(pacer.trainingWindow(), WorkerClock::duration(12ms));
    pacer.pictureTook(12ms, 20ms);
    QCOMPARE(pacer.trainingWindow(), WorkerClock::duration(4ms));
    pacer.pictureTook(30ms, 15ms);
    QCOMPARE(pacer.trainingWindow(), WorkerClock::duration(FramePacer::MinTrainingWindow));
}

void TestWorker::pacerStartsAChunkOnlyIfItEndsNearerTheFrameEnd()
{
    using namespace std::chrono_literals;
    FramePacer pacer;
    const WorkerClock::time_point t0 = WorkerClock::now();
    QVERIFY(pacer.startFrameIfDue(FramePacer::Pace::AsFastAsPossible, t0));
    const WorkerClock::time_point end = pacer.frameEnd(); // t0 + 16 ms
    // The frame's first chunk: whenever the end is ahead, however long it may take.
    QVERIFY(pacer.mayStartChunk(end, 100, t0 + 15ms));
    QVERIFY(!pacer.mayStartChunk(end, 100, end));
    // A first chunk of one 8 ms step: another ends nearer the end than stopping does while it
    // starts before 12 ms (ending at most 4 ms late against 4 ms early).
    QCOMPARE(pacer.runChunk(100, [](std::uint64_t n) { return n; }), std::uint64_t(1));
    pacer.chunkTook(1, 8ms);
    QVERIFY(pacer.mayStartChunk(end, 100, t0 + 11900us));
    QVERIFY(!pacer.mayStartChunk(end, 100, t0 + 12100us));
    // Quick steps (0.1 ms each, in chunks that double to 8 steps): within 0.4 ms of the end; a
    // chunk cut to the steps left is that much shorter.
    for (std::uint64_t size = 1; size < 8; size *= 2)
        pacer.chunkTook(size, std::chrono::microseconds(100 * size));
    QCOMPARE(pacer.chunkSize(), std::uint64_t(8));
    QVERIFY(pacer.mayStartChunk(end, 100, t0 + 15500us));
    QVERIFY(!pacer.mayStartChunk(end, 100, t0 + 15700us));
    QVERIFY(pacer.mayStartChunk(end, 1, t0 + 15900us));
    QVERIFY(!pacer.mayStartChunk(end, 1, t0 + 15960us));
    // The next frame is due FrameInterval after this one started, though it ends sooner.
    QCOMPARE(pacer.nextFrameDue(), t0 + FramePacer::FrameInterval);
}

void TestWorker::pacerDoesNotSizeChunksByAReusedStep()
{
    using namespace std::chrono_literals;
    FramePacer pacer;
    // Steps of 7 ms: one per chunk.
    pacer.chunkTook(1, 7ms);
    QCOMPARE(pacer.chunkSize(), std::uint64_t(1));
    // The step after a picture that measured its gradient takes 0.05 ms: it would double the
    // chunk, and the next chunk would train two whole steps.
    pacer.nextChunkReusesPicture();
    pacer.chunkTook(1, 50us);
    QCOMPARE(pacer.chunkSize(), std::uint64_t(1));
    // Only that one chunk: quick steps after it do double it.
    pacer.chunkTook(1, 50us);
    QCOMPARE(pacer.chunkSize(), std::uint64_t(2));
    // A new run forgets a pending reuse.
    pacer.nextChunkReusesPicture();
    pacer.resetChunk();
    pacer.chunkTook(1, 50us);
    QCOMPARE(pacer.chunkSize(), std::uint64_t(2));
}

void TestWorker::pacerAveragesTheSpeedOverFrames()
{
    using namespace std::chrono_literals;
    FramePacer pacer;
    // `n` steps in as many chunks as the pacer sizes.
    const auto train = [&pacer](std::uint64_t n) {
        for (std::uint64_t done = 0; done < n;)
            done += pacer.runChunk(n - done, [](std::uint64_t k) { return k; });
    };
    const WorkerClock::time_point t0 = WorkerClock::now();
    QVERIFY(pacer.startFrameIfDue(FramePacer::Pace::AsFastAsPossible, t0));
    QVERIFY(!pacer.startFrameIfDue(FramePacer::Pace::AsFastAsPossible, t0 + 5ms)); // the frame still goes on
    QCOMPARE(pacer.frameEnd(), t0 + FramePacer::FrameInterval);
    QVERIFY(!pacer.frameOver(t0 + 15ms));
    QVERIFY(pacer.frameOver(t0 + 16ms));
    train(16);
    // 16 steps in a 16 ms frame: 1,000 steps/s, the first frame taken as it is.
    pacer.endFrame(t0 + 10ms); // ended early: the frame's whole length counts
    QCOMPARE(pacer.stepsPerSecond(), 1000.0);
    // Next frame: 32 steps over 32 ms (it overran): 1,000 again.
    const WorkerClock::time_point t1 = t0 + 16ms;
    QVERIFY(pacer.startFrameIfDue(FramePacer::Pace::AsFastAsPossible, t1));
    train(32);
    pacer.endFrame(t1 + 32ms);
    QCOMPARE(pacer.stepsPerSecond(), 1000.0);
    // A frame at 2,000 steps/s moves the average a fifth of the way.
    const WorkerClock::time_point t2 = t1 + 32ms;
    QVERIFY(pacer.startFrameIfDue(FramePacer::Pace::AsFastAsPossible, t2));
    train(32);
    pacer.endFrame(t2 + 16ms);
    QCOMPARE(pacer.stepsPerSecond(), 0.8 * 1000.0 + 0.2 * 2000.0);
    pacer.resetSpeed();
    QCOMPARE(pacer.stepsPerSecond(), 0.0);
}

void TestWorker::aWorkerThreadYieldsToTheGuiOnly()
{
#ifdef __linux__
    errno = 0;
    const int guiNiceness = getpriority(PRIO_PROCESS, 0);
    QCOMPARE(errno, 0);
    int workerNiceness = -100;
    int workerThreads = 0;
    std::thread worker([&] {
        yieldCoresToGui();
        workerNiceness = getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
        workerThreads = core::maxThreads();
    });
    worker.join();
    // Lower than the GUI's by WorkerNiceness (a nice value stops at 19), and only on that thread.
    QCOMPARE(workerNiceness, std::min(19, guiNiceness + WorkerNiceness));
    QCOMPARE(getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid))), guiNiceness);
    QCOMPARE(workerThreads, workerThreadCount());
    QVERIFY(workerThreadCount() >= 1);
    QVERIFY(workerThreadCount() < std::max(2, QThread::idealThreadCount()));
#else
    QSKIP("nice values are Linux's");
#endif
}

QTEST_GUILESS_MAIN(TestWorker)
#include "tst_worker.moc"
