// WalkController: first-person walking at eye height above a ground given as a height function,
// following its slopes. Drag (left mouse or one finger) looks round; a move vector from keys or a
// joystick walks relative to the heading; optional bounds keep the walker inside the site.
// Does NOT collide with walls (only the ground and the bounds) or read devices.
#pragma once

#include "kiln/scene/camera_input.h"
#include "kiln/scene/camera_pose.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <functional>
#include <optional>

namespace kiln::scene {

// Ground height in metres at world (x, z). Non-finite results are ignored (the last height holds).
using GroundHeightFn = std::function<float(float xM, float zM)>;

struct WalkSettings {
    float eyeHeightM = 1.6f;
    float walkSpeedMPerSecond = 1.4f; // an unhurried visitor
    float lookDegPerPixel = 0.2f;
    float minPitchDeg = -80.0f;
    float maxPitchDeg = 80.0f;
    float fovYDeg = 60.0f;
    std::optional<glm::vec2> boundsMinXZ; // both or neither
    std::optional<glm::vec2> boundsMaxXZ;
};

class WalkController {
public:
    explicit WalkController(GroundHeightFn ground = {}, const WalkSettings& settings = {});

    // Stands at (x, z) facing `yawDeg` (same convention as CameraPose), inside the bounds.
    void placeAt(float xM, float zM, float yawDeg, float pitchDeg = 0.0f);
    // Drag looks round (the view follows the finger like dragging the scene). Returns whether the
    // view changed.
    bool handle(const InputEvent& event, const Viewport& viewport);
    // x: strafe right, y: forward; each in [-1, 1], the length is capped at 1 (full speed).
    void setMoveInput(glm::vec2 move);
    void update(float dtSeconds);

    CameraPose pose() const;
    glm::vec3 eyePositionM() const { return mEyeM; }
    float yawDeg() const { return mYawDeg; }
    float pitchDeg() const { return mPitchDeg; }
    const WalkSettings& settings() const { return mSettings; }

private:
    void settle(float xM, float zM); // clamps to bounds and puts the eye over the ground

    GroundHeightFn mGround;
    WalkSettings mSettings;
    glm::vec3 mEyeM{0.0f};
    float mGroundM = 0.0f;
    float mYawDeg = 0.0f;
    float mPitchDeg = 0.0f;
    glm::vec2 mMove{0.0f};
    std::optional<std::int64_t> mLookPointer; // finger id, or -1 for the left mouse button
    glm::vec2 mLookPx{0.0f};
};

} // namespace kiln::scene
