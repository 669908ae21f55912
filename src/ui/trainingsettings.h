#pragma once

// What the lab and the race share of their controls: the training settings bound to a LabModel
// (data, network shape, initialisation and its gain, optimiser, learning rate, weight decay and
// L1, batch, precision), and the look of their plots.

#include <QObject>

#include <string_view>
#include <vector>

#include <qcustomplot.h>

#include "app/decisiongrid.h"
#include "core/datasets.h"

class QComboBox;
class QWidget;
class QDoubleSpinBox;
class QPushButton;
class QSlider;
class QSpinBox;

namespace relulab::app {
class LabModel;
}

namespace relulab::ui {

// The widgets of the settings, any of which may be left out (null).
struct TrainingSettingsWidgets
{
    QComboBox *dataset = nullptr;
    QSpinBox *points = nullptr;
    QDoubleSpinBox *noise = nullptr;
    QSpinBox *dataSeed = nullptr;
    QSpinBox *depth = nullptr;
    QSpinBox *width = nullptr;
    QComboBox *init = nullptr;
    QDoubleSpinBox *initGain = nullptr;
    QComboBox *bias = nullptr;
    QSpinBox *initSeed = nullptr;
    QPushButton *reseed = nullptr;
    QComboBox *optimizer = nullptr;
    QDoubleSpinBox *learningRate = nullptr;
    QSlider *learningRateSlider = nullptr; // logarithmic, 10^-4 to 10
    QDoubleSpinBox *weightDecay = nullptr;
    QDoubleSpinBox *l1 = nullptr;
    QComboBox *batch = nullptr;
    QComboBox *precision = nullptr;

    // The widgets below `root` by their names in the forms (datasetCombo, pointsSpin, ...): the
    // lab's and the race's forms name them alike. Those not found stay null.
    static TrainingSettingsWidgets find(QWidget *root);
};

// Fills the widgets' choices and ranges, sends every edit to the model and shows the model's
// state in the widgets (show(), also on every changed()). The model is the one source of truth.
class TrainingSettingsBinding : public QObject
{
    Q_OBJECT

public:
    // `biasValues`: the initial biases the bias combo offers (0 is BiasInit::Zero, any other a
    // constant).
    TrainingSettingsBinding(const TrainingSettingsWidgets &widgets, app::LabModel &model,
                            std::vector<double> biasValues, QObject *parent);

    // The model's state, into the widgets (without sending it back).
    void show();
    // The choices' texts in the current language (also on every Language::languageChanged).
    void retranslate() const;

    // Mini-batch sizes offered (0: the full batch).
    static const std::vector<int> &batchSizes();

private:
    void populate();
    void connectWidgets();

    TrainingSettingsWidgets m_w;
    app::LabModel &m_model;
    std::vector<double> m_biasValues;
};

// The learning-rate slider's scale: position 0..LearningRateSteps is 10^(-4 + 5 p / steps).
inline constexpr int LearningRateSteps = 500;
int sliderPositionFor(double learningRate);
double learningRateAt(int position);

// Plot helpers shared by the lab and the race.
QString displayName(std::string_view name);
// A data point as a pixmap: QCustomPlot draws a vector circle per point, which for a thousand
// points costs milliseconds in every frame; a pixmap is blitted.
QCPScatterStyle pointScatter(const QColor &color, int diameter = 6);
void setBigFonts(QCustomPlot *plot, double points);
// The classes' colours, and the decision heatmap's gradient (blue: class 0, orange: class 1) over
// the logit range [-4, 4] (2 % to 98 %).
QColor classColor(int label);
QCPColorGradient decisionGradient();
inline constexpr double DecisionLogitRange = 4.0;
// A decision heatmap from a worker's grid: one logit per cell, row by row from yMin to yMax,
// centred in their cells; a non-finite logit (a diverged network) shows as the neutral 0.
void showDecisionMap(QCPColorMap *map, const app::DecisionGrid &grid, const std::vector<float> &logits);
// The training points of class 0 and class 1 into their two scatter graphs.
void showClassPoints(QCPGraph *classZero, QCPGraph *classOne, const core::Dataset &points);

} // namespace relulab::ui
