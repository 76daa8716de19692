// Image: plain RGBA8 pixels in memory, rows top to bottom. The one image type every module
// shares (decoded textures, framebuffer readback, golden images). Does NOT decode or encode files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiln::core {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba; // width * height * 4 bytes, row 0 is the top row

    bool empty() const { return width <= 0 || height <= 0 || rgba.empty(); }
    std::size_t byteSize() const {
        return static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4u;
    }
    std::uint8_t* pixel(int x, int y) {
        return rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                              static_cast<std::size_t>(x)) *
                                     4u;
    }
    const std::uint8_t* pixel(int x, int y) const {
        return rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                              static_cast<std::size_t>(x)) *
                                     4u;
    }
};

// An image of the given size filled with one colour.
Image makeSolidImage(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b,
                     std::uint8_t a = 255);

// A magenta and black checkerboard: the fallback texture when one cannot be loaded.
Image makeCheckerImage(int size = 64, int cells = 8);

// The same image upside down (GL's texture origin is the bottom row).
Image flippedVertically(const Image& image);

} // namespace kiln::core
