// ShaderProgram: a linked GL program from vertex and fragment GLSL source. Compile and link
// errors come back as a Result naming the shader (its file) and the driver's log; never thrown.
#pragma once

#include "kiln/core/result.h"
#include "kiln/gpu/gl_handle.h"

#include <glm/glm.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kiln::gpu {

struct ShaderSource {
    std::string vertex;
    std::string fragment;
    std::string vertexLabel = "vertex shader";     // usually the file path, for error messages
    std::string fragmentLabel = "fragment shader"; // usually the file path
};

class ShaderProgram {
public:
    ShaderProgram() = default;
    static core::Result<ShaderProgram> build(const ShaderSource& source);

    void use() const;
    GLuint id() const { return mHandle.id(); }
    bool valid() const { return mHandle.valid(); }

    // Uniform setters; a name the program does not use is ignored (location -1), as GL does.
    void set(const char* name, int value);
    void set(const char* name, float value);
    void set(const char* name, const glm::vec2& value);
    void set(const char* name, const glm::vec3& value);
    void set(const char* name, const glm::vec4& value);
    void set(const char* name, const glm::mat3& value);
    void set(const char* name, const glm::mat4& value);

    // A uniform's location (-1 when the program does not use it), to set it by location where a
    // uniform is set many times a frame (per draw), without looking the name up each time.
    GLint uniformLocation(const char* name) { return location(name); }
    void setAt(GLint location, int value) const;
    void setAt(GLint location, float value) const;
    void setAt(GLint location, const glm::vec3& value) const;
    void setAt(GLint location, const glm::vec4& value) const;

private:
    // Looked up without building a std::string (the setters run thousands of times a frame).
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view name) const {
            return std::hash<std::string_view>{}(name);
        }
    };
    GLint location(const char* name);
    GlHandle<detail::deleteProgram> mHandle;
    std::unordered_map<std::string, GLint, NameHash, std::equal_to<>> mLocations;
};

} // namespace kiln::gpu
