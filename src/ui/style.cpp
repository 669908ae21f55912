#include "style.h"

#include <qcustomplot.h>

#include <array>

namespace relulab::ui {

QColor activationColor(core::Activation kind)
{
    static const std::array<QColor, core::ActivationCount> colors {{
            QColor(0x00, 0x72, 0xB2), // ReLU: blue
            QColor(0xD5, 0x5E, 0x00), // Leaky ReLU: vermillion
            QColor(0x00, 0x9E, 0x73), // PReLU: bluish green
            QColor(0xCC, 0x79, 0xA7), // RReLU: reddish purple
            QColor(0xE6, 0x9F, 0x00), // ELU: orange
            QColor(0x56, 0xB4, 0xE9), // GELU: sky blue
            QColor(0x33, 0x22, 0x88), // GELU (tanh): indigo
            QColor(0x88, 0x22, 0x55), // SiLU: wine
            QColor(0x44, 0xAA, 0x99), // Mish: teal
            QColor(0x99, 0x99, 0x33), // Softplus: olive
            QColor(0x66, 0x66, 0x66), // Sigmoid: grey
            QColor(0xAA, 0x44, 0x99), // Tanh: purple
    }};
    return colors[static_cast<std::size_t>(kind)];
}

QCPColorGradient depthGradient()
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(0x0D, 0x08, 0x87));
    gradient.setColorStopAt(0.35, QColor(0x7E, 0x03, 0xA8));
    gradient.setColorStopAt(0.7, QColor(0xCC, 0x47, 0x78));
    gradient.setColorStopAt(1.0, QColor(0xF8, 0x95, 0x40));
    return gradient;
}

QColor depthColor(int layer, int layers)
{
    const double position = layers > 1 ? static_cast<double>(layer) / (layers - 1) : 0.0;
    return QColor::fromRgb(depthGradient().color(position, QCPRange(0.0, 1.0)));
}

} // namespace relulab::ui
