// CJK font lookup and atlas building with ImGui 1.86.
#include "kiln/ui/font_atlas.h"

#include "kiln/core/log.h"

#include <imgui.h>
#include <imgui_internal.h> // ImTextCharFromUtf8

#include <cstdlib>
#include <system_error>

namespace kiln::ui {

const std::vector<FontFile>& knownCjkFonts() {
    static const std::vector<FontFile> fonts = {
            {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0}, // fonts-wqy-microhei
            {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
             2},                                                 // fonts-noto-cjk, SC face
            {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0}, // fonts-wqy-zenhei
            {"/usr/share/fonts/truetype/arphic/uming.ttc", 0},   // fonts-arphic-uming
    };
    return fonts;
}

core::Result<FontFile> findCjkFont() {
    std::error_code ec;
    if (const char* env = std::getenv("KILNFIRE_FONT"); env != nullptr && env[0] != '\0') {
        if (std::filesystem::is_regular_file(env, ec)) {
            return FontFile{env, 0};
        }
        std::string message = "KILNFIRE_FONT=";
        message.append(env).append(": no such font file");
        return core::Error{message};
    }
    std::string looked;
    for (const FontFile& font : knownCjkFonts()) {
        if (std::filesystem::is_regular_file(font.path, ec)) {
            return font;
        }
        looked.append(" ").append(font.path.string());
    }
    return core::Error{"no Chinese font found (looked at:" + looked +
                       "); install one with: apt-get install fonts-wqy-microhei"};
}

void FontAtlasBuilder::addText(std::string_view utf8) {
    mTexts.emplace_back(utf8);
}

core::Result<ImFont*> FontAtlasBuilder::build(ImFontAtlas& atlas, float sizePx) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault()); // Latin-1
    static const ImWchar kPunctuation[] = {
            0x2000, 0x206F, // general punctuation: dashes, quotes, ellipsis
            0x2100, 0x214F, // letterlike symbols
            0x2190, 0x21FF, // arrows
            0x3000, 0x303F, // CJK symbols and punctuation
            0xFF00, 0xFFEF, // full-width forms
            0,
    };
    builder.AddRanges(kPunctuation);
    for (const std::string& text : mTexts) {
        builder.AddText(text.c_str(), text.c_str() + text.size());
    }
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    mRanges.assign(ranges.begin(), ranges.end());

    auto font = findCjkFont();
    if (!font) {
        core::logError("ui", font.error().message + "; Chinese text will show as '?'");
        ImFontConfig config;
        config.SizePixels = sizePx;
        atlas.AddFontDefault(&config);
        return font.error();
    }
    ImFontConfig config;
    config.FontNo = font->faceIndex;
    config.OversampleH = 1; // CJK glyphs are dense; oversampling doubles the atlas for little gain
    config.OversampleV = 1;
    config.PixelSnapH = true;
    ImFont* added = atlas.AddFontFromFileTTF(font->path.c_str(), sizePx, &config,
                                             reinterpret_cast<const ImWchar*>(mRanges.data()));
    if (added == nullptr) {
        core::Error error{font->path.string() + ": ImGui cannot read this font file"};
        core::logError("ui", error.message);
        atlas.AddFontDefault();
        return error;
    }
    return added;
}

std::vector<unsigned int> missingGlyphs(const ImFont& font, std::string_view utf8) {
    std::vector<unsigned int> missing;
    const char* p = utf8.data();
    const char* end = utf8.data() + utf8.size();
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) {
            break;
        }
        p += n;
        if (c < 0x20) {
            continue; // control characters (newlines) have no glyph by design
        }
        if (font.FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) {
            missing.push_back(c);
        }
    }
    return missing;
}

} // namespace kiln::ui
