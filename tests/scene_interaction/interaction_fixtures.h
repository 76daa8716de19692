// Shared fixtures for the interaction tests: box meshes built in code (SimpleMeshes-like data
// with known geometry) and small geometric helpers.
#pragma once

#include "kiln/assets/model_data.h"

#include <glm/glm.hpp>

#include <string>

namespace kiln::test {

// An axis-aligned box centred on the origin with the given half extents: 8 vertices, 12
// triangles, outward winding.
inline assets::MeshData makeBoxMesh(glm::vec3 half, const std::string& name = "box") {
    assets::MeshData mesh;
    mesh.name = name;
    for (int i = 0; i < 8; ++i) {
        assets::Vertex v;
        v.position = glm::vec3((i & 1) ? half.x : -half.x, (i & 2) ? half.y : -half.y,
                               (i & 4) ? half.z : -half.z);
        mesh.vertices.push_back(v);
    }
    // Faces as quads of corner indices (bit 0: +x, bit 1: +y, bit 2: +z).
    const unsigned quads[6][4] = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4},
                                  {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
    for (const auto& q : quads) {
        mesh.indices.insert(mesh.indices.end(), {q[0], q[1], q[2], q[0], q[2], q[3]});
    }
    mesh.boundsMin = -half;
    mesh.boundsMax = half;
    return mesh;
}

inline assets::MeshInstance makeInstance(int mesh, const glm::mat4& transform,
                                         const std::string& node) {
    assets::MeshInstance inst;
    inst.meshIndex = mesh;
    inst.transform = transform;
    inst.nodeName = node;
    return inst;
}

} // namespace kiln::test
