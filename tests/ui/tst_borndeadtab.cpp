// The born-dead tab driven as a class would: type widths and depths (and mistakes), set the
// numbers with the keyboard, press Start, Cancel or Ctrl+Return, and read the table and the plot,
// which must hold exactly the numbers core::runBornDead computes for the same grid.

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>
#include <memory>

#include "core/borndead.h"
#include "ui/borndeadtab.h"
#include "ui/mainwindow.h"

using relulab::ui::BornDeadTab;
using relulab::ui::MainWindow;
namespace core = relulab::core;

namespace {

constexpr int TimeoutMs = 60000; // generous: a sanitizer build on a busy two-core machine

} // namespace

class TestBornDeadTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithTheIssuesGrid();
    void badInputShowsAnErrorAndDisablesStart_data();
    void badInputShowsAnErrorAndDisablesStart();
    void startFillsTableAndPlotWithTheCoreNumbers();
    void cellsAppearWhileTheRunComputes();
    void cancelStopsTheRun();
    void startWhileRunningShowsOnlyTheNewRun();
    void compareHeWithRai();
    void mainWindowShowsTheTabAndPresetsRememberIt();

private:
    template<class T>
    T *child(const char *name) const
    {
        auto *widget = m_tab->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child widget %s", name);
        return widget;
    }
    // Replaces a field's text as a user does: select all, type.
    void typeInto(QWidget *field, const QString &text)
    {
        field->setFocus();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(field, Qt::Key_Backspace);
        QTest::keyClicks(field, text);
    }
    // A small grid typed into the tab; returns the config it should run.
    core::BornDeadConfig typeSmallGrid(const QString &widths, const QString &depths, int networks)
    {
        typeInto(child<QLineEdit>("widthsEdit"), widths);
        typeInto(child<QLineEdit>("depthsEdit"), depths);
        typeInto(child<QSpinBox>("networksSpin"), QString::number(networks));
        typeInto(child<QSpinBox>("inputsSpin"), QStringLiteral("300"));
        typeInto(child<QSpinBox>("bornDeadSeedSpin"), QStringLiteral("11"));
        core::BornDeadConfig config;
        config.widths.clear();
        for (const QString &w : widths.split(QLatin1Char(',')))
            config.widths.push_back(w.toInt());
        config.depths.clear();
        for (const QString &d : depths.split(QLatin1Char(',')))
            config.depths.push_back(d.toInt());
        config.networks = static_cast<std::uint64_t>(networks);
        config.inputs = 300;
        config.seed = 11;
        return config;
    }
    bool waitForFinish(QSignalSpy &finished, int count = 1)
    {
        return QTest::qWaitFor([&] { return finished.count() >= count; }, TimeoutMs);
    }
    void compareRow(int row, const core::BornDeadCell &cell) const
    {
        QTableWidget *table = m_tab->table();
        const auto value = [&](int column) {
            return table->item(row, column)->data(Qt::UserRole).toDouble();
        };
        QCOMPARE(table->item(row, BornDeadTab::WidthColumn)->text(), QString::number(cell.width));
        QCOMPARE(table->item(row, BornDeadTab::DepthColumn)->text(), QString::number(cell.depth));
        QCOMPARE(table->item(row, BornDeadTab::NetworksColumn)->text(),
                 QString::number(static_cast<qulonglong>(cell.networks)));
        QCOMPARE(table->item(row, BornDeadTab::BornDeadColumn)->text(),
                 QString::number(static_cast<qulonglong>(cell.bornDead)));
        QCOMPARE(value(BornDeadTab::PColumn), cell.p);
        QCOMPARE(value(BornDeadTab::CiLowColumn), cell.interval.low);
        QCOMPARE(value(BornDeadTab::CiHighColumn), cell.interval.high);
        QCOMPARE(value(BornDeadTab::DeadAtInputColumn), cell.deadAtInputFraction);
        QCOMPARE(value(BornDeadTab::OracleColumn), cell.oracle);
        QCOMPARE(table->item(row, BornDeadTab::PColumn)->text(), QString::number(cell.p, 'f', 4));
    }

    std::unique_ptr<BornDeadTab> m_tab;
};

void TestBornDeadTab::initTestCase()
{
    // The main window must neither read nor write the user's settings.
    qputenv("RELULAB_NO_SETTINGS", "1");
}

void TestBornDeadTab::init()
{
    m_tab = std::make_unique<BornDeadTab>();
    m_tab->resize(1300, 780);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void TestBornDeadTab::cleanup()
{
    m_tab.reset();
}

void TestBornDeadTab::startsWithTheIssuesGrid()
{
    QCOMPARE(child<QLineEdit>("widthsEdit")->text(), QStringLiteral("2,3,4,5,10"));
    QCOMPARE(child<QLineEdit>("depthsEdit")->text(), QStringLiteral("2,5,10,20,50"));
    QCOMPARE(child<QSpinBox>("networksSpin")->value(), 4000);
    QCOMPARE(child<QSpinBox>("inputsSpin")->value(), 2000);
    const auto configs = m_tab->configs();
    QVERIFY(configs);
    QCOMPARE(configs->size(), std::size_t(1));
    QCOMPARE(configs->front(), core::BornDeadConfig {});
    QVERIFY(child<QPushButton>("startButton")->isEnabled());
    QVERIFY(!child<QPushButton>("cancelButton")->isEnabled());
    QVERIFY(child<QLabel>("gridErrorLabel")->isHidden());
    QCOMPARE(m_tab->table()->rowCount(), 0);
    // Every control explains itself.
    for (QWidget *w : m_tab->findChildren<QWidget *>()) {
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QSpinBox *>(w) || qobject_cast<QComboBox *>(w)
            || qobject_cast<QPushButton *>(w) || qobject_cast<QCheckBox *>(w)) {
            if (w->objectName().startsWith(QLatin1String("qt_")) || w->objectName().isEmpty())
                continue;
            QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
        }
    }
    // The explanation cites the paper.
    QVERIFY(child<QLabel>("explanationLabel")->text().contains(QStringLiteral("Karniadakis 2019")));
}

void TestBornDeadTab::badInputShowsAnErrorAndDisablesStart_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a number") << "widthsEdit"
                                  << "2,x"
                                  << "Widths: “x” is not a whole number";
    QTest::newRow("zero width") << "widthsEdit"
                                << "0,2"
                                << "Widths: 0 is not between 1 and 128";
    QTest::newRow("too wide") << "widthsEdit"
                              << "2,129"
                              << "Widths: 129 is not between 1 and 128";
    QTest::newRow("twice") << "widthsEdit"
                           << "2, 3, 2"
                           << "Widths: 2 is given twice";
    QTest::newRow("empty entry") << "widthsEdit"
                                 << "2,,3"
                                 << "Widths: there is an empty entry between two commas";
    QTest::newRow("nothing") << "widthsEdit"
                             << ""
                             << "Widths: enter at least one width, e.g. 2,5,10";
    QTest::newRow("too deep") << "depthsEdit"
                              << "2,1001"
                              << "Depths: 1001 is not between 1 and 1000";
    QTest::newRow("negative depth") << "depthsEdit"
                                    << "-5"
                                    << "Depths: -5 is not between 1 and 1000";
}

void TestBornDeadTab::badInputShowsAnErrorAndDisablesStart()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, message);
    auto *edit = child<QLineEdit>(field.toLatin1().constData());
    const QString good = edit->text();
    typeInto(edit, text);
    auto *error = child<QLabel>("gridErrorLabel");
    QVERIFY(!error->isHidden());
    QCOMPARE(error->text(), message);
    QCOMPARE(m_tab->inputError(), message);
    QVERIFY(!child<QPushButton>("startButton")->isEnabled());
    QVERIFY(!m_tab->configs());
    // Neither Return in the field nor Ctrl+Return starts anything.
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_tab->controller().currentRun(), quint64(0));
    QVERIFY(!m_tab->controller().isRunning());
    // Fixed, the error goes and Start comes back.
    typeInto(edit, good);
    QVERIFY(error->isHidden());
    QVERIFY(child<QPushButton>("startButton")->isEnabled());
    QVERIFY(m_tab->inputError().isEmpty());
}

void TestBornDeadTab::startFillsTableAndPlotWithTheCoreNumbers()
{
    const core::BornDeadConfig config =
            typeSmallGrid(QStringLiteral("2,4"), QStringLiteral("2,5,10"), 500);
    QCOMPARE(m_tab->configs()->front(), config);
    const core::BornDeadResult expected = core::runBornDead(config);
    QSignalSpy finished(m_tab.get(), &BornDeadTab::runFinished);
    QTest::mouseClick(child<QPushButton>("startButton"), Qt::LeftButton);
    QVERIFY(waitForFinish(finished));
    QCOMPARE(finished.at(0).at(1).toBool(), false);

    QTableWidget *table = m_tab->table();
    QCOMPARE(table->rowCount(), 6);
    QVERIFY(table->isColumnHidden(BornDeadTab::InitColumn));
    for (int row = 0; row < 6; ++row)
        compareRow(row, expected.cells[static_cast<std::size_t>(row)]);

    for (int w : {2, 4}) {
        QCPGraph *estimate = m_tab->estimateGraph(0, w);
        QCPErrorBars *bars = m_tab->errorBars(0, w);
        QCPGraph *deadAtInput = m_tab->deadAtInputGraph(0, w);
        QCPGraph *oracle = m_tab->oracleGraph(w);
        QVERIFY(estimate && bars && deadAtInput && oracle);
        QCOMPARE(estimate->dataCount(), 3);
        QCOMPARE(bars->dataCount(), 3);
        int i = 0;
        for (const core::BornDeadCell &cell : expected.cells) {
            if (cell.width != w)
                continue;
            const auto point = estimate->data()->at(i);
            QCOMPARE(point->key, double(cell.depth));
            QCOMPARE(point->value, cell.p);
            // The bars reach the Wilson interval's ends.
            const QCPErrorBarsData bar = bars->data()->at(i);
            QVERIFY(std::abs(cell.p - bar.errorMinus - cell.interval.low) < 1e-12);
            QVERIFY(std::abs(cell.p + bar.errorPlus - cell.interval.high) < 1e-12);
            QCOMPARE(deadAtInput->data()->at(i)->value, cell.deadAtInputFraction);
            ++i;
        }
        // The oracle curve is 1 - (1 - 2^-N)^L at every point it draws.
        QVERIFY(oracle->dataCount() > 10);
        for (auto it = oracle->data()->constBegin(); it != oracle->data()->constEnd(); ++it)
            QVERIFY(std::abs(it->value - (1.0 - std::pow(1.0 - std::pow(2.0, -w), it->key))) < 1e-12);
    }
    QCOMPARE(child<QProgressBar>("progressBar")->value(),
             child<QProgressBar>("progressBar")->maximum());
    QVERIFY2(m_tab->statusText().contains(QStringLiteral("6 cells")), qPrintable(m_tab->statusText()));
    QVERIFY(m_tab->statusText().contains(QStringLiteral("3,000 networks"))
            || m_tab->statusText().contains(QStringLiteral("3000 networks")));
    QVERIFY(!child<QPushButton>("cancelButton")->isEnabled());
    QVERIFY(child<QPushButton>("startButton")->isEnabled());
}

void TestBornDeadTab::cellsAppearWhileTheRunComputes()
{
    typeSmallGrid(QStringLiteral("2,3,4,5,10"), QStringLiteral("2,5,10,20,50"), 600);
    int firstRows = -1;
    int firstPoints = -1;
    bool runningAtFirst = false;
    connect(m_tab.get(), &BornDeadTab::cellShown, this, [&] {
        if (firstRows >= 0)
            return;
        firstRows = m_tab->table()->rowCount();
        firstPoints = m_tab->estimateGraph(0, 2)->dataCount();
        runningAtFirst = m_tab->controller().isRunning();
    });
    QSignalSpy shown(m_tab.get(), &BornDeadTab::cellShown);
    QSignalSpy finished(m_tab.get(), &BornDeadTab::runFinished);
    // Ctrl+Return starts, as the button does.
    QTest::keyClick(child<QLineEdit>("widthsEdit"), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_tab->controller().isRunning());
    QVERIFY(!child<QPushButton>("startButton")->text().isEmpty());
    QVERIFY(child<QPushButton>("cancelButton")->isEnabled());
    QVERIFY(waitForFinish(finished));
    // The first cell was in the table and the plot before the others had finished.
    QCOMPARE(firstRows, 1);
    QCOMPARE(firstPoints, 1);
    QVERIFY(runningAtFirst);
    QCOMPARE(shown.count(), 25);
    QCOMPARE(m_tab->table()->rowCount(), 25);
    // Width 2 at depth 10 with zero biases is born dead about 9 times in 10 (Lu et al. 2019; the
    // core's test pins it near 0.9).
    const double p = m_tab->estimateGraph(0, 2)->data()->at(2)->value;
    QVERIFY2(p > 0.8 && p < 0.97, qPrintable(QString::number(p)));
}

void TestBornDeadTab::cancelStopsTheRun()
{
    typeSmallGrid(QStringLiteral("128"), QStringLiteral("500,1000"), 1000000);
    // Normal biases (keyboard on the combo), so that no input is dropped early: a long run.
    auto *bias = child<QComboBox>("bornDeadBiasCombo");
    bias->setFocus();
    QTest::keyClick(bias, Qt::Key_Down);
    QCOMPARE(m_tab->configs()->front().bias, core::BornDeadBias::Normal);
    QSignalSpy finished(m_tab.get(), &BornDeadTab::runFinished);
    QTest::mouseClick(child<QPushButton>("startButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->controller().computingRun(), m_tab->shownRun(), TimeoutMs);
    QTest::qWait(150);
    QElapsedTimer clock;
    clock.start();
    // Esc cancels, as the button does.
    QTest::keyClick(child<QLineEdit>("widthsEdit"), Qt::Key_Escape);
    QVERIFY(!m_tab->controller().isRunning());
    QVERIFY(waitForFinish(finished));
    qInfo("Esc to the end of the run: %lld ms", static_cast<long long>(clock.elapsed()));
    QCOMPARE(finished.at(0).at(1).toBool(), true);
    QVERIFY2(m_tab->statusText().startsWith(QStringLiteral("Cancelled after 0 of 2 cells")),
             qPrintable(m_tab->statusText()));
    QVERIFY(!child<QPushButton>("cancelButton")->isEnabled());
    QVERIFY(child<QPushButton>("startButton")->isEnabled());
    QCOMPARE(m_tab->table()->rowCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->controller().computingRun(), quint64(0), TimeoutMs);
}

void TestBornDeadTab::startWhileRunningShowsOnlyTheNewRun()
{
    typeSmallGrid(QStringLiteral("128"), QStringLiteral("1000"), 1000000);
    auto *bias = child<QComboBox>("bornDeadBiasCombo");
    bias->setFocus();
    QTest::keyClick(bias, Qt::Key_Down);
    QSignalSpy finished(m_tab.get(), &BornDeadTab::runFinished);
    auto *start = child<QPushButton>("startButton");
    QTest::mouseClick(start, Qt::LeftButton);
    const quint64 first = m_tab->shownRun();
    QCOMPARE(start->text(), QStringLiteral("Re&start"));
    // A small grid replaces the long one while it computes.
    const core::BornDeadConfig config = typeSmallGrid(QStringLiteral("3"), QStringLiteral("2,5"), 400);
    QTest::keyClick(bias, Qt::Key_Up);
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(m_tab->shownRun(), first + 1);
    QVERIFY(waitForFinish(finished));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toULongLong(), first + 1);
    const core::BornDeadResult expected = core::runBornDead(config);
    QCOMPARE(m_tab->table()->rowCount(), 2);
    for (int row = 0; row < 2; ++row)
        compareRow(row, expected.cells[static_cast<std::size_t>(row)]);
    QVERIFY(!m_tab->estimateGraph(0, 128));
}

void TestBornDeadTab::compareHeWithRai()
{
    core::BornDeadConfig he = typeSmallGrid(QStringLiteral("2"), QStringLiteral("5,10"), 400);
    auto *compare = child<QCheckBox>("compareCheck");
    compare->setFocus();
    QTest::keyClick(compare, Qt::Key_Space);
    QVERIFY(compare->isChecked());
    QVERIFY(!child<QComboBox>("bornDeadInitCombo")->isEnabled());
    core::BornDeadConfig rai = he;
    rai.init = core::BornDeadInit::RandomizedAsymmetric;
    const auto configs = m_tab->configs();
    QVERIFY(configs);
    QCOMPARE(configs->size(), std::size_t(2));
    QCOMPARE(configs->at(0), he);
    QCOMPARE(configs->at(1), rai);
    QSignalSpy finished(m_tab.get(), &BornDeadTab::runFinished);
    QTest::mouseClick(child<QPushButton>("startButton"), Qt::LeftButton);
    QVERIFY(waitForFinish(finished));
    QTableWidget *table = m_tab->table();
    QCOMPARE(table->rowCount(), 4);
    QVERIFY(!table->isColumnHidden(BornDeadTab::InitColumn));
    const core::BornDeadResult expectedHe = core::runBornDead(he);
    const core::BornDeadResult expectedRai = core::runBornDead(rai);
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(table->item(row, BornDeadTab::InitColumn)->text(),
                 row < 2 ? QStringLiteral("He") : QStringLiteral("RAI"));
        compareRow(row,
                   row < 2 ? expectedHe.cells[static_cast<std::size_t>(row)]
                           : expectedRai.cells[static_cast<std::size_t>(row - 2)]);
    }
    QCOMPARE(m_tab->estimateGraph(1, 2)->dataCount(), 2);
    QCOMPARE(m_tab->estimateGraph(1, 2)->data()->at(1)->value, expectedRai.cells[1].p);
    // RAI draws nonzero biases: the zero-bias oracle is not its dead-at-input figure, so no crosses.
    QVERIFY(!m_tab->deadAtInputGraph(1, 2));
    QVERIFY(m_tab->deadAtInputGraph(0, 2));
}

void TestBornDeadTab::mainWindowShowsTheTabAndPresetsRememberIt()
{
    MainWindow window;
    window.showTab(MainWindow::Tab::BornDead);
    QCOMPARE(window.currentTab(), MainWindow::Tab::BornDead);
    QCOMPARE(&window.bornDead(), window.findChild<BornDeadTab *>());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("born-dead.json"));
    QCOMPARE(window.savePreset(path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains(R"("tab": "born-dead")"));
    window.showTab(MainWindow::Tab::Explorer);
    QCOMPARE(window.currentTab(), MainWindow::Tab::Explorer);
    QCOMPARE(window.openPreset(path), QString());
    QCOMPARE(window.currentTab(), MainWindow::Tab::BornDead);
    // The other tabs still map both ways.
    for (auto tab : {MainWindow::Tab::Explorer, MainWindow::Tab::Lab, MainWindow::Tab::BornDead})
        QCOMPARE(MainWindow::tabFor(MainWindow::presetTabFor(tab)), tab);
}

QTEST_MAIN(TestBornDeadTab)
#include "tst_borndeadtab.moc"
