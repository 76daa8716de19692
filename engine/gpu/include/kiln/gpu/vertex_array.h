// VertexArray: a GL vertex array object describing where each attribute comes from.
#pragma once

#include "kiln/gpu/buffer.h"
#include "kiln/gpu/gl_handle.h"

#include <cstddef>

namespace kiln::gpu {

struct VertexAttribute {
    GLuint location = 0;
    GLint components = 3;
    GLenum type = GL_FLOAT;
    GLsizei strideBytes = 0;
    std::size_t offsetBytes = 0;
    GLuint divisor = 0; // 1 for per-instance attributes
};

class VertexArray {
public:
    // Creates the VAO name only; cheap.
    static VertexArray create();
    void bind() const;
    // Binds `buffer` as the source of `attribute` (the VAO is bound by this call).
    void setAttribute(const Buffer& buffer, const VertexAttribute& attribute);
    // Attaches an index buffer (kept in the VAO's state).
    void setIndexBuffer(const Buffer& buffer);
    GLuint id() const { return mHandle.id(); }

private:
    GlHandle<detail::deleteVertexArray> mHandle;
};

} // namespace kiln::gpu
