// The dragon, gourd and mantou kilns as parameter sets of the same zonal model: each firing runs
// with a closed energy balance, and each kiln shows its own published character: the dragon
// kiln's fire climbs the slope with the side stoking and the slope draws it; the mantou kiln's
// down-draught evens the setting out; the gourd kiln's front chamber fires hotter than its back.
#include "sim_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <ostream>

namespace kiln::sim {
namespace {

struct KilnCase {
    const char* schedule;
};

// Readable names in test output instead of the struct's bytes.
void PrintTo(const KilnCase& c, std::ostream* os) {
    *os << c.schedule;
}

class SimOtherKilns : public ::testing::TestWithParam<KilnCase> {};

TEST_P(SimOtherKilns, FiresWithAClosedEnergyBalanceAndFiniteState) {
    core::Result<test::LoadedFiring> f = test::loadFiring(GetParam().schedule);
    ASSERT_TRUE(f.ok()) << f.error().message;
    const test::FiringRecord rec = test::runFiring(f->model, f->schedule);
    EXPECT_LT(std::abs(rec.energyResidualFraction), 0.01);
    EXPECT_GT(rec.woodBurntKg, 0.0);
    for (const ZoneState& z : rec.finalState.zones) {
        for (double t : z.settingTemperatureC) {
            EXPECT_TRUE(std::isfinite(t));
        }
    }
    // Every kiln of the record reaches porcelain temperatures somewhere (1200-1400 C).
    EXPECT_GT(rec.frontPeakC, 1000.0);
    EXPECT_LT(rec.frontPeakC, 1400.0);
}

std::string caseName(const ::testing::TestParamInfo<KilnCase>& info) {
    std::string n = info.param.schedule;
    return n.substr(0, n.find('_'));
}

INSTANTIATE_TEST_SUITE_P(Kilns, SimOtherKilns,
                         ::testing::Values(KilnCase{"dragon_kiln_traditional.json"},
                                           KilnCase{"gourd_kiln_traditional.json"},
                                           KilnCase{"mantou_kiln_traditional.json"}),
                         caseName);

int hottestRow(const KilnModel& m, const KilnState& s) {
    int best = 0;
    for (int r = 1; r < m.rowCount(); ++r) {
        if (test::meanSettingC(m, s, r, r) > test::meanSettingC(m, s, best, best)) {
            best = r;
        }
    }
    return best;
}

TEST(SimDragonKiln, FireClimbsTheSlopeWithTheSideStoking) {
    core::Result<test::LoadedFiring> f = test::loadFiring("dragon_kiln_traditional.json");
    ASSERT_TRUE(f.ok()) << f.error().message;
    const KilnModel& m = f->model;
    FiringRun run(m, f->schedule);
    std::vector<int> hottest;
    double draftDuringSideStoking = 0.0;
    for (double at : {9.0, 14.0, 19.0, 24.0}) {
        while (run.timeHours() < at) {
            run.advance();
        }
        hottest.push_back(hottestRow(m, run.state()));
        draftDuringSideStoking = run.state().draftPa;
    }
    for (std::size_t i = 1; i < hottest.size(); ++i) {
        EXPECT_GT(hottest[i], hottest[i - 1]) << "at sample " << i;
    }
    // The slope draws the fire: the 1.5 m stack alone could give at most g H rho_air ~ 18 Pa.
    const double stackOnlyPa = 9.80665 * m.params().chimneyHeightM * 1.2;
    EXPECT_GT(draftDuringSideStoking, 2.0 * stackOnlyPa);
}

TEST(SimMantouKiln, DownDraughtEvensTheSettingMoreThanTheEggKiln) {
    core::Result<test::LoadedFiring> egg = test::loadFiring("egg_kiln_traditional.json");
    core::Result<test::LoadedFiring> mantou = test::loadFiring("mantou_kiln_traditional.json");
    ASSERT_TRUE(egg.ok() && mantou.ok());
    const test::FiringRecord e = test::runFiring(egg->model, egg->schedule);
    const test::FiringRecord m = test::runFiring(mantou->model, mantou->schedule);
    // The flame rises to the roof and is pulled down through the ware (kilns.md 1.4): top and
    // bottom of the setting stay close, and the whole setting spans a narrower range at the stop
    // than the cross-draught egg kiln's (whose lower wares lag, hence its clearings).
    EXPECT_LT(m.verticalSpreadAtStopC, 0.5 * e.verticalSpreadAtStopC);
    EXPECT_LT(m.settingRangeAtStopC, e.settingRangeAtStopC);
}

TEST(SimGourdKiln, FrontChamberFiresHotterThanTheBack) {
    core::Result<test::LoadedFiring> f = test::loadFiring("gourd_kiln_traditional.json");
    ASSERT_TRUE(f.ok()) << f.error().message;
    const test::FiringRecord rec = test::runFiring(f->model, f->schedule);
    EXPECT_GT(rec.frontAtStopC, rec.rearAtStopC + 100.0);
}

} // namespace
} // namespace kiln::sim
