// FiringEffects: what a firing shows outside the ware's glow: smoke rising from the chimney,
// coloured by the kiln's atmosphere (dark in reduction, pale when the burn is clean) and as dense
// as the heat release, and flame tongues in the firebox at the flame's blackbody colour.
// Drives renderer instances; the physics comes from FiringSession. Does NOT simulate fluid flow:
// the puffs follow a simple rise-and-spread motion.
#pragma once

#include "kiln/app/firing_session.h"
#include "kiln/render/renderer.h"

#include <vector>

namespace kiln::app {

class FiringEffects {
public:
    // Adds the effect models to the renderer; positions in the scene's metres.
    FiringEffects(render::Renderer& renderer, const glm::vec3& chimneyTopM, float chimneyTopRadiusM,
                  const glm::vec3& fireboxM);
    // Removes the effect models from the renderer (a scene change must not leave them behind).
    ~FiringEffects();
    FiringEffects(const FiringEffects&) = delete;
    FiringEffects& operator=(const FiringEffects&) = delete;

    // Advances the animation by realSeconds and updates every puff and flame from the firing.
    void update(double realSeconds, const FiringSession& firing);

    // The smoke colour for an atmosphere and the fraction of unburnt gas at the chimney (for
    // tests).
    static glm::vec3 smokeColor(sim::Atmosphere atmosphere, double unburntFraction);

private:
    struct Puff {
        float ageSeconds = 0.0f;
        float lifeSeconds = 12.0f;
        glm::vec3 driftM{0.0f};
    };
    render::Renderer& mRenderer;
    render::ModelHandle mSmoke = -1;
    render::ModelHandle mFlames = -1;
    glm::vec3 mChimneyTopM;
    float mChimneyRadiusM;
    glm::vec3 mFireboxM;
    std::vector<Puff> mPuffs;
    double mTimeSeconds = 0.0;
};

} // namespace kiln::app
