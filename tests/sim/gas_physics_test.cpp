// Gas physics against published numbers and limits: Sutherland reference values (White 2006),
// the stack-draft example of thermal-properties.md 6, WSGG limits, fuel chemistry of section 1,
// the O2-N2 diffusion coefficient and the packed-bed Sherwood number's limit.
#include "kiln/sim/gas_physics.h"

#include "sim_test_support.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kiln::sim {
namespace {

TEST(SimGasPhysics, SutherlandReproducesItsReferenceValues) {
    EXPECT_NEAR(airViscosityPaS(273.0), 1.716e-5, 1e-9);
    EXPECT_NEAR(airConductivityWPerMK(273.0), 0.0241, 1e-7);
    // Air at 1000 K: mu ~ 4.2e-5 Pa s, k ~ 0.067 W/m K (standard air tables; within 5 %).
    EXPECT_NEAR(airViscosityPaS(1000.0) / 4.24e-5, 1.0, 0.05);
    EXPECT_NEAR(airConductivityWPerMK(1000.0) / 0.0667, 1.0, 0.08);
}

TEST(SimGasPhysics, StackDraftMatchesTheReferenceExample) {
    // thermal-properties.md 6: H = 17 m, To = 293 K, Ti = 873 K, 101325 Pa gives ~134 Pa.
    const double p = 101325.0;
    const double draft =
            9.80665 * 17.0 * (gasDensityKgPerM3(p, 293.0) - gasDensityKgPerM3(p, 873.0));
    EXPECT_NEAR(draft, 134.0, 4.0);
}

TEST(SimGasPhysics, GreyGasEmissivityBehaves) {
    EXPECT_NEAR(wsggEmissivity(1200.0, 0.0, 1.0), 0.0, 1e-12);
    double last = 0.0;
    for (double pl : {0.01, 0.05, 0.1, 0.3, 1.0, 3.0}) {
        const double e = wsggEmissivity(1500.0, pl, 1.0);
        EXPECT_GT(e, last);
        EXPECT_LT(e, 1.0);
        last = e;
    }
    // Flue gas (p_w + p_c = 0.25 atm) over a 1 m beam at 1500 K: of order 0.2 (Hottel charts).
    const double e = wsggEmissivity(1500.0, 0.25, 1.0);
    EXPECT_GT(e, 0.1);
    EXPECT_LT(e, 0.35);
    // Out of the fitted range the temperature is clamped, not extrapolated.
    EXPECT_DOUBLE_EQ(wsggEmissivity(100.0, 0.25, 1.0), wsggEmissivity(600.0, 0.25, 1.0));
}

TEST(SimGasPhysics, ConvectionIsLaminarAtLowFlowAndRisesWithFlow) {
    const double lam = ductConvectionWPerM2K(0.01, 1.0, 0.2, 1200.0);
    EXPECT_NEAR(lam, 3.66 * airConductivityWPerMK(1200.0) / 0.2, 1e-9);
    EXPECT_GT(ductConvectionWPerM2K(5.0, 0.2, 0.2, 600.0), lam);
    EXPECT_EQ(ductConvectionWPerM2K(1.0, 0.0, 0.2, 600.0), 0.0);
}

// Nusselt number of the duct convection at a Reynolds number (flow area 1 m2, diameter 1 m).
double ductNusselt(double reynolds, double temperatureK) {
    const double massFlow = reynolds * airViscosityPaS(temperatureK);
    return ductConvectionWPerM2K(massFlow, 1.0, 1.0, temperatureK) /
           airConductivityWPerMK(temperatureK);
}

TEST(SimGasPhysics, ConvectionFollowsGnielinskisTransitionBetweenLaminarAndTurbulent) {
    // Gnielinski, Int. J. Heat Mass Transfer 63 (2013) 134-140 (VDI Heat Atlas G1): laminar
    // (3.66) up to Re 2300, his turbulent correlation (Petukhov friction factor) from 10^4, and
    // Nu = (1 - g) Nu_lam(2300) + g Nu_turb(10^4), g = (Re - 2300) / 7700, between them.
    const double t = 900.0;
    const double pr = 0.7;
    const double f = std::pow(0.79 * std::log(1e4) - 1.64, -2.0);
    const double nuTurb = (f / 8.0) * (1e4 - 1000.0) * pr /
                          (1.0 + 12.7 * std::sqrt(f / 8.0) * (std::pow(pr, 2.0 / 3.0) - 1.0));
    EXPECT_NEAR(nuTurb, 29.8, 0.05);
    EXPECT_NEAR(ductNusselt(2300.0, t), 3.66, 1e-6);
    EXPECT_NEAR(ductNusselt(1e4, t), nuTurb, 1e-3);
    // Continuous at both ends.
    EXPECT_NEAR(ductNusselt(2300.0 * (1.0 - 1e-9), t), ductNusselt(2300.0 * (1.0 + 1e-9), t), 1e-6);
    EXPECT_NEAR(ductNusselt(1e4 * (1.0 - 1e-9), t), ductNusselt(1e4 * (1.0 + 1e-9), t), 1e-6);
    // Linear in between: halfway is the mean of the ends.
    EXPECT_NEAR(ductNusselt(6150.0, t), 0.5 * (3.66 + nuTurb), 1e-3);
    // Monotone in Re through the transition and beyond.
    double last = ductNusselt(100.0, t);
    for (double re = 200.0; re <= 5e4; re *= 1.05) {
        const double nu = ductNusselt(re, t);
        EXPECT_GE(nu, last) << "Re " << re;
        last = nu;
    }
}

// Churchill and Chu (1975) for a vertical surface, written out here from thermal-properties.md 5:
// Nu_L = (0.825 + 0.387 Ra^(1/6) / b)^2 with b = [1 + (0.492 / Pr)^(9/16)]^(8/27), and its
// turbulent limit 0.387^2 / b^2 Ra^(1/3); air properties from the public Sutherland functions
// at the film temperature, beta = 1 / T_film, Pr = 0.7.
struct FreeConvection {
    double rayleigh = 0.0;
    double fullWPerM2K = 0.0;  // the whole-range correlation
    double limitWPerM2K = 0.0; // its turbulent limit
};
FreeConvection freeConvection(double surfaceK, double gasK, double heightM) {
    const double pr = 0.7;
    const double b = std::pow(1.0 + std::pow(0.492 / pr, 9.0 / 16.0), 8.0 / 27.0);
    const double tf = 0.5 * (surfaceK + gasK);
    const double nu = airViscosityPaS(tf) / gasDensityKgPerM3(101325.0, tf);
    const double k = airConductivityWPerMK(tf);
    FreeConvection c;
    c.rayleigh = 9.80665 * std::abs(surfaceK - gasK) / tf * std::pow(heightM, 3.0) * pr / (nu * nu);
    const double root = 0.825 + 0.387 * std::pow(c.rayleigh, 1.0 / 6.0) / b;
    c.fullWPerM2K = root * root * k / heightM;
    c.limitWPerM2K = 0.387 * 0.387 / (b * b) * std::cbrt(c.rayleigh) * k / heightM;
    return c;
}

TEST(SimGasPhysics, NaturalConvectionIsChurchillAndChusTurbulentLimit) {
    constexpr double kAtm = 101325.0;
    // The model's closed form (h^3 from the film temperature, no root of Ra) is the textbook
    // limit, whatever the height: over the kiln's range of surfaces and differences.
    for (const double ts : {320.0, 473.0, 873.0, 1273.0, 1573.0}) {
        for (const double tg : {300.0, 700.0, 1500.0}) {
            const double h = naturalConvectionWPerM2K(ts, tg, kAtm);
            for (const double heightM : {1.0, 2.5, 5.0}) {
                EXPECT_NEAR(h, freeConvection(ts, tg, heightM).limitWPerM2K, 1e-9 * h)
                        << ts << " " << tg << " " << heightM;
            }
        }
    }
    // Against the whole-range correlation: from Ra 10^9 (where free convection turns
    // turbulent) the limit is at most 15 % below it, and it closes in as Ra grows.
    double lastGap = 1.0;
    for (const double heightM : {1.0, 2.0, 4.0, 8.0}) {
        const FreeConvection c = freeConvection(1273.0, 303.0, heightM);
        ASSERT_GT(c.rayleigh, 1e9);
        const double gap = 1.0 - c.limitWPerM2K / c.fullWPerM2K;
        EXPECT_GT(gap, 0.0);
        EXPECT_LT(gap, 0.15);
        EXPECT_LT(gap, lastGap);
        lastGap = gap;
    }
    // The same limit as Churchill and Chu's horizontal cylinder (quality A in the reference),
    // whose Ra^(1/3) coefficient is 0.387^2 / [1 + (0.559 / Pr)^(9/16)]^(16/27).
    const double pr = 0.7;
    const double cylinderCoefficient =
            0.387 * 0.387 / std::pow(1.0 + std::pow(0.559 / pr, 9.0 / 16.0), 16.0 / 27.0);
    const double b = std::pow(1.0 + std::pow(0.492 / pr, 9.0 / 16.0), 8.0 / 27.0);
    EXPECT_NEAR(0.387 * 0.387 / (b * b) / cylinderCoefficient, 1.0, 0.03);
}

TEST(SimGasPhysics, NaturalConvectionBehavesOverTheKilnsRange) {
    constexpr double kAtm = 101325.0;
    // A hot surface over cold gas is the same problem as cold over hot.
    EXPECT_DOUBLE_EQ(naturalConvectionWPerM2K(1273.0, 303.0, kAtm),
                     naturalConvectionWPerM2K(303.0, 1273.0, kAtm));
    // Of the order of free convection in gases (2-25 W/m2K, Incropera and DeWitt table 1.1): a
    // saggar column at 200-1300 C in cold air.
    for (const double ts : {473.0, 873.0, 1273.0, 1573.0}) {
        const double h = naturalConvectionWPerM2K(ts, 303.0, kAtm);
        EXPECT_GT(h, 2.0) << ts;
        EXPECT_LT(h, 25.0) << ts;
    }
    // None without a difference; rises with it.
    EXPECT_EQ(naturalConvectionWPerM2K(900.0, 900.0, kAtm), 0.0);
    double last = 0.0;
    for (double dt = 1.0; dt <= 1000.0; dt *= 2.0) {
        const double h = naturalConvectionWPerM2K(900.0 + dt, 900.0, kAtm);
        EXPECT_GT(h, last) << dt;
        last = h;
    }
}

TEST(SimGasPhysics, MixedConvectionCombinesByCubes) {
    // Nu^3 = Nu_F^3 + Nu_N^3 (Churchill 1977): either alone where the other is 0, never below
    // the larger, never above their sum; and 3^3 + 4^3 + 5^3 = 6^3.
    EXPECT_NEAR(mixedConvectionWPerM2K(4.0, 0.0), 4.0, 4e-9);
    EXPECT_NEAR(mixedConvectionWPerM2K(0.0, 0.4), 0.4, 4e-10);
    EXPECT_NEAR(mixedConvectionWPerM2K(0.4, 6.0), 6.0, 0.01);
    const double m = mixedConvectionWPerM2K(3.0, 3.0);
    EXPECT_GT(m, 3.0);
    EXPECT_LT(m, 6.0);
    EXPECT_NEAR(mixedConvectionWPerM2K(std::cbrt(27.0 + 64.0), 5.0), 6.0, 1e-8);
    // The model's own cube root (no libm call, three Newton steps) agrees with std::cbrt within
    // 1e-9, from a still gas's 0.01 W/m2K to a flame's 10^4; 0 stays negligible.
    for (double f = 0.01; f < 1e4; f *= 1.37) {
        for (const double n : {0.0, 0.3 * f, f, 7.0 * f}) {
            const double expected = std::cbrt(f * f * f + n * n * n);
            EXPECT_NEAR(mixedConvectionWPerM2K(f, n), expected, 1e-9 * expected) << f << " " << n;
        }
    }
    EXPECT_LT(mixedConvectionWPerM2K(0.0, 0.0), 1e-90);
}

TEST(SimGasPhysics, FuelChemistryMatchesTheReferenceDerivations) {
    core::Result<KilnParams> p = loadKilnParams(core::dataPath("assets/firings/egg_kiln.json"));
    ASSERT_TRUE(p.ok()) << p.error().message;
    core::Result<KilnModel> m = KilnModel::create(p.value(), test::loadHeatworkOrDie());
    ASSERT_TRUE(m.ok()) << m.error().message;
    const double moisture = p->fuel.moistureWetBasis;
    // thermal-properties.md 1.4: 6.12 kg air per kg dry wood from the Miles fir analysis.
    EXPECT_NEAR(m->stoichiometricAirKgPerKgWet() / (1.0 - moisture), 6.12, 0.03);
    // thermal-properties.md 1.3: LHV 14.5 MJ/kg at 20 % moisture (from HHV 20.06, H 5.98 %).
    ASSERT_DOUBLE_EQ(moisture, 0.20);
    EXPECT_NEAR(m->lowerHeatingValueWetJPerKg() / 1e6, 14.5, 0.1);
}

TEST(SimGasPhysics, OxygenDiffusivityMatchesTheMeasuredValue) {
    // O2-N2 at 273.2 K and 1 atm: 0.181 cm2/s (Bird, Stewart and Lightfoot, Transport Phenomena,
    // table 17.1-1). Fuller's correlation is good to about 5 % (Poling, Prausnitz, O'Connell).
    EXPECT_NEAR(oxygenDiffusivityM2PerS(273.2, 101325.0), 0.181e-4, 0.05 * 0.181e-4);
    // Kinetic theory: D goes as T^1.75 (Fuller) and as 1/p.
    EXPECT_NEAR(oxygenDiffusivityM2PerS(1273.2, 101325.0) /
                        oxygenDiffusivityM2PerS(273.2, 101325.0),
                std::pow(1273.2 / 273.2, 1.75), 1e-9);
    EXPECT_NEAR(oxygenDiffusivityM2PerS(1000.0, 2.0 * 101325.0),
                0.5 * oxygenDiffusivityM2PerS(1000.0, 101325.0), 1e-15);
}

TEST(SimGasPhysics, PackedBedSherwoodTendsToTheStagnantSphere) {
    // Without flow, mass transfer to a sphere is by diffusion alone: Sh = 2 (Wakao and
    // Funazkri's limit); flow only adds to it.
    EXPECT_DOUBLE_EQ(packedBedSherwood(0.0, 0.7), 2.0);
    EXPECT_GT(packedBedSherwood(100.0, 0.7), packedBedSherwood(10.0, 0.7));
    EXPECT_NEAR(packedBedSherwood(100.0, 0.7), 2.0 + 1.1 * std::cbrt(0.7) * std::pow(100.0, 0.6),
                1e-12);
}

} // namespace
} // namespace kiln::sim
