#pragma once

// Writing a sampled curve as CSV fast enough for ten million rows: numbers are formatted with
// std::to_chars into a large buffer that goes to the device in few big writes, instead of one
// stream operation per number. A training run's rows are few and come one at a time, so they
// are formatted as strings, in the same number format.

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/network.h"
#include "core/sampling.h"
#include "core/trainer.h"

class QIODevice;

namespace relulab::cli {

// Room one number needs at most: "-2.2250738585072014e-308" is 24 characters.
inline constexpr std::size_t MaxNumberLength = 24;

// Writes the shortest text that reads back as exactly `value` (std::to_chars) at `out` and returns
// the end. Non-finite values are written "nan", "inf" and "-inf" (a negative nan gets no sign).
char *appendNumber(char *out, double value) noexcept;

// Appends ',' and the value: a double as appendNumber() writes it, an integer in decimal.
void appendCell(std::string &row, double value);
template<class Integer>
requires std::is_integral_v<Integer>
void appendCell(std::string &row, Integer value)
{
    row.push_back(',');
    row.append(std::to_string(value));
}

// An accuracy cell: ',' and the value, or ',' alone for nan (no test set).
void appendAccuracy(std::string &row, double value);

// Writes the header "x,y,dy" and one "x,y,dy" row per sample, each line ending in '\n'.
// Returns false as soon as a write fails; the device's errorString() says why.
bool writeCurveCsv(const core::SampledCurve &curve, QIODevice &device);

// Writes all of `text`; false as soon as a write fails (see the device's errorString()).
bool writeText(QIODevice &device, std::string_view text);

// The CSV of `relulab-cli train`, one line per measurement, each ending in '\n'. For N hidden
// layers the header is
//   step,loss,train_accuracy,test_accuracy,dead_l1,...,dead_lN,rarely_active_l1,...,
//   rarely_active_lN,output_constant,diverged
// and for PReLU then alpha_l1,...,alpha_lN, or alpha_l1_u1,...,alpha_lN_uM with one alpha per
// unit. With `layerStatistics` (train --layer-stats) then
//   grad_l1,...,grad_lN,grad_out,zero_l1,...,zero_lN,blocked_l1,...,blocked_lN,mean_l1,...,
//   mean_lN,std_l1,...,std_lN
// (LayerMeasurement::gradientNorm, Measurement::outputGradientNorm, zeroShare, blockedShare,
// mean, deviation). The columns depend on the network and that flag alone, so every row of a run
// has the same ones.
std::string trainingCsvHeader(const core::NetworkConfig &network, bool layerStatistics = false);

// One row: numbers in the shortest form that reads back as the same double (appendNumber),
// counts as integers, booleans 0 or 1. Some cells are empty because there is nothing to say:
// test_accuracy without a test set, and after divergence the unit counts and output_constant,
// which non-finite pre-activations make meaningless (divergence is not "0 dead").
// The layer statistics' cells are empty after divergence too.
std::string trainingCsvRow(const core::Measurement &measurement, const core::NetworkConfig &network,
                           bool layerStatistics = false);

} // namespace relulab::cli
