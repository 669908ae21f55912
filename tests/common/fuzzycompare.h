#pragma once

// One relative-tolerance compare for every floating-point test (the idea of KDE LabPlot's
// CommonTest.h). QCOMPARE on doubles is qFuzzyCompare: a fixed relative 1e-12, and for an expected
// 0 anything within 1e-12 of it passes. The tests here need their own tolerance per check and an
// expected 0 that means 0.
//
// The rules:
// - nan expected: actual must be nan (nan == nan counts as equal).
// - +-inf expected: actual must be the same infinity.
// - otherwise |actual - expected| <= max(absolute, relative |expected|): relative, with an absolute
//   floor for expected values near 0, where a relative tolerance means nothing. The default floor
//   is TinyMagnitude, so an expected 0 means 0 (denormals aside); a test that wants a looser one,
//   such as a finite-difference check, passes its own.
// Signed zero is not distinguished here; RELULAB_COMPARE_EXACT is for results that must match to
// the bit, the sign of zero included.

#include <QByteArray>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <concepts>

namespace relulab::test {

inline constexpr double DefaultRelativeTolerance = 1e-12;
// The default absolute floor: below it a difference is no difference.
inline constexpr double TinyMagnitude = 1e-300;

struct Tolerance
{
    double relative = DefaultRelativeTolerance;
    double absolute = TinyMagnitude;
};

template<std::floating_point T>
bool fuzzyEqual(T actual, double expected, Tolerance tolerance = {})
{
    const auto a = static_cast<double>(actual);
    if (std::isnan(expected))
        return std::isnan(a);
    if (std::isinf(expected))
        return a == expected;
    if (!std::isfinite(a))
        return false;
    return std::abs(a - expected)
            <= std::max(tolerance.absolute, tolerance.relative * std::abs(expected));
}

// The failure message: both numbers to full precision and how far apart they are.
inline QByteArray fuzzyMismatch(const char *what, double actual, double expected, Tolerance tolerance)
{
    const double relative = expected != 0.0 ? std::abs(actual - expected) / std::abs(expected)
                                            : std::abs(actual - expected);
    return QByteArray(what) + ": actual " + QByteArray::number(actual, 'g', 17) + ", expected "
            + QByteArray::number(expected, 'g', 17) + " (relative difference "
            + QByteArray::number(relative, 'g', 3) + ", tolerance "
            + QByteArray::number(tolerance.relative, 'g', 3) + " relative, "
            + QByteArray::number(tolerance.absolute, 'g', 3) + " absolute)";
}

// Same value including the sign of zero, or both nan.
inline bool identical(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
}

// A double to 17 significant digits: enough to tell any two apart.
inline QByteArray describe(double x)
{
    return QByteArray::number(x, 'g', 17);
}

} // namespace relulab::test

// QVERIFY2 evaluates its message only on failure, so the message costs nothing on success.
#define RELULAB_FUZZY_COMPARE_TOL(actual, expected, tolerance)                                     \
    do {                                                                                           \
        const auto relulabActual_ = (actual);                                                      \
        const double relulabExpected_ = (expected);                                                \
        const relulab::test::Tolerance relulabTolerance_ = (tolerance);                            \
        QVERIFY2(relulab::test::fuzzyEqual(relulabActual_, relulabExpected_, relulabTolerance_),   \
                 relulab::test::fuzzyMismatch(#actual, static_cast<double>(relulabActual_),        \
                                              relulabExpected_, relulabTolerance_)                 \
                         .constData());                                                            \
    } while (false)

#define RELULAB_FUZZY_COMPARE(actual, expected)                                                    \
    RELULAB_FUZZY_COMPARE_TOL(actual, expected, relulab::test::Tolerance {})

// QCOMPARE on doubles is fuzzy (and treats anything within 1e-12 of 0 as 0); this is not.
#define RELULAB_COMPARE_EXACT(actual, expected)                                                    \
    do {                                                                                           \
        const double relulabActual_ = (actual);                                                    \
        const double relulabExpected_ = (expected);                                                \
        QVERIFY2(relulab::test::identical(relulabActual_, relulabExpected_),                       \
                 (QByteArray(#actual) + ": actual " + relulab::test::describe(relulabActual_)      \
                  + ", expected exactly " + relulab::test::describe(relulabExpected_))             \
                         .constData());                                                            \
    } while (false)
