// The firing dashboard's data from the kiln model and a state: averages, colours through the
// app's function, cone bends, readouts. Reads the sim; changes nothing in it.
#include "kiln/ui/dashboard_from_sim.h"

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
    return n > 0 ? sum / n : 20.0;
}

Rgb rgbOf(const sim::WareOutcome& outcome) {
    return {outcome.red, outcome.green, outcome.blue};
}

} // namespace

FiringSample sampleFromState(const sim::KilnModel& model, const sim::KilnState& state) {
    FiringSample s;
    s.timeHours = state.timeSeconds / 3600.0;
    const int rows = model.rowCount();
    const int third = std::max(rows / 3, 1);
    s.frontC = meanRowsC(model, state, 0, std::min(third, rows));
    s.middleC = meanRowsC(model, state, std::min(third, rows), std::min(2 * third, rows));
    s.rearC = meanRowsC(model, state, std::min(2 * third, rows), rows);
    const auto& zones = model.zones();
    for (std::size_t i = 0; i < zones.size() && i < state.zones.size(); ++i) {
        if (zones[i].kind == sim::ZoneKind::Firebox) {
            s.fireboxC = state.zones[i].gas[sim::kUpper].temperatureC;
            s.atmosphere = state.zones[i].gas[sim::kUpper].atmosphere;
            break;
        }
    }
    // The atmosphere the ware sees: the middle row's upper stream when there are rows.
    if (rows > 0) {
        s.atmosphere = model.placementGas(state, rows / 2, sim::kUpper).atmosphere;
    }
    s.fuelBurntKg = state.fuelBurntKg;
    return s;
}

std::vector<HeatMapRow> heatMapFromState(const sim::KilnModel& model, const sim::KilnState& state,
                                         const std::function<Rgb(double)>& colourOf) {
    std::vector<HeatMapRow> rows;
    rows.reserve(static_cast<std::size_t>(std::max(model.rowCount(), 0)));
    for (int r = 0; r < model.rowCount(); ++r) {
        HeatMapRow row;
        row.upperC = model.placementTemperatureC(state, r, sim::kUpper);
        row.lowerC = model.placementTemperatureC(state, r, sim::kLower);
        row.upperColour = colourOf(row.upperC);
        row.lowerColour = colourOf(row.lowerC);
        rows.push_back(row);
    }
    return rows;
}

std::vector<ConeView> conePackAt(const sim::KilnModel& model, const sim::KilnState& state, int row,
                                 sim::Position position,
                                 const std::vector<std::string>& coneNames) {
    std::vector<ConeView> pack;
    const std::size_t index =
            static_cast<std::size_t>(row) * 2 + static_cast<std::size_t>(position);
    if (row < 0 || index >= state.placements.size()) {
        return pack;
    }
    const double heatwork = state.placements[index].heatwork;
    for (const std::string& name : coneNames) {
        const int cone = model.heatwork().findCone(name);
        if (cone >= 0) {
            pack.push_back({name, coneBendFraction(model.heatwork(), static_cast<std::size_t>(cone),
                                                   heatwork)});
        }
    }
    return pack;
}

TestPieceReadout readoutOf(const sim::TestPiece& piece) {
    TestPieceReadout r;
    r.row = piece.row;
    r.position = piece.position;
    r.temperatureC = piece.temperatureC;
    // Below the first cone the sim's label is a phrase ("below 022"): no cone to name, so none.
    if (piece.outcome.coneIndex >= 0.0) {
        r.coneLabel = piece.outcome.coneLabel;
    }
    r.outcome = piece.outcome.kind;
    r.colour = rgbOf(piece.outcome);
    return r;
}

std::vector<PositionResult> resultsFromState(const sim::KilnModel& model,
                                             const sim::KilnState& state) {
    std::vector<PositionResult> results;
    for (int i = 0; i < model.placementCount(); ++i) {
        const sim::WareOutcome outcome = model.placementOutcome(state, i);
        results.push_back(
                {i / 2, i % 2 == 0 ? sim::kUpper : sim::kLower, outcome.kind, rgbOf(outcome)});
    }
    return results;
}

} // namespace kiln::ui
