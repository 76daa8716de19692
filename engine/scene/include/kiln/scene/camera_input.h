// Plain input events for the camera controllers, independent of SDL: pointer down/move/up (a
// mouse button or a finger), wheel steps, each with a position in pixels and a time in seconds,
// and the viewport they refer to. The app converts SDL events into these.
// Does NOT read devices, poll events or know about SDL's synthetic touch-to-mouse events.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>

namespace kiln::scene {

// The drawable area in pixels; positions use the top-left origin with y pointing down (SDL's).
struct Viewport {
    float widthPx = 1280.0f;
    float heightPx = 720.0f;

    float aspect() const { return heightPx > 0.0f ? widthPx / heightPx : 1.0f; }
    bool valid() const { return widthPx > 0.0f && heightPx > 0.0f; }
};

enum class PointerKind { Mouse, Touch };
enum class MouseButton { None, Left, Middle, Right };
enum class InputEventType { PointerDown, PointerMove, PointerUp, PointerCancel, Wheel };

struct InputEvent {
    InputEventType type = InputEventType::PointerMove;
    PointerKind kind = PointerKind::Mouse;
    std::int64_t pointerId = 0;             // the finger id for touch; 0 for the mouse
    MouseButton button = MouseButton::None; // for mouse down/up; None for moves and touch
    glm::vec2 positionPx{0.0f};             // for Wheel: where the cursor is (zoom goes towards it)
    float wheelSteps = 0.0f;                // positive scrolls up / away from the user: zoom in
    double timeSeconds = 0.0; // any monotonic clock, e.g. SDL's event timestamp / 1000

    static InputEvent mouseDown(MouseButton b, glm::vec2 px, double t) {
        return {InputEventType::PointerDown, PointerKind::Mouse, 0, b, px, 0.0f, t};
    }
    static InputEvent mouseMove(glm::vec2 px, double t) {
        return {InputEventType::PointerMove, PointerKind::Mouse, 0, MouseButton::None, px, 0.0f, t};
    }
    static InputEvent mouseUp(MouseButton b, glm::vec2 px, double t) {
        return {InputEventType::PointerUp, PointerKind::Mouse, 0, b, px, 0.0f, t};
    }
    static InputEvent wheel(float steps, glm::vec2 cursorPx, double t) {
        return {InputEventType::Wheel,
                PointerKind::Mouse,
                0,
                MouseButton::None,
                cursorPx,
                steps,
                t};
    }
    static InputEvent touchDown(std::int64_t finger, glm::vec2 px, double t) {
        return {InputEventType::PointerDown,
                PointerKind::Touch,
                finger,
                MouseButton::None,
                px,
                0.0f,
                t};
    }
    static InputEvent touchMove(std::int64_t finger, glm::vec2 px, double t) {
        return {InputEventType::PointerMove,
                PointerKind::Touch,
                finger,
                MouseButton::None,
                px,
                0.0f,
                t};
    }
    static InputEvent touchUp(std::int64_t finger, glm::vec2 px, double t) {
        return {InputEventType::PointerUp,
                PointerKind::Touch,
                finger,
                MouseButton::None,
                px,
                0.0f,
                t};
    }
};

} // namespace kiln::scene
