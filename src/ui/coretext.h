#pragma once

#include <QString>

#include <string_view>

#include "core/activations.h"
#include "core/datasets.h"
#include "core/network.h"
#include "core/race.h"
#include "core/trainer.h"

namespace relulab::ui {

// The names relulab_core gives its activations, data sets, initialisations, optimisers and race
// presets, in the language of the interface. Core stays free of Qt and names things in English
// only; the table here lists every one of those names for lupdate (QT_TRANSLATE_NOOP) and
// translates them at run time.
QString activationName(core::Activation kind);
QString datasetName(core::DatasetKind kind);
QString initializationName(core::Initialization init);
QString optimizerName(core::OptimizerKind kind);
QString racePresetName(core::RacePresetKind kind);
QString racePresetDescription(core::RacePresetKind kind);

// Any of those English names translated; a name missing from the table comes back untranslated
// (tst_translation checks that none is missing).
QString translatedCoreText(std::string_view english);
bool coreTextKnown(std::string_view english);

} // namespace relulab::ui
