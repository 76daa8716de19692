// The ware in one placement: what it is (WareSpec, from the loading plan), what the firing has
// done to it so far (WareState, updated every step by the kiln model) and how it comes out
// (WareOutcome). Does NOT model individual pieces or glaze chemistry beyond the iron state.
#pragma once

#include <string>

namespace kiln::sim {

class HeatworkModel;

enum class GlazeKind { Qingbai, Celadon, BlueAndWhite, CopperRed, CobaltBlue, Plain };

// One placement's ware as the loading plan gives it. Cone names use Orton numbering.
struct WareSpec {
    std::string label;
    GlazeKind glaze = GlazeKind::Qingbai;
    std::string matureCone = "10";
    std::string minimumCone = "9";  // below it (cone not down) the glaze is underfired (shuang)
    std::string maximumCone = "11"; // the next cone down means overfired (lao)
};

struct WareState {
    double heatwork = 0.0;                     // reference seconds (HeatworkModel::rate)
    double peakTemperatureC = 0.0;             // highest temperature seen
    double heatingRateCPerHour = 0.0;          // smoothed (20 min), positive when heating
    double maxWaterSmokingRateCPerHour = 0.0;  // largest heating rate while at 100-200 C
    double maxQuartzCoolingRateCPerHour = 0.0; // largest cooling rate while passing 573 C
    double dehydroxylatedFraction = 0.0;       // kaolinite -> metakaolin, 450-650 C
    double vitrifiedFraction = 0.0;            // 0 = porous body, 1 = mature porcelain
    double linearShrinkage = 0.0;              // firing shrinkage, fraction of the dried size
    double ironReducedFraction = 0.0;          // share of the glaze iron as Fe2+ (0 = all Fe3+)
    bool glazeSealed = false;                  // the melt has closed: the iron state is frozen
};

enum class WareOutcomeKind { Unfired, Underfired, Sound, Overfired, Cracked };

struct WareOutcome {
    WareOutcomeKind kind = WareOutcomeKind::Unfired;
    double coneIndex = -1.0; // HeatworkModel::coneIndexFor
    std::string coneLabel;   // e.g. "10 (+0.4)"
    float red = 0.8f;        // sRGB colour of the glazed surface, for a test piece card
    float green = 0.8f;
    float blue = 0.8f;
    std::string reason; // one line: why this outcome
};

// Thresholds for the body events (documented in docs/simulation.md with their sources).
struct WareLimits {
    double waterSmokingMaxRateCPerHour = 120.0;  // steam damage above this rate at 100-200 C
    double quartzMaxCoolingRateCPerHour = 100.0; // dunting above this rate through 573 C
    double maxFiringShrinkage = 0.14;
    // Cone indices (HeatworkModel) where vitrification starts and completes; set by KilnModel
    // from cones "04" and "10". Negative: no vitrification tracked.
    int vitrifyStartCone = -1;
    int vitrifyEndCone = -1;
};

// Advances one placement by dtSeconds at temperatureC with the surrounding gas's CO/CO2 molar
// ratio (the reduction potential).
void updateWare(WareState& ware, const HeatworkModel& heatwork, const WareLimits& limits,
                double temperatureC, double previousTemperatureC, double coToCo2Ratio,
                double dtSeconds);

WareOutcome evaluateWare(const WareState& ware, const WareSpec& spec, const HeatworkModel& heatwork,
                         const WareLimits& limits);

const char* outcomeName(WareOutcomeKind kind);
const char* glazeName(GlazeKind kind);

} // namespace kiln::sim
