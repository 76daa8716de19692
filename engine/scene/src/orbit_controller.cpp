// Orbit gestures and limits. Gestures act on the camera at once (no lag); update() only advances
// transitions. Every path that changes mCamera ends in clampToLimits, so the limits always hold.
#include "kiln/scene/orbit_controller.h"

#include "kiln/scene/screen_ray.h"

#include <algorithm>
#include <cmath>

namespace kiln::scene {

namespace {

constexpr float kMaxPitchMagnitudeDeg = 89.0f;
constexpr float kMinDistanceM = 1e-4f;

bool finite(glm::vec3 v) {
    return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}
bool finite(glm::vec2 v) {
    return std::isfinite(v.x) && std::isfinite(v.y);
}

// Limits made consistent (min <= max, pitch inside (-90, 90)), so clamping is well defined.
OrbitLimits sanitized(const OrbitLimits& in) {
    OrbitLimits l = in;
    l.minDistanceM =
            std::isfinite(l.minDistanceM) ? std::max(l.minDistanceM, kMinDistanceM) : kMinDistanceM;
    l.maxDistanceM = std::isfinite(l.maxDistanceM) ? std::max(l.maxDistanceM, l.minDistanceM)
                                                   : std::max(1000.0f, l.minDistanceM);
    l.minPitchDeg = std::isfinite(l.minPitchDeg) ? std::clamp(l.minPitchDeg, -kMaxPitchMagnitudeDeg,
                                                              kMaxPitchMagnitudeDeg)
                                                 : -kMaxPitchMagnitudeDeg;
    l.maxPitchDeg = std::isfinite(l.maxPitchDeg)
                            ? std::clamp(l.maxPitchDeg, l.minPitchDeg, kMaxPitchMagnitudeDeg)
                            : kMaxPitchMagnitudeDeg;
    if (!std::isfinite(l.groundHeightM)) {
        l.groundHeightM = 0.0f;
    }
    if (!std::isfinite(l.eyeClearanceM) || l.eyeClearanceM < 0.0f) {
        l.eyeClearanceM = 0.0f;
    }
    if (l.targetBounds) {
        const Bounds3& b = *l.targetBounds;
        if (!finite(b.minM) || !finite(b.maxM) || b.minM.x > b.maxM.x || b.minM.y > b.maxM.y ||
            b.minM.z > b.maxM.z) {
            l.targetBounds.reset();
        }
    }
    return l;
}

} // namespace

OrbitCamera clampToLimits(const OrbitCamera& camera, const OrbitLimits& limitsIn) {
    const OrbitLimits l = sanitized(limitsIn);
    OrbitCamera c = camera;
    if (!finite(c.target)) {
        c.target = l.targetBounds ? (l.targetBounds->minM + l.targetBounds->maxM) * 0.5f
                                  : glm::vec3(0.0f, l.groundHeightM, 0.0f);
    }
    if (!std::isfinite(c.distanceM)) {
        c.distanceM = l.minDistanceM;
    }
    if (!std::isfinite(c.yawDeg)) {
        c.yawDeg = 0.0f;
    }
    if (!std::isfinite(c.pitchDeg)) {
        c.pitchDeg = 0.0f;
    }
    if (!std::isfinite(c.fovYDeg)) {
        c.fovYDeg = 45.0f;
    }
    c.fovYDeg = std::clamp(c.fovYDeg, 1.0f, 170.0f);

    if (l.targetBounds) {
        c.target = glm::clamp(c.target, l.targetBounds->minM, l.targetBounds->maxM);
    }
    // The target never goes below the ground, otherwise no pitch could keep the eye above it.
    c.target.y = std::max(c.target.y, l.groundHeightM);
    c.distanceM = std::clamp(c.distanceM, l.minDistanceM, l.maxDistanceM);
    c.pitchDeg = std::clamp(c.pitchDeg, l.minPitchDeg, l.maxPitchDeg);

    // Eye height is target.y + sin(pitch) * distance (camera.cpp); raise the pitch until it clears
    // the ground. Where even the steepest pitch is not enough (very short distances), lift the
    // target instead.
    const float eyeMinY = l.groundHeightM + l.eyeClearanceM;
    const float needSin = (eyeMinY - c.target.y) / c.distanceM;
    const float maxSin = std::sin(glm::radians(l.maxPitchDeg));
    if (needSin > maxSin) {
        c.pitchDeg = l.maxPitchDeg;
        c.target.y = eyeMinY - maxSin * c.distanceM;
    } else if (std::sin(glm::radians(c.pitchDeg)) < needSin) {
        c.pitchDeg =
                std::min(glm::degrees(std::asin(std::clamp(needSin, -1.0f, 1.0f))), l.maxPitchDeg);
    }
    // Guard against the last float rounding of asin/sin: nudge until the eye is clear.
    for (int i = 0; i < 4 && c.position().y < eyeMinY; ++i) {
        c.target.y += eyeMinY - c.position().y;
    }
    return c;
}

bool withinLimits(const OrbitCamera& camera, const OrbitLimits& limitsIn) {
    const OrbitLimits l = sanitized(limitsIn);
    constexpr float kTolerance = 1e-4f;
    if (!finite(camera.target) || !std::isfinite(camera.distanceM) ||
        !std::isfinite(camera.yawDeg) || !std::isfinite(camera.pitchDeg)) {
        return false;
    }
    const float relTol = kTolerance * std::max(1.0f, camera.distanceM);
    if (camera.distanceM < l.minDistanceM * (1.0f - kTolerance) ||
        camera.distanceM > l.maxDistanceM * (1.0f + kTolerance)) {
        return false;
    }
    if (camera.pitchDeg < l.minPitchDeg - kTolerance ||
        camera.pitchDeg > l.maxPitchDeg + kTolerance) {
        return false;
    }
    if (camera.position().y < l.groundHeightM + l.eyeClearanceM - relTol) {
        return false;
    }
    if (camera.target.y < l.groundHeightM - relTol) {
        return false;
    }
    return true;
}

OrbitController::OrbitController(const OrbitCamera& camera, const OrbitLimits& limits,
                                 const OrbitSettings& settings)
    : mCamera(clampToLimits(camera, limits)), mLimits(limits), mSettings(settings) {}

void OrbitController::setCamera(const OrbitCamera& camera) {
    stopTransition();
    mSpinPxPerSecond = glm::vec2(0.0f);
    mCamera = clampToLimits(camera, mLimits);
}

void OrbitController::setLimits(const OrbitLimits& limits) {
    mLimits = limits;
    mCamera = clampToLimits(mCamera, mLimits);
    if (mTransitioning) {
        startTransition(mTransitionEnd);
    }
}

void OrbitController::stopTransition() {
    mTransitioning = false;
}

void OrbitController::trackRotation(glm::vec2 deltaPx, double timeSeconds) {
    if (mLastRotateSeconds >= 0.0) {
        const double dt = timeSeconds - mLastRotateSeconds;
        if (dt > 1e-4) {
            const glm::vec2 instant = deltaPx / static_cast<float>(dt);
            // Smoothed over the last few moves; after a pause the new speed counts alone.
            mDragPxPerSecond = dt > 0.1 ? instant : glm::mix(mDragPxPerSecond, instant, 0.6f);
        }
    } else {
        mDragPxPerSecond = glm::vec2(0.0f);
    }
    mLastRotateSeconds = timeSeconds;
}

void OrbitController::startTransition(const OrbitCamera& destination) {
    mSpinPxPerSecond = glm::vec2(0.0f);
    mTransitionEnd = clampToLimits(destination, mLimits);
    mTransition =
            CameraTransition(pose(), CameraPose::fromOrbit(mTransitionEnd), mSettings.transition);
    mTransitioning = !mTransition.finished();
    if (!mTransitioning) {
        mCamera = mTransitionEnd;
    }
}

void OrbitController::focusOn(glm::vec3 pointM, std::optional<float> distanceM) {
    if (!finite(pointM)) {
        return;
    }
    OrbitCamera destination = mTransitioning ? mTransitionEnd : mCamera;
    destination.target = pointM;
    if (distanceM && std::isfinite(*distanceM) && *distanceM > 0.0f) {
        destination.distanceM = *distanceM;
    }
    startTransition(destination);
}

void OrbitController::transitionTo(const OrbitCamera& camera) {
    startTransition(camera);
}

void OrbitController::update(float dtSeconds) {
    if (!std::isfinite(dtSeconds) || dtSeconds <= 0.0f) {
        return;
    }
    if (spinning() && !mTransitioning) {
        // The exact integral of v exp(-decay t) over the frame, so the spin does not depend on
        // the frame rate. A decay too small to ever stop is raised to one that does.
        const float decayRate = std::max(mSettings.inertiaDecayPerSecond, 0.1f);
        const float keep = std::exp(-decayRate * dtSeconds);
        rotate(mSpinPxPerSecond * ((1.0f - keep) / decayRate));
        mSpinPxPerSecond *= keep;
        // Stop below a quarter of a degree per second.
        if (glm::length(mSpinPxPerSecond) * mSettings.rotateDegPerPixel < 0.25f) {
            mSpinPxPerSecond = glm::vec2(0.0f);
        }
    }
    if (!mTransitioning) {
        return;
    }
    mTransition.update(dtSeconds);
    if (mTransition.finished()) {
        mCamera = mTransitionEnd; // exactly the destination, not a rounded reconstruction
        mTransitioning = false;
    } else {
        mCamera = clampToLimits(mTransition.pose().toOrbit(mTransitionEnd), mLimits);
    }
}

void OrbitController::rotate(glm::vec2 deltaPx) {
    if (!finite(deltaPx)) {
        return;
    }
    // Dragging right spins the model right: the eye goes round to the left (yaw decreases).
    // Dragging down tips the top of the model towards the viewer: the eye rises.
    mCamera.yawDeg = wrapAngleDeg(mCamera.yawDeg - deltaPx.x * mSettings.rotateDegPerPixel);
    mCamera.pitchDeg += deltaPx.y * mSettings.rotateDegPerPixel;
    mCamera = clampToLimits(mCamera, mLimits);
}

void OrbitController::pan(glm::vec2 deltaPx, const Viewport& viewport) {
    if (!finite(deltaPx) || !viewport.valid()) {
        return;
    }
    // Metres per pixel on the plane through the target facing the camera: the point of that plane
    // under the finger stays under it.
    const float metresPerPx = 2.0f * mCamera.distanceM *
                              std::tan(glm::radians(mCamera.fovYDeg) * 0.5f) / viewport.heightPx;
    const CameraPose p = pose();
    mCamera.target += (-p.right() * deltaPx.x + p.up() * deltaPx.y) * metresPerPx;
    mCamera = clampToLimits(mCamera, mLimits);
}

void OrbitController::zoom(float factor, glm::vec2 anchorPx, const Viewport& viewport) {
    if (!std::isfinite(factor) || factor <= 0.0f) {
        return;
    }
    const OrbitLimits l = sanitized(mLimits);
    const float newDistanceM =
            std::clamp(mCamera.distanceM * factor, l.minDistanceM, l.maxDistanceM);
    const float effective = newDistanceM / mCamera.distanceM;
    if (mSettings.zoomTowardsCursor && viewport.valid() && finite(anchorPx)) {
        // Scaling the eye and target about the point P under the cursor (on the target's plane)
        // with the view direction unchanged keeps P at the same pixel.
        const CameraPose p = pose();
        const Ray ray = screenRay(p, viewport, anchorPx);
        const float cosine = glm::dot(ray.direction, p.forward());
        if (cosine > 1e-3f) {
            const glm::vec3 anchorM = ray.originM + ray.direction * (mCamera.distanceM / cosine);
            mCamera.target = anchorM + (mCamera.target - anchorM) * effective;
        }
    }
    mCamera.distanceM = newDistanceM;
    mCamera = clampToLimits(mCamera, mLimits);
}

std::vector<OrbitController::Pointer>::iterator
OrbitController::findPointer(PointerKind kind, std::int64_t id, MouseButton button) {
    return std::find_if(mPointers.begin(), mPointers.end(), [&](const Pointer& p) {
        return p.kind == kind && (kind == PointerKind::Touch ? p.id == id : p.button == button);
    });
}

int OrbitController::touchCount() const {
    return static_cast<int>(std::count_if(mPointers.begin(), mPointers.end(), [](const Pointer& p) {
        return p.kind == PointerKind::Touch;
    }));
}

GestureResult OrbitController::handle(const InputEvent& event, const Viewport& viewport) {
    if (!finite(event.positionPx) || !std::isfinite(event.timeSeconds)) {
        return {};
    }
    switch (event.type) {
        case InputEventType::PointerDown:
            return pointerDown(event);
        case InputEventType::PointerMove:
            return pointerMove(event, viewport);
        case InputEventType::PointerUp:
            return pointerUp(event, false);
        case InputEventType::PointerCancel:
            return pointerUp(event, true);
        case InputEventType::Wheel: {
            if (!std::isfinite(event.wheelSteps) || event.wheelSteps == 0.0f) {
                return {};
            }
            stopTransition();
            mSpinPxPerSecond = glm::vec2(0.0f);
            zoom(std::exp(-event.wheelSteps * mSettings.wheelZoomPerStep), event.positionPx,
                 viewport);
            GestureResult result;
            result.cameraChanged = true;
            return result;
        }
    }
    return {};
}

GestureResult OrbitController::pointerDown(const InputEvent& event) {
    if (event.kind == PointerKind::Mouse && event.button == MouseButton::None) {
        return {};
    }
    auto it = findPointer(event.kind, event.pointerId, event.button);
    if (it == mPointers.end()) {
        mPointers.push_back({});
        it = std::prev(mPointers.end());
    }
    it->kind = event.kind;
    it->id = event.pointerId;
    it->button = event.kind == PointerKind::Mouse ? event.button : MouseButton::None;
    it->positionPx = event.positionPx;
    it->downPx = event.positionPx;
    it->downSeconds = event.timeSeconds;
    it->travelPx = 0.0f;
    it->wasMultiTouch = false;
    mSpinPxPerSecond = glm::vec2(0.0f); // a touch catches a spinning model
    mLastRotateSeconds = -1.0;
    if (touchCount() >= 2) {
        for (Pointer& p : mPointers) {
            p.wasMultiTouch = p.wasMultiTouch || p.kind == PointerKind::Touch;
        }
    }
    return {};
}

GestureResult OrbitController::pointerMove(const InputEvent& event, const Viewport& viewport) {
    GestureResult result;
    if (event.kind == PointerKind::Mouse) {
        // All pressed buttons share the mouse position; the first one pressed picks the gesture.
        auto first = std::find_if(mPointers.begin(), mPointers.end(),
                                  [](const Pointer& p) { return p.kind == PointerKind::Mouse; });
        if (first == mPointers.end()) {
            return result; // hovering
        }
        const glm::vec2 delta = event.positionPx - first->positionPx;
        const MouseButton button = first->button;
        for (Pointer& p : mPointers) {
            if (p.kind == PointerKind::Mouse) {
                p.positionPx = event.positionPx;
                p.travelPx = std::max(p.travelPx, glm::length(p.positionPx - p.downPx));
            }
        }
        if (delta == glm::vec2(0.0f)) {
            return result;
        }
        stopTransition();
        if (button == MouseButton::Left) {
            rotate(delta);
            trackRotation(delta, event.timeSeconds);
        } else {
            pan(delta, viewport);
        }
        result.cameraChanged = true;
        return result;
    }

    auto moved = findPointer(PointerKind::Touch, event.pointerId, MouseButton::None);
    if (moved == mPointers.end()) {
        return result;
    }
    std::vector<Pointer*> touches;
    for (Pointer& p : mPointers) {
        if (p.kind == PointerKind::Touch) {
            touches.push_back(&p);
        }
    }
    const glm::vec2 oldPx = moved->positionPx;
    if (touches.size() == 1) {
        moved->positionPx = event.positionPx;
        moved->travelPx = std::max(moved->travelPx, glm::length(event.positionPx - moved->downPx));
        if (event.positionPx != oldPx) {
            stopTransition();
            rotate(event.positionPx - oldPx);
            trackRotation(event.positionPx - oldPx, event.timeSeconds);
            result.cameraChanged = true;
        }
        return result;
    }
    // Two or more fingers: the first two pressed pan (their centroid) and pinch (their spacing).
    Pointer* a = touches[0];
    Pointer* b = touches[1];
    const glm::vec2 oldCentre = (a->positionPx + b->positionPx) * 0.5f;
    const float oldSpan = glm::length(a->positionPx - b->positionPx);
    moved->positionPx = event.positionPx;
    moved->travelPx = std::max(moved->travelPx, glm::length(event.positionPx - moved->downPx));
    if (&*moved != a && &*moved != b) {
        return result;
    }
    mLastRotateSeconds = -1.0;
    const glm::vec2 newCentre = (a->positionPx + b->positionPx) * 0.5f;
    const float newSpan = glm::length(a->positionPx - b->positionPx);
    stopTransition();
    // Pan first (the point under the old centre moves under the new one), then zoom about the new
    // centre (which keeps it there).
    pan(newCentre - oldCentre, viewport);
    if (oldSpan > 1.0f && newSpan > 1.0f) {
        zoom(oldSpan / newSpan, newCentre, viewport);
    }
    result.cameraChanged = true;
    return result;
}

GestureResult OrbitController::pointerUp(const InputEvent& event, bool cancelled) {
    GestureResult result;
    auto it = findPointer(event.kind, event.pointerId, event.button);
    if (it == mPointers.end()) {
        return result;
    }
    const Pointer pointer = *it;
    mPointers.erase(it);
    // Releasing a rotation that is still moving leaves the model spinning.
    if (mLastRotateSeconds >= 0.0 && mPointers.empty()) {
        const bool moving =
                event.timeSeconds - mLastRotateSeconds <= mSettings.inertiaReleaseWindowSeconds;
        if (mSettings.inertia && moving && !cancelled) {
            glm::vec2 v = mDragPxPerSecond;
            const float speed = glm::length(v);
            if (speed > mSettings.inertiaMaxPxPerSecond) {
                v *= mSettings.inertiaMaxPxPerSecond / speed;
            }
            mSpinPxPerSecond = v;
        }
        mLastRotateSeconds = -1.0;
    }
    const float travelPx =
            std::max(pointer.travelPx, glm::length(event.positionPx - pointer.downPx));
    const bool tapLike =
            !cancelled && !pointer.wasMultiTouch &&
            (pointer.kind == PointerKind::Touch || pointer.button == MouseButton::Left) &&
            travelPx <= mSettings.tapMaxMovePx &&
            event.timeSeconds - pointer.downSeconds <= mSettings.tapMaxPressSeconds;
    if (!tapLike) {
        return result;
    }
    if (mLastTap) {
        const double gapSeconds = pointer.downSeconds - mLastTap->upSeconds;
        const float apartPx = glm::length(event.positionPx - mLastTap->positionPx);
        if (gapSeconds >= 0.0 && gapSeconds <= mSettings.doubleTapMaxSeconds &&
            apartPx <= mSettings.doubleTapMaxDistancePx) {
            result.focusRequestPx = event.positionPx;
            mLastTap.reset();
            mPendingTap.reset();
            return result;
        }
    }
    // A new single tap: the previous pending one can no longer become a double.
    if (mPendingTap) {
        result.confirmedTapPx = mPendingTap->positionPx;
    }
    result.tapPx = event.positionPx;
    mLastTap = Tap{event.positionPx, event.timeSeconds};
    mPendingTap = mLastTap;
    return result;
}

std::optional<glm::vec2> OrbitController::pollConfirmedTap(double nowSeconds) {
    if (!mPendingTap || !(nowSeconds - mPendingTap->upSeconds > mSettings.doubleTapMaxSeconds)) {
        return std::nullopt;
    }
    // A press that began inside the window may still end as the second tap: wait for it.
    const double upSeconds = mPendingTap->upSeconds;
    const bool secondMayCome =
            std::any_of(mPointers.begin(), mPointers.end(), [&](const Pointer& p) {
                return p.downSeconds - upSeconds <= mSettings.doubleTapMaxSeconds;
            });
    if (secondMayCome) {
        return std::nullopt;
    }
    const glm::vec2 px = mPendingTap->positionPx;
    mPendingTap.reset();
    return px;
}

} // namespace kiln::scene
