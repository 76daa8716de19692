// The fixed-step clock turns frame times into whole steps, deterministically.
#include "kiln/core/fixed_step.h"

#include <gtest/gtest.h>

#include <limits>

using kiln::core::FixedStepClock;

TEST(FixedStepClock, AccumulatesPartialFrames) {
    FixedStepClock clock(0.01);
    EXPECT_EQ(clock.advance(0.004), 0);
    EXPECT_EQ(clock.advance(0.004), 0);
    EXPECT_EQ(clock.advance(0.004), 1); // 12 ms: one step, 2 ms left
    EXPECT_NEAR(clock.alpha(), 0.2, 1e-9);
}

TEST(FixedStepClock, SameTotalTimeGivesSameStepsWhateverTheFrameRate) {
    FixedStepClock fast(1.0 / 60.0);
    FixedStepClock slow(1.0 / 60.0);
    int fastSteps = 0;
    int slowSteps = 0;
    for (int i = 0; i < 1440; ++i) {
        fastSteps += fast.advance(1.0 / 144.0);
    }
    for (int i = 0; i < 300; ++i) {
        slowSteps += slow.advance(1.0 / 30.0);
    }
    EXPECT_EQ(fastSteps, 600);
    EXPECT_EQ(slowSteps, 600);
}

TEST(FixedStepClock, StallIsClampedAndCounted) {
    FixedStepClock clock(0.01, 5);
    EXPECT_EQ(clock.advance(1.0), 5);
    EXPECT_NEAR(clock.droppedSeconds(), 0.95, 1e-9);
}

TEST(FixedStepClock, BadFrameTimesAreIgnored) {
    FixedStepClock clock(0.01);
    EXPECT_EQ(clock.advance(-5.0), 0);
    EXPECT_EQ(clock.advance(std::numeric_limits<double>::quiet_NaN()), 0);
    EXPECT_EQ(clock.advance(0.0105), 1);
}
