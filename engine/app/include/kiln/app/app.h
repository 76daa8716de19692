// App: the composition root. Opens the window and GL context, loads the scene (falling back to
// an error model and a "scene unavailable" card), runs the frame loop with a fixed-step update,
// draws the scene and the ImGui overlays, and writes screenshots. Does NOT parse options.
#pragma once

#include "kiln/app/options.h"

namespace kiln::app {

// Runs the experience; returns the process exit code (0, or 1 when it cannot start at all).
int run(const Options& options);

} // namespace kiln::app
