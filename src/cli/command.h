#pragma once

// What every relulab-cli command shares: the exit codes, messages on stderr, the help layout,
// reading a command line (--help, the command's options, no positional arguments), the defaults
// a preset file gives, and writing the CSV to standard output or, atomically, to a file.
//
// A command is a Command<Options>: its name and four functions. What main.cpp and the fuzzer see
// of it is a CommandEntry: run() runs it as relulab-cli does; usageError() reads its command
// line exactly as run() does but writes and runs nothing (a --preset file is read), for the
// command-line fuzzer (tests/fuzz) and tests.
//
// Exit codes: 0 success, 1 an I/O failure (the message names the file), 2 bad usage (a one-line
// message that names the option at fault). Usage errors are all found before any output is
// opened, so a rejected command line writes nothing to stdout and creates no file.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <variant>

#include "core/sampling.h"
#include "app/userfiles.h"
#include "core/trainer.h"

class QIODevice;

namespace relulab::cli {

inline constexpr int ExitSuccess = 0;
inline constexpr int ExitIoError = 1;
inline constexpr int ExitUsage = 2;

inline constexpr char ProgramName[] = "relulab-cli";

// `text` as it is, in the locale's encoding.
void print(std::FILE *stream, const QString &text);
// "relulab-cli: MESSAGE" on stderr.
void printError(const QString &message);
// printError() of "warning: W" for each.
void printWarnings(const QStringList &warnings);
// printError(), and the exit code of bad usage.
int usageError(const QString &message);

// -h, --help.
QCommandLineOption helpOption();
// QCommandLineParser's own usage line names argv[0] as typed and knows nothing of commands, so a
// command's help keeps only the option list and brings its own usage line.
QString optionsSection(const QCommandLineParser &parser);

// --preset FILE, whose help says what the command takes from the file (`what`).
QCommandLineOption presetOption(const QString &what);
// What the training commands (train, race) take from a preset, for presetOption().
QString trainingPresetContents();

// A preset's explorer curve and lab training configuration, read from the same models the GUI
// applies a preset to, so a preset means the same here as in the window; and the loader's
// warnings (ignored unknown fields).
struct PresetDefaults
{
    core::CurveSpec curve;
    core::TrainingConfig training;
    QStringList warnings;
};

// The defaults of the preset at `path`, or the loader's message (every problem, each naming the
// file and the field), prefixed "--preset: " only where the loader cannot name a file.
std::variant<PresetDefaults, QString> presetDefaults(const QString &path);

// --help was given: nothing else is read.
struct HelpWanted
{ };

// One command. Options has `QStringList warnings`, printed before the command runs.
template<class Options>
struct Command
{
    const char *name; // "race"
    const char *usage; // "race [options]": the usage line after the program name
    void (*addOptions)(QCommandLineParser &parser);
    // The options from a parser that has parsed the command line, or the message of the first
    // mistake. Opens, writes and runs nothing (a --preset file is read).
    std::variant<Options, QString> (*readOptions)(const QCommandLineParser &parser);
    // What --help says between the usage line and the options.
    QString (*describe)();
    // Runs the command on options that were read; the exit code.
    int (*run)(const Options &options);
};

// Adds --help and the command's options to `parser` and parses `arguments` (the program name and
// the command first, "relulab-cli race"): nothing when the options are to be read now, else the
// usage error or the request for help.
std::optional<std::variant<QString, HelpWanted>>
parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, const char *command,
                 void (*addOptions)(QCommandLineParser &parser));

// The whole command line, parsed into `parser`: the options, a usage error's message, or the
// request for help.
template<class Options>
std::variant<Options, QString, HelpWanted> readCommandLine(const Command<Options> &command,
                                                           QCommandLineParser &parser,
                                                           const QStringList &arguments)
{
    if (auto stop = parseCommandLine(parser, arguments, command.name, command.addOptions)) {
        if (auto *message = std::get_if<QString>(&*stop))
            return std::move(*message);
        return HelpWanted {};
    }
    std::variant<Options, QString> read = command.readOptions(parser);
    if (auto *message = std::get_if<QString>(&read))
        return std::move(*message);
    return std::get<Options>(std::move(read));
}

// Writes a command's CSV with `write` to an app::OutputFile (userfiles.h): standard output when
// `fileName` is empty or "-", a device or FIFO directly, a regular file atomically. It is opened
// before `write` runs, so that an unwritable path fails at once and not after a long run. Writes
// are unbuffered (a pipe sees each row as it is measured) and checked: `write` returns false at
// the first one that fails, which ends the run with the system's reason. Returns the exit code; a
// failure is reported naming the file, and an existing regular file is left as it was.
int writeCsv(const QString &fileName, const std::function<bool(QIODevice &device)> &write);

// Opens `fileName` ("-" standard output) for a command's second output, as writeCsv() does; the
// file, or nothing after reporting why not.
std::unique_ptr<app::OutputFile> openOutput(const QString &fileName);
// Commits it; false after reporting why not.
bool commitOutput(app::OutputFile &file);

// "--a and --b name the same file 'x'", when they do (sameUserFile()); both options are optional.
std::optional<QString> sameFileError(const QString &firstOption, const QString &first,
                                     const QString &secondOption, const QString &second);

// Runs the command on `arguments` (the program name and the command first); the exit code.
template<class Options>
int runCommand(const Command<Options> &command, const QStringList &arguments)
{
    QCommandLineParser parser;
    const std::variant<Options, QString, HelpWanted> read = readCommandLine(command, parser, arguments);
    if (const auto *message = std::get_if<QString>(&read))
        return usageError(*message);
    if (std::holds_alternative<HelpWanted>(read)) {
        print(stdout,
              QStringLiteral("Usage: %1 %2\n").arg(QLatin1String(ProgramName), QLatin1String(command.usage))
                      + command.describe() + optionsSection(parser));
        return ExitSuccess;
    }
    const Options &options = std::get<Options>(read);
    printWarnings(options.warnings);
    return command.run(options);
}

// The message of the usage error runCommand() would exit with (code 2), or nothing when it would
// run or show its help.
template<class Options>
std::optional<QString> commandUsageError(const Command<Options> &command, const QStringList &arguments)
{
    QCommandLineParser parser;
    const std::variant<Options, QString, HelpWanted> read = readCommandLine(command, parser, arguments);
    if (const auto *message = std::get_if<QString>(&read))
        return *message;
    return std::nullopt;
}

// A command as main.cpp and the fuzzer call it. `arguments` start with the program name and the
// command ("relulab-cli race"), as main.cpp hands them over.
struct CommandEntry
{
    const char *name;
    // The exit code.
    int (*run)(const QStringList &arguments);
    // The message of the usage error run() would exit with, or nothing.
    std::optional<QString> (*usageError)(const QStringList &arguments);
};

template<const auto &command>
constexpr CommandEntry entryOf()
{
    return {command.name, [](const QStringList &arguments) { return runCommand(command, arguments); },
            [](const QStringList &arguments) { return commandUsageError(command, arguments); }};
}

} // namespace relulab::cli
