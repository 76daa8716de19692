// firesim: the firing simulation headless, for classrooms and checks. Runs a schedule file (with
// optional player commands) and writes a CSV, or heats a small test kiln at a constant rate and
// prints the Orton cones as they go down. See --help.
#include "kiln/core/data_paths.h"
#include "kiln/core/file_io.h"
#include "kiln/sim/blackbody.h"
#include "kiln/sim/firing_data.h"
#include "kiln/sim/firing_run.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using namespace kiln;
using namespace kiln::sim;

constexpr const char* kHelp =
        "firesim - Kilnfire firing simulation, headless\n"
        "\n"
        "  firesim --schedule FILE --csv OUT.csv [--commands FILE] [--every MINUTES] [--wares]\n"
        "      Runs a firing schedule (assets/firings/*.json, with its kiln and loading plan)\n"
        "      and writes one CSV row every MINUTES (default 10): time, feed, wood burnt, air,\n"
        "      draft, every zone's gas temperature and atmosphere (O2, CO), every placement's\n"
        "      temperature, heatwork and cone equivalent. Prints a short summary: temperatures\n"
        "      at the stop, wood burnt, energy balance and the outcome of the wares.\n"
        "      --commands FILE: player commands (JSON list of {atHours, command, amount};\n"
        "      commands: stoke kg, feedRate kg/h, mouth 0-1, damper 0-1, spyHoles n,\n"
        "      clearing 0/1, auto). --wares: list every placement's outcome at the end.\n"
        "\n"
        "  firesim --ramp RATE_C_PER_H --to TEMP_C --csv OUT.csv\n"
        "      Heats a small test kiln from 20 C at a constant rate, as a cone-calibration\n"
        "      firing does, and prints one line per cone of the pack as it bends:\n"
        "      'cone <number>: <temperature> C' (Orton numbering: cone 06 and cone 6 differ).\n"
        "\n"
        "  firesim --fit-orton HEATWORK_JSON\n"
        "      Refits the heatwork activation energies at the knots of a heatwork file\n"
        "      (assets/firings/orton_heatwork.json) to its cones 012-14 at 15 and 150 C/h\n"
        "      and prints the energies and the residuals of all three columns.\n"
        "\n"
        "  Relative data paths are looked up from the current folder, then from the data\n"
        "  root (KILNFIRE_DATA_DIR). Exit status 0 on success, 1 on bad input.\n";

std::filesystem::path resolve(const std::string& p) {
    std::filesystem::path path(p);
    if (path.is_absolute() || std::filesystem::exists(path)) {
        return path;
    }
    return core::dataPath(p);
}

int fail(const std::string& message) {
    std::fprintf(stderr, "firesim: error: %s\n", message.c_str());
    return 1;
}

core::Result<HeatworkModel> defaultHeatwork() {
    return loadHeatwork(core::dataPath("assets/firings/orton_heatwork.json"));
}

std::string fmt(double v, int decimals) {
    char b[64];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    return b;
}

int runRamp(double rateCPerHour, double toC, const std::string& csvPath) {
    if (!(rateCPerHour > 0.0) || !(rateCPerHour <= 2000.0)) {
        return fail("--ramp: rate must be in (0, 2000] C/h");
    }
    if (!(toC > 20.0) || toC > 2000.0) {
        return fail("--to: target must be in (20, 2000] C");
    }
    core::Result<HeatworkModel> hw = defaultHeatwork();
    if (!hw.ok()) {
        return fail(hw.error().message);
    }
    // The test kiln follows its controller exactly: a small electric kiln with the cone pack at
    // the thermocouple. Heatwork is integrated in 10 s steps (trapezoid).
    const double dt = 10.0;
    std::string csv = "time_h,temperature_C,heatwork_ref_s,cone_index,cone\n";
    double t = 20.0;
    double heatwork = 0.0;
    double seconds = 0.0;
    std::size_t next = 0;
    const auto& thresholds = hw->thresholds();
    while (t < toC) {
        const double t1 = std::min(toC, t + rateCPerHour * dt / 3600.0);
        const double h = (t1 - t) * 3600.0 / rateCPerHour;
        const double inc = 0.5 * (hw->rate(t) + hw->rate(t1)) * h;
        while (next < thresholds.size() && heatwork + inc >= thresholds[next]) {
            const double f = inc > 0.0 ? (thresholds[next] - heatwork) / inc : 0.0;
            std::printf("cone %s: %.0f C\n", hw->cones()[next].name.c_str(), t + f * (t1 - t));
            ++next;
        }
        heatwork += inc;
        seconds += h;
        t = t1;
        if (static_cast<long>(seconds) % 600 == 0 || t >= toC) {
            const double ci = hw->coneIndexFor(heatwork);
            csv += fmt(seconds / 3600.0, 4) + "," + fmt(t, 2) + "," + fmt(heatwork, 6) + "," +
                   fmt(ci, 3) + "," + hw->coneDownName(ci) + "\n";
        }
    }
    if (next == 0) {
        std::printf("no cone bent below %.0f C\n", toC);
    }
    if (core::Status s = core::writeFileAtomic(csvPath, csv); !s.ok()) {
        return fail(s.error().message);
    }
    return 0;
}

int runFit(const std::string& path) {
    core::Result<HeatworkModel> file = loadHeatwork(resolve(path));
    if (!file.ok()) {
        return fail(file.error().message);
    }
    std::vector<OrtonCone> cones;
    for (const OrtonCone& c : file->cones()) {
        if (c.name != "022") {
            cones.push_back(c);
        }
    }
    const std::vector<double>& knots = file->activationEnergy().knotsC;
    double worst = 0.0;
    const ActivationEnergyProfile fitted = fitActivationEnergyProfile(cones, knots, 761e3, &worst);
    std::printf("activation energy (J/mol) at the knots:");
    for (std::size_t i = 0; i < knots.size(); ++i) {
        std::printf(" %.0f C: %.0f", knots[i], fitted.energiesJPerMol[i]);
    }
    std::printf("\nworst error at 15 and 150 C/h over cones 012-14: %.2f C\n", worst);
    core::Result<HeatworkModel> hw = HeatworkModel::create(fitted, cones);
    if (!hw.ok()) {
        return fail(hw.error().message);
    }
    std::printf("cone, chart15, model15, chart60, model60, chart150, model150\n");
    for (std::size_t i = 0; i < cones.size(); ++i) {
        std::printf("%s, %.0f, %.1f, %.0f, %.1f, %.0f, %.1f\n", cones[i].name.c_str(),
                    cones[i].temperatureAt15CPerHourC, hw->rampEndpointC(i, 15.0),
                    cones[i].temperatureAt60CPerHourC, hw->rampEndpointC(i, 60.0),
                    cones[i].temperatureAt150CPerHourC, hw->rampEndpointC(i, 150.0));
    }
    return 0;
}

double meanSetting(const KilnModel& model, const KilnState& s, int firstRow, int lastRow) {
    double sum = 0.0;
    int n = 0;
    for (int r = firstRow; r <= lastRow; ++r) {
        sum += model.placementTemperatureC(s, r, kUpper) +
               model.placementTemperatureC(s, r, kLower);
        n += 2;
    }
    return n > 0 ? sum / n : 0.0;
}

int runSchedule(const std::string& schedulePath, const std::string& commandsPath,
                const std::string& csvPath, double everyMinutes, bool listWares) {
    core::Result<FiringSchedule> schedule = loadSchedule(resolve(schedulePath));
    if (!schedule.ok()) {
        return fail(schedule.error().message);
    }
    core::Result<KilnParams> params = loadKilnParams(resolve(schedule->kilnFile));
    if (!params.ok()) {
        return fail(params.error().message);
    }
    std::vector<WareSpec> plan;
    if (!schedule->planFile.empty()) {
        core::Result<std::vector<WareSpec>> p =
                loadLoadingPlan(resolve(schedule->planFile), params->rowCount);
        if (!p.ok()) {
            return fail(p.error().message);
        }
        plan = std::move(p.value());
    }
    std::vector<PlayerCommand> commands;
    if (!commandsPath.empty()) {
        core::Result<std::vector<PlayerCommand>> c = loadCommands(resolve(commandsPath));
        if (!c.ok()) {
            return fail(c.error().message);
        }
        commands = std::move(c.value());
    }
    core::Result<HeatworkModel> hw = defaultHeatwork();
    if (!hw.ok()) {
        return fail(hw.error().message);
    }
    core::Result<KilnModel> model = KilnModel::create(params.value(), hw.value(), plan);
    if (!model.ok()) {
        return fail(model.error().message);
    }
    const KilnModel& m = model.value();
    // Lit warm from the previous firing(s) where the schedule says so (Tang Ying 1743).
    const KilnState lit = warmStartState(m, schedule.value());
    const double litCrownC =
            lit.zones[static_cast<std::size_t>(m.zoneIndexOfRow(0))].wallTemperatureC[0];
    FiringRun run(m, schedule.value(), commands, lit);

    std::string csv = "time_h,feed_kg_per_h,wood_burnt_kg,air_kg_per_s,draft_Pa";
    for (const ZoneInfo& z : m.zones()) {
        std::string n = z.name;
        std::replace(n.begin(), n.end(), ' ', '_');
        csv += "," + n + "_gas_C," + n + "_O2_pct," + n + "_CO_pct," + n + "_atmosphere," + n +
               "_wall_C";
    }
    for (int r = 0; r < m.rowCount(); ++r) {
        for (const char* pos : {"upper", "lower"}) {
            const std::string n = "row" + std::to_string(r + 1) + "_" + pos;
            csv += "," + n + "_C," + n + "_heatwork," + n + "_cone," + n + "_fe2";
        }
    }
    csv += "\n";
    auto cell = [&csv](const std::string& v) {
        csv.push_back(',');
        csv.append(v);
    };
    auto sample = [&]() {
        const KilnState& s = run.state();
        csv.append(fmt(run.timeHours(), 3));
        cell(fmt(run.scheduledFeedKgPerHour(), 1));
        cell(fmt(s.fuelBurntKg, 1));
        cell(fmt(s.airKgPerS, 3));
        cell(fmt(s.draftPa, 1));
        for (std::size_t zi = 0; zi < m.zones().size(); ++zi) {
            const GasState& g = s.zones[zi].gas[kUpper];
            cell(fmt(g.temperatureC, 1));
            cell(fmt(100.0 * g.o2, 2));
            cell(fmt(100.0 * g.co, 2));
            cell(atmosphereName(g.atmosphere));
            cell(fmt(s.zones[zi].wallTemperatureC[0], 1));
        }
        for (int i = 0; i < m.placementCount(); ++i) {
            const WareState& w = s.placements[static_cast<std::size_t>(i)];
            cell(fmt(m.placementTemperatureC(s, i / 2, i % 2 == 0 ? kUpper : kLower), 1));
            cell(fmt(w.heatwork, 1));
            cell(m.heatwork().coneDownName(m.heatwork().coneIndexFor(w.heatwork)));
            cell(fmt(w.ironReducedFraction, 3));
        }
        csv.push_back('\n');
    };
    const long every = std::max(1L, std::lround(everyMinutes * 60.0 / schedule->stepSeconds));
    long step = 0;
    sample();
    double stopFront = 0.0;
    double stopMid = 0.0;
    double stopRear = 0.0;
    double peakFront = 0.0;
    double peakFrontHours = 0.0;
    const int rows = m.rowCount();
    while (!run.finished()) {
        run.advance();
        ++step;
        if (step % every == 0 || run.finished()) {
            sample();
        }
        const double front = meanSetting(m, run.state(), 0, std::max(0, rows / 10 - 1));
        if (front > peakFront) {
            peakFront = front;
            peakFrontHours = run.timeHours();
        }
        if (std::abs(run.timeHours() - schedule->stopHours) <
            0.5 * schedule->stepSeconds / 3600.0) {
            stopFront = front;
            stopMid = meanSetting(m, run.state(), rows * 9 / 20, rows * 11 / 20 - 1);
            stopRear = meanSetting(m, run.state(), rows - rows / 10, rows - 1);
        }
    }
    if (core::Status st = core::writeFileAtomic(csvPath, csv); !st.ok()) {
        return fail(st.error().message);
    }
    const KilnState& s = run.state();
    const EnergyLedger& e = s.energy;
    const double stored = m.storedEnergyJ(s) - e.initialStoredJ;
    const double residual =
            e.fuelEnergyInJ - stored - e.wallLossJ - e.stackLossJ - e.unburntLossJ - e.openingLossJ;
    const double residualPct = e.fuelEnergyInJ > 0.0 ? 100.0 * residual / e.fuelEnergyInJ : 0.0;
    std::printf("firing: %s\n", schedule->name.c_str());
    std::printf("kiln: %s (%d rows x 2 positions)\n", m.params().name.c_str(), rows);
    if (schedule->previousFirings > 0) {
        std::printf("lit warm after %d previous firing(s) and %.0f h open: front crown %.0f C\n",
                    schedule->previousFirings, schedule->turnaroundHours, litCrownC);
    }
    std::printf("setting at the stop (%.1f h): front %.0f C, middle %.0f C, rear %.0f C\n",
                schedule->stopHours, stopFront, stopMid, stopRear);
    std::printf("front setting peak: %.0f C at %.1f h\n", peakFront, peakFrontHours);
    std::printf("at the end (%.1f h): setting mean %.0f C, front %.0f C\n", run.timeHours(),
                meanSetting(m, s, 0, rows - 1), meanSetting(m, s, 0, std::max(0, rows / 10 - 1)));
    std::printf("wood burnt: %.1f t (fed %.1f t)\n", s.fuelBurntKg / 1000.0, s.fuelFedKg / 1000.0);
    std::printf("energy: fuel %.1f GJ = stored %.1f + walls %.1f + stack %.1f + unburnt %.2f + "
                "openings %.2f GJ\n",
                e.fuelEnergyInJ / 1e9, stored / 1e9, e.wallLossJ / 1e9, e.stackLossJ / 1e9,
                e.unburntLossJ / 1e9, e.openingLossJ / 1e9);
    std::printf("energy balance: residual %.4f %% (%s)\n", std::abs(residualPct),
                std::abs(residualPct) < 1.0 ? "closes" : "DOES NOT CLOSE");
    int counts[5] = {0, 0, 0, 0, 0};
    for (int i = 0; i < m.placementCount(); ++i) {
        counts[static_cast<int>(m.placementOutcome(s, i).kind)]++;
    }
    std::printf("wares: %d sound, %d underfired (shuang), %d overfired (lao), %d cracked, %d "
                "unfired\n",
                counts[2], counts[1], counts[3], counts[4], counts[0]);
    if (listWares) {
        std::printf("row position ware glaze cone fe2+ outcome colour(sRGB)\n");
        for (int i = 0; i < m.placementCount(); ++i) {
            const WareOutcome o = m.placementOutcome(s, i);
            const WareSpec& spec = m.plan()[static_cast<std::size_t>(i)];
            std::printf("%d %s \"%s\" %s %s %.2f %s %.2f/%.2f/%.2f\n", i / 2 + 1,
                        i % 2 == 0 ? "upper" : "lower", spec.label.c_str(), glazeName(spec.glaze),
                        o.coneLabel.c_str(),
                        s.placements[static_cast<std::size_t>(i)].ironReducedFraction,
                        outcomeName(o.kind), static_cast<double>(o.red),
                        static_cast<double>(o.green), static_cast<double>(o.blue));
        }
    }
    std::printf("csv: %s (%ld rows)\n", csvPath.c_str(), step / every + 1);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string schedule;
    std::string commands;
    std::string csv;
    std::string fit;
    double ramp = -1.0;
    double to = -1.0;
    double every = 10.0;
    bool listWares = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) {
                return false;
            }
            out = args[++i];
            return true;
        };
        auto number = [&](double& out) {
            std::string v;
            if (!value(v)) {
                return false;
            }
            char* end = nullptr;
            out = std::strtod(v.c_str(), &end);
            return end != v.c_str() && *end == '\0' && std::isfinite(out);
        };
        bool ok = true;
        if (a == "--help" || a == "-h") {
            std::fputs(kHelp, stdout);
            return 0;
        } else if (a == "--schedule") {
            ok = value(schedule);
        } else if (a == "--commands") {
            ok = value(commands);
        } else if (a == "--csv") {
            ok = value(csv);
        } else if (a == "--ramp") {
            ok = number(ramp);
        } else if (a == "--to") {
            ok = number(to);
        } else if (a == "--every") {
            ok = number(every) && every > 0.0;
        } else if (a == "--wares") {
            listWares = true;
        } else if (a == "--fit-orton") {
            ok = value(fit);
        } else {
            return fail("unknown option '" + a + "' (see --help)");
        }
        if (!ok) {
            return fail("option " + a + " needs a valid value (see --help)");
        }
    }
    if (!fit.empty()) {
        return runFit(fit);
    }
    if (ramp > 0.0 || to > 0.0) {
        if (csv.empty()) {
            return fail("--ramp needs --to and --csv (see --help)");
        }
        return runRamp(ramp, to, csv);
    }
    if (!schedule.empty()) {
        if (csv.empty()) {
            return fail("--schedule needs --csv (see --help)");
        }
        return runSchedule(schedule, commands, csv, every, listWares);
    }
    std::fputs(kHelp, stdout);
    return 1;
}
