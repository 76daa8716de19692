// Screen rays and projection, computed from the pose's basis rather than by inverting a
// view-projection matrix, which loses precision in float when far/near is large.
#include "kiln/scene/screen_ray.h"

#include <cmath>

namespace kiln::scene {

Ray screenRay(const CameraPose& pose, const Viewport& viewport, glm::vec2 px) {
    const float tanHalf = std::tan(glm::radians(pose.fovYDeg) * 0.5f);
    const float ndcX = viewport.widthPx > 0.0f ? 2.0f * px.x / viewport.widthPx - 1.0f : 0.0f;
    const float ndcY = viewport.heightPx > 0.0f ? 1.0f - 2.0f * px.y / viewport.heightPx : 0.0f;
    const glm::vec3 dir = pose.forward() + pose.right() * (ndcX * tanHalf * viewport.aspect()) +
                          pose.up() * (ndcY * tanHalf);
    return {pose.positionM, glm::normalize(dir)};
}

std::optional<glm::vec2> worldToScreen(const CameraPose& pose, const Viewport& viewport,
                                       glm::vec3 pointM) {
    if (!viewport.valid()) {
        return std::nullopt;
    }
    const glm::vec3 rel = pointM - pose.positionM;
    const float depth = glm::dot(rel, pose.forward());
    if (!(depth > 1e-6f)) {
        return std::nullopt;
    }
    const float tanHalf = std::tan(glm::radians(pose.fovYDeg) * 0.5f);
    const float ndcX = glm::dot(rel, pose.right()) / (depth * tanHalf * viewport.aspect());
    const float ndcY = glm::dot(rel, pose.up()) / (depth * tanHalf);
    return glm::vec2((ndcX + 1.0f) * 0.5f * viewport.widthPx,
                     (1.0f - ndcY) * 0.5f * viewport.heightPx);
}

} // namespace kiln::scene
