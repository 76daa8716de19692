// Image files to and from core::Image: decoding PNG/JPEG (stb_image), encoding PNG
// (stb_image_write). CPU only: does NOT upload anything to the GPU and keeps no cache.
#pragma once

#include "kiln/core/image.h"
#include "kiln/core/result.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace kiln::assets {

// Decodes an image file into RGBA8. The error names the file and stb's reason.
core::Result<core::Image> loadImage(const std::filesystem::path& path);

// Decodes encoded bytes (PNG, JPEG, ...); `label` names the source in errors.
core::Result<core::Image> decodeImage(std::span<const std::uint8_t> bytes,
                                      const std::string& label);

// Encodes RGBA8 as PNG bytes.
core::Result<std::vector<std::uint8_t>> encodePng(const core::Image& image);

// Writes a PNG atomically (a reader never sees half a file).
core::Status writePng(const std::filesystem::path& path, const core::Image& image);

} // namespace kiln::assets
