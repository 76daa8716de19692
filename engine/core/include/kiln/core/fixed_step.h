// FixedStepClock: turns variable frame times into a whole number of fixed simulation steps,
// so the simulation is deterministic whatever the frame rate. Does NOT read any clock itself.
#pragma once

namespace kiln::core {

class FixedStepClock {
public:
    // stepSeconds > 0; maxStepsPerFrame bounds the catch-up after a stall (no spiral of death).
    explicit FixedStepClock(double stepSeconds, int maxStepsPerFrame = 8);

    // Adds frame time and returns how many fixed steps to run now. Negative or absurd frame
    // times (a clock jump) are clamped; the dropped time is counted in droppedSeconds().
    int advance(double frameSeconds);

    double stepSeconds() const { return mStepSeconds; }
    // Fraction of a step left over, in [0, 1): for interpolating what is drawn.
    double alpha() const { return mAccumulator / mStepSeconds; }
    double droppedSeconds() const { return mDroppedSeconds; }

private:
    double mStepSeconds;
    int mMaxSteps;
    double mAccumulator = 0.0;
    double mDroppedSeconds = 0.0;
};

} // namespace kiln::core
