// Logging for every module: one line per message, "[level] module: text", to stderr or a sink.
// Does NOT format with std::format (not in g++ 12); callers build the text. Thread-safe.
// Tests install a sink to capture messages and count warnings and errors.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace kiln::core {

enum class LogLevel { Debug, Info, Warning, Error };

using LogSink = std::function<void(LogLevel, std::string_view module, std::string_view text)>;

// Writes one message. Messages below the minimum level are dropped.
void log(LogLevel level, std::string_view module, std::string_view text);

inline void logDebug(std::string_view module, std::string_view text) {
    log(LogLevel::Debug, module, text);
}
inline void logInfo(std::string_view module, std::string_view text) {
    log(LogLevel::Info, module, text);
}
inline void logWarning(std::string_view module, std::string_view text) {
    log(LogLevel::Warning, module, text);
}
inline void logError(std::string_view module, std::string_view text) {
    log(LogLevel::Error, module, text);
}

// Replaces the sink (stderr by default); an empty function restores stderr. Returns the old sink.
LogSink setLogSink(LogSink sink);
void setMinLogLevel(LogLevel level);
const char* logLevelName(LogLevel level);

// Messages of each level written since start (or the last reset), for tests and soak checks.
std::size_t logCount(LogLevel level);
void resetLogCounts();

} // namespace kiln::core
