// CameraPose: where a camera is and where it looks (eye position, yaw, pitch, field of view and the
// distance to the point it looks at), the common currency of orbit, walk, tours and transitions.
// Never rolls: the up vector is always world +Y. Angles follow OrbitCamera's convention.
#pragma once

#include "kiln/scene/camera.h"

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

namespace kiln::scene {

struct CameraPose {
    glm::vec3 positionM{0.0f, 1.6f, 5.0f};
    float yawDeg = 0.0f;   // about +Y, 0 looks along -Z (as OrbitCamera)
    float pitchDeg = 0.0f; // positive looks down (as OrbitCamera)
    float fovYDeg = 45.0f;
    float focusDistanceM = 5.0f; // to the point looked at (the orbit target); > 0

    glm::vec3 forward() const; // unit view direction
    glm::vec3 right() const;   // unit, horizontal
    glm::vec3 up() const;      // unit, completes the basis
    glm::vec3 focusPointM() const { return positionM + forward() * focusDistanceM; }
    glm::quat orientation() const; // camera-to-world rotation (camera looks along its -Z)
    glm::mat4 view() const;
    glm::mat4 projection(float aspect, float nearM, float farM) const;

    static CameraPose fromOrbit(const OrbitCamera& camera);
    // The orbit camera looking from this pose at its focus point; near/far come from `base`.
    OrbitCamera toOrbit(const OrbitCamera& base = {}) const;
};

// Wraps an angle into [-180, 180).
float wrapAngleDeg(float angleDeg);

} // namespace kiln::scene
