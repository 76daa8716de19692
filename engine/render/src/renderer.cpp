// Renderer implementation.
// [SECTION] Fallback shaders
// [SECTION] GPU-side model data
// [SECTION] Shader and texture loading
// [SECTION] Occlusion culling
// [SECTION] Models and instances
// [SECTION] Frame: shadow pass, opaque pass, transparent pass, bloom, tonemap
#include "kiln/render/renderer.h"

#include "kiln/assets/image_io.h"
#include "kiln/core/file_io.h"
#include "kiln/core/log.h"
#include "kiln/gpu/buffer.h"
#include "kiln/gpu/depth_target.h"
#include "kiln/gpu/gl.h"
#include "kiln/gpu/shader_program.h"
#include "kiln/gpu/texture.h"
#include "kiln/gpu/vertex_array.h"
#include "kiln/render/frustum.h"
#include "kiln/render/mesh_lod.h"
#include "lod_builder.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace kiln::render {
namespace {

// [SECTION] Fallback shaders
// Used when shaders/lit.*.glsl is missing or does not compile: flat magenta, so the fault is
// visible on screen and in golden tests, while the rest of the experience goes on.
constexpr const char* kErrorVertex = R"(#version 330 core
layout(location = 0) in vec3 aPosition;
layout(location = 6) in mat4 aModel;
uniform mat4 uViewProjection;
void main() { gl_Position = uViewProjection * aModel * vec4(aPosition, 1.0); }
)";
constexpr const char* kErrorFragment = R"(#version 330 core
out vec4 fragColor;
void main() { fragColor = vec4(1.0, 0.0, 1.0, 1.0); }
)";
// Used when the tonemap shader fails: clamp and encode, so the picture still shows.
constexpr const char* kFallbackTonemap = R"(#version 330 core
in vec2 vUv;
uniform sampler2D uHdr;
uniform float uExposure;
out vec4 fragColor;
void main() {
    vec3 c = texture(uHdr, vUv).rgb * uExposure;
    fragColor = vec4(pow(c / (1.0 + c), vec3(1.0 / 2.2)), 1.0);
}
)";
constexpr const char* kFallbackFullscreen = R"(#version 330 core
out vec2 vUv;
void main() {
    vec2 p = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
    vUv = p;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
)";

constexpr int kMaxPointLights = 8;
constexpr int kLodMinInstances = 2; // meshes drawn fewer times get no levels of detail
constexpr int kMaxBloomLevels = 6;  // from half resolution: down to 1/64 of the output

// Whether the GL is a software rasteriser, where every pixel costs CPU time.
bool softwareRasteriser() {
    const std::string& name = gpu::glInfo().renderer;
    return name.find("llvmpipe") != std::string::npos ||
           name.find("softpipe") != std::string::npos ||
           name.find("SwiftShader") != std::string::npos;
}

// Texture units of the lit pass.
enum TextureUnit : GLuint {
    kUnitBaseColor = 0,
    kUnitMetallicRoughness = 1,
    kUnitNormal = 2,
    kUnitOcclusion = 3,
    kUnitEmissive = 4,
    kUnitShadow = 5,
};

// What a lit program variant compiles in (lit.frag.glsl's KILN_* switches). One program per
// combination in use: a map the material lacks, an alpha mode it does not use or a section
// that is off then costs nothing, also on llvmpipe, which executes both sides of a branch for
// every pixel (masked), so that a uniform `if (uHasMap != 0)` still paid the texture fetch.
enum LitFeature : unsigned {
    kLitBaseColorMap = 1u << 0,
    kLitMetallicRoughnessMap = 1u << 1,
    kLitNormalMap = 1u << 2,
    kLitOcclusionMap = 1u << 3,
    kLitEmissiveMap = 1u << 4,
    kLitAlphaMask = 1u << 5,
    kLitAlphaBlend = 1u << 6,
    kLitSection = 1u << 7,
};

// [SECTION] GPU-side model data
// What each instance brings to the vertex shader (locations 6-11).
struct InstanceGpu {
    glm::mat4 model{1.0f};
    glm::vec4 emissive{0.0f}; // rgb radiance, a = scale
    glm::vec4 tint{0.0f};     // rgb colour, a = how much it replaces the base colour
};
static_assert(sizeof(InstanceGpu) == 96);

// A simplified level of a mesh; its instances are a run of the mesh's visible-instance buffer.
struct GpuLod {
    gpu::Buffer vertices;
    gpu::Buffer indices;
    gpu::VertexArray vao; // instance attributes read the mesh's visibleInstances from layoutSlot
    GLsizei indexCount = 0;
    float errorM = 0.0f; // in the mesh's units (mesh_lod.h)
    std::size_t layoutSlot = std::numeric_limits<std::size_t>::max();
};

struct GpuMesh {
    gpu::Buffer vertices;
    gpu::Buffer indices;
    gpu::Buffer allInstances;     // every instance, in order (shadow pass, all visible)
    gpu::Buffer visibleInstances; // this frame's visible subset
    gpu::VertexArray vaoAll;
    gpu::VertexArray vaoVisible;
    std::size_t visibleCapacity = 0;
    GLsizei indexCount = 0;
    int materialIndex = 0;
    glm::vec3 localMin{0.0f};
    glm::vec3 localMax{0.0f};
    std::vector<int> instances; // indices into GpuModel::instances
    int hiddenCount = 0;
    bool allDirty = true;       // allInstances is out of date
    bool visibleDirty = true;   // an instance changed since visibleInstances was filled
    std::vector<int> uploaded;  // the instances now in visibleInstances, in order
    std::size_t layoutSlot = 0; // the first instance vaoVisible's instance attributes read
    std::vector<GpuLod> lods;   // coarser levels, finest first (meshes with several instances)
};

struct InstanceRecord {
    int meshIndex = 0;
    bool visible = true;
    glm::vec3 worldMin{0.0f};
    glm::vec3 worldMax{0.0f};
    InstanceGpu gpu;
};

struct GpuMaterial {
    assets::MaterialData data;
    const gpu::Texture* baseColor = nullptr;
    const gpu::Texture* metallicRoughness = nullptr;
    const gpu::Texture* normal = nullptr;
    const gpu::Texture* occlusion = nullptr;
    const gpu::Texture* emissive = nullptr;
    unsigned litFeatures = 0; // LitFeature bits of its maps and alpha mode
};

struct GpuModel {
    bool live = true; // false once removed: the slot waits for the next addModel
    std::vector<std::string> textureKeys; // texture cache entries this model holds, one per use
    std::vector<GpuMesh> meshes;
    std::vector<GpuMaterial> materials;
    std::vector<InstanceRecord> instances;
    glm::vec3 worldMin{std::numeric_limits<float>::max()};
    glm::vec3 worldMax{std::numeric_limits<float>::lowest()};
    bool visible = true;
    bool castsShadows = true;
    std::uint64_t serial = 0; // unique per addModel (handles are reused): matches built levels
};

void bindVertexLayout(gpu::VertexArray& vao, const gpu::Buffer& vertices,
                      const gpu::Buffer& indices) {
    constexpr GLsizei stride = sizeof(assets::Vertex);
    vao.setAttribute(vertices, {0, 3, GL_FLOAT, stride, offsetof(assets::Vertex, position), 0});
    vao.setAttribute(vertices, {1, 3, GL_FLOAT, stride, offsetof(assets::Vertex, normal), 0});
    vao.setAttribute(vertices, {2, 2, GL_FLOAT, stride, offsetof(assets::Vertex, uv), 0});
    vao.setAttribute(vertices, {3, 2, GL_FLOAT, stride, offsetof(assets::Vertex, uv1), 0});
    vao.setAttribute(vertices, {4, 4, GL_FLOAT, stride, offsetof(assets::Vertex, color), 0});
    vao.setAttribute(vertices, {5, 4, GL_FLOAT, stride, offsetof(assets::Vertex, tangent), 0});
    vao.setIndexBuffer(indices);
}

void bindInstanceLayout(gpu::VertexArray& vao, const gpu::Buffer& instances, std::size_t first) {
    constexpr GLsizei stride = sizeof(InstanceGpu);
    const std::size_t base = first * sizeof(InstanceGpu);
    for (GLuint col = 0; col < 4; ++col) {
        vao.setAttribute(instances,
                         {6 + col, 4, GL_FLOAT, stride,
                          base + offsetof(InstanceGpu, model) + col * sizeof(glm::vec4), 1});
    }
    vao.setAttribute(instances,
                     {10, 4, GL_FLOAT, stride, base + offsetof(InstanceGpu, emissive), 1});
    vao.setAttribute(instances, {11, 4, GL_FLOAT, stride, base + offsetof(InstanceGpu, tint), 1});
}

} // namespace

CameraParams CameraParams::fromOrbit(const scene::OrbitCamera& camera) {
    CameraParams params;
    params.view = camera.view();
    params.positionM = camera.position();
    params.fovYDeg = camera.fovYDeg;
    params.nearM = camera.nearM;
    params.farM = camera.farM;
    return params;
}

struct Renderer::Impl {
    RendererDesc desc;
    gpu::ShaderProgram shadow;
    gpu::ShaderProgram bloomFirst; // the first downsample: threshold and Karis average
    gpu::ShaderProgram bloomDown;
    gpu::ShaderProgram bloomUp;
    gpu::ShaderProgram tonemap;
    gpu::ShaderProgram tonemapNoBloom; // frames without bloom: no bloom fetch (may be invalid)
    bool fallback = false;
    bool bloomAvailable = false;
    gpu::Texture white;
    gpu::Texture flatNormal;
    gpu::Texture checker;
    // Shared by every model that uses the same file (and colour space); counted, so removing a
    // model frees the textures no other model uses.
    struct CachedTexture {
        gpu::Texture texture;
        int users = 0;
    };
    std::map<std::string, CachedTexture> textureCache;
    std::vector<GpuModel> models;
    RenderStats stats;
    gpu::VertexArray emptyVao; // for the fullscreen triangle

    // Internal targets, recreated when the output size changes.
    int width = 0;
    int height = 0;
    gpu::Framebuffer sceneTarget;   // HDR, multisampled when MSAA is on
    gpu::Framebuffer resolveTarget; // HDR, single-sampled (only with MSAA)
    std::vector<gpu::Framebuffer> bloomLevels;
    gpu::DepthTarget shadowMap;
    int bloomDivisor = 2;  // the first bloom level's size relative to the scene target
    bool software = false; // a software rasteriser: shaders take their cheaper paths
    std::vector<InstanceGpu> scratch;
    std::vector<std::pair<float, int>> order; // squared distance, instance index
    std::vector<int> visibleIndices;          // this mesh's instances to draw, in order
    // The scene is static, so the shadow map is kept until something that casts shadows changes
    // (models, visibility, the sun): this saves a whole geometry pass per frame.
    bool shadowDirty = true;
    glm::mat4 shadowLightVp{0.0f};
    // The depth pre-pass takes only meshes of one instance; KILN_RENDER_PREPASS_SCOPE=all puts
    // every opaque mesh in it (A/B runs). Measured on llvmpipe (docs/performance.md): the field
    // of 5,000 repeated meshes 14 % less CPU per frame, the kiln sites the same.
    bool prepassSingleOnly = true;
    bool occlusionCulling = false; // RendererDesc::occlusionCulling resolved
    LodBuilder lodBuilder;
    std::uint64_t nextSerial = 1;
    // KILN_RENDER_PASS_TIMES=1: finish the GL after each pass and record its time (stats).
    bool passTiming = false;
    std::chrono::steady_clock::time_point passStart;

    // Uploads one mesh's levels of detail (replacing any it had).
    static void uploadLods(GpuMesh& mesh, const std::vector<LodLevel>& levels) {
        mesh.lods.clear();
        for (const LodLevel& level : levels) {
            GpuLod lod;
            lod.vertices = gpu::Buffer::fromSpan(GL_ARRAY_BUFFER,
                                                 std::span<const assets::Vertex>(level.vertices));
            lod.indices = gpu::Buffer::fromSpan(GL_ELEMENT_ARRAY_BUFFER,
                                                std::span<const std::uint32_t>(level.indices));
            lod.vao = gpu::VertexArray::create();
            bindVertexLayout(lod.vao, lod.vertices, lod.indices);
            // Unbound before the next level's index buffer is made: the element-array binding
            // belongs to the bound vertex array, and would replace this level's.
            glBindVertexArray(0);
            lod.indexCount = static_cast<GLsizei>(level.indices.size());
            lod.errorM = level.errorM;
            mesh.lods.push_back(std::move(lod));
        }
    }

    // Takes the levels of detail finished since the last call into use (for live models only:
    // a removed model's are dropped).
    void adoptLods() {
        std::vector<LodBuildResult> finished = lodBuilder.takeFinished();
        if (finished.empty()) {
            return;
        }
        for (const LodBuildResult& r : finished) {
            for (GpuModel& m : models) {
                if (m.live && m.serial == r.modelSerial && r.meshIndex < m.meshes.size()) {
                    uploadLods(m.meshes[r.meshIndex], *r.levels);
                }
            }
        }
        refreshBufferBytes();
    }

    // Ends the pass being timed: its wall time goes to `slot` and the next pass starts now.
    void passDone(float& slot) {
        if (!passTiming) {
            return;
        }
        glFinish();
        const auto now = std::chrono::steady_clock::now();
        slot = std::chrono::duration<float, std::milli>(now - passStart).count();
        passStart = now;
    }

    // The instance, or null for a bad handle or index (a misuse the caller can survive).
    InstanceRecord* instanceAt(ModelHandle model, int instanceIndex, GpuModel** owner) {
        if (model < 0 || model >= static_cast<int>(models.size())) {
            return nullptr;
        }
        GpuModel& m = models[static_cast<std::size_t>(model)];
        if (instanceIndex < 0 || instanceIndex >= static_cast<int>(m.instances.size())) {
            return nullptr;
        }
        *owner = &m;
        return &m.instances[static_cast<std::size_t>(instanceIndex)];
    }

    // [SECTION] Shader and texture loading
    core::Result<gpu::ShaderProgram> loadProgram(const std::string& vert, const std::string& frag,
                                                 const std::string& defines = {}) {
        const auto vertPath = desc.shaderDir / vert;
        const auto fragPath = desc.shaderDir / frag;
        auto vs = core::readTextFile(vertPath);
        if (!vs) {
            return core::Error{vs.error().message + " (reinstall the shaders/ folder)"};
        }
        auto fs = core::readTextFile(fragPath);
        if (!fs) {
            return core::Error{fs.error().message + " (reinstall the shaders/ folder)"};
        }
        return gpu::ShaderProgram::build({withDefines(vs.value(), defines),
                                          withDefines(fs.value(), defines), vertPath.string(),
                                          fragPath.string()});
    }

    // Shaders choose cheaper paths on software rasterisers with `#ifdef KILN_SOFTWARE`, and lit
    // variants their features with `defines`; these go after the #version line, which must stay
    // first.
    std::string withDefines(std::string source, const std::string& defines) const {
        const std::string all =
                (software ? std::string("#define KILN_SOFTWARE 1\n") : "") + defines;
        const std::size_t lineEnd = source.find('\n');
        if (all.empty() || source.rfind("#version", 0) != 0 || lineEnd == std::string::npos) {
            return source;
        }
        source.insert(lineEnd + 1, all);
        return source;
    }

    static std::string litDefines(unsigned features) {
        std::string d;
        const auto define = [&](const char* name, unsigned bit) {
            d.append("#define ").append(name).append((features & bit) != 0 ? " 1\n" : " 0\n");
        };
        define("KILN_BASE_COLOR_MAP", kLitBaseColorMap);
        define("KILN_METALLIC_ROUGHNESS_MAP", kLitMetallicRoughnessMap);
        define("KILN_NORMAL_MAP", kLitNormalMap);
        define("KILN_OCCLUSION_MAP", kLitOcclusionMap);
        define("KILN_EMISSIVE_MAP", kLitEmissiveMap);
        define("KILN_ALPHA_MASK", kLitAlphaMask);
        define("KILN_ALPHA_BLEND", kLitAlphaBlend);
        define("KILN_SECTION", kLitSection);
        define("KILN_TEXTURED", kLitBaseColorMap | kLitMetallicRoughnessMap | kLitNormalMap |
                                        kLitOcclusionMap | kLitEmissiveMap);
        return d;
    }

    // The texture for `ref`, from the cache or uploaded; `owner` records the use. Falls back to
    // `none` (no texture) or the checker (a file that does not load).
    const gpu::Texture* texture(const assets::TextureRef& ref, bool srgb,
                                const assets::ModelData& model, const gpu::Texture* none,
                                GpuModel& owner) {
        if (ref.empty()) {
            return none;
        }
        const bool embedded = ref.source.rfind("embedded:", 0) == 0;
        const std::string key = (embedded ? model.sourcePath + "#" + ref.source : ref.source) +
                                (srgb ? "|srgb" : "|linear");
        if (auto it = textureCache.find(key); it != textureCache.end()) {
            ++it->second.users;
            owner.textureKeys.push_back(key);
            return &it->second.texture;
        }
        core::Result<core::Image> image = core::Error{""};
        if (embedded) {
            const std::size_t index = std::strtoul(ref.source.c_str() + 9, nullptr, 10);
            image = index < model.embeddedTextures.size()
                            ? assets::decodeImage(model.embeddedTextures[index],
                                                  model.sourcePath + " (" + ref.source + ")")
                            : core::Result<core::Image>(core::Error{
                                      model.sourcePath + ": " + ref.source + " does not exist"});
        } else {
            image = assets::loadImage(ref.source);
        }
        if (!image) {
            core::logWarning("render", image.error().message + " (texture of " + model.sourcePath +
                                               "); showing the checker texture instead");
            return &checker;
        }
        // Model UVs follow Assimp's convention (v = 0 at the bottom); GL samples row 0 at t = 0.
        gpu::TextureDesc texDesc;
        texDesc.srgb = srgb;
        texDesc.maxAnisotropy = desc.maxAnisotropy;
        texDesc.label = key;
        auto [it, inserted] = textureCache.emplace(
                key, CachedTexture{gpu::Texture::fromImage(core::flippedVertically(image.value()),
                                                           texDesc),
                                   1});
        (void)inserted;
        owner.textureKeys.push_back(key);
        stats.textureBytes += it->second.texture.byteSize();
        return &it->second.texture;
    }

    // Drops one model's uses of cached textures, deleting those no other model uses.
    void releaseTextures(GpuModel& model) {
        for (const std::string& key : model.textureKeys) {
            auto it = textureCache.find(key);
            if (it == textureCache.end()) {
                continue;
            }
            if (--it->second.users <= 0) {
                stats.textureBytes -= it->second.texture.byteSize();
                textureCache.erase(it);
            }
        }
        model.textureKeys.clear();
    }

    // Vertex, index and instance buffers of every live model, as allocated now.
    void refreshBufferBytes() {
        std::size_t bytes = 0;
        for (const GpuModel& m : models) {
            for (const GpuMesh& mesh : m.meshes) {
                bytes += mesh.vertices.byteSize() + mesh.indices.byteSize() +
                         mesh.allInstances.byteSize() + mesh.visibleInstances.byteSize();
                for (const GpuLod& lod : mesh.lods) {
                    bytes += lod.vertices.byteSize() + lod.indices.byteSize();
                }
            }
        }
        stats.bufferBytes = bytes;
    }

    // Recreates the internal targets for a new output size.
    void ensureTargets(int w, int h) {
        if (w == width && h == height && sceneTarget.id() != 0) {
            return;
        }
        width = w;
        height = h;
        const int samples = desc.msaaSamples > 1 ? desc.msaaSamples : 0;
        auto scene = gpu::Framebuffer::create({w, h, samples, true, true, "scene hdr"});
        if (!scene) {
            core::logError("render", scene.error().message + "; trying without MSAA");
            scene = gpu::Framebuffer::create({w, h, 0, true, true, "scene hdr"});
        }
        if (!scene) {
            core::logError("render", scene.error().message);
            return;
        }
        sceneTarget = std::move(scene.value());
        resolveTarget = {};
        if (sceneTarget.samples() > 1) {
            auto resolve = gpu::Framebuffer::create({w, h, 0, true, false, "scene resolve"});
            if (resolve) {
                resolveTarget = std::move(resolve.value());
            }
        }
        bloomLevels.clear();
        // The chain starts at half or quarter resolution and ends at 1/64 either way; quarter
        // costs a quarter of the bloom's pixels (on llvmpipe the half-resolution level alone
        // was about a quarter of a 720p frame of the placeholder) for a slightly softer glow.
        bloomDivisor = desc.bloomDivisor == 2 || desc.bloomDivisor == 4
                               ? desc.bloomDivisor
                               : (softwareRasteriser() ? 4 : 2);
        int lw = w / bloomDivisor;
        int lh = h / bloomDivisor;
        const int levels = kMaxBloomLevels - (bloomDivisor == 4 ? 1 : 0);
        for (int i = 0; i < levels && lw >= 8 && lh >= 8; ++i) {
            auto level = gpu::Framebuffer::create({lw, lh, 0, true, false, "bloom"});
            if (!level) {
                break;
            }
            bloomLevels.push_back(std::move(level.value()));
            lw /= 2;
            lh /= 2;
        }
        stats.targetBytes =
                sceneTarget.byteSize() + resolveTarget.byteSize() + shadowMap.byteSize();
        for (const auto& level : bloomLevels) {
            stats.targetBytes += level.byteSize();
        }
    }

    const gpu::Framebuffer& hdrSource() const {
        return resolveTarget.id() != 0 ? resolveTarget : sceneTarget;
    }

    // Locations of a lit program's per-material uniforms, looked up once (set every draw).
    struct MaterialLocations {
        GLint baseColorFactor = -1, metallic = -1, roughness = -1, emissive = -1;
        GLint normalScale = -1, occlusionStrength = -1, alphaCutoff = -1;
        GLint baseColorUv = -1, metallicRoughnessUv = -1, normalUv = -1, occlusionUv = -1;
        GLint emissiveUv = -1;
    };

    static MaterialLocations findMaterialLocations(gpu::ShaderProgram& p) {
        return {p.uniformLocation("uBaseColorFactor"),     p.uniformLocation("uMetallic"),
                p.uniformLocation("uRoughness"),           p.uniformLocation("uEmissive"),
                p.uniformLocation("uNormalScale"),         p.uniformLocation("uOcclusionStrength"),
                p.uniformLocation("uAlphaCutoff"),         p.uniformLocation("uBaseColorUv"),
                p.uniformLocation("uMetallicRoughnessUv"), p.uniformLocation("uNormalUv"),
                p.uniformLocation("uOcclusionUv"),         p.uniformLocation("uEmissiveUv")};
    }

    // The LitFeature bits of a material: white stands for "no map" (see lit.frag.glsl); a real
    // texture, even a white one, and the checker fallback are sampled.
    unsigned litFeatures(const GpuMaterial& mat) const {
        unsigned f = 0;
        f |= mat.baseColor != &white ? kLitBaseColorMap : 0u;
        f |= mat.metallicRoughness != &white ? kLitMetallicRoughnessMap : 0u;
        f |= mat.normal != &flatNormal ? kLitNormalMap : 0u;
        f |= mat.occlusion != &white ? kLitOcclusionMap : 0u;
        f |= mat.emissive != &white ? kLitEmissiveMap : 0u;
        f |= mat.data.alphaMode == assets::AlphaMode::Mask ? kLitAlphaMask : 0u;
        f |= mat.data.alphaMode == assets::AlphaMode::Blend ? kLitAlphaBlend : 0u;
        return f;
    }

    // A lit program variant and the frame whose uniforms it holds.
    struct LitVariant {
        gpu::ShaderProgram program;
        MaterialLocations loc;
        std::uint64_t frameUniformsOf = 0;
    };
    std::map<unsigned, LitVariant> litVariants;
    std::map<unsigned, int> litUsers; // materials of live models per feature set (no section)
    std::uint64_t frameNumber = 0;
    // The frame's values for the lit programs' frame uniforms (set on each variant when it is
    // first used in a frame).
    const FrameParams* currentFrame = nullptr;
    glm::mat4 currentViewProjection{1.0f};
    glm::mat4 currentLightVp{1.0f};
    bool currentShadows = false;
    bool currentSection = false;

    // The variant for `features`, built on first use. A variant that fails to build (a driver
    // limit) draws with the error shader; with `fallback` every variant is the error shader.
    LitVariant& litVariant(unsigned features) {
        if (fallback) {
            features = 0;
        }
        if (auto it = litVariants.find(features); it != litVariants.end()) {
            return it->second;
        }
        LitVariant v;
        auto program =
                fallback ? core::Result<gpu::ShaderProgram>(core::Error{"the lit shader failed"})
                         : loadProgram("lit.vert.glsl", "lit.frag.glsl", litDefines(features));
        if (!program) {
            if (!fallback) {
                core::logError("render", program.error().message +
                                                 "; drawing this material with the error shader");
            }
            program = gpu::ShaderProgram::build({kErrorVertex, kErrorFragment,
                                                 "built-in error shader", "built-in error shader"});
        }
        if (program) {
            v.program = std::move(program.value());
            v.loc = findMaterialLocations(v.program);
        }
        return litVariants.emplace(features, std::move(v)).first->second;
    }

    // Counts a live material's use of its variant; the last use gone, the variant (and its
    // section twin) is deleted, so that scenes swapped for weeks keep no programs they no longer
    // need. The plainest variant, built at start, stays.
    void holdLitVariant(unsigned features) {
        ++litUsers[features];
        litVariant(features); // built now rather than in the first frame
    }
    void releaseLitVariant(unsigned features) {
        auto it = litUsers.find(features);
        if (it == litUsers.end() || --it->second > 0) {
            return;
        }
        litUsers.erase(it);
        if (features != 0) {
            litVariants.erase(features);
        }
        litVariants.erase(features | kLitSection);
    }

    // Binds the lit variant for a material in this frame (its frame uniforms set on first use).
    LitVariant& useLit(const GpuMaterial& mat) {
        LitVariant& v = litVariant(mat.litFeatures | (currentSection ? kLitSection : 0u));
        v.program.use();
        if (v.frameUniformsOf != frameNumber) {
            setFrameUniforms(v.program);
            v.frameUniformsOf = frameNumber;
        }
        return v;
    }

    void setMaterial(LitVariant& variant, const GpuMaterial& mat) {
        const assets::MaterialData& d = mat.data;
        const MaterialLocations& l = variant.loc;
        const gpu::ShaderProgram& program = variant.program;
        program.setAt(l.baseColorFactor, d.baseColorFactor);
        program.setAt(l.metallic, d.metallicFactor);
        program.setAt(l.roughness, d.roughnessFactor);
        program.setAt(l.emissive, d.emissiveFactor * d.emissiveStrength);
        program.setAt(l.normalScale, d.normalScale);
        program.setAt(l.occlusionStrength, d.occlusionStrength);
        program.setAt(l.alphaCutoff, d.alphaCutoff);
        program.setAt(l.baseColorUv, d.baseColorTexture.uvSet);
        program.setAt(l.metallicRoughnessUv, d.metallicRoughnessTexture.uvSet);
        program.setAt(l.normalUv, d.normalTexture.uvSet);
        program.setAt(l.occlusionUv, d.occlusionTexture.uvSet);
        program.setAt(l.emissiveUv, d.emissiveTexture.uvSet);
        mat.baseColor->bind(kUnitBaseColor);
        mat.metallicRoughness->bind(kUnitMetallicRoughness);
        mat.normal->bind(kUnitNormal);
        mat.occlusion->bind(kUnitOcclusion);
        mat.emissive->bind(kUnitEmissive);
        if (d.doubleSided) {
            glDisable(GL_CULL_FACE);
        } else {
            glEnable(GL_CULL_FACE);
        }
    }

    // Fills the mesh's visible-instance buffer with `indices` (growing it as needed), unless it
    // holds exactly those already: a still camera over a still scene uploads nothing, which on
    // llvmpipe also avoids waiting for the frame that still reads the buffer.
    void uploadVisible(const GpuModel& model, GpuMesh& mesh, const std::vector<int>& indices) {
        if (mesh.visibleDirty || mesh.uploaded != indices) {
            scratch.clear();
            for (int index : indices) {
                scratch.push_back(model.instances[static_cast<std::size_t>(index)].gpu);
            }
            if (scratch.size() > mesh.visibleCapacity) {
                mesh.visibleCapacity = scratch.size() * 2;
                mesh.visibleInstances = gpu::Buffer(GL_ARRAY_BUFFER, {}, GL_STREAM_DRAW);
                std::vector<InstanceGpu> reserve(mesh.visibleCapacity);
                mesh.visibleInstances.update(std::as_bytes(std::span(reserve)));
                mesh.layoutSlot = std::numeric_limits<std::size_t>::max(); // a new buffer
                for (GpuLod& lod : mesh.lods) {
                    lod.layoutSlot = std::numeric_limits<std::size_t>::max();
                }
            }
            mesh.visibleInstances.update(std::as_bytes(std::span(scratch)));
            mesh.uploaded = indices;
            mesh.visibleDirty = false;
        }
        pointVisibleAt(mesh, 0);
    }

    // Points vaoVisible's instance attributes at instance `slot` of the visible buffer (drawing
    // one sorted transparent instance at a time); a no-op when they point there already.
    static void pointVisibleAt(GpuMesh& mesh, std::size_t slot) {
        if (mesh.layoutSlot != slot) {
            bindInstanceLayout(mesh.vaoVisible, mesh.visibleInstances, slot);
            mesh.layoutSlot = slot;
        }
    }

    void uploadAllInstances(GpuModel& model, GpuMesh& mesh) {
        scratch.clear();
        for (int index : mesh.instances) {
            scratch.push_back(model.instances[static_cast<std::size_t>(index)].gpu);
        }
        mesh.allInstances.update(std::as_bytes(std::span(scratch)));
        mesh.allDirty = false;
    }

    glm::mat4 lightViewProjection(const glm::vec3& directionToSun) const {
        // Fitted to the bounds of everything drawn, not to the camera, so the shadow map does
        // not move (or shimmer) when the camera does.
        glm::vec3 lo(std::numeric_limits<float>::max());
        glm::vec3 hi(std::numeric_limits<float>::lowest());
        for (const GpuModel& m : models) {
            if (m.visible && m.castsShadows && !m.instances.empty()) {
                lo = glm::min(lo, m.worldMin);
                hi = glm::max(hi, m.worldMax);
            }
        }
        if (lo.x > hi.x) {
            return glm::mat4(1.0f);
        }
        const glm::vec3 centre = (lo + hi) * 0.5f;
        const float radius = std::max(glm::length(hi - lo) * 0.5f, 0.01f);
        const glm::vec3 dir = glm::normalize(directionToSun);
        const glm::vec3 up = std::abs(dir.y) > 0.99f ? glm::vec3(0, 0, 1) : glm::vec3(0, 1, 0);
        const glm::mat4 view = glm::lookAt(centre + dir * radius * 2.0f, centre, up);
        return glm::ortho(-radius, radius, -radius, radius, radius * 0.5f, radius * 3.5f) * view;
    }

    void shadowPass(const glm::mat4& lightVp) {
        shadowMap.bind();
        glClear(GL_DEPTH_BUFFER_BIT);
        glEnable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE); // thin and open geometry must cast shadows too
        glEnable(GL_POLYGON_OFFSET_FILL);
        glPolygonOffset(1.5f, 2.0f);
        shadow.use();
        shadow.set("uLightViewProjection", lightVp);
        for (GpuModel& model : models) {
            if (!model.visible || !model.castsShadows) {
                continue;
            }
            for (GpuMesh& mesh : model.meshes) {
                const GpuMaterial& mat =
                        model.materials[static_cast<std::size_t>(mesh.materialIndex)];
                if (mesh.instances.empty() || mat.data.alphaMode == assets::AlphaMode::Blend) {
                    continue;
                }
                if (mesh.allDirty) {
                    uploadAllInstances(model, mesh);
                }
                GLsizei count = static_cast<GLsizei>(mesh.instances.size());
                if (mesh.hiddenCount > 0) {
                    // Hidden parts (a cutaway) cast no shadow: draw only the shown ones.
                    visibleIndices.clear();
                    for (int index : mesh.instances) {
                        if (model.instances[static_cast<std::size_t>(index)].visible) {
                            visibleIndices.push_back(index);
                        }
                    }
                    if (visibleIndices.empty()) {
                        continue;
                    }
                    uploadVisible(model, mesh, visibleIndices);
                    mesh.vaoVisible.bind();
                    count = static_cast<GLsizei>(visibleIndices.size());
                } else {
                    mesh.vaoAll.bind();
                }
                glDrawElementsInstanced(GL_TRIANGLES, mesh.indexCount, GL_UNSIGNED_INT, nullptr,
                                        count);
                ++stats.shadowDrawCalls;
            }
        }
        glDisable(GL_POLYGON_OFFSET_FILL);
    }

    // The frame's uniforms (currentFrame and the matrices) on a lit program, which is in use.
    void setFrameUniforms(gpu::ShaderProgram& p) {
        const FrameParams& frame = *currentFrame;
        p.set("uViewProjection", currentViewProjection);
        p.set("uLightViewProjection", currentLightVp);
        p.set("uCameraPos", frame.camera.positionM);
        p.set("uSunDirection", glm::normalize(frame.sun.directionToSun));
        p.set("uSunRadiance", frame.sun.color * frame.sun.illuminance);
        p.set("uSkyZenith", frame.sky.zenithColor * frame.sky.intensity);
        p.set("uSkyGround", frame.sky.groundColor * frame.sky.intensity);
        p.set("uShadowsEnabled", currentShadows ? 1 : 0);
        p.set("uShadowTexelSize",
              shadowMap.size() > 0 ? 1.0f / static_cast<float>(shadowMap.size()) : 0.0f);
        const int lights =
                std::min<int>(static_cast<int>(frame.pointLights.size()), kMaxPointLights);
        p.set("uPointLightCount", lights);
        static const std::array<std::array<std::string, 3>, kMaxPointLights> names = [] {
            std::array<std::array<std::string, 3>, kMaxPointLights> n;
            for (int i = 0; i < kMaxPointLights; ++i) {
                std::string index(1, '[');
                index.append(std::to_string(i)).push_back(']');
                n[static_cast<std::size_t>(i)] = {std::string("uPointLightPos").append(index),
                                                  std::string("uPointLightIntensity").append(index),
                                                  std::string("uPointLightRange").append(index)};
            }
            return n;
        }();
        for (int i = 0; i < lights; ++i) {
            const PointLight& l = frame.pointLights[static_cast<std::size_t>(i)];
            const auto& name = names[static_cast<std::size_t>(i)];
            p.set(name[0].c_str(), l.positionM);
            p.set(name[1].c_str(), l.color * l.intensity);
            p.set(name[2].c_str(), std::max(l.rangeM, 0.01f));
        }
        const glm::vec3 n =
                currentSection ? glm::normalize(frame.section.normal) : glm::vec3(1, 0, 0);
        p.set("uSectionEnabled", currentSection ? 1 : 0);
        p.set("uSectionPlane", glm::vec4(n, -frame.section.offsetM));
        p.set("uSectionColor", frame.section.capColor);
        p.set("uBaseColorTexture", static_cast<int>(kUnitBaseColor));
        p.set("uMetallicRoughnessTexture", static_cast<int>(kUnitMetallicRoughness));
        p.set("uNormalTexture", static_cast<int>(kUnitNormal));
        p.set("uOcclusionTexture", static_cast<int>(kUnitOcclusion));
        p.set("uEmissiveTexture", static_cast<int>(kUnitEmissive));
        p.set("uShadowMap", static_cast<int>(kUnitShadow));
    }

    // Whether a mesh's opaque draws go through the depth pre-pass: not with masked materials
    // (cut-outs), and with prepassSingleOnly only meshes of one instance (the buildings and
    // ground that cover most pixels), not the repeated ones (saggars, small, drawn nearest
    // first, and hidden ones fail the depth test against the walls already in the pre-pass),
    // whose second vertex pass cost more on llvmpipe than the overdraw it saved.
    bool inPrepass(const GpuMesh& mesh, const GpuMaterial& mat) const {
        return mat.data.alphaMode != assets::AlphaMode::Mask && !isRepeated(mesh);
    }
    // Whether drawing the mesh costs more in vertices than its pixels could cost in overdraw:
    // more triangles than the pixels its instances' boxes cover on screen (a 1.6 M-triangle scan
    // filling a tenth of the picture). It then skips the depth pre-pass, whose second vertex
    // pass (on the calling thread on llvmpipe) would cost more than the shading it saves.
    bool vertexBound(const GpuModel& model, const GpuMesh& mesh, const std::vector<int>& indices,
                     const glm::mat4& viewProjection) const {
        const double triangles =
                static_cast<double>(mesh.indexCount / 3) * static_cast<double>(indices.size());
        double pixels = 0.0;
        for (int index : indices) {
            const InstanceRecord& inst = model.instances[static_cast<std::size_t>(index)];
            pixels += screenPixels(inst.worldMin, inst.worldMax, viewProjection);
            if (pixels >= triangles) {
                return false;
            }
        }
        return true;
    }

    // Pixels of the scene target covered by a world box's screen rectangle (all of them when
    // the box reaches the camera's plane).
    double screenPixels(const glm::vec3& lo, const glm::vec3& hi,
                        const glm::mat4& viewProjection) const {
        const double all = static_cast<double>(width) * static_cast<double>(height);
        glm::vec2 minNdc(std::numeric_limits<float>::max());
        glm::vec2 maxNdc(std::numeric_limits<float>::lowest());
        for (int c = 0; c < 8; ++c) {
            const glm::vec4 p =
                    viewProjection * glm::vec4((c & 1) ? hi.x : lo.x, (c & 2) ? hi.y : lo.y,
                                               (c & 4) ? hi.z : lo.z, 1.0f);
            if (p.w <= 1e-4f) {
                return all;
            }
            minNdc = glm::min(minNdc, glm::vec2(p) / p.w);
            maxNdc = glm::max(maxNdc, glm::vec2(p) / p.w);
        }
        minNdc = glm::clamp(minNdc, glm::vec2(-1.0f), glm::vec2(1.0f));
        maxNdc = glm::clamp(maxNdc, glm::vec2(-1.0f), glm::vec2(1.0f));
        const glm::vec2 size = (maxNdc - minNdc) * 0.5f;
        return static_cast<double>(size.x) * static_cast<double>(size.y) * all;
    }

    // A mesh of several instances, drawn after the pre-pass (with prepassSingleOnly).
    bool isRepeated(const GpuMesh& mesh) const {
        return prepassSingleOnly &&
               mesh.instances.size() >= static_cast<std::size_t>(kLodMinInstances);
    }

    // [SECTION] Occlusion culling
    // After the pre-pass of the walls and ground, their depth is read back and reduced to tiles
    // holding each tile's farthest depth; an instance of a repeated mesh whose bounding box lies
    // behind that in every tile it covers cannot show, and is not drawn (saggars inside a closed
    // kiln). Conservative and of the same frame: pictures do not change. Only where reading the
    // depth costs little (software rasterisers: a copy in memory; a GPU would stall).
    static constexpr int kOcclusionTile = 8; // pixels
    std::vector<float> depthScratch;
    std::vector<float> tileMaxDepth;
    int tilesX = 0;
    int tilesY = 0;
    glm::mat4 occlusionVp{1.0f};

    // Whether a shown model has a repeated mesh (otherwise there is nothing to test).
    bool anyRepeatedMesh() const {
        for (const GpuModel& model : models) {
            for (const GpuMesh& mesh : model.meshes) {
                if (model.visible && isRepeated(mesh)) {
                    return true;
                }
            }
        }
        return false;
    }

    bool readOcclusionDepth(const glm::mat4& viewProjection) {
        if (sceneTarget.samples() > 1 || width <= 0 || height <= 0) {
            return false; // a multisampled depth buffer cannot be read back
        }
        depthScratch.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        glReadPixels(0, 0, width, height, GL_DEPTH_COMPONENT, GL_FLOAT, depthScratch.data());
        tilesX = (width + kOcclusionTile - 1) / kOcclusionTile;
        tilesY = (height + kOcclusionTile - 1) / kOcclusionTile;
        tileMaxDepth.assign(static_cast<std::size_t>(tilesX) * static_cast<std::size_t>(tilesY),
                            0.0f);
        for (int y = 0; y < height; ++y) {
            const float* row = depthScratch.data() +
                               static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
            float* tiles = tileMaxDepth.data() + static_cast<std::size_t>(y / kOcclusionTile) *
                                                         static_cast<std::size_t>(tilesX);
            for (int x = 0; x < width; ++x) {
                float& t = tiles[x / kOcclusionTile];
                t = std::max(t, row[x]);
            }
        }
        occlusionVp = viewProjection;
        return true;
    }

    // Whether the instance's world box is behind the pre-pass depth wherever it would show.
    bool occluded(const InstanceRecord& inst) const {
        float minX = std::numeric_limits<float>::max(), minY = minX, minZ = minX;
        float maxX = std::numeric_limits<float>::lowest(), maxY = maxX;
        for (int c = 0; c < 8; ++c) {
            const glm::vec4 p =
                    occlusionVp * glm::vec4((c & 1) ? inst.worldMax.x : inst.worldMin.x,
                                            (c & 2) ? inst.worldMax.y : inst.worldMin.y,
                                            (c & 4) ? inst.worldMax.z : inst.worldMin.z, 1.0f);
            if (p.w <= 1e-4f) {
                return false; // reaches the camera's plane: treat as visible
            }
            const glm::vec3 ndc = glm::vec3(p) / p.w;
            minX = std::min(minX, ndc.x);
            maxX = std::max(maxX, ndc.x);
            minY = std::min(minY, ndc.y);
            maxY = std::max(maxY, ndc.y);
            minZ = std::min(minZ, ndc.z);
        }
        // Window coordinates, widened by a pixel each way (rasterisation rules, rounding).
        const auto toPixel = [](float ndc, int size) {
            return (ndc * 0.5f + 0.5f) * static_cast<float>(size);
        };
        const int x0 = std::max(0, static_cast<int>(std::floor(toPixel(minX, width))) - 1);
        const int x1 = std::min(width - 1, static_cast<int>(std::ceil(toPixel(maxX, width))) + 1);
        const int y0 = std::max(0, static_cast<int>(std::floor(toPixel(minY, height))) - 1);
        const int y1 = std::min(height - 1, static_cast<int>(std::ceil(toPixel(maxY, height))) + 1);
        if (x0 > x1 || y0 > y1) {
            return false;
        }
        const float nearestDepth = minZ * 0.5f + 0.5f - 1e-5f; // a margin for depth precision
        for (int ty = y0 / kOcclusionTile; ty <= y1 / kOcclusionTile; ++ty) {
            for (int tx = x0 / kOcclusionTile; tx <= x1 / kOcclusionTile; ++tx) {
                if (tileMaxDepth[static_cast<std::size_t>(ty) * static_cast<std::size_t>(tilesX) +
                                 static_cast<std::size_t>(tx)] >= nearestDepth) {
                    return false;
                }
            }
        }
        return true;
    }

    struct OpaqueItem {
        const GpuMaterial* material;
        gpu::VertexArray* vao;
        GLsizei indexCount; // of the mesh or of its level of detail
        GLsizei count;
        bool prepass; // drawn in the depth pre-pass (prepassScope)
    };
    // A visible instance: its level of detail, squared distance and index, in drawing order.
    struct LodOrder {
        int level;
        float distance2;
        int index;
        bool operator<(const LodOrder& o) const {
            return level != o.level           ? level < o.level
                   : distance2 != o.distance2 ? distance2 < o.distance2
                                              : index < o.index;
        }
    };
    std::vector<LodOrder> lodOrder;
    std::vector<OpaqueItem> opaque;

    struct TransparentItem {
        float distance;
        GpuModel* model;
        GpuMesh* mesh;
        std::size_t instanceSlot; // position in the mesh's visible buffer
    };

    std::vector<TransparentItem> transparent;

    // The level of detail for one instance: the coarsest whose error, at the distance of the
    // instance's nearest point, covers at most lodPixelError pixels (metresPerPixelAt1M: the
    // size of a scene-target pixel one metre in front of the camera).
    int lodLevel(const GpuMesh& mesh, const InstanceRecord& inst, const glm::vec3& eye,
                 float metresPerPixelAt1M) const {
        const glm::vec3 nearest = glm::clamp(eye, inst.worldMin, inst.worldMax);
        const float allowedM =
                glm::distance(nearest, eye) * metresPerPixelAt1M * desc.lodPixelError;
        const glm::mat4& m = inst.gpu.model;
        const float scale = std::max({glm::length(glm::vec3(m[0])), glm::length(glm::vec3(m[1])),
                                      glm::length(glm::vec3(m[2]))});
        int level = 0;
        for (std::size_t k = 0; k < mesh.lods.size(); ++k) {
            if (mesh.lods[k].errorM * scale > allowedM) {
                break;
            }
            level = static_cast<int>(k) + 1;
        }
        return level;
    }

    // The depth pre-pass of the opaque items marked for it (OpaqueItem::prepass).
    void depthPrepass(const glm::mat4& viewProjection) {
        glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
        shadow.use();
        shadow.set("uLightViewProjection", viewProjection);
        for (const OpaqueItem& item : opaque) {
            if (!item.prepass) {
                continue;
            }
            if (item.material->data.doubleSided) {
                glDisable(GL_CULL_FACE);
            } else {
                glEnable(GL_CULL_FACE);
            }
            item.vao->bind();
            glDrawElementsInstanced(GL_TRIANGLES, item.indexCount, GL_UNSIGNED_INT, nullptr,
                                    item.count);
            ++stats.prepassDrawCalls;
        }
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        passDone(stats.passTimes.prepassMs);
    }

    void opaqueAndTransparentPasses(const FrameParams& frame, const glm::mat4& viewProjection) {
        const Frustum frustum(viewProjection);
        const float metresPerPixelAt1M = 2.0f *
                                         std::tan(glm::radians(frame.camera.fovYDeg) * 0.5f) /
                                         static_cast<float>(std::max(height, 1));
        const bool section = frame.section.enabled;
        transparent.clear();
        opaque.clear();
        // Depth pre-pass: on a software rasteriser each pixel of the walls and ground is then
        // shaded once. Masked materials (cut-outs) and sections keep one pass.
        const bool prepass = desc.depthPrepass && !section && shadow.valid() && !fallback;
        bool occlusionReady = false;
        // Phase 0: the meshes drawn once, which may be in the pre-pass and occlude; phase 1: the
        // repeated ones, tested against the pre-pass's depth where occlusion culling is on.
        for (int phase = 0; phase < 2; ++phase) {
            if (phase == 1 && prepass) {
                depthPrepass(viewProjection);
                occlusionReady = occlusionCulling && prepassSingleOnly &&
                                 stats.prepassDrawCalls > 0 && anyRepeatedMesh() &&
                                 readOcclusionDepth(viewProjection);
            }
            for (GpuModel& model : models) {
                if (!model.visible) {
                    continue;
                }
                for (GpuMesh& mesh : model.meshes) {
                    if (mesh.instances.empty() || isRepeated(mesh) != (phase == 1)) {
                        continue;
                    }
                    // Visible instances, nearest first: on a software rasteriser early depth
                    // rejection then skips most hidden fragments of densely packed settings.
                    order.clear();
                    for (int index : mesh.instances) {
                        const InstanceRecord& inst =
                                model.instances[static_cast<std::size_t>(index)];
                        if (!inst.visible || !frustum.intersects(inst.worldMin, inst.worldMax)) {
                            continue;
                        }
                        if (occlusionReady && occluded(inst)) {
                            ++stats.instancesOccluded;
                            continue;
                        }
                        const glm::vec3 d =
                                (inst.worldMin + inst.worldMax) * 0.5f - frame.camera.positionM;
                        order.emplace_back(glm::dot(d, d), index);
                    }
                    std::sort(order.begin(), order.end());
                    visibleIndices.clear();
                    for (const auto& [distance, index] : order) {
                        visibleIndices.push_back(index);
                    }
                    const std::size_t drawn = visibleIndices.size();
                    stats.instancesCulled += mesh.instances.size() -
                                             static_cast<std::size_t>(mesh.hiddenCount) - drawn;
                    if (drawn == 0) {
                        continue;
                    }
                    const GpuMaterial& mat =
                            model.materials[static_cast<std::size_t>(mesh.materialIndex)];
                    const bool blend = mat.data.alphaMode == assets::AlphaMode::Blend;
                    if (!blend && !mesh.lods.empty() && desc.lodPixelError > 0.0f) {
                        addLodItems(model, mesh, mat, frame.camera.positionM, metresPerPixelAt1M);
                        continue;
                    }
                    gpu::VertexArray* vao = &mesh.vaoAll;
                    if (blend || drawn > 1 || drawn != mesh.instances.size()) {
                        // (Blended instances are drawn one by one from this buffer, sorted.)
                        uploadVisible(model, mesh, visibleIndices);
                        vao = &mesh.vaoVisible;
                    } else if (mesh.allDirty) {
                        uploadAllInstances(model, mesh);
                    }
                    if (blend) {
                        const glm::vec4 localCentre((mesh.localMin + mesh.localMax) * 0.5f, 1.0f);
                        for (std::size_t i = 0; i < drawn; ++i) {
                            const InstanceRecord& inst =
                                    model.instances[static_cast<std::size_t>(visibleIndices[i])];
                            const glm::vec3 centre = glm::vec3(inst.gpu.model * localCentre);
                            transparent.push_back({glm::length(centre - frame.camera.positionM),
                                                   &model, &mesh, i});
                        }
                        continue;
                    }
                    opaque.push_back(
                            {&mat, vao, mesh.indexCount, static_cast<GLsizei>(drawn),
                             inPrepass(mesh, mat) &&
                                     !vertexBound(model, mesh, visibleIndices, viewProjection)});
                }
            }
        }
        const GpuMaterial* current = nullptr;
        for (const OpaqueItem& item : opaque) {
            if (item.material != current) { // meshes of one material often follow each other
                setMaterial(useLit(*item.material), *item.material);
                current = item.material;
            }
            const bool depthDone = prepass && item.prepass;
            glDepthFunc(depthDone ? GL_LEQUAL : GL_LESS);
            glDepthMask(depthDone ? GL_FALSE : GL_TRUE);
            if (section) {
                glDisable(GL_CULL_FACE); // back faces show the cut
            }
            item.vao->bind();
            glDrawElementsInstanced(GL_TRIANGLES, item.indexCount, GL_UNSIGNED_INT, nullptr,
                                    item.count);
            ++stats.drawCalls;
            stats.instancesDrawn += static_cast<std::size_t>(item.count);
            stats.triangles += static_cast<std::size_t>(item.indexCount) / 3u *
                               static_cast<std::size_t>(item.count);
        }
        glDepthFunc(GL_LESS);
        glDepthMask(GL_TRUE);
        passDone(stats.passTimes.opaqueMs);
        if (transparent.empty()) {
            return;
        }
        std::sort(transparent.begin(), transparent.end(),
                  [](const TransparentItem& a, const TransparentItem& b) {
                      return a.distance > b.distance; // back to front
                  });
        glEnable(GL_BLEND);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
        glDepthMask(GL_FALSE);
        for (const TransparentItem& item : transparent) {
            const GpuMaterial& mat =
                    item.model->materials[static_cast<std::size_t>(item.mesh->materialIndex)];
            setMaterial(useLit(mat), mat);
            pointVisibleAt(*item.mesh, item.instanceSlot);
            item.mesh->vaoVisible.bind();
            glDrawElementsInstanced(GL_TRIANGLES, item.mesh->indexCount, GL_UNSIGNED_INT, nullptr,
                                    1);
            ++stats.drawCalls;
            ++stats.instancesDrawn;
            stats.triangles += static_cast<std::size_t>(item.mesh->indexCount) / 3u;
        }
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
        passDone(stats.passTimes.transparentMs);
    }

    // Draw items of an opaque mesh with levels of detail: its visible instances (visibleIndices,
    // nearest first) grouped by level into one run of the visible-instance buffer each, nearest
    // first within a run; one item (one draw) per level that has instances.
    void addLodItems(const GpuModel& model, GpuMesh& mesh, const GpuMaterial& mat,
                     const glm::vec3& eye, float metresPerPixelAt1M) {
        lodOrder.clear();
        for (const auto& [distance2, index] : order) {
            const InstanceRecord& inst = model.instances[static_cast<std::size_t>(index)];
            lodOrder.push_back({lodLevel(mesh, inst, eye, metresPerPixelAt1M), distance2, index});
        }
        std::sort(lodOrder.begin(), lodOrder.end());
        visibleIndices.clear();
        for (const LodOrder& o : lodOrder) {
            visibleIndices.push_back(o.index);
        }
        uploadVisible(model, mesh, visibleIndices);
        std::size_t first = 0;
        while (first < lodOrder.size()) {
            const int level = lodOrder[first].level;
            std::size_t end = first;
            while (end < lodOrder.size() && lodOrder[end].level == level) {
                ++end;
            }
            const auto count = static_cast<GLsizei>(end - first);
            if (level == 0) {
                opaque.push_back(
                        {&mat, &mesh.vaoVisible, mesh.indexCount, count, inPrepass(mesh, mat)});
            } else {
                GpuLod& lod = mesh.lods[static_cast<std::size_t>(level - 1)];
                if (lod.layoutSlot != first) {
                    bindInstanceLayout(lod.vao, mesh.visibleInstances, first);
                    lod.layoutSlot = first;
                }
                opaque.push_back({&mat, &lod.vao, lod.indexCount, count, inPrepass(mesh, mat)});
                stats.lodInstances += end - first;
            }
            first = end;
        }
    }

    void fullscreenTriangle() {
        emptyVao.bind();
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }

    // Whether the first bloom level (just drawn, bound) is black: nothing in the frame is above
    // the threshold's soft knee, every level would stay black and the bloom would add exactly
    // zero. Read back on software rasterisers only, where the copy is in memory and the next
    // pass would wait for this one anyway; a GPU would stall.
    bool firstBloomLevelBlack() {
        const gpu::Framebuffer& level = bloomLevels[0];
        bloomScratch.resize(static_cast<std::size_t>(level.width()) *
                            static_cast<std::size_t>(level.height()) * 4u);
        glPixelStorei(GL_PACK_ALIGNMENT, 2);
        glReadPixels(0, 0, level.width(), level.height(), GL_RGBA, GL_HALF_FLOAT,
                     bloomScratch.data());
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        for (std::size_t i = 0; i < bloomScratch.size(); i += 4) {
            // rgb, not alpha (written as 1); either zero (0x0000 or 0x8000) counts as black.
            if (((bloomScratch[i] | bloomScratch[i + 1] | bloomScratch[i + 2]) & 0x7fffu) != 0) {
                return false;
            }
        }
        return true;
    }
    std::vector<std::uint16_t> bloomScratch;

    // Downsamples the HDR image into the bloom chain, then adds each level onto the next larger.
    // Returns false (and draws nothing after the first level) when the first level is black on
    // a software rasteriser: the frame then has no bloom at all.
    bool bloomPass(const gpu::Framebuffer& source, float threshold) {
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
        glDisable(GL_CLIP_DISTANCE0);
        glActiveTexture(GL_TEXTURE0);
        for (std::size_t i = 0; i < bloomLevels.size(); ++i) {
            const gpu::Framebuffer& from = i == 0 ? source : bloomLevels[i - 1];
            gpu::ShaderProgram& program = i == 0 ? bloomFirst : bloomDown;
            program.use();
            program.set("uSource", 0);
            if (i == 0) {
                program.set("uThreshold", threshold);
            }
            bloomLevels[i].bind();
            glBindTexture(GL_TEXTURE_2D, from.colorTexture());
            // From full to quarter resolution the 13 taps spread twice as far, so that they
            // cover the 4x4 source pixels of each target pixel.
            const float spread = i == 0 ? static_cast<float>(bloomDivisor) * 0.5f : 1.0f;
            program.set("uSourceTexel", glm::vec2(spread / static_cast<float>(from.width()),
                                                  spread / static_cast<float>(from.height())));
            fullscreenTriangle();
            if (i == 0 && software && firstBloomLevelBlack()) {
                ++stats.bloomSkipped;
                return false;
            }
        }
        bloomUp.use();
        bloomUp.set("uSource", 0);
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE);
        for (std::size_t i = bloomLevels.size() - 1; i > 0; --i) {
            bloomLevels[i - 1].bind();
            glBindTexture(GL_TEXTURE_2D, bloomLevels[i].colorTexture());
            bloomUp.set("uSourceTexel",
                        glm::vec2(1.0f / static_cast<float>(bloomLevels[i].width()),
                                  1.0f / static_cast<float>(bloomLevels[i].height())));
            fullscreenTriangle();
        }
        glDisable(GL_BLEND);
        return true;
    }
};

Renderer::Renderer() : mImpl(std::make_unique<Impl>()) {}
Renderer::~Renderer() = default;

core::Result<std::unique_ptr<Renderer>> Renderer::create(const RendererDesc& desc) {
    auto renderer = std::unique_ptr<Renderer>(new Renderer());
    Impl& impl = *renderer->mImpl;
    impl.desc = desc;
    // Diagnostic override for A/B measurements and image comparisons of whole programs
    // (docs/performance.md): KILN_RENDER_LOD_PIXEL_ERROR=0 draws every mesh at full detail.
    if (const char* lod = std::getenv("KILN_RENDER_LOD_PIXEL_ERROR"); lod != nullptr && *lod) {
        impl.desc.lodPixelError = std::max(0.0f, std::strtof(lod, nullptr));
    }
    impl.occlusionCulling =
            desc.occlusionCulling == 1 || (desc.occlusionCulling < 0 && softwareRasteriser());
    if (const char* occ = std::getenv("KILN_RENDER_OCCLUSION"); occ != nullptr && *occ) {
        impl.occlusionCulling = std::string(occ) == "1";
    }
    if (const char* scope = std::getenv("KILN_RENDER_PREPASS_SCOPE"); scope != nullptr) {
        impl.prepassSingleOnly = std::string(scope) != "all";
    }
    if (const char* bg = std::getenv("KILN_RENDER_LOD_BACKGROUND"); bg != nullptr && *bg) {
        impl.desc.lodInBackground = std::string(bg) == "1";
    }
    if (const char* timing = std::getenv("KILN_RENDER_PASS_TIMES"); timing != nullptr) {
        impl.passTiming = std::string(timing) == "1";
    }
    impl.software = desc.softwarePaths == 1 || (desc.softwarePaths < 0 && softwareRasteriser());
    // The plainest lit variant is built now: if it fails, every variant is the error shader.
    auto lit = impl.loadProgram("lit.vert.glsl", "lit.frag.glsl", Impl::litDefines(0));
    if (!lit) {
        core::logError("render", lit.error().message + "; drawing with the error shader");
        lit = gpu::ShaderProgram::build(
                {kErrorVertex, kErrorFragment, "built-in error shader", "built-in error shader"});
        if (!lit) {
            return lit.error();
        }
        impl.fallback = true;
    }
    Impl::LitVariant plain;
    plain.program = std::move(lit.value());
    plain.loc = Impl::findMaterialLocations(plain.program);
    impl.litVariants.emplace(0u, std::move(plain));
    auto shadow = impl.loadProgram("shadow.vert.glsl", "shadow.frag.glsl");
    if (shadow) {
        impl.shadow = std::move(shadow.value());
        auto map = gpu::DepthTarget::create(desc.shadowMapSize, "shadow map");
        if (map) {
            impl.shadowMap = std::move(map.value());
        } else {
            core::logError("render", map.error().message + "; shadows are off");
        }
    } else {
        core::logError("render", shadow.error().message + "; shadows are off");
    }
    auto first = impl.loadProgram("fullscreen.vert.glsl", "bloom_downsample.frag.glsl",
                                  "#define KILN_BLOOM_FIRST_LEVEL 1\n");
    auto down = impl.loadProgram("fullscreen.vert.glsl", "bloom_downsample.frag.glsl",
                                 "#define KILN_BLOOM_FIRST_LEVEL 0\n");
    auto up = impl.loadProgram("fullscreen.vert.glsl", "bloom_upsample.frag.glsl");
    if (first && down && up) {
        impl.bloomFirst = std::move(first.value());
        impl.bloomDown = std::move(down.value());
        impl.bloomUp = std::move(up.value());
        impl.bloomAvailable = true;
    } else {
        core::logError("render", (!first  ? first.error()
                                  : !down ? down.error()
                                          : up.error())
                                                 .message +
                                         "; bloom is off");
    }
    // At render scale 1 the scene target has the output's size: the pass reads its texels.
    const bool sameSize = std::clamp(desc.renderScale, 0.25f, 1.0f) == 1.0f;
    const std::string tonemapDefines = sameSize ? "#define KILN_HDR_SAME_SIZE 1\n" : "";
    auto tonemap = impl.loadProgram("fullscreen.vert.glsl", "tonemap.frag.glsl", tonemapDefines);
    if (tonemap) {
        // Without it frames without bloom use the full program with a strength of zero.
        if (auto noBloom = impl.loadProgram("fullscreen.vert.glsl", "tonemap.frag.glsl",
                                            tonemapDefines + "#define KILN_NO_BLOOM 1\n")) {
            impl.tonemapNoBloom = std::move(noBloom.value());
        }
    }
    if (!tonemap) {
        core::logError("render", tonemap.error().message + "; using the built-in tone curve");
        tonemap = gpu::ShaderProgram::build(
                {kFallbackFullscreen, kFallbackTonemap, "built-in fullscreen", "built-in tonemap"});
        if (!tonemap) {
            return tonemap.error();
        }
    }
    impl.tonemap = std::move(tonemap.value());
    impl.white = gpu::Texture::fromImage(core::makeSolidImage(1, 1, 255, 255, 255),
                                         {false, false, true, 1.0f, "white"});
    impl.flatNormal = gpu::Texture::fromImage(core::makeSolidImage(1, 1, 128, 128, 255),
                                              {false, false, true, 1.0f, "flat normal"});
    impl.checker = gpu::Texture::fromImage(core::makeCheckerImage(64, 8),
                                           {true, true, true, 1.0f, "checker"});
    impl.emptyVao = gpu::VertexArray::create();
    return renderer;
}

// [SECTION] Models and instances
ModelHandle Renderer::addModel(const assets::ModelData& model) {
    Impl& impl = *mImpl;
    GpuModel gm;
    for (const auto& mat : model.materials) {
        GpuMaterial g;
        g.data = mat;
        g.baseColor = impl.texture(mat.baseColorTexture, true, model, &impl.white, gm);
        g.metallicRoughness =
                impl.texture(mat.metallicRoughnessTexture, false, model, &impl.white, gm);
        g.normal = impl.texture(mat.normalTexture, false, model, &impl.flatNormal, gm);
        g.occlusion = impl.texture(mat.occlusionTexture, false, model, &impl.white, gm);
        g.emissive = impl.texture(mat.emissiveTexture, true, model, &impl.white, gm);
        g.litFeatures = impl.litFeatures(g);
        impl.holdLitVariant(g.litFeatures);
        gm.materials.push_back(g);
    }
    // Levels of detail only pay for meshes drawn many times (saggar columns, repeated parts).
    std::vector<int> instancesOfMesh(model.meshes.size(), 0);
    for (const auto& inst : model.instances) {
        if (inst.meshIndex >= 0 && inst.meshIndex < static_cast<int>(model.meshes.size())) {
            ++instancesOfMesh[static_cast<std::size_t>(inst.meshIndex)];
        }
    }
    std::vector<const assets::MeshData*> lodMeshes; // meshes to build levels of detail for
    std::vector<std::size_t> lodMeshIndices;
    std::size_t meshIndex = 0;
    for (const auto& mesh : model.meshes) {
        GpuMesh g;
        g.vertices = gpu::Buffer::fromSpan(GL_ARRAY_BUFFER, std::span(mesh.vertices));
        g.indices = gpu::Buffer::fromSpan(GL_ELEMENT_ARRAY_BUFFER, std::span(mesh.indices));
        g.allInstances = gpu::Buffer(GL_ARRAY_BUFFER, {}, GL_DYNAMIC_DRAW);
        g.visibleInstances = gpu::Buffer(GL_ARRAY_BUFFER, {}, GL_STREAM_DRAW);
        g.vaoAll = gpu::VertexArray::create();
        g.vaoVisible = gpu::VertexArray::create();
        bindVertexLayout(g.vaoAll, g.vertices, g.indices);
        bindVertexLayout(g.vaoVisible, g.vertices, g.indices);
        bindInstanceLayout(g.vaoAll, g.allInstances, 0);
        bindInstanceLayout(g.vaoVisible, g.visibleInstances, 0);
        glBindVertexArray(0);
        g.indexCount = static_cast<GLsizei>(mesh.indices.size());
        g.materialIndex = std::clamp(mesh.materialIndex, 0,
                                     std::max(0, static_cast<int>(gm.materials.size()) - 1));
        g.localMin = mesh.boundsMin;
        g.localMax = mesh.boundsMax;
        if (impl.desc.lodPixelError > 0.0f && instancesOfMesh[meshIndex] >= kLodMinInstances) {
            lodMeshes.push_back(&mesh);
            lodMeshIndices.push_back(meshIndex);
        }
        ++meshIndex;
        gm.meshes.push_back(std::move(g));
    }
    for (const auto& inst : model.instances) {
        if (inst.meshIndex < 0 || inst.meshIndex >= static_cast<int>(gm.meshes.size())) {
            continue;
        }
        InstanceRecord rec;
        rec.meshIndex = inst.meshIndex;
        rec.gpu.model = inst.transform;
        rec.gpu.emissive = glm::vec4(0.0f, 0.0f, 0.0f, 1.0f);
        GpuMesh& mesh = gm.meshes[static_cast<std::size_t>(inst.meshIndex)];
        transformBox(inst.transform, mesh.localMin, mesh.localMax, rec.worldMin, rec.worldMax);
        gm.worldMin = glm::min(gm.worldMin, rec.worldMin);
        gm.worldMax = glm::max(gm.worldMax, rec.worldMax);
        mesh.instances.push_back(static_cast<int>(gm.instances.size()));
        gm.instances.push_back(rec);
    }
    for (GpuMesh& mesh : gm.meshes) {
        impl.uploadAllInstances(gm, mesh);
    }
    impl.shadowDirty = true;
    gm.serial = impl.nextSerial++;
    const std::uint64_t serial = gm.serial;
    // A removed model's slot is reused, so a kiosk that swaps scenes for weeks does not grow.
    ModelHandle handle = static_cast<ModelHandle>(impl.models.size());
    for (std::size_t i = 0; i < impl.models.size(); ++i) {
        if (!impl.models[i].live) {
            handle = static_cast<ModelHandle>(i);
            break;
        }
    }
    if (handle == static_cast<ModelHandle>(impl.models.size())) {
        impl.models.push_back(std::move(gm));
    } else {
        impl.models[static_cast<std::size_t>(handle)] = std::move(gm);
    }
    if (!lodMeshes.empty()) {
        impl.lodBuilder.build(serial, lodMeshes, lodMeshIndices, impl.desc.lodInBackground);
        impl.adoptLods(); // the levels built here, when not in the background
    }
    impl.refreshBufferBytes();
    return handle;
}

void Renderer::removeModel(ModelHandle model) {
    Impl& impl = *mImpl;
    if (model < 0 || model >= static_cast<int>(impl.models.size()) ||
        !impl.models[static_cast<std::size_t>(model)].live) {
        core::logWarning("render", "removeModel: " + std::to_string(model) +
                                           " is not a model of this renderer; ignored");
        return;
    }
    GpuModel& gm = impl.models[static_cast<std::size_t>(model)];
    impl.lodBuilder.cancel(gm.serial);
    impl.releaseTextures(gm);
    for (const GpuMaterial& mat : gm.materials) {
        impl.releaseLitVariant(mat.litFeatures);
    }
    gm = GpuModel{}; // frees its buffers and vertex arrays (the GL context must be current)
    gm.live = false;
    gm.visible = false;
    // Trailing free slots are dropped outright; the others are reused by addModel.
    while (!impl.models.empty() && !impl.models.back().live) {
        impl.models.pop_back();
    }
    impl.refreshBufferBytes();
    impl.shadowDirty = true;
}

void Renderer::setModelVisible(ModelHandle model, bool visible) {
    if (model >= 0 && model < static_cast<int>(mImpl->models.size()) &&
        mImpl->models[static_cast<std::size_t>(model)].live) {
        GpuModel& m = mImpl->models[static_cast<std::size_t>(model)];
        // Only a change of something that casts shadows invalidates the cached shadow map (the
        // app sets visibility every frame from layers and views).
        if (m.visible != visible && m.castsShadows) {
            mImpl->shadowDirty = true;
        }
        m.visible = visible;
    }
}

void Renderer::setInstanceEmissive(ModelHandle model, int instanceIndex,
                                   const glm::vec3& radiance) {
    GpuModel* owner = nullptr;
    InstanceRecord* rec = mImpl->instanceAt(model, instanceIndex, &owner);
    const glm::vec4 value(radiance, 1.0f);
    if (rec != nullptr && rec->gpu.emissive != value) {
        rec->gpu.emissive = value;
        GpuMesh& mesh = owner->meshes[static_cast<std::size_t>(rec->meshIndex)];
        mesh.allDirty = true;
        mesh.visibleDirty = true;
    }
}

void Renderer::setInstanceVisible(ModelHandle model, int instanceIndex, bool visible) {
    GpuModel* owner = nullptr;
    InstanceRecord* rec = mImpl->instanceAt(model, instanceIndex, &owner);
    if (rec != nullptr && rec->visible != visible) {
        rec->visible = visible;
        owner->meshes[static_cast<std::size_t>(rec->meshIndex)].hiddenCount += visible ? -1 : 1;
        if (owner->castsShadows) { // smoke and flames blink every frame and cast no shadow
            mImpl->shadowDirty = true;
        }
    }
}

void Renderer::setInstanceTint(ModelHandle model, int instanceIndex, const glm::vec4& tint) {
    GpuModel* owner = nullptr;
    InstanceRecord* rec = mImpl->instanceAt(model, instanceIndex, &owner);
    if (rec != nullptr && rec->gpu.tint != tint) {
        rec->gpu.tint = tint;
        GpuMesh& mesh = owner->meshes[static_cast<std::size_t>(rec->meshIndex)];
        mesh.allDirty = true;
        mesh.visibleDirty = true;
    }
}

void Renderer::setInstanceTransform(ModelHandle model, int instanceIndex,
                                    const glm::mat4& transform) {
    GpuModel* owner = nullptr;
    InstanceRecord* rec = mImpl->instanceAt(model, instanceIndex, &owner);
    if (rec == nullptr || rec->gpu.model == transform) {
        return;
    }
    rec->gpu.model = transform;
    GpuMesh& mesh = owner->meshes[static_cast<std::size_t>(rec->meshIndex)];
    transformBox(transform, mesh.localMin, mesh.localMax, rec->worldMin, rec->worldMax);
    // The shadow frustum is fitted to the models' bounds: a caster moved beyond them widens it.
    owner->worldMin = glm::min(owner->worldMin, rec->worldMin);
    owner->worldMax = glm::max(owner->worldMax, rec->worldMax);
    mesh.allDirty = true;
    mesh.visibleDirty = true;
    if (owner->castsShadows) {
        mImpl->shadowDirty = true;
    }
}

void Renderer::setModelCastsShadows(ModelHandle model, bool casts) {
    if (model >= 0 && model < static_cast<int>(mImpl->models.size()) &&
        mImpl->models[static_cast<std::size_t>(model)].live) {
        GpuModel& m = mImpl->models[static_cast<std::size_t>(model)];
        if (m.castsShadows != casts) {
            mImpl->shadowDirty = true;
        }
        m.castsShadows = casts;
    }
}

int Renderer::instanceCount(ModelHandle model) const {
    if (model < 0 || model >= static_cast<int>(mImpl->models.size())) {
        return 0;
    }
    return static_cast<int>(mImpl->models[static_cast<std::size_t>(model)].instances.size());
}

void Renderer::clearModels() {
    for (const GpuModel& m : mImpl->models) {
        mImpl->lodBuilder.cancel(m.serial);
        for (const GpuMaterial& mat : m.materials) {
            mImpl->releaseLitVariant(mat.litFeatures);
        }
    }
    mImpl->shadowDirty = true;
    mImpl->models.clear();
    mImpl->textureCache.clear();
    mImpl->stats.textureBytes = 0;
    mImpl->stats.bufferBytes = 0;
}

// [SECTION] Frame: shadow pass, opaque pass, transparent pass, bloom, tonemap
void Renderer::render(const FrameParams& frame, const gpu::Framebuffer* output, int width,
                      int height) {
    Impl& impl = *mImpl;
    impl.stats.drawCalls = 0;
    impl.stats.shadowDrawCalls = 0;
    impl.stats.prepassDrawCalls = 0;
    impl.stats.triangles = 0;
    impl.stats.instancesDrawn = 0;
    impl.stats.instancesCulled = 0;
    impl.stats.lodInstances = 0;
    impl.stats.instancesOccluded = 0;
    impl.stats.bloomSkipped = 0;
    impl.stats.passTimes = {};
    if (impl.passTiming) {
        glFinish();
        impl.passStart = std::chrono::steady_clock::now();
    }
    if (width <= 0 || height <= 0) {
        return;
    }
    impl.adoptLods(); // levels finished on the worker thread since the last frame
    // The scene may be shaded at a fraction of the output's resolution (a software rasteriser's
    // cost is per pixel); the tonemap pass scales it up with linear filtering.
    const float scale = std::clamp(impl.desc.renderScale, 0.25f, 1.0f);
    impl.ensureTargets(
            std::max(1, static_cast<int>(std::lround(static_cast<float>(width) * scale))),
            std::max(1, static_cast<int>(std::lround(static_cast<float>(height) * scale))));
    if (impl.sceneTarget.id() == 0) {
        return;
    }
    const float aspect = static_cast<float>(width) / static_cast<float>(height);
    const glm::mat4 projection = glm::perspective(glm::radians(frame.camera.fovYDeg), aspect,
                                                  frame.camera.nearM, frame.camera.farM);
    const glm::mat4 viewProjection = projection * frame.camera.view;
    const glm::mat4 lightVp = impl.lightViewProjection(frame.sun.directionToSun);

    const bool shadows = frame.shadows && impl.shadowMap.size() > 0 && !impl.fallback;
    if (shadows && (impl.shadowDirty || lightVp != impl.shadowLightVp)) {
        impl.shadowPass(lightVp);
        impl.shadowDirty = false;
        impl.shadowLightVp = lightVp;
        impl.passDone(impl.stats.passTimes.shadowMs);
    }

    impl.sceneTarget.bind();
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDisable(GL_BLEND);
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
    glDisable(GL_FRAMEBUFFER_SRGB); // the tonemap pass encodes sRGB itself
    glClearColor(frame.clearColor.r, frame.clearColor.g, frame.clearColor.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    impl.passDone(impl.stats.passTimes.clearMs);
    ++impl.frameNumber; // lit variants get this frame's uniforms when first used
    impl.currentFrame = &frame;
    impl.currentViewProjection = viewProjection;
    impl.currentLightVp = lightVp;
    impl.currentShadows = shadows;
    impl.currentSection = frame.section.enabled && glm::length(frame.section.normal) > 0.0f;
    if (impl.currentSection) {
        glEnable(GL_CLIP_DISTANCE0);
    } else {
        glDisable(GL_CLIP_DISTANCE0);
    }
    FrameParams effective = frame;
    effective.shadows = shadows;
    if (impl.shadowMap.size() > 0) {
        impl.shadowMap.bindTexture(kUnitShadow);
    }
    impl.opaqueAndTransparentPasses(effective, viewProjection);
    glDisable(GL_CLIP_DISTANCE0);
    glBindVertexArray(0);

    if (impl.resolveTarget.id() != 0) {
        impl.sceneTarget.blitTo(&impl.resolveTarget);
    }
    const gpu::Framebuffer& hdr = impl.hdrSource();
    bool bloom = impl.bloomAvailable && frame.bloomStrength > 0.0f && !impl.bloomLevels.empty();
    if (bloom) {
        bloom = impl.bloomPass(hdr, frame.bloomThreshold);
        impl.passDone(impl.stats.passTimes.bloomMs);
    }

    if (output != nullptr) {
        output->bind();
    } else {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, width, height);
    }
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_BLEND);
    gpu::ShaderProgram& tonemap =
            !bloom && impl.tonemapNoBloom.valid() ? impl.tonemapNoBloom : impl.tonemap;
    tonemap.use();
    tonemap.set("uHdr", 0);
    tonemap.set("uBloom", 1);
    tonemap.set("uExposure", frame.exposure);
    // A chain from quarter resolution sums one level fewer (the sharpest): 6/5 keeps the glow's
    // overall strength about the same.
    const float bloomGain = impl.bloomDivisor == 4 ? 6.0f / 5.0f : 1.0f;
    tonemap.set("uBloomStrength", bloom ? frame.bloomStrength * bloomGain : 0.0f);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, hdr.colorTexture());
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, bloom ? impl.bloomLevels[0].colorTexture() : impl.white.id());
    impl.fullscreenTriangle();
    impl.passDone(impl.stats.passTimes.tonemapMs);
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
    glEnable(GL_DEPTH_TEST);
    impl.refreshBufferBytes(); // visible-instance buffers may have grown
}

void Renderer::finishLevelsOfDetail() {
    mImpl->lodBuilder.waitIdle();
    mImpl->adoptLods();
}

bool Renderer::levelsOfDetailPending() const {
    return !mImpl->lodBuilder.idle();
}

bool Renderer::usingFallbackShader() const {
    return mImpl->fallback;
}

const RenderStats& Renderer::stats() const {
    return mImpl->stats;
}

} // namespace kiln::render
