// Tours: authored viewpoints visited in order. TourPlayer plays them (a smooth CameraTransition to
// each, then a dwell), pauses, steps back and forth and jumps to any viewpoint, always moving
// smoothly from wherever the camera is at that moment. Pure data in, a CameraPose out.
// Does NOT load tour files, show captions or drive hotspots: it reports the current viewpoint.
#pragma once

#include "kiln/scene/camera_pose.h"
#include "kiln/scene/camera_transition.h"

#include <cstddef>
#include <string>
#include <vector>

namespace kiln::scene {

struct Viewpoint {
    std::string id;
    CameraPose pose;
    float dwellSeconds = 5.0f; // how long a playing tour rests here before moving on
    std::string caption;       // optional: a string id for the app to show
    std::string hotspotId;     // optional
};

struct TourSettings {
    bool loop = false; // after the last viewpoint, go round to the first (and back from the first)
    TransitionSettings transition;
};

class TourPlayer {
public:
    enum class Phase { NotStarted, Moving, Dwelling, Finished };

    explicit TourPlayer(std::vector<Viewpoint> viewpoints = {}, const TourSettings& settings = {});

    // Starts (or restarts) playing at `index`, moving there smoothly from `currentPose`.
    void start(const CameraPose& currentPose, std::size_t index = 0);
    // Resumes the dwell clock; after the end (or before a start) plays again from the first
    // viewpoint, moving there from the current pose.
    void play();
    // Stops the dwell clock, so the tour stays at its viewpoint. A transition already under way
    // still completes: the camera is never left hanging between two viewpoints.
    void pause();
    // Move to the next / previous / given viewpoint now, playing or paused (the state is kept).
    // At either end they stay put unless the tour loops. An index out of range is ignored.
    void next();
    void previous();
    void goTo(std::size_t index);

    // Advances time and returns the camera pose to draw.
    CameraPose update(float dtSeconds);
    CameraPose pose() const { return mTransition.pose(); }

    bool playing() const { return mPlaying; }
    Phase phase() const { return mPhase; }
    std::size_t currentIndex() const { return mIndex; }
    const Viewpoint* currentViewpoint() const;
    std::size_t size() const { return mViewpoints.size(); }
    const std::vector<Viewpoint>& viewpoints() const { return mViewpoints; }
    float dwellElapsedSeconds() const { return mDwellElapsedSeconds; }

private:
    void moveTo(std::size_t index);

    std::vector<Viewpoint> mViewpoints;
    TourSettings mSettings;
    CameraTransition mTransition;
    std::size_t mIndex = 0;
    Phase mPhase = Phase::NotStarted;
    bool mPlaying = false;
    float mDwellElapsedSeconds = 0.0f;
};

} // namespace kiln::scene
