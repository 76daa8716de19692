// Helpers shared by the analytics tests: fresh database paths in the build tree, deterministic
// session ids, scripted visits and a raw SQLite query for checks the store's API does not offer.
#pragma once

#include "kiln/app/analytics_store.h"
#include "kiln/app/session_events.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace kiln::app::test {

// build/test-output/analytics/<name>, with any old file and its -wal/-shm removed.
std::filesystem::path freshDatabase(const std::string& name);

// "000...01", "000...02" ...: valid session ids a test can name.
SessionRecorder::IdSource countingIds();
std::string countingId(int n);

// A visit: start (zh, visitor), egg kiln 42.3 s with factor_conditions opened, dragon kiln with
// a quiz answer, idle reset. `offset` shifts every time (seconds).
// start, determinant, language, egg kiln viewed, pathway, quiz, dragon kiln viewed, reset, end.
inline constexpr std::size_t kScriptedVisitEvents = 9;
void scriptedVisit(SessionRecorder& recorder, double offset, bool quizCorrect);

// The first column of every row of `sql` on `file` (opened read-write), or one "error: ..."
// line.
std::vector<std::string> rawQuery(const std::filesystem::path& file, const std::string& sql);

} // namespace kiln::app::test
