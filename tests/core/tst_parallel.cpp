// Tests of src/core/parallel.h: parallelFor must cover [0, n) exactly once in contiguous chunks,
// and use a team only above its threshold.

#include <QObject>
#include <QTest>

#include <algorithm>
#include <cstddef>
#include <mutex>
#include <utility>
#include <vector>

#include "core/parallel.h"

namespace core = relulab::core;

namespace {

using Chunk = std::pair<std::size_t, std::size_t>;

std::vector<Chunk> chunksOf(std::size_t n, std::size_t threshold)
{
    std::mutex mutex;
    std::vector<Chunk> chunks;
    core::parallelFor(n, threshold, [&](std::size_t begin, std::size_t end) {
        const std::lock_guard lock(mutex);
        chunks.emplace_back(begin, end);
    });
    std::sort(chunks.begin(), chunks.end());
    return chunks;
}

} // namespace

class TestParallel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void setMaxThreads();
    void openMpEnabled();
    void chunksCoverRange_data();
    void chunksCoverRange();

private:
    int m_defaultThreads = 1;
};

void TestParallel::initTestCase()
{
    m_defaultThreads = core::maxThreads();
}

void TestParallel::cleanup()
{
    // Each test function starts from the machine's default.
    core::setMaxThreads(m_defaultThreads);
}

void TestParallel::setMaxThreads()
{
    core::setMaxThreads(1);
    QCOMPARE(core::maxThreads(), 1);
    core::setMaxThreads(2);
    QCOMPARE(core::maxThreads(), core::openMpEnabled() ? 2 : 1);
    // Nonsense counts mean one thread, not an OpenMP error.
    core::setMaxThreads(0);
    QCOMPARE(core::maxThreads(), 1);
    core::setMaxThreads(-4);
    QCOMPARE(core::maxThreads(), 1);
}

void TestParallel::openMpEnabled()
{
#ifdef RELULAB_USE_OPENMP
    QVERIFY(core::openMpEnabled());
#else
    QVERIFY(!core::openMpEnabled());
#endif
}

void TestParallel::chunksCoverRange_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<std::size_t>("n");
    QTest::addColumn<std::size_t>("threshold");
    QTest::addColumn<bool>("parallel");
    for (const int threads : {1, 2}) {
        const bool team = threads > 1 && core::openMpEnabled();
        const QByteArray t = QByteArray::number(threads) + " threads, ";
        QTest::newRow((t + "n=0").constData()) << threads << std::size_t {0} << std::size_t {0} << false;
        QTest::newRow((t + "n=1 above threshold").constData())
                << threads << std::size_t {1} << std::size_t {0} << team;
        QTest::newRow((t + "n=2 above threshold").constData())
                << threads << std::size_t {2} << std::size_t {1} << team;
        QTest::newRow((t + "n=1001 above threshold").constData())
                << threads << std::size_t {1001} << std::size_t {1000} << team;
        // The threshold is exclusive: n == threshold stays serial.
        QTest::newRow((t + "n=1000 at threshold").constData())
                << threads << std::size_t {1000} << std::size_t {1000} << false;
        QTest::newRow((t + "n=999 below threshold").constData())
                << threads << std::size_t {999} << std::size_t {1000} << false;
        QTest::newRow((t + "n=300001").constData())
                << threads << std::size_t {300'001} << std::size_t {200'000} << team;
    }
}

void TestParallel::chunksCoverRange()
{
    QFETCH(int, threads);
    QFETCH(std::size_t, n);
    QFETCH(std::size_t, threshold);
    QFETCH(bool, parallel);
    core::setMaxThreads(threads);
    const std::vector<Chunk> chunks = chunksOf(n, threshold);

    if (n == 0) {
        QVERIFY(chunks.empty());
        return;
    }
    // A team splits the work into one non-empty chunk per thread (fewer if n is smaller).
    const std::size_t expectedChunks = parallel ? std::min<std::size_t>(n, 2) : 1;
    QCOMPARE(chunks.size(), expectedChunks);
    std::size_t next = 0;
    std::size_t smallest = n;
    std::size_t largest = 0;
    for (const auto &[begin, end] : chunks) {
        QCOMPARE(begin, next);
        QVERIFY(end > begin);
        smallest = std::min(smallest, end - begin);
        largest = std::max(largest, end - begin);
        next = end;
    }
    QCOMPARE(next, n);
    // Balanced: shares differ by at most one element.
    QVERIFY(largest - smallest <= 1);
}

QTEST_APPLESS_MAIN(TestParallel)
#include "tst_parallel.moc"
