#pragma once

// `relulab-cli curve`: an activation f and its derivative f' on an evenly spaced grid, as CSV.

#include "command.h"

namespace relulab::cli {

// The command (command.h), for main.cpp and the command-line fuzzer.
extern const CommandEntry CurveCommand;

} // namespace relulab::cli
