// Buffer: a GL buffer object (vertex, index or uniform data) with its byte size.
#pragma once

#include "kiln/gpu/gl_handle.h"

#include <cstddef>
#include <span>

namespace kiln::gpu {

class Buffer {
public:
    Buffer() = default;
    // Creates and fills a buffer bound to `target` (GL_ARRAY_BUFFER, GL_ELEMENT_ARRAY_BUFFER...).
    Buffer(GLenum target, std::span<const std::byte> data, GLenum usage = GL_STATIC_DRAW);

    template <typename T>
    static Buffer fromSpan(GLenum target, std::span<const T> items, GLenum usage = GL_STATIC_DRAW) {
        return Buffer(target, std::as_bytes(items), usage);
    }

    // Replaces the contents, growing the buffer if needed.
    void update(std::span<const std::byte> data);
    void bind() const;

    GLuint id() const { return mHandle.id(); }
    GLenum target() const { return mTarget; }
    std::size_t byteSize() const { return mByteSize; }

private:
    GlHandle<detail::deleteBuffer> mHandle;
    GLenum mTarget = GL_ARRAY_BUFFER;
    GLenum mUsage = GL_STATIC_DRAW;
    std::size_t mByteSize = 0;
};

} // namespace kiln::gpu
