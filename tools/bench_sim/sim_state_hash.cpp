// sim_state_hash: the bit-for-bit check of a speed-up of the firing simulation. For each schedule
// it hashes (FNV-1a) every double, flag and enum of the state after the warm start and after every
// step of the firing, so two builds that print the same line computed the same bits throughout
// (the firesim CSV rounds to 1-3 decimals). Does NOT judge the physics; see docs/simulation.md 4.
#include "kiln/core/data_paths.h"
#include "kiln/sim/firing_data.h"
#include "kiln/sim/firing_run.h"

#include <cstdint>
#include <cstdio>
#include <vector>

namespace {

using namespace kiln;
using namespace kiln::sim;

class StateHash {
public:
    void bytes(const void* data, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            mHash ^= p[i];
            mHash *= 1099511628211ull;
        }
    }
    void value(double v) { bytes(&v, sizeof v); }
    void value(int v) { bytes(&v, sizeof v); }
    void value(bool v) { bytes(&v, sizeof v); }

    void gas(const GasState& g) {
        for (double v : {g.temperatureC, g.massFlowKgPerS, g.o2, g.co, g.co2, g.h2o, g.n2,
                         g.unburnt, g.excessO2, g.reductionRatio}) {
            value(v);
        }
        value(static_cast<int>(g.atmosphere));
    }
    void state(const KilnState& s) {
        value(s.timeSeconds);
        for (const ZoneState& z : s.zones) {
            gas(z.gas[kUpper]);
            gas(z.gas[kLower]);
            for (double v : z.settingTemperatureC) {
                value(v);
            }
            for (double v : z.wallTemperatureC) {
                value(v);
            }
            for (double v : z.lowerWallTemperatureC) {
                value(v);
            }
        }
        for (const WareState& w : s.placements) {
            for (double v : {w.heatwork, w.peakTemperatureC, w.heatingRateCPerHour,
                             w.maxWaterSmokingRateCPerHour, w.maxQuartzCoolingRateCPerHour,
                             w.dehydroxylatedFraction, w.vitrifiedFraction, w.linearShrinkage,
                             w.ironReducedFraction}) {
                value(v);
            }
            value(w.glazeSealed);
        }
        const EnergyLedger& e = s.energy;
        for (double v :
             {s.fuelBedKg, s.charBedKg, s.fuelFedKg, s.fuelBurntKg, s.airKgPerS, s.mouthAirKgPerS,
              s.draftPa, s.lowerFlowShare, s.heatReleaseW, e.fuelEnergyInJ, e.wallLossJ,
              e.stackLossJ, e.unburntLossJ, e.openingLossJ, e.initialStoredJ}) {
            value(v);
        }
    }
    std::uint64_t hash() const { return mHash; }

private:
    std::uint64_t mHash = 1469598103934665603ull;
};

// Hashes one schedule's warm start and firing; false (with a message) if it cannot be loaded.
bool hashSchedule(const char* path) {
    core::Result<FiringSchedule> schedule = loadSchedule(core::dataPath(path));
    if (!schedule.ok()) {
        std::fprintf(stderr, "sim_state_hash: %s\n", schedule.error().message.c_str());
        return false;
    }
    core::Result<KilnParams> params = loadKilnParams(core::dataPath(schedule->kilnFile));
    core::Result<HeatworkModel> heatwork =
            loadHeatwork(core::dataPath("assets/firings/orton_heatwork.json"));
    if (!params.ok() || !heatwork.ok()) {
        std::fprintf(stderr, "sim_state_hash: %s: cannot load its kiln or the heatwork\n", path);
        return false;
    }
    std::vector<WareSpec> plan;
    if (!schedule->planFile.empty()) {
        core::Result<std::vector<WareSpec>> p =
                loadLoadingPlan(core::dataPath(schedule->planFile), params->rowCount);
        if (!p.ok()) {
            std::fprintf(stderr, "sim_state_hash: %s\n", p.error().message.c_str());
            return false;
        }
        plan = std::move(p.value());
    }
    core::Result<KilnModel> model = KilnModel::create(params.value(), heatwork.value(), plan);
    if (!model.ok()) {
        std::fprintf(stderr, "sim_state_hash: %s\n", model.error().message.c_str());
        return false;
    }
    const KilnState lit = warmStartState(model.value(), schedule.value());
    StateHash warm;
    warm.state(lit);
    FiringRun run(model.value(), schedule.value(), {}, lit);
    StateHash steps;
    long count = 0;
    while (!run.finished()) {
        run.advance();
        steps.state(run.state());
        ++count;
    }
    StateHash last;
    last.state(run.state());
    std::printf("%s warm=%016llx steps=%ld every_step=%016llx final=%016llx\n", path,
                static_cast<unsigned long long>(warm.hash()), count,
                static_cast<unsigned long long>(steps.hash()),
                static_cast<unsigned long long>(last.hash()));
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: sim_state_hash SCHEDULE.json... (paths from the data root)\n");
        return 1;
    }
    bool ok = true;
    for (int i = 1; i < argc; ++i) {
        ok = hashSchedule(argv[i]) && ok;
    }
    return ok ? 0 : 1;
}
