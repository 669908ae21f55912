#include "dataexport.h"


#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "enumnames.h"

namespace relulab::app {

namespace {

void appendSeries(QList<DataColumn> &columns, const CurveSeries &series)
{
    const QString name = enumName(series.kind);
    columns.append({QStringLiteral("f_") + name, series.y});
    columns.append({QStringLiteral("df_") + name, series.dy});
}

} // namespace

QByteArray csvFromColumns(const QList<DataColumn> &columns)
{
    qsizetype rows = 0;
    QStringList names;
    for (const DataColumn &column : columns) {
        rows = std::max(rows, column.values.size());
        names.append(column.name);
    }
    QByteArray csv = names.join(QLatin1Char(',')).toUtf8();
    csv.append('\n');
    // Each number straight into a stack buffer (a shortest double is at most 24 characters), a
    // row at a time: a hundred thousand rows take tens of milliseconds, not hundreds.
    std::array<char, 32> number {};
    QByteArray line;
    csv.reserve(csv.size() + rows * columns.size() * 20);
    for (qsizetype row = 0; row < rows; ++row) {
        line.clear();
        for (qsizetype c = 0; c < columns.size(); ++c) {
            if (c > 0)
                line.append(',');
            const QList<double> &values = columns[c].values;
            if (row < values.size() && !std::isnan(values[row])) {
                const auto result =
                        std::to_chars(number.data(), number.data() + number.size(), values[row]);
                line.append(number.data(), result.ptr - number.data());
            }
        }
        line.append('\n');
        csv.append(line);
    }
    return csv;
}

QList<DataColumn> curveColumns(const CurveResult &result)
{
    QList<DataColumn> columns {{QStringLiteral("x"), result.x}};
    appendSeries(columns, result.selected);
    for (const CurveSeries &overlay : result.overlays)
        appendSeries(columns, overlay);
    return columns;
}

} // namespace relulab::app
