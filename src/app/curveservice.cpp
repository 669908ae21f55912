#include "curveservice.h"

#include "parametermodel.h"

namespace relulab::app {

CurveService::CurveService(QObject *parent)
    : QObject(parent)
{
    // The worker emits from its own thread; queued, the slot runs here on the GUI thread.
    connect(&m_worker, &CurveWorker::resultReady, this, &CurveService::takeLatestResult,
            Qt::QueuedConnection);
}

CurveService::~CurveService() = default;

void CurveService::follow(const ParameterModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (!m_model)
        return;
    connect(m_model, &ParameterModel::changed, this, &CurveService::scheduleRequestFromModel);
    scheduleRequestFromModel();
}

quint64 CurveService::request(CurveRequest request)
{
    request.generation = ++m_requested;
    request.submittedAt = CurveClock::now();
    ++m_requestCount;
    m_worker.submit(std::move(request));
    return m_requested;
}

void CurveService::scheduleRequestFromModel()
{
    if (m_modelRequestScheduled)
        return;
    m_modelRequestScheduled = true;
    QMetaObject::invokeMethod(this, &CurveService::requestFromModel, Qt::QueuedConnection);
}

void CurveService::requestFromModel()
{
    m_modelRequestScheduled = false;
    if (!m_model)
        return;
    request({m_model->curveSpec(), m_model->overlays(), 0, {}});
}

void CurveService::takeLatestResult()
{
    CurveResultPtr result = m_worker.takeResult();
    if (!result || result->generation <= m_shown)
        return;
    m_shown = result->generation;
    ++m_deliveredCount;
    emit curvesReady(result);
}

} // namespace relulab::app
