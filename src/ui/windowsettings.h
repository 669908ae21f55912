#pragma once

#include <QObject>
#include <QTimer>

namespace relulab::ui {

class MainWindow;

// Restores what app::loadSettings() holds into a main window: its geometry and dock state, the
// sizes of its named splitters, the tab shown, the explorer's and the lab's parameters (a preset
// document, validated as a file would be: a damaged value leaves the defaults), the theme and the
// presentation scale. The language is only stored (app::storedLanguage()).
void restoreWindowSettings(MainWindow &window);

// Stores the same from the window, as it is outside presentation mode: at quit, presentation mode
// is left first; while the window runs (`leavePresentation` false) a presenting window keeps the
// stored geometry, dock state and splitters and stores the rest.
void saveWindowSettings(MainWindow &window, bool leavePresentation = true);

// Saves the settings shortly after each change (DelayMs after the last one: a dragged slider is
// saved once), so that a crash or a kill loses at most that moment, not the whole session.
// QSettings writes its file atomically. Changes: any parameter of the explorer, the lab, the race
// or born-dead, the tab, the theme, presentation mode, a splitter, the window's size or place.
class SettingsAutosave : public QObject
{
    Q_OBJECT

public:
    static constexpr int DelayMs = 1000;

    explicit SettingsAutosave(MainWindow &window);
    // A change waits to be saved.
    bool pending() const { return m_timer.isActive(); }
    int savedCount() const noexcept { return m_saved; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void schedule();
    void save();

    MainWindow &m_window;
    QTimer m_timer;
    int m_saved = 0;
};

} // namespace relulab::ui
