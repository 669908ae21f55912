#include "exportservice.h"

#include "dataexport.h"
#include "userfiles.h"

#include <QCoreApplication>

#include <exception>

namespace relulab::app {

ExportService::ExportService(QObject *parent)
    : QObject(parent)
{
    // As in TrainingController: the worker notifies by a queued signal, not a functor.
    connect(
            this, &ExportService::reportsQueued, this, [this] { m_worker.deliverReports(); },
            Qt::QueuedConnection);
    m_worker.start({.onStart = {},
                    .ready = [](const std::deque<Request> &queue) { return !queue.empty(); },
                    .take =
                            [](std::deque<Request> &queue) {
                                Request next = std::move(queue.front());
                                queue.pop_front();
                                return next;
                            },
                    .run = [this](Request &request) { writeNow(request); },
                    .notify = {},
                    .notifyReports = [this] { emit reportsQueued(QPrivateSignal()); }});
}

// Writes what is queued before it goes: a user who exported and quit still gets the file.
ExportService::~ExportService()
{
    m_worker.finish();
}

quint64 ExportService::write(const QString &path, Producer produce)
{
    const quint64 id = ++m_requests;
    ++m_pending;
    m_worker.post([&](std::deque<Request> &queue) {
        queue.push_back({id, path, std::move(produce)});
    });
    return id;
}

quint64 ExportService::write(const QString &path, QByteArray bytes)
{
    return write(path, [bytes = std::move(bytes)] { return Produced {bytes}; });
}

void ExportService::writeNow(Request &request)
{
    Produced produced;
    try {
        produced = request.produce();
    } catch (const std::exception &e) {
        // A picture of hundreds of megapixels may not fit in memory: a message, not the end.
        produced = QCoreApplication::translate("relulab::app::DataExport", "Could not write %1: %2")
                           .arg(request.path, QString::fromLocal8Bit(e.what()));
    }
    QString error;
    if (const auto *message = std::get_if<QString>(&produced)) {
        error = *message;
    } else if (const auto failed = writeUserFile(request.path, std::get<QByteArray>(produced))) {
        error = *failed;
    }
    m_worker.report([this, id = request.id, path = request.path, error] {
        onWrittenInWorker(id, path, error);
    });
}

void ExportService::onWrittenInWorker(quint64 id, const QString &path, const QString &error)
{
    --m_pending;
    emit written(id, path, error);
}

} // namespace relulab::app
