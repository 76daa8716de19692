// OrbitController: turns pointer gestures into an OrbitCamera that always respects OrbitLimits.
// Mouse: left-drag rotates, right- or middle-drag pans, the wheel zooms towards the cursor.
// Touch: one finger rotates, two fingers pan and pinch-zoom. A double tap or double click asks
// the app to pick and then call focusOn(point), which moves there through a CameraTransition.
// Does NOT pick (see picking.h), read SDL, or draw; it is plain maths fed with InputEvents.
#pragma once

#include "kiln/scene/camera.h"
#include "kiln/scene/camera_input.h"
#include "kiln/scene/camera_pose.h"
#include "kiln/scene/camera_transition.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace kiln::scene {

struct Bounds3 {
    glm::vec3 minM{0.0f};
    glm::vec3 maxM{0.0f};
};

struct OrbitLimits {
    float minDistanceM = 0.5f;
    float maxDistanceM = 200.0f;
    float minPitchDeg = -10.0f; // negative looks up from below the target's height
    float maxPitchDeg = 85.0f;  // must stay below 90 (straight down has no yaw)
    float groundHeightM = 0.0f; // the eye stays at least eyeClearanceM above this
    float eyeClearanceM = 0.05f;
    std::optional<Bounds3> targetBounds; // where the target may go; none: anywhere above ground
};

// Brings `camera` inside `limits`: target into bounds and not below ground, distance and pitch
// into range, then pitch raised until the eye clears the ground. Non-finite values are reset.
OrbitCamera clampToLimits(const OrbitCamera& camera, const OrbitLimits& limits);
// Whether `camera` satisfies `limits` (with a small tolerance for float rounding).
bool withinLimits(const OrbitCamera& camera, const OrbitLimits& limits);

struct OrbitSettings {
    float rotateDegPerPixel = 0.3f;
    float wheelZoomPerStep = 0.15f; // distance *= exp(-0.15) per step towards the user
    bool zoomTowardsCursor = true;
    float tapMaxMovePx = 10.0f;       // a press that moves further is a drag, not a tap
    float tapMaxPressSeconds = 0.5f;  // a longer press is not a tap
    float doubleTapMaxSeconds = 0.3f; // from the first tap's release to the second press
    float doubleTapMaxDistancePx = 20.0f;
    TransitionSettings transition; // for focusOn and transitionTo
    // Inertia: a rotation released while still moving keeps spinning and slows down, its speed
    // times exp(-inertiaDecayPerSecond * t), so it turns speed / decay pixels' worth in all.
    bool inertia = true;
    float inertiaDecayPerSecond = 5.0f;
    float inertiaMaxPxPerSecond = 3000.0f;
    float inertiaReleaseWindowSeconds = 0.08f; // a finger resting longer before lifting: no spin
};

// What a handled event means for the app besides the camera itself.
// tapPx comes at once with every tap (snappy hotspots), including the first of a double tap.
// Where a double tap must not also count as a single one (measuring), use confirmedTapPx here and
// OrbitController::pollConfirmedTap: a tap is confirmed once no second tap can follow it.
struct GestureResult {
    bool cameraChanged = false;
    std::optional<glm::vec2> tapPx;          // a tap or left click, at once
    std::optional<glm::vec2> confirmedTapPx; // an earlier tap that turned out not to be a double
    std::optional<glm::vec2> focusRequestPx; // a double tap: pick here, then call focusOn
};

class OrbitController {
public:
    explicit OrbitController(const OrbitCamera& camera = {}, const OrbitLimits& limits = {},
                             const OrbitSettings& settings = {});

    GestureResult handle(const InputEvent& event, const Viewport& viewport);
    // Advances a focus or viewpoint transition.
    void update(float dtSeconds);
    // The last tap, once doubleTapMaxSeconds have passed after it with no second press (time on
    // the events' clock); each tap is returned once, and never the taps of a double tap.
    std::optional<glm::vec2> pollConfirmedTap(double nowSeconds);

    // Smoothly moves the target to `pointM` keeping yaw and pitch; keeps the distance unless one
    // is given. The end pose is clamped to the limits first.
    void focusOn(glm::vec3 pointM, std::optional<float> distanceM = std::nullopt);
    // Smoothly moves to any orbit camera (clamped to the limits).
    void transitionTo(const OrbitCamera& camera);
    // Places the camera at once (clamped): for the first frame of a scene, not for user moves.
    void setCamera(const OrbitCamera& camera);
    void setLimits(const OrbitLimits& limits);

    // Gesture steps, also usable directly (keyboard, accessibility buttons). Pixels as events.
    void rotate(glm::vec2 deltaPx);
    void pan(glm::vec2 deltaPx, const Viewport& viewport);
    // Multiplies the distance by `factor` (< 1 zooms in), keeping the world point under
    // `anchorPx` under it when zoomTowardsCursor is on.
    void zoom(float factor, glm::vec2 anchorPx, const Viewport& viewport);

    const OrbitCamera& camera() const { return mCamera; }
    CameraPose pose() const { return CameraPose::fromOrbit(mCamera); }
    const OrbitLimits& limits() const { return mLimits; }
    const OrbitSettings& settings() const { return mSettings; }
    bool transitioning() const { return mTransitioning; }
    bool spinning() const { return mSpinPxPerSecond != glm::vec2(0.0f); }
    int activePointerCount() const { return static_cast<int>(mPointers.size()); }

private:
    struct Pointer {
        PointerKind kind = PointerKind::Mouse;
        std::int64_t id = 0;
        MouseButton button = MouseButton::None;
        glm::vec2 positionPx{0.0f};
        glm::vec2 downPx{0.0f};
        double downSeconds = 0.0;
        float travelPx = 0.0f;
        bool wasMultiTouch = false;
    };
    struct Tap {
        glm::vec2 positionPx{0.0f};
        double upSeconds = 0.0;
    };

    void stopTransition();
    void startTransition(const OrbitCamera& destination);
    GestureResult pointerDown(const InputEvent& event);
    GestureResult pointerMove(const InputEvent& event, const Viewport& viewport);
    GestureResult pointerUp(const InputEvent& event, bool cancelled);
    void trackRotation(glm::vec2 deltaPx, double timeSeconds);
    std::vector<Pointer>::iterator findPointer(PointerKind kind, std::int64_t id,
                                               MouseButton button);
    int touchCount() const;

    OrbitCamera mCamera;
    OrbitLimits mLimits;
    OrbitSettings mSettings;
    CameraTransition mTransition;
    OrbitCamera mTransitionEnd;
    bool mTransitioning = false;
    std::vector<Pointer> mPointers;
    std::optional<Tap> mLastTap;      // may still become the first of a double tap
    std::optional<Tap> mPendingTap;   // not yet confirmed as a single tap
    glm::vec2 mDragPxPerSecond{0.0f}; // smoothed speed of the current rotating drag
    double mLastRotateSeconds = -1.0; // time of its last move; < 0 when not rotating
    glm::vec2 mSpinPxPerSecond{0.0f}; // inertia after release
};

} // namespace kiln::scene
