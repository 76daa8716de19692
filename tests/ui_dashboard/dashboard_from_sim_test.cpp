// The dashboard's data from a real firing (the egg kiln's traditional schedule): one history sample
// per step stays bounded, the heat map has a row per saggar row, cones bend in order with the
// heatwork, and the results cover every placement; the whole dashboard draws it with no word that
// is not from the content.
#include "kiln/ui/dashboard_from_sim.h"

#include "kiln/content/string_catalog.h"
#include "kiln/sim/firing_run.h"
#include "overlay_harness.h"
#include "sim_test_support.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

using namespace kiln;

TEST(DashboardFromSim, ATraditionalEggKilnFiring) {
    auto loaded = sim::test::loadFiring("egg_kiln_traditional.json");
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const sim::KilnModel& model = loaded->model;
    sim::FiringRun run(model, loaded->schedule);
    ui::FiringHistory history;
    history.add(ui::sampleFromState(model, run.state()));
    double peakFront = 0.0;
    while (!run.finished()) {
        run.advance();
        const ui::FiringSample s = ui::sampleFromState(model, run.state());
        peakFront = std::max(peakFront, s.frontC);
        history.add(s);
    }
    EXPECT_LE(history.size(), history.maxPoints());
    EXPECT_GE(history.size(), static_cast<std::size_t>(run.timeHours() * 12.0) - 1);
    EXPECT_NEAR(history.lastHours(), run.timeHours(), history.intervalHours());
    EXPECT_GT(peakFront, 1000.0);
    EXPECT_GT(history.points().back().fuelBurntKg, 0.0);
    // The heat map: one row per saggar row, coloured by the function given.
    const auto rows = ui::heatMapFromState(model, run.state(), [](double c) {
        return ui::Rgb{static_cast<float>(c / 2000.0), 0.0f, 0.0f};
    });
    ASSERT_EQ(rows.size(), static_cast<std::size_t>(model.rowCount()));
    EXPECT_FLOAT_EQ(rows[3].upperColour.r, static_cast<float>(rows[3].upperC / 2000.0));
    // The results: every placement, at least some sound ware.
    const auto results = ui::resultsFromState(model, run.state());
    ASSERT_EQ(results.size(), static_cast<std::size_t>(model.placementCount()));
    const auto sound = std::count_if(results.begin(), results.end(), [](const auto& r) {
        return r.outcome == sim::WareOutcomeKind::Sound;
    });
    EXPECT_GT(sound, 0);
    // The cone pack where sound ware came out: its cones bent in order (cooler cones further).
    const auto& where = *std::find_if(results.begin(), results.end(), [](const auto& r) {
        return r.outcome == sim::WareOutcomeKind::Sound;
    });
    const auto& spec = model.plan()[static_cast<std::size_t>(where.row * 2 + where.position)];
    const auto pack = ui::conePackAt(model, run.state(), where.row, where.position,
                                     {spec.minimumCone, spec.matureCone, spec.maximumCone, "x"});
    ASSERT_EQ(pack.size(), 3u);    // "x" is no cone
    EXPECT_EQ(pack[0].bend, 1.0f); // the minimum cone is down in sound ware
    EXPECT_GE(pack[0].bend, pack[1].bend);
    EXPECT_GE(pack[1].bend, pack[2].bend);
    EXPECT_LT(pack[2].bend, 1.0f); // the guard cone is not down
    const auto piece = ui::readoutOf(model.pullTestPiece(run.state(), where.row, where.position));
    EXPECT_EQ(piece.outcome, sim::WareOutcomeKind::Sound);
    EXPECT_EQ(piece.row, where.row);
    EXPECT_FALSE(piece.coneLabel.empty());
    // Before the first cone the sim's label is a phrase, which the readout leaves out.
    const auto cold = ui::readoutOf(model.pullTestPiece(model.initialState(), 0, sim::kUpper));
    EXPECT_TRUE(cold.coneLabel.empty());
    EXPECT_EQ(cold.outcome, sim::WareOutcomeKind::Unfired);

    // Drawn: every word from the content, the rest numbers.
    std::set<std::string, std::less<>> known;
    for (const auto& entry : content::allStrings(test::overlayLibrary())) {
        known.emplace(entry.text);
    }
    const std::regex numeric(R"(^[0-9][0-9 .,+\-()]*( ?(°C|h|kg|×))?$)");
    for (content::Language language : content::kLanguages) {
        test::OverlayHarness h;
        ui::FiringDashboardView view;
        view.labels = ui::buildDashboardLabels(test::overlayLibrary(), language);
        view.history = &history;
        view.currentHours = run.timeHours();
        view.endHours = loaded->schedule.endHours;
        view.rows = rows;
        view.cones = pack;
        view.testPiece = piece;
        view.results = results;
        view.uiScale = h.uiScale();
        const auto rect = ui::computeDashboardRect(h.displaySize(), h.uiScale());
        std::vector<std::string> texts;
        h.frame([&] { (void)ui::drawFiringDashboard(view, rect); });
        h.frame([&] {
            ui::DrawnTextRecorder recorder;
            (void)ui::drawFiringDashboard(view, rect);
            texts = recorder.texts();
        });
        for (const std::string& s : texts) {
            EXPECT_TRUE(known.count(s) > 0 || std::regex_match(s, numeric)) << s;
        }
    }
}
