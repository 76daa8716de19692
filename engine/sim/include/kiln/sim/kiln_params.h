// KilnParams: the parameter set of one kiln for the zonal model (geometry, materials, setting,
// draft, fuel, flame behaviour). Plain data; loaded from assets/firings/*.json by firing_data.h,
// where each figure carries its source. Does NOT hold the schedule or the loading plan.
#pragma once

#include "kiln/sim/gas_thermo.h"

#include <string>
#include <vector>

namespace kiln::sim {

// One layer of the kiln wall, meshed into `nodes` equal slabs for 1D conduction.
struct WallLayer {
    double thicknessM = 0.2;
    double conductivityWPerMK = 1.0;
    double densityKgPerM3 = 1800.0;
    double specificHeatJPerKgK = 1000.0;
    int nodes = 2;
};

// Chamber width and height at a fraction of the chamber length (0 = front, 1 = rear).
struct ProfilePoint {
    double lengthFraction = 0.0;
    double widthM = 1.0;
    double heightM = 1.0;
};

// Dry-basis ultimate analysis and heating value of the wood, and its moisture as fired.
struct FuelParams {
    double carbonMassFraction = 0.5123;
    double hydrogenMassFraction = 0.0598;
    double oxygenMassFraction = 0.4229;
    double higherHeatingValueDryJPerKg = 20.06e6;
    double moistureWetBasis = 0.20;
    // Share of the dry wood that leaves as volatiles; the rest is char (fixed carbon).
    double volatileMatterFraction = 0.83;
    // Time constants of a charge giving off its volatiles, and of the char burning on the grate.
    double devolatilisationTimeConstantS = 240.0;
    double charBurnTimeConstantS = 1200.0;
    // Gasification of the ember bed by CO2 (Boudouard, C + CO2 -> 2 CO) where the firebox gas has
    // no O2 to spare: rate = k(T) m_char x_CO2^order, Arrhenius in the firebox gas temperature.
    // A rate of 0 (the default, and kiln files without "charGasification") leaves it out.
    double gasificationRatePerSAtReference = 0.0; // 1/s, in pure CO2 at the reference temperature
    double gasificationReferenceC = 900.0;
    double gasificationActivationJPerMol = 262e3;
    double gasificationCo2Order = 0.4;
    // The ember bed in the door's leak air ("emberBed" in a kiln file; absent: bedLeakShare 0,
    // left out). That share of the door's leak air passes up through the bed: its O2 burns char
    // to CO2 as fast as mass transfer to the embers allows (Wakao-Funazkri packed bed, embers of
    // emberDiameterM and charParticleDensityKgPerM3), and the CO2 gasifies char (Boudouard) at
    // the kinetics above with its own rate at the reference temperature.
    double bedLeakShare = 0.0;
    double emberDiameterM = 0.03;
    double charParticleDensityKgPerM3 = 290.0;
    double bedGasificationRatePerSAtReference = 0.0; // 1/s, in pure CO2
    // Pyrolysis of the wood on the grate without air, heated by the firebox ("pyrolysis"; absent:
    // 0, left out): a one-step global rate A exp(-E / RT) at the firebox gas's temperature, in
    // series with the devolatilisation time constant (heating of the billets). It lifts the cap
    // of the air on the devolatilisation where the firebox is hot.
    double pyrolysisPreExponentialPerS = 0.0;
    double pyrolysisActivationJPerMol = 141.2e3;
};

struct KilnParams {
    std::string name;
    int rowCount = 40;
    double chamberLengthM = 17.36;
    double floorSlopeDeg = 3.0;
    std::vector<ProfilePoint> profile;

    // Firebox at the front (egg kiln) or at the head (dragon kiln).
    double fireboxLengthM = 1.5;
    double fireboxWidthM = 3.5;
    double fireboxHeightM = 3.0;
    // Vertical rise of the hot gas inside the firebox (flame rises to the crown), for the draft.
    double fireboxRiseM = 2.0;

    // Zones behind the setting (egg kiln: yutang and guanyintang filled with brick blanks).
    int rearZoneCount = 2;
    double rearZoneLengthM = 1.0;
    double rearFillMassKg = 4000.0;

    double chimneyHeightM = 17.4;
    double chimneyTopAreaM2 = 2.0;
    double chimneyBaseAreaM2 = 3.0;
    WallLayer chimneyWall;

    WallLayer brick;
    WallLayer fill;
    double wallEmissivity = 0.85;
    double outsideEmissivity = 0.9;
    double outsideConvectionWPerM2K = 5.0;

    double wareMassKg = 12500.0;
    double saggarMassKg = 27500.0;
    double settingSpecificHeatJPerKgK = 1000.0;
    double settingEmissivity = 0.85;
    // Setting surface exposed to the gas per m3 of chamber, and share of chamber volume taken by
    // the setting (the rest is the gas path).
    double settingSurfaceM2PerM3 = 6.0;
    double settingVolumeFraction = 0.45;
    // Radiant exchange between the setting and the wall in the same row (effective area share).
    double settingWallViewFactor = 0.3;
    // Gap between saggar columns (0 = not given: the positions then face each other directly).
    double settingGapM = 0.0;

    // Draft and flow.
    double stokeMouthAreaM2 = 0.5;
    double damperAreaM2 = 2.0;
    double dischargeCoefficient = 0.65;
    double spyHoleAreaM2 = 0.03;
    double leakAreaM2 = 0.02; // total leakage through door and walls
    // Share of the leakage through the bricked-up door: it comes in at the front with the
    // stoke-mouth air; the rest comes in through the walls, spread over the rows (lower stream).
    double doorLeakShare = 0.0;
    double settingFlowResistancePaS2PerKg2 = 20.0;
    double minimumDraftPa = 2.0;

    FuelParams fuel;

    // Share of the burnable gas that burns in the firebox, and in each later zone (mixing-limited).
    double fireboxBurnFraction = 0.7;
    double zoneBurnFraction = 0.3;
    // Share of the gas flow passing the lower positions; the clearing drops the flame.
    double lowerFlowShareNormal = 0.4;
    double lowerFlowShareClearing = 0.65;
    // While stoking, the ember bed builds up and lifts the flame: the share relaxes towards the
    // normal value with flameShareTimeConstantS. Raking the embers in a clearing drops it back
    // towards the clearing value with clearingTimeConstantS. A new firebox starts clear.
    double flameShareTimeConstantS = 3600.0;
    double clearingTimeConstantS = 3600.0;
    // Share of each stream exchanged with the other stream per row.
    double streamExchangeFraction = 0.1;
    // Dragon kiln: side stoking holes feed the rows; the slope gives the draft.
    bool sideStoking = false;

    // Flue-gas thermochemistry: with it the gas enthalpy follows the species' temperature-
    // dependent cp and CO2 dissociates at flame temperatures (equilibrium); without it (a file
    // that names none) cp is constant. gasThermoFile: as named in the kiln file.
    std::string gasThermoFile;
    GasThermo gasThermo;

    double ambientTemperatureC = 20.0;
    double ambientPressurePa = 101325.0;
    // Largest internal step; longer steps are split (explicit solid update stays stable).
    double maxInternalStepS = 60.0;
};

} // namespace kiln::sim
