#pragma once

// Lists of whole numbers separated by commas ("2,5,10"): the one parser behind relulab-cli's
// --hidden, born-dead's --widths and --depths, and the born-dead tab's width and depth fields.
// parseIntegerList() finds the first mistake and says what it is; each front end words it:
// integerListOptionError() in the command line's English, the tab in its own translated words.

#include <QString>

#include <cstddef>
#include <variant>
#include <vector>

#include "optionparsing.h"

namespace relulab::app {

struct IntegerListRules
{
    int minimum = 0;
    int maximum = 0;
    // At most this many entries; 0: any number.
    std::size_t maxEntries = 0;
    // A value given twice is a mistake.
    bool distinct = false;
    // White space around the list and around each entry is allowed (a field typed by hand);
    // otherwise it makes the entry no integer (an option value, where a shell split the words).
    bool spacesAllowed = false;
};

struct IntegerListMistake
{
    enum class Kind {
        Empty, // no entry at all
        TooManyEntries, // more than maxEntries; `entry` is empty, `count` the number given
        EmptyEntry, // nothing between two commas, or before the first or after the last
        NotAnInteger,
        OutOfRange, // an integer outside [minimum, maximum], however far outside
        Repeated, // given before (only with `distinct`)
    };
    Kind kind = Kind::Empty;
    QString entry; // the entry as written (trimmed where spaces are allowed)
    std::size_t count = 0;

    friend bool operator==(const IntegerListMistake &, const IntegerListMistake &) = default;
};

// The values in the order given, or the first mistake, scanning from the left (the number of
// entries is checked before any of them).
std::variant<std::vector<int>, IntegerListMistake> parseIntegerList(const QString &text,
                                                                    const IntegerListRules &rules);

// How relulab-cli names a list option and its entries in messages.
struct IntegerListOption
{
    QString option; // "hidden"
    QString item; // "width": one entry
    QString example; // "32,32,32"
    QString entries = QStringLiteral("entries"); // "layers": what maxEntries counts
};

// The option's value, or its mistake in relulab-cli's words ("--hidden: width 0 in '0,4' is not
// between 1 and 128").
Parsed<std::vector<int>> parseIntegerListOption(const IntegerListOption &names, const QString &text,
                                                const IntegerListRules &rules);

// "2,5,10": the list as the parsers read it back.
QString joinIntegerList(const std::vector<int> &values);

} // namespace relulab::app
