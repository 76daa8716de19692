// Frustum culling maths.
#include "kiln/render/frustum.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

using kiln::render::Frustum;

namespace {
Frustum lookingDownMinusZ() {
    const glm::mat4 proj = glm::perspective(glm::radians(60.0f), 1.0f, 0.1f, 100.0f);
    const glm::mat4 view = glm::lookAt(glm::vec3(0), glm::vec3(0, 0, -1), glm::vec3(0, 1, 0));
    return Frustum(proj * view);
}
} // namespace

TEST(Frustum, KeepsBoxesInFrontAndRejectsOthers) {
    const Frustum f = lookingDownMinusZ();
    EXPECT_TRUE(f.intersects({-1, -1, -11}, {1, 1, -9}));     // straight ahead
    EXPECT_FALSE(f.intersects({-1, -1, 9}, {1, 1, 11}));      // behind
    EXPECT_FALSE(f.intersects({-1, -1, -200}, {1, 1, -150})); // beyond the far plane
    EXPECT_FALSE(f.intersects({30, -1, -11}, {32, 1, -9}));   // far to the right (60 deg fov)
    EXPECT_TRUE(
            f.intersects({5, -1, -11}, {7, 1, -9})); // inside the right edge (tan 30 * 10 = 5.8)
    EXPECT_TRUE(f.intersects({-500, -500, -50}, {500, 500, -40})); // much larger than the view
}

TEST(Frustum, TransformedBoxContainsEveryTransformedCorner) {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), {3, -2, 5});
    m = glm::rotate(m, 0.7f, glm::normalize(glm::vec3(1, 2, 3)));
    m = glm::scale(m, {2.0f, 0.5f, 1.5f});
    glm::vec3 lo;
    glm::vec3 hi;
    kiln::render::transformBox(m, {-1, -2, -3}, {1, 2, 3}, lo, hi);
    for (int c = 0; c < 8; ++c) {
        const glm::vec3 local((c & 1) ? 1 : -1, (c & 2) ? 2 : -2, (c & 4) ? 3 : -3);
        const glm::vec3 p = glm::vec3(m * glm::vec4(local, 1.0f));
        for (int a = 0; a < 3; ++a) {
            EXPECT_GE(p[a], lo[a] - 1e-4f);
            EXPECT_LE(p[a], hi[a] + 1e-4f);
        }
    }
}
