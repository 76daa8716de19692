// FiringRun: schedule + commands -> inputs -> KilnModel::step, at a fixed step.
#include "kiln/sim/firing_run.h"

#include <algorithm>

namespace kiln::sim {

KilnState warmStartState(const KilnModel& model, const FiringSchedule& schedule) {
    KilnState s = model.initialState();
    FiringSchedule previous = schedule;
    previous.previousFirings = 0;
    for (int i = 0; i < schedule.previousFirings; ++i) {
        FiringRun run(model, previous, {}, s);
        run.runToEnd();
        // Opened: the fired load comes out and the kiln stands open while the next load is set
        // (the setting present all the while, as a mean of the emptied and the refilled kiln);
        // then the door is bricked up and the fire lit. The new ware's warming while it is set
        // is not followed: it enters the firing at ambient.
        s = model.reloadedState(run.state());
        StepInputs open;
        open.stokeMouthOpen = schedule.turnaroundMouthOpen;
        open.damperOpen = 1.0;
        if (schedule.turnaroundHours > 0.0) {
            model.step(s, open, schedule.turnaroundHours * 3600.0);
        }
        s = model.reloadedState(s);
    }
    model.startFiring(s);
    return s;
}

FiringRun::FiringRun(const KilnModel& model, FiringSchedule schedule,
                     std::vector<PlayerCommand> commands)
    : FiringRun(model, schedule, std::move(commands), warmStartState(model, schedule)) {}

FiringRun::FiringRun(const KilnModel& model, FiringSchedule schedule,
                     std::vector<PlayerCommand> commands, KilnState initial)
    : mModel(model), mSchedule(std::move(schedule)), mCommands(std::move(commands)),
      mState(std::move(initial)) {
    KILN_ASSERT(mState.zones.size() == model.zones().size(), "FiringRun: state of another kiln");
    std::stable_sort(
            mCommands.begin(), mCommands.end(),
            [](const PlayerCommand& a, const PlayerCommand& b) { return a.atHours < b.atHours; });
}

void FiringRun::advance() {
    advance(mSchedule.stepSeconds);
}

void FiringRun::advance(double dtSeconds) {
    if (!(dtSeconds > 0.0)) {
        return;
    }
    const double nowHours = timeHours();
    while (mNextCommand < mCommands.size() && mCommands[mNextCommand].atHours <= nowHours + 1e-9) {
        mPendingChargeKg += applyCommand(mCommands[mNextCommand], mOverrides);
        ++mNextCommand;
    }
    StepInputs in = scheduleInputsAt(mSchedule, mModel, mState, nowHours, &mCrew, dtSeconds);
    in = applyOverrides(in, mOverrides);
    mScheduledFeedKgPerHour = in.fireboxFeedKgPerHour;
    if (mSchedule.chargeIntervalMinutes > 0.0) {
        // Gather the feed and throw it in as one charge per interval.
        mScheduledWoodKg += in.fireboxFeedKgPerHour * dtSeconds / 3600.0;
        in.fireboxFeedKgPerHour = 0.0;
        if (mState.timeSeconds - mLastChargeSeconds >=
            mSchedule.chargeIntervalMinutes * 60.0 - 1e-6) {
            in.fireboxFeedKgPerHour = mScheduledWoodKg * 3600.0 / dtSeconds;
            mScheduledWoodKg = 0.0;
            mLastChargeSeconds = mState.timeSeconds;
        }
    }
    // A charge thrown in at once enters the bed within this step.
    in.fireboxFeedKgPerHour += mPendingChargeKg * 3600.0 / dtSeconds;
    mPendingChargeKg = 0.0;
    mModel.step(mState, in, dtSeconds);
    mLastInputs = in;
}

void FiringRun::command(CommandKind kind, double amount) {
    mPendingChargeKg += applyCommand(PlayerCommand{timeHours(), kind, amount}, mOverrides);
}

void FiringRun::runToEnd() {
    while (!finished()) {
        advance();
    }
}

bool FiringRun::finished() const {
    return timeHours() >= mSchedule.endHours - 1e-9;
}

} // namespace kiln::sim
