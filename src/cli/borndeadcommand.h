#pragma once

// `relulab-cli born-dead`: the born-dead Monte Carlo of core/borndead.h on the command line, one
// CSV row per (width, depth) cell, written as each cell finishes.

#include <QString>
#include <QStringList>

#include <optional>
#include <string>

#include "command.h"
#include "core/borndead.h"

namespace relulab::cli {

// The command (command.h), for main.cpp and the command-line fuzzer.
extern const CommandEntry BornDeadCommand;

// The CSV header, "width,depth,networks,born_dead,p,ci_low,ci_high,dead_at_input,oracle\n".
std::string bornDeadCsvHeader();

// One cell's row: counts as integers, the rest in the shortest form that reads back as the same
// double; dead_at_input is the fraction of networks dead at the fixed input.
std::string bornDeadCsvRow(const core::BornDeadCell &cell);

} // namespace relulab::cli
