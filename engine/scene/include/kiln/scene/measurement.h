// Measurement: the two-point measuring tool's state. The first point sets A, the second sets B
// and completes the measurement, a third starts a new one at A. Distances are in metres (model
// space is metres), with a label such as "17.36 m" for the app to draw at labelPointM().
// Does NOT pick: the app picks (picking.h) and passes the hit points in.
#pragma once

#include <glm/glm.hpp>

#include <optional>
#include <string>

namespace kiln::scene {

// "17.36 m": two decimals, a point as the decimal separator whatever the C locale; "-- m" for a
// negative or non-finite value.
std::string formatDistanceLabel(float distanceM);

class Measurement {
public:
    enum class State { Empty, HasFirstPoint, Complete };

    // Adds a picked point (see the file comment); non-finite points are ignored (returns false).
    bool addPoint(glm::vec3 pointM);
    void clear();

    State state() const;
    std::optional<glm::vec3> pointA() const { return mA; }
    std::optional<glm::vec3> pointB() const { return mB; }
    // Only when complete.
    std::optional<float> distanceM() const;
    // The text to draw ("17.36 m"), empty until complete.
    std::string label() const;
    // Where to draw the label: the midpoint of A and B, only when complete.
    std::optional<glm::vec3> labelPointM() const;

private:
    std::optional<glm::vec3> mA;
    std::optional<glm::vec3> mB;
};

} // namespace kiln::scene
