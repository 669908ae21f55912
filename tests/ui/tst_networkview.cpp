// The network view drawn from hand-built snapshots: the pixels it paints (dead units black in a red
// ring, busy units bright, links blue for positive and vermillion for negative weights, a greyed
// picture and a message for a diverged run), its tooltips, and how a deep network stays readable
// (the strongest links only, every n-th layer numbered, and a note saying so).
// bench/bench_networkview measures how long a paint takes.

#include <QApplication>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QImage>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <numbers>
#include <vector>

#include "core/network.h"
#include "ui/networkview.h"
#include "ui/plotappearance.h"

using relulab::app::TrainingSnapshot;
using relulab::core::LayerMeasurement;
using relulab::ui::NetworkView;

namespace {

// A snapshot of a network with these hidden widths and He-normal weights, every hidden unit
// active on half the points until setRate() says otherwise.
std::shared_ptr<TrainingSnapshot> makeSnapshot(const std::vector<int> &hidden)
{
    auto snapshot = std::make_shared<TrainingSnapshot>();
    snapshot->config.network.hidden = hidden;
    snapshot->layout = relulab::core::layoutFor(snapshot->config.network);
    snapshot->parameters = relulab::core::initialParameters(snapshot->config.network);
    snapshot->measurement.step = 1200;
    for (int units : hidden) {
        LayerMeasurement layer;
        layer.units = units;
        layer.activationRate.assign(static_cast<std::size_t>(units), 0.5f);
        snapshot->measurement.layers.push_back(std::move(layer));
    }
    return snapshot;
}

// Sets a unit's rate and keeps the layer's counts consistent with the rates.
void setRate(TrainingSnapshot &snapshot, int hiddenLayer, int unit, float rate, bool getsGradient)
{
    LayerMeasurement &layer = snapshot.measurement.layers[static_cast<std::size_t>(hiddenLayer)];
    layer.activationRate[static_cast<std::size_t>(unit)] = rate;
    layer.dead = static_cast<int>(
            std::count(layer.activationRate.begin(), layer.activationRate.end(), 0.0f));
    layer.deadWithoutGradient = getsGradient ? 0 : layer.dead;
    layer.rarelyActive = static_cast<int>(
            std::count_if(layer.activationRate.begin(), layer.activationRate.end(),
                          [](float r) { return r < relulab::core::RarelyActiveFraction; }));
}

void zeroWeights(TrainingSnapshot &snapshot)
{
    for (const relulab::core::LayerLayout &layer : snapshot.layout)
        std::fill_n(snapshot.parameters.begin() + static_cast<std::ptrdiff_t>(layer.weight),
                    layer.in * layer.out, 0.0);
}

void setWeight(TrainingSnapshot &snapshot, int layerIndex, int out, int in, double value)
{
    const relulab::core::LayerLayout &layer = snapshot.layout[static_cast<std::size_t>(layerIndex)];
    snapshot.parameters[layer.weight + static_cast<std::size_t>(out * layer.in + in)] = value;
}

QImage render(NetworkView &view)
{
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    view.render(&image);
    return image;
}

// The pixel that contains `point` (pixel (x, y) covers [x, x + 1) x [y, y + 1)).
QColor pixel(const QImage &image, QPointF point)
{
    return image.pixelColor(static_cast<int>(std::floor(point.x())),
                            static_cast<int>(std::floor(point.y())));
}

bool isRed(const QColor &c)
{
    return c.red() > 170 && c.green() < 70 && c.blue() < 70;
}

int lightness(const QColor &c)
{
    return c.lightness();
}

// The colours on a circle of radius `radius` around `centre`, at `samples` angles.
std::vector<QColor> ring(const QImage &image, QPointF centre, double radius, int samples = 72)
{
    std::vector<QColor> colors;
    for (int k = 0; k < samples; ++k) {
        const double angle = 2.0 * std::numbers::pi * k / samples;
        colors.push_back(
                pixel(image, centre + QPointF(radius * std::cos(angle), radius * std::sin(angle))));
    }
    return colors;
}

double redFraction(const std::vector<QColor> &colors)
{
    return static_cast<double>(std::count_if(colors.begin(), colors.end(), isRed))
            / static_cast<double>(colors.size());
}

} // namespace

class TestNetworkView : public QObject
{
    Q_OBJECT

private slots:
    void columnsFollowTheLayout();
    void deadUnitIsBlackInASolidRedRing();
    void deadUnitStillLearningHasADashedRing();
    void busyUnitIsBright();
    void rampDarkensTowardsDead();
    void linkColourFollowsWeightSign();
    void compactColumnsShowDeadUnitsAsRedDots();
    void divergedRunIsGreyWithAMessage();
    void darkThemeDrawsLightInkOnDark();
    void descriptionsNameTheUnit();
    void tooltipEventShowsTheDescription();
    void smallNetworksDrawEveryLink_data();
    void smallNetworksDrawEveryLink();
    void deepNetworkDrawsTheStrongestLinks_data();
    void deepNetworkDrawsTheStrongestLinks();
    void tiesAtTheBudgetKeepItExactly_data();
    void tiesAtTheBudgetKeepItExactly();
    void columnTextsNeverCollide_data();
    void columnTextsNeverCollide();
    void savePicture_data();
    void savePicture();
};

void TestNetworkView::columnsFollowTheLayout()
{
    NetworkView view;
    QCOMPARE(view.columnCount(), 0);
    view.resize(600, 400);
    view.showSnapshot(makeSnapshot({32, 16, 8}));
    QCOMPARE(view.columnCount(), 5);
    QCOMPARE(view.unitCount(0), 2);
    QCOMPARE(view.unitCount(2), 16);
    QCOMPARE(view.unitCount(4), 1);
    // Columns left to right, units top to bottom, every unit inside the widget.
    for (int c = 0; c + 1 < view.columnCount(); ++c)
        QVERIFY(view.unitCentre(c, 0).x() < view.unitCentre(c + 1, 0).x());
    for (int c = 0; c < view.columnCount(); ++c) {
        QVERIFY(view.unitRadius(c) >= 1.5);
        for (int u = 0; u < view.unitCount(c); ++u) {
            const QPointF centre = view.unitCentre(c, u);
            QVERIFY(view.rect().contains(centre.toPoint()));
            if (u > 0)
                QVERIFY(centre.y() - view.unitCentre(c, u - 1).y() >= 2 * view.unitRadius(c));
        }
    }
    QVERIFY(view.unitCentre(1, 32).isNull());
    QVERIFY(view.overlayMessage().isEmpty());
}

void TestNetworkView::deadUnitIsBlackInASolidRedRing()
{
    auto snapshot = makeSnapshot({8, 8});
    setRate(*snapshot, 0, 3, 0.0f, false);
    NetworkView view;
    view.resize(600, 400);
    view.showSnapshot(snapshot);
    const QImage image = render(view);
    const QPointF centre = view.unitCentre(1, 3);
    const double r = view.unitRadius(1);
    QVERIFY2(r >= 8.0, qPrintable(QString::number(r)));
    // The fill beside the cross, and the cross itself.
    for (QPointF offset : {QPointF(0, 0.6 * r), QPointF(0.6 * r, 0), QPointF(0, -0.6 * r)})
        QVERIFY2(lightness(pixel(image, centre + offset)) < 30,
                 qPrintable(pixel(image, centre + offset).name()));
    QVERIFY(isRed(pixel(image, centre)));
    // The ring, just outside the disc, is red all the way round.
    const double red = redFraction(ring(image, centre, r + 1.0));
    QVERIFY2(red > 0.95, qPrintable(QString::number(red)));
    // A living neighbour has no red at all.
    QCOMPARE(redFraction(ring(image, view.unitCentre(1, 4), r)), 0.0);
}

void TestNetworkView::deadUnitStillLearningHasADashedRing()
{
    auto snapshot = makeSnapshot({8, 8});
    zeroWeights(*snapshot); // nothing but the ring round the unit
    setRate(*snapshot, 1, 2, 0.0f, true);
    NetworkView view;
    view.resize(600, 400);
    view.showSnapshot(snapshot);
    const QImage image = render(view);
    const QPointF centre = view.unitCentre(2, 2);
    const double r = view.unitRadius(2);
    QVERIFY(lightness(pixel(image, centre)) < 30); // no cross: the centre is the black fill
    // Dashes: red, then background, all the way round.
    const std::vector<QColor> colors = ring(image, centre, r + 1.0, 180);
    const double red = redFraction(colors);
    QVERIFY2(red > 0.3 && red < 0.8, qPrintable(QString::number(red)));
    QVERIFY(std::count_if(colors.begin(), colors.end(),
                          [](const QColor &c) { return c.lightness() > 200; })
            > 20);
}

void TestNetworkView::busyUnitIsBright()
{
    auto snapshot = makeSnapshot({8, 8});
    setRate(*snapshot, 0, 5, 1.0f, false);
    NetworkView view;
    view.resize(600, 400);
    view.showSnapshot(snapshot);
    const QImage image = render(view);
    const QColor busy = pixel(image, view.unitCentre(1, 5));
    QVERIFY2(lightness(busy) > 120 && busy.red() > 200 && busy.green() > 200, qPrintable(busy.name()));
}

void TestNetworkView::rampDarkensTowardsDead()
{
    QCOMPARE(NetworkView::activationRateColor(0.0), QColor(Qt::black));
    // Perceived lightness grows with the rate, from dark grey to bright.
    double previous = -1.0;
    for (int i = 1; i <= 20; ++i) {
        const QColor c = NetworkView::activationRateColor(i / 20.0);
        const double luma = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
        QVERIFY2(luma > previous, qPrintable(QString::number(i)));
        previous = luma;
    }
    QVERIFY(NetworkView::activationRateColor(0.001).lightness() > 30);
    QVERIFY(NetworkView::activationRateColor(0.001).lightness() < 70);
    QVERIFY(NetworkView::activationRateColor(1.0).lightness() > 120);
}

void TestNetworkView::linkColourFollowsWeightSign()
{
    auto snapshot = makeSnapshot({32, 32, 32});
    zeroWeights(*snapshot);
    setWeight(*snapshot, 1, 5, 10, 3.0); // layer 1 unit 10 -> layer 2 unit 5, positive
    setWeight(*snapshot, 2, 20, 2, -3.0); // layer 2 unit 2 -> layer 3 unit 20, negative
    NetworkView view;
    view.resize(600, 400);
    view.showSnapshot(snapshot);
    const QImage image = render(view);

    const QPointF positive = (view.unitCentre(1, 10) + view.unitCentre(2, 5)) / 2.0;
    const QColor blue = pixel(image, positive);
    QVERIFY2(blue.blue() > blue.red() + 80 && blue.blue() > blue.green(), qPrintable(blue.name()));
    const QPointF negative = (view.unitCentre(2, 2) + view.unitCentre(3, 20)) / 2.0;
    const QColor warm = pixel(image, negative);
    QVERIFY2(warm.red() > warm.blue() + 80 && warm.red() > warm.green(), qPrintable(warm.name()));
    // Zero weights draw nothing: between layers 1 and 2, away from the one link, is background.
    const QPointF empty = (view.unitCentre(1, 28) + view.unitCentre(2, 28)) / 2.0;
    QCOMPARE(pixel(image, empty), QColor(Qt::white));

    // On a high-DPI device (links drawn at its resolution) they land in the same place.
    QImage sharp(view.size() * 2, QImage::Format_ARGB32_Premultiplied);
    sharp.setDevicePixelRatio(2.0);
    sharp.fill(Qt::white);
    view.render(&sharp);
    const QColor sharpBlue = pixel(sharp, positive * 2.0);
    QVERIFY2(sharpBlue.blue() > sharpBlue.red() + 80, qPrintable(sharpBlue.name()));
    const QColor sharpWarm = pixel(sharp, negative * 2.0);
    QVERIFY2(sharpWarm.red() > sharpWarm.blue() + 80, qPrintable(sharpWarm.name()));
}

void TestNetworkView::compactColumnsShowDeadUnitsAsRedDots()
{
    auto snapshot = makeSnapshot({128, 128});
    setRate(*snapshot, 0, 60, 0.0f, false);
    NetworkView view;
    view.resize(600, 400);
    view.showSnapshot(snapshot);
    QVERIFY(view.unitRadius(1) >= 1.5);
    QVERIFY(view.unitRadius(1) < 3.0);
    const QImage image = render(view);
    QVERIFY2(isRed(pixel(image, view.unitCentre(1, 60))),
             qPrintable(pixel(image, view.unitCentre(1, 60)).name()));
    QVERIFY(!isRed(pixel(image, view.unitCentre(1, 61))));
}

void TestNetworkView::divergedRunIsGreyWithAMessage()
{
    auto snapshot = makeSnapshot({8, 8});
    setRate(*snapshot, 0, 3, 0.0f, false);
    snapshot->measurement.diverged = true;
    std::fill(snapshot->parameters.begin(), snapshot->parameters.end(),
              std::numeric_limits<double>::quiet_NaN());
    NetworkView view;
    view.resize(600, 400);
    view.showSnapshot(snapshot);
    QCOMPARE(view.overlayMessage(), QStringLiteral("training diverged: weights are no longer finite"));
    const QImage image = render(view);
    // No unit is drawn dead or bright, and no link in colour: everything is grey.
    for (int c = 1; c <= 2; ++c) {
        for (int u = 0; u < 8; ++u) {
            const QColor fill = pixel(image, view.unitCentre(c, u));
            if (QRectF(view.rect()).adjusted(150, 150, -150, -150).contains(view.unitCentre(c, u)))
                continue; // under the message
            QVERIFY2(lightness(fill) > 150 && fill.saturation() < 30, qPrintable(fill.name()));
        }
    }
    // The message: a red frame and text in the middle.
    int red = 0;
    for (int y = 100; y < 300; ++y) {
        for (int x = 100; x < 500; ++x) {
            const QColor c = image.pixelColor(x, y);
            red += c.red() > 140 && c.green() < 80 && c.blue() < 80;
        }
    }
    QVERIFY2(red > 300, qPrintable(QString::number(red)));
    QCOMPARE(view.unitDescriptionAt(view.unitCentre(1, 3).toPoint()),
             QStringLiteral("layer 1, unit 4: training diverged"));
}

// The dark theme's view: the background, the input and output units and the text take the
// palette's colours (they kept the light theme's white units and dark grey legend, unreadable on
// the dark background).
void TestNetworkView::darkThemeDrawsLightInkOnDark()
{
    using relulab::ui::Theme;
    const QPalette dark = relulab::ui::themePalette(Theme::Dark, false);
    const int baseLightness = dark.color(QPalette::Base).lightness();
    const auto snapshot = makeSnapshot({8, 8});
    NetworkView view;
    view.setPalette(dark);
    view.resize(600, 400);
    view.showSnapshot(snapshot);
    const QImage image = render(view);
    QCOMPARE(image.pixelColor(2, 2), dark.color(QPalette::Base));
    // The inputs and the output: the background's colour in a light outline.
    for (const QPointF centre : {view.unitCentre(0, 0), view.unitCentre(0, 1), view.unitCentre(3, 0)})
        QCOMPARE(pixel(image, centre), dark.color(QPalette::Base));
    QVERIFY2(lightness(pixel(image, view.unitCentre(0, 0) + QPointF(view.unitRadius(0) - 0.5, 0.0)))
                     > baseLightness + 80,
             "no light outline round the input unit");
    // The legend along the bottom: its words in light grey, as readable as on the light theme
    // (at least 100 steps of lightness apart from the background).
    int lightText = 0;
    for (int y = image.height() - 40; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            lightText += c.saturation() < 40 && c.lightness() > baseLightness + 100;
        }
    }
    QVERIFY2(lightText > 200, qPrintable(QString::number(lightText)));
    // The same legend on the light theme: dark text on white, as before.
    NetworkView light;
    light.resize(600, 400);
    light.showSnapshot(snapshot);
    const QImage lightImage = render(light);
    QCOMPARE(pixel(lightImage, light.unitCentre(0, 0)), QColor(Qt::white));
}

void TestNetworkView::descriptionsNameTheUnit()
{
    auto snapshot = makeSnapshot({32, 32, 32});
    setRate(*snapshot, 1, 6, 0.123f, false);
    setRate(*snapshot, 0, 0, 0.0f, false);
    setRate(*snapshot, 2, 31, 0.01f, false);
    NetworkView view;
    view.resize(600, 400);
    view.showSnapshot(snapshot);
    QCOMPARE(view.unitDescriptionAt(view.unitCentre(2, 6).toPoint()),
             QStringLiteral("layer 2, unit 7: active on 12.3 % of points"));
    // A pixel off the centre, still on the unit.
    QCOMPARE(view.unitDescriptionAt((view.unitCentre(2, 6) + QPointF(2, 1)).toPoint()),
             QStringLiteral("layer 2, unit 7: active on 12.3 % of points"));
    QCOMPARE(view.unitDescriptionAt(view.unitCentre(1, 0).toPoint()),
             QStringLiteral("layer 1, unit 1: active on 0.0 % of points\n"
                            "dead: never active; gets no gradient"));
    QVERIFY(view.unitDescriptionAt(view.unitCentre(3, 31).toPoint()).contains(u"rarely active"));
    QCOMPARE(view.unitDescriptionAt(view.unitCentre(0, 1).toPoint()), QStringLiteral("input x₂"));
    QVERIFY(view.unitDescriptionAt(view.unitCentre(4, 0).toPoint()).contains(u"1,200")
            || view.unitDescriptionAt(view.unitCentre(4, 0).toPoint()).contains(u"1200"));
    // Between columns, and in a corner: nothing.
    const QPointF between = (view.unitCentre(1, 6) + view.unitCentre(2, 6)) / 2.0;
    QCOMPARE(view.unitDescriptionAt(between.toPoint()), QString());
    QCOMPARE(view.unitDescriptionAt(QPoint(1, 1)), QString());

    // Leaky ReLU: dead by the test, but a gradient still reaches it.
    setRate(*snapshot, 1, 9, 0.0f, true);
    view.showSnapshot(snapshot);
    QCOMPARE(view.unitDescriptionAt(view.unitCentre(2, 9).toPoint()),
             QStringLiteral("layer 2, unit 10: active on 0.0 % of points\n"
                            "dead by the ≤ 0 test, still gets gradient"));
}

void TestNetworkView::tooltipEventShowsTheDescription()
{
    auto snapshot = makeSnapshot({32, 32, 32});
    setRate(*snapshot, 1, 6, 0.123f, false);
    NetworkView view;
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showSnapshot(snapshot);

    const QPoint onUnit = view.unitCentre(2, 6).toPoint();
    QHelpEvent help(QEvent::ToolTip, onUnit, view.mapToGlobal(onUnit));
    QVERIFY(QApplication::sendEvent(&view, &help));
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), QStringLiteral("layer 2, unit 7: active on 12.3 % of points"));

    const QPoint offUnit(2, 2);
    QHelpEvent away(QEvent::ToolTip, offUnit, view.mapToGlobal(offUnit));
    QApplication::sendEvent(&view, &away);
    QTRY_VERIFY(!QToolTip::isVisible());
}

void TestNetworkView::smallNetworksDrawEveryLink_data()
{
    QTest::addColumn<std::vector<int>>("hidden");
    QTest::addColumn<QSize>("size");
    QTest::newRow("reference") << std::vector<int> {32, 32, 32} << QSize(600, 400);
    QTest::newRow("reference, default size") << std::vector<int> {32, 32, 32} << QSize(420, 300);
    QTest::newRow("8 x 8, lab size") << std::vector<int>(8, 8) << QSize(560, 330);
}

// A network whose gaps have room for all its links draws every one (not weaker than a tenth of
// its layer's largest), says nothing is left out, and names every column.
void TestNetworkView::smallNetworksDrawEveryLink()
{
    QFETCH(std::vector<int>, hidden);
    QFETCH(QSize, size);
    const auto snapshot = makeSnapshot(hidden);
    NetworkView view;
    view.resize(size);
    view.showSnapshot(snapshot);
    qsizetype strong = 0;
    qsizetype all = 0;
    for (const relulab::core::LayerLayout &layer : snapshot->layout) {
        const auto begin = snapshot->parameters.begin() + static_cast<std::ptrdiff_t>(layer.weight);
        const auto end = begin + layer.in * layer.out;
        double largest = 0.0;
        for (auto it = begin; it != end; ++it)
            largest = std::max(largest, std::abs(*it));
        strong += std::count_if(begin, end, [&](double w) {
            return std::abs(w) >= NetworkView::MinimumRelativeWeight * largest;
        });
        all += layer.in * layer.out;
    }
    QCOMPARE(view.linkCount(), all);
    QCOMPARE(view.drawnLinkCount(), strong);
    QCOMPARE(view.omissionNote(), QString());
    render(view);
    QCOMPARE(view.accessibleDescription(), QString());
    for (int c = 1; c + 1 < view.columnCount(); ++c) {
        QVERIFY2(view.columnLabel(c).contains(QString::number(c)), qPrintable(view.columnLabel(c)));
        QVERIFY(!view.columnDeadCount(c).isEmpty());
    }
}

void TestNetworkView::deepNetworkDrawsTheStrongestLinks_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<QSize>("size");
    // The lab's network view in a 1360 x 820 window, and the view alone at its default size.
    QTest::newRow("32 x 32, lab size") << 32 << QSize(560, 330);
    QTest::newRow("32 x 128, lab size") << 128 << QSize(560, 330);
    QTest::newRow("32 x 32, default size") << 32 << QSize(420, 300);
}

// 32 hidden layers: each layer keeps the same small number of its strongest links (far fewer than
// it has), the strongest link of all is among them, and the legend and the accessible
// description say how many are shown of how many.
void TestNetworkView::deepNetworkDrawsTheStrongestLinks()
{
    QFETCH(int, width);
    QFETCH(QSize, size);
    auto snapshot = makeSnapshot(std::vector<int>(32, width));
    // One link far stronger than the rest, between layers 10 and 11.
    setWeight(*snapshot, 10, 3, 5, 50.0);
    NetworkView view;
    view.resize(size);
    view.showSnapshot(snapshot);
    const qsizetype all = 2 * width + 31 * width * width + width;
    QCOMPARE(view.linkCount(), all);
    const int drawn = view.drawnLinkCount();
    QVERIFY2(drawn > 0 && drawn * 10 < all, qPrintable(QString::number(drawn)));

    const QString note = view.omissionNote();
    const QLocale locale;
    QVERIFY2(note.startsWith(u"links: the strongest "), qPrintable(note));
    // At most that many of each of the 33 layers of weights: a few per unit, where a layer has
    // width x width.
    bool ok = false;
    const int budget = locale.toInt(note.section(u' ', 3, 3), &ok);
    QVERIFY2(ok && budget >= 1 && budget * 10 < width * width, qPrintable(note));
    QVERIFY(drawn <= 33 * budget);
    QVERIFY2(note.section(u'\n', 0, 0).endsWith(QStringLiteral(" of %1)").arg(locale.toString(all))),
             qPrintable(note));
    const QImage image = render(view);
    QCOMPARE(view.accessibleDescription(), note);

    // The strong link is drawn: blue halfway along it, thick enough to hit.
    const QColor strong = pixel(image, (view.unitCentre(10, 5) + view.unitCentre(11, 3)) / 2.0);
    QVERIFY2(strong.blue() > strong.red() + 60, qPrintable(strong.name()));

    // The note's line is in the legend, which is on screen at this size.
    int grey = 0;
    for (int y = image.height() - 20; y < image.height(); ++y) {
        for (int x = 0; x < image.width() / 2; ++x)
            grey += image.pixelColor(x, y).lightness() < 160;
    }
    QVERIFY2(grey > 30, qPrintable(QString::number(grey)));
}

void TestNetworkView::tiesAtTheBudgetKeepItExactly_data()
{
    QTest::addColumn<int>("width");
    // A budget of about 1 in 30 links (std::nth_element), and of 1 in 500 (a heap).
    QTest::newRow("32 x 32") << 32;
    QTest::newRow("32 x 128") << 128;
}

// Equal weights at the cut: exactly the budget is drawn, as many as the note says.
void TestNetworkView::tiesAtTheBudgetKeepItExactly()
{
    QFETCH(int, width);
    auto snapshot = makeSnapshot(std::vector<int>(32, width));
    zeroWeights(*snapshot);
    // Only layer 5's weights are not zero: all the same but for a few stronger ones.
    const relulab::core::LayerLayout &layer = snapshot->layout[5];
    std::fill_n(snapshot->parameters.begin() + static_cast<std::ptrdiff_t>(layer.weight),
                layer.in * layer.out, 0.5);
    for (int k = 0; k < 5; ++k)
        setWeight(*snapshot, 5, k, k, -2.0);
    NetworkView view;
    view.resize(560, 330);
    view.showSnapshot(snapshot);
    const QString note = view.omissionNote();
    const QString budget = note.section(u' ', 3, 3);
    QVERIFY2(!budget.isEmpty() && budget.toInt() < width * width, qPrintable(note));
    QCOMPARE(view.drawnLinkCount(), budget.toInt());
    const QImage image = render(view);
    // The stronger ones among them: the first, vermillion halfway along.
    const QColor strong = pixel(image, (view.unitCentre(5, 0) + view.unitCentre(6, 0)) / 2.0);
    QVERIFY2(strong.red() > strong.blue() + 60, qPrintable(strong.name()));
    // A new snapshot with other weights: chosen anew.
    auto other = std::make_shared<TrainingSnapshot>(*snapshot);
    zeroWeights(*other);
    setWeight(*other, 7, 1, 2, 1.0);
    view.showSnapshot(other);
    QCOMPARE(view.drawnLinkCount(), 1);
}

void TestNetworkView::columnTextsNeverCollide_data()
{
    QTest::addColumn<std::vector<int>>("hidden");
    QTest::addColumn<QSize>("size");
    for (int depth : {8, 12, 20, 32}) {
        for (int width : {8, 32, 128}) {
            for (QSize size : {QSize(560, 330), QSize(420, 300), QSize(900, 500), QSize(260, 180)})
                QTest::addRow("%d x %d, %dx%d", depth, width, size.width(), size.height())
                        << std::vector<int>(static_cast<std::size_t>(depth), width) << size;
        }
    }
}

// The numbers over the columns and the dead counts under them stay apart at any depth; where
// only every n-th layer is numbered, n is a round 2, 5, 10, ... and the counts are under every
// column or, with a note, under the numbered ones.
void TestNetworkView::columnTextsNeverCollide()
{
    QFETCH(std::vector<int>, hidden);
    QFETCH(QSize, size);
    auto snapshot = makeSnapshot(hidden);
    for (int l = 0; l < static_cast<int>(hidden.size()); ++l) {
        for (int u = 0; u < hidden[static_cast<std::size_t>(l)]; u += 2)
            setRate(*snapshot, l, u, 0.0f, false); // double-digit counts where the layer allows
    }
    NetworkView view;
    view.resize(size);
    view.showSnapshot(snapshot);
    const QFontMetricsF fm(view.font());
    const int last = view.columnCount() - 1;
    for (auto text : {&NetworkView::columnLabel, &NetworkView::columnDeadCount}) {
        double previousRight = -1e9;
        QString previous;
        std::vector<int> shown;
        for (int c = 1; c < last; ++c) {
            const QString t = (view.*text)(c);
            if (t.isEmpty())
                continue;
            const double x = view.unitCentre(c, 0).x();
            const double half = fm.horizontalAdvance(t) / 2.0;
            QVERIFY2(x - half >= previousRight + 2.0,
                     qPrintable(QStringLiteral("\"%1\" and \"%2\" at column %3").arg(previous, t).arg(c)));
            previousRight = x + half;
            previous = t;
            shown.push_back(c);
        }
        QVERIFY(!shown.empty());
        // Numbered columns: every one, or the multiples of a round stride (and perhaps layer 1).
        if (text == &NetworkView::columnLabel && static_cast<int>(shown.size()) < last - 1) {
            const int stride = shown.size() > 1 && shown[0] == 1 ? shown[1] : shown[0];
            QVERIFY2(stride == 2 || stride == 5 || stride == 10 || stride == 20,
                     qPrintable(QString::number(stride)));
            for (int c = 1; c < last; ++c)
                QCOMPARE(!view.columnLabel(c).isEmpty(), c % stride == 0 || (c == 1 && shown[0] == 1));
        }
    }
    bool countsEverywhere = true;
    for (int c = 1; c < last; ++c)
        countsEverywhere = countsEverywhere && !view.columnDeadCount(c).isEmpty();
    // Otherwise a count under each numbered column, and none elsewhere.
    for (int c = 1; c < last && !countsEverywhere; ++c)
        QCOMPARE(view.columnDeadCount(c).isEmpty(), view.columnLabel(c).isEmpty());
    QCOMPARE(view.omissionNote().contains(u"dead counts under numbered layers only"), !countsEverywhere);
}

void TestNetworkView::savePicture_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<std::vector<int>>("hidden");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("getsGradient");
    QTest::addColumn<bool>("diverged");
    QTest::newRow("reference") << QString() << std::vector<int> {32, 32, 32} << QSize(600, 400)
                               << false << false;
    QTest::newRow("leaky, default size") << QStringLiteral("-leaky") << std::vector<int> {16, 16}
                                         << QSize(420, 300) << true << false;
    QTest::newRow("wide") << QStringLiteral("-wide") << std::vector<int>(8, 128) << QSize(600, 400)
                          << false << false;
    QTest::newRow("minimum size") << QStringLiteral("-small") << std::vector<int> {32, 32, 32}
                                  << QSize(160, 120) << false << false;
    QTest::newRow("diverged") << QStringLiteral("-diverged") << std::vector<int> {32, 32, 32}
                              << QSize(600, 400) << false << true;
    QTest::newRow("deep") << QStringLiteral("-deep") << std::vector<int>(32, 32) << QSize(560, 330)
                          << false << false;
    QTest::newRow("deep and wide") << QStringLiteral("-deep-wide") << std::vector<int>(32, 128)
                                   << QSize(560, 330) << false << false;
    QTest::newRow("deep, narrow layers") << QStringLiteral("-deep-narrow") << std::vector<int>(32, 8)
                                         << QSize(560, 330) << false << false;
}

void TestNetworkView::savePicture()
{
    // Every configuration renders and saves; RELULAB_NETWORKVIEW_PNG=path.png keeps the pictures
    // there (and beside it) to look at, otherwise they go to a temporary folder.
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    QString path = qEnvironmentVariable("RELULAB_NETWORKVIEW_PNG");
    if (path.isEmpty())
        path = scratch.filePath(QStringLiteral("networkview.png"));
    QFETCH(QString, suffix);
    QFETCH(std::vector<int>, hidden);
    QFETCH(QSize, size);
    QFETCH(bool, getsGradient);
    QFETCH(bool, diverged);
    path.insert(path.lastIndexOf(QLatin1Char('.')), suffix);

    auto snapshot = makeSnapshot(hidden);
    // Rates spread like a half-trained ReLU network: a few dead, a few barely alive.
    std::uint32_t state = 12345;
    const auto layers = static_cast<int>(hidden.size());
    for (int l = 0; l < layers; ++l) {
        for (int u = 0; u < hidden[static_cast<std::size_t>(l)]; ++u) {
            state = state * 1664525u + 1013904223u;
            const float rate = static_cast<float>(state >> 8) / static_cast<float>(1u << 24);
            setRate(*snapshot, l, u, rate, getsGradient);
            state = state * 1664525u + 1013904223u;
            if (state % 100 < 8)
                setRate(*snapshot, l, u, 0.0f, getsGradient);
            else if (state % 100 < 12)
                setRate(*snapshot, l, u, 0.02f, getsGradient);
        }
    }
    snapshot->measurement.diverged = diverged;
    NetworkView view;
    view.resize(size);
    view.showSnapshot(snapshot);
    QVERIFY(render(view).save(path));
}

QTEST_MAIN(TestNetworkView)
#include "tst_networkview.moc"
