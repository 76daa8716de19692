// Renderer: draws scene models into any framebuffer, at any size independent of the window.
// Physically based (GGX metallic-roughness), a sun with a filtered shadow map, point lights with
// inverse-square falloff, emission, a sky hemisphere; HDR with exposure, bloom and a filmic tone
// curve; MSAA; GPU instancing (one draw per mesh and material, whatever the instance count),
// with levels of detail for meshes of several instances (one draw per mesh, level and material);
// frustum culling, and on software rasterisers occlusion culling behind the depth pre-pass;
// transparent surfaces sorted back to front; a section (cutaway) plane.
// Uploads CPU model data through gpu with a texture cache, and falls back to a built-in error
// shader and a checker texture when files fail. Does NOT know the simulation, windows or input:
// the app passes everything per frame (e.g. emissive radiance per instance for glowing ware).
#pragma once

#include "kiln/assets/model_data.h"
#include "kiln/core/result.h"
#include "kiln/gpu/framebuffer.h"
#include "kiln/scene/camera.h"
#include "kiln/scene/scene_description.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace kiln::render {

struct RendererDesc {
    std::filesystem::path shaderDir; // holds the *.vert.glsl / *.frag.glsl files
    int msaaSamples = 4;             // 0 or 1: none
    int shadowMapSize = 2048;
    // Depth pre-pass of the meshes drawn once (walls, ground: most of the pixels), so that those
    // are shaded once; repeated meshes are drawn nearest first in the lit pass alone.
    bool depthPrepass = true;
    float maxAnisotropy = 8.0f; // texture filtering; 1 turns it off (costly on llvmpipe)
    float renderScale = 1.0f;   // scene resolution relative to the output (0.25..1)
    // Bloom's first level at 1/2 or 1/4 of the scene's resolution; 0: 4 on software rasterisers
    // (llvmpipe), where bloom's pixels are a large share of the frame, else 2.
    int bloomDivisor = 0;
    // Cheaper shading where a software rasteriser pays per pixel (2x2 instead of 3x3 shadow
    // filter taps): 1 on, 0 off, -1 on when the GL is llvmpipe, softpipe or SwiftShader.
    int softwarePaths = -1;
    // Levels of detail for instanced meshes (render/mesh_lod.h): an instance is drawn with the
    // coarsest level whose error, seen from the camera, stays under this many pixels of the
    // scene target. 0 turns them off. Each level is still one draw for all its instances.
    float lodPixelError = 1.0f;
    // Build the levels on a worker thread: addModel returns without them and instances are
    // drawn at full detail until they are ready (a few frames later), so a scene opens sooner.
    // Off, they are built inside addModel, and every frame is the same whenever it is drawn
    // (headless screenshots, tests). KILN_RENDER_LOD_BACKGROUND=0/1 overrides it.
    bool lodInBackground = false;
    // Instances of repeated meshes hidden behind the walls and ground of the depth pre-pass are
    // not drawn (found from the pre-pass's depth, read back in the same frame: conservative,
    // pictures unchanged). 1 on, 0 off, -1 on software rasterisers only, where reading the depth
    // back is a copy in memory. KILN_RENDER_OCCLUSION=0/1 overrides it.
    int occlusionCulling = -1;
};

// The camera as the renderer needs it; the projection's aspect comes from the target.
struct CameraParams {
    glm::mat4 view{1.0f};
    glm::vec3 positionM{0.0f};
    float fovYDeg = 45.0f;
    float nearM = 0.05f;
    float farM = 500.0f;

    static CameraParams fromOrbit(const scene::OrbitCamera& camera);
};

struct PointLight {
    glm::vec3 positionM{0.0f};
    glm::vec3 color{1.0f, 0.6f, 0.3f};
    float intensity = 10.0f; // radiant intensity in the renderer's relative units (per sr)
    float rangeM = 10.0f;    // where the falloff is windowed to zero
};

// Cuts away everything on the side the normal points to (dot(n, p) > offsetM).
struct SectionPlane {
    bool enabled = false;
    glm::vec3 normal{1.0f, 0.0f, 0.0f};
    float offsetM = 0.0f;
    glm::vec3 capColor{0.55f, 0.18f, 0.12f}; // linear radiance of the cut faces
};

struct FrameParams {
    CameraParams camera;
    scene::SunLight sun;
    scene::SkyLight sky;
    glm::vec3 clearColor{0.1f, 0.1f, 0.12f}; // linear HDR radiance of the background
    float exposure = 1.0f;
    float bloomStrength = 0.06f; // 0 turns bloom off
    float bloomThreshold = 1.5f; // radiance above which surfaces start to glow
    bool shadows = true;
    std::vector<PointLight> pointLights; // at most 8 are used
    SectionPlane section;
};

struct RenderStats {
    int drawCalls = 0;
    int shadowDrawCalls = 0;
    int prepassDrawCalls = 0;
    std::size_t triangles = 0;
    std::size_t instancesDrawn = 0;
    std::size_t instancesCulled = 0;
    std::size_t lodInstances = 0;      // instances drawn with a simplified level of their mesh
    std::size_t instancesOccluded = 0; // of instancesCulled: hidden behind the pre-pass's depth
    std::size_t textureBytes = 0;      // model textures
    std::size_t bufferBytes = 0;       // vertex, index and instance buffers of the live models
    std::size_t targetBytes = 0;       // render targets (HDR, MSAA, bloom, shadow map)
    // 1 when the last frame's bloom stopped after its first level, black: nothing was above the
    // threshold's knee (checked on software rasterisers only).
    int bloomSkipped = 0;
    // Wall milliseconds of each pass of the last frame, filled only when the environment sets
    // KILN_RENDER_PASS_TIMES=1 (a diagnostic: it finishes the GL after every pass, which makes
    // the frame slower; 0 otherwise). "shadow" is 0 on frames that reuse the cached map.
    struct PassTimes {
        float shadowMs = 0.0f, clearMs = 0.0f, prepassMs = 0.0f, opaqueMs = 0.0f;
        float transparentMs = 0.0f, bloomMs = 0.0f, tonemapMs = 0.0f;
    } passTimes;
};

using ModelHandle = int;

class Renderer {
public:
    // Needs a current GL 3.3 context with functions loaded. Fails only when even the built-in
    // fallback shaders cannot be built (a broken driver).
    static core::Result<std::unique_ptr<Renderer>> create(const RendererDesc& desc);
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Uploads a model; it is drawn by every render() until removeModel() or clearModels().
    // Textures are shared with models already added from the same files.
    ModelHandle addModel(const assets::ModelData& model);
    // Releases the model's buffers and vertex arrays, and the cached textures no other model
    // uses (so scenes can be swapped for weeks without growth). The handle is then invalid and
    // may be given to a later addModel. An unknown or removed handle is logged and ignored.
    // Needs the GL context current.
    void removeModel(ModelHandle model);
    void setModelVisible(ModelHandle model, bool visible);
    // Emissive radiance (linear, HDR) added to one instance's material, e.g. from a temperature.
    void setInstanceEmissive(ModelHandle model, int instanceIndex, const glm::vec3& radiance);
    // Moves one instance (animated effects such as smoke); a moving caster re-renders shadows.
    void setInstanceTransform(ModelHandle model, int instanceIndex, const glm::mat4& transform);
    // Whether a model's instances cast sun shadows (effects such as smoke do not).
    void setModelCastsShadows(ModelHandle model, bool casts);
    // Hidden instances are neither drawn nor cast shadows (a cutaway, a switchable layer).
    void setInstanceVisible(ModelHandle model, int instanceIndex, bool visible);
    // Replaces the base colour by tint.rgb in the proportion tint.a (0 restores the material).
    void setInstanceTint(ModelHandle model, int instanceIndex, const glm::vec4& tint);
    int instanceCount(ModelHandle model) const;
    // Releases every model and cached texture (when a scene is left).
    void clearModels();

    // Draws a frame into `output` (an RGBA8 framebuffer) or, when null, into the default
    // framebuffer of the given size. Internal targets follow the output's size.
    void render(const FrameParams& frame, const gpu::Framebuffer* output, int width, int height);
    void render(const FrameParams& frame, const gpu::Framebuffer& output) {
        render(frame, &output, output.width(), output.height());
    }

    // Waits for the levels of detail still being built on the worker thread and takes them into
    // use (for a frame that must not depend on timing, e.g. a screenshot). Needs the GL context.
    void finishLevelsOfDetail();
    // Whether levels of detail are still being built (RendererDesc::lodInBackground).
    bool levelsOfDetailPending() const;

    // True when the lit shader failed and the magenta error shader is in use.
    bool usingFallbackShader() const;
    const RenderStats& stats() const;

private:
    Renderer();
    struct Impl;
    std::unique_ptr<Impl> mImpl;
};

} // namespace kiln::render
