// The sun's shadow map is cached: a still frame does not draw the shadow pass again, and every
// change of what casts shadows does (the sun, a moved, hidden or shown caster, a model added or
// removed, a switch of shadow casting), while changes to non-casters (smoke, flames) do not.
// RenderStats::shadowDrawCalls counts the shadow pass's draws of the last frame (0: cached).
#include "gl_fixture.h"
#include "kiln/assets/model_data.h"
#include "kiln/core/data_paths.h"
#include "kiln/render/renderer.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <memory>

using namespace kiln;
using ShadowCacheGlTest = test::GlTest;

namespace {

// A unit box standing on y = 0 (12 triangles).
assets::MeshData makeBox() {
    assets::MeshData mesh;
    mesh.name = "box";
    const glm::vec3 normals[6] = {{1, 0, 0},  {-1, 0, 0}, {0, 1, 0},
                                  {0, -1, 0}, {0, 0, 1},  {0, 0, -1}};
    for (const glm::vec3& n : normals) {
        const glm::vec3 u = std::abs(n.y) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
        const glm::vec3 v = glm::cross(n, u);
        const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
        for (const glm::vec2 c :
             {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)}) {
            assets::Vertex vert;
            vert.position = (n + u * c.x + v * c.y) * 0.5f + glm::vec3(0, 0.5f, 0);
            vert.normal = n;
            mesh.vertices.push_back(vert);
        }
        mesh.indices.insert(mesh.indices.end(),
                            {base, base + 1, base + 2, base, base + 2, base + 3});
    }
    mesh.boundsMin = {-0.5f, 0.0f, -0.5f};
    mesh.boundsMax = {0.5f, 1.0f, 0.5f};
    return mesh;
}

// A floor slab and `count` boxes on it.
assets::ModelData makeSetting(int count) {
    assets::ModelData model;
    model.sourcePath = "synthetic setting";
    model.materials.emplace_back();
    model.meshes.push_back(makeBox());
    model.instances.push_back({0, glm::scale(glm::mat4(1.0f), {20.0f, 0.1f, 20.0f}), "floor", {}});
    for (int i = 0; i < count; ++i) {
        model.instances.push_back(
                {0,
                 glm::translate(glm::mat4(1.0f), {static_cast<float>(i) * 2.0f - 4.0f, 0.1f, 0.0f}),
                 "box",
                 {}});
    }
    return model;
}

render::FrameParams view() {
    render::FrameParams f;
    const glm::vec3 eye(0.0f, 12.0f, 14.0f);
    f.camera.view = glm::lookAt(eye, glm::vec3(0.0f), glm::vec3(0, 1, 0));
    f.camera.positionM = eye;
    f.sun.directionToSun = glm::normalize(glm::vec3(-0.4f, 0.8f, 0.3f));
    f.bloomStrength = 0.0f;
    return f;
}

std::unique_ptr<render::Renderer> makeRenderer() {
    render::RendererDesc desc{core::dataPath("shaders")};
    desc.msaaSamples = 0;
    desc.maxAnisotropy = 1.0f;
    desc.shadowMapSize = 256;
    auto renderer = render::Renderer::create(desc);
    EXPECT_TRUE(renderer.ok());
    return renderer ? std::move(renderer.value()) : nullptr;
}

} // namespace

TEST_F(ShadowCacheGlTest, StillFramesReuseTheShadowMapAndChangesRedrawIt) {
    auto r = makeRenderer();
    ASSERT_TRUE(r);
    const render::ModelHandle setting = r->addModel(makeSetting(5));
    auto fb = gpu::Framebuffer::create({96, 64, 0, false, true, "shadow cache"});
    ASSERT_TRUE(fb.ok());
    render::FrameParams frame = view();
    const auto shadowDraws = [&] {
        r->render(frame, fb.value());
        return r->stats().shadowDrawCalls;
    };

    EXPECT_EQ(shadowDraws(), 1) << "the first frame renders the shadow map";
    const core::Image first = fb->readPixels();
    EXPECT_EQ(shadowDraws(), 0) << "a still frame reuses it";
    EXPECT_EQ(fb->readPixels().rgba, first.rgba) << "and looks the same";

    // The camera moves: the shadow frustum is fitted to the scene, not the camera.
    frame.camera.view = glm::translate(frame.camera.view, {1.0f, 0.0f, 0.0f});
    EXPECT_EQ(shadowDraws(), 0) << "a camera move keeps the cached map";
    frame.camera.view = view().camera.view;

    frame.sun.directionToSun = glm::normalize(glm::vec3(0.4f, 0.8f, 0.3f));
    EXPECT_EQ(shadowDraws(), 1) << "the sun moved";
    EXPECT_NE(fb->readPixels().rgba, first.rgba) << "the shadows moved with it";
    EXPECT_EQ(shadowDraws(), 0);
    frame.sun = view().sun;
    EXPECT_EQ(shadowDraws(), 1);
    EXPECT_EQ(fb->readPixels().rgba, first.rgba) << "the sun back: the first picture";

    r->setInstanceTransform(setting, 1, glm::translate(glm::mat4(1.0f), {-4.0f, 2.0f, 0.0f}));
    EXPECT_EQ(shadowDraws(), 1) << "a caster moved";
    EXPECT_EQ(shadowDraws(), 0);
    r->setInstanceVisible(setting, 2, false);
    EXPECT_EQ(shadowDraws(), 1) << "a caster hidden";
    r->setInstanceVisible(setting, 2, false);
    EXPECT_EQ(shadowDraws(), 0) << "hiding it again changes nothing";
    r->setInstanceVisible(setting, 2, true);
    EXPECT_EQ(shadowDraws(), 1) << "a caster shown";
    r->setInstanceEmissive(setting, 3, {3.0f, 1.0f, 0.2f});
    r->setInstanceTint(setting, 3, {1.0f, 0.0f, 0.0f, 0.5f});
    EXPECT_EQ(shadowDraws(), 0) << "glow and tint do not change shadows";

    // A model that casts no shadow (smoke) may move and blink without redrawing the map.
    const render::ModelHandle smoke = r->addModel(makeSetting(2));
    r->setModelCastsShadows(smoke, false);
    EXPECT_EQ(shadowDraws(), 1) << "a model added";
    r->setModelCastsShadows(smoke, false);
    r->setInstanceTransform(smoke, 1, glm::translate(glm::mat4(1.0f), {0.0f, 3.0f, 2.0f}));
    r->setInstanceVisible(smoke, 2, false);
    r->setModelVisible(smoke, false);
    EXPECT_EQ(shadowDraws(), 0) << "non-casters changed only";
    r->setModelVisible(setting, true);
    EXPECT_EQ(shadowDraws(), 0) << "a visible model made visible again changes nothing";
    r->setModelCastsShadows(smoke, true);
    r->setModelVisible(smoke, true);
    EXPECT_GE(shadowDraws(), 1) << "it casts now";
    r->removeModel(smoke);
    EXPECT_EQ(shadowDraws(), 1) << "a model removed";
    r->setModelVisible(setting, false);
    EXPECT_EQ(shadowDraws(), 0) << "nothing left to cast (the map is cleared, not drawn)";
    r->setModelVisible(setting, true);
    EXPECT_EQ(shadowDraws(), 1);

    // Shadows switched off and on again: the map is still valid.
    frame.shadows = false;
    EXPECT_EQ(shadowDraws(), 0);
    frame.shadows = true;
    EXPECT_EQ(shadowDraws(), 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}
