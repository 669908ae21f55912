// Tests of src/core/splitmix64.h against reference-spec.md section 2.
//
// The literal outputs below come from tests/core/reference_values.py (section splitmix64), which
// implements the spec's algorithm with Python's unbounded integers masked to 64 bits.

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QTest>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <vector>

#include "common/fuzzycompare.h"
#include "core/splitmix64.h"

using relulab::core::SplitMix64;
using relulab::test::describe;

namespace {

// The sequence is part of the spec, so it can be pinned at compile time as well.
static_assert(SplitMix64::outputAt(0, 1) == 0xE220A8397B1DCDAFULL);
static_assert(SplitMix64(0).next() == 0xE220A8397B1DCDAFULL);
static_assert(SplitMix64::toUnit(0) == 0.0);

struct SpiralPoint
{
    double x0;
    double x1;
    int label;
};

// reference-spec.md section 2, "Data", written out again independently of the app's data module:
// N = 1024, data seed 42, turns 1.5, radius 1.0, noise 0.05, products evaluated left to right.
std::vector<SpiralPoint> twoSpirals()
{
    constexpr int Pairs = 512;
    constexpr double Pi = 3.141592653589793;
    constexpr double Turns = 1.5;
    constexpr double Radius = 1.0;
    constexpr double Noise = 0.05;
    SplitMix64 generator(42);
    std::vector<SpiralPoint> points;
    points.reserve(2 * Pairs);
    for (int i = 0; i < Pairs; ++i) {
        for (int c = 0; c < 2; ++c) {
            const double t = (i + 0.5) / Pairs;
            const double r = Radius * t;
            const double theta = SplitMix64::TwoPi * Turns * t + c * Pi;
            // x0's noise is drawn before x1's: two statements, in this order.
            const double x0 = r * std::cos(theta) + Noise * generator.normal();
            const double x1 = r * std::sin(theta) + Noise * generator.normal();
            points.push_back({x0, x1, c});
        }
    }
    return points;
}

double parseDouble(const QByteArray &text, bool *ok)
{
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.constData(), text.constData() + text.size(), value);
    *ok = error == std::errc() && end == text.constData() + text.size();
    return value;
}

} // namespace

class TestSplitMix64 : public QObject
{
    Q_OBJECT

private slots:
    void knownOutputs_data();
    void knownOutputs();
    void outputAtMatchesNext_data();
    void outputAtMatchesNext();
    void stateAdvancesByGamma();
    void uniformKnownValues();
    void uniformRange();
    void toUnit();
    void normalIsTheSpecFormula();
    void normalKnownValues();
    void normalMoments();
    void twoSpiralsReproduced();
};

void TestSplitMix64::knownOutputs_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<std::vector<quint64>>("outputs");
    // clang-format off
    QTest::newRow("seed 0") << quint64{0} << std::vector<quint64>{
        0xE220A8397B1DCDAFULL, 0x6E789E6AA1B965F4ULL, 0x06C45D188009454FULL, 0xF88BB8A8724C81ECULL,
        0x1B39896A51A8749BULL, 0x53CB9F0C747EA2EAULL, 0x2C829ABE1F4532E1ULL, 0xC584133AC916AB3CULL};
    QTest::newRow("seed 42") << quint64{42} << std::vector<quint64>{
        0xBDD732262FEB6E95ULL, 0x28EFE333B266F103ULL, 0x47526757130F9F52ULL, 0x581CE1FF0E4AE394ULL,
        0x09BC585A244823F2ULL, 0xDE4431FA3C80DB06ULL, 0x37E9671C45376D5DULL, 0xCCF635EE9E9E2FA4ULL};
    // clang-format on
}

void TestSplitMix64::knownOutputs()
{
    QFETCH(quint64, seed);
    QFETCH(std::vector<quint64>, outputs);
    SplitMix64 generator(seed);
    for (std::size_t k = 0; k < outputs.size(); ++k) {
        QCOMPARE(generator.next(), outputs[k]);
        QCOMPARE(SplitMix64::outputAt(seed, k + 1), outputs[k]);
    }
}

void TestSplitMix64::outputAtMatchesNext_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::newRow("0") << quint64 {0};
    QTest::newRow("1") << quint64 {1};
    QTest::newRow("7") << quint64 {7};
    QTest::newRow("42") << quint64 {42};
    // A seed near the top: the state wraps modulo 2^64 within a few steps.
    QTest::newRow("2^64 - 1") << ~quint64 {0};
}

void TestSplitMix64::outputAtMatchesNext()
{
    QFETCH(quint64, seed);
    SplitMix64 generator(seed);
    for (std::uint64_t k = 1; k <= 5000; ++k) {
        const std::uint64_t expected = generator.next();
        if (SplitMix64::outputAt(seed, k) != expected)
            QFAIL(("output " + QByteArray::number(k) + " differs").constData());
    }
    // The 1000th output of seed 7, from the Python implementation.
    QCOMPARE(SplitMix64::outputAt(7, 1000), quint64 {0x9793FB91046FFFEEULL});
}

void TestSplitMix64::stateAdvancesByGamma()
{
    SplitMix64 generator(42);
    QCOMPARE(generator.state(), quint64 {42});
    for (int i = 0; i < 10; ++i)
        generator.next();
    QCOMPARE(generator.state(), quint64 {42 + 10 * SplitMix64::Gamma});
    QCOMPARE(SplitMix64::Gamma, quint64 {0x9E3779B97F4A7C15ULL});
    // uniform() takes one output, normal() two.
    generator.uniform();
    QCOMPARE(generator.state(), quint64 {42 + 11 * SplitMix64::Gamma});
    generator.normal();
    QCOMPARE(generator.state(), quint64 {42 + 13 * SplitMix64::Gamma});
}

void TestSplitMix64::uniformKnownValues()
{
    // (next() >> 11) * 2^-53 is exact, so these are bit-exact on every machine.
    constexpr std::array<double, 4> Expected {0.7415648787718233, 0.1599103928769201,
                                              0.27860113025513866, 0.34419071652363753};
    SplitMix64 generator(42);
    for (const double expected : Expected)
        RELULAB_COMPARE_EXACT(generator.uniform(), expected);
}

void TestSplitMix64::uniformRange()
{
    constexpr int Draws = 1'000'000;
    SplitMix64 generator(2024);
    double smallest = 1.0;
    double largest = 0.0;
    double sum = 0.0;
    for (int i = 0; i < Draws; ++i) {
        const double u = generator.uniform();
        smallest = std::min(smallest, u);
        largest = std::max(largest, u);
        sum += u;
    }
    QVERIFY2(smallest >= 0.0, describe(smallest).constData());
    QVERIFY2(largest < 1.0, describe(largest).constData());
    QVERIFY(smallest < 1e-5);
    QVERIFY(largest > 1.0 - 1e-5);
    // U(0, 1) has standard deviation 1 / sqrt(12): the mean is within 5 standard errors of 1/2.
    const double mean = sum / Draws;
    QVERIFY2(std::abs(mean - 0.5) < 5.0 / std::sqrt(12.0 * Draws), describe(mean).constData());
}

void TestSplitMix64::toUnit()
{
    // The top 53 bits, scaled by 2^-53: [0, 1) with 1 itself out of reach.
    RELULAB_COMPARE_EXACT(SplitMix64::toUnit(0), 0.0);
    RELULAB_COMPARE_EXACT(SplitMix64::toUnit((1ULL << 11) - 1), 0.0);
    RELULAB_COMPARE_EXACT(SplitMix64::toUnit(1ULL << 11), 0x1.0p-53);
    RELULAB_COMPARE_EXACT(SplitMix64::toUnit(1ULL << 63), 0.5);
    RELULAB_COMPARE_EXACT(SplitMix64::toUnit(~0ULL), 1.0 - 0x1.0p-53);
    QVERIFY(SplitMix64::toUnit(~0ULL) < 1.0);
}

void TestSplitMix64::normalIsTheSpecFormula()
{
    RELULAB_COMPARE_EXACT(SplitMix64::TwoPi, 6.283185307179586);
    for (const std::uint64_t seed : {std::uint64_t {0}, std::uint64_t {1}, std::uint64_t {42}}) {
        SplitMix64 generator(seed);
        SplitMix64 uniforms(seed);
        for (int i = 0; i < 1000; ++i) {
            const double u1 = uniforms.uniform();
            const double u2 = uniforms.uniform();
            const double expected =
                    std::sqrt(-2.0 * std::log(1.0 - u1)) * std::cos(6.283185307179586 * u2);
            RELULAB_COMPARE_EXACT(generator.normal(), expected);
        }
    }
}

void TestSplitMix64::normalKnownValues()
{
    // From the Python implementation. log, sqrt and cos come from libm, so these are exact only
    // with the same libm; 1e-14 allows another libm's last-bit differences and nothing more.
    constexpr std::array<double, 4> Expected {0.8822489062222688, -0.4508498757188601,
                                              0.1883526341159315, 0.219586379190761};
    SplitMix64 generator(42);
    for (const double expected : Expected)
        RELULAB_FUZZY_COMPARE_TOL(generator.normal(), expected,
                                  (relulab::test::Tolerance {1e-14, 0.0}));
}

void TestSplitMix64::normalMoments()
{
    constexpr int Draws = 200'000;
    SplitMix64 generator(5);
    double sum = 0.0;
    double sumOfSquares = 0.0;
    for (int i = 0; i < Draws; ++i) {
        const double z = generator.normal();
        QVERIFY(std::isfinite(z));
        sum += z;
        sumOfSquares += z * z;
    }
    const double mean = sum / Draws;
    const double variance = sumOfSquares / Draws - mean * mean;
    // N(0, 1): the standard error of the mean is 1 / sqrt(n), that of the variance sqrt(2 / n).
    QVERIFY2(std::abs(mean) < 5.0 / std::sqrt(Draws), describe(mean).constData());
    QVERIFY2(std::abs(variance - 1.0) < 5.0 * std::sqrt(2.0 / Draws), describe(variance).constData());
}

void TestSplitMix64::twoSpiralsReproduced()
{
    // A copy of the reference data set lives in the repository, so this runs everywhere.
    QFile file(QStringLiteral(RELULAB_TEST_DATA_DIR "/two_spirals_1024.csv"));
    QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(file.fileName()));
    QCOMPARE(file.readLine().trimmed(), QByteArray("index,x0,x1,label"));

    const std::vector<SpiralPoint> points = twoSpirals();
    QCOMPARE(points.size(), std::size_t {1024});
    std::size_t row = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split(',');
        QCOMPARE(fields.size(), 4);
        QVERIFY(row < points.size());
        QCOMPARE(fields[0].toULongLong(), quint64 {row});
        bool ok0 = false;
        bool ok1 = false;
        const double x0 = parseDouble(fields[1], &ok0);
        const double x1 = parseDouble(fields[2], &ok1);
        QVERIFY(ok0 && ok1);
        QCOMPARE(fields[3].toInt(), points[row].label);
        // 17 significant digits read back to the same double. The first points are compared to
        // the bit, as the spec demands; the rest to within an ulp or two, so that a libm whose
        // cos differs in the last bit does not fail the whole recipe.
        if (row < 8) {
            RELULAB_COMPARE_EXACT(points[row].x0, x0);
            RELULAB_COMPARE_EXACT(points[row].x1, x1);
        } else if (std::abs(points[row].x0 - x0) > 1e-15 || std::abs(points[row].x1 - x1) > 1e-15) {
            QFAIL(("point " + QByteArray::number(quint64 {row}) + ": (" + describe(points[row].x0)
                   + ", " + describe(points[row].x1) + "), the file has (" + describe(x0) + ", "
                   + describe(x1) + ")")
                          .constData());
        }
        ++row;
    }
    QCOMPARE(row, std::size_t {1024});
}

QTEST_APPLESS_MAIN(TestSplitMix64)
#include "tst_splitmix64.moc"
