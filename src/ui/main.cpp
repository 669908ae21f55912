// relulab: the ReLU Lab desktop application.

#include <QApplication>
#include <QCommandLineParser>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <exception>
#include <utility>

#include <qcustomplot.h>

#include "app/curveoptions.h"
#include "app/modeloptions.h"
#include "figureexport.h"
#include "language.h"
#include "lessons.h"
#include "plotappearance.h"
#include "presentation.h"
#include "windowsettings.h"
#include "app/settings.h"
#include "mainwindow.h"
#include "racetab.h"
#include "relulab/version.h"
#include "screenshot.h"

namespace {

constexpr int UsageError = 2;
// The largest --size side: 8192x8192 renders in a few seconds and about 1.5 GB.
constexpr int MaxPictureSide = 8192;

// Whether the command line asks for something that needs no display: a screenshot, help or the
// version. Qt's platform is chosen when the application object is made, before the parser runs.
bool needsNoDisplay(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"--help", "-h", "--help-all", "--version", "-v"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
        if (std::strcmp(argv[i], "--screenshot") == 0 || std::strncmp(argv[i], "--screenshot=", 13) == 0)
            return true;
        if (std::strcmp(argv[i], "--export-figure") == 0
            || std::strncmp(argv[i], "--export-figure=", 16) == 0)
            return true;
    }
    return false;
}

// Qt's offscreen platform warns about every window it cannot resize as asked; for a screenshot that
// is noise which reads like an error. Every other message goes to the default handler.
QtMessageHandler defaultMessageHandler = nullptr;

void screenshotMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("does not support propagateSizeHints")))
        return;
    defaultMessageHandler(type, context, message);
}

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "relulab: %s\n", qPrintable(message));
    return code;
}

} // namespace

namespace {

int runApplication(int argc, char *argv[])
{
    // A screenshot needs no display: render offscreen unless the caller chose a platform.
    if (needsNoDisplay(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        defaultMessageHandler = qInstallMessageHandler(screenshotMessageHandler);
    }

    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("relulab"));
    QApplication::setApplicationDisplayName(QStringLiteral("ReLU Lab"));
    QApplication::setApplicationVersion(QString::fromLatin1(relulab::ProjectVersion));
    QApplication::setOrganizationName(QStringLiteral("ReLU Lab"));
    // Lets Wayland desktops match the window with its desktop entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.relulab.ReLULab"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("ReLU Lab: an interactive lab for ReLU, Leaky ReLU, PReLU and RReLU."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(
            QStringLiteral("screenshot"),
            QStringLiteral("Render the main window offscreen to FILE (PNG) and exit."),
            QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Window size for --screenshot and "
                                                       "--export-figure (default 1360x820)."),
                                        QStringLiteral("WxH"), QStringLiteral("1360x820"));
    const QCommandLineOption compareOption(
            QStringLiteral("compare"),
            QStringLiteral("Functions to draw faintly for comparison, e.g. relu,gelu."),
            QStringLiteral("LIST"));
    const QCommandLineOption tabOption(QStringLiteral("tab"),
                                       QStringLiteral("The tab to show: explorer, lab, race or "
                                                      "born-dead (with --screenshot: its grid "
                                                      "run to the end)."),
                                       QStringLiteral("NAME"), QStringLiteral("explorer"));
    const QCommandLineOption labStepsOption(
            QStringLiteral("lab-steps"),
            QStringLiteral("With --tab lab and --screenshot or --export-figure: train this "
                           "many steps first."),
            QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption raceStepsOption(
            QStringLiteral("race-steps"),
            QStringLiteral("With --tab race and --screenshot or --export-figure: run the race to "
                           "this step first (0: its own number of steps)."),
            QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption racePresetOption(
            QStringLiteral("race-preset"),
            QStringLiteral("The race's starting point: high-lr, deep-narrow or bad-bias."),
            QStringLiteral("NAME"));
    const QCommandLineOption presetOption(
            QStringLiteral("preset"),
            QStringLiteral("Load every parameter from a preset file (as File > Open preset; "
                           "a FILE.json argument does the same). Options given with it win."),
            QStringLiteral("FILE"));
    const QCommandLineOption exportFigureOption(
            QStringLiteral("export-figure"),
            QStringLiteral("Render offscreen, without showing a window, write a figure to FILE and "
                           "exit: PNG, PDF or SVG by the extension (.png, .pdf, .svg); the whole "
                           "window at --size, or the plot named by --plot."),
            QStringLiteral("FILE"));
    const QCommandLineOption plotOption(
            QStringLiteral("plot"),
            QStringLiteral("With --export-figure: only this plot of the tab shown, at its size in "
                           "the window, e.g. activationPlot, derivativePlot (explorer), deadPlot, "
                           "lossPlot, decisionPlot (lab)."),
            QStringLiteral("NAME"));
    const QCommandLineOption scaleOption(
            QStringLiteral("scale"),
            QStringLiteral("With --export-figure to a PNG: pixels per window pixel, 0.25 to 8 "
                           "(default 1)."),
            QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption noSettingsOption(
            QStringLiteral("no-settings"),
            QStringLiteral("Neither read nor write the saved settings (window layout, last "
                           "parameters, theme, recent files). Implied by --screenshot and "
                           "--export-figure; the environment variable RELULAB_NO_SETTINGS=1 does "
                           "the same."));
    const QCommandLineOption lessonOption(
            QStringLiteral("lesson"),
            QStringLiteral("Open built-in lesson N (1 to 6), as Help > Lessons does."),
            QStringLiteral("N"));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
                                         QStringLiteral("The theme: light or dark."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption presentationOption(
            QStringLiteral("presentation"),
            QStringLiteral("Start in presentation mode (with --screenshot: scaled and high "
                           "contrast at --size, not full screen)."));
    const QCommandLineOption languageOption(
            QStringLiteral("language"),
            QStringLiteral("The language of the interface: en or zh_CN (as View > Language, for "
                           "this run only). Default: the one chosen last, else the system's; "
                           "English for --screenshot and --export-figure."),
            QStringLiteral("CODE"));
    parser.addPositionalArgument(QStringLiteral("[FILE.json]"), QStringLiteral("A preset to open."));
    parser.addOption(languageOption);
    parser.addOption(noSettingsOption);
    parser.addOption(lessonOption);
    parser.addOption(themeOption);
    parser.addOption(presentationOption);
    parser.addOption(exportFigureOption);
    parser.addOption(plotOption);
    parser.addOption(scaleOption);
    parser.addOption(presetOption);
    parser.addOption(screenshotOption);
    parser.addOption(sizeOption);
    parser.addOption(compareOption);
    parser.addOption(tabOption);
    parser.addOption(labStepsOption);
    parser.addOption(raceStepsOption);
    parser.addOption(racePresetOption);
    relulab::app::addCurveOptions(parser);
    if (!parser.parse(QApplication::arguments()))
        return fail(UsageError, parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    // An empty value is a mistake, never "none" (as in relulab-cli): `--preset=` must not quietly
    // open nothing, nor `--plot=` quietly export the whole window.
    for (const auto &[option, what] :
         {std::pair {&screenshotOption, "file name"}, std::pair {&exportFigureOption, "file name"},
          std::pair {&presetOption, "file name"}, std::pair {&plotOption, "plot name"}}) {
        if (parser.isSet(*option) && parser.value(*option).isEmpty())
            return fail(UsageError,
                        QStringLiteral("--%1: the %2 is empty")
                                .arg(option->names().constFirst(), QLatin1String(what)));
    }
    // QString's number parsing skips spaces that relulab-cli's strict parsers refuse; the same
    // text must mean the same in both.
    for (const QCommandLineOption *option :
         {&lessonOption, &labStepsOption, &raceStepsOption, &scaleOption}) {
        const QString value = parser.value(*option);
        if (parser.isSet(*option) && value != value.trimmed())
            return fail(UsageError,
                        QStringLiteral("--%1: '%2' is not a number (spaces around it)")
                                .arg(option->names().constFirst(), value));
    }
    // Checked whenever given, not only with a picture to take, so a mistake is never ignored.
    // The picture is held in memory whole: 16384x16384 already takes 6 GB, and 99999x99999 hung
    // the process, so each side is capped.
    const QRegularExpression sizePattern(QStringLiteral("^([0-9]{2,5})x([0-9]{2,5})$"));
    const QRegularExpressionMatch sizeMatch = sizePattern.match(parser.value(sizeOption));
    const QSize size = sizeMatch.hasMatch()
            ? QSize(sizeMatch.captured(1).toInt(), sizeMatch.captured(2).toInt())
            : QSize();
    if (!sizeMatch.hasMatch() || size.width() > MaxPictureSide || size.height() > MaxPictureSide)
        return fail(UsageError,
                    QStringLiteral("--size: expected WxH such as 1360x820, each side from 10 to "
                                   "%1, got '%2'")
                            .arg(MaxPictureSide)
                            .arg(parser.value(sizeOption)));
    QString presetFile = parser.value(presetOption);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet(presetOption)))
        return fail(
                UsageError,
                QStringLiteral("unexpected argument '%1': one preset at a time").arg(positional.last()));
    if (positional.size() == 1)
        presetFile = positional.first();
    // A picture must depend on the command line alone, and a test run must not touch the user's
    // settings.
    const bool noSettings = parser.isSet(noSettingsOption) || parser.isSet(screenshotOption)
            || parser.isSet(exportFigureOption) || !qEnvironmentVariableIsEmpty("RELULAB_NO_SETTINGS");
    if (noSettings)
        relulab::app::useThrowawaySettings();
    int lesson = 0;
    if (parser.isSet(lessonOption)) {
        // Digits only: toInt() would also take " 1" or "+1".
        const QString value = parser.value(lessonOption);
        const bool digits = !value.isEmpty()
                && std::all_of(value.cbegin(), value.cend(), [](QChar c) { return c.isDigit(); });
        bool lessonOk = false;
        lesson = digits ? value.toInt(&lessonOk) : 0;
        if (!lessonOk || lesson < 1 || lesson > relulab::ui::Lessons::count())
            return fail(UsageError,
                        QStringLiteral("--lesson: expected a number from 1 to %1, got '%2'")
                                .arg(relulab::ui::Lessons::count())
                                .arg(parser.value(lessonOption)));
        if (!presetFile.isEmpty())
            return fail(UsageError, QStringLiteral("--lesson and a preset: one at a time"));
    }
    std::optional<relulab::ui::Theme> theme;
    if (parser.isSet(themeOption)) {
        theme = relulab::ui::themeFromName(parser.value(themeOption));
        if (!theme)
            return fail(UsageError,
                        QStringLiteral("--theme: expected light or dark, got '%1'")
                                .arg(parser.value(themeOption)));
    }

    // Before the window is made, so that it is built in its language.
    relulab::ui::Language &language = relulab::ui::Language::instance();
    if (parser.isSet(languageOption)) {
        const QString code = relulab::ui::Language::normalised(parser.value(languageOption));
        if (code.isEmpty())
            return fail(
                    UsageError,
                    QStringLiteral("--language: expected %1, got '%2'")
                            .arg(relulab::ui::Language::available().join(QStringLiteral(" or ")),
                                 parser.value(languageOption)));
        if (!language.setLanguage(code))
            return fail(1,
                        QStringLiteral("--language: the %1 translation is missing from this "
                                       "build")
                                .arg(code));
    } else if (!parser.isSet(screenshotOption) && !parser.isSet(exportFigureOption)) {
        language.applyStartupLanguage();
    }

    relulab::ui::MainWindow window;
    if (!noSettings)
        relulab::ui::restoreWindowSettings(window);
    if (lesson > 0) {
        if (const QString error = window.lessons().open(lesson - 1); !error.isEmpty())
            return fail(1, error.section(QLatin1Char('\n'), 0, 0));
    }
    // The preset first, so that options given with it change what it set.
    if (!presetFile.isEmpty()) {
        if (const QString error = window.openPreset(presetFile); !error.isEmpty())
            return fail(UsageError, error.section(QLatin1Char('\n'), 0, 0));
    }
    const auto options = relulab::app::readCurveOptions(parser, window.model().curveSpec(), false);
    if (const QString *error = std::get_if<QString>(&options))
        return fail(UsageError, *error);
    const auto &curveOptions = std::get<relulab::app::CurveOptions>(options);
    for (const QString &warning : curveOptions.warnings)
        std::fprintf(stderr, "relulab: warning: %s\n", qPrintable(warning));
    QList<relulab::core::Activation> comparisons;
    if (parser.isSet(compareOption)) {
        for (const QString &name : parser.value(compareOption).split(QLatin1Char(','))) {
            const auto kind = relulab::core::activationFromCliName(name.trimmed().toStdString());
            if (!kind)
                return fail(UsageError,
                            QStringLiteral("--compare: unknown activation '%1' (one of: %2)")
                                    .arg(name,
                                         QLatin1String(relulab::core::activationCliNames().data())));
            comparisons.append(*kind);
        }
    }
    if (const auto error = relulab::app::applyCurveOptions(curveOptions, window.model()))
        return fail(UsageError, *error);
    for (relulab::core::Activation kind : std::as_const(comparisons))
        window.model().setOverlay(kind, true);

    const QString tab = parser.isSet(tabOption) || (presetFile.isEmpty() && lesson == 0 && noSettings)
            ? parser.value(tabOption)
            : relulab::app::presetTabName(relulab::ui::MainWindow::presetTabFor(window.currentTab()));
    const auto presetTab = relulab::app::presetTabFromName(tab);
    if (!presetTab)
        return fail(UsageError,
                    QStringLiteral("--tab: expected explorer, lab, race or born-dead, got '%1'").arg(tab));
    bool stepsOk = false;
    const qulonglong labSteps = parser.value(labStepsOption).toULongLong(&stepsOk);
    if (!stepsOk || labSteps > 100'000'000)
        return fail(UsageError,
                    QStringLiteral("--lab-steps: expected a whole number from 0 to "
                                   "100000000, got '%1'")
                            .arg(parser.value(labStepsOption)));
    const bool lab = tab == QLatin1String("lab");
    const qulonglong raceSteps = parser.value(raceStepsOption).toULongLong(&stepsOk);
    if (!stepsOk || raceSteps > 1'000'000)
        return fail(
                UsageError,
                QStringLiteral("--race-steps: expected a whole number from 0 to 1000000, got '%1'")
                        .arg(parser.value(raceStepsOption)));
    if (parser.isSet(racePresetOption)) {
        const auto kind =
                relulab::core::racePresetFromCliName(parser.value(racePresetOption).toStdString());
        if (!kind)
            return fail(UsageError,
                        QStringLiteral("--race-preset: expected one of %1, got '%2'")
                                .arg(QLatin1String(relulab::core::racePresetCliNames().data()),
                                     parser.value(racePresetOption)));
        window.race().applyPreset(*kind);
    }
    // Without --tab, a preset or a lesson, the tab restored from the settings stays.
    if (parser.isSet(tabOption) || !presetFile.isEmpty() || lesson > 0 || noSettings)
        window.showTab(relulab::ui::MainWindow::tabFor(*presetTab));
    if (theme)
        window.presentation().setTheme(*theme);

    const bool exporting = parser.isSet(exportFigureOption);
    if (exporting && parser.isSet(screenshotOption))
        return fail(UsageError, QStringLiteral("--export-figure and --screenshot: one at a time"));
    if (!exporting && (parser.isSet(plotOption) || parser.isSet(scaleOption)))
        return fail(UsageError,
                    QStringLiteral("--%1: only with --export-figure")
                            .arg(parser.isSet(plotOption) ? QStringLiteral("plot")
                                                          : QStringLiteral("scale")));
    relulab::ui::WindowWriter figureWriter;
    if (exporting) {
        const QString file = parser.value(exportFigureOption);
        const auto format = relulab::ui::figureFormatForFile(file);
        if (!format)
            return fail(UsageError,
                        QStringLiteral("--export-figure: '%1' must end in .png, .pdf or .svg").arg(file));
        bool scaleOk = false;
        const double scale = parser.value(scaleOption).toDouble(&scaleOk);
        if (!scaleOk || !(scale >= relulab::ui::MinFigureScale && scale <= relulab::ui::MaxFigureScale))
            return fail(UsageError,
                        QStringLiteral("--scale: expected a number from 0.25 to 8, got '%1'")
                                .arg(parser.value(scaleOption)));
        const QString plotName = parser.value(plotOption);
        if (!plotName.isEmpty()) {
            QStringList names;
            for (const QCustomPlot *plot : window.currentPage()->findChildren<QCustomPlot *>())
                names.append(plot->objectName());
            if (!names.contains(plotName))
                return fail(UsageError,
                            QStringLiteral("--plot: no plot '%1' on the %2 tab (plots: %3)")
                                    .arg(plotName, tab, names.join(QStringLiteral(", "))));
        }
        figureWriter = [format = *format, scale, plotName](relulab::ui::MainWindow &shown,
                                                           const QString &path) -> QString {
            QWidget *source = &shown;
            if (!plotName.isEmpty())
                source = shown.currentPage()->findChild<QCustomPlot *>(plotName);
            relulab::ui::FigureOptions figure;
            figure.format = format;
            figure.scale = scale;
            return relulab::ui::exportFigure(source, path, figure);
        };
    }

    if (parser.isSet(presentationOption)) {
        window.presentation().setPresenting(true);
        // A picture is taken at --size: scaled and high contrast, but not full screen.
        if (parser.isSet(screenshotOption) || exporting)
            window.setWindowState(window.windowState() & ~Qt::WindowFullScreen);
    }

    if (parser.isSet(screenshotOption) || exporting) {
        const QString file = parser.value(exporting ? exportFigureOption : screenshotOption);
        const QString error = lab
                ? relulab::ui::saveLabWhenTrained(window, file, size, labSteps, 60000, figureWriter)
                : *presetTab == relulab::app::PresetTab::Race
                ? relulab::ui::saveRaceWhenFinished(window, file, size, raceSteps, 120000, figureWriter)
                : *presetTab == relulab::app::PresetTab::BornDead
                ? relulab::ui::saveBornDeadWhenFinished(window, file, size, 120000, figureWriter)
                : relulab::ui::saveWindowWhenDrawn(window, file, size, 20000, figureWriter);
        if (!error.isEmpty())
            return fail(1, error);
        return 0;
    }

    window.show();
    const int status = QApplication::exec();
    if (!noSettings)
        relulab::ui::saveWindowSettings(window);
    return status;
}

} // namespace

int main(int argc, char *argv[])
{
    // Errors the options and files can cause are reported where they happen; anything else (out
    // of memory for a huge picture, say) ends with a message and status 1, not with an abort.
    try {
        return runApplication(argc, argv);
    } catch (const std::exception &error) {
        std::fprintf(stderr, "relulab: %s\n", error.what());
    } catch (...) {
        std::fprintf(stderr, "relulab: unexpected error\n");
    }
    return 1;
}
