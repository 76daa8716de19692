// The glaze iron's redox against its sources (docs/simulation.md 2.6): the gas's oxygen fugacity
// against the NIST-JANAF equilibrium of CO2 = CO + 1/2 O2, the melt's equilibrium Fe2+ against
// Kress & Carmichael (1991) eq. 7 for the stated lime glaze, and the relaxation time against the
// oxygen diffusion estimate 4 L^2 / (pi^2 D).
#include "kiln/sim/gas_thermo.h"
#include "kiln/sim/ware.h"
#include "sim_test_support.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kiln::sim {
namespace {

constexpr double kKelvin = 273.15;

TEST(SimWareRedox, ReducingGasFugacityFollowsTheJanafCoCo2Equilibrium) {
    // pO2 = (Kp / (CO/CO2))^2 with Kp of CO2 = CO + 1/2 O2 from the shipped NIST Shomate data.
    const GasThermo& thermo = test::shippedGasThermo();
    ASSERT_TRUE(thermo.given());
    for (double tk = 1000.0; tk <= 1700.0; tk += 50.0) {
        const double kp = co2DissociationKp(thermo, tk);
        for (double ratio : {0.03, 0.1, 0.3}) {
            const double expected = 2.0 * std::log(kp / ratio);
            EXPECT_NEAR(gasLnOxygenFugacity(WareGas{0.0, ratio}, tk), expected, 0.05)
                    << tk << " K, CO/CO2 " << ratio;
        }
    }
    // 1300 C, CO/CO2 = 0.1: fO2 about 2e-8 bar (the figure of issue #5's fourth pass).
    const double fo2 = std::exp(gasLnOxygenFugacity(WareGas{0.0, 0.1}, 1300.0 + kKelvin));
    EXPECT_GT(fo2, 1.5e-8);
    EXPECT_LT(fo2, 2.5e-8);
}

TEST(SimWareRedox, OxidizingGasFugacityIsItsFreeOxygen) {
    EXPECT_NEAR(gasLnOxygenFugacity(WareGas{0.21, 0.0}, 1573.0), std::log(0.21), 1e-12);
    EXPECT_NEAR(gasLnOxygenFugacity(WareGas{0.01, 0.0}, 1573.0), std::log(0.01), 1e-12);
    // A neutral gas lies between: below any free O2 that a flue gas reports, above any CO.
    const double neutral = gasLnOxygenFugacity(WareGas{}, 1573.0);
    EXPECT_LT(neutral, std::log(0.001));
    EXPECT_GT(neutral, gasLnOxygenFugacity(WareGas{0.0, 0.01}, 1573.0));
    // Continuous at the switch between oxidizing and reducing.
    EXPECT_NEAR(gasLnOxygenFugacity(WareGas{1e-9, 0.0}, 1573.0), neutral, 1e-12);
    EXPECT_NEAR(gasLnOxygenFugacity(WareGas{0.0, 1e-9}, 1573.0), neutral, 1e-12);
}

TEST(SimWareRedox, EquilibriumFe2MatchesKressCarmichael) {
    // Kress & Carmichael (1991) eq. 7 at 1 bar, coefficients as published (a = 0.196,
    // b = 11492 K, c = -6.675, d_Al2O3 -2.243, d_FeO* -1.828, d_CaO 3.201, d_Na2O 5.854,
    // d_K2O 6.215, e = -3.36, T0 = 1673 K), evaluated apart from the model (a separate script, as
    // coded in PetroBuffer's ferric.py) for the glaze of docs/simulation.md 2.6: SiO2 66, TiO2 0.1,
    // Al2O3 14, FeO* 1.0, MnO 0.1, MgO 0.8, CaO 14, Na2O 1.0, K2O 2.5 wt %.
    struct Point {
        double celsius;
        double lnFo2;
        double fe2;
    };
    const double t1300 = 1300.0 + kKelvin;
    const Point points[] = {
            {1300.0, std::log(0.21), 0.184},
            {1300.0, std::log(0.07), 0.219},
            {1300.0, std::log(0.01), 0.291},
            {1200.0, std::log(0.21), 0.119},
            {1100.0, std::log(0.21), 0.068},
            {1000.0, std::log(0.21), 0.034},
            {1300.0, gasLnOxygenFugacity(WareGas{0.0, 0.1}, t1300), 0.844},
            {1300.0, gasLnOxygenFugacity(WareGas{0.0, 0.03}, t1300), 0.772},
    };
    for (const Point& p : points) {
        EXPECT_NEAR(equilibriumFerrousFraction(p.lnFo2, p.celsius + kKelvin), p.fe2, 0.006)
                << p.celsius << " C, ln fO2 " << p.lnFo2;
    }
    // The published slope: d ln(X_Fe2O3 / X_FeO) / d ln fO2 = 0.196.
    auto lnRatio = [](double fe2) { return std::log((1.0 - fe2) / (2.0 * fe2)); };
    const double slope = (lnRatio(equilibriumFerrousFraction(-2.0, t1300)) -
                          lnRatio(equilibriumFerrousFraction(-12.0, t1300))) /
                         10.0;
    EXPECT_NEAR(slope, 0.196, 1e-9);
}

TEST(SimWareRedox, RelaxationTimeIsTheDiffusionEstimate) {
    // 4 L^2 / (pi^2 D), D = 3.7e-11 m^2/s at 1260 C: 7 min for 0.2 mm, 46 min for 0.5 mm, 3 h for
    // 1 mm (docs/simulation.md, issue #5, fourth pass).
    const double t1260 = 1260.0 + kKelvin;
    const double pi2 = 9.869604401089358;
    for (double l : {0.2e-3, 0.5e-3, 1.0e-3}) {
        EXPECT_NEAR(redoxRelaxationSeconds(t1260, l), 4.0 * l * l / (pi2 * 3.7e-11),
                    1e-9 * redoxRelaxationSeconds(t1260, l));
    }
    EXPECT_NEAR(redoxRelaxationSeconds(t1260, 0.5e-3) / 60.0, 46.0, 1.0);
    // Arrhenius with 227 kJ/mol: a colder glaze relaxes slower, about 25 times from 1300 to 1000 C.
    const double hot = redoxRelaxationSeconds(1300.0 + kKelvin, 0.5e-3);
    const double cold = redoxRelaxationSeconds(1000.0 + kKelvin, 0.5e-3);
    EXPECT_NEAR(cold / hot, std::exp(227.0e3 / 8.314462618 * (1.0 / 1273.15 - 1.0 / 1573.15)),
                1e-6 * cold / hot);
    EXPECT_GT(cold / hot, 20.0);
}

} // namespace
} // namespace kiln::sim
