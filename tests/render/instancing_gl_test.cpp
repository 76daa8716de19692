// Instanced drawing on llvmpipe: a field of 5,000 instances of 200 meshes is one draw per mesh
// and material (not per instance), and the per-frame instance uploads the renderer skips when
// nothing changed still pick up every change (emissive, visibility, transforms, the camera).
#include "gl_fixture.h"
#include "kiln/assets/model_data.h"
#include "kiln/core/data_paths.h"
#include "kiln/render/renderer.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <memory>
#include <string>

using namespace kiln;
using InstancingGlTest = test::GlTest;

namespace {

constexpr int kMeshes = 200;
constexpr int kColumns = 100; // x 50 rows

// A small box mesh (12 triangles), a little different per variant.
assets::MeshData makeBox(int variant) {
    assets::MeshData mesh;
    mesh.name = "box_" + std::to_string(variant);
    const glm::vec3 half(0.15f + 0.0005f * static_cast<float>(variant), 0.2f, 0.15f);
    const glm::vec3 normals[6] = {{1, 0, 0},  {-1, 0, 0}, {0, 1, 0},
                                  {0, -1, 0}, {0, 0, 1},  {0, 0, -1}};
    for (const glm::vec3& n : normals) {
        const glm::vec3 u = std::abs(n.y) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
        const glm::vec3 v = glm::cross(n, u);
        const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
        for (const glm::vec2 c :
             {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)}) {
            assets::Vertex vert;
            vert.position = (n + u * c.x + v * c.y) * half + glm::vec3(0, half.y, 0);
            vert.normal = n;
            mesh.vertices.push_back(vert);
        }
        mesh.indices.insert(mesh.indices.end(),
                            {base, base + 1, base + 2, base, base + 2, base + 3});
    }
    mesh.materialIndex = variant % 20;
    mesh.boundsMin = {-half.x, 0.0f, -half.z};
    mesh.boundsMax = {half.x, 2.0f * half.y, half.z};
    return mesh;
}

assets::ModelData makeField() {
    assets::ModelData model;
    model.sourcePath = "synthetic field";
    for (int m = 0; m < 20; ++m) {
        assets::MaterialData mat;
        mat.baseColorFactor = {0.3f + 0.03f * static_cast<float>(m), 0.5f, 0.7f, 1.0f};
        model.materials.push_back(mat);
    }
    for (int i = 0; i < kMeshes; ++i) {
        model.meshes.push_back(makeBox(i));
    }
    for (int i = 0; i < 5000; ++i) {
        const float x = static_cast<float>(i % kColumns) * 0.6f;
        const float z = -static_cast<float>(i / kColumns) * 0.6f;
        model.instances.push_back(
                {i % kMeshes, glm::translate(glm::mat4(1.0f), {x, 0.0f, z}), "", {}});
    }
    return model;
}

render::FrameParams overview() {
    render::FrameParams f;
    const glm::vec3 target(30.0f, 0.0f, -15.0f);
    const glm::vec3 eye = target + glm::vec3(0.0f, 45.0f, 30.0f);
    f.camera.view = glm::lookAt(eye, target, glm::vec3(0, 1, 0));
    f.camera.positionM = eye;
    f.camera.fovYDeg = 60.0f;
    f.camera.farM = 300.0f;
    f.sun.directionToSun = glm::normalize(glm::vec3(-0.5f, 0.8f, 0.3f));
    f.bloomStrength = 0.0f;
    return f;
}

std::unique_ptr<render::Renderer> makeRenderer() {
    render::RendererDesc desc{core::dataPath("shaders")};
    desc.msaaSamples = 0;
    desc.maxAnisotropy = 1.0f;
    desc.shadowMapSize = 512;
    auto renderer = render::Renderer::create(desc);
    EXPECT_TRUE(renderer.ok());
    return renderer ? std::move(renderer.value()) : nullptr;
}

} // namespace

TEST_F(InstancingGlTest, OneDrawPerMeshAndMaterialNotPerInstance) {
    auto renderer = makeRenderer();
    ASSERT_TRUE(renderer);
    renderer->addModel(makeField());
    auto fb = gpu::Framebuffer::create({160, 90, 0, false, true, "field"});
    ASSERT_TRUE(fb.ok());
    renderer->render(overview(), fb.value());
    const render::RenderStats& st = renderer->stats();
    EXPECT_EQ(st.instancesDrawn + st.instancesCulled, 5000u);
    EXPECT_GT(st.instancesDrawn, 4500u) << "the overview sees nearly the whole field";
    EXPECT_EQ(st.drawCalls, kMeshes);
    EXPECT_LE(st.prepassDrawCalls, kMeshes);
    EXPECT_LE(st.shadowDrawCalls, kMeshes);
    EXPECT_EQ(st.triangles, st.instancesDrawn * 12u);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

TEST_F(InstancingGlTest, UnchangedFramesMatchAndEveryChangeShows) {
    auto renderer = makeRenderer();
    ASSERT_TRUE(renderer);
    const render::ModelHandle field = renderer->addModel(makeField());
    auto fb = gpu::Framebuffer::create({160, 90, 0, false, true, "field"});
    ASSERT_TRUE(fb.ok());
    render::FrameParams frame = overview();
    renderer->render(frame, fb.value());
    const core::Image first = fb->readPixels();
    renderer->render(frame, fb.value());
    EXPECT_EQ(fb->readPixels().rgba, first.rgba) << "a repeated frame is the same picture";

    // Glowing ware: a change of one instance's emissive shows on the next frame.
    for (int i = 0; i < 5000; i += 7) {
        renderer->setInstanceEmissive(field, i, {4.0f, 1.0f, 0.2f});
    }
    renderer->render(frame, fb.value());
    const core::Image glowing = fb->readPixels();
    EXPECT_NE(glowing.rgba, first.rgba);

    // Hiding a third of the instances (some of every mesh) removes them; draws stay per mesh.
    for (int i = 0; i < 5000; i += 3) {
        renderer->setInstanceVisible(field, i, false);
    }
    renderer->render(frame, fb.value());
    EXPECT_EQ(renderer->stats().instancesDrawn + renderer->stats().instancesCulled, 3333u);
    EXPECT_EQ(renderer->stats().drawCalls, kMeshes);
    const core::Image halved = fb->readPixels();
    EXPECT_NE(halved.rgba, glowing.rgba);

    // Showing them again and clearing the glow restores the first picture exactly.
    for (int i = 0; i < 5000; ++i) {
        renderer->setInstanceVisible(field, i, true);
        renderer->setInstanceEmissive(field, i, glm::vec3(0.0f));
    }
    renderer->render(frame, fb.value());
    EXPECT_EQ(fb->readPixels().rgba, first.rgba);

    // A moved instance moves; a moved camera changes the picture.
    renderer->setInstanceTransform(field, 0, glm::translate(glm::mat4(1.0f), {5.0f, 3.0f, -2.0f}));
    renderer->render(frame, fb.value());
    const core::Image moved = fb->readPixels();
    EXPECT_NE(moved.rgba, first.rgba);
    frame.camera.view = glm::translate(frame.camera.view, {1.0f, 0.0f, 0.0f});
    renderer->render(frame, fb.value());
    EXPECT_NE(fb->readPixels().rgba, moved.rgba);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}
