// DiamondView: the New Diamond Model (paper.md Figure 1) drawn with ImGui's draw lists: the
// centre and the six determinants with their links, the current scene's determinants lit, the
// ones the visitor has opened marked with a badge, the open one outlined. Tapping a node returns
// its id (the app then opens its mechanism card). Reads a plain view; no GL, no SDL, no state.
#pragma once

#include "kiln/content/content_library.h"
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/touch_target.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::ui {

struct DiamondNodeView {
    std::string id;
    std::string name; // in the chosen language
    content::DeterminantRole role = content::DeterminantRole::Core;
    float layoutX = 0.5f; // unit square, 0,0 top left (model.json's layout)
    float layoutY = 0.5f;
    bool lit = false;      // the current scene links to it
    bool explored = false; // the visitor has opened its card
};

struct DiamondLinkView {
    std::string from;
    std::string to;
    content::LinkKind kind = content::LinkKind::Mutual;
};

struct DiamondViewModel {
    std::string title;          // model.title
    std::string caption;        // Figure 1 caption
    std::string hint;           // diamond.hint: what to do
    std::string litLegend;      // diamond.in_scene
    std::string exploredLegend; // diamond.explored
    std::string closeLabel;     // hotspot.close
    std::vector<DiamondNodeView> nodes;
    std::vector<DiamondLinkView> links;
    std::string selectedId; // the node whose card is open; empty for none
    float uiScale = 1.0f;
};

struct DiamondCommand {
    std::optional<std::string> tappedId; // a determinant was tapped: open its mechanism card
    bool close = false;                  // the close button was tapped
    std::vector<TouchTarget> targets;    // "close" and one "node.<id>" per determinant
    ImVec2 canvasMin;                    // where the nodes may lie
    ImVec2 canvasMax;
};

// The view for a scene (sceneId may be unknown or empty: nothing lit) in a language. `explored`
// holds determinant ids the visitor has opened this session.
DiamondViewModel buildDiamondView(const content::ContentLibrary& library, std::string_view sceneId,
                                  const std::set<std::string, std::less<>>& explored,
                                  content::Language language, std::string_view selectedId,
                                  float uiScale);

// Draws the diamond panel at rect (computeOverlayLayout().diamond). Call between NewFrame and
// Render; every node is a touch target of at least touchTargetPx(uiScale).
DiamondCommand drawDiamond(const DiamondViewModel& view, const PanelRect& rect);

// The width a node of this role gets on a canvas `canvasWidthPx` wide (names wrap inside it).
float diamondNodeWidthPx(content::DeterminantRole role, float canvasWidthPx);

} // namespace kiln::ui
