// Status panel drawing.
#include "kiln/ui/status_panel.h"

#include "kiln/ui/touch_target.h"

#include <imgui.h>

#include <algorithm>

namespace kiln::ui {

float drawStatusPanel(const StatusPanelView& view) {
    const ImGuiIO& io = ImGui::GetIO();
    const float margin = 24.0f * view.uiScale;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, margin + view.topOffsetPx),
                            ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.72f);
    // Long values (a source's citation) wrap instead of widening the panel past 45% of the screen.
    ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f),
                                        ImVec2(io.DisplaySize.x * 0.45f, io.DisplaySize.y * 0.9f));
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
        // The value column is as wide as its widest value, up to a quarter of the screen;
        // longer values (a source's citation) wrap inside it.
        float valueWidth = 8.0f * view.uiScale;
        for (const StatusRow& row : view.rows) {
            valueWidth = std::max(valueWidth, ImGui::CalcTextSize(row.value.c_str()).x);
        }
        valueWidth = std::min(valueWidth, io.DisplaySize.x * 0.25f);
        if (ImGui::BeginTable("rows", 2, ImGuiTableFlags_SizingFixedFit)) {
            ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
            ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, valueWidth);
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
                textWrappedAt(row.value, 0.0f); // wrap at the column's edge
            }
            ImGui::EndTable();
        }
        height = ImGui::GetWindowHeight();
    }
    ImGui::End();
    return height;
}

} // namespace kiln::ui
