// Runs the kilnfire program as a visitor's machine would: exit codes and messages.
#include "kiln/app/pin_hash.h"
#include "kiln/core/data_paths.h"
#include "process_run.h"
#include "test_paths.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace {

using kiln::test::ProcessRun;

ProcessRun runKilnfire(const std::string& args, const std::string& env = "") {
    std::string command = env;
    command.append(" ").append(KILNFIRE_EXE).append(" ").append(args).append(" 2>&1");
    return kiln::test::runCommand(command);
}

} // namespace

TEST(KilnfireProcess, HelpListsEveryOption) {
    ProcessRun r = runKilnfire("--help");
    EXPECT_EQ(r.exitCode, 0);
    for (const char* option : {"--scene", "--size", "--fullscreen", "--offscreen", "--frames",
                               "--screenshot", "--help"}) {
        EXPECT_NE(r.output.find(option), std::string::npos) << option;
    }
}

TEST(KilnfireProcess, UnknownOptionExitsWithCode2AndOneLine) {
    ProcessRun r = runKilnfire("--frobnicate");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.output, "kilnfire: unknown option '--frobnicate' (see kilnfire --help)\n");
}

TEST(KilnfireProcess, BadValueExitsWithCode2) {
    ProcessRun r = runKilnfire("--size 12by7");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("bad value for --size: '12by7'"), std::string::npos) << r.output;
}

TEST(KilnfireProcess, NoGlContextExitsCleanlyWithAMessage) {
    // SDL's dummy video driver has no OpenGL: the program must say so and exit 1, not crash.
    ProcessRun r = runKilnfire("--frames 1", "SDL_VIDEODRIVER=dummy");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("OpenGL"), std::string::npos) << r.output;
}

TEST(KilnfireProcess, UnknownSceneFallsBackAndStillRenders) {
    const auto shot = kiln::test::outputDir("app") / "unknown_scene.png";
    std::filesystem::remove(shot);
    ProcessRun r = runKilnfire(
            "--offscreen --frames 1 --size 320x240 --scene no_such_scene --screenshot " +
            shot.string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("unknown scene 'no_such_scene'"), std::string::npos) << r.output;
    EXPECT_TRUE(std::filesystem::exists(shot));
}

TEST(KilnfireProcess, MissingModelFallsBackToTheErrorModel) {
    const auto shot = kiln::test::outputDir("app") / "missing_model.png";
    ProcessRun r = runKilnfire("--offscreen --frames 1 --size 320x240 --model /no/such/scan.glb "
                               "--screenshot " +
                               shot.string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("/no/such/scan.glb: model file not found"), std::string::npos)
            << r.output;
}

TEST(KilnfireProcess, BrokenInstallationFileRefusesToStart) {
    const auto file = kiln::test::outputDir("app") / "broken_installation.json";
    {
        std::FILE* f = std::fopen(file.c_str(), "w");
        ASSERT_NE(f, nullptr);
        std::fputs("{\n  \"mode\": \"kiosk\",\n  \"scenes\": [\"egg_kiln\"],\n  \"langage\": "
                   "\"zh\"\n}\n",
                   f);
        std::fclose(f);
    }
    ProcessRun r = runKilnfire("--offscreen --frames 1 --config " + file.string());
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(file.string() + ":4"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("langage"), std::string::npos) << r.output;
}

TEST(KilnfireProcess, KioskInstallationStartsOnItsFirstScene) {
    const auto config = kiln::core::dataPath("docs/installations/kiosk.json");
    ProcessRun r = runKilnfire("--offscreen --frames 1 --size 320x180 --config " + config.string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("(kiosk)"), std::string::npos) << r.output;
}

TEST(KilnfireProcess, HashPinPrintsAHashThatVerifies) {
    const std::string command =
            std::string("printf '4711\\n4711\\n' | ") + KILNFIRE_EXE + " --hash-pin";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::array<char, 512> line{};
    const bool read = fgets(line.data(), line.size(), pipe) != nullptr;
    const int status = pclose(pipe);
    ASSERT_TRUE(read);
    EXPECT_EQ(WEXITSTATUS(status), 0);
    std::string hash(line.data());
    while (!hash.empty() && hash.back() == '\n') {
        hash.pop_back();
    }
    EXPECT_EQ(hash.rfind("pbkdf2-sha256$", 0), 0u) << hash;
    EXPECT_TRUE(kiln::app::verifyPin("4711", hash));
    EXPECT_FALSE(kiln::app::verifyPin("4712", hash));
}
