// Fuzz target: the content folder (assets/content) through content::loadContent. The loader reads
// a whole folder, so a scratch copy of the real one is made once; each input replaces one of its
// files, chosen by the input's first byte (index into kSlots), and the file is put back after.
// Seeds are therefore "<slot byte><real file>" (tools/fuzz.sh seeds makes them). Unless the
// manifest itself is fuzzed, it lists only the scene being fuzzed (or the smallest scene), which
// halves the time of a run; the coverage findings this causes are only findings.
#include "fuzz_support.h"
#include "kiln/content/content_loader.h"
#include "kiln/core/data_paths.h"
#include "kiln/core/file_io.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <system_error>

namespace {

// Keep in this order: seeds name their file by index (tools/fuzz.sh).
constexpr std::array<const char*, 11> kSlots = {
        "manifest.json",           "model.json",
        "glossary.json",           "ui_strings.json",
        "scenes/placeholder.json", "scenes/egg_kiln.json",
        "scenes/dragon_kiln.json", "scenes/gourd_kiln.json",
        "scenes/mantou_kiln.json", "scenes/imperial_factory.json",
        "scenes/taoxichuan.json"};

constexpr std::size_t kFirstScene = 4; // kSlots[4] onwards are scenes/<id>.json

std::array<std::string, kSlots.size()> gOriginals;

// "scenes/egg_kiln.json" -> "egg_kiln".
std::string sceneId(std::size_t slot) {
    const std::string path = kSlots[slot];
    const std::size_t from = path.find('/') + 1;
    return path.substr(from, path.size() - from - std::string_view(".json").size());
}

std::filesystem::path contentCopy() {
    return kiln::fuzz::scratchDir() / "content";
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    kiln::fuzz::silenceLog();
    std::error_code ec;
    std::filesystem::copy(kiln::core::dataPath("assets/content"), contentCopy(),
                          std::filesystem::copy_options::recursive |
                                  std::filesystem::copy_options::overwrite_existing,
                          ec);
    for (std::size_t i = 0; i < kSlots.size(); ++i) {
        auto text = kiln::core::readTextFile(contentCopy() / kSlots[i]);
        gOriginals[i] = text ? std::move(text.value()) : std::string();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::size_t slot = data[0] % kSlots.size();
    if (slot != 0) {
        const std::string scene = slot >= kFirstScene ? sceneId(slot) : "placeholder";
        kiln::fuzz::writeFile(contentCopy() / kSlots[0], "{\"scenes\": [\"" + scene + "\"]}");
    }
    const auto file = contentCopy() / kSlots[slot];
    kiln::fuzz::writeFile(file, kiln::fuzz::asText(data + 1, size - 1));
    kiln::content::LoadOptions options;
    options.logFindings = false;
    (void)kiln::content::loadContent(contentCopy(), options);
    kiln::fuzz::writeFile(file, gOriginals[slot]);
    kiln::fuzz::writeFile(contentCopy() / kSlots[0], gOriginals[0]);
    return 0;
}
