// Box model with outward normals and counter-clockwise faces.
#include "kiln/assets/primitives.h"

#include <algorithm>
#include <cmath>

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

ModelData makeSphereModel(float radiusM, int segments, int rings, const glm::vec4& color) {
    ModelData model;
    model.sourcePath = "(built-in sphere)";
    MaterialData material;
    material.name = "effect";
    material.baseColorFactor = color;
    material.roughnessFactor = 1.0f;
    if (color.a < 1.0f) {
        material.alphaMode = AlphaMode::Blend;
    }
    model.materials.push_back(material);
    MeshData mesh;
    mesh.name = "sphere";
    segments = std::max(segments, 3);
    rings = std::max(rings, 2);
    constexpr float kPi = 3.14159265f;
    for (int r = 0; r <= rings; ++r) {
        const float phi = kPi * static_cast<float>(r) / static_cast<float>(rings);
        for (int s = 0; s <= segments; ++s) {
            const float theta = 2.0f * kPi * static_cast<float>(s) / static_cast<float>(segments);
            Vertex v;
            v.normal = {std::sin(phi) * std::cos(theta), std::cos(phi),
                        std::sin(phi) * std::sin(theta)};
            v.position = v.normal * radiusM;
            v.uv = {static_cast<float>(s) / static_cast<float>(segments),
                    static_cast<float>(r) / static_cast<float>(rings)};
            mesh.vertices.push_back(v);
        }
    }
    const auto row = static_cast<std::uint32_t>(segments + 1);
    for (std::uint32_t r = 0; r < static_cast<std::uint32_t>(rings); ++r) {
        for (std::uint32_t s = 0; s < static_cast<std::uint32_t>(segments); ++s) {
            const std::uint32_t a = r * row + s;
            const std::uint32_t b = a + row;
            // Counter-clockwise seen from outside (normals point outwards).
            mesh.indices.insert(mesh.indices.end(), {a, a + 1, b, a + 1, b + 1, b});
        }
    }
    mesh.boundsMin = glm::vec3(-radiusM);
    mesh.boundsMax = glm::vec3(radiusM);
    model.meshes.push_back(std::move(mesh));
    model.instances.push_back({0, glm::mat4(1.0f), "sphere", {}});
    model.boundsMin = glm::vec3(-radiusM);
    model.boundsMax = glm::vec3(radiusM);
    return model;
}

} // namespace kiln::assets
