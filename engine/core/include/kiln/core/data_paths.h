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

} // namespace kiln::core
