#include "trainingsettings.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>
#include <utility>

#include "app/labmodel.h"
#include "ui/precisespinbox.h"
#include "ui/coretext.h"
#include "ui/language.h"

namespace relulab::ui {

namespace {

constexpr double LogMinLearningRate = -4.0;
constexpr double LogLearningRateSpan = 5.0;

template<class Enum>
void selectData(QComboBox *combo, Enum value)
{
    if (!combo)
        return;
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(combo->findData(static_cast<int>(value)));
}

template<class Enum>
Enum currentEnum(const QComboBox *combo)
{
    return static_cast<Enum>(combo->currentData().toInt());
}

template<class Spin, class Value>
void setSpin(Spin *spin, Value value)
{
    if (!spin)
        return;
    const QSignalBlocker blocker(spin);
    spin->setValue(value);
}

int clampedSeed(quint64 seed)
{
    return static_cast<int>(std::min<quint64>(seed, std::numeric_limits<int>::max()));
}

} // namespace

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

QString displayName(std::string_view name)
{
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QCPScatterStyle pointScatter(const QColor &color, int diameter)
{
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

QColor classColor(int label)
{
    return label == 0 ? QColor(0x21, 0x66, 0xAC) : QColor(0xE0, 0x7B, 0x1A);
}

QCPColorGradient decisionGradient()
{
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, QColor(0x92, 0xC5, 0xDE));
    gradient.setColorStopAt(0.5, QColor(0xF7, 0xF7, 0xF7));
    gradient.setColorStopAt(1.0, QColor(0xF4, 0xA5, 0x82));
    return gradient;
}

void showDecisionMap(QCPColorMap *map, const app::DecisionGrid &grid, const std::vector<float> &logits)
{
    const int n = grid.size;
    const double xMin = grid.xMin, xMax = grid.xMax, yMin = grid.yMin, yMax = grid.yMax;
    if (n <= 0 || logits.size() != static_cast<std::size_t>(n) * static_cast<std::size_t>(n))
        return;
    QCPColorMapData *cells = map->data();
    const double dx = (xMax - xMin) / n;
    const double dy = (yMax - yMin) / n;
    cells->setSize(n, n);
    cells->setRange(QCPRange(xMin + dx / 2, xMax - dx / 2), QCPRange(yMin + dy / 2, yMax - dy / 2));
    for (int row = 0; row < n; ++row) {
        for (int col = 0; col < n; ++col) {
            const float logit = logits[static_cast<std::size_t>(row) * static_cast<std::size_t>(n)
                                       + static_cast<std::size_t>(col)];
            cells->setCell(col, row, std::isfinite(logit) ? logit : 0.0);
        }
    }
}

void showClassPoints(QCPGraph *classZero, QCPGraph *classOne, const core::Dataset &points)
{
    for (auto [graph, label] : {std::pair {classZero, 0}, std::pair {classOne, 1}}) {
        QVector<double> x;
        QVector<double> y;
        for (std::size_t k = 0; k < points.size(); ++k) {
            if (points.label[k] == label) {
                x.append(points.x0(k));
                y.append(points.x1(k));
            }
        }
        graph->setData(x, y); // sorts by x: the points are in no order
    }
}

TrainingSettingsWidgets TrainingSettingsWidgets::find(QWidget *root)
{
    TrainingSettingsWidgets w;
    const auto get = [root](auto *&field, const char *name) {
        field = root->findChild<std::remove_reference_t<decltype(*field)> *>(QLatin1String(name));
    };
    get(w.dataset, "datasetCombo");
    get(w.points, "pointsSpin");
    get(w.noise, "noiseSpin");
    get(w.dataSeed, "dataSeedSpin");
    get(w.depth, "depthSpin");
    get(w.width, "widthSpin");
    get(w.init, "initCombo");
    get(w.initGain, "initGainSpin");
    get(w.bias, "biasCombo");
    get(w.initSeed, "initSeedSpin");
    get(w.reseed, "reseedButton");
    get(w.optimizer, "optimizerCombo");
    get(w.learningRate, "learningRateSpin");
    get(w.learningRateSlider, "learningRateSlider");
    get(w.weightDecay, "weightDecaySpin");
    get(w.l1, "l1Spin");
    get(w.batch, "batchCombo");
    get(w.precision, "precisionCombo");
    return w;
}

const std::vector<int> &TrainingSettingsBinding::batchSizes()
{
    static const std::vector<int> values {0, 1, 8, 16, 32, 64, 128, 256};
    return values;
}

TrainingSettingsBinding::TrainingSettingsBinding(const TrainingSettingsWidgets &widgets,
                                                 app::LabModel &model,
                                                 std::vector<double> biasValues, QObject *parent)
    : QObject(parent)
    , m_w(widgets)
    , m_model(model)
    , m_biasValues(std::move(biasValues))
{
    populate();
    retranslate();
    connectWidgets();
    show();
    // The choices are filled in code, so no form's retranslateUi() reaches them.
    connect(&Language::instance(), &Language::languageChanged, this,
            &TrainingSettingsBinding::retranslate);
}

void TrainingSettingsBinding::populate()
{
    if (m_w.dataset) {
        for (int k = 0; k < core::DatasetKindCount; ++k) {
            const auto kind = static_cast<core::DatasetKind>(k);
            m_w.dataset->addItem(datasetName(kind), k);
        }
    }
    if (m_w.init) {
        for (int k = 0; k < core::InitializationCount; ++k) {
            const auto init = static_cast<core::Initialization>(k);
            m_w.init->addItem(initializationName(init), k);
        }
    }
    if (m_w.bias) {
        for (double value : m_biasValues)
            m_w.bias->addItem(QLocale().toString(value), value);
    }
    if (m_w.optimizer) {
        for (int k = 0; k < core::OptimizerCount; ++k) {
            const auto kind = static_cast<core::OptimizerKind>(k);
            m_w.optimizer->addItem(optimizerName(kind), k);
        }
    }
    if (m_w.batch) {
        for (int size : batchSizes())
            m_w.batch->addItem(QString(), size);
    }
    if (m_w.precision) {
        m_w.precision->addItem(QString(), static_cast<int>(core::Precision::Double));
        m_w.precision->addItem(QString(), static_cast<int>(core::Precision::Float));
    }
    if (m_w.points) {
        m_w.points->setRange(app::LabModel::MinPoints, app::LabModel::MaxPoints);
        m_w.points->setSingleStep(64);
    }
    if (m_w.noise) {
        m_w.noise->setRange(0.0, app::LabModel::MaxNoise);
        setShownDecimals(m_w.noise, 3);
        m_w.noise->setSingleStep(0.01);
    }
    if (m_w.dataSeed)
        m_w.dataSeed->setRange(0, std::numeric_limits<int>::max());
    if (m_w.depth)
        m_w.depth->setRange(core::MinHiddenLayers, core::MaxHiddenLayers);
    if (m_w.width)
        m_w.width->setRange(core::MinLayerWidth, core::MaxLayerWidth);
    if (m_w.initSeed)
        m_w.initSeed->setRange(0, std::numeric_limits<int>::max());
    if (m_w.learningRate) {
        m_w.learningRate->setRange(app::LabModel::MinLearningRate, app::LabModel::MaxLearningRate);
        setShownDecimals(m_w.learningRate, 4);
        m_w.learningRate->setSingleStep(0.01);
    }
    if (m_w.learningRateSlider) {
        m_w.learningRateSlider->setRange(0, LearningRateSteps);
        m_w.learningRateSlider->setPageStep(LearningRateSteps / 5); // a factor of 10
    }
    if (m_w.initGain) {
        m_w.initGain->setRange(app::LabModel::MinInitGain, app::LabModel::MaxInitGain);
        setShownDecimals(m_w.initGain, 2);
        m_w.initGain->setSingleStep(0.1);
    }
    // Penalties are usually 1e-5 to 1e-1: a step of 0.0001 reaches the common 1e-4 to 1e-3 in a
    // few presses, anything else is typed (a PreciseSpinBox shows it in full and takes 1e-5).
    for (QDoubleSpinBox *penalty : {m_w.weightDecay, m_w.l1}) {
        if (!penalty)
            continue;
        penalty->setRange(0.0, app::LabModel::MaxWeightPenalty);
        setShownDecimals(penalty, 4);
        penalty->setSingleStep(0.0001);
    }
}

void TrainingSettingsBinding::retranslate() const
{
    // Each entry found by its data, so the order of the choices does not matter here.
    const auto retitle = [](QComboBox *combo, auto textOf) {
        if (!combo)
            return;
        for (int i = 0; i < combo->count(); ++i)
            combo->setItemText(i, textOf(combo->itemData(i)));
    };
    retitle(m_w.dataset, [](const QVariant &data) {
        return datasetName(static_cast<core::DatasetKind>(data.toInt()));
    });
    retitle(m_w.init, [](const QVariant &data) {
        return initializationName(static_cast<core::Initialization>(data.toInt()));
    });
    retitle(m_w.optimizer, [](const QVariant &data) {
        return optimizerName(static_cast<core::OptimizerKind>(data.toInt()));
    });
    retitle(m_w.batch, [](const QVariant &data) {
        const int size = data.toInt();
        return size == 0 ? tr("Full batch") : tr("%n per step", nullptr, size);
    });
    retitle(m_w.precision, [](const QVariant &data) {
        return static_cast<core::Precision>(data.toInt()) == core::Precision::Double
                ? tr("Double (reference)")
                : tr("Float");
    });
}

void TrainingSettingsBinding::connectWidgets()
{
    app::LabModel *model = &m_model;
    connect(model, &app::LabModel::changed, this, &TrainingSettingsBinding::show);
    if (m_w.dataset)
        connect(m_w.dataset, &QComboBox::activated, this,
                [this] { m_model.setDataset(currentEnum<core::DatasetKind>(m_w.dataset)); });
    if (m_w.points)
        connect(m_w.points, &QSpinBox::valueChanged, model, &app::LabModel::setPoints);
    if (m_w.noise)
        connect(m_w.noise, &QDoubleSpinBox::valueChanged, model, &app::LabModel::setNoise);
    if (m_w.dataSeed)
        connect(m_w.dataSeed, &QSpinBox::valueChanged, this,
                [this](int seed) { m_model.setDataSeed(static_cast<quint64>(seed)); });
    if (m_w.depth)
        connect(m_w.depth, &QSpinBox::valueChanged, model, &app::LabModel::setDepth);
    if (m_w.width)
        connect(m_w.width, &QSpinBox::valueChanged, model, &app::LabModel::setWidth);
    if (m_w.init)
        connect(m_w.init, &QComboBox::activated, this,
                [this] { m_model.setInitialization(currentEnum<core::Initialization>(m_w.init)); });
    if (m_w.bias)
        connect(m_w.bias, &QComboBox::activated, this, [this] {
            const double value = m_w.bias->currentData().toDouble();
            if (value != 0.0)
                m_model.setBiasValue(value);
            m_model.setBiasInit(value == 0.0 ? core::BiasInit::Zero : core::BiasInit::Constant);
        });
    if (m_w.initGain)
        connect(m_w.initGain, &QDoubleSpinBox::valueChanged, model, &app::LabModel::setInitGain);
    if (m_w.initSeed)
        connect(m_w.initSeed, &QSpinBox::valueChanged, this,
                [this](int seed) { m_model.setInitSeed(static_cast<quint64>(seed)); });
    if (m_w.reseed)
        connect(m_w.reseed, &QPushButton::clicked, model, &app::LabModel::reseed);
    if (m_w.optimizer)
        connect(m_w.optimizer, &QComboBox::activated, this,
                [this] { m_model.setOptimizer(currentEnum<core::OptimizerKind>(m_w.optimizer)); });
    if (m_w.learningRate)
        connect(m_w.learningRate, &QDoubleSpinBox::valueChanged, model, &app::LabModel::setLearningRate);
    if (m_w.learningRateSlider)
        connect(m_w.learningRateSlider, &QSlider::valueChanged, this,
                [this](int position) { m_model.setLearningRate(learningRateAt(position)); });
    if (m_w.weightDecay)
        connect(m_w.weightDecay, &QDoubleSpinBox::valueChanged, model, &app::LabModel::setWeightDecay);
    if (m_w.l1)
        connect(m_w.l1, &QDoubleSpinBox::valueChanged, model, &app::LabModel::setL1);
    if (m_w.batch)
        connect(m_w.batch, &QComboBox::activated, this,
                [this] { m_model.setBatchSize(m_w.batch->currentData().toInt()); });
    if (m_w.precision)
        connect(m_w.precision, &QComboBox::activated, this,
                [this] { m_model.setPrecision(currentEnum<core::Precision>(m_w.precision)); });
}

void TrainingSettingsBinding::show()
{
    selectData(m_w.dataset, m_model.dataset());
    selectData(m_w.init, m_model.initialization());
    selectData(m_w.optimizer, m_model.optimizer());
    selectData(m_w.precision, m_model.precision());
    if (m_w.bias) {
        const QSignalBlocker blocker(m_w.bias);
        const double value = m_model.biasInit() == core::BiasInit::Zero ? 0.0 : m_model.biasValue();
        int index = m_w.bias->findData(value);
        if (index < 0) { // a constant not offered (set elsewhere): offered from now on
            m_w.bias->addItem(QLocale().toString(value), value);
            index = m_w.bias->count() - 1;
        }
        m_w.bias->setCurrentIndex(index);
    }
    if (m_w.batch) {
        const QSignalBlocker blocker(m_w.batch);
        m_w.batch->setCurrentIndex(std::max(0, m_w.batch->findData(m_model.batchSize())));
    }
    setSpin(m_w.points, m_model.points());
    setSpin(m_w.noise, m_model.noise());
    setSpin(m_w.dataSeed, clampedSeed(m_model.dataSeed()));
    setSpin(m_w.depth, m_model.depth());
    setSpin(m_w.width, m_model.width());
    setSpin(m_w.initSeed, clampedSeed(m_model.initSeed()));
    setSpin(m_w.learningRate, m_model.learningRate());
    setSpin(m_w.learningRateSlider, sliderPositionFor(m_model.learningRate()));
    setSpin(m_w.initGain, m_model.initGain());
    setSpin(m_w.weightDecay, m_model.weightDecay());
    setSpin(m_w.l1, m_model.l1());
}

} // namespace relulab::ui
