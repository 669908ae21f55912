#include "curvecommand.h"

#include <QCommandLineParser>
#include <QIODevice>

#include <variant>

#include "app/curveoptions.h"
#include "command.h"
#include "core/sampling.h"
#include "csvwriter.h"

namespace relulab::cli {

namespace {

const QString OutputOption = QStringLiteral("output");

struct CurveRun
{
    core::CurveSpec spec;
    QString output; // empty: standard output
    QStringList warnings;
};

void addOptions(QCommandLineParser &parser)
{
    app::addCurveOptions(parser);
    parser.addOption(presetOption(
            QStringLiteral("the explorer's function, its parameters, range and samples")));
    parser.addOption({{QStringLiteral("o"), OutputOption},
                      app::outputOptionHelp(QStringLiteral("the CSV (default: standard output)")),
                      QStringLiteral("file")});
}

QString describe()
{
    return QStringLiteral(
            "Writes f and f' of an activation at N evenly spaced x from A to B inclusive\n"
            "as CSV with the header x,y,dy, one row per sample. Numbers are in the\n"
            "shortest form that reads back as the same double. f'(0) of the kinked\n"
            "functions is PyTorch's (the x <= 0 branch).\n\n");
}

std::variant<CurveRun, QString> readOptions(const QCommandLineParser &parser)
{
    CurveRun run;
    if (parser.isSet(OutputOption)) {
        run.output = parser.value(OutputOption);
        if (run.output.isEmpty())
            return QStringLiteral("--output: the file name is empty");
    }
    const bool withPreset = parser.isSet(QStringLiteral("preset"));
    core::CurveSpec defaults;
    if (withPreset) {
        const auto loaded = presetDefaults(parser.value(QStringLiteral("preset")));
        if (const auto *message = std::get_if<QString>(&loaded))
            return *message;
        defaults = std::get<PresetDefaults>(loaded).curve;
        run.warnings = std::get<PresetDefaults>(loaded).warnings;
    }
    // A preset names the function, so --activation is required only without one.
    const std::variant<app::CurveOptions, QString> read =
            app::readCurveOptions(parser, defaults, !withPreset);
    if (const auto *message = std::get_if<QString>(&read))
        return *message;
    const app::CurveOptions &options = std::get<app::CurveOptions>(read);
    run.spec = options.spec;
    run.warnings += options.warnings;
    return run;
}

int run(const CurveRun &options)
{
    return writeCsv(options.output, [&](QIODevice &device) {
        return writeCurveCsv(core::sampleCurve(options.spec), device);
    });
}

constexpr Command<CurveRun> Definition {
        "curve", "curve --activation NAME [options]", addOptions, readOptions, describe, run};

} // namespace

constexpr CommandEntry CurveCommand = entryOf<Definition>();

} // namespace relulab::cli
