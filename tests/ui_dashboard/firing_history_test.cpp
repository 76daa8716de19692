// FiringHistory: one point per interval, bounded by halving its resolution, rewinds when the
// visitor scrubs back, and interpolates between points for scrub lookups.
#include "kiln/ui/firing_history.h"

#include <gtest/gtest.h>

#include <cmath>

using kiln::sim::Atmosphere;
using kiln::ui::FiringHistory;
using kiln::ui::FiringSample;

namespace {

// A ramp the tests know: 25 C per hour at the front, fuel 100 kg per hour, reducing from 10 h.
FiringSample rampAt(double hours) {
    FiringSample s;
    s.timeHours = hours;
    s.frontC = 20.0 + 25.0 * hours;
    s.middleC = 20.0 + 20.0 * hours;
    s.rearC = 20.0 + 15.0 * hours;
    s.fireboxC = 20.0 + 30.0 * hours;
    s.fuelBurntKg = 100.0 * hours;
    s.atmosphere = hours >= 10.0 ? Atmosphere::Reducing : Atmosphere::Oxidizing;
    return s;
}

// Feeds the ramp step by step (60 s steps, times summed as the sim sums them).
void feed(FiringHistory& history, double fromHours, double toHours) {
    double seconds = fromHours * 3600.0;
    while (seconds <= toHours * 3600.0 + 1e-6) {
        history.add(rampAt(seconds / 3600.0));
        seconds += 60.0;
    }
}

} // namespace

TEST(FiringHistory, KeepsOnePointPerInterval) {
    FiringHistory history(5.0 / 60.0, 2000);
    feed(history, 0.0, 47.0);
    // 47 h at one point per 5 min: 0, 5, ..., 2820 minutes.
    ASSERT_EQ(history.size(), 565u);
    for (std::size_t i = 1; i < history.size(); ++i) {
        EXPECT_NEAR(history.points()[i].timeHours - history.points()[i - 1].timeHours, 5.0 / 60.0,
                    1e-9);
    }
    EXPECT_DOUBLE_EQ(history.firstHours(), 0.0);
    EXPECT_NEAR(history.lastHours(), 47.0, 1e-9);
}

TEST(FiringHistory, StaysWithinItsPointLimitByHalvingItsResolution) {
    FiringHistory history(5.0 / 60.0, 100);
    feed(history, 0.0, 47.0);
    EXPECT_LE(history.size(), 100u);
    EXPECT_GE(history.size(), 50u);
    // 565 points at 5 min do not fit 100: 10, 20, then 40 min points.
    EXPECT_NEAR(history.intervalHours(), 40.0 / 60.0, 1e-12);
    EXPECT_DOUBLE_EQ(history.firstHours(), 0.0);
    EXPECT_GT(history.lastHours(), 47.0 - history.intervalHours() - 1e-9);
    for (std::size_t i = 1; i < history.size(); ++i) {
        EXPECT_NEAR(history.points()[i].timeHours - history.points()[i - 1].timeHours,
                    history.intervalHours(), 1e-9);
    }
    history.clear();
    EXPECT_TRUE(history.empty());
    EXPECT_NEAR(history.intervalHours(), 5.0 / 60.0, 1e-12);
}

TEST(FiringHistory, ScrubLookupInterpolatesAndClamps) {
    FiringHistory history(5.0 / 60.0, 2000);
    EXPECT_FALSE(history.sampleAt(1.0).has_value());
    feed(history, 0.0, 20.0);
    for (double t : {0.0, 3.3, 9.99, 12.345, 19.96}) {
        const auto s = history.sampleAt(t);
        ASSERT_TRUE(s.has_value());
        EXPECT_NEAR(s->timeHours, t, 1e-12);
        EXPECT_NEAR(s->frontC, 20.0 + 25.0 * t, 1e-6) << t;
        EXPECT_NEAR(s->middleC, 20.0 + 20.0 * t, 1e-6) << t;
        EXPECT_NEAR(s->rearC, 20.0 + 15.0 * t, 1e-6) << t;
        EXPECT_NEAR(s->fireboxC, 20.0 + 30.0 * t, 1e-6) << t;
        EXPECT_NEAR(s->fuelBurntKg, 100.0 * t, 1e-6) << t;
    }
    // The atmosphere is the one of the point at or before t.
    EXPECT_EQ(history.sampleAt(9.99)->atmosphere, Atmosphere::Oxidizing);
    EXPECT_EQ(history.sampleAt(10.01)->atmosphere, Atmosphere::Reducing);
    // Clamped to the ends.
    EXPECT_NEAR(history.sampleAt(-5.0)->frontC, 20.0, 1e-9);
    EXPECT_NEAR(history.sampleAt(99.0)->frontC, 20.0 + 25.0 * 20.0, 1e-6);
}

TEST(FiringHistory, AnEarlierSampleRewindsTheHistory) {
    FiringHistory history(5.0 / 60.0, 2000);
    feed(history, 0.0, 10.0);
    ASSERT_NEAR(history.lastHours(), 10.0, 1e-9);
    history.add(rampAt(4.0));
    EXPECT_NEAR(history.lastHours(), 4.0, 1e-9);
    EXPECT_EQ(history.size(), 49u); // 0 .. 4 h every 5 min
    feed(history, 4.0 + 1.0 / 60.0, 6.0);
    EXPECT_NEAR(history.lastHours(), 6.0, 1e-9);
    EXPECT_EQ(history.size(), 73u);
}
