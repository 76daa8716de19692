// FiringDashboard: the firing dashboard of a kiln scene (issue 8): a chart of each zone's
// temperature over kiln time with a scrub cursor, a heat map of the kiln's section that pulls test
// pieces, an atmosphere gauge, a pack of cones bending with heatwork, time and firing-master
// controls, the test-piece readout and the results by position. Plain view in, command out; every
// word comes from ui_strings (buildDashboardLabels). Does NOT step the sim, use GL or SDL.
#pragma once

#include "kiln/content/content_library.h"
#include "kiln/sim/heatwork.h"
#include "kiln/sim/kiln_state.h"
#include "kiln/sim/ware.h"
#include "kiln/ui/firing_history.h"
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/touch_target.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kiln::ui {

// The speeds the time controls offer, kiln seconds per real second.
inline constexpr std::array<double, 6> kDashboardSpeeds{1.0,    10.0,    100.0,
                                                        1000.0, 10000.0, 100000.0};

// Every word the dashboard draws, in one language (from ui_strings; see docs/dashboard.md).
struct DashboardLabels {
    std::string title, close, play, pause, speed;
    std::string temperatureAxis, timeAxis;
    std::string front, middle, rear, firebox;
    std::string section, upper, lower, pullHint;
    std::string atmosphere, firingTime, woodBurnt;
    std::array<std::string, 3> atmospheres; // oxidizing, neutral, reducing
    std::string cones, stoke, mouthOpen, mouthClose, damperOpen, damperClose;
    std::string testPiece, row, cone, results;
    std::array<std::string, 5> outcomes; // by sim::WareOutcomeKind
    std::array<std::string, 5> whys;     // why each outcome comes about
};

DashboardLabels buildDashboardLabels(const content::ContentLibrary& library,
                                     content::Language language);

struct Rgb {
    float r = 0.5f;
    float g = 0.5f;
    float b = 0.5f;
};

// One row of the heat map, front to rear: the setting temperature of each position and the colour
// the app gives it (blackbody glow stays in the app).
struct HeatMapRow {
    double upperC = 20.0;
    double lowerC = 20.0;
    Rgb upperColour;
    Rgb lowerColour;
};

// One cone of the pack: its Orton name ("9", "10", "11") and how far it has bent (0 standing,
// 1 tip down on the shelf).
struct ConeView {
    std::string name;
    float bend = 0.0f;
};

struct TestPieceReadout {
    int row = 0; // 0-based; shown 1-based
    sim::Position position = sim::kUpper;
    double temperatureC = 0.0;
    std::string coneLabel; // sim WareOutcome::coneLabel, e.g. "10 (+0.40)"; empty: none yet
    sim::WareOutcomeKind outcome = sim::WareOutcomeKind::Unfired;
    Rgb colour; // the glazed surface (WareOutcome red/green/blue)
};

struct PositionResult {
    int row = 0;
    sim::Position position = sim::kUpper;
    sim::WareOutcomeKind outcome = sim::WareOutcomeKind::Unfired;
    Rgb colour;
};

struct FiringDashboardView {
    DashboardLabels labels;
    const FiringHistory* history = nullptr; // the chart; may be null or empty
    double currentHours = 0.0;              // the cursor
    double endHours = 47.0;                 // the chart's time axis runs 0 .. max(endHours, last)
    bool playing = false;
    double speed = 600.0; // the current speed is drawn pressed if it is one of kDashboardSpeeds
    std::vector<HeatMapRow> rows; // front to rear
    sim::Atmosphere atmosphere = sim::Atmosphere::Oxidizing;
    std::vector<ConeView> cones;
    bool mouthOpen = true;
    bool damperOpen = true;
    double stokeKg = 20.0; // what the stoke button throws in
    std::optional<TestPieceReadout> testPiece;
    std::vector<PositionResult> results; // empty until the kiln is opened
    float uiScale = 1.0f;
};

// A text drawn on a draw list with the room it had: for the overflow tests.
struct PlacedText {
    std::string text;
    float widthPx = 0.0f;
    float availablePx = 0.0f;
    // For a text placed at a position (not wrapped by ImGui): how far it runs past the visible
    // area (the draw list's clip rectangle) on the left plus on the right; 0 when it is all seen.
    float cutOffPx = 0.0f;
};

// Draws a text on one line on a draw list, records it as drawn (recordDrawnText) and appends it to
// `placed` with its width, the room it had and how far it runs past the list's clip rectangle.
// The dashboard and the comparison place their labels, ticks and legends with it.
void placeText(ImDrawList& list, std::vector<PlacedText>& placed, ImVec2 pos, std::string_view text,
               float availablePx, ImU32 colour);

struct PullTestPiece {
    int row = 0;
    sim::Position position = sim::kUpper;
};

struct FiringDashboardCommand {
    bool togglePlay = false;
    std::optional<double> speed;        // one of kDashboardSpeeds
    std::optional<double> scrubToHours; // in [0, chart end]; while a finger drags on the chart
    std::optional<double> stokeKg;      // CommandKind::Stoke
    std::optional<bool> mouthOpen;      // CommandKind::Mouth 1 / 0
    std::optional<bool> damperOpen;     // CommandKind::Damper 1 / 0
    std::optional<PullTestPiece> pull;  // a tap on the heat map
    bool close = false;
    std::vector<TouchTarget> targets; // "close", "play", "speed.0".."speed.5", "stoke", "mouth",
                                      // "damper", "chart", "heatmap.upper", "heatmap.lower"
    std::vector<PlacedText> placed;   // texts drawn on draw lists, with their room
    ImVec2 chartMin, chartMax;        // the plot area (time axis runs along x)
    ImVec2 heatMapMin, heatMapMax;    // both bands

    bool any() const {
        return togglePlay || speed || scrubToHours || stokeKg || mouthOpen || damperOpen || pull ||
               close;
    }
};

// The dashboard's place on a display: full width above the language bar.
PanelRect computeDashboardRect(ImVec2 displaySizePx, float uiScale);

FiringDashboardCommand drawFiringDashboard(const FiringDashboardView& view, const PanelRect& rect);

// How far a cone has bent at a heatwork: 0 up to its threshold (the heatwork at which the Orton
// chart calls it down), 1 from fullBendHeatwork on, linear in log heatwork between. Pure.
float coneBendFraction(double heatwork, double thresholdHeatwork, double fullBendHeatwork);
// The same for cone `coneIndex` of the model: full bend at the next cone's threshold (the last
// cone: 1.25 x its own).
float coneBendFraction(const sim::HeatworkModel& model, std::size_t coneIndex, double heatwork);

} // namespace kiln::ui
