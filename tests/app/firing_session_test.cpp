// The app's translation of the firing into what the scene shows: glow from temperature, the
// front hotter than the rear, smoke darker in reduction. Checked against physics (Planck's law
// makes luminance rise steeply with temperature) and the record (front fierce, back feeble).
#include "kiln/app/firing_session.h"

#include "kiln/app/firing_effects.h"
#include "kiln/core/data_paths.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace kiln;

namespace {
float luminance(const glm::vec3& c) {
    return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
}
} // namespace

TEST(FiringSession, LoadsTheTraditionalEggKilnFiring) {
    auto session =
            app::FiringSession::load(core::dataPath("assets/firings/egg_kiln_traditional.json"));
    ASSERT_TRUE(session.ok()) << session.error().message;
    EXPECT_NEAR((*session)->run().timeHours(), 0.0, 1e-9);
    (*session)->runToHours(22.0);
    EXPECT_GE((*session)->run().timeHours(), 22.0);
    // Front fierce, back feeble: the front third is far hotter than the rear third.
    const double front = (*session)->settingTemperatureC(0.0, 1.0 / 3.0);
    const double rear = (*session)->settingTemperatureC(2.0 / 3.0, 1.0);
    EXPECT_GT(front, rear + 100.0);
    // ...and so it glows brighter.
    EXPECT_GT(luminance((*session)->rowGlow(0.0)), luminance((*session)->rowGlow(1.0)));
}

TEST(FiringSession, GlowRisesSteeplyAndReddensAsTheWareCools) {
    auto session =
            app::FiringSession::load(core::dataPath("assets/firings/egg_kiln_traditional.json"));
    ASSERT_TRUE(session.ok()) << session.error().message;
    const glm::vec3 dull = (*session)->glowRadiance(700.0);
    const glm::vec3 white = (*session)->glowRadiance(1300.0);
    EXPECT_GT(luminance(white), 20.0f * luminance(dull)); // Planck: far more than proportional
    EXPECT_GT(dull.r, 4.0f * dull.b) << "dull red heat is red";
    EXPECT_GT(white.g / white.r, dull.g / dull.r) << "hotter is yellower (towards white)";
    EXPECT_LT(luminance((*session)->glowRadiance(100.0)), 1e-6f) << "cold ware does not glow";
}

TEST(FiringSession, MissingScheduleIsAClearError) {
    auto session = app::FiringSession::load("/no/such/schedule.json");
    ASSERT_FALSE(session.ok());
    EXPECT_NE(session.error().message.find("/no/such/schedule.json"), std::string::npos);
}

TEST(FiringEffects, SmokeIsDarkInReductionAndPaleInACleanBurn) {
    const glm::vec3 reducing = app::FiringEffects::smokeColor(sim::Atmosphere::Reducing, 0.0);
    const glm::vec3 neutral = app::FiringEffects::smokeColor(sim::Atmosphere::Neutral, 0.0);
    const glm::vec3 oxidizing = app::FiringEffects::smokeColor(sim::Atmosphere::Oxidizing, 0.0);
    EXPECT_LT(luminance(reducing), luminance(neutral));
    EXPECT_LT(luminance(neutral), luminance(oxidizing));
    // Unburnt volatiles darken the smoke further.
    EXPECT_LT(luminance(app::FiringEffects::smokeColor(sim::Atmosphere::Oxidizing, 0.02)),
              luminance(oxidizing));
}

TEST(FiringSession, SeekingBackReplaysTheSameFiringAndKeepsEarlierCommands) {
    auto session =
            app::FiringSession::load(core::dataPath("assets/firings/egg_kiln_traditional.json"));
    ASSERT_TRUE(session.ok()) << session.error().message;
    app::FiringSession& f = **session;
    int steps = 0;
    f.setStepObserver([&steps] { ++steps; });
    f.runToHours(10.0);
    EXPECT_GT(steps, 500); // 60 s steps: every one is observed
    const double frontAt10 = f.settingTemperatureC(0.0, 1.0 / 3.0);
    f.runToHours(15.0);
    f.seekHours(10.0); // back: the deterministic firing is run again
    EXPECT_NEAR(f.run().timeHours(), 10.0, 0.05);
    EXPECT_NEAR(f.settingTemperatureC(0.0, 1.0 / 3.0), frontAt10, 1e-6);
    // A firing-master command changes what follows, and survives a seek to a later time.
    f.command(sim::CommandKind::Damper, 0.0); // close the damper: less draft, less air
    f.runToHours(14.0);
    const double closedFront = f.settingTemperatureC(0.0, 1.0 / 3.0);
    f.seekHours(12.0);
    f.runToHours(14.0);
    EXPECT_NEAR(f.settingTemperatureC(0.0, 1.0 / 3.0), closedFront, 1e-6);
    // Seeking back before the command forgets it: the firing follows the schedule again.
    f.seekHours(9.0);
    f.runToHours(14.0);
    EXPECT_GT(std::abs(f.settingTemperatureC(0.0, 1.0 / 3.0) - closedFront), 1.0);
}
