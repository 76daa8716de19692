// LanguageBar: the bar along the bottom of the screen with the language switch (中文 / English),
// the reading depth (visitor / student), text size (smaller / larger), the high-contrast toggle
// and the buttons that open the diamond, the pathway panel and (when the app shows them) the quiz
// and the kiln comparison. Every control is a touch target; every label comes from ui_strings.
// Returns commands; the app keeps the OverlaySettings and applies them (applyOverlayCommand, then
// applyTheme). No GL, no SDL.
#pragma once

#include "kiln/content/content_library.h"
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/touch_target.h"

#include <optional>
#include <string>
#include <vector>

namespace kiln::ui {

// What the visitor chose; the app owns it for the session.
struct OverlaySettings {
    content::Language language = content::Language::Zh;
    content::Depth depth = content::Depth::Visitor;
    int textSizeLevel = 0; // kMinTextSizeLevel .. kMaxTextSizeLevel (theme.h)
    bool highContrast = false;
};

struct LanguageBarView {
    OverlaySettings settings;
    bool diamondOpen = false;
    bool pathwaysOpen = false;
    std::string languageLabel; // language.switch: names the other language
    std::string visitorLabel;
    std::string studentLabel;
    std::string smallerLabel;
    std::string largerLabel;
    std::string contrastLabel;
    std::string diamondLabel;
    std::string pathwaysLabel;
    // The quiz and the kiln comparison buttons are shown only when the app sets these (a scene
    // with a quiz; the comparison loaded); their labels are always filled.
    bool showQuiz = false;
    bool quizOpen = false;
    bool showComparison = false;
    bool comparisonOpen = false;
    std::string quizLabel;       // quiz.open
    std::string comparisonLabel; // compare.open
    float uiScale = 1.0f;
};

struct LanguageBarCommand {
    std::optional<content::Language> language;
    std::optional<content::Depth> depth;
    int textSizeDelta = 0; // -1 smaller, +1 larger
    bool toggleHighContrast = false;
    bool toggleDiamond = false;
    bool togglePathways = false;
    bool toggleQuiz = false;
    bool toggleComparison = false;
    std::vector<TouchTarget> targets; // "language", "depth.visitor", "depth.student",
                                      // "text.smaller", "text.larger", "contrast", "diamond",
                                      // "pathways", "quiz", "comparison"

    bool any() const {
        return language || depth || textSizeDelta != 0 || toggleHighContrast || toggleDiamond ||
               togglePathways || toggleQuiz || toggleComparison;
    }
};

LanguageBarView buildLanguageBarView(const content::ContentLibrary& library,
                                     const OverlaySettings& settings, bool diamondOpen,
                                     bool pathwaysOpen, float uiScale);

// Draws the bar at rect (computeOverlayLayout().bar).
LanguageBarCommand drawLanguageBar(const LanguageBarView& view, const PanelRect& rect);

// The settings after a command (text size clamped to its levels). Pure.
OverlaySettings applyOverlayCommand(OverlaySettings settings, const LanguageBarCommand& command);

} // namespace kiln::ui
