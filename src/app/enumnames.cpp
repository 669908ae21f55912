#include "enumnames.h"

#include <string_view>

#include "optionparsing.h"
#include "preset.h"

namespace relulab::app {

namespace {

// The names of an enumeration core has a table for, read through its name function.
template<class Enum, class Name>
QStringList namesFrom(int count, Name name)
{
    QStringList names;
    for (int i = 0; i < count; ++i)
        names.append(fromView(name(static_cast<Enum>(i))));
    return names;
}

} // namespace

template<>
QStringList enumNames<core::Activation>()
{
    QStringList names;
    for (const core::ActivationInfo &info : core::allActivations())
        names.append(fromView(info.cliName));
    return names;
}

template<>
QStringList enumNames<core::DatasetKind>()
{
    return namesFrom<core::DatasetKind>(core::DatasetKindCount, core::datasetCliName);
}

template<>
QStringList enumNames<core::Initialization>()
{
    return namesFrom<core::Initialization>(core::InitializationCount, core::initializationCliName);
}

template<>
QStringList enumNames<core::OptimizerKind>()
{
    return namesFrom<core::OptimizerKind>(core::OptimizerCount, core::optimizerCliName);
}

template<>
QStringList enumNames<core::BornDeadInit>()
{
    return namesFrom<core::BornDeadInit>(core::BornDeadInitCount, core::bornDeadInitCliName);
}

template<>
QStringList enumNames<core::BornDeadBias>()
{
    return namesFrom<core::BornDeadBias>(core::BornDeadBiasCount, core::bornDeadBiasCliName);
}

template<>
QStringList enumNames<core::RacePresetKind>()
{
    return namesFrom<core::RacePresetKind>(core::RacePresetCount, [](core::RacePresetKind kind) {
        return core::racePreset(kind).cliName;
    });
}

// The enumerations core names nowhere: --mode and a preset's rrelu_mode, --bias-init and
// bias_init, --precision and precision, and a preset's tab (relulab --tab).
template<>
QStringList enumNames<core::RreluMode>()
{
    return {QStringLiteral("train"), QStringLiteral("eval")};
}

template<>
QStringList enumNames<core::BiasInit>()
{
    return {QStringLiteral("zero"), QStringLiteral("constant")};
}

template<>
QStringList enumNames<core::Precision>()
{
    return {QStringLiteral("float"), QStringLiteral("double")};
}

template<>
QStringList enumNames<PresetTab>()
{
    return {QStringLiteral("explorer"), QStringLiteral("lab"), QStringLiteral("born-dead"),
            QStringLiteral("race"), QStringLiteral("gradient-flow")};
}

QString alternatives(const QStringList &names)
{
    if (names.size() < 2)
        return names.join(QString());
    return QStringLiteral("%1 or %2")
            .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.constLast());
}

} // namespace relulab::app
