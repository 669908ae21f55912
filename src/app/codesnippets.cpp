#include "codesnippets.h"

#include <QStringList>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace relulab::app {

namespace {

using core::Activation;

QString cliName(Activation kind)
{
    const std::string_view name = core::activationInfo(kind).cliName;
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

QString displayName(Activation kind)
{
    const std::string_view name = core::activationInfo(kind).displayName;
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QString networkShape(const core::NetworkConfig &network)
{
    QStringList widths {QString::number(network.inputs)};
    for (int width : network.hidden)
        widths.append(QString::number(width));
    widths.append(QStringLiteral("1"));
    return widths.join(QLatin1Char('-'));
}

// "1.0" for the Keras RandomNormal of He normal: its standard deviation depends on the layer.
QString heStddev(int fanIn)
{
    return pythonFloat(std::sqrt(2.0 / static_cast<double>(fanIn)));
}

// The loop body that scales a Linear layer's initial weights by the init gain (nothing at 1):
// multiplying after the draw is exact for every initialisation, where only some torch.nn.init
// functions take a gain.
QString torchGainLines(const core::NetworkConfig &network)
{
    if (network.initGain == 1.0)
        return {};
    return QStringLiteral("        # Init gain: every initial weight (not the biases) times %1\n"
                          "        with torch.no_grad():\n"
                          "            layer.weight.mul_(%1)\n")
            .arg(pythonFloat(network.initGain));
}

QString torchInitLines(const core::NetworkConfig &network)
{
    const QString loop = QStringLiteral("for layer in model:\n"
                                        "    if isinstance(layer, torch.nn.Linear):\n");
    QString weight;
    QString bias;
    const QString biasValue = network.biasInit == core::BiasInit::Constant
            ? QStringLiteral("        torch.nn.init.constant_(layer.bias, %1)\n")
                      .arg(pythonFloat(network.biasValue))
            : QStringLiteral("        torch.nn.init.zeros_(layer.bias)\n");
    switch (network.init) {
    case core::Initialization::HeNormal:
        weight = QStringLiteral("        # He normal: N(0, 2 / fan_in)\n"
                                "        torch.nn.init.kaiming_normal_(layer.weight, "
                                "nonlinearity=\"relu\")\n");
        bias = biasValue;
        break;
    case core::Initialization::XavierUniform:
        weight = QStringLiteral("        # Xavier uniform: U(-a, a), a = sqrt(6 / (fan_in + "
                                "fan_out))\n"
                                "        torch.nn.init.xavier_uniform_(layer.weight)\n");
        bias = biasValue;
        break;
    case core::Initialization::PlaygroundUniform:
        weight = QStringLiteral("        # TensorFlow Playground: U(-0.5, 0.5), biases 0.1\n"
                                "        torch.nn.init.uniform_(layer.weight, -0.5, 0.5)\n");
        bias = QStringLiteral("        torch.nn.init.constant_(layer.bias, 0.1)\n");
        break;
    case core::Initialization::RandomizedAsymmetric: {
        const QString gain = torchGainLines(network);
        return QStringLiteral("# RAI (Lu et al. 2019) has no torch.nn.init function: this keeps "
                              "PyTorch's default initialisation.\n")
                + (gain.isEmpty() ? QString() : loop + gain);
    }
    }
    return loop + weight + bias + torchGainLines(network);
}

// The optimiser on `parameters` (an expression: model.parameters() or the parameter groups).
QString torchOptimizer(const core::TrainingConfig &config, const QString &parameters)
{
    const QString lr = pythonFloat(config.learningRate);
    const QString decay = config.weightDecay != 0.0
            ? QStringLiteral(", weight_decay=%1").arg(pythonFloat(config.weightDecay))
            : QString();
    switch (config.optimizer) {
    case core::OptimizerKind::Sgd:
        return QStringLiteral("torch.optim.SGD(%1, lr=%2%3)").arg(parameters, lr, decay);
    case core::OptimizerKind::Momentum:
        return QStringLiteral("torch.optim.SGD(%1, lr=%2, momentum=%3%4)")
                .arg(parameters, lr, pythonFloat(config.momentum), decay);
    case core::OptimizerKind::Adam:
        return QStringLiteral("torch.optim.Adam(%1, lr=%2, betas=(%3, %4), eps=%5%6)")
                .arg(parameters, lr, pythonFloat(config.adamBeta1), pythonFloat(config.adamBeta2),
                     pythonFloat(config.adamEpsilon), decay);
    }
    return {};
}

// The loss's L1 term and the optimiser, with the weight decay (both only when set).
QString torchPenaltiesAndOptimizer(const core::TrainingConfig &config)
{
    QString code;
    if (config.l1 != 0.0) {
        // PyTorch's abs() has the gradient sgn(w), 0 at 0 (tools/autograd/derivatives.yaml):
        // the lab's convention.
        code += QStringLiteral(
                        "# L1 on the weight matrices (not the biases): add l1_penalty() to the "
                        "loss in every step,\n"
                        "# loss = loss_fn(model(x), y) + l1_penalty(). Its gradient is %1 * "
                        "sign(w), 0 at w = 0.\n"
                        "def l1_penalty():\n"
                        "    return %1 * sum(\n"
                        "        layer.weight.abs().sum() for layer in model if isinstance(layer, "
                        "torch.nn.Linear)\n"
                        "    )\n"
                        "\n")
                        .arg(pythonFloat(config.l1));
    }
    if (config.weightDecay == 0.0)
        return code
                + QStringLiteral("optimizer = %1\n")
                          .arg(torchOptimizer(config, QStringLiteral("model.parameters()")));
    const QString decay = pythonFloat(config.weightDecay);
    // torch/optim (SGD and Adam alike): grad = grad + weight_decay * p before the momentum or
    // Adam's moments see it, which is the lab's weight decay; AdamW's decoupled one is not.
    const QString adam = config.optimizer == core::OptimizerKind::Adam
            ? QStringLiteral("# (Adam's weight_decay is L2 in the gradient, as here; AdamW's "
                             "decoupled decay is not.)\n")
            : QString();
    if (config.network.activation != Activation::Prelu)
        return code
                + QStringLiteral("# weight_decay adds %1 * p to every gradient before the step, "
                                 "as ReLU Lab's weight decay.\n")
                          .arg(decay)
                + adam
                + QStringLiteral("optimizer = %1\n")
                          .arg(torchOptimizer(config, QStringLiteral("model.parameters()")));
    return code
            + QStringLiteral("# weight_decay adds %1 * p to the gradients of the Linear layers' "
                             "weights and biases;\n"
                             "# PReLU's alphas are left out, as in ReLU Lab: a group of their own "
                             "with weight_decay 0.\n")
                      .arg(decay)
            + adam
            + QStringLiteral(
                      "decayed = [p for layer in model if isinstance(layer, torch.nn.Linear) for "
                      "p in layer.parameters()]\n"
                      "alphas = [p for layer in model if isinstance(layer, torch.nn.PReLU) for p "
                      "in layer.parameters()]\n"
                      "groups = [{\"params\": decayed}, {\"params\": alphas, \"weight_decay\": "
                      "0.0}]\n"
                      "optimizer = %1\n")
                      .arg(torchOptimizer(config, QStringLiteral("groups")));
}

QString kerasOptimizer(const core::TrainingConfig &config)
{
    const QString lr = pythonFloat(config.learningRate);
    switch (config.optimizer) {
    case core::OptimizerKind::Sgd:
        return QStringLiteral("keras.optimizers.SGD(learning_rate=%1)").arg(lr);
    case core::OptimizerKind::Momentum:
        return QStringLiteral("keras.optimizers.SGD(learning_rate=%1, momentum=%2)")
                .arg(lr, pythonFloat(config.momentum));
    case core::OptimizerKind::Adam:
        return QStringLiteral("keras.optimizers.Adam(learning_rate=%1, beta_1=%2, beta_2=%3, "
                              "epsilon=%4)")
                .arg(lr, pythonFloat(config.adamBeta1), pythonFloat(config.adamBeta2),
                     pythonFloat(config.adamEpsilon));
    }
    return {};
}

// Glorot uniform's bound times the gain: Keras' "glorot_uniform" draws U(-a, a) with
// a = sqrt(6 / (fan_in + fan_out)) (keras/src/initializers/random_initializers.py).
QString scaledGlorotUniform(int fanIn, int fanOut, double gain)
{
    const double bound = gain * std::sqrt(6.0 / static_cast<double>(fanIn + fanOut));
    return QStringLiteral("keras.initializers.RandomUniform(%1, %2)")
            .arg(pythonFloat(-bound), pythonFloat(bound));
}

// The Dense layer's initializer arguments for a layer with `fanIn` inputs and `fanOut` units. The
// init gain goes into the distribution's spread (exact: a scaled draw has the scaled spread).
QString kerasInitArguments(const core::NetworkConfig &network, int fanIn, int fanOut)
{
    const double gain = network.initGain;
    const QString bias = network.biasInit == core::BiasInit::Constant
            ? QStringLiteral("keras.initializers.Constant(%1)").arg(pythonFloat(network.biasValue))
            : QStringLiteral("\"zeros\"");
    switch (network.init) {
    case core::Initialization::HeNormal:
        return QStringLiteral(", kernel_initializer=keras.initializers.RandomNormal(stddev=%1), "
                              "bias_initializer=%2")
                .arg(gain == 1.0 ? heStddev(fanIn)
                                 : pythonFloat(gain * std::sqrt(2.0 / static_cast<double>(fanIn))),
                     bias);
    case core::Initialization::XavierUniform:
        return QStringLiteral(", kernel_initializer=%1, bias_initializer=%2")
                .arg(gain == 1.0 ? QStringLiteral("\"glorot_uniform\"")
                                 : scaledGlorotUniform(fanIn, fanOut, gain),
                     bias);
    case core::Initialization::PlaygroundUniform:
        return QStringLiteral(", kernel_initializer=keras.initializers.RandomUniform(%1, %2), "
                              "bias_initializer=keras.initializers.Constant(0.1)")
                .arg(pythonFloat(-0.5 * gain), pythonFloat(0.5 * gain));
    case core::Initialization::RandomizedAsymmetric:
        // Keras' default kernel initializer, Glorot uniform, times the gain.
        return gain == 1.0 ? QString()
                           : QStringLiteral(", kernel_initializer=%1")
                                     .arg(scaledGlorotUniform(fanIn, fanOut, gain));
    }
    return {};
}

// The regularizer arguments of every Dense layer (the variables kerasPenaltyLines() defines).
QString kerasPenaltyArguments(const core::TrainingConfig &config)
{
    QString arguments;
    if (config.weightDecay != 0.0 || config.l1 != 0.0)
        arguments += QStringLiteral(", kernel_regularizer=kernel_penalty");
    if (config.weightDecay != 0.0)
        arguments += QStringLiteral(", bias_regularizer=bias_penalty");
    return arguments;
}

// The weight decay and L1 as Keras regularizers, which add their penalty to the loss
// (keras/src/trainers/trainer.py, compute_loss: the compiled loss plus model.losses).
QString kerasPenaltyLines(const core::TrainingConfig &config)
{
    if (config.weightDecay == 0.0 && config.l1 == 0.0)
        return {};
    QString code;
    // Halved exactly (a power of two): L2(l2) is l2 * sum(w ** 2), whose gradient is 2 * l2 * w
    // (keras/src/regularizers/regularizers.py).
    const QString l2 = pythonFloat(config.weightDecay / 2.0);
    if (config.weightDecay != 0.0)
        code += QStringLiteral(
                        "# Weight decay %1 as PyTorch's weight_decay: %1 * w added to each "
                        "gradient before the step.\n"
                        "# L2(%2) adds %2 * sum(w ** 2) to the loss, whose gradient is %1 * w.\n"
                        "# On every kernel and bias%3. The optimizers' own weight_decay argument\n"
                        "# is decoupled, as in AdamW: with momentum or Adam it is not the same.\n")
                        .arg(pythonFloat(config.weightDecay), l2,
                             config.network.activation == Activation::Prelu
                                     ? QStringLiteral(" (not on PReLU's alphas)")
                                     : QString());
    if (config.l1 != 0.0)
        code += QStringLiteral("# L1 on the kernels (not the biases): %1 * sum(|w|) added to the "
                               "loss.\n")
                        .arg(pythonFloat(config.l1));
    if (config.l1 == 0.0)
        code += QStringLiteral("kernel_penalty = keras.regularizers.L2(%1)\n").arg(l2);
    else if (config.weightDecay == 0.0)
        code += QStringLiteral("kernel_penalty = keras.regularizers.L1(%1)\n")
                        .arg(pythonFloat(config.l1));
    else
        code += QStringLiteral("kernel_penalty = keras.regularizers.L1L2(l1=%1, l2=%2)\n")
                        .arg(pythonFloat(config.l1), l2);
    if (config.weightDecay != 0.0)
        code += QStringLiteral("bias_penalty = keras.regularizers.L2(%1)\n").arg(l2);
    return code;
}

QString kerasInitComment(const core::NetworkConfig &network)
{
    switch (network.init) {
    case core::Initialization::HeNormal:
        return QStringLiteral("# He normal, N(0, 2 / fan_in), untruncated like the lab's (Keras' "
                              "\"he_normal\" truncates).\n");
    case core::Initialization::XavierUniform:
        return QStringLiteral("# Xavier (Glorot) uniform: U(-a, a), a = sqrt(6 / (fan_in + "
                              "fan_out)).\n");
    case core::Initialization::PlaygroundUniform:
        return QStringLiteral("# TensorFlow Playground: U(-0.5, 0.5), biases 0.1.\n");
    case core::Initialization::RandomizedAsymmetric:
        return QStringLiteral("# RAI (Lu et al. 2019) has no Keras initializer: this keeps "
                              "Keras' defaults.\n");
    }
    return {};
}

QString kerasGainComment(const core::NetworkConfig &network)
{
    if (network.initGain == 1.0)
        return {};
    return QStringLiteral("# Init gain %1: every initial weight (not the biases) drawn %1 times "
                          "as wide.\n")
            .arg(pythonFloat(network.initGain));
}

QString batchComment(const core::TrainingConfig &config)
{
    if (config.batchSize == 0 || config.batchSize >= config.data.points)
        return QStringLiteral("# Full batch: every step uses all %1 training points.\n")
                .arg(config.data.points);
    return QStringLiteral("# Mini-batches of %1, reshuffled every epoch.\n").arg(config.batchSize);
}

QString rreluModeComment(const core::ActivationParams &params)
{
    return QStringLiteral("# Evaluation mode: the mean slope (lower + upper) / 2 = %1\n")
            .arg(pythonFloat(core::rreluEvaluationSlope(params.rreluLower, params.rreluUpper)));
}

} // namespace

QString pythonFloat(double value)
{
    if (std::isnan(value))
        return QStringLiteral("float(\"nan\")");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("float(\"inf\")") : QStringLiteral("-float(\"inf\")");
    // The shortest round-trip digits in scientific form, "d.ddde±x", rearranged as repr() would.
    std::array<char, 40> buffer {};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::scientific);
    const QString text = QString::fromLatin1(buffer.data(), result.ptr - buffer.data());
    const qsizetype e = text.indexOf(QLatin1Char('e'));
    const int exponent = text.mid(e + 1).toInt();
    QString digits = text.left(e);
    const bool negative = digits.startsWith(QLatin1Char('-'));
    digits.remove(QLatin1Char('-'));
    digits.remove(QLatin1Char('.'));
    QString out;
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out = QStringLiteral("0.") + QString(-exponent - 1, QLatin1Char('0')) + digits;
        } else {
            const qsizetype integerDigits = exponent + 1;
            if (digits.size() <= integerDigits)
                out = digits + QString(integerDigits - digits.size(), QLatin1Char('0'))
                        + QStringLiteral(".0");
            else
                out = digits.left(integerDigits) + QLatin1Char('.') + digits.mid(integerDigits);
        }
    } else {
        out = digits.left(1);
        if (digits.size() > 1)
            out += QLatin1Char('.') + digits.mid(1);
        out += exponent < 0 ? QStringLiteral("e-") : QStringLiteral("e+");
        out += QStringLiteral("%1").arg(std::abs(exponent), 2, 10, QLatin1Char('0'));
    }
    return negative ? QLatin1Char('-') + out : out;
}

QString torchActivation(Activation kind, const core::ActivationParams &params, int preluParameters)
{
    switch (kind) {
    case Activation::Relu:
        return QStringLiteral("torch.nn.ReLU()");
    case Activation::LeakyRelu:
        return QStringLiteral("torch.nn.LeakyReLU(negative_slope=%1)").arg(pythonFloat(params.leakySlope));
    case Activation::Prelu:
        return QStringLiteral("torch.nn.PReLU(num_parameters=%1, init=%2)")
                .arg(preluParameters)
                .arg(pythonFloat(params.preluWeight));
    case Activation::Rrelu:
        return QStringLiteral("torch.nn.RReLU(lower=%1, upper=%2)")
                .arg(pythonFloat(params.rreluLower), pythonFloat(params.rreluUpper));
    case Activation::Elu:
        return QStringLiteral("torch.nn.ELU(alpha=%1)").arg(pythonFloat(params.eluAlpha));
    case Activation::Gelu:
        return QStringLiteral("torch.nn.GELU()");
    case Activation::GeluTanh:
        return QStringLiteral("torch.nn.GELU(approximate=\"tanh\")");
    case Activation::Silu:
        return QStringLiteral("torch.nn.SiLU()");
    case Activation::Mish:
        return QStringLiteral("torch.nn.Mish()");
    case Activation::Softplus:
        return QStringLiteral("torch.nn.Softplus(beta=1.0, threshold=%1)")
                .arg(pythonFloat(core::SoftplusThreshold));
    case Activation::Sigmoid:
        return QStringLiteral("torch.nn.Sigmoid()");
    case Activation::Tanh:
        return QStringLiteral("torch.nn.Tanh()");
    }
    return {};
}

QString kerasActivation(Activation kind, const core::ActivationParams &params, bool preluShared)
{
    switch (kind) {
    case Activation::Relu:
        return QStringLiteral("keras.layers.ReLU()");
    case Activation::LeakyRelu:
        return QStringLiteral("keras.layers.LeakyReLU(negative_slope=%1)").arg(pythonFloat(params.leakySlope));
    case Activation::Prelu:
        return QStringLiteral(
                       "keras.layers.PReLU(alpha_initializer=keras.initializers.Constant(%1)%2)")
                .arg(pythonFloat(params.preluWeight),
                     preluShared ? QStringLiteral(", shared_axes=[1]") : QString());
    case Activation::Rrelu:
        return QStringLiteral("RReLU(lower=%1, upper=%2)")
                .arg(pythonFloat(params.rreluLower), pythonFloat(params.rreluUpper));
    case Activation::Elu:
        return QStringLiteral("keras.layers.ELU(alpha=%1)").arg(pythonFloat(params.eluAlpha));
    case Activation::Gelu:
        return QStringLiteral("keras.layers.Activation(\"gelu\")");
    case Activation::GeluTanh:
        return QStringLiteral(
                "keras.layers.Activation(lambda x: keras.activations.gelu(x, approximate=True))");
    case Activation::Silu:
        return QStringLiteral("keras.layers.Activation(\"silu\")");
    case Activation::Mish:
        return QStringLiteral("keras.layers.Activation(\"mish\")");
    case Activation::Softplus:
        return QStringLiteral("keras.layers.Activation(\"softplus\")");
    case Activation::Sigmoid:
        return QStringLiteral("keras.layers.Activation(\"sigmoid\")");
    case Activation::Tanh:
        return QStringLiteral("keras.layers.Activation(\"tanh\")");
    }
    return {};
}

QString kerasRreluLayer()
{
    return QStringLiteral(
            "class RReLU(keras.layers.Layer):\n"
            "    \"\"\"PyTorch's RReLU, which Keras lacks. Training: each element x <= 0 gets its "
            "own\n"
            "    slope drawn from U(lower, upper). Evaluation: the mean slope (lower + upper) / "
            "2.\"\"\"\n"
            "\n"
            "    def __init__(self, lower=0.125, upper=0.3333333333333333, seed=None, **kwargs):\n"
            "        super().__init__(**kwargs)\n"
            "        self.lower = lower\n"
            "        self.upper = upper\n"
            "        self.seed_generator = keras.random.SeedGenerator(seed)\n"
            "\n"
            "    def call(self, x, training=False):\n"
            "        if training:\n"
            "            slope = keras.random.uniform(keras.ops.shape(x), minval=self.lower,\n"
            "                                         maxval=self.upper, dtype=x.dtype,\n"
            "                                         seed=self.seed_generator)\n"
            "        else:\n"
            "            slope = (self.lower + self.upper) / 2\n"
            "        # x = 0 takes the slope branch, as in PyTorch: the gradient there is the "
            "slope.\n"
            "        return keras.ops.where(x > 0, x, slope * x)\n"
            "\n"
            "    def get_config(self):\n"
            "        return {**super().get_config(), \"lower\": self.lower, \"upper\": "
            "self.upper}\n");
}

QString torchExplorerSnippet(const ExplorerState &state)
{
    const Activation kind = state.activation;
    const core::ActivationParams &params = state.params;
    QString code = QStringLiteral("import torch\n\n# %1, as ReLU Lab shows it\nactivation = %2\n")
                           .arg(displayName(kind), torchActivation(kind, params));
    if (kind == Activation::Rrelu) {
        if (params.rreluMode == core::RreluMode::Training)
            code += QStringLiteral("# Training mode: each element x <= 0 draws its own slope from "
                                   "U(lower, upper)\n"
                                   "# (PyTorch's generator: other draws than ReLU Lab's).\n"
                                   "activation.train()\n"
                                   "torch.manual_seed(%1)\n")
                            .arg(params.rreluSeed);
        else
            code += rreluModeComment(params) + QStringLiteral("activation.eval()\n");
    }
    code += QStringLiteral(
                    "\nx = torch.linspace(%1, %2, %3, dtype=torch.float64, requires_grad=True)\n"
                    "y = activation(x)  # f(x)\n"
                    "(dy,) = torch.autograd.grad(y.sum(), x)  # f'(x); at x = 0 the x <= 0 "
                    "branch, as in ReLU Lab\n")
                    .arg(pythonFloat(state.xMin), pythonFloat(state.xMax))
                    .arg(state.samples);
    QStringList compared;
    for (Activation overlay : state.overlays) {
        if (overlay != kind)
            compared.append(QStringLiteral("    \"%1\": %2,\n")
                                    .arg(cliName(overlay), torchActivation(overlay, params)));
    }
    if (!compared.isEmpty())
        code += QStringLiteral("\n# Compared with:\ncompare = {\n") + compared.join(QString())
                + QStringLiteral("}\n");
    return code;
}

QString kerasExplorerSnippet(const ExplorerState &state)
{
    const Activation kind = state.activation;
    const core::ActivationParams &params = state.params;
    QString code = QStringLiteral("import keras  # Keras 3 (TensorFlow 2.16 or later)\n\n");
    if (kind == Activation::Rrelu)
        code += kerasRreluLayer() + QLatin1Char('\n') + QLatin1Char('\n');
    code += QStringLiteral("# %1, as ReLU Lab shows it\nactivation = %2\n")
                    .arg(displayName(kind), kerasActivation(kind, params));
    if (kind == Activation::LeakyRelu)
        code += QStringLiteral("# tf.keras 2.x calls the slope alpha: "
                               "keras.layers.LeakyReLU(alpha=%1)\n")
                        .arg(pythonFloat(params.leakySlope));
    const bool training = kind == Activation::Rrelu && params.rreluMode == core::RreluMode::Training;
    if (kind == Activation::Rrelu && !training)
        code += rreluModeComment(params);
    code += QStringLiteral("\n# %1 samples of one feature each\n"
                           "x = keras.ops.reshape(keras.ops.linspace(%2, %3, %1), (-1, 1))\n"
                           "y = activation(x%4)  # f(x)\n")
                    .arg(state.samples)
                    .arg(pythonFloat(state.xMin), pythonFloat(state.xMax),
                         kind == Activation::Rrelu ? (training ? QStringLiteral(", training=True")
                                                               : QStringLiteral(", training=False"))
                                                   : QString());
    QStringList compared;
    for (Activation overlay : state.overlays) {
        if (overlay != kind && overlay != Activation::Rrelu)
            compared.append(QStringLiteral("    \"%1\": %2,\n")
                                    .arg(cliName(overlay), kerasActivation(overlay, params)));
    }
    if (!compared.isEmpty())
        code += QStringLiteral("\n# Compared with:\ncompare = {\n") + compared.join(QString())
                + QStringLiteral("}\n");
    return code;
}

QString torchLabSnippet(const core::TrainingConfig &config)
{
    const core::NetworkConfig &network = config.network;
    QString code = QStringLiteral("import torch\n\n# ReLU Lab's dead-neuron lab: %1 with %2\n")
                           .arg(networkShape(network), displayName(network.activation));
    code += QStringLiteral("# (PyTorch's generator: other initial weights than ReLU Lab's.)\n"
                           "torch.manual_seed(%1)\n"
                           "model = torch.nn.Sequential(\n")
                    .arg(network.initSeed);
    int fanIn = network.inputs;
    for (int width : network.hidden) {
        code += QStringLiteral("    torch.nn.Linear(%1, %2),\n    %3,\n")
                        .arg(fanIn)
                        .arg(width)
                        .arg(torchActivation(network.activation, network.params,
                                             network.preluPerUnit ? width : 1));
        fanIn = width;
    }
    code += QStringLiteral("    torch.nn.Linear(%1, 1),  # one logit\n)\n").arg(fanIn);
    code += torchInitLines(network);
    if (config.precision == core::Precision::Double)
        code += QStringLiteral("model = model.double()\n");
    code += QStringLiteral("\nloss_fn = torch.nn.BCEWithLogitsLoss()\n");
    code += torchPenaltiesAndOptimizer(config);
    code += batchComment(config);
    return code;
}

QString kerasLabSnippet(const core::TrainingConfig &config)
{
    const core::NetworkConfig &network = config.network;
    QString code = QStringLiteral("import keras  # Keras 3 (TensorFlow 2.16 or later)\n\n");
    if (network.activation == Activation::Rrelu)
        code += kerasRreluLayer() + QLatin1Char('\n') + QLatin1Char('\n');
    if (config.precision == core::Precision::Double)
        code += QStringLiteral("keras.config.set_floatx(\"float64\")\n");
    code += QStringLiteral("# ReLU Lab's dead-neuron lab: %1 with %2\n")
                    .arg(networkShape(network), displayName(network.activation));
    code += kerasInitComment(network);
    code += kerasGainComment(network);
    code += kerasPenaltyLines(config);
    code += QStringLiteral("keras.utils.set_random_seed(%1)  # Keras' generator: other initial "
                           "weights than ReLU Lab's\n"
                           "model = keras.Sequential([\n    keras.Input(shape=(%2,)),\n")
                    .arg(network.initSeed)
                    .arg(network.inputs);
    const QString penalties = kerasPenaltyArguments(config);
    int fanIn = network.inputs;
    for (int width : network.hidden) {
        code += QStringLiteral("    keras.layers.Dense(%1%2%3),\n    %4,\n")
                        .arg(width)
                        .arg(kerasInitArguments(network, fanIn, width), penalties,
                             kerasActivation(network.activation, network.params, !network.preluPerUnit));
        fanIn = width;
    }
    code += QStringLiteral("    keras.layers.Dense(1%1%2),  # one logit\n])\n")
                    .arg(kerasInitArguments(network, fanIn, 1), penalties);
    code += QStringLiteral("model.compile(\n"
                           "    optimizer=%1,\n"
                           "    loss=keras.losses.BinaryCrossentropy(from_logits=True),\n"
                           "    metrics=[keras.metrics.BinaryAccuracy(threshold=0.0)],\n"
                           ")\n")
                    .arg(kerasOptimizer(config));
    code += batchComment(config);
    return code;
}

} // namespace relulab::app
