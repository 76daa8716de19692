// The flue gas's enthalpy above ambient against its temperature, per species on a uniform grid
// (200-3600 K every 25 K), and its inverse for a mixture: the kiln model's gas carries enthalpy
// and takes its temperature from here. Enthalpy is linear between grid points, so the inverse is
// exact for the table. Also ln Kp of CO2 <-> CO + 1/2 O2 on the same grid. Public so that tests
// can check it; does NOT know the chemistry or the gas march (kiln_model.cpp).
#pragma once

#include "kiln/sim/gas_thermo.h"

#include <array>
#include <cstddef>
#include <cstring>
#include <vector>

namespace kiln::sim {

// The kiln model's species in its order: O2, N2, CO2, H2O, CO, then the volatiles (the first
// five as GasSpecies).
inline constexpr int kGasTableSpecies = 6;
using SpeciesFlows = std::array<double, kGasTableSpecies>;

class GasEnthalpyTable {
public:
    static constexpr double kMinK = 200.0;
    static constexpr double kStepK = 25.0;
    static constexpr int kPoints = 137;

    // From the Shomate data where thermo.given(), else each species' constant cp (J/kg K); the
    // volatiles always keep their constant cp. Molar masses in g/mol.
    static GasEnthalpyTable build(const GasThermo& thermo, double ambientC,
                                  const SpeciesFlows& constantCpJPerKgK,
                                  const SpeciesFlows& molarMassGPerMol);

    double ambientC() const { return mAmbientC; }
    bool hasDissociation() const { return !mLnKp.empty(); }

    // Grid segment holding tK (clamped to the table): O(1).
    static int segment(double tK) {
        const double x = (tK - kMinK) * kInverseStep;
        // Truncation is the floor for x >= 0; below the table (or NaN) the first segment.
        if (!(x >= 0.0)) {
            return 0;
        }
        return x < kPoints - 2 ? static_cast<int>(x) : kPoints - 2;
    }
    // Enthalpy flux above ambient, W, of the flows (kg/s) at grid points k and k + 1 (k a
    // segment): one pass over the species for both.
    void segmentEnthalpies(const SpeciesFlows& kgPerS, int k, double& h0, double& h1) const {
        const double* p = mSegments.data() + static_cast<std::ptrdiff_t>(k) * 2 * kGasTableSpecies;
        // Both ends in one two-lane vector (GCC/Clang vector extension): each lane is the sum
        // a += kgPerS[i] * p[2 i] (resp. p[2 i + 1]) in the same order as the scalar loop, so
        // the same bits, with half the multiplications and additions and no shuffles.
        using Pair = double __attribute__((vector_size(2 * sizeof(double))));
        Pair sum = {0.0, 0.0};
        for (std::size_t i = 0; i < kgPerS.size(); ++i) {
            Pair ends;
            std::memcpy(&ends, p + 2 * i, sizeof ends);
            sum += kgPerS[i] * ends;
        }
        h0 = sum[0];
        h1 = sum[1];
    }
    // Enthalpy flux above ambient, W, of the flows at grid point k.
    double at(const SpeciesFlows& kgPerS, int k) const {
        double h0 = 0.0;
        double h1 = 0.0;
        segmentEnthalpies(kgPerS, k < kPoints - 1 ? k : kPoints - 2, h0, h1);
        return k < kPoints - 1 ? h0 : h1;
    }
    // Enthalpy flux above ambient, W, of the flows at temperatureC.
    double enthalpyW(const SpeciesFlows& kgPerS, double temperatureC) const {
        const double tK = temperatureC + kKelvin;
        const int k = segment(tK);
        double h0 = 0.0;
        double h1 = 0.0;
        segmentEnthalpies(kgPerS, k, h0, h1);
        return h0 + (h1 - h0) * ((tK - (kMinK + k * kStepK)) * kInverseStep);
    }
    // The segment whose ends bracket an enthalpy, with the flows' enthalpies there.
    struct Bracket {
        int k = 0;
        double h0 = 0.0;
        double h1 = 0.0;
        double lowK() const { return kMinK + k * kStepK; }
    };
    // The segment holding sensibleW (W above ambient). guessK is where the search starts (any
    // value; only the time taken depends on it): with a guess in the right segment, one pass
    // over the species. Preconditions: some flow is positive.
    Bracket bracket(const SpeciesFlows& kgPerS, double sensibleW, double guessK) const {
        Bracket b;
        b.k = segment(guessK);
        segmentEnthalpies(kgPerS, b.k, b.h0, b.h1);
        if (sensibleW < b.h0 || sensibleW > b.h1) {
            b = search(kgPerS, sensibleW, b);
        }
        return b;
    }
    // bracket(kgPerS, sensibleW, guessK) and enthalpyW(kgPerS, temperatureC) together: both
    // segments' sums in one pass over the species (each lane summed in the same order as
    // segmentEnthalpies, so the same bits as the two calls). enthalpyAtW receives the enthalpy.
    Bracket bracketAndEnthalpy(const SpeciesFlows& kgPerS, double sensibleW, double guessK,
                               double temperatureC, double& enthalpyAtW) const {
        const double tK = temperatureC + kKelvin;
        const int kAt = segment(tK);
        Bracket b;
        b.k = segment(guessK);
        const double* p =
                mSegments.data() + static_cast<std::ptrdiff_t>(b.k) * 2 * kGasTableSpecies;
        const double* q =
                mSegments.data() + static_cast<std::ptrdiff_t>(kAt) * 2 * kGasTableSpecies;
        using Pair = double __attribute__((vector_size(2 * sizeof(double))));
        Pair sum = {0.0, 0.0};
        Pair sumAt = {0.0, 0.0};
        for (std::size_t i = 0; i < kgPerS.size(); ++i) {
            Pair ends;
            Pair endsAt;
            std::memcpy(&ends, p + 2 * i, sizeof ends);
            std::memcpy(&endsAt, q + 2 * i, sizeof endsAt);
            sum += kgPerS[i] * ends;
            sumAt += kgPerS[i] * endsAt;
        }
        b.h0 = sum[0];
        b.h1 = sum[1];
        enthalpyAtW =
                sumAt[0] + (sumAt[1] - sumAt[0]) * ((tK - (kMinK + kAt * kStepK)) * kInverseStep);
        if (sensibleW < b.h0 || sensibleW > b.h1) {
            b = search(kgPerS, sensibleW, b);
        }
        return b;
    }
    // Temperature, C, of flows carrying sensibleW above ambient: the table's exact inverse, by
    // bracket() and one division.
    double temperatureC(const SpeciesFlows& kgPerS, double sensibleW, double guessK) const {
        const Bracket b = bracket(kgPerS, sensibleW, guessK);
        return b.lowK() - kKelvin + (sensibleW - b.h0) * kStepK / (b.h1 - b.h0);
    }
    // The same, walking from the constant-cp estimate (the reference the fast search is tested
    // against).
    double temperatureFromConstantCpC(const SpeciesFlows& kgPerS, double sensibleW,
                                      double capacityWPerK) const;
    // ln Kp (atm^0.5) of CO2 <-> CO + 1/2 O2 at tK, linear on the grid. Needs hasDissociation().
    double lnKpAt(double tK) const {
        const int k = segment(tK);
        const double x = (tK - (kMinK + k * kStepK)) * kInverseStep;
        const auto i = static_cast<std::size_t>(k);
        return mLnKp[i] + x * (mLnKp[i + 1] - mLnKp[i]);
    }

private:
    static constexpr double kKelvin = 273.15;
    static constexpr double kInverseStep = 1.0 / kStepK;

    // Out of line: the guess's segment (from) does not hold sensibleW.
    Bracket search(const SpeciesFlows& kgPerS, double sensibleW, Bracket from) const;

    double mAmbientC = 20.0;
    // Per segment k, per species, the enthalpy at grid points k and k + 1 side by side, J/kg:
    // kPoints - 1 rows of 2 kGasTableSpecies (both ends of a segment in one pass).
    std::vector<double> mSegments;
    std::vector<double> mLnKp; // kPoints, or empty: no dissociation data
};

} // namespace kiln::sim
