#pragma once

#include <QElapsedTimer>
#include <QWidget>

#include <memory>
#include <vector>

#include "app/labmodel.h"
#include "app/trainingcontroller.h"

class QCustomPlot;
class QCPColorMap;
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
    QString deadCountsText() const;
    bool divergenceShown() const;

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
    };

    void populateChoices();
    void connectControls();
    void setUpPlots();
    void showModel();
    void scheduleConfig();
    void applyConfig();
    void showSnapshot(const app::TrainingSnapshotPtr &snapshot);
    void startRun(const app::TrainingSnapshot &snapshot);
    void appendHistory(const app::TrainingSnapshot &snapshot);
    void showDeadCounts(const app::TrainingSnapshot &snapshot);
    void showDecision(const app::TrainingSnapshot &snapshot);
    void showSlopes(const app::TrainingSnapshot &snapshot);
    void showRunStatus(const app::TrainingSnapshot &snapshot);
    void onRunningChanged(bool running);
    void onDiverged(quint64 step);

    std::unique_ptr<::Ui::LabTab> m_ui;
    app::ParameterModel *m_parameters;
    app::LabModel m_model;
    app::TrainingController m_controller;
    bool m_configScheduled = false;

    History m_history;
    quint64 m_shownRun = 0;
    quint64 m_shownStep = 0;
    std::vector<QCPGraph *> m_deadGraphs;
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
};

} // namespace relulab::ui
