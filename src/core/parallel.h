#pragma once

// The one place that speaks OpenMP. Compute code calls parallelFor; with RELULAB_USE_OPENMP off
// (the ThreadSanitizer build) the same code runs serially.

#include <algorithm>
#include <cstddef>
#include <exception>

namespace relulab::core {

// Number of threads an OpenMP region would use (1 without OpenMP).
int maxThreads() noexcept;
// Sets the number of threads for later regions (ignored without OpenMP). n < 1 means 1.
void setMaxThreads(int n) noexcept;
// True when the build uses OpenMP.
bool openMpEnabled() noexcept;

// Inside parallelForEachThread's body: which thread this is, 0 .. maxThreads() - 1.
int threadIndex() noexcept;

#ifdef RELULAB_USE_OPENMP
struct ChunkRange
{
    std::size_t begin;
    std::size_t end;
};
// Inside a parallel region: this thread's contiguous share of [0, n).
ChunkRange chunkOfThisThread(std::size_t n) noexcept;
#endif

// Calls body(thread, begin, end) on contiguous chunks covering [0, n), `thread` the index of the
// thread that runs it (for per-thread scratch memory), in parallel only when n exceeds
// `threshold`: starting a team costs microseconds, and on a busy two-core laptop a team on tiny
// work can wait a whole frame for its second thread. Chunks are contiguous so the body's inner
// loop vectorises.
template<class Body>
void parallelForEachThread(std::size_t n, std::size_t threshold, Body &&body)
{
#ifdef RELULAB_USE_OPENMP
    if (n > threshold && maxThreads() > 1) {
#pragma omp parallel
        {
            const auto [begin, end] = chunkOfThisThread(n);
            if (begin < end)
                body(threadIndex(), begin, end);
        }
        return;
    }
#else
    (void)threshold;
#endif
    if (n > 0)
        body(0, std::size_t {0}, n);
}

// As parallelForEachThread, for a body(begin, end) that needs no thread index.
template<class Body>
void parallelFor(std::size_t n, std::size_t threshold, Body &&body)
{
    parallelForEachThread(n, threshold,
                          [&body](int, std::size_t begin, std::size_t end) { body(begin, end); });
}

// Calls body(i) once for every i in [0, n), for coarse and unequal items (whole training runs):
// the team takes them one at a time as its threads become free. Inside body, parallel regions run
// on body's thread alone: the cores are busy with the other items, and a nested team would only
// oversubscribe them. (libgomp runs nested regions on one thread by default, but OMP_NESTED or
// OMP_MAX_ACTIVE_LEVELS change that, and maxThreads() inside would still report the outer team.)
// Without a team (n < 2 or one thread) the items run in order on the calling thread, and their
// regions use the whole team. An exception from body is rethrown here after the region, since one
// escaping an OpenMP region would end the program.
template<class Body>
void parallelForEachItem(std::size_t n, Body &&body)
{
#ifdef RELULAB_USE_OPENMP
    const int threads = static_cast<int>(
            std::min<std::size_t>(n, static_cast<std::size_t>(std::max(1, maxThreads()))));
    if (threads > 1) {
        std::exception_ptr error;
        const auto count = static_cast<std::ptrdiff_t>(n);
#pragma omp parallel num_threads(threads)
        {
            // The thread count is a per-task setting: this changes it for this thread's share of
            // the region only, not for the caller after it.
            setMaxThreads(1);
#pragma omp for schedule(dynamic, 1)
            for (std::ptrdiff_t i = 0; i < count; ++i) {
                try {
                    body(static_cast<std::size_t>(i));
                } catch (...) {
#pragma omp critical(relulab_parallel_for_each_item)
                    if (!error)
                        error = std::current_exception();
                }
            }
        }
        if (error)
            std::rethrow_exception(error);
        return;
    }
#endif
    for (std::size_t i = 0; i < n; ++i)
        body(i);
}

} // namespace relulab::core
