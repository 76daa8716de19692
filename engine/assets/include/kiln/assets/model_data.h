// Plain CPU-side model data produced by the importer and consumed by scene and render:
// meshes, PBR materials, and the node hierarchy flattened into mesh instances. No GL here.
#pragma once

#include <glm/glm.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kiln::assets {

class ImageDecodeBatch; // image_io.h

struct Vertex {
    glm::vec3 position{0.0f};
    glm::vec3 normal{0.0f, 1.0f, 0.0f};
    glm::vec2 uv{0.0f};  // first texture coordinate set
    glm::vec2 uv1{0.0f}; // second set (occlusion maps often use it); copy of uv when absent
    glm::vec4 color{1.0f};
    glm::vec4 tangent{1.0f, 0.0f, 0.0f, 1.0f}; // xyz tangent, w handedness of the bitangent
};

struct MeshData {
    std::string name;
    std::vector<Vertex> vertices;
    std::vector<std::uint32_t> indices; // triangles
    int materialIndex = 0;
    glm::vec3 boundsMin{0.0f};
    glm::vec3 boundsMax{0.0f};
};

enum class AlphaMode { Opaque, Mask, Blend };

// A texture used by a material: an absolute file path or "embedded:N"
// (ModelData::embeddedTextures[N]); empty when the material has none. uvSet is 0 or 1.
struct TextureRef {
    std::string source;
    int uvSet = 0;
    bool empty() const { return source.empty(); }
};

// glTF-style metallic-roughness material.
struct MaterialData {
    std::string name;
    glm::vec4 baseColorFactor{1.0f};
    float metallicFactor = 0.0f;
    float roughnessFactor = 0.8f;
    glm::vec3 emissiveFactor{0.0f};
    float emissiveStrength =
            1.0f; // scales emissiveFactor (HDR glow, KHR_materials_emissive_strength)
    float normalScale = 1.0f;
    float occlusionStrength = 1.0f;
    TextureRef baseColorTexture;         // sRGB
    TextureRef metallicRoughnessTexture; // linear: G roughness, B metallic
    TextureRef normalTexture;            // linear, tangent space
    TextureRef occlusionTexture;         // linear: R occlusion
    TextureRef emissiveTexture;          // sRGB
    AlphaMode alphaMode = AlphaMode::Opaque;
    float alphaCutoff = 0.5f;
    bool doubleSided = false;
};

// Paradata of a part: what is known and from where (glTF node extras "evidence", "source",
// "reason", "part", taken from the nearest node up the hierarchy that has them).
struct Paradata {
    std::string evidence; // "excavated", "documented", "conjecture", or empty when unknown
    std::string source;
    std::string reason;
    std::string part;
};

// One placement of a mesh in the model's space (the node hierarchy, flattened).
struct MeshInstance {
    int meshIndex = 0;
    glm::mat4 transform{1.0f};
    std::string nodeName;
    Paradata paradata;
};

// An image embedded in the model file: its encoded bytes (PNG or JPEG) and, when the importer
// started it, its decoding on a worker thread (image_io.h: decodeImage takes the result).
struct EmbeddedImage {
    std::vector<std::uint8_t> bytes;
    std::shared_ptr<ImageDecodeBatch> decoding; // null when not started
    std::size_t decodingIndex = 0;              // this image's place in `decoding`
};

struct ModelData {
    std::string sourcePath;
    std::vector<MeshData> meshes;
    std::vector<MaterialData> materials; // never empty after import: a default is added
    std::vector<MeshInstance> instances;
    std::vector<EmbeddedImage> embeddedTextures; // encoded PNG/JPEG bytes
    glm::vec3 boundsMin{0.0f};                   // of all instances, in model space
    glm::vec3 boundsMax{0.0f};
};

} // namespace kiln::assets
