#include "racetab.h"

#include "ui_racetab.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QLocale>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTableWidget>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/parametermodel.h"
#include "coretext.h"
#include "curvegraph.h"
#include "style.h"
#include "trainingsettings.h"
#include "readable.h"

namespace relulab::ui {

using app::RaceLaneSnapshot;
using app::RaceSnapshot;

namespace {

enum Column { ActivationColumn, LossColumn, AccuracyColumn, DeadColumn, GoalColumn, ColumnCount };

QVector<double> column(const std::vector<app::RaceHistoryPoint> &history,
                       double (*value)(const app::RaceHistoryPoint &))
{
    QVector<double> values;
    values.reserve(static_cast<qsizetype>(history.size()));
    for (const app::RaceHistoryPoint &point : history)
        values.append(value(point));
    return values;
}

QString laneName(core::Activation kind)
{
    return activationName(kind);
}

} // namespace

RaceTab::RaceTab(app::ParameterModel *parameters, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<::Ui::RaceTab>())
    , m_parameters(parameters)
    , m_model(parameters)
{
    m_ui->setupUi(this);
    m_ui->topSplitter->setSizes({520, 480});
    m_ui->viewsSplitter->setSizes({650, 120});
    m_ui->chartsSplitter->setSizes({360, 260});

    // -1: the "bad bias init" preset's start, which kills most ReLU units before any training.
    m_settings = new TrainingSettingsBinding(TrainingSettingsWidgets::find(this),
                                             m_model.training(), {0.0, 0.1, -1.0}, this);

    m_ui->stepsSpin->setRange(static_cast<int>(app::RaceModel::MinSteps),
                              static_cast<int>(app::RaceModel::MaxSteps));
    m_ui->stepsSpin->setSingleStep(100);
    m_ui->stepsSpin->setValue(static_cast<int>(m_model.targetSteps()));
    m_ui->progressBar->setRange(0, 100);
    m_ui->progressBar->setValue(0);
    // The entries' texts and tooltips: showFixedTexts().
    m_ui->presetCombo->addItem(QString(), -1);
    for (int k = 0; k < core::RacePresetCount; ++k)
        m_ui->presetCombo->addItem(QString(), k);

    createActivationChecks();
    setUpCharts();
    showFixedTexts();
    showPresetDescription();
    connectControls();
    m_controller.setTargetSteps(static_cast<quint64>(m_ui->stepsSpin->value()));
    applyConfig();
}

RaceTab::~RaceTab() = default;

void RaceTab::changeEvent(QEvent *event)
{
    // The lanes' views exist from setUpCharts() on; before that there is nothing to retranslate.
    if (event->type() == QEvent::LanguageChange && !m_activationChecks.empty())
        retranslate();
    QWidget::changeEvent(event);
}

void RaceTab::retranslate()
{
    m_ui->retranslateUi(this);
    showFixedTexts();
    showPresetDescription();
    onRunningChanged(m_controller.isRunning());
    for (LaneView &view : m_lanes) {
        view.plot->setAccessibleName(tr("Decision boundary with %1").arg(laneName(view.activation)));
        view.title->setText(laneName(view.activation));
        view.dead->setName(laneName(view.activation));
        view.loss->setName(laneName(view.activation));
    }
    if (!m_configValid) {
        if (const auto error = core::validateRace(m_model.config(), selectedActivations()))
            showConfigProblem(*error);
    } else if (m_lastSnapshot && m_lastSnapshot->run == m_shownRun) {
        for (std::size_t lane = 0; lane < m_lanes.size() && lane < m_lastSnapshot->lanes.size(); ++lane)
            m_lanes[lane].title->setText(laneTitle(m_lastSnapshot->lanes[lane]));
        showFinishTable(*m_lastSnapshot);
        showStatus(*m_lastSnapshot);
    }
    for (LaneView &view : m_lanes)
        view.plot->replot(QCustomPlot::rpQueuedReplot);
    m_ui->deadPlot->replot(QCustomPlot::rpQueuedReplot);
    m_ui->lossPlot->replot(QCustomPlot::rpQueuedReplot);
}

void RaceTab::showFixedTexts()
{
    QComboBox *presets = m_ui->presetCombo;
    for (int i = 0; i < presets->count(); ++i) {
        const int kind = presets->itemData(i).toInt();
        if (kind < 0) {
            presets->setItemText(i, tr("Your own settings"));
            continue;
        }
        presets->setItemText(i, racePresetName(static_cast<core::RacePresetKind>(kind)));
        presets->setItemData(i, racePresetDescription(static_cast<core::RacePresetKind>(kind)),
                             Qt::ToolTipRole);
    }
    for (const core::ActivationInfo &info : core::allActivations()) {
        QCheckBox *check = m_activationChecks[static_cast<std::size_t>(info.kind)];
        check->setText(activationName(info.kind));
        check->setToolTip(tr("A lane with %1 in every hidden layer (its parameters as set in the "
                             "function explorer)")
                                  .arg(activationName(info.kind)));
    }

    m_ui->deadPlot->xAxis->setLabel(tr("training step"));
    m_ui->deadPlot->yAxis->setLabel(tr("dead units (of all hidden)"));
    m_ui->lossPlot->xAxis->setLabel(tr("training step"));
    m_ui->lossPlot->yAxis->setLabel(tr("loss (BCE)"));

    QTableWidget *table = m_ui->finishTable;
    table->setHorizontalHeaderLabels({tr("Activation"), tr("Final loss"), tr("Accuracy"),
                                      tr("Dead units"), tr("Steps to 95 %")});
    table->horizontalHeaderItem(AccuracyColumn)->setToolTip(tr("Accuracy on the training points"));
    table->horizontalHeaderItem(DeadColumn)->setToolTip(tr("Hidden units whose input is ≤ 0 on every training point, of all hidden units"));
    table->horizontalHeaderItem(GoalColumn)
            ->setToolTip(tr("The first measured step at which the training accuracy reached 95 % "
                            "(measured every few steps)"));
}

void RaceTab::showPresetDescription()
{
    const int kind = m_ui->presetCombo->currentData().toInt();
    if (kind >= 0)
        m_ui->presetDescription->setText(racePresetDescription(static_cast<core::RacePresetKind>(kind)));
    else if (m_leftPreset)
        m_ui->presetDescription->setText(tr("Your own settings."));
    else
        m_ui->presetDescription->setText(
                tr("Choose a starting point that shows the lesson, or set your own below."));
}

void RaceTab::createActivationChecks()
{
    int index = 0;
    m_activationChecks.assign(core::ActivationCount, nullptr);
    for (const core::ActivationInfo &info : core::allActivations()) {
        // The text and tooltip: showFixedTexts().
        auto *check = new QCheckBox(m_ui->activationsGroup);
        check->setObjectName(QStringLiteral("activationCheck_%1").arg(displayName(info.cliName)));
        check->setChecked(m_model.isSelected(info.kind));
        QPalette palette = check->palette();
        palette.setColor(QPalette::WindowText, activationColor(info.kind).darker(140));
        check->setPalette(palette);
        m_ui->activationsLayout->addWidget(check, index / 3, index % 3);
        m_activationChecks[static_cast<std::size_t>(info.kind)] = check;
        connect(check, &QCheckBox::toggled, &m_model,
                [this, kind = info.kind](bool checked) { m_model.setSelected(kind, checked); });
        ++index;
    }
}

void RaceTab::setUpCharts()
{
    // The axis labels and table headers: showFixedTexts().
    QCustomPlot *dead = m_ui->deadPlot;
    // The legend in a row of its own under the axes, where it never covers the lines.
    dead->legend->setVisible(true);
    dead->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    dead->legend->setBorderPen(Qt::NoPen);
    dead->plotLayout()->addElement(1, 0, dead->legend);
    dead->plotLayout()->setRowStretchFactor(1, 0.001);
    setBigFonts(dead, 11);

    QCustomPlot *loss = m_ui->lossPlot;
    loss->yAxis->setScaleType(QCPAxis::stLogarithmic);
    loss->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    setBigFonts(loss, 11);

    QTableWidget *table = m_ui->finishTable;
    table->setColumnCount(ColumnCount);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    keepHeaderTextsWhole(table->horizontalHeader());
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
}

void RaceTab::connectControls()
{
    connect(&m_model, &app::RaceModel::changed, this, &RaceTab::scheduleConfig);
    connect(&m_model, &app::RaceModel::changed, this, &RaceTab::showModel);
    connect(m_ui->presetCombo, &QComboBox::activated, this, [this](int index) {
        const int kind = m_ui->presetCombo->itemData(index).toInt();
        if (kind >= 0)
            applyPreset(static_cast<core::RacePresetKind>(kind));
    });
    connect(m_ui->stepsSpin, &QSpinBox::valueChanged, this, [this](int steps) {
        m_model.setTargetSteps(static_cast<quint64>(steps));
        m_controller.setTargetSteps(static_cast<quint64>(steps));
    });
    connect(m_ui->startButton, &QPushButton::clicked, this, &RaceTab::startOrPause);
    connect(m_ui->resetButton, &QPushButton::clicked, &m_controller, &app::RaceController::reset);
    connect(&m_controller, &app::RaceController::snapshotReady, this, &RaceTab::showSnapshot);
    connect(&m_controller, &app::RaceController::runningChanged, this, &RaceTab::onRunningChanged);

    // Keyboard: Space starts and pauses, R resets, Esc cancels, anywhere in the tab.
    const auto shortcut = [this](const QKeySequence &key, auto slot) {
        auto *s = new QShortcut(key, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    // Space on a focused check box, button or list still does what Space does there: ticking
    // activations from the keyboard must not start the race.
    shortcut(QKeySequence(Qt::Key_Space), [this] {
        QWidget *focus = QApplication::focusWidget();
        if (auto *button = qobject_cast<QAbstractButton *>(focus);
            button && button != m_ui->startButton) {
            button->click();
        } else if (auto *combo = qobject_cast<QComboBox *>(focus)) {
            combo->showPopup();
        } else {
            startOrPause();
        }
    });
    shortcut(QKeySequence(Qt::Key_R), [this] { m_controller.reset(); });
    shortcut(QKeySequence(Qt::Key_Escape), [this] { m_controller.cancel(); });
}

void RaceTab::showModel()
{
    for (std::size_t k = 0; k < m_activationChecks.size(); ++k) {
        const QSignalBlocker blocker(m_activationChecks[k]);
        m_activationChecks[k]->setChecked(m_model.isSelected(static_cast<core::Activation>(k)));
    }
    // Not blocked: the spin box passes the steps on to the controller.
    m_ui->stepsSpin->setValue(static_cast<int>(m_model.targetSteps()));
    const auto scenario = m_model.scenario();
    const int index = m_ui->presetCombo->findData(scenario ? static_cast<int>(*scenario) : -1);
    if (index == m_ui->presetCombo->currentIndex())
        return;
    // A setting edited by hand (or by the explorer) after a scenario: the user's own settings.
    if (!scenario)
        m_leftPreset = true;
    {
        const QSignalBlocker blocker(m_ui->presetCombo);
        m_ui->presetCombo->setCurrentIndex(index);
    }
    showPresetDescription();
}

void RaceTab::startOrPause()
{
    if (m_controller.isRunning())
        m_controller.pause();
    else if (m_configValid)
        m_controller.start();
}

std::vector<core::Activation> RaceTab::selectedActivations() const
{
    return m_model.activations();
}

void RaceTab::setActivationChecked(core::Activation kind, bool checked)
{
    m_activationChecks.at(static_cast<std::size_t>(kind))->setChecked(checked);
}

quint64 RaceTab::targetSteps() const
{
    return m_model.targetSteps();
}

void RaceTab::setTargetSteps(quint64 steps)
{
    m_model.setTargetSteps(steps);
}

void RaceTab::applyPreset(core::RacePresetKind kind)
{
    m_model.applyScenario(kind);
}

void RaceTab::scheduleConfig()
{
    if (m_configScheduled)
        return;
    m_configScheduled = true;
    // Several changes in one event-loop turn (a preset, a spin box and its slider) become one.
    QMetaObject::invokeMethod(this, &RaceTab::applyConfig, Qt::QueuedConnection);
}

void RaceTab::applyConfig()
{
    m_configScheduled = false;
    const core::TrainingConfig config = m_model.config();
    const std::vector<core::Activation> activations = selectedActivations();
    if (const auto error = core::validateRace(config, activations)) {
        m_configValid = false;
        if (m_controller.isRunning())
            m_controller.pause();
        showConfigProblem(*error);
        m_ui->startButton->setEnabled(false);
        return;
    }
    m_configValid = true;
    m_ui->startButton->setEnabled(true);
    if (config == m_controller.config() && activations == m_controller.activations() && m_shownRun > 0) {
        m_configWhenShown = false;
        return;
    }
    // A hidden race that is not running shows nothing, yet would build every lane anew for each
    // change of the explorer's sliders, on the cores the explorer needs: it is built when the
    // tab is shown. A running race restarts at once, as before.
    m_configWhenShown = !isVisible() && !m_controller.isRunning();
    if (!m_configWhenShown)
        m_controller.setRace(config, activations, m_model.measureEvery());
}

void RaceTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_configWhenShown)
        scheduleConfig();
}

void RaceTab::showConfigProblem(const std::string &error)
{
    m_ui->raceStatusLabel->setText(
            selectedActivations().empty()
                    ? tr("<b>Tick at least one activation to race.</b>")
                    : tr("Cannot race this configuration: %1").arg(QString::fromStdString(error)));
}

void RaceTab::showSnapshot(const app::RaceSnapshotPtr &snapshot)
{
    m_lastSnapshot = snapshot;
    if (snapshot->run != m_shownRun)
        startRun(*snapshot);
    for (std::size_t lane = 0; lane < m_lanes.size() && lane < snapshot->lanes.size(); ++lane)
        showLane(m_lanes[lane], snapshot->lanes[lane], *snapshot);
    const double right = static_cast<double>(std::max<quint64>(snapshot->targetSteps, 10));
    m_ui->deadPlot->xAxis->setRange(0.0, right);
    m_ui->lossPlot->xAxis->setRange(0.0, right);
    bool found = false;
    QCPRange lossRange;
    for (const LaneView &view : m_lanes) {
        bool laneFound = false;
        const QCPRange r = view.loss->getValueRange(laneFound, QCP::sdPositive);
        if (laneFound) {
            lossRange = found
                    ? QCPRange(std::min(lossRange.lower, r.lower), std::max(lossRange.upper, r.upper))
                    : r;
            found = true;
        }
    }
    if (found)
        m_ui->lossPlot->yAxis->setRange(lossRange.lower * 0.8, lossRange.upper * 1.25);
    showFinishTable(*snapshot);
    showStatus(*snapshot);
    for (LaneView &view : m_lanes)
        view.plot->replot(QCustomPlot::rpQueuedReplot);
    m_ui->deadPlot->replot(QCustomPlot::rpQueuedReplot);
    m_ui->lossPlot->replot(QCustomPlot::rpQueuedReplot);
    m_shownStep = snapshot->step;
    m_shownFinished = snapshot->finished;
    emit snapshotShown(m_shownRun, m_shownStep);
}

void RaceTab::startRun(const RaceSnapshot &snapshot)
{
    m_shownRun = snapshot.run;
    std::vector<core::Activation> activations;
    for (const RaceLaneSnapshot &lane : snapshot.lanes)
        activations.push_back(lane.activation);
    if (activations != m_laneActivations) {
        // New lanes: new small multiples and new lines.
        for (LaneView &view : m_lanes) {
            m_ui->deadPlot->removeGraph(view.dead);
            m_ui->lossPlot->removeGraph(view.loss);
            delete view.plot;
        }
        m_lanes.clear();
        m_laneActivations = activations;
        const int count = static_cast<int>(activations.size());
        const int columns = count <= 2 ? count : (count <= 4 ? 2 : (count <= 9 ? 3 : 4));
        for (int lane = 0; lane < count; ++lane) {
            LaneView view;
            view.activation = activations[static_cast<std::size_t>(lane)];
            const QColor color = activationColor(view.activation);
            auto *plot = new QCustomPlot(m_ui->boundariesPanel);
            plot->setObjectName(
                    QStringLiteral("boundaryPlot_%1")
                            .arg(displayName(core::activationInfo(view.activation).cliName)));
            plot->setAccessibleName(tr("Decision boundary with %1").arg(laneName(view.activation)));
            plot->setMinimumSize(120, 120);
            plot->plotLayout()->insertRow(0);
            view.title = new QCPTextElement(plot, laneName(view.activation));
            QFont font = view.title->font();
            font.setBold(true);
            font.setPointSizeF(font.pointSizeF() * 1.1);
            view.title->setFont(font);
            view.title->setTextColor(color.darker(130));
            plot->plotLayout()->addElement(0, 0, view.title);
            plot->plotLayout()->setRowSpacing(0);
            for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
                axis->setTickLabels(false);
                axis->setTicks(false);
                axis->setBasePen(QPen(color, 2));
            }
            plot->axisRect()->setAutoMargins(QCP::msNone);
            plot->axisRect()->setMargins(QMargins(2, 2, 2, 2));
            view.map = new QCPColorMap(plot->xAxis, plot->yAxis);
            view.map->setGradient(decisionGradient());
            view.map->setDataRange(QCPRange(-DecisionLogitRange, DecisionLogitRange));
            view.map->setInterpolate(true);
            view.map->setTightBoundary(true);
            view.classZero = plot->addGraph();
            view.classOne = plot->addGraph();
            for (auto [graph, label] : {std::pair {view.classZero, 0}, std::pair {view.classOne, 1}}) {
                graph->setLineStyle(QCPGraph::lsNone);
                graph->setScatterStyle(pointScatter(classColor(label), 4));
                graph->setAdaptiveSampling(false);
            }
            m_ui->boundariesLayout->addWidget(plot, lane / columns, lane % columns);
            view.plot = plot;

            view.dead = CurveGraph::addTo(m_ui->deadPlot);
            view.dead->setName(laneName(view.activation));
            view.dead->setPen(QPen(color, 2.5));
            view.loss = CurveGraph::addTo(m_ui->lossPlot);
            view.loss->setName(laneName(view.activation));
            view.loss->setPen(QPen(color, 2));
            m_lanes.push_back(view);
        }
    }
    int units = 1;
    for (const RaceLaneSnapshot &lane : snapshot.lanes)
        units = std::max(units, lane.units);
    m_ui->deadPlot->yAxis->setRange(0.0, units * 1.05);
    // The data points do not change during a run.
    const core::Dataset &points = *snapshot.trainingSet;
    for (LaneView &view : m_lanes) {
        showClassPoints(view.classZero, view.classOne, points);
        view.plot->xAxis->setRange(snapshot.grid.xMin, snapshot.grid.xMax);
        view.plot->yAxis->setRange(snapshot.grid.yMin, snapshot.grid.yMax);
    }
    m_ui->finishTable->setRowCount(static_cast<int>(m_lanes.size()));
}

void RaceTab::showLane(LaneView &view, const RaceLaneSnapshot &lane, const RaceSnapshot &snapshot)
{
    const QVector<double> steps = column(lane.history, [](const app::RaceHistoryPoint &p) {
        return static_cast<double>(p.step);
    });
    // A diverged lane's last point is a gap: its line ends there, never at "0 dead".
    view.dead->setData(steps,
                       column(lane.history,
                              [](const app::RaceHistoryPoint &p) {
                                  return p.dead < 0 ? std::numeric_limits<double>::quiet_NaN()
                                                    : static_cast<double>(p.dead);
                              }),
                       true);
    view.loss->setData(
            steps, column(lane.history, [](const app::RaceHistoryPoint &p) { return p.loss; }), true);

    const core::RaceLaneSummary &s = lane.summary;
    view.title->setText(laneTitle(lane));
    view.title->setTextColor(s.diverged ? QColor(0xB7, 0x1C, 0x1C)
                                        : activationColor(lane.activation).darker(130));

    // A diverged lane predicts nothing meaningful: its map goes neutral.
    showDecisionMap(view.map, snapshot.grid, lane.logits);
}

QString RaceTab::laneTitle(const RaceLaneSnapshot &lane) const
{
    const core::RaceLaneSummary &s = lane.summary;
    return laneName(lane.activation)
            + (s.diverged ? tr(" · diverged at step %1").arg(s.step)
                          : tr(" · %1/%2 dead").arg(s.totalDead).arg(lane.units));
}

void RaceTab::showFinishTable(const RaceSnapshot &snapshot)
{
    QTableWidget *table = m_ui->finishTable;
    table->setRowCount(static_cast<int>(snapshot.lanes.size()));
    const QLocale locale;
    const QString none = QStringLiteral("—");
    const auto set = [table](int row, int col, const QString &text, Qt::Alignment align) {
        QTableWidgetItem *item = table->item(row, col);
        if (!item) {
            item = new QTableWidgetItem;
            table->setItem(row, col, item);
        }
        item->setText(text);
        item->setTextAlignment(align | Qt::AlignVCenter);
        return item;
    };
    for (std::size_t k = 0; k < snapshot.lanes.size(); ++k) {
        const RaceLaneSnapshot &lane = snapshot.lanes[k];
        const core::RaceLaneSummary &s = lane.summary;
        const int row = static_cast<int>(k);
        QTableWidgetItem *name = set(row, ActivationColumn, laneName(lane.activation), Qt::AlignLeft);
        name->setForeground(activationColor(lane.activation).darker(130));
        QFont bold = table->font();
        bold.setBold(true);
        name->setFont(bold);
        if (s.diverged) {
            set(row, LossColumn, tr("diverged at step %1").arg(s.step), Qt::AlignRight)
                    ->setForeground(QColor(0xB7, 0x1C, 0x1C));
            set(row, AccuracyColumn, none, Qt::AlignRight);
            set(row, DeadColumn, none, Qt::AlignRight);
        } else {
            set(row, LossColumn, locale.toString(s.loss, 'f', 4), Qt::AlignRight)->setForeground(QBrush());
            set(row, AccuracyColumn,
                tr("%1 %").arg(locale.toString(100.0 * s.trainAccuracy, 'f', 1)), Qt::AlignRight);
            set(row, DeadColumn, tr("%1 of %2").arg(s.totalDead).arg(lane.units), Qt::AlignRight);
        }
        set(row, GoalColumn, s.stepsToGoal ? locale.toString(*s.stepsToGoal) : none, Qt::AlignRight);
    }
}

void RaceTab::showStatus(const RaceSnapshot &snapshot)
{
    const QLocale locale;
    m_ui->progressBar->setValue(static_cast<int>(std::floor(snapshot.progress * 100.0 + 1e-9)));
    QString text;
    if (snapshot.finished)
        text = tr("Finished at step %1.").arg(locale.toString(snapshot.step));
    else if (snapshot.cancelled)
        text = tr("Cancelled at step %1: Start runs a new race.").arg(locale.toString(snapshot.step));
    else
        text = tr("Step %1 of %2").arg(locale.toString(snapshot.step), locale.toString(snapshot.targetSteps));
    if (snapshot.running && snapshot.stepsPerSecond > 0.0)
        text += tr(" · %1 steps/s").arg(locale.toString(snapshot.stepsPerSecond, 'f', 0));
    int diverged = 0;
    for (const RaceLaneSnapshot &lane : snapshot.lanes)
        diverged += lane.summary.diverged ? 1 : 0;
    if (diverged > 0)
        text += tr(
                "<br><span style='color:#B71C1C'>%n lane(s) diverged; the others race on.</span>",
                nullptr, diverged);
    m_ui->raceStatusLabel->setText(text);
}

void RaceTab::onRunningChanged(bool running)
{
    m_ui->startButton->setText(running ? tr("Pause") : tr("Start"));
}

QCustomPlot *RaceTab::boundaryPlot(int lane) const
{
    return lane >= 0 && lane < laneCount() ? m_lanes[static_cast<std::size_t>(lane)].plot : nullptr;
}

QCPGraph *RaceTab::deadGraph(int lane) const
{
    return lane >= 0 && lane < laneCount() ? m_lanes[static_cast<std::size_t>(lane)].dead : nullptr;
}

QCPGraph *RaceTab::lossGraph(int lane) const
{
    return lane >= 0 && lane < laneCount() ? m_lanes[static_cast<std::size_t>(lane)].loss : nullptr;
}

QCustomPlot *RaceTab::deadPlot() const
{
    return m_ui->deadPlot;
}

QTableWidget *RaceTab::finishTable() const
{
    return m_ui->finishTable;
}

int RaceTab::progressValue() const
{
    return m_ui->progressBar->value();
}

} // namespace relulab::ui
