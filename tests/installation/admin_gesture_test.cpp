// The admin gesture: a long still press in the configured corner opens the PIN keypad (too
// short, moved too far, wrong corner do not); five wrong PINs lock the keypad for a minute; the
// right PIN unlocks. The viewport is 1920 x 1080 at UI scale 1.5 (corner square 120 px, slack
// 30 px).

#include "kiln/app/admin_gesture.h"

#include "kiln/app/pin_hash.h"

#include <gtest/gtest.h>

namespace kiln::app {
namespace {

const std::string& pinHash() {
    static const std::string hash = hashPin("2580", {'k', 'i', 'l', 'n', 'f', 'i', 'r', 'e'});
    return hash;
}

AdminGesture makeGesture(ScreenCorner corner = ScreenCorner::TopRight) {
    AdminGestureSettings settings;
    settings.corner = corner;
    AdminGesture gesture(settings, pinHash());
    gesture.setViewport(1920.0f, 1080.0f, 1.5f);
    return gesture;
}

// Presses at (x, y) at t = 10 s and holds still for `heldSeconds`, updating every 0.1 s.
AdminEvent holdAt(AdminGesture& gesture, float x, float y, double heldSeconds) {
    gesture.pointerDown(x, y, 10.0);
    AdminEvent raised = AdminEvent::None;
    for (double t = 10.0; t < 10.0 + heldSeconds - 1e-9; t += 0.1) {
        const AdminEvent event = gesture.update(t);
        if (event != AdminEvent::None) {
            raised = event;
        }
    }
    const AdminEvent up = gesture.pointerUp(x, y, 10.0 + heldSeconds);
    return up != AdminEvent::None ? up : raised;
}

void typePin(AdminGesture& gesture, std::string_view digits, double t) {
    for (const char c : digits) {
        gesture.enterDigit(c - '0', t);
    }
}

TEST(AdminGesture, LongStillPressInTheCornerOpensTheKeypad) {
    AdminGesture gesture = makeGesture();
    EXPECT_EQ(holdAt(gesture, 1900.0f, 20.0f, 3.0), AdminEvent::PinEntryRequested);
    EXPECT_EQ(gesture.state(), AdminState::PinEntry);
}

TEST(AdminGesture, KeypadOpensWhileStillHeld) {
    AdminGesture gesture = makeGesture();
    gesture.pointerDown(1850.0f, 60.0f, 0.0);
    EXPECT_EQ(gesture.update(2.9), AdminEvent::None);
    EXPECT_EQ(gesture.state(), AdminState::Pressing);
    EXPECT_EQ(gesture.update(3.0), AdminEvent::PinEntryRequested);
    EXPECT_EQ(gesture.update(3.1), AdminEvent::None); // once
}

TEST(AdminGesture, TooShortPressDoesNothing) {
    AdminGesture gesture = makeGesture();
    EXPECT_EQ(holdAt(gesture, 1900.0f, 20.0f, 2.5), AdminEvent::None);
    EXPECT_EQ(gesture.state(), AdminState::Idle);
}

TEST(AdminGesture, MovingTooFarCancelsThePress) {
    AdminGesture gesture = makeGesture();
    gesture.pointerDown(1900.0f, 20.0f, 0.0);
    gesture.pointerMove(1880.0f, 30.0f, 1.0); // 22 px: within the 30 px slack at scale 1.5
    EXPECT_EQ(gesture.state(), AdminState::Pressing);
    gesture.pointerMove(1865.0f, 40.0f, 1.5); // 40 px from the press
    EXPECT_EQ(gesture.state(), AdminState::Idle);
    EXPECT_EQ(gesture.update(3.5), AdminEvent::None);
    EXPECT_EQ(gesture.pointerUp(1865.0f, 40.0f, 4.0), AdminEvent::None);
}

TEST(AdminGesture, WrongCornerDoesNothing) {
    AdminGesture gesture = makeGesture(ScreenCorner::TopRight);
    EXPECT_EQ(holdAt(gesture, 20.0f, 20.0f, 4.0), AdminEvent::None);     // top-left
    EXPECT_EQ(holdAt(gesture, 1900.0f, 1060.0f, 4.0), AdminEvent::None); // bottom-right
    EXPECT_EQ(holdAt(gesture, 1900.0f, 130.0f, 4.0), AdminEvent::None);  // just below the square
    EXPECT_EQ(holdAt(gesture, 1790.0f, 20.0f, 4.0), AdminEvent::None);   // just left of it
    EXPECT_EQ(gesture.state(), AdminState::Idle);
}

TEST(AdminGesture, CornerSquareScalesWithTheUi) {
    AdminGesture gesture = makeGesture(ScreenCorner::BottomLeft);
    EXPECT_TRUE(gesture.inCorner(119.0f, 961.0f));
    EXPECT_FALSE(gesture.inCorner(121.0f, 1000.0f));
    gesture.setViewport(1920.0f, 1080.0f, 1.0f);
    EXPECT_FALSE(gesture.inCorner(100.0f, 1060.0f));
    EXPECT_TRUE(gesture.inCorner(79.0f, 1001.0f));
}

TEST(AdminGesture, RightPinUnlocksAndLockReturnsToIdle) {
    AdminGesture gesture = makeGesture();
    ASSERT_EQ(holdAt(gesture, 1900.0f, 20.0f, 3.0), AdminEvent::PinEntryRequested);
    typePin(gesture, "2580", 14.0);
    EXPECT_EQ(gesture.enteredDigitCount(), 4u);
    EXPECT_EQ(gesture.submit(15.0), PinResult::Unlocked);
    EXPECT_EQ(gesture.state(), AdminState::Unlocked);
    EXPECT_EQ(gesture.enteredDigitCount(), 0u);
    gesture.lock();
    EXPECT_EQ(gesture.state(), AdminState::Idle);
}

TEST(AdminGesture, EraseDigitCorrectsATypo) {
    AdminGesture gesture = makeGesture();
    ASSERT_EQ(holdAt(gesture, 1900.0f, 20.0f, 3.0), AdminEvent::PinEntryRequested);
    typePin(gesture, "2581", 14.0);
    gesture.eraseDigit(14.5);
    typePin(gesture, "0", 14.6);
    EXPECT_EQ(gesture.submit(15.0), PinResult::Unlocked);
}

TEST(AdminGesture, FiveWrongPinsLockOutForAMinute) {
    AdminGesture gesture = makeGesture();
    ASSERT_EQ(holdAt(gesture, 1900.0f, 20.0f, 3.0), AdminEvent::PinEntryRequested);
    double t = 14.0;
    for (int i = 0; i < 4; ++i) {
        typePin(gesture, "1111", t);
        EXPECT_EQ(gesture.submit(t), PinResult::Wrong) << "try " << i + 1;
        EXPECT_EQ(gesture.state(), AdminState::PinEntry);
        t += 1.0;
    }
    typePin(gesture, "1111", t);
    EXPECT_EQ(gesture.submit(t), PinResult::LockedOut);
    EXPECT_EQ(gesture.state(), AdminState::LockedOut);
    EXPECT_DOUBLE_EQ(gesture.lockoutSecondsLeft(t), 60.0);

    // The right PIN is refused during the lockout, and the corner does not reopen the keypad.
    typePin(gesture, "2580", t + 10.0);
    EXPECT_EQ(gesture.submit(t + 10.0), PinResult::LockedOut);
    gesture.pointerDown(1900.0f, 20.0f, t + 11.0);
    EXPECT_EQ(gesture.update(t + 15.0), AdminEvent::None);
    EXPECT_EQ(gesture.update(t + 59.9), AdminEvent::None);
    EXPECT_EQ(gesture.state(), AdminState::LockedOut);

    EXPECT_EQ(gesture.update(t + 60.0), AdminEvent::PinEntryClosed);
    EXPECT_EQ(gesture.state(), AdminState::Idle);
    EXPECT_EQ(gesture.wrongTries(), 0);
    ASSERT_EQ(holdAt(gesture, 1900.0f, 20.0f, 3.0), AdminEvent::PinEntryRequested);
    typePin(gesture, "2580", 200.0);
    EXPECT_EQ(gesture.submit(200.0), PinResult::Unlocked);
}

TEST(AdminGesture, CancellingTheKeypadKeepsTheWrongTryCount) {
    AdminGesture gesture = makeGesture();
    ASSERT_EQ(holdAt(gesture, 1900.0f, 20.0f, 3.0), AdminEvent::PinEntryRequested);
    typePin(gesture, "1111", 14.0);
    EXPECT_EQ(gesture.submit(14.0), PinResult::Wrong);
    gesture.cancelPinEntry();
    EXPECT_EQ(gesture.state(), AdminState::Idle);
    EXPECT_EQ(gesture.wrongTries(), 1);
}

TEST(AdminGesture, AbandonedKeypadClosesItself) {
    AdminGesture gesture = makeGesture();
    ASSERT_EQ(holdAt(gesture, 1900.0f, 20.0f, 3.0), AdminEvent::PinEntryRequested);
    typePin(gesture, "25", 20.0);
    EXPECT_EQ(gesture.update(49.9), AdminEvent::None);
    EXPECT_EQ(gesture.update(50.0), AdminEvent::PinEntryClosed);
    EXPECT_EQ(gesture.state(), AdminState::Idle);
    EXPECT_EQ(gesture.enteredDigitCount(), 0u);
}

TEST(AdminGesture, WithoutAPinHashNothingUnlocks) {
    AdminGesture gesture(AdminGestureSettings{}, "");
    gesture.setViewport(800.0f, 600.0f, 1.0f);
    ASSERT_EQ(holdAt(gesture, 790.0f, 10.0f, 3.0), AdminEvent::PinEntryRequested);
    typePin(gesture, "0000", 14.0);
    EXPECT_EQ(gesture.submit(14.0), PinResult::Wrong);
}

TEST(AdminGesture, SettingsComeFromTheConfig) {
    AdminSettings admin;
    admin.corner = ScreenCorner::BottomRight;
    admin.holdSeconds = 5.0;
    AdminGesture gesture(gestureSettingsOf(admin), pinHash());
    gesture.setViewport(1920.0f, 1080.0f, 1.0f);
    EXPECT_EQ(holdAt(gesture, 1900.0f, 20.0f, 6.0), AdminEvent::None);   // top-right: wrong
    EXPECT_EQ(holdAt(gesture, 1900.0f, 1060.0f, 4.5), AdminEvent::None); // too short
    EXPECT_EQ(holdAt(gesture, 1900.0f, 1060.0f, 5.0), AdminEvent::PinEntryRequested);
}

} // namespace
} // namespace kiln::app
