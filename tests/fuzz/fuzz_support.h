// Shared pieces of the fuzz targets: a private scratch folder (under /dev/shm when there is one)
// for parsers that only read files, and a silent log so that libFuzzer's output stays readable
// and each run stays fast. Does NOT judge results: a target fails only by crashing.
#pragma once

#include "kiln/core/log.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace kiln::fuzz {

// A folder of this process, made on first use and removed at a normal exit. libFuzzer ends with
// _Exit, which skips that, so tools/fuzz.sh points KILN_FUZZ_SCRATCH at a folder it removes.
inline const std::filesystem::path& scratchDir() {
    static const std::filesystem::path dir = [] {
        std::error_code ec;
        std::filesystem::path base = "/dev/shm";
        if (const char* chosen = std::getenv("KILN_FUZZ_SCRATCH"); chosen != nullptr) {
            base = chosen;
        } else if (!std::filesystem::is_directory(base, ec)) {
            base = std::filesystem::temp_directory_path();
        }
        std::filesystem::path made = base / ("kilnfire-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(made, ec);
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(scratchDir(), ignored);
        });
        return made;
    }();
    return dir;
}

inline void writeFile(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Drops every log message: the loaders log each finding, and a fuzzer makes millions of them.
inline void silenceLog() {
    core::setLogSink([](core::LogLevel, std::string_view, std::string_view) {});
}

} // namespace kiln::fuzz
