// KilnState: the whole state of a firing at one instant (zones, placements, fuel, energy ledger).
// Plain copyable data; the model reads one and writes the next. Does NOT hold parameters.
#pragma once

#include "kiln/sim/step_inputs.h"
#include "kiln/sim/ware.h"

#include <array>
#include <vector>

namespace kiln::sim {

enum class ZoneKind { Firebox, Row, Rear, Chimney };
enum class Atmosphere { Oxidizing, Neutral, Reducing };
// Gas streams and setting positions in a row: the upper and the lower wares.
enum Position : int { kUpper = 0, kLower = 1 };

constexpr int kMaxWallNodes = 8;

struct GasState {
    double temperatureC = 20.0;
    double massFlowKgPerS = 0.0;
    // Mole fractions (wet basis). unburnt = wood volatiles not yet burnt, as dry-wood equivalent.
    double o2 = 0.21;
    double co = 0.0;
    double co2 = 0.0;
    double h2o = 0.0;
    double n2 = 0.79;
    double unburnt = 0.0;
    // After the combustibles met the free O2 (burnout): the O2 left over (mole fraction) and the
    // CO/CO2 ratio left over (the reduction potential that the glaze iron sees).
    double excessO2 = 0.21;
    double reductionRatio = 0.0;
    Atmosphere atmosphere = Atmosphere::Oxidizing;
};

struct ZoneState {
    std::array<GasState, 2> gas{};                         // [kUpper], [kLower]; one stream: equal
    std::array<double, 2> settingTemperatureC{20.0, 20.0}; // ware + saggars (rear: brick fill)
    std::array<double, kMaxWallNodes> wallTemperatureC{};  // inner face first (the crown)
    // Rows: the wall beside the lower wares (floor and the lower half of the sides), its own
    // nodes; wallTemperatureC is then the crown. Unused (ambient) in single-stream zones.
    std::array<double, kMaxWallNodes> lowerWallTemperatureC{};
};

// Energy bookkeeping since the state was created, in joules.
struct EnergyLedger {
    double fuelEnergyInJ = 0.0;  // wet wood fed x its lower heating value
    double wallLossJ = 0.0;      // from the outer faces to the air
    double stackLossJ = 0.0;     // sensible heat of the gas leaving the chimney
    double unburntLossJ = 0.0;   // CO and volatiles leaving unburnt
    double openingLossJ = 0.0;   // radiation out of the stoke mouth and spy holes
    double initialStoredJ = 0.0; // stored heat when the state was created
};

// The last gas march, kept while nothing burns so that the next steps under the same inputs can
// reuse its heat flows (KilnModel::step; docs/simulation.md 4, seventh speed pass). Empty
// heatToSolidsW: the next step marches.
struct GasMarchHold {
    // Per zone, W: into the setting (upper, lower position), the wall, the lower wall.
    std::vector<std::array<double, 4>> heatToSolidsW;
    double stackLossW = 0.0;  // sensible heat leaving the chimney
    StepInputs inputs;        // the inputs that march was made under
    double stepSeconds = 0.0; // its internal step
    double heldSeconds = 0.0; // how long it has been reused since
    // The last march: whether nothing burnt and nothing was fed, and its stack loss, W.
    bool previousQuiet = false;
    double previousStackLossW = 0.0;
};

struct KilnState {
    double timeSeconds = 0.0;
    std::vector<ZoneState> zones;      // firebox, rows front to rear, rear zones, chimney
    std::vector<WareState> placements; // index row * 2 + position
    double fuelBedKg = 0.0;            // wet wood in the firebox, not yet devolatilised
    double charBedKg = 0.0;            // char (fixed carbon) glowing on the grate
    double fuelFedKg = 0.0;            // total wet wood fed
    double fuelBurntKg = 0.0;          // total wet wood burnt
    double airKgPerS = 0.0;            // total air drawn in (last step)
    double mouthAirKgPerS = 0.0;       // air through the stoke mouth (last step)
    double draftPa = 0.0;              // stack draft (last step)
    double lowerFlowShare = 0.4;       // share of the gas passing the lower wares
    double heatReleaseW = 0.0;         // combustion heat released in the kiln (last step)
    EnergyLedger energy;
    GasMarchHold gasHold;
};

const char* atmosphereName(Atmosphere atmosphere);

} // namespace kiln::sim
