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

std::filesystem::path generatedRoot() {
    if (const char* env = std::getenv("KILNFIRE_GENERATED_DIR"); env != nullptr && env[0] != '\0') {
        return env;
    }
    return KILN_GENERATED_DIR;
}

std::filesystem::path resolveDataReference(std::string_view reference,
                                           const std::filesystem::path& base) {
    constexpr std::string_view kGenerated = "generated/";
    if (reference.substr(0, kGenerated.size()) == kGenerated) {
        return generatedRoot() / reference.substr(kGenerated.size());
    }
    const std::filesystem::path path(reference);
    return path.is_absolute() ? path : base / path;
}

} // namespace kiln::core
