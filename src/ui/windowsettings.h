#pragma once

namespace relulab::ui {

class MainWindow;

// Restores what app::loadSettings() holds into a main window: its geometry and dock state, the
// sizes of its named splitters, the tab shown, the explorer's and the lab's parameters (a preset
// document, validated as a file would be: a damaged value leaves the defaults), the theme and the
// presentation scale. The language is only stored (app::storedLanguage()).
void restoreWindowSettings(MainWindow &window);

// Stores the same from the window, as it is outside presentation mode.
void saveWindowSettings(MainWindow &window);

} // namespace relulab::ui
