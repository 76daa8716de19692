// The overlays' look: a dark kiln theme and a high-contrast theme (white on black, yellow
// highlights, thick borders), every size scaled with the display (uiScale 1.0 at 1080p) and the
// visitor's text size level. Sets ImGui's style and io.FontGlobalScale; keeps the colours the
// draw-list widgets (diamond, markers) use. Does NOT build fonts or touch GL.
#pragma once

#include <imgui.h>

namespace kiln::ui {

// Text size levels the A-/A+ buttons step through: -1 (smaller) .. 2 (largest); 0 is the default.
inline constexpr int kMinTextSizeLevel = -1;
inline constexpr int kMaxTextSizeLevel = 2;

// The font scale of a level (clamped): 0.85, 1.0, 1.15, 1.3.
float textScaleForLevel(int level);

struct ThemeOptions {
    bool highContrast = false;
    float uiScale = 1.0f; // 1.0 at 1080p
    int textSizeLevel = 0;
    // How much larger than the level-0 text size the app built the font atlas (e.g. 1.3 to keep
    // the largest level crisp: glyphs are then scaled down, never up). 1 when built at level 0.
    float atlasFontScale = 1.0f;
};

// Colours for what the widgets draw themselves with ImGui's draw lists.
struct OverlayColours {
    ImU32 text;
    ImU32 textOnLit;  // text on a lit node or marker
    ImU32 dimText;    // sources, legends
    ImU32 nodeFill;   // a determinant not linked to the current scene
    ImU32 nodeLit;    // a determinant the current scene illustrates
    ImU32 nodeBorder; //
    ImU32 selected;   // the node whose card is open
    ImU32 explored;   // the badge on a determinant the visitor has opened
    ImU32 link;       // links of the diamond
    ImU32 linkLit;    // links between two lit determinants
    ImU32 markerFill; // hotspot markers
    ImU32 markerRing; //
    ImU32 markerShadow;
};

// Replaces ImGui's style with the theme (so calling it again with other options is exact), scales
// every size by uiScale and sets io.FontGlobalScale from the text size level (divided by
// atlasFontScale). Call once after
// ImGui::CreateContext and again whenever the options change, outside NewFrame/Render.
void applyTheme(const ThemeOptions& options);

// The colours set by the last applyTheme (the dark theme's before any call).
const OverlayColours& overlayColours();

} // namespace kiln::ui
