// ParameterModel: PyTorch's defaults, clamping, the per-function alphas, RReLU's coupled bounds and
// the signals the widgets and the curve service rely on.

#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <functional>
#include <limits>

#include "app/parametermodel.h"
#include "common/fuzzycompare.h"

using relulab::app::ParameterModel;
using relulab::core::Activation;
using relulab::core::RreluMode;
using Real = ParameterModel::Real;

namespace {

using Action = std::function<void(ParameterModel &)>;

constexpr double Nan = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

constexpr Real AllReals[] = {Real::LeakySlope, Real::PreluWeight, Real::EluAlpha, Real::RreluLower,
                             Real::RreluUpper, Real::XMin,        Real::XMax};

QByteArray nameOf(Real parameter)
{
    return QByteArray(QMetaEnum::fromType<Real>().valueToKey(static_cast<int>(parameter)));
}

QByteArray nameOf(Activation kind)
{
    return QByteArray(relulab::core::activationInfo(kind).cliName.data(),
                      static_cast<qsizetype>(relulab::core::activationInfo(kind).cliName.size()));
}

// Every setter with a value that differs from the default, so a reset has something to undo.
void moveEverythingAwayFromDefaults(ParameterModel &model)
{
    model.setSelectedActivation(Activation::Elu);
    model.setOverlay(Activation::Relu, true);
    model.setOverlay(Activation::Elu, true); // the selected one: ticked but not an overlay
    model.setOverlay(Activation::Tanh, true);
    model.setValue(Real::LeakySlope, 0.3);
    model.setValue(Real::PreluWeight, -0.5);
    model.setValue(Real::EluAlpha, 2.5);
    model.setValue(Real::XMin, -10.0);
    model.setValue(Real::XMax, 0.5);
    model.setRreluMode(RreluMode::Training);
    model.setRreluSeed(12345);
    model.setSamples(77);
}

// The arguments of one valueChanged or boundPushed emission.
struct RealSignal
{
    Real parameter;
    double value;
};

RealSignal realSignal(const QList<QVariant> &arguments)
{
    return {arguments.at(0).value<Real>(), arguments.at(1).toDouble()};
}

} // namespace

Q_DECLARE_METATYPE(Action)

class TestParameterModel : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void rangesHoldTheirDefaults_data();
    void rangesHoldTheirDefaults();
    void setValueClamps_data();
    void setValueClamps();
    void setValueIgnoresNonFinite_data();
    void setValueIgnoresNonFinite();
    void alphaParameterMapping_data();
    void alphaParameterMapping();
    void eachFunctionKeepsItsOwnAlpha();
    void lowerPushesUpper();
    void upperPushesLower();
    void clampedLowerPushesUpperToTheClampedValue();
    void orderedBoundsDoNotPush_data();
    void orderedBoundsDoNotPush();
    void changedOncePerEffectiveChange_data();
    void changedOncePerEffectiveChange();
    void specificSignalsCarryTheStoredValue();
    void overlaysExcludeSelectedAndKeepEnumOrder();
    void setSamplesClamps_data();
    void setSamplesClamps();
    void curveSpecReflectsEverything();
    void resetToDefaults_data();
    void resetToDefaults();
    void resetFromDefaultsIsSilent();
    void rreluSeedAndResample();
};

void TestParameterModel::defaults()
{
    const ParameterModel model;
    QCOMPARE(model.selectedActivation(), Activation::Relu);
    QVERIFY(model.overlays().isEmpty());
    for (const relulab::core::ActivationInfo &info : relulab::core::allActivations())
        QVERIFY2(!model.isOverlay(info.kind), nameOf(info.kind).constData());
    // Exact: these are PyTorch's constants, and 1/8, 1/3 must not have been rounded to 0.125,
    // 0.333 somewhere on the way.
    RELULAB_COMPARE_EXACT(model.value(Real::LeakySlope), 0.01);
    RELULAB_COMPARE_EXACT(model.value(Real::PreluWeight), 0.25);
    RELULAB_COMPARE_EXACT(model.value(Real::EluAlpha), 1.0);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluLower), 1.0 / 8.0);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluUpper), 1.0 / 3.0);
    RELULAB_COMPARE_EXACT(model.value(Real::XMin), -3.0);
    RELULAB_COMPARE_EXACT(model.value(Real::XMax), 3.0);
    QCOMPARE(model.rreluMode(), RreluMode::Evaluation);
    QCOMPARE(model.rreluSeed(), quint64(0));
    QCOMPARE(model.samples(), 1001);
    QCOMPARE(ParameterModel::DefaultSamples, 1001);

    const relulab::core::ActivationParams &params = model.activationParams();
    RELULAB_COMPARE_EXACT(params.leakySlope, 0.01);
    RELULAB_COMPARE_EXACT(params.preluWeight, 0.25);
    RELULAB_COMPARE_EXACT(params.eluAlpha, 1.0);
    RELULAB_COMPARE_EXACT(params.rreluLower, 1.0 / 8.0);
    RELULAB_COMPARE_EXACT(params.rreluUpper, 1.0 / 3.0);
    QCOMPARE(params.rreluMode, RreluMode::Evaluation);
    QCOMPARE(params.rreluSeed, std::uint64_t(0));
}

void TestParameterModel::rangesHoldTheirDefaults_data()
{
    QTest::addColumn<Real>("parameter");
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<double>("defaultValue");

    QTest::newRow("LeakySlope") << Real::LeakySlope << 0.0 << 1.0 << 0.01;
    // A learned PReLU weight may be negative.
    QTest::newRow("PreluWeight") << Real::PreluWeight << -1.0 << 2.0 << 0.25;
    QTest::newRow("EluAlpha") << Real::EluAlpha << 0.0 << 3.0 << 1.0;
    QTest::newRow("RreluLower") << Real::RreluLower << 0.0 << 1.0 << 1.0 / 8.0;
    QTest::newRow("RreluUpper") << Real::RreluUpper << 0.0 << 1.0 << 1.0 / 3.0;
    // x = 0 must stay inside every range the user can choose.
    QTest::newRow("XMin") << Real::XMin << -50.0 << -0.1 << -3.0;
    QTest::newRow("XMax") << Real::XMax << 0.1 << 50.0 << 3.0;
}

void TestParameterModel::rangesHoldTheirDefaults()
{
    QFETCH(Real, parameter);
    QFETCH(double, minimum);
    QFETCH(double, maximum);
    QFETCH(double, defaultValue);

    const ParameterModel::Range r = ParameterModel::range(parameter);
    RELULAB_COMPARE_EXACT(r.minimum, minimum);
    RELULAB_COMPARE_EXACT(r.maximum, maximum);
    RELULAB_COMPARE_EXACT(r.defaultValue, defaultValue);
    QVERIFY(r.step > 0.0);
    QVERIFY(r.step < r.maximum - r.minimum);
    QVERIFY(r.decimals >= 1);
    RELULAB_COMPARE_EXACT(ParameterModel().value(parameter), defaultValue);
}

void TestParameterModel::setValueClamps_data()
{
    QTest::addColumn<Real>("parameter");
    QTest::addColumn<double>("input");
    QTest::addColumn<double>("expected");

    QTest::newRow("leaky inside") << Real::LeakySlope << 0.3 << 0.3;
    QTest::newRow("leaky minimum") << Real::LeakySlope << 0.0 << 0.0;
    QTest::newRow("leaky maximum") << Real::LeakySlope << 1.0 << 1.0;
    QTest::newRow("leaky below") << Real::LeakySlope << -0.5 << 0.0;
    QTest::newRow("leaky tiny negative") << Real::LeakySlope << -1e-300 << 0.0;
    QTest::newRow("leaky above") << Real::LeakySlope << 2.0 << 1.0;
    QTest::newRow("leaky huge") << Real::LeakySlope << 1e308 << 1.0;
    QTest::newRow("prelu negative inside") << Real::PreluWeight << -0.75 << -0.75;
    QTest::newRow("prelu below") << Real::PreluWeight << -3.0 << -1.0;
    QTest::newRow("prelu above") << Real::PreluWeight << 5.0 << 2.0;
    QTest::newRow("elu inside") << Real::EluAlpha << 2.0 << 2.0;
    QTest::newRow("elu below") << Real::EluAlpha << -1.0 << 0.0;
    QTest::newRow("elu above") << Real::EluAlpha << 4.0 << 3.0;
    QTest::newRow("lower below") << Real::RreluLower << -0.2 << 0.0;
    QTest::newRow("upper above") << Real::RreluUpper << 1.5 << 1.0;
    QTest::newRow("xmin inside") << Real::XMin << -7.5 << -7.5;
    QTest::newRow("xmin below") << Real::XMin << -100.0 << -50.0;
    QTest::newRow("xmin zero") << Real::XMin << 0.0 << -0.1;
    QTest::newRow("xmin positive") << Real::XMin << 2.0 << -0.1;
    QTest::newRow("xmin lowest double") << Real::XMin << -std::numeric_limits<double>::max() << -50.0;
    QTest::newRow("xmax inside") << Real::XMax << 12.5 << 12.5;
    QTest::newRow("xmax zero") << Real::XMax << 0.0 << 0.1;
    QTest::newRow("xmax negative") << Real::XMax << -5.0 << 0.1;
    QTest::newRow("xmax above") << Real::XMax << 100.0 << 50.0;
}

void TestParameterModel::setValueClamps()
{
    QFETCH(Real, parameter);
    QFETCH(double, input);
    QFETCH(double, expected);

    ParameterModel model;
    QSignalSpy valueSpy(&model, &ParameterModel::valueChanged);
    model.setValue(parameter, input);
    RELULAB_COMPARE_EXACT(model.value(parameter), expected);
    // The signal carries what was stored, not what was asked for.
    QCOMPARE(valueSpy.size(), 1);
    const RealSignal emitted = realSignal(valueSpy.at(0));
    QCOMPARE(emitted.parameter, parameter);
    RELULAB_COMPARE_EXACT(emitted.value, expected);
}

void TestParameterModel::setValueIgnoresNonFinite_data()
{
    QTest::addColumn<Real>("parameter");
    QTest::addColumn<double>("input");

    for (Real parameter : AllReals) {
        const QByteArray name = nameOf(parameter);
        QTest::newRow((name + " nan").constData()) << parameter << Nan;
        QTest::newRow((name + " -nan").constData()) << parameter << -Nan;
        QTest::newRow((name + " inf").constData()) << parameter << Inf;
        QTest::newRow((name + " -inf").constData()) << parameter << -Inf;
    }
}

void TestParameterModel::setValueIgnoresNonFinite()
{
    QFETCH(Real, parameter);
    QFETCH(double, input);

    ParameterModel model;
    // Away from the default, so that "clamped to the range's default" would also be caught.
    model.setValue(parameter, parameter == Real::XMin ? -1.5 : parameter == Real::XMax ? 1.5 : 0.2);
    const double before = model.value(parameter);
    const relulab::core::CurveSpec specBefore = model.curveSpec();
    QSignalSpy changedSpy(&model, &ParameterModel::changed);
    QSignalSpy valueSpy(&model, &ParameterModel::valueChanged);
    QSignalSpy pushedSpy(&model, &ParameterModel::boundPushed);

    model.setValue(parameter, input);
    RELULAB_COMPARE_EXACT(model.value(parameter), before);
    QVERIFY(model.curveSpec() == specBefore);
    QCOMPARE(changedSpy.size(), 0);
    QCOMPARE(valueSpy.size(), 0);
    QCOMPARE(pushedSpy.size(), 0);
}

void TestParameterModel::alphaParameterMapping_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<int>("expected"); // a Real, or -1 for none

    for (const relulab::core::ActivationInfo &info : relulab::core::allActivations()) {
        int expected = -1;
        if (info.kind == Activation::LeakyRelu)
            expected = static_cast<int>(Real::LeakySlope);
        else if (info.kind == Activation::Prelu)
            expected = static_cast<int>(Real::PreluWeight);
        else if (info.kind == Activation::Elu)
            expected = static_cast<int>(Real::EluAlpha);
        QTest::newRow(nameOf(info.kind).constData()) << info.kind << expected;
    }
}

void TestParameterModel::alphaParameterMapping()
{
    QFETCH(Activation, kind);
    QFETCH(int, expected);

    const std::optional<Real> alpha = ParameterModel::alphaParameter(kind);
    QCOMPARE(alpha.has_value(), expected >= 0);
    // The core's table says the same, so the UI and the command line agree on who has an alpha.
    QCOMPARE(alpha.has_value(), relulab::core::activationInfo(kind).hasAlpha);
    if (alpha)
        QCOMPARE(static_cast<int>(*alpha), expected);
}

void TestParameterModel::eachFunctionKeepsItsOwnAlpha()
{
    ParameterModel model;
    const struct
    {
        Activation kind;
        double alpha;
    } choices[] = {{Activation::LeakyRelu, 0.2}, {Activation::Prelu, -0.4}, {Activation::Elu, 2.5}};
    // What a shared alpha slider does: select a function, set the alpha of the selected one.
    for (const auto &choice : choices) {
        model.setSelectedActivation(choice.kind);
        model.setValue(*ParameterModel::alphaParameter(model.selectedActivation()), choice.alpha);
    }
    for (const auto &choice : choices) {
        model.setSelectedActivation(choice.kind);
        const Real alpha = *ParameterModel::alphaParameter(model.selectedActivation());
        RELULAB_COMPARE_EXACT(model.value(alpha), choice.alpha);
        RELULAB_COMPARE_EXACT(relulab::core::alphaOf(choice.kind, model.curveSpec().params),
                              choice.alpha);
    }
    RELULAB_COMPARE_EXACT(model.activationParams().leakySlope, 0.2);
    RELULAB_COMPARE_EXACT(model.activationParams().preluWeight, -0.4);
    RELULAB_COMPARE_EXACT(model.activationParams().eluAlpha, 2.5);
    // RReLU has no alpha: its bounds are untouched by all of the above.
    RELULAB_COMPARE_EXACT(model.value(Real::RreluLower), 1.0 / 8.0);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluUpper), 1.0 / 3.0);
}

void TestParameterModel::lowerPushesUpper()
{
    ParameterModel model;
    model.setValue(Real::RreluUpper, 0.4);
    QSignalSpy valueSpy(&model, &ParameterModel::valueChanged);
    QSignalSpy pushedSpy(&model, &ParameterModel::boundPushed);
    QSignalSpy changedSpy(&model, &ParameterModel::changed);

    model.setValue(Real::RreluLower, 0.6);

    RELULAB_COMPARE_EXACT(model.value(Real::RreluLower), 0.6);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluUpper), 0.6);
    QCOMPARE(pushedSpy.size(), 1);
    const RealSignal pushed = realSignal(pushedSpy.at(0));
    QCOMPARE(pushed.parameter, Real::RreluUpper);
    RELULAB_COMPARE_EXACT(pushed.value, 0.6);
    // Both bounds announce their new value, so both widgets follow.
    QCOMPARE(valueSpy.size(), 2);
    const RealSignal first = realSignal(valueSpy.at(0));
    const RealSignal second = realSignal(valueSpy.at(1));
    QCOMPARE(first.parameter, Real::RreluLower);
    RELULAB_COMPARE_EXACT(first.value, 0.6);
    QCOMPARE(second.parameter, Real::RreluUpper);
    RELULAB_COMPARE_EXACT(second.value, 0.6);
    QCOMPARE(changedSpy.size(), 1);
}

void TestParameterModel::upperPushesLower()
{
    ParameterModel model;
    model.setValue(Real::RreluLower, 0.3);
    QSignalSpy valueSpy(&model, &ParameterModel::valueChanged);
    QSignalSpy pushedSpy(&model, &ParameterModel::boundPushed);
    QSignalSpy changedSpy(&model, &ParameterModel::changed);

    model.setValue(Real::RreluUpper, 0.1);

    RELULAB_COMPARE_EXACT(model.value(Real::RreluUpper), 0.1);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluLower), 0.1);
    QCOMPARE(pushedSpy.size(), 1);
    const RealSignal pushed = realSignal(pushedSpy.at(0));
    QCOMPARE(pushed.parameter, Real::RreluLower);
    RELULAB_COMPARE_EXACT(pushed.value, 0.1);
    QCOMPARE(valueSpy.size(), 2);
    const RealSignal first = realSignal(valueSpy.at(0));
    const RealSignal second = realSignal(valueSpy.at(1));
    QCOMPARE(first.parameter, Real::RreluUpper);
    RELULAB_COMPARE_EXACT(first.value, 0.1);
    QCOMPARE(second.parameter, Real::RreluLower);
    RELULAB_COMPARE_EXACT(second.value, 0.1);
    QCOMPARE(changedSpy.size(), 1);
}

void TestParameterModel::clampedLowerPushesUpperToTheClampedValue()
{
    ParameterModel model;
    QSignalSpy pushedSpy(&model, &ParameterModel::boundPushed);
    model.setValue(Real::RreluLower, 7.0);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluLower), 1.0);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluUpper), 1.0);
    QCOMPARE(pushedSpy.size(), 1);
    RELULAB_COMPARE_EXACT(realSignal(pushedSpy.at(0)).value, 1.0);

    model.setValue(Real::RreluUpper, -7.0);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluUpper), 0.0);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluLower), 0.0);
    QCOMPARE(pushedSpy.size(), 2);
    QCOMPARE(realSignal(pushedSpy.at(1)).parameter, Real::RreluLower);
    RELULAB_COMPARE_EXACT(realSignal(pushedSpy.at(1)).value, 0.0);
}

void TestParameterModel::orderedBoundsDoNotPush_data()
{
    QTest::addColumn<Real>("parameter");
    QTest::addColumn<double>("input");
    QTest::addColumn<double>("otherExpected");

    QTest::newRow("lower below upper") << Real::RreluLower << 0.2 << 1.0 / 3.0;
    QTest::newRow("lower equal to upper") << Real::RreluLower << 1.0 / 3.0 << 1.0 / 3.0;
    QTest::newRow("lower to zero") << Real::RreluLower << 0.0 << 1.0 / 3.0;
    QTest::newRow("upper above lower") << Real::RreluUpper << 0.9 << 1.0 / 8.0;
    QTest::newRow("upper equal to lower") << Real::RreluUpper << 1.0 / 8.0 << 1.0 / 8.0;
}

void TestParameterModel::orderedBoundsDoNotPush()
{
    QFETCH(Real, parameter);
    QFETCH(double, input);
    QFETCH(double, otherExpected);

    ParameterModel model;
    QSignalSpy pushedSpy(&model, &ParameterModel::boundPushed);
    QSignalSpy valueSpy(&model, &ParameterModel::valueChanged);
    model.setValue(parameter, input);
    const Real other = parameter == Real::RreluLower ? Real::RreluUpper : Real::RreluLower;
    RELULAB_COMPARE_EXACT(model.value(parameter), input);
    RELULAB_COMPARE_EXACT(model.value(other), otherExpected);
    QCOMPARE(pushedSpy.size(), 0);
    QCOMPARE(valueSpy.size(), 1);
}

void TestParameterModel::changedOncePerEffectiveChange_data()
{
    QTest::addColumn<Action>("action");
    QTest::addColumn<int>("changesFirst");
    // Doing the same thing again: a no-op for every setter, a new seed for resampleRrelu.
    QTest::addColumn<int>("changesRepeated");

    const auto row = [](const char *name, Action action, int first, int repeated) {
        QTest::newRow(name) << std::move(action) << first << repeated;
    };
    row(
            "select elu", [](ParameterModel &m) { m.setSelectedActivation(Activation::Elu); }, 1, 0);
    row(
            "select relu (default)",
            [](ParameterModel &m) { m.setSelectedActivation(Activation::Relu); }, 0, 0);
    row(
            "tick gelu", [](ParameterModel &m) { m.setOverlay(Activation::Gelu, true); }, 1, 0);
    row(
            "untick unticked", [](ParameterModel &m) { m.setOverlay(Activation::Gelu, false); }, 0, 0);
    row(
            "leaky slope", [](ParameterModel &m) { m.setValue(Real::LeakySlope, 0.5); }, 1, 0);
    row(
            "leaky slope to its value",
            [](ParameterModel &m) { m.setValue(Real::LeakySlope, 0.01); }, 0, 0);
    row(
            "leaky slope clamped", [](ParameterModel &m) { m.setValue(Real::LeakySlope, 9.0); }, 1, 0);
    row(
            "xmin clamped to the same value",
            [](ParameterModel &m) {
                m.setValue(Real::XMin, -60.0);
                m.setValue(Real::XMin, -70.0);
            },
            1, 0);
    row(
            "lower pushing upper", [](ParameterModel &m) { m.setValue(Real::RreluLower, 0.8); }, 1, 0);
    row(
            "upper pushing lower", [](ParameterModel &m) { m.setValue(Real::RreluUpper, 0.05); }, 1, 0);
    row(
            "nan", [](ParameterModel &m) { m.setValue(Real::EluAlpha, Nan); }, 0, 0);
    row(
            "mode train", [](ParameterModel &m) { m.setRreluMode(RreluMode::Training); }, 1, 0);
    row(
            "mode eval (default)", [](ParameterModel &m) { m.setRreluMode(RreluMode::Evaluation); },
            0, 0);
    row(
            "seed", [](ParameterModel &m) { m.setRreluSeed(99); }, 1, 0);
    row(
            "seed (default)", [](ParameterModel &m) { m.setRreluSeed(0); }, 0, 0);
    row(
            "resample", [](ParameterModel &m) { m.resampleRrelu(); }, 1, 1);
    row(
            "samples", [](ParameterModel &m) { m.setSamples(501); }, 1, 0);
    row(
            "samples (default)", [](ParameterModel &m) { m.setSamples(1001); }, 0, 0);
    row(
            "samples clamped", [](ParameterModel &m) { m.setSamples(3); }, 1, 0);
}

void TestParameterModel::changedOncePerEffectiveChange()
{
    QFETCH(Action, action);
    QFETCH(int, changesFirst);
    QFETCH(int, changesRepeated);

    ParameterModel model;
    QSignalSpy changedSpy(&model, &ParameterModel::changed);
    action(model);
    QCOMPARE(changedSpy.size(), changesFirst);
    action(model);
    QCOMPARE(changedSpy.size(), changesFirst + changesRepeated);
}

void TestParameterModel::specificSignalsCarryTheStoredValue()
{
    ParameterModel model;
    QSignalSpy selectedSpy(&model, &ParameterModel::selectedActivationChanged);
    QSignalSpy overlaysSpy(&model, &ParameterModel::overlaysChanged);
    QSignalSpy modeSpy(&model, &ParameterModel::rreluModeChanged);
    QSignalSpy seedSpy(&model, &ParameterModel::rreluSeedChanged);
    QSignalSpy samplesSpy(&model, &ParameterModel::samplesChanged);
    QSignalSpy changedSpy(&model, &ParameterModel::changed);

    model.setSelectedActivation(Activation::Mish);
    QCOMPARE(selectedSpy.size(), 1);
    QCOMPARE(selectedSpy.at(0).at(0).value<Activation>(), Activation::Mish);

    model.setOverlay(Activation::Sigmoid, true);
    model.setOverlay(Activation::Sigmoid, false);
    QCOMPARE(overlaysSpy.size(), 2);

    model.setRreluMode(RreluMode::Training);
    QCOMPARE(modeSpy.size(), 1);
    QCOMPARE(modeSpy.at(0).at(0).value<RreluMode>(), RreluMode::Training);

    model.setRreluSeed(std::numeric_limits<quint64>::max());
    QCOMPARE(seedSpy.size(), 1);
    QCOMPARE(seedSpy.at(0).at(0).value<quint64>(), std::numeric_limits<quint64>::max());

    model.setSamples(2'000'000);
    QCOMPARE(samplesSpy.size(), 1);
    QCOMPARE(samplesSpy.at(0).at(0).toInt(), ParameterModel::MaxSamples);

    // One `changed` per effective change above, no more.
    QCOMPARE(changedSpy.size(), 6);
}

void TestParameterModel::overlaysExcludeSelectedAndKeepEnumOrder()
{
    ParameterModel model;
    QSignalSpy overlaysSpy(&model, &ParameterModel::overlaysChanged);
    // Ticked out of order on purpose: the result follows the enum, not the clicks.
    for (Activation kind : {Activation::Tanh, Activation::Gelu, Activation::LeakyRelu,
                            Activation::Relu, Activation::Softplus})
        model.setOverlay(kind, true);
    QCOMPARE(overlaysSpy.size(), 5);

    // Relu is selected (the default), so it is not an overlay although ticked.
    QCOMPARE(model.overlays(),
             (QList<Activation> {Activation::LeakyRelu, Activation::Gelu, Activation::Softplus,
                                 Activation::Tanh}));
    QVERIFY(model.isOverlay(Activation::Relu));

    model.setSelectedActivation(Activation::Gelu);
    QCOMPARE(model.overlays(),
             (QList<Activation> {Activation::Relu, Activation::LeakyRelu, Activation::Softplus,
                                 Activation::Tanh}));

    // An unticked selected function does not appear either, and unticking removes exactly one.
    model.setOverlay(Activation::LeakyRelu, false);
    QCOMPARE(model.overlays(),
             (QList<Activation> {Activation::Relu, Activation::Softplus, Activation::Tanh}));
    QVERIFY(!model.isOverlay(Activation::LeakyRelu));
    QVERIFY(model.isOverlay(Activation::Gelu));

    // Selecting another function gives the earlier selection its place back.
    model.setSelectedActivation(Activation::Elu);
    QCOMPARE(model.overlays(),
             (QList<Activation> {Activation::Relu, Activation::Gelu, Activation::Softplus,
                                 Activation::Tanh}));
}

void TestParameterModel::setSamplesClamps_data()
{
    QTest::addColumn<int>("input");
    QTest::addColumn<int>("expected");

    QTest::newRow("int min") << std::numeric_limits<int>::min() << 11;
    QTest::newRow("negative") << -1 << 11;
    QTest::newRow("zero") << 0 << 11;
    QTest::newRow("core minimum 2") << 2 << 11;
    QTest::newRow("10") << 10 << 11;
    QTest::newRow("11") << 11 << 11;
    QTest::newRow("12") << 12 << 12;
    QTest::newRow("even") << 1000 << 1000;
    QTest::newRow("100001") << 100'001 << 100'001;
    QTest::newRow("100002") << 100'002 << 100'001;
    QTest::newRow("int max") << std::numeric_limits<int>::max() << 100'001;
}

void TestParameterModel::setSamplesClamps()
{
    QFETCH(int, input);
    QFETCH(int, expected);

    ParameterModel model;
    model.setSamples(input);
    QCOMPARE(model.samples(), expected);
    QCOMPARE(model.curveSpec().samples, static_cast<std::size_t>(expected));
}

void TestParameterModel::curveSpecReflectsEverything()
{
    ParameterModel model;
    model.setSelectedActivation(Activation::Rrelu);
    model.setValue(Real::LeakySlope, 0.125);
    model.setValue(Real::PreluWeight, 1.5);
    model.setValue(Real::EluAlpha, 0.75);
    model.setValue(Real::RreluUpper, 0.9);
    model.setValue(Real::RreluLower, 0.4);
    model.setRreluMode(RreluMode::Training);
    model.setRreluSeed(31337);
    model.setValue(Real::XMin, -12.5);
    model.setValue(Real::XMax, 4.5);
    model.setSamples(2048);

    const relulab::core::CurveSpec spec = model.curveSpec();
    QCOMPARE(spec.kind, Activation::Rrelu);
    RELULAB_COMPARE_EXACT(spec.params.leakySlope, 0.125);
    RELULAB_COMPARE_EXACT(spec.params.preluWeight, 1.5);
    RELULAB_COMPARE_EXACT(spec.params.eluAlpha, 0.75);
    RELULAB_COMPARE_EXACT(spec.params.rreluLower, 0.4);
    RELULAB_COMPARE_EXACT(spec.params.rreluUpper, 0.9);
    QCOMPARE(spec.params.rreluMode, RreluMode::Training);
    QCOMPARE(spec.params.rreluSeed, std::uint64_t(31337));
    RELULAB_COMPARE_EXACT(spec.xMin, -12.5);
    RELULAB_COMPARE_EXACT(spec.xMax, 4.5);
    QCOMPARE(spec.samples, std::size_t(2048));
    QVERIFY(spec.params == model.activationParams());

    // Overlays are not part of the spec: ticking one leaves it as it was.
    model.setOverlay(Activation::Tanh, true);
    QVERIFY(model.curveSpec() == spec);
}

void TestParameterModel::resetToDefaults_data()
{
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");

    // Both bounds above the default upper: setting lower first would be pushed back up.
    QTest::newRow("both high") << 0.9 << 0.95;
    // Both bounds below the default lower: setting upper first must not keep the low lower.
    QTest::newRow("both low") << 0.0 << 0.05;
    QTest::newRow("both zero") << 0.0 << 0.0;
    QTest::newRow("both one") << 1.0 << 1.0;
    QTest::newRow("straddling defaults") << 0.2 << 0.25;
    QTest::newRow("wide") << 0.0 << 1.0;
}

void TestParameterModel::resetToDefaults()
{
    QFETCH(double, lower);
    QFETCH(double, upper);

    ParameterModel model;
    moveEverythingAwayFromDefaults(model);
    model.setValue(Real::RreluUpper, 1.0);
    model.setValue(Real::RreluLower, lower);
    model.setValue(Real::RreluUpper, upper);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluLower), lower);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluUpper), upper);

    QSignalSpy changedSpy(&model, &ParameterModel::changed);
    QSignalSpy pushedSpy(&model, &ParameterModel::boundPushed);
    model.resetToDefaults();

    const ParameterModel fresh;
    QVERIFY(model.curveSpec() == fresh.curveSpec());
    QCOMPARE(model.selectedActivation(), Activation::Relu);
    for (Real parameter : AllReals)
        QVERIFY2(model.value(parameter) == fresh.value(parameter), nameOf(parameter).constData());
    RELULAB_COMPARE_EXACT(model.value(Real::RreluLower), 1.0 / 8.0);
    RELULAB_COMPARE_EXACT(model.value(Real::RreluUpper), 1.0 / 3.0);
    QCOMPARE(model.rreluMode(), RreluMode::Evaluation);
    QCOMPARE(model.rreluSeed(), quint64(0));
    QCOMPARE(model.samples(), 1001);
    QVERIFY(model.overlays().isEmpty());
    // Also the ticked-but-selected one, which overlays() hides.
    for (const relulab::core::ActivationInfo &info : relulab::core::allActivations())
        QVERIFY2(!model.isOverlay(info.kind), nameOf(info.kind).constData());
    QVERIFY(changedSpy.size() > 0);
    // The user asked for the defaults, not for one bound to push the other.
    QCOMPARE(pushedSpy.size(), 0);
}

void TestParameterModel::resetFromDefaultsIsSilent()
{
    ParameterModel model;
    QSignalSpy changedSpy(&model, &ParameterModel::changed);
    QSignalSpy pushedSpy(&model, &ParameterModel::boundPushed);
    model.resetToDefaults();
    QCOMPARE(changedSpy.size(), 0);
    QCOMPARE(pushedSpy.size(), 0);
}

void TestParameterModel::rreluSeedAndResample()
{
    ParameterModel model;
    QSignalSpy seedSpy(&model, &ParameterModel::rreluSeedChanged);
    model.setRreluSeed(42);
    QCOMPARE(model.rreluSeed(), quint64(42));
    QCOMPARE(model.curveSpec().params.rreluSeed, std::uint64_t(42));

    model.resampleRrelu();
    QCOMPARE(model.rreluSeed(), quint64(43));
    model.resampleRrelu();
    QCOMPARE(model.rreluSeed(), quint64(44));
    QCOMPARE(model.curveSpec().params.rreluSeed, std::uint64_t(44));
    QCOMPARE(seedSpy.size(), 3);
    QCOMPARE(seedSpy.at(1).at(0).value<quint64>(), quint64(43));
    QCOMPARE(seedSpy.at(2).at(0).value<quint64>(), quint64(44));

    // The last seed wraps to 0 rather than sticking, so resampling always gives new slopes.
    model.setRreluSeed(std::numeric_limits<quint64>::max());
    model.resampleRrelu();
    QCOMPARE(model.rreluSeed(), quint64(0));
    QCOMPARE(seedSpy.size(), 5);

    // Resampling touches nothing but the seed.
    const ParameterModel fresh;
    relulab::core::CurveSpec expected = fresh.curveSpec();
    model.resampleRrelu();
    expected.params.rreluSeed = 1;
    QVERIFY(model.curveSpec() == expected);
}

QTEST_GUILESS_MAIN(TestParameterModel)
#include "tst_parametermodel.moc"
