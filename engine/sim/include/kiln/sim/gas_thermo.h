// Temperature-dependent thermochemistry of the flue-gas species (O2, N2, CO2, H2O, CO) from the
// NIST Shomate equations (data in assets/firings/gas_thermo.json, loaded by firing_data.h), and
// the equilibrium constant of CO2 <-> CO + 1/2 O2 from the same data. Pure functions and plain
// data. Does NOT hold the volatiles (their cp stays a constant in the kiln model) or soot.
#pragma once

#include <array>
#include <vector>

namespace kiln::sim {

// One temperature range of the Shomate equation, t = T / 1000 K:
//   cp = A + B t + C t^2 + D t^3 + E / t^2                       (J/mol K)
//   H(T) - H(298.15) = A t + B t^2/2 + C t^3/3 + D t^4/4 - E/t + F - H   (kJ/mol)
//   S(T) = A ln t + B t + C t^2/2 + D t^3/3 - E/(2 t^2) + G      (J/mol K)
struct ShomateRange {
    double minK = 0.0;
    double maxK = 0.0;
    std::array<double, 8> coefficients{}; // A, B, C, D, E, F, G, H
};

// The flue-gas species, in the kiln model's order.
enum class GasSpecies : int { O2 = 0, N2, CO2, H2O, CO };
inline constexpr int kGasSpeciesCount = 5;

struct GasThermo {
    // Per species its ranges, rising in temperature; all empty = not given (the kiln model then
    // keeps constant mean cp, its behaviour before issue #5).
    std::array<std::vector<ShomateRange>, kGasSpeciesCount> species;
    double molarMassKgPerMol[kGasSpeciesCount] = {0.031999, 0.028013, 0.044010, 0.018015, 0.028010};

    bool given() const;
};

// cp in J/mol K, H(T) - H(298.15 K) in J/mol, S in J/mol K. Below the first range or above the
// last the nearest range is extrapolated (cp then held constant beyond it).
double shomateCpJPerMolK(const std::vector<ShomateRange>& ranges, double temperatureK);
double shomateEnthalpyJPerMol(const std::vector<ShomateRange>& ranges, double temperatureK);
double shomateEntropyJPerMolK(const std::vector<ShomateRange>& ranges, double temperatureK);

// Equilibrium constant Kp (atm^0.5) of CO2 <-> CO + 1/2 O2 at temperatureK from the species'
// enthalpies of formation and entropies: Kp = exp(-dG / RT), dG = dH - T dS. Needs the data.
double co2DissociationKp(const GasThermo& thermo, double temperatureK);

} // namespace kiln::sim
