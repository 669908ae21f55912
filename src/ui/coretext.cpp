#include "coretext.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace relulab::ui {

namespace {

constexpr const char *Context = "relulab::ui::CoreText";

// Every display name and description of relulab_core, as core spells it. lupdate reads these;
// the strings themselves are looked up by their English text.
constexpr std::array CoreTexts {
        // core::allActivations()
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "ReLU"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Leaky ReLU"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "PReLU"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "RReLU"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "ELU"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "GELU"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "GELU (tanh)"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "SiLU"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Mish"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Softplus"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Sigmoid"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Tanh"),
        // core::datasetDisplayName()
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Two spirals"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Circles"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "XOR"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Gaussian blobs"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Moons"),
        // core::initializationDisplayName()
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "He normal"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Xavier/Glorot uniform"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Uniform(-0.5, 0.5), bias 0.1"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Randomized asymmetric (RAI)"),
        // core::optimizerDisplayName()
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "SGD"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "SGD with momentum"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Adam"),
        // core::racePreset(): names and descriptions
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "High learning rate"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Deep and narrow"),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText", "Bad bias initialisation"),
        QT_TRANSLATE_NOOP(
                "relulab::ui::CoreText",
                "Adam at learning rate 0.2: within 100 steps ReLU loses nearly every unit "
                "and its output goes constant, while Leaky ReLU, PReLU and RReLU lose far "
                "fewer and keep learning."),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText",
                          "Eight hidden layers of four units: ReLU is born dead (a whole layer is "
                          "zero on every point, so its output is constant and nothing below it "
                          "learns), while the others pass a gradient through and learn the "
                          "spirals."),
        QT_TRANSLATE_NOOP("relulab::ui::CoreText",
                          "Every bias starts at -1: most ReLU units are dead before the first step "
                          "and stay dead, while the others still get a gradient below zero, revive "
                          "their units and learn."),
};

QString fromCore(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

bool coreTextKnown(std::string_view english)
{
    return std::any_of(CoreTexts.begin(), CoreTexts.end(),
                       [english](const char *known) { return english == known; });
}

QString translatedCoreText(std::string_view english)
{
    // translate() needs a NUL-terminated key; core's views end at their literal's end, but a
    // copy makes no assumption about that.
    const QByteArray key(english.data(), static_cast<qsizetype>(english.size()));
    if (!coreTextKnown(english))
        return fromCore(english);
    return QCoreApplication::translate(Context, key.constData());
}

QString activationName(core::Activation kind)
{
    return translatedCoreText(core::activationInfo(kind).displayName);
}

QString datasetName(core::DatasetKind kind)
{
    return translatedCoreText(core::datasetDisplayName(kind));
}

QString initializationName(core::Initialization init)
{
    return translatedCoreText(core::initializationDisplayName(init));
}

QString optimizerName(core::OptimizerKind kind)
{
    return translatedCoreText(core::optimizerDisplayName(kind));
}

QString racePresetName(core::RacePresetKind kind)
{
    return translatedCoreText(core::racePreset(kind).displayName);
}

QString racePresetDescription(core::RacePresetKind kind)
{
    return translatedCoreText(core::racePreset(kind).description);
}

} // namespace relulab::ui
