#pragma once

#include <QMainWindow>
#include <QTimer>

#include <memory>
#include <optional>

#include "app/curveservice.h"
#include "app/exportservice.h"
#include "app/parametermodel.h"
#include "app/preset.h"

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
class HelpBrowser;
class Lessons;
class Presentation;
class BornDeadTab;
class GradientFlowTab;
class LabTab;
class RaceTab;
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
    // Every model a preset sets: the explorer's and the lab's, race's and born-dead tab's.
    app::PresetModels presetModels();
    app::CurveService &curveService() noexcept { return m_curves; }
    // Writes the files File > Export data and Export figure make, off the GUI thread.
    app::ExportService &exportService() noexcept { return m_exports; }
    CurvePlots &plots() noexcept { return *m_plots; }
    LabTab &lab() noexcept { return *m_lab; }
    GradientFlowTab &gradientFlow() noexcept { return *m_gradientFlow; }
    BornDeadTab &bornDead() noexcept { return *m_bornDead; }
    RaceTab &race() noexcept { return *m_race; }
    // Presentation mode and theme, the built-in lessons, Help > Contents.
    Presentation &presentation() noexcept { return *m_presentation; }
    Lessons &lessons() noexcept { return *m_lessons; }
    HelpBrowser &help() noexcept { return *m_help; }
    enum class Tab { Explorer, Lab, BornDead, Race, GradientFlow };
    // A preset's "tab" field and the tab it shows.
    static Tab tabFor(app::PresetTab tab);
    static app::PresetTab presetTabFor(Tab tab);
    void showTab(Tab tab);
    Tab currentTab() const;
    // The page of the tab shown (its plots are what File > Export figure offers).
    QWidget *currentPage() const;

    // Loads a preset into the explorer and the lab (nothing changes if it is not valid). Returns
    // an empty string, or the error; warnings (unknown fields) go to the status bar.
    QString openPreset(const QString &path);
    // Saves every parameter to `path` atomically. Returns an empty string or the error.
    QString savePreset(const QString &path);
    QString currentPresetPath() const { return m_presetPath; }
    // File > Export data: the explorer's curves, or the lab's training history when the lab is
    // shown, as CSV written atomically to `path` by the export service, off the GUI thread.
    // Returns an empty string when the file is on its way (the status bar says when it is
    // written, a warning why not), or the error (on another tab, which has no data to export, or
    // before anything is drawn).
    QString exportData(const QString &path);
    // Whether the tab shown has data exportData() can write (the explorer and the lab).
    bool hasDataToExport() const;
    // "Copy as code" for the tab shown: the lab's network on the lab, else the explorer's function.
    QString torchCode() const;
    QString kerasCode() const;
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
    // An exportData() was written to `path`, or could not be (`error`).
    void dataExported(const QString &path, const QString &error);

private:
    void populateActivationList();
    void connectControls();
    void addFunctionShortcuts();
    void addTabShortcuts();
    void showSelectedActivation(core::Activation kind);
    void showOverlays();
    void showRreluMode(core::RreluMode mode);
    void updateEnabledControls();
    void onCurrentItemChanged(QListWidgetItem *current);
    void onBoundPushed(app::ParameterModel::Real parameter, double value);
    // The RReLU bounds note: its rule, or which bound was pushed where.
    static QString boundsNoteText(std::optional<app::ParameterModel::Real> pushed = std::nullopt,
                                  double value = 0.0);
    // Gives the note the height of the tallest of its texts at its width.
    void reserveBoundsNoteHeight();
    void onCurvesReady(const app::CurveResultPtr &result);
    void onCurvesDrawn(quint64 generation, double redrawMilliseconds);
    void saveWindowImage();
    void showExportFigureDialog();
    void exportDataFromDialog();
    void onExportWritten(quint64 id, const QString &path, const QString &error);
    void showCodeDialog();
    bool labShown() const;
    void openPresetFromDialog();
    void savePresetToCurrent();
    void savePresetAs();
    void rememberPreset(const QString &path) const;
    void showRecentPresets();
    void resetEverything();
    void showPresetError(const QString &title, const QString &error);
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showAbout();
    // QEvent::LanguageChange (View > Language): the form's texts and every text set in code.
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void retranslate();
    void showActivationTexts();

    std::unique_ptr<::Ui::MainWindow> m_ui;
    app::ParameterModel m_model;
    app::CurveService m_curves;
    app::ExportService m_exports;
    quint64 m_dataExport = 0; // the export service's request for File > Export data
    std::unique_ptr<CurvePlots> m_plots;
    LabTab *m_lab = nullptr;
    GradientFlowTab *m_gradientFlow = nullptr;
    BornDeadTab *m_bornDead = nullptr;
    RaceTab *m_race = nullptr;
    Presentation *m_presentation = nullptr;
    Lessons *m_lessons = nullptr;
    HelpBrowser *m_help = nullptr;
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
