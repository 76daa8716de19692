// CameraPose maths: basis vectors from yaw and pitch, and conversion to and from OrbitCamera.
#include "kiln/scene/camera_pose.h"

#include <glm/gtc/matrix_transform.hpp>

#include <cmath>

namespace kiln::scene {

glm::vec3 CameraPose::forward() const {
    const float yaw = glm::radians(yawDeg);
    const float pitch = glm::radians(pitchDeg);
    // The opposite of OrbitCamera's eye offset, so that fromOrbit/toOrbit round-trip.
    return -glm::vec3(std::sin(yaw) * std::cos(pitch), std::sin(pitch),
                      std::cos(yaw) * std::cos(pitch));
}

glm::vec3 CameraPose::right() const {
    const float yaw = glm::radians(yawDeg);
    return {std::cos(yaw), 0.0f, -std::sin(yaw)};
}

glm::vec3 CameraPose::up() const {
    return glm::cross(right(), forward());
}

glm::quat CameraPose::orientation() const {
    const glm::mat3 basis(right(), up(), -forward());
    return glm::quat_cast(basis);
}

glm::mat4 CameraPose::view() const {
    return glm::lookAt(positionM, positionM + forward(), glm::vec3(0.0f, 1.0f, 0.0f));
}

glm::mat4 CameraPose::projection(float aspect, float nearM, float farM) const {
    return glm::perspective(glm::radians(fovYDeg), aspect > 0.0f ? aspect : 1.0f, nearM, farM);
}

CameraPose CameraPose::fromOrbit(const OrbitCamera& camera) {
    CameraPose pose;
    pose.positionM = camera.position();
    pose.yawDeg = camera.yawDeg;
    pose.pitchDeg = camera.pitchDeg;
    pose.fovYDeg = camera.fovYDeg;
    pose.focusDistanceM = camera.distanceM;
    return pose;
}

OrbitCamera CameraPose::toOrbit(const OrbitCamera& base) const {
    OrbitCamera camera = base;
    camera.target = focusPointM();
    camera.distanceM = focusDistanceM;
    camera.yawDeg = yawDeg;
    camera.pitchDeg = pitchDeg;
    camera.fovYDeg = fovYDeg;
    return camera;
}

float wrapAngleDeg(float angleDeg) {
    if (!std::isfinite(angleDeg)) {
        return 0.0f;
    }
    if (angleDeg >= -180.0f && angleDeg < 180.0f) {
        return angleDeg; // unchanged, so that wrapping is idempotent
    }
    float wrapped = std::fmod(angleDeg + 180.0f, 360.0f);
    if (wrapped < 0.0f) {
        wrapped += 360.0f;
    }
    return wrapped - 180.0f;
}

} // namespace kiln::scene
