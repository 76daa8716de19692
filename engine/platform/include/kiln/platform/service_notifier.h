// ServiceNotifier: tells systemd that Kilnfire is up (READY=1), still drawing frames (WATCHDOG=1),
// what it is doing (STATUS=...) and that it is shutting down (STOPPING=1), through sd_notify.
// Not under systemd (no NOTIFY_SOCKET) every call returns after one branch, with no system call.
// Does NOT restart anything itself: systemd does that (tools/systemd/, docs/installations.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kiln::platform {

class ServiceNotifier {
public:
    // Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID once; the environment is left as is.
    ServiceNotifier();

    // True when this build links libsystemd; without it every call does nothing.
    static bool supported();

    // NOTIFY_SOCKET was set: systemd (Type=notify) listens for this process.
    bool underSystemd() const { return mUnderSystemd; }
    // The unit's WatchdogSec in seconds, 0 when no watchdog is set for this process.
    double watchdogSeconds() const { return mWatchdogSeconds; }

    // READY=1: start-up is complete (call after the first frame is on screen). Systemd's
    // watchdog starts counting from here.
    void ready();
    // Called every frame with a monotonic clock: sends WATCHDOG=1 when half the watchdog interval
    // has passed since the last one (and on the first call). A frame loop that hangs stops the
    // heartbeat, and systemd kills and restarts the program.
    void heartbeat(double nowSeconds);
    // STATUS=<text>, shown by `systemctl status`; line breaks become spaces.
    void status(std::string_view text);
    // STOPPING=1: an orderly exit has begun (SIGTERM, admin menu).
    void stopping();

    // Datagrams handed to sd_notify so far (for tests: proves the heartbeat is throttled and that
    // nothing is sent outside systemd).
    std::uint64_t messagesSent() const { return mMessagesSent; }

private:
    void send(const std::string& state);

    bool mUnderSystemd = false;
    bool mWatchdogOn = false;
    double mWatchdogSeconds = 0.0;
    double mHeartbeatIntervalSeconds = 0.0;
    double mLastHeartbeatSeconds = 0.0;
    bool mHeartbeatSent = false;
    std::uint64_t mMessagesSent = 0;
};

} // namespace kiln::platform
