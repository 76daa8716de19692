// SceneCard: the bilingual card naming the current scene (Chinese above English) with its short
// text and source, drawn with ImGui. Reads a plain view of strings; returns nothing. No GL, no SDL.
#pragma once

#include <string>
#include <vector>

namespace kiln::ui {

struct SceneCardView {
    std::string titleZh;
    std::string titleEn;
    std::string bodyZh;
    std::string bodyEn;
    std::string source;
    std::string noteZh; // a line under the body, e.g. the current tour stop's caption
    std::string noteEn;
    float uiScale = 1.0f; // 1.0 at 1080p; scaled with the display
};

// Draws the card in the top-left corner. Call between ImGui::NewFrame and ImGui::Render.
void drawSceneCard(const SceneCardView& view);

// Every string the card can show, for the font atlas's glyph ranges.
std::vector<std::string> sceneCardStrings(const SceneCardView& view);

} // namespace kiln::ui
