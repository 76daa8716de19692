// The way out of a locked-down installation: a long press in one screen corner opens a PIN
// keypad; the right PIN unlocks the admin menu, five wrong ones lock the keypad for a minute.
// Pure logic on pointer positions and times passed in; the app draws the keypad and menu.
// Does NOT know the PIN: only its hash (pin_hash.h); never logs digits.
#pragma once

#include "kiln/app/installation_config.h"

#include <string>

namespace kiln::app {

struct AdminGestureSettings {
    ScreenCorner corner = ScreenCorner::TopRight;
    float cornerSizePx = 80.0f; // side of the square, before the UI scale
    double holdSeconds = 3.0;
    float maxMovePx = 20.0f; // before the UI scale
    int maxWrongTries = 5;
    double lockoutSeconds = 60.0;
    double pinEntryTimeoutSeconds = 30.0; // an abandoned keypad closes by itself
};

// The gesture's settings from the installation file's "admin" section (corner, hold time).
AdminGestureSettings gestureSettingsOf(const AdminSettings& admin);

enum class AdminState {
    Idle,      // nothing pressed, or a press that is not (or no longer) the gesture
    Pressing,  // a press in the corner, held still, not yet long enough
    PinEntry,  // the keypad is showing
    LockedOut, // too many wrong PINs: the keypad refuses digits until the lockout ends
    Unlocked,  // the admin menu is open (exit, settings)
};

enum class AdminEvent { None, PinEntryRequested, PinEntryClosed };
enum class PinResult { Unlocked, Wrong, LockedOut, Ignored };

class AdminGesture {
public:
    AdminGesture(AdminGestureSettings settings, std::string pinHash);

    // The window's size in pixels and the UI scale (corner size and slack scale with it).
    void setViewport(float widthPx, float heightPx, float uiScale);

    // A single pointer (first finger or mouse). A press outside the corner is ignored.
    void pointerDown(float xPx, float yPx, double timeSeconds);
    void pointerMove(float xPx, float yPx, double timeSeconds);
    AdminEvent pointerUp(float xPx, float yPx, double timeSeconds);

    // Call every frame: raises PinEntryRequested when a still press reaches holdSeconds, ends a
    // lockout, and closes an abandoned keypad (PinEntryClosed).
    AdminEvent update(double timeSeconds);

    // Keypad input while PinEntry; ignored otherwise. At most kPinMaxDigits digits are kept.
    void enterDigit(int digit, double timeSeconds);
    void eraseDigit(double timeSeconds);
    PinResult submit(double timeSeconds);
    void cancelPinEntry();

    // The admin closes the menu: back to Idle (the wrong-try count was cleared on unlock).
    void lock();

    AdminState state() const { return mState; }
    std::size_t enteredDigitCount() const { return mDigits.size(); }
    int wrongTries() const { return mWrongTries; }
    double lockoutSecondsLeft(double timeSeconds) const;

    // True when (xPx, yPx) is inside the configured corner square.
    bool inCorner(float xPx, float yPx) const;

private:
    void clearDigits();

    AdminGestureSettings mSettings;
    std::string mPinHash;
    float mWidthPx = 0.0f;
    float mHeightPx = 0.0f;
    float mUiScale = 1.0f;
    AdminState mState = AdminState::Idle;
    float mPressXPx = 0.0f;
    float mPressYPx = 0.0f;
    double mPressSeconds = 0.0;
    double mLastKeypadSeconds = 0.0;
    double mLockoutEndSeconds = 0.0;
    int mWrongTries = 0;
    std::string mDigits;
};

} // namespace kiln::app
