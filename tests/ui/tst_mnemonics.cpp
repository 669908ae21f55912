// Keyboard access: on every tab, in both languages, each Alt+letter reaches one control. The
// letters that count are the ones Qt acts on while that tab is shown: the menu bar's menus, the
// tab bar's tabs, and the labels (with a buddy), buttons and checkable group boxes visible on the
// tab. Two of them on one letter make Alt+letter cycle between them instead of going there.

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

#include <map>

#include "ui/gradientflowtab.h"

#include "ui/language.h"
#include "ui/mainwindow.h"

using relulab::ui::Language;
using relulab::ui::MainWindow;

Q_DECLARE_METATYPE(MainWindow::Tab)

namespace {

// The letter after a single &, lower case; a null QChar when there is none (&& is a literal &).
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Who uses which letter while `page` is shown.
std::multimap<QChar, QString> mnemonics(MainWindow &window, QWidget *page)
{
    std::multimap<QChar, QString> letters;
    const auto add = [&](const QString &text, const QString &who) {
        const QChar letter = mnemonicOf(text);
        if (!letter.isNull())
            letters.emplace(letter, who + QStringLiteral(" \"") + text + QLatin1Char('"'));
    };
    for (QAction *menu : window.menuBar()->actions())
        add(menu->text(), QStringLiteral("menu"));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));
    for (int k = 0; tabs && k < tabs->count(); ++k)
        add(tabs->tabText(k), QStringLiteral("tab"));
    for (QLabel *label : page->findChildren<QLabel *>())
        if (label->isVisible() && label->buddy())
            add(label->text(), QStringLiteral("label ") + label->objectName());
    for (QAbstractButton *button : page->findChildren<QAbstractButton *>())
        if (button->isVisible() && !qobject_cast<QTabBar *>(button->parentWidget()))
            add(button->text(), QStringLiteral("button ") + button->objectName());
    for (QGroupBox *box : page->findChildren<QGroupBox *>())
        if (box->isVisible() && box->isCheckable())
            add(box->title(), QStringLiteral("group ") + box->objectName());
    return letters;
}

} // namespace

class TestMnemonics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void eachLetterReachesOneControl_data();
    void eachLetterReachesOneControl();
    void ctrlDigitShowsTab();
    void altLetterReachesItsField();
};

void TestMnemonics::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMnemonics::cleanupTestCase()
{
    Language::instance().setLanguage(Language::English);
}

void TestMnemonics::eachLetterReachesOneControl_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<MainWindow::Tab>("tab");
    const std::pair<MainWindow::Tab, const char *> tabs[] = {{MainWindow::Tab::Explorer, "explorer"},
                                                             {MainWindow::Tab::Lab, "lab"},
                                                             {MainWindow::Tab::GradientFlow, "gradient-flow"},
                                                             {MainWindow::Tab::Race, "race"},
                                                             {MainWindow::Tab::BornDead, "born-dead"}};
    for (const QString &language : {Language::English, Language::SimplifiedChinese})
        for (const auto &[tab, name] : tabs)
            QTest::addRow("%s, %s", qPrintable(language), name) << language << tab;
}

void TestMnemonics::eachLetterReachesOneControl()
{
    QFETCH(QString, language);
    QFETCH(MainWindow::Tab, tab);
    QVERIFY(Language::instance().setLanguage(language));
    MainWindow window;
    window.resize(1360, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showTab(tab);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));
    QVERIFY(tabs);
    QWidget *page = tabs->currentWidget();
    QVERIFY(page);
    const std::multimap<QChar, QString> letters = mnemonics(window, page);
    QVERIFY(letters.size() > 8);
    QStringList clashes;
    for (auto it = letters.begin(); it != letters.end();) {
        const auto [first, last] = letters.equal_range(it->first);
        if (std::distance(first, last) > 1) {
            QStringList who;
            for (auto k = first; k != last; ++k)
                who << k->second;
            clashes << QStringLiteral("Alt+%1: %2").arg(it->first.toUpper(), who.join(QStringLiteral(", ")));
        }
        it = last;
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

// The tabs' own keys, since they have no letter: Ctrl+1 to Ctrl+5, from wherever the focus is.
void TestMnemonics::ctrlDigitShowsTab()
{
    MainWindow window;
    window.resize(1360, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 5);
    for (int i : {3, 1, 4, 0, 2}) {
        QTest::keyClick(&window, static_cast<Qt::Key>(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), i);
        QCOMPARE(tabs->tabToolTip(i), QKeySequence(Qt::CTRL | (Qt::Key_1 + i)).toString(QKeySequence::NativeText));
    }
}

// One of the letters that used to clash goes straight to its field now: Alt+L on the gradient
// flow tab (it cycled between the Help menu and the hidden layers when it was Alt+H).
void TestMnemonics::altLetterReachesItsField()
{
    MainWindow window;
    window.resize(1360, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showTab(MainWindow::Tab::GradientFlow);
    QWidget *depth = window.gradientFlow().findChild<QWidget *>(QStringLiteral("depthSpin"));
    QVERIFY(depth);
    QVERIFY(!depth->hasFocus());
    QTest::keyClick(&window, Qt::Key_L, Qt::AltModifier);
    QTRY_VERIFY(depth->hasFocus());
}

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"
