// SceneDescription: what a scene file (scenes/<id>/scene.json) says: its titles, the model to
// load, the first viewpoint, the sun and the sky. Loading validates every field and reports
// file, line and field. Does NOT load the model itself (assets) or touch the GPU.
#pragma once

#include "kiln/core/result.h"
#include "kiln/scene/camera.h"

#include <glm/glm.hpp>

#include <filesystem>
#include <string>

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
    glm::vec3 clearColor{0.1f, 0.1f, 0.12f};
};

// Reads and validates a scene file. Relative model paths resolve against `dataRoot`.
core::Result<SceneDescription> loadSceneFile(const std::filesystem::path& file,
                                             const std::filesystem::path& dataRoot);

// scenes/<id>/scene.json under dataRoot; an id that is not a plain folder name is an error.
core::Result<SceneDescription> loadSceneById(const std::string& id,
                                             const std::filesystem::path& dataRoot);

} // namespace kiln::scene
