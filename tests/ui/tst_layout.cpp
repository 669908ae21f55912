// Every tab read as a person reads it, at the window's minimum size, in presentation mode at
// 1280x720 and 1920x1080, and at the default size with a lesson open, in English and Chinese:
// no label, button, group title, column title or combo box text is cut, no rich text line breaks
// inside a word or number, no two widgets a layout places overlap, and in every plot no tick
// labels collide and no title, axis label or legend entry runs past its room.

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyleOptionComboBox>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>

#include <qcustomplot.h>

#include <memory>

#include "common/timeouts.h"
#include "ui/borndeadtab.h"
#include "ui/gradientflowtab.h"
#include "ui/labtab.h"
#include "ui/language.h"
#include "ui/lessons.h"
#include "ui/mainwindow.h"
#include "ui/presentation.h"
#include "ui/racetab.h"

using relulab::ui::Language;
using relulab::ui::MainWindow;

namespace {

constexpr int TimeoutMs = relulab::test::StateTimeoutMs;

enum class Mode { Minimum, Presentation720, Presentation1080, DefaultWithLesson, Default };

QString describe(const QWidget *widget)
{
    QString name = widget->objectName();
    if (name.isEmpty() || name.startsWith(QLatin1String("qt_")))
        name = QString::fromLatin1(widget->metaObject()->className());
    for (const QWidget *parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
        if (!parent->objectName().isEmpty() && !parent->objectName().startsWith(QLatin1String("qt_"))) {
            name = parent->objectName() + QLatin1Char('/') + name;
            break;
        }
    }
    return name;
}

QString plainText(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

// A mnemonic's & is not shown; && is one &.
QString shownText(QString text)
{
    text.replace(QLatin1String("&&"), QString(QChar(0x1)));
    text.remove(QLatin1Char('&'));
    text.replace(QChar(0x1), QLatin1Char('&'));
    return text;
}

bool isAsciiWordCharacter(QChar c)
{
    return c.unicode() > 0x20 && c.unicode() < 0x7F;
}

// A line that starts inside a run of printable ASCII characters broke a word, a number or a piece of
// code (negative_slope=0.0|1): there was no break opportunity and the text was too wide. (Breaks
// after a hyphen or a slash are line-breaking opportunities; CJK text breaks between characters.)
void checkLineBreaks(const QTextDocument *document, const QString &where, QStringList &problems)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QTextLayout *layout = block.layout();
        if (!layout)
            continue;
        const QString text = block.text();
        for (int i = 1; i < layout->lineCount(); ++i) {
            const int start = layout->lineAt(i).textStart();
            if (start <= 0 || start >= text.size())
                continue;
            const QChar before = text.at(start - 1);
            const QChar after = text.at(start);
            if (isAsciiWordCharacter(before) && isAsciiWordCharacter(after) && before != QLatin1Char('-')
                && before != QLatin1Char('/'))
                problems << QStringLiteral("%1: a line breaks inside \"%2|%3\"")
                                    .arg(where, text.mid(std::max(0, start - 12), std::min(12, start)),
                                         text.mid(start, 12));
        }
    }
}

void checkLabel(const QLabel *label, QStringList &problems)
{
    const QString text = plainText(label->text());
    if (text.trimmed().isEmpty())
        return;
    if (!label->wordWrap()) {
        const QSize needed = label->minimumSizeHint();
        if (needed.width() > label->width() || needed.height() > label->height())
            problems << QStringLiteral("%1: \"%2\" needs %3x%4, has %5x%6")
                                .arg(describe(label), text.left(40))
                                .arg(needed.width())
                                .arg(needed.height())
                                .arg(label->width())
                                .arg(label->height());
        return;
    }
    if (label->heightForWidth(label->width()) > label->height())
        problems << QStringLiteral("%1: \"%2\" needs %3 px of height at width %4, has %5")
                            .arg(describe(label), text.left(40))
                            .arg(label->heightForWidth(label->width()))
                            .arg(label->width())
                            .arg(label->height());
    // A word wider than the label is broken inside.
    const QFontMetrics metrics(label->font());
    const int room = label->contentsRect().width() - 2 * label->margin();
    static const QRegularExpression word(QStringLiteral("[\\x21-\\x7E]+"));
    for (auto match = word.globalMatch(text); match.hasNext();) {
        const QString token = match.next().captured();
        if (metrics.horizontalAdvance(token) > room)
            problems << QStringLiteral("%1: the word \"%2\" is wider than the label").arg(describe(label), token);
    }
}

void checkButton(const QAbstractButton *button, QStringList &problems)
{
    const QString text = shownText(button->text());
    if (text.isEmpty())
        return;
    const QStyle *style = button->style();
    const QFontMetrics metrics(button->font());
    int needed = metrics.size(Qt::TextShowMnemonic, button->text()).width();
    if (!button->icon().isNull())
        needed += button->iconSize().width() + 4;
    if (qobject_cast<const QCheckBox *>(button))
        needed += style->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, button)
                + style->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, button);
    else if (qobject_cast<const QRadioButton *>(button))
        needed += style->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth, nullptr, button)
                + style->pixelMetric(QStyle::PM_RadioButtonLabelSpacing, nullptr, button);
    else if (qobject_cast<const QPushButton *>(button))
        // The contents' room in QCommonStyle's push button (what its size hint gives the text).
        needed += style->pixelMetric(QStyle::PM_ButtonMargin, nullptr, button)
                + 2 * style->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, button);
    else
        return; // tool buttons and others: drawn by their owners
    if (needed > button->width())
        problems << QStringLiteral("%1: \"%2\" needs %3 px, has %4 (its size hint %5, minimum %6)")
                            .arg(describe(button), text)
                            .arg(needed)
                            .arg(button->width())
                            .arg(button->sizeHint().width())
                            .arg(button->minimumSizeHint().width());
}

void checkComboBox(const QComboBox *combo, QStringList &problems)
{
    const QString text = combo->currentText();
    if (text.isEmpty())
        return;
    QStyleOptionComboBox option;
    option.initFrom(combo);
    option.editable = combo->isEditable();
    option.currentText = text;
    option.subControls = QStyle::SC_All;
    const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                      QStyle::SC_ComboBoxEditField, combo);
    int needed = QFontMetrics(combo->font()).horizontalAdvance(text);
    if (!combo->itemIcon(combo->currentIndex()).isNull())
        needed += combo->iconSize().width() + 4;
    if (needed > field.width())
        problems << QStringLiteral("%1: \"%2\" needs %3 px, has %4")
                            .arg(describe(combo), text)
                            .arg(needed)
                            .arg(field.width());
}

void checkGroupBox(const QGroupBox *group, QStringList &problems)
{
    const QString title = shownText(group->title());
    if (title.isEmpty())
        return;
    int needed = QFontMetrics(group->font()).horizontalAdvance(title);
    if (group->isCheckable())
        needed += group->style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, group) + 6;
    if (needed > group->width())
        problems << QStringLiteral("%1: title \"%2\" needs %3 px, has %4")
                            .arg(describe(group), title)
                            .arg(needed)
                            .arg(group->width());
}

// The widgets a layout (or a splitter) places side by side must not overlap.
void checkOverlaps(const QWidget *parent, QStringList &problems)
{
    QList<const QWidget *> placed;
    for (const QObject *object : parent->children()) {
        const auto *child = qobject_cast<const QWidget *>(object);
        if (!child || child->isWindow() || !child->isVisible() || child->size().isEmpty())
            continue;
        const bool managed = (parent->layout() && parent->layout()->indexOf(child) >= 0)
                || qobject_cast<const QSplitter *>(parent);
        if (managed)
            placed << child;
    }
    for (qsizetype i = 0; i < placed.size(); ++i) {
        for (qsizetype j = i + 1; j < placed.size(); ++j) {
            const QRect overlap = placed[i]->geometry() & placed[j]->geometry();
            if (!overlap.isEmpty())
                problems << QStringLiteral("%1 and %2 overlap by %3x%4 px")
                                    .arg(describe(placed[i]), describe(placed[j]))
                                    .arg(overlap.width())
                                    .arg(overlap.height());
        }
    }
}

// A header's titles are whole in their sections.
void checkHeader(const QHeaderView *header, QStringList &problems)
{
    const QAbstractItemModel *model = header->model();
    if (!model || header->orientation() != Qt::Horizontal)
        return;
    const QFontMetrics metrics(header->font());
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    for (int section = 0; section < model->columnCount(); ++section) {
        if (header->isSectionHidden(section))
            continue;
        const QString title = model->headerData(section, Qt::Horizontal).toString();
        const int needed = metrics.horizontalAdvance(title) + 2 * margin;
        if (needed > header->sectionSize(section))
            problems << QStringLiteral("%1: column title \"%2\" needs %3 px, has %4")
                                .arg(describe(header), title)
                                .arg(needed)
                                .arg(header->sectionSize(section));
    }
}

// A widget reaching past its parent is cut there (the contents of a scroll area scroll instead).
void checkInsideParent(const QWidget *widget, QStringList &problems)
{
    const QWidget *parent = widget->parentWidget();
    if (!parent || widget->isWindow() || widget->size().isEmpty())
        return;
    if (auto *area = qobject_cast<const QAbstractScrollArea *>(parent->parentWidget());
        area && area->viewport() == parent)
        return;
    if (!parent->rect().contains(widget->geometry()))
        problems << QStringLiteral("%1 (%2x%3 at %4,%5) reaches past its parent (%6x%7)")
                            .arg(describe(widget))
                            .arg(widget->width())
                            .arg(widget->height())
                            .arg(widget->x())
                            .arg(widget->y())
                            .arg(parent->width())
                            .arg(parent->height());
}

// Where a text of `size` drawn centred at `centre` along an axis lies, in the plot's pixels.
QRectF textRect(QPointF centre, QSizeF size)
{
    return QRectF(centre.x() - size.width() / 2.0, centre.y() - size.height() / 2.0, size.width(),
                  size.height());
}

void checkAxis(QCustomPlot *plot, QCPAxis *axis, const QString &where, QStringList &problems)
{
    if (!axis->visible())
        return;
    const QRectF bounds = plot->rect();
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    if (axis->tickLabels()) {
        const QFontMetricsF metrics(axis->tickLabelFont());
        const QVector<double> ticks = axis->tickVector();
        const QVector<QString> labels = axis->tickVectorLabels();
        QList<QRectF> rects;
        for (qsizetype k = 0; k < ticks.size() && k < labels.size(); ++k) {
            if (labels[k].isEmpty() || !axis->range().contains(ticks[k]))
                continue;
            const double pixel = axis->coordToPixel(ticks[k]);
            const QSizeF size = metrics.boundingRect(QRectF(), Qt::TextDontClip, labels[k]).size();
            const QPointF centre = horizontal ? QPointF(pixel, 0.0) : QPointF(0.0, pixel);
            rects << textRect(centre, size);
            const QRectF &r = rects.back();
            const bool outside = horizontal ? (r.left() < bounds.left() - 0.5 || r.right() > bounds.right() + 0.5)
                                            : (r.top() < bounds.top() - 0.5 || r.bottom() > bounds.bottom() + 0.5);
            if (outside)
                problems << QStringLiteral("%1: tick label \"%2\" of the %3 axis runs off the plot (at %4, %5 px wide, in %6 px)")
                                    .arg(where, labels[k], QString::number(int(axis->axisType())))
                                    .arg(pixel)
                                    .arg(horizontal ? size.width() : size.height())
                                    .arg(horizontal ? bounds.width() : bounds.height());
        }
        for (qsizetype k = 1; k < rects.size(); ++k) {
            const QRectF &a = rects[k - 1];
            const QRectF &b = rects[k];
            const bool collide = horizontal ? (std::max(a.left(), b.left()) < std::min(a.right(), b.right()))
                                            : (std::max(a.top(), b.top()) < std::min(a.bottom(), b.bottom()));
            if (collide)
                problems << QStringLiteral("%1: tick labels \"%2\" and \"%3\" collide")
                                    .arg(where, labels.value(k - 1), labels.value(k));
        }
    }
    if (!axis->label().isEmpty()) {
        // Drawn centred on the axis rect's side, along the axis (rotated on a vertical one).
        const QSizeF size = QFontMetricsF(axis->labelFont())
                                    .boundingRect(QRectF(), Qt::TextDontClip, axis->label())
                                    .size();
        const QRect side = axis->axisRect()->rect();
        const double along = size.width();
        const double centre = horizontal ? side.center().x() : side.center().y();
        const double low = horizontal ? bounds.left() : bounds.top();
        const double high = horizontal ? bounds.right() : bounds.bottom();
        if (centre - along / 2.0 < low - 0.5 || centre + along / 2.0 > high + 0.5)
            problems << QStringLiteral("%1: axis label \"%2\" (%3 px) is longer than the plot (%4 px)")
                                .arg(where, QString(axis->label()).replace(QLatin1Char('\n'), QLatin1Char(' ')))
                                .arg(qRound(along))
                                .arg(qRound(high - low));
    }
}

void checkPlot(QCustomPlot *plot, QStringList &problems)
{
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QString where = describe(plot);
    const QRect bounds = plot->rect();
    for (QCPAxisRect *axisRect : plot->axisRects())
        for (QCPAxis *axis : axisRect->axes())
            checkAxis(plot, axis, where, problems);
    // Titles and other texts in the layout: their text fits their cell and the plot.
    QList<QCPLayoutElement *> elements = plot->plotLayout()->elements(true);
    for (QCPLayoutElement *element : elements) {
        if (!element || !element->visible())
            continue;
        if (auto *text = qobject_cast<QCPTextElement *>(element)) {
            if (text->text().isEmpty())
                continue;
            const QSize needed = QFontMetrics(text->font())
                                         .boundingRect(QRect(), Qt::TextDontClip, text->text())
                                         .size();
            const QRect room = text->rect() & bounds;
            if (needed.width() > room.width() + 1 || needed.height() > room.height() + 1)
                problems << QStringLiteral("%1: title \"%2\" needs %3x%4, has %5x%6")
                                    .arg(where, text->text().left(40))
                                    .arg(needed.width())
                                    .arg(needed.height())
                                    .arg(room.width())
                                    .arg(room.height());
        } else if (auto *legend = qobject_cast<QCPLegend *>(element)) {
            if (!legend->visible())
                continue;
            for (int i = 0; i < legend->itemCount(); ++i) {
                QCPAbstractLegendItem *item = legend->item(i);
                if (!item || !item->visible())
                    continue;
                const QSize needed = item->minimumOuterSizeHint();
                const QRect room = item->outerRect() & bounds;
                QString name = QStringLiteral("item %1").arg(i);
                if (auto *plottableItem = qobject_cast<QCPPlottableLegendItem *>(item))
                    name = plottableItem->plottable()->name();
                if (needed.width() > room.width() + 1 || needed.height() > room.height() + 1)
                    problems << QStringLiteral("%1: legend entry \"%2\" needs %3x%4, has %5x%6")
                                        .arg(where, name)
                                        .arg(needed.width())
                                        .arg(needed.height())
                                        .arg(room.width())
                                        .arg(room.height());
            }
        }
    }
    // Legends inside an axis rect (insets) too.
    for (QCPAxisRect *axisRect : plot->axisRects()) {
        for (QCPLayoutElement *inset : axisRect->insetLayout()->elements(false)) {
            auto *legend = qobject_cast<QCPLegend *>(inset);
            if (!legend || !legend->visible())
                continue;
            if (!axisRect->rect().contains(legend->outerRect()))
                problems << QStringLiteral("%1: the legend does not fit its plot").arg(where);
        }
    }
}

// Everything a person sees in `window`.
QStringList layoutProblems(QWidget *window)
{
    QStringList problems;
    // On screen: some of it inside every ancestor (not scrolled out of a scroll area's view).
    const auto visible = [window](const QWidget *widget) {
        QRect rect = widget->rect();
        for (const QWidget *w = widget; w != window; w = w->parentWidget()) {
            rect = rect.translated(w->pos()) & w->parentWidget()->rect();
            if (rect.isEmpty())
                return false;
        }
        return true;
    };
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->window() != window)
            continue;
        checkOverlaps(widget, problems);
        if (!visible(widget))
            continue;
        checkInsideParent(widget, problems);
        if (auto *label = qobject_cast<QLabel *>(widget))
            checkLabel(label, problems);
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            checkButton(button, problems);
        else if (auto *combo = qobject_cast<QComboBox *>(widget))
            checkComboBox(combo, problems);
        else if (auto *group = qobject_cast<QGroupBox *>(widget))
            checkGroupBox(group, problems);
        else if (auto *browser = qobject_cast<QTextBrowser *>(widget))
            checkLineBreaks(browser->document(), describe(browser), problems);
        else if (auto *plot = qobject_cast<QCustomPlot *>(widget))
            checkPlot(plot, problems);
        else if (auto *header = qobject_cast<QHeaderView *>(widget))
            checkHeader(header, problems);
    }
    problems.removeDuplicates();
    return problems;
}

} // namespace

Q_DECLARE_METATYPE(Mode)
Q_DECLARE_METATYPE(MainWindow::Tab)

class TestLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everythingIsReadable_data();
    void everythingIsReadable();

private:
    // Shows `tab` and waits until it has drawn what it shows first.
    bool showAndWait(MainWindow &window, MainWindow::Tab tab);
};

void TestLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestLayout::cleanupTestCase()
{
    Language::instance().setLanguage(Language::English);
}

void TestLayout::everythingIsReadable_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<MainWindow::Tab>("tab");
    QTest::addColumn<int>("depth"); // the lab's hidden layers; 0: the reference's 3
    const std::pair<MainWindow::Tab, const char *> tabs[] = {{MainWindow::Tab::Explorer, "explorer"},
                                                             {MainWindow::Tab::Lab, "lab"},
                                                             {MainWindow::Tab::GradientFlow, "gradient-flow"},
                                                             {MainWindow::Tab::Race, "race"},
                                                             {MainWindow::Tab::BornDead, "born-dead"}};
    const std::pair<Mode, const char *> modes[] = {{Mode::Minimum, "minimum"},
                                                   {Mode::Presentation720, "presentation 1280x720"},
                                                   {Mode::Presentation1080, "presentation 1920x1080"}};
    for (const QString &language : {Language::English, Language::SimplifiedChinese}) {
        for (const auto &[mode, modeName] : modes)
            for (const auto &[tab, tabName] : tabs)
                QTest::addRow("%s, %s, %s", qPrintable(language), modeName, tabName)
                        << language << mode << tab << 0;
        QTest::addRow("%s, 1360x820, lab with lesson 3", qPrintable(language))
                << language << Mode::DefaultWithLesson << MainWindow::Tab::Lab << 0;
        // The deepest network: its dead-unit summary, colour scale and network view.
        for (const auto &[mode, modeName] : modes)
            QTest::addRow("%s, %s, lab with 32 layers", qPrintable(language), modeName)
                    << language << mode << MainWindow::Tab::Lab << 32;
        QTest::addRow("%s, 1360x820, lab with 32 layers", qPrintable(language))
                << language << Mode::Default << MainWindow::Tab::Lab << 32;
    }
}

bool TestLayout::showAndWait(MainWindow &window, MainWindow::Tab tab)
{
    window.showTab(tab);
    switch (tab) {
    case MainWindow::Tab::Explorer:
        return QTest::qWaitFor(
                [&] {
                    const quint64 newest = window.curveService().requestedGeneration();
                    return newest > 0 && window.drawnGeneration() == newest;
                },
                TimeoutMs);
    case MainWindow::Tab::Lab:
        return QTest::qWaitFor([&] { return window.lab().shownRun() > 0; }, TimeoutMs);
    case MainWindow::Tab::Race:
        return QTest::qWaitFor([&] { return window.race().shownRun() > 0; }, TimeoutMs);
    case MainWindow::Tab::GradientFlow:
        // With the statistics of both networks drawn.
        return QTest::qWaitFor(
                [&] {
                    const relulab::ui::GradientFlowTab &flow = window.gradientFlow();
                    return flow.shownRun() > 0 && flow.profileGraph(true)->dataCount() > 0;
                },
                TimeoutMs);
    case MainWindow::Tab::BornDead: {
        // Its table and plot filled, as after a run (a small one: what matters is the layout).
        relulab::ui::BornDeadTab &bornDead = window.bornDead();
        auto *networks = bornDead.findChild<QSpinBox *>(QStringLiteral("networksSpin"));
        auto *inputs = bornDead.findChild<QSpinBox *>(QStringLiteral("inputsSpin"));
        if (!networks || !inputs)
            return false;
        networks->setValue(networks->minimum());
        inputs->setValue(inputs->minimum());
        QSignalSpy finished(&bornDead, &relulab::ui::BornDeadTab::runFinished);
        if (!bornDead.start())
            return false;
        return finished.wait(TimeoutMs) || !finished.isEmpty();
    }
    }
    return false;
}

void TestLayout::everythingIsReadable()
{
    QFETCH(QString, language);
    QFETCH(Mode, mode);
    QFETCH(MainWindow::Tab, tab);
    QFETCH(int, depth);
    QVERIFY(Language::instance().setLanguage(language));
    MainWindow window;
    window.resize(1360, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    switch (mode) {
    case Mode::Minimum:
        window.resize(1, 1); // the layouts' minimum
        break;
    case Mode::Presentation720:
    case Mode::Presentation1080:
        // Scaled and high contrast, at a projector's size (as --presentation --screenshot).
        window.presentation().setPresenting(true);
        window.setWindowState(window.windowState() & ~Qt::WindowFullScreen);
        window.resize(mode == Mode::Presentation720 ? QSize(1280, 720) : QSize(1920, 1080));
        break;
    case Mode::DefaultWithLesson:
        QCOMPARE(window.lessons().open(2), QString());
        break;
    case Mode::Default:
        break;
    }
    QVERIFY(showAndWait(window, tab));
    if (depth > 0) {
        window.lab().model().setDepth(depth);
        QVERIFY(QTest::qWaitFor([&] { return window.lab().deadGraph(depth - 1) != nullptr; },
                                TimeoutMs));
    }
    // Let every layout and queued replot settle at the new size.
    QVERIFY(QTest::qWaitFor([&] {
        QCoreApplication::processEvents();
        return !window.testAttribute(Qt::WA_PendingResizeEvent);
    }, TimeoutMs));
    QCoreApplication::processEvents();
    QTest::qWait(50);
    if (mode == Mode::Minimum)
        QVERIFY(window.width() < 1100 && window.height() < 600); // at its minimum, not 1360x820
    // Full screen on a projector of that size: the window's layouts must fit in it.
    if (mode == Mode::Presentation720 || mode == Mode::Presentation1080) {
        const QSize screen = mode == Mode::Presentation720 ? QSize(1280, 720) : QSize(1920, 1080);
        const QSize needed = window.minimumSizeHint().expandedTo(window.minimumSize());
        QVERIFY2(needed.width() <= screen.width() && needed.height() <= screen.height(),
                 qPrintable(QStringLiteral("the window needs at least %1x%2").arg(needed.width()).arg(needed.height())));
        QCOMPARE(window.size(), screen);
    }
    const QStringList problems = layoutProblems(&window);
    QVERIFY2(problems.isEmpty(), qPrintable(QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
