// The installation's own overlays: the attract loop's invitation, the "still there?" countdown,
// the admin PIN keypad and menu, a blank (black) screen for presenters and the classroom's
// pointer highlight. Drawn with ImGui and the ui module's touch buttons; every word comes from the
// content's UI strings (passed in). Return what was tapped; they change no state themselves.
#pragma once

#include "kiln/ui/touch_target.h"

#include <optional>
#include <string>
#include <vector>

namespace kiln::app {

// A bilingual line: both languages are shown at once where nobody has chosen one yet.
struct Bilingual {
    std::string zh;
    std::string en;
};

// The invitation over the attract loop, pulsing gently; the whole screen is the touch target
// (the app starts a session on any touch, not this widget).
void drawAttractInvitation(const Bilingual& invitation, const Bilingual& title, float uiScale,
                           double timeSeconds);

// The modal "still there?" card with the seconds left; returns true when its button is tapped
// (any other touch also counts: the app handles that).
bool drawStillThere(const Bilingual& question, const Bilingual& countdown,
                    const Bilingual& continueLabel, float uiScale,
                    std::vector<ui::TouchTarget>* targets);

struct KeypadView {
    std::string title;   // "Staff PIN"
    std::string message; // wrong PIN / locked out for N s; empty for none
    std::size_t digitsEntered = 0;
    bool lockedOut = false;
    std::string eraseLabel;
    std::string okLabel;
    std::string cancelLabel;
    float uiScale = 1.0f;
};
struct KeypadCommand {
    std::optional<int> digit;
    bool erase = false;
    bool submit = false;
    bool cancel = false;
    std::vector<ui::TouchTarget> targets; // "pin.0".."pin.9", "pin.erase", "pin.ok", "pin.cancel"
};
KeypadCommand drawPinKeypad(const KeypadView& view);

struct AdminMenuView {
    std::string title;
    std::string exitLabel;
    std::string resetLabel;
    std::string closeLabel;
    std::string status;         // installation name
    std::string analyticsLine;  // analytics: recording / paused / unavailable and why
    std::string analyticsLabel; // the toggle: pause or resume recording
    bool analyticsAvailable = false;
    std::string languageLabel; // the start language for the next visitors (names the other one)
    float uiScale = 1.0f;
};
struct AdminMenuCommand {
    bool exit = false;
    bool reset = false;
    bool close = false;
    bool toggleAnalytics = false;
    bool toggleStartLanguage = false;
    std::vector<ui::TouchTarget> targets; // "admin.exit", "admin.reset", "admin.close",
                                          // "admin.analytics", "admin.language"
};
AdminMenuCommand drawAdminMenu(const AdminMenuView& view);

// A black screen over everything (a presenter's "B").
void drawBlankScreen();

// A ring round the pointer so a class sees where the teacher points; `alpha` fades it out.
void drawPointerHighlight(float xPx, float yPx, float uiScale, float alpha);

} // namespace kiln::app
