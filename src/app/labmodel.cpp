#include "labmodel.h"

#include <algorithm>
#include <cmath>

#include "parametermodel.h"

namespace relulab::app {

LabModel::LabModel(const ParameterModel *parameters, QObject *parent)
    : QObject(parent)
    , m_parameters(parameters)
    , m_activationParams(parameters->activationParams())
{
    // The explorer's activation parameters are the lab's too. The explorer's changed() comes once
    // per change (an RReLU bound that pushes the other is one change but two valueChanged()), also
    // for what config() does not read (plot range, overlays), and valueChanged() misses the RReLU
    // mode and seed that config() does read: so compare what config() takes.
    connect(m_parameters, &ParameterModel::changed, this, [this] {
        if (m_parameters->activationParams() == m_activationParams)
            return;
        m_activationParams = m_parameters->activationParams();
        emit changed();
    });
}

core::TrainingConfig LabModel::config() const
{
    core::TrainingConfig config = m_config;
    config.network.params = m_parameters->activationParams();
    return config;
}

template<class Value>
void LabModel::update(Value &field, Value value)
{
    if (field == value)
        return;
    field = value;
    emit changed();
}

void LabModel::setDataset(core::DatasetKind kind)
{
    update(m_config.data.kind, kind);
}

void LabModel::setPoints(int points)
{
    // The data sets come in pairs (one point of each class), so an odd count would not be the
    // number of points trained on: round it up.
    const auto count = static_cast<std::size_t>(std::clamp(points, MinPoints, MaxPoints));
    update(m_config.data.points, count + count % 2);
}

void LabModel::setNoise(double noise)
{
    if (std::isfinite(noise))
        update(m_config.data.noise, std::clamp(noise, 0.0, MaxNoise));
}

void LabModel::setDataSeed(quint64 seed)
{
    update(m_config.data.seed, static_cast<std::uint64_t>(seed));
}

void LabModel::setDepth(int layers)
{
    const auto depth =
            static_cast<std::size_t>(std::clamp(layers, core::MinHiddenLayers, core::MaxHiddenLayers));
    std::vector<int> hidden(depth, width());
    update(m_config.network.hidden, hidden);
}

void LabModel::setWidth(int units)
{
    std::vector<int> hidden(m_config.network.hidden.size(),
                            std::clamp(units, core::MinLayerWidth, core::MaxLayerWidth));
    update(m_config.network.hidden, hidden);
}

void LabModel::setActivation(core::Activation kind)
{
    update(m_config.network.activation, kind);
}

void LabModel::setPreluPerUnit(bool perUnit)
{
    update(m_config.network.preluPerUnit, perUnit);
}

void LabModel::setInitialization(core::Initialization init)
{
    update(m_config.network.init, init);
}

void LabModel::setBiasInit(core::BiasInit init)
{
    update(m_config.network.biasInit, init);
}

void LabModel::setBiasValue(double value)
{
    if (std::isfinite(value))
        update(m_config.network.biasValue, std::clamp(value, -MaxBiasValue, MaxBiasValue));
}

void LabModel::setInitGain(double gain)
{
    if (std::isfinite(gain))
        update(m_config.network.initGain, std::clamp(gain, MinInitGain, MaxInitGain));
}

void LabModel::setInitSeed(quint64 seed)
{
    update(m_config.network.initSeed, static_cast<std::uint64_t>(seed));
}

void LabModel::reseed()
{
    setInitSeed(initSeed() + 1);
}

void LabModel::setOptimizer(core::OptimizerKind kind)
{
    update(m_config.optimizer, kind);
}

void LabModel::setLearningRate(double rate)
{
    if (std::isfinite(rate))
        update(m_config.learningRate, std::clamp(rate, MinLearningRate, MaxLearningRate));
}

void LabModel::setWeightDecay(double lambda)
{
    // + 0.0: a -0 typed into the box is stored as 0, so it compares and saves as "off".
    if (std::isfinite(lambda))
        update(m_config.weightDecay, std::clamp(lambda, 0.0, MaxWeightPenalty) + 0.0);
}

void LabModel::setL1(double lambda)
{
    if (std::isfinite(lambda))
        update(m_config.l1, std::clamp(lambda, 0.0, MaxWeightPenalty) + 0.0);
}

void LabModel::setBatchSize(int size)
{
    update(m_config.batchSize, static_cast<std::size_t>(std::clamp(size, 0, MaxPoints)));
}

void LabModel::setPrecision(core::Precision precision)
{
    update(m_config.precision, precision);
}

void LabModel::setComparison(std::optional<core::Activation> kind)
{
    if (kind == m_comparison)
        return;
    m_comparison = kind;
    emit comparisonChanged();
}

void LabModel::resetToDefaults()
{
    update(m_config, core::TrainingConfig {});
    setComparison(DefaultComparison);
}

} // namespace relulab::app
