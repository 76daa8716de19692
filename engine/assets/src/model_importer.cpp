// Assimp-backed import. The node hierarchy is flattened into MeshInstances (world transforms)
// so that shared meshes stay shared, which the renderer can instance.
#include "kiln/assets/model_importer.h"

#include "kiln/core/log.h"

#include <assimp/GltfMaterial.h>
#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <system_error>

namespace kiln::assets {
namespace {

glm::mat4 toGlm(const aiMatrix4x4& m) {
    // Assimp is row-major (a1..a4 is the first row); glm is column-major.
    return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4,
                     m.b4, m.c4, m.d4);
}

bool finite(const glm::mat4& m) {
    for (int c = 0; c < 4; ++c) {
        for (int r = 0; r < 4; ++r) {
            if (!std::isfinite(m[c][r])) {
                return false;
            }
        }
    }
    return true;
}

std::string resolveTexture(const aiScene& scene, const aiString& ref,
                           const std::filesystem::path& modelDir, ModelData& model,
                           std::map<std::string, std::string>& embeddedSeen) {
    const std::string name = ref.C_Str();
    if (name.empty()) {
        return {};
    }
    if (const aiTexture* tex = scene.GetEmbeddedTexture(ref.C_Str()); tex != nullptr) {
        if (auto it = embeddedSeen.find(name); it != embeddedSeen.end()) {
            return it->second; // one embedded image used by several materials is kept once
        }
        if (tex->mHeight != 0) {
            // Uncompressed embedded texel arrays are rare (glTF always embeds PNG/JPEG).
            core::logWarning("assets", model.sourcePath + ": embedded raw texture '" + name +
                                               "' is not supported; using the fallback");
            return {};
        }
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(tex->pcData);
        model.embeddedTextures.emplace_back(bytes, bytes + tex->mWidth);
        std::string key = "embedded:" + std::to_string(model.embeddedTextures.size() - 1);
        embeddedSeen.emplace(name, key);
        return key;
    }
    std::filesystem::path path(name);
    if (path.is_relative()) {
        path = modelDir / path;
    }
    return path.lexically_normal().string();
}

TextureRef textureOf(const aiScene& scene, const aiMaterial& src,
                     std::initializer_list<aiTextureType> types,
                     const std::filesystem::path& modelDir, ModelData& model,
                     std::map<std::string, std::string>& embeddedSeen) {
    for (aiTextureType type : types) {
        aiString path;
        unsigned uvIndex = 0;
        if (src.GetTexture(type, 0, &path, nullptr, &uvIndex) == AI_SUCCESS) {
            TextureRef ref;
            ref.source = resolveTexture(scene, path, modelDir, model, embeddedSeen);
            ref.uvSet = uvIndex == 1 ? 1 : 0;
            return ref;
        }
    }
    return {};
}

MaterialData convertMaterial(const aiScene& scene, const aiMaterial& src,
                             const std::filesystem::path& modelDir, ModelData& model,
                             std::map<std::string, std::string>& embeddedSeen) {
    MaterialData mat;
    aiString name;
    if (src.Get(AI_MATKEY_NAME, name) == AI_SUCCESS) {
        mat.name = name.C_Str();
    }
    aiColor4D color;
    if (src.Get(AI_MATKEY_BASE_COLOR, color) == AI_SUCCESS ||
        src.Get(AI_MATKEY_COLOR_DIFFUSE, color) == AI_SUCCESS) {
        mat.baseColorFactor = {color.r, color.g, color.b, color.a};
    }
    float opacity = 1.0f;
    if (src.Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS && opacity < 1.0f) {
        mat.baseColorFactor.a *= opacity;
        mat.alphaMode = AlphaMode::Blend;
    }
    float value = 0.0f;
    if (src.Get(AI_MATKEY_METALLIC_FACTOR, value) == AI_SUCCESS) {
        mat.metallicFactor = value;
    }
    if (src.Get(AI_MATKEY_ROUGHNESS_FACTOR, value) == AI_SUCCESS) {
        mat.roughnessFactor = value;
    }
    aiColor3D emissive;
    if (src.Get(AI_MATKEY_COLOR_EMISSIVE, emissive) == AI_SUCCESS) {
        mat.emissiveFactor = {emissive.r, emissive.g, emissive.b};
    }
    if (src.Get(AI_MATKEY_EMISSIVE_INTENSITY, value) == AI_SUCCESS && value > 0.0f) {
        mat.emissiveStrength = value;
    }
    aiString alphaMode;
    if (src.Get(AI_MATKEY_GLTF_ALPHAMODE, alphaMode) == AI_SUCCESS) {
        const std::string mode = alphaMode.C_Str();
        mat.alphaMode = mode == "MASK"    ? AlphaMode::Mask
                        : mode == "BLEND" ? AlphaMode::Blend
                                          : AlphaMode::Opaque;
    }
    src.Get(AI_MATKEY_GLTF_ALPHACUTOFF, mat.alphaCutoff);
    int twoSided = 0;
    if (src.Get(AI_MATKEY_TWOSIDED, twoSided) == AI_SUCCESS) {
        mat.doubleSided = twoSided != 0;
    }
    mat.baseColorTexture = textureOf(scene, src, {aiTextureType_BASE_COLOR, aiTextureType_DIFFUSE},
                                     modelDir, model, embeddedSeen);
    // Assimp's glTF importer files the combined metallic-roughness map under UNKNOWN.
    mat.metallicRoughnessTexture =
            textureOf(scene, src, {aiTextureType_UNKNOWN, aiTextureType_METALNESS}, modelDir, model,
                      embeddedSeen);
    mat.normalTexture =
            textureOf(scene, src, {aiTextureType_NORMALS}, modelDir, model, embeddedSeen);
    if (!mat.normalTexture.empty()) {
        src.Get(AI_MATKEY_GLTF_TEXTURE_SCALE(aiTextureType_NORMALS, 0), mat.normalScale);
    }
    // glTF occlusion arrives as LIGHTMAP; formats with real ambient-occlusion maps use that type.
    mat.occlusionTexture =
            textureOf(scene, src, {aiTextureType_LIGHTMAP, aiTextureType_AMBIENT_OCCLUSION},
                      modelDir, model, embeddedSeen);
    if (!mat.occlusionTexture.empty()) {
        src.Get(AI_MATKEY_GLTF_TEXTURE_STRENGTH(aiTextureType_LIGHTMAP, 0), mat.occlusionStrength);
    }
    mat.emissiveTexture =
            textureOf(scene, src, {aiTextureType_EMISSIVE}, modelDir, model, embeddedSeen);
    if (!mat.emissiveTexture.empty() && glm::length(mat.emissiveFactor) == 0.0f) {
        mat.emissiveFactor = glm::vec3(1.0f); // a texture with no factor means "as the texture"
    }
    return mat;
}

MeshData convertMesh(const aiMesh& src, const std::string& file) {
    MeshData mesh;
    mesh.name = src.mName.C_Str();
    mesh.materialIndex = static_cast<int>(src.mMaterialIndex);
    mesh.vertices.resize(src.mNumVertices);
    glm::vec3 lo(std::numeric_limits<float>::max());
    glm::vec3 hi(std::numeric_limits<float>::lowest());
    std::size_t nonFinite = 0;
    for (unsigned i = 0; i < src.mNumVertices; ++i) {
        Vertex& v = mesh.vertices[i];
        v.position = {src.mVertices[i].x, src.mVertices[i].y, src.mVertices[i].z};
        if (!std::isfinite(v.position.x) || !std::isfinite(v.position.y) ||
            !std::isfinite(v.position.z)) {
            v.position = glm::vec3(0.0f);
            ++nonFinite;
        }
        if (src.HasNormals()) {
            v.normal = {src.mNormals[i].x, src.mNormals[i].y, src.mNormals[i].z};
        }
        if (src.HasTextureCoords(0)) {
            v.uv = {src.mTextureCoords[0][i].x, src.mTextureCoords[0][i].y};
        }
        v.uv1 = src.HasTextureCoords(1)
                        ? glm::vec2(src.mTextureCoords[1][i].x, src.mTextureCoords[1][i].y)
                        : v.uv;
        if (src.HasTangentsAndBitangents()) {
            const glm::vec3 t(src.mTangents[i].x, src.mTangents[i].y, src.mTangents[i].z);
            const glm::vec3 b(src.mBitangents[i].x, src.mBitangents[i].y, src.mBitangents[i].z);
            if (std::isfinite(t.x) && glm::length(t) > 0.0f) {
                // Handedness: does the bitangent agree with cross(normal, tangent)?
                const float w = glm::dot(glm::cross(v.normal, t), b) < 0.0f ? -1.0f : 1.0f;
                v.tangent = glm::vec4(glm::normalize(t), w);
            }
        }
        if (src.HasVertexColors(0)) {
            const aiColor4D& c = src.mColors[0][i];
            v.color = {c.r, c.g, c.b, c.a};
        }
        lo = glm::min(lo, v.position);
        hi = glm::max(hi, v.position);
    }
    if (nonFinite > 0) {
        core::logWarning("assets", file + ": mesh '" + mesh.name + "' had " +
                                           std::to_string(nonFinite) +
                                           " non-finite vertex positions; set to the origin");
    }
    mesh.boundsMin = lo;
    mesh.boundsMax = hi;
    mesh.indices.reserve(static_cast<std::size_t>(src.mNumFaces) * 3u);
    for (unsigned f = 0; f < src.mNumFaces; ++f) {
        const aiFace& face = src.mFaces[f];
        if (face.mNumIndices != 3) {
            continue; // points and lines are not drawn
        }
        mesh.indices.insert(mesh.indices.end(), face.mIndices, face.mIndices + 3);
    }
    return mesh;
}

std::string metadataString(const aiNode& node, const char* key) {
    aiString value;
    if (node.mMetaData != nullptr && node.mMetaData->Get(key, value)) {
        return value.C_Str();
    }
    return {};
}

void flattenNodes(const aiNode& node, const glm::mat4& parent, const std::vector<int>& meshMap,
                  Paradata paradata, ModelData& model) {
    if (std::string evidence = metadataString(node, "evidence"); !evidence.empty()) {
        paradata.evidence = std::move(evidence);
        paradata.source = metadataString(node, "source");
        paradata.reason = metadataString(node, "reason");
        paradata.part = metadataString(node, "part");
    }
    glm::mat4 world = parent * toGlm(node.mTransformation);
    if (!finite(world)) {
        core::logWarning("assets", model.sourcePath + ": node '" + node.mName.C_Str() +
                                           "' has a non-finite transform; skipped");
        return;
    }
    for (unsigned i = 0; i < node.mNumMeshes; ++i) {
        const int mapped = meshMap[node.mMeshes[i]];
        if (mapped >= 0) {
            model.instances.push_back({mapped, world, node.mName.C_Str(), paradata});
        }
    }
    for (unsigned c = 0; c < node.mNumChildren; ++c) {
        flattenNodes(*node.mChildren[c], world, meshMap, paradata, model);
    }
}

} // namespace

core::Result<ModelData> importModel(const std::filesystem::path& path) {
    const std::string file = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        return core::Error{file + ": model file not found (check the path in the scene file)"};
    }
    Assimp::Importer importer;
    const unsigned flags = aiProcess_Triangulate | aiProcess_GenSmoothNormals |
                           aiProcess_CalcTangentSpace | aiProcess_JoinIdenticalVertices |
                           aiProcess_SortByPType | aiProcess_ValidateDataStructure |
                           aiProcess_FindInvalidData | aiProcess_FindDegenerates;
    const aiScene* scene = importer.ReadFile(file, flags);
    if (scene == nullptr || (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) != 0 ||
        scene->mRootNode == nullptr) {
        return core::Error{file + ": cannot import model: " + importer.GetErrorString()};
    }

    ModelData model;
    model.sourcePath = file;
    const std::filesystem::path modelDir = path.parent_path();
    std::map<std::string, std::string> embeddedSeen;
    for (unsigned i = 0; i < scene->mNumMaterials; ++i) {
        model.materials.push_back(
                convertMaterial(*scene, *scene->mMaterials[i], modelDir, model, embeddedSeen));
    }
    if (model.materials.empty()) {
        MaterialData fallback;
        fallback.name = "default";
        model.materials.push_back(fallback);
    }
    std::vector<int> meshMap(scene->mNumMeshes, -1);
    for (unsigned i = 0; i < scene->mNumMeshes; ++i) {
        MeshData mesh = convertMesh(*scene->mMeshes[i], file);
        if (mesh.indices.empty()) {
            continue;
        }
        if (mesh.materialIndex < 0 ||
            mesh.materialIndex >= static_cast<int>(model.materials.size())) {
            mesh.materialIndex = 0;
        }
        meshMap[i] = static_cast<int>(model.meshes.size());
        model.meshes.push_back(std::move(mesh));
    }
    if (model.meshes.empty()) {
        return core::Error{file + ": model has no triangles to draw"};
    }
    flattenNodes(*scene->mRootNode, glm::mat4(1.0f), meshMap, Paradata{}, model);
    if (model.instances.empty()) {
        return core::Error{file + ": no node of the model places a mesh"};
    }

    glm::vec3 lo(std::numeric_limits<float>::max());
    glm::vec3 hi(std::numeric_limits<float>::lowest());
    for (const MeshInstance& inst : model.instances) {
        const MeshData& mesh = model.meshes[static_cast<std::size_t>(inst.meshIndex)];
        for (int corner = 0; corner < 8; ++corner) {
            const glm::vec3 local((corner & 1) ? mesh.boundsMax.x : mesh.boundsMin.x,
                                  (corner & 2) ? mesh.boundsMax.y : mesh.boundsMin.y,
                                  (corner & 4) ? mesh.boundsMax.z : mesh.boundsMin.z);
            const glm::vec3 p = glm::vec3(inst.transform * glm::vec4(local, 1.0f));
            lo = glm::min(lo, p);
            hi = glm::max(hi, p);
        }
    }
    model.boundsMin = lo;
    model.boundsMax = hi;
    return model;
}

} // namespace kiln::assets
