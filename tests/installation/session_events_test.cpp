// Anonymous analytics: a scripted visit yields exactly the expected events with dwell times;
// every id is fresh per session; nothing is recorded outside a session; the personal-data check
// passes every recorded event and catches forbidden fields and values.

#include "kiln/app/session_events.h"

#include <gtest/gtest.h>

#include <set>

namespace kiln::app {
namespace {

using Type = SessionEventType;
using content::Depth;
using content::Language;

// Session ids "000...01", "000...02", ... so the expected records can name them.
SessionRecorder::IdSource countingIds() {
    return [n = 0]() mutable {
        std::string id = std::to_string(++n);
        return std::string(32 - id.size(), '0').append(id);
    };
}

struct ExpectedEvent {
    Type type;
    double atSeconds;
    std::vector<EventField> fields;
};

TEST(SessionRecorder, ScriptedVisitGivesExactlyTheExpectedEvents) {
    SessionRecorder recorder(countingIds());
    // The attract loop shows scenes before anybody is there: nothing is recorded.
    recorder.sceneEntered("taoxichuan", 5.0);
    recorder.determinantOpened("factor", 6.0);
    EXPECT_TRUE(recorder.events().empty());

    recorder.startSession(100.0, Language::Zh, Depth::Visitor);
    recorder.sceneEntered("egg_kiln", 100.0);
    recorder.determinantOpened("factor_conditions", 112.5);
    recorder.languageChosen(Language::En, 120.0);
    recorder.languageChosen(Language::En, 121.0); // no change: nothing
    recorder.sceneEntered("egg_kiln", 125.0);     // same scene: nothing
    recorder.sceneEntered("dragon_kiln", 142.3);
    recorder.pathwayOpened("imperial_to_market", 150.0);
    recorder.quizAnswered("q_dragon_length", true, 160.0);
    recorder.depthChosen(Depth::Student, 165.0);
    recorder.quizAnswered("q_dragon_fuel", false, 170.0);
    recorder.idleReset(245.0);

    const std::string id = std::string(31, '0').append("1");
    const std::vector<ExpectedEvent> expected = {
            {Type::SessionStart, 0.0, {{"language", "zh"}, {"depth", "visitor"}}},
            {Type::DeterminantOpened,
             12.5,
             {{"determinant", "factor_conditions"}, {"scene", "egg_kiln"}}},
            {Type::LanguageChosen, 20.0, {{"language", "en"}}},
            {Type::SceneViewed, 42.3, {{"scene", "egg_kiln"}, {"dwellSeconds", "42.3"}}},
            {Type::PathwayOpened,
             50.0,
             {{"pathway", "imperial_to_market"}, {"scene", "dragon_kiln"}}},
            {Type::QuizAnswered,
             60.0,
             {{"question", "q_dragon_length"}, {"correct", "true"}, {"scene", "dragon_kiln"}}},
            {Type::DepthChosen, 65.0, {{"depth", "student"}}},
            {Type::QuizAnswered,
             70.0,
             {{"question", "q_dragon_fuel"}, {"correct", "false"}, {"scene", "dragon_kiln"}}},
            {Type::SceneViewed, 145.0, {{"scene", "dragon_kiln"}, {"dwellSeconds", "102.7"}}},
            {Type::Reset, 145.0, {{"reason", "idle"}}},
            {Type::SessionEnd, 145.0, {{"reason", "idle_reset"}, {"durationSeconds", "145.0"}}},
    };
    const std::vector<SessionEvent>& events = recorder.events();
    ASSERT_EQ(events.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(std::string("event ").append(std::to_string(i)));
        EXPECT_EQ(eventTypeCode(events[i].type), eventTypeCode(expected[i].type));
        EXPECT_EQ(events[i].sessionId, id);
        EXPECT_DOUBLE_EQ(events[i].atSeconds, expected[i].atSeconds);
        EXPECT_EQ(events[i].fields, expected[i].fields);
        EXPECT_TRUE(personalDataProblems(events[i]).empty());
    }
    EXPECT_FALSE(recorder.inSession());
    EXPECT_TRUE(recorder.sessionId().empty());
}

TEST(SessionRecorder, EachSessionGetsAFreshId) {
    SessionRecorder recorder; // the real random ids
    std::set<std::string> ids;
    for (int i = 0; i < 20; ++i) {
        recorder.startSession(i * 10.0, Language::En, Depth::Visitor);
        ids.insert(recorder.sessionId());
        recorder.endSession(i * 10.0 + 5.0, SessionEndReason::AppExit);
    }
    EXPECT_EQ(ids.size(), 20u);
    for (const SessionEvent& event : recorder.takeEvents()) {
        EXPECT_TRUE(personalDataProblems(event).empty());
    }
    EXPECT_TRUE(recorder.events().empty());
}

TEST(SessionRecorder, StartingASessionEndsTheOpenOne) {
    SessionRecorder recorder(countingIds());
    recorder.startSession(0.0, Language::Zh, Depth::Visitor);
    recorder.sceneEntered("egg_kiln", 1.0);
    recorder.startSession(31.0, Language::Zh, Depth::Visitor);
    const auto& events = recorder.events();
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[1].type, Type::SceneViewed);
    EXPECT_EQ(*events[1].field("dwellSeconds"), "30.0");
    EXPECT_EQ(events[2].type, Type::SessionEnd);
    EXPECT_EQ(*events[2].field("reason"), "new_session");
    EXPECT_EQ(events[3].type, Type::SessionStart);
    EXPECT_NE(events[3].sessionId, events[0].sessionId);
    EXPECT_DOUBLE_EQ(events[3].atSeconds, 0.0);
}

TEST(PersonalData, ForbiddenFieldsAndValuesAreCaught) {
    SessionEvent event;
    event.type = Type::QuizAnswered;
    event.sessionId = randomSessionId();
    event.fields = {{"question", "q1"}, {"correct", "true"}};
    EXPECT_TRUE(personalDataProblems(event).empty());

    SessionEvent named = event;
    named.fields.push_back({"visitorName", "li"});
    EXPECT_EQ(personalDataProblems(named).size(), 1u);

    SessionEvent freeText = event;
    freeText.fields[0].value = "Li Wei";
    EXPECT_EQ(personalDataProblems(freeText).size(), 1u);

    SessionEvent email = event;
    email.fields[0].value = "li@example.cn";
    EXPECT_EQ(personalDataProblems(email).size(), 1u);

    SessionEvent phone = event;
    phone.fields[0].value = "13812345678";
    EXPECT_EQ(personalDataProblems(phone).size(), 1u);

    SessionEvent wrongType = event;
    wrongType.type = Type::LanguageChosen; // language events carry only "language"
    EXPECT_EQ(personalDataProblems(wrongType).size(), 2u);

    SessionEvent machineId = event;
    machineId.sessionId = "kiosk-hall2-a";
    EXPECT_EQ(personalDataProblems(machineId).size(), 1u);
}

} // namespace
} // namespace kiln::app
