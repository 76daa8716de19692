// Vertex array setup.
#include "kiln/gpu/vertex_array.h"

namespace kiln::gpu {

VertexArray VertexArray::create() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    VertexArray vao;
    vao.mHandle = GlHandle<detail::deleteVertexArray>(id);
    return vao;
}

void VertexArray::bind() const {
    glBindVertexArray(mHandle.id());
}

void VertexArray::setAttribute(const Buffer& buffer, const VertexAttribute& a) {
    bind();
    glBindBuffer(GL_ARRAY_BUFFER, buffer.id());
    glEnableVertexAttribArray(a.location);
    glVertexAttribPointer(a.location, a.components, a.type, GL_FALSE, a.strideBytes,
                          reinterpret_cast<const void*>(a.offsetBytes));
    glVertexAttribDivisor(a.location, a.divisor);
}

void VertexArray::setIndexBuffer(const Buffer& buffer) {
    bind();
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffer.id());
}

} // namespace kiln::gpu
