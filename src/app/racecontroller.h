#pragma once

#include <QObject>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/race.h"
#include "decisiongrid.h"
#include "worker.h"

namespace relulab::app {

// One measurement of one lane, as the race's charts draw it.
struct RaceHistoryPoint
{
    quint64 step = 0;
    double loss = 0.0; // nan once the lane has diverged
    int dead = 0; // dead hidden units in total (the <= 0 test); -1 once diverged
    double accuracy = 0.0; // on the training set
};

// One lane of a race at one moment.
struct RaceLaneSnapshot
{
    core::Activation activation = core::Activation::Relu;
    // The finish table's line at the latest measurement (core::Race::summary()); `diverged` and
    // its step say whether and where the lane stopped.
    core::RaceLaneSummary summary;
    int units = 0; // hidden units in total, for the dead-unit axis
    quint64 stepsDone = 0; // the lane's own steps (a diverged lane stops early)
    // Every measurement so far, in increasing steps: at step 0, every measureEvery steps and at
    // the target. A long race keeps at most MaxHistoryPoints, thinning its older points.
    std::vector<RaceHistoryPoint> history;
    // The output logit on the snapshot's grid, row by row from yMin to yMax.
    std::vector<float> logits;
};

// Everything the race's views show of one moment, by value (the worker goes on training while the
// GUI draws it).
struct RaceSnapshot
{
    quint64 run = 0; // a new number for every new race (new settings, reset)
    core::TrainingConfig config; // the base every lane shares
    quint64 targetSteps = 0;
    quint64 measureEvery = 0;
    quint64 step = 0; // the race's clock: the step every lane still training has reached
    double progress = 0.0; // step / targetSteps, 0 to 1 (1 once every lane has diverged)
    double stepsPerSecond = 0.0; // race steps (each lane takes one) per second
    bool running = false;
    bool finished = false; // at the target, or every lane diverged
    bool cancelled = false; // stopped by cancel(): the next start() begins a new race
    std::shared_ptr<const core::Dataset> trainingSet; // shared by every snapshot of a run
    DecisionGrid grid; // the lanes' logits are on its cells
    std::vector<RaceLaneSnapshot> lanes;
};
using RaceSnapshotPtr = std::shared_ptr<const RaceSnapshot>;

// Owns the race's Worker; lives on the GUI thread, where every call returns at once.
// The worker builds the core::Race on its own thread, trains a frame's worth of steps, measures
// every measureEvery steps (so the history and the steps to 95 % do not depend on the frame rate:
// they equal those of core::Race measured at the same interval), predicts a decision grid per lane
// and publishes a snapshot at most about 60 times a second into a one-slot outbox, as
// TrainingController does: a GUI that falls behind skips frames. The worker takes the same
// threads and priority as the lab's (yieldCoresToGui).
class RaceController : public QObject
{
    Q_OBJECT

public:
    static constexpr int FrameIntervalMs = FramePacer::FrameInterval.count();
    static constexpr int DefaultGridSize = 64;
    static constexpr quint64 DefaultTargetSteps = 1000;
    static constexpr quint64 DefaultMeasureEvery = 10;
    static constexpr quint64 MaxTargetSteps = 10'000'000;
    static constexpr std::size_t MaxHistoryPoints = 2048;

    explicit RaceController(QObject *parent = nullptr);
    ~RaceController() override;

    // A race to run (it must core::validateRace()): a new race from step 0, running or not as
    // before. Measurements every `measureEvery` steps (at least 1).
    void setRace(const core::TrainingConfig &base, const std::vector<core::Activation> &activations,
                 quint64 measureEvery = DefaultMeasureEvery);
    const core::TrainingConfig &config() const noexcept { return m_config; }
    const std::vector<core::Activation> &activations() const noexcept { return m_activations; }
    // The step the race runs to and stops at (1 to MaxTargetSteps). Raising it past a finished
    // race lets start() go on from there.
    void setTargetSteps(quint64 steps);
    quint64 targetSteps() const noexcept { return m_target; }
    void setGridSize(int size);

    // Trains towards the target. A finished or cancelled race starts again from step 0.
    void start();
    // Stops training within one step of a lane (the core's cancel); start() goes on.
    void pause();
    // Stops within one step and ends the race where it is: what it reached stays shown, and the
    // next start() runs a new race from step 0.
    void cancel();
    // The same race back at step 0, paused.
    void reset();

    bool isRunning() const noexcept { return m_running; }
    bool isFinished() const noexcept { return m_finished; }

    quint64 publishedCount() const noexcept { return m_worker.publishedCount(); }
    quint64 deliveredCount() const { return m_worker.takenCount(); }
    // Not training, no command in flight, every snapshot taken. Tests wait on this.
    bool isIdle() const { return m_worker.isIdle(); }

signals:
    void snapshotReady(relulab::app::RaceSnapshotPtr snapshot);
    void runningChanged(bool running);
    // The race reached its target, or every lane diverged (after runningChanged(false)).
    void finished(quint64 step);

    // The worker's notifications to the GUI thread (queued; not for use outside).
    void snapshotPublished(QPrivateSignal);
    void reportsQueued(QPrivateSignal);

private:
    struct Request
    {
        core::TrainingConfig config;
        std::vector<core::Activation> activations;
        quint64 measureEvery = DefaultMeasureEvery;
        quint64 build = 0;
    };
    // What the GUI thread asks of the worker (the worker's mailbox).
    struct Mail
    {
        std::optional<Request> request;
        quint64 target = DefaultTargetSteps;
        bool running = false;
        bool cancelled = false;
        bool forcePublish = false;
        int gridSize = DefaultGridSize;
        core::Race *activeRace = nullptr; // the worker's race, for cancel() from the GUI thread
    };
    struct Turn
    {
        std::optional<Request> request;
        bool running = false;
        bool force = false;
    };
    struct Run;
    using RaceWorker = Worker<Mail, Turn, RaceSnapshotPtr>;

    void rebuild(bool running);
    void setRunning(bool running);
    // Worker thread.
    bool ready(const Mail &mail) const;
    Turn take(Mail &mail);
    void runTurn(Turn &turn);
    void startRace(const Request &request);
    void trainFrame();
    // `fresh`: predicts the grid anew, otherwise reuses the last prediction.
    void publish(bool running, bool fresh);

    void takeSnapshot();
    void onFinishedInWorker(quint64 build, quint64 step, quint64 target);

    // GUI thread's view.
    core::TrainingConfig m_config;
    std::vector<core::Activation> m_activations;
    quint64 m_measureEvery = DefaultMeasureEvery;
    quint64 m_target = DefaultTargetSteps;
    bool m_hasRace = false;
    bool m_running = false;
    bool m_finished = false;
    bool m_cancelled = false;
    quint64 m_finishedStep = 0;
    quint64 m_builds = 0;

    // Worker thread only.
    std::unique_ptr<Run> m_run;
    FramePacer m_pacer;

    RaceWorker m_worker; // last: stopped before the members its job uses are destroyed
};

} // namespace relulab::app

Q_DECLARE_METATYPE(relulab::app::RaceSnapshotPtr)
