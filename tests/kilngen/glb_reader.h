// Test-side reader for the .glb files kilngen writes: GLB chunks, JSON, accessors (float VEC2/VEC3,
// uint32 indices) and node TRS. Written independently of kilngen's writer so the tests measure
// the file, not the generator's memory. Positions are returned in the site frame (Z up):
// site (x, y, z) = glTF (x, -z, y).
#pragma once

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace kiln::test {

struct GlbMesh {
    std::string name;
    std::vector<glm::dvec3> positions; // site frame, mesh-local
    std::vector<glm::dvec3> normals;   // site frame
    std::vector<std::uint32_t> indices;
    nlohmann::json extras;
};

struct GlbNode {
    std::string name;
    int mesh = -1;
    int parent = -1;
    glm::dvec3 translation{0.0}; // site frame, relative to the parent
    glm::dquat rotation{1.0, 0.0, 0.0, 0.0};
    std::vector<int> children;
    nlohmann::json extras;
};

struct GlbFile {
    nlohmann::json json;
    std::vector<GlbMesh> meshes;
    std::vector<GlbNode> nodes;
    std::vector<std::string> errors; // structural problems found while reading

    int findNode(const std::string& name) const;
};

GlbFile readGlb(const std::filesystem::path& path);

} // namespace kiln::test
