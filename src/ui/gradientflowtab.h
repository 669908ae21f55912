#pragma once

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

#include "app/trainingcontroller.h"

class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCustomPlot;

namespace Ui {
class GradientFlowTab;
}

namespace relulab::app {
class LabModel;
}

namespace relulab::ui {

class LabTab;
class TrainingSettingsBinding;

// Why ReLU: how much gradient reaches each layer of a deep network (Glorot and Bengio 2010). The
// lab's run drives it (the same LabModel and TrainingController; the Dead neurons tab shows the
// same run): while this tab is shown, every snapshot carries the layer statistics, and a second
// network with another activation trains beside the run from the same initial weights. It shows
// the gradient norm of every layer over the steps (a log axis, so vanishing fans out by orders of
// magnitude), the depth profile of both networks at the current step, per-layer histograms of the
// activations and of the back-propagated gradients as heat maps (a row per layer), and per layer
// the share of true zeros and of blocked pairs written out.
class GradientFlowTab : public QWidget
{
    Q_OBJECT

public:
    // Histogram bins of the heat maps: activations over [-1, 3) in steps of 0.1 (sigmoid, tanh
    // and ReLU all fit; ReLU's larger values are counted above), the back-propagated gradients
    // over log10 |g| in [-16, 0) in half decades.
    static core::HistogramSpec activationBins();
    static core::HistogramSpec gradientBins();

    GradientFlowTab(LabTab &lab, QWidget *parent = nullptr);
    ~GradientFlowTab() override;

    // The comparison activation (nothing: none): LabModel::comparison, which the combo shows.
    std::optional<core::Activation> comparison() const;

    // What the tab shows now (for tests).
    quint64 shownRun() const noexcept { return m_shownRun; }
    quint64 shownStep() const noexcept { return m_shownStep; }
    // The comparison network's step in the snapshot shown (it catches up when asked for late).
    quint64 comparisonStep() const noexcept { return m_comparisonStep; }
    QCustomPlot *historyPlot() const;
    QCustomPlot *profilePlot() const;
    QCustomPlot *activationMapPlot() const;
    QCustomPlot *gradientMapPlot() const;
    QCPGraph *profileGraph(bool comparison) const { return comparison ? m_comparisonProfile : m_profile; }
    QCPGraph *historyGraph(int layer) const;
    QCPColorMap *activationMap() const noexcept { return m_activationMap; }
    QCPColorMap *gradientMap() const noexcept { return m_gradientMap; }
    QString summaryText() const;
    // The table's cell (row = hidden layer, 0-based; the last row is the output layer; columns:
    // gradient norm, true zeros, blocked, mean ± std).
    QString tableText(int row, int column) const;

signals:
    void snapshotShown(quint64 run, quint64 step);

private:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void retranslate();
    void showPlotTexts();
    void populateChoices();
    void connectControls();
    void setUpPlots();
    void showModel();
    // The request for the controller: on while shown.
    void updateRequest();
    void showSnapshot(const app::TrainingSnapshotPtr &snapshot);
    void startRun(int layers);
    void showHistory(const app::TrainingSnapshot &snapshot);
    void showProfiles(const app::TrainingSnapshot &snapshot);
    void showMaps(const core::Measurement &measurement);
    void showTable(const core::Measurement &measurement);
    void fitTableWidth();
    // The combo at the model's comparison.
    void showComparison();
    void showSummary(const app::TrainingSnapshot &snapshot);
    // The table's row headers: the layer numbers and the output.
    void showRowLabels();
    void onRunningChanged(bool running);

    std::unique_ptr<::Ui::GradientFlowTab> m_ui;
    LabTab &m_lab;
    app::LabModel &m_model;
    app::TrainingController &m_controller;
    TrainingSettingsBinding *m_settings = nullptr;

    quint64 m_shownRun = 0;
    quint64 m_shownStep = 0;
    quint64 m_comparisonStep = 0;
    int m_layers = 0;
    // The table's columns are to be sized from their contents and the table fitted (fitTableWidth).
    bool m_tableFitPending = true;
    std::vector<QCPGraph *> m_historyGraphs; // per hidden layer
    QCPGraph *m_profile = nullptr;
    QCPGraph *m_comparisonProfile = nullptr;
    QCPColorScale *m_layerScale = nullptr;
    QCPColorMap *m_activationMap = nullptr;
    QCPColorMap *m_gradientMap = nullptr;
    app::TrainingSnapshotPtr m_lastSnapshot;
};

} // namespace relulab::ui
