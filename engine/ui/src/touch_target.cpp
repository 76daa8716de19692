// Touch targets, touch buttons, wrapped text, drag-to-scroll, the overflow measure and the drawn-
// text recorder shared by the overlay widgets.
#include "kiln/ui/touch_target.h"

#include "kiln/ui/line_break.h"

#include <imgui_internal.h> // CalcWrapWidthForPos

#include <algorithm>

namespace kiln::ui {

namespace {

// The recorder a test installed, if any. Only tests install one; the app never does.
DrawnTextRecorder* gRecorder = nullptr;

} // namespace

float touchTargetPx(float uiScale) {
    return kTouchTargetPx * uiScale;
}

bool touchButton(std::string_view label, std::string_view id, float uiScale,
                 std::vector<TouchTarget>* targets, bool active, float minWidth) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float target = touchTargetPx(uiScale);
    std::string imguiLabel(label);
    imguiLabel.append("##").append(id);
    const ImVec2 text = ImGui::CalcTextSize(imguiLabel.c_str(), nullptr, true);
    const ImVec2 size(std::max({target, minWidth, text.x + 2.0f * style.FramePadding.x}),
                      std::max(target, text.y + 2.0f * style.FramePadding.y));
    if (active) {
        ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[ImGuiCol_ButtonActive]);
        ImGui::PushStyleColor(ImGuiCol_Text, style.Colors[ImGuiCol_TextSelectedBg]);
    }
    const bool pressed = ImGui::Button(imguiLabel.c_str(), size);
    if (active) {
        ImGui::PopStyleColor(2);
    }
    recordDrawnText(label);
    if (targets != nullptr) {
        targets->push_back({std::string(id), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
    }
    return pressed;
}

void textWrappedAt(std::string_view text, float wrapPosX) {
    if (ImGui::GetCurrentWindow()->SkipItems) {
        return;
    }
    const float width = ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), wrapPosX);
    const std::string broken = withLineBreaks(text, width);
    ImGui::PushTextWrapPos(-1.0f); // the lines are broken already: ImGui must not wrap them again
    ImGui::TextUnformatted(broken.data(), broken.data() + broken.size());
    ImGui::PopTextWrapPos();
}

void wrappedText(std::string_view text) {
    textWrappedAt(text, 0.0f);
    recordDrawnText(text);
}

void wrappedText(std::string_view text, ImU32 colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrappedText(text);
    ImGui::PopStyleColor();
}

void dragToScroll() {
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    }
}

float widestUnbreakableRunPx(std::string_view utf8) {
    float widest = 0.0f;
    for (const LineSpan& run : unbreakableRuns(utf8)) {
        const char* begin = utf8.data() + run.begin;
        widest = std::max(widest, ImGui::CalcTextSize(begin, utf8.data() + run.end).x);
    }
    return widest;
}

void recordDrawnText(std::string_view text) {
    if (gRecorder != nullptr && !text.empty()) {
        gRecorder->add(text);
    }
}

DrawnTextRecorder::DrawnTextRecorder() : mPrevious(gRecorder) {
    gRecorder = this;
}

DrawnTextRecorder::~DrawnTextRecorder() {
    gRecorder = mPrevious;
}

} // namespace kiln::ui
