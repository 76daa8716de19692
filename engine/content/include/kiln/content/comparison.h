// The kiln comparison (issue 8): the dragon, mantou, gourd and egg kilns side by side in the order
// they appear in Jingdezhen's history, four figures for each (capacity, fuel per firing, firing
// time, front-to-rear temperature spread) with the published value and its source, and for each
// step from one kiln to the next the determinant of the New Diamond Model that explains it. Plain
// data from comparison.json; the simulated figures are not here (the ui module runs the firings:
// ui/comparison_from_sim.h).
#pragma once

#include "kiln/content/language.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::content {

// The four quantities compared, in the order they are shown.
enum class ComparisonQuantity { Capacity, Fuel, Duration, Spread };
inline constexpr std::size_t kComparisonQuantityCount = 4;
inline constexpr std::array<ComparisonQuantity, kComparisonQuantityCount> kComparisonQuantities = {
        ComparisonQuantity::Capacity, ComparisonQuantity::Fuel, ComparisonQuantity::Duration,
        ComparisonQuantity::Spread};

// "capacity", "fuel", "duration", "spread": the keys in comparison.json.
std::string_view comparisonQuantityCode(ComparisonQuantity quantity);

// One published figure of one kiln. When no source gives the number (published = false), value
// says what is known instead (e.g. "not measured; front fierce, back feeble").
struct ComparisonFigure {
    bool published = true;
    Text value;                  // as shown, e.g. "22–24 h" / "22至24小时"
    std::vector<double> numbers; // the figure's number(s): one value, or a low and a high
    std::string source;
};

struct ComparisonKiln {
    std::string id; // a scene id: "egg_kiln"
    Text name;
    Text period;        // e.g. "Five Dynasties to Yuan" / "五代至元"
    int fromYear = 0;   // the period as years (CE), for placing the kiln on the timeline
    int toYear = 0;     // >= fromYear
    std::string firing; // the firing schedule the simulation runs, relative to the data root
    DepthText text;     // what changed in this kiln, at two depths
    std::array<ComparisonFigure, kComparisonQuantityCount> figures; // by ComparisonQuantity
    std::string source;

    const ComparisonFigure& figure(ComparisonQuantity q) const {
        return figures[static_cast<std::size_t>(q)];
    }
};

// From one kiln to the next, and the determinant that explains the change.
struct ComparisonStep {
    std::string from; // kiln ids of this file
    std::string to;
    std::string determinantId; // a determinant of model.json
    Text title;                // the change in a few words
    DepthText text;
    std::string source;
};

struct ComparisonContent {
    bool loaded = false;
    Text title;
    DepthText intro;
    DepthText simulationNote; // what the simulated figures are and are not
    std::string source;
    std::vector<ComparisonKiln> kilns; // in timeline order
    std::vector<ComparisonStep> steps; // in the order of the kilns

    // nullptr when unknown.
    const ComparisonKiln* findKiln(std::string_view id) const;
    // The step that leads into kiln `to`; nullptr for the first kiln.
    const ComparisonStep* stepInto(std::string_view to) const;
};

} // namespace kiln::content
