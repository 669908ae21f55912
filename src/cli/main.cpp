// relulab-cli: ReLU Lab's headless front end.
//
// Exit codes: 0 success, 1 an I/O failure (the message names the file), 2 bad usage (a one-line
// message on stderr that names the option at fault). Usage errors are all found before any output
// is opened, so a rejected command line writes nothing to stdout and creates no file.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <variant>

#include "app/curveoptions.h"
#include "core/sampling.h"
#include "csvwriter.h"
#include "relulab/version.h"

namespace {

using relulab::app::CurveOptions;

constexpr int ExitSuccess = 0;
constexpr int ExitIoError = 1;
constexpr int ExitUsage = 2;

constexpr char ProgramName[] = "relulab-cli";
const QString CurveCommand = QStringLiteral("curve");

void print(std::FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
}

void printError(const QString &message)
{
    print(stderr, QStringLiteral("%1: %2\n").arg(QLatin1String(ProgramName), message));
}

int usageError(const QString &message)
{
    printError(message);
    return ExitUsage;
}

QCommandLineOption helpOption()
{
    return {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")};
}

// QCommandLineParser's own usage line names argv[0] as typed and knows nothing of commands, so
// help texts keep only its option list and bring their own usage line.
QString optionsSection(const QCommandLineParser &parser)
{
    const QString text = parser.helpText();
    const qsizetype options = text.indexOf(QLatin1String("Options:"));
    return options < 0 ? text : text.mid(options);
}

QString topLevelHelp(const QCommandLineParser &parser)
{
    return QStringLiteral("Usage: %1 <command> [options]\n"
                          "ReLU Lab on the command line: the rectifier family of activations "
                          "as PyTorch defines them.\n\n")
                   .arg(QLatin1String(ProgramName))
            + optionsSection(parser)
            + QStringLiteral("\nCommands:\n"
                             "  curve  Write an activation f and its derivative f' on an evenly "
                             "spaced grid as CSV.\n\n"
                             "Run '%1 curve --help' for the options of a command.\n")
                      .arg(QLatin1String(ProgramName));
}

QString curveHelp(const QCommandLineParser &parser)
{
    return QStringLiteral(
                   "Usage: %1 curve --activation NAME [options]\n"
                   "Writes f and f' of an activation at N evenly spaced x from A to B inclusive\n"
                   "as CSV with the header x,y,dy, one row per sample. Numbers are in the\n"
                   "shortest form that reads back as the same double. f'(0) of the kinked\n"
                   "functions is PyTorch's (the x <= 0 branch).\n\n")
                   .arg(QLatin1String(ProgramName))
            + optionsSection(parser);
}

// Samples the curve and writes it as CSV; false when a write fails (see device.errorString()).
bool writeCurve(const relulab::core::CurveSpec &spec, QIODevice &device)
{
    const relulab::core::SampledCurve curve = relulab::core::sampleCurve(spec);
    return relulab::cli::writeCurveCsv(curve, device);
}

int writeToStdout(const relulab::core::CurveSpec &spec)
{
    QFile out;
    // Unbuffered: the writer hands over megabyte blocks, another copy would only cost time.
    if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered) || !writeCurve(spec, out)) {
        printError(QStringLiteral("cannot write to standard output: %1").arg(out.errorString()));
        return ExitIoError;
    }
    return ExitSuccess;
}

int writeToFile(const relulab::core::CurveSpec &spec, const QString &fileName)
{
    // QSaveFile writes a temporary file and renames it over the target on commit, so a failure
    // never leaves a half-written file and an existing file survives it.
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || !writeCurve(spec, file) || !file.commit()) {
        printError(QStringLiteral("cannot write '%1': %2").arg(fileName, file.errorString()));
        return ExitIoError;
    }
    return ExitSuccess;
}

int runCurve(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption help = helpOption();
    const QCommandLineOption output(
            {QStringLiteral("o"), QStringLiteral("output")},
            QStringLiteral("Write the CSV to this file instead of standard output, atomically: on "
                           "failure an existing file is left as it was."),
            QStringLiteral("file"));
    parser.addOption(help);
    relulab::app::addCurveOptions(parser);
    parser.addOption(output);

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        print(stdout, curveHelp(parser));
        return ExitSuccess;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("curve: unexpected argument '%1'")
                                  .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(output) && parser.value(output).isEmpty())
        return usageError(QStringLiteral("--output: the file name is empty"));

    const std::variant<CurveOptions, QString> read =
            relulab::app::readCurveOptions(parser, relulab::core::CurveSpec {}, true);
    if (const auto *message = std::get_if<QString>(&read))
        return usageError(*message);
    const CurveOptions &options = std::get<CurveOptions>(read);
    for (const QString &warning : options.warnings)
        printError(QStringLiteral("warning: %1").arg(warning));

    return parser.isSet(output) ? writeToFile(options.spec, parser.value(output))
                                : writeToStdout(options.spec);
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
    if (commandLine.constFirst() != CurveCommand)
        return usageError(
                QStringLiteral("unknown command '%1' (commands: curve)").arg(commandLine.constFirst()));
    // The command's parser expects a program name first, as in argv.
    return runCurve(QStringList {arguments.constFirst() + QLatin1Char(' ') + CurveCommand}
                    + commandLine.mid(1));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QLatin1String(ProgramName));
    QCoreApplication::setApplicationVersion(QLatin1String(relulab::ProjectVersion));
    return run(QCoreApplication::arguments());
}
