// Checks a model file before Assimp reads it: glTF/GLB structure (GLB header and chunks, JSON,
// accessor and bufferView bounds, external buffers), PLY and binary STL headers, and the size
// limits, so that a lying header fails fast with a clear message instead of a huge allocation.
// Private to kiln_assets. Does NOT read geometry: Assimp does that afterwards.
#pragma once

#include "kiln/core/result.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace kiln::assets::detail {

// The most geometry one model may have (all meshes together). A 16M-vertex scan already needs
// about 1.2 GB of CPU data (our vertices plus Assimp's copy) before it reaches the GPU;
// larger scans must be decimated before they go into a scene.
inline constexpr std::uint64_t kMaxVertices = 16'777'216;  // 2^24
inline constexpr std::uint64_t kMaxTriangles = 33'554'432; // 2^25

struct PrecheckInfo {
    // Triangles the file itself declares (glTF only; 0 when unknown), so the importer can say
    // how many the reader silently dropped.
    std::uint64_t declaredTriangles = 0;
};

// An error names the file and what is wrong with it; success means "hand it to Assimp".
core::Result<PrecheckInfo> precheckModelFile(const std::filesystem::path& path);

} // namespace kiln::assets::detail
