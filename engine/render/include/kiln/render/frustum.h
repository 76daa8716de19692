// Frustum: the six planes of a view-projection matrix, for culling axis-aligned boxes.
#pragma once

#include <glm/glm.hpp>

#include <array>

namespace kiln::render {

class Frustum {
public:
    // Planes from a view-projection matrix (Gribb and Hartmann's extraction), normalised,
    // pointing inwards.
    explicit Frustum(const glm::mat4& viewProjection);

    // False only when the box is certainly outside (conservative: may keep boxes near corners).
    bool intersects(const glm::vec3& boxMin, const glm::vec3& boxMax) const;

private:
    std::array<glm::vec4, 6> mPlanes;
};

// World-space box of a local box under a transform (the box of its eight transformed corners).
void transformBox(const glm::mat4& transform, const glm::vec3& localMin, const glm::vec3& localMax,
                  glm::vec3& worldMin, glm::vec3& worldMax);

} // namespace kiln::render
