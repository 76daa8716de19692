// Loading of firing data: every project file loads; bad files are rejected with file, line and
// field (missing field, negative feed, below absolute zero, time going backwards, broken JSON).
#include "kiln/sim/firing_data.h"

#include "sim_test_support.h"

#include <gtest/gtest.h>

#include <string>

namespace kiln::sim {
namespace {

std::string readAsset(const std::string& name) {
    core::Result<std::string> text = core::readTextFile(core::dataPath("assets/firings/" + name));
    EXPECT_TRUE(text.ok()) << name;
    return text.ok() ? text.value() : std::string();
}

void replaceOnce(std::string& text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
}

int lineOf(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    return at == std::string::npos ? -1 : core::textPositionOf(text, at).line;
}

TEST(SimFiringData, EveryProjectFiringLoads) {
    for (const char* s :
         {"egg_kiln_traditional.json", "egg_kiln_reduction.json", "dragon_kiln_traditional.json",
          "gourd_kiln_traditional.json", "mantou_kiln_traditional.json"}) {
        SCOPED_TRACE(s);
        core::Result<test::LoadedFiring> f = test::loadFiring(s);
        ASSERT_TRUE(f.ok()) << f.error().message;
        EXPECT_GE(f->model.rowCount(), 1);
    }
}

TEST(SimFiringData, EggKilnMeetsTheBriefsStructure) {
    core::Result<test::LoadedFiring> f = test::loadFiring("egg_kiln_traditional.json");
    ASSERT_TRUE(f.ok()) << f.error().message;
    EXPECT_GE(f->model.rowCount(), 40);
    EXPECT_GE(f->model.params().brick.nodes + f->model.params().fill.nodes, 3);
    const auto& zones = f->model.zones();
    EXPECT_EQ(zones.front().kind, ZoneKind::Firebox);
    EXPECT_EQ(zones.back().kind, ZoneKind::Chimney);
    EXPECT_EQ(zones[zones.size() - 2].kind, ZoneKind::Rear);
    // Chamber volume: ~200 m3 internal, 150-300 m3 (kilns.json volume_m3).
    double volume = 0.0;
    for (const ZoneInfo& z : zones) {
        if (z.kind != ZoneKind::Chimney) {
            volume += z.volumeM3;
        }
    }
    EXPECT_GT(volume, 150.0);
    EXPECT_LT(volume, 300.0);
}

TEST(SimFiringData, MissingFieldNamesFileLineAndField) {
    std::string text = readAsset("egg_kiln_traditional.json");
    replaceOnce(text, "\"damperOpen\": 1,", "");
    core::Result<FiringSchedule> s = parseSchedule(text, "sched.json");
    ASSERT_FALSE(s.ok());
    const std::string& msg = s.error().message;
    EXPECT_NE(msg.find("sched.json:"), std::string::npos) << msg;
    EXPECT_NE(msg.find("phases[0]"), std::string::npos) << msg;
    EXPECT_NE(msg.find("missing field 'damperOpen'"), std::string::npos) << msg;
    // The line is the first phase's, where the field belongs.
    const int line = lineOf(text, "{\n            \"name\": \"liu huo");
    EXPECT_NE(msg.find("sched.json:" + std::to_string(line + 0) + ":"), std::string::npos) << msg;
}

TEST(SimFiringData, NegativeFeedIsRejectedAtItsLine) {
    std::string text = readAsset("egg_kiln_traditional.json");
    replaceOnce(text, "\"feedEndKgPerHour\": 250", "\"feedEndKgPerHour\": -250");
    core::Result<FiringSchedule> s = parseSchedule(text, "s.json");
    ASSERT_FALSE(s.ok());
    const int line = lineOf(text, "-250");
    EXPECT_EQ(s.error().message.find("s.json:" + std::to_string(line) +
                                     ": phases[0].feedEndKgPerHour: must not be negative"),
              0u)
            << s.error().message;
}

TEST(SimFiringData, DoorSealedIsReadAndMustBeABoolean) {
    // The xie huo phase seals the door (docs/simulation.md 3, cooling pass); the others leave it.
    core::Result<FiringSchedule> ok =
            parseSchedule(readAsset("egg_kiln_traditional.json"), "sched.json");
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    for (std::size_t i = 0; i + 1 < ok.value().phases.size(); ++i) {
        EXPECT_FALSE(ok.value().phases[i].doorSealed) << i;
    }
    EXPECT_TRUE(ok.value().phases.back().doorSealed);
    std::string text = readAsset("egg_kiln_traditional.json");
    replaceOnce(text, "\"doorSealed\": true", "\"doorSealed\": \"yes\"");
    core::Result<FiringSchedule> s = parseSchedule(text, "s.json");
    ASSERT_FALSE(s.ok());
    const int line = lineOf(text, "\"doorSealed\": \"yes\"");
    EXPECT_NE(s.error().message.find("s.json:" + std::to_string(line) + ": phases[6].doorSealed"),
              std::string::npos)
            << s.error().message;
}

TEST(SimFiringData, TimeGoingBackwardsIsRejected) {
    std::string text = readAsset("egg_kiln_traditional.json");
    replaceOnce(text, "\"startHours\": 13,", "\"startHours\": 7,");
    core::Result<FiringSchedule> s = parseSchedule(text, "s.json");
    ASSERT_FALSE(s.ok());
    const int line = lineOf(text, "\"startHours\": 7,");
    EXPECT_NE(s.error().message.find("s.json:" + std::to_string(line) + ": phases[4].startHours"),
              std::string::npos)
            << s.error().message;
    EXPECT_NE(s.error().message.find("time goes backwards"), std::string::npos);

    core::Result<std::vector<PlayerCommand>> c = parseCommands(
            "{\"commands\": [\n{\"atHours\": 5, \"command\": \"stoke\", \"amount\": 40},\n"
            "{\"atHours\": 4, \"command\": \"mouth\", \"amount\": 0.5}]}",
            "c.json");
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message.find("c.json:3: commands[1].atHours: time goes backwards"),
              std::string::npos)
            << c.error().message;
}

TEST(SimFiringData, TemperatureBelowAbsoluteZeroIsRejected) {
    std::string text = readAsset("egg_kiln.json");
    replaceOnce(text, "\"ambientTemperatureC\": {\"value\": 20,",
                "\"ambientTemperatureC\": {\"value\": -300,");
    core::Result<KilnParams> p = parseKilnParams(text, "k.json");
    ASSERT_FALSE(p.ok());
    const int line = lineOf(text, "{\"value\": -300,");
    EXPECT_NE(
            p.error().message.find("k.json:" + std::to_string(line) +
                                   ": ambientTemperatureC.value: temperature below absolute zero"),
            std::string::npos)
            << p.error().message;

    std::string cones = readAsset("orton_heatwork.json");
    replaceOnce(cones, "\"at60CPerHourTemperatureC\": 586", "\"at60CPerHourTemperatureC\": -586");
    core::Result<HeatworkModel> hw = parseHeatwork(cones, "o.json");
    ASSERT_FALSE(hw.ok());
    EXPECT_NE(hw.error().message.find("below absolute zero"), std::string::npos)
            << hw.error().message;

    std::string knots = readAsset("orton_heatwork.json");
    replaceOnce(knots, "\"knotsC\": [1200, 1330]", "\"knotsC\": [1330, 1200]");
    hw = parseHeatwork(knots, "o.json");
    ASSERT_FALSE(hw.ok());
    EXPECT_NE(hw.error().message.find("o.json:" + std::to_string(lineOf(knots, "\"knotsC\"")) +
                                      ": activationEnergy.knotsC[1]: the knots must rise"),
              std::string::npos)
            << hw.error().message;

    std::string energies = readAsset("orton_heatwork.json");
    replaceOnce(energies, "\"energiesJPerMol\": [769000, 1375000]",
                "\"energiesJPerMol\": [769000]");
    hw = parseHeatwork(energies, "o.json");
    ASSERT_FALSE(hw.ok());
    EXPECT_NE(hw.error().message.find(
                      "activationEnergy.energiesJPerMol: expected one energy per knot"),
              std::string::npos)
            << hw.error().message;
}

TEST(SimFiringData, ParameterWithoutSourceIsRejected) {
    std::string text = readAsset("egg_kiln.json");
    replaceOnce(text, "\"chamberLengthM\": {\"value\": 17.36, \"source\":",
                "\"chamberLengthM\": {\"value\": 17.36, \"note\":");
    core::Result<KilnParams> p = parseKilnParams(text, "k.json");
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.error().message.find("chamberLengthM: missing field 'source'"), std::string::npos)
            << p.error().message;
}

TEST(SimFiringData, BrokenJsonGivesItsLine) {
    const std::string text = "{\n  \"name\": \"x\",\n  \"phases\": [ }\n";
    core::Result<FiringSchedule> s = parseSchedule(text, "b.json");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().message.rfind("b.json:3: not valid JSON", 0), 0u) << s.error().message;
}

TEST(SimFiringData, LoadingPlanRowsOutsideTheKilnAreRejected) {
    std::string text = readAsset("egg_kiln_loading_plan.json");
    core::Result<std::vector<WareSpec>> ok = parseLoadingPlan(text, "p.json", 40);
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->size(), 80u);
    EXPECT_EQ((*ok)[0].glaze, GlazeKind::CobaltBlue);     // row 1 upper
    EXPECT_EQ((*ok)[1].glaze, GlazeKind::Qingbai);        // row 1 lower
    EXPECT_EQ((*ok)[14 * 2].glaze, GlazeKind::CopperRed); // row 15 (copper red)
    core::Result<std::vector<WareSpec>> bad = parseLoadingPlan(text, "p.json", 30);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("rows: out of range"), std::string::npos)
            << bad.error().message;
}

TEST(SimFiringData, LocateJsonPathFindsNestedValues) {
    const std::string t = "{\"a\": {\"b\": [1, {\"c\": 2}]},\n \"d\": \"x\"}";
    EXPECT_EQ(t.substr(locateJsonPath(t, {"a", "b", "1", "c"}), 1), "2");
    EXPECT_EQ(t.substr(locateJsonPath(t, {"d"}), 3), "\"x\"");
    // Missing: the deepest enclosing value.
    EXPECT_EQ(t.substr(locateJsonPath(t, {"a", "zz"}), 1), "{");
}

} // namespace
} // namespace kiln::sim
