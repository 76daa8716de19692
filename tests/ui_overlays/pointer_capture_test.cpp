// Which presses belong to the overlays: judged by where the press lands against the windows of
// the last frame, not by where the pointer was when that frame began (ImGui's WantCaptureMouse).
#include "kiln/ui/pointer_capture.h"

#include "overlay_harness.h"

#include <gtest/gtest.h>
#include <imgui.h>

using kiln::test::OverlayHarness;
using kiln::ui::overlayTakesPressAt;

namespace {

// A 300x200 panel at (100, 100), and a full-screen layer that takes no input (as the attract
// loop's caption does).
void drawPanels() {
    ImGui::SetNextWindowPos(ImVec2(100.0f, 100.0f));
    ImGui::SetNextWindowSize(ImVec2(300.0f, 200.0f));
    ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::TextUnformatted("a card");
    ImGui::End();
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("caption", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                         ImGuiWindowFlags_NoBackground);
    ImGui::End();
}

} // namespace

TEST(PointerCapture, APressIsJudgedByWhereItLandsNotWhereThePointerWas) {
    OverlayHarness h;
    // The pointer was last over the panel: ImGui still says it wants the mouse.
    h.tap(ImVec2(200.0f, 200.0f), drawPanels);
    h.frame(drawPanels);
    ASSERT_TRUE(ImGui::GetIO().WantCaptureMouse);
    // A press on the scene beside it belongs to the scene; one on the panel to the panel.
    EXPECT_FALSE(overlayTakesPressAt(ImVec2(600.0f, 200.0f)));
    EXPECT_FALSE(overlayTakesPressAt(ImVec2(401.0f, 200.0f)));
    EXPECT_TRUE(overlayTakesPressAt(ImVec2(399.0f, 299.0f)));
    EXPECT_TRUE(overlayTakesPressAt(ImVec2(100.0f, 100.0f)));
    // The full-screen layer takes no input, so it never claims a press.
    EXPECT_FALSE(overlayTakesPressAt(ImVec2(5.0f, 5.0f)));
}

TEST(PointerCapture, AWindowNoLongerDrawnNoLongerTakesPresses) {
    OverlayHarness h;
    h.frame(drawPanels);
    EXPECT_TRUE(overlayTakesPressAt(ImVec2(200.0f, 200.0f)));
    h.frame([] {}); // the card was closed
    EXPECT_FALSE(overlayTakesPressAt(ImVec2(200.0f, 200.0f)));
}

TEST(PointerCapture, InsideAFrameTheLastFramesWindowsCount) {
    OverlayHarness h;
    h.frame(drawPanels);
    bool during = false;
    h.frame([&] { during = overlayTakesPressAt(ImVec2(200.0f, 200.0f)); });
    EXPECT_TRUE(during);
}
