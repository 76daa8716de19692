// Frustum plane extraction and box tests.
#include "kiln/render/frustum.h"

#include <cmath>

namespace kiln::render {

Frustum::Frustum(const glm::mat4& m) {
    // Rows of the matrix (glm is column-major: m[col][row]).
    auto row = [&](int r) { return glm::vec4(m[0][r], m[1][r], m[2][r], m[3][r]); };
    mPlanes = {row(3) + row(0), row(3) - row(0), row(3) + row(1),
               row(3) - row(1), row(3) + row(2), row(3) - row(2)};
    for (glm::vec4& p : mPlanes) {
        const float length = glm::length(glm::vec3(p));
        if (length > 0.0f) {
            p /= length;
        }
    }
}

bool Frustum::intersects(const glm::vec3& boxMin, const glm::vec3& boxMax) const {
    for (const glm::vec4& p : mPlanes) {
        // The box corner furthest along the plane normal (the "positive vertex").
        const glm::vec3 v(p.x >= 0.0f ? boxMax.x : boxMin.x, p.y >= 0.0f ? boxMax.y : boxMin.y,
                          p.z >= 0.0f ? boxMax.z : boxMin.z);
        if (glm::dot(glm::vec3(p), v) + p.w < 0.0f) {
            return false;
        }
    }
    return true;
}

void transformBox(const glm::mat4& transform, const glm::vec3& localMin, const glm::vec3& localMax,
                  glm::vec3& worldMin, glm::vec3& worldMax) {
    // Arvo's method: each output extent is the sum of the extreme products per axis.
    const glm::vec3 translation(transform[3]);
    worldMin = translation;
    worldMax = translation;
    for (int col = 0; col < 3; ++col) {
        for (int r = 0; r < 3; ++r) {
            const float a = transform[col][r] * localMin[col];
            const float b = transform[col][r] * localMax[col];
            worldMin[r] += std::fmin(a, b);
            worldMax[r] += std::fmax(a, b);
        }
    }
}

} // namespace kiln::render
