#pragma once

// "Copy as code": the current configuration as Python that students paste into a notebook, for
// PyTorch and for Keras. No widgets here, so every string can be tested exactly.
//
// Keras means Keras 3 (TensorFlow 2.16 and later, or `pip install keras`): its LeakyReLU takes
// `negative_slope`; the snippets note that tf.keras 2.x calls the same argument `alpha`. Keras has
// no RReLU layer, so the RReLU snippets define a small custom layer with PyTorch's training and
// evaluation behaviour.

#include <QString>

#include "core/activations.h"
#include "core/trainer.h"
#include "preset.h"

namespace relulab::app {

// A double as Python's repr() writes it: the shortest digits that read back as the same double,
// fixed notation for exponents from -4 to 15 with at least one decimal ("1.0", "0.0001"),
// scientific otherwise ("1e-05", "1e+16"). So a value pasted into Python is exactly the app's.
QString pythonFloat(double value);

// The module, for example "torch.nn.RReLU(lower=0.125, upper=0.3333333333333333)" or
// "torch.nn.LeakyReLU(negative_slope=0.01)". `preluParameters` is PReLU's num_parameters.
QString torchActivation(core::Activation kind, const core::ActivationParams &params,
                        int preluParameters = 1);

// The Keras 3 layer, for example "keras.layers.LeakyReLU(negative_slope=0.01)". RReLU is "RReLU(
// lower=..., upper=...)", the custom layer of kerasRreluLayer(). `preluShared` gives PReLU
// shared_axes=[1] for a (batch, units) input: one alpha per layer (PyTorch's num_parameters=1);
// without it Keras learns one per unit.
QString kerasActivation(core::Activation kind, const core::ActivationParams &params,
                        bool preluShared = true);

// The definition of the custom Keras RReLU layer (a class RReLU).
QString kerasRreluLayer();

// The explorer's selected function on its x range: the module, the grid, f and (PyTorch, by
// autograd) f'. RReLU's mode becomes train() / eval() (training=True / False for Keras); the
// ticked comparison functions follow in a dict.
QString torchExplorerSnippet(const ExplorerState &state);
QString kerasExplorerSnippet(const ExplorerState &state);

// The lab's network (2 inputs, the hidden layers, one logit) with its initialisation, loss and
// optimiser: a torch.nn.Sequential, a keras.Sequential. Only what differs from the defaults adds
// lines, so the reference configuration's snippets stay as they were:
// - init gain: PyTorch multiplies each Linear weight after its init (torch.no_grad(), mul_);
//   Keras draws from the initializer with the spread times the gain.
// - weight decay (PyTorch's, L2 in the gradient): PyTorch's own weight_decay argument, with
//   PReLU's alphas in a parameter group without it; Keras has no coupled weight decay (its
//   optimizers' weight_decay is decoupled, AdamW's), so a kernel and bias regularizer
//   L2(lambda / 2), whose loss term has the gradient lambda * w.
// - L1: PyTorch adds lambda * sum |W| over the Linear weights to the loss; Keras regularizes the
//   kernels with L1(lambda), or L1L2 with the weight decay.
QString torchLabSnippet(const core::TrainingConfig &config);
QString kerasLabSnippet(const core::TrainingConfig &config);

} // namespace relulab::app
