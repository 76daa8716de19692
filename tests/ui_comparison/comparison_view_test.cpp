// The comparison view headless: the view carries the published figures and the simulated ones;
// taps on a kiln (table or timeline) and on a change return their commands, close closes; every
// control is a touch target; every string drawn is from the content (placeholders filled with
// numbers, axis ticks are numbers); no text overflows its room at 1280x720 in either language, at
// either depth and every text size, with nothing, a kiln or a change selected.
#include "kiln/ui/comparison_view.h"

#include "kiln/content/string_catalog.h"
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/quiz_panel.h"
#include "kiln/ui/theme.h"
#include "overlay_harness.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

using namespace kiln;
using content::ComparisonQuantity;
using content::Depth;
using content::Language;

namespace {

const std::vector<ui::ComparisonRun>& runs() {
    static const std::vector<ui::ComparisonRun> r =
            ui::runComparisonFirings(test::overlayLibrary().comparison, 0.5);
    return r;
}

struct Rig {
    explicit Rig(test::OverlayHarness& harness, Language lang = Language::En,
                 Depth dep = Depth::Visitor)
        : h(harness), language(lang), depth(dep) {}
    test::OverlayHarness& h;
    Language language = Language::En;
    Depth depth = Depth::Visitor;
    std::string selectedKiln;
    std::optional<std::size_t> selectedStep;
    ui::ComparisonCommand last;

    ui::PanelRect rect() const {
        return ui::computeOverlayLayout(h.displaySize(), h.uiScale()).comparison;
    }
    ui::ComparisonViewModel view() const {
        return ui::buildComparisonView(test::overlayLibrary(), runs(), language, depth,
                                       selectedKiln, selectedStep, h.uiScale());
    }
    void draw() { last = ui::drawComparisonView(view(), rect()); }
    void frame() {
        h.frame([&] { draw(); });
    }
    ui::ComparisonCommand tap(const std::string& id) {
        frame();
        frame();
        const auto it = std::find_if(last.targets.begin(), last.targets.end(),
                                     [&](const ui::TouchTarget& t) { return t.id == id; });
        EXPECT_NE(it, last.targets.end()) << id;
        if (it == last.targets.end()) {
            return {};
        }
        h.tap(test::centreOf(it->min, it->max), [&] { draw(); });
        ui::ComparisonCommand out = last;
        h.liftAway();
        return out;
    }
};

} // namespace

TEST(ComparisonView, CarriesThePublishedAndTheSimulatedFigures) {
    const auto& lib = test::overlayLibrary();
    for (Language language : content::kLanguages) {
        const auto view =
                ui::buildComparisonView(lib, runs(), language, Depth::Student, "", {}, 1.0f);
        ASSERT_EQ(view.kilns.size(), lib.comparison.kilns.size());
        for (std::size_t i = 0; i < view.kilns.size(); ++i) {
            const auto& k = view.kilns[i];
            const auto& data = lib.comparison.kilns[i];
            SCOPED_TRACE(k.id);
            EXPECT_EQ(k.name, lib.display(data.name, language));
            EXPECT_EQ(k.text, lib.display(data.text, language, Depth::Student));
            ASSERT_NE(k.run, nullptr);
            for (ComparisonQuantity q : content::kComparisonQuantities) {
                const auto& cell = k.cells[static_cast<std::size_t>(q)];
                EXPECT_EQ(cell.value, lib.display(data.figure(q).value, language));
                EXPECT_EQ(cell.source, data.figure(q).source);
                EXPECT_EQ(cell.published, data.figure(q).published);
            }
            // The sim gives fuel, stoking time and spread; it has nothing to say on capacity.
            EXPECT_TRUE(k.cells[0].simulated.empty());
            for (std::size_t q = 1; q < 4; ++q) {
                EXPECT_FALSE(k.cells[q].simulated.empty()) << q;
            }
        }
        // Each step sits under the kiln it leads to, with its determinant's name.
        ASSERT_FALSE(view.steps.empty());
        for (std::size_t s = 0; s < view.steps.size(); ++s) {
            const auto& step = view.steps[s];
            const auto it = std::find_if(view.kilns.begin(), view.kilns.end(),
                                         [&](const auto& k) { return k.id == step.toId; });
            ASSERT_NE(it, view.kilns.end());
            EXPECT_EQ(it->stepInto, s);
            EXPECT_EQ(step.determinantName,
                      lib.display(lib.model.findDeterminant(step.determinantId)->name, language));
        }
    }
}

TEST(ComparisonView, AKilnWithoutARunShowsNoSimulatedFigure) {
    const auto view = ui::buildComparisonView(test::overlayLibrary(), {}, Language::En,
                                              Depth::Visitor, "", {}, 1.0f);
    for (const auto& k : view.kilns) {
        EXPECT_EQ(k.run, nullptr);
        for (const auto& cell : k.cells) {
            EXPECT_TRUE(cell.simulated.empty());
        }
    }
}

TEST(ComparisonView, TapsSelectAKilnOrAChangeAndClose) {
    test::OverlayHarness h;
    Rig rig{h};
    const auto& kilns = test::overlayLibrary().comparison.kilns;
    for (const auto& k : kilns) {
        const auto c = rig.tap("kiln." + k.id);
        EXPECT_EQ(c.selectKiln, k.id);
        EXPECT_FALSE(c.close);
    }
    EXPECT_EQ(rig.tap("timeline." + kilns.front().id).selectKiln, kilns.front().id);
    const auto step = rig.tap("step.0");
    EXPECT_EQ(step.selectStep, 0u);
    EXPECT_FALSE(step.selectKiln.has_value());
    EXPECT_TRUE(rig.tap("close").close);
    // A tap on the chart selects nothing.
    rig.frame();
    h.tap(test::centreOf(rig.last.chartMin, rig.last.chartMax), [&] { rig.draw(); });
    EXPECT_FALSE(rig.last.any());
}

TEST(ComparisonView, TheChartSitsInsideThePanel) {
    test::OverlayHarness h;
    Rig rig{h};
    rig.frame();
    rig.frame();
    const auto r = rig.rect();
    EXPECT_GT(rig.last.chartMax.x - rig.last.chartMin.x, r.size.x * 0.5f);
    EXPECT_GT(rig.last.chartMax.y - rig.last.chartMin.y, 100.0f);
    EXPECT_GE(rig.last.chartMin.x, r.pos.x);
    EXPECT_LE(rig.last.chartMax.x, r.pos.x + r.size.x);
}

TEST(ComparisonView, EveryControlIsATouchTarget) {
    for (ImVec2 display : {ImVec2(1280.0f, 720.0f), ImVec2(1920.0f, 1080.0f)}) {
        for (int level = ui::kMinTextSizeLevel; level <= ui::kMaxTextSizeLevel; ++level) {
            test::OverlayHarness h(display, false, level);
            Rig rig{h};
            rig.frame();
            rig.frame();
            ASSERT_GE(rig.last.targets.size(), 1u + 2u * rig.view().kilns.size());
            const auto r = rig.rect();
            for (const auto& t : rig.last.targets) {
                SCOPED_TRACE(t.id);
                EXPECT_GE(t.width() + 0.01f, ui::touchTargetPx(h.uiScale()));
                EXPECT_GE(t.height() + 0.01f, ui::touchTargetPx(h.uiScale()));
                EXPECT_GE(t.min.x, r.pos.x);
                EXPECT_LE(t.max.x, r.pos.x + r.size.x + 0.01f);
            }
        }
    }
}

namespace {

struct KnownStrings {
    std::set<std::string, std::less<>> exact;
    std::vector<std::regex> patterns;

    KnownStrings() {
        for (const auto& entry : content::allStrings(test::overlayLibrary())) {
            const std::string text(entry.text);
            exact.insert(text);
            if (text.find('{') == std::string::npos) {
                continue;
            }
            std::string pattern;
            for (std::size_t i = 0; i < text.size(); ++i) {
                if (text[i] == '{') {
                    const std::size_t close = text.find('}', i);
                    if (close != std::string::npos) {
                        pattern += "-?[0-9]+(\\.[0-9]+)?";
                        i = close;
                        continue;
                    }
                }
                if (std::string("\\^$.|?*+()[]{}").find(text[i]) != std::string::npos) {
                    pattern += '\\';
                }
                pattern += text[i];
            }
            patterns.emplace_back(pattern);
        }
    }
    bool contains(const std::string& text) const {
        static const std::regex number("^-?[0-9]+$"); // axis ticks
        if (exact.count(text) == 1 || std::regex_match(text, number)) {
            return true;
        }
        return std::any_of(patterns.begin(), patterns.end(),
                           [&](const std::regex& p) { return std::regex_match(text, p); });
    }
};

} // namespace

TEST(ComparisonView, EveryDrawnStringComesFromTheContent) {
    const KnownStrings known;
    test::OverlayHarness h;
    std::size_t count = 0;
    for (Language language : content::kLanguages) {
        for (Depth depth : content::kDepths) {
            for (int selection = 0; selection < 3; ++selection) {
                Rig rig{h, language, depth};
                if (selection == 1) {
                    rig.selectedKiln = "egg_kiln";
                } else if (selection == 2) {
                    rig.selectedStep = 0;
                }
                ui::DrawnTextRecorder r;
                rig.frame();
                for (const std::string& text : r.texts()) {
                    ++count;
                    EXPECT_TRUE(known.contains(text)) << "not from the content: \"" << text << "\"";
                }
            }
        }
    }
    EXPECT_GT(count, 300u);
}

TEST(ComparisonView, NoTextOverflowsItsRoomAt1280x720) {
    for (int level = ui::kMinTextSizeLevel; level <= ui::kMaxTextSizeLevel; ++level) {
        test::OverlayHarness h(ImVec2(1280.0f, 720.0f), false, level);
        for (Language language : content::kLanguages) {
            for (Depth depth : content::kDepths) {
                for (int selection = 0; selection < 3; ++selection) {
                    Rig rig{h, language, depth};
                    if (selection == 1) {
                        rig.selectedKiln = "gourd_kiln";
                    } else if (selection == 2) {
                        rig.selectedStep = 1;
                    }
                    rig.frame();
                    rig.frame();
                    ASSERT_GT(rig.last.placed.size(), 50u);
                    for (const auto& p : rig.last.placed) {
                        EXPECT_LE(p.widthPx, p.availablePx + 0.5f)
                                << "\"" << p.text << "\" " << content::languageCode(language)
                                << " level " << level;
                        EXPECT_LE(p.cutOffPx, 0.5f)
                                << "cut off at the edge: \"" << p.text << "\" "
                                << content::languageCode(language) << " level " << level;
                    }
                }
            }
        }
    }
}
