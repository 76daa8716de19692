// SceneDescription: what a scene file (scenes/<id>/scene.json) says: its titles, the model to
// load, the first viewpoint, the sun and the sky. Loading validates every field and reports
// file, line and field. Does NOT load the model itself (assets) or touch the GPU.
#pragma once

#include "kiln/core/result.h"
#include "kiln/scene/camera.h"
#include "kiln/scene/orbit_controller.h"

#include <glm/glm.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiln::scene {

struct LocalizedText {
    std::string en;
    std::string zh;
};

struct SunLight {
    glm::vec3 directionToSun{0.4f, 0.8f, 0.3f}; // normalised on load
    glm::vec3 color{1.0f, 0.96f, 0.9f};
    float illuminance = 3.0f; // relative units until the HDR pipeline lands
};

struct SkyLight {
    glm::vec3 zenithColor{0.45f, 0.55f, 0.70f};
    glm::vec3 groundColor{0.25f, 0.22f, 0.20f};
    float intensity = 0.6f;
};

// An authored viewpoint of the scene's tour.
struct SceneViewpoint {
    std::string id;
    OrbitCamera camera;
    float dwellSeconds = 6.0f;
    LocalizedText caption;
};

// A 3D anchor for a hotspot whose texts live in the content files (id "<scene>.<name>").
struct HotspotAnchor {
    std::string id;
    glm::vec3 positionM{0.0f};
};

// A switchable group of nodes (e.g. the reconstruction layer over an excavation).
struct SceneLayer {
    std::string id;
    LocalizedText title;
    std::vector<std::string> nodePatterns;
    bool visibleAtStart = true;
};

// The firing that drives the scene (kiln parameter set and schedule of the simulation).
struct SceneFiring {
    std::string kiln;               // optional label, e.g. "egg"; the schedule names its kiln file
    std::filesystem::path schedule; // absolute
};

struct SceneDescription {
    std::string id;
    std::filesystem::path file; // the scene file it came from
    LocalizedText title;
    LocalizedText caption;
    std::string source;              // where the caption's facts come from, shown under it
    std::filesystem::path modelPath; // absolute
    OrbitCamera camera;
    SunLight sun;
    SkyLight sky;
    glm::vec3 clearColor{0.1f, 0.1f, 0.12f}; // display (sRGB) colour of the background
    float exposure = 1.0f;
    std::optional<OrbitLimits> limits;     // none: derived from the model's bounds
    std::vector<std::string> hiddenNodes;  // node-name patterns never drawn ('*' wildcard)
    std::vector<std::string> cutawayNodes; // hidden while the cutaway is on
    std::vector<SceneLayer> layers;
    std::vector<SceneViewpoint> viewpoints; // the authored tour, in order
    std::vector<HotspotAnchor> hotspots;
    std::optional<SceneFiring> firing;
};

// Whether a node name matches a pattern where '*' stands for any run of characters.
bool matchesPattern(std::string_view name, std::string_view pattern);

// Reads and validates a scene file. Relative model paths resolve against `dataRoot`.
core::Result<SceneDescription> loadSceneFile(const std::filesystem::path& file,
                                             const std::filesystem::path& dataRoot);

// scenes/<id>/scene.json under dataRoot; an id that is not a plain folder name is an error.
core::Result<SceneDescription> loadSceneById(const std::string& id,
                                             const std::filesystem::path& dataRoot);

} // namespace kiln::scene
