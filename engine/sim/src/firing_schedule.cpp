// Turns a schedule phase and the player's overrides into the inputs of one step.
#include "kiln/sim/firing_schedule.h"

#include "kiln/sim/kiln_model.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiln::sim {

StepInputs scheduleInputsAt(const FiringSchedule& schedule, const KilnModel& model,
                            const KilnState& state, double timeHours, CrewMemory* crew,
                            double dtSeconds) {
    StepInputs in;
    if (schedule.phases.empty()) {
        in.stokeMouthOpen = 0.0;
        return in;
    }
    std::size_t i = 0;
    while (i + 1 < schedule.phases.size() && schedule.phases[i + 1].startHours <= timeHours) {
        ++i;
    }
    const SchedulePhase& ph = schedule.phases[i];
    const double end =
            i + 1 < schedule.phases.size() ? schedule.phases[i + 1].startHours : schedule.endHours;
    const double span = std::max(end - ph.startHours, 1e-9);
    const double f = std::clamp((timeHours - ph.startHours) / span, 0.0, 1.0);
    in.stokeMouthOpen = ph.stokeMouthOpen;
    in.damperOpen = ph.damperOpen;
    in.spyHolesOpen = ph.spyHolesOpen;
    in.clearing = ph.clearing;
    in.doorSealed = ph.doorSealed;
    if (timeHours < ph.startHours) {
        in.fireboxFeedKgPerHour = 0.0;
    } else if (ph.stoking == StokingMode::Fixed) {
        in.fireboxFeedKgPerHour =
                ph.feedStartKgPerHour + f * (ph.feedEndKgPerHour - ph.feedStartKgPerHour);
    } else {
        // Follow the draft: feed the wood the mouth's air can burn at the aimed air ratio.
        const double air = state.mouthAirKgPerS * 3600.0;
        double ratio = ph.airRatioStart + f * (ph.airRatioEnd - ph.airRatioStart);
        if (ph.frontTargetEndC > 0.0) {
            const int rows = model.rowCount();
            const int tenth = std::max(1, rows / 10);
            double front = 0.0;
            for (int r = 0; r < tenth; ++r) {
                front += model.placementTemperatureC(state, r, kUpper) +
                         model.placementTemperatureC(state, r, kLower);
            }
            front /= 2.0 * tenth;
            const double target =
                    ph.frontTargetStartC + f * (ph.frontTargetEndC - ph.frontTargetStartC);
            // One colour step (about 30 C, kilns.md 5) too hot doubles the air ratio or halves
            // the damper opening.
            double excess = std::max(0.0, front - target) / 30.0;
            if (ph.frontTargetResetHours > 0.0 && crew != nullptr) {
                // Integral action: the error (signed, in colour steps) summed over the phase,
                // kept >= 0 (anti-windup: below the colour the crew is back at the phase's own
                // air ratio and damper and can go no further).
                if (crew->phase != static_cast<int>(i)) {
                    crew->phase = static_cast<int>(i);
                    crew->integralSteps = 0.0;
                }
                const double error = (front - target) / 30.0;
                crew->integralSteps = std::max(
                        0.0, crew->integralSteps +
                                     error * dtSeconds / (ph.frontTargetResetHours * 3600.0));
                excess = std::max(0.0, error + crew->integralSteps);
            }
            if (ph.frontTargetByDamper) {
                in.damperOpen = ph.damperOpen * std::exp(-excess * std::numbers::ln2);
            } else {
                ratio *= 1.0 + excess;
            }
        }
        const double feed = air / (std::max(ratio, 0.2) * model.stoichiometricAirKgPerKgWet());
        in.fireboxFeedKgPerHour = std::clamp(feed, ph.feedStartKgPerHour, ph.maxFeedKgPerHour);
    }
    if (ph.sideFeedKgPerHour > 0.0 && ph.sideRowFirst >= 0 && ph.sideRowLast >= ph.sideRowFirst) {
        const int rows = ph.sideRowLast - ph.sideRowFirst + 1;
        in.sideFeedRow =
                std::min(ph.sideRowLast, ph.sideRowFirst + static_cast<int>(std::floor(f * rows)));
        in.sideFeedKgPerHour = ph.sideFeedKgPerHour;
    }
    return in;
}

double applyCommand(const PlayerCommand& command, CommandOverrides& o) {
    switch (command.kind) {
        case CommandKind::Stoke:
            return std::max(0.0, command.amount);
        case CommandKind::FeedRate:
            o.feedKgPerHour = std::max(0.0, command.amount);
            break;
        case CommandKind::Mouth:
            o.stokeMouthOpen = std::clamp(command.amount, 0.0, 1.0);
            break;
        case CommandKind::Damper:
            o.damperOpen = std::clamp(command.amount, 0.0, 1.0);
            break;
        case CommandKind::SpyHoles:
            o.spyHolesOpen = std::clamp(static_cast<int>(command.amount), 0, 8);
            break;
        case CommandKind::Clearing:
            o.clearing = command.amount > 0.5 ? 1 : 0;
            break;
        case CommandKind::Auto:
            o = CommandOverrides{};
            break;
    }
    return 0.0;
}

StepInputs applyOverrides(StepInputs in, const CommandOverrides& o) {
    if (o.feedKgPerHour >= 0.0) {
        in.fireboxFeedKgPerHour = o.feedKgPerHour;
    }
    if (o.stokeMouthOpen >= 0.0) {
        in.stokeMouthOpen = o.stokeMouthOpen;
    }
    if (o.damperOpen >= 0.0) {
        in.damperOpen = o.damperOpen;
    }
    if (o.spyHolesOpen >= 0) {
        in.spyHolesOpen = o.spyHolesOpen;
    }
    if (o.clearing >= 0) {
        in.clearing = o.clearing == 1;
    }
    return in;
}

} // namespace kiln::sim
