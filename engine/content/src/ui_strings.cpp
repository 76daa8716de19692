// UI strings by key, with the built-in bilingual fallback line used only when ui_strings.json
// cannot provide "content.unavailable" itself.
#include "kiln/content/ui_strings.h"

#include <array>

namespace kiln::content {

namespace {

// The keys the ui module asks for. Adding a key here makes the content check demand it in
// ui_strings.json, in both languages. The quiz.* and compare.* keys from "quiz.next" on are those
// of the quiz panel and the kiln comparison (ui/quiz_panel.h, ui/comparison_view.h).
constexpr std::array<std::string_view, 50> kRequiredUiKeys = {
        "app.title",
        "welcome",
        "attract.invitation",
        "idle.still_there",
        "idle.countdown",
        "idle.continue",
        "language.switch",
        "depth.visitor",
        "depth.student",
        "depth.switch",
        "sim.play",
        "sim.pause",
        "content.unavailable",
        "card.determinants",
        "card.pathways",
        "card.why",
        "card.source",
        "card.hotspots",
        "model.title",
        "model.mechanisms",
        "model.pathways",
        "model.effects",
        "glossary.title",
        "quiz.title",
        "quiz.correct",
        "quiz.incorrect",
        "quiz.score",
        "quiz.next",
        "quiz.progress",
        "quiz.about",
        "quiz.finish",
        "quiz.finished",
        "quiz.restart",
        "quiz.open",
        "compare.open",
        "compare.hint",
        "compare.capacity",
        "compare.fuel",
        "compare.duration",
        "compare.spread",
        "compare.published",
        "compare.simulated",

        "compare.hours",
        "compare.tonnes",
        "compare.spread_value",
        "compare.peak",
        "compare.change",
        "compare.determinant",
        "compare.chart",
        "compare.year_axis",
};

} // namespace

void UiStrings::set(std::string key, Text text) {
    mStrings[std::move(key)] = std::move(text);
}

const Text* UiStrings::find(std::string_view key) const {
    const auto it = mStrings.find(key);
    return it == mStrings.end() ? nullptr : &it->second;
}

std::string_view UiStrings::get(std::string_view key, Language language) const {
    const Text* text = find(key);
    if (text == nullptr || text->in(language).empty()) {
        return unavailableText(language);
    }
    return text->in(language);
}

std::string_view UiStrings::unavailableText(Language language) const {
    const Text* text = find("content.unavailable");
    if (text == nullptr || text->in(language).empty()) {
        return builtinUnavailableText(language);
    }
    return text->in(language);
}

std::span<const std::string_view> requiredUiKeys() {
    return kRequiredUiKeys;
}

std::string_view builtinUnavailableText(Language language) {
    // Last resort only (ui_strings.json is broken): both languages at once, since a broken file
    // may also have broken the language switch.
    (void)language;
    return "内容暂不可用 · Content unavailable";
}

} // namespace kiln::content
