// Scene card drawing.
#include "kiln/ui/scene_card.h"

#include <imgui.h>

namespace kiln::ui {

void drawSceneCard(const SceneCardView& view) {
    if (view.scene == nullptr) {
        return;
    }
    const float margin = 24.0f * view.uiScale;
    ImGui::SetNextWindowPos(ImVec2(margin, margin), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(200.0f * view.uiScale, 0.0f),
                                        ImVec2(560.0f * view.uiScale, 400.0f * view.uiScale));
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
            ImGui::PushTextWrapPos(520.0f * view.uiScale);
            ImGui::TextUnformatted(s.caption.zh.c_str());
            ImGui::TextUnformatted(s.caption.en.c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::End();
}

std::vector<std::string> sceneCardStrings(const scene::SceneDescription& scene) {
    return {scene.title.zh, scene.title.en, scene.caption.zh, scene.caption.en};
}

} // namespace kiln::ui
