// Model lifetime on llvmpipe: removeModel gives back every GL object, texture and buffer byte a
// model took, so a kiosk swapping scenes for weeks does not grow; shared textures survive until
// their last user goes. Also the process memory reading the soak test relies on.
#include "gl_fixture.h"
#include "kiln/assets/model_importer.h"
#include "kiln/assets/primitives.h"
#include "kiln/core/data_paths.h"
#include "kiln/core/process_stats.h"
#include "kiln/gpu/object_counts.h"
#include "kiln/render/renderer.h"
#include "kiln/scene/scene_description.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <optional>
#include <vector>

using namespace kiln;
using ModelLifetimeGlTest = test::GlTest;

namespace {

struct Snapshot {
    gpu::LiveObjectCounts objects;
    std::size_t textureBytes = 0;
    std::size_t bufferBytes = 0;
};

Snapshot snapshot(const render::Renderer& renderer) {
    return {gpu::liveObjectCounts(), renderer.stats().textureBytes, renderer.stats().bufferBytes};
}

struct Placeholder {
    scene::SceneDescription scene;
    assets::ModelData model;
};

std::optional<Placeholder> loadPlaceholder() {
    auto s = scene::loadSceneById("placeholder", core::dataRoot());
    if (!s) {
        ADD_FAILURE() << s.error().message;
        return std::nullopt;
    }
    auto model = assets::importModel(s->modelPath);
    if (!model) {
        ADD_FAILURE() << model.error().message;
        return std::nullopt;
    }
    return Placeholder{s.value(), std::move(model.value())};
}

render::FrameParams frameFor(const scene::SceneDescription& s) {
    render::FrameParams f;
    f.camera = render::CameraParams::fromOrbit(s.camera);
    f.sun = s.sun;
    f.sky = s.sky;
    return f;
}

std::unique_ptr<render::Renderer> makeRenderer() {
    render::RendererDesc desc{core::dataPath("shaders")};
    desc.msaaSamples = 0;
    desc.maxAnisotropy = 1.0f;
    desc.shadowMapSize = 256;
    auto renderer = render::Renderer::create(desc);
    if (!renderer) {
        ADD_FAILURE() << renderer.error().message;
        return nullptr;
    }
    return std::move(renderer.value());
}

void expectSame(const Snapshot& before, const Snapshot& after, const char* when) {
    EXPECT_EQ(after.objects.buffers, before.objects.buffers) << when;
    EXPECT_EQ(after.objects.textures, before.objects.textures) << when;
    EXPECT_EQ(after.objects.vertexArrays, before.objects.vertexArrays) << when;
    EXPECT_EQ(after.objects.framebuffers, before.objects.framebuffers) << when;
    EXPECT_EQ(after.objects.renderbuffers, before.objects.renderbuffers) << when;
    EXPECT_EQ(after.objects.programs, before.objects.programs) << when;
    EXPECT_EQ(after.textureBytes, before.textureBytes) << when;
    EXPECT_EQ(after.bufferBytes, before.bufferBytes) << when;
}

} // namespace

TEST_F(ModelLifetimeGlTest, WrappersCountTheirLiveObjects) {
    const gpu::LiveObjectCounts before = gpu::liveObjectCounts();
    {
        auto fb = gpu::Framebuffer::create({16, 16, 0, false, true, "counted"});
        ASSERT_TRUE(fb.ok());
        const gpu::LiveObjectCounts during = gpu::liveObjectCounts();
        EXPECT_EQ(during.framebuffers, before.framebuffers + 1);
        EXPECT_EQ(during.textures, before.textures + 1);
        EXPECT_EQ(during.renderbuffers, before.renderbuffers + 1);
        gpu::Framebuffer moved = std::move(fb.value()); // a move does not count twice
        EXPECT_EQ(gpu::liveObjectCounts(), during);
    }
    EXPECT_EQ(gpu::liveObjectCounts(), before);
}

TEST_F(ModelLifetimeGlTest, RemovingASceneModelGivesBackEverythingItTook) {
    auto placeholder = loadPlaceholder();
    ASSERT_TRUE(placeholder);
    auto renderer = makeRenderer();
    ASSERT_TRUE(renderer);
    auto fb = gpu::Framebuffer::create({64, 48, 0, false, true, "lifetime"});
    ASSERT_TRUE(fb.ok());
    const render::FrameParams frame = frameFor(placeholder->scene);
    renderer->render(frame, fb.value()); // creates the internal targets once
    const Snapshot empty = snapshot(*renderer);

    const render::ModelHandle handle = renderer->addModel(placeholder->model);
    renderer->render(frame, fb.value());
    const Snapshot loaded = snapshot(*renderer);
    EXPECT_GT(loaded.objects.buffers, empty.objects.buffers);
    EXPECT_GT(loaded.objects.vertexArrays, empty.objects.vertexArrays);
    EXPECT_GT(loaded.objects.textures, empty.objects.textures) << "the vase's qinghua.png";
    EXPECT_GT(loaded.textureBytes, empty.textureBytes);
    EXPECT_GT(loaded.bufferBytes, empty.bufferBytes);
    EXPECT_EQ(renderer->stats().drawCalls, 3);

    renderer->removeModel(handle);
    renderer->render(frame, fb.value());
    expectSame(empty, snapshot(*renderer), "after removeModel");
    EXPECT_EQ(renderer->stats().drawCalls, 0);
    EXPECT_EQ(renderer->instanceCount(handle), 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

TEST_F(ModelLifetimeGlTest, FiftyAddRemoveCyclesDoNotGrow) {
    auto placeholder = loadPlaceholder();
    ASSERT_TRUE(placeholder);
    auto renderer = makeRenderer();
    ASSERT_TRUE(renderer);
    auto fb = gpu::Framebuffer::create({64, 48, 0, false, true, "lifetime"});
    ASSERT_TRUE(fb.ok());
    const render::FrameParams frame = frameFor(placeholder->scene);
    // An effect model that stays (as the app's smoke does) while the scene model comes and goes.
    const render::ModelHandle resident =
            renderer->addModel(assets::makeSphereModel(0.1f, 8, 6, {1, 1, 1, 1}));
    renderer->render(frame, fb.value());
    const Snapshot before = snapshot(*renderer);
    render::ModelHandle first = -1;
    for (int cycle = 0; cycle < 50; ++cycle) {
        const render::ModelHandle handle = renderer->addModel(placeholder->model);
        if (cycle == 0) {
            first = handle;
        }
        EXPECT_EQ(handle, first) << "cycle " << cycle << ": the freed slot is reused";
        renderer->render(frame, fb.value());
        renderer->removeModel(handle);
    }
    renderer->render(frame, fb.value());
    expectSame(before, snapshot(*renderer), "after 50 add/remove cycles");
    EXPECT_EQ(renderer->instanceCount(resident), 1) << "the other model is untouched";
    EXPECT_EQ(renderer->stats().drawCalls, 1);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

TEST_F(ModelLifetimeGlTest, ASharedTextureStaysUntilItsLastUserIsRemoved) {
    auto placeholder = loadPlaceholder();
    ASSERT_TRUE(placeholder);
    auto renderer = makeRenderer();
    ASSERT_TRUE(renderer);
    const Snapshot empty = snapshot(*renderer);
    const render::ModelHandle a = renderer->addModel(placeholder->model);
    const Snapshot one = snapshot(*renderer);
    const render::ModelHandle b = renderer->addModel(placeholder->model);
    const Snapshot two = snapshot(*renderer);
    EXPECT_EQ(two.objects.textures, one.objects.textures) << "the texture is uploaded once";
    EXPECT_EQ(two.textureBytes, one.textureBytes);
    EXPECT_GT(two.objects.buffers, one.objects.buffers) << "meshes are per model";

    renderer->removeModel(a);
    const Snapshot afterA = snapshot(*renderer);
    EXPECT_EQ(afterA.objects.textures, one.objects.textures) << "b still uses the texture";
    EXPECT_EQ(afterA.textureBytes, one.textureBytes);
    EXPECT_EQ(afterA.objects.buffers, one.objects.buffers);

    // b still draws, textured: a removed neighbour leaves no dangling texture behind.
    auto fb = gpu::Framebuffer::create({64, 48, 0, false, true, "lifetime"});
    ASSERT_TRUE(fb.ok());
    renderer->render(frameFor(placeholder->scene), fb.value());
    EXPECT_EQ(renderer->stats().drawCalls, 3);

    renderer->removeModel(b);
    const Snapshot none = snapshot(*renderer);
    EXPECT_EQ(none.textureBytes, empty.textureBytes);
    EXPECT_EQ(none.bufferBytes, empty.bufferBytes);
    renderer->removeModel(b); // twice: logged and ignored
    EXPECT_EQ(snapshot(*renderer).objects, none.objects);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

TEST_F(ModelLifetimeGlTest, ResidentMemoryIsReadAndFollowsAllocations) {
    const std::size_t before = core::residentMemoryBytes();
    ASSERT_GT(before, 1u << 20) << "a process with a GL context holds more than 1 MiB";
    constexpr std::size_t kBytes = 64u << 20;
    std::vector<unsigned char> block(kBytes);
    std::memset(block.data(), 1, block.size()); // touch every page so it becomes resident
    const std::size_t during = core::residentMemoryBytes();
    EXPECT_GT(during, before + kBytes / 2);
    EXPECT_GE(core::peakResidentMemoryBytes(), during);
    EXPECT_EQ(block[kBytes - 1], 1);
}
