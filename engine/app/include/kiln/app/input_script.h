// Scripted visitor sessions: a small text format of input events, waits and state checks that the
// app replays through SDL's own event queue on a virtual clock (`kilnfire --script FILE`), so the
// kiosk's idle tiers, the overlays and the lockdown are tested headless with real events. Parsing
// is pure (no SDL); every error names the file and line. Grammar in docs/interaction.md.
#pragma once

#include "kiln/core/result.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::app {

enum class ScriptOp {
    Frames,        // frames N: draw N frames, 1/60 s of virtual time each
    Wait,          // wait S: jump the virtual clock S seconds ahead (nobody touches meanwhile)
    Tap,           // tap X Y: a finger touches and lifts at pixel (X, Y)
    Press,         // press X Y [FINGER]: a finger (1-9, default 1) goes down (held until release)
    Move,          // move X Y: the held finger (or the mouse) moves
    Release,       // release X Y: the finger lifts
    Click,         // click X Y: the left mouse button at (X, Y)
    TapTarget,     // tap-target ID: tap the middle of the control drawn last frame with this id
    Key,           // key NAME [alt] [ctrl] [shift]: an SDL key name ("Escape", "F4", "Right", "B")
    Quit,          // quit: SDL_QUIT, as the window manager sends for Alt+F4 or a system stop
    Close,         // close: the window's close button
    Screenshot,    // screenshot PATH: write the current frame as PNG
    Expect,        // expect NAME VALUE: the app's state NAME must read VALUE now
    Sample,        // sample: record resident memory, live GL objects and frame time (the soak)
    Mark,          // mark: remember every state value now
    ExpectChanged, // expect-changed NAME: NAME differs from its value at the last mark
    ExpectSame,    // expect-same NAME: NAME equals its value at the last mark
    Copy,          // copy SRC DST: a curator saves a file (plainly, not atomically: it may be
                   // half-written when the program looks)
};
// Also: "repeat N" ... "end" repeats the lines between N times (nesting allowed); it is unrolled
// when parsed, so commands keep the line numbers of the file.

struct ScriptCommand {
    ScriptOp op = ScriptOp::Frames;
    int line = 0;
    double numbers[4] = {0.0, 0.0, 0.0, 0.0};
    std::string text;  // key name, target id, path, state name
    std::string value; // expected value; key modifiers ("alt ctrl")
};

struct InputScript {
    std::string fileName;
    std::vector<ScriptCommand> commands;
};

// "file:line: problem" for the first bad line (unknown command, wrong argument count, a number
// that is not finite or out of range).
core::Result<InputScript> parseInputScript(std::string_view text, std::string_view fileName);
core::Result<InputScript> loadInputScript(const std::filesystem::path& path);

// The names `expect` understands (for the parser's check and the docs).
const std::vector<std::string_view>& scriptStateNames();

} // namespace kiln::app
