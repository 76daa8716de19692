// The admin gesture and PIN keypad state machine. A PIN is checked only through verifyPin (a
// PBKDF2 hash, ~0.1 s), so submit is called once per keypad "OK", never per frame.

#include "kiln/app/admin_gesture.h"

#include "kiln/app/pin_hash.h"

#include <algorithm>
#include <cmath>

namespace kiln::app {

AdminGestureSettings gestureSettingsOf(const AdminSettings& admin) {
    AdminGestureSettings settings;
    settings.corner = admin.corner;
    settings.holdSeconds = admin.holdSeconds;
    return settings;
}

AdminGesture::AdminGesture(AdminGestureSettings settings, std::string pinHash)
    : mSettings(settings), mPinHash(std::move(pinHash)) {}

void AdminGesture::setViewport(float widthPx, float heightPx, float uiScale) {
    mWidthPx = widthPx;
    mHeightPx = heightPx;
    mUiScale = uiScale > 0.0f ? uiScale : 1.0f;
}

bool AdminGesture::inCorner(float xPx, float yPx) const {
    const float side = mSettings.cornerSizePx * mUiScale;
    const bool left = mSettings.corner == ScreenCorner::TopLeft ||
                      mSettings.corner == ScreenCorner::BottomLeft;
    const bool top =
            mSettings.corner == ScreenCorner::TopLeft || mSettings.corner == ScreenCorner::TopRight;
    const bool xInside =
            left ? (xPx >= 0.0f && xPx < side) : (xPx >= mWidthPx - side && xPx <= mWidthPx);
    const bool yInside =
            top ? (yPx >= 0.0f && yPx < side) : (yPx >= mHeightPx - side && yPx <= mHeightPx);
    return xInside && yInside;
}

void AdminGesture::pointerDown(float xPx, float yPx, double timeSeconds) {
    if (mState != AdminState::Idle && mState != AdminState::Pressing) {
        return; // keypad, lockout or menu showing: their buttons take the touches
    }
    if (!inCorner(xPx, yPx)) {
        mState = AdminState::Idle;
        return;
    }
    mState = AdminState::Pressing;
    mPressXPx = xPx;
    mPressYPx = yPx;
    mPressSeconds = timeSeconds;
}

void AdminGesture::pointerMove(float xPx, float yPx, double timeSeconds) {
    (void)timeSeconds;
    if (mState != AdminState::Pressing) {
        return;
    }
    const float dx = xPx - mPressXPx;
    const float dy = yPx - mPressYPx;
    const float slack = mSettings.maxMovePx * mUiScale;
    if (dx * dx + dy * dy > slack * slack) {
        mState = AdminState::Idle; // a drag (orbiting the kiln), not the gesture
    }
}

AdminEvent AdminGesture::pointerUp(float xPx, float yPx, double timeSeconds) {
    pointerMove(xPx, yPx, timeSeconds);
    // A release exactly at holdSeconds may come before the frame's update: count it.
    const AdminEvent event = update(timeSeconds);
    if (mState == AdminState::Pressing) {
        mState = AdminState::Idle; // released too early
    }
    return event;
}

AdminEvent AdminGesture::update(double timeSeconds) {
    switch (mState) {
        case AdminState::Pressing:
            if (timeSeconds - mPressSeconds >= mSettings.holdSeconds) {
                mState = AdminState::PinEntry;
                mLastKeypadSeconds = timeSeconds;
                clearDigits();
                return AdminEvent::PinEntryRequested;
            }
            break;
        case AdminState::PinEntry:
            if (timeSeconds - mLastKeypadSeconds >= mSettings.pinEntryTimeoutSeconds) {
                cancelPinEntry();
                return AdminEvent::PinEntryClosed;
            }
            break;
        case AdminState::LockedOut:
            if (timeSeconds >= mLockoutEndSeconds) {
                mWrongTries = 0;
                mState = AdminState::Idle;
                return AdminEvent::PinEntryClosed;
            }
            break;
        case AdminState::Idle:
        case AdminState::Unlocked:
            break;
    }
    return AdminEvent::None;
}

void AdminGesture::enterDigit(int digit, double timeSeconds) {
    if (mState != AdminState::PinEntry || digit < 0 || digit > 9 ||
        mDigits.size() >= kPinMaxDigits) {
        return;
    }
    mDigits.push_back(static_cast<char>('0' + digit));
    mLastKeypadSeconds = timeSeconds;
}

void AdminGesture::eraseDigit(double timeSeconds) {
    if (mState != AdminState::PinEntry || mDigits.empty()) {
        return;
    }
    mDigits.pop_back();
    mLastKeypadSeconds = timeSeconds;
}

PinResult AdminGesture::submit(double timeSeconds) {
    if (mState == AdminState::LockedOut) {
        return PinResult::LockedOut;
    }
    if (mState != AdminState::PinEntry) {
        return PinResult::Ignored;
    }
    mLastKeypadSeconds = timeSeconds;
    // An empty hash (a classroom without a PIN) never unlocks: verifyPin rejects it.
    const bool right = verifyPin(mDigits, mPinHash);
    clearDigits();
    if (right) {
        mWrongTries = 0;
        mState = AdminState::Unlocked;
        return PinResult::Unlocked;
    }
    ++mWrongTries;
    if (mWrongTries >= mSettings.maxWrongTries) {
        mState = AdminState::LockedOut;
        mLockoutEndSeconds = timeSeconds + mSettings.lockoutSeconds;
        return PinResult::LockedOut;
    }
    return PinResult::Wrong;
}

void AdminGesture::cancelPinEntry() {
    if (mState == AdminState::PinEntry) {
        clearDigits();
        mState = AdminState::Idle;
    }
}

void AdminGesture::lock() {
    if (mState == AdminState::Unlocked) {
        mState = AdminState::Idle;
    }
}

double AdminGesture::lockoutSecondsLeft(double timeSeconds) const {
    if (mState != AdminState::LockedOut) {
        return 0.0;
    }
    return std::max(0.0, mLockoutEndSeconds - timeSeconds);
}

void AdminGesture::clearDigits() {
    // Overwrite before clearing so the digits do not linger in the buffer.
    std::fill(mDigits.begin(), mDigits.end(), '\0');
    mDigits.clear();
}

} // namespace kiln::app
