// The golden comparator itself: it must reject a black, an empty or a wrongly lit frame, and
// accept the reviewed frame and tiny rasteriser noise. Uses the committed placeholder golden.
#include "golden.h"
#include "kiln/assets/image_io.h"
#include "kiln/core/data_paths.h"

#include <gtest/gtest.h>

using namespace kiln;

namespace {

core::Image loadGolden() {
    auto img = assets::loadImage(core::dataRoot() / "tests/golden/placeholder.png");
    EXPECT_TRUE(img.ok()) << (img.ok() ? "" : img.error().message);
    return img.ok() ? img.value() : core::Image{};
}

const test::GoldenTolerance kTolerance{16, 0.01};

} // namespace

TEST(GoldenCompare, AcceptsTheSameImage) {
    const core::Image golden = loadGolden();
    ASSERT_FALSE(golden.empty());
    EXPECT_TRUE(test::compareImages(golden, golden, kTolerance).pass);
}

TEST(GoldenCompare, AcceptsSmallNoise) {
    const core::Image golden = loadGolden();
    ASSERT_FALSE(golden.empty());
    core::Image noisy = golden;
    for (std::size_t i = 0; i < noisy.rgba.size(); i += 7) {
        noisy.rgba[i] = static_cast<std::uint8_t>(std::min(255, noisy.rgba[i] + 3));
    }
    EXPECT_TRUE(test::compareImages(golden, noisy, kTolerance).pass);
}

TEST(GoldenCompare, RejectsABlackImage) {
    const core::Image golden = loadGolden();
    ASSERT_FALSE(golden.empty());
    const core::Image black = core::makeSolidImage(golden.width, golden.height, 0, 0, 0);
    auto cmp = test::compareImages(golden, black, kTolerance);
    EXPECT_FALSE(cmp.pass) << cmp.summary;
    EXPECT_LT(test::imageStats(black).lumaStdDev, 1.0);
}

TEST(GoldenCompare, RejectsAnEmptySceneOfBackgroundOnly) {
    const core::Image golden = loadGolden();
    ASSERT_FALSE(golden.empty());
    // The background colour of the placeholder's corner, everywhere: nothing drawn.
    const std::uint8_t* bg = golden.pixel(golden.width - 2, 2);
    const core::Image empty =
            core::makeSolidImage(golden.width, golden.height, bg[0], bg[1], bg[2]);
    EXPECT_FALSE(test::compareImages(golden, empty, kTolerance).pass);
}

TEST(GoldenCompare, RejectsAWronglyLitImage) {
    const core::Image golden = loadGolden();
    ASSERT_FALSE(golden.empty());
    // Sun missing: every lit surface at 60% of its brightness.
    core::Image dim = golden;
    for (std::size_t i = 0; i < dim.rgba.size(); i += 4) {
        for (std::size_t c = 0; c < 3; ++c) {
            dim.rgba[i + c] = static_cast<std::uint8_t>(dim.rgba[i + c] * 6 / 10);
        }
    }
    EXPECT_FALSE(test::compareImages(golden, dim, kTolerance).pass);
    // Light from the other side: the image mirrored left to right.
    core::Image mirrored = golden;
    for (int y = 0; y < golden.height; ++y) {
        for (int x = 0; x < golden.width; ++x) {
            std::copy_n(golden.pixel(golden.width - 1 - x, y), 4, mirrored.pixel(x, y));
        }
    }
    EXPECT_FALSE(test::compareImages(golden, mirrored, kTolerance).pass);
}

TEST(GoldenCompare, RejectsADifferentSize) {
    const core::Image golden = loadGolden();
    ASSERT_FALSE(golden.empty());
    const core::Image small = core::makeSolidImage(10, 10, 0, 0, 0);
    auto cmp = test::compareImages(golden, small, kTolerance);
    EXPECT_FALSE(cmp.pass);
    EXPECT_NE(cmp.summary.find("size differs"), std::string::npos);
}
