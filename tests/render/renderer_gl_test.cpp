// The renderer on llvmpipe: the placeholder draws lit and textured; broken shaders and textures
// fall back to the visible error shader and the checker texture.
#include "kiln/render/renderer.h"

#include "gl_fixture.h"
#include "golden.h"
#include "kiln/assets/image_io.h"
#include "kiln/assets/model_importer.h"
#include "kiln/assets/primitives.h"
#include "kiln/core/data_paths.h"
#include "kiln/core/log.h"
#include "kiln/scene/scene_description.h"
#include "test_paths.h"

#include <gtest/gtest.h>

using namespace kiln;
using RendererGlTest = test::GlTest;

namespace {

// Share of pixels that are the error magenta (r, b high; g low).
double magentaShare(const core::Image& img) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < img.rgba.size(); i += 4) {
        const int r = img.rgba[i];
        const int g = img.rgba[i + 1];
        const int b = img.rgba[i + 2];
        if (r > 150 && b > 150 && g < 60 && std::abs(r - b) < 30) {
            ++n;
        }
    }
    return static_cast<double>(n) / (static_cast<double>(img.rgba.size()) / 4.0);
}

render::FrameParams frameFor(const scene::SceneDescription& s) {
    render::FrameParams f;
    f.camera = render::CameraParams::fromOrbit(s.camera);
    f.sun = s.sun;
    f.sky = s.sky;
    f.clearColor = glm::pow(s.clearColor, glm::vec3(2.2f)); // as the app: sRGB file value to linear
    return f;
}

} // namespace

TEST_F(RendererGlTest, PlaceholderRendersLitAndTextured) {
    auto s = scene::loadSceneById("placeholder", core::dataRoot());
    ASSERT_TRUE(s.ok()) << s.error().message;
    auto model = assets::importModel(s->modelPath);
    ASSERT_TRUE(model.ok()) << model.error().message;
    auto renderer = render::Renderer::create({core::dataPath("shaders")});
    ASSERT_TRUE(renderer.ok()) << renderer.error().message;
    EXPECT_FALSE((*renderer)->usingFallbackShader());
    (*renderer)->addModel(model.value());
    auto fb = gpu::Framebuffer::create({160, 120, 0, false, true, "placeholder"});
    ASSERT_TRUE(fb.ok());
    (*renderer)->render(frameFor(s.value()), fb.value());
    const core::Image img = fb->readPixels();
    (void)assets::writePng(test::outputDir("render") / "placeholder.png", img);
    const test::ImageStats stats = test::imageStats(img);
    EXPECT_GT(stats.lumaStdDev, 20.0) << "the frame is flat: nothing lit was drawn";
    EXPECT_GT(stats.distinctColors, 40);
    EXPECT_EQ(magentaShare(img), 0.0) << "no fallback shader or checker texture expected";
    EXPECT_EQ((*renderer)->stats().drawCalls, 3);
    // The white porcelain at the centre is much brighter than the dark background in the top
    // corner (the brightest pixel of the central region, which the vase fills).
    int brightest = 0;
    for (int y = 45; y < 75; ++y) {
        for (int x = 70; x < 90; ++x) {
            const std::uint8_t* p = img.pixel(x, y);
            brightest = std::max(brightest, p[0] + p[1] + p[2]);
        }
    }
    const std::uint8_t* corner = img.pixel(2, 2);
    EXPECT_GT(brightest, corner[0] + corner[1] + corner[2] + 300);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

TEST_F(RendererGlTest, MissingShaderFilesFallBackToTheErrorShader) {
    std::vector<std::string> errors;
    auto old = core::setLogSink([&](core::LogLevel level, std::string_view, std::string_view text) {
        if (level == core::LogLevel::Error) {
            errors.emplace_back(text);
        }
    });
    auto renderer = render::Renderer::create({"/no/such/shaders"});
    core::setLogSink(old);
    ASSERT_TRUE(renderer.ok()) << renderer.error().message;
    EXPECT_TRUE((*renderer)->usingFallbackShader());
    ASSERT_FALSE(errors.empty());
    EXPECT_NE(errors[0].find("/no/such/shaders/lit.vert.glsl"), std::string::npos) << errors[0];
    (*renderer)->addModel(assets::makeBoxModel({0, 0, 0}, glm::vec3(1.0f), glm::vec4(0.5f)));
    auto fb = gpu::Framebuffer::create({64, 64, 0, false, true, "fallback"});
    ASSERT_TRUE(fb.ok());
    render::FrameParams frame;
    scene::OrbitCamera cam;
    cam.distanceM = 3.0f;
    frame.camera = render::CameraParams::fromOrbit(cam);
    (*renderer)->render(frame, fb.value());
    EXPECT_GT(magentaShare(fb->readPixels()), 0.05) << "the error shader should show magenta";
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

TEST_F(RendererGlTest, MissingTextureShowsTheCheckerAndIsLogged) {
    auto model = assets::importModel(test::testDataPath("models/missing_texture.obj"));
    ASSERT_TRUE(model.ok()) << model.error().message;
    std::vector<std::string> warnings;
    auto old = core::setLogSink([&](core::LogLevel level, std::string_view, std::string_view text) {
        if (level == core::LogLevel::Warning) {
            warnings.emplace_back(text);
        }
    });
    auto renderer = render::Renderer::create({core::dataPath("shaders")});
    ASSERT_TRUE(renderer.ok());
    (*renderer)->addModel(model.value());
    core::setLogSink(old);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("does_not_exist.png"), std::string::npos) << warnings[0];
    EXPECT_NE(warnings[0].find("checker"), std::string::npos) << warnings[0];
    // Look straight at the triangle (in the z = 0 plane, x and y in [0, 1]) from +z.
    render::FrameParams frame;
    scene::OrbitCamera cam;
    cam.target = {0.3f, 0.3f, 0.0f};
    cam.yawDeg = 0.0f;
    cam.pitchDeg = 0.0f;
    cam.distanceM = 1.2f;
    frame.camera = render::CameraParams::fromOrbit(cam);
    frame.sky.intensity = 3.0f;
    auto fb = gpu::Framebuffer::create({64, 64, 0, false, true, "checker"});
    ASSERT_TRUE(fb.ok());
    (*renderer)->render(frame, fb.value());
    EXPECT_GT(magentaShare(fb->readPixels()), 0.02) << "the checker's magenta cells should show";
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}
