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

// One specialisation per deleter (not a chain of `Deleter == &deleteX` comparisons, which g++
// with -fsanitize=undefined does not accept as constant expressions); an unknown deleter has no
// `kind` and fails to compile.
template <void (*Deleter)(GLuint)> struct KindOf;
template <> struct KindOf<&deleteBuffer> {
    static constexpr GlObjectKind kind = GlObjectKind::Buffer;
};
template <> struct KindOf<&deleteVertexArray> {
    static constexpr GlObjectKind kind = GlObjectKind::VertexArray;
};
template <> struct KindOf<&deleteTexture> {
    static constexpr GlObjectKind kind = GlObjectKind::Texture;
};
template <> struct KindOf<&deleteFramebuffer> {
    static constexpr GlObjectKind kind = GlObjectKind::Framebuffer;
};
template <> struct KindOf<&deleteRenderbuffer> {
    static constexpr GlObjectKind kind = GlObjectKind::Renderbuffer;
};
template <> struct KindOf<&deleteProgram> {
    static constexpr GlObjectKind kind = GlObjectKind::Program;
};
template <void (*Deleter)(GLuint)> constexpr GlObjectKind kindOf() {
    return KindOf<Deleter>::kind;
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
