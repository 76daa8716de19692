// Fuzz target: scene description files (scenes/<id>/scene.json) through scene::loadSceneFile,
// the loader the app uses. The input is written to a scratch file because the loader reads files.
#include "fuzz_support.h"
#include "kiln/core/data_paths.h"
#include "kiln/scene/scene_description.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    kiln::fuzz::silenceLog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = kiln::fuzz::scratchDir() / "scene.json";
    kiln::fuzz::writeFile(file, kiln::fuzz::asText(data, size));
    const auto scene = kiln::scene::loadSceneFile(file, kiln::core::dataRoot());
    if (scene) {
        // Touch what the app reads right after loading, so lazily broken values show up here.
        for (const auto& pattern : scene.value().hiddenNodes) {
            (void)kiln::scene::matchesPattern("kiln_wall_01", pattern);
        }
    }
    return 0;
}
