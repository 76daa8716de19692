// Framing: every corner of the model's bounds inside the view frustum, for several shapes and
// viewport shapes, and limits that hold for the framed camera.
#include "kiln/scene/framing.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace kiln::scene;

namespace {

struct Case {
    const char* name;
    glm::vec3 minM;
    glm::vec3 maxM;
    float aspect;
};

const Case kCases[] = {
        {"dragon kiln, wide", {-2.0f, 0.0f, -17.0f}, {2.0f, 3.5f, 0.0f}, 16.0f / 9.0f},
        {"dragon kiln, portrait kiosk", {-2.0f, 0.0f, -17.0f}, {2.0f, 3.5f, 0.0f}, 9.0f / 16.0f},
        {"tall chimney", {10.0f, 0.0f, 10.0f}, {12.0f, 20.0f, 12.0f}, 4.0f / 3.0f},
        {"small cup scan", {-0.04f, 0.0f, -0.04f}, {0.04f, 0.09f, 0.04f}, 1.0f},
        {"flat tile", {-0.2f, 0.0f, -0.2f}, {0.2f, 0.0f, 0.2f}, 16.0f / 9.0f},
        {"far from origin", {1000.0f, 50.0f, -2000.0f}, {1010.0f, 55.0f, -1990.0f}, 2.0f},
};

} // namespace

TEST(Framing, AllEightCornersAreInsideTheFrustum) {
    for (const Case& c : kCases) {
        FramingOptions options;
        options.aspect = c.aspect;
        const OrbitCamera cam = frameBounds(c.minM, c.maxM, options);
        const glm::mat4 viewProj = cam.projection(c.aspect) * cam.view();
        float largestNdc = 0.0f;
        for (int i = 0; i < 8; ++i) {
            const glm::vec3 corner((i & 1) ? c.maxM.x : c.minM.x, (i & 2) ? c.maxM.y : c.minM.y,
                                   (i & 4) ? c.maxM.z : c.minM.z);
            const glm::vec4 clip = viewProj * glm::vec4(corner, 1.0f);
            ASSERT_GT(clip.w, 0.0f) << c.name;
            EXPECT_LE(std::abs(clip.x), clip.w) << c.name << " corner " << i;
            EXPECT_LE(std::abs(clip.y), clip.w) << c.name << " corner " << i;
            EXPECT_LE(std::abs(clip.z), clip.w) << c.name << " corner " << i;
            largestNdc =
                    std::max(largestNdc, std::max(std::abs(clip.x), std::abs(clip.y)) / clip.w);
        }
        // Framed, not lost in the distance: the model spans a fair part of the view.
        EXPECT_GT(largestNdc, 0.3f) << c.name;
    }
}

TEST(Framing, FramedCameraLooksAtTheCentreAndSatisfiesTheLimits) {
    for (const Case& c : kCases) {
        FramingOptions options;
        options.aspect = c.aspect;
        const OrbitCamera cam = frameBounds(c.minM, c.maxM, options);
        const OrbitLimits limits = limitsForBounds(c.minM, c.maxM, options);
        EXPECT_LT(glm::length(cam.target - (c.minM + c.maxM) * 0.5f), 1e-3f) << c.name;
        EXPECT_TRUE(withinLimits(cam, limits)) << c.name;
        EXPECT_LT(limits.minDistanceM, cam.distanceM) << c.name;
        EXPECT_GT(limits.maxDistanceM, cam.distanceM) << c.name;
        EXPECT_LT(cam.nearM, limits.minDistanceM) << c.name;
        EXPECT_FLOAT_EQ(limits.groundHeightM, c.minM.y) << c.name;
        // Clamping the framed camera changes nothing: the app can hand it to the controller.
        const OrbitCamera clamped = clampToLimits(cam, limits);
        EXPECT_EQ(clamped.target, cam.target) << c.name;
        EXPECT_EQ(clamped.distanceM, cam.distanceM) << c.name;
        EXPECT_EQ(clamped.pitchDeg, cam.pitchDeg) << c.name;
    }
}

TEST(Framing, EmptyOrInvalidBoundsStillGiveAUsableCamera) {
    const OrbitCamera cam = frameBounds(glm::vec3(1.0f), glm::vec3(-1.0f));
    EXPECT_TRUE(std::isfinite(cam.distanceM));
    EXPECT_GT(cam.distanceM, 0.0f);
    const OrbitCamera nan = frameBounds(glm::vec3(std::nanf("")), glm::vec3(1.0f));
    EXPECT_TRUE(std::isfinite(nan.target.x));
}
