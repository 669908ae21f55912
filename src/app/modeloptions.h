#pragma once

#include <QString>

#include <optional>

#include "curveoptions.h"

namespace relulab::app {

class ParameterModel;

// Applies the options that were given on the GUI's command line to the model. The GUI's widgets
// are bounded, so a value outside a parameter's range is an error here (not silently clamped):
// returns a message naming the option, and then nothing has been changed.
std::optional<QString> applyCurveOptions(const CurveOptions &options, ParameterModel &model);

} // namespace relulab::app
