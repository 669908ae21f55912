#include "precisespinbox.h"

#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>

#include <algorithm>

#include <cmath>

namespace relulab::ui {

PreciseSpinBox::PreciseSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    QDoubleSpinBox::setDecimals(PrecisionDecimals);
    // "1,000" could not be typed back; numbers here are small.
    QLocale numbers = locale();
    numbers.setNumberOptions(QLocale::OmitGroupSeparator | QLocale::RejectGroupSeparator);
    setLocale(numbers);
}

void PreciseSpinBox::setShownDecimals(int decimals)
{
    m_shownDecimals = std::clamp(decimals, 0, PrecisionDecimals);
    updateGeometry();
    // The text follows; the value is the same, so setValue() would not redraw it. Quietly: an
    // edit signal would make the box re-read (and round) its text on the next focus change.
    const QSignalBlocker blocker(lineEdit());
    lineEdit()->setText(prefix() + textFromValue(value()) + suffix());
}

QString PreciseSpinBox::textFromValue(double value) const
{
    // The fewest decimals, from the shown ones up, that give the value back exactly (to 1e-12 of
    // it) in at most MaxTypedDigits significant digits: what a person types. A value that needs
    // more (1/3, stored as 0.3333333333) keeps the shown decimals.
    constexpr int MaxTypedDigits = 7;
    int decimals = m_shownDecimals;
    const int leading = value == 0.0 ? 0 : static_cast<int>(std::floor(std::log10(std::abs(value)))) + 1;
    for (int d = m_shownDecimals; d <= PrecisionDecimals && d + leading <= MaxTypedDigits; ++d) {
        const double scale = std::pow(10.0, d);
        if (std::abs(std::round(value * scale) / scale - value) <= 1e-12 * std::max(1.0, std::abs(value))) {
            decimals = d;
            break;
        }
    }
    return locale().toString(value, 'f', decimals);
}

QString PreciseSpinBox::bare(const QString &text) const
{
    QString body = text;
    if (!prefix().isEmpty() && body.startsWith(prefix()))
        body.remove(0, prefix().size());
    if (!suffix().isEmpty() && body.endsWith(suffix()))
        body.chop(suffix().size());
    return body.trimmed();
}

double PreciseSpinBox::valueFromText(const QString &text) const
{
    // The text as shown is the value, not its rounding: Enter on a box showing 1/3 as 0.333
    // (or a typed 0.123456789 as 0.123) keeps 1/3 (0.123456789).
    const QString body = bare(text);
    if (body == bare(textFromValue(value())))
        return value();
    bool ok = false;
    double value = locale().toDouble(body, &ok);
    if (!ok)
        value = QLocale::c().toDouble(body, &ok); // "1e-4" typed with a dot in any language
    return ok ? value : this->value();
}

QValidator::State PreciseSpinBox::validate(QString &text, int &) const
{
    const QString body = bare(text);
    if (!specialValueText().isEmpty() && text == specialValueText())
        return QValidator::Acceptable;
    if (body.isEmpty() || body == QLatin1String("-") || body == QLatin1String("+"))
        return QValidator::Intermediate;
    bool ok = false;
    double value = locale().toDouble(body, &ok);
    if (!ok)
        value = QLocale::c().toDouble(body, &ok);
    if (ok && std::isfinite(value))
        return value >= minimum() && value <= maximum() ? QValidator::Acceptable
                                                        : QValidator::Intermediate;
    // On the way to a number: "1e", "1e-", "0.", "-0."
    for (const QChar c : body) {
        if (!c.isDigit() && c != locale().decimalPoint().front() && c != u'.' && c != u'e'
            && c != u'E' && c != u'-' && c != u'+')
            return QValidator::Invalid;
    }
    return QValidator::Intermediate;
}

QSize PreciseSpinBox::sizeHint() const
{
    QSize hint = QDoubleSpinBox::sizeHint();
    hint.rwidth() += fontMetrics().horizontalAdvance(QStringLiteral("000"));
    return hint;
}

QSize PreciseSpinBox::minimumSizeHint() const
{
    QSize hint = QDoubleSpinBox::minimumSizeHint();
    hint.rwidth() += fontMetrics().horizontalAdvance(QStringLiteral("000"));
    return hint;
}

void setShownDecimals(QDoubleSpinBox *spin, int decimals)
{
    if (auto *precise = qobject_cast<PreciseSpinBox *>(spin))
        precise->setShownDecimals(decimals);
    else
        spin->setDecimals(decimals);
}

} // namespace relulab::ui
