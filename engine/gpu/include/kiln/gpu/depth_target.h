// DepthTarget: a depth-only render target whose texture is sampled with hardware depth
// comparison (sampler2DShadow), for shadow maps.
#pragma once

#include "kiln/core/result.h"
#include "kiln/gpu/gl_handle.h"

namespace kiln::gpu {

class DepthTarget {
public:
    DepthTarget() = default;
    // size x size texels; fails when the driver refuses the size.
    static core::Result<DepthTarget> create(int size, const char* label);
    void bind() const; // binds for drawing and sets the viewport
    void bindTexture(GLuint unit) const;
    int size() const { return mSize; }
    std::size_t byteSize() const {
        return static_cast<std::size_t>(mSize) * static_cast<std::size_t>(mSize) * 4u;
    }

private:
    GlHandle<detail::deleteFramebuffer> mFbo;
    GlHandle<detail::deleteTexture> mTexture;
    int mSize = 0;
};

} // namespace kiln::gpu
