#pragma once

#include <QObject>

#include <optional>
#include <vector>

#include "core/race.h"
#include "labmodel.h"

namespace relulab::app {

class ParameterModel;

// The one source of truth for the activation race's settings: the activations that race (one
// lane each), the steps to train, how often to measure, the scenario chosen (or none: the user's
// own settings), and the training settings all lanes share.
//
// The shared training settings are a LabModel of the race's own, not the lab's: the race and
// the lab have always kept their settings apart (a race scenario must not change the lab), and
// their fields, ranges and widgets (TrainingSettingsBinding) are the same, so one class describes
// both. training().activation() and preluPerUnit() are not the race's: each lane has its own
// activation, and the race offers no per-unit PReLU. As in the lab, the activations' own
// parameters are the explorer's (ParameterModel).
//
// Any change to the activations or the training settings (also a change of the explorer's
// parameters) leaves the scenario: the settings are then the user's own. The steps to train do
// not, and applyScenario() sets everything in one change. changed() follows every effective
// change.
class RaceModel : public QObject
{
    Q_OBJECT

public:
    static constexpr quint64 MinSteps = 1;
    static constexpr quint64 MaxSteps = 1'000'000;
    static constexpr quint64 MaxMeasureEvery = MaxSteps;

    explicit RaceModel(const ParameterModel *parameters, QObject *parent = nullptr);

    LabModel &training() noexcept { return m_training; }
    const LabModel &training() const noexcept { return m_training; }
    // The base every lane trains from (its activation is the lanes' business).
    core::TrainingConfig config() const { return m_training.config(); }

    // The lanes, in the explorer's order (core::allActivations()).
    const std::vector<core::Activation> &activations() const noexcept { return m_activations; }
    bool isSelected(core::Activation kind) const;
    void setSelected(core::Activation kind, bool selected);
    void setActivations(const std::vector<core::Activation> &kinds);

    quint64 targetSteps() const noexcept { return m_targetSteps; }
    void setTargetSteps(quint64 steps);
    quint64 measureEvery() const noexcept { return m_measureEvery; }
    void setMeasureEvery(quint64 every);

    std::optional<core::RacePresetKind> scenario() const noexcept { return m_scenario; }
    // The scenario's training settings, activations, steps and measuring interval.
    void applyScenario(core::RacePresetKind kind);
    // Names the scenario the settings come from, without changing them (a preset restoring a
    // state that was a scenario's); nothing: the user's own settings.
    void setScenario(std::optional<core::RacePresetKind> kind);

    void resetToDefaults();

signals:
    void changed();

private:
    // Runs `edit` as one change: one changed() at the end if anything changed, and the scenario
    // kept (the caller sets it).
    template<class Edit>
    void batch(Edit edit);
    void onTrainingChanged();
    void announce(bool leavesScenario);

    LabModel m_training;
    std::vector<core::Activation> m_activations;
    quint64 m_targetSteps;
    quint64 m_measureEvery;
    std::optional<core::RacePresetKind> m_scenario;
    bool m_batching = false;
    bool m_batchChanged = false;
};

} // namespace relulab::app
