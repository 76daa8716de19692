// Hotspot markers: one tiny window per visible marker, drawn with shapes only.
#include "kiln/ui/hotspot_markers.h"

#include "kiln/ui/theme.h"

#include <cmath>

namespace kiln::ui {

float hotspotMarkerDiameterPx(float uiScale) {
    return touchTargetPx(uiScale) * 1.1f;
}

HotspotMarkersCommand drawHotspotMarkers(const HotspotMarkersView& view) {
    HotspotMarkersCommand command;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float d = hotspotMarkerDiameterPx(view.uiScale);
    const float r = d * 0.5f;
    const OverlayColours& c = overlayColours();
    constexpr ImGuiWindowFlags kFlags =
            ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
            ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoFocusOnAppearing |
            ImGuiWindowFlags_NoBringToFrontOnFocus; // also: created at the back, under every panel
    for (const HotspotMarkerView& marker : view.markers) {
        const ImVec2 p = marker.screenPosPx;
        const bool onScreen = std::isfinite(p.x) && std::isfinite(p.y) && p.x >= 0.0f &&
                              p.y >= 0.0f && p.x <= display.x && p.y <= display.y;
        if (marker.occluded || !onScreen) {
            continue;
        }
        std::string windowId("##marker.");
        windowId.append(marker.id);
        ImGui::SetNextWindowPos(ImVec2(p.x - r, p.y - r), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(d, d), ImGuiCond_Always);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
        ImGui::Begin(windowId.c_str(), nullptr, kFlags);
        const ImVec2 min = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##tap", ImVec2(d, d))) {
            command.tappedId = marker.id;
        }
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 centre(min.x + r, min.y + r);
        // A ringed disc with a dot: visible on bright and dark scenery alike.
        draw->AddCircleFilled(centre, r * 0.92f, c.markerShadow, 24);
        draw->AddCircleFilled(centre, r * 0.78f, marker.selected ? c.selected : c.markerFill, 24);
        draw->AddCircle(centre, r * 0.78f, c.markerRing, 24, 3.0f * view.uiScale);
        draw->AddCircleFilled(centre, r * 0.22f, c.markerRing, 12);
        if (marker.visited) {
            const ImVec2 b(centre.x + r * 0.55f, centre.y - r * 0.55f);
            draw->AddCircleFilled(b, r * 0.3f, c.explored, 12);
        }
        ImGui::End();
        ImGui::PopStyleVar(2);
        std::string targetId("marker.");
        targetId.append(marker.id);
        command.targets.push_back({std::move(targetId), min, ImVec2(min.x + d, min.y + d)});
    }
    return command;
}

} // namespace kiln::ui
