#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <cstddef>
#include <optional>
#include <vector>

#include "core/borndead.h"
#include "worker.h"

namespace relulab::app {

// Owns the born-dead Monte Carlo's Worker; lives on the GUI thread, where every call
// returns at once. A run is one or more grids (series), computed one after another by
// core::runBornDead on the worker's OpenMP team: several series let the tab set He against RAI on
// the same widths, depths and seed. Each finished cell reaches the GUI by a queued signal, by
// value, so the view fills in while the rest computes.
//
// Latest wins: start() while a run computes cancels it (the core polls the flag before every layer
// of every network, so it stops within milliseconds). Once start() or cancel() has returned, no
// cell of an older run, or of the cancelled one, is emitted on the GUI thread; a cancelled run
// ends with finished(run, true, ...), a superseded one with nothing.
class BornDeadController : public QObject
{
    Q_OBJECT

public:
    explicit BornDeadController(QObject *parent = nullptr);
    // Cancels a run in progress and joins the worker (within milliseconds).
    ~BornDeadController() override;

    // Starts a run of `series` (each must core::validate(), none may be empty) and returns its
    // number (1, 2, ...); 0, and nothing starts, when one does not validate. A config's `threads`
    // of 0 means the worker's own team (see threads()).
    quint64 start(const std::vector<core::BornDeadConfig> &series);
    quint64 start(const core::BornDeadConfig &config);
    // Stops the run in progress: finished(run, true, ...) follows once the worker has stopped.
    void cancel();

    bool isRunning() const noexcept { return m_running; }
    // The number of the latest run started (0: none yet).
    quint64 currentRun() const noexcept { return m_run; }
    // Cells of the latest run shown so far over all its cells, 0 to 1.
    double progress() const noexcept;
    std::size_t cellsDone() const noexcept { return m_cellsDone; }
    std::size_t cellsTotal() const noexcept { return m_cellsTotal; }
    // The run the worker is computing now, 0 when idle (for tests: any thread may ask).
    quint64 computingRun() const noexcept { return m_computing.load(); }
    // Cells the worker has computed, whether shown or dropped (for tests: any thread may ask).
    quint64 computedCellCount() const noexcept { return m_computedCells.load(); }
    // No run queued or computing (its cells may still be on their way to the GUI thread).
    bool isIdle() const { return m_worker.isIdle(); }

    // OpenMP threads a run uses when its config says 0: the worker keeps a core free for the GUI
    // (as the training worker does), unless set here (0: that default again). Takes effect with
    // the next start().
    void setThreads(int threads);
    int threads() const noexcept { return m_threads; }
    static int defaultThreads() { return workerThreadCount(); }

signals:
    // Cell `cell` of series `series` of run `run` is done: `done` of the run's `total` cells.
    void cellReady(quint64 run, int series, const relulab::core::BornDeadCell &cell, qsizetype done,
                   qsizetype total);
    void progressChanged(double fraction);
    void runningChanged(bool running);
    // The run ended: every cell was reported, or it was cancelled. `seconds` is the worker's time.
    void finished(quint64 run, bool cancelled, double seconds);
    // The run stopped on an error (a configuration the core refused, memory): its message.
    void failed(quint64 run, const QString &message);

    // The worker thread's notification to the GUI thread (queued; not for use outside).
    void reportsQueued(QPrivateSignal);

private:
    struct Job
    {
        quint64 run = 0;
        std::vector<core::BornDeadConfig> series;
    };
    // The worker's mailbox: the next run to compute (a newer one replaces it).
    struct Mail
    {
        std::optional<Job> next;
    };
    void runJob(Job &job);
    void onCellInWorker(quint64 run, int series, const core::BornDeadCell &cell, qsizetype done,
                        qsizetype total);
    void onFinishedInWorker(quint64 run, bool cancelled, double seconds, const QString &error);
    void setRunning(bool running);

    // GUI thread's view.
    quint64 m_run = 0;
    bool m_running = false;
    std::size_t m_cellsDone = 0;
    std::size_t m_cellsTotal = 0;
    int m_threads = 0; // as set (0: defaultThreads())

    // The run in progress stops when this reads true. Set in the mailbox's post() with every
    // start, cancel and abort; cleared, also under the mailbox's lock, when the worker takes the
    // next job, so a cancel can never be lost between two runs.
    std::atomic<bool> m_cancel {false};
    std::atomic<quint64> m_computing {0};
    std::atomic<quint64> m_computedCells {0};
    Worker<Mail, Job> m_worker; // last: stopped before the members its job uses are destroyed
};

} // namespace relulab::app

Q_DECLARE_METATYPE(relulab::core::BornDeadCell)
