// Body and glaze events of one placement and its outcome. Temperatures of the events are from
// firing-physics.md section 3 and thermal-properties.md section 8; thresholds that no source gives
// are marked "conjectured" here and in docs/simulation.md.
#include "kiln/sim/ware.h"

#include "kiln/sim/heatwork.h"

#include <algorithm>
#include <cmath>

namespace kiln::sim {
namespace {

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

} // namespace

void updateWare(WareState& ware, const HeatworkModel& heatwork, const WareLimits& limits,
                double temperatureC, double previousTemperatureC, double coToCo2Ratio,
                double dtSeconds) {
    if (!(dtSeconds > 0.0)) {
        return;
    }
    const double meanC = 0.5 * (temperatureC + previousTemperatureC);
    ware.heatwork += heatwork.rate(meanC) * dtSeconds;
    ware.peakTemperatureC = std::max(ware.peakTemperatureC, temperatureC);

    const double stepRate = (temperatureC - previousTemperatureC) * 3600.0 / dtSeconds;
    // Backward-Euler weight of the first-order filter (stable for any step, no exp per piece).
    const double w = dtSeconds / (kRateSmoothingS + dtSeconds);
    ware.heatingRateCPerHour += w * (stepRate - ware.heatingRateCPerHour);

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

namespace {

struct Rgb {
    float r;
    float g;
    float b;
};

Rgb mix(Rgb a, Rgb b, double t) {
    const auto f = static_cast<float>(std::clamp(t, 0.0, 1.0));
    return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

// Glaze colours (sRGB). Direction from the sources: iron in reduction gives pale blue to green,
// in oxidation pale yellow to amber (Ceramics Monthly "Iron in Celadons", firing-physics.md 3).
// The exact tints are conjectured, chosen to read as those descriptions.
Rgb glazeColour(GlazeKind kind, double reduced) {
    switch (kind) {
        case GlazeKind::Qingbai:
            return mix({0.90f, 0.86f, 0.70f}, {0.78f, 0.88f, 0.87f}, reduced);
        case GlazeKind::Celadon:
            return mix({0.78f, 0.70f, 0.46f}, {0.58f, 0.74f, 0.64f}, reduced);
        case GlazeKind::BlueAndWhite:
            return mix({0.92f, 0.89f, 0.78f}, {0.86f, 0.90f, 0.93f}, reduced);
        case GlazeKind::CopperRed:
            // Copper red needs reduction; oxidised copper goes green (conjectured tints).
            return mix({0.35f, 0.55f, 0.42f}, {0.62f, 0.10f, 0.12f}, reduced);
        case GlazeKind::CobaltBlue:
            return mix({0.16f, 0.22f, 0.50f}, {0.10f, 0.15f, 0.45f}, reduced);
        case GlazeKind::Plain:
            break;
    }
    return mix({0.88f, 0.85f, 0.76f}, {0.85f, 0.87f, 0.86f}, reduced);
}

} // namespace

WareOutcome evaluateWare(const WareState& ware, const WareSpec& spec, const HeatworkModel& heatwork,
                         const WareLimits& limits) {
    WareOutcome out;
    out.coneIndex = heatwork.coneIndexFor(ware.heatwork);
    out.coneLabel = heatwork.coneLabel(out.coneIndex);
    const Rgb colour = glazeColour(spec.glaze, ware.ironReducedFraction);
    out.red = colour.r;
    out.green = colour.g;
    out.blue = colour.b;
    const int minCone = heatwork.findCone(spec.minimumCone);
    const int maxCone = heatwork.findCone(spec.maximumCone);
    if (ware.peakTemperatureC < kWaterSmokingLowC) {
        out.kind = WareOutcomeKind::Unfired;
        out.reason = "not yet fired";
        return out;
    }
    if (ware.maxWaterSmokingRateCPerHour > limits.waterSmokingMaxRateCPerHour) {
        out.kind = WareOutcomeKind::Cracked;
        out.reason = "steam damage: heated too fast through water smoking (100-200 C)";
        return out;
    }
    if (ware.maxQuartzCoolingRateCPerHour > limits.quartzMaxCoolingRateCPerHour) {
        out.kind = WareOutcomeKind::Cracked;
        out.reason = "dunted: cooled too fast through the quartz inversion (573 C)";
        return out;
    }
    if (minCone >= 0 && out.coneIndex < minCone) {
        out.kind = WareOutcomeKind::Underfired;
        out.reason = "underfired (shuang): cone " + spec.minimumCone + " not down";
        // An immature glaze stays matt and opaque: lighten towards the raw glaze.
        const Rgb raw = mix(colour, {0.90f, 0.89f, 0.84f}, 0.6);
        out.red = raw.r;
        out.green = raw.g;
        out.blue = raw.b;
        return out;
    }
    if (maxCone >= 0 && out.coneIndex >= maxCone + 1) {
        out.kind = WareOutcomeKind::Overfired;
        out.reason = "overfired (lao): past cone " + spec.maximumCone + ", the glaze runs";
        if (spec.glaze == GlazeKind::BlueAndWhite) {
            out.reason += " and the blue blurs";
        }
        return out;
    }
    out.kind = WareOutcomeKind::Sound;
    out.reason =
            "sound: glaze matured between cone " + spec.minimumCone + " and " + spec.maximumCone;
    return out;
}

const char* outcomeName(WareOutcomeKind kind) {
    switch (kind) {
        case WareOutcomeKind::Unfired:
            return "unfired";
        case WareOutcomeKind::Underfired:
            return "underfired";
        case WareOutcomeKind::Sound:
            return "sound";
        case WareOutcomeKind::Overfired:
            return "overfired";
        case WareOutcomeKind::Cracked:
            return "cracked";
    }
    return "?";
}

const char* glazeName(GlazeKind kind) {
    switch (kind) {
        case GlazeKind::Qingbai:
            return "qingbai";
        case GlazeKind::Celadon:
            return "celadon";
        case GlazeKind::BlueAndWhite:
            return "blue-and-white";
        case GlazeKind::CopperRed:
            return "copper-red";
        case GlazeKind::CobaltBlue:
            return "cobalt-blue";
        case GlazeKind::Plain:
            return "plain";
    }
    return "?";
}

} // namespace kiln::sim
