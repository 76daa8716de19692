// ServiceNotifier against a real notify socket: the test plays systemd, binding a unix datagram
// socket in a temporary folder and pointing NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID at it,
// then reads what arrives. Also: outside systemd the heartbeat sends nothing and costs ~nothing.
#include "kiln/platform/service_notifier.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using kiln::platform::ServiceNotifier;

namespace {

// Sets or unsets environment variables for one test and restores them afterwards.
class ScopedEnv {
public:
    void set(const char* name, const std::string& value) {
        remember(name);
        ::setenv(name, value.c_str(), 1);
    }
    void unset(const char* name) {
        remember(name);
        ::unsetenv(name);
    }
    ~ScopedEnv() {
        for (auto it = mSaved.rbegin(); it != mSaved.rend(); ++it) {
            if (it->had) {
                ::setenv(it->name.c_str(), it->value.c_str(), 1);
            } else {
                ::unsetenv(it->name.c_str());
            }
        }
    }

private:
    struct Saved {
        std::string name;
        bool had = false;
        std::string value;
    };
    void remember(const char* name) {
        const char* v = std::getenv(name);
        mSaved.push_back({name, v != nullptr, v != nullptr ? v : ""});
    }
    std::vector<Saved> mSaved;
};

// What systemd's side of NOTIFY_SOCKET sees.
class FakeSystemd {
public:
    FakeSystemd() {
        mDir = fs::temp_directory_path() / ("kiln_notify_" + std::to_string(::getpid()));
        fs::remove_all(mDir);
        fs::create_directories(mDir);
        mPath = (mDir / "notify").string();
        mFd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, mPath.c_str(), sizeof addr.sun_path - 1);
        mBound = mFd >= 0 && mPath.size() < sizeof addr.sun_path &&
                 ::bind(mFd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0;
    }
    ~FakeSystemd() {
        if (mFd >= 0) {
            ::close(mFd);
        }
        std::error_code ec;
        fs::remove_all(mDir, ec);
    }
    bool bound() const { return mBound; }
    const std::string& path() const { return mPath; }

    // Every datagram waiting now (sd_notify's sendmsg has completed when it returns).
    std::vector<std::string> receive() {
        std::vector<std::string> out;
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(mFd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n < 0) {
                break;
            }
            out.emplace_back(buffer, static_cast<std::size_t>(n));
        }
        return out;
    }

private:
    fs::path mDir;
    std::string mPath;
    int mFd = -1;
    bool mBound = false;
};

class ServiceNotifierTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!ServiceNotifier::supported()) {
            GTEST_SKIP()
                    << "built without libsystemd (install libsystemd-dev): notifier is a no-op";
        }
        ASSERT_TRUE(systemd.bound()) << "cannot bind a unix datagram socket at " << systemd.path();
        env.set("NOTIFY_SOCKET", systemd.path());
    }
    void watchdog(const std::string& usec, long pid) {
        env.set("WATCHDOG_USEC", usec);
        env.set("WATCHDOG_PID", std::to_string(pid));
    }
    FakeSystemd systemd;
    ScopedEnv env;
};

} // namespace

TEST_F(ServiceNotifierTest, ReadyStatusAndStoppingArriveAsTheProtocolSays) {
    env.unset("WATCHDOG_USEC");
    env.unset("WATCHDOG_PID");
    ServiceNotifier notifier;
    EXPECT_TRUE(notifier.underSystemd());
    EXPECT_EQ(notifier.watchdogSeconds(), 0.0);
    notifier.status("loading scene egg_kiln");
    notifier.ready();
    notifier.status("hall A: attract loop\nsecond line");
    notifier.stopping();
    EXPECT_EQ(systemd.receive(),
              (std::vector<std::string>{"STATUS=loading scene egg_kiln", "READY=1",
                                        "STATUS=hall A: attract loop second line", "STOPPING=1"}));
}

TEST_F(ServiceNotifierTest, HeartbeatIsThrottledToHalfTheWatchdogInterval) {
    watchdog("10000000", static_cast<long>(::getpid())); // WatchdogSec=10
    ServiceNotifier notifier;
    ASSERT_DOUBLE_EQ(notifier.watchdogSeconds(), 10.0);
    // A fake clock: 60 frames per second for 20 s.
    std::vector<double> sentAt;
    for (int frame = 0; frame <= 20 * 60; ++frame) {
        const double t = 1000.0 + frame / 60.0;
        notifier.heartbeat(t);
        for (const auto& message : systemd.receive()) {
            EXPECT_EQ(message, "WATCHDOG=1");
            sentAt.push_back(t - 1000.0);
        }
    }
    // The first frame, then every 5 s (the first frame at or after each deadline).
    ASSERT_EQ(sentAt.size(), 5u);
    const double expected[] = {0.0, 5.0, 10.0, 15.0, 20.0};
    for (std::size_t i = 0; i < sentAt.size(); ++i) {
        EXPECT_NEAR(sentAt[i], expected[i], 1.0 / 60.0 + 1e-9) << "heartbeat " << i;
    }
    EXPECT_EQ(notifier.messagesSent(), 5u);
}

TEST_F(ServiceNotifierTest, AStalledFrameLoopSendsNoHeartbeat) {
    // What the watchdog relies on: no frames, no WATCHDOG=1, however long.
    watchdog("2000000", static_cast<long>(::getpid()));
    ServiceNotifier notifier;
    notifier.heartbeat(0.0);
    EXPECT_EQ(systemd.receive(), std::vector<std::string>{"WATCHDOG=1"});
    // ... the GPU driver hangs for 30 s; no call. Then one frame gets through:
    notifier.heartbeat(30.0);
    EXPECT_EQ(systemd.receive(), std::vector<std::string>{"WATCHDOG=1"});
    notifier.heartbeat(5.0); // a clock that went backwards: send rather than wait
    EXPECT_EQ(systemd.receive(), std::vector<std::string>{"WATCHDOG=1"});
}

TEST_F(ServiceNotifierTest, WatchdogMeantForAnotherProcessIsIgnored) {
    // A child started from a unit inherits WATCHDOG_PID of the unit's main process.
    watchdog("10000000", static_cast<long>(::getpid()) + 1);
    ServiceNotifier notifier;
    EXPECT_EQ(notifier.watchdogSeconds(), 0.0);
    for (int i = 0; i < 100; ++i) {
        notifier.heartbeat(i * 10.0);
    }
    notifier.ready();
    EXPECT_EQ(systemd.receive(), std::vector<std::string>{"READY=1"});
}

TEST(ServiceNotifierOutsideSystemd, NothingIsSent) {
    ScopedEnv env;
    env.unset("NOTIFY_SOCKET");
    env.set("WATCHDOG_USEC", "10000000"); // stray variables without a socket change nothing
    env.set("WATCHDOG_PID", std::to_string(::getpid()));
    ServiceNotifier notifier;
    EXPECT_FALSE(notifier.underSystemd());
    EXPECT_EQ(notifier.watchdogSeconds(), 0.0);
    notifier.ready();
    notifier.status("x");
    notifier.stopping();
    // Far apart: under a watchdog every one of these would be due. Without systemd none may
    // reach sd_notify (the cost of the branch itself is a benchmark's business, not a test's).
    constexpr int kCalls = 100'000;
    for (int i = 0; i < kCalls; ++i) {
        notifier.heartbeat(i * 10.0);
    }
    EXPECT_EQ(notifier.messagesSent(), 0u) << "sd_notify was reached outside systemd";
}
