// The string catalog lists every visitor-facing string with its file and field, in both
// languages, for the UI's glyph ranges and atlas check.
#include "kiln/content/string_catalog.h"

#include "content_test_support.h"
#include "kiln/content/content_loader.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiln::content {
namespace {

bool contains(const std::vector<StringEntry>& entries, std::string_view file,
              std::string_view field, Language language, std::string_view text) {
    return std::any_of(entries.begin(), entries.end(), [&](const StringEntry& e) {
        return e.file == file && e.field == field && e.language == language && e.text == text;
    });
}

TEST(StringCatalog, ListsEveryKindOfStringWithFileAndField) {
    const auto result = loadContent(test::fixtureDir() / "valid", {.logFindings = false});
    ASSERT_TRUE(result.findings.empty()) << test::describe(result.findings);
    const auto strings = allStrings(result.library);
    EXPECT_TRUE(contains(strings, "scenes/alpha.json", "hotspots[id=alpha.kiln].title.zh",
                         Language::Zh, "窑"));
    EXPECT_TRUE(contains(strings, "scenes/alpha.json", "card.student.en", Language::En,
                         "Alpha card, deeper."));
    EXPECT_TRUE(contains(strings, "scenes/beta.json", "quiz[id=beta.q1].options[2].zh",
                         Language::Zh, "都不是"));
    EXPECT_TRUE(contains(strings, "scenes/alpha.json", "determinants[id=factors].why.zh",
                         Language::Zh, "也因为。"));
    EXPECT_TRUE(contains(strings, "model.json", "determinants[id=knowledge].text.visitor.zh",
                         Language::Zh, "短文本。"));
    EXPECT_TRUE(
            contains(strings, "model.json", "effects[id=e2].title.en", Language::En, "Effect two"));
    EXPECT_TRUE(contains(strings, "glossary.json", "terms[id=master].pinyin", Language::Zh,
                         "bǎzhuāng"));
    EXPECT_TRUE(contains(strings, "ui_strings.json", "strings[\"idle.still_there\"].zh",
                         Language::Zh, "您还在吗？"));
    EXPECT_TRUE(contains(strings, "(built-in)", "builtinUnavailableText", Language::Zh,
                         builtinUnavailableText(Language::Zh)));
    const auto zh = std::count_if(strings.begin(), strings.end(),
                                  [](const StringEntry& e) { return e.language == Language::Zh; });
    EXPECT_EQ(static_cast<std::size_t>(zh) * 2, strings.size()); // a complete library is even
}

TEST(StringCatalog, LeavesOutMissingTranslations) {
    const auto root = test::copyToScratch(test::fixtureDir() / "valid");
    std::filesystem::copy_file(test::fixtureDir() / "broken" / "missing_translation_scene.json",
                               root / "scenes/alpha.json",
                               std::filesystem::copy_options::overwrite_existing);
    const auto result = loadContent(root, {.logFindings = false});
    const auto strings = allStrings(result.library);
    EXPECT_TRUE(contains(strings, "scenes/alpha.json", "hotspots[id=alpha.kiln].title.en",
                         Language::En, "The kiln"));
    EXPECT_FALSE(std::any_of(strings.begin(), strings.end(), [](const StringEntry& e) {
        return e.field == "hotspots[id=alpha.kiln].title.zh";
    }));
}

} // namespace
} // namespace kiln::content
