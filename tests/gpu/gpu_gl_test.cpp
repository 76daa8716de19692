// The thin GL layer on a real (llvmpipe) context: shaders, framebuffers, textures, error capture.
#include "gl_fixture.h"
#include "kiln/gpu/buffer.h"
#include "kiln/gpu/debug_output.h"
#include "kiln/gpu/framebuffer.h"
#include "kiln/gpu/gl.h"
#include "kiln/gpu/shader_program.h"
#include "kiln/gpu/texture.h"
#include "kiln/gpu/vertex_array.h"

#include <gtest/gtest.h>

#include <array>

using namespace kiln;
using GpuGlTest = test::GlTest;

namespace {
const char* kVertex = "#version 330 core\n"
                      "layout(location = 0) in vec2 aPos;\n"
                      "void main() { gl_Position = vec4(aPos, 0.0, 1.0); }\n";
const char* kFragment = "#version 330 core\n"
                        "uniform vec4 uColor;\n"
                        "out vec4 fragColor;\n"
                        "void main() { fragColor = uColor; }\n";
} // namespace

TEST_F(GpuGlTest, ContextIsGl33CoreOrNewer) {
    const gpu::GlInfo& info = gpu::glInfo();
    EXPECT_TRUE(info.major > 3 || (info.major == 3 && info.minor >= 3)) << info.version;
    EXPECT_TRUE(info.khrDebug);
}

TEST_F(GpuGlTest, ShaderCompileErrorNamesTheFileAndLine) {
    auto program = gpu::ShaderProgram::build(
            {kVertex, "#version 330 core\nout vec4 c;\nvoid main() { c = undefinedThing; }\n",
             "shaders/test.vert.glsl", "shaders/broken.frag.glsl"});
    ASSERT_FALSE(program.ok());
    EXPECT_NE(program.error().message.find("shaders/broken.frag.glsl"), std::string::npos);
    EXPECT_NE(program.error().message.find("undefinedThing"), std::string::npos)
            << program.error().message;
    expectGlErrorsConsumed(); // the driver may report the failed compile as a debug message
}

TEST_F(GpuGlTest, DrawsIntoAnOffscreenFramebufferAndReadsBack) {
    auto fb = gpu::Framebuffer::create({40, 30, 0, false, true, "test target"});
    ASSERT_TRUE(fb.ok()) << fb.error().message;
    auto program = gpu::ShaderProgram::build({kVertex, kFragment, "v", "f"});
    ASSERT_TRUE(program.ok()) << program.error().message;
    // A triangle covering the left half of the target (x < 0 in clip space).
    const std::array<float, 6> tri = {-1.0f, -1.0f, 0.0f, -1.0f, -1.0f, 3.0f};
    auto vbo = gpu::Buffer::fromSpan(GL_ARRAY_BUFFER, std::span<const float>(tri));
    auto vao = gpu::VertexArray::create();
    vao.setAttribute(vbo, {0, 2, GL_FLOAT, 2 * sizeof(float), 0, 0});
    fb->bind();
    glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    program->use();
    program->set("uColor", glm::vec4(1.0f, 0.5f, 0.0f, 1.0f));
    glDrawArrays(GL_TRIANGLES, 0, 3);
    const core::Image img = fb->readPixels();
    ASSERT_EQ(img.width, 40);
    ASSERT_EQ(img.height, 30);
    EXPECT_EQ(img.pixel(5, 15)[0], 255); // left: the triangle
    EXPECT_NEAR(img.pixel(5, 15)[1], 128, 1);
    EXPECT_EQ(img.pixel(35, 15)[2], 255); // right: the clear colour
    EXPECT_EQ(img.pixel(35, 15)[0], 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

TEST_F(GpuGlTest, ReadbackPutsTheTopRowFirst) {
    auto fb = gpu::Framebuffer::create({8, 8, 0, false, true, "orientation"});
    ASSERT_TRUE(fb.ok());
    fb->bind();
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, 6, 8, 2); // GL's y = 6..7 is the top of the image
    glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    const core::Image img = fb->readPixels();
    EXPECT_EQ(img.pixel(3, 0)[0], 255);
    EXPECT_EQ(img.pixel(3, 7)[0], 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

TEST_F(GpuGlTest, MultisampledTargetResolves) {
    auto msaa = gpu::Framebuffer::create({16, 16, 4, false, true, "msaa"});
    auto resolve = gpu::Framebuffer::create({16, 16, 0, false, true, "resolve"});
    ASSERT_TRUE(msaa.ok() && resolve.ok());
    msaa->bind();
    glClearColor(0.2f, 0.4f, 0.6f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    msaa->blitTo(&resolve.value());
    const core::Image img = resolve->readPixels();
    EXPECT_NEAR(img.pixel(8, 8)[1], 102, 1);
}

TEST_F(GpuGlTest, TextureUploadRoundTrips) {
    core::Image checker = core::makeCheckerImage(16, 2);
    gpu::Texture tex = gpu::Texture::fromImage(checker, {false, false, true, 1.0f, "t"});
    ASSERT_NE(tex.id(), 0u);
    auto fb = gpu::Framebuffer::create({16, 16, 0, false, true, "copy"});
    ASSERT_TRUE(fb.ok());
    GLuint readFbo = 0;
    glGenFramebuffers(1, &readFbo);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, readFbo);
    glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex.id(), 0);
    core::Image back = gpu::readCurrentFramebuffer(16, 16);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &readFbo);
    // readCurrentFramebuffer flips rows (GL origin at the bottom); flip back to compare.
    EXPECT_EQ(core::flippedVertically(back).rgba, checker.rgba);
}

TEST_F(GpuGlTest, GlErrorsAreCaughtByTheDebugCallback) {
    // Proves the mechanism every GL test relies on: an invalid call is counted.
    gpu::resetGlErrorCount();
    glBindBuffer(0x1234, 0); // not a buffer target: GL_INVALID_ENUM
    EXPECT_GE(gpu::glErrorCount(), 1u);
    expectGlErrorsConsumed();
}

TEST_F(GpuGlTest, AbsurdFramebufferSizeIsAnError) {
    auto fb = gpu::Framebuffer::create({0, 100, 0, false, true, "empty"});
    ASSERT_FALSE(fb.ok());
    EXPECT_NE(fb.error().message.find("out of range"), std::string::npos);
}
