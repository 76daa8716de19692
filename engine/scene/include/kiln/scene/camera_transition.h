// CameraTransition: a smooth, eased move between two camera poses over a duration derived from
// the distance and angle travelled; every change of viewpoint goes through one.
// Orientation is interpolated in yaw (the short way round) and pitch, so it never rolls or flips
// through the zenith, which a great-circle slerp between two level views facing apart would do.
// Does NOT know about input or limits: the controllers clamp what it returns.
#pragma once

#include "kiln/scene/camera_pose.h"

namespace kiln::scene {

// Orbit: focus point and focus distance are interpolated, the eye swings round them (for orbit
// cameras and tours, so a move round an object does not cut through it). Straight: the eye moves
// along a straight line (for walking and for poses without a meaningful focus point).
enum class TransitionPath { Orbit, Straight };

struct TransitionSettings {
    TransitionPath path = TransitionPath::Orbit;
    float minDurationSeconds = 0.35f;
    float maxDurationSeconds = 2.5f;
    float baseDurationSeconds = 0.25f;
    float speedMPerSecond = 6.0f;    // of the eye (or focus point, whichever moves further)
    float turnDegPerSecond = 120.0f; // of the view direction
};

// Ease-in-out cubic on [0, 1] (clamped outside): 0 -> 0, 0.5 -> 0.5, 1 -> 1, zero slope at both
// ends.
float easeInOutCubic(float t);

class CameraTransition {
public:
    // A finished transition that rests at a default pose.
    CameraTransition() = default;
    CameraTransition(const CameraPose& from, const CameraPose& to,
                     const TransitionSettings& settings = {});

    // Advances the clock; negative or non-finite steps are ignored.
    void update(float dtSeconds);
    // The current pose; exactly `to()` once finished.
    CameraPose pose() const;
    bool finished() const { return mElapsedSeconds >= mDurationSeconds; }
    // Elapsed time over duration, in [0, 1].
    float progress() const;
    float durationSeconds() const { return mDurationSeconds; }
    const CameraPose& from() const { return mFrom; }
    const CameraPose& to() const { return mTo; }

    static float durationFor(const CameraPose& from, const CameraPose& to,
                             const TransitionSettings& settings);
    // The pose at eased parameter s in [0, 1] along `path`.
    static CameraPose interpolate(const CameraPose& from, const CameraPose& to, float s,
                                  TransitionPath path);

private:
    CameraPose mFrom;
    CameraPose mTo;
    TransitionPath mPath = TransitionPath::Orbit;
    float mDurationSeconds = 0.0f;
    float mElapsedSeconds = 0.0f;
};

} // namespace kiln::scene
