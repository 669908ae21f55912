#pragma once

#include <QColor>

#include "core/activations.h"

class QCPColorGradient;

namespace relulab::ui {

// One colour per function, the same in every view, chosen to stay apart for common colour-vision
// deficiencies (Okabe-Ito first, then Tol's muted set).
QColor activationColor(core::Activation kind);

// Depth as colour, for views with a line or a row per hidden layer, too many for a legend (up to
// 32): a plasma-like ramp from dark blue at the input side through purple to orange at the
// output, with a colour scale beside the plot to read it. Its lightness rises with depth, so the
// order reads in greyscale too.
QCPColorGradient depthGradient();
// Hidden layer `layer` (0-based) of `layers` on depthGradient(): the first at its dark end, the
// last at its light end.
QColor depthColor(int layer, int layers);

} // namespace relulab::ui
