// Exposure for a view into the firing kiln: against the blackbody glow itself (the ratio of
// luminances between a 1290 C front and a 1100 C rear must survive the exposure), and the
// adaptation's smoothness.
#include "kiln/app/exposure.h"

#include "kiln/sim/blackbody.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using kiln::app::ExposureAdaptation;
using kiln::app::exposureForGlow;
using kiln::app::kGlowWhiteLuminance;

TEST(Exposure, DimGlowKeepsTheScenesExposure) {
    // Dull red heat (a few radiance units or less) is drawn at the scene's exposure.
    EXPECT_FLOAT_EQ(exposureForGlow(1.0f, 0.5f), 1.0f);
    EXPECT_FLOAT_EQ(exposureForGlow(1.0f, kGlowWhiteLuminance), 1.0f);
    EXPECT_FLOAT_EQ(exposureForGlow(0.5f, 3.0f), 0.5f); // 1.5 when exposed: below 2
}

TEST(Exposure, BrightGlowIsExposedToTheTopOfTheCurveKeepingRatios) {
    // Y relative to 1000 K, from the blackbody itself (not from our render constants).
    const double front = kiln::sim::blackbodyGlow(1290.0).relativeLuminance;
    const double rear = kiln::sim::blackbodyGlow(1100.0).relativeLuminance;
    ASSERT_GT(front / rear, 5.0); // Planck: roughly an order of magnitude between them
    const float frontLuminance = static_cast<float>(front) * 0.01f;
    const float e = exposureForGlow(1.0f, frontLuminance);
    EXPECT_NEAR(frontLuminance * e, kGlowWhiteLuminance, 1e-4f);
    // The rear, exposed the same way, stays well below the front: the gradient shows.
    const float rearExposed = static_cast<float>(rear) * 0.01f * e;
    EXPECT_NEAR(rearExposed / kGlowWhiteLuminance, rear / front, 1e-5);
}

TEST(Exposure, BadInputFallsBackToTheScenesExposure) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    EXPECT_FLOAT_EQ(exposureForGlow(1.0f, nan), 1.0f);
    EXPECT_FLOAT_EQ(exposureForGlow(1.0f, -3.0f), 1.0f);
    EXPECT_FLOAT_EQ(exposureForGlow(nan, 1.0f), 1.0f);
    EXPECT_FLOAT_EQ(exposureForGlow(1.0f, inf), 1.0f);
}

TEST(Exposure, AdaptationStartsAtItsTargetThenApproachesSmoothly) {
    ExposureAdaptation a(0.7f);
    EXPECT_FLOAT_EQ(a.current(2.0f), 2.0f); // nothing yet: the caller's value
    EXPECT_FLOAT_EQ(a.update(1.0f, 1.0f / 60.0f), 1.0f);
    // The target drops 64-fold (the cutaway opened on a kiln at white heat): no jump.
    const float target = 1.0f / 64.0f;
    float previous = 1.0f;
    for (int i = 0; i < 6; ++i) { // 0.1 s
        const float e = a.update(target, 1.0f / 60.0f);
        EXPECT_LT(e, previous);
        EXPECT_GT(e / previous, 0.9f); // under a tenth per frame at 60 fps
        previous = e;
    }
    // After one time constant about two thirds of the way in log exposure; after five, there.
    ExposureAdaptation b(0.7f);
    b.update(1.0f, 0.0f);
    const float oneTau = b.update(target, 0.7f);
    EXPECT_NEAR(std::log(oneTau) / std::log(target), 1.0 - std::exp(-1.0), 1e-4);
    for (int i = 0; i < 4; ++i) {
        b.update(target, 0.7f);
    }
    EXPECT_NEAR(std::log(b.current(1.0f)) / std::log(target), 1.0, 0.01);
    // A bad target or step changes nothing; reset starts again at the next target.
    const float before = b.current(1.0f);
    EXPECT_FLOAT_EQ(b.update(std::numeric_limits<float>::quiet_NaN(), 0.1f), before);
    EXPECT_FLOAT_EQ(b.update(target, std::numeric_limits<float>::quiet_NaN()), before);
    b.reset();
    EXPECT_FLOAT_EQ(b.update(3.0f, 0.1f), 3.0f);
}

TEST(Exposure, DisplayedGlowFollowsTheToneCurve) {
    using kiln::app::displayedGlow;
    // Black stays black, far past the curve's top is full scale, and Narkowicz's fit gives
    // 2.54 / 3.16 = 0.804 at 1 (sRGB 0.910).
    EXPECT_FLOAT_EQ(displayedGlow(glm::vec3(0.0f), 1.0f).r, 0.0f);
    EXPECT_NEAR(displayedGlow(glm::vec3(1000.0f), 1.0f).g, 1.0f, 1e-6f);
    EXPECT_NEAR(displayedGlow(glm::vec3(1.0f), 1.0f).b, 0.910f, 0.002f);
    EXPECT_NEAR(displayedGlow(glm::vec3(2.0f), 0.5f).b, 0.910f, 0.002f); // exposure multiplies
    const glm::vec3 bad = displayedGlow(glm::vec3(std::nanf(""), -1.0f, 0.5f), 1.0f);
    EXPECT_EQ(bad.r, 0.0f);
    EXPECT_EQ(bad.g, 0.0f);
    EXPECT_GT(bad.b, 0.0f);
}

TEST(Exposure, ExposedForTheFireTheFrontReadsWhiteTheMiddleYellowTheRearOrange) {
    using kiln::app::displayedGlow;
    // Blackbody hue (linear sRGB, blue out of gamut) scaled by relative luminance, as the app's
    // glow (FiringSession::glowRadiance, kGlowScale 0.015): a 1290 C front and a 1100 C rear.
    const auto glow = [](double c) {
        const kiln::sim::GlowColour g = kiln::sim::blackbodyGlow(c);
        const auto lin = [](float v) {
            return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
        };
        return glm::vec3(lin(g.red), lin(g.green), lin(g.blue)) *
               static_cast<float>(g.relativeLuminance * 0.015);
    };
    const glm::vec3 front = glow(1290.0);
    const glm::vec3 middle = glow(1200.0);
    const glm::vec3 rear = glow(1100.0);
    const auto luminance = [](glm::vec3 c) { return 0.2126f * c.r + 0.7152f * c.g; };
    // At the scene's exposure both saturate red and green alike: the gradient is lost.
    EXPECT_GT(displayedGlow(rear, 1.0f).g, 0.85f);
    const float e = exposureForGlow(1.0f, luminance(front));
    ASSERT_LT(e, 0.5f);
    const glm::vec3 f = displayedGlow(front, e);
    const glm::vec3 m = displayedGlow(middle, e);
    const glm::vec3 r = displayedGlow(rear, e);
    // Potters' names (kilns.md 5): white about cone 10 (1285-1305 C), yellow about 1120-1150 C,
    // orange below 1000 C; the blackbody alone (blue out of gamut) could never be white.
    EXPECT_GT(f.r, 0.97f);
    EXPECT_GT(f.g, 0.9f);
    EXPECT_GT(f.b, 0.75f); // near white: the path to white
    EXPECT_GT(m.r, 0.95f);
    EXPECT_GT(m.g, 0.7f);
    EXPECT_LT(m.b, f.b - 0.2f); // yellow: blue well below the front's
    EXPECT_GT(r.r, 0.8f);
    EXPECT_LT(r.g, 0.5f); // orange
    EXPECT_LT(r.b, 0.1f);
}

TEST(Exposure, ThePathToWhiteLeavesColoursInsideTheCurveAlone) {
    using kiln::app::displayedGlow;
    // Nothing past 1 in any channel: no spill, the curve alone.
    const glm::vec3 c = displayedGlow(glm::vec3(0.9f, 0.5f, 0.1f), 1.0f);
    const glm::vec3 r = displayedGlow(glm::vec3(0.9f, 0.0f, 0.0f), 1.0f);
    EXPECT_FLOAT_EQ(c.r, r.r);
    EXPECT_EQ(r.g, 0.0f);
    // Past it, a saturated red gains green and blue.
    const glm::vec3 hot = displayedGlow(glm::vec3(7.0f, 0.0f, 0.0f), 1.0f);
    EXPECT_GT(hot.g, 0.7f);
    EXPECT_NEAR(hot.g, hot.b, 1e-6f);
}
