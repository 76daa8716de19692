// `kilnfire report`: turns an analytics database into CSV files and one self-contained HTML page
// for curators (dwell time per scene, determinant coverage, quiz success, visitors per hour), its
// charts inline SVG drawn here. Does NOT write to the database, fetch anything when the page is
// viewed (no scripts, no network, no external files) or show anything per visitor beyond the
// anonymous session rows. See docs/analytics.md.
#pragma once

#include "kiln/app/analytics_store.h"
#include "kiln/content/content_library.h"

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace kiln::app {

struct SceneDwell {
    std::string scene;
    std::size_t visits = 0; // scene_viewed records
    double totalSeconds = 0.0;
};

struct DeterminantUse {
    std::string determinant;
    std::size_t sessions = 0;                           // sessions that opened it at least once
    std::map<std::string, std::size_t> sessionsByScene; // scene id ("" when none) -> sessions
};

struct PathwayUse {
    std::string pathway;
    std::size_t sessions = 0;
};

struct QuizUse {
    std::string question;
    std::size_t answered = 0;
    std::size_t correct = 0;
};

// One row per session for sessions.csv.
struct SessionSummary {
    std::string sessionId;
    std::string date; // of the batch holding its first record
    int hour = 0;
    std::string language; // at start
    std::string depth;    // at start
    double durationSeconds = 0.0;
    std::string endReason; // "" while the session has no session_end record
    std::size_t scenesViewed = 0;
    std::size_t determinantsOpened = 0;
    std::size_t pathwaysOpened = 0;
    std::size_t quizAnswered = 0;
    std::size_t quizCorrect = 0;
};

struct AnalyticsSummary {
    std::size_t eventCount = 0;
    std::vector<SessionSummary> sessions; // in the order first stored
    std::array<std::size_t, 24> sessionsPerHour{};
    std::string firstDate; // "" without sessions
    std::string lastDate;
    std::vector<SceneDwell> dwell;            // content order, then unknown ids by name
    std::vector<DeterminantUse> determinants; // every determinant of the model, then others
    std::vector<PathwayUse> pathways;         // every pathway of the model, then others
    std::vector<QuizUse> quiz;                // questions answered, content order
    std::map<std::string, std::size_t> startLanguages; // "zh" -> sessions
    std::size_t quizAnswered = 0;
    std::size_t quizCorrect = 0;
};

// Counts and sums over the stored events. `content` (may be nullptr) gives the order of scenes,
// the full list of determinants and pathways (so unopened ones show as 0) and nothing else.
AnalyticsSummary summarizeAnalytics(const std::vector<StoredEvent>& events,
                                    const content::ContentLibrary* content);

// One row per event: batch_id, stored_date, stored_hour, sessionId, event, atSeconds, then one
// column per field key of the event table in docs/installations.md.
std::string eventsCsv(const std::vector<StoredEvent>& events);
std::string sessionsCsv(const AnalyticsSummary& summary);

// The page. Names of scenes, determinants and pathways come from `content` in both languages
// when given, else their ids. Chart ids: chart-dwell, chart-determinants, chart-quiz,
// chart-hours (and chart-pathways); without sessions the page says so and has no charts.
std::string reportHtml(const AnalyticsSummary& summary, const content::ContentLibrary* content);

std::string reportUsageText();

// `kilnfire report ARGS` (ARGS without "report"): 0 on success, 1 when the database cannot be
// read or the output not written, 2 on a usage error. Messages go to stderr as one line.
int runReportCommand(const std::vector<std::string>& args);

} // namespace kiln::app
