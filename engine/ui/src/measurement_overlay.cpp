// Measurement drawing: dots at the picked points, a line, and the label at its middle.
#include "kiln/ui/measurement_overlay.h"

#include <imgui.h>

namespace kiln::ui {

void drawMeasurement(const MeasurementView& view) {
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const float radius = 7.0f * view.uiScale;
    const ImU32 accent = IM_COL32(255, 214, 92, 255);
    const ImU32 shadow = IM_COL32(0, 0, 0, 180);
    auto dot = [&](const glm::vec2& p) {
        draw->AddCircleFilled(ImVec2(p.x, p.y), radius + 2.0f, shadow);
        draw->AddCircleFilled(ImVec2(p.x, p.y), radius, accent);
    };
    if (view.pointAPx) {
        dot(*view.pointAPx);
    }
    if (view.pointBPx) {
        dot(*view.pointBPx);
    }
    if (view.pointAPx && view.pointBPx) {
        const ImVec2 a(view.pointAPx->x, view.pointAPx->y);
        const ImVec2 b(view.pointBPx->x, view.pointBPx->y);
        draw->AddLine(a, b, shadow, 5.0f * view.uiScale);
        draw->AddLine(a, b, accent, 3.0f * view.uiScale);
        if (!view.label.empty()) {
            const ImVec2 size = ImGui::CalcTextSize(view.label.c_str());
            const ImVec2 mid((a.x + b.x) * 0.5f - size.x * 0.5f,
                             (a.y + b.y) * 0.5f - size.y - radius);
            const float pad = 6.0f * view.uiScale;
            draw->AddRectFilled(ImVec2(mid.x - pad, mid.y - pad),
                                ImVec2(mid.x + size.x + pad, mid.y + size.y + pad),
                                IM_COL32(20, 16, 12, 220), 4.0f * view.uiScale);
            draw->AddText(mid, accent, view.label.c_str());
        }
    }
}

} // namespace kiln::ui
