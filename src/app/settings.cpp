#include "settings.h"

#include <QSettings>
#include <QTemporaryDir>

#include <cmath>
#include <memory>

namespace relulab::app {

namespace {

// The keys, grouped as the settings file shows them.
const QString GeometryKey = QStringLiteral("window/geometry");
const QString WindowStateKey = QStringLiteral("window/state");
const QString SplittersGroup = QStringLiteral("window/splitters");
const QString TabKey = QStringLiteral("window/tab");
const QString PresetKey = QStringLiteral("parameters/preset");
const QString ThemeKey = QStringLiteral("view/theme");
const QString ScaleKey = QStringLiteral("view/presentationScale");
const QString LanguageKey = QStringLiteral("view/language");

std::unique_ptr<QTemporaryDir> &throwawayFolder()
{
    static std::unique_ptr<QTemporaryDir> folder;
    return folder;
}

} // namespace

StoredSettings loadSettings()
{
    QSettings settings;
    StoredSettings stored;
    stored.geometry = settings.value(GeometryKey).toByteArray();
    stored.windowState = settings.value(WindowStateKey).toByteArray();
    settings.beginGroup(SplittersGroup);
    for (const QString &name : settings.childKeys())
        stored.splitters.insert(name, settings.value(name).toByteArray());
    settings.endGroup();
    stored.tab = settings.value(TabKey).toString();
    stored.preset = settings.value(PresetKey).toByteArray();
    stored.theme = settings.value(ThemeKey).toString();
    bool ok = false;
    const double scale = settings.value(ScaleKey).toDouble(&ok);
    if (ok && std::isfinite(scale) && scale >= MinPresentationScale && scale <= MaxPresentationScale)
        stored.presentationScale = scale;
    stored.language = settings.value(LanguageKey).toString();
    return stored;
}

void saveSettings(const StoredSettings &stored)
{
    QSettings settings;
    settings.setValue(GeometryKey, stored.geometry);
    settings.setValue(WindowStateKey, stored.windowState);
    settings.remove(SplittersGroup);
    settings.beginGroup(SplittersGroup);
    for (auto it = stored.splitters.cbegin(); it != stored.splitters.cend(); ++it)
        settings.setValue(it.key(), it.value());
    settings.endGroup();
    settings.setValue(TabKey, stored.tab);
    settings.setValue(PresetKey, stored.preset);
    settings.setValue(ThemeKey, stored.theme);
    settings.setValue(ScaleKey, stored.presentationScale);
    settings.setValue(LanguageKey, stored.language);
}

void clearSettings()
{
    QSettings().clear();
}

QString storedLanguage()
{
    return QSettings().value(LanguageKey).toString();
}

void storeLanguage(const QString &language)
{
    QSettings().setValue(LanguageKey, language);
}

void useThrowawaySettings()
{
    auto &folder = throwawayFolder();
    if (folder)
        return;
    folder = std::make_unique<QTemporaryDir>();
    for (QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat}) {
        for (QSettings::Scope scope : {QSettings::UserScope, QSettings::SystemScope})
            QSettings::setPath(format, scope, folder->path());
    }
}

bool usingThrowawaySettings()
{
    return throwawayFolder() != nullptr;
}

} // namespace relulab::app
