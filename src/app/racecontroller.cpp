#include "racecontroller.h"

#include "trainingworker.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace relulab::app {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto FrameInterval = std::chrono::milliseconds(RaceController::FrameIntervalMs);

} // namespace

// The worker's race and what it has recorded of it.
struct RaceController::Run
{
    std::unique_ptr<core::Race> race;
    core::TrainingConfig config;
    quint64 measureEvery = DefaultMeasureEvery;
    quint64 id = 0;
    quint64 build = 0;
    quint64 target = DefaultTargetSteps;
    std::shared_ptr<const core::Dataset> trainingSet;
    std::vector<core::RaceLaneSummary> summaries; // at the latest measurement
    std::vector<std::vector<RaceHistoryPoint>> history;
    std::vector<int> units;
    std::optional<quint64> measuredStep; // of the latest measurement
    quint64 historyStride = 1; // measurements per history point, doubled at every thinning
    bool reportedFinished = false;
    double stepsPerSecond = 0.0;
    DecisionGrid grid;
    std::vector<double> gridPoints;
    // The latest predictions on the grid, and the step they are of.
    std::vector<std::vector<float>> logits;
    std::optional<quint64> logitsStep;

    bool done() const { return race->allDiverged() || race->stepsDone() >= target; }
    void measure();
};

void RaceController::Run::measure()
{
    // summary() measures every lane (in parallel) and then reads the measurements it made.
    summaries = race->summary();
    const quint64 step = race->stepsDone();
    measuredStep = step;
    const quint64 every = measureEvery * historyStride;
    const bool atEnd = step >= target || race->allDiverged();
    for (std::size_t lane = 0; lane < summaries.size(); ++lane) {
        const core::RaceLaneSummary &s = summaries[lane];
        std::vector<RaceHistoryPoint> &points = history[lane];
        if (s.diverged) {
            // One gap at the step of divergence; the lane's line ends there.
            if (points.empty() || points.back().dead >= 0)
                points.push_back({s.step, std::numeric_limits<double>::quiet_NaN(), -1, s.trainAccuracy});
            continue;
        }
        if (!points.empty() && points.back().step >= step)
            continue;
        if (step % every == 0 || atEnd)
            points.push_back({step, s.loss, s.totalDead, s.trainAccuracy});
    }
    // A long race keeps its charts light: every other point goes once there are too many.
    if (!history.empty() && std::any_of(history.begin(), history.end(), [](const auto &h) {
            return h.size() > MaxHistoryPoints;
        })) {
        historyStride *= 2;
        const quint64 kept = measureEvery * historyStride;
        for (auto &points : history) {
            std::vector<RaceHistoryPoint> thinned;
            for (std::size_t k = 0; k < points.size(); ++k) {
                if (points[k].step % kept == 0 || k + 1 == points.size() || points[k].dead < 0)
                    thinned.push_back(points[k]);
            }
            points = std::move(thinned);
        }
    }
}

RaceController::RaceController(QObject *parent)
    : QObject(parent)
{
    // As in TrainingController: the worker notifies by signals, not functors (see there).
    connect(this, &RaceController::snapshotPublished, this, &RaceController::takeSnapshot,
            Qt::QueuedConnection);
    connect(this, &RaceController::finishedInWorker, this, &RaceController::onFinishedInWorker,
            Qt::QueuedConnection);
    m_thread = std::thread(&RaceController::workerLoop, this);
}

RaceController::~RaceController()
{
    command([](RaceController &c) { c.m_abort = true; });
    m_thread.join();
}

template<class Change>
void RaceController::command(Change &&change)
{
    {
        const std::lock_guard lock(m_mutex);
        change(*this);
        m_commandPending = true;
    }
    m_wake.notify_one();
}

void RaceController::rebuild(bool running)
{
    m_finished = false;
    m_cancelled = false;
    command([this, running, build = ++m_builds](RaceController &c) {
        c.m_request = Request {m_config, m_activations, m_measureEvery, build};
        c.m_workerCancelled = false;
        c.m_workerRunning = running;
        // The old race is of no more use: stop its train() now.
        if (c.m_activeRace)
            c.m_activeRace->cancel();
    });
}

void RaceController::setRace(const core::TrainingConfig &base,
                             const std::vector<core::Activation> &activations, quint64 measureEvery)
{
    m_config = base;
    m_activations = activations;
    m_measureEvery = std::max<quint64>(1, measureEvery);
    m_hasRace = true;
    rebuild(m_running);
}

void RaceController::setTargetSteps(quint64 steps)
{
    m_target = std::clamp<quint64>(steps, 1, MaxTargetSteps);
    if (m_finished && m_target > m_finishedStep)
        m_finished = false;
    command([target = m_target](RaceController &c) {
        c.m_workerTarget = target;
        c.m_forcePublish = true; // the progress is against the new target
    });
}

void RaceController::setGridSize(int size)
{
    command([size = std::clamp(size, 2, 512)](RaceController &c) {
        c.m_gridSize = size;
        c.m_forcePublish = true;
    });
}

void RaceController::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    command([running](RaceController &c) {
        c.m_workerRunning = running;
        if (!running) {
            c.m_forcePublish = true;
            if (c.m_activeRace)
                c.m_activeRace->cancel();
        }
    });
    emit runningChanged(running);
}

void RaceController::start()
{
    if (!m_hasRace || m_running)
        return;
    if (m_finished || m_cancelled) {
        rebuild(true);
        m_running = true;
        emit runningChanged(true);
        return;
    }
    setRunning(true);
}

void RaceController::pause()
{
    setRunning(false);
}

void RaceController::cancel()
{
    if (!m_hasRace)
        return;
    m_cancelled = true;
    const bool wasRunning = std::exchange(m_running, false);
    command([](RaceController &c) {
        c.m_workerRunning = false;
        c.m_workerCancelled = true;
        c.m_forcePublish = true;
        if (c.m_activeRace)
            c.m_activeRace->cancel();
    });
    if (wasRunning)
        emit runningChanged(false);
}

void RaceController::reset()
{
    if (!m_hasRace)
        return;
    const bool wasRunning = std::exchange(m_running, false);
    rebuild(false);
    if (wasRunning)
        emit runningChanged(false);
}

void RaceController::takeSnapshot()
{
    RaceSnapshotPtr snapshot;
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

void RaceController::onFinishedInWorker(quint64 build, quint64 step, quint64 target)
{
    // A report about a race since replaced, or one overtaken by a higher target, is stale.
    if (build != m_builds || target != m_target)
        return;
    m_finished = true;
    m_finishedStep = step;
    if (m_running) {
        // The worker has stopped and published the finish already: nothing to cancel or show.
        m_running = false;
        command([](RaceController &c) { c.m_workerRunning = false; });
        emit runningChanged(false);
    }
    emit finished(step);
}

void RaceController::publish(Run &run, bool running, bool fresh)
{
    core::Race &race = *run.race;
    auto s = std::make_shared<RaceSnapshot>();
    s->run = run.id;
    s->config = run.config;
    s->targetSteps = run.target;
    s->measureEvery = run.measureEvery;
    s->step = race.stepsDone();
    s->finished = run.done();
    s->progress = race.allDiverged()
            ? 1.0
            : std::min(1.0, static_cast<double>(s->step) / static_cast<double>(run.target));
    s->stepsPerSecond = run.stepsPerSecond;
    s->trainingSet = run.trainingSet;
    int gridSize = DefaultGridSize;
    {
        const std::lock_guard lock(m_mutex);
        gridSize = m_gridSize;
        s->cancelled = m_workerCancelled;
    }
    s->running = running && !s->finished && !s->cancelled;
    if (run.grid.size != gridSize) {
        run.grid = decisionGrid(*run.trainingSet, gridSize);
        run.gridPoints = run.grid.points();
        run.logitsStep.reset();
    }
    if (fresh || !run.logitsStep) {
        run.logits = race.predict(run.gridPoints);
        run.logitsStep = s->step;
    }
    s->gridSize = gridSize;
    s->xMin = run.grid.xMin;
    s->xMax = run.grid.xMax;
    s->yMin = run.grid.yMin;
    s->yMax = run.grid.yMax;
    s->lanes.resize(race.laneCount());
    for (std::size_t lane = 0; lane < race.laneCount(); ++lane) {
        RaceLaneSnapshot &l = s->lanes[lane];
        l.activation = race.activation(lane);
        l.summary = run.summaries[lane];
        l.units = run.units[lane];
        l.stepsDone = race.laneSteps(lane);
        l.history = run.history[lane];
        l.logits = run.logits[lane];
    }
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

void RaceController::workerLoop()
{
    yieldCoresToGui();
    Run run;
    Clock::time_point frameStart;
    Clock::time_point frameEnd;
    quint64 frameSteps = 0;
    // Race steps per train() call, sized to take about a millisecond or two: a frame ends on time
    // and a command is seen between calls. (pause(), cancel() and the destructor do not wait for
    // that: they cancel the train() itself, which returns within one step of one lane.)
    quint64 chunk = 1;
    for (;;) {
        std::optional<Request> request;
        bool running = false;
        bool force = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] {
                return m_abort || m_request || m_forcePublish
                        || (m_workerRunning && run.race
                            && !(run.target == m_workerTarget && run.done()));
            });
            if (m_abort) {
                m_activeRace = nullptr;
                return;
            }
            request = std::exchange(m_request, std::nullopt);
            running = m_workerRunning;
            force = std::exchange(m_forcePublish, false);
            m_commandPending = false;
            // Every cancel() so far came with a command that this turn takes on.
            if (run.race)
                run.race->clearCancel();
            if (m_workerTarget != run.target) {
                run.target = m_workerTarget;
                if (run.race && !run.done())
                    run.reportedFinished = false;
            }
            // A new race replaces the old one, which cancel() must not reach any more.
            if (request)
                m_activeRace = nullptr;
        }
        if (request) {
            run.race.reset();
            auto race = std::make_unique<core::Race>(request->config, request->activations);
            run.config = request->config;
            run.measureEvery = request->measureEvery;
            run.build = request->build;
            ++run.id;
            run.trainingSet = std::make_shared<const core::Dataset>(race->trainer(0).trainingSet());
            run.history.assign(race->laneCount(), {});
            run.units.assign(race->laneCount(), 0);
            for (std::size_t lane = 0; lane < race->laneCount(); ++lane) {
                for (const core::LayerLayout &layer : race->trainer(lane).layout())
                    run.units[lane] += layer.out;
                run.units[lane] -= race->trainer(lane).layout().back().out; // the output layer
            }
            run.measuredStep.reset();
            run.historyStride = 1;
            run.reportedFinished = false;
            run.stepsPerSecond = 0.0;
            run.grid = {};
            run.logitsStep.reset();
            chunk = 1;
            run.race = std::move(race);
            {
                const std::lock_guard lock(m_mutex);
                m_activeRace = run.race.get();
                running = m_workerRunning;
            }
            // The start (step 0) is measured and shown at once: its dead units are half the
            // lesson (a bad bias init kills most of ReLU's before any training).
            run.measure();
            publish(run, running, true);
            force = false;
        }
        if (!run.race)
            continue;
        core::Race &race = *run.race;
        if (running && !run.done()) {
            if (Clock::now() >= frameEnd) {
                frameStart = Clock::now();
                frameEnd = frameStart + FrameInterval;
                frameSteps = 0;
            }
            while (Clock::now() < frameEnd && !m_commandPending.load() && !run.done()) {
                const quint64 step = race.stepsDone();
                const quint64 nextMeasure = (step / run.measureEvery + 1) * run.measureEvery;
                const quint64 limit = std::min(nextMeasure, run.target) - step;
                const quint64 size = std::min(chunk, limit);
                const auto chunkStart = Clock::now();
                const quint64 trained = race.train(size);
                const auto took = Clock::now() - chunkStart;
                frameSteps += trained;
                if (size == chunk && took < std::chrono::microseconds(700))
                    chunk *= 2;
                else if (took > std::chrono::milliseconds(3) && chunk > 1)
                    chunk /= 2;
                const quint64 now = race.stepsDone();
                if ((now % run.measureEvery == 0 || run.done()) && run.measuredStep != now)
                    run.measure();
                if (trained < size && !race.allDiverged() && race.cancelRequested())
                    break;
            }
            const bool frameComplete = Clock::now() >= frameEnd || run.done();
            if (frameComplete) {
                const double seconds =
                        std::chrono::duration<double>(std::max(Clock::now(), frameEnd) - frameStart).count();
                const double rate = static_cast<double>(frameSteps) / seconds;
                run.stepsPerSecond =
                        run.stepsPerSecond == 0.0 ? rate : 0.8 * run.stepsPerSecond + 0.2 * rate;
                bool outboxTaken = false;
                {
                    const std::lock_guard lock(m_mutex);
                    outboxTaken = !m_notified;
                }
                // A GUI that has not drawn the last frame yet gets no new one: frames are skipped.
                // The finish is published below in any case.
                if (outboxTaken && !run.done())
                    publish(run, running, true);
            }
        }
        if (running && run.done() && !run.reportedFinished) {
            if (run.measuredStep != race.stepsDone())
                run.measure();
            run.reportedFinished = true;
            force = true;
            emit finishedInWorker(run.build, race.stepsDone(), run.target, QPrivateSignal());
        }
        if (force) {
            // A pause or cancel in the middle of a measuring interval: the charts keep their
            // last measurement, the boundaries show where the lanes stopped. The stop is shown at
            // once with the boundaries of the last frame (predicting a large network's grid takes
            // longer than a cancel may), and then again with the boundaries where it stopped.
            const bool stale = run.logitsStep != race.stepsDone();
            publish(run, running, !stale || running);
            if (stale && !running)
                publish(run, running, true);
        }
    }
}

} // namespace relulab::app
