#pragma once

// The one place that speaks OpenMP. Compute code calls parallelFor; with RELULAB_USE_OPENMP off
// (the ThreadSanitizer build) the same code runs serially.

#include <algorithm>
#include <cstddef>

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

// Calls body(begin, end) on contiguous chunks covering [0, n), in parallel only when n exceeds
// `threshold`: starting a team costs microseconds, and on a busy two-core laptop a team on tiny
// work can wait a whole frame for its second thread. Chunks are contiguous so the body's inner loop
// vectorises.
template<class Body>
void parallelFor(std::size_t n, std::size_t threshold, Body &&body)
{
#ifdef RELULAB_USE_OPENMP
    if (n > threshold && maxThreads() > 1) {
#pragma omp parallel
        {
            const auto [begin, end] = chunkOfThisThread(n);
            if (begin < end)
                body(begin, end);
        }
        return;
    }
#else
    (void)threshold;
#endif
    if (n > 0)
        body(std::size_t {0}, n);
}

// As parallelFor, but body(thread, begin, end) also gets the thread's index, so that it can use
// per-thread scratch memory.
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
        body(0, std::size_t{0}, n);
}

} // namespace relulab::core
