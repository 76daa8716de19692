// Helpers shared by the analytics tests (see the header).

#include "analytics_test_support.h"

#include "test_paths.h"

#include <sqlite3.h>

namespace kiln::app::test {

std::filesystem::path freshDatabase(const std::string& name) {
    const std::filesystem::path file = kiln::test::outputDir("analytics") / name;
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::path sibling = file;
        sibling += suffix;
        std::filesystem::remove(sibling, ec);
    }
    return file;
}

std::string countingId(int n) {
    std::string digits = std::to_string(n);
    return std::string(32 - digits.size(), '0').append(digits);
}

SessionRecorder::IdSource countingIds() {
    return [n = 0]() mutable { return countingId(++n); };
}

void scriptedVisit(SessionRecorder& recorder, double offset, bool quizCorrect) {
    recorder.startSession(offset + 0.0, content::Language::Zh, content::Depth::Visitor);
    recorder.sceneEntered("egg_kiln", offset + 0.0);
    recorder.determinantOpened("factor_conditions", offset + 12.5);
    recorder.languageChosen(content::Language::En, offset + 20.0);
    recorder.sceneEntered("dragon_kiln", offset + 42.3);
    recorder.pathwayOpened("market_demand", offset + 50.0);
    recorder.quizAnswered("dragon_kiln.q1", quizCorrect, offset + 60.0);
    recorder.idleReset(offset + 100.0);
}

std::vector<std::string> rawQuery(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    std::vector<std::string> rows;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        rows.push_back(std::string("error: ").append(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return rows;
    }
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        rows.push_back(std::string("error: ").append(sqlite3_errmsg(db)));
    } else {
        int rc = SQLITE_OK;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            const unsigned char* text = sqlite3_column_text(statement, 0);
            rows.emplace_back(text == nullptr ? "" : reinterpret_cast<const char*>(text));
        }
        if (rc != SQLITE_DONE) {
            rows.push_back(std::string("error: ").append(sqlite3_errmsg(db)));
        }
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

} // namespace kiln::app::test
