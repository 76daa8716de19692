#include "kiln/ui/pointer_capture.h"

#include <imgui_internal.h> // the window list: ImGui has no public query of a point

namespace kiln::ui {

bool overlayTakesPressAt(ImVec2 px) {
    const ImGuiContext* g = ImGui::GetCurrentContext();
    if (g == nullptr) {
        return false;
    }
    if (!g->OpenPopupStack.empty()) {
        return true;
    }
    // The same test as ImGui's FindHoveredWindow, on the windows as the last frame left them:
    // between frames a window's Active says whether it was drawn; inside a frame (after NewFrame,
    // which moves it to WasActive) WasActive does.
    const bool betweenFrames = g->FrameCountEnded == g->FrameCount;
    for (int i = g->Windows.Size - 1; i >= 0; --i) {
        const ImGuiWindow* window = g->Windows[i];
        if (!(betweenFrames ? window->Active : window->WasActive)) {
            continue;
        }
        if (window->Hidden || (window->Flags & ImGuiWindowFlags_NoMouseInputs) != 0) {
            continue;
        }
        if (window->OuterRectClipped.Contains(px)) {
            return true;
        }
    }
    return false;
}

} // namespace kiln::ui
