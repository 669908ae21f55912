#pragma once

// The one component that owns a thread in the application layer. Every background job of the app
// (the explorer's curves, the lab's training, the race, the born-dead Monte Carlo, exports) is a
// Worker with its own step plugged in; none of them writes its own thread, lock or wake-up.
//
// The pattern (after Qt's Mandelbrot example, with the standard library's primitives, which
// ThreadSanitizer can see into where Debian's Qt is not instrumented):
//
//  - a mailbox (`Mail`) that the GUI thread changes with post(), under the worker's lock: a newer
//    request replaces an older one not yet taken (latest wins), and every post() wakes the worker
//    and raises commandPending(), so a worker in the middle of long work notices it;
//  - the worker thread, which waits until its job is ready() (or stop()), take()s what one turn
//    needs out of the mailbox under the lock, and run()s that turn without it;
//  - a one-slot outbox (`Product`) for results: publish() replaces what the GUI has not taken, and
//    notifies (the job's `notify`, a queued signal) only when the GUI had taken the last one, so
//    the GUI never has more than one notification queued however fast the worker goes; a job that
//    should skip frames while the GUI is behind asks outboxTaken() first;
//  - reports (report(), deliverReports()): events the GUI must get every one of, in order (a
//    divergence, a finish, a cell), queued under the same lock;
//  - an idle state: nothing posted and not yet taken, the worker waiting for work, the outbox
//    taken and every report delivered. Tests wait on it instead of a quiet period.
//
// A Worker is held as the owner's last data member, so that it is destroyed (stopped and joined)
// before anything its job uses.

#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <variant>

namespace relulab::app {

using WorkerClock = std::chrono::steady_clock;

// For a worker thread, on that thread: one core stays free for the GUI thread (the worker's own
// OpenMP team is the cores less one, at least one), and the thread's CPU priority is lowered
// (WorkerNiceness) so that training flat out never makes the GUI wait for a core.
//
// On a two-core laptop an OpenMP team of two beside a painting GUI waits for its second thread at
// every step (measured: a 0.25 ms step took 12 ms), so a worker trains on its own there. (The
// thread count is the calling thread's OpenMP setting; other threads keep theirs.)
void yieldCoresToGui();

// How much a worker thread's nice value is above the GUI's: the GUI wins a contended core, but
// other programs do not starve the lesson. At +10 (CFS weight 110 against 1024), four busy
// programs on two cores left a worker about 5 % of a core, and tst_racecontroller (ASan) took 15
// minutes beside four busy loops against 55 s alone; at +5 (weight 335) it took 6.5 minutes.
inline constexpr int WorkerNiceness = 5;

// The OpenMP threads yieldCoresToGui() leaves a worker: the cores less one, at least one.
int workerThreadCount();

template<class Mail, class Turn, class Product = std::monostate>
class Worker
{
public:
    // The job's parts. ready() and take() run on the worker thread with the lock held, so they may
    // read and change the mail (and must not call inspect() or keep(): the lock is not
    // recursive); run() runs without it. onStart() runs first on the worker thread.
    struct Job
    {
        std::function<void()> onStart;
        std::function<bool(const Mail &)> ready;
        std::function<Turn(Mail &)> take;
        std::function<void(Turn &)> run;
        // Called on the worker thread when publish() puts a product into an outbox the GUI had
        // emptied: the owner's queued signal, whose slot calls takeProduct().
        std::function<void()> notify;
        // Called on the worker thread when report() queues a report after the GUI had delivered
        // them all: the owner's queued signal, whose slot calls deliverReports().
        std::function<void()> notifyReports = {};
    };

    Worker() = default;
    Worker(const Worker &) = delete;
    Worker &operator=(const Worker &) = delete;
    ~Worker() { stop(); }

    // Starts the thread (once; later calls do nothing).
    void start(Job job)
    {
        const std::lock_guard lock(m_mutex);
        if (m_thread.joinable() || m_aborting || m_finishing)
            return;
        m_job = std::move(job);
        // Waiting until it has looked at the mail: a worker just started has no turn running.
        m_waiting = true;
        m_thread = std::thread(&Worker::loop, this);
    }
    bool isStarted() const
    {
        const std::lock_guard lock(m_mutex);
        return m_thread.joinable();
    }

    // Ends the thread and joins it: the turn in progress must notice aborting() (or a cancel that
    // the owner posts first) to return soon. Idempotent; the destructor calls it.
    void stop()
    {
        end(&Worker::m_aborting, [](Mail &) {});
    }
    // The same, with a last change of the mail made under the same lock as the stop (a cancel
    // of the work in progress that no later turn can take and clear).
    template<class Change>
    void stop(Change &&change)
    {
        end(&Worker::m_aborting, std::forward<Change>(change));
    }
    // Ends the thread once the job has nothing more to do (every request in the mail taken and
    // run), and joins it.
    void finish()
    {
        end(&Worker::m_finishing, [](Mail &) {});
    }

    // Any thread but the worker's: changes the mail (`change(mail)`, under the lock) and wakes the
    // worker.
    template<class Change>
    auto post(Change &&change)
    {
        std::unique_lock lock(m_mutex);
        if constexpr (std::is_void_v<std::invoke_result_t<Change &, Mail &>>) {
            change(m_mail);
            markPosted(lock);
        } else {
            auto result = change(m_mail);
            markPosted(lock);
            return result;
        }
    }
    // Worker thread: the worker's own bookkeeping in the mail (`change(mail)`, under the lock),
    // which is no command: it neither wakes the worker nor raises commandPending().
    template<class Change>
    auto keep(Change &&change)
    {
        const std::lock_guard lock(m_mutex);
        return change(m_mail);
    }
    // Reads the mail under the lock: `read(const Mail &)`'s result.
    template<class Read>
    auto inspect(Read &&read) const
    {
        const std::lock_guard lock(m_mutex);
        return read(std::as_const(m_mail));
    }

    // Worker thread: a post() (or stop()) came since this turn's take(). Long work checks it
    // between chunks and returns, so the next turn takes the command on.
    bool commandPending() const noexcept
    {
        return m_commandPending.load(std::memory_order_acquire);
    }
    bool aborting() const
    {
        const std::lock_guard lock(m_mutex);
        return m_aborting;
    }
    // Worker thread: sleeps until `until`, a post() or stop().
    void sleepUntil(WorkerClock::time_point until)
    {
        std::unique_lock lock(m_mutex);
        m_wake.wait_until(lock, until, [this] { return m_commandPending.load() || m_aborting; });
    }

    // Worker thread: the product replaces whatever the GUI has not taken. Returns whether the GUI
    // was notified (it had taken the previous one).
    bool publish(Product product)
    {
        bool notify = false;
        {
            const std::lock_guard lock(m_mutex);
            // Counted before the GUI can take it: taken never runs ahead of published.
            m_published.fetch_add(1, std::memory_order_relaxed);
            m_outbox = std::move(product);
            m_hasProduct = true;
            notify = !std::exchange(m_notified, true);
        }
        if (notify && m_job.notify)
            m_job.notify();
        return notify;
    }
    // Worker thread: `deliver` is to run on the GUI thread (a divergence, a finish, a finished
    // cell: events that must not be dropped, unlike products). Reports queue up in order under the
    // worker's lock; the job's `notifyReports` (a queued signal without arguments, whose slot
    // calls deliverReports()) is called when the queue was empty. What a report carries is
    // captured by value here and read there after the lock: the handover is the standard
    // library's, which ThreadSanitizer sees, not Qt's event queue, which it does not.
    void report(std::function<void()> deliver)
    {
        bool notify = false;
        {
            const std::lock_guard lock(m_mutex);
            m_reports.push_back(std::move(deliver));
            notify = !std::exchange(m_reportsNotified, true);
        }
        if (notify && m_job.notifyReports)
            m_job.notifyReports();
    }
    // GUI thread: runs every report, in order, including any that come in meanwhile.
    void deliverReports()
    {
        for (;;) {
            std::deque<std::function<void()>> reports;
            {
                const std::lock_guard lock(m_mutex);
                if (m_reports.empty()) {
                    m_reportsNotified = false;
                    return;
                }
                reports.swap(m_reports);
            }
            for (const std::function<void()> &deliver : reports)
                deliver();
        }
    }

    // Worker thread: whether the GUI has taken the last notification (false while it has not yet
    // drawn the last frame: a pacing job skips a frame then).
    bool outboxTaken() const
    {
        const std::lock_guard lock(m_mutex);
        return !m_notified;
    }
    // GUI thread (from the notification's slot): the newest product, or Product{} when there is
    // none (it was taken already).
    Product takeProduct()
    {
        const std::lock_guard lock(m_mutex);
        m_notified = false;
        if (std::exchange(m_hasProduct, false))
            ++m_taken;
        return std::exchange(m_outbox, Product {});
    }
    quint64 publishedCount() const noexcept { return m_published.load(std::memory_order_relaxed); }
    // Products the GUI has taken (each a frame shown; the others were skipped).
    quint64 takenCount() const
    {
        const std::lock_guard lock(m_mutex);
        return m_taken;
    }

    // Nothing posted that the worker has not taken, the worker waiting for work (not running a
    // turn, not paced into a next frame), and nothing in the outbox or its notification queued.
    // A worker never started is idle.
    bool isIdle() const
    {
        const std::lock_guard lock(m_mutex);
        if (!m_thread.joinable())
            return !m_posted && !m_reportsNotified;
        return m_waiting && !m_posted && !m_notified && !m_hasProduct && !m_reportsNotified;
    }

private:
    // stop() and finish(): `how` says which.
    template<class Change>
    void end(bool Worker::*how, Change &&change)
    {
        std::thread thread;
        {
            const std::lock_guard lock(m_mutex);
            change(m_mail);
            this->*how = true;
            if (m_aborting)
                m_commandPending = true;
            thread = std::move(m_thread);
        }
        m_wake.notify_all();
        if (thread.joinable())
            thread.join();
    }

    void markPosted(std::unique_lock<std::mutex> &lock)
    {
        m_commandPending = true;
        m_posted = true;
        lock.unlock();
        m_wake.notify_all();
    }

    void loop()
    {
        if (m_job.onStart)
            m_job.onStart();
        for (;;) {
            Turn turn;
            {
                std::unique_lock lock(m_mutex);
                // The predicate runs under the lock that post() takes: the worker is never seen
                // waiting while its job is ready.
                m_wake.wait(lock, [this] {
                    m_waiting = !m_aborting && !m_job.ready(m_mail);
                    if (m_waiting) {
                        // The worker has seen the mail, and there is nothing in it to do.
                        m_posted = false;
                        m_commandPending.store(false, std::memory_order_release);
                    }
                    return !m_waiting || m_finishing;
                });
                // Waiting here means finishing with nothing left to do.
                if (m_aborting || m_waiting)
                    return;
                turn = m_job.take(m_mail);
                m_posted = false;
                m_commandPending.store(false, std::memory_order_release);
            }
            m_job.run(turn);
        }
    }

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    // Guarded by m_mutex:
    Mail m_mail {};
    Product m_outbox {};
    bool m_hasProduct = false;
    bool m_notified = false;
    quint64 m_taken = 0;
    std::deque<std::function<void()>> m_reports;
    bool m_reportsNotified = false; // reports queued or being delivered
    bool m_posted = false; // a post() the worker has not taken yet
    bool m_waiting = false; // the worker waits for work (set by the worker only)
    bool m_aborting = false;
    bool m_finishing = false;
    // Also set under the lock (so the worker never sees it stale after a take), read without it.
    std::atomic<bool> m_commandPending {false};
    std::atomic<quint64> m_published {0};
    Job m_job; // set before the thread starts, then read by the worker only
    std::thread m_thread;
};

// The pace of an animated job: frames of FrameInterval, the steps each frame took, their average
// speed, and the size of the chunks of steps run between looks at the mailbox. Worker thread only.
class FramePacer
{
public:
    static constexpr auto FrameInterval = std::chrono::milliseconds(16); // about 60 frames a second
    // The longest a frame trains before its picture, however slow pictures are: 4 frames a second.
    static constexpr auto MaxTrainingWindow = std::chrono::milliseconds(250);
    static constexpr auto MinTrainingWindow = std::chrono::milliseconds(1);

    // How a frame is paced. Fixed steps: a frame starts every FrameInterval (or later, when its
    // steps and picture take longer). As fast as possible: the frame trains until frameEnd(), then
    // takes its picture, so a frame lasts the training window plus the picture (pictureTook()).
    enum class Pace { FixedSteps, AsFastAsPossible };

    // Starts a frame unless the current one is still going; true when it started one.
    bool startFrameIfDue(Pace pace, WorkerClock::time_point now = WorkerClock::now());
    WorkerClock::time_point frameEnd() const noexcept { return m_frameEnd; }
    // The earliest the next frame starts: FrameInterval after this one did, or at its end if that
    // is later. (A frame whose last chunk would not fit ends early; more frames than the screen
    // shows would only cost the GUI and the training.)
    WorkerClock::time_point nextFrameDue() const noexcept
    {
        return std::max(m_frameEnd, m_frameStart + FrameInterval);
    }
    bool frameOver(WorkerClock::time_point now = WorkerClock::now()) const noexcept
    {
        return now >= m_frameEnd;
    }
    // Ends the frame: its steps over its whole length (waiting included, the speed the class
    // sees) go into the average, 0.8 of the old and 0.2 of the new.
    void endFrame(WorkerClock::time_point now = WorkerClock::now());
    double stepsPerSecond() const noexcept { return m_stepsPerSecond; }
    // A new run or a new speed setting: the old average says nothing about it.
    void resetSpeed() noexcept { m_stepsPerSecond = 0.0; }

    // The last frame's picture (measuring, the decision grid, publishing) took `took`, of which
    // `reusedByTraining` was work the next training step reuses (a full-batch gradient, measured
    // early) and so counts as training: the training window of the next frames as fast as
    // possible. The frame rate comes first while training keeps at least half of the frame: a
    // picture of p ms leaves the frame at FrameInterval (training 16 - p ms, about 60 frames a
    // second) as long as that is no less than the rest of the picture; a longer picture gets as
    // much training (2p per frame: a 10 ms picture still gives 50 frames a second), up to
    // MaxTrainingWindow, so where pictures are slow (a deep network with its statistics, a slow
    // laptop, a sanitizer build) the class sees fewer frames of a run that still moves, instead of
    // frames of a run that hardly trains. At least MinTrainingWindow, so that every frame trains.
    void pictureTook(WorkerClock::duration took,
                     WorkerClock::duration reusedByTraining = WorkerClock::duration::zero()) noexcept;
    WorkerClock::duration trainingWindow() const noexcept { return m_trainingWindow; }

    // Runs one chunk of at most `limit` steps: `train(n)` returns the steps it took. Chunks are
    // sized to take about a millisecond, so a command is noticed quickly without a look at the
    // mailbox after every step (a frame of 100 full-batch steps can take a second on a loaded
    // machine): a full chunk under 0.5 ms doubles the size, one over 2 ms halves it.
    template<class Train>
    std::uint64_t runChunk(std::uint64_t limit, Train &&train)
    {
        const std::uint64_t size = std::min(m_chunk, limit);
        const auto start = WorkerClock::now();
        const std::uint64_t trained = train(size);
        chunkTook(size, WorkerClock::now() - start);
        m_frameSteps += trained;
        return trained;
    }
    std::uint64_t chunkSize() const noexcept { return m_chunk; }
    // Whether the frame trains another chunk of at most `limit` steps before `until`: its first
    // chunk whenever `until` is still ahead, however long it takes (every frame moves the run); a
    // later one when, as long per step as the last timed chunk, it would end nearer to `until`
    // than stopping now does (at most half its length late). Where one chunk is a large part of
    // a frame (two deep networks' full-batch steps) frames so end as near their time as chunks
    // allow, on average on it, instead of always late by up to a whole chunk.
    bool mayStartChunk(WorkerClock::time_point until, std::uint64_t limit,
                       WorkerClock::time_point now = WorkerClock::now()) const noexcept;
    // A chunk of `size` steps took `took`: the next chunk's size follows.
    void chunkTook(std::uint64_t size, WorkerClock::duration took) noexcept;
    // The next chunk's first step reuses a gradient the picture measured, so it takes a fraction
    // of a step: that chunk neither sizes chunks nor times steps (it would double the chunk, and
    // the next frame's first chunk would then train several whole steps past the frame's end).
    void nextChunkReusesPicture() noexcept { m_untimedChunk = true; }
    void resetChunk() noexcept
    {
        m_chunk = 1;
        m_stepTime = {};
        m_untimedChunk = false;
    }

private:
    WorkerClock::time_point m_frameStart;
    WorkerClock::time_point m_frameEnd;
    std::uint64_t m_frameSteps = 0;
    std::uint64_t m_chunk = 1;
    WorkerClock::duration m_stepTime {}; // per step, in the last timed chunk
    bool m_untimedChunk = false; // nextChunkReusesPicture()
    double m_stepsPerSecond = 0.0;
    WorkerClock::duration m_trainingWindow = FrameInterval; // as fast as possible
};

} // namespace relulab::app
