#include "labtab.h"

#include "ui_labtab.h"

#include <QLocale>
#include <QPainter>
#include <QShortcut>
#include <QSignalBlocker>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "app/parametermodel.h"
#include "curvegraph.h"
#include "networkview.h"
#include "style.h"

namespace relulab::ui {

using app::TrainingSnapshot;

namespace {

// The learning-rate slider: position p in [0, LearningRateSteps] is 10^(-4 + 5 p / steps).
constexpr int LearningRateSteps = 500;
constexpr double LogMinLearningRate = -4.0;
constexpr double LogLearningRateSpan = 5.0;

int sliderPositionFor(double learningRate)
{
    return static_cast<int>(std::lround((std::log10(learningRate) - LogMinLearningRate)
                                        / LogLearningRateSpan * LearningRateSteps));
}

double learningRateAt(int position)
{
    const double exponent =
            LogMinLearningRate + LogLearningRateSpan * position / double(LearningRateSteps);
    // Four significant digits: what the spin box shows, so slider and spin box agree exactly.
    const double value = std::pow(10.0, exponent);
    const double scale = std::pow(10.0, 3 - std::floor(std::log10(value)));
    return std::round(value * scale) / scale;
}

// One colour per hidden layer, light to dark, so that deeper layers read as "further in".
QColor layerColor(int layer, int layers)
{
    static const QColor colors[] = {QColor(0x1B, 0x9E, 0x77), QColor(0xD9, 0x5F, 0x02),
                                    QColor(0x75, 0x70, 0xB3), QColor(0xE7, 0x29, 0x8A),
                                    QColor(0x66, 0xA6, 0x1E), QColor(0xE6, 0xAB, 0x02),
                                    QColor(0xA6, 0x76, 0x1D), QColor(0x44, 0x44, 0x44)};
    Q_UNUSED(layers);
    return colors[layer % 8];
}

const QColor ClassZeroColor(0x21, 0x66, 0xAC);
const QColor ClassOneColor(0xE0, 0x7B, 0x1A);

QString displayName(std::string_view name)
{
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

template<class Enum>
void selectData(QComboBox *combo, Enum value)
{
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(combo->findData(static_cast<int>(value)));
}

template<class Enum>
Enum currentEnum(const QComboBox *combo)
{
    return static_cast<Enum>(combo->currentData().toInt());
}

// A data point as a pixmap: QCustomPlot draws a vector circle per point, which for a thousand
// points costs milliseconds in every frame; a pixmap is blitted.
QCPScatterStyle pointScatter(const QColor &color)
{
    constexpr int diameter = 6;
    constexpr qreal ratio = 2.0; // crisp on high-DPI screens and projectors
    QPixmap pixmap(QSize(diameter, diameter) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, 0.8));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0.4, 0.4, diameter - 0.8, diameter - 0.8));
    painter.end();
    return QCPScatterStyle(pixmap);
}

void setBigFonts(QCustomPlot *plot, double points)
{
    QFont font = plot->font();
    font.setPointSizeF(points);
    QFont tick = font;
    tick.setPointSizeF(points * 0.9);
    for (QCPAxis *axis : plot->axisRect()->axes()) {
        axis->setLabelFont(font);
        axis->setTickLabelFont(tick);
    }
    plot->legend->setFont(tick);
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
    static const std::vector<int> values {0, 1, 8, 16, 32, 64, 128, 256};
    return values;
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
    applyConfig();
}

LabTab::~LabTab() = default;

void LabTab::populateChoices()
{
    for (int k = 0; k < core::DatasetKindCount; ++k) {
        const auto kind = static_cast<core::DatasetKind>(k);
        m_ui->datasetCombo->addItem(tr(core::datasetDisplayName(kind).data()), k);
    }
    for (const core::ActivationInfo &info : core::allActivations())
        m_ui->labActivationCombo->addItem(displayName(info.displayName), static_cast<int>(info.kind));
    for (int k = 0; k < core::InitializationCount; ++k) {
        const auto init = static_cast<core::Initialization>(k);
        m_ui->initCombo->addItem(tr(core::initializationDisplayName(init).data()), k);
    }
    m_ui->biasCombo->addItem(tr("0"), static_cast<int>(core::BiasInit::Zero));
    m_ui->biasCombo->addItem(tr("0.1"), static_cast<int>(core::BiasInit::Constant));
    for (int k = 0; k < core::OptimizerCount; ++k) {
        const auto kind = static_cast<core::OptimizerKind>(k);
        m_ui->optimizerCombo->addItem(tr(core::optimizerDisplayName(kind).data()), k);
    }
    for (int size : batchSizes())
        m_ui->batchCombo->addItem(size == 0 ? tr("Full batch") : tr("%n per step", nullptr, size), size);
    m_ui->precisionCombo->addItem(tr("Double (reference)"), static_cast<int>(core::Precision::Double));
    m_ui->precisionCombo->addItem(tr("Float"), static_cast<int>(core::Precision::Float));
    for (int speed : speeds())
        m_ui->speedCombo->addItem(speed == app::TrainingController::AsFastAsPossible
                                          ? tr("As fast as possible")
                                          : tr("%n step(s) per frame", nullptr, speed),
                                  speed);
    m_ui->speedCombo->setCurrentIndex(3); // 10 steps a frame: 600 a second, easy to follow

    m_ui->pointsSpin->setRange(app::LabModel::MinPoints, app::LabModel::MaxPoints);
    m_ui->pointsSpin->setSingleStep(64);
    m_ui->noiseSpin->setRange(0.0, app::LabModel::MaxNoise);
    m_ui->noiseSpin->setDecimals(3);
    m_ui->noiseSpin->setSingleStep(0.01);
    m_ui->dataSeedSpin->setRange(0, std::numeric_limits<int>::max());
    m_ui->depthSpin->setRange(core::MinHiddenLayers, core::MaxHiddenLayers);
    m_ui->widthSpin->setRange(core::MinLayerWidth, core::MaxLayerWidth);
    m_ui->initSeedSpin->setRange(0, std::numeric_limits<int>::max());
    m_ui->learningRateSpin->setRange(app::LabModel::MinLearningRate, app::LabModel::MaxLearningRate);
    m_ui->learningRateSpin->setDecimals(4);
    m_ui->learningRateSpin->setSingleStep(0.01);
    m_ui->learningRateSlider->setRange(0, LearningRateSteps);
    m_ui->learningRateSlider->setPageStep(LearningRateSteps / 5); // a factor of 10
}

void LabTab::connectControls()
{
    connect(&m_model, &app::LabModel::changed, this, &LabTab::showModel);
    connect(&m_model, &app::LabModel::changed, this, &LabTab::scheduleConfig);

    connect(m_ui->datasetCombo, &QComboBox::activated, this,
            [this] { m_model.setDataset(currentEnum<core::DatasetKind>(m_ui->datasetCombo)); });
    connect(m_ui->pointsSpin, &QSpinBox::valueChanged, &m_model, &app::LabModel::setPoints);
    connect(m_ui->noiseSpin, &QDoubleSpinBox::valueChanged, &m_model, &app::LabModel::setNoise);
    connect(m_ui->dataSeedSpin, &QSpinBox::valueChanged, this,
            [this](int seed) { m_model.setDataSeed(static_cast<quint64>(seed)); });
    connect(m_ui->depthSpin, &QSpinBox::valueChanged, &m_model, &app::LabModel::setDepth);
    connect(m_ui->widthSpin, &QSpinBox::valueChanged, &m_model, &app::LabModel::setWidth);
    connect(m_ui->labActivationCombo, &QComboBox::activated, this, [this] {
        m_model.setActivation(currentEnum<core::Activation>(m_ui->labActivationCombo));
    });
    connect(m_ui->preluPerUnitCheck, &QCheckBox::toggled, &m_model, &app::LabModel::setPreluPerUnit);
    connect(m_ui->initCombo, &QComboBox::activated, this, [this] {
        m_model.setInitialization(currentEnum<core::Initialization>(m_ui->initCombo));
    });
    connect(m_ui->biasCombo, &QComboBox::activated, this,
            [this] { m_model.setBiasInit(currentEnum<core::BiasInit>(m_ui->biasCombo)); });
    connect(m_ui->initSeedSpin, &QSpinBox::valueChanged, this,
            [this](int seed) { m_model.setInitSeed(static_cast<quint64>(seed)); });
    connect(m_ui->reseedButton, &QPushButton::clicked, &m_model, &app::LabModel::reseed);
    connect(m_ui->optimizerCombo, &QComboBox::activated, this,
            [this] { m_model.setOptimizer(currentEnum<core::OptimizerKind>(m_ui->optimizerCombo)); });
    connect(m_ui->learningRateSpin, &QDoubleSpinBox::valueChanged, &m_model,
            &app::LabModel::setLearningRate);
    connect(m_ui->learningRateSlider, &QSlider::valueChanged, this,
            [this](int position) { m_model.setLearningRate(learningRateAt(position)); });
    connect(m_ui->batchCombo, &QComboBox::activated, this,
            [this] { m_model.setBatchSize(m_ui->batchCombo->currentData().toInt()); });
    connect(m_ui->precisionCombo, &QComboBox::activated, this,
            [this] { m_model.setPrecision(currentEnum<core::Precision>(m_ui->precisionCombo)); });
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
    const auto shortcut = [this](QKeySequence key, auto slot) {
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
    dead->xAxis->setLabel(tr("training step"));
    dead->yAxis->setLabel(tr("dead units"));
    dead->legend->setVisible(true);
    dead->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignTop);
    dead->legend->setBrush(QColor(255, 255, 255, 220));
    setBigFonts(dead, 12);
    QFont big = m_ui->deadCountsLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_ui->deadCountsLabel->setFont(big);

    QCustomPlot *loss = m_ui->lossPlot;
    loss->xAxis->setLabel(tr("training step"));
    loss->yAxis->setLabel(tr("loss (BCE)"));
    loss->yAxis2->setVisible(true);
    loss->yAxis2->setLabel(tr("accuracy"));
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
    m_lossGraph->setName(tr("loss"));
    m_lossGraph->setPen(QPen(Qt::black, 2));
    m_trainAccuracyGraph = new CurveGraph(loss->xAxis, loss->yAxis2);
    m_trainAccuracyGraph->setName(tr("train accuracy"));
    m_trainAccuracyGraph->setPen(QPen(QColor(0x1B, 0x9E, 0x77), 2));
    m_testAccuracyGraph = new CurveGraph(loss->xAxis, loss->yAxis2);
    m_testAccuracyGraph->setName(tr("test accuracy"));
    m_testAccuracyGraph->setPen(QPen(QColor(0x75, 0x70, 0xB3), 2, Qt::DashLine));

    QCustomPlot *decision = m_ui->decisionPlot;
    decision->xAxis->setLabel(QStringLiteral("x₁"));
    decision->yAxis->setLabel(QStringLiteral("x₂"));
    m_decisionMap = new QCPColorMap(decision->xAxis, decision->yAxis);
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, QColor(0x92, 0xC5, 0xDE));
    gradient.setColorStopAt(0.5, QColor(0xF7, 0xF7, 0xF7));
    gradient.setColorStopAt(1.0, QColor(0xF4, 0xA5, 0x82));
    m_decisionMap->setGradient(gradient);
    // The logit, not the probability: the worker sends logits, and [-4, 4] covers 2 % to 98 %.
    m_decisionMap->setDataRange(QCPRange(-4.0, 4.0));
    m_decisionMap->setInterpolate(true);
    m_decisionMap->setTightBoundary(true);
    m_classZero = decision->addGraph();
    m_classOne = decision->addGraph();
    for (auto [graph, color] :
         {std::pair {m_classZero, ClassZeroColor}, std::pair {m_classOne, ClassOneColor}}) {
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
}

void LabTab::showModel()
{
    selectData(m_ui->datasetCombo, m_model.dataset());
    selectData(m_ui->labActivationCombo, m_model.activation());
    selectData(m_ui->initCombo, m_model.initialization());
    selectData(m_ui->biasCombo, m_model.biasInit());
    selectData(m_ui->optimizerCombo, m_model.optimizer());
    selectData(m_ui->precisionCombo, m_model.precision());
    {
        const QSignalBlocker blocker(m_ui->batchCombo);
        m_ui->batchCombo->setCurrentIndex(std::max(0, m_ui->batchCombo->findData(m_model.batchSize())));
    }
    const auto setSpin = [](auto *spin, auto value) {
        const QSignalBlocker blocker(spin);
        spin->setValue(value);
    };
    setSpin(m_ui->pointsSpin, m_model.points());
    setSpin(m_ui->noiseSpin, m_model.noise());
    setSpin(m_ui->dataSeedSpin,
            static_cast<int>(std::min<quint64>(m_model.dataSeed(), std::numeric_limits<int>::max())));
    setSpin(m_ui->depthSpin, m_model.depth());
    setSpin(m_ui->widthSpin, m_model.width());
    setSpin(m_ui->initSeedSpin,
            static_cast<int>(std::min<quint64>(m_model.initSeed(), std::numeric_limits<int>::max())));
    setSpin(m_ui->learningRateSpin, m_model.learningRate());
    setSpin(m_ui->learningRateSlider, sliderPositionFor(m_model.learningRate()));
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
    m_controller.setConfig(config);
}

void LabTab::showSnapshot(const app::TrainingSnapshotPtr &snapshot)
{
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

    QCustomPlot *dead = m_ui->deadPlot;
    for (QCPGraph *graph : m_deadGraphs)
        dead->removeGraph(graph);
    m_deadGraphs.clear();
    int widest = 1;
    for (std::size_t l = 0; l < layers; ++l) {
        QCPGraph *graph = CurveGraph::addTo(dead);
        graph->setName(tr("layer %1").arg(l + 1));
        graph->setPen(QPen(layerColor(static_cast<int>(l), static_cast<int>(layers)), 3));
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
    for (auto [graph, label] : {std::pair {m_classZero, 0}, std::pair {m_classOne, 1}}) {
        QVector<double> x;
        QVector<double> y;
        const core::Dataset &points = *snapshot.trainingSet;
        for (std::size_t k = 0; k < points.size(); ++k) {
            if (points.label[k] == label) {
                x.append(points.x0(k));
                y.append(points.x1(k));
            }
        }
        graph->setData(x, y);
    }
    QCustomPlot *decision = m_ui->decisionPlot;
    decision->xAxis->setRange(snapshot.xMin, snapshot.xMax);
    decision->yAxis->setRange(snapshot.yMin, snapshot.yMax);
}

void LabTab::appendHistory(const TrainingSnapshot &snapshot)
{
    const core::Measurement &m = snapshot.measurement;
    const auto step = static_cast<double>(m.step);
    if (!m_history.step.isEmpty() && m_history.step.back() >= step)
        return; // the same moment published again (a pause): nothing new to plot
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
    if (m.diverged) {
        m_ui->deadCountsLabel->setText(
                tr("<span style='color:#B71C1C'>diverged: no dead-unit count</span>"));
        return;
    }
    QStringList parts;
    int stillLearning = 0;
    for (std::size_t l = 0; l < m.layers.size(); ++l) {
        const core::LayerMeasurement &layer = m.layers[l];
        const QColor color = layerColor(static_cast<int>(l), static_cast<int>(m.layers.size()));
        parts.append(tr("<span style='color:%1'>L%2</span> <b>%3</b>/%4")
                             .arg(color.name())
                             .arg(l + 1)
                             .arg(layer.dead)
                             .arg(layer.units));
        stillLearning += layer.dead - layer.deadWithoutGradient;
    }
    QString text = tr("Dead units: %1").arg(parts.join(QStringLiteral(" &nbsp; ")));
    if (stillLearning > 0)
        text += tr("<br><small>%n of them still get a gradient (dead only by the ≤ 0 test)</small>",
                   nullptr, stillLearning);
    if (m.outputConstant)
        text += tr(
                "<br><small style='color:#B71C1C'>the output is the same for every point</small>");
    m_ui->deadCountsLabel->setText(text);
}

void LabTab::showDecision(const TrainingSnapshot &snapshot)
{
    const int n = snapshot.gridSize;
    if (n <= 0 || snapshot.logits.size() != static_cast<std::size_t>(n) * static_cast<std::size_t>(n))
        return;
    QCPColorMapData *cells = m_decisionMap->data();
    const double dx = (snapshot.xMax - snapshot.xMin) / n;
    const double dy = (snapshot.yMax - snapshot.yMin) / n;
    cells->setSize(n, n);
    cells->setRange(QCPRange(snapshot.xMin + dx / 2, snapshot.xMax - dx / 2),
                    QCPRange(snapshot.yMin + dy / 2, snapshot.yMax - dy / 2));
    for (int row = 0; row < n; ++row) {
        for (int col = 0; col < n; ++col)
            cells->setCell(col, row, snapshot.logits[static_cast<std::size_t>(row * n + col)]);
    }
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
    m_ui->playButton->setText(running ? tr("&Pause") : tr("&Play"));
    m_ui->stepButton->setEnabled(!running);
}

void LabTab::onDiverged(quint64 step)
{
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

QString LabTab::deadCountsText() const
{
    return m_ui->deadCountsLabel->text();
}

bool LabTab::divergenceShown() const
{
    return !m_ui->divergenceBanner->isHidden();
}

} // namespace relulab::ui
