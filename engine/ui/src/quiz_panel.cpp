// The quiz: its session state, the view from the content, and the panel.
// [SECTION] session  [SECTION] view  [SECTION] drawing
#include "kiln/ui/quiz_panel.h"

#include "kiln/ui/line_break.h"
#include "kiln/ui/overlay_panel.h"
#include "kiln/ui/theme.h"

#include <algorithm>
#include <cfloat>

namespace kiln::ui {

// =============================================================================================
// [SECTION] session
// =============================================================================================

QuizSession::QuizSession(const content::SceneContent& scene) : mSceneId(scene.id) {
    for (const content::QuizQuestion& q : scene.quiz) {
        mQuestions.push_back({q.id, q.options.size(), q.correctIndex});
    }
    restart();
}

std::optional<QuizAnswer> QuizSession::answer(std::size_t choice) {
    if (mPhase != Phase::Asking || choice >= mQuestions[mCurrent].optionCount) {
        return std::nullopt;
    }
    const Question& q = mQuestions[mCurrent];
    QuizAnswer a{q.id, choice, choice == q.correctIndex};
    mScore += a.correct ? 1 : 0;
    mChosen = choice;
    mPhase = Phase::Feedback;
    mAnswers.push_back(a);
    return a;
}

void QuizSession::next() {
    if (mPhase != Phase::Feedback) {
        return;
    }
    mChosen.reset();
    ++mCurrent;
    mPhase = mCurrent < mQuestions.size() ? Phase::Asking : Phase::Finished;
}

void QuizSession::restart() {
    mCurrent = 0;
    mChosen.reset();
    mScore = 0;
    mAnswers.clear();
    mPhase = mQuestions.empty() ? Phase::Finished : Phase::Asking;
}

void applyQuizCommand(QuizSession& session, const QuizCommand& command) {
    if (command.answered) {
        (void)session.answer(command.answered->choice);
    }
    if (command.next) {
        session.next();
    }
    if (command.restart) {
        session.restart();
    }
}

std::string fillPlaceholders(std::string_view text,
                             const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        bool replaced = false;
        if (text[i] == '{') {
            for (const auto& [name, value] : values) {
                const std::size_t len = name.size() + 2;
                if (text.size() - i >= len && text[i + len - 1] == '}' &&
                    text.substr(i + 1, name.size()) == name) {
                    out.append(value);
                    i += len;
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) {
            out.push_back(text[i]);
            ++i;
        }
    }
    return out;
}

// =============================================================================================
// [SECTION] view
// =============================================================================================

QuizPanelView buildQuizPanel(const content::ContentLibrary& library, const QuizSession& session,
                             content::Language language, content::Depth depth, float uiScale) {
    QuizPanelView view;
    view.uiScale = uiScale;
    view.phase = session.phase();
    view.title = library.uiText("quiz.title", language);
    view.aboutLabel = library.uiText("quiz.about", language);
    view.sourceLabel = library.uiText("card.source", language);
    view.finishedLabel = library.uiText("quiz.finished", language);
    view.restartLabel = library.uiText("quiz.restart", language);
    view.closeLabel = library.uiText("hotspot.close", language);
    const content::SceneContent* scene = library.findScene(session.sceneId());
    const std::size_t total = session.questionCount();
    if (scene == nullptr || scene->quiz.size() != total) {
        // The session does not belong to this content (a reload changed the quiz): say so.
        view.phase = QuizSession::Phase::Finished;
        view.score = library.unavailableText(language);
        return view;
    }
    view.score = fillPlaceholders(
            library.uiText("quiz.score", language),
            {{"score", std::to_string(session.score())}, {"total", std::to_string(total)}});
    if (view.phase == QuizSession::Phase::Finished) {
        return view;
    }
    const std::size_t index = session.currentIndex();
    const content::QuizQuestion& q = scene->quiz[index];
    view.progress = fillPlaceholders(
            library.uiText("quiz.progress", language),
            {{"number", std::to_string(index + 1)}, {"total", std::to_string(total)}});
    view.questionId = q.id;
    view.question = library.display(q.question, language);
    view.correctIndex = q.correctIndex;
    const bool feedback = view.phase == QuizSession::Phase::Feedback;
    for (std::size_t i = 0; i < q.options.size(); ++i) {
        QuizOptionView option;
        option.text = library.display(q.options[i], language);
        option.chosen = feedback && session.chosen() == i;
        option.correct = feedback && i == q.correctIndex;
        view.options.push_back(std::move(option));
    }
    if (!feedback) {
        return view;
    }
    view.answeredCorrectly = session.chosen() == q.correctIndex;
    view.verdict =
            library.uiText(view.answeredCorrectly ? "quiz.correct" : "quiz.incorrect", language);
    view.explanation = library.display(q.explanation, language, depth);
    for (const std::string& id : q.determinantIds) {
        if (const content::Determinant* d = library.model.findDeterminant(id)) {
            view.determinants.push_back({id, std::string(library.display(d->name, language)),
                                         std::string(library.display(d->summary, language))});
        }
    }
    view.source = q.source;
    view.nextLabel = library.uiText(index + 1 < total ? "quiz.next" : "quiz.finish", language);
    return view;
}

// =============================================================================================
// [SECTION] drawing
// =============================================================================================

namespace {

// A full-width button whose label wraps (an option can be a long sentence): at least one touch
// target tall, the label drawn inside with padding. Returns true when a tap completes on it.
bool wrappingButton(std::string_view label, std::string_view id, float uiScale, ImU32 fill,
                    ImU32 border, std::vector<TouchTarget>* targets) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = std::max(ImGui::GetContentRegionAvail().x, touchTargetPx(uiScale));
    const ImVec2 pad = style.FramePadding;
    const float wrap = std::max(1.0f, width - 2.0f * pad.x);
    // Broken once and then measured and drawn unwrapped, so the button's height fits its lines.
    const std::string lines = withLineBreaks(label, wrap);
    const ImVec2 text = ImGui::CalcTextSize(lines.data(), lines.data() + lines.size());
    const ImVec2 size(width, std::max(touchTargetPx(uiScale), text.y + 2.0f * pad.y));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    std::string imguiId("##");
    imguiId.append(id);
    const bool pressed = ImGui::InvisibleButton(imguiId.c_str(), size);
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 bg = ImGui::IsItemActive() ? ImGui::GetColorU32(ImGuiCol_ButtonActive) : fill;
    draw->AddRectFilled(min, max, bg, style.FrameRounding);
    if (border != 0) {
        draw->AddRect(min, max, border, style.FrameRounding, ImDrawFlags_None, 3.0f * uiScale);
    } else if (style.FrameBorderSize > 0.0f) {
        draw->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding,
                      ImDrawFlags_None, style.FrameBorderSize);
    }
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                  ImVec2(min.x + pad.x, min.y + (size.y - text.y) * 0.5f),
                  ImGui::GetColorU32(ImGuiCol_Text), lines.data(), lines.data() + lines.size());
    recordDrawnText(label);
    if (targets != nullptr) {
        targets->push_back({std::string(id), min, max});
    }
    return pressed;
}

} // namespace

QuizCommand drawQuizPanel(const QuizPanelView& view, const PanelRect& rect) {
    QuizCommand command;
    const float s = view.uiScale;
    auto* targets = &command.targets;
    beginOverlayPanel("quiz_panel", rect, view.title, view.closeLabel, s, targets, &command.close);
    const OverlayColours& c = overlayColours();
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImU32 idle = ImGui::GetColorU32(ImGuiCol_Button);
    // Right and wrong are told by a word and a border, never by colour alone.
    const ImU32 right = c.explored;
    const ImU32 wrong = c.nodeLit;
    if (view.phase == QuizSession::Phase::Finished) {
        panelHeading(view.finishedLabel);
        ImGui::Spacing();
        wrappedText(view.score);
        ImGui::Spacing();
        if (touchButton(view.restartLabel, "restart", s, targets)) {
            command.restart = true;
        }
        endOverlayPanel();
        return command;
    }
    wrappedText(view.progress, c.dimText);
    ImGui::Spacing();
    wrappedText(view.question);
    ImGui::Spacing();
    const bool feedback = view.phase == QuizSession::Phase::Feedback;
    for (std::size_t i = 0; i < view.options.size(); ++i) {
        const QuizOptionView& option = view.options[i];
        ImU32 border = 0;
        if (option.correct) {
            border = right;
        } else if (option.chosen) {
            border = wrong;
        }
        const std::string id = "option." + std::to_string(i);
        if (wrappingButton(option.text, id, s, idle, border, targets) && !feedback) {
            command.answered = QuizAnswer{view.questionId, i, i == view.correctIndex};
        }
        ImGui::Dummy(ImVec2(1.0f, style.ItemSpacing.y * 0.5f));
    }
    if (feedback) {
        ImGui::Separator();
        wrappedText(view.verdict, view.answeredCorrectly ? right : wrong);
        wrappedText(view.explanation);
        if (!view.determinants.empty()) {
            panelHeading(view.aboutLabel);
            for (const QuizDeterminantView& d : view.determinants) {
                if (wrappingButton(d.name, "determinant." + d.id, s, idle, 0, targets)) {
                    command.openDeterminant = d.id;
                }
                wrappedText(d.summary, c.dimText);
            }
        }
        sourceLine(view.sourceLabel, view.source);
        ImGui::Spacing();
        if (touchButton(view.nextLabel, "next", s, targets, true)) {
            command.next = true;
        }
    }
    endOverlayPanel();
    return command;
}

} // namespace kiln::ui
