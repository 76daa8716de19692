// FiringHistory: decimated recording and scrub lookups of a firing's temperatures.
// Pure arithmetic on plain samples; no ImGui, no sim stepping.
#include "kiln/ui/firing_history.h"

#include <algorithm>

namespace kiln::ui {

FiringHistory::FiringHistory(double intervalHours, std::size_t maxPoints)
    : mBaseIntervalHours(intervalHours > 0.0 ? intervalHours : 5.0 / 60.0),
      mIntervalHours(mBaseIntervalHours), mMaxPoints(std::max<std::size_t>(maxPoints, 4)) {
    mPoints.reserve(mMaxPoints);
}

void FiringHistory::clear() {
    mPoints.clear();
    mIntervalHours = mBaseIntervalHours;
}

void FiringHistory::add(const FiringSample& sample) {
    if (!mPoints.empty() && sample.timeHours < mPoints.back().timeHours) {
        // Rewind: keep the points up to and including the sample's time.
        const auto firstAfter =
                std::upper_bound(mPoints.begin(), mPoints.end(), sample.timeHours,
                                 [](double t, const FiringSample& p) { return t < p.timeHours; });
        mPoints.erase(firstAfter, mPoints.end());
    }
    // 1e-9 h absorbs the rounding of kiln seconds summed step by step.
    if (!mPoints.empty() && sample.timeHours < mPoints.back().timeHours + mIntervalHours - 1e-9) {
        return;
    }
    if (mPoints.size() >= mMaxPoints) {
        decimate();
        if (sample.timeHours < mPoints.back().timeHours + mIntervalHours - 1e-9) {
            return;
        }
    }
    mPoints.push_back(sample);
}

void FiringHistory::decimate() {
    // Keep points 0, 2, 4, ...: the spacing doubles with the interval.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < mPoints.size(); i += 2) {
        mPoints[kept++] = mPoints[i];
    }
    mPoints.resize(kept);
    mIntervalHours *= 2.0;
}

std::optional<FiringSample> FiringHistory::sampleAt(double timeHours) const {
    if (mPoints.empty()) {
        return std::nullopt;
    }
    if (timeHours <= mPoints.front().timeHours) {
        return mPoints.front();
    }
    if (timeHours >= mPoints.back().timeHours) {
        return mPoints.back();
    }
    const auto after =
            std::upper_bound(mPoints.begin(), mPoints.end(), timeHours,
                             [](double t, const FiringSample& p) { return t < p.timeHours; });
    const FiringSample& b = *after;
    const FiringSample& a = *(after - 1);
    const double span = b.timeHours - a.timeHours;
    const double f = span > 0.0 ? (timeHours - a.timeHours) / span : 0.0;
    auto mix = [f](double x, double y) { return x + (y - x) * f; };
    FiringSample s;
    s.timeHours = timeHours;
    s.frontC = mix(a.frontC, b.frontC);
    s.middleC = mix(a.middleC, b.middleC);
    s.rearC = mix(a.rearC, b.rearC);
    s.fireboxC = mix(a.fireboxC, b.fireboxC);
    s.fuelBurntKg = mix(a.fuelBurntKg, b.fuelBurntKg);
    s.atmosphere = a.atmosphere;
    return s;
}

} // namespace kiln::ui
