#include "functioninfo.h"

#include <QMimeData>
#include <QRegularExpression>
#include <QTextDocumentFragment>

namespace relulab::ui {

struct FunctionInfo::Page
{
    QString title;
    QString formula;
    QString derivative;
    QString atZero;
    QString pytorch;
    QString keras;
    QString notes;
    QString pros;
    QString cons;
    QString deadNeurons;
};

FunctionInfo::Page FunctionInfo::pageOf(core::Activation kind)
{
    using core::Activation;
    switch (kind) {
    case Activation::Relu:
        return {tr("ReLU — rectified linear unit"),
                tr("f(x) = max(0, x)"),
                tr("f′(x) = 1 if x &gt; 0, else 0"),
                tr("f′(0) = 0: PyTorch takes the x ≤ 0 branch, and so does mlpack's ReLU "
                   "(<code>RectifierFunction::Deriv</code> tests x &gt; 0). mlpack's "
                   "<code>LeakyReLU</code> layer tests x ≥ 0 instead, so its slope at 0 is 1."),
                tr("<code>torch.nn.ReLU()</code>, <code>torch.relu</code>; relu(−0.0) = −0.0"),
                tr("<code>tf.nn.relu</code>, <code>keras.layers.ReLU()</code>"),
                tr("Nair &amp; Hinton 2010; He initialisation (He et al. 2015) uses std = √(2 / "
                   "fan_in) "
                   "to keep the signal's variance through ReLU layers."),
                tr("Cheapest of all; no saturation for x &gt; 0, so deep networks train; sparse "
                   "activations."),
                tr("Zero gradient for x ≤ 0; not zero-centred; a kink at 0."),
                tr("A unit whose pre-activation is ≤ 0 for every sample gets zero gradient: it is "
                   "dead. Under plain SGD a unit of the first hidden layer, whose inputs are the "
                   "fixed data, never comes back; a deeper one can, when the layers before it "
                   "change its inputs. Momentum and Adam keep moving its weights for a while on "
                   "the steps they have accumulated, even at zero gradient. A large learning rate "
                   "or a bad bias pushes whole layers there, and the network's output becomes "
                   "constant.")};
    case Activation::LeakyRelu:
        return {tr("Leaky ReLU"),
                tr("f(x) = x if x &gt; 0, else a·x"),
                tr("f′(x) = 1 if x &gt; 0, else a"),
                tr("f′(0) = a: PyTorch takes the x ≤ 0 branch. mlpack's <code>LeakyReLU</code> "
                   "layer tests x ≥ 0 and takes 1 there."),
                tr("<code>torch.nn.LeakyReLU(negative_slope=0.01)</code>"),
                tr("<code>tf.nn.leaky_relu(alpha=0.2)</code>; the Keras <code>LeakyReLU</code> "
                   "layer defaults to 0.3. Same name, three defaults."),
                tr("Maas, Hannun &amp; Ng 2013. For He initialisation with slope a the gain is "
                   "√(2 / (1 + a²))."),
                tr("Never a zero gradient, so units below zero can still learn; as cheap as ReLU."),
                tr("One more hyperparameter; with a = 0.01 the gain over ReLU is often small."),
                tr("A unit that is negative on every sample still passes a gradient scaled by a, "
                   "so "
                   "it can come back. By the ≤ 0 test it may look dead, yet it keeps learning, "
                   "slowly.")};
    case Activation::Prelu:
        return {tr("PReLU — parametric ReLU"),
                tr("f(x) = x if x &gt; 0, else a·x, with a learned"),
                tr("f′(x) = 1 if x &gt; 0, else a;   ∂f/∂a = min(x, 0)"),
                tr("f′(0) = a: PyTorch takes the x ≤ 0 branch."),
                tr("<code>torch.nn.PReLU(num_parameters=1, init=0.25)</code>: one a per layer, or "
                   "one per channel"),
                tr("<code>keras.layers.PReLU()</code> starts a at 0 with one a per element "
                   "(<code>shared_axes</code> to share it)."),
                tr("He et al. 2015. A shared a collects the gradient of every unit, so it can move "
                   "fast and even go negative."),
                tr("The network chooses its own slope; cheap."),
                tr("Can overfit on small data; a large summed gradient on a shared a can make "
                   "training unstable; weight decay on a pulls it back towards ReLU."),
                tr("Like Leaky ReLU, a negative unit keeps a gradient a·δ, and a itself learns "
                   "whether leaking helps. At high learning rates PReLU tends to diverge before it "
                   "dies.")};
    case Activation::Rrelu:
        return {tr("RReLU — randomized leaky ReLU"),
                tr("Training: f(x) = x if x ≥ 0, else a·x with a ~ U(lower, upper) drawn per "
                   "element "
                   "on every forward pass.<br>Evaluation: a = (lower + upper) / 2."),
                tr("f′(x) = 1 if x &gt; 0, else the drawn a (training) or the mean a (evaluation)"),
                tr("f′(0) = a: PyTorch takes the x ≤ 0 branch (in training mode, the slope drawn "
                   "for that element)."),
                tr("<code>torch.nn.RReLU(lower=1/8, upper=1/3)</code>; evaluation slope 11/48 ≈ "
                   "0.2292"),
                tr("No RReLU layer in Keras: a small custom layer is needed."),
                tr("Xu et al. 2015 define y = a·x for x &lt; 0 with a ~ U(l, u) and l, u in "
                   "[0, 1), then sample a from U(3, 8) (the NDSB winner's setting) and test with "
                   "x / ((l + u) / 2). The notation is inconsistent: read as a divisor, the slope "
                   "is 1/a with a ~ U(3, 8), and the test is x / 5.5, a slope of 0.1818. PyTorch "
                   "draws the slope itself uniformly in [1/8, 1/3] and tests with 0.2292. Same "
                   "endpoints, different distributions: compare them in the histogram."),
                tr("The random slope regularises, like a little noise; never a zero gradient."),
                tr("Training and evaluation compute different functions; results depend on the "
                   "random draws."),
                tr("Negative units always pass a gradient of at least lower·δ, so they can "
                   "recover; "
                   "at high learning rates RReLU tends to diverge before it dies.")};
    case Activation::Elu:
        return {tr("ELU — exponential linear unit"),
                tr("f(x) = x if x &gt; 0, else α (eˣ − 1)"),
                tr("f′(x) = 1 if x &gt; 0, else α eˣ"),
                tr("f′(0) = α from the left, 1 from the right: continuous only when α = 1."),
                tr("<code>torch.nn.ELU(alpha=1.0)</code>"),
                tr("<code>keras.layers.ELU(alpha=1.0)</code>, <code>tf.nn.elu</code>"),
                tr("Clevert, Unterthiner &amp; Hochreiter 2015."),
                tr("For α = 1 continuously differentiable (C¹), though not smooth: f″ jumps from "
                   "α to 0 at x = 0. Mean activation closer to zero; bounded below by −α."),
                tr("An exponential per element; saturates for very negative x."),
                tr("The gradient α eˣ is never exactly zero, but it fades for very negative "
                   "inputs: "
                   "units rarely die, they can starve.")};
    case Activation::Gelu:
        return {tr("GELU — Gaussian error linear unit (exact)"),
                tr("f(x) = x Φ(x), Φ the standard normal distribution function"),
                tr("f′(x) = Φ(x) + x φ(x)"),
                tr("f′(0) = 0.5 (smooth)."),
                tr("<code>torch.nn.GELU(approximate='none')</code>"),
                tr("<code>keras.activations.gelu(approximate=False)</code>"),
                tr("Hendrycks &amp; Gimpel 2016. BERT (google-research/bert, "
                   "<code>modeling.py</code>) and GPT-2 (openai/gpt-2, <code>src/model.py</code>) "
                   "use GELU in its tanh approximation, not this exact form."),
                tr("Smooth, with a small negative dip; trains well in transformers."),
                tr("Costlier (erf); not monotonic."),
                tr("Small negative inputs still pass gradient; only far below zero does it fade.")};
    case Activation::GeluTanh:
        return {tr("GELU — tanh approximation"),
                tr("f(x) = x/2 · (1 + tanh(√(2/π) (x + 0.044715 x³)))"),
                tr("f′(x) as PyTorch's gelu_backward for approximate='tanh'"),
                tr("f′(0) = 0.5 (smooth)."),
                tr("<code>torch.nn.GELU(approximate='tanh')</code>"),
                tr("<code>keras.activations.gelu(approximate=True)</code>"),
                tr("The approximation Hendrycks &amp; Gimpel give in their 2016 paper, and the "
                   "GELU that BERT (<code>modeling.py</code>) and GPT-2 "
                   "(<code>src/model.py</code>) "
                   "compute; within 0.001 or so of the exact GELU."),
                tr("Cheaper than erf on some hardware."),
                tr("An approximation: not exactly the exact GELU."),
                tr("As for the exact GELU.")};
    case Activation::Silu:
        return {tr("SiLU (swish)"),
                tr("f(x) = x σ(x)"),
                tr("f′(x) = σ(x) (1 + x (1 − σ(x)))"),
                tr("f′(0) = 0.5 (smooth)."),
                tr("<code>torch.nn.SiLU()</code>"),
                tr("<code>keras.activations.silu</code> (also called swish)"),
                tr("Hendrycks &amp; Gimpel 2016 first, in the GELU paper, where PyTorch's and "
                   "TensorFlow's docs place the name SiLU; then Elfwing et al. (arXiv 2017, "
                   "<i>Neural Networks</i> 2018) and Ramachandran et al. 2017, who called it "
                   "swish."),
                tr("Smooth and non-monotonic; strong results in deep vision models."),
                tr("An exponential per element."),
                tr("Gradient fades smoothly for negative inputs instead of stopping at zero.")};
    case Activation::Mish:
        return {tr("Mish"),
                tr("f(x) = x tanh(softplus(x))"),
                tr("f′(x) = tanh(sp) + x σ(x) (1 − tanh²(sp)),  sp = softplus(x)"),
                tr("f′(0) = tanh(ln 2) = 0.6 (smooth)."),
                tr("<code>torch.nn.Mish()</code>"),
                tr("<code>keras.activations.mish</code>"),
                tr("Misra 2019."),
                tr("Smooth, self-regularising shape close to SiLU."),
                tr("The costliest here: exp, log1p and tanh per element."),
                tr("Gradient fades for negative inputs; units do not die outright.")};
    case Activation::Softplus:
        return {tr("Softplus"),
                tr("f(x) = ln(1 + eˣ); PyTorch returns x itself when x &gt; 20"),
                tr("f′(x) = σ(x) (1 when x &gt; 20)"),
                tr("f′(0) = 0.5 (smooth)."),
                tr("<code>torch.nn.Softplus(beta=1, threshold=20)</code>"),
                tr("<code>keras.activations.softplus</code> (no threshold)"),
                tr("A smooth ReLU; Dugas et al. 2001."),
                tr("Smooth everywhere; always positive."),
                tr("Costlier than ReLU; never exactly sparse."),
                tr("Its gradient σ(x) is small but positive for negative x.")};
    case Activation::Sigmoid:
        return {tr("Sigmoid"),
                tr("σ(x) = 1 / (1 + e⁻ˣ)"),
                tr("σ′(x) = σ(x) (1 − σ(x)), at most 0.25"),
                tr("σ′(0) = 0.25 (smooth)."),
                tr("<code>torch.nn.Sigmoid()</code>"),
                tr("<code>keras.activations.sigmoid</code>"),
                tr("The classic activation before ReLU; today mostly for outputs and gates."),
                tr("Bounded output in (0, 1), read as a probability."),
                tr("Saturates at both ends; a derivative of at most 0.25 shrinks gradients layer "
                   "after layer (vanishing gradients)."),
                tr("Units do not die by the ≤ 0 test, but saturated units learn next to "
                   "nothing.")};
    case Activation::Tanh:
        return {tr("tanh"),
                tr("f(x) = tanh(x)"),
                tr("f′(x) = 1 − tanh²(x)"),
                tr("f′(0) = 1 (smooth)."),
                tr("<code>torch.nn.Tanh()</code>"),
                tr("<code>keras.activations.tanh</code>"),
                tr("Zero-centred sigmoid: tanh(x) = 2σ(2x) − 1."),
                tr("Zero-centred, bounded in (−1, 1)."),
                tr("Saturates at both ends: vanishing gradients in deep stacks."),
                tr("As for the sigmoid: saturation, not death.")};
    }
    return {};
}

QString FunctionInfo::html(core::Activation kind)
{
    const Page page = pageOf(kind);
    const QString row = QStringLiteral("<p><b>%1</b><br>%2</p>");
    QString html;
    html += QStringLiteral("<h2>%1</h2>").arg(page.title);
    html += QStringLiteral("<p style='font-size:large'>%1<br>%2</p>").arg(page.formula, page.derivative);
    html += QStringLiteral("<p><i>%1</i></p>").arg(page.atZero);
    // Each framework's name over its code, so that the code has the panel's whole width.
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Defaults"));
    html += row.arg(tr("PyTorch"), page.pytorch);
    html += row.arg(tr("TensorFlow / Keras"), page.keras);
    html += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Notes"), page.notes);
    html += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Pros"), page.pros);
    html += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Cons"), page.cons);
    html += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Dead neurons"), page.deadNeurons);
    return html;
}

namespace {

constexpr QChar ZeroWidthSpace(0x200B);

} // namespace

QString FunctionInfo::withCodeBreaks(const QString &html)
{
    static const QRegularExpression code(QStringLiteral("<code>(.*?)</code>"));
    QString result;
    qsizetype done = 0;
    for (auto match = code.globalMatch(html); match.hasNext();) {
        const QRegularExpressionMatch m = match.next();
        QString inside = m.captured(1);
        for (const QChar after : {QLatin1Char('.'), QLatin1Char('('), QLatin1Char(','), QLatin1Char('=')})
            inside.replace(after, QString(after) + ZeroWidthSpace);
        result += html.mid(done, m.capturedStart(1) - done) + inside;
        done = m.capturedEnd(1);
    }
    return result + html.mid(done);
}

QString InfoBrowser::shownText() const
{
    return toPlainText().remove(ZeroWidthSpace);
}

QMimeData *InfoBrowser::createMimeDataFromSelection() const
{
    auto *mime = new QMimeData;
    mime->setText(textCursor().selection().toPlainText().remove(ZeroWidthSpace));
    return mime;
}

} // namespace relulab::ui
