// Offscreen framebuffers, MSAA resolve and pixel readback.
#include "kiln/gpu/framebuffer.h"

#include "kiln/gpu/gl.h"

namespace kiln::gpu {

core::Result<Framebuffer> Framebuffer::create(const FramebufferDesc& desc) {
    if (desc.width <= 0 || desc.height <= 0 || desc.width > 16384 || desc.height > 16384) {
        return core::Error{"framebuffer '" + desc.label + "': size " + std::to_string(desc.width) +
                           "x" + std::to_string(desc.height) + " is out of range"};
    }
    Framebuffer fb;
    fb.mDesc = desc;
    const bool msaa = desc.samples > 1;
    const GLenum colorFormat = desc.hdr ? GL_RGBA16F : GL_RGBA8;
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    fb.mFbo = GlHandle<detail::deleteFramebuffer>(id);
    glBindFramebuffer(GL_FRAMEBUFFER, id);

    if (msaa) {
        GLint maxSamples = 0;
        glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
        fb.mDesc.samples = desc.samples < maxSamples ? desc.samples : maxSamples;
        GLuint rb = 0;
        glGenRenderbuffers(1, &rb);
        fb.mColorMsaa = GlHandle<detail::deleteRenderbuffer>(rb);
        glBindRenderbuffer(GL_RENDERBUFFER, rb);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, fb.mDesc.samples, colorFormat, desc.width,
                                         desc.height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
    } else {
        GLuint tex = 0;
        glGenTextures(1, &tex);
        fb.mColorTexture = GlHandle<detail::deleteTexture>(tex);
        glBindTexture(GL_TEXTURE_2D, tex);
        glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(colorFormat), desc.width, desc.height, 0,
                     GL_RGBA, desc.hdr ? GL_FLOAT : GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    }
    if (desc.depth) {
        GLuint depth = 0;
        glGenRenderbuffers(1, &depth);
        fb.mDepth = GlHandle<detail::deleteRenderbuffer>(depth);
        glBindRenderbuffer(GL_RENDERBUFFER, depth);
        if (msaa) {
            glRenderbufferStorageMultisample(GL_RENDERBUFFER, fb.mDesc.samples, GL_DEPTH24_STENCIL8,
                                             desc.width, desc.height);
        } else {
            glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, desc.width, desc.height);
        }
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER,
                                  depth);
    }
    if (!desc.label.empty() && glInfo().khrDebug) {
        glObjectLabel(GL_FRAMEBUFFER, id, static_cast<GLsizei>(desc.label.size()),
                      desc.label.c_str());
    }
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        return core::Error{"framebuffer '" + desc.label + "' is incomplete (status 0x" +
                           std::to_string(status) + ")"};
    }
    return fb;
}

void Framebuffer::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, mFbo.id());
    glViewport(0, 0, mDesc.width, mDesc.height);
}

void Framebuffer::blitTo(const Framebuffer* target, int defaultWidth, int defaultHeight) const {
    const int dstW = target != nullptr ? target->width() : defaultWidth;
    const int dstH = target != nullptr ? target->height() : defaultHeight;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, mFbo.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target != nullptr ? target->id() : 0);
    // MSAA resolve requires equal sizes; scaling uses linear filtering otherwise.
    const bool sameSize = dstW == mDesc.width && dstH == mDesc.height;
    glBlitFramebuffer(0, 0, mDesc.width, mDesc.height, 0, 0, dstW, dstH, GL_COLOR_BUFFER_BIT,
                      sameSize ? GL_NEAREST : GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

core::Image Framebuffer::readPixels() const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, mFbo.id());
    core::Image image = readCurrentFramebuffer(mDesc.width, mDesc.height);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    return image;
}

std::size_t Framebuffer::byteSize() const {
    const std::size_t pixels =
            static_cast<std::size_t>(mDesc.width) * static_cast<std::size_t>(mDesc.height);
    const std::size_t samples = mDesc.samples > 1 ? static_cast<std::size_t>(mDesc.samples) : 1u;
    return pixels * samples * ((mDesc.hdr ? 8u : 4u) + (mDesc.depth ? 4u : 0u));
}

core::Image readCurrentFramebuffer(int width, int height) {
    core::Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(image.byteSize());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    return core::flippedVertically(image); // GL's row 0 is the bottom
}

} // namespace kiln::gpu
