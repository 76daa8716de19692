// Flue-gas physics for the kiln model; every constant below is cited to the reference sheet
// thermal-properties.md (shared/reference) and its primary source.
#include "kiln/sim/gas_physics.h"

#include "gas_physics_inline.h"

#include <algorithm>
#include <cmath>

namespace kiln::sim {

using namespace gas_physics_detail;

double wsggEmissivity(double temperatureK, double partialPressureAtm, double beamLengthM) {
    return wsggEmissivityInline(temperatureK, partialPressureAtm, beamLengthM);
}

double ductConvectionWPerM2K(double massFlowKgPerS, double flowAreaM2, double hydraulicDiameterM,
                             double temperatureK) {
    return ductConvectionInline(massFlowKgPerS, flowAreaM2, hydraulicDiameterM, temperatureK);
}

double naturalConvectionWPerM2K(double surfaceK, double gasK, double pressurePa) {
    return naturalConvectionInline(surfaceK, gasK, pressurePa);
}

double mixedConvectionWPerM2K(double forcedWPerM2K, double naturalWPerM2K) {
    return mixedConvectionInline(forcedWPerM2K, naturalWPerM2K);
}

double gasDensityKgPerM3(double pressurePa, double temperatureK) {
    return gasDensityInline(pressurePa, temperatureK);
}

double airViscosityPaS(double temperatureK) {
    const double t = std::max(temperatureK, 50.0);
    return kMuRefPaS * sutherlandPower(t) * (kSutherlandRefK + kMuSK) / (t + kMuSK);
}

double airConductivityWPerMK(double temperatureK) {
    const double t = std::max(temperatureK, 50.0);
    return kKRefWPerMK * sutherlandPower(t) * (kSutherlandRefK + kKSK) / (t + kKSK);
}

double oxygenDiffusivityM2PerS(double temperatureK, double pressurePa) {
    // D [cm2/s] = 1e-3 T^1.75 sqrt(1/M_A + 1/M_B) / (p [atm] (v_A^(1/3) + v_B^(1/3))^2).
    constexpr double kMolarMassO2 = 31.999;
    constexpr double kMolarMassN2 = 28.013;
    constexpr double kVolumeO2 = 16.3;
    constexpr double kVolumeN2 = 18.5;
    const double sumRoots = std::cbrt(kVolumeO2) + std::cbrt(kVolumeN2);
    const double cm2PerS = 1e-3 * std::pow(temperatureK, 1.75) *
                           std::sqrt(1.0 / kMolarMassO2 + 1.0 / kMolarMassN2) /
                           (pressurePa / 101325.0 * sumRoots * sumRoots);
    return cm2PerS * 1e-4;
}

double packedBedSherwood(double reynolds, double schmidt) {
    return 2.0 + 1.1 * std::cbrt(schmidt) * std::pow(std::max(reynolds, 0.0), 0.6);
}

} // namespace kiln::sim
