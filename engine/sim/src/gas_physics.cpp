// Flue-gas physics for the kiln model; every constant below is cited to the reference sheet
// thermal-properties.md (shared/reference) and its primary source.
#include "kiln/sim/gas_physics.h"

#include <algorithm>
#include <cmath>

namespace kiln::sim {
namespace {

// Smith, Shen & Friedman 1982, J. Heat Transfer 104:602, p_w/p_c = 1 set, as transcribed in
// thermal-properties.md 4.1: kappa_i in 1/(atm m), a_i = b1 + b2 T + b3 T^2 + b4 T^3 (T in K).
constexpr double kKappa[3] = {0.4303, 7.055, 178.1};
constexpr double kB[3][4] = {
        {5.150e-1, -2.303e-4, 9.779e-8, -1.494e-11},
        {7.749e-2, 3.399e-4, -2.297e-7, 3.770e-11},
        {1.907e-1, -1.824e-4, 5.608e-8, -5.122e-12},
};

// Sutherland constants for air (White, Viscous Fluid Flow 2006, p. 28; thermal-properties.md 3).
constexpr double kSutherlandRefK = 273.0;
constexpr double kMuRefPaS = 1.716e-5;
constexpr double kMuSK = 111.0;
constexpr double kKRefWPerMK = 0.0241;
constexpr double kKSK = 194.0;

constexpr double kAirMolarMassKgPerMol = 0.02896;
// Prandtl number of the flue gas and Pr^(2/3) for Gnielinski.
constexpr double kPr = 0.7;
constexpr double kPr23 = 0.788373;
// 12.7 sqrt(8) (Pr^2/3 - 1), the Gnielinski denominator's second term times 8 a.
constexpr double kGnielinskiTerm = 12.7 * 2.8284271247461903 * (kPr23 - 1.0);
constexpr double kGasConstantJPerMolK = 8.314462618;

} // namespace

double wsggEmissivity(double temperatureK, double partialPressureAtm, double beamLengthM) {
    const double t = std::clamp(temperatureK, 600.0, 2400.0);
    const double pl = std::max(0.0, partialPressureAtm) * std::max(0.0, beamLengthM);
    if (pl == 0.0) {
        return 0.0; // every term a (1 - exp(0)) is 0: air only (cooling, turnaround)
    }
    double emissivity = 0.0;
    for (int i = 0; i < 3; ++i) {
        const double a = kB[i][0] + t * (kB[i][1] + t * (kB[i][2] + t * kB[i][3]));
        emissivity += a * (1.0 - std::exp(-kKappa[i] * pl));
    }
    return std::clamp(emissivity, 0.0, 1.0);
}

// (T / Tref)^1.5, without pow (this runs for every zone every step).
double sutherlandPower(double t) {
    const double r = t / kSutherlandRefK;
    return r * std::sqrt(r);
}

double airViscosityPaS(double temperatureK) {
    const double t = std::max(temperatureK, 50.0);
    return kMuRefPaS * sutherlandPower(t) * (kSutherlandRefK + kMuSK) / (t + kMuSK);
}

double airConductivityWPerMK(double temperatureK) {
    const double t = std::max(temperatureK, 50.0);
    return kKRefWPerMK * sutherlandPower(t) * (kSutherlandRefK + kKSK) / (t + kKSK);
}

double ductConvectionWPerM2K(double massFlowKgPerS, double flowAreaM2, double hydraulicDiameterM,
                             double temperatureK) {
    if (flowAreaM2 <= 0.0 || hydraulicDiameterM <= 0.0) {
        return 0.0;
    }
    // This runs for every zone every step: written with as few divisions as it can be.
    const double t = std::max(temperatureK, 50.0);
    const double s = sutherlandPower(t);
    const double k = kKRefWPerMK * s * (kSutherlandRefK + kKSK) / (t + kKSK);
    // mu = kMuRefPaS s (Tref + S) / (t + S); Re = G D / mu.
    const double re = std::abs(massFlowKgPerS) * hydraulicDiameterM * (t + kMuSK) /
                      (flowAreaM2 * kMuRefPaS * (kSutherlandRefK + kMuSK) * s);
    // Fully developed laminar flow, constant wall temperature (thermal-properties.md 5).
    double nu = 3.66;
    if (re > 3000.0) {
        // Gnielinski (ORNL TRANSFORM Nu_Gnielinski.mo), Petukhov friction factor, Pr = 0.7:
        // f = 1 / a^2 with a = 0.79 ln Re - 1.64 (> 0 here), so sqrt(f / 8) = 1 / (a sqrt 8) and
        // Nu = (f / 8)(Re - 1000) Pr / (1 + 12.7 sqrt(f / 8)(Pr^2/3 - 1))
        //    = (Re - 1000) Pr / (8 a^2 + 12.7 sqrt(8) (Pr^2/3 - 1) a).
        const double a = 0.79 * std::log(re) - 1.64;
        nu = std::max(nu, (re - 1000.0) * kPr / (a * (8.0 * a + kGnielinskiTerm)));
    }
    return nu * k / hydraulicDiameterM;
}

double gasDensityKgPerM3(double pressurePa, double temperatureK) {
    return pressurePa * kAirMolarMassKgPerMol /
           (kGasConstantJPerMolK * std::max(temperatureK, 1.0));
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
