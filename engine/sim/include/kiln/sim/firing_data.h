// Loading of the firing data files (assets/firings/*.json): kiln parameter sets, schedules,
// loading plans, the Orton heatwork calibration and player command lists. Every number in a kiln
// file is {"value": v, "source": "..."}; a missing field, a value out of its physical range or a
// time going backwards is rejected with "file:line: field: what is wrong". Does NOT run anything.
#pragma once

#include "kiln/core/result.h"
#include "kiln/sim/firing_schedule.h"
#include "kiln/sim/heatwork.h"
#include "kiln/sim/kiln_params.h"
#include "kiln/sim/ware.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::sim {

// From text (fileName is only used in messages) or from a file.
core::Result<KilnParams> parseKilnParams(std::string_view text, const std::string& fileName);
core::Result<KilnParams> loadKilnParams(const std::filesystem::path& path);

// Flue-gas thermochemistry (NIST Shomate coefficients, assets/firings/gas_thermo.json). A kiln
// file naming one in "gasThermoFile" gets it from loadKilnParams (looked up beside the kiln file);
// parseKilnParams only records the name.
core::Result<GasThermo> parseGasThermo(std::string_view text, const std::string& fileName);
core::Result<GasThermo> loadGasThermo(const std::filesystem::path& path);

core::Result<FiringSchedule> parseSchedule(std::string_view text, const std::string& fileName);
core::Result<FiringSchedule> loadSchedule(const std::filesystem::path& path);

// rowCount: the kiln's rows; the plan gives glaze groups by row range and position.
core::Result<std::vector<WareSpec>> parseLoadingPlan(std::string_view text,
                                                     const std::string& fileName, int rowCount);
core::Result<std::vector<WareSpec>> loadLoadingPlan(const std::filesystem::path& path,
                                                    int rowCount);

// The Orton chart columns and the fitted activation energy.
core::Result<HeatworkModel> parseHeatwork(std::string_view text, const std::string& fileName);
core::Result<HeatworkModel> loadHeatwork(const std::filesystem::path& path);

core::Result<std::vector<PlayerCommand>> parseCommands(std::string_view text,
                                                       const std::string& fileName);
core::Result<std::vector<PlayerCommand>> loadCommands(const std::filesystem::path& path);

// Reads orton_cones.csv (cone,temp_C_at_60C_per_h,temp_C_at_150C_per_h,source).
core::Result<std::vector<OrtonCone>> parseOrtonCsv(std::string_view text,
                                                   const std::string& fileName);

// Byte offset of the value at a JSON path (object keys and array indices as text) in a JSON
// document, or of the deepest enclosing value that exists: for "file:line" in messages.
std::size_t locateJsonPath(std::string_view text, const std::vector<std::string>& path);

} // namespace kiln::sim
