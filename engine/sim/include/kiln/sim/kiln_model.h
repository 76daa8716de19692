// KilnModel: the zonal firing model of a wood-fired kiln (firebox, rows of setting with an upper
// and a lower position, rear zones, chimney). step() takes a state and explicit inputs and produces
// the next state; deterministic, no clock, no globals, no allocation per step. Does NOT draw
// anything, read files (see firing_data.h) or run a schedule (see firing_run.h).
#pragma once

#include "kiln/core/result.h"
#include "kiln/sim/gas_enthalpy_table.h"
#include "kiln/sim/heatwork.h"
#include "kiln/sim/kiln_params.h"
#include "kiln/sim/kiln_state.h"
#include "kiln/sim/step_inputs.h"
#include "kiln/sim/ware.h"

#include <string>
#include <vector>

namespace kiln::sim {

// Fixed geometry of one zone, derived from KilnParams at creation.
struct ZoneInfo {
    ZoneKind kind = ZoneKind::Row;
    std::string name;
    int row = -1;           // 0-based row for ZoneKind::Row
    double positionM = 0.0; // centre along the gas path from the front of the firebox
    double lengthM = 0.0;
    double widthM = 0.0;
    double heightM = 0.0;
    double volumeM3 = 0.0;
    double riseM = 0.0;                    // vertical rise of the gas path in this zone (draft)
    double wallAreaM2 = 0.0;               // inner face of wall, crown and floor
    double settingAreaM2 = 0.0;            // per position (row) or for the fill (rear)
    double settingHeatCapacityJPerK = 0.0; // per position (row) or for the fill (rear)
    double gasFlowAreaM2 = 0.0;
    double hydraulicDiameterM = 0.0;
    double meanBeamLengthM = 0.0;
    // Share of the wall area beside the lower position (floor and the lower half of the sides);
    // the upper position has the rest (the crown). 0.5 for a zone with one stream.
    double lowerWallShare = 0.5;
    int wallNodes = 0;
    bool twoStreams = false;
};

// What a test piece (huozhao) drawn from a placement shows.
struct TestPiece {
    int row = 0;
    Position position = kUpper;
    double temperatureC = 0.0;
    Atmosphere atmosphere = Atmosphere::Oxidizing;
    WareOutcome outcome;
};

class KilnModel {
public:
    // Checks the parameters and derives the geometry. plan: one WareSpec per placement
    // (rowCount * 2, index row * 2 + position); empty = qingbai everywhere.
    static core::Result<KilnModel> create(KilnParams params, HeatworkModel heatwork,
                                          std::vector<WareSpec> plan = {});

    // A cold kiln at ambient temperature, loaded, before lighting.
    KilnState initialState() const;
    // The kiln after unloading and setting a fresh load (at ambient) into it: walls, rear fill
    // and gas keep their heat, the firebox is empty (rebuilt each firing, jdzmc 7810), the ware
    // is new. The clock and the energy ledger carry on; see startFiring().
    KilnState reloadedState(const KilnState& fired) const;
    // Lighting: the clock, the wood counters and the energy ledger start again from this state.
    void startFiring(KilnState& state) const;

    // Advances state by dtSeconds (> 0) under inputs. Long steps are split internally at
    // params.maxInternalStepS. Inputs out of range are clamped (feed >= 0, openings in [0, 1]);
    // non-finite inputs are treated as zero.
    void step(KilnState& state, const StepInputs& inputs, double dtSeconds) const;
    // The same as a pure function: state in, state out.
    KilnState stepped(KilnState state, const StepInputs& inputs, double dtSeconds) const;

    // Heat stored in solids and unburnt fuel bed above ambient, J (for the energy balance).
    double storedEnergyJ(const KilnState& state) const;

    int rowCount() const { return mParams.rowCount; }
    int firstRowZone() const { return 1; }
    int zoneIndexOfRow(int row) const { return 1 + row; }
    int placementCount() const { return mParams.rowCount * 2; }
    const std::vector<ZoneInfo>& zones() const { return mZones; }
    const KilnParams& params() const { return mParams; }
    const HeatworkModel& heatwork() const { return mHeatwork; }
    const std::vector<WareSpec>& plan() const { return mPlan; }
    const WareLimits& wareLimits() const { return mWareLimits; }

    // Temperature of the setting at a placement.
    double placementTemperatureC(const KilnState& state, int row, Position position) const;
    // The gas around a placement.
    const GasState& placementGas(const KilnState& state, int row, Position position) const;
    // Draws a test piece (huozhao) from a placement: its state and how it would come out now.
    TestPiece pullTestPiece(const KilnState& state, int row, Position position) const;
    WareOutcome placementOutcome(const KilnState& state, int index) const;

    // Stoichiometric air for one kg of wet wood as fired, kg, and its lower heating value, J/kg.
    double stoichiometricAirKgPerKgWet() const { return mStoichAirPerKgWet; }
    double lowerHeatingValueWetJPerKg() const { return mLhvWetJPerKg; }

private:
    KilnModel() = default;
    void subStep(KilnState& state, const StepInputs& inputs, double dtSeconds) const;
    // The step's draft, air, fuel bed and gas march: the heat the gas gives each zone's solids,
    // W, is added to received[zone] (setting upper, lower, wall, lower wall); sets
    // state.gasHold.
    void marchGas(KilnState& state, const StepInputs& inputs, double dtSeconds,
                  std::array<double, 4>* received) const;

    KilnParams mParams;
    HeatworkModel mHeatwork;
    std::vector<WareSpec> mPlan;
    WareLimits mWareLimits;
    std::vector<ZoneInfo> mZones;
    // Wall node capacities (J/m2K) and conductances between nodes (W/m2K), per wall kind.
    std::vector<double> mKilnWallCapacity;
    std::vector<double> mKilnWallConductance;
    std::vector<double> mChimneyWallCapacity;
    std::vector<double> mChimneyWallConductance;
    // Reciprocals of the above and of each zone's setting capacity and wall areas (upper or only
    // wall, lower wall; 0 where there is none), so the step multiplies instead of dividing.
    std::vector<double> mKilnWallInverseCapacity;
    std::vector<double> mChimneyWallInverseCapacity;
    // Per zone, what the step's solid exchange would otherwise form every step from ZoneInfo and
    // the parameters (each by the same expression, so the same bits).
    struct SolidConstants {
        double settingPerJPerK = 0.0;
        double wallAreaPerM2[2] = {0.0, 0.0};
        double wallAreaM2[2] = {0.0, 0.0};        // upper (or only) wall, lower wall
        double settingWallAreaM2[2] = {0.0, 0.0}; // setting <-> wall radiation, per position
        double settingGapAreaM2 = 0.0;            // upper <-> lower setting
        double alongKilnAreaM2 = 0.0;             // setting <-> the next row's setting
    };
    std::vector<SolidConstants> mSolidConstants;
    // Per zone, for the gas march's natural convection: the setting's share of each stream's
    // surface (upper or only, lower: the weights of their mean temperature).
    struct ConvectionConstants {
        double settingShare[2] = {0.0, 0.0};
    };
    std::vector<ConvectionConstants> mConvectionConstants;
    // Gas enthalpy above ambient per species and ln Kp of CO2 <-> CO + 1/2 O2 on a temperature
    // grid (no dissociation data without gas thermochemistry).
    GasEnthalpyTable mGasTable;
    double mLhvDryJPerKg = 0.0;
    double mLhvVolatilesJPerKg = 0.0;
    double mLhvWetJPerKg = 0.0;
    double mStoichAirPerKgWet = 0.0;
    // Per kg of volatiles: O2 to burn them to CO + H2O, the CO and H2O formed, the heat released.
    double mO2ToCoPerKgFuel = 0.0;
    double mCoPerKgFuel = 0.0;
    double mH2oPerKgFuel = 0.0;
    double mHeatToCoJPerKgFuel = 0.0;
};

} // namespace kiln::sim
