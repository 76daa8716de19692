// Framebuffer: an offscreen render target of any size (independent of the window): a colour
// texture (RGBA8 or RGBA16F for HDR) and a depth-stencil renderbuffer, optionally multisampled
// (then resolved by blitting into a single-sampled one). Readback returns top-first RGBA8 rows.
#pragma once

#include "kiln/core/image.h"
#include "kiln/core/result.h"
#include "kiln/gpu/gl_handle.h"

#include <string>

namespace kiln::gpu {

struct FramebufferDesc {
    int width = 0;
    int height = 0;
    int samples = 0;   // 0 or 1: no MSAA
    bool hdr = false;  // RGBA16F colour
    bool depth = true; // a depth-stencil attachment
    std::string label; // shows in GL debug messages
};

class Framebuffer {
public:
    Framebuffer() = default;
    // Fails with the GL status when the driver refuses the combination (size, samples, format).
    static core::Result<Framebuffer> create(const FramebufferDesc& desc);

    void bind() const; // also sets the viewport to the whole target
    // Copies colour into `target` (resolving MSAA); `target` null means the default framebuffer
    // with the given size.
    void blitTo(const Framebuffer* target, int defaultWidth = 0, int defaultHeight = 0) const;
    // Reads the colour attachment (must not be multisampled) as RGBA8, top row first.
    core::Image readPixels() const;

    GLuint id() const { return mFbo.id(); }
    GLuint colorTexture() const { return mColorTexture.id(); }
    int width() const { return mDesc.width; }
    int height() const { return mDesc.height; }
    int samples() const { return mDesc.samples; }
    std::size_t byteSize() const;

private:
    FramebufferDesc mDesc;
    GlHandle<detail::deleteFramebuffer> mFbo;
    GlHandle<detail::deleteTexture> mColorTexture;   // single-sampled
    GlHandle<detail::deleteRenderbuffer> mColorMsaa; // multisampled colour
    GlHandle<detail::deleteRenderbuffer> mDepth;
};

// Reads the currently bound read framebuffer's colour (GL_BACK for the default one).
core::Image readCurrentFramebuffer(int width, int height);

} // namespace kiln::gpu
