#pragma once

#include <QElapsedTimer>
#include <QWidget>

#include <algorithm>

#include <memory>
#include <optional>
#include <vector>

#include "app/dataexport.h"
#include "app/labmodel.h"
#include "app/trainingcontroller.h"

class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPMarginGroup;
class QCPGraph;

namespace Ui {
class LabTab;
}

namespace relulab::app {
class ParameterModel;
}

namespace relulab::ui {

// The dead-neuron lab: a small network trains on 2-D toy data on the training thread, and the tab
// shows, frame by frame, how many of its units are dead, the loss, the decision boundary, the
// network itself and, for PReLU, the learned alphas. Its controls bind to the LabModel (and the
// activation's own parameters to the explorer's ParameterModel).
class TrainingSettingsBinding;

class LabTab : public QWidget
{
    Q_OBJECT

public:
    explicit LabTab(app::ParameterModel *parameters, QWidget *parent = nullptr);
    ~LabTab() override;

    app::LabModel &model() noexcept { return m_model; }
    app::TrainingController &controller() noexcept { return m_controller; }

    // What the tab shows now (for tests).
    quint64 shownRun() const noexcept { return m_shownRun; }
    quint64 shownStep() const noexcept { return m_shownStep; }
    QCustomPlot *deadPlot() const;
    // The dead-count graph of hidden layer `layer` (0-based).
    QCPGraph *deadGraph(int layer) const;
    // Up to this many hidden layers the dead-unit chart has a legend and the counts above it list
    // every layer; deeper networks get a colour scale by depth and a summary.
    static constexpr int LegendLayers = 8;
    QString deadCountsText() const;
    QString deadCountsToolTip() const;
    bool divergenceShown() const;
    // The run shown so far, one value per measurement shown (File > Export data): step, loss,
    // train_accuracy, test_accuracy, dead_l1..dead_lN and, for PReLU, alpha_l1.. (the layer's mean
    // alpha), named as relulab-cli train names them. A diverged measurement's loss and counts are
    // NaN.
    QList<app::DataColumn> historyColumns() const;
    // The charts keep at most this many points of a run: past it every other point is dropped and
    // only every 2nd (4th, ...) frame is kept from then on, so a run left going all day stays small
    // and quick to draw. At least 2.
    static constexpr qsizetype DefaultHistoryLimit = 4096;
    void setHistoryLimit(qsizetype points) { m_historyLimit = std::max<qsizetype>(2, points); }

    // Another tab shows this run (the gradient flow): a configuration changed while the lab is
    // hidden is then taken on at once, as if the lab were shown.
    void setShownElsewhere(bool shown);

    // Speeds offered, in steps per frame (0: as fast as possible).
    static const std::vector<int> &speeds();
    // Mini-batch sizes offered (0: the full batch).
    static const std::vector<int> &batchSizes();

signals:
    void snapshotShown(quint64 run, quint64 step);

private:
    struct History
    {
        QVector<double> step;
        QVector<double> loss;
        QVector<double> trainAccuracy;
        QVector<double> testAccuracy;
        std::vector<QVector<double>> dead; // per layer
        std::vector<QVector<double>> alpha; // per layer (the mean when one per unit)
        // A day-long run must not grow without bound: past MaxHistoryPoints every other point is
        // dropped and from then on only every stride-th frame is kept (stride doubles each time).
        int stride = 1;
        int framesSinceKept = 0;
    };
    void thinHistory();
    qsizetype m_historyLimit = DefaultHistoryLimit;

    void populateChoices();
    static QString speedText(int speed);
    // QEvent::LanguageChange (View > Language): the form's texts and every text set in code.
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    // Hidden, the lab needs no decision grid: the worker skips predicting it.
    void hideEvent(QHideEvent *event) override;
    void retranslate();
    void showPlotTexts();
    void connectControls();
    void setUpPlots();
    void showModel();
    void scheduleConfig();
    void applyConfig();
    void showSnapshot(const app::TrainingSnapshotPtr &snapshot);
    void startRun(const app::TrainingSnapshot &snapshot);
    void appendHistory(const app::TrainingSnapshot &snapshot);
    // One moment of the run into the history and its charts; `keep` keeps it whatever the stride.
    void appendMeasurement(const core::Measurement &measurement, bool keep);
    void showDeadCounts(const app::TrainingSnapshot &snapshot);
    QString deadCountsPerLayer(const core::Measurement &m) const;
    // Above LegendLayers: the total, and the layer with the most dead units where the label has
    // room for it on the same line (otherwise in its tooltip).
    QString deadCountsSummary(const core::Measurement &m);
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showDecision(const app::TrainingSnapshot &snapshot);
    void showSlopes(const app::TrainingSnapshot &snapshot);
    void showRunStatus(const app::TrainingSnapshot &snapshot);
    void onRunningChanged(bool running);
    void onDiverged(quint64 step);

    std::unique_ptr<::Ui::LabTab> m_ui;
    app::ParameterModel *m_parameters;
    app::LabModel m_model;
    app::TrainingController m_controller;
    TrainingSettingsBinding *m_settings = nullptr;
    bool m_configScheduled = false;
    bool m_configWhenShown = false; // a configuration held back while the tab was hidden
    bool m_shownElsewhere = false;

    History m_history;
    quint64 m_shownRun = 0;
    quint64 m_shownStep = 0;
    std::vector<QCPGraph *> m_deadGraphs;
    QCPColorScale *m_deadScale = nullptr; // in the dead plot's layout with more than LegendLayers
    QCPMarginGroup *m_deadMargins = nullptr;
    std::vector<QCPGraph *> m_alphaGraphs;
    QCPColorMap *m_decisionMap = nullptr;
    QCPGraph *m_classZero = nullptr;
    QCPGraph *m_classOne = nullptr;
    QCPGraph *m_lossGraph = nullptr;
    QCPGraph *m_trainAccuracyGraph = nullptr;
    QCPGraph *m_testAccuracyGraph = nullptr;
    QCPGraph *m_uniformSlopes = nullptr;
    QCPGraph *m_evaluationSlope = nullptr;
    QElapsedTimer m_networkShown;
    // What the texts set in code are built from, to build them again in another language.
    app::TrainingSnapshotPtr m_lastSnapshot;
    std::optional<quint64> m_divergedStep;
};

} // namespace relulab::ui
