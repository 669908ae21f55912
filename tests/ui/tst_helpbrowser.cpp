// Help > Contents and the keyboard: F1 opens the help, which holds every reference, the
// framework defaults and the shortcut list; the keys 1 to 9 select the explorer's functions. The
// teaching text's claims about frameworks and papers say what their sources say, in both
// languages.

#include <QAction>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QListWidget>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

#include <memory>

#include "core/activations.h"
#include "ui/functioninfo.h"
#include "ui/helpbrowser.h"
#include "ui/language.h"
#include "ui/lessons.h"
#include "ui/mainwindow.h"

using relulab::core::Activation;
using relulab::ui::Language;
using relulab::ui::MainWindow;

class TestHelpBrowser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void f1OpensHelpWithEveryReference();
    void helpListsTheShortcuts();
    void digitKeysSelectFunctions();
    void digitsTypedIntoSpinBoxesStayThere();
    void claimsFollowTheirSources_data();
    void claimsFollowTheirSources();

private:
    // The plain text of an information page (a function's --activation name), of the help
    // ("help") or of a lesson ("lesson N"), in the current language.
    QString teachingText(const QString &where) const;

    std::unique_ptr<MainWindow> m_window;
};

void TestHelpBrowser::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestHelpBrowser::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1360, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestHelpBrowser::cleanup()
{
    m_window.reset();
    Language::instance().setLanguage(Language::English);
}

QString TestHelpBrowser::teachingText(const QString &where) const
{
    QString html;
    if (where == QLatin1String("help")) {
        html = relulab::ui::HelpBrowser::html(m_window.get());
    } else if (where.startsWith(QLatin1String("lesson "))) {
        html = relulab::ui::Lessons::html(where.mid(7).toInt() - 1);
    } else {
        const auto kind = relulab::core::activationFromCliName(where.toStdString());
        if (!kind)
            return {};
        html = relulab::ui::FunctionInfo::html(*kind);
    }
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

void TestHelpBrowser::f1OpensHelpWithEveryReference()
{
    QVERIFY(!m_window->help().dialog());
    QTest::keyClick(m_window.get(), Qt::Key_F1);
    QDialog *dialog = m_window->help().dialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    const QString text = m_window->help().browser()->toPlainText();
    for (const char *reference : {"Maas, A. L., Hannun, A. Y. and Ng, A. Y. (2013)",
                                  "He, K., Zhang, X., Ren, S. and Sun, J. (2015)",
                                  "Xu, B., Wang, N., Chen, T. and Li, M. (2015)",
                                  "Lu, L., Shin, Y., Su, Y. and Karniadakis, G. E. (2019)"})
        QVERIFY2(text.contains(QLatin1String(reference)), reference);
    // Every function's formula and derivative, the defaults, the dead neurons, He.
    for (const char *expected :
         {"f(x) = max(0, x)", "f′(x) = 1 if x > 0, else 0", "nn.LeakyReLU(negative_slope=0.01)",
          "tf.nn.leaky_relu: 0.2", "keras.layers.LeakyReLU: 0.3",
          "nn.PReLU(num_parameters=1, init=0.25)", "nn.RReLU(lower=1/8, upper=1/3)", "Dead neurons",
          "He initialisation", "2 / fan_in", "Pros", "Cons"})
        QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
    // Each function's whole information page.
    for (const relulab::core::ActivationInfo &info : relulab::core::allActivations()) {
        QTextDocument page;
        page.setHtml(relulab::ui::FunctionInfo::html(info.kind));
        QVERIFY2(text.contains(page.toPlainText()), info.displayName.data());
    }
}

void TestHelpBrowser::helpListsTheShortcuts()
{
    m_window->help().shortcutsAction()->trigger();
    const QString text = m_window->help().browser()->toPlainText();
    for (const QString &key :
         {QStringLiteral("F11"), QStringLiteral("Esc"), QStringLiteral("Space"),
          QStringLiteral("S"), QStringLiteral("R"), QStringLiteral("1 … 9"), QStringLiteral("F1"),
          QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)})
        QVERIFY2(text.contains(key), qPrintable(key));
    QVERIFY(text.contains(QStringLiteral("play or pause training")));
    QVERIFY(text.contains(QStringLiteral("Presentation")));
}

void TestHelpBrowser::digitKeysSelectFunctions()
{
    const auto functions = relulab::core::allActivations();
    auto *list = m_window->findChild<QListWidget *>(QStringLiteral("activationList"));
    QVERIFY(list);
    list->setFocus();
    for (int digit = 9; digit >= 1; --digit) {
        QTest::keyClick(m_window.get(), static_cast<Qt::Key>(Qt::Key_1 + digit - 1));
        const Activation expected = functions[static_cast<std::size_t>(digit - 1)].kind;
        QCOMPARE(m_window->model().selectedActivation(), expected);
        QCOMPARE(list->currentRow(), static_cast<int>(expected));
    }
    // On the lab's tab the digits leave the explorer's function alone.
    m_window->showTab(MainWindow::Tab::Lab);
    QTest::keyClick(m_window.get(), Qt::Key_4);
    QCOMPARE(m_window->model().selectedActivation(), functions[0].kind);
}

void TestHelpBrowser::digitsTypedIntoSpinBoxesStayThere()
{
    auto *samples = m_window->findChild<QSpinBox *>(QStringLiteral("samplesSpin"));
    QVERIFY(samples);
    samples->setFocus();
    QVERIFY(QTest::qWaitFor([&] { return samples->hasFocus(); }, 2000));
    samples->selectAll();
    QTest::keyClicks(samples, QStringLiteral("2001"));
    QTest::keyClick(samples, Qt::Key_Return);
    QCOMPARE(m_window->model().samples(), 2001);
    QCOMPARE(m_window->model().selectedActivation(), Activation::Relu);
}

// Each claim the teaching text makes about a framework or a paper, as its source has it (issue 14),
// in English and in Chinese: what the text must say, and the wrong claim it must no longer make.
void TestHelpBrowser::claimsFollowTheirSources_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    // mlpack: RectifierFunction::Deriv returns x > 0, so ReLU′(0) = 0 as in PyTorch; the
    // LeakyReLU layer's Backward tests x >= 0, so its slope at 0 is 1.
    QTest::newRow("mlpack relu en")
            << Language::English << "relu"
            << QStringList {QStringLiteral("f′(0) = 0: PyTorch takes the x ≤ 0 branch, and so does "
                                           "mlpack's ReLU (RectifierFunction::Deriv tests x > 0)"),
                            QStringLiteral("mlpack's LeakyReLU layer tests x ≥ 0 instead, so its "
                                           "slope at 0 is 1")}
            << QStringList {QStringLiteral("mlpack, for one, takes 1")};
    QTest::newRow("mlpack relu zh")
            << Language::SimplifiedChinese << "relu"
            << QStringList {QStringLiteral("mlpack 的 ReLU 也是如此（RectifierFunction::Deriv 判断 "
                                           "x > 0）"),
                            QStringLiteral(
                                    "mlpack 的 LeakyReLU 层判断的是 x ≥ 0，因此它在 0 处的斜率"
                                    "为 1")}
            << QStringList {QStringLiteral("而 mlpack 等则取 1")};
    QTest::newRow("mlpack leaky en")
            << Language::English << "leaky_relu"
            << QStringList {QStringLiteral(
                       "mlpack's LeakyReLU layer tests x ≥ 0 and takes 1 there")}
            << QStringList {};
    QTest::newRow("mlpack leaky zh")
            << Language::SimplifiedChinese << "leaky_relu"
            << QStringList {QStringLiteral("mlpack 的 LeakyReLU 层判断 x ≥ 0，在 0 处取 1")}
            << QStringList {};

    // Xu et al. 2015 (arXiv:1505.00853): y = a·x with a ~ U(l, u), l, u in [0, 1); then a from
    // U(3, 8) and x / ((l + u) / 2) at test. The divisor is a reading of that notation.
    QTest::newRow("xu panel en")
            << Language::English << "rrelu"
            << QStringList {QStringLiteral("Xu et al. 2015 define y = a·x for x < 0 with a ~ U(l, "
                                           "u) and l, u in [0, 1), then sample a from U(3, 8)"),
                            QStringLiteral("test with x / ((l + u) / 2). The notation is "
                                           "inconsistent: read as a divisor"),
                            QStringLiteral("the test is x / 5.5, a slope of 0.1818")}
            << QStringList {QStringLiteral("write y = x / a")};
    QTest::newRow("xu panel zh")
            << Language::SimplifiedChinese << "rrelu"
            << QStringList {QStringLiteral("Xu 等人 2015 定义 x < 0 时 y = a·x，其中 a ~ U(l, u)"),
                            QStringLiteral("测试时用 x / ((l + u) / 2)。其记号前后不一致：若把 a "
                                           "读作除数"),
                            QStringLiteral("测试时为 x / 5.5，即斜率 0.1818")}
            << QStringList {QStringLiteral("写作 y = x / a")};
    QTest::newRow("xu lesson en")
            << Language::English << "lesson 5"
            << QStringList {QStringLiteral("Its notation is inconsistent: Xu et al. define y = a·x "
                                           "for x < 0 with a ~ U(l, u)"),
                            QStringLiteral("Read as a divisor, as the histogram's dots do, the "
                                           "paper computes x / a with a ~ U(3, 8)"),
                            QStringLiteral("the mean divisor 5.5, a slope of 2/11 ≈ 0.182")}
            << QStringList {QStringLiteral("which draws a divisor a ~ U(3, 8)")};
    QTest::newRow("xu lesson zh")
            << Language::SimplifiedChinese << "lesson 5"
            << QStringList {QStringLiteral("原论文的记号前后不一致：Xu 等人定义 x < 0 时 y = a·x"),
                            QStringLiteral("把 a 读作除数，论文计算的就是 x / a，a ~ U(3, 8)"),
                            QStringLiteral("除数的均值 5.5，即斜率 2/11 ≈ 0.182")}
            << QStringList {QStringLiteral("原论文抽取除数 a ~ U(3, 8)")};

    // GELU: google-research/bert modeling.py and openai/gpt-2 src/model.py compute
    // 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))), the approximation of Hendrycks & Gimpel 2016.
    QTest::newRow("gelu exact en")
            << Language::English << "gelu"
            << QStringList {QStringLiteral("BERT (google-research/bert, modeling.py) and GPT-2 "
                                           "(openai/gpt-2, src/model.py) use GELU in its tanh "
                                           "approximation, not this exact form")}
            << QStringList {QStringLiteral("the activation of BERT and GPT")};
    QTest::newRow("gelu exact zh")
            << Language::SimplifiedChinese << "gelu"
            << QStringList {QStringLiteral("BERT（google-research/bert 的 modeling.py）和 GPT-2"
                                           "（openai/gpt-2 的 src/model.py）用的是 GELU 的 tanh "
                                           "近似，而不是这里的精确形式")}
            << QStringList {QStringLiteral("BERT 和 GPT 使用的激活函数")};
    QTest::newRow("gelu tanh en")
            << Language::English << "gelu_tanh"
            << QStringList {QStringLiteral(
                                    "The approximation Hendrycks & Gimpel give in their 2016 "
                                    "paper"),
                            QStringLiteral("BERT (modeling.py) and GPT-2 (src/model.py) compute")}
            << QStringList {QStringLiteral("original GPT code")};
    QTest::newRow("gelu tanh zh")
            << Language::SimplifiedChinese << "gelu_tanh"
            << QStringList {QStringLiteral("Hendrycks & Gimpel 在其 2016 年的论文中给出的近似"),
                            QStringLiteral("BERT（modeling.py）和 GPT-2（src/model.py）所计算的 "
                                           "GELU")}
            << QStringList {QStringLiteral("原始 GPT 代码")};

    // Dead units: the panel and the help say the same. Zero gradient freezes a unit under plain
    // SGD (for good in the first layer, whose inputs are the data); a deeper one comes back when
    // its inputs change; momentum and Adam keep moving weights on their accumulated steps.
    QTest::newRow("dead panel en")
            << Language::English << "relu"
            << QStringList {QStringLiteral(
                                    "Under plain SGD a unit of the first hidden layer, whose "
                                    "inputs are the fixed data, never comes back; a deeper "
                                    "one can, when the layers before it change its inputs"),
                            QStringLiteral("Momentum and Adam keep moving its weights for a while")}
            << QStringList {QStringLiteral("can never recover")};
    QTest::newRow("dead panel zh")
            << Language::SimplifiedChinese << "relu"
            << QStringList {QStringLiteral("在普通 SGD 下，第一个隐藏层的单元（其输入是固定的数据）"
                                           "再也不会恢复；更深层的单元则可以恢复"),
                            QStringLiteral("动量法和 Adam 仍会凭已累积的步长在一段时间内继续移动"
                                           "它的权重")}
            << QStringList {QStringLiteral("再也无法恢复")};
    QTest::newRow("dead help en")
            << Language::English << "help"
            << QStringList {QStringLiteral("plain SGD never changes its weights again: a unit of "
                                           "the first hidden layer, whose inputs are the fixed "
                                           "data, stays dead for good; a deeper unit comes back "
                                           "only if the layers before it change its inputs"),
                            QStringLiteral("With momentum or Adam its weights keep moving for a "
                                           "while")}
            << QStringList {QStringLiteral("can never recover"),
                            QStringLiteral("gradient descent never changes its weights")};
    QTest::newRow("dead help zh")
            << Language::SimplifiedChinese << "help"
            << QStringList {QStringLiteral("普通 SGD 再也不会改变它的权重：第一个隐藏层的单元（其"
                                           "输入是固定的数据）会永远死亡；更深层的单元只有在它之前"
                                           "的层改变了它的输入时才会恢复"),
                            QStringLiteral("使用动量法或 Adam 时，它的权重还会凭已累积的步长继续"
                                           "移动一段时间")}
            << QStringList {QStringLiteral("再也无法恢复"),
                            QStringLiteral("梯度下降再也不会改变它的权重")};

    // SiLU: PyTorch's torch.nn.SiLU and TensorFlow's tf.nn.silu cite Hendrycks & Gimpel 2016
    // first, then Elfwing et al. and Ramachandran et al. (swish).
    QTest::newRow("silu en") << Language::English << "silu"
                             << QStringList {QStringLiteral(
                                        "Hendrycks & Gimpel 2016 first, in the GELU paper, "
                                        "where PyTorch's and TensorFlow's docs place the name "
                                        "SiLU; then Elfwing et al. (arXiv 2017, Neural Networks "
                                        "2018) and Ramachandran et al. 2017, who called it "
                                        "swish.")}
                             << QStringList {QStringLiteral("Elfwing et al. 2018; Ramachandran")};
    QTest::newRow("silu zh") << Language::SimplifiedChinese << "silu"
                             << QStringList {QStringLiteral(
                                        "最早是 Hendrycks & Gimpel 2016 的 GELU 论文，PyTorch 和 "
                                        "TensorFlow 的文档都把 SiLU 这一名称归于该文；随后是 "
                                        "Elfwing 等人")}
                             << QStringList {QStringLiteral("Elfwing 等人 2018；Ramachandran")};

    // Glorot & Bengio 2010: Var(w) = 2 / (fan_in + fan_out) (PyTorch's xavier_normal_); 1 /
    // fan_in is LeCun's (Keras' LecunNormal, after LeCun et al. 1998).
    QTest::newRow("glorot en")
            << Language::English << "help"
            << QStringList {QStringLiteral("Glorot and Bengio's (2010) variance 2 / (fan_in + "
                                           "fan_out), derived for symmetric activations such as "
                                           "tanh, is LeCun's 1 / fan_in when fan_in = fan_out"),
                            QStringLiteral("LeCun, Y., Bottou, L., Orr, G. B. and Müller, K.-R. "
                                           "(1998). Efficient BackProp.")}
            << QStringList {QStringLiteral("Glorot's 1 / fan_in")};
    QTest::newRow("glorot zh")
            << Language::SimplifiedChinese << "help"
            << QStringList {QStringLiteral("Glorot 与 Bengio（2010）的方差 2 / (fan_in + fan_out) "
                                           "是针对 tanh 这类对称激活函数推导的，当 fan_in = "
                                           "fan_out 时它就是 LeCun 的 1 / fan_in"),
                            QStringLiteral("Efficient BackProp")}
            << QStringList {QStringLiteral("Glorot 的 1 / fan_in")};

    // ELU at α = 1: f′ = eˣ → 1 from the left, 1 on the right (C¹); f″ = eˣ → 1 from the left, 0
    // on the right: not smooth.
    QTest::newRow("elu en") << Language::English << "elu"
                            << QStringList {QStringLiteral(
                                       "For α = 1 continuously differentiable (C¹), though not "
                                       "smooth: f″ jumps from α to 0 at x = 0.")}
                            << QStringList {QStringLiteral("Smooth for α = 1")};
    QTest::newRow("elu zh") << Language::SimplifiedChinese << "elu"
                            << QStringList {QStringLiteral(
                                       "α = 1 时连续可微（C¹），但并不光滑：f″ 在 x = 0 处从 α "
                                       "跳到 0。")}
                            << QStringList {QStringLiteral("α = 1 时光滑")};
}

void TestHelpBrowser::claimsFollowTheirSources()
{
    QFETCH(QString, language);
    QFETCH(QString, where);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    QVERIFY(Language::instance().setLanguage(language));
    const QString text = teachingText(where);
    QVERIFY2(!text.isEmpty(), qPrintable(where));
    for (const QString &expected : std::as_const(present))
        QVERIFY2(text.contains(expected),
                 qPrintable(expected + QStringLiteral("\n--- not in:\n") + text));
    for (const QString &wrong : std::as_const(absent))
        QVERIFY2(!text.contains(wrong), qPrintable(wrong));
}

QTEST_MAIN(TestHelpBrowser)
#include "tst_helpbrowser.moc"
