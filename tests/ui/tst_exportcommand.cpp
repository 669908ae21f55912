// `relulab --preset FILE --export-figure OUT [--tab NAME] [--plot NAME]`, run as a process: it
// renders offscreen without showing a window, writes a valid PNG, PDF or SVG and exits 0 (a PNG of
// the size asked for, with the plots drawn in it, not a blank picture); bad input exits 2 and an
// unwritable file 1, each with a message naming the culprit and no file. `--lab-steps N
// --export-data` shows and writes exactly step N, the same to the bit as `relulab-cli train`.

#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include "app/preset.h"
#include "ui/style.h"

namespace {

struct Run
{
    int exitCode = -1;
    QString standardError;
};

// How many different colours the picture has, counted up to `enough`. A blank or single-colour
// picture has one or two; drawn text, axes and antialiased curves give hundreds.
int distinctColours(const QImage &image, int enough)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            colours.insert(image.pixel(x, y));
            if (colours.size() >= enough)
                return enough;
        }
    }
    return static_cast<int>(colours.size());
}

// How many pixels have exactly this colour (opaque): the inside of a curve drawn with that pen.
qsizetype pixelsOfColour(const QImage &image, const QColor &colour)
{
    const QRgb wanted = colour.rgb();
    qsizetype count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) == wanted ? 1 : 0;
    }
    return count;
}

} // namespace

class TestExportCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void explorerWindowAsPng();
    void plotAsSvgAndPdf();
    void labTabFromThePreset();
    void labStepIsExact_data();
    void labStepIsExact();
    void helpStatesTheRangeItTakes();
    void errors_data();
    void errors();
    void unwritableFile();

private:
    Run run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // With --export-figure the command must pick the offscreen platform itself: no display is
        // given to it. Without, the test gives it the offscreen platform.
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        if (arguments.contains(QStringLiteral("--export-figure")))
            environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        else
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RELULAB_PATH), arguments);
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromLocal8Bit(process.readAllStandardError())};
    }

    // relulab-cli's standard output, or nothing when it fails.
    static QByteArray cli(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(RELULAB_CLI_PATH), arguments);
        if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            qWarning("relulab-cli: %s", process.readAllStandardError().constData());
            return {};
        }
        return process.readAllStandardOutput();
    }

    QTemporaryDir m_dir;
    QString m_explorerPreset;
    QString m_labPreset;
};

void TestExportCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    relulab::app::Preset explorer;
    explorer.explorer.activation = relulab::core::Activation::LeakyRelu;
    explorer.explorer.params.leakySlope = 0.2;
    m_explorerPreset = m_dir.filePath(QStringLiteral("leaky.json"));
    QVERIFY(!relulab::app::savePreset(explorer, m_explorerPreset));

    relulab::app::Preset lab;
    lab.tab = relulab::app::PresetTab::Lab;
    lab.lab.hiddenLayers = 2;
    lab.lab.unitsPerLayer = 8;
    m_labPreset = m_dir.filePath(QStringLiteral("lab.json"));
    QVERIFY(!relulab::app::savePreset(lab, m_labPreset));
}

void TestExportCommand::explorerWindowAsPng()
{
    const QString out = m_dir.filePath(QStringLiteral("window.png"));
    const Run result =
            run({QStringLiteral("--preset"), m_explorerPreset, QStringLiteral("--export-figure"),
                 out, QStringLiteral("--size"), QStringLiteral("1400x900"),
                 QStringLiteral("--scale"), QStringLiteral("2")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    const QImage image(out);
    // --size in window pixels, times --scale.
    QCOMPARE(image.size(), QSize(2800, 1800));
    QCOMPARE(distinctColours(image, 64), 64);
    // The preset's Leaky ReLU is drawn, in its colour: its curve in both plots is a few thousand
    // pixels wide at scale 2 (a bare window or an empty plot has none).
    const qsizetype curvePixels =
            pixelsOfColour(image, relulab::ui::activationColor(relulab::core::Activation::LeakyRelu));
    QVERIFY2(curvePixels > 2000, qPrintable(QString::number(curvePixels)));
}

void TestExportCommand::plotAsSvgAndPdf()
{
    const QString svg = m_dir.filePath(QStringLiteral("activation.svg"));
    Run result = run({QStringLiteral("--preset"), m_explorerPreset, QStringLiteral("--export-figure"),
                      svg, QStringLiteral("--plot"), QStringLiteral("activationPlot")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    // A plot, not the whole 1360 x 820 window.
    QVERIFY(renderer.viewBox().width() < 1360);

    const QString pdf = m_dir.filePath(QStringLiteral("window.pdf"));
    result = run({QStringLiteral("--preset"), m_explorerPreset, QStringLiteral("--export-figure"), pdf});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("%PDF-"));
}

void TestExportCommand::labTabFromThePreset()
{
    // The preset shows the lab, so its plots are the ones --plot may name.
    const QString out = m_dir.filePath(QStringLiteral("dead.png"));
    const Run result = run({QStringLiteral("--preset"), m_labPreset, QStringLiteral("--export-figure"),
                            out, QStringLiteral("--plot"), QStringLiteral("deadPlot")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    const QImage image(out);
    // The plot as laid out in the 1360 x 820 window, so smaller than the window; not blank.
    QVERIFY(!image.isNull());
    QVERIFY2(image.width() < 1360 && image.height() < 820 && image.width() > 100 && image.height() > 100,
             qPrintable(QStringLiteral("%1 x %2").arg(image.width()).arg(image.height())));
    QCOMPARE(distinctColours(image, 32), 32);
    // --scale multiplies the plot's pixels exactly.
    const QString scaled = m_dir.filePath(QStringLiteral("dead-scaled.png"));
    const Run scaledResult =
            run({QStringLiteral("--preset"), m_labPreset, QStringLiteral("--export-figure"), scaled,
                 QStringLiteral("--plot"), QStringLiteral("deadPlot"), QStringLiteral("--scale"),
                 QStringLiteral("1.5")});
    QVERIFY2(scaledResult.exitCode == 0, qPrintable(scaledResult.standardError));
    QCOMPARE(QImage(scaled).size(), QSize(qRound(image.width() * 1.5), qRound(image.height() * 1.5)));

    // --tab overrides the preset's tab.
    const Run wrongTab = run({QStringLiteral("--preset"), m_labPreset, QStringLiteral("--tab"),
                              QStringLiteral("explorer"), QStringLiteral("--export-figure"),
                              m_dir.filePath(QStringLiteral("x.png")), QStringLiteral("--plot"),
                              QStringLiteral("deadPlot")});
    QCOMPARE(wrongTab.exitCode, 2);
    QVERIFY2(wrongTab.standardError.contains(QStringLiteral("--plot: no plot 'deadPlot'")),
             qPrintable(wrongTab.standardError));
}

// The cells of a CSV's rows by column name.
QList<QHash<QString, QString>> csvRows(const QByteArray &csv)
{
    QStringList lines = QString::fromUtf8(csv).split(u'\n', Qt::SkipEmptyParts);
    QList<QHash<QString, QString>> rows;
    if (lines.isEmpty())
        return rows;
    const QStringList header = lines.takeFirst().split(u',');
    for (const QString &line : std::as_const(lines)) {
        const QStringList cells = line.split(u',');
        QHash<QString, QString> row;
        for (qsizetype i = 0; i < header.size() && i < cells.size(); ++i)
            row.insert(header.at(i), cells.at(i));
        rows.append(row);
    }
    return rows;
}

void TestExportCommand::labStepIsExact_data()
{
    QTest::addColumn<int>("steps");
    for (int steps : {1, 10, 137, 2000})
        QTest::addRow("%d", steps) << steps;
}

// --lab-steps 10 used to show step 83, 147 or 156: the picture and its data are of step N, and
// step N is what relulab-cli train computes, to the bit.
void TestExportCommand::labStepIsExact()
{
    QFETCH(int, steps);
    const QString shot = m_dir.filePath(QStringLiteral("lab-%1.png").arg(steps));
    const QString data = m_dir.filePath(QStringLiteral("lab-%1.csv").arg(steps));
    const Run result = run({QStringLiteral("--preset"), m_labPreset, QStringLiteral("--lab-steps"),
                            QString::number(steps), QStringLiteral("--screenshot"), shot,
                            QStringLiteral("--export-data"), data});
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    QVERIFY(!QImage(shot).isNull());
    QFile file(data);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    const QList<QHash<QString, QString>> shown = csvRows(csv);
    QVERIFY2(shown.size() >= 2, csv.constData()); // step 0 and step N at least
    QCOMPARE(shown.first().value(QStringLiteral("step")), QStringLiteral("0"));
    QCOMPARE(shown.last().value(QStringLiteral("step")), QString::number(steps));
    for (qsizetype i = 1; i < shown.size(); ++i)
        QVERIFY(shown[i].value(QStringLiteral("step")).toInt() > shown[i - 1].value(QStringLiteral("step")).toInt());

    const QList<QHash<QString, QString>> trained = csvRows(
            cli({QStringLiteral("train"), QStringLiteral("--preset"), m_labPreset, QStringLiteral("--steps"),
                 QString::number(steps), QStringLiteral("--every"), QString::number(steps)}));
    QCOMPARE(trained.size(), 2); // steps 0 and N
    const QHash<QString, QString> &cliRow = trained.last();
    const QHash<QString, QString> &labRow = shown.last();
    int compared = 0;
    for (auto it = labRow.cbegin(); it != labRow.cend(); ++it) {
        QVERIFY2(cliRow.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(it.value(), cliRow.value(it.key()));
        ++compared;
    }
    // step, loss, the two accuracies, dead_l1 and dead_l2.
    QCOMPARE(compared, 6);
}

// relulab --help said --samples took 2 to 10,000,000 (relulab-cli's range) while the window takes
// 11 to 100,001.
void TestExportCommand::helpStatesTheRangeItTakes()
{
    QProcess help;
    help.start(QStringLiteral(RELULAB_PATH), {QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(60000));
    const QString text = QString::fromLocal8Bit(help.readAllStandardOutput()).simplified();
    QVERIFY2(text.contains(QStringLiteral("--samples <n> Number of evenly spaced samples, 11 to 100001")),
             qPrintable(text));
    const QString largest = m_dir.filePath(QStringLiteral("samples.png"));
    const Run taken = run({QStringLiteral("--samples"), QStringLiteral("100001"),
                           QStringLiteral("--screenshot"), largest});
    QVERIFY2(taken.exitCode == 0, qPrintable(taken.standardError));
    const Run refused = run({QStringLiteral("--samples"), QStringLiteral("100002"),
                             QStringLiteral("--screenshot"), largest + QStringLiteral(".2.png")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.standardError.contains(
                     QStringLiteral("--samples: the app draws between 11 and 100001 samples, got 100002")),
             qPrintable(refused.standardError));
}

void TestExportCommand::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("extension") << QStringList {"--export-figure", "out.jpg"}
                               << "out.jpg' must end in .png, .pdf or .svg";
    QTest::newRow("scale") << QStringList {"--export-figure", "out.png", "--scale", "9"}
                           << "--scale: expected a number from 0.25 to 8, got '9'";
    QTest::newRow("plot without export")
            << QStringList {"--plot", "activationPlot"} << "--plot: only with --export-figure";
    QTest::newRow("both") << QStringList {"--export-figure", "a.png", "--screenshot", "b.png"}
                          << "--export-figure and --screenshot: one at a time";
    QTest::newRow("unknown plot") << QStringList {"--export-figure", "a.png", "--plot", "nonsense"}
                                  << "--plot: no plot 'nonsense' on the explorer tab";
    QTest::newRow("data without a picture")
            << QStringList {"--export-data", "out.csv"} << "--export-data: only with --screenshot or --export-figure";
    QTest::newRow("data and picture in one file")
            << QStringList {"--screenshot", "a.png", "--export-data", "a.png"}
            << "--screenshot and --export-data name the same file";
    QTest::newRow("data of the race")
            << QStringList {"--tab", "race", "--screenshot", "a.png", "--export-data", "out.csv"}
            << "--export-data: the race tab has no data to export";
    QTest::newRow("missing preset")
            << QStringList {"--preset", "/nonexistent/p.json", "--export-figure", "a.png"}
            << "/nonexistent/p.json";
}

void TestExportCommand::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    for (QString &argument : arguments) {
        if (argument.endsWith(QLatin1String(".png")) || argument.endsWith(QLatin1String(".jpg"))
            || argument.endsWith(QLatin1String(".csv")))
            argument = m_dir.filePath(argument);
    }
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.standardError.contains(message), qPrintable(result.standardError));
    QCOMPARE(QDir(m_dir.path())
                     .entryList({QStringLiteral("a.*"), QStringLiteral("b.*"), QStringLiteral("out.*")},
                                QDir::Files),
             QStringList());
}

void TestExportCommand::unwritableFile()
{
    const QString out = m_dir.filePath(QStringLiteral("missing/figure.svg"));
    const Run result = run({QStringLiteral("--export-figure"), out});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.standardError.contains(out), qPrintable(result.standardError));
    QVERIFY(!QFile::exists(out));
}

QTEST_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
