// Shader compilation and linking with readable errors.
#include "kiln/gpu/shader_program.h"

#include <glm/gtc/type_ptr.hpp>

#include <vector>

namespace kiln::gpu {
namespace {

std::string shaderLog(GLuint shader) {
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> text(static_cast<std::size_t>(length > 1 ? length : 1), '\0');
    glGetShaderInfoLog(shader, length, nullptr, text.data());
    return std::string(text.data());
}

std::string programLog(GLuint program) {
    GLint length = 0;
    glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> text(static_cast<std::size_t>(length > 1 ? length : 1), '\0');
    glGetProgramInfoLog(program, length, nullptr, text.data());
    return std::string(text.data());
}

core::Result<GLuint> compile(GLenum stage, const std::string& source, const std::string& label) {
    if (source.empty()) {
        return core::Error{label + ": shader source is empty"};
    }
    GLuint shader = glCreateShader(stage);
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        std::string log = shaderLog(shader);
        glDeleteShader(shader);
        return core::Error{label + ": shader does not compile: " + log};
    }
    return shader;
}

} // namespace

core::Result<ShaderProgram> ShaderProgram::build(const ShaderSource& source) {
    auto vs = compile(GL_VERTEX_SHADER, source.vertex, source.vertexLabel);
    if (!vs) {
        return vs.error();
    }
    auto fs = compile(GL_FRAGMENT_SHADER, source.fragment, source.fragmentLabel);
    if (!fs) {
        glDeleteShader(vs.value());
        return fs.error();
    }
    GLuint program = glCreateProgram();
    glAttachShader(program, vs.value());
    glAttachShader(program, fs.value());
    glLinkProgram(program);
    glDeleteShader(vs.value()); // flagged for deletion; freed with the program
    glDeleteShader(fs.value());
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        std::string log = programLog(program);
        glDeleteProgram(program);
        return core::Error{source.vertexLabel + " + " + source.fragmentLabel +
                           ": program does not link: " + log};
    }
    ShaderProgram result;
    result.mHandle = GlHandle<detail::deleteProgram>(program);
    return result;
}

void ShaderProgram::use() const {
    glUseProgram(mHandle.id());
}

GLint ShaderProgram::location(const char* name) {
    auto it = mLocations.find(std::string_view(name));
    if (it != mLocations.end()) {
        return it->second;
    }
    const GLint loc = glGetUniformLocation(mHandle.id(), name);
    mLocations.emplace(name, loc);
    return loc;
}

void ShaderProgram::set(const char* name, int value) {
    glUniform1i(location(name), value);
}
void ShaderProgram::set(const char* name, float value) {
    glUniform1f(location(name), value);
}
void ShaderProgram::set(const char* name, const glm::vec2& value) {
    glUniform2fv(location(name), 1, glm::value_ptr(value));
}
void ShaderProgram::set(const char* name, const glm::vec3& value) {
    glUniform3fv(location(name), 1, glm::value_ptr(value));
}
void ShaderProgram::set(const char* name, const glm::vec4& value) {
    glUniform4fv(location(name), 1, glm::value_ptr(value));
}
void ShaderProgram::set(const char* name, const glm::mat3& value) {
    glUniformMatrix3fv(location(name), 1, GL_FALSE, glm::value_ptr(value));
}
void ShaderProgram::setAt(GLint loc, int value) const {
    glUniform1i(loc, value);
}
void ShaderProgram::setAt(GLint loc, float value) const {
    glUniform1f(loc, value);
}
void ShaderProgram::setAt(GLint loc, const glm::vec3& value) const {
    glUniform3fv(loc, 1, glm::value_ptr(value));
}
void ShaderProgram::setAt(GLint loc, const glm::vec4& value) const {
    glUniform4fv(loc, 1, glm::value_ptr(value));
}
void ShaderProgram::set(const char* name, const glm::mat4& value) {
    glUniformMatrix4fv(location(name), 1, GL_FALSE, glm::value_ptr(value));
}

} // namespace kiln::gpu
