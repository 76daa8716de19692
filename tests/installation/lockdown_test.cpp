// Lockdown as a table (mode x quit source x admin unlocked -> ignored?) and the presenter keys.

#include "kiln/app/lockdown.h"

#include <gtest/gtest.h>

namespace kiln::app {
namespace {

using Mode = InstallationMode;
using Source = QuitSource;

struct QuitCase {
    Mode mode;
    Source source;
    bool adminUnlocked;
    bool ignored;
};

TEST(Lockdown, QuitPolicyTable) {
    const QuitCase cases[] = {
            // Kiosk and exhibition: nothing a visitor can press quits.
            {Mode::Kiosk, Source::WindowClose, false, true},
            {Mode::Kiosk, Source::AltF4, false, true},
            {Mode::Kiosk, Source::Escape, false, true},
            {Mode::Kiosk, Source::CtrlQ, false, true},
            {Mode::Kiosk, Source::CtrlW, false, true},
            {Mode::Kiosk, Source::AdminExit, false, true},
            {Mode::Kiosk, Source::SystemSignal, false, false},
            {Mode::Exhibition, Source::WindowClose, false, true},
            {Mode::Exhibition, Source::AltF4, false, true},
            {Mode::Exhibition, Source::Escape, false, true},
            {Mode::Exhibition, Source::SystemSignal, false, false},
            // ... until an admin has unlocked.
            {Mode::Kiosk, Source::AdminExit, true, false},
            {Mode::Kiosk, Source::AltF4, true, false},
            {Mode::Kiosk, Source::WindowClose, true, false},
            {Mode::Kiosk, Source::Escape, true, false},
            {Mode::Exhibition, Source::CtrlQ, true, false},
            // Classroom: the teacher may close the program, but Esc (a clicker's) never quits.
            {Mode::Classroom, Source::WindowClose, false, false},
            {Mode::Classroom, Source::AltF4, false, false},
            {Mode::Classroom, Source::CtrlQ, false, false},
            {Mode::Classroom, Source::CtrlW, false, false},
            {Mode::Classroom, Source::SystemSignal, false, false},
            {Mode::Classroom, Source::Escape, false, true},
            {Mode::Classroom, Source::Escape, true, true},
            {Mode::Classroom, Source::AdminExit, false, true},
    };
    for (const QuitCase& c : cases) {
        EXPECT_EQ(shouldIgnoreQuit(c.mode, c.source, c.adminUnlocked), c.ignored)
                << modeCode(c.mode) << " source " << static_cast<int>(c.source) << " unlocked "
                << c.adminUnlocked;
    }
}

TEST(PresenterKeys, ClassroomMapsClickerKeys) {
    using Kind = PresenterCommand::Kind;
    const auto next = PresenterCommand{Kind::NextStop, 0};
    const auto previous = PresenterCommand{Kind::PreviousStop, 0};
    const auto blank = PresenterCommand{Kind::BlankScreen, 0};
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::Right, 5), next);
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::PageDown, 5), next);
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::Down, 5), next);
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::Left, 5), previous);
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::PageUp, 5), previous);
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::Up, 5), previous);
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::B, 5), blank);
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::Period, 5), blank);
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::Other, 5), std::nullopt);
}

TEST(PresenterKeys, NumberKeysChooseScenesInTheConfigsOrder) {
    using Kind = PresenterCommand::Kind;
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::Digit1, 5),
              (PresenterCommand{Kind::Scene, 0}));
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::Digit5, 5),
              (PresenterCommand{Kind::Scene, 4}));
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::Digit6, 5), std::nullopt);
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::Digit0, 5), std::nullopt);
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::Digit0, 10),
              (PresenterCommand{Kind::Scene, 9}));
    EXPECT_EQ(presenterCommandFor(Mode::Classroom, PresenterKey::Digit9, 10),
              (PresenterCommand{Kind::Scene, 8}));
}

TEST(PresenterKeys, OnlyModesWithPresenterKeys) {
    EXPECT_EQ(presenterCommandFor(Mode::Kiosk, PresenterKey::Right, 5), std::nullopt);
    EXPECT_EQ(presenterCommandFor(Mode::Kiosk, PresenterKey::Digit1, 5), std::nullopt);
    EXPECT_TRUE(presenterCommandFor(Mode::Exhibition, PresenterKey::Right, 5).has_value());
}

} // namespace
} // namespace kiln::app
