// Command-line options: every option, and a one-line error for anything else.
#include "kiln/app/options.h"

#include <gtest/gtest.h>

using kiln::app::parseOptions;

TEST(Options, DefaultsOpenThePlaceholderWindowed) {
    auto o = parseOptions({});
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(o->sceneId, "placeholder");
    EXPECT_EQ(o->width, 1280);
    EXPECT_EQ(o->height, 720);
    EXPECT_FALSE(o->offscreen);
    EXPECT_EQ(o->frames, 0);
}

TEST(Options, SceneViewOptionsParse) {
    auto o = parseOptions({"--walk", "--cutaway", "--evidence-view", "--viewpoint", "chamber",
                           "--firing-hours", "22.5", "--render-scale", "0.5", "--screenshot-size",
                           "3840x2160", "--report-frame-times"});
    ASSERT_TRUE(o.ok()) << o.error().message;
    EXPECT_TRUE(o->walk);
    EXPECT_TRUE(o->cutaway);
    EXPECT_TRUE(o->evidenceView);
    EXPECT_EQ(o->viewpointId, "chamber");
    EXPECT_DOUBLE_EQ(o->firingHours, 22.5);
    EXPECT_FLOAT_EQ(o->renderScale, 0.5f);
    EXPECT_EQ(o->screenshotWidth, 3840);
    EXPECT_EQ(o->screenshotHeight, 2160);
    EXPECT_TRUE(o->reportFrameTimes);
}

TEST(Options, AllOptionsParse) {
    auto o = parseOptions({"--scene", "egg_kiln", "--size", "1920x1080", "--fullscreen",
                           "--offscreen", "--frames", "12", "--screenshot", "out.png", "--msaa",
                           "0", "--no-ui"});
    ASSERT_TRUE(o.ok()) << o.error().message;
    EXPECT_EQ(o->sceneId, "egg_kiln");
    EXPECT_EQ(o->width, 1920);
    EXPECT_EQ(o->height, 1080);
    EXPECT_TRUE(o->fullscreen);
    EXPECT_TRUE(o->offscreen);
    EXPECT_EQ(o->frames, 12);
    EXPECT_EQ(o->screenshotPath, "out.png");
    EXPECT_EQ(o->msaaSamples, 0);
    EXPECT_FALSE(o->showUi);
}

struct BadCase {
    const char* name;
    std::vector<std::string> args;
    const char* expected;
};

void PrintTo(const BadCase& c, std::ostream* os) {
    *os << c.name;
}

class BadOptions : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadOptions, GiveOneLineNamingTheProblem) {
    auto o = parseOptions(GetParam().args);
    ASSERT_FALSE(o.ok());
    EXPECT_NE(o.error().message.find(GetParam().expected), std::string::npos) << o.error().message;
    EXPECT_EQ(o.error().message.find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
        Cases, BadOptions,
        ::testing::Values(
                BadCase{"unknown", {"--bogus"}, "unknown option '--bogus'"},
                BadCase{"size_no_x", {"--size", "1280"}, "bad value for --size: '1280'"},
                BadCase{"size_zero", {"--size", "0x720"}, "bad value for --size"},
                BadCase{"size_huge", {"--size", "99999x10"}, "bad value for --size"},
                BadCase{"frames_negative", {"--frames", "-3"}, "bad value for --frames: '-3'"},
                BadCase{"frames_text", {"--frames", "ten"}, "bad value for --frames: 'ten'"},
                BadCase{"frames_zero", {"--frames", "0"}, "bad value for --frames"},
                BadCase{"scene_missing", {"--scene"}, "option --scene needs a value"},
                BadCase{"msaa_three", {"--msaa", "3"}, "bad value for --msaa: '3'"}),
        [](const auto& p) { return std::string(p.param.name); });
