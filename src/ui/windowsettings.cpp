#include "windowsettings.h"

#include <QDockWidget>
#include <QEvent>
#include <QSplitter>
#include <QTabWidget>

#include "app/borndeadmodel.h"
#include "app/labmodel.h"
#include "app/parametermodel.h"
#include "app/preset.h"
#include "app/racemodel.h"
#include "app/settings.h"
#include "labtab.h"
#include "lessons.h"
#include "mainwindow.h"
#include "presentation.h"

namespace relulab::ui {

namespace {

QTabWidget *tabsOf(MainWindow &window)
{
    return window.findChild<QTabWidget *>(QStringLiteral("tabs"));
}

} // namespace

void restoreWindowSettings(MainWindow &window)
{
    const app::StoredSettings stored = app::loadSettings();
    if (!stored.geometry.isEmpty())
        window.restoreGeometry(stored.geometry);
    if (!stored.windowState.isEmpty())
        window.restoreState(stored.windowState);
    // The lesson panel has nothing to show before a lesson is chosen.
    window.lessons().dock()->hide();
    // Splitter sizes are pixels of the window as it was: they are restored once the window has
    // its size again, after it is shown (the next event-loop turn).
    for (QSplitter *splitter : window.findChildren<QSplitter *>()) {
        const auto found = stored.splitters.constFind(splitter->objectName());
        if (!splitter->objectName().isEmpty() && found != stored.splitters.constEnd())
            QMetaObject::invokeMethod(
                    splitter, [splitter, state = *found] { splitter->restoreState(state); },
                    Qt::QueuedConnection);
    }
    if (!stored.preset.isEmpty()) {
        const app::PresetResult result =
                app::parsePreset(stored.preset, QStringLiteral("the saved parameters"));
        if (const auto *loaded = std::get_if<app::LoadedPreset>(&result))
            app::apply(loaded->preset, window.presetModels());
        else
            qWarning("relulab: %s", qPrintable(std::get<app::PresetError>(result).message));
    }
    if (QTabWidget *tabs = tabsOf(window); tabs && !stored.tab.isEmpty()) {
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->widget(i)->objectName() == stored.tab)
                tabs->setCurrentIndex(i);
        }
    }
    if (const auto theme = themeFromName(stored.theme))
        window.presentation().setTheme(*theme);
    window.presentation().setScale(stored.presentationScale);
}

void saveWindowSettings(MainWindow &window, bool leavePresentation)
{
    // The settings describe the window as it is outside presentation mode.
    if (leavePresentation)
        window.presentation().setPresenting(false);
    app::StoredSettings stored;
    if (window.presentation().isPresenting()) {
        // Full screen and scaled: not the layout to come back to.
        const app::StoredSettings before = app::loadSettings();
        stored.geometry = before.geometry;
        stored.windowState = before.windowState;
        stored.splitters = before.splitters;
    } else {
        stored.geometry = window.saveGeometry();
        stored.windowState = window.saveState();
        for (QSplitter *splitter : window.findChildren<QSplitter *>()) {
            if (!splitter->objectName().isEmpty())
                stored.splitters.insert(splitter->objectName(), splitter->saveState());
        }
    }
    if (QTabWidget *tabs = tabsOf(window); tabs && tabs->currentWidget())
        stored.tab = tabs->currentWidget()->objectName();
    const app::Preset preset =
            app::capture(window.presetModels(), MainWindow::presetTabFor(window.currentTab()));
    stored.preset = app::toJson(preset);
    stored.theme = themeName(window.presentation().theme());
    stored.presentationScale = window.presentation().scale();
    stored.language = app::storedLanguage();
    app::saveSettings(stored);
}

SettingsAutosave::SettingsAutosave(MainWindow &window)
    : QObject(&window)
    , m_window(window)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DelayMs);
    connect(&m_timer, &QTimer::timeout, this, &SettingsAutosave::save);
    const app::PresetModels models = window.presetModels();
    connect(&models.parameters, &app::ParameterModel::changed, this, &SettingsAutosave::schedule);
    connect(&models.lab, &app::LabModel::changed, this, &SettingsAutosave::schedule);
    connect(&models.race, &app::RaceModel::changed, this, &SettingsAutosave::schedule);
    connect(&models.bornDead, &app::BornDeadModel::changed, this, &SettingsAutosave::schedule);
    if (QTabWidget *tabs = tabsOf(window))
        connect(tabs, &QTabWidget::currentChanged, this, &SettingsAutosave::schedule);
    connect(&window.presentation(), &Presentation::themeChanged, this, &SettingsAutosave::schedule);
    connect(&window.presentation(), &Presentation::presentingChanged, this, &SettingsAutosave::schedule);
    for (QSplitter *splitter : window.findChildren<QSplitter *>())
        connect(splitter, &QSplitter::splitterMoved, this, &SettingsAutosave::schedule);
    window.installEventFilter(this);
}

bool SettingsAutosave::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && (event->type() == QEvent::Resize || event->type() == QEvent::Move))
        schedule();
    return QObject::eventFilter(watched, event);
}

void SettingsAutosave::schedule()
{
    m_timer.start();
}

void SettingsAutosave::save()
{
    saveWindowSettings(m_window, false);
    ++m_saved;
}

} // namespace relulab::ui
