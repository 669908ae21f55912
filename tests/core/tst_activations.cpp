// Tests of src/core/activations.h against reference-spec.md section 1.
//
// The expected values in the _data tables are not computed by the code under test: they are the
// output of tests/core/reference_values.py, which writes each function straight from its PyTorch
// definition. Regenerate them with `python3 tests/core/reference_values.py activations`.

#include <QObject>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "common/fuzzycompare.h"
#include "core/activations.h"

namespace core = relulab::core;
using core::Activation;
using core::ActivationParams;
using core::RreluMode;
using relulab::test::Tolerance;

Q_DECLARE_METATYPE(relulab::core::Activation)
Q_DECLARE_METATYPE(relulab::core::ActivationParams)

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// The parameters the tables use that differ from PyTorch's defaults.
constexpr double OtherLeakySlope = 0.2;
constexpr double OtherPreluWeight = -0.5;
constexpr double OtherEluAlpha = 2.0;
constexpr double OtherRreluLower = 0.1;
constexpr double OtherRreluUpper = 0.4;

using relulab::test::describe;
using relulab::test::identical;

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

void addValueColumns()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("derivative");
}

// Checks f and f' at one row, and evaluate() for the same function and parameters.
#define CHECK_ROW(f, df, kind, params)                                                             \
    do {                                                                                           \
        RELULAB_FUZZY_COMPARE(f, value);                                                           \
        RELULAB_FUZZY_COMPARE(df, derivative);                                                     \
        const core::ValueAndDerivative dispatched = core::evaluate(kind, x, params);               \
        RELULAB_FUZZY_COMPARE(dispatched.value, value);                                            \
        RELULAB_FUZZY_COMPARE(dispatched.derivative, derivative);                                  \
    } while (false)

// The piecewise-linear family follows PyTorch's sign of zero too (relu(-0.0) is -0.0), so for
// those a zero result must carry the expected sign.
#define CHECK_SIGN_OF_ZERO(f)                                                                      \
    do {                                                                                           \
        if (value == 0.0)                                                                          \
            QCOMPARE(std::signbit(f), std::signbit(value));                                        \
    } while (false)

// Every function through one switch, for the float instantiations, with PyTorch's defaults.
template<class T>
std::array<T, 2> evaluateAs(Activation kind, T x)
{
    switch (kind) {
    case Activation::Relu:
        return {core::relu(x), core::reluDerivative(x)};
    case Activation::LeakyRelu:
        return {core::leakyRelu(x, T(core::DefaultLeakySlope)),
                core::leakyReluDerivative(x, T(core::DefaultLeakySlope))};
    case Activation::Prelu:
        return {core::leakyRelu(x, T(core::DefaultPreluWeight)),
                core::leakyReluDerivative(x, T(core::DefaultPreluWeight))};
    case Activation::Rrelu: {
        const auto slope =
                T(core::rreluEvaluationSlope(core::DefaultRreluLower, core::DefaultRreluUpper));
        return {core::leakyRelu(x, slope), core::leakyReluDerivative(x, slope)};
    }
    case Activation::Elu:
        return {core::elu(x, T(core::DefaultEluAlpha)),
                core::eluDerivative(x, T(core::DefaultEluAlpha))};
    case Activation::Gelu:
        return {core::gelu(x), core::geluDerivative(x)};
    case Activation::GeluTanh:
        return {core::geluTanh(x), core::geluTanhDerivative(x)};
    case Activation::Silu:
        return {core::silu(x), core::siluDerivative(x)};
    case Activation::Mish:
        return {core::mish(x), core::mishDerivative(x)};
    case Activation::Softplus:
        return {core::softplus(x), core::softplusDerivative(x)};
    case Activation::Sigmoid:
        return {core::sigmoid(x), core::sigmoidDerivative(x)};
    case Activation::Tanh:
        return {core::tanhActivation(x), core::tanhDerivative(x)};
    }
    return {T(NaN), T(NaN)};
}

ActivationParams defaultParams()
{
    return {};
}

ActivationParams otherParams()
{
    ActivationParams p;
    p.leakySlope = OtherLeakySlope;
    p.preluWeight = OtherPreluWeight;
    p.eluAlpha = OtherEluAlpha;
    p.rreluLower = OtherRreluLower;
    p.rreluUpper = OtherRreluUpper;
    return p;
}

bool isPiecewiseLinear(Activation kind)
{
    return kind == Activation::Relu || kind == Activation::LeakyRelu || kind == Activation::Prelu
            || kind == Activation::Rrelu;
}

} // namespace

class TestActivations : public QObject
{
    Q_OBJECT

private slots:
    // Values and derivatives against the independent reference.
    void relu_data();
    void relu();
    void leakyRelu_data();
    void leakyRelu();
    void prelu_data();
    void prelu();
    void rreluEvaluation_data();
    void rreluEvaluation();
    void elu_data();
    void elu();
    void gelu_data();
    void gelu();
    void geluTanh_data();
    void geluTanh();
    void silu_data();
    void silu();
    void mish_data();
    void mish();
    void softplus_data();
    void softplus();
    void sigmoid_data();
    void sigmoid();
    void tanh_data();
    void tanh();
    void preluWeightDerivative_data();
    void preluWeightDerivative();
    void floatInstantiation_data();
    void floatInstantiation();

    // The conventions a teacher checks first.
    void signedZero();
    void derivativeAtZero_data();
    void derivativeAtZero();
    void defaults();

    // Dispatch and derivatives.
    void evaluateMatchesTemplates_data();
    void evaluateMatchesTemplates();
    void derivativeMatchesFiniteDifference_data();
    void derivativeMatchesFiniteDifference();

    // RReLU in training mode.
    void rreluDrawnSlopeIsTheSpecsUniform();
    void rreluDrawnSlopeWithinBounds_data();
    void rreluDrawnSlopeWithinBounds();
    void rreluDrawnSlopeStatistics();
    void rreluDrawsPerElement();
    void rreluDrawsReproducible();
    void rreluTraining_data();
    void rreluTraining();
    void evaluateRreluTraining();

    // Names and parameters.
    void activationFromCliName_data();
    void activationFromCliName();
    void allActivationsOrder();
    void activationInfoFlags();
    void alphaOf_data();
    void alphaOf();
    void negativeSlopeOf();
};

void TestActivations::relu_data()
{
    addValueColumns();
    // clang-format off
    QTest::newRow("x=+0") << 0.0 << 0.0 << 0.0;
    QTest::newRow("x=-0") << -0.0 << -0.0 << 0.0;
    QTest::newRow("x=1e-30") << 1e-30 << 1e-30 << 1.0;
    QTest::newRow("x=-1e-30") << -1e-30 << 0.0 << 0.0;
    QTest::newRow("x=1e-08") << 1e-08 << 1e-08 << 1.0;
    QTest::newRow("x=-1e-08") << -1e-08 << 0.0 << 0.0;
    QTest::newRow("x=0.5") << 0.5 << 0.5 << 1.0;
    QTest::newRow("x=-0.5") << -0.5 << 0.0 << 0.0;
    QTest::newRow("x=1") << 1.0 << 1.0 << 1.0;
    QTest::newRow("x=-1") << -1.0 << 0.0 << 0.0;
    QTest::newRow("x=3") << 3.0 << 3.0 << 1.0;
    QTest::newRow("x=-3") << -3.0 << 0.0 << 0.0;
    QTest::newRow("x=1e+06") << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("x=-1e+06") << -1000000.0 << 0.0 << 0.0;
    QTest::newRow("x=+inf") << Inf << Inf << 1.0;
    QTest::newRow("x=-inf") << -Inf << 0.0 << 0.0;
    QTest::newRow("x=nan") << NaN << NaN << NaN;
    // clang-format on
}

void TestActivations::relu()
{
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    CHECK_ROW(core::relu(x), core::reluDerivative(x), Activation::Relu, defaultParams());
    CHECK_SIGN_OF_ZERO(core::relu(x));
    CHECK_SIGN_OF_ZERO(core::evaluate(Activation::Relu, x, defaultParams()).value);
}

void TestActivations::leakyRelu_data()
{
    QTest::addColumn<double>("a");
    addValueColumns();
    // clang-format off
    // PyTorch's 0.01, and 0.2
    QTest::newRow("a=0.01 x=+0") << 0.01 << 0.0 << 0.0 << 0.01;
    QTest::newRow("a=0.01 x=-0") << 0.01 << -0.0 << -0.0 << 0.01;
    QTest::newRow("a=0.01 x=1e-30") << 0.01 << 1e-30 << 1e-30 << 1.0;
    QTest::newRow("a=0.01 x=-1e-30") << 0.01 << -1e-30 << -1e-32 << 0.01;
    QTest::newRow("a=0.01 x=1e-08") << 0.01 << 1e-08 << 1e-08 << 1.0;
    QTest::newRow("a=0.01 x=-1e-08") << 0.01 << -1e-08 << -1e-10 << 0.01;
    QTest::newRow("a=0.01 x=0.5") << 0.01 << 0.5 << 0.5 << 1.0;
    QTest::newRow("a=0.01 x=-0.5") << 0.01 << -0.5 << -0.005 << 0.01;
    QTest::newRow("a=0.01 x=1") << 0.01 << 1.0 << 1.0 << 1.0;
    QTest::newRow("a=0.01 x=-1") << 0.01 << -1.0 << -0.01 << 0.01;
    QTest::newRow("a=0.01 x=3") << 0.01 << 3.0 << 3.0 << 1.0;
    QTest::newRow("a=0.01 x=-3") << 0.01 << -3.0 << -0.03 << 0.01;
    QTest::newRow("a=0.01 x=1e+06") << 0.01 << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("a=0.01 x=-1e+06") << 0.01 << -1000000.0 << -10000.0 << 0.01;
    QTest::newRow("a=0.01 x=+inf") << 0.01 << Inf << Inf << 1.0;
    QTest::newRow("a=0.01 x=-inf") << 0.01 << -Inf << -Inf << 0.01;
    QTest::newRow("a=0.01 x=nan") << 0.01 << NaN << NaN << NaN;
    QTest::newRow("a=0.2 x=+0") << 0.2 << 0.0 << 0.0 << 0.2;
    QTest::newRow("a=0.2 x=-0") << 0.2 << -0.0 << -0.0 << 0.2;
    QTest::newRow("a=0.2 x=1e-30") << 0.2 << 1e-30 << 1e-30 << 1.0;
    QTest::newRow("a=0.2 x=-1e-30") << 0.2 << -1e-30 << -2e-31 << 0.2;
    QTest::newRow("a=0.2 x=1e-08") << 0.2 << 1e-08 << 1e-08 << 1.0;
    QTest::newRow("a=0.2 x=-1e-08") << 0.2 << -1e-08 << -2e-09 << 0.2;
    QTest::newRow("a=0.2 x=0.5") << 0.2 << 0.5 << 0.5 << 1.0;
    QTest::newRow("a=0.2 x=-0.5") << 0.2 << -0.5 << -0.1 << 0.2;
    QTest::newRow("a=0.2 x=1") << 0.2 << 1.0 << 1.0 << 1.0;
    QTest::newRow("a=0.2 x=-1") << 0.2 << -1.0 << -0.2 << 0.2;
    QTest::newRow("a=0.2 x=3") << 0.2 << 3.0 << 3.0 << 1.0;
    QTest::newRow("a=0.2 x=-3") << 0.2 << -3.0 << -0.6000000000000001 << 0.2;
    QTest::newRow("a=0.2 x=1e+06") << 0.2 << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("a=0.2 x=-1e+06") << 0.2 << -1000000.0 << -200000.0 << 0.2;
    QTest::newRow("a=0.2 x=+inf") << 0.2 << Inf << Inf << 1.0;
    QTest::newRow("a=0.2 x=-inf") << 0.2 << -Inf << -Inf << 0.2;
    QTest::newRow("a=0.2 x=nan") << 0.2 << NaN << NaN << NaN;
    // clang-format on
}

void TestActivations::leakyRelu()
{
    QFETCH(double, a);
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    ActivationParams params;
    params.leakySlope = a;
    CHECK_ROW(core::leakyRelu(x, a), core::leakyReluDerivative(x, a), Activation::LeakyRelu, params);
    CHECK_SIGN_OF_ZERO(core::leakyRelu(x, a));
    CHECK_SIGN_OF_ZERO(core::evaluate(Activation::LeakyRelu, x, params).value);
}

void TestActivations::prelu_data()
{
    QTest::addColumn<double>("a");
    addValueColumns();
    // clang-format off
    // PyTorch's 0.25, and -0.5
    QTest::newRow("a=0.25 x=+0") << 0.25 << 0.0 << 0.0 << 0.25;
    QTest::newRow("a=0.25 x=-0") << 0.25 << -0.0 << -0.0 << 0.25;
    QTest::newRow("a=0.25 x=1e-30") << 0.25 << 1e-30 << 1e-30 << 1.0;
    QTest::newRow("a=0.25 x=-1e-30") << 0.25 << -1e-30 << -2.5e-31 << 0.25;
    QTest::newRow("a=0.25 x=1e-08") << 0.25 << 1e-08 << 1e-08 << 1.0;
    QTest::newRow("a=0.25 x=-1e-08") << 0.25 << -1e-08 << -2.5e-09 << 0.25;
    QTest::newRow("a=0.25 x=0.5") << 0.25 << 0.5 << 0.5 << 1.0;
    QTest::newRow("a=0.25 x=-0.5") << 0.25 << -0.5 << -0.125 << 0.25;
    QTest::newRow("a=0.25 x=1") << 0.25 << 1.0 << 1.0 << 1.0;
    QTest::newRow("a=0.25 x=-1") << 0.25 << -1.0 << -0.25 << 0.25;
    QTest::newRow("a=0.25 x=3") << 0.25 << 3.0 << 3.0 << 1.0;
    QTest::newRow("a=0.25 x=-3") << 0.25 << -3.0 << -0.75 << 0.25;
    QTest::newRow("a=0.25 x=1e+06") << 0.25 << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("a=0.25 x=-1e+06") << 0.25 << -1000000.0 << -250000.0 << 0.25;
    QTest::newRow("a=0.25 x=+inf") << 0.25 << Inf << Inf << 1.0;
    QTest::newRow("a=0.25 x=-inf") << 0.25 << -Inf << -Inf << 0.25;
    QTest::newRow("a=0.25 x=nan") << 0.25 << NaN << NaN << NaN;
    QTest::newRow("a=-0.5 x=+0") << -0.5 << 0.0 << -0.0 << -0.5;
    QTest::newRow("a=-0.5 x=-0") << -0.5 << -0.0 << 0.0 << -0.5;
    QTest::newRow("a=-0.5 x=1e-30") << -0.5 << 1e-30 << 1e-30 << 1.0;
    QTest::newRow("a=-0.5 x=-1e-30") << -0.5 << -1e-30 << 5e-31 << -0.5;
    QTest::newRow("a=-0.5 x=1e-08") << -0.5 << 1e-08 << 1e-08 << 1.0;
    QTest::newRow("a=-0.5 x=-1e-08") << -0.5 << -1e-08 << 5e-09 << -0.5;
    QTest::newRow("a=-0.5 x=0.5") << -0.5 << 0.5 << 0.5 << 1.0;
    QTest::newRow("a=-0.5 x=-0.5") << -0.5 << -0.5 << 0.25 << -0.5;
    QTest::newRow("a=-0.5 x=1") << -0.5 << 1.0 << 1.0 << 1.0;
    QTest::newRow("a=-0.5 x=-1") << -0.5 << -1.0 << 0.5 << -0.5;
    QTest::newRow("a=-0.5 x=3") << -0.5 << 3.0 << 3.0 << 1.0;
    QTest::newRow("a=-0.5 x=-3") << -0.5 << -3.0 << 1.5 << -0.5;
    QTest::newRow("a=-0.5 x=1e+06") << -0.5 << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("a=-0.5 x=-1e+06") << -0.5 << -1000000.0 << 500000.0 << -0.5;
    QTest::newRow("a=-0.5 x=+inf") << -0.5 << Inf << Inf << 1.0;
    QTest::newRow("a=-0.5 x=-inf") << -0.5 << -Inf << Inf << -0.5;
    QTest::newRow("a=-0.5 x=nan") << -0.5 << NaN << NaN << NaN;
    // clang-format on
}

void TestActivations::prelu()
{
    QFETCH(double, a);
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    ActivationParams params;
    params.preluWeight = a;
    // PReLU is Leaky ReLU with a learnable weight: the same templates, dispatched separately.
    CHECK_ROW(core::leakyRelu(x, a), core::leakyReluDerivative(x, a), Activation::Prelu, params);
    CHECK_SIGN_OF_ZERO(core::evaluate(Activation::Prelu, x, params).value);
}

void TestActivations::rreluEvaluation_data()
{
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    addValueColumns();
    // clang-format off
    // PyTorch's 1/8 and 1/3, and 0.1 and 0.4
    QTest::newRow("lower=0.125 upper=0.333333 x=+0") << 0.125 << 0.3333333333333333 << 0.0 << 0.0 << 0.22916666666666666;
    QTest::newRow("lower=0.125 upper=0.333333 x=-0") << 0.125 << 0.3333333333333333 << -0.0 << -0.0 << 0.22916666666666666;
    QTest::newRow("lower=0.125 upper=0.333333 x=1e-30") << 0.125 << 0.3333333333333333 << 1e-30 << 1e-30 << 1.0;
    QTest::newRow("lower=0.125 upper=0.333333 x=-1e-30") << 0.125 << 0.3333333333333333 << -1e-30 << -2.2916666666666667e-31 << 0.22916666666666666;
    QTest::newRow("lower=0.125 upper=0.333333 x=1e-08") << 0.125 << 0.3333333333333333 << 1e-08 << 1e-08 << 1.0;
    QTest::newRow("lower=0.125 upper=0.333333 x=-1e-08") << 0.125 << 0.3333333333333333 << -1e-08 << -2.2916666666666665e-09 << 0.22916666666666666;
    QTest::newRow("lower=0.125 upper=0.333333 x=0.5") << 0.125 << 0.3333333333333333 << 0.5 << 0.5 << 1.0;
    QTest::newRow("lower=0.125 upper=0.333333 x=-0.5") << 0.125 << 0.3333333333333333 << -0.5 << -0.11458333333333333 << 0.22916666666666666;
    QTest::newRow("lower=0.125 upper=0.333333 x=1") << 0.125 << 0.3333333333333333 << 1.0 << 1.0 << 1.0;
    QTest::newRow("lower=0.125 upper=0.333333 x=-1") << 0.125 << 0.3333333333333333 << -1.0 << -0.22916666666666666 << 0.22916666666666666;
    QTest::newRow("lower=0.125 upper=0.333333 x=3") << 0.125 << 0.3333333333333333 << 3.0 << 3.0 << 1.0;
    QTest::newRow("lower=0.125 upper=0.333333 x=-3") << 0.125 << 0.3333333333333333 << -3.0 << -0.6875 << 0.22916666666666666;
    QTest::newRow("lower=0.125 upper=0.333333 x=1e+06") << 0.125 << 0.3333333333333333 << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("lower=0.125 upper=0.333333 x=-1e+06") << 0.125 << 0.3333333333333333 << -1000000.0 << -229166.66666666666 << 0.22916666666666666;
    QTest::newRow("lower=0.125 upper=0.333333 x=+inf") << 0.125 << 0.3333333333333333 << Inf << Inf << 1.0;
    QTest::newRow("lower=0.125 upper=0.333333 x=-inf") << 0.125 << 0.3333333333333333 << -Inf << -Inf << 0.22916666666666666;
    QTest::newRow("lower=0.125 upper=0.333333 x=nan") << 0.125 << 0.3333333333333333 << NaN << NaN << NaN;
    QTest::newRow("lower=0.1 upper=0.4 x=+0") << 0.1 << 0.4 << 0.0 << 0.0 << 0.25;
    QTest::newRow("lower=0.1 upper=0.4 x=-0") << 0.1 << 0.4 << -0.0 << -0.0 << 0.25;
    QTest::newRow("lower=0.1 upper=0.4 x=1e-30") << 0.1 << 0.4 << 1e-30 << 1e-30 << 1.0;
    QTest::newRow("lower=0.1 upper=0.4 x=-1e-30") << 0.1 << 0.4 << -1e-30 << -2.5e-31 << 0.25;
    QTest::newRow("lower=0.1 upper=0.4 x=1e-08") << 0.1 << 0.4 << 1e-08 << 1e-08 << 1.0;
    QTest::newRow("lower=0.1 upper=0.4 x=-1e-08") << 0.1 << 0.4 << -1e-08 << -2.5e-09 << 0.25;
    QTest::newRow("lower=0.1 upper=0.4 x=0.5") << 0.1 << 0.4 << 0.5 << 0.5 << 1.0;
    QTest::newRow("lower=0.1 upper=0.4 x=-0.5") << 0.1 << 0.4 << -0.5 << -0.125 << 0.25;
    QTest::newRow("lower=0.1 upper=0.4 x=1") << 0.1 << 0.4 << 1.0 << 1.0 << 1.0;
    QTest::newRow("lower=0.1 upper=0.4 x=-1") << 0.1 << 0.4 << -1.0 << -0.25 << 0.25;
    QTest::newRow("lower=0.1 upper=0.4 x=3") << 0.1 << 0.4 << 3.0 << 3.0 << 1.0;
    QTest::newRow("lower=0.1 upper=0.4 x=-3") << 0.1 << 0.4 << -3.0 << -0.75 << 0.25;
    QTest::newRow("lower=0.1 upper=0.4 x=1e+06") << 0.1 << 0.4 << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("lower=0.1 upper=0.4 x=-1e+06") << 0.1 << 0.4 << -1000000.0 << -250000.0 << 0.25;
    QTest::newRow("lower=0.1 upper=0.4 x=+inf") << 0.1 << 0.4 << Inf << Inf << 1.0;
    QTest::newRow("lower=0.1 upper=0.4 x=-inf") << 0.1 << 0.4 << -Inf << -Inf << 0.25;
    QTest::newRow("lower=0.1 upper=0.4 x=nan") << 0.1 << 0.4 << NaN << NaN << NaN;
    // clang-format on
}

void TestActivations::rreluEvaluation()
{
    QFETCH(double, lower);
    QFETCH(double, upper);
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    ActivationParams params;
    params.rreluLower = lower;
    params.rreluUpper = upper;
    params.rreluMode = RreluMode::Evaluation;
    const double slope = core::rreluEvaluationSlope(lower, upper);
    CHECK_ROW(core::leakyRelu(x, slope), core::leakyReluDerivative(x, slope), Activation::Rrelu, params);
    CHECK_SIGN_OF_ZERO(core::evaluate(Activation::Rrelu, x, params).value);
    // Evaluation mode ignores the seed and the element.
    params.rreluSeed = 12345;
    const core::ValueAndDerivative other = core::evaluate(Activation::Rrelu, x, params, 777);
    RELULAB_FUZZY_COMPARE(other.value, value);
    RELULAB_FUZZY_COMPARE(other.derivative, derivative);
}

void TestActivations::elu_data()
{
    QTest::addColumn<double>("alpha");
    addValueColumns();
    // clang-format off
    // PyTorch's alpha 1, and 2
    QTest::newRow("alpha=1 x=+0") << 1.0 << 0.0 << 0.0 << 1.0;
    QTest::newRow("alpha=1 x=-0") << 1.0 << -0.0 << -0.0 << 1.0;
    QTest::newRow("alpha=1 x=1e-30") << 1.0 << 1e-30 << 1e-30 << 1.0;
    QTest::newRow("alpha=1 x=-1e-30") << 1.0 << -1e-30 << -1e-30 << 1.0;
    QTest::newRow("alpha=1 x=1e-08") << 1.0 << 1e-08 << 1e-08 << 1.0;
    QTest::newRow("alpha=1 x=-1e-08") << 1.0 << -1e-08 << -9.999999950000001e-09 << 0.9999999900000001;
    QTest::newRow("alpha=1 x=0.5") << 1.0 << 0.5 << 0.5 << 1.0;
    QTest::newRow("alpha=1 x=-0.5") << 1.0 << -0.5 << -0.3934693402873666 << 0.6065306597126334;
    QTest::newRow("alpha=1 x=1") << 1.0 << 1.0 << 1.0 << 1.0;
    QTest::newRow("alpha=1 x=-1") << 1.0 << -1.0 << -0.6321205588285577 << 0.36787944117144233;
    QTest::newRow("alpha=1 x=3") << 1.0 << 3.0 << 3.0 << 1.0;
    QTest::newRow("alpha=1 x=-3") << 1.0 << -3.0 << -0.950212931632136 << 0.049787068367863944;
    QTest::newRow("alpha=1 x=1e+06") << 1.0 << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("alpha=1 x=-1e+06") << 1.0 << -1000000.0 << -1.0 << 0.0;
    QTest::newRow("alpha=1 x=+inf") << 1.0 << Inf << Inf << 1.0;
    QTest::newRow("alpha=1 x=-inf") << 1.0 << -Inf << -1.0 << 0.0;
    QTest::newRow("alpha=1 x=nan") << 1.0 << NaN << NaN << NaN;
    QTest::newRow("alpha=2 x=+0") << 2.0 << 0.0 << 0.0 << 2.0;
    QTest::newRow("alpha=2 x=-0") << 2.0 << -0.0 << -0.0 << 2.0;
    QTest::newRow("alpha=2 x=1e-30") << 2.0 << 1e-30 << 1e-30 << 1.0;
    QTest::newRow("alpha=2 x=-1e-30") << 2.0 << -1e-30 << -2e-30 << 2.0;
    QTest::newRow("alpha=2 x=1e-08") << 2.0 << 1e-08 << 1e-08 << 1.0;
    QTest::newRow("alpha=2 x=-1e-08") << 2.0 << -1e-08 << -1.9999999900000002e-08 << 1.9999999800000001;
    QTest::newRow("alpha=2 x=0.5") << 2.0 << 0.5 << 0.5 << 1.0;
    QTest::newRow("alpha=2 x=-0.5") << 2.0 << -0.5 << -0.7869386805747332 << 1.2130613194252668;
    QTest::newRow("alpha=2 x=1") << 2.0 << 1.0 << 1.0 << 1.0;
    QTest::newRow("alpha=2 x=-1") << 2.0 << -1.0 << -1.2642411176571153 << 0.7357588823428847;
    QTest::newRow("alpha=2 x=3") << 2.0 << 3.0 << 3.0 << 1.0;
    QTest::newRow("alpha=2 x=-3") << 2.0 << -3.0 << -1.900425863264272 << 0.09957413673572789;
    QTest::newRow("alpha=2 x=1e+06") << 2.0 << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("alpha=2 x=-1e+06") << 2.0 << -1000000.0 << -2.0 << 0.0;
    QTest::newRow("alpha=2 x=+inf") << 2.0 << Inf << Inf << 1.0;
    QTest::newRow("alpha=2 x=-inf") << 2.0 << -Inf << -2.0 << 0.0;
    QTest::newRow("alpha=2 x=nan") << 2.0 << NaN << NaN << NaN;
    // clang-format on
}

void TestActivations::elu()
{
    QFETCH(double, alpha);
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    ActivationParams params;
    params.eluAlpha = alpha;
    CHECK_ROW(core::elu(x, alpha), core::eluDerivative(x, alpha), Activation::Elu, params);
}

void TestActivations::gelu_data()
{
    addValueColumns();
    // clang-format off
    QTest::newRow("x=+0") << 0.0 << 0.0 << 0.5;
    QTest::newRow("x=-0") << -0.0 << -0.0 << 0.5;
    QTest::newRow("x=1e-30") << 1e-30 << 5e-31 << 0.5;
    QTest::newRow("x=-1e-30") << -1e-30 << -5e-31 << 0.5;
    QTest::newRow("x=1e-08") << 1e-08 << 5.000000039894228e-09 << 0.5000000079788456;
    QTest::newRow("x=-1e-08") << -1e-08 << -4.999999960105772e-09 << 0.4999999920211544;
    QTest::newRow("x=0.5") << 0.5 << 0.34573123063700656 << 0.8674951246561629;
    QTest::newRow("x=-0.5") << -0.5 << -0.15426876936299344 << 0.13250487534383712;
    QTest::newRow("x=1") << 1.0 << 0.8413447460685429 << 1.0833154705876864;
    QTest::newRow("x=-1") << -1.0 << -0.15865525393145707 << -0.08331547058768629;
    QTest::newRow("x=3") << 3.0 << 2.99595030590511 << 1.011945647204184;
    QTest::newRow("x=-3") << -3.0 << -0.004049694094890287 << -0.011945647204183927;
    QTest::newRow("x=1e+06") << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("x=-1e+06") << -1000000.0 << -0.0 << 0.0;
    QTest::newRow("x=+inf") << Inf << Inf << 1.0;
    QTest::newRow("x=-inf") << -Inf << 0.0 << 0.0;
    QTest::newRow("x=nan") << NaN << NaN << NaN;
    // clang-format on
}

void TestActivations::gelu()
{
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    CHECK_ROW(core::gelu(x), core::geluDerivative(x), Activation::Gelu, defaultParams());
}

void TestActivations::geluTanh_data()
{
    addValueColumns();
    // clang-format off
    QTest::newRow("x=+0") << 0.0 << 0.0 << 0.5;
    QTest::newRow("x=-0") << -0.0 << -0.0 << 0.5;
    QTest::newRow("x=1e-30") << 1e-30 << 5e-31 << 0.5;
    QTest::newRow("x=-1e-30") << -1e-30 << -5e-31 << 0.5;
    QTest::newRow("x=1e-08") << 1e-08 << 5.000000039894228e-09 << 0.5000000079788456;
    QTest::newRow("x=-1e-08") << -1e-08 << -4.999999960105772e-09 << 0.4999999920211544;
    QTest::newRow("x=0.5") << 0.5 << 0.34571400982514394 << 0.8673699035346424;
    QTest::newRow("x=-0.5") << -0.5 << -0.15428599017485606 << 0.13263009646535764;
    QTest::newRow("x=1") << 1.0 << 0.8411919906082768 << 1.0829640838457826;
    QTest::newRow("x=-1") << -1.0 << -0.15880800939172324 << -0.08296408384578255;
    QTest::newRow("x=3") << 3.0 << 2.996362607918227 << 1.0115841666309695;
    QTest::newRow("x=-3") << -3.0 << -0.0036373920817729943 << -0.011584166630969516;
    QTest::newRow("x=1e+06") << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("x=-1e+06") << -1000000.0 << -0.0 << 0.0;
    QTest::newRow("x=+inf") << Inf << Inf << 1.0;
    QTest::newRow("x=-inf") << -Inf << 0.0 << 0.0;
    QTest::newRow("x=nan") << NaN << NaN << NaN;
    // clang-format on
}

void TestActivations::geluTanh()
{
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    CHECK_ROW(core::geluTanh(x), core::geluTanhDerivative(x), Activation::GeluTanh, defaultParams());
}

void TestActivations::silu_data()
{
    addValueColumns();
    // clang-format off
    QTest::newRow("x=+0") << 0.0 << 0.0 << 0.5;
    QTest::newRow("x=-0") << -0.0 << -0.0 << 0.5;
    QTest::newRow("x=1e-30") << 1e-30 << 5e-31 << 0.5;
    QTest::newRow("x=-1e-30") << -1e-30 << -5e-31 << 0.5;
    QTest::newRow("x=1e-08") << 1e-08 << 5.000000025e-09 << 0.500000005;
    QTest::newRow("x=-1e-08") << -1e-08 << -4.9999999750000005e-09 << 0.49999999500000003;
    QTest::newRow("x=0.5") << 0.5 << 0.3112296656009273 << 0.7399611873026519;
    QTest::newRow("x=-0.5") << -0.5 << -0.18877033439907273 << 0.26003881269734824;
    QTest::newRow("x=1") << 1.0 << 0.7310585786300049 << 0.9276705118714869;
    QTest::newRow("x=-1") << -1.0 << -0.2689414213699951 << 0.07232948812851325;
    QTest::newRow("x=3") << 3.0 << 2.8577223804673 << 1.0881041060151693;
    QTest::newRow("x=-3") << -3.0 << -0.14227761953270035 << -0.08810410601516963;
    QTest::newRow("x=1e+06") << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("x=-1e+06") << -1000000.0 << -0.0 << -0.0;
    QTest::newRow("x=+inf") << Inf << Inf << 1.0;
    QTest::newRow("x=-inf") << -Inf << 0.0 << 0.0;
    QTest::newRow("x=nan") << NaN << NaN << NaN;
    // clang-format on
}

void TestActivations::silu()
{
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    CHECK_ROW(core::silu(x), core::siluDerivative(x), Activation::Silu, defaultParams());
}

void TestActivations::mish_data()
{
    addValueColumns();
    // clang-format off
    QTest::newRow("x=+0") << 0.0 << 0.0 << 0.6;
    QTest::newRow("x=-0") << -0.0 << -0.0 << 0.6;
    QTest::newRow("x=1e-30") << 1e-30 << 6.0000000000000005e-31 << 0.6;
    QTest::newRow("x=-1e-30") << -1e-30 << -6.0000000000000005e-31 << 0.6;
    QTest::newRow("x=1e-08") << 1e-08 << 6.000000032000001e-09 << 0.6000000064000001;
    QTest::newRow("x=-1e-08") << -1e-08 << -5.999999968000001e-09 << 0.5999999936;
    QTest::newRow("x=0.5") << 0.5 << 0.3752452113048951 << 0.8864243753577272;
    QTest::newRow("x=-0.5") << -0.5 << -0.22074377465173 << 0.2895106779135122;
    QTest::newRow("x=1") << 1.0 << 0.8650983882673103 << 1.0490362200997922;
    QTest::newRow("x=-1") << -1.0 << -0.30340146137410895 << 0.059216755877395;
    QTest::newRow("x=3") << 3.0 << 2.9865350049679575 << 1.0211069109294435;
    QTest::newRow("x=-3") << -3.0 << -0.1456474612756246 << -0.09339311453232084;
    QTest::newRow("x=1e+06") << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("x=-1e+06") << -1000000.0 << -0.0 << 0.0;
    QTest::newRow("x=+inf") << Inf << Inf << 1.0;
    QTest::newRow("x=-inf") << -Inf << 0.0 << 0.0;
    QTest::newRow("x=nan") << NaN << NaN << NaN;
    // clang-format on
}

void TestActivations::mish()
{
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    CHECK_ROW(core::mish(x), core::mishDerivative(x), Activation::Mish, defaultParams());
}

void TestActivations::softplus_data()
{
    addValueColumns();
    // clang-format off
    QTest::newRow("x=+0") << 0.0 << 0.6931471805599453 << 0.5;
    QTest::newRow("x=-0") << -0.0 << 0.6931471805599453 << 0.5;
    QTest::newRow("x=1e-30") << 1e-30 << 0.6931471805599453 << 0.5;
    QTest::newRow("x=-1e-30") << -1e-30 << 0.6931471805599453 << 0.5;
    QTest::newRow("x=1e-08") << 1e-08 << 0.6931471855599454 << 0.5000000025;
    QTest::newRow("x=-1e-08") << -1e-08 << 0.6931471755599453 << 0.4999999975;
    QTest::newRow("x=0.5") << 0.5 << 0.9740769841801067 << 0.6224593312018546;
    QTest::newRow("x=-0.5") << -0.5 << 0.4740769841801067 << 0.37754066879814546;
    QTest::newRow("x=1") << 1.0 << 1.3132616875182228 << 0.7310585786300049;
    QTest::newRow("x=-1") << -1.0 << 0.31326168751822286 << 0.2689414213699951;
    QTest::newRow("x=3") << 3.0 << 3.048587351573742 << 0.9525741268224334;
    QTest::newRow("x=-3") << -3.0 << 0.04858735157374206 << 0.04742587317756679;
    QTest::newRow("x=1e+06") << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("x=-1e+06") << -1000000.0 << 0.0 << 0.0;
    QTest::newRow("x=+inf") << Inf << Inf << 1.0;
    QTest::newRow("x=-inf") << -Inf << 0.0 << 0.0;
    QTest::newRow("x=nan") << NaN << NaN << NaN;
    // Either side of PyTorch's threshold 20, where the formula switches to x itself.
    QTest::newRow("x=-20") << -20.0 << 2.061153620314381e-09 << 2.0611536181902033e-09;
    QTest::newRow("x=20") << 20.0 << 20.000000002061153 << 0.9999999979388463;
    QTest::newRow("x=20.5") << 20.5 << 20.5 << 1.0;
    // clang-format on
}

void TestActivations::softplus()
{
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    CHECK_ROW(core::softplus(x), core::softplusDerivative(x), Activation::Softplus, defaultParams());
}

void TestActivations::sigmoid_data()
{
    addValueColumns();
    // clang-format off
    QTest::newRow("x=+0") << 0.0 << 0.5 << 0.25;
    QTest::newRow("x=-0") << -0.0 << 0.5 << 0.25;
    QTest::newRow("x=1e-30") << 1e-30 << 0.5 << 0.25;
    QTest::newRow("x=-1e-30") << -1e-30 << 0.5 << 0.25;
    QTest::newRow("x=1e-08") << 1e-08 << 0.5000000025 << 0.25;
    QTest::newRow("x=-1e-08") << -1e-08 << 0.4999999975 << 0.25;
    QTest::newRow("x=0.5") << 0.5 << 0.6224593312018546 << 0.2350037122015945;
    QTest::newRow("x=-0.5") << -0.5 << 0.37754066879814546 << 0.23500371220159447;
    QTest::newRow("x=1") << 1.0 << 0.7310585786300049 << 0.19661193324148185;
    QTest::newRow("x=-1") << -1.0 << 0.2689414213699951 << 0.19661193324148185;
    QTest::newRow("x=3") << 3.0 << 0.9525741268224334 << 0.045176659730912;
    QTest::newRow("x=-3") << -3.0 << 0.04742587317756679 << 0.045176659730912144;
    QTest::newRow("x=1e+06") << 1000000.0 << 1.0 << 0.0;
    QTest::newRow("x=-1e+06") << -1000000.0 << 0.0 << 0.0;
    QTest::newRow("x=+inf") << Inf << 1.0 << 0.0;
    QTest::newRow("x=-inf") << -Inf << 0.0 << 0.0;
    QTest::newRow("x=nan") << NaN << NaN << NaN;
    // clang-format on
}

void TestActivations::sigmoid()
{
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    CHECK_ROW(core::sigmoid(x), core::sigmoidDerivative(x), Activation::Sigmoid, defaultParams());
}

void TestActivations::tanh_data()
{
    addValueColumns();
    // clang-format off
    QTest::newRow("x=+0") << 0.0 << 0.0 << 1.0;
    QTest::newRow("x=-0") << -0.0 << -0.0 << 1.0;
    QTest::newRow("x=1e-30") << 1e-30 << 1e-30 << 1.0;
    QTest::newRow("x=-1e-30") << -1e-30 << -1e-30 << 1.0;
    QTest::newRow("x=1e-08") << 1e-08 << 1e-08 << 0.9999999999999999;
    QTest::newRow("x=-1e-08") << -1e-08 << -1e-08 << 0.9999999999999999;
    QTest::newRow("x=0.5") << 0.5 << 0.46211715726000974 << 0.7864477329659274;
    QTest::newRow("x=-0.5") << -0.5 << -0.46211715726000974 << 0.7864477329659274;
    QTest::newRow("x=1") << 1.0 << 0.7615941559557649 << 0.41997434161402614;
    QTest::newRow("x=-1") << -1.0 << -0.7615941559557649 << 0.41997434161402614;
    QTest::newRow("x=3") << 3.0 << 0.9950547536867305 << 0.009866037165440211;
    QTest::newRow("x=-3") << -3.0 << -0.9950547536867305 << 0.009866037165440211;
    QTest::newRow("x=1e+06") << 1000000.0 << 1.0 << 0.0;
    QTest::newRow("x=-1e+06") << -1000000.0 << -1.0 << 0.0;
    QTest::newRow("x=+inf") << Inf << 1.0 << 0.0;
    QTest::newRow("x=-inf") << -Inf << -1.0 << 0.0;
    QTest::newRow("x=nan") << NaN << NaN << NaN;
    // clang-format on
}

void TestActivations::tanh()
{
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    CHECK_ROW(core::tanhActivation(x), core::tanhDerivative(x), Activation::Tanh, defaultParams());
}

void TestActivations::preluWeightDerivative_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("derivative");
    // clang-format off
    QTest::newRow("x=+0") << 0.0 << 0.0;
    QTest::newRow("x=-0") << -0.0 << -0.0;
    QTest::newRow("x=1e-30") << 1e-30 << 0.0;
    QTest::newRow("x=-1e-30") << -1e-30 << -1e-30;
    QTest::newRow("x=1e-08") << 1e-08 << 0.0;
    QTest::newRow("x=-1e-08") << -1e-08 << -1e-08;
    QTest::newRow("x=0.5") << 0.5 << 0.0;
    QTest::newRow("x=-0.5") << -0.5 << -0.5;
    QTest::newRow("x=1") << 1.0 << 0.0;
    QTest::newRow("x=-1") << -1.0 << -1.0;
    QTest::newRow("x=3") << 3.0 << 0.0;
    QTest::newRow("x=-3") << -3.0 << -3.0;
    QTest::newRow("x=1e+06") << 1000000.0 << 0.0;
    QTest::newRow("x=-1e+06") << -1000000.0 << -1000000.0;
    QTest::newRow("x=+inf") << Inf << 0.0;
    QTest::newRow("x=-inf") << -Inf << -Inf;
    QTest::newRow("x=nan") << NaN << NaN;
    // clang-format on
}

void TestActivations::preluWeightDerivative()
{
    QFETCH(double, x);
    QFETCH(double, derivative);
    RELULAB_FUZZY_COMPARE(core::preluWeightDerivative(x), derivative);
    RELULAB_FUZZY_COMPARE_TOL(core::preluWeightDerivative(static_cast<float>(x)),
                              static_cast<double>(static_cast<float>(derivative)),
                              (Tolerance {0.0, 0.0}));
    // df/da does not depend on a, and it is min(x, 0) where that is defined.
    if (!std::isnan(x))
        RELULAB_FUZZY_COMPARE(core::preluWeightDerivative(x), std::min(x, 0.0));
}

void TestActivations::floatInstantiation_data()
{
    QTest::addColumn<Activation>("kind");
    addValueColumns();
    // clang-format off
    QTest::newRow("Relu x=-0.5") << Activation::Relu << -0.5 << 0.0 << 0.0;
    QTest::newRow("Relu x=3") << Activation::Relu << 3.0 << 3.0 << 1.0;
    QTest::newRow("LeakyRelu x=-0.5") << Activation::LeakyRelu << -0.5 << -0.005 << 0.01;
    QTest::newRow("LeakyRelu x=3") << Activation::LeakyRelu << 3.0 << 3.0 << 1.0;
    QTest::newRow("Prelu x=-0.5") << Activation::Prelu << -0.5 << -0.125 << 0.25;
    QTest::newRow("Prelu x=3") << Activation::Prelu << 3.0 << 3.0 << 1.0;
    QTest::newRow("Rrelu x=-0.5") << Activation::Rrelu << -0.5 << -0.11458333333333333 << 0.22916666666666666;
    QTest::newRow("Rrelu x=+0") << Activation::Rrelu << 0.0 << 0.0 << 0.22916666666666666;
    QTest::newRow("Elu x=-1") << Activation::Elu << -1.0 << -0.6321205588285577 << 0.36787944117144233;
    QTest::newRow("Elu x=0.5") << Activation::Elu << 0.5 << 0.5 << 1.0;
    QTest::newRow("Elu x=-inf") << Activation::Elu << -Inf << -1.0 << 0.0;
    QTest::newRow("Gelu x=-1") << Activation::Gelu << -1.0 << -0.15865525393145707 << -0.08331547058768629;
    QTest::newRow("Gelu x=0.5") << Activation::Gelu << 0.5 << 0.34573123063700656 << 0.8674951246561629;
    QTest::newRow("Gelu x=-inf") << Activation::Gelu << -Inf << 0.0 << 0.0;
    QTest::newRow("Gelu x=+inf") << Activation::Gelu << Inf << Inf << 1.0;
    QTest::newRow("GeluTanh x=-1") << Activation::GeluTanh << -1.0 << -0.15880800939172324 << -0.08296408384578255;
    QTest::newRow("GeluTanh x=0.5") << Activation::GeluTanh << 0.5 << 0.34571400982514394 << 0.8673699035346424;
    QTest::newRow("GeluTanh x=-inf") << Activation::GeluTanh << -Inf << 0.0 << 0.0;
    QTest::newRow("GeluTanh x=+inf") << Activation::GeluTanh << Inf << Inf << 1.0;
    QTest::newRow("Silu x=-1") << Activation::Silu << -1.0 << -0.2689414213699951 << 0.07232948812851325;
    QTest::newRow("Silu x=0.5") << Activation::Silu << 0.5 << 0.3112296656009273 << 0.7399611873026519;
    QTest::newRow("Silu x=-inf") << Activation::Silu << -Inf << 0.0 << 0.0;
    QTest::newRow("Silu x=1e+06") << Activation::Silu << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("Mish x=-1") << Activation::Mish << -1.0 << -0.30340146137410895 << 0.059216755877395;
    QTest::newRow("Mish x=0.5") << Activation::Mish << 0.5 << 0.3752452113048951 << 0.8864243753577272;
    QTest::newRow("Mish x=-inf") << Activation::Mish << -Inf << 0.0 << 0.0;
    QTest::newRow("Mish x=1e+06") << Activation::Mish << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("Softplus x=-1") << Activation::Softplus << -1.0 << 0.31326168751822286 << 0.2689414213699951;
    QTest::newRow("Softplus x=0.5") << Activation::Softplus << 0.5 << 0.9740769841801067 << 0.6224593312018546;
    QTest::newRow("Softplus x=30") << Activation::Softplus << 30.0 << 30.0 << 1.0;
    QTest::newRow("Sigmoid x=-1") << Activation::Sigmoid << -1.0 << 0.2689414213699951 << 0.19661193324148185;
    QTest::newRow("Sigmoid x=0.5") << Activation::Sigmoid << 0.5 << 0.6224593312018546 << 0.2350037122015945;
    QTest::newRow("Sigmoid x=-1e+06") << Activation::Sigmoid << -1000000.0 << 0.0 << 0.0;
    QTest::newRow("Tanh x=-1") << Activation::Tanh << -1.0 << -0.7615941559557649 << 0.41997434161402614;
    QTest::newRow("Tanh x=0.5") << Activation::Tanh << 0.5 << 0.46211715726000974 << 0.7864477329659274;
    QTest::newRow("Tanh x=+inf") << Activation::Tanh << Inf << 1.0 << 0.0;
    // clang-format on
}

void TestActivations::floatInstantiation()
{
    QFETCH(Activation, kind);
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    // A float result can be no closer than float's rounding of the double reference, plus the few
    // ulp of float libm.
    constexpr Tolerance FloatTolerance {2e-6, 1e-30};
    const std::array<float, 2> result = evaluateAs(kind, static_cast<float>(x));
    RELULAB_FUZZY_COMPARE_TOL(result[0], value, FloatTolerance);
    RELULAB_FUZZY_COMPARE_TOL(result[1], derivative, FloatTolerance);
}

void TestActivations::signedZero()
{
    // PyTorch: relu(-0.0) is -0.0 and leaky_relu(-0.0) is -0.0 (a * -0.0 with a > 0).
    QVERIFY(std::signbit(core::relu(-0.0)));
    QVERIFY(!std::signbit(core::relu(0.0)));
    QVERIFY(std::signbit(core::relu(-0.0F)));
    QVERIFY(std::signbit(core::leakyRelu(-0.0, core::DefaultLeakySlope)));
    QVERIFY(!std::signbit(core::leakyRelu(0.0, core::DefaultLeakySlope)));
    QVERIFY(std::signbit(core::leakyRelu(-0.0F, 0.01F)));
    // Negative inputs that rectify to zero give +0, as max(0, x) in PyTorch.
    QVERIFY(!std::signbit(core::relu(-1.0)));
    QVERIFY(!std::signbit(core::relu(-Inf)));

    const ActivationParams params;
    QVERIFY(std::signbit(core::evaluate(Activation::Relu, -0.0, params).value));
    QVERIFY(std::signbit(core::evaluate(Activation::LeakyRelu, -0.0, params).value));
    QVERIFY(std::signbit(core::evaluate(Activation::Prelu, -0.0, params).value));
    QVERIFY(std::signbit(core::evaluate(Activation::Rrelu, -0.0, params).value));
}

void TestActivations::derivativeAtZero_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<bool>("otherParameters");
    QTest::addColumn<double>("derivative");
    // PyTorch's convention: the piecewise-linear functions take the x <= 0 branch at 0.
    QTest::newRow("relu") << Activation::Relu << false << 0.0;
    QTest::newRow("leaky_relu") << Activation::LeakyRelu << false << 0.01;
    QTest::newRow("leaky_relu 0.2") << Activation::LeakyRelu << true << 0.2;
    QTest::newRow("prelu") << Activation::Prelu << false << 0.25;
    QTest::newRow("prelu -0.5") << Activation::Prelu << true << -0.5;
    QTest::newRow("rrelu eval") << Activation::Rrelu << false << 11.0 / 48.0;
    QTest::newRow("rrelu eval 0.1 0.4") << Activation::Rrelu << true << 0.25;
    QTest::newRow("elu") << Activation::Elu << false << 1.0;
    QTest::newRow("elu alpha 2") << Activation::Elu << true << 2.0;
    QTest::newRow("gelu") << Activation::Gelu << false << 0.5;
    QTest::newRow("gelu_tanh") << Activation::GeluTanh << false << 0.5;
    QTest::newRow("silu") << Activation::Silu << false << 0.5;
    // tanh(softplus(0)) = tanh(log 2) = (2 - 1/2) / (2 + 1/2).
    QTest::newRow("mish") << Activation::Mish << false << 0.6;
    QTest::newRow("softplus") << Activation::Softplus << false << 0.5;
    QTest::newRow("sigmoid") << Activation::Sigmoid << false << 0.25;
    QTest::newRow("tanh") << Activation::Tanh << false << 1.0;
}

void TestActivations::derivativeAtZero()
{
    QFETCH(Activation, kind);
    QFETCH(bool, otherParameters);
    QFETCH(double, derivative);
    const ActivationParams params = otherParameters ? otherParams() : defaultParams();
    RELULAB_FUZZY_COMPARE(core::evaluate(kind, 0.0, params).derivative, derivative);
    RELULAB_FUZZY_COMPARE(core::evaluate(kind, -0.0, params).derivative, derivative);
    // The smooth functions have the same slope on both sides. The kinked ones (and ELU, whose f'
    // jumps from alpha to 1 unless alpha is 1) do not, and the value at 0 is the left one.
    constexpr Tolerance NearZero {1e-8, 1e-8};
    const double left = core::evaluate(kind, -1e-9, params).derivative;
    const double right = core::evaluate(kind, 1e-9, params).derivative;
    RELULAB_FUZZY_COMPARE_TOL(left, derivative, NearZero);
    const bool jumps = core::activationInfo(kind).hasKinkAtZero || kind == Activation::Elu;
    RELULAB_FUZZY_COMPARE_TOL(right, jumps ? 1.0 : derivative, NearZero);
}

void TestActivations::defaults()
{
    // PyTorch's defaults, as documented for torch.nn.
    RELULAB_COMPARE_EXACT(core::DefaultLeakySlope, 0.01);
    RELULAB_COMPARE_EXACT(core::DefaultPreluWeight, 0.25);
    RELULAB_COMPARE_EXACT(core::DefaultEluAlpha, 1.0);
    RELULAB_COMPARE_EXACT(core::DefaultRreluLower, 0.125);
    RELULAB_COMPARE_EXACT(core::DefaultRreluUpper, 1.0 / 3.0);
    RELULAB_COMPARE_EXACT(core::SoftplusThreshold, 20.0);
    RELULAB_FUZZY_COMPARE(core::rreluEvaluationSlope(core::DefaultRreluLower, core::DefaultRreluUpper),
                          11.0 / 48.0);
    RELULAB_FUZZY_COMPARE(core::rreluEvaluationSlope(OtherRreluLower, OtherRreluUpper), 0.25);

    const ActivationParams params;
    RELULAB_COMPARE_EXACT(params.leakySlope, core::DefaultLeakySlope);
    RELULAB_COMPARE_EXACT(params.preluWeight, core::DefaultPreluWeight);
    RELULAB_COMPARE_EXACT(params.eluAlpha, core::DefaultEluAlpha);
    RELULAB_COMPARE_EXACT(params.rreluLower, core::DefaultRreluLower);
    RELULAB_COMPARE_EXACT(params.rreluUpper, core::DefaultRreluUpper);
    QVERIFY(params.rreluMode == RreluMode::Evaluation);
    QCOMPARE(params.rreluSeed, std::uint64_t {0});
    QVERIFY(params == ActivationParams {});
    QVERIFY(!(params == otherParams()));
}

void TestActivations::evaluateMatchesTemplates_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<bool>("otherParameters");
    for (const core::ActivationInfo &info : core::allActivations()) {
        QTest::addRow("%s", info.cliName.data()) << info.kind << false;
        if (info.hasAlpha || info.kind == Activation::Rrelu)
            QTest::addRow("%s other", info.cliName.data()) << info.kind << true;
    }
}

void TestActivations::evaluateMatchesTemplates()
{
    QFETCH(Activation, kind);
    QFETCH(bool, otherParameters);
    const ActivationParams params = otherParameters ? otherParams() : defaultParams();

    std::vector<double> xs {0.0, -0.0, 1e-30, -1e-30, 1e-8, -1e-8, 1e6,   -1e6,   Inf,   -Inf,
                            NaN, 20.0, 20.5,  -20.0,  50.0, -50.0, 700.0, -700.0, 710.0, -750.0};
    for (int i = -600; i <= 600; ++i)
        xs.push_back(i / 100.0);

    for (const double x : xs) {
        std::array<double, 2> expected {NaN, NaN};
        switch (kind) {
        case Activation::Relu:
            expected = {core::relu(x), core::reluDerivative(x)};
            break;
        case Activation::LeakyRelu:
            expected = {core::leakyRelu(x, params.leakySlope),
                        core::leakyReluDerivative(x, params.leakySlope)};
            break;
        case Activation::Prelu:
            expected = {core::leakyRelu(x, params.preluWeight),
                        core::leakyReluDerivative(x, params.preluWeight)};
            break;
        case Activation::Rrelu: {
            const double slope = core::rreluEvaluationSlope(params.rreluLower, params.rreluUpper);
            expected = {core::leakyRelu(x, slope), core::leakyReluDerivative(x, slope)};
            break;
        }
        case Activation::Elu:
            expected = {core::elu(x, params.eluAlpha), core::eluDerivative(x, params.eluAlpha)};
            break;
        case Activation::Gelu:
            expected = {core::gelu(x), core::geluDerivative(x)};
            break;
        case Activation::GeluTanh:
            expected = {core::geluTanh(x), core::geluTanhDerivative(x)};
            break;
        case Activation::Silu:
            expected = {core::silu(x), core::siluDerivative(x)};
            break;
        case Activation::Mish:
            expected = {core::mish(x), core::mishDerivative(x)};
            break;
        case Activation::Softplus:
            expected = {core::softplus(x), core::softplusDerivative(x)};
            break;
        case Activation::Sigmoid:
            expected = {core::sigmoid(x), core::sigmoidDerivative(x)};
            break;
        case Activation::Tanh:
            expected = {core::tanhActivation(x), core::tanhDerivative(x)};
            break;
        }
        const core::ValueAndDerivative actual = core::evaluate(kind, x, params);
        // The same inline templates in two translation units: the same numbers, to the bit.
        QVERIFY2(identical(actual.value, expected[0]) && identical(actual.derivative, expected[1]),
                 ("x = " + describe(x) + ": evaluate gives " + describe(actual.value) + ", "
                  + describe(actual.derivative) + "; the templates give " + describe(expected[0])
                  + ", " + describe(expected[1]))
                         .constData());
    }
}

void TestActivations::derivativeMatchesFiniteDifference_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<ActivationParams>("params");
    for (const core::ActivationInfo &info : core::allActivations()) {
        QTest::addRow("%s", info.cliName.data()) << info.kind << defaultParams();
        if (info.hasAlpha || info.kind == Activation::Rrelu)
            QTest::addRow("%s other", info.cliName.data()) << info.kind << otherParams();
    }
    ActivationParams training;
    training.rreluMode = RreluMode::Training;
    training.rreluSeed = 99;
    QTest::newRow("rrelu training") << Activation::Rrelu << training;
}

void TestActivations::derivativeMatchesFiniteDifference()
{
    QFETCH(Activation, kind);
    QFETCH(ActivationParams, params);
    // Central differences: truncation error ~h^2 f''' / 6 ~ 1e-11 and rounding error
    // ~eps |f| / h ~ 1e-10 for |f| <= 6, far inside the tolerance.
    constexpr double Step = 1e-5;
    constexpr Tolerance FiniteDifferenceTolerance {1e-6, 1e-6};
    // Away from the kink at 0 (ELU's f' jumps there too unless alpha is 1).
    const bool kinked = isPiecewiseLinear(kind) || kind == Activation::Elu;
    int checked = 0;
    for (int i = -6000; i <= 6000; ++i) {
        const double x = i / 1000.0;
        if (kinked && std::abs(x) < 1e-3)
            continue;
        // The element index picks RReLU's training-mode slope; it must be the same for all three.
        const auto element = static_cast<std::uint64_t>(i + 6000);
        const double above = core::evaluate(kind, x + Step, params, element).value;
        const double below = core::evaluate(kind, x - Step, params, element).value;
        const double numeric = (above - below) / (2.0 * Step);
        const double analytic = core::evaluate(kind, x, params, element).derivative;
        if (!relulab::test::fuzzyEqual(analytic, numeric, FiniteDifferenceTolerance)) {
            QFAIL(relulab::test::fuzzyMismatch(("f'(" + describe(x) + ")").constData(), analytic,
                                               numeric, FiniteDifferenceTolerance)
                          .constData());
        }
        ++checked;
    }
    QVERIFY(checked >= 11'990);
}

void TestActivations::rreluDrawnSlopeIsTheSpecsUniform()
{
    // Element i takes lower + (upper - lower) u, u the (i + 1)-th uniform of SplitMix64(seed).
    for (const std::uint64_t seed : {std::uint64_t {0}, std::uint64_t {42}, ~std::uint64_t {0}}) {
        core::SplitMix64 generator(seed);
        for (std::uint64_t i = 0; i < 1000; ++i) {
            const double u = generator.uniform();
            const double expected = 0.1 + (0.4 - 0.1) * u;
            RELULAB_COMPARE_EXACT(core::rreluDrawnSlope(seed, i, 0.1, 0.4), expected);
        }
    }
}

void TestActivations::rreluDrawnSlopeWithinBounds_data()
{
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    QTest::newRow("PyTorch 1/8 1/3") << core::DefaultRreluLower << core::DefaultRreluUpper;
    QTest::newRow("0.1 0.4") << OtherRreluLower << OtherRreluUpper;
    QTest::newRow("0 1") << 0.0 << 1.0;
    QTest::newRow("equal bounds") << 0.3 << 0.3;
}

void TestActivations::rreluDrawnSlopeWithinBounds()
{
    QFETCH(double, lower);
    QFETCH(double, upper);
    double smallest = Inf;
    double largest = -Inf;
    for (const std::uint64_t seed : {std::uint64_t {1}, std::uint64_t {2024}}) {
        for (std::uint64_t i = 0; i < 100'000; ++i) {
            const double a = core::rreluDrawnSlope(seed, i, lower, upper);
            smallest = std::min(smallest, a);
            largest = std::max(largest, a);
        }
    }
    QVERIFY2(smallest >= lower, describe(smallest).constData());
    QVERIFY2(largest <= upper, describe(largest).constData());
    // The draws fill the interval rather than sitting at one point in it.
    const double width = upper - lower;
    QVERIFY(smallest <= lower + 1e-3 * width);
    QVERIFY(largest >= upper - 1e-3 * width);
}

void TestActivations::rreluDrawnSlopeStatistics()
{
    constexpr int Draws = 100'000;
    constexpr double Lower = core::DefaultRreluLower;
    constexpr double Upper = core::DefaultRreluUpper;
    double sum = 0.0;
    double sumOfSquares = 0.0;
    for (std::uint64_t i = 0; i < Draws; ++i) {
        const double a = core::rreluDrawnSlope(7, i, Lower, Upper);
        sum += a;
        sumOfSquares += a * a;
    }
    const double mean = sum / Draws;
    const double variance = sumOfSquares / Draws - mean * mean;

    // U(l, u): mean (l + u) / 2, variance w^2 / 12 with w = u - l; the standard error of the mean
    // is w / sqrt(12 n), that of the sample variance sqrt((mu4 - sigma^4) / n) = w^2 / sqrt(180 n).
    const double width = Upper - Lower;
    const double expectedMean = (Lower + Upper) / 2.0;
    const double expectedVariance = width * width / 12.0;
    const double meanError = width / std::sqrt(12.0 * Draws);
    const double varianceError = width * width / std::sqrt(180.0 * Draws);
    QVERIFY2(std::abs(mean - expectedMean) < 5.0 * meanError,
             ("mean " + describe(mean) + ", expected " + describe(expectedMean)).constData());
    QVERIFY2(std::abs(variance - expectedVariance) < 5.0 * varianceError,
             ("variance " + describe(variance) + ", expected " + describe(expectedVariance)).constData());
}

void TestActivations::rreluDrawsPerElement()
{
    // Each element has its own draw: no two neighbours share a slope.
    for (std::uint64_t i = 0; i < 10'000; ++i) {
        const double here = core::rreluDrawnSlope(3, i, 0.1, 0.4);
        const double next = core::rreluDrawnSlope(3, i + 1, 0.1, 0.4);
        QVERIFY2(here != next, ("elements " + QByteArray::number(i) + " and the next").constData());
    }
}

void TestActivations::rreluDrawsReproducible()
{
    constexpr std::uint64_t Count = 10'000;
    std::vector<double> first(Count);
    std::vector<double> again(Count);
    std::vector<double> otherSeed(Count);
    for (std::uint64_t i = 0; i < Count; ++i) {
        first[i] = core::rreluDrawnSlope(42, i, 0.125, 1.0 / 3.0);
        otherSeed[i] = core::rreluDrawnSlope(43, i, 0.125, 1.0 / 3.0);
    }
    // Drawn in the reverse order this time: a draw depends on (seed, index) only.
    for (std::uint64_t i = Count; i-- > 0;)
        again[i] = core::rreluDrawnSlope(42, i, 0.125, 1.0 / 3.0);
    QVERIFY(first == again);
    std::size_t same = 0;
    for (std::size_t i = 0; i < Count; ++i)
        same += first[i] == otherSeed[i] ? 1 : 0;
    QCOMPARE(same, std::size_t {0});
}

void TestActivations::rreluTraining_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("derivative");
    // PyTorch's rrelu_with_noise with a drawn slope of 0.2: x <= 0 takes the slope, f'(0) too.
    // clang-format off
    QTest::newRow("x=-3") << -3.0 << -0.6000000000000001 << 0.2;
    QTest::newRow("x=-0.5") << -0.5 << -0.1 << 0.2;
    QTest::newRow("x=-1e-30") << -1e-30 << -2e-31 << 0.2;
    QTest::newRow("x=-0") << -0.0 << -0.0 << 0.2;
    QTest::newRow("x=+0") << 0.0 << 0.0 << 0.2;
    QTest::newRow("x=1e-30") << 1e-30 << 1e-30 << 1.0;
    QTest::newRow("x=0.5") << 0.5 << 0.5 << 1.0;
    QTest::newRow("x=1e+06") << 1000000.0 << 1000000.0 << 1.0;
    QTest::newRow("x=-1e+06") << -1000000.0 << -200000.0 << 0.2;
    QTest::newRow("x=+inf") << Inf << Inf << 1.0;
    QTest::newRow("x=-inf") << -Inf << -Inf << 0.2;
    QTest::newRow("x=nan") << NaN << NaN << NaN;
    // clang-format on
}

void TestActivations::rreluTraining()
{
    QFETCH(double, x);
    QFETCH(double, value);
    QFETCH(double, derivative);
    RELULAB_FUZZY_COMPARE(core::rreluTraining(x, 0.2), value);
    RELULAB_FUZZY_COMPARE(core::rreluTrainingDerivative(x, 0.2), derivative);
    CHECK_SIGN_OF_ZERO(core::rreluTraining(x, 0.2));
    RELULAB_FUZZY_COMPARE_TOL(core::rreluTraining(static_cast<float>(x), 0.2F), value,
                              (Tolerance {1e-6, 1e-30}));
    RELULAB_FUZZY_COMPARE_TOL(core::rreluTrainingDerivative(static_cast<float>(x), 0.2F),
                              derivative, (Tolerance {1e-6, 1e-30}));
}

void TestActivations::evaluateRreluTraining()
{
    ActivationParams params = otherParams();
    params.rreluMode = RreluMode::Training;
    params.rreluSeed = 5;
    bool slopesDiffer = false;
    double previous = NaN;
    for (std::uint64_t i = 0; i < 1000; ++i) {
        const double slope = core::rreluDrawnSlope(5, i, OtherRreluLower, OtherRreluUpper);
        const core::ValueAndDerivative negative = core::evaluate(Activation::Rrelu, -2.0, params, i);
        RELULAB_COMPARE_EXACT(negative.value, -2.0 * slope);
        RELULAB_COMPARE_EXACT(negative.derivative, slope);
        const core::ValueAndDerivative zero = core::evaluate(Activation::Rrelu, 0.0, params, i);
        RELULAB_COMPARE_EXACT(zero.value, 0.0);
        RELULAB_COMPARE_EXACT(zero.derivative, slope);
        const core::ValueAndDerivative positive = core::evaluate(Activation::Rrelu, 1.5, params, i);
        RELULAB_COMPARE_EXACT(positive.value, 1.5);
        RELULAB_COMPARE_EXACT(positive.derivative, 1.0);
        slopesDiffer = slopesDiffer || (i > 0 && slope != previous);
        previous = slope;
    }
    QVERIFY(slopesDiffer);
    // The mode decides: the same parameters in evaluation mode use the mean slope everywhere.
    params.rreluMode = RreluMode::Evaluation;
    RELULAB_COMPARE_EXACT(core::evaluate(Activation::Rrelu, -2.0, params, 17).derivative, 0.25);
    RELULAB_COMPARE_EXACT(core::evaluate(Activation::Rrelu, -2.0, params, 17).value, -0.5);
}

void TestActivations::activationFromCliName_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Activation>("kind");
    QTest::newRow("relu") << QByteArray("relu") << true << Activation::Relu;
    QTest::newRow("leaky_relu") << QByteArray("leaky_relu") << true << Activation::LeakyRelu;
    QTest::newRow("prelu") << QByteArray("prelu") << true << Activation::Prelu;
    QTest::newRow("rrelu") << QByteArray("rrelu") << true << Activation::Rrelu;
    QTest::newRow("elu") << QByteArray("elu") << true << Activation::Elu;
    QTest::newRow("gelu") << QByteArray("gelu") << true << Activation::Gelu;
    QTest::newRow("gelu_tanh") << QByteArray("gelu_tanh") << true << Activation::GeluTanh;
    QTest::newRow("silu") << QByteArray("silu") << true << Activation::Silu;
    QTest::newRow("mish") << QByteArray("mish") << true << Activation::Mish;
    QTest::newRow("softplus") << QByteArray("softplus") << true << Activation::Softplus;
    QTest::newRow("sigmoid") << QByteArray("sigmoid") << true << Activation::Sigmoid;
    QTest::newRow("tanh") << QByteArray("tanh") << true << Activation::Tanh;
    // Exact spelling only: no case folding, no trimming, no prefixes, no display names.
    QTest::newRow("empty") << QByteArray("") << false << Activation::Relu;
    QTest::newRow("ReLU") << QByteArray("ReLU") << false << Activation::Relu;
    QTest::newRow("RELU") << QByteArray("RELU") << false << Activation::Relu;
    QTest::newRow("trailing space") << QByteArray("relu ") << false << Activation::Relu;
    QTest::newRow("leading space") << QByteArray(" relu") << false << Activation::Relu;
    QTest::newRow("hyphen") << QByteArray("leaky-relu") << false << Activation::Relu;
    QTest::newRow("display name") << QByteArray("Leaky ReLU") << false << Activation::Relu;
    QTest::newRow("prefix") << QByteArray("rel") << false << Activation::Relu;
    QTest::newRow("longer") << QByteArray("relu6") << false << Activation::Relu;
    QTest::newRow("swish") << QByteArray("swish") << false << Activation::Relu;
    QTest::newRow("embedded nul") << QByteArray("tanh\0", 5) << false << Activation::Relu;
}

void TestActivations::activationFromCliName()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, valid);
    QFETCH(Activation, kind);
    const std::optional<Activation> found =
            core::activationFromCliName(std::string_view(name.constData(), std::size_t(name.size())));
    QCOMPARE(found.has_value(), valid);
    if (valid)
        QVERIFY(*found == kind);
}

void TestActivations::allActivationsOrder()
{
    constexpr std::array<std::string_view, core::ActivationCount> Names {
            "relu",      "leaky_relu", "prelu", "rrelu",    "elu",     "gelu",
            "gelu_tanh", "silu",       "mish",  "softplus", "sigmoid", "tanh"};
    const std::span<const core::ActivationInfo> all = core::allActivations();
    QCOMPARE(all.size(), std::size_t {core::ActivationCount});
    std::string joined;
    for (std::size_t i = 0; i < all.size(); ++i) {
        QVERIFY(all[i].kind == static_cast<Activation>(i));
        QCOMPARE(bytes(all[i].cliName), bytes(Names[i]));
        QVERIFY(!all[i].displayName.empty());
        QVERIFY(&core::activationInfo(all[i].kind) == &all[i]);
        QVERIFY(core::activationFromCliName(all[i].cliName) == all[i].kind);
        if (i > 0)
            joined += ' ';
        joined += all[i].cliName;
    }
    QCOMPARE(bytes(core::activationCliNames()), bytes(joined));
    QCOMPARE(bytes(core::activationInfo(Activation::LeakyRelu).displayName), "Leaky ReLU");
    QCOMPARE(bytes(core::activationInfo(Activation::Relu).displayName), "ReLU");
}

void TestActivations::activationInfoFlags()
{
    for (const core::ActivationInfo &info : core::allActivations()) {
        const bool rectifier = isPiecewiseLinear(info.kind);
        QCOMPARE(info.isRectifier, rectifier);
        QCOMPARE(info.hasKinkAtZero, rectifier);
        const bool alpha = info.kind == Activation::LeakyRelu || info.kind == Activation::Prelu
                || info.kind == Activation::Elu;
        QCOMPARE(info.hasAlpha, alpha);
    }
}

void TestActivations::alphaOf_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<double>("alpha");
    QTest::newRow("relu") << Activation::Relu << NaN;
    QTest::newRow("leaky_relu") << Activation::LeakyRelu << 0.01;
    QTest::newRow("prelu") << Activation::Prelu << 0.25;
    QTest::newRow("rrelu") << Activation::Rrelu << NaN;
    QTest::newRow("elu") << Activation::Elu << 1.0;
    QTest::newRow("gelu") << Activation::Gelu << NaN;
    QTest::newRow("gelu_tanh") << Activation::GeluTanh << NaN;
    QTest::newRow("silu") << Activation::Silu << NaN;
    QTest::newRow("mish") << Activation::Mish << NaN;
    QTest::newRow("softplus") << Activation::Softplus << NaN;
    QTest::newRow("sigmoid") << Activation::Sigmoid << NaN;
    QTest::newRow("tanh") << Activation::Tanh << NaN;
}

void TestActivations::alphaOf()
{
    QFETCH(Activation, kind);
    QFETCH(double, alpha);
    ActivationParams params;
    QVERIFY(identical(core::alphaOf(kind, params), alpha));

    const bool hasAlpha = !std::isnan(alpha);
    QCOMPARE(core::activationInfo(kind).hasAlpha, hasAlpha);
    const ActivationParams before = params;
    QCOMPARE(core::setAlphaOf(kind, params, 0.7), hasAlpha);
    if (!hasAlpha) {
        QVERIFY(params == before);
        return;
    }
    RELULAB_COMPARE_EXACT(core::alphaOf(kind, params), 0.7);
    // Only this function's own field changed: each function keeps its own alpha.
    ActivationParams expected = before;
    switch (kind) {
    case Activation::LeakyRelu:
        expected.leakySlope = 0.7;
        break;
    case Activation::Prelu:
        expected.preluWeight = 0.7;
        break;
    case Activation::Elu:
        expected.eluAlpha = 0.7;
        break;
    default:
        QFAIL("a function without alpha accepted one");
    }
    QVERIFY(params == expected);
    for (const core::ActivationInfo &other : core::allActivations()) {
        if (other.kind != kind && other.hasAlpha)
            RELULAB_COMPARE_EXACT(core::alphaOf(other.kind, params), core::alphaOf(other.kind, before));
    }
}

void TestActivations::negativeSlopeOf()
{
    const ActivationParams defaults;
    const ActivationParams other = otherParams();
    RELULAB_COMPARE_EXACT(core::negativeSlopeOf(Activation::Relu, other), 0.0);
    RELULAB_COMPARE_EXACT(core::negativeSlopeOf(Activation::LeakyRelu, defaults), 0.01);
    RELULAB_COMPARE_EXACT(core::negativeSlopeOf(Activation::LeakyRelu, other), OtherLeakySlope);
    RELULAB_COMPARE_EXACT(core::negativeSlopeOf(Activation::Prelu, defaults), 0.25);
    RELULAB_COMPARE_EXACT(core::negativeSlopeOf(Activation::Prelu, other), OtherPreluWeight);
    RELULAB_FUZZY_COMPARE(core::negativeSlopeOf(Activation::Rrelu, defaults), 11.0 / 48.0);
    RELULAB_FUZZY_COMPARE(core::negativeSlopeOf(Activation::Rrelu, other), 0.25);
    for (const core::ActivationInfo &info : core::allActivations()) {
        if (!isPiecewiseLinear(info.kind))
            QVERIFY2(std::isnan(core::negativeSlopeOf(info.kind, other)), info.cliName.data());
    }
}

QTEST_APPLESS_MAIN(TestActivations)
#include "tst_activations.moc"
