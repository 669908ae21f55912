// libFuzzer target for the preset loader (src/app/preset.h): any bytes are parsed as a preset
// document. Beyond "no crash, no leak, no sanitizer report", every document that parses must
// keep the loader's promises, checked here so that the fuzzer finds a broken promise too:
// - validatePreset() accepts it (a loaded preset is a valid one);
// - toJson() writes it as a document that parses back to the same preset, and writing that one
//   again gives the same bytes (a save is an exact, stable copy);
// - apply() sets local models (never the app's) to it without clamping, and capture() reads the
//   same explorer, lab, race, born-dead settings and tab back.
// Each broken promise aborts with a message, which libFuzzer reports as a crash with the input.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <variant>

#include "app/borndeadmodel.h"
#include "app/labmodel.h"
#include "app/parametermodel.h"
#include "app/preset.h"
#include "app/racemodel.h"

namespace {

[[noreturn]] void broken(const char *promise, const QString &detail = QString())
{
    std::fprintf(stderr, "fuzz_preset: %s\n%s\n", promise, detail.toUtf8().constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // QObject-based models want an application object; one for the whole run, as in the app.
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace relulab::app;
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const PresetResult result = parsePreset(json, QStringLiteral("fuzz.json"));
    if (const auto *error = std::get_if<PresetError>(&result)) {
        if (!error->message.startsWith(QLatin1String("fuzz.json: ")))
            broken("an error message does not start with the file name", error->message);
        return 0;
    }
    const Preset &preset = std::get<LoadedPreset>(result).preset;

    if (const auto problem = validatePreset(preset))
        broken("validatePreset() rejects a preset that parsePreset() accepted", *problem);

    const QByteArray written = toJson(preset);
    const PresetResult reread = parsePreset(written, QStringLiteral("fuzz.json"));
    if (const auto *error = std::get_if<PresetError>(&reread))
        broken("toJson() wrote a document that does not parse", error->message);
    const Preset &copy = std::get<LoadedPreset>(reread).preset;
    if (!(copy == preset))
        broken("toJson() and parsePreset() do not round-trip", QString::fromUtf8(written));
    if (toJson(copy) != written)
        broken("toJson() is not stable", QString::fromUtf8(written));

    ParameterModel parameters;
    LabModel lab(&parameters);
    RaceModel race(&parameters);
    BornDeadModel bornDead;
    apply(preset, {parameters, lab, race, bornDead});
    const Preset captured = capture({parameters, lab, race, bornDead}, preset.tab);
    if (!(captured.explorer == preset.explorer) || !(captured.lab == preset.lab)
        || !(captured.race == preset.race) || !(captured.bornDead == preset.bornDead)
        || captured.tab != preset.tab)
        broken("capture() after apply() differs from the preset",
               QString::fromUtf8(toJson(captured)) + QStringLiteral("\nexpected\n")
                       + QString::fromUtf8(written));
    return 0;
}
