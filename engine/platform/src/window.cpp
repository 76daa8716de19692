// SDL2 window and GL context creation. SDL is initialised on the first window and shut down
// with the last one.
#include "kiln/platform/window.h"

#include "kiln/core/log.h"

#include <SDL.h>

#include <string>

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
#endif

namespace kiln::platform {
namespace {

int gWindowCount = 0;

// Sanitizer builds only: keep the GL driver's libraries resident after SDL unloads them, so that
// LeakSanitizer can still name them at exit and tests/lsan.supp can match the driver's
// process-lifetime allocations. Without this, those show up as leaks in "<unknown module>".
void keepGlDriverResident() {
#if defined(__SANITIZE_ADDRESS__)
    for (const char* lib :
         {"libEGL.so.1", "libGL.so.1", "libGLX.so.0", "libOpenGL.so.0", "libEGL_mesa.so.0",
          "libGLX_mesa.so.0", "libglapi.so.0", "libGLdispatch.so.0", "libgbm.so.1",
          // Mesa loads its driver by full path; the name must match.
          "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so"}) {
        (void)dlopen(lib, RTLD_NOW | RTLD_NODELETE | RTLD_NOLOAD);
    }
#endif
}

} // namespace

core::Result<std::unique_ptr<Window>> Window::create(const WindowDesc& desc) {
    if (desc.width <= 0 || desc.height <= 0 || desc.width > 16384 || desc.height > 16384) {
        return core::Error{"window size " + std::to_string(desc.width) + "x" +
                           std::to_string(desc.height) + " is out of range (1..16384)"};
    }
    if (desc.offscreen) {
        // Must be chosen before SDL_Init; an explicit SDL_VIDEODRIVER from the caller wins.
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    }
    if (gWindowCount == 0 && SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::string why = SDL_GetError();
        return core::Error{"cannot start the video system: " + why +
                           (desc.offscreen ? std::string()
                                           : std::string(". With no display, run with --offscreen "
                                                         "(or under xvfb-run)"))};
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
    SDL_GL_SetAttribute(SDL_GL_FRAMEBUFFER_SRGB_CAPABLE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (desc.fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    }
    if (desc.resizable) {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    auto window = std::unique_ptr<Window>(new Window());
    ++gWindowCount; // the destructor balances this, also on the error paths below
    window->mOffscreen = desc.offscreen;
    // An exhibition runs one instance per monitor; each names its display in its configuration.
    int display = desc.displayIndex;
    if (display < 0 || display >= SDL_GetNumVideoDisplays()) {
        core::logWarning("platform",
                         "display " + std::to_string(display) + " does not exist; using display 0");
        display = 0;
    }
    const int position = static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(display));
    window->mWindow = SDL_CreateWindow(desc.title.c_str(), position, position, desc.width,
                                       desc.height, flags);
    if (window->mWindow == nullptr) {
        return core::Error{std::string("cannot create a window: ") + SDL_GetError()};
    }
    window->mContext = SDL_GL_CreateContext(window->mWindow);
    if (window->mContext == nullptr) {
        return core::Error{std::string("cannot create an OpenGL 3.3 core context: ") +
                           SDL_GetError() +
                           ". Kilnfire needs OpenGL 3.3; on a machine without a GPU install "
                           "Mesa (libgl1-mesa-dri libegl-mesa0) and set LIBGL_ALWAYS_SOFTWARE=1"};
    }
    if (SDL_GL_MakeCurrent(window->mWindow, window->mContext) != 0) {
        return core::Error{std::string("cannot make the GL context current: ") + SDL_GetError()};
    }
    if (SDL_GL_SetSwapInterval(desc.vsync && !desc.offscreen ? 1 : 0) != 0 && desc.vsync) {
        core::logInfo("platform", std::string("vsync unavailable: ") + SDL_GetError());
    }
    core::logInfo("platform", std::string("video driver: ") + SDL_GetCurrentVideoDriver());
    keepGlDriverResident();
    return window;
}

Window::~Window() {
    if (mContext != nullptr) {
        SDL_GL_DeleteContext(mContext);
    }
    if (mWindow != nullptr) {
        SDL_DestroyWindow(mWindow);
    }
    if (--gWindowCount == 0) {
        SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
    }
}

int Window::drawableWidth() const {
    int w = 0;
    int h = 0;
    SDL_GL_GetDrawableSize(mWindow, &w, &h);
    return w;
}

int Window::drawableHeight() const {
    int w = 0;
    int h = 0;
    SDL_GL_GetDrawableSize(mWindow, &w, &h);
    return h;
}

void Window::swapBuffers() {
    SDL_GL_SwapWindow(mWindow);
}

bool Window::pollEvent(SDL_Event& event) {
    return SDL_PollEvent(&event) != 0;
}

void Window::showCursor(bool show) {
    SDL_ShowCursor(show ? SDL_ENABLE : SDL_DISABLE);
}

GlProc Window::getProcAddress(const char* name) {
    return reinterpret_cast<GlProc>(SDL_GL_GetProcAddress(name));
}

double Window::nowSeconds() {
    static const double frequency = static_cast<double>(SDL_GetPerformanceFrequency());
    return static_cast<double>(SDL_GetPerformanceCounter()) / frequency;
}

} // namespace kiln::platform
