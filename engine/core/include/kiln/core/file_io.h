// Whole-file reads and atomic writes. Errors name the file and the reason (errno text).
// Does NOT watch files or parse them; parsers live in the modules that own the format.
#pragma once

#include "kiln/core/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::core {

Result<std::string> readTextFile(const std::filesystem::path& path);
Result<std::vector<std::uint8_t>> readBinaryFile(const std::filesystem::path& path);

// Writes to "<path>.tmp" then renames over path, so a reader never sees a half-written file.
Status writeFileAtomic(const std::filesystem::path& path, std::string_view bytes);

// 1-based line and column of a byte offset in text, for error messages ("file:line:col").
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition textPositionOf(std::string_view text, std::size_t byteOffset);

// Best-effort line of a dotted field path ("camera.pitchDeg") in JSON text, for error messages
// (JSON libraries keep no positions): finds each key in turn after the previous one, so a
// missing leaf reports the line of its parent. 0 when not even the first key is found.
int lineOfJsonPath(std::string_view text, std::string_view dottedPath);

} // namespace kiln::core
