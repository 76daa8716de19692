// Builds the firing dashboard's plain data from the simulation: the history sample of a state,
// the heat map rows (with colours from a function the app passes, so blackbody colour stays in the
// app), the cone pack at a placement, a test piece readout and the results by position.
// Reads sim types only; does NOT draw, hold strings for visitors or step the kiln.
#pragma once

#include "kiln/sim/kiln_model.h"
#include "kiln/ui/firing_dashboard.h"
#include "kiln/ui/firing_history.h"

#include <functional>
#include <string>
#include <vector>

namespace kiln::ui {

// Front, middle and rear: the mean setting temperature (both positions) of each third of the rows;
// the firebox: its upper gas stream.
FiringSample sampleFromState(const sim::KilnModel& model, const sim::KilnState& state);

// One row per saggar row, front to rear, coloured by colourOf(temperature C).
std::vector<HeatMapRow> heatMapFromState(const sim::KilnModel& model, const sim::KilnState& state,
                                         const std::function<Rgb(double)>& colourOf);

// The cones named (Orton names, e.g. the plan's minimum, mature and maximum cones) as they stand
// at a placement, bent by its heatwork (coneBendFraction). Unknown names are left out.
std::vector<ConeView> conePackAt(const sim::KilnModel& model, const sim::KilnState& state, int row,
                                 sim::Position position, const std::vector<std::string>& coneNames);

// The readout of a pulled piece; coneLabel stays empty before the first cone of the chart.
TestPieceReadout readoutOf(const sim::TestPiece& piece);

// The outcome of every placement (the kiln opened).
std::vector<PositionResult> resultsFromState(const sim::KilnModel& model,
                                             const sim::KilnState& state);

} // namespace kiln::ui
