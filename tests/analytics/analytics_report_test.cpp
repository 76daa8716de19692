// `kilnfire report` on a test database of three scripted sessions: the summary's numbers, the
// CSV files line by line, the HTML page (self-contained, four charts with their data), the page
// loaded in headless Chromium (skipped when absent, except under CI=true), an empty database,
// and the command's errors and exit codes.

#include "kiln/app/analytics_report.h"

#include "analytics_test_support.h"
#include "kiln/content/content_loader.h"
#include "kiln/core/file_io.h"
#include "test_paths.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>

namespace kiln::app {
namespace {

using test::countingId;

std::size_t countOf(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + needle.size())) {
        ++count;
    }
    return count;
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find("\r\n", start);
        if (end == std::string::npos) {
            end = text.size();
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return lines;
}

std::string readText(const std::filesystem::path& file) {
    auto text = core::readTextFile(file);
    return text ? *text : std::string();
}

// Three sessions: two scripted visits at 10:00 on the 28th (quiz right, then wrong), and a short
// English visit at 14:00 on the 29th ending with the program.
std::filesystem::path makeTestDatabase(const std::string& name) {
    const auto file = test::freshDatabase(name);
    auto store = AnalyticsStore::open(file);
    EXPECT_TRUE(store);
    SessionRecorder recorder(test::countingIds());
    test::scriptedVisit(recorder, 0.0, true);
    EXPECT_TRUE(store->append(recorder.takeEvents(), StoredAt{"2026-11-28", 10}));
    test::scriptedVisit(recorder, 200.0, false);
    EXPECT_TRUE(store->append(recorder.takeEvents(), StoredAt{"2026-11-28", 10}));
    recorder.startSession(1000.0, content::Language::En, content::Depth::Student);
    recorder.sceneEntered("egg_kiln", 1000.0);
    recorder.determinantOpened("opportunity", 1010.0);
    recorder.quizAnswered("egg_kiln.q1", true, 1020.0);
    recorder.endSession(1030.0, SessionEndReason::AppExit);
    EXPECT_TRUE(store->append(recorder.takeEvents(), StoredAt{"2026-11-29", 14}));
    return file;
}

content::LoadResult loadTestContent() {
    content::LoadOptions options;
    options.logFindings = false;
    return content::loadContent(KILN_ANALYTICS_CONTENT_DIR, options);
}

TEST(AnalyticsReport, SummaryCountsSessionsDwellCoverageQuizAndHours) {
    auto events = readStoredEvents(makeTestDatabase("summary.sqlite3"));
    ASSERT_TRUE(events) << events.error().message;
    const content::LoadResult content = loadTestContent();
    ASSERT_TRUE(content.library.modelLoaded);
    const AnalyticsSummary summary = summarizeAnalytics(*events, &content.library);

    EXPECT_EQ(summary.eventCount, 2 * test::kScriptedVisitEvents + 5);
    ASSERT_EQ(summary.sessions.size(), 3u);
    EXPECT_EQ(summary.sessionsPerHour[10], 2u);
    EXPECT_EQ(summary.sessionsPerHour[14], 1u);
    EXPECT_EQ(summary.firstDate, "2026-11-28");
    EXPECT_EQ(summary.lastDate, "2026-11-29");

    ASSERT_EQ(summary.dwell.size(), 2u); // content order: egg kiln before dragon kiln
    EXPECT_EQ(summary.dwell[0].scene, "egg_kiln");
    EXPECT_EQ(summary.dwell[0].visits, 3u);
    EXPECT_NEAR(summary.dwell[0].totalSeconds, 42.3 + 42.3 + 30.0, 1e-9);
    EXPECT_EQ(summary.dwell[1].scene, "dragon_kiln");
    EXPECT_NEAR(summary.dwell[1].totalSeconds, 2 * 57.7, 1e-9);

    // Every determinant of the model is listed, opened or not.
    ASSERT_EQ(summary.determinants.size(), content.library.model.determinants.size());
    for (const DeterminantUse& use : summary.determinants) {
        SCOPED_TRACE(use.determinant);
        const std::size_t expected = use.determinant == "factor_conditions" ? 2
                                     : use.determinant == "opportunity"     ? 1
                                                                            : 0;
        EXPECT_EQ(use.sessions, expected);
        if (expected > 0) {
            EXPECT_EQ(use.sessionsByScene.at("egg_kiln"), expected);
        }
    }
    ASSERT_EQ(summary.quiz.size(), 2u);
    EXPECT_EQ(summary.quiz[0].question, "egg_kiln.q1");
    EXPECT_EQ(summary.quiz[0].correct, 1u);
    EXPECT_EQ(summary.quiz[1].question, "dragon_kiln.q1");
    EXPECT_EQ(summary.quiz[1].answered, 2u);
    EXPECT_EQ(summary.quiz[1].correct, 1u);
    EXPECT_EQ(summary.quizAnswered, 3u);
    EXPECT_EQ(summary.quizCorrect, 2u);
    EXPECT_EQ(summary.startLanguages.at("zh"), 2u);
    EXPECT_EQ(summary.startLanguages.at("en"), 1u);
}

TEST(AnalyticsReport, CommandWritesCsvAndASelfContainedPage) {
    const auto db = makeTestDatabase("report.sqlite3");
    const auto out = kiln::test::outputDir("analytics") / "report";
    std::filesystem::remove_all(out);
    ASSERT_EQ(runReportCommand({"--db", db.string(), "--out", out.string(), "--content",
                                KILN_ANALYTICS_CONTENT_DIR}),
              0);

    const std::vector<std::string> events = linesOf(readText(out / "events.csv"));
    ASSERT_EQ(events.size(), 1 + 2 * test::kScriptedVisitEvents + 5);
    EXPECT_EQ(events[0], "batch_id,stored_date,stored_hour,sessionId,event,atSeconds,language,"
                         "depth,reason,durationSeconds,scene,dwellSeconds,determinant,pathway,"
                         "question,correct");
    const std::string id1 = countingId(1);
    EXPECT_EQ(events[1], "1,2026-11-28,10," + id1 + ",session_start,0.000,zh,visitor,,,,,,,,");
    EXPECT_EQ(events[4], "1,2026-11-28,10," + id1 + ",scene_viewed,42.300,,,,,egg_kiln,42.3,,,,");
    EXPECT_EQ(events[6], "1,2026-11-28,10," + id1 +
                                 ",quiz_answered,60.000,,,,,dragon_kiln,,,,dragon_kiln.q1,"
                                 "true");

    const std::vector<std::string> sessions = linesOf(readText(out / "sessions.csv"));
    ASSERT_EQ(sessions.size(), 4u);
    EXPECT_EQ(sessions[0], "sessionId,date,hour,language,depth,durationSeconds,endReason,"
                           "scenesViewed,determinantsOpened,pathwaysOpened,quizAnswered,"
                           "quizCorrect");
    EXPECT_EQ(sessions[2], countingId(2) + ",2026-11-28,10,zh,visitor,100.0,idle_reset,2,1,1,1,0");
    EXPECT_EQ(sessions[3], countingId(3) + ",2026-11-29,14,en,student,30.0,app_exit,1,1,0,1,1");

    const std::string html = readText(out / "report.html");
    for (const char* chart : {"chart-dwell", "chart-determinants", "chart-quiz", "chart-hours"}) {
        EXPECT_EQ(countOf(html, std::string("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"") +
                                        chart + "\""),
                  1u)
                << chart;
    }
    EXPECT_NE(html.find("蛋形窑"), std::string::npos) << "scene names from the content";
    EXPECT_NE(html.find("Factor conditions"), std::string::npos);
    EXPECT_NE(html.find("data-id=\"egg_kiln\" data-value=\"114.600\""), std::string::npos);
    EXPECT_NE(html.find("data-id=\"10\" data-value=\"2\""), std::string::npos);
    EXPECT_NE(html.find("67% (2 / 3)"), std::string::npos) << "overall quiz success";
    // Self-contained: nothing to fetch, nothing to run.
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("src="), std::string::npos);
    EXPECT_EQ(html.find("href="), std::string::npos);
    EXPECT_EQ(countOf(html, "https:"), 0u);
    EXPECT_EQ(countOf(html, "http:"), countOf(html, "http://www.w3.org/2000/svg"))
            << "no address but the SVG namespace";
}

// Runs `command` through the shell; its exit status, or -1.
int shell(const std::string& command) {
    const int status = std::system(command.c_str());
    return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(AnalyticsReport, PageLoadsInHeadlessChromium) {
    if (shell("command -v chromium > /dev/null 2>&1") != 0) {
        if (kiln::test::runningInCi()) {
            FAIL() << "chromium is not installed (required under CI=true)";
        }
        GTEST_SKIP() << "chromium is not installed; skipping the browser check";
    }
    const auto db = makeTestDatabase("chromium.sqlite3");
    const auto out = kiln::test::outputDir("analytics") / "chromium";
    std::filesystem::remove_all(out);
    ASSERT_EQ(runReportCommand({"--db", db.string(), "--out", out.string(), "--content",
                                KILN_ANALYTICS_CONTENT_DIR}),
              0);
    const auto page = std::filesystem::absolute(out / "report.html");
    const auto dom = out / "dom.html";
    std::string command = "timeout 120 chromium --headless --no-sandbox --disable-gpu "
                          "--no-first-run --user-data-dir=";
    command.append((out / "profile").string())
            .append(" --dump-dom 'file://")
            .append(page.string())
            .append("' > '")
            .append(dom.string())
            .append("' 2> '")
            .append((out / "chromium.log").string())
            .append("'");
    ASSERT_EQ(shell(command), 0) << "chromium failed; see " << (out / "chromium.log").string();

    const std::string text = readText(dom);
    ASSERT_FALSE(text.empty());
    for (const char* chart : {"chart-dwell", "chart-determinants", "chart-quiz", "chart-hours"}) {
        EXPECT_NE(text.find(std::string("id=\"") + chart + "\""), std::string::npos) << chart;
    }
    // Their data survived parsing: bars with values and labels.
    EXPECT_NE(text.find("data-id=\"egg_kiln\" data-value=\"114.600\""), std::string::npos);
    EXPECT_NE(text.find("data-id=\"factor_conditions\""), std::string::npos);
    EXPECT_NE(text.find("data-id=\"dragon_kiln.q1\" data-value=\"0.500\""), std::string::npos);
    EXPECT_NE(text.find("data-id=\"14\" data-value=\"1\""), std::string::npos);
    EXPECT_NE(text.find("蛋形窑"), std::string::npos);
    EXPECT_EQ(countOf(text, "<rect"), 2u + 7u + 7u + 2u + 24u) << "one bar per row";
}

TEST(AnalyticsReport, EmptyDatabaseSaysThereAreNoSessionsYet) {
    const auto db = test::freshDatabase("empty.sqlite3");
    ASSERT_TRUE(AnalyticsStore::open(db));
    const auto out = kiln::test::outputDir("analytics") / "empty";
    std::filesystem::remove_all(out);
    ASSERT_EQ(runReportCommand({"--db", db.string(), "--out", out.string()}), 0);
    const std::string html = readText(out / "report.html");
    EXPECT_NE(html.find("No sessions yet"), std::string::npos);
    EXPECT_NE(html.find("还没有观众记录"), std::string::npos);
    EXPECT_EQ(html.find("<svg"), std::string::npos);
    EXPECT_EQ(linesOf(readText(out / "events.csv")).size(), 1u); // the header
}

// Runs the command with stderr captured; returns the exit code and sets `errors`.
int runCaptured(const std::vector<std::string>& args, std::string& errors) {
    const auto capture = kiln::test::outputDir("analytics") / "stderr.txt";
    std::fflush(stderr);
    const int saved = dup(STDERR_FILENO);
    const int fd = ::open(capture.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, STDERR_FILENO);
    close(fd);
    const int code = runReportCommand(args);
    std::fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    errors = readText(capture);
    return code;
}

struct CommandCase {
    std::string name;
    std::vector<std::string> args;
    int exitCode;
    std::string message; // in the one line on stderr
};

TEST(AnalyticsReport, BadInputGivesOneClearLineAndAnExitCode) {
    const auto dir = kiln::test::outputDir("analytics");
    const auto garbage = dir / "not_sqlite.txt";
    std::ofstream(garbage) << "visitor numbers, typed by hand\n1,2,3\n";
    const auto out = (dir / "bad_out").string();
    const std::vector<CommandCase> cases = {
            {"no arguments", {}, 2, "--db FILE is required"},
            {"no --out", {"--db", garbage.string()}, 2, "--out DIR is required"},
            {"unknown argument", {"--db", "x", "--out", out, "--colour"}, 2, "unknown argument"},
            {"value missing", {"--out"}, 2, "--out needs a value"},
            {"missing file",
             {"--db", (dir / "nope.sqlite3").string(), "--out", out},
             1,
             "no such file"},
            {"not SQLite", {"--db", garbage.string(), "--out", out}, 1, "not a database"},
            {"a folder", {"--db", dir.string(), "--out", out}, 1, "is a folder"},
    };
    for (const CommandCase& c : cases) {
        SCOPED_TRACE(c.name);
        std::string errors;
        EXPECT_EQ(runCaptured(c.args, errors), c.exitCode);
        EXPECT_EQ(countOf(errors, "\n"), 1u) << errors;
        EXPECT_EQ(errors.rfind("kilnfire report: ", 0), 0u) << errors;
        EXPECT_NE(errors.find(c.message), std::string::npos) << errors;
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "bad_out" / "report.html"));
}

TEST(AnalyticsReport, HelpDescribesTheCommand) {
    EXPECT_NE(reportUsageText().find("kilnfire report --db FILE --out DIR"), std::string::npos);
    std::string errors;
    EXPECT_EQ(runCaptured({"--help"}, errors), 0);
    EXPECT_TRUE(errors.empty());
}

} // namespace
} // namespace kiln::app
