// Where tests find things: the shared/ folder beside the checkout (public test data and
// reference files) and the build tree's output folder for actual and diff images.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kiln::test {

// shared/ beside the checkout, or nullopt when it is absent.
std::optional<std::filesystem::path> sharedDir();

// True under CI=true, where missing shared data must fail rather than skip.
bool runningInCi();

// Folder for files a test writes (created on demand): build/test-output/<sub>.
std::filesystem::path outputDir(const std::string& sub);

// Path of a committed test input under tests/data.
std::filesystem::path testDataPath(const std::string& relative);

} // namespace kiln::test

// Skips the test when shared/ is absent, except in CI, where that is a failure.
#define KILN_REQUIRE_SHARED_DIR(var)                                                               \
    auto var##Opt = ::kiln::test::sharedDir();                                                     \
    if (!var##Opt) {                                                                               \
        if (::kiln::test::runningInCi()) {                                                         \
            FAIL() << "shared/ beside the checkout is missing (required under CI=true)";           \
        }                                                                                          \
        GTEST_SKIP() << "shared/ beside the checkout is missing; skipping";                        \
    }                                                                                              \
    const std::filesystem::path var = *var##Opt
