// FiringRun: a kiln model driven by a schedule and the player's commands, stepped at a fixed step.
// What firesim, the tests and the app's firing-master mode use. Does NOT read files or draw.
#pragma once

#include "kiln/sim/firing_schedule.h"
#include "kiln/sim/kiln_model.h"

#include <vector>

namespace kiln::sim {

class FiringRun {
public:
    // Keeps a reference to model: the model must outlive the run. Starts from
    // warmStartState(model, schedule): a cold kiln, or one warm from its previous firings if
    // the schedule says so (that costs one whole firing per previous firing, ~30 ms each).
    FiringRun(const KilnModel& model, FiringSchedule schedule,
              std::vector<PlayerCommand> commands = {});
    // Starts from a given state (from warmStartState() or initialState(), of this model), so
    // that a caller that restarts a firing often can compute the warm start once.
    FiringRun(const KilnModel& model, FiringSchedule schedule, std::vector<PlayerCommand> commands,
              KilnState initial);

    // Advances by one step of schedule().stepSeconds (or dtSeconds if given, > 0).
    void advance();
    void advance(double dtSeconds);
    // Queues a command for now (the firing-master mode); it applies from the next step.
    void command(CommandKind kind, double amount);
    // Runs until schedule().endHours.
    void runToEnd();
    bool finished() const;

    const KilnState& state() const { return mState; }
    const KilnModel& model() const { return mModel; }
    const FiringSchedule& schedule() const { return mSchedule; }
    double timeHours() const { return mState.timeSeconds / 3600.0; }
    // Inputs of the last step (in charge mode the feed is the charge thrown in, if any).
    const StepInputs& lastInputs() const { return mLastInputs; }
    // The feed rate the schedule and commands asked for in the last step, kg/h.
    double scheduledFeedKgPerHour() const { return mScheduledFeedKgPerHour; }

private:
    const KilnModel& mModel;
    FiringSchedule mSchedule;
    std::vector<PlayerCommand> mCommands; // sorted by time
    std::size_t mNextCommand = 0;
    CommandOverrides mOverrides;
    CrewMemory mCrew; // the crew's integral action on the front's colour
    double mPendingChargeKg = 0.0;
    double mScheduledWoodKg = 0.0; // schedule feed not yet thrown in (charge mode)
    double mLastChargeSeconds = -1e30;
    KilnState mState;
    StepInputs mLastInputs;
    double mScheduledFeedKgPerHour = 0.0;
};

// The kiln as it is lit for this schedule: cold if schedule.previousFirings is 0, otherwise
// after that many firings of the same schedule (no commands), each followed by unloading, setting
// a fresh load and schedule.turnaroundHours with the door open. The clock and ledger start at 0.
KilnState warmStartState(const KilnModel& model, const FiringSchedule& schedule);

} // namespace kiln::sim
