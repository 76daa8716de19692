// TourPlayer: play through, dwell, pause, step back and forth, loop, and never jump.
#include "kiln/scene/tour.h"

#include <gtest/gtest.h>

using namespace kiln::scene;

namespace {

Viewpoint viewpoint(const std::string& id, glm::vec3 target, float yaw, float dwell) {
    OrbitCamera cam;
    cam.target = target;
    cam.distanceM = 8.0f;
    cam.yawDeg = yaw;
    cam.pitchDeg = 15.0f;
    Viewpoint vp;
    vp.id = id;
    vp.pose = CameraPose::fromOrbit(cam);
    vp.dwellSeconds = dwell;
    vp.caption = "caption." + id;
    return vp;
}

std::vector<Viewpoint> threeStops() {
    return {viewpoint("firebox", {0, 1, 0}, 0.0f, 2.0f),
            viewpoint("chamber", {0, 1.5f, -8}, 60.0f, 3.0f),
            viewpoint("chimney", {0, 4, -17}, 120.0f, 1.0f)};
}

CameraPose outside() {
    CameraPose pose;
    pose.positionM = {30, 10, 30};
    pose.yawDeg = 45.0f;
    pose.pitchDeg = 20.0f;
    return pose;
}

bool samePose(const CameraPose& a, const CameraPose& b) {
    return a.positionM == b.positionM && a.yawDeg == b.yawDeg && a.pitchDeg == b.pitchDeg &&
           a.focusDistanceM == b.focusDistanceM && a.fovYDeg == b.fovYDeg;
}

// Advances until the phase changes (or a limit), in 1/60 s frames; returns seconds taken.
float runUntilPhaseChanges(TourPlayer& tour) {
    const TourPlayer::Phase phase = tour.phase();
    const std::size_t index = tour.currentIndex();
    float seconds = 0.0f;
    while (tour.phase() == phase && tour.currentIndex() == index && seconds < 60.0f) {
        tour.update(1.0f / 60.0f);
        seconds += 1.0f / 60.0f;
    }
    return seconds;
}

} // namespace

TEST(TourPlayer, PlaysEveryViewpointWithDwellAndStopsAtTheEnd) {
    const auto stops = threeStops();
    TourPlayer tour(stops);
    EXPECT_EQ(tour.phase(), TourPlayer::Phase::NotStarted);
    tour.start(outside());
    EXPECT_TRUE(tour.playing());
    EXPECT_TRUE(samePose(tour.pose(), outside())); // starts where the camera is: no jump
    for (std::size_t i = 0; i < stops.size(); ++i) {
        EXPECT_EQ(tour.currentIndex(), i);
        EXPECT_EQ(tour.phase(), TourPlayer::Phase::Moving);
        runUntilPhaseChanges(tour);
        ASSERT_EQ(tour.phase(), TourPlayer::Phase::Dwelling);
        EXPECT_TRUE(samePose(tour.pose(), stops[i].pose)); // arrives exactly
        EXPECT_EQ(tour.currentViewpoint()->id, stops[i].id);
        const float dwelt = runUntilPhaseChanges(tour);
        EXPECT_NEAR(dwelt, stops[i].dwellSeconds, 2.0f / 60.0f);
    }
    EXPECT_EQ(tour.phase(), TourPlayer::Phase::Finished);
    EXPECT_FALSE(tour.playing());
    EXPECT_EQ(tour.currentIndex(), 2u);
    tour.update(5.0f);
    EXPECT_TRUE(samePose(tour.pose(), stops[2].pose));
}

TEST(TourPlayer, PauseHoldsAtTheViewpointAndPlayResumes) {
    const auto stops = threeStops();
    TourPlayer tour(stops);
    tour.start(outside());
    runUntilPhaseChanges(tour); // arrive at 0
    tour.update(1.0f);          // half the dwell
    tour.pause();
    EXPECT_FALSE(tour.playing());
    for (int i = 0; i < 600; ++i) {
        tour.update(1.0f / 60.0f);
    }
    EXPECT_EQ(tour.currentIndex(), 0u);
    EXPECT_EQ(tour.phase(), TourPlayer::Phase::Dwelling);
    EXPECT_TRUE(samePose(tour.pose(), stops[0].pose));
    tour.play();
    const float rest = runUntilPhaseChanges(tour);
    EXPECT_NEAR(rest, 1.0f, 2.0f / 60.0f); // the remaining half of the dwell
    EXPECT_EQ(tour.currentIndex(), 1u);
}

TEST(TourPlayer, PauseDuringAMoveStillArrives) {
    const auto stops = threeStops();
    TourPlayer tour(stops);
    tour.start(outside());
    tour.update(0.1f);
    tour.pause();
    runUntilPhaseChanges(tour);
    EXPECT_EQ(tour.phase(), TourPlayer::Phase::Dwelling);
    EXPECT_TRUE(samePose(tour.pose(), stops[0].pose));
    tour.update(100.0f);
    EXPECT_EQ(tour.currentIndex(), 0u); // paused: does not move on
}

TEST(TourPlayer, NextAndPreviousStepAndStopAtTheEndsWithoutLoop) {
    const auto stops = threeStops();
    TourPlayer tour(stops);
    tour.start(outside());
    tour.pause();
    tour.next();
    EXPECT_EQ(tour.currentIndex(), 1u);
    EXPECT_FALSE(tour.playing()); // stepping keeps the paused state
    tour.next();
    tour.next(); // already at the last one
    EXPECT_EQ(tour.currentIndex(), 2u);
    tour.previous();
    EXPECT_EQ(tour.currentIndex(), 1u);
    tour.previous();
    tour.previous();
    EXPECT_EQ(tour.currentIndex(), 0u);
    tour.goTo(2);
    EXPECT_EQ(tour.currentIndex(), 2u);
    tour.goTo(7); // out of range: ignored
    EXPECT_EQ(tour.currentIndex(), 2u);
    runUntilPhaseChanges(tour);
    EXPECT_TRUE(samePose(tour.pose(), stops[2].pose));
}

TEST(TourPlayer, LoopingWrapsBothWays) {
    TourSettings settings;
    settings.loop = true;
    const auto stops = threeStops();
    TourPlayer tour(stops, settings);
    tour.start(outside(), 2);
    EXPECT_EQ(tour.currentIndex(), 2u);
    tour.next();
    EXPECT_EQ(tour.currentIndex(), 0u);
    tour.previous();
    EXPECT_EQ(tour.currentIndex(), 2u);
    // Playing past the last viewpoint goes round to the first.
    runUntilPhaseChanges(tour); // arrive
    runUntilPhaseChanges(tour); // dwell over
    EXPECT_EQ(tour.currentIndex(), 0u);
    EXPECT_TRUE(tour.playing());
}

TEST(TourPlayer, SteppingMidMoveStartsFromWhereTheCameraIs) {
    const auto stops = threeStops();
    TourPlayer tour(stops);
    tour.start(outside());
    const CameraPose shown = tour.update(0.3f);
    ASSERT_FALSE(samePose(shown, outside()));
    ASSERT_FALSE(samePose(shown, stops[0].pose));
    tour.next();
    EXPECT_TRUE(samePose(tour.pose(), shown)); // no jump on the call
    const CameraPose after = tour.update(1.0f / 60.0f);
    EXPECT_LT(glm::length(after.positionM - shown.positionM), 0.5f);
}

TEST(TourPlayer, EmptyTourDoesNothing) {
    TourPlayer tour;
    tour.play();
    tour.next();
    tour.previous();
    tour.start(outside());
    EXPECT_EQ(tour.phase(), TourPlayer::Phase::NotStarted);
    EXPECT_EQ(tour.currentViewpoint(), nullptr);
    EXPECT_FALSE(tour.playing());
}
