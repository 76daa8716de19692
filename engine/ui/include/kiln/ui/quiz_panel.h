// QuizPanel: a scene's short quiz (issue 8), one question at a time: the question, its options as
// large touch targets, then feedback (right or wrong, the explanation at the chosen depth, the
// determinants of the New Diamond Model it illustrates, its source), the next question, and a
// score at the end with a restart. QuizSession is the pure state (no ImGui); the panel reads a
// plain view built from the content and the session and returns commands; the app applies them
// (applyQuizCommand) and records analytics from `answered`. No GL, no SDL, no visitor strings.
#pragma once

#include "kiln/content/content_library.h"
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/touch_target.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::ui {

// One answer given: which question, which option (from 0), and whether it was right.
struct QuizAnswer {
    std::string questionId;
    std::size_t choice = 0;
    bool correct = false;
};

// Where a visitor is in a scene's quiz. Copies the question ids and right answers, so it stays
// valid when the library is reloaded; a session for a scene without questions is Finished at once
// with a score of 0 of 0.
class QuizSession {
public:
    enum class Phase {
        Asking,   // the current question waits for an answer
        Feedback, // the current question has been answered: show right or wrong and explain
        Finished, // every question answered: show the score
    };

    QuizSession() = default;
    explicit QuizSession(const content::SceneContent& scene);

    const std::string& sceneId() const { return mSceneId; }
    Phase phase() const { return mPhase; }
    std::size_t questionCount() const { return mQuestions.size(); }
    // The question shown (Asking, Feedback); questionCount() when Finished.
    std::size_t currentIndex() const { return mCurrent; }
    // The option chosen for the current question (Feedback only).
    std::optional<std::size_t> chosen() const { return mChosen; }
    // Right answers so far (each question counts once: its first answer).
    std::size_t score() const { return mScore; }
    const std::vector<QuizAnswer>& answers() const { return mAnswers; }

    // Answers the current question. Returns the answer, or nullopt (and changes nothing) when not
    // Asking or when choice is not an option of the question.
    std::optional<QuizAnswer> answer(std::size_t choice);
    // From Feedback to the next question, or to Finished after the last. No effect otherwise.
    void next();
    // Back to the first question with a score of 0.
    void restart();

private:
    struct Question {
        std::string id;
        std::size_t optionCount = 0;
        std::size_t correctIndex = 0;
    };
    std::string mSceneId;
    std::vector<Question> mQuestions;
    Phase mPhase = Phase::Finished;
    std::size_t mCurrent = 0;
    std::optional<std::size_t> mChosen;
    std::size_t mScore = 0;
    std::vector<QuizAnswer> mAnswers;
};

struct QuizOptionView {
    std::string text;
    bool chosen = false;  // Feedback: the visitor's answer
    bool correct = false; // Feedback: the right answer (drawn as such)
};

struct QuizDeterminantView {
    std::string id;
    std::string name;
    std::string summary;
};

struct QuizPanelView {
    QuizSession::Phase phase = QuizSession::Phase::Finished;
    std::string title;    // quiz.title
    std::string progress; // "Question 2 of 4" (quiz.progress, filled)
    std::string questionId;
    std::string question;
    std::vector<QuizOptionView> options;
    std::size_t correctIndex = 0;
    // Feedback:
    bool answeredCorrectly = false;
    std::string verdict;     // quiz.correct or quiz.incorrect
    std::string explanation; // at the chosen depth
    std::string aboutLabel;  // quiz.about
    std::vector<QuizDeterminantView> determinants;
    std::string sourceLabel;
    std::string source;
    std::string nextLabel; // quiz.next, or quiz.finish after the last question
    // Finished:
    std::string finishedLabel; // quiz.finished
    std::string score;         // "3 of 4 correct" (quiz.score, filled)
    std::string restartLabel;
    std::string closeLabel;
    float uiScale = 1.0f;
};

// The view of session's current state for the scene's quiz (an unknown scene, or a session of
// another scene, gives a Finished view with the unavailable text as its score line).
QuizPanelView buildQuizPanel(const content::ContentLibrary& library, const QuizSession& session,
                             content::Language language, content::Depth depth, float uiScale);

struct QuizCommand {
    std::optional<QuizAnswer> answered; // an option was tapped while Asking
    bool next = false;                  // "next question" / "see my score"
    bool restart = false;
    bool close = false;
    std::vector<TouchTarget> targets; // "close", "option.0".."option.N", "next", "restart",
                                      // "determinant.<id>"
    std::optional<std::string> openDeterminant; // a determinant of the feedback was tapped

    bool any() const { return answered || next || restart || close || openDeterminant; }
};

// Draws the panel at rect (computeOverlayLayout().quiz); the body scrolls by dragging.
QuizCommand drawQuizPanel(const QuizPanelView& view, const PanelRect& rect);

// Applies answered / next / restart to the session (close and openDeterminant are the app's).
void applyQuizCommand(QuizSession& session, const QuizCommand& command);

// The text of a ui string with {name} placeholders replaced: fillPlaceholders("{a} of {b}",
// {{"a", "1"}, {"b", "2"}}) is "1 of 2". Unknown placeholders stay as written.
std::string fillPlaceholders(std::string_view text,
                             const std::vector<std::pair<std::string, std::string>>& values);

} // namespace kiln::ui
