// Logging implementation: a mutex-guarded sink and per-level counters.
#include "kiln/core/log.h"

#include <array>
#include <atomic>
#include <cstdio>
#include <mutex>

namespace kiln::core {
namespace {

std::mutex gMutex;
LogSink gSink;
std::atomic<int> gMinLevel{static_cast<int>(LogLevel::Info)};
std::array<std::atomic<std::size_t>, 4> gCounts{};

} // namespace

const char* logLevelName(LogLevel level) {
    switch (level) {
        case LogLevel::Debug:
            return "debug";
        case LogLevel::Info:
            return "info";
        case LogLevel::Warning:
            return "warning";
        case LogLevel::Error:
            return "error";
    }
    return "?";
}

void log(LogLevel level, std::string_view module, std::string_view text) {
    gCounts[static_cast<std::size_t>(level)].fetch_add(1);
    if (static_cast<int>(level) < gMinLevel.load()) {
        return;
    }
    std::lock_guard lock(gMutex);
    if (gSink) {
        gSink(level, module, text);
        return;
    }
    std::fprintf(stderr, "[%s] %.*s: %.*s\n", logLevelName(level), static_cast<int>(module.size()),
                 module.data(), static_cast<int>(text.size()), text.data());
}

LogSink setLogSink(LogSink sink) {
    std::lock_guard lock(gMutex);
    LogSink old = std::move(gSink);
    gSink = std::move(sink);
    return old;
}

void setMinLogLevel(LogLevel level) {
    gMinLevel.store(static_cast<int>(level));
}

std::size_t logCount(LogLevel level) {
    return gCounts[static_cast<std::size_t>(level)].load();
}

void resetLogCounts() {
    for (auto& c : gCounts) {
        c.store(0);
    }
}

} // namespace kiln::core
