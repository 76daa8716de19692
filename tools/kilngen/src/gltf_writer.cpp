// GLB writer (gltf_writer.h). Layout: 12-byte header, JSON chunk (space-padded), BIN chunk
// (zero-padded); one buffer, one bufferView per accessor or image, 4-byte aligned.
// nlohmann::json keeps object keys sorted, so the JSON text is deterministic.
#include "gltf_writer.h"

#include "textures.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace kiln::kilngen {

namespace {

glm::vec3 toYUp(const glm::vec3& p) {
    return {p.x, p.z, -p.y};
}

// Rotation taking site frame (Z up) to glTF frame (Y up): -90 degrees about x.
const glm::quat kZUpToYUp = glm::angleAxis(-glm::half_pi<float>(), glm::vec3(1.0f, 0.0f, 0.0f));

nlohmann::json floatArray(std::initializer_list<float> values) {
    auto a = nlohmann::json::array();
    for (float v : values) {
        a.push_back(static_cast<double>(v) + 0.0);
    }
    return a;
}

class BinBuilder {
public:
    std::string bin;
    nlohmann::json views = nlohmann::json::array();

    int addView(const void* data, std::size_t size, int target) {
        while (bin.size() % 4 != 0) {
            bin.push_back('\0');
        }
        nlohmann::json view = {{"buffer", 0}, {"byteOffset", bin.size()}, {"byteLength", size}};
        if (target != 0) {
            view["target"] = target;
        }
        bin.append(static_cast<const char*>(data), size);
        views.push_back(view);
        return static_cast<int>(views.size()) - 1;
    }
};

} // namespace

int GltfDocument::material(const std::string& name) {
    for (std::size_t i = 0; i < mMaterials.size(); ++i) {
        if (mMaterials[i].name == name) {
            return static_cast<int>(i);
        }
    }
    const MaterialSpec* spec = findMaterial(name);
    MaterialEntry entry;
    entry.name = name;
    if (spec != nullptr) {
        mImages.push_back(baseColorPng(name, spec->sizePx));
        mImageNames.push_back(name + "_basecolor");
        entry.baseColorImage = static_cast<int>(mImages.size()) - 1;
        if (spec->hasMetallicRoughness) {
            mImages.push_back(metallicRoughnessPng(name, spec->sizePx));
            mImageNames.push_back(name + "_metallic_roughness");
            entry.metallicRoughnessImage = static_cast<int>(mImages.size()) - 1;
        }
    }
    mMaterials.push_back(entry);
    return static_cast<int>(mMaterials.size()) - 1;
}

int GltfDocument::addMesh(const std::string& name, Mesh mesh, int materialIndex,
                          nlohmann::json extras) {
    mMeshes.push_back({name, std::move(mesh), materialIndex, std::move(extras)});
    return static_cast<int>(mMeshes.size()) - 1;
}

int GltfDocument::addNode(GltfNode node) {
    mNodes.push_back(std::move(node));
    return static_cast<int>(mNodes.size()) - 1;
}

std::string GltfDocument::toGlb() const {
    BinBuilder bin;
    nlohmann::json accessors = nlohmann::json::array();
    nlohmann::json meshes = nlohmann::json::array();

    for (const auto& entry : mMeshes) {
        const Mesh& m = entry.mesh;
        std::vector<float> pos, nrm, uv;
        glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
        for (std::size_t v = 0; v < m.positions.size(); ++v) {
            const glm::vec3 p = toYUp(m.positions[v]);
            const glm::vec3 n = toYUp(m.normals[v]);
            lo = glm::min(lo, p);
            hi = glm::max(hi, p);
            pos.insert(pos.end(), {p.x + 0.0f, p.y + 0.0f, p.z + 0.0f});
            nrm.insert(nrm.end(), {n.x + 0.0f, n.y + 0.0f, n.z + 0.0f});
            // glTF UV origin is the image's top-left: flip v.
            uv.insert(uv.end(), {m.uvs[v].x, 1.0f - m.uvs[v].y});
        }
        const auto count = m.positions.size();
        const int posView = bin.addView(pos.data(), pos.size() * sizeof(float), 34962);
        accessors.push_back({{"bufferView", posView},
                             {"componentType", 5126},
                             {"count", count},
                             {"type", "VEC3"},
                             {"min", floatArray({lo.x, lo.y, lo.z})},
                             {"max", floatArray({hi.x, hi.y, hi.z})}});
        const int posAcc = static_cast<int>(accessors.size()) - 1;
        const int nrmView = bin.addView(nrm.data(), nrm.size() * sizeof(float), 34962);
        accessors.push_back({{"bufferView", nrmView},
                             {"componentType", 5126},
                             {"count", count},
                             {"type", "VEC3"}});
        const int nrmAcc = static_cast<int>(accessors.size()) - 1;
        const int uvView = bin.addView(uv.data(), uv.size() * sizeof(float), 34962);
        accessors.push_back({{"bufferView", uvView},
                             {"componentType", 5126},
                             {"count", count},
                             {"type", "VEC2"}});
        const int uvAcc = static_cast<int>(accessors.size()) - 1;
        const int idxView =
                bin.addView(m.indices.data(), m.indices.size() * sizeof(std::uint32_t), 34963);
        accessors.push_back({{"bufferView", idxView},
                             {"componentType", 5125},
                             {"count", m.indices.size()},
                             {"type", "SCALAR"}});
        const int idxAcc = static_cast<int>(accessors.size()) - 1;
        nlohmann::json primitive = {
                {"attributes", {{"POSITION", posAcc}, {"NORMAL", nrmAcc}, {"TEXCOORD_0", uvAcc}}},
                {"indices", idxAcc},
                {"mode", 4}};
        if (entry.material >= 0) {
            primitive["material"] = entry.material;
        }
        nlohmann::json mesh = {{"name", entry.name}, {"primitives", {primitive}}};
        nlohmann::json extras = entry.extras.is_object() ? entry.extras : nlohmann::json::object();
        extras["closed"] = m.closed;
        mesh["extras"] = extras;
        meshes.push_back(mesh);
    }

    nlohmann::json images = nlohmann::json::array();
    for (std::size_t i = 0; i < mImages.size(); ++i) {
        const int view = bin.addView(mImages[i].data(), mImages[i].size(), 0);
        images.push_back(
                {{"bufferView", view}, {"mimeType", "image/png"}, {"name", mImageNames[i]}});
    }
    nlohmann::json textures = nlohmann::json::array();
    for (std::size_t i = 0; i < mImages.size(); ++i) {
        textures.push_back({{"sampler", 0}, {"source", i}, {"name", mImageNames[i]}});
    }
    nlohmann::json materials = nlohmann::json::array();
    for (const auto& entry : mMaterials) {
        const MaterialSpec* spec = findMaterial(entry.name);
        nlohmann::json pbr = {
                {"baseColorFactor", spec ? floatArray({spec->baseColor[0], spec->baseColor[1],
                                                       spec->baseColor[2], spec->baseColor[3]})
                                         : floatArray({0.8f, 0.8f, 0.8f, 1.0f})},
                {"metallicFactor", spec ? spec->metallic : 0.0f},
                {"roughnessFactor", spec ? spec->roughness : 0.9f}};
        if (entry.baseColorImage >= 0) {
            pbr["baseColorTexture"] = {{"index", entry.baseColorImage}};
        }
        if (entry.metallicRoughnessImage >= 0) {
            pbr["metallicRoughnessTexture"] = {{"index", entry.metallicRoughnessImage}};
        }
        nlohmann::json mat = {{"name", entry.name}, {"pbrMetallicRoughness", pbr}};
        if (spec) {
            mat["extras"] = {{"tileM", spec->tileM}};
        }
        materials.push_back(mat);
    }

    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& n : mNodes) {
        nlohmann::json node = {{"name", n.name}};
        if (n.mesh >= 0) {
            node["mesh"] = n.mesh;
        }
        if (!n.children.empty()) {
            node["children"] = n.children;
        }
        if (n.translation != glm::vec3(0.0f)) {
            const glm::vec3 t = toYUp(n.translation);
            node["translation"] = floatArray({t.x, t.y, t.z});
        }
        if (n.rotation != glm::quat(1.0f, 0.0f, 0.0f, 0.0f)) {
            const glm::quat q = glm::normalize(kZUpToYUp * n.rotation * glm::conjugate(kZUpToYUp));
            node["rotation"] = floatArray({q.x, q.y, q.z, q.w});
        }
        if (!n.extras.is_null()) {
            node["extras"] = n.extras;
        }
        nodes.push_back(node);
    }

    while (bin.bin.size() % 4 != 0) {
        bin.bin.push_back('\0');
    }
    nlohmann::json doc = {
            {"asset", {{"version", "2.0"}, {"generator", "Kilnfire kilngen"}}},
            {"scene", 0},
            {"scenes", {{{"name", "site"}, {"nodes", mRoots}}}},
            {"nodes", nodes},
            {"meshes", meshes},
            {"accessors", accessors},
            {"bufferViews", bin.views},
            {"buffers", {{{"byteLength", bin.bin.size()}}}},
    };
    if (!materials.empty()) {
        doc["materials"] = materials;
    }
    if (!images.empty()) {
        doc["images"] = images;
        doc["textures"] = textures;
        doc["samplers"] = {
                {{"magFilter", 9729}, {"minFilter", 9987}, {"wrapS", 10497}, {"wrapT", 10497}}};
    }
    std::string json = doc.dump();
    while (json.size() % 4 != 0) {
        json.push_back(' ');
    }
    const auto put32 = [](std::string& out, std::uint32_t v) {
        for (int b = 0; b < 4; ++b) {
            out.push_back(static_cast<char>((v >> (8 * b)) & 0xffu));
        }
    };
    std::string glb;
    const auto total = static_cast<std::uint32_t>(12 + 8 + json.size() + 8 + bin.bin.size());
    put32(glb, 0x46546C67u); // "glTF"
    put32(glb, 2u);
    put32(glb, total);
    put32(glb, static_cast<std::uint32_t>(json.size()));
    put32(glb, 0x4E4F534Au); // "JSON"
    glb += json;
    put32(glb, static_cast<std::uint32_t>(bin.bin.size()));
    put32(glb, 0x004E4942u); // "BIN\0"
    glb += bin.bin;
    return glb;
}

} // namespace kiln::kilngen
