#include "parallel.h"

#ifdef RELULAB_USE_OPENMP
#include <omp.h>
#endif

namespace relulab::core {

#ifdef RELULAB_USE_OPENMP
int maxThreads() noexcept
{
    return omp_get_max_threads();
}

void setMaxThreads(int n) noexcept
{
    omp_set_num_threads(std::max(1, n));
}

bool openMpEnabled() noexcept
{
    return true;
}

int threadIndex() noexcept
{
    return omp_get_thread_num();
}

ChunkRange chunkOfThisThread(std::size_t n) noexcept
{
    const auto thread = static_cast<std::size_t>(omp_get_thread_num());
    const auto threads = static_cast<std::size_t>(omp_get_num_threads());
    const std::size_t base = n / threads;
    const std::size_t extra = n % threads;
    const std::size_t begin = thread * base + std::min(thread, extra);
    return {begin, begin + base + (thread < extra ? 1 : 0)};
}
#else
int maxThreads() noexcept
{
    return 1;
}

void setMaxThreads(int) noexcept { }

bool openMpEnabled() noexcept
{
    return false;
}

int threadIndex() noexcept
{
    return 0;
}
#endif

} // namespace relulab::core
