#include "csvwriter.h"

#include <QIODevice>

#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

namespace relulab::cli {

namespace {

// Large enough that writes are few, small enough to stay in the cache.
constexpr std::size_t BufferSize = std::size_t {1} << 20;
constexpr std::size_t MaxRowLength = 3 * MaxNumberLength + 3;

char *appendText(char *out, const char *text) noexcept
{
    const std::size_t length = std::strlen(text);
    std::memcpy(out, text, length);
    return out + length;
}

// QFileDevice reports a short write without an error; only the next write() fails and says why
// (for instance "File too large"), so writing goes on until all is written or a write fails.
bool writeAll(QIODevice &device, const char *data, std::size_t size)
{
    while (size > 0) {
        const qint64 written = device.write(data, static_cast<qint64>(size));
        if (written <= 0)
            return false;
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

} // namespace

char *appendNumber(char *out, double value) noexcept
{
    // to_chars would write "-nan" for a nan with its sign bit set; readers expect "nan".
    if (std::isnan(value))
        return appendText(out, "nan");
    return std::to_chars(out, out + MaxNumberLength, value).ptr;
}

bool writeCurveCsv(const core::SampledCurve &curve, QIODevice &device)
{
    std::vector<char> buffer(BufferSize);
    char *const begin = buffer.data();
    char *const flushAt = begin + BufferSize - MaxRowLength;
    char *out = appendText(begin, "x,y,dy\n");
    const std::size_t n = curve.x.size();
    for (std::size_t i = 0; i < n; ++i) {
        out = appendNumber(out, curve.x[i]);
        *out++ = ',';
        out = appendNumber(out, curve.y[i]);
        *out++ = ',';
        out = appendNumber(out, curve.dy[i]);
        *out++ = '\n';
        if (out > flushAt) {
            if (!writeAll(device, begin, static_cast<std::size_t>(out - begin)))
                return false;
            out = begin;
        }
    }
    return writeAll(device, begin, static_cast<std::size_t>(out - begin));
}

} // namespace relulab::cli
