// Orbit camera geometry.
#include "kiln/scene/camera.h"

#include <gtest/gtest.h>

using kiln::scene::OrbitCamera;

TEST(OrbitCamera, PositionIsAtDistanceFromTarget) {
    OrbitCamera cam;
    cam.target = {1.0f, 2.0f, 3.0f};
    cam.distanceM = 7.5f;
    cam.yawDeg = 73.0f;
    cam.pitchDeg = 31.0f;
    EXPECT_NEAR(glm::length(cam.position() - cam.target), 7.5f, 1e-4f);
    EXPECT_GT(cam.position().y, cam.target.y); // positive pitch looks down from above
}

TEST(OrbitCamera, TargetProjectsToScreenCentre) {
    OrbitCamera cam;
    cam.target = {0.0f, 0.5f, 0.0f};
    const glm::vec4 clip = cam.projection(16.0f / 9.0f) * cam.view() * glm::vec4(cam.target, 1.0f);
    EXPECT_NEAR(clip.x / clip.w, 0.0f, 1e-5f);
    EXPECT_NEAR(clip.y / clip.w, 0.0f, 1e-5f);
    EXPECT_GT(clip.w, 0.0f);
}
