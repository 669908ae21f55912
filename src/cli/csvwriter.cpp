#include "csvwriter.h"

#include <QIODevice>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace relulab::cli {

namespace {

// Large enough that writes are few, small enough to stay in the cache.
constexpr std::size_t BufferSize = std::size_t {1} << 20;
constexpr std::size_t MaxRowLength = 3 * MaxNumberLength + 3;

char *appendText(char *out, const char *text) noexcept
{
    // No terminating null: the row goes on after the text.
    return std::copy_n(text, std::strlen(text), out);
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

// How many PReLU alphas hidden layer `layer` has as columns (0 for the other activations).
std::size_t alphaColumns(const core::NetworkConfig &network, std::size_t layer)
{
    if (network.activation != core::Activation::Prelu)
        return 0;
    return network.preluPerUnit ? static_cast<std::size_t>(network.hidden[layer]) : 1;
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

void appendCell(std::string &row, double value)
{
    std::array<char, MaxNumberLength> buffer {};
    row.push_back(',');
    row.append(buffer.data(), appendNumber(buffer.data(), value));
}

void appendAccuracy(std::string &row, double value)
{
    if (std::isnan(value))
        row.push_back(',');
    else
        appendCell(row, value);
}

bool writeText(QIODevice &device, std::string_view text)
{
    return writeAll(device, text.data(), text.size());
}

std::string trainingCsvHeader(const core::NetworkConfig &network, bool layerStatistics)
{
    const std::size_t layers = network.hidden.size();
    std::string header = "step,loss,train_accuracy,test_accuracy";
    for (const char *count : {",dead_l", ",rarely_active_l"}) {
        for (std::size_t l = 1; l <= layers; ++l)
            header.append(count).append(std::to_string(l));
    }
    header += ",output_constant,diverged";
    for (std::size_t l = 1; l <= layers; ++l) {
        const std::size_t alphas = alphaColumns(network, l - 1);
        if (alphas > 0 && !network.preluPerUnit)
            header.append(",alpha_l").append(std::to_string(l));
        else
            for (std::size_t u = 1; u <= alphas; ++u)
                header.append(",alpha_l").append(std::to_string(l)).append("_u").append(std::to_string(u));
    }
    if (layerStatistics) {
        for (const char *name : {",grad_l", ",zero_l", ",blocked_l", ",mean_l", ",std_l"}) {
            for (std::size_t l = 1; l <= layers; ++l)
                header.append(name).append(std::to_string(l));
            if (std::string_view(name) == ",grad_l")
                header += ",grad_out";
        }
    }
    header += '\n';
    return header;
}

std::string trainingCsvRow(const core::Measurement &measurement, const core::NetworkConfig &network,
                           bool layerStatistics)
{
    const std::size_t layers = network.hidden.size();
    const bool meaningful = !measurement.diverged;
    // A layer the measurement lacks gets empty cells, so the row keeps the header's columns.
    auto layer = [&](std::size_t l) -> const core::LayerMeasurement * {
        return l < measurement.layers.size() ? &measurement.layers[l] : nullptr;
    };

    std::string row = std::to_string(measurement.step);
    appendCell(row, measurement.loss);
    appendCell(row, measurement.trainAccuracy);
    appendAccuracy(row, measurement.testAccuracy);
    for (std::size_t l = 0; l < layers; ++l) {
        if (meaningful && layer(l))
            appendCell(row, layer(l)->dead);
        else
            row.push_back(',');
    }
    for (std::size_t l = 0; l < layers; ++l) {
        if (meaningful && layer(l))
            appendCell(row, layer(l)->rarelyActive);
        else
            row.push_back(',');
    }
    row += meaningful ? (measurement.outputConstant ? ",1" : ",0") : ",";
    row += measurement.diverged ? ",1" : ",0";
    for (std::size_t l = 0; l < layers; ++l) {
        for (std::size_t a = 0; a < alphaColumns(network, l); ++a) {
            if (layer(l) && a < layer(l)->alpha.size())
                appendCell(row, layer(l)->alpha[a]);
            else
                row.push_back(',');
        }
    }
    if (layerStatistics) {
        using Field = double core::LayerMeasurement::*;
        for (Field field : {&core::LayerMeasurement::gradientNorm, &core::LayerMeasurement::zeroShare,
                            &core::LayerMeasurement::blockedShare, &core::LayerMeasurement::mean,
                            &core::LayerMeasurement::deviation}) {
            for (std::size_t l = 0; l < layers; ++l) {
                if (meaningful && layer(l))
                    appendCell(row, layer(l)->*field);
                else
                    row.push_back(',');
            }
            if (field == &core::LayerMeasurement::gradientNorm) {
                if (meaningful)
                    appendCell(row, measurement.outputGradientNorm);
                else
                    row.push_back(',');
            }
        }
    }
    row.push_back('\n');
    return row;
}

} // namespace relulab::cli
