// FiringRun: schedule + commands -> inputs -> KilnModel::step, at a fixed step.
#include "kiln/sim/firing_run.h"

#include <algorithm>

namespace kiln::sim {

FiringRun::FiringRun(const KilnModel& model, FiringSchedule schedule,
                     std::vector<PlayerCommand> commands)
    : mModel(model), mSchedule(std::move(schedule)), mCommands(std::move(commands)),
      mState(model.initialState()) {
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
    StepInputs in = scheduleInputsAt(mSchedule, mModel, mState, nowHours);
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
