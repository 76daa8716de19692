// StepInputs: everything the firing master (schedule or player) sets for one step of the kiln
// model. Plain data. Does NOT carry time: the model owns its state's clock.
#pragma once

namespace kiln::sim {

struct StepInputs {
    // Wet split pinewood thrown into the firebox, kg per hour (>= 0).
    double fireboxFeedKgPerHour = 0.0;
    // Dragon kiln: wood fed through the side holes of one row (row index, 0 = front; -1 = none).
    double sideFeedKgPerHour = 0.0;
    int sideFeedRow = -1;
    // Opening of the stoke mouth and the chimney damper, 0 = shut, 1 = fully open.
    double stokeMouthOpen = 1.0;
    double damperOpen = 1.0;
    // Number of spy holes open (each admits air and lets radiation out near the front).
    int spyHolesOpen = 0;
    // Clearing (qing huo): mouth closed, embers raked, so the flame drops onto the lower wares.
    bool clearing = false;
    // The door's leaks stopped (after the stop: stoke hole bricked up and luted). The kiln's leak
    // area (KilnParams::leakAreaM2) then all enters through the walls, spread over the rows, as
    // in a kiln with doorLeakShare 0; none of it reaches the firebox or its embers.
    bool doorSealed = false;

    bool operator==(const StepInputs&) const = default;
};

} // namespace kiln::sim
