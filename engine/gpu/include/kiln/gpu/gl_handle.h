// GlHandle: a move-only owner of one GL object name, deleted with the given function.
// The base of every gpu wrapper; the GL context must be current when one is destroyed.
#pragma once

#include "kiln/gpu/gl.h"

#include <utility>

namespace kiln::gpu {

template <void (*Deleter)(GLuint)> class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(GLuint id) : mId(id) {}
    ~GlHandle() { reset(); }
    GlHandle(GlHandle&& other) noexcept : mId(std::exchange(other.mId, 0)) {}
    GlHandle& operator=(GlHandle&& other) noexcept {
        if (this != &other) {
            reset();
            mId = std::exchange(other.mId, 0);
        }
        return *this;
    }
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;

    GLuint id() const { return mId; }
    bool valid() const { return mId != 0; }
    void reset() {
        if (mId != 0) {
            Deleter(mId);
            mId = 0;
        }
    }

private:
    GLuint mId = 0;
};

namespace detail {
inline void deleteBuffer(GLuint id) {
    glDeleteBuffers(1, &id);
}
inline void deleteVertexArray(GLuint id) {
    glDeleteVertexArrays(1, &id);
}
inline void deleteTexture(GLuint id) {
    glDeleteTextures(1, &id);
}
inline void deleteFramebuffer(GLuint id) {
    glDeleteFramebuffers(1, &id);
}
inline void deleteRenderbuffer(GLuint id) {
    glDeleteRenderbuffers(1, &id);
}
inline void deleteProgram(GLuint id) {
    glDeleteProgram(id);
}
} // namespace detail

} // namespace kiln::gpu
