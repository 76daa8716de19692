// First-person walk: the eye is always exactly eyeHeightM above the ground under it.
#include "kiln/scene/walk_controller.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiln::scene {

namespace {
constexpr std::int64_t kMousePointer = -1;
}

WalkController::WalkController(GroundHeightFn ground, const WalkSettings& settings)
    : mGround(std::move(ground)), mSettings(settings) {
    settle(0.0f, 0.0f);
}

void WalkController::settle(float xM, float zM) {
    if (mSettings.boundsMinXZ && mSettings.boundsMaxXZ) {
        const glm::vec2 lo = glm::min(*mSettings.boundsMinXZ, *mSettings.boundsMaxXZ);
        const glm::vec2 hi = glm::max(*mSettings.boundsMinXZ, *mSettings.boundsMaxXZ);
        xM = std::clamp(xM, lo.x, hi.x);
        zM = std::clamp(zM, lo.y, hi.y);
    }
    if (mGround) {
        const float h = mGround(xM, zM);
        if (std::isfinite(h)) {
            mGroundM = h;
        }
    }
    mEyeM = glm::vec3(xM, mGroundM + mSettings.eyeHeightM, zM);
}

void WalkController::placeAt(float xM, float zM, float yawDeg, float pitchDeg) {
    if (!std::isfinite(xM) || !std::isfinite(zM)) {
        return;
    }
    mYawDeg = wrapAngleDeg(yawDeg);
    mPitchDeg = std::isfinite(pitchDeg)
                        ? std::clamp(pitchDeg, mSettings.minPitchDeg, mSettings.maxPitchDeg)
                        : 0.0f;
    settle(xM, zM);
}

bool WalkController::handle(const InputEvent& event, const Viewport& viewport) {
    (void)viewport;
    if (!std::isfinite(event.positionPx.x) || !std::isfinite(event.positionPx.y)) {
        return false;
    }
    const std::int64_t id = event.kind == PointerKind::Mouse ? kMousePointer : event.pointerId;
    switch (event.type) {
        case InputEventType::PointerDown:
            if (!mLookPointer &&
                (event.kind == PointerKind::Touch || event.button == MouseButton::Left)) {
                mLookPointer = id;
                mLookPx = event.positionPx;
            }
            return false;
        case InputEventType::PointerMove: {
            if (!mLookPointer || *mLookPointer != id) {
                return false;
            }
            const glm::vec2 delta = event.positionPx - mLookPx;
            mLookPx = event.positionPx;
            // Dragging right pulls the scene right: the view turns left (yaw grows). Dragging
            // down pulls it down: the view tilts up (pitch, positive down, shrinks).
            mYawDeg = wrapAngleDeg(mYawDeg + delta.x * mSettings.lookDegPerPixel);
            mPitchDeg = std::clamp(mPitchDeg - delta.y * mSettings.lookDegPerPixel,
                                   mSettings.minPitchDeg, mSettings.maxPitchDeg);
            return delta != glm::vec2(0.0f);
        }
        case InputEventType::PointerUp:
        case InputEventType::PointerCancel:
            if (mLookPointer && *mLookPointer == id &&
                (event.kind == PointerKind::Touch || event.button == MouseButton::Left)) {
                mLookPointer.reset();
            }
            return false;
        case InputEventType::Wheel:
            return false;
    }
    return false;
}

void WalkController::setMoveInput(glm::vec2 move) {
    if (!std::isfinite(move.x) || !std::isfinite(move.y)) {
        mMove = glm::vec2(0.0f);
        return;
    }
    const float length = glm::length(move);
    mMove = length > 1.0f ? move / length : move;
}

void WalkController::update(float dtSeconds) {
    if (!std::isfinite(dtSeconds) || dtSeconds <= 0.0f || mMove == glm::vec2(0.0f)) {
        return;
    }
    // Walk on the horizontal heading, whatever the pitch; the ground then sets the height.
    const float yaw = glm::radians(mYawDeg);
    const glm::vec2 forward(-std::sin(yaw), -std::cos(yaw));
    const glm::vec2 right(std::cos(yaw), -std::sin(yaw));
    const glm::vec2 step =
            (forward * mMove.y + right * mMove.x) * (mSettings.walkSpeedMPerSecond * dtSeconds);
    settle(mEyeM.x + step.x, mEyeM.z + step.y);
}

CameraPose WalkController::pose() const {
    CameraPose pose;
    pose.positionM = mEyeM;
    pose.yawDeg = mYawDeg;
    pose.pitchDeg = mPitchDeg;
    pose.fovYDeg = mSettings.fovYDeg;
    pose.focusDistanceM = 2.0f; // a point at arm's length ahead, for transitions out of walking
    return pose;
}

} // namespace kiln::scene
