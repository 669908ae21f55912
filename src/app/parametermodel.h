#pragma once

#include <QList>
#include <QObject>

#include <bitset>
#include <optional>

#include "core/activations.h"
#include "core/sampling.h"

namespace relulab::app {

// The one source of truth for every parameter of the function explorer. Widgets bind to it (they
// never keep their own copy) and the curve service reads it. It lives on the GUI thread and does no
// computing; every setter clamps to the parameter's range, so no widget can put a value here that
// the core would reject.
class ParameterModel : public QObject
{
    Q_OBJECT

public:
    // The real-valued parameters. Each function keeps its own alpha, so the Leaky ReLU slope, the
    // PReLU weight and the ELU alpha are three parameters that share one slider.
    enum class Real { LeakySlope, PreluWeight, EluAlpha, RreluLower, RreluUpper, XMin, XMax };
    Q_ENUM(Real)

    struct Range
    {
        double minimum;
        double maximum;
        double step; // what one slider position or spin-box arrow step is worth
        int decimals; // shown in spin boxes
        double defaultValue;
    };

    // The plots are a few hundred pixels wide: 100,001 samples already put hundreds on every
    // pixel, and copying more into the plots would cost the GUI thread more than a frame.
    // (relulab-cli samples up to 10,000,000.)
    static constexpr int MinSamples = 11;
    static constexpr int MaxSamples = 100'001;
    static constexpr int DefaultSamples = 1001;

    explicit ParameterModel(QObject *parent = nullptr);

    static Range range(Real parameter) noexcept;
    // The alpha parameter that belongs to `kind`, if it has one (Leaky ReLU, PReLU, ELU).
    static std::optional<Real> alphaParameter(core::Activation kind) noexcept;

    core::Activation selectedActivation() const noexcept { return m_selected; }
    void setSelectedActivation(core::Activation kind);

    bool isOverlay(core::Activation kind) const noexcept;
    void setOverlay(core::Activation kind, bool shown);
    // The ticked comparison functions in the order of core::allActivations(); the selected
    // function is never among them even if ticked (it is already drawn boldly).
    QList<core::Activation> overlays() const;

    double value(Real parameter) const noexcept;
    // Clamps to range(parameter). RReLU's bounds are coupled: a lower bound above the upper one
    // pushes the upper one along (and the other way round), announced by boundPushed().
    void setValue(Real parameter, double value);

    core::RreluMode rreluMode() const noexcept { return m_params.rreluMode; }
    void setRreluMode(core::RreluMode mode);
    quint64 rreluSeed() const noexcept { return m_params.rreluSeed; }
    void setRreluSeed(quint64 seed);
    // A new set of RReLU training-mode slopes: the next seed.
    void resampleRrelu();

    int samples() const noexcept { return m_samples; }
    void setSamples(int samples);

    const core::ActivationParams &activationParams() const noexcept { return m_params; }
    // The selected function's curve as the core samples it.
    core::CurveSpec curveSpec() const;

    void resetToDefaults();

signals:
    void selectedActivationChanged(relulab::core::Activation kind);
    void overlaysChanged();
    void valueChanged(relulab::app::ParameterModel::Real parameter, double value);
    // `parameter` was moved to `value` to keep lower <= upper.
    void boundPushed(relulab::app::ParameterModel::Real parameter, double value);
    void rreluModeChanged(relulab::core::RreluMode mode);
    void rreluSeedChanged(quint64 seed);
    void samplesChanged(int samples);
    // Any of the above: what the curve service listens to.
    void changed();

private:
    // One switch for both constness: Model is ParameterModel or const ParameterModel.
    template<class Model>
    static auto &storageOf(Model &model, Real parameter) noexcept;
    double &storage(Real parameter) noexcept;
    void store(Real parameter, double value);

    core::Activation m_selected = core::Activation::Relu;
    std::bitset<core::ActivationCount> m_overlays;
    core::ActivationParams m_params;
    double m_xMin;
    double m_xMax;
    int m_samples = DefaultSamples;
};

} // namespace relulab::app

Q_DECLARE_METATYPE(relulab::core::Activation)
Q_DECLARE_METATYPE(relulab::core::RreluMode)
