// Screen <-> world for a CameraPose: the ray through a pixel (for picking) and the pixel a world
// point projects to (for labels drawn in the scene, such as a measurement's distance).
// Pixels use the top-left origin with y down, as camera_input.h.
#pragma once

#include "kiln/scene/camera_input.h"
#include "kiln/scene/camera_pose.h"

#include <glm/glm.hpp>

#include <optional>

namespace kiln::scene {

struct Ray {
    glm::vec3 originM{0.0f};
    glm::vec3 direction{0.0f, 0.0f, -1.0f}; // unit length
};

// The ray from the eye through position `px` (a pixel's centre is at its index + 0.5).
Ray screenRay(const CameraPose& pose, const Viewport& viewport, glm::vec2 px);

// The pixel position of `pointM`, or nothing when it is behind the eye (or the viewport is empty).
std::optional<glm::vec2> worldToScreen(const CameraPose& pose, const Viewport& viewport,
                                       glm::vec3 pointM);

} // namespace kiln::scene
