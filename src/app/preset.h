#pragma once

// Presets: every setting of the explorer, the lab, the race and born-dead, and the tab shown, as a
// versioned JSON document that teachers save, hand out and open again (File menu, drag and drop,
// `--preset`, the built-in lessons). The format, version 2:
//
//   {
//       "format": "relulab-preset",
//       "version": 2,
//       "title": "...", "description": "...",  (optional strings, for lessons)
//       "tab": "explorer" | "lab" | "gradient-flow" | "race" | "born-dead",
//       "explorer": {
//           "activation": "relu",                  (a --activation name)
//           "overlays": ["gelu", "silu"],          (the ticked comparison functions)
//           "leaky_slope": 0.01, "prelu_weight": 0.25, "elu_alpha": 1,
//           "rrelu_lower": 0.125, "rrelu_upper": 0.3333333333333333,
//           "rrelu_mode": "train" | "eval", "rrelu_seed": 0,
//           "x_min": -3, "x_max": 3, "samples": 1001
//       },
//       "lab": {
//           "dataset": "spirals", "points": 1024, "noise": 0.05, "data_seed": 42,
//           "hidden_layers": 3, "units_per_layer": 32, "activation": "relu",
//           "prelu_per_unit": false, "init": "he-normal", "bias_init": "zero" | "constant",
//           "init_seed": 1, "optimizer": "sgd", "learning_rate": 0.1,
//           "batch_size": 0 (the full batch), "precision": "double" | "float",
//           "init_gain": 1 (after "init"), "weight_decay": 0, "l1": 0 (after "learning_rate"),
//           "compare": "sigmoid" (a --activation name) | null (after "prelu_per_unit"; the
//               gradient-flow tab's second network, null for none): optional, see below
//       },
//       "race": {
//           "scenario": null (the user's own settings) | "high-lr" | "deep-narrow" | "bad-bias",
//           "activations": ["relu", "leaky_relu", "prelu", "rrelu"],   (the lanes; may be empty)
//           "steps": 1000, "measure_every": 10,
//           "dataset", "points", "noise", "data_seed", "hidden_layers", "units_per_layer",
//           "init", "bias_init": as in "lab", "bias_value": 0.1 (the constant of "constant"),
//           "init_seed", "optimizer", "learning_rate", "batch_size", "precision",
//           "init_gain", "weight_decay", "l1": as in "lab"
//       },
//       "born_dead": {
//           "widths": [2, 3, 4, 5, 10], "depths": [2, 5, 10, 20, 50],  (at least one; a repeat is taken once, with a warning)
//           "networks": 4000, "inputs": 2000, "input_dim": 1 | 2,
//           "bias": "zero" | "normal", "init": "he-normal" | "rai", "compare": false, "seed": 0
//       }
//   }
//
// Version 1 is version 2 without "race" and "born_dead": it is still read, and those two take
// their defaults (RaceModel's and BornDeadModel's), so opening it sets every tab. toJson()
// writes version 2. tests/data/presets/default.json is the default state exactly as toJson()
// writes it.
//
// Every field of "explorer", "lab", "race" and "born_dead" is required, so a file says everything
// it sets and means the same to every later version, except four that came later within version
// 2: "init_gain" (0.1 to 10, every initial weight times it), "weight_decay" and "l1" (0 to 10, see
// core::TrainingConfig), and the lab's "compare". Absent, they are 1, 0, 0 and "sigmoid", which is
// what a file without them always meant; toJson() writes each only when it differs from that, so a preset that does not use them
// is the same bytes as before and opens in earlier versions without a warning (one that does use
// them opens there with an "unknown field" warning naming what is not applied). The names are the
// command line's (relulab-cli --help). The ranges are exactly those of ParameterModel, LabModel,
// RaceModel and BornDeadModel, which are the widgets' ranges: a preset never holds a value the app
// would have to clamp. Three rules go beyond the models' setters: "points" must be even (LabModel
// rounds odd counts up, so an odd one could not be restored as written), rrelu_lower <= rrelu_upper
// (the model would push one bound) and a born-dead width or depth may not be listed twice.
//
// Seeds are unsigned 64-bit. JSON numbers are doubles in most readers (JavaScript, jq), exact
// only up to 2^53 - 1 (RFC 7493, I-JSON), so a seed is written as a number up to
// 9007199254740991 and as a decimal string above it; either spelling is read, and a number
// above 2^53 - 1 is rejected rather than trusted (another tool may already have rounded it).
//
// Loading validates the whole document before anything is applied: a file that is not JSON, not an
// object, larger than MaxPresetSize, of another format or version, or with a missing, mistyped,
// out-of-range or unknown-name field is refused with messages that name the file and the field
// ("lesson.json: lab.learning_rate must be a number between 0.0001 and 10, got "abc""). Unknown
// extra fields are ignored with a warning, so a file from a later minor addition still opens.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <variant>

#include "core/activations.h"
#include "core/borndead.h"
#include "core/datasets.h"
#include "core/network.h"
#include "core/race.h"
#include "core/trainer.h"

namespace relulab::app {

class ParameterModel;
class LabModel;
class RaceModel;
class BornDeadModel;

inline constexpr char PresetFormat[] = "relulab-preset";
// The version toJson() writes; every version from 1 up to it is read.
inline constexpr int PresetVersion = 2;
// Larger files are refused before they are read: a preset is a few hundred bytes, so a file of
// megabytes is something else dropped on the window by mistake.
inline constexpr qint64 MaxPresetSize = qint64 {1024} * 1024;
// The largest seed written as a JSON number (2^53 - 1); larger ones are written as strings.
inline constexpr std::uint64_t MaxSeedAsNumber = (std::uint64_t {1} << 53) - 1;

enum class PresetTab { Explorer, Lab, BornDead, Race, GradientFlow };

// "explorer", "lab", "born-dead" or "race", as in the file (and for a --tab option).
QString presetTabName(PresetTab tab);
std::optional<PresetTab> presetTabFromName(const QString &name);

// The explorer's parameters (ParameterModel). A default-constructed one is the model's defaults.
struct ExplorerState
{
    core::Activation activation = core::Activation::Relu;
    // The ticked comparison functions in the order of core::allActivations(), without repeats.
    // Unlike ParameterModel::overlays() this may include `activation`: its box stays ticked (and
    // disabled) while it is the selected function, and shows again once another one is selected.
    QList<core::Activation> overlays;
    // Leaky ReLU slope, PReLU weight, ELU alpha, RReLU lower, upper, mode and seed.
    core::ActivationParams params;
    double xMin = -3.0;
    double xMax = 3.0;
    int samples = 1001;

    friend bool operator==(const ExplorerState &, const ExplorerState &) = default;
};

// The training settings the lab and the race share (a LabModel's, but the activation's). A
// default-constructed one is the reference experiment, LabModel's defaults.
struct TrainingState
{
    core::DatasetKind dataset = core::DatasetKind::TwoSpirals;
    int points = 1024;
    double noise = 0.05;
    std::uint64_t dataSeed = 42;
    int hiddenLayers = 3;
    int unitsPerLayer = 32;
    core::Initialization init = core::Initialization::HeNormal;
    double initGain = 1.0; // this and the two penalties: optional in a file, see above
    core::BiasInit biasInit = core::BiasInit::Zero;
    std::uint64_t initSeed = 1;
    core::OptimizerKind optimizer = core::OptimizerKind::Sgd;
    double learningRate = 0.1;
    double weightDecay = 0.0;
    double l1 = 0.0;
    int batchSize = 0; // 0: the full batch
    core::Precision precision = core::Precision::Double;

    friend bool operator==(const TrainingState &, const TrainingState &) = default;
};

// The lab's own parameters (LabModel); the hidden activation's parameters are the explorer's.
struct LabState : TrainingState
{
    core::Activation activation = core::Activation::Relu;
    bool preluPerUnit = false;
    // The gradient-flow tab's comparison (LabModel::comparison, whose default this is); nothing:
    // none.
    std::optional<core::Activation> comparison = core::Activation::Sigmoid;

    friend bool operator==(const LabState &, const LabState &) = default;
};

// The race's settings (RaceModel). A default-constructed one is RaceModel's defaults.
struct RaceState
{
    std::optional<core::RacePresetKind> scenario; // nothing: the user's own settings
    // The lanes in the order of core::allActivations(), without repeats.
    QList<core::Activation> activations {core::DefaultRaceActivations.begin(),
                                         core::DefaultRaceActivations.end()};
    quint64 steps = 1000;
    quint64 measureEvery = 10;
    TrainingState training;
    double biasValue = 0.1; // the constant of BiasInit::Constant

    friend bool operator==(const RaceState &, const RaceState &) = default;
};

// The born-dead tab's settings (BornDeadModel). A default-constructed one is its defaults.
struct BornDeadState
{
    core::BornDeadConfig config; // its `threads` is not part of a preset (always 0)
    bool compare = false;

    friend bool operator==(const BornDeadState &, const BornDeadState &) = default;
};

// A default-constructed Preset is the app's default state (the explorer shown, no title).
struct Preset
{
    QString title; // both optional: empty ones are not written
    QString description;
    PresetTab tab = PresetTab::Explorer;
    ExplorerState explorer;
    LabState lab;
    RaceState race;
    BornDeadState bornDead;

    friend bool operator==(const Preset &, const Preset &) = default;
};

struct LoadedPreset
{
    Preset preset;
    // One line each, starting with the file name: unknown fields that were ignored, repeated
    // overlay names.
    QStringList warnings;
};

struct PresetError
{
    // One line per problem, each starting with the file name ("lesson.json: lab.points is
    // missing"): a hand-edited file gets all its mistakes at once.
    QString message;
};

using PresetResult = std::variant<LoadedPreset, PresetError>;

// The models a preset describes, one per tab (MainWindow::presetModels()).
struct PresetModels
{
    ParameterModel &parameters;
    LabModel &lab;
    RaceModel &race;
    BornDeadModel &bornDead;
};

// The models' current state as a preset (no title or description).
Preset capture(const PresetModels &models, PresetTab tab);
// The explorer's part alone.
ExplorerState captureExplorer(const ParameterModel &parameters);

// Sets every parameter of the models to the preset's value, in an order in which no setter
// clamps and no RReLU bound is pushed, so that capture() afterwards gives `preset` back (with its
// title and description). Each model emits its usual signals for each field that changes; the tab
// is the caller's to show. `preset` must be valid: one from parsePreset(), loadPreset() or
// capture(), or one that validatePreset() accepts.
void apply(const Preset &preset, const PresetModels &models);

// What is wrong with a preset built in code (a lesson), in the words parsePreset() would use for
// the same document, naming `fileName`; nothing when it is valid.
std::optional<QString> validatePreset(const Preset &preset,
                                      const QString &fileName = QStringLiteral("preset"));

// The preset as UTF-8 JSON, indented by four spaces, fields in the order of the format above (not
// sorted), numbers in their shortest exact form, a final newline: the same preset always gives
// the same bytes, and a diff between two presets shows what differs.
QByteArray toJson(const Preset &preset);

// Parses and validates a whole document; `fileName` is only for the messages. Touches no model.
PresetResult parsePreset(const QByteArray &json, const QString &fileName);

// Reads and parses the file at `path` (named as given in the messages). A file larger than
// MaxPresetSize is refused without being read.
PresetResult loadPreset(const QString &path);

// loadPreset() and, only if it succeeds, apply(): what File > Open, drag and drop and --preset do.
// On an error neither model has changed.
PresetResult loadAndApplyPreset(const QString &path, const PresetModels &models);

// Writes the preset atomically (QSaveFile: a temporary file renamed over `path` once complete), so
// a crash, a kill or a full disk leaves either the old file or the new one, never part of one.
// Returns a message naming the file when it fails, and then the old file is as it was. An invalid
// preset, or one whose JSON exceeds MaxPresetSize (a huge description), is not written: it could
// not be opened again.
std::optional<QString> savePreset(const Preset &preset, const QString &path);

} // namespace relulab::app
