// OrbitController: gestures checked against geometry (points stay under the cursor, limits hold)
// and a fixed-seed property test of 10,000 random gestures.
#include "kiln/scene/orbit_controller.h"

#include "kiln/scene/screen_ray.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace kiln::scene;

namespace {

const Viewport kViewport{1280.0f, 720.0f};

OrbitCamera startCamera() {
    OrbitCamera cam;
    cam.target = {0.0f, 2.0f, 0.0f};
    cam.distanceM = 10.0f;
    cam.yawDeg = 30.0f;
    cam.pitchDeg = 20.0f;
    return cam;
}

OrbitLimits wideLimits() {
    OrbitLimits limits;
    limits.minDistanceM = 1.0f;
    limits.maxDistanceM = 100.0f;
    limits.minPitchDeg = -30.0f;
    limits.maxPitchDeg = 80.0f;
    limits.groundHeightM = -50.0f; // far away: these tests are about gestures, not the ground
    return limits;
}

// The world point on the plane through the target facing the camera that is seen at `px`.
glm::vec3 pointOnTargetPlane(const OrbitCamera& cam, glm::vec2 px) {
    const CameraPose pose = CameraPose::fromOrbit(cam);
    const Ray ray = screenRay(pose, kViewport, px);
    const float t = glm::dot(cam.target - ray.originM, pose.forward()) /
                    glm::dot(ray.direction, pose.forward());
    return ray.originM + ray.direction * t;
}

glm::vec2 project(const OrbitCamera& cam, glm::vec3 p) {
    const auto px = worldToScreen(CameraPose::fromOrbit(cam), kViewport, p);
    EXPECT_TRUE(px.has_value());
    return px.value_or(glm::vec2(-1e9f));
}

} // namespace

TEST(OrbitController, LeftDragRotatesByDegreesPerPixel) {
    OrbitController orbit(startCamera(), wideLimits());
    orbit.handle(InputEvent::mouseDown(MouseButton::Left, {600, 300}, 0.0), kViewport);
    orbit.handle(InputEvent::mouseMove({650, 320}, 0.1), kViewport);
    orbit.handle(InputEvent::mouseUp(MouseButton::Left, {650, 320}, 0.2), kViewport);
    const float k = orbit.settings().rotateDegPerPixel;
    EXPECT_NEAR(orbit.camera().yawDeg, 30.0f - 50.0f * k, 1e-4f);
    EXPECT_NEAR(orbit.camera().pitchDeg, 20.0f + 20.0f * k, 1e-4f);
    EXPECT_EQ(orbit.camera().target, startCamera().target); // rotation keeps the target
    EXPECT_FLOAT_EQ(orbit.camera().distanceM, 10.0f);
}

TEST(OrbitController, RotatePitchStopsAtLimit) {
    OrbitController orbit(startCamera(), wideLimits());
    orbit.handle(InputEvent::touchDown(7, {600, 100}, 0.0), kViewport);
    orbit.handle(InputEvent::touchMove(7, {600, 2000}, 0.1), kViewport);
    EXPECT_FLOAT_EQ(orbit.camera().pitchDeg, 80.0f);
    orbit.handle(InputEvent::touchMove(7, {600, -3000}, 0.2), kViewport);
    EXPECT_FLOAT_EQ(orbit.camera().pitchDeg, -30.0f);
}

TEST(OrbitController, RightDragPanKeepsThePointUnderTheCursor) {
    OrbitController orbit(startCamera(), wideLimits());
    const glm::vec2 from(400.0f, 300.0f);
    const glm::vec2 to(530.0f, 410.0f);
    const glm::vec3 grabbed = pointOnTargetPlane(orbit.camera(), from);
    orbit.handle(InputEvent::mouseDown(MouseButton::Right, from, 0.0), kViewport);
    orbit.handle(InputEvent::mouseMove((from + to) * 0.5f, 0.05), kViewport);
    orbit.handle(InputEvent::mouseMove(to, 0.1), kViewport);
    orbit.handle(InputEvent::mouseUp(MouseButton::Right, to, 0.15), kViewport);
    const glm::vec2 now = project(orbit.camera(), grabbed);
    EXPECT_NEAR(now.x, to.x, 0.05f);
    EXPECT_NEAR(now.y, to.y, 0.05f);
    EXPECT_NE(orbit.camera().target, startCamera().target);
    EXPECT_FLOAT_EQ(orbit.camera().yawDeg, 30.0f); // panning does not turn
}

TEST(OrbitController, WheelZoomsExponentiallyTowardsTheCursor) {
    OrbitController orbit(startCamera(), wideLimits());
    const glm::vec2 cursor(1000.0f, 150.0f);
    const glm::vec3 under = pointOnTargetPlane(orbit.camera(), cursor);
    orbit.handle(InputEvent::wheel(2.0f, cursor, 0.0), kViewport);
    EXPECT_NEAR(orbit.camera().distanceM,
                10.0f * std::exp(-2.0f * orbit.settings().wheelZoomPerStep), 1e-4f);
    const glm::vec2 now = project(orbit.camera(), under);
    EXPECT_NEAR(now.x, cursor.x, 0.05f);
    EXPECT_NEAR(now.y, cursor.y, 0.05f);
    // Zooming out by the same amount returns to the same distance.
    orbit.handle(InputEvent::wheel(-2.0f, cursor, 0.1), kViewport);
    EXPECT_NEAR(orbit.camera().distanceM, 10.0f, 1e-4f);
}

TEST(OrbitController, WheelZoomStopsAtDistanceLimits) {
    OrbitController orbit(startCamera(), wideLimits());
    for (int i = 0; i < 100; ++i) {
        orbit.handle(InputEvent::wheel(3.0f, {640, 360}, i * 0.01), kViewport);
    }
    EXPECT_FLOAT_EQ(orbit.camera().distanceM, 1.0f);
    for (int i = 0; i < 100; ++i) {
        orbit.handle(InputEvent::wheel(-3.0f, {100, 700}, 1.0 + i * 0.01), kViewport);
    }
    EXPECT_FLOAT_EQ(orbit.camera().distanceM, 100.0f);
}

TEST(OrbitController, PinchZoomsBySpanRatioAndTwoFingerDragPans) {
    OrbitController orbit(startCamera(), wideLimits());
    const glm::vec2 a0(500, 360), b0(700, 360);
    const glm::vec3 underCentre = pointOnTargetPlane(orbit.camera(), (a0 + b0) * 0.5f);
    orbit.handle(InputEvent::touchDown(1, a0, 0.0), kViewport);
    orbit.handle(InputEvent::touchDown(2, b0, 0.01), kViewport);
    // Fingers spread to twice the span: distance halves.
    const glm::vec2 a1(400, 360), b1(800, 360);
    orbit.handle(InputEvent::touchMove(1, a1, 0.05), kViewport);
    orbit.handle(InputEvent::touchMove(2, b1, 0.06), kViewport);
    EXPECT_NEAR(orbit.camera().distanceM, 5.0f, 1e-3f);
    // Both fingers drag by the same amount (span back to 200 px on the way): the point under the
    // centre follows the centre, and the distance is back to the start.
    const glm::vec2 a2(560, 450), b2(760, 450);
    orbit.handle(InputEvent::touchMove(1, a2, 0.1), kViewport);
    orbit.handle(InputEvent::touchMove(2, b2, 0.11), kViewport);
    EXPECT_NEAR(orbit.camera().distanceM, 10.0f, 1e-3f);
    const glm::vec2 now = project(orbit.camera(), underCentre);
    EXPECT_NEAR(now.x, (a2.x + b2.x) * 0.5f, 0.1f);
    EXPECT_NEAR(now.y, (a2.y + b2.y) * 0.5f, 0.1f);
    // Releasing one finger and moving the other rotates without a jump.
    orbit.handle(InputEvent::touchUp(1, a2, 0.2), kViewport);
    const float yawBefore = orbit.camera().yawDeg;
    orbit.handle(InputEvent::touchMove(2, b2 + glm::vec2(10, 0), 0.25), kViewport);
    EXPECT_NEAR(orbit.camera().yawDeg, yawBefore - 10.0f * orbit.settings().rotateDegPerPixel,
                1e-3f);
}

TEST(OrbitController, PinchKeepsDistanceWithinLimits) {
    OrbitController orbit(startCamera(), wideLimits());
    orbit.handle(InputEvent::touchDown(1, {630, 360}, 0.0), kViewport);
    orbit.handle(InputEvent::touchDown(2, {650, 360}, 0.0), kViewport);
    orbit.handle(InputEvent::touchMove(1, {-5000, 360}, 0.1), kViewport);
    EXPECT_GE(orbit.camera().distanceM, 1.0f);
    orbit.handle(InputEvent::touchMove(1, {648, 360}, 0.2), kViewport);
    orbit.handle(InputEvent::touchMove(2, {649, 360}, 0.2), kViewport);
    EXPECT_LE(orbit.camera().distanceM, 100.0f);
    EXPECT_FLOAT_EQ(orbit.camera().distanceM, 100.0f);
}

TEST(OrbitController, SingleTapIsReportedAndDoubleTapRequestsFocus) {
    OrbitController orbit(startCamera(), wideLimits());
    auto tap = [&](glm::vec2 px, double t) {
        orbit.handle(InputEvent::touchDown(3, px, t), kViewport);
        return orbit.handle(InputEvent::touchUp(3, px, t + 0.08), kViewport);
    };
    const GestureResult first = tap({300, 300}, 1.0);
    ASSERT_TRUE(first.tapPx.has_value());
    EXPECT_FALSE(first.focusRequestPx.has_value());
    const GestureResult second = tap({310, 305}, 1.2); // 0.12 s after the first release
    ASSERT_TRUE(second.focusRequestPx.has_value());
    EXPECT_EQ(*second.focusRequestPx, glm::vec2(310, 305));
    // A third tap right after starts over: it is a single tap.
    EXPECT_FALSE(tap({310, 305}, 1.35).focusRequestPx.has_value());
}

TEST(OrbitController, TapsTooSlowOrTooFarApartAreNotADoubleTap) {
    OrbitController orbit(startCamera(), wideLimits());
    auto click = [&](glm::vec2 px, double t) {
        orbit.handle(InputEvent::mouseDown(MouseButton::Left, px, t), kViewport);
        return orbit.handle(InputEvent::mouseUp(MouseButton::Left, px, t + 0.05), kViewport);
    };
    click({300, 300}, 0.0);
    const GestureResult slow = click({300, 300}, 0.5); // 0.45 s gap
    EXPECT_FALSE(slow.focusRequestPx.has_value());
    EXPECT_TRUE(slow.tapPx.has_value());
    const GestureResult far = click({340, 300}, 0.6); // 40 px apart
    EXPECT_FALSE(far.focusRequestPx.has_value());
    const GestureResult near = click({345, 310}, 0.7);
    EXPECT_TRUE(near.focusRequestPx.has_value());
}

TEST(OrbitController, SingleTapsAreConfirmedOnlyWhenNoSecondTapCanFollow) {
    OrbitController orbit(startCamera(), wideLimits());
    auto tap = [&](glm::vec2 px, double t) {
        orbit.handle(InputEvent::touchDown(4, px, t), kViewport);
        return orbit.handle(InputEvent::touchUp(4, px, t + 0.05), kViewport);
    };
    tap({200, 200}, 0.0);                                  // released at 0.05
    EXPECT_FALSE(orbit.pollConfirmedTap(0.2).has_value()); // a second tap could still come
    const auto confirmed = orbit.pollConfirmedTap(0.4);
    ASSERT_TRUE(confirmed.has_value());
    EXPECT_EQ(*confirmed, glm::vec2(200, 200));
    EXPECT_FALSE(orbit.pollConfirmedTap(0.5).has_value()); // once only

    // The taps of a double tap are never confirmed as single taps.
    tap({500, 500}, 1.0);
    const GestureResult second = tap({505, 500}, 1.2);
    EXPECT_TRUE(second.focusRequestPx.has_value());
    EXPECT_FALSE(orbit.pollConfirmedTap(5.0).has_value());

    // A press held across the window delays confirmation until it ends as a drag.
    tap({100, 100}, 10.0); // released at 10.05
    orbit.handle(InputEvent::touchDown(4, {100, 100}, 10.2), kViewport);
    EXPECT_FALSE(orbit.pollConfirmedTap(10.5).has_value());
    orbit.handle(InputEvent::touchMove(4, {300, 100}, 10.6), kViewport);
    orbit.handle(InputEvent::touchUp(4, {300, 100}, 10.7), kViewport);
    EXPECT_TRUE(orbit.pollConfirmedTap(10.7).has_value());

    // A far-away second tap confirms the first at once.
    tap({100, 100}, 20.0);
    const GestureResult far = tap({600, 100}, 20.1);
    ASSERT_TRUE(far.confirmedTapPx.has_value());
    EXPECT_EQ(*far.confirmedTapPx, glm::vec2(100, 100));
    EXPECT_EQ(*far.tapPx, glm::vec2(600, 100));
}

TEST(OrbitController, DragIsNotATap) {
    OrbitController orbit(startCamera(), wideLimits());
    orbit.handle(InputEvent::mouseDown(MouseButton::Left, {300, 300}, 0.0), kViewport);
    orbit.handle(InputEvent::mouseMove({360, 300}, 0.05), kViewport);
    const GestureResult up =
            orbit.handle(InputEvent::mouseUp(MouseButton::Left, {300, 300}, 0.1), kViewport);
    EXPECT_FALSE(up.tapPx.has_value());
    // Two-finger gestures are never taps either.
    orbit.handle(InputEvent::touchDown(1, {300, 300}, 1.0), kViewport);
    orbit.handle(InputEvent::touchDown(2, {400, 300}, 1.0), kViewport);
    EXPECT_FALSE(orbit.handle(InputEvent::touchUp(2, {400, 300}, 1.05), kViewport).tapPx);
    EXPECT_FALSE(orbit.handle(InputEvent::touchUp(1, {300, 300}, 1.06), kViewport).tapPx);
}

TEST(OrbitController, FocusOnIsASmoothTransitionEndingExactlyOnThePoint) {
    OrbitController orbit(startCamera(), wideLimits());
    const glm::vec3 point(4.0f, 1.0f, -3.0f);
    orbit.focusOn(point, 6.0f);
    EXPECT_TRUE(orbit.transitioning());
    EXPECT_EQ(orbit.camera().target, startCamera().target); // nothing jumps on the call itself
    glm::vec3 previousEye = orbit.camera().position();
    const float eyeTravel = glm::length(CameraPose::fromOrbit([&] {
                                            OrbitCamera end = startCamera();
                                            end.target = point;
                                            end.distanceM = 6.0f;
                                            return end;
                                        }())
                                                .positionM -
                                        previousEye);
    float maxStep = 0.0f;
    int frames = 0;
    while (orbit.transitioning() && frames < 1000) {
        orbit.update(1.0f / 60.0f);
        maxStep = std::max(maxStep, glm::length(orbit.camera().position() - previousEye));
        previousEye = orbit.camera().position();
        ++frames;
    }
    EXPECT_GT(frames, 10);
    EXPECT_LT(maxStep, eyeTravel * 0.2f); // many small steps, no jump
    EXPECT_EQ(orbit.camera().target, point);
    EXPECT_EQ(orbit.camera().distanceM, 6.0f);
    EXPECT_FLOAT_EQ(orbit.camera().yawDeg, 30.0f);
}

TEST(OrbitController, GestureDuringTransitionTakesOverWithoutAJump) {
    OrbitController orbit(startCamera(), wideLimits());
    orbit.focusOn({10.0f, 2.0f, 0.0f});
    orbit.update(0.2f);
    const OrbitCamera mid = orbit.camera();
    orbit.handle(InputEvent::mouseDown(MouseButton::Left, {100, 100}, 0.0), kViewport);
    orbit.handle(InputEvent::mouseMove({101, 100}, 0.01), kViewport);
    EXPECT_FALSE(orbit.transitioning());
    EXPECT_LT(glm::length(orbit.camera().target - mid.target), 1e-5f);
    orbit.update(1.0f);
    EXPECT_LT(glm::length(orbit.camera().target - mid.target), 1e-5f);
}

namespace {
// A one-finger flick to the right: 20 px every 1/60 s (1200 px/s), lifted while moving.
void flick(OrbitController& orbit, double t0, double liftDelaySeconds) {
    glm::vec2 px(400, 400);
    orbit.handle(InputEvent::touchDown(9, px, t0), kViewport);
    double t = t0;
    for (int i = 0; i < 6; ++i) {
        t += 1.0 / 60.0;
        px.x += 20.0f;
        orbit.handle(InputEvent::touchMove(9, px, t), kViewport);
    }
    orbit.handle(InputEvent::touchUp(9, px, t + liftDelaySeconds), kViewport);
}
} // namespace

TEST(OrbitController, FlickKeepsSpinningThenStops) {
    OrbitController orbit(startCamera(), wideLimits());
    flick(orbit, 0.0, 0.0);
    const float yawAtRelease = orbit.camera().yawDeg;
    ASSERT_TRUE(orbit.spinning());
    float previous = yawAtRelease;
    float firstStep = 0.0f;
    for (int i = 0; i < 600 && orbit.spinning(); ++i) {
        orbit.update(1.0f / 60.0f);
        const float step = previous - orbit.camera().yawDeg; // rightward: yaw decreases
        ASSERT_GT(step, 0.0f) << "frame " << i;
        if (i == 0) {
            firstStep = step;
        } else {
            ASSERT_LE(step, firstStep * 1.0001f) << "frame " << i; // slowing down
        }
        previous = orbit.camera().yawDeg;
    }
    EXPECT_FALSE(orbit.spinning());
    // The whole spin is at most speed / decay pixels' worth of rotation.
    const float k = orbit.settings().rotateDegPerPixel;
    const float spun = yawAtRelease - orbit.camera().yawDeg;
    EXPECT_GT(spun, 0.5f * 1200.0f / orbit.settings().inertiaDecayPerSecond * k);
    EXPECT_LE(spun, 1.01f * 1200.0f / orbit.settings().inertiaDecayPerSecond * k);
}

TEST(OrbitController, SpinDoesNotDependOnFrameRate) {
    float spun[2] = {0.0f, 0.0f};
    const float frameSeconds[2] = {1.0f / 30.0f, 1.0f / 144.0f};
    for (int f = 0; f < 2; ++f) {
        OrbitController orbit(startCamera(), wideLimits());
        flick(orbit, 0.0, 0.0);
        const float atRelease = orbit.camera().yawDeg;
        for (int i = 0; i < 5000 && orbit.spinning(); ++i) {
            orbit.update(frameSeconds[f]);
        }
        spun[f] = atRelease - orbit.camera().yawDeg;
    }
    EXPECT_GT(spun[0], 1.0f);
    EXPECT_NEAR(spun[0], spun[1], 0.01f * spun[0]);
}

TEST(OrbitController, NoSpinAfterRestingOrWhenCaughtOrDisabled) {
    OrbitController resting(startCamera(), wideLimits());
    flick(resting, 0.0, 0.3); // the finger stopped before lifting
    EXPECT_FALSE(resting.spinning());

    OrbitController caught(startCamera(), wideLimits());
    flick(caught, 0.0, 0.0);
    caught.update(0.1f);
    caught.handle(InputEvent::touchDown(2, {100, 100}, 0.2), kViewport);
    EXPECT_FALSE(caught.spinning());
    const float yaw = caught.camera().yawDeg;
    caught.update(0.5f);
    EXPECT_EQ(caught.camera().yawDeg, yaw);

    OrbitSettings settings;
    settings.inertia = false;
    OrbitController off(startCamera(), wideLimits(), settings);
    flick(off, 0.0, 0.0);
    EXPECT_FALSE(off.spinning());
}

TEST(OrbitController, SpinRespectsPitchLimits) {
    OrbitController orbit(startCamera(), wideLimits());
    // A fast downward flick: pitch runs into its limit and stays there.
    orbit.handle(InputEvent::mouseDown(MouseButton::Left, {600, 100}, 0.0), kViewport);
    for (int i = 1; i <= 4; ++i) {
        orbit.handle(
                InputEvent::mouseMove({600.0f, 100.0f + 40.0f * static_cast<float>(i)}, i / 60.0),
                kViewport);
    }
    orbit.handle(InputEvent::mouseUp(MouseButton::Left, {600, 260}, 4 / 60.0), kViewport);
    for (int i = 0; i < 300; ++i) {
        orbit.update(1.0f / 60.0f);
        ASSERT_LE(orbit.camera().pitchDeg, 80.0f);
    }
    EXPECT_FLOAT_EQ(orbit.camera().pitchDeg, 80.0f);
}

TEST(OrbitLimitsTest, ClampKeepsTheEyeAboveTheGround) {
    OrbitLimits limits;
    limits.groundHeightM = 0.0f;
    limits.minPitchDeg = -40.0f;
    OrbitCamera cam;
    cam.target = {0.0f, 0.5f, 0.0f};
    cam.distanceM = 20.0f;
    cam.pitchDeg = -40.0f; // would put the eye 12 m underground
    const OrbitCamera clamped = clampToLimits(cam, limits);
    EXPECT_GE(clamped.position().y, limits.groundHeightM + limits.eyeClearanceM - 1e-4f);
    EXPECT_GT(clamped.pitchDeg, -40.0f);
    EXPECT_LT(clamped.pitchDeg, 0.0f); // raised only as much as needed
    EXPECT_TRUE(withinLimits(clamped, limits));
    EXPECT_FALSE(withinLimits(cam, limits));
    // A target below the ground comes up to it.
    cam.target.y = -3.0f;
    EXPECT_GE(clampToLimits(cam, limits).target.y, 0.0f);
    // Non-finite values are replaced, not propagated.
    cam.distanceM = std::nanf("");
    cam.yawDeg = INFINITY;
    EXPECT_TRUE(withinLimits(clampToLimits(cam, limits), limits));
}

TEST(OrbitLimitsTest, TargetStaysInsideBounds) {
    OrbitLimits limits = wideLimits();
    limits.targetBounds = Bounds3{{-1.0f, 0.0f, -1.0f}, {1.0f, 3.0f, 1.0f}};
    OrbitController orbit(startCamera(), limits);
    orbit.handle(InputEvent::mouseDown(MouseButton::Right, {640, 360}, 0.0), kViewport);
    orbit.handle(InputEvent::mouseMove({5000, -4000}, 0.1), kViewport);
    const glm::vec3 t = orbit.camera().target;
    EXPECT_LE(t.x, 1.0f);
    EXPECT_GE(t.x, -1.0f);
    EXPECT_LE(t.y, 3.0f);
    EXPECT_GE(t.z, -1.0f);
    EXPECT_LE(t.z, 1.0f);
}

// 10,000 random events (mouse, wheel, touch with up to three fingers, focus requests, updates),
// including positions far outside the viewport. After every one the limits must hold, checked
// here independently of withinLimits().
TEST(OrbitControllerProperty, LimitsHoldOverTenThousandRandomGestures) {
    OrbitLimits limits;
    limits.minDistanceM = 0.8f;
    limits.maxDistanceM = 40.0f;
    limits.minPitchDeg = -15.0f;
    limits.maxPitchDeg = 75.0f;
    limits.groundHeightM = 0.0f;
    limits.eyeClearanceM = 0.05f;
    limits.targetBounds = Bounds3{{-8.0f, 0.0f, -12.0f}, {8.0f, 6.0f, 12.0f}};
    OrbitCamera start = startCamera();
    start.distanceM = 12.0f;
    OrbitController orbit(start, limits);

    std::mt19937 rng(20261128u);
    auto uniform = [&](float lo, float hi) {
        return lo + (hi - lo) * static_cast<float>(rng() % 1000001u) / 1000000.0f;
    };
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    double t = 0.0;
    int changed = 0;
    int minEyeCases = 0;
    for (int i = 0; i < 10000; ++i) {
        t += uniform(0.0f, 0.2f);
        const glm::vec2 px(uniform(-400.0f, 1700.0f), uniform(-300.0f, 1000.0f));
        const OrbitCamera before = orbit.camera();
        switch (pick(9)) {
            case 0:
                orbit.handle(InputEvent::mouseDown(static_cast<MouseButton>(1 + pick(3)), px, t),
                             kViewport);
                break;
            case 1:
            case 2:
                orbit.handle(InputEvent::mouseMove(px, t), kViewport);
                break;
            case 3:
                orbit.handle(InputEvent::mouseUp(static_cast<MouseButton>(1 + pick(3)), px, t),
                             kViewport);
                break;
            case 4:
                orbit.handle(InputEvent::wheel(uniform(-6.0f, 6.0f), px, t), kViewport);
                break;
            case 5:
                orbit.handle(InputEvent::touchDown(pick(3), px, t), kViewport);
                break;
            case 6:
                orbit.handle(InputEvent::touchMove(pick(3), px, t), kViewport);
                break;
            case 7:
                orbit.handle(InputEvent::touchUp(pick(3), px, t), kViewport);
                break;
            default:
                if (pick(4) == 0) {
                    orbit.focusOn(
                            {uniform(-20.0f, 20.0f), uniform(-5.0f, 10.0f), uniform(-20.0f, 20.0f)},
                            uniform(0.1f, 80.0f));
                } else {
                    orbit.update(uniform(0.0f, 0.1f));
                }
                break;
        }
        const OrbitCamera& c = orbit.camera();
        changed += (c.target != before.target || c.distanceM != before.distanceM ||
                    c.yawDeg != before.yawDeg || c.pitchDeg != before.pitchDeg)
                           ? 1
                           : 0;
        ASSERT_TRUE(std::isfinite(c.distanceM) && std::isfinite(c.pitchDeg) &&
                    std::isfinite(c.yawDeg))
                << "event " << i;
        ASSERT_GE(c.distanceM, limits.minDistanceM * 0.9999f) << "event " << i;
        ASSERT_LE(c.distanceM, limits.maxDistanceM * 1.0001f) << "event " << i;
        ASSERT_GE(c.pitchDeg, limits.minPitchDeg - 1e-3f) << "event " << i;
        ASSERT_LE(c.pitchDeg, limits.maxPitchDeg + 1e-3f) << "event " << i;
        ASSERT_GE(c.position().y, limits.groundHeightM) << "event " << i;
        ASSERT_GE(c.target.x, -8.0f - 1e-4f);
        ASSERT_LE(c.target.x, 8.0f + 1e-4f);
        ASSERT_GE(c.target.y, 0.0f);
        ASSERT_LE(c.target.y, 6.0f + 1e-4f);
        ASSERT_GE(c.target.z, -12.0f - 1e-4f);
        ASSERT_LE(c.target.z, 12.0f + 1e-4f);
        minEyeCases += c.position().y < 0.5f ? 1 : 0;
    }
    // The walk really explored: the camera moved often, and came close to the ground.
    EXPECT_GT(changed, 3000);
    EXPECT_GT(minEyeCases, 0);
}
