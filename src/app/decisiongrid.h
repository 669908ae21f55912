#pragma once

// The grid of points on which the decision boundaries of the lab and the race are drawn.

#include <vector>

#include "core/datasets.h"

namespace relulab::app {

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
