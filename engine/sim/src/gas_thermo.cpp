// NIST Shomate equations for the flue-gas species (coefficients in assets/firings/gas_thermo.json,
// NIST Chemistry WebBook after Chase, NIST-JANAF Thermochemical Tables, 4th ed., 1998).
#include "kiln/sim/gas_thermo.h"

#include <algorithm>
#include <cmath>

namespace kiln::sim {
namespace {

constexpr double kGasConstantJPerMolK = 8.314462618;

const ShomateRange& rangeFor(const std::vector<ShomateRange>& ranges, double temperatureK) {
    for (const ShomateRange& r : ranges) {
        if (temperatureK <= r.maxK) {
            return r;
        }
    }
    return ranges.back();
}

double cpOf(const ShomateRange& r, double temperatureK) {
    const double t = temperatureK / 1000.0;
    const auto& c = r.coefficients;
    return c[0] + t * (c[1] + t * (c[2] + t * c[3])) + c[4] / (t * t);
}

// H(T) - H(298.15) in J/mol inside the range (the F - H terms tie the ranges together).
double enthalpyOf(const ShomateRange& r, double temperatureK) {
    const double t = temperatureK / 1000.0;
    const auto& c = r.coefficients;
    return 1000.0 * (c[0] * t + c[1] * t * t / 2.0 + c[2] * t * t * t / 3.0 +
                     c[3] * t * t * t * t / 4.0 - c[4] / t + c[5] - c[7]);
}

double entropyOf(const ShomateRange& r, double temperatureK) {
    const double t = temperatureK / 1000.0;
    const auto& c = r.coefficients;
    return c[0] * std::log(t) + c[1] * t + c[2] * t * t / 2.0 + c[3] * t * t * t / 3.0 -
           c[4] / (2.0 * t * t) + c[6];
}

} // namespace

bool GasThermo::given() const {
    return std::all_of(species.begin(), species.end(),
                       [](const std::vector<ShomateRange>& r) { return !r.empty(); });
}

double shomateCpJPerMolK(const std::vector<ShomateRange>& ranges, double temperatureK) {
    if (ranges.empty()) {
        return 0.0;
    }
    const double lo = ranges.front().minK;
    const double hi = ranges.back().maxK;
    return cpOf(rangeFor(ranges, temperatureK), std::clamp(temperatureK, lo, hi));
}

double shomateEnthalpyJPerMol(const std::vector<ShomateRange>& ranges, double temperatureK) {
    if (ranges.empty()) {
        return 0.0;
    }
    // Outside the tabulated span, cp is held at its value at the edge.
    const double lo = ranges.front().minK;
    const double hi = ranges.back().maxK;
    const double tk = std::clamp(temperatureK, lo, hi);
    const double h = enthalpyOf(rangeFor(ranges, tk), tk);
    return h + (temperatureK - tk) * shomateCpJPerMolK(ranges, tk);
}

double shomateEntropyJPerMolK(const std::vector<ShomateRange>& ranges, double temperatureK) {
    if (ranges.empty()) {
        return 0.0;
    }
    const double tk = std::clamp(temperatureK, ranges.front().minK, ranges.back().maxK);
    return entropyOf(rangeFor(ranges, tk), tk) +
           shomateCpJPerMolK(ranges, tk) * std::log(temperatureK / tk);
}

double co2DissociationKp(const GasThermo& thermo, double temperatureK) {
    const auto& o2 = thermo.species[static_cast<std::size_t>(GasSpecies::O2)];
    const auto& co2 = thermo.species[static_cast<std::size_t>(GasSpecies::CO2)];
    const auto& co = thermo.species[static_cast<std::size_t>(GasSpecies::CO)];
    if (o2.empty() || co2.empty() || co.empty()) {
        return 0.0;
    }
    // Standard enthalpies of formation are the Shomate H term (kJ/mol); O2 is 0.
    const double hf =
            [&](const std::vector<ShomateRange>& r) {
                return r.front().coefficients[7] * 1000.0;
            }(co)-co2.front()
                    .coefficients[7] *
            1000.0;
    const double dH = hf + shomateEnthalpyJPerMol(co, temperatureK) +
                      0.5 * shomateEnthalpyJPerMol(o2, temperatureK) -
                      shomateEnthalpyJPerMol(co2, temperatureK);
    const double dS = shomateEntropyJPerMolK(co, temperatureK) +
                      0.5 * shomateEntropyJPerMolK(o2, temperatureK) -
                      shomateEntropyJPerMolK(co2, temperatureK);
    const double dG = dH - temperatureK * dS;
    return std::exp(-dG / (kGasConstantJPerMolK * temperatureK));
}

} // namespace kiln::sim
