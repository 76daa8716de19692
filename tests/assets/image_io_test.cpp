// Image decoding (also on a worker thread, for embedded images) and PNG encoding, including
// unreadable files.
#include "kiln/assets/image_io.h"

#include "kiln/core/data_paths.h"
#include "test_paths.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

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

TEST(ImageIo, PngOfALargeImageIsLosslessWithValidChunks) {
    // Larger than zlib's output pieces (64 KiB) and with incompressible noise; each chunk's CRC
    // checked here, since stb's decoder does not check them.
    core::Image img = core::makeCheckerImage(640, 16);
    std::uint32_t state = 12345;
    for (std::size_t i = 0; i < img.rgba.size(); i += 7) {
        state = state * 1664525u + 1013904223u;
        img.rgba[i] = static_cast<std::uint8_t>(state >> 24);
    }
    auto png = assets::encodePng(img);
    ASSERT_TRUE(png.ok());
    auto back = assets::decodeImage(png.value(), "memory");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->rgba, img.rgba);
    const std::vector<std::uint8_t>& bytes = png.value();
    auto be32 = [&](std::size_t at) {
        return static_cast<std::uint32_t>(bytes[at]) << 24 |
               static_cast<std::uint32_t>(bytes[at + 1]) << 16 |
               static_cast<std::uint32_t>(bytes[at + 2]) << 8 |
               static_cast<std::uint32_t>(bytes[at + 3]);
    };
    auto crc32 = [&](std::size_t from, std::size_t size) {
        std::uint32_t c = 0xffffffffu;
        for (std::size_t i = from; i < from + size; ++i) {
            c ^= bytes[i];
            for (int k = 0; k < 8; ++k) {
                c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
            }
        }
        return c ^ 0xffffffffu;
    };
    std::vector<std::string> chunks;
    for (std::size_t at = 8; at + 12 <= bytes.size();) {
        const std::uint32_t length = be32(at);
        ASSERT_LE(at + 12 + length, bytes.size());
        chunks.emplace_back(bytes.begin() + static_cast<std::ptrdiff_t>(at + 4),
                            bytes.begin() + static_cast<std::ptrdiff_t>(at + 8));
        EXPECT_EQ(be32(at + 8 + length), crc32(at + 4, length + 4)) << chunks.back();
        at += 12 + length;
    }
    EXPECT_EQ(chunks, (std::vector<std::string>{"IHDR", "IDAT", "IEND"}));
}

TEST(ImageIo, EncodingAnEmptyImageFails) {
    EXPECT_FALSE(assets::encodePng(core::Image{}).ok());
}

TEST(ImageIo, DecodeBatchHandsOutEachImageOnceAndFailuresAsNothing) {
    core::Image first = core::makeCheckerImage(16, 4);
    core::Image second = core::makeCheckerImage(8, 2);
    second.pixel(1, 1)[0] = 9;
    std::vector<std::vector<std::uint8_t>> encoded = {assets::encodePng(first).value(),
                                                      {1, 2, 3, 4}, // not an image
                                                      assets::encodePng(second).value()};
    assets::ImageDecodeBatch batch(encoded);
    // Taken out of order: each waits for its own image.
    auto c = batch.take(2);
    ASSERT_TRUE(c.has_value());
    EXPECT_EQ(c->rgba, second.rgba);
    EXPECT_FALSE(batch.take(1).has_value());
    auto a = batch.take(0);
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(a->rgba, first.rgba);
    EXPECT_FALSE(batch.take(0).has_value()) << "an image is handed out once";
    EXPECT_FALSE(batch.take(3).has_value());
}

TEST(ImageIo, DecodeBatchDestroyedUntakenStops) {
    std::vector<std::vector<std::uint8_t>> encoded(
            50, assets::encodePng(core::makeCheckerImage(256, 8)).value());
    assets::ImageDecodeBatch batch(std::move(encoded)); // destroyed at once: must not hang
}

TEST(ImageIo, EmbeddedImageUsesItsDecodingOnceThenDecodesAgain) {
    const core::Image img = core::makeCheckerImage(32, 4);
    assets::EmbeddedImage embedded;
    embedded.bytes = assets::encodePng(img).value();
    embedded.decoding = std::make_shared<assets::ImageDecodeBatch>(
            std::vector<std::vector<std::uint8_t>>{embedded.bytes});
    for (int round = 0; round < 2; ++round) {
        auto decoded = assets::decodeImage(embedded, "embedded:0");
        ASSERT_TRUE(decoded.ok()) << decoded.error().message;
        EXPECT_EQ(decoded->rgba, img.rgba);
    }
    // A failed decoding is decoded again, so the error names the caller's label.
    assets::EmbeddedImage broken;
    broken.bytes = {1, 2, 3};
    broken.decoding = std::make_shared<assets::ImageDecodeBatch>(
            std::vector<std::vector<std::uint8_t>>{broken.bytes});
    auto failed = assets::decodeImage(broken, "model.glb (embedded:1)");
    ASSERT_FALSE(failed.ok());
    EXPECT_NE(failed.error().message.find("model.glb (embedded:1)"), std::string::npos);
}
