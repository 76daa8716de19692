// OrbitCamera: a camera circling a target point (yaw, pitch, distance), with the view and
// projection matrices the renderer needs. Plain maths: no input handling, no GL.
#pragma once

#include <glm/glm.hpp>

namespace kiln::scene {

struct OrbitCamera {
    glm::vec3 target{0.0f};
    float distanceM = 5.0f;
    float yawDeg = 30.0f;   // about +Y, 0 looks along -Z
    float pitchDeg = 20.0f; // positive looks down on the target
    float fovYDeg = 45.0f;
    float nearM = 0.05f;
    float farM = 500.0f;

    glm::vec3 position() const;
    glm::mat4 view() const;
    glm::mat4 projection(float aspect) const;
};

} // namespace kiln::scene
