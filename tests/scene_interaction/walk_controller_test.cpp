// WalkController: eye height over sloping ground, heading, speed, bounds and drag-look.
#include "kiln/scene/walk_controller.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace kiln::scene;

namespace {
const Viewport kViewport{1280.0f, 720.0f};

// A dragon kiln climbs its hillside: about 10 degrees along -Z, with a ripple across it.
float hillside(float x, float z) {
    return -0.176f * z + 0.2f * std::sin(x);
}
} // namespace

TEST(WalkController, EyeStaysAtEyeHeightAboveASlope) {
    WalkController walk(hillside);
    walk.placeAt(0.5f, 0.0f, 0.0f);
    EXPECT_NEAR(walk.eyePositionM().y, hillside(0.5f, 0.0f) + 1.6f, 1e-5f);
    walk.setMoveInput({0.3f, 1.0f}); // forward and a little to the right
    for (int i = 0; i < 600; ++i) {
        walk.update(1.0f / 60.0f);
        const glm::vec3 eye = walk.eyePositionM();
        ASSERT_NEAR(eye.y, hillside(eye.x, eye.z) + 1.6f, 1e-4f) << "frame " << i;
    }
    // Walking up the slope (towards -Z) raised the eye.
    EXPECT_GT(walk.eyePositionM().y, hillside(0.5f, 0.0f) + 1.6f + 1.0f);
}

TEST(WalkController, MovesAlongTheHeadingAtWalkingSpeed) {
    WalkController walk([](float, float) { return 0.0f; });
    walk.placeAt(0.0f, 0.0f, 0.0f, 30.0f); // looking down does not slow the walk
    walk.setMoveInput({0.0f, 1.0f});
    walk.update(2.0f);
    EXPECT_NEAR(walk.eyePositionM().z, -2.0f * walk.settings().walkSpeedMPerSecond, 1e-4f);
    EXPECT_NEAR(walk.eyePositionM().x, 0.0f, 1e-5f);
    // Yaw 90 faces -X; strafing right then goes to -Z.
    walk.placeAt(0.0f, 0.0f, 90.0f);
    walk.setMoveInput({1.0f, 0.0f});
    walk.update(1.0f);
    EXPECT_NEAR(walk.eyePositionM().z, -walk.settings().walkSpeedMPerSecond, 1e-4f);
    EXPECT_NEAR(walk.eyePositionM().x, 0.0f, 1e-4f);
    // A diagonal stick is not faster than a straight one.
    walk.placeAt(0.0f, 0.0f, 0.0f);
    walk.setMoveInput({1.0f, 1.0f});
    walk.update(1.0f);
    EXPECT_NEAR(glm::length(glm::vec2(walk.eyePositionM().x, walk.eyePositionM().z)),
                walk.settings().walkSpeedMPerSecond, 1e-4f);
}

TEST(WalkController, CannotLeaveTheBounds) {
    WalkSettings settings;
    settings.boundsMinXZ = glm::vec2(-3.0f, -20.0f);
    settings.boundsMaxXZ = glm::vec2(3.0f, 2.0f);
    WalkController walk(hillside, settings);
    walk.placeAt(0.0f, 0.0f, 30.0f);
    walk.setMoveInput({0.2f, 1.0f});
    for (int i = 0; i < 3000; ++i) {
        walk.update(1.0f / 30.0f);
        const glm::vec3 eye = walk.eyePositionM();
        ASSERT_GE(eye.x, -3.0f);
        ASSERT_LE(eye.x, 3.0f);
        ASSERT_GE(eye.z, -20.0f);
        ASSERT_LE(eye.z, 2.0f);
        ASSERT_NEAR(eye.y, hillside(eye.x, eye.z) + 1.6f, 1e-4f);
    }
    EXPECT_FLOAT_EQ(walk.eyePositionM().x, -3.0f); // yaw 30 heads to -X: it reached the wall
}

TEST(WalkController, DragLooksRoundWithinPitchLimits) {
    WalkController walk;
    walk.placeAt(0.0f, 0.0f, 0.0f);
    walk.handle(InputEvent::mouseDown(MouseButton::Left, {600, 300}, 0.0), kViewport);
    EXPECT_TRUE(walk.handle(InputEvent::mouseMove({650, 300}, 0.1), kViewport));
    EXPECT_NEAR(walk.yawDeg(), 50.0f * walk.settings().lookDegPerPixel, 1e-4f);
    walk.handle(InputEvent::mouseMove({650, -5000}, 0.2), kViewport);
    EXPECT_FLOAT_EQ(walk.pitchDeg(), walk.settings().maxPitchDeg);
    walk.handle(InputEvent::mouseUp(MouseButton::Left, {650, -5000}, 0.3), kViewport);
    EXPECT_FALSE(walk.handle(InputEvent::mouseMove({0, 0}, 0.4), kViewport)); // released
    // The pose looks where yaw and pitch say, from the eye.
    const CameraPose pose = walk.pose();
    EXPECT_EQ(pose.positionM, walk.eyePositionM());
    EXPECT_LT(pose.forward().y, 0.0f); // pitched down (positive pitch)
}

TEST(WalkController, NonFiniteGroundKeepsTheLastHeight) {
    WalkController walk([](float x, float) { return x > 1.0f ? std::nanf("") : 0.5f; });
    walk.placeAt(0.0f, 0.0f, -90.0f); // faces +X
    walk.setMoveInput({0.0f, 1.0f});
    walk.update(2.0f);
    EXPECT_GT(walk.eyePositionM().x, 1.0f);
    EXPECT_FLOAT_EQ(walk.eyePositionM().y, 2.1f);
}
