#include "commandline.h"

#include <QCommandLineParser>
#include <QRegularExpression>

#include <cstdio>
#include <system_error>
#include <tuple>
#include <utility>

#include <qcustomplot.h>

#include "app/optionreader.h"
#include "app/parametermodel.h"
#include "app/userfiles.h"
#include "app/curveoptions.h"
#include "app/enumnames.h"
#include "app/modeloptions.h"
#include "app/optionparsing.h"
#include "language.h"
#include "lessons.h"
#include "mainwindow.h"
#include "presentation.h"
#include "racetab.h"

namespace relulab::ui {

namespace {

// The largest --size side: 8192x8192 renders in a few seconds and about 1.5 GB.
constexpr int MaxPictureSide = 8192;
constexpr std::uint64_t MaxLabSteps = 100'000'000;
constexpr std::uint64_t MaxRaceSteps = 1'000'000;

QString name(const QCommandLineOption &option)
{
    return option.names().constFirst();
}

// A decimal number from `min` to `max` as relulab-cli reads one (no sign but an optional '+', no
// spaces), or nothing.
std::optional<std::uint64_t> wholeNumber(const QString &text, std::uint64_t min, std::uint64_t max)
{
    std::uint64_t value = 0;
    std::errc error {};
    if (!app::parseInteger(text, value, error) || value < min || value > max)
        return std::nullopt;
    return value;
}

// The tabs as the window orders them, for --tab's help and message.
QString tabNames()
{
    using app::PresetTab;
    return app::alternatives({app::enumName(PresetTab::Explorer), app::enumName(PresetTab::Lab),
                              app::enumName(PresetTab::GradientFlow), app::enumName(PresetTab::Race),
                              app::enumName(PresetTab::BornDead)});
}

QString themeNames()
{
    return app::alternatives({themeName(Theme::Light), themeName(Theme::Dark)});
}

// --lab-steps and --race-steps: how far the tab runs before the picture is taken.
QCommandLineOption stepsOption(const QString &name, app::PresetTab tab, const QString &what)
{
    return {name,
            QStringLiteral("With --tab %1 and --screenshot or --export-figure: %2")
                    .arg(app::enumName(tab), what),
            QStringLiteral("N"), QStringLiteral("0")};
}

} // namespace

StartupOptions declareOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
            QStringLiteral("ReLU Lab: an interactive lab for ReLU, Leaky ReLU, PReLU and RReLU."));
    parser.addHelpOption();
    parser.addVersionOption();
    StartupOptions o;
    o.screenshot = {QStringLiteral("screenshot"),
                    QStringLiteral("Render the main window offscreen to FILE (PNG) and exit."),
                    QStringLiteral("FILE")};
    o.exportData = {QStringLiteral("export-data"),
                    QStringLiteral("With --screenshot or --export-figure: also write the data the "
                                   "picture shows to FILE as CSV, as File > Export data does (the "
                                   "lab's training history, or the explorer's curves); '-' is "
                                   "standard output."),
                    QStringLiteral("FILE")};
    o.size = {
            QStringLiteral("size"),
            QStringLiteral("Window size for --screenshot and --export-figure (default 1360x820)."),
            QStringLiteral("WxH"), QStringLiteral("1360x820")};
    o.compare = {QStringLiteral("compare"),
                 QStringLiteral("Functions to draw faintly for comparison, e.g. relu,gelu."),
                 QStringLiteral("LIST")};
    o.tab = {QStringLiteral("tab"),
             QStringLiteral("The tab to show: %1 (with --screenshot: its grid run to the end).")
                     .arg(tabNames()),
             QStringLiteral("NAME"), app::enumName(app::PresetTab::Explorer)};
    o.labSteps = stepsOption(QStringLiteral("lab-steps"), app::PresetTab::Lab,
                             QStringLiteral("train this many steps first (also with --tab %1, "
                                            "which shows the lab's run).")
                                     .arg(app::enumName(app::PresetTab::GradientFlow)));
    o.raceSteps = stepsOption(QStringLiteral("race-steps"), app::PresetTab::Race,
                              QStringLiteral("run the race to this step first (0: its own number "
                                             "of steps)."));
    o.scenario = {QStringLiteral("scenario"),
                  QStringLiteral("The race's starting point: %1.")
                          .arg(app::alternatives(app::enumNames<core::RacePresetKind>())),
                  QStringLiteral("NAME")};
    o.racePreset = {QStringLiteral("race-preset"), QStringLiteral("The same as --scenario."),
                    QStringLiteral("NAME")};
    o.racePreset.setFlags(QCommandLineOption::HiddenFromHelp);
    o.preset = {QStringLiteral("preset"),
                QStringLiteral("Load every parameter from a preset file (as File > Open preset; "
                               "a FILE.json argument does the same). Options given with it win."),
                QStringLiteral("FILE")};
    o.exportFigure = {QStringLiteral("export-figure"),
                      QStringLiteral("Render offscreen, without showing a window, write a figure "
                                     "to FILE and exit: PNG, PDF or SVG by the extension (.png, "
                                     ".pdf, .svg); the whole window at --size, or the plot named "
                                     "by --plot."),
                      QStringLiteral("FILE")};
    o.plot = {QStringLiteral("plot"),
              QStringLiteral("With --export-figure: only this plot of the tab shown, at its size "
                             "in the window, e.g. activationPlot, derivativePlot (explorer), "
                             "deadPlot, lossPlot, decisionPlot (lab)."),
              QStringLiteral("NAME")};
    o.scale = {QStringLiteral("scale"),
               QStringLiteral("With --export-figure to a PNG: pixels per window pixel, 0.25 to 8 "
                              "(default 1)."),
               QStringLiteral("X"), QStringLiteral("1")};
    o.noSettings = {QStringLiteral("no-settings"),
                    QStringLiteral("Neither read nor write the saved settings (window layout, last "
                                   "parameters, theme, recent files). Implied by --screenshot and "
                                   "--export-figure; the environment variable "
                                   "RELULAB_NO_SETTINGS=1 does the same.")};
    o.lesson = {QStringLiteral("lesson"),
                QStringLiteral("Open built-in lesson N (1 to %1), as Help > Lessons does.")
                        .arg(Lessons::count()),
                QStringLiteral("N")};
    o.theme = {QStringLiteral("theme"), QStringLiteral("The theme: %1.").arg(themeNames()),
               QStringLiteral("NAME")};
    o.presentation = {QStringLiteral("presentation"),
                      QStringLiteral("Start in presentation mode (with --screenshot: scaled and "
                                     "high contrast at --size, not full screen).")};
    o.language = {QStringLiteral("language"),
                  QStringLiteral("The language of the interface: en or zh_CN (as View > Language, "
                                 "for this run only). Default: the one chosen last, else the "
                                 "system's; English for --screenshot and --export-figure."),
                  QStringLiteral("CODE")};
    parser.addPositionalArgument(QStringLiteral("[FILE.json]"), QStringLiteral("A preset to open."));
    for (const QCommandLineOption *option :
         {&o.language, &o.noSettings, &o.lesson, &o.theme, &o.presentation, &o.exportFigure,
          &o.plot, &o.scale, &o.preset, &o.screenshot, &o.exportData, &o.size, &o.compare, &o.tab, &o.labSteps,
          &o.raceSteps, &o.scenario, &o.racePreset})
        parser.addOption(*option);
    app::addCurveOptions(parser, {static_cast<std::size_t>(app::ParameterModel::MinSamples),
                                  static_cast<std::size_t>(app::ParameterModel::MaxSamples)});
    return o;
}

std::variant<Startup, Failure> readStartup(const QCommandLineParser &parser, const StartupOptions &o)
{
    const auto usage = [](const QString &message) { return Failure {ExitUsage, message}; };
    if (auto repeated = app::repeatedOptionError(parser))
        return usage(*repeated);
    Startup startup;
    // An empty value is a mistake, never "none" (as in relulab-cli): `--preset=` must not quietly
    // open nothing, nor `--plot=` quietly export the whole window.
    for (const auto &[option, what] :
         {std::pair {&o.screenshot, "file name"}, std::pair {&o.exportFigure, "file name"},
          std::pair {&o.exportData, "file name"},
          std::pair {&o.preset, "file name"}, std::pair {&o.plot, "plot name"}}) {
        if (parser.isSet(*option) && parser.value(*option).isEmpty())
            return usage(
                    QStringLiteral("--%1: the %2 is empty").arg(name(*option), QLatin1String(what)));
    }
    // Said apart from other mistakes, which the parsers below would call "not a number" alone.
    for (const QCommandLineOption *option : {&o.lesson, &o.labSteps, &o.raceSteps, &o.scale}) {
        const QString value = parser.value(*option);
        if (parser.isSet(*option) && value != value.trimmed())
            return usage(QStringLiteral("--%1: '%2' is not a number (spaces around it)")
                                 .arg(name(*option), value));
    }
    // Checked whenever given, not only with a picture to take, so a mistake is never ignored.
    // The picture is held in memory whole: 16384x16384 already takes 6 GB, and 99999x99999 hung
    // the process, so each side is capped.
    static const QRegularExpression sizePattern(QStringLiteral("^([0-9]{2,5})x([0-9]{2,5})$"));
    const QRegularExpressionMatch sizeMatch = sizePattern.match(parser.value(o.size));
    if (sizeMatch.hasMatch())
        startup.size = QSize(sizeMatch.captured(1).toInt(), sizeMatch.captured(2).toInt());
    if (!sizeMatch.hasMatch() || startup.size.width() > MaxPictureSide
        || startup.size.height() > MaxPictureSide)
        return usage(QStringLiteral("--size: expected WxH such as 1360x820, each side from 10 to "
                                    "%1, got '%2'")
                             .arg(MaxPictureSide)
                             .arg(parser.value(o.size)));
    startup.presetFile = parser.value(o.preset);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet(o.preset)))
        return usage(
                QStringLiteral("unexpected argument '%1': one preset at a time").arg(positional.last()));
    if (positional.size() == 1)
        startup.presetFile = positional.first();
    // A picture must depend on the command line alone, and a test run must not touch the user's
    // settings.
    startup.exporting = parser.isSet(o.exportFigure);
    startup.noSettings = parser.isSet(o.noSettings) || parser.isSet(o.screenshot)
            || startup.exporting || !qEnvironmentVariableIsEmpty("RELULAB_NO_SETTINGS");
    if (parser.isSet(o.lesson)) {
        // Digits only, as a lesson is numbered: no sign.
        const QString value = parser.value(o.lesson);
        const auto lesson = value.startsWith(QLatin1Char('+'))
                ? std::nullopt
                : wholeNumber(value, 1, static_cast<std::uint64_t>(Lessons::count()));
        if (!lesson)
            return usage(QStringLiteral("--lesson: expected a number from 1 to %1, got '%2'")
                                 .arg(Lessons::count())
                                 .arg(value));
        startup.lesson = static_cast<int>(*lesson);
        if (!startup.presetFile.isEmpty())
            return usage(QStringLiteral("--lesson and a preset: one at a time"));
    }
    if (parser.isSet(o.theme)) {
        startup.theme = themeFromName(parser.value(o.theme));
        if (!startup.theme)
            return usage(QStringLiteral("--theme: expected %1, got '%2'")
                                 .arg(themeNames(), parser.value(o.theme)));
    }
    if (parser.isSet(o.language)) {
        startup.language = Language::normalised(parser.value(o.language));
        if (startup.language.isEmpty())
            return usage(QStringLiteral("--language: expected %1, got '%2'")
                                 .arg(Language::available().join(QStringLiteral(" or ")),
                                      parser.value(o.language)));
    }
    if (parser.isSet(o.compare)) {
        for (const QString &activation : parser.value(o.compare).split(QLatin1Char(','))) {
            const auto kind = app::enumFromName<core::Activation>(activation.trimmed());
            if (!kind)
                return usage(QStringLiteral("--compare: unknown activation '%1' (one of: %2)")
                                     .arg(activation, app::enumNameList<core::Activation>()));
            startup.comparisons.append(*kind);
        }
    }
    if (parser.isSet(o.tab)) {
        startup.tab = app::presetTabFromName(parser.value(o.tab));
        if (!startup.tab)
            return usage(
                    QStringLiteral("--tab: expected %1, got '%2'").arg(tabNames(), parser.value(o.tab)));
    }
    for (const auto &[option, max, target] :
         {std::tuple {&o.labSteps, MaxLabSteps, &startup.labSteps},
          std::tuple {&o.raceSteps, MaxRaceSteps, &startup.raceSteps}}) {
        const auto steps = wholeNumber(parser.value(*option), 0, max);
        if (!steps)
            return usage(QStringLiteral("--%1: expected a whole number from 0 to %2, got '%3'")
                                 .arg(name(*option))
                                 .arg(max)
                                 .arg(parser.value(*option)));
        *target = *steps;
    }
    // The name typed, --scenario or --race-preset, is the one a message names.
    for (const QCommandLineOption *option : {&o.racePreset, &o.scenario}) {
        if (!parser.isSet(*option))
            continue;
        startup.scenario = app::enumFromName<core::RacePresetKind>(parser.value(*option));
        if (!startup.scenario)
            return usage(QStringLiteral("--%1: expected one of %2, got '%3'")
                                 .arg(name(*option), app::enumNameList<core::RacePresetKind>(),
                                      parser.value(*option)));
    }

    if (startup.exporting && parser.isSet(o.screenshot))
        return usage(QStringLiteral("--export-figure and --screenshot: one at a time"));
    if (!startup.exporting && (parser.isSet(o.plot) || parser.isSet(o.scale)))
        return usage(QStringLiteral("--%1: only with --export-figure")
                             .arg(parser.isSet(o.plot) ? name(o.plot) : name(o.scale)));
    if (startup.exporting) {
        const QString file = parser.value(o.exportFigure);
        startup.figureFormat = figureFormatForFile(file);
        if (!startup.figureFormat)
            return usage(
                    QStringLiteral("--export-figure: '%1' must end in .png, .pdf or .svg").arg(file));
        const app::Parsed<double> scale = app::parseFiniteDouble(name(o.scale), parser.value(o.scale));
        const double *value = std::get_if<double>(&scale);
        if (!value || !(*value >= MinFigureScale && *value <= MaxFigureScale))
            return usage(QStringLiteral("--scale: expected a number from 0.25 to 8, got '%1'")
                                 .arg(parser.value(o.scale)));
        startup.scale = *value;
        startup.plot = parser.value(o.plot);
    }
    startup.picture = parser.value(startup.exporting ? o.exportFigure : o.screenshot);
    if (parser.isSet(o.exportData)) {
        if (startup.picture.isEmpty())
            return usage(QStringLiteral("--export-data: only with --screenshot or --export-figure"));
        startup.dataFile = parser.value(o.exportData);
        if (app::sameUserFile(startup.picture, startup.dataFile))
            return usage(QStringLiteral("--%1 and --export-data name the same file '%2'")
                                 .arg(startup.exporting ? name(o.exportFigure) : name(o.screenshot),
                                      startup.dataFile));
    }
    startup.presentation = parser.isSet(o.presentation);
    return startup;
}

std::variant<app::PresetTab, Failure> applyStartup(const QCommandLineParser &parser,
                                                   const Startup &startup, MainWindow &window)
{
    if (startup.lesson > 0) {
        if (const QString error = window.lessons().open(startup.lesson - 1); !error.isEmpty())
            return Failure {1, error.section(QLatin1Char('\n'), 0, 0)};
    }
    // The preset first, so that options given with it change what it set.
    if (!startup.presetFile.isEmpty()) {
        if (const QString error = window.openPreset(startup.presetFile); !error.isEmpty())
            return Failure {ExitUsage, error.section(QLatin1Char('\n'), 0, 0)};
    }
    const auto options = app::readCurveOptions(parser, window.model().curveSpec(), false);
    if (const QString *error = std::get_if<QString>(&options))
        return Failure {ExitUsage, *error};
    const auto &curveOptions = std::get<app::CurveOptions>(options);
    for (const QString &warning : curveOptions.warnings)
        std::fprintf(stderr, "relulab: warning: %s\n", qPrintable(warning));
    if (const auto error = app::applyCurveOptions(curveOptions, window.model()))
        return Failure {ExitUsage, *error};
    for (core::Activation kind : std::as_const(startup.comparisons))
        window.model().setOverlay(kind, true);

    // Without --tab, a preset or a lesson, the tab restored from the settings stays.
    const bool chosen = startup.tab || !startup.presetFile.isEmpty() || startup.lesson > 0
            || startup.noSettings;
    const app::PresetTab tab = startup.tab ? *startup.tab
            : chosen && startup.presetFile.isEmpty() && startup.lesson == 0
            ? app::PresetTab::Explorer
            : MainWindow::presetTabFor(window.currentTab());
    if (startup.scenario)
        window.race().applyPreset(*startup.scenario);
    if (chosen)
        window.showTab(MainWindow::tabFor(tab));
    if (startup.theme)
        window.presentation().setTheme(*startup.theme);

    if (!startup.plot.isEmpty()) {
        QStringList names;
        for (const QCustomPlot *plot : window.currentPage()->findChildren<QCustomPlot *>())
            names.append(plot->objectName());
        if (!names.contains(startup.plot))
            return Failure {ExitUsage,
                            QStringLiteral("--plot: no plot '%1' on the %2 tab (plots: %3)")
                                    .arg(startup.plot, app::presetTabName(tab),
                                         names.join(QStringLiteral(", ")))};
    }
    return tab;
}

} // namespace relulab::ui
