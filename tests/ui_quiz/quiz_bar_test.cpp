// The bar's quiz and comparison buttons: hidden unless the app shows them, then each returns its
// toggle, drawn pressed while its panel is open, and every bar control still fits inside the bar
// at 1280x720 in both languages and at every text size.
#include "kiln/ui/language_bar.h"
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/theme.h"
#include "overlay_harness.h"

#include <gtest/gtest.h>

using namespace kiln;

namespace {

ui::LanguageBarCommand drawBar(test::OverlayHarness& h, content::Language language, bool show,
                               std::optional<ImVec2> tapAt = std::nullopt) {
    ui::OverlaySettings settings;
    settings.language = language;
    auto view =
            ui::buildLanguageBarView(test::overlayLibrary(), settings, false, false, h.uiScale());
    view.showQuiz = show;
    view.showComparison = show;
    const auto rect = ui::computeOverlayLayout(h.displaySize(), h.uiScale()).bar;
    ui::LanguageBarCommand last;
    auto draw = [&] { last = ui::drawLanguageBar(view, rect); };
    if (tapAt) {
        h.tap(*tapAt, draw);
        h.liftAway();
    } else {
        h.frame(draw);
    }
    return last;
}

const ui::TouchTarget* find(const ui::LanguageBarCommand& c, const std::string& id) {
    for (const auto& t : c.targets) {
        if (t.id == id) {
            return &t;
        }
    }
    return nullptr;
}

} // namespace

TEST(QuizBar, ButtonsAreHiddenUnlessShown) {
    test::OverlayHarness h;
    const auto c = drawBar(h, content::Language::En, false);
    EXPECT_EQ(find(c, "quiz"), nullptr);
    EXPECT_EQ(find(c, "comparison"), nullptr);
}

TEST(QuizBar, EachButtonReturnsItsToggle) {
    test::OverlayHarness h;
    const auto shown = drawBar(h, content::Language::Zh, true);
    const auto* quiz = find(shown, "quiz");
    const auto* comparison = find(shown, "comparison");
    ASSERT_NE(quiz, nullptr);
    ASSERT_NE(comparison, nullptr);
    const auto q = drawBar(h, content::Language::Zh, true, test::centreOf(quiz->min, quiz->max));
    EXPECT_TRUE(q.toggleQuiz);
    EXPECT_FALSE(q.toggleComparison);
    EXPECT_TRUE(q.any());
    const auto c = drawBar(h, content::Language::Zh, true,
                           test::centreOf(comparison->min, comparison->max));
    EXPECT_TRUE(c.toggleComparison);
    EXPECT_FALSE(c.toggleQuiz);
}

TEST(QuizBar, EveryControlStillFitsTheBarAt1280x720) {
    for (int level = ui::kMinTextSizeLevel; level <= ui::kMaxTextSizeLevel; ++level) {
        test::OverlayHarness h(ImVec2(1280.0f, 720.0f), false, level);
        const auto rect = ui::computeOverlayLayout(h.displaySize(), h.uiScale()).bar;
        for (content::Language language : content::kLanguages) {
            const auto c = drawBar(h, language, true);
            ASSERT_EQ(c.targets.size(), 10u);
            for (const auto& t : c.targets) {
                SCOPED_TRACE(t.id + " " + std::string(content::languageCode(language)) + " level " +
                             std::to_string(level));
                EXPECT_GE(t.min.x, rect.pos.x);
                EXPECT_LE(t.max.x, rect.pos.x + rect.size.x);
                EXPECT_GE(t.min.y, rect.pos.y);
                EXPECT_LE(t.max.y, rect.pos.y + rect.size.y + 0.5f);
                EXPECT_GE(t.height() + 0.01f, ui::touchTargetPx(h.uiScale()));
            }
        }
    }
}
