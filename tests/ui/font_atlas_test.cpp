// Chinese text: the CJK font is found, and every glyph of every string shown is in the atlas.
// Building the atlas is CPU work in ImGui; no GL context is needed.
#include "kiln/ui/font_atlas.h"

#include "kiln/core/data_paths.h"
#include "kiln/scene/scene_description.h"
#include "kiln/ui/scene_card.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdlib>

using namespace kiln;

TEST(FontAtlas, FindsAChineseFontFromDebian) {
    auto font = ui::findCjkFont();
    ASSERT_TRUE(font.ok()) << font.error().message;
    EXPECT_TRUE(std::filesystem::exists(font->path));
}

TEST(FontAtlas, MissingOverrideFontIsAClearError) {
    ::setenv("KILNFIRE_FONT", "/no/such/font.ttc", 1);
    auto font = ui::findCjkFont();
    ::unsetenv("KILNFIRE_FONT");
    ASSERT_FALSE(font.ok());
    EXPECT_NE(font.error().message.find("/no/such/font.ttc"), std::string::npos);
}

TEST(FontAtlas, EveryGlyphOfTheSceneCardIsInTheAtlas) {
    auto s = scene::loadSceneById("placeholder", core::dataRoot());
    ASSERT_TRUE(s.ok()) << s.error().message;
    ImFontAtlas atlas;
    ui::FontAtlasBuilder builder;
    ui::SceneCardView card;
    card.titleZh = s->title.zh;
    card.titleEn = s->title.en;
    card.bodyZh = s->caption.zh;
    card.bodyEn = s->caption.en;
    card.source = s->source;
    const auto strings = ui::sceneCardStrings(card);
    for (const auto& text : strings) {
        builder.addText(text);
    }
    auto font = builder.build(atlas, 20.0f);
    ASSERT_TRUE(font.ok()) << font.error().message;
    ASSERT_TRUE(atlas.Build());
    for (const auto& text : strings) {
        const auto missing = ui::missingGlyphs(*font.value(), text);
        EXPECT_TRUE(missing.empty()) << "missing " << missing.size() << " glyphs in: " << text;
    }
    // The ranges are built from the strings, not the full CJK block: the atlas stays small.
    EXPECT_LE(atlas.TexWidth * atlas.TexHeight, 2048 * 2048);
}

TEST(FontAtlas, CharactersNotAddedAreReportedMissing) {
    // Proves the glyph check can fail: a character never added to the ranges is absent.
    ImFontAtlas atlas;
    ui::FontAtlasBuilder builder;
    builder.addText("窑火");
    auto font = builder.build(atlas, 20.0f);
    ASSERT_TRUE(font.ok()) << font.error().message;
    ASSERT_TRUE(atlas.Build());
    EXPECT_TRUE(ui::missingGlyphs(*font.value(), "窑火").empty());
    EXPECT_EQ(ui::missingGlyphs(*font.value(), "瓷").size(), 1u);
}
