// Tests of src/core/datasets.h: the reference two spirals to the bit, and for every kind the
// recipe written in the header, reimplemented here independently from that text.

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QTest>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "common/fuzzycompare.h"
#include "core/datasets.h"
#include "core/splitmix64.h"

namespace core = relulab::core;
using core::Dataset;
using core::DatasetKind;
using core::DatasetSpec;
using core::SplitMix64;
using relulab::test::describe;

Q_DECLARE_METATYPE(relulab::core::DatasetKind)

namespace {

constexpr double Pi = 3.141592653589793;

Dataset generate(DatasetKind kind, std::size_t n, std::uint64_t seed, double noise)
{
    switch (kind) {
    case DatasetKind::TwoSpirals:
        return core::twoSpirals(n, seed, noise);
    case DatasetKind::Circles:
        return core::circles(n, seed, noise);
    case DatasetKind::Xor:
        return core::xorQuadrants(n, seed, noise);
    case DatasetKind::Blobs:
        return core::blobs(n, seed, noise);
    case DatasetKind::Moons:
        return core::moons(n, seed, noise);
    }
    return {};
}

constexpr std::array<DatasetKind, core::DatasetKindCount> AllKinds {
        DatasetKind::TwoSpirals, DatasetKind::Circles, DatasetKind::Xor, DatasetKind::Blobs,
        DatasetKind::Moons};

// One row per kind, named by its command-line name.
void addKindRows()
{
    QTest::addColumn<DatasetKind>("kind");
    for (const DatasetKind kind : AllKinds)
        QTest::addRow("%s", core::datasetCliName(kind).data()) << kind;
}

// Bit for bit, the sign of zero included: vector == would let -0 pass for +0.
bool sameBits(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (!relulab::test::identical(a[k], b[k]))
            return false;
    }
    return true;
}

bool sameData(const Dataset &a, const Dataset &b)
{
    return sameBits(a.x, b.x) && a.label == b.label;
}

double parseDouble(const QByteArray &text, bool *ok)
{
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.constData(), text.constData() + text.size(), value);
    *ok = error == std::errc() && end == text.constData() + text.size();
    return value;
}

// The header's recipes, written again from its comments alone: the common loop, then each shape.
struct Ideal
{
    double p0;
    double p1;
};

template<class Shape>
Dataset fromRecipe(std::size_t n, std::uint64_t seed, double s, Shape shape)
{
    SplitMix64 g(seed);
    Dataset data;
    for (std::size_t i = 0; i < n / 2; ++i) {
        for (int c = 0; c < 2; ++c) {
            const Ideal p = shape(g, i, c);
            const double x0 = p.p0 + s * g.normal();
            const double x1 = p.p1 + s * g.normal();
            data.x.push_back(x0);
            data.x.push_back(x1);
            data.label.push_back(static_cast<std::uint8_t>(c));
        }
    }
    return data;
}

Dataset recipe(DatasetKind kind, std::size_t n, std::uint64_t seed, double noise)
{
    switch (kind) {
    case DatasetKind::TwoSpirals:
        return fromRecipe(n, seed, noise, [n](SplitMix64 &, std::size_t i, int c) {
            const double t = (static_cast<double>(i) + 0.5) / static_cast<double>(n / 2);
            const double r = 1.0 * t;
            const double theta = 6.283185307179586 * 1.5 * t + c * Pi;
            return Ideal {r * std::cos(theta), r * std::sin(theta)};
        });
    case DatasetKind::Circles:
        return fromRecipe(n, seed, noise, [](SplitMix64 &g, std::size_t, int c) {
            const double a = 6.283185307179586 * g.uniform();
            const double radius = c == 0 ? 1.0 : 0.5;
            return Ideal {radius * std::cos(a), radius * std::sin(a)};
        });
    case DatasetKind::Xor:
        return fromRecipe(n, seed, noise, [](SplitMix64 &g, std::size_t, int c) {
            const double p0 = 2.0 * g.uniform() - 1.0 + 0x1.0p-53;
            const double p1 = 2.0 * g.uniform() - 1.0 + 0x1.0p-53;
            const bool opposite = p0 * p1 < 0.0;
            return Ideal {p0, opposite == (c == 1) ? p1 : -p1};
        });
    case DatasetKind::Blobs:
        return fromRecipe(n, seed, 0.25 + noise, [](SplitMix64 &, std::size_t, int c) {
            return c == 0 ? Ideal {-0.5, -0.5} : Ideal {0.5, 0.5};
        });
    case DatasetKind::Moons:
        return fromRecipe(n, seed, noise, [](SplitMix64 &g, std::size_t, int c) {
            const double t = Pi * g.uniform();
            const double u = c == 0 ? std::cos(t) : 1.0 - std::cos(t);
            const double v = c == 0 ? std::sin(t) : 1.0 - std::sin(t) - 0.5;
            return Ideal {(u - 0.5) / 1.5, (v - 0.25) / 1.5};
        });
    }
    return {};
}

QByteArray pointText(const Dataset &data, std::size_t k)
{
    return "point " + QByteArray::number(quint64 {k}) + " (" + describe(data.x0(k)) + ", "
            + describe(data.x1(k)) + ") label " + QByteArray::number(data.label[k]);
}

} // namespace

class TestDatasets : public QObject
{
    Q_OBJECT

private slots:
    void referenceSpiralsReproduced();
    void defaultSpecIsTheReference();
    void recipeReproduced_data();
    void recipeReproduced();
    void sizeAndBalance_data();
    void sizeAndBalance();
    void deterministic_data();
    void deterministic();
    void finiteAndInBox_data();
    void finiteAndInBox();
    void noiseIsAdditive_data();
    void noiseIsAdditive();
    void spiralsWithoutNoise();
    void circlesWithoutNoise();
    void xorWithoutNoise();
    void blobsWithoutNoise();
    void moonsWithoutNoise();
    void oddSizes_data();
    void oddSizes();
    void testSet_data();
    void testSet();
    void noTestSet();
    void testSeedWraps();
    void unknownKind();
    void names_data();
    void names();
    void namesRejected_data();
    void namesRejected();
};

void TestDatasets::referenceSpiralsReproduced()
{
    QFile file(QStringLiteral(RELULAB_TEST_DATA_DIR "/two_spirals_1024.csv"));
    QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(file.fileName()));
    QCOMPARE(file.readLine().trimmed(), QByteArray("index,x0,x1,label"));

    const Dataset data = core::twoSpirals(1024, 42, 0.05, 1.5, 1.0);
    QCOMPARE(data.size(), std::size_t {1024});
    QCOMPARE(data.x.size(), std::size_t {2048});
    std::size_t row = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split(',');
        QCOMPARE(fields.size(), 4);
        QVERIFY(row < data.size());
        QCOMPARE(fields[0].toULongLong(), quint64 {row});
        bool ok0 = false;
        bool ok1 = false;
        const double x0 = parseDouble(fields[1], &ok0);
        const double x1 = parseDouble(fields[2], &ok1);
        QVERIFY(ok0 && ok1);
        // 17 significant digits read back to the very double written, so every point must match
        // to the bit: the spec fixes the order of every operation.
        RELULAB_COMPARE_EXACT(data.x0(row), x0);
        RELULAB_COMPARE_EXACT(data.x1(row), x1);
        QCOMPARE(int {data.label[row]}, fields[3].toInt());
        QCOMPARE(int {data.label[row]}, int(row % 2));
        ++row;
    }
    QCOMPARE(row, std::size_t {1024});
}

void TestDatasets::defaultSpecIsTheReference()
{
    const DatasetSpec spec;
    QCOMPARE(spec.kind, DatasetKind::TwoSpirals);
    QCOMPARE(spec.points, std::size_t {1024});
    QCOMPARE(spec.seed, quint64 {42});
    QCOMPARE(spec.noise, 0.05);
    QVERIFY(sameData(core::makeDataset(spec), core::twoSpirals(1024, 42, 0.05)));
    // The test set must not disturb the training set.
    DatasetSpec withoutTest = spec;
    withoutTest.testPoints = 0;
    QVERIFY(sameData(core::makeDataset(withoutTest), core::makeDataset(spec)));
}

void TestDatasets::recipeReproduced_data()
{
    addKindRows();
}

void TestDatasets::recipeReproduced()
{
    QFETCH(DatasetKind, kind);
    for (const std::uint64_t seed : {std::uint64_t {0}, std::uint64_t {7}, ~std::uint64_t {0}}) {
        for (const double noise : {0.0, 0.05, 0.3}) {
            const Dataset actual = generate(kind, 200, seed, noise);
            const Dataset expected = recipe(kind, 200, seed, noise);
            QVERIFY2(sameData(actual, expected),
                     ("seed " + QByteArray::number(seed) + ", noise " + describe(noise)).constData());
        }
    }
}

void TestDatasets::sizeAndBalance_data()
{
    QTest::addColumn<DatasetKind>("kind");
    QTest::addColumn<std::size_t>("n");
    for (const DatasetKind kind : AllKinds) {
        const char *name = core::datasetCliName(kind).data();
        for (const std::size_t n :
             {std::size_t {0}, std::size_t {2}, std::size_t {10}, std::size_t {1024}}) {
            QTest::addRow("%s %zu", name, n) << kind << n;
        }
    }
}

void TestDatasets::sizeAndBalance()
{
    QFETCH(DatasetKind, kind);
    QFETCH(std::size_t, n);
    const Dataset data = generate(kind, n, 42, 0.05);
    QCOMPARE(data.size(), n);
    QCOMPARE(data.x.size(), 2 * n);
    std::size_t ones = 0;
    for (std::size_t k = 0; k < n; ++k) {
        // The labels alternate, 0 first.
        QCOMPARE(int {data.label[k]}, int(k % 2));
        ones += data.label[k];
    }
    QCOMPARE(ones, n / 2);
}

void TestDatasets::deterministic_data()
{
    addKindRows();
}

void TestDatasets::deterministic()
{
    QFETCH(DatasetKind, kind);
    const Dataset first = generate(kind, 512, 3, 0.05);
    QVERIFY(sameData(generate(kind, 512, 3, 0.05), first));

    // Another seed: same labels, and (short of a 2^-53 coincidence) every coordinate different.
    const Dataset other = generate(kind, 512, 4, 0.05);
    QCOMPARE(other.label, first.label);
    for (std::size_t k = 0; k < first.x.size(); ++k)
        QVERIFY2(first.x[k] != other.x[k], pointText(first, k / 2).constData());
}

void TestDatasets::finiteAndInBox_data()
{
    addKindRows();
}

void TestDatasets::finiteAndInBox()
{
    QFETCH(DatasetKind, kind);
    // Every kind lies within [-1, 1]^2 before noise, blobs aside (0.5 + 0.3 z): with noise 0.05
    // nothing of a few thousand points reaches 2.
    for (const std::uint64_t seed : {std::uint64_t {1}, std::uint64_t {42}, std::uint64_t {2024}}) {
        const Dataset data = generate(kind, 2048, seed, 0.05);
        for (std::size_t k = 0; k < data.size(); ++k) {
            QVERIFY2(std::isfinite(data.x0(k)) && std::isfinite(data.x1(k)),
                     pointText(data, k).constData());
            QVERIFY2(std::abs(data.x0(k)) < 2.0 && std::abs(data.x1(k)) < 2.0,
                     pointText(data, k).constData());
        }
    }
}

void TestDatasets::noiseIsAdditive_data()
{
    addKindRows();
}

void TestDatasets::noiseIsAdditive()
{
    // The noise draws are made whatever the noise, so changing it moves every point along the
    // same direction: (x - ideal) / s is the same normal draw for every noise. Blobs have no ideal
    // shape besides their centres, and their s is 0.25 + noise.
    QFETCH(DatasetKind, kind);
    const bool isBlobs = kind == DatasetKind::Blobs;
    const double base = isBlobs ? 0.25 : 0.0;
    const Dataset ideal = generate(kind, 256, 9, 0.0);
    const Dataset small = generate(kind, 256, 9, 0.05);
    const Dataset large = generate(kind, 256, 9, 0.4);
    QCOMPARE(small.label, ideal.label);
    for (std::size_t k = 0; k < ideal.x.size(); ++k) {
        const double centre = ideal.label[k / 2] == 0 ? -0.5 : 0.5;
        const double p = isBlobs ? centre : ideal.x[k];
        const double zSmall = (small.x[k] - p) / (base + 0.05);
        const double zLarge = (large.x[k] - p) / (base + 0.4);
        RELULAB_FUZZY_COMPARE_TOL(zLarge, zSmall, (relulab::test::Tolerance {1e-9, 1e-12}));
    }
}

void TestDatasets::spiralsWithoutNoise()
{
    constexpr std::size_t N = 1024;
    const Dataset data = core::twoSpirals(N, 42, 0.0);
    for (std::size_t k = 0; k < N; ++k) {
        // Pair i sits at radius t = (i + 0.5) / 512, the two classes half a turn apart.
        const double t = (static_cast<double>(k / 2) + 0.5) / (N / 2);
        RELULAB_FUZZY_COMPARE_TOL(std::hypot(data.x0(k), data.x1(k)), t,
                                  (relulab::test::Tolerance {1e-15, 0.0}));
        if (k % 2 == 1) {
            RELULAB_FUZZY_COMPARE_TOL(data.x0(k), -data.x0(k - 1),
                                      (relulab::test::Tolerance {0.0, 1e-15}));
            RELULAB_FUZZY_COMPARE_TOL(data.x1(k), -data.x1(k - 1),
                                      (relulab::test::Tolerance {0.0, 1e-15}));
        }
    }
    // The radius scales the spiral and turns wind it further.
    const Dataset wide = core::twoSpirals(8, 1, 0.0, 2.5, 3.0);
    const double t = 3.5 / 4;
    RELULAB_FUZZY_COMPARE_TOL(wide.x0(6), 3.0 * t * std::cos(6.283185307179586 * 2.5 * t),
                              (relulab::test::Tolerance {1e-15, 1e-15}));
}

void TestDatasets::circlesWithoutNoise()
{
    const Dataset data = core::circles(2048, 5, 0.0);
    std::array<int, 4> quadrants {};
    for (std::size_t k = 0; k < data.size(); ++k) {
        const double radius = data.label[k] == 0 ? 1.0 : 0.5;
        RELULAB_FUZZY_COMPARE_TOL(std::hypot(data.x0(k), data.x1(k)), radius,
                                  (relulab::test::Tolerance {1e-15, 0.0}));
        ++quadrants[std::size_t {data.x0(k) < 0.0} + 2 * std::size_t {data.x1(k) < 0.0}];
    }
    // The angle is uniform: each quadrant holds about a quarter (512, standard deviation 20).
    for (const int count : quadrants)
        QVERIFY2(std::abs(count - 512) < 100, QByteArray::number(count).constData());
}

void TestDatasets::xorWithoutNoise()
{
    const Dataset data = core::xorQuadrants(4096, 11, 0.0);
    std::array<int, 4> quadrants {};
    for (std::size_t k = 0; k < data.size(); ++k) {
        const double x0 = data.x0(k);
        const double x1 = data.x1(k);
        QVERIFY2(x0 != 0.0 && x1 != 0.0, pointText(data, k).constData());
        QVERIFY2(std::abs(x0) < 1.0 && std::abs(x1) < 1.0, pointText(data, k).constData());
        QVERIFY2((x0 * x1 < 0.0) == (data.label[k] == 1), pointText(data, k).constData());
        ++quadrants[std::size_t {x0 < 0.0} + 2 * std::size_t {x1 < 0.0}];
    }
    // Uniform in the square: each quadrant about 1024 (standard deviation about 28).
    for (const int count : quadrants)
        QVERIFY2(std::abs(count - 1024) < 150, QByteArray::number(count).constData());
}

void TestDatasets::blobsWithoutNoise()
{
    // Noise 0 leaves the blobs' own spread, 0.25, about (-0.5, -0.5) and (0.5, 0.5).
    constexpr std::size_t N = 8192;
    const Dataset data = core::blobs(N, 13, 0.0);
    for (std::uint8_t c = 0; c < 2; ++c) {
        const double centre = c == 0 ? -0.5 : 0.5;
        double sum = 0.0;
        double sumOfSquares = 0.0;
        for (std::size_t k = c; k < N; k += 2) {
            for (const double x : {data.x0(k), data.x1(k)}) {
                sum += x - centre;
                sumOfSquares += (x - centre) * (x - centre);
            }
        }
        const auto draws = static_cast<double>(N); // two coordinates of N / 2 points
        const double mean = sum / draws;
        const double sd = std::sqrt(sumOfSquares / draws);
        QVERIFY2(std::abs(mean) < 5.0 * 0.25 / std::sqrt(draws), describe(mean).constData());
        QVERIFY2(std::abs(sd - 0.25) < 5.0 * 0.25 / std::sqrt(2.0 * draws), describe(sd).constData());
    }
}

void TestDatasets::moonsWithoutNoise()
{
    // The header's affine map sends the outer moon to the upper half circle of radius 2/3 about
    // (-1/3, -1/6) and the inner one to the lower half circle about (1/3, 1/6).
    const Dataset data = core::moons(2048, 17, 0.0);
    constexpr relulab::test::Tolerance Tight {0.0, 1e-15};
    for (std::size_t k = 0; k < data.size(); ++k) {
        const double sign = data.label[k] == 0 ? -1.0 : 1.0;
        const double dx = data.x0(k) - sign / 3.0;
        const double dy = data.x1(k) - sign / 6.0;
        RELULAB_FUZZY_COMPARE_TOL(std::hypot(dx, dy), 2.0 / 3.0, Tight);
        QVERIFY2(-sign * dy >= -1e-15, pointText(data, k).constData());
        QVERIFY2(std::abs(data.x0(k)) <= 1.0 && std::abs(data.x1(k)) <= 0.5 + 1e-15,
                 pointText(data, k).constData());
    }
}

void TestDatasets::oddSizes_data()
{
    addKindRows();
}

void TestDatasets::oddSizes()
{
    QFETCH(DatasetKind, kind);
    // The generators need pairs and say so; makeDataset rounds up, keeping the reference prefix.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generate(kind, 1, 42, 0.05));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generate(kind, 1023, 42, 0.05));
    QCOMPARE(generate(kind, 0, 42, 0.05).size(), std::size_t {0});

    DatasetSpec spec;
    spec.kind = kind;
    for (const std::size_t n : {std::size_t {1}, std::size_t {7}, std::size_t {1023}}) {
        spec.points = n;
        spec.testPoints = n;
        const Dataset data = core::makeDataset(spec);
        QCOMPARE(data.size(), n + 1);
        QVERIFY(sameData(data, generate(kind, n + 1, spec.seed, spec.noise)));
        QCOMPARE(core::makeTestDataset(spec).size(), n + 1);
    }
    spec.points = 0;
    QCOMPARE(core::makeDataset(spec).size(), std::size_t {0});
}

void TestDatasets::testSet_data()
{
    addKindRows();
}

void TestDatasets::testSet()
{
    QFETCH(DatasetKind, kind);
    DatasetSpec spec;
    spec.kind = kind;
    spec.points = 512;
    spec.testPoints = 300;
    spec.seed = 77;
    spec.noise = 0.1;
    const Dataset training = core::makeDataset(spec);
    const Dataset test = core::makeTestDataset(spec);
    QCOMPARE(training.size(), std::size_t {512});
    QCOMPARE(test.size(), std::size_t {300});
    QVERIFY(sameData(test, generate(kind, 300, 77 + core::TestSeedOffset, 0.1)));
    // Drawn again, not a slice of the training set: no test point equals a training point.
    for (std::size_t k = 0; k < test.size(); ++k)
        QVERIFY2(test.x0(k) != training.x0(k) && test.x1(k) != training.x1(k),
                 pointText(test, k).constData());
}

void TestDatasets::noTestSet()
{
    DatasetSpec spec;
    spec.testPoints = 0;
    const Dataset test = core::makeTestDataset(spec);
    QCOMPARE(test.size(), std::size_t {0});
    QVERIFY(test.x.empty());
}

void TestDatasets::testSeedWraps()
{
    // seed + TestSeedOffset is unsigned arithmetic, so the top seed wraps around to offset - 1.
    DatasetSpec spec;
    spec.kind = DatasetKind::Circles;
    spec.seed = std::numeric_limits<std::uint64_t>::max();
    spec.testPoints = 64;
    QVERIFY(sameData(core::makeTestDataset(spec),
                     core::circles(64, core::TestSeedOffset - 1, spec.noise)));
}

void TestDatasets::unknownKind()
{
    const auto bogus = static_cast<DatasetKind>(core::DatasetKindCount);
    QVERIFY(core::datasetCliName(bogus).empty());
    QVERIFY(core::datasetDisplayName(bogus).empty());
    DatasetSpec spec;
    spec.kind = bogus;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::makeDataset(spec));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, core::makeTestDataset(spec));
}

void TestDatasets::names_data()
{
    QTest::addColumn<DatasetKind>("kind");
    QTest::addColumn<QByteArray>("cliName");
    QTest::addColumn<QByteArray>("displayName");
    QTest::newRow("spirals") << DatasetKind::TwoSpirals << QByteArray("spirals")
                             << QByteArray("Two spirals");
    QTest::newRow("circles") << DatasetKind::Circles << QByteArray("circles") << QByteArray("Circles");
    QTest::newRow("xor") << DatasetKind::Xor << QByteArray("xor") << QByteArray("XOR");
    QTest::newRow("blobs") << DatasetKind::Blobs << QByteArray("blobs") << QByteArray("Gaussian blobs");
    QTest::newRow("moons") << DatasetKind::Moons << QByteArray("moons") << QByteArray("Moons");
}

void TestDatasets::names()
{
    QFETCH(DatasetKind, kind);
    QFETCH(QByteArray, cliName);
    QFETCH(QByteArray, displayName);
    const std::string_view cli = core::datasetCliName(kind);
    const std::string_view display = core::datasetDisplayName(kind);
    QCOMPARE(QByteArray(cli.data(), qsizetype(cli.size())), cliName);
    QCOMPARE(QByteArray(display.data(), qsizetype(display.size())), displayName);
    const std::optional<DatasetKind> parsed = core::datasetFromCliName(cli);
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, kind);
}

void TestDatasets::namesRejected_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("capitalised") << QByteArray("Spirals");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("display name") << QByteArray("Two spirals");
    QTest::newRow("upper case") << QByteArray("XOR");
    QTest::newRow("singular") << QByteArray("spiral");
    QTest::newRow("leading space") << QByteArray(" moons");
    QTest::newRow("trailing space") << QByteArray("moons ");
    QTest::newRow("prefix") << QByteArray("circle");
}

void TestDatasets::namesRejected()
{
    QFETCH(QByteArray, name);
    const std::string_view view(name.constData(), std::size_t(name.size()));
    QVERIFY(!core::datasetFromCliName(view).has_value());
}

QTEST_APPLESS_MAIN(TestDatasets)
#include "tst_datasets.moc"
