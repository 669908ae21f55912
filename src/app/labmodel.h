#pragma once

#include <QObject>

#include <optional>

#include "core/trainer.h"

namespace relulab::app {

class ParameterModel;

// The one source of truth for the dead-neuron lab's parameters. The hidden activation's own
// parameters (Leaky ReLU slope, PReLU's initial weight, ELU alpha, RReLU's bounds) are not kept
// here: they are the explorer's, read from the ParameterModel, so both tabs always agree.
// Every setter clamps to the range the widgets offer; changed() follows every effective change.
class LabModel : public QObject
{
    Q_OBJECT

public:
    static constexpr int MinPoints = 16;
    static constexpr int MaxPoints = 4096;
    static constexpr double MaxNoise = 0.5;
    static constexpr double MinLearningRate = 1e-4;
    static constexpr double MaxLearningRate = 10.0;
    static constexpr double MaxBiasValue = 10.0;
    // The core takes any gain in (0, core::MaxInitGain]; the widgets stop at 0.1, where a deep
    // network's signal is already gone after a layer or two: a smaller gain shows nothing more,
    // and a spin box that reaches 0 would offer a value the core refuses.
    static constexpr double MinInitGain = 0.1;
    static constexpr double MaxInitGain = core::MaxInitGain;
    static constexpr double MaxWeightPenalty = core::MaxWeightPenalty;

    explicit LabModel(const ParameterModel *parameters, QObject *parent = nullptr);

    // The full training configuration: the lab's fields and the explorer's activation parameters.
    core::TrainingConfig config() const;

    core::DatasetKind dataset() const noexcept { return m_config.data.kind; }
    void setDataset(core::DatasetKind kind);
    int points() const noexcept { return static_cast<int>(m_config.data.points); }
    void setPoints(int points);
    double noise() const noexcept { return m_config.data.noise; }
    void setNoise(double noise);
    quint64 dataSeed() const noexcept { return m_config.data.seed; }
    void setDataSeed(quint64 seed);

    int depth() const noexcept { return static_cast<int>(m_config.network.hidden.size()); }
    void setDepth(int layers);
    int width() const noexcept { return m_config.network.hidden.front(); }
    void setWidth(int units);

    core::Activation activation() const noexcept { return m_config.network.activation; }
    void setActivation(core::Activation kind);
    bool preluPerUnit() const noexcept { return m_config.network.preluPerUnit; }
    void setPreluPerUnit(bool perUnit);

    core::Initialization initialization() const noexcept { return m_config.network.init; }
    void setInitialization(core::Initialization init);
    core::BiasInit biasInit() const noexcept { return m_config.network.biasInit; }
    void setBiasInit(core::BiasInit init);
    // The constant of BiasInit::Constant (0.1 unless a race preset sets its bad -1).
    double biasValue() const noexcept { return m_config.network.biasValue; }
    void setBiasValue(double value);
    // Every initial weight (not the biases) times this; 1 is the initialisation as named.
    double initGain() const noexcept { return m_config.network.initGain; }
    void setInitGain(double gain);
    quint64 initSeed() const noexcept { return m_config.network.initSeed; }
    void setInitSeed(quint64 seed);
    // A new initialisation: the next seed.
    void reseed();

    core::OptimizerKind optimizer() const noexcept { return m_config.optimizer; }
    void setOptimizer(core::OptimizerKind kind);
    double learningRate() const noexcept { return m_config.learningRate; }
    void setLearningRate(double rate);
    // PyTorch's weight_decay (weights and biases, not PReLU's alphas) and the L1 strength (weight
    // matrices only): see core::TrainingConfig. 0 is off. A running trainer takes them on.
    double weightDecay() const noexcept { return m_config.weightDecay; }
    void setWeightDecay(double lambda);
    double l1() const noexcept { return m_config.l1; }
    void setL1(double lambda);
    // 0 means the full batch.
    int batchSize() const noexcept { return static_cast<int>(m_config.batchSize); }
    void setBatchSize(int size);

    core::Precision precision() const noexcept { return m_config.precision; }
    void setPrecision(core::Precision precision);

    // The gradient-flow tab's second network: the same run with this activation, trained from the
    // same initial weights (nothing: none). Not part of config(): it changes no run of the lab,
    // so it announces itself with comparisonChanged(), not changed().
    static constexpr core::Activation DefaultComparison = core::Activation::Sigmoid;
    std::optional<core::Activation> comparison() const noexcept { return m_comparison; }
    void setComparison(std::optional<core::Activation> kind);

    void resetToDefaults();

signals:
    void changed();
    void comparisonChanged();

private:
    template<class Value>
    void update(Value &field, Value value);

    const ParameterModel *m_parameters;
    core::ActivationParams m_activationParams; // the explorer's, as changed() last announced them
    core::TrainingConfig m_config;
    std::optional<core::Activation> m_comparison = DefaultComparison;
};

} // namespace relulab::app
