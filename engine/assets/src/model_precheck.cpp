// Pre-import checks of model files (see model_precheck.h). Only headers and glTF JSON are read;
// every number from the file is treated as hostile (64-bit arithmetic, bounded before use).
#include "model_precheck.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <sstream>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace kiln::assets::detail {
namespace {

using Json = nlohmann::json;

// Counts above this cannot be real (2^40 elements of one byte is a terabyte) and would overflow
// the 64-bit byte arithmetic below.
constexpr std::uint64_t kAbsurdCount = std::uint64_t{1} << 40;

std::string join(std::initializer_list<std::string_view> parts) {
    std::string text;
    for (std::string_view part : parts) {
        text.append(part);
    }
    return text;
}

std::string num(std::uint64_t value) {
    return std::to_string(value);
}

core::Error fail(const std::string& file, std::initializer_list<std::string_view> parts) {
    std::string text = file;
    text.append(": ");
    for (std::string_view part : parts) {
        text.append(part);
    }
    return core::Error{std::move(text)};
}

std::string lowerExtension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

std::optional<std::vector<char>> readPrefix(const std::filesystem::path& path, std::size_t max) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::vector<char> bytes(max);
    in.read(bytes.data(), static_cast<std::streamsize>(max));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

std::uint32_t readU32(const std::vector<char>& bytes, std::size_t at) {
    std::uint32_t value = 0;
    std::memcpy(&value, bytes.data() + at, sizeof value); // GLB and STL are little-endian
    return value;
}

core::Status limitCheck(const std::string& file, std::uint64_t vertices, std::uint64_t triangles) {
    if (vertices > kMaxVertices) {
        return fail(file, {"the model declares ", num(vertices),
                           " vertices, more than the limit of ", num(kMaxVertices),
                           "; decimate it (for example in MeshLab) before using it in a scene"});
    }
    if (triangles > kMaxTriangles) {
        return fail(file, {"the model declares ", num(triangles),
                           " triangles, more than the limit of ", num(kMaxTriangles),
                           "; decimate it (for example in MeshLab) before using it in a scene"});
    }
    return {};
}

// [SECTION] glTF

std::optional<std::uint64_t> uintField(const Json& object, const char* key) {
    if (!object.is_object()) {
        return std::nullopt;
    }
    auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer() || it->get<std::int64_t>() < 0) {
        return std::nullopt;
    }
    return it->get<std::uint64_t>();
}

const Json* arrayField(const Json& object, const char* key) {
    if (!object.is_object()) {
        return nullptr;
    }
    auto it = object.find(key);
    return it != object.end() && it->is_array() ? &*it : nullptr;
}

std::uint64_t componentBytes(std::uint64_t componentType) {
    switch (componentType) {
        case 5120: // BYTE
        case 5121: // UNSIGNED_BYTE
            return 1;
        case 5122: // SHORT
        case 5123: // UNSIGNED_SHORT
            return 2;
        case 5125: // UNSIGNED_INT
        case 5126: // FLOAT
            return 4;
        default:
            return 0;
    }
}

std::uint64_t typeComponents(const Json& accessor) {
    auto it = accessor.find("type");
    if (it == accessor.end() || !it->is_string()) {
        return 0;
    }
    const std::string& type = it->get_ref<const std::string&>();
    static const std::array<std::pair<const char*, std::uint64_t>, 7> kTypes = {{{"SCALAR", 1},
                                                                                 {"VEC2", 2},
                                                                                 {"VEC3", 3},
                                                                                 {"VEC4", 4},
                                                                                 {"MAT2", 4},
                                                                                 {"MAT3", 9},
                                                                                 {"MAT4", 16}}};
    for (const auto& [name, components] : kTypes) {
        if (type == name) {
            return components;
        }
    }
    return 0;
}

std::string percentDecode(const std::string& uri) {
    std::string out;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '%' && i + 2 < uri.size()) {
            const std::string hex = uri.substr(i + 1, 2);
            char* end = nullptr;
            const long value = std::strtol(hex.c_str(), &end, 16);
            if (end == hex.c_str() + 2) {
                out.push_back(static_cast<char>(value));
                i += 2;
                continue;
            }
        }
        out.push_back(uri[i]);
    }
    return out;
}

// Buffers: external files must exist and be as long as byteLength says; the GLB BIN chunk too.
core::Status checkBuffers(const std::string& file, const Json& doc,
                          const std::filesystem::path& dir, std::optional<std::uint64_t> glbBin) {
    const Json* buffers = arrayField(doc, "buffers");
    if (buffers == nullptr) {
        return {};
    }
    for (std::size_t i = 0; i < buffers->size(); ++i) {
        const Json& buffer = (*buffers)[i];
        const std::string label = join({"buffers[", num(i), "]"});
        const auto byteLength = uintField(buffer, "byteLength");
        if (!byteLength) {
            return fail(file, {label, " has no valid byteLength"});
        }
        auto uri = buffer.is_object() ? buffer.find("uri") : buffer.end();
        if (!buffer.is_object() || uri == buffer.end()) {
            if (i == 0 && glbBin && *glbBin < *byteLength) {
                return fail(file,
                            {"buffer is truncated: ", label, ".byteLength is ", num(*byteLength),
                             " bytes but the GLB BIN chunk holds only ", num(*glbBin)});
            }
            continue;
        }
        if (!uri->is_string()) {
            return fail(file, {label, ".uri is not a string"});
        }
        const std::string& text = uri->get_ref<const std::string&>();
        if (text.rfind("data:", 0) == 0) {
            continue; // Assimp decodes data: URIs and compares their length itself
        }
        const std::filesystem::path external = dir / percentDecode(text);
        std::error_code ec;
        if (!std::filesystem::is_regular_file(external, ec)) {
            return fail(file, {"external buffer '", text, "' (", label,
                               ") is missing; it must lie next to the .gltf file"});
        }
        const std::uint64_t size = std::filesystem::file_size(external, ec);
        if (ec || size < *byteLength) {
            return fail(file, {"external buffer '", text, "' is truncated: byteLength is ",
                               num(*byteLength), " bytes but the file holds only ", num(size)});
        }
    }
    return {};
}

// Images: a media type must be "type/subtype". Assimp's glTF 2 importer takes the part after the
// '/' of an embedded image's media type (from a data: URI or the image's mimeType) as the file
// extension without checking that there is one, and reads through a null pointer when there is
// not (found by fuzzing: "data:image'png;base64,...").
core::Status checkImages(const std::string& file, const Json& doc) {
    const Json* images = arrayField(doc, "images");
    if (images == nullptr) {
        return {};
    }
    for (std::size_t i = 0; i < images->size(); ++i) {
        const Json& image = (*images)[i];
        if (!image.is_object()) {
            continue;
        }
        // Both places are checked: which of them Assimp reads depends on where the image is.
        std::vector<std::pair<std::string, std::string>> types; // (where, media type)
        const auto uri = image.find("uri");
        if (uri != image.end() && uri->is_string() &&
            uri->get_ref<const std::string&>().rfind("data:", 0) == 0) {
            const std::string& text = uri->get_ref<const std::string&>();
            const std::size_t end = text.find_first_of(";,", 5);
            types.emplace_back(
                    ".uri's data: media type",
                    text.substr(5, end == std::string::npos ? std::string::npos : end - 5));
        }
        const auto mime = image.find("mimeType");
        if (mime != image.end() && mime->is_string()) {
            types.emplace_back(".mimeType", mime->get<std::string>());
        }
        for (const auto& [where, mediaType] : types) {
            if (!mediaType.empty() && mediaType.find('/') == std::string::npos) {
                return fail(file, {"images[", num(i), "]", where, " '", mediaType,
                                   "' is not of the form type/subtype (e.g. image/png)"});
            }
        }
    }
    return {};
}

// bufferViews inside their buffers, accessors inside their bufferViews, all in 64-bit numbers.
core::Status checkViewsAndAccessors(const std::string& file, const Json& doc) {
    static const Json kEmpty = Json::array();
    const Json* buffers = arrayField(doc, "buffers");
    const Json* views = arrayField(doc, "bufferViews");
    const Json& bufferList = buffers != nullptr ? *buffers : kEmpty;
    const Json& viewList = views != nullptr ? *views : kEmpty;
    for (std::size_t i = 0; i < viewList.size(); ++i) {
        const Json& view = viewList[i];
        const auto buffer = uintField(view, "buffer");
        const auto length = uintField(view, "byteLength");
        const std::uint64_t offset = uintField(view, "byteOffset").value_or(0);
        if (!buffer || *buffer >= bufferList.size() || !length) {
            return fail(file, {"bufferViews[", num(i), "] names no valid buffer or byteLength"});
        }
        const std::uint64_t bufferLength =
                uintField(bufferList[static_cast<std::size_t>(*buffer)], "byteLength").value_or(0);
        if (offset > kAbsurdCount || *length > kAbsurdCount || offset + *length > bufferLength) {
            return fail(file, {"bufferViews[", num(i), "] (bytes ", num(offset), " to ",
                               num(offset + *length), ") runs past the end of buffers[",
                               num(*buffer), "] (", num(bufferLength), " bytes)"});
        }
    }
    const Json* accessors = arrayField(doc, "accessors");
    if (accessors == nullptr) {
        return {};
    }
    for (std::size_t i = 0; i < accessors->size(); ++i) {
        const Json& accessor = (*accessors)[i];
        const std::string label = join({"accessors[", num(i), "]"});
        const auto count = uintField(accessor, "count");
        const std::uint64_t elementBytes =
                componentBytes(uintField(accessor, "componentType").value_or(0)) *
                (accessor.is_object() ? typeComponents(accessor) : 0);
        if (!count || *count == 0 || elementBytes == 0) {
            return fail(file, {label, " has no valid count, componentType or type"});
        }
        if (*count > kAbsurdCount) {
            return fail(file, {label, " declares ", num(*count),
                               " elements, far more than any real model"});
        }
        const auto viewIndex = uintField(accessor, "bufferView");
        if (!viewIndex) {
            continue; // all zeros by the spec (or sparse); the vertex limit bounds it
        }
        if (*viewIndex >= viewList.size()) {
            return fail(file,
                        {label, " names bufferViews[", num(*viewIndex), "], which does not exist"});
        }
        const Json& view = viewList[static_cast<std::size_t>(*viewIndex)];
        const std::uint64_t viewLength = uintField(view, "byteLength").value_or(0);
        const std::uint64_t stride = uintField(view, "byteStride").value_or(elementBytes);
        const std::uint64_t offset = uintField(accessor, "byteOffset").value_or(0);
        const std::uint64_t needed =
                offset + std::max(stride, elementBytes) * (*count - 1) + elementBytes;
        if (offset > kAbsurdCount || stride > 255 || needed > viewLength) {
            return fail(file, {label, " (", num(*count), " elements from byte ", num(offset),
                               ") needs ", num(needed), " bytes but bufferViews[", num(*viewIndex),
                               "] holds only ", num(viewLength), " (truncated or corrupt file)"});
        }
    }
    return {};
}

// Vertices and triangles the meshes declare, for the limits and the dropped-triangle count.
core::Result<PrecheckInfo> checkMeshes(const std::string& file, const Json& doc) {
    PrecheckInfo info;
    const Json* meshes = arrayField(doc, "meshes");
    const Json* accessors = arrayField(doc, "accessors");
    if (meshes == nullptr || accessors == nullptr) {
        return info;
    }
    auto countOf = [&](std::optional<std::uint64_t> index) -> std::uint64_t {
        if (!index || *index >= accessors->size()) {
            return 0;
        }
        return uintField((*accessors)[static_cast<std::size_t>(*index)], "count").value_or(0);
    };
    std::uint64_t vertices = 0;
    for (const Json& mesh : *meshes) {
        const Json* primitives = arrayField(mesh, "primitives");
        if (primitives == nullptr) {
            continue;
        }
        for (const Json& primitive : *primitives) {
            if (!primitive.is_object()) {
                continue;
            }
            auto attributes = primitive.find("attributes");
            const std::uint64_t positions =
                    attributes != primitive.end() ? countOf(uintField(*attributes, "POSITION")) : 0;
            vertices += positions;
            const auto indices = uintField(primitive, "indices");
            const std::uint64_t corners = indices ? countOf(indices) : positions;
            const std::uint64_t mode = uintField(primitive, "mode").value_or(4);
            if (mode == 2 && indices) {
                // Assimp 5.2.5's glTF reader dereferences null on an indexed line loop whose
                // indices run past the vertices (tests/fuzz/regressions/model_glb); lines are
                // never drawn, so such a primitive is refused rather than risked.
                return fail(file, {"a mesh primitive is an indexed line loop (mode 2), which "
                                   "Kilnfire does not read; export the model as triangles"});
            }
            if (mode == 4) {
                info.declaredTriangles += corners / 3;
            } else if ((mode == 5 || mode == 6) && corners >= 3) {
                info.declaredTriangles += corners - 2;
            }
        }
    }
    if (core::Status limits = limitCheck(file, vertices, info.declaredTriangles); !limits) {
        return limits.error();
    }
    return info;
}

core::Result<PrecheckInfo> checkGltf(const std::filesystem::path& path, const std::string& file) {
    std::error_code ec;
    const std::uint64_t size = std::filesystem::file_size(path, ec);
    if (ec) {
        return fail(file, {"cannot read the file size: ", ec.message()});
    }
    const bool binary = lowerExtension(path) == ".glb";
    auto bytes = readPrefix(
            path, static_cast<std::size_t>(binary ? std::min<std::uint64_t>(size, 20) : size));
    if (!bytes) {
        return fail(file, {"cannot open the file"});
    }
    std::string jsonText;
    std::optional<std::uint64_t> glbBin;
    if (binary) {
        if (size < 20) {
            return fail(file, {"GLB header is corrupt: the file has ", num(size),
                               " bytes, fewer than a GLB header (20)"});
        }
        if (std::memcmp(bytes->data(), "glTF", 4) != 0) {
            return fail(file, {"GLB header is corrupt: the file does not start with 'glTF'"});
        }
        const std::uint32_t version = readU32(*bytes, 4);
        const std::uint64_t length = readU32(*bytes, 8);
        const std::uint64_t jsonLength = readU32(*bytes, 12);
        if (version != 2) {
            return fail(file, {"GLB header says version ", num(version),
                               "; only glTF 2.0 binaries are supported"});
        }
        if (length > size) {
            return fail(file, {"GLB is truncated: the header says ", num(length),
                               " bytes but the file holds only ", num(size)});
        }
        if (readU32(*bytes, 16) != 0x4E4F534Au || 20 + jsonLength > length) {
            return fail(file, {"GLB header is corrupt: the JSON chunk (", num(jsonLength),
                               " bytes) does not fit in the file (", num(length), " bytes)"});
        }
        std::ifstream in(path, std::ios::binary);
        jsonText.resize(static_cast<std::size_t>(jsonLength));
        in.seekg(20);
        in.read(jsonText.data(), static_cast<std::streamsize>(jsonLength));
        const std::uint64_t binAt = 20 + ((jsonLength + 3) / 4) * 4;
        if (binAt + 8 <= length) {
            std::vector<char> chunk(8);
            in.seekg(static_cast<std::streamoff>(binAt));
            in.read(chunk.data(), 8);
            const std::uint64_t binLength = readU32(chunk, 0);
            if (binAt + 8 + binLength > length) {
                return fail(file, {"GLB is truncated: the BIN chunk (", num(binLength),
                                   " bytes) runs past the end of the file"});
            }
            glbBin = binLength;
        }
        if (!in) {
            return fail(file, {"cannot read the GLB chunks"});
        }
    } else {
        jsonText.assign(bytes->begin(), bytes->end());
    }
    Json doc;
    try {
        doc = Json::parse(jsonText);
    } catch (const Json::exception& e) {
        // nlohmann's message names the line and column of the first error.
        return fail(file, {"glTF JSON is invalid: ", e.what()});
    }
    if (!doc.is_object()) {
        return fail(file, {"glTF JSON is not an object"});
    }
    if (core::Status status = checkBuffers(file, doc, path.parent_path(), glbBin); !status) {
        return status.error();
    }
    if (core::Status status = checkViewsAndAccessors(file, doc); !status) {
        return status.error();
    }
    if (core::Status status = checkImages(file, doc); !status) {
        return status.error();
    }
    return checkMeshes(file, doc);
}

// [SECTION] PLY and STL headers

// Bytes of one PLY scalar type in a binary body; 0 for a name that is not a PLY type.
std::uint64_t plyTypeBytes(const std::string& type) {
    if (type == "char" || type == "uchar" || type == "int8" || type == "uint8") {
        return 1;
    }
    if (type == "short" || type == "ushort" || type == "int16" || type == "uint16") {
        return 2;
    }
    if (type == "int" || type == "uint" || type == "float" || type == "int32" || type == "uint32" ||
        type == "float32") {
        return 4;
    }
    if (type == "double" || type == "float64") {
        return 8;
    }
    return 0;
}

// An element or property name: a letter or underscore, then letters, digits, '_' or '-'.
bool isPlyName(const std::string& name) {
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-';
    });
}

// An element count: decimal digits only, at most 19 of them (fits in 64 bits).
bool isPlyCount(const std::string& text) {
    return !text.empty() && text.size() <= 19 && std::all_of(text.begin(), text.end(), [](char ch) {
        return std::isdigit(static_cast<unsigned char>(ch));
    });
}

// Offset of the end_header line that ends a PLY header: the keyword at the very start of a
// line, followed by nothing but spaces or tabs up to the line's end (or the file's end); npos
// when no line has it. Stricter than the PLY readers in the wild on purpose: Assimp 5.2.5 hangs
// when our check sees an end_header that its own tokenizer does not (a vertical tab after the
// keyword, spaces before it: tests/fuzz/regressions/model_ply), and no exporter writes either.
std::size_t findPlyEndHeader(const std::string& head) {
    constexpr std::string_view kKeyword = "end_header";
    for (std::size_t line = 0; line < head.size();) {
        if (head.compare(line, kKeyword.size(), kKeyword) == 0) {
            std::size_t after = line + kKeyword.size();
            while (after < head.size() && (head[after] == ' ' || head[after] == '\t')) {
                ++after;
            }
            if (after == head.size() || head[after] == '\n' || head[after] == '\r') {
                return line;
            }
        }
        const std::size_t newline = head.find('\n', line);
        if (newline == std::string::npos) {
            break;
        }
        line = newline + 1;
    }
    return std::string::npos;
}

// The first byte of the header (before end_header) that is neither printable ASCII nor a
// space, tab, CR or LF; npos when there is none. A PLY header is text (the spec), and control
// bytes in it drive Assimp's header tokenizer into states it never leaves.
std::size_t findPlyHeaderControlByte(const std::string& head, std::size_t end) {
    for (std::size_t i = 0; i < end; ++i) {
        const auto ch = static_cast<unsigned char>(head[i]);
        const bool text = (ch >= 0x20 && ch < 0x7f) || ch == '\n' || ch == '\r' || ch == '\t';
        if (!text) {
            return i;
        }
    }
    return std::string::npos;
}

// An ASCII PLY body with list properties. Assimp 5.2.5 allocates whatever an ASCII list count
// says, and its reading of a malformed body can take almost any number in it as a count (fuzzing
// found five such files, tests/fuzz/regressions/model_ply: a uchar count of 21474836470 asked for
// 34 GB; a count after a short line, after a blank line, followed by a quote, or the integer part
// of a decimal). So any number whose integer part is larger than both 65,535 and what the rest of
// the file could hold as list items (each at least a digit and a separator) is refused wherever
// it stands, with its line; a count up to 65,535 costs at most half a megabyte. A NUL byte is
// refused too: an ASCII body is text. The price: a coordinate whose integer part is that large
// (a georeferenced northing near the end of a small file) would be refused.
core::Status checkPlyAsciiBody(const std::string& file, const std::string& body) {
    if (const std::size_t nul = body.find('\0'); nul != std::string::npos) {
        const auto line = 1 + std::count(body.begin(), body.begin() + static_cast<long>(nul), '\n');
        return fail(file, {"PLY body line ", num(static_cast<std::uint64_t>(line)),
                           " (after the header) holds a NUL byte; an ASCII PLY body is text "
                           "(corrupt file)"});
    }
    std::size_t pos = 0;
    while (pos < body.size()) {
        while (pos < body.size() && std::isspace(static_cast<unsigned char>(body[pos]))) {
            ++pos;
        }
        const std::size_t start = pos;
        while (pos < body.size() && !std::isspace(static_cast<unsigned char>(body[pos]))) {
            ++pos;
        }
        std::size_t at = start;
        if (at < pos && (body[at] == '-' || body[at] == '+')) {
            ++at;
        }
        std::size_t digits = at;
        while (digits < pos && body[digits] >= '0' && body[digits] <= '9') {
            ++digits;
        }
        if (digits == at) {
            continue; // no leading digits: never a count
        }
        // The leading digits, as Assimp reads a count ("214444.5" and "214444'2" count 214444).
        const std::string value = body.substr(at, digits - at);
        const std::uint64_t n = value.size() > 19 ? ~std::uint64_t{0} : std::stoull(value);
        const std::uint64_t remaining = body.size() - pos;
        if (n > remaining / 2 + 1 && n > 65535) {
            const auto line =
                    1 + std::count(body.begin(), body.begin() + static_cast<long>(start), '\n');
            return fail(file, {"PLY body line ", num(static_cast<std::uint64_t>(line)),
                               " (after the header) holds the integer ",
                               body.substr(start, digits - start),
                               ", larger than any list the rest of the file could hold (",
                               num(remaining), " bytes); corrupt file"});
        }
    }
    return {};
}

// A PLY header is a promise of element counts; the body must be long enough to keep it.
core::Status checkPly(const std::filesystem::path& path, const std::string& file) {
    std::error_code ec;
    const std::uint64_t size = std::filesystem::file_size(path, ec);
    auto bytes = readPrefix(path, 64 * 1024);
    if (ec || !bytes) {
        return fail(file, {"cannot open the file"});
    }
    const std::string head(bytes->begin(), bytes->end());
    // A .ply file is read as PLY whatever it holds, so it must start as the format says: the
    // line "ply". Assimp 5.2.5 also takes a file whose "ply" comes later (after a blank line,
    // say), and then never returns (tests/fuzz/regressions/model_ply).
    const bool magic = head.rfind("ply\n", 0) == 0 || head.rfind("ply\r\n", 0) == 0 ||
                       head.rfind("PLY\n", 0) == 0 || head.rfind("PLY\r\n", 0) == 0;
    if (!magic) {
        return fail(file, {"not a PLY file: it must start with the line 'ply'"});
    }
    // Assimp 5.2.5 never returns (and grows without bound) on a header without a line that
    // starts with end_header (tests/fuzz/regressions/model_ply), so such a file stops here.
    const std::size_t end = findPlyEndHeader(head);
    if (end == std::string::npos) {
        return fail(file, {"PLY header has no end_header line in its first 64 KiB (truncated or "
                           "corrupt)"});
    }
    if (const std::size_t bad = findPlyHeaderControlByte(head, end); bad != std::string::npos) {
        const auto line = 1 + std::count(head.begin(), head.begin() + static_cast<long>(bad), '\n');
        return fail(file,
                    {"PLY header line ", num(static_cast<std::uint64_t>(line)),
                     " holds a control byte (code ", num(static_cast<unsigned char>(head[bad])),
                     "); a PLY header is plain text (corrupt file)"});
    }
    const std::size_t bodyAt = head.find('\n', end);
    const std::uint64_t body = bodyAt == std::string::npos ? 0 : size - (bodyAt + 1);
    // The header's grammar, strictly (the PLY format's own: paulbourke.net/dataformats/ply and
    // the RPly reader): one format line before any element; element NAME COUNT; property TYPE
    // NAME or property list TYPE TYPE NAME after an element; comment and obj_info lines; blank
    // lines. Anything else is refused with its line number: every hang and out-of-memory
    // libFuzzer found in Assimp's PLY reader came through a header it read differently from
    // us (an element named "2147483647face", a second "ply" line, an element without
    // properties whose count Assimp allocates).
    std::istringstream lines(head.substr(0, end));
    std::string line;
    std::size_t lineNumber = 0;
    bool ascii = true;
    bool formatSeen = false;
    std::string element;
    std::vector<std::string> elements;
    bool lists = false;
    std::uint64_t needed = 0;
    std::uint64_t count = 0;
    std::uint64_t itemBytes = 0;
    std::uint64_t vertices = 0;
    std::uint64_t faces = 0;
    auto bad = [&](std::string_view why) {
        return fail(file, {"PLY header line ", num(lineNumber), " ", why, ": '", line, "'"});
    };
    auto closeElement = [&]() -> bool {
        if (!element.empty() && itemBytes == 0 && count > 0) {
            return false;
        }
        needed += count * itemBytes;
        count = 0;
        itemBytes = 0;
        return true;
    };
    while (std::getline(lines, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (lineNumber == 1) {
            continue; // "ply", checked above
        }
        std::istringstream words(line);
        std::vector<std::string> word;
        for (std::string w; words >> w;) {
            word.push_back(std::move(w));
        }
        if (word.empty() || word[0] == "comment" || word[0] == "obj_info") {
            continue;
        }
        if (word[0] == "format") {
            if (formatSeen || !elements.empty()) {
                return bad("repeats the format or comes after an element");
            }
            if (word.size() != 3 || (word[1] != "ascii" && word[1] != "binary_little_endian" &&
                                     word[1] != "binary_big_endian")) {
                return bad("is not 'format ascii|binary_little_endian|binary_big_endian 1.0'");
            }
            formatSeen = true;
            ascii = word[1] == "ascii";
        } else if (word[0] == "element") {
            if (!closeElement()) {
                return bad("starts an element after one without properties");
            }
            if (!formatSeen) {
                return bad("comes before the format line");
            }
            if (word.size() != 3 || !isPlyName(word[1]) || !isPlyCount(word[2])) {
                return bad("is not 'element NAME COUNT'");
            }
            if (std::find(elements.begin(), elements.end(), word[1]) != elements.end()) {
                return bad("declares an element a second time");
            }
            count = std::stoull(word[2]);
            if (count > kAbsurdCount) {
                return bad("declares an absurd count");
            }
            element = word[1];
            elements.push_back(element);
            if (element == "vertex") {
                vertices = count;
            } else if (element == "face") {
                faces = count;
            }
        } else if (word[0] == "property") {
            if (element.empty()) {
                return bad("declares a property before any element");
            }
            const bool list = word.size() == 5 && word[1] == "list";
            const bool scalar = word.size() == 3 && word[1] != "list";
            if (!list && !scalar) {
                return bad("is not 'property TYPE NAME' or 'property list TYPE TYPE NAME'");
            }
            // A list holds at least its count; ascii: at least a digit and a separator.
            const std::uint64_t typeBytes = plyTypeBytes(word[list ? 2 : 1]);
            if (typeBytes == 0 || (list && plyTypeBytes(word[3]) == 0) || !isPlyName(word.back())) {
                return bad("names an unknown type or a bad property name");
            }
            itemBytes += ascii ? 2 : typeBytes;
            lists = lists || list;
        } else {
            return bad("has an unknown keyword");
        }
    }
    if (!formatSeen) {
        return fail(file, {"PLY header has no format line"});
    }
    if (!closeElement()) {
        return fail(file, {"PLY header: element '", element, "' has no properties"});
    }
    if (needed > body) {
        return fail(file, {"PLY header declares ", num(vertices), " vertices and ", num(faces),
                           " faces, which need at least ", num(needed),
                           " bytes, but the file holds only ", num(body),
                           " after the header (truncated or corrupt)"});
    }
    if (core::Status limits = limitCheck(file, vertices, faces); !limits) {
        return limits;
    }
    if (ascii && lists && bodyAt != std::string::npos) {
        std::ifstream in(path, std::ios::binary);
        in.seekg(static_cast<std::streamoff>(bodyAt + 1));
        const std::string text((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        return checkPlyAsciiBody(file, text);
    }
    return {};
}

// Binary STL: an 80-byte header, a triangle count, then 50 bytes a triangle.
core::Status checkStl(const std::filesystem::path& path, const std::string& file) {
    std::error_code ec;
    const std::uint64_t size = std::filesystem::file_size(path, ec);
    auto bytes = readPrefix(path, 84);
    if (ec || !bytes) {
        return fail(file, {"cannot open the file"});
    }
    if (bytes->size() < 84 || std::string_view(bytes->data(), 5) == "solid") {
        return {}; // ASCII STL (or too short for binary): Assimp parses and reports it
    }
    const std::uint64_t triangles = readU32(*bytes, 80);
    if (84 + 50 * triangles > size) {
        return fail(file, {"binary STL header declares ", num(triangles), " triangles, which need ",
                           num(84 + 50 * triangles), " bytes, but the file holds only ", num(size),
                           " (truncated or corrupt)"});
    }
    return limitCheck(file, 3 * triangles, triangles);
}

// [SECTION] Binary FBX

// The binary FBX layout (the format as Blender's and Assimp's readers read it): a 27-byte header,
// "Kaydara FBX Binary  \0\x1a\0" and a u32 version; then node records, each: the offset of its
// end, its property count and property list length (u64 from version 7500, else u32), a name
// length byte and the name, the properties, then nested records up to its end; a record of
// zeros ends a list. Assimp 5.2.5 aborts the process (an ai_assert in FBXBinaryTokenizer.cpp)
// when an end offset points back before the file (tests/fuzz/regressions/model_fbx), so every
// offset and length is checked here against the record that holds it first.
constexpr std::string_view kFbxBinaryMagic{"Kaydara FBX Binary  \0\x1a\0", 23};

struct FbxWalk {
    const std::vector<char>& bytes;
    bool wide = false; // 64-bit record headers (version 7500 and later)
    std::uint64_t word(std::uint64_t at) const {
        std::uint64_t value = 0;
        std::memcpy(&value, bytes.data() + at, wide ? 8 : 4); // little-endian
        return value;
    }
    std::uint32_t u32(std::uint64_t at) const {
        std::uint32_t value = 0;
        std::memcpy(&value, bytes.data() + at, 4);
        return value;
    }
};

// Checks the properties of one record: [at, end) must hold exactly what their types say.
std::string checkFbxProperties(const FbxWalk& w, std::uint64_t at, std::uint64_t end,
                               std::uint64_t count) {
    for (std::uint64_t i = 0; i < count; ++i) {
        if (at >= end) {
            return "property " + num(i) + " of " + num(count) + " lies past the list's end";
        }
        const char type = w.bytes[at++];
        std::uint64_t size = 0;
        switch (type) {
            case 'C':
                size = 1;
                break;
            case 'Y':
                size = 2;
                break;
            case 'I':
            case 'F':
                size = 4;
                break;
            case 'D':
            case 'L':
                size = 8;
                break;
            case 'S':
            case 'R':
                if (end - at < 4) {
                    return "a string property's length runs past the list";
                }
                size = 4 + std::uint64_t{w.u32(at)};
                break;
            case 'f':
            case 'i':
            case 'd':
            case 'l':
            case 'b':
            case 'c': // bytes (booleans), as the FBX SDK writes some arrays
                if (end - at < 12) {
                    return "an array property's header runs past the list";
                }
                size = 12 + std::uint64_t{w.u32(at + 8)}; // length, encoding, stored bytes
                break;
            default:
                return "a property has the unknown type code " +
                       num(static_cast<unsigned char>(type));
        }
        if (size > end - at) {
            return "a property of type '" + std::string(1, type) + "' runs past the list";
        }
        at += size;
    }
    return {};
}

// Checks the records from pos up to end (a list, ended by a zero record or by end itself).
std::string checkFbxRecords(const FbxWalk& w, std::uint64_t pos, std::uint64_t end, int depth) {
    const std::uint64_t header = w.wide ? 25 : 13;
    while (pos < end) {
        if (end - pos < header) {
            return "the record at byte " + num(pos) + " is cut off";
        }
        const std::uint64_t recordEnd = w.word(pos);
        const std::uint64_t count = w.word(pos + (w.wide ? 8 : 4));
        const std::uint64_t listLength = w.word(pos + (w.wide ? 16 : 8));
        const std::uint64_t nameLength = static_cast<unsigned char>(w.bytes[pos + header - 1]);
        if (recordEnd == 0) {
            return {}; // a zero record: the end of this list
        }
        if (recordEnd <= pos + header || recordEnd > end) {
            return "the record at byte " + num(pos) + " says it ends at byte " + num(recordEnd) +
                   ", outside " + num(pos + header) + "-" + num(end);
        }
        const std::uint64_t properties = pos + header + nameLength;
        if (properties > recordEnd || listLength > recordEnd - properties) {
            return "the record at byte " + num(pos) +
                   " has a name or properties longer than itself";
        }
        if (std::string why = checkFbxProperties(w, properties, properties + listLength, count);
            !why.empty()) {
            return "the record at byte " + num(pos) + ": " + why;
        }
        if (depth >= 64) {
            return "records nested deeper than 64 levels";
        }
        if (std::string why = checkFbxRecords(w, properties + listLength, recordEnd, depth + 1);
            !why.empty()) {
            return why;
        }
        pos = recordEnd;
    }
    return {};
}

core::Status checkFbx(const std::filesystem::path& path, const std::string& file) {
    std::error_code ec;
    const std::uint64_t size = std::filesystem::file_size(path, ec);
    auto head = readPrefix(path, kFbxBinaryMagic.size());
    if (ec || !head) {
        return fail(file, {"cannot open the file"});
    }
    if (std::string_view(head->data(), head->size()) != kFbxBinaryMagic) {
        return {}; // ASCII FBX: Assimp's text reader parses and reports it
    }
    auto bytes = readPrefix(path, static_cast<std::size_t>(size));
    if (!bytes || bytes->size() < 27) {
        return fail(file, {"binary FBX header is cut off"});
    }
    FbxWalk walk{*bytes};
    walk.wide = walk.u32(23) >= 7500;
    if (std::string why = checkFbxRecords(walk, 27, bytes->size(), 0); !why.empty()) {
        return fail(file, {"binary FBX is corrupt: ", why});
    }
    return {};
}

} // namespace

core::Result<PrecheckInfo> precheckModelFile(const std::filesystem::path& path) {
    const std::string file = path.string();
    const std::string ext = lowerExtension(path);
    if (ext == ".gltf" || ext == ".glb") {
        return checkGltf(path, file);
    }
    if (ext == ".ply") {
        if (core::Status status = checkPly(path, file); !status) {
            return status.error();
        }
    } else if (ext == ".stl") {
        if (core::Status status = checkStl(path, file); !status) {
            return status.error();
        }
    } else if (ext == ".fbx") {
        if (core::Status status = checkFbx(path, file); !status) {
            return status.error();
        }
    }
    return PrecheckInfo{};
}

} // namespace kiln::assets::detail
