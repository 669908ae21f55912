#pragma once

// The strict value parsers of every command-line option, so that every option reads numbers the
// same way and words its mistakes the same way: "--alpha: 'abc' is not a number". Used by
// relulab_app's option readers (curveoptions.cpp, trainingoptions.cpp), the relulab-cli commands
// (src/cli) and the relulab command line (src/ui/commandline.cpp); the presets and the CSV
// export use fromView() and shortest().

#include <QByteArray>
#include <QString>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>
#include <system_error>
#include <variant>

namespace relulab::app {

inline QString fromView(std::string_view text)
{
    return QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()));
}

// The shortest text that reads back as the same double, as the CSV writers write it.
inline QString shortest(double value)
{
    std::array<char, 32> buffer {};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return QString::fromLatin1(buffer.data(), result.ptr - buffer.data());
}

// The option's name as the user types it, for messages.
inline QString dashed(const QString &option)
{
    return QStringLiteral("--") + option;
}

// A value, or the message explaining why the text is not one.
template<class T>
using Parsed = std::variant<T, QString>;

namespace detail {

// The bytes std::from_chars is to read, with one leading '+' dropped: from_chars accepts a '-'
// but not a '+', and users write both. Returns false for text from_chars must not see: a second
// sign after the '+'.
inline bool stripPlus(const QByteArray &utf8, const char *&first, const char *&last)
{
    first = utf8.constData();
    last = first + utf8.size();
    if (first != last && *first == '+') {
        ++first;
        if (first != last && (*first == '+' || *first == '-'))
            return false;
    }
    return true;
}

} // namespace detail

// A finite double in decimal or scientific notation, nothing before or after it. nan, inf and
// values beyond a double's range (1e400, and 1e-400, which would silently become 0) are errors.
inline Parsed<double> parseFiniteDouble(const QString &option, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const char *first = nullptr;
    const char *last = nullptr;
    double value = 0.0;
    if (detail::stripPlus(utf8, first, last) && first != last) {
        // from_chars is strict about everything QString::toDouble is lax about (surrounding
        // spaces, the locale's separators) and reads the same value on every machine.
        const auto [end, error] = std::from_chars(first, last, value, std::chars_format::general);
        if (error == std::errc::result_out_of_range && end == last)
            return QStringLiteral("%1: '%2' is out of the range of a double").arg(dashed(option), text);
        if (error == std::errc() && end == last) {
            if (!std::isfinite(value))
                return QStringLiteral("%1: '%2' is not a finite number").arg(dashed(option), text);
            return value;
        }
    }
    return QStringLiteral("%1: '%2' is not a number").arg(dashed(option), text);
}

// A decimal integer; `error` receives from_chars' verdict for the caller's message.
template<class Integer>
bool parseInteger(const QString &text, Integer &value, std::errc &error)
{
    const QByteArray utf8 = text.toUtf8();
    const char *first = nullptr;
    const char *last = nullptr;
    if (!detail::stripPlus(utf8, first, last) || first == last) {
        error = std::errc::invalid_argument;
        return false;
    }
    const auto result = std::from_chars(first, last, value, 10);
    error = result.ptr == last ? result.ec : std::errc::invalid_argument;
    return error == std::errc();
}

// An unsigned 64-bit decimal integer: a seed, whose every value is a valid one.
inline Parsed<std::uint64_t> parseUnsigned64(const QString &option, const QString &text)
{
    std::uint64_t value = 0;
    std::errc error {};
    if (parseInteger(text, value, error))
        return value;
    if (error == std::errc::result_out_of_range)
        return QStringLiteral("%1: '%2' is out of range (0 to %3)")
                .arg(dashed(option), text)
                .arg(std::numeric_limits<std::uint64_t>::max());
    return QStringLiteral("%1: '%2' is not an unsigned 64-bit integer").arg(dashed(option), text);
}

// A decimal integer in [min, max]. A number out of the range, however far, gets the range in the
// message; text that is no integer at all is told so.
inline Parsed<std::int64_t> parseIntegerInRange(const QString &option, const QString &text,
                                                std::int64_t min, std::int64_t max)
{
    std::int64_t value = 0;
    std::errc error {};
    const bool ok = parseInteger(text, value, error);
    if (!ok && error != std::errc::result_out_of_range)
        return QStringLiteral("%1: '%2' is not an integer").arg(dashed(option), text);
    if (!ok || value < min || value > max)
        return QStringLiteral("%1: must be between %2 and %3, got %4")
                .arg(dashed(option))
                .arg(min)
                .arg(max)
                .arg(text);
    return value;
}

} // namespace relulab::app
