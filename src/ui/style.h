#pragma once

#include <QColor>

#include "core/activations.h"

namespace relulab::ui {

// One colour per function, the same in every view, chosen to stay apart for common colour-vision
// deficiencies (Okabe-Ito first, then Tol's muted set).
QColor activationColor(core::Activation kind);

} // namespace relulab::ui
