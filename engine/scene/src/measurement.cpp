// Two-point measurement state and the distance label. std::to_chars formats without the C
// locale, so a German or French system still shows "17.36 m".
#include "kiln/scene/measurement.h"

#include <charconv>
#include <cmath>

namespace kiln::scene {

std::string formatDistanceLabel(float distanceM) {
    if (!std::isfinite(distanceM) || distanceM < 0.0f) {
        return "-- m";
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer),
                                      static_cast<double>(distanceM), std::chars_format::fixed, 2);
    if (result.ec != std::errc()) {
        return "-- m";
    }
    std::string text(buffer, result.ptr);
    text.append(" m");
    return text;
}

bool Measurement::addPoint(glm::vec3 pointM) {
    if (!std::isfinite(pointM.x) || !std::isfinite(pointM.y) || !std::isfinite(pointM.z)) {
        return false;
    }
    if (!mA || mB) {
        mA = pointM;
        mB.reset();
    } else {
        mB = pointM;
    }
    return true;
}

void Measurement::clear() {
    mA.reset();
    mB.reset();
}

Measurement::State Measurement::state() const {
    if (mA && mB) {
        return State::Complete;
    }
    return mA ? State::HasFirstPoint : State::Empty;
}

std::optional<float> Measurement::distanceM() const {
    if (!mA || !mB) {
        return std::nullopt;
    }
    return glm::length(*mB - *mA);
}

std::string Measurement::label() const {
    const std::optional<float> d = distanceM();
    return d ? formatDistanceLabel(*d) : std::string();
}

std::optional<glm::vec3> Measurement::labelPointM() const {
    if (!mA || !mB) {
        return std::nullopt;
    }
    return (*mA + *mB) * 0.5f;
}

} // namespace kiln::scene
