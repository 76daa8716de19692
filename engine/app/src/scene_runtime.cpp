// One open scene: loading with fallbacks, cameras, tour, layers and the firing that drives it.
#include "scene_runtime.h"

#include "kiln/assets/model_importer.h"
#include "kiln/assets/primitives.h"
#include "kiln/core/data_paths.h"
#include "kiln/core/log.h"
#include "kiln/scene/framing.h"
#include "kiln/ui/dashboard_from_sim.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <future>
#include <system_error>
#include <utility>

namespace kiln::app {
namespace {

// A scene to show when the requested one cannot be loaded; its texts say so in both languages.
scene::SceneDescription unavailableScene(const std::string& id, const std::string& reason) {
    scene::SceneDescription s;
    s.id = id;
    s.title = {"Scene unavailable: " + id, "场景暂不可用：" + id};
    s.caption = {reason, "请工作人员查看日志。"};
    s.camera.target = {0.0f, 0.5f, 0.0f};
    s.camera.distanceM = 4.0f;
    return s;
}

// Instances of the loaded model selected by node-name patterns.
std::vector<int> instancesMatching(const assets::ModelData& model,
                                   const std::vector<std::string>& patterns) {
    std::vector<int> out;
    for (std::size_t i = 0; i < model.instances.size(); ++i) {
        for (const std::string& pattern : patterns) {
            if (scene::matchesPattern(model.instances[i].nodeName, pattern)) {
                out.push_back(static_cast<int>(i));
                break;
            }
        }
    }
    return out;
}

} // namespace

ModelImportAhead::ModelImportAhead(std::filesystem::path path)
    : mPath(std::move(path)), mResult(mPromise.get_future()) {
    try {
        mWorker = std::thread([this] {
            try {
                assets::importModel(mPath, [this](core::Result<assets::ModelData> result) {
                    mPromise.set_value(std::move(result));
                });
            } catch (...) {
                try {
                    mPromise.set_exception(std::current_exception()); // rethrown by take()
                } catch (const std::future_error&) {
                    // Already delivered: only freeing failed, which changes nothing for take().
                }
            }
        });
    } catch (const std::system_error&) {
        mResult = {}; // no thread to be had: take() imports on the scene's thread
    }
}

ModelImportAhead::~ModelImportAhead() {
    if (mWorker.joinable()) {
        mWorker.join();
    }
}

core::Result<assets::ModelData> ModelImportAhead::take() {
    if (!mResult.valid()) {
        return assets::importModel(mPath);
    }
    return mResult.get();
}

void SceneView::apply(render::Renderer& renderer, render::ModelHandle model,
                      const assets::ModelData& data) const {
    const int count = renderer.instanceCount(model);
    std::vector<bool> visible(static_cast<std::size_t>(count), true);
    for (int i : hidden) {
        visible[static_cast<std::size_t>(i)] = false;
    }
    if (cutawayOn) {
        for (int i : cutaway) {
            visible[static_cast<std::size_t>(i)] = false;
        }
    }
    for (std::size_t l = 0; l < layers.size(); ++l) {
        if (!layerVisible[l]) {
            for (int i : layers[l]) {
                visible[static_cast<std::size_t>(i)] = false;
            }
        }
    }
    for (int i = 0; i < count; ++i) {
        renderer.setInstanceVisible(model, i, visible[static_cast<std::size_t>(i)]);
        glm::vec4 tint(0.0f);
        if (evidenceOn) {
            tint = glm::vec4(0.9f, 0.1f, 0.6f, 1.0f); // unknown class: stands out
            for (const EvidenceClass& c : kEvidenceClasses) {
                if (data.instances[static_cast<std::size_t>(i)].paradata.evidence == c.evidence) {
                    tint = glm::vec4(glm::pow(c.color, glm::vec3(2.2f)), 1.0f);
                }
            }
        }
        renderer.setInstanceTint(model, i, tint);
    }
}

SceneRuntime::SceneRuntime(render::Renderer& r, const SceneStart& start, float viewportAspect)
    : renderer(r) {
    // The description, then the model, each with a fallback that says what went wrong.
    std::filesystem::path modelPath;
    if (!start.modelPath.empty()) {
        modelPath = start.modelPath;
        inspectModel = true;
        description.id = "model";
        const std::string name = modelPath.filename().string();
        description.title = {name, name};
    } else if (auto s = scene::loadSceneById(start.sceneId, core::dataRoot()); s) {
        description = std::move(s.value());
        modelPath = description.modelPath;
    } else {
        core::logError("app", s.error().message);
        description = unavailableScene(start.sceneId, s.error().message);
        unavailable = true;
    }
    bool haveModel = false;
    if (!modelPath.empty()) {
        const bool ahead = start.importAhead && start.importAhead->path() == modelPath;
        if (auto m = ahead ? start.importAhead->take() : assets::importModel(modelPath); m) {
            model = std::move(m.value());
            haveModel = true;
        } else {
            core::logError("app", m.error().message + "; showing the error model instead");
            description.caption = {m.error().message, "模型无法加载，请工作人员查看日志。"};
            unavailable = true;
        }
    }
    if (!haveModel) {
        model = assets::makeBoxModel({0.0f, 0.5f, 0.0f}, glm::vec3(1.0f));
    }
    handle = renderer.addModel(model);

    // Cameras: the scene's start view (or the model framed), its limits, tour and walk.
    scene::FramingOptions framing;
    framing.aspect = viewportAspect;
    framing.fovYDeg = description.camera.fovYDeg;
    startCamera = inspectModel ? scene::frameBounds(model.boundsMin, model.boundsMax, framing)
                               : description.camera;
    for (const scene::SceneViewpoint& vp : description.viewpoints) {
        if (vp.id == start.viewpointId) {
            startCamera = vp.camera;
        }
    }
    const scene::OrbitLimits limits = description.limits.value_or(
            scene::limitsForBounds(model.boundsMin, model.boundsMax, framing));
    orbit = std::make_unique<scene::OrbitController>(startCamera, limits);
    orbit->setCamera(startCamera);
    for (const scene::SceneViewpoint& vp : description.viewpoints) {
        tourStops.push_back(
                {vp.id, scene::CameraPose::fromOrbit(vp.camera), vp.dwellSeconds, vp.id, ""});
    }
    tour = scene::TourPlayer(tourStops, {true, {}});

    // Walk mode: eye height over the ground, which is the model's terrain where it has one (found
    // by casting down onto the terrain alone, so roofs do not count as ground).
    std::vector<int> terrain;
    for (std::size_t i = 0; i < model.instances.size(); ++i) {
        if (scene::matchesPattern(model.instances[i].nodeName, "*_ground") ||
            scene::matchesPattern(model.instances[i].nodeName, "terrain*")) {
            terrain.push_back(static_cast<int>(i));
        }
    }
    const float flatGroundM =
            description.limits ? description.limits->groundHeightM : model.boundsMin.y;
    terrainIndex = std::make_unique<scene::PickingIndex>(model, terrain);
    const bool hasTerrain = !terrain.empty();
    scene::WalkSettings walkSettings;
    walkSettings.boundsMinXZ = glm::vec2(model.boundsMin.x, model.boundsMin.z);
    walkSettings.boundsMaxXZ = glm::vec2(model.boundsMax.x, model.boundsMax.z);
    walk = std::make_unique<scene::WalkController>(
            [index = terrainIndex.get(), hasTerrain, flatGroundM,
             top = model.boundsMax.y](float x, float z) {
                if (!hasTerrain) {
                    return flatGroundM;
                }
                scene::Ray down;
                down.originM = {x, top + 10.0f, z};
                down.direction = {0.0f, -1.0f, 0.0f};
                auto hit = index->pick(down);
                return hit ? hit->pointM.y : flatGroundM;
            },
            walkSettings);
    if (start.walk) {
        toggleWalk();
    }

    // Cutaway, layers and evidence view.
    view.hidden = instancesMatching(model, description.hiddenNodes);
    view.cutaway = instancesMatching(model, description.cutawayNodes);
    for (const scene::SceneLayer& layer : description.layers) {
        view.layers.push_back(instancesMatching(model, layer.nodePatterns));
        view.layerVisible.push_back(layer.visibleAtStart);
    }
    view.cutawayOn = start.cutaway;
    view.evidenceOn = start.evidenceView;
    view.apply(renderer, handle, model);

    // The firing that drives a kiln scene: saggar rows and walls glow at their temperature.
    if (description.firing) {
        if (auto f = FiringSession::load(description.firing->schedule); f) {
            firing = std::move(f.value());
            if (start.firingPaused) {
                firing->setPlaying(false);
            }
        } else {
            core::logError("app", f.error().message + "; the scene shows a cold kiln");
        }
    }
    std::optional<glm::vec3> chimneyTopM;
    float chimneyTopRadiusM = 0.8f;
    int maxRow = 1;
    std::vector<std::pair<int, int>> rows;
    for (std::size_t i = 0; i < model.instances.size(); ++i) {
        const auto& inst = model.instances[i];
        int row = 0;
        if (std::sscanf(inst.nodeName.c_str(), "saggars_r%d_c", &row) == 1) {
            rows.emplace_back(static_cast<int>(i), row);
            maxRow = std::max(maxRow, row);
        } else if (scene::matchesPattern(inst.nodeName, "chamber_wall_*") ||
                   scene::matchesPattern(inst.nodeName, "chamber_inner_wall_*")) {
            // The wall that faces the fire: single walls, or the inner skin of a double wall
            // (the gourd kiln's, with its air gap).
            walls.push_back(static_cast<int>(i));
        } else if (inst.nodeName == "chimney_shaft") {
            const auto& mesh = model.meshes[static_cast<std::size_t>(inst.meshIndex)];
            // The top opening: the shaft's highest point, over the middle of its footprint.
            const glm::vec3 lo(inst.transform * glm::vec4(mesh.boundsMin, 1.0f));
            const glm::vec3 hi(inst.transform * glm::vec4(mesh.boundsMax, 1.0f));
            chimneyTopM =
                    glm::vec3((lo.x + hi.x) * 0.5f, std::max(lo.y, hi.y), (lo.z + hi.z) * 0.5f);
            // About 2 m² at the top (kilns.md §1.1): the radius of a circle of that area.
            chimneyTopRadiusM = std::sqrt(2.0f / 3.14159265f);
        } else if (inst.nodeName == "firebox_body") {
            const auto& mesh = model.meshes[static_cast<std::size_t>(inst.meshIndex)];
            fireboxPositionM = glm::vec3(inst.transform *
                                         glm::vec4((mesh.boundsMin + mesh.boundsMax) * 0.5f, 1.0f));
            fireboxPositionM.y += 0.8f; // the flame above the grate
            hasFirebox = true;
        }
    }
    for (const auto& [instance, row] : rows) {
        saggarRows.emplace_back(instance, maxRow > 1 ? (row - 1.0) / (maxRow - 1.0) : 0.0);
    }
    if (firing) {
        // The dashboard's record of the firing: one sample per simulation step, decimated.
        firing->setStepObserver([this] {
            history.add(ui::sampleFromState(firing->model(), firing->run().state()));
        });
        history.add(ui::sampleFromState(firing->model(), firing->run().state()));
        if (start.firingHours >= 0.0) {
            firing->runToHours(start.firingHours); // recorded step by step
        }
        if (chimneyTopM && hasFirebox) {
            effects =
                    std::make_unique<FiringEffects>(renderer, *chimneyTopM, chimneyTopRadiusM,
                                                    fireboxPositionM - glm::vec3(0.0f, 0.6f, 0.0f));
        }
    }
}

SceneRuntime::~SceneRuntime() {
    if (pickingJob.valid()) {
        pickingJob.wait(); // it reads the model
    }
    effects.reset(); // its models go first
    renderer.removeModel(handle);
}

void SceneRuntime::step(double stepSeconds) {
    const auto dt = static_cast<float>(stepSeconds);
    if (walking) {
        walk->setMoveInput(walkKeys);
        walk->update(dt);
    } else if (touring) {
        tour.update(dt);
    } else {
        orbit->update(dt);
    }
    if (firing) {
        firing->update(stepSeconds);
    }
    if (effects) {
        effects->update(stepSeconds, *firing);
    }
    exposure.update(exposureTarget(), dt);
}

float SceneRuntime::exposureTarget() const {
    const float base = description.exposure;
    if (!firing || !view.cutawayOn || saggarRows.empty()) {
        return base;
    }
    return exposureForGlow(base, firing->hottestGlowLuminance());
}

float SceneRuntime::exposureNow() const {
    return exposure.current(exposureTarget());
}

void SceneRuntime::applyFiringGlow() {
    if (!firing) {
        return;
    }
    for (const auto& [instance, fraction] : saggarRows) {
        renderer.setInstanceEmissive(handle, instance, firing->rowGlow(fraction));
    }
    const glm::vec3 wallGlow = firing->glowRadiance(firing->wallTemperatureC());
    for (int instance : walls) {
        renderer.setInstanceEmissive(handle, instance, wallGlow);
    }
}

const scene::PickingIndex* SceneRuntime::picking(bool wait) {
    if (!pickingIndex && !pickingJob.valid()) {
        pickingJob = std::async(std::launch::async,
                                [this] { return std::make_unique<scene::PickingIndex>(model); });
    }
    if (!pickingIndex && pickingJob.valid() &&
        (wait || pickingJob.wait_for(std::chrono::seconds(0)) == std::future_status::ready)) {
        pickingIndex = pickingJob.get();
    }
    return pickingIndex.get();
}

scene::OrbitCamera SceneRuntime::drawnCamera() const {
    return touring ? tour.pose().toOrbit(orbit->camera()) : orbit->camera();
}

scene::CameraPose SceneRuntime::drawnPose() const {
    return walking ? walk->pose() : scene::CameraPose::fromOrbit(drawnCamera());
}

void SceneRuntime::toggleWalk() {
    walking = !walking;
    touring = false;
    if (walking) {
        const scene::CameraPose pose = orbit->pose();
        walk->placeAt(pose.positionM.x, pose.positionM.z, pose.yawDeg, 0.0f);
    }
}

void SceneRuntime::startTour(bool paused) {
    if (tourStops.empty()) {
        return;
    }
    walking = false;
    touring = true;
    tour.start(orbit->pose(), 0);
    if (paused) {
        tour.pause();
    }
}

void SceneRuntime::toggleTour() {
    if (tourStops.empty()) {
        return;
    }
    if (!touring) {
        startTour(false);
    } else if (tour.playing()) {
        tour.pause();
    } else {
        tour.play();
    }
}

void SceneRuntime::nextStop() {
    if (tourStops.empty()) {
        return;
    }
    if (!touring) {
        startTour(true);
    } else {
        tour.next();
    }
}

void SceneRuntime::previousStop() {
    if (touring) {
        tour.previous();
    }
}

void SceneRuntime::stopTour() {
    if (touring) {
        touring = false;
        orbit->setCamera(tour.pose().toOrbit(orbit->camera()));
    }
}

} // namespace kiln::app
