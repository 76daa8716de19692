// Image helpers: the checker fallback and the vertical flip used for GL readback.
#include "kiln/core/image.h"

#include <gtest/gtest.h>

using namespace kiln::core;

TEST(Image, CheckerAlternatesMagentaAndBlack) {
    Image img = makeCheckerImage(64, 8);
    ASSERT_EQ(img.width, 64);
    ASSERT_EQ(img.rgba.size(), 64u * 64u * 4u);
    EXPECT_EQ(img.pixel(0, 0)[0], 255);
    EXPECT_EQ(img.pixel(0, 0)[1], 0);
    EXPECT_EQ(img.pixel(8, 0)[0], 0);   // next cell
    EXPECT_EQ(img.pixel(8, 8)[2], 255); // diagonal cell is magenta again
}

TEST(Image, FlipSwapsRows) {
    Image img = makeSolidImage(2, 3, 0, 0, 0);
    img.pixel(1, 0)[0] = 200;
    Image flipped = flippedVertically(img);
    EXPECT_EQ(flipped.pixel(1, 2)[0], 200);
    EXPECT_EQ(flipped.pixel(1, 0)[0], 0);
}
