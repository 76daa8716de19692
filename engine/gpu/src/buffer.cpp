// Buffer object creation and updates.
#include "kiln/gpu/buffer.h"

namespace kiln::gpu {

Buffer::Buffer(GLenum target, std::span<const std::byte> data, GLenum usage)
    : mTarget(target), mUsage(usage) {
    GLuint id = 0;
    glGenBuffers(1, &id);
    mHandle = GlHandle<detail::deleteBuffer>(id);
    update(data);
}

void Buffer::update(std::span<const std::byte> data) {
    glBindBuffer(mTarget, mHandle.id());
    if (data.size() > mByteSize) {
        glBufferData(mTarget, static_cast<GLsizeiptr>(data.size()), data.data(), mUsage);
        mByteSize = data.size();
    } else if (!data.empty()) {
        glBufferSubData(mTarget, 0, static_cast<GLsizeiptr>(data.size()), data.data());
    }
}

void Buffer::bind() const {
    glBindBuffer(mTarget, mHandle.id());
}

} // namespace kiln::gpu
