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
// Iron redox (the model of updateWare until the diffusion model replaces it): active once the body
// and glaze are hot enough to react with the kiln gas (from 800 C, full at 1000 C; conjectured),
// time constant 1 h at full activity (conjectured); frozen once the glaze melt has sealed the
// piece. Reduction potential: CO/CO2 ratio at which half the iron is Fe2+ at equilibrium, after
// Berg's H2/H2O slightly above 0.1 (firing-physics.md 3; conjectured analogue).
constexpr double kRedoxStartC = 800.0;
constexpr double kRedoxFullC = 1000.0;
constexpr double kRedoxTimeConstantS = 3600.0;
constexpr double kHalfReductionRatio = 0.1;

constexpr double kKelvin = 273.15;
constexpr double kGasConstant = 8.314462618; // J/(mol K)

// CO2 = CO + 1/2 O2: ln Kp = A - B / T, fitted to NIST-JANAF (the Shomate data of
// assets/firings/gas_thermo.json, co2DissociationKp) over 900-1700 K, within 0.02 in ln Kp
// (tested). Equivalently dG = 281.7 kJ - 86.1 J/K T per mol CO2.
constexpr double kLnKpA = 10.3533;
constexpr double kLnKpB = 33876.9;
// A neutral gas (no free O2, no CO): its fO2 is set by CO2's own dissociation, CO = 2 O2, at a
// nominal CO2 mole fraction (conjectured 15 %, the order of wood flue gas; fO2 goes with its 2/3
// power).
constexpr double kNominalCo2 = 0.15;

// The glaze for the iron's equilibrium: a Song qingbai-type lime glaze, oxide wt %. Not one
// analysis: a composition within the published range of Jingdezhen (Hutian) qingbai glazes, CaO
// above 10 % and K2O about 2 % (docs/simulation.md 2.6), iron as FeO*, MgO, TiO2, MnO small.
struct GlazeOxides {
    double sio2;
    double tio2;
    double al2o3;
    double feo;
    double mno;
    double mgo;
    double cao;
    double na2o;
    double k2o;
};
constexpr GlazeOxides kLimeGlaze{66.0, 0.1, 14.0, 1.0, 0.1, 0.8, 14.0, 1.0, 2.5};

// Kress & Carmichael (1991, Contrib. Mineral. Petrol. 108:82), eq. 7 at 1 bar:
//   ln(X_Fe2O3 / X_FeO) = a ln fO2 + b / T + c + sum(d_i X_i) + e (1 - T0/T - ln(T/T0))
// with the mole fractions X_i of the anhydrous melt (iron as FeO*). The pressure terms are below
// 1e-4 at 1 bar and left out.
constexpr double kKcA = 0.196;
constexpr double kKcB = 11492.0; // K
constexpr double kKcC = -6.675;
constexpr double kKcE = -3.36;
constexpr double kKcT0 = 1673.0; // K

// c + sum(d_i X_i) for a composition (molar masses g/mol).
constexpr double kressCarmichaelCompositionTerm(const GlazeOxides& g) {
    const double sio2 = g.sio2 / 60.084;
    const double tio2 = g.tio2 / 79.866;
    const double al2o3 = g.al2o3 / 101.961;
    const double feo = g.feo / 71.844;
    const double mno = g.mno / 70.937;
    const double mgo = g.mgo / 40.304;
    const double cao = g.cao / 56.077;
    const double na2o = g.na2o / 61.979;
    const double k2o = g.k2o / 94.196;
    const double total = sio2 + tio2 + al2o3 + feo + mno + mgo + cao + na2o + k2o;
    return kKcC + (-2.243 * al2o3 - 1.828 * feo + 3.201 * cao + 5.854 * na2o + 6.215 * k2o) / total;
}
constexpr double kKcComposition = kressCarmichaelCompositionTerm(kLimeGlaze);

// Oxygen (redox) diffusion in the glaze melt: D = 3.7e-11 m^2/s at 1260 C, a Ca-Al borosilicate
// melt in air, iron redox equilibrating at the rate of oxygen diffusion ("Diffusion-Controlled
// Redox Kinetics in a Glassmelt"); its temperature dependence from oxygen self-diffusion in a
// 40CaO-20Al2O3-40SiO2 melt, 54.3 kcal/mol = 227 kJ/mol, close to that of viscous flow (Oishi,
// Terai & Ueda). Both in docs/simulation.md 2.6 with their addresses.
constexpr double kRedoxDiffusivityRef = 3.7e-11; // m^2/s
constexpr double kRedoxDiffusivityRefK = 1260.0 + kKelvin;
constexpr double kRedoxDiffusionEnergy = 227.0e3; // J/mol
constexpr double kPiSquared = 9.869604401089358;

// Vitrification past which the glaze counts as sealed (about cone 6; conjectured).
constexpr double kSealAtVitrification = 0.6;

} // namespace

double gasLnOxygenFugacity(const WareGas& gas, double temperatureK) {
    const double lnKp = kLnKpA - kLnKpB / temperatureK;
    // Neutral: Kp^2 = pCO^2 pO2 / pCO2^2 with pCO = 2 pO2, so pO2^3 = Kp^2 pCO2^2 / 4.
    const double lnNeutral = (2.0 * lnKp + 2.0 * std::log(kNominalCo2 / 2.0)) / 3.0;
    if (gas.excessO2 > 0.0) {
        return std::max(std::log(gas.excessO2), lnNeutral);
    }
    if (gas.coToCo2Ratio > 0.0) {
        // pO2 = (Kp pCO2 / pCO)^2.
        return std::min(2.0 * (lnKp - std::log(gas.coToCo2Ratio)), lnNeutral);
    }
    return lnNeutral;
}

double equilibriumFerrousFraction(double lnOxygenFugacity, double temperatureK) {
    const double lnRatio = kKcA * lnOxygenFugacity + kKcB / temperatureK + kKcComposition +
                           kKcE * (1.0 - kKcT0 / temperatureK - std::log(temperatureK / kKcT0));
    // X_Fe2O3 / X_FeO = r: Fe3+ / Fe2+ = 2 r.
    return 1.0 / (1.0 + 2.0 * std::exp(lnRatio));
}

double redoxRelaxationSeconds(double temperatureK, double thicknessM) {
    const double d =
            kRedoxDiffusivityRef * std::exp(-kRedoxDiffusionEnergy / kGasConstant *
                                            (1.0 / temperatureK - 1.0 / kRedoxDiffusivityRefK));
    return 4.0 * thicknessM * thicknessM / (kPiSquared * d);
}

void updateWare(WareState& ware, const HeatworkModel& heatwork, const WareLimits& limits,
                double temperatureC, double previousTemperatureC, const WareGas& gas,
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
            const double ratio = std::max(0.0, gas.coToCo2Ratio);
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
