// Log messages reach the sink with their module, and are counted per level.
#include "kiln/core/log.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace kiln::core;

TEST(Log, SinkReceivesModuleAndTextAndCountsLevels) {
    std::vector<std::string> lines;
    LogSink old = setLogSink([&](LogLevel level, std::string_view module, std::string_view text) {
        lines.push_back(std::string(logLevelName(level)) + " " + std::string(module) + ": " +
                        std::string(text));
    });
    resetLogCounts();
    logWarning("assets", "texture missing");
    logError("render", "shader failed");
    logInfo("app", "started");
    setLogSink(old);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0], "warning assets: texture missing");
    EXPECT_EQ(lines[1], "error render: shader failed");
    EXPECT_EQ(logCount(LogLevel::Warning), 1u);
    EXPECT_EQ(logCount(LogLevel::Error), 1u);
}

TEST(Log, MinimumLevelFiltersButStillCounts) {
    std::vector<std::string> lines;
    LogSink old = setLogSink(
            [&](LogLevel, std::string_view, std::string_view text) { lines.emplace_back(text); });
    resetLogCounts();
    setMinLogLevel(LogLevel::Error);
    logInfo("app", "quiet");
    logError("app", "loud");
    setMinLogLevel(LogLevel::Info);
    setLogSink(old);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], "loud");
    EXPECT_EQ(logCount(LogLevel::Info), 1u);
}
