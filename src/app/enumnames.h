#pragma once

// The spellings of every enumeration a user types or reads: option values of relulab-cli and
// relulab ("--precision float"), the fields of a preset file ("precision": "float") and the help
// texts and messages that list the allowed values ("neither float nor double"). Each spelling is
// written once: core keeps the names of the enumerations it defines a table for (activations,
// data sets, initializations, optimizers, born-dead settings, race scenarios) and enumnames.cpp
// holds the rest, so a word can never mean one thing in a preset and another on the command line.
//
// Every enumeration here is numbered from 0 in the order of its names.

#include <QString>
#include <QStringList>

#include <optional>

#include "core/activations.h"
#include "core/borndead.h"
#include "core/datasets.h"
#include "core/network.h"
#include "core/race.h"
#include "core/trainer.h"

namespace relulab::app {

enum class PresetTab; // preset.h

// Every spelling of Enum, in the order of its values. Defined for core::Activation, DatasetKind,
// Initialization, BiasInit, OptimizerKind, Precision, RreluMode, BornDeadInit, BornDeadBias,
// RacePresetKind and app::PresetTab.
template<class Enum>
QStringList enumNames();

template<>
QStringList enumNames<core::Activation>();
template<>
QStringList enumNames<core::DatasetKind>();
template<>
QStringList enumNames<core::Initialization>();
template<>
QStringList enumNames<core::BiasInit>();
template<>
QStringList enumNames<core::OptimizerKind>();
template<>
QStringList enumNames<core::Precision>();
template<>
QStringList enumNames<core::RreluMode>();
template<>
QStringList enumNames<core::BornDeadInit>();
template<>
QStringList enumNames<core::BornDeadBias>();
template<>
QStringList enumNames<core::RacePresetKind>();
template<>
QStringList enumNames<PresetTab>();

// The value's spelling; empty for a value outside the enumeration, which no name reads back as.
template<class Enum>
QString enumName(Enum value)
{
    const QStringList names = enumNames<Enum>();
    const auto index = static_cast<qsizetype>(value);
    return index >= 0 && index < names.size() ? names.at(index) : QString();
}

// The value spelled `name` exactly (case matters), or nothing.
template<class Enum>
std::optional<Enum> enumFromName(const QString &name)
{
    const qsizetype index = enumNames<Enum>().indexOf(name);
    if (index < 0)
        return std::nullopt;
    return static_cast<Enum>(index);
}

// "spirals circles xor blobs moons": the spellings as option help and messages list them.
template<class Enum>
QString enumNameList()
{
    return enumNames<Enum>().join(QLatin1Char(' '));
}

// "a or b", "a, b or c": names in a sentence.
QString alternatives(const QStringList &names);

} // namespace relulab::app
