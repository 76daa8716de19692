// StatusPanel: a compact bilingual panel of labelled values in the top-right corner (the firing's
// time, temperatures by zone and atmosphere; the evidence view's legend with its colours).
// Reads plain rows prepared by the app; no GL, no SDL.
#pragma once

#include <glm/glm.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kiln::ui {

struct StatusRow {
    std::string labelZh;
    std::string labelEn;
    std::string value;               // already formatted, e.g. "1297 °C"
    std::optional<glm::vec3> swatch; // a colour square before the label (legends)
};

struct StatusPanelView {
    std::string id; // ImGui window id, unique per panel
    std::string titleZh;
    std::string titleEn;
    std::vector<StatusRow> rows;
    float uiScale = 1.0f;
    float topOffsetPx = 0.0f; // to stack panels
};

// Draws the panel; returns its height in pixels, for stacking the next one below.
float drawStatusPanel(const StatusPanelView& view);

} // namespace kiln::ui
