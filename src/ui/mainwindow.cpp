#include "mainwindow.h"

#include "ui_mainwindow.h"

#include <QBuffer>
#include <QCheckBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QSettings>
#include <QShortcut>
#include <QUrl>
#include <QImageWriter>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QSignalBlocker>
#include <QStandardPaths>

#include "app/codesnippets.h"
#include "app/dataexport.h"
#include "app/preset.h"
#include "app/userfiles.h"
#include "borndeadtab.h"
#include "codedialog.h"
#include "exportfiguredialog.h"
#include "core/parallel.h"
#include "curveplots.h"
#include "functioninfo.h"
#include "helpbrowser.h"
#include "gradientflowtab.h"
#include "labtab.h"
#include "racetab.h"
#include "coretext.h"
#include "language.h"
#include "lessons.h"
#include "readable.h"
#include "presentation.h"
#include "relulab/version.h"
#include "sliderspinbinding.h"
#include "style.h"

namespace relulab::ui {

using app::ParameterModel;
using core::Activation;

namespace {

constexpr int KindRole = Qt::UserRole;

Activation kindOf(const QListWidgetItem *item)
{
    return static_cast<Activation>(item->data(KindRole).toInt());
}

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pixmap);
}

QString displayName(Activation kind)
{
    return activationName(kind);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<::Ui::MainWindow>())
{
    m_ui->setupUi(this);
    m_plots = std::make_unique<CurvePlots>(m_ui->activationPlot, m_ui->derivativePlot,
                                           m_ui->slopeHistogramPlot);
    m_alphaBinding = new SliderSpinBinding(&m_model, m_ui->alphaSlider, m_ui->alphaSpin, this);
    m_lowerBinding = new SliderSpinBinding(&m_model, m_ui->lowerSlider, m_ui->lowerSpin, this);
    m_upperBinding = new SliderSpinBinding(&m_model, m_ui->upperSlider, m_ui->upperSpin, this);
    m_xMinBinding = new SliderSpinBinding(&m_model, m_ui->xMinSlider, m_ui->xMinSpin, this);
    m_xMaxBinding = new SliderSpinBinding(&m_model, m_ui->xMaxSlider, m_ui->xMaxSpin, this);
    m_lowerBinding->bind(ParameterModel::Real::RreluLower);
    m_upperBinding->bind(ParameterModel::Real::RreluUpper);
    m_xMinBinding->bind(ParameterModel::Real::XMin);
    m_xMaxBinding->bind(ParameterModel::Real::XMax);

    m_ui->samplesSpin->setRange(ParameterModel::MinSamples, ParameterModel::MaxSamples);
    m_ui->samplesSpin->setSingleStep(1000);
    m_ui->samplesSpin->setGroupSeparatorShown(true);
    m_ui->samplesSpin->setValue(m_model.samples());

    m_timingLabel = new QLabel(tr("compute – ms + redraw – ms"), this);
    m_timingLabel->setObjectName(QStringLiteral("timingLabel"));
    m_timingLabel->setToolTip(tr("Time of the last compute (on the worker thread) and redraw"));
    statusBar()->addPermanentWidget(m_timingLabel);
    m_ui->boundsNote->setText(boundsNoteText());
    // The note keeps the height of its tallest text, so that the panel does not grow and shrink
    // (and its scroll bar come and go under the mouse) when a bound is pushed.
    m_ui->boundsNote->installEventFilter(this);
    m_boundsNoteTimer.setSingleShot(true);
    m_boundsNoteTimer.setInterval(2500);
    m_resampleTimer.setInterval(AnimationIntervalMs);

    m_lab = new LabTab(&m_model, this);
    m_ui->tabs->addTab(m_lab, tr("Dead neurons"));
    m_gradientFlow = new GradientFlowTab(*m_lab, this);
    m_ui->tabs->addTab(m_gradientFlow, tr("Gradient flow"));
    m_race = new RaceTab(&m_model, this);
    m_ui->tabs->addTab(m_race, tr("Activation race"));
    m_bornDead = new BornDeadTab(this);
    m_ui->tabs->addTab(m_bornDead, tr("Born dead"));

    populateActivationList();
    connectControls();
    addFunctionShortcuts();
    addTabShortcuts();
    // Every plot, the ones tabs add later too, keeps its ticks, titles and legends readable at any
    // size (the minimum window, presentation mode).
    keepPlotsReadable(this);
    m_presentation = new Presentation(this, m_ui->viewMenu);
    m_lessons = new Lessons(this, m_ui->helpMenu);
    m_help = new HelpBrowser(this, m_ui->helpMenu);
    Language::instance().addMenu(m_ui->viewMenu);
    showSelectedActivation(m_model.selectedActivation());
    showRreluMode(m_model.rreluMode());
    m_curves.follow(&m_model);
}

MainWindow::~MainWindow() = default;

void MainWindow::populateActivationList()
{
    QListWidget *list = m_ui->activationList;
    const QSignalBlocker blocker(list);
    for (const core::ActivationInfo &info : core::allActivations()) {
        auto *item = new QListWidgetItem(swatch(activationColor(info.kind)), QString(), list);
        item->setData(KindRole, static_cast<int>(info.kind));

        // Comparison overlays are check boxes of their own: in a list, ticking a row would also
        // select it, and the selected function is never an overlay.
        auto *box = new QCheckBox(m_ui->comparisonGroup);
        box->setIcon(swatch(activationColor(info.kind)));
        box->setObjectName(QStringLiteral("compare_%1").arg(QLatin1String(info.cliName.data())));
        const int index = static_cast<int>(info.kind);
        m_ui->comparisonLayout->addWidget(box, index / 2, index % 2);
        connect(box, &QCheckBox::toggled, this,
                [this, kind = info.kind](bool on) { m_model.setOverlay(kind, on); });
        m_comparisonBoxes.append(box);
    }
    showActivationTexts();
    // Two columns, tall enough for every function without scrolling, so the whole control panel
    // fits beside the plots on a laptop screen.
    list->setFlow(QListView::LeftToRight);
    list->setWrapping(true);
    list->setResizeMode(QListView::Adjust);
    list->setUniformItemSizes(true);
    const int rowHeight = list->sizeHintForRow(0) + 4;
    // 132 px: two columns still fit when the control panel is at its minimum width (a lesson
    // panel docked beside the window).
    const QSize cell(132, rowHeight);
    list->setGridSize(cell);
    for (int row = 0; row < list->count(); ++row)
        list->item(row)->setSizeHint(cell - QSize(4, 0));
    const int rows = (list->count() + 1) / 2;
    list->setFixedHeight(rows * rowHeight + 2 * list->frameWidth() + 4);
}

// The functions' names and tooltips, in the list and on the comparison boxes.
void MainWindow::showActivationTexts()
{
    QListWidget *list = m_ui->activationList;
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem *item = list->item(row);
        const Activation kind = kindOf(item);
        item->setText(displayName(kind));
        item->setToolTip(core::activationInfo(kind).isRectifier
                                 ? tr("%1: a rectifier, the subject of this lab.").arg(displayName(kind))
                                 : tr("%1, for comparison.").arg(displayName(kind)));
    }
    for (const core::ActivationInfo &info : core::allActivations()) {
        QCheckBox *box = m_comparisonBoxes[static_cast<int>(info.kind)];
        box->setText(displayName(info.kind));
        box->setToolTip(tr("Draw %1 faintly behind the selected function.").arg(displayName(info.kind)));
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_help)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    m_ui->retranslateUi(this);
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_lab), tr("Dead neurons"));
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_gradientFlow), tr("Gradient flow"));
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_race), tr("Activation race"));
    m_ui->tabs->setTabText(m_ui->tabs->indexOf(m_bornDead), tr("Born dead"));
    m_timingLabel->setText(m_drawnGeneration > 0 ? timingText() : tr("compute – ms + redraw – ms"));
    m_timingLabel->setToolTip(tr("Time of the last compute (on the worker thread) and redraw"));
    m_boundsNoteTimer.stop();
    m_ui->boundsNote->setText(boundsNoteText());
    reserveBoundsNoteHeight();
    showActivationTexts();
    // The alpha label and tooltips, and the information panel, follow the selected function.
    showSelectedActivation(m_model.selectedActivation());
    m_plots->retranslate();
}

void MainWindow::connectControls()
{
    connect(m_ui->activationList, &QListWidget::currentItemChanged, this,
            &MainWindow::onCurrentItemChanged);
    connect(&m_model, &ParameterModel::selectedActivationChanged, this,
            &MainWindow::showSelectedActivation);
    connect(&m_model, &ParameterModel::overlaysChanged, this, &MainWindow::showOverlays);
    connect(&m_model, &ParameterModel::rreluModeChanged, this, &MainWindow::showRreluMode);
    connect(&m_model, &ParameterModel::boundPushed, this, &MainWindow::onBoundPushed);
    connect(&m_model, &ParameterModel::samplesChanged, this, [this](int samples) {
        const QSignalBlocker blocker(m_ui->samplesSpin);
        m_ui->samplesSpin->setValue(samples);
    });
    connect(m_ui->samplesSpin, &QSpinBox::valueChanged, &m_model, &ParameterModel::setSamples);

    connect(m_ui->trainingModeButton, &QRadioButton::toggled, this, [this](bool checked) {
        if (checked)
            m_model.setRreluMode(core::RreluMode::Training);
    });
    connect(m_ui->evaluationModeButton, &QRadioButton::toggled, this, [this](bool checked) {
        if (checked)
            m_model.setRreluMode(core::RreluMode::Evaluation);
    });
    connect(m_ui->resampleButton, &QPushButton::clicked, &m_model, &ParameterModel::resampleRrelu);
    connect(m_ui->animateCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_resampleTimer.start();
        else
            m_resampleTimer.stop();
    });
    connect(&m_resampleTimer, &QTimer::timeout, &m_model, &ParameterModel::resampleRrelu);
    connect(&m_boundsNoteTimer, &QTimer::timeout, this,
            [this] { m_ui->boundsNote->setText(boundsNoteText()); });

    // The timings are the explorer's curves': on another tab they would describe what is not shown
    // (each of the other tabs states its own speed).
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this] {
        m_timingLabel->setVisible(m_ui->tabs->currentWidget() == m_ui->explorerPage);
    });
    connect(&m_curves, &app::CurveService::curvesReady, this, &MainWindow::onCurvesReady);
    connect(m_plots.get(), &CurvePlots::drawn, this, &MainWindow::onCurvesDrawn);

    connect(m_ui->saveScreenshotAction, &QAction::triggered, this, &MainWindow::saveWindowImage);
    m_ui->saveScreenshotAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_ui->exportFigureAction, &QAction::triggered, this, &MainWindow::showExportFigureDialog);
    m_ui->exportFigureAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_ui->exportDataAction, &QAction::triggered, this, &MainWindow::exportDataFromDialog);
    connect(&m_exports, &app::ExportService::written, this, &MainWindow::onExportWritten);
    connect(m_ui->copyAsCodeAction, &QAction::triggered, this, &MainWindow::showCodeDialog);
    m_ui->copyAsCodeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    m_ui->quitAction->setShortcut(QKeySequence::Quit);
    connect(m_ui->resetParametersAction, &QAction::triggered, this, &MainWindow::resetEverything);
    connect(m_ui->openPresetAction, &QAction::triggered, this, &MainWindow::openPresetFromDialog);
    m_ui->openPresetAction->setShortcut(QKeySequence::Open);
    connect(m_ui->savePresetAction, &QAction::triggered, this, &MainWindow::savePresetToCurrent);
    m_ui->savePresetAction->setShortcut(QKeySequence::Save);
    connect(m_ui->savePresetAsAction, &QAction::triggered, this, &MainWindow::savePresetAs);
    m_ui->savePresetAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_ui->recentPresetsMenu, &QMenu::aboutToShow, this, &MainWindow::showRecentPresets);
    setAcceptDrops(true);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

// Ctrl+1 to Ctrl+5 show the tabs in order (besides Ctrl+Tab and Ctrl+Page Down, which the tab
// widget knows). The tabs carry no Alt+letter of their own: the forms need every letter of the
// alphabet for their fields (tst_mnemonics), and a tab's letter would clash with one on some tab.
void MainWindow::addTabShortcuts()
{
    for (int i = 0; i < m_ui->tabs->count() && i < 9; ++i) {
        const QKeySequence key(Qt::CTRL | (Qt::Key_1 + i));
        auto *shortcut = new QShortcut(key, this);
        shortcut->setObjectName(QStringLiteral("showTab%1Shortcut").arg(i + 1));
        connect(shortcut, &QShortcut::activated, this, [this, i] { m_ui->tabs->setCurrentIndex(i); });
        m_ui->tabs->setTabToolTip(i, key.toString(QKeySequence::NativeText));
    }
}

// 1 to 9 select the first nine functions of the list while the explorer is shown. A spin box or
// line edit with focus takes its digits first (it accepts the ShortcutOverride), so typing a
// number never changes the function.
void MainWindow::addFunctionShortcuts()
{
    const QList<core::ActivationInfo> functions(core::allActivations().begin(),
                                                core::allActivations().end());
    for (int i = 0; i < 9 && i < functions.size(); ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::Key_1 + i), this);
        shortcut->setObjectName(QStringLiteral("selectFunction%1Shortcut").arg(i + 1));
        connect(shortcut, &QShortcut::activated, this, [this, kind = functions.at(i).kind] {
            if (m_ui->tabs->currentWidget() == m_ui->explorerPage)
                m_model.setSelectedActivation(kind);
        });
    }
}

void MainWindow::showTab(Tab tab)
{
    if (tab == Tab::Race) {
        m_ui->tabs->setCurrentWidget(m_race);
        return;
    }
    if (tab == Tab::BornDead) {
        m_ui->tabs->setCurrentWidget(m_bornDead);
        return;
    }
    if (tab == Tab::GradientFlow) {
        m_ui->tabs->setCurrentWidget(m_gradientFlow);
        return;
    }
    m_ui->tabs->setCurrentIndex(tab == Tab::Explorer ? 0 : 1);
}

MainWindow::Tab MainWindow::currentTab() const
{
    if (m_ui->tabs->currentWidget() == m_bornDead)
        return Tab::BornDead;
    if (m_ui->tabs->currentWidget() == m_race)
        return Tab::Race;
    if (m_ui->tabs->currentWidget() == m_gradientFlow)
        return Tab::GradientFlow;
    return m_ui->tabs->currentIndex() == 1 ? Tab::Lab : Tab::Explorer;
}

MainWindow::Tab MainWindow::tabFor(app::PresetTab tab)
{
    switch (tab) {
    case app::PresetTab::Lab:
        return Tab::Lab;
    case app::PresetTab::BornDead:
        return Tab::BornDead;
    case app::PresetTab::Race:
        return Tab::Race;
    case app::PresetTab::GradientFlow:
        return Tab::GradientFlow;
    case app::PresetTab::Explorer:
        break;
    }
    return Tab::Explorer;
}

app::PresetTab MainWindow::presetTabFor(Tab tab)
{
    switch (tab) {
    case Tab::Lab:
        return app::PresetTab::Lab;
    case Tab::BornDead:
        return app::PresetTab::BornDead;
    case Tab::Race:
        return app::PresetTab::Race;
    case Tab::GradientFlow:
        return app::PresetTab::GradientFlow;
    case Tab::Explorer:
        break;
    }
    return app::PresetTab::Explorer;
}

app::PresetModels MainWindow::presetModels()
{
    return {m_model, m_lab->model(), m_race->model(), m_bornDead->model()};
}

QString MainWindow::openPreset(const QString &path)
{
    const app::PresetResult result = app::loadAndApplyPreset(path, presetModels());
    if (const auto *error = std::get_if<app::PresetError>(&result))
        return error->message;
    const app::LoadedPreset &loaded = std::get<app::LoadedPreset>(result);
    showTab(tabFor(loaded.preset.tab));
    m_presetPath = QFileInfo(path).absoluteFilePath();
    setWindowFilePath(m_presetPath);
    rememberPreset(m_presetPath);
    if (!loaded.warnings.isEmpty())
        statusBar()->showMessage(loaded.warnings.join(QStringLiteral("; ")), 8000);
    else
        statusBar()->showMessage(tr("Loaded %1").arg(QFileInfo(path).fileName()), 4000);
    return {};
}

QString MainWindow::savePreset(const QString &path)
{
    const app::Preset preset = app::capture(presetModels(), presetTabFor(currentTab()));
    if (const auto error = app::savePreset(preset, path))
        return *error;
    m_presetPath = QFileInfo(path).absoluteFilePath();
    setWindowFilePath(m_presetPath);
    rememberPreset(m_presetPath);
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    return {};
}

void MainWindow::showPresetError(const QString &title, const QString &error)
{
    // One problem a line: the first is the message, all of them the details.
    QMessageBox box(QMessageBox::Warning, title, error.section(QLatin1Char('\n'), 0, 0),
                    QMessageBox::Ok, this);
    if (error.contains(QLatin1Char('\n')))
        box.setDetailedText(error);
    box.exec();
}

void MainWindow::openPresetFromDialog()
{
    const QString folder = m_presetPath.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
            : QFileInfo(m_presetPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open preset"), folder,
                                                      tr("ReLU Lab presets (*.json)"));
    if (path.isEmpty())
        return;
    if (const QString error = openPreset(path); !error.isEmpty())
        showPresetError(tr("Could not open the preset"), error);
}

void MainWindow::savePresetToCurrent()
{
    if (m_presetPath.isEmpty()) {
        savePresetAs();
        return;
    }
    if (const QString error = savePreset(m_presetPath); !error.isEmpty())
        showPresetError(tr("Could not save the preset"), error);
}

void MainWindow::savePresetAs()
{
    const QString suggestion = m_presetPath.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                    + QStringLiteral("/relulab.json")
            : m_presetPath;
    QString path = QFileDialog::getSaveFileName(this, tr("Save preset as"), suggestion,
                                                tr("ReLU Lab presets (*.json)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        path += QStringLiteral(".json");
    if (const QString error = savePreset(path); !error.isEmpty())
        showPresetError(tr("Could not save the preset"), error);
}

QStringList MainWindow::recentPresets() const
{
    return QSettings().value(QStringLiteral("recentPresets")).toStringList();
}

void MainWindow::rememberPreset(const QString &path) const
{
    constexpr int MaxRecent = 8;
    QStringList recent = recentPresets();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecent)
        recent.removeLast();
    QSettings().setValue(QStringLiteral("recentPresets"), recent);
}

void MainWindow::showRecentPresets()
{
    QMenu *menu = m_ui->recentPresetsMenu;
    menu->clear();
    const QStringList recent = recentPresets();
    for (const QString &path : recent) {
        QAction *action = menu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        action->setEnabled(QFileInfo::exists(path));
        connect(action, &QAction::triggered, this, [this, path] {
            if (const QString error = openPreset(path); !error.isEmpty())
                showPresetError(tr("Could not open the preset"), error);
        });
    }
    if (recent.isEmpty())
        menu->addAction(tr("(none yet)"))->setEnabled(false);
}

void MainWindow::resetEverything()
{
    app::apply(app::Preset {}, presetModels());
    m_presentation->resetToDefaults();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()
        && urls.first().toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty())
        return;
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    if (const QString error = openPreset(path); !error.isEmpty())
        showPresetError(tr("Could not open the preset"), error);
}

void MainWindow::onCurrentItemChanged(QListWidgetItem *current)
{
    if (current)
        m_model.setSelectedActivation(kindOf(current));
}

void MainWindow::showSelectedActivation(Activation kind)
{
    QListWidget *list = m_ui->activationList;
    {
        const QSignalBlocker blocker(list);
        for (int row = 0; row < list->count(); ++row) {
            QListWidgetItem *item = list->item(row);
            QFont font = item->font();
            font.setBold(kindOf(item) == kind);
            item->setFont(font);
            if (kindOf(item) == kind)
                list->setCurrentItem(item);
        }
    }

    const std::optional<ParameterModel::Real> alpha = ParameterModel::alphaParameter(kind);
    m_alphaBinding->bind(alpha);
    QString label = tr("&alpha");
    QString tip = tr("%1 has no alpha parameter.").arg(displayName(kind));
    if (alpha == ParameterModel::Real::LeakySlope) {
        label = tr("slope &a");
        tip = tr("Leaky ReLU's negative slope a (PyTorch default 0.01).");
    } else if (alpha == ParameterModel::Real::PreluWeight) {
        label = tr("weight &a");
        tip = tr("PReLU's weight a: learned in training, here set by hand (PyTorch initialises it "
                 "to 0.25).");
    } else if (alpha == ParameterModel::Real::EluAlpha) {
        label = tr("&alpha");
        tip = tr("ELU's alpha: the value it saturates to is −alpha (PyTorch default 1).");
    }
    m_ui->alphaLabel->setText(label);
    m_ui->alphaSlider->setToolTip(tip);
    m_ui->alphaSpin->setToolTip(tip);
    m_ui->infoPanel->setHtml(FunctionInfo::withCodeBreaks(FunctionInfo::html(kind)));
    // The selected function is drawn boldly already; its own box would only draw it twice.
    for (const core::ActivationInfo &info : core::allActivations())
        m_comparisonBoxes[static_cast<int>(info.kind)]->setEnabled(info.kind != kind);
    updateEnabledControls();
}

void MainWindow::showOverlays()
{
    for (const core::ActivationInfo &info : core::allActivations()) {
        QCheckBox *box = m_comparisonBoxes[static_cast<int>(info.kind)];
        const QSignalBlocker blocker(box);
        box->setChecked(m_model.isOverlay(info.kind));
    }
    updateEnabledControls();
}

void MainWindow::showRreluMode(core::RreluMode mode)
{
    const bool training = mode == core::RreluMode::Training;
    {
        const QSignalBlocker trainingBlocker(m_ui->trainingModeButton);
        const QSignalBlocker evaluationBlocker(m_ui->evaluationModeButton);
        m_ui->trainingModeButton->setChecked(training);
        m_ui->evaluationModeButton->setChecked(!training);
    }
    if (!training)
        m_ui->animateCheck->setChecked(false);
    updateEnabledControls();
}

void MainWindow::updateEnabledControls()
{
    const bool rreluShown = m_model.selectedActivation() == Activation::Rrelu
            || m_model.isOverlay(Activation::Rrelu);
    const bool training = m_model.rreluMode() == core::RreluMode::Training;
    m_lowerBinding->bind(rreluShown ? std::optional(ParameterModel::Real::RreluLower) : std::nullopt);
    m_upperBinding->bind(rreluShown ? std::optional(ParameterModel::Real::RreluUpper) : std::nullopt);
    m_ui->boundsNote->setVisible(rreluShown);
    m_ui->rreluGroup->setEnabled(rreluShown);
    m_ui->resampleButton->setEnabled(rreluShown && training);
    m_ui->animateCheck->setEnabled(rreluShown && training);
    m_ui->slopeHistogramPlot->setVisible(m_model.selectedActivation() == Activation::Rrelu);
}

QString MainWindow::boundsNoteText(std::optional<ParameterModel::Real> pushed, double value)
{
    if (!pushed)
        return tr("lower ≤ upper: dragging one past the other pushes it along.");
    return *pushed == ParameterModel::Real::RreluUpper
            ? tr("<b>upper pushed up to %1</b> to stay ≥ lower").arg(value, 0, 'f', 3)
            : tr("<b>lower pushed down to %1</b> to stay ≤ upper").arg(value, 0, 'f', 3);
}

void MainWindow::reserveBoundsNoteHeight()
{
    QLabel *note = m_ui->boundsNote;
    QLabel probe;
    probe.setWordWrap(true);
    probe.setFont(note->font());
    probe.setTextFormat(note->textFormat());
    int tallest = 0;
    for (const QString &text :
         {boundsNoteText(), boundsNoteText(ParameterModel::Real::RreluUpper, 0.0),
          boundsNoteText(ParameterModel::Real::RreluLower, 0.0)}) {
        probe.setText(text);
        tallest = std::max(tallest, probe.heightForWidth(note->width()));
    }
    if (tallest > 0 && note->minimumHeight() != tallest)
        note->setMinimumHeight(tallest);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->boundsNote
        && (event->type() == QEvent::Resize || event->type() == QEvent::FontChange))
        reserveBoundsNoteHeight();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::onBoundPushed(ParameterModel::Real parameter, double value)
{
    m_ui->boundsNote->setText(boundsNoteText(parameter, value));
    m_boundsNoteTimer.start();
}

void MainWindow::onCurvesReady(const app::CurveResultPtr &result)
{
    m_lastComputeMilliseconds = result->computeMilliseconds;
    m_plots->show(result);
}

void MainWindow::onCurvesDrawn(quint64 generation, double redrawMilliseconds)
{
    m_drawnGeneration = generation;
    m_lastRedrawMilliseconds = redrawMilliseconds;
    m_timingLabel->setText(timingText());
    emit curvesDrawn(generation);
}

QString MainWindow::timingText() const
{
    return tr("compute %1 ms + redraw %2 ms")
            .arg(m_lastComputeMilliseconds, 0, 'f', 2)
            .arg(m_lastRedrawMilliseconds, 0, 'f', 2);
}

void MainWindow::saveWindowImage()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString file = QFileDialog::getSaveFileName(this, tr("Save window as PNG"),
                                                      folder + QStringLiteral("/relulab.png"),
                                                      tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    // Encoded in memory, then written as every output is (app::writeUserFile): an existing file
    // survives a failure, a device is never replaced.
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    const bool encoded = writer.write(grab().toImage());
    const std::optional<QString> failed = encoded ? app::writeUserFile(file, png) : std::nullopt;
    if (!encoded || failed) {
        QMessageBox::warning(this, tr("Could not save the image"),
                             encoded ? *failed
                                     : tr("%1 could not be written: %2").arg(file, writer.errorString()));
        return;
    }
    statusBar()->showMessage(tr("Saved %1").arg(file), 4000);
}

QWidget *MainWindow::currentPage() const
{
    return m_ui->tabs->currentWidget();
}

bool MainWindow::labShown() const
{
    return m_ui->tabs->currentWidget() == m_lab;
}

void MainWindow::showExportFigureDialog()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    auto *dialog = new ExportFigureDialog(m_ui->tabs->currentWidget(), this, &m_exports, folder, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportFigureDialog::exported, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Exported %1").arg(path), 4000);
    });
    dialog->open();
}

bool MainWindow::hasDataToExport() const
{
    return labShown() || m_ui->tabs->currentWidget() == m_ui->explorerPage;
}

QString MainWindow::exportData(const QString &path)
{
    if (!hasDataToExport())
        return tr("This tab has no data to export: Export data writes the function explorer's "
                  "curves or the dead-neuron lab's training history.");
    const QList<app::DataColumn> columns = labShown()
            ? m_lab->historyColumns()
            : (m_plots->shownResult() ? app::curveColumns(*m_plots->shownResult())
                                      : QList<app::DataColumn> {});
    if (columns.isEmpty())
        return tr("There is nothing to export yet: the curves have not been drawn.");
    if (path.isEmpty())
        return QCoreApplication::translate("relulab::app::DataExport", "No file name given.");
    // Formatting the CSV (up to 100,001 rows of five numbers) and writing it happen on the worker.
    m_dataExport = m_exports.write(path, [columns] {
        return app::ExportService::Produced {app::csvFromColumns(columns)};
    });
    return {};
}

void MainWindow::onExportWritten(quint64 id, const QString &path, const QString &error)
{
    if (id != m_dataExport)
        return;
    emit dataExported(path, error);
    if (error.isEmpty()) {
        statusBar()->showMessage(tr("Exported %1").arg(path), 4000);
        return;
    }
    // Not modal: the window goes on (and a script or test driving it is not held up).
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Could not export the data"), error,
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::exportDataFromDialog()
{
    if (!hasDataToExport()) {
        QMessageBox::information(this, tr("Export data"), exportData(QString()));
        return;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name =
            labShown() ? QStringLiteral("/training-history.csv") : QStringLiteral("/curves.csv");
    QString path = QFileDialog::getSaveFileName(
            this, labShown() ? tr("Export the training history") : tr("Export the curves"),
            folder + name, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    if (const QString error = exportData(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Could not export the data"), error);
    // Otherwise onExportWritten() says how it went.
}

QString MainWindow::torchCode() const
{
    if (labShown())
        return app::torchLabSnippet(m_lab->model().config());
    return app::torchExplorerSnippet(app::captureExplorer(m_model));
}

QString MainWindow::kerasCode() const
{
    if (labShown())
        return app::kerasLabSnippet(m_lab->model().config());
    return app::kerasExplorerSnippet(app::captureExplorer(m_model));
}

void MainWindow::showCodeDialog()
{
    // A function, so that the dialog words the note anew on a language switch.
    const auto note = [lab = labShown()] {
        return lab ? tr("The lab's network, initialisation, loss and optimiser. The frameworks "
                        "draw their own random numbers, so the initial weights differ from the "
                        "lab's.")
                   : tr("The selected function with its parameters, on the explorer's x range. "
                        "Keras has no RReLU layer: its code defines one.");
    };
    auto *dialog = new CodeDialog(note, torchCode(), kerasCode(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
            this, tr("About ReLU Lab"),
            tr("<h3>ReLU Lab %1</h3>"
               "<p>An interactive lab for the rectifier family of activation functions.</p>"
               "<p>Licence: GNU GPL version 3 or later.<br>Qt %2 · QCustomPlot %3 · "
               "OpenMP threads: %4</p>")
                    .arg(QString::fromLatin1(ProjectVersion), QString::fromLatin1(qVersion()),
                         QStringLiteral(QCUSTOMPLOT_VERSION_STR))
                    .arg(core::maxThreads()));
}

} // namespace relulab::ui
