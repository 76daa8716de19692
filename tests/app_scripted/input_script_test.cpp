// The scripted-session format: what parses, and errors that name the file and line.
#include "kiln/app/input_script.h"

#include <gtest/gtest.h>

using kiln::app::parseInputScript;
using kiln::app::ScriptOp;

TEST(InputScript, ParsesEveryCommandWithItsArguments) {
    const auto script = parseInputScript("# a visitor\n"
                                         "frames 3\n"
                                         "wait 61.5   # nobody there\n"
                                         "tap 10 20\n"
                                         "press 1 2\nmove 3 4\nrelease 5 6\nclick 7 8\n"
                                         "tap-target bar/language\n"
                                         "key F4 alt\n"
                                         "quit\nclose\n"
                                         "screenshot out.png\n"
                                         "expect idle attract\n",
                                         "visit.script");
    ASSERT_TRUE(script) << script.error().message;
    const auto& c = script->commands;
    ASSERT_EQ(c.size(), 13u);
    EXPECT_EQ(c[0].op, ScriptOp::Frames);
    EXPECT_EQ(c[0].numbers[0], 3.0);
    EXPECT_EQ(c[0].line, 2);
    EXPECT_EQ(c[1].op, ScriptOp::Wait);
    EXPECT_DOUBLE_EQ(c[1].numbers[0], 61.5);
    EXPECT_EQ(c[2].op, ScriptOp::Tap);
    EXPECT_EQ(c[2].numbers[1], 20.0);
    EXPECT_EQ(c[7].op, ScriptOp::TapTarget);
    EXPECT_EQ(c[7].text, "bar/language");
    EXPECT_EQ(c[8].op, ScriptOp::Key);
    EXPECT_EQ(c[8].text, "F4");
    EXPECT_EQ(c[8].value, "alt ");
    EXPECT_EQ(c[12].op, ScriptOp::Expect);
    EXPECT_EQ(c[12].text, "idle");
    EXPECT_EQ(c[12].value, "attract");
}

struct BadLine {
    const char* name;
    const char* text;
    const char* message; // expected in the error, after "bad.script:<line>: "
    int line;
};

class InputScriptErrors : public testing::TestWithParam<BadLine> {};

TEST_P(InputScriptErrors, NameTheFileLineAndProblem) {
    const BadLine& bad = GetParam();
    const auto script = parseInputScript(bad.text, "bad.script");
    ASSERT_FALSE(script);
    const std::string expected = "bad.script:" + std::to_string(bad.line) + ": ";
    EXPECT_EQ(script.error().message.rfind(expected, 0), 0u) << script.error().message;
    EXPECT_NE(script.error().message.find(bad.message), std::string::npos)
            << script.error().message;
}

INSTANTIATE_TEST_SUITE_P(
        Cases, InputScriptErrors,
        testing::Values(BadLine{"UnknownCommand", "frames 1\njump 3\n", "unknown command 'jump'",
                                2},
                        BadLine{"MissingArgument", "tap 10\n", "tap takes 2 argument(s), got 1", 1},
                        BadLine{"NotANumber", "wait soon\n", "'soon' is not a finite number", 1},
                        BadLine{"NaN", "tap nan 3\n", "'nan' is not a finite number", 1},
                        BadLine{"NegativeWait", "\n\nwait -1\n", "wait must be", 3},
                        BadLine{"FractionalFrames", "frames 2.5\n", "whole number", 1},
                        BadLine{"OutsideTheWindow", "tap -4 3\n", "inside the window", 1},
                        BadLine{"UnknownState", "expect mood happy\n", "unknown state 'mood'", 1},
                        BadLine{"UnknownModifier", "key F4 meta\n", "unknown key modifier", 1},
                        BadLine{"KeyWithoutName", "key\n", "key needs a key name", 1},
                        BadLine{"RepeatWithoutEnd", "frames 1\nrepeat 3\nframes 1\n",
                                "repeat without end", 2},
                        BadLine{"EndWithoutRepeat", "frames 1\nend\n", "end without repeat", 2},
                        BadLine{"RepeatZero", "repeat 0\nend\n", "whole number from 1", 1},
                        BadLine{"RunawayRepeat", "repeat 100000\nrepeat 100000\nsample\nend\nend\n",
                                "too many commands", 1}),
        [](const testing::TestParamInfo<BadLine>& param) { return param.param.name; });

TEST(InputScript, RepeatBlocksAreUnrolledAndNestWithTheirLineNumbers) {
    const auto script = parseInputScript("repeat 3\n"
                                         "  tap 1 1\n"
                                         "  repeat 2\n"
                                         "    sample\n"
                                         "  end\n"
                                         "end\n"
                                         "frames 1\n",
                                         "soak.script");
    ASSERT_TRUE(script) << script.error().message;
    const auto& c = script->commands;
    ASSERT_EQ(c.size(), 3u * (1u + 2u) + 1u);
    for (std::size_t rep = 0; rep < 3; ++rep) {
        EXPECT_EQ(c[rep * 3].op, ScriptOp::Tap);
        EXPECT_EQ(c[rep * 3].line, 2);
        EXPECT_EQ(c[rep * 3 + 1].op, ScriptOp::Sample);
        EXPECT_EQ(c[rep * 3 + 2].line, 4);
    }
    EXPECT_EQ(c.back().op, ScriptOp::Frames);
    EXPECT_EQ(c.back().line, 7);
}

TEST(InputScript, FingersMarksAndComparisons) {
    const auto script = parseInputScript("press 1 2 2\nmove 3 4\nmark\n"
                                         "expect-changed camera.yaw\nexpect-same camera.distance\n",
                                         "camera.script");
    ASSERT_TRUE(script) << script.error().message;
    const auto& c = script->commands;
    ASSERT_EQ(c.size(), 5u);
    EXPECT_EQ(c[0].numbers[2], 2.0); // the second finger
    EXPECT_EQ(c[1].numbers[2], 1.0); // the first, unless given
    EXPECT_EQ(c[2].op, ScriptOp::Mark);
    EXPECT_EQ(c[3].op, ScriptOp::ExpectChanged);
    EXPECT_EQ(c[3].text, "camera.yaw");
    EXPECT_EQ(c[4].op, ScriptOp::ExpectSame);
    const auto badFinger = parseInputScript("press 1 2 12\n", "f.script");
    ASSERT_FALSE(badFinger);
    EXPECT_NE(badFinger.error().message.find("f.script:1: a finger is a whole number"),
              std::string::npos);
    const auto badState = parseInputScript("expect-same mood\n", "f.script");
    ASSERT_FALSE(badState);
    EXPECT_NE(badState.error().message.find("unknown state 'mood'"), std::string::npos);
}

TEST(InputScript, AMissingFileIsAnErrorNamingIt) {
    const auto script = kiln::app::loadInputScript("/no/such/visit.script");
    ASSERT_FALSE(script);
    EXPECT_NE(script.error().message.find("/no/such/visit.script"), std::string::npos);
}
