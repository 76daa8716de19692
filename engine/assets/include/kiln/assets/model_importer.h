// Imports a model file (glTF, OBJ, PLY, FBX, STL, ...) through Assimp into ModelData.
// Does NOT load textures (only records their paths) and does NOT touch the GPU.
#pragma once

#include "kiln/assets/model_data.h"
#include "kiln/core/result.h"

#include <filesystem>
#include <functional>

namespace kiln::assets {

// Errors name the file and Assimp's reason; a file with no triangles is an error.
core::Result<ModelData> importModel(const std::filesystem::path& path);

// The same import, handing its result to `deliver` before Assimp's copy of the file is freed: a
// worker thread that imports for another can let it go on sooner. An exception of the import
// leaves without calling `deliver`.
void importModel(const std::filesystem::path& path,
                 const std::function<void(core::Result<ModelData>)>& deliver);

} // namespace kiln::assets
