// Whether a press at a point belongs to the overlays or to the 3D scene. ImGui's WantCaptureMouse
// is computed in NewFrame from where the pointer was then; a finger that lands after touching a
// panel would be judged by the panel it left (the first tap on the scene after a tap on a card
// was swallowed). This asks instead, with ImGui's own rule, whether a window drawn in the last
// frame that takes mouse input lies under the new point. No GL, no SDL.
#pragma once

#include <imgui.h>

namespace kiln::ui {

// True when a window of the last frame that takes mouse input (not ImGuiWindowFlags_NoInputs,
// not hidden) covers `px` (screen pixels), or when a popup is open (it takes every press).
// False with no ImGui context.
bool overlayTakesPressAt(ImVec2 px);

} // namespace kiln::ui
