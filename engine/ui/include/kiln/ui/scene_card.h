// SceneCard: the bilingual card naming the current scene (Chinese above English), drawn with
// ImGui. Reads a plain view of the scene; returns nothing yet. No GL, no SDL.
#pragma once

#include "kiln/scene/scene_description.h"

#include <string>
#include <vector>

namespace kiln::ui {

struct SceneCardView {
    const scene::SceneDescription* scene = nullptr;
    float uiScale = 1.0f; // 1.0 at 1080p; scaled with the display
};

// Draws the card in the top-left corner. Call between ImGui::NewFrame and ImGui::Render.
void drawSceneCard(const SceneCardView& view);

// Every string the card can show, for the font atlas's glyph ranges.
std::vector<std::string> sceneCardStrings(const scene::SceneDescription& scene);

} // namespace kiln::ui
