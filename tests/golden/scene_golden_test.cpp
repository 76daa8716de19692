// Golden images of scenes, rendered by the real kilnfire program headless (SDL offscreen,
// llvmpipe) with a frozen clock: one frame at a fixed 1/60 s step.
// Tolerances: llvmpipe is deterministic on one machine; 1% of pixels may differ by more than
// 16 levels to absorb Mesa/LLVM version changes in edge rasterisation and font hinting.
#include "golden.h"
#include "kiln/assets/image_io.h"
#include "test_paths.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

using namespace kiln;

namespace {

core::Image renderScene(const std::string& name, const std::string& args) {
    const auto shot = test::outputDir("golden") / (name + ".render.png");
    std::filesystem::remove(shot);
    const std::string command = std::string(KILNFIRE_EXE) + " --offscreen --frames 1 " + args +
                                " --screenshot " + shot.string() + " 2>&1";
    const int status = std::system(command.c_str());
    EXPECT_EQ(status, 0) << command;
    auto img = assets::loadImage(shot);
    EXPECT_TRUE(img.ok()) << (img.ok() ? "" : img.error().message);
    return img.ok() ? img.value() : core::Image{};
}

} // namespace

TEST(SceneGolden, Placeholder) {
    const core::Image img = renderScene("placeholder", "--scene placeholder --size 640x360");
    ASSERT_FALSE(img.empty());
    // Independent of the golden: a lit, textured scene is not flat and has many colours.
    const test::ImageStats stats = test::imageStats(img);
    EXPECT_GT(stats.lumaStdDev, 20.0);
    EXPECT_GT(stats.distinctColors, 60);
    EXPECT_TRUE(test::matchesGolden("placeholder", img, {16, 0.01}));
}
