#include "kiln/app/exposure.h"

#include <algorithm>
#include <cmath>

namespace kiln::app {

float exposureForGlow(float baseExposure, float hottestGlowLuminance, float whiteLuminance) {
    if (!std::isfinite(baseExposure) || baseExposure <= 0.0f) {
        baseExposure = 1.0f;
    }
    if (!std::isfinite(hottestGlowLuminance) || hottestGlowLuminance <= 0.0f ||
        !std::isfinite(whiteLuminance) || whiteLuminance <= 0.0f) {
        return baseExposure;
    }
    return std::min(baseExposure, whiteLuminance / hottestGlowLuminance);
}

glm::vec3 displayedGlow(const glm::vec3& radiance, float exposure) {
    glm::vec3 exposed;
    for (int i = 0; i < 3; ++i) {
        const float x = radiance[i] * exposure;
        exposed[i] = std::isfinite(x) ? std::max(x, 0.0f) : 0.0f;
    }
    // The path to white: what lies beyond 1 in each channel, a sixth of it added to all three.
    const float spill = (std::max(exposed.r - 1.0f, 0.0f) + std::max(exposed.g - 1.0f, 0.0f) +
                         std::max(exposed.b - 1.0f, 0.0f)) /
                        6.0f;
    glm::vec3 out;
    for (int i = 0; i < 3; ++i) {
        const float x = exposed[i] + spill;
        // Narkowicz's ACES fit, as the tonemap shader applies it.
        const float filmic = std::clamp(
                (x * (2.51f * x + 0.03f)) / (x * (2.43f * x + 0.59f) + 0.14f), 0.0f, 1.0f);
        out[i] = filmic <= 0.0031308f ? filmic * 12.92f
                                      : 1.055f * std::pow(filmic, 1.0f / 2.4f) - 0.055f;
    }
    return out;
}

float ExposureAdaptation::update(float target, float dtSeconds) {
    if (!std::isfinite(target) || target <= 0.0f) {
        return current(1.0f); // a bad target changes nothing
    }
    if (!mStarted) {
        mStarted = true;
        mExposure = target;
        return mExposure;
    }
    const float dt = std::isfinite(dtSeconds) ? std::max(dtSeconds, 0.0f) : 0.0f;
    const float keep = std::exp(-dt / mTau);
    mExposure = std::exp(std::log(target) + (std::log(mExposure) - std::log(target)) * keep);
    return mExposure;
}

} // namespace kiln::app
