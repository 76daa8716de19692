// Runs the overlay widgets headless: an ImGui context with a display size and a CJK font atlas
// built on the CPU (no GL), frames driven by hand, and taps simulated with io.MousePos and
// io.MouseDown across frames (ImGui 1.86 predates the io.AddMouse*Event API).
#pragma once

#include "kiln/content/content.h"

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

namespace kiln::test {

// The real content, loaded once per test program.
const content::ContentLibrary& overlayLibrary();

class OverlayHarness {
public:
    // uiScale follows the app: max(0.5, height / 1080); the font is 28 px at 1080p, scaled.
    explicit OverlayHarness(ImVec2 displaySizePx = ImVec2(1280.0f, 720.0f),
                            bool highContrast = false, int textSizeLevel = 0);
    ~OverlayHarness();
    OverlayHarness(const OverlayHarness&) = delete;
    OverlayHarness& operator=(const OverlayHarness&) = delete;

    float uiScale() const { return mUiScale; }
    ImVec2 displaySize() const { return mDisplay; }

    // One frame: NewFrame, draw(), Render. The mouse stays where it is.
    void frame(const std::function<void()>& draw);
    // A tap at pos: a frame with the finger over pos, one pressing, one releasing. draw() runs in
    // each; it should keep the command of the last frame, which is when a tap completes.
    void tap(ImVec2 pos, const std::function<void()>& draw);
    // Moves the finger away (off every widget) for the next frames.
    void liftAway();

private:
    ImGuiContext* mContext = nullptr;
    ImVec2 mDisplay;
    float mUiScale = 1.0f;
};

// The windows of the last frame whose content was wider than the space inside them, so that part
// of it was cut off at the right edge: "name (content W px, room R px)". A window's content width
// is ImGui's own record of how far its items reached (a frame late, so draw twice first).
// With heightToo, also the windows that cannot scroll and whose content ran past their bottom.
std::vector<std::string> windowsCuttingOffContent(bool heightToo = false);

inline ImVec2 centreOf(ImVec2 min, ImVec2 max) {
    return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
}

} // namespace kiln::test
