// Settings round trip: values set in one window, the window destroyed, a new window restores
// them. QStandardPaths' test mode keeps the user's own settings out of it.

#include <QDockWidget>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

#include <memory>

#include "app/labmodel.h"
#include "app/preset.h"
#include "app/settings.h"
#include "ui/borndeadtab.h"
#include "ui/labtab.h"
#include "ui/lessons.h"
#include "ui/mainwindow.h"
#include "ui/presentation.h"
#include "ui/racetab.h"
#include "ui/windowsettings.h"

using relulab::app::ParameterModel;
using relulab::core::Activation;
using relulab::ui::MainWindow;
using relulab::ui::Theme;

class TestWindowSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void settingsAreInTheTestLocation();
    void roundTripRestoresEverything();
    void damagedParametersKeepTheDefaults();
    void resetToDefaultsResetsTheLook();
    void changesAreSavedShortlyWithoutQuitting();
};

void TestWindowSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestWindowSettings::init()
{
    relulab::app::clearSettings();
}

void TestWindowSettings::settingsAreInTheTestLocation()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QVERIFY(folder.contains(QLatin1String(".qttest")));
    QVERIFY2(QSettings().fileName().startsWith(folder), qPrintable(QSettings().fileName()));
}

void TestWindowSettings::roundTripRestoresEverything()
{
    QList<int> splitterSizes;
    QRect geometry;
    relulab::app::Preset expected;
    {
        auto window = std::make_unique<MainWindow>();
        window->resize(1000, 700);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        ParameterModel &model = window->model();
        model.setSelectedActivation(Activation::LeakyRelu);
        model.setValue(ParameterModel::Real::LeakySlope, 0.2);
        model.setValue(ParameterModel::Real::XMin, -5.0);
        model.setOverlay(Activation::Gelu, true);
        window->lab().model().setLearningRate(0.5);
        window->lab().model().setDepth(5);
        // The race's and born-dead's settings are part of the stored preset too.
        window->race().model().setTargetSteps(77);
        window->bornDead().model().setWidths({6});
        window->presentation().setTheme(Theme::Dark);
        window->presentation().setScale(2.25);
        relulab::app::storeLanguage(QStringLiteral("zh_CN"));
        auto *splitter = window->findChild<QSplitter *>(QStringLiteral("plotSplitter"));
        QVERIFY(splitter);
        splitter->setSizes({450, 200});
        QTest::qWait(0);
        splitterSizes = splitter->sizes();
        QVERIFY(splitterSizes.first() > splitterSizes.last());
        window->showTab(MainWindow::Tab::Lab);
        geometry = window->geometry();
        expected = relulab::app::capture(window->presetModels(), relulab::app::PresetTab::Lab);
        // Presentation mode at the end is left before saving: the normal window is stored.
        window->presentation().setPresenting(true);
        relulab::ui::saveWindowSettings(*window);
    }

    auto window = std::make_unique<MainWindow>();
    relulab::ui::restoreWindowSettings(*window);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QCOMPARE(relulab::app::capture(window->presetModels(), relulab::app::PresetTab::Lab), expected);
    QCOMPARE(window->model().value(ParameterModel::Real::LeakySlope), 0.2);
    QCOMPARE(window->lab().model().learningRate(), 0.5);
    QCOMPARE(window->currentTab(), MainWindow::Tab::Lab);
    QCOMPARE(window->presentation().theme(), Theme::Dark);
    QVERIFY(window->presentation().themeAction(Theme::Dark)->isChecked());
    QCOMPARE(window->presentation().scale(), 2.25);
    QVERIFY(!window->presentation().isPresenting());
    QCOMPARE(window->geometry().size(), geometry.size());
    window->showTab(MainWindow::Tab::Explorer);
    auto *splitter = window->findChild<QSplitter *>(QStringLiteral("plotSplitter"));
    QVERIFY(QTest::qWaitFor([&] { return splitter->sizes() == splitterSizes; }, 2000));
    QVERIFY(!window->lessons().dock()->isVisible());
    QCOMPARE(relulab::app::storedLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(relulab::app::loadSettings().language, QStringLiteral("zh_CN"));
}

// Settings used to be written only on a normal quit: a crash or a kill lost the session. Each
// change is saved about a second later, once however many changes come in that second.
void TestWindowSettings::changesAreSavedShortlyWithoutQuitting()
{
    MainWindow window;
    auto *autosave = new relulab::ui::SettingsAutosave(window);
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(!autosave->pending(), 10'000); // showing the window counted as a change
    const int before = autosave->savedCount();

    // A dragged slider: many changes, one save.
    for (int i = 1; i <= 50; ++i)
        window.model().setValue(ParameterModel::Real::XMin, -3.0 - 0.01 * i);
    window.lab().model().setLearningRate(0.25);
    QVERIFY(autosave->pending());
    QTRY_VERIFY_WITH_TIMEOUT(!autosave->pending(), 10'000);
    QCOMPARE(autosave->savedCount(), before + 1);
    const relulab::app::PresetResult saved =
            relulab::app::parsePreset(relulab::app::loadSettings().preset, QStringLiteral("settings"));
    QVERIFY(std::holds_alternative<relulab::app::LoadedPreset>(saved));
    const relulab::app::Preset &preset = std::get<relulab::app::LoadedPreset>(saved).preset;
    QCOMPARE(preset.explorer.xMin, -3.5);
    QCOMPARE(preset.lab.learningRate, 0.25);
    // The file on disk has it, as another process would read it after a kill.
    QFile file(QSettings().fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    QVERIFY2(onDisk.contains("-3.5") && onDisk.contains("0.25"), onDisk.left(400).constData());

    // The tab and the theme too.
    window.showTab(MainWindow::Tab::Race);
    window.presentation().setTheme(Theme::Dark);
    QTRY_VERIFY_WITH_TIMEOUT(!autosave->pending() && autosave->savedCount() == before + 2, 10'000);
    QCOMPARE(relulab::app::loadSettings().theme, QStringLiteral("dark"));
    QCOMPARE(relulab::app::loadSettings().tab, window.race().objectName());

    // Presenting: the stored geometry stays the normal window's.
    const QByteArray normalGeometry = relulab::app::loadSettings().geometry;
    window.presentation().setPresenting(true);
    QTRY_VERIFY_WITH_TIMEOUT(!autosave->pending() && autosave->savedCount() >= before + 3, 10'000);
    QCOMPARE(relulab::app::loadSettings().geometry, normalGeometry);
    window.presentation().setPresenting(false);
}

void TestWindowSettings::damagedParametersKeepTheDefaults()
{
    relulab::app::StoredSettings stored;
    stored.preset =
            QByteArrayLiteral("{\"format\": \"relulab-preset\", \"version\": 1, \"tab\": 3}");
    stored.theme = QStringLiteral("purple");
    stored.presentationScale = 2.0;
    relulab::app::saveSettings(stored);
    QSettings().setValue(QStringLiteral("view/presentationScale"), QStringLiteral("huge"));

    MainWindow window;
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("the saved parameters: tab must be")));
    relulab::ui::restoreWindowSettings(window);
    QCOMPARE(relulab::app::capture(window.presetModels(), relulab::app::PresetTab::Explorer),
             relulab::app::Preset {});
    QCOMPARE(window.presentation().theme(), Theme::Light);
    QCOMPARE(window.presentation().scale(), relulab::app::DefaultPresentationScale);
}

void TestWindowSettings::resetToDefaultsResetsTheLook()
{
    MainWindow window;
    window.presentation().setTheme(Theme::Dark);
    window.presentation().setScale(2.5);
    window.model().setSelectedActivation(Activation::Prelu);
    QAction *reset = window.findChild<QAction *>(QStringLiteral("resetParametersAction"));
    QVERIFY(reset);
    reset->trigger();
    QCOMPARE(window.presentation().theme(), Theme::Light);
    QCOMPARE(window.presentation().scale(), relulab::app::DefaultPresentationScale);
    QCOMPARE(window.model().selectedActivation(), Activation::Relu);
}

QTEST_MAIN(TestWindowSettings)
#include "tst_windowsettings.moc"
