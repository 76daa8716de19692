// The bottom bar and the theme: each button returns its command, the settings follow, every
// control is a touch target inside the bar in both languages and at every text size, and the
// theme replaces (does not compound) the style.
#include "kiln/ui/language_bar.h"

#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/theme.h"
#include "overlay_harness.h"

#include <gtest/gtest.h>

#include <string>

using namespace kiln;
using content::Depth;
using content::Language;

namespace {

// Draws the bar for `settings`, taps the target `id` and returns the command of that tap.
ui::LanguageBarCommand tapBar(const ui::OverlaySettings& settings, const std::string& id) {
    test::OverlayHarness h;
    const auto layout = ui::computeOverlayLayout(h.displaySize(), h.uiScale());
    const auto view =
            ui::buildLanguageBarView(test::overlayLibrary(), settings, false, false, h.uiScale());
    ui::LanguageBarCommand command;
    auto draw = [&] { command = ui::drawLanguageBar(view, layout.bar); };
    h.frame(draw);
    h.frame(draw);
    for (const auto& t : command.targets) {
        if (t.id == id) {
            h.tap(test::centreOf(t.min, t.max), draw);
            return command;
        }
    }
    ADD_FAILURE() << "no target " << id;
    return {};
}

} // namespace

TEST(LanguageBar, LanguageButtonSwitchesToTheOtherLanguage) {
    ui::OverlaySettings zh;
    const auto toEn = tapBar(zh, "language");
    ASSERT_TRUE(toEn.language.has_value());
    EXPECT_EQ(*toEn.language, Language::En);
    EXPECT_FALSE(toEn.depth.has_value());
    ui::OverlaySettings en;
    en.language = Language::En;
    const auto toZh = tapBar(en, "language");
    ASSERT_TRUE(toZh.language.has_value());
    EXPECT_EQ(*toZh.language, Language::Zh);
    // The label names the language it switches to.
    const auto& lib = test::overlayLibrary();
    EXPECT_EQ(ui::buildLanguageBarView(lib, zh, false, false, 1.0f).languageLabel,
              lib.uiText("language.switch", Language::Zh));
}

TEST(LanguageBar, EachButtonReturnsItsCommand) {
    ui::OverlaySettings s;
    const auto student = tapBar(s, "depth.student");
    ASSERT_TRUE(student.depth.has_value());
    EXPECT_EQ(*student.depth, Depth::Student);
    EXPECT_FALSE(tapBar(s, "depth.visitor").any()); // already the visitor depth
    EXPECT_EQ(tapBar(s, "text.larger").textSizeDelta, 1);
    EXPECT_EQ(tapBar(s, "text.smaller").textSizeDelta, -1);
    EXPECT_TRUE(tapBar(s, "contrast").toggleHighContrast);
    EXPECT_TRUE(tapBar(s, "diamond").toggleDiamond);
    EXPECT_TRUE(tapBar(s, "pathways").togglePathways);
    s.textSizeLevel = ui::kMaxTextSizeLevel;
    EXPECT_EQ(tapBar(s, "text.larger").textSizeDelta, 0);
}

TEST(LanguageBar, NoTapNoCommand) {
    test::OverlayHarness h;
    const auto layout = ui::computeOverlayLayout(h.displaySize(), h.uiScale());
    const auto view =
            ui::buildLanguageBarView(test::overlayLibrary(), {}, false, false, h.uiScale());
    ui::LanguageBarCommand command;
    auto draw = [&] { command = ui::drawLanguageBar(view, layout.bar); };
    h.frame(draw);
    h.tap(ImVec2(h.displaySize().x * 0.5f, h.displaySize().y * 0.3f), draw); // above the bar
    EXPECT_FALSE(command.any());
}

TEST(LanguageBar, ApplyingCommandsUpdatesAndClampsTheSettings) {
    ui::OverlaySettings s;
    ui::LanguageBarCommand c;
    c.language = Language::En;
    c.depth = Depth::Student;
    c.textSizeDelta = 1;
    c.toggleHighContrast = true;
    s = ui::applyOverlayCommand(s, c);
    EXPECT_EQ(s.language, Language::En);
    EXPECT_EQ(s.depth, Depth::Student);
    EXPECT_EQ(s.textSizeLevel, 1);
    EXPECT_TRUE(s.highContrast);
    ui::LanguageBarCommand larger;
    larger.textSizeDelta = 1;
    for (int i = 0; i < 5; ++i) {
        s = ui::applyOverlayCommand(s, larger);
    }
    EXPECT_EQ(s.textSizeLevel, ui::kMaxTextSizeLevel);
    s = ui::applyOverlayCommand(s, c); // toggles back
    EXPECT_FALSE(s.highContrast);
}

TEST(LanguageBar, EveryControlIsATouchTargetInsideTheBar) {
    const auto& lib = test::overlayLibrary();
    for (ImVec2 display : {ImVec2(1280.0f, 720.0f), ImVec2(1920.0f, 1080.0f)}) {
        for (int level = ui::kMinTextSizeLevel; level <= ui::kMaxTextSizeLevel; ++level) {
            for (Language language : content::kLanguages) {
                test::OverlayHarness h(display, level > 0, level);
                const auto layout = ui::computeOverlayLayout(h.displaySize(), h.uiScale());
                ui::OverlaySettings s;
                s.language = language;
                s.textSizeLevel = level;
                const auto view = ui::buildLanguageBarView(lib, s, true, false, h.uiScale());
                ui::LanguageBarCommand command;
                auto draw = [&] { command = ui::drawLanguageBar(view, layout.bar); };
                h.frame(draw);
                h.frame(draw);
                const std::string where = std::to_string(int(display.x)) + " level " +
                                          std::to_string(level) + " " +
                                          std::string(content::languageCode(language));
                ASSERT_EQ(command.targets.size(), 8u) << where;
                const float target = ui::touchTargetPx(h.uiScale());
                for (const auto& t : command.targets) {
                    EXPECT_GE(t.width(), target - 0.01f) << t.id << where;
                    EXPECT_GE(t.height(), target - 0.01f) << t.id << where;
                    EXPECT_GE(t.min.x, layout.bar.pos.x) << t.id << where;
                    EXPECT_GE(t.min.y, layout.bar.pos.y) << t.id << where;
                    EXPECT_LE(t.max.x, layout.bar.pos.x + layout.bar.size.x) << t.id << where;
                    EXPECT_LE(t.max.y, layout.bar.pos.y + layout.bar.size.y) << t.id << where;
                }
            }
        }
    }
}

TEST(Theme, ReplacesTheStyleScalesItAndSetsTheTextSize) {
    test::OverlayHarness h(ImVec2(1920.0f, 1080.0f));
    ui::applyTheme({false, 1.0f, 0});
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    ui::applyTheme({false, 1.0f, 0});
    EXPECT_EQ(ImGui::GetStyle().FramePadding.x, padding.x); // applied again: not compounded
    ui::applyTheme({false, 2.0f, 0});
    EXPECT_FLOAT_EQ(ImGui::GetStyle().FramePadding.x, 2.0f * padding.x);
    ui::applyTheme({true, 1.0f, 2});
    EXPECT_FLOAT_EQ(ImGui::GetIO().FontGlobalScale, ui::textScaleForLevel(2));
    ui::ThemeOptions crisp{true, 1.0f, 2};
    crisp.atlasFontScale = ui::textScaleForLevel(ui::kMaxTextSizeLevel);
    ui::applyTheme(crisp);
    EXPECT_FLOAT_EQ(ImGui::GetIO().FontGlobalScale, 1.0f); // the largest level, unscaled glyphs
    EXPECT_GT(ui::textScaleForLevel(2), ui::textScaleForLevel(0));
    EXPECT_LT(ui::textScaleForLevel(-1), ui::textScaleForLevel(0));
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const ImVec4 text = ImGui::GetStyle().Colors[ImGuiCol_Text];
    EXPECT_EQ(bg.w, 1.0f); // high contrast: opaque black behind white text
    EXPECT_EQ(bg.x + bg.y + bg.z, 0.0f);
    EXPECT_EQ(text.x + text.y + text.z, 3.0f);
    EXPECT_NE(ui::overlayColours().nodeLit, ui::overlayColours().nodeFill);
    ui::applyTheme({false, 1.0f, 0});
    EXPECT_LT(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].w, 1.0f);
}
