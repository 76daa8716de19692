// Texture upload.
#include "kiln/gpu/texture.h"

#include "kiln/core/assert.h"
#include "kiln/gpu/gl.h"

#include <algorithm>

namespace kiln::gpu {

Texture Texture::fromImage(const core::Image& image, const TextureDesc& desc) {
    KILN_ASSERT(!image.empty() && image.rgba.size() == image.byteSize(),
                "gpu::Texture::fromImage: image must be non-empty RGBA8");
    GLuint id = 0;
    glGenTextures(1, &id);
    Texture tex;
    tex.mHandle = GlHandle<detail::deleteTexture>(id);
    tex.mWidth = image.width;
    tex.mHeight = image.height;
    glBindTexture(GL_TEXTURE_2D, id);
    if (!desc.label.empty() && glInfo().khrDebug) {
        glObjectLabel(GL_TEXTURE, id, static_cast<GLsizei>(desc.label.size()), desc.label.c_str());
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, desc.srgb ? GL_SRGB8_ALPHA8 : GL_RGBA8, image.width,
                 image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    const GLint wrap = desc.repeat ? GL_REPEAT : GL_CLAMP_TO_EDGE;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, wrap);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, wrap);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER,
                    desc.mipmaps ? GL_LINEAR_MIPMAP_LINEAR : GL_LINEAR);
    tex.mByteSize = image.byteSize();
    if (desc.mipmaps) {
        glGenerateMipmap(GL_TEXTURE_2D);
        tex.mByteSize = tex.mByteSize * 4 / 3;
    }
    if (glInfo().anisotropic && desc.maxAnisotropy > 1.0f) {
        GLfloat maxSupported = 1.0f;
        glGetFloatv(GL_MAX_TEXTURE_MAX_ANISOTROPY, &maxSupported);
        glTexParameterf(GL_TEXTURE_2D, GL_TEXTURE_MAX_ANISOTROPY,
                        std::min(desc.maxAnisotropy, maxSupported));
    }
    return tex;
}

void Texture::bind(GLuint unit) const {
    glActiveTexture(GL_TEXTURE0 + unit);
    glBindTexture(GL_TEXTURE_2D, mHandle.id());
}

} // namespace kiln::gpu
