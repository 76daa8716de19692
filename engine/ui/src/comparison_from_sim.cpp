// The comparison's firings: load, run, sample. Reads the sim; changes nothing in it.
#include "kiln/ui/comparison_from_sim.h"

#include "kiln/core/assert.h"
#include "kiln/core/data_paths.h"
#include "kiln/core/log.h"
#include "kiln/sim/firing_data.h"
#include "kiln/sim/firing_run.h"

#include <algorithm>

namespace kiln::ui {

namespace {

double meanRowsC(const sim::KilnModel& model, const sim::KilnState& state, int first, int last) {
    double sum = 0.0;
    int n = 0;
    for (int r = first; r < last; ++r) {
        sum += model.placementTemperatureC(state, r, sim::kUpper) +
               model.placementTemperatureC(state, r, sim::kLower);
        n += 2;
    }
    return n > 0 ? sum / n : model.params().ambientTemperatureC;
}

struct FrontRear {
    double frontC = 0.0;
    double rearC = 0.0;
};

FrontRear frontRear(const sim::KilnModel& model, const sim::KilnState& state) {
    const int rows = model.rowCount();
    const int tenth = std::max(1, rows / 10);
    return {meanRowsC(model, state, 0, std::min(tenth, rows)),
            meanRowsC(model, state, std::max(0, rows - tenth), rows)};
}

double hottestPlacementC(const sim::KilnModel& model, const sim::KilnState& state) {
    double hottest = 0.0;
    for (int r = 0; r < model.rowCount(); ++r) {
        hottest = std::max({hottest, model.placementTemperatureC(state, r, sim::kUpper),
                            model.placementTemperatureC(state, r, sim::kLower)});
    }
    return hottest;
}

} // namespace

ComparisonRun runComparisonFiring(std::string kilnId, const sim::KilnModel& model,
                                  const sim::FiringSchedule& schedule, double sampleEveryHours) {
    KILN_ASSERT(sampleEveryHours > 0.0, "ui::runComparisonFiring: sampleEveryHours must be > 0");
    ComparisonRun out;
    out.kilnId = std::move(kilnId);
    out.stopHours = schedule.stopHours;
    sim::FiringRun run(model, schedule);
    double nextSample = 0.0;
    bool stopSeen = false;
    auto sample = [&] {
        const FrontRear fr = frontRear(model, run.state());
        out.hours.push_back(static_cast<float>(run.timeHours()));
        out.frontC.push_back(static_cast<float>(fr.frontC));
        out.rearC.push_back(static_cast<float>(fr.rearC));
    };
    auto track = [&] {
        const FrontRear fr = frontRear(model, run.state());
        out.frontPeakC = std::max(out.frontPeakC, fr.frontC);
        out.rearPeakC = std::max(out.rearPeakC, fr.rearC);
    };
    sample();
    nextSample += sampleEveryHours;
    while (!run.finished()) {
        run.advance();
        const double t = run.timeHours();
        out.peakSettingC = std::max(out.peakSettingC, hottestPlacementC(model, run.state()));
        track();
        if (!stopSeen && t >= schedule.stopHours - 1e-9) {
            // The high fire: the last moment of stoking.
            const FrontRear fr = frontRear(model, run.state());
            out.frontAtStopC = fr.frontC;
            out.rearAtStopC = fr.rearC;
            stopSeen = true;
        }
        if (t >= nextSample - 1e-9 || run.finished()) {
            sample();
            nextSample += sampleEveryHours;
        }
    }
    out.endHours = run.timeHours();
    out.woodBurntKg = run.state().fuelBurntKg;
    out.ok = true;
    return out;
}

std::vector<ComparisonRun> runComparisonFirings(const content::ComparisonContent& comparison,
                                                double sampleEveryHours) {
    std::vector<ComparisonRun> runs;
    core::Result<sim::HeatworkModel> heatwork =
            sim::loadHeatwork(core::dataPath("assets/firings/orton_heatwork.json"));
    for (const content::ComparisonKiln& kiln : comparison.kilns) {
        ComparisonRun failed;
        failed.kilnId = kiln.id;
        auto fail = [&](const std::string& message) {
            failed.error = message;
            core::logWarning("ui", "comparison: kiln '" + kiln.id + "' not simulated: " + message);
            runs.push_back(failed);
        };
        if (!heatwork.ok()) {
            fail(heatwork.error().message);
            continue;
        }
        core::Result<sim::FiringSchedule> schedule = sim::loadSchedule(core::dataPath(kiln.firing));
        if (!schedule.ok()) {
            fail(schedule.error().message);
            continue;
        }
        core::Result<sim::KilnParams> params =
                sim::loadKilnParams(core::dataPath(schedule->kilnFile));
        if (!params.ok()) {
            fail(params.error().message);
            continue;
        }
        std::vector<sim::WareSpec> plan;
        if (!schedule->planFile.empty()) {
            core::Result<std::vector<sim::WareSpec>> p =
                    sim::loadLoadingPlan(core::dataPath(schedule->planFile), params->rowCount);
            if (!p.ok()) {
                fail(p.error().message);
                continue;
            }
            plan = std::move(p.value());
        }
        core::Result<sim::KilnModel> model =
                sim::KilnModel::create(params.value(), heatwork.value(), plan);
        if (!model.ok()) {
            fail(model.error().message);
            continue;
        }
        runs.push_back(
                runComparisonFiring(kiln.id, model.value(), schedule.value(), sampleEveryHours));
    }
    return runs;
}

} // namespace kiln::ui
