#pragma once

// `relulab-cli born-dead`: the born-dead Monte Carlo of core/borndead.h on the command line, one
// CSV row per (width, depth) cell, written as each cell finishes.

#include <QString>
#include <QStringList>

#include <optional>
#include <string>

#include "core/borndead.h"

namespace relulab::cli {

// Runs the command. `arguments` start with the program name and the command
// ("relulab-cli born-dead"), as main.cpp hands them to every command. Returns the exit code: 0
// success, 1 an output that cannot be written, 2 bad usage (one line on stderr naming the option).
int runBornDeadCommand(const QStringList &arguments);

// The message of the usage error runBornDeadCommand() would exit with (code 2), or nothing when
// it would run or show its help. The command line is parsed and checked exactly as
// runBornDeadCommand() does, but nothing is opened, written or run: for the command-line fuzzer
// (tests/fuzz) and tests.
std::optional<QString> bornDeadUsageError(const QStringList &arguments);

// The CSV header, "width,depth,networks,born_dead,p,ci_low,ci_high,dead_at_input,oracle\n".
std::string bornDeadCsvHeader();

// One cell's row: counts as integers, the rest in the shortest form that reads back as the same
// double; dead_at_input is the fraction of networks dead at the fixed input.
std::string bornDeadCsvRow(const core::BornDeadCell &cell);

} // namespace relulab::cli
