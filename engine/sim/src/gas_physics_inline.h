// The gas physics that the kiln model's step takes for every zone every step (the grey-gas
// emissivity, the duct convection, the ideal-gas density), inline so that the step makes no call
// for them, with the constants they and gas_physics.cpp share. Private to kiln_sim: the public
// functions of gas_physics.h call these, so both give the same bits.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
constexpr double kChurchillChuPrFactor = 1.194166031207053;
// Its turbulent limit, Nu_L = 0.387^2 / bracket^2 Ra^(1/3) = 0.10502 Ra^(1/3).
constexpr double kChurchillChuTurbulent =
        0.387 * 0.387 / (kChurchillChuPrFactor * kChurchillChuPrFactor);
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

// Two doubles in one SSE2 register (GCC/Clang vector extension), the kiln model's Pair: each lane
// is computed with the scalar operations in the scalar order. The natural convection below is
// written once for a double and for both streams of a row at once.
using Lanes = double __attribute__((vector_size(2 * sizeof(double))));
using LaneBits = std::uint64_t __attribute__((vector_size(2 * sizeof(std::uint64_t))));

inline double squareRoot(double x) {
    return std::sqrt(x);
}
inline Lanes squareRoot(Lanes x) {
#if defined(__SSE2__)
    return reinterpret_cast<Lanes>(_mm_sqrt_pd(reinterpret_cast<__m128d>(x)));
#else
    return Lanes{std::sqrt(x[0]), std::sqrt(x[1])};
#endif
}
inline double magnitude(double x) {
    return std::abs(x);
}
inline Lanes magnitude(Lanes x) {
    const Lanes zero = {0.0, 0.0};
    return x < zero ? -x : x;
}
inline double atLeast(double x, double lo) {
    return std::max(x, lo);
}
inline Lanes atLeast(Lanes x, double lo) {
    const Lanes l = {lo, lo};
    return x < l ? l : x;
}

// Cube root of x >= 0 without libm's cbrt, which takes frexp and ldexp calls and ran for every
// stream every march: the inverse cube root from the exponent's bits (within 3.5 % over
// 10^-30..10^30), three Newton steps r (4 - x r^3) / 3 (each squares the error: within 5e-10
// after three, far below what a heat transfer coefficient is known to), then x r^2. x is raised
// by 1e-300 (no change for any x above 1e-284) so that 0 gives 1e-100 instead of 0 x infinity.
// Checked against std::cbrt in SimGasPhysics. For a double or both lanes of a Lanes.
template <class V> V cubeRoot(V x) {
    using Bits = std::conditional_t<std::is_same_v<V, double>, std::uint64_t, LaneBits>;
    x += 1e-300;
    Bits bits{};
    std::memcpy(&bits, &x, sizeof bits);
    bits = 0x553ef00000000000ULL - bits / 3;
    V r{};
    std::memcpy(&r, &bits, sizeof r);
    for (int i = 0; i < 3; ++i) {
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

// The cube of naturalConvectionWPerM2K (gas_physics.h), for a double or both lanes of a Lanes
// (the two streams of a row: kiln_model.cpp), as the mix with the forced convection takes it:
// h^3 = (0.105 k / L)^3 Ra, in which the height cancels. With Ra = g beta dT L^3 / (nu alpha) =
// g dT L^3 Pr rho^2 / (T mu^2) (alpha = nu / Pr, nu = mu / rho, beta = 1 / T), rho = p M / (R T),
// Sutherland's mu = mu_ref (T / T_ref)^1.5 (T_ref + S) / (T + S) and k = k_ref (T / T_ref)^1.5
// (T_ref + S_k) / (T + S_k), all at the film temperature T:
// h^3 = K dT (T + S)^2 / ((T + S_k)^3 T^1.5), K the constants (and the pressure squared).
// One square root and one division, no root of Ra: this runs for every stream every march.
template <class V>
[[gnu::always_inline]] inline V naturalConvectionCubed(V surfaceK, V gasK, double pressurePa) {
    using namespace gas_physics_detail;
    const double pm = pressurePa * kAirMolarMassKgPerMol / kGasConstantJPerMolK;
    constexpr double kC3 = kChurchillChuTurbulent * kChurchillChuTurbulent * kChurchillChuTurbulent;
    constexpr double kK = kKRefWPerMK * (kSutherlandRefK + kKSK);
    constexpr double kMu = kMuRefPaS * (kSutherlandRefK + kMuSK);
    // (k_ref (T_ref + S_k))^3 / T_ref^4.5 x T_ref^3 / (mu_ref (T_ref + S))^2 = kK^3 / (kMu^2
    // T_ref^1.5).
    const double constant = kC3 * kGravityMPerS2 * kPr * kK * kK * kK * pm * pm /
                            (kMu * kMu * kSutherlandRefK * std::sqrt(kSutherlandRefK));
    const V tf = atLeast(0.5 * (surfaceK + gasK), 50.0);
    const V tk = tf + kKSK;
    const V ts = tf + kMuSK;
    return constant * magnitude(surfaceK - gasK) * ts * ts / (tk * tk * tk * tf * squareRoot(tf));
}

// naturalConvectionWPerM2K (gas_physics.h).
inline double naturalConvectionInline(double surfaceK, double gasK, double pressurePa) {
    return std::cbrt(naturalConvectionCubed(surfaceK, gasK, pressurePa));
}

// mixedConvectionWPerM2K (gas_physics.h) from the natural coefficient already cubed
// (naturalConvectionCubed), for a double or both lanes of a Lanes.
template <class V> V mixedConvectionOfCubed(double forcedWPerM2K, V naturalCubed) {
    using namespace gas_physics_detail;
    return cubeRoot(forcedWPerM2K * forcedWPerM2K * forcedWPerM2K + naturalCubed);
}

// mixedConvectionWPerM2K (gas_physics.h).
inline double mixedConvectionInline(double forcedWPerM2K, double naturalWPerM2K) {
    return mixedConvectionOfCubed(forcedWPerM2K, naturalWPerM2K * naturalWPerM2K * naturalWPerM2K);
}

// gasDensityKgPerM3 (gas_physics.h).
inline double gasDensityInline(double pressurePa, double temperatureK) {
    using namespace gas_physics_detail;
    return pressurePa * kAirMolarMassKgPerMol /
           (kGasConstantJPerMolK * std::max(temperatureK, 1.0));
}

} // namespace kiln::sim
