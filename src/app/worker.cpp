#include "worker.h"

#include <QThread>

#include <utility>

#ifdef __linux__
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "core/parallel.h"

namespace relulab::app {

int workerThreadCount()
{
    return std::max(1, std::min(core::maxThreads(), QThread::idealThreadCount() - 1));
}

void yieldCoresToGui()
{
    core::setMaxThreads(workerThreadCount());
#ifdef __linux__
    // Relative to the nice value the thread was started with (the GUI's), so that a user who
    // started the app with `nice` keeps the worker below the GUI all the same.
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    errno = 0;
    const int started = getpriority(PRIO_PROCESS, thread);
    if (errno == 0)
        setpriority(PRIO_PROCESS, thread, std::min(19, started + WorkerNiceness));
#endif
}

bool FramePacer::startFrameIfDue(Pace pace, WorkerClock::time_point now)
{
    if (now < m_frameEnd)
        return false;
    m_frameStart = now;
    m_frameEnd = now + (pace == Pace::AsFastAsPossible ? m_trainingWindow : FrameInterval);
    m_frameSteps = 0;
    return true;
}

void FramePacer::endFrame(WorkerClock::time_point now)
{
    const double seconds =
            std::chrono::duration<double>(std::max(now, m_frameEnd) - m_frameStart).count();
    const double rate = static_cast<double>(m_frameSteps) / seconds;
    m_stepsPerSecond = m_stepsPerSecond == 0.0 ? rate : 0.8 * m_stepsPerSecond + 0.2 * rate;
}

void FramePacer::pictureTook(WorkerClock::duration took, WorkerClock::duration reusedByTraining) noexcept
{
    const WorkerClock::duration zero = WorkerClock::duration::zero();
    const WorkerClock::duration picture = std::max(took, zero);
    const WorkerClock::duration reused = std::clamp(reusedByTraining, zero, picture);
    // The window plus the reused part trains at least as long as the rest of the picture.
    m_trainingWindow = std::clamp<WorkerClock::duration>(
            std::max(FrameInterval - picture, picture - 2 * reused), MinTrainingWindow,
            MaxTrainingWindow);
}

bool FramePacer::mayStartChunk(WorkerClock::time_point until, std::uint64_t limit,
                               WorkerClock::time_point now) const noexcept
{
    if (m_frameSteps == 0)
        return now < until;
    const auto steps = static_cast<WorkerClock::rep>(std::min(m_chunk, limit));
    return now + m_stepTime * steps / 2 < until;
}

void FramePacer::chunkTook(std::uint64_t size, WorkerClock::duration took) noexcept
{
    if (std::exchange(m_untimedChunk, false))
        return;
    if (size > 0)
        m_stepTime = took / static_cast<WorkerClock::rep>(size);
    // Only a full chunk says anything about the chunk size.
    if (size == m_chunk && took < std::chrono::microseconds(500))
        m_chunk *= 2;
    else if (took > std::chrono::milliseconds(2) && m_chunk > 1)
        m_chunk /= 2;
}

} // namespace relulab::app
