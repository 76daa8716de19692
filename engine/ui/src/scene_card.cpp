// Scene card drawing.
#include "kiln/ui/scene_card.h"

#include "kiln/ui/touch_target.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace kiln::ui {

void drawSceneCard(const SceneCardView& view) {
    const float margin = 24.0f * view.uiScale;
    ImGui::SetNextWindowPos(ImVec2(margin, margin), ImGuiCond_Always);
    // At most 40% of the screen's width, so the object stays in view on small displays.
    const float maxWidth = std::min(560.0f * view.uiScale, ImGui::GetIO().DisplaySize.x * 0.4f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(200.0f * view.uiScale, maxWidth), 0.0f),
                                        ImVec2(maxWidth, ImGui::GetIO().DisplaySize.y * 0.8f));
    ImGui::SetNextWindowBgAlpha(0.72f);
    // No title bar and no resizing, but a scroll bar when the card is taller than its room (the
    // largest text size on a 720p screen): its last lines would otherwise be cut off. A finger
    // scrolls it by dragging.
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##scene_card", nullptr, flags)) {
        // Everything wraps, the titles too: a long English title would otherwise run past the
        // card's right edge and be cut off (Taoxichuan's did at 1280x720). When the scroll bar
        // shows, the text wraps left of it.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float scrollbar = ImGui::GetCurrentWindow()->ScrollbarY ? style.ScrollbarSize : 0.0f;
        // The lines break by line_break.h's rules (no Chinese line starts with "，" or "。").
        const float wrapPos = maxWidth - style.WindowPadding.x - scrollbar;
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.86f, 0.62f, 1.0f));
        textWrappedAt(view.titleZh, wrapPos);
        ImGui::PopStyleColor();
        textWrappedAt(view.titleEn, wrapPos);
        if (!view.bodyZh.empty() || !view.bodyEn.empty()) {
            ImGui::Separator();
            textWrappedAt(view.bodyZh, wrapPos);
            textWrappedAt(view.bodyEn, wrapPos);
        }
        if (!view.source.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.7f, 0.7f, 1.0f));
            textWrappedAt(view.source, wrapPos);
            ImGui::PopStyleColor();
        }
        if (!view.noteZh.empty() || !view.noteEn.empty()) {
            ImGui::Separator();
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.86f, 0.62f, 1.0f));
            textWrappedAt(view.noteZh, wrapPos);
            textWrappedAt(view.noteEn, wrapPos);
            ImGui::PopStyleColor();
        }
        dragToScroll();
    }
    ImGui::End();
}

std::vector<std::string> sceneCardStrings(const SceneCardView& view) {
    return {view.titleZh, view.titleEn, view.bodyZh, view.bodyEn,
            view.source,  view.noteZh,  view.noteEn};
}

} // namespace kiln::ui
