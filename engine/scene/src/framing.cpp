// Framing maths: a sphere of radius r is inside a symmetric view cone of half-angle a when the
// distance to its centre is at least r / sin(a); we use the narrower of the vertical and the
// horizontal half-angles.
#include "kiln/scene/framing.h"

#include <algorithm>
#include <cmath>

namespace kiln::scene {

namespace {

struct SafeBounds {
    glm::vec3 minM;
    glm::vec3 maxM;
};

SafeBounds safeBounds(glm::vec3 lo, glm::vec3 hi) {
    const bool finiteAll = std::isfinite(lo.x) && std::isfinite(lo.y) && std::isfinite(lo.z) &&
                           std::isfinite(hi.x) && std::isfinite(hi.y) && std::isfinite(hi.z);
    if (!finiteAll || lo.x > hi.x || lo.y > hi.y || lo.z > hi.z) {
        return {glm::vec3(-0.5f), glm::vec3(0.5f)};
    }
    return {lo, hi};
}

float radiusOf(const SafeBounds& b) {
    // A flat or point-like model still gets a sensible size.
    return std::max(glm::length(b.maxM - b.minM) * 0.5f, 1e-3f);
}

float framingDistance(float radiusM, const FramingOptions& options) {
    const float fovY = glm::radians(std::clamp(options.fovYDeg, 1.0f, 170.0f));
    const float aspect = options.aspect > 0.0f ? options.aspect : 1.0f;
    const float halfY = fovY * 0.5f;
    const float halfX = std::atan(std::tan(halfY) * aspect);
    const float half = std::min(halfX, halfY);
    return radiusM / std::sin(half) * std::max(options.margin, 1.0f);
}

} // namespace

OrbitCamera frameBounds(glm::vec3 boundsMinM, glm::vec3 boundsMaxM, const FramingOptions& options) {
    const SafeBounds b = safeBounds(boundsMinM, boundsMaxM);
    const float radiusM = radiusOf(b);
    OrbitCamera camera;
    camera.target = (b.minM + b.maxM) * 0.5f;
    camera.distanceM = framingDistance(radiusM, options);
    camera.yawDeg = options.yawDeg;
    camera.pitchDeg = options.pitchDeg;
    camera.fovYDeg = std::clamp(options.fovYDeg, 1.0f, 170.0f);
    // Near: small against the closest allowed distance; far: beyond the farthest allowed eye plus
    // the model's far side.
    const OrbitLimits limits = limitsForBounds(boundsMinM, boundsMaxM, options);
    camera.nearM = std::max(limits.minDistanceM * 0.1f, 1e-4f);
    camera.farM = limits.maxDistanceM + 2.0f * radiusM;
    return camera;
}

OrbitLimits limitsForBounds(glm::vec3 boundsMinM, glm::vec3 boundsMaxM,
                            const FramingOptions& options) {
    const SafeBounds b = safeBounds(boundsMinM, boundsMaxM);
    const float radiusM = radiusOf(b);
    OrbitLimits limits;
    limits.minDistanceM = radiusM * 0.05f;
    limits.maxDistanceM = framingDistance(radiusM, options) * 4.0f;
    limits.minPitchDeg = -10.0f;
    limits.maxPitchDeg = 85.0f;
    limits.groundHeightM = b.minM.y;
    limits.eyeClearanceM = std::min(0.05f, radiusM * 0.01f);
    limits.targetBounds = Bounds3{b.minM, b.maxM};
    return limits;
}

} // namespace kiln::scene
