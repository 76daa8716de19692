// The diamond and its mechanism card, run headless: taps on nodes return their ids, the scene's
// determinants are lit and explored ones marked, and the layout keeps every node inside the
// panel, apart from the others and at least a touch target in size.
#include "kiln/ui/diamond_view.h"

#include "kiln/ui/mechanism_card.h"
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/theme.h"
#include "overlay_harness.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace kiln;
using content::Depth;
using content::Language;

namespace {

const ui::TouchTarget* findTarget(const std::vector<ui::TouchTarget>& targets,
                                  const std::string& id) {
    for (const ui::TouchTarget& t : targets) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

bool inside(ImVec2 min, ImVec2 max, ImVec2 outerMin, ImVec2 outerMax) {
    const float eps = 0.5f;
    return min.x >= outerMin.x - eps && min.y >= outerMin.y - eps && max.x <= outerMax.x + eps &&
           max.y <= outerMax.y + eps;
}

bool overlap(const ui::TouchTarget& a, const ui::TouchTarget& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

} // namespace

TEST(DiamondView, LightsTheScenesDeterminantsAndMarksExploredOnes) {
    const auto& lib = test::overlayLibrary();
    const std::set<std::string, std::less<>> explored = {"government"};
    const ui::DiamondViewModel view =
            ui::buildDiamondView(lib, "egg_kiln", explored, Language::En, "", 1.0f);
    ASSERT_EQ(view.nodes.size(), 7u);
    ASSERT_EQ(view.links.size(), lib.model.links.size());
    std::set<std::string> lit;
    for (const auto& node : view.nodes) {
        if (node.lit) {
            lit.insert(node.id);
        }
        EXPECT_EQ(node.explored, node.id == "government") << node.id;
        EXPECT_FALSE(node.name.empty());
    }
    // egg_kiln.json links factor_conditions and opportunity.
    EXPECT_EQ(lit, (std::set<std::string>{"factor_conditions", "opportunity"}));
    EXPECT_EQ(view.nodes[0].name, lib.model.determinants[0].name.en);
    // An unknown scene lights nothing.
    const auto none = ui::buildDiamondView(lib, "no_such_scene", {}, Language::Zh, "", 1.0f);
    for (const auto& node : none.nodes) {
        EXPECT_FALSE(node.lit) << node.id;
    }
    EXPECT_EQ(none.nodes[0].name, lib.model.determinants[0].name.zh);
}

TEST(DiamondView, TappingEachNodeReturnsItsId) {
    const auto& lib = test::overlayLibrary();
    test::OverlayHarness h;
    const ui::OverlayLayout layout = ui::computeOverlayLayout(h.displaySize(), h.uiScale());
    const auto view = ui::buildDiamondView(lib, "egg_kiln", {}, Language::Zh, "", h.uiScale());
    ui::DiamondCommand command;
    auto draw = [&] { command = ui::drawDiamond(view, layout.diamond); };
    h.frame(draw);
    h.frame(draw);
    const std::vector<ui::TouchTarget> targets = command.targets;
    for (const auto& node : view.nodes) {
        const ui::TouchTarget* t = findTarget(targets, "node." + node.id);
        ASSERT_NE(t, nullptr) << node.id;
        h.tap(test::centreOf(t->min, t->max), draw);
        ASSERT_TRUE(command.tappedId.has_value()) << node.id;
        EXPECT_EQ(*command.tappedId, node.id);
        EXPECT_FALSE(command.close);
        h.liftAway();
        h.frame(draw);
    }
}

TEST(DiamondView, TapBetweenNodesOpensNothingAndCloseCloses) {
    const auto& lib = test::overlayLibrary();
    test::OverlayHarness h;
    const ui::OverlayLayout layout = ui::computeOverlayLayout(h.displaySize(), h.uiScale());
    const auto view = ui::buildDiamondView(lib, "egg_kiln", {}, Language::En, "", h.uiScale());
    ui::DiamondCommand command;
    auto draw = [&] { command = ui::drawDiamond(view, layout.diamond); };
    h.frame(draw);
    h.frame(draw);
    // The canvas's top-left corner: no node is placed there (model.json layouts).
    const ImVec2 empty(command.canvasMin.x + 4.0f, command.canvasMin.y + 4.0f);
    h.tap(empty, draw);
    EXPECT_FALSE(command.tappedId.has_value());
    EXPECT_FALSE(command.close);
    const ui::TouchTarget* close = findTarget(command.targets, "close");
    ASSERT_NE(close, nullptr);
    h.tap(test::centreOf(close->min, close->max), draw);
    EXPECT_TRUE(command.close);
    EXPECT_FALSE(command.tappedId.has_value());
}

TEST(DiamondView, NodesStayInsideTheCanvasApartAndTouchSized) {
    const auto& lib = test::overlayLibrary();
    for (ImVec2 display : {ImVec2(1280.0f, 720.0f), ImVec2(1920.0f, 1080.0f)}) {
        for (int level = ui::kMinTextSizeLevel; level <= ui::kMaxTextSizeLevel; ++level) {
            for (Language language : content::kLanguages) {
                test::OverlayHarness h(display, false, level);
                const auto layout = ui::computeOverlayLayout(h.displaySize(), h.uiScale());
                const auto view = ui::buildDiamondView(lib, "taoxichuan", {"factor_conditions"},
                                                       language, "demand_conditions", h.uiScale());
                ui::DiamondCommand command;
                auto draw = [&] { command = ui::drawDiamond(view, layout.diamond); };
                h.frame(draw);
                h.frame(draw);
                const std::string where = std::to_string(int(display.x)) + " level " +
                                          std::to_string(level) + " " +
                                          std::string(content::languageCode(language));
                const ImVec2 panelMax(layout.diamond.pos.x + layout.diamond.size.x,
                                      layout.diamond.pos.y + layout.diamond.size.y);
                EXPECT_TRUE(
                        inside(command.canvasMin, command.canvasMax, layout.diamond.pos, panelMax))
                        << where;
                std::vector<ui::TouchTarget> nodes;
                for (const auto& t : command.targets) {
                    EXPECT_GE(t.width(), ui::touchTargetPx(h.uiScale()) - 0.01f) << t.id << where;
                    EXPECT_GE(t.height(), ui::touchTargetPx(h.uiScale()) - 0.01f) << t.id << where;
                    EXPECT_TRUE(inside(t.min, t.max, layout.diamond.pos, panelMax))
                            << t.id << where;
                    if (t.id.rfind("node.", 0) == 0) {
                        EXPECT_TRUE(inside(t.min, t.max, command.canvasMin, command.canvasMax))
                                << t.id << where;
                        nodes.push_back(t);
                    }
                }
                ASSERT_EQ(nodes.size(), 7u) << where;
                for (std::size_t i = 0; i < nodes.size(); ++i) {
                    for (std::size_t j = i + 1; j < nodes.size(); ++j) {
                        EXPECT_FALSE(overlap(nodes[i], nodes[j]))
                                << nodes[i].id << " overlaps " << nodes[j].id << " at " << where;
                    }
                }
            }
        }
    }
}

TEST(MechanismCard, ShowsTheMechanismsActingThroughTheDeterminant) {
    const auto& lib = test::overlayLibrary();
    const auto card = ui::buildMechanismCard(lib, "opportunity", "egg_kiln", Language::En,
                                             Depth::Visitor, 1.0f);
    EXPECT_EQ(card.name, lib.model.findDeterminant("opportunity")->name.en);
    ASSERT_EQ(card.mechanisms.size(), 2u); // §3.6 and §3.7 both act through opportunity
    EXPECT_EQ(card.mechanisms[0].id, "government_opportunity");
    EXPECT_EQ(card.mechanisms[1].id, "international_events");
    EXPECT_FALSE(card.why.empty()); // egg_kiln links opportunity, with a reason
    EXPECT_FALSE(card.mechanisms[0].source.empty());
    // The depth switch changes the text; a determinant the scene does not link has no "why".
    const auto student = ui::buildMechanismCard(lib, "opportunity", "egg_kiln", Language::En,
                                                Depth::Student, 1.0f);
    EXPECT_NE(student.text, card.text);
    EXPECT_NE(student.mechanisms[0].text, card.mechanisms[0].text);
    const auto unlinked = ui::buildMechanismCard(lib, "demand_conditions", "egg_kiln", Language::Zh,
                                                 Depth::Visitor, 1.0f);
    EXPECT_TRUE(unlinked.why.empty());
    const auto unknown =
            ui::buildMechanismCard(lib, "nothing", "egg_kiln", Language::Zh, Depth::Visitor, 1.0f);
    EXPECT_EQ(unknown.name, lib.unavailableText(Language::Zh));
    EXPECT_TRUE(unknown.mechanisms.empty());
}

TEST(MechanismCard, CloseButtonClosesAndBodyTapsDoNot) {
    const auto& lib = test::overlayLibrary();
    test::OverlayHarness h;
    const auto layout = ui::computeOverlayLayout(h.displaySize(), h.uiScale());
    const auto card = ui::buildMechanismCard(lib, "factor_conditions", "egg_kiln", Language::Zh,
                                             Depth::Student, h.uiScale());
    ui::CardCommand command;
    auto draw = [&] { command = ui::drawMechanismCard(card, layout.card); };
    h.frame(draw);
    h.frame(draw);
    const ImVec2 body(layout.card.pos.x + layout.card.size.x * 0.5f,
                      layout.card.pos.y + layout.card.size.y * 0.6f);
    h.tap(body, draw);
    EXPECT_FALSE(command.close);
    ASSERT_EQ(command.targets.size(), 1u);
    EXPECT_GE(command.targets[0].height(), ui::touchTargetPx(h.uiScale()) - 0.01f);
    h.tap(test::centreOf(command.targets[0].min, command.targets[0].max), draw);
    EXPECT_TRUE(command.close);
}
