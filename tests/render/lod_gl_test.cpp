// Levels of detail in the renderer, on llvmpipe: a row of 200 saggar columns receding from the
// camera is drawn with one draw per mesh and level (not per instance), the distant columns with
// coarser levels than the near ones, fewer triangles in all, and a picture that differs from the
// full-detail one in at most a few pixels' edges; RendererDesc::lodPixelError = 0 turns levels off.
#include "gl_fixture.h"
#include "kiln/assets/model_data.h"
#include "kiln/core/data_paths.h"
#include "kiln/render/renderer.h"

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

using namespace kiln;
using LodGlTest = test::GlTest;

namespace {

constexpr int kColumns = 200;

// A column of 12 closed drums (20 segments, 0.3 m across, 0.22 m high with 6 mm gaps), along +y.
assets::MeshData saggarColumn() {
    assets::MeshData mesh;
    mesh.name = "saggar_column";
    const auto vertex = [&](const glm::vec3& p, const glm::vec3& n) {
        assets::Vertex v;
        v.position = p;
        v.normal = n;
        mesh.vertices.push_back(v);
    };
    constexpr std::uint32_t seg = 20;
    for (int k = 0; k < 12; ++k) {
        const float y0 = 0.22f * static_cast<float>(k), y1 = y0 + 0.214f;
        const auto ring = [&](float y, const glm::vec3* capNormal) {
            const auto first = static_cast<std::uint32_t>(mesh.vertices.size());
            for (std::uint32_t i = 0; i < seg; ++i) {
                const float a = glm::two_pi<float>() * static_cast<float>(i) / seg;
                const glm::vec3 radial(std::cos(a), 0.0f, -std::sin(a));
                vertex(glm::vec3(0, y, 0) + radial * 0.15f, capNormal ? *capNormal : radial);
            }
            return first;
        };
        const std::uint32_t b = ring(y0, nullptr), t = ring(y1, nullptr);
        for (std::uint32_t i = 0; i < seg; ++i) {
            const std::uint32_t j = (i + 1) % seg;
            mesh.indices.insert(mesh.indices.end(), {b + i, b + j, t + j, b + i, t + j, t + i});
        }
        for (const bool up : {false, true}) {
            const glm::vec3 n(0.0f, up ? 1.0f : -1.0f, 0.0f);
            const float y = up ? y1 : y0;
            const std::uint32_t rim = ring(y, &n);
            const auto centre = static_cast<std::uint32_t>(mesh.vertices.size());
            vertex({0, y, 0}, n);
            for (std::uint32_t i = 0; i < seg; ++i) {
                const std::uint32_t j = (i + 1) % seg;
                mesh.indices.insert(mesh.indices.end(),
                                    {centre, rim + (up ? i : j), rim + (up ? j : i)});
            }
        }
    }
    mesh.boundsMin = {-0.15f, 0.0f, -0.15f};
    mesh.boundsMax = {0.15f, 12 * 0.22f, 0.15f};
    return mesh;
}

// Two rows of columns along -z from the camera, 0.5 m apart.
assets::ModelData makeRows() {
    assets::ModelData model;
    model.sourcePath = "synthetic saggar rows";
    assets::MaterialData clay;
    clay.baseColorFactor = {0.6f, 0.45f, 0.35f, 1.0f};
    model.materials.push_back(clay);
    model.meshes.push_back(saggarColumn());
    for (int i = 0; i < kColumns; ++i) {
        const float x = i % 2 == 0 ? -0.4f : 0.4f;
        const float z = -2.0f - 0.5f * static_cast<float>(i / 2);
        model.instances.push_back({0, glm::translate(glm::mat4(1.0f), {x, 0.0f, z}), "", {}});
    }
    return model;
}

render::FrameParams view() {
    render::FrameParams f;
    const glm::vec3 eye(0.0f, 2.5f, 2.0f);
    f.camera.view = glm::lookAt(eye, glm::vec3(0.0f, 1.0f, -20.0f), glm::vec3(0, 1, 0));
    f.camera.positionM = eye;
    f.camera.fovYDeg = 50.0f;
    f.sun.directionToSun = glm::normalize(glm::vec3(-0.5f, 0.8f, 0.3f));
    f.bloomStrength = 0.0f;
    return f;
}

std::unique_ptr<render::Renderer> makeRenderer(float lodPixelError, bool background = false) {
    render::RendererDesc desc{core::dataPath("shaders")};
    desc.msaaSamples = 0;
    desc.maxAnisotropy = 1.0f;
    desc.shadowMapSize = 512;
    desc.lodPixelError = lodPixelError;
    desc.lodInBackground = background;
    auto renderer = render::Renderer::create(desc);
    EXPECT_TRUE(renderer.ok());
    return renderer ? std::move(renderer.value()) : nullptr;
}

} // namespace

TEST_F(LodGlTest, OneDrawPerMeshAndLevelFewerTrianglesSamePicture) {
    // The override for whole-program A/B runs must not leak into this test.
    unsetenv("KILN_RENDER_LOD_PIXEL_ERROR");
    auto full = makeRenderer(0.0f);
    auto lod = makeRenderer(1.0f);
    ASSERT_TRUE(full && lod);
    full->addModel(makeRows());
    lod->addModel(makeRows());
    auto fb = gpu::Framebuffer::create({320, 180, 0, false, true, "lod"});
    ASSERT_TRUE(fb.ok());

    full->render(view(), fb.value());
    const core::Image fullImage = fb->readPixels();
    const render::RenderStats fullStats = full->stats();
    EXPECT_EQ(fullStats.drawCalls, 1) << "one mesh, one material: one draw";
    EXPECT_EQ(fullStats.lodInstances, 0u);
    EXPECT_EQ(fullStats.instancesDrawn, static_cast<std::size_t>(kColumns));

    lod->render(view(), fb.value());
    const core::Image lodImage = fb->readPixels();
    const render::RenderStats& st = lod->stats();
    EXPECT_EQ(st.instancesDrawn, static_cast<std::size_t>(kColumns));
    // At 320x180 a pixel at the nearest column (2.5 m) is 1.3 cm, more than the finest level's
    // error (7 mm: a 20-sided drum made 10-sided): every column is simplified, the far ones more.
    EXPECT_EQ(st.lodInstances, static_cast<std::size_t>(kColumns));
    EXPECT_EQ(st.drawCalls, 2) << "one draw per mesh and level, not per instance";
    EXPECT_EQ(st.prepassDrawCalls, 0) << "repeated meshes are not in the depth pre-pass";
    EXPECT_LT(static_cast<double>(st.triangles), 0.75 * static_cast<double>(fullStats.triangles));

    // The same picture but for a few edge pixels.
    ASSERT_EQ(lodImage.rgba.size(), fullImage.rgba.size());
    std::size_t differing = 0;
    for (std::size_t p = 0; p + 3 < lodImage.rgba.size(); p += 4) {
        int d = 0;
        for (std::size_t c = 0; c < 3; ++c) {
            d = std::max(d, std::abs(int(lodImage.rgba[p + c]) - int(fullImage.rgba[p + c])));
        }
        differing += d > 16 ? 1 : 0;
    }
    EXPECT_LT(static_cast<double>(differing), 0.01 * 320 * 180);

    // At 1280x720 the pixel is 3 mm there: the nearest columns keep their full detail.
    {
        auto big = gpu::Framebuffer::create({1280, 720, 0, false, true, "lod 720p"});
        ASSERT_TRUE(big.ok());
        lod->render(view(), big.value());
        EXPECT_GT(lod->stats().lodInstances, static_cast<std::size_t>(kColumns) / 2)
                << "most columns are far enough for a simplified level";
        EXPECT_LT(lod->stats().lodInstances, static_cast<std::size_t>(kColumns))
                << "the nearest are not";
        EXPECT_EQ(lod->stats().drawCalls, 3) << "full detail and two levels";
    }

    // A still frame keeps the same levels and picture; from far away every column is simple.
    lod->render(view(), fb.value());
    EXPECT_EQ(fb->readPixels().rgba, lodImage.rgba);
    render::FrameParams far = view();
    far.camera.positionM = {0.0f, 30.0f, 120.0f};
    far.camera.view =
            glm::lookAt(far.camera.positionM, glm::vec3(0.0f, 1.0f, -25.0f), glm::vec3(0, 1, 0));
    lod->render(far, fb.value());
    EXPECT_EQ(lod->stats().lodInstances, lod->stats().instancesDrawn);
    EXPECT_EQ(lod->stats().drawCalls, 1);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

TEST_F(LodGlTest, BuiltInTheBackgroundTheSameLevelsOnceFinished) {
    unsetenv("KILN_RENDER_LOD_PIXEL_ERROR");
    unsetenv("KILN_RENDER_LOD_BACKGROUND");
    auto now = makeRenderer(1.0f, false);
    auto later = makeRenderer(1.0f, true);
    ASSERT_TRUE(now && later);
    now->addModel(makeRows());
    later->addModel(makeRows());
    EXPECT_FALSE(now->levelsOfDetailPending());
    auto fb = gpu::Framebuffer::create({320, 180, 0, false, true, "lod"});
    ASSERT_TRUE(fb.ok());
    // Before they are finished, frames are whole: every instance drawn, at whichever detail.
    later->render(view(), fb.value());
    EXPECT_EQ(later->stats().instancesDrawn, static_cast<std::size_t>(kColumns));

    later->finishLevelsOfDetail();
    EXPECT_FALSE(later->levelsOfDetailPending());
    now->render(view(), fb.value());
    const core::Image nowImage = fb->readPixels();
    later->render(view(), fb.value());
    EXPECT_EQ(later->stats().lodInstances, now->stats().lodInstances);
    EXPECT_EQ(later->stats().triangles, now->stats().triangles);
    EXPECT_EQ(later->stats().drawCalls, now->stats().drawCalls);
    EXPECT_EQ(later->stats().bufferBytes, now->stats().bufferBytes);
    EXPECT_EQ(fb->readPixels().rgba, nowImage.rgba) << "the same levels, the same picture";
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

TEST_F(LodGlTest, MeshesOfEqualContentGetTheSameLevels) {
    unsetenv("KILN_RENDER_LOD_PIXEL_ERROR");
    unsetenv("KILN_RENDER_LOD_BACKGROUND");
    // The same column under two names (a part repeated in a file): both get levels, equal ones.
    assets::ModelData model = makeRows();
    model.meshes.push_back(model.meshes[0]);
    model.meshes[1].name = "saggar_column_copy";
    for (std::size_t i = 0; i < model.instances.size(); i += 2) {
        model.instances[i].meshIndex = 1;
    }
    auto renderer = makeRenderer(1.0f, false);
    auto single = makeRenderer(1.0f, false);
    ASSERT_TRUE(renderer && single);
    renderer->addModel(model);
    single->addModel(makeRows());
    auto fb = gpu::Framebuffer::create({320, 180, 0, false, true, "lod"});
    ASSERT_TRUE(fb.ok());
    renderer->render(view(), fb.value());
    single->render(view(), fb.value());
    EXPECT_EQ(renderer->stats().lodInstances, static_cast<std::size_t>(kColumns));
    EXPECT_EQ(renderer->stats().triangles, single->stats().triangles)
            << "the copy's instances are drawn with the same levels as the original's";
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

TEST_F(LodGlTest, LevelsOfARemovedModelNeverReachTheModelInItsSlot) {
    unsetenv("KILN_RENDER_LOD_PIXEL_ERROR");
    unsetenv("KILN_RENDER_LOD_BACKGROUND");
    auto renderer = makeRenderer(1.0f, true);
    ASSERT_TRUE(renderer);
    const render::ModelHandle first = renderer->addModel(makeRows());
    renderer->removeModel(first);
    // The next model takes the same handle; its one column has one instance: no levels. (Two
    // guards: removeModel cancels the queued meshes, and levels finished after that carry the
    // removed model's serial.)
    assets::ModelData lone = makeRows();
    lone.instances.resize(1);
    lone.instances[0].transform = glm::translate(glm::mat4(1.0f), {0.0f, 0.0f, -60.0f});
    const render::ModelHandle second = renderer->addModel(lone);
    EXPECT_EQ(second, first);
    renderer->finishLevelsOfDetail();
    auto fb = gpu::Framebuffer::create({320, 180, 0, false, true, "lod"});
    ASSERT_TRUE(fb.ok());
    renderer->render(view(), fb.value());
    EXPECT_EQ(renderer->stats().instancesDrawn, 1u);
    EXPECT_EQ(renderer->stats().lodInstances, 0u) << "the removed model's levels were dropped";
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}
