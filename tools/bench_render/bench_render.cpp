// Renderer benchmark (issue 3): the engine's CPU time per frame and whole frames on the machine's
// GL (llvmpipe here). Scenes are made in code: "field", 5,000 instances of 200 distinct lathe
// meshes (100 triangles each, 20 materials, 500k triangles in all) and "dense", one mesh of 500k
// triangles. Three measures:
//   BM_EngineCpu  Renderer::render with the draw calls themselves stubbed out: our culling,
//                 sorting, uploads and state changes, without the driver's vertex work.
//   BM_Submit     Renderer::render as is, into a 320x180 target; glFinish is outside the timed
//                 region. On llvmpipe this includes the driver's vertex shading (done at draw).
//   BM_Frame      render + glFinish at 1280x720 and 1920x1080: the frame time on this GL. Its
//                 CPU column is the whole process's CPU time (all rasteriser threads): on a
//                 loaded machine that is steadier than the wall time.
//   BM_SiteFrame  the same for the scenes of scenes/ at their first viewpoint (renderer only: no
//                 overlays, no firing); needs the generated sites (tools/setup.sh).
// Run: SDL_VIDEODRIVER=offscreen LIBGL_ALWAYS_SOFTWARE=1
// ./build-perf/tools/bench_render/bench_render
#include "kiln/assets/image_io.h"
#include "kiln/assets/model_data.h"
#include "kiln/assets/model_importer.h"
#include "kiln/core/data_paths.h"
#include "kiln/gpu/framebuffer.h"
#include "kiln/gpu/gl.h"
#include "kiln/platform/window.h"
#include "kiln/render/renderer.h"
#include "kiln/scene/scene_description.h"

#include <benchmark/benchmark.h>
#include <glm/gtc/matrix_transform.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

namespace {

using namespace kiln;

constexpr int kMeshes = 200;
constexpr int kMaterials = 20;
constexpr int kFieldColumns = 100; // x 50 rows = 5,000 instances

// A lathe mesh (a vase or saggar turned on a wheel): `rings` profile points, `segments` around,
// (rings - 1) * segments * 2 triangles; `variant` changes the profile so meshes are distinct.
assets::MeshData makeLathe(int rings, int segments, int variant, float heightM) {
    assets::MeshData mesh;
    mesh.name = "lathe_" + std::to_string(variant);
    const float phase = 0.37f * static_cast<float>(variant);
    float maxRadius = 0.0f;
    for (int r = 0; r < rings; ++r) {
        const float h = static_cast<float>(r) / static_cast<float>(rings - 1);
        const float radiusM = heightM * (0.2f + 0.15f * std::sin(h * 3.0f + phase) - 0.05f * h);
        maxRadius = std::max(maxRadius, radiusM);
        for (int s = 0; s < segments; ++s) {
            const float a = 6.2831853f * static_cast<float>(s) / static_cast<float>(segments);
            assets::Vertex v;
            v.position = {radiusM * std::cos(a), h * heightM, radiusM * std::sin(a)};
            v.normal = glm::normalize(glm::vec3(std::cos(a), 0.2f, std::sin(a)));
            v.uv = {static_cast<float>(s) / static_cast<float>(segments), h};
            v.uv1 = v.uv;
            mesh.vertices.push_back(v);
        }
    }
    for (int r = 0; r + 1 < rings; ++r) {
        for (int s = 0; s < segments; ++s) {
            const auto i0 = static_cast<std::uint32_t>(r * segments + s);
            const auto i1 = static_cast<std::uint32_t>(r * segments + (s + 1) % segments);
            const auto i2 = i0 + static_cast<std::uint32_t>(segments);
            const auto i3 = i1 + static_cast<std::uint32_t>(segments);
            mesh.indices.insert(mesh.indices.end(), {i0, i1, i2, i1, i3, i2});
        }
    }
    mesh.materialIndex = variant % kMaterials;
    mesh.boundsMin = {-maxRadius, 0.0f, -maxRadius};
    mesh.boundsMax = {maxRadius, heightM, maxRadius};
    return mesh;
}

void addMaterials(assets::ModelData& model) {
    for (int m = 0; m < kMaterials; ++m) {
        assets::MaterialData mat;
        mat.name = "glaze_" + std::to_string(m);
        const float t = static_cast<float>(m) / static_cast<float>(kMaterials);
        mat.baseColorFactor = {0.4f + 0.5f * t, 0.5f, 0.9f - 0.5f * t, 1.0f};
        mat.roughnessFactor = 0.3f + 0.5f * t;
        model.materials.push_back(mat);
    }
}

// 5,000 instances (100 x 50, 0.6 m apart) of 200 meshes of 100 triangles, plus a floor.
assets::ModelData makeField() {
    assets::ModelData model;
    model.sourcePath = "synthetic field";
    addMaterials(model);
    for (int i = 0; i < kMeshes; ++i) {
        model.meshes.push_back(makeLathe(6, 10, i, 0.45f)); // 5 * 10 * 2 = 100 triangles
    }
    std::mt19937 rng(5000u);
    for (int z = 0; z < 5000 / kFieldColumns; ++z) {
        for (int x = 0; x < kFieldColumns; ++x) {
            glm::mat4 t = glm::translate(glm::mat4(1.0f), {static_cast<float>(x) * 0.6f, 0.0f,
                                                           static_cast<float>(z) * -0.6f});
            t = glm::rotate(t, static_cast<float>(rng() % 628u) / 100.0f, glm::vec3(0, 1, 0));
            assets::MeshInstance inst;
            inst.meshIndex = static_cast<int>(model.instances.size()) % kMeshes;
            inst.transform = t;
            model.instances.push_back(inst);
        }
    }
    model.boundsMin = {-0.5f, 0.0f, -30.0f};
    model.boundsMax = {60.0f, 0.5f, 0.5f};
    return model;
}

// One dense mesh of 500k triangles (a scan-like vase, 2 m tall), one instance.
assets::ModelData makeDense() {
    assets::ModelData model;
    model.sourcePath = "synthetic dense";
    addMaterials(model);
    model.meshes.push_back(makeLathe(501, 500, 3, 2.0f)); // 500 * 500 * 2 = 500k triangles
    model.meshes.back().materialIndex = 0;
    model.instances.push_back({0, glm::mat4(1.0f), "dense", {}});
    model.boundsMin = model.meshes[0].boundsMin;
    model.boundsMax = model.meshes[0].boundsMax;
    return model;
}

const assets::ModelData& sceneModel(int scene) {
    static const assets::ModelData field = makeField();
    static const assets::ModelData dense = makeDense();
    return scene == 0 ? field : dense;
}

render::FrameParams frameFor(int scene, int iteration, bool moving) {
    render::FrameParams f;
    const float yaw = moving ? 0.002f * static_cast<float>(iteration % 500) : 0.0f;
    const glm::vec3 target = scene == 0 ? glm::vec3(30.0f, 0.0f, -15.0f) : glm::vec3(0, 1, 0);
    const float distance = scene == 0 ? 40.0f : 4.0f;
    const glm::vec3 eye =
            target + distance * glm::vec3(std::sin(yaw) * 0.8f, 0.6f, std::cos(yaw) * 0.8f);
    f.camera.view = glm::lookAt(eye, target, glm::vec3(0, 1, 0));
    f.camera.positionM = eye;
    f.camera.fovYDeg = 50.0f;
    f.camera.nearM = 0.1f;
    f.camera.farM = 200.0f;
    f.sun.directionToSun = glm::normalize(glm::vec3(-0.5f, 0.8f, 0.3f));
    f.shadows = true;
    return f;
}

int envInt(const char* name, int fallback) {
    const char* value = std::getenv(name);
    return value != nullptr && value[0] != '\0' ? std::atoi(value) : fallback;
}

// A/B runs of the renderer's choices: KILN_BENCH_SOFTWARE_PATHS (0/1), KILN_BENCH_BLOOM_DIVISOR
// (2/4), KILN_BENCH_PREPASS (0/1), KILN_BENCH_LOD_PIXEL_ERROR (pixels; 0: no levels of
// detail); unset: the renderer's defaults.
void applyOverrides(render::RendererDesc& desc) {
    desc.softwarePaths = envInt("KILN_BENCH_SOFTWARE_PATHS", desc.softwarePaths);
    desc.bloomDivisor = envInt("KILN_BENCH_BLOOM_DIVISOR", desc.bloomDivisor);
    desc.depthPrepass = envInt("KILN_BENCH_PREPASS", desc.depthPrepass ? 1 : 0) != 0;
    if (const char* lod = std::getenv("KILN_BENCH_LOD_PIXEL_ERROR"); lod != nullptr && *lod) {
        desc.lodPixelError = std::strtof(lod, nullptr);
    }
}

// KILN_BENCH_ITERATIONS=N runs the frame benchmarks exactly N times (for instruction counts
// with `perf stat`, which a loaded machine does not disturb as it does times).
void frameIterations(benchmark::internal::Benchmark* b) {
    if (const int n = envInt("KILN_BENCH_ITERATIONS", 0); n > 0) {
        b->Iterations(n);
    } else {
        b->MinTime(1.0);
    }
}

std::unique_ptr<render::Renderer> makeRenderer(int scene) {
    render::RendererDesc desc{core::dataPath("shaders")};
    desc.msaaSamples = 0;      // as the app on llvmpipe
    desc.maxAnisotropy = 1.0f; // as the app on llvmpipe
    applyOverrides(desc);
    auto renderer = render::Renderer::create(desc);
    if (!renderer) {
        return nullptr;
    }
    renderer.value()->addModel(sceneModel(scene));
    return std::move(renderer.value());
}

void noDraw(GLenum, GLsizei, GLenum, const void*, GLsizei) {}
void noDrawArrays(GLenum, GLint, GLsizei) {}

void reportStats(benchmark::State& state, const render::Renderer& renderer) {
    const render::RenderStats& st = renderer.stats();
    state.counters["draws"] = st.drawCalls;
    state.counters["prepass_draws"] = st.prepassDrawCalls;
    state.counters["triangles"] = static_cast<double>(st.triangles);
    state.counters["instances"] = static_cast<double>(st.instancesDrawn);
    state.counters["lod_instances"] = static_cast<double>(st.lodInstances);
    state.counters["occluded"] = static_cast<double>(st.instancesOccluded);
    state.counters["bloom_skipped"] = st.bloomSkipped;
}

// With KILN_RENDER_PASS_TIMES=1 the renderer finishes the GL after each pass and times it: the
// sum over the iterations, reported as per-frame counters (ms) by reportPasses.
struct PassSums {
    double shadow = 0, clear = 0, prepass = 0, opaque = 0, transparent = 0, bloom = 0, tonemap = 0;
    void add(const render::RenderStats::PassTimes& t) {
        shadow += t.shadowMs;
        clear += t.clearMs;
        prepass += t.prepassMs;
        opaque += t.opaqueMs;
        transparent += t.transparentMs;
        bloom += t.bloomMs;
        tonemap += t.tonemapMs;
    }
};

void reportPasses(benchmark::State& state, const PassSums& sums) {
    if (std::getenv("KILN_RENDER_PASS_TIMES") == nullptr) {
        return;
    }
    const auto avg = [](double ms) {
        return benchmark::Counter(ms, benchmark::Counter::kAvgIterations);
    };
    state.counters["p_shadow"] = avg(sums.shadow);
    state.counters["p_clear"] = avg(sums.clear);
    state.counters["p_prepass"] = avg(sums.prepass);
    state.counters["p_opaque"] = avg(sums.opaque);
    state.counters["p_transp"] = avg(sums.transparent);
    state.counters["p_bloom"] = avg(sums.bloom);
    state.counters["p_tonemap"] = avg(sums.tonemap);
}

// KILN_BENCH_SCREENSHOT=DIR writes each frame benchmark's last frame to DIR/<name>.png (with
// KILN_BENCH_ITERATIONS fixed, the same frame every run: for comparing pictures across builds).
void saveLastFrame(const std::string& name, const gpu::Framebuffer& target) {
    const char* dir = std::getenv("KILN_BENCH_SCREENSHOT");
    if (dir == nullptr || *dir == '\0') {
        return;
    }
    if (auto written =
                assets::writePng(std::filesystem::path(dir) / (name + ".png"), target.readPixels());
        !written) {
        std::fprintf(stderr, "bench_render: %s\n", written.error().message.c_str());
    }
}

// args: scene (0 field, 1 dense), moving camera (0/1).
void BM_EngineCpu(benchmark::State& state) {
    const int scene = static_cast<int>(state.range(0));
    const bool moving = state.range(1) != 0;
    auto renderer = makeRenderer(scene);
    auto target = gpu::Framebuffer::create({320, 180, 0, false, true, "bench"});
    if (!renderer || !target) {
        state.SkipWithError("no renderer or target");
        return;
    }
    renderer->render(frameFor(scene, 0, moving), target.value()); // shaders, targets, shadow map
    glFinish();
    const auto realDraw = glad_glDrawElementsInstanced;
    const auto realDrawArrays = glad_glDrawArrays;
    glad_glDrawElementsInstanced = &noDraw;
    glad_glDrawArrays = &noDrawArrays;
    int iteration = 1;
    for (auto _ : state) {
        const render::FrameParams frame = frameFor(scene, iteration++, moving);
        const auto start = std::chrono::steady_clock::now();
        renderer->render(frame, target.value());
        const auto end = std::chrono::steady_clock::now();
        state.SetIterationTime(std::chrono::duration<double>(end - start).count());
    }
    glad_glDrawElementsInstanced = realDraw;
    glad_glDrawArrays = realDrawArrays;
    glFinish();
    reportStats(state, *renderer);
}
BENCHMARK(BM_EngineCpu)
        ->ArgsProduct({{0, 1}, {0, 1}})
        ->ArgNames({"scene", "moving"})
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);

void BM_Submit(benchmark::State& state) {
    const int scene = static_cast<int>(state.range(0));
    auto renderer = makeRenderer(scene);
    auto target = gpu::Framebuffer::create({320, 180, 0, false, true, "bench"});
    if (!renderer || !target) {
        state.SkipWithError("no renderer or target");
        return;
    }
    renderer->render(frameFor(scene, 0, true), target.value());
    glFinish();
    int iteration = 1;
    for (auto _ : state) {
        const render::FrameParams frame = frameFor(scene, iteration++, true);
        const auto start = std::chrono::steady_clock::now();
        renderer->render(frame, target.value());
        const auto end = std::chrono::steady_clock::now();
        glFinish(); // the rasteriser's work, outside the timed region
        state.SetIterationTime(std::chrono::duration<double>(end - start).count());
    }
    reportStats(state, *renderer);
}
BENCHMARK(BM_Submit)->Arg(0)->Arg(1)->ArgName("scene")->UseManualTime()->Unit(
        benchmark::kMillisecond);

// args: scene, width, height. Whole frames: render + glFinish, moving camera, shadows on.
void BM_Frame(benchmark::State& state) {
    const int scene = static_cast<int>(state.range(0));
    const int w = static_cast<int>(state.range(1));
    const int h = static_cast<int>(state.range(2));
    auto renderer = makeRenderer(scene);
    auto target = gpu::Framebuffer::create({w, h, 0, false, true, "bench"});
    if (!renderer || !target) {
        state.SkipWithError("no renderer or target");
        return;
    }
    renderer->render(frameFor(scene, 0, true), target.value());
    glFinish();
    int iteration = 1;
    double cpuSeconds = 0.0;
    PassSums passes;
    for (auto _ : state) {
        const render::FrameParams frame = frameFor(scene, iteration++, true);
        const auto start = std::chrono::steady_clock::now();
        renderer->render(frame, target.value());
        const auto submitted = std::chrono::steady_clock::now();
        glFinish();
        const auto end = std::chrono::steady_clock::now();
        cpuSeconds += std::chrono::duration<double>(submitted - start).count();
        state.SetIterationTime(std::chrono::duration<double>(end - start).count());
        passes.add(renderer->stats().passTimes);
    }
    reportStats(state, *renderer);
    reportPasses(state, passes);
    saveLastFrame("frame_scene" + std::to_string(scene) + "_" + std::to_string(w) + "x" +
                          std::to_string(h),
                  target.value());
    state.counters["submit_ms"] =
            benchmark::Counter(cpuSeconds * 1000.0, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_Frame)
        ->Args({0, 1280, 720})
        ->Args({0, 1920, 1080})
        ->Args({1, 1280, 720})
        ->Args({1, 1920, 1080})
        ->ArgNames({"scene", "w", "h"})
        ->MeasureProcessCPUTime()
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->Apply(frameIterations);

const char* const kSites[] = {"placeholder", "egg_kiln",         "dragon_kiln", "gourd_kiln",
                              "mantou_kiln", "imperial_factory", "taoxichuan"};

// args: site index (kSites), width (16:9).
void BM_SiteFrame(benchmark::State& state) {
    const char* id = kSites[state.range(0)];
    state.SetLabel(id);
    auto s = scene::loadSceneById(id, core::dataRoot());
    if (!s) {
        state.SkipWithError(s.error().message.c_str());
        return;
    }
    auto model = assets::importModel(s->modelPath);
    if (!model) {
        state.SkipWithError(model.error().message.c_str());
        return;
    }
    render::RendererDesc desc{core::dataPath("shaders")};
    desc.msaaSamples = 0;
    desc.maxAnisotropy = 1.0f;
    applyOverrides(desc);
    auto renderer = render::Renderer::create(desc);
    const int w = static_cast<int>(state.range(1));
    const int h = w * 9 / 16;
    auto target = gpu::Framebuffer::create({w, h, 0, false, true, "bench"});
    if (!renderer || !target) {
        state.SkipWithError("no renderer or target");
        return;
    }
    render::Renderer& r = *renderer.value();
    const render::ModelHandle handle = r.addModel(model.value());
    for (std::size_t i = 0; i < model->instances.size(); ++i) {
        for (const std::string& pattern : s->hiddenNodes) {
            if (scene::matchesPattern(model->instances[i].nodeName, pattern)) {
                r.setInstanceVisible(handle, static_cast<int>(i), false);
            }
        }
    }
    render::FrameParams frame;
    frame.camera = render::CameraParams::fromOrbit(s->camera);
    frame.sun = s->sun;
    frame.sky = s->sky;
    frame.clearColor = glm::pow(s->clearColor, glm::vec3(2.2f));
    frame.exposure = s->exposure;
    r.render(frame, target.value());
    glFinish();
    double cpuSeconds = 0.0;
    PassSums passes;
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        r.render(frame, target.value());
        const auto submitted = std::chrono::steady_clock::now();
        glFinish();
        const auto end = std::chrono::steady_clock::now();
        cpuSeconds += std::chrono::duration<double>(submitted - start).count();
        state.SetIterationTime(std::chrono::duration<double>(end - start).count());
        passes.add(r.stats().passTimes);
    }
    reportStats(state, r);
    reportPasses(state, passes);
    saveLastFrame(std::string("site_") + id + "_" + std::to_string(w), target.value());
    state.counters["submit_ms"] =
            benchmark::Counter(cpuSeconds * 1000.0, benchmark::Counter::kAvgIterations);
    const render::RenderStats& st = r.stats();
    state.counters["gpu_MiB"] =
            static_cast<double>(st.textureBytes + st.bufferBytes + st.targetBytes) / 1048576.0;
}
BENCHMARK(BM_SiteFrame)
        ->ArgsProduct({{0, 1, 2, 3, 4, 5, 6}, {1280, 1920}})
        ->ArgNames({"site", "w"})
        ->MeasureProcessCPUTime()
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->Apply(frameIterations);

} // namespace

int main(int argc, char** argv) {
    // Software GL and no display by default, as the tests; the caller may override either.
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    setenv("LIBGL_ALWAYS_SOFTWARE", "1", 0);
    platform::WindowDesc desc;
    desc.width = 64;
    desc.height = 64;
    desc.offscreen = true;
    desc.vsync = false;
    auto window = platform::Window::create(desc);
    if (!window) {
        std::fprintf(stderr, "bench_render: %s\n", window.error().message.c_str());
        return 1;
    }
    if (auto loaded = gpu::loadGl(&platform::Window::getProcAddress); !loaded) {
        std::fprintf(stderr, "bench_render: %s\n", loaded.error().message.c_str());
        return 1;
    }
    benchmark::AddCustomContext("gl_renderer", gpu::glInfo().renderer);
    benchmark::AddCustomContext("gl_version", gpu::glInfo().version);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
