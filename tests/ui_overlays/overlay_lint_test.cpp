// The overlays' text lints: every string they draw comes from the content (none is written in
// C++), and no string overflows its panel at 1280x720 in either language and at every text size
// (no word wider than the space it wraps in; no button label wider than its button).
#include "kiln/ui/diamond_view.h"
#include "kiln/ui/hotspot_card.h"
#include "kiln/ui/hotspot_markers.h"
#include "kiln/ui/language_bar.h"
#include "kiln/ui/mechanism_card.h"
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/pathway_panel.h"
#include "kiln/ui/scene_card.h"
#include "kiln/ui/theme.h"
#include "kiln/ui/touch_target.h"
#include "overlay_harness.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

using namespace kiln;
using content::Depth;
using content::Language;

namespace {

// Draws every overlay for one scene; each panel's texts go to its own recorder.
struct PanelTexts {
    std::vector<std::string> diamond, mechanism, hotspot, pathways, bar, markers;
    ui::DiamondCommand diamondCommand;
};

PanelTexts drawEverything(test::OverlayHarness& h, const content::SceneContent& scene,
                          Language language, Depth depth, int textSizeLevel) {
    const auto& lib = test::overlayLibrary();
    const float s = h.uiScale();
    const auto layout = ui::computeOverlayLayout(h.displaySize(), s);
    ui::OverlaySettings settings{language, depth, textSizeLevel, false};
    const auto bar = ui::buildLanguageBarView(lib, settings, true, true, s);
    const auto diamond =
            ui::buildDiamondView(lib, scene.id, {"factor_conditions"}, language, "", s);
    const std::string determinant =
            scene.determinants.empty() ? "knowledge_innovation" : scene.determinants[0].id;
    const auto mechanism = ui::buildMechanismCard(lib, determinant, scene.id, language, depth, s);
    PanelTexts out;
    auto draw = [&](bool record) {
        ui::HotspotMarkersView markers;
        markers.uiScale = s;
        float y = 100.0f;
        for (const auto& hotspot : scene.hotspots) {
            markers.markers.push_back({hotspot.id, ImVec2(400.0f, y), false, false, false,
                                       std::string(lib.display(hotspot.title, language))});
            y += 60.0f;
        }
        {
            ui::DrawnTextRecorder r;
            (void)ui::drawHotspotMarkers(markers);
            if (record) {
                out.markers = r.texts();
            }
        }
        {
            ui::DrawnTextRecorder r;
            out.diamondCommand = ui::drawDiamond(diamond, layout.diamond);
            if (record) {
                out.diamond = r.texts();
            }
        }
        {
            ui::DrawnTextRecorder r;
            (void)ui::drawMechanismCard(mechanism, layout.card);
            if (record) {
                out.mechanism = r.texts();
            }
        }
        for (const auto& hotspot : scene.hotspots) {
            ui::DrawnTextRecorder r;
            (void)ui::drawHotspotCard(ui::buildHotspotCard(lib, hotspot.id, language, depth, s),
                                      layout.card);
            if (record) {
                out.hotspot.insert(out.hotspot.end(), r.texts().begin(), r.texts().end());
            }
        }
        {
            ui::DrawnTextRecorder r;
            (void)ui::drawPathwayPanel(ui::buildPathwayPanel(lib, scene.id, language, depth, s),
                                       layout.pathways);
            if (record) {
                out.pathways = r.texts();
            }
        }
        {
            ui::DrawnTextRecorder r;
            (void)ui::drawLanguageBar(bar, layout.bar);
            if (record) {
                out.bar = r.texts();
            }
        }
    };
    h.frame([&] { draw(false); });
    h.frame([&] { draw(false); });
    h.frame([&] { draw(true); });
    return out;
}

// The width a wrapped text has in a panel: its width minus padding, scrollbar and one indent.
float wrapWidthOf(const ui::PanelRect& rect) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return rect.size.x - 2.0f * style.WindowPadding.x - style.ScrollbarSize - style.IndentSpacing;
}

} // namespace

TEST(OverlayLint, EveryDrawnStringComesFromTheContent) {
    const auto& lib = test::overlayLibrary();
    std::set<std::string, std::less<>> known;
    for (const auto& entry : content::allStrings(lib)) {
        known.emplace(entry.text);
    }
    std::size_t drawn = 0;
    test::OverlayHarness h;
    for (const auto& scene : lib.scenes) {
        for (Language language : content::kLanguages) {
            for (Depth depth : content::kDepths) {
                const PanelTexts t = drawEverything(h, scene, language, depth, 0);
                for (const auto* list :
                     {&t.diamond, &t.mechanism, &t.hotspot, &t.pathways, &t.bar, &t.markers}) {
                    for (const std::string& text : *list) {
                        ++drawn;
                        EXPECT_TRUE(known.count(text) == 1) << "not from the content: \"" << text
                                                            << "\" (scene " << scene.id << ")";
                    }
                }
            }
        }
    }
    EXPECT_GT(drawn, 100u);
}

TEST(OverlayLint, TheRecorderSeesAStringWrittenInCpp) {
    // Proves the check above can fail: a label that is not in the content is recorded as drawn.
    test::OverlayHarness h;
    ui::DrawnTextRecorder r;
    h.frame([] {
        ImGui::Begin("##lint");
        (void)ui::touchButton("Hard-coded", "x", 1.0f, nullptr);
        ImGui::End();
    });
    ASSERT_EQ(r.texts().size(), 1u);
    EXPECT_EQ(r.texts()[0], "Hard-coded");
}

TEST(OverlayLint, NoStringOverflowsItsPanelAt1280x720) {
    const auto& lib = test::overlayLibrary();
    for (int level = ui::kMinTextSizeLevel; level <= ui::kMaxTextSizeLevel; ++level) {
        test::OverlayHarness h(ImVec2(1280.0f, 720.0f), false, level);
        const auto layout = ui::computeOverlayLayout(h.displaySize(), h.uiScale());
        for (const auto& scene : lib.scenes) {
            for (Language language : content::kLanguages) {
                for (Depth depth : content::kDepths) {
                    const PanelTexts t = drawEverything(h, scene, language, depth, level);
                    const std::string where = scene.id + " " +
                                              std::string(content::languageCode(language)) +
                                              " level " + std::to_string(level);
                    for (const std::string& cut : test::windowsCuttingOffContent()) {
                        ADD_FAILURE() << "window cuts off its content: " << cut << " at " << where;
                    }
                    // Measured with the context's font and text scale, inside a frame.
                    h.frame([&] {
                        auto check = [&](const std::vector<std::string>& texts, float width,
                                         const char* panel) {
                            for (const std::string& text : texts) {
                                EXPECT_LE(ui::widestUnbreakableRunPx(text), width)
                                        << panel << ": \"" << text << "\" at " << where;
                            }
                        };
                        check(t.mechanism, wrapWidthOf(layout.card), "card");
                        check(t.hotspot, wrapWidthOf(layout.card), "hotspot card");
                        check(t.pathways, wrapWidthOf(layout.pathways), "pathways");
                        // Figure 2's labels wrap inside its two boxes.
                        const auto panel =
                                ui::buildPathwayPanel(lib, scene.id, language, depth, h.uiScale());
                        check({panel.forcesLabel, panel.tourismLabel},
                              ui::figure2LabelWidthPx(wrapWidthOf(layout.pathways), h.uiScale()),
                              "figure 2");
                        check(t.diamond, wrapWidthOf(layout.diamond), "diamond");
                        check(t.markers, ui::hotspotLabelMaxWidthPx(h.displaySize()), "marker");
                        EXPECT_EQ(t.markers.size(), scene.hotspots.size()) << where;
                        // Node names wrap inside their nodes (8 px of padding, scaled).
                        const float pad = 2.0f * 8.0f * h.uiScale();
                        auto diamond =
                                ui::buildDiamondView(lib, scene.id, {}, language, "", h.uiScale());
                        for (const auto& node : diamond.nodes) {
                            for (const auto& target : t.diamondCommand.targets) {
                                if (target.id == "node." + node.id) {
                                    EXPECT_LE(ui::widestUnbreakableRunPx(node.name),
                                              target.width() - pad)
                                            << node.name << " at " << where;
                                }
                            }
                        }
                    });
                }
            }
        }
    }
}

// The scene card (both languages at once, titles included, the visitor text the app shows) at
// every text size: nothing runs past its right edge, and nothing past its bottom unless it
// scrolls. Taoxichuan's English title ran past the edge before the titles wrapped; at the
// largest text size three cards ran past their bottom before the card could scroll.
TEST(OverlayLint, TheSceneCardCutsNothingOffAt1280x720) {
    const auto& lib = test::overlayLibrary();
    for (int level = ui::kMinTextSizeLevel; level <= ui::kMaxTextSizeLevel; ++level) {
        test::OverlayHarness h(ImVec2(1280.0f, 720.0f), false, level);
        for (const auto& scene : lib.scenes) {
            for (Depth depth : {Depth::Visitor}) {
                ui::SceneCardView card;
                card.titleZh = std::string(lib.display(scene.title, Language::Zh));
                card.titleEn = std::string(lib.display(scene.title, Language::En));
                card.bodyZh = std::string(lib.display(scene.card, Language::Zh, depth));
                card.bodyEn = std::string(lib.display(scene.card, Language::En, depth));
                card.source = scene.source;
                card.uiScale = h.uiScale();
                for (int i = 0; i < 3; ++i) {
                    h.frame([&] { ui::drawSceneCard(card); });
                }
                for (const std::string& cut : test::windowsCuttingOffContent(true)) {
                    ADD_FAILURE() << "scene card cuts off its content: " << cut << " (" << scene.id
                                  << ", level " << level << ")";
                }
            }
        }
    }
}

TEST(OverlayLint, AWindowCuttingOffItsContentIsCaught) {
    // Proves the check above can fail: an unwrapped line wider than a fixed-width window.
    test::OverlayHarness h;
    for (int i = 0; i < 3; ++i) {
        h.frame([] {
            ImGui::SetNextWindowSize(ImVec2(200.0f, 100.0f));
            ImGui::Begin("##narrow", nullptr, ImGuiWindowFlags_NoDecoration);
            ImGui::TextUnformatted("Taoxichuan: from porcelain factory to creative district");
            ImGui::End();
        });
    }
    const auto cut = test::windowsCuttingOffContent();
    ASSERT_EQ(cut.size(), 1u);
    EXPECT_NE(cut[0].find("##narrow"), std::string::npos) << cut[0];
}

TEST(OverlayLint, AWindowCuttingOffItsBottomIsCaughtUnlessItScrolls) {
    // Ten lines in a window 100 px high: cut off without a scroll bar, reachable with one.
    test::OverlayHarness h;
    for (int i = 0; i < 3; ++i) {
        h.frame([] {
            const std::pair<const char*, ImGuiWindowFlags> windows[] = {
                    {"##short", ImGuiWindowFlags_NoDecoration},
                    {"##scrolls", ImGuiWindowFlags_NoTitleBar}};
            for (const auto& [name, flags] : windows) {
                ImGui::SetNextWindowSize(ImVec2(300.0f, 100.0f));
                ImGui::Begin(name, nullptr, flags);
                for (int line = 0; line < 10; ++line) {
                    ImGui::TextUnformatted("a line");
                }
                ImGui::End();
            }
        });
    }
    const auto cut = test::windowsCuttingOffContent(true);
    ASSERT_EQ(cut.size(), 1u);
    EXPECT_NE(cut[0].find("##short"), std::string::npos) << cut[0];
}

TEST(OverlayLint, AWordWiderThanItsPanelIsCaught) {
    // Proves the overflow measure can fail: one long word is as wide as itself, CJK breaks apart.
    test::OverlayHarness h;
    h.frame([] {
        const float word = ImGui::CalcTextSize("Jingdezhenporcelainkilnfiremaster").x;
        EXPECT_FLOAT_EQ(ui::widestUnbreakableRunPx("a Jingdezhenporcelainkilnfiremaster b"), word);
        EXPECT_LE(ui::widestUnbreakableRunPx("景德镇窑火"), ImGui::CalcTextSize("景").x + 0.01f);
        EXPECT_GT(ui::widestUnbreakableRunPx("景德镇窑火"), 0.0f);
    });
}
