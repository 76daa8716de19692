// The analytics store: a scripted session read back exactly; records with personal data refused
// and logged; the schema and journal settings; clear errors for an unusable folder, a corrupt or
// foreign file and a newer schema; a full database keeping what it had; the writer thread; and
// the measured cost of one batch (printed for docs/analytics.md).

#include "kiln/app/analytics_store.h"

#include "analytics_test_support.h"
#include "kiln/core/log.h"
#include "test_paths.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>

namespace kiln::app {
namespace {

using test::countingId;
using test::countingIds;
using test::freshDatabase;
using test::rawQuery;

void expectSameEvents(const std::vector<SessionEvent>& expected,
                      const std::vector<StoredEvent>& actual) {
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE("event " + std::to_string(i));
        EXPECT_EQ(actual[i].event.type, expected[i].type);
        EXPECT_EQ(actual[i].event.sessionId, expected[i].sessionId);
        EXPECT_EQ(actual[i].event.atSeconds, expected[i].atSeconds); // exact: stored as REAL
        EXPECT_EQ(actual[i].event.fields, expected[i].fields);
    }
}

TEST(AnalyticsStore, ScriptedSessionRoundTripsExactly) {
    const auto file = freshDatabase("round_trip.sqlite3");
    auto store = AnalyticsStore::open(file);
    ASSERT_TRUE(store) << store.error().message;

    SessionRecorder recorder; // real random ids, as on a kiosk
    recorder.startSession(1000.0, content::Language::Zh, content::Depth::Visitor);
    recorder.sceneEntered("egg_kiln", 1000.0);
    recorder.determinantOpened("factor_conditions", 1012.25);
    // The frame loop hands over what it has every few seconds: a batch mid-session ...
    std::vector<SessionEvent> first = recorder.takeEvents();
    recorder.languageChosen(content::Language::En, 1020.0);
    recorder.depthChosen(content::Depth::Student, 1021.0);
    recorder.sceneEntered("dragon_kiln", 1042.3);
    recorder.pathwayOpened("market_demand", 1050.0);
    recorder.quizAnswered("dragon_kiln.q1", true, 1060.0);
    recorder.quizAnswered("dragon_kiln.q2", false, 1061.0);
    recorder.idleReset(1145.7);
    // ... and the rest at session end.
    std::vector<SessionEvent> second = recorder.takeEvents();
    ASSERT_EQ(first.size(), 2u);
    ASSERT_EQ(second.size(), 9u);

    const StoredAt morning{"2026-11-28", 10};
    const StoredAt noon{"2026-11-28", 12};
    auto a = store->append(first, morning);
    auto b = store->append(second, noon);
    ASSERT_TRUE(a) << a.error().message;
    ASSERT_TRUE(b) << b.error().message;
    EXPECT_EQ(a->stored, 2u);
    EXPECT_EQ(a->refused, 0u);
    EXPECT_EQ(b->stored, 9u);
    EXPECT_GT(b->batchId, a->batchId);

    auto read = readStoredEvents(file);
    ASSERT_TRUE(read) << read.error().message;
    std::vector<SessionEvent> all = first;
    all.insert(all.end(), second.begin(), second.end());
    expectSameEvents(all, *read);
    for (std::size_t i = 0; i < read->size(); ++i) {
        EXPECT_EQ((*read)[i].batchId, i < 2 ? a->batchId : b->batchId);
        EXPECT_EQ((*read)[i].storedAt, i < 2 ? morning : noon);
    }
}

TEST(AnalyticsStore, UsesWalFullSyncAndRecordsTheSchemaVersion) {
    const auto file = freshDatabase("settings.sqlite3");
    {
        auto store = AnalyticsStore::open(file);
        ASSERT_TRUE(store) << store.error().message;
        // synchronous is per connection: ask the store's own (2 is FULL).
        EXPECT_EQ(store->durabilitySettings(), "journal_mode=wal synchronous=2");
    }
    EXPECT_EQ(rawQuery(file, "PRAGMA journal_mode"), std::vector<std::string>{"wal"});
    EXPECT_EQ(rawQuery(file, "SELECT version FROM schema_version"),
              std::vector<std::string>{std::to_string(kAnalyticsSchemaVersion)});
    // Reopening an existing database neither fails nor adds a second version row.
    ASSERT_TRUE(AnalyticsStore::open(file));
    EXPECT_EQ(rawQuery(file, "SELECT count(*) FROM schema_version"), std::vector<std::string>{"1"});
}

TEST(AnalyticsStore, StoresOnlyTheDateAndHour) {
    const auto file = freshDatabase("stamp.sqlite3");
    auto store = AnalyticsStore::open(file);
    ASSERT_TRUE(store);
    SessionRecorder recorder(countingIds());
    recorder.startSession(0.0, content::Language::En, content::Depth::Visitor);
    const StoredAt before = storedAtNow();
    ASSERT_TRUE(store->append(recorder.takeEvents()));
    const StoredAt after = storedAtNow();
    auto read = readStoredEvents(file);
    ASSERT_TRUE(read);
    ASSERT_EQ(read->size(), 1u);
    const StoredAt& at = read->front().storedAt;
    EXPECT_TRUE(at == before || at == after);
    EXPECT_EQ(at.date.size(), 10u); // YYYY-MM-DD
    EXPECT_GE(at.hour, 0);
    EXPECT_LT(at.hour, 24);
    // The batches table has the date and the hour and nothing finer.
    EXPECT_EQ(rawQuery(file, "SELECT group_concat(name) FROM pragma_table_info('batches')"),
              std::vector<std::string>{"id,stored_date,stored_hour"});
}

TEST(AnalyticsStore, RefusesAndLogsRecordsWithPersonalData) {
    const auto file = freshDatabase("refused.sqlite3");
    auto store = AnalyticsStore::open(file);
    ASSERT_TRUE(store);
    SessionEvent clean{SessionEventType::SceneViewed,
                       countingId(1),
                       3.0,
                       {{"scene", "egg_kiln"}, {"dwellSeconds", "3.0"}}};
    SessionEvent named = clean;
    named.fields.push_back({"name", "li_wei"});
    SessionEvent phone{SessionEventType::QuizAnswered,
                       countingId(1),
                       4.0,
                       {{"question", "13812345678"}, {"correct", "true"}}};
    SessionEvent badId = clean;
    badId.sessionId = "visitor-42";

    core::resetLogCounts();
    auto outcome = store->append({clean, named, phone, badId}, StoredAt{"2026-11-28", 9});
    ASSERT_TRUE(outcome) << outcome.error().message;
    EXPECT_EQ(outcome->stored, 1u);
    EXPECT_EQ(outcome->refused, 3u);
    EXPECT_EQ(core::logCount(core::LogLevel::Warning), 3u);

    // Nothing but refused records: nothing stored, no empty batch.
    auto none = store->append({named}, StoredAt{"2026-11-28", 9});
    ASSERT_TRUE(none);
    EXPECT_EQ(none->batchId, 0);
    EXPECT_EQ(none->stored, 0u);

    auto read = readStoredEvents(file);
    ASSERT_TRUE(read);
    expectSameEvents({clean}, *read);
    EXPECT_EQ(rawQuery(file, "SELECT count(*) FROM batches"), std::vector<std::string>{"1"});
}

// --- errors -------------------------------------------------------------------------------

struct BadLocation {
    std::string name;
    std::filesystem::path file;
    std::string expected; // in the message
};

TEST(AnalyticsStore, UnusableLocationsGiveAClearError) {
    const auto dir = kiln::test::outputDir("analytics");
    // Tests may run as root, for whom chmod denies nothing: use places nobody can write.
    const auto notAFolder = dir / "regular_file";
    std::ofstream(notAFolder) << "a file, not a folder";
    const std::vector<BadLocation> cases = {
            {"parent is a regular file", notAFolder / "analytics.sqlite3", "is not a folder"},
            {"missing folder", dir / "no_such_folder" / "analytics.sqlite3", "does not exist"},
            {"proc file system", "/proc/kilnfire-analytics.sqlite3", "cannot open"},
            {"a folder as the file", dir, "unable to open"},
    };
    for (const BadLocation& c : cases) {
        SCOPED_TRACE(c.name);
        core::resetLogCounts();
        auto store = AnalyticsStore::open(c.file);
        ASSERT_FALSE(store);
        EXPECT_NE(store.error().message.find(c.file.string()), std::string::npos)
                << store.error().message;
        EXPECT_NE(store.error().message.find(c.expected), std::string::npos)
                << store.error().message;
        EXPECT_EQ(core::logCount(core::LogLevel::Error), 1u); // logged once, by the store
        EXPECT_FALSE(AnalyticsWriter::start(c.file));
    }
}

TEST(AnalyticsStore, CorruptOrForeignFilesGiveAClearError) {
    const auto garbage = freshDatabase("garbage.sqlite3");
    {
        std::ofstream out(garbage, std::ios::binary);
        for (int i = 0; i < 8192; ++i) {
            out.put(static_cast<char>((i * 7919 + 13) & 0xff));
        }
    }
    auto store = AnalyticsStore::open(garbage);
    ASSERT_FALSE(store);
    EXPECT_NE(store.error().message.find(garbage.string()), std::string::npos);
    EXPECT_NE(store.error().message.find("not a database"), std::string::npos)
            << store.error().message;
    auto read = readStoredEvents(garbage);
    ASSERT_FALSE(read);
    EXPECT_NE(read.error().message.find("not a database"), std::string::npos);

    const auto foreign = freshDatabase("foreign.sqlite3");
    {
        std::ofstream touch(foreign, std::ios::app); // an empty file is an empty SQLite database
    }
    rawQuery(foreign, "CREATE TABLE photos (visitor TEXT)");
    auto notOurs = AnalyticsStore::open(foreign);
    ASSERT_FALSE(notOurs);
    EXPECT_NE(notOurs.error().message.find("not a Kilnfire analytics database"), std::string::npos)
            << notOurs.error().message;
    // The foreign table was not touched.
    EXPECT_EQ(rawQuery(foreign, "SELECT count(*) FROM sqlite_master"),
              std::vector<std::string>{"1"});

    const auto newer = freshDatabase("newer.sqlite3");
    ASSERT_TRUE(AnalyticsStore::open(newer));
    rawQuery(newer, "UPDATE schema_version SET version = 99");
    auto tooNew = AnalyticsStore::open(newer);
    ASSERT_FALSE(tooNew);
    EXPECT_NE(tooNew.error().message.find("schema version 99"), std::string::npos)
            << tooNew.error().message;
}

TEST(AnalyticsStore, AFullDatabaseRefusesBatchesAndKeepsWhatItHad) {
    const auto file = freshDatabase("full.sqlite3");
    AnalyticsStoreOptions options;
    options.maxBytes = 48 * 1024; // a handful of pages: SQLite answers SQLITE_FULL beyond
    auto store = AnalyticsStore::open(file, options);
    ASSERT_TRUE(store) << store.error().message;

    SessionRecorder recorder(countingIds());
    std::size_t storedEvents = 0;
    std::size_t failures = 0;
    std::string firstError;
    core::resetLogCounts();
    for (int batch = 0; batch < 400 && failures < 5; ++batch) {
        test::scriptedVisit(recorder, batch * 200.0, batch % 2 == 0);
        const std::vector<SessionEvent> events = recorder.takeEvents();
        auto outcome = store->append(events, StoredAt{"2026-11-28", 11});
        if (outcome) {
            ASSERT_EQ(failures, 0u) << "a batch was stored after the database was full";
            storedEvents += outcome->stored;
        } else {
            if (firstError.empty()) {
                firstError = outcome.error().message;
            }
            ++failures;
        }
    }
    ASSERT_EQ(failures, 5u) << "the size cap was never reached";
    EXPECT_NE(firstError.find("full"), std::string::npos) << firstError;
    EXPECT_NE(firstError.find(file.string()), std::string::npos) << firstError;
    EXPECT_EQ(core::logCount(core::LogLevel::Error), 1u) << "a lasting problem is logged once";

    // Every batch that was accepted is there, whole; the refused ones left nothing behind.
    auto read = readStoredEvents(file);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read->size(), storedEvents);
    EXPECT_EQ(rawQuery(file, "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
}

TEST(AnalyticsWriter, StoresSubmittedBatchesOnItsThread) {
    const auto file = freshDatabase("writer.sqlite3");
    auto writer = AnalyticsWriter::start(file);
    ASSERT_TRUE(writer) << writer.error().message;
    SessionRecorder recorder(countingIds());
    std::size_t submitted = 0;
    for (int visit = 0; visit < 20; ++visit) {
        test::scriptedVisit(recorder, visit * 200.0, true);
        std::vector<SessionEvent> events = recorder.takeEvents();
        submitted += events.size();
        (*writer)->submit(std::move(events));
    }
    (*writer)->submit({}); // ignored
    (*writer)->flush();
    EXPECT_EQ((*writer)->storedBatches(), 20u);
    EXPECT_EQ((*writer)->failedBatches(), 0u);
    EXPECT_FALSE((*writer)->lastError());
    auto read = readStoredEvents(file);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->size(), submitted);
}

TEST(AnalyticsWriter, DestructionStoresWhatWasQueued) {
    const auto file = freshDatabase("writer_exit.sqlite3");
    SessionRecorder recorder(countingIds());
    {
        auto writer = AnalyticsWriter::start(file);
        ASSERT_TRUE(writer);
        for (int visit = 0; visit < 5; ++visit) {
            test::scriptedVisit(recorder, visit * 200.0, false);
            (*writer)->submit(recorder.takeEvents());
        }
    } // app exit: no flush() called
    auto read = readStoredEvents(file);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->size(), 5u * test::kScriptedVisitEvents);
}

// --- cost ---------------------------------------------------------------------------------

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
    return values[index];
}

// Not a pass/fail benchmark: prints the cost of one batch on this machine's disk for
// docs/analytics.md, and fails only when something is badly wrong (a second per batch).
TEST(AnalyticsStoreCost, OneBatchOfASessionsEvents) {
    const auto file = freshDatabase("cost.sqlite3");
    auto store = AnalyticsStore::open(file);
    ASSERT_TRUE(store);
    SessionRecorder recorder(countingIds());
    constexpr int kBatches = 100;
    std::vector<double> appendMs;
    std::size_t eventsPerBatch = 0;
    for (int i = 0; i < kBatches; ++i) {
        test::scriptedVisit(recorder, i * 200.0, true);
        const std::vector<SessionEvent> events = recorder.takeEvents();
        eventsPerBatch = events.size();
        const auto start = std::chrono::steady_clock::now();
        ASSERT_TRUE(store->append(events, StoredAt{"2026-11-28", 15}));
        appendMs.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                        .count());
    }

    auto writer = AnalyticsWriter::start(freshDatabase("cost_writer.sqlite3"));
    ASSERT_TRUE(writer);
    std::vector<double> submitMs;
    for (int i = 0; i < kBatches; ++i) {
        test::scriptedVisit(recorder, i * 200.0, true);
        std::vector<SessionEvent> events = recorder.takeEvents();
        const auto start = std::chrono::steady_clock::now();
        (*writer)->submit(std::move(events));
        submitMs.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                        .count());
    }
    (*writer)->flush();
    EXPECT_EQ((*writer)->storedBatches(), static_cast<std::size_t>(kBatches));

    std::printf("[ cost ] AnalyticsStore::append, %zu events per batch, %d batches: median "
                "%.3f ms, p95 %.3f ms, max %.3f ms\n",
                eventsPerBatch, kBatches, percentile(appendMs, 0.5), percentile(appendMs, 0.95),
                percentile(appendMs, 1.0));
    std::printf("[ cost ] AnalyticsWriter::submit: median %.4f ms, max %.4f ms\n",
                percentile(submitMs, 0.5), percentile(submitMs, 1.0));
    RecordProperty("append_median_ms", std::to_string(percentile(appendMs, 0.5)));
    EXPECT_LT(percentile(appendMs, 0.5), 1000.0);
    EXPECT_LT(percentile(submitMs, 0.5), 5.0);
}

} // namespace
} // namespace kiln::app
