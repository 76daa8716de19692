// Loader tests on the fixtures in data/: the valid folder loads clean, and each deliberately
// broken file gives exactly the expected finding (file, line, field) while the rest still loads.
#include "kiln/content/content_loader.h"

#include "content_test_support.h"

#include <gtest/gtest.h>

#include <functional>
#include <ostream>

namespace kiln::content {
namespace {

namespace fs = std::filesystem;
using test::copyToScratch;
using test::describe;
using test::fixtureDir;

LoadResult loadQuiet(const fs::path& root) {
    return loadContent(root, {.logFindings = false});
}

TEST(ContentLoader, ValidFixtureLoadsWithoutFindings) {
    const auto result = loadQuiet(fixtureDir() / "valid");
    EXPECT_TRUE(result.findings.empty()) << describe(result.findings);
    const ContentLibrary& lib = result.library;
    ASSERT_TRUE(lib.modelLoaded);
    ASSERT_NE(lib.model.centre(), nullptr);
    EXPECT_EQ(lib.model.centre()->id, "knowledge");
    EXPECT_EQ(lib.model.determinants.size(), 3u);
    EXPECT_EQ(lib.model.links.size(), 3u);
    EXPECT_EQ(lib.model.mechanisms.size(), 1u);
    EXPECT_EQ(lib.model.pathways.size(), 2u);
    EXPECT_EQ(lib.model.effects.size(), 2u);
    ASSERT_NE(lib.model.findPathway("p1"), nullptr);
    EXPECT_EQ(lib.model.findPathway("p1")->mechanismIds, std::vector<std::string>{"m1"});
    EXPECT_EQ(lib.model.findEffect("e2")->direction, EffectDirection::TourismToForces);
    EXPECT_FLOAT_EQ(lib.model.findDeterminant("factors")->layoutX, 0.1f);

    ASSERT_EQ(lib.scenes.size(), 2u);
    EXPECT_EQ(lib.scenes[0].id, "alpha"); // manifest order
    EXPECT_EQ(lib.scenes[1].id, "beta");
    const Hotspot* kiln = lib.findHotspot("alpha.kiln");
    ASSERT_NE(kiln, nullptr);
    EXPECT_EQ(kiln->title.zh, "窑");
    EXPECT_EQ(kiln->text.in(Language::En, Depth::Student), "A kiln, deeper.");
    EXPECT_EQ(kiln->termIds, std::vector<std::string>{"saggar"});
    const SceneContent* alpha = lib.findScene("alpha");
    ASSERT_NE(alpha, nullptr);
    ASSERT_EQ(alpha->quiz.size(), 1u);
    EXPECT_EQ(alpha->quiz[0].correctIndex, 1u);
    EXPECT_EQ(alpha->quiz[0].options[1].en, "That");
    EXPECT_EQ(alpha->determinants[1].why.zh, "也因为。");
    EXPECT_EQ(lib.glossary.terms.size(), 2u);
    EXPECT_EQ(lib.glossary.find("master")->pinyin, "bǎzhuāng");
    EXPECT_EQ(lib.uiText("sim.play", Language::Zh), "播放");
    EXPECT_EQ(lib.uiText("sim.play", Language::En), "Play");

    const auto withDemand = lib.scenesLinkedTo("demand");
    ASSERT_EQ(withDemand.size(), 1u);
    EXPECT_EQ(withDemand[0]->id, "beta");
    EXPECT_EQ(lib.scenesLinkedTo("factors").size(), 2u);
    EXPECT_EQ(lib.scenesLinkedTo("p2").size(), 1u);
    EXPECT_TRUE(lib.scenesLinkedTo("no_such_id").empty());
}

// One broken file per case, with the exact finding it must produce.
struct BrokenCase {
    const char* name;
    const char* brokenFile; // under data/broken/
    const char* target;     // the file it replaces, relative to the content root
    Finding expected;       // message: a prefix of the real message
    std::function<void(const ContentLibrary&)> survivors;
};

// Readable test output: print a case by its name.
void PrintTo(const BrokenCase& c, std::ostream* os) {
    *os << c.name;
}

class ContentLoaderBroken : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(ContentLoaderBroken, ReportsExactlyTheDefectAndKeepsTheRest) {
    const BrokenCase& c = GetParam();
    const fs::path root = copyToScratch(fixtureDir() / "valid");
    if (std::string(c.brokenFile).empty()) {
        fs::remove(root / c.target);
    } else {
        fs::copy_file(fixtureDir() / "broken" / c.brokenFile, root / c.target,
                      fs::copy_options::overwrite_existing);
    }
    const auto result = loadQuiet(root);
    ASSERT_EQ(result.findings.size(), 1u) << describe(result.findings);
    const Finding& f = result.findings[0];
    EXPECT_EQ(f.file, c.expected.file);
    EXPECT_EQ(f.line, c.expected.line);
    EXPECT_EQ(f.field, c.expected.field);
    EXPECT_EQ(f.message.rfind(c.expected.message, 0), 0u) << f.message;
    c.survivors(result.library);
}

INSTANTIATE_TEST_SUITE_P(
        Fixtures, ContentLoaderBroken,
        ::testing::Values(
                BrokenCase{"MalformedModel",
                           "malformed_model.json",
                           "model.json",
                           {"model.json", 3, "(syntax)", "malformed JSON, the file is skipped"},
                           [](const ContentLibrary& lib) {
                               EXPECT_FALSE(lib.modelLoaded);
                               EXPECT_EQ(lib.scenes.size(), 2u); // other files still load
                               EXPECT_EQ(lib.glossary.terms.size(), 2u);
                           }},
                BrokenCase{
                        "MalformedScene",
                        "malformed_scene.json",
                        "scenes/alpha.json",
                        {"scenes/alpha.json", 5, "(syntax)", "malformed JSON, the file is skipped"},
                        [](const ContentLibrary& lib) {
                            EXPECT_EQ(lib.findScene("alpha"), nullptr);
                            EXPECT_NE(lib.findScene("beta"), nullptr);
                            EXPECT_TRUE(lib.modelLoaded);
                        }},
                BrokenCase{"MissingTranslation",
                           "missing_translation_scene.json",
                           "scenes/alpha.json",
                           {"scenes/alpha.json", 20, "hotspots[0].title.zh",
                            "missing Chinese (zh) text"},
                           [](const ContentLibrary& lib) {
                               const Hotspot* h = lib.findHotspot("alpha.kiln");
                               ASSERT_NE(h, nullptr); // the rest of the hotspot is kept
                               EXPECT_TRUE(h->title.zh.empty());
                               EXPECT_EQ(lib.display(h->title, Language::En), "The kiln");
                               // The card shows the data's "content unavailable" line instead.
                               EXPECT_EQ(lib.display(h->title, Language::Zh),
                                         lib.ui.find("content.unavailable")->zh);
                           }},
                BrokenCase{"DanglingId",
                           "dangling_id_scene.json",
                           "scenes/alpha.json",
                           {"scenes/alpha.json", 11, "determinants[1].id",
                            "unknown determinant id 'no_such_determinant'"},
                           [](const ContentLibrary& lib) {
                               const SceneContent* alpha = lib.findScene("alpha");
                               ASSERT_NE(alpha, nullptr);
                               ASSERT_EQ(alpha->determinants.size(), 1u); // the link is dropped
                               EXPECT_EQ(alpha->determinants[0].id, "knowledge");
                           }},
                BrokenCase{"DuplicateId",
                           "duplicate_id_glossary.json",
                           "glossary.json",
                           {"glossary.json", 14, "terms[1].id",
                            "duplicate id 'saggar' (first at glossary.json:3)"},
                           [](const ContentLibrary& lib) {
                               ASSERT_EQ(lib.glossary.terms.size(), 1u);
                               EXPECT_EQ(lib.glossary.terms[0].term.en, "Saggar");
                           }},
                BrokenCase{"MissingSceneFile",
                           "manifest_missing_scene.json",
                           "manifest.json",
                           {"scenes/gamma.json", 0, "(file)", "file not found or unreadable"},
                           [](const ContentLibrary& lib) { EXPECT_EQ(lib.scenes.size(), 2u); }},
                BrokenCase{"MissingGlossaryFile",
                           "",
                           "glossary.json",
                           {"glossary.json", 0, "(file)", "file not found or unreadable"},
                           [](const ContentLibrary& lib) {
                               // Terms are not reported as dangling when the glossary is gone.
                               EXPECT_EQ(lib.findHotspot("alpha.kiln")->termIds.size(), 1u);
                           }}),
        [](const ::testing::TestParamInfo<BrokenCase>& param) { return param.param.name; });

TEST(ContentLoader, BrokenUiStringsFallBackToTheBuiltInLine) {
    const fs::path root = copyToScratch(fixtureDir() / "valid");
    fs::copy_file(fixtureDir() / "broken" / "malformed_model.json", root / "ui_strings.json",
                  fs::copy_options::overwrite_existing);
    const auto result = loadQuiet(root);
    // A file that does not parse reports its syntax only, not every key it would have held.
    ASSERT_EQ(result.findings.size(), 1u) << describe(result.findings);
    EXPECT_EQ(result.findings[0].file, "ui_strings.json");
    EXPECT_EQ(result.findings[0].field, "(syntax)");
    EXPECT_EQ(result.library.unavailableText(Language::Zh), builtinUnavailableText(Language::Zh));
    EXPECT_EQ(result.library.uiText("sim.play", Language::En),
              builtinUnavailableText(Language::En));
}

TEST(ContentLoader, MissingFolderReportsEachFileAndNeverThrows) {
    const auto result = loadQuiet(fixtureDir() / "no_such_folder");
    std::vector<std::string> files;
    for (const auto& f : result.findings) {
        EXPECT_EQ(f.field, "(file)");
        EXPECT_EQ(f.line, 0);
        files.push_back(f.file);
    }
    EXPECT_EQ(files, (std::vector<std::string>{"comparison.json", "glossary.json", "manifest.json",
                                               "model.json", "ui_strings.json"}));
    EXPECT_TRUE(result.library.scenes.empty());
    EXPECT_EQ(result.library.findScene("egg_kiln"), nullptr);
}

TEST(ContentLoader, FormatFindingNamesFileLineAndField) {
    EXPECT_EQ(formatFinding({"scenes/egg_kiln.json", 12, "hotspots[2].title.zh", "missing"}),
              "scenes/egg_kiln.json:12: hotspots[2].title.zh: missing");
}

TEST(ContentLoader, CheckContentEqualsTheLoadFindings) {
    const fs::path root = copyToScratch(fixtureDir() / "valid");
    fs::copy_file(fixtureDir() / "broken" / "dangling_id_scene.json", root / "scenes/alpha.json",
                  fs::copy_options::overwrite_existing);
    const auto findings = checkContent(root);
    const auto loaded = loadQuiet(root).findings;
    ASSERT_EQ(findings.size(), loaded.size());
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(formatFinding(findings[0]), formatFinding(loaded[0]));
}

} // namespace
} // namespace kiln::content
