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

// The last gas march while nothing burns, and how its results changed per second since the
// quiet march before it, so that the next steps under the same inputs can extrapolate them
// instead of marching (KilnModel::step; docs/simulation.md 4, seventh and ninth speed passes).
struct GasMarchHold {
    struct Zone {
        // W: into the setting (upper, lower position), the wall, the lower wall.
        std::array<double, 4> heatToSolidsW{};
        std::array<double, 4> heatToSolidsWPerS{};
        // The gas temperature of each stream, C.
        std::array<double, 2> gasC{};
        std::array<double, 2> gasCPerS{};
    };
    std::vector<Zone> zones;
    double stackLossW = 0.0; // sensible heat leaving the chimney
    double stackLossWPerS = 0.0;
    double airKgPerS = 0.0; // total air drawn in
    double airKgPerSPerS = 0.0;
    double mouthAirKgPerS = 0.0;
    double mouthAirKgPerSPerS = 0.0;
    double draftPa = 0.0;
    double draftPaPerS = 0.0;
    StepInputs inputs;         // the inputs that march was made under
    double stepSeconds = 0.0;  // its internal step
    double marchSeconds = 0.0; // the state's time when it began
    // Quiet marches in a row (nothing burning, nothing fed) under these inputs and step, at most
    // 2 (then the rates above are known).
    int quietMarches = 0;
    // The last march agreed with the line through the two before it: the next steps may hold,
    // for up to this long after it (s), from how far off the line it was.
    bool holding = false;
    double holdSeconds = 0.0;
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
