// Test path lookup from the environment CTest sets (tests/CMakeLists.txt).
#include "test_paths.h"

#include "kiln/core/data_paths.h"

#include <cstdlib>
#include <string_view>
#include <system_error>

namespace kiln::test {

std::optional<std::filesystem::path> sharedDir() {
    const char* env = std::getenv("KILN_SHARED_DIR");
    std::filesystem::path dir =
            env != nullptr ? std::filesystem::path(env) : core::dataRoot() / ".." / "shared";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        return std::nullopt;
    }
    return dir.lexically_normal();
}

bool runningInCi() {
    const char* ci = std::getenv("CI");
    return ci != nullptr && std::string_view(ci) == "true";
}

std::filesystem::path outputDir(const std::string& sub) {
    const char* env = std::getenv("KILN_TEST_OUTPUT_DIR");
    std::filesystem::path dir =
            env != nullptr ? std::filesystem::path(env)
                           : std::filesystem::temp_directory_path() / "kilnfire-test-output";
    dir /= sub;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    return dir;
}

std::filesystem::path testDataPath(const std::string& relative) {
    return core::dataRoot() / "tests" / "data" / relative;
}

} // namespace kiln::test
