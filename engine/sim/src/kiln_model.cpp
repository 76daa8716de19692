// The zonal kiln model: quasi-steady gas marched along the gas path each step (combustion, then
// exchange with the setting and the walls), explicit update of the solids, 1D wall conduction.
// Conservation is exact by construction: every heat flow is added to one store and taken from
// another, so the energy ledger closes to rounding (tested over whole firings).
#include "kiln/sim/kiln_model.h"

#include "gas_physics_inline.h"
#include "kiln/sim/gas_enthalpy_table.h"
#include "kiln/sim/gas_physics.h"
#include "kiln/sim/gas_thermo.h"
#include "ware_update.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <numbers>
#include <utility>

namespace kiln::sim {
namespace {

constexpr double kKelvin = 273.15;
constexpr double kSigma = 5.670374419e-8; // Stefan-Boltzmann, W/m2K4
constexpr double kGravity = 9.80665;
// Firebox + up to 200 rows + up to 10 rear zones + chimney (checked in create()).
constexpr std::size_t kMaxZones = 212;
// Two placements per row.
constexpr std::size_t kMaxPlacements = 2 * 200;

// Species carried by the gas march, as mass flows (kg/s).
enum Species : int { kO2 = 0, kN2, kCO2, kH2O, kCO, kFuel, kSpeciesCount };

// Mean cp 298-1500 K from NIST-JANAF enthalpy tables, (H(1500) - H(298)) / 1202 K per kg
// (O2 40.6, N2 38.4, CO2 61.7, H2O 48.2, CO 38.9 kJ/mol): used when the kiln file names no gas
// thermochemistry; otherwise the enthalpy follows the Shomate cp (gas_thermo.h). Either way the
// gas carries enthalpy, so the bookkeeping stays exact. The volatiles' cp is conjectured (wood
// tar/gas mix, small mass share) and constant in both cases.
constexpr std::array<double, kSpeciesCount> kCpJPerKgK = {1056.0, 1141.0, 1167.0,
                                                          2226.0, 1154.0, 1500.0};
// Molar masses g/mol; volatiles as dry wood CH1.39O0.62 (thermal-properties.md 1.1).
constexpr std::array<double, kSpeciesCount> kMolarMass = {31.999, 28.013, 44.010,
                                                          18.015, 28.010, 23.33};
// Their reciprocals (mol per g), for the march's mole fractions.
constexpr std::array<double, kSpeciesCount> kMolesPerGram = {
        1.0 / kMolarMass[0], 1.0 / kMolarMass[1], 1.0 / kMolarMass[2],
        1.0 / kMolarMass[3], 1.0 / kMolarMass[4], 1.0 / kMolarMass[5]};
// Air by mass: O2 0.2314 (the stoichiometric-air formula of thermal-properties.md 1.4), rest N2.
constexpr double kAirO2MassFraction = 0.2314;
// CO: 282.98 kJ/mol released burning to CO2 (standard enthalpy of combustion) = 10.10 MJ/kg.
constexpr double kCoHeatingValueJPerKg = 282.98e3 / 0.028010;
constexpr double kO2PerKgCo = 0.5 * 31.999 / 28.010;
// Char as carbon: 393.5 kJ/mol to CO2 = 32.76 MJ/kg; on the grate it burns to CO first
// (C + 1/2 O2 -> CO), the CO burning on in the gas.
constexpr double kCharHeatingValueJPerKg = 393.51e3 / 0.012011;
constexpr double kO2PerKgChar = 0.5 * 31.999 / 12.011;
constexpr double kCoPerKgChar = 28.010 / 12.011;
// Latent heat of water at 25 C used in the LHV relation of thermal-properties.md 1.3.
constexpr double kLatentJPerKg = 2.442e6;
// Below half its stoichiometric air a wood bed smoulders: its burning rate is capped at the air
// for that (conjectured, gasifier-like operation; it keeps drying supplied with heat).
constexpr double kMinimumBedAirRatio = 0.5;

constexpr double kGasStepK = GasEnthalpyTable::kStepK;
// The gas enthalpy table (gas_enthalpy_table.h) holds the species in this order.
static_assert(kSpeciesCount == kGasTableSpecies);
// CO2 dissociation is looked for only above this (Kp at 1700 K is 7e-5 atm^0.5: under 0.1 %
// dissociated in a flue gas with 1 % O2).
constexpr double kDissociationMinK = 1700.0;
// That temperature is a grid point of the gas table, so a flow is cooler than it exactly when its
// enthalpy is below the table's there: one dot product, no temperature lookup.
constexpr int kDissociationGridPoint = 60;
static_assert(GasEnthalpyTable::kMinK + kDissociationGridPoint * GasEnthalpyTable::kStepK ==
              kDissociationMinK);

// Two doubles in one SSE2 register (gas_physics_inline.h): each lane is computed with the scalar
// operations in the scalar order, so the same bits as the scalar code it replaces.
using Pair = gas_physics_detail::Lanes;

struct Flow {
    SpeciesFlows kgPerS{};
    double sensibleW = 0.0; // enthalpy flux above ambient, W
    // Where the next temperature lookup starts, K (0: from the constant-cp estimate). A guess
    // only: it sets how long the table search takes, never its result.
    double guessK = 0.0;

    double capacityWPerK() const {
        double c = 0.0;
        for (int i = 0; i < kSpeciesCount; ++i) {
            c += kgPerS[static_cast<std::size_t>(i)] * kCpJPerKgK[static_cast<std::size_t>(i)];
        }
        return c;
    }
    double mass() const {
        double m = 0.0;
        for (double v : kgPerS) {
            m += v;
        }
        return m;
    }
    // add(airFlow(kgPerS), 1.0) without forming the air flow: O2 and N2 as airFlow() forms
    // them (times 1.0 is exact), and 0 (= 0 x 1.0) added to the rest as add() would, so the same
    // bits.
    void addAir(double airKgPerS) {
        kgPerS[kO2] += airKgPerS * kAirO2MassFraction;
        kgPerS[kN2] += airKgPerS * (1.0 - kAirO2MassFraction);
        kgPerS[kCO2] += 0.0;
        kgPerS[kH2O] += 0.0;
        kgPerS[kCO] += 0.0;
        kgPerS[kFuel] += 0.0;
        sensibleW += 0.0;
    }
    void add(const Flow& other, double share) {
        for (std::size_t i = 0; i < kgPerS.size(); ++i) {
            kgPerS[i] += other.kgPerS[i] * share;
        }
        sensibleW += other.sensibleW * share;
    }
    Flow scaled(double share) const {
        Flow f;
        f.add(*this, share);
        f.guessK = guessK;
        return f;
    }
};

// Each flow passes the share x of itself to the other and keeps the rest, in place: each
// quantity becomes (0 + own (1 - x)) + other's x, the sums that a.scaled(1 - x).add(b, x) forms
// (so the same bits), without the copies. The guesses stay with their flows.
void exchangeShare(Flow& a, Flow& b, double x) {
    const double keep = 1.0 - x;
    // Two species per Pair: the same operations lane by lane, so the same bits, with half the
    // instructions.
    static_assert(kSpeciesCount % 2 == 0);
    for (std::size_t i = 0; i < a.kgPerS.size(); i += 2) {
        Pair ai;
        Pair bi;
        std::memcpy(&ai, &a.kgPerS[i], sizeof ai);
        std::memcpy(&bi, &b.kgPerS[i], sizeof bi);
        const Pair zero = {0.0, 0.0};
        const Pair an = (zero + ai * keep) + bi * x;
        const Pair bn = (zero + bi * keep) + ai * x;
        std::memcpy(&a.kgPerS[i], &an, sizeof an);
        std::memcpy(&b.kgPerS[i], &bn, sizeof bn);
    }
    const double ah = a.sensibleW;
    const double bh = b.sensibleW;
    a.sensibleW = (0.0 + ah * keep) + bh * x;
    b.sensibleW = (0.0 + bh * keep) + ah * x;
}

// The flow's temperature, C, from its enthalpy; ambient for an empty flow. capacityWPerK: the
// flow's constant-cp capacity (Flow::capacityWPerK), for the first guess when it has none.
inline double gasTemperatureC(const GasEnthalpyTable& g, const Flow& f, double capacityWPerK) {
    if (capacityWPerK < 1e-12) {
        return g.ambientC();
    }
    const double guessK =
            f.guessK > 0.0 ? f.guessK : g.ambientC() + kKelvin + f.sensibleW / capacityWPerK;
    return g.temperatureC(f.kgPerS, f.sensibleW, guessK);
}

Flow airFlow(double kgPerS) {
    Flow f;
    f.kgPerS[kO2] = kgPerS * kAirO2MassFraction;
    f.kgPerS[kN2] = kgPerS * (1.0 - kAirO2MassFraction);
    return f;
}

double sanitize(double v, double lo, double hi) {
    if (!std::isfinite(v)) {
        return lo;
    }
    return std::clamp(v, lo, hi);
}

double halfEllipsePerimeter(double a, double b) {
    // Ramanujan's approximation for the full ellipse, halved (a, b semi-axes).
    const double full =
            std::numbers::pi * (3.0 * (a + b) - std::sqrt((3.0 * a + b) * (a + 3.0 * b)));
    return 0.5 * full;
}

// Length of the two side arcs of the half-ellipse x = a cos t, y = b sin t below half its
// height (sin t < 1/2), by the midpoint rule: the walls beside the lower setting.
double lowerHalfArc(double a, double b) {
    constexpr int kSteps = 64;
    const double t1 = std::numbers::pi / 6.0;
    double arc = 0.0;
    for (int i = 0; i < kSteps; ++i) {
        const double t = (i + 0.5) * t1 / kSteps;
        arc += std::hypot(a * std::sin(t), b * std::cos(t)) * t1 / kSteps;
    }
    return 2.0 * arc;
}

ProfilePoint profileAt(const std::vector<ProfilePoint>& profile, double f) {
    if (profile.empty()) {
        return {f, 3.0, 3.0};
    }
    if (f <= profile.front().lengthFraction) {
        return profile.front();
    }
    for (std::size_t i = 1; i < profile.size(); ++i) {
        if (f <= profile[i].lengthFraction) {
            const ProfilePoint& a = profile[i - 1];
            const ProfilePoint& b = profile[i];
            const double t = (f - a.lengthFraction) / (b.lengthFraction - a.lengthFraction);
            return {f, a.widthM + t * (b.widthM - a.widthM),
                    a.heightM + t * (b.heightM - a.heightM)};
        }
    }
    return profile.back();
}

void buildWall(const std::vector<WallLayer>& layers, std::vector<double>& capacity,
               std::vector<double>& conductance) {
    std::vector<double> dx;
    std::vector<double> k;
    capacity.clear();
    conductance.clear();
    for (const WallLayer& layer : layers) {
        for (int i = 0; i < layer.nodes; ++i) {
            const double d = layer.thicknessM / layer.nodes;
            dx.push_back(d);
            k.push_back(layer.conductivityWPerMK);
            capacity.push_back(layer.densityKgPerM3 * layer.specificHeatJPerKgK * d);
        }
    }
    for (std::size_t i = 0; i + 1 < dx.size(); ++i) {
        conductance.push_back(1.0 / (0.5 * dx[i] / k[i] + 0.5 * dx[i + 1] / k[i + 1]));
    }
    // Last entry: half the outer node's resistance, in series with the outside film.
    conductance.push_back(1.0 / (0.5 * dx.back() / k.back()));
}

core::Status checkPositive(double v, const char* name) {
    if (!(v > 0.0) || !std::isfinite(v)) {
        return core::Error{std::string("kiln parameters: ") + name + " must be a positive number"};
    }
    return {};
}

} // namespace

core::Result<KilnModel> KilnModel::create(KilnParams params, HeatworkModel heatwork,
                                          std::vector<WareSpec> plan) {
    const std::pair<double, const char*> positives[] = {
            {params.chamberLengthM, "chamberLengthM"},
            {params.fireboxLengthM, "fireboxLengthM"},
            {params.chimneyHeightM, "chimneyHeightM"},
            {params.chimneyTopAreaM2, "chimneyTopAreaM2"},
            {params.chimneyBaseAreaM2, "chimneyBaseAreaM2"},
            {params.wareMassKg + params.saggarMassKg, "wareMassKg + saggarMassKg"},
            {params.settingSpecificHeatJPerKgK, "settingSpecificHeatJPerKgK"},
            {params.damperAreaM2, "damperAreaM2"},
            {params.dischargeCoefficient, "dischargeCoefficient"},
            {params.fuel.devolatilisationTimeConstantS, "fuel.devolatilisationTimeConstantS"},
            {params.fuel.charBurnTimeConstantS, "fuel.charBurnTimeConstantS"},
            {params.fuel.volatileMatterFraction, "fuel.volatileMatterFraction"},
            {params.fuel.higherHeatingValueDryJPerKg, "fuel.higherHeatingValueDryJPerKg"},
            {params.maxInternalStepS, "maxInternalStepS"},
            {params.brick.thicknessM, "brick.thicknessM"},
            {params.fill.thicknessM, "fill.thicknessM"},
            {params.chimneyWall.thicknessM, "chimneyWall.thicknessM"},
    };
    for (const auto& [value, name] : positives) {
        if (core::Status s = checkPositive(value, name); !s.ok()) {
            return s.error();
        }
    }
    if (params.rowCount < 1 || params.rowCount > 200) {
        return core::Error{"kiln parameters: rowCount must be 1-200"};
    }
    if (params.rearZoneCount < 0 || params.rearZoneCount > 10) {
        return core::Error{"kiln parameters: rearZoneCount must be 0-10"};
    }
    if (params.brick.nodes < 1 || params.fill.nodes < 0 || params.chimneyWall.nodes < 1 ||
        params.brick.nodes + params.fill.nodes > kMaxWallNodes ||
        params.chimneyWall.nodes > kMaxWallNodes) {
        return core::Error{"kiln parameters: wall node counts out of range (1-8 in all)"};
    }
    if (params.fuel.moistureWetBasis < 0.0 || params.fuel.moistureWetBasis >= 0.7) {
        return core::Error{"kiln parameters: fuel moisture must be in [0, 0.7)"};
    }
    if (!plan.empty() && plan.size() != static_cast<std::size_t>(params.rowCount) * 2) {
        return core::Error{"loading plan: needs one entry per placement (rows x 2)"};
    }
    if (params.ambientTemperatureC < -60.0 || params.ambientTemperatureC > 60.0) {
        return core::Error{"kiln parameters: ambient temperature must be -60..60 C"};
    }

    KilnModel m;
    m.mParams = std::move(params);
    m.mHeatwork = std::move(heatwork);
    const KilnParams& p = m.mParams;
    if (plan.empty()) {
        plan.assign(static_cast<std::size_t>(p.rowCount) * 2, WareSpec{});
    }
    m.mPlan = std::move(plan);
    m.mWareLimits.vitrifyStartCone = m.mHeatwork.findCone("04");
    m.mWareLimits.vitrifyEndCone = m.mHeatwork.findCone("10");

    // Fuel chemistry per kg of dry wood (thermal-properties.md 1.1, 1.3, 1.4).
    const FuelParams& fuel = p.fuel;
    const double molC = fuel.carbonMassFraction / 0.012011;
    const double molH = fuel.hydrogenMassFraction / 0.001008;
    const double molO = fuel.oxygenMassFraction / 0.015999;
    // LHV_dry = HHV_dry - latent heat of the water formed from the fuel's hydrogen.
    m.mLhvDryJPerKg = fuel.higherHeatingValueDryJPerKg - kLatentJPerKg * 0.5 * molH * 0.018015;
    const double moisture = fuel.moistureWetBasis;
    m.mLhvWetJPerKg = m.mLhvDryJPerKg * (1.0 - moisture) - kLatentJPerKg * moisture;
    const double o2StoichKg = (molC + 0.25 * molH - 0.5 * molO) * 0.031999;
    m.mStoichAirPerKgWet = o2StoichKg / kAirO2MassFraction * (1.0 - moisture);
    // Volatiles = dry wood less its char (taken as pure carbon); their heating value follows
    // from the wood's, so that wood -> volatiles + char conserves energy exactly.
    const double v = fuel.volatileMatterFraction;
    const double charC = 1.0 - v;
    const double volC = (fuel.carbonMassFraction - charC) / 0.012011 / v;
    const double volH = molH / v;
    const double volO = molO / v;
    if (!(v > 0.0 && v < 1.0) || !(volC > 0.0)) {
        return core::Error{"kiln parameters: volatile matter leaves no carbon for the volatiles"};
    }
    m.mLhvVolatilesJPerKg = (m.mLhvDryJPerKg - charC * kCharHeatingValueJPerKg) / v;
    m.mO2ToCoPerKgFuel = (0.5 * volC + 0.25 * volH - 0.5 * volO) * 0.031999;
    m.mCoPerKgFuel = volC * 0.028010;
    m.mH2oPerKgFuel = 0.5 * volH * 0.018015;
    m.mHeatToCoJPerKgFuel = m.mLhvVolatilesJPerKg - m.mCoPerKgFuel * kCoHeatingValueJPerKg;
    if (!(m.mO2ToCoPerKgFuel > 0.0) || !(m.mHeatToCoJPerKgFuel > 0.0) || !(m.mLhvWetJPerKg > 0.0)) {
        return core::Error{"kiln parameters: the fuel analysis gives no usable heat"};
    }

    // Gas enthalpy above ambient per species on the grid: Shomate (NIST-JANAF) when given, else
    // the constant mean cp. The volatiles keep their constant cp.
    m.mGasTable =
            GasEnthalpyTable::build(p.gasThermo, p.ambientTemperatureC, kCpJPerKgK, kMolarMass);

    buildWall({p.brick, p.fill}, m.mKilnWallCapacity, m.mKilnWallConductance);
    buildWall({p.chimneyWall}, m.mChimneyWallCapacity, m.mChimneyWallConductance);
    const int kilnNodes = p.brick.nodes + p.fill.nodes;

    const double slope = p.floorSlopeDeg * std::numbers::pi / 180.0;
    // Firebox: a box open towards the chamber.
    {
        ZoneInfo z;
        z.kind = ZoneKind::Firebox;
        z.name = "firebox";
        z.lengthM = p.fireboxLengthM;
        z.widthM = p.fireboxWidthM;
        z.heightM = p.fireboxHeightM;
        z.positionM = 0.5 * p.fireboxLengthM;
        z.volumeM3 = z.lengthM * z.widthM * z.heightM;
        z.riseM = p.fireboxRiseM;
        z.wallAreaM2 = 2.0 * (z.lengthM * z.heightM + z.lengthM * z.widthM) + z.widthM * z.heightM;
        z.gasFlowAreaM2 = z.widthM * z.heightM;
        z.hydraulicDiameterM = 4.0 * z.volumeM3 / z.wallAreaM2;
        z.meanBeamLengthM = 3.6 * z.volumeM3 / z.wallAreaM2;
        z.wallNodes = kilnNodes;
        m.mZones.push_back(z);
    }
    // Rows of setting. Setting mass is shared out in proportion to each row's volume.
    std::vector<ZoneInfo> rows;
    double totalRowVolume = 0.0;
    const double rowLength = p.chamberLengthM / p.rowCount;
    for (int r = 0; r < p.rowCount; ++r) {
        const double f = (r + 0.5) / p.rowCount;
        const ProfilePoint pp = profileAt(p.profile, f);
        ZoneInfo z;
        z.kind = ZoneKind::Row;
        z.row = r;
        z.name = "row " + std::to_string(r + 1);
        z.lengthM = rowLength;
        z.widthM = pp.widthM;
        z.heightM = pp.heightM;
        z.positionM = p.fireboxLengthM + (r + 0.5) * rowLength;
        const double section = 0.25 * std::numbers::pi * pp.widthM * pp.heightM;
        z.volumeM3 = section * rowLength;
        z.riseM = rowLength * std::sin(slope);
        z.wallAreaM2 = (halfEllipsePerimeter(0.5 * pp.widthM, pp.heightM) + pp.widthM) * rowLength;
        z.lowerWallShare = (lowerHalfArc(0.5 * pp.widthM, pp.heightM) + pp.widthM) /
                           (halfEllipsePerimeter(0.5 * pp.widthM, pp.heightM) + pp.widthM);
        const double settingArea = z.volumeM3 * p.settingSurfaceM2PerM3;
        z.settingAreaM2 = 0.5 * settingArea;
        const double voidVolume = z.volumeM3 * (1.0 - p.settingVolumeFraction);
        z.gasFlowAreaM2 = section * (1.0 - p.settingVolumeFraction);
        z.hydraulicDiameterM = 4.0 * voidVolume / (settingArea + z.wallAreaM2);
        z.meanBeamLengthM = 3.6 * voidVolume / (settingArea + z.wallAreaM2);
        z.wallNodes = kilnNodes;
        z.twoStreams = true;
        totalRowVolume += z.volumeM3;
        rows.push_back(z);
    }
    const double settingCapacity = (p.wareMassKg + p.saggarMassKg) * p.settingSpecificHeatJPerKgK;
    for (ZoneInfo& z : rows) {
        z.settingHeatCapacityJPerK = 0.5 * settingCapacity * z.volumeM3 / totalRowVolume;
        if (z.settingHeatCapacityJPerK <= 0.0) {
            z.settingAreaM2 = 0.0; // an empty kiln: nothing to exchange heat with
        }
        m.mZones.push_back(z);
    }
    const ProfilePoint rear = profileAt(p.profile, 1.0);
    for (int i = 0; i < p.rearZoneCount; ++i) {
        ZoneInfo z;
        z.kind = ZoneKind::Rear;
        z.name = "rear " + std::to_string(i + 1);
        z.lengthM = p.rearZoneLengthM;
        z.widthM = rear.widthM;
        z.heightM = rear.heightM;
        z.positionM = p.fireboxLengthM + p.chamberLengthM + (i + 0.5) * p.rearZoneLengthM;
        const double section = 0.25 * std::numbers::pi * rear.widthM * rear.heightM;
        z.volumeM3 = section * z.lengthM;
        z.riseM = z.lengthM * std::sin(slope);
        z.wallAreaM2 =
                (halfEllipsePerimeter(0.5 * rear.widthM, rear.heightM) + rear.widthM) * z.lengthM;
        z.settingAreaM2 = z.volumeM3 * p.settingSurfaceM2PerM3;
        z.settingHeatCapacityJPerK = p.rearFillMassKg * p.settingSpecificHeatJPerKgK;
        if (z.settingHeatCapacityJPerK <= 0.0) {
            z.settingAreaM2 = 0.0; // an empty flue: no fill to exchange heat with
        }
        const double voidVolume = z.volumeM3 * (1.0 - p.settingVolumeFraction);
        z.gasFlowAreaM2 = section * (1.0 - p.settingVolumeFraction);
        z.hydraulicDiameterM = 4.0 * voidVolume / (z.settingAreaM2 + z.wallAreaM2);
        z.meanBeamLengthM = 3.6 * voidVolume / (z.settingAreaM2 + z.wallAreaM2);
        z.wallNodes = kilnNodes;
        m.mZones.push_back(z);
    }
    {
        ZoneInfo z;
        z.kind = ZoneKind::Chimney;
        z.name = "chimney";
        const double d = std::sqrt(4.0 * p.chimneyBaseAreaM2 / std::numbers::pi);
        z.lengthM = p.chimneyHeightM;
        z.widthM = d;
        z.heightM = d;
        z.positionM = p.fireboxLengthM + p.chamberLengthM + p.rearZoneCount * p.rearZoneLengthM +
                      0.5 * p.chimneyHeightM;
        z.volumeM3 = p.chimneyBaseAreaM2 * p.chimneyHeightM;
        z.riseM = p.chimneyHeightM;
        z.wallAreaM2 = std::numbers::pi * d * p.chimneyHeightM;
        z.gasFlowAreaM2 = p.chimneyBaseAreaM2;
        z.hydraulicDiameterM = d;
        z.meanBeamLengthM = 0.95 * d; // circular duct (thermal-properties.md 4.5)
        z.wallNodes = p.chimneyWall.nodes;
        m.mZones.push_back(z);
    }
    // Reciprocals for the step's solid update (multiplications there instead of divisions).
    auto reciprocals = [](const std::vector<double>& values) {
        std::vector<double> r(values.size());
        std::transform(values.begin(), values.end(), r.begin(), [](double x) { return 1.0 / x; });
        return r;
    };
    m.mKilnWallInverseCapacity = reciprocals(m.mKilnWallCapacity);
    m.mChimneyWallInverseCapacity = reciprocals(m.mChimneyWallCapacity);
    for (const ZoneInfo& z : m.mZones) {
        const double lowerShare = z.twoStreams ? z.lowerWallShare : 0.0;
        const double upper = z.wallAreaM2 * (1.0 - lowerShare);
        const double lower = z.wallAreaM2 * lowerShare;
        SolidConstants r;
        r.settingPerJPerK =
                z.settingHeatCapacityJPerK > 0.0 ? 1.0 / z.settingHeatCapacityJPerK : 0.0;
        r.wallAreaPerM2[0] = upper > 0.0 ? 1.0 / upper : 0.0;
        r.wallAreaPerM2[1] = lower > 0.0 ? 1.0 / lower : 0.0;
        r.wallAreaM2[0] = upper;
        r.wallAreaM2[1] = lower;
        // Radiation areas of the step's section 6, formed as it formed them each step.
        for (int st = 0; st < 2; ++st) {
            const double share =
                    z.twoStreams ? (st == kLower ? z.lowerWallShare : 1.0 - z.lowerWallShare) : 1.0;
            r.settingWallAreaM2[st] = p.settingWallViewFactor * z.wallAreaM2 * share;
        }
        r.settingGapAreaM2 = p.settingGapM > 0.0 ? p.settingGapM * (1.0 - p.settingVolumeFraction) *
                                                           z.widthM * z.lengthM / (0.5 * z.heightM)
                                                 : p.settingWallViewFactor * z.widthM * z.lengthM;
        r.alongKilnAreaM2 = p.settingWallViewFactor * 0.5 * z.gasFlowAreaM2;
        m.mSolidConstants.push_back(r);
        ConvectionConstants c;
        for (std::size_t st = 0; st < 2; ++st) {
            const double wallArea = z.twoStreams ? r.wallAreaM2[st] : z.wallAreaM2;
            c.settingShare[st] = z.settingAreaM2 / (z.settingAreaM2 + wallArea);
        }
        m.mConvectionConstants.push_back(c);
    }
    return m;
}

KilnState KilnModel::initialState() const {
    KilnState s;
    const double ta = mParams.ambientTemperatureC;
    s.zones.resize(mZones.size());
    for (ZoneState& z : s.zones) {
        for (GasState& g : z.gas) {
            g = GasState{};
            g.temperatureC = ta;
        }
        z.settingTemperatureC = {ta, ta};
        z.wallTemperatureC.fill(ta);
        z.lowerWallTemperatureC.fill(ta);
    }
    s.placements.assign(static_cast<std::size_t>(placementCount()), WareState{});
    for (WareState& w : s.placements) {
        w.peakTemperatureC = ta;
    }
    s.lowerFlowShare = mParams.lowerFlowShareClearing; // a new firebox: the grate is clear
    s.energy.initialStoredJ = storedEnergyJ(s);
    return s;
}

KilnState KilnModel::reloadedState(const KilnState& fired) const {
    KILN_ASSERT(fired.zones.size() == mZones.size(), "KilnModel::reloadedState: another kiln");
    KilnState s = fired;
    const double ta = mParams.ambientTemperatureC;
    for (std::size_t zi = 0; zi < mZones.size(); ++zi) {
        if (mZones[zi].kind == ZoneKind::Row) {
            s.zones[zi].settingTemperatureC = {ta, ta}; // fresh ware and saggars
        }
    }
    s.placements.assign(static_cast<std::size_t>(placementCount()), WareState{});
    for (WareState& w : s.placements) {
        w.peakTemperatureC = ta;
    }
    // What stays in the firebox is raked out: it is rebuilt for each firing (jdzmc 7810). Its
    // energy leaves the ledger as an opening loss, so the balance still closes.
    s.energy.openingLossJ += s.fuelBedKg * mLhvWetJPerKg + s.charBedKg * kCharHeatingValueJPerKg;
    // The ware taken out carries its heat with it; the new ware comes in at ambient.
    const double before = storedEnergyJ(fired) - s.fuelBedKg * mLhvWetJPerKg -
                          s.charBedKg * kCharHeatingValueJPerKg;
    s.fuelBedKg = 0.0;
    s.charBedKg = 0.0;
    s.energy.openingLossJ += before - storedEnergyJ(s);
    s.lowerFlowShare = mParams.lowerFlowShareClearing; // the firebox is rebuilt
    s.gasHold = GasMarchHold{};                        // new ware: the gas marches again
    return s;
}

void KilnModel::startFiring(KilnState& state) const {
    state.timeSeconds = 0.0;
    state.fuelFedKg = 0.0;
    state.fuelBurntKg = 0.0;
    state.energy = EnergyLedger{};
    state.gasHold = GasMarchHold{};
    state.energy.initialStoredJ = storedEnergyJ(state);
}

double KilnModel::storedEnergyJ(const KilnState& state) const {
    const double ta = mParams.ambientTemperatureC;
    double e = state.fuelBedKg * mLhvWetJPerKg + state.charBedKg * kCharHeatingValueJPerKg;
    for (std::size_t zi = 0; zi < mZones.size(); ++zi) {
        const ZoneInfo& info = mZones[zi];
        const ZoneState& z = state.zones[zi];
        const int positions = info.twoStreams ? 2 : 1;
        for (int p = 0; p < positions; ++p) {
            e += info.settingHeatCapacityJPerK *
                 (z.settingTemperatureC[static_cast<std::size_t>(p)] - ta);
        }
        const std::vector<double>& cap =
                info.kind == ZoneKind::Chimney ? mChimneyWallCapacity : mKilnWallCapacity;
        const double lower = info.twoStreams ? info.lowerWallShare : 0.0;
        for (int n = 0; n < info.wallNodes; ++n) {
            const auto ni = static_cast<std::size_t>(n);
            e += cap[ni] * info.wallAreaM2 *
                 ((1.0 - lower) * (z.wallTemperatureC[ni] - ta) +
                  lower * (z.lowerWallTemperatureC[ni] - ta));
        }
    }
    return e;
}

KilnState KilnModel::stepped(KilnState state, const StepInputs& inputs, double dtSeconds) const {
    step(state, inputs, dtSeconds);
    return state;
}

void KilnModel::step(KilnState& state, const StepInputs& inputs, double dtSeconds) const {
    KILN_ASSERT(state.zones.size() == mZones.size(), "KilnModel::step: state of another kiln");
    if (!(dtSeconds > 0.0) || !std::isfinite(dtSeconds)) {
        return;
    }
    StepInputs in = inputs;
    in.fireboxFeedKgPerHour = sanitize(in.fireboxFeedKgPerHour, 0.0, 1e6);
    in.sideFeedKgPerHour = sanitize(in.sideFeedKgPerHour, 0.0, 1e6);
    in.stokeMouthOpen = sanitize(in.stokeMouthOpen, 0.0, 1.0);
    in.damperOpen = sanitize(in.damperOpen, 0.0, 1.0);
    in.spyHolesOpen = std::clamp(in.spyHolesOpen, 0, 8);
    if (in.sideFeedRow < 0 || in.sideFeedRow >= mParams.rowCount) {
        in.sideFeedKgPerHour = 0.0;
        in.sideFeedRow = -1;
    }
    const int n =
            std::max(1, static_cast<int>(std::ceil(dtSeconds / mParams.maxInternalStepS - 1e-9)));
    const double h = dtSeconds / n;
    for (int i = 0; i < n; ++i) {
        subStep(state, in, h);
    }
}

namespace {

// Burns what can burn of the flow's volatiles and CO with its O2; `share` is the mixing-limited
// fraction of each combustible that meets air here. Returns the heat released, W.
struct Chemistry {
    double o2ToCo;
    double coPerFuel;
    double h2oPerFuel;
    double heatToCo;
};

double burn(Flow& f, double share, const Chemistry& c) {
    double q = 0.0;
    const double fuel = f.kgPerS[kFuel] * share;
    if (fuel > 0.0 && f.kgPerS[kO2] > 0.0) {
        const double b = std::min(fuel, f.kgPerS[kO2] / c.o2ToCo);
        f.kgPerS[kFuel] -= b;
        f.kgPerS[kO2] = std::max(0.0, f.kgPerS[kO2] - b * c.o2ToCo);
        f.kgPerS[kCO] += b * c.coPerFuel;
        f.kgPerS[kH2O] += b * c.h2oPerFuel;
        q += b * c.heatToCo;
    }
    const double co = f.kgPerS[kCO] * share;
    if (co > 0.0 && f.kgPerS[kO2] > 0.0) {
        const double b = std::min(co, f.kgPerS[kO2] / kO2PerKgCo);
        f.kgPerS[kCO] -= b;
        f.kgPerS[kO2] = std::max(0.0, f.kgPerS[kO2] - b * kO2PerKgCo);
        f.kgPerS[kCO2] += b * (1.0 + kO2PerKgCo);
        q += b * kCoHeatingValueJPerKg;
    }
    f.sensibleW += q;
    return q;
}

// CO2 <-> CO + 1/2 O2 at equilibrium where the gas is hot enough for it to matter (NIST-JANAF
// data via gas_thermo.h): CO2 is split into CO and O2, the reaction heat (282.98 kJ/mol at 25 C,
// the same figure as CO's heating value) taken from the gas, until CO (x_O2)^0.5 / CO2 = Kp at
// the gas's own temperature (1 atm). This caps the flame temperature. The split gas burns back
// in burn() further on as it cools (recombination). Returns the heat absorbed, W.
double dissociateHot(Flow& f, const GasEnthalpyTable& g);

// The cheap tests of dissociate() first (inlined into the march); the equilibrium itself only
// where the gas is hot enough. Returns the heat absorbed, W. capConst: set to the flow's
// constant-cp capacity (Flow::capacityWPerK) as it leaves, which exchange() needs too: one
// pass over the species per zone and stream, a second only where the gas was split.
inline double dissociate(Flow& f, const GasEnthalpyTable& g, double& capConst) {
    capConst = f.capacityWPerK();
    if (!g.hasDissociation() || f.kgPerS[kCO2] <= 0.0) {
        return 0.0;
    }
    // Cheap test first: the constant-cp temperature is above the true one in this range (the
    // mean cp from ambient exceeds the 298-1500 K mean above 1500 K), so below the threshold
    // there is nothing to do. Then the table's own temperature, as an enthalpy comparison.
    if (capConst < 1e-12 || f.sensibleW < capConst * (kDissociationMinK - kKelvin - g.ambientC()) ||
        f.sensibleW < g.at(f.kgPerS, kDissociationGridPoint)) {
        return 0.0;
    }
    const double heatW = dissociateHot(f, g);
    capConst = f.capacityWPerK();
    return heatW;
}

double dissociateHot(Flow& f, const GasEnthalpyTable& g) {
    double total = 0.0;
    for (std::size_t i = 0; i < f.kgPerS.size(); ++i) {
        total += f.kgPerS[i] / kMolarMass[i];
    }
    const double nCo2 = f.kgPerS[kCO2] / kMolarMass[kCO2];
    const double nCo = f.kgPerS[kCO] / kMolarMass[kCO];
    const double nO2 = f.kgPerS[kO2] / kMolarMass[kO2];
    // Amounts in kmol/s (kg/s over g/mol), so the heat is per kmol.
    const double heatPerMol = kCoHeatingValueJPerKg * kMolarMass[kCO];
    auto split = [&](double d) {
        Flow t = f;
        t.kgPerS[kCO2] -= d * kMolarMass[kCO2];
        t.kgPerS[kCO] += d * kMolarMass[kCO];
        t.kgPerS[kO2] += 0.5 * d * kMolarMass[kO2];
        t.sensibleW -= d * heatPerMol;
        return t;
    };
    // Each trial starts its temperature lookup where the last one ended (they differ by a few K).
    double guessK = f.guessK > 0.0 ? f.guessK : kDissociationMinK;
    // ln(CO sqrt(x_O2) / CO2) - ln Kp(T): rises with d (more products, cooler gas).
    auto residual = [&](double d) {
        const Flow t = split(d);
        const double tK = g.temperatureC(t.kgPerS, t.sensibleW, guessK) + kKelvin;
        guessK = tK;
        const double q = std::log(std::max(nCo + d, 1e-300)) +
                         0.5 * std::log(std::max((nO2 + 0.5 * d) / (total + 0.5 * d), 1e-300)) -
                         std::log(std::max(nCo2 - d, 1e-300));
        return q - g.lnKpAt(tK);
    };
    if (residual(0.0) >= 0.0) {
        return 0.0; // already at or past equilibrium: nothing to split
    }
    double lo = 0.0;
    double hi = nCo2;
    for (int i = 0; i < 30; ++i) {
        const double mid = 0.5 * (lo + hi);
        (residual(mid) < 0.0 ? lo : hi) = mid;
    }
    f = split(lo);
    f.guessK = guessK;
    return lo * heatPerMol;
}

// Boudouard reaction on the ember bed, C + CO2 -> 2 CO: 2 x 282.98 - 393.51 = 172.45 kJ/mol
// absorbed (standard enthalpies of combustion, the figures of kCoHeatingValueJPerKg and
// kCharHeatingValueJPerKg, so the ledger stays exact), per kg of carbon.
constexpr double kBoudouardJPerKgChar =
        2.0 * kCoPerKgChar * kCoHeatingValueJPerKg - kCharHeatingValueJPerKg;
constexpr double kCo2PerKgChar = 44.010 / 12.011;

// Gasification of the ember bed by the CO2 of the firebox gas (section 2.2 of
// docs/simulation.md): only where the gas is reducing after burnout (no O2 to spare), since the
// char takes O2 far faster than CO2 where both reach it. Rate k(T) m_char x_CO2^n with
// k = k_ref exp(-E/R (1/T - 1/T_ref)) at the firebox gas's temperature (last step's), limited by
// the char there is and the CO2 that passes. Moves char carbon into the gas as CO and takes the
// reaction heat from the gas. Returns the heat absorbed, W.
// C + CO2 -> 2 CO on charBedKg of char at tK: rate ratePerSAtReference exp(-E/R (1/T - 1/T_ref))
// m_char x_CO2^n (the kinetics of FuelParams), limited by the char there is and the CO2 that
// passes. Moves char carbon into the gas as CO and takes the reaction heat from the gas. Returns
// the heat absorbed, W.
double boudouard(Flow& f, double& charBedKg, double tK, double ratePerSAtReference,
                 const FuelParams& fuel, double dt) {
    double total = 0.0;
    for (std::size_t i = 0; i < f.kgPerS.size(); ++i) {
        total += f.kgPerS[i] * kMolesPerGram[i];
    }
    const double xCo2 = f.kgPerS[kCO2] * kMolesPerGram[kCO2] / total;
    constexpr double kGasConstant = 8.314462618;
    const double tRefK = fuel.gasificationReferenceC + kKelvin;
    const double k = ratePerSAtReference * std::exp(-fuel.gasificationActivationJPerMol /
                                                    kGasConstant * (1.0 / tK - 1.0 / tRefK));
    double charKgPerS = k * charBedKg * std::pow(xCo2, fuel.gasificationCo2Order);
    charKgPerS = std::min({charKgPerS, charBedKg / dt, f.kgPerS[kCO2] / kCo2PerKgChar});
    f.kgPerS[kCO2] -= charKgPerS * kCo2PerKgChar;
    f.kgPerS[kCO2] = std::max(f.kgPerS[kCO2], 0.0);
    // 2 CO per C (the CO2's mass plus the carbon's, to 2e-5: the ledger uses this figure).
    f.kgPerS[kCO] += charKgPerS * 2.0 * kCoPerKgChar;
    const double heatW = charKgPerS * kBoudouardJPerKgChar;
    f.sensibleW -= heatW;
    charBedKg = std::max(0.0, charBedKg - charKgPerS * dt);
    return heatW;
}

double gasifyChar(Flow& f, double& charBedKg, double bedTemperatureC, double o2PerKgFuelFull,
                  const FuelParams& fuel, double dt) {
    if (fuel.gasificationRatePerSAtReference <= 0.0 || charBedKg <= 0.0 || f.kgPerS[kCO2] <= 0.0) {
        return 0.0;
    }
    const double demandKg = f.kgPerS[kCO] * kO2PerKgCo + f.kgPerS[kFuel] * o2PerKgFuelFull;
    if (f.kgPerS[kO2] >= demandKg) {
        return 0.0; // O2 to spare: it, not CO2, reaches the char
    }
    const double tK = std::max(bedTemperatureC, 0.0) + kKelvin;
    return boudouard(f, charBedKg, tK, fuel.gasificationRatePerSAtReference, fuel, dt);
}

// O2 per kg of char burnt to CO2 (C + O2 -> CO2).
constexpr double kO2PerKgCharToCo2 = 31.999 / 12.011;
// Below this much char or wood (1 g: 33 kJ of char) the bed is taken as burnt out.
constexpr double kBedEmptyKg = 1e-3;

// The door's leak air passing up through the ember bed (bed: that air, in; the bed's gas, out),
// at the bed's temperature bedK. At the ember surfaces C + O2 -> CO2, as fast as O2 reaches them:
// a packed bed of spheres of the ember diameter (their surface 6 m / (rho_p d)), the mass
// transfer coefficient from the Wakao-Funazkri Sherwood number on the superficial velocity over
// the grate, so the bed takes the share 1 - exp(-k_m S / Q) of the O2 flowing through it (Q the
// gas's volume flow at the bed). The surface reaction is taken as faster than that (the
// diffusion-limited regime of char burning, which holds for hot embers; not checked below it).
// The CO2 then gasifies char (boudouard above). Returns the net heat released into the gas, W.
double burnThroughBed(Flow& bed, double& charBedKg, double bedK, const FuelParams& fuel,
                      double grateAreaM2, double pressurePa, double dt) {
    if (charBedKg <= 0.0) {
        return 0.0;
    }
    const double rho = gasDensityInline(pressurePa, bedK);
    const double volumeFlow = bed.mass() / rho;
    if (!(volumeFlow > 0.0)) {
        return 0.0;
    }
    const double d = fuel.emberDiameterM;
    const double diffusivity = oxygenDiffusivityM2PerS(bedK, pressurePa);
    const double kinematic = airViscosityPaS(bedK) / rho;
    const double sherwood =
            packedBedSherwood(volumeFlow / grateAreaM2 * d / kinematic, kinematic / diffusivity);
    const double surfaceM2 = 6.0 * charBedKg / (fuel.charParticleDensityKgPerM3 * d);
    const double taken = 1.0 - std::exp(-sherwood * diffusivity / d * surfaceM2 / volumeFlow);
    double charKgPerS = std::min(bed.kgPerS[kO2] * taken / kO2PerKgCharToCo2, charBedKg / dt);
    // The last gram burns out in the step, where the O2 passing allows (the uptake is in
    // proportion to what is left, so it would never reach 0, leaving traces of CO2 for ever).
    const bool burntOut = charBedKg - charKgPerS * dt < kBedEmptyKg &&
                          bed.kgPerS[kO2] >= charBedKg / dt * kO2PerKgCharToCo2;
    if (burntOut) {
        charKgPerS = charBedKg / dt;
    }
    bed.kgPerS[kO2] = std::max(0.0, bed.kgPerS[kO2] - charKgPerS * kO2PerKgCharToCo2);
    bed.kgPerS[kCO2] += charKgPerS * kCo2PerKgChar;
    double heatW = charKgPerS * kCharHeatingValueJPerKg;
    bed.sensibleW += heatW;
    charBedKg = burntOut ? 0.0 : std::max(0.0, charBedKg - charKgPerS * dt);
    if (fuel.bedGasificationRatePerSAtReference > 0.0 && charBedKg > 0.0 &&
        bed.kgPerS[kCO2] > 0.0) {
        heatW -= boudouard(bed, charBedKg, bedK, fuel.bedGasificationRatePerSAtReference, fuel, dt);
    }
    return heatW;
}

struct Surface {
    double ua = 0.0; // W/K
    double temperatureC = 0.0;
    double heatW = 0.0; // result: heat received
};

// Exchanges heat between a flow and up to three surfaces (effectiveness-NTU for a well-mixed
// solid temperature); exact energy split so that sum(heatW) equals what the gas lost. Returns the
// representative (mean) gas temperature. capConst: the flow's Flow::capacityWPerK (dissociate()
// leaves it).
template <int kCount>
double exchange(Flow& f, const GasEnthalpyTable& gas, Surface* surfaces, double capConst) {
    const double ambientC = gas.ambientC();
    double ua = 0.0;
    double uaT = 0.0;
    for (int i = 0; i < kCount; ++i) {
        ua += surfaces[i].ua;
        uaT += surfaces[i].ua * surfaces[i].temperatureC;
    }
    if (capConst < 1e-9 || ua <= 0.0) {
        for (int i = 0; i < kCount; ++i) {
            surfaces[i].heatW = 0.0;
        }
        return capConst < 1e-9 ? (ua > 0.0 ? uaT / ua : ambientC)
                               : gasTemperatureC(gas, f, capConst);
    }
    const double perUa = 1.0 / ua;
    const double ts = uaT * perUa;
    // The gas's temperature tin from its enthalpy: in the table's segment k,
    // tin = T_k + 25 K (H - h0) / (h1 - h0), so tin - ts = num / (h1 - h0) below.
    const double guessK = f.guessK > 0.0 ? f.guessK : ambientC + kKelvin + f.sensibleW / capConst;
    double enthalpyAtTsW = 0.0;
    const GasEnthalpyTable::Bracket b =
            gas.bracketAndEnthalpy(f.kgPerS, f.sensibleW, guessK, ts, enthalpyAtTsW);
    const double dh = b.h1 - b.h0;
    const double num = (b.lowK() - kKelvin - ts) * dh + (f.sensibleW - b.h0) * kGasStepK;
    // The most the gas can give is its enthalpy down to the surfaces' temperature; its mean
    // capacity over that span (cap) sets the number of transfer units, UA / cap. With
    // perCap = 1 / cap = (tin - ts) / available: one division on the way to the exponential.
    const double available = f.sensibleW - enthalpyAtTsW;
    double effectiveness = 1.0;
    // tin - ts, only for the next lookup's guess: perCap x available where perCap is formed
    // (equal to num / dh but for rounding), saving a division; num / dh otherwise.
    double tinOverTs = 0.0;
    if (std::abs(num) > 1e-6 * dh) { // |tin - ts| > 1e-6 K
        const double perCap = num / (dh * available);
        if (perCap > 0.0 && perCap < 1e9) { // cap > 1e-9 W/K
            effectiveness = 1.0 - std::exp(-ua * perCap);
            tinOverTs = perCap * available;
        } else {
            tinOverTs = num / dh;
        }
    } else {
        effectiveness = 1.0 - std::exp(-ua / capConst); // capConst > 1e-9 here
        tinOverTs = num / dh;
    }
    const double q = available * effectiveness;
    const double tMean = ts + q * perUa;
    for (int i = 0; i < kCount; ++i) {
        surfaces[i].heatW = surfaces[i].ua * (tMean - surfaces[i].temperatureC);
    }
    f.sensibleW -= q;
    // The outlet temperature with the mean capacity: the next lookup's starting guess.
    f.guessK = ts + tinOverTs * (1.0 - effectiveness) + kKelvin;
    return tMean;
}

// Bands (conjectured, kiln-practice usage): reducing when CO/CO2 left after burnout exceeds 0.05;
// oxidizing with more than 1 % O2 to spare; neutral between.
Atmosphere atmosphereBand(const GasState& g) {
    if (g.reductionRatio > 0.05) {
        return Atmosphere::Reducing;
    }
    return g.excessO2 > 0.01 ? Atmosphere::Oxidizing : Atmosphere::Neutral;
}

void describeGas(const Flow& f, double temperatureC, double o2PerKgFuelFull, GasState& g) {
    std::array<double, kSpeciesCount> mol{};
    double total = 0.0;
    for (std::size_t i = 0; i < mol.size(); ++i) {
        mol[i] = f.kgPerS[i] * kMolesPerGram[i];
        total += mol[i];
    }
    g.temperatureC = temperatureC;
    g.massFlowKgPerS = f.mass();
    if (total <= 0.0) {
        return;
    }
    const double perTotal = 1.0 / total;
    g.o2 = mol[kO2] * perTotal;
    g.n2 = mol[kN2] * perTotal;
    g.co2 = mol[kCO2] * perTotal;
    g.h2o = mol[kH2O] * perTotal;
    g.co = mol[kCO] * perTotal;
    g.unburnt = mol[kFuel] * perTotal;
    // Burnout balance: O2 left after the CO and volatiles burnt with what free O2 there is.
    const double demandKg = f.kgPerS[kCO] * kO2PerKgCo + f.kgPerS[kFuel] * o2PerKgFuelFull;
    const double excessKg = f.kgPerS[kO2] - demandKg;
    if (excessKg >= 0.0) {
        g.excessO2 = excessKg * kMolesPerGram[kO2] * perTotal;
        g.reductionRatio = 0.0;
    } else {
        // The O2 deficit leaves its equivalent in CO (0.5 mol O2 per mol CO).
        const double coLeft = -excessKg * kMolesPerGram[kO2] * 2.0;
        const double co2 = mol[kCO2] + mol[kCO] + mol[kFuel] - coLeft;
        g.excessO2 = 0.0;
        g.reductionRatio = coLeft / std::max(co2, 1e-3 * total);
    }
    g.atmosphere = atmosphereBand(g);
}

// describeGas for the two streams of a row at once, each quantity of both in one Pair: lane by
// lane the operations of describeGas in its order, so the same bits, with about a quarter fewer
// instructions (callgrind). Where a stream carries nothing (rare) each is described on its own.
void describeGasPair(const Flow& upper, const Flow& lower, const double temperatureC[2],
                     double o2PerKgFuelFull, GasState& gu, GasState& gl) {
    Pair kg[kSpeciesCount];
    Pair mol[kSpeciesCount];
    Pair total = {0.0, 0.0};
    Pair mass = {0.0, 0.0};
    for (std::size_t i = 0; i < upper.kgPerS.size(); ++i) {
        kg[i] = Pair{upper.kgPerS[i], lower.kgPerS[i]};
        mol[i] = kg[i] * kMolesPerGram[i];
        total += mol[i];
        mass += kg[i];
    }
    if (!(total[0] > 0.0) || !(total[1] > 0.0)) {
        describeGas(upper, temperatureC[0], o2PerKgFuelFull, gu);
        describeGas(lower, temperatureC[1], o2PerKgFuelFull, gl);
        return;
    }
    const Pair one = {1.0, 1.0};
    const Pair perTotal = one / total;
    const Pair o2 = mol[kO2] * perTotal;
    const Pair n2 = mol[kN2] * perTotal;
    const Pair co2 = mol[kCO2] * perTotal;
    const Pair h2o = mol[kH2O] * perTotal;
    const Pair co = mol[kCO] * perTotal;
    const Pair unburnt = mol[kFuel] * perTotal;
    const Pair demandKg = kg[kCO] * kO2PerKgCo + kg[kFuel] * o2PerKgFuelFull;
    const Pair excessKg = kg[kO2] - demandKg;
    const Pair excessO2 = excessKg * kMolesPerGram[kO2] * perTotal;
    const Pair coLeft = -excessKg * kMolesPerGram[kO2] * 2.0;
    const Pair co2Left = mol[kCO2] + mol[kCO] + mol[kFuel] - coLeft;
    GasState* g[2] = {&gu, &gl};
    for (std::size_t st = 0; st < 2; ++st) {
        GasState& out = *g[st];
        out.temperatureC = temperatureC[st];
        out.massFlowKgPerS = mass[st];
        out.o2 = o2[st];
        out.n2 = n2[st];
        out.co2 = co2[st];
        out.h2o = h2o[st];
        out.co = co[st];
        out.unburnt = unburnt[st];
        if (excessKg[st] >= 0.0) {
            out.excessO2 = excessO2[st];
            out.reductionRatio = 0.0;
        } else {
            out.excessO2 = 0.0;
            out.reductionRatio = coLeft[st] / std::max(co2Left[st], 1e-3 * total[st]);
        }
        out.atmosphere = atmosphereBand(out);
    }
}

// Linearised radiation + convection coefficient between gas and a surface, W/m2K.
double gasSurfaceCoefficient(double gasC, double surfaceC, double gasEmissivity,
                             double surfaceEmissivity, double convection) {
    if (gasEmissivity == 0.0) {
        // Air only (cooling, turnaround): the radiation term below is 0 x a finite positive
        // number, and convection + 0 is convection, so the same bits without it.
        return convection;
    }
    const double tg = std::max(gasC + kKelvin, 1.0);
    const double ts = std::max(surfaceC + kKelvin, 1.0);
    // Grey gas in an enclosure: effective emissivity eps_g (eps_s + 1) / 2 (Hottel's
    // approximation).
    const double e = gasEmissivity * 0.5 * (surfaceEmissivity + 1.0);
    return convection + kSigma * e * (tg * tg + ts * ts) * (tg + ts);
}

// gasSurfaceCoefficient for the two streams of a row at once, each facing its own surface: lane
// by lane its operations in its order (std::max(x, 1.0) is x < 1 ? 1 : x), so the same bits.
Pair gasSurfaceCoefficientPair(Pair gasC, Pair surfaceC, double gasEmissivity,
                               double surfaceEmissivity, Pair convection) {
    if (gasEmissivity == 0.0) {
        return convection; // air only, as in gasSurfaceCoefficient
    }
    const Pair one = {1.0, 1.0};
    const Pair g = gasC + kKelvin;
    const Pair t = surfaceC + kKelvin;
    const Pair tg = g < one ? one : g;
    const Pair ts = t < one ? one : t;
    const double e = gasEmissivity * 0.5 * (surfaceEmissivity + 1.0);
    return convection + kSigma * e * (tg * tg + ts * ts) * (tg + ts);
}

double radiationConductance(double aC, double bC, double emissivity, double areaM2) {
    const double ta = std::max(aC + kKelvin, 1.0);
    const double tb = std::max(bC + kKelvin, 1.0);
    return kSigma * emissivity * (ta * ta + tb * tb) * (ta + tb) * areaM2;
}

// radiationConductance for two pairs of surfaces at once, lane by lane its operations in its
// order (std::max(x, 1.0) is x < 1 ? 1 : x), so the same bits.
Pair radiationConductancePair(Pair aC, Pair bC, double emissivity, Pair areaM2) {
    const Pair one = {1.0, 1.0};
    const Pair a = aC + kKelvin;
    const Pair b = bC + kKelvin;
    const Pair ta = a < one ? one : a;
    const Pair tb = b < one ? one : b;
    return kSigma * emissivity * (ta * ta + tb * tb) * (ta + tb) * areaM2;
}

// Explicit conduction through one wall of kNodes nodes, node by node from the old temperatures:
// each node's net flux (W/m2) is what comes in (inW from the gas into the inner node, then from
// the node inside) less what goes on outwards (qOut from the outer node to the air), formed as a
// flux array zeroed and then added to would form it (0 + q), so the same bits without the array.
// The node count as a template argument unrolls the loop and keeps the temperatures in registers.
template <std::size_t kNodes>
void conductWall(std::array<double, kMaxWallNodes>& tw, const double* cond, const double* dtPerCap,
                 double inW, double qOut) {
    double t = tw[0];
    for (std::size_t k = 0; k + 1 < kNodes; ++k) {
        const double tNext = tw[k + 1];
        const double q = cond[k] * (t - tNext);
        tw[k] = t + (inW - q) * dtPerCap[k];
        inW = 0.0 + q;
        t = tNext;
    }
    tw[kNodes - 1] = t + (inW - qOut) * dtPerCap[kNodes - 1];
}

// conductWall for the two walls of a row (crown and lower wall, the same layers) at once: each
// quantity of both in one Pair, lane by lane the operations of conductWall in its order (so the
// same bits), with half the arithmetic and no second call.
template <std::size_t kNodes>
void conductWallPair(std::array<double, kMaxWallNodes>& upper,
                     std::array<double, kMaxWallNodes>& lower, const double* cond,
                     const double* dtPerCap, Pair inW, Pair qOut) {
    const Pair zero = {0.0, 0.0};
    Pair t = {upper[0], lower[0]};
    for (std::size_t k = 0; k + 1 < kNodes; ++k) {
        const Pair tNext = {upper[k + 1], lower[k + 1]};
        const Pair q = cond[k] * (t - tNext);
        const Pair tk = t + (inW - q) * dtPerCap[k];
        upper[k] = tk[0];
        lower[k] = tk[1];
        inW = zero + q;
        t = tNext;
    }
    const Pair tLast = t + (inW - qOut) * dtPerCap[kNodes - 1];
    upper[kNodes - 1] = tLast[0];
    lower[kNodes - 1] = tLast[1];
}

// conductWall<n> and conductWallPair<n> for each node count n = 1 .. kMaxWallNodes, by n - 1.
using ConductWall = void (*)(std::array<double, kMaxWallNodes>&, const double*, const double*,
                             double, double);
using ConductWallPair = void (*)(std::array<double, kMaxWallNodes>&,
                                 std::array<double, kMaxWallNodes>&, const double*, const double*,
                                 Pair, Pair);
template <std::size_t... I>
constexpr std::array<ConductWall, sizeof...(I)> conductWallTable(std::index_sequence<I...>) {
    return {&conductWall<I + 1>...};
}
template <std::size_t... I>
constexpr std::array<ConductWallPair, sizeof...(I)>
conductWallPairTable(std::index_sequence<I...>) {
    return {&conductWallPair<I + 1>...};
}
constexpr std::array<ConductWall, kMaxWallNodes> kConductWall =
        conductWallTable(std::make_index_sequence<kMaxWallNodes>{});
constexpr std::array<ConductWallPair, kMaxWallNodes> kConductWallPair =
        conductWallPairTable(std::make_index_sequence<kMaxWallNodes>{});

// How long the gas march may be held over while nothing burns, s (subStep). A numerical
// choice: in the cooling the setting changes by about 0.5 C a minute, and the gas's share of
// its heat loss with it, smoothly. Held steps carry the last march on along the line through it
// and the march before, so the error is the curvature's: with 1-min steps, 8 min (seven steps of
// eight extrapolated) keeps the solids within 0.1 C of marching every step and the gas within
// 0.2 C; 10 min let the gas swing up to 0.8 C, as a held step's gas feeds the next march's draft
// (docs/simulation.md 4, ninth speed pass). Held without the line (seventh pass), 4 min left the
// gas up to 1.1 C behind.
constexpr double kGasHoldS = 480.0;
// The march is held over only where the line through the two quiet marches before it predicted
// the air it drew and the heat that left the chimney within this share, and its gas temperatures
// within kGasHoldPredictedC (numerical choices).
constexpr double kGasHoldSettledShare = 1e-3;
constexpr double kGasHoldPredictedC = 0.1;
// A line's error grows as the square of how far it is carried: where the line missed the latest
// march by e over the time between them, the hold lasts only until e (t / since)^2 reaches this
// (a numerical choice), at most kGasHoldS. In the first hour after the stop the gas still bends
// (the natural convection follows the setting's cooling), and an 8-min hold let it drift 0.75 C
// from marching every step; once the cooling is smooth the full 8 min hold again. Half of
// kGasHoldPredictedC, so that the next march's check rarely fails: over the first 12 h of the
// cooling 0.05 C takes 125 marches and keeps the gas within 0.04 C of marching every step; 0.08 C
// 109 (0.07 C), 0.2 C 164 (0.15 C), 0.3 C 305 (0.18 C): from 0.09 C up the checks start failing
// and the march runs every step until a line predicts again.
constexpr double kGasHoldDriftC = 0.05;

} // namespace

void KilnModel::marchGas(KilnState& s, const StepInputs& in, double dt,
                         std::array<double, 4>* received) const {
    const KilnParams& p = mParams;
    const double ta = p.ambientTemperatureC;
    const Chemistry chem{mO2ToCoPerKgFuel, mCoPerKgFuel, mH2oPerKgFuel, mHeatToCoJPerKgFuel};
    const GasEnthalpyTable& gasTable = mGasTable;
    const double o2Full = mO2ToCoPerKgFuel + mCoPerKgFuel * kO2PerKgCo;
    const int rows = p.rowCount;
    const std::size_t zoneCount = mZones.size();
    const std::size_t chimney = zoneCount - 1;
    // The embers before this march: where no air reaches them (the mouth shut, the door sealed)
    // they lie unchanged, and the march may still be quiet (below).
    const double charBeforeKg = s.charBedKg;

    // 2. Draft: stack effect of every zone's hot gas column against ambient air,
    //    dP = sum g dz (rho_amb - rho_gas) (thermal-properties.md 6), from last step's gas.
    const double rhoAmb = gasDensityInline(p.ambientPressurePa, ta + kKelvin);
    double draft = 0.0;
    double rowTempSum = 0.0;
    // Each zone's mean gas temperature, K, for the draft here and for the gas properties in 5.
    std::array<double, kMaxZones> meanGasK;
    for (std::size_t zi = 0; zi < zoneCount; ++zi) {
        const ZoneState& z = s.zones[zi];
        const double tg = mZones[zi].twoStreams
                                  ? (1.0 - s.lowerFlowShare) * z.gas[kUpper].temperatureC +
                                            s.lowerFlowShare * z.gas[kLower].temperatureC
                                  : z.gas[kUpper].temperatureC;
        meanGasK[zi] = tg + kKelvin;
        draft += kGravity * mZones[zi].riseM *
                 (rhoAmb - gasDensityInline(p.ambientPressurePa, meanGasK[zi]));
        if (mZones[zi].kind == ZoneKind::Row) {
            rowTempSum += tg;
        }
    }
    draft = std::max(draft, p.minimumDraftPa);

    // 3. Flow through the inlets (stoke mouth, leaks, spy holes), the setting and the damper as
    //    resistances in series: dP = sum R_i mdot^2, orifices R = 1 / (2 rho (Cd A)^2)
    //    (discharge coefficient 0.65-0.70, thermal-properties.md 6).
    const double mouthArea = p.stokeMouthAreaM2 * in.stokeMouthOpen;
    const double spyArea = p.spyHoleAreaM2 * in.spyHolesOpen;
    const double inletArea = mouthArea + spyArea + p.leakAreaM2;
    const double cd = p.dischargeCoefficient;
    const double rIn = 1.0 / (2.0 * rhoAmb * (cd * inletArea) * (cd * inletArea));
    const double tChimneyK = s.zones[chimney].gas[kUpper].temperatureC + kKelvin;
    const double rhoChimney = gasDensityInline(p.ambientPressurePa, tChimneyK);
    const double outletArea = p.damperAreaM2 * std::max(in.damperOpen, 0.01);
    const double rOut = 1.0 / (2.0 * rhoChimney * (cd * outletArea) * (cd * outletArea));
    const double meanRowK = rowTempSum / rows + kKelvin;
    // Setting resistance scales with 1/rho of the gas in the setting (same mass flow, faster gas).
    const double rSet = p.settingFlowResistancePaS2PerKg2 * meanRowK / (1000.0 + kKelvin);
    const double air = std::sqrt(draft / (rIn + rSet + rOut));
    const double mouthAir = air * mouthArea / inletArea;
    const double spyAir = air * spyArea / inletArea;
    // Leak air: the door's share comes in at the front with the stoke-mouth air (secondary air:
    // above the grate, so it takes no part in the char burn); the rest through the walls, spread
    // over the rows.
    const double leakAir = air * p.leakAreaM2 / inletArea;
    const double doorLeakAir = in.doorSealed ? 0.0 : leakAir * p.doorLeakShare;
    const double leakAirPerRow = (leakAir - doorLeakAir) / rows;
    s.airKgPerS = air;
    s.mouthAirKgPerS = mouthAir;
    s.draftPa = draft;

    // 4. Fuel bed: wood fed, then burning away with its time constant, capped by the air.
    const double fedKg = in.fireboxFeedKgPerHour / 3600.0 * dt;
    const double sideFedKg = in.sideFeedKgPerHour / 3600.0 * dt;
    s.fuelBedKg += fedKg;
    s.fuelFedKg += fedKg + sideFedKg;
    s.energy.fuelEnergyInJ += (fedKg + sideFedKg) * mLhvWetJPerKg;
    // The door's leak air that passes up through the bed (fuel.bedLeakShare; 0: none).
    const double bedLeakAir = doorLeakAir * p.fuel.bedLeakShare;
    // The bed's temperature, last step's: the embers lie in the firebox's flame and face its
    // walls, so they are taken at the hotter of the firebox gas and the walls' inner face (after
    // the stop the cold leak air crosses the firebox nearly unheated, the air having no
    // emissivity, while the embers still see walls at 900-1100 C).
    const double bedK =
            std::max({s.zones[0].gas[kUpper].temperatureC, s.zones[0].wallTemperatureC[0], 0.0}) +
            kKelvin;
    // Devolatilisation of the charges (exact exponential), capped by the air through the bed
    // (see above).
    double burntKg = s.fuelBedKg * (1.0 - std::exp(-dt / p.fuel.devolatilisationTimeConstantS));
    const double airLimitedKg =
            (mouthAir + bedLeakAir) * dt / (kMinimumBedAirRatio * mStoichAirPerKgWet);
    burntKg = std::min(burntKg, airLimitedKg);
    const double moisture = p.fuel.moistureWetBasis;
    // Wood pyrolysed beyond what the air allows, kg this step: its drying heat comes from the
    // firebox walls, not from the gas.
    double airFreeKg = 0.0;
    bool woodGone = false;
    if (p.fuel.pyrolysisPreExponentialPerS > 0.0 && s.fuelBedKg > 0.0) {
        // Pyrolysis needs heat, not air: in a hot firebox the wood gives off its volatiles
        // whatever the air, at the global rate k(T) in series with the heating of the billets
        // (1 / (tau + 1 / k)), so a cold bed still smoulders only as the air allows.
        constexpr double kGasConstant = 8.314462618;
        const double kinetic = p.fuel.pyrolysisPreExponentialPerS *
                               std::exp(-p.fuel.pyrolysisActivationJPerMol / (kGasConstant * bedK));
        const double perS = kinetic / (1.0 + kinetic * p.fuel.devolatilisationTimeConstantS);
        airFreeKg = std::max(0.0, s.fuelBedKg * (1.0 - std::exp(-dt * perS)) - burntKg);
        // The heat is radiation from the firebox walls onto the wood drying at 100 C over the
        // grate, sigma eps A (T_w^4 - T_b^4): no more wood dries than that heat evaporates.
        const double wallK = s.zones[0].wallTemperatureC[0] + kKelvin;
        constexpr double kBoilK = 373.15;
        const double radiatedJ =
                kSigma * p.wallEmissivity * p.fireboxLengthM * p.fireboxWidthM *
                std::max(0.0, wallK * wallK * wallK * wallK - kBoilK * kBoilK * kBoilK * kBoilK) *
                dt;
        if (moisture > 0.0) {
            airFreeKg = std::min(airFreeKg, radiatedJ / (moisture * kLatentJPerKg));
        }
        burntKg += airFreeKg;
        // The last gram goes with the step, where it pyrolyses at all (see kBedEmptyKg).
        woodGone = burntKg > 0.0 && s.fuelBedKg - burntKg < kBedEmptyKg;
        if (woodGone) {
            airFreeKg += s.fuelBedKg - burntKg;
            burntKg = s.fuelBedKg;
        }
    }
    s.fuelBedKg = woodGone ? 0.0 : s.fuelBedKg - burntKg;
    s.fuelBurntKg += burntKg + sideFedKg;
    const double v = p.fuel.volatileMatterFraction;
    s.charBedKg += burntKg * (1.0 - moisture) * (1.0 - v);
    // Char burns on the grate in the primary air to CO, as far as the air's O2 allows.
    const double mouthO2 = mouthAir * kAirO2MassFraction;
    double charKgPerS = s.charBedKg * (1.0 - std::exp(-dt / p.fuel.charBurnTimeConstantS)) / dt;
    charKgPerS = std::min(charKgPerS, mouthO2 / kO2PerKgChar);
    s.charBedKg -= charKgPerS * dt;

    // 5. Gas march. Firebox first.
    double heatRelease = 0.0;

    // Gas emissivity and convection of a zone from last step's gas (both streams share them:
    // same composition within a few per cent, and the same mass flux since each stream's flow
    // area is in proportion to its share), then each surface's coefficient from its own
    // temperatures.
    struct GasProps {
        double emissivity = 0.0;
        double convectionWPerM2K = 0.0;
    };
    // The emissivities need only last step's gas: all of them first, in a loop of independent
    // iterations (three exponentials each) that the processor can overlap, instead of one at a
    // time inside the march's chain. The convection needs this step's mass flow.
    // The zones' mean gas temperatures are those of the draft (2. above): the same expression,
    // (1 - wl) T_upper + wl T_lower with wl = 0 giving T_upper where the zone has one stream
    // (both streams equal there).
    std::array<double, kMaxZones> emissivity;
    for (std::size_t zi = 0; zi < zoneCount; ++zi) {
        const ZoneInfo& info = mZones[zi];
        const ZoneState& z = s.zones[zi];
        const double wl = info.twoStreams ? s.lowerFlowShare : 0.0;
        const GasState& u = z.gas[kUpper];
        const GasState& l = z.gas[kLower];
        const double pp = std::max(0.0, (1.0 - wl) * (u.h2o + u.co2) + wl * (l.h2o + l.co2));
        // Partial pressure in atm at 1 atm total.
        emissivity[zi] = wsggEmissivityInline(meanGasK[zi], pp, info.meanBeamLengthM);
    }
    // Convection between a stream of gas and the surfaces it passes: the flow's (forced,
    // ductConvection, below) and the buoyant flow along the surfaces' height (natural, Churchill
    // and Chu) combined by cubes (mixedConvection, gas_physics.h). Without the natural part air
    // would cross a setting at 1000 C almost unheated in the clearings and the cooling (laminar
    // duct flow: about 0.4 W/m2K). One coefficient for a stream's setting and walls, at their
    // area-weighted mean temperature (they are within 50-100 C of each other, and h goes as the
    // cube root of the difference to the gas: within a few per cent). The natural part needs only
    // last step's gas, so all of it first, cubed as the mix takes it (naturalConvectionCubed: a
    // square root and a division): each stream's surfaces' mean and its gas, K (a zone with one
    // stream: both lanes the same), then the coefficients in a loop without branches.
    std::array<Pair, kMaxZones> naturalCubed;
    std::array<Pair, kMaxZones> surfaceK;
    std::array<Pair, kMaxZones> streamGasK;
    for (std::size_t zi = 0; zi < zoneCount; ++zi) {
        const ZoneState& z = s.zones[zi];
        const ConvectionConstants& c = mConvectionConstants[zi];
        const Pair share = {c.settingShare[kUpper], c.settingShare[kLower]};
        Pair settingC = {z.settingTemperatureC[kUpper], z.settingTemperatureC[kUpper]};
        Pair wallC = {z.wallTemperatureC[0], z.wallTemperatureC[0]};
        Pair gasC = {z.gas[kUpper].temperatureC, z.gas[kUpper].temperatureC};
        if (mZones[zi].twoStreams) {
            // The upper stream faces the crown, the lower one the lower wall.
            settingC[1] = z.settingTemperatureC[kLower];
            wallC[1] = z.lowerWallTemperatureC[0];
            gasC[1] = z.gas[kLower].temperatureC;
        }
        surfaceK[zi] = wallC + share * (settingC - wallC) + kKelvin;
        streamGasK[zi] = gasC + kKelvin;
    }
    for (std::size_t zi = 0; zi < zoneCount; ++zi) {
        naturalCubed[zi] =
                naturalConvectionCubed(surfaceK[zi], streamGasK[zi], p.ambientPressurePa);
    }
    auto gasProps = [&](std::size_t zi, double massFlowKgPerS) {
        const ZoneInfo& info = mZones[zi];
        GasProps g;
        g.emissivity = emissivity[zi];
        g.convectionWPerM2K = ductConvectionInline(massFlowKgPerS, info.gasFlowAreaM2,
                                                   info.hydraulicDiameterM, meanGasK[zi]);
        return g;
    };
    auto coefficients = [&](std::size_t zi, int stream, const GasProps& g, double& hSetting,
                            double& hWall) {
        const ZoneState& z = s.zones[zi];
        const double tg = z.gas[static_cast<std::size_t>(stream)].temperatureC;
        const double ts = z.settingTemperatureC[static_cast<std::size_t>(stream)];
        const double tw = stream == kLower && mZones[zi].twoStreams ? z.lowerWallTemperatureC[0]
                                                                    : z.wallTemperatureC[0];
        const double h = mixedConvectionOfCubed(g.convectionWPerM2K, naturalCubed[zi][stream]);
        hSetting = gasSurfaceCoefficient(tg, ts, g.emissivity, p.settingEmissivity, h);
        hWall = gasSurfaceCoefficient(tg, tw, g.emissivity, p.wallEmissivity, h);
    };

    Flow fire = airFlow(mouthAir);
    // Never below zero, also when the char takes all the mouth's O2 (rounding of x / k * k).
    fire.kgPerS[kO2] = std::max(0.0, fire.kgPerS[kO2] - charKgPerS * kO2PerKgChar);
    fire.kgPerS[kCO] += charKgPerS * kCoPerKgChar;
    const double charHeat =
            charKgPerS * (kCharHeatingValueJPerKg - kCoPerKgChar * kCoHeatingValueJPerKg);
    fire.sensibleW += charHeat;
    heatRelease += charHeat;
    const double volatiles = burntKg / dt * (1.0 - moisture) * v;
    const double water = burntKg / dt * moisture;
    fire.kgPerS[kFuel] += volatiles;
    fire.kgPerS[kH2O] += water;
    if (airFreeKg > 0.0) {
        // The walls dry the wood pyrolysed without air; the gas dries the rest.
        const double wallDryingW = airFreeKg / dt * moisture * kLatentJPerKg;
        received[0][2] -= wallDryingW;
        fire.sensibleW -= water * kLatentJPerKg - wallDryingW;
    } else {
        fire.sensibleW -= water * kLatentJPerKg;
    }
    if (bedLeakAir > 0.0) {
        // The leak air through the bed meets the embers first, the rest joins above the grate.
        Flow bed = airFlow(bedLeakAir);
        // The grate: the firebox's floor (conjectured: the embers cover it).
        heatRelease += burnThroughBed(bed, s.charBedKg, bedK, p.fuel,
                                      p.fireboxLengthM * p.fireboxWidthM, p.ambientPressurePa, dt);
        fire.add(bed, 1.0);
        fire.addAir(doorLeakAir - bedLeakAir);
    } else {
        fire.addAir(doorLeakAir);
    }
    heatRelease += burn(fire, p.fireboxBurnFraction, chem);
    heatRelease -=
            gasifyChar(fire, s.charBedKg, s.zones[0].gas[kUpper].temperatureC, o2Full, p.fuel, dt);
    double capConst = 0.0;
    heatRelease -= dissociate(fire, gasTable, capConst);
    {
        double hs = 0.0;
        double hw = 0.0;
        coefficients(0, kUpper, gasProps(0, fire.mass()), hs, hw);
        Surface wall{hw * mZones[0].wallAreaM2, s.zones[0].wallTemperatureC[0], 0.0};
        const double tg = exchange<1>(fire, gasTable, &wall, capConst);
        received[0][2] += wall.heatW;
        describeGas(fire, tg, o2Full, s.zones[0].gas[kUpper]);
        s.zones[0].gas[kLower] = s.zones[0].gas[kUpper];
    }

    // Each row's convection, both streams, before the rows' march: it needs last step's gas and
    // surfaces (naturalCubed) and the row's mass flow, which is the firebox's plus the air and
    // wood added in the rows before (as the march below adds them; burning and the exchange
    // between the streams keep the mass, to the rounding of the molar masses). Out of the
    // march's chain, the rows' duct convections and cube roots can overlap.
    // What the rows take in besides the leak air, per stream: open holes admit air (the spy
    // holes above the door onto the front rows, or, while side stoking, the side holes of the row
    // being stoked, split over both streams); and the side-stoked row's small billets on the hot
    // setting floor give their volatiles at once and their char gasified to CO at once (its CO
    // then burns with the air there).
    auto holeAirInto = [&](int r, int st) {
        if (in.sideFeedRow >= 0) {
            return r == in.sideFeedRow ? 0.5 * spyAir : 0.0;
        }
        return r == 0 && st == kUpper ? spyAir : 0.0;
    };
    Flow sideFeed; // into each stream of row in.sideFeedRow
    if (sideFedKg > 0.0) {
        const double rate = sideFedKg / dt * 0.5;
        const double charRate = rate * (1.0 - moisture) * (1.0 - v);
        sideFeed.kgPerS[kFuel] = rate * (1.0 - moisture) * v;
        sideFeed.kgPerS[kCO] = charRate * kCoPerKgChar;
        sideFeed.kgPerS[kH2O] = rate * moisture;
        sideFeed.sensibleW =
                charRate * (kCharHeatingValueJPerKg - kCoPerKgChar * kCoHeatingValueJPerKg) -
                rate * moisture * kLatentJPerKg;
    }
    std::array<Pair, kMaxZones> rowConvection;
    {
        double massKgPerS = fire.mass();
        for (int r = 0; r < rows; ++r) {
            const std::size_t zi = static_cast<std::size_t>(1 + r);
            const ZoneInfo& info = mZones[zi];
            const double hf = ductConvectionInline(massKgPerS, info.gasFlowAreaM2,
                                                   info.hydraulicDiameterM, meanGasK[zi]);
            rowConvection[zi] = mixedConvectionOfCubed(hf, naturalCubed[zi]);
            massKgPerS += leakAirPerRow + holeAirInto(r, kUpper) + holeAirInto(r, kLower);
            if (r == in.sideFeedRow && sideFedKg > 0.0) {
                massKgPerS += 2.0 * sideFeed.mass();
            }
        }
    }

    // Rows: two parallel streams; the lower stream takes lowerFlowShare of the flow.
    std::array<Flow, 2> stream = {fire.scaled(1.0 - s.lowerFlowShare),
                                  fire.scaled(s.lowerFlowShare)};
    for (int r = 0; r < rows; ++r) {
        const std::size_t zi = static_cast<std::size_t>(1 + r);
        const ZoneInfo& info = mZones[zi];
        ZoneState& z = s.zones[zi];
        const double gasEmissivity = emissivity[zi];
        const double wallShare[2] = {1.0 - info.lowerWallShare, info.lowerWallShare};
        // The two streams do not meet before the mixing below, so each stage is done for both
        // in turn: their chains (burn, lookup, division, exponential) then lie close enough in
        // the instruction stream for the processor to overlap them. Each stream's arithmetic is
        // unchanged, and the heat release is summed in the old order (upper, then lower).
        double burnt[2] = {0.0, 0.0};
        double split[2] = {0.0, 0.0};
        double capacity[2] = {0.0, 0.0};
        for (int st = 0; st < 2; ++st) {
            Flow& f = stream[static_cast<std::size_t>(st)];
            // Leak air (door bricks, joints, steam eyes) comes in cold and dense: it sinks and
            // runs along the floor, past the lower wares.
            if (st == kLower) {
                f.addAir(leakAirPerRow);
            }
            // The holes' air and the side-stoked billets (above, as the convection counted them).
            if (const double hole = holeAirInto(r, st); hole > 0.0) {
                f.addAir(hole);
            }
            if (r == in.sideFeedRow && sideFedKg > 0.0) {
                f.add(sideFeed, 1.0);
            }
            const auto sti = static_cast<std::size_t>(st);
            burnt[sti] = burn(f, p.zoneBurnFraction, chem);
            split[sti] = dissociate(f, gasTable, capacity[sti]);
        }
        heatRelease += burnt[kUpper];
        heatRelease -= split[kUpper];
        heatRelease += burnt[kLower];
        heatRelease -= split[kLower];
        // Both streams' coefficients at once (gasSurfaceCoefficientPair): the upper stream
        // faces the crown, the lower one the lower wall.
        const Pair gasC = {z.gas[kUpper].temperatureC, z.gas[kLower].temperatureC};
        const Pair settingC = {z.settingTemperatureC[kUpper], z.settingTemperatureC[kLower]};
        const Pair wallC = {z.wallTemperatureC[0], z.lowerWallTemperatureC[0]};
        const Pair wallArea = Pair{wallShare[kUpper], wallShare[kLower]} * info.wallAreaM2;
        const Pair conv = rowConvection[zi];
        const Pair hs =
                gasSurfaceCoefficientPair(gasC, settingC, gasEmissivity, p.settingEmissivity, conv);
        const Pair hw =
                gasSurfaceCoefficientPair(gasC, wallC, gasEmissivity, p.wallEmissivity, conv);
        const Pair settingUa = hs * info.settingAreaM2;
        const Pair wallUa = hw * wallArea;
        Surface surf[2][2] = {{{settingUa[0], settingC[0], 0.0}, {wallUa[0], wallC[0], 0.0}},
                              {{settingUa[1], settingC[1], 0.0}, {wallUa[1], wallC[1], 0.0}}};
        double tg[2];
        for (std::size_t st = 0; st < 2; ++st) {
            tg[st] = exchange<2>(stream[st], gasTable, surf[st], capacity[st]);
        }
        for (std::size_t st = 0; st < 2; ++st) {
            received[zi][st] += surf[st][0].heatW;
            received[zi][st == kLower ? 3 : 2] += surf[st][1].heatW;
        }
        describeGasPair(stream[kUpper], stream[kLower], tg, o2Full, z.gas[kUpper], z.gas[kLower]);
        // Exchange between the streams (turbulent mixing across the setting).
        exchangeShare(stream[kUpper], stream[kLower], p.streamExchangeFraction);
    }
    Flow gas = stream[kUpper];
    gas.add(stream[kLower], 1.0);
    for (std::size_t zi = static_cast<std::size_t>(1 + rows); zi < chimney; ++zi) {
        const ZoneInfo& info = mZones[zi];
        ZoneState& z = s.zones[zi];
        heatRelease += burn(gas, p.zoneBurnFraction, chem);
        heatRelease -= dissociate(gas, gasTable, capConst);
        double hs = 0.0;
        double hw = 0.0;
        coefficients(zi, kUpper, gasProps(zi, gas.mass()), hs, hw);
        Surface surf[2] = {{hs * info.settingAreaM2, z.settingTemperatureC[0], 0.0},
                           {hw * info.wallAreaM2, z.wallTemperatureC[0], 0.0}};
        const double tg = exchange<2>(gas, gasTable, surf, capConst);
        received[zi][0] += surf[0].heatW;
        received[zi][2] += surf[1].heatW;
        describeGas(gas, tg, o2Full, z.gas[kUpper]);
        z.gas[kLower] = z.gas[kUpper];
    }
    {
        heatRelease += burn(gas, p.zoneBurnFraction, chem);
        heatRelease -= dissociate(gas, gasTable, capConst);
        double hs = 0.0;
        double hw = 0.0;
        coefficients(chimney, kUpper, gasProps(chimney, gas.mass()), hs, hw);
        Surface wall{hw * mZones[chimney].wallAreaM2, s.zones[chimney].wallTemperatureC[0], 0.0};
        const double tg = exchange<1>(gas, gasTable, &wall, capConst);
        received[chimney][2] += wall.heatW;
        describeGas(gas, tg, o2Full, s.zones[chimney].gas[kUpper]);
        s.zones[chimney].gas[kLower] = s.zones[chimney].gas[kUpper];
    }
    s.heatReleaseW = heatRelease;
    // What leaves the chimney: sensible heat and unburnt chemical energy.
    s.energy.stackLossJ += gas.sensibleW * dt;
    const double unburntW =
            gas.kgPerS[kCO] * kCoHeatingValueJPerKg + gas.kgPerS[kFuel] * mLhvVolatilesJPerKg;
    s.energy.unburntLossJ += unburntW * dt;

    // Nothing burning, nothing fed, no wood left on the grate and the embers, if any, untouched
    // (no air reaches them; while the inputs stay the same none will): this march is recorded with
    // the rates of change since the quiet march before it under the same inputs and step, and the
    // next steps may extrapolate it (subStep) where the line through the two marches before this
    // one predicted it: the air and the stack loss within kGasHoldSettledShare and every gas
    // temperature within kGasHoldPredictedC. The draft comes from last step's gas, so after a
    // change the air settles over a few steps; that check keeps the hold off until it has.
    GasMarchHold& hold = s.gasHold;
    const bool quiet = in.fireboxFeedKgPerHour == 0.0 && in.sideFeedKgPerHour == 0.0 &&
                       s.fuelBedKg == 0.0 && s.charBedKg == charBeforeKg && heatRelease == 0.0 &&
                       unburntW == 0.0;
    const double t = s.timeSeconds;
    if (!quiet) {
        hold.quietMarches = 0;
        hold.holding = false;
        return;
    }
    const bool continued = hold.quietMarches > 0 && hold.stepSeconds == dt && hold.inputs == in &&
                           hold.zones.size() == zoneCount;
    if (!continued) {
        hold.zones.resize(zoneCount);
        for (std::size_t zi = 0; zi < zoneCount; ++zi) {
            GasMarchHold::Zone& hz = hold.zones[zi];
            hz.heatToSolidsW = received[zi];
            hz.gasC = {s.zones[zi].gas[kUpper].temperatureC, s.zones[zi].gas[kLower].temperatureC};
        }
        hold.quietMarches = 1;
        hold.holding = false;
    } else {
        const double since = t - hold.marchSeconds;
        const double perS = 1.0 / since;
        double missedC = 0.0; // the line's worst miss of this march's gas
        bool predicted =
                hold.quietMarches >= 2 &&
                std::abs(air - (hold.airKgPerS + hold.airKgPerSPerS * since)) <=
                        kGasHoldSettledShare * air &&
                std::abs(gas.sensibleW - (hold.stackLossW + hold.stackLossWPerS * since)) <=
                        kGasHoldSettledShare * std::abs(gas.sensibleW);
        for (std::size_t zi = 0; zi < zoneCount; ++zi) {
            GasMarchHold::Zone& hz = hold.zones[zi];
            for (std::size_t k = 0; k < 4; ++k) {
                hz.heatToSolidsWPerS[k] = (received[zi][k] - hz.heatToSolidsW[k]) * perS;
                hz.heatToSolidsW[k] = received[zi][k];
            }
            for (std::size_t st = 0; st < 2; ++st) {
                const double tg = s.zones[zi].gas[st].temperatureC;
                missedC = std::max(missedC, std::abs(tg - (hz.gasC[st] + hz.gasCPerS[st] * since)));
                hz.gasCPerS[st] = (tg - hz.gasC[st]) * perS;
                hz.gasC[st] = tg;
            }
        }
        hold.stackLossWPerS = (gas.sensibleW - hold.stackLossW) * perS;
        hold.airKgPerSPerS = (air - hold.airKgPerS) * perS;
        hold.mouthAirKgPerSPerS = (mouthAir - hold.mouthAirKgPerS) * perS;
        hold.draftPaPerS = (draft - hold.draftPa) * perS;
        hold.quietMarches = 2;
        hold.holding = predicted && missedC <= kGasHoldPredictedC;
        hold.holdSeconds = missedC * kGasHoldS * kGasHoldS > kGasHoldDriftC * since * since
                                   ? since * std::sqrt(kGasHoldDriftC / missedC)
                                   : kGasHoldS;
    }
    hold.stackLossW = gas.sensibleW;
    hold.airKgPerS = air;
    hold.mouthAirKgPerS = mouthAir;
    hold.draftPa = draft;
    hold.inputs = in;
    hold.stepSeconds = dt;
    hold.marchSeconds = t;
}

void KilnModel::subStep(KilnState& s, const StepInputs& in, double dt) const {
    const KilnParams& p = mParams;
    const double ta = p.ambientTemperatureC;
    const int rows = p.rowCount;
    const std::size_t zoneCount = mZones.size();
    const std::size_t chimney = zoneCount - 1;

    // 1. Flame share of the lower positions relaxes towards its target; clearing drops the flame.
    {
        const double target = in.clearing ? p.lowerFlowShareClearing : p.lowerFlowShareNormal;
        const double tau = in.clearing ? p.clearingTimeConstantS : p.flameShareTimeConstantS;
        s.lowerFlowShare +=
                (target - s.lowerFlowShare) * (1.0 - std::exp(-dt / std::max(tau, 1.0)));
    }

    // Heat received by the solids this step, W: setting per position, wall inner face (crown or
    // the only wall), lower wall inner face.
    // Only this kiln's zones are cleared (of kMaxZones): 44 of 212 rows for the egg kiln.
    std::array<std::array<double, 4>, kMaxZones> received;
    std::fill_n(received.begin(), zoneCount, std::array<double, 4>{});
    // 2-5, the draft, the air, the fuel bed and the gas march; or, while nothing burns and the
    // inputs stay as they were, for up to kGasHoldS after a march, that march's heat flows, stack
    // loss, gas temperatures, air and draft carried on along the line through it and the quiet
    // march before (the solids, with hours of time constant, change smoothly meanwhile). The
    // ledger closes either way: every march's heat into the solids and up the chimney sum to
    // what the air brought in (nothing), and so does any sum a + b (x1 - x0) of two of them.
    GasMarchHold& hold = s.gasHold;
    const double since = s.timeSeconds - hold.marchSeconds;
    if (hold.holding && hold.stepSeconds == dt && since + 0.5 * dt < hold.holdSeconds &&
        hold.inputs == in && s.fuelBedKg == 0.0) {
        for (std::size_t zi = 0; zi < zoneCount; ++zi) {
            const GasMarchHold::Zone& hz = hold.zones[zi];
            for (std::size_t k = 0; k < 4; ++k) {
                received[zi][k] = hz.heatToSolidsW[k] + hz.heatToSolidsWPerS[k] * since;
            }
            for (std::size_t st = 0; st < 2; ++st) {
                s.zones[zi].gas[st].temperatureC = hz.gasC[st] + hz.gasCPerS[st] * since;
            }
        }
        s.energy.stackLossJ += (hold.stackLossW + hold.stackLossWPerS * since) * dt;
        s.airKgPerS = hold.airKgPerS + hold.airKgPerSPerS * since;
        s.mouthAirKgPerS = hold.mouthAirKgPerS + hold.mouthAirKgPerSPerS * since;
        s.draftPa = hold.draftPa + hold.draftPaPerS * since;
        s.heatReleaseW = 0.0;
    } else {
        marchGas(s, in, dt, received.data());
    }
    const double mouthArea = p.stokeMouthAreaM2 * in.stokeMouthOpen;
    const double spyArea = p.spyHoleAreaM2 * in.spyHolesOpen;

    // 6. Radiation between solids (explicit, conservative): setting <-> wall in each row and rear
    //    zone, upper <-> lower setting, and along the kiln between neighbouring rows' setting.
    const double eSetWall = 1.0 / (1.0 / p.settingEmissivity + 1.0 / p.wallEmissivity - 1.0);
    const double eSetSet = 1.0 / (2.0 / p.settingEmissivity - 1.0);
    for (std::size_t zi = 1; zi < chimney; ++zi) {
        const ZoneInfo& info = mZones[zi];
        ZoneState& z = s.zones[zi];
        if (info.settingHeatCapacityJPerK <= 0.0) {
            continue; // nothing set here (an empty flue): no solid to exchange with
        }
        const SolidConstants& areas = mSolidConstants[zi];
        if (!info.twoStreams) {
            // A rear zone: its fill and its wall.
            const double tw = z.wallTemperatureC[0];
            const double g = radiationConductance(z.settingTemperatureC[0], tw, eSetWall,
                                                  areas.settingWallAreaM2[0]);
            const double q = g * (z.settingTemperatureC[0] - tw);
            received[zi][0] -= q;
            received[zi][2] += q;
            continue;
        }
        // A row: both positions at once, each quantity of both in one Pair
        // (radiationConductancePair; lane by lane the scalar operations, so the same bits), each
        // received entry changed in the same order as position by position. Setting to wall:
        // the upper position faces the crown, the lower one the lower wall.
        const Pair ts = {z.settingTemperatureC[0], z.settingTemperatureC[1]};
        const Pair tw = {z.wallTemperatureC[0], z.lowerWallTemperatureC[0]};
        const Pair wallArea = {areas.settingWallAreaM2[0], areas.settingWallAreaM2[1]};
        const Pair gw = radiationConductancePair(ts, tw, eSetWall, wallArea);
        const Pair qw = gw * (ts - tw);
        Pair setting = {received[zi][0], received[zi][1]};
        setting -= qw;
        received[zi][2] += qw[0];
        received[zi][3] += qw[1];
        // Upper to lower position: with settingGapM, radiation down the gaps between the
        // columns, an effective conductivity 4 sigma eps T^3 x gap over the open share of the
        // section, across the distance between the two positions' centres (half the height);
        // else two faces seeing each other over the wall view share.
        const double g = radiationConductance(z.settingTemperatureC[0], z.settingTemperatureC[1],
                                              eSetSet, areas.settingGapAreaM2);
        const double q = g * (z.settingTemperatureC[0] - z.settingTemperatureC[1]);
        // x - q is x + (-q) exactly: the upper position loses q, the lower gains it.
        setting += Pair{-q, q};
        // Along the kiln, each position to the same position of the next row.
        if (zi + 1 < static_cast<std::size_t>(1 + rows)) {
            const ZoneState& next = s.zones[zi + 1];
            const double a = areas.alongKilnAreaM2;
            const Pair tn = {next.settingTemperatureC[0], next.settingTemperatureC[1]};
            const Pair ga = radiationConductancePair(ts, tn, eSetSet, Pair{a, a});
            const Pair qa = ga * (ts - tn);
            setting -= qa;
            received[zi + 1][0] += qa[0];
            received[zi + 1][1] += qa[1];
        }
        received[zi][0] = setting[0];
        received[zi][1] = setting[1];
    }
    // Radiation out of the open stoke mouth (from the firebox wall) and spy holes (front setting).
    {
        const double tf = s.zones[0].wallTemperatureC[0] + kKelvin;
        const double taK = ta + kKelvin;
        const double qMouth = kSigma * mouthArea * (tf * tf * tf * tf - taK * taK * taK * taK);
        received[0][2] -= qMouth;
        const std::size_t spyZone = static_cast<std::size_t>(1 + std::max(in.sideFeedRow, 0));
        const double tsp = s.zones[spyZone].settingTemperatureC[kUpper] + kKelvin;
        const double qSpy = kSigma * spyArea * (tsp * tsp * tsp * tsp - taK * taK * taK * taK);
        received[spyZone][kUpper] -= qSpy;
        s.energy.openingLossJ += (qMouth + qSpy) * dt;
    }

    // 7. Solids: setting, walls (explicit 1D conduction, outer film to ambient); the ware in 8.
    std::array<double, kMaxWallNodes> dtPerKilnWallCapacity{};
    std::array<double, kMaxWallNodes> dtPerChimneyWallCapacity{};
    for (std::size_t k = 0; k < mKilnWallInverseCapacity.size(); ++k) {
        dtPerKilnWallCapacity[k] = dt * mKilnWallInverseCapacity[k];
    }
    for (std::size_t k = 0; k < mChimneyWallInverseCapacity.size(); ++k) {
        dtPerChimneyWallCapacity[k] = dt * mChimneyWallInverseCapacity[k];
    }
    // The wall loss is summed in a local (the same additions in the same order): kept in a
    // register rather than stored to the state after every wall.
    double wallLossJ = s.energy.wallLossJ;
    // The placements' temperatures before this step, for their ware (8. below).
    std::array<double, kMaxPlacements> previousC;
    for (std::size_t zi = 0; zi < zoneCount; ++zi) {
        const ZoneInfo& info = mZones[zi];
        ZoneState& z = s.zones[zi];
        const SolidConstants& inv = mSolidConstants[zi];
        if (info.settingHeatCapacityJPerK > 0.0) {
            const double dtPerSettingCapacity = dt * inv.settingPerJPerK;
            const int positions = info.twoStreams ? 2 : 1;
            for (int st = 0; st < positions; ++st) {
                const auto sti = static_cast<std::size_t>(st);
                if (info.kind == ZoneKind::Row) {
                    previousC[static_cast<std::size_t>(info.row * 2 + st)] =
                            z.settingTemperatureC[sti];
                }
                z.settingTemperatureC[sti] += received[zi][sti] * dtPerSettingCapacity;
            }
            if (!info.twoStreams) {
                z.settingTemperatureC[1] = z.settingTemperatureC[0];
            }
        }
        const bool chimneyWall = info.kind == ZoneKind::Chimney;
        const std::array<double, kMaxWallNodes>& dtPerCap =
                chimneyWall ? dtPerChimneyWallCapacity : dtPerKilnWallCapacity;
        const std::vector<double>& cond =
                chimneyWall ? mChimneyWallConductance : mKilnWallConductance;
        const auto last = static_cast<std::size_t>(info.wallNodes - 1);
        // Heat flux out of a wall's outer face, W/m2, for one wall (double) or a row's two
        // (Pair, lane by lane the same operations): conduction from the outer node's centre
        // through half the node, then natural convection and radiation to the air, in series,
        // 1 / (1 / cond + 1 / hOut) with one division.
        const auto outerFaceFlux = [&](auto tOut) {
            const auto hOut =
                    p.outsideConvectionWPerM2K + kSigma * p.outsideEmissivity *
                                                         ((tOut + kKelvin) * (tOut + kKelvin) +
                                                          (ta + kKelvin) * (ta + kKelvin)) *
                                                         (tOut + kKelvin + ta + kKelvin);
            const auto uOut = cond[last] * hOut / (hOut + cond[last]);
            return uOut * (tOut - ta);
        };
        if (inv.wallAreaM2[0] > 0.0 && inv.wallAreaM2[1] > 0.0) {
            // A row's crown and lower wall together (conductWallPair): the loop below, lane by
            // lane, and the wall loss summed in its order (crown, then lower wall).
            const Pair qOut =
                    outerFaceFlux(Pair{z.wallTemperatureC[last], z.lowerWallTemperatureC[last]});
            wallLossJ += qOut[0] * inv.wallAreaM2[0] * dt;
            wallLossJ += qOut[1] * inv.wallAreaM2[1] * dt;
            const Pair inW = {received[zi][2] * inv.wallAreaPerM2[0],
                              received[zi][3] * inv.wallAreaPerM2[1]};
            kConductWallPair[last](z.wallTemperatureC, z.lowerWallTemperatureC, cond.data(),
                                   dtPerCap.data(), inW, qOut);
            continue;
        }
        for (std::size_t w = 0; w < 2; ++w) {
            const double areaM2 = inv.wallAreaM2[w];
            if (areaM2 <= 0.0) {
                continue;
            }
            std::array<double, kMaxWallNodes>& tw =
                    w == 0 ? z.wallTemperatureC : z.lowerWallTemperatureC;
            const double qOut = outerFaceFlux(tw[last]);
            wallLossJ += qOut * areaM2 * dt;
            const double inW = received[zi][w == 0 ? 2 : 3] * inv.wallAreaPerM2[w];
            kConductWall[last](tw, cond.data(), dtPerCap.data(), inW, qOut);
        }
    }
    s.energy.wallLossJ = wallLossJ;

    // 8. The ware of each placement (ware_update.h), at its setting's temperature (rows are
    //    zones 1 .. rows, placement row * 2 + position). The heatwork rates of all placements
    //    first, in a loop with nothing else in it: its calls to exp then keep few values live
    //    (inside the ware update each call spilled and reloaded about twenty). The same rates,
    //    so the same bits.
    const auto rowCount = static_cast<std::size_t>(rows);
    std::array<double, kMaxPlacements> heatworkRate;
    for (std::size_t r = 0; r < rowCount; ++r) {
        const ZoneState& z = s.zones[1 + r];
        for (std::size_t st = 0; st < 2; ++st) {
            heatworkRate[r * 2 + st] = mHeatwork.rate(
                    wareMeanTemperatureC(z.settingTemperatureC[st], previousC[r * 2 + st]));
        }
    }
    // updateWare's filter weight, the same for every placement (dt > 0: step() checks it).
    const double wareWeight = wareRateWeight(dt);
    for (std::size_t r = 0; r < rowCount; ++r) {
        const ZoneState& z = s.zones[1 + r];
        for (std::size_t st = 0; st < 2; ++st) {
            const std::size_t i = r * 2 + st;
            updateWareStepAtRate(s.placements[i], mHeatwork, mWareLimits, z.settingTemperatureC[st],
                                 previousC[i], z.gas[st].reductionRatio, dt, wareWeight,
                                 heatworkRate[i]);
        }
    }
    s.timeSeconds += dt;
}

double KilnModel::placementTemperatureC(const KilnState& state, int row, Position position) const {
    KILN_ASSERT(row >= 0 && row < mParams.rowCount, "KilnModel: row out of range");
    return state.zones[static_cast<std::size_t>(1 + row)]
            .settingTemperatureC[static_cast<std::size_t>(position)];
}

const GasState& KilnModel::placementGas(const KilnState& state, int row, Position position) const {
    KILN_ASSERT(row >= 0 && row < mParams.rowCount, "KilnModel: row out of range");
    return state.zones[static_cast<std::size_t>(1 + row)].gas[static_cast<std::size_t>(position)];
}

WareOutcome KilnModel::placementOutcome(const KilnState& state, int index) const {
    KILN_ASSERT(index >= 0 && index < placementCount(), "KilnModel: placement out of range");
    const auto i = static_cast<std::size_t>(index);
    return evaluateWare(state.placements[i], mPlan[i], mHeatwork, mWareLimits);
}

TestPiece KilnModel::pullTestPiece(const KilnState& state, int row, Position position) const {
    TestPiece piece;
    piece.row = std::clamp(row, 0, mParams.rowCount - 1);
    piece.position = position;
    piece.temperatureC = placementTemperatureC(state, piece.row, position);
    piece.atmosphere = placementGas(state, piece.row, position).atmosphere;
    piece.outcome = placementOutcome(state, piece.row * 2 + position);
    return piece;
}

const char* atmosphereName(Atmosphere atmosphere) {
    switch (atmosphere) {
        case Atmosphere::Oxidizing:
            return "oxidizing";
        case Atmosphere::Neutral:
            return "neutral";
        case Atmosphere::Reducing:
            return "reducing";
    }
    return "?";
}

} // namespace kiln::sim
