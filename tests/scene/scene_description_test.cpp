// Scene files: the shipped scenes validate; broken ones are rejected with file, line and field.
#include "kiln/scene/scene_description.h"

#include "kiln/core/data_paths.h"
#include "test_paths.h"

#include <gtest/gtest.h>

using namespace kiln;

TEST(SceneDescription, PlaceholderLoads) {
    auto s = scene::loadSceneById("placeholder", core::dataRoot());
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->id, "placeholder");
    EXPECT_FALSE(s->title.zh.empty());
    EXPECT_FALSE(s->title.en.empty());
    EXPECT_TRUE(std::filesystem::exists(s->modelPath)) << s->modelPath;
    EXPECT_NEAR(glm::length(s->sun.directionToSun), 1.0f, 1e-5f);
}

TEST(SceneDescription, UnknownSceneSaysWhichFileIsMissing) {
    auto s = scene::loadSceneById("no_such_scene", core::dataRoot());
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("unknown scene 'no_such_scene'"), std::string::npos);
    EXPECT_NE(s.error().message.find("scenes/no_such_scene/scene.json"), std::string::npos);
}

TEST(SceneDescription, PathLikeIdsAreRefused) {
    auto s = scene::loadSceneById("../../etc", core::dataRoot());
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("not valid"), std::string::npos);
}

struct BrokenCase {
    const char* name;
    const char* file;
    const char* expected; // substring of the error: place and problem
};

void PrintTo(const BrokenCase& c, std::ostream* os) {
    *os << c.file;
}

class BrokenScene : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenScene, IsRejectedWithFileLineAndField) {
    const BrokenCase& c = GetParam();
    const auto path = test::testDataPath(std::string("scenes/") + c.file);
    auto s = scene::loadSceneFile(path, core::dataRoot());
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find(path.string()), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find(c.expected), std::string::npos) << s.error().message;
}

INSTANTIATE_TEST_SUITE_P(
        Files, BrokenScene,
        ::testing::Values(BrokenCase{"trailing_comma", "not_json.json", ":5:33: not valid JSON"},
                          BrokenCase{"missing_model", "missing_model.json",
                                     "field 'model': missing"},
                          BrokenCase{"pitch_out_of_range", "bad_pitch.json",
                                     ":7: field 'camera.pitchDeg': value 120.0 is out of range"},
                          BrokenCase{"missing_translation", "missing_translation.json",
                                     ":3: field 'title.zh': missing"}),
        [](const auto& p) { return std::string(p.param.name); });
