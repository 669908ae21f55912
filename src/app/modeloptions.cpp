#include "modeloptions.h"

#include <QList>

#include <algorithm>
#include <utility>

#include "parametermodel.h"

namespace relulab::app {

namespace {

using Real = ParameterModel::Real;

std::optional<QString> outOfRange(const char *option, Real parameter, double value)
{
    const ParameterModel::Range r = ParameterModel::range(parameter);
    if (value >= r.minimum && value <= r.maximum)
        return std::nullopt;
    return QStringLiteral("%1: %2 is outside the app's range [%3, %4]")
            .arg(QLatin1String(option))
            .arg(value)
            .arg(r.minimum)
            .arg(r.maximum);
}

} // namespace

std::optional<QString> applyCurveOptions(const CurveOptions &options, ParameterModel &model)
{
    const core::CurveSpec &spec = options.spec;
    QList<std::pair<Real, double>> values;
    if (options.alphaGiven) {
        if (const auto alpha = ParameterModel::alphaParameter(spec.kind))
            values.append({*alpha, core::alphaOf(spec.kind, spec.params)});
    }
    // RReLU's options are applied only for RReLU, like readCurveOptions does (it warns).
    const bool rrelu = spec.kind == core::Activation::Rrelu;
    if (rrelu && options.lowerGiven)
        values.append({Real::RreluLower, spec.params.rreluLower});
    if (rrelu && options.upperGiven)
        values.append({Real::RreluUpper, spec.params.rreluUpper});
    if (options.rangeGiven) {
        values.append({Real::XMin, spec.xMin});
        values.append({Real::XMax, spec.xMax});
    }
    for (const auto &[parameter, value] : std::as_const(values)) {
        const char *option = parameter == Real::RreluLower           ? "--lower"
                : parameter == Real::RreluUpper                      ? "--upper"
                : parameter == Real::XMin || parameter == Real::XMax ? "--range"
                                                                     : "--alpha";
        if (auto error = outOfRange(option, parameter, value))
            return error;
    }
    if (options.samplesGiven
        && (spec.samples < static_cast<std::size_t>(ParameterModel::MinSamples)
            || spec.samples > static_cast<std::size_t>(ParameterModel::MaxSamples))) {
        return QStringLiteral("--samples: the app draws between %1 and %2 samples, got %3")
                .arg(ParameterModel::MinSamples)
                .arg(ParameterModel::MaxSamples)
                .arg(spec.samples);
    }

    if (options.activationGiven)
        model.setSelectedActivation(spec.kind);
    // Of two bounds, the one that keeps lower <= upper at every step goes first, so the pair is set
    // as asked without pushing: lower first when the new upper is below the current lower, upper
    // first otherwise (readCurveOptions has checked that the new lower <= the new upper).
    const bool lowerFirst = std::any_of(values.cbegin(), values.cend(), [&model](const auto &v) {
        return v.first == Real::RreluUpper && v.second < model.value(Real::RreluLower);
    });
    const Real firstBound = lowerFirst ? Real::RreluLower : Real::RreluUpper;
    std::stable_sort(values.begin(), values.end(), [firstBound](const auto &a, const auto &b) {
        return a.first == firstBound && b.first != firstBound;
    });
    for (const auto &[parameter, value] : std::as_const(values))
        model.setValue(parameter, value);
    if (rrelu && options.modeGiven)
        model.setRreluMode(spec.params.rreluMode);
    if (rrelu && options.seedGiven)
        model.setRreluSeed(spec.params.rreluSeed);
    if (options.samplesGiven)
        model.setSamples(static_cast<int>(spec.samples));
    return std::nullopt;
}

} // namespace relulab::app
