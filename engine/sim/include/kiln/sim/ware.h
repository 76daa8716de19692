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

// The kiln gas at a placement as the glaze sees it, after its combustibles met the free O2
// (GasState::excessO2 and GasState::reductionRatio): at most one of the two is positive.
struct WareGas {
    double excessO2 = 0.0;     // free O2, mole fraction
    double coToCo2Ratio = 0.0; // CO/CO2 molar ratio left over
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

// Natural log of the oxygen fugacity (bar; the kiln is at about 1 atm, so a mole fraction is its
// partial pressure) of the gas at temperatureK. Oxidizing: the free O2. Reducing: from the
// equilibrium CO2 = CO + 1/2 O2 at the gas's CO/CO2 (NIST-JANAF, as co2DissociationKp). Neither,
// and as the limit of both: CO2's own dissociation (CO = 2 O2) at a nominal 15 % CO2.
double gasLnOxygenFugacity(const WareGas& gas, double temperatureK);

// Equilibrium Fe2+/(Fe2+ + Fe3+) of the glaze melt at ln fO2 and temperatureK: Kress & Carmichael
// (1991) eq. 7 at 1 bar for the lime glaze of docs/simulation.md 2.6 (Song qingbai type).
double equilibriumFerrousFraction(double lnOxygenFugacity, double temperatureK);

// Time constant, s, of the glaze iron's approach to equilibrium: the slowest mode of oxygen
// diffusion through a layer of thicknessM, 4 L^2 / (pi^2 D), with D of a lime glass melt
// (3.7e-11 m^2/s at 1260 C) and the activation energy of oxygen diffusion in a CaO-Al2O3-SiO2 melt
// (227 kJ/mol; docs/simulation.md 2.6).
double redoxRelaxationSeconds(double temperatureK, double thicknessM);

// Advances one placement by dtSeconds at temperatureC in the surrounding gas.
void updateWare(WareState& ware, const HeatworkModel& heatwork, const WareLimits& limits,
                double temperatureC, double previousTemperatureC, const WareGas& gas,
                double dtSeconds);

WareOutcome evaluateWare(const WareState& ware, const WareSpec& spec, const HeatworkModel& heatwork,
                         const WareLimits& limits);

const char* outcomeName(WareOutcomeKind kind);
const char* glazeName(GlazeKind kind);

} // namespace kiln::sim
