// The frame loop and the wiring of every module.
#include "kiln/app/app.h"

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
#include "kiln/scene/scene_description.h"
#include "kiln/ui/font_atlas.h"
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

// Places the camera so that the whole model is in view (for --model).
void frameModel(const assets::ModelData& model, scene::OrbitCamera& camera) {
    const glm::vec3 center = (model.boundsMin + model.boundsMax) * 0.5f;
    const float radius = std::max(glm::length(model.boundsMax - model.boundsMin) * 0.5f, 1e-3f);
    camera.target = center;
    camera.distanceM = radius / std::sin(glm::radians(camera.fovYDeg) * 0.5f) * 1.1f;
    camera.nearM = camera.distanceM * 0.01f;
    camera.farM = camera.distanceM * 10.0f + radius;
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

} // namespace

int run(const Options& options) {
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

    auto renderer = render::Renderer::create({core::dataPath("shaders")});
    if (!renderer) {
        core::logError("app", renderer.error().message);
        return 1;
    }

    stage("renderer ready");
    // The scene: a scene file, or any model given with --model.
    scene::SceneDescription sceneDesc;
    std::filesystem::path modelPath;
    if (!options.modelPath.empty()) {
        modelPath = options.modelPath;
        sceneDesc.id = "model";
        const std::string name = modelPath.filename().string();
        sceneDesc.title = {name, name};
    } else if (auto loaded = scene::loadSceneById(options.sceneId, core::dataRoot()); loaded) {
        sceneDesc = std::move(loaded.value());
        modelPath = sceneDesc.modelPath;
    } else {
        core::logError("app", loaded.error().message);
        sceneDesc = unavailableScene(options.sceneId, loaded.error().message);
    }
    if (!modelPath.empty()) {
        if (auto model = assets::importModel(modelPath); model) {
            if (!options.modelPath.empty()) {
                frameModel(model.value(), sceneDesc.camera);
            }
            (*renderer)->addModel(model.value());
        } else {
            core::logError("app", model.error().message + "; showing the error model instead");
            (*renderer)->addModel(assets::makeBoxModel({0.0f, 0.5f, 0.0f}, glm::vec3(1.0f)));
            sceneDesc.caption = {model.error().message, "模型无法加载，请工作人员查看日志。"};
        }
    } else {
        (*renderer)->addModel(assets::makeBoxModel({0.0f, 0.5f, 0.0f}, glm::vec3(1.0f)));
    }

    stage("scene loaded");
    // ImGui: SDL platform backend and OpenGL3 renderer backend, joined here only.
    ImGuiSession imgui;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk must not write layout files
    ImGui::StyleColorsDark();
    const float uiScale =
            std::max(0.5f, static_cast<float>(window.value()->drawableHeight()) / 1080.0f);
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
    // The scene is drawn into an offscreen target (multisampled, then resolved) of the drawable's
    // size, then copied to the window; overlays go on top in the window's framebuffer.
    int fbWidth = 0;
    int fbHeight = 0;
    gpu::Framebuffer sceneTarget;
    gpu::Framebuffer resolveTarget;
    auto ensureTargets = [&](int w, int h) -> bool {
        if (w == fbWidth && h == fbHeight && sceneTarget.id() != 0) {
            return true;
        }
        auto msaa = gpu::Framebuffer::create({w, h, options.msaaSamples, false, "scene"});
        auto resolve = gpu::Framebuffer::create({w, h, 0, false, "scene resolve"});
        if (!msaa || !resolve) {
            core::logError("app", (!msaa ? msaa.error() : resolve.error()).message);
            return false;
        }
        sceneTarget = std::move(msaa.value());
        resolveTarget = std::move(resolve.value());
        fbWidth = w;
        fbHeight = h;
        return true;
    };

    render::FrameParams frame;
    frame.camera = sceneDesc.camera;
    frame.sun = sceneDesc.sun;
    frame.sky = sceneDesc.sky;
    frame.clearColor = sceneDesc.clearColor;

    core::FixedStepClock clock(kStepSeconds);
    const bool fixedFrameTime = options.offscreen && options.frames > 0;
    double lastSeconds = platform::Window::nowSeconds();
    bool running = true;
    int exitCode = 0;
    for (int frameIndex = 0; running; ++frameIndex) {
        SDL_Event event;
        while (window.value()->pollEvent(event)) {
            if (imgui.sdl) {
                ImGui_ImplSDL2_ProcessEvent(&event);
            }
            if (event.type == SDL_QUIT) {
                running = false;
            } else if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_ESCAPE) {
                running = false;
            }
        }
        const double now = platform::Window::nowSeconds();
        const int steps = clock.advance(fixedFrameTime ? kStepSeconds : now - lastSeconds);
        lastSeconds = now;
        for (int i = 0; i < steps; ++i) {
            // Fixed-step update. The simulation plugs in here; the camera turns slowly meanwhile
            // so a visitor sees the object from every side.
            frame.camera.yawDeg = std::fmod(
                    frame.camera.yawDeg + 4.0f * static_cast<float>(kStepSeconds), 360.0f);
        }

        const int w = window.value()->drawableWidth();
        const int h = window.value()->drawableHeight();
        if (w > 0 && h > 0 && ensureTargets(w, h)) {
            (*renderer)->render(frame, sceneTarget);
            sceneTarget.blitTo(&resolveTarget);
            resolveTarget.blitTo(nullptr, w, h);
        }
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
            glReadBuffer(GL_BACK);
            const core::Image shot = gpu::readCurrentFramebuffer(w, h);
            if (auto written = assets::writePng(options.screenshotPath, shot); !written) {
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
    return exitCode;
}

} // namespace kiln::app
