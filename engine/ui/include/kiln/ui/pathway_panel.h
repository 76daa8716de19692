// PathwayPanel: the current scene's pathways (paper.md §4), each with why the scene shows it and
// its text at the chosen depth, then Figure 2: how new-quality productive forces and cultural
// tourism empower each other, drawn as two boxes with arrows and the effects in each direction.
// Reads a plain view; returns whether close was tapped. No GL, no SDL.
#pragma once

#include "kiln/content/content_library.h"
#include "kiln/ui/mechanism_card.h"
#include "kiln/ui/overlay_layout.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiln::ui {

struct PathwayItemView {
    std::string id;
    std::string title;
    std::string why;  // why this scene shows it
    std::string text; // at the chosen depth
    std::string source;
};

struct EffectItemView {
    std::string id;
    content::EffectDirection direction = content::EffectDirection::ForcesToTourism;
    std::string title;
    std::string text; // at the chosen depth
    std::string source;
};

struct PathwayPanelView {
    std::string title; // card.pathways
    std::string whyLabel;
    std::string sourceLabel;
    std::vector<PathwayItemView> pathways;
    std::string effectsTitle;   // model.effects
    std::string figure2Caption; //
    std::string forcesLabel;    // Figure 2's left box
    std::string tourismLabel;   // Figure 2's right box
    std::vector<EffectItemView> effects;
    std::string closeLabel;
    float uiScale = 1.0f;
};

// The scene's pathways in the scene file's order (none for an unknown scene) and every effect.
PathwayPanelView buildPathwayPanel(const content::ContentLibrary& library, std::string_view sceneId,
                                   content::Language language, content::Depth depth, float uiScale);

// The width Figure 2's two labels wrap in, for a panel whose content is contentWidthPx wide.
float figure2LabelWidthPx(float contentWidthPx, float uiScale);

// Draws the panel at rect (computeOverlayLayout().pathways); the body scrolls by dragging.
CardCommand drawPathwayPanel(const PathwayPanelView& view, const PanelRect& rect);

} // namespace kiln::ui
