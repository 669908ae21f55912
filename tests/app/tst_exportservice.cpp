// The export service: files written off the GUI thread, every request in the order asked (none
// dropped for a newer one), errors named, and a service destroyed with writes queued still writes
// them.

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <thread>

#include "app/exportservice.h"

using relulab::app::ExportService;

namespace {

constexpr int TimeoutMs = 60'000;

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExportService : public QObject
{
    Q_OBJECT

private slots:
    void writesEveryRequestInOrder();
    void producesOffTheGuiThread();
    void reportsErrors();
    void destructionWritesWhatIsQueued();

private:
    QTemporaryDir m_dir;
};

void TestExportService::writesEveryRequestInOrder()
{
    ExportService service;
    QVERIFY(service.isIdle());
    QSignalSpy written(&service, &ExportService::written);
    constexpr int Files = 50;
    for (int k = 0; k < Files; ++k) {
        const quint64 id = service.write(m_dir.filePath(QStringLiteral("f%1.txt").arg(k)),
                                         QByteArray::number(k));
        QCOMPARE(id, quint64(k + 1));
    }
    QVERIFY(!service.isIdle());
    QTRY_VERIFY_WITH_TIMEOUT(service.isIdle(), TimeoutMs);
    QCOMPARE(written.count(), Files);
    QCOMPARE(service.pendingCount(), 0);
    for (int k = 0; k < Files; ++k) {
        QCOMPARE(written.at(k).at(0).value<quint64>(), quint64(k + 1));
        const QString path = m_dir.filePath(QStringLiteral("f%1.txt").arg(k));
        QCOMPARE(written.at(k).at(1).toString(), path);
        QCOMPARE(written.at(k).at(2).toString(), QString());
        QCOMPARE(contents(path), QByteArray::number(k));
    }
}

void TestExportService::producesOffTheGuiThread()
{
    ExportService service;
    QSignalSpy written(&service, &ExportService::written);
    const std::thread::id gui = std::this_thread::get_id();
    std::thread::id producer;
    const QString path = m_dir.filePath(QStringLiteral("made.txt"));
    service.write(path, [&] {
        producer = std::this_thread::get_id();
        return ExportService::Produced {QByteArray("made on the worker")};
    });
    QTRY_VERIFY_WITH_TIMEOUT(service.isIdle(), TimeoutMs);
    QVERIFY(producer != std::thread::id());
    QVERIFY(producer != gui);
    QCOMPARE(contents(path), QByteArray("made on the worker"));
}

void TestExportService::reportsErrors()
{
    ExportService service;
    QSignalSpy written(&service, &ExportService::written);
    const QString missing = m_dir.filePath(QStringLiteral("no-such-folder/x.csv"));
    service.write(missing, QByteArray("x"));
    const QString failed = m_dir.filePath(QStringLiteral("failed.png"));
    service.write(failed, [] {
        return ExportService::Produced {QStringLiteral("the PNG could not be drawn")};
    });
    QTRY_VERIFY_WITH_TIMEOUT(service.isIdle(), TimeoutMs);
    QCOMPARE(written.count(), 2);
    const QString first = written.at(0).at(2).toString();
    QVERIFY2(first.contains(missing), qPrintable(first));
    QCOMPARE(written.at(1).at(2).toString(), QStringLiteral("the PNG could not be drawn"));
    QVERIFY(!QFile::exists(missing));
    QVERIFY(!QFile::exists(failed));
}

void TestExportService::destructionWritesWhatIsQueued()
{
    const QString slow = m_dir.filePath(QStringLiteral("slow.txt"));
    const QString queued = m_dir.filePath(QStringLiteral("queued.txt"));
    {
        ExportService service;
        service.write(slow, [] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            return ExportService::Produced {QByteArray("slow")};
        });
        service.write(queued, QByteArray("queued"));
    }
    QCOMPARE(contents(slow), QByteArray("slow"));
    QCOMPARE(contents(queued), QByteArray("queued"));
}

QTEST_GUILESS_MAIN(TestExportService)
#include "tst_exportservice.moc"
