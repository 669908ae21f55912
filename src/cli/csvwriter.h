#pragma once

// Writing a sampled curve as CSV fast enough for ten million rows: numbers are formatted with
// std::to_chars into a large buffer that goes to the device in few big writes, instead of one
// stream operation per number.

#include <cstddef>

#include "core/sampling.h"

class QIODevice;

namespace relulab::cli {

// Room one number needs at most: "-2.2250738585072014e-308" is 24 characters.
inline constexpr std::size_t MaxNumberLength = 24;

// Writes the shortest text that reads back as exactly `value` (std::to_chars) at `out` and returns
// the end. Non-finite values are written "nan", "inf" and "-inf" (a negative nan gets no sign).
char *appendNumber(char *out, double value) noexcept;

// Writes the header "x,y,dy" and one "x,y,dy" row per sample, each line ending in '\n'.
// Returns false as soon as a write fails; the device's errorString() says why.
bool writeCurveCsv(const core::SampledCurve &curve, QIODevice &device);

} // namespace relulab::cli
