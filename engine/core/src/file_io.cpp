// File I/O with errors that say which file and why.
#include "kiln/core/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <system_error>

namespace kiln::core {
namespace {

Error ioError(const std::filesystem::path& path, const char* what) {
    return Error{path.string() + ": " + what + ": " + std::strerror(errno)};
}

template <typename Container> Result<Container> readAll(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        return Error{path.string() + ": cannot read: is a directory"};
    }
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
        return ioError(path, "cannot open");
    }
    Container data;
    char buffer[65536];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
        data.insert(data.end(), buffer, buffer + n);
    }
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) {
        return ioError(path, "read failed");
    }
    return data;
}

} // namespace

Result<std::string> readTextFile(const std::filesystem::path& path) {
    return readAll<std::string>(path);
}

Result<std::vector<std::uint8_t>> readBinaryFile(const std::filesystem::path& path) {
    return readAll<std::vector<std::uint8_t>>(path);
}

Status writeFileAtomic(const std::filesystem::path& path, std::string_view bytes) {
    const std::filesystem::path tmp = path.string() + ".tmp";
    std::FILE* file = std::fopen(tmp.c_str(), "wb");
    if (file == nullptr) {
        return ioError(tmp, "cannot create");
    }
    const bool wrote = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    const bool closed = std::fclose(file) == 0;
    if (!wrote || !closed) {
        Error err = ioError(tmp, "write failed");
        std::remove(tmp.c_str());
        return err;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        return Error{path.string() + ": cannot replace: " + ec.message()};
    }
    return {};
}

TextPosition textPositionOf(std::string_view text, std::size_t byteOffset) {
    TextPosition pos;
    const std::size_t end = byteOffset < text.size() ? byteOffset : text.size();
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++pos.column; // count code points, not UTF-8 continuation bytes
        }
    }
    return pos;
}

int lineOfJsonPath(std::string_view text, std::string_view dottedPath) {
    std::size_t from = 0;
    int line = 0;
    while (!dottedPath.empty()) {
        const std::size_t dot = dottedPath.find('.');
        std::string_view key = dottedPath.substr(0, dot);
        if (const std::size_t bracket = key.find('['); bracket != std::string_view::npos) {
            key = key.substr(0, bracket); // "rows[3]" is looked up as "rows"
        }
        std::string quoted(1, '"');
        quoted.append(key).push_back('"');
        const std::size_t at = text.find(quoted, from);
        if (at == std::string_view::npos) {
            break;
        }
        line = textPositionOf(text, at).line;
        from = at + quoted.size();
        dottedPath =
                dot == std::string_view::npos ? std::string_view() : dottedPath.substr(dot + 1);
    }
    return line;
}

} // namespace kiln::core
