// Orbit camera maths.
#include "kiln/scene/camera.h"

#include <glm/gtc/matrix_transform.hpp>

#include <cmath>

namespace kiln::scene {

glm::vec3 OrbitCamera::position() const {
    const float yaw = glm::radians(yawDeg);
    const float pitch = glm::radians(pitchDeg);
    const glm::vec3 offset(std::sin(yaw) * std::cos(pitch), std::sin(pitch),
                           std::cos(yaw) * std::cos(pitch));
    return target + offset * distanceM;
}

glm::mat4 OrbitCamera::view() const {
    return glm::lookAt(position(), target, glm::vec3(0.0f, 1.0f, 0.0f));
}

glm::mat4 OrbitCamera::projection(float aspect) const {
    return glm::perspective(glm::radians(fovYDeg), aspect > 0.0f ? aspect : 1.0f, nearM, farM);
}

} // namespace kiln::scene
