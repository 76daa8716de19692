// SceneRuntime: everything that belongs to one open scene (its description, model on the GPU,
// picking indices, cameras, tour, layers, the firing that drives it and its effects) so the app
// can open, leave and reopen scenes in one process: a kiosk cycles scenes for weeks, a classroom
// switches them by number keys. Leaving a scene releases its GPU model (Renderer::removeModel).
// Internal to the app module. Does NOT draw overlays or handle SDL events.
#pragma once

#include "kiln/app/exposure.h"
#include "kiln/app/firing_effects.h"
#include "kiln/app/firing_session.h"
#include "kiln/assets/model_data.h"
#include "kiln/core/result.h"
#include "kiln/render/renderer.h"
#include "kiln/scene/measurement.h"
#include "kiln/scene/orbit_controller.h"
#include "kiln/scene/picking.h"
#include "kiln/scene/scene_description.h"
#include "kiln/scene/tour.h"
#include "kiln/scene/walk_controller.h"
#include "kiln/sim/kiln_model.h"
#include "kiln/ui/firing_history.h"

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace kiln::app {

// A model import started on a worker thread as soon as its file is known (the command line's
// --model, the first scene's model), so that it runs beside the window, the GL context and the
// shader compilation; the scene takes its result when the model goes to the GPU. The result, an
// error or an exception of the import, is the same as importModel's on the scene's own thread.
// The worker frees Assimp's copy of the file after handing the model over; the destructor joins it.
class ModelImportAhead {
public:
    explicit ModelImportAhead(std::filesystem::path path);
    ~ModelImportAhead();
    ModelImportAhead(const ModelImportAhead&) = delete;
    ModelImportAhead& operator=(const ModelImportAhead&) = delete;

    const std::filesystem::path& path() const { return mPath; }
    // Waits for the import; once only (a second call imports again, on the caller's thread).
    core::Result<assets::ModelData> take();

private:
    std::filesystem::path mPath;
    std::promise<core::Result<assets::ModelData>> mPromise;
    std::future<core::Result<assets::ModelData>> mResult;
    std::thread mWorker; // last: starts after the members it uses
};

// Which scene to open and how it starts (from the command line, or defaults on a switch).
struct SceneStart {
    std::string sceneId;             // a folder under scenes/
    std::filesystem::path modelPath; // non-empty: inspect this model instead (--model)
    std::string viewpointId;         // start at this authored viewpoint
    bool cutaway = false;
    bool evidenceView = false;
    bool walk = false;
    double firingHours = -1.0; // >= 0: run the firing to this kiln hour at once
    bool firingPaused = false; // headless pictures show the chosen kiln hour
    // The model's import, already started (used when its path is the scene's model's); owned by
    // the caller, which keeps it alive while the scene is made.
    ModelImportAhead* importAhead = nullptr;
};

// Cutaway, layers and the evidence view: which instances show and how they are tinted.
struct SceneView {
    std::vector<int> hidden;
    std::vector<int> cutaway;
    std::vector<std::vector<int>> layers;
    std::vector<bool> layerVisible;
    bool cutawayOn = false;
    bool evidenceOn = false;

    void apply(render::Renderer& renderer, render::ModelHandle model,
               const assets::ModelData& data) const;
};

// Evidence classes and their display colours in the evidence view.
struct EvidenceClass {
    const char* evidence;
    const char* uiKey;
    glm::vec3 color;
};
inline constexpr EvidenceClass kEvidenceClasses[] = {
        {"excavated", "evidence.excavated", {0.80f, 0.45f, 0.12f}},
        {"documented", "evidence.documented", {0.15f, 0.35f, 0.80f}},
        {"conjecture", "evidence.conjecture", {0.55f, 0.55f, 0.55f}},
};

class SceneRuntime {
public:
    // Never fails: a scene or model that cannot be loaded becomes an "unavailable" scene with a
    // box model and a caption saying why (the log names the file and the problem).
    SceneRuntime(render::Renderer& renderer, const SceneStart& start, float viewportAspect);
    ~SceneRuntime();
    SceneRuntime(const SceneRuntime&) = delete;
    SceneRuntime& operator=(const SceneRuntime&) = delete;

    // Advances cameras, tour, firing and effects by one fixed step.
    void step(double stepSeconds);
    // Pushes the firing's glow into the renderer (saggar rows, walls).
    void applyFiringGlow();
    // The exposure to draw with now: the scene's own, or, with the kiln opened while it fires,
    // adapted to the fire (exposure.h).
    float exposureNow() const;
    // Where the exposure is heading: the scene's, or exposed for the fire while the cutaway shows
    // the setting of a firing kiln.
    float exposureTarget() const;
    // The orbit camera as drawn now (the tour's pose while touring).
    scene::OrbitCamera drawnCamera() const;
    // The camera pose as drawn now (walk, tour or orbit).
    scene::CameraPose drawnPose() const;
    // The picking index of the whole model; null until it is ready, unless `wait`. The first call
    // starts building it on a worker thread (for a large scan it takes a second or more), so a
    // scene nothing picks in (a one-frame headless picture without overlays) never builds it,
    // and the build does not compete with the model's load.
    const scene::PickingIndex* picking(bool wait);

    void toggleWalk();
    // Plays the authored tour from its first stop (looping when `loop`), or pauses/resumes it.
    void startTour(bool paused);
    void toggleTour();
    void nextStop();
    void previousStop();
    // Leaves the tour where it is: the visitor takes over.
    void stopTour();

    render::Renderer& renderer;
    scene::SceneDescription description;
    assets::ModelData model;
    bool inspectModel = false;
    bool unavailable = false; // the scene or its model could not be loaded
    render::ModelHandle handle = -1;
    std::unique_ptr<scene::PickingIndex> terrainIndex;
    scene::OrbitCamera startCamera;
    std::unique_ptr<scene::OrbitController> orbit;
    std::vector<scene::Viewpoint> tourStops;
    scene::TourPlayer tour;
    bool touring = false;
    std::unique_ptr<scene::WalkController> walk;
    bool walking = false;
    glm::vec2 walkKeys{0.0f};
    SceneView view;
    scene::Measurement measurement;
    bool measuring = false;
    std::optional<int> inspectedPart; // evidence view: the part last tapped

    // The firing (kiln scenes only) and what it drives.
    std::unique_ptr<FiringSession> firing;
    std::unique_ptr<FiringEffects> effects;
    ui::FiringHistory history;
    std::optional<sim::TestPiece> testPiece;
    bool mouthOpen = true;
    bool damperOpen = true;
    std::vector<std::pair<int, double>> saggarRows; // instance, row fraction (0 front, 1 rear)
    std::vector<int> walls;
    glm::vec3 fireboxPositionM{0.0f};
    bool hasFirebox = false;
    ExposureAdaptation exposure; // towards exposureTarget(), stepped with the scene

    // Declared after `model`, which the job reads: destroyed (joined) before it.
    std::future<std::unique_ptr<scene::PickingIndex>> pickingJob;
    std::unique_ptr<scene::PickingIndex> pickingIndex;

    // Per-scene overlay state.
    std::optional<std::string> openHotspot;
    std::set<std::string> visitedHotspots;
};

} // namespace kiln::app
