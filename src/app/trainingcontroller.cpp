#include "trainingcontroller.h"

#include <algorithm>
#include <limits>

namespace relulab::app {

TrainingController::TrainingController(QObject *parent)
    : QObject(parent)
{
    // The worker notifies by signals connected here, not by QMetaObject::invokeMethod with a
    // functor: that allocates the functor on the worker and reads it on the GUI thread, handed over
    // through Qt's event queue, whose locks ThreadSanitizer cannot see (Debian's Qt is not
    // instrumented), so every TSan run reported a race there.
    connect(this, &TrainingController::snapshotPublished, this, &TrainingController::takeSnapshot,
            Qt::QueuedConnection);
    connect(
            this, &TrainingController::reportsQueued, this, [this] { m_worker.deliverReports(); },
            Qt::QueuedConnection);
    m_worker.start({.onStart = yieldCoresToGui,
                    .ready = [this](const Mail &mail) { return ready(mail); },
                    .take = &TrainingController::take,
                    .run = [this](Turn &turn) { runTurn(turn); },
                    .notify = [this] { emit snapshotPublished(QPrivateSignal()); },
                    .notifyReports = [this] { emit reportsQueued(QPrivateSignal()); }});
}

TrainingController::~TrainingController() = default;

void TrainingController::rebuild(const core::TrainingConfig &config)
{
    m_diverged = false;
    m_worker.post([&config, build = ++m_builds](Mail &mail) {
        mail.newTrainer = config;
        mail.newTrainerBuild = build;
        mail.adjust.reset();
        // Steps asked for the old run are not for the new one.
        mail.pendingSteps = 0;
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
    m_worker.post([&config](Mail &mail) {
        if (mail.newTrainer)
            mail.newTrainer = config;
        else
            mail.adjust = config;
    });
}

void TrainingController::play()
{
    if (m_diverged)
        return;
    // A play() after runTo() goes on past its step.
    m_worker.post([](Mail &mail) {
        mail.running = true;
        mail.pauseAt.reset();
    });
    if (!std::exchange(m_running, true))
        emit runningChanged(true);
}

void TrainingController::runTo(quint64 step)
{
    if (m_diverged)
        return;
    // forcePublish: a run already at or past the step gets a turn all the same, which reports it.
    // Each call its own number: a second runTo() to the same step, merged in the mailbox with the
    // pause() that ended the first, is still reported.
    m_worker.post([step, request = ++m_pauseRequests](Mail &mail) {
        mail.running = true;
        mail.pauseAt = step;
        mail.pauseRequest = request;
        mail.forcePublish = true;
    });
    if (!std::exchange(m_running, true))
        emit runningChanged(true);
}

void TrainingController::pause()
{
    if (!m_running)
        return;
    m_running = false;
    m_worker.post([](Mail &mail) {
        mail.running = false;
        mail.pauseAt.reset();
        mail.forcePublish = true;
    });
    emit runningChanged(false);
}

void TrainingController::step(int count)
{
    if (m_running || count < 1)
        return;
    m_worker.post([count](Mail &mail) { mail.pendingSteps += count; });
}

void TrainingController::reset()
{
    if (m_hasConfig)
        rebuild(m_config);
}

void TrainingController::setStepsPerFrame(int steps)
{
    m_stepsPerFrame = std::max(0, steps);
    // Ends the frame in progress, so the new pace starts at once.
    m_worker.post([](Mail &) {});
}

void TrainingController::setGridSize(int size)
{
    m_worker.post([size = std::clamp(size, 2, 1024)](Mail &mail) {
        mail.gridSize = size;
        mail.forcePublish = true;
    });
}

void TrainingController::setDecisionGridWanted(bool wanted)
{
    m_worker.post([wanted](Mail &mail) {
        if (mail.gridWanted == wanted)
            return;
        mail.gridWanted = wanted;
        mail.forcePublish = wanted;
    });
}

void TrainingController::setGradientFlow(const GradientFlowRequest &request)
{
    GradientFlowRequest normalised = request;
    normalised.measure.layerStatistics = request.enabled;
    if (normalised == m_gradientFlow)
        return;
    m_gradientFlow = normalised;
    m_worker.post([normalised](Mail &mail) {
        mail.flow = normalised;
        mail.forcePublish = true;
    });
}

void TrainingController::takeSnapshot()
{
    if (const TrainingSnapshotPtr snapshot = m_worker.takeProduct())
        emit snapshotReady(snapshot);
}

void TrainingController::onReachedInWorker(quint64 build, quint64 request, quint64 step)
{
    // A report about a run the GUI has replaced since, or a runTo() that a play(), a pause() or
    // another runTo() has overtaken: nothing to do.
    const bool waiting = m_worker.inspect(
            [request](const Mail &mail) { return mail.pauseAt && mail.pauseRequest == request; });
    if (build != m_builds || !waiting || !m_running)
        return;
    pause();
    emit reachedStep(step);
}

std::uint64_t TrainingController::stepsBeforePause(const std::optional<quint64> &pauseAt) const
{
    if (!pauseAt)
        return std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t done = m_run.trainer->stepsDone();
    return *pauseAt > done ? *pauseAt - done : 0;
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

bool TrainingController::ready(const Mail &mail) const
{
    return mail.newTrainer || mail.adjust || mail.pendingSteps > 0 || mail.forcePublish
            || (mail.running && m_run.trainer && !m_run.trainer->diverged()
                && stepsBeforePause(mail.pauseAt) > 0);
}

TrainingController::Turn TrainingController::take(Mail &mail)
{
    Turn turn;
    turn.build = std::exchange(mail.newTrainer, std::nullopt);
    turn.buildNumber = mail.newTrainerBuild;
    turn.adjust = std::exchange(mail.adjust, std::nullopt);
    turn.steps = std::exchange(mail.pendingSteps, 0);
    turn.running = mail.running;
    turn.pauseAt = mail.pauseAt; // kept until reached, or forgotten by the GUI
    turn.pauseRequest = mail.pauseRequest;
    turn.force = std::exchange(mail.forcePublish, false);
    turn.flow = mail.flow; // kept: it holds for every turn until changed
    return turn;
}

TrainingController::PictureTime TrainingController::publish()
{
    const auto pictureStart = WorkerClock::now();
    WorkerClock::duration reused {};
    const core::Trainer &trainer = *m_run.trainer;
    const auto [gridSize, running, gridWanted] = m_worker.inspect([](const Mail &mail) {
        return std::tuple {mail.gridSize, mail.running, mail.gridWanted};
    });
    core::Measurement measurement = trainer.measure(m_flow.measure);
    if (!m_run.start && measurement.step == 0)
        m_run.start = std::make_shared<const core::Measurement>(measurement);
    auto s = std::make_shared<TrainingSnapshot>(
            TrainingSnapshot {.run = m_run.id,
                              .config = m_run.config,
                              .measurement = std::move(measurement),
                              .start = m_run.start,
                              .layout = trainer.layout(),
                              .parameters = trainer.parameters(),
                              .trainingSet = m_run.trainingSet,
                              .testSet = m_run.testSet,
                              .grid = decisionGrid(trainer.trainingSet(), gridSize),
                              .logits = std::vector<float>(gridWanted ? static_cast<std::size_t>(gridSize)
                                                                       * static_cast<std::size_t>(gridSize)
                                                                 : 0),
                              .stepsPerSecond = m_pacer.stepsPerSecond(),
                              // At runTo()'s step the run stops here: this snapshot is
                              // the paused one, not one of a run going on.
                              .running = running && !trainer.diverged()
                                      && stepsBeforePause(m_pauseAt) > 0,
                              .comparison = {},
                              .comparisonActivation = m_run.comparisonActivation});
    if (m_run.comparison) {
        // At the run's step, like the run. A full-batch step of the comparison reuses this
        // measurement's gradient: its time is then training, not picture (FramePacer).
        const auto start = WorkerClock::now();
        s->comparison = std::make_shared<const core::Measurement>(
                m_run.comparison->measure(comparisonMeasureOptions(m_flow)));
        if (m_run.comparison->nextStepReusesMeasurement())
            reused = WorkerClock::now() - start;
    }
    if (gridWanted)
        trainer.predict(s->grid.points(), s->logits);
    const WorkerClock::duration took = WorkerClock::now() - pictureStart;
    s->pictureMilliseconds = std::chrono::duration<double, std::milli>(took).count();
    m_worker.publish(std::move(s));
    const bool nextStepReuses = trainer.nextStepReusesMeasurement()
            || (m_run.comparison && m_run.comparison->nextStepReusesMeasurement());
    return {took, reused, nextStepReuses};
}

core::TrainingConfig TrainingController::comparisonConfig(const core::TrainingConfig &config) const
{
    core::TrainingConfig c = config;
    c.network.activation = m_run.comparisonActivation;
    return c;
}

void TrainingController::updateComparison()
{
    const bool wanted = m_run.trainer && m_flow.enabled && m_flow.comparison
            && *m_flow.comparison != m_run.config.network.activation;
    if (!wanted) {
        m_run.comparison.reset();
        return;
    }
    if (m_run.comparison && m_run.comparisonActivation == *m_flow.comparison)
        return;
    m_run.comparisonActivation = *m_flow.comparison;
    // The same data and, from the same seed, the same initial weights (PReLU's alphas draw
    // nothing: network.h).
    m_run.comparison = core::makeTrainer(comparisonConfig(m_run.config), *m_run.trainingSet,
                                         *m_run.testSet);
}

core::MeasureOptions TrainingController::comparisonMeasureOptions(const GradientFlowRequest &flow)
{
    // The view draws only the comparison's gradient norms (its depth profile), loss and training
    // accuracy: no histograms (a third of its measurement) and no test set.
    core::MeasureOptions options = flow.measure;
    options.preActivations = {};
    options.activations = {};
    options.backpropagated = {};
    options.testAccuracy = false;
    return options;
}

std::uint64_t TrainingController::trainBoth(Run &run, std::uint64_t steps)
{
    const std::uint64_t trained = run.trainer->train(steps);
    if (run.comparison && !run.comparison->diverged()) {
        const std::uint64_t target = run.trainer->stepsDone();
        const std::uint64_t done = run.comparison->stepsDone();
        if (target > done)
            run.comparison->train(std::min(target - done, 2 * trained));
    }
    return trained;
}

void TrainingController::trainFrame()
{
    core::Trainer &trainer = *m_run.trainer;
    const int perFrame = m_stepsPerFrame.load();
    // The frame of animation being trained. A command that arrives in its middle is taken on at
    // once but starts no new frame, so neither the training speed nor the snapshot rate follows
    // the rate of commands (a slider being dragged). A frame of fixed steps that overran its time
    // is finished first: were commands to keep cutting it short, no snapshot would ever be
    // published.
    if ((perFrame == AsFastAsPossible || m_frameLeft == 0)
        && m_pacer.startFrameIfDue(perFrame == AsFastAsPossible ? FramePacer::Pace::AsFastAsPossible
                                                                : FramePacer::Pace::FixedSteps)) {
        m_frameLeft = static_cast<std::uint64_t>(perFrame);
        // A new speed setting: the average of the old one says nothing about it.
        if (perFrame != std::exchange(m_framePace, perFrame))
            m_pacer.resetSpeed();
    }
    // Up to `limit` steps until `until`, a command or divergence; returns how many it took.
    const auto trainInChunks = [&](std::uint64_t limit, WorkerClock::time_point until) {
        std::uint64_t trained = 0;
        while (trained < limit && m_pacer.mayStartChunk(until, limit - trained)
               && !m_worker.commandPending() && !trainer.diverged())
            trained += m_pacer.runChunk(limit - trained,
                                        [&](std::uint64_t n) { return trainBoth(m_run, n); });
        return trained;
    };
    // runTo()'s step ends the frame too: the last chunk stops there.
    const std::uint64_t allowed = stepsBeforePause(m_pauseAt);
    bool frameComplete = false;
    if (perFrame == AsFastAsPossible) {
        const std::uint64_t trained = trainInChunks(allowed, m_pacer.frameEnd());
        // Over, or no further chunk fits in it (a frame that stopped early must not train again
        // in the next turn).
        frameComplete = trained == allowed || !m_pacer.mayStartChunk(m_pacer.frameEnd(), allowed - trained);
    } else if (m_frameLeft > 0) {
        m_frameLeft -= trainInChunks(std::min(m_frameLeft, allowed), WorkerClock::time_point::max());
        frameComplete = m_frameLeft == 0 || stepsBeforePause(m_pauseAt) == 0;
    }
    if (frameComplete) {
        m_pacer.endFrame();
        // A GUI that has not drawn the last frame yet gets no new one: frames are skipped. (A
        // diverged trainer is published by the turn in any case.)
        if (m_worker.outboxTaken() && !trainer.diverged()) {
            const PictureTime picture = publish();
            m_pacer.pictureTook(picture.took, picture.reusedByTraining);
            if (picture.nextStepReuses)
                m_pacer.nextChunkReusesPicture();
        }
    }
    // The rest of the frame (as fast as possible, one whose last chunk would not fit): a command
    // (pause, a new configuration) ends it early.
    const bool frameDone = perFrame == AsFastAsPossible ? frameComplete : m_frameLeft == 0;
    if (frameDone && !trainer.diverged())
        m_worker.sleepUntil(m_pacer.nextFrameDue());
}

void TrainingController::runTurn(Turn &turn)
{
    bool force = turn.force;
    // First: the snapshots of this turn say whether the run goes on past runTo()'s step.
    m_pauseAt = turn.pauseAt;
    m_pauseRequest = turn.pauseRequest;
    const bool flowChanged = turn.flow != m_flow;
    m_flow = turn.flow;
    if (turn.build) {
        m_run.trainer = core::makeTrainer(*turn.build);
        m_run.config = *turn.build;
        m_run.trainingSet = std::make_shared<const core::Dataset>(m_run.trainer->trainingSet());
        m_run.testSet = std::make_shared<const core::Dataset>(m_run.trainer->testSet());
        ++m_run.id;
        m_run.build = turn.buildNumber;
        m_run.start.reset();
        m_run.comparison.reset();
        updateComparison();
        m_pacer.resetSpeed();
        m_pacer.resetChunk();
        m_reportedRequest = 0; // a new run goes to the step again
        // The new run's first measurement (step 0) is shown even when it trains on at once:
        // its dead units before training are half the lesson.
        publish();
        force = false;
    }
    if (!m_run.trainer)
        return;
    core::Trainer &trainer = *m_run.trainer;
    if (flowChanged) {
        updateComparison();
        force = true;
    }
    if (turn.adjust) {
        trainer.adjust(*turn.adjust);
        m_run.config = *turn.adjust;
        if (m_run.comparison)
            m_run.comparison->adjust(comparisonConfig(*turn.adjust));
        // A running trainer shows the change with its next frame; a paused one only now.
        if (!turn.running || trainer.diverged())
            force = true;
    }
    const bool divergedBefore = trainer.diverged();
    if (turn.steps > 0) {
        trainBoth(m_run, static_cast<std::uint64_t>(turn.steps));
        force = true;
    } else if (turn.running && !divergedBefore) {
        trainFrame();
    }
    // At runTo()'s step: its picture is published whatever the GUI has taken, and the GUI told
    // (once) to pause there.
    if (m_pauseAt && trainer.stepsDone() >= *m_pauseAt && m_reportedRequest != m_pauseRequest
        && !trainer.diverged()) {
        m_reportedRequest = m_pauseRequest;
        force = true;
        m_worker.report([this, build = m_run.build, request = m_pauseRequest, step = trainer.stepsDone()] {
            onReachedInWorker(build, request, step);
        });
    }
    if (!divergedBefore && trainer.diverged()) {
        force = true;
        m_worker.report([this, build = m_run.build, step = trainer.stepsDone()] {
            onDivergedInWorker(build, step);
        });
    }
    if (force)
        publish();
}

} // namespace relulab::app
