// Flue-gas thermochemistry against published numbers: the NIST Shomate coefficients in
// assets/firings/gas_thermo.json must reproduce the NIST-JANAF tables (Chase 1998) they were fitted
// to, and the CO2 dissociation equilibrium must carry CO's heat of combustion. Loader checks too.
#include "kiln/sim/gas_thermo.h"

#include "kiln/core/data_paths.h"
#include "kiln/sim/firing_data.h"
#include "sim_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace kiln::sim {
namespace {

const GasThermo& thermo() {
    return test::shippedGasThermo();
}

const std::vector<ShomateRange>& of(GasSpecies s) {
    return thermo().species[static_cast<std::size_t>(s)];
}

struct JanafRow {
    const char* name;
    GasSpecies species;
    double cp1000JPerMolK; // NIST-JANAF cp at 1000 K
    double h1500KJPerMol;  // NIST-JANAF H(1500 K) - H(298.15 K)
    double h2000KJPerMol;  // NIST-JANAF H(2000 K) - H(298.15 K)
};

// NIST-JANAF Thermochemical Tables, 4th ed. (Chase 1998), ideal gas at 1 bar.
constexpr JanafRow kJanaf[] = {
        {"O2", GasSpecies::O2, 34.870, 40.600, 59.175},
        {"N2", GasSpecies::N2, 32.697, 38.405, 56.137},
        {"CO2", GasSpecies::CO2, 54.360, 61.705, 91.439},
        {"H2O", GasSpecies::H2O, 41.268, 48.151, 72.790},
        {"CO", GasSpecies::CO, 33.183, 38.850, 56.744},
};

TEST(SimGasThermo, ShomateReproducesTheJanafTables) {
    ASSERT_TRUE(thermo().given());
    for (const JanafRow& row : kJanaf) {
        SCOPED_TRACE(row.name);
        EXPECT_NEAR(shomateCpJPerMolK(of(row.species), 1000.0), row.cp1000JPerMolK, 0.1);
        EXPECT_NEAR(shomateEnthalpyJPerMol(of(row.species), 1500.0) / 1000.0, row.h1500KJPerMol,
                    0.05);
        EXPECT_NEAR(shomateEnthalpyJPerMol(of(row.species), 2000.0) / 1000.0, row.h2000KJPerMol,
                    0.1);
    }
}

TEST(SimGasThermo, EnthalpyIsContinuousAcrossRangesAndZeroAtTheReference) {
    for (const JanafRow& row : kJanaf) {
        SCOPED_TRACE(row.name);
        const auto& ranges = of(row.species);
        for (std::size_t i = 0; i + 1 < ranges.size(); ++i) {
            const double t = ranges[i].maxK;
            EXPECT_NEAR(shomateEnthalpyJPerMol(ranges, t - 1e-6),
                        shomateEnthalpyJPerMol(ranges, t + 1e-6), 5.0); // J/mol
        }
        if (ranges.front().minK <= 298.15) {
            EXPECT_NEAR(shomateEnthalpyJPerMol(ranges, 298.15), 0.0, 5.0);
        }
    }
}

TEST(SimGasThermo, Co2DissociationCarriesTheHeatOfCombustionOfCo) {
    // Van 't Hoff: d ln Kp / d(1/T) = -dH/R. dH of CO2 -> CO + 1/2 O2 at 2000 K from the JANAF
    // rows above and the standard enthalpy of combustion of CO, 282.98 kJ/mol at 298 K:
    // 282.98 + 56.744 + 59.175 / 2 - 91.439 = 277.9 kJ/mol.
    const double r = 8.314462618;
    const double t1 = 1900.0;
    const double t2 = 2100.0;
    const double dH = -r *
                      (std::log(co2DissociationKp(thermo(), t2)) -
                       std::log(co2DissociationKp(thermo(), t1))) /
                      (1.0 / t2 - 1.0 / t1);
    EXPECT_NEAR(dH / 1000.0, 282.98 + 56.744 + 59.175 / 2.0 - 91.439, 1.0);
    // JANAF at 2000 K: dGf(CO2) -396.3, dGf(CO) -286.0 kJ/mol, so Kp = exp(-110.3e3 / (R 2000 K))
    // = 1.32e-3 atm^0.5 (1 bar standard state).
    EXPECT_NEAR(co2DissociationKp(thermo(), 2000.0) / 1.32e-3, 1.0, 0.1);
    // Negligible at kiln temperatures: below 1e-5 at 1500 K.
    EXPECT_LT(co2DissociationKp(thermo(), 1500.0), 1e-5);
}

TEST(SimGasThermo, KilnFilesCarryTheThermochemistry) {
    for (const char* f :
         {"egg_kiln.json", "dragon_kiln.json", "gourd_kiln.json", "mantou_kiln.json"}) {
        SCOPED_TRACE(f);
        core::Result<KilnParams> p =
                loadKilnParams(core::dataPath(std::string("assets/firings/") + f));
        ASSERT_TRUE(p.ok()) << p.error().message;
        EXPECT_TRUE(p.value().gasThermo.given());
    }
}

TEST(SimGasThermo, BadFilesAreRejectedWithTheField) {
    const std::string gap = R"({"source": "x", "species": {
        "O2": {"source": "x", "ranges": [
            {"minK": 100, "maxK": 700, "A": 1, "B": 0, "C": 0, "D": 0, "E": 0, "F": 0, "G": 0, "H": 0},
            {"minK": 800, "maxK": 2000, "A": 1, "B": 0, "C": 0, "D": 0, "E": 0, "F": 0, "G": 0, "H": 0}]}}})";
    core::Result<GasThermo> r = parseGasThermo(gap, "g.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("species.O2.ranges[1].minK"), std::string::npos)
            << r.error().message;
    const std::string missing = R"({"source": "x", "species": {}})";
    core::Result<GasThermo> m = parseGasThermo(missing, "g.json");
    ASSERT_FALSE(m.ok());
    EXPECT_NE(m.error().message.find("O2"), std::string::npos) << m.error().message;
}

} // namespace
} // namespace kiln::sim
