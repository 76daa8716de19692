// Fixed-step accumulator.
#include "kiln/core/fixed_step.h"

#include "kiln/core/assert.h"

#include <cmath>

namespace kiln::core {

FixedStepClock::FixedStepClock(double stepSeconds, int maxStepsPerFrame)
    : mStepSeconds(stepSeconds), mMaxSteps(maxStepsPerFrame) {
    KILN_ASSERT(stepSeconds > 0.0, "FixedStepClock: stepSeconds must be > 0");
    KILN_ASSERT(maxStepsPerFrame > 0, "FixedStepClock: maxStepsPerFrame must be > 0");
}

int FixedStepClock::advance(double frameSeconds) {
    if (!std::isfinite(frameSeconds) || frameSeconds < 0.0) {
        frameSeconds = 0.0;
    }
    mAccumulator += frameSeconds;
    // The epsilon absorbs rounding: 144 frames of 1/144 s must give exactly 60 steps of 1/60 s.
    int steps = static_cast<int>(std::floor(mAccumulator / mStepSeconds + 1e-9));
    if (steps > mMaxSteps) {
        const double dropped = (steps - mMaxSteps) * mStepSeconds;
        mDroppedSeconds += dropped;
        mAccumulator -= dropped;
        steps = mMaxSteps;
    }
    mAccumulator -= steps * mStepSeconds;
    if (mAccumulator < 0.0) {
        mAccumulator = 0.0;
    }
    return steps;
}

} // namespace kiln::core
