#include "borndeadcontroller.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <utility>

namespace relulab::app {

namespace {

using Clock = std::chrono::steady_clock;

std::size_t cellCount(const core::BornDeadConfig &config)
{
    return config.widths.size() * config.depths.size();
}

} // namespace

BornDeadController::BornDeadController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<core::BornDeadCell>();
    // Signals, not QMetaObject::invokeMethod with a functor, for the worker's notifications: see
    // TrainingController (ThreadSanitizer cannot see through Qt's uninstrumented event queue).
    connect(
            this, &BornDeadController::reportsQueued, this, [this] { m_worker.deliverReports(); },
            Qt::QueuedConnection);
    m_worker.start({.onStart = yieldCoresToGui,
                    .ready = [](const Mail &mail) { return mail.next.has_value(); },
                    .take =
                            [this](Mail &mail) {
                                Job job = std::move(*mail.next);
                                mail.next.reset();
                                m_cancel = false;
                                m_computing = job.run;
                                return job;
                            },
                    .run = [this](Job &job) { runJob(job); },
                    .notify = {},
                    .notifyReports = [this] { emit reportsQueued(QPrivateSignal()); }});
}

BornDeadController::~BornDeadController()
{
    m_worker.stop([this](Mail &mail) {
        mail.next.reset();
        m_cancel = true;
    });
}

void BornDeadController::setThreads(int threads)
{
    m_threads = std::max(0, threads);
}

double BornDeadController::progress() const noexcept
{
    return m_cellsTotal == 0 ? 0.0
                             : static_cast<double>(m_cellsDone) / static_cast<double>(m_cellsTotal);
}

quint64 BornDeadController::start(const core::BornDeadConfig &config)
{
    return start(std::vector<core::BornDeadConfig> {config});
}

quint64 BornDeadController::start(const std::vector<core::BornDeadConfig> &series)
{
    if (series.empty())
        return 0;
    std::size_t total = 0;
    for (const core::BornDeadConfig &config : series) {
        if (core::validate(config))
            return 0;
        total += cellCount(config);
    }
    Job job;
    job.run = ++m_run;
    job.series = series;
    for (core::BornDeadConfig &config : job.series) {
        if (config.threads == 0)
            config.threads = m_threads; // still 0 for the worker's own team
    }
    m_worker.post([this, &job](Mail &mail) {
        // Replaces a job not yet taken, and stops the one in progress.
        mail.next = std::move(job);
        m_cancel = true;
    });
    m_cellsDone = 0;
    m_cellsTotal = total;
    setRunning(true);
    emit progressChanged(0.0);
    return m_run;
}

void BornDeadController::cancel()
{
    if (!m_running)
        return;
    const bool wasQueued = m_worker.post([this](Mail &mail) {
        const bool queued = mail.next.has_value();
        mail.next.reset();
        m_cancel = true;
        return queued;
    });
    if (wasQueued) {
        // The worker never took it, so it will not report: this is its end.
        setRunning(false);
        emit finished(m_run, true, 0.0);
        return;
    }
    // The worker reports the end within milliseconds; its cells from now on are dropped.
    setRunning(false);
}

void BornDeadController::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    emit runningChanged(running);
}

void BornDeadController::onCellInWorker(quint64 run, int series, const core::BornDeadCell &cell,
                                        qsizetype done, qsizetype total)
{
    // A superseded or cancelled run's cells are never shown.
    if (run != m_run || !m_running)
        return;
    m_cellsDone = static_cast<std::size_t>(done);
    m_cellsTotal = static_cast<std::size_t>(total);
    emit cellReady(run, series, cell, done, total);
    emit progressChanged(progress());
}

void BornDeadController::onFinishedInWorker(quint64 run, bool cancelled, double seconds,
                                            const QString &error)
{
    if (run != m_run)
        return;
    // cancel() already stopped the run on the GUI side; the worker confirms it has stopped.
    const bool cancelledHere = !m_running;
    setRunning(false);
    if (!error.isEmpty()) {
        emit failed(run, error);
        return;
    }
    emit finished(run, cancelled || cancelledHere, seconds);
}

void BornDeadController::runJob(Job &job)
{
    std::size_t total = 0;
    for (const core::BornDeadConfig &config : job.series)
        total += cellCount(config);
    const auto startTime = Clock::now();
    bool cancelled = false;
    QString error;
    std::size_t before = 0; // cells of the earlier series
    try {
        for (std::size_t s = 0; s < job.series.size() && !cancelled; ++s) {
            const auto series = static_cast<int>(s);
            const core::BornDeadResult result = core::runBornDead(
                    job.series[s],
                    [&](std::size_t done, std::size_t, const core::BornDeadCell &cell) {
                        ++m_computedCells;
                        m_worker.report(
                                [this, run = job.run, series, cell,
                                 done = static_cast<qsizetype>(before) + static_cast<qsizetype>(done),
                                 total = static_cast<qsizetype>(total)] {
                                    onCellInWorker(run, series, cell, done, total);
                                });
                    },
                    &m_cancel);
            before += cellCount(job.series[s]);
            cancelled = result.cancelled;
        }
    } catch (const std::exception &e) {
        error = QString::fromLocal8Bit(e.what());
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - startTime).count();
    m_computing = 0;
    m_worker.report([this, run = job.run, cancelled, seconds, error] {
        onFinishedInWorker(run, cancelled, seconds, error);
    });
}

} // namespace relulab::app
