#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <vector>

#include "app/trainingcontroller.h"

class QPainter;

namespace relulab::ui {

// The lab's network drawn as columns of units: the two inputs, every hidden layer, the output.
// Each hidden unit is filled by its activation rate (the fraction of training points on which it
// is active), so a dying network visibly darkens; dead units are black with a red ring, and a red
// cross when no gradient can revive them. Links are the weights: blue positive, vermillion
// negative, width and opacity by magnitude relative to the largest of their layer.
//
// A deep or wide network has far more links than its narrow gaps between columns can show apart:
// only the strongest of each layer are drawn then, and the legend says how many. Where the column
// numbers would run into each other, only every 2nd (5th, 10th, ...) layer is numbered.
//
// Columns are numbered 0 (inputs) to columnCount() - 1 (output); units from 0, top to bottom.
// The texts a user reads number hidden layers and units from 1.
class NetworkView : public QWidget
{
    Q_OBJECT

public:
    // Links weaker than this fraction of their layer's largest |w| are not drawn: at the opacity
    // their size gives them they would only tint the background.
    static constexpr double MinimumRelativeWeight = 0.1;
    // At most this many links are drawn, the strongest of each layer, shared so that small layers
    // keep all theirs: the reference network (3,136 weights) shows every link, while a 128 x 128
    // layer, a solid band at any screen size with all its 16,384, keeps a few hundred and painting
    // stays fast.
    static constexpr int MaxLinks = 4000;
    // Each gap between columns, s pixels wide and h high, shows at most s * s * h / LinkRoom of its
    // layer's links. A link is told from its neighbours by its slope, and the slopes one can tell
    // apart grow with the gap's width as well as its area: the reference's gaps (over 80 px at the
    // default size) keep all their 1,024 links, while 32 layers, 15 px apart in the lab, keep the
    // strongest few dozen, a readable path through the network rather than a solid band.
    static constexpr double LinkRoom = 1250.0;
    // Columns with more units than this (or too dense for 3 px radius) are drawn compactly,
    // without neutral outlines.
    static constexpr int CompactUnits = 40;

    explicit NetworkView(QWidget *parent = nullptr);

    // Shows this snapshot (kept, not copied) from the next paint on.
    void showSnapshot(const app::TrainingSnapshotPtr &snapshot);
    const app::TrainingSnapshotPtr &snapshot() const noexcept { return m_snapshot; }

    // 0 without a snapshot; otherwise hidden layers + 2.
    int columnCount() const noexcept { return static_cast<int>(m_units.size()); }
    int unitCount(int column) const;
    // In widget coordinates at the current size; a null point for a unit that does not exist.
    QPointF unitCentre(int column, int unit) const;
    double unitRadius(int column) const;
    // What the tooltip says over `position`: the unit there, or an empty string.
    QString unitDescriptionAt(QPoint position) const;
    // The message painted over a greyed network (a diverged run), or an empty string.
    QString overlayMessage() const;
    // What the picture leaves out at the current size, as the legend (and the accessible
    // description) says it, a line each, or an empty string: "links: the strongest 34 per layer
    // (1,120 of 31,840)", "dead counts under numbered layers only".
    QString omissionNote() const;
    // The links the paint draws at the current size (the strongest of each layer, none weaker
    // than MinimumRelativeWeight of their layer's largest), and all the network has.
    int drawnLinkCount() const;
    qsizetype linkCount() const;
    // The texts over column `column`: its name or number (empty where numbers would collide and
    // this one is left out), and its dead count (empty for the inputs and the output, and where
    // the counts have no room).
    QString columnLabel(int column) const;
    QString columnDeadCount(int column) const;

    // The fill of a hidden unit active on `rate` (0 to 1) of the points. Rate 0 is dead: black.
    static QColor activationRateColor(double rate);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Column
    {
        double x = 0.0;
        double firstY = 0.0; // centre of unit 0
        double pitch = 0.0; // between centres
        double radius = 0.0;
    };
    // Column titles, from the fullest to the most compact, as the width between columns allows:
    // "layer 1 · 4 dead / 32"; "layer 1" over "4 dead / 32"; "layer 1" over "4 dead"; "1" over "4".
    enum class TitleForm { OneLine, TwoLines, ShortCount, Numbers };
    struct Geometry
    {
        QSize size;
        std::vector<Column> columns;
        double titleTop = 0.0;
        TitleForm titleForm = TitleForm::OneLine;
        // With TitleForm::Numbers: every labelStride-th hidden layer numbered (and layer 1 when
        // there is room), and the dead counts under every column or (countStride > 1) under the
        // numbered ones only.
        int labelStride = 1;
        int countStride = 1;
        bool labelFirst = true;
        double maxLinkWidth = 1.0;
        // Per layer of weights (gap between columns), how many of its links may be drawn.
        std::vector<std::size_t> linkBudgets;
        QStringList notes; // omissionNote(), a line each
        QRectF legend;
    };
    // A link chosen to be drawn, in drawing order: weakest strength bucket first, in each the
    // positive links before the negative ones.
    struct Link
    {
        std::uint16_t layer = 0;
        std::uint16_t in = 0;
        std::uint16_t out = 0;
        std::uint8_t style = 0; // strength bucket * 2 + (1 if negative)
    };
    enum class UnitState { Unmeasured, Active, RarelyActive, DeadWithGradient, DeadNoGradient };

    const Geometry &geometry() const;
    UnitState unitState(int column, int unit) const;
    double activationRate(int column, int unit) const;
    bool diverged() const;
    // Whether dead unit `unit` of hidden layer `column` still gets gradient (Leaky ReLU and kin).
    bool deadUnitsGetGradient(int column, int unit) const;
    QString layerName(int column, TitleForm form) const;
    QString deadCountText(int column, int dead, TitleForm form) const;
    QString oneLineTitle(int column, int dead) const;
    bool columnLabelled(const Geometry &g, int column) const;
    // The links to draw at the budgets of `g`, chosen anew only for a new snapshot or new budgets.
    const std::vector<Link> &links(const Geometry &g) const;

    void paintLinks(QPainter &painter, const Geometry &g) const;
    void paintUnits(QPainter &painter, const Geometry &g) const;
    void paintTitles(QPainter &painter, const Geometry &g) const;
    void paintLegend(QPainter &painter, const Geometry &g) const;
    void paintDivergence(QPainter &painter, const Geometry &g) const;

    app::TrainingSnapshotPtr m_snapshot;
    std::vector<int> m_units; // per column
    mutable Geometry m_geometry;
    mutable bool m_geometryValid = false;
    mutable QImage m_linkLayer; // the background with the links, reused from paint to paint
    // The links chosen from m_snapshot at m_linkBudgets: a paint that shows no new snapshot (an
    // expose, a tooltip, a resize that keeps the budgets) does not choose them again.
    mutable std::vector<Link> m_links;
    mutable std::vector<std::size_t> m_linkBudgets;
    mutable bool m_linksValid = false;
};

} // namespace relulab::ui
