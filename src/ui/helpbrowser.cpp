#include "helpbrowser.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "core/activations.h"
#include "functioninfo.h"
#include "language.h"

namespace relulab::ui {

namespace {

QString section(const QString &anchor, const QString &title)
{
    return QStringLiteral("<a name='%1'></a><h1>%2</h1>").arg(anchor, title);
}

QString paragraph(const QString &text)
{
    return QStringLiteral("<p>%1</p>").arg(text);
}

QString tableRow(const QStringList &cells, bool header = false)
{
    const QString cell =
            header ? QStringLiteral("<th align='left'>%1</th>") : QStringLiteral("<td>%1</td>");
    QString row = QStringLiteral("<tr>");
    for (const QString &text : cells)
        row += cell.arg(text);
    return row + QStringLiteral("</tr>");
}

// An action's menu text without its mnemonic ampersands and trailing ellipsis.
QString plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    if (text.endsWith(QStringLiteral("…")))
        text.chop(1);
    return text.toHtmlEscaped();
}

QString shortcutsTable(const QMainWindow *window)
{
    QString html = QStringLiteral("<table cellspacing='2' cellpadding='4' border='1' "
                                  "style='border-collapse:collapse'>");
    html += tableRow({HelpBrowser::tr("Keys"), HelpBrowser::tr("What they do")}, true);
    const auto key = [](const QKeySequence &sequence) {
        return QStringLiteral("<b>%1</b>").arg(sequence.toString(QKeySequence::NativeText).toHtmlEscaped());
    };
    html += tableRow({QStringLiteral("<b>1</b> … <b>9</b>"),
                      HelpBrowser::tr("Function explorer: select the first nine functions of the "
                                      "list (not while typing in a number field)")});
    html += tableRow({HelpBrowser::tr("<b>↑</b> <b>↓</b> <b>←</b> <b>→</b>"),
                      HelpBrowser::tr("Function explorer: move through the list of functions")});
    html += tableRow({key(QKeySequence(Qt::Key_Space)),
                      HelpBrowser::tr("Dead-neuron lab: play or pause training")});
    html += tableRow(
            {key(QKeySequence(Qt::Key_S)), HelpBrowser::tr("Dead-neuron lab: one training step")});
    html += tableRow({key(QKeySequence(Qt::Key_R)),
                      HelpBrowser::tr("Dead-neuron lab: reset the run to step 0")});
    html += tableRow({QStringLiteral("%1 … %2").arg(key(QKeySequence(Qt::CTRL | Qt::Key_1)),
                                                    key(QKeySequence(Qt::CTRL | Qt::Key_5))),
                      HelpBrowser::tr("Show the first to the fifth tab (Ctrl+Tab and Ctrl+Page Down "
                                      "show the next one)")});
    html += tableRow({key(QKeySequence(Qt::Key_Escape)), HelpBrowser::tr("Leave presentation mode")});
    html += tableRow({HelpBrowser::tr("<b>Alt</b> + underlined letter"),
                      HelpBrowser::tr("The control or menu whose label has that letter "
                                      "underlined")});
    // Every action of the window that has a shortcut, in menu order.
    QList<const QAction *> seen;
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcut().isEmpty() || seen.contains(action) || action->text().isEmpty())
            continue;
        seen.append(action);
        html += tableRow({key(action->shortcut()), plainText(action)});
    }
    return html + QStringLiteral("</table>");
}

QString defaultsTable()
{
    QString html = QStringLiteral("<table cellspacing='2' cellpadding='4' border='1' "
                                  "style='border-collapse:collapse'>");
    html += tableRow({HelpBrowser::tr("Function"), HelpBrowser::tr("PyTorch"),
                      HelpBrowser::tr("TensorFlow / Keras")},
                     true);
    html += tableRow(
            {HelpBrowser::tr("ReLU"), HelpBrowser::tr("<code>nn.ReLU()</code>; ReLU′(0) = 0"),
             HelpBrowser::tr("<code>tf.nn.relu</code>, <code>keras.layers.ReLU()</code>")});
    html += tableRow(
            {HelpBrowser::tr("Leaky ReLU"),
             HelpBrowser::tr("<code>nn.LeakyReLU(negative_slope=0.01)</code>"),
             HelpBrowser::tr(
                     "<code>keras.layers.LeakyReLU</code>: <b>0.3</b> (the argument is "
                     "<code>alpha</code> in Keras 2, <code>negative_slope</code> in Keras 3); "
                     "<code>tf.nn.leaky_relu</code>: <b>0.2</b>; Keras 3's "
                     "<code>keras.activations.leaky_relu</code> and "
                     "<code>keras.ops.leaky_relu</code>: <b>0.2</b>")});
    html += tableRow(
            {HelpBrowser::tr("PReLU"),
             HelpBrowser::tr("<code>nn.PReLU(num_parameters=1, init=0.25)</code>: one a per "
                             "layer (or per channel)"),
             HelpBrowser::tr("<code>keras.layers.PReLU()</code>: a starts at 0, one per element "
                             "unless <code>shared_axes</code> is given")});
    html += tableRow(
            {HelpBrowser::tr("RReLU"),
             HelpBrowser::tr("<code>nn.RReLU(lower=1/8, upper=1/3)</code>; evaluation slope "
                             "(lower + upper) / 2 = 11/48 ≈ 0.2292"),
             HelpBrowser::tr("none: a small custom layer")});
    html += tableRow(
            {HelpBrowser::tr("ELU"), HelpBrowser::tr("<code>nn.ELU(alpha=1.0)</code>"),
             HelpBrowser::tr("<code>keras.layers.ELU(alpha=1.0)</code>, <code>tf.nn.elu</code>")});
    html += tableRow(
            {HelpBrowser::tr("Weights of a dense layer"),
             HelpBrowser::tr("<code>nn.Linear</code>: <code>kaiming_uniform_(a=√5)</code>, which "
                             "is U(−1/√fan_in, 1/√fan_in), not He"),
             HelpBrowser::tr("<code>Dense</code>: Glorot (Xavier) uniform")});
    html += tableRow(
            {HelpBrowser::tr("He initialisation"),
             HelpBrowser::tr("<code>nn.init.kaiming_normal_(w, a=0, mode='fan_in', "
                             "nonlinearity='leaky_relu')</code>: std √2 / √fan_in"),
             HelpBrowser::tr("<code>keras.initializers.HeNormal()</code>: truncated normal, std "
                             "√(2 / fan_in)")});
    return html + QStringLiteral("</table>");
}

} // namespace

HelpBrowser::HelpBrowser(QMainWindow *window, QMenu *helpMenu)
    : QObject(window)
    , m_window(window)
{
    // The texts: retranslate().
    m_contentsAction = new QAction(this);
    m_contentsAction->setObjectName(QStringLiteral("helpContentsAction"));
    m_contentsAction->setShortcut(QKeySequence::HelpContents);
    m_shortcutsAction = new QAction(this);
    m_shortcutsAction->setObjectName(QStringLiteral("helpShortcutsAction"));
    helpMenu->setToolTipsVisible(true);
    // Before the About entry, which conventionally comes last.
    QAction *first = helpMenu->actions().value(0);
    helpMenu->insertAction(first, m_contentsAction);
    helpMenu->insertAction(first, m_shortcutsAction);
    helpMenu->insertSeparator(first);
    window->addAction(m_contentsAction);
    connect(m_contentsAction, &QAction::triggered, this, [this] { open(); });
    connect(m_shortcutsAction, &QAction::triggered, this,
            [this] { open(QStringLiteral("shortcuts")); });
    retranslate();
    connect(&Language::instance(), &Language::languageChanged, this, &HelpBrowser::retranslate);
}

void HelpBrowser::retranslate()
{
    m_contentsAction->setText(tr("&Contents"));
    m_contentsAction->setToolTip(tr("Formulas, framework defaults, dead neurons, He "
                                    "initialisation, references and keyboard shortcuts"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));
    m_shortcutsAction->setToolTip(tr("Every keyboard shortcut of ReLU Lab"));
    if (!m_dialog)
        return;
    m_dialog->setWindowTitle(tr("ReLU Lab help"));
    m_browser->setAccessibleName(tr("Help text"));
    m_browser->setToolTip(tr("Click a title in the contents to go to its section"));
    m_closeButton->setToolTip(tr("Close the help window"));
    // The page anew, at about the same place (the sections keep their order in every language).
    QScrollBar *scroll = m_browser->verticalScrollBar();
    const double at = scroll->maximum() > 0 ? double(scroll->value()) / scroll->maximum() : 0.0;
    m_browser->setHtml(html(m_window));
    scroll->setValue(static_cast<int>(at * scroll->maximum()));
}

QString HelpBrowser::html(const QMainWindow *window)
{
    QString html;
    html += QStringLiteral("<h1>%1</h1>").arg(tr("ReLU Lab help"));
    html += QStringLiteral("<ul>");
    const QList<QPair<QString, QString>> contents = {
            {QStringLiteral("functions"), tr("The functions: formulas, derivatives, pros and cons")},
            {QStringLiteral("defaults"), tr("Framework defaults")},
            {QStringLiteral("dead"), tr("Dead neurons")},
            {QStringLiteral("he"), tr("He initialisation")},
            {QStringLiteral("references"), tr("References")},
            {QStringLiteral("shortcuts"), tr("Keyboard shortcuts")},
    };
    for (const auto &[anchor, title] : contents)
        html += QStringLiteral("<li><a href='#%1'>%2</a></li>").arg(anchor, title);
    html += QStringLiteral("</ul>");

    html += section(QStringLiteral("functions"), tr("The functions"));
    html += paragraph(tr("Each function as the explorer computes it, following PyTorch, including "
                         "the value its derivative takes at exactly x = 0."));
    for (const core::ActivationInfo &info : core::allActivations())
        html += FunctionInfo::html(info.kind) + QStringLiteral("<hr>");

    html += section(QStringLiteral("defaults"), tr("Framework defaults"));
    html += paragraph(tr("The same name does not mean the same default. A Leaky ReLU copied from "
                         "a Keras model into PyTorch changes its slope thirtyfold unless the "
                         "value is written out."));
    html += defaultsTable();

    html += section(QStringLiteral("dead"), tr("Dead neurons"));
    html += paragraph(tr("A ReLU unit is <b>dead</b> when its pre-activation w·x + b is ≤ 0 for "
                         "every training input. Its output is then 0 everywhere and its gradient "
                         "too, so plain SGD never changes its weights again: a unit of the first "
                         "hidden layer, whose inputs are the fixed data, stays dead for good; a "
                         "deeper unit comes back only if the layers before it change its inputs. "
                         "With momentum or Adam its weights keep moving for a while on the steps "
                         "already accumulated, which can revive it or push it further down. The "
                         "lab counts dead units per layer with exactly this test."));
    html += paragraph(tr("How units die: one large update (a high learning rate, a loss spike) "
                         "pushes the bias or the weights so far that the unit is negative "
                         "everywhere; a large negative bias; or the initialisation itself — in a "
                         "deep, narrow network a whole layer can be zero for every input before "
                         "training starts, and then the output is constant (born dead, Lu et al. "
                         "2019). A network with a dead layer predicts one value for every input: "
                         "for balanced classes, a loss of ln 2 ≈ 0.693 and 50 % accuracy."));
    html += paragraph(tr("What helps: a smaller learning rate or a warm-up; activations with a "
                         "gradient for x &lt; 0 (Leaky ReLU, PReLU, RReLU, ELU, GELU, SiLU); He "
                         "initialisation, wider layers, or asymmetric initialisations such as "
                         "RAI; a small positive bias such as 0.1; normalisation layers. For "
                         "Leaky ReLU and its relatives a unit negative on every input is not "
                         "truly dead: its gradient is a·δ, small but not zero, and it can "
                         "recover."));

    html += section(QStringLiteral("he"), tr("He initialisation"));
    html += paragraph(tr("ReLU sets half of a symmetric input to zero, so it halves the second "
                         "moment of the signal in every layer. He et al. (2015) compensate with "
                         "weights of variance 2 / fan_in (std √(2 / fan_in)); the signal then "
                         "keeps its scale through any number of layers. Glorot and Bengio's "
                         "(2010) variance 2 / (fan_in + fan_out), derived for symmetric "
                         "activations such as tanh, is LeCun's 1 / fan_in when fan_in = fan_out: "
                         "through ReLU it halves the signal's second moment in every layer. For "
                         "Leaky ReLU and PReLU with slope a the variance is 2 / ((1 + a²) · "
                         "fan_in)."));
    html += paragraph(tr("He initialisation keeps the variance right on average; it does not "
                         "prevent a narrow layer from being zero for every input. That is what "
                         "Lu et al. (2019) quantify, and why they propose the randomized "
                         "asymmetric initialisation (RAI), one of the lab's choices."));

    html += section(QStringLiteral("references"), tr("References"));
    html += QStringLiteral("<ul>");
    for (const QString &reference :
         {tr("Nair, V. and Hinton, G. E. (2010). Rectified linear units improve restricted "
             "Boltzmann machines. <i>ICML 2010</i>."),
          tr("Maas, A. L., Hannun, A. Y. and Ng, A. Y. (2013). Rectifier nonlinearities improve "
             "neural network acoustic models. <i>ICML 2013 Workshop on Deep Learning for Audio, "
             "Speech and Language Processing</i>. (Leaky ReLU)"),
          tr("He, K., Zhang, X., Ren, S. and Sun, J. (2015). Delving deep into rectifiers: "
             "surpassing human-level performance on ImageNet classification. <i>ICCV 2015</i>, "
             "arXiv:1502.01852. (PReLU, He initialisation)"),
          tr("Xu, B., Wang, N., Chen, T. and Li, M. (2015). Empirical evaluation of rectified "
             "activations in convolutional network. arXiv:1505.00853. (RReLU)"),
          tr("Lu, L., Shin, Y., Su, Y. and Karniadakis, G. E. (2019). Dying ReLU and "
             "initialization: theory and numerical examples. arXiv:1903.06733. (Born dead, "
             "RAI)"),
          tr("Glorot, X. and Bengio, Y. (2010). Understanding the difficulty of training deep "
             "feedforward neural networks. <i>AISTATS 2010</i>."),
          tr("LeCun, Y., Bottou, L., Orr, G. B. and Müller, K.-R. (1998). Efficient BackProp. "
             "In <i>Neural Networks: Tricks of the Trade</i>, Springer. (Variance 1 / fan_in)")})
        html += QStringLiteral("<li>%1</li>").arg(reference);
    html += QStringLiteral("</ul>");

    html += section(QStringLiteral("shortcuts"), tr("Keyboard shortcuts"));
    html += shortcutsTable(window);
    return html;
}

void HelpBrowser::open(const QString &anchor)
{
    if (!m_dialog) {
        m_dialog = new QDialog(m_window);
        m_dialog->setObjectName(QStringLiteral("helpDialog"));
        // Follows the window's theme and presentation font.
        m_dialog->setAttribute(Qt::WA_WindowPropagation);
        auto *layout = new QVBoxLayout(m_dialog);
        m_browser = new QTextBrowser(m_dialog);
        m_browser->setObjectName(QStringLiteral("helpText"));
        m_browser->setOpenExternalLinks(true);
        layout->addWidget(m_browser);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, m_dialog);
        m_closeButton = buttons->button(QDialogButtonBox::Close);
        connect(buttons, &QDialogButtonBox::rejected, m_dialog, &QDialog::close);
        layout->addWidget(buttons);
        m_dialog->resize(760, 640);
        retranslate();
    }
    // Rebuilt every time: the shortcut list and the language may have changed.
    m_browser->setHtml(html(m_window));
    if (!anchor.isEmpty())
        m_browser->scrollToAnchor(anchor);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

} // namespace relulab::ui
