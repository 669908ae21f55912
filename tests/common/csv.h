#pragma once

// The CSV that relulab-cli writes, read back by the tests that run it: split into the header's
// names and each row's cells, and cells read as doubles exactly as written.

#include <QByteArray>
#include <QList>
#include <QTest>

#include <charconv>
#include <cmath>
#include <system_error>

namespace relulab::tests {

// A CSV split into its header's names and each row's cells.
struct Csv
{
    QList<QByteArray> header;
    QList<QList<QByteArray>> rows;

    qsizetype column(const char *name) const { return header.indexOf(QByteArray(name)); }
    const QByteArray &cell(qsizetype row, const char *name) const
    {
        return rows[row][column(name)];
    }
};

// Splits the whole output with QVERIFY: '\n' after every line and no '\r', as many cells in every
// row as the header has names. On a failure it returns at once (QVERIFY's return), so the caller
// continues only if !QTest::currentTestFailed().
inline void parseCsv(const QByteArray &text, Csv &csv)
{
    csv = {};
    QVERIFY2(text.endsWith('\n'), text.right(80).constData());
    QVERIFY(!text.contains('\r'));
    const QList<QByteArray> lines = text.chopped(1).split('\n');
    csv.header = lines.constFirst().split(',');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        csv.rows.append(lines[i].split(','));
        QVERIFY2(csv.rows.last().size() == csv.header.size(), lines[i].constData());
    }
}

// std::from_chars reads exactly the double std::to_chars wrote, and "nan", "inf", "-inf"; the
// whole text must be the number.
inline bool parseNumber(const QByteArray &text, double &value)
{
    const char *end = text.constData() + text.size();
    const auto result = std::from_chars(text.constData(), end, value);
    return result.ec == std::errc() && result.ptr == end && !text.isEmpty();
}

// The number in a cell, or nan with a warning that names the text, for checks that fail on nan.
inline double number(const QByteArray &text)
{
    double value = std::nan("");
    if (!parseNumber(text, value)) {
        value = std::nan("");
        qWarning("not a number: '%s'", text.constData());
    }
    return value;
}

} // namespace relulab::tests
