// Flue-gas physics used by the kiln model: grey-gas emissivity (weighted sum of grey gases), gas
// transport properties (Sutherland) and the convection coefficient in a duct (Gnielinski),
// ideal-gas density. Pure functions with their sources in gas_physics.cpp. Does NOT model soot.
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

// Ideal-gas density of air-like flue gas (molar mass 28.96 g/mol), kg/m3.
double gasDensityKgPerM3(double pressurePa, double temperatureK);

} // namespace kiln::sim
