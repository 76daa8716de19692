// Picking benchmark: a field of 5,000 vases (one 500-triangle lathe mesh, 100 x 50 instances with
// random turns and sizes), rays through random pixels of an aerial and an eye-level camera.
// Run: ./build-interact/tools/bench_picking/bench_picking (see docs/interaction.md).
#include "kiln/assets/model_data.h"
#include "kiln/scene/picking.h"
#include "kiln/scene/screen_ray.h"

#include <benchmark/benchmark.h>
#include <glm/gtc/matrix_transform.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace {

using kiln::assets::MeshData;
using kiln::assets::ModelData;
using namespace kiln::scene;

constexpr int kRings = 11;    // profile points from foot to lip
constexpr int kSegments = 25; // around: (kRings - 1) * kSegments * 2 = 500 triangles

// A vase turned on a wheel: radius along a profile, open at the lip.
MeshData makeVase() {
    MeshData mesh;
    mesh.name = "vase";
    const float heightM = 0.4f;
    for (int r = 0; r < kRings; ++r) {
        const float h = static_cast<float>(r) / static_cast<float>(kRings - 1);
        const float radiusM = 0.08f + 0.07f * std::sin(h * 3.0f) - 0.03f * h;
        for (int s = 0; s < kSegments; ++s) {
            const float a = 6.2831853f * static_cast<float>(s) / static_cast<float>(kSegments);
            kiln::assets::Vertex v;
            v.position = {radiusM * std::cos(a), h * heightM, radiusM * std::sin(a)};
            mesh.vertices.push_back(v);
        }
    }
    for (int r = 0; r + 1 < kRings; ++r) {
        for (int s = 0; s < kSegments; ++s) {
            const auto i0 = static_cast<std::uint32_t>(r * kSegments + s);
            const auto i1 = static_cast<std::uint32_t>(r * kSegments + (s + 1) % kSegments);
            const auto i2 = i0 + kSegments;
            const auto i3 = i1 + kSegments;
            mesh.indices.insert(mesh.indices.end(), {i0, i2, i1, i1, i2, i3});
        }
    }
    return mesh;
}

ModelData makeField() {
    ModelData model;
    model.meshes.push_back(makeVase());
    std::mt19937 rng(5000u);
    auto uniform = [&](float lo, float hi) {
        return lo + (hi - lo) * static_cast<float>(rng() % 100001u) / 100000.0f;
    };
    for (int z = 0; z < 50; ++z) {
        for (int x = 0; x < 100; ++x) {
            glm::mat4 t = glm::translate(glm::mat4(1.0f), {static_cast<float>(x) * 0.5f, 0.0f,
                                                           static_cast<float>(z) * -0.5f});
            t = glm::rotate(t, uniform(0.0f, 6.28f), glm::vec3(0, 1, 0));
            t = glm::scale(t, glm::vec3(uniform(0.8f, 1.3f)));
            kiln::assets::MeshInstance inst;
            inst.meshIndex = 0;
            inst.transform = t;
            inst.nodeName = "vase_";
            inst.nodeName.append(std::to_string(model.instances.size()));
            model.instances.push_back(inst);
        }
    }
    return model;
}

const ModelData& field() {
    static const ModelData model = makeField();
    return model;
}

const PickingIndex& fieldIndex() {
    static const PickingIndex index(field());
    return index;
}

std::vector<Ray> raysFrom(const CameraPose& pose, int count) {
    const Viewport viewport{1920.0f, 1080.0f};
    std::mt19937 rng(17u);
    std::vector<Ray> rays;
    for (int i = 0; i < count; ++i) {
        const glm::vec2 px(static_cast<float>(rng() % 1920u), static_cast<float>(rng() % 1080u));
        rays.push_back(screenRay(pose, viewport, px));
    }
    return rays;
}

void runPicks(benchmark::State& state, const CameraPose& pose) {
    const PickingIndex& index = fieldIndex();
    const std::vector<Ray> rays = raysFrom(pose, 4096);
    std::size_t i = 0;
    std::int64_t hits = 0;
    for (auto _ : state) {
        const auto hit = index.pick(rays[i]);
        hits += hit ? 1 : 0;
        benchmark::DoNotOptimize(hit);
        i = (i + 1) % rays.size();
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["hit_share"] =
            static_cast<double>(hits) /
            static_cast<double>(std::max<std::int64_t>(1, state.iterations()));
    state.counters["instances"] = static_cast<double>(index.instanceCount());
    state.counters["triangles_per_mesh"] = static_cast<double>(index.triangleCount());
}

// Looking down on the whole field from 30 m.
void BM_PickAerial(benchmark::State& state) {
    OrbitCamera cam;
    cam.target = {25.0f, 0.0f, -12.5f};
    cam.distanceM = 30.0f;
    cam.yawDeg = 20.0f;
    cam.pitchDeg = 50.0f;
    runPicks(state, CameraPose::fromOrbit(cam));
}
BENCHMARK(BM_PickAerial);

// A visitor at eye height at the field's corner looking across it: grazing rays that pass over
// and between many vases before hitting one (the harder case).
void BM_PickEyeLevel(benchmark::State& state) {
    CameraPose pose;
    pose.positionM = {-2.0f, 1.6f, 2.0f};
    pose.yawDeg = -45.0f; // towards +X and -Z
    pose.pitchDeg = 12.0f;
    pose.fovYDeg = 60.0f;
    runPicks(state, pose);
}
BENCHMARK(BM_PickEyeLevel);

void BM_BuildIndex(benchmark::State& state) {
    const ModelData& model = field();
    for (auto _ : state) {
        PickingIndex index(model);
        benchmark::DoNotOptimize(index);
    }
}
BENCHMARK(BM_BuildIndex)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
