// Status panel drawing.
#include "kiln/ui/status_panel.h"

#include <imgui.h>

namespace kiln::ui {

float drawStatusPanel(const StatusPanelView& view) {
    const ImGuiIO& io = ImGui::GetIO();
    const float margin = 24.0f * view.uiScale;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, margin + view.topOffsetPx),
                            ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.72f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    float height = 0.0f;
    if (ImGui::Begin(("##" + view.id).c_str(), nullptr, flags)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.86f, 0.62f, 1.0f));
        ImGui::Text("%s  %s", view.titleZh.c_str(), view.titleEn.c_str());
        ImGui::PopStyleColor();
        ImGui::Separator();
        if (ImGui::BeginTable("rows", 2)) {
            for (const StatusRow& row : view.rows) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                if (row.swatch) {
                    const ImVec4 c(row.swatch->r, row.swatch->g, row.swatch->b, 1.0f);
                    ImGui::ColorButton(("##" + row.labelEn).c_str(), c,
                                       ImGuiColorEditFlags_NoTooltip |
                                               ImGuiColorEditFlags_NoDragDrop);
                    ImGui::SameLine();
                }
                ImGui::Text("%s %s", row.labelZh.c_str(), row.labelEn.c_str());
                ImGui::TableSetColumnIndex(1);
                ImGui::TextUnformatted(row.value.c_str());
            }
            ImGui::EndTable();
        }
        height = ImGui::GetWindowHeight();
    }
    ImGui::End();
    return height;
}

} // namespace kiln::ui
