// File reads name the file in their errors; atomic writes leave no partial file.
#include "kiln/core/file_io.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace kiln::core;

namespace {
fs::path tempDir() {
    fs::path dir = fs::temp_directory_path() / ("kiln_file_io_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}
} // namespace

TEST(FileIo, MissingFileErrorNamesFile) {
    auto r = readTextFile("/nonexistent/kiln/scene.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("/nonexistent/kiln/scene.json"), std::string::npos);
    EXPECT_NE(r.error().message.find("No such file"), std::string::npos);
}

TEST(FileIo, DirectoryIsAnError) {
    auto r = readBinaryFile(fs::temp_directory_path());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("is a directory"), std::string::npos);
}

TEST(FileIo, AtomicWriteRoundTrip) {
    const fs::path file = tempDir() / "out.txt";
    ASSERT_TRUE(writeFileAtomic(file, "first").ok());
    ASSERT_TRUE(writeFileAtomic(file, "second version").ok());
    auto r = readTextFile(file);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value(), "second version");
    EXPECT_FALSE(fs::exists(file.string() + ".tmp"));
}

TEST(FileIo, AtomicWriteIntoMissingFolderFailsCleanly) {
    const fs::path file = tempDir() / "no" / "such" / "folder" / "out.txt";
    Status s = writeFileAtomic(file, "x");
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("cannot create"), std::string::npos);
    EXPECT_FALSE(fs::exists(file));
}

TEST(FileIo, TextPositionCountsLinesAndCodePoints) {
    const std::string text = "{\n  \"标题\": 1,\n  \"x\": ]\n}";
    const auto pos = textPositionOf(text, text.find(']'));
    EXPECT_EQ(pos.line, 3);
    EXPECT_EQ(pos.column, 8);
    const auto wide = textPositionOf(text, text.find(':'));
    EXPECT_EQ(wide.line, 2);
    EXPECT_EQ(wide.column, 7); // two Chinese characters count as two columns, not six bytes
}

TEST(FileIo, LineOfJsonPathFollowsNesting) {
    const std::string text =
            "{\n  \"sun\": { \"color\": [1, 1, 1] },\n  \"sky\": {\n    \"color\": 2\n  }\n}";
    EXPECT_EQ(lineOfJsonPath(text, "sun.color"), 2);
    EXPECT_EQ(lineOfJsonPath(text, "sky.color"), 4);   // not the first "color" in the file
    EXPECT_EQ(lineOfJsonPath(text, "sky.missing"), 3); // a missing leaf reports its parent
    EXPECT_EQ(lineOfJsonPath(text, "nothing"), 0);
}
