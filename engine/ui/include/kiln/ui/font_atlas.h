// Fonts for Chinese and English: finds a CJK font from Debian's packages by a list of known paths
// and builds ImGui's atlas with glyph ranges made from the strings actually shown (the preset
// Chinese ranges miss ordinary UI characters; the full set costs a 128 MB atlas).
// Does NOT upload the atlas to the GPU (the app's renderer backend does).
#pragma once

#include "kiln/core/result.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;
struct ImFontAtlas;

namespace kiln::ui {

struct FontFile {
    std::filesystem::path path;
    int faceIndex = 0; // face inside a .ttc collection (Noto CJK: the Simplified Chinese face)
};

// Known CJK font locations, in order of preference; KILNFIRE_FONT overrides them.
const std::vector<FontFile>& knownCjkFonts();

// The first known font that exists, or an error listing where it looked and what to install.
core::Result<FontFile> findCjkFont();

// Owns the glyph ranges, which ImGui reads when the atlas is built, so it must outlive that.
class FontAtlasBuilder {
public:
    // Adds every character of a UTF-8 string to the ranges.
    void addText(std::string_view utf8);
    // Adds the font to `atlas` at `sizePx` with Latin, punctuation and every added character.
    // On error (no font file), adds ImGui's built-in font so text still shows in English.
    core::Result<ImFont*> build(ImFontAtlas& atlas, float sizePx);

private:
    std::vector<std::string> mTexts;
    std::vector<unsigned short> mRanges; // ImWchar ranges, zero-terminated
};

// Characters of `utf8` that `font` has no glyph for (empty means all are present).
std::vector<unsigned int> missingGlyphs(const ImFont& font, std::string_view utf8);

} // namespace kiln::ui
