// relulab: the ReLU Lab desktop application.

#include <QApplication>
#include <QCommandLineParser>
#include <QRegularExpression>

#include <cstdio>
#include <cstring>

#include "app/curveoptions.h"
#include "app/modeloptions.h"
#include "mainwindow.h"
#include "relulab/version.h"
#include "screenshot.h"

namespace {

constexpr int UsageError = 2;

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

int main(int argc, char *argv[])
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
                                        QStringLiteral("Window size for --screenshot (default "
                                                       "1360x820)."),
                                        QStringLiteral("WxH"), QStringLiteral("1360x820"));
    const QCommandLineOption compareOption(
            QStringLiteral("compare"),
            QStringLiteral("Functions to draw faintly for comparison, e.g. relu,gelu."),
            QStringLiteral("LIST"));
    const QCommandLineOption tabOption(QStringLiteral("tab"),
                                       QStringLiteral("The tab to show: explorer or lab."),
                                       QStringLiteral("NAME"), QStringLiteral("explorer"));
    const QCommandLineOption labStepsOption(
            QStringLiteral("lab-steps"),
            QStringLiteral("With --tab lab and --screenshot: train this many steps first."),
            QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption presetOption(
            QStringLiteral("preset"),
            QStringLiteral("Load every parameter from a preset file (as File > Open preset; "
                           "a FILE.json argument does the same). Options given with it win."),
            QStringLiteral("FILE"));
    parser.addPositionalArgument(QStringLiteral("[FILE.json]"), QStringLiteral("A preset to open."));
    parser.addOption(presetOption);
    parser.addOption(screenshotOption);
    parser.addOption(sizeOption);
    parser.addOption(compareOption);
    parser.addOption(tabOption);
    parser.addOption(labStepsOption);
    relulab::app::addCurveOptions(parser);
    if (!parser.parse(QApplication::arguments()))
        return fail(UsageError, parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    QString presetFile = parser.value(presetOption);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (positional.size() == 1 && parser.isSet(presetOption)))
        return fail(
                UsageError,
                QStringLiteral("unexpected argument '%1': one preset at a time").arg(positional.last()));
    if (positional.size() == 1)
        presetFile = positional.first();

    relulab::ui::MainWindow window;
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

    const QString tab = parser.isSet(tabOption) || presetFile.isEmpty()
            ? parser.value(tabOption)
            : (window.currentTab() == relulab::ui::MainWindow::Tab::Lab
                       ? QStringLiteral("lab")
                       : QStringLiteral("explorer"));
    if (tab != QLatin1String("explorer") && tab != QLatin1String("lab"))
        return fail(UsageError, QStringLiteral("--tab: expected explorer or lab, got '%1'").arg(tab));
    bool stepsOk = false;
    const qulonglong labSteps = parser.value(labStepsOption).toULongLong(&stepsOk);
    if (!stepsOk || labSteps > 100'000'000)
        return fail(UsageError,
                    QStringLiteral("--lab-steps: expected a whole number from 0 to "
                                   "100000000, got '%1'")
                            .arg(parser.value(labStepsOption)));
    const bool lab = tab == QLatin1String("lab");
    window.showTab(lab ? relulab::ui::MainWindow::Tab::Lab : relulab::ui::MainWindow::Tab::Explorer);

    if (parser.isSet(screenshotOption)) {
        const QRegularExpression sizePattern(QStringLiteral("^([0-9]{2,5})x([0-9]{2,5})$"));
        const QRegularExpressionMatch match = sizePattern.match(parser.value(sizeOption));
        if (!match.hasMatch())
            return fail(UsageError,
                        QStringLiteral("--size: expected WxH such as 1360x820, got '%1'")
                                .arg(parser.value(sizeOption)));
        const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
        const QString file = parser.value(screenshotOption);
        const QString error = lab ? relulab::ui::saveLabWhenTrained(window, file, size, labSteps)
                                  : relulab::ui::saveWindowWhenDrawn(window, file, size);
        if (!error.isEmpty())
            return fail(1, error);
        return 0;
    }

    window.show();
    return QApplication::exec();
}
