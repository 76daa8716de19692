// MechanismCard: the card a tapped determinant opens: its name and text at the chosen depth, why
// the current scene illustrates it, and the mechanisms of paper.md §3 that act through it, each
// with its source. Reads a plain view built from the content; returns whether close was tapped.
// No GL, no SDL; it does not remember what was explored (the app does).
#pragma once

#include "kiln/content/content_library.h"
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/touch_target.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiln::ui {

struct MechanismEntryView {
    std::string id;
    std::string title;
    std::string text; // at the chosen depth
    std::string source;
};

struct MechanismCardView {
    std::string determinantId;
    std::string name;   // the determinant's name
    std::string text;   // the determinant's text at the chosen depth
    std::string source; // the determinant's source
    std::string whyLabel;
    std::string why; // the scene's reason for linking it; empty when the scene does not
    std::string mechanismsLabel;
    std::vector<MechanismEntryView> mechanisms;
    std::string sourceLabel;
    std::string closeLabel;
    float uiScale = 1.0f;
};

struct CardCommand {
    bool close = false;
    std::vector<TouchTarget> targets;
};

// The card of determinantId (an unknown id gives a card with the unavailable text as its name).
MechanismCardView buildMechanismCard(const content::ContentLibrary& library,
                                     std::string_view determinantId, std::string_view sceneId,
                                     content::Language language, content::Depth depth,
                                     float uiScale);

// Draws the card at rect (computeOverlayLayout().card); the body scrolls by dragging.
CardCommand drawMechanismCard(const MechanismCardView& view, const PanelRect& rect);

} // namespace kiln::ui
