// Built-in models made in code: the stand-in shown when a scene's model cannot be loaded, and
// simple shapes for effects.
#pragma once

#include "kiln/assets/model_data.h"

namespace kiln::assets {

// An axis-aligned box centred on `center` with one material (the error material by default:
// a saturated magenta that no real object uses, so the fault is visible).
ModelData makeBoxModel(const glm::vec3& center, const glm::vec3& size,
                       const glm::vec4& color = {1.0f, 0.0f, 1.0f, 1.0f});

// A UV sphere of the given radius centred on the origin, one material of `color` (alpha < 1 makes
// it a blended material), for effects such as smoke puffs and flame tongues.
ModelData makeSphereModel(float radiusM, int segments, int rings, const glm::vec4& color);

} // namespace kiln::assets
