// GL test fixture implementation.
#include "gl_fixture.h"

#include "kiln/gpu/debug_output.h"
#include "kiln/gpu/gl.h"

#include <cstdlib>
#include <string_view>

namespace kiln::test {

std::unique_ptr<platform::Window> GlTest::sWindow;
std::string GlTest::sFailure;

bool glRequired() {
    const char* env = std::getenv("KILN_REQUIRE_GL");
    return env != nullptr && std::string_view(env) == "1";
}

void GlTest::SetUpTestSuite() {
    sFailure.clear();
    platform::WindowDesc desc;
    desc.width = 64;
    desc.height = 64;
    desc.offscreen = true;
    desc.vsync = false;
    auto window = platform::Window::create(desc);
    if (!window) {
        sFailure = window.error().message;
        return;
    }
    if (auto loaded = gpu::loadGl(&platform::Window::getProcAddress); !loaded) {
        sFailure = loaded.error().message;
        return;
    }
    if (!gpu::enableDebugOutput()) {
        sFailure = "the GL context has no KHR_debug; GL errors could not be caught";
        return;
    }
    sWindow = std::move(window.value());
}

void GlTest::TearDownTestSuite() {
    sWindow.reset();
}

void GlTest::SetUp() {
    if (!sWindow) {
        if (glRequired()) {
            FAIL() << "no GL 3.3 context (KILN_REQUIRE_GL=1): " << sFailure;
        }
        GTEST_SKIP() << "no GL 3.3 context: " << sFailure;
    }
    gpu::checkGlErrors("before test");
    gpu::resetGlErrorCount();
}

void GlTest::TearDown() {
    if (!sWindow) {
        return;
    }
    gpu::checkGlErrors("end of test");
    EXPECT_EQ(gpu::glErrorCount(), 0u) << "GL errors were reported during the test (see log)";
}

void GlTest::expectGlErrorsConsumed() {
    while (glGetError() != GL_NO_ERROR) {
    }
    gpu::resetGlErrorCount();
}

} // namespace kiln::test
