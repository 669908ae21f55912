#pragma once

#include <QWidget>

#include <memory>
#include <string>
#include <vector>

#include "app/racecontroller.h"
#include "app/racemodel.h"
#include "core/race.h"

class QCheckBox;
class QCustomPlot;
class QCPColorMap;
class QCPGraph;
class QCPTextElement;
class QTableWidget;

namespace Ui {
class RaceTab;
}

namespace relulab::app {
class ParameterModel;
}

namespace relulab::ui {

class TrainingSettingsBinding;

// The activation race: the same network from the same initial weights trained side by side with
// several activations, everything else shared. Small multiples of the decision boundaries, one
// chart of dead units and one of the loss (a line per activation), and the finish table. Every
// setting is the tab's RaceModel's: the widgets show it and send their edits to it. The
// activations' parameters are the explorer's (ParameterModel), as in the lab.
class RaceTab : public QWidget
{
    Q_OBJECT

public:
    explicit RaceTab(app::ParameterModel *parameters, QWidget *parent = nullptr);
    ~RaceTab() override;

    app::RaceModel &model() noexcept { return m_model; }
    app::RaceController &controller() noexcept { return m_controller; }

    // The lanes asked for, in the explorer's order.
    std::vector<core::Activation> selectedActivations() const;
    void setActivationChecked(core::Activation kind, bool checked);
    // A scenario's settings, steps, measuring interval and the four rectifiers (the combo box's
    // "preset": RaceModel::applyScenario()).
    void applyPreset(core::RacePresetKind kind);
    quint64 targetSteps() const;
    void setTargetSteps(quint64 steps);
    quint64 measureEvery() const noexcept { return m_model.measureEvery(); }

    // What the tab shows now (for tests and screenshots).
    quint64 shownRun() const noexcept { return m_shownRun; }
    quint64 shownStep() const noexcept { return m_shownStep; }
    bool shownFinished() const noexcept { return m_shownFinished; }
    int laneCount() const noexcept { return static_cast<int>(m_lanes.size()); }
    QCustomPlot *boundaryPlot(int lane) const;
    QCPGraph *deadGraph(int lane) const;
    QCPGraph *lossGraph(int lane) const;
    QCustomPlot *deadPlot() const;
    QTableWidget *finishTable() const;
    int progressValue() const;

signals:
    void snapshotShown(quint64 run, quint64 step);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // The views of one lane.
    struct LaneView
    {
        core::Activation activation = core::Activation::Relu;
        QCustomPlot *plot = nullptr;
        QCPTextElement *title = nullptr;
        QCPColorMap *map = nullptr;
        QCPGraph *classZero = nullptr;
        QCPGraph *classOne = nullptr;
        QCPGraph *dead = nullptr;
        QCPGraph *loss = nullptr;
    };

    void createActivationChecks();
    void setUpCharts();
    // Every text set in code, in the current language (after the form's retranslateUi()).
    void retranslate();
    void showFixedTexts();
    void showPresetDescription();
    void showConfigProblem(const std::string &error);
    QString laneTitle(const app::RaceLaneSnapshot &lane) const;
    void connectControls();
    void scheduleConfig();
    void applyConfig();
    void showSnapshot(const app::RaceSnapshotPtr &snapshot);
    void startRun(const app::RaceSnapshot &snapshot);
    void showLane(LaneView &view, const app::RaceLaneSnapshot &lane, const app::RaceSnapshot &snapshot);
    void showFinishTable(const app::RaceSnapshot &snapshot);
    void showStatus(const app::RaceSnapshot &snapshot);
    void onRunningChanged(bool running);
    void startOrPause();
    // The model's settings, into the widgets (the training settings: TrainingSettingsBinding).
    void showModel();

    std::unique_ptr<::Ui::RaceTab> m_ui;
    app::ParameterModel *m_parameters;
    app::RaceModel m_model;
    app::RaceController m_controller;
    TrainingSettingsBinding *m_settings = nullptr;
    std::vector<QCheckBox *> m_activationChecks; // indexed by core::Activation
    bool m_configScheduled = false;
    bool m_configWhenShown = false; // a race held back while the tab was hidden
    bool m_configValid = false;
    bool m_leftPreset = false; // a preset was chosen, then a setting edited
    app::RaceSnapshotPtr m_lastSnapshot; // what the status, titles and table show

    std::vector<LaneView> m_lanes;
    std::vector<core::Activation> m_laneActivations; // of the views built
    quint64 m_shownRun = 0;
    quint64 m_shownStep = 0;
    bool m_shownFinished = false;
};

} // namespace relulab::ui
