// The two-tier idle state machine (anchors.md section 3, items 2-4). Times may only move forward;
// a time earlier than the last one seen is treated as "no time passed" rather than asserted, as a
// clock jump must never reset a kiosk in a visitor's face.

#include "kiln/app/idle_monitor.h"

#include <algorithm>
#include <cmath>

namespace kiln::app {

IdleMonitor::IdleMonitor(IdleTimeouts timeouts, double startSeconds, IdleState initial)
    : mTimeouts(timeouts), mState(initial), mNowSeconds(startSeconds),
      mLastInputSeconds(startSeconds), mCountdownStartSeconds(startSeconds) {}

IdleInputEffect IdleMonitor::onInput(double timeSeconds) {
    mNowSeconds = std::max(mNowSeconds, timeSeconds);
    mLastInputSeconds = mNowSeconds;
    const IdleState before = mState;
    mState = IdleState::Active;
    switch (before) {
        case IdleState::StillThere:
            return IdleInputEffect::CountdownCancelled;
        case IdleState::Attract:
            return IdleInputEffect::SessionStarted;
        case IdleState::Active:
            break;
    }
    return IdleInputEffect::None;
}

void IdleMonitor::update(double timeSeconds, bool firingPlaying) {
    mNowSeconds = std::max(mNowSeconds, timeSeconds);
    switch (mState) {
        case IdleState::Active: {
            const double timeout =
                    firingPlaying ? mTimeouts.firingBrowseSeconds : mTimeouts.browseSeconds;
            if (mNowSeconds - mLastInputSeconds >= timeout) {
                mState = IdleState::StillThere;
                mCountdownStartSeconds = mNowSeconds;
            }
            break;
        }
        case IdleState::StillThere:
            if (mNowSeconds - mCountdownStartSeconds >= mTimeouts.countdownSeconds) {
                mState = IdleState::Attract;
                mResetPending = true;
            }
            break;
        case IdleState::Attract:
            break; // no timeout in the attract loop
    }
}

double IdleMonitor::countdownSecondsLeft() const {
    if (mState != IdleState::StillThere) {
        return 0.0;
    }
    return std::max(0.0, mTimeouts.countdownSeconds - (mNowSeconds - mCountdownStartSeconds));
}

int IdleMonitor::countdownDisplaySeconds() const {
    return static_cast<int>(std::ceil(countdownSecondsLeft()));
}

bool IdleMonitor::resetRequested() {
    const bool pending = mResetPending;
    mResetPending = false;
    return pending;
}

void IdleMonitor::enterAttract(double timeSeconds) {
    mNowSeconds = std::max(mNowSeconds, timeSeconds);
    mState = IdleState::Attract;
}

std::size_t attractSceneIndex(double secondsInAttract, std::size_t sceneCount,
                              double sceneSeconds) {
    if (sceneCount == 0 || !(secondsInAttract > 0.0) || !(sceneSeconds > 0.0)) {
        return 0;
    }
    const double step = std::floor(secondsInAttract / sceneSeconds);
    return static_cast<std::size_t>(std::fmod(step, static_cast<double>(sceneCount)));
}

} // namespace kiln::app
