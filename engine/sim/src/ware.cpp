// Body and glaze events of one placement and its outcome. The events of a step are in
// ware_update.h (inline for the kiln model's step). Temperatures of the events are from
// firing-physics.md section 3 and thermal-properties.md section 8; thresholds that no source gives
// are marked "conjectured" there and in docs/simulation.md.
#include "kiln/sim/ware.h"

#include "kiln/sim/heatwork.h"
#include "ware_update.h"

#include <algorithm>
#include <cmath>

namespace kiln::sim {

void updateWare(WareState& ware, const HeatworkModel& heatwork, const WareLimits& limits,
                double temperatureC, double previousTemperatureC, double coToCo2Ratio,
                double dtSeconds) {
    if (!(dtSeconds > 0.0)) {
        return;
    }
    updateWareStep(ware, heatwork, limits, temperatureC, previousTemperatureC, coToCo2Ratio,
                   dtSeconds, wareRateWeight(dtSeconds));
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
    if (ware.peakTemperatureC < ware_detail::kWaterSmokingLowC) {
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
