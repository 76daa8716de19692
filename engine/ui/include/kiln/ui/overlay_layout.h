// Where the overlay panels go on a display of any size: the bottom bar, the diamond on the left,
// cards (mechanism, hotspot), the pathway panel and the quiz on the right, the kiln comparison
// over the whole screen above the bar. Pure arithmetic on the display size and uiScale, so the
// app and the layout tests agree. Draws nothing.
#pragma once

#include <imgui.h>

namespace kiln::ui {

struct PanelRect {
    ImVec2 pos;
    ImVec2 size;
};

struct OverlayLayout {
    PanelRect bar;      // the language / depth / text size / contrast bar, full width at the bottom
    PanelRect diamond;  // the New Diamond Model, left half above the bar
    PanelRect card;     // mechanism or hotspot card, right of the diamond
    PanelRect pathways; // the scene's pathways and Figure 2, right side
    PanelRect quiz;     // the scene's quiz, right side (the diamond stays visible on the left)
    PanelRect comparison; // the kiln comparison: full width above the bar
};

// uiScale: 1.0 at 1080p (the app uses max(0.5, heightPx / 1080)).
OverlayLayout computeOverlayLayout(ImVec2 displaySizePx, float uiScale);

// The height of the bottom bar: one touch target plus the window's padding.
float barHeightPx(float uiScale);

} // namespace kiln::ui
