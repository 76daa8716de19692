// The bottom bar: language, depth, text size, contrast, and the panel toggles.
#include "kiln/ui/language_bar.h"

#include "kiln/ui/theme.h"

#include <algorithm>

namespace kiln::ui {

namespace {

using content::Depth;
using content::Language;

constexpr ImGuiWindowFlags kBarFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
        ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoScrollbar |
        ImGuiWindowFlags_NoScrollWithMouse;

} // namespace

LanguageBarView buildLanguageBarView(const content::ContentLibrary& library,
                                     const OverlaySettings& settings, bool diamondOpen,
                                     bool pathwaysOpen, float uiScale) {
    const Language l = settings.language;
    LanguageBarView view;
    view.settings = settings;
    view.diamondOpen = diamondOpen;
    view.pathwaysOpen = pathwaysOpen;
    view.uiScale = uiScale;
    view.languageLabel = library.uiText("language.switch", l);
    view.visitorLabel = library.uiText("depth.visitor", l);
    view.studentLabel = library.uiText("depth.student", l);
    view.smallerLabel = library.uiText("text.smaller", l);
    view.largerLabel = library.uiText("text.larger", l);
    view.contrastLabel = library.uiText("theme.high_contrast", l);
    view.diamondLabel = library.uiText("model.title", l);
    view.pathwaysLabel = library.uiText("card.pathways", l);
    view.quizLabel = library.uiText("quiz.open", l);
    view.comparisonLabel = library.uiText("compare.open", l);
    return view;
}

LanguageBarCommand drawLanguageBar(const LanguageBarView& view, const PanelRect& rect) {
    LanguageBarCommand command;
    const float s = view.uiScale;
    const OverlaySettings& st = view.settings;
    ImGui::SetNextWindowPos(rect.pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(rect.size, ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12.0f * s, 6.0f * s));
    ImGui::Begin("##language_bar", nullptr, kBarFlags);
    auto* targets = &command.targets;
    // The language switch names the other language in that language, so a visitor who cannot
    // read the current one still finds theirs.
    if (touchButton(view.languageLabel, "language", s, targets)) {
        command.language = st.language == Language::Zh ? Language::En : Language::Zh;
    }
    ImGui::SameLine(0.0f, 24.0f * s);
    if (touchButton(view.visitorLabel, "depth.visitor", s, targets, st.depth == Depth::Visitor) &&
        st.depth != Depth::Visitor) {
        command.depth = Depth::Visitor;
    }
    ImGui::SameLine();
    if (touchButton(view.studentLabel, "depth.student", s, targets, st.depth == Depth::Student) &&
        st.depth != Depth::Student) {
        command.depth = Depth::Student;
    }
    ImGui::SameLine(0.0f, 24.0f * s);
    if (touchButton(view.smallerLabel, "text.smaller", s, targets) &&
        st.textSizeLevel > kMinTextSizeLevel) {
        command.textSizeDelta = -1;
    }
    ImGui::SameLine();
    if (touchButton(view.largerLabel, "text.larger", s, targets) &&
        st.textSizeLevel < kMaxTextSizeLevel) {
        command.textSizeDelta = +1;
    }
    ImGui::SameLine(0.0f, 24.0f * s);
    if (touchButton(view.contrastLabel, "contrast", s, targets, st.highContrast)) {
        command.toggleHighContrast = true;
    }
    ImGui::SameLine(0.0f, 24.0f * s);
    if (touchButton(view.diamondLabel, "diamond", s, targets, view.diamondOpen)) {
        command.toggleDiamond = true;
    }
    ImGui::SameLine();
    if (touchButton(view.pathwaysLabel, "pathways", s, targets, view.pathwaysOpen)) {
        command.togglePathways = true;
    }
    if (view.showQuiz) {
        ImGui::SameLine();
        if (touchButton(view.quizLabel, "quiz", s, targets, view.quizOpen)) {
            command.toggleQuiz = true;
        }
    }
    if (view.showComparison) {
        ImGui::SameLine();
        if (touchButton(view.comparisonLabel, "comparison", s, targets, view.comparisonOpen)) {
            command.toggleComparison = true;
        }
    }
    ImGui::End();
    ImGui::PopStyleVar();
    return command;
}

OverlaySettings applyOverlayCommand(OverlaySettings settings, const LanguageBarCommand& command) {
    if (command.language) {
        settings.language = *command.language;
    }
    if (command.depth) {
        settings.depth = *command.depth;
    }
    settings.textSizeLevel = std::clamp(settings.textSizeLevel + command.textSizeDelta,
                                        kMinTextSizeLevel, kMaxTextSizeLevel);
    if (command.toggleHighContrast) {
        settings.highContrast = !settings.highContrast;
    }
    return settings;
}

} // namespace kiln::ui
