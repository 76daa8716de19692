// Durability under kill -9: a child process appends batches as fast as it can and reports each
// batch id through a pipe once append() has returned; the parent kills it with SIGKILL in the
// middle of the burst. Afterwards the file passes PRAGMA integrity_check, every batch reported
// committed is there whole, and the store opens and appends again. Repeated with different
// kill points. (A power cut is not simulated here: see docs/analytics.md for why
// synchronous=FULL covers it.)

#include "analytics_test_support.h"
#include "kiln/app/analytics_store.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <map>
#include <set>

namespace kiln::app {
namespace {

constexpr int kEventsPerBatch = static_cast<int>(test::kScriptedVisitEvents);

// The child: never returns. Exit codes 3 and 4 tell the parent what failed.
[[noreturn]] void writeUntilKilled(const std::filesystem::path& file, int reportFd) {
    auto store = AnalyticsStore::open(file);
    if (!store) {
        _exit(3);
    }
    SessionRecorder recorder(test::countingIds());
    for (int i = 0;; ++i) {
        test::scriptedVisit(recorder, i * 200.0, i % 3 == 0);
        auto outcome = store->append(recorder.takeEvents(), StoredAt{"2026-11-28", i % 24});
        if (!outcome || outcome->stored != static_cast<std::size_t>(kEventsPerBatch)) {
            _exit(4);
        }
        const std::int64_t id = outcome->batchId;
        if (write(reportFd, &id, sizeof id) != static_cast<ssize_t>(sizeof id)) {
            _exit(5);
        }
    }
}

TEST(AnalyticsDurability, KillNineMidBurstLosesNoCommittedBatch) {
    for (const int killAfter : {5, 40, 150, 333}) {
        SCOPED_TRACE("killed after " + std::to_string(killAfter) + " reported batches");
        const auto file = test::freshDatabase("kill9.sqlite3");
        int fds[2];
        ASSERT_EQ(pipe(fds), 0);
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            close(fds[0]);
            writeUntilKilled(file, fds[1]);
        }
        close(fds[1]);

        std::set<std::int64_t> reported;
        std::int64_t id = 0;
        bool killed = false;
        while (read(fds[0], &id, sizeof id) == static_cast<ssize_t>(sizeof id)) {
            reported.insert(id);
            if (!killed && reported.size() >= static_cast<std::size_t>(killAfter)) {
                ASSERT_EQ(kill(child, SIGKILL), 0);
                killed = true; // keep reading: ids already in the pipe were committed too
            }
        }
        close(fds[0]);
        int status = 0;
        ASSERT_EQ(waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFSIGNALED(status))
                << "the writer ended on its own, exit code " << WEXITSTATUS(status);
        EXPECT_EQ(WTERMSIG(status), SIGKILL);
        ASSERT_GE(reported.size(), static_cast<std::size_t>(killAfter));

        EXPECT_EQ(test::rawQuery(file, "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
        auto events = readStoredEvents(file);
        ASSERT_TRUE(events) << events.error().message;
        std::map<std::int64_t, int> perBatch;
        for (const StoredEvent& stored : *events) {
            ++perBatch[stored.batchId];
        }
        for (const std::int64_t committed : reported) {
            ASSERT_EQ(perBatch[committed], kEventsPerBatch)
                    << "batch " << committed << " was reported committed";
        }
        for (const auto& [batch, count] : perBatch) {
            EXPECT_EQ(count, kEventsPerBatch) << "batch " << batch << " is partial";
        }
        // At most the batch in flight at the kill may be there unreported.
        EXPECT_LE(perBatch.size(), reported.size() + 1);

        auto reopened = AnalyticsStore::open(file);
        ASSERT_TRUE(reopened) << reopened.error().message;
        SessionRecorder recorder(test::countingIds());
        test::scriptedVisit(recorder, 0.0, true);
        EXPECT_TRUE(reopened->append(recorder.takeEvents()));
    }
}

} // namespace
} // namespace kiln::app
