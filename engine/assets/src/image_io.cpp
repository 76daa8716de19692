// stb-backed image decoding, zlib-backed PNG encoding. libstb (Debian) holds stb's
// implementations, so STB_IMAGE_IMPLEMENTATION is deliberately not defined here.
#include "kiln/assets/image_io.h"

#include "kiln/core/file_io.h"

#include <stb_image.h>
#include <zlib.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <exception>
#include <iterator>
#include <limits>
#include <utility>

namespace kiln::assets {

core::Result<core::Image> decodeImage(std::span<const std::uint8_t> bytes,
                                      const std::string& label) {
    if (bytes.empty()) {
        return core::Error{label + ": cannot decode image: the file is empty"};
    }
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        return core::Error{label + ": cannot decode image: larger than 2 GiB"};
    }
    int width = 0;
    int height = 0;
    int channels = 0;
    stbi_uc* data = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &width,
                                          &height, &channels, 4);
    if (data == nullptr) {
        const char* reason = stbi_failure_reason();
        return core::Error{label + ": cannot decode image: " +
                           (reason != nullptr ? reason : "unknown format")};
    }
    core::Image image;
    image.width = width;
    image.height = height;
    image.rgba.assign(data, data + image.byteSize());
    stbi_image_free(data);
    return image;
}

core::Result<core::Image> decodeImage(const EmbeddedImage& image, const std::string& label) {
    if (image.decoding) {
        if (std::optional<core::Image> ready = image.decoding->take(image.decodingIndex)) {
            return std::move(*ready);
        }
    }
    return decodeImage(image.bytes, label);
}

ImageDecodeBatch::ImageDecodeBatch(std::vector<std::vector<std::uint8_t>> encoded)
    : mEncoded(std::move(encoded)), mImages(mEncoded.size()), mWorker([this] { run(); }) {}

ImageDecodeBatch::~ImageDecodeBatch() {
    mStop = true;
    mWorker.join();
}

void ImageDecodeBatch::run() {
    for (std::size_t i = 0; i < mEncoded.size() && !mStop; ++i) {
        // The label is never seen: a failure is decoded again by the caller, under its own. So
        // is an exception (out of memory for a huge image), which must not end the process here.
        std::optional<core::Image> decoded;
        try {
            if (core::Result<core::Image> image = decodeImage(mEncoded[i], "embedded image")) {
                decoded = std::move(image.value());
            }
        } catch (const std::exception&) {
            decoded.reset();
        }
        std::vector<std::uint8_t>().swap(mEncoded[i]); // the caller keeps its own copy
        const std::lock_guard lock(mMutex);
        mImages[i] = std::move(decoded);
        mFinished = i + 1;
        mDone.notify_all();
    }
    const std::lock_guard lock(mMutex);
    mFinished = mEncoded.size(); // stopped: nothing more will come
    mDone.notify_all();
}

std::optional<core::Image> ImageDecodeBatch::take(std::size_t i) {
    std::unique_lock lock(mMutex);
    if (i >= mImages.size()) {
        return std::nullopt;
    }
    mDone.wait(lock, [&] { return mFinished > i; });
    std::optional<core::Image> image = std::move(mImages[i]);
    mImages[i].reset();
    return image;
}

core::Result<core::Image> loadImage(const std::filesystem::path& path) {
    auto bytes = core::readBinaryFile(path);
    if (!bytes) {
        return bytes.error();
    }
    return decodeImage(bytes.value(), path.string());
}

namespace {

void appendBigEndian(std::vector<std::uint8_t>& out, std::uint32_t v) {
    out.push_back(static_cast<std::uint8_t>(v >> 24));
    out.push_back(static_cast<std::uint8_t>(v >> 16));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
    out.push_back(static_cast<std::uint8_t>(v));
}

// A chunk whose data is already at out[start + 8 ..]: its length and type go before it, the CRC
// of type and data after it.
void finishChunk(std::vector<std::uint8_t>& out, std::size_t start, const char (&type)[5]) {
    const std::size_t length = out.size() - start - 8;
    for (int i = 0; i < 4; ++i) {
        out[start + static_cast<std::size_t>(i)] =
                static_cast<std::uint8_t>(length >> (24 - 8 * i));
        out[start + 4 + static_cast<std::size_t>(i)] =
                static_cast<std::uint8_t>(type[static_cast<std::size_t>(i)]);
    }
    const uLong crc =
            crc32(crc32(0L, Z_NULL, 0), out.data() + start + 4, static_cast<uInt>(length + 4));
    appendBigEndian(out, static_cast<std::uint32_t>(crc));
}

constexpr std::size_t kMaxChunkBytes = 0x7fffffff; // PNG's limit on a chunk's length

struct DeflateStream {
    z_stream z{};
    bool open = false;
    ~DeflateStream() {
        if (open) {
            deflateEnd(&z);
        }
    }
};

} // namespace

// zlib at its fastest level, rows unfiltered: 5-10 times faster than stb_image_write (its level 8
// and a filter chosen per row), and the files of rendered frames are smaller than stb's too
// (docs/performance.md: a headless first frame ends with writing its screenshot).
core::Result<std::vector<std::uint8_t>> encodePng(const core::Image& image) {
    if (image.empty() || image.rgba.size() != image.byteSize()) {
        return core::Error{"encodePng: image is empty or its pixel buffer has the wrong size"};
    }
    const std::size_t rowBytes = static_cast<std::size_t>(image.width) * 4;
    const std::size_t rawBytes = (rowBytes + 1) * static_cast<std::size_t>(image.height);
    if (rowBytes + 1 > std::numeric_limits<uInt>::max()) {
        return core::Error{"encodePng: image too wide"};
    }
    static constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    std::vector<std::uint8_t> out(std::begin(kSignature), std::end(kSignature));
    std::size_t start = out.size();
    out.resize(start + 8);
    appendBigEndian(out, static_cast<std::uint32_t>(image.width));
    appendBigEndian(out, static_cast<std::uint32_t>(image.height));
    out.insert(out.end(), {8, 6, 0, 0, 0}); // 8 bits, RGBA, deflate, no filter method, no interlace
    finishChunk(out, start, "IHDR");

    DeflateStream stream;
    if (deflateInit(&stream.z, Z_BEST_SPEED) != Z_OK) {
        return core::Error{"encodePng: zlib cannot start"};
    }
    stream.open = true;
    start = out.size();
    out.resize(start + 8);
    out.reserve(out.size() + deflateBound(&stream.z, static_cast<uLong>(rawBytes)) + 12);
    std::array<std::uint8_t, 1 << 16> piece{};
    // Deflates one input (zlib's canonical loop, as in its zpipe.c example); false on an error.
    auto pump = [&](const std::uint8_t* data, std::size_t size, int flush) {
        // zlib's input is not const in its declaration; it only reads.
        stream.z.next_in = const_cast<std::uint8_t*>(data);
        stream.z.avail_in = static_cast<uInt>(size);
        int status = Z_OK;
        do {
            stream.z.next_out = piece.data();
            stream.z.avail_out = static_cast<uInt>(piece.size());
            status = deflate(&stream.z, flush);
            if (status == Z_STREAM_ERROR) {
                return false;
            }
            out.insert(out.end(), piece.data(), stream.z.next_out);
        } while (stream.z.avail_out == 0);
        return flush != Z_FINISH || status == Z_STREAM_END;
    };
    const std::uint8_t filterNone = 0; // each row starts with its filter type
    bool ok = true;
    for (int y = 0; y < image.height && ok; ++y) {
        ok = pump(&filterNone, 1, Z_NO_FLUSH) &&
             pump(image.rgba.data() + rowBytes * static_cast<std::size_t>(y), rowBytes, Z_NO_FLUSH);
    }
    if (!ok || !pump(nullptr, 0, Z_FINISH)) {
        return core::Error{"encodePng: zlib failed"};
    }
    if (out.size() - start - 8 > kMaxChunkBytes) {
        return core::Error{"encodePng: image too large for one PNG chunk"};
    }
    finishChunk(out, start, "IDAT");
    start = out.size();
    out.resize(start + 8);
    finishChunk(out, start, "IEND");
    return out;
}

core::Status writePng(const std::filesystem::path& path, const core::Image& image) {
    auto png = encodePng(image);
    if (!png) {
        return core::Error{path.string() + ": " + png.error().message};
    }
    const auto& bytes = png.value();
    return core::writeFileAtomic(
            path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

} // namespace kiln::assets
