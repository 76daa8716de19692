// Helpers shared by the simulation tests: where the reference files are, and loading the project's
// firing data (assets/firings) into a ready model. Not a test itself.
#pragma once

#include "kiln/core/data_paths.h"
#include "kiln/core/file_io.h"
#include "kiln/sim/firing_data.h"
#include "kiln/sim/firing_run.h"
#include "kiln/sim/kiln_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace kiln::sim::test {

// The shared reference folder from KILN_SHARED_DIR, or nullopt (callers skip, or fail in CI).
inline std::optional<std::filesystem::path> referenceDir() {
    const char* dir = std::getenv("KILN_SHARED_DIR");
    if (dir == nullptr || *dir == '\0') {
        return std::nullopt;
    }
    const std::filesystem::path p = std::filesystem::path(dir) / "reference";
    if (!std::filesystem::exists(p)) {
        return std::nullopt;
    }
    return p;
}

inline bool inCi() {
    const char* ci = std::getenv("CI");
    return ci != nullptr && std::string(ci) == "true";
}

// The project's gas data (assets/firings/gas_thermo.json), loaded once; a load failure fails the
// test that asked.
inline const GasThermo& shippedGasThermo() {
    static const GasThermo t = [] {
        core::Result<GasThermo> r = loadGasThermo(core::dataPath("assets/firings/gas_thermo.json"));
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r.value() : GasThermo{};
    }();
    return t;
}

// Use at the top of a test that needs the reference files.
#define KILN_REQUIRE_REFERENCE(dirVar)                                                             \
    const auto dirVar##Opt = ::kiln::sim::test::referenceDir();                                    \
    if (!dirVar##Opt) {                                                                            \
        if (::kiln::sim::test::inCi()) {                                                           \
            FAIL() << "KILN_SHARED_DIR/reference is required in CI";                               \
        }                                                                                          \
        GTEST_SKIP() << "KILN_SHARED_DIR not set: reference files unavailable";                    \
    }                                                                                              \
    const std::filesystem::path dirVar = *dirVar##Opt

inline HeatworkModel loadHeatworkOrDie() {
    core::Result<HeatworkModel> hw =
            loadHeatwork(core::dataPath("assets/firings/orton_heatwork.json"));
    KILN_ASSERT(hw.ok(), "test: orton_heatwork.json must load");
    return hw.value();
}

struct LoadedFiring {
    FiringSchedule schedule;
    KilnModel model;
};

// Loads a schedule with its kiln and loading plan from assets/firings.
inline core::Result<LoadedFiring> loadFiring(const std::string& scheduleFile) {
    core::Result<FiringSchedule> s = loadSchedule(core::dataPath("assets/firings/" + scheduleFile));
    if (!s.ok()) {
        return s.error();
    }
    core::Result<KilnParams> p = loadKilnParams(core::dataPath(s->kilnFile));
    if (!p.ok()) {
        return p.error();
    }
    std::vector<WareSpec> plan;
    if (!s->planFile.empty()) {
        core::Result<std::vector<WareSpec>> pl =
                loadLoadingPlan(core::dataPath(s->planFile), p->rowCount);
        if (!pl.ok()) {
            return pl.error();
        }
        plan = std::move(pl.value());
    }
    core::Result<KilnModel> m = KilnModel::create(p.value(), loadHeatworkOrDie(), plan);
    if (!m.ok()) {
        return m.error();
    }
    return LoadedFiring{s.value(), std::move(m.value())};
}

// Mean setting temperature over rows [first, last] (0-based), both positions.
inline double meanSettingC(const KilnModel& m, const KilnState& s, int first, int last) {
    double sum = 0.0;
    int n = 0;
    for (int r = first; r <= last; ++r) {
        sum += m.placementTemperatureC(s, r, kUpper) + m.placementTemperatureC(s, r, kLower);
        n += 2;
    }
    return sum / n;
}

// What the validation looks at in one firing.
struct FiringRecord {
    double frontPeakC = 0.0; // mean of the front tenth of the rows, highest value
    double frontPeakHours = 0.0;
    double frontAtStopC = 0.0;
    double middleAtStopC = 0.0; // rows in the middle tenth
    double rearAtStopC = 0.0;   // the last tenth of the rows
    // At the stop: mean |upper - lower| over all rows, and hottest minus coolest placement.
    double verticalSpreadAtStopC = 0.0;
    double settingRangeAtStopC = 0.0;
    // At the stop: the row whose setting (mean of both positions) is hottest, and its temperature.
    int hottestRowAtStop = -1;
    double hottestRowAtStopC = 0.0;
    // Mean air drawn in the last stage before the stop (from the last phase that starts after the
    // second clearing's end up to the stop), kg/s: what "stoking at air ratio x" is measured on.
    double lastStageAirKgPerS = 0.0;
    double settingMeanAtEndC = 0.0;
    double frontAtEndC = 0.0;
    double woodBurntKg = 0.0;
    double energyResidualFraction = 0.0;
    // The stage between the two clearings (the front passes 900-1150 C), sampled every step:
    // share of the time the gas around the front (first tenth of the rows) and the middle tenth
    // is reducing or oxidizing, and its mean CO mole fraction. Zero without clearings.
    double highFireReducingFront = 0.0;
    double highFireReducingMiddle = 0.0;
    double highFireOxidizingFront = 0.0;
    double highFireOxidizingMiddle = 0.0;
    double highFireCoFront = 0.0;
    double highFireCoMiddle = 0.0;
    int outcomes[5] = {0, 0, 0, 0, 0}; // by WareOutcomeKind
    KilnState finalState;
};

inline FiringRecord runFiring(const KilnModel& m, const FiringSchedule& schedule,
                              std::vector<PlayerCommand> commands = {}) {
    FiringRun run(m, schedule, std::move(commands));
    FiringRecord rec;
    const int rows = m.rowCount();
    const int tenth = std::max(1, rows / 10);
    const int middleFirst = rows / 2 - tenth / 2;
    int highFireSamples = 0;
    double stageStart = 1e9;
    double stageEnd = -1.0;
    for (std::size_t i = 0; i + 2 < schedule.phases.size(); ++i) {
        if (schedule.phases[i].clearing && !schedule.phases[i + 1].clearing) {
            stageStart = schedule.phases[i + 1].startHours;
            stageEnd = schedule.phases[i + 2].startHours;
            break;
        }
    }
    auto atmosphere = [&](int first, double& reducing, double& oxidizing, double& co) {
        for (int r = first; r < first + tenth; ++r) {
            for (Position p : {kUpper, kLower}) {
                const GasState& g = m.placementGas(run.state(), r, p);
                reducing += g.atmosphere == Atmosphere::Reducing ? 1.0 : 0.0;
                oxidizing += g.atmosphere == Atmosphere::Oxidizing ? 1.0 : 0.0;
                co += g.co;
            }
        }
    };
    // The last stage before the stop: the phase running at the stop.
    double lastStageStart = 0.0;
    for (const SchedulePhase& p : schedule.phases) {
        if (p.startHours < schedule.stopHours) {
            lastStageStart = p.startHours;
        }
    }
    int lastStageSamples = 0;
    while (!run.finished()) {
        run.advance();
        if (run.timeHours() > stageStart && run.timeHours() <= stageEnd) {
            atmosphere(0, rec.highFireReducingFront, rec.highFireOxidizingFront,
                       rec.highFireCoFront);
            atmosphere(middleFirst, rec.highFireReducingMiddle, rec.highFireOxidizingMiddle,
                       rec.highFireCoMiddle);
            highFireSamples += 2 * tenth;
        }
        const double front = meanSettingC(m, run.state(), 0, tenth - 1);
        if (front > rec.frontPeakC) {
            rec.frontPeakC = front;
            rec.frontPeakHours = run.timeHours();
        }
        if (std::abs(run.timeHours() - schedule.stopHours) < 0.5 * schedule.stepSeconds / 3600.0) {
            rec.frontAtStopC = front;
            rec.middleAtStopC = meanSettingC(m, run.state(), middleFirst, middleFirst + tenth - 1);
            rec.rearAtStopC = meanSettingC(m, run.state(), rows - tenth, rows - 1);
            double lo = 1e9;
            double hi = -1e9;
            for (int r = 0; r < rows; ++r) {
                const double u = m.placementTemperatureC(run.state(), r, kUpper);
                const double l = m.placementTemperatureC(run.state(), r, kLower);
                rec.verticalSpreadAtStopC += std::abs(u - l) / rows;
                lo = std::min({lo, u, l});
                hi = std::max({hi, u, l});
            }
            rec.settingRangeAtStopC = hi - lo;
            for (int r = 0; r < rows; ++r) {
                const double t = meanSettingC(m, run.state(), r, r);
                if (rec.hottestRowAtStop < 0 || t > rec.hottestRowAtStopC) {
                    rec.hottestRowAtStop = r;
                    rec.hottestRowAtStopC = t;
                }
            }
        }
        if (run.timeHours() > lastStageStart && run.timeHours() <= schedule.stopHours) {
            rec.lastStageAirKgPerS += run.state().airKgPerS;
            ++lastStageSamples;
        }
    }
    if (lastStageSamples > 0) {
        rec.lastStageAirKgPerS /= lastStageSamples;
    }
    if (highFireSamples > 0) {
        for (double* v :
             {&rec.highFireReducingFront, &rec.highFireReducingMiddle, &rec.highFireOxidizingFront,
              &rec.highFireOxidizingMiddle, &rec.highFireCoFront, &rec.highFireCoMiddle}) {
            *v /= highFireSamples;
        }
    }
    const KilnState& s = run.state();
    rec.settingMeanAtEndC = meanSettingC(m, s, 0, rows - 1);
    rec.frontAtEndC = meanSettingC(m, s, 0, tenth - 1);
    rec.woodBurntKg = s.fuelBurntKg;
    const EnergyLedger& e = s.energy;
    const double stored = m.storedEnergyJ(s) - e.initialStoredJ;
    rec.energyResidualFraction = (e.fuelEnergyInJ - stored - e.wallLossJ - e.stackLossJ -
                                  e.unburntLossJ - e.openingLossJ) /
                                 e.fuelEnergyInJ;
    for (int i = 0; i < m.placementCount(); ++i) {
        rec.outcomes[static_cast<int>(m.placementOutcome(s, i).kind)]++;
    }
    rec.finalState = s;
    return rec;
}

} // namespace kiln::sim::test
