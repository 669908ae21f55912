// File > Export data's CSV: a header row, one row per sample with every number in its shortest
// exact form, empty cells for what was not measured; the curves' columns; atomic writing that
// names the file when it fails and leaves nothing behind.

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

#include "app/dataexport.h"
#include "app/userfiles.h"

using relulab::app::DataColumn;

class TestDataExport : public QObject
{
    Q_OBJECT

private slots:
    void csvHeaderRowsAndPrecision();
    void csvEmptyCells();
    void curveColumnsNameEverySeries();
    void writesAtomically();
    void unwritableFolderLeavesNoFile();
};

void TestDataExport::csvHeaderRowsAndPrecision()
{
    const QList<DataColumn> columns {
            {QStringLiteral("x"), {-1.0, 0.0, 1.0 / 3.0}},
            {QStringLiteral("f_relu"), {-0.0, 1e-300, 0.1 + 0.2}},
    };
    QCOMPARE(relulab::app::csvFromColumns(columns),
             QByteArray("x,f_relu\n"
                        "-1,-0\n"
                        "0,1e-300\n"
                        "0.3333333333333333,0.30000000000000004\n"));
    // Every cell reads back as the very double written.
    const QList<QByteArray> lines = relulab::app::csvFromColumns(columns).split('\n');
    QCOMPARE(lines.at(3).split(',').at(0).toDouble(), 1.0 / 3.0);
    QCOMPARE(lines.at(3).split(',').at(1).toDouble(), 0.1 + 0.2);
}

void TestDataExport::csvEmptyCells()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QList<DataColumn> columns {
            {QStringLiteral("step"), {0.0, 100.0, 200.0}},
            {QStringLiteral("loss"), {0.7, nan, 0.5}},
            {QStringLiteral("alpha_l1"), {0.25}},
    };
    QCOMPARE(relulab::app::csvFromColumns(columns),
             QByteArray("step,loss,alpha_l1\n0,0.7,0.25\n100,,\n200,0.5,\n"));
    QCOMPARE(relulab::app::csvFromColumns({}), QByteArray("\n"));
}

void TestDataExport::curveColumnsNameEverySeries()
{
    relulab::app::CurveResult result;
    result.x = {-1.0, 0.0, 1.0};
    result.selected.kind = relulab::core::Activation::LeakyRelu;
    result.selected.y = {-0.01, 0.0, 1.0};
    result.selected.dy = {0.01, 0.01, 1.0};
    relulab::app::CurveSeries gelu;
    gelu.kind = relulab::core::Activation::GeluTanh;
    gelu.y = {1.0, 2.0, 3.0};
    gelu.dy = {4.0, 5.0, 6.0};
    result.overlays = {gelu};
    const QList<DataColumn> columns = relulab::app::curveColumns(result);
    QCOMPARE(columns.size(), 5);
    QStringList names;
    for (const DataColumn &column : columns)
        names.append(column.name);
    QCOMPARE(names, QStringList({"x", "f_leaky_relu", "df_leaky_relu", "f_gelu_tanh", "df_gelu_tanh"}));
    QCOMPARE(columns.at(2).values, result.selected.dy);
    QCOMPARE(columns.at(4).values, gelu.dy);
}

void TestDataExport::writesAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("curves.csv"));
    QVERIFY(!relulab::app::writeUserFile(path, "old\n"));
    QVERIFY(!relulab::app::writeUserFile(path, "x\n1\n"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("x\n1\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {"curves.csv"});
}

void TestDataExport::unwritableFolderLeavesNoFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("no-such-folder/curves.csv"));
    const auto error = relulab::app::writeUserFile(missing, "x\n");
    QVERIFY(error);
    QVERIFY2(error->contains(missing), qPrintable(*error));
    QVERIFY(!QFile::exists(missing));

    QVERIFY(relulab::app::writeUserFile(QString(), "x\n"));

    // A folder without write permission (meaningless for root, who may write anyway).
    const QString locked = dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkdir(locked));
    QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
    const QString inLocked = locked + QStringLiteral("/curves.csv");
    const auto lockedError = relulab::app::writeUserFile(inLocked, "x\n");
    const bool root = QFile(inLocked).open(QIODevice::WriteOnly);
    if (root) {
        QFile::remove(inLocked);
    } else {
        QVERIFY(lockedError);
        QVERIFY2(lockedError->contains(inLocked), qPrintable(*lockedError));
        QVERIFY(QDir(locked).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }
    QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QTEST_APPLESS_MAIN(TestDataExport)
#include "tst_dataexport.moc"
