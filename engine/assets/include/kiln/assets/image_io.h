// Image files to and from core::Image: decoding PNG/JPEG (stb_image), also ahead of need on a
// worker thread (ImageDecodeBatch), encoding PNG (zlib). CPU only: does NOT upload
// anything to the GPU and keeps no cache.
#pragma once

#include "kiln/assets/model_data.h"
#include "kiln/core/image.h"
#include "kiln/core/result.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace kiln::assets {

// Decodes an image file into RGBA8. The error names the file and stb's reason.
core::Result<core::Image> loadImage(const std::filesystem::path& path);

// Decodes encoded bytes (PNG, JPEG, ...); `label` names the source in errors.
core::Result<core::Image> decodeImage(std::span<const std::uint8_t> bytes,
                                      const std::string& label);

// Decodes an image embedded in a model: takes the result of the decoding the importer started on
// a worker thread, the first time and when it succeeded; otherwise decodes `image.bytes` now
// (so errors always name `label`).
core::Result<core::Image> decodeImage(const EmbeddedImage& image, const std::string& label);

// Decodes encoded images one after the other on a worker thread, started by the constructor, so
// that a model's textures decode while its geometry is imported. The destructor stops the
// worker after the image it is decoding and waits for it.
class ImageDecodeBatch {
public:
    explicit ImageDecodeBatch(std::vector<std::vector<std::uint8_t>> encoded);
    ~ImageDecodeBatch();
    ImageDecodeBatch(const ImageDecodeBatch&) = delete;
    ImageDecodeBatch& operator=(const ImageDecodeBatch&) = delete;

    // The i-th image, waiting until it is decoded; nothing when it failed, i is out of range
    // or it was taken before (each decoded image is handed out once, by move).
    std::optional<core::Image> take(std::size_t i);

private:
    void run();

    std::vector<std::vector<std::uint8_t>> mEncoded;
    std::mutex mMutex;
    std::condition_variable mDone;
    std::vector<std::optional<core::Image>> mImages; // guarded by mMutex
    std::size_t mFinished = 0;                       // images tried so far; guarded by mMutex
    std::atomic<bool> mStop{false};
    std::thread mWorker; // last: starts after the members it uses
};

// Encodes RGBA8 as PNG bytes.
core::Result<std::vector<std::uint8_t>> encodePng(const core::Image& image);

// Writes a PNG atomically (a reader never sees half a file).
core::Status writePng(const std::filesystem::path& path, const core::Image& image);

} // namespace kiln::assets
