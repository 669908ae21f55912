#pragma once

#include <QSize>
#include <QString>

namespace relulab::ui {

class MainWindow;

// Shows the window at `size`, waits until it has drawn the curves of the model's current state (at
// most `timeoutMs`), and saves the whole window to `file` as PNG. Returns an empty string on
// success, otherwise a message naming the file.
QString saveWindowWhenDrawn(MainWindow &window, const QString &file, QSize size, int timeoutMs = 20000);

} // namespace relulab::ui
