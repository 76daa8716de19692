// KHR_debug callback and error counting.
#include "kiln/gpu/debug_output.h"

#include "kiln/core/log.h"
#include "kiln/gpu/gl.h"

#include <atomic>
#include <string>

namespace kiln::gpu {
namespace {

std::atomic<std::size_t> gErrors{0};

void GLAPIENTRY onDebugMessage(GLenum source, GLenum type, GLuint id, GLenum severity,
                               GLsizei length, const GLchar* message, const void* user) {
    (void)source;
    (void)user;
    const std::string text =
            "GL " + std::to_string(id) + ": " +
            std::string(message, length > 0 ? static_cast<std::size_t>(length)
                                            : std::char_traits<char>::length(message));
    if (type == GL_DEBUG_TYPE_ERROR) {
        gErrors.fetch_add(1);
        core::logError("gpu", text);
    } else if (severity == GL_DEBUG_SEVERITY_HIGH || severity == GL_DEBUG_SEVERITY_MEDIUM) {
        core::logWarning("gpu", text);
    }
}

const char* errorName(GLenum error) {
    switch (error) {
        case GL_INVALID_ENUM:
            return "GL_INVALID_ENUM";
        case GL_INVALID_VALUE:
            return "GL_INVALID_VALUE";
        case GL_INVALID_OPERATION:
            return "GL_INVALID_OPERATION";
        case GL_INVALID_FRAMEBUFFER_OPERATION:
            return "GL_INVALID_FRAMEBUFFER_OPERATION";
        case GL_OUT_OF_MEMORY:
            return "GL_OUT_OF_MEMORY";
        default:
            return "GL error";
    }
}

} // namespace

bool enableDebugOutput() {
    if (!glInfo().khrDebug) {
        return false;
    }
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS); // errors are reported inside the faulty call
    glDebugMessageCallback(onDebugMessage, nullptr);
    glDebugMessageControl(GL_DONT_CARE, GL_DONT_CARE, GL_DEBUG_SEVERITY_NOTIFICATION, 0, nullptr,
                          GL_FALSE);
    return true;
}

std::size_t checkGlErrors(std::string_view where) {
    std::size_t count = 0;
    for (GLenum error = glGetError(); error != GL_NO_ERROR; error = glGetError()) {
        ++count;
        gErrors.fetch_add(1);
        core::logError("gpu", std::string(errorName(error)) + " at " + std::string(where));
        if (count > 16) {
            break; // a lost context keeps returning errors
        }
    }
    return count;
}

std::size_t glErrorCount() {
    return gErrors.load();
}

void resetGlErrorCount() {
    gErrors.store(0);
}

} // namespace kiln::gpu
