#include "racecontroller.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace relulab::app {

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
    connect(
            this, &RaceController::reportsQueued, this, [this] { m_worker.deliverReports(); },
            Qt::QueuedConnection);
    m_worker.start({.onStart = yieldCoresToGui,
                    .ready = [this](const Mail &mail) { return ready(mail); },
                    .take = [this](Mail &mail) { return take(mail); },
                    .run = [this](Turn &turn) { runTurn(turn); },
                    .notify = [this] { emit snapshotPublished(QPrivateSignal()); },
                    .notifyReports = [this] { emit reportsQueued(QPrivateSignal()); }});
}

RaceController::~RaceController()
{
    // The race's train() stops within one step of a lane; the cancel comes with the stop, so no
    // later turn can clear it.
    m_worker.stop([](Mail &mail) {
        if (mail.activeRace)
            mail.activeRace->cancel();
    });
}

void RaceController::rebuild(bool running)
{
    m_finished = false;
    m_cancelled = false;
    m_worker.post([this, running, build = ++m_builds](Mail &mail) {
        mail.request = Request {m_config, m_activations, m_measureEvery, build};
        mail.cancelled = false;
        mail.running = running;
        // The old race is of no more use: stop its train() now.
        if (mail.activeRace)
            mail.activeRace->cancel();
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
    m_worker.post([target = m_target](Mail &mail) {
        mail.target = target;
        mail.forcePublish = true; // the progress is against the new target
    });
}

void RaceController::setGridSize(int size)
{
    m_worker.post([size = std::clamp(size, 2, 512)](Mail &mail) {
        mail.gridSize = size;
        mail.forcePublish = true;
    });
}

void RaceController::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    m_worker.post([running](Mail &mail) {
        mail.running = running;
        if (!running) {
            mail.forcePublish = true;
            if (mail.activeRace)
                mail.activeRace->cancel();
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
    m_worker.post([](Mail &mail) {
        mail.running = false;
        mail.cancelled = true;
        mail.forcePublish = true;
        if (mail.activeRace)
            mail.activeRace->cancel();
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
    if (const RaceSnapshotPtr snapshot = m_worker.takeProduct())
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
        m_worker.post([](Mail &mail) { mail.running = false; });
        emit runningChanged(false);
    }
    emit finished(step);
}

void RaceController::publish(bool running, bool fresh)
{
    Run &run = *m_run;
    core::Race &race = *run.race;
    const auto [gridSize, cancelled] = m_worker.inspect([](const Mail &mail) {
        return std::pair {mail.gridSize, mail.cancelled};
    });
    if (run.grid.size != gridSize) {
        run.grid = decisionGrid(*run.trainingSet, gridSize);
        run.gridPoints = run.grid.points();
        run.logitsStep.reset();
    }
    const quint64 step = race.stepsDone();
    if (fresh || !run.logitsStep) {
        run.logits = race.predict(run.gridPoints);
        run.logitsStep = step;
    }
    const bool finished = run.done();
    auto s = std::make_shared<RaceSnapshot>(RaceSnapshot {
            .run = run.id,
            .config = run.config,
            .targetSteps = run.target,
            .measureEvery = run.measureEvery,
            .step = step,
            .progress = race.allDiverged()
                    ? 1.0
                    : std::min(1.0, static_cast<double>(step) / static_cast<double>(run.target)),
            .stepsPerSecond = m_pacer.stepsPerSecond(),
            .running = running && !finished && !cancelled,
            .finished = finished,
            .cancelled = cancelled,
            .trainingSet = run.trainingSet,
            .grid = run.grid,
            .lanes = {}});
    s->lanes.reserve(race.laneCount());
    for (std::size_t lane = 0; lane < race.laneCount(); ++lane)
        s->lanes.push_back({.activation = race.activation(lane),
                            .summary = run.summaries[lane],
                            .units = run.units[lane],
                            .stepsDone = race.laneSteps(lane),
                            .history = run.history[lane],
                            .logits = run.logits[lane]});
    m_worker.publish(std::move(s));
}

bool RaceController::ready(const Mail &mail) const
{
    return mail.request || mail.forcePublish
            || (mail.running && m_run && !(m_run->target == mail.target && m_run->done()));
}

RaceController::Turn RaceController::take(Mail &mail)
{
    Turn turn;
    turn.request = std::exchange(mail.request, std::nullopt);
    turn.running = mail.running;
    turn.force = std::exchange(mail.forcePublish, false);
    if (m_run) {
        // Every cancel() so far came with a command that this turn takes on.
        m_run->race->clearCancel();
        if (mail.target != m_run->target) {
            m_run->target = mail.target;
            if (!m_run->done())
                m_run->reportedFinished = false;
        }
    }
    // A new race replaces the old one, which cancel() must not reach any more.
    if (turn.request)
        mail.activeRace = nullptr;
    return turn;
}

void RaceController::startRace(const Request &request)
{
    const quint64 target =
            m_run ? m_run->target : m_worker.inspect([](const Mail &mail) { return mail.target; });
    const quint64 id = m_run ? m_run->id : 0;
    m_run.reset();
    auto run = std::make_unique<Run>();
    run->race = std::make_unique<core::Race>(request.config, request.activations);
    const core::Race &race = *run->race;
    run->config = request.config;
    run->measureEvery = request.measureEvery;
    run->build = request.build;
    run->id = id + 1;
    run->target = target;
    run->trainingSet = std::make_shared<const core::Dataset>(race.trainer(0).trainingSet());
    run->history.assign(race.laneCount(), {});
    run->units.assign(race.laneCount(), 0);
    for (std::size_t lane = 0; lane < race.laneCount(); ++lane) {
        for (const core::LayerLayout &layer : race.trainer(lane).layout())
            run->units[lane] += layer.out;
        run->units[lane] -= race.trainer(lane).layout().back().out; // the output layer
    }
    m_run = std::move(run);
    m_pacer.resetSpeed();
    m_pacer.resetChunk();
    m_worker.keep([race = m_run->race.get()](Mail &mail) { mail.activeRace = race; });
}

void RaceController::trainFrame()
{
    Run &run = *m_run;
    core::Race &race = *run.race;
    m_pacer.startFrameIfDue(FramePacer::Pace::AsFastAsPossible);
    // Race steps per train() call are sized to take about a millisecond: a frame ends on time and a
    // command is seen between calls. (pause(), cancel() and the destructor do not wait for that:
    // they cancel the train() itself, which returns within one step of one lane.) Measurements
    // fall on multiples of measureEvery, whatever the frame rate.
    while (!m_pacer.frameOver() && !m_worker.commandPending() && !run.done()) {
        const quint64 step = race.stepsDone();
        const quint64 nextMeasure = (step / run.measureEvery + 1) * run.measureEvery;
        m_pacer.runChunk(std::min(nextMeasure, run.target) - step,
                         [&](std::uint64_t n) { return race.train(n); });
        const quint64 now = race.stepsDone();
        if ((now % run.measureEvery == 0 || run.done()) && run.measuredStep != now)
            run.measure();
        if (race.cancelRequested())
            break;
    }
    if (m_pacer.frameOver() || run.done()) {
        m_pacer.endFrame();
        // A GUI that has not drawn the last frame yet gets no new one: frames are skipped. The
        // finish is published by the turn in any case.
        if (m_worker.outboxTaken() && !run.done()) {
            const auto start = WorkerClock::now();
            publish(true, true);
            m_pacer.pictureTook(WorkerClock::now() - start);
        }
    }
}

void RaceController::runTurn(Turn &turn)
{
    bool force = turn.force;
    if (turn.request) {
        startRace(*turn.request);
        // The start (step 0) is measured and shown at once: its dead units are half the lesson (a
        // bad bias init kills most of ReLU's before any training).
        m_run->measure();
        turn.running = m_worker.inspect([](const Mail &mail) { return mail.running; });
        publish(turn.running, true);
        force = false;
    }
    if (!m_run)
        return;
    Run &run = *m_run;
    core::Race &race = *run.race;
    if (turn.running && !run.done())
        trainFrame();
    if (turn.running && run.done() && !run.reportedFinished) {
        if (run.measuredStep != race.stepsDone())
            run.measure();
        run.reportedFinished = true;
        force = true;
        m_worker.report([this, build = run.build, step = race.stepsDone(), target = run.target] {
            onFinishedInWorker(build, step, target);
        });
    }
    if (force) {
        // A pause or cancel in the middle of a measuring interval: the charts keep their last
        // measurement, the boundaries show where the lanes stopped. The stop is shown at once with
        // the boundaries of the last frame (predicting a large network's grid takes longer than a
        // cancel may), and then again with the boundaries where it stopped.
        const bool stale = run.logitsStep != race.stepsDone();
        publish(turn.running, !stale || turn.running);
        if (stale && !turn.running)
            publish(turn.running, true);
    }
}

} // namespace relulab::app
