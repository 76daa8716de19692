// A small deterministic glTF 2.0 binary (.glb) writer: named nodes (TRS), one-primitive meshes
// (POSITION, NORMAL, TEXCOORD_0, uint32 indices), PBR metallic-roughness materials with PNG
// textures embedded as bufferViews, and JSON `extras` on nodes and meshes.
// Input is in the site frame (Z up); the writer converts to glTF's Y up (x, y, z) -> (x, z, -y).
// Does NOT read glTF, compress, or write external files; the same document gives the same bytes.
#pragma once

#include "mesh.h"

#include <glm/gtc/quaternion.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace kiln::kilngen {

struct GltfNode {
    std::string name;
    int mesh = -1;
    glm::vec3 translation{0.0f};
    glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
    std::vector<int> children;
    nlohmann::json extras;
};

class GltfDocument {
public:
    // Returns the material index, adding the material and its textures on first use.
    int material(const std::string& name);
    int addMesh(const std::string& name, Mesh mesh, int material, nlohmann::json extras = {});
    int addNode(GltfNode node);
    GltfNode& node(int index) { return mNodes[static_cast<std::size_t>(index)]; }
    const Mesh& meshData(int index) const { return mMeshes[static_cast<std::size_t>(index)].mesh; }
    void addRoot(int node) { mRoots.push_back(node); }

    // The complete .glb file.
    std::string toGlb() const;

private:
    struct MeshEntry {
        std::string name;
        Mesh mesh;
        int material;
        nlohmann::json extras;
    };
    struct MaterialEntry {
        std::string name;
        int baseColorImage = -1;
        int metallicRoughnessImage = -1;
    };
    std::vector<MeshEntry> mMeshes;
    std::vector<MaterialEntry> mMaterials;
    std::vector<std::vector<std::uint8_t>> mImages;
    std::vector<std::string> mImageNames;
    std::vector<GltfNode> mNodes;
    std::vector<int> mRoots;
};

} // namespace kiln::kilngen
