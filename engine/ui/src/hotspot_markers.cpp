// Hotspot markers: one small window per visible marker, the disc drawn with shapes and, when the
// view gives one, the hotspot's title in a label beside it.
#include "kiln/ui/hotspot_markers.h"

#include "kiln/ui/line_break.h"
#include "kiln/ui/theme.h"

#include <algorithm>
#include <cmath>

namespace kiln::ui {

float hotspotMarkerDiameterPx(float uiScale) {
    return touchTargetPx(uiScale) * 1.1f;
}

float hotspotLabelMaxWidthPx(ImVec2 displaySizePx) {
    return displaySizePx.x * 0.22f;
}

HotspotMarkersCommand drawHotspotMarkers(const HotspotMarkersView& view) {
    HotspotMarkersCommand command;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float s = view.uiScale;
    const float d = hotspotMarkerDiameterPx(s);
    const float r = d * 0.5f;
    const float gap = 6.0f * s;
    const ImVec2 labelPad(10.0f * s, 6.0f * s);
    const float labelMaxW = hotspotLabelMaxWidthPx(display);
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
        // The label sits right of the disc, or left of it near the right edge of the screen.
        ImVec2 labelSize(0.0f, 0.0f);
        // Broken once, then measured and drawn unwrapped: the label box fits the drawn lines.
        const std::string titleLines = withLineBreaks(marker.title, labelMaxW);
        if (!marker.title.empty()) {
            const ImVec2 text =
                    ImGui::CalcTextSize(titleLines.data(), titleLines.data() + titleLines.size());
            labelSize = ImVec2(text.x + 2.0f * labelPad.x, text.y + 2.0f * labelPad.y);
        }
        const float extra = labelSize.x > 0.0f ? gap + labelSize.x : 0.0f;
        const bool labelLeft = p.x + r + extra > display.x;
        const ImVec2 size(d + extra, std::max(d, labelSize.y));
        const ImVec2 pos(labelLeft ? p.x + r - size.x : p.x - r, p.y - size.y * 0.5f);

        std::string windowId("##marker.");
        windowId.append(marker.id);
        ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
        ImGui::SetNextWindowSize(size, ImGuiCond_Always);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
        ImGui::Begin(windowId.c_str(), nullptr, kFlags);
        const ImVec2 min = ImGui::GetCursorScreenPos();
        // The disc and its label are one touch target.
        if (ImGui::InvisibleButton("##tap", size)) {
            command.tappedId = marker.id;
        }
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 centre(labelLeft ? min.x + size.x - r : min.x + r, min.y + size.y * 0.5f);
        // A ringed disc with a dot: visible on bright and dark scenery alike.
        draw->AddCircleFilled(centre, r * 0.92f, c.markerShadow, 24);
        draw->AddCircleFilled(centre, r * 0.78f, marker.selected ? c.selected : c.markerFill, 24);
        draw->AddCircle(centre, r * 0.78f, c.markerRing, 24, 3.0f * s);
        draw->AddCircleFilled(centre, r * 0.22f, c.markerRing, 12);
        if (marker.visited) {
            const ImVec2 b(centre.x + r * 0.55f, centre.y - r * 0.55f);
            draw->AddCircleFilled(b, r * 0.3f, c.explored, 12);
        }
        if (labelSize.x > 0.0f) {
            const float x = labelLeft ? min.x : centre.x + r + gap;
            const ImVec2 lmin(x, centre.y - labelSize.y * 0.5f);
            const ImVec2 lmax(x + labelSize.x, centre.y + labelSize.y * 0.5f);
            draw->AddRectFilled(lmin, lmax, c.nodeFill, 8.0f * s);
            draw->AddRect(lmin, lmax, c.nodeBorder, 8.0f * s, ImDrawFlags_None, 1.5f * s);
            draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                          ImVec2(lmin.x + labelPad.x, lmin.y + labelPad.y), c.text,
                          titleLines.data(), titleLines.data() + titleLines.size());
            recordDrawnText(marker.title);
        }
        ImGui::End();
        ImGui::PopStyleVar(2);
        std::string targetId("marker.");
        targetId.append(marker.id);
        command.targets.push_back(
                {std::move(targetId), min, ImVec2(min.x + size.x, min.y + size.y)});
    }
    return command;
}

} // namespace kiln::ui
