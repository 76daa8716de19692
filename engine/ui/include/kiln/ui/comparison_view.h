// ComparisonView: the kilns of Jingdezhen side by side (issue 8): a timeline of their periods,
// a table of capacity, fuel per firing, firing time and front-to-rear spread (the published
// figure with its source, and the simulation's own figure), the determinant of the New Diamond
// Model that explains each change from one kiln to the next, and the simulated temperature of
// each kiln's front and rear on one shared time axis, drawn with ImGui draw lists. Plain view in
// (texts from comparison.json and ui_strings, runs from comparison_from_sim.h), command out.
// Does NOT run the sim, keep state between frames, use GL or SDL.
#pragma once

#include "kiln/content/content_library.h"
#include "kiln/ui/comparison_from_sim.h"
#include "kiln/ui/firing_dashboard.h" // PlacedText
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/touch_target.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::ui {

// One quantity of one kiln.
struct ComparisonCellView {
    bool published = false;
    std::string value;          // the published figure, or what is known instead
    std::string source;         //
    std::string simulated;      // the simulation's figure, filled from a ui string; empty if none
    std::string simulatedExtra; // spread: the hottest setting of the firing
};

struct ComparisonKilnView {
    std::string id;
    std::string name;
    std::string period;
    int fromYear = 0;
    int toYear = 0;
    std::string text; // at the chosen depth
    std::string source;
    std::array<ComparisonCellView, content::kComparisonQuantityCount> cells;
    const ComparisonRun* run = nullptr;  // its simulated firing; null or !ok: not drawn
    std::optional<std::size_t> stepInto; // index into ComparisonViewModel::steps
};

struct ComparisonStepView {
    std::string fromId;
    std::string toId;
    std::string title;
    std::string determinantId;
    std::string determinantName;
    std::string text; // at the chosen depth
    std::string source;
};

struct ComparisonViewModel {
    std::string title;
    std::string intro; // at the chosen depth
    std::string hint;
    std::array<std::string, content::kComparisonQuantityCount> quantityLabels;
    std::string publishedLabel, simulatedLabel;
    std::string changeLabel, determinantLabel, sourceLabel;
    std::string chartCaption, frontLabel, rearLabel, temperatureAxis, timeAxis;
    std::string yearAxis;       // the timeline's ticks: years of the common era
    std::string simulationNote; // at the chosen depth
    std::string source;         // comparison.json's own
    std::string closeLabel;
    std::vector<ComparisonKilnView> kilns; // timeline order
    std::vector<ComparisonStepView> steps;
    std::string selectedKilnId;              // its text below the chart; "" for none
    std::optional<std::size_t> selectedStep; // or this step's
    float uiScale = 1.0f;
};

// The view in one language and depth. runs: from runComparisonFirings (matched by kiln id; the
// view points into them, so they must outlive it). selectedKilnId / selectedStep: what the
// visitor tapped last (the app keeps it).
ComparisonViewModel buildComparisonView(const content::ContentLibrary& library,
                                        const std::vector<ComparisonRun>& runs,
                                        content::Language language, content::Depth depth,
                                        std::string_view selectedKilnId,
                                        std::optional<std::size_t> selectedStep, float uiScale);

struct ComparisonCommand {
    std::optional<std::string> selectKiln; // a kiln's button (in the table or the timeline)
    std::optional<std::size_t> selectStep; // a step's button (the determinant of a change)
    bool close = false;
    std::vector<TouchTarget> targets; // "close", "kiln.<id>", "step.<i>"
    std::vector<PlacedText> placed;   // every text with the room it had (overflow tests)
    ImVec2 chartMin, chartMax;        // the plot area (kiln hours along x)

    bool any() const { return selectKiln || selectStep || close; }
};

// Draws the comparison at rect (computeOverlayLayout().comparison); the body scrolls by dragging.
ComparisonCommand drawComparisonView(const ComparisonViewModel& view, const PanelRect& rect);

// The line colour of the i-th kiln (timeline, table and chart agree).
ImU32 comparisonKilnColour(std::size_t index);

} // namespace kiln::ui
