// Scene card drawing.
#include "kiln/ui/scene_card.h"

#include <imgui.h>

#include <algorithm>

namespace kiln::ui {

void drawSceneCard(const SceneCardView& view) {
    if (view.scene == nullptr) {
        return;
    }
    const float margin = 24.0f * view.uiScale;
    ImGui::SetNextWindowPos(ImVec2(margin, margin), ImGuiCond_Always);
    // At most 40% of the screen's width, so the object stays in view on small displays.
    const float maxWidth = std::min(560.0f * view.uiScale, ImGui::GetIO().DisplaySize.x * 0.4f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(200.0f * view.uiScale, maxWidth), 0.0f),
                                        ImVec2(maxWidth, ImGui::GetIO().DisplaySize.y * 0.6f));
    ImGui::SetNextWindowBgAlpha(0.72f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##scene_card", nullptr, flags)) {
        const scene::SceneDescription& s = *view.scene;
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.86f, 0.62f, 1.0f));
        ImGui::TextUnformatted(s.title.zh.c_str());
        ImGui::PopStyleColor();
        ImGui::TextUnformatted(s.title.en.c_str());
        if (!s.caption.zh.empty() || !s.caption.en.empty()) {
            ImGui::Separator();
            ImGui::PushTextWrapPos(maxWidth - ImGui::GetStyle().WindowPadding.x);
            ImGui::TextUnformatted(s.caption.zh.c_str());
            ImGui::TextUnformatted(s.caption.en.c_str());
            if (!s.source.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.7f, 0.7f, 0.7f, 1.0f));
                ImGui::TextUnformatted(s.source.c_str());
                ImGui::PopStyleColor();
            }
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::End();
}

std::vector<std::string> sceneCardStrings(const scene::SceneDescription& scene) {
    return {scene.title.zh, scene.title.en, scene.caption.zh, scene.caption.en, scene.source};
}

} // namespace kiln::ui
