#pragma once

#include <QObject>
#include <QPointer>

#include "curveworker.h"

namespace relulab::app {

class ParameterModel;

// The GUI thread's facade of the curve worker. request() never blocks: it stamps the request with
// the next generation and posts it. Results come back by queued signal and are passed on by
// curvesReady() only if they are newer than the last one passed on.
class CurveService : public QObject
{
    Q_OBJECT

public:
    explicit CurveService(QObject *parent = nullptr);
    ~CurveService() override;

    // Follows `model`: the changes of one event-loop turn become a single request for the model's
    // selected curve and overlays. Also requests the current state once.
    void follow(const ParameterModel *model);

    // Posts a request and returns its generation.
    quint64 request(CurveRequest request);

    quint64 requestedGeneration() const noexcept { return m_requested; }
    quint64 shownGeneration() const noexcept { return m_shown; }
    quint64 requestCount() const noexcept { return m_requestCount; }
    quint64 deliveredCount() const noexcept { return m_deliveredCount; }
    const CurveWorker &worker() const noexcept { return m_worker; }
    // Requests made but not yet taken up by the worker: one scheduled from the model's changes of
    // this event-loop turn and one in the worker's mailbox at most, however fast changes come.
    int pendingRequestCount() const
    {
        return (m_modelRequestScheduled ? 1 : 0) + m_worker.queuedRequestCount();
    }

signals:
    void curvesReady(relulab::app::CurveResultPtr result);

private:
    void scheduleRequestFromModel();
    void requestFromModel();
    void takeLatestResult();

    CurveWorker m_worker;
    // Guarded: a model destroyed while a request is scheduled must not be read.
    QPointer<const ParameterModel> m_model;
    bool m_modelRequestScheduled = false;
    quint64 m_requested = 0;
    quint64 m_shown = 0;
    quint64 m_requestCount = 0;
    quint64 m_deliveredCount = 0;
};

} // namespace relulab::app

Q_DECLARE_METATYPE(relulab::app::CurveResultPtr)
