#!/usr/bin/env python3
"""Expected values for tests/core: an independent computation of reference-spec.md.

Every activation is written here straight from its PyTorch definition (the forward formula in
torch.nn's documentation and the backward formula of the matching ATen kernel), with Python's own
math module and nothing taken from the C++ code. Where the textbook formula would overflow or give
inf * 0, the limit the spec asks for is written out instead.

Run it and paste a section's output into the matching test:

    python3 tests/core/reference_values.py activations   # tst_activations.cpp, the _data rows
    python3 tests/core/reference_values.py float         # tst_activations.cpp, float rows
    python3 tests/core/reference_values.py splitmix64    # tst_splitmix64.cpp

Numbers are printed with repr(), the shortest decimal that reads back as the same double.
"""

import math
import sys

INF = math.inf
NAN = math.nan

# The inputs every table covers (architecture.md: zero, -0, tiny, huge, inf and nan).
XS = [0.0, -0.0, 1e-30, -1e-30, 1e-8, -1e-8, 0.5, -0.5, 1.0, -1.0, 3.0, -3.0, 1e6, -1e6,
      INF, -INF, NAN]

SQRT2 = math.sqrt(2.0)
SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)
GELU_TANH_KAPPA = 0.044715


def nan_or(x, value):
    """f'(nan) is nan for every function (reference-spec.md section 1)."""
    return NAN if math.isnan(x) else value


# --- torch.nn.ReLU: max(0, x); relu(-0.0) is -0.0 and relu(nan) is nan, as torch.relu.
# Backward (threshold_backward): grad where x > 0, else 0.
def relu(x):
    return 0.0 if x < 0 else x


def relu_d(x):
    return nan_or(x, 1.0 if x > 0 else 0.0)


# --- torch.nn.LeakyReLU(negative_slope): x if x > 0 else negative_slope * x.
# Backward (leaky_relu_backward): 1 if x > 0 else negative_slope. PReLU is the same with weight a,
# and RReLU in evaluation mode is leaky_relu with (lower + upper) / 2.
def leaky(x, a):
    return x if x > 0 else a * x


def leaky_d(x, a):
    return nan_or(x, 1.0 if x > 0 else a)


# PReLU's gradient with respect to its weight: x where x <= 0, else 0.
def prelu_weight_d(x):
    return x if not x > 0 else 0.0


# --- torch.nn.ELU(alpha): x if x > 0 else alpha * (exp(x) - 1), with expm1 as ATen.
# Backward (elu_backward, is_result=False): x <= 0 gives alpha * exp(x), else 1.
def elu(x, alpha):
    return x if x > 0 else alpha * math.expm1(x)


def elu_d(x, alpha):
    return nan_or(x, 1.0 if x > 0 else alpha * math.exp(x))


# --- torch.nn.GELU(approximate='none'): x * Phi(x), Phi(x) = (1 + erf(x / sqrt 2)) / 2.
# 1 + erf(z) is computed as erfc(-z), the same number without the cancellation for negative x.
# Backward: Phi(x) + x * phi(x), phi(x) = exp(-x^2 / 2) / sqrt(2 pi).
def gelu(x):
    if math.isinf(x):
        return x if x > 0 else 0.0
    return x * 0.5 * math.erfc(-x / SQRT2)


def gelu_d(x):
    if math.isinf(x):
        return 1.0 if x > 0 else 0.0
    cdf = 0.5 * math.erfc(-x / SQRT2)
    pdf = math.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
    return cdf + x * pdf


# --- torch.nn.GELU(approximate='tanh'): 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))).
# Backward: 0.5 (1 + t) + 0.5 x (1 - t^2) sqrt(2/pi) (1 + 3 * 0.044715 x^2), t the tanh above.
def gelu_tanh(x):
    if math.isinf(x):
        return x if x > 0 else 0.0
    t = math.tanh(SQRT_2_OVER_PI * (x + GELU_TANH_KAPPA * x ** 3))
    return 0.5 * x * (1.0 + t)


def gelu_tanh_d(x):
    if math.isinf(x):
        return 1.0 if x > 0 else 0.0
    t = math.tanh(SQRT_2_OVER_PI * (x + GELU_TANH_KAPPA * x ** 3))
    sech2 = 1.0 - t * t
    if sech2 == 0.0:
        # Far out the second term is 0 * (huge): its limit is 0.
        return 0.5 * (1.0 + t)
    return 0.5 * (1.0 + t) + 0.5 * x * sech2 * SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_TANH_KAPPA * x * x)


# --- torch.sigmoid: 1 / (1 + exp(-x)), evaluated in the form that cannot overflow.
# Backward: s (1 - s).
def sigmoid(x):
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def sigmoid_d(x):
    s = sigmoid(x)
    return s * (1.0 - s)


# --- torch.tanh; backward 1 - tanh(x)^2.
def tanh(x):
    return math.tanh(x)


def tanh_d(x):
    t = math.tanh(x)
    return 1.0 - t * t


# --- torch.nn.SiLU: x * sigmoid(x). Backward: s (1 + x (1 - s)).
def silu(x):
    if math.isinf(x):
        return x if x > 0 else 0.0
    return x * sigmoid(x)


def silu_d(x):
    if math.isinf(x):
        return 1.0 if x > 0 else 0.0
    s = sigmoid(x)
    return s * (1.0 + x * (1.0 - s))


# --- torch.nn.Softplus(beta=1, threshold=20): log(1 + exp(x)), or x where x > threshold.
# Backward: 1 where x > threshold, else exp(x) / (exp(x) + 1).
SOFTPLUS_THRESHOLD = 20.0


def softplus_unthresholded(x):
    # log(1 + exp(x)) = max(x, 0) + log(1 + exp(-|x|)), which cannot overflow.
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def softplus(x):
    if math.isnan(x):
        return NAN
    return x if x > SOFTPLUS_THRESHOLD else softplus_unthresholded(x)


def softplus_d(x):
    if math.isnan(x):
        return NAN
    return 1.0 if x > SOFTPLUS_THRESHOLD else sigmoid(x)


# --- torch.nn.Mish: x * tanh(softplus(x)), softplus without a threshold (ATen's mish kernel).
# Backward: tanh(sp) + x * sigmoid(x) * (1 - tanh(sp)^2).
def mish(x):
    if math.isnan(x):
        return NAN
    if math.isinf(x):
        return x if x > 0 else 0.0
    return x * math.tanh(softplus_unthresholded(x))


def mish_d(x):
    if math.isnan(x):
        return NAN
    if math.isinf(x):
        return 1.0 if x > 0 else 0.0
    t = math.tanh(softplus_unthresholded(x))
    return t + x * sigmoid(x) * (1.0 - t * t)


# ---------------------------------------------------------------------------------------------
# Printing C++.

def cpp(v):
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Inf" if v > 0 else "-Inf"
    return repr(v)


def row_name(x, prefix=""):
    if math.isnan(x):
        name = "x=nan"
    elif math.isinf(x):
        name = "x=+inf" if x > 0 else "x=-inf"
    elif x == 0:
        name = "x=-0" if math.copysign(1.0, x) < 0 else "x=+0"
    else:
        name = "x=%g" % x
    return prefix + name


def rows(f, df, params=None, xs=XS):
    """QTest rows `<< [parameters] << x << f(x) << f'(x)`, one per input, per parameter tuple."""
    out = []
    for p in (params or [()]):
        prefix = "".join("%s=%g " % (name, value) for name, value in p)
        values = [value for _, value in p]
        for x in xs:
            cells = values + [x, f(x, *values), df(x, *values)]
            out.append('    QTest::newRow("%s") << %s;'
                       % (row_name(x, prefix), " << ".join(cpp(c) for c in cells)))
    return out


# RReLU in evaluation mode, from its own parameters: leaky_relu with (lower + upper) / 2.
def rrelu_eval(x, lower, upper):
    return leaky(x, (lower + upper) / 2.0)


def rrelu_eval_d(x, lower, upper):
    return leaky_d(x, (lower + upper) / 2.0)


# --- RReLU in training mode for one element with its drawn slope a (rrelu_with_noise):
# a * x where x <= 0, else x; the gradient is a where x <= 0, else 1.
def rrelu_train(x, a):
    return a * x if x <= 0 else x


def rrelu_train_d(x, a):
    return nan_or(x, a if x <= 0 else 1.0)


def print_activations():
    sections = [
        ("relu", relu, relu_d, None),
        ("leakyRelu (PyTorch's 0.01, and 0.2)", leaky, leaky_d, [[("a", 0.01)], [("a", 0.2)]]),
        ("prelu (PyTorch's 0.25, and -0.5)", leaky, leaky_d, [[("a", 0.25)], [("a", -0.5)]]),
        ("rreluEvaluation (PyTorch's 1/8 and 1/3, and 0.1 and 0.4)", rrelu_eval, rrelu_eval_d,
         [[("lower", 1.0 / 8.0), ("upper", 1.0 / 3.0)], [("lower", 0.1), ("upper", 0.4)]]),
        ("elu (PyTorch's alpha 1, and 2)", elu, elu_d, [[("alpha", 1.0)], [("alpha", 2.0)]]),
        ("gelu", gelu, gelu_d, None),
        ("geluTanh", gelu_tanh, gelu_tanh_d, None),
        ("silu", silu, silu_d, None),
        ("mish", mish, mish_d, None),
        ("softplus", softplus, softplus_d, None),
        ("softplus either side of PyTorch's threshold 20", softplus, softplus_d, None,
         [-20.0, 20.0, 20.5]),
        ("sigmoid", sigmoid, sigmoid_d, None),
        ("tanh", tanh, tanh_d, None),
    ]
    for title, f, df, params, *xs in sections:
        print("// %s" % title)
        print("\n".join(rows(f, df, params, *xs)))
    print("// rreluTraining with a drawn slope of 0.2")
    for x in [-3.0, -0.5, -1e-30, -0.0, 0.0, 1e-30, 0.5, 1e6, -1e6, INF, -INF, NAN]:
        print('    QTest::newRow("%s") << %s << %s << %s;'
              % (row_name(x), cpp(x), cpp(rrelu_train(x, 0.2)), cpp(rrelu_train_d(x, 0.2))))
    print("// preluWeightDerivative")
    for x in XS:
        print('    QTest::newRow("%s") << %s << %s;' % (row_name(x), cpp(x), cpp(prelu_weight_d(x))))


def print_float_rows():
    """A few rows per function for the float instantiations: `<< Activation << x << f << f'`."""
    cases = [
        ("Relu", lambda x: relu(x), lambda x: relu_d(x), [-0.5, 3.0]),
        ("LeakyRelu", lambda x: leaky(x, 0.01), lambda x: leaky_d(x, 0.01), [-0.5, 3.0]),
        ("Prelu", lambda x: leaky(x, 0.25), lambda x: leaky_d(x, 0.25), [-0.5, 3.0]),
        ("Rrelu", lambda x: leaky(x, 11.0 / 48.0), lambda x: leaky_d(x, 11.0 / 48.0), [-0.5, 0.0]),
        ("Elu", lambda x: elu(x, 1.0), lambda x: elu_d(x, 1.0), [-1.0, 0.5, -INF]),
        ("Gelu", gelu, gelu_d, [-1.0, 0.5, -INF, INF]),
        ("GeluTanh", gelu_tanh, gelu_tanh_d, [-1.0, 0.5, -INF, INF]),
        ("Silu", silu, silu_d, [-1.0, 0.5, -INF, 1e6]),
        ("Mish", mish, mish_d, [-1.0, 0.5, -INF, 1e6]),
        ("Softplus", softplus, softplus_d, [-1.0, 0.5, 30.0]),
        ("Sigmoid", sigmoid, sigmoid_d, [-1.0, 0.5, -1e6]),
        ("Tanh", tanh, tanh_d, [-1.0, 0.5, INF]),
    ]
    for kind, f, df, xs in cases:
        for x in xs:
            print('    QTest::newRow("%s %s") << Activation::%s << %s << %s << %s;'
                  % (kind, row_name(x), kind, cpp(x), cpp(f(x)), cpp(df(x))))


# ---------------------------------------------------------------------------------------------
# SplitMix64 exactly as reference-spec.md section 2 writes it.

MASK64 = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + GAMMA) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

    def normal(self):
        u1 = self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(6.283185307179586 * u2)


def print_splitmix64():
    for seed in (0, 42):
        g = SplitMix64(seed)
        print("// SplitMix64(%d).next(), first 8 outputs" % seed)
        print("    " + ", ".join("0x%016XULL" % g.next() for _ in range(8)))
    g = SplitMix64(42)
    print("// SplitMix64(42).uniform(), first 4")
    print("    " + ", ".join(repr(g.uniform()) for _ in range(4)))
    g = SplitMix64(42)
    print("// SplitMix64(42).normal(), first 4")
    print("    " + ", ".join(repr(g.normal()) for _ in range(4)))
    # The 1000th output of seed 7, far enough out that outputAt cannot be right by accident.
    g = SplitMix64(7)
    for _ in range(999):
        g.next()
    print("// SplitMix64(7): output 1000")
    print("    0x%016XULL" % g.next())


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    if what in ("activations", "all"):
        print_activations()
    if what in ("float", "all"):
        print_float_rows()
    if what in ("splitmix64", "all"):
        print_splitmix64()


if __name__ == "__main__":
    main()
