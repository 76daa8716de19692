// The kiosk's two-tier idle timer: browsing until nobody has touched the screen for a while
// (longer while a firing plays), then a "still there?" countdown, then a full reset into the
// attract loop. Deterministic: the caller passes the time in; there is no clock here. Does NOT
// reset anything itself: the app asks resetRequested() and resets scene, camera, language etc.
#pragma once

#include "kiln/app/installation_config.h"

#include <cstddef>

namespace kiln::app {

enum class IdleState {
    Active,     // a visitor is browsing
    StillThere, // the "still there?" countdown is showing
    Attract,    // nobody there: the automatic tour runs
};

// What a touch did, for the app (and analytics) to act on.
enum class IdleInputEffect {
    None,               // browsing went on
    CountdownCancelled, // the visitor answered "still there?" by touching: no reset
    SessionStarted,     // a touch during the attract loop: a new visitor session begins
};

class IdleMonitor {
public:
    // Starts in `initial` at `startSeconds`; a kiosk starts in the attract loop.
    explicit IdleMonitor(IdleTimeouts timeouts, double startSeconds = 0.0,
                         IdleState initial = IdleState::Attract);

    // Any touch, click, key or controller input at `timeSeconds`.
    IdleInputEffect onInput(double timeSeconds);

    // Advances the timers; call every frame. `firingPlaying` lengthens the browsing timeout.
    // The countdown is always shown for its full length: one update never both starts and
    // expires it, whatever time has passed.
    void update(double timeSeconds, bool firingPlaying);

    IdleState state() const { return mState; }

    // Seconds left on the countdown (0 outside StillThere), and the whole seconds to display.
    double countdownSecondsLeft() const;
    int countdownDisplaySeconds() const;

    // True once after the countdown expired (the monitor is then in Attract).
    bool resetRequested();

    // Goes to Attract at once (an admin "reset now"); no resetRequested is raised.
    void enterAttract(double timeSeconds);

private:
    IdleTimeouts mTimeouts;
    IdleState mState;
    double mNowSeconds;
    double mLastInputSeconds;
    double mCountdownStartSeconds = 0.0;
    bool mResetPending = false;
};

// Which of `sceneCount` scenes the attract tour shows after `secondsInAttract`, each for
// `sceneSeconds`, round and round (0 when there are no scenes or the time is negative).
std::size_t attractSceneIndex(double secondsInAttract, std::size_t sceneCount, double sceneSeconds);

} // namespace kiln::app
