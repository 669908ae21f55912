#pragma once

#include <QObject>

#include <optional>

#include "app/parametermodel.h"

class QSlider;
class QDoubleSpinBox;

namespace relulab::ui {

// Binds a slider and a spin box, two-way, to one real parameter of the ParameterModel. The model
// holds the value; the widgets only show it. Updates from the model are written with the widgets'
// signals blocked, so a change never echoes back (no feedback loops, no rounding drift: a spin box
// showing 3 decimals never writes its rounded 0.333 back over the model's 1/3).
class SliderSpinBinding : public QObject
{
    Q_OBJECT

public:
    SliderSpinBinding(app::ParameterModel *model, QSlider *slider, QDoubleSpinBox *spin,
                      QObject *parent = nullptr);

    // Shows `parameter` from now on (the alpha pair switches with the selected function), or
    // nothing: the widgets are then disabled.
    void bind(std::optional<app::ParameterModel::Real> parameter);
    std::optional<app::ParameterModel::Real> parameter() const noexcept { return m_parameter; }

    // The slider position that shows `value` of the bound parameter.
    int sliderPosition(double value) const noexcept;

private:
    void showValue(double value);
    void onSliderChanged(int position);
    void onSpinChanged(double value);
    void onModelValueChanged(app::ParameterModel::Real parameter, double value);

    app::ParameterModel *m_model;
    QSlider *m_slider;
    QDoubleSpinBox *m_spin;
    std::optional<app::ParameterModel::Real> m_parameter;
    // Slider positions per unit: one position is one step of the parameter's range.
    double m_positionsPerUnit = 1.0;
};

} // namespace relulab::ui
