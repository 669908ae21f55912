#pragma once

#include <QSize>
#include <QString>

#include <functional>

namespace relulab::ui {

class MainWindow;

// Writes the drawn window (or a part of it) to `file`: an empty string, or a message naming the
// file. The default writes the whole window as PNG.
using WindowWriter = std::function<QString(MainWindow &window, const QString &file)>;

// Shows the window at `size`, waits until it has drawn the curves of the model's current state (at
// most `timeoutMs`), and saves the whole window to `file` as PNG (or as `writer` writes it).
// Returns an empty string on success, otherwise a message naming the file.
QString saveWindowWhenDrawn(MainWindow &window, const QString &file, QSize size,
                            int timeoutMs = 20000, const WindowWriter &writer = {});

// The same for the dead-neuron lab: trains (animated, as fast as possible) to exactly step
// `steps` (TrainingController::runTo), and saves the window with that paused frame.
// The same for the gradient flow, which shows the lab's run: the picture waits until the tab has
// drawn the paused run at `steps` with its layer statistics (and its comparison network).
QString saveGradientFlowWhenTrained(MainWindow &window, const QString &file, QSize size,
                                    quint64 steps, int timeoutMs, const WindowWriter &writer);
QString saveLabWhenTrained(MainWindow &window, const QString &file, QSize size, quint64 steps,
                           int timeoutMs = 60000, const WindowWriter &writer = {});

// The same for the born-dead Monte Carlo: runs the tab's grid as its inputs stand (the issue's
// 5 x 5 table by default) and saves the window once every cell is in the plot and the table.
QString saveBornDeadWhenFinished(MainWindow &window, const QString &file, QSize size,
                                 int timeoutMs = 120000, const WindowWriter &writer = {});

// The same for the activation race: runs it to `steps` (0: the tab's own number of steps) and saves
// the window once the finished race is drawn.
QString saveRaceWhenFinished(MainWindow &window, const QString &file, QSize size, quint64 steps,
                             int timeoutMs = 120000, const WindowWriter &writer = {});

// Writes what the tab shown shows as data (MainWindow::exportData: the lab's history, the
// explorer's curves) to `file` and waits until it is written (at most `timeoutMs`): an empty
// string, or a message naming the file.
QString exportDataWhenWritten(MainWindow &window, const QString &file, int timeoutMs = 60000);

} // namespace relulab::ui
