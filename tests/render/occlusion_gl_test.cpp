// Occlusion culling on llvmpipe: instances of a repeated mesh shut inside a closed building (a
// single-instance mesh, so in the depth pre-pass) are not drawn, those outside it are, and the
// picture is the same as with culling off (RendererDesc::occlusionCulling = 0).
#include "gl_fixture.h"
#include "kiln/assets/model_data.h"
#include "kiln/assets/primitives.h"
#include "kiln/core/data_paths.h"
#include "kiln/render/renderer.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>

using namespace kiln;
using OcclusionGlTest = test::GlTest;

namespace {

constexpr int kInside = 48; // a 8 x 6 grid of small boxes inside the closed one
constexpr int kOutside = 6; // in a row in front of it, between it and the camera

// A closed 6 x 3 x 4 m box at the origin (one instance) with kInside small boxes (one mesh,
// several instances) inside it and kOutside in front of it.
assets::ModelData makeScene() {
    assets::ModelData model =
            assets::makeBoxModel({0.0f, 1.5f, 0.0f}, {6.0f, 3.0f, 4.0f}, {0.7f, 0.5f, 0.4f, 1.0f});
    assets::ModelData small = assets::makeBoxModel({0.0f, 0.2f, 0.0f}, glm::vec3(0.3f, 0.4f, 0.3f),
                                                   {0.3f, 0.4f, 0.8f, 1.0f});
    model.materials.push_back(small.materials[0]);
    small.meshes[0].materialIndex = 1;
    model.meshes.push_back(small.meshes[0]);
    for (int i = 0; i < kInside; ++i) {
        const float x = -2.45f + 0.7f * static_cast<float>(i % 8);
        const float z = -1.5f + 0.6f * static_cast<float>(i / 8);
        model.instances.push_back({1, glm::translate(glm::mat4(1.0f), {x, 0.5f, z}), "in", {}});
    }
    for (int i = 0; i < kOutside; ++i) {
        const float x = -2.0f + 0.8f * static_cast<float>(i);
        model.instances.push_back({1, glm::translate(glm::mat4(1.0f), {x, 0.0f, 3.0f}), "out", {}});
    }
    model.boundsMin = {-3.0f, 0.0f, -2.0f};
    model.boundsMax = {3.0f, 3.0f, 3.5f};
    return model;
}

render::FrameParams view(const glm::vec3& eye) {
    render::FrameParams f;
    f.camera.view = glm::lookAt(eye, glm::vec3(0.0f, 1.0f, 0.0f), glm::vec3(0, 1, 0));
    f.camera.positionM = eye;
    f.camera.fovYDeg = 50.0f;
    f.sun.directionToSun = glm::normalize(glm::vec3(-0.5f, 0.8f, 0.3f));
    return f;
}

std::unique_ptr<render::Renderer> makeRenderer(int occlusionCulling) {
    render::RendererDesc desc{core::dataPath("shaders")};
    desc.msaaSamples = 0;
    desc.maxAnisotropy = 1.0f;
    desc.shadowMapSize = 512;
    desc.occlusionCulling = occlusionCulling;
    auto renderer = render::Renderer::create(desc);
    EXPECT_TRUE(renderer.ok());
    return renderer ? std::move(renderer.value()) : nullptr;
}

} // namespace

TEST_F(OcclusionGlTest, HiddenInstancesAreNotDrawnAndThePictureIsTheSame) {
    unsetenv("KILN_RENDER_OCCLUSION");
    unsetenv("KILN_RENDER_PREPASS_SCOPE");
    auto culling = makeRenderer(1);
    auto plain = makeRenderer(0);
    ASSERT_TRUE(culling && plain);
    culling->addModel(makeScene());
    plain->addModel(makeScene());
    auto fb = gpu::Framebuffer::create({320, 180, 0, false, true, "occlusion"});
    ASSERT_TRUE(fb.ok());

    // From outside, in front: the small boxes inside are hidden by the walls.
    const render::FrameParams outside = view({0.0f, 2.0f, 9.0f});
    plain->render(outside, fb.value());
    const core::Image plainImage = fb->readPixels();
    EXPECT_EQ(plain->stats().instancesOccluded, 0u);
    EXPECT_EQ(plain->stats().instancesDrawn, static_cast<std::size_t>(1 + kInside + kOutside));
    culling->render(outside, fb.value());
    EXPECT_EQ(culling->stats().instancesOccluded, static_cast<std::size_t>(kInside));
    EXPECT_EQ(culling->stats().instancesDrawn, static_cast<std::size_t>(1 + kOutside))
            << "the building and the boxes in front of it";
    EXPECT_EQ(fb->readPixels().rgba, plainImage.rgba) << "only what cannot show was left out";

    // From inside the building nothing of the grid is hidden by its walls.
    const render::FrameParams inside = view({2.5f, 2.5f, 1.5f});
    plain->render(inside, fb.value());
    const core::Image plainInside = fb->readPixels();
    culling->render(inside, fb.value());
    EXPECT_EQ(fb->readPixels().rgba, plainInside.rgba);
    EXPECT_LT(culling->stats().instancesOccluded, static_cast<std::size_t>(kInside / 2));
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}
