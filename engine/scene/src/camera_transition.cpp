// Eased camera transitions: yaw the short way round, pitch and fov linearly, focus distance
// geometrically (a zoom feels even), and either the focus point or the eye along a line.
#include "kiln/scene/camera_transition.h"

#include <algorithm>
#include <cmath>

namespace kiln::scene {

namespace {

float lerp(float a, float b, float s) {
    return a + (b - a) * s;
}

float geometricLerp(float a, float b, float s) {
    if (a > 0.0f && b > 0.0f) {
        return a * std::pow(b / a, s);
    }
    return lerp(a, b, s);
}

} // namespace

float easeInOutCubic(float t) {
    if (!(t > 0.0f)) {
        return 0.0f;
    }
    if (t >= 1.0f) {
        return 1.0f;
    }
    if (t < 0.5f) {
        return 4.0f * t * t * t;
    }
    const float u = -2.0f * t + 2.0f;
    return 1.0f - u * u * u * 0.5f;
}

CameraTransition::CameraTransition(const CameraPose& from, const CameraPose& to,
                                   const TransitionSettings& settings)
    : mFrom(from), mTo(to), mPath(settings.path),
      mDurationSeconds(durationFor(from, to, settings)) {}

void CameraTransition::update(float dtSeconds) {
    if (std::isfinite(dtSeconds) && dtSeconds > 0.0f) {
        mElapsedSeconds = std::min(mElapsedSeconds + dtSeconds, mDurationSeconds);
    }
}

float CameraTransition::progress() const {
    if (mDurationSeconds <= 0.0f) {
        return 1.0f;
    }
    return std::clamp(mElapsedSeconds / mDurationSeconds, 0.0f, 1.0f);
}

CameraPose CameraTransition::pose() const {
    if (finished()) {
        return mTo;
    }
    return interpolate(mFrom, mTo, easeInOutCubic(progress()), mPath);
}

float CameraTransition::durationFor(const CameraPose& from, const CameraPose& to,
                                    const TransitionSettings& settings) {
    const float eyeM = glm::length(to.positionM - from.positionM);
    const float focusM = glm::length(to.focusPointM() - from.focusPointM());
    const float travelM = std::max(eyeM, focusM);
    const float turnDeg =
            std::abs(wrapAngleDeg(to.yawDeg - from.yawDeg)) + std::abs(to.pitchDeg - from.pitchDeg);
    if (!std::isfinite(travelM) || !std::isfinite(turnDeg)) {
        return 0.0f; // bad input: jump rather than animate NaN
    }
    // Nothing visible moves: no transition at all.
    if (travelM < 1e-6f && turnDeg < 1e-4f && std::abs(to.fovYDeg - from.fovYDeg) < 1e-4f) {
        return 0.0f;
    }
    const float speed = std::max(settings.speedMPerSecond, 1e-3f);
    const float turnRate = std::max(settings.turnDegPerSecond, 1e-3f);
    const float seconds =
            settings.baseDurationSeconds + std::max(travelM / speed, turnDeg / turnRate);
    return std::clamp(seconds, settings.minDurationSeconds,
                      std::max(settings.minDurationSeconds, settings.maxDurationSeconds));
}

CameraPose CameraTransition::interpolate(const CameraPose& from, const CameraPose& to, float s,
                                         TransitionPath path) {
    // The ends are returned as given, so a transition starts and ends on its poses exactly.
    if (!(s > 0.0f)) {
        return from;
    }
    if (s >= 1.0f) {
        return to;
    }
    CameraPose pose;
    pose.yawDeg = wrapAngleDeg(from.yawDeg + wrapAngleDeg(to.yawDeg - from.yawDeg) * s);
    pose.pitchDeg = lerp(from.pitchDeg, to.pitchDeg, s);
    pose.fovYDeg = lerp(from.fovYDeg, to.fovYDeg, s);
    if (path == TransitionPath::Orbit) {
        pose.focusDistanceM = geometricLerp(from.focusDistanceM, to.focusDistanceM, s);
        const glm::vec3 focus = glm::mix(from.focusPointM(), to.focusPointM(), s);
        pose.positionM = focus - pose.forward() * pose.focusDistanceM;
    } else {
        pose.focusDistanceM = lerp(from.focusDistanceM, to.focusDistanceM, s);
        pose.positionM = glm::mix(from.positionM, to.positionM, s);
    }
    return pose;
}

} // namespace kiln::scene
