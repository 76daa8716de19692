// sd_notify wrapper. The environment is read once in the constructor so that the per-frame
// heartbeat costs a branch and a subtraction; sd_notify is only reached when a datagram is due.
#include "kiln/platform/service_notifier.h"

#include "kiln/core/log.h"

#include <cstdlib>
#include <cstring>
#include <string>

#if KILN_HAVE_LIBSYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace kiln::platform {

ServiceNotifier::ServiceNotifier() {
#if KILN_HAVE_LIBSYSTEMD
    const char* socket = std::getenv("NOTIFY_SOCKET");
    mUnderSystemd = socket != nullptr && socket[0] != '\0';
    if (!mUnderSystemd) {
        return;
    }
    // sd_watchdog_enabled checks WATCHDOG_PID against our pid, so a child that inherited the
    // variables of its parent's unit does not feed the parent's watchdog.
    std::uint64_t usec = 0;
    const int enabled = sd_watchdog_enabled(0, &usec);
    if (enabled < 0) {
        core::logWarning("platform", std::string("systemd watchdog settings unreadable (") +
                                             std::strerror(-enabled) + "): no heartbeat");
    } else if (enabled > 0 && usec > 0) {
        mWatchdogOn = true;
        mWatchdogSeconds = static_cast<double>(usec) / 1e6;
        // Half the interval, as sd_watchdog_enabled(3) recommends: one late frame (a scene load)
        // must not miss the deadline.
        mHeartbeatIntervalSeconds = mWatchdogSeconds / 2.0;
    }
    core::logInfo("platform",
                  mWatchdogOn
                          ? "running under systemd, watchdog " +
                                    std::to_string(static_cast<int>(mWatchdogSeconds * 1000.0)) +
                                    " ms"
                          : std::string("running under systemd, no watchdog"));
#endif
}

bool ServiceNotifier::supported() {
#if KILN_HAVE_LIBSYSTEMD
    return true;
#else
    return false;
#endif
}

void ServiceNotifier::ready() {
    if (mUnderSystemd) {
        send("READY=1");
    }
}

void ServiceNotifier::heartbeat(double nowSeconds) {
    if (!mWatchdogOn) {
        return;
    }
    // A clock that went backwards sends at once rather than waiting for the old time to return.
    if (mHeartbeatSent && nowSeconds >= mLastHeartbeatSeconds &&
        nowSeconds - mLastHeartbeatSeconds < mHeartbeatIntervalSeconds) {
        return;
    }
    send("WATCHDOG=1");
    mLastHeartbeatSeconds = nowSeconds;
    mHeartbeatSent = true;
}

void ServiceNotifier::status(std::string_view text) {
    if (!mUnderSystemd) {
        return;
    }
    // The notify protocol is one assignment per line: a line break would start a new one.
    std::string state = "STATUS=";
    state.append(text);
    for (std::size_t i = 7; i < state.size(); ++i) {
        if (state[i] == '\n' || state[i] == '\r') {
            state[i] = ' ';
        }
    }
    send(state);
}

void ServiceNotifier::stopping() {
    if (mUnderSystemd) {
        send("STOPPING=1");
    }
}

void ServiceNotifier::send(const std::string& state) {
#if KILN_HAVE_LIBSYSTEMD
    ++mMessagesSent;
    const int r = sd_notify(0, state.c_str());
    if (r < 0) {
        // Logged every time: a notify socket that went away means systemd will restart us soon,
        // and the journal should say why.
        core::logWarning("platform", "sd_notify(" + state.substr(0, state.find('=')) +
                                             ") failed: " + std::strerror(-r));
    }
#else
    (void)state;
#endif
}

} // namespace kiln::platform
