// The pathway panel: the scene's pathways in the scene file's order with their reasons, Figure 2's
// effects grouped by direction, the depth switch, and the close button.
#include "kiln/ui/pathway_panel.h"

#include "kiln/ui/overlay_layout.h"
#include "overlay_harness.h"

#include <gtest/gtest.h>

using namespace kiln;
using content::Depth;
using content::EffectDirection;
using content::Language;

TEST(PathwayPanel, ListsTheScenesPathwaysWithTheirReasons) {
    const auto& lib = test::overlayLibrary();
    for (const auto& scene : lib.scenes) {
        const auto view = ui::buildPathwayPanel(lib, scene.id, Language::En, Depth::Visitor, 1.0f);
        ASSERT_EQ(view.pathways.size(), scene.pathways.size()) << scene.id;
        for (std::size_t i = 0; i < view.pathways.size(); ++i) {
            EXPECT_EQ(view.pathways[i].id, scene.pathways[i].id) << scene.id;
            EXPECT_EQ(view.pathways[i].why, scene.pathways[i].why.en) << scene.id;
            EXPECT_FALSE(view.pathways[i].text.empty()) << scene.id;
        }
    }
    EXPECT_TRUE(ui::buildPathwayPanel(lib, "no_such_scene", Language::Zh, Depth::Visitor, 1.0f)
                        .pathways.empty());
}

TEST(PathwayPanel, Figure2EffectsComeInDirectionOrder) {
    const auto& lib = test::overlayLibrary();
    const auto view = ui::buildPathwayPanel(lib, "taoxichuan", Language::Zh, Depth::Visitor, 1.0f);
    ASSERT_EQ(view.effects.size(), lib.model.effects.size());
    auto rank = [](EffectDirection d) {
        return d == EffectDirection::ForcesToTourism   ? 0
               : d == EffectDirection::TourismToForces ? 1
                                                       : 2;
    };
    for (std::size_t i = 1; i < view.effects.size(); ++i) {
        EXPECT_LE(rank(view.effects[i - 1].direction), rank(view.effects[i].direction));
    }
    EXPECT_EQ(view.forcesLabel, lib.model.forcesLabel.zh);
    EXPECT_EQ(view.tourismLabel, lib.model.tourismLabel.zh);
    const auto student =
            ui::buildPathwayPanel(lib, "taoxichuan", Language::Zh, Depth::Student, 1.0f);
    EXPECT_NE(student.effects[0].text, view.effects[0].text);
}

TEST(PathwayPanel, CloseButtonClosesAndDraggingScrolls) {
    const auto& lib = test::overlayLibrary();
    test::OverlayHarness h;
    const auto layout = ui::computeOverlayLayout(h.displaySize(), h.uiScale());
    const auto view = ui::buildPathwayPanel(lib, "imperial_factory", Language::En, Depth::Student,
                                            h.uiScale());
    ui::CardCommand command;
    float scrollY = 0.0f;
    auto draw = [&] {
        command = ui::drawPathwayPanel(view, layout.pathways);
        ImGui::Begin("##pathway_panel");
        ImGui::BeginChild("##body");
        scrollY = ImGui::GetScrollY();
        ImGui::EndChild();
        ImGui::End();
    };
    h.frame(draw);
    h.frame(draw);
    EXPECT_EQ(scrollY, 0.0f);
    // A finger drags up over the body: the student texts are longer than the panel, so it scrolls.
    ImGuiIO& io = ImGui::GetIO();
    const float x = layout.pathways.pos.x + layout.pathways.size.x * 0.5f;
    const float y = layout.pathways.pos.y + layout.pathways.size.y * 0.8f;
    io.MousePos = ImVec2(x, y);
    h.frame(draw);
    io.MouseDown[0] = true;
    h.frame(draw);
    for (int i = 1; i <= 10; ++i) {
        io.MousePos = ImVec2(x, y - 20.0f * static_cast<float>(i));
        h.frame(draw);
    }
    io.MouseDown[0] = false;
    h.frame(draw);
    EXPECT_GT(scrollY, 50.0f);
    EXPECT_FALSE(command.close);
    h.liftAway();
    h.frame(draw);
    ASSERT_EQ(command.targets.size(), 1u);
    h.tap(test::centreOf(command.targets[0].min, command.targets[0].max), draw);
    EXPECT_TRUE(command.close);
}
