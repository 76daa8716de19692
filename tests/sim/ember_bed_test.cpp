// The firebox's ember bed and wood after the stop (docs/simulation.md 2.2): the door's leak air
// through the bed conserves carbon and oxygen atom for atom, the wood's pyrolysis follows the
// published global rate in a hot firebox, a sealed door starves the bed, and a stuffed, sealed
// firebox stays finite and balanced.
#include "kiln/sim/firing_run.h"
#include "kiln/sim/kiln_model.h"
#include "sim_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>

namespace kiln::sim {
namespace {

// Molar masses, g/mol (IUPAC; the same figures as the gas march).
constexpr double kC = 12.011;
constexpr double kO2 = 31.999;
constexpr double kN2 = 28.013;
constexpr double kCo2 = 44.010;
constexpr double kCo = 28.010;
constexpr double kH2o = 18.015;
// O2 in air by mass (thermal-properties.md 1.4).
constexpr double kAirO2 = 0.2314;

// The cooling's openings: stoke mouth sealed, damper open, nothing fed.
StepInputs sealedCooling() {
    StepInputs in;
    in.stokeMouthOpen = 0.0;
    in.damperOpen = 1.0;
    return in;
}

class SimEmberBed : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        core::Result<test::LoadedFiring> f = test::loadFiring("egg_kiln_traditional.json");
        ASSERT_TRUE(f.ok()) << f.error().message;
        sFiring.emplace(std::move(f.value()));
        FiringRun run(sFiring->model, sFiring->schedule);
        while (run.timeHours() < sFiring->schedule.stopHours) {
            run.advance();
        }
        sAtStop = run.state();
    }
    static void TearDownTestSuite() { sFiring.reset(); }
    static const KilnModel& model() { return sFiring->model; }
    // The kiln as at the stop with only charKg of char on the grate, after one step of the
    // sealed cooling.
    static KilnState charOnlyAfterOneStep(double charKg) {
        KilnState s = sAtStop;
        s.fuelBedKg = 0.0;
        s.charBedKg = charKg;
        model().step(s, sealedCooling(), kDt);
        return s;
    }
    static constexpr double kDt = 60.0;

    static std::optional<test::LoadedFiring> sFiring;
    static KilnState sAtStop;
};
std::optional<test::LoadedFiring> SimEmberBed::sFiring;
KilnState SimEmberBed::sAtStop;

TEST_F(SimEmberBed, LeakAirThroughTheBedConservesCarbonAndOxygen) {
    // Char alone on the grate (no wood, so every carbon atom in the flue gas comes from the char
    // and is CO2 or CO), the kiln as it is at the stop, one step of the sealed cooling.
    const KilnState s = charOnlyAfterOneStep(60.0);
    const double charKgPerS = (60.0 - s.charBedKg) / kDt;
    ASSERT_GT(charKgPerS, 0.0) << "the leak air must meet the embers";
    const GasState& out = s.zones.back().gas[kUpper];
    ASSERT_NEAR(out.unburnt, 0.0, 1e-15);
    // The balances hold to the rounding of the molar masses the model uses (CO 28.010 against
    // C + O2/2 = 28.0105 g/mol): 2e-5.
    constexpr double kTolerance = 2e-5;
    // Moles per second leaving the chimney, from its mole fractions and mass flow.
    const double molarMass =
            out.o2 * kO2 + out.n2 * kN2 + out.co2 * kCo2 + out.h2o * kH2o + out.co * kCo;
    const double kmolPerS = out.massFlowKgPerS / molarMass;
    // Carbon: what left the grate leaves the chimney.
    EXPECT_NEAR((out.co2 + out.co) * kmolPerS * kC, charKgPerS, kTolerance * charKgPerS);
    // Oxygen: the O2 drawn in as air is the O2 leaving plus one O2 per CO2 and half per CO
    // (C + O2 -> CO2; C + CO2 -> 2 CO), and no water is made.
    const double o2InKmolPerS = s.airKgPerS * kAirO2 / kO2;
    const double o2OutKmolPerS = (out.o2 + out.co2 + 0.5 * out.co) * kmolPerS;
    EXPECT_NEAR(o2OutKmolPerS, o2InKmolPerS, kTolerance * o2InKmolPerS);
    EXPECT_NEAR(out.h2o, 0.0, 1e-15);
    // Mass: air in plus the char burnt.
    EXPECT_NEAR(out.massFlowKgPerS, s.airKgPerS + charKgPerS, kTolerance * out.massFlowKgPerS);
}

TEST_F(SimEmberBed, ASealedDoorStarvesTheEmbersAndMovesTheLeakToTheRows) {
    // With the door luted after the stop (StepInputs::doorSealed; the egg-kiln schedules'
    // xie huo) no air reaches the firebox: the char lies untouched, nothing burns there, and the
    // kiln's leak air, the same draft drawing it, enters along the rows instead.
    KilnState s = sAtStop;
    s.fuelBedKg = 0.0;
    s.charBedKg = 60.0;
    StepInputs in = sealedCooling();
    in.doorSealed = true;
    model().step(s, in, kDt);
    EXPECT_EQ(s.charBedKg, 60.0);
    EXPECT_EQ(s.mouthAirKgPerS, 0.0);
    ASSERT_GT(s.airKgPerS, 0.0);
    EXPECT_LT(s.zones.front().gas[kUpper].massFlowKgPerS, 1e-12);
    const ZoneState& last =
            s.zones[static_cast<std::size_t>(model().zoneIndexOfRow(model().rowCount() - 1))];
    EXPECT_NEAR(last.gas[kUpper].massFlowKgPerS + last.gas[kLower].massFlowKgPerS, s.airKgPerS,
                1e-6 * s.airKgPerS);
    // The same step with the door leaking: the air crosses the firebox and burns char there.
    const KilnState leaking = charOnlyAfterOneStep(60.0);
    EXPECT_LT(leaking.charBedKg, 60.0);
    EXPECT_GT(leaking.zones.front().gas[kUpper].massFlowKgPerS, 0.1 * leaking.airKgPerS);
}

TEST_F(SimEmberBed, EmbersBurnNoFasterThanTheLeakAirsOxygenAllows) {
    // However much char there is, the leak air's O2 bounds its burning: one carbon per O2 of
    // the air (C + O2 -> CO2), and one more per CO2 so made (C + CO2 -> 2 CO), two at most.
    const KilnState s = charOnlyAfterOneStep(5000.0);
    const double charKgPerS = (5000.0 - s.charBedKg) / kDt;
    const double o2KmolPerS = s.airKgPerS * kAirO2 / kO2;
    EXPECT_GT(charKgPerS, 0.0);
    EXPECT_LE(charKgPerS, 2.0 * o2KmolPerS * kC * (1.0 + 1e-12));
}

TEST_F(SimEmberBed, WoodPyrolysesWithoutAirInAHotFireboxAndNotInAColdOne) {
    // Di Blasi and Branca (2001, Ind. Eng. Chem. Res. 40:5547): one-step global pyrolysis of
    // wood, ln A = 22.2 (1/s), E = 141.2 kJ/mol. In a firebox at 1000 C that rate (7e3 1/s) is
    // far faster than the billets heat (the kiln file's 240 s), the walls radiate enough to dry
    // the wood (sigma eps A T^4, about 0.5 MW over the grate), so with the mouth sealed the wood
    // left after one step is exp(-dt k / (1 + k tau)) of it: about a fifth goes in a minute,
    // where the leak air alone would let 8 kg go.
    auto stepAt = [&](double celsius) {
        KilnState s = sAtStop;
        s.fuelBedKg = 100.0;
        s.charBedKg = 0.0;
        s.zones[0].gas[kUpper].temperatureC = celsius;
        for (double& w : s.zones[0].wallTemperatureC) {
            w = celsius;
        }
        model().step(s, sealedCooling(), 60.0);
        return s.fuelBedKg;
    };
    const double tau = 240.0; // egg_kiln.json devolatilisationTimeConstantS
    const double bedK = 1000.0 + 273.15;
    const double k = std::exp(22.2) * std::exp(-141.2e3 / (8.314462618 * bedK));
    const double hot = stepAt(1000.0);
    EXPECT_NEAR(hot, 100.0 * std::exp(-60.0 * k / (1.0 + k * tau)), 1e-9 * 100.0);
    // At 27 C the rate is 4e-15 1/s and the walls give no heat: only what the air allows goes.
    const double cold = stepAt(26.85);
    EXPECT_LT(100.0 - cold, 0.5 * (100.0 - hot));
}

TEST_F(SimEmberBed, AStuffedSealedFireboxStaysFiniteAndBalanced) {
    // A firebox stuffed with wood after the stop, then every opening shut, then the damper
    // opened: extreme but legal. No NaN, no negative fuel, and the balance closes.
    core::Result<test::LoadedFiring> f = test::loadFiring("egg_kiln_traditional.json");
    ASSERT_TRUE(f.ok()) << f.error().message;
    const std::vector<PlayerCommand> cmds = {{23.0, CommandKind::FeedRate, 1e5},
                                             {23.0, CommandKind::Mouth, 0.0},
                                             {24.0, CommandKind::FeedRate, 0.0},
                                             {24.0, CommandKind::Damper, 0.0},
                                             {30.0, CommandKind::Damper, 1.0}};
    const test::FiringRecord rec = test::runFiring(model(), f->schedule, cmds);
    const KilnState& s = rec.finalState;
    EXPECT_LT(std::abs(rec.energyResidualFraction), 1e-6);
    EXPECT_GE(s.fuelBedKg, 0.0);
    EXPECT_GE(s.charBedKg, 0.0);
    for (const ZoneState& z : s.zones) {
        for (const GasState& g : z.gas) {
            EXPECT_TRUE(std::isfinite(g.temperatureC) && std::isfinite(g.co) &&
                        std::isfinite(g.o2));
            EXPECT_LT(g.temperatureC, 3000.0);
        }
    }
    for (int i = 0; i < model().placementCount(); ++i) {
        EXPECT_TRUE(std::isfinite(s.placements[static_cast<std::size_t>(i)].ironReducedFraction));
    }
}

} // namespace
} // namespace kiln::sim
