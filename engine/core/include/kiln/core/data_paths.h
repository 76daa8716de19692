// Where the program finds its read-only data (assets/, shaders/, scenes/): the KILNFIRE_DATA_DIR
// environment variable if set, else the source tree the build came from. Does NOT create files.
#pragma once

#include <filesystem>
#include <string_view>

namespace kiln::core {

// The folder holding assets/, shaders/ and scenes/.
std::filesystem::path dataRoot();

// dataRoot() / relative.
std::filesystem::path dataPath(std::string_view relative);

// Where the build writes generated data (the kiln sites' .glb files and their textures):
// KILNFIRE_GENERATED_DIR if set, else <build>/generated of the build this program came from.
std::filesystem::path generatedRoot();

// Resolves a data reference from a scene or content file: "generated/..." is under
// generatedRoot(), an absolute path stays as it is, anything else is under `base`.
std::filesystem::path resolveDataReference(std::string_view reference,
                                           const std::filesystem::path& base);

} // namespace kiln::core
