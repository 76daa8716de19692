// Blackbody glow against the reference tables computed independently from Planck + CIE 1931 in
// thermal-properties.md section 7 (Table B: xy, clipped sRGB8 and luminance relative to 1000 K)
// and the Charity table (Judd-Vos CMFs, so only within its stated ~0.004 in y).
#include "kiln/sim/blackbody.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kiln::sim {
namespace {

struct TableBRow {
    double kelvin;
    double x;
    double y;
    int r8;
    int g8;
    int b8;
    double yRelative;
};

// thermal-properties.md section 7, Table B (computed there from the CIE 1931 2-degree table).
constexpr TableBRow kTableB[] = {
        {800, 0.6813, 0.3180, 255, 0, 0, 0.0030},     {1000, 0.6527, 0.3445, 255, 23, 0, 1.0},
        {1200, 0.6250, 0.3675, 255, 68, 0, 51.9},     {1400, 0.5985, 0.3858, 255, 92, 0, 908},
        {1500, 0.5857, 0.3931, 255, 102, 0, 2882},    {1700, 0.5611, 0.4043, 255, 119, 0, 1.96e4},
        {2000, 0.5267, 0.4133, 255, 139, 22, 1.73e5},
};

std::string kelvinName(const ::testing::TestParamInfo<TableBRow>& row) {
    return std::to_string(static_cast<int>(row.param.kelvin)) + "K";
}

class SimBlackbodyTableB : public ::testing::TestWithParam<TableBRow> {};

TEST_P(SimBlackbodyTableB, MatchesTheReferenceComputation) {
    const TableBRow row = GetParam();
    const GlowColour g = blackbodyGlow(row.kelvin - 273.15);
    EXPECT_NEAR(g.x, row.x, 0.0005);
    EXPECT_NEAR(g.y, row.y, 0.0005);
    EXPECT_NEAR(static_cast<int>(std::lround(g.red * 255.0f)), row.r8, 2);
    EXPECT_NEAR(static_cast<int>(std::lround(g.green * 255.0f)), row.g8, 2);
    EXPECT_NEAR(static_cast<int>(std::lround(g.blue * 255.0f)), row.b8, 2);
    // The table gives 3 significant figures.
    EXPECT_NEAR(g.relativeLuminance / row.yRelative, 1.0, 0.01);
}

INSTANTIATE_TEST_SUITE_P(ThermalPropertiesTableB, SimBlackbodyTableB, ::testing::ValuesIn(kTableB),
                         kelvinName);

TEST(SimBlackbody, CloseToCharityJuddVosTable) {
    // Charity bbr_color.txt 2-degree rows (thermal-properties.md 7, Table A): x, y.
    const double rows[][3] = {
            {1000, 0.6499, 0.3474}, {1500, 0.5841, 0.3962}, {2000, 0.5267, 0.4173}};
    for (const auto& r : rows) {
        const GlowColour g = blackbodyGlow(r[0] - 273.15);
        EXPECT_NEAR(g.x, r[1], 0.004);
        EXPECT_NEAR(g.y, r[2], 0.005);
    }
}

TEST(SimBlackbody, PotterNamesFollowTheHueSequence) {
    // Dull red (~600 C) -> cherry red (~880 C) -> orange (~955 C) -> yellow (~1150 C) -> white
    // (~1300 C) (firing-physics.md 5): green rises with temperature, red stays saturated.
    float lastGreen = -1.0f;
    for (double c : {600.0, 880.0, 955.0, 1150.0, 1300.0}) {
        const GlowColour g = blackbodyGlow(c);
        EXPECT_FLOAT_EQ(g.red, 1.0f);
        EXPECT_GT(g.green, lastGreen);
        lastGreen = g.green;
    }
}

TEST(SimBlackbody, ColdAndAbsurdInputsGiveBlackNotNaN) {
    for (double c : {-300.0, -273.15, 0.0, 20.0, 1e9, std::nan("")}) {
        const GlowColour g = blackbodyGlow(c);
        EXPECT_FALSE(std::isnan(g.red) || std::isnan(g.green) || std::isnan(g.blue));
        EXPECT_FALSE(std::isnan(g.relativeLuminance));
        EXPECT_GE(g.relativeLuminance, 0.0);
    }
    EXPECT_LT(blackbodyGlow(20.0).relativeLuminance, 1e-12);
}

} // namespace
} // namespace kiln::sim

namespace kiln::sim {
namespace {

TEST(SimBlackbody, GlowTableAgreesWithTheExactColour) {
    const GlowTable table;
    for (double c = 300.0; c <= 2000.0; c += 7.3) {
        const GlowColour exact = blackbodyGlow(c);
        const GlowColour fast = table.at(c);
        EXPECT_NEAR(fast.red, exact.red, 0.01f);
        EXPECT_NEAR(fast.green, exact.green, 0.01f);
        EXPECT_NEAR(fast.blue, exact.blue, 0.01f);
        EXPECT_NEAR(fast.relativeLuminance / exact.relativeLuminance, 1.0, 0.01);
    }
    // Below the table the luminance keeps falling; above it clamps.
    EXPECT_LT(table.at(100.0).relativeLuminance, table.at(300.0).relativeLuminance);
    EXPECT_DOUBLE_EQ(table.at(5000.0).relativeLuminance, table.at(2000.0).relativeLuminance);
    EXPECT_EQ(table.at(std::nan("")).relativeLuminance, 0.0);
}

} // namespace
} // namespace kiln::sim
