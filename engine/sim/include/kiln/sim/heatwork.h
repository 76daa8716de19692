// Heatwork meter calibrated to the Orton cone table: a cone bends when the time integral of an
// Arrhenius-type rate reaches that cone's threshold. The rate's apparent activation energy E(T)
// may depend on temperature (constant below the first knot and above the last, linear in T
// between knots), because the chart's slow (15 C/h) column shows cones 11-14 far less sensitive to
// time than cones 04-10. Thresholds from the 60 C/h column. Does NOT model cone deformation or the
// bending time.
#pragma once

#include "kiln/core/result.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace kiln::sim {

// One row of the Orton chart (self-supporting regular cones, 2016 chart, orton_cones.csv).
struct OrtonCone {
    std::string name; // Orton numbering as printed: "012" and "12" are different cones
    double temperatureAt60CPerHourC = 0.0;
    double temperatureAt150CPerHourC = 0.0;
    // The chart's slow column; NaN where the chart gives none (cones 022-020).
    double temperatureAt15CPerHourC = std::numeric_limits<double>::quiet_NaN();
};

// Apparent activation energy of the heatwork rate against temperature: energiesJPerMol[i] at
// knotsC[i], linear in temperature between knots, constant outside them. One knot is one E.
struct ActivationEnergyProfile {
    std::vector<double> knotsC;
    std::vector<double> energiesJPerMol;
};

class HeatworkModel {
public:
    // activationEnergyJPerMol > 0; cones sorted by rising temperature. Thresholds are the heatwork
    // of a constant 60 C/h ramp from 20 C to each cone's 60 C/h temperature.
    static core::Result<HeatworkModel> create(double activationEnergyJPerMol,
                                              std::vector<OrtonCone> cones);
    // The same with an activation energy that depends on temperature: knots rising, at least one,
    // every energy > 0.
    static core::Result<HeatworkModel> create(const ActivationEnergyProfile& profile,
                                              std::vector<OrtonCone> cones);

    // One stretch of the rate law: ln rate = offset - a/T + b ln T (T in K), from E(T) = R(a + bT)
    // integrated as d ln rate / dT = E(T)/(R T^2); b = 0 where E is constant.
    struct RateSegment {
        double startK = 0.0; // the segment applies from here up to the next segment's start
        double offset = 0.0;
        double aK = 0.0;
        double bLog = 0.0;
    };
    // The rate law of a profile: segments by rising start, ln rate = 0 at Tref = 1300 C.
    static std::vector<RateSegment> rateSegments(const ActivationEnergyProfile& profile);

    // Heatwork rate in "reference seconds" per second, 1 at Tref = 1573.15 K (1300 C), so one
    // hour at 1300 C gives 3600. Below 300 C the rate is set to 0 (it is < 1e-40).
    // Inline: every placement takes it every step.
    double rate(double temperatureC) const { return rateAt(mSegments, temperatureC); }
    // The same for any rate law: what rate() and the ramps of create() integrate.
    static double rateAt(const std::vector<RateSegment>& segments, double temperatureC) {
        constexpr double kKelvin = 273.15;
        if (temperatureC < 300.0) {
            return 0.0;
        }
        const double tK = temperatureC + kKelvin;
        std::size_t i = 0;
        while (i + 1 < segments.size() && tK >= segments[i + 1].startK) {
            ++i;
        }
        const RateSegment& s = segments[i];
        const double lnRate =
                s.bLog == 0.0 ? s.offset - s.aK / tK : s.offset - s.aK / tK + s.bLog * std::log(tK);
        return std::exp(lnRate);
    }
    // Apparent activation energy at a temperature (J/mol), from the profile.
    double activationEnergyAt(double temperatureC) const;

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

    const ActivationEnergyProfile& activationEnergy() const { return mProfile; }
    const std::vector<OrtonCone>& cones() const { return mCones; }
    const std::vector<double>& thresholds() const { return mThresholds; }

private:
    ActivationEnergyProfile mProfile;
    std::vector<RateSegment> mSegments;
    std::vector<OrtonCone> mCones;
    std::vector<double> mThresholds;
    std::vector<double> mLogThresholds;
};

// Fits the activation energies at the given knots: thresholds from the 60 C/h column, the energies
// chosen (Nelder-Mead from startJPerMol at every knot) to minimise the errors of the predicted 15
// and 150 C/h temperatures of the given cones (the 15 C/h column where the chart has one), as a
// p = 8 norm, which approaches the largest error. worstErrorC receives the largest error.
ActivationEnergyProfile fitActivationEnergyProfile(const std::vector<OrtonCone>& cones,
                                                   const std::vector<double>& knotsC,
                                                   double startJPerMol, double* worstErrorC);

// Largest error of the model's 15 (where charted) and 150 C/h ramp temperatures over the cones.
double worstChartErrorC(const ActivationEnergyProfile& profile,
                        const std::vector<OrtonCone>& cones);

} // namespace kiln::sim
