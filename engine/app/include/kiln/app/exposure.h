// Exposure that follows what the visitor looks into, as an eye or a camera adapts. With the kiln
// opened (cutaway) while it fires, the hottest row's glow is hundreds of times brighter than the
// daylit site: at the scene's own exposure every row past about 1000 C lands on the flat top of
// the tone curve, so the front at white heat and the rear at yellow read the same. Exposing for
// the fire instead brings the hottest glow to `glowWhiteLuminance` (near the top of the curve) and
// keeps the ratios between the rows (a 1100 C rear is about a tenth of a 1290 C front), so the
// gradient the firing master reads (kilns.md 5: white at the front, yellow further back) shows.
// The adaptation is smooth (an exponential approach in log exposure), never a jump. No GL, no SDL.
#pragma once

#include <glm/vec3.hpp>

namespace kiln::app {

// Luminance (linear radiance units of the renderer) that the hottest visible glow is exposed to.
// Its red channel is then about 6, far past the tone curve's shoulder, and the tonemap's path to
// white (light beyond the curve's range spills into every channel) turns it near white; a row
// with 40 % of its luminance (about 1200 C against 1290 C) reads light yellow, one with 12 %
// (1100 C) orange.
inline constexpr float kGlowWhiteLuminance = 2.0f;

// The exposure for a view: `baseExposure` (the scene's) unless the brightest visible glow,
// exposed by it, would pass `whiteLuminance`; then the exposure that brings it there. Non-finite
// or negative luminance counts as no glow.
float exposureForGlow(float baseExposure, float hottestGlowLuminance,
                      float whiteLuminance = kGlowWhiteLuminance);

// A glow's colour as the view shows it, for swatches and the dashboard's section: linear HDR
// radiance times exposure through the renderer's tone mapping (the path to white and the filmic
// fit of shaders/tonemap.frag.glsl, repeated here because the UI draws with ImGui), encoded as
// sRGB in [0, 1].
glm::vec3 displayedGlow(const glm::vec3& radiance, float exposure);

class ExposureAdaptation {
public:
    // timeConstantSeconds > 0: the time to close about two thirds of the gap in log exposure.
    explicit ExposureAdaptation(float timeConstantSeconds = 0.7f) : mTau(timeConstantSeconds) {}

    // Moves towards `target` by dtSeconds; the first call (or after reset()) starts at it.
    float update(float target, float dtSeconds);
    // The exposure now; `fallback` before the first update.
    float current(float fallback) const { return mStarted ? mExposure : fallback; }
    // Forgets the state: the next update starts at its target (a new scene, a seek).
    void reset() { mStarted = false; }

private:
    float mTau;
    float mExposure = 1.0f;
    bool mStarted = false;
};

} // namespace kiln::app
