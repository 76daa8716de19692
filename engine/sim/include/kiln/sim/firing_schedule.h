// FiringSchedule: a firing as data (phases of stoking with their openings), and PlayerCommand, the
// firing master's own commands that override it. inputsAt() turns them into StepInputs.
// Does NOT step the kiln (firing_run.h) or read files (firing_data.h).
#pragma once

#include "kiln/sim/kiln_state.h"
#include "kiln/sim/step_inputs.h"

#include <string>
#include <vector>

namespace kiln::sim {

class KilnModel;

enum class StokingMode {
    Fixed, // feed ramps linearly from feedStartKgPerHour to feedEndKgPerHour over the phase
    Draft, // feed follows the air the draft brings: mouth air / (air ratio x stoichiometric air)
};

struct SchedulePhase {
    std::string name;
    double startHours = 0.0; // the phase lasts until the next phase's start (or the end)
    StokingMode stoking = StokingMode::Fixed;
    double feedStartKgPerHour = 0.0;
    double feedEndKgPerHour = 0.0;
    // Draft: excess-air ratio aimed at (< 1 reducing), moving linearly from start to end.
    double airRatioStart = 1.0;
    double airRatioEnd = 1.0;
    double maxFeedKgPerHour = 0.0; // Draft: the crew's limit
    // Draft, optional (> 0): the master fires by the colour of the front setting (Tang Ying
    // 1743; jdzmc 7806: read through the door spy holes). Where the front (the first tenth of the
    // rows) is hotter than this target, moving linearly from start to end, the crew stokes
    // leaner: the air ratio is multiplied by 1 + excess / 30 C (one colour step, kilns.md 5).
    double frontTargetStartC = 0.0;
    double frontTargetEndC = 0.0;
    // true: the crew keeps stoking at the phase's air ratio and holds the colour with the damper
    // instead (heavy stoking, limited draft: the reduction firing): the damper opening halves
    // for each 30 C of excess.
    bool frontTargetByDamper = false;
    // Draft with a front target, optional (> 0): the master keeps adjusting until the colour is
    // right, not only in proportion to how far off it is (integral action, reset time in hours):
    // the colour steps of excess are summed over time (not below 0: the damper and the air ratio
    // cannot go past the phase's setting) and added to the excess. 0: proportional only.
    double frontTargetResetHours = 0.0;
    double stokeMouthOpen = 1.0;
    double damperOpen = 1.0;
    int spyHolesOpen = 0;
    bool clearing = false;
    bool doorSealed = false; // StepInputs::doorSealed
    // Dragon kiln: side stoking moves from row sideRowFirst to sideRowLast over the phase.
    double sideFeedKgPerHour = 0.0;
    int sideRowFirst = -1;
    int sideRowLast = -1;
};

struct FiringSchedule {
    std::string name;
    std::string kilnFile;    // kiln parameter set, relative to the data root
    std::string planFile;    // loading plan, relative to the data root ("" = default ware)
    double endHours = 47.0;  // end of the run (opening of the kiln)
    double stopHours = 23.0; // xie huo: the end of stoking (for summaries and tests)
    double stepSeconds = 60.0;
    // Wood goes in as charges every this many minutes (0 = a continuous feed). Each charge
    // smokes for a few minutes: the short reducing spells of a wood firing.
    double chargeIntervalMinutes = 0.0;
    // A kiln in use is lit warm: the load is set into the kiln still hot from the last firing
    // (Tang Ying 1743). Before this firing the same schedule is fired previousFirings times from
    // a cold kiln, each time followed by turnaroundHours of unloading and setting the next load
    // with the door open (warmStartState() in firing_run.h). 0 = a cold, new kiln.
    int previousFirings = 0;
    double turnaroundHours = 0.0;
    // Stoke-mouth opening while the kiln is open for unloading and setting (door open).
    double turnaroundMouthOpen = 1.0;
    std::vector<SchedulePhase> phases; // sorted by startHours
};

enum class CommandKind {
    Stoke,    // throw `amount` kg of wood into the firebox now
    FeedRate, // hold the feed at `amount` kg/h (overrides the schedule's feed)
    Mouth,    // stoke mouth opening 0..1
    Damper,   // damper opening 0..1
    SpyHoles, // number of spy holes open
    Clearing, // clearing on (amount > 0.5) or off
    Auto,     // hand everything back to the schedule
};

struct PlayerCommand {
    double atHours = 0.0;
    CommandKind kind = CommandKind::Auto;
    double amount = 0.0;
};

// Overrides in force after a sequence of commands; a value < 0 means "the schedule's".
struct CommandOverrides {
    double feedKgPerHour = -1.0;
    double stokeMouthOpen = -1.0;
    double damperOpen = -1.0;
    int spyHolesOpen = -1;
    int clearing = -1;
};

// What the crew carries from step to step: the integral of the front's colour error in the
// current phase (colour steps; frontTargetResetHours).
struct CrewMemory {
    int phase = -1;
    double integralSteps = 0.0;
};

// The schedule's inputs at timeHours for the current state (Draft stoking reads the state's
// mouth air). Past the last phase's end the kiln is left shut as the last phase left it. With a
// crew memory, the integral action of frontTargetResetHours is advanced by dtSeconds; without
// one the law is proportional only.
StepInputs scheduleInputsAt(const FiringSchedule& schedule, const KilnModel& model,
                            const KilnState& state, double timeHours, CrewMemory* crew = nullptr,
                            double dtSeconds = 0.0);

// Applies one command to the overrides, or for Stoke returns the charge in kg (else 0).
double applyCommand(const PlayerCommand& command, CommandOverrides& overrides);
StepInputs applyOverrides(StepInputs inputs, const CommandOverrides& overrides);

} // namespace kiln::sim
