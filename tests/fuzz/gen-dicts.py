#!/usr/bin/env python3
"""Writes preset.dict and cli.dict, the libFuzzer dictionaries of tests/fuzz: the field, option
and value names of the formats, so that the fuzzer need not guess them byte by byte. Run it again
when a name is added (the names are copied from src/core and src/app)."""
import os

here = os.path.dirname(os.path.abspath(__file__))
activations = "relu leaky_relu prelu rrelu elu gelu gelu_tanh silu mish softplus sigmoid tanh".split()
datasets = "spirals circles xor blobs moons".split()
inits = "he-normal xavier-uniform uniform rai".split()
optimizers = "sgd momentum adam".split()
explorer = ("activation overlays leaky_slope prelu_weight elu_alpha rrelu_lower rrelu_upper "
            "rrelu_mode rrelu_seed x_min x_max samples").split()
lab = ("dataset points noise data_seed hidden_layers units_per_layer activation prelu_per_unit "
       "init bias_init init_seed init_gain optimizer learning_rate weight_decay l1 batch_size "
       "precision").split()
race = ("scenario activations steps measure_every bias_value").split()
born_dead = "widths depths networks inputs input_dim bias init compare seed".split()
top = "format version title description tab explorer lab race born_dead".split()
numbers = ["9007199254740991", "9007199254740992", "18446744073709551615",
           "18446744073709551616", "1e308", "-0", "1e-400", "0.0001", "4096"]
words = ["relulab-preset", "explorer", "lab", "born-dead", "race", "gradient-flow", "train", "eval", "zero",
         "constant", "normal", "float", "double", "he-normal", "rai", "high-lr", "deep-narrow",
         "bad-bias"]

with open(os.path.join(here, "preset.dict"), "w") as f:
    f.write("# libFuzzer dictionary for fuzz_preset (written by gen-dicts.py).\n")
    for key in sorted(set(top + explorer + lab + race + born_dead)):
        f.write('"\\"%s\\":"\n' % key)
    for value in sorted(set(activations + datasets + inits + optimizers + words)):
        f.write('"\\"%s\\""\n' % value)
    for value in numbers + ["true", "false", "null"]:
        f.write('"%s"\n' % value)

options = ("activation alpha lower upper mode seed range samples output help dataset points "
           "test-points data-seed noise hidden prelu-per-unit init bias-init bias-value init-seed "
           "init-gain optimizer lr momentum weight-decay l1 batch-size shuffle-seed rrelu-seed "
           "steps every precision threads layer-stats "
           "activations scenario preset summary widths depths networks inputs input-dim bias").split()
with open(os.path.join(here, "cli.dict"), "w") as f:
    f.write("# libFuzzer dictionary for fuzz_cli (written by gen-dicts.py): one argument a line.\n")
    for command in ["curve", "train", "race", "born-dead"]:
        f.write('"%s\\x0a"\n' % command)
    for option in options:
        f.write('"\\x0a--%s\\x0a"\n' % option)
    for value in sorted(set(activations + datasets + inits + optimizers + words)) + numbers + [
            "nan", "inf", "-inf", "1e400", "-3:3", "relu,leaky_relu"]:
        f.write('"%s"\n' % value)
