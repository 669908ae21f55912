#pragma once

// File > Export data: the explorer's curves and the lab's training history as CSV, written the
// way relulab-cli writes its CSV (a header row, numbers in their shortest exact form), so a
// spreadsheet or pandas reads back exactly the numbers the app drew.

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

#include "curveworker.h"

namespace relulab::app {

struct DataColumn
{
    QString name;
    QList<double> values;
};

// A header row of the names, then one row per index up to the longest column, with "\n" line
// ends. Each number is in the shortest form that reads back as the same double; NaN, and a column
// shorter than the longest, give an empty cell (as relulab-cli train writes what was not measured).
QByteArray csvFromColumns(const QList<DataColumn> &columns);

// The explorer's curves as the plots show them: x, then f_NAME and df_NAME (f and f') of the
// selected function and of each comparison function, NAME their --activation spelling.
QList<DataColumn> curveColumns(const CurveResult &result);

} // namespace relulab::app
