// Renderer: draws scene models into any framebuffer. Uploads CPU model data through gpu (meshes,
// textures with a per-file cache), loads the lit shader from shaders/, and falls back to a
// built-in error shader and a checker texture when those fail. Does NOT know the simulation,
// windows or input; the app passes everything per frame.
#pragma once

#include "kiln/assets/model_data.h"
#include "kiln/core/result.h"
#include "kiln/gpu/framebuffer.h"
#include "kiln/scene/camera.h"
#include "kiln/scene/scene_description.h"

#include <filesystem>
#include <memory>

namespace kiln::render {

struct RendererDesc {
    std::filesystem::path shaderDir; // holds lit.vert.glsl and lit.frag.glsl
};

struct FrameParams {
    scene::OrbitCamera camera;
    scene::SunLight sun;
    scene::SkyLight sky;
    glm::vec3 clearColor{0.1f, 0.1f, 0.12f};
    float exposure = 1.0f;
};

struct RenderStats {
    int drawCalls = 0;
    std::size_t triangles = 0;
    std::size_t textureBytes = 0;
    std::size_t bufferBytes = 0;
};

class Renderer {
public:
    // Needs a current GL 3.3 context with functions loaded. Fails only when even the built-in
    // fallback shader cannot be built (a broken driver).
    static core::Result<std::unique_ptr<Renderer>> create(const RendererDesc& desc);
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Uploads a model; it is drawn by every render() until clearModels().
    void addModel(const assets::ModelData& model);
    // Releases every model and cached texture (when a scene is left).
    void clearModels();

    void render(const FrameParams& frame, const gpu::Framebuffer& target);

    // True when the lit shader failed and the magenta error shader is in use.
    bool usingFallbackShader() const;
    const RenderStats& stats() const;

private:
    Renderer();
    struct Impl;
    std::unique_ptr<Impl> mImpl;
};

} // namespace kiln::render
