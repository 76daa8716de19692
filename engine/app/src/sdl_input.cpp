// SDL to scene input conversion.
#include "kiln/app/sdl_input.h"

#include <SDL.h>

namespace kiln::app {
namespace {

scene::MouseButton buttonOf(Uint8 button) {
    switch (button) {
        case SDL_BUTTON_LEFT:
            return scene::MouseButton::Left;
        case SDL_BUTTON_MIDDLE:
            return scene::MouseButton::Middle;
        case SDL_BUTTON_RIGHT:
            return scene::MouseButton::Right;
        default:
            return scene::MouseButton::None;
    }
}

// Window points to drawable pixels (they differ on high-DPI displays).
glm::vec2 toPixels(SDL_Window* window, int x, int y, const scene::Viewport& viewport) {
    int w = 0;
    int h = 0;
    SDL_GetWindowSize(window, &w, &h);
    const float sx = w > 0 ? static_cast<float>(viewport.widthPx) / static_cast<float>(w) : 1.0f;
    const float sy = h > 0 ? static_cast<float>(viewport.heightPx) / static_cast<float>(h) : 1.0f;
    return {static_cast<float>(x) * sx, static_cast<float>(y) * sy};
}

} // namespace

std::optional<scene::InputEvent> toInputEvent(const SDL_Event& e, SDL_Window* window,
                                              const scene::Viewport& viewport) {
    const double t = static_cast<double>(e.common.timestamp) / 1000.0;
    switch (e.type) {
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID) {
                return std::nullopt;
            }
            return scene::InputEvent::mouseDown(buttonOf(e.button.button),
                                                toPixels(window, e.button.x, e.button.y, viewport),
                                                t);
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID) {
                return std::nullopt;
            }
            return scene::InputEvent::mouseUp(buttonOf(e.button.button),
                                              toPixels(window, e.button.x, e.button.y, viewport),
                                              t);
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) {
                return std::nullopt;
            }
            return scene::InputEvent::mouseMove(toPixels(window, e.motion.x, e.motion.y, viewport),
                                                t);
        case SDL_MOUSEWHEEL: {
            if (e.wheel.which == SDL_TOUCH_MOUSEID) {
                return std::nullopt;
            }
            int x = 0;
            int y = 0;
            SDL_GetMouseState(&x, &y);
            const float steps =
                    e.wheel.preciseY != 0.0f ? e.wheel.preciseY : static_cast<float>(e.wheel.y);
            return scene::InputEvent::wheel(steps, toPixels(window, x, y, viewport), t);
        }
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP: {
            const glm::vec2 px(e.tfinger.x * static_cast<float>(viewport.widthPx),
                               e.tfinger.y * static_cast<float>(viewport.heightPx));
            const auto finger = static_cast<std::int64_t>(e.tfinger.fingerId);
            if (e.type == SDL_FINGERDOWN) {
                return scene::InputEvent::touchDown(finger, px, t);
            }
            if (e.type == SDL_FINGERUP) {
                return scene::InputEvent::touchUp(finger, px, t);
            }
            return scene::InputEvent::touchMove(finger, px, t);
        }
        default:
            return std::nullopt;
    }
}

} // namespace kiln::app
