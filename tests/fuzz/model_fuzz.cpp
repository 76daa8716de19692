// Fuzz target: model import (assets::importModel: our precheck, then Assimp, then the conversion
// to ModelData). Built once per format; KILN_FUZZ_MODEL_EXT is the file extension (".gltf",
// ".glb", ".obj", ".ply", ...), which is how importModel and Assimp choose the reader.
#include "fuzz_support.h"
#include "kiln/assets/model_importer.h"
#include "kiln/core/data_paths.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <system_error>

#ifndef KILN_FUZZ_MODEL_EXT
#error "KILN_FUZZ_MODEL_EXT must name the model file extension, e.g. \".gltf\""
#endif

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    kiln::fuzz::silenceLog();
    // The side files the test models name (buffers, material libraries), so that inputs mutated
    // from them reach the readers' external-file paths too.
    std::error_code ec;
    const auto models = kiln::core::dataPath("tests/data/models");
    for (const auto& entry : std::filesystem::directory_iterator(models, ec)) {
        const auto ext = entry.path().extension();
        if (ext == ".bin" || ext == ".mtl" || ext == ".png") {
            std::filesystem::copy_file(entry.path(),
                                       kiln::fuzz::scratchDir() / entry.path().filename(),
                                       std::filesystem::copy_options::overwrite_existing, ec);
        }
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto file = kiln::fuzz::scratchDir() / ("model" KILN_FUZZ_MODEL_EXT);
    kiln::fuzz::writeFile(file, kiln::fuzz::asText(data, size));
    (void)kiln::assets::importModel(file);
    return 0;
}
