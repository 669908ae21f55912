#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QWidget>

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
        double maxLinkWidth = 1.0;
        QRectF legend;
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
};

} // namespace relulab::ui
