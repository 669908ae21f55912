// relulab: the ReLU Lab desktop application. The command line is declared, checked and applied
// in commandline.cpp; this file sets up the application and shows the window or takes the picture.

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <variant>

#include <qcustomplot.h>

#include "app/settings.h"
#include "commandline.h"
#include "figureexport.h"
#include "language.h"
#include "mainwindow.h"
#include "presentation.h"
#include "relulab/version.h"
#include "screenshot.h"
#include "windowsettings.h"

namespace {

using namespace relulab::ui;

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

int fail(const Failure &failure)
{
    return fail(failure.status, failure.message);
}

// Before the window is made, so that it is built in its language.
std::optional<Failure> chooseLanguage(const Startup &startup)
{
    Language &language = Language::instance();
    if (!startup.language.isEmpty()) {
        if (!language.setLanguage(startup.language))
            return Failure {1,
                            QStringLiteral("--language: the %1 translation is missing from this "
                                           "build")
                                    .arg(startup.language)};
    } else if (startup.picture.isEmpty()) {
        language.applyStartupLanguage();
    }
    return std::nullopt;
}

// Writes the figure --export-figure asks for: the whole window or the --plot.
WindowWriter figureWriter(const Startup &startup)
{
    return [format = *startup.figureFormat, scale = startup.scale,
            plotName = startup.plot](MainWindow &shown, const QString &path) -> QString {
        QWidget *source = &shown;
        if (!plotName.isEmpty())
            source = shown.currentPage()->findChild<QCustomPlot *>(plotName);
        FigureOptions figure;
        figure.format = format;
        figure.scale = scale;
        return exportFigure(source, path, figure);
    };
}

// Takes the picture, once the tab shown has finished what it runs; the exit status.
int savePicture(MainWindow &window, const Startup &startup, relulab::app::PresetTab tab)
{
    using relulab::app::PresetTab;
    const WindowWriter writer = startup.exporting ? figureWriter(startup) : WindowWriter {};
    const QString &file = startup.picture;
    if (!startup.dataFile.isEmpty() && !window.hasDataToExport())
        return fail(ExitUsage, QStringLiteral("--export-data: the %1 tab has no data to export "
                                              "(the explorer and the lab have)")
                                       .arg(relulab::app::presetTabName(tab)));
    const QString error = tab == PresetTab::Lab
            ? saveLabWhenTrained(window, file, startup.size, startup.labSteps, 60000, writer)
            : tab == PresetTab::GradientFlow
            ? saveGradientFlowWhenTrained(window, file, startup.size, startup.labSteps, 60000, writer)
            : tab == PresetTab::Race
            ? saveRaceWhenFinished(window, file, startup.size, startup.raceSteps, 120000, writer)
            : tab == PresetTab::BornDead
            ? saveBornDeadWhenFinished(window, file, startup.size, 120000, writer)
            : saveWindowWhenDrawn(window, file, startup.size, 20000, writer);
    if (!error.isEmpty())
        return fail(1, error);
    if (!startup.dataFile.isEmpty()) {
        if (const QString failed = exportDataWhenWritten(window, startup.dataFile); !failed.isEmpty())
            return fail(1, failed);
    }
    return 0;
}

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
    QApplication::setApplicationDisplayName(QString::fromLatin1(relulab::ProjectName));
    QApplication::setApplicationVersion(QString::fromLatin1(relulab::ProjectVersion));
    QApplication::setOrganizationName(QStringLiteral("ReLU Lab")); // names the settings folder
    // Lets Wayland desktops match the window with its desktop entry and icon.
    QGuiApplication::setDesktopFileName(QString::fromLatin1(relulab::AppId));

    QCommandLineParser parser;
    const StartupOptions options = declareOptions(parser);
    if (!parser.parse(QApplication::arguments()))
        return fail(ExitUsage, parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    const std::variant<Startup, Failure> read = readStartup(parser, options);
    if (const auto *failure = std::get_if<Failure>(&read))
        return fail(*failure);
    const Startup &startup = std::get<Startup>(read);
    if (startup.noSettings)
        relulab::app::useThrowawaySettings();
    if (const auto failure = chooseLanguage(startup))
        return fail(*failure);

    MainWindow window;
    if (!startup.noSettings)
        restoreWindowSettings(window);
    const auto applied = applyStartup(parser, startup, window);
    if (const auto *failure = std::get_if<Failure>(&applied))
        return fail(*failure);

    if (startup.presentation) {
        window.presentation().setPresenting(true);
        // A picture is taken at --size: scaled and high contrast, but not full screen.
        if (!startup.picture.isEmpty())
            window.setWindowState(window.windowState() & ~Qt::WindowFullScreen);
    }
    if (!startup.picture.isEmpty())
        return savePicture(window, startup, std::get<relulab::app::PresetTab>(applied));

    // Saved shortly after each change from now on (the window owns it), not only at quit.
    if (!startup.noSettings)
        new SettingsAutosave(window);
    window.show();
    const int status = QApplication::exec();
    if (!startup.noSettings)
        saveWindowSettings(window);
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
