#pragma once

// OptionReader: the options of a parsed command line read one by one with the strict parsers of
// optionparsing.h and the spellings of enumnames.h, keeping the first mistake. Used by the
// training options (trainingoptions.cpp) and relulab-cli born-dead (src/cli).

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <variant>

#include "enumnames.h"
#include "optionparsing.h"

namespace relulab::app {

// "--activation: given twice ('relu', then 'tanh'); give it once", for the first option that
// takes a value and was given more than once (under any of its names): every option of both
// executables takes one value, and silently keeping the last would hide a mistake.
inline std::optional<QString> repeatedOptionError(const QCommandLineParser &parser)
{
    for (const QString &name : parser.optionNames()) {
        const QStringList values = parser.values(name);
        if (values.size() > 1)
            return QStringLiteral("%1: given %2 times ('%3'); give it once")
                    .arg(name.size() == 1 ? QStringLiteral("-") + name : dashed(name))
                    .arg(values.size())
                    .arg(values.join(QStringLiteral("', '")));
    }
    return std::nullopt;
}

// Reads option values one by one and keeps the first mistake: after it, every read yields
// nothing, so the caller checks failed() once per group instead of after every option.
class OptionReader
{
public:
    explicit OptionReader(const QCommandLineParser &parser)
        : m_parser(parser)
    { }

    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    void fail(const QString &message)
    {
        if (!failed())
            m_error = message;
    }

    // True when the option was given and no mistake has been found so far.
    bool given(const QString &option) const { return !failed() && m_parser.isSet(option); }
    QString value(const QString &option) const { return m_parser.value(option); }

    std::optional<double> real(const QString &option)
    {
        if (!given(option))
            return std::nullopt;
        return take(parseFiniteDouble(option, value(option)));
    }

    std::optional<std::int64_t> integer(const QString &option, std::int64_t min, std::int64_t max)
    {
        if (!given(option))
            return std::nullopt;
        return take(parseIntegerInRange(option, value(option), min, max));
    }

    // A file to write; an empty name is a mistake, never "standard output".
    std::optional<QString> outputFile(const QString &option)
    {
        if (!given(option))
            return std::nullopt;
        if (value(option).isEmpty()) {
            fail(QStringLiteral("%1: the file name is empty").arg(dashed(option)));
            return std::nullopt;
        }
        return value(option);
    }

    std::optional<std::uint64_t> seed(const QString &option)
    {
        if (!given(option))
            return std::nullopt;
        return take(parseUnsigned64(option, value(option)));
    }

    // One of an enumeration's spellings (enumnames.h); `what` names the kind of thing for the
    // message ("--init: unknown initialization 'x' (expected one of: ...)").
    template<class Enum>
    std::optional<Enum> name(const QString &option, const char *what)
    {
        if (!given(option))
            return std::nullopt;
        const QString text = value(option);
        const std::optional<Enum> kind = enumFromName<Enum>(text);
        if (!kind)
            fail(QStringLiteral("%1: unknown %2 '%3' (expected one of: %4)")
                         .arg(dashed(option), QLatin1String(what), text, enumNameList<Enum>()));
        return kind;
    }

    // One of an enumeration of two values, worded "--precision: 'x' is neither float nor double".
    template<class Enum>
    std::optional<Enum> eitherName(const QString &option)
    {
        if (!given(option))
            return std::nullopt;
        const QString text = value(option);
        const std::optional<Enum> kind = enumFromName<Enum>(text);
        if (!kind) {
            const QStringList names = enumNames<Enum>();
            fail(QStringLiteral("%1: '%2' is neither %3 nor %4")
                         .arg(dashed(option), text, names.at(0), names.at(1)));
        }
        return kind;
    }

private:
    template<class T>
    std::optional<T> take(const Parsed<T> &parsed)
    {
        if (const auto *message = std::get_if<QString>(&parsed)) {
            fail(*message);
            return std::nullopt;
        }
        return std::get<T>(parsed);
    }

    const QCommandLineParser &m_parser;
    QString m_error;
};

} // namespace relulab::app
