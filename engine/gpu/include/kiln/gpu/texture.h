// Texture: a 2D GL texture made from a core::Image (colour data as sRGB, data textures linear),
// with mipmaps and anisotropic filtering where available.
#pragma once

#include "kiln/core/image.h"
#include "kiln/gpu/gl_handle.h"

#include <string>

namespace kiln::gpu {

struct TextureDesc {
    bool srgb = true;
    bool mipmaps = true;
    bool repeat = true;
    float maxAnisotropy = 8.0f;
    std::string label; // shows in GL debug messages
};

class Texture {
public:
    Texture() = default;
    // Uploads `image` as-is (row 0 of the image becomes t = 0). Asserts the image is not empty.
    static Texture fromImage(const core::Image& image, const TextureDesc& desc);
    void bind(GLuint unit) const;
    GLuint id() const { return mHandle.id(); }
    int width() const { return mWidth; }
    int height() const { return mHeight; }
    // Approximate GPU bytes, mip chain included.
    std::size_t byteSize() const { return mByteSize; }

private:
    GlHandle<detail::deleteTexture> mHandle;
    int mWidth = 0;
    int mHeight = 0;
    std::size_t mByteSize = 0;
};

} // namespace kiln::gpu
