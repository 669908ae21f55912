#!/usr/bin/env python3
"""Independent pure-Python oracle for the reference training experiment.

Implements section 2 of shared/design/reference-spec.md literally, in double
precision (Python floats), standard library only, and writes the fixture
tests/data/reference_training.json that the C++ trainer is checked against.

Run from the repository root:  python3 tests/core/reference_training.py
(takes a few minutes; options: --out PATH, --shared-data DIR).

Definitions used (the spec's, made explicit)
--------------------------------------------
* PRNG: SplitMix64, uniform() = (next() >> 11) * 2^-53, normal() = Box-Muller
  sqrt(-2 log(1 - u1)) * cos(2pi u2) with u1 drawn before u2, 2pi = 6.283185307179586.
* Data: two spirals, N = 1024, data seed 42 (point k = 2i + c has label c);
  the x0 noise is drawn before the x1 noise.
* Network 2-32-32-32-1. Layer l: z = W a + b with W stored out x in (row =
  output unit); hidden layers apply the activation h = f(z); the output layer
  gives one logit z_out (no activation). Prediction: class 1 iff z_out > 0.
* Init: He-normal w = sqrt(2 / fan_in) * normal() from SplitMix64(1), layer by
  layer (W1, W2, W3, W4), each row-major; biases 0.
* Loss: mean over the batch of max(z, 0) - z*y + log(1 + exp(-|z|)).
  Its gradient w.r.t. each logit is (sigmoid(z) - y) / batch_size, and all
  parameter gradients are gradients of this MEAN loss.
* Activations (PyTorch semantics):
    relu   f = x if x > 0 else 0;        f'(x) = 1 if x > 0 else 0 (0 at x == 0)
    leaky  f = x if x > 0 else 0.01 x;   f'(x) = 1 if x > 0 else 0.01
    prelu  f = x if x > 0 else a x;      f'(x) = 1 if x > 0 else a;
           df/da = x if x <= 0 else 0 (i.e. min(x, 0)); one learnable alpha per
           hidden layer (shared by its 32 units), init 0.25, trained by the
           same SGD as the weights.
  At exactly x == 0 the x <= 0 branch is taken everywhere.
* SGD: p <- p - lr * grad for every parameter (weights, biases, alphas),
  all gradients computed at the current parameters before any update.
* Mini-batch: batch_size 32, order permuted by Fisher-Yates from
  SplitMix64(7): for i = n-1 down to 1: j = next() % (i+1); swap(order[i], order[j]).
  The permutation array starts as the identity 0..1023 once and is re-shuffled
  IN PLACE at the start of every epoch, including the first (one permutation
  per epoch drawn in sequence from the same generator); batch b of an epoch is
  order[32b : 32b+32]; 1024 / 32 = 32 steps per epoch.  (The alternative
  reading -- reset to the identity before each epoch's shuffle -- only differs
  from step 33 on; its losses are stored alongside as "alternative".)
* Measurements after step s (s = 0 is before any step) are always on all 1024
  points in evaluation mode (identical to training mode for relu/leaky/prelu):
    L_s       mean BCE over the 1024 points,
    dead      per hidden layer, number of units whose pre-activation z is <= 0
              for every one of the 1024 points,
    accuracy  fraction of points with (z_out > 0) == (label == 1).
  A non-finite loss or pre-activation marks the run as diverged (reported, and
  written as null in the JSON).

Summation order: the spec does not fix one, so every sum (the dot products of
W a + b, the batch sums of the gradients, the mean loss) is math.fsum, i.e.
the correctly rounded sum of the (individually rounded) terms. The C++ sums in
its own order, so agreement is expected to ~1e-12 relative, not bit for bit.
"""

import argparse
import json
import math
import os
import sys
import time

# --------------------------------------------------------------------------
# PRNG
# --------------------------------------------------------------------------

MASK64 = (1 << 64) - 1
TWO_PI = 6.283185307179586


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

    def normal(self):
        u1 = self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(TWO_PI * u2)


def fisher_yates(order, g):
    """In-place Fisher-Yates shuffle of the list `order` driven by SplitMix64 g."""
    for i in range(len(order) - 1, 0, -1):
        j = g.next() % (i + 1)
        order[i], order[j] = order[j], order[i]


# --------------------------------------------------------------------------
# Data and initial weights
# --------------------------------------------------------------------------

N_POINTS = 1024
SIZES = [2, 32, 32, 32, 1]


def make_two_spirals(n=N_POINTS, seed=42, turns=1.5, radius=1.0, noise=0.05):
    g = SplitMix64(seed)
    xs, ys = [], []
    half = n // 2
    for i in range(half):
        for c in (0, 1):
            t = (i + 0.5) / half
            r = radius * t
            theta = TWO_PI * turns * t + c * math.pi
            x0 = r * math.cos(theta) + noise * g.normal()
            x1 = r * math.sin(theta) + noise * g.normal()
            xs.append([x0, x1])
            ys.append(float(c))
    return xs, ys


def he_normal_init(seed=1, sizes=SIZES):
    g = SplitMix64(seed)
    weights, biases = [], []
    for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
        scale = math.sqrt(2.0 / fan_in)
        weights.append([[scale * g.normal() for _ in range(fan_in)]
                        for _ in range(fan_out)])
        biases.append([0.0] * fan_out)
    return weights, biases


def check_against_shared_files(shared_dir, xs, ys, weights):
    """Compare the generated data set and initial weights bit for bit."""
    result = {}
    with open(os.path.join(shared_dir, "two_spirals_1024.csv")) as f:
        lines = f.read().strip().splitlines()
    rows = [line.split(",") for line in lines[1:]]
    file_x = [[float(r[1]), float(r[2])] for r in rows]
    file_y = [float(int(r[3])) for r in rows]
    file_idx = [int(r[0]) for r in rows]
    mismatches = sum(1 for k in range(len(xs))
                     if k >= len(file_x) or file_x[k] != xs[k] or file_y[k] != ys[k])
    result["dataset_matches"] = (len(rows) == len(xs) and mismatches == 0
                                 and file_idx == list(range(len(xs))))
    result["dataset_mismatching_points"] = mismatches

    with open(os.path.join(shared_dir, "init_weights_seed1.json")) as f:
        init = json.load(f)
    flat_gen = [w for m in weights for row in m for w in row]
    flat_file = [w for m in init["weights"] for row in m for w in row]
    shapes_ok = ([(len(m), len(m[0])) for m in init["weights"]]
                 == [(len(m), len(m[0])) for m in weights])
    w_mismatch = sum(1 for a, b in zip(flat_gen, flat_file) if a != b)
    result["init_weights_match"] = (shapes_ok and len(flat_gen) == len(flat_file)
                                    and w_mismatch == 0
                                    and init.get("sizes", SIZES) == SIZES)
    result["init_weights_mismatching_values"] = w_mismatch
    return result


# --------------------------------------------------------------------------
# Network
# --------------------------------------------------------------------------

LEAKY_SLOPE = 0.01
PRELU_INIT = 0.25


def activation(kind, x, alpha):
    if x > 0:
        return x
    if kind == "relu":
        return 0.0 if x == x else x          # keep NaN as NaN (PyTorch)
    if kind == "leaky_relu":
        return LEAKY_SLOPE * x
    if kind == "prelu":
        return alpha * x
    raise ValueError(kind)


def activation_derivative(kind, x, alpha):
    """df/dx; the x <= 0 branch is used at exactly 0."""
    if x > 0:
        return 1.0
    if kind == "relu":
        return 0.0
    if kind == "leaky_relu":
        return LEAKY_SLOPE
    if kind == "prelu":
        return alpha
    raise ValueError(kind)


def exact_sum(terms):
    """Correctly rounded sum (math.fsum); plain sum if fsum refuses (inf - inf
    or intermediate overflow), which only happens in a diverged run."""
    terms = list(terms)
    try:
        return math.fsum(terms)
    except (ValueError, OverflowError):
        return sum(terms)


def affine(row, bias, a):
    """One output unit of z = W a + b."""
    return exact_sum([w * x for w, x in zip(row, a)] + [bias])


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def bce_with_logits(z, y):
    return max(z, 0.0) - z * y + math.log(1.0 + math.exp(-abs(z)))


class Net:
    def __init__(self, kind, weights, biases):
        self.kind = kind
        self.W = [[list(row) for row in m] for m in weights]
        self.b = [list(v) for v in biases]
        self.alpha = [PRELU_INIT] * 3 if kind == "prelu" else None

    def layer_alpha(self, l):
        return self.alpha[l] if self.alpha is not None else None

    def forward(self, X):
        """Returns (pre, post): pre[l][k] = pre-activation vector of layer l
        (l = 0..3, layer 3 = output) for point k; post[l][k] = input vector of
        layer l for point k (post[0] = X, post[l] = f(pre[l-1]))."""
        pre, post = [], [X]
        a = X
        for l in range(4):
            z = [[affine(row, bj, ak) for row, bj in zip(self.W[l], self.b[l])]
                 for ak in a]
            pre.append(z)
            if l < 3:
                al = self.layer_alpha(l)
                a = [[activation(self.kind, v, al) for v in zk] for zk in z]
                post.append(a)
        return pre, post

    def gradients(self, X, Y):
        """Gradients of the mean BCE over the batch (X, Y) by backpropagation."""
        n = len(X)
        pre, post = self.forward(X)
        # dL/dz_out for each point (the 1/n of the mean is applied here; n is a
        # power of two so this is exact).
        delta = [[(sigmoid(zk[0]) - y) / n] for zk, y in zip(pre[3], Y)]
        gW, gb = [None] * 4, [None] * 4
        galpha = [None] * 3
        for l in range(3, -1, -1):
            a_in = post[l]
            n_out, n_in = len(self.W[l]), len(self.W[l][0])
            gW[l] = [[exact_sum(delta[k][j] * a_in[k][i] for k in range(n))
                      for i in range(n_in)] for j in range(n_out)]
            gb[l] = [exact_sum(delta[k][j] for k in range(n)) for j in range(n_out)]
            if l == 0:
                break
            # dL/dh for the hidden layer below (h = post[l] = f(pre[l-1])).
            g_h = [[exact_sum(self.W[l][j][i] * delta[k][j] for j in range(n_out))
                    for i in range(n_in)] for k in range(n)]
            z = pre[l - 1]
            al = self.layer_alpha(l - 1)
            if self.kind == "prelu":
                galpha[l - 1] = exact_sum(g_h[k][i] * z[k][i]
                                          for k in range(n) for i in range(n_in)
                                          if not (z[k][i] > 0))
            delta = [[g_h[k][i] * activation_derivative(self.kind, z[k][i], al)
                      for i in range(n_in)] for k in range(n)]
        return gW, gb, galpha

    def sgd_step(self, X, Y, lr):
        gW, gb, galpha = self.gradients(X, Y)
        for l in range(4):
            self.W[l] = [[w - lr * g for w, g in zip(row, grow)]
                         for row, grow in zip(self.W[l], gW[l])]
            self.b[l] = [b - lr * g for b, g in zip(self.b[l], gb[l])]
        if self.alpha is not None:
            self.alpha = [a - lr * g for a, g in zip(self.alpha, galpha)]

    def evaluate(self, X, Y):
        """Loss, dead counts, accuracy and finiteness on (X, Y), eval mode."""
        pre, _ = self.forward(X)
        logits = [zk[0] for zk in pre[3]]
        finite = all(math.isfinite(v) for layer in pre for zk in layer for v in zk)
        loss = exact_sum(bce_with_logits(z, y) for z, y in zip(logits, Y)) / len(X)
        finite = finite and math.isfinite(loss)
        dead = []
        for l in range(3):
            width = len(self.W[l])
            dead.append(sum(1 for j in range(width)
                            if all(zk[j] <= 0 for zk in pre[l])))
        correct = sum(1 for z, y in zip(logits, Y) if (z > 0) == (y == 1.0))
        return {"loss": loss, "dead": dead, "accuracy": correct / len(X),
                "finite": finite}


# --------------------------------------------------------------------------
# Experiment cases
# --------------------------------------------------------------------------

def json_float(x):
    return x if math.isfinite(x) else None


def run_case(name, kind, lr, batch_size, steps, dead_at, acc_at, data, init,
             shuffle_seed=7, reset_order_each_epoch=False, log=None):
    xs, ys = data
    net = Net(kind, *init)
    n = len(xs)
    losses, alphas, dead_after, accuracy_after = [], [], {}, {}
    diverged_at = None
    order = list(range(n))
    shuffler = SplitMix64(shuffle_seed)
    steps_per_epoch = n // batch_size

    def measure(s):
        nonlocal diverged_at
        ev = net.evaluate(xs, ys)
        losses.append(ev["loss"])
        if not ev["finite"] and diverged_at is None:
            diverged_at = s
        if s in dead_at:
            dead_after[str(s)] = ev["dead"]
        if s in acc_at:
            accuracy_after[str(s)] = ev["accuracy"]
        if net.alpha is not None:
            alphas.append(list(net.alpha))
        if log:
            log(f"  {name} step {s:3d}: L = {ev['loss']!r}  dead = {ev['dead']}"
                f"  acc = {ev['accuracy']:.4f}"
                + (f"  alpha = {net.alpha}" if net.alpha is not None else ""))

    measure(0)
    for s in range(1, steps + 1):
        if batch_size >= n:
            bx, by = xs, ys
        else:
            b = (s - 1) % steps_per_epoch
            if b == 0:                      # start of an epoch: reshuffle
                if reset_order_each_epoch:
                    order = list(range(n))
                fisher_yates(order, shuffler)
            idx = order[batch_size * b: batch_size * (b + 1)]
            bx = [xs[k] for k in idx]
            by = [ys[k] for k in idx]
        net.sgd_step(bx, by, lr)
        measure(s)

    case = {"name": name, "activation": kind, "learning_rate": lr,
            "batch_size": batch_size, "steps": steps,
            "losses": [json_float(v) for v in losses],
            "dead_after": dead_after,
            "accuracy_after": accuracy_after,
            "diverged_at_step": diverged_at}
    if net.alpha is not None:
        case["alphas"] = [[json_float(a) for a in row] for row in alphas]
    return case


CASES = [
    # name, activation, lr, batch size, steps, dead counts at, accuracy at
    ("relu_full_lr0.1", "relu", 0.1, 1024, 10, (0, 10), (0, 10)),
    ("leaky_relu_full_lr0.1", "leaky_relu", 0.1, 1024, 10, (0, 10), (0, 10)),
    ("prelu_full_lr0.1", "prelu", 0.1, 1024, 10, (0, 10), (0, 10)),
    ("relu_mb32_lr0.1", "relu", 0.1, 32, 40, (0, 40), (0, 40)),
    ("relu_full_lr2.0", "relu", 2.0, 1024, 30, (0, 10, 20, 30), (0, 10, 20, 30)),
]

SPEC_LINE = ("reference-spec.md section 2: SplitMix64; two spirals N=1024 data seed 42; "
             "2-32-32-32-1, He-normal init seed 1, biases 0; mean BCE with logits; "
             "plain SGD in double; mini-batch 32 with Fisher-Yates from SplitMix64(7); "
             "dead = pre-activation <= 0 on all 1024 points (eval mode); "
             "every sum is math.fsum (correctly rounded), so compare with ~1e-12 "
             "relative tolerance, not bit for bit")

NOTES = [
    "losses[s] is the mean BCE on all 1024 points after s SGD steps (losses[0] before any "
    "step); dead_after / accuracy_after keys are step numbers; alphas[s] are the three PReLU "
    "alphas after step s.",
    "Gradients are of the MEAN loss over the batch (1/1024 full batch, 1/32 mini-batch).",
    "At x == 0 exactly, every activation takes its x <= 0 branch: relu' = 0, leaky' = 0.01, "
    "prelu' = alpha and d prelu/d alpha = x (= 0).",
    "PReLU alpha: one scalar per hidden layer shared by its 32 units; its gradient is the sum "
    "over points and units of dL/dh * min(z, 0); updated by the same SGD step as the weights.",
    "Mini-batch order (ambiguity resolved): the permutation array is the identity 0..1023 "
    "once, then shuffled in place by Fisher-Yates at the start of every epoch including the "
    "first, all shuffles drawing from one SplitMix64(7) in sequence. The alternative reading "
    "(reset to the identity before each shuffle) only changes steps >= 33; its losses are "
    "stored in that case's 'alternative_reset_order_each_epoch'.",
    "Loss per point computed literally as max(z,0) - z*y + log(1 + exp(-|z|)) (math.log, not "
    "log1p; the difference is ~1e-16 absolute). Sigmoid for the gradient: 1/(1+exp(-z)) for "
    "z >= 0, exp(z)/(1+exp(z)) otherwise; at z == 0 the gradient is 0.5 - y.",
    "A diverged run (non-finite loss or pre-activation) would have diverged_at_step set and "
    "null losses; none of these cases diverge if diverged_at_step is null.",
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(repo, "tests", "data",
                                                      "reference_training.json"))
    parser.add_argument("--shared-data", default=os.path.join(
        os.path.dirname(repo), "shared", "data"))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    t_start = time.time()
    log = (lambda msg: print(msg, flush=True)) if args.verbose else None

    xs, ys = make_two_spirals()
    weights, biases = he_normal_init(seed=1)
    checks = None
    if os.path.isdir(args.shared_data):
        checks = check_against_shared_files(args.shared_data, xs, ys, weights)
        print(f"data set matches shared file bit for bit: {checks['dataset_matches']}"
              f" ({checks['dataset_mismatching_points']} mismatching points)")
        print(f"init weights match shared file bit for bit: {checks['init_weights_match']}"
              f" ({checks['init_weights_mismatching_values']} mismatching values)")
    else:
        print(f"shared data not found at {args.shared_data}: skipping file comparison")

    cases = []
    for name, kind, lr, bs, steps, dead_at, acc_at in CASES:
        t0 = time.time()
        case = run_case(name, kind, lr, bs, steps, set(dead_at), set(acc_at),
                        (xs, ys), (weights, biases), log=log)
        if bs < N_POINTS and steps > N_POINTS // bs:
            alt = run_case(name + "_alt", kind, lr, bs, steps, set(), set(),
                           (xs, ys), (weights, biases),
                           reset_order_each_epoch=True)
            case["alternative_reset_order_each_epoch"] = {"losses": alt["losses"]}
        case["seconds"] = round(time.time() - t0, 1)
        cases.append(case)
        print(f"{name}: {case['seconds']} s", flush=True)

    out = {"generator": "tests/core/reference_training.py",
           "spec": SPEC_LINE,
           "notes": NOTES,
           "data_seed": 42, "init_seed": 1, "shuffle_seed": 7,
           "shared_file_checks": checks,
           "cases": cases}
    for c in out["cases"]:
        c.pop("seconds", None)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1, allow_nan=False)
        f.write("\n")

    # ---- human summary ----
    print()
    print("Summary (double precision, init seed 1, data seed 42)")
    relu0 = cases[0]["dead_after"]["0"]
    print(f"ReLU dead units at step 0: {relu0} (spec section 3 says [0, 4, 7]: "
          f"{'reproduced' if relu0 == [0, 4, 7] else 'NOT reproduced'})")
    for c in cases:
        L = c["losses"]
        print(f"{c['name']}: L_0 = {L[0]!r}, L_1 = {L[1]!r}, L_{c['steps']} = {L[-1]!r}")
        print(f"    dead: {c['dead_after']}  accuracy: {c['accuracy_after']}"
              f"  diverged_at_step: {c['diverged_at_step']}")
        if "alphas" in c:
            print(f"    alphas after step {c['steps']}: {c['alphas'][-1]}")
        if "alternative_reset_order_each_epoch" in c:
            alt = c["alternative_reset_order_each_epoch"]["losses"]
            print(f"    (alternative order reading: L_{c['steps']} = {alt[-1]!r}; "
                  f"first differs at step "
                  f"{next((s for s, (a, b) in enumerate(zip(L, alt)) if a != b), None)})")
    print(f"wrote {args.out}")
    print(f"wall time {time.time() - t_start:.1f} s")
    ok = checks is None or (checks["dataset_matches"] and checks["init_weights_match"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
