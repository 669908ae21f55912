#include "command.h"

#include <QFile>
#include <QSaveFile>

#include "app/borndeadmodel.h"
#include "app/labmodel.h"
#include "app/parametermodel.h"
#include "app/preset.h"
#include "app/racemodel.h"

namespace relulab::cli {

void print(std::FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
}

void printError(const QString &message)
{
    print(stderr, QStringLiteral("%1: %2\n").arg(QLatin1String(ProgramName), message));
}

void printWarnings(const QStringList &warnings)
{
    for (const QString &warning : warnings)
        printError(QStringLiteral("warning: %1").arg(warning));
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

QString optionsSection(const QCommandLineParser &parser)
{
    const QString text = parser.helpText();
    const qsizetype options = text.indexOf(QLatin1String("Options:"));
    return options < 0 ? text : text.mid(options);
}

QCommandLineOption presetOption(const QString &what)
{
    return {QStringLiteral("preset"),
            QStringLiteral(
                    "Take the defaults from a ReLU Lab preset file (File > Save preset): %1. "
                    "Options given with it win.")
                    .arg(what),
            QStringLiteral("file")};
}

QString trainingPresetContents()
{
    return QStringLiteral("the lab's data set, network, initialisation, optimizer, learning rate, "
                          "batch size and precision, and the explorer's slope, weight or bounds");
}

std::variant<PresetDefaults, QString> presetDefaults(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("--preset: the file name is empty");
    const app::PresetResult result = app::loadPreset(path);
    if (const auto *error = std::get_if<app::PresetError>(&result))
        return error->message;
    const app::LoadedPreset &loaded = std::get<app::LoadedPreset>(result);
    // The race's and born-dead's sections are set too (apply() sets every model), but not used:
    // the commands take the explorer's and the lab's settings.
    app::ParameterModel parameters;
    app::LabModel lab(&parameters);
    app::RaceModel race(&parameters);
    app::BornDeadModel bornDead;
    app::apply(loaded.preset, {parameters, lab, race, bornDead});
    return PresetDefaults {parameters.curveSpec(), lab.config(), loaded.warnings};
}

std::optional<std::variant<QString, HelpWanted>>
parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, const char *command,
                 void (*addOptions)(QCommandLineParser &parser))
{
    const QCommandLineOption help = helpOption();
    parser.addOption(help);
    addOptions(parser);
    if (!parser.parse(arguments))
        return parser.errorText();
    if (parser.isSet(help))
        return HelpWanted {};
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("%1: unexpected argument '%2'")
                .arg(QLatin1String(command), parser.positionalArguments().constFirst());
    return std::nullopt;
}

int writeCsv(const QString &fileName,
             const std::function<bool(QFileDevice &device, bool flushRows)> &write)
{
    if (fileName.isEmpty()) {
        QFile out;
        // Unbuffered: the writers hand over whole rows or megabyte blocks, and a second buffer
        // would only copy them.
        if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered) || !write(out, true)) {
            printError(QStringLiteral("cannot write to standard output: %1").arg(out.errorString()));
            return ExitIoError;
        }
        return ExitSuccess;
    }
    // flush() before commit(): Qt 6.4's commit() ignores a failed last flush (a full disk) and
    // renames the empty or truncated temporary file over the target, reporting success.
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || !write(file, false) || !file.flush() || !file.commit()) {
        printError(QStringLiteral("cannot write '%1': %2").arg(fileName, file.errorString()));
        return ExitIoError;
    }
    return ExitSuccess;
}

} // namespace relulab::cli
