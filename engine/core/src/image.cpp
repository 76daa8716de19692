// Image helpers: solid fills, the fallback checkerboard, vertical flip.
#include "kiln/core/image.h"

#include <algorithm>
#include <cstring>

namespace kiln::core {

Image makeSolidImage(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b,
                     std::uint8_t a) {
    Image image;
    image.width = std::max(width, 0);
    image.height = std::max(height, 0);
    image.rgba.resize(image.byteSize());
    for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
        image.rgba[i + 0] = r;
        image.rgba[i + 1] = g;
        image.rgba[i + 2] = b;
        image.rgba[i + 3] = a;
    }
    return image;
}

Image makeCheckerImage(int size, int cells) {
    Image image = makeSolidImage(size, size, 0, 0, 0);
    const int cell = std::max(1, size / std::max(1, cells));
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            if (((x / cell) + (y / cell)) % 2 == 0) {
                std::uint8_t* p = image.pixel(x, y);
                p[0] = 255;
                p[1] = 0;
                p[2] = 255;
            }
        }
    }
    return image;
}

Image flippedVertically(const Image& image) {
    Image out = image;
    const std::size_t row = static_cast<std::size_t>(image.width) * 4u;
    for (int y = 0; y < image.height; ++y) {
        std::memcpy(out.rgba.data() + static_cast<std::size_t>(y) * row,
                    image.rgba.data() + static_cast<std::size_t>(image.height - 1 - y) * row, row);
    }
    return out;
}

} // namespace kiln::core
