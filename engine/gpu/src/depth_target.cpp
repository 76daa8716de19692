// Shadow-map render target.
#include "kiln/gpu/depth_target.h"

#include "kiln/gpu/gl.h"

#include <cstring>
#include <string>

namespace kiln::gpu {

core::Result<DepthTarget> DepthTarget::create(int size, const char* label) {
    if (size <= 0 || size > 16384) {
        return core::Error{std::string("depth target '") + label + "': size " +
                           std::to_string(size) + " is out of range"};
    }
    DepthTarget target;
    target.mSize = size;
    GLuint tex = 0;
    glGenTextures(1, &tex);
    target.mTexture = GlHandle<detail::deleteTexture>(tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT24, size, size, 0, GL_DEPTH_COMPONENT,
                 GL_UNSIGNED_INT, nullptr);
    // Linear filtering with comparison gives 2x2 PCF per tap for free.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_FUNC, GL_LEQUAL);
    GLuint fbo = 0;
    glGenFramebuffers(1, &fbo);
    target.mFbo = GlHandle<detail::deleteFramebuffer>(fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, tex, 0);
    glDrawBuffer(GL_NONE);
    glReadBuffer(GL_NONE);
    if (glInfo().khrDebug) {
        glObjectLabel(GL_FRAMEBUFFER, fbo, static_cast<GLsizei>(std::strlen(label)), label);
    }
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        return core::Error{std::string("depth target '") + label + "' is incomplete"};
    }
    return target;
}

void DepthTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, mFbo.id());
    glViewport(0, 0, mSize, mSize);
}

void DepthTarget::bindTexture(GLuint unit) const {
    glActiveTexture(GL_TEXTURE0 + unit);
    glBindTexture(GL_TEXTURE_2D, mTexture.id());
}

} // namespace kiln::gpu
