#pragma once

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

#include "core/trainer.h"
#include "decisiongrid.h"
#include "worker.h"

namespace relulab::app {

// What the gradient-flow view asks of every snapshot (TrainingController::setGradientFlow).
struct GradientFlowRequest
{
    // Measure the layer statistics (core::MeasureOptions) in every snapshot: a backward pass over
    // the training set per snapshot, which a full-batch step then reuses (core/trainer.h).
    bool enabled = false;
    // The bins of the histograms; `layerStatistics` follows `enabled`.
    core::MeasureOptions measure;
    // A second network trained beside the run, from the same initial weights and with every other
    // setting the same, with this hidden activation (nothing, or the run's own activation: none).
    std::optional<core::Activation> comparison;

    friend bool operator==(const GradientFlowRequest &, const GradientFlowRequest &) = default;
};

// Everything the lab's views show of one moment of a run, by value (the worker keeps training
// while the GUI draws it).
struct TrainingSnapshot
{
    quint64 run = 0; // a new number for every new trainer (rebuild, reset, re-seed)
    core::TrainingConfig config;
    core::Measurement measurement;
    // The run's step 0, in every snapshot of it: the GUI may never see the snapshot of step 0
    // (frames are skipped while it is busy), but its history starts there.
    std::shared_ptr<const core::Measurement> start;
    std::vector<core::LayerLayout> layout;
    std::vector<double> parameters;
    std::shared_ptr<const core::Dataset> trainingSet; // shared by every snapshot of a run
    std::shared_ptr<const core::Dataset> testSet;
    // The decision boundary: the output logit on the grid's cells, row by row from yMin (the first
    // row) to yMax; empty while no view wants it (setDecisionGridWanted).
    DecisionGrid grid;
    std::vector<float> logits;
    double stepsPerSecond = 0.0; // training speed over the last frames
    bool running = false;
    // GradientFlowRequest::comparison's network at this moment (it may lag behind the run when it
    // was asked for in the middle of a run: it starts from the first step and catches up), and
    // its activation; null without one.
    std::shared_ptr<const core::Measurement> comparison;
    core::Activation comparisonActivation = core::Activation::Relu;
    // How long the worker took to take this picture (measuring both networks, the decision grid):
    // the time it did not train (for benchmarks).
    double pictureMilliseconds = 0.0;
};
using TrainingSnapshotPtr = std::shared_ptr<const TrainingSnapshot>;

// Owns the lab's training Worker; lives on the GUI thread, where every call returns at once. The
// worker builds trainers, trains, and publishes snapshots at most about 60 times a second into its
// one-slot outbox; snapshotReady() is queued to the GUI only when the GUI has taken the previous
// one, so a GUI that falls behind skips frames instead of queueing them.
class TrainingController : public QObject
{
    Q_OBJECT

public:
    static constexpr int FrameIntervalMs = FramePacer::FrameInterval.count();
    static constexpr int DefaultGridSize = 120;
    // stepsPerFrame() value meaning "as fast as possible".
    static constexpr int AsFastAsPossible = 0;

    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override;

    // A configuration to train (it must validate()). If it needs a new trainer (see
    // core::needsNewTrainer) the run restarts from its initial weights, paused or not as before;
    // otherwise the running trainer takes the change on from its next step.
    void setConfig(const core::TrainingConfig &config);
    const core::TrainingConfig &config() const noexcept { return m_config; }

    // Starts training, unless the run has diverged: it then stays paused until a new run
    // (reset(), or a configuration that needs a new trainer).
    void play();
    void pause();
    bool isRunning() const noexcept { return m_running; }
    // `count` steps (one by default) in one go, when paused.
    void step(int count = 1);
    // Plays, animated as setStepsPerFrame() says, and pauses at exactly step `step` of the run
    // (the last chunk is cut to fit), so that a picture or a CSV of "step N" is of step N; then
    // reachedStep(). A run already at or past the step pauses at once where it is; a diverged
    // one does not play. pause() and play() forget the step; a new run (reset(), a configuration
    // that needs a new trainer) trains to it too.
    void runTo(quint64 step);
    // The same run from its first step again (same seeds). A new seed is a new configuration:
    // setConfig() with it.
    void reset();
    // Steps per frame of animation, or AsFastAsPossible.
    void setStepsPerFrame(int steps);
    int stepsPerFrame() const noexcept { return m_stepsPerFrame.load(); }
    void setGridSize(int size);
    // Whether snapshots carry the decision grid's logits: predicting a 120 x 120 grid costs as much
    // as several training steps of a deep network, for nothing while no tab shows it. Turned on,
    // the next snapshot has it. On by default.
    void setDecisionGridWanted(bool wanted);
    // What the gradient-flow view needs measured (off: nothing more than the lab needs).
    void setGradientFlow(const GradientFlowRequest &request);
    const GradientFlowRequest &gradientFlow() const noexcept { return m_gradientFlow; }

    // Snapshots published and taken (for tests and statistics).
    quint64 publishedCount() const noexcept { return m_worker.publishedCount(); }
    quint64 deliveredCount() const { return m_worker.takenCount(); }
    // Nothing to do and everything published taken: paused (or diverged) with no command, step or
    // snapshot in flight. Tests wait on this.
    bool isIdle() const { return m_worker.isIdle(); }

signals:
    void snapshotReady(relulab::app::TrainingSnapshotPtr snapshot);
    void runningChanged(bool running);
    // The run stopped because its loss or parameters are no longer finite (after runningChanged()
    // if it was running).
    void diverged(quint64 step);
    // A runTo() arrived at its step and paused (after runningChanged(false)); its snapshot follows.
    void reachedStep(quint64 step);

    // The worker thread's notifications to the GUI thread (queued; not for use outside).
    void snapshotPublished(QPrivateSignal);
    void reportsQueued(QPrivateSignal);

private:
    // What the GUI thread asks of the worker (the worker's mailbox).
    struct Mail
    {
        std::optional<core::TrainingConfig> newTrainer; // build this next
        quint64 newTrainerBuild = 0; // as request number m_builds
        std::optional<core::TrainingConfig> adjust; // or take this on
        int pendingSteps = 0;
        bool running = false;
        std::optional<quint64> pauseAt; // runTo()'s step
        quint64 pauseRequest = 0; // which runTo() asked for it
        bool forcePublish = false;
        int gridSize = DefaultGridSize;
        bool gridWanted = true;
        GradientFlowRequest flow;
    };
    // What one turn of the worker takes out of the mail.
    struct Turn
    {
        std::optional<core::TrainingConfig> build;
        quint64 buildNumber = 0;
        std::optional<core::TrainingConfig> adjust;
        int steps = 0;
        bool running = false;
        std::optional<quint64> pauseAt;
        quint64 pauseRequest = 0;
        bool force = false;
        GradientFlowRequest flow;
    };
    // The worker's current run (worker thread only).
    struct Run
    {
        std::unique_ptr<core::Trainer> trainer;
        // As set: the trainer's own config() has the batch size normalised (0 becomes n).
        core::TrainingConfig config;
        std::shared_ptr<const core::Dataset> trainingSet;
        std::shared_ptr<const core::Dataset> testSet;
        quint64 id = 0;
        quint64 build = 0; // the GUI's build request it answers
        std::shared_ptr<const core::Measurement> start; // step 0, once measured
        // GradientFlowRequest::comparison's network, and the activation it was built with.
        std::unique_ptr<core::Trainer> comparison;
        core::Activation comparisonActivation = core::Activation::Relu;
    };
    using TrainingWorker = Worker<Mail, Turn, TrainingSnapshotPtr>;

    // Worker thread.
    bool ready(const Mail &mail) const;
    static Turn take(Mail &mail);
    void runTurn(Turn &turn);
    void trainFrame();
    // How long a picture took, how much of that was work the next training step reuses (the
    // comparison's measured gradient), and whether the next step reuses any (the run's too).
    struct PictureTime
    {
        WorkerClock::duration took {};
        WorkerClock::duration reusedByTraining {};
        bool nextStepReuses = false;
    };
    PictureTime publish();
    // Trains the run `steps` steps, and the comparison network as many and up to that many more
    // while it is behind; returns the run's steps taken.
    static std::uint64_t trainBoth(Run &run, std::uint64_t steps);
    // What the comparison's measurements take (less than the run's: the view shows less of it).
    static core::MeasureOptions comparisonMeasureOptions(const GradientFlowRequest &flow);
    // Builds, replaces or drops the comparison network as m_flow asks.
    void updateComparison();
    core::TrainingConfig comparisonConfig(const core::TrainingConfig &config) const;

    void takeSnapshot();
    void onDivergedInWorker(quint64 build, quint64 step);
    void onReachedInWorker(quint64 build, quint64 request, quint64 step);
    // Steps the worker may still train before runTo()'s step (all, without one).
    std::uint64_t stepsBeforePause(const std::optional<quint64> &pauseAt) const;
    // GUI thread: asks the worker for a new trainer for `config`, from its first step.
    void rebuild(const core::TrainingConfig &config);

    std::optional<quint64> m_pauseAt; // worker thread: this turn's runTo() step
    quint64 m_pauseRequest = 0; // worker thread: the runTo() that asked for it
    quint64 m_reportedRequest = 0; // worker thread: the runTo() reported reached in this run
    quint64 m_pauseRequests = 0; // GUI thread: runTo() calls
    core::TrainingConfig m_config; // GUI thread's view
    bool m_hasConfig = false;
    bool m_running = false; // GUI thread's view
    // Counts the GUI's requests for a new trainer, so that a divergence report that arrives after
    // a newer request (it is queued) is recognised as stale.
    quint64 m_builds = 0;
    bool m_diverged = false; // the run of the latest build request diverged
    std::atomic<int> m_stepsPerFrame {10};
    GradientFlowRequest m_gradientFlow; // GUI thread's view

    // Worker thread only.
    Run m_run;
    FramePacer m_pacer;
    std::uint64_t m_frameLeft = 0; // a fixed number of steps per frame: those still to take
    int m_framePace = AsFastAsPossible; // the frame's steps per frame
    GradientFlowRequest m_flow; // as the worker's current turn has it

    TrainingWorker m_worker; // last: stopped before the members its job uses are destroyed
};

} // namespace relulab::app

Q_DECLARE_METATYPE(relulab::app::TrainingSnapshotPtr)
