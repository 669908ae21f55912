// relulab-cli: ReLU Lab's headless front end. The commands live in relulab_cli (command.h says
// what they share, including the exit codes); this file only picks one.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <exception>

#include "borndeadcommand.h"
#include "command.h"
#include "curvecommand.h"
#include "racecommand.h"
#include "relulab/version.h"
#include "traincommand.h"

namespace {

using namespace relulab::cli;

constexpr const CommandEntry *Commands[] = {&CurveCommand, &TrainCommand, &RaceCommand,
                                            &BornDeadCommand};

QString topLevelHelp(const QCommandLineParser &parser)
{
    return QStringLiteral("Usage: %1 <command> [options]\n"
                          "ReLU Lab on the command line: the rectifier family of activations "
                          "as PyTorch defines them.\n\n")
                   .arg(QLatin1String(ProgramName))
            + optionsSection(parser)
            + QStringLiteral("\nCommands:\n"
                             "  curve  Write an activation f and its derivative f' on an evenly "
                             "spaced grid as CSV.\n"
                             "  train  Train the dead-neuron lab's network and write loss, "
                             "accuracy and dead units\n"
                             "         per layer as CSV while it trains.\n"
                             "  race   Train one network per activation side by side from the "
                             "same weights and write\n"
                             "         loss, accuracy and dead units per activation as CSV.\n"
                             "  born-dead  Estimate how often a random ReLU network is dead "
                             "before it is trained,\n"
                             "             per width and depth, as CSV.\n\n"
                             "Run '%1 <command> --help' for the options of a command.\n")
                      .arg(QLatin1String(ProgramName));
}

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption help = helpOption();
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version."));
    parser.addOption(help);
    parser.addOption(version);
    // Everything from the command on belongs to the command's own parser.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        print(stdout, topLevelHelp(parser));
        return ExitSuccess;
    }
    if (parser.isSet(version)) {
        print(stdout,
              QStringLiteral("%1 %2\n").arg(QLatin1String(ProgramName),
                                            QLatin1String(relulab::ProjectVersion)));
        return ExitSuccess;
    }
    const QStringList commandLine = parser.positionalArguments();
    if (commandLine.isEmpty())
        return usageError(
                QStringLiteral("no command given (try '%1 --help')").arg(QLatin1String(ProgramName)));
    const QString &command = commandLine.constFirst();
    for (const CommandEntry *entry : Commands) {
        // The command's parser expects a program name first, as in argv.
        if (command == QLatin1String(entry->name))
            return entry->run(QStringList {arguments.constFirst() + QLatin1Char(' ') + command}
                              + commandLine.mid(1));
    }
    return usageError(
            QStringLiteral("unknown command '%1' (commands: curve, train, race, born-dead)").arg(command));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QLatin1String(ProgramName));
    QCoreApplication::setApplicationVersion(QLatin1String(relulab::ProjectVersion));
    // The commands report what they expect to go wrong themselves; anything else (out of memory
    // for a huge run, say) ends with a message and status 1, not with std::terminate's abort.
    try {
        return run(QCoreApplication::arguments());
    } catch (const std::exception &error) {
        std::fprintf(stderr, "%s: %s\n", ProgramName, error.what());
    } catch (...) {
        std::fprintf(stderr, "%s: unexpected error\n", ProgramName);
    }
    return 1;
}
