// GL loading through glad 2.
#include "kiln/gpu/gl.h"

namespace kiln::gpu {
namespace {

GlInfo gInfo;

std::string glString(GLenum name) {
    const auto* s = reinterpret_cast<const char*>(glGetString(name));
    return s != nullptr ? s : "";
}

} // namespace

core::Status loadGl(GlLoadFunc getProcAddress) {
    const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(getProcAddress));
    if (version == 0) {
        return core::Error{"cannot load OpenGL functions: no current context or no GL driver"};
    }
    gInfo.major = GLAD_VERSION_MAJOR(version);
    gInfo.minor = GLAD_VERSION_MINOR(version);
    gInfo.vendor = glString(GL_VENDOR);
    gInfo.renderer = glString(GL_RENDERER);
    gInfo.version = glString(GL_VERSION);
    gInfo.khrDebug = GLAD_GL_KHR_debug != 0;
    gInfo.anisotropic = GLAD_GL_ARB_texture_filter_anisotropic != 0 ||
                        GLAD_GL_EXT_texture_filter_anisotropic != 0;
    if (gInfo.major < 3 || (gInfo.major == 3 && gInfo.minor < 3)) {
        return core::Error{"OpenGL " + std::to_string(gInfo.major) + "." +
                           std::to_string(gInfo.minor) + " found (" + gInfo.renderer +
                           "); Kilnfire needs OpenGL 3.3 core"};
    }
    return {};
}

const GlInfo& glInfo() {
    return gInfo;
}

} // namespace kiln::gpu
