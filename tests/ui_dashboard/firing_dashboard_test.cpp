// The firing dashboard: a tap on each control returns its command, a drag on the chart scrubs
// within the chart's time range and monotonically with x, every control is a touch target inside
// the panel, every string drawn comes from the content (or is a number), and nothing overflows at
// 1280x720 in either language.
#include "kiln/ui/firing_dashboard.h"

#include "kiln/content/string_catalog.h"
#include "kiln/ui/theme.h"
#include "overlay_harness.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

using namespace kiln;
using content::Language;

namespace {

constexpr int kRows = 40; // the egg kiln's rows

// A mid-firing view: 20 of 47 hours recorded, a test piece out, three cones.
struct Fixture {
    ui::FiringHistory history;
    ui::FiringDashboardView view;
};

std::unique_ptr<Fixture> makeView(Language language, float uiScale, bool withResults = false) {
    auto f = std::make_unique<Fixture>();
    for (int minute = 0; minute <= 20 * 60; ++minute) {
        ui::FiringSample s;
        s.timeHours = minute / 60.0;
        s.frontC = 20.0 + 60.0 * s.timeHours;
        s.middleC = 20.0 + 50.0 * s.timeHours;
        s.rearC = 20.0 + 40.0 * s.timeHours;
        s.fireboxC = 20.0 + 65.0 * s.timeHours;
        f->history.add(s);
    }
    ui::FiringDashboardView& v = f->view;
    v.labels = ui::buildDashboardLabels(test::overlayLibrary(), language);
    v.history = &f->history;
    v.currentHours = 20.0;
    v.endHours = 47.0;
    v.playing = true;
    v.speed = 1000.0;
    for (int r = 0; r < kRows; ++r) {
        const float f01 = static_cast<float>(r) / kRows;
        v.rows.push_back({1250.0 - 10.0 * r,
                          1200.0 - 10.0 * r,
                          {1.0f, 0.8f - 0.5f * f01, 0.3f},
                          {0.9f, 0.6f - 0.4f * f01, 0.2f}});
    }
    v.atmosphere = sim::Atmosphere::Reducing;
    v.cones = {{"9", 1.0f}, {"10", 0.4f}, {"11", 0.0f}};
    v.testPiece = ui::TestPieceReadout{11,
                                       sim::kLower,
                                       1262.0,
                                       "10 (+0.4)",
                                       sim::WareOutcomeKind::Sound,
                                       {0.75f, 0.85f, 0.82f}};
    if (withResults) {
        for (int r = 0; r < kRows; ++r) {
            for (sim::Position p : {sim::kUpper, sim::kLower}) {
                const auto kind = r < 3    ? sim::WareOutcomeKind::Overfired
                                  : r < 30 ? sim::WareOutcomeKind::Sound
                                  : r < 38 ? sim::WareOutcomeKind::Underfired
                                           : sim::WareOutcomeKind::Cracked;
                v.results.push_back({r, p, kind, {0.7f, 0.8f, 0.8f}});
            }
        }
    }
    v.uiScale = uiScale;
    return f;
}

struct Drawn {
    ui::FiringDashboardCommand command;
    std::vector<std::string> texts;
};

Drawn drawTwice(test::OverlayHarness& h, const ui::FiringDashboardView& view) {
    const auto rect = ui::computeDashboardRect(h.displaySize(), h.uiScale());
    Drawn out;
    h.frame([&] { out.command = ui::drawFiringDashboard(view, rect); });
    h.frame([&] {
        ui::DrawnTextRecorder recorder;
        out.command = ui::drawFiringDashboard(view, rect);
        out.texts = recorder.texts();
    });
    return out;
}

const ui::TouchTarget* findTarget(const ui::FiringDashboardCommand& c, const std::string& id) {
    for (const auto& t : c.targets) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

ui::FiringDashboardCommand tapAt(test::OverlayHarness& h, const ui::FiringDashboardView& view,
                                 ImVec2 pos) {
    const auto rect = ui::computeDashboardRect(h.displaySize(), h.uiScale());
    ui::FiringDashboardCommand command;
    h.tap(pos, [&] { command = ui::drawFiringDashboard(view, rect); });
    h.liftAway();
    h.frame([&] { (void)ui::drawFiringDashboard(view, rect); });
    return command;
}

ui::FiringDashboardCommand tapTarget(test::OverlayHarness& h, const ui::FiringDashboardView& view,
                                     const std::string& id) {
    const Drawn d = drawTwice(h, view);
    const ui::TouchTarget* t = findTarget(d.command, id);
    if (t == nullptr) {
        ADD_FAILURE() << "no target " << id;
        return {};
    }
    return tapAt(h, view, test::centreOf(t->min, t->max));
}

// Numbers, temperatures, times, speeds and cone labels are not words: digits with separators,
// signs, brackets and the unit symbols °C, h, kg, ×.
bool isNumeric(const std::string& s) {
    static const std::regex pattern(R"(^[0-9][0-9 .,+\-()]*( ?(°C|h|kg|×))?$)");
    return std::regex_match(s, pattern);
}

bool fromContentOrNumeric(const std::set<std::string, std::less<>>& known, const std::string& s) {
    return known.count(s) > 0 || isNumeric(s);
}

} // namespace

TEST(FiringDashboard, EachControlReturnsItsCommand) {
    test::OverlayHarness h;
    auto f = makeView(Language::En, h.uiScale());
    const ui::FiringDashboardView& v = f->view;

    const auto play = tapTarget(h, v, "play");
    EXPECT_TRUE(play.togglePlay);
    EXPECT_FALSE(play.speed || play.stokeKg || play.pull || play.close || play.scrubToHours);
    for (std::size_t i = 0; i < ui::kDashboardSpeeds.size(); ++i) {
        const auto c = tapTarget(h, v, "speed." + std::to_string(i));
        ASSERT_TRUE(c.speed.has_value()) << i;
        EXPECT_EQ(*c.speed, ui::kDashboardSpeeds[i]);
        EXPECT_FALSE(c.togglePlay);
    }
    const auto stoke = tapTarget(h, v, "stoke");
    ASSERT_TRUE(stoke.stokeKg.has_value());
    EXPECT_EQ(*stoke.stokeKg, v.stokeKg);
    const auto mouth = tapTarget(h, v, "mouth");
    ASSERT_TRUE(mouth.mouthOpen.has_value());
    EXPECT_FALSE(*mouth.mouthOpen); // open now: the button closes it
    const auto damper = tapTarget(h, v, "damper");
    ASSERT_TRUE(damper.damperOpen.has_value());
    EXPECT_FALSE(*damper.damperOpen);
    EXPECT_FALSE(damper.mouthOpen.has_value());
    EXPECT_TRUE(tapTarget(h, v, "close").close);

    ui::FiringDashboardView shut = v;
    shut.mouthOpen = false;
    shut.damperOpen = false;
    shut.playing = false;
    EXPECT_TRUE(*tapTarget(h, shut, "mouth").mouthOpen);
    EXPECT_TRUE(*tapTarget(h, shut, "damper").damperOpen);
    EXPECT_TRUE(tapTarget(h, shut, "play").togglePlay);
}

TEST(FiringDashboard, TappingTheHeatMapPullsATestPieceFromThatPlace) {
    test::OverlayHarness h;
    auto f = makeView(Language::Zh, h.uiScale());
    const Drawn d = drawTwice(h, f->view);
    const auto* upper = findTarget(d.command, "heatmap.upper");
    const auto* lower = findTarget(d.command, "heatmap.lower");
    ASSERT_NE(upper, nullptr);
    ASSERT_NE(lower, nullptr);
    const float cell = (upper->max.x - upper->min.x) / kRows;
    for (int row : {0, 7, 23, kRows - 1}) {
        for (const auto* band : {upper, lower}) {
            const ImVec2 at(upper->min.x + cell * (static_cast<float>(row) + 0.5f),
                            (band->min.y + band->max.y) * 0.5f);
            const auto c = tapAt(h, f->view, at);
            ASSERT_TRUE(c.pull.has_value()) << row;
            EXPECT_EQ(c.pull->row, row);
            EXPECT_EQ(c.pull->position, band == upper ? sim::kUpper : sim::kLower);
            EXPECT_FALSE(c.scrubToHours.has_value());
        }
    }
}

TEST(FiringDashboard, ATapOnNoControlReturnsNothing) {
    test::OverlayHarness h;
    auto f = makeView(Language::En, h.uiScale());
    const Drawn d = drawTwice(h, f->view);
    // The title's line, left of the close button.
    const auto c = tapAt(h, f->view, ImVec2(60.0f, 12.0f));
    EXPECT_FALSE(c.any());
    // Between the heat map's label and its bands.
    const auto below =
            tapAt(h, f->view, ImVec2(d.command.heatMapMin.x + 5.0f, d.command.heatMapMin.y - 3.0f));
    EXPECT_FALSE(below.any());
}

TEST(FiringDashboard, DraggingOnTheChartScrubsWithinItsTimeRange) {
    test::OverlayHarness h;
    auto f = makeView(Language::En, h.uiScale());
    const auto rect = ui::computeDashboardRect(h.displaySize(), h.uiScale());
    const Drawn d = drawTwice(h, f->view);
    const ImVec2 min = d.command.chartMin;
    const ImVec2 max = d.command.chartMax;
    ASSERT_GT(max.x - min.x, 100.0f);
    ImGuiIO& io = ImGui::GetIO();
    ui::FiringDashboardCommand c;
    auto draw = [&] { c = ui::drawFiringDashboard(f->view, rect); };
    const float y = (min.y + max.y) * 0.5f;
    io.MousePos = ImVec2(min.x + 3.0f, y);
    io.MouseDown[0] = false;
    h.frame(draw);
    EXPECT_FALSE(c.scrubToHours.has_value()); // a finger over it is not yet a scrub
    io.MouseDown[0] = true;
    h.frame(draw);
    ASSERT_TRUE(c.scrubToHours.has_value());
    double previous = *c.scrubToHours;
    EXPECT_GE(previous, 0.0);
    EXPECT_LT(previous, 0.5);
    // Right past the plot's edge and back to the left: always within [0, 47] h, following x.
    for (float x = min.x + 20.0f; x <= max.x + 60.0f; x += 37.0f) {
        io.MousePos = ImVec2(x, y + (x - min.x) * 0.05f); // a finger drifts
        h.frame(draw);
        ASSERT_TRUE(c.scrubToHours.has_value()) << x;
        EXPECT_GE(*c.scrubToHours, previous) << x;
        EXPECT_GE(*c.scrubToHours, 0.0);
        EXPECT_LE(*c.scrubToHours, 47.0);
        previous = *c.scrubToHours;
    }
    EXPECT_DOUBLE_EQ(previous, 47.0); // past the right edge: the end of the axis
    io.MousePos = ImVec2(min.x + (max.x - min.x) * 0.5f, y);
    h.frame(draw);
    // ImGui floors the mouse position: within a pixel's worth of hours.
    EXPECT_NEAR(*c.scrubToHours, 23.5, 47.0 / static_cast<double>(max.x - min.x));
    io.MouseDown[0] = false;
    h.frame(draw);
    h.frame(draw);
    EXPECT_FALSE(c.scrubToHours.has_value()); // the finger lifted
    h.liftAway();
}

TEST(FiringDashboard, EveryControlIsATouchTargetInsideThePanel) {
    for (ImVec2 display : {ImVec2(1280.0f, 720.0f), ImVec2(1920.0f, 1080.0f)}) {
        for (Language language : content::kLanguages) {
            for (int level = ui::kMinTextSizeLevel; level <= ui::kMaxTextSizeLevel; ++level) {
                const bool open = level % 2 == 0;
                test::OverlayHarness h(display, level > 0, level);
                auto f = makeView(language, h.uiScale(), !open);
                f->view.mouthOpen = open;
                f->view.damperOpen = open;
                const auto rect = ui::computeDashboardRect(h.displaySize(), h.uiScale());
                const Drawn d = drawTwice(h, f->view);
                std::string where = std::to_string(int(display.x));
                where.append(" ").append(content::languageCode(language));
                where.append(" level ").append(std::to_string(level));
                ASSERT_EQ(d.command.targets.size(), 14u) << where;
                const float target = ui::touchTargetPx(h.uiScale());
                for (const auto& t : d.command.targets) {
                    EXPECT_GE(t.width(), target - 0.01f) << t.id << where;
                    EXPECT_GE(t.height(), target - 0.01f) << t.id << where;
                    EXPECT_GE(t.min.x, rect.pos.x) << t.id << where;
                    EXPECT_GE(t.min.y, rect.pos.y) << t.id << where;
                    EXPECT_LE(t.max.x, rect.pos.x + rect.size.x) << t.id << where;
                    EXPECT_LE(t.max.y, rect.pos.y + rect.size.y) << t.id << where;
                }
                // No two controls overlap.
                for (std::size_t i = 0; i < d.command.targets.size(); ++i) {
                    for (std::size_t j = i + 1; j < d.command.targets.size(); ++j) {
                        const auto& a = d.command.targets[i];
                        const auto& b = d.command.targets[j];
                        const bool apart = a.max.x <= b.min.x || b.max.x <= a.min.x ||
                                           a.max.y <= b.min.y || b.max.y <= a.min.y;
                        EXPECT_TRUE(apart) << a.id << " / " << b.id << where;
                    }
                }
            }
        }
    }
}

TEST(FiringDashboard, EveryDrawnStringComesFromTheContent) {
    std::set<std::string, std::less<>> known;
    for (const auto& entry : content::allStrings(test::overlayLibrary())) {
        known.emplace(entry.text);
    }
    test::OverlayHarness h;
    for (Language language : content::kLanguages) {
        for (bool results : {false, true}) {
            auto f = makeView(language, h.uiScale(), results);
            const Drawn d = drawTwice(h, f->view);
            EXPECT_GT(d.texts.size(), 30u);
            std::size_t words = 0;
            for (const std::string& s : d.texts) {
                EXPECT_TRUE(fromContentOrNumeric(known, s)) << "not from the content: " << s;
                words += known.count(s);
            }
            EXPECT_GE(words, 20u);
            // The labels of this language are drawn, including the outcome and its reason.
            const auto& l = f->view.labels;
            for (const std::string* label :
                 {&l.title, &l.pause, &l.speed, &l.firingTime, &l.woodBurnt, &l.stoke,
                  &l.mouthClose, &l.cone, &l.temperatureAxis, &l.timeAxis, &l.upper,
                  &l.atmospheres[2], &l.outcomes[2], &l.whys[2]}) {
                EXPECT_NE(std::find(d.texts.begin(), d.texts.end(), *label), d.texts.end())
                        << *label;
            }
            if (results) {
                EXPECT_NE(std::find(d.texts.begin(), d.texts.end(), l.whys[4]), d.texts.end());
                EXPECT_NE(std::find(d.texts.begin(), d.texts.end(), l.results), d.texts.end());
            }
        }
    }
}

TEST(FiringDashboard, TheTextLintCanFail) {
    std::set<std::string, std::less<>> known{"Stoke"};
    EXPECT_TRUE(fromContentOrNumeric(known, "Stoke"));
    EXPECT_TRUE(fromContentOrNumeric(known, "1,000×"));
    EXPECT_TRUE(fromContentOrNumeric(known, "1262 °C"));
    EXPECT_TRUE(fromContentOrNumeric(known, "10 (+0.4)"));
    EXPECT_FALSE(fromContentOrNumeric(known, "Stoke now"));
    EXPECT_FALSE(fromContentOrNumeric(known, "Row 12"));
    EXPECT_FALSE(fromContentOrNumeric(known, "12 rows"));
    // A hard-coded label would be caught.
    test::OverlayHarness h;
    auto f = makeView(Language::En, h.uiScale());
    f->view.labels.stoke = "Add wood";
    const Drawn d = drawTwice(h, f->view);
    std::set<std::string, std::less<>> content;
    for (const auto& entry : content::allStrings(test::overlayLibrary())) {
        content.emplace(entry.text);
    }
    bool caught = false;
    for (const std::string& s : d.texts) {
        caught = caught || !fromContentOrNumeric(content, s);
    }
    EXPECT_TRUE(caught);
}

TEST(FiringDashboard, NoLabelOverflowsAt720pInEitherLanguageAtAnyTextSize) {
    for (int level = ui::kMinTextSizeLevel; level <= ui::kMaxTextSizeLevel; ++level) {
        test::OverlayHarness h(ImVec2(1280.0f, 720.0f), false, level);
        const auto rect = ui::computeDashboardRect(h.displaySize(), h.uiScale());
        for (Language language : content::kLanguages) {
            for (bool results : {false, true}) {
                auto f = makeView(language, h.uiScale(), results);
                const Drawn d = drawTwice(h, f->view);
                std::string lang(content::languageCode(language));
                lang.append(" level ").append(std::to_string(level));
                ASSERT_FALSE(d.command.placed.empty());
                // Texts on draw lists: within the room their place gave them.
                for (const auto& p : d.command.placed) {
                    EXPECT_LE(p.widthPx, p.availablePx + 0.5f) << p.text << " " << lang;
                    EXPECT_LE(p.cutOffPx, 0.5f) << "cut off at the edge: " << p.text << " " << lang;
                }
                // Wrapped texts: no word wider than the narrowest column (the side panel).
                const float side =
                        (rect.size.x - 2.0f * 12.0f * h.uiScale()) * 0.38f - 12.0f * h.uiScale();
                for (const std::string& s : d.texts) {
                    EXPECT_LE(ui::widestUnbreakableRunPx(s), side) << s << " " << lang;
                }
                // The chart and heat map leave room: a chart at least a third of the panel high.
                EXPECT_GT(d.command.chartMax.y - d.command.chartMin.y, rect.size.y / 3.0f) << lang;
                EXPECT_LE(d.command.heatMapMax.y, rect.pos.y + rect.size.y) << lang;
            }
        }
    }
    // The overflow check can fail: a label wider than its place is reported.
    test::OverlayHarness h;
    auto f = makeView(Language::En, h.uiScale());
    f->view.labels.atmospheres[0] = "oxidizing-oxidizing-oxidizing-oxidizing-oxidizing";
    const Drawn d = drawTwice(h, f->view);
    bool over = false;
    for (const auto& p : d.command.placed) {
        over = over || p.widthPx > p.availablePx + 0.5f;
    }
    EXPECT_TRUE(over);
}
