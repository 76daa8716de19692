// Renderer features on llvmpipe, each checked by what it does to the pixels or the draw count:
// instancing, frustum culling, shadows, point-light falloff, emission with bloom, the section
// plane and its cap, transparent sorting, and rendering at a size unrelated to the window.
#include "gl_fixture.h"
#include "golden.h"
#include "kiln/assets/primitives.h"
#include "kiln/core/data_paths.h"
#include "kiln/render/renderer.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

using namespace kiln;
using RendererFeatureTest = test::GlTest;

namespace {

std::unique_ptr<render::Renderer> makeRenderer(int msaa = 0) {
    render::RendererDesc desc;
    desc.shaderDir = core::dataPath("shaders");
    desc.msaaSamples = msaa;
    auto r = render::Renderer::create(desc);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    EXPECT_FALSE(r.ok() && (*r)->usingFallbackShader());
    return r.ok() ? std::move(r.value()) : nullptr;
}

// A dark, unlit stage: no sun, no sky, black background, no bloom unless asked.
render::FrameParams darkFrame(const glm::vec3& eye, const glm::vec3& target) {
    render::FrameParams f;
    scene::OrbitCamera cam;
    cam.target = target;
    const glm::vec3 d = eye - target;
    cam.distanceM = glm::length(d);
    cam.yawDeg = glm::degrees(std::atan2(d.x, d.z));
    cam.pitchDeg = glm::degrees(std::asin(d.y / cam.distanceM));
    f.camera = render::CameraParams::fromOrbit(cam);
    f.sun.illuminance = 0.0f;
    f.sky.intensity = 0.0f;
    f.clearColor = glm::vec3(0.0f);
    f.bloomStrength = 0.0f;
    return f;
}

float luma(const core::Image& img, int x, int y) {
    const std::uint8_t* p = img.pixel(x, y);
    return 0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2];
}

core::Image renderToImage(render::Renderer& r, const render::FrameParams& f, int w, int h) {
    auto fb = gpu::Framebuffer::create({w, h, 0, false, false, "test output"});
    EXPECT_TRUE(fb.ok());
    r.render(f, fb.value());
    core::Image img = fb->readPixels();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return img;
}

// A grid of n x n boxes in the xz plane, one shared mesh.
assets::ModelData boxGrid(int n, float spacingM, const glm::vec4& color) {
    assets::ModelData model = assets::makeBoxModel({0, 0, 0}, glm::vec3(0.5f), color);
    model.instances.clear();
    for (int z = 0; z < n; ++z) {
        for (int x = 0; x < n; ++x) {
            model.instances.push_back(
                    {0,
                     glm::translate(glm::mat4(1.0f), {static_cast<float>(x) * spacingM, 0.25f,
                                                      static_cast<float>(z) * spacingM}),
                     "box",
                     {}});
        }
    }
    return model;
}

} // namespace

TEST_F(RendererFeatureTest, ThousandsOfInstancesCostOneDrawCall) {
    auto r = makeRenderer();
    ASSERT_TRUE(r);
    r->addModel(boxGrid(50, 1.0f, glm::vec4(0.7f))); // 2,500 instances of one mesh
    render::FrameParams f = darkFrame({25, 60, 90}, {25, 0, 25});
    f.sun.illuminance = 3.0f;
    renderToImage(*r, f, 160, 90);
    EXPECT_EQ(r->stats().drawCalls, 1);
    EXPECT_EQ(r->stats().instancesDrawn + r->stats().instancesCulled, 2500u);
    EXPECT_GT(r->stats().instancesDrawn, 1000u);
}

TEST_F(RendererFeatureTest, FrustumCullingSkipsInstancesOutOfView) {
    auto r = makeRenderer();
    ASSERT_TRUE(r);
    r->addModel(boxGrid(50, 1.0f, glm::vec4(0.7f)));
    // Close to one corner, looking along the edge: most boxes are behind or beside the camera.
    render::FrameParams f = darkFrame({-2, 2, -2}, {0, 0, 0});
    renderToImage(*r, f, 160, 90);
    EXPECT_GT(r->stats().instancesCulled, 2000u);
    EXPECT_GT(r->stats().instancesDrawn, 0u);
    EXPECT_EQ(r->stats().instancesDrawn + r->stats().instancesCulled, 2500u);
}

TEST_F(RendererFeatureTest, SunCastsAShadow) {
    auto r = makeRenderer();
    ASSERT_TRUE(r);
    assets::ModelData floor = assets::makeBoxModel({0, -0.05f, 0}, {10, 0.1f, 10}, glm::vec4(0.8f));
    assets::ModelData block = assets::makeBoxModel({0, 1.5f, 0}, {1, 1, 1}, glm::vec4(0.8f));
    r->addModel(floor);
    r->addModel(block);
    render::FrameParams f = darkFrame({0, 12, 0.01f}, {0, 0, 0}); // looking straight down
    f.sun.directionToSun = {0, 1, 0};
    f.sun.illuminance = 3.0f;
    f.sky.intensity = 0.05f;
    f.camera.fovYDeg = 60.0f;
    // Off-centre floor point: lit; centre is under the block, but the block hides it from above,
    // so look at the shadow's edge instead: the shadow is as wide as the block (sun overhead).
    const core::Image lit = renderToImage(*r, f, 200, 200);
    f.shadows = false;
    const core::Image unshadowed = renderToImage(*r, f, 200, 200);
    // Both images show the top of the block in the middle and the floor around it; the floor next
    // to the block is lit either way. Compare a floor point far from the block: equal.
    EXPECT_NEAR(luma(lit, 20, 20), luma(unshadowed, 20, 20), 2.0f);
    // Now from the side: the floor under the block is in shadow only with shadows on.
    f = darkFrame({0, 4, 9}, {0, 0, 0});
    f.sun.directionToSun = glm::normalize(glm::vec3(0, 1, -0.6f)); // shadow falls towards +z
    f.sun.illuminance = 3.0f;
    f.sky.intensity = 0.05f;
    const core::Image side = renderToImage(*r, f, 200, 200);
    f.shadows = false;
    const core::Image sideNoShadow = renderToImage(*r, f, 200, 200);
    // Find the darkest floor pixel in the lower half of the picture (in front of the block).
    float minWith = 1e9f;
    float minWithout = 1e9f;
    for (int y = 110; y < 190; ++y) {
        for (int x = 60; x < 140; ++x) {
            minWith = std::min(minWith, luma(side, x, y));
            minWithout = std::min(minWithout, luma(sideNoShadow, x, y));
        }
    }
    EXPECT_LT(minWith, minWithout * 0.5f)
            << "a shadow should darken the floor in front of the block";
}

TEST_F(RendererFeatureTest, PointLightFallsOffWithDistance) {
    auto r = makeRenderer();
    ASSERT_TRUE(r);
    r->addModel(assets::makeBoxModel({0, -0.05f, 0}, {20, 0.1f, 20}, glm::vec4(0.8f)));
    render::FrameParams f = darkFrame({0, 10, 0.01f}, {0, 0, 0});
    f.camera.fovYDeg = 90.0f;
    f.pointLights.push_back({{0, 0.5f, 0}, {1, 0.6f, 0.3f}, 2.0f, 30.0f});
    const core::Image img = renderToImage(*r, f, 201, 201);
    const float centre = luma(img, 100, 100);
    const float near = luma(img, 130, 100);
    const float far = luma(img, 190, 100);
    EXPECT_GT(centre, near);
    EXPECT_GT(near, far);
    EXPECT_GT(centre, 100.0f);
    // With no light the floor is black.
    f.pointLights.clear();
    EXPECT_LT(luma(renderToImage(*r, f, 201, 201), 100, 100), 2.0f);
}

TEST_F(RendererFeatureTest, HotInstanceGlowsAndBloomsBeyondItsEdge) {
    auto r = makeRenderer();
    ASSERT_TRUE(r);
    const render::ModelHandle m =
            r->addModel(assets::makeBoxModel({0, 0, 0}, glm::vec3(1.0f), glm::vec4(0.3f)));
    ASSERT_EQ(r->instanceCount(m), 1);
    render::FrameParams f = darkFrame({0, 0, 6}, {0, 0, 0});
    const core::Image cold = renderToImage(*r, f, 160, 160);
    EXPECT_LT(luma(cold, 80, 80), 2.0f) << "an unlit, cold box is black";
    r->setInstanceEmissive(m, 0, glm::vec3(40.0f, 18.0f, 6.0f)); // incandescent orange, HDR
    const core::Image hot = renderToImage(*r, f, 160, 160);
    EXPECT_GT(luma(hot, 80, 80), 200.0f);
    f.bloomStrength = 0.3f;
    const core::Image bloomed = renderToImage(*r, f, 160, 160);
    // Just outside the box's silhouette (the box spans about +-17 px at this distance).
    EXPECT_LT(luma(hot, 80, 110), 2.0f);
    EXPECT_GT(luma(bloomed, 80, 110), 10.0f) << "bloom should spill light past the edge";
}

TEST_F(RendererFeatureTest, BloomStopsWhenNothingIsAboveItsThresholdAndThePictureIsTheSame) {
    render::RendererDesc desc;
    desc.shaderDir = core::dataPath("shaders");
    desc.softwarePaths = 1; // the check runs on software rasterisers (as these tests' llvmpipe)
    auto created = render::Renderer::create(desc);
    ASSERT_TRUE(created.ok());
    render::Renderer& r = *created.value();
    const render::ModelHandle m =
            r.addModel(assets::makeBoxModel({0, 0, 0}, glm::vec3(1.0f), glm::vec4(0.3f)));
    render::FrameParams f = darkFrame({0, 0, 6}, {0, 0, 0});
    f.sun.illuminance = 1.0f; // lit, but nowhere near the threshold
    const core::Image plain = renderToImage(r, f, 160, 160);
    f.bloomStrength = 0.3f;
    const core::Image skipped = renderToImage(r, f, 160, 160);
    EXPECT_EQ(r.stats().bloomSkipped, 1);
    EXPECT_EQ(plain.rgba, skipped.rgba) << "a black bloom adds exactly nothing";
    r.setInstanceEmissive(m, 0, glm::vec3(40.0f, 18.0f, 6.0f));
    const core::Image bloomed = renderToImage(r, f, 160, 160);
    EXPECT_EQ(r.stats().bloomSkipped, 0);
    EXPECT_GT(luma(bloomed, 80, 110), 10.0f) << "a glowing frame still blooms";
}

TEST_F(RendererFeatureTest, SectionPlaneCutsAndCapsTheModel) {
    auto r = makeRenderer();
    ASSERT_TRUE(r);
    r->addModel(
            assets::makeBoxModel({0, 0, 0}, glm::vec3(2.0f), glm::vec4(0.2f, 0.6f, 0.2f, 1.0f)));
    render::FrameParams f = darkFrame({0, 0, 6}, {0, 0, 0});
    f.sky.intensity = 1.0f;
    const core::Image whole = renderToImage(*r, f, 160, 160);
    f.section.enabled = true;
    f.section.normal = {0, 0, 1}; // cut away the front half, facing the camera
    f.section.offsetM = 0.0f;
    f.section.capColor = {0.6f, 0.05f, 0.03f};
    const core::Image cut = renderToImage(*r, f, 160, 160);
    const std::uint8_t* w = whole.pixel(80, 80);
    const std::uint8_t* c = cut.pixel(80, 80);
    EXPECT_GT(w[1], w[0]) << "the intact box shows its green front face";
    EXPECT_GT(c[0], c[1] + 40) << "the cut shows the red cap (the inside seen through the cut)";
}

TEST_F(RendererFeatureTest, TransparentSurfacesAreSortedBackToFront) {
    auto r = makeRenderer();
    ASSERT_TRUE(r);
    // Added near first, far second: without sorting, the far one would be drawn last and on top.
    assets::ModelData near = assets::makeBoxModel({0, 0, 1}, {2, 2, 0.1f}, {1, 0, 0, 0.5f});
    assets::ModelData far = assets::makeBoxModel({0, 0, -1}, {2, 2, 0.1f}, {0, 0, 1, 0.5f});
    near.materials[0].alphaMode = assets::AlphaMode::Blend;
    far.materials[0].alphaMode = assets::AlphaMode::Blend;
    near.materials[0].emissiveFactor = {1, 0, 0};
    far.materials[0].emissiveFactor = {0, 0, 1};
    r->addModel(near);
    r->addModel(far);
    const core::Image img = renderToImage(*r, darkFrame({0, 0, 6}, {0, 0, 0}), 100, 100);
    const std::uint8_t* p = img.pixel(50, 50);
    EXPECT_GT(p[0], p[2] + 20) << "the near red pane must be composited over the far blue one";
    EXPECT_GT(p[2], 20) << "the far pane shows through";
}

TEST_F(RendererFeatureTest, RendersAtAnySizeIndependentOfTheWindow) {
    auto r = makeRenderer(4);
    ASSERT_TRUE(r);
    r->addModel(assets::makeBoxModel({0, 0, 0}, glm::vec3(1.0f), glm::vec4(0.8f)));
    render::FrameParams f = darkFrame({2, 2, 4}, {0, 0, 0});
    f.sun.illuminance = 3.0f;
    const core::Image wide = renderToImage(*r, f, 1000, 60); // the window is 64x64
    ASSERT_EQ(wide.width, 1000);
    EXPECT_GT(test::imageStats(wide).lumaStdDev, 5.0);
    EXPECT_GT(r->stats().targetBytes, 1000u * 60u * 8u);
}

TEST_F(RendererFeatureTest, HiddenInstancesAreNotDrawnAndTintRecolours) {
    auto r = makeRenderer();
    ASSERT_TRUE(r);
    const render::ModelHandle m = r->addModel(boxGrid(2, 1.5f, glm::vec4(0.8f)));
    render::FrameParams f = darkFrame({0.75f, 6, 0.76f}, {0.75f, 0, 0.75f});
    f.sky.intensity = 1.0f;
    renderToImage(*r, f, 120, 120);
    EXPECT_EQ(r->stats().instancesDrawn, 4u);
    r->setInstanceVisible(m, 0, false);
    renderToImage(*r, f, 120, 120);
    EXPECT_EQ(r->stats().instancesDrawn, 3u);
    EXPECT_EQ(r->stats().instancesCulled, 0u) << "hidden is not culled";
    r->setInstanceVisible(m, 0, true);
    r->setInstanceTint(m, 3, {0.0f, 0.0f, 1.0f, 1.0f});
    const core::Image img = renderToImage(*r, f, 120, 120);
    EXPECT_EQ(r->stats().instancesDrawn, 4u);
    // Count strongly blue pixels: only the tinted box (a quarter of the boxes) is blue.
    int blue = 0;
    int grey = 0;
    for (int y = 0; y < img.height; ++y) {
        for (int x = 0; x < img.width; ++x) {
            const std::uint8_t* p = img.pixel(x, y);
            blue += (p[2] > 60 && p[2] > p[0] * 3) ? 1 : 0;
            grey += (p[0] > 40 && p[2] < p[0] * 2) ? 1 : 0; // lit by the bluish sky, not tinted
        }
    }
    EXPECT_GT(blue, 100);
    EXPECT_GT(grey, blue * 2) << "the three untinted boxes keep their grey";
}
