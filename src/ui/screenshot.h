#pragma once

#include <QSize>
#include <QString>

namespace relulab::ui {

class MainWindow;

// Shows the window at `size`, waits until it has drawn the curves of the model's current state (at
// most `timeoutMs`), and saves the whole window to `file` as PNG. Returns an empty string on
// success, otherwise a message naming the file.
QString saveWindowWhenDrawn(MainWindow &window, const QString &file, QSize size, int timeoutMs = 20000);

// The same for the dead-neuron lab: trains (animated, as fast as possible) until the tab shows
// at least step `steps`, pauses, and saves the window with the paused frame.
QString saveLabWhenTrained(MainWindow &window, const QString &file, QSize size, quint64 steps,
                           int timeoutMs = 60000);

} // namespace relulab::ui
