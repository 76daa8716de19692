// Converts SDL events into the scene module's plain input events (pixels in the drawable, top-left
// origin), so camera controllers never see SDL. Mouse events that SDL synthesises from touches are
// dropped: touches arrive as finger events.
#pragma once

#include "kiln/scene/camera_input.h"

#include <optional>

union SDL_Event;
struct SDL_Window;

namespace kiln::app {

// `window` converts window points to drawable pixels on high-DPI screens.
std::optional<scene::InputEvent> toInputEvent(const SDL_Event& event, SDL_Window* window,
                                              const scene::Viewport& viewport);

} // namespace kiln::app
