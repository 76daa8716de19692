// Assimp-backed import. The node hierarchy is flattened into MeshInstances (world transforms)
// so that shared meshes stay shared, which the renderer can instance. Bad input is checked
// before Assimp (model_precheck.h), repaired between reading and post-processing (triangles on
// non-finite or out-of-range vertices) and after it (degenerate triangles): see docs/import.md.
#include "kiln/assets/model_importer.h"

#include "kiln/assets/image_io.h"
#include "kiln/core/log.h"
#include "model_precheck.h"

#include <assimp/GltfMaterial.h>
#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

namespace kiln::assets {
namespace {

glm::mat4 toGlm(const aiMatrix4x4& m) {
    // Assimp is row-major (a1..a4 is the first row); glm is column-major.
    return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4,
                     m.b4, m.c4, m.d4);
}

bool finite(const glm::vec3& v) {
    return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
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

// The embedded images that materials name, decoding on a worker thread from just after the file
// is read (a scan's 2048² PNG takes about as long as the rest of its import after reading).
struct EmbeddedDecoding {
    std::shared_ptr<ImageDecodeBatch> batch;
    std::map<const aiTexture*, std::size_t> index; // place of each texture in the batch
};

// Texture slots that convertMaterial reads, first texture of each.
constexpr aiTextureType kMaterialTextureTypes[] = {
        aiTextureType_BASE_COLOR,        aiTextureType_DIFFUSE, aiTextureType_UNKNOWN,
        aiTextureType_METALNESS,         aiTextureType_NORMALS, aiTextureType_LIGHTMAP,
        aiTextureType_AMBIENT_OCCLUSION, aiTextureType_EMISSIVE};

EmbeddedDecoding startEmbeddedDecoding(const aiScene& scene) {
    EmbeddedDecoding out;
    std::vector<std::vector<std::uint8_t>> encoded;
    for (unsigned m = 0; m < scene.mNumMaterials; ++m) {
        for (const aiTextureType type : kMaterialTextureTypes) {
            aiString path;
            if (scene.mMaterials[m]->GetTexture(type, 0, &path) != AI_SUCCESS) {
                continue;
            }
            const aiTexture* tex = scene.GetEmbeddedTexture(path.C_Str());
            if (tex == nullptr || tex->mHeight != 0 || tex->pcData == nullptr ||
                out.index.count(tex) > 0) {
                continue;
            }
            const auto* bytes = reinterpret_cast<const std::uint8_t*>(tex->pcData);
            out.index.emplace(tex, encoded.size());
            encoded.emplace_back(bytes, bytes + tex->mWidth);
        }
    }
    if (!encoded.empty()) {
        out.batch = std::make_shared<ImageDecodeBatch>(std::move(encoded));
    }
    return out;
}

std::string resolveTexture(const aiScene& scene, const aiString& ref,
                           const std::filesystem::path& modelDir, ModelData& model,
                           std::map<std::string, std::string>& embeddedSeen,
                           const EmbeddedDecoding& decoding) {
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
        EmbeddedImage image;
        image.bytes.assign(bytes, bytes + tex->mWidth);
        if (auto it = decoding.index.find(tex); it != decoding.index.end()) {
            image.decoding = decoding.batch;
            image.decodingIndex = it->second;
        }
        model.embeddedTextures.push_back(std::move(image));
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
                     std::map<std::string, std::string>& embeddedSeen,
                     const EmbeddedDecoding& decoding) {
    for (aiTextureType type : types) {
        aiString path;
        unsigned uvIndex = 0;
        if (src.GetTexture(type, 0, &path, nullptr, &uvIndex) == AI_SUCCESS) {
            TextureRef ref;
            ref.source = resolveTexture(scene, path, modelDir, model, embeddedSeen, decoding);
            ref.uvSet = uvIndex == 1 ? 1 : 0;
            return ref;
        }
    }
    return {};
}

MaterialData convertMaterial(const aiScene& scene, const aiMaterial& src,
                             const std::filesystem::path& modelDir, ModelData& model,
                             std::map<std::string, std::string>& embeddedSeen,
                             const EmbeddedDecoding& decoding) {
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
                                     modelDir, model, embeddedSeen, decoding);
    // Assimp's glTF importer files the combined metallic-roughness map under UNKNOWN.
    mat.metallicRoughnessTexture =
            textureOf(scene, src, {aiTextureType_UNKNOWN, aiTextureType_METALNESS}, modelDir, model,
                      embeddedSeen, decoding);
    mat.normalTexture =
            textureOf(scene, src, {aiTextureType_NORMALS}, modelDir, model, embeddedSeen, decoding);
    if (!mat.normalTexture.empty()) {
        src.Get(AI_MATKEY_GLTF_TEXTURE_SCALE(aiTextureType_NORMALS, 0), mat.normalScale);
    }
    // glTF occlusion arrives as LIGHTMAP; formats with real ambient-occlusion maps use that type.
    mat.occlusionTexture =
            textureOf(scene, src, {aiTextureType_LIGHTMAP, aiTextureType_AMBIENT_OCCLUSION},
                      modelDir, model, embeddedSeen, decoding);
    if (!mat.occlusionTexture.empty()) {
        src.Get(AI_MATKEY_GLTF_TEXTURE_STRENGTH(aiTextureType_LIGHTMAP, 0), mat.occlusionStrength);
    }
    mat.emissiveTexture = textureOf(scene, src, {aiTextureType_EMISSIVE}, modelDir, model,
                                    embeddedSeen, decoding);
    if (!mat.emissiveTexture.empty() && glm::length(mat.emissiveFactor) == 0.0f) {
        mat.emissiveFactor = glm::vec3(1.0f); // a texture with no factor means "as the texture"
    }
    return mat;
}

// What the repairs dropped or replaced, logged once per file.
struct Repairs {
    std::size_t nonFiniteTriangles = 0;  // touched a vertex with a NaN or infinite position
    std::size_t outOfRangeTriangles = 0; // named a vertex past the end of the mesh
    std::size_t readerDropped = 0;       // declared by the file, dropped by Assimp's reader
    std::size_t degenerateTriangles = 0; // zero area
    std::size_t nonFiniteAttributes = 0; // NaN normals, UVs or colours set to defaults
    std::size_t removedMeshes = 0;       // meshes left with no triangles
};

// A triangle whose doubled area is this small relative to its longest edge squared is a line or
// a point at float precision (float epsilon is 1.2e-7) and covers no pixel.
constexpr double kDegenerateRatio = 1e-7;

bool degenerate(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::dvec3 ab = glm::dvec3(b) - glm::dvec3(a);
    const glm::dvec3 ac = glm::dvec3(c) - glm::dvec3(a);
    const glm::dvec3 bc = glm::dvec3(c) - glm::dvec3(b);
    const double longest = std::max({glm::dot(ab, ab), glm::dot(ac, ac), glm::dot(bc, bc)});
    return longest == 0.0 || glm::length(glm::cross(ab, ac)) <= kDegenerateRatio * longest;
}

MeshData convertMesh(const aiMesh& src, const std::string& file, Repairs& repairs) {
    MeshData mesh;
    mesh.name = src.mName.C_Str();
    mesh.materialIndex = static_cast<int>(src.mMaterialIndex);
    mesh.vertices.resize(src.mNumVertices);
    std::size_t nonFinite = 0;
    auto finiteOr = [&repairs](auto value, auto fallback) {
        for (int k = 0; k < value.length(); ++k) {
            if (!std::isfinite(value[k])) {
                ++repairs.nonFiniteAttributes;
                return fallback;
            }
        }
        return value;
    };
    std::vector<bool> badVertex(src.mNumVertices, false);
    for (unsigned i = 0; i < src.mNumVertices; ++i) {
        Vertex& v = mesh.vertices[i];
        v.position = {src.mVertices[i].x, src.mVertices[i].y, src.mVertices[i].z};
        if (!finite(v.position)) {
            // Triangles on such vertices were dropped before post-processing; this only
            // guards against a post-processing step that makes new ones.
            v.position = glm::vec3(0.0f);
            badVertex[i] = true;
            ++nonFinite;
        }
        if (src.HasNormals()) {
            v.normal = finiteOr(glm::vec3(src.mNormals[i].x, src.mNormals[i].y, src.mNormals[i].z),
                                glm::vec3(0.0f, 1.0f, 0.0f));
        }
        if (src.HasTextureCoords(0)) {
            v.uv = finiteOr(glm::vec2(src.mTextureCoords[0][i].x, src.mTextureCoords[0][i].y),
                            glm::vec2(0.0f));
        }
        v.uv1 = src.HasTextureCoords(1) ? finiteOr(glm::vec2(src.mTextureCoords[1][i].x,
                                                             src.mTextureCoords[1][i].y),
                                                   v.uv)
                                        : v.uv;
        if (src.HasTangentsAndBitangents()) {
            const glm::vec3 t(src.mTangents[i].x, src.mTangents[i].y, src.mTangents[i].z);
            const glm::vec3 b(src.mBitangents[i].x, src.mBitangents[i].y, src.mBitangents[i].z);
            if (finite(t) && finite(b) && glm::length(t) > 0.0f) {
                // Handedness: does the bitangent agree with cross(normal, tangent)?
                const float w = glm::dot(glm::cross(v.normal, t), b) < 0.0f ? -1.0f : 1.0f;
                v.tangent = glm::vec4(glm::normalize(t), w);
            }
        }
        if (src.HasVertexColors(0)) {
            const aiColor4D& c = src.mColors[0][i];
            v.color = finiteOr(glm::vec4(c.r, c.g, c.b, c.a), glm::vec4(1.0f));
        }
    }
    if (nonFinite > 0) {
        std::string text = file;
        text.append(": mesh '").append(mesh.name).append("' had ");
        text.append(std::to_string(nonFinite))
                .append(" non-finite vertex positions; set to the "
                        "origin");
        core::logWarning("assets", text);
    }
    mesh.indices.reserve(static_cast<std::size_t>(src.mNumFaces) * 3u);
    std::vector<bool> used(src.mNumVertices, false);
    for (unsigned f = 0; f < src.mNumFaces; ++f) {
        const aiFace& face = src.mFaces[f];
        if (face.mNumIndices != 3) {
            continue; // points and lines are not drawn
        }
        const unsigned* idx = face.mIndices;
        if (idx[0] >= src.mNumVertices || idx[1] >= src.mNumVertices ||
            idx[2] >= src.mNumVertices) {
            ++repairs.outOfRangeTriangles;
            continue;
        }
        if (badVertex[idx[0]] || badVertex[idx[1]] || badVertex[idx[2]]) {
            ++repairs.nonFiniteTriangles;
            continue;
        }
        if (degenerate(mesh.vertices[idx[0]].position, mesh.vertices[idx[1]].position,
                       mesh.vertices[idx[2]].position)) {
            ++repairs.degenerateTriangles;
            continue;
        }
        for (int k = 0; k < 3; ++k) {
            mesh.indices.push_back(idx[k]);
            used[idx[k]] = true;
        }
    }
    // Bounds of the vertices that are drawn, so dropped or stray vertices do not inflate them.
    glm::vec3 lo(std::numeric_limits<float>::max());
    glm::vec3 hi(std::numeric_limits<float>::lowest());
    for (std::size_t i = 0; i < mesh.vertices.size(); ++i) {
        if (used[i]) {
            lo = glm::min(lo, mesh.vertices[i].position);
            hi = glm::max(hi, mesh.vertices[i].position);
        }
    }
    mesh.boundsMin = lo;
    mesh.boundsMax = hi;
    return mesh;
}

// The aiPrimitiveType flags that a mesh's faces actually have.
unsigned primitiveTypesOf(const aiMesh& mesh) {
    unsigned types = 0;
    for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
        switch (mesh.mFaces[f].mNumIndices) {
            case 0:
                break;
            case 1:
                types |= aiPrimitiveType_POINT;
                break;
            case 2:
                types |= aiPrimitiveType_LINE;
                break;
            case 3:
                types |= aiPrimitiveType_TRIANGLE;
                break;
            default:
                types |= aiPrimitiveType_POLYGON;
                break;
        }
    }
    return types;
}

// Between reading and post-processing: drops triangles that name a vertex past the end of the
// mesh or one with a non-finite position (Assimp's FindInvalidData would otherwise delete the
// whole mesh for one NaN, and ValidateDataStructure would reject the whole file for one bad
// index), then removes meshes left with no faces. The scene belongs to the importer, which
// frees faces and meshes with delete[]/delete, so replacements are allocated the same way.
void repairRawScene(aiScene& scene, Repairs& repairs) {
    std::vector<int> newIndex(scene.mNumMeshes, -1);
    unsigned kept = 0;
    for (unsigned m = 0; m < scene.mNumMeshes; ++m) {
        aiMesh* mesh = scene.mMeshes[m];
        std::vector<bool> bad(mesh->mNumVertices, false);
        for (unsigned v = 0; v < mesh->mNumVertices; ++v) {
            const aiVector3D& p = mesh->mVertices[v];
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) {
                bad[v] = true;
                mesh->mVertices[v] = aiVector3D(0.0f, 0.0f, 0.0f);
            }
        }
        unsigned goodFaces = 0;
        std::vector<bool> keepFace(mesh->mNumFaces, true);
        for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
            const aiFace& face = mesh->mFaces[f];
            for (unsigned k = 0; k < face.mNumIndices && keepFace[f]; ++k) {
                if (face.mIndices[k] >= mesh->mNumVertices) {
                    ++repairs.outOfRangeTriangles;
                    keepFace[f] = false;
                } else if (bad[face.mIndices[k]]) {
                    ++repairs.nonFiniteTriangles;
                    keepFace[f] = false;
                }
            }
            goodFaces += keepFace[f] ? 1u : 0u;
        }
        if (goodFaces != mesh->mNumFaces && goodFaces > 0) {
            auto* faces = new aiFace[goodFaces];
            unsigned out = 0;
            for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
                if (keepFace[f]) {
                    // Move the index array: aiFace's destructor frees mIndices.
                    faces[out].mNumIndices = mesh->mFaces[f].mNumIndices;
                    faces[out].mIndices = mesh->mFaces[f].mIndices;
                    mesh->mFaces[f].mIndices = nullptr;
                    mesh->mFaces[f].mNumIndices = 0;
                    ++out;
                }
            }
            delete[] mesh->mFaces;
            mesh->mFaces = faces;
            mesh->mNumFaces = goodFaces;
            // The reader's flags may promise polygons (or lines) that were just dropped; Assimp's
            // Triangulate asserts on that, and Debian's Assimp aborts the process on an assert.
            mesh->mPrimitiveTypes = primitiveTypesOf(*mesh);
        }
        if (goodFaces == 0 && mesh->mNumFaces > 0) {
            delete mesh;
            ++repairs.removedMeshes;
            continue;
        }
        newIndex[m] = static_cast<int>(kept);
        scene.mMeshes[kept++] = mesh;
    }
    if (kept == scene.mNumMeshes) {
        return;
    }
    scene.mNumMeshes = kept;
    std::vector<aiNode*> stack{scene.mRootNode};
    while (!stack.empty()) {
        aiNode* node = stack.back();
        stack.pop_back();
        unsigned out = 0;
        for (unsigned i = 0; i < node->mNumMeshes; ++i) {
            const unsigned old = node->mMeshes[i];
            if (old < newIndex.size() && newIndex[old] >= 0) {
                node->mMeshes[out++] = static_cast<unsigned>(newIndex[old]);
            }
        }
        node->mNumMeshes = out;
        for (unsigned c = 0; c < node->mNumChildren; ++c) {
            stack.push_back(node->mChildren[c]);
        }
    }
}

std::size_t triangleCount(const aiScene& scene) {
    std::size_t triangles = 0;
    for (unsigned m = 0; m < scene.mNumMeshes; ++m) {
        const aiMesh& mesh = *scene.mMeshes[m];
        for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
            if (mesh.mFaces[f].mNumIndices >= 3) {
                triangles += mesh.mFaces[f].mNumIndices - 2;
            }
        }
    }
    return triangles;
}

// Whether every mesh already shares vertices between its faces (fewer vertices than face
// corners), as a glTF primitive with indices does: its exporter chose which corners share a
// vertex. A glTF primitive without indices reaches Assimp as three new vertices per triangle.
bool sharesVertices(const aiScene& scene) {
    for (unsigned m = 0; m < scene.mNumMeshes; ++m) {
        const aiMesh& mesh = *scene.mMeshes[m];
        std::size_t corners = 0;
        for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
            corners += mesh.mFaces[f].mNumIndices;
        }
        if (mesh.mNumVertices >= corners) {
            return false;
        }
    }
    return true;
}

bool isGltf(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".gltf" || ext == ".glb";
}

void logRepairs(const std::string& file, const Repairs& r) {
    auto report = [&file](core::LogLevel level, std::size_t count, const char* what) {
        if (count > 0) {
            std::string text = file;
            text.append(": ").append(std::to_string(count)).append(" ").append(what);
            core::log(level, "assets", text);
        }
    };
    using core::LogLevel;
    report(LogLevel::Warning, r.nonFiniteTriangles,
           "triangle(s) on vertices with non-finite (NaN or infinite) positions dropped");
    report(LogLevel::Warning, r.outOfRangeTriangles,
           "triangle(s) with index values past the vertex count dropped");
    report(LogLevel::Warning, r.readerDropped,
           "triangle(s) declared in the file were dropped by the reader (index values past the "
           "vertex count or other invalid data)");
    report(LogLevel::Warning, r.nonFiniteAttributes,
           "non-finite normal, UV or colour value(s) replaced by defaults");
    // Degenerate triangles cover no pixel, so dropping them changes nothing on screen; modelling
    // tools make them routinely (the poles of a lathed vase), so they are news, not a warning.
    report(LogLevel::Info, r.degenerateTriangles, "degenerate (zero-area) triangle(s) dropped");
}

std::string repairSummary(const Repairs& r) {
    const std::size_t dropped =
            r.nonFiniteTriangles + r.outOfRangeTriangles + r.readerDropped + r.degenerateTriangles;
    if (dropped == 0) {
        return {};
    }
    std::string text = " (";
    text.append(std::to_string(dropped)).append(" invalid or degenerate triangle(s) dropped)");
    return text;
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

// The import proper; the scene it reads stays with `importer` (freed by its owner).
core::Result<ModelData> importWith(Assimp::Importer& importer, const std::filesystem::path& path) {
    const std::string file = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        return core::Error{file + ": model file not found (check the path in the scene file)"};
    }
    if (std::filesystem::file_size(path, ec) == 0 && !ec) {
        return core::Error{file + ": the model file is empty"};
    }
    if (const std::string ext = path.extension().string();
        ext.empty() || !importer.IsExtensionSupported(ext)) {
        std::string text = file;
        text.append(": unsupported model format '").append(ext);
        text.append("' (Kilnfire reads glTF 2.0 .gltf/.glb, OBJ, PLY, STL and FBX)");
        return core::Error{std::move(text)};
    }
    // Headers and glTF structure first: a lying count must fail here, not as a huge allocation.
    auto precheck = detail::precheckModelFile(path);
    if (!precheck) {
        return precheck.error();
    }
    const aiScene* raw = importer.ReadFile(file, 0);
    if (raw == nullptr || (raw->mFlags & AI_SCENE_FLAGS_INCOMPLETE) != 0 ||
        raw->mRootNode == nullptr) {
        std::string text = file;
        text.append(": cannot import model: ").append(importer.GetErrorString());
        return core::Error{std::move(text)};
    }
    std::size_t rawVertices = 0;
    for (unsigned m = 0; m < raw->mNumMeshes; ++m) {
        rawVertices += raw->mMeshes[m]->mNumVertices;
    }
    const std::size_t rawTriangles = triangleCount(*raw);
    if (rawVertices > detail::kMaxVertices || rawTriangles > detail::kMaxTriangles) {
        std::string text = file;
        text.append(": the model has ").append(std::to_string(rawVertices));
        text.append(" vertices and ").append(std::to_string(rawTriangles));
        text.append(" triangles, more than the limits of ");
        text.append(std::to_string(detail::kMaxVertices)).append(" and ");
        text.append(std::to_string(detail::kMaxTriangles));
        text.append("; decimate it (for example in MeshLab) before using it in a scene");
        return core::Error{std::move(text)};
    }
    // Stopped (by its destructor) if the import fails from here on.
    const EmbeddedDecoding decoding = startEmbeddedDecoding(*raw);
    Repairs repairs;
    if (precheck->declaredTriangles > rawTriangles) {
        repairs.readerDropped =
                static_cast<std::size_t>(precheck->declaredTriangles) - rawTriangles;
    }
    // The importer owns the scene; repairing it in place before post-processing is how Assimp's
    // own steps work too.
    repairRawScene(*const_cast<aiScene*>(raw), repairs);
    if (raw->mNumMeshes == 0 || triangleCount(*raw) == 0) {
        logRepairs(file, repairs);
        std::string text = file;
        text.append(": model has no triangles to draw").append(repairSummary(repairs));
        return core::Error{std::move(text)};
    }
    // No aiProcess_FindDegenerates: it turns degenerate triangles into lines and points without
    // saying how many; convertMesh drops them and counts them instead.
    // Tangents serve normal maps only; on a large scan without one, computing them is a good
    // share of the load (docs/performance.md), and the vertex's default tangent is never read.
    bool normalMapped = false;
    for (unsigned m = 0; m < raw->mNumMaterials; ++m) {
        normalMapped =
                normalMapped || raw->mMaterials[m]->GetTextureCount(aiTextureType_NORMALS) > 0;
    }
    // Joining identical vertices searches a spatial sort for every vertex: on a 1.6 M-triangle
    // scan 2.7 s on a loaded machine, most of the load, to join nothing (docs/performance.md).
    // Indexed glTF data is taken as its exporter shared it; the picture is the same either way
    // (joined vertices are equal in every attribute; smooth normals are averaged by position).
    // Other formats, and glTF files with a primitive without indices, are joined as before.
    const bool join = !(isGltf(path) && sharesVertices(*raw));
    const unsigned flags = aiProcess_Triangulate | aiProcess_GenSmoothNormals |
                           (normalMapped ? aiProcess_CalcTangentSpace : 0u) |
                           (join ? aiProcess_JoinIdenticalVertices : 0u) | aiProcess_SortByPType |
                           aiProcess_ValidateDataStructure | aiProcess_FindInvalidData;
    const aiScene* scene = importer.ApplyPostProcessing(flags);
    if (scene == nullptr || scene->mRootNode == nullptr) {
        std::string text = file;
        text.append(": cannot import model: ").append(importer.GetErrorString());
        return core::Error{std::move(text)};
    }

    ModelData model;
    model.sourcePath = file;
    const std::filesystem::path modelDir = path.parent_path();
    std::map<std::string, std::string> embeddedSeen;
    for (unsigned i = 0; i < scene->mNumMaterials; ++i) {
        model.materials.push_back(convertMaterial(*scene, *scene->mMaterials[i], modelDir, model,
                                                  embeddedSeen, decoding));
    }
    if (model.materials.empty()) {
        MaterialData fallback;
        fallback.name = "default";
        model.materials.push_back(fallback);
    }
    std::vector<int> meshMap(scene->mNumMeshes, -1);
    for (unsigned i = 0; i < scene->mNumMeshes; ++i) {
        MeshData mesh = convertMesh(*scene->mMeshes[i], file, repairs);
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
    logRepairs(file, repairs);
    if (model.meshes.empty()) {
        std::string text = file;
        text.append(": model has no triangles to draw").append(repairSummary(repairs));
        return core::Error{std::move(text)};
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

} // namespace

core::Result<ModelData> importModel(const std::filesystem::path& path) {
    Assimp::Importer importer;
    return importWith(importer, path);
}

void importModel(const std::filesystem::path& path,
                 const std::function<void(core::Result<ModelData>)>& deliver) {
    Assimp::Importer importer;
    deliver(importWith(importer, path));
    // Assimp's scene is freed here, after the delivery: for a 1.6 M-triangle scan 1.6 M small
    // arrays, 0.07-0.09 s in the profiles (docs/performance.md).
}

} // namespace kiln::assets
