#include "borndeadtab.h"

#include "ui_borndeadtab.h"

#include <QHeaderView>
#include <QLocale>
#include <QShortcut>
#include <QSignalBlocker>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <variant>

#include "app/integerlist.h"
#include "readable.h"

namespace relulab::ui {

namespace {

// One colour per width, Okabe-Ito without its yellow (unreadable on white), so that the curves
// stay apart for the common colour-vision deficiencies.
QColor widthColor(int index)
{
    static const QColor colors[] = {QColor(0xD5, 0x5E, 0x00), QColor(0xE6, 0x9F, 0x00),
                                    QColor(0x00, 0x9E, 0x73), QColor(0x00, 0x72, 0xB2),
                                    QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9),
                                    QColor(0x00, 0x00, 0x00), QColor(0x99, 0x99, 0x99)};
    return colors[index % 8];
}

// "2, 3,4": distinct whole numbers in [min, max] (app::parseIntegerList), or the first mistake in
// words. `what` is the field as the user reads it ("Widths"), `item` one of its values ("width").
std::variant<std::vector<int>, QString> parseList(const QString &text, const QString &what,
                                                  const QString &item, int min, int max)
{
    const auto parsed = app::parseIntegerList(
            text, {.minimum = min, .maximum = max, .distinct = true, .spacesAllowed = true});
    if (const auto *values = std::get_if<std::vector<int>>(&parsed))
        return *values;
    const app::IntegerListMistake &mistake = std::get<app::IntegerListMistake>(parsed);
    switch (mistake.kind) {
    case app::IntegerListMistake::Kind::Empty:
    case app::IntegerListMistake::Kind::TooManyEntries: // no limit here
        return BornDeadTab::tr("%1: enter at least one %2, e.g. 2,5,10").arg(what, item);
    case app::IntegerListMistake::Kind::EmptyEntry:
        return BornDeadTab::tr("%1: there is an empty entry between two commas").arg(what);
    case app::IntegerListMistake::Kind::NotAnInteger:
        return BornDeadTab::tr("%1: “%2” is not a whole number").arg(what, mistake.entry);
    case app::IntegerListMistake::Kind::OutOfRange:
        return BornDeadTab::tr("%1: %2 is not between %3 and %4").arg(what, mistake.entry).arg(min).arg(max);
    case app::IntegerListMistake::Kind::Repeated:
        break;
    }
    return BornDeadTab::tr("%1: %2 is given twice").arg(what, mistake.entry);
}

QTableWidgetItem *numberItem(const QString &text, double value)
{
    auto *item = new QTableWidgetItem(text);
    item->setData(Qt::UserRole, value); // the exact number behind the rounded text
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

// RAI's points sit a little to the right of He's on the logarithmic depth axis, so that the two
// error bars of one cell never hide each other.
constexpr double SeriesOffset = 1.045;

} // namespace

BornDeadTab::BornDeadTab(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<::Ui::BornDeadTab>())
{
    m_ui->setupUi(this);
    m_ui->bornDeadSplitter->setSizes({520, 300});
    populateChoices();
    setUpPlot();
    setUpTable();
    connectControls();
    showModel();
    m_elapsedTimer.setInterval(100);
    setStatus([] { return tr("Press Start to draw the networks."); });
    retranslate();
}

BornDeadTab::~BornDeadTab() = default;

void BornDeadTab::changeEvent(QEvent *event)
{
    // m_status is set last in the constructor: no retranslating a half-built tab.
    if (event->type() == QEvent::LanguageChange && m_status)
        retranslate();
    QWidget::changeEvent(event);
}

void BornDeadTab::retranslate()
{
    m_ui->retranslateUi(this);
    showChoiceTexts();
    showPlotTexts();
    showTableTexts();
    m_ui->runStatusLabel->setText(m_status());
    validateInputs(); // the message under the grid, if any
    m_ui->explanationLabel->setText(
            tr("<p><b>Born dead.</b> A deep ReLU network with symmetric initialisation is "
               "<i>born dead</i> – some hidden layer is zero at every input, so the network "
               "computes a constant and no gradient reaches the layers below it – with a "
               "probability that tends to 1 as the depth grows, the faster the narrower the "
               "layers (Lu, Shin, Su &amp; Karniadakis 2019, <a "
               "href='https://arxiv.org/abs/1903.06733'>Dying ReLU and Initialization: Theory "
               "and Numerical Examples</a>).</p>"
               "<p>Each point is the fraction of random networks born dead, with its 95 % "
               "Wilson interval. With zero biases a network is dead <i>at one given input</i> "
               "with probability exactly 1 − (1 − 2<sup>−N</sup>)<sup>L</sup> (dashed): each "
               "layer is zero there with probability 2<sup>−N</sup>. The crosses are that "
               "figure simulated. Randomized asymmetric initialization (RAI) keeps far more "
               "narrow networks alive.</p>"));
}

void BornDeadTab::setStatus(std::function<QString()> text)
{
    m_status = std::move(text);
    m_ui->runStatusLabel->setText(m_status());
}

void BornDeadTab::showChoiceTexts()
{
    QComboBox *dims = m_ui->inputDimCombo;
    for (int i = 0; i < dims->count(); ++i)
        dims->setItemText(
                i, dims->itemData(i).toInt() == 1 ? tr("1: x in [−1, 1]") : tr("2: x in [−1, 1]²"));
    QComboBox *inits = m_ui->bornDeadInitCombo;
    for (int i = 0; i < inits->count(); ++i)
        inits->setItemText(i,
                           static_cast<core::BornDeadInit>(inits->itemData(i).toInt())
                                           == core::BornDeadInit::HeNormal
                                   ? tr("He normal (symmetric)")
                                   : tr("RAI (randomized asymmetric)"));
    QComboBox *biases = m_ui->bornDeadBiasCombo;
    for (int i = 0; i < biases->count(); ++i)
        biases->setItemText(i,
                            static_cast<core::BornDeadBias>(biases->itemData(i).toInt())
                                            == core::BornDeadBias::Zero
                                    ? tr("Zero")
                                    : tr("Normal, like the weights"));
}

void BornDeadTab::showPlotTexts()
{
    QCustomPlot *plot = m_ui->bornDeadPlot;
    plot->xAxis->setLabel(tr("depth L (hidden layers)"));
    plot->yAxis->setLabel(tr("probability of being born dead"));
    // One legend entry per width (the first series'); the black keys tell the series apart.
    for (auto &[key, curve] : m_curves)
        curve.estimate->setName(tr("width N = %1").arg(key.second));
    for (const auto &[graph, key] : m_legendKeys) {
        switch (key) {
        case LegendKey::HeNormal:
            graph->setName(tr("He normal"));
            break;
        case LegendKey::Rai:
            graph->setName(tr("RAI"));
            break;
        case LegendKey::Oracle:
            graph->setName(tr("oracle 1 − (1 − 2⁻ᴺ)ᴸ"));
            break;
        case LegendKey::DeadAtInput:
            graph->setName(tr("dead at one input"));
            break;
        }
    }
    auto *title = qobject_cast<QCPTextElement *>(plot->plotLayout()->element(0, 0));
    if (title && !m_shownSeries.empty()) {
        const core::BornDeadConfig &first = m_shownSeries.front();
        const bool compare = m_shownSeries.size() > 1;
        const QString init = compare
                ? tr("He normal vs RAI")
                : (first.init == core::BornDeadInit::HeNormal ? tr("He normal") : tr("RAI"));
        const QString bias = first.init == core::BornDeadInit::RandomizedAsymmetric && !compare
                ? QString()
                : (first.bias == core::BornDeadBias::Zero ? tr(", zero biases") : tr(", normal biases"));
        title->setText(tr("Born dead before training: %1%2, d = %3, %4 networks per cell")
                               .arg(init, bias)
                               .arg(first.inputDim)
                               .arg(QLocale().toString(static_cast<qulonglong>(first.networks))));
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void BornDeadTab::showTableTexts()
{
    QTableWidget *table = m_ui->resultsTable;
    // The headers are relulab-cli's CSV column names, the same in every language; their tooltips
    // explain them.
    const QStringList tips {
            tr("The initialisation of this row's networks"),
            tr("N, units per hidden layer"),
            tr("L, hidden layers"),
            tr("Random networks drawn for this cell"),
            tr("How many of them were born dead: a hidden layer zero at every sampled input"),
            tr("The fraction born dead"),
            tr("Lower end of the 95 % Wilson interval of p"),
            tr("Upper end of the 95 % Wilson interval of p"),
            tr("The fraction dead at the one input (1, …, 1)"),
            tr("1 − (1 − 2^−N)^L: the exact probability of being dead at one input with "
               "symmetric weights and zero biases")};
    for (int c = 0; c < ColumnCount; ++c) {
        if (QTableWidgetItem *header = table->horizontalHeaderItem(c))
            header->setToolTip(tips.at(c));
    }
    for (int row = 0; row < table->rowCount(); ++row) {
        if (QTableWidgetItem *init = table->item(row, InitColumn))
            init->setText(seriesName(init->data(Qt::UserRole).toInt()));
    }
}

void BornDeadTab::populateChoices()
{
    // The values: showModel().
    m_ui->widthsEdit->setPlaceholderText(QStringLiteral("2,3,4,5,10"));
    m_ui->depthsEdit->setPlaceholderText(QStringLiteral("2,5,10,20,50"));
    m_ui->networksSpin->setRange(1, static_cast<int>(core::BornDeadMaxNetworks));
    m_ui->networksSpin->setGroupSeparatorShown(true);
    m_ui->networksSpin->setSingleStep(1000);
    m_ui->inputsSpin->setRange(0, static_cast<int>(core::BornDeadMaxInputs));
    m_ui->inputsSpin->setGroupSeparatorShown(true);
    m_ui->inputsSpin->setSingleStep(500);
    for (int d = 1; d <= core::BornDeadMaxInputDim; ++d)
        m_ui->inputDimCombo->addItem(QString(), d); // texts: showChoiceTexts()
    m_ui->bornDeadInitCombo->addItem(QString(), static_cast<int>(core::BornDeadInit::HeNormal));
    m_ui->bornDeadInitCombo->addItem(QString(),
                                     static_cast<int>(core::BornDeadInit::RandomizedAsymmetric));
    m_ui->bornDeadBiasCombo->addItem(QString(), static_cast<int>(core::BornDeadBias::Zero));
    m_ui->bornDeadBiasCombo->addItem(QString(), static_cast<int>(core::BornDeadBias::Normal));
    m_ui->bornDeadSeedSpin->setRange(0, static_cast<int>(app::BornDeadModel::MaxSeed));
}

void BornDeadTab::showModel()
{
    // A grid field shows the model's list only when the list changed in the model: a list being
    // typed (perhaps not valid yet) stays as it is while another setting changes.
    const auto showList = [](QLineEdit *edit, std::vector<int> &shown, const std::vector<int> &list) {
        if (shown == list)
            return;
        shown = list;
        edit->setText(app::joinIntegerList(list)); // validateInputs() follows
    };
    showList(m_ui->widthsEdit, m_shownWidths, m_model.widths());
    showList(m_ui->depthsEdit, m_shownDepths, m_model.depths());
    const auto showNumber = [](QSpinBox *spin, quint64 value) {
        const QSignalBlocker blocker(spin);
        spin->setValue(static_cast<int>(value));
    };
    showNumber(m_ui->networksSpin, m_model.networks());
    showNumber(m_ui->inputsSpin, m_model.inputs());
    showNumber(m_ui->bornDeadSeedSpin, m_model.seed());
    const auto showChoice = [](QComboBox *combo, int value) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(combo->findData(value));
    };
    showChoice(m_ui->inputDimCombo, m_model.inputDim());
    showChoice(m_ui->bornDeadInitCombo, static_cast<int>(m_model.init()));
    showChoice(m_ui->bornDeadBiasCombo, static_cast<int>(m_model.bias()));
    {
        const QSignalBlocker blocker(m_ui->compareCheck);
        m_ui->compareCheck->setChecked(m_model.compare());
    }
    updateEnabledControls();
}

void BornDeadTab::connectControls()
{
    connect(m_ui->widthsEdit, &QLineEdit::textChanged, this, &BornDeadTab::validateInputs);
    connect(m_ui->depthsEdit, &QLineEdit::textChanged, this, &BornDeadTab::validateInputs);
    connect(m_ui->widthsEdit, &QLineEdit::returnPressed, this, &BornDeadTab::start);
    connect(m_ui->depthsEdit, &QLineEdit::returnPressed, this, &BornDeadTab::start);
    // Every edit goes to the model; the model's changed() shows it back (showModel()).
    connect(m_ui->networksSpin, &QSpinBox::valueChanged, &m_model,
            [this](int networks) { m_model.setNetworks(static_cast<quint64>(networks)); });
    connect(m_ui->inputsSpin, &QSpinBox::valueChanged, &m_model,
            [this](int inputs) { m_model.setInputs(static_cast<quint64>(inputs)); });
    connect(m_ui->bornDeadSeedSpin, &QSpinBox::valueChanged, &m_model,
            [this](int seed) { m_model.setSeed(static_cast<quint64>(seed)); });
    connect(m_ui->inputDimCombo, &QComboBox::currentIndexChanged, &m_model,
            [this] { m_model.setInputDim(m_ui->inputDimCombo->currentData().toInt()); });
    connect(m_ui->bornDeadInitCombo, &QComboBox::currentIndexChanged, &m_model, [this] {
        m_model.setInit(static_cast<core::BornDeadInit>(m_ui->bornDeadInitCombo->currentData().toInt()));
    });
    connect(m_ui->bornDeadBiasCombo, &QComboBox::currentIndexChanged, &m_model, [this] {
        m_model.setBias(static_cast<core::BornDeadBias>(m_ui->bornDeadBiasCombo->currentData().toInt()));
    });
    connect(m_ui->compareCheck, &QCheckBox::toggled, &m_model, &app::BornDeadModel::setCompare);
    connect(&m_model, &app::BornDeadModel::changed, this, &BornDeadTab::showModel);
    connect(m_ui->startButton, &QPushButton::clicked, this, &BornDeadTab::start);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &BornDeadTab::cancel);

    connect(&m_controller, &app::BornDeadController::cellReady, this, &BornDeadTab::showCell);
    connect(&m_controller, &app::BornDeadController::runningChanged, this,
            &BornDeadTab::onRunningChanged);
    connect(&m_controller, &app::BornDeadController::finished, this, &BornDeadTab::onFinished);
    connect(&m_controller, &app::BornDeadController::failed, this, &BornDeadTab::onFailed);
    connect(&m_elapsedTimer, &QTimer::timeout, this, &BornDeadTab::showElapsed);

    // Keyboard: Ctrl+Return starts, Esc cancels, anywhere in the tab.
    const auto shortcut = [this](const QKeySequence &key, auto slot) {
        auto *s = new QShortcut(key, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] { start(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this] { start(); });
    shortcut(QKeySequence(Qt::Key_Escape), [this] { cancel(); });
    updateEnabledControls();
}

void BornDeadTab::setUpPlot()
{
    QCustomPlot *plot = m_ui->bornDeadPlot;
    QFont font = plot->font();
    font.setPointSizeF(11);
    QFont tick = font;
    tick.setPointSizeF(10);
    for (QCPAxis *axis : plot->axisRect()->axes()) {
        axis->setLabelFont(font);
        axis->setTickLabelFont(tick);
    }
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->yAxis->setRange(0.0, 1.02);
    plot->plotLayout()->insertRow(0);
    auto *title = new QCPTextElement(plot, QString(), QFont(font.family(), 12, QFont::Bold));
    plot->plotLayout()->addElement(0, 0, title);
    // The legend in a column of its own right of the axes, where it never covers a curve, at the
    // top of that column (an empty element below takes the rest of the height).
    plot->legend->setVisible(true);
    plot->legend->setFont(tick);
    plot->legend->setBorderPen(Qt::NoPen);
    auto *legendColumn = new QCPLayoutGrid;
    plot->plotLayout()->addElement(1, 1, legendColumn);
    plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    legendColumn->addElement(0, 0, plot->legend);
    legendColumn->addElement(1, 0, new QCPLayoutElement(plot));
    legendColumn->setRowStretchFactor(0, 0.001);
    plot->legend->setMargins(QMargins(8, 4, 8, 4));
    prepareRun({core::BornDeadConfig {}});
}

void BornDeadTab::setUpTable()
{
    QTableWidget *table = m_ui->resultsTable;
    table->setColumnCount(ColumnCount);
    const QStringList headers {QStringLiteral("init"),          QStringLiteral("width"),
                               QStringLiteral("depth"),         QStringLiteral("networks"),
                               QStringLiteral("born_dead"),     QStringLiteral("p"),
                               QStringLiteral("ci_low"),        QStringLiteral("ci_high"),
                               QStringLiteral("dead_at_input"), QStringLiteral("oracle")};
    for (int c = 0; c < ColumnCount; ++c) // tooltips: showTableTexts()
        table->setHorizontalHeaderItem(c, new QTableWidgetItem(headers.at(c)));
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    keepHeaderTextsWhole(table->horizontalHeader());
    table->setColumnHidden(InitColumn, true);
}

void BornDeadTab::updateEnabledControls()
{
    const bool running = m_controller.isRunning();
    const bool compare = m_model.compare();
    const bool rai = !compare && m_model.init() == core::BornDeadInit::RandomizedAsymmetric;
    m_ui->bornDeadInitCombo->setEnabled(!compare);
    // RAI draws its biases itself: the choice only applies to He.
    m_ui->bornDeadBiasCombo->setEnabled(!rai);
    m_ui->startButton->setEnabled(m_inputError.isEmpty());
    m_ui->startButton->setText(running ? tr("Re&start") : tr("&Start"));
    m_ui->cancelButton->setEnabled(running);
}

void BornDeadTab::markInput(QLineEdit *edit, bool bad)
{
    edit->setStyleSheet(bad ? QStringLiteral("QLineEdit { border: 2px solid #B71C1C; }") : QString());
}

void BornDeadTab::validateInputs()
{
    const auto widths = parseList(m_ui->widthsEdit->text(), tr("Widths"), tr("width"),
                                  core::BornDeadMinWidth, core::BornDeadMaxWidth);
    const auto depths = parseList(m_ui->depthsEdit->text(), tr("Depths"), tr("depth"),
                                  core::BornDeadMinDepth, core::BornDeadMaxDepth);
    // A valid list is the model's at once; a mistake leaves the model with the last valid one.
    if (const auto *values = std::get_if<std::vector<int>>(&widths)) {
        m_shownWidths = *values;
        m_model.setWidths(*values);
    }
    if (const auto *values = std::get_if<std::vector<int>>(&depths)) {
        m_shownDepths = *values;
        m_model.setDepths(*values);
    }
    QString error;
    configs(&error);
    m_inputError = error;
    const bool widthsBad = std::holds_alternative<QString>(widths);
    const bool depthsBad = std::holds_alternative<QString>(depths);
    markInput(m_ui->widthsEdit, widthsBad);
    markInput(m_ui->depthsEdit, depthsBad);
    m_ui->gridErrorLabel->setText(error);
    m_ui->gridErrorLabel->setVisible(!error.isEmpty());
    m_ui->widthsEdit->setAccessibleDescription(widthsBad ? error : QString());
    m_ui->depthsEdit->setAccessibleDescription(depthsBad ? error : QString());
    updateEnabledControls();
}

QString BornDeadTab::inputError() const
{
    return m_inputError;
}

std::optional<std::vector<core::BornDeadConfig>> BornDeadTab::configs(QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto widths = parseList(m_ui->widthsEdit->text(), tr("Widths"), tr("width"),
                                  core::BornDeadMinWidth, core::BornDeadMaxWidth);
    if (const QString *message = std::get_if<QString>(&widths))
        return fail(*message);
    const auto depths = parseList(m_ui->depthsEdit->text(), tr("Depths"), tr("depth"),
                                  core::BornDeadMinDepth, core::BornDeadMaxDepth);
    if (const QString *message = std::get_if<QString>(&depths))
        return fail(*message);
    // The fields' lists are the model's (validateInputs() gave them to it).
    const std::vector<core::BornDeadConfig> series = m_model.series();
    for (const core::BornDeadConfig &c : series) {
        // The model is always valid, so this is a defect; say it rather than run nonsense.
        if (const auto problem = core::validate(c))
            return fail(tr("Cannot run this grid: %1").arg(QString::fromStdString(*problem)));
    }
    if (error)
        error->clear();
    return series;
}

bool BornDeadTab::start()
{
    const auto series = configs();
    if (!series)
        return false;
    const quint64 run = m_controller.start(*series);
    if (run == 0)
        return false;
    m_shownRun = run;
    prepareRun(*series);
    m_clock.start();
    m_elapsedTimer.start();
    showElapsed();
    return true;
}

void BornDeadTab::cancel()
{
    m_controller.cancel();
}

QString BornDeadTab::seriesName(int series) const
{
    if (series < 0 || static_cast<std::size_t>(series) >= m_shownSeries.size())
        return {};
    return m_shownSeries[static_cast<std::size_t>(series)].init == core::BornDeadInit::HeNormal
            ? tr("He")
            : tr("RAI");
}

void BornDeadTab::prepareRun(const std::vector<core::BornDeadConfig> &series)
{
    m_shownSeries = series;
    m_curves.clear();
    m_oracles.clear();
    m_legendKeys.clear();
    QCustomPlot *plot = m_ui->bornDeadPlot;
    plot->clearPlottables();
    const core::BornDeadConfig &first = series.front();
    const bool compare = series.size() > 1;

    // The depth axis: logarithmic, ticks at the grid's depths.
    const auto [minDepth, maxDepth] = std::minmax_element(first.depths.begin(), first.depths.end());
    const double low = *minDepth / 1.35;
    const double high = *maxDepth * 1.35 * (compare ? SeriesOffset : 1.0);
    plot->xAxis->setRange(low, high);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int depth : first.depths)
        ticker->addTick(depth, QString::number(depth));
    ticker->setSubTickCount(0);
    plot->xAxis->setTicker(ticker);

    for (std::size_t w = 0; w < first.widths.size(); ++w) {
        const int width = first.widths[w];
        const QColor color = widthColor(static_cast<int>(w));
        // The oracle as a smooth curve over the whole axis (it is defined for every depth).
        QCPGraph *oracle = plot->addGraph();
        oracle->setPen(QPen(color, 1.6, Qt::DashLine));
        QVector<double> keys;
        QVector<double> values;
        constexpr int OraclePoints = 120;
        for (int i = 0; i <= OraclePoints; ++i) {
            const double depth = low * std::pow(high / low, i / double(OraclePoints));
            keys.append(depth);
            values.append(1.0 - std::pow(1.0 - std::ldexp(1.0, -width), depth));
        }
        oracle->setData(keys, values, true);
        oracle->removeFromLegend();
        m_oracles[width] = oracle;

        for (std::size_t s = 0; s < series.size(); ++s) {
            const bool rai = series[s].init == core::BornDeadInit::RandomizedAsymmetric && compare;
            Curve curve;
            curve.estimate = plot->addGraph();
            curve.estimate->setPen(QPen(color, 2.2, rai ? Qt::DotLine : Qt::SolidLine));
            curve.estimate->setScatterStyle(
                    rai ? QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(color, 2), Qt::white, 8)
                        : QCPScatterStyle(QCPScatterStyle::ssDisc, color, 8));
            if (s > 0)
                curve.estimate->removeFromLegend();
            curve.bars = new QCPErrorBars(plot->xAxis, plot->yAxis);
            curve.bars->setDataPlottable(curve.estimate);
            curve.bars->setPen(QPen(color, 1.4));
            curve.bars->setWhiskerWidth(7);
            curve.bars->removeFromLegend();
            if (core::hasZeroBiases(series[s])) {
                curve.deadAtInput = plot->addGraph();
                curve.deadAtInput->setLineStyle(QCPGraph::lsNone);
                curve.deadAtInput->setScatterStyle(
                        QCPScatterStyle(QCPScatterStyle::ssCross, QPen(color, 1.8), Qt::NoBrush, 10));
                curve.deadAtInput->removeFromLegend();
            }
            m_curves[{static_cast<int>(s), width}] = std::move(curve);
        }
    }

    // Legend-only keys for the line styles, in black.
    const auto key = [&](LegendKey kind, const QPen &pen, const QCPScatterStyle &scatter) {
        QCPGraph *graph = plot->addGraph();
        graph->setPen(pen);
        graph->setScatterStyle(scatter);
        m_legendKeys.emplace_back(graph, kind);
    };
    if (compare) {
        key(LegendKey::HeNormal, QPen(Qt::black, 2.2),
            QCPScatterStyle(QCPScatterStyle::ssDisc, Qt::black, 8));
        key(LegendKey::Rai, QPen(Qt::black, 2.2, Qt::DotLine),
            QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(Qt::black, 2), Qt::white, 8));
    }
    key(LegendKey::Oracle, QPen(Qt::black, 1.6, Qt::DashLine), QCPScatterStyle());
    bool anyZeroBiases = false;
    for (const core::BornDeadConfig &c : series)
        anyZeroBiases = anyZeroBiases || core::hasZeroBiases(c);
    if (anyZeroBiases) {
        key(LegendKey::DeadAtInput, QPen(Qt::NoPen),
            QCPScatterStyle(QCPScatterStyle::ssCross, QPen(Qt::black, 1.8), Qt::NoBrush, 10));
        m_legendKeys.back().first->setLineStyle(QCPGraph::lsNone);
    }
    showPlotTexts();

    QTableWidget *table = m_ui->resultsTable;
    table->setRowCount(0);
    table->setColumnHidden(InitColumn, !compare);
    m_ui->progressBar->setRange(0, 1000);
    m_ui->progressBar->setValue(0);
}

void BornDeadTab::showCell(quint64 run, int series, const core::BornDeadCell &cell, qsizetype done,
                           qsizetype total)
{
    if (run != m_shownRun)
        return;
    const auto found = m_curves.find({series, cell.width});
    if (found == m_curves.end())
        return;
    Curve &curve = found->second;
    curve.cells.push_back(cell);
    std::vector<core::BornDeadCell> sorted = curve.cells;
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.depth < b.depth; });
    const bool rai = m_shownSeries.size() > 1 && series > 0;
    QVector<double> keys;
    QVector<double> values;
    QVector<double> below;
    QVector<double> above;
    QVector<double> deadAtInput;
    for (const core::BornDeadCell &c : sorted) {
        keys.append(c.depth * (rai ? SeriesOffset : 1.0));
        values.append(c.p);
        below.append(c.p - c.interval.low);
        above.append(c.interval.high - c.p);
        deadAtInput.append(c.deadAtInputFraction);
    }
    curve.estimate->setData(keys, values, true);
    curve.bars->setData(below, above);
    if (curve.deadAtInput)
        curve.deadAtInput->setData(keys, deadAtInput, true);
    appendRow(series, cell);
    m_ui->progressBar->setValue(
            total > 0 ? static_cast<int>(
                    std::lround(1000.0 * static_cast<double>(done) / static_cast<double>(total)))
                      : 0);
    m_ui->bornDeadPlot->replot(QCustomPlot::rpQueuedReplot);
    emit cellShown(run, series, cell.width, cell.depth);
}

void BornDeadTab::appendRow(int series, const core::BornDeadCell &cell)
{
    QTableWidget *table = m_ui->resultsTable;
    const int row = table->rowCount();
    table->insertRow(row);
    const auto fraction = [](double value) { return QString::number(value, 'f', 4); };
    const auto count = [](std::uint64_t value) {
        return QString::number(static_cast<qulonglong>(value));
    };
    auto *init = new QTableWidgetItem(seriesName(series));
    init->setData(Qt::UserRole, series); // to rename the row on a language switch
    table->setItem(row, InitColumn, init);
    table->setItem(row, WidthColumn, numberItem(QString::number(cell.width), cell.width));
    table->setItem(row, DepthColumn, numberItem(QString::number(cell.depth), cell.depth));
    table->setItem(row, NetworksColumn,
                   numberItem(count(cell.networks), static_cast<double>(cell.networks)));
    table->setItem(row, BornDeadColumn,
                   numberItem(count(cell.bornDead), static_cast<double>(cell.bornDead)));
    table->setItem(row, PColumn, numberItem(fraction(cell.p), cell.p));
    table->setItem(row, CiLowColumn, numberItem(fraction(cell.interval.low), cell.interval.low));
    table->setItem(row, CiHighColumn, numberItem(fraction(cell.interval.high), cell.interval.high));
    table->setItem(row, DeadAtInputColumn,
                   numberItem(fraction(cell.deadAtInputFraction), cell.deadAtInputFraction));
    table->setItem(row, OracleColumn, numberItem(fraction(cell.oracle), cell.oracle));
    table->scrollToItem(table->item(row, WidthColumn));
}

void BornDeadTab::onRunningChanged(bool running)
{
    if (!running)
        m_elapsedTimer.stop();
    updateEnabledControls();
}

void BornDeadTab::showElapsed()
{
    const double seconds = static_cast<double>(m_clock.elapsed()) / 1000.0;
    setStatus([this, seconds] {
        return tr("Running: %1 of %2 cells · %3 s")
                .arg(m_controller.cellsDone())
                .arg(m_controller.cellsTotal())
                .arg(seconds, 0, 'f', 1);
    });
}

void BornDeadTab::onFinished(quint64 run, bool cancelled, double seconds)
{
    if (run != m_shownRun)
        return;
    std::uint64_t networks = 0;
    std::size_t cells = 0;
    for (const auto &[key, curve] : m_curves) {
        for (const core::BornDeadCell &cell : curve.cells)
            networks += cell.networks;
        cells += curve.cells.size();
    }
    const int threads = m_controller.threads() > 0 ? m_controller.threads()
                                                   : app::BornDeadController::defaultThreads();
    const double shownSeconds = cancelled ? static_cast<double>(m_clock.elapsed()) / 1000.0 : seconds;
    if (cancelled) {
        const std::size_t total = m_controller.cellsTotal() > 0 ? m_controller.cellsTotal() : cells;
        setStatus([cells, total, shownSeconds] {
            return tr("Cancelled after %1 of %2 cells (%3 s).")
                    .arg(cells)
                    .arg(total)
                    .arg(shownSeconds, 0, 'f', 1);
        });
    } else {
        m_ui->progressBar->setValue(m_ui->progressBar->maximum());
        setStatus([cells, networks, threads, shownSeconds] {
            return tr("%1 cells, %2 networks in %3 s on %n thread(s).", nullptr, threads)
                    .arg(cells)
                    .arg(QLocale().toString(static_cast<qulonglong>(networks)))
                    .arg(shownSeconds, 0, 'f', 2);
        });
    }
    emit runFinished(run, cancelled);
}

void BornDeadTab::onFailed(quint64 run, const QString &message)
{
    if (run != m_shownRun)
        return;
    setStatus([message] { return tr("The run stopped: %1").arg(message); });
    emit runFinished(run, true);
}

QCustomPlot *BornDeadTab::plot() const
{
    return m_ui->bornDeadPlot;
}

QTableWidget *BornDeadTab::table() const
{
    return m_ui->resultsTable;
}

QCPGraph *BornDeadTab::estimateGraph(int series, int width) const
{
    const auto found = m_curves.find({series, width});
    return found == m_curves.end() ? nullptr : found->second.estimate;
}

QCPErrorBars *BornDeadTab::errorBars(int series, int width) const
{
    const auto found = m_curves.find({series, width});
    return found == m_curves.end() ? nullptr : found->second.bars;
}

QCPGraph *BornDeadTab::deadAtInputGraph(int series, int width) const
{
    const auto found = m_curves.find({series, width});
    return found == m_curves.end() ? nullptr : found->second.deadAtInput;
}

QCPGraph *BornDeadTab::oracleGraph(int width) const
{
    const auto found = m_oracles.find(width);
    return found == m_oracles.end() ? nullptr : found->second;
}

QString BornDeadTab::statusText() const
{
    return m_ui->runStatusLabel->text();
}

} // namespace relulab::ui
