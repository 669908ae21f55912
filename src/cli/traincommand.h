#pragma once

// `relulab-cli train`: the dead-neuron lab's training run, headless, one CSV row per measurement,
// written as each measurement is taken.

#include "command.h"

namespace relulab::cli {

// The command (command.h), for main.cpp and the command-line fuzzer. A run that diverges exits 0:
// divergence is one of the results it reports.
extern const CommandEntry TrainCommand;

} // namespace relulab::cli
