#pragma once

// The options of `relulab-cli train`: every parameter of a training run, read as strictly and
// worded as the curve options are (curveoptions.h), so that a mistake is caught before a long
// run starts rather than explained by its results.

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <variant>

#include "core/trainer.h"

class QCommandLineParser;

namespace relulab::app {

// The reference experiment's schedule (reference-spec.md section 2): 2000 steps, measured every
// 100.
inline constexpr std::uint64_t DefaultTrainingSteps = 2000;
inline constexpr std::uint64_t DefaultMeasureEvery = 100;
inline constexpr std::uint64_t MaxTrainingSteps = 100'000'000;
inline constexpr int MaxTrainingThreads = 256;

// What the command line asked for. `config` is the caller's defaults with the given options
// applied. An option the chosen configuration does not use (--alpha for relu, --momentum for sgd)
// is not applied and adds a warning ("--alpha is ignored by relu").
struct TrainingOptions
{
    core::TrainingConfig config;
    std::uint64_t steps = DefaultTrainingSteps;
    // Measure at step 0, at every multiple of `every`, and after the last step.
    std::uint64_t every = DefaultMeasureEvery;
    // The OpenMP team size (core::setMaxThreads); nothing when not given, so OMP_NUM_THREADS and
    // the machine decide.
    std::optional<int> threads;
    // The CSV's file; empty for standard output.
    QString output;
    QStringList warnings;
    // `train --layer-stats`: the layer statistics' columns in every row (set by the train command,
    // which alone has the option).
    bool layerStatistics = false;
};

// Adds the options of a training run, each with its help text: --dataset, --points, --test-points,
// --data-seed, --noise, --hidden, --activation, --alpha, --lower, --upper, --prelu-per-unit,
// --init, --bias-init, --bias-value, --init-seed, --init-gain, --optimizer, --lr, --momentum,
// --weight-decay, --l1, --batch-size,
// --shuffle-seed, --rrelu-seed, --steps, --every, --precision, --threads and --output (-o).
void addTrainingOptions(QCommandLineParser &parser);

// Reads the options added by addTrainingOptions from a parser that has parsed its arguments,
// starting from `defaults` (core::TrainingConfig{} is the reference experiment). Returns the
// options, or a one-line message that starts with the option at fault, e.g.
// "--lr: must be positive, got 0". Numbers are read as readCurveOptions reads them (strict, no
// nan or inf, locale-independent), each checked even when its option is then ignored; an option
// given several times takes its last value. Once every option is read, the configuration must
// pass core::validate(); its objection is the message then.
std::variant<TrainingOptions, QString> readTrainingOptions(const QCommandLineParser &parser,
                                                           const core::TrainingConfig &defaults);

} // namespace relulab::app
