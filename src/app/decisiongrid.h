#pragma once

// What the training workers (TrainingController's, RaceController's) share: how a worker thread
// makes room for the GUI, and the grid of points on which the decision boundaries are drawn.

#include <vector>

#include "core/datasets.h"

namespace relulab::app {

// For a worker thread, on that thread: one core stays free for the GUI thread (the worker's own
// OpenMP team is the cores less one, at least one), and the thread's CPU priority is lowered so
// that training flat out never makes the GUI wait for a core.
//
// On a two-core laptop an OpenMP team of two beside a painting GUI waits for its second thread at
// every step (measured: a 0.25 ms step took 12 ms), so a worker trains on its own there. (The
// thread count is the calling thread's OpenMP setting; other threads keep theirs.)
void yieldCoresToGui();

// The square a decision heatmap covers: the data's bounding box grown by a tenth on each side,
// cut into size x size cells.
struct DecisionGrid
{
    int size = 0;
    double xMin = -1.0;
    double xMax = 1.0;
    double yMin = -1.0;
    double yMax = 1.0;

    // The cell centres as row-major (x, y) pairs, row by row from yMin (the first row) to yMax:
    // what Trainer::predict and Race::predict take.
    std::vector<double> points() const;
};

DecisionGrid decisionGrid(const core::Dataset &data, int size);

} // namespace relulab::app
