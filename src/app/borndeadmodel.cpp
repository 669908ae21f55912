#include "borndeadmodel.h"

#include <algorithm>

namespace relulab::app {

BornDeadModel::BornDeadModel(QObject *parent)
    : QObject(parent)
{ }

std::vector<core::BornDeadConfig> BornDeadModel::series() const
{
    std::vector<core::BornDeadConfig> series {m_config};
    if (m_compare) {
        series[0].init = core::BornDeadInit::HeNormal;
        series.push_back(series[0]);
        series[1].init = core::BornDeadInit::RandomizedAsymmetric;
    }
    return series;
}

template<class Value>
void BornDeadModel::update(Value &field, Value value)
{
    if (field == value)
        return;
    field = value;
    emit changed();
}

bool BornDeadModel::isValidList(const std::vector<int> &values, int minimum, int maximum)
{
    if (values.empty())
        return false;
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (*it < minimum || *it > maximum || std::find(values.begin(), it, *it) != it)
            return false;
    }
    return true;
}

bool BornDeadModel::setWidths(const std::vector<int> &widths)
{
    if (!isValidList(widths, core::BornDeadMinWidth, core::BornDeadMaxWidth))
        return false;
    update(m_config.widths, widths);
    return true;
}

bool BornDeadModel::setDepths(const std::vector<int> &depths)
{
    if (!isValidList(depths, core::BornDeadMinDepth, core::BornDeadMaxDepth))
        return false;
    update(m_config.depths, depths);
    return true;
}

void BornDeadModel::setNetworks(quint64 networks)
{
    update(m_config.networks,
           static_cast<std::uint64_t>(std::clamp<quint64>(networks, 1, core::BornDeadMaxNetworks)));
}

void BornDeadModel::setInputs(quint64 inputs)
{
    update(m_config.inputs,
           static_cast<std::uint64_t>(std::min<quint64>(inputs, core::BornDeadMaxInputs)));
}

void BornDeadModel::setInputDim(int dimension)
{
    update(m_config.inputDim, std::clamp(dimension, 1, core::BornDeadMaxInputDim));
}

void BornDeadModel::setBias(core::BornDeadBias bias)
{
    update(m_config.bias, bias);
}

void BornDeadModel::setInit(core::BornDeadInit init)
{
    update(m_config.init, init);
}

void BornDeadModel::setCompare(bool compare)
{
    update(m_compare, compare);
}

void BornDeadModel::setSeed(quint64 seed)
{
    update(m_config.seed, static_cast<std::uint64_t>(std::min(seed, MaxSeed)));
}

void BornDeadModel::resetToDefaults()
{
    if (m_config == core::BornDeadConfig {} && !m_compare)
        return;
    m_config = core::BornDeadConfig {};
    m_compare = false;
    emit changed();
}

} // namespace relulab::app
