// The shared overlay panel frame: header with title and close button, scrolling body.
#include "kiln/ui/overlay_panel.h"

#include "kiln/ui/theme.h"
#include "kiln/ui/touch_target.h"

#include <algorithm>
#include <string>

namespace kiln::ui {

namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                         ImGuiWindowFlags_NoFocusOnAppearing;

} // namespace

void beginOverlayPanel(std::string_view windowId, const PanelRect& rect, std::string_view title,
                       std::string_view closeLabel, float uiScale,
                       std::vector<TouchTarget>* targets, bool* closeTapped) {
    ImGui::SetNextWindowPos(rect.pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(rect.size, ImGuiCond_Always);
    std::string id("##");
    id.append(windowId);
    ImGui::Begin(id.c_str(), nullptr, kPanelFlags);
    // Header: the close button sits at the right; the title wraps in the space left of it.
    const ImGuiStyle& style = ImGui::GetStyle();
    std::string closeId(closeLabel);
    closeId.append("##close");
    const float closeW =
            std::max(touchTargetPx(uiScale), ImGui::CalcTextSize(closeId.c_str(), nullptr, true).x +
                                                     2.0f * style.FramePadding.x);
    const float contentW = ImGui::GetContentRegionAvail().x;
    const float titleW = std::max(1.0f, contentW - closeW - style.ItemSpacing.x);
    const ImVec2 headerStart = ImGui::GetCursorPos();
    ImGui::PushStyleColor(ImGuiCol_Text, overlayColours().nodeLit);
    textWrappedAt(title, headerStart.x + titleW);
    ImGui::PopStyleColor();
    recordDrawnText(title);
    const float titleBottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(headerStart.x + contentW - closeW, headerStart.y));
    const bool close = touchButton(closeLabel, "close", uiScale, targets, false, closeW);
    if (closeTapped != nullptr) {
        *closeTapped = close;
    }
    ImGui::SetCursorPosY(std::max(titleBottom, ImGui::GetCursorPosY()));
    ImGui::Separator();
    ImGui::BeginChild("##body", ImVec2(0.0f, 0.0f), false, ImGuiWindowFlags_NoNav);
}

void endOverlayPanel() {
    dragToScroll();
    ImGui::EndChild();
    ImGui::End();
}

void sourceLine(std::string_view label, std::string_view source) {
    if (source.empty()) {
        return;
    }
    const ImU32 dim = overlayColours().dimText;
    wrappedText(label, dim);
    ImGui::Indent();
    wrappedText(source, dim);
    ImGui::Unindent();
}

void panelHeading(std::string_view text) {
    ImGui::Spacing();
    wrappedText(text, overlayColours().nodeLit);
}

} // namespace kiln::ui
