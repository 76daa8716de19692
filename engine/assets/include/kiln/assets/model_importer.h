// Imports a model file (glTF, OBJ, PLY, FBX, STL, ...) through Assimp into ModelData.
// Does NOT load textures (only records their paths) and does NOT touch the GPU.
#pragma once

#include "kiln/assets/model_data.h"
#include "kiln/core/result.h"

#include <filesystem>

namespace kiln::assets {

// Errors name the file and Assimp's reason; a file with no triangles is an error.
core::Result<ModelData> importModel(const std::filesystem::path& path);

} // namespace kiln::assets
