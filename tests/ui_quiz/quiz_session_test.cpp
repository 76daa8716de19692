// QuizSession: the quiz's state without ImGui. Scoring counts each question's first answer,
// feedback follows every answer, next moves on and ends in the score, restart starts over, and
// answers out of turn or out of range change nothing.
#include "kiln/ui/quiz_panel.h"

#include <gtest/gtest.h>

using namespace kiln;
using Phase = ui::QuizSession::Phase;

namespace {

content::SceneContent threeQuestions() {
    content::SceneContent scene;
    scene.id = "kiln";
    for (std::size_t correct : {1u, 0u, 2u}) {
        content::QuizQuestion q;
        q.id = "kiln.q" + std::to_string(scene.quiz.size() + 1);
        q.options.resize(3);
        q.correctIndex = correct;
        scene.quiz.push_back(q);
    }
    return scene;
}

} // namespace

TEST(QuizSession, StartsAtTheFirstQuestion) {
    const ui::QuizSession s(threeQuestions());
    EXPECT_EQ(s.sceneId(), "kiln");
    EXPECT_EQ(s.phase(), Phase::Asking);
    EXPECT_EQ(s.currentIndex(), 0u);
    EXPECT_EQ(s.questionCount(), 3u);
    EXPECT_EQ(s.score(), 0u);
    EXPECT_FALSE(s.chosen().has_value());
}

TEST(QuizSession, ARightAnswerScoresAndShowsFeedback) {
    ui::QuizSession s(threeQuestions());
    const auto a = s.answer(1);
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(a->questionId, "kiln.q1");
    EXPECT_EQ(a->choice, 1u);
    EXPECT_TRUE(a->correct);
    EXPECT_EQ(s.phase(), Phase::Feedback);
    EXPECT_EQ(s.chosen(), 1u);
    EXPECT_EQ(s.score(), 1u);
}

TEST(QuizSession, AWrongAnswerShowsFeedbackWithoutScoring) {
    ui::QuizSession s(threeQuestions());
    const auto a = s.answer(2);
    ASSERT_TRUE(a.has_value());
    EXPECT_FALSE(a->correct);
    EXPECT_EQ(s.phase(), Phase::Feedback);
    EXPECT_EQ(s.score(), 0u);
}

TEST(QuizSession, OnlyTheFirstAnswerCounts) {
    ui::QuizSession s(threeQuestions());
    ASSERT_TRUE(s.answer(0).has_value());  // wrong
    EXPECT_FALSE(s.answer(1).has_value()); // no second try at the same question
    EXPECT_EQ(s.score(), 0u);
    EXPECT_EQ(s.chosen(), 0u);
    EXPECT_EQ(s.answers().size(), 1u);
}

TEST(QuizSession, AnOptionOutOfRangeChangesNothing) {
    ui::QuizSession s(threeQuestions());
    EXPECT_FALSE(s.answer(3).has_value());
    EXPECT_EQ(s.phase(), Phase::Asking);
    EXPECT_TRUE(s.answers().empty());
}

TEST(QuizSession, NextOnlyAfterAnAnswerThenTheScoreAtTheEnd) {
    ui::QuizSession s(threeQuestions());
    s.next(); // not answered yet: stays
    EXPECT_EQ(s.currentIndex(), 0u);
    EXPECT_EQ(s.phase(), Phase::Asking);
    ASSERT_TRUE(s.answer(1)); // right
    s.next();
    EXPECT_EQ(s.currentIndex(), 1u);
    EXPECT_EQ(s.phase(), Phase::Asking);
    EXPECT_FALSE(s.chosen().has_value());
    ASSERT_TRUE(s.answer(2)); // wrong
    s.next();
    ASSERT_TRUE(s.answer(2)); // right
    s.next();
    EXPECT_EQ(s.phase(), Phase::Finished);
    EXPECT_EQ(s.score(), 2u);
    EXPECT_EQ(s.answers().size(), 3u);
    EXPECT_FALSE(s.answer(0).has_value());
    s.next(); // nothing after the end
    EXPECT_EQ(s.phase(), Phase::Finished);
}

TEST(QuizSession, RestartStartsOver) {
    ui::QuizSession s(threeQuestions());
    ASSERT_TRUE(s.answer(1));
    s.next();
    ASSERT_TRUE(s.answer(0));
    s.restart();
    EXPECT_EQ(s.phase(), Phase::Asking);
    EXPECT_EQ(s.currentIndex(), 0u);
    EXPECT_EQ(s.score(), 0u);
    EXPECT_TRUE(s.answers().empty());
    EXPECT_FALSE(s.chosen().has_value());
}

TEST(QuizSession, ASceneWithoutQuestionsIsFinishedAtOnce) {
    content::SceneContent scene;
    scene.id = "empty";
    ui::QuizSession s(scene);
    EXPECT_EQ(s.phase(), Phase::Finished);
    EXPECT_EQ(s.score(), 0u);
    EXPECT_FALSE(s.answer(0).has_value());
    ui::QuizSession none;
    EXPECT_EQ(none.phase(), Phase::Finished);
}

TEST(QuizSession, CommandsApplyInOrder) {
    ui::QuizSession s(threeQuestions());
    ui::QuizCommand answer;
    answer.answered = ui::QuizAnswer{"kiln.q1", 1, true};
    ui::applyQuizCommand(s, answer);
    EXPECT_EQ(s.phase(), Phase::Feedback);
    ui::QuizCommand next;
    next.next = true;
    ui::applyQuizCommand(s, next);
    EXPECT_EQ(s.currentIndex(), 1u);
    ui::QuizCommand restart;
    restart.restart = true;
    ui::applyQuizCommand(s, restart);
    EXPECT_EQ(s.currentIndex(), 0u);
    EXPECT_EQ(s.score(), 0u);
}

TEST(QuizSession, PlaceholdersAreFilled) {
    EXPECT_EQ(ui::fillPlaceholders("{score} of {total}", {{"score", "3"}, {"total", "4"}}),
              "3 of 4");
    EXPECT_EQ(ui::fillPlaceholders("答对 {score} / {total} 题", {{"score", "1"}, {"total", "2"}}),
              "答对 1 / 2 题");
    EXPECT_EQ(ui::fillPlaceholders("{unknown} {", {{"score", "1"}}), "{unknown} {");
}
