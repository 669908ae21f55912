// Bad input to both executables, run as processes: every option each one lists in its --help gets
// non-numbers, nan, inf, -inf, negative zero, huge values (1e308, 1e400, 2^64), empty and missing
// values, the option given twice, and presets that are a folder, a device or a FIFO, and must
// answer with exit status 2 and a message that names the option — never a crash,
// a hang, a sanitizer report, output on stdout or a file left behind. Outputs that cannot be
// written (a missing or read-only directory, a path under a regular file, a full disk) must give
// exit status 1, a message naming the file, and leave an existing file as it was.
//
// The option list comes from --help, so a new option is covered as soon as it exists: an option
// the table below does not know fails tableCoversHelp() with its name, until someone says here
// what kind of value it takes.
//
// The cases run as processes several at a time in initTestCase() (one relulab process costs a
// window); the table-driven test functions then check one result per row.

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace {

// Generous: an AddressSanitizer build on a busy two-core machine.
constexpr int ProcessTimeoutMs = 120'000;
constexpr int ParallelProcesses = 4;

enum class Kind {
    Real, // a finite double
    Integer, // a decimal integer in a range
    Seed, // an unsigned 64-bit integer
    BatchSize, // an integer or "full"
    Name, // one word of a fixed set
    NameList, // comma-separated words of a fixed set
    IntegerList, // comma-separated integers, each at least 1
    Range, // A:B
    Size, // WxH
    Flag, // takes no value
    InputFile, // a file to read
    OutputFile, // a file to write
    Skip, // --help, --version: nothing to test
};

struct OptionSpec
{
    Kind kind = Kind::Skip;
    // Beyond the kind's own bad values: values this option must reject (out of its range).
    QStringList extraBad;
};

// One executable, or one command of relulab-cli.
struct Program
{
    QString id; // "relulab", "curve", "train", "race", "born-dead"
    QString path;
    QStringList command; // the relulab-cli command, or nothing
    QHash<QString, OptionSpec> options; // what the table knows, by long name
};

QString cliPath()
{
    return QStringLiteral(RELULAB_CLI_PATH);
}

QString guiPath()
{
    return QStringLiteral(RELULAB_PATH);
}

QHash<QString, OptionSpec> curveOptions()
{
    return {
            {QStringLiteral("help"), {Kind::Skip, {}}},
            {QStringLiteral("activation"), {Kind::Name, {QStringLiteral("RELU")}}},
            {QStringLiteral("alpha"), {Kind::Real, {}}},
            {QStringLiteral("lower"), {Kind::Real, {}}},
            {QStringLiteral("upper"), {Kind::Real, {}}},
            {QStringLiteral("mode"), {Kind::Name, {}}},
            {QStringLiteral("seed"), {Kind::Seed, {}}},
            {QStringLiteral("range"), {Kind::Range, {}}},
            {QStringLiteral("samples"),
             {Kind::Integer, {QStringLiteral("1"), QStringLiteral("10000001")}}},
    };
}

// curve's options beyond those it shares with relulab.
QHash<QString, OptionSpec> curveCommandOptions()
{
    QHash<QString, OptionSpec> options = curveOptions();
    options.insert(QStringLiteral("preset"), {Kind::InputFile, {}});
    options.insert(QStringLiteral("output"), {Kind::OutputFile, {}});
    return options;
}

QHash<QString, OptionSpec> trainOptions()
{
    return {
            {QStringLiteral("help"), {Kind::Skip, {}}},
            {QStringLiteral("dataset"), {Kind::Name, {}}},
            {QStringLiteral("points"),
             {Kind::Integer, {QStringLiteral("1"), QStringLiteral("1000001")}}},
            {QStringLiteral("test-points"),
             {Kind::Integer, {QStringLiteral("-1"), QStringLiteral("1000001")}}},
            {QStringLiteral("data-seed"), {Kind::Seed, {}}},
            {QStringLiteral("noise"), {Kind::Real, {QStringLiteral("-1"), QStringLiteral("-1e-300")}}},
            {QStringLiteral("hidden"),
             {Kind::IntegerList, {QStringLiteral("129"), QStringLiteral("1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1")}}},
            {QStringLiteral("activation"), {Kind::Name, {}}},
            {QStringLiteral("alpha"), {Kind::Real, {}}},
            {QStringLiteral("lower"), {Kind::Real, {}}},
            {QStringLiteral("upper"), {Kind::Real, {}}},
            {QStringLiteral("prelu-per-unit"), {Kind::Flag, {}}},
            {QStringLiteral("init"), {Kind::Name, {}}},
            {QStringLiteral("bias-init"), {Kind::Name, {}}},
            {QStringLiteral("bias-value"), {Kind::Real, {}}},
            {QStringLiteral("init-seed"), {Kind::Seed, {}}},
            {QStringLiteral("init-gain"),
             {Kind::Real, {QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("10.5")}}},
            {QStringLiteral("weight-decay"), {Kind::Real, {QStringLiteral("-1e-9"), QStringLiteral("11")}}},
            {QStringLiteral("l1"), {Kind::Real, {QStringLiteral("-1"), QStringLiteral("1e308")}}},
            {QStringLiteral("optimizer"), {Kind::Name, {}}},
            // The learning rate must be positive: negative zero is not.
            {QStringLiteral("lr"),
             {Kind::Real, {QStringLiteral("-0"), QStringLiteral("0"), QStringLiteral("-1")}}},
            {QStringLiteral("momentum"),
             {Kind::Real, {QStringLiteral("1"), QStringLiteral("-1"), QStringLiteral("1e308")}}},
            {QStringLiteral("batch-size"), {Kind::BatchSize, {QStringLiteral("1000001")}}},
            {QStringLiteral("shuffle-seed"), {Kind::Seed, {}}},
            {QStringLiteral("rrelu-seed"), {Kind::Seed, {}}},
            {QStringLiteral("steps"),
             {Kind::Integer, {QStringLiteral("-1"), QStringLiteral("100000001")}}},
            {QStringLiteral("every"),
             {Kind::Integer, {QStringLiteral("0"), QStringLiteral("100000001")}}},
            {QStringLiteral("precision"), {Kind::Name, {}}},
            {QStringLiteral("threads"), {Kind::Integer, {QStringLiteral("0"), QStringLiteral("257")}}},
            {QStringLiteral("output"), {Kind::OutputFile, {}}},
            {QStringLiteral("preset"), {Kind::InputFile, {}}},
            {QStringLiteral("layer-stats"), {Kind::Flag, {}}},
    };
}

QHash<QString, OptionSpec> raceOptions()
{
    QHash<QString, OptionSpec> options = trainOptions();
    options.remove(QStringLiteral("layer-stats")); // train's alone
    options.insert(QStringLiteral("activations"), {Kind::NameList, {QStringLiteral("relu,relu")}});
    options.insert(QStringLiteral("scenario"), {Kind::Name, {}});
    options.insert(QStringLiteral("summary"), {Kind::OutputFile, {}});
    return options;
}

QHash<QString, OptionSpec> bornDeadOptions()
{
    return {
            {QStringLiteral("help"), {Kind::Skip, {}}},
            {QStringLiteral("widths"), {Kind::IntegerList, {QStringLiteral("129")}}},
            {QStringLiteral("depths"), {Kind::IntegerList, {QStringLiteral("1001")}}},
            {QStringLiteral("networks"),
             {Kind::Integer, {QStringLiteral("0"), QStringLiteral("10000001")}}},
            {QStringLiteral("inputs"),
             {Kind::Integer, {QStringLiteral("-1"), QStringLiteral("10000001")}}},
            {QStringLiteral("input-dim"), {Kind::Integer, {QStringLiteral("0"), QStringLiteral("3")}}},
            {QStringLiteral("bias"), {Kind::Name, {}}},
            {QStringLiteral("init"), {Kind::Name, {}}},
            {QStringLiteral("seed"), {Kind::Seed, {}}},
            {QStringLiteral("threads"), {Kind::Integer, {QStringLiteral("0"), QStringLiteral("257")}}},
            {QStringLiteral("output"), {Kind::OutputFile, {}}},
    };
}

QHash<QString, OptionSpec> guiOptions()
{
    QHash<QString, OptionSpec> options = curveOptions();
    options.insert(QStringLiteral("help-all"), {Kind::Skip, {}});
    options.insert(QStringLiteral("version"), {Kind::Skip, {}});
    options.insert(QStringLiteral("no-settings"), {Kind::Flag, {}});
    options.insert(QStringLiteral("presentation"), {Kind::Flag, {}});
    options.insert(QStringLiteral("lesson"),
                   {Kind::Integer, {QStringLiteral("0"), QStringLiteral("9")}});
    options.insert(QStringLiteral("theme"), {Kind::Name, {QStringLiteral("Dark")}});
    options.insert(QStringLiteral("export-figure"),
                   {Kind::OutputFile, {QStringLiteral("figure.txt"), QStringLiteral("figure")}});
    options.insert(QStringLiteral("plot"), {Kind::Name, {}});
    options.insert(QStringLiteral("scale"),
                   {Kind::Real,
                    {QStringLiteral("0"), QStringLiteral("-0"), QStringLiteral("0.2"),
                     QStringLiteral("8.5"), QStringLiteral("1e308")}});
    options.insert(QStringLiteral("preset"), {Kind::InputFile, {}});
    options.insert(QStringLiteral("screenshot"), {Kind::OutputFile, {}});
    options.insert(QStringLiteral("export-data"), {Kind::OutputFile, {}});
    options.insert(QStringLiteral("size"), {Kind::Size, {}});
    options.insert(QStringLiteral("compare"), {Kind::NameList, {}});
    options.insert(QStringLiteral("tab"), {Kind::Name, {QStringLiteral("Lab")}});
    options.insert(QStringLiteral("lab-steps"),
                   {Kind::Integer, {QStringLiteral("-1"), QStringLiteral("100000001")}});
    options.insert(QStringLiteral("race-steps"),
                   {Kind::Integer, {QStringLiteral("-1"), QStringLiteral("1000001")}});
    options.insert(QStringLiteral("scenario"), {Kind::Name, {}});
    options.insert(QStringLiteral("language"), {Kind::Name, {}});
    return options;
}

const std::vector<Program> &programs()
{
    static const std::vector<Program> all = {
            {QStringLiteral("relulab"), guiPath(), {}, guiOptions()},
            {QStringLiteral("curve"), cliPath(), {QStringLiteral("curve")}, curveCommandOptions()},
            {QStringLiteral("train"), cliPath(), {QStringLiteral("train")}, trainOptions()},
            {QStringLiteral("race"), cliPath(), {QStringLiteral("race")}, raceOptions()},
            {QStringLiteral("born-dead"), cliPath(), {QStringLiteral("born-dead")}, bornDeadOptions()},
    };
    return all;
}

QProcessEnvironment processEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("RELULAB_NO_SETTINGS"), QStringLiteral("1"));
    return environment;
}

struct Run
{
    bool started = false;
    bool timedOut = false;
    bool crashed = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 milliseconds = 0;
};

Run runOnce(const QString &program, const QStringList &arguments, const QString &workingDirectory = {})
{
    QProcess process;
    process.setProcessEnvironment(processEnvironment());
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    Run run;
    run.started = process.waitForStarted(ProcessTimeoutMs);
    run.timedOut = run.started && !process.waitForFinished(ProcessTimeoutMs);
    if (run.timedOut) {
        process.kill();
        process.waitForFinished();
    }
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.milliseconds = clock.elapsed();
    return run;
}

// The long options --help lists, with whether each takes a value. Only lines indented by two
// spaces start an option: the continuation lines of a description are indented further.
struct HelpOption
{
    QString name;
    bool takesValue = false;
};

std::vector<HelpOption> helpOptions(const Program &program)
{
    const Run run = runOnce(program.path, program.command + QStringList {QStringLiteral("--help")});
    static const QRegularExpression line(
            QStringLiteral("^  (?:-[A-Za-z], )?--([a-z][a-z0-9-]*)( <[^>]+>)?(?:\\s|$)"),
            QRegularExpression::MultilineOption);
    std::vector<HelpOption> options;
    for (auto it = line.globalMatch(QString::fromLocal8Bit(run.out)); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        options.push_back({match.captured(1), !match.captured(2).isEmpty()});
    }
    return options;
}

// What a row expects.
enum class Expect {
    UsageError, // exit 2, the message names the option, nothing written
    NoCrash, // a legal but extreme value: exit 0 or 2 (then as above); never a crash or a hang
};

struct Case
{
    QString name;
    QString program;
    QStringList arguments;
    Expect expect = Expect::UsageError;
    QStringList needles; // the message must contain one of these
    QString workingDirectory;
    Run run;
};

QStringList badValues(Kind kind)
{
    switch (kind) {
    case Kind::Real:
        return {QStringLiteral("abc"),      QStringLiteral("nan"),   QStringLiteral("NaN"),
                QStringLiteral("-nan"),     QStringLiteral("inf"),   QStringLiteral("-inf"),
                QStringLiteral("infinity"), QStringLiteral("1e400"), QStringLiteral("-1e400"),
                QStringLiteral("1e-400"),   QStringLiteral("1,5"),   QStringLiteral(" 1"),
                QStringLiteral("1 "),       QStringLiteral("0x10"),  QStringLiteral("1e"),
                QStringLiteral("+-1"),      QStringLiteral("")};
    case Kind::Integer:
    case Kind::BatchSize:
        return {QStringLiteral("abc"),
                QStringLiteral("1.5"),
                QStringLiteral("1e3"),
                QStringLiteral("nan"),
                QStringLiteral("inf"),
                QStringLiteral("-inf"),
                QStringLiteral("18446744073709551616"),
                QStringLiteral("-18446744073709551617"),
                QStringLiteral("99999999999999999999999999999"),
                QStringLiteral("1e308"),
                QStringLiteral("1e400"),
                QStringLiteral("0x10"),
                QStringLiteral(" 1"),
                QStringLiteral("")};
    case Kind::Seed:
        return {QStringLiteral("abc"),   QStringLiteral("-1"),
                QStringLiteral("1.5"),   QStringLiteral("nan"),
                QStringLiteral("inf"),   QStringLiteral("18446744073709551616"),
                QStringLiteral("1e308"), QStringLiteral("1e400"),
                QStringLiteral("")};
    case Kind::Name:
        return {QStringLiteral("nosuch"), QStringLiteral("nan"), QStringLiteral("-0"),
                QStringLiteral("1e308"), QStringLiteral("")};
    case Kind::NameList:
        return {QStringLiteral(""),
                QStringLiteral(","),
                QStringLiteral("relu,"),
                QStringLiteral(",relu"),
                QStringLiteral("relu,,gelu"),
                QStringLiteral("nosuch"),
                QStringLiteral("relu,nosuch"),
                QStringLiteral("nan")};
    case Kind::IntegerList:
        return {QStringLiteral(""),
                QStringLiteral(","),
                QStringLiteral("2,"),
                QStringLiteral("2,,2"),
                QStringLiteral("abc"),
                QStringLiteral("nan"),
                QStringLiteral("inf"),
                QStringLiteral("1.5"),
                QStringLiteral("1e400"),
                QStringLiteral("1e308"),
                QStringLiteral("-1"),
                QStringLiteral("0"),
                QStringLiteral("-0"),
                QStringLiteral("18446744073709551616"),
                QStringLiteral("99999999999999999999999")};
    case Kind::Range:
        return {QStringLiteral(""),
                QStringLiteral(":"),
                QStringLiteral("1"),
                QStringLiteral("-3"),
                QStringLiteral("1:2:3"),
                QStringLiteral("a:b"),
                QStringLiteral("nan:1"),
                QStringLiteral("0:nan"),
                QStringLiteral("-inf:inf"),
                QStringLiteral("1e400:2"),
                QStringLiteral("-1e400:0"),
                QStringLiteral("0:-0"),
                QStringLiteral("-0:0"),
                QStringLiteral("1:0"),
                QStringLiteral("-1e308:1e308"),
                QStringLiteral("-3:"),
                QStringLiteral(":3")};
    case Kind::Size:
        return {QStringLiteral(""),
                QStringLiteral("x"),
                QStringLiteral("0x0"),
                QStringLiteral("1x1"),
                QStringLiteral("-5x5"),
                QStringLiteral("1e3x1e3"),
                QStringLiteral("nanxnan"),
                QStringLiteral("infxinf"),
                QStringLiteral("99999x99999"),
                QStringLiteral("8193x100"),
                QStringLiteral("18446744073709551616x1"),
                QStringLiteral("100x"),
                QStringLiteral("100X100"),
                QStringLiteral("100x100x100")};
    case Kind::OutputFile:
        return {QStringLiteral("")};
    case Kind::InputFile:
    case Kind::Flag:
    case Kind::Skip:
        return {};
    }
    return {};
}

// Legal but extreme values: they may be accepted (exit 0) or refused (exit 2), never crash.
QStringList extremeValues(Kind kind)
{
    switch (kind) {
    case Kind::Real:
        return {QStringLiteral("-0"), QStringLiteral("1e308"), QStringLiteral("-1e308"),
                QStringLiteral("5e-324")};
    case Kind::Integer:
    case Kind::BatchSize:
    case Kind::Seed:
        return {QStringLiteral("-0"), QStringLiteral("+0")};
    case Kind::Range:
        return {QStringLiteral("-1e-300:1e-300"), QStringLiteral("1e307:1e308"),
                QStringLiteral("-5e-324:5e-324")};
    case Kind::Size:
        return {QStringLiteral("10x10"), QStringLiteral("8192x10")};
    default:
        return {};
    }
}

// The arguments every run of `program` starts with, so that the option under test is read and
// a run that accepts it is quick and writes only into its own directory.
QStringList context(const Program &program, const QString &option)
{
    if (program.id == QLatin1String("relulab")) {
        if (option == QLatin1String("screenshot") || option == QLatin1String("export-figure"))
            return {};
        if (option == QLatin1String("scale") || option == QLatin1String("plot"))
            return {QStringLiteral("--export-figure"), QStringLiteral("figure.png")};
        return {QStringLiteral("--screenshot"), QStringLiteral("shot.png")};
    }
    if (program.id == QLatin1String("curve"))
        return {QStringLiteral("--activation"), QStringLiteral("rrelu"),
                QStringLiteral("--mode"),       QStringLiteral("train"),
                QStringLiteral("--samples"),    QStringLiteral("3")};
    if (program.id == QLatin1String("born-dead"))
        return {QStringLiteral("--widths"),   QStringLiteral("2"),
                QStringLiteral("--depths"),   QStringLiteral("2"),
                QStringLiteral("--networks"), QStringLiteral("2"),
                QStringLiteral("--inputs"),   QStringLiteral("2")};
    // train and race: a tiny run.
    return {QStringLiteral("--steps"),       QStringLiteral("1"),
            QStringLiteral("--every"),       QStringLiteral("1"),
            QStringLiteral("--points"),      QStringLiteral("16"),
            QStringLiteral("--test-points"), QStringLiteral("8"),
            QStringLiteral("--hidden"),      QStringLiteral("4")};
}

// Files the input-file rows point at, outside every row's own directory.
struct Fixtures
{
    QString directory;
    QString garbage; // not JSON
    QString wrongJson; // JSON, but not a preset
    QString fifo; // a FIFO no one writes: reading it would wait forever
};

} // namespace

class BadInputTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tableCoversHelp_data();
    void tableCoversHelp();
    void rejects_data();
    void rejects();
    void unwritableOutput_data();
    void unwritableOutput();
    void failedWriteKeepsTheExistingFile_data();
    void failedWriteKeepsTheExistingFile();

private:
    void buildCases();
    QString newRowDirectory();
    void runAll();

    std::unique_ptr<QTemporaryDir> m_temp;
    Fixtures m_fixtures;
    int m_rowDirectories = 0;
    std::vector<Case> m_cases;
    QHash<QString, std::vector<HelpOption>> m_help;
    qint64 m_totalMs = 0;
};

QString BadInputTest::newRowDirectory()
{
    const QString path = m_temp->filePath(QStringLiteral("row%1").arg(++m_rowDirectories));
    QDir().mkpath(path);
    return path;
}

void BadInputTest::buildCases()
{
    for (const Program &program : programs()) {
        const std::vector<HelpOption> &listed = m_help[program.id];
        auto add = [&](const QString &option, const QString &label, const QStringList &arguments,
                       Expect expect, QStringList needles) {
            Case c;
            c.name = QStringLiteral("%1 --%2 %3").arg(program.id, option, label);
            c.program = program.path;
            // The context without the option under test: given twice, it would be refused for
            // that alone, before its value is read.
            QStringList before = context(program, option);
            if (const qsizetype at = before.indexOf(QStringLiteral("--") + option); at >= 0)
                before.remove(at, std::min<qsizetype>(2, before.size() - at));
            c.arguments = program.command + before + arguments;
            c.expect = expect;
            c.needles = needles;
            c.workingDirectory = newRowDirectory();
            m_cases.push_back(std::move(c));
        };
        for (const HelpOption &helpOption : listed) {
            const auto known = program.options.constFind(helpOption.name);
            if (known == program.options.constEnd() || known->kind == Kind::Skip)
                continue; // tableCoversHelp() reports an option the table does not know
            const QString option = helpOption.name;
            const QString dashed = QStringLiteral("--") + option;
            const QStringList named {dashed};
            if (known->kind == Kind::Flag) {
                add(option, QStringLiteral("=1"), {dashed + QStringLiteral("=1")},
                    Expect::UsageError, named);
                add(option, QStringLiteral("=(empty)"), {dashed + QLatin1Char('=')},
                    Expect::UsageError, named);
                continue;
            }
            // The value missing at the end of the command line, empty as its own argument, and
            // empty after '='; and the option given twice, which used to keep the last value
            // silently.
            add(option, QStringLiteral("(missing)"), {dashed}, Expect::UsageError, named);
            add(option, QStringLiteral("twice"), {dashed, QStringLiteral("a"), dashed, QStringLiteral("b")},
                Expect::UsageError, {dashed + QStringLiteral(": given 2 times")});
            if (known->kind == Kind::InputFile) {
                const QString missing = m_fixtures.directory + QStringLiteral("/no-such-file.json");
                for (const QString &file :
                     {QString(), missing, m_fixtures.directory, QStringLiteral("/dev/null"),
                      QStringLiteral("/dev/zero"), m_fixtures.fifo, m_fixtures.garbage,
                      m_fixtures.wrongJson}) {
                    QStringList needles = named;
                    if (!file.isEmpty())
                        needles.append(file);
                    add(option, QStringLiteral("'%1'").arg(QFileInfo(file).fileName()),
                        {dashed, file}, Expect::UsageError, needles);
                }
                continue;
            }
            QStringList bad = badValues(known->kind) + known->extraBad;
            // Each value as the next argument; the empty one and a few others also after '=',
            // which the parser takes apart differently.
            for (qsizetype i = 0; i < bad.size(); ++i) {
                const QString &value = bad[i];
                add(option, QStringLiteral("'%1'").arg(value), {dashed, value}, Expect::UsageError,
                    named);
                if (i < 2 || value.isEmpty())
                    add(option, QStringLiteral("='%1'").arg(value),
                        {dashed + QLatin1Char('=') + value}, Expect::UsageError, named);
            }
            for (const QString &value : extremeValues(known->kind)) {
                if (!bad.contains(value))
                    add(option, QStringLiteral("'%1' (extreme)").arg(value), {dashed, value},
                        Expect::NoCrash, named);
            }
        }
        // An option no one has heard of: Qt's message names it without its dashes.
        add(QStringLiteral("no-such-option"), QString(), {QStringLiteral("--no-such-option")},
            Expect::UsageError, {QStringLiteral("no-such-option")});
    }
}

void BadInputTest::runAll()
{
    QElapsedTimer clock;
    clock.start();
    std::size_t next = 0;
    int active = 0;
    QEventLoop loop;
    std::function<void()> startMore = [&] {
        while (active < ParallelProcesses && next < m_cases.size()) {
            Case &c = m_cases[next++];
            auto *process = new QProcess(&loop);
            process->setProcessEnvironment(processEnvironment());
            process->setWorkingDirectory(c.workingDirectory);
            auto *timer = new QTimer(process);
            timer->setSingleShot(true);
            auto started = std::make_shared<QElapsedTimer>();
            started->start();
            auto done = [&, process, started, caseRun = &c.run] {
                caseRun->crashed = process->exitStatus() == QProcess::CrashExit;
                caseRun->exitCode = process->exitCode();
                caseRun->out = process->readAllStandardOutput();
                caseRun->err = process->readAllStandardError();
                caseRun->milliseconds = started->elapsed();
                process->deleteLater();
                --active;
                startMore();
                if (active == 0 && next == m_cases.size())
                    loop.quit();
            };
            connect(process, &QProcess::finished, &loop, done);
            connect(process, &QProcess::errorOccurred, &loop,
                    [done, caseRun = &c.run](QProcess::ProcessError error) {
                        if (error == QProcess::FailedToStart) {
                            caseRun->started = false;
                            done();
                        }
                    });
            connect(timer, &QTimer::timeout, process, [process, caseRun = &c.run] {
                caseRun->timedOut = true;
                process->kill();
            });
            ++active;
            c.run.started = true;
            process->start(c.program, c.arguments);
            timer->start(ProcessTimeoutMs);
        }
    };
    QTimer::singleShot(0, &loop, startMore);
    if (!m_cases.empty())
        loop.exec();
    m_totalMs = clock.elapsed();
}

void BadInputTest::initTestCase()
{
    QVERIFY2(QFile::exists(cliPath()), qPrintable(cliPath()));
    QVERIFY2(QFile::exists(guiPath()), qPrintable(guiPath()));
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    m_fixtures.directory = m_temp->filePath(QStringLiteral("fixtures"));
    QVERIFY(QDir().mkpath(m_fixtures.directory));
    m_fixtures.garbage = m_fixtures.directory + QStringLiteral("/garbage.json");
    m_fixtures.wrongJson = m_fixtures.directory + QStringLiteral("/wrong.json");
    m_fixtures.fifo = m_fixtures.directory + QStringLiteral("/fifo.json");
    QVERIFY(::mkfifo(QFile::encodeName(m_fixtures.fifo).constData(), 0600) == 0);
    for (const auto &[path, text] : {std::pair {m_fixtures.garbage, "\x01\x02 not json {"},
                                     std::pair {m_fixtures.wrongJson, "[1, 2, 3]"}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }
    for (const Program &program : programs()) {
        m_help.insert(program.id, helpOptions(program));
        // A parser that finds nothing would make every other test pass vacuously.
        QVERIFY2(m_help[program.id].size() >= 5,
                 qPrintable(QStringLiteral("%1 --help: found only %2 options")
                                    .arg(program.id)
                                    .arg(m_help[program.id].size())));
    }
    buildCases();
    runAll();
    qInfo("%zu bad command lines run in %.1f s", m_cases.size(), double(m_totalMs) / 1000.0);
}

void BadInputTest::tableCoversHelp_data()
{
    QTest::addColumn<QString>("program");
    for (const Program &program : programs())
        QTest::newRow(qPrintable(program.id)) << program.id;
}

void BadInputTest::tableCoversHelp()
{
    QFETCH(QString, program);
    const auto found = std::find_if(programs().begin(), programs().end(),
                                    [&](const Program &p) { return p.id == program; });
    QVERIFY(found != programs().end());
    QStringList unknown;
    QStringList wrongArity;
    QStringList listed;
    for (const HelpOption &option : m_help[program]) {
        listed.append(option.name);
        const auto known = found->options.constFind(option.name);
        if (known == found->options.constEnd()) {
            unknown.append(QStringLiteral("--") + option.name);
            continue;
        }
        const bool flag = known->kind == Kind::Flag || known->kind == Kind::Skip;
        if (flag == option.takesValue)
            wrongArity.append(QStringLiteral("--") + option.name);
    }
    QVERIFY2(unknown.isEmpty(),
             qPrintable(QStringLiteral(
                                "%1 --help lists options tst_badinput.cpp does not know how to "
                                "test: %2. Add them to the table with the kind of value they take.")
                                .arg(program, unknown.join(QStringLiteral(", ")))));
    QVERIFY2(wrongArity.isEmpty(),
             qPrintable(
                     QStringLiteral("%1: the table's flag/value kind disagrees with --help for %2")
                             .arg(program, wrongArity.join(QStringLiteral(", ")))));
    QStringList stale;
    for (auto it = found->options.constBegin(); it != found->options.constEnd(); ++it) {
        if (!listed.contains(it.key()))
            stale.append(QStringLiteral("--") + it.key());
    }
    QVERIFY2(stale.isEmpty(),
             qPrintable(QStringLiteral("%1 --help no longer lists %2 (stale table entries)")
                                .arg(program, stale.join(QStringLiteral(", ")))));
}

void BadInputTest::rejects_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < m_cases.size(); ++i)
        QTest::newRow(qPrintable(m_cases[i].name)) << int(i);
}

void BadInputTest::rejects()
{
    QFETCH(int, index);
    const Case &c = m_cases[std::size_t(index)];
    const QString commandLine = QStringLiteral("%1 %2").arg(QFileInfo(c.program).fileName(),
                                                            c.arguments.join(QLatin1Char(' ')));
    const QString err = QString::fromLocal8Bit(c.run.err);
    const QString context = QStringLiteral("\n  command: %1\n  exit %2, stderr: %3")
                                    .arg(commandLine)
                                    .arg(c.run.exitCode)
                                    .arg(err.left(600));
    QVERIFY2(c.run.started, qPrintable(QStringLiteral("did not start") + context));
    QVERIFY2(!c.run.timedOut,
             qPrintable(QStringLiteral("hung (killed after %1 ms)").arg(ProcessTimeoutMs) + context));
    QVERIFY2(!c.run.crashed, qPrintable(QStringLiteral("crashed") + context));
    for (const char *report :
         {"runtime error:", "AddressSanitizer", "LeakSanitizer", "QFSFileEngine::open"})
        QVERIFY2(!err.contains(QLatin1String(report)),
                 qPrintable(QStringLiteral("reported %1").arg(QLatin1String(report)) + context));
    if (c.expect == Expect::NoCrash && c.run.exitCode == 0)
        return;
    QVERIFY2(c.run.exitCode == 2,
             qPrintable(QStringLiteral("expected exit status 2 (bad usage)") + context));
    // The program's own line (not Qt's warnings) names the option or the file at fault.
    const QString prefix = QFileInfo(c.program).fileName() + QStringLiteral(": ");
    QString message;
    for (const QString &line : err.split(QLatin1Char('\n'))) {
        if (line.startsWith(prefix) && !line.startsWith(prefix + QStringLiteral("warning:"))) {
            message = line;
            break;
        }
    }
    QVERIFY2(!message.isEmpty(), qPrintable(QStringLiteral("no message of its own") + context));
    const bool named = std::any_of(c.needles.begin(), c.needles.end(),
                                   [&](const QString &needle) { return message.contains(needle); });
    QVERIFY2(named,
             qPrintable(QStringLiteral("the message does not name %1")
                                .arg(c.needles.join(QStringLiteral(" or ")))
                        + context));
    // A rejected command line writes nothing: no CSV on stdout, no file.
    QVERIFY2(c.run.out.isEmpty(),
             qPrintable(QStringLiteral("wrote to stdout: ")
                        + QString::fromLocal8Bit(c.run.out.left(200)) + context));
    const QStringList left =
            QDir(c.workingDirectory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    QVERIFY2(left.isEmpty(),
             qPrintable(QStringLiteral("left files behind: ") + left.join(QStringLiteral(", "))
                        + context));
}

namespace {

// The output options of both executables, each with arguments that make a quick run.
struct OutputOption
{
    QString name;
    QString program;
    QStringList before; // arguments before the output file
    QStringList after; // after it
    QString fileName;
};

std::vector<OutputOption> outputOptions()
{
    const QStringList tinyTraining {QStringLiteral("--steps"),  QStringLiteral("300"),
                                    QStringLiteral("--every"),  QStringLiteral("1"),
                                    QStringLiteral("--points"), QStringLiteral("64"),
                                    QStringLiteral("--hidden"), QStringLiteral("4")};
    return {
            {QStringLiteral("curve -o"),
             cliPath(),
             {QStringLiteral("curve"), QStringLiteral("--activation"), QStringLiteral("relu"),
              QStringLiteral("--samples"), QStringLiteral("100000"), QStringLiteral("-o")},
             {},
             QStringLiteral("curve.csv")},
            {QStringLiteral("train -o"),
             cliPath(),
             QStringList {QStringLiteral("train")} + tinyTraining + QStringList {QStringLiteral("-o")},
             {},
             QStringLiteral("train.csv")},
            {QStringLiteral("race -o"),
             cliPath(),
             QStringList {QStringLiteral("race")} + tinyTraining + QStringList {QStringLiteral("-o")},
             {},
             QStringLiteral("race.csv")},
            {QStringLiteral("race --summary"),
             cliPath(),
             QStringList {QStringLiteral("race")} + tinyTraining
                     + QStringList {QStringLiteral("--summary")},
             {},
             QStringLiteral("summary.csv")},
            {QStringLiteral("born-dead -o"),
             cliPath(),
             {QStringLiteral("born-dead"), QStringLiteral("--widths"), QStringLiteral("2"),
              QStringLiteral("--depths"), QStringLiteral("2"), QStringLiteral("--networks"),
              QStringLiteral("10"), QStringLiteral("-o")},
             {},
             QStringLiteral("borndead.csv")},
            {QStringLiteral("relulab --screenshot"),
             guiPath(),
             {QStringLiteral("--screenshot")},
             {},
             QStringLiteral("shot.png")},
            {QStringLiteral("relulab --export-figure png"),
             guiPath(),
             {QStringLiteral("--export-figure")},
             {},
             QStringLiteral("figure.png")},
            {QStringLiteral("relulab --export-figure svg"),
             guiPath(),
             {QStringLiteral("--export-figure")},
             {},
             QStringLiteral("figure.svg")},
    };
}

// A directory the test cannot write into: a read-only one, unless the test runs as root (or with
// CAP_DAC_OVERRIDE), where permissions do not stop writes; then a regular file in the place of a
// directory, which stops everyone.
QString unwritableDirectory(const QString &parent, QString *how)
{
    const QString readOnly = parent + QStringLiteral("/read-only");
    QDir().mkpath(readOnly);
    QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    QFile probe(readOnly + QStringLiteral("/probe"));
    if (!probe.open(QIODevice::WriteOnly)) {
        *how = QStringLiteral("read-only directory");
        return readOnly;
    }
    probe.close();
    probe.remove();
    QFile::setPermissions(readOnly,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QDir(readOnly).removeRecursively();
    const QString fileAsDirectory = parent + QStringLiteral("/a-file");
    QFile file(fileAsDirectory);
    if (file.open(QIODevice::WriteOnly))
        file.write("a regular file, not a directory\n");
    *how = QStringLiteral("regular file as directory (chmod does not stop uid %1)").arg(::geteuid());
    return fileAsDirectory;
}

} // namespace

void BadInputTest::unwritableOutput_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("where"); // missing, unwritable, devnull
    for (const OutputOption &output : outputOptions()) {
        for (const char *where : {"missing", "unwritable", "devnull"})
            QTest::addRow("%s into %s", qPrintable(output.name), where)
                    << output.program << output.before << output.after << output.fileName
                    << QString::fromLatin1(where);
    }
}

void BadInputTest::unwritableOutput()
{
    QFETCH(QString, program);
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QString, fileName);
    QFETCH(QString, where);
    const QString row = newRowDirectory();
    QString how = where;
    QString directory;
    if (where == QLatin1String("missing"))
        directory = row + QStringLiteral("/missing/sub");
    else if (where == QLatin1String("devnull"))
        directory = QStringLiteral("/dev/null");
    else
        directory = unwritableDirectory(row, &how);
    const QStringList contentsBefore =
            QDir(row).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    const QString target = directory + QLatin1Char('/') + fileName;
    const Run run = runOnce(program, before + QStringList {target} + after, row);
    const QString err = QString::fromLocal8Bit(run.err);
    const QString context = QStringLiteral("\n  %1 (%2), exit %3, stderr: %4")
                                    .arg(target, how)
                                    .arg(run.exitCode)
                                    .arg(err.left(600));
    QVERIFY2(!run.timedOut && !run.crashed, qPrintable(QStringLiteral("hung or crashed") + context));
    QVERIFY2(!err.contains(QLatin1String("runtime error:")) && !err.contains(QLatin1String("Sanitizer")),
             qPrintable(QStringLiteral("sanitizer report") + context));
    QVERIFY2(run.exitCode == 1,
             qPrintable(QStringLiteral("expected exit status 1 (cannot write)") + context));
    QVERIFY2(err.contains(target),
             qPrintable(QStringLiteral("the message does not name the file") + context));
    // Nothing half-written anywhere: the row's directory holds what it held.
    if (directory.startsWith(row))
        QCOMPARE(QDir(row).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 contentsBefore);
    QVERIFY(!QFileInfo::exists(target));
    // Only what this test made is given its permissions back: "directory" may be /dev/null,
    // which a chmod as root would leave at 0700 for the whole machine.
    if (directory.startsWith(row))
        QFile::setPermissions(
                directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

void BadInputTest::failedWriteKeepsTheExistingFile_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QString>("fileName");
    for (const OutputOption &output : outputOptions())
        QTest::newRow(qPrintable(output.name))
                << output.program << output.before << output.after << output.fileName;
}

// A full disk, made with a file size limit of 0 for the child (RLIMIT_FSIZE: every write to a
// regular file fails with EFBIG, for root as well; SIGXFSZ ignored so the write returns the error
// instead of killing the process). The existing file must come out as it was, and no temporary
// file may remain beside it.
void BadInputTest::failedWriteKeepsTheExistingFile()
{
    QFETCH(QString, program);
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QString, fileName);
    const QString row = newRowDirectory();
    const QString target = row + QLatin1Char('/') + fileName;
    const QByteArray precious = "the previous contents, which must survive\n";
    {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(precious);
    }
    const QStringList shell {QStringLiteral("-c"),
                             QStringLiteral("trap '' XFSZ; ulimit -f 0 && exec \"$0\" \"$@\""),
                             program};
    const Run run =
            runOnce(QStringLiteral("/bin/sh"), shell + before + QStringList {target} + after, row);
    const QString err = QString::fromLocal8Bit(run.err);
    const QString context =
            QStringLiteral("\n  %1, exit %2, stderr: %3").arg(target).arg(run.exitCode).arg(err.left(600));
    QVERIFY2(!run.timedOut && !run.crashed, qPrintable(QStringLiteral("hung or crashed") + context));
    QVERIFY2(run.exitCode == 1,
             qPrintable(QStringLiteral("expected exit status 1 (cannot write)") + context));
    QVERIFY2(err.contains(target),
             qPrintable(QStringLiteral("the message does not name the file") + context));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), precious);
    QCOMPARE(QDir(row).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList {fileName});
}

QTEST_GUILESS_MAIN(BadInputTest)
#include "tst_badinput.moc"
