// CurveService with its real worker thread: latest request wins, deliveries only move forward,
// model changes are coalesced per event-loop turn, and destruction never hangs.
//
// Only the GUI-thread CurveService is observed (QSignalSpy, slots); the CurveWorker emits from its
// own thread, where a spy's unlocked list would race.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

#include "app/curveservice.h"
#include "app/parametermodel.h"
#include "common/fuzzycompare.h"
#include "core/sampling.h"

using relulab::app::CurveRequest;
using relulab::app::CurveResultPtr;
using relulab::app::CurveService;
using relulab::app::ParameterModel;
using relulab::core::Activation;
using relulab::core::CurveSpec;

namespace {

// Generous: the worker finishes in milliseconds, but a ThreadSanitizer build on a busy 2-core
// machine can be a hundred times slower.
constexpr int SettleTimeoutMs = 60'000;

// Records every delivery on the GUI thread and checks, as it happens, that each one is newer than
// the one before it.
class Deliveries : public QObject
{
public:
    explicit Deliveries(const CurveService &service)
        : m_service(service)
    {
        connect(&service, &CurveService::curvesReady, this, &Deliveries::record);
    }

    const QList<CurveResultPtr> &results() const { return m_results; }
    bool inOrder() const { return m_inOrder; }
    bool matchedShown() const { return m_matchedShown; }

private:
    void record(const CurveResultPtr &result)
    {
        if (!result) {
            m_inOrder = false;
            return;
        }
        if (!m_results.isEmpty() && result->generation <= m_results.last()->generation)
            m_inOrder = false;
        // The service updates what it has shown before it announces it.
        if (result->generation != m_service.shownGeneration())
            m_matchedShown = false;
        m_results.append(result);
    }

    const CurveService &m_service;
    QList<CurveResultPtr> m_results;
    bool m_inOrder = true;
    bool m_matchedShown = true;
};

QByteArray describe(const CurveSpec &spec)
{
    return "kind " + QByteArray::number(static_cast<int>(spec.kind)) + ", leaky "
            + QByteArray::number(spec.params.leakySlope, 'g', 17) + ", x "
            + QByteArray::number(spec.xMin, 'g', 17) + ".." + QByteArray::number(spec.xMax, 'g', 17)
            + ", samples " + QByteArray::number(qulonglong(spec.samples));
}

// The result is the core's curve for its spec (spot checks: the full comparison is
// tst_curveworker's job).
void verifyAgainstCore(const CurveResultPtr &result)
{
    QVERIFY(result);
    const relulab::core::SampledCurve expected = relulab::core::sampleCurve(result->spec);
    QCOMPARE(result->x.size(), qsizetype(result->spec.samples));
    QCOMPARE(result->selected.y.size(), result->x.size());
    for (qsizetype i : {qsizetype(0), result->x.size() / 3, result->x.size() - 1}) {
        const auto index = static_cast<std::size_t>(i);
        RELULAB_COMPARE_EXACT(result->x[i], expected.x[index]);
        RELULAB_COMPARE_EXACT(result->selected.y[i], expected.y[index]);
        RELULAB_COMPARE_EXACT(result->selected.dy[i], expected.dy[index]);
    }
}

// The worker's counters agree with what the service saw.
void verifyCounts(const CurveService &service)
{
    const quint64 computed = service.worker().computedCount();
    const quint64 dropped = service.worker().droppedCount();
    QVERIFY2(dropped <= computed, QByteArray::number(dropped) + " > " + QByteArray::number(computed));
    QVERIFY(service.deliveredCount() <= computed - dropped);
    QVERIFY(computed <= service.requestCount());
    QVERIFY(service.deliveredCount() >= 1);
}

} // namespace

class TestCurveService : public QObject
{
    Q_OBJECT

private slots:
    void singleRequestIsDelivered();
    void floodWithoutEventLoopDeliversTheLast();
    void floodWithEventLoopDeliversTheLast();
    void followCoalescesOneTurnIntoOneRequest();
    void followRequestsTheCurrentStateOnce();
    void followAnotherModelOrNone();
    void destroyWhilePendingReturnsPromptly();
    void destroyWithUntakenResult();
};

void TestCurveService::singleRequestIsDelivered()
{
    CurveService service;
    QSignalSpy spy(&service, &CurveService::curvesReady);
    CurveRequest request;
    request.spec.kind = Activation::Gelu;
    request.overlays = {Activation::Relu};
    const quint64 generation = service.request(request);
    QCOMPARE(generation, quint64(1));
    QCOMPARE(service.requestedGeneration(), quint64(1));
    QCOMPARE(service.requestCount(), quint64(1));
    // Delivery is asynchronous: nothing before the event loop runs.
    QCOMPARE(spy.size(), 0);

    QVERIFY(spy.wait(SettleTimeoutMs));
    QCOMPARE(spy.size(), 1);
    const auto result = spy.at(0).at(0).value<CurveResultPtr>();
    QVERIFY(result);
    QCOMPARE(result->generation, generation);
    QVERIFY(result->spec == request.spec);
    QCOMPARE(result->overlays.size(), qsizetype(1));
    QCOMPARE(result->overlays[0].kind, Activation::Relu);
    QCOMPARE(service.shownGeneration(), generation);
    QCOMPARE(service.deliveredCount(), quint64(1));
    verifyAgainstCore(result);
    verifyCounts(service);
}

void TestCurveService::floodWithoutEventLoopDeliversTheLast()
{
    constexpr int requests = 2000;
    CurveService service;
    QSignalSpy spy(&service, &CurveService::curvesReady);
    const Deliveries deliveries(service);
    QList<CurveSpec> specs; // by generation - 1
    for (int i = 0; i < requests; ++i) {
        CurveRequest request;
        request.spec.kind = Activation::LeakyRelu;
        request.spec.params.leakySlope = (i + 1) / 4096.0;
        request.overlays = {Activation::Relu, Activation::Tanh};
        specs.append(request.spec);
        QCOMPARE(service.request(request), quint64(i + 1));
    }
    QCOMPARE(service.requestCount(), quint64(requests));
    QCOMPARE(service.requestedGeneration(), quint64(requests));

    QTRY_COMPARE_WITH_TIMEOUT(service.shownGeneration(), service.requestedGeneration(), SettleTimeoutMs);
    // Nothing further arrives once the last one is shown.
    QTest::qWait(50);
    QCOMPARE(service.shownGeneration(), quint64(requests));

    const QList<CurveResultPtr> &results = deliveries.results();
    QVERIFY(!results.isEmpty());
    QCOMPARE(qsizetype(spy.size()), results.size());
    QCOMPARE(service.deliveredCount(), quint64(results.size()));
    QVERIFY2(results.size() < requests, QByteArray::number(results.size()));
    QVERIFY(deliveries.inOrder());
    QVERIFY(deliveries.matchedShown());
    for (const CurveResultPtr &result : results) {
        const CurveSpec &asked = specs[qsizetype(result->generation) - 1];
        QVERIFY2(result->spec == asked, describe(result->spec) + " vs " + describe(asked));
    }
    const CurveResultPtr last = results.last();
    QCOMPARE(last->generation, service.requestedGeneration());
    QVERIFY(last->spec == specs.last());
    QCOMPARE(spy.last().at(0).value<CurveResultPtr>(), last);
    verifyAgainstCore(last);
    verifyCounts(service);
}

void TestCurveService::floodWithEventLoopDeliversTheLast()
{
    constexpr int requests = 500;
    CurveService service;
    const Deliveries deliveries(service);
    QList<CurveSpec> specs;
    quint64 shownBefore = 0;
    bool shownNeverWentBack = true;
    for (int i = 0; i < requests; ++i) {
        CurveRequest request;
        // A new grid every time, so the cache cannot make a request cheaper than a loop turn.
        request.spec.kind = Activation::Gelu;
        request.spec.samples = 100'001 + 2 * static_cast<std::size_t>(i);
        request.overlays = {Activation::Silu};
        specs.append(request.spec);
        service.request(request);
        QCoreApplication::processEvents();
        // Paced a little, so that results also come back while requests are still coming; each
        // one takes the worker far longer than a loop turn, so most are still superseded.
        QThread::usleep(100);
        if (service.shownGeneration() < shownBefore)
            shownNeverWentBack = false;
        shownBefore = service.shownGeneration();
        // Halfway, make sure at least one result has come back, so the requests after it
        // race against a result already shown.
        if (i == requests / 2)
            QTRY_VERIFY_WITH_TIMEOUT(service.deliveredCount() > 0, SettleTimeoutMs);
    }
    QVERIFY(shownNeverWentBack);
    // Some results came back in the middle of the stream, not only the last one.
    QVERIFY(deliveries.results().first()->generation < quint64(requests));
    QTRY_COMPARE_WITH_TIMEOUT(service.shownGeneration(), service.requestedGeneration(), SettleTimeoutMs);
    QTest::qWait(50);

    const QList<CurveResultPtr> &results = deliveries.results();
    QVERIFY(!results.isEmpty());
    QCOMPARE(service.deliveredCount(), quint64(results.size()));
    QVERIFY2(results.size() < requests, QByteArray::number(results.size()));
    QVERIFY(deliveries.inOrder());
    QVERIFY(deliveries.matchedShown());
    for (const CurveResultPtr &result : results)
        QVERIFY(result->spec == specs[qsizetype(result->generation) - 1]);
    QCOMPARE(results.last()->generation, quint64(requests));
    QVERIFY(results.last()->spec == specs.last());
    QCOMPARE(results.last()->overlays.size(), qsizetype(1));
    QCOMPARE(results.last()->overlays[0].kind, Activation::Silu);
    verifyAgainstCore(results.last());
    verifyCounts(service);
}

void TestCurveService::followCoalescesOneTurnIntoOneRequest()
{
    ParameterModel model;
    CurveService service;
    const Deliveries deliveries(service);
    service.follow(&model);
    QTRY_COMPARE_WITH_TIMEOUT(service.deliveredCount(), quint64(1), SettleTimeoutMs);
    QCOMPARE(service.requestCount(), quint64(1));

    // One event-loop turn's worth of changes, as a burst of widget signals would make.
    model.setSelectedActivation(Activation::Elu);
    model.setValue(ParameterModel::Real::EluAlpha, 2.0);
    model.setOverlay(Activation::Tanh, true);
    model.setOverlay(Activation::Relu, true);
    model.setSamples(2001);
    model.setValue(ParameterModel::Real::XMin, -5.0);
    model.setValue(ParameterModel::Real::RreluLower, 0.5);
    QCOMPARE(service.requestCount(), quint64(1)); // nothing yet: the request waits for the loop

    QTRY_COMPARE_WITH_TIMEOUT(service.deliveredCount(), quint64(2), SettleTimeoutMs);
    QTest::qWait(50);
    QCOMPARE(service.requestCount(), quint64(2));
    QCOMPARE(service.deliveredCount(), quint64(2));
    QCOMPARE(service.shownGeneration(), service.requestedGeneration());

    const CurveResultPtr last = deliveries.results().last();
    QVERIFY2(last->spec == model.curveSpec(),
             describe(last->spec) + " vs " + describe(model.curveSpec()));
    QCOMPARE(last->spec.kind, Activation::Elu);
    RELULAB_COMPARE_EXACT(last->spec.params.eluAlpha, 2.0);
    RELULAB_COMPARE_EXACT(last->spec.params.rreluUpper, 0.5);
    QCOMPARE(last->x.size(), qsizetype(2001));
    QList<Activation> overlayKinds;
    for (const auto &overlay : last->overlays)
        overlayKinds.append(overlay.kind);
    QCOMPARE(overlayKinds, model.overlays());
    QCOMPARE(overlayKinds, (QList<Activation> {Activation::Relu, Activation::Tanh}));
    verifyAgainstCore(last);
    verifyCounts(service);
}

void TestCurveService::followRequestsTheCurrentStateOnce()
{
    ParameterModel model;
    model.setSelectedActivation(Activation::Mish);
    model.setSamples(101);
    CurveService service;
    QSignalSpy spy(&service, &CurveService::curvesReady);
    service.follow(&model);
    QVERIFY(spy.wait(SettleTimeoutMs));
    QTest::qWait(50);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(service.requestCount(), quint64(1));
    QVERIFY(spy.at(0).at(0).value<CurveResultPtr>()->spec == model.curveSpec());

    // A no-op set changes nothing, so it requests nothing.
    model.setSamples(101);
    model.setSelectedActivation(Activation::Mish);
    QTest::qWait(50);
    QCOMPARE(service.requestCount(), quint64(1));
    QCOMPARE(spy.size(), 1);
}

void TestCurveService::followAnotherModelOrNone()
{
    ParameterModel first;
    ParameterModel second;
    second.setSelectedActivation(Activation::Sigmoid);
    CurveService service;
    service.follow(&first);
    QTRY_COMPARE_WITH_TIMEOUT(service.deliveredCount(), quint64(1), SettleTimeoutMs);

    service.follow(&second);
    QTRY_COMPARE_WITH_TIMEOUT(service.deliveredCount(), quint64(2), SettleTimeoutMs);
    QCOMPARE(service.requestCount(), quint64(2));
    first.setSelectedActivation(Activation::Tanh); // no longer followed
    QTest::qWait(50);
    QCOMPARE(service.requestCount(), quint64(2));

    // A change scheduled, then following stops before the loop runs: no request.
    second.setSamples(333);
    service.follow(nullptr);
    second.setSamples(555);
    QTest::qWait(50);
    QCOMPARE(service.requestCount(), quint64(2));
    QCOMPARE(service.deliveredCount(), quint64(2));
}

void TestCurveService::destroyWhilePendingReturnsPromptly()
{
    auto service = std::make_unique<CurveService>();
    bool delivered = false;
    connect(service.get(), &CurveService::curvesReady, this, [&delivered] { delivered = true; });
    // One request to keep the worker busy and one waiting behind it in the mailbox.
    for (std::size_t samples : {std::size_t(100'001), std::size_t(100'003)}) {
        CurveRequest request;
        request.spec.kind = Activation::Mish;
        request.spec.samples = samples;
        request.overlays = {Activation::Gelu, Activation::Silu};
        service->request(request);
    }
    QElapsedTimer timer;
    timer.start();
    service.reset();
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed < 1000, QByteArray::number(elapsed) + " ms");
    // A result the worker posted before it stopped must not reach the destroyed service.
    QCoreApplication::processEvents();
    QTest::qWait(20);
    QVERIFY(!delivered);
}

void TestCurveService::destroyWithUntakenResult()
{
    auto service = std::make_unique<CurveService>();
    CurveRequest request;
    request.spec.samples = 11;
    service->request(request);
    // The worker finishes and queues its notification, which the event loop never gets to.
    QElapsedTimer waiting;
    waiting.start();
    while (service->worker().computedCount() == 0 && waiting.elapsed() < SettleTimeoutMs)
        QThread::msleep(1);
    QCOMPARE(service->worker().computedCount(), quint64(1));
    QCOMPARE(service->deliveredCount(), quint64(0));
    QElapsedTimer timer;
    timer.start();
    service.reset();
    QVERIFY(timer.elapsed() < 1000);
    QCoreApplication::processEvents();
}

QTEST_GUILESS_MAIN(TestCurveService)
#include "tst_curveservice.moc"
