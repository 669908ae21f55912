#pragma once

// Runs relulab-cli (RELULAB_CLI_PATH, defined per test target) as a process, for the CLI tests.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace relulab::tests {

struct CliRun
{
    bool finished = false; // exited normally within the time limit
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList &arguments, int timeoutMs = 120'000)
{
    QProcess process;
    process.setProgram(QStringLiteral(RELULAB_CLI_PATH));
    process.setArguments(arguments);
    process.start();
    CliRun run;
    run.finished = process.waitForFinished(timeoutMs);
    if (!run.finished)
        process.kill();
    run.finished = run.finished && process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// "--a 1 --b x" as arguments.
inline QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace relulab::tests
