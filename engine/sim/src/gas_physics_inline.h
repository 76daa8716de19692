// The gas physics that the kiln model's step takes for every zone every step (the grey-gas
// emissivity, the duct convection, the ideal-gas density), inline so that the step makes no call
// for them, with the constants they and gas_physics.cpp share. Private to kiln_sim: the public
// functions of gas_physics.h call these, so both give the same bits.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace kiln::sim {
namespace gas_physics_detail {

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

// Churchill and Chu (1975, Int. J. Heat Mass Transfer 18:1323) for a vertical surface over its
// whole range of Ra: Nu_L = (0.825 + 0.387 Ra^(1/6) / [1 + (0.492 / Pr)^(9/16)]^(8/27))^2
// (thermal-properties.md 5); kChurchillChuPrFactor is the bracket at Pr = 0.7:
// (1 + (0.492 / 0.7)^0.5625)^(8/27) (SimGasPhysics checks it against std::pow).
constexpr double kChurchillChuPrFactor = 1.1941660;
constexpr double kGravityMPerS2 = 9.80665;

// Laminar Nu and the ends of Gnielinski's transition (ductConvectionInline).
constexpr double kNuLaminar = 3.66;
constexpr double kReLaminar = 2300.0;
constexpr double kReTurbulent = 1.0e4;

// Gnielinski (ORNL TRANSFORM Nu_Gnielinski.mo), Petukhov friction factor, Pr = 0.7, Re >= 10^4:
// f = 1 / a^2 with a = 0.79 ln Re - 1.64 (> 0 here), so sqrt(f / 8) = 1 / (a sqrt 8) and
// Nu = (f / 8)(Re - 1000) Pr / (1 + 12.7 sqrt(f / 8)(Pr^2/3 - 1))
//    = (Re - 1000) Pr / (8 a^2 + 12.7 sqrt(8) (Pr^2/3 - 1) a).
inline double gnielinskiTurbulentNu(double re) {
    const double a = 0.79 * std::log(re) - 1.64;
    return (re - 1000.0) * kPr / (a * (8.0 * a + kGnielinskiTerm));
}

// Cube root of x >= 0 (0 for x <= 0), without libm's cbrt, which takes frexp and ldexp calls and
// ran for every surface every march: the inverse cube root from the exponent's bits (within
// 3.5 % over 10^-30..10^30), four Newton steps r (4 - x r^3) / 3 (each squares the error: within
// 2e-15 after four), then x r^2. Checked against std::cbrt in SimGasPhysics.
inline double cubeRoot(double x) {
    if (!(x > 0.0)) {
        return 0.0;
    }
    std::uint64_t bits = 0;
    std::memcpy(&bits, &x, sizeof bits);
    bits = 0x553ef00000000000ULL - bits / 3;
    double r = 0.0;
    std::memcpy(&r, &bits, sizeof r);
    for (int i = 0; i < 4; ++i) {
        r = r * (4.0 - x * r * r * r) * (1.0 / 3.0);
    }
    return x * r * r;
}

// (T / Tref)^1.5, without pow (this runs for every zone every step).
inline double sutherlandPower(double t) {
    const double r = t / kSutherlandRefK;
    return r * std::sqrt(r);
}

} // namespace gas_physics_detail

// wsggEmissivity (gas_physics.h).
inline double wsggEmissivityInline(double temperatureK, double partialPressureAtm,
                                   double beamLengthM) {
    using namespace gas_physics_detail;
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

// ductConvectionWPerM2K (gas_physics.h).
inline double ductConvectionInline(double massFlowKgPerS, double flowAreaM2,
                                   double hydraulicDiameterM, double temperatureK) {
    using namespace gas_physics_detail;
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
    // Fully developed laminar flow, constant wall temperature (thermal-properties.md 5), below
    // Re 2300; Gnielinski's turbulent correlation from Re 10^4; between them Gnielinski's linear
    // transition (Int. J. Heat Mass Transfer 63 (2013) 134-140; VDI Heat Atlas G1):
    // Nu = (1 - g) Nu_lam(2300) + g Nu_turb(10^4), g = (Re - 2300) / (10^4 - 2300).
    double nu = kNuLaminar;
    if (re >= kReTurbulent) {
        nu = gnielinskiTurbulentNu(re);
    } else if (re > kReLaminar) {
        const double g = (re - kReLaminar) * (1.0 / (kReTurbulent - kReLaminar));
        nu = kNuLaminar + g * (gnielinskiTurbulentNu(kReTurbulent) - kNuLaminar);
    }
    return nu * k / hydraulicDiameterM;
}

// naturalConvectionWPerM2K (gas_physics.h).
inline double naturalConvectionInline(double surfaceK, double gasK, double heightM,
                                      double pressurePa) {
    using namespace gas_physics_detail;
    if (heightM <= 0.0) {
        return 0.0;
    }
    // Film temperature; an ideal gas has beta = 1 / T (properties and beta at the film).
    const double tf = std::max(0.5 * (surfaceK + gasK), 50.0);
    const double k = kKRefWPerMK * sutherlandPower(tf) * (kSutherlandRefK + kKSK) / (tf + kKSK);
    // Ra = g beta dT L^3 / (nu alpha) = g dT L^3 Pr rho^2 / (T mu^2), alpha = nu / Pr, nu =
    // mu / rho, with rho = p M / (R T) and Sutherland's mu = mu_ref (T / T_ref)^1.5 (T_ref + S) /
    // (T + S): rho^2 / (T mu^2) = (p M / R)^2 T_ref^3 (T + S)^2 / (mu_ref^2 (T_ref + S)^2 T^6),
    // without a square root (this runs for every stream every march).
    const double pm = pressurePa * kAirMolarMassKgPerMol / kGasConstantJPerMolK;
    constexpr double kRef =
            kSutherlandRefK * kSutherlandRefK * kSutherlandRefK /
            (kMuRefPaS * kMuRefPaS * (kSutherlandRefK + kMuSK) * (kSutherlandRefK + kMuSK));
    const double tf2 = tf * tf;
    const double ts = tf + kMuSK;
    const double ra = kGravityMPerS2 * kPr * kRef * std::abs(surfaceK - gasK) * heightM * heightM *
                      heightM * pm * pm * ts * ts / (tf2 * tf2 * tf2);
    const double root = 0.825 + 0.387 * std::sqrt(cubeRoot(ra)) / kChurchillChuPrFactor;
    return root * root * k / heightM;
}

// mixedConvectionWPerM2K (gas_physics.h).
inline double mixedConvectionInline(double forcedWPerM2K, double naturalWPerM2K) {
    using namespace gas_physics_detail;
    return cubeRoot(forcedWPerM2K * forcedWPerM2K * forcedWPerM2K +
                    naturalWPerM2K * naturalWPerM2K * naturalWPerM2K);
}

// gasDensityKgPerM3 (gas_physics.h).
inline double gasDensityInline(double pressurePa, double temperatureK) {
    using namespace gas_physics_detail;
    return pressurePa * kAirMolarMassKgPerMol /
           (kGasConstantJPerMolK * std::max(temperatureK, 1.0));
}

} // namespace kiln::sim
