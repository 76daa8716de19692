// Heatwork meter calibrated to the Orton cone table: a cone bends when the time integral of an
// Arrhenius rate exp(-E/RT) reaches that cone's threshold. One activation energy E for all cones;
// thresholds from the 60 C/h column. Does NOT model cone deformation or the bending time.
#pragma once

#include "kiln/core/result.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

namespace kiln::sim {

// One row of the Orton chart (self-supporting regular cones, 2016 chart, orton_cones.csv).
struct OrtonCone {
    std::string name; // Orton numbering as printed: "012" and "12" are different cones
    double temperatureAt60CPerHourC = 0.0;
    double temperatureAt150CPerHourC = 0.0;
};

class HeatworkModel {
public:
    // activationEnergyJPerMol > 0; cones sorted by rising temperature. Thresholds are the heatwork
    // of a constant 60 C/h ramp from 20 C to each cone's 60 C/h temperature.
    static core::Result<HeatworkModel> create(double activationEnergyJPerMol,
                                              std::vector<OrtonCone> cones);

    // Heatwork rate in "reference seconds" per second: exp(E/R (1/Tref - 1/T)), Tref = 1573.15 K
    // (1300 C), so one hour at 1300 C gives 3600. Below 300 C the rate is set to 0 (it is < 1e-40).
    // Inline: every placement takes it every step.
    double rate(double temperatureC) const { return rateAt(mEOverR, temperatureC); }
    // The same for any E/R (1/K): what rate() and the ramps of create() integrate.
    static double rateAt(double eOverR, double temperatureC) {
        constexpr double kKelvin = 273.15;
        constexpr double kReferenceK = 1300.0 + kKelvin;
        if (temperatureC < 300.0) {
            return 0.0;
        }
        return std::exp(eOverR * (1.0 / kReferenceK - 1.0 / (temperatureC + kKelvin)));
    }

    // Heatwork of a constant-rate ramp from startC to endC, by Simpson integration.
    double rampHeatwork(double startC, double endC, double ratePerHourC) const;

    // Temperature at which a constant ramp from 20 C reaches the heatwork of cone index i.
    double rampEndpointC(std::size_t coneIndex, double ratePerHourC) const;

    // Fractional cone index: k + f means cone k is down and a fraction f (in log heatwork) of the
    // way to cone k+1; -1 before the first cone. Use coneLabel() to print it.
    double coneIndexFor(double heatwork) const;
    // The same for a heatwork known to have brought down cone fromCone (heatwork >=
    // thresholds()[fromCone]): the search for the next cone starts there (the same result).
    // Inline: every placement between cone 04 and cone 10 takes it every step.
    double coneIndexFor(double heatwork, std::size_t fromCone) const {
        if (!(heatwork > 0.0) || heatwork < mThresholds.front()) {
            return -1.0;
        }
        KILN_ASSERT(fromCone < mThresholds.size() && heatwork >= mThresholds[fromCone],
                    "HeatworkModel::coneIndexFor: cone fromCone is not down");
        const double lh = std::log(heatwork);
        const std::size_t n = mThresholds.size();
        // The first k with heatwork < mThresholds[k + 1]; none below fromCone, since the
        // thresholds rise with the cones (create() checks the cones' temperatures).
        for (std::size_t k = fromCone; k + 1 < n; ++k) {
            if (heatwork < mThresholds[k + 1]) {
                const double f =
                        (lh - mLogThresholds[k]) / (mLogThresholds[k + 1] - mLogThresholds[k]);
                return static_cast<double>(k) + std::clamp(f, 0.0, 0.999);
            }
        }
        // Past the last cone: extrapolate with the last interval's spacing, at most one cone.
        const double span = n > 1 ? mLogThresholds[n - 1] - mLogThresholds[n - 2] : 1.0;
        return static_cast<double>(n - 1) +
               std::clamp((lh - mLogThresholds[n - 1]) / span, 0.0, 1.0);
    }
    std::string coneLabel(double coneIndex) const;
    // Name of the last cone down for a fractional cone index; "none" below the first cone.
    std::string coneDownName(double coneIndex) const;
    // Index of a cone by its Orton name, or -1.
    int findCone(const std::string& name) const;

    double activationEnergyJPerMol() const { return mActivationEnergyJPerMol; }
    const std::vector<OrtonCone>& cones() const { return mCones; }
    const std::vector<double>& thresholds() const { return mThresholds; }

private:
    double mActivationEnergyJPerMol = 0.0;
    double mEOverR = 0.0;
    std::vector<OrtonCone> mCones;
    std::vector<double> mThresholds;
    std::vector<double> mLogThresholds;
};

// Fits the one activation energy: thresholds from the 60 C/h column, E chosen (golden section over
// [lowJPerMol, highJPerMol]) to minimise the largest error of the predicted 150 C/h temperatures.
// Returns E; worstErrorC receives that largest error.
double fitActivationEnergy(const std::vector<OrtonCone>& cones, double lowJPerMol,
                           double highJPerMol, double* worstErrorC);

} // namespace kiln::sim
