// Touch targets, touch buttons, wrapped text, drag-to-scroll, the overflow measure and the drawn-
// text recorder shared by the overlay widgets.
#include "kiln/ui/touch_target.h"

#include <imgui_internal.h> // ImTextCharFromUtf8

#include <algorithm>

namespace kiln::ui {

namespace {

// The recorder a test installed, if any. Only tests install one; the app never does.
DrawnTextRecorder* gRecorder = nullptr;

bool breaksOnItsOwn(unsigned int c) {
    // CJK symbols, kana, unified ideographs and full-width forms: ImGui's wrap may cut before any.
    return c >= 0x2E80;
}

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

void wrappedText(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
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
    const char* p = utf8.data();
    const char* end = utf8.data() + utf8.size();
    const char* runStart = p;
    auto closeRun = [&](const char* runEnd) {
        if (runEnd > runStart) {
            widest = std::max(widest, ImGui::CalcTextSize(runStart, runEnd).x);
        }
    };
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) {
            break;
        }
        if (c == ' ' || c == '\n' || c == '\t') {
            closeRun(p);
            runStart = p + n;
        } else if (breaksOnItsOwn(c)) {
            closeRun(p);
            widest = std::max(widest, ImGui::CalcTextSize(p, p + n).x);
            runStart = p + n;
        }
        p += n;
    }
    closeRun(p);
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
