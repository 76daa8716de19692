// Every interface string the app and the overlays look up exists in the real ui_strings.json in
// both languages (a missing key would show "content unavailable" on screen). The keys are the ones
// used in engine/app/src/app.cpp and engine/ui.
#include "kiln/content/content.h"

#include <gtest/gtest.h>

using namespace kiln;

TEST(UiKeys, EveryKeyTheAppShowsExistsInBothLanguages) {
    auto loaded = content::loadContent(content::defaultContentRoot(), {false});
    const char* keys[] = {
            "firing.title",        "firing.hours",        "firing.front",  "firing.middle",
            "firing.rear",         "firing.atmosphere",   "firing.wood",   "atmosphere.oxidizing",
            "atmosphere.neutral",  "atmosphere.reducing", "view.evidence", "evidence.excavated",
            "evidence.documented", "evidence.conjecture", "evidence.part", "evidence.class",
            "evidence.source",     "evidence.reason",     "evidence.hint", "diamond.hint",
            "diamond.in_scene",    "diamond.explored",    "text.smaller",  "text.larger",
            "theme.high_contrast", "hotspot.close",
    };
    const std::string unavailableZh(loaded.library.unavailableText(content::Language::Zh));
    const std::string unavailableEn(loaded.library.unavailableText(content::Language::En));
    for (const char* key : keys) {
        SCOPED_TRACE(key);
        const std::string zh(loaded.library.uiText(key, content::Language::Zh));
        const std::string en(loaded.library.uiText(key, content::Language::En));
        EXPECT_NE(zh, unavailableZh);
        EXPECT_NE(en, unavailableEn);
        EXPECT_FALSE(zh.empty());
        EXPECT_FALSE(en.empty());
    }
}
