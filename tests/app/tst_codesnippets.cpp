// "Copy as code": the PyTorch and Keras text for every activation, with the exact strings a student
// pastes into a notebook, numbers in Python's own repr() spelling, and whole snippets for the
// explorer and the lab.

#include <QTest>

#include <cmath>
#include <limits>

#include "app/codesnippets.h"
#include "app/parametermodel.h" // Activation as a test data type

using relulab::app::ExplorerState;
using relulab::core::Activation;
using relulab::core::ActivationParams;
using relulab::core::TrainingConfig;

namespace {

// The reference snippets' lines that the penalties and the gain change or follow.
const QString TorchOptimizerLine =
        QStringLiteral("optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n");
const QString KerasModelLine = QStringLiteral("keras.utils.set_random_seed(1)");

// `text` with `before` replaced by `after`, checking that `before` is there exactly once: the
// expected snippet is the reference one with only that part changed.
QString replacedOnce(QString text, const QString &before, const QString &after)
{
    if (text.count(before) != 1)
        qFatal("\"%s\" is not in the text exactly once", qPrintable(before));
    return text.replace(before, after);
}

// The Keras Dense lines of the reference network (2-32-32-32-1, He normal), each with `extra`
// after its initializers.
QString kerasReferenceDenses(const QString &extra)
{
    const auto dense = [&extra](int units, const char *stddev, const char *tail) {
        return QStringLiteral("    keras.layers.Dense(%1, kernel_initializer=keras.initializers."
                              "RandomNormal(stddev=%2), bias_initializer=\"zeros\"%3),%4\n")
                .arg(units)
                .arg(QLatin1String(stddev), extra, QLatin1String(tail));
    };
    const QString relu = QStringLiteral("    keras.layers.ReLU(),\n");
    return dense(32, "1.0", "") + relu + dense(32, "0.25", "") + relu + dense(32, "0.25", "") + relu
            + dense(1, "0.25", "  # one logit");
}

} // namespace

class TestCodeSnippets : public QObject
{
    Q_OBJECT

private slots:
    void pythonFloat_data();
    void pythonFloat();
    void torchActivation_data();
    void torchActivation();
    void kerasActivation_data();
    void kerasActivation();
    void preluParameterCounts();
    void torchExplorerLeakyRelu();
    void explorerRreluModes();
    void explorerOverlays();
    void kerasExplorerPrelu();
    void torchLabReference();
    void kerasLabReference();
    void labVariants();
    void weightDecayWithSgd();
    void weightDecayWithAdam();
    void weightDecayWithPreluLeavesTheAlphasOut();
    void l1();
    void l1WithWeightDecay();
    void initGain();
    void initGainOfEveryInitialisation();
};

void TestCodeSnippets::pythonFloat_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    // What Python 3 prints for repr(value).
    QTest::newRow("0") << 0.0 << "0.0";
    QTest::newRow("-0") << -0.0 << "-0.0";
    QTest::newRow("1") << 1.0 << "1.0";
    QTest::newRow("-3") << -3.0 << "-3.0";
    QTest::newRow("0.01") << 0.01 << "0.01";
    QTest::newRow("0.25") << 0.25 << "0.25";
    QTest::newRow("1/8") << 0.125 << "0.125";
    QTest::newRow("1/3") << 1.0 / 3.0 << "0.3333333333333333";
    QTest::newRow("11/48") << 11.0 / 48.0 << "0.22916666666666666";
    QTest::newRow("0.1+0.2") << 0.1 + 0.2 << "0.30000000000000004";
    QTest::newRow("123.456") << 123.456 << "123.456";
    QTest::newRow("20") << 20.0 << "20.0";
    QTest::newRow("1e-4") << 1e-4 << "0.0001";
    QTest::newRow("1e-5") << 1e-5 << "1e-05";
    QTest::newRow("1e-8") << 1e-8 << "1e-08";
    QTest::newRow("2.5e-7") << 2.5e-7 << "2.5e-07";
    QTest::newRow("1e15") << 1e15 << "1000000000000000.0";
    QTest::newRow("1e16") << 1e16 << "1e+16";
    QTest::newRow("-1.5e300") << -1.5e300 << "-1.5e+300";
    QTest::newRow("min") << std::numeric_limits<double>::denorm_min() << "5e-324";
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << "float(\"inf\")";
    QTest::newRow("nan") << std::nan("") << "float(\"nan\")";
}

void TestCodeSnippets::pythonFloat()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(relulab::app::pythonFloat(value), expected);
}

namespace {

ActivationParams customParams()
{
    ActivationParams params;
    params.leakySlope = 0.2;
    params.preluWeight = 0.1;
    params.eluAlpha = 0.5;
    params.rreluLower = 0.05;
    params.rreluUpper = 0.4;
    return params;
}

} // namespace

void TestCodeSnippets::torchActivation_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<QString>("defaults");
    QTest::addColumn<QString>("custom");
    QTest::newRow("relu") << Activation::Relu << "torch.nn.ReLU()"
                          << "torch.nn.ReLU()";
    QTest::newRow("leaky_relu") << Activation::LeakyRelu << "torch.nn.LeakyReLU(negative_slope=0.01)"
                                << "torch.nn.LeakyReLU(negative_slope=0.2)";
    QTest::newRow("prelu") << Activation::Prelu << "torch.nn.PReLU(num_parameters=1, init=0.25)"
                           << "torch.nn.PReLU(num_parameters=1, init=0.1)";
    QTest::newRow("rrelu") << Activation::Rrelu
                           << "torch.nn.RReLU(lower=0.125, upper=0.3333333333333333)"
                           << "torch.nn.RReLU(lower=0.05, upper=0.4)";
    QTest::newRow("elu") << Activation::Elu << "torch.nn.ELU(alpha=1.0)"
                         << "torch.nn.ELU(alpha=0.5)";
    QTest::newRow("gelu") << Activation::Gelu << "torch.nn.GELU()"
                          << "torch.nn.GELU()";
    QTest::newRow("gelu_tanh") << Activation::GeluTanh << "torch.nn.GELU(approximate=\"tanh\")"
                               << "torch.nn.GELU(approximate=\"tanh\")";
    QTest::newRow("silu") << Activation::Silu << "torch.nn.SiLU()"
                          << "torch.nn.SiLU()";
    QTest::newRow("mish") << Activation::Mish << "torch.nn.Mish()"
                          << "torch.nn.Mish()";
    QTest::newRow("softplus") << Activation::Softplus << "torch.nn.Softplus(beta=1.0, threshold=20.0)"
                              << "torch.nn.Softplus(beta=1.0, threshold=20.0)";
    QTest::newRow("sigmoid") << Activation::Sigmoid << "torch.nn.Sigmoid()"
                             << "torch.nn.Sigmoid()";
    QTest::newRow("tanh") << Activation::Tanh << "torch.nn.Tanh()"
                          << "torch.nn.Tanh()";
}

void TestCodeSnippets::torchActivation()
{
    QFETCH(Activation, kind);
    QFETCH(QString, defaults);
    QFETCH(QString, custom);
    QCOMPARE(relulab::app::torchActivation(kind, ActivationParams {}), defaults);
    QCOMPARE(relulab::app::torchActivation(kind, customParams()), custom);
}

void TestCodeSnippets::kerasActivation_data()
{
    QTest::addColumn<Activation>("kind");
    QTest::addColumn<QString>("defaults");
    QTest::addColumn<QString>("custom");
    QTest::newRow("relu") << Activation::Relu << "keras.layers.ReLU()"
                          << "keras.layers.ReLU()";
    QTest::newRow("leaky_relu") << Activation::LeakyRelu << "keras.layers.LeakyReLU(negative_slope=0.01)"
                                << "keras.layers.LeakyReLU(negative_slope=0.2)";
    QTest::newRow("prelu")
            << Activation::Prelu
            << "keras.layers.PReLU(alpha_initializer=keras.initializers.Constant(0.25), "
               "shared_axes=[1])"
            << "keras.layers.PReLU(alpha_initializer=keras.initializers.Constant(0.1), "
               "shared_axes=[1])";
    QTest::newRow("rrelu") << Activation::Rrelu << "RReLU(lower=0.125, upper=0.3333333333333333)"
                           << "RReLU(lower=0.05, upper=0.4)";
    QTest::newRow("elu") << Activation::Elu << "keras.layers.ELU(alpha=1.0)"
                         << "keras.layers.ELU(alpha=0.5)";
    QTest::newRow("gelu") << Activation::Gelu << "keras.layers.Activation(\"gelu\")"
                          << "keras.layers.Activation(\"gelu\")";
    QTest::newRow("gelu_tanh")
            << Activation::GeluTanh
            << "keras.layers.Activation(lambda x: keras.activations.gelu(x, approximate=True))"
            << "keras.layers.Activation(lambda x: keras.activations.gelu(x, approximate=True))";
    QTest::newRow("silu") << Activation::Silu << "keras.layers.Activation(\"silu\")"
                          << "keras.layers.Activation(\"silu\")";
    QTest::newRow("mish") << Activation::Mish << "keras.layers.Activation(\"mish\")"
                          << "keras.layers.Activation(\"mish\")";
    QTest::newRow("softplus") << Activation::Softplus << "keras.layers.Activation(\"softplus\")"
                              << "keras.layers.Activation(\"softplus\")";
    QTest::newRow("sigmoid") << Activation::Sigmoid << "keras.layers.Activation(\"sigmoid\")"
                             << "keras.layers.Activation(\"sigmoid\")";
    QTest::newRow("tanh") << Activation::Tanh << "keras.layers.Activation(\"tanh\")"
                          << "keras.layers.Activation(\"tanh\")";
}

void TestCodeSnippets::kerasActivation()
{
    QFETCH(Activation, kind);
    QFETCH(QString, defaults);
    QFETCH(QString, custom);
    QCOMPARE(relulab::app::kerasActivation(kind, ActivationParams {}), defaults);
    QCOMPARE(relulab::app::kerasActivation(kind, customParams()), custom);
}

void TestCodeSnippets::preluParameterCounts()
{
    QCOMPARE(relulab::app::torchActivation(Activation::Prelu, ActivationParams {}, 32),
             QStringLiteral("torch.nn.PReLU(num_parameters=32, init=0.25)"));
    QCOMPARE(relulab::app::kerasActivation(Activation::Prelu, ActivationParams {}, false),
             QStringLiteral(
                     "keras.layers.PReLU(alpha_initializer=keras.initializers.Constant(0.25))"));
}

void TestCodeSnippets::torchExplorerLeakyRelu()
{
    ExplorerState state;
    state.activation = Activation::LeakyRelu;
    state.params.leakySlope = 0.2;
    state.xMin = -5.0;
    state.xMax = 5.0;
    state.samples = 11;
    QCOMPARE(relulab::app::torchExplorerSnippet(state),
             QStringLiteral(
                     "import torch\n"
                     "\n"
                     "# Leaky ReLU, as ReLU Lab shows it\n"
                     "activation = torch.nn.LeakyReLU(negative_slope=0.2)\n"
                     "\n"
                     "x = torch.linspace(-5.0, 5.0, 11, dtype=torch.float64, requires_grad=True)\n"
                     "y = activation(x)  # f(x)\n"
                     "(dy,) = torch.autograd.grad(y.sum(), x)  # f'(x); at x = 0 the x <= 0 "
                     "branch, as in ReLU Lab\n"));
    QCOMPARE(relulab::app::kerasExplorerSnippet(state),
             QStringLiteral(
                     "import keras  # Keras 3 (TensorFlow 2.16 or later)\n"
                     "\n"
                     "# Leaky ReLU, as ReLU Lab shows it\n"
                     "activation = keras.layers.LeakyReLU(negative_slope=0.2)\n"
                     "# tf.keras 2.x calls the slope alpha: keras.layers.LeakyReLU(alpha=0.2)\n"
                     "\n"
                     "# 11 samples of one feature each\n"
                     "x = keras.ops.reshape(keras.ops.linspace(-5.0, 5.0, 11), (-1, 1))\n"
                     "y = activation(x)  # f(x)\n"));
}

void TestCodeSnippets::explorerRreluModes()
{
    ExplorerState state;
    state.activation = Activation::Rrelu;
    state.params.rreluMode = relulab::core::RreluMode::Training;
    state.params.rreluSeed = 7;
    const QString torchTraining = relulab::app::torchExplorerSnippet(state);
    QVERIFY(torchTraining.contains(QStringLiteral(
            "activation = torch.nn.RReLU(lower=0.125, upper=0.3333333333333333)\n")));
    QVERIFY(torchTraining.contains(QStringLiteral("# Training mode: each element x <= 0 draws its "
                                                  "own slope from U(lower, upper)\n")));
    QVERIFY(torchTraining.contains(QStringLiteral("activation.train()\ntorch.manual_seed(7)\n")));
    QVERIFY(!torchTraining.contains(QStringLiteral("eval()")));

    const QString kerasTraining = relulab::app::kerasExplorerSnippet(state);
    // The custom layer comes first, then its use in training mode.
    QVERIFY(kerasTraining.startsWith(QStringLiteral("import keras  # Keras 3 (TensorFlow 2.16 or "
                                                    "later)\n\n")
                                     + relulab::app::kerasRreluLayer()));
    QVERIFY(kerasTraining.contains(
            QStringLiteral("activation = RReLU(lower=0.125, upper=0.3333333333333333)\n")));
    QVERIFY(kerasTraining.contains(QStringLiteral("y = activation(x, training=True)  # f(x)\n")));

    state.params.rreluMode = relulab::core::RreluMode::Evaluation;
    const QString torchEval = relulab::app::torchExplorerSnippet(state);
    QVERIFY(torchEval.contains(QStringLiteral("# Evaluation mode: the mean slope (lower + upper) / "
                                              "2 = 0.22916666666666666\nactivation.eval()\n")));
    QVERIFY(!torchEval.contains(QStringLiteral("manual_seed")));
    QVERIFY(relulab::app::kerasExplorerSnippet(state).contains(
            QStringLiteral("y = activation(x, training=False)  # f(x)\n")));

    // The layer's behaviour in both modes, as PyTorch's: a slope per element from U(lower, upper)
    // in training, the mean in evaluation, x itself for x > 0. At x = 0 PyTorch takes the x <= 0
    // branch (rrelu_with_noise draws a slope for input <= 0), so the gradient there is the slope:
    // the layer tests x > 0, where x >= 0 would give the gradient 1.
    const QString layer = relulab::app::kerasRreluLayer();
    QVERIFY(layer.startsWith(QStringLiteral("class RReLU(keras.layers.Layer):\n")));
    QVERIFY(layer.contains(QStringLiteral(
            "            slope = keras.random.uniform(keras.ops.shape(x), minval=self.lower,\n")));
    QVERIFY(layer.contains(QStringLiteral("            slope = (self.lower + self.upper) / 2\n")));
    QVERIFY(layer.contains(
            QStringLiteral("        return keras.ops.where(x > 0, x, slope * x)\n")));
    QVERIFY(!layer.contains(QStringLiteral("x >= 0")));
    QVERIFY(!kerasTraining.contains(QStringLiteral("x >= 0")));
    QVERIFY(layer.contains(QStringLiteral("Training: each element x <= 0 gets its own\n")));
}

void TestCodeSnippets::explorerOverlays()
{
    ExplorerState state;
    state.activation = Activation::Relu;
    // The selected function's own ticked box is not a comparison.
    state.overlays = {Activation::Relu, Activation::Rrelu, Activation::Gelu};
    const QString torch = relulab::app::torchExplorerSnippet(state);
    QVERIFY(torch.endsWith(
            QStringLiteral("\n# Compared with:\n"
                           "compare = {\n"
                           "    \"rrelu\": torch.nn.RReLU(lower=0.125, upper=0.3333333333333333),\n"
                           "    \"gelu\": torch.nn.GELU(),\n"
                           "}\n")));
    // Keras' comparison leaves out RReLU, whose custom layer the snippet does not define then.
    const QString keras = relulab::app::kerasExplorerSnippet(state);
    QVERIFY(keras.endsWith(QStringLiteral("\n# Compared with:\n"
                                          "compare = {\n"
                                          "    \"gelu\": keras.layers.Activation(\"gelu\"),\n"
                                          "}\n")));
    QVERIFY(!keras.contains(QStringLiteral("RReLU")));
}

void TestCodeSnippets::kerasExplorerPrelu()
{
    ExplorerState state;
    state.activation = Activation::Prelu;
    QVERIFY(relulab::app::kerasExplorerSnippet(state).contains(QStringLiteral(
            "activation = keras.layers.PReLU(alpha_initializer=keras.initializers.Constant(0.25), "
            "shared_axes=[1])\n")));
    QVERIFY(relulab::app::torchExplorerSnippet(state).contains(
            QStringLiteral("activation = torch.nn.PReLU(num_parameters=1, init=0.25)\n")));
}

void TestCodeSnippets::torchLabReference()
{
    QCOMPARE(relulab::app::torchLabSnippet(relulab::core::TrainingConfig {}),
             QStringLiteral(
                     "import torch\n"
                     "\n"
                     "# ReLU Lab's dead-neuron lab: 2-32-32-32-1 with ReLU\n"
                     "# (PyTorch's generator: other initial weights than ReLU Lab's.)\n"
                     "torch.manual_seed(1)\n"
                     "model = torch.nn.Sequential(\n"
                     "    torch.nn.Linear(2, 32),\n"
                     "    torch.nn.ReLU(),\n"
                     "    torch.nn.Linear(32, 32),\n"
                     "    torch.nn.ReLU(),\n"
                     "    torch.nn.Linear(32, 32),\n"
                     "    torch.nn.ReLU(),\n"
                     "    torch.nn.Linear(32, 1),  # one logit\n"
                     ")\n"
                     "for layer in model:\n"
                     "    if isinstance(layer, torch.nn.Linear):\n"
                     "        # He normal: N(0, 2 / fan_in)\n"
                     "        torch.nn.init.kaiming_normal_(layer.weight, nonlinearity=\"relu\")\n"
                     "        torch.nn.init.zeros_(layer.bias)\n"
                     "model = model.double()\n"
                     "\n"
                     "loss_fn = torch.nn.BCEWithLogitsLoss()\n"
                     "optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n"
                     "# Full batch: every step uses all 1024 training points.\n"));
}

void TestCodeSnippets::kerasLabReference()
{
    const QString dense1 = QStringLiteral(
            "    keras.layers.Dense(32, kernel_initializer=keras.initializers.RandomNormal("
            "stddev=1.0), bias_initializer=\"zeros\"),\n");
    const QString dense32 = QStringLiteral(
            "    keras.layers.Dense(32, kernel_initializer=keras.initializers.RandomNormal("
            "stddev=0.25), bias_initializer=\"zeros\"),\n");
    QCOMPARE(
            relulab::app::kerasLabSnippet(relulab::core::TrainingConfig {}),
            QStringLiteral("import keras  # Keras 3 (TensorFlow 2.16 or later)\n"
                           "\n"
                           "keras.config.set_floatx(\"float64\")\n"
                           "# ReLU Lab's dead-neuron lab: 2-32-32-32-1 with ReLU\n"
                           "# He normal, N(0, 2 / fan_in), untruncated like the lab's (Keras' "
                           "\"he_normal\" truncates).\n"
                           "keras.utils.set_random_seed(1)  # Keras' generator: other initial "
                           "weights than ReLU Lab's\n"
                           "model = keras.Sequential([\n"
                           "    keras.Input(shape=(2,)),\n")
                    + dense1 + QStringLiteral("    keras.layers.ReLU(),\n") + dense32
                    + QStringLiteral("    keras.layers.ReLU(),\n") + dense32
                    + QStringLiteral(
                            "    keras.layers.ReLU(),\n"
                            "    keras.layers.Dense(1, kernel_initializer=keras.initializers."
                            "RandomNormal(stddev=0.25), bias_initializer=\"zeros\"),  # one logit\n"
                            "])\n"
                            "model.compile(\n"
                            "    optimizer=keras.optimizers.SGD(learning_rate=0.1),\n"
                            "    loss=keras.losses.BinaryCrossentropy(from_logits=True),\n"
                            "    metrics=[keras.metrics.BinaryAccuracy(threshold=0.0)],\n"
                            ")\n"
                            "# Full batch: every step uses all 1024 training points.\n"));
}

void TestCodeSnippets::labVariants()
{
    relulab::core::TrainingConfig config;
    config.network.hidden = {8, 4};
    config.network.activation = Activation::Prelu;
    config.network.preluPerUnit = true;
    config.network.params.preluWeight = 0.1;
    config.network.init = relulab::core::Initialization::PlaygroundUniform;
    config.optimizer = relulab::core::OptimizerKind::Adam;
    config.learningRate = 0.001;
    config.batchSize = 32;
    config.precision = relulab::core::Precision::Float;
    const QString torch = relulab::app::torchLabSnippet(config);
    QVERIFY(torch.contains(QStringLiteral("# ReLU Lab's dead-neuron lab: 2-8-4-1 with PReLU\n")));
    QVERIFY(torch.contains(QStringLiteral("    torch.nn.Linear(2, 8),\n"
                                          "    torch.nn.PReLU(num_parameters=8, init=0.1),\n"
                                          "    torch.nn.Linear(8, 4),\n"
                                          "    torch.nn.PReLU(num_parameters=4, init=0.1),\n"
                                          "    torch.nn.Linear(4, 1),  # one logit\n")));
    QVERIFY(torch.contains(
            QStringLiteral("        torch.nn.init.uniform_(layer.weight, -0.5, 0.5)\n"
                           "        torch.nn.init.constant_(layer.bias, 0.1)\n")));
    QVERIFY(!torch.contains(QStringLiteral("double()")));
    QVERIFY(torch.contains(QStringLiteral(
            "optimizer = torch.optim.Adam(model.parameters(), lr=0.001, betas=(0.9, 0.999), "
            "eps=1e-08)\n# Mini-batches of 32, reshuffled every epoch.\n")));

    const QString keras = relulab::app::kerasLabSnippet(config);
    QVERIFY(!keras.contains(QStringLiteral("set_floatx")));
    QVERIFY(keras.contains(QStringLiteral(
            "    keras.layers.Dense(8, kernel_initializer=keras.initializers.RandomUniform(-0.5, "
            "0.5), bias_initializer=keras.initializers.Constant(0.1)),\n"
            "    keras.layers.PReLU(alpha_initializer=keras.initializers.Constant(0.1)),\n")));
    QVERIFY(keras.contains(QStringLiteral(
            "    optimizer=keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, "
            "epsilon=1e-08),\n")));

    config.network.activation = Activation::Rrelu;
    config.network.init = relulab::core::Initialization::XavierUniform;
    config.network.biasInit = relulab::core::BiasInit::Constant;
    config.optimizer = relulab::core::OptimizerKind::Momentum;
    const QString rreluTorch = relulab::app::torchLabSnippet(config);
    QVERIFY(rreluTorch.contains(
            QStringLiteral("        torch.nn.init.xavier_uniform_(layer.weight)\n"
                           "        torch.nn.init.constant_(layer.bias, 0.1)\n")));
    QVERIFY(rreluTorch.contains(QStringLiteral(
            "optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)\n")));
    const QString rreluKeras = relulab::app::kerasLabSnippet(config);
    QVERIFY(rreluKeras.contains(relulab::app::kerasRreluLayer()));
    QVERIFY(rreluKeras.contains(
            QStringLiteral("    keras.layers.Dense(4, kernel_initializer=\"glorot_uniform\", "
                           "bias_initializer=keras.initializers.Constant(0.1)),\n"
                           "    RReLU(lower=0.125, upper=0.3333333333333333),\n")));

    config.network.init = relulab::core::Initialization::RandomizedAsymmetric;
    QVERIFY(relulab::app::torchLabSnippet(config).contains(
            QStringLiteral("# RAI (Lu et al. 2019) has no torch.nn.init function")));
    QVERIFY(relulab::app::kerasLabSnippet(config).contains(
            QStringLiteral("    keras.layers.Dense(8),\n")));
}

void TestCodeSnippets::weightDecayWithSgd()
{
    TrainingConfig config;
    config.weightDecay = 0.001;
    // PyTorch: its own weight_decay, which is the lab's (grad + lambda p before the step).
    QCOMPARE(relulab::app::torchLabSnippet(config),
             replacedOnce(relulab::app::torchLabSnippet(TrainingConfig {}), TorchOptimizerLine,
                          QStringLiteral("# weight_decay adds 0.001 * p to every gradient before "
                                         "the step, as ReLU Lab's weight decay.\n"
                                         "optimizer = torch.optim.SGD(model.parameters(), lr=0.1, "
                                         "weight_decay=0.001)\n")));
    // Keras: L2(lambda / 2) on every kernel and bias, the optimiser unchanged.
    const QString reference = relulab::app::kerasLabSnippet(TrainingConfig {});
    QString expected = replacedOnce(
            reference, KerasModelLine,
            QStringLiteral(
                    "# Weight decay 0.001 as PyTorch's weight_decay: 0.001 * w added to each "
                    "gradient before the step.\n"
                    "# L2(0.0005) adds 0.0005 * sum(w ** 2) to the loss, whose gradient is "
                    "0.001 * w.\n"
                    "# On every kernel and bias. The optimizers' own weight_decay argument\n"
                    "# is decoupled, as in AdamW: with momentum or Adam it is not the same.\n"
                    "kernel_penalty = keras.regularizers.L2(0.0005)\n"
                    "bias_penalty = keras.regularizers.L2(0.0005)\n")
                    + KerasModelLine);
    expected =
            replacedOnce(expected, kerasReferenceDenses(QString()),
                         kerasReferenceDenses(QStringLiteral(", kernel_regularizer=kernel_penalty, "
                                                             "bias_regularizer=bias_penalty")));
    QCOMPARE(relulab::app::kerasLabSnippet(config), expected);
    QVERIFY(expected.contains(
            QStringLiteral("    optimizer=keras.optimizers.SGD(learning_rate=0.1),\n")));
}

void TestCodeSnippets::weightDecayWithAdam()
{
    // PyTorch's Adam takes the same coupled weight_decay (not AdamW's); Keras' Adam gets no
    // weight_decay argument (it would be decoupled), the regularizers do it.
    TrainingConfig config;
    config.optimizer = relulab::core::OptimizerKind::Adam;
    config.learningRate = 0.001;
    config.weightDecay = 0.0001;
    QVERIFY(relulab::app::torchLabSnippet(config).endsWith(QStringLiteral(
            "loss_fn = torch.nn.BCEWithLogitsLoss()\n"
            "# weight_decay adds 0.0001 * p to every gradient before the step, as ReLU Lab's "
            "weight decay.\n"
            "# (Adam's weight_decay is L2 in the gradient, as here; AdamW's decoupled decay is "
            "not.)\n"
            "optimizer = torch.optim.Adam(model.parameters(), lr=0.001, betas=(0.9, 0.999), "
            "eps=1e-08, weight_decay=0.0001)\n"
            "# Full batch: every step uses all 1024 training points.\n")));
    const QString keras = relulab::app::kerasLabSnippet(config);
    QVERIFY(keras.contains(QStringLiteral("kernel_penalty = keras.regularizers.L2(5e-05)\n"
                                          "bias_penalty = keras.regularizers.L2(5e-05)\n")));
    QVERIFY(keras.contains(QStringLiteral(
            "    optimizer=keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, "
            "epsilon=1e-08),\n")));
    QVERIFY(!keras.contains(QStringLiteral("weight_decay=")));
}

void TestCodeSnippets::weightDecayWithPreluLeavesTheAlphasOut()
{
    TrainingConfig config;
    config.network.hidden = {8, 4};
    config.network.activation = Activation::Prelu;
    config.optimizer = relulab::core::OptimizerKind::Momentum;
    config.weightDecay = 0.01;
    QVERIFY(relulab::app::torchLabSnippet(config).endsWith(QStringLiteral(
            "loss_fn = torch.nn.BCEWithLogitsLoss()\n"
            "# weight_decay adds 0.01 * p to the gradients of the Linear layers' weights and "
            "biases;\n"
            "# PReLU's alphas are left out, as in ReLU Lab: a group of their own with "
            "weight_decay 0.\n"
            "decayed = [p for layer in model if isinstance(layer, torch.nn.Linear) for p in "
            "layer.parameters()]\n"
            "alphas = [p for layer in model if isinstance(layer, torch.nn.PReLU) for p in "
            "layer.parameters()]\n"
            "groups = [{\"params\": decayed}, {\"params\": alphas, \"weight_decay\": 0.0}]\n"
            "optimizer = torch.optim.SGD(groups, lr=0.1, momentum=0.9, weight_decay=0.01)\n"
            "# Full batch: every step uses all 1024 training points.\n")));
    // Keras: the regularizers sit on the Dense layers only, so PReLU's alphas have none.
    const QString keras = relulab::app::kerasLabSnippet(config);
    QVERIFY(keras.contains(QStringLiteral("# On every kernel and bias (not on PReLU's alphas). ")));
    QVERIFY(keras.contains(QStringLiteral(
            "    keras.layers.Dense(4, kernel_initializer=keras.initializers.RandomNormal("
            "stddev=0.5), bias_initializer=\"zeros\", kernel_regularizer=kernel_penalty, "
            "bias_regularizer=bias_penalty),\n"
            "    keras.layers.PReLU(alpha_initializer=keras.initializers.Constant(0.25), "
            "shared_axes=[1]),\n")));
    QVERIFY(!keras.contains(QStringLiteral("alpha_regularizer")));
}

void TestCodeSnippets::l1()
{
    TrainingConfig config;
    config.l1 = 0.0001;
    // PyTorch: a term of the loss, on the Linear weights only (abs' gradient is sgn, 0 at 0).
    QCOMPARE(relulab::app::torchLabSnippet(config),
             replacedOnce(relulab::app::torchLabSnippet(TrainingConfig {}), TorchOptimizerLine,
                          QStringLiteral(
                                  "# L1 on the weight matrices (not the biases): add l1_penalty() "
                                  "to the loss in every step,\n"
                                  "# loss = loss_fn(model(x), y) + l1_penalty(). Its gradient is "
                                  "0.0001 * sign(w), 0 at w = 0.\n"
                                  "def l1_penalty():\n"
                                  "    return 0.0001 * sum(\n"
                                  "        layer.weight.abs().sum() for layer in model if "
                                  "isinstance(layer, torch.nn.Linear)\n"
                                  "    )\n"
                                  "\n")
                                  + TorchOptimizerLine));
    // Keras: L1 on the kernels, nothing on the biases.
    QString expected = replacedOnce(
            relulab::app::kerasLabSnippet(TrainingConfig {}), KerasModelLine,
            QStringLiteral("# L1 on the kernels (not the biases): 0.0001 * sum(|w|) added to the "
                           "loss.\n"
                           "kernel_penalty = keras.regularizers.L1(0.0001)\n")
                    + KerasModelLine);
    expected = replacedOnce(
            expected, kerasReferenceDenses(QString()),
            kerasReferenceDenses(QStringLiteral(", kernel_regularizer=kernel_penalty")));
    QCOMPARE(relulab::app::kerasLabSnippet(config), expected);
}

void TestCodeSnippets::l1WithWeightDecay()
{
    TrainingConfig config;
    config.l1 = 0.001;
    config.weightDecay = 0.02;
    const QString torch = relulab::app::torchLabSnippet(config);
    // The L1 term first (it is part of the loss), then the optimiser that adds the decay.
    QVERIFY(torch.contains(QStringLiteral("    return 0.001 * sum(\n")));
    QVERIFY(torch.indexOf(QStringLiteral("def l1_penalty"))
            < torch.indexOf(QStringLiteral("optimizer =")));
    QVERIFY(torch.contains(QStringLiteral(
            "optimizer = torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=0.02)\n")));
    // Keras: both on the kernels in one L1L2, the decay alone on the biases.
    const QString keras = relulab::app::kerasLabSnippet(config);
    QVERIFY(keras.contains(QStringLiteral(
            "# L1 on the kernels (not the biases): 0.001 * sum(|w|) added to the loss.\n"
            "kernel_penalty = keras.regularizers.L1L2(l1=0.001, l2=0.01)\n"
            "bias_penalty = keras.regularizers.L2(0.01)\n"
            "keras.utils.set_random_seed(1)")));
    QCOMPARE(keras.count(QStringLiteral(
                     ", kernel_regularizer=kernel_penalty, bias_regularizer=bias_penalty)")),
             4);
}

void TestCodeSnippets::initGain()
{
    TrainingConfig config;
    config.network.initGain = 2.0;
    // PyTorch: the Linear weights times the gain after their init, the biases untouched.
    QCOMPARE(relulab::app::torchLabSnippet(config),
             replacedOnce(relulab::app::torchLabSnippet(TrainingConfig {}),
                          QStringLiteral("        torch.nn.init.zeros_(layer.bias)\n"),
                          QStringLiteral("        torch.nn.init.zeros_(layer.bias)\n"
                                         "        # Init gain: every initial weight (not the "
                                         "biases) times 2.0\n"
                                         "        with torch.no_grad():\n"
                                         "            layer.weight.mul_(2.0)\n")));
    // Keras: He normal's standard deviation times the gain, layer by layer.
    QString expected = replacedOnce(
            relulab::app::kerasLabSnippet(TrainingConfig {}), KerasModelLine,
            QStringLiteral("# Init gain 2.0: every initial weight (not the biases) drawn 2.0 times "
                           "as wide.\n")
                    + KerasModelLine);
    expected.replace(QStringLiteral("stddev=1.0)"), QStringLiteral("stddev=2.0)"));
    expected.replace(QStringLiteral("stddev=0.25)"), QStringLiteral("stddev=0.5)"));
    QCOMPARE(relulab::app::kerasLabSnippet(config), expected);
}

void TestCodeSnippets::initGainOfEveryInitialisation()
{
    TrainingConfig config;
    config.network.hidden = {8};
    config.network.initGain = 0.5;

    config.network.init = relulab::core::Initialization::XavierUniform;
    QVERIFY(relulab::app::torchLabSnippet(config).contains(
            QStringLiteral("        torch.nn.init.xavier_uniform_(layer.weight)\n"
                           "        torch.nn.init.zeros_(layer.bias)\n"
                           "        # Init gain: every initial weight (not the biases) times 0.5\n"
                           "        with torch.no_grad():\n"
                           "            layer.weight.mul_(0.5)\n")));
    // Glorot's bound sqrt(6 / (fan_in + fan_out)) times the gain: 0.5 sqrt(6 / 10), 0.5 sqrt(6 / 9).
    QString keras = relulab::app::kerasLabSnippet(config);
    QVERIFY(keras.contains(QStringLiteral(
            "    keras.layers.Dense(8, kernel_initializer=keras.initializers.RandomUniform("
            "-0.3872983346207417, 0.3872983346207417), bias_initializer=\"zeros\"),\n")));
    QVERIFY(keras.contains(QStringLiteral(
            "    keras.layers.Dense(1, kernel_initializer=keras.initializers.RandomUniform("
            "-0.408248290463863, 0.408248290463863), bias_initializer=\"zeros\"),"
            "  # one logit\n")));
    QCOMPARE(0.5 * std::sqrt(6.0 / 10.0), 0.3872983346207417);

    config.network.init = relulab::core::Initialization::PlaygroundUniform;
    QVERIFY(relulab::app::torchLabSnippet(config).contains(QStringLiteral(
            "        torch.nn.init.constant_(layer.bias, 0.1)\n"
            "        # Init gain: every initial weight (not the biases) times 0.5\n")));
    QVERIFY(relulab::app::kerasLabSnippet(config).contains(
            QStringLiteral("kernel_initializer=keras.initializers.RandomUniform(-0.25, 0.25), "
                           "bias_initializer=keras.initializers.Constant(0.1))")));

    // RAI keeps the frameworks' default draws, scaled too.
    config.network.init = relulab::core::Initialization::RandomizedAsymmetric;
    QVERIFY(relulab::app::torchLabSnippet(config).contains(
            QStringLiteral("PyTorch's default initialisation.\n"
                           "for layer in model:\n"
                           "    if isinstance(layer, torch.nn.Linear):\n"
                           "        # Init gain: every initial weight (not the biases) times 0.5\n"
                           "        with torch.no_grad():\n"
                           "            layer.weight.mul_(0.5)\n"
                           "model = model.double()\n")));
    QVERIFY(relulab::app::kerasLabSnippet(config).contains(QStringLiteral(
            "    keras.layers.Dense(8, kernel_initializer=keras.initializers.RandomUniform("
            "-0.3872983346207417, 0.3872983346207417)),\n")));

    // A gain of exactly 1 writes nothing.
    config.network.initGain = 1.0;
    QVERIFY(!relulab::app::torchLabSnippet(config).contains(QStringLiteral("gain")));
    QVERIFY(!relulab::app::kerasLabSnippet(config).contains(QStringLiteral("gain")));
}

QTEST_APPLESS_MAIN(TestCodeSnippets)
#include "tst_codesnippets.moc"
