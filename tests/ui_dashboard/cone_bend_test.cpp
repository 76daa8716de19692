// The cone-bend helper: a cone stands until the heatwork of its Orton temperature and is down well
// above it, bending monotonically between; cones of a pack go down in order.
#include "kiln/core/data_paths.h"
#include "kiln/sim/firing_data.h"
#include "kiln/ui/firing_dashboard.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace kiln;

namespace {

sim::HeatworkModel orton() {
    auto hw = sim::loadHeatwork(core::dataPath("assets/firings/orton_heatwork.json"));
    EXPECT_TRUE(hw.ok());
    return hw.value();
}

} // namespace

TEST(ConeBend, PlainNumbers) {
    EXPECT_EQ(ui::coneBendFraction(0.0, 1000.0, 2000.0), 0.0f);
    EXPECT_EQ(ui::coneBendFraction(999.0, 1000.0, 2000.0), 0.0f);
    EXPECT_EQ(ui::coneBendFraction(1000.0, 1000.0, 2000.0), 0.0f);
    EXPECT_NEAR(ui::coneBendFraction(std::sqrt(2.0) * 1000.0, 1000.0, 2000.0), 0.5f, 1e-5f);
    EXPECT_EQ(ui::coneBendFraction(2000.0, 1000.0, 2000.0), 1.0f);
    EXPECT_EQ(ui::coneBendFraction(1e9, 1000.0, 2000.0), 1.0f);
}

TEST(ConeBend, FromTheOrtonTableAtARampOf60CPerHour) {
    const sim::HeatworkModel hw = orton();
    const int cone10 = hw.findCone("10");
    ASSERT_GE(cone10, 0);
    const auto i = static_cast<std::size_t>(cone10);
    const double coneC = hw.cones()[i].temperatureAt60CPerHourC;
    // A 60 C/h ramp to 30 C below cone 10's temperature: standing.
    EXPECT_EQ(ui::coneBendFraction(hw, i, hw.rampHeatwork(20.0, coneC - 30.0, 60.0)), 0.0f);
    // Just past its temperature it starts; well above (beyond cone 11's) it is down.
    const float justPast = ui::coneBendFraction(hw, i, hw.rampHeatwork(20.0, coneC + 5.0, 60.0));
    EXPECT_GT(justPast, 0.0f);
    EXPECT_LT(justPast, 1.0f);
    EXPECT_EQ(ui::coneBendFraction(hw, i, hw.rampHeatwork(20.0, coneC + 80.0, 60.0)), 1.0f);
    // Bending rises with heatwork, and a hotter cone never leads a cooler one.
    float previous = 0.0f;
    for (double c = coneC - 50.0; c < coneC + 80.0; c += 5.0) {
        const double work = hw.rampHeatwork(20.0, c, 60.0);
        const float bend = ui::coneBendFraction(hw, i, work);
        EXPECT_GE(bend, previous) << c;
        EXPECT_LE(ui::coneBendFraction(hw, i + 1, work), bend) << c;
        EXPECT_GE(ui::coneBendFraction(hw, i - 1, work), bend) << c;
        previous = bend;
    }
    EXPECT_EQ(ui::coneBendFraction(hw, hw.cones().size(), 1e12), 0.0f); // no such cone
}
