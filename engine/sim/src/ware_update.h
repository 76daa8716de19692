// The per-step update of one placement (updateWare, ware.h), inline for the kiln model's step,
// which takes it for every placement every step: the call, and the smoothing weight that is the
// same for every placement of a step, stay out of the loop. Private to kiln_sim; ware.cpp holds
// the outcome (evaluateWare) and the public updateWare, which calls this.
#pragma once

#include "kiln/sim/heatwork.h"
#include "kiln/sim/ware.h"

#include <algorithm>
#include <cmath>

namespace kiln::sim {
namespace ware_detail {

// Water smoking: pore water leaves at 100-200 C (firing-physics.md 3, vectree.io).
constexpr double kWaterSmokingLowC = 100.0;
constexpr double kWaterSmokingHighC = 200.0;
// Kaolinite dehydroxylation 450-650 C (firing-physics.md 3, Digitalfire / wallinside).
constexpr double kDehydroxLowC = 450.0;
constexpr double kDehydroxHighC = 650.0;
// Alpha-beta quartz inversion 573 C (firing-physics.md 3; thermal-properties.md 8).
constexpr double kQuartzC = 573.0;
// Smoothing of the heating rate, s: a rate averaged over 20 min, not one step's noise
// (conjectured; the ware's own lag behind the saggar surface is of that order).
constexpr double kRateSmoothingS = 1200.0;
// Iron redox: active once the body and glaze are hot enough to react with the kiln gas (from
// 800 C, full at 1000 C; conjectured), time constant 1 h at full activity (conjectured); frozen
// once the glaze melt has sealed the piece (vitrification 0.6, about cone 6; conjectured - the
// body-reduction stage of reduction firing comes before the glaze melts).
constexpr double kRedoxStartC = 800.0;
constexpr double kRedoxFullC = 1000.0;
constexpr double kRedoxTimeConstantS = 3600.0;
constexpr double kSealAtVitrification = 0.6;
// Reduction potential: CO/CO2 ratio at which half the iron is Fe2+ at equilibrium. Berg gives
// H2/H2O slightly above 0.1 to reduce Fe3O4 (firing-physics.md 3); we use CO/CO2 = 0.1 as the
// analogue (conjectured: the water-gas shift keeps the two ratios of the same order).
constexpr double kHalfReductionRatio = 0.1;

} // namespace ware_detail

// Backward-Euler weight of updateWare's heating-rate filter over a step of dtSeconds (stable for
// any step, no exp per piece).
inline double wareRateWeight(double dtSeconds) {
    return dtSeconds / (ware_detail::kRateSmoothingS + dtSeconds);
}

// The mean temperature of a step, C, at which updateWare takes the heatwork rate.
inline double wareMeanTemperatureC(double temperatureC, double previousTemperatureC) {
    return 0.5 * (temperatureC + previousTemperatureC);
}

// updateWare without its check of dtSeconds (> 0 here), with the heatwork rate at the step's
// mean temperature given: heatworkRate = heatwork.rate(wareMeanTemperatureC(temperatureC,
// previousTemperatureC)) (the kiln model forms the rates of all placements first, in a loop of
// their own). rateWeight: the heating-rate filter's backward-Euler weight,
// wareRateWeight(dtSeconds).
inline void updateWareStepAtRate(WareState& ware, const HeatworkModel& heatwork,
                                 const WareLimits& limits, double temperatureC,
                                 double previousTemperatureC, double coToCo2Ratio, double dtSeconds,
                                 double rateWeight, double heatworkRate) {
    using namespace ware_detail;
    const double meanC = wareMeanTemperatureC(temperatureC, previousTemperatureC);
    ware.heatwork += heatworkRate * dtSeconds;
    ware.peakTemperatureC = std::max(ware.peakTemperatureC, temperatureC);

    const double stepRate = (temperatureC - previousTemperatureC) * 3600.0 / dtSeconds;
    ware.heatingRateCPerHour += rateWeight * (stepRate - ware.heatingRateCPerHour);

    if (meanC >= kWaterSmokingLowC && meanC <= kWaterSmokingHighC &&
        ware.peakTemperatureC <= kWaterSmokingHighC + 1.0) {
        ware.maxWaterSmokingRateCPerHour =
                std::max(ware.maxWaterSmokingRateCPerHour, ware.heatingRateCPerHour);
    }
    // Cooling through the inversion (with a 20 C window so one step cannot jump over it).
    const bool crossingQuartz = std::min(temperatureC, previousTemperatureC) <= kQuartzC + 10.0 &&
                                std::max(temperatureC, previousTemperatureC) >= kQuartzC - 10.0;
    if (crossingQuartz && ware.peakTemperatureC > kQuartzC + 10.0) {
        ware.maxQuartzCoolingRateCPerHour =
                std::max(ware.maxQuartzCoolingRateCPerHour, -ware.heatingRateCPerHour);
    }
    // Below 450 C the clamped term is 0 and once complete it is at most 1: no change either way,
    // so the division is skipped there (the same value).
    if (temperatureC > kDehydroxLowC && ware.dehydroxylatedFraction < 1.0) {
        ware.dehydroxylatedFraction = std::max(
                ware.dehydroxylatedFraction,
                std::clamp((temperatureC - kDehydroxLowC) / (kDehydroxHighC - kDehydroxLowC), 0.0,
                           1.0));
    }

    // Vitrification follows heatwork: none before cone 04 is down, complete at cone 10 (JDZ
    // porcelain matures at 1280-1320 C = cone 10-12, firing-physics.md 3.1). Shrinkage grows with
    // it to the firing shrinkage of a very vitreous porcelain (14 %, thermal-properties.md 8).
    const int c04 = limits.vitrifyStartCone;
    const int c10 = limits.vitrifyEndCone;
    if (c04 >= 0 && c10 > c04 &&
        ware.heatwork >= heatwork.thresholds()[static_cast<std::size_t>(c04)]) {
        // Past cone 10's threshold the cone index is at least 10: fully vitrified, without the
        // log that coneIndexFor takes.
        const double cone =
                ware.heatwork >= heatwork.thresholds()[static_cast<std::size_t>(c10)]
                        ? static_cast<double>(c10)
                        : heatwork.coneIndexFor(ware.heatwork, static_cast<std::size_t>(c04));
        ware.vitrifiedFraction = std::clamp((cone - c04) / (c10 - c04), 0.0, 1.0);
        ware.linearShrinkage = limits.maxFiringShrinkage * ware.vitrifiedFraction;
    }

    if (!ware.glazeSealed) {
        const double activity =
                std::clamp((meanC - kRedoxStartC) / (kRedoxFullC - kRedoxStartC), 0.0, 1.0);
        if (activity > 0.0) {
            const double ratio = std::max(0.0, coToCo2Ratio);
            const double equilibrium = ratio / (ratio + kHalfReductionRatio);
            const double k = activity * dtSeconds / kRedoxTimeConstantS;
            // Backward-Euler relaxation towards equilibrium (stable, no exp per piece).
            ware.ironReducedFraction += (equilibrium - ware.ironReducedFraction) * k / (1.0 + k);
        }
        // Once the glaze has melted over the body (vitrification past ~cone 6) the kiln gas no
        // longer reaches the iron: its state is kept through the rest of the firing and cooling.
        if (ware.vitrifiedFraction >= kSealAtVitrification) {
            ware.glazeSealed = true;
        }
    }
}

// updateWare without its check of dtSeconds (> 0 here). rateWeight: the heating-rate filter's
// backward-Euler weight, wareRateWeight(dtSeconds).
inline void updateWareStep(WareState& ware, const HeatworkModel& heatwork, const WareLimits& limits,
                           double temperatureC, double previousTemperatureC, double coToCo2Ratio,
                           double dtSeconds, double rateWeight) {
    updateWareStepAtRate(ware, heatwork, limits, temperatureC, previousTemperatureC, coToCo2Ratio,
                         dtSeconds, rateWeight,
                         heatwork.rate(wareMeanTemperatureC(temperatureC, previousTemperatureC)));
}

} // namespace kiln::sim
