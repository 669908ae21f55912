#include "gradientflowtab.h"

#include "ui_gradientflowtab.h"

#include <QHeaderView>
#include <QLocale>
#include <QScrollBar>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <utility>
#include <cmath>
#include <limits>

#include "app/labmodel.h"
#include "coretext.h"
#include "curvegraph.h"
#include "labtab.h"
#include "readable.h"
#include "style.h"
#include "trainingsettings.h"

namespace relulab::ui {

using app::TrainingSnapshot;

namespace {

// The history keeps at most this many measurements per layer; past it every other one is dropped
// (a run left going all lesson stays quick to draw).
constexpr qsizetype HistoryLimit = 2048;

// The share of a layer's (point, unit) pairs in each bin: white (none) to dark blue.
QCPColorGradient shareGradient()
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0xFF, 0xFF, 0xFF));
    g.setColorStopAt(0.3, QColor(0x9E, 0xCA, 0xE1));
    g.setColorStopAt(1.0, QColor(0x08, 0x30, 0x6B));
    return g;
}

// Layers are whole numbers: ticks at 1, 2, 3 (or 5, 10, ... when there are many).
QSharedPointer<QCPAxisTickerFixed> layerTicker()
{
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    return ticker;
}

// A log axis over whole decades around [low, high], at least two: its ticks are then powers of
// ten, which stay apart at any size (a range inside one decade gets 2e-1, 3e-1, ... crowded).
QCPRange decadeRange(double low, double high)
{
    double lower = std::pow(10.0, std::floor(std::log10(low)));
    double upper = std::pow(10.0, std::ceil(std::log10(high)));
    if (upper / lower < 100.0)
        upper = lower * 100.0;
    return {lower, upper};
}

template<class Enum>
Enum currentEnum(const QComboBox *combo)
{
    return static_cast<Enum>(combo->currentData().toInt());
}

// |dL/dW| in three significant digits ("4.85e-12", "0.0286").
QString gradientText(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    return QLocale().toString(value, 'g', 3);
}

QString percentText(double share)
{
    if (!std::isfinite(share))
        return QStringLiteral("–");
    return QLocale().toString(100.0 * share, 'f', 1) + QStringLiteral(" %");
}

// Layer 1's gradient over the last hidden layer's: how much of the gradient survives the way down.
double firstOverLast(const core::Measurement &m)
{
    if (m.layers.size() < 2)
        return std::numeric_limits<double>::quiet_NaN();
    return m.layers.front().gradientNorm / m.layers.back().gradientNorm;
}

} // namespace

core::HistogramSpec GradientFlowTab::activationBins()
{
    return {-1.0, 3.0, 40, false};
}

core::HistogramSpec GradientFlowTab::gradientBins()
{
    return {-16.0, 0.0, 32, true};
}

GradientFlowTab::GradientFlowTab(LabTab &lab, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<::Ui::GradientFlowTab>())
    , m_lab(lab)
    , m_model(lab.model())
    , m_controller(lab.controller())
{
    m_ui->setupUi(this);
    m_ui->flowTopSplitter->setSizes({560, 440});
    m_ui->flowBottomSplitter->setSizes({300, 300, 460});
    m_ui->flowViewsSplitter->setSizes({420, 380});
    populateChoices();
    setUpPlots();
    connectControls();
    showModel();
    onRunningChanged(m_controller.isRunning());
}

GradientFlowTab::~GradientFlowTab() = default;

void GradientFlowTab::populateChoices()
{
    // The bias choices the lab offers (its form has the bias combo; this one has none).
    m_settings = new TrainingSettingsBinding(TrainingSettingsWidgets::find(this), m_model,
                                             {0.0, 0.1}, this);
    for (const core::ActivationInfo &info : core::allActivations()) {
        m_ui->flowActivationCombo->addItem(activationName(info.kind), static_cast<int>(info.kind));
        m_ui->compareCombo->addItem(activationName(info.kind), static_cast<int>(info.kind));
    }
    m_ui->compareCombo->addItem(tr("None"), -1);
    // The model's (sigmoid by default: ReLU against sigmoid, the comparison the course notes make).
    showComparison();
    // The layer is the row's header, so that the four numbers get the table's width.
    m_ui->layerTable->setColumnCount(4);
    // Sized to the contents once per snapshot (showTable), not by ResizeToContents, which measures
    // every row again for each cell set: 20 ms a frame at 20 layers.
    m_ui->layerTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    keepHeaderTextsWhole(m_ui->layerTable->horizontalHeader());
}

std::optional<core::Activation> GradientFlowTab::comparison() const
{
    return m_model.comparison();
}

void GradientFlowTab::showComparison()
{
    const std::optional<core::Activation> kind = m_model.comparison();
    const QSignalBlocker blocker(m_ui->compareCombo);
    m_ui->compareCombo->setCurrentIndex(m_ui->compareCombo->findData(kind ? static_cast<int>(*kind) : -1));
}

void GradientFlowTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_profile)
        retranslate();
    // Other texts or another font (presentation mode): the columns' widths change.
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        m_tableFitPending = true;
    QWidget::changeEvent(event);
}

void GradientFlowTab::retranslate()
{
    m_ui->retranslateUi(this);
    for (QComboBox *combo : {m_ui->flowActivationCombo, m_ui->compareCombo}) {
        for (int i = 0; i < combo->count(); ++i) {
            const int choice = combo->itemData(i).toInt();
            combo->setItemText(i, choice < 0 ? tr("None") : activationName(static_cast<core::Activation>(choice)));
        }
    }
    showPlotTexts();
    showRowLabels();
    onRunningChanged(m_controller.isRunning());
    if (m_lastSnapshot) {
        showProfiles(*m_lastSnapshot);
        showTable(m_lastSnapshot->measurement);
        showSummary(*m_lastSnapshot);
    }
    for (QCustomPlot *plot : {m_ui->historyPlot, m_ui->profilePlot, m_ui->activationMapPlot, m_ui->gradientMapPlot})
        plot->replot(QCustomPlot::rpQueuedReplot);
}

void GradientFlowTab::showPlotTexts()
{
    m_ui->historyPlot->xAxis->setLabel(tr("training step"));
    m_ui->historyPlot->yAxis->setLabel(tr("‖∂L/∂W‖ per layer"));
    m_layerScale->axis()->setLabel(tr("layer"));
    m_ui->profilePlot->xAxis->setLabel(tr("layer (input → output)"));
    m_ui->profilePlot->yAxis->setLabel(tr("‖∂L/∂W‖"));
    m_ui->activationMapPlot->xAxis->setLabel(tr("activation f(z)"));
    m_ui->activationMapPlot->yAxis->setLabel(tr("layer"));
    m_ui->gradientMapPlot->xAxis->setLabel(tr("log₁₀ |∂ℓ/∂z| (back-propagated)"));
    m_ui->gradientMapPlot->yAxis->setLabel(tr("layer"));
    m_ui->layerTable->setHorizontalHeaderLabels(
            {tr("‖∂L/∂W‖"), tr("True zeros"), tr("Blocked"), tr("Mean ± std")});
    const auto tip = [this](int column, const QString &text) {
        m_ui->layerTable->horizontalHeaderItem(column)->setToolTip(text);
    };
    tip(0, tr("Norm of the mean loss's gradient with respect to the weights into the layer, on the "
              "whole training set"));
    tip(1, tr("Share of (point, unit) pairs whose activation is exactly 0: ReLU's sparse code"));
    tip(2, tr("Share of (point, unit) pairs where |f′(z)| < 0.05: almost no gradient passes "
              "(saturated sigmoid or tanh, ReLU's negative side)"));
    tip(3, tr("Mean and standard deviation of the layer's activations over all points and units"));
    m_ui->flowExplanationLabel->setText(
            tr("<p>The gradient of the first layer is a product of one factor per layer above it. "
               "Sigmoid's derivative is at most 1/4, so with depth the product shrinks by orders "
               "of magnitude: the first layers stop learning. ReLU's derivative is exactly 1 "
               "wherever a unit is active.</p>"));
}

void GradientFlowTab::connectControls()
{
    connect(&m_model, &app::LabModel::changed, this, &GradientFlowTab::showModel);
    connect(m_ui->flowActivationCombo, &QComboBox::activated, this, [this] {
        m_model.setActivation(currentEnum<core::Activation>(m_ui->flowActivationCombo));
    });
    // The combo shows the model's comparison (also a preset's or a lesson's) and sets it.
    connect(m_ui->compareCombo, &QComboBox::activated, this, [this] {
        const int choice = m_ui->compareCombo->currentData().toInt();
        m_model.setComparison(choice < 0 ? std::nullopt : std::optional(static_cast<core::Activation>(choice)));
    });
    connect(&m_model, &app::LabModel::comparisonChanged, this, [this] {
        showComparison();
        updateRequest();
    });
    connect(m_ui->flowPlayButton, &QPushButton::toggled, this, [this](bool on) {
        if (on)
            m_controller.play();
        else
            m_controller.pause();
        onRunningChanged(m_controller.isRunning());
    });
    connect(m_ui->flowStepButton, &QPushButton::clicked, this, [this] { m_controller.step(); });
    connect(m_ui->flowResetButton, &QPushButton::clicked, &m_controller, &app::TrainingController::reset);
    connect(&m_controller, &app::TrainingController::snapshotReady, this, &GradientFlowTab::showSnapshot);
    connect(&m_controller, &app::TrainingController::runningChanged, this, &GradientFlowTab::onRunningChanged);

    const auto shortcut = [this](const QKeySequence &key, auto slot) {
        auto *s = new QShortcut(key, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { m_ui->flowPlayButton->toggle(); });
    shortcut(QKeySequence(Qt::Key_S), [this] { m_controller.step(); });
    shortcut(QKeySequence(Qt::Key_R), [this] { m_controller.reset(); });
}

void GradientFlowTab::setUpPlots()
{
    QCustomPlot *history = m_ui->historyPlot;
    history->yAxis->setScaleType(QCPAxis::stLogarithmic);
    history->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    history->yAxis->setNumberFormat(QStringLiteral("eb"));
    history->yAxis->setNumberPrecision(0);
    // One line per layer: a colour scale says which, where a legend of 32 entries could not.
    m_layerScale = new QCPColorScale(history);
    m_layerScale->setGradient(depthGradient());
    m_layerScale->setBarWidth(8);
    m_layerScale->axis()->setTicker(layerTicker());
    history->plotLayout()->addElement(0, 1, m_layerScale);

    QCustomPlot *profile = m_ui->profilePlot;
    profile->yAxis->setScaleType(QCPAxis::stLogarithmic);
    profile->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    profile->yAxis->setNumberFormat(QStringLiteral("eb"));
    profile->yAxis->setNumberPrecision(0);
    profile->xAxis->setTicker(layerTicker());
    profile->legend->setVisible(true);
    profile->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    profile->legend->setBorderPen(Qt::NoPen);
    profile->plotLayout()->addElement(1, 0, profile->legend);
    profile->plotLayout()->setRowStretchFactor(1, 0.001);
    m_profile = CurveGraph::addTo(profile);
    m_profile->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 7));
    m_comparisonProfile = CurveGraph::addTo(profile);
    m_comparisonProfile->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 7));

    for (auto [plot, map] : {std::pair {m_ui->activationMapPlot, &m_activationMap},
                             std::pair {m_ui->gradientMapPlot, &m_gradientMap}}) {
        *map = new QCPColorMap(plot->xAxis, plot->yAxis);
        (*map)->setGradient(shareGradient());
        (*map)->setInterpolate(false);
        // Each layer a whole row, from half a layer below its number to half above.
        (*map)->setTightBoundary(false);
        plot->yAxis->setTicker(layerTicker());
    }
    showPlotTexts();
}

void GradientFlowTab::showModel()
{
    const QSignalBlocker blocker(m_ui->flowActivationCombo);
    m_ui->flowActivationCombo->setCurrentIndex(
            m_ui->flowActivationCombo->findData(static_cast<int>(m_model.activation())));
}

void GradientFlowTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The lab holds a hidden, paused run's configuration back; this tab shows its run.
    m_lab.setShownElsewhere(true);
    updateRequest();
}

void GradientFlowTab::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // A smaller tab (a lesson panel opened beside it, a smaller window): fit the table again once
    // the splitters have their new sizes. A splitter the user drags resizes no tab.
    QTimer::singleShot(0, this, [this] { fitTableWidth(); });
}

void GradientFlowTab::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_lab.setShownElsewhere(false);
    // Hidden, nobody looks at the statistics: the lab's run goes on without their backward pass.
    m_controller.setGradientFlow({});
}

void GradientFlowTab::updateRequest()
{
    if (!isVisible())
        return;
    app::GradientFlowRequest request;
    request.enabled = true;
    request.comparison = comparison();
    request.measure.activations = activationBins();
    request.measure.backpropagated = gradientBins();
    m_controller.setGradientFlow(request);
}

void GradientFlowTab::onRunningChanged(bool running)
{
    const QSignalBlocker blocker(m_ui->flowPlayButton);
    m_ui->flowPlayButton->setChecked(running);
    m_ui->flowPlayButton->setText(running ? tr("Pause") : tr("Play"));
    m_ui->flowStepButton->setEnabled(!running);
}

void GradientFlowTab::showSnapshot(const app::TrainingSnapshotPtr &snapshot)
{
    // Snapshots without the statistics (taken before this tab asked, or while hidden) have
    // nothing to show here.
    const core::Measurement &m = snapshot->measurement;
    if (m.layers.empty() || std::isnan(m.layers.front().gradientNorm))
        return;
    m_lastSnapshot = snapshot;
    if (snapshot->run != m_shownRun || static_cast<int>(m.layers.size()) != m_layers) {
        m_shownRun = snapshot->run;
        startRun(static_cast<int>(m.layers.size()));
    }
    showHistory(*snapshot);
    showProfiles(*snapshot);
    showMaps(m);
    showTable(m);
    showSummary(*snapshot);
    for (QCustomPlot *plot : {m_ui->historyPlot, m_ui->profilePlot, m_ui->activationMapPlot, m_ui->gradientMapPlot})
        plot->replot(QCustomPlot::rpQueuedReplot);
    m_shownStep = m.step;
    m_comparisonStep = snapshot->comparison ? snapshot->comparison->step : 0;
    emit snapshotShown(m_shownRun, m_shownStep);
}

void GradientFlowTab::startRun(int layers)
{
    m_layers = layers;
    // A new run sizes the table's columns afresh and fits the table beside the histograms.
    m_tableFitPending = true;
    QCustomPlot *history = m_ui->historyPlot;
    for (QCPGraph *graph : m_historyGraphs)
        history->removeGraph(graph);
    m_historyGraphs.clear();
    for (int l = 0; l < layers; ++l) {
        QCPGraph *graph = CurveGraph::addTo(history);
        // Thin lines for a deep network: 20 lines of 2 px overlap into a band, and each wide line
        // is stroked segment by segment (CurveGraph), a third of a frame's painting at 20 layers.
        graph->setPen(QPen(depthColor(l, layers), layers > 8 ? 1 : 2));
        m_historyGraphs.push_back(graph);
    }
    m_layerScale->setDataRange(QCPRange(1.0, std::max(2, layers)));
    history->xAxis->setRange(0.0, 10.0);
    for (QCPColorMap *map : {m_activationMap, m_gradientMap}) {
        const core::HistogramSpec spec = map == m_activationMap ? activationBins() : gradientBins();
        const double width = (spec.upper - spec.lower) / spec.bins;
        map->data()->setSize(spec.bins, layers);
        map->data()->setRange(QCPRange(spec.lower + width / 2, spec.upper - width / 2),
                              QCPRange(1.0, std::max(1, layers)));
        map->keyAxis()->setRange(spec.lower, spec.upper);
        map->valueAxis()->setRange(0.5, layers + 0.5);
    }
    m_ui->layerTable->setRowCount(layers + 1);
    showRowLabels();
}

void GradientFlowTab::showHistory(const TrainingSnapshot &snapshot)
{
    const core::Measurement &m = snapshot.measurement;
    const auto step = static_cast<double>(m.step);
    double low = std::numeric_limits<double>::infinity();
    double high = 0.0;
    for (int l = 0; l < m_layers; ++l) {
        QCPGraph *graph = m_historyGraphs[static_cast<std::size_t>(l)];
        const QSharedPointer<QCPGraphDataContainer> points = graph->data();
        if (!points->isEmpty() && (points->constEnd() - 1)->key >= step)
            continue; // the same moment again (a pause)
        if (points->size() >= HistoryLimit) {
            // Every other measurement dropped: the line keeps its shape at half the points.
            QVector<QCPGraphData> kept;
            for (int i = 0; i < points->size(); i += 2)
                kept.append(*points->at(i));
            points->set(kept, true);
        }
        const double g = m.layers[static_cast<std::size_t>(l)].gradientNorm;
        // Zero (a dead layer) has no place on a log axis: a gap.
        graph->addData(step, g > 0.0 && std::isfinite(g) ? g : std::numeric_limits<double>::quiet_NaN());
        // A single measurement makes no line: a dot until the second one.
        graph->setScatterStyle(graph->dataCount() == 1 ? QCPScatterStyle(QCPScatterStyle::ssDisc, 5)
                                                       : QCPScatterStyle());
    }
    for (QCPGraph *graph : m_historyGraphs) {
        bool found = false;
        const QCPRange range = graph->getValueRange(found, QCP::sdPositive);
        if (found) {
            low = std::min(low, range.lower);
            high = std::max(high, range.upper);
        }
    }
    QCustomPlot *history = m_ui->historyPlot;
    history->xAxis->setRange(0.0, std::max(10.0, step));
    if (high > 0.0)
        history->yAxis->setRange(decadeRange(low, high));
}

void GradientFlowTab::showProfiles(const TrainingSnapshot &snapshot)
{
    const auto profileOf = [](const core::Measurement &m, QVector<double> &layer, QVector<double> &norm) {
        for (std::size_t l = 0; l < m.layers.size(); ++l) {
            layer.append(static_cast<double>(l + 1));
            norm.append(m.layers[l].gradientNorm);
        }
    };
    QVector<double> layers;
    QVector<double> norms;
    profileOf(snapshot.measurement, layers, norms);
    const core::Activation kind = snapshot.config.network.activation;
    m_profile->setData(layers, norms, true);
    m_profile->setPen(QPen(activationColor(kind), 2.5));
    m_profile->setName(tr("%1, step %2").arg(activationName(kind)).arg(snapshot.measurement.step));
    double low = std::numeric_limits<double>::infinity();
    double high = 0.0;
    for (double v : norms) {
        if (v > 0.0 && std::isfinite(v)) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    if (snapshot.comparison) {
        QVector<double> otherLayers;
        QVector<double> otherNorms;
        profileOf(*snapshot.comparison, otherLayers, otherNorms);
        m_comparisonProfile->setData(otherLayers, otherNorms, true);
        m_comparisonProfile->setPen(QPen(activationColor(snapshot.comparisonActivation), 2.5, Qt::DashLine));
        m_comparisonProfile->setName(tr("%1, step %2")
                                             .arg(activationName(snapshot.comparisonActivation))
                                             .arg(snapshot.comparison->step));
        m_comparisonProfile->setVisible(true);
        m_comparisonProfile->addToLegend();
        for (double v : otherNorms) {
            if (v > 0.0 && std::isfinite(v)) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
    } else {
        m_comparisonProfile->data()->clear();
        m_comparisonProfile->setVisible(false);
        m_comparisonProfile->removeFromLegend();
    }
    QCustomPlot *profile = m_ui->profilePlot;
    profile->xAxis->setRange(0.5, std::max(1, m_layers) + 0.5);
    if (high > 0.0)
        profile->yAxis->setRange(decadeRange(low, high));
}

void GradientFlowTab::showMaps(const core::Measurement &m)
{
    for (QCPColorMap *map : {m_activationMap, m_gradientMap}) {
        double peak = 0.0;
        for (int l = 0; l < m_layers; ++l) {
            const core::LayerMeasurement &layer = m.layers[static_cast<std::size_t>(l)];
            const core::Histogram &h = map == m_activationMap ? layer.activations : layer.backpropagated;
            const auto total = static_cast<double>(h.total());
            for (std::size_t k = 0; k < h.counts.size(); ++k) {
                const double share = total > 0.0 ? static_cast<double>(h.counts[k]) / total : 0.0;
                map->data()->setCell(static_cast<int>(k), l, share);
                peak = std::max(peak, share);
            }
        }
        map->setDataRange(QCPRange(0.0, peak > 0.0 ? peak : 1.0));
    }
}

void GradientFlowTab::showTable(const core::Measurement &m)
{
    QTableWidget *table = m_ui->layerTable;
    const auto set = [table](int row, int column, const QString &text) {
        QTableWidgetItem *item = table->item(row, column);
        if (!item) {
            item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(row, column, item);
        }
        if (item->text() != text)
            item->setText(text);
    };
    const QLocale locale;
    for (int l = 0; l < m_layers; ++l) {
        const core::LayerMeasurement &layer = m.layers[static_cast<std::size_t>(l)];
        set(l, 0, gradientText(layer.gradientNorm));
        set(l, 1, percentText(layer.zeroShare));
        set(l, 2, percentText(layer.blockedShare));
        set(l, 3, std::isfinite(layer.mean) && std::isfinite(layer.deviation)
                       ? QStringLiteral("%1 ± %2").arg(locale.toString(layer.mean, 'g', 2),
                                                      locale.toString(layer.deviation, 'g', 2))
                       : QStringLiteral("–"));
    }
    set(m_layers, 0, gradientText(m.outputGradientNorm));
    for (int column = 1; column < 4; ++column)
        set(m_layers, column, QString());
    // Columns only grow while a run goes on, so that they do not jitter from frame to frame
    // (after a new run or font, they start from their contents).
    bool grew = std::exchange(m_tableFitPending, false);
    for (int column = 0; column < table->columnCount(); ++column) {
        const int before = table->columnWidth(column);
        table->resizeColumnToContents(column);
        if (!grew && table->columnWidth(column) < before)
            table->setColumnWidth(column, before);
        grew = grew || table->columnWidth(column) > before;
    }
    if (grew)
        fitTableWidth();
}

void GradientFlowTab::fitTableWidth()
{
    // The four numbers side by side: the table takes the width they need from the two histograms
    // beside it (presentation mode's larger font, a small window), as far as each histogram keeps
    // a readable width. Only when the table is narrower than that, so a splitter the user dragged
    // to give it more stays put.
    QTableWidget *table = m_ui->layerTable;
    // (The header's size hint: its width may not be laid out yet for the new labels or font.)
    int needed = table->verticalHeader()->sizeHint().width() + 2 * table->frameWidth();
    for (int column = 0; column < table->columnCount(); ++column)
        needed += table->columnWidth(column);
    // The vertical scroll bar too once the rows are taller than the table (it may not be shown yet).
    if (table->verticalScrollBar()->isVisible()
        || table->verticalHeader()->length() > table->viewport()->height())
        needed += table->verticalScrollBar()->sizeHint().width();
    QList<int> sizes = m_ui->flowBottomSplitter->sizes();
    if (sizes.size() != 3 || sizes[2] >= needed)
        return;
    const int minimumHistogram = m_ui->activationMapPlot->minimumWidth();
    int deficit = needed - sizes[2];
    // Half of what is missing from the first histogram, the rest from the second, and what the
    // second cannot spare from the first again: (histogram, the share of the deficit it gives).
    constexpr std::pair<int, int> Passes[] = {{0, 2}, {1, 1}, {0, 1}};
    for (const auto &[k, divisor] : Passes) {
        const int spare = std::max(0, sizes[k] - minimumHistogram);
        const int take = std::min(spare, (deficit + divisor - 1) / divisor);
        sizes[k] -= take;
        sizes[2] += take;
        deficit -= take;
    }
    m_ui->flowBottomSplitter->setSizes(sizes);
}

void GradientFlowTab::showRowLabels()
{
    QStringList labels;
    for (int l = 1; l <= m_layers; ++l)
        labels.append(QString::number(l));
    labels.append(tr("out", "the output layer, as a table's row label"));
    m_ui->layerTable->setVerticalHeaderLabels(labels);
}

void GradientFlowTab::showSummary(const TrainingSnapshot &snapshot)
{
    const auto ratioText = [](core::Activation kind, const core::Measurement &m) {
        const QLocale locale;
        const double ratio = firstOverLast(m);
        const QString value = std::isfinite(ratio) ? locale.toString(ratio, 'g', 2) : QStringLiteral("–");
        return tr("%1: layer 1 gets <b>%2</b>× the gradient of layer %3 · loss %4 · accuracy %5")
                .arg(activationName(kind), value)
                .arg(m.layers.size())
                .arg(locale.toString(m.loss, 'f', 3), percentText(m.trainAccuracy));
    };
    QStringList parts;
    parts.append(ratioText(snapshot.config.network.activation, snapshot.measurement));
    if (snapshot.comparison)
        parts.append(ratioText(snapshot.comparisonActivation, *snapshot.comparison));
    m_ui->flowSummaryLabel->setText(parts.join(QStringLiteral("<br>")));
    m_ui->flowStatusLabel->setText(tr("Step %1").arg(snapshot.measurement.step));
}

QCustomPlot *GradientFlowTab::historyPlot() const
{
    return m_ui->historyPlot;
}

QCustomPlot *GradientFlowTab::profilePlot() const
{
    return m_ui->profilePlot;
}

QCustomPlot *GradientFlowTab::activationMapPlot() const
{
    return m_ui->activationMapPlot;
}

QCustomPlot *GradientFlowTab::gradientMapPlot() const
{
    return m_ui->gradientMapPlot;
}

QCPGraph *GradientFlowTab::historyGraph(int layer) const
{
    return layer >= 0 && layer < static_cast<int>(m_historyGraphs.size())
            ? m_historyGraphs[static_cast<std::size_t>(layer)]
            : nullptr;
}

QString GradientFlowTab::summaryText() const
{
    return m_ui->flowSummaryLabel->text();
}

QString GradientFlowTab::tableText(int row, int column) const
{
    const QTableWidgetItem *item = m_ui->layerTable->item(row, column);
    return item ? item->text() : QString();
}

} // namespace relulab::ui
