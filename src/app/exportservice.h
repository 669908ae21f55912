#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <variant>

#include "worker.h"

namespace relulab::app {

// Writes the files a user exports (File > Export data, Export figure) on a Worker, off the GUI
// thread: formatting a large CSV or encoding a large PNG takes longer than a frame. Every request
// is written, in the order asked (an export is a file the user wants: none is dropped for a
// newer one), each atomically (writeUserFile). Lives on the GUI thread; write() returns at
// once and written() follows on the GUI thread.
class ExportService : public QObject
{
    Q_OBJECT

public:
    // The file's bytes, or the message that says why there are none (a picture that could not be
    // encoded).
    using Produced = std::variant<QByteArray, QString>;
    // Makes them, on the worker thread.
    using Producer = std::function<Produced()>;

    explicit ExportService(QObject *parent = nullptr);
    ~ExportService() override;

    // Queues `path` to be written with what `produce` makes; returns the request's number (1, 2,
    // ...), which written() names.
    quint64 write(const QString &path, Producer produce);
    // Queues `bytes` made already.
    quint64 write(const QString &path, QByteArray bytes);

    // Requests not yet written (queued or being written).
    int pendingCount() const noexcept { return m_pending; }
    // Nothing queued, nothing being written, every written() delivered.
    bool isIdle() const { return m_worker.isIdle(); }

signals:
    // Request `id` is done: `error` is empty when `path` holds the file, else the message.
    void written(quint64 id, const QString &path, const QString &error);

    // The worker's notification to the GUI thread (queued; not for use outside).
    void reportsQueued(QPrivateSignal);

private:
    struct Request
    {
        quint64 id = 0;
        QString path;
        Producer produce;
    };
    void writeNow(Request &request);
    void onWrittenInWorker(quint64 id, const QString &path, const QString &error);

    quint64 m_requests = 0; // GUI thread
    int m_pending = 0; // GUI thread
    Worker<std::deque<Request>, Request> m_worker; // last: stopped before the rest is destroyed
};

} // namespace relulab::app
