#pragma once

#include <QElapsedTimer>
#include <QEvent>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "app/borndeadcontroller.h"
#include "app/borndeadmodel.h"
#include "core/borndead.h"

class QCustomPlot;
class QCPErrorBars;
class QCPGraph;
class QLineEdit;
class QTableWidget;

namespace Ui {
class BornDeadTab;
}

namespace relulab::ui {

// The born-dead Monte Carlo of Lu, Shin, Su and Karniadakis (2019): for a grid of widths and
// depths, how many randomly initialised ReLU networks are dead before any training. The run
// computes on the controller's worker thread; each cell appears in the plot (probability against
// depth, one curve per width, 95 % Wilson error bars, the oracle dashed) and in the table as it
// finishes.
class BornDeadTab : public QWidget
{
    Q_OBJECT

public:
    explicit BornDeadTab(QWidget *parent = nullptr);
    ~BornDeadTab() override;

    app::BornDeadController &controller() noexcept { return m_controller; }
    // The tab's settings; the widgets show it and send their edits to it.
    app::BornDeadModel &model() noexcept { return m_model; }

    // What Start runs: the model's series (He then RAI when comparing), or the first mistake in
    // the width and depth fields in words.
    std::optional<std::vector<core::BornDeadConfig>> configs(QString *error = nullptr) const;
    QString inputError() const;

    // Starts a run of configs() (as the Start button does); false when the inputs are not valid.
    bool start();
    void cancel();

    // What the tab shows (for tests and screenshots).
    quint64 shownRun() const noexcept { return m_shownRun; }
    QCustomPlot *plot() const;
    QTableWidget *table() const;
    // The curves of width `width` in series `series` (0: the first, He or the chosen init; 1: RAI
    // when comparing), or null.
    QCPGraph *estimateGraph(int series, int width) const;
    QCPErrorBars *errorBars(int series, int width) const;
    QCPGraph *deadAtInputGraph(int series, int width) const;
    QCPGraph *oracleGraph(int width) const;
    QString statusText() const;

    // The table's columns: relulab-cli born-dead's CSV columns, after "init" (shown when comparing).
    enum Column {
        InitColumn,
        WidthColumn,
        DepthColumn,
        NetworksColumn,
        BornDeadColumn,
        PColumn,
        CiLowColumn,
        CiHighColumn,
        DeadAtInputColumn,
        OracleColumn,
        ColumnCount
    };

signals:
    void cellShown(quint64 run, int series, int width, int depth);
    void runFinished(quint64 run, bool cancelled);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The black legend entries that tell the line styles apart.
    enum class LegendKey { HeNormal, Rai, Oracle, DeadAtInput };

    struct Curve
    {
        QCPGraph *estimate = nullptr;
        QCPErrorBars *bars = nullptr;
        QCPGraph *deadAtInput = nullptr; // only where the oracle is exact (zero biases)
        std::vector<core::BornDeadCell> cells; // in arrival order
    };

    void populateChoices();
    // The model's settings, into the widgets (without sending them back).
    void showModel();
    // Every text set in code, in the current language (after the form's retranslateUi()).
    void retranslate();
    void showChoiceTexts();
    void showPlotTexts();
    void showTableTexts();
    // Sets the run status as a function of the current language, so that a switch rebuilds it.
    void setStatus(std::function<QString()> text);
    void connectControls();
    void setUpPlot();
    void setUpTable();
    void validateInputs();
    void updateEnabledControls();
    void prepareRun(const std::vector<core::BornDeadConfig> &series);
    void showCell(quint64 run, int series, const core::BornDeadCell &cell, qsizetype done,
                  qsizetype total);
    void appendRow(int series, const core::BornDeadCell &cell);
    void onRunningChanged(bool running);
    void onFinished(quint64 run, bool cancelled, double seconds);
    void onFailed(quint64 run, const QString &message);
    void showElapsed();
    void markInput(QLineEdit *edit, bool bad);
    QString seriesName(int series) const;

    std::unique_ptr<::Ui::BornDeadTab> m_ui;
    app::BornDeadModel m_model;
    app::BornDeadController m_controller;
    // The model's lists as the fields last showed or sent them.
    std::vector<int> m_shownWidths;
    std::vector<int> m_shownDepths;

    quint64 m_shownRun = 0;
    std::vector<core::BornDeadConfig> m_shownSeries;
    std::map<std::pair<int, int>, Curve> m_curves; // by (series, width)
    std::map<int, QCPGraph *> m_oracles; // by width
    std::vector<std::pair<QCPGraph *, LegendKey>> m_legendKeys; // legend-only entries (no data)
    std::function<QString()> m_status;
    QElapsedTimer m_clock;
    QTimer m_elapsedTimer;
    QString m_inputError;
};

} // namespace relulab::ui
