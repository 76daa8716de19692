// Renderer implementation: GPU meshes and materials, the texture cache, the lit pass.
#include "kiln/render/renderer.h"

#include "kiln/assets/image_io.h"
#include "kiln/core/file_io.h"
#include "kiln/core/log.h"
#include "kiln/gpu/buffer.h"
#include "kiln/gpu/gl.h"
#include "kiln/gpu/shader_program.h"
#include "kiln/gpu/texture.h"
#include "kiln/gpu/vertex_array.h"

#include <glm/gtc/matrix_inverse.hpp>

#include <map>
#include <span>
#include <string>
#include <vector>

namespace kiln::render {
namespace {

// Used when shaders/lit.*.glsl is missing or does not compile: flat magenta, so the fault is
// visible on screen and in golden tests, while the rest of the experience goes on.
constexpr const char* kFallbackVertex = R"(#version 330 core
layout(location = 0) in vec3 aPosition;
uniform mat4 uModel;
uniform mat4 uViewProjection;
void main() { gl_Position = uViewProjection * uModel * vec4(aPosition, 1.0); }
)";
constexpr const char* kFallbackFragment = R"(#version 330 core
out vec4 fragColor;
void main() { fragColor = vec4(1.0, 0.0, 1.0, 1.0); }
)";

struct GpuMesh {
    gpu::VertexArray vao;
    gpu::Buffer vertices;
    gpu::Buffer indices;
    GLsizei indexCount = 0;
    int materialIndex = 0;
};

struct GpuMaterial {
    assets::MaterialData data;
    const gpu::Texture* baseColor = nullptr;
};

struct GpuModel {
    std::vector<GpuMesh> meshes;
    std::vector<GpuMaterial> materials;
    std::vector<assets::MeshInstance> instances;
};

} // namespace

struct Renderer::Impl {
    gpu::ShaderProgram lit;
    bool fallback = false;
    gpu::Texture white;
    gpu::Texture checker;
    std::map<std::string, gpu::Texture> textureCache;
    std::vector<GpuModel> models;
    RenderStats stats;

    const gpu::Texture* texture(const std::string& ref, const assets::ModelData& model) {
        if (ref.empty()) {
            return &white;
        }
        const std::string key = ref.rfind("embedded:", 0) == 0 ? model.sourcePath + "#" + ref : ref;
        if (auto it = textureCache.find(key); it != textureCache.end()) {
            return &it->second;
        }
        core::Result<core::Image> image = core::Error{""};
        if (ref.rfind("embedded:", 0) == 0) {
            const std::size_t index = std::stoul(ref.substr(9));
            image = index < model.embeddedTextures.size()
                            ? assets::decodeImage(model.embeddedTextures[index], key)
                            : core::Result<core::Image>(core::Error{key + ": no such texture"});
        } else {
            image = assets::loadImage(ref);
        }
        if (!image) {
            core::logWarning("render", image.error().message + " (texture of " + model.sourcePath +
                                               "); showing the checker texture instead");
            return &checker;
        }
        // Model UVs follow Assimp's convention (v = 0 at the bottom); GL samples row 0 at t = 0.
        gpu::TextureDesc desc;
        desc.label = key;
        auto [it, inserted] = textureCache.emplace(
                key, gpu::Texture::fromImage(core::flippedVertically(image.value()), desc));
        (void)inserted;
        stats.textureBytes += it->second.byteSize();
        return &it->second;
    }
};

Renderer::Renderer() : mImpl(std::make_unique<Impl>()) {}
Renderer::~Renderer() = default;

core::Result<std::unique_ptr<Renderer>> Renderer::create(const RendererDesc& desc) {
    auto renderer = std::unique_ptr<Renderer>(new Renderer());
    Impl& impl = *renderer->mImpl;
    const auto vertPath = desc.shaderDir / "lit.vert.glsl";
    const auto fragPath = desc.shaderDir / "lit.frag.glsl";
    auto vert = core::readTextFile(vertPath);
    auto frag = core::readTextFile(fragPath);
    core::Result<gpu::ShaderProgram> program = core::Error{""};
    if (!vert || !frag) {
        program = core::Error{(!vert ? vert.error().message : frag.error().message) +
                              " (reinstall the shaders/ folder)"};
    } else {
        program = gpu::ShaderProgram::build(
                {vert.value(), frag.value(), vertPath.string(), fragPath.string()});
    }
    if (!program) {
        core::logError("render", program.error().message + "; drawing with the error shader");
        program = gpu::ShaderProgram::build({kFallbackVertex, kFallbackFragment,
                                             "built-in error shader", "built-in error shader"});
        if (!program) {
            return program.error();
        }
        impl.fallback = true;
    }
    impl.lit = std::move(program.value());
    impl.white = gpu::Texture::fromImage(core::makeSolidImage(1, 1, 255, 255, 255),
                                         {true, false, true, 1.0f, "white"});
    impl.checker = gpu::Texture::fromImage(core::makeCheckerImage(64, 8),
                                           {true, true, true, 1.0f, "checker"});
    return renderer;
}

void Renderer::addModel(const assets::ModelData& model) {
    GpuModel gm;
    for (const auto& mat : model.materials) {
        gm.materials.push_back({mat, mImpl->texture(mat.baseColorTexture, model)});
    }
    for (const auto& mesh : model.meshes) {
        GpuMesh g;
        g.vao = gpu::VertexArray::create();
        g.vertices = gpu::Buffer::fromSpan(GL_ARRAY_BUFFER, std::span(mesh.vertices));
        g.indices = gpu::Buffer::fromSpan(GL_ELEMENT_ARRAY_BUFFER, std::span(mesh.indices));
        constexpr GLsizei stride = sizeof(assets::Vertex);
        g.vao.setAttribute(g.vertices,
                           {0, 3, GL_FLOAT, stride, offsetof(assets::Vertex, position), 0});
        g.vao.setAttribute(g.vertices,
                           {1, 3, GL_FLOAT, stride, offsetof(assets::Vertex, normal), 0});
        g.vao.setAttribute(g.vertices, {2, 2, GL_FLOAT, stride, offsetof(assets::Vertex, uv), 0});
        g.vao.setAttribute(g.vertices,
                           {3, 4, GL_FLOAT, stride, offsetof(assets::Vertex, color), 0});
        g.vao.setIndexBuffer(g.indices);
        glBindVertexArray(0);
        g.indexCount = static_cast<GLsizei>(mesh.indices.size());
        g.materialIndex = mesh.materialIndex;
        mImpl->stats.bufferBytes += g.vertices.byteSize() + g.indices.byteSize();
        gm.meshes.push_back(std::move(g));
    }
    gm.instances = model.instances;
    mImpl->models.push_back(std::move(gm));
}

void Renderer::clearModels() {
    mImpl->models.clear();
    mImpl->textureCache.clear();
    mImpl->stats = {};
}

void Renderer::render(const FrameParams& frame, const gpu::Framebuffer& target) {
    Impl& impl = *mImpl;
    target.bind();
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDisable(GL_BLEND);
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    glDisable(GL_FRAMEBUFFER_SRGB); // the shader encodes sRGB itself
    glClearColor(frame.clearColor.r, frame.clearColor.g, frame.clearColor.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);

    const float aspect = static_cast<float>(target.width()) / static_cast<float>(target.height());
    const glm::mat4 viewProjection = frame.camera.projection(aspect) * frame.camera.view();
    impl.lit.use();
    impl.lit.set("uViewProjection", viewProjection);
    impl.lit.set("uCameraPos", frame.camera.position());
    impl.lit.set("uSunDirection", frame.sun.directionToSun);
    impl.lit.set("uSunColor", frame.sun.color * frame.sun.illuminance);
    impl.lit.set("uSkyZenith", frame.sky.zenithColor * frame.sky.intensity);
    impl.lit.set("uSkyGround", frame.sky.groundColor * frame.sky.intensity);
    impl.lit.set("uExposure", frame.exposure);
    impl.lit.set("uBaseColorTexture", 0);

    impl.stats.drawCalls = 0;
    impl.stats.triangles = 0;
    for (const GpuModel& model : impl.models) {
        for (const auto& inst : model.instances) {
            const GpuMesh& mesh = model.meshes[static_cast<std::size_t>(inst.meshIndex)];
            const GpuMaterial& mat = model.materials[static_cast<std::size_t>(mesh.materialIndex)];
            if (mat.data.doubleSided) {
                glDisable(GL_CULL_FACE);
            } else {
                glEnable(GL_CULL_FACE);
            }
            impl.lit.set("uModel", inst.transform);
            impl.lit.set("uNormalMatrix", glm::mat3(glm::inverseTranspose(inst.transform)));
            impl.lit.set("uBaseColorFactor", mat.data.baseColorFactor);
            impl.lit.set("uMetallic", mat.data.metallicFactor);
            impl.lit.set("uRoughness", mat.data.roughnessFactor);
            impl.lit.set("uEmissive", mat.data.emissiveFactor);
            mat.baseColor->bind(0);
            mesh.vao.bind();
            glDrawElements(GL_TRIANGLES, mesh.indexCount, GL_UNSIGNED_INT, nullptr);
            ++impl.stats.drawCalls;
            impl.stats.triangles += static_cast<std::size_t>(mesh.indexCount) / 3u;
        }
    }
    glBindVertexArray(0);
}

bool Renderer::usingFallbackShader() const {
    return mImpl->fallback;
}

const RenderStats& Renderer::stats() const {
    return mImpl->stats;
}

} // namespace kiln::render
