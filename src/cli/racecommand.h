#pragma once

// `relulab-cli race`: the activation race of core/race.h on the command line, one CSV row per
// activation per measurement, written as each measurement is taken.

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "command.h"
#include "core/race.h"

namespace relulab::cli {

// The command (command.h), for main.cpp and the command-line fuzzer. A lane that diverges is a
// result, not a failure: the exit code stays 0.
extern const CommandEntry RaceCommand;

// "step,activation,loss,train_accuracy,test_accuracy,dead_l1,...,dead_lN,total_dead,diverged\n"
// for N hidden layers. No PReLU alpha columns: lanes of other activations have none, and
// `relulab-cli train --activation prelu` gives them.
std::string raceCsvHeader(int hiddenLayers);

// One lane's row at race step `step`: numbers in the shortest form that reads back as the same
// double, counts as integers, diverged 0 or 1. A lane that diverged gives its measurement at the
// step of divergence (loss nan) with the unit counts empty; test_accuracy is empty without a test
// set.
std::string raceCsvRow(std::uint64_t step, const core::Measurement &measurement,
                       core::Activation activation, int hiddenLayers);

// The finish table of --summary:
// "activation,steps,loss,train_accuracy,test_accuracy,dead_l1,...,dead_lN,total_dead,
// dead_without_gradient,steps_to_95,diverged\n", then one row per lane; steps_to_95 is empty
// when the lane never reached 95 % training accuracy at a measurement.
std::string raceSummaryCsv(const std::vector<core::RaceLaneSummary> &table, int hiddenLayers);

} // namespace relulab::cli
