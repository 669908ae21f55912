// BornDeadModel: the born-dead tab's settings. Defaults are core::BornDeadConfig's; every setter
// clamps to the widgets' ranges or refuses a list the run would refuse; changed() comes once per
// effective change; series() is what BornDeadController runs.

#include <QSignalSpy>
#include <QTest>

#include <vector>

#include "app/borndeadmodel.h"

using relulab::app::BornDeadModel;
namespace core = relulab::core;

class TestBornDeadModel : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreTheCoreDefaults();
    void listsAreValidatedNotClamped_data();
    void listsAreValidatedNotClamped();
    void numbersAreClamped();
    void changedOncePerEffectiveChange();
    void compareGivesHeThenRai();
    void resetToDefaults();
};

void TestBornDeadModel::defaultsAreTheCoreDefaults()
{
    const BornDeadModel model;
    QCOMPARE(model.config(), core::BornDeadConfig {});
    QVERIFY(!model.compare());
    QCOMPARE(model.series(), std::vector<core::BornDeadConfig> {core::BornDeadConfig {}});
    QVERIFY(!core::validate(model.config()));
}

void TestBornDeadModel::listsAreValidatedNotClamped_data()
{
    QTest::addColumn<std::vector<int>>("widths");
    QTest::addColumn<bool>("valid");
    QTest::newRow("one") << std::vector<int> {1} << true;
    QTest::newRow("any order") << std::vector<int> {10, 2, 128} << true;
    QTest::newRow("empty") << std::vector<int> {} << false;
    QTest::newRow("zero") << std::vector<int> {0, 2} << false;
    QTest::newRow("too wide") << std::vector<int> {2, 129} << false;
    QTest::newRow("twice") << std::vector<int> {2, 3, 2} << false;
}

void TestBornDeadModel::listsAreValidatedNotClamped()
{
    QFETCH(std::vector<int>, widths);
    QFETCH(bool, valid);
    BornDeadModel model;
    QSignalSpy changed(&model, &BornDeadModel::changed);
    QCOMPARE(model.setWidths(widths), valid);
    QCOMPARE(model.widths(), valid ? widths : core::BornDeadConfig {}.widths);
    QCOMPARE(changed.count(), valid ? 1 : 0);
    // Depths have their own range.
    QVERIFY(model.setDepths({1000, 1}));
    QVERIFY(!model.setDepths({1001}));
    QCOMPARE(model.depths(), (std::vector<int> {1000, 1}));
    QVERIFY(!core::validate(model.config()));
}

void TestBornDeadModel::numbersAreClamped()
{
    BornDeadModel model;
    model.setNetworks(0);
    QCOMPARE(model.networks(), quint64(1));
    model.setNetworks(core::BornDeadMaxNetworks + 1);
    QCOMPARE(model.networks(), quint64(core::BornDeadMaxNetworks));
    model.setInputs(core::BornDeadMaxInputs * 2);
    QCOMPARE(model.inputs(), quint64(core::BornDeadMaxInputs));
    model.setInputs(0);
    QCOMPARE(model.inputs(), quint64(0));
    model.setInputDim(0);
    QCOMPARE(model.inputDim(), 1);
    model.setInputDim(3);
    QCOMPARE(model.inputDim(), 2);
    model.setSeed(quint64(1) << 40);
    QCOMPARE(model.seed(), BornDeadModel::MaxSeed);
    QVERIFY(!core::validate(model.config()));
}

void TestBornDeadModel::changedOncePerEffectiveChange()
{
    BornDeadModel model;
    QSignalSpy changed(&model, &BornDeadModel::changed);
    model.setNetworks(model.networks());
    model.setWidths(model.widths());
    model.setBias(model.bias());
    model.setCompare(false);
    QCOMPARE(changed.count(), 0);
    model.setBias(core::BornDeadBias::Normal);
    model.setInit(core::BornDeadInit::RandomizedAsymmetric);
    model.setCompare(true);
    model.setSeed(5);
    model.setInputs(10);
    QCOMPARE(changed.count(), 5);
}

void TestBornDeadModel::compareGivesHeThenRai()
{
    BornDeadModel model;
    model.setInit(core::BornDeadInit::RandomizedAsymmetric);
    model.setBias(core::BornDeadBias::Normal);
    QCOMPARE(model.series().size(), std::size_t(1));
    QCOMPARE(model.series().front().init, core::BornDeadInit::RandomizedAsymmetric);
    model.setCompare(true);
    const std::vector<core::BornDeadConfig> series = model.series();
    QCOMPARE(series.size(), std::size_t(2));
    QCOMPARE(series[0].init, core::BornDeadInit::HeNormal);
    QCOMPARE(series[1].init, core::BornDeadInit::RandomizedAsymmetric);
    // He keeps the chosen biases; everything else is shared.
    QCOMPARE(series[0].bias, core::BornDeadBias::Normal);
    core::BornDeadConfig rai = series[1];
    rai.init = core::BornDeadInit::HeNormal;
    QCOMPARE(rai, series[0]);
}

void TestBornDeadModel::resetToDefaults()
{
    BornDeadModel model;
    model.setWidths({3});
    model.setCompare(true);
    QSignalSpy changed(&model, &BornDeadModel::changed);
    model.resetToDefaults();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.config(), core::BornDeadConfig {});
    QVERIFY(!model.compare());
    model.resetToDefaults();
    QCOMPARE(changed.count(), 1);
}

QTEST_GUILESS_MAIN(TestBornDeadModel)
#include "tst_borndeadmodel.moc"
