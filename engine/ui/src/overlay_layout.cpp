// Overlay panel placement from the display size.
#include "kiln/ui/overlay_layout.h"

#include "kiln/ui/touch_target.h"

#include <algorithm>

namespace kiln::ui {

float barHeightPx(float uiScale) {
    // Text size levels can make a label taller than the target; 1.6 targets leave room for that.
    return touchTargetPx(uiScale) * 1.6f;
}

OverlayLayout computeOverlayLayout(ImVec2 displaySizePx, float uiScale) {
    const float margin = 16.0f * uiScale;
    const float w = displaySizePx.x;
    const float h = displaySizePx.y;
    OverlayLayout layout;
    const float barH = barHeightPx(uiScale);
    layout.bar = {ImVec2(0.0f, h - barH), ImVec2(w, barH)};
    const float top = margin;
    const float bottom = h - barH - margin;
    const float panelH = std::max(0.0f, bottom - top);
    const float diamondW = std::min(w * 0.5f - 1.5f * margin, panelH * 1.25f);
    layout.diamond = {ImVec2(margin, top), ImVec2(diamondW, panelH)};
    const float cardX = margin + diamondW + margin;
    layout.card = {ImVec2(cardX, top), ImVec2(std::max(0.0f, w - cardX - margin), panelH)};
    const float pathwaysW = std::max(w * 0.42f, std::min(w - 2.0f * margin, 480.0f * uiScale));
    layout.pathways = {ImVec2(w - margin - pathwaysW, top), ImVec2(pathwaysW, panelH)};
    // The quiz is a little wider than the pathway panel: its options are full-width buttons.
    const float quizW = std::max(w * 0.46f, std::min(w - 2.0f * margin, 560.0f * uiScale));
    layout.quiz = {ImVec2(w - margin - quizW, top), ImVec2(quizW, panelH)};
    layout.comparison = {ImVec2(0.0f, 0.0f), ImVec2(w, std::max(1.0f, h - barH))};
    return layout;
}

} // namespace kiln::ui
