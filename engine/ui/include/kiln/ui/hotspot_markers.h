// HotspotMarkers: the round markers of a scene's hotspots, drawn at the screen positions the app
// projects from their 3D anchors each frame (so they follow the camera). A marker the app found
// occluded (by picking) or off screen is hidden and cannot be tapped. Tapping one (its disc or its
// title label) returns its id.
// Each marker is its own small ImGui window, so io.WantCaptureMouse tells the app not to orbit or
// pick under it. Reads a plain view; no GL, no SDL, no projection.
#pragma once

#include "kiln/ui/touch_target.h"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace kiln::ui {

struct HotspotMarkerView {
    std::string id;        // the hotspot id, "egg_kiln.chimney"
    ImVec2 screenPosPx;    // the projected anchor, top-left origin
    bool occluded = false; // something is in front of the anchor: hide the marker
    bool visited = false;  // the visitor has opened its card: drawn with a badge
    bool selected = false; // its card is open
    std::string title;     // the hotspot's title in the chosen language, shown beside the disc;
                           // empty for a bare disc
};

struct HotspotMarkersView {
    std::vector<HotspotMarkerView> markers;
    float uiScale = 1.0f;
};

struct HotspotMarkersCommand {
    std::optional<std::string> tappedId;
    std::vector<TouchTarget> targets; // one "marker.<id>" per visible marker
};

// The marker's diameter: a touch target.
float hotspotMarkerDiameterPx(float uiScale);

// The widest a marker's title label grows before it wraps.
float hotspotLabelMaxWidthPx(ImVec2 displaySizePx);

// Draws the visible markers. Call right after NewFrame, before the panels, so panels cover them.
HotspotMarkersCommand drawHotspotMarkers(const HotspotMarkersView& view);

} // namespace kiln::ui
