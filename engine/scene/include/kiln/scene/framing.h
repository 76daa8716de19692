// Framing: an orbit camera that shows a whole model (for `kilnfire --model FILE`, as a curator
// checks a scan) and orbit limits suited to the model's size. Plain maths on bounds.
// Does NOT load the model or light it.
#pragma once

#include "kiln/scene/camera.h"
#include "kiln/scene/orbit_controller.h"

#include <glm/glm.hpp>

namespace kiln::scene {

struct FramingOptions {
    float fovYDeg = 45.0f;
    float aspect = 16.0f / 9.0f; // width / height of the viewport
    float yawDeg = 30.0f;
    float pitchDeg = 20.0f;
    float margin = 1.1f; // > 1 leaves space round the model
};

// An orbit camera on the bounds' centre whose view cone contains the bounds' enclosing sphere in
// both directions, so every corner of the bounds is inside the frustum; near and far enclose it.
// Empty or non-finite bounds frame a 1 m cube at the origin.
OrbitCamera frameBounds(glm::vec3 boundsMinM, glm::vec3 boundsMaxM,
                        const FramingOptions& options = {});

// Limits for inspecting the model: from close up (5 % of its radius) to four times the framing
// distance, the ground at the bottom of the bounds, the target inside the bounds.
OrbitLimits limitsForBounds(glm::vec3 boundsMinM, glm::vec3 boundsMaxM,
                            const FramingOptions& options = {});

} // namespace kiln::scene
