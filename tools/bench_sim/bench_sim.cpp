// Benchmarks of the firing simulation: a whole egg-kiln firing (23 h firing + 24 h cooling at the
// schedule's 60 s step) and one step of a hot kiln, against the figures in the brief (<= 50 ms
// and <= 0.1 ms). Results go to docs/simulation.md with the machine and command.
#include "kiln/core/data_paths.h"
#include "kiln/sim/blackbody.h"
#include "kiln/sim/firing_data.h"
#include "kiln/sim/firing_run.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <optional>

namespace {

using namespace kiln;
using namespace kiln::sim;

struct Firing {
    FiringSchedule schedule;
    std::optional<KilnModel> model;
};

const Firing& eggFiring() {
    static const Firing firing = [] {
        Firing f;
        auto s = loadSchedule(core::dataPath("assets/firings/egg_kiln_traditional.json"));
        auto p = loadKilnParams(core::dataPath("assets/firings/egg_kiln.json"));
        auto plan =
                loadLoadingPlan(core::dataPath("assets/firings/egg_kiln_loading_plan.json"), 40);
        auto hw = loadHeatwork(core::dataPath("assets/firings/orton_heatwork.json"));
        if (!s.ok() || !p.ok() || !plan.ok() || !hw.ok()) {
            std::fprintf(stderr, "bench_sim: cannot load assets/firings (set KILNFIRE_DATA_DIR)\n");
            std::abort();
        }
        f.schedule = s.value();
        auto m = KilnModel::create(p.value(), hw.value(), plan.value());
        if (!m.ok()) {
            std::abort();
        }
        f.model.emplace(std::move(m.value()));
        return f;
    }();
    return firing;
}

void BM_WholeEggFiring(benchmark::State& state) {
    const Firing& f = eggFiring();
    // The kiln as lit (warm from its previous firing) is computed once, as an app that restarts
    // a firing would keep it; BM_WarmStart measures that preparation.
    const KilnState lit = warmStartState(*f.model, f.schedule);
    for (auto _ : state) {
        FiringRun run(*f.model, f.schedule, {}, lit);
        run.runToEnd();
        benchmark::DoNotOptimize(run.state().zones[1].settingTemperatureC[0]);
    }
    state.counters["simulated_h"] = f.schedule.endHours;
    state.counters["steps"] = f.schedule.endHours * 3600.0 / f.schedule.stepSeconds;
}
BENCHMARK(BM_WholeEggFiring)->Unit(benchmark::kMillisecond);

void BM_WarmStart(benchmark::State& state) {
    // The previous firing, 24 h of cooling and the turnaround with the door open.
    const Firing& f = eggFiring();
    for (auto _ : state) {
        const KilnState lit = warmStartState(*f.model, f.schedule);
        benchmark::DoNotOptimize(lit.zones[1].wallTemperatureC[0]);
    }
}
BENCHMARK(BM_WarmStart)->Unit(benchmark::kMillisecond);

void BM_OneStepHotKiln(benchmark::State& state) {
    const Firing& f = eggFiring();
    FiringRun run(*f.model, f.schedule);
    while (run.timeHours() < 20.0) {
        run.advance();
    }
    const KilnState hot = run.state();
    const StepInputs in = run.lastInputs();
    KilnState s = hot;
    int n = 0;
    for (auto _ : state) {
        f.model->step(s, in, 60.0);
        if (++n == 600) { // stay near the hot state
            state.PauseTiming();
            s = hot;
            n = 0;
            state.ResumeTiming();
        }
        benchmark::DoNotOptimize(s.zones[1].settingTemperatureC[0]);
    }
}
BENCHMARK(BM_OneStepHotKiln)->Unit(benchmark::kMicrosecond);

void BM_BlackbodyGlow(benchmark::State& state) {
    double t = 600.0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(blackbodyGlow(t));
        t = t > 1400.0 ? 600.0 : t + 1.0;
    }
}
BENCHMARK(BM_BlackbodyGlow)->Unit(benchmark::kMicrosecond);

void BM_GlowTableLookup(benchmark::State& state) {
    const GlowTable table;
    double t = 600.0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(table.at(t));
        t = t > 1400.0 ? 600.0 : t + 1.7;
    }
}
BENCHMARK(BM_GlowTableLookup)->Unit(benchmark::kNanosecond);

} // namespace

BENCHMARK_MAIN();
