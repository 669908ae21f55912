#include "command.h"


#include "app/borndeadmodel.h"
#include "app/labmodel.h"
#include "app/parametermodel.h"
#include "app/optionreader.h"
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
    return QStringLiteral("the lab's data set, network, initialisation and its gain, optimizer, "
                          "learning rate, weight decay, L1, batch size and precision, and the "
                          "explorer's slope, weight or bounds");
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
    if (auto repeated = app::repeatedOptionError(parser))
        return std::move(*repeated);
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("%1: unexpected argument '%2'")
                .arg(QLatin1String(command), parser.positionalArguments().constFirst());
    return std::nullopt;
}

namespace {

void reportWriteError(const app::OutputFile &file)
{
    printError(app::isStandardStream(file.path())
                       ? QStringLiteral("cannot write to standard output: %1").arg(file.errorString())
                       : QStringLiteral("cannot write '%1': %2").arg(file.path(), file.errorString()));
}

} // namespace

std::unique_ptr<app::OutputFile> openOutput(const QString &fileName)
{
    auto file = std::make_unique<app::OutputFile>(fileName);
    if (!file->open()) {
        reportWriteError(*file);
        return nullptr;
    }
    return file;
}

bool commitOutput(app::OutputFile &file)
{
    if (!file.commit()) {
        reportWriteError(file);
        return false;
    }
    return true;
}

int writeCsv(const QString &fileName, const std::function<bool(QIODevice &device)> &write)
{
    const std::unique_ptr<app::OutputFile> file =
            openOutput(fileName.isEmpty() ? QString::fromLatin1(app::StandardStreamName) : fileName);
    if (!file)
        return ExitIoError;
    // `write` fails only at a failed write, whose reason the file holds.
    if (!write(*file)) {
        reportWriteError(*file);
        return ExitIoError;
    }
    return commitOutput(*file) ? ExitSuccess : ExitIoError;
}

std::optional<QString> sameFileError(const QString &firstOption, const QString &first,
                                     const QString &secondOption, const QString &second)
{
    if (first.isEmpty() || second.isEmpty() || !app::sameUserFile(first, second))
        return std::nullopt;
    return app::isStandardStream(first) && app::isStandardStream(second)
            ? QStringLiteral("--%1 and --%2 both write to standard output ('-')").arg(firstOption, secondOption)
            : QStringLiteral("--%1 and --%2 name the same file '%3'; one would overwrite the other")
                      .arg(firstOption, secondOption, second);
}

} // namespace relulab::cli
