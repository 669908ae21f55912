#pragma once

#include <QDoubleSpinBox>
#include <QSize>

namespace relulab::ui {

// A QDoubleSpinBox that keeps what the user types. QDoubleSpinBox rounds every value to its
// decimals: Leaky ReLU's slope typed as 0.0001 in a 3-decimal box became 0.000, and the preset
// saved 0. This one rounds only at PrecisionDecimals (10), shows at least the shown decimals and
// more where the value needs them (0.0001, not 0.000; 1/3 still as 0.333), and also takes
// scientific notation (1e-4). The range is the model's, as before.
class PreciseSpinBox : public QDoubleSpinBox
{
    Q_OBJECT

public:
    static constexpr int PrecisionDecimals = 10;

    explicit PreciseSpinBox(QWidget *parent = nullptr);

    // The decimals shown at least (the parameter's usual precision).
    void setShownDecimals(int decimals);

    QString textFromValue(double value) const override;
    double valueFromText(const QString &text) const override;
    QValidator::State validate(QString &text, int &position) const override;
    // Room for three digits more than the range's ends show (0.0001 in a box sized for 0.000).
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    // The text without prefix, suffix and surrounding spaces.
    QString bare(const QString &text) const;

    int m_shownDecimals = 2;
};

// Sets the decimals `spin` shows: for a PreciseSpinBox only its display, for any other box its
// precision too.
void setShownDecimals(QDoubleSpinBox *spin, int decimals);

} // namespace relulab::ui
