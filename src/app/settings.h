#pragma once

// What ReLU Lab keeps between runs (QSettings, organisation "ReLU Lab", application "relulab"):
// the window's geometry and state, the sizes of its splitters, the tab shown, the last parameters
// of the explorer and the lab (a preset document, so that the same validation guards it), the
// theme, the presentation scale and the language. One struct, read and written in one place.

#include <QByteArray>
#include <QMap>
#include <QString>

namespace relulab::app {

inline constexpr double DefaultPresentationScale = 1.5;
inline constexpr double MinPresentationScale = 1.0;
inline constexpr double MaxPresentationScale = 3.0;

struct StoredSettings
{
    QByteArray geometry; // QWidget::saveGeometry()
    QByteArray windowState; // QMainWindow::saveState(): docks and toolbars
    QMap<QString, QByteArray> splitters; // QSplitter::saveState() by object name
    QString tab; // the object name of the page shown
    QByteArray preset; // the explorer's and the lab's parameters as preset JSON (toJson())
    QString theme; // "light" or "dark"; empty: never chosen
    double presentationScale = DefaultPresentationScale;
    QString language; // a locale name such as "zh_CN"; empty: the system's

    friend bool operator==(const StoredSettings &, const StoredSettings &) = default;
};

// Reads what is stored; missing or unreadable values keep their defaults, and a scale outside
// [MinPresentationScale, MaxPresentationScale] or not finite becomes the default.
StoredSettings loadSettings();
void saveSettings(const StoredSettings &stored);
// Removes every stored value.
void clearSettings();

// The language alone (for whoever switches languages at start-up and from the View menu).
QString storedLanguage();
void storeLanguage(const QString &language);

// Points every QSettings of this process at an empty temporary folder, for runs that must not
// depend on or change the user's settings (--no-settings, RELULAB_NO_SETTINGS, --screenshot).
// Call before the first QSettings is made.
void useThrowawaySettings();
bool usingThrowawaySettings();

} // namespace relulab::app
