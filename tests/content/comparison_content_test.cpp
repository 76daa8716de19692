// The kiln comparison file (comparison.json) and the quiz's two-depth explanations: the valid
// fixture loads them; each broken copy gives a finding that names the file, the line and the field
// (missing translation, dangling determinant, duplicate id, unknown kiln, published figure without
// numbers, a step backwards in time); the shipped file is complete.
#include "content_test_support.h"
#include "kiln/content/content_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>

namespace kiln::content {
namespace {

namespace fs = std::filesystem;
using test::copyToScratch;
using test::describe;
using test::fixtureDir;
using test::lineOfText;
using test::replaceInFile;

TEST(ComparisonContent, ValidFixtureLoadsKilnsFiguresAndSteps) {
    const LoadResult result = loadContent(fixtureDir() / "valid", {false});
    ASSERT_TRUE(result.findings.empty()) << describe(result.findings);
    const ComparisonContent& c = result.library.comparison;
    ASSERT_TRUE(c.loaded);
    ASSERT_EQ(c.kilns.size(), 2u);
    EXPECT_EQ(c.kilns[0].id, "alpha");
    EXPECT_EQ(c.kilns[0].fromYear, 900);
    EXPECT_EQ(c.kilns[0].toYear, 1300);
    EXPECT_EQ(c.kilns[0].firing, "assets/firings/dragon_kiln_traditional.json");
    const ComparisonFigure& capacity = c.kilns[0].figure(ComparisonQuantity::Capacity);
    EXPECT_TRUE(capacity.published);
    EXPECT_EQ(capacity.numbers, std::vector<double>{20000});
    EXPECT_EQ(capacity.value.zh, "两万件");
    EXPECT_FALSE(c.kilns[0].figure(ComparisonQuantity::Fuel).published);
    EXPECT_EQ(c.kilns[1].figure(ComparisonQuantity::Duration).numbers,
              (std::vector<double>{22, 24}));
    ASSERT_EQ(c.steps.size(), 1u);
    EXPECT_EQ(c.steps[0].determinantId, "factors");
    EXPECT_EQ(c.stepInto("beta"), &c.steps[0]);
    EXPECT_EQ(c.stepInto("alpha"), nullptr);
    EXPECT_EQ(c.findKiln("beta"), &c.kilns[1]);
    EXPECT_EQ(c.kilns[1].text.in(Language::Zh, Depth::Student), "第二座，更深入。");
}

TEST(ComparisonContent, AOneDepthQuizExplanationServesBothDepths) {
    const LoadResult result = loadContent(fixtureDir() / "valid", {false});
    const SceneContent* alpha = result.library.findScene("alpha");
    ASSERT_NE(alpha, nullptr);
    ASSERT_FALSE(alpha->quiz.empty());
    EXPECT_EQ(alpha->quiz[0].explanation.visitor.en, "That one.");
    EXPECT_EQ(alpha->quiz[0].explanation.student.en, "That one.");
}

TEST(ComparisonContent, ATwoDepthQuizExplanationKeepsEachDepth) {
    const fs::path root = copyToScratch(fixtureDir() / "valid");
    replaceInFile(root / "scenes/alpha.json",
                  R"("explanation": { "en": "That one.", "zh": "那个。" })",
                  R"("explanation": { "visitor": { "en": "That one.", "zh": "那个。" },
                     "student": { "en": "That one, because.", "zh": "那个，因为。" } })");
    const LoadResult result = loadContent(root, {false});
    ASSERT_TRUE(result.findings.empty()) << describe(result.findings);
    const auto& q = result.library.findScene("alpha")->quiz[0];
    EXPECT_EQ(q.explanation.in(Language::En, Depth::Visitor), "That one.");
    EXPECT_EQ(q.explanation.in(Language::Zh, Depth::Student), "那个，因为。");
}

struct BrokenCase {
    const char* name;
    const char* from;
    const char* to;
    const char* lineOf; // text in the edited file whose line the finding names
    const char* field;
    const char* message; // prefix
};

void PrintTo(const BrokenCase& c, std::ostream* os) {
    *os << c.name;
}

class BrokenComparison : public ::testing::TestWithParam<BrokenCase> {};

// Each broken copy gives (at least) the finding named, on comparison.json with its line and
// field; the rest of the content still loads.
TEST_P(BrokenComparison, NamesFileLineAndField) {
    const BrokenCase& c = GetParam();
    const fs::path root = copyToScratch(fixtureDir() / "valid");
    replaceInFile(root / "comparison.json", c.from, c.to);
    const int line = lineOfText(root / "comparison.json", c.lineOf);
    ASSERT_GT(line, 0);
    const LoadResult result = loadContent(root, {false});
    const auto it = std::find_if(result.findings.begin(), result.findings.end(), [&](auto& f) {
        return f.file == "comparison.json" && f.field == c.field;
    });
    ASSERT_NE(it, result.findings.end()) << describe(result.findings);
    EXPECT_EQ(it->line, line);
    EXPECT_EQ(it->message.rfind(c.message, 0), 0u) << it->message;
    EXPECT_EQ(result.library.scenes.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(
        Cases, BrokenComparison,
        ::testing::Values(BrokenCase{"MissingTranslation", R"({ "en": "Beta kiln", "zh": "乙窑" })",
                                     R"({ "en": "Beta kiln" })", R"("en": "Beta kiln")",
                                     "kilns[1].name.zh", "missing Chinese (zh) text"},
                          BrokenCase{"DanglingDeterminant", R"("determinant": "factors")",
                                     R"("determinant": "factorz")", R"("determinant": "factorz")",
                                     "steps[0].determinant", "unknown determinant id 'factorz'"},
                          BrokenCase{"DuplicateKilnId", R"("id": "beta",)",
                                     R"("id": "alpha", "note": "dup",)", R"("note": "dup")",
                                     "kilns[1].id", "duplicate id 'alpha'"},
                          BrokenCase{"KilnThatIsNoScene", R"("id": "beta")", R"("id": "gamma")",
                                     R"("id": "gamma")", "kilns[1].id", "unknown scene id 'gamma'"},
                          BrokenCase{"DanglingKilnInAStep", R"("to": "beta")", R"("to": "betta")",
                                     R"("to": "betta")", "steps[0].to", "unknown kiln id 'betta'"},
                          BrokenCase{"StepBackwards", R"("from": "alpha",
      "to": "beta")",
                                     R"("from": "beta",
      "to": "alpha")",
                                     R"("to": "alpha")", "steps[0].to",
                                     "the step from 'beta' to 'alpha' goes backwards"},
                          BrokenCase{"PublishedFigureWithoutNumbers", R"(, "numbers": [20000])", "",
                                     R"("capacity": { "value": { "en": "20,000 pieces")",
                                     "kilns[0].figures.capacity.numbers",
                                     "a published figure needs its numbers"},
                          BrokenCase{"MisspeltField", R"("years": [900, 1300])",
                                     R"("yaers": [900, 1300])", R"("yaers")", "kilns[0].yaers",
                                     "unknown field"}));

TEST(ComparisonContent, AMissingFileIsOneFindingAndTheRestLoads) {
    const fs::path root = copyToScratch(fixtureDir() / "valid");
    fs::remove(root / "comparison.json");
    const LoadResult result = loadContent(root, {false});
    ASSERT_EQ(result.findings.size(), 1u) << describe(result.findings);
    EXPECT_EQ(result.findings[0].file, "comparison.json");
    EXPECT_EQ(result.findings[0].field, "(file)");
    EXPECT_FALSE(result.library.comparison.loaded);
    EXPECT_EQ(result.library.scenes.size(), 2u);
}

TEST(ComparisonContent, TheShippedComparisonIsCompleteInBothLanguagesAndDepths) {
    const LoadResult result = loadContent(test::realContentDir(), {false});
    const ComparisonContent& c = result.library.comparison;
    ASSERT_TRUE(c.loaded);
    ASSERT_GE(c.kilns.size(), 3u);
    for (const ComparisonKiln& k : c.kilns) {
        SCOPED_TRACE(k.id);
        EXPECT_NE(result.library.findScene(k.id), nullptr);
        EXPECT_TRUE(k.name.complete() && k.period.complete());
        EXPECT_TRUE(k.text.visitor.complete() && k.text.student.complete());
        EXPECT_LE(k.fromYear, k.toYear);
        for (ComparisonQuantity q : kComparisonQuantities) {
            EXPECT_TRUE(k.figure(q).value.complete());
            EXPECT_FALSE(k.figure(q).source.empty());
            EXPECT_EQ(k.figure(q).published, !k.figure(q).numbers.empty());
        }
    }
    // The kilns are in the order of their periods.
    for (std::size_t i = 1; i < c.kilns.size(); ++i) {
        EXPECT_LE(c.kilns[i - 1].fromYear, c.kilns[i].fromYear);
    }
    ASSERT_FALSE(c.steps.empty());
    for (const ComparisonStep& s : c.steps) {
        EXPECT_NE(result.library.model.findDeterminant(s.determinantId), nullptr);
        EXPECT_TRUE(s.text.visitor.complete() && s.text.student.complete());
    }
}

} // namespace
} // namespace kiln::content
