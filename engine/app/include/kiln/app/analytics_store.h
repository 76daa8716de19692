// Storage of the anonymous analytics events (docs/analytics.md): one embedded SQLite file per
// installation, WAL journal with synchronous=FULL (a committed batch survives a power cut), one
// transaction per batch, a schema version, and only the local date and hour a batch was stored.
// Does NOT record events (SessionRecorder does), send anything anywhere or draw reports
// (analytics_report.h). Never throws: failures are core::Error values naming the file.
#pragma once

#include "kiln/app/session_events.h"
#include "kiln/core/result.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

struct sqlite3;

namespace kiln::app {

// The layout written by this build; a file with a newer version is refused, not altered.
inline constexpr int kAnalyticsSchemaVersion = 1;

// The file name inside an installation's analytics.folder.
std::filesystem::path analyticsDatabasePath(const std::filesystem::path& folder);

// When a batch was stored: the local date and hour of day, nothing finer (docs/analytics.md).
struct StoredAt {
    std::string date; // "2026-11-28"
    int hour = 0;     // 0..23, local time
    bool operator==(const StoredAt&) const = default;
};

// The local date and hour now.
StoredAt storedAtNow();

// One event as read back, with the batch it was stored in.
struct StoredEvent {
    std::int64_t batchId = 0;
    StoredAt storedAt;
    SessionEvent event;
};

struct AppendOutcome {
    std::int64_t batchId = 0; // 0 when nothing was stored (an empty batch, or every record refused)
    std::size_t stored = 0;
    std::size_t refused = 0; // records with personalDataProblems, logged and dropped
};

struct AnalyticsStoreOptions {
    // Upper bound on the file size in bytes (0: none, up to the disk). When reached, a batch is
    // refused with a "full" error and nothing already stored is lost.
    std::int64_t maxBytes = 0;
};

// A writable analytics database. Move-only; one per thread (SQLite connections are not shared).
class AnalyticsStore {
public:
    // Opens or creates `file` (its folder must exist and be writable) and sets up the schema.
    // On failure (missing or read-only folder, not an SQLite file, a newer schema, a damaged
    // file) the error names the file and the problem and has been logged once already.
    static core::Result<AnalyticsStore> open(const std::filesystem::path& file,
                                             const AnalyticsStoreOptions& options = {});

    AnalyticsStore(AnalyticsStore&& other) noexcept;
    AnalyticsStore& operator=(AnalyticsStore&& other) noexcept;
    AnalyticsStore(const AnalyticsStore&) = delete;
    AnalyticsStore& operator=(const AnalyticsStore&) = delete;
    ~AnalyticsStore();

    // Stores the clean records of `events` in one transaction, stamped with storedAtNow();
    // records with personal-data problems are refused and logged. Either the whole batch is
    // durable when this returns ok, or none of it was stored. An error (disk full, I/O) is
    // logged once until a batch succeeds again. Takes a few milliseconds (an fsync): call it
    // from a worker thread (AnalyticsWriter) rather than the frame loop.
    core::Result<AppendOutcome> append(const std::vector<SessionEvent>& events);
    // The same with an explicit stamp (tests, imports).
    core::Result<AppendOutcome> append(const std::vector<SessionEvent>& events, const StoredAt& at);

    const std::filesystem::path& file() const { return mFile; }
    // The connection's settings as SQLite reports them: "journal_mode=wal synchronous=2"
    // (2 is FULL). For tests and the start-up log line.
    std::string durabilitySettings() const;

private:
    AnalyticsStore(sqlite3* db, std::filesystem::path file);
    core::Error failure(std::string what);
    void close();

    sqlite3* mDb = nullptr;
    std::filesystem::path mFile;
    std::string mLastLogged; // the last error logged, so a lasting problem is logged once
};

// Every stored event, in the order stored (batch, then position in the batch). Opens the file
// read-only; a missing file, a file that is not SQLite or not an analytics database is an
// error naming the file. Does not log.
core::Result<std::vector<StoredEvent>> readStoredEvents(const std::filesystem::path& file);

// An AnalyticsStore on its own thread, so the frame loop never waits for the disk: submit()
// queues a batch and returns at once (microseconds). Errors are logged once by the store; the
// batch concerned is dropped and the writer carries on (a disk that frees up is used again).
class AnalyticsWriter {
public:
    // Opens the store on the calling thread, so an unusable folder is known at start; on error
    // the caller runs without analytics.
    static core::Result<std::unique_ptr<AnalyticsWriter>>
    start(const std::filesystem::path& file, const AnalyticsStoreOptions& options = {});
    // Stores everything submitted, then ends the thread.
    ~AnalyticsWriter();
    AnalyticsWriter(const AnalyticsWriter&) = delete;
    AnalyticsWriter& operator=(const AnalyticsWriter&) = delete;

    // Queues a batch (an empty one is ignored). Beyond kMaxQueuedBatches waiting (a stalled
    // disk) the batch is dropped and counted rather than letting memory grow.
    void submit(std::vector<SessionEvent> events);
    // Waits until every submitted batch has been stored or has failed (app exit, tests).
    void flush();

    std::size_t storedBatches() const;
    std::size_t failedBatches() const; // append errors and batches dropped from a full queue
    std::optional<core::Error> lastError() const;

    static constexpr std::size_t kMaxQueuedBatches = 256;

    explicit AnalyticsWriter(AnalyticsStore store); // use start()

private:
    void loop();

    AnalyticsStore mStore;
    mutable std::mutex mMutex;
    std::condition_variable mWake;
    std::condition_variable mIdle;
    std::deque<std::vector<SessionEvent>> mQueue;
    bool mBusy = false;
    bool mStopping = false;
    std::size_t mStored = 0;
    std::size_t mFailed = 0;
    std::optional<core::Error> mLastError;
    std::thread mThread; // last: starts after the members it uses exist
};

} // namespace kiln::app
