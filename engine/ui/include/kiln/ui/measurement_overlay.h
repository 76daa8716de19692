// MeasurementOverlay: the measuring tool drawn over the scene: the picked points, the line between
// them and the distance label, in screen space with ImGui's foreground draw list. No GL, no SDL.
#pragma once

#include <glm/glm.hpp>

#include <optional>
#include <string>

namespace kiln::ui {

struct MeasurementView {
    std::optional<glm::vec2> pointAPx; // screen positions (top-left origin), when on screen
    std::optional<glm::vec2> pointBPx;
    std::string label; // "17.36 m", empty until both points are set
    float uiScale = 1.0f;
};

void drawMeasurement(const MeasurementView& view);

} // namespace kiln::ui
