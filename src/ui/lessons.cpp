#include "lessons.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <array>

#include "app/preset.h"
#include "language.h"
#include "labtab.h"
#include "mainwindow.h"

namespace relulab::ui {

namespace {

struct LessonText
{
    const char *preset;
    QString title;
    QString intro;
    QString tryThis;
    QString notice;
};

// The numbers quoted were measured with relulab-cli train and born-dead on the same settings
// (full batch, so every run of a lesson is the same).
std::array<LessonText, 8> lessonTexts()
{
    return {{
            {"1-relu-derivative", Lessons::tr("ReLU and its derivative"),
             Lessons::tr("ReLU passes a positive input unchanged and replaces a negative one by "
                         "zero: f(x) = max(0, x). Its derivative is a step, 1 for x &gt; 0 and 0 "
                         "for x &lt; 0. At x = 0 the function has a kink and, strictly, no "
                         "derivative; frameworks simply pick a value. PyTorch takes the x ≤ 0 "
                         "branch, so ReLU′(0) = 0: the filled dot in the lower plot. The open "
                         "circle is the limit from the right, 1."),
             Lessons::tr("Move the mouse over a plot to read x, f(x) and f′(x). The faint curve "
                         "is softplus, ln(1 + eˣ), a smooth ReLU: its derivative is the sigmoid, "
                         "a smooth step. Press 2 to select Leaky ReLU and drag its slope a: the "
                         "lower step of the derivative lifts off zero."),
             Lessons::tr("For every negative input ReLU's gradient is exactly zero. A unit whose "
                         "input is negative for every training example learns nothing at all: "
                         "that is a dead neuron (lessons 2 and 6).")},
            {"2-dying-relu", Lessons::tr("The dying ReLU at a high learning rate"),
             Lessons::tr("The lab trains the reference network — two spirals, 2-32-32-32-1 with "
                         "ReLU, He initialisation, plain SGD on the full batch — with a learning "
                         "rate of 5 instead of 0.1."),
             Lessons::tr("Press Play (Space). Within the first 25 steps one huge update pushes "
                         "most units below zero for every point: 61 of the 96 hidden units die "
                         "(1, 28 and 32 in the three layers). With the third layer entirely dead "
                         "the output is the same for every point: the loss stays at ln 2 ≈ 0.693, "
                         "the accuracy at 50 %, however long you train. Then drag the learning "
                         "rate to 2 and press Reset (R): after 1,000 steps 73 units are dead and "
                         "the accuracy is stuck near 65 %. At 0.1, the reference, the network "
                         "starts with 0, 4 and 7 dead units and reaches about 97 %."),
             Lessons::tr("A dead unit gets no gradient, so nothing in training brings it back; "
                         "only a change in the layers before it could. The learning rate, not "
                         "the data, decided how many units the network kept.")},
            {"3-leaky-relu", Lessons::tr("Leaky ReLU keeps units alive"),
             Lessons::tr("The same spirals and network, trained with Adam at a learning rate of "
                         "0.1 (high for Adam), with Leaky ReLU of slope a = 0.1: for x &lt; 0 "
                         "it gives a·x, so its gradient there is a, not zero."),
             Lessons::tr("Press Play and watch the dead counts. A loss spike near step 850 pushes "
                         "many units below zero on every point (20, 18 and 23 of 32), yet they "
                         "come back: 100 steps later the accuracy is above 95 % again, and after "
                         "a second spike near step 1,800 only 17, 5 and 1 are left at step 2,000, "
                         "with about 97 % accuracy. Then set the lab's activation to ReLU, "
                         "everything else unchanged, and run again: it too reaches about 97.7 %, "
                         "until a spike between steps 1,400 and 1,450 kills 87 of its 96 units "
                         "(26, 32 and 29). It never recovers: the accuracy stays at 50 %."),
             Lessons::tr("For Leaky ReLU a \"dead\" unit is one that is negative on every point, "
                         "but its gradient is a·δ instead of zero, so it keeps learning and can "
                         "return. Try a = 0.01, PyTorch's default: the network survives too, with "
                         "more units left negative. Keras layers default to 0.3, tf.nn.leaky_relu "
                         "to 0.2: check which one your code uses.")},
            {"4-prelu", Lessons::tr("PReLU learns its slope"),
             Lessons::tr("PReLU is Leaky ReLU whose slope a is learned by gradient descent with "
                         "the weights — here one a per layer, starting from PyTorch's 0.25. The "
                         "lab trains the reference experiment (SGD at 0.1) with PReLU."),
             Lessons::tr("Press Play and watch the chart of the learned slopes. After 2,000 "
                         "steps the first layer's a is about 0.29, the second's −0.39 and the "
                         "third's −2.9. Nothing keeps a between 0 and 1: with a negative a the "
                         "unit answers a negative input with a positive output, and the "
                         "activation is no longer monotonic. Tick \"one alpha per unit\" to learn "
                         "a slope per unit."),
             Lessons::tr("The accuracy ends near 97.7 %, like ReLU's, with no dead unit in the "
                         "first two layers. A shared a gathers the gradient of every unit of its "
                         "layer, so it moves fast: at a learning rate of 0.5 this run diverges "
                         "within 200 steps, where ReLU merely loses units.")},
            {"5-rrelu", Lessons::tr("RReLU in training and evaluation; the paper and PyTorch"),
             Lessons::tr("RReLU (Xu et al. 2015) is a leaky ReLU whose slope is random in "
                         "training: every element draws its own a from U(lower, upper), "
                         "PyTorch's defaults being 1/8 and 1/3. In evaluation it uses the fixed "
                         "mean slope (lower + upper) / 2 = 11/48 ≈ 0.229."),
             Lessons::tr("The explorer shows training mode: each sample point has its own slope, "
                         "so the negative half is a cloud between the dashed lines x/8 and x/3. "
                         "Press Resample or tick Animate: each draw is one forward pass. Switch "
                         "to Evaluation and the cloud becomes one line. Leaky ReLU (a = 0.01) is "
                         "drawn faintly for comparison."),
             Lessons::tr("The histogram compares the drawn slopes with the uniform density and "
                         "with the original paper. Its notation is inconsistent: Xu et al. define "
                         "y = a·x for x &lt; 0 with a ~ U(l, u) and l, u in [0, 1), then sample a "
                         "from U(3, 8) and test with x / ((l + u) / 2). Read as a divisor, as the "
                         "histogram's dots do, the paper computes x / a with a ~ U(3, 8): the "
                         "same end points 1/8 and 1/3, but the slopes 1/a are not uniform — small "
                         "ones are more frequent. At test time it then divides by the mean "
                         "divisor 5.5, a slope of 2/11 ≈ 0.182, while PyTorch uses the mean slope "
                         "0.229: the two conventions give different networks at test time.")},
            {"6-born-dead", Lessons::tr("Born dead: deep and narrow networks"),
             Lessons::tr("A ReLU network can be dead before training starts: if every unit of "
                         "one hidden layer is zero for every input, the layers after it see a "
                         "constant, the output is constant, and no gradient reaches the layers "
                         "before. Lu et al. (2019) showed that with symmetric initialisations "
                         "such as He's this becomes likely as the depth grows at a fixed width. "
                         "The lab shows 8 hidden layers of 2 units, He normal from seed 1."),
             Lessons::tr("Look at the network before pressing Play: layers 5 to 8 are entirely "
                         "dead, the loss is ln 2 ≈ 0.693 and the accuracy 50 %. Press Play: "
                         "nothing changes in 2,000 steps. Try other initial-weight seeds: at "
                         "width 2, seven of the seeds 1 to 8 give a dead network. Raise the width "
                         "to 3, 4 and 8, or switch the initialisation to RAI, the randomized "
                         "asymmetric initialisation Lu et al. propose."),
             Lessons::tr("Of 4,000 random He-initialised networks of depth 8 on two inputs, 81 % "
                         "are born dead at width 2, 44 % at width 3, 15 % at width 4 and fewer "
                         "than 0.1 % at width 8; with RAI, 19 % at width 2 (relulab-cli "
                         "born-dead). Depth needs width.")},
            {"7-vanishing-gradients", Lessons::tr("Vanishing gradients: why ReLU"),
             Lessons::tr("The Gradient flow tab trains a deep network — two spirals, 20 hidden "
                         "layers of 32 units, He initialisation from seed 1, SGD at 0.05 on the "
                         "full batch — with sigmoid units, and beside it the same network with "
                         "ReLU, from the same initial weights. The charts show the norm of the "
                         "gradient of each layer's weights on a logarithmic axis."),
             Lessons::tr("Before pressing Play, read the depth profile and the line above the "
                         "charts. With sigmoid the first layer gets 1.1e-10 times the gradient "
                         "of the twentieth (about 4.9e-12 against 0.044): backpropagation "
                         "multiplies one factor per layer, and sigmoid's derivative is at most "
                         "1/4. The heat map of the back-propagated gradients, under the depth "
                         "profile, shows them drifting to the left layer by layer, a factor of about 3.3 per layer. With "
                         "ReLU the ratio is 1.1 and every layer gets between 0.0072 and 0.029. "
                         "Now press Play: by step 500 the ReLU network classifies 96.8 % of the "
                         "points, while the sigmoid network's loss has settled at ln 2 ≈ 0.693 "
                         "(accuracy 37.9 %) and none of its layers gets more than 2.8e-11."),
             Lessons::tr("The table's Blocked column says at most 0.2 % for any sigmoid layer: "
                         "hardly a unit is saturated here, the small derivative alone is enough. Glorot and "
                         "Bengio (2010) plotted per-layer histograms like these to show it. Set "
                         "the activation to tanh, whose derivative reaches 1: its first layer "
                         "gets 0.33 times the gradient of the twentieth. Or keep sigmoid and "
                         "lower the depth to 5: 0.0011, fewer factors. Init gain changes how "
                         "much each layer passes on.")},
            {"8-sparsity-l1", Lessons::tr("Sparsity and L1"),
             Lessons::tr("ReLU outputs exact zeros: every negative input gives 0, not a small "
                         "number. A layer's output is then sparse: many of its numbers are exactly "
                         "zero. The lab trains the reference network (two spirals, "
                         "2-32-32-32-1, He initialisation) with Adam at 0.01 and an L1 penalty "
                         "λ = 0.001 on the weights, beside the same network with tanh."),
             Lessons::tr("Press Play and let it train 2,000 steps; read the table's True zeros "
                         "column. With L1, 78.4 % of the first layer's outputs are exactly 0 and "
                         "20 of its 32 units are dead (20, 14 and 13 in the three layers), yet the "
                         "accuracy is 97.9 %. Set L1 to 0 in the Training group and press Reset: "
                         "the first layer ends with 54.3 % zeros, no dead unit (0, 9 and 5) and "
                         "97.6 %. Set the activation to tanh: 0.0 % zeros in every layer, at step "
                         "2,000 too."),
             Lessons::tr("L1 adds λ·sign(w) to each weight's gradient, a constant pull toward "
                         "zero that the loss must outweigh: the units the task does not need are "
                         "switched off, and the others keep the accuracy. Weight decay (L2) pulls "
                         "in proportion to w instead: try 0.003 with L1 at 0, and only 3 units "
                         "end dead (0, 3 and 0). ReLU's output is unbounded, so without a penalty nothing stops "
                         "weights and activations from growing.")},
    }};
}

} // namespace

Lessons::Lessons(MainWindow *window, QMenu *helpMenu)
    : QObject(window)
    , m_window(window)
{
    // The texts: retranslate().
    m_menu = helpMenu->addMenu(QString());
    m_menu->setObjectName(QStringLiteral("lessonsMenu"));
    m_menu->setToolTipsVisible(true);
    for (int i = 0; i < count(); ++i) {
        QAction *action = m_menu->addAction(QString());
        action->setObjectName(QStringLiteral("lessonAction%1").arg(i + 1));
        m_actions.append(action);
        connect(action, &QAction::triggered, this, [this, i] {
            if (const QString error = open(i); !error.isEmpty())
                QMessageBox::warning(m_window, tr("Could not open the lesson"), error);
        });
    }

    m_dock = new QDockWidget(window);
    m_dock->setObjectName(QStringLiteral("lessonDock"));
    m_dock->setAttribute(Qt::WA_WindowPropagation);
    auto *panel = new QWidget(m_dock);
    panel->setObjectName(QStringLiteral("lessonPanel"));
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    m_browser = new QTextBrowser(panel);
    m_browser->setObjectName(QStringLiteral("lessonText"));
    m_browser->setMinimumWidth(280);
    layout->addWidget(m_browser);
    auto *buttons = new QHBoxLayout;
    m_previousButton = new QPushButton(panel);
    m_previousButton->setObjectName(QStringLiteral("previousLessonButton"));
    m_nextButton = new QPushButton(panel);
    m_nextButton->setObjectName(QStringLiteral("nextLessonButton"));
    buttons->addWidget(m_previousButton);
    buttons->addStretch();
    buttons->addWidget(m_nextButton);
    layout->addLayout(buttons);
    m_dock->setWidget(panel);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();
    connect(m_previousButton, &QPushButton::clicked, this, [this] { open(m_current - 1); });
    connect(m_nextButton, &QPushButton::clicked, this, [this] { open(m_current + 1); });
    retranslate();
    connect(&Language::instance(), &Language::languageChanged, this, &Lessons::retranslate);
}

void Lessons::retranslate()
{
    m_menu->setTitle(tr("&Lessons"));
    for (int i = 0; i < m_actions.size(); ++i) {
        m_actions[i]->setText(tr("&%1. %2").arg(i + 1).arg(title(i)));
        m_actions[i]->setToolTip(tr("Set up lesson %1 and show its text beside the window").arg(i + 1));
    }
    m_browser->setAccessibleName(tr("Lesson text"));
    m_browser->setToolTip(tr("The lesson: what it sets up, what to try, what to notice"));
    m_previousButton->setText(tr("◀ &Previous lesson"));
    m_previousButton->setToolTip(tr("Set up the previous lesson"));
    m_nextButton->setText(tr("Ne&xt lesson ▶"));
    m_nextButton->setToolTip(tr("Set up the next lesson"));
    if (m_current >= 0) {
        m_browser->setHtml(html(m_current));
        m_dock->setWindowTitle(tr("Lesson %1 of %2").arg(m_current + 1).arg(count()));
    } else {
        m_dock->setWindowTitle(tr("Lesson"));
    }
    // The dock's own action (View menu of the dock area's context menu) toggles the panel.
    m_dock->toggleViewAction()->setText(tr("Lesson &panel"));
    m_dock->toggleViewAction()->setToolTip(tr("Show or hide the text of the current lesson"));
}

int Lessons::count()
{
    return static_cast<int>(lessonTexts().size());
}

QString Lessons::presetPath(int index)
{
    return QStringLiteral(":/lessons/%1.json")
            .arg(QLatin1String(lessonTexts().at(static_cast<std::size_t>(index)).preset));
}

QString Lessons::title(int index)
{
    return lessonTexts().at(static_cast<std::size_t>(index)).title;
}

QString Lessons::html(int index)
{
    const LessonText text = lessonTexts().at(static_cast<std::size_t>(index));
    return QStringLiteral("<h2>%1</h2><p>%2</p><h3>%3</h3><p>%4</p><h3>%5</h3><p>%6</p>")
            .arg(tr("Lesson %1: %2").arg(index + 1).arg(text.title), text.intro, tr("Try"),
                 text.tryThis, tr("Notice"), text.notice);
}

QString Lessons::open(int index)
{
    if (index < 0 || index >= count())
        return tr("There is no lesson %1.").arg(index + 1);
    const app::PresetResult result =
            app::loadAndApplyPreset(presetPath(index), m_window->presetModels());
    if (const auto *error = std::get_if<app::PresetError>(&result))
        return error->message;
    const app::LoadedPreset &loaded = std::get<app::LoadedPreset>(result);
    // A lesson starts from step 0, paused: a change of learning rate alone would otherwise carry
    // on with the run in progress. The reset is queued behind the lab's own (queued) update of
    // its configuration.
    app::TrainingController &controller = m_window->lab().controller();
    controller.pause();
    QMetaObject::invokeMethod(&controller, &app::TrainingController::reset, Qt::QueuedConnection);
    m_window->showTab(MainWindow::tabFor(loaded.preset.tab));
    showLesson(index);
    m_window->statusBar()->showMessage(tr("Lesson %1: %2").arg(index + 1).arg(title(index)), 4000);
    return {};
}

void Lessons::showLesson(int index)
{
    m_current = index;
    m_browser->setHtml(html(index));
    m_dock->setWindowTitle(tr("Lesson %1 of %2").arg(index + 1).arg(count()));
    m_previousButton->setEnabled(index > 0);
    m_nextButton->setEnabled(index + 1 < count());
    m_dock->show();
    m_dock->raise();
}

} // namespace relulab::ui
