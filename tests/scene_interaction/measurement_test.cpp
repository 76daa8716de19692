// Measurement: the tap state machine, known distances and the label format.
#include "kiln/scene/measurement.h"

#include "interaction_fixtures.h"
#include "kiln/scene/picking.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <cmath>

using namespace kiln::scene;

TEST(Measurement, FirstTapSetsASecondSetsBThirdStartsAgain) {
    Measurement m;
    EXPECT_EQ(m.state(), Measurement::State::Empty);
    EXPECT_TRUE(m.label().empty());
    m.addPoint({1, 2, 3});
    EXPECT_EQ(m.state(), Measurement::State::HasFirstPoint);
    EXPECT_FALSE(m.distanceM().has_value());
    m.addPoint({4, 6, 15}); // 3-4-12 -> 13
    EXPECT_EQ(m.state(), Measurement::State::Complete);
    EXPECT_FLOAT_EQ(*m.distanceM(), 13.0f);
    EXPECT_EQ(m.label(), "13.00 m");
    EXPECT_EQ(*m.labelPointM(), glm::vec3(2.5f, 4.0f, 9.0f));
    m.addPoint({0, 0, 0});
    EXPECT_EQ(m.state(), Measurement::State::HasFirstPoint);
    EXPECT_EQ(*m.pointA(), glm::vec3(0.0f));
    EXPECT_FALSE(m.pointB().has_value());
    EXPECT_FALSE(m.addPoint({std::nanf(""), 0, 0}));
    EXPECT_EQ(m.state(), Measurement::State::HasFirstPoint);
    m.clear();
    EXPECT_EQ(m.state(), Measurement::State::Empty);
}

TEST(Measurement, LabelFormat) {
    struct Case {
        const char* name;
        float metres;
        const char* label;
    };
    const Case cases[] = {
            {"chamber", 17.36f, "17.36 m"},    {"rounds down", 17.364f, "17.36 m"},
            {"rounds up", 17.366f, "17.37 m"}, {"whole", 3.0f, "3.00 m"},
            {"small", 0.25f, "0.25 m"},        {"zero", 0.0f, "0.00 m"},
            {"long", 1234.5f, "1234.50 m"},    {"negative", -1.0f, "-- m"},
            {"nan", std::nanf(""), "-- m"},    {"inf", INFINITY, "-- m"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(formatDistanceLabel(c.metres), c.label) << c.name;
    }
}

// The teacher's demonstration: tap both ends of a 17.36 m chamber (a box in code) and read the
// label; the points come from picking, as in the app.
TEST(Measurement, ChamberLengthFromTwoPicks) {
    kiln::assets::ModelData model;
    model.meshes.push_back(kiln::test::makeBoxMesh({8.93f, 1.5f, 2.0f}, "chamber"));
    model.instances.push_back(kiln::test::makeInstance(
            0, glm::translate(glm::mat4(1.0f), {8.68f, 1.5f, 0.0f}), "chamber"));
    const PickingIndex index(model);
    // The box runs from x = -0.25 to 17.61; rays straight down onto its roof at x = 0 and 17.36.
    const auto a = index.pick({{0.0f, 10.0f, 0.0f}, {0.0f, -1.0f, 0.0f}});
    const auto b = index.pick({{17.36f, 10.0f, 1.0f}, {0.0f, -1.0f, 0.0f}});
    ASSERT_TRUE(a && b);
    Measurement m;
    m.addPoint(a->pointM);
    m.addPoint(b->pointM);
    EXPECT_NEAR(*m.distanceM(), std::sqrt(17.36f * 17.36f + 1.0f), 1e-4f);
    Measurement along;
    along.addPoint(a->pointM);
    along.addPoint(index.pick({{17.36f, 10.0f, 0.0f}, {0.0f, -1.0f, 0.0f}})->pointM);
    EXPECT_EQ(along.label(), "17.36 m");
}
