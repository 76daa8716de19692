// TourPlayer: a small state machine (not started -> moving -> dwelling -> moving ... -> finished).
// Every move starts from the pose being shown, so interrupting one never makes the camera jump.
#include "kiln/scene/tour.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiln::scene {

TourPlayer::TourPlayer(std::vector<Viewpoint> viewpoints, const TourSettings& settings)
    : mViewpoints(std::move(viewpoints)), mSettings(settings) {
    if (!mViewpoints.empty()) {
        mTransition = CameraTransition(mViewpoints.front().pose, mViewpoints.front().pose);
    }
}

const Viewpoint* TourPlayer::currentViewpoint() const {
    return mIndex < mViewpoints.size() ? &mViewpoints[mIndex] : nullptr;
}

void TourPlayer::moveTo(std::size_t index) {
    mTransition =
            CameraTransition(mTransition.pose(), mViewpoints[index].pose, mSettings.transition);
    mIndex = index;
    mPhase = Phase::Moving;
    mDwellElapsedSeconds = 0.0f;
}

void TourPlayer::start(const CameraPose& currentPose, std::size_t index) {
    if (index >= mViewpoints.size()) {
        return;
    }
    mTransition = CameraTransition(currentPose, currentPose);
    moveTo(index);
    mPlaying = true;
}

void TourPlayer::play() {
    if (mViewpoints.empty()) {
        return;
    }
    if (mPhase == Phase::NotStarted || mPhase == Phase::Finished) {
        moveTo(0);
    }
    mPlaying = true;
}

void TourPlayer::pause() {
    mPlaying = false;
}

void TourPlayer::next() {
    if (mViewpoints.empty()) {
        return;
    }
    if (mPhase == Phase::NotStarted) {
        moveTo(0);
        return;
    }
    if (mIndex + 1 < mViewpoints.size()) {
        moveTo(mIndex + 1);
    } else if (mSettings.loop) {
        moveTo(0);
    }
}

void TourPlayer::previous() {
    if (mViewpoints.empty()) {
        return;
    }
    if (mPhase == Phase::NotStarted) {
        moveTo(0);
        return;
    }
    if (mIndex > 0) {
        moveTo(mIndex - 1);
    } else if (mSettings.loop) {
        moveTo(mViewpoints.size() - 1);
    }
}

void TourPlayer::goTo(std::size_t index) {
    if (index < mViewpoints.size()) {
        moveTo(index);
    }
}

CameraPose TourPlayer::update(float dtSeconds) {
    if (!std::isfinite(dtSeconds) || dtSeconds < 0.0f) {
        dtSeconds = 0.0f;
    }
    mTransition.update(dtSeconds);
    if (mPhase == Phase::Moving && mTransition.finished()) {
        mPhase = Phase::Dwelling;
        mDwellElapsedSeconds = 0.0f;
    } else if (mPhase == Phase::Dwelling && mPlaying) {
        mDwellElapsedSeconds += dtSeconds;
        if (mDwellElapsedSeconds >= std::max(mViewpoints[mIndex].dwellSeconds, 0.0f)) {
            if (mIndex + 1 < mViewpoints.size()) {
                moveTo(mIndex + 1);
            } else if (mSettings.loop) {
                moveTo(0);
            } else {
                mPhase = Phase::Finished;
                mPlaying = false;
            }
        }
    }
    return mTransition.pose();
}

} // namespace kiln::scene
