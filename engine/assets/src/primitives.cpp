// Box model with outward normals and counter-clockwise faces.
#include "kiln/assets/primitives.h"

namespace kiln::assets {

ModelData makeBoxModel(const glm::vec3& center, const glm::vec3& size, const glm::vec4& color) {
    ModelData model;
    model.sourcePath = "(built-in box)";
    MaterialData material;
    material.name = "error material";
    material.baseColorFactor = color;
    material.roughnessFactor = 0.6f;
    model.materials.push_back(material);
    MeshData mesh;
    mesh.name = "box";
    const glm::vec3 h = size * 0.5f;
    const glm::vec3 normals[6] = {{1, 0, 0},  {-1, 0, 0}, {0, 1, 0},
                                  {0, -1, 0}, {0, 0, 1},  {0, 0, -1}};
    for (const glm::vec3& n : normals) {
        // Two axes spanning the face, chosen so that u x v = n (counter-clockwise from outside).
        const glm::vec3 u = glm::abs(n.y) > 0.5f ? glm::vec3(0, 0, n.y) : glm::vec3(-n.z, 0, n.x);
        const glm::vec3 v = glm::cross(n, u);
        const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
        const glm::vec2 corners[4] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        for (const glm::vec2& c : corners) {
            Vertex vertex;
            vertex.position = center + h * (n + u * c.x + v * c.y);
            vertex.normal = n;
            vertex.uv = (c + 1.0f) * 0.5f;
            mesh.vertices.push_back(vertex);
        }
        mesh.indices.insert(mesh.indices.end(),
                            {base, base + 1, base + 2, base, base + 2, base + 3});
    }
    mesh.boundsMin = center - h;
    mesh.boundsMax = center + h;
    model.meshes.push_back(std::move(mesh));
    model.instances.push_back({0, glm::mat4(1.0f), "box", {}});
    model.boundsMin = center - h;
    model.boundsMax = center + h;
    return model;
}

} // namespace kiln::assets
