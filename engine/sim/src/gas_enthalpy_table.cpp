// The gas enthalpy table of the kiln model (gas_enthalpy_table.h): built once per model from the
// NIST Shomate data, looked up for every zone of every step, so the lookups avoid divisions
// where they can and start from a guess of the temperature rather than a search.
#include "kiln/sim/gas_enthalpy_table.h"

#include <algorithm>
#include <cmath>

namespace kiln::sim {

GasEnthalpyTable GasEnthalpyTable::build(const GasThermo& thermo, double ambientC,
                                         const SpeciesFlows& constantCpJPerKgK,
                                         const SpeciesFlows& molarMassGPerMol) {
    GasEnthalpyTable t;
    t.mAmbientC = ambientC;
    const bool given = thermo.given();
    const double taK = ambientC + kKelvin;
    std::vector<double> grid(static_cast<std::size_t>(kPoints * kGasTableSpecies), 0.0);
    if (given) {
        t.mLnKp.assign(static_cast<std::size_t>(kPoints), 0.0);
    }
    for (int k = 0; k < kPoints; ++k) {
        const double tK = kMinK + k * kStepK;
        for (int i = 0; i < kGasTableSpecies; ++i) {
            const auto si = static_cast<std::size_t>(i);
            double h = constantCpJPerKgK[si] * (tK - taK);
            if (given && i < kGasSpeciesCount) {
                const auto& ranges = thermo.species[si];
                h = (shomateEnthalpyJPerMol(ranges, tK) - shomateEnthalpyJPerMol(ranges, taK)) /
                    (molarMassGPerMol[si] * 1e-3);
            }
            grid[static_cast<std::size_t>(k * kGasTableSpecies + i)] = h;
        }
        if (given) {
            t.mLnKp[static_cast<std::size_t>(k)] =
                    std::log(std::max(co2DissociationKp(thermo, tK), 1e-300));
        }
    }
    t.mSegments.assign(static_cast<std::size_t>((kPoints - 1) * 2 * kGasTableSpecies), 0.0);
    for (std::size_t k = 0; k + 1 < static_cast<std::size_t>(kPoints); ++k) {
        for (std::size_t i = 0; i < static_cast<std::size_t>(kGasTableSpecies); ++i) {
            const std::size_t row = k * 2 * kGasTableSpecies;
            t.mSegments[row + 2 * i] = grid[k * kGasTableSpecies + i];
            t.mSegments[row + 2 * i + 1] = grid[(k + 1) * kGasTableSpecies + i];
        }
    }
    return t;
}

GasEnthalpyTable::Bracket GasEnthalpyTable::search(const SpeciesFlows& kgPerS, double sensibleW,
                                                   Bracket b) const {
    // One jump along this segment's slope: H is convex (cp rises with T), so from any guess
    // this lands in or next to the right segment; then walk.
    const int j = segment(b.lowK() + (sensibleW - b.h0) * kStepK / (b.h1 - b.h0));
    if (j != b.k) {
        b.k = j;
        segmentEnthalpies(kgPerS, b.k, b.h0, b.h1);
    }
    constexpr int kLast = kPoints - 2;
    for (int guard = 0; guard < kPoints; ++guard) {
        if (sensibleW < b.h0 && b.k > 0) {
            --b.k;
        } else if (sensibleW > b.h1 && b.k < kLast) {
            ++b.k;
        } else {
            break;
        }
        segmentEnthalpies(kgPerS, b.k, b.h0, b.h1);
    }
    return b;
}

double GasEnthalpyTable::temperatureFromConstantCpC(const SpeciesFlows& kgPerS, double sensibleW,
                                                    double capacityWPerK) const {
    // The search as the kiln model did it before the guesses: walk from the constant-cp
    // estimate, segment by segment.
    int k = segment(mAmbientC + kKelvin + sensibleW / capacityWPerK);
    double h0 = 0.0;
    double h1 = 0.0;
    segmentEnthalpies(kgPerS, k, h0, h1);
    constexpr int kLast = kPoints - 2;
    for (int guard = 0; guard < kPoints; ++guard) {
        if (sensibleW < h0 && k > 0) {
            --k;
        } else if (sensibleW > h1 && k < kLast) {
            ++k;
        } else {
            break;
        }
        segmentEnthalpies(kgPerS, k, h0, h1);
    }
    const double slope = (h1 - h0) / kStepK;
    return kMinK + k * kStepK + (sensibleW - h0) / slope - kKelvin;
}

} // namespace kiln::sim
