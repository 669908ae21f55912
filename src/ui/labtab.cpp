#include "labtab.h"

#include "ui_labtab.h"

#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTextDocument>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/parametermodel.h"
#include "coretext.h"
#include "curvegraph.h"
#include "networkview.h"
#include "style.h"
#include "trainingsettings.h"

namespace relulab::ui {

using app::TrainingSnapshot;

namespace {

// One colour per hidden layer: up to LabTab::LegendLayers, distinct ones (ColorBrewer's Dark2)
// that a legend names; above, where they would repeat, a colour by depth that a colour scale
// reads (dark at the input, light at the output).
QColor layerColor(int layer, int layers)
{
    static const QColor colors[] = {QColor(0x1B, 0x9E, 0x77), QColor(0xD9, 0x5F, 0x02),
                                    QColor(0x75, 0x70, 0xB3), QColor(0xE7, 0x29, 0x8A),
                                    QColor(0x66, 0xA6, 0x1E), QColor(0xE6, 0xAB, 0x02),
                                    QColor(0xA6, 0x76, 0x1D), QColor(0x44, 0x44, 0x44)};
    static_assert(std::size(colors) == LabTab::LegendLayers);
    if (layers > LabTab::LegendLayers)
        return depthColor(layer, layers);
    return colors[layer % LabTab::LegendLayers];
}

// Rich text whose spaces (outside its tags) do not break: a wrapping label then breaks only
// between such parts.
QString nonBreaking(const QString &html)
{
    QString result;
    result.reserve(html.size() + 32);
    bool inTag = false;
    for (QChar c : html) {
        if (c == u'<')
            inTag = true;
        else if (c == u'>')
            inTag = false;
        if (c == u' ' && !inTag)
            result += QStringLiteral("&nbsp;");
        else
            result += c;
    }
    return result;
}

// A share in whole percent, never "0" for some nor "100" for not all.
QString wholePercent(int part, int whole)
{
    const QLocale locale;
    const double share = whole > 0 ? 100.0 * part / whole : 0.0;
    if (part > 0 && share < 0.5)
        return QStringLiteral("< %1").arg(locale.toString(1));
    if (part < whole && share >= 99.5)
        return QStringLiteral("> %1").arg(locale.toString(99));
    return locale.toString(share, 'f', 0);
}

template<class Enum>
Enum currentEnum(const QComboBox *combo)
{
    return static_cast<Enum>(combo->currentData().toInt());
}

} // namespace

const std::vector<int> &LabTab::speeds()
{
    static const std::vector<int> values {
            1, 2, 5, 10, 20, 50, 100, 200, 500, app::TrainingController::AsFastAsPossible};
    return values;
}

const std::vector<int> &LabTab::batchSizes()
{
    return TrainingSettingsBinding::batchSizes();
}

LabTab::LabTab(app::ParameterModel *parameters, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<::Ui::LabTab>())
    , m_parameters(parameters)
    , m_model(parameters)
{
    m_ui->setupUi(this);
    // The dead-unit chart is the centrepiece: it gets most of the top row, and the loss chart and
    // the network share the bottom row. (Proportions: QSplitter scales them to the space.)
    m_ui->topSplitter->setSizes({600, 380});
    m_ui->bottomSplitter->setSizes({420, 560, 300});
    m_ui->viewsSplitter->setSizes({420, 380});
    populateChoices();
    setUpPlots();
    connectControls();
    showModel();
    m_controller.setStepsPerFrame(m_ui->speedCombo->currentData().toInt());
    // No decision grid until the lab is shown (showEvent): a window that opens on another tab,
    // the gradient flow say, would otherwise predict the whole grid at every frame for nobody
    // (12 ms a frame at 20 layers).
    m_controller.setDecisionGridWanted(false);
    applyConfig();
}

LabTab::~LabTab() = default;

void LabTab::populateChoices()
{
    // 0 (the reference) or 0.1, the old advice for ReLU.
    m_settings = new TrainingSettingsBinding(TrainingSettingsWidgets::find(this), m_model,
                                             {0.0, 0.1}, this);
    for (const core::ActivationInfo &info : core::allActivations())
        m_ui->labActivationCombo->addItem(activationName(info.kind), static_cast<int>(info.kind));
    for (int speed : speeds())
        m_ui->speedCombo->addItem(speedText(speed), speed);
    m_ui->speedCombo->setCurrentIndex(3); // 10 steps a frame: 600 a second, easy to follow
}

QString LabTab::speedText(int speed)
{
    return speed == app::TrainingController::AsFastAsPossible
            ? tr("As fast as possible")
            : tr("%n step(s) per frame", nullptr, speed);
}

void LabTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_lossGraph)
        retranslate();
    QWidget::changeEvent(event);
}

void LabTab::retranslate()
{
    m_ui->retranslateUi(this);
    showPlotTexts();
    QComboBox *activations = m_ui->labActivationCombo;
    for (int i = 0; i < activations->count(); ++i) {
        const auto kind = static_cast<core::Activation>(activations->itemData(i).toInt());
        activations->setItemText(i, activationName(kind));
    }
    for (int i = 0; i < m_ui->speedCombo->count(); ++i)
        m_ui->speedCombo->setItemText(i, speedText(m_ui->speedCombo->itemData(i).toInt()));
    onRunningChanged(m_controller.isRunning());
    if (m_divergedStep && divergenceShown())
        onDiverged(*m_divergedStep);
    if (m_lastSnapshot) {
        showDeadCounts(*m_lastSnapshot);
        showSlopes(*m_lastSnapshot);
        showRunStatus(*m_lastSnapshot);
    }
    for (QCustomPlot *plot : {m_ui->deadPlot, m_ui->lossPlot, m_ui->decisionPlot, m_ui->slopePlot})
        plot->replot(QCustomPlot::rpQueuedReplot);
}

void LabTab::showPlotTexts()
{
    m_ui->deadPlot->xAxis->setLabel(tr("training step"));
    m_ui->deadPlot->yAxis->setLabel(tr("dead units"));
    m_deadScale->axis()->setLabel(tr("layer"));
    for (std::size_t l = 0; l < m_deadGraphs.size(); ++l)
        m_deadGraphs[l]->setName(tr("layer %1").arg(l + 1));
    QCustomPlot *loss = m_ui->lossPlot;
    loss->xAxis->setLabel(tr("training step"));
    loss->yAxis->setLabel(tr("loss (BCE)"));
    loss->yAxis2->setLabel(tr("accuracy"));
    m_lossGraph->setName(tr("loss"));
    m_trainAccuracyGraph->setName(tr("train accuracy"));
    m_testAccuracyGraph->setName(tr("test accuracy"));
}

void LabTab::connectControls()
{
    connect(&m_model, &app::LabModel::changed, this, &LabTab::showModel);
    connect(&m_model, &app::LabModel::changed, this, &LabTab::scheduleConfig);

    connect(m_ui->labActivationCombo, &QComboBox::activated, this, [this] {
        m_model.setActivation(currentEnum<core::Activation>(m_ui->labActivationCombo));
    });
    connect(m_ui->preluPerUnitCheck, &QCheckBox::toggled, &m_model, &app::LabModel::setPreluPerUnit);
    connect(m_ui->speedCombo, &QComboBox::activated, this,
            [this] { m_controller.setStepsPerFrame(m_ui->speedCombo->currentData().toInt()); });

    connect(m_ui->playButton, &QPushButton::toggled, this, [this](bool on) {
        if (on)
            m_controller.play();
        else
            m_controller.pause();
        // A diverged run does not start: the button must not claim it did.
        onRunningChanged(m_controller.isRunning());
    });
    connect(m_ui->stepButton, &QPushButton::clicked, this, [this] { m_controller.step(); });
    connect(m_ui->resetButton, &QPushButton::clicked, &m_controller, &app::TrainingController::reset);
    connect(&m_controller, &app::TrainingController::snapshotReady, this, &LabTab::showSnapshot);
    connect(&m_controller, &app::TrainingController::runningChanged, this, &LabTab::onRunningChanged);
    connect(&m_controller, &app::TrainingController::diverged, this, &LabTab::onDiverged);

    // Keyboard: Space plays and pauses, S steps, R resets, anywhere in the tab.
    const auto shortcut = [this](const QKeySequence &key, auto slot) {
        auto *s = new QShortcut(key, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { m_ui->playButton->toggle(); });
    shortcut(QKeySequence(Qt::Key_S), [this] { m_controller.step(); });
    shortcut(QKeySequence(Qt::Key_R), [this] { m_controller.reset(); });
}

void LabTab::setUpPlots()
{
    QCustomPlot *dead = m_ui->deadPlot;
    dead->legend->setVisible(true);
    dead->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignTop);
    dead->legend->setBrush(QColor(255, 255, 255, 220));
    // Beside the plot instead of the legend when the layers are too many to name (startRun()).
    m_deadScale = new QCPColorScale(dead);
    m_deadScale->setGradient(depthGradient());
    m_deadScale->setBarWidth(8);
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0); // whole layers: 1, 2, 5, 10, ... apart as the height allows
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_deadScale->axis()->setTicker(ticker);
    // Its bar as high as the plot's axes.
    m_deadMargins = new QCPMarginGroup(dead);
    setBigFonts(dead, 12);
    QFont scaleFont = dead->xAxis->labelFont();
    m_deadScale->axis()->setLabelFont(scaleFont);
    scaleFont.setPointSizeF(scaleFont.pointSizeF() * 0.9);
    m_deadScale->axis()->setTickLabelFont(scaleFont);
    QFont big = m_ui->deadCountsLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_ui->deadCountsLabel->setFont(big);
    // One line of that font from the start: the window's minimum size then does not grow when
    // the first count arrives (a sanitised build showed the chart pushed 6 px past its panel).
    m_ui->deadCountsLabel->setText(QStringLiteral("&nbsp;"));
    // A deep network's summary depends on the label's width (deadCountsSummary()).
    m_ui->deadCountsLabel->installEventFilter(this);

    QCustomPlot *loss = m_ui->lossPlot;
    loss->yAxis2->setVisible(true);
    loss->yAxis2->setRange(0.0, 1.0);
    loss->yAxis->setScaleType(QCPAxis::stLogarithmic);
    loss->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    // The legend in a row of its own under the axes, where it never covers the curves.
    loss->legend->setVisible(true);
    loss->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    loss->legend->setBorderPen(Qt::NoPen);
    loss->plotLayout()->addElement(1, 0, loss->legend);
    loss->plotLayout()->setRowStretchFactor(1, 0.001);
    m_lossGraph = new CurveGraph(loss->xAxis, loss->yAxis);
    m_lossGraph->setPen(QPen(Qt::black, 2));
    m_trainAccuracyGraph = new CurveGraph(loss->xAxis, loss->yAxis2);
    m_trainAccuracyGraph->setPen(QPen(QColor(0x1B, 0x9E, 0x77), 2));
    m_testAccuracyGraph = new CurveGraph(loss->xAxis, loss->yAxis2);
    m_testAccuracyGraph->setPen(QPen(QColor(0x75, 0x70, 0xB3), 2, Qt::DashLine));

    QCustomPlot *decision = m_ui->decisionPlot;
    decision->xAxis->setLabel(QStringLiteral("x₁"));
    decision->yAxis->setLabel(QStringLiteral("x₂"));
    m_decisionMap = new QCPColorMap(decision->xAxis, decision->yAxis);
    m_decisionMap->setGradient(decisionGradient());
    // The logit, not the probability: the worker sends logits, and [-4, 4] covers 2 % to 98 %.
    m_decisionMap->setDataRange(QCPRange(-DecisionLogitRange, DecisionLogitRange));
    m_decisionMap->setInterpolate(true);
    m_decisionMap->setTightBoundary(true);
    m_classZero = decision->addGraph();
    m_classOne = decision->addGraph();
    for (auto [graph, color] :
         {std::pair {m_classZero, classColor(0)}, std::pair {m_classOne, classColor(1)}}) {
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(pointScatter(color));
        graph->setAdaptiveSampling(false);
    }

    QCustomPlot *slopes = m_ui->slopePlot;
    slopes->plotLayout()->insertRow(0);
    slopes->plotLayout()->addElement(0, 0, new QCPTextElement(slopes, QString()));
    m_uniformSlopes = slopes->addGraph();
    m_uniformSlopes->setPen(QPen(activationColor(core::Activation::Rrelu).darker(130), 2));
    m_uniformSlopes->setBrush(activationColor(core::Activation::Rrelu).lighter(160));
    m_evaluationSlope = slopes->addGraph();
    m_evaluationSlope->setPen(QPen(Qt::black, 2, Qt::DashLine));
    showPlotTexts();
}

void LabTab::showModel()
{
    // The training settings follow the model through their binding; the activation is the lab's.
    {
        const QSignalBlocker blocker(m_ui->labActivationCombo);
        m_ui->labActivationCombo->setCurrentIndex(
                m_ui->labActivationCombo->findData(static_cast<int>(m_model.activation())));
    }
    {
        const QSignalBlocker blocker(m_ui->preluPerUnitCheck);
        m_ui->preluPerUnitCheck->setChecked(m_model.preluPerUnit());
    }
    m_ui->preluPerUnitCheck->setEnabled(m_model.activation() == core::Activation::Prelu);
}

void LabTab::scheduleConfig()
{
    if (m_configScheduled)
        return;
    m_configScheduled = true;
    // Several changes in one event-loop turn (a spin box and the slider it moves) become one.
    QMetaObject::invokeMethod(this, &LabTab::applyConfig, Qt::QueuedConnection);
}

void LabTab::applyConfig()
{
    m_configScheduled = false;
    const core::TrainingConfig config = m_model.config();
    if (const auto error = core::validate(config)) {
        // The widgets are bounded, so this is a defect; say it rather than train nonsense.
        m_ui->divergenceBanner->setText(
                tr("Cannot train this configuration: %1").arg(QString::fromStdString(*error)));
        m_ui->divergenceBanner->setVisible(true);
        return;
    }
    // A hidden, paused lab shows nothing, yet every change of the explorer's activation
    // parameters (a slider being dragged) would make its worker measure the run and predict the
    // whole decision grid anew, on the cores the explorer needs: it takes the configuration on
    // when it is shown. A running lab takes it on at once, as its training goes on.
    m_configWhenShown = !isVisible() && !m_shownElsewhere && !m_controller.isRunning();
    if (!m_configWhenShown)
        m_controller.setConfig(config);
}

void LabTab::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_controller.setDecisionGridWanted(false);
}

void LabTab::setShownElsewhere(bool shown)
{
    m_shownElsewhere = shown;
    if (shown && m_configWhenShown)
        scheduleConfig();
}

void LabTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_controller.setDecisionGridWanted(true);
    if (m_configWhenShown)
        scheduleConfig();
}

void LabTab::showSnapshot(const app::TrainingSnapshotPtr &snapshot)
{
    m_lastSnapshot = snapshot;
    if (snapshot->run != m_shownRun)
        startRun(*snapshot);
    appendHistory(*snapshot);
    showDeadCounts(*snapshot);
    showDecision(*snapshot);
    showSlopes(*snapshot);
    showRunStatus(*snapshot);
    // The network picture changes slowly and costs a few milliseconds to paint: about 20 times a
    // second is plenty while training runs, and every snapshot is shown when paused.
    if (!snapshot->running || !m_networkShown.isValid() || m_networkShown.elapsed() >= 50) {
        m_ui->networkView->showSnapshot(snapshot);
        m_networkShown.start();
    }
    for (QCustomPlot *plot : {m_ui->deadPlot, m_ui->lossPlot, m_ui->decisionPlot, m_ui->slopePlot})
        plot->replot(QCustomPlot::rpQueuedReplot);
    m_shownStep = snapshot->measurement.step;
    emit snapshotShown(m_shownRun, m_shownStep);
}

void LabTab::startRun(const TrainingSnapshot &snapshot)
{
    m_shownRun = snapshot.run;
    m_history = History {};
    const std::size_t layers = snapshot.measurement.layers.size();
    m_history.dead.resize(layers);
    m_history.alpha.resize(layers);
    m_ui->divergenceBanner->setVisible(false);
    m_divergedStep.reset();

    QCustomPlot *dead = m_ui->deadPlot;
    for (QCPGraph *graph : m_deadGraphs)
        dead->removeGraph(graph);
    m_deadGraphs.clear();
    int widest = 1;
    // Up to LegendLayers lines a legend names; more, a colour scale by depth, beside the plot
    // where it covers none of them (a legend of 32 entries covered most of the plot).
    const bool many = layers > static_cast<std::size_t>(LegendLayers);
    dead->legend->setVisible(!many);
    QCPLayoutGrid *layout = dead->plotLayout();
    if (many && !layout->hasElement(0, 1)) {
        layout->addElement(0, 1, m_deadScale);
        dead->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, m_deadMargins);
        m_deadScale->setMarginGroup(QCP::msTop | QCP::msBottom, m_deadMargins);
    } else if (!many && layout->hasElement(0, 1)) {
        dead->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, nullptr);
        m_deadScale->setMarginGroup(QCP::msTop | QCP::msBottom, nullptr);
        layout->take(m_deadScale);
        layout->simplify();
    }
    m_deadScale->setVisible(many);
    m_deadScale->setDataRange(QCPRange(1.0, std::max<double>(2.0, static_cast<double>(layers))));
    for (std::size_t l = 0; l < layers; ++l) {
        QCPGraph *graph = CurveGraph::addTo(dead);
        graph->setName(tr("layer %1").arg(l + 1));
        // Thinner when there are many, so that close lines stay apart.
        graph->setPen(QPen(layerColor(static_cast<int>(l), static_cast<int>(layers)), many ? 2 : 3));
        graph->setLineStyle(QCPGraph::lsStepLeft);
        m_deadGraphs.push_back(graph);
        widest = std::max(widest, snapshot.measurement.layers[l].units);
    }
    dead->yAxis->setRange(0.0, widest * 1.05);
    dead->xAxis->setRange(0.0, 100.0);
    m_ui->lossPlot->xAxis->setRange(0.0, 100.0);

    QCustomPlot *slopes = m_ui->slopePlot;
    for (QCPGraph *graph : m_alphaGraphs)
        slopes->removeGraph(graph);
    m_alphaGraphs.clear();
    if (snapshot.config.network.activation == core::Activation::Prelu) {
        for (std::size_t l = 0; l < layers; ++l) {
            QCPGraph *graph = CurveGraph::addTo(slopes);
            graph->setPen(QPen(layerColor(static_cast<int>(l), static_cast<int>(layers)), 2));
            m_alphaGraphs.push_back(graph);
        }
    }

    // The data points do not change during a run.
    showClassPoints(m_classZero, m_classOne, *snapshot.trainingSet);
    QCustomPlot *decision = m_ui->decisionPlot;
    decision->xAxis->setRange(snapshot.grid.xMin, snapshot.grid.xMax);
    decision->yAxis->setRange(snapshot.grid.yMin, snapshot.grid.yMax);
}

void LabTab::thinHistory()
{
    const auto halve = [](QVector<double> &values) {
        qsizetype kept = 0;
        for (qsizetype i = 0; i < values.size(); i += 2)
            values[kept++] = values[i];
        values.resize(kept);
    };
    halve(m_history.step);
    halve(m_history.loss);
    halve(m_history.trainAccuracy);
    halve(m_history.testAccuracy);
    for (QVector<double> &dead : m_history.dead)
        halve(dead);
    for (QVector<double> &alpha : m_history.alpha)
        halve(alpha);
    m_history.stride *= 2;
    m_lossGraph->setData(m_history.step, m_history.loss, true);
    m_trainAccuracyGraph->setData(m_history.step, m_history.trainAccuracy, true);
    m_testAccuracyGraph->setData(m_history.step, m_history.testAccuracy, true);
    for (std::size_t l = 0; l < m_deadGraphs.size() && l < m_history.dead.size(); ++l)
        m_deadGraphs[l]->setData(m_history.step, m_history.dead[l], true);
    for (std::size_t l = 0; l < m_alphaGraphs.size() && l < m_history.alpha.size(); ++l) {
        if (m_history.alpha[l].size() == m_history.step.size())
            m_alphaGraphs[l]->setData(m_history.step, m_history.alpha[l], true);
    }
}

void LabTab::appendHistory(const TrainingSnapshot &snapshot)
{
    // The run's step 0 first, when its own snapshot was skipped (the GUI was busy).
    if (m_history.step.isEmpty() && snapshot.start && snapshot.measurement.step > 0)
        appendMeasurement(*snapshot.start, true);
    // A paused run's moment is always kept: it is what the picture and Export data show.
    appendMeasurement(snapshot.measurement, !snapshot.running);
}

void LabTab::appendMeasurement(const core::Measurement &m, bool keep)
{
    const auto step = static_cast<double>(m.step);
    if (!m_history.step.isEmpty() && m_history.step.back() >= step)
        return; // the same moment published again (a pause): nothing new to plot
    // Keep every stride-th frame (and the moment of divergence, which ends the run).
    if (++m_history.framesSinceKept < m_history.stride && !m.diverged && !keep)
        return;
    m_history.framesSinceKept = 0;
    if (m_history.step.size() >= m_historyLimit)
        thinHistory();
    m_history.step.append(step);
    m_history.loss.append(m.diverged ? std::numeric_limits<double>::quiet_NaN() : m.loss);
    m_history.trainAccuracy.append(m.trainAccuracy);
    m_history.testAccuracy.append(m.testAccuracy);
    m_lossGraph->addData(step, m_history.loss.back());
    m_trainAccuracyGraph->addData(step, m.trainAccuracy);
    m_testAccuracyGraph->addData(step, m.testAccuracy);
    for (std::size_t l = 0; l < m.layers.size() && l < m_deadGraphs.size(); ++l) {
        // A diverged run has no meaningful count: a gap, never a "0 dead".
        const double dead = m.diverged ? std::numeric_limits<double>::quiet_NaN()
                                       : static_cast<double>(m.layers[l].dead);
        m_history.dead[l].append(dead);
        m_deadGraphs[l]->addData(step, dead);
        const std::vector<double> &alpha = m.layers[l].alpha;
        if (!alpha.empty() && l < m_alphaGraphs.size()) {
            double sum = 0.0;
            for (double a : alpha)
                sum += a;
            const double mean = sum / static_cast<double>(alpha.size());
            m_history.alpha[l].append(mean);
            m_alphaGraphs[l]->addData(step, mean);
        }
    }
    const double right = std::max(100.0, step * 1.05);
    m_ui->deadPlot->xAxis->setRange(0.0, right);
    m_ui->lossPlot->xAxis->setRange(0.0, right);
    m_lossGraph->rescaleValueAxis(false, true);
    if (!m_alphaGraphs.empty()) {
        m_ui->slopePlot->xAxis->setRange(0.0, right);
        bool found = false;
        QCPRange range;
        for (QCPGraph *graph : m_alphaGraphs) {
            const QCPRange r = graph->getValueRange(found);
            if (found)
                range.expand(r);
        }
        range.expand(0.0);
        m_ui->slopePlot->yAxis->setRange(range.lower - 0.1, range.upper + 0.1);
    }
}

void LabTab::showDeadCounts(const TrainingSnapshot &snapshot)
{
    const core::Measurement &m = snapshot.measurement;
    m_ui->deadCountsLabel->setToolTip(QString()); // a deep network's summary may set it
    if (m.diverged) {
        m_ui->deadCountsLabel->setText(
                tr("<span style='color:#B71C1C'>diverged: no dead-unit count</span>"));
        return;
    }
    int stillLearning = 0;
    for (const core::LayerMeasurement &layer : m.layers)
        stillLearning += layer.dead - layer.deadWithoutGradient;
    QString text = m.layers.size() > static_cast<std::size_t>(LegendLayers) ? deadCountsSummary(m)
                                                                            : deadCountsPerLayer(m);
    if (stillLearning > 0)
        text += tr("<br><small>%n of them still get a gradient (dead only by the ≤ 0 test)</small>",
                   nullptr, stillLearning);
    if (m.outputConstant)
        text += tr(
                "<br><small style='color:#B71C1C'>the output is the same for every point</small>");
    m_ui->deadCountsLabel->setText(text);
}

QString LabTab::deadCountsSummary(const core::Measurement &m)
{
    // Too many layers for a list: the total, and the layer with the most dead units (the first
    // of them, should several have as many).
    int dead = 0;
    int units = 0;
    std::size_t most = 0;
    for (std::size_t l = 0; l < m.layers.size(); ++l) {
        dead += m.layers[l].dead;
        units += m.layers[l].units;
        if (m.layers[l].dead > m.layers[most].dead)
            most = l;
    }
    const QLocale locale;
    QString total = nonBreaking(tr("Dead units: <b>%Ln</b> of %1 (%2 %)", nullptr, dead)
                                              .arg(locale.toString(units), wholePercent(dead, units)));
    if (dead == 0)
        return total;
    QLabel *label = m_ui->deadCountsLabel;
    const core::LayerMeasurement &layer = m.layers[most];
    const QColor color = layerColor(static_cast<int>(most), static_cast<int>(m.layers.size()));
    QString full = total + QStringLiteral("&nbsp;· ")
            + nonBreaking(tr("most in <span style='color:%1'>layer %2</span> (<b>%Ln</b> of %3)",
                             nullptr, layer.dead)
                                  .arg(color.name())
                                  .arg(most + 1)
                                  .arg(locale.toString(layer.units)));
    // One line whatever the width, so that the chart under it keeps its height (a second line
    // pushed it out of its pane at the window's minimum size): where the layer does not fit
    // beside the total, its tooltip says it.
    QTextDocument document;
    document.setDocumentMargin(0);
    document.setDefaultFont(label->font());
    document.setHtml(full);
    if (document.idealWidth() + 4.0 <= label->contentsRect().width() - 2 * label->margin())
        return full;
    label->setToolTip(document.toPlainText());
    return total;
}

QString LabTab::deadCountsPerLayer(const core::Measurement &m) const
{
    QStringList parts;
    for (std::size_t l = 0; l < m.layers.size(); ++l) {
        const core::LayerMeasurement &layer = m.layers[l];
        const QColor color = layerColor(static_cast<int>(l), static_cast<int>(m.layers.size()));
        // A layer's count stays on one line when the label wraps (presentation mode, a narrow
        // window): it may break between layers only.
        parts.append(tr("<span style='color:%1'>L%2</span> <b>%3</b>/%4")
                             .arg(color.name())
                             .arg(l + 1)
                             .arg(layer.dead)
                             .arg(layer.units)
                             .replace(QLatin1Char(' '), QStringLiteral("&nbsp;"))
                             .replace(QStringLiteral("<span&nbsp;style"), QStringLiteral("<span style")));
    }
    return tr("Dead units: %1").arg(parts.join(QStringLiteral(" &nbsp; ")));
}

void LabTab::showDecision(const TrainingSnapshot &snapshot)
{
    // Without logits (the lab was hidden when it was taken) the last boundary stays until the next.
    if (!snapshot.logits.empty())
        showDecisionMap(m_decisionMap, snapshot.grid, snapshot.logits);
}

void LabTab::showSlopes(const TrainingSnapshot &snapshot)
{
    QCustomPlot *slopes = m_ui->slopePlot;
    auto *title = qobject_cast<QCPTextElement *>(slopes->plotLayout()->element(0, 0));
    const core::Activation kind = snapshot.config.network.activation;
    const core::ActivationParams &p = snapshot.config.network.params;
    // Only PReLU and RReLU have slopes to show; for the others the space goes to the other views.
    slopes->setVisible(kind == core::Activation::Prelu || kind == core::Activation::Rrelu);
    m_uniformSlopes->setVisible(kind == core::Activation::Rrelu);
    m_evaluationSlope->setVisible(kind == core::Activation::Rrelu);
    if (kind == core::Activation::Prelu) {
        title->setText(tr("PReLU: the learned alpha of each layer"));
        slopes->xAxis->setLabel(tr("training step"));
        slopes->yAxis->setLabel(tr("alpha"));
    } else if (kind == core::Activation::Rrelu) {
        const double lower = p.rreluLower;
        const double upper = p.rreluUpper;
        const double evaluation = core::rreluEvaluationSlope(lower, upper);
        const double density = upper > lower ? 1.0 / (upper - lower) : 1.0;
        title->setText(tr("RReLU: training draws a ~ U(%1, %2); evaluation uses %3")
                               .arg(lower, 0, 'g', 3)
                               .arg(upper, 0, 'g', 3)
                               .arg(evaluation, 0, 'g', 4));
        m_uniformSlopes->setData({lower, lower, upper, upper}, {0.0, density, density, 0.0}, true);
        m_evaluationSlope->setData({evaluation, evaluation}, {0.0, density * 1.15}, true);
        slopes->xAxis->setLabel(tr("negative-side slope a"));
        slopes->yAxis->setLabel(tr("density"));
        const double margin = std::max(0.05, (upper - lower) * 0.2);
        slopes->xAxis->setRange(lower - margin, upper + margin);
        slopes->yAxis->setRange(0.0, density * 1.3);
    }
}

void LabTab::showRunStatus(const TrainingSnapshot &snapshot)
{
    const core::Measurement &m = snapshot.measurement;
    const QLocale locale;
    QString text = tr("Run %1 · step %2").arg(snapshot.run).arg(locale.toString(m.step));
    if (snapshot.running && snapshot.stepsPerSecond > 0.0)
        text += tr(" · %1 steps/s").arg(locale.toString(snapshot.stepsPerSecond, 'f', 0));
    if (!m.diverged) {
        text += tr("<br>loss %1 · train %2 %").arg(m.loss, 0, 'f', 4).arg(100.0 * m.trainAccuracy, 0, 'f', 1);
        if (!std::isnan(m.testAccuracy))
            text += tr(" · test %1 %").arg(100.0 * m.testAccuracy, 0, 'f', 1);
    }
    m_ui->runStatusLabel->setText(text);
}

void LabTab::onRunningChanged(bool running)
{
    const QSignalBlocker blocker(m_ui->playButton);
    m_ui->playButton->setChecked(running);
    m_ui->playButton->setText(running ? tr("Pause") : tr("Play"));
    m_ui->stepButton->setEnabled(!running);
}

void LabTab::onDiverged(quint64 step)
{
    m_divergedStep = step;
    m_ui->divergenceBanner->setText(tr("Training diverged at step %1: the loss or the weights are "
                                       "no longer finite. The run "
                                       "is paused; lower the learning rate and press Reset.")
                                            .arg(step));
    m_ui->divergenceBanner->setVisible(true);
}

QCustomPlot *LabTab::deadPlot() const
{
    return m_ui->deadPlot;
}

QCPGraph *LabTab::deadGraph(int layer) const
{
    return layer >= 0 && static_cast<std::size_t>(layer) < m_deadGraphs.size()
            ? m_deadGraphs[static_cast<std::size_t>(layer)]
            : nullptr;
}

QList<app::DataColumn> LabTab::historyColumns() const
{
    QList<app::DataColumn> columns {
            {QStringLiteral("step"), m_history.step},
            {QStringLiteral("loss"), m_history.loss},
            {QStringLiteral("train_accuracy"), m_history.trainAccuracy},
            {QStringLiteral("test_accuracy"), m_history.testAccuracy},
    };
    for (std::size_t l = 0; l < m_history.dead.size(); ++l)
        columns.append({QStringLiteral("dead_l%1").arg(l + 1), m_history.dead[l]});
    for (std::size_t l = 0; l < m_history.alpha.size(); ++l) {
        if (!m_history.alpha[l].isEmpty())
            columns.append({QStringLiteral("alpha_l%1").arg(l + 1), m_history.alpha[l]});
    }
    return columns;
}

bool LabTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->deadCountsLabel && m_lastSnapshot
        && (event->type() == QEvent::Resize || event->type() == QEvent::FontChange)
        && m_lastSnapshot->measurement.layers.size() > static_cast<std::size_t>(LegendLayers))
        showDeadCounts(*m_lastSnapshot);
    return QWidget::eventFilter(watched, event);
}

QString LabTab::deadCountsText() const
{
    return m_ui->deadCountsLabel->text();
}

QString LabTab::deadCountsToolTip() const
{
    return m_ui->deadCountsLabel->toolTip();
}

bool LabTab::divergenceShown() const
{
    return !m_ui->divergenceBanner->isHidden();
}

} // namespace relulab::ui
