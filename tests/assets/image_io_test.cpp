// Image decoding and PNG encoding, including unreadable files.
#include "kiln/assets/image_io.h"

#include "kiln/core/data_paths.h"
#include "test_paths.h"

#include <gtest/gtest.h>

using namespace kiln;

TEST(ImageIo, DecodesThePlaceholderTexture) {
    auto img = assets::loadImage(core::dataPath("assets/models/placeholder/qinghua.png"));
    ASSERT_TRUE(img.ok()) << img.error().message;
    EXPECT_EQ(img->width, 512);
    EXPECT_EQ(img->height, 512);
    // The glaze ground is a bluish white: blue channel >= red channel at a plain spot.
    const std::uint8_t* p = img->pixel(5, 500);
    EXPECT_GT(p[0], 200);
    EXPECT_GE(p[2], p[0]);
}

TEST(ImageIo, MissingFileNamesTheFile) {
    auto img = assets::loadImage("/no/such/texture.png");
    ASSERT_FALSE(img.ok());
    EXPECT_NE(img.error().message.find("/no/such/texture.png"), std::string::npos);
}

TEST(ImageIo, CorruptFileNamesTheFileAndTheReason) {
    const auto path = test::testDataPath("models/corrupt.png");
    auto img = assets::loadImage(path);
    ASSERT_FALSE(img.ok());
    EXPECT_NE(img.error().message.find(path.string()), std::string::npos);
    EXPECT_NE(img.error().message.find("cannot decode image"), std::string::npos);
}

TEST(ImageIo, PngRoundTripIsLossless) {
    core::Image img = core::makeCheckerImage(32, 4);
    img.pixel(3, 5)[1] = 77;
    auto png = assets::encodePng(img);
    ASSERT_TRUE(png.ok());
    auto back = assets::decodeImage(png.value(), "memory");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->rgba, img.rgba);
}

TEST(ImageIo, EncodingAnEmptyImageFails) {
    EXPECT_FALSE(assets::encodePng(core::Image{}).ok());
}
