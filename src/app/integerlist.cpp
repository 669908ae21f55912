#include "integerlist.h"

#include <QStringList>

#include <algorithm>
#include <system_error>

namespace relulab::app {

std::variant<std::vector<int>, IntegerListMistake> parseIntegerList(const QString &text,
                                                                    const IntegerListRules &rules)
{
    using Kind = IntegerListMistake::Kind;
    const QString list = rules.spacesAllowed ? text.trimmed() : text;
    if (list.isEmpty())
        return IntegerListMistake {Kind::Empty, {}, 0};
    const QStringList parts = list.split(QLatin1Char(','));
    const auto count = static_cast<std::size_t>(parts.size());
    if (rules.maxEntries > 0 && count > rules.maxEntries)
        return IntegerListMistake {Kind::TooManyEntries, {}, count};
    std::vector<int> values;
    values.reserve(count);
    for (const QString &rawPart : parts) {
        const QString part = rules.spacesAllowed ? rawPart.trimmed() : rawPart;
        if (part.isEmpty())
            return IntegerListMistake {Kind::EmptyEntry, part, count};
        int value = 0;
        std::errc error {};
        const bool ok = parseInteger(part, value, error);
        if (!ok && error != std::errc::result_out_of_range)
            return IntegerListMistake {Kind::NotAnInteger, part, count};
        if (!ok || value < rules.minimum || value > rules.maximum)
            return IntegerListMistake {Kind::OutOfRange, part, count};
        if (rules.distinct && std::find(values.begin(), values.end(), value) != values.end())
            return IntegerListMistake {Kind::Repeated, part, count};
        values.push_back(value);
    }
    return values;
}

Parsed<std::vector<int>> parseIntegerListOption(const IntegerListOption &names, const QString &text,
                                                const IntegerListRules &rules)
{
    const auto parsed = parseIntegerList(text, rules);
    if (const auto *values = std::get_if<std::vector<int>>(&parsed))
        return *values;
    const IntegerListMistake &mistake = std::get<IntegerListMistake>(parsed);
    const QString name = dashed(names.option);
    const QString &item = names.item;
    const QString &example = names.example;
    switch (mistake.kind) {
    case IntegerListMistake::Kind::Empty:
        return QStringLiteral("%1: no %2s given (expected %2s separated by commas, e.g. %3)")
                .arg(name, item, example);
    case IntegerListMistake::Kind::TooManyEntries:
        return QStringLiteral("%1: '%2' has %3 %4, at most %5 are possible")
                .arg(name, text)
                .arg(mistake.count)
                .arg(names.entries)
                .arg(rules.maxEntries);
    case IntegerListMistake::Kind::EmptyEntry:
        return QStringLiteral(
                       "%1: '%2' has an empty %3 (expected %3s separated by commas, e.g. %4)")
                .arg(name, text, item, example);
    case IntegerListMistake::Kind::NotAnInteger:
        return QStringLiteral("%1: '%2' in '%3' is not an integer").arg(name, mistake.entry, text);
    case IntegerListMistake::Kind::OutOfRange:
        return QStringLiteral("%1: %2 %3 in '%4' is not between %5 and %6")
                .arg(name, item, mistake.entry, text)
                .arg(rules.minimum)
                .arg(rules.maximum);
    case IntegerListMistake::Kind::Repeated:
        break;
    }
    return QStringLiteral("%1: %2 %3 is given twice in '%4'").arg(name, item, mistake.entry, text);
}

QString joinIntegerList(const std::vector<int> &values)
{
    QStringList parts;
    for (int value : values)
        parts.append(QString::number(value));
    return parts.join(QLatin1Char(','));
}

} // namespace relulab::app
