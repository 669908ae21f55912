// The paths a hostile user names, given to both executables as processes (issue 14):
//
// - Every output option writes a character device (made here with mknod, as /dev/null and /dev/full
//   are: 1,3 and 1,7) or a FIFO as it is, never replacing it; "-" is standard output; a full disk
//   (a small tmpfs mounted here) stops the run at the first failed write with the system's reason
//   and leaves the existing file as it was; two options naming one file are a usage error.
// - A preset that is a FIFO, a device or a folder is refused at once with exit status 2, never
//   waited on.
//
// Devices and the tmpfs need root (as CI and the quick start run); without it those rows are
// skipped with a message. Nothing outside this test's own temporary folder is touched.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <vector>

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace {

// Generous: an AddressSanitizer build on a busy two-core machine.
constexpr int ProcessTimeoutMs = 300'000;

QString cliPath()
{
    return QStringLiteral(RELULAB_CLI_PATH);
}

QString guiPath()
{
    return QStringLiteral(RELULAB_PATH);
}

struct Run
{
    bool finished = false;
    bool crashed = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runProgram(const QString &program, const QStringList &arguments, const QString &workingDirectory)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("RELULAB_NO_SETTINGS"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    Run run;
    run.finished = process.waitForStarted(ProcessTimeoutMs) && process.waitForFinished(ProcessTimeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString describe(const Run &run)
{
    return QStringLiteral("exit %1%2, stderr: %3")
            .arg(run.exitCode)
            .arg(run.finished ? QString() : QStringLiteral(" (timed out)"))
            .arg(QString::fromLocal8Bit(run.err.left(600)));
}

// An output option of one of the executables, with arguments that make a quick run.
struct Output
{
    const char *name;
    QString program;
    QStringList before; // arguments before the file name
    QString fileName; // a name with the suffix the program wants
};

std::vector<Output> outputs()
{
    const QStringList tiny {QStringLiteral("--steps"),  QStringLiteral("50"),
                            QStringLiteral("--every"),  QStringLiteral("1"),
                            QStringLiteral("--points"), QStringLiteral("32"),
                            QStringLiteral("--hidden"), QStringLiteral("4")};
    const auto cli = [](const char *command, const QStringList &rest) {
        return QStringList {QLatin1String(command)} + rest;
    };
    return {
            {"curve -o", cliPath(),
             cli("curve", {QStringLiteral("--activation"), QStringLiteral("relu"),
                           QStringLiteral("--samples"), QStringLiteral("20000"), QStringLiteral("-o")}),
             QStringLiteral("curve.csv")},
            {"train -o", cliPath(), cli("train", tiny + QStringList {QStringLiteral("-o")}),
             QStringLiteral("train.csv")},
            {"race -o", cliPath(), cli("race", tiny + QStringList {QStringLiteral("-o")}),
             QStringLiteral("race.csv")},
            {"race --summary", cliPath(),
             cli("race", tiny + QStringList {QStringLiteral("-o"), QStringLiteral("race.csv"),
                                             QStringLiteral("--summary")}),
             QStringLiteral("summary.csv")},
            {"born-dead -o", cliPath(),
             cli("born-dead", {QStringLiteral("--widths"), QStringLiteral("2,3"), QStringLiteral("--depths"),
                               QStringLiteral("2"), QStringLiteral("--networks"), QStringLiteral("20"),
                               QStringLiteral("-o")}),
             QStringLiteral("borndead.csv")},
            {"relulab --screenshot", guiPath(), {QStringLiteral("--screenshot")}, QStringLiteral("shot.png")},
            {"relulab --export-figure png", guiPath(), {QStringLiteral("--export-figure")},
             QStringLiteral("figure.png")},
            {"relulab --export-figure svg", guiPath(), {QStringLiteral("--export-figure")},
             QStringLiteral("figure.svg")},
    };
}

// Whether `bytes` is what the file name says: a CSV's header row, a PNG, an SVG.
bool looksLike(const QString &fileName, const QByteArray &bytes)
{
    if (fileName.endsWith(QLatin1String(".png")))
        return bytes.startsWith("\x89PNG\r\n\x1a\n");
    if (fileName.endsWith(QLatin1String(".svg")))
        return bytes.startsWith("<?xml") && bytes.contains("</svg>");
    const qsizetype line = bytes.indexOf('\n');
    return line > 0 && bytes.left(line).contains(',') && bytes.endsWith('\n');
}

mode_t typeOf(const QString &path)
{
    struct stat info {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & S_IFMT;
}

QStringList entries(const QString &directory)
{
    return QDir(directory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                                     QDir::Name);
}

// The entries but the race's CSV, which the race --summary rows write beside their target.
QStringList besidesRaceCsv(QStringList entries, const QString &fileName)
{
    if (fileName != QLatin1String("race.csv"))
        entries.removeAll(QStringLiteral("race.csv"));
    return entries;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

class TestUserFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void devicesAreWrittenNotReplaced_data();
    void devicesAreWrittenNotReplaced();
    void fifoIsWrittenNotReplaced_data();
    void fifoIsWrittenNotReplaced();
    void dashIsStandardOutput_data();
    void dashIsStandardOutput();
    void fullDiskStopsTheRun_data();
    void fullDiskStopsTheRun();
    void descriptorNamesAreWrittenThroughTheirDescriptor();
    void readOnlyFileIsRefused();
    void sameFileTwiceIsAUsageError_data();
    void sameFileTwiceIsAUsageError();
    void presetMustBeARegularFile_data();
    void presetMustBeARegularFile();

private:
    QString newRow();

    QTemporaryDir m_temp;
    int m_rows = 0;
};

void TestUserFiles::initTestCase()
{
    QVERIFY(m_temp.isValid());
    QVERIFY2(QFile::exists(cliPath()), qPrintable(cliPath()));
    QVERIFY2(QFile::exists(guiPath()), qPrintable(guiPath()));
}

QString TestUserFiles::newRow()
{
    const QString path = m_temp.filePath(QStringLiteral("row%1").arg(++m_rows));
    QDir().mkpath(path);
    return path;
}

void TestUserFiles::devicesAreWrittenNotReplaced_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("minor"); // 3: like /dev/null, 7: like /dev/full
    for (const Output &output : outputs()) {
        QTest::addRow("%s into a null device", output.name)
                << output.program << output.before << output.fileName << 3;
        QTest::addRow("%s into a full device", output.name)
                << output.program << output.before << output.fileName << 7;
    }
}

// `relulab-cli curve -o /dev/null` used to rename its temporary file over /dev/null.
void TestUserFiles::devicesAreWrittenNotReplaced()
{
    QFETCH(QString, program);
    QFETCH(QStringList, before);
    QFETCH(QString, fileName);
    QFETCH(int, minor);
    if (::geteuid() != 0)
        QSKIP("making a character device (mknod) needs root");
    const QString row = newRow();
    const QString device = row + u'/' + fileName;
    if (::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0666,
                ::makedev(1, static_cast<unsigned>(minor)))
        != 0)
        QSKIP(qPrintable(QStringLiteral("mknod: %1").arg(QString::fromLocal8Bit(std::strerror(errno)))));
    const Run run = runProgram(program, before + QStringList {device}, row);
    QVERIFY2(run.finished && !run.crashed, qPrintable(describe(run)));
    if (minor == 3) {
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    } else {
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        QVERIFY2(run.err.contains(QFile::encodeName(device)), qPrintable(describe(run)));
        QVERIFY2(run.err.contains("No space left on device"), qPrintable(describe(run)));
    }
    // Still the device, and nothing beside it (race --summary also writes race.csv).
    QCOMPARE(typeOf(device), mode_t(S_IFCHR));
    QCOMPARE(besidesRaceCsv(entries(row), fileName), QStringList {fileName});
}

void TestUserFiles::fifoIsWrittenNotReplaced_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QString>("fileName");
    for (const Output &output : outputs())
        QTest::newRow(output.name) << output.program << output.before << output.fileName;
}

// A FIFO is written as the shell's `>` writes it: `relulab-cli curve -o >(gzip > c.gz)`.
void TestUserFiles::fifoIsWrittenNotReplaced()
{
    QFETCH(QString, program);
    QFETCH(QStringList, before);
    QFETCH(QString, fileName);
    const QString row = newRow();
    const QString fifo = row + u'/' + fileName;
    QVERIFY2(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0, std::strerror(errno));
    // The reader copies into a file: read through a pipe of its own, it would stall once that
    // pipe's buffer filled while this test waits for the writer.
    const QString copy = m_temp.filePath(QStringLiteral("copy-of-row%1").arg(m_rows));
    QProcess reader;
    reader.setStandardOutputFile(copy);
    reader.start(QStringLiteral("cat"), {fifo});
    QVERIFY(reader.waitForStarted());
    const Run run = runProgram(program, before + QStringList {fifo}, row);
    QVERIFY(reader.waitForFinished(ProcessTimeoutMs));
    QVERIFY2(run.finished && !run.crashed && run.exitCode == 0, qPrintable(describe(run)));
    const QByteArray got = readAll(copy);
    QVERIFY2(looksLike(fileName, got), got.left(200).constData());
    QCOMPARE(typeOf(fifo), mode_t(S_IFIFO));
    QCOMPARE(besidesRaceCsv(entries(row), fileName), QStringList {fileName});
}

void TestUserFiles::dashIsStandardOutput_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QString>("fileName");
    for (const Output &output : outputs()) {
        // A figure's format comes from its file name's suffix, which "-" does not have.
        if (QByteArray(output.name).startsWith("relulab --export-figure"))
            continue;
        QTest::newRow(output.name) << output.program << output.before << output.fileName;
    }
}

void TestUserFiles::dashIsStandardOutput()
{
    QFETCH(QString, program);
    QFETCH(QStringList, before);
    QFETCH(QString, fileName);
    const QString row = newRow();
    const Run run = runProgram(program, before + QStringList {QStringLiteral("-")}, row);
    QVERIFY2(run.finished && !run.crashed && run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(looksLike(fileName, run.out), run.out.left(200).constData());
    // No file named "-".
    QCOMPARE(besidesRaceCsv(entries(row), fileName), QStringList());
}

void TestUserFiles::fullDiskStopsTheRun_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<qint64>("freeBytes");
    for (const Output &output : outputs())
        QTest::newRow(output.name) << output.program << output.before << output.fileName << qint64 {0};
    // Runs that would take hours: they end only because the first failed write stops them.
    const QStringList endless {QStringLiteral("--steps"), QStringLiteral("100000000"),
                               QStringLiteral("--every"), QStringLiteral("1"),
                               QStringLiteral("--points"), QStringLiteral("32"),
                               QStringLiteral("--hidden"), QStringLiteral("4"),
                               QStringLiteral("-o")};
    QTest::newRow("train -o, 100 million steps")
            << cliPath() << QStringList {QStringLiteral("train")} + endless << QStringLiteral("train.csv")
            << qint64 {8192};
    QTest::newRow("race -o, 100 million steps")
            << cliPath() << QStringList {QStringLiteral("race")} + endless << QStringLiteral("race.csv")
            << qint64 {8192};
}

// A small tmpfs, full or with a few KiB free, holds the existing file: the run must fail with
// "No space left on device", leave the file as it was and no temporary file.
void TestUserFiles::fullDiskStopsTheRun()
{
    QFETCH(QString, program);
    QFETCH(QStringList, before);
    QFETCH(QString, fileName);
    QFETCH(qint64, freeBytes);
    if (::geteuid() != 0)
        QSKIP("mounting a small tmpfs needs root");
    const QString row = newRow();
    const QString disk = row + QStringLiteral("/disk");
    QVERIFY(QDir().mkpath(disk));
    QProcess mount;
    mount.start(QStringLiteral("mount"),
                {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                 QStringLiteral("size=256k"), QStringLiteral("tmpfs"), disk});
    if (!mount.waitForFinished(60'000) || mount.exitStatus() != QProcess::NormalExit || mount.exitCode() != 0)
        QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs here: %1")
                                 .arg(QString::fromLocal8Bit(mount.readAllStandardError()).trimmed())));
    const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {disk}); });

    const QString target = disk + u'/' + fileName;
    const QByteArray precious = "the previous contents, which must survive\n";
    writeFile(target, precious);
    // Filled to the last byte, then `freeBytes` given back: with some room, the first rows fit.
    const QString filler = disk + QStringLiteral("/filler");
    {
        QFile file(filler);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray page(4096, 'f');
        for (int i = 0; file.write(page) == page.size(); ++i)
            QVERIFY2(i < 1000, "the tmpfs does not fill up");
        QVERIFY(file.resize(std::max<qint64>(0, file.size() - freeBytes)));
    }
    const Run run = runProgram(program, before + QStringList {target}, row);
    QVERIFY2(run.finished && !run.crashed, qPrintable(describe(run)));
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(QFile::encodeName(target)), qPrintable(describe(run)));
    QVERIFY2(run.err.contains("No space left on device"), qPrintable(describe(run)));
    QCOMPARE(readAll(target), precious);
    QStringList expected {fileName, QStringLiteral("filler")};
    expected.sort();
    QCOMPARE(entries(disk), expected);
}

// /dev/stdout and friends are open descriptors: written through them (appending where they
// append), never replaced by a rename, and compared by what they are open on.
void TestUserFiles::descriptorNamesAreWrittenThroughTheirDescriptor()
{
    const QString row = newRow();
    const Run toStdout = runProgram(cliPath(),
                                    {QStringLiteral("curve"), QStringLiteral("--activation"), QStringLiteral("relu"),
                                     QStringLiteral("--samples"), QStringLiteral("3"), QStringLiteral("-o"),
                                     QStringLiteral("/dev/stdout")},
                                    row);
    QVERIFY2(toStdout.finished && toStdout.exitCode == 0, qPrintable(describe(toStdout)));
    QCOMPARE(toStdout.out, QByteArray("x,y,dy\n-3,0,0\n0,0,0\n3,3,1\n"));

    // `-o /dev/stderr 2>>log`: appended to the log, which is not replaced.
    const QString log = row + QStringLiteral("/errors.log");
    writeFile(log, "before\n");
    QProcess process;
    process.setWorkingDirectory(row);
    process.setStandardErrorFile(log, QIODevice::Append);
    process.start(cliPath(), {QStringLiteral("curve"), QStringLiteral("--activation"), QStringLiteral("relu"),
                              QStringLiteral("--samples"), QStringLiteral("3"), QStringLiteral("-o"),
                              QStringLiteral("/dev/stderr")});
    QVERIFY(process.waitForFinished(ProcessTimeoutMs));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(readAll(log), QByteArray("before\nx,y,dy\n-3,0,0\n0,0,0\n3,3,1\n"));

    // `race --summary out.csv > out.csv`: one file, refused.
    const QString out = row + QStringLiteral("/out.csv");
    writeFile(out, "old\n");
    QProcess race;
    race.setWorkingDirectory(row);
    race.setStandardOutputFile(out, QIODevice::Append);
    race.start(cliPath(), {QStringLiteral("race"), QStringLiteral("--steps"), QStringLiteral("5"),
                           QStringLiteral("--summary"), QStringLiteral("out.csv")});
    QVERIFY(race.waitForFinished(ProcessTimeoutMs));
    QCOMPARE(race.exitCode(), 2);
    QVERIFY2(race.readAllStandardError().contains("name the same file 'out.csv'"), "no message");
    QCOMPARE(readAll(out), QByteArray("old\n"));
}

// A file the user may not write is refused, not replaced, though its folder would allow the
// rename (QSaveFile and the shell's > refuse it too). Run as nobody (setpriv), so that it is
// checked where the suite runs as root, and root would be allowed.
void TestUserFiles::readOnlyFileIsRefused()
{
    const QString row = newRow();
    const QByteArray precious = "read-only contents\n";
    const QString file = row + QStringLiteral("/kept.csv");
    writeFile(file, precious);
    QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    QStringList command {cliPath(), QStringLiteral("curve"), QStringLiteral("--activation"),
                         QStringLiteral("relu"), QStringLiteral("-o"), file};
    if (::geteuid() == 0) {
        if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            QSKIP("as root, this needs setpriv (util-linux) to run as nobody");
        // nobody may enter the folders (made here) and write the row's folder, not the file.
        for (const QString &folder : {m_temp.path(), row})
            QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                          | QFile::ReadOther | QFile::ExeOther));
        QVERIFY(::chown(QFile::encodeName(row).constData(), 65534, 65534) == 0);
        QVERIFY(::chown(QFile::encodeName(file).constData(), 65534, 65534) == 0);
        command = QStringList {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                               QStringLiteral("--clear-groups"), QStringLiteral("--")}
                + command;
    }
    const QString program = ::geteuid() == 0 ? QStringLiteral("setpriv") : command.takeFirst();
    const Run run = runProgram(program, command, row);
    QVERIFY2(run.finished && !run.crashed && run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.err.contains("Permission denied"), qPrintable(describe(run)));
    QCOMPARE(readAll(file), precious);
    QCOMPARE(entries(row), QStringList {QStringLiteral("kept.csv")});
}

void TestUserFiles::sameFileTwiceIsAUsageError_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("the same name") << "same.csv" << "same.csv"
                                   << QByteArray("--output and --summary name the same file 'same.csv'");
    QTest::newRow("another spelling") << "same.csv" << "./sub/../same.csv"
                                      << QByteArray("name the same file './sub/../same.csv'");
    QTest::newRow("a link") << "same.csv" << "link.csv" << QByteArray("name the same file 'link.csv'");
    QTest::newRow("both standard output")
            << "-" << "-" << QByteArray("--output and --summary both write to standard output ('-')");
    QTest::newRow("no --output, summary to standard output")
            << QString() << "-" << QByteArray("--output and --summary both write to standard output");
    QTest::newRow("no --output, summary to /dev/stdout")
            << QString() << "/dev/stdout" << QByteArray("--output and --summary name the same file '/dev/stdout'");
}

// `race --summary same.csv --output same.csv` used to exit 0 with one file overwriting the other.
void TestUserFiles::sameFileTwiceIsAUsageError()
{
    QFETCH(QString, output);
    QFETCH(QString, summary);
    QFETCH(QByteArray, message);
    const QString row = newRow();
    QVERIFY(QDir(row).mkdir(QStringLiteral("sub")));
    const QByteArray precious = "the previous contents\n";
    writeFile(row + QStringLiteral("/same.csv"), precious);
    QVERIFY(QFile::link(QStringLiteral("same.csv"), row + QStringLiteral("/link.csv")));
    QStringList arguments {QStringLiteral("race"), QStringLiteral("--steps"), QStringLiteral("5"),
                           QStringLiteral("--summary"), summary};
    if (!output.isNull())
        arguments << QStringLiteral("--output") << output;
    const Run run = runProgram(cliPath(), arguments, row);
    QVERIFY2(run.finished && !run.crashed && run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(message), qPrintable(describe(run)));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(readAll(row + QStringLiteral("/same.csv")), precious);
}

void TestUserFiles::presetMustBeARegularFile_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("before"); // the preset's path follows
    QTest::addColumn<QString>("kind"); // fifo, device, folder
    const QStringList picture {QStringLiteral("--screenshot"), QStringLiteral("shot.png")};
    const std::vector<std::pair<const char *, std::pair<QString, QStringList>>> takers = {
            {"curve --preset", {cliPath(), {QStringLiteral("curve"), QStringLiteral("--preset")}}},
            {"train --preset", {cliPath(), {QStringLiteral("train"), QStringLiteral("--preset")}}},
            {"race --preset", {cliPath(), {QStringLiteral("race"), QStringLiteral("--preset")}}},
            {"relulab --preset", {guiPath(), picture + QStringList {QStringLiteral("--preset")}}},
            {"relulab FILE", {guiPath(), picture}},
    };
    for (const auto &[name, taker] : takers) {
        for (const char *kind : {"fifo", "device", "folder"})
            QTest::addRow("%s a %s", name, kind) << taker.first << taker.second << QString::fromLatin1(kind);
    }
}

// A FIFO as --preset used to block forever; a device would never end.
void TestUserFiles::presetMustBeARegularFile()
{
    QFETCH(QString, program);
    QFETCH(QStringList, before);
    QFETCH(QString, kind);
    const QString row = newRow();
    QString preset = row + QStringLiteral("/preset.json");
    QByteArray said;
    if (kind == QLatin1String("fifo")) {
        QVERIFY2(::mkfifo(QFile::encodeName(preset).constData(), 0600) == 0, std::strerror(errno));
        said = "is a FIFO, not a regular file: not read";
    } else if (kind == QLatin1String("device")) {
        preset = QStringLiteral("/dev/zero"); // only read: endless zeros
        said = "is a character device, not a regular file: not read";
    } else {
        QVERIFY(QDir().mkpath(preset));
        said = "is a folder, not a regular file: not read";
    }
    const Run run = runProgram(program, before + QStringList {preset}, row);
    QVERIFY2(run.finished && !run.crashed && run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(QFile::encodeName(preset) + ": " + said), qPrintable(describe(run)));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFile::exists(row + QStringLiteral("/shot.png")));
}

QTEST_GUILESS_MAIN(TestUserFiles)
#include "tst_userfiles.moc"
