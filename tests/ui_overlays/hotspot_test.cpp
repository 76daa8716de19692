// Hotspot markers and cards: a tap on a visible marker returns its id, occluded and off-screen
// markers are hidden and cannot be tapped, a marker captures the finger from the 3D view, and the
// card shows the hotspot's own text and source and closes on its button.
#include "kiln/ui/hotspot_card.h"
#include "kiln/ui/hotspot_markers.h"
#include "kiln/ui/mechanism_card.h"
#include "kiln/ui/overlay_layout.h"
#include "overlay_harness.h"

#include <gtest/gtest.h>

using namespace kiln;
using content::Depth;
using content::Language;

namespace {

ui::HotspotMarkersView threeMarkers(float uiScale) {
    ui::HotspotMarkersView view;
    view.uiScale = uiScale;
    view.markers.push_back({"egg_kiln.chimney", ImVec2(300.0f, 200.0f), false, false, false, ""});
    view.markers.push_back({"egg_kiln.hidden", ImVec2(600.0f, 200.0f), true, false, false, ""});
    view.markers.push_back({"egg_kiln.behind", ImVec2(-50.0f, 200.0f), false, true, false, ""});
    return view;
}

} // namespace

TEST(HotspotMarkers, TapOnAVisibleMarkerReturnsItsId) {
    test::OverlayHarness h;
    const auto view = threeMarkers(h.uiScale());
    ui::HotspotMarkersCommand command;
    auto draw = [&] { command = ui::drawHotspotMarkers(view); };
    h.frame(draw);
    ASSERT_EQ(command.targets.size(), 1u); // the occluded and the off-screen marker are hidden
    EXPECT_EQ(command.targets[0].id, "marker.egg_kiln.chimney");
    EXPECT_GE(command.targets[0].width(), ui::touchTargetPx(h.uiScale()));
    // The marker is centred on its anchor (ImGui snaps windows to whole pixels).
    const ImVec2 c = test::centreOf(command.targets[0].min, command.targets[0].max);
    EXPECT_NEAR(c.x, 300.0f, 1.0f);
    EXPECT_NEAR(c.y, 200.0f, 1.0f);
    // A tap a little off centre, still within the touch target.
    h.tap(ImVec2(300.0f + ui::touchTargetPx(h.uiScale()) * 0.4f, 200.0f), draw);
    ASSERT_TRUE(command.tappedId.has_value());
    EXPECT_EQ(*command.tappedId, "egg_kiln.chimney");
    EXPECT_TRUE(ImGui::GetIO().WantCaptureMouse); // the 3D view must not orbit or pick under it
}

TEST(HotspotMarkers, ATitledMarkerOpensFromItsLabelAndStaysOnScreen) {
    test::OverlayHarness h;
    const float w = h.displaySize().x;
    ui::HotspotMarkersView view;
    view.uiScale = h.uiScale();
    const std::string title = test::overlayLibrary().findHotspot("egg_kiln.chimney")->title.en;
    view.markers.push_back(
            {"egg_kiln.chimney", ImVec2(300.0f, 200.0f), false, false, false, title});
    view.markers.push_back(
            {"egg_kiln.edge", ImVec2(w - 10.0f, 400.0f), false, false, false, title});
    ui::HotspotMarkersCommand command;
    auto draw = [&] { command = ui::drawHotspotMarkers(view); };
    h.frame(draw);
    ASSERT_EQ(command.targets.size(), 2u);
    const float d = ui::hotspotMarkerDiameterPx(h.uiScale());
    // The label extends the target to the right of the disc, which stays on the anchor.
    EXPECT_NEAR(command.targets[0].min.x, 300.0f - d * 0.5f, 1.0f);
    EXPECT_GT(command.targets[0].width(), 2.0f * d);
    // Near the right edge the label goes to the left: the disc stays on its anchor.
    EXPECT_NEAR(command.targets[1].max.x, w - 10.0f + d * 0.5f, 1.0f);
    EXPECT_GT(command.targets[1].width(), 2.0f * d);
    // A tap on the label, well right of the disc, opens the hotspot.
    h.tap(ImVec2(command.targets[0].max.x - 10.0f, 200.0f), draw);
    ASSERT_TRUE(command.tappedId.has_value());
    EXPECT_EQ(*command.tappedId, "egg_kiln.chimney");
}

TEST(HotspotMarkers, OccludedMarkerCannotBeTapped) {
    test::OverlayHarness h;
    const auto view = threeMarkers(h.uiScale());
    ui::HotspotMarkersCommand command;
    auto draw = [&] { command = ui::drawHotspotMarkers(view); };
    h.frame(draw);
    h.tap(ImVec2(600.0f, 200.0f), draw);
    EXPECT_FALSE(command.tappedId.has_value());
    EXPECT_FALSE(ImGui::GetIO().WantCaptureMouse); // the tap goes to the 3D view
}

TEST(HotspotMarkers, MarkersFollowTheirAnchors) {
    test::OverlayHarness h;
    auto view = threeMarkers(h.uiScale());
    ui::HotspotMarkersCommand command;
    auto draw = [&] { command = ui::drawHotspotMarkers(view); };
    h.frame(draw);
    view.markers[0].screenPosPx = ImVec2(900.0f, 500.0f); // the camera moved
    h.frame(draw);
    ASSERT_EQ(command.targets.size(), 1u);
    const ImVec2 c = test::centreOf(command.targets[0].min, command.targets[0].max);
    EXPECT_NEAR(c.x, 900.0f, 1.0f);
    EXPECT_NEAR(c.y, 500.0f, 1.0f);
    h.tap(ImVec2(300.0f, 200.0f), draw); // where it was
    EXPECT_FALSE(command.tappedId.has_value());
}

TEST(HotspotMarkers, AMarkerStaysUnderAnOpenPanel) {
    // The card is open first; the marker appears later (the camera turned) under the card. A tap
    // there belongs to the card, not to the marker, though the marker's window is newer.
    const auto& lib = test::overlayLibrary();
    test::OverlayHarness h;
    const auto layout = ui::computeOverlayLayout(h.displaySize(), h.uiScale());
    const auto card = ui::buildMechanismCard(lib, "government", "", Language::En, Depth::Visitor,
                                             h.uiScale());
    const ImVec2 underCard(layout.card.pos.x + layout.card.size.x * 0.5f,
                           layout.card.pos.y + layout.card.size.y * 0.7f);
    ui::HotspotMarkersView view;
    view.uiScale = h.uiScale();
    view.markers.push_back({"egg_kiln.chimney", underCard, false, false, false, ""});
    bool showMarker = false;
    ui::HotspotMarkersCommand command;
    auto draw = [&] {
        command = showMarker ? ui::drawHotspotMarkers(view) : ui::HotspotMarkersCommand{};
        (void)ui::drawMechanismCard(card, layout.card);
    };
    h.frame(draw);
    h.frame(draw);
    showMarker = true;
    h.frame(draw);
    ASSERT_EQ(command.targets.size(), 1u);
    h.tap(underCard, draw);
    EXPECT_FALSE(command.tappedId.has_value());
}

TEST(HotspotCard, EveryHotspotHasACardWithTextAndSource) {
    const auto& lib = test::overlayLibrary();
    int cards = 0;
    for (const auto& scene : lib.scenes) {
        for (const auto& hotspot : scene.hotspots) {
            for (Language language : content::kLanguages) {
                const auto card =
                        ui::buildHotspotCard(lib, hotspot.id, language, Depth::Visitor, 1.0f);
                EXPECT_EQ(card.title, hotspot.title.in(language)) << hotspot.id;
                EXPECT_EQ(card.text, hotspot.text.in(language, Depth::Visitor)) << hotspot.id;
                EXPECT_EQ(card.source, hotspot.source) << hotspot.id;
                EXPECT_EQ(card.terms.size(), hotspot.termIds.size()) << hotspot.id;
                ++cards;
            }
        }
    }
    EXPECT_GT(cards, 0);
    const auto unknown =
            ui::buildHotspotCard(lib, "nowhere.nothing", Language::En, Depth::Visitor, 1.0f);
    EXPECT_EQ(unknown.title, lib.unavailableText(Language::En));
}

TEST(HotspotCard, CloseButtonCloses) {
    const auto& lib = test::overlayLibrary();
    ASSERT_FALSE(lib.scenes.empty());
    const auto* scene = lib.findScene("egg_kiln");
    ASSERT_NE(scene, nullptr);
    ASSERT_FALSE(scene->hotspots.empty());
    test::OverlayHarness h;
    const auto layout = ui::computeOverlayLayout(h.displaySize(), h.uiScale());
    const auto card = ui::buildHotspotCard(lib, scene->hotspots[0].id, Language::Zh, Depth::Student,
                                           h.uiScale());
    ui::CardCommand command;
    auto draw = [&] { command = ui::drawHotspotCard(card, layout.card); };
    h.frame(draw);
    h.frame(draw);
    EXPECT_FALSE(command.close);
    ASSERT_EQ(command.targets.size(), 1u);
    h.tap(test::centreOf(command.targets[0].min, command.targets[0].max), draw);
    EXPECT_TRUE(command.close);
}
