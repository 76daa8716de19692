// Data root lookup. KILN_SOURCE_DIR is set by CMake to the checkout the build came from.
#include "kiln/core/data_paths.h"

#include <cstdlib>

namespace kiln::core {

std::filesystem::path dataRoot() {
    if (const char* env = std::getenv("KILNFIRE_DATA_DIR"); env != nullptr && env[0] != '\0') {
        return env;
    }
    return KILN_SOURCE_DIR;
}

std::filesystem::path dataPath(std::string_view relative) {
    return dataRoot() / relative;
}

} // namespace kiln::core
