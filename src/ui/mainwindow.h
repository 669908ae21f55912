#pragma once

#include <QMainWindow>
#include <QTimer>

#include <memory>

#include "app/curveservice.h"
#include "app/parametermodel.h"

class QCheckBox;
class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QListWidgetItem;

namespace Ui {
class MainWindow;
}

namespace relulab::ui {

class CurvePlots;
class LabTab;
class SliderSpinBinding;

// The function explorer's window. It binds the widgets to the ParameterModel, forwards every
// change to the curve service (which computes on its worker thread) and shows the results.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    app::ParameterModel &model() noexcept { return m_model; }
    app::CurveService &curveService() noexcept { return m_curves; }
    CurvePlots &plots() noexcept { return *m_plots; }
    LabTab &lab() noexcept { return *m_lab; }
    enum class Tab { Explorer, Lab };
    void showTab(Tab tab);
    Tab currentTab() const;

    // Loads a preset into the explorer and the lab (nothing changes if it is not valid). Returns
    // an empty string, or the error; warnings (unknown fields) go to the status bar.
    QString openPreset(const QString &path);
    // Saves every parameter to `path` atomically. Returns an empty string or the error.
    QString savePreset(const QString &path);
    QString currentPresetPath() const { return m_presetPath; }
    QStringList recentPresets() const;
    // The generation of the result the plots last finished drawing.
    quint64 drawnGeneration() const noexcept { return m_drawnGeneration; }
    QString timingText() const;
    double lastComputeMilliseconds() const noexcept { return m_lastComputeMilliseconds; }
    double lastRedrawMilliseconds() const noexcept { return m_lastRedrawMilliseconds; }

    static constexpr int AnimationIntervalMs = 200;

signals:
    // Emitted once both plots have been repainted with the result of `generation`.
    void curvesDrawn(quint64 generation);

private:
    void populateActivationList();
    void connectControls();
    void showSelectedActivation(core::Activation kind);
    void showOverlays();
    void showRreluMode(core::RreluMode mode);
    void updateEnabledControls();
    void onCurrentItemChanged(QListWidgetItem *current);
    void onBoundPushed(app::ParameterModel::Real parameter, double value);
    void onCurvesReady(const app::CurveResultPtr &result);
    void onCurvesDrawn(quint64 generation, double redrawMilliseconds);
    void saveWindowImage();
    void openPresetFromDialog();
    void savePresetToCurrent();
    void savePresetAs();
    void rememberPreset(const QString &path);
    void showRecentPresets();
    void resetEverything();
    void showPresetError(const QString &title, const QString &error);
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showAbout();

    std::unique_ptr<::Ui::MainWindow> m_ui;
    app::ParameterModel m_model;
    app::CurveService m_curves;
    std::unique_ptr<CurvePlots> m_plots;
    LabTab *m_lab = nullptr;
    SliderSpinBinding *m_alphaBinding = nullptr;
    SliderSpinBinding *m_lowerBinding = nullptr;
    SliderSpinBinding *m_upperBinding = nullptr;
    SliderSpinBinding *m_xMinBinding = nullptr;
    SliderSpinBinding *m_xMaxBinding = nullptr;
    QList<QCheckBox *> m_comparisonBoxes; // indexed by core::Activation
    QLabel *m_timingLabel = nullptr;
    QTimer m_resampleTimer;
    QTimer m_boundsNoteTimer;
    double m_lastComputeMilliseconds = 0.0;
    double m_lastRedrawMilliseconds = 0.0;
    quint64 m_drawnGeneration = 0;
    QString m_presetPath;
};

} // namespace relulab::ui
