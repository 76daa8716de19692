// FiringHistory: the record of a firing that the dashboard's chart draws and scrubs through. The
// app feeds it one plain sample per sim step; it keeps one point per interval of kiln time and
// halves its resolution whenever it would pass its point limit, so a 47 h firing stays bounded.
// Pure data: no ImGui, no sim state, no strings.
#pragma once

#include "kiln/sim/kiln_state.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace kiln::ui {

// What the chart shows at one instant (the app reads it from the KilnState each step).
struct FiringSample {
    double timeHours = 0.0;
    double frontC = 20.0; // mean setting temperature of the front, middle and rear thirds
    double middleC = 20.0;
    double rearC = 20.0;
    double fireboxC = 20.0; // firebox gas
    sim::Atmosphere atmosphere = sim::Atmosphere::Oxidizing;
    double fuelBurntKg = 0.0;
};

class FiringHistory {
public:
    // intervalHours > 0: the smallest kiln time between two kept points (default 5 kiln minutes);
    // maxPoints >= 4: when a new point would pass it, every other point is dropped and the
    // interval doubles.
    explicit FiringHistory(double intervalHours = 5.0 / 60.0, std::size_t maxPoints = 2000);

    // Adds a sample. One earlier than the last kept point rewinds the history: the points after
    // its time are dropped first (the app re-runs the firing when the visitor scrubs back).
    // A sample within the interval of the last kept point is not kept, except the first ever.
    void add(const FiringSample& sample);
    void clear();

    // The sample at kiln hour t: temperatures and fuel interpolated linearly between the kept
    // points around t, the atmosphere of the point at or before t; clamped to the first and last
    // points. Empty when nothing has been recorded.
    std::optional<FiringSample> sampleAt(double timeHours) const;

    const std::vector<FiringSample>& points() const { return mPoints; }
    std::size_t size() const { return mPoints.size(); }
    bool empty() const { return mPoints.empty(); }
    double intervalHours() const { return mIntervalHours; }
    std::size_t maxPoints() const { return mMaxPoints; }
    double firstHours() const { return mPoints.empty() ? 0.0 : mPoints.front().timeHours; }
    double lastHours() const { return mPoints.empty() ? 0.0 : mPoints.back().timeHours; }

private:
    void decimate();

    double mBaseIntervalHours;
    double mIntervalHours;
    std::size_t mMaxPoints;
    std::vector<FiringSample> mPoints;
};

} // namespace kiln::ui
