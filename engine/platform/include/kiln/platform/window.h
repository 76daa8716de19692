// Window: an SDL2 window with an OpenGL 3.3 core context, windowed, fullscreen or offscreen
// (SDL's offscreen driver: EGL pbuffer, no display needed). Also the timing source.
// Does NOT load GL functions (gpu does, through getProcAddress) and does NOT draw.
#pragma once

#include "kiln/core/result.h"

#include <memory>
#include <string>

union SDL_Event;
struct SDL_Window;

namespace kiln::platform {

struct WindowDesc {
    std::string title = "Kilnfire";
    int width = 1280;
    int height = 720;
    bool fullscreen = false; // borderless desktop fullscreen
    bool offscreen = false;  // SDL offscreen driver, no window on screen
    bool vsync = true;
    bool resizable = true;
    int displayIndex = 0; // which monitor (SDL display index); a missing one falls back to 0
};

using GlProc = void (*)();

class Window {
public:
    // Creates the window and a GL 3.3 core context and makes it current. The error says what is
    // missing (no display, no GL 3.3 driver) and what to try.
    static core::Result<std::unique_ptr<Window>> create(const WindowDesc& desc);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // Size of the drawable in pixels (differs from the window size on high-DPI screens).
    int drawableWidth() const;
    int drawableHeight() const;
    void swapBuffers();
    // Next pending event, or false when none is left.
    bool pollEvent(SDL_Event& event);
    void showCursor(bool show);

    SDL_Window* sdlWindow() const { return mWindow; }
    void* glContext() const { return mContext; }
    bool offscreen() const { return mOffscreen; }

    // For gladLoadGL: the address of a GL function, or null.
    static GlProc getProcAddress(const char* name);
    // A monotonic clock in seconds, for frame timing.
    static double nowSeconds();

private:
    Window() = default;
    SDL_Window* mWindow = nullptr;
    void* mContext = nullptr;
    bool mOffscreen = false;
};

} // namespace kiln::platform
