// stb-backed image decoding and PNG encoding. libstb (Debian) holds the implementations, so
// STB_IMAGE_IMPLEMENTATION is deliberately not defined here.
#include "kiln/assets/image_io.h"

#include "kiln/core/file_io.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <cstring>
#include <exception>
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

core::Result<std::vector<std::uint8_t>> encodePng(const core::Image& image) {
    if (image.empty() || image.rgba.size() != image.byteSize()) {
        return core::Error{"encodePng: image is empty or its pixel buffer has the wrong size"};
    }
    std::vector<std::uint8_t> out;
    auto append = [](void* context, void* data, int size) {
        auto* vec = static_cast<std::vector<std::uint8_t>*>(context);
        const auto* bytes = static_cast<const std::uint8_t*>(data);
        vec->insert(vec->end(), bytes, bytes + size);
    };
    const int ok = stbi_write_png_to_func(append, &out, image.width, image.height, 4,
                                          image.rgba.data(), image.width * 4);
    if (ok == 0) {
        return core::Error{"encodePng: stb_image_write failed"};
    }
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
