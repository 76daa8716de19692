// Lint rules one by one: each case edits one line of the valid fixture and expects exactly one
// finding on that line and field. Lines are looked up in the edited file, so the cases stay exact
// when the fixture grows.
#include "content_test_support.h"
#include "kiln/content/content_loader.h"

#include <gtest/gtest.h>

#include <ostream>

namespace kiln::content {
namespace {

namespace fs = std::filesystem;
using test::copyToScratch;
using test::describe;
using test::fixtureDir;
using test::lineOfText;
using test::replaceInFile;

struct LintCase {
    const char* name;
    const char* file; // relative to the content root
    const char* from;
    const char* to;
    const char* lineOf; // text in the edited file whose line the finding must name
    const char* field;
    const char* message; // prefix
};

// Readable test output: print a case by its name.
void PrintTo(const LintCase& c, std::ostream* os) {
    *os << c.name;
}

class ContentLint : public ::testing::TestWithParam<LintCase> {};

TEST_P(ContentLint, OneEditGivesOneFinding) {
    const LintCase& c = GetParam();
    const fs::path root = copyToScratch(fixtureDir() / "valid");
    replaceInFile(root / c.file, c.from, c.to);
    const int expectedLine = lineOfText(root / c.file, c.lineOf);
    ASSERT_GT(expectedLine, 0);
    const auto findings = checkContent(root);
    ASSERT_EQ(findings.size(), 1u) << describe(findings);
    EXPECT_EQ(findings[0].file, c.file);
    EXPECT_EQ(findings[0].line, expectedLine);
    EXPECT_EQ(findings[0].field, c.field);
    EXPECT_EQ(findings[0].message.rfind(c.message, 0), 0u) << findings[0].message;
}

INSTANTIATE_TEST_SUITE_P(
        Rules, ContentLint,
        ::testing::Values(
                LintCase{"MisspeltField", "scenes/alpha.json", "\"anchor_hint\"", "\"anchor_hnit\"",
                         "\"anchor_hnit\"", "hotspots[0].anchor_hnit", "unknown field"},
                LintCase{"AnswerOutOfRange", "scenes/alpha.json", "\"correct\": 1",
                         "\"correct\": 2", "\"correct\": 2", "quiz[0].correct",
                         "correct must be the index of the right option, 0 to 1"},
                LintCase{"ChineseTextNotTranslated", "scenes/alpha.json", "\"zh\": \"一座窑。\"",
                         "\"zh\": \"A kiln.\"", "\"visitor\": { \"en\": \"A kiln.\"",
                         "hotspots[0].text.visitor.zh", "Chinese (zh) text contains no Chinese"},
                LintCase{"PlaceholdersDiffer", "scenes/alpha.json", "\"en\": \"Which?\"",
                         "\"en\": \"Which {n}?\"", "Which {n}?", "quiz[0].question",
                         "the {placeholders} differ"},
                LintCase{"SceneIdNotFileName", "scenes/alpha.json", "\"id\": \"alpha\"",
                         "\"id\": \"alpha2\"", "\"id\": \"alpha2\"", "id",
                         "the id 'alpha2' must match the file name"},
                LintCase{"HotspotIdWithoutScenePrefix", "scenes/alpha.json",
                         "\"id\": \"alpha.kiln\"", "\"id\": \"kiln\"", "\"id\": \"kiln\"",
                         "hotspots[0].id", "hotspot id must start with 'alpha.'"},
                LintCase{"DuplicateKey", "scenes/beta.json",
                         "\"source\": \"test fixture\",\n  \"determinants\"",
                         "\"source\": \"test fixture\",\n  \"source\": \"again\",\n  "
                         "\"determinants\"",
                         "\"source\": \"again\"", "source", "duplicate key"},
                LintCase{"DanglingQuizTag", "scenes/beta.json",
                         "\"determinants\": [\"demand\", \"knowledge\"]",
                         "\"determinants\": [\"demand\", \"supply\"]", "\"supply\"",
                         "quiz[0].determinants[1]", "unknown determinant id 'supply'"},
                LintCase{"DanglingGlossaryTerm", "scenes/alpha.json", "\"terms\": [\"saggar\"]",
                         "\"terms\": [\"sagger\"]", "\"sagger\"", "hotspots[0].terms[0]",
                         "unknown glossary term id 'sagger'"},
                LintCase{"DanglingMechanism", "model.json", "\"mechanisms\": [\"m1\"]",
                         "\"mechanisms\": [\"m9\"]", "\"m9\"", "pathways[0].mechanisms[0]",
                         "unknown mechanism id 'm9'"},
                LintCase{"MissingSource", "glossary.json",
                         "\"source\": \"test fixture\"\n    },\n    {",
                         "\"note\": \"no source\"\n    },\n    {", "{\n      \"id\": \"saggar\"",
                         "terms[0].source", "missing field"},
                LintCase{"MissingRequiredUiKey", "ui_strings.json", "\"sim.pause\"",
                         "\"sim.paused\"", "\"strings\"", "strings[\"sim.pause\"]",
                         "missing UI string"}),
        [](const ::testing::TestParamInfo<LintCase>& param) { return param.param.name; });

// Coverage findings name the model item that no scene reaches, not the scene that lost it.
TEST(ContentLint, DeterminantAndPathwayNotReachedByAnySceneAreReported) {
    const fs::path root = copyToScratch(fixtureDir() / "valid");
    replaceInFile(
            root / "scenes/beta.json",
            "    { \"id\": \"factors\", \"why\": { \"en\": \"Because.\", \"zh\": \"因为。\" } },\n"
            "    { \"id\": \"demand\", \"why\": { \"en\": \"Because.\", \"zh\": \"因为。\" } }\n",
            "    { \"id\": \"factors\", \"why\": { \"en\": \"Because.\", \"zh\": \"因为。\" } }\n");
    replaceInFile(
            root / "scenes/beta.json",
            "    { \"id\": \"p1\", \"why\": { \"en\": \"Because.\", \"zh\": \"因为。\" } },\n"
            "    { \"id\": \"p2\", \"why\": { \"en\": \"Because.\", \"zh\": \"因为。\" } }\n",
            "    { \"id\": \"p1\", \"why\": { \"en\": \"Because.\", \"zh\": \"因为。\" } }\n");
    const auto findings = checkContent(root);
    ASSERT_EQ(findings.size(), 2u) << describe(findings);
    const fs::path model = root / "model.json";
    EXPECT_EQ(findings[0].file, "model.json");
    EXPECT_EQ(findings[0].field, "determinants[2]");
    EXPECT_EQ(findings[0].line, lineOfText(model, "{\n      \"id\": \"demand\""));
    EXPECT_EQ(findings[0].message.rfind("no scene links to determinant 'demand'", 0), 0u);
    EXPECT_EQ(findings[1].file, "model.json");
    EXPECT_EQ(findings[1].field, "pathways[1]");
    EXPECT_EQ(findings[1].line, lineOfText(model, "{\n      \"id\": \"p2\""));
    EXPECT_EQ(findings[1].message.rfind("no scene links to pathway 'p2'", 0), 0u);
}

TEST(ContentLint, VisitorTextLongerThanAMinuteIsReported) {
    const fs::path root = copyToScratch(fixtureDir() / "valid");
    std::string longText;
    for (int i = 0; i < 130; ++i) {
        longText += "word ";
    }
    replaceInFile(root / "scenes/alpha.json", "\"en\": \"Alpha card.\"",
                  "\"en\": \"" + longText + "\"");
    const auto findings = checkContent(root);
    ASSERT_EQ(findings.size(), 1u) << describe(findings);
    EXPECT_EQ(findings[0].field, "card.visitor.en");
    EXPECT_NE(findings[0].message.find("130 words"), std::string::npos) << findings[0].message;
}

} // namespace
} // namespace kiln::content
