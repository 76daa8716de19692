// Smoke and flame effects driven by the firing.
#include "kiln/app/firing_effects.h"

#include "kiln/assets/primitives.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace kiln::app {
namespace {

constexpr int kPuffs = 24;
constexpr int kFlames = 6;

} // namespace

FiringEffects::FiringEffects(render::Renderer& renderer, const glm::vec3& chimneyTopM,
                             float chimneyTopRadiusM, const glm::vec3& fireboxM)
    : mRenderer(renderer), mChimneyTopM(chimneyTopM), mChimneyRadiusM(chimneyTopRadiusM),
      mFireboxM(fireboxM) {
    assets::ModelData smoke = assets::makeSphereModel(1.0f, 12, 8, {0.5f, 0.5f, 0.5f, 0.35f});
    smoke.instances.assign(kPuffs, smoke.instances.front());
    mSmoke = mRenderer.addModel(smoke);
    mRenderer.setModelCastsShadows(mSmoke, false);
    assets::ModelData flames = assets::makeSphereModel(1.0f, 10, 6, {0.0f, 0.0f, 0.0f, 1.0f});
    flames.instances.assign(kFlames, flames.instances.front());
    mFlames = mRenderer.addModel(flames);
    mRenderer.setModelCastsShadows(mFlames, false);
    mPuffs.resize(kPuffs);
    for (int i = 0; i < kPuffs; ++i) {
        // Staggered ages so the column is continuous from the start; fixed drift directions
        // (deterministic, so screenshots are reproducible).
        Puff& p = mPuffs[static_cast<std::size_t>(i)];
        p.ageSeconds = p.lifeSeconds * static_cast<float>(i) / kPuffs;
        const float a = 2.399963f * static_cast<float>(i); // golden angle
        p.driftM = {0.35f * std::cos(a), 0.0f, 0.35f * std::sin(a)};
    }
}

glm::vec3 FiringEffects::smokeColor(sim::Atmosphere atmosphere, double unburntFraction) {
    // Reduction leaves soot and unburnt gas: dark smoke; a clean oxidising burn: pale steam-grey.
    float shade = atmosphere == sim::Atmosphere::Reducing  ? 0.10f
                  : atmosphere == sim::Atmosphere::Neutral ? 0.30f
                                                           : 0.70f;
    shade *= static_cast<float>(1.0 - std::clamp(unburntFraction * 20.0, 0.0, 0.6));
    return glm::vec3(shade);
}

FiringEffects::~FiringEffects() {
    mRenderer.removeModel(mSmoke);
    mRenderer.removeModel(mFlames);
}

void FiringEffects::update(double realSeconds, const FiringSession& firing) {
    mTimeSeconds += realSeconds;
    const sim::KilnState& state = firing.run().state();
    const sim::GasState& flue = state.zones.back().gas[sim::kUpper];
    // Smoke density follows the fire: none in a cold kiln, full at a few MW of heat release.
    const float density = static_cast<float>(std::clamp(state.heatReleaseW / 3.0e6, 0.0, 1.0));
    const glm::vec3 color = smokeColor(flue.atmosphere, flue.unburnt);
    // Buoyant plume: rise speed grows with the flue gas temperature (a few m/s).
    const float riseMPerS =
            1.0f +
            3.0f * static_cast<float>(std::clamp((flue.temperatureC - 100.0) / 600.0, 0.0, 1.0));
    for (int i = 0; i < kPuffs; ++i) {
        Puff& p = mPuffs[static_cast<std::size_t>(i)];
        p.ageSeconds += static_cast<float>(realSeconds);
        if (p.ageSeconds > p.lifeSeconds) {
            p.ageSeconds -= p.lifeSeconds;
        }
        const float t = p.ageSeconds / p.lifeSeconds;
        const float radius = mChimneyRadiusM * (0.8f + 3.0f * t) * (density > 0.02f ? 1.0f : 0.0f);
        const glm::vec3 position = mChimneyTopM + glm::vec3(0.0f, riseMPerS * p.ageSeconds, 0.0f) +
                                   p.driftM * (p.ageSeconds * 1.5f);
        mRenderer.setInstanceVisible(mSmoke, i, density > 0.02f);
        mRenderer.setInstanceTransform(mSmoke, i,
                                       glm::scale(glm::translate(glm::mat4(1.0f), position),
                                                  glm::vec3(std::max(radius, 1e-3f))));
        mRenderer.setInstanceTint(mSmoke, i, glm::vec4(color, 1.0f));
    }
    // Flame tongues: flickering ellipsoids over the grate, glowing at the flame's colour.
    const double flameC = state.zones.front().gas[sim::kUpper].temperatureC;
    const glm::vec3 glow = firing.glowRadiance(flameC) * 3.0f;
    const bool burning = state.heatReleaseW > 1.0e4;
    for (int i = 0; i < kFlames; ++i) {
        const float phase = static_cast<float>(mTimeSeconds) * 7.0f + 1.7f * static_cast<float>(i);
        const float flicker = 0.75f + 0.25f * std::sin(phase) * std::sin(phase * 0.37f + 1.0f);
        const glm::vec3 offset(0.25f * static_cast<float>(i % 3) - 0.25f, 0.1f,
                               0.6f * static_cast<float>(i / 3) - 0.3f);
        glm::mat4 m = glm::translate(glm::mat4(1.0f), mFireboxM + offset);
        m = glm::scale(m, glm::vec3(0.18f, 0.55f * flicker, 0.18f));
        mRenderer.setInstanceVisible(mFlames, i, burning);
        mRenderer.setInstanceTransform(mFlames, i, m);
        mRenderer.setInstanceEmissive(mFlames, i, glow * flicker);
    }
}

} // namespace kiln::app
