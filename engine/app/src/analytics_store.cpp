// The analytics database (docs/analytics.md). Why WAL + synchronous=FULL: in WAL mode a commit
// appends to the -wal file; FULL fsyncs that file before the commit returns, so a batch reported
// stored survives a power cut, while NORMAL only syncs at checkpoints and may lose the last
// batches (never corrupting the file). The fsync is the cost of a batch, which is why the frame
// loop hands batches to AnalyticsWriter's thread.

#include "kiln/app/analytics_store.h"

#include "kiln/core/log.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <system_error>
#include <utility>

namespace kiln::app {
namespace {

constexpr std::string_view kModule = "analytics";

constexpr const char* kSchemaSql = R"sql(
CREATE TABLE schema_version (
    version INTEGER NOT NULL
);
CREATE TABLE batches (
    id INTEGER PRIMARY KEY,
    stored_date TEXT NOT NULL,
    stored_hour INTEGER NOT NULL CHECK (stored_hour BETWEEN 0 AND 23)
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES batches (id),
    position INTEGER NOT NULL,
    session_id TEXT NOT NULL,
    type TEXT NOT NULL,
    at_seconds REAL NOT NULL
);
CREATE TABLE event_fields (
    event_id INTEGER NOT NULL REFERENCES events (id),
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
) WITHOUT ROWID;
CREATE INDEX events_by_session ON events (session_id);
INSERT INTO schema_version (version) VALUES (1);
)sql";

// A prepared statement that finalizes itself.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) {
        mRc = sqlite3_prepare_v2(db, sql, -1, &mStmt, nullptr);
    }
    ~Statement() { sqlite3_finalize(mStmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool prepared() const { return mRc == SQLITE_OK && mStmt != nullptr; }
    sqlite3_stmt* get() const { return mStmt; }
    void bindText(int index, std::string_view text) {
        sqlite3_bind_text(mStmt, index, text.data(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT);
    }
    void bindInt(int index, std::int64_t value) { sqlite3_bind_int64(mStmt, index, value); }
    void bindReal(int index, double value) { sqlite3_bind_double(mStmt, index, value); }
    // Runs an INSERT (or any statement without rows) and makes it reusable.
    int runOnce() {
        const int rc = sqlite3_step(mStmt);
        sqlite3_reset(mStmt);
        sqlite3_clear_bindings(mStmt);
        return rc;
    }
    std::string text(int column) const {
        const unsigned char* value = sqlite3_column_text(mStmt, column);
        return value == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(value));
    }

private:
    sqlite3_stmt* mStmt = nullptr;
    int mRc = SQLITE_ERROR;
};

// What a person can do about an SQLite failure, by primary result code; `writer` is false for
// the report, which only reads (moving its file aside would not help it).
std::string_view hintFor(int rc, bool writer) {
    switch (rc & 0xff) {
        case SQLITE_CANTOPEN:
            return "cannot open the file: does the folder exist, and may this account write there?";
        case SQLITE_READONLY:
        case SQLITE_PERM:
            return "the file or its folder is read-only";
        case SQLITE_FULL:
            return "the disk (or the configured size cap) is full; new events are dropped";
        case SQLITE_NOTADB:
            return writer ? "not an SQLite database: move the file aside and a new one will be made"
                          : "not an SQLite database";
        case SQLITE_CORRUPT:
            return writer ? "the database is damaged: move it aside (keep it for recovery) and a "
                            "new one will be made"
                          : "the database is damaged";
        case SQLITE_IOERR:
            return "an I/O error from the disk";
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return "another program holds the database locked";
        default:
            return "";
    }
}

std::string describe(sqlite3* db, int rc, bool writer = true) {
    std::string text = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const std::string_view hint = hintFor(rc, writer);
    if (!hint.empty()) {
        text.append(" (").append(hint).append(")");
    }
    return text;
}

std::string fileMessage(const std::filesystem::path& file, std::string_view what) {
    std::string message = "analytics database ";
    message.append(file.string()).append(": ").append(what);
    return message;
}

int exec(sqlite3* db, const char* sql) {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}

// The first column of the first row of `sql` as text, or nullopt (with rc) on failure.
std::optional<std::string> queryText(sqlite3* db, const char* sql, int& rc) {
    Statement statement(db, sql);
    if (!statement.prepared()) {
        rc = sqlite3_errcode(db);
        return std::nullopt;
    }
    rc = sqlite3_step(statement.get());
    if (rc == SQLITE_ROW) {
        rc = SQLITE_OK;
        return statement.text(0);
    }
    if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
        return std::string();
    }
    return std::nullopt;
}

std::optional<SessionEventType> parseEventType(std::string_view code) {
    for (const SessionEventType type :
         {SessionEventType::SessionStart, SessionEventType::SessionEnd,
          SessionEventType::SceneViewed, SessionEventType::DeterminantOpened,
          SessionEventType::PathwayOpened, SessionEventType::QuizAnswered,
          SessionEventType::LanguageChosen, SessionEventType::DepthChosen,
          SessionEventType::Reset}) {
        if (eventTypeCode(type) == code) {
            return type;
        }
    }
    return std::nullopt;
}

// The schema check shared by the writer and the reader: ok when the file holds our tables at a
// version this build knows; `empty` says there are no tables yet (a new file).
core::Status checkSchema(sqlite3* db, const std::filesystem::path& file, bool writer, bool& empty) {
    int rc = SQLITE_OK;
    const std::optional<std::string> tables =
            queryText(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", rc);
    if (!tables) {
        return core::Error{fileMessage(file, describe(db, rc, writer))};
    }
    empty = *tables == "0";
    if (empty) {
        return {};
    }
    const std::optional<std::string> hasVersion =
            queryText(db, "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'", rc);
    if (!hasVersion) {
        return core::Error{fileMessage(file, describe(db, rc, writer))};
    }
    if (*hasVersion == "0") {
        return core::Error{fileMessage(
                file, "an SQLite file but not a Kilnfire analytics database (no schema_version "
                      "table)")};
    }
    const std::optional<std::string> version =
            queryText(db, "SELECT max(version) FROM schema_version", rc);
    if (!version) {
        return core::Error{fileMessage(file, describe(db, rc, writer))};
    }
    if (*version != std::to_string(kAnalyticsSchemaVersion)) {
        std::string what = "schema version ";
        what.append(version->empty() ? "(none)" : *version)
                .append(", this build reads version ")
                .append(std::to_string(kAnalyticsSchemaVersion));
        return core::Error{fileMessage(file, what)};
    }
    return {};
}

// Why the folder of `file` cannot hold a database, or empty. SQLite's own message for these
// cases is a bare "unable to open database file".
std::string folderProblem(const std::filesystem::path& file) {
    std::error_code ec;
    const std::filesystem::path folder =
            file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    const auto status = std::filesystem::status(folder, ec);
    if (!std::filesystem::exists(status)) {
        std::string what = "the folder ";
        what.append(folder.string()).append(" does not exist");
        return what;
    }
    if (!std::filesystem::is_directory(status)) {
        std::string what = "the parent ";
        what.append(folder.string()).append(" is not a folder");
        return what;
    }
    return {};
}

} // namespace

std::filesystem::path analyticsDatabasePath(const std::filesystem::path& folder) {
    return folder / "kilnfire-analytics.sqlite3";
}

StoredAt storedAtNow() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", &local);
    return StoredAt{date, local.tm_hour};
}

core::Result<AnalyticsStore> AnalyticsStore::open(const std::filesystem::path& file,
                                                  const AnalyticsStoreOptions& options) {
    auto fail = [&](std::string what) {
        core::Error error{fileMessage(file, what)};
        core::logError(kModule, error.message);
        return error;
    };
    if (const std::string problem = folderProblem(file); !problem.empty()) {
        return fail(problem);
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
        std::string what = describe(db, rc);
        sqlite3_close(db);
        return fail(what);
    }
    AnalyticsStore store(db, file);
    sqlite3_extended_result_codes(db, 1);
    // A reader (kilnfire report) may hold the file briefly; wait rather than fail.
    sqlite3_busy_timeout(db, 2000);

    // journal_mode answers with the mode in force; anything but "wal" (a read-only file, a
    // file system without shared memory) is refused rather than silently less durable.
    const std::optional<std::string> mode = queryText(db, "PRAGMA journal_mode = WAL", rc);
    if (!mode) {
        return fail(describe(db, rc));
    }
    if (*mode != "wal") {
        std::string what = "could not switch to the WAL journal (mode is ";
        what.append(*mode).append(")");
        return fail(what);
    }
    if (rc = exec(db, "PRAGMA synchronous = FULL"); rc != SQLITE_OK) {
        return fail(describe(db, rc));
    }
    if (options.maxBytes > 0) {
        const std::optional<std::string> pageSize = queryText(db, "PRAGMA page_size", rc);
        if (!pageSize || pageSize->empty()) {
            return fail(describe(db, rc));
        }
        const std::int64_t pages = std::max<std::int64_t>(
                1, options.maxBytes /
                           std::max<std::int64_t>(1, std::strtoll(pageSize->c_str(), nullptr, 10)));
        std::string pragma = "PRAGMA max_page_count = ";
        pragma.append(std::to_string(pages));
        if (rc = exec(db, pragma.c_str()); rc != SQLITE_OK) {
            return fail(describe(db, rc));
        }
    }

    if (rc = exec(db, "BEGIN IMMEDIATE"); rc != SQLITE_OK) {
        return fail(describe(db, rc));
    }
    bool empty = false;
    if (core::Status schema = checkSchema(db, file, true, empty); !schema) {
        exec(db, "ROLLBACK");
        core::logError(kModule, schema.error().message);
        return schema.error();
    }
    if (empty) {
        if (rc = exec(db, kSchemaSql); rc != SQLITE_OK) {
            std::string what = describe(db, rc);
            exec(db, "ROLLBACK");
            return fail(what);
        }
    }
    if (rc = exec(db, "COMMIT"); rc != SQLITE_OK) {
        std::string what = describe(db, rc);
        exec(db, "ROLLBACK");
        return fail(what);
    }
    std::string opened = "storing events in ";
    opened.append(file.string()).append(" (").append(store.durabilitySettings()).append(")");
    core::logInfo(kModule, opened);
    return store;
}

std::string AnalyticsStore::durabilitySettings() const {
    int rc = SQLITE_OK;
    const std::optional<std::string> mode = queryText(mDb, "PRAGMA journal_mode", rc);
    const std::optional<std::string> sync = queryText(mDb, "PRAGMA synchronous", rc);
    std::string settings = "journal_mode=";
    settings.append(mode.value_or("?")).append(" synchronous=").append(sync.value_or("?"));
    return settings;
}

AnalyticsStore::AnalyticsStore(sqlite3* db, std::filesystem::path file)
    : mDb(db), mFile(std::move(file)) {}

AnalyticsStore::AnalyticsStore(AnalyticsStore&& other) noexcept
    : mDb(std::exchange(other.mDb, nullptr)), mFile(std::move(other.mFile)),
      mLastLogged(std::move(other.mLastLogged)) {}

AnalyticsStore& AnalyticsStore::operator=(AnalyticsStore&& other) noexcept {
    if (this != &other) {
        close();
        mDb = std::exchange(other.mDb, nullptr);
        mFile = std::move(other.mFile);
        mLastLogged = std::move(other.mLastLogged);
    }
    return *this;
}

AnalyticsStore::~AnalyticsStore() {
    close();
}

void AnalyticsStore::close() {
    if (mDb != nullptr) {
        sqlite3_close(mDb); // statements are finalized by their owners before this
        mDb = nullptr;
    }
}

core::Error AnalyticsStore::failure(std::string what) {
    core::Error error{fileMessage(mFile, what)};
    if (error.message != mLastLogged) {
        core::logError(kModule, error.message);
        mLastLogged = error.message;
    }
    return error;
}

core::Result<AppendOutcome> AnalyticsStore::append(const std::vector<SessionEvent>& events) {
    return append(events, storedAtNow());
}

core::Result<AppendOutcome> AnalyticsStore::append(const std::vector<SessionEvent>& events,
                                                   const StoredAt& at) {
    KILN_ASSERT(mDb != nullptr, "AnalyticsStore::append on a moved-from store");
    KILN_ASSERT(at.hour >= 0 && at.hour < 24, "AnalyticsStore::append: hour must be 0..23");
    AppendOutcome outcome;
    std::vector<const SessionEvent*> clean;
    clean.reserve(events.size());
    for (const SessionEvent& event : events) {
        const std::vector<std::string> problems = personalDataProblems(event);
        if (problems.empty()) {
            clean.push_back(&event);
            continue;
        }
        ++outcome.refused;
        // The record itself is not logged: it is what may be personal.
        std::string message = "refused a ";
        message.append(eventTypeCode(event.type)).append(" record: ").append(problems.front());
        if (problems.size() > 1) {
            message.append(" (and ").append(std::to_string(problems.size() - 1)).append(" more)");
        }
        core::logWarning(kModule, message);
    }
    if (clean.empty()) {
        return outcome;
    }

    int rc = exec(mDb, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) {
        return failure(describe(mDb, rc));
    }
    auto abort = [&](int code) {
        std::string what = describe(mDb, code);
        exec(mDb, "ROLLBACK");
        return failure(what);
    };
    Statement batch(mDb, "INSERT INTO batches (stored_date, stored_hour) VALUES (?1, ?2)");
    Statement event(mDb, "INSERT INTO events (batch_id, position, session_id, type, at_seconds) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)");
    Statement field(mDb, "INSERT INTO event_fields (event_id, position, key, value) "
                         "VALUES (?1, ?2, ?3, ?4)");
    if (!batch.prepared() || !event.prepared() || !field.prepared()) {
        return abort(sqlite3_errcode(mDb));
    }
    batch.bindText(1, at.date);
    batch.bindInt(2, at.hour);
    if (rc = batch.runOnce(); rc != SQLITE_DONE) {
        return abort(rc);
    }
    const std::int64_t batchId = sqlite3_last_insert_rowid(mDb);
    std::int64_t position = 0;
    for (const SessionEvent* record : clean) {
        event.bindInt(1, batchId);
        event.bindInt(2, position++);
        event.bindText(3, record->sessionId);
        event.bindText(4, eventTypeCode(record->type));
        event.bindReal(5, record->atSeconds);
        if (rc = event.runOnce(); rc != SQLITE_DONE) {
            return abort(rc);
        }
        const std::int64_t eventId = sqlite3_last_insert_rowid(mDb);
        std::int64_t fieldPosition = 0;
        for (const EventField& f : record->fields) {
            field.bindInt(1, eventId);
            field.bindInt(2, fieldPosition++);
            field.bindText(3, f.key);
            field.bindText(4, f.value);
            if (rc = field.runOnce(); rc != SQLITE_DONE) {
                return abort(rc);
            }
        }
    }
    // With synchronous=FULL the -wal file is fsynced before COMMIT returns.
    if (rc = exec(mDb, "COMMIT"); rc != SQLITE_OK) {
        return abort(rc);
    }
    if (!mLastLogged.empty()) {
        core::logInfo(kModule, fileMessage(mFile, "storing events again"));
        mLastLogged.clear();
    }
    outcome.batchId = batchId;
    outcome.stored = clean.size();
    return outcome;
}

core::Result<std::vector<StoredEvent>> readStoredEvents(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        return core::Error{fileMessage(file, "no such file")};
    }
    if (std::filesystem::is_directory(file, ec)) {
        return core::Error{fileMessage(file, "is a folder, not a database file")};
    }
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    // Closes the connection on every return below.
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> guard(db, sqlite3_close);
    if (rc != SQLITE_OK) {
        return core::Error{fileMessage(file, describe(db, rc, false))};
    }
    sqlite3_busy_timeout(db, 2000);
    bool empty = false;
    if (core::Status schema = checkSchema(db, file, false, empty); !schema) {
        return schema.error();
    }
    if (empty) {
        return core::Error{fileMessage(file, "an empty SQLite file, not an analytics database")};
    }
    // One read transaction, so a kiosk writing meanwhile does not tear the view.
    if (rc = exec(db, "BEGIN"); rc != SQLITE_OK) {
        return core::Error{fileMessage(file, describe(db, rc, false))};
    }
    Statement rows(db, "SELECT e.id, e.batch_id, b.stored_date, b.stored_hour, e.session_id, "
                       "e.type, e.at_seconds, f.key, f.value "
                       "FROM events e JOIN batches b ON b.id = e.batch_id "
                       "LEFT JOIN event_fields f ON f.event_id = e.id "
                       "ORDER BY e.batch_id, e.position, f.position");
    if (!rows.prepared()) {
        return core::Error{fileMessage(file, describe(db, sqlite3_errcode(db), false))};
    }
    std::vector<StoredEvent> events;
    std::int64_t currentId = -1;
    while ((rc = sqlite3_step(rows.get())) == SQLITE_ROW) {
        sqlite3_stmt* s = rows.get();
        const std::int64_t eventId = sqlite3_column_int64(s, 0);
        if (eventId != currentId) {
            currentId = eventId;
            const std::string typeCode = rows.text(5);
            const std::optional<SessionEventType> type = parseEventType(typeCode);
            if (!type) {
                std::string what = "unknown event type \"";
                what.append(typeCode).append("\" in event ").append(std::to_string(eventId));
                return core::Error{fileMessage(file, what)};
            }
            StoredEvent stored;
            stored.batchId = sqlite3_column_int64(s, 1);
            stored.storedAt = StoredAt{rows.text(2), sqlite3_column_int(s, 3)};
            stored.event.sessionId = rows.text(4);
            stored.event.type = *type;
            stored.event.atSeconds = sqlite3_column_double(s, 6);
            events.push_back(std::move(stored));
        }
        if (sqlite3_column_type(s, 7) != SQLITE_NULL) {
            events.back().event.fields.push_back({rows.text(7), rows.text(8)});
        }
    }
    if (rc != SQLITE_DONE) {
        return core::Error{fileMessage(file, describe(db, rc, false))};
    }
    return events;
}

// --- AnalyticsWriter --------------------------------------------------------------------------

core::Result<std::unique_ptr<AnalyticsWriter>>
AnalyticsWriter::start(const std::filesystem::path& file, const AnalyticsStoreOptions& options) {
    core::Result<AnalyticsStore> store = AnalyticsStore::open(file, options);
    if (!store) {
        return store.error();
    }
    return std::make_unique<AnalyticsWriter>(std::move(store).value());
}

AnalyticsWriter::AnalyticsWriter(AnalyticsStore store)
    : mStore(std::move(store)), mThread([this] { loop(); }) {}

AnalyticsWriter::~AnalyticsWriter() {
    {
        std::lock_guard lock(mMutex);
        mStopping = true;
    }
    mWake.notify_one();
    mThread.join();
}

void AnalyticsWriter::submit(std::vector<SessionEvent> events) {
    if (events.empty()) {
        return;
    }
    {
        std::lock_guard lock(mMutex);
        if (mQueue.size() >= kMaxQueuedBatches) {
            ++mFailed;
            if (!mLastError || mLastError->message.find("queue") == std::string::npos) {
                mLastError = core::Error{fileMessage(
                        mStore.file(), "the disk is not keeping up; a batch was dropped (queue "
                                       "full)")};
                core::logError(kModule, mLastError->message);
            }
            return;
        }
        mQueue.push_back(std::move(events));
    }
    mWake.notify_one();
}

void AnalyticsWriter::flush() {
    std::unique_lock lock(mMutex);
    mIdle.wait(lock, [this] { return mQueue.empty() && !mBusy; });
}

std::size_t AnalyticsWriter::storedBatches() const {
    std::lock_guard lock(mMutex);
    return mStored;
}

std::size_t AnalyticsWriter::failedBatches() const {
    std::lock_guard lock(mMutex);
    return mFailed;
}

std::optional<core::Error> AnalyticsWriter::lastError() const {
    std::lock_guard lock(mMutex);
    return mLastError;
}

void AnalyticsWriter::loop() {
    std::unique_lock lock(mMutex);
    while (true) {
        mWake.wait(lock, [this] { return mStopping || !mQueue.empty(); });
        if (mQueue.empty()) {
            break; // stopping, and everything submitted is stored
        }
        std::vector<SessionEvent> batch = std::move(mQueue.front());
        mQueue.pop_front();
        mBusy = true;
        lock.unlock();
        core::Result<AppendOutcome> outcome = mStore.append(batch); // logs its own errors
        lock.lock();
        mBusy = false;
        if (outcome) {
            ++mStored;
        } else {
            ++mFailed;
            mLastError = outcome.error();
        }
        if (mQueue.empty()) {
            mIdle.notify_all();
        }
    }
    mIdle.notify_all();
}

} // namespace kiln::app
