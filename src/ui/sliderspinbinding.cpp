#include "sliderspinbinding.h"

#include "precisespinbox.h"

#include <QDoubleSpinBox>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace relulab::ui {

using app::ParameterModel;

SliderSpinBinding::SliderSpinBinding(ParameterModel *model, QSlider *slider, QDoubleSpinBox *spin,
                                     QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_slider(slider)
    , m_spin(spin)
{
    connect(m_slider, &QSlider::valueChanged, this, &SliderSpinBinding::onSliderChanged);
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, &SliderSpinBinding::onSpinChanged);
    connect(m_model, &ParameterModel::valueChanged, this, &SliderSpinBinding::onModelValueChanged);
}

void SliderSpinBinding::bind(std::optional<ParameterModel::Real> parameter)
{
    m_parameter = parameter;
    m_slider->setEnabled(parameter.has_value());
    m_spin->setEnabled(parameter.has_value());
    const QSignalBlocker sliderBlocker(m_slider);
    const QSignalBlocker spinBlocker(m_spin);
    if (!parameter) {
        // An empty spin box says "no such parameter" better than a greyed-out stale number.
        m_spin->setSpecialValueText(QStringLiteral("–"));
        m_spin->setRange(0.0, 0.0);
        m_slider->setRange(0, 0);
        return;
    }
    m_spin->setSpecialValueText(QString());
    const ParameterModel::Range range = ParameterModel::range(*parameter);
    m_positionsPerUnit = std::round(1.0 / range.step);
    m_slider->setRange(sliderPosition(range.minimum), sliderPosition(range.maximum));
    // Arrow keys move one step; Page Up/Down a tenth of the range.
    m_slider->setSingleStep(1);
    m_slider->setPageStep(std::max(1, (m_slider->maximum() - m_slider->minimum()) / 10));
    setShownDecimals(m_spin, range.decimals);
    m_spin->setRange(range.minimum, range.maximum);
    m_spin->setSingleStep(range.step);
    showValue(m_model->value(*parameter));
}

int SliderSpinBinding::sliderPosition(double value) const noexcept
{
    return static_cast<int>(std::lround(value * m_positionsPerUnit));
}

void SliderSpinBinding::showValue(double value)
{
    const QSignalBlocker sliderBlocker(m_slider);
    const QSignalBlocker spinBlocker(m_spin);
    m_slider->setValue(sliderPosition(value));
    m_spin->setValue(value);
}

void SliderSpinBinding::onSliderChanged(int position)
{
    if (m_parameter)
        m_model->setValue(*m_parameter, position / m_positionsPerUnit);
}

void SliderSpinBinding::onSpinChanged(double value)
{
    if (m_parameter)
        m_model->setValue(*m_parameter, value);
}

void SliderSpinBinding::onModelValueChanged(ParameterModel::Real parameter, double value)
{
    if (m_parameter == parameter)
        showValue(value);
}

} // namespace relulab::ui
