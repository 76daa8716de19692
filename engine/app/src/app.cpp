// The frame loop and the wiring of every module.
// [SECTION] Scene loading and fallbacks
// [SECTION] Start-up: window, GL, renderer, ImGui
// [SECTION] Frame loop: input, fixed-step update, drawing, screenshots
#include "kiln/app/app.h"

#include "kiln/app/checks.h"
#include "kiln/app/firing_effects.h"
#include "kiln/app/firing_session.h"
#include "kiln/app/installation_config.h"
#include "kiln/app/lockdown.h"
#include "kiln/app/pin_hash.h"
#include "kiln/app/sdl_input.h"
#include "kiln/assets/image_io.h"
#include "kiln/assets/model_importer.h"
#include "kiln/assets/primitives.h"
#include "kiln/content/content.h"
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
#include "kiln/scene/tour.h"
#include "kiln/scene/walk_controller.h"
#include "kiln/ui/dashboard_from_sim.h"
#include "kiln/ui/diamond_view.h"
#include "kiln/ui/firing_dashboard.h"
#include "kiln/ui/firing_history.h"
#include "kiln/ui/font_atlas.h"
#include "kiln/ui/hotspot_card.h"
#include "kiln/ui/hotspot_markers.h"
#include "kiln/ui/language_bar.h"
#include "kiln/ui/measurement_overlay.h"
#include "kiln/ui/mechanism_card.h"
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/pathway_panel.h"
#include "kiln/ui/scene_card.h"
#include "kiln/ui/status_panel.h"
#include "kiln/ui/theme.h"
#include "kiln/ui/touch_target.h"

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
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

// Instances of the loaded model selected by node-name patterns.
std::vector<int> instancesMatching(const assets::ModelData& model,
                                   const std::vector<std::string>& patterns) {
    std::vector<int> out;
    for (std::size_t i = 0; i < model.instances.size(); ++i) {
        for (const std::string& pattern : patterns) {
            if (scene::matchesPattern(model.instances[i].nodeName, pattern)) {
                out.push_back(static_cast<int>(i));
                break;
            }
        }
    }
    return out;
}

// Evidence classes and their colours in the evidence view (display colours, linear for render).
struct EvidenceClass {
    const char* evidence;
    const char* uiKey;
    glm::vec3 color;
};
constexpr EvidenceClass kEvidenceClasses[] = {
        {"excavated", "evidence.excavated", {0.80f, 0.45f, 0.12f}},
        {"documented", "evidence.documented", {0.15f, 0.35f, 0.80f}},
        {"conjecture", "evidence.conjecture", {0.55f, 0.55f, 0.55f}},
};

// What the runtime can change about the loaded scene: cutaway, layers, evidence view.
struct SceneView {
    std::vector<int> hidden;
    std::vector<int> cutaway;
    std::vector<std::vector<int>> layers;
    std::vector<bool> layerVisible;
    bool cutawayOn = false;
    bool evidenceOn = false;

    void apply(render::Renderer& renderer, render::ModelHandle model,
               const assets::ModelData& data) const {
        const int count = renderer.instanceCount(model);
        std::vector<bool> visible(static_cast<std::size_t>(count), true);
        for (int i : hidden) {
            visible[static_cast<std::size_t>(i)] = false;
        }
        if (cutawayOn) {
            for (int i : cutaway) {
                visible[static_cast<std::size_t>(i)] = false;
            }
        }
        for (std::size_t l = 0; l < layers.size(); ++l) {
            if (!layerVisible[l]) {
                for (int i : layers[l]) {
                    visible[static_cast<std::size_t>(i)] = false;
                }
            }
        }
        for (int i = 0; i < count; ++i) {
            renderer.setInstanceVisible(model, i, visible[static_cast<std::size_t>(i)]);
            glm::vec4 tint(0.0f);
            if (evidenceOn) {
                tint = glm::vec4(0.9f, 0.1f, 0.6f, 1.0f); // unknown class: stands out
                for (const EvidenceClass& c : kEvidenceClasses) {
                    if (data.instances[static_cast<std::size_t>(i)].paradata.evidence ==
                        c.evidence) {
                        tint = glm::vec4(glm::pow(c.color, glm::vec3(2.2f)), 1.0f);
                    }
                }
            }
            renderer.setInstanceTint(model, i, tint);
        }
    }
};

std::string formatC(double c) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f °C", c);
    return buffer;
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

int run(const Options& givenOptions) {
    Options options = givenOptions;
    if (options.hashPin) {
        // For the technician: the PIN twice on standard input, the line for the file out.
        char first[64] = {};
        char second[64] = {};
        if (std::fgets(first, sizeof first, stdin) == nullptr ||
            std::fgets(second, sizeof second, stdin) == nullptr) {
            std::fprintf(stderr, "kilnfire: --hash-pin reads the PIN twice, one per line\n");
            return 2;
        }
        auto trim = [](char* text) {
            std::string t(text);
            while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) {
                t.pop_back();
            }
            return t;
        };
        auto hash = hashPinForTechnician(trim(first), trim(second));
        if (!hash) {
            std::fprintf(stderr, "kilnfire: %s\n", hash.error().message.c_str());
            return 2;
        }
        std::printf("%s\n", hash.value().c_str());
        return 0;
    }
    std::optional<InstallationConfig> installation;
    if (!options.configPath.empty()) {
        // A broken installation file stops the program: a kiosk must not guess.
        auto config = loadInstallationConfig(options.configPath);
        if (!config) {
            core::logError("app", config.error().message);
            return 1;
        }
        installation = std::move(config.value());
        options.sceneId = installation->scenes.front();
        if (installation->language == content::Language::En && options.language.empty()) {
            options.language = "en";
        }
        core::logInfo("app", "installation '" + installation->name + "' (" +
                                     std::string(modeCode(installation->mode)) + ")");
    }
    if (options.checkScenes) {
        return checkScenes();
    }
    if (options.checkContent) {
        return checkContent();
    }
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
    if (installation && policyOf(installation->mode).lockdown) {
        // Closing the window must not end a kiosk: SDL would otherwise turn the last window's
        // close into SDL_QUIT. SDL_QUIT then only comes from a system signal (systemd's stop).
        SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    }
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
    // MSAA multiplies the fragment work of Mesa's software rasteriser about tenfold, and its
    // anisotropic filtering is costly too (measured: docs/performance.md), so both are off there
    // unless MSAA is asked for.
    const bool software = gpu::glInfo().renderer.find("llvmpipe") != std::string::npos ||
                          gpu::glInfo().renderer.find("softpipe") != std::string::npos;
    rendererDesc.msaaSamples = options.msaaSamples >= 0 ? options.msaaSamples : (software ? 0 : 4);
    rendererDesc.maxAnisotropy = software ? 1.0f : 8.0f; // llvmpipe filters anisotropy in software
    rendererDesc.renderScale = options.renderScale;
    auto renderer = render::Renderer::create(rendererDesc);
    if (!renderer) {
        core::logError("app", renderer.error().message);
        return 1;
    }
    stage("renderer ready");

    LoadedScene loaded = loadScene(options);
    const scene::SceneDescription& sceneDesc = loaded.description;
    const render::ModelHandle modelHandle = (*renderer)->addModel(loaded.model);
    const scene::PickingIndex picking(loaded.model);
    scene::Viewport viewport{static_cast<float>(window.value()->drawableWidth()),
                             static_cast<float>(window.value()->drawableHeight())};
    scene::FramingOptions framing;
    framing.aspect = viewport.aspect();
    framing.fovYDeg = sceneDesc.camera.fovYDeg;
    scene::OrbitCamera startCamera =
            loaded.inspectModel
                    ? scene::frameBounds(loaded.model.boundsMin, loaded.model.boundsMax, framing)
                    : sceneDesc.camera;
    for (const scene::SceneViewpoint& vp : sceneDesc.viewpoints) {
        if (vp.id == options.viewpointId) {
            startCamera = vp.camera;
        }
    }
    scene::OrbitLimits limits = sceneDesc.limits.value_or(
            scene::limitsForBounds(loaded.model.boundsMin, loaded.model.boundsMax, framing));
    scene::OrbitController orbit(startCamera, limits);
    orbit.setCamera(startCamera);
    scene::Measurement measurement;
    bool measuring = false;

    // Tour: the scene's authored viewpoints, played on request.
    std::vector<scene::Viewpoint> tourStops;
    for (const scene::SceneViewpoint& vp : sceneDesc.viewpoints) {
        tourStops.push_back(
                {vp.id, scene::CameraPose::fromOrbit(vp.camera), vp.dwellSeconds, vp.id, ""});
    }
    scene::TourPlayer tour(tourStops, {true, {}});
    bool touring = false;

    // Walk mode (key V): eye height over the ground, which is the model's terrain where it has one
    // (found by casting down onto the terrain alone, so roofs do not count as ground).
    assets::ModelData terrain;
    terrain.meshes = loaded.model.meshes;
    terrain.materials = loaded.model.materials;
    for (const auto& inst : loaded.model.instances) {
        if (scene::matchesPattern(inst.nodeName, "*_ground") ||
            scene::matchesPattern(inst.nodeName, "terrain*")) {
            terrain.instances.push_back(inst);
        }
    }
    const float flatGroundM =
            sceneDesc.limits ? sceneDesc.limits->groundHeightM : loaded.model.boundsMin.y;
    const scene::PickingIndex terrainIndex(terrain);
    const bool hasTerrain = !terrain.instances.empty();
    scene::WalkSettings walkSettings;
    walkSettings.boundsMinXZ = glm::vec2(loaded.model.boundsMin.x, loaded.model.boundsMin.z);
    walkSettings.boundsMaxXZ = glm::vec2(loaded.model.boundsMax.x, loaded.model.boundsMax.z);
    scene::WalkController walk(
            [&terrainIndex, hasTerrain, flatGroundM, top = loaded.model.boundsMax.y](float x,
                                                                                     float z) {
                if (!hasTerrain) {
                    return flatGroundM;
                }
                scene::Ray down;
                down.originM = {x, top + 10.0f, z};
                down.direction = {0.0f, -1.0f, 0.0f};
                auto hit = terrainIndex.pick(down);
                return hit ? hit->pointM.y : flatGroundM;
            },
            walkSettings);
    bool walking = options.walk;
    if (walking) {
        const scene::CameraPose pose = orbit.pose();
        walk.placeAt(pose.positionM.x, pose.positionM.z, pose.yawDeg, 0.0f);
    }
    glm::vec2 walkKeys(0.0f);

    // Cutaway, layers and evidence view.
    SceneView view;
    view.hidden = instancesMatching(loaded.model, sceneDesc.hiddenNodes);
    view.cutaway = instancesMatching(loaded.model, sceneDesc.cutawayNodes);
    for (const scene::SceneLayer& layer : sceneDesc.layers) {
        view.layers.push_back(instancesMatching(loaded.model, layer.nodePatterns));
        view.layerVisible.push_back(layer.visibleAtStart);
    }
    view.cutawayOn = options.cutaway;
    view.evidenceOn = options.evidenceView;
    view.apply(**renderer, modelHandle, loaded.model);
    std::optional<int> inspectedPart; // evidence view: the part last tapped

    // The firing that drives a kiln scene: saggar rows and walls glow at their temperature.
    std::unique_ptr<FiringSession> firing;
    if (sceneDesc.firing) {
        if (auto f = FiringSession::load(sceneDesc.firing->schedule); f) {
            firing = std::move(f.value());

            if (options.offscreen && options.frames > 0) {
                firing->setPlaying(false); // headless pictures show the chosen kiln hour
            }
        } else {
            core::logError("app", f.error().message + "; the scene shows a cold kiln");
        }
    }
    std::vector<std::pair<int, double>> saggarRows; // instance, row fraction (0 front, 1 rear)
    std::vector<int> walls;
    glm::vec3 fireboxPositionM(0.0f);
    bool hasFirebox = false;
    std::optional<glm::vec3> chimneyTopM;
    float chimneyTopRadiusM = 0.8f;
    {
        int maxRow = 1;
        std::vector<std::pair<int, int>> rows;
        for (std::size_t i = 0; i < loaded.model.instances.size(); ++i) {
            const auto& inst = loaded.model.instances[i];
            int row = 0;
            if (std::sscanf(inst.nodeName.c_str(), "saggars_r%d_c", &row) == 1) {
                rows.emplace_back(static_cast<int>(i), row);
                maxRow = std::max(maxRow, row);
            } else if (scene::matchesPattern(inst.nodeName, "chamber_wall_*")) {
                walls.push_back(static_cast<int>(i));
            } else if (inst.nodeName == "chimney_shaft") {
                glm::vec3 lo;
                glm::vec3 hi;
                const auto& mesh = loaded.model.meshes[static_cast<std::size_t>(inst.meshIndex)];
                // The top opening: the shaft's highest point, over the middle of its footprint.
                lo = glm::vec3(inst.transform * glm::vec4(mesh.boundsMin, 1.0f));
                hi = glm::vec3(inst.transform * glm::vec4(mesh.boundsMax, 1.0f));
                chimneyTopM =
                        glm::vec3((lo.x + hi.x) * 0.5f, std::max(lo.y, hi.y), (lo.z + hi.z) * 0.5f);
                // About 2 m² at the top (kilns.md §1.1): the radius of a circle of that area.
                chimneyTopRadiusM = std::sqrt(2.0f / 3.14159265f);
            } else if (inst.nodeName == "firebox_body") {
                const auto& mesh = loaded.model.meshes[static_cast<std::size_t>(inst.meshIndex)];
                fireboxPositionM = glm::vec3(
                        inst.transform * glm::vec4((mesh.boundsMin + mesh.boundsMax) * 0.5f, 1.0f));
                fireboxPositionM.y += 0.8f; // the flame above the grate
                hasFirebox = true;
            }
        }
        for (const auto& [instance, row] : rows) {
            saggarRows.emplace_back(instance, maxRow > 1 ? (row - 1.0) / (maxRow - 1.0) : 0.0);
        }
    }
    // The dashboard's record of the firing: one sample per simulation step, decimated.
    ui::FiringHistory history;
    bool dashboardOpen = options.panel == "dashboard";
    std::optional<sim::TestPiece> testPiece;
    bool mouthOpen = true;
    bool damperOpen = true;
    if (firing) {
        firing->setStepObserver([&history, &firing] {
            history.add(ui::sampleFromState(firing->model(), firing->run().state()));
        });
        history.add(ui::sampleFromState(firing->model(), firing->run().state()));
        if (options.firingHours >= 0.0) {
            firing->runToHours(options.firingHours); // recorded step by step
        }
    }
    std::unique_ptr<FiringEffects> effects;
    if (firing && chimneyTopM && hasFirebox) {
        effects = std::make_unique<FiringEffects>(**renderer, *chimneyTopM, chimneyTopRadiusM,
                                                  fireboxPositionM - glm::vec3(0.0f, 0.6f, 0.0f));
    }

    // Texts shown with the scene come from the content files; the scene file is the fallback.
    auto contentLoad = content::loadContent(content::defaultContentRoot());
    const content::ContentLibrary& library = contentLoad.library;
    auto uiText = [&](const char* key, content::Language lang) {
        return std::string(library.uiText(key, lang));
    };
    ui::SceneCardView card;
    card.titleZh = sceneDesc.title.zh;
    card.titleEn = sceneDesc.title.en;
    card.bodyZh = sceneDesc.caption.zh;
    card.bodyEn = sceneDesc.caption.en;
    card.source = sceneDesc.source;
    if (const content::SceneContent* sc = library.findScene(sceneDesc.id);
        sc != nullptr && !loaded.inspectModel) {
        card.titleZh = std::string(library.display(sc->title, content::Language::Zh));
        card.titleEn = std::string(library.display(sc->title, content::Language::En));
        card.bodyZh = std::string(
                library.display(sc->card, content::Language::Zh, content::Depth::Visitor));
        card.bodyEn = std::string(
                library.display(sc->card, content::Language::En, content::Depth::Visitor));
        if (!sc->source.empty()) {
            card.source = sc->source; // the source of the card's own facts
        }
        if (!sceneDesc.caption.en
                     .empty()) { // the scene's own note (e.g. "dimensions are conjecture")
            card.noteZh = sceneDesc.caption.zh;
            card.noteEn = sceneDesc.caption.en;
        }
    }
    stage("scene loaded");

    // ImGui: SDL platform backend and OpenGL3 renderer backend, joined here only.
    ImGuiSession imgui;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk must not write layout files
    const float uiScale = std::max(0.5f, viewport.heightPx / 1080.0f);
    // The atlas holds every glyph of every content string (cards show model, hotspot and glossary
    // texts), built at the largest text size so no glyph is ever scaled up.
    ui::FontAtlasBuilder fonts;
    for (const std::string& text : ui::sceneCardStrings(card)) {
        fonts.addText(text);
    }
    // Every content string this scene can show: the interface, the model, the glossary and this
    // scene's own file (other scenes' cards are not shown here, and their glyphs cost start-up).
    const std::string otherScenes = "scenes/";
    const std::string thisScene = "scenes/" + sceneDesc.id + ".json";
    for (const auto& entry : content::allStrings(library)) {
        const bool sceneFile = entry.file.find(otherScenes) != std::string::npos;
        if (!sceneFile || entry.file.find(thisScene) != std::string::npos) {
            fonts.addText(entry.text);
        }
    }
    for (const scene::SceneViewpoint& vp : sceneDesc.viewpoints) {
        fonts.addText(vp.caption.zh);
        fonts.addText(vp.caption.en);
    }
    for (const scene::SceneLayer& layer : sceneDesc.layers) {
        fonts.addText(layer.title.zh);
        fonts.addText(layer.title.en);
    }
    const float atlasScale = ui::textScaleForLevel(ui::kMaxTextSizeLevel);
    (void)fonts.build(*io.Fonts, std::round(28.0f * uiScale * atlasScale)); // logs, falls back
    ui::OverlaySettings overlay;
    if (options.language == "en") {
        overlay.language = content::Language::En;
    }
    if (installation) {
        overlay.depth = installation->depth;
    }
    ui::applyTheme({overlay.highContrast, uiScale, overlay.textSizeLevel, atlasScale});
    ui::OverlaySettings pendingOverlay = overlay;
    bool diamondOpen = false;
    bool pathwaysOpen = false;
    std::optional<std::string> openDeterminant;
    std::optional<std::string> openHotspot;
    std::set<std::string, std::less<>> explored;
    std::set<std::string> visitedHotspots;
    if (options.panel == "diamond") {
        diamondOpen = true;
    } else if (options.panel == "pathways") {
        pathwaysOpen = true;
    } else if (options.panel.rfind("hotspot:", 0) == 0) {
        openHotspot = options.panel.substr(8);
        visitedHotspots.insert(*openHotspot);
    }
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
    bool running = true;
    int exitCode = 0;
    struct {
        double cpuSeconds = 0.0;
        double totalSeconds = 0.0;
        double frameStart = 0.0;
        int frames = 0;
    } timing;
    timing.frameStart = platform::Window::nowSeconds();
    for (int frameIndex = 0; running; ++frameIndex) {
        viewport = {static_cast<float>(window.value()->drawableWidth()),
                    static_cast<float>(window.value()->drawableHeight())};
        SDL_Event event;
        while (window.value()->pollEvent(event)) {
            if (imgui.sdl) {
                ImGui_ImplSDL2_ProcessEvent(&event);
            }
            // Kiosks and exhibitions are locked down: quit keys and the close button do nothing.
            const InstallationMode mode =
                    installation ? installation->mode : InstallationMode::Classroom;
            if (event.type == SDL_QUIT) {
                // A system signal (or, without lockdown, the last window closing).
                if (!installation || !shouldIgnoreQuit(mode, QuitSource::SystemSignal, false)) {
                    running = false;
                }
            } else if (event.type == SDL_WINDOWEVENT &&
                       event.window.event == SDL_WINDOWEVENT_CLOSE) {
                if (!installation || !shouldIgnoreQuit(mode, QuitSource::WindowClose, false)) {
                    running = false;
                } else {
                    core::logInfo("app", "window close ignored: this installation is locked down");
                }
            } else if (event.type == SDL_KEYDOWN && !io.WantCaptureKeyboard) {
                switch (event.key.keysym.sym) {
                    case SDLK_ESCAPE:
                        if (!installation || !shouldIgnoreQuit(mode, QuitSource::Escape, false)) {
                            running = false;
                        }
                        break;
                    case SDLK_m: // measuring tool on or off
                        measuring = !measuring;
                        measurement.clear();
                        break;
                    case SDLK_HOME: // back to the scene's first viewpoint, smoothly
                        touring = false;
                        orbit.transitionTo(startCamera);
                        break;
                    case SDLK_v: // walk mode at eye height, or back to orbiting
                        walking = !walking;
                        touring = false;
                        if (walking) {
                            const scene::CameraPose pose = orbit.pose();
                            walk.placeAt(pose.positionM.x, pose.positionM.z, pose.yawDeg, 0.0f);
                        }
                        break;
                    case SDLK_w:
                        walkKeys.y = 1.0f;
                        break;
                    case SDLK_s:
                        walkKeys.y = -1.0f;
                        break;
                    case SDLK_a:
                        walkKeys.x = -1.0f;
                        break;
                    case SDLK_d:
                        walkKeys.x = 1.0f;
                        break;
                    case SDLK_c: // cutaway: open the kiln
                        view.cutawayOn = !view.cutawayOn;
                        view.apply(**renderer, modelHandle, loaded.model);
                        break;
                    case SDLK_e: // evidence view
                        view.evidenceOn = !view.evidenceOn;
                        view.apply(**renderer, modelHandle, loaded.model);
                        break;
                    case SDLK_l: // switch the first layer (Shift: the second)
                        if (!view.layers.empty()) {
                            const std::size_t l = (event.key.keysym.mod & KMOD_SHIFT) != 0 &&
                                                                  view.layers.size() > 1
                                                          ? 1
                                                          : 0;
                            view.layerVisible[l] = !view.layerVisible[l];
                            view.apply(**renderer, modelHandle, loaded.model);
                        }
                        break;
                    case SDLK_t: // play or pause the tour
                        if (!tourStops.empty()) {
                            if (!touring) {
                                touring = true;
                                tour.start(orbit.pose(), 0);
                            } else if (tour.playing()) {
                                tour.pause();
                            } else {
                                tour.play();
                            }
                        }
                        break;
                    case SDLK_RIGHT:
                    case SDLK_PAGEDOWN:
                        if (!tourStops.empty()) {
                            if (!touring) {
                                touring = true;
                                tour.start(orbit.pose(), 0);
                                tour.pause();
                            } else {
                                tour.next();
                            }
                        }
                        break;
                    case SDLK_LEFT:
                    case SDLK_PAGEUP:
                        if (touring) {
                            tour.previous();
                        }
                        break;
                    case SDLK_f: // the firing dashboard
                        dashboardOpen = !dashboardOpen;
                        break;
                    case SDLK_SPACE: // play or pause the firing
                        if (firing) {
                            firing->setPlaying(!firing->playing());
                        }
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
                if (touring && input->type == scene::InputEventType::PointerDown) {
                    touring = false; // the visitor takes over from the tour where it is
                    orbit.setCamera(tour.pose().toOrbit(orbit.camera()));
                }
                if (walking) {
                    walk.handle(*input, viewport);
                    continue;
                }
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
            if (walking) {
                walk.setMoveInput(walkKeys);
                walk.update(static_cast<float>(kStepSeconds));
            } else if (touring) {
                tour.update(static_cast<float>(kStepSeconds));
            } else {
                orbit.update(static_cast<float>(kStepSeconds));
            }
            if (firing) {
                firing->update(kStepSeconds);
            }
            if (effects) {
                effects->update(kStepSeconds, *firing);
            }
        }
        if (firing) {
            for (const auto& [instance, fraction] : saggarRows) {
                (*renderer)->setInstanceEmissive(modelHandle, instance, firing->rowGlow(fraction));
            }
            const glm::vec3 wallGlow = firing->glowRadiance(firing->wallTemperatureC());
            for (int instance : walls) {
                (*renderer)->setInstanceEmissive(modelHandle, instance, wallGlow);
            }
        }
        if (measuring || view.evidenceOn) {
            if (auto tap = orbit.pollConfirmedTap(now)) {
                if (auto hit = picking.pick(scene::screenRay(orbit.pose(), viewport, *tap))) {
                    if (measuring) {
                        measurement.addPoint(hit->pointM);
                    } else {
                        inspectedPart = hit->instanceIndex;
                    }
                }
            }
        }

        const int w = window.value()->drawableWidth();
        const int h = window.value()->drawableHeight();
        const scene::OrbitCamera camera =
                touring ? tour.pose().toOrbit(orbit.camera()) : orbit.camera();
        render::FrameParams frame = frameFor(sceneDesc, camera);
        if (walking) {
            const scene::CameraPose pose = walk.pose();
            frame.camera.view = pose.view();
            frame.camera.positionM = pose.positionM;
            frame.camera.fovYDeg = pose.fovYDeg;
            frame.camera.nearM = 0.05f;
        }
        if (firing && hasFirebox) {
            frame.pointLights.push_back(firing->fireboxLight(fireboxPositionM));
        }
        const double renderStart = platform::Window::nowSeconds();
        (*renderer)->render(frame, nullptr, w, h);
        const double renderCpu = platform::Window::nowSeconds() - renderStart;
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, w, h);
        if (imgui.sdl && imgui.gl) {
            // ImGui sizes auto-resizing windows (and their tables) over the first two frames;
            // warm-up passes on frame 0 make even a one-frame screenshot complete.
            for (int pass = frameIndex == 0 ? 0 : 2; pass < 3; ++pass) {
                ImGui_ImplOpenGL3_NewFrame();
                ImGui_ImplSDL2_NewFrame();
                ImGui::NewFrame();
                if (options.showUi) {
                    card.uiScale = uiScale;
                    if (touring) {
                        if (const scene::Viewpoint* vp = tour.currentViewpoint()) {
                            for (const scene::SceneViewpoint& svp : sceneDesc.viewpoints) {
                                if (svp.id == vp->id) {
                                    card.noteZh = svp.caption.zh;
                                    card.noteEn = svp.caption.en;
                                }
                            }
                        }
                    }
                    const ui::OverlayLayout layout =
                            ui::computeOverlayLayout(io.DisplaySize, uiScale);
                    // Hotspot markers first, under every panel; hidden behind geometry.
                    ui::HotspotMarkersView markers;
                    markers.uiScale = uiScale;
                    const scene::CameraPose markerPose =
                            walking ? walk.pose() : scene::CameraPose::fromOrbit(camera);
                    // The dashboard covers the scene: no markers over it.
                    for (const scene::HotspotAnchor& anchor :
                         dashboardOpen&& firing ? std::vector<scene::HotspotAnchor>{}
                                                : sceneDesc.hotspots) {
                        const auto px =
                                scene::worldToScreen(markerPose, viewport, anchor.positionM);
                        if (!px) {
                            continue;
                        }
                        ui::HotspotMarkerView m;
                        m.id = anchor.id;
                        m.screenPosPx = ImVec2(px->x, px->y);
                        const glm::vec3 toAnchor = anchor.positionM - markerPose.positionM;
                        const float distance = glm::length(toAnchor);
                        scene::Ray ray;
                        ray.originM = markerPose.positionM;
                        ray.direction = toAnchor / std::max(distance, 1e-4f);
                        const auto hit = picking.pick(ray, distance);
                        m.occluded = hit && hit->distanceM < distance - 0.3f;
                        m.visited = visitedHotspots.count(anchor.id) > 0;
                        m.selected = openHotspot && *openHotspot == anchor.id;
                        markers.markers.push_back(m);
                    }
                    if (const auto tapped = ui::drawHotspotMarkers(markers).tappedId) {
                        openHotspot = *tapped;
                        visitedHotspots.insert(*tapped);
                        openDeterminant.reset();
                    }
                    const bool dash = dashboardOpen && firing != nullptr;
                    if (!diamondOpen && !dash) {
                        ui::drawSceneCard(card); // the diamond takes the same side
                    }
                    float panelTop = 0.0f;
                    // The cards open on the right, where the status panels are: one at a time.
                    const bool cardOpen = openDeterminant || openHotspot || pathwaysOpen || dash;
                    if (firing && !cardOpen) {
                        using content::Language;
                        ui::StatusPanelView panel;
                        panel.id = "firing";
                        panel.titleZh = uiText("firing.title", Language::Zh);
                        panel.titleEn = uiText("firing.title", Language::En);
                        char hours[32];
                        std::snprintf(hours, sizeof hours, "%.1f h", firing->run().timeHours());
                        panel.rows.push_back({uiText("firing.hours", Language::Zh),
                                              uiText("firing.hours", Language::En),
                                              hours,
                                              {}});
                        const char* zoneKeys[] = {"firing.front", "firing.middle", "firing.rear"};
                        for (int z = 0; z < 3; ++z) {
                            const double t = firing->settingTemperatureC(z / 3.0, (z + 1) / 3.0);
                            const glm::vec3 glow = firing->glowRadiance(t);
                            const float peak = std::max({glow.r, glow.g, glow.b, 1e-6f});
                            panel.rows.push_back(
                                    {uiText(zoneKeys[z], Language::Zh),
                                     uiText(zoneKeys[z], Language::En), formatC(t),
                                     t > 500.0 ? std::optional(glm::pow(glow / peak,
                                                                        glm::vec3(1.0f / 2.2f)))
                                               : std::optional<glm::vec3>()});
                        }
                        const auto& gas = firing->run().state().zones.at(1).gas[0];
                        const char* atmosphere = gas.atmosphere == sim::Atmosphere::Reducing
                                                         ? "atmosphere.reducing"
                                                 : gas.atmosphere == sim::Atmosphere::Neutral
                                                         ? "atmosphere.neutral"
                                                         : "atmosphere.oxidizing";
                        panel.rows.push_back({uiText("firing.atmosphere", Language::Zh),
                                              uiText("firing.atmosphere", Language::En),
                                              uiText(atmosphere, Language::Zh) + " " +
                                                      uiText(atmosphere, Language::En),
                                              {}});
                        char wood[32];
                        std::snprintf(wood, sizeof wood, "%.1f t",
                                      firing->run().state().fuelBurntKg / 1000.0);
                        panel.rows.push_back({uiText("firing.wood", Language::Zh),
                                              uiText("firing.wood", Language::En),
                                              wood,
                                              {}});
                        panel.uiScale = uiScale;
                        panelTop += drawStatusPanel(panel) + 8.0f * uiScale;
                        // A touch button under the panel opens the firing dashboard.
                        const float margin = 24.0f * uiScale;
                        ImGui::SetNextWindowPos(
                                ImVec2(io.DisplaySize.x - margin, margin + panelTop),
                                ImGuiCond_Always, ImVec2(1.0f, 0.0f));
                        ImGui::SetNextWindowBgAlpha(0.72f);
                        if (ImGui::Begin("##dashboard_button", nullptr,
                                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                 ImGuiWindowFlags_AlwaysAutoResize |
                                                 ImGuiWindowFlags_NoSavedSettings |
                                                 ImGuiWindowFlags_NoFocusOnAppearing)) {
                            const std::string label = uiText("dashboard.title", overlay.language);
                            if (ui::touchButton(label, "dashboard.open", uiScale, nullptr)) {
                                dashboardOpen = true;
                            }
                            panelTop += ImGui::GetWindowHeight() + 8.0f * uiScale;
                        }
                        ImGui::End();
                    }
                    if (view.evidenceOn && !cardOpen) {
                        using content::Language;
                        ui::StatusPanelView legend;
                        legend.id = "evidence";
                        legend.titleZh = uiText("view.evidence", Language::Zh);
                        legend.titleEn = uiText("view.evidence", Language::En);
                        for (const EvidenceClass& c : kEvidenceClasses) {
                            legend.rows.push_back({uiText(c.uiKey, Language::Zh),
                                                   uiText(c.uiKey, Language::En), "", c.color});
                        }
                        legend.rows.push_back({uiText("evidence.hint", Language::Zh),
                                               uiText("evidence.hint", Language::En),
                                               "",
                                               {}});
                        legend.uiScale = uiScale;
                        legend.topOffsetPx = panelTop;
                        panelTop += drawStatusPanel(legend) + 8.0f * uiScale;
                        if (inspectedPart && *inspectedPart >= 0 &&
                            *inspectedPart < static_cast<int>(loaded.model.instances.size())) {
                            const assets::Paradata& pd =
                                    loaded.model.instances[static_cast<std::size_t>(*inspectedPart)]
                                            .paradata;
                            ui::StatusPanelView part;
                            part.id = "evidence_part";
                            part.titleZh = uiText("evidence.part", Language::Zh);
                            part.titleEn = uiText("evidence.part", Language::En);
                            part.rows.push_back(
                                    {uiText("evidence.part", Language::Zh),
                                     uiText("evidence.part", Language::En),
                                     pd.part.empty() ? loaded.model
                                                               .instances[static_cast<std::size_t>(
                                                                       *inspectedPart)]
                                                               .nodeName
                                                     : pd.part,
                                     {}});
                            std::string evidence = pd.evidence;
                            std::optional<glm::vec3> swatch;
                            for (const EvidenceClass& c : kEvidenceClasses) {
                                if (pd.evidence == c.evidence) {
                                    evidence = uiText(c.uiKey, Language::Zh) + " " +
                                               uiText(c.uiKey, Language::En);
                                    swatch = c.color;
                                }
                            }
                            part.rows.push_back({uiText("evidence.class", Language::Zh),
                                                 uiText("evidence.class", Language::En), evidence,
                                                 swatch});
                            if (!pd.source.empty()) {
                                part.rows.push_back({uiText("evidence.source", Language::Zh),
                                                     uiText("evidence.source", Language::En),
                                                     pd.source,
                                                     {}});
                            }
                            if (!pd.reason.empty()) {
                                part.rows.push_back({uiText("evidence.reason", Language::Zh),
                                                     uiText("evidence.reason", Language::En),
                                                     pd.reason,
                                                     {}});
                            }
                            part.uiScale = uiScale;
                            part.topOffsetPx = panelTop;
                            drawStatusPanel(part);
                        }
                    }
                    if (diamondOpen && !dash) {
                        const auto d = ui::drawDiamond(
                                ui::buildDiamondView(library, sceneDesc.id, explored,
                                                     overlay.language, openDeterminant.value_or(""),
                                                     uiScale),
                                layout.diamond);
                        if (d.tappedId) {
                            openDeterminant = *d.tappedId;
                            explored.insert(*d.tappedId);
                            openHotspot.reset();
                        }
                        if (d.close) {
                            diamondOpen = false;
                            openDeterminant.reset();
                        }
                    }
                    if (dash) {
                        const sim::KilnModel& model = firing->model();
                        const sim::KilnState& state = firing->run().state();
                        ui::FiringDashboardView dv;
                        dv.labels = ui::buildDashboardLabels(library, overlay.language);
                        dv.history = &history;
                        dv.currentHours = firing->run().timeHours();
                        dv.endHours = firing->run().schedule().endHours;
                        dv.playing = firing->playing();
                        dv.speed = firing->speed();
                        dv.rows = ui::heatMapFromState(model, state, [&firing](double c) {
                            // Below visible heat the section would be black: show the cold part
                            // on a dim blue-to-brown scale, then the glow's own colour above it.
                            if (c < 600.0) {
                                const float t = static_cast<float>(std::clamp(c / 600.0, 0.0, 1.0));
                                const glm::vec3 cold = glm::mix(glm::vec3(0.16f, 0.20f, 0.30f),
                                                                glm::vec3(0.40f, 0.24f, 0.16f), t);
                                return ui::Rgb{cold.r, cold.g, cold.b};
                            }
                            // The glow's HDR radiance, compressed and encoded for display.
                            const glm::vec3 g = firing->glowRadiance(c);
                            const glm::vec3 d =
                                    glm::pow(g / (glm::vec3(1.0f) + g), glm::vec3(1.0f / 2.2f));
                            return ui::Rgb{std::max(d.r, 0.40f), std::max(d.g, 0.24f),
                                           std::max(d.b, 0.16f)};
                        });
                        dv.atmosphere = history.size() == 0 ? sim::Atmosphere::Oxidizing
                                                            : history.points().back().atmosphere;
                        const int coneRow =
                                model.rowCount() / 2; // the cone pack at a middle spy hole
                        const sim::WareSpec spec =
                                model.plan().empty()
                                        ? sim::WareSpec{}
                                        : model.plan()[static_cast<std::size_t>(coneRow) * 2];
                        dv.cones = ui::conePackAt(
                                model, state, coneRow, sim::kUpper,
                                {spec.minimumCone, spec.matureCone, spec.maximumCone});
                        dv.mouthOpen = mouthOpen;
                        dv.damperOpen = damperOpen;
                        if (testPiece) {
                            dv.testPiece = ui::readoutOf(*testPiece);
                        }
                        if (firing->run().finished()) {
                            dv.results = ui::resultsFromState(model, state);
                        }
                        dv.uiScale = uiScale;
                        const auto cmd = ui::drawFiringDashboard(
                                dv, ui::computeDashboardRect(io.DisplaySize, uiScale));
                        if (cmd.togglePlay) {
                            firing->setPlaying(!firing->playing());
                        }
                        if (cmd.speed) {
                            firing->setSpeed(*cmd.speed);
                        }
                        if (cmd.scrubToHours) {
                            firing->setPlaying(false);
                            firing->seekHours(*cmd.scrubToHours);
                        }
                        if (cmd.stokeKg) {
                            firing->command(sim::CommandKind::Stoke, *cmd.stokeKg);
                        }
                        if (cmd.mouthOpen) {
                            firing->command(sim::CommandKind::Mouth, *cmd.mouthOpen ? 1.0 : 0.0);
                            mouthOpen = *cmd.mouthOpen;
                        }
                        if (cmd.damperOpen) {
                            firing->command(sim::CommandKind::Damper, *cmd.damperOpen ? 1.0 : 0.0);
                            damperOpen = *cmd.damperOpen;
                        }
                        if (cmd.pull) {
                            testPiece =
                                    model.pullTestPiece(state, cmd.pull->row, cmd.pull->position);
                        }
                        if (cmd.close) {
                            dashboardOpen = false;
                        }
                    } else if (openDeterminant) {
                        const auto cardView =
                                ui::buildMechanismCard(library, *openDeterminant, sceneDesc.id,
                                                       overlay.language, overlay.depth, uiScale);
                        if (ui::drawMechanismCard(cardView, layout.card).close) {
                            openDeterminant.reset();
                        }
                    } else if (openHotspot) {
                        const auto cardView = ui::buildHotspotCard(
                                library, *openHotspot, overlay.language, overlay.depth, uiScale);
                        if (ui::drawHotspotCard(cardView, layout.card).close) {
                            openHotspot.reset();
                        }
                    } else if (pathwaysOpen) {
                        const auto panelView = ui::buildPathwayPanel(
                                library, sceneDesc.id, overlay.language, overlay.depth, uiScale);
                        if (ui::drawPathwayPanel(panelView, layout.pathways).close) {
                            pathwaysOpen = false;
                        }
                    }
                    const auto bar = ui::drawLanguageBar(
                            ui::buildLanguageBarView(library, overlay, diamondOpen, pathwaysOpen,
                                                     uiScale),
                            layout.bar);
                    if (bar.toggleDiamond) {
                        diamondOpen = !diamondOpen;
                    }
                    if (bar.togglePathways) {
                        pathwaysOpen = !pathwaysOpen;
                    }
                    pendingOverlay = ui::applyOverlayCommand(overlay, bar);
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
                if (pass < 2) {
                    ImGui::EndFrame();
                }
            }
            ImGui::Render();
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (pendingOverlay.textSizeLevel != overlay.textSizeLevel ||
                pendingOverlay.highContrast != overlay.highContrast) {
                ui::applyTheme({pendingOverlay.highContrast, uiScale, pendingOverlay.textSizeLevel,
                                atlasScale});
            }
            overlay = pendingOverlay;
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
        if (options.reportFrameTimes) {
            glFinish(); // so the total includes the rasteriser's work
            const double end = platform::Window::nowSeconds();
            if (frameIndex >= 2) { // the first frames compile shaders: warm-up
                timing.cpuSeconds += renderCpu;
                timing.totalSeconds += end - timing.frameStart;
                ++timing.frames;
            }
            timing.frameStart = end;
        }
        if (frameIndex == 0) {
            glFinish();
            const double ms = (platform::Window::nowSeconds() - startSeconds) * 1000.0;
            core::logInfo("app", "first frame finished " + std::to_string(static_cast<int>(ms)) +
                                         " ms after start");
            const render::RenderStats& st = (*renderer)->stats();
            core::logDebug(
                    "app",
                    "frame: " + std::to_string(st.drawCalls) + " draws, " +
                            std::to_string(st.triangles) + " triangles, " +
                            std::to_string(st.instancesDrawn) + " instances drawn, " +
                            std::to_string(st.instancesCulled) + " culled; GPU memory " +
                            std::to_string((st.textureBytes + st.bufferBytes + st.targetBytes) >>
                                           20) +
                            " MiB");
        }
        if (last) {
            running = false;
        }
    }
    if (options.reportFrameTimes && timing.frames > 0) {
        const render::RenderStats& st = (*renderer)->stats();
        std::printf("frame times over %d frames at %dx%d (after 2 warm-up frames): "
                    "engine CPU %.2f ms (render submission), total %.1f ms per frame (%.1f fps)\n"
                    "draw calls %d (+%d depth pre-pass, %d shadow), triangles %zu, instances %zu "
                    "drawn / %zu culled, GPU memory %.1f MiB (textures %.1f, buffers %.1f, "
                    "targets %.1f)\n",
                    timing.frames, window.value()->drawableWidth(),
                    window.value()->drawableHeight(), timing.cpuSeconds * 1000.0 / timing.frames,
                    timing.totalSeconds * 1000.0 / timing.frames,
                    timing.frames / timing.totalSeconds, st.drawCalls, st.prepassDrawCalls,
                    st.shadowDrawCalls, st.triangles, st.instancesDrawn, st.instancesCulled,
                    static_cast<double>(st.textureBytes + st.bufferBytes + st.targetBytes) /
                            1048576.0,
                    static_cast<double>(st.textureBytes) / 1048576.0,
                    static_cast<double>(st.bufferBytes) / 1048576.0,
                    static_cast<double>(st.targetBytes) / 1048576.0);
    }
    return exitCode;
}

} // namespace kiln::app
