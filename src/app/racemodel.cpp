#include "racemodel.h"

#include <algorithm>

#include "racecontroller.h"

namespace relulab::app {

namespace {

std::vector<core::Activation> defaultActivations()
{
    return {core::DefaultRaceActivations.begin(), core::DefaultRaceActivations.end()};
}

} // namespace

RaceModel::RaceModel(const ParameterModel *parameters, QObject *parent)
    : QObject(parent)
    , m_training(parameters)
    , m_activations(defaultActivations())
    , m_targetSteps(RaceController::DefaultTargetSteps)
    , m_measureEvery(RaceController::DefaultMeasureEvery)
{
    connect(&m_training, &LabModel::changed, this, &RaceModel::onTrainingChanged);
}

void RaceModel::onTrainingChanged()
{
    announce(true);
}

void RaceModel::announce(bool leavesScenario)
{
    if (m_batching) {
        m_batchChanged = true;
        return;
    }
    if (leavesScenario)
        m_scenario.reset();
    emit changed();
}

template<class Edit>
void RaceModel::batch(Edit edit)
{
    m_batching = true;
    m_batchChanged = false;
    edit();
    m_batching = false;
    if (m_batchChanged)
        emit changed();
}

bool RaceModel::isSelected(core::Activation kind) const
{
    return std::find(m_activations.begin(), m_activations.end(), kind) != m_activations.end();
}

void RaceModel::setSelected(core::Activation kind, bool selected)
{
    if (isSelected(kind) == selected)
        return;
    std::vector<core::Activation> kinds = m_activations;
    if (selected)
        kinds.push_back(kind);
    else
        kinds.erase(std::find(kinds.begin(), kinds.end(), kind));
    setActivations(kinds);
}

void RaceModel::setActivations(const std::vector<core::Activation> &kinds)
{
    // In the explorer's order, each once, whatever order and repeats `kinds` has.
    std::vector<core::Activation> ordered;
    for (const core::ActivationInfo &info : core::allActivations()) {
        if (std::find(kinds.begin(), kinds.end(), info.kind) != kinds.end())
            ordered.push_back(info.kind);
    }
    if (ordered == m_activations)
        return;
    m_activations = ordered;
    announce(true);
}

void RaceModel::setTargetSteps(quint64 steps)
{
    steps = std::clamp(steps, MinSteps, MaxSteps);
    if (steps == m_targetSteps)
        return;
    m_targetSteps = steps;
    announce(false);
}

void RaceModel::setMeasureEvery(quint64 every)
{
    every = std::clamp<quint64>(every, 1, MaxMeasureEvery);
    if (every == m_measureEvery)
        return;
    m_measureEvery = every;
    announce(true);
}

void RaceModel::applyScenario(core::RacePresetKind kind)
{
    const core::RacePreset preset = core::racePreset(kind);
    const core::TrainingConfig &c = preset.config;
    batch([&] {
        m_training.setDataset(c.data.kind);
        m_training.setPoints(static_cast<int>(c.data.points));
        m_training.setNoise(c.data.noise);
        m_training.setDataSeed(c.data.seed);
        m_training.setDepth(static_cast<int>(c.network.hidden.size()));
        m_training.setWidth(c.network.hidden.front());
        m_training.setInitialization(c.network.init);
        m_training.setBiasValue(c.network.biasValue);
        m_training.setBiasInit(c.network.biasInit);
        m_training.setInitGain(c.network.initGain);
        m_training.setInitSeed(c.network.initSeed);
        m_training.setOptimizer(c.optimizer);
        m_training.setLearningRate(c.learningRate);
        m_training.setWeightDecay(c.weightDecay);
        m_training.setL1(c.l1);
        m_training.setBatchSize(static_cast<int>(c.batchSize));
        m_training.setPrecision(c.precision);
        setActivations(defaultActivations());
        setMeasureEvery(preset.measureEvery);
        setTargetSteps(preset.steps);
        setScenario(kind);
    });
}

void RaceModel::setScenario(std::optional<core::RacePresetKind> kind)
{
    if (kind == m_scenario)
        return;
    m_scenario = kind;
    announce(false);
}

void RaceModel::resetToDefaults()
{
    batch([this] {
        m_training.resetToDefaults();
        setActivations(defaultActivations());
        setTargetSteps(RaceController::DefaultTargetSteps);
        setMeasureEvery(RaceController::DefaultMeasureEvery);
        setScenario(std::nullopt);
    });
}

} // namespace relulab::app
