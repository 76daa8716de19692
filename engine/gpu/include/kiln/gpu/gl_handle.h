// GlHandle: a move-only owner of one GL object name, deleted with the given function.
// The base of every gpu wrapper; the GL context must be current when one is destroyed.
// Every owned name is counted by kind (object_counts.h), so leaks show in tests and soak runs.
#pragma once

#include "kiln/gpu/gl.h"
#include "kiln/gpu/object_counts.h"

#include <utility>

namespace kiln::gpu {

namespace detail {
// The deleters; each one's address identifies the object kind for the live counts.
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

template <void (*Deleter)(GLuint)> constexpr GlObjectKind kindOf() {
    if constexpr (Deleter == &deleteBuffer) {
        return GlObjectKind::Buffer;
    } else if constexpr (Deleter == &deleteVertexArray) {
        return GlObjectKind::VertexArray;
    } else if constexpr (Deleter == &deleteTexture) {
        return GlObjectKind::Texture;
    } else if constexpr (Deleter == &deleteFramebuffer) {
        return GlObjectKind::Framebuffer;
    } else if constexpr (Deleter == &deleteRenderbuffer) {
        return GlObjectKind::Renderbuffer;
    } else {
        static_assert(Deleter == &deleteProgram, "GlHandle: unknown GL object kind");
        return GlObjectKind::Program;
    }
}
} // namespace detail

template <void (*Deleter)(GLuint)> class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(GLuint id) : mId(id) {
        if (mId != 0) {
            detail::countLiveObject(detail::kindOf<Deleter>(), 1);
        }
    }
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
            detail::countLiveObject(detail::kindOf<Deleter>(), -1);
            mId = 0;
        }
    }

private:
    GLuint mId = 0;
};
} // namespace kiln::gpu
