#include "trainingcontroller.h"

#include "trainingworker.h"

#include <algorithm>
#include <chrono>
#include <limits>

namespace relulab::app {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto FrameInterval = std::chrono::milliseconds(TrainingController::FrameIntervalMs);

} // namespace

TrainingController::TrainingController(QObject *parent)
    : QObject(parent)
{
    // The worker notifies by signals connected here, not by QMetaObject::invokeMethod with a
    // functor: that allocates the functor on the worker and reads it on the GUI thread, handed over
    // through Qt's event queue, whose locks ThreadSanitizer cannot see (Debian's Qt is not
    // instrumented), so every TSan run reported a race there.
    connect(this, &TrainingController::snapshotPublished, this, &TrainingController::takeSnapshot,
            Qt::QueuedConnection);
    connect(this, &TrainingController::divergedInWorker, this,
            &TrainingController::onDivergedInWorker, Qt::QueuedConnection);
    m_thread = std::thread(&TrainingController::workerLoop, this);
}

TrainingController::~TrainingController()
{
    command([](TrainingController &c) { c.m_abort = true; });
    m_thread.join();
}

template<class Change>
void TrainingController::command(Change &&change)
{
    {
        const std::lock_guard lock(m_mutex);
        change(*this);
        m_commandPending = true;
    }
    m_wake.notify_one();
}

void TrainingController::rebuild(const core::TrainingConfig &config)
{
    m_diverged = false;
    command([&config, build = ++m_builds](TrainingController &c) {
        c.m_newTrainer = config;
        c.m_newTrainerBuild = build;
        c.m_adjust.reset();
        // Steps asked for the old run are not for the new one.
        c.m_pendingSteps = 0;
    });
}

void TrainingController::setConfig(const core::TrainingConfig &config)
{
    const bool restart = !m_hasConfig || core::needsNewTrainer(m_config, config);
    m_config = config;
    m_hasConfig = true;
    if (restart) {
        rebuild(config);
        return;
    }
    command([&config](TrainingController &c) {
        if (c.m_newTrainer)
            c.m_newTrainer = config;
        else
            c.m_adjust = config;
    });
}

void TrainingController::play()
{
    if (m_running || m_diverged)
        return;
    m_running = true;
    command([](TrainingController &c) { c.m_workerRunning = true; });
    emit runningChanged(true);
}

void TrainingController::pause()
{
    if (!m_running)
        return;
    m_running = false;
    command([](TrainingController &c) {
        c.m_workerRunning = false;
        c.m_forcePublish = true;
    });
    emit runningChanged(false);
}

void TrainingController::step(int count)
{
    if (m_running || count < 1)
        return;
    command([count](TrainingController &c) { c.m_pendingSteps += count; });
}

void TrainingController::reset()
{
    if (m_hasConfig)
        rebuild(m_config);
}

void TrainingController::setStepsPerFrame(int steps)
{
    m_stepsPerFrame = std::max(0, steps);
    command([](TrainingController &) {});
}

void TrainingController::setGridSize(int size)
{
    command([size = std::clamp(size, 2, 1024)](TrainingController &c) {
        c.m_gridSize = size;
        c.m_forcePublish = true;
    });
}

void TrainingController::takeSnapshot()
{
    TrainingSnapshotPtr snapshot;
    {
        const std::lock_guard lock(m_mutex);
        snapshot = std::exchange(m_outbox, nullptr);
        m_notified = false;
    }
    if (!snapshot)
        return;
    ++m_delivered;
    emit snapshotReady(snapshot);
}

void TrainingController::onDivergedInWorker(quint64 build, quint64 step)
{
    // The GUI may have asked for a new run since: this report is about one it has replaced.
    if (build != m_builds)
        return;
    m_diverged = true;
    // The GUI thread alone decides whether the worker runs (the worker only stops training a
    // diverged trainer): were the worker to pause itself, a play() or reset() crossing this report
    // in the queue would leave the GUI and the worker disagreeing.
    pause();
    emit diverged(step);
}

void TrainingController::publish(const Run &current)
{
    const core::Trainer &trainer = *current.trainer;
    auto s = std::make_shared<TrainingSnapshot>();
    s->run = current.id;
    s->trainingSet = current.trainingSet;
    s->testSet = current.testSet;
    const double stepsPerSecond = current.stepsPerSecond;
    s->config = current.config;
    s->measurement = trainer.measure();
    s->layout = trainer.layout();
    s->parameters = trainer.parameters();
    s->stepsPerSecond = stepsPerSecond;
    int gridSize = DefaultGridSize;
    {
        const std::lock_guard lock(m_mutex);
        gridSize = m_gridSize;
        s->running = m_workerRunning && !trainer.diverged();
    }
    const DecisionGrid grid = decisionGrid(trainer.trainingSet(), gridSize);
    s->gridSize = gridSize;
    s->xMin = grid.xMin;
    s->xMax = grid.xMax;
    s->yMin = grid.yMin;
    s->yMax = grid.yMax;
    const auto cells = static_cast<std::size_t>(gridSize) * static_cast<std::size_t>(gridSize);
    const std::vector<double> points = grid.points();
    s->logits.resize(cells);
    trainer.predict(points, s->logits);
    ++m_published;
    bool notify = false;
    {
        const std::lock_guard lock(m_mutex);
        m_outbox = std::move(s);
        notify = !std::exchange(m_notified, true);
    }
    if (notify)
        emit snapshotPublished(QPrivateSignal());
}

void TrainingController::workerLoop()
{
    // One core stays free for the GUI thread, and the worker yields its core to it.
    yieldCoresToGui();
    Run current;
    std::unique_ptr<core::Trainer> &trainer = current.trainer;
    double &stepsPerSecond = current.stepsPerSecond;
    // The frame of animation being trained. A command that arrives in its middle is taken on at
    // once but starts no new frame, so neither the training speed nor the snapshot rate follows
    // the rate of commands (a slider being dragged).
    Clock::time_point frameStart;
    Clock::time_point frameEnd;
    std::uint64_t frameSteps = 0;
    std::uint64_t frameLeft = 0; // a fixed number of steps per frame: those still to take
    int framePace = AsFastAsPossible; // the frame's steps per frame
    // Training happens in chunks sized to take about a millisecond, so that a command (pause, or
    // the destructor's abort) is noticed quickly without paying for a check after every step:
    // a frame of 100 full-batch steps can take a second on a loaded machine.
    std::uint64_t chunk = 1;
    // Up to `limit` steps until `until`, a command or divergence; returns how many it took.
    const auto trainInChunks = [&](std::uint64_t limit, Clock::time_point until) {
        std::uint64_t trained = 0;
        while (trained < limit && Clock::now() < until && !m_commandPending && !trainer->diverged()) {
            const std::uint64_t size = std::min(chunk, limit - trained);
            const auto chunkStart = Clock::now();
            trained += trainer->train(size);
            const auto took = Clock::now() - chunkStart;
            // Only a full chunk says anything about the chunk size.
            if (size == chunk && took < std::chrono::microseconds(500))
                chunk *= 2;
            else if (took > std::chrono::milliseconds(2) && chunk > 1)
                chunk /= 2;
        }
        return trained;
    };
    for (;;) {
        std::optional<core::TrainingConfig> build;
        quint64 buildNumber = 0;
        std::optional<core::TrainingConfig> adjust;
        int steps = 0;
        bool running = false;
        bool force = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] {
                return m_abort || m_newTrainer || m_adjust || m_pendingSteps > 0 || m_forcePublish
                        || (m_workerRunning && trainer && !trainer->diverged());
            });
            if (m_abort)
                return;
            build = std::exchange(m_newTrainer, std::nullopt);
            buildNumber = m_newTrainerBuild;
            adjust = std::exchange(m_adjust, std::nullopt);
            steps = std::exchange(m_pendingSteps, 0);
            running = m_workerRunning;
            force = std::exchange(m_forcePublish, false);
            m_commandPending = false;
        }
        if (build) {
            trainer = core::makeTrainer(*build);
            current.config = *build;
            current.trainingSet = std::make_shared<const core::Dataset>(trainer->trainingSet());
            current.testSet = std::make_shared<const core::Dataset>(trainer->testSet());
            ++current.id;
            current.build = buildNumber;
            stepsPerSecond = 0.0;
            chunk = 1;
            // The new run's first measurement (step 0) is shown even when it trains on at once:
            // its dead units before training are half the lesson.
            publish(current);
            force = false;
        }
        if (!trainer)
            continue;
        if (adjust) {
            trainer->adjust(*adjust);
            current.config = *adjust;
            // A running trainer shows the change with its next frame; a paused one only now.
            if (!running || trainer->diverged())
                force = true;
        }
        const bool divergedBefore = trainer->diverged();
        if (steps > 0) {
            trainer->train(static_cast<std::uint64_t>(steps));
            force = true;
        } else if (running && !divergedBefore) {
            const int perFrame = m_stepsPerFrame.load();
            // A frame of fixed steps that overran its time is finished first: were commands to
            // keep cutting it short, no snapshot would ever be published.
            if (Clock::now() >= frameEnd && (perFrame == AsFastAsPossible || frameLeft == 0)) {
                frameStart = Clock::now();
                frameEnd = frameStart + FrameInterval;
                frameSteps = 0;
                frameLeft = static_cast<std::uint64_t>(perFrame);
                // A new speed setting: the average of the old one says nothing about it.
                if (perFrame != std::exchange(framePace, perFrame))
                    stepsPerSecond = 0.0;
            }
            bool frameComplete = false;
            if (perFrame == AsFastAsPossible) {
                frameSteps += trainInChunks(std::numeric_limits<std::uint64_t>::max(), frameEnd);
                frameComplete = Clock::now() >= frameEnd;
            } else if (frameLeft > 0) {
                const std::uint64_t trained = trainInChunks(frameLeft, Clock::time_point::max());
                frameSteps += trained;
                frameLeft -= trained;
                frameComplete = frameLeft == 0;
            }
            if (frameComplete) {
                // Steps over the frame's whole length, waiting included: the speed the class sees.
                const double seconds =
                        std::chrono::duration<double>(std::max(Clock::now(), frameEnd) - frameStart).count();
                const double rate = static_cast<double>(frameSteps) / seconds;
                stepsPerSecond = stepsPerSecond == 0.0 ? rate : 0.8 * stepsPerSecond + 0.2 * rate;
                bool outboxTaken = false;
                {
                    const std::lock_guard lock(m_mutex);
                    outboxTaken = !m_notified;
                }
                // A GUI that has not drawn the last frame yet gets no new one: frames are skipped.
                // (A diverged trainer is published below in any case.)
                if (outboxTaken && !trainer->diverged())
                    publish(current);
            }
            if (perFrame != AsFastAsPossible && frameLeft == 0 && !trainer->diverged()) {
                // The rest of the frame: a command (pause, a new configuration) ends it early.
                std::unique_lock lock(m_mutex);
                m_wake.wait_until(lock, frameEnd, [&] { return m_commandPending.load() || m_abort; });
            }
        }
        if (!divergedBefore && trainer->diverged()) {
            force = true;
            const quint64 at = trainer->stepsDone();
            emit divergedInWorker(current.build, at, QPrivateSignal());
        }
        if (force)
            publish(current);
    }
}

} // namespace relulab::app
