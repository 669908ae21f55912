#pragma once

#include <QObject>

#include <limits>
#include <vector>

#include "core/borndead.h"

namespace relulab::app {

// The one source of truth for the born-dead tab's settings: the grid of widths and depths, the
// networks and inputs per cell, the input dimension, He's biases, the initialisation, whether to
// compare He with RAI, and the seed. The tab's widgets show it and send their edits to it; presets
// read and set it. Every setter keeps the model valid: numbers are clamped to the ranges the
// widgets offer, and a grid list that could not run (empty, out of range, a value twice) is
// refused, so series() always runs. changed() follows every effective change.
class BornDeadModel : public QObject
{
    Q_OBJECT

public:
    // The seed spin box's range (an int): a larger seed could not be shown or typed.
    static constexpr quint64 MaxSeed = std::numeric_limits<int>::max();

    explicit BornDeadModel(QObject *parent = nullptr);

    // The grid as set, with the chosen initialisation (the first series when comparing).
    const core::BornDeadConfig &config() const noexcept { return m_config; }
    // What a run computes: the config, or, when comparing, He (with the chosen biases) then RAI.
    std::vector<core::BornDeadConfig> series() const;
    void resetToDefaults();

    const std::vector<int> &widths() const noexcept { return m_config.widths; }
    // False (and nothing changes) for a list the run would refuse.
    bool setWidths(const std::vector<int> &widths);
    const std::vector<int> &depths() const noexcept { return m_config.depths; }
    bool setDepths(const std::vector<int> &depths);
    // Whether `values` is a grid list: not empty, every value in [minimum, maximum], none twice.
    static bool isValidList(const std::vector<int> &values, int minimum, int maximum);

    quint64 networks() const noexcept { return m_config.networks; }
    void setNetworks(quint64 networks);
    quint64 inputs() const noexcept { return m_config.inputs; }
    void setInputs(quint64 inputs);
    int inputDim() const noexcept { return m_config.inputDim; }
    void setInputDim(int dimension);
    // He's biases; RAI draws its own.
    core::BornDeadBias bias() const noexcept { return m_config.bias; }
    void setBias(core::BornDeadBias bias);
    // The initialisation when not comparing.
    core::BornDeadInit init() const noexcept { return m_config.init; }
    void setInit(core::BornDeadInit init);
    bool compare() const noexcept { return m_compare; }
    void setCompare(bool compare);
    quint64 seed() const noexcept { return m_config.seed; }
    void setSeed(quint64 seed);

signals:
    void changed();

private:
    template<class Value>
    void update(Value &field, Value value);

    core::BornDeadConfig m_config;
    bool m_compare = false;
};

} // namespace relulab::app
