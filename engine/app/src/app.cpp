// The composition root: start-up, the frame loop and the installation modes.
// [SECTION] Helpers: pointer tracking, frames, stills
// [SECTION] App: start-up, scenes, visitor sessions
// [SECTION] Input: SDL events, keys, presenter keys, the scripted session
// [SECTION] Installation: idle tiers, attract loop, admin gesture, analytics
// [SECTION] Drawing: the scene, its overlays, the installation's overlays
// [SECTION] Frame loop
#include "kiln/app/app.h"

#include "kiln/app/admin_gesture.h"
#include "kiln/app/analytics_store.h"
#include "kiln/app/checks.h"
#include "kiln/app/exposure.h"
#include "kiln/app/firing_session.h"
#include "kiln/app/idle_monitor.h"
#include "kiln/app/input_script.h"
#include "kiln/app/installation_config.h"
#include "kiln/app/lockdown.h"
#include "kiln/app/pin_hash.h"
#include "kiln/app/sdl_input.h"
#include "kiln/app/session_events.h"
#include "kiln/app/soak_verdict.h"
#include "kiln/assets/image_io.h"
#include "kiln/content/content.h"
#include "kiln/core/data_paths.h"
#include "kiln/core/file_io.h"
#include "kiln/core/fixed_step.h"
#include "kiln/core/log.h"
#include "kiln/core/process_stats.h"
#include "kiln/core/reloadable_value.h"
#include "kiln/gpu/debug_output.h"
#include "kiln/gpu/framebuffer.h"
#include "kiln/gpu/gl.h"
#include "kiln/gpu/object_counts.h"
#include "kiln/platform/service_notifier.h"
#include "kiln/platform/window.h"
#include "kiln/render/renderer.h"
#include "kiln/scene/screen_ray.h"
#include "kiln/ui/comparison_from_sim.h"
#include "kiln/ui/comparison_view.h"
#include "kiln/ui/dashboard_from_sim.h"
#include "kiln/ui/diamond_view.h"
#include "kiln/ui/firing_dashboard.h"
#include "kiln/ui/font_atlas.h"
#include "kiln/ui/hotspot_card.h"
#include "kiln/ui/hotspot_markers.h"
#include "kiln/ui/language_bar.h"
#include "kiln/ui/measurement_overlay.h"
#include "kiln/ui/mechanism_card.h"
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/pathway_panel.h"
#include "kiln/ui/pointer_capture.h"
#include "kiln/ui/quiz_panel.h"
#include "kiln/ui/scene_card.h"
#include "kiln/ui/status_panel.h"
#include "kiln/ui/theme.h"
#include "kiln/ui/touch_target.h"
#include "kiosk_overlays.h"
#include "scene_runtime.h"

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace kiln::app {
namespace {

constexpr double kStepSeconds = 1.0 / 60.0; // fixed simulation step
constexpr double kAnalyticsFlushSeconds = 10.0;
constexpr double kAttractFiringSpeed = 3600.0; // a kiln hour a second in the attract loop

// [SECTION] Helpers: pointer tracking, frames, stills
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

// The one pointer ImGui sees, tracked from SDL events: the mouse, or the first finger on a touch
// screen. ImGui 1.86's SDL backend reads the mouse from SDL's global state, which touches (on
// drivers that do not emulate a mouse) and events pushed into the queue (scripted sessions) never
// update; feeding ImGui from the events themselves makes all three behave alike.
class PointerTracker {
public:
    void onEvent(const SDL_Event& e, SDL_Window* window, double nowSeconds) {
        int w = 1;
        int h = 1;
        SDL_GetWindowSize(window, &w, &h);
        switch (e.type) {
            case SDL_MOUSEMOTION:
                if (e.motion.which != SDL_TOUCH_MOUSEID) {
                    moveTo(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y),
                           nowSeconds);
                }
                break;
            case SDL_MOUSEBUTTONDOWN:
            case SDL_MOUSEBUTTONUP:
                if (e.button.which != SDL_TOUCH_MOUSEID && e.button.button == SDL_BUTTON_LEFT) {
                    moveTo(static_cast<float>(e.button.x), static_cast<float>(e.button.y),
                           nowSeconds);
                    setDown(e.type == SDL_MOUSEBUTTONDOWN);
                }
                break;
            case SDL_FINGERDOWN:
                if (!mFinger) {
                    mFinger = e.tfinger.fingerId;
                    moveTo(e.tfinger.x * static_cast<float>(w), e.tfinger.y * static_cast<float>(h),
                           nowSeconds);
                    setDown(true);
                }
                break;
            case SDL_FINGERMOTION:
                if (mFinger && *mFinger == e.tfinger.fingerId) {
                    moveTo(e.tfinger.x * static_cast<float>(w), e.tfinger.y * static_cast<float>(h),
                           nowSeconds);
                }
                break;
            case SDL_FINGERUP:
                if (mFinger && *mFinger == e.tfinger.fingerId) {
                    moveTo(e.tfinger.x * static_cast<float>(w), e.tfinger.y * static_cast<float>(h),
                           nowSeconds);
                    setDown(false);
                    mFinger.reset();
                }
                break;
            default:
                break;
        }
    }

    // After ImGui_ImplSDL2_NewFrame: a press and release within one frame still count as a click.
    void applyTo(ImGuiIO& io) {
        io.MousePos = mValid ? mPos : ImVec2(-FLT_MAX, -FLT_MAX);
        io.MouseDown[0] = mDown || mPressedThisFrame;
        mPressedThisFrame = false;
    }

    bool valid() const { return mValid; }
    ImVec2 position() const { return mPos; }
    double lastMoveSeconds() const { return mLastMoveSeconds; }

private:
    void moveTo(float x, float y, double nowSeconds) {
        mPos = ImVec2(x, y);
        mValid = true;
        mLastMoveSeconds = nowSeconds;
    }
    void setDown(bool down) {
        if (down) {
            mPressedThisFrame = true;
        }
        mDown = down;
    }

    ImVec2 mPos{0.0f, 0.0f};
    bool mValid = false;
    bool mDown = false;
    bool mPressedThisFrame = false;
    std::optional<SDL_FingerID> mFinger;
    double mLastMoveSeconds = -1.0e9;
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

std::optional<PresenterKey> presenterKeyOf(SDL_Keycode key) {
    switch (key) {
        case SDLK_LEFT:
            return PresenterKey::Left;
        case SDLK_RIGHT:
            return PresenterKey::Right;
        case SDLK_UP:
            return PresenterKey::Up;
        case SDLK_DOWN:
            return PresenterKey::Down;
        case SDLK_PAGEUP:
            return PresenterKey::PageUp;
        case SDLK_PAGEDOWN:
            return PresenterKey::PageDown;
        case SDLK_b:
            return PresenterKey::B;
        case SDLK_PERIOD:
            return PresenterKey::Period;
        default:
            if (key >= SDLK_0 && key <= SDLK_9) {
                return static_cast<PresenterKey>(static_cast<int>(PresenterKey::Digit0) +
                                                 (key - SDLK_0));
            }
            return std::nullopt;
    }
}

const char* idleCode(IdleState state) {
    switch (state) {
        case IdleState::Active:
            return "active";
        case IdleState::StillThere:
            return "still_there";
        case IdleState::Attract:
            return "attract";
    }
    return "active";
}

const char* adminCode(AdminState state) {
    switch (state) {
        case AdminState::Idle:
            return "idle";
        case AdminState::Pressing:
            return "pressing";
        case AdminState::PinEntry:
            return "pin_entry";
        case AdminState::LockedOut:
            return "locked_out";
        case AdminState::Unlocked:
            return "unlocked";
    }
    return "idle";
}

bool isPointerDown(const SDL_Event& e) {
    return (e.type == SDL_MOUSEBUTTONDOWN && e.button.which != SDL_TOUCH_MOUSEID) ||
           e.type == SDL_FINGERDOWN;
}
// Whether a pointer event belongs to the overlays rather than the scene. A press is judged by
// where it lands (ImGui's WantCaptureMouse still describes where the pointer was at the last
// frame, so a finger landing on the scene right after a tap on a panel would be lost); a drag
// stays with whoever had its press (WantCaptureMouse follows that); a release always reaches the
// scene, which ends its own gestures.
bool overlayHasPointer(const SDL_Event& e, const ImGuiIO& io) {
    if (e.type == SDL_FINGERDOWN) {
        return ui::overlayTakesPressAt(
                ImVec2(e.tfinger.x * io.DisplaySize.x, e.tfinger.y * io.DisplaySize.y));
    }
    if (e.type == SDL_MOUSEBUTTONDOWN) {
        return ui::overlayTakesPressAt(
                ImVec2(static_cast<float>(e.button.x), static_cast<float>(e.button.y)));
    }
    return io.WantCaptureMouse && e.type != SDL_MOUSEBUTTONUP && e.type != SDL_FINGERUP;
}

bool isPointerUp(const SDL_Event& e) {
    return (e.type == SDL_MOUSEBUTTONUP && e.button.which != SDL_TOUCH_MOUSEID) ||
           e.type == SDL_FINGERUP;
}
bool isPointerEvent(const SDL_Event& e) {
    return isPointerDown(e) || isPointerUp(e) ||
           (e.type == SDL_MOUSEMOTION && e.motion.which != SDL_TOUCH_MOUSEID) ||
           e.type == SDL_FINGERMOTION ||
           (e.type == SDL_MOUSEWHEEL && e.wheel.which != SDL_TOUCH_MOUSEID);
}

// [SECTION] App: start-up, scenes, visitor sessions
class App {
public:
    App(Options options, std::optional<InstallationConfig> installation)
        : mOptions(std::move(options)), mInstallation(std::move(installation)) {
        if (mInstallation) {
            mPolicy = policyOf(mInstallation->mode);
        }
    }

    int run();

private:
    bool startUp();
    void buildFonts();
    void openScene(const std::string& sceneId, SceneStart start);
    void openSceneById(const std::string& sceneId);
    void buildCard();
    ui::OverlaySettings defaultOverlay() const;
    void resetVisitor();
    double now() const { return mVirtualClock ? mVirtualSeconds : platform::Window::nowSeconds(); }
    std::string uiText(const char* key, content::Language lang) const {
        return std::string(mLibrary->uiText(key, lang));
    }
    Bilingual bilingual(const char* key) const {
        return {uiText(key, content::Language::Zh), uiText(key, content::Language::En)};
    }

    void handleEvent(const SDL_Event& event);
    void handleKey(const SDL_KeyboardEvent& key);
    void requestQuit(QuitSource source);
    void scriptStep();
    void pushPointer(Uint32 type, double x, double y, bool mouse, SDL_FingerID finger = 1);
    std::string stateValue(const std::string& name) const;

    void updateInstallation();
    void reloadEditedFiles();
    void startVisitorSession();
    void flushAnalytics(bool force);
    void exportFiringCsv();
    void exportStill(const render::FrameParams& frame);

    void drawOverlays();
    void drawSceneOverlays();
    void drawFiringPanel(float& panelTop, bool cardOpen);
    void drawEvidencePanels(float& panelTop);
    void drawDashboard();
    void drawInstallationOverlays();

    Options mOptions;
    std::optional<InstallationConfig> mInstallation;
    ModePolicy mPolicy; // all off without an installation file
    double mStartSeconds = 0.0;

    // Platform, GL and renderer.
    std::unique_ptr<platform::Window> mWindow;
    std::unique_ptr<render::Renderer> mRenderer;
    scene::Viewport mViewport;
    ImGuiSession mImgui;
    float mUiScale = 1.0f;
    float mAtlasScale = 1.0f;
    ui::FontAtlasBuilder mFonts;
    PointerTracker mPointer;

    // Content and the open scene.
    std::shared_ptr<const content::ContentLibrary> mLibrary; // held for a whole frame
    std::unique_ptr<core::ReloadableValue<content::ContentLibrary>> mContent;
    std::unique_ptr<core::ReloadableValue<scene::SceneDescription>> mSceneFile;
    platform::ServiceNotifier mService;
    std::unique_ptr<SceneRuntime> mScene;
    // The first model's import, started before the window; released after the first frame (its
    // worker frees Assimp's data meanwhile).
    std::unique_ptr<ModelImportAhead> mImportAhead;
    std::string mSceneId;
    ui::SceneCardView mCard;

    // What the visitor chose and opened in this session.
    ui::OverlaySettings mOverlay;
    ui::OverlaySettings mPendingOverlay;
    bool mDiamondOpen = false;
    bool mPathwaysOpen = false;
    bool mDashboardOpen = false;
    std::optional<std::string> mOpenDeterminant;
    std::set<std::string, std::less<>> mExplored;
    bool mQuizOpen = false;
    std::map<std::string, ui::QuizSession> mQuizzes; // the visitor's progress, per scene
    bool mComparisonOpen = false;
    std::vector<ui::ComparisonRun> mComparisonRuns; // simulated once, on first open
    std::string mComparisonKiln;
    std::optional<std::size_t> mComparisonStep;
    std::vector<ui::TouchTarget> mTargets;     // every control drawn this frame ("panel/id")
    std::vector<ui::TouchTarget> mLastTargets; // ... and last frame, for scripted taps

    // The installation.
    std::unique_ptr<IdleMonitor> mIdle;
    std::unique_ptr<AdminGesture> mAdmin;
    std::string mAdminMessage;
    double mAttractStartSeconds = 0.0;
    bool mSwallowPointer = false; // the touch that woke the kiosk does nothing else
    bool mMouseSeen = false;
    glm::ivec2 mLastMouse{0, 0};
    bool mBlank = false;
    SessionRecorder mRecorder;
    std::unique_ptr<AnalyticsWriter> mAnalytics; // null: analytics off or unavailable
    bool mAnalyticsPaused = false;               // staff paused recording (admin menu)
    int mSessionsStarted = 0;
    std::size_t mEventsRecorded = 0;
    double mLastFlushSeconds = 0.0;

    // The frame loop.
    bool mRunning = true;
    int mExitCode = 0;
    bool mVirtualClock = false;
    double mVirtualSeconds = 0.0;
    std::optional<InputScript> mScript;
    std::size_t mScriptIndex = 0;
    int mScriptPhase = 0;
    double mScriptTapX = 0.0; // where a scripted tap touched, so it lifts there too
    double mScriptTapY = 0.0;
    int mScriptFramesLeft = 0;
    bool mScriptDone = false;
    int mScriptFailures = 0;
    std::map<std::string, std::string> mMarked; // state values at the script's last "mark"
    int mContentReloads = 0;
    int mSceneReloads = 0;
    std::string mPendingScreenshot;
    // The soak: samples taken by the script's "sample" command.
    struct SoakSample {
        int frame = 0;
        std::size_t residentBytes = 0;
        gpu::LiveObjectCounts gl;
        double meanFrameMs = 0.0;
    };
    std::vector<SoakSample> mSamples;
    int mFrameIndex = 0;
    int mFramesSinceSample = 0;
    double mLastSampleWallSeconds = 0.0;
    bool evaluateSoak();
    bool mExportStillRequested = false;
};

bool App::startUp() {
    mStartSeconds = platform::Window::nowSeconds();
    // The first model's file is known now: its import (read, repair, conversion) runs on a worker
    // beside the window, the GL context, the shaders and the content files (docs/performance.md).
    if (!mOptions.modelPath.empty()) {
        mImportAhead = std::make_unique<ModelImportAhead>(mOptions.modelPath);
    } else if (auto first = scene::loadSceneById(mOptions.sceneId, core::dataRoot());
               first && !first->modelPath.empty()) {
        mImportAhead = std::make_unique<ModelImportAhead>(first->modelPath);
    }
    platform::WindowDesc desc;
    desc.width = mOptions.width;
    desc.height = mOptions.height;
    desc.fullscreen = mOptions.fullscreen;
    desc.offscreen = mOptions.offscreen;
    desc.title = "Kilnfire 窑火";
    if (mInstallation) {
        desc.displayIndex = mInstallation->display.index;
        desc.fullscreen = desc.fullscreen || mInstallation->display.fullscreen;
    }
    if (mPolicy.lockdown) {
        // Closing the window must not end a kiosk: SDL would otherwise turn the last window's
        // close into SDL_QUIT. SDL_QUIT then only comes from a system signal (systemd's stop).
        SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    }
    auto window = platform::Window::create(desc);
    if (!window) {
        core::logError("app", window.error().message);
        return false;
    }
    mWindow = std::move(window.value());
    if (auto loaded = gpu::loadGl(&platform::Window::getProcAddress); !loaded) {
        core::logError("app", loaded.error().message);
        return false;
    }
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
    rendererDesc.msaaSamples =
            mOptions.msaaSamples >= 0 ? mOptions.msaaSamples : (software ? 0 : 4);
    rendererDesc.maxAnisotropy = software ? 1.0f : 8.0f;
    rendererDesc.renderScale = mOptions.renderScale;
    // Levels of detail on a worker thread open a scene sooner; headless and scripted runs build
    // them before the first frame so that their images do not depend on timing.
    rendererDesc.lodInBackground = !mOptions.offscreen && mOptions.scriptPath.empty();
    auto renderer = render::Renderer::create(rendererDesc);
    if (!renderer) {
        core::logError("app", renderer.error().message);
        return false;
    }
    mRenderer = std::move(renderer.value());
    mViewport = {static_cast<float>(mWindow->drawableWidth()),
                 static_cast<float>(mWindow->drawableHeight())};

    // Texts shown with the scenes come from the content files; the scene file is the fallback.
    // Curators edit content files in place: a broken edit keeps the last good version (the log
    // says why) and the next good save comes in without a restart. The first load is lenient
    // (findings are logged, the rest shows); reloads are strict.
    mContent = std::make_unique<core::ReloadableValue<content::ContentLibrary>>(
            "content", std::vector<std::filesystem::path>{content::defaultContentRoot()},
            []() -> core::Result<content::ContentLibrary> {
                content::LoadOptions quiet;
                quiet.logFindings = false;
                content::LoadResult r = content::loadContent(content::defaultContentRoot(), quiet);
                if (!r.findings.empty()) {
                    std::string m = content::formatFinding(r.findings.front());
                    if (r.findings.size() > 1) {
                        m.append(" (and ")
                                .append(std::to_string(r.findings.size() - 1))
                                .append(" more)");
                    }
                    return core::Error{m};
                }
                return std::move(r.library);
            });
    mContent->set(std::move(content::loadContent(content::defaultContentRoot()).library));
    mLibrary = mContent->current();

    // The first scene: the command line's, or the installation's first.
    SceneStart start;
    start.sceneId = mOptions.sceneId;
    start.modelPath = mOptions.modelPath;
    start.viewpointId = mOptions.viewpointId;
    start.cutaway = mOptions.cutaway;
    start.evidenceView = mOptions.evidenceView;
    start.walk = mOptions.walk;
    start.firingHours = mOptions.firingHours;
    start.firingPaused = mOptions.offscreen && mOptions.frames > 0;
    start.importAhead = mImportAhead.get();
    openScene(mOptions.sceneId, start);

    // ImGui: SDL platform backend and OpenGL3 renderer backend, joined here only.
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk must not write layout files
    mUiScale = std::max(0.5f, mViewport.heightPx / 1080.0f);
    buildFonts();
    mOverlay = defaultOverlay();
    ui::applyTheme({mOverlay.highContrast, mUiScale, mOverlay.textSizeLevel, mAtlasScale});
    mPendingOverlay = mOverlay;
    if (mOptions.panel == "diamond") {
        mDiamondOpen = true;
    } else if (mOptions.panel == "pathways") {
        mPathwaysOpen = true;
    } else if (mOptions.panel == "dashboard") {
        mDashboardOpen = true;
    } else if (mOptions.panel == "quiz") {
        mQuizOpen = true;
    } else if (mOptions.panel == "comparison") {
        mComparisonOpen = true;
    } else if (mOptions.panel.rfind("hotspot:", 0) == 0) {
        mScene->openHotspot = mOptions.panel.substr(8);
        mScene->visitedHotspots.insert(*mScene->openHotspot);
    }
    mImgui.sdl = ImGui_ImplSDL2_InitForOpenGL(mWindow->sdlWindow(), mWindow->glContext());
    mImgui.gl = ImGui_ImplOpenGL3_Init("#version 330 core");
    if (!mImgui.sdl || !mImgui.gl) {
        core::logError("app", "cannot start the ImGui backends; overlays are off");
    }

    // The installation's idle tiers, admin gesture and analytics.
    if (mInstallation) {
        if (mPolicy.idleReset) {
            mIdle = std::make_unique<IdleMonitor>(mInstallation->timeouts, now(),
                                                  mPolicy.attractLoop ? IdleState::Attract
                                                                      : IdleState::Active);
            mAttractStartSeconds = now();
        }
        if (mPolicy.lockdown) {
            mAdmin = std::make_unique<AdminGesture>(gestureSettingsOf(mInstallation->admin),
                                                    mInstallation->admin.pinHash);
        }
        if (mInstallation->analytics.enabled) {
            // A store that cannot open (read-only folder, full disk, corrupt file) is logged by
            // the writer; the installation goes on without analytics.
            if (auto writer = AnalyticsWriter::start(
                        analyticsDatabasePath(mInstallation->analytics.folder));
                writer) {
                mAnalytics = std::move(writer.value());
            }
        }
        if (!mPolicy.attractLoop) {
            startVisitorSession(); // a classroom's session is the lesson
        }
    }
    mLastFlushSeconds = now();
    return true;
}

// The atlas holds every glyph of every string the installation can show (the interface, the
// model, the glossary, and each of its scenes' cards, captions and layers), built at the largest
// text size so no glyph is ever scaled up. Other scenes' glyphs are left out: they cost start-up.
void App::buildFonts() {
    ui::FontAtlasBuilder& fonts = mFonts; // its glyph ranges must outlive the atlas's build
    for (const std::string& text : ui::sceneCardStrings(mCard)) {
        fonts.addText(text);
    }
    std::vector<std::string> sceneIds = {mSceneId};
    if (mInstallation) {
        sceneIds = mInstallation->scenes;
    }
    for (const auto& entry : content::allStrings(*mLibrary)) {
        const bool sceneFile = entry.file.find("scenes/") != std::string::npos;
        bool wanted = !sceneFile;
        for (const std::string& id : sceneIds) {
            wanted = wanted || entry.file.find("scenes/" + id + ".json") != std::string::npos;
        }
        if (wanted) {
            fonts.addText(entry.text);
        }
    }
    for (const std::string& id : sceneIds) {
        const auto described = scene::loadSceneById(id, core::dataRoot());
        if (!described) {
            continue; // reported when the scene is opened
        }
        fonts.addText(described->title.zh);
        fonts.addText(described->title.en);
        fonts.addText(described->caption.zh);
        fonts.addText(described->caption.en);
        for (const scene::SceneViewpoint& vp : described->viewpoints) {
            fonts.addText(vp.caption.zh);
            fonts.addText(vp.caption.en);
        }
        for (const scene::SceneLayer& layer : described->layers) {
            fonts.addText(layer.title.zh);
            fonts.addText(layer.title.en);
        }
    }
    mAtlasScale = ui::textScaleForLevel(ui::kMaxTextSizeLevel);
    (void)fonts.build(*ImGui::GetIO().Fonts, std::round(28.0f * mUiScale * mAtlasScale));
}

void App::openScene(const std::string& sceneId, SceneStart start) {
    const double t = now();
    const double wallStart = platform::Window::nowSeconds();
    mScene.reset(); // releases the previous scene's GPU model before the next is loaded
    mScene = std::make_unique<SceneRuntime>(*mRenderer, start, mViewport.aspect());
    mSceneId = sceneId;
    mDashboardOpen = false;
    mRecorder.sceneEntered(mScene->description.id, t);
    buildCard();
    mSceneFile.reset();
    if (start.modelPath.empty() && !mScene->unavailable) {
        mSceneFile = std::make_unique<core::ReloadableValue<scene::SceneDescription>>(
                "scene " + sceneId,
                std::vector<std::filesystem::path>{core::dataRoot() / "scenes" / sceneId},
                [sceneId] { return scene::loadSceneById(sceneId, core::dataRoot()); });
        mSceneFile->set(mScene->description);
    }
    mService.status("showing " + mScene->description.id);
    const int ms = static_cast<int>((platform::Window::nowSeconds() - wallStart) * 1000.0);
    core::logInfo("app",
                  "scene '" + mScene->description.id + "' open in " + std::to_string(ms) + " ms");
}

void App::openSceneById(const std::string& sceneId) {
    SceneStart start;
    start.sceneId = sceneId;
    openScene(sceneId, start);
}

void App::buildCard() {
    const scene::SceneDescription& d = mScene->description;
    mCard = {};
    mCard.titleZh = d.title.zh;
    mCard.titleEn = d.title.en;
    mCard.bodyZh = d.caption.zh;
    mCard.bodyEn = d.caption.en;
    mCard.source = d.source;
    if (const content::SceneContent* sc = mLibrary->findScene(d.id);
        sc != nullptr && !mScene->inspectModel) {
        using content::Language;
        mCard.titleZh = std::string(mLibrary->display(sc->title, Language::Zh));
        mCard.titleEn = std::string(mLibrary->display(sc->title, Language::En));
        mCard.bodyZh =
                std::string(mLibrary->display(sc->card, Language::Zh, content::Depth::Visitor));
        mCard.bodyEn =
                std::string(mLibrary->display(sc->card, Language::En, content::Depth::Visitor));
        if (!sc->source.empty()) {
            mCard.source = sc->source; // the source of the card's own facts
        }
        if (!d.caption.en.empty()) { // the scene's own note (e.g. "dimensions are conjecture")
            mCard.noteZh = d.caption.zh;
            mCard.noteEn = d.caption.en;
        }
    }
}

ui::OverlaySettings App::defaultOverlay() const {
    ui::OverlaySettings settings;
    if (mInstallation) {
        settings.language = mInstallation->language;
        settings.depth = mInstallation->depth;
    }
    if (mOptions.language == "en") {
        settings.language = content::Language::En;
    } else if (mOptions.language == "zh") {
        settings.language = content::Language::Zh;
    }
    return settings;
}

// Back to the start for the next visitor: scene, camera, language, depth, text size, contrast,
// simulation, opened panels and what was explored.
void App::resetVisitor() {
    mOverlay = defaultOverlay();
    mPendingOverlay = mOverlay;
    ui::applyTheme({mOverlay.highContrast, mUiScale, mOverlay.textSizeLevel, mAtlasScale});
    mDiamondOpen = false;
    mPathwaysOpen = false;
    mDashboardOpen = false;
    mOpenDeterminant.reset();
    mExplored.clear();
    mQuizOpen = false;
    mQuizzes.clear();
    mComparisonOpen = false;
    mComparisonKiln.clear();
    mComparisonStep.reset();
    mBlank = false;
    mSwallowPointer = false;
    const std::string first = mInstallation ? mInstallation->scenes.front() : mOptions.sceneId;
    openSceneById(first);
    core::logInfo("app", "reset to the start for the next visitor");
}

// [SECTION] Input: SDL events, keys, presenter keys, the scripted session
void App::requestQuit(QuitSource source) {
    const bool unlocked = mAdmin && mAdmin->state() == AdminState::Unlocked;
    if (!mInstallation || !shouldIgnoreQuit(mInstallation->mode, source, unlocked)) {
        mRunning = false;
    } else {
        core::logInfo("app", "quit attempt ignored in this installation's mode");
    }
}

void App::handleEvent(const SDL_Event& event) {
    const double t = now();
    ImGuiIO& io = ImGui::GetIO();
    const bool pointer = isPointerEvent(event);
    // A mouse that only appears under a new window (the window manager's first motion event) or
    // reports the position it already had is nobody there: it must not wake a kiosk.
    bool stillMouse = false;
    if (event.type == SDL_MOUSEMOTION && event.motion.which != SDL_TOUCH_MOUSEID) {
        const glm::ivec2 at(event.motion.x, event.motion.y);
        stillMouse = !mMouseSeen || at == mLastMouse;
        mMouseSeen = true;
        mLastMouse = at;
    }
    const bool input = (pointer && !stillMouse) || event.type == SDL_KEYDOWN;
    // The admin gesture watches the first pointer everywhere, whatever is on screen.
    if (mAdmin && pointer) {
        int w = 1;
        int h = 1;
        SDL_GetWindowSize(mWindow->sdlWindow(), &w, &h);
        const bool finger = event.type == SDL_FINGERDOWN || event.type == SDL_FINGERUP ||
                            event.type == SDL_FINGERMOTION;
        const float x = finger ? event.tfinger.x * static_cast<float>(w)
                               : static_cast<float>(event.type == SDL_MOUSEMOTION ? event.motion.x
                                                                                  : event.button.x);
        const float y = finger ? event.tfinger.y * static_cast<float>(h)
                               : static_cast<float>(event.type == SDL_MOUSEMOTION ? event.motion.y
                                                                                  : event.button.y);
        if (isPointerDown(event)) {
            mAdmin->pointerDown(x, y, t);
        } else if (isPointerUp(event)) {
            (void)mAdmin->pointerUp(x, y, t);
        } else if (event.type != SDL_MOUSEWHEEL) {
            mAdmin->pointerMove(x, y, t);
        }
    }
    // Any input keeps the kiosk awake; the touch that wakes it (or answers "still there?") does
    // nothing else, so a visitor never triggers something by accident.
    if (mIdle && input) {
        const IdleInputEffect effect = mIdle->onInput(t);
        if (effect != IdleInputEffect::None && isPointerDown(event)) {
            mSwallowPointer = true;
        }
        if (effect == IdleInputEffect::SessionStarted) {
            startVisitorSession();
        }
    }
    if (mSwallowPointer && pointer) {
        if (isPointerUp(event)) {
            mSwallowPointer = false;
        }
        return;
    }
    mPointer.onEvent(event, mWindow->sdlWindow(), t);
    // Touch-first: the cursor hides while fingers are used and comes back with a real mouse.
    if (event.type == SDL_FINGERDOWN) {
        SDL_ShowCursor(SDL_DISABLE);
    } else if ((event.type == SDL_MOUSEMOTION && event.motion.which != SDL_TOUCH_MOUSEID)) {
        SDL_ShowCursor(SDL_ENABLE);
    }
    if (mImgui.sdl) {
        ImGui_ImplSDL2_ProcessEvent(&event);
    }
    if (event.type == SDL_QUIT) {
        requestQuit(QuitSource::SystemSignal); // a system stop (or, unlocked, the last window)
        return;
    }
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE) {
        requestQuit(QuitSource::WindowClose);
        return;
    }
    if (event.type == SDL_KEYDOWN && !io.WantCaptureKeyboard) {
        handleKey(event.key);
        return;
    }
    // The scene gets the pointer unless a modal, the attract loop or an overlay has it.
    const bool modal = mBlank || (mIdle && mIdle->state() != IdleState::Active) ||
                       (mAdmin && (mAdmin->state() == AdminState::PinEntry ||
                                   mAdmin->state() == AdminState::LockedOut ||
                                   mAdmin->state() == AdminState::Unlocked));
    if (modal) {
        return;
    }
    if (overlayHasPointer(event, io)) {
        return; // the overlay has the pointer
    }
    SceneRuntime& s = *mScene;
    if (auto in = toInputEvent(event, mWindow->sdlWindow(), mViewport)) {
        in->timeSeconds = t; // one clock for gestures, idle and scripts
        if (s.touring && in->type == scene::InputEventType::PointerDown) {
            s.stopTour(); // the visitor takes over from the tour where it is
        }
        if (s.walking) {
            s.walk->handle(*in, mViewport);
            return;
        }
        const scene::GestureResult gesture = s.orbit->handle(*in, mViewport);
        // A double-tap waits for the picking index if it is still being built (a large scan's
        // first second), rather than doing nothing; the build starts after the first frame.
        const scene::PickingIndex* picker = gesture.focusRequestPx ? s.picking(true) : nullptr;
        if (picker != nullptr) {
            if (auto hit = picker->pick(
                        scene::screenRay(s.orbit->pose(), mViewport, *gesture.focusRequestPx))) {
                s.orbit->focusOn(hit->pointM);
            }
        }
    }
}

void App::handleKey(const SDL_KeyboardEvent& key) {
    SceneRuntime& s = *mScene;
    const SDL_Keycode sym = key.keysym.sym;
    const bool alt = (key.keysym.mod & KMOD_ALT) != 0;
    const bool ctrl = (key.keysym.mod & KMOD_CTRL) != 0;
    if (alt && sym == SDLK_F4) {
        requestQuit(QuitSource::AltF4);
        return;
    }
    if (ctrl && (sym == SDLK_q || sym == SDLK_w)) {
        requestQuit(sym == SDLK_q ? QuitSource::CtrlQ : QuitSource::CtrlW);
        return;
    }
    if (sym == SDLK_ESCAPE) {
        requestQuit(QuitSource::Escape);
        return;
    }
    // Presenter keys (classroom clickers, exhibition staff): tour stops, blank screen, scenes.
    if (mPolicy.presenterKeys && !alt && !ctrl) {
        if (const auto pk = presenterKeyOf(sym)) {
            const int sceneCount = static_cast<int>(mInstallation->scenes.size());
            if (const auto cmd = presenterCommandFor(mInstallation->mode, *pk, sceneCount)) {
                switch (cmd->kind) {
                    case PresenterCommand::Kind::NextStop:
                        s.nextStop();
                        break;
                    case PresenterCommand::Kind::PreviousStop:
                        s.previousStop();
                        break;
                    case PresenterCommand::Kind::BlankScreen:
                        mBlank = !mBlank;
                        break;
                    case PresenterCommand::Kind::Scene:
                        openSceneById(
                                mInstallation->scenes[static_cast<std::size_t>(cmd->sceneIndex)]);
                        break;
                }
                return;
            }
        }
    }
    if (mIdle && mIdle->state() == IdleState::Attract) {
        return; // the attract loop plays on; a touch starts a session
    }
    switch (sym) {
        case SDLK_m: // measuring tool on or off
            s.measuring = !s.measuring;
            s.measurement.clear();
            break;
        case SDLK_HOME: // back to the scene's first viewpoint, smoothly
            s.touring = false;
            s.orbit->transitionTo(s.startCamera);
            break;
        case SDLK_v: // walk mode at eye height, or back to orbiting
            s.toggleWalk();
            break;
        case SDLK_w:
            s.walkKeys.y = 1.0f;
            break;
        case SDLK_s:
            s.walkKeys.y = -1.0f;
            break;
        case SDLK_a:
            s.walkKeys.x = -1.0f;
            break;
        case SDLK_d:
            s.walkKeys.x = 1.0f;
            break;
        case SDLK_c: // cutaway: open the kiln
            s.view.cutawayOn = !s.view.cutawayOn;
            s.view.apply(*mRenderer, s.handle, s.model);
            break;
        case SDLK_e: // evidence view
            s.view.evidenceOn = !s.view.evidenceOn;
            s.view.apply(*mRenderer, s.handle, s.model);
            break;
        case SDLK_l: // switch the first layer (Shift: the second)
            if (!s.view.layers.empty()) {
                const std::size_t l =
                        (key.keysym.mod & KMOD_SHIFT) != 0 && s.view.layers.size() > 1 ? 1 : 0;
                s.view.layerVisible[l] = !s.view.layerVisible[l];
                s.view.apply(*mRenderer, s.handle, s.model);
            }
            break;
        case SDLK_t: // play or pause the tour
            s.toggleTour();
            break;
        case SDLK_RIGHT:
        case SDLK_PAGEDOWN:
            s.nextStop();
            break;
        case SDLK_LEFT:
        case SDLK_PAGEUP:
            s.previousStop();
            break;
        case SDLK_f: // the firing dashboard
            mDashboardOpen = !mDashboardOpen;
            break;
        case SDLK_SPACE: // play or pause the firing
            if (s.firing) {
                s.firing->setPlaying(!s.firing->playing());
            }
            break;
        case SDLK_LEFTBRACKET: // scrub the firing back or forward by a kiln hour
        case SDLK_RIGHTBRACKET:
            if (s.firing) {
                s.firing->setPlaying(false);
                s.firing->seekHours(std::max(0.0, s.firing->run().timeHours() +
                                                          (sym == SDLK_LEFTBRACKET ? -1.0 : 1.0)));
            }
            break;
        case SDLK_x: // export the firing's record for a spreadsheet
            exportFiringCsv();
            break;
        case SDLK_p: // export a still of the scene
            mExportStillRequested = true;
            break;
        default:
            break;
    }
}

void App::pushPointer(Uint32 type, double x, double y, bool mouse, SDL_FingerID finger) {
    SDL_Event e{};
    int w = 1;
    int h = 1;
    SDL_GetWindowSize(mWindow->sdlWindow(), &w, &h);
    if (mouse) {
        e.type = type;
        if (type == SDL_MOUSEMOTION) {
            e.motion.windowID = SDL_GetWindowID(mWindow->sdlWindow());
            e.motion.x = static_cast<Sint32>(x);
            e.motion.y = static_cast<Sint32>(y);
        } else {
            e.button.windowID = SDL_GetWindowID(mWindow->sdlWindow());
            e.button.button = SDL_BUTTON_LEFT;
            e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
            e.button.clicks = 1;
            e.button.x = static_cast<Sint32>(x);
            e.button.y = static_cast<Sint32>(y);
        }
    } else {
        e.type = type;
        e.tfinger.touchId = 1;
        e.tfinger.fingerId = finger;
        e.tfinger.x = static_cast<float>(x / w);
        e.tfinger.y = static_cast<float>(y / h);
        e.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
        e.tfinger.windowID = SDL_GetWindowID(mWindow->sdlWindow());
    }
    SDL_PushEvent(&e);
}

// Runs the script's commands due this frame: input goes into SDL's own queue, so it takes the same
// path as a visitor's touches; waits jump the virtual clock; expectations compare the app's state.
void App::scriptStep() {
    const InputScript& script = *mScript;
    if (mScriptFramesLeft > 0) {
        --mScriptFramesLeft;
        return;
    }
    while (mScriptIndex < script.commands.size()) {
        const ScriptCommand& c = script.commands[mScriptIndex];
        const std::string where = script.fileName + ":" + std::to_string(c.line) + ": ";
        switch (c.op) {
            case ScriptOp::Frames:
                mScriptFramesLeft = static_cast<int>(c.numbers[0]) - 1;
                ++mScriptIndex;
                return;
            case ScriptOp::Wait:
                mVirtualSeconds += c.numbers[0];
                ++mScriptIndex;
                return;
            case ScriptOp::Tap:
            case ScriptOp::Click:
            case ScriptOp::TapTarget: {
                double x = c.numbers[0];
                double y = c.numbers[1];
                if (c.op == ScriptOp::TapTarget && mScriptPhase == 1) {
                    x = mScriptTapX; // a finger lifts where it touched
                    y = mScriptTapY;
                } else if (c.op == ScriptOp::TapTarget) {
                    const auto found = std::find_if(
                            mLastTargets.rbegin(), mLastTargets.rend(),
                            [&](const ui::TouchTarget& t) {
                                const std::string& id = t.id;
                                return id == c.text || (id.size() > c.text.size() &&
                                                        id.compare(id.size() - c.text.size(),
                                                                   c.text.size(), c.text) == 0 &&
                                                        id[id.size() - c.text.size() - 1] == '/');
                            });
                    if (found == mLastTargets.rend()) {
                        core::logError("script", where + "no control '" + c.text +
                                                         "' was drawn in the last frame");
                        ++mScriptFailures;
                        ++mScriptIndex;
                        continue;
                    }
                    x = (found->min.x + found->max.x) * 0.5;
                    y = (found->min.y + found->max.y) * 0.5;
                    core::logDebug("script", where + "tapping '" + found->id + "' at " +
                                                     std::to_string(x) + ", " + std::to_string(y));
                }
                const bool mouse = c.op == ScriptOp::Click;
                mScriptTapX = x;
                mScriptTapY = y;
                if (mScriptPhase == 0) {
                    if (mouse) {
                        pushPointer(SDL_MOUSEMOTION, x, y, true);
                    }
                    pushPointer(mouse ? SDL_MOUSEBUTTONDOWN : SDL_FINGERDOWN, x, y, mouse);
                    mScriptPhase = 1;
                } else {
                    pushPointer(mouse ? SDL_MOUSEBUTTONUP : SDL_FINGERUP, x, y, mouse);
                    mScriptPhase = 0;
                    ++mScriptIndex;
                }
                return;
            }
            case ScriptOp::Press:
            case ScriptOp::Move:
            case ScriptOp::Release:
                pushPointer(c.op == ScriptOp::Press  ? SDL_FINGERDOWN
                            : c.op == ScriptOp::Move ? SDL_FINGERMOTION
                                                     : SDL_FINGERUP,
                            c.numbers[0], c.numbers[1], false,
                            static_cast<SDL_FingerID>(c.numbers[2]));
                // Fingers of one gesture move in the same frame: only the last of a run of
                // moves ends the frame.
                ++mScriptIndex;
                if (c.op == ScriptOp::Move && mScriptIndex < script.commands.size() &&
                    script.commands[mScriptIndex].op == ScriptOp::Move) {
                    continue;
                }
                return;
            case ScriptOp::Copy: {
                std::error_code ec;
                std::filesystem::copy_file(c.text, c.value,
                                           std::filesystem::copy_options::overwrite_existing, ec);
                if (ec) {
                    core::logError("script", where + "cannot copy " + c.text + " to " + c.value +
                                                     ": " + ec.message());
                    ++mScriptFailures;
                }
                ++mScriptIndex;
                continue;
            }
            case ScriptOp::Mark:
                mMarked.clear();
                for (std::string_view name : scriptStateNames()) {
                    mMarked[std::string(name)] = stateValue(std::string(name));
                }
                ++mScriptIndex;
                continue;
            case ScriptOp::ExpectChanged:
            case ScriptOp::ExpectSame: {
                const std::string actual = stateValue(c.text);
                const std::string before = mMarked.count(c.text) ? mMarked[c.text] : "(no mark)";
                const bool changed = actual != before;
                if (changed != (c.op == ScriptOp::ExpectChanged)) {
                    core::logError("script", where + "expected " + c.text +
                                                     (changed ? " to stay " : " to change from ") +
                                                     before + ", got " + actual);
                    ++mScriptFailures;
                } else {
                    core::logInfo("script", where + c.text + ": " + before + " -> " + actual);
                }
                ++mScriptIndex;
                continue;
            }
            case ScriptOp::Key: {
                const SDL_Keycode code = SDL_GetKeyFromName(c.text.c_str());
                if (code == SDLK_UNKNOWN) {
                    core::logError("script", where + "unknown key '" + c.text + "'");
                    ++mScriptFailures;
                    ++mScriptIndex;
                    continue;
                }
                Uint16 mod = KMOD_NONE;
                if (c.value.find("alt") != std::string::npos) {
                    mod |= KMOD_LALT;
                }
                if (c.value.find("ctrl") != std::string::npos) {
                    mod |= KMOD_LCTRL;
                }
                if (c.value.find("shift") != std::string::npos) {
                    mod |= KMOD_LSHIFT;
                }
                for (Uint32 type : {SDL_KEYDOWN, SDL_KEYUP}) {
                    SDL_Event e{};
                    e.type = type;
                    e.key.windowID = SDL_GetWindowID(mWindow->sdlWindow());
                    e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
                    e.key.keysym.sym = code;
                    e.key.keysym.scancode = SDL_GetScancodeFromKey(code);
                    e.key.keysym.mod = mod;
                    SDL_PushEvent(&e);
                }
                ++mScriptIndex;
                return;
            }
            case ScriptOp::Quit: {
                SDL_Event e{};
                e.type = SDL_QUIT;
                SDL_PushEvent(&e);
                ++mScriptIndex;
                return;
            }
            case ScriptOp::Close: {
                SDL_Event e{};
                e.type = SDL_WINDOWEVENT;
                e.window.event = SDL_WINDOWEVENT_CLOSE;
                e.window.windowID = SDL_GetWindowID(mWindow->sdlWindow());
                SDL_PushEvent(&e);
                ++mScriptIndex;
                return;
            }
            case ScriptOp::Screenshot:
                mPendingScreenshot = c.text;
                ++mScriptIndex;
                return;
            case ScriptOp::Sample: {
                const double wall = platform::Window::nowSeconds();
                SoakSample sample;
                sample.frame = mFrameIndex;
                sample.residentBytes = core::residentMemoryBytes();
                sample.gl = gpu::liveObjectCounts();
                sample.meanFrameMs = mFramesSinceSample > 0 ? (wall - mLastSampleWallSeconds) *
                                                                      1000.0 / mFramesSinceSample
                                                            : 0.0;
                std::printf("soak sample %zu: frame %d, resident %.1f MiB, GL objects %lld "
                            "(buffers %lld, textures %lld, vertex arrays %lld, framebuffers %lld, "
                            "programs %lld), %.1f ms per frame\n",
                            mSamples.size(), sample.frame,
                            static_cast<double>(sample.residentBytes) / 1048576.0,
                            static_cast<long long>(sample.gl.total()),
                            static_cast<long long>(sample.gl.buffers),
                            static_cast<long long>(sample.gl.textures),
                            static_cast<long long>(sample.gl.vertexArrays),
                            static_cast<long long>(sample.gl.framebuffers),
                            static_cast<long long>(sample.gl.programs), sample.meanFrameMs);
                std::fflush(stdout);
                mSamples.push_back(sample);
                mLastSampleWallSeconds = wall;
                mFramesSinceSample = 0;
                ++mScriptIndex;
                continue;
            }
            case ScriptOp::Expect: {
                const std::string actual = stateValue(c.text);
                if (actual != c.value) {
                    core::logError("script", where + "expected " + c.text + " = " + c.value +
                                                     ", got " + actual);
                    ++mScriptFailures;
                } else {
                    core::logInfo("script", where + c.text + " = " + actual);
                }
                ++mScriptIndex;
                continue;
            }
        }
    }
    if (!mScriptDone) {
        mScriptDone = true; // one more frame so the last input is drawn, then stop
        return;
    }
    mRunning = false;
}

std::string App::stateValue(const std::string& name) const {
    const SceneRuntime& s = *mScene;
    if (name == "idle") {
        return mIdle ? idleCode(mIdle->state()) : "active";
    }
    if (name == "scene") {
        return s.description.id;
    }
    if (name == "language") {
        return mOverlay.language == content::Language::En ? "en" : "zh";
    }
    if (name == "depth") {
        return mOverlay.depth == content::Depth::Student ? "student" : "visitor";
    }
    if (name == "card") {
        if (mComparisonOpen) {
            return "comparison";
        }
        if (mDashboardOpen && s.firing) {
            return "dashboard";
        }
        if (mOpenDeterminant) {
            return "determinant:" + *mOpenDeterminant;
        }
        if (s.openHotspot) {
            return "hotspot:" + *s.openHotspot;
        }
        if (mQuizOpen) {
            return "quiz";
        }
        if (mPathwaysOpen) {
            return "pathways";
        }
        return "none";
    }
    if (name == "diamond") {
        return mDiamondOpen ? "open" : "closed";
    }
    if (name == "admin") {
        return mAdmin ? adminCode(mAdmin->state()) : "none";
    }
    if (name == "blank") {
        return mBlank ? "on" : "off";
    }
    if (name == "running") {
        return mRunning ? "yes" : "no";
    }
    if (name == "tour.stop") {
        return s.touring ? std::to_string(s.tour.currentIndex()) : "none";
    }
    if (name == "touring") {
        return s.touring ? "yes" : "no";
    }
    if (name == "firing.playing") {
        return s.firing ? (s.firing->playing() ? "yes" : "no") : "none";
    }
    if (name == "explored") {
        return std::to_string(mExplored.size());
    }
    if (name == "events") {
        return std::to_string(mEventsRecorded + mRecorder.events().size());
    }
    if (name == "sessions") {
        return std::to_string(mSessionsStarted);
    }
    if (name.rfind("camera.", 0) == 0) {
        const scene::OrbitCamera cam = s.drawnCamera();
        char text[96];
        if (name == "camera.yaw") {
            std::snprintf(text, sizeof text, "%.1f", static_cast<double>(cam.yawDeg));
        } else if (name == "camera.pitch") {
            std::snprintf(text, sizeof text, "%.1f", static_cast<double>(cam.pitchDeg));
        } else if (name == "camera.distance") {
            std::snprintf(text, sizeof text, "%.2f", static_cast<double>(cam.distanceM));
        } else {
            std::snprintf(text, sizeof text, "%.2f,%.2f,%.2f", static_cast<double>(cam.target.x),
                          static_cast<double>(cam.target.y), static_cast<double>(cam.target.z));
        }
        return text;
    }
    if (name == "analytics") {
        return !mAnalytics ? "off" : mAnalyticsPaused ? "paused" : "recording";
    }
    if (name == "start.language") {
        return mInstallation && mInstallation->language == content::Language::En ? "en" : "zh";
    }
    if (name == "content.reloads") {
        return std::to_string(mContentReloads);
    }
    if (name == "scene.reloads") {
        return std::to_string(mSceneReloads);
    }
    if (name == "card.title.en") {
        return mCard.titleEn;
    }
    if (name == "card.title.zh") {
        return mCard.titleZh;
    }
    if (name == "quiz.score") {
        const auto it = mQuizzes.find(s.description.id);
        return it == mQuizzes.end() ? "0" : std::to_string(it->second.score());
    }
    if (name == "dashboard") {
        return mDashboardOpen ? "open" : "closed";
    }
    return "?";
}

// [SECTION] Installation: idle tiers, attract loop, admin gesture, analytics
void App::startVisitorSession() {
    const double t = now();
    mRecorder.startSession(t, mOverlay.language, mOverlay.depth);
    mRecorder.sceneEntered(mScene->description.id, t);
    ++mSessionsStarted;
    mScene->stopTour(); // the visitor takes over the scene the attract loop was showing
    if (mScene->firing) {
        mScene->firing->setSpeed(600.0); // back to the visitor's pace: a kiln hour in 6 s
    }
}

void App::updateInstallation() {
    const double t = now();
    if (mAdmin) {
        mAdmin->setViewport(mViewport.widthPx, mViewport.heightPx, mUiScale);
        if (mAdmin->update(t) == AdminEvent::PinEntryRequested) {
            mAdminMessage.clear();
            core::logInfo("app", "admin PIN keypad opened");
        }
    }
    if (mIdle) {
        const bool firingWatched = mDashboardOpen && mScene->firing && mScene->firing->playing();
        mIdle->update(t, firingWatched);
        if (mIdle->resetRequested()) {
            mRecorder.idleReset(t);
            flushAnalytics(true);
            resetVisitor();
            mAttractStartSeconds = t;
        }
        if (mIdle->state() == IdleState::Attract && mPolicy.attractLoop) {
            // The attract loop: each of the installation's scenes in turn, its tour playing and
            // its firing running fast, until someone touches the screen.
            const std::size_t index =
                    attractSceneIndex(t - mAttractStartSeconds, mInstallation->scenes.size(),
                                      mInstallation->timeouts.attractSceneSeconds);
            if (mInstallation->scenes[index] != mSceneId) {
                openSceneById(mInstallation->scenes[index]);
            }
            if (!mScene->touring) {
                mScene->startTour(false);
            }
            if (mScene->firing) {
                mScene->firing->setSpeed(kAttractFiringSpeed);
                mScene->firing->setPlaying(true);
                if (mScene->firing->run().finished()) {
                    mScene->firing->seekHours(0.0); // round again
                }
            }
        }
    }
    if (t - mLastFlushSeconds >= kAnalyticsFlushSeconds) {
        flushAnalytics(false);
    }
}

// Content and scene files a curator edits come in when saved whole and valid (real time: the
// watch polls every two seconds).
void App::reloadEditedFiles() {
    const double wall = now(); // the virtual clock in scripts, so their waits drive the polls
    if (mContent && mContent->update(wall)) {
        mLibrary = mContent->current();
        buildCard();
        // New characters need glyphs: rebuild the atlas and its texture between frames.
        if (mImgui.gl) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui::GetIO().Fonts->Clear();
            mFonts = {};
            buildFonts();
            ImGui_ImplOpenGL3_CreateFontsTexture();
            ui::applyTheme({mOverlay.highContrast, mUiScale, mOverlay.textSizeLevel, mAtlasScale});
        }
        ++mContentReloads;
        core::logInfo("app", "content reloaded");
    }
    if (mSceneFile && mSceneFile->update(wall)) {
        ++mSceneReloads;
        core::logInfo("app", "scene file changed: reopening '" + mSceneId + "'");
        openSceneById(mSceneId);
    }
}

// Hands the recorded events over in one batch (the store writes one transaction per batch).
void App::flushAnalytics(bool force) {
    mLastFlushSeconds = now();
    auto events = mRecorder.takeEvents();
    if (events.empty()) {
        return;
    }
    mEventsRecorded += events.size();
    if (mAnalytics && !mAnalyticsPaused) {
        mAnalytics->submit(std::move(events)); // stored on the writer's thread
        if (force) {
            mAnalytics->flush();
        }
    }
}

void App::exportFiringCsv() {
    if (!mScene->firing) {
        core::logWarning("app", "no firing in this scene to export");
        return;
    }
    const std::filesystem::path folder = mOptions.exportDir;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    char name[96];
    std::snprintf(name, sizeof name, "firing-%s-%.1fh.csv", mScene->description.id.c_str(),
                  mScene->firing->run().timeHours());
    std::string csv = "time_h,front_C,middle_C,rear_C,firebox_C,atmosphere,wood_burnt_kg\n";
    for (const ui::FiringSample& p : mScene->history.points()) {
        char line[192];
        std::snprintf(line, sizeof line, "%.3f,%.1f,%.1f,%.1f,%.1f,%s,%.1f\n", p.timeHours,
                      p.frontC, p.middleC, p.rearC, p.fireboxC,
                      p.atmosphere == sim::Atmosphere::Reducing  ? "reducing"
                      : p.atmosphere == sim::Atmosphere::Neutral ? "neutral"
                                                                 : "oxidizing",
                      p.fuelBurntKg);
        csv.append(line);
    }
    const auto path = folder / name;
    if (auto written = core::writeFileAtomic(path, csv); !written) {
        core::logError("app", "cannot export the firing: " + written.error().message);
    } else {
        core::logInfo("app", "firing data exported to " + path.string());
    }
}

void App::exportStill(const render::FrameParams& frame) {
    const std::filesystem::path folder = mOptions.exportDir;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    char name[96];
    std::snprintf(name, sizeof name, "still-%s-%04d.png", mScene->description.id.c_str(),
                  static_cast<int>(std::fmod(now(), 10000.0)));
    const auto path = folder / name;
    // A print-quality still at 1920x1080 whatever the window's size.
    if (auto written = writeStill(*mRenderer, frame, 1920, 1080, path.string()); !written) {
        core::logError("app", "cannot export the still: " + written.error().message);
    } else {
        core::logInfo("app", "still exported to " + path.string());
    }
}

// [SECTION] Drawing: the scene, its overlays, the installation's overlays
namespace {
void collectTargets(std::vector<ui::TouchTarget>& into, const char* panel,
                    const std::vector<ui::TouchTarget>& targets) {
    for (const ui::TouchTarget& t : targets) {
        std::string id(panel);
        id.append("/").append(t.id);
        into.push_back({std::move(id), t.min, t.max});
    }
}
} // namespace

void App::drawOverlays() {
    if (mBlank) {
        drawBlankScreen();
        return;
    }
    const bool attract = mIdle && mIdle->state() == IdleState::Attract;
    if (mOptions.showUi && !attract) {
        drawSceneOverlays();
    }
    drawInstallationOverlays();
}

void App::drawInstallationOverlays() {
    const double t = now();
    if (mIdle && mIdle->state() == IdleState::Attract) {
        drawAttractInvitation(bilingual("attract.invitation"), bilingual("app.title"), mUiScale, t);
    } else if (mIdle && mIdle->state() == IdleState::StillThere) {
        Bilingual countdown = bilingual("idle.countdown");
        const std::string seconds = std::to_string(mIdle->countdownDisplaySeconds());
        for (std::string* text : {&countdown.zh, &countdown.en}) {
            if (const auto at = text->find("{seconds}"); at != std::string::npos) {
                text->replace(at, 9, seconds);
            }
        }
        std::vector<ui::TouchTarget> targets;
        if (drawStillThere(bilingual("idle.still_there"), countdown, bilingual("idle.continue"),
                           mUiScale, &targets)) {
            (void)mIdle->onInput(t);
        }
        collectTargets(mTargets, "idle", targets);
    }
    if (mAdmin) {
        const content::Language lang = mOverlay.language;
        const AdminState state = mAdmin->state();
        if (state == AdminState::PinEntry || state == AdminState::LockedOut) {
            KeypadView view;
            view.title = uiText("admin.pin_title", lang);
            view.digitsEntered = mAdmin->enteredDigitCount();
            view.lockedOut = state == AdminState::LockedOut;
            view.message = mAdminMessage;
            if (view.lockedOut) {
                std::string text = uiText("admin.locked_out", lang);
                const std::string secs =
                        std::to_string(static_cast<int>(std::ceil(mAdmin->lockoutSecondsLeft(t))));
                if (const auto at = text.find("{seconds}"); at != std::string::npos) {
                    text.replace(at, 9, secs);
                }
                view.message = text;
            }
            view.eraseLabel = uiText("admin.erase", lang);
            view.okLabel = uiText("admin.ok", lang);
            view.cancelLabel = uiText("admin.cancel", lang);
            view.uiScale = mUiScale;
            const KeypadCommand cmd = drawPinKeypad(view);
            collectTargets(mTargets, "keypad", cmd.targets);
            if (cmd.digit) {
                mAdmin->enterDigit(*cmd.digit, t);
            }
            if (cmd.erase) {
                mAdmin->eraseDigit(t);
            }
            if (cmd.submit) {
                switch (mAdmin->submit(t)) {
                    case PinResult::Unlocked:
                        mAdminMessage.clear();
                        core::logInfo("app", "admin menu unlocked");
                        break;
                    case PinResult::Wrong:
                        mAdminMessage = uiText("admin.wrong_pin", lang);
                        core::logWarning("app", "wrong admin PIN entered");
                        break;
                    case PinResult::LockedOut:
                    case PinResult::Ignored:
                        break;
                }
            }
            if (cmd.cancel) {
                mAdmin->cancelPinEntry();
            }
        } else if (state == AdminState::Unlocked) {
            AdminMenuView view;
            view.title = uiText("admin.menu_title", lang);
            view.exitLabel = uiText("admin.exit", lang);
            view.resetLabel = uiText("admin.reset", lang);
            view.closeLabel = uiText("admin.close", lang);
            view.status = mInstallation->name;
            if (mInstallation->analytics.enabled) {
                view.analyticsAvailable = mAnalytics != nullptr;
                if (!mAnalytics) {
                    view.analyticsLine = uiText("admin.analytics_unavailable", lang);
                } else if (const auto error = mAnalytics->lastError()) {
                    view.analyticsLine = uiText("admin.analytics_unavailable", lang);
                    view.analyticsLine.append(": ").append(error->message);
                } else {
                    view.analyticsLine = uiText(mAnalyticsPaused ? "admin.analytics_paused"
                                                                 : "admin.analytics_recording",
                                                lang);
                }
                view.analyticsLabel = uiText(mAnalyticsPaused ? "admin.analytics_resume"
                                                              : "admin.analytics_pause",
                                             lang);
            }
            view.languageLabel =
                    uiText(mInstallation->language == content::Language::Zh ? "admin.start_in_en"
                                                                            : "admin.start_in_zh",
                           lang);
            view.uiScale = mUiScale;
            const AdminMenuCommand cmd = drawAdminMenu(view);
            if (cmd.toggleAnalytics) {
                // Staff trying the kiosk out need not count as visitors.
                mAnalyticsPaused = !mAnalyticsPaused;
                core::logInfo("app", mAnalyticsPaused ? "analytics paused by staff"
                                                      : "analytics resumed by staff");
            }
            if (cmd.toggleStartLanguage) {
                mInstallation->language = mInstallation->language == content::Language::Zh
                                                  ? content::Language::En
                                                  : content::Language::Zh;
                core::logInfo("app", "start language for the next visitors changed by staff");
            }
            collectTargets(mTargets, "admin", cmd.targets);
            if (cmd.exit) {
                requestQuit(QuitSource::AdminExit);
            }
            if (cmd.reset) {
                mAdmin->lock();
                mRecorder.endSession(t, SessionEndReason::AdminReset);
                flushAnalytics(true);
                resetVisitor();
                if (mIdle) {
                    mIdle->enterAttract(t);
                    mAttractStartSeconds = t;
                }
            }
            if (cmd.close) {
                mAdmin->lock();
            }
        }
    }
    // The classroom's pointer highlight: a ring that fades a few seconds after the pointer rests.
    if (mInstallation && mInstallation->mode == InstallationMode::Classroom && mPointer.valid()) {
        const double rest = t - mPointer.lastMoveSeconds();
        if (rest < 3.0) {
            drawPointerHighlight(mPointer.position().x, mPointer.position().y, mUiScale,
                                 static_cast<float>(1.0 - rest / 3.0));
        }
    }
}

void App::drawSceneOverlays() {
    SceneRuntime& s = *mScene;
    ImGuiIO& io = ImGui::GetIO();
    const double t = now();
    mCard.uiScale = mUiScale;
    if (s.touring) {
        if (const scene::Viewpoint* vp = s.tour.currentViewpoint()) {
            for (const scene::SceneViewpoint& svp : s.description.viewpoints) {
                if (svp.id == vp->id) {
                    mCard.noteZh = svp.caption.zh;
                    mCard.noteEn = svp.caption.en;
                }
            }
        }
    }
    const ui::OverlayLayout layout = ui::computeOverlayLayout(io.DisplaySize, mUiScale);
    const bool dash = mDashboardOpen && s.firing != nullptr;
    // Hotspot markers first, under every panel; hidden behind geometry and under the dashboard.
    ui::HotspotMarkersView markers;
    markers.uiScale = mUiScale;
    const scene::CameraPose markerPose = s.drawnPose();
    // Until the picking index is ready (a large scan's first seconds) markers wait: without it
    // they could not hide behind walls. Headless runs wait for it, so pictures are the same.
    const scene::PickingIndex* picker = s.picking(mVirtualClock);
    if (!dash && picker != nullptr) {
        for (const scene::HotspotAnchor& anchor : s.description.hotspots) {
            const auto px = scene::worldToScreen(markerPose, mViewport, anchor.positionM);
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
            const auto hit = picker->pick(ray, distance);
            m.occluded = hit && hit->distanceM < distance - 0.3f;
            m.visited = s.visitedHotspots.count(anchor.id) > 0;
            m.selected = s.openHotspot && *s.openHotspot == anchor.id;
            markers.markers.push_back(m);
        }
    }
    const auto markerCmd = ui::drawHotspotMarkers(markers);
    collectTargets(mTargets, "markers", markerCmd.targets);
    if (markerCmd.tappedId) {
        s.openHotspot = *markerCmd.tappedId;
        s.visitedHotspots.insert(*markerCmd.tappedId);
        mOpenDeterminant.reset();
    }
    if (!mDiamondOpen && !dash && !mComparisonOpen) {
        ui::drawSceneCard(mCard); // the diamond takes the same side; the comparison all of it
    }
    float panelTop = 0.0f;
    // The cards open on the right, where the status panels are: one at a time.
    const bool cardOpen = mOpenDeterminant || s.openHotspot || mPathwaysOpen || dash || mQuizOpen ||
                          mComparisonOpen;
    drawFiringPanel(panelTop, cardOpen);
    if (s.view.evidenceOn && !cardOpen) {
        drawEvidencePanels(panelTop);
    }
    if (mDiamondOpen && !dash && !mComparisonOpen) {
        const auto d = ui::drawDiamond(
                ui::buildDiamondView(*mLibrary, s.description.id, mExplored, mOverlay.language,
                                     mOpenDeterminant.value_or(""), mUiScale),
                layout.diamond);
        collectTargets(mTargets, "diamond", d.targets);
        if (d.tappedId) {
            mOpenDeterminant = *d.tappedId;
            mExplored.insert(*d.tappedId);
            s.openHotspot.reset();
            mRecorder.determinantOpened(*d.tappedId, t);
        }
        if (d.close) {
            mDiamondOpen = false;
            mOpenDeterminant.reset();
        }
    }
    if (mComparisonOpen) {
        // Full width above the bar: the other cards wait underneath.
        if (mComparisonRuns.empty()) {
            mComparisonRuns = ui::runComparisonFirings(mLibrary->comparison);
        }
        const auto c = ui::drawComparisonView(
                ui::buildComparisonView(*mLibrary, mComparisonRuns, mOverlay.language,
                                        mOverlay.depth, mComparisonKiln, mComparisonStep, mUiScale),
                layout.comparison);
        collectTargets(mTargets, "comparison", c.targets);
        if (c.selectKiln) {
            mComparisonKiln = *c.selectKiln;
            mComparisonStep.reset();
        }
        if (c.selectStep) {
            mComparisonStep = *c.selectStep;
            mComparisonKiln.clear();
        }
        if (c.close) {
            mComparisonOpen = false;
        }
    } else if (dash) {
        drawDashboard();
    } else if (mQuizOpen && !mOpenDeterminant) {
        if (const content::SceneContent* sc = mLibrary->findScene(s.description.id)) {
            ui::QuizSession& quiz = mQuizzes.try_emplace(s.description.id, *sc).first->second;
            const auto q = ui::drawQuizPanel(ui::buildQuizPanel(*mLibrary, quiz, mOverlay.language,
                                                                mOverlay.depth, mUiScale),
                                             layout.quiz);
            collectTargets(mTargets, "quiz", q.targets);
            if (q.answered) {
                mRecorder.quizAnswered(q.answered->questionId, q.answered->correct, t);
            }
            ui::applyQuizCommand(quiz, q);
            if (q.openDeterminant) {
                mOpenDeterminant = *q.openDeterminant;
                mExplored.insert(*q.openDeterminant);
                mRecorder.determinantOpened(*q.openDeterminant, t);
            }
            if (q.close) {
                mQuizOpen = false;
            }
        } else {
            mQuizOpen = false;
        }
    } else if (mOpenDeterminant) {
        const auto cardView = ui::buildMechanismCard(*mLibrary, *mOpenDeterminant, s.description.id,
                                                     mOverlay.language, mOverlay.depth, mUiScale);
        const auto cmd = ui::drawMechanismCard(cardView, layout.card);
        collectTargets(mTargets, "card", cmd.targets);
        if (cmd.close) {
            mOpenDeterminant.reset();
        }
    } else if (s.openHotspot) {
        const auto cardView = ui::buildHotspotCard(*mLibrary, *s.openHotspot, mOverlay.language,
                                                   mOverlay.depth, mUiScale);
        const auto cmd = ui::drawHotspotCard(cardView, layout.card);
        collectTargets(mTargets, "card", cmd.targets);
        if (cmd.close) {
            s.openHotspot.reset();
        }
    } else if (mPathwaysOpen) {
        const auto panelView = ui::buildPathwayPanel(*mLibrary, s.description.id, mOverlay.language,
                                                     mOverlay.depth, mUiScale);
        const auto cmd = ui::drawPathwayPanel(panelView, layout.pathways);
        collectTargets(mTargets, "card", cmd.targets);
        if (cmd.close) {
            mPathwaysOpen = false;
        }
    }
    ui::LanguageBarView barView =
            ui::buildLanguageBarView(*mLibrary, mOverlay, mDiamondOpen, mPathwaysOpen, mUiScale);
    const content::SceneContent* sceneContent = mLibrary->findScene(s.description.id);
    barView.showQuiz = sceneContent != nullptr && !sceneContent->quiz.empty();
    barView.quizOpen = mQuizOpen;
    barView.showComparison = mLibrary->comparison.loaded;
    barView.comparisonOpen = mComparisonOpen;
    const auto bar = ui::drawLanguageBar(barView, layout.bar);
    collectTargets(mTargets, "bar", bar.targets);
    if (bar.toggleDiamond) {
        mDiamondOpen = !mDiamondOpen;
    }
    if (bar.toggleQuiz) {
        mQuizOpen = !mQuizOpen;
        if (mQuizOpen) {
            mPathwaysOpen = false; // they share the right side
            mOpenDeterminant.reset();
            s.openHotspot.reset();
        }
    }
    if (bar.toggleComparison) {
        mComparisonOpen = !mComparisonOpen;
    }
    if (bar.togglePathways) {
        mPathwaysOpen = !mPathwaysOpen;
        if (mPathwaysOpen) {
            mQuizOpen = false;
        }
        if (mPathwaysOpen) {
            if (const content::SceneContent* sc = mLibrary->findScene(s.description.id)) {
                for (const content::SceneLink& link : sc->pathways) {
                    mRecorder.pathwayOpened(link.id, t);
                }
            }
        }
    }
    mPendingOverlay = ui::applyOverlayCommand(mOverlay, bar);
    if (s.measuring) {
        ui::MeasurementView mv;
        const scene::CameraPose pose = s.orbit->pose();
        if (auto a = s.measurement.pointA()) {
            mv.pointAPx = scene::worldToScreen(pose, mViewport, *a);
        }
        if (auto b = s.measurement.pointB()) {
            mv.pointBPx = scene::worldToScreen(pose, mViewport, *b);
        }
        mv.label = s.measurement.label();
        mv.uiScale = mUiScale;
        ui::drawMeasurement(mv);
    }
}

void App::drawFiringPanel(float& panelTop, bool cardOpen) {
    SceneRuntime& s = *mScene;
    if (!s.firing || cardOpen) {
        return;
    }
    using content::Language;
    ImGuiIO& io = ImGui::GetIO();
    ui::StatusPanelView panel;
    panel.id = "firing";
    panel.titleZh = uiText("firing.title", Language::Zh);
    panel.titleEn = uiText("firing.title", Language::En);
    char hours[32];
    std::snprintf(hours, sizeof hours, "%.1f h", s.firing->run().timeHours());
    panel.rows.push_back({uiText("firing.hours", Language::Zh),
                          uiText("firing.hours", Language::En),
                          hours,
                          {}});
    const char* zoneKeys[] = {"firing.front", "firing.middle", "firing.rear"};
    // The swatches show each part as seen by an eye adapted to the fire (exposure.h): the same
    // hue at every temperature would hide the gradient, which is in the brightness.
    const float fireExposure = exposureForGlow(1.0f, s.firing->hottestGlowLuminance());
    for (int z = 0; z < 3; ++z) {
        const double c = s.firing->settingTemperatureC(z / 3.0, (z + 1) / 3.0);
        panel.rows.push_back(
                {uiText(zoneKeys[z], Language::Zh), uiText(zoneKeys[z], Language::En), formatC(c),
                 c > 500.0 ? std::optional(displayedGlow(s.firing->glowRadiance(c), fireExposure))
                           : std::optional<glm::vec3>()});
    }
    const auto& gas = s.firing->run().state().zones.at(1).gas[0];
    const char* atmosphere = gas.atmosphere == sim::Atmosphere::Reducing  ? "atmosphere.reducing"
                             : gas.atmosphere == sim::Atmosphere::Neutral ? "atmosphere.neutral"
                                                                          : "atmosphere.oxidizing";
    panel.rows.push_back({uiText("firing.atmosphere", Language::Zh),
                          uiText("firing.atmosphere", Language::En),
                          uiText(atmosphere, Language::Zh) + " " + uiText(atmosphere, Language::En),
                          {}});
    char wood[32];
    std::snprintf(wood, sizeof wood, "%.1f t", s.firing->run().state().fuelBurntKg / 1000.0);
    panel.rows.push_back(
            {uiText("firing.wood", Language::Zh), uiText("firing.wood", Language::En), wood, {}});
    panel.uiScale = mUiScale;
    panelTop += drawStatusPanel(panel) + 8.0f * mUiScale;
    // A touch button under the panel opens the firing dashboard.
    const float margin = 24.0f * mUiScale;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, margin + panelTop), ImGuiCond_Always,
                            ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.72f);
    if (ImGui::Begin("##dashboard_button", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoFocusOnAppearing)) {
        std::vector<ui::TouchTarget> targets;
        if (ui::touchButton(uiText("dashboard.title", mOverlay.language), "dashboard.open",
                            mUiScale, &targets)) {
            mDashboardOpen = true;
        }
        collectTargets(mTargets, "firing", targets);
        panelTop += ImGui::GetWindowHeight() + 8.0f * mUiScale;
    }
    ImGui::End();
}

void App::drawEvidencePanels(float& panelTop) {
    using content::Language;
    SceneRuntime& s = *mScene;
    ui::StatusPanelView legend;
    legend.id = "evidence";
    legend.titleZh = uiText("view.evidence", Language::Zh);
    legend.titleEn = uiText("view.evidence", Language::En);
    for (const EvidenceClass& c : kEvidenceClasses) {
        legend.rows.push_back(
                {uiText(c.uiKey, Language::Zh), uiText(c.uiKey, Language::En), "", c.color});
    }
    legend.rows.push_back(
            {uiText("evidence.hint", Language::Zh), uiText("evidence.hint", Language::En), "", {}});
    legend.uiScale = mUiScale;
    legend.topOffsetPx = panelTop;
    panelTop += drawStatusPanel(legend) + 8.0f * mUiScale;
    if (!s.inspectedPart || *s.inspectedPart < 0 ||
        *s.inspectedPart >= static_cast<int>(s.model.instances.size())) {
        return;
    }
    const auto& instance = s.model.instances[static_cast<std::size_t>(*s.inspectedPart)];
    const assets::Paradata& pd = instance.paradata;
    ui::StatusPanelView part;
    part.id = "evidence_part";
    part.titleZh = uiText("evidence.part", Language::Zh);
    part.titleEn = uiText("evidence.part", Language::En);
    part.rows.push_back({uiText("evidence.part", Language::Zh),
                         uiText("evidence.part", Language::En),
                         pd.part.empty() ? instance.nodeName : pd.part,
                         {}});
    std::string evidence = pd.evidence;
    std::optional<glm::vec3> swatch;
    for (const EvidenceClass& c : kEvidenceClasses) {
        if (pd.evidence == c.evidence) {
            evidence = uiText(c.uiKey, Language::Zh) + " " + uiText(c.uiKey, Language::En);
            swatch = c.color;
        }
    }
    part.rows.push_back({uiText("evidence.class", Language::Zh),
                         uiText("evidence.class", Language::En), evidence, swatch});
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
    part.uiScale = mUiScale;
    part.topOffsetPx = panelTop;
    drawStatusPanel(part);
}

void App::drawDashboard() {
    SceneRuntime& s = *mScene;
    FiringSession& firing = *s.firing;
    const sim::KilnModel& model = firing.model();
    const sim::KilnState& state = firing.run().state();
    ui::FiringDashboardView dv;
    dv.labels = ui::buildDashboardLabels(*mLibrary, mOverlay.language);
    dv.history = &s.history;
    dv.currentHours = firing.run().timeHours();
    dv.endHours = firing.run().schedule().endHours;
    dv.playing = firing.playing();
    dv.speed = firing.speed();
    const float fireExposure = exposureForGlow(1.0f, firing.hottestGlowLuminance());
    dv.rows = ui::heatMapFromState(model, state, [&firing, fireExposure](double c) {
        // Below visible heat the section would be black: show the cold part on a dim
        // blue-to-brown scale, then the glow's own colour above it.
        if (c < 600.0) {
            const float f = static_cast<float>(std::clamp(c / 600.0, 0.0, 1.0));
            const glm::vec3 cold =
                    glm::mix(glm::vec3(0.16f, 0.20f, 0.30f), glm::vec3(0.40f, 0.24f, 0.16f), f);
            return ui::Rgb{cold.r, cold.g, cold.b};
        }
        // The glow as an eye adapted to the fire sees it (exposure.h), never darker than the
        // top of the cold scale.
        const glm::vec3 d = displayedGlow(firing.glowRadiance(c), fireExposure);
        return ui::Rgb{std::max(d.r, 0.40f), std::max(d.g, 0.24f), std::max(d.b, 0.16f)};
    });
    dv.atmosphere = s.history.size() == 0 ? sim::Atmosphere::Oxidizing
                                          : s.history.points().back().atmosphere;
    const int coneRow = model.rowCount() / 2; // the cone pack at a middle spy hole
    const sim::WareSpec spec = model.plan().empty()
                                       ? sim::WareSpec{}
                                       : model.plan()[static_cast<std::size_t>(coneRow) * 2];
    dv.cones = ui::conePackAt(model, state, coneRow, sim::kUpper,
                              {spec.minimumCone, spec.matureCone, spec.maximumCone});
    dv.mouthOpen = s.mouthOpen;
    dv.damperOpen = s.damperOpen;
    if (s.testPiece) {
        dv.testPiece = ui::readoutOf(*s.testPiece);
    }
    if (firing.run().finished()) {
        dv.results = ui::resultsFromState(model, state);
    }
    dv.uiScale = mUiScale;
    const auto cmd = ui::drawFiringDashboard(
            dv, ui::computeDashboardRect(ImGui::GetIO().DisplaySize, mUiScale));
    collectTargets(mTargets, "dashboard", cmd.targets);
    if (cmd.togglePlay) {
        firing.setPlaying(!firing.playing());
    }
    if (cmd.speed) {
        firing.setSpeed(*cmd.speed);
    }
    if (cmd.scrubToHours) {
        firing.setPlaying(false);
        firing.seekHours(*cmd.scrubToHours);
    }
    if (cmd.stokeKg) {
        firing.command(sim::CommandKind::Stoke, *cmd.stokeKg);
    }
    if (cmd.mouthOpen) {
        firing.command(sim::CommandKind::Mouth, *cmd.mouthOpen ? 1.0 : 0.0);
        s.mouthOpen = *cmd.mouthOpen;
    }
    if (cmd.damperOpen) {
        firing.command(sim::CommandKind::Damper, *cmd.damperOpen ? 1.0 : 0.0);
        s.damperOpen = *cmd.damperOpen;
    }
    if (cmd.pull) {
        s.testPiece = model.pullTestPiece(state, cmd.pull->row, cmd.pull->position);
    }
    if (cmd.close) {
        mDashboardOpen = false;
    }
}

// [SECTION] Frame loop
int App::run() {
    if (!mOptions.scriptPath.empty()) {
        auto script = loadInputScript(mOptions.scriptPath);
        if (!script) {
            core::logError("app", script.error().message);
            return 2;
        }
        mScript = std::move(script.value());
    }
    // Scripts and headless pictures run on a virtual clock: the same frames every run.
    mVirtualClock = mScript.has_value() || (mOptions.offscreen && mOptions.frames > 0);
    if (!startUp()) {
        return 1;
    }
    core::FixedStepClock clock(kStepSeconds, mScript ? 1 << 20 : 8);
    double lastSeconds = now();
    struct {
        double cpuSeconds = 0.0;
        double totalSeconds = 0.0;
        double frameStart = 0.0;
        int frames = 0;
    } timing;
    timing.frameStart = platform::Window::nowSeconds();
    mLastSampleWallSeconds = timing.frameStart;
    for (int frameIndex = 0; mRunning; ++frameIndex) {
        mFrameIndex = frameIndex;
        ++mFramesSinceSample;
        if (mVirtualClock) {
            mVirtualSeconds += kStepSeconds;
        }
        if (mScript) {
            scriptStep();
        }
        mViewport = {static_cast<float>(mWindow->drawableWidth()),
                     static_cast<float>(mWindow->drawableHeight())};
        SDL_Event event;
        while (mWindow->pollEvent(event)) {
            handleEvent(event);
        }
        updateInstallation();
        reloadEditedFiles();
        const double t = now();
        // A long scripted wait is simulated in full for the firing, but the cameras only need
        // the last few seconds of it: they settle in that time anyway.
        const int steps = clock.advance(t - lastSeconds);
        lastSeconds = t;
        SceneRuntime& s = *mScene;
        for (int i = 0; i < steps; ++i) {
            s.step(kStepSeconds);
        }
        s.applyFiringGlow();
        if (s.measuring || s.view.evidenceOn) {
            const scene::PickingIndex* picker = s.picking(true); // a tap waits for its answer
            if (auto tap = s.orbit->pollConfirmedTap(t)) {
                if (auto hit = picker->pick(scene::screenRay(s.orbit->pose(), mViewport, *tap))) {
                    if (s.measuring) {
                        s.measurement.addPoint(hit->pointM);
                    } else {
                        s.inspectedPart = hit->instanceIndex;
                    }
                }
            }
        }

        const int w = mWindow->drawableWidth();
        const int h = mWindow->drawableHeight();
        render::FrameParams frame = frameFor(s.description, s.drawnCamera());
        frame.exposure = s.exposureNow();
        if (s.walking) {
            const scene::CameraPose pose = s.walk->pose();
            frame.camera.view = pose.view();
            frame.camera.positionM = pose.positionM;
            frame.camera.fovYDeg = pose.fovYDeg;
            frame.camera.nearM = 0.05f;
        }
        if (s.firing && s.hasFirebox) {
            frame.pointLights.push_back(s.firing->fireboxLight(s.fireboxPositionM));
        }
        const double renderStart = platform::Window::nowSeconds();
        mRenderer->render(frame, nullptr, w, h);
        const double renderCpu = platform::Window::nowSeconds() - renderStart;
        if (mExportStillRequested) {
            mExportStillRequested = false;
            exportStill(frame);
        }
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, w, h);
        if (mImgui.sdl && mImgui.gl) {
            // ImGui sizes auto-resizing windows (and their tables) over the first two frames;
            // warm-up passes on frame 0 make even a one-frame screenshot complete.
            for (int pass = frameIndex == 0 ? 0 : 2; pass < 3; ++pass) {
                ImGui_ImplOpenGL3_NewFrame();
                ImGui_ImplSDL2_NewFrame();
                mPointer.applyTo(ImGui::GetIO());
                ImGui::NewFrame();
                mTargets.clear();
                drawOverlays();
                if (pass < 2) {
                    ImGui::EndFrame();
                }
            }
            ImGui::Render();
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            mLastTargets = mTargets;
            if (mPendingOverlay.textSizeLevel != mOverlay.textSizeLevel ||
                mPendingOverlay.highContrast != mOverlay.highContrast) {
                ui::applyTheme({mPendingOverlay.highContrast, mUiScale,
                                mPendingOverlay.textSizeLevel, mAtlasScale});
            }
            if (mPendingOverlay.language != mOverlay.language) {
                mRecorder.languageChosen(mPendingOverlay.language, t);
            }
            if (mPendingOverlay.depth != mOverlay.depth) {
                mRecorder.depthChosen(mPendingOverlay.depth, t);
            }
            mOverlay = mPendingOverlay;
        }
        const bool last = mOptions.frames > 0 && frameIndex + 1 >= mOptions.frames;
        std::string screenshot = last ? mOptions.screenshotPath : std::string();
        if (!mPendingScreenshot.empty()) {
            screenshot = mPendingScreenshot;
            mPendingScreenshot.clear();
        }
        if (!screenshot.empty()) {
            core::Status written;
            if (mOptions.screenshotWidth > 0) {
                written = writeStill(*mRenderer, frame, mOptions.screenshotWidth,
                                     mOptions.screenshotHeight, screenshot);
            } else {
                glReadBuffer(GL_BACK);
                written = assets::writePng(screenshot, gpu::readCurrentFramebuffer(w, h));
            }
            if (!written) {
                core::logError("app", written.error().message);
                mExitCode = 1;
            } else {
                core::logInfo("app", "screenshot written to " + screenshot);
            }
        }
        gpu::checkGlErrors("end of frame");
        mWindow->swapBuffers();
        // After the swap, so a hung driver stops the heartbeat and systemd restarts us.
        mService.heartbeat(platform::Window::nowSeconds());
        if (frameIndex == 0) {
            mService.ready();
        }
        if (!mVirtualClock && !last && mScene) {
            // Interactive: the picking index builds on its worker from the first frame on, so it
            // is ready for the first tap even without overlays (which would ask for it anyway).
            mScene->picking(false);
        }
        if (mOptions.reportFrameTimes) {
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
            mImportAhead.reset();
            glFinish();
            const double ms = (platform::Window::nowSeconds() - mStartSeconds) * 1000.0;
            core::logInfo("app", "first frame finished " + std::to_string(static_cast<int>(ms)) +
                                         " ms after start");
            const render::RenderStats& st = mRenderer->stats();
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
            mRunning = false;
        }
    }
    mService.stopping();
    if (mRecorder.inSession()) {
        mRecorder.endSession(now(), SessionEndReason::AppExit);
    }
    flushAnalytics(true);
    if (mOptions.reportFrameTimes && timing.frames > 0) {
        const render::RenderStats& st = mRenderer->stats();
        std::printf("frame times over %d frames at %dx%d (after 2 warm-up frames): "
                    "engine CPU %.2f ms (render submission), total %.1f ms per frame (%.1f fps)\n"
                    "draw calls %d (+%d depth pre-pass, %d shadow), triangles %zu, instances %zu "
                    "drawn / %zu culled, GPU memory %.1f MiB (textures %.1f, buffers %.1f, "
                    "targets %.1f)\n",
                    timing.frames, mWindow->drawableWidth(), mWindow->drawableHeight(),
                    timing.cpuSeconds * 1000.0 / timing.frames,
                    timing.totalSeconds * 1000.0 / timing.frames,
                    timing.frames / timing.totalSeconds, st.drawCalls, st.prepassDrawCalls,
                    st.shadowDrawCalls, st.triangles, st.instancesDrawn, st.instancesCulled,
                    static_cast<double>(st.textureBytes + st.bufferBytes + st.targetBytes) /
                            1048576.0,
                    static_cast<double>(st.textureBytes) / 1048576.0,
                    static_cast<double>(st.bufferBytes) / 1048576.0,
                    static_cast<double>(st.targetBytes) / 1048576.0);
    }
    if (!evaluateSoak()) {
        ++mScriptFailures;
    }
    mScene.reset(); // GPU objects go before the context
    if (mScript && mScriptIndex + 1 < mScript->commands.size()) {
        // Stopped before the script's end (a quit that should have been ignored, say): the
        // remaining checks never ran, which is a failure too.
        core::logError("script", mScript->fileName + ":" +
                                         std::to_string(mScript->commands[mScriptIndex].line) +
                                         ": the program stopped before this line");
        ++mScriptFailures;
    }
    if (mScriptFailures > 0) {
        core::logError("script", std::to_string(mScriptFailures) + " expectation(s) failed");
        return 3;
    }
    return mExitCode;
}

// The soak's verdict (issue #7): after a warm-up of the first fifth of the samples, resident
// memory grows by less than 2% (the median of the last half of the samples against the median of
// the first half, soak_verdict.h) and the live GL object counts stay exactly where they were (each
// sample is taken at the same point of the script's cycle). True when there are no samples.
bool App::evaluateSoak() {
    if (mSamples.size() < 3) {
        return true;
    }
    std::vector<std::size_t> resident;
    for (const SoakSample& sample : mSamples) {
        resident.push_back(sample.residentBytes);
    }
    const SoakMemoryVerdict memory = soakMemoryVerdict(resident, 0.02);
    const std::size_t warm = memory.warmUpSamples;
    const SoakSample& base = mSamples[warm];
    bool ok = true;
    std::size_t peak = base.residentBytes;
    for (std::size_t i = warm; i < mSamples.size(); ++i) {
        peak = std::max(peak, mSamples[i].residentBytes);
        if (!(mSamples[i].gl == base.gl)) {
            core::logError("soak", "GL objects changed from " + std::to_string(base.gl.total()) +
                                           " (sample " + std::to_string(warm) + ") to " +
                                           std::to_string(mSamples[i].gl.total()) + " (sample " +
                                           std::to_string(i) + ")");
            ok = false;
        }
    }
    std::printf("soak: %zu samples over %d frames; after warm-up resident memory %.1f -> %.1f "
                "MiB (medians of the first and last half, %+.2f%%; samples %.1f -> %.1f, peak "
                "%.1f MiB), GL objects %lld -> %lld\n",
                mSamples.size(), mSamples.back().frame, memory.firstMedianBytes / 1048576.0,
                memory.lastMedianBytes / 1048576.0, memory.growth * 100.0,
                static_cast<double>(base.residentBytes) / 1048576.0,
                static_cast<double>(mSamples.back().residentBytes) / 1048576.0,
                static_cast<double>(peak) / 1048576.0, static_cast<long long>(base.gl.total()),
                static_cast<long long>(mSamples.back().gl.total()));
    if (!memory.ok) {
        core::logError("soak", "resident memory grew by 2% or more after the warm-up");
        ok = false;
    }
    return ok;
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
        core::logInfo("app", "installation '" + installation->name + "' (" +
                                     std::string(modeCode(installation->mode)) + ")");
    }
    if (options.checkScenes) {
        return checkScenes();
    }
    if (options.checkContent) {
        return checkContent();
    }
    App app(std::move(options), std::move(installation));
    return app.run();
}

} // namespace kiln::app
