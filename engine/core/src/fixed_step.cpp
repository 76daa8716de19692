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
    int steps = static_cast<int>(std::floor(mAccumulator / mStepSeconds));
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
