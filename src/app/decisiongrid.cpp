#include "decisiongrid.h"

#include <algorithm>
#include <limits>

namespace relulab::app {

DecisionGrid decisionGrid(const core::Dataset &data, int size)
{
    double x0 = -1.0, x1 = 1.0, y0 = -1.0, y1 = 1.0;
    if (data.size() > 0) {
        x0 = y0 = std::numeric_limits<double>::infinity();
        x1 = y1 = -x0;
        for (std::size_t k = 0; k < data.size(); ++k) {
            x0 = std::min(x0, data.x0(k));
            x1 = std::max(x1, data.x0(k));
            y0 = std::min(y0, data.x1(k));
            y1 = std::max(y1, data.x1(k));
        }
    }
    const double margin = 0.1 * std::max({x1 - x0, y1 - y0, 1e-6});
    DecisionGrid grid;
    grid.size = size;
    grid.xMin = x0 - margin;
    grid.xMax = x1 + margin;
    grid.yMin = y0 - margin;
    grid.yMax = y1 + margin;
    return grid;
}

std::vector<double> DecisionGrid::points() const
{
    const auto n = static_cast<std::size_t>(std::max(0, size));
    std::vector<double> points(2 * n * n);
    for (std::size_t row = 0; row < n; ++row) {
        const double y = yMin + (yMax - yMin) * (static_cast<double>(row) + 0.5) / size;
        for (std::size_t col = 0; col < n; ++col) {
            const std::size_t k = row * n + col;
            points[2 * k] = xMin + (xMax - xMin) * (static_cast<double>(col) + 0.5) / size;
            points[2 * k + 1] = y;
        }
    }
    return points;
}

} // namespace relulab::app
