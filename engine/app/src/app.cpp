// The frame loop and the wiring of every module.
// [SECTION] Scene loading and fallbacks
// [SECTION] Start-up: window, GL, renderer, ImGui
// [SECTION] Frame loop: input, fixed-step update, drawing, screenshots
#include "kiln/app/app.h"

#include "kiln/app/sdl_input.h"
#include "kiln/assets/image_io.h"
#include "kiln/assets/model_importer.h"
#include "kiln/assets/primitives.h"
#include "kiln/core/data_paths.h"
#include "kiln/core/fixed_step.h"
#include "kiln/core/log.h"
#include "kiln/gpu/debug_output.h"
#include "kiln/gpu/framebuffer.h"
#include "kiln/gpu/gl.h"
#include "kiln/platform/window.h"
#include "kiln/render/renderer.h"
#include "kiln/scene/framing.h"
#include "kiln/scene/measurement.h"
#include "kiln/scene/orbit_controller.h"
#include "kiln/scene/picking.h"
#include "kiln/scene/scene_description.h"
#include "kiln/scene/screen_ray.h"
#include "kiln/ui/font_atlas.h"
#include "kiln/ui/measurement_overlay.h"
#include "kiln/ui/scene_card.h"

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace kiln::app {
namespace {

constexpr double kStepSeconds = 1.0 / 60.0; // fixed simulation step

// [SECTION] Scene loading and fallbacks
// A scene to show when the requested one cannot be loaded; its texts say so in both languages.
scene::SceneDescription unavailableScene(const std::string& id, const std::string& reason) {
    scene::SceneDescription s;
    s.id = id;
    s.title = {"Scene unavailable: " + id, "场景暂不可用：" + id};
    s.caption = {reason, "请工作人员查看日志。"};
    s.camera.target = {0.0f, 0.5f, 0.0f};
    s.camera.distanceM = 4.0f;
    return s;
}

struct LoadedScene {
    scene::SceneDescription description;
    assets::ModelData model;
    bool inspectModel = false; // --model: framed automatically
};

LoadedScene loadScene(const Options& options) {
    LoadedScene loaded;
    std::filesystem::path modelPath;
    if (!options.modelPath.empty()) {
        modelPath = options.modelPath;
        loaded.inspectModel = true;
        loaded.description.id = "model";
        const std::string name = modelPath.filename().string();
        loaded.description.title = {name, name};
    } else if (auto s = scene::loadSceneById(options.sceneId, core::dataRoot()); s) {
        loaded.description = std::move(s.value());
        modelPath = loaded.description.modelPath;
    } else {
        core::logError("app", s.error().message);
        loaded.description = unavailableScene(options.sceneId, s.error().message);
    }
    if (!modelPath.empty()) {
        if (auto model = assets::importModel(modelPath); model) {
            loaded.model = std::move(model.value());
            return loaded;
        } else {
            core::logError("app", model.error().message + "; showing the error model instead");
            loaded.description.caption = {model.error().message,
                                          "模型无法加载，请工作人员查看日志。"};
        }
    }
    loaded.model = assets::makeBoxModel({0.0f, 0.5f, 0.0f}, glm::vec3(1.0f));
    return loaded;
}

struct ImGuiSession {
    bool sdl = false;
    bool gl = false;
    ~ImGuiSession() {
        if (gl) {
            ImGui_ImplOpenGL3_Shutdown();
        }
        if (sdl) {
            ImGui_ImplSDL2_Shutdown();
        }
        if (ImGui::GetCurrentContext() != nullptr) {
            ImGui::DestroyContext();
        }
    }
};

render::FrameParams frameFor(const scene::SceneDescription& s, const scene::OrbitCamera& camera) {
    render::FrameParams frame;
    frame.camera = render::CameraParams::fromOrbit(camera);
    frame.sun = s.sun;
    frame.sky = s.sky;
    // The scene file gives the background as an sRGB display colour; the renderer wants linear.
    frame.clearColor = glm::pow(s.clearColor, glm::vec3(2.2f));
    return frame;
}

core::Status writeStill(render::Renderer& renderer, const render::FrameParams& frame, int width,
                        int height, const std::string& path) {
    auto target = gpu::Framebuffer::create({width, height, 0, false, false, "still"});
    if (!target) {
        return target.error();
    }
    renderer.render(frame, target.value());
    return assets::writePng(path, target->readPixels());
}

} // namespace

int run(const Options& options) {
    // [SECTION] Start-up: window, GL, renderer, ImGui
    const double startSeconds = platform::Window::nowSeconds();
    auto stage = [startSeconds](const char* what) {
        const double ms = (platform::Window::nowSeconds() - startSeconds) * 1000.0;
        core::logDebug("app", std::string(what) + " at " + std::to_string(ms) + " ms");
    };
    platform::WindowDesc desc;
    desc.width = options.width;
    desc.height = options.height;
    desc.fullscreen = options.fullscreen;
    desc.offscreen = options.offscreen;
    desc.title = "Kilnfire 窑火";
    auto window = platform::Window::create(desc);
    if (!window) {
        core::logError("app", window.error().message);
        return 1;
    }
    if (auto loaded = gpu::loadGl(&platform::Window::getProcAddress); !loaded) {
        core::logError("app", loaded.error().message);
        return 1;
    }
    stage("window and GL context ready");
    const bool debug = gpu::enableDebugOutput();
    core::logInfo("app", "OpenGL " + gpu::glInfo().version + " on " + gpu::glInfo().renderer +
                                 (debug ? " (KHR_debug on)" : ""));

    render::RendererDesc rendererDesc;
    rendererDesc.shaderDir = core::dataPath("shaders");
    rendererDesc.msaaSamples = options.msaaSamples;
    auto renderer = render::Renderer::create(rendererDesc);
    if (!renderer) {
        core::logError("app", renderer.error().message);
        return 1;
    }
    stage("renderer ready");

    LoadedScene loaded = loadScene(options);
    const scene::SceneDescription& sceneDesc = loaded.description;
    (*renderer)->addModel(loaded.model);
    const scene::PickingIndex picking(loaded.model);
    scene::Viewport viewport{static_cast<float>(window.value()->drawableWidth()),
                             static_cast<float>(window.value()->drawableHeight())};
    scene::FramingOptions framing;
    framing.aspect = viewport.aspect();
    framing.fovYDeg = sceneDesc.camera.fovYDeg;
    const scene::OrbitCamera startCamera =
            loaded.inspectModel
                    ? scene::frameBounds(loaded.model.boundsMin, loaded.model.boundsMax, framing)
                    : sceneDesc.camera;
    scene::OrbitController orbit(
            startCamera,
            scene::limitsForBounds(loaded.model.boundsMin, loaded.model.boundsMax, framing));
    orbit.setCamera(startCamera);
    scene::Measurement measurement;
    bool measuring = false;
    stage("scene loaded");

    // ImGui: SDL platform backend and OpenGL3 renderer backend, joined here only.
    ImGuiSession imgui;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk must not write layout files
    ImGui::StyleColorsDark();
    const float uiScale = std::max(0.5f, viewport.heightPx / 1080.0f);
    ui::FontAtlasBuilder fonts;
    for (const std::string& text : ui::sceneCardStrings(sceneDesc)) {
        fonts.addText(text);
    }
    (void)fonts.build(*io.Fonts, std::round(28.0f * uiScale)); // logs and falls back on error
    ImGui::GetStyle().ScaleAllSizes(uiScale);
    imgui.sdl =
            ImGui_ImplSDL2_InitForOpenGL(window.value()->sdlWindow(), window.value()->glContext());
    imgui.gl = ImGui_ImplOpenGL3_Init("#version 330 core");
    if (!imgui.sdl || !imgui.gl) {
        core::logError("app", "cannot start the ImGui backends; overlays are off");
    }
    stage("ImGui ready");

    // [SECTION] Frame loop: input, fixed-step update, drawing, screenshots
    core::FixedStepClock clock(kStepSeconds);
    const bool fixedFrameTime = options.offscreen && options.frames > 0;
    double lastSeconds = platform::Window::nowSeconds();
    double simSeconds = 0.0; // advances by fixed steps only, so headless runs are reproducible
    bool running = true;
    int exitCode = 0;
    for (int frameIndex = 0; running; ++frameIndex) {
        viewport = {static_cast<float>(window.value()->drawableWidth()),
                    static_cast<float>(window.value()->drawableHeight())};
        SDL_Event event;
        while (window.value()->pollEvent(event)) {
            if (imgui.sdl) {
                ImGui_ImplSDL2_ProcessEvent(&event);
            }
            if (event.type == SDL_QUIT) {
                running = false;
            } else if (event.type == SDL_KEYDOWN && !io.WantCaptureKeyboard) {
                switch (event.key.keysym.sym) {
                    case SDLK_ESCAPE:
                        running = false;
                        break;
                    case SDLK_m: // measuring tool on or off
                        measuring = !measuring;
                        measurement.clear();
                        break;
                    case SDLK_HOME: // back to the scene's first viewpoint, smoothly
                        orbit.transitionTo(startCamera);
                        break;
                    default:
                        break;
                }
            }
            if (io.WantCaptureMouse && event.type != SDL_MOUSEBUTTONUP &&
                event.type != SDL_FINGERUP) {
                continue; // the overlay has the pointer
            }
            if (auto input = toInputEvent(event, window.value()->sdlWindow(), viewport)) {
                const scene::GestureResult gesture = orbit.handle(*input, viewport);
                if (gesture.focusRequestPx) {
                    if (auto hit = picking.pick(scene::screenRay(orbit.pose(), viewport,
                                                                 *gesture.focusRequestPx))) {
                        orbit.focusOn(hit->pointM);
                    }
                }
            }
        }
        const double now = platform::Window::nowSeconds();
        const int steps = clock.advance(fixedFrameTime ? kStepSeconds : now - lastSeconds);
        lastSeconds = now;
        for (int i = 0; i < steps; ++i) {
            simSeconds += kStepSeconds;
            orbit.update(static_cast<float>(kStepSeconds));
        }
        if (measuring) {
            if (auto tap = orbit.pollConfirmedTap(now)) {
                if (auto hit = picking.pick(scene::screenRay(orbit.pose(), viewport, *tap))) {
                    measurement.addPoint(hit->pointM);
                }
            }
        }

        const int w = window.value()->drawableWidth();
        const int h = window.value()->drawableHeight();
        const render::FrameParams frame = frameFor(sceneDesc, orbit.camera());
        (*renderer)->render(frame, nullptr, w, h);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, w, h);
        if (imgui.sdl && imgui.gl) {
            // ImGui sizes auto-resizing windows on their first frame and shows them on the next;
            // a warm-up pass on frame 0 makes even a one-frame screenshot complete.
            for (int pass = frameIndex == 0 ? 0 : 1; pass < 2; ++pass) {
                ImGui_ImplOpenGL3_NewFrame();
                ImGui_ImplSDL2_NewFrame();
                ImGui::NewFrame();
                if (options.showUi) {
                    ui::drawSceneCard({&sceneDesc, uiScale});
                    if (measuring) {
                        ui::MeasurementView mv;
                        const scene::CameraPose pose = orbit.pose();
                        if (auto a = measurement.pointA()) {
                            mv.pointAPx = scene::worldToScreen(pose, viewport, *a);
                        }
                        if (auto b = measurement.pointB()) {
                            mv.pointBPx = scene::worldToScreen(pose, viewport, *b);
                        }
                        mv.label = measurement.label();
                        mv.uiScale = uiScale;
                        ui::drawMeasurement(mv);
                    }
                }
                if (pass == 0) {
                    ImGui::EndFrame();
                }
            }
            ImGui::Render();
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        }
        const bool last = options.frames > 0 && frameIndex + 1 >= options.frames;
        if (last && !options.screenshotPath.empty()) {
            core::Status written;
            if (options.screenshotWidth > 0) {
                written = writeStill(**renderer, frame, options.screenshotWidth,
                                     options.screenshotHeight, options.screenshotPath);
            } else {
                glReadBuffer(GL_BACK);
                written =
                        assets::writePng(options.screenshotPath, gpu::readCurrentFramebuffer(w, h));
            }
            if (!written) {
                core::logError("app", written.error().message);
                exitCode = 1;
            } else {
                core::logInfo("app", "screenshot written to " + options.screenshotPath);
            }
        }
        gpu::checkGlErrors("end of frame");
        window.value()->swapBuffers();
        if (frameIndex == 0) {
            glFinish();
            const double ms = (platform::Window::nowSeconds() - startSeconds) * 1000.0;
            core::logInfo("app", "first frame finished " + std::to_string(static_cast<int>(ms)) +
                                         " ms after start");
        }
        if (last) {
            running = false;
        }
    }
    (void)simSeconds;
    return exitCode;
}

} // namespace kiln::app
