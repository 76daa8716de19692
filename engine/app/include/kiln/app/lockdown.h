// Lockdown and presenter keys as pure policy: which attempts to quit an installation ignores, and
// which plain keys a classroom clicker's presses become. Key codes here are our own; the app maps
// SDL keycodes to them. Does NOT see SDL or block anything itself: the app asks and obeys.
#pragma once

#include "kiln/app/installation_config.h"

#include <optional>

namespace kiln::app {

enum class QuitSource {
    WindowClose,  // the window's close button (SDL_WINDOWEVENT_CLOSE)
    AltF4,        // Alt+F4 (SDL turns it into SDL_QUIT on most desktops)
    Escape,       // the Esc key
    CtrlQ,        // Ctrl+Q
    CtrlW,        // Ctrl+W
    SystemSignal, // SIGTERM/SIGINT or the session ending: the operating system is shutting down
    AdminExit,    // "Exit" in the unlocked admin menu
};

// True when the app must ignore this attempt to quit. Locked-down modes ignore everything but
// the system and the admin menu until an admin has unlocked; a classroom ignores only Escape,
// because presentation clickers send it from their "slideshow" button.
bool shouldIgnoreQuit(InstallationMode mode, QuitSource source, bool adminUnlocked);

// Plain key codes for presenter input (the app maps SDL keycodes to them).
enum class PresenterKey {
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    B,
    Period,
    Digit0,
    Digit1,
    Digit2,
    Digit3,
    Digit4,
    Digit5,
    Digit6,
    Digit7,
    Digit8,
    Digit9,
    Other,
};

struct PresenterCommand {
    enum class Kind { NextStop, PreviousStop, BlankScreen, Scene };
    Kind kind = Kind::NextStop;
    int sceneIndex = 0; // for Scene: 0-based index into the config's scene list

    bool operator==(const PresenterCommand&) const = default;
};

// The command for a key in this mode, or nothing (mode without presenter keys, a number beyond
// the scene list, any other key). 1..9 choose scenes 1..9, 0 the tenth; B and '.' blank the
// screen (a clicker's "black screen" button sends one of them); modifiers are the caller's check.
std::optional<PresenterCommand> presenterCommandFor(InstallationMode mode, PresenterKey key,
                                                    int sceneCount);

} // namespace kiln::app
