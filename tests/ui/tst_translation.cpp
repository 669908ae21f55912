// The two languages: every string of the sources is translated, switching the language at run time
// retranslates the open window and switching back restores it, and Chinese text has a font.

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QTableWidget>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QGlyphRun>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRawFont>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextLayout>
#include <QXmlStreamReader>

#include <qcustomplot.h>

#include <algorithm>
#include <memory>

#include "app/settings.h"
#include "ui/borndeadtab.h"
#include "ui/codedialog.h"
#include "ui/coretext.h"
#include "ui/exportfiguredialog.h"
#include "ui/labtab.h"
#include "ui/language.h"
#include "ui/lessons.h"
#include "ui/mainwindow.h"
#include "ui/racetab.h"

using relulab::ui::Language;
using relulab::ui::MainWindow;

namespace {

// A message of a .ts file that is not ready to ship.
struct Untranslated
{
    QString context;
    QString source;
    QString problem;
};

// Reads a .ts file and returns every message that is unfinished or empty ("unfinished", "empty
// translation"), or translated but in a context lupdate could not name ("no context": the code
// calls tr() through something lupdate cannot resolve, so the translation is never found at run
// time). Vanished and obsolete messages are not shipped: ignored.
QList<Untranslated> untranslatedMessages(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Untranslated> found;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            const bool numerus =
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            QString source;
            QString type;
            QStringList forms;
            bool hasTranslation = false;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("message")) && !xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == QLatin1String("source")) {
                    source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    hasTranslation = true;
                    type = xml.attributes().value(QLatin1String("type")).toString();
                    if (numerus) {
                        while (!(xml.isEndElement() && xml.name() == QLatin1String("translation"))
                               && !xml.atEnd()) {
                            xml.readNext();
                            if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                                forms.append(xml.readElementText());
                        }
                    } else {
                        forms.append(xml.readElementText());
                    }
                }
            }
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                continue;
            if (type == QLatin1String("unfinished"))
                found.append({context, source, QStringLiteral("unfinished")});
            else if (!hasTranslation || forms.isEmpty()
                     || std::any_of(forms.cbegin(), forms.cend(),
                                    [](const QString &form) { return form.trimmed().isEmpty(); }))
                found.append({context, source, QStringLiteral("empty translation")});
            else if (context.isEmpty())
                found.append({context, source, QStringLiteral("no context")});
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return found;
}

QString sourceDir()
{
    return QStringLiteral(RELULAB_SOURCE_DIR);
}

QTabWidget *tabsOf(MainWindow &window)
{
    return window.findChild<QTabWidget *>(QStringLiteral("tabs"));
}

QStringList menuTitles(MainWindow &window)
{
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

QStringList tabTitles(MainWindow &window)
{
    QStringList titles;
    QTabWidget *tabs = tabsOf(window);
    for (int i = 0; i < tabs->count(); ++i)
        titles.append(tabs->tabText(i));
    return titles;
}

// Every text the switch must change, as one list so that "back to English" compares all of it.
QStringList visibleTexts(MainWindow &window)
{
    QStringList texts = menuTitles(window) + tabTitles(window);
    texts.append(window.findChild<QPushButton *>(QStringLiteral("resampleButton"))->text());
    texts.append(window.lab().findChild<QPushButton *>(QStringLiteral("playButton"))->text());
    texts.append(window.findChild<QCustomPlot *>(QStringLiteral("slopeHistogramPlot"))->xAxis->label());
    texts.append(window.lab().findChild<QCustomPlot *>(QStringLiteral("deadPlot"))->xAxis->label());
    texts.append(window.lab().findChild<QComboBox *>(QStringLiteral("speedCombo"))->currentText());
    texts.append(window.findChild<QMenu *>(QStringLiteral("languageMenu"))->title());
    // The race: its form, a chart, the finish table, a combo filled in code, the shared settings.
    relulab::ui::RaceTab &race = window.race();
    texts.append(race.findChild<QPushButton *>(QStringLiteral("startButton"))->text());
    texts.append(race.deadPlot()->xAxis->label());
    texts.append(race.finishTable()->horizontalHeaderItem(0)->text());
    texts.append(race.findChild<QComboBox *>(QStringLiteral("presetCombo"))->itemText(0));
    texts.append(race.findChild<QComboBox *>(QStringLiteral("batchCombo"))->itemText(0));
    // Born dead: its form, the plot, a combo filled in code, the status line.
    relulab::ui::BornDeadTab &bornDead = window.bornDead();
    texts.append(bornDead.findChild<QPushButton *>(QStringLiteral("startButton"))->text());
    texts.append(bornDead.plot()->xAxis->label());
    texts.append(bornDead.findChild<QComboBox *>(QStringLiteral("bornDeadInitCombo"))->itemText(0));
    texts.append(bornDead.statusText());
    // The menus of the helpers that are not widgets.
    texts.append(window.findChild<QMenu *>(QStringLiteral("lessonsMenu"))->title());
    texts.append(window.findChild<QAction *>(QStringLiteral("presentationAction"))->text());
    texts.append(window.findChild<QAction *>(QStringLiteral("helpContentsAction"))->text());
    // A plot wraps a long axis label to its size (readable.h): the words are what counts.
    texts.replaceInStrings(QStringLiteral("\n"), QStringLiteral(" "));
    return texts;
}

QAction *actionOf(MainWindow &window, const char *name)
{
    auto *action = window.findChild<QAction *>(QLatin1String(name));
    Q_ASSERT(action);
    return action;
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void everyStringIsTranslated();
    void everyMessageHasAContext();
    void everyCoreNameHasAnEntry();
    void translationsAreBuiltIn();
    void normalisesLanguageCodes_data();
    void normalisesLanguageCodes();
    void switchingRetranslatesTheOpenWindow();
    void languageMenuSwitchesAndRemembers();
    void openDialogsRetranslate();
    void openLessonAndHelpRetranslate();
    void coreNamesFollowTheLanguage();
    void qtDialogsFollowTheLanguage();
    void chineseTextHasAFont();
    void commandLineRejectsAnUnknownLanguage();

private:
    struct UpdatedTs
    {
        QString path;
        QList<Untranslated> problems;
        QString lupdateErrors;
    };
    void runLupdate();

    QTemporaryDir m_temp;
    QList<UpdatedTs> m_updated;
};

void TestTranslation::initTestCase()
{
    relulab::app::useThrowawaySettings();
    runLupdate();
}

void TestTranslation::cleanup()
{
    Language::instance().setLanguage(Language::English);
}

// lupdate run on today's sources into a copy of the committed .ts (the options of
// resources/translations/update.sh): a tr() string added without a translation comes in as
// unfinished.
void TestTranslation::runLupdate()
{
    const QString lupdate = QStringLiteral(RELULAB_LUPDATE);
    QVERIFY2(!lupdate.isEmpty() && QFileInfo(lupdate).isExecutable(),
             "lupdate was not found at configure time (Debian: qt6-l10n-tools)");
    QVERIFY(m_temp.isValid());
    for (const QString &code : Language::available()) {
        if (code == Language::English)
            continue;
        const QString committed =
                sourceDir() + QStringLiteral("/resources/translations/relulab_%1.ts").arg(code);
        const QString copy = m_temp.filePath(QFileInfo(committed).fileName());
        QVERIFY2(QFile::copy(committed, copy), qPrintable(committed));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess process;
        process.setWorkingDirectory(sourceDir());
        process.start(lupdate,
                      {QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("-no-obsolete"), QStringLiteral("-extensions"),
                       QStringLiteral("cpp,h,ui"), QStringLiteral("src"), QStringLiteral("ui"),
                       QStringLiteral("-ts"), copy});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        const QByteArray errors = process.readAllStandardError();
        QVERIFY2(process.exitCode() == 0, errors.constData());
        QString error;
        m_updated.append({copy, untranslatedMessages(copy, &error), QString::fromUtf8(errors)});
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    QVERIFY(!m_updated.isEmpty());
}

void TestTranslation::everyStringIsTranslated()
{
    QVERIFY(!m_updated.isEmpty());
    for (const UpdatedTs &ts : std::as_const(m_updated)) {
        QStringList lines;
        for (const Untranslated &message : ts.problems) {
            if (message.problem != QLatin1String("no context"))
                lines.append(QStringLiteral("  [%1] %2: \"%3\"")
                                     .arg(message.context, message.problem, message.source));
        }
        QVERIFY2(lines.isEmpty(),
                 qPrintable(QStringLiteral("%1 message(s) of %2 are not translated; run "
                                           "resources/translations/update.sh and translate "
                                           "them:\n%3")
                                    .arg(lines.size())
                                    .arg(QFileInfo(ts.path).fileName(), lines.join(u'\n'))));
    }
}

// A translation is looked up by the context tr() passes at run time. lupdate must see the same:
// tr() through a type alias leaves the context empty, and a free function named tr() in a
// namespace makes lupdate guess the namespace ("lacks Q_OBJECT macro").
void TestTranslation::everyMessageHasAContext()
{
    QVERIFY(!m_updated.isEmpty());
    QStringList lines;
    for (const UpdatedTs &ts : std::as_const(m_updated)) {
        for (const Untranslated &message : ts.problems) {
            if (message.problem == QLatin1String("no context"))
                lines.append(QStringLiteral("  no context: \"%1\"").arg(message.source.left(60)));
        }
        for (const QString &line : ts.lupdateErrors.split(u'\n', Qt::SkipEmptyParts)) {
            if (line.contains(QLatin1String("lacks Q_OBJECT")))
                lines.append(QStringLiteral("  lupdate: ") + line);
        }
    }
    lines.removeDuplicates();
    QVERIFY2(lines.isEmpty(),
             qPrintable(QStringLiteral("tr() contexts lupdate cannot see:\n") + lines.join(u'\n')));
}

// Core names are translated through the table of coretext.cpp; a name core adds must be listed
// there, or lupdate never sees it.
void TestTranslation::everyCoreNameHasAnEntry()
{
    using namespace relulab::core;
    for (const ActivationInfo &info : allActivations())
        QVERIFY2(relulab::ui::coreTextKnown(info.displayName), info.displayName.data());
    for (DatasetKind kind : {DatasetKind::TwoSpirals, DatasetKind::Circles, DatasetKind::Xor,
                             DatasetKind::Blobs, DatasetKind::Moons})
        QVERIFY2(relulab::ui::coreTextKnown(datasetDisplayName(kind)), datasetDisplayName(kind).data());
    for (int i = 0; i < InitializationCount; ++i) {
        const auto name = initializationDisplayName(static_cast<Initialization>(i));
        QVERIFY2(relulab::ui::coreTextKnown(name), name.data());
    }
    for (int i = 0; i < OptimizerCount; ++i) {
        const auto name = optimizerDisplayName(static_cast<OptimizerKind>(i));
        QVERIFY2(relulab::ui::coreTextKnown(name), name.data());
    }
    for (int i = 0; i < RacePresetCount; ++i) {
        const RacePreset preset = racePreset(static_cast<RacePresetKind>(i));
        QVERIFY2(relulab::ui::coreTextKnown(preset.displayName), preset.displayName.data());
        QVERIFY2(relulab::ui::coreTextKnown(preset.description), preset.description.data());
    }
    QVERIFY(!relulab::ui::coreTextKnown("not a core name"));
    QCOMPARE(relulab::ui::translatedCoreText("not a core name"), QStringLiteral("not a core name"));
}

void TestTranslation::translationsAreBuiltIn()
{
    for (const QString &code : Language::available()) {
        if (code != Language::English)
            QVERIFY2(QFile::exists(QStringLiteral(":/i18n/relulab_%1.qm").arg(code)), qPrintable(code));
    }
    QVERIFY(!Language::instance().setLanguage(QStringLiteral("fr")));
    QCOMPARE(Language::instance().language(), Language::English);
}

void TestTranslation::normalisesLanguageCodes_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en") << "en"
                        << "en";
    QTest::newRow("EN") << "EN"
                        << "en";
    QTest::newRow("en_GB") << "en_GB"
                           << "en";
    QTest::newRow("zh_CN") << "zh_CN"
                           << "zh_CN";
    QTest::newRow("zh-CN") << "zh-CN"
                           << "zh_CN";
    QTest::newRow("zh") << "zh"
                        << "zh_CN";
    QTest::newRow("spaces") << " zh_CN "
                            << "zh_CN";
    QTest::newRow("fr") << "fr"
                        << "";
    QTest::newRow("zhx") << "zhx"
                         << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestTranslation::normalisesLanguageCodes()
{
    QFETCH(QString, given);
    QFETCH(QString, expected);
    QCOMPARE(Language::normalised(given), expected);
}

void TestTranslation::switchingRetranslatesTheOpenWindow()
{
    MainWindow window;
    window.resize(1360, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.drawnGeneration() > 0);
    const QStringList english = visibleTexts(window);
    QCOMPARE(menuTitles(window).mid(0, 3),
             (QStringList {QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help")}));
    QCOMPARE(tabTitles(window).mid(0, 2),
             (QStringList {QStringLiteral("Function explorer"), QStringLiteral("Dead neurons")}));

    QSignalSpy changed(&Language::instance(), &Language::languageChanged);
    QVERIFY(Language::instance().setLanguage(Language::SimplifiedChinese));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(menuTitles(window).mid(0, 3),
             (QStringList {QStringLiteral("文件(&F)"), QStringLiteral("视图(&V)"),
                           QStringLiteral("帮助(&H)")}));
    QCOMPARE(tabTitles(window).mid(0, 2),
             (QStringList {QStringLiteral("函数浏览器"), QStringLiteral("死亡神经元")}));
    QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("resampleButton"))->text(),
             QStringLiteral("重新抽样(&R)"));
    QCOMPARE(window.lab().findChild<QPushButton *>(QStringLiteral("playButton"))->text(),
             QStringLiteral("播放"));
    QCOMPARE(window.findChild<QCustomPlot *>(QStringLiteral("slopeHistogramPlot"))->xAxis->label(),
             QStringLiteral("斜率 a"));
    QCOMPARE(window.lab().findChild<QCustomPlot *>(QStringLiteral("deadPlot"))->xAxis->label(),
             QStringLiteral("训练步数"));
    QCOMPARE(window.lab().findChild<QComboBox *>(QStringLiteral("speedCombo"))->currentText(),
             QStringLiteral("每帧 10 步"));
    QCOMPARE(window.findChild<QMenu *>(QStringLiteral("languageMenu"))->title(),
             QStringLiteral("语言(&L)"));
    QVERIFY(window.findChild<QTextBrowser *>(QStringLiteral("infoPanel"))
                    ->toHtml()
                    .contains(QStringLiteral("线性整流单元")));
    QCOMPARE(window.windowTitle(), QStringLiteral("ReLU 实验室"));
    relulab::ui::RaceTab &race = window.race();
    QCOMPARE(race.findChild<QPushButton *>(QStringLiteral("startButton"))->text(),
             QStringLiteral("开始"));
    QCOMPARE(race.deadPlot()->xAxis->label(), QStringLiteral("训练步数"));
    QCOMPARE(race.finishTable()->horizontalHeaderItem(0)->text(), QStringLiteral("激活函数"));
    QCOMPARE(race.findChild<QComboBox *>(QStringLiteral("presetCombo"))->itemText(0),
             QStringLiteral("自定义设置"));
    QCOMPARE(race.findChild<QComboBox *>(QStringLiteral("batchCombo"))->itemText(0),
             QStringLiteral("全批量"));
    relulab::ui::BornDeadTab &bornDead = window.bornDead();
    QCOMPARE(bornDead.plot()->xAxis->label(), QStringLiteral("深度 L（隐藏层数）"));
    QCOMPARE(bornDead.findChild<QComboBox *>(QStringLiteral("bornDeadInitCombo"))->itemText(0),
             QStringLiteral("He 正态（对称）"));
    QCOMPARE(bornDead.statusText(), QStringLiteral("按“开始”抽取网络。"));
    QCOMPARE(window.findChild<QMenu *>(QStringLiteral("lessonsMenu"))->title(),
             QStringLiteral("课程(&L)"));
    QCOMPARE(actionOf(window, "presentationAction")->text(), QStringLiteral("演示模式(&P)"));
    QCOMPARE(actionOf(window, "helpContentsAction")->text(), QStringLiteral("目录(&C)"));
    // Every checked text changed: nothing was left in English.
    const QStringList chinese = visibleTexts(window);
    for (qsizetype i = 0; i < english.size(); ++i)
        QVERIFY2(chinese[i] != english[i], qPrintable(english[i]));

    QVERIFY(Language::instance().setLanguage(Language::English));
    QCOMPARE(visibleTexts(window), english);
    QVERIFY(window.findChild<QTextBrowser *>(QStringLiteral("infoPanel"))
                    ->toHtml()
                    .contains(QStringLiteral("rectified linear unit")));
    QCOMPARE(window.windowTitle(), QStringLiteral("ReLU Lab"));
}

// The export and code dialogs stay open across a switch: every text they set in code follows.
void TestTranslation::openDialogsRetranslate()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    actionOf(window, "exportFigureAction")->trigger();
    auto *exportDialog = window.findChild<relulab::ui::ExportFigureDialog *>();
    QVERIFY(exportDialog);
    auto *figures = exportDialog->findChild<QComboBox *>(QStringLiteral("figureCombo"));
    auto *formats = exportDialog->findChild<QComboBox *>(QStringLiteral("formatCombo"));
    QPushButton *save = exportDialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                                ->button(QDialogButtonBox::Save);
    const auto exportTexts = [&] {
        return QStringList {exportDialog->windowTitle(), figures->itemText(figures->count() - 1),
                            formats->itemText(0), save->text()};
    };
    const QStringList exportEnglish = exportTexts();
    QCOMPARE(exportEnglish,
             (QStringList {QStringLiteral("Export figure"), QStringLiteral("Whole window"),
                           QStringLiteral("PNG picture"), QStringLiteral("&Export")}));
    const int figureShown = figures->currentIndex();

    actionOf(window, "copyAsCodeAction")->trigger();
    auto *codeDialog = window.findChild<relulab::ui::CodeDialog *>();
    QVERIFY(codeDialog);
    auto *note = codeDialog->findChild<QLabel *>(QStringLiteral("noteLabel"));
    auto *copied = codeDialog->findChild<QLabel *>(QStringLiteral("copiedLabel"));
    auto *copy = codeDialog->findChild<QPushButton *>(QStringLiteral("copyButton"));
    QTest::mouseClick(copy, Qt::LeftButton);
    const auto codeTexts = [&] {
        return QStringList {codeDialog->windowTitle(), note->text(), copy->text(), copied->text()};
    };
    const QStringList codeEnglish = codeTexts();
    QCOMPARE(codeEnglish.mid(0, 3),
             (QStringList {QStringLiteral("Copy as code"),
                           QStringLiteral("The selected function with its parameters, on the "
                                          "explorer's x range. Keras has no RReLU layer: its "
                                          "code defines one."),
                           QStringLiteral("&Copy")}));
    QCOMPARE(copied->text(), QStringLiteral("PyTorch code copied."));

    QVERIFY(Language::instance().setLanguage(Language::SimplifiedChinese));
    QCOMPARE(exportTexts(),
             (QStringList {QStringLiteral("导出图形"), QStringLiteral("整个窗口"),
                           QStringLiteral("PNG 图片"), QStringLiteral("导出(&E)")}));
    // Renaming the entries keeps the choice.
    QCOMPARE(figures->currentIndex(), figureShown);
    QCOMPARE(codeTexts(),
             (QStringList {QStringLiteral("复制为代码"),
                           QStringLiteral("所选函数及其参数，取浏览器的 x 范围。Keras 没有 RReLU "
                                          "层：其代码中定义了一个。"),
                           QStringLiteral("复制(&C)"), QStringLiteral("已复制 PyTorch 代码。")}));

    QVERIFY(Language::instance().setLanguage(Language::English));
    QCOMPARE(exportTexts(), exportEnglish);
    QCOMPARE(codeTexts(), codeEnglish);
    codeDialog->reject();
    exportDialog->reject();
}

// The lesson panel and the help window, open during a switch, show their text in the new language.
void TestTranslation::openLessonAndHelpRetranslate()
{
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    actionOf(window, "lessonAction1")->trigger();
    auto *lesson = window.findChild<QTextBrowser *>(QStringLiteral("lessonText"));
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("lessonDock"));
    QVERIFY(lesson && dock);
    QVERIFY(lesson->toPlainText().startsWith(QStringLiteral("Lesson 1: ReLU and its derivative")));
    QCOMPARE(dock->windowTitle(), QStringLiteral("Lesson 1 of 8"));
    actionOf(window, "helpContentsAction")->trigger();
    auto *help = window.findChild<QTextBrowser *>(QStringLiteral("helpText"));
    QVERIFY(help);
    QVERIFY(help->toPlainText().startsWith(QStringLiteral("ReLU Lab help")));

    QVERIFY(Language::instance().setLanguage(Language::SimplifiedChinese));
    QVERIFY2(lesson->toPlainText().startsWith(QStringLiteral("第 1 课：ReLU 及其导数")),
             qPrintable(lesson->toPlainText().left(40)));
    QVERIFY(lesson->toPlainText().contains(QStringLiteral("试一试")));
    QCOMPARE(dock->windowTitle(), QStringLiteral("第 1 课，共 8 课"));
    QVERIFY2(help->toPlainText().startsWith(QStringLiteral("ReLU 实验室帮助")),
             qPrintable(help->toPlainText().left(40)));
    QCOMPARE(help->window()->windowTitle(), QStringLiteral("ReLU 实验室帮助"));

    QVERIFY(Language::instance().setLanguage(Language::English));
    QVERIFY(lesson->toPlainText().startsWith(QStringLiteral("Lesson 1: ReLU and its derivative")));
    QVERIFY(help->toPlainText().startsWith(QStringLiteral("ReLU Lab help")));
}

void TestTranslation::languageMenuSwitchesAndRemembers()
{
    MainWindow window;
    auto *menu = window.findChild<QMenu *>(QStringLiteral("languageMenu"));
    QVERIFY(menu);
    auto *chinese = menu->findChild<QAction *>(QStringLiteral("language_zh_CN"));
    auto *english = menu->findChild<QAction *>(QStringLiteral("language_en"));
    QVERIFY(chinese && english);
    QVERIFY(english->isChecked());
    QCOMPARE(chinese->text(), QStringLiteral("简体中文"));

    chinese->trigger();
    QCOMPARE(Language::instance().language(), Language::SimplifiedChinese);
    QVERIFY(chinese->isChecked());
    QVERIFY(!english->isChecked());
    QCOMPARE(relulab::app::storedLanguage(), Language::SimplifiedChinese);
    // Each language keeps its own name whatever the interface shows.
    QCOMPARE(english->text(), QStringLiteral("English"));

    english->trigger();
    QCOMPARE(Language::instance().language(), Language::English);
    QCOMPARE(relulab::app::storedLanguage(), Language::English);
    QVERIFY(english->isChecked());
}

void TestTranslation::coreNamesFollowTheLanguage()
{
    using namespace relulab::core;
    QCOMPARE(relulab::ui::datasetName(DatasetKind::TwoSpirals), QStringLiteral("Two spirals"));
    QVERIFY(Language::instance().setLanguage(Language::SimplifiedChinese));
    QCOMPARE(relulab::ui::datasetName(DatasetKind::TwoSpirals), QStringLiteral("双螺旋"));
    QCOMPARE(relulab::ui::optimizerName(OptimizerKind::Momentum), QStringLiteral("带动量的 SGD"));
    QCOMPARE(relulab::ui::racePresetName(RacePresetKind::DeepAndNarrow), QStringLiteral("深而窄"));
    // Activation names stay the names the literature uses.
    QCOMPARE(relulab::ui::activationName(Activation::LeakyRelu), QStringLiteral("Leaky ReLU"));
}

// Qt's own strings (the buttons of QMessageBox, QFileDialog) come from qtbase_zh_CN.qm: built in
// when the build machine had qt6-translations-l10n, else the system's copy.
void TestTranslation::qtDialogsFollowTheLanguage()
{
    if (!QFile::exists(QStringLiteral(":/i18n/qtbase_zh_CN.qm"))
        && !QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath)
                          + QStringLiteral("/qtbase_zh_CN.qm")))
        QSKIP("Qt's own Chinese translation is not installed (Debian: qt6-translations-l10n)");
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    QVERIFY(Language::instance().setLanguage(Language::SimplifiedChinese));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
    QVERIFY(Language::instance().setLanguage(Language::English));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

// fonts-noto-cjk (packaging/quickstart.sh, and a Recommends of the DEB) gives Qt a font with the
// glyphs; without one, Chinese text is drawn as empty boxes.
void TestTranslation::chineseTextHasAFont()
{
    const QString text = QStringLiteral("激活函数导数死亡神经元学习率");
    const QStringList families = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    QVERIFY2(!families.isEmpty(), "no font for Simplified Chinese: install fonts-noto-cjk");
    bool covered = false;
    QString tried;
    for (const QString &family : families) {
        const QRawFont raw = QRawFont::fromFont(QFont(family), QFontDatabase::SimplifiedChinese);
        if (!raw.isValid())
            continue;
        tried += family + QLatin1Char(' ');
        if (std::all_of(text.cbegin(), text.cend(),
                        [&raw](QChar c) { return raw.supportsCharacter(c); })) {
            covered = true;
            break;
        }
    }
    QVERIFY2(covered,
             qPrintable(QStringLiteral("no font has the glyphs of %1 (tried: %2)").arg(text, tried)));
    // And the font the widgets use falls back to one: every glyph of the text has an index.
    const QList<QGlyphRun> runs = [&text] {
        QTextLayout layout(text, QApplication::font());
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        return layout.glyphRuns();
    }();
    QVERIFY(!runs.isEmpty());
    for (const QGlyphRun &run : runs) {
        for (quint32 index : run.glyphIndexes())
            QVERIFY2(index != 0, "a Chinese character would be drawn as an empty box");
    }
}

void TestTranslation::commandLineRejectsAnUnknownLanguage()
{
    QProcess process;
    process.start(QStringLiteral(RELULAB_PATH),
                  {QStringLiteral("--language"), QStringLiteral("fr"), QStringLiteral("--screenshot"),
                   QDir::temp().filePath(QStringLiteral("relulab-never-written.png"))});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(process.readAllStandardError().contains("--language: expected en or zh_CN, got 'fr'"),
             "the message names the option, the choices and the value");
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
