// libFuzzer target for the command-line parsing of relulab-cli curve, train, race and born-dead
// (and of the GUI's curve options, which are the curve command's): in process, through the same
// functions the executables call (relulab_cli), with nothing written or run (a --preset file is
// read, as the commands read it).
//
// Input: the command line as lines. The first line picks the command ("curve", "train", "race" or
// "born-dead"; anything else is skipped), each further line is one argument, decoded as UTF-8 as
// QCoreApplication::arguments() decodes argv. The seed corpus (corpus/cli) is written that way.
//
// Beyond "no crash, no leak, no sanitizer report", an accepted command line must give what the
// executables rely on (a finite, non-empty range and a sample count in bounds; a training
// configuration that core::validate() accepts and a measurement interval of at least one step,
// since the commands divide by it), and every rejection must come with a message. Each broken
// promise aborts, which libFuzzer reports as a crash with the input.

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <variant>

#include "app/curveoptions.h"
#include "app/modeloptions.h"
#include "app/parametermodel.h"
#include "app/trainingoptions.h"
#include "cli/borndeadcommand.h"
#include "cli/curvecommand.h"
#include "cli/racecommand.h"
#include "cli/traincommand.h"
#include "core/sampling.h"
#include "core/trainer.h"

namespace {

using namespace relulab;

[[noreturn]] void broken(const char *promise, const QString &detail = QString())
{
    std::fprintf(stderr, "fuzz_cli: %s\n%s\n", promise, detail.toUtf8().constData());
    std::abort();
}

void checkMessage(const QString &message)
{
    if (message.trimmed().isEmpty())
        broken("a rejected command line has no message");
}

// The curve options as the curve command reads them (and the GUI, which requires no
// --activation), checked for what an accepted command line promises.
void fuzzCurve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Help.")});
    app::addCurveOptions(parser);
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      QStringLiteral("File."),
                      QStringLiteral("file")});
    if (!parser.parse(arguments)) {
        checkMessage(parser.errorText());
        return;
    }
    // The CLI requires --activation; the GUI (relulab --screenshot) starts from its model.
    for (const bool requireActivation : {true, false}) {
        const auto read = app::readCurveOptions(parser, core::CurveSpec {}, requireActivation);
        if (const auto *message = std::get_if<QString>(&read)) {
            checkMessage(*message);
            continue;
        }
        const app::CurveOptions &options = std::get<app::CurveOptions>(read);
        const core::CurveSpec &spec = options.spec;
        if (!std::isfinite(spec.xMin) || !std::isfinite(spec.xMax) || !(spec.xMin < spec.xMax)
            || !std::isfinite(spec.xMax - spec.xMin))
            broken("an accepted range is not a finite, non-empty interval");
        if (spec.samples < core::MinCurveSamples || spec.samples > core::MaxCurveSamples)
            broken("an accepted sample count is out of bounds");
        if (spec.kind == core::Activation::Rrelu && spec.params.rreluLower > spec.params.rreluUpper)
            broken("accepted RReLU bounds are reversed");
        if (!requireActivation) {
            // The GUI applies them to its model, which must refuse or take them whole.
            app::ParameterModel model;
            if (const auto message = app::applyCurveOptions(options, model))
                checkMessage(*message);
        }
    }
}

// The training options as the train command reads them, checked for what an accepted command
// line promises.
void fuzzTrain(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Help.")});
    app::addTrainingOptions(parser);
    if (!parser.parse(arguments)) {
        checkMessage(parser.errorText());
        return;
    }
    const auto read = app::readTrainingOptions(parser, core::TrainingConfig {});
    if (const auto *message = std::get_if<QString>(&read)) {
        checkMessage(*message);
        return;
    }
    const app::TrainingOptions &options = std::get<app::TrainingOptions>(read);
    if (const std::optional<std::string> problem = core::validate(options.config))
        broken("an accepted training configuration is invalid", QString::fromStdString(*problem));
    if (options.every == 0 || options.steps > app::MaxTrainingSteps)
        broken("an accepted schedule is out of bounds");
    if (options.threads && (*options.threads < 1 || *options.threads > app::MaxTrainingThreads))
        broken("an accepted thread count is out of bounds");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // As in relulab-cli: a QCoreApplication for the whole run.
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QList<QByteArray> lines = input.split('\n');
    const QByteArray command = lines.constFirst();
    // Every command's parser expects the program name first, as main.cpp hands it over.
    QStringList arguments {QStringLiteral("relulab-cli ") + QString::fromUtf8(command)};
    for (qsizetype i = 1; i < lines.size(); ++i)
        arguments.append(QString::fromUtf8(lines.at(i)));

    if (command == "curve") {
        fuzzCurve(arguments);
        if (const auto message = cli::CurveCommand.usageError(arguments))
            checkMessage(*message);
    } else if (command == "train") {
        fuzzTrain(arguments);
        if (const auto message = cli::TrainCommand.usageError(arguments))
            checkMessage(*message);
    } else if (command == "race") {
        if (const auto message = cli::RaceCommand.usageError(arguments))
            checkMessage(*message);
    } else if (command == "born-dead") {
        if (const auto message = cli::BornDeadCommand.usageError(arguments))
            checkMessage(*message);
    }
    return 0;
}
