// Installation config validation: the shipped examples are clean and parse to what they say;
// each broken fixture under data/ gives exactly the expected findings (file, line, field), all
// of them, not only the first; loading refuses a broken file.

#include "kiln/app/installation_config.h"

#include "kiln/app/pin_hash.h"
#include "kiln/core/file_io.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace kiln::app {
namespace {

namespace fs = std::filesystem;

const fs::path kData = KILN_INSTALLATION_TEST_DATA;
const fs::path kExamples = KILN_INSTALLATION_EXAMPLES;

// The scenes the fixtures may name (so the tests do not depend on which scenes ship).
const std::vector<std::string> kScenes = {"dragon_kiln", "egg_kiln", "taoxichuan"};

std::string readText(const fs::path& path) {
    auto text = core::readTextFile(path);
    EXPECT_TRUE(text.ok()) << path;
    return text.ok() ? text.value() : std::string();
}

struct Expected {
    int line;
    std::string field;
    std::string messagePart;
};

void expectFindings(const std::string& fileName, const std::vector<Expected>& expected) {
    SCOPED_TRACE(fileName);
    const std::vector<ConfigFinding> findings =
            validateInstallationConfig(readText(kData / fileName), fileName, kScenes);
    std::string all;
    for (const ConfigFinding& finding : findings) {
        all.append(formatConfigFinding(finding)).push_back('\n');
    }
    ASSERT_EQ(findings.size(), expected.size()) << all;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(findings[i].file, fileName);
        EXPECT_EQ(findings[i].line, expected[i].line) << formatConfigFinding(findings[i]);
        EXPECT_EQ(findings[i].field, expected[i].field) << formatConfigFinding(findings[i]);
        EXPECT_NE(findings[i].message.find(expected[i].messagePart), std::string::npos)
                << formatConfigFinding(findings[i]) << "\n  wanted: " << expected[i].messagePart;
    }
}

class ExampleConfig : public testing::TestWithParam<const char*> {};

TEST_P(ExampleConfig, ValidatesAgainstTheShippedScenes) {
    const fs::path path = kExamples / GetParam();
    const auto findings = validateInstallationConfig(readText(path), path.string());
    for (const ConfigFinding& finding : findings) {
        ADD_FAILURE() << formatConfigFinding(finding);
    }
    const auto config = loadInstallationConfig(path);
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_FALSE(config->scenes.empty());
    EXPECT_FALSE(config->name.empty());
}

INSTANTIATE_TEST_SUITE_P(Docs, ExampleConfig,
                         testing::Values("kiosk.json", "classroom.json", "exhibition.json"));

TEST(InstallationConfig, KioskExampleParsesToItsValues) {
    const auto config = loadInstallationConfig(kExamples / "kiosk.json");
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config->mode, InstallationMode::Kiosk);
    EXPECT_EQ(config->name.rfind("中国陶瓷博物馆", 0), 0u); // UTF-8 kept as it is
    ASSERT_EQ(config->scenes.size(), 6u);
    EXPECT_EQ(config->scenes.front(), "egg_kiln");
    EXPECT_EQ(config->scenes.back(), "taoxichuan");
    EXPECT_EQ(config->language, content::Language::Zh);
    EXPECT_EQ(config->depth, content::Depth::Visitor);
    EXPECT_DOUBLE_EQ(config->timeouts.browseSeconds, 60.0);
    EXPECT_DOUBLE_EQ(config->timeouts.firingBrowseSeconds, 180.0);
    EXPECT_DOUBLE_EQ(config->timeouts.countdownSeconds, 15.0);
    EXPECT_EQ(config->admin.corner, ScreenCorner::TopRight);
    EXPECT_TRUE(config->display.fullscreen);
    EXPECT_TRUE(config->analytics.enabled);
    EXPECT_EQ(config->analytics.folder, "/var/lib/kilnfire/analytics");
    // The documented example PIN.
    EXPECT_TRUE(verifyPin("2580", config->admin.pinHash));
    EXPECT_FALSE(verifyPin("0000", config->admin.pinHash));
}

TEST(InstallationConfig, ClassroomExampleNeedsNoPinAndKeepsDefaults) {
    const auto config = loadInstallationConfig(kExamples / "classroom.json");
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config->mode, InstallationMode::Classroom);
    EXPECT_EQ(config->depth, content::Depth::Student);
    EXPECT_TRUE(config->admin.pinHash.empty());
    EXPECT_EQ(config->display.index, 1);
    EXPECT_DOUBLE_EQ(config->timeouts.browseSeconds, 60.0); // default, not in the file
    EXPECT_FALSE(config->analytics.enabled);
}

TEST(InstallationConfig, RelativeAnalyticsFolderIsBesideTheConfigFile) {
    const auto config = loadInstallationConfig(kExamples / "exhibition.json");
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config->mode, InstallationMode::Exhibition);
    EXPECT_EQ(config->admin.corner, ScreenCorner::BottomLeft);
    EXPECT_EQ(fs::path(config->analytics.folder), (kExamples / "analytics").lexically_normal());
}

TEST(InstallationConfig, ManyErrorsInOneFileAreAllReportedInFileOrder) {
    expectFindings("many_errors.json",
                   {
                           {3, "mode", "unknown mode \"museum\""},
                           {6, "scenes[1]", "unknown scene \"no_such_kiln\""},
                           {7, "scenes[2]", "\"egg_kiln\" is listed twice"},
                           {8, "scenes[3]", "must be a scene id string, not number"},
                           {10, "langauge", "did you mean \"language\"?"},
                           {12, "timeouts.browseSeconds", "from 15 to 1800 seconds, not 5"},
                           {13, "timeouts.countdownSeconds", "must be a number of seconds"},
                           {14, "timeouts.idleSeconds", "unknown field"},
                           {16, "display.index", "from 0 to 15, not -1"},
                           {16, "display.fullscreen", "true or false, not string"},
                           {17, "admin.pinHash", "pbkdf2-sha256$<iterations>"},
                           {17, "admin.corner", "not \"middle\""},
                           {18, "analytics.folder", "required when analytics are enabled"},
                   });
}

TEST(InstallationConfig, SyntaxErrorNamesItsLine) {
    expectFindings("syntax_error.json", {{3, "(syntax)", "malformed JSON"}});
}

TEST(InstallationConfig, RootMustBeAnObject) {
    expectFindings("not_an_object.json", {{1, "(root)", "one object"}});
}

TEST(InstallationConfig, KioskWithoutPinAndOtherRangeErrors) {
    expectFindings("kiosk_without_pin.json",
                   {
                           {1, "admin.pinHash", "a kiosk is locked down"},
                           {3, "scenes", "empty"},
                           {4, "language", "\"zh\" or \"en\", not \"fr\""},
                           {5, "timeouts.countdownSeconds", "from 5 to 120 seconds, not 200"},
                           {5, "timeouts.firingBrowseSeconds", "must not be shorter"},
                   });
}

TEST(InstallationConfig, MissingRequiredFields) {
    expectFindings("missing_required.json",
                   {
                           {1, "mode", "missing (required"},
                           {1, "scenes", "missing (required"},
                           {3, "depth", "\"visitor\" or \"student\", not \"expert\""},
                           {5, "admin.pinHash", "iteration count"},
                   });
}

TEST(InstallationConfig, WrongTypes) {
    expectFindings("wrong_types.json",
                   {
                           {3, "scenes", "must be an array of scene ids, not string"},
                           {4, "timeouts", "must be an object, not 60"},
                           {5, "display.index", "must be a whole number, not 1.5"},
                           {7, "admin.pinHash", "64 lower-case hex digits"},
                           {8, "admin.holdSeconds", "from 2 to 10 seconds, not 1"},
                           {10, "analytics", "must be an object, not array"},
                   });
}

TEST(InstallationConfig, LoadRefusesABrokenFileAndListsEveryFinding) {
    const auto config = loadInstallationConfig(kData / "many_errors.json");
    ASSERT_FALSE(config.ok());
    const std::string& message = config.error().message;
    EXPECT_NE(message.find("13 problems"), std::string::npos) << message;
    EXPECT_NE(message.find("will not start"), std::string::npos) << message;
    EXPECT_NE(message.find("many_errors.json:18: analytics.folder:"), std::string::npos) << message;
}

TEST(InstallationConfig, MissingFileIsAnErrorNamingIt) {
    const auto config = loadInstallationConfig(kData / "no_such_file.json");
    ASSERT_FALSE(config.ok());
    EXPECT_NE(config.error().message.find("no_such_file.json"), std::string::npos);
}

TEST(InstallationConfig, SceneIdsComeFromTheScenesFolder) {
    const std::vector<std::string> ids = availableSceneIds();
    EXPECT_NE(std::find(ids.begin(), ids.end(), "egg_kiln"), ids.end());
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
}

TEST(InstallationConfig, ModePolicies) {
    EXPECT_TRUE(policyOf(InstallationMode::Kiosk).lockdown);
    EXPECT_TRUE(policyOf(InstallationMode::Kiosk).idleReset);
    EXPECT_FALSE(policyOf(InstallationMode::Kiosk).presenterKeys);
    EXPECT_FALSE(policyOf(InstallationMode::Classroom).lockdown);
    EXPECT_FALSE(policyOf(InstallationMode::Classroom).idleReset);
    EXPECT_TRUE(policyOf(InstallationMode::Classroom).presenterKeys);
    EXPECT_TRUE(policyOf(InstallationMode::Exhibition).lockdown);
    EXPECT_TRUE(policyOf(InstallationMode::Exhibition).attractLoop);
    for (const auto mode :
         {InstallationMode::Kiosk, InstallationMode::Classroom, InstallationMode::Exhibition}) {
        EXPECT_EQ(parseMode(modeCode(mode)), mode);
    }
    EXPECT_FALSE(parseMode("Kiosk").has_value());
}

} // namespace
} // namespace kiln::app
