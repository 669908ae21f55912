#include "parametermodel.h"

#include <algorithm>
#include <cmath>

namespace relulab::app {

using core::Activation;

ParameterModel::ParameterModel(QObject *parent)
    : QObject(parent)
    , m_xMin(range(Real::XMin).defaultValue)
    , m_xMax(range(Real::XMax).defaultValue)
{ }

ParameterModel::Range ParameterModel::range(Real parameter) noexcept
{
    switch (parameter) {
    case Real::LeakySlope:
        return {0.0, 1.0, 0.001, 3, core::DefaultLeakySlope};
    case Real::PreluWeight:
        // A learned PReLU weight can go negative (reference-spec.md section 3), so can this one.
        return {-1.0, 2.0, 0.001, 3, core::DefaultPreluWeight};
    case Real::EluAlpha:
        return {0.0, 3.0, 0.001, 3, core::DefaultEluAlpha};
    case Real::RreluLower:
        return {0.0, 1.0, 0.001, 3, core::DefaultRreluLower};
    case Real::RreluUpper:
        return {0.0, 1.0, 0.001, 3, core::DefaultRreluUpper};
    case Real::XMin:
        // x = 0 always stays inside the range: it is where the lesson happens.
        return {-50.0, -0.1, 0.1, 1, -3.0};
    case Real::XMax:
        return {0.1, 50.0, 0.1, 1, 3.0};
    }
    return {0.0, 1.0, 0.001, 3, 0.0};
}

std::optional<ParameterModel::Real> ParameterModel::alphaParameter(Activation kind) noexcept
{
    switch (kind) {
    case Activation::LeakyRelu:
        return Real::LeakySlope;
    case Activation::Prelu:
        return Real::PreluWeight;
    case Activation::Elu:
        return Real::EluAlpha;
    default:
        return std::nullopt;
    }
}

void ParameterModel::setSelectedActivation(Activation kind)
{
    if (kind == m_selected)
        return;
    m_selected = kind;
    emit selectedActivationChanged(kind);
    emit changed();
}

bool ParameterModel::isOverlay(Activation kind) const noexcept
{
    return m_overlays.test(static_cast<std::size_t>(kind));
}

void ParameterModel::setOverlay(Activation kind, bool shown)
{
    if (isOverlay(kind) == shown)
        return;
    m_overlays.set(static_cast<std::size_t>(kind), shown);
    emit overlaysChanged();
    emit changed();
}

QList<Activation> ParameterModel::overlays() const
{
    QList<Activation> result;
    for (const core::ActivationInfo &info : core::allActivations()) {
        if (info.kind != m_selected && isOverlay(info.kind))
            result.append(info.kind);
    }
    return result;
}

template<class Model>
auto &ParameterModel::storageOf(Model &model, Real parameter) noexcept
{
    switch (parameter) {
    case Real::LeakySlope:
        return model.m_params.leakySlope;
    case Real::PreluWeight:
        return model.m_params.preluWeight;
    case Real::EluAlpha:
        return model.m_params.eluAlpha;
    case Real::RreluLower:
        return model.m_params.rreluLower;
    case Real::RreluUpper:
        return model.m_params.rreluUpper;
    case Real::XMin:
        return model.m_xMin;
    case Real::XMax:
        break;
    }
    return model.m_xMax;
}

double &ParameterModel::storage(Real parameter) noexcept
{
    return storageOf(*this, parameter);
}

double ParameterModel::value(Real parameter) const noexcept
{
    return storageOf(*this, parameter);
}

void ParameterModel::store(Real parameter, double value)
{
    double &slot = storage(parameter);
    if (slot == value)
        return;
    slot = value;
    emit valueChanged(parameter, value);
}

void ParameterModel::setValue(Real parameter, double value)
{
    if (!std::isfinite(value))
        return;
    const Range r = range(parameter);
    const double clamped = std::clamp(value, r.minimum, r.maximum);
    if (storage(parameter) == clamped)
        return;
    store(parameter, clamped);
    if (parameter == Real::RreluLower && clamped > m_params.rreluUpper) {
        store(Real::RreluUpper, clamped);
        emit boundPushed(Real::RreluUpper, clamped);
    } else if (parameter == Real::RreluUpper && clamped < m_params.rreluLower) {
        store(Real::RreluLower, clamped);
        emit boundPushed(Real::RreluLower, clamped);
    }
    emit changed();
}

void ParameterModel::setRreluMode(core::RreluMode mode)
{
    if (mode == m_params.rreluMode)
        return;
    m_params.rreluMode = mode;
    emit rreluModeChanged(mode);
    emit changed();
}

void ParameterModel::setRreluSeed(quint64 seed)
{
    if (seed == m_params.rreluSeed)
        return;
    m_params.rreluSeed = seed;
    emit rreluSeedChanged(seed);
    emit changed();
}

void ParameterModel::resampleRrelu()
{
    setRreluSeed(m_params.rreluSeed + 1);
}

void ParameterModel::setSamples(int samples)
{
    const int clamped = std::clamp(samples, MinSamples, MaxSamples);
    if (clamped == m_samples)
        return;
    m_samples = clamped;
    emit samplesChanged(clamped);
    emit changed();
}

core::CurveSpec ParameterModel::curveSpec() const
{
    core::CurveSpec spec;
    spec.kind = m_selected;
    spec.params = m_params;
    spec.xMin = m_xMin;
    spec.xMax = m_xMax;
    spec.samples = static_cast<std::size_t>(m_samples);
    return spec;
}

void ParameterModel::resetToDefaults()
{
    const ParameterModel defaults;
    setSelectedActivation(defaults.m_selected);
    for (const core::ActivationInfo &info : core::allActivations())
        setOverlay(info.kind, false);
    // The bound that keeps lower <= upper at every step goes first, so that a reset never reports a
    // bound as pushed: lower first when the current lower is above the default upper, else upper.
    const bool lowerFirst = m_params.rreluLower > range(Real::RreluUpper).defaultValue;
    const Real firstBound = lowerFirst ? Real::RreluLower : Real::RreluUpper;
    const Real secondBound = lowerFirst ? Real::RreluUpper : Real::RreluLower;
    for (Real r : {firstBound, secondBound, Real::LeakySlope, Real::PreluWeight, Real::EluAlpha,
                   Real::XMin, Real::XMax})
        setValue(r, range(r).defaultValue);
    setRreluMode(defaults.rreluMode());
    setRreluSeed(defaults.rreluSeed());
    setSamples(defaults.samples());
}

} // namespace relulab::app
