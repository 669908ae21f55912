#pragma once

// relulab's command line, in the three steps main.cpp runs in order: the options are declared
// (declareOptions), every value that needs no window is checked before one is made
// (readStartup), and what needs the window is applied to it once it exists (applyStartup);
// main.cpp then shows the window or takes the picture. Numbers are read by app/optionparsing.h's
// strict parsers, as relulab-cli reads them; the messages are relulab's own.

#include <QCommandLineOption>
#include <QList>
#include <QSize>
#include <QString>

#include <cstdint>
#include <optional>
#include <variant>

#include "app/preset.h"
#include "core/activations.h"
#include "core/race.h"
#include "figureexport.h"
#include "plotappearance.h"

class QCommandLineParser;

namespace relulab::ui {

class MainWindow;

inline constexpr int ExitUsage = 2;

// relulab's own options (the curve options are relulab-cli curve's, app/curveoptions.h).
struct StartupOptions
{
    QCommandLineOption language {QStringLiteral("language")};
    QCommandLineOption noSettings {QStringLiteral("no-settings")};
    QCommandLineOption lesson {QStringLiteral("lesson")};
    QCommandLineOption theme {QStringLiteral("theme")};
    QCommandLineOption presentation {QStringLiteral("presentation")};
    QCommandLineOption exportFigure {QStringLiteral("export-figure")};
    QCommandLineOption plot {QStringLiteral("plot")};
    QCommandLineOption scale {QStringLiteral("scale")};
    QCommandLineOption preset {QStringLiteral("preset")};
    QCommandLineOption screenshot {QStringLiteral("screenshot")};
    QCommandLineOption exportData {QStringLiteral("export-data")};
    QCommandLineOption size {QStringLiteral("size")};
    QCommandLineOption compare {QStringLiteral("compare")};
    QCommandLineOption tab {QStringLiteral("tab")};
    QCommandLineOption labSteps {QStringLiteral("lab-steps")};
    QCommandLineOption raceSteps {QStringLiteral("race-steps")};
    QCommandLineOption scenario {QStringLiteral("scenario")};
    // --scenario's name before relulab-cli race took --scenario too; hidden from --help.
    QCommandLineOption racePreset {QStringLiteral("race-preset")};
};

// Adds --help, --version, the [FILE.json] argument, relulab's options and the curve options to
// `parser`, each with its help text.
StartupOptions declareOptions(QCommandLineParser &parser);

// Why relulab stops before it starts: the exit status (2 bad usage, 1 a failure) and the message.
struct Failure
{
    int status = ExitUsage;
    QString message;
};

// What the command line asks for, every value checked.
struct Startup
{
    QString presetFile; // --preset or the FILE.json argument; empty: none
    int lesson = 0; // 1-based; 0: none
    std::optional<Theme> theme;
    QString language; // the normalised code of --language; empty: not given
    // Neither read nor write the settings: --no-settings, RELULAB_NO_SETTINGS, or a picture.
    bool noSettings = false;
    QSize size;
    // --screenshot or --export-figure FILE; empty: show the window.
    QString picture;
    // --export-data FILE: with a picture, the data it shows as CSV; empty: none.
    QString dataFile;
    bool exporting = false; // --export-figure
    std::optional<FigureFormat> figureFormat;
    double scale = 1.0;
    QString plot;
    QList<core::Activation> comparisons;
    std::optional<app::PresetTab> tab; // --tab, when given
    std::uint64_t labSteps = 0;
    std::uint64_t raceSteps = 0;
    std::optional<core::RacePresetKind> scenario;
    bool presentation = false;
};

// Checks every option that needs no window, in a fixed order; the first mistake is the failure.
std::variant<Startup, Failure> readStartup(const QCommandLineParser &parser,
                                           const StartupOptions &options);

// Applies the command line to the window made for it: the lesson or preset first, so that options
// given with it change what it set, then the curve options, the comparisons, the race scenario,
// the tab and the theme; checks the --plot name against the plots of the tab shown. Prints the
// curve options' warnings. Returns the tab shown, or the failure.
std::variant<app::PresetTab, Failure> applyStartup(const QCommandLineParser &parser,
                                                   const Startup &startup, MainWindow &window);

} // namespace relulab::ui
