// Flue-gas physics used by the kiln model: grey-gas emissivity (weighted sum of grey gases), gas
// transport properties (Sutherland), the convection coefficient in a duct (Gnielinski), natural
// convection (Churchill and Chu) and the two combined, ideal-gas density. Pure functions with their
// sources in gas_physics.cpp. Does NOT model soot.
#pragma once

namespace kiln::sim {

// Total emissivity of an H2O/CO2 mixture with p_w/p_c near 1 (wood flue gas), Smith, Shen and
// Friedman (1982) 3-grey-gas coefficients (thermal-properties.md section 4.1). temperatureK is
// clamped to the fitted 600-2400 K; partialPressureAtm = p_H2O + p_CO2; beamLengthM > 0.
double wsggEmissivity(double temperatureK, double partialPressureAtm, double beamLengthM);

// Dynamic viscosity (Pa s) and thermal conductivity (W/m K) of air by Sutherland's law
// (White 2006 constants, thermal-properties.md section 3), used for the flue gas.
double airViscosityPaS(double temperatureK);
double airConductivityWPerMK(double temperatureK);

// Convective coefficient W/m2K in a duct of hydraulic diameter dM: laminar Nu = 3.66, turbulent
// Gnielinski with the Petukhov friction factor; Pr taken as 0.7.
double ductConvectionWPerM2K(double massFlowKgPerS, double flowAreaM2, double hydraulicDiameterM,
                             double temperatureK);

// Natural convection coefficient W/m2K between a vertical surface and the gas around it in
// turbulent free convection: Churchill and Chu's (1975) correlation in its large-Ra limit,
// Nu_L = 0.105 Ra_L^(1/3) (thermal-properties.md 5; within 3 % of the limit of their horizontal
// cylinder), so h does not depend on the height. Air properties by Sutherland at the film
// temperature, beta = 1 / T_film, Pr = 0.7. Over the kiln's Ra, 10^9-10^11, the whole-range
// form is 5-15 % higher (SimGasPhysics).
double naturalConvectionWPerM2K(double surfaceK, double gasK, double pressurePa);

// Forced and natural convection combined, Nu^3 = Nu_F^3 + Nu_N^3 (Churchill 1977; Incropera and
// DeWitt, Fundamentals of Heat and Mass Transfer, section 9.9, exponent 3 for flow and buoyancy
// in the same or crossing directions), on coefficients over the same surface.
double mixedConvectionWPerM2K(double forcedWPerM2K, double naturalWPerM2K);

// Ideal-gas density of air-like flue gas (molar mass 28.96 g/mol), kg/m3.
double gasDensityKgPerM3(double pressurePa, double temperatureK);

// Binary diffusion coefficient of O2 in N2, m2/s, by the Fuller-Schettler-Giddings correlation
// (diffusion volumes O2 16.3, N2 18.5; Poling, Prausnitz and O'Connell, The Properties of Gases
// and Liquids, 5th ed., eq. 11-4.4 and table 11-1). temperatureK > 0, pressurePa > 0.
double oxygenDiffusivityM2PerS(double temperatureK, double pressurePa);

// Sherwood number of a particle in a packed bed, Wakao and Funazkri (1978, Chem. Eng. Sci.
// 33:1375): Sh = 2 + 1.1 Sc^(1/3) Re^0.6, Re on the superficial velocity and particle diameter.
double packedBedSherwood(double reynolds, double schmidt);

} // namespace kiln::sim
