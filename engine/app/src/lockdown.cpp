// The lockdown table and the presenter key map. Kept as switch statements over every enumerator
// so adding a QuitSource or PresenterKey without deciding its policy fails -Wswitch.

#include "kiln/app/lockdown.h"

namespace kiln::app {

bool shouldIgnoreQuit(InstallationMode mode, QuitSource source, bool adminUnlocked) {
    switch (source) {
        case QuitSource::SystemSignal:
            return false; // a shutdown must never hang on a kiosk
        case QuitSource::AdminExit:
            return !adminUnlocked;
        case QuitSource::WindowClose:
        case QuitSource::AltF4:
        case QuitSource::CtrlQ:
        case QuitSource::CtrlW:
            return policyOf(mode).lockdown && !adminUnlocked;
        case QuitSource::Escape:
            // Esc never quits a classroom (clickers send it) nor a locked installation; once an
            // admin has unlocked, a technician's keyboard may use it.
            return mode == InstallationMode::Classroom || !adminUnlocked;
    }
    return true;
}

std::optional<PresenterCommand> presenterCommandFor(InstallationMode mode, PresenterKey key,
                                                    int sceneCount) {
    if (!policyOf(mode).presenterKeys) {
        return std::nullopt;
    }
    using Kind = PresenterCommand::Kind;
    int digit = -1;
    switch (key) {
        case PresenterKey::Right:
        case PresenterKey::Down:
        case PresenterKey::PageDown:
            return PresenterCommand{Kind::NextStop, 0};
        case PresenterKey::Left:
        case PresenterKey::Up:
        case PresenterKey::PageUp:
            return PresenterCommand{Kind::PreviousStop, 0};
        case PresenterKey::B:
        case PresenterKey::Period:
            return PresenterCommand{Kind::BlankScreen, 0};
        case PresenterKey::Digit0:
            digit = 10; // the key after 9 on the number row
            break;
        case PresenterKey::Digit1:
        case PresenterKey::Digit2:
        case PresenterKey::Digit3:
        case PresenterKey::Digit4:
        case PresenterKey::Digit5:
        case PresenterKey::Digit6:
        case PresenterKey::Digit7:
        case PresenterKey::Digit8:
        case PresenterKey::Digit9:
            digit = static_cast<int>(key) - static_cast<int>(PresenterKey::Digit0);
            break;
        case PresenterKey::Other:
            return std::nullopt;
    }
    if (digit < 1 || digit > sceneCount) {
        return std::nullopt;
    }
    return PresenterCommand{Kind::Scene, digit - 1};
}

} // namespace kiln::app
