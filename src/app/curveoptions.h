#pragma once

// The curve parameter options shared by `relulab-cli curve` and the GUI's
// `relulab --screenshot FILE.png [options]`, so that both accept the same spellings and reject the
// same mistakes with the same messages.

#include <QString>
#include <QStringList>

#include <cstddef>
#include <variant>

#include "core/sampling.h"

class QCommandLineParser;

namespace relulab::app {

// What the command line asked for. `spec` is `defaults` with the given options applied; the
// *Given flags say which options appeared, so that a caller with its own state (the GUI's
// parameter model) overrides only those. An option the chosen function does not use is not
// applied: it leaves `spec` unchanged and adds a warning ("--alpha is ignored by relu").
struct CurveOptions
{
    core::CurveSpec spec;
    QStringList warnings;
    bool activationGiven = false;
    bool alphaGiven = false;
    bool lowerGiven = false;
    bool upperGiven = false;
    bool modeGiven = false;
    bool seedGiven = false;
    bool rangeGiven = false;
    bool samplesGiven = false;
};

// Adds --activation, --alpha, --lower, --upper, --mode, --seed, --range and --samples, each taking
// a value, with their help texts.
// The range --help states for --samples: relulab-cli's (the core's), or the window's narrower
// one (ParameterModel), which relulab checks when it applies the options.
struct SampleRange
{
    std::size_t min = core::MinCurveSamples;
    std::size_t max = core::MaxCurveSamples;
};
void addCurveOptions(QCommandLineParser &parser, SampleRange samples = {});

// Reads the options added by addCurveOptions from a parser that has parsed its arguments, starting
// from `defaults`. Returns the options, or a one-line message that starts with the option at
// fault, e.g. "--alpha: 'abc' is not a number".
//
// Rules (each checked even when the value is then ignored, since a malformed value is a mistake
// either way):
// - --activation NAME: one of core::activationCliNames(); required when `requireActivation`.
// - --alpha A: the alpha of the chosen function (core::setAlphaOf).
// - --lower L, --upper U: RReLU's slope bounds; for RReLU the resulting lower must not exceed
//   the resulting upper.
// - --mode train|eval: RReLU's mode. --seed S: an unsigned 64-bit decimal integer, used by RReLU
//   in training mode only.
// - --range A:B: finite A < B with a finite B - A (otherwise the grid is not finite either).
// - --samples N: a decimal integer in [core::MinCurveSamples, core::MaxCurveSamples].
// Real numbers are read strictly and independently of the locale: an optional sign, decimal or
// scientific notation, nothing before or after (no spaces); nan, inf and values beyond a double's
// range (1e400, and 1e-400, which would silently become 0) are errors. An option given several
// times takes its last value; the earlier ones are not read (the usual command-line convention, and
// QCommandLineParser::value's).
std::variant<CurveOptions, QString> readCurveOptions(const QCommandLineParser &parser,
                                                     const core::CurveSpec &defaults,
                                                     bool requireActivation);

} // namespace relulab::app
