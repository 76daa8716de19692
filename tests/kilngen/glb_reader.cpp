// GLB reader for the kilngen tests (glb_reader.h). Checks the container as it reads: magic,
// version, chunk types and lengths, accessor bounds; problems go to GlbFile::errors.
#include "glb_reader.h"

#include <cstring>
#include <fstream>
#include <iterator>

namespace kiln::test {

namespace {

std::uint32_t read32(const std::string& b, std::size_t at) {
    std::uint32_t v = 0;
    for (int k = 3; k >= 0; --k) {
        v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(k)]);
    }
    return v;
}

glm::dvec3 siteFromGltf(double x, double y, double z) {
    return {x, -z, y};
}

} // namespace

int GlbFile::findNode(const std::string& name) const {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].name == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

GlbFile readGlb(const std::filesystem::path& path) {
    GlbFile out;
    std::ifstream in(path, std::ios::binary);
    const std::string b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (b.size() < 28 || read32(b, 0) != 0x46546C67u || read32(b, 4) != 2u) {
        out.errors.push_back("not a glTF 2 binary");
        return out;
    }
    if (read32(b, 8) != b.size()) {
        out.errors.push_back("header length differs from the file size");
    }
    const std::uint32_t jsonLength = read32(b, 12);
    if (read32(b, 16) != 0x4E4F534Au || 20 + jsonLength + 8 > b.size() || jsonLength % 4 != 0) {
        out.errors.push_back("bad JSON chunk");
        return out;
    }
    out.json = nlohmann::json::parse(b.substr(20, jsonLength));
    const std::size_t binAt = 20 + jsonLength;
    const std::uint32_t binLength = read32(b, binAt);
    if (read32(b, binAt + 4) != 0x004E4942u || binAt + 8 + binLength != b.size()) {
        out.errors.push_back("bad BIN chunk");
        return out;
    }
    const std::string bin = b.substr(binAt + 8, binLength);
    const auto& j = out.json;
    if (j["buffers"][0]["byteLength"].get<std::size_t>() > bin.size()) {
        out.errors.push_back("buffer longer than the BIN chunk");
    }
    const auto accessorBytes = [&](int index, std::size_t componentBytes, std::size_t components,
                                   std::size_t& count) -> const char* {
        const auto& acc = j["accessors"][static_cast<std::size_t>(index)];
        const auto& view = j["bufferViews"][acc["bufferView"].get<std::size_t>()];
        count = acc["count"].get<std::size_t>();
        const std::size_t offset =
                view.value("byteOffset", std::size_t(0)) + acc.value("byteOffset", std::size_t(0));
        if (offset + count * componentBytes * components > bin.size() ||
            count * componentBytes * components > view["byteLength"].get<std::size_t>()) {
            out.errors.push_back("accessor " + std::to_string(index) + " runs past its view");
            count = 0;
            return nullptr;
        }
        return bin.data() + offset;
    };
    const auto readVec3 = [&](int index, std::vector<glm::dvec3>& dst) {
        std::size_t count = 0;
        const char* p = accessorBytes(index, 4, 3, count);
        for (std::size_t i = 0; i < count; ++i) {
            float v[3];
            std::memcpy(v, p + i * 12, 12);
            dst.push_back(siteFromGltf(v[0], v[1], v[2]));
        }
    };
    for (const auto& m : j["meshes"]) {
        GlbMesh mesh;
        mesh.name = m.value("name", "");
        mesh.extras = m.value("extras", nlohmann::json::object());
        const auto& prim = m["primitives"][0];
        readVec3(prim["attributes"]["POSITION"].get<int>(), mesh.positions);
        readVec3(prim["attributes"]["NORMAL"].get<int>(), mesh.normals);
        std::size_t count = 0;
        const int idx = prim["indices"].get<int>();
        if (j["accessors"][static_cast<std::size_t>(idx)]["componentType"] != 5125) {
            out.errors.push_back("indices are not uint32");
        }
        const char* p = accessorBytes(idx, 4, 1, count);
        mesh.indices.resize(count);
        if (count > 0) {
            std::memcpy(mesh.indices.data(), p, count * 4);
        }
        for (auto i : mesh.indices) {
            if (i >= mesh.positions.size()) {
                out.errors.push_back("index out of range in mesh " + mesh.name);
                break;
            }
        }
        out.meshes.push_back(std::move(mesh));
    }
    for (const auto& n : j["nodes"]) {
        GlbNode node;
        node.name = n.value("name", "");
        node.mesh = n.value("mesh", -1);
        node.extras = n.value("extras", nlohmann::json());
        if (n.contains("translation")) {
            const auto& t = n["translation"];
            node.translation =
                    siteFromGltf(t[0].get<double>(), t[1].get<double>(), t[2].get<double>());
        }
        if (n.contains("rotation")) {
            const auto& r = n["rotation"];
            // Change of basis of the rotation's vector part, like positions.
            const glm::dvec3 v =
                    siteFromGltf(r[0].get<double>(), r[1].get<double>(), r[2].get<double>());
            node.rotation = glm::dquat(r[3].get<double>(), v.x, v.y, v.z);
        }
        if (n.contains("children")) {
            node.children = n["children"].get<std::vector<int>>();
        }
        out.nodes.push_back(std::move(node));
    }
    for (std::size_t i = 0; i < out.nodes.size(); ++i) {
        for (int c : out.nodes[i].children) {
            out.nodes[static_cast<std::size_t>(c)].parent = static_cast<int>(i);
        }
    }
    return out;
}

} // namespace kiln::test
