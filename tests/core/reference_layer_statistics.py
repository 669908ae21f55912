#!/usr/bin/env python3
"""Independent pure-Python oracle for the gradient-flow measurements (issue 15).

Writes tests/data/reference_layer_statistics.json, which tst_trainer checks the
C++ trainer against:

* "layer_statistics": the reference data set (two spirals, 1024 points, seed
  42), He-normal weights from SplitMix64(1), biases 0, full training set,
  evaluation mode, at step 0, for relu, tanh and sigmoid at depth 3 and 20
  (hidden width 32). Per hidden layer l:
    grad      Frobenius norm of dL/dW_l (L the mean BCE with logits, W_l the
              weights into layer l); "grad_out" the same for the output layer
    zero      share of (point, unit) pairs whose activation is exactly 0
    blocked   share with |f'(z)| < 0.05 (PyTorch's convention at 0: the x <= 0
              branch, so ReLU's f'(0) = 0)
    mean, std of the activations over the (point, unit) pairs (population std)
    histograms with fixed edges (see HISTOGRAMS): pre-activations z,
              activations f(z), and d loss_k / d z for each point k's own loss
              (the gradient of the mean loss times the number of points), the
              last one over log10 |g| with exact zeros counted apart.
* "trajectories": 2-8-8-8-1 networks trained full batch for a few steps with
  weight decay and L1, for SGD, momentum and Adam, and init gain != 1:
    weight decay  PyTorch's weight_decay: grad += lambda * p for every weight
                  and bias (torch/optim/sgd.py, adam.py: grad.add(param,
                  alpha=weight_decay)), not for PReLU's alpha
    L1            the gradient of lambda * sum |w| over the weight matrices
                  (not biases, not alphas), lambda * sign(w), sign(0) = 0,
                  added to the loss gradient before the weight decay
    momentum      PyTorch: v = mu v + g (v starts at g), p -= lr v
    Adam          PyTorch, bias-corrected: m = b1 m + (1-b1) g,
                  v = b2 v + (1-b2) g^2, p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)
    init gain     every initial weight (not bias) multiplied by the gain
  recording the loss after every step (full set, evaluation mode) and the
  final parameters in the trainer's flat order (per layer: W row-major, b,
  PReLU alpha).

Every sum is math.fsum (correctly rounded); the C++ sums in its own order, so
agreement is to ~1e-12 relative, not bit for bit.

Run from the repository root:  python3 tests/core/reference_layer_statistics.py
(about a minute).
"""

import argparse
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_training import SplitMix64, make_two_spirals  # noqa: E402

BLOCKED = 0.05
HISTOGRAMS = {
    "pre": {"lower": -4.0, "upper": 4.0, "bins": 16, "log": False},
    "act": {"lower": -1.0, "upper": 3.0, "bins": 16, "log": False},
    "back": {"lower": -14.0, "upper": 0.0, "bins": 28, "log": True},
}


def fsum(terms):
    return math.fsum(terms)


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


def f(kind, x, alpha):
    if kind == "sigmoid":
        return sigmoid(x)
    if kind == "tanh":
        return math.tanh(x)
    if x > 0:
        return x
    if kind == "relu":
        return 0.0
    if kind == "prelu":
        return alpha * x
    raise ValueError(kind)


def f_prime(kind, x, alpha):
    if kind == "sigmoid":
        s = sigmoid(x)
        return s * (1.0 - s)
    if kind == "tanh":
        t = math.tanh(x)
        return 1.0 - t * t
    if x > 0:
        return 1.0
    if kind == "relu":
        return 0.0
    if kind == "prelu":
        return alpha
    raise ValueError(kind)


def bce(z, y):
    return max(z, 0.0) - z * y + math.log(1.0 + math.exp(-abs(z)))


def he_normal(sizes, seed, gain):
    g = SplitMix64(seed)
    W, b = [], []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        scale = math.sqrt(2.0 / fan_in)
        m = [[scale * g.normal() for _ in range(fan_in)] for _ in range(fan_out)]
        if gain != 1.0:
            m = [[w * gain for w in row] for row in m]
        W.append(m)
        b.append([0.0] * fan_out)
    return W, b


class Net:
    def __init__(self, kind, sizes, seed=1, gain=1.0):
        self.kind = kind
        self.W, self.b = he_normal(sizes, seed, gain)
        self.hidden = len(sizes) - 2
        self.alpha = [0.25] * self.hidden if kind == "prelu" else None

    def al(self, l):
        return self.alpha[l] if self.alpha is not None else None

    def forward(self, X):
        pre, post = [], [X]
        a = X
        for l in range(self.hidden + 1):
            z = [[fsum([w * x for w, x in zip(row, ak)] + [bj])
                  for row, bj in zip(self.W[l], self.b[l])] for ak in a]
            pre.append(z)
            if l < self.hidden:
                a = [[f(self.kind, v, self.al(l)) for v in zk] for zk in z]
                post.append(a)
        return pre, post

    def backward(self, X, Y):
        """Gradients of the mean BCE, and dL/dz of every hidden layer."""
        n = len(X)
        pre, post = self.forward(X)
        delta = [[(sigmoid(zk[0]) - y) / n] for zk, y in zip(pre[-1], Y)]
        gW = [None] * (self.hidden + 1)
        gb = [None] * (self.hidden + 1)
        galpha = [0.0] * self.hidden
        deltas = [None] * (self.hidden + 1)
        for l in range(self.hidden, -1, -1):
            deltas[l] = delta
            a_in = post[l]
            n_out, n_in = len(self.W[l]), len(self.W[l][0])
            dT = list(zip(*delta))
            aT = list(zip(*a_in))
            gW[l] = [[fsum([d * x for d, x in zip(dT[j], aT[i])]) for i in range(n_in)]
                     for j in range(n_out)]
            gb[l] = [fsum(dT[j]) for j in range(n_out)]
            if l == 0:
                break
            WT = list(zip(*self.W[l]))
            g_h = [[fsum([w * d for w, d in zip(WT[i], dk)]) for i in range(n_in)]
                   for dk in delta]
            z = pre[l - 1]
            alpha = self.al(l - 1)
            if self.kind == "prelu":
                galpha[l - 1] = fsum([g_h[k][i] * z[k][i] for k in range(n)
                                      for i in range(n_in) if not z[k][i] > 0])
            delta = [[g * f_prime(self.kind, v, alpha) for g, v in zip(gk, zk)]
                     for gk, zk in zip(g_h, z)]
        return pre, post, gW, gb, galpha, deltas

    def loss(self, X, Y):
        pre, _ = self.forward(X)
        return fsum([bce(zk[0], y) for zk, y in zip(pre[-1], Y)]) / len(X)

    def flat(self):
        out = []
        for l in range(self.hidden + 1):
            for row in self.W[l]:
                out.extend(row)
            out.extend(self.b[l])
            if self.alpha is not None and l < self.hidden:
                out.append(self.alpha[l])
        return out


class Histogram:
    def __init__(self, spec):
        self.spec = spec
        self.width = (spec["upper"] - spec["lower"]) / spec["bins"]
        self.counts = [0] * spec["bins"]
        self.below = self.above = self.zero = 0
        if spec["log"]:
            self.edges = [10.0 ** (spec["lower"] + k * self.width)
                          for k in range(spec["bins"] + 1)]

    def add(self, x):
        if self.spec["log"]:
            m = abs(x)
            if m == 0.0:
                self.zero += 1
            elif m < self.edges[0]:
                self.below += 1
            elif m >= self.edges[-1]:
                self.above += 1
            else:
                k = max(i for i, e in enumerate(self.edges) if e <= m)
                self.counts[k] += 1
            return
        b = math.floor((x - self.spec["lower"]) / self.width)
        if b < 0:
            self.below += 1
        elif b >= self.spec["bins"]:
            self.above += 1
        else:
            self.counts[b] += 1

    def json(self):
        return {"counts": self.counts, "below": self.below, "above": self.above,
                "zero": self.zero}


def layer_statistics(kind, depth, X, Y):
    net = Net(kind, [2] + [32] * depth + [1])
    n = len(X)
    pre, post, gW, _, _, deltas = net.backward(X, Y)
    layers = []
    for l in range(depth):
        z, a, d = pre[l], post[l + 1], deltas[l]
        values = [v for ak in a for v in ak]
        pairs = len(values)
        mean = fsum(values) / pairs
        var = fsum([(v - mean) ** 2 for v in values]) / pairs
        hist = {name: Histogram(spec) for name, spec in HISTOGRAMS.items()}
        for zk, ak, dk in zip(z, a, d):
            for zv, av, dv in zip(zk, ak, dk):
                hist["pre"].add(zv)
                hist["act"].add(av)
                hist["back"].add(dv * n)
        layers.append({
            "grad": math.sqrt(fsum([g * g for row in gW[l] for g in row])),
            "zero": sum(1 for v in values if v == 0.0) / pairs,
            "blocked": sum(1 for zk in z for v in zk
                           if abs(f_prime(kind, v, None)) < BLOCKED) / pairs,
            "mean": mean,
            "std": math.sqrt(var),
            "histograms": {name: h.json() for name, h in hist.items()},
        })
    return {
        "activation": kind,
        "depth": depth,
        "width": 32,
        "loss": fsum([bce(zk[0], y) for zk, y in zip(pre[-1], Y)]) / n,
        "grad_out": math.sqrt(fsum([g * g for row in gW[-1] for g in row])),
        "layers": layers,
    }


def sign(x):
    return (x > 0) - (x < 0)


def trajectory(case, X, Y):
    net = Net(case["activation"], [2] + case["hidden"] + [1], gain=case["init_gain"])
    lr, wd, l1 = case["lr"], case["weight_decay"], case["l1"]
    opt = case["optimizer"]
    state = {}
    losses = []
    for t in range(1, case["steps"] + 1):
        _, _, gW, gb, galpha, _ = net.backward(X, Y)
        # (parameter list, gradient list, weight decay?, L1?) per tensor
        tensors = []
        for l in range(net.hidden + 1):
            for j in range(len(net.W[l])):
                tensors.append((("W", l, j), net.W[l][j], gW[l][j], True))
            tensors.append((("b", l), net.b[l], gb[l], False))
        for key, params, grads, is_weight in tensors:
            g = list(grads)
            if is_weight and l1 != 0.0:
                g = [gi + l1 * sign(p) for gi, p in zip(g, params)]
            if wd != 0.0:
                g = [gi + wd * p for gi, p in zip(g, params)]
            params[:] = step(opt, state, key, params, g, t, case)
        if net.alpha is not None:
            # PReLU's alpha: no weight decay, no L1.
            net.alpha = step(opt, state, ("alpha",), net.alpha, galpha, t, case)
        losses.append(net.loss(X, Y))
    return {**case, "losses": losses, "final_parameters": net.flat()}


def step(opt, state, key, params, g, t, case):
    lr = case["lr"]
    if opt == "sgd":
        return [p - lr * gi for p, gi in zip(params, g)]
    if opt == "momentum":
        mu = case["momentum"]
        v = state.get(key, [0.0] * len(g))
        v = [mu * vi + gi for vi, gi in zip(v, g)]
        state[key] = v
        return [p - lr * vi for p, vi in zip(params, v)]
    if opt == "adam":
        b1, b2, eps = 0.9, 0.999, 1e-8
        m, v = state.get(key, ([0.0] * len(g), [0.0] * len(g)))
        m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, g)]
        v = [b2 * vi + (1 - b2) * gi * gi for vi, gi in zip(v, g)]
        state[key] = (m, v)
        c1 = 1 - b1 ** t
        c2 = 1 - b2 ** t
        return [p - (lr / c1) * mi / (math.sqrt(vi) / math.sqrt(c2) + eps)
                for p, mi, vi in zip(params, m, v)]
    raise ValueError(opt)


TRAJECTORIES = [
    {"activation": "relu", "optimizer": "sgd", "lr": 0.5, "weight_decay": 0.01, "l1": 0.001},
    {"activation": "prelu", "optimizer": "momentum", "lr": 0.1, "weight_decay": 0.05, "l1": 0.0},
    {"activation": "relu", "optimizer": "adam", "lr": 0.01, "weight_decay": 0.0, "l1": 0.002},
    {"activation": "prelu", "optimizer": "adam", "lr": 0.01, "weight_decay": 0.01, "l1": 0.001},
    {"activation": "tanh", "optimizer": "sgd", "lr": 0.5, "weight_decay": 0.02, "l1": 0.0,
     "init_gain": 0.5},
    {"activation": "relu", "optimizer": "sgd", "lr": 0.5, "weight_decay": 0.0, "l1": 0.0,
     "init_gain": 2.0},
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(here, "..", "data",
                                                      "reference_layer_statistics.json"))
    args = parser.parse_args()
    xs, ys = make_two_spirals()
    stats = []
    for depth in (3, 20):
        for kind in ("relu", "tanh", "sigmoid"):
            stats.append(layer_statistics(kind, depth, xs, ys))
            print("statistics", kind, depth, file=sys.stderr)
    runs = []
    for case in TRAJECTORIES:
        full = {"hidden": [8, 8, 8], "momentum": 0.9, "init_gain": 1.0, "steps": 8, **case}
        runs.append(trajectory(full, xs, ys))
        print("trajectory", case, file=sys.stderr)
    out = {"histograms": HISTOGRAMS, "blocked_below": BLOCKED,
           "layer_statistics": stats, "trajectories": runs}
    with open(args.out, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
