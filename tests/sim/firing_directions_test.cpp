// Changing the firing changes the outcome in the direction the record describes: too fast a start
// cracks wares (steam), a closed damper starves the fire (less wood, cooler rear, more shuang) or,
// on a heavy fire, makes it reducing; skipping the clearings leaves the lower wares behind;
// cooling too fast through 573 C dunts. Compared with the traditional firing, never with numbers
// the model produced earlier.
#include "sim_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiln::sim {
namespace {

class SimFiringDirections : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        core::Result<test::LoadedFiring> f = test::loadFiring("egg_kiln_traditional.json");
        ASSERT_TRUE(f.ok()) << f.error().message;
        sFiring = new test::LoadedFiring(std::move(f.value()));
        sBase = new test::FiringRecord(test::runFiring(sFiring->model, sFiring->schedule));
    }
    static void TearDownTestSuite() {
        delete sBase;
        delete sFiring;
    }
    static test::FiringRecord run(std::vector<PlayerCommand> commands) {
        return test::runFiring(sFiring->model, sFiring->schedule, std::move(commands));
    }
    static int count(const test::FiringRecord& r, WareOutcomeKind k) {
        return r.outcomes[static_cast<int>(k)];
    }
    static test::LoadedFiring* sFiring;
    static test::FiringRecord* sBase;
};
test::LoadedFiring* SimFiringDirections::sFiring = nullptr;
test::FiringRecord* SimFiringDirections::sBase = nullptr;

TEST_F(SimFiringDirections, TooFastAStartCracksWares) {
    // Skip liu huo: full stoking from lighting ("hou jin qian song, kuai ru lei gong" is too
    // fast; jdzmc 7810 starts slowly). Water smoking too fast gives steam damage.
    const test::FiringRecord fast =
            run({{0.0, CommandKind::FeedRate, 900.0}, {4.0, CommandKind::Auto, 0.0}});
    EXPECT_EQ(count(*sBase, WareOutcomeKind::Cracked), 0);
    EXPECT_GT(count(fast, WareOutcomeKind::Cracked), 5);
}

TEST_F(SimFiringDirections, ClosingTheDamperStarvesTheFire) {
    // Damper at 0.3 through the full fire to white heat, the crew feeding what the air burns:
    // less wood, a cooler middle and back, more shuang.
    const test::FiringRecord shut =
            run({{13.75, CommandKind::Damper, 0.3}, {23.0, CommandKind::Auto, 0.0}});
    EXPECT_LT(shut.woodBurntKg, sBase->woodBurntKg - 1000.0);
    EXPECT_LT(shut.middleAtStopC, sBase->middleAtStopC - 20.0);
    EXPECT_LT(shut.rearAtStopC, sBase->rearAtStopC - 30.0);
    EXPECT_LE(shut.frontPeakC, sBase->frontPeakC + 5.0);
    EXPECT_GT(count(shut, WareOutcomeKind::Underfired), count(*sBase, WareOutcomeKind::Underfired));
}

TEST_F(SimFiringDirections, ClosingTheDamperOnAHeavyFireMakesItReducing) {
    // The same heavy stoking (1500 kg/h from 13.75 h) with the damper at 0.3 instead of open:
    // the air no longer burns the wood, CO comes through to the wares (reduction).
    auto heavy = [&](double damper) {
        FiringRun r(sFiring->model, sFiring->schedule,
                    {{13.75, CommandKind::FeedRate, 1500.0},
                     {13.75, CommandKind::Damper, damper},
                     {23.0, CommandKind::Auto, 0.0}});
        double co = 0.0;
        int reducing = 0;
        int n = 0;
        while (!r.finished() && r.timeHours() < 23.0) {
            r.advance();
            if (r.timeHours() > 14.0) {
                const GasState& g = sFiring->model.placementGas(r.state(), 2, kLower);
                co += g.co;
                reducing += g.atmosphere == Atmosphere::Reducing ? 1 : 0;
                ++n;
            }
        }
        return std::pair<double, double>{co / n, static_cast<double>(reducing) / n};
    };
    const auto open = heavy(1.0);
    const auto shut = heavy(0.3);
    EXPECT_GT(shut.first, open.first);
    EXPECT_GT(shut.second, open.second + 0.05);
}

TEST_F(SimFiringDirections, SkippingTheClearingsLeavesTheLowerWaresBehind) {
    // jdzmc 7810: the clearings are done so that the flame drops onto the lower wares. Without
    // them (the full fire carried on instead) the lower wares get less heatwork, the upper more.
    FiringSchedule none = sFiring->schedule;
    for (std::size_t i = 1; i < none.phases.size(); ++i) {
        if (none.phases[i].clearing) {
            const double start = none.phases[i].startHours;
            none.phases[i] = none.phases[i - 1];
            none.phases[i].startHours = start;
        }
    }
    const test::FiringRecord skipped = test::runFiring(sFiring->model, none);
    auto meanLnHeatwork = [&](const test::FiringRecord& r, Position p) {
        double sum = 0.0;
        for (int row = 4; row < 25; ++row) {
            sum += std::log(std::max(
                    r.finalState.placements[static_cast<std::size_t>(row * 2 + p)].heatwork, 1e-9));
        }
        return sum / 21.0;
    };
    EXPECT_LT(meanLnHeatwork(skipped, kLower), meanLnHeatwork(*sBase, kLower) - 0.05);
    EXPECT_GT(meanLnHeatwork(skipped, kUpper) - meanLnHeatwork(skipped, kLower),
              meanLnHeatwork(*sBase, kUpper) - meanLnHeatwork(*sBase, kLower) + 0.1);
}

TEST_F(SimFiringDirections, StokingHarderFiresHotterAndOverfiresTheFront) {
    // A richer fire at the end (air ratio 1.2 on the air the schedule's last stage draws, held
    // whatever the front's colour, instead of the schedule's leaner stoking above the colour):
    // the front passes its glazes' window (lao).
    const double feedKgPerHour = sBase->lastStageAirKgPerS * 3600.0 /
                                 (1.2 * sFiring->model.stoichiometricAirKgPerKgWet());
    std::vector<PlayerCommand> cmds = {{13.75, CommandKind::FeedRate, feedKgPerHour},
                                       {23.0, CommandKind::Auto, 0.0}};
    const test::FiringRecord hot = run(cmds);
    EXPECT_GT(hot.frontPeakC, sBase->frontPeakC + 20.0);
    EXPECT_GT(count(hot, WareOutcomeKind::Overfired), count(*sBase, WareOutcomeKind::Overfired));
}

TEST(SimReduction, ARichStageTurnsTheFrontQingbaiBlueGreen) {
    // The traditional firing reduces between the clearings (heavy stoking, limited draft). The
    // same firing fired lean there instead (air ratio 1.8, colour held by the air ratio) leaves
    // the iron Fe3+: qingbai yellowish in oxidation, blue-green in reduction
    // (firing-physics.md 3).
    core::Result<test::LoadedFiring> red = test::loadFiring("egg_kiln_traditional.json");
    ASSERT_TRUE(red.ok());
    FiringSchedule lean = red->schedule;
    for (SchedulePhase& p : lean.phases) {
        if (p.frontTargetByDamper) {
            p.frontTargetByDamper = false;
            p.airRatioStart = 1.8;
            p.airRatioEnd = 1.8;
        }
    }
    const test::FiringRecord a = test::runFiring(red->model, lean);
    const test::FiringRecord b = test::runFiring(red->model, red->schedule);
    const int frontQingbai = 0 * 2 + kLower; // row 1, lower: qingbai in the plan
    ASSERT_EQ(red->model.plan()[frontQingbai].glaze, GlazeKind::Qingbai);
    const double fe2Ox = a.finalState.placements[frontQingbai].ironReducedFraction;
    const double fe2Red = b.finalState.placements[frontQingbai].ironReducedFraction;
    EXPECT_GT(fe2Red, fe2Ox + 0.2);
    const WareOutcome co = red->model.placementOutcome(a.finalState, frontQingbai);
    const WareOutcome cr = red->model.placementOutcome(b.finalState, frontQingbai);
    EXPECT_GT(cr.blue - cr.red, co.blue - co.red);
    EXPECT_LT(a.highFireReducingFront, 0.05);
    EXPECT_LT(std::abs(b.energyResidualFraction), 0.01);
}

TEST(SimReduction, HeavyReductionToTheEndReducesFurtherBackButSteepensTheKiln) {
    // egg_kiln_reduction.json: rich with the damper held down through the last stage as well.
    // Wares further back pass 800-1200 C in reduction (Fe2+), at the cost of a steeper kiln:
    // less air, a hotter flame near the front, a cooler back (docs/simulation.md 3).
    core::Result<test::LoadedFiring> trad = test::loadFiring("egg_kiln_traditional.json");
    core::Result<test::LoadedFiring> heavy = test::loadFiring("egg_kiln_reduction.json");
    ASSERT_TRUE(trad.ok() && heavy.ok());
    const test::FiringRecord a = test::runFiring(trad->model, trad->schedule);
    const test::FiringRecord b = test::runFiring(heavy->model, heavy->schedule);
    double fe2Trad = 0.0;
    double fe2Heavy = 0.0;
    for (int row = 4; row < 10; ++row) {
        fe2Trad += a.finalState.placements[static_cast<std::size_t>(row * 2 + kLower)]
                           .ironReducedFraction;
        fe2Heavy += b.finalState.placements[static_cast<std::size_t>(row * 2 + kLower)]
                            .ironReducedFraction;
    }
    EXPECT_GT(fe2Heavy, fe2Trad + 0.5);
    EXPECT_GT(b.frontAtStopC - b.rearAtStopC, a.frontAtStopC - a.rearAtStopC);
    EXPECT_LT(std::abs(b.energyResidualFraction), 0.01);
}

TEST(SimWareEvents, CoolingFastThroughQuartzInversionDunts) {
    const HeatworkModel hw = test::loadHeatworkOrDie();
    const WareLimits limits;
    auto fireAndCool = [&](double coolingCPerHour) {
        WareState w;
        double t = 20.0;
        const double dt = 60.0;
        while (t < 1250.0) { // heat at 100 C/h
            const double next = t + 100.0 * dt / 3600.0;
            updateWare(w, hw, limits, next, t, 0.0, dt);
            t = next;
        }
        while (t > 100.0) {
            const double next = t - coolingCPerHour * dt / 3600.0;
            updateWare(w, hw, limits, next, t, 0.0, dt);
            t = next;
        }
        return evaluateWare(w, WareSpec{"test", GlazeKind::Qingbai, "6", "4", "8"}, hw, limits);
    };
    // thermal-properties.md 8: cool at most 50 C/h through 573 C.
    EXPECT_NE(fireAndCool(40.0).kind, WareOutcomeKind::Cracked);
    EXPECT_EQ(fireAndCool(300.0).kind, WareOutcomeKind::Cracked);
}

TEST(SimWareEvents, ReductionTurnsQingbaiBlueOxidationYellow) {
    const HeatworkModel hw = test::loadHeatworkOrDie();
    const WareLimits limits;
    auto fire = [&](double coToCo2) {
        WareState w;
        double t = 20.0;
        for (; t < 1200.0; t += 1.0) {
            updateWare(w, hw, limits, t + 1.0, t, coToCo2, 36.0); // 100 C/h
        }
        return evaluateWare(w, WareSpec{}, hw, limits);
    };
    const WareOutcome reduced = fire(0.3);
    const WareOutcome oxidised = fire(0.0);
    // Fe2+ gives blue-green, Fe3+ yellowish (firing-physics.md 3, Ceramics Monthly).
    EXPECT_GT(reduced.blue - reduced.red, oxidised.blue - oxidised.red);
    EXPECT_GT(oxidised.red, oxidised.blue);
}

} // namespace
} // namespace kiln::sim
