// The two-tier idle machine over scripted timelines (times in seconds, passed in): browsing ->
// "still there?" -> reset into the attract loop; a touch during the countdown; the longer
// timeout while a firing plays; a touch in the attract loop starting a session.

#include "kiln/app/idle_monitor.h"

#include <gtest/gtest.h>

namespace kiln::app {
namespace {

IdleTimeouts defaults() {
    return IdleTimeouts{}; // 60 s browsing, 180 s while firing, 15 s countdown
}

// Runs update() every `stepSeconds` from `fromSeconds` up to and including `toSeconds`.
void runFrames(IdleMonitor& idle, double fromSeconds, double toSeconds, bool firing,
               double stepSeconds = 0.5) {
    for (double t = fromSeconds; t <= toSeconds + 1e-9; t += stepSeconds) {
        idle.update(t, firing);
    }
}

TEST(IdleMonitor, StartsInAttractAndATouchStartsASession) {
    IdleMonitor idle(defaults(), 0.0);
    EXPECT_EQ(idle.state(), IdleState::Attract);
    runFrames(idle, 0.0, 600.0, false, 1.0); // the attract loop never times out
    EXPECT_EQ(idle.state(), IdleState::Attract);
    EXPECT_FALSE(idle.resetRequested());
    EXPECT_EQ(idle.onInput(600.5), IdleInputEffect::SessionStarted);
    EXPECT_EQ(idle.state(), IdleState::Active);
    EXPECT_EQ(idle.onInput(601.0), IdleInputEffect::None);
}

TEST(IdleMonitor, IdleThenStillThereThenResetOnce) {
    IdleMonitor idle(defaults(), 0.0, IdleState::Active);
    runFrames(idle, 0.0, 59.5, false);
    EXPECT_EQ(idle.state(), IdleState::Active);
    idle.update(60.0, false);
    ASSERT_EQ(idle.state(), IdleState::StillThere);
    EXPECT_DOUBLE_EQ(idle.countdownSecondsLeft(), 15.0);
    EXPECT_EQ(idle.countdownDisplaySeconds(), 15);
    idle.update(65.5, false);
    EXPECT_DOUBLE_EQ(idle.countdownSecondsLeft(), 9.5);
    EXPECT_EQ(idle.countdownDisplaySeconds(), 10);
    idle.update(74.9, false);
    EXPECT_EQ(idle.state(), IdleState::StillThere);
    EXPECT_FALSE(idle.resetRequested());
    idle.update(75.0, false);
    EXPECT_EQ(idle.state(), IdleState::Attract);
    EXPECT_TRUE(idle.resetRequested());
    EXPECT_FALSE(idle.resetRequested()); // once
    runFrames(idle, 75.0, 400.0, false);
    EXPECT_FALSE(idle.resetRequested());
}

TEST(IdleMonitor, TouchDuringCountdownReturnsToBrowsingWithoutReset) {
    IdleMonitor idle(defaults(), 0.0, IdleState::Active);
    runFrames(idle, 0.0, 70.0, false);
    ASSERT_EQ(idle.state(), IdleState::StillThere);
    EXPECT_EQ(idle.onInput(70.2), IdleInputEffect::CountdownCancelled);
    EXPECT_EQ(idle.state(), IdleState::Active);
    EXPECT_DOUBLE_EQ(idle.countdownSecondsLeft(), 0.0);
    runFrames(idle, 70.5, 129.5, false); // a full new browsing timeout counts from the touch
    EXPECT_EQ(idle.state(), IdleState::Active);
    EXPECT_FALSE(idle.resetRequested());
    idle.update(130.5, false);
    EXPECT_EQ(idle.state(), IdleState::StillThere);
}

TEST(IdleMonitor, FiringPlayingLengthensTheBrowsingTimeout) {
    IdleMonitor idle(defaults(), 0.0, IdleState::Active);
    runFrames(idle, 0.0, 179.5, true);
    EXPECT_EQ(idle.state(), IdleState::Active); // 60 s would have fired long ago
    idle.update(180.0, true);
    EXPECT_EQ(idle.state(), IdleState::StillThere);
}

TEST(IdleMonitor, FiringEndingLateStillShowsTheWholeCountdown) {
    IdleMonitor idle(defaults(), 0.0, IdleState::Active);
    runFrames(idle, 0.0, 100.0, true);
    EXPECT_EQ(idle.state(), IdleState::Active);
    idle.update(100.5, false); // the firing stopped; 100 s idle is past the 60 s browse timeout
    ASSERT_EQ(idle.state(), IdleState::StillThere);
    EXPECT_DOUBLE_EQ(idle.countdownSecondsLeft(), 15.0);
}

TEST(IdleMonitor, ALongStallNeverSkipsTheCountdown) {
    IdleMonitor idle(defaults(), 0.0, IdleState::Active);
    idle.update(1000.0, false); // one frame after a very long stall
    EXPECT_EQ(idle.state(), IdleState::StillThere);
    EXPECT_FALSE(idle.resetRequested());
    idle.update(1015.0, false);
    EXPECT_TRUE(idle.resetRequested());
}

TEST(IdleMonitor, TimeGoingBackwardsDoesNotReset) {
    IdleMonitor idle(defaults(), 100.0, IdleState::Active);
    idle.update(50.0, false);
    idle.update(159.0, false);
    EXPECT_EQ(idle.state(), IdleState::Active);
}

TEST(IdleMonitor, ConfiguredTimeoutsAreUsed) {
    IdleTimeouts timeouts;
    timeouts.browseSeconds = 30.0;
    timeouts.countdownSeconds = 5.0;
    IdleMonitor idle(timeouts, 0.0, IdleState::Active);
    idle.update(30.0, false);
    EXPECT_EQ(idle.state(), IdleState::StillThere);
    idle.update(35.0, false);
    EXPECT_TRUE(idle.resetRequested());
}

TEST(IdleMonitor, AdminCanSendItToAttract) {
    IdleMonitor idle(defaults(), 0.0, IdleState::Active);
    idle.enterAttract(10.0);
    EXPECT_EQ(idle.state(), IdleState::Attract);
    EXPECT_FALSE(idle.resetRequested());
}

TEST(AttractTour, CyclesThroughTheScenes) {
    EXPECT_EQ(attractSceneIndex(0.0, 3, 45.0), 0u);
    EXPECT_EQ(attractSceneIndex(44.9, 3, 45.0), 0u);
    EXPECT_EQ(attractSceneIndex(45.0, 3, 45.0), 1u);
    EXPECT_EQ(attractSceneIndex(134.9, 3, 45.0), 2u);
    EXPECT_EQ(attractSceneIndex(135.0, 3, 45.0), 0u);
    EXPECT_EQ(attractSceneIndex(1e7, 3, 45.0), 222222u % 3u);
    EXPECT_EQ(attractSceneIndex(100.0, 0, 45.0), 0u);
    EXPECT_EQ(attractSceneIndex(-5.0, 3, 45.0), 0u);
}

} // namespace
} // namespace kiln::app
