// CameraTransition: easing, midpoints, exact arrival, the short way round, no flip, durations.
#include "kiln/scene/camera_transition.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace kiln::scene;

namespace {

CameraPose poseAt(glm::vec3 p, float yaw, float pitch, float focus = 5.0f) {
    CameraPose pose;
    pose.positionM = p;
    pose.yawDeg = yaw;
    pose.pitchDeg = pitch;
    pose.focusDistanceM = focus;
    return pose;
}

// Runs the transition to its end in frames of dt and returns the largest eye step.
float runToEnd(CameraTransition& tr, float dt, int* frames = nullptr) {
    float maxStep = 0.0f;
    glm::vec3 eye = tr.pose().positionM;
    int n = 0;
    while (!tr.finished() && n < 100000) {
        tr.update(dt);
        maxStep = std::max(maxStep, glm::length(tr.pose().positionM - eye));
        eye = tr.pose().positionM;
        ++n;
    }
    if (frames != nullptr) {
        *frames = n;
    }
    return maxStep;
}

} // namespace

TEST(Easing, EaseInOutCubicHasFixedPointsAndFlatEnds) {
    EXPECT_EQ(easeInOutCubic(0.0f), 0.0f);
    EXPECT_EQ(easeInOutCubic(1.0f), 1.0f);
    EXPECT_FLOAT_EQ(easeInOutCubic(0.5f), 0.5f);
    EXPECT_EQ(easeInOutCubic(-1.0f), 0.0f);
    EXPECT_EQ(easeInOutCubic(2.0f), 1.0f);
    // Slope ~0 at both ends, and monotonic in between.
    EXPECT_LT(easeInOutCubic(1e-3f) / 1e-3f, 1e-2f);
    EXPECT_LT((1.0f - easeInOutCubic(1.0f - 1e-3f)) / 1e-3f, 1e-2f);
    float previous = 0.0f;
    for (int i = 1; i <= 1000; ++i) {
        const float v = easeInOutCubic(static_cast<float>(i) / 1000.0f);
        EXPECT_GE(v, previous);
        previous = v;
    }
}

TEST(CameraTransition, StraightMidpointIsHalfWayAndEndIsExact) {
    const CameraPose a = poseAt({0, 2, 10}, 10.0f, 5.0f, 4.0f);
    const CameraPose b = poseAt({6, 1, -2}, 50.0f, 25.0f, 8.0f);
    TransitionSettings settings;
    settings.path = TransitionPath::Straight;
    CameraTransition tr(a, b, settings);
    ASSERT_GT(tr.durationSeconds(), 0.0f);
    tr.update(tr.durationSeconds() * 0.5f);
    const CameraPose mid = tr.pose();
    const glm::vec3 expected = (a.positionM + b.positionM) * 0.5f;
    EXPECT_LT(glm::length(mid.positionM - expected), 1e-5f);
    EXPECT_NEAR(mid.yawDeg, 30.0f, 1e-3f);
    EXPECT_NEAR(mid.pitchDeg, 15.0f, 1e-3f);
    tr.update(tr.durationSeconds()); // overshooting time stops at the end
    EXPECT_TRUE(tr.finished());
    const CameraPose end = tr.pose();
    EXPECT_EQ(end.positionM, b.positionM);
    EXPECT_EQ(end.yawDeg, b.yawDeg);
    EXPECT_EQ(end.pitchDeg, b.pitchDeg);
    EXPECT_EQ(end.focusDistanceM, b.focusDistanceM);
    EXPECT_EQ(end.fovYDeg, b.fovYDeg);
}

TEST(CameraTransition, OrbitPathMovesTheFocusPointHalfWayAndSwingsRound) {
    // Two views of the same object from opposite sides: the focus stays on the object and the eye
    // keeps its distance instead of cutting through the object.
    OrbitCamera from;
    from.target = {0, 1, 0};
    from.distanceM = 10.0f;
    from.yawDeg = 0.0f;
    from.pitchDeg = 10.0f;
    OrbitCamera to = from;
    to.target = {2, 1, 0};
    to.yawDeg = 160.0f;
    CameraTransition tr(CameraPose::fromOrbit(from), CameraPose::fromOrbit(to));
    tr.update(tr.durationSeconds() * 0.5f);
    const CameraPose mid = tr.pose();
    EXPECT_LT(glm::length(mid.focusPointM() - glm::vec3(1, 1, 0)), 1e-4f);
    EXPECT_NEAR(mid.focusDistanceM, 10.0f, 1e-4f);
    EXPECT_NEAR(glm::length(mid.positionM - mid.focusPointM()), 10.0f, 1e-3f);
    EXPECT_NEAR(mid.yawDeg, 80.0f, 1e-3f);
}

TEST(CameraTransition, YawGoesTheShortWayRound) {
    const CameraPose a = poseAt({0, 0, 0}, 170.0f, 0.0f);
    const CameraPose b = poseAt({0, 0, 0}, -170.0f, 0.0f);
    const CameraPose mid = CameraTransition::interpolate(a, b, 0.5f, TransitionPath::Straight);
    EXPECT_NEAR(std::abs(mid.yawDeg), 180.0f, 1e-3f); // through 180, not through 0
    const CameraPose quarter = CameraTransition::interpolate(a, b, 0.25f, TransitionPath::Straight);
    EXPECT_NEAR(quarter.yawDeg, 175.0f, 1e-3f);
}

TEST(CameraTransition, OppositeViewsNeverFlipOrRoll) {
    // A great-circle slerp between these two level views would pass through straight up or down.
    const CameraPose a = poseAt({0, 1.6f, 0}, 0.0f, 0.0f);
    const CameraPose b = poseAt({0, 1.6f, 0}, 179.9f, 0.0f);
    for (int i = 0; i <= 100; ++i) {
        const CameraPose p = CameraTransition::interpolate(a, b, static_cast<float>(i) / 100.0f,
                                                           TransitionPath::Straight);
        EXPECT_NEAR(p.forward().y, 0.0f, 1e-5f);
        EXPECT_NEAR(p.up().y, 1.0f, 1e-5f); // no roll
        EXPECT_NEAR(p.right().y, 0.0f, 1e-6f);
        EXPECT_NEAR(glm::length(p.forward()), 1.0f, 1e-5f);
    }
}

TEST(CameraTransition, NoJumpsFrameToFrame) {
    const CameraPose a = poseAt({0, 2, 20}, 0.0f, 10.0f, 20.0f);
    const CameraPose b = poseAt({15, 3, -5}, 90.0f, 30.0f, 6.0f);
    TransitionSettings settings;
    settings.path = TransitionPath::Straight;
    CameraTransition tr(a, b, settings);
    const float travel = glm::length(b.positionM - a.positionM);
    const float dt = 1.0f / 60.0f;
    int frames = 0;
    const float maxStep = runToEnd(tr, dt, &frames);
    // The cubic's steepest slope is 3 (at the middle): no frame moves more than that allows.
    EXPECT_LE(maxStep, 3.0f * travel * dt / tr.durationSeconds() * 1.01f);
    EXPECT_GT(frames, 20);
}

TEST(CameraTransition, DurationGrowsWithDistanceWithinBounds) {
    TransitionSettings s;
    const CameraPose a = poseAt({0, 0, 0}, 0.0f, 0.0f);
    EXPECT_EQ(CameraTransition::durationFor(a, a, s), 0.0f);
    const float near = CameraTransition::durationFor(a, poseAt({1, 0, 0}, 0.0f, 0.0f), s);
    const float far = CameraTransition::durationFor(a, poseAt({8, 0, 0}, 0.0f, 0.0f), s);
    const float huge = CameraTransition::durationFor(a, poseAt({5000, 0, 0}, 0.0f, 0.0f), s);
    const float tiny = CameraTransition::durationFor(a, poseAt({0.001f, 0, 0}, 0.0f, 0.0f), s);
    EXPECT_GT(far, near);
    EXPECT_EQ(huge, s.maxDurationSeconds);
    EXPECT_EQ(tiny, s.minDurationSeconds);
    // Turning on the spot takes time too.
    EXPECT_GT(CameraTransition::durationFor(a, poseAt({0, 0, 0}, 120.0f, 0.0f), s),
              s.minDurationSeconds);
}

TEST(CameraTransition, ZeroDurationIsFinishedAtTheTarget) {
    const CameraPose a = poseAt({1, 2, 3}, 10.0f, 5.0f);
    CameraTransition tr(a, a);
    EXPECT_TRUE(tr.finished());
    EXPECT_EQ(tr.pose().positionM, a.positionM);
    EXPECT_EQ(tr.progress(), 1.0f);
}

TEST(CameraPose, RoundTripsThroughOrbitCamera) {
    OrbitCamera cam;
    cam.target = {1.0f, 2.0f, -3.0f};
    cam.distanceM = 7.0f;
    cam.yawDeg = -65.0f;
    cam.pitchDeg = 33.0f;
    const CameraPose pose = CameraPose::fromOrbit(cam);
    EXPECT_LT(glm::length(pose.focusPointM() - cam.target), 1e-5f);
    const OrbitCamera back = pose.toOrbit(cam);
    EXPECT_LT(glm::length(back.position() - cam.position()), 1e-5f);
    // Same view matrix as the orbit camera's own.
    const glm::mat4 v1 = cam.view();
    const glm::mat4 v2 = pose.view();
    for (int c = 0; c < 4; ++c) {
        for (int r = 0; r < 4; ++r) {
            EXPECT_NEAR(v1[c][r], v2[c][r], 1e-5f);
        }
    }
    // The quaternion maps the camera's -Z to the view direction and +Y to up.
    const glm::quat q = pose.orientation();
    EXPECT_LT(glm::length(q * glm::vec3(0, 0, -1) - pose.forward()), 1e-5f);
    EXPECT_LT(glm::length(q * glm::vec3(0, 1, 0) - pose.up()), 1e-5f);
}
