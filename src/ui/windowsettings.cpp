#include "windowsettings.h"

#include <QDockWidget>
#include <QSplitter>
#include <QTabWidget>

#include "app/preset.h"
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

void saveWindowSettings(MainWindow &window)
{
    // The settings describe the window as it is outside presentation mode.
    window.presentation().setPresenting(false);
    app::StoredSettings stored;
    stored.geometry = window.saveGeometry();
    stored.windowState = window.saveState();
    for (QSplitter *splitter : window.findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            stored.splitters.insert(splitter->objectName(), splitter->saveState());
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

} // namespace relulab::ui
