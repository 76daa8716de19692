// Level-of-detail meshes by vertex clustering (render/mesh_lod.h): on a column of stacked saggar
// drums as kilngen builds them, and on a finely tessellated cube (hard edges, flat faces). The
// levels get coarser in order, stay within their stated error of the original surface, keep
// roughly its volume, keep flat faces flat and hard edges hard, and are deterministic.
#include "kiln/render/mesh_lod.h"

#include <glm/gtc/constants.hpp>
#include <gtest/gtest.h>

#include <cmath>

using namespace kiln;

namespace {

void addVertex(assets::MeshData& mesh, const glm::vec3& p, const glm::vec3& n) {
    assets::Vertex v;
    v.position = p;
    v.normal = n;
    v.uv = {p.x + p.z, p.y};
    mesh.vertices.push_back(v);
}

// Closed drum along +y: `segments` around, a smooth side and two flat caps (fans from the centre).
void addDrum(assets::MeshData& mesh, float baseY, float radius, float height, int segments) {
    const auto ring = [&](float y, bool side, const glm::vec3& capNormal) {
        const auto first = static_cast<std::uint32_t>(mesh.vertices.size());
        for (int i = 0; i < segments; ++i) {
            const float a =
                    glm::two_pi<float>() * static_cast<float>(i) / static_cast<float>(segments);
            const glm::vec3 radial(std::cos(a), 0.0f, -std::sin(a));
            addVertex(mesh, glm::vec3(0.0f, y, 0.0f) + radial * radius, side ? radial : capNormal);
        }
        return first;
    };
    const auto seg = static_cast<std::uint32_t>(segments);
    const std::uint32_t bottom = ring(baseY, true, {});
    const std::uint32_t top = ring(baseY + height, true, {});
    for (std::uint32_t i = 0; i < seg; ++i) {
        const std::uint32_t j = (i + 1) % seg;
        mesh.indices.insert(mesh.indices.end(),
                            {bottom + i, bottom + j, top + j, bottom + i, top + j, top + i});
    }
    for (const bool up : {false, true}) {
        const glm::vec3 n(0.0f, up ? 1.0f : -1.0f, 0.0f);
        const float y = baseY + (up ? height : 0.0f);
        const std::uint32_t rim = ring(y, false, n);
        const auto centre = static_cast<std::uint32_t>(mesh.vertices.size());
        addVertex(mesh, {0.0f, y, 0.0f}, n);
        for (std::uint32_t i = 0; i < seg; ++i) {
            const std::uint32_t j = (i + 1) % seg;
            if (up) {
                mesh.indices.insert(mesh.indices.end(), {centre, rim + i, rim + j});
            } else {
                mesh.indices.insert(mesh.indices.end(), {centre, rim + j, rim + i});
            }
        }
    }
}

// A column of 14 saggars, 0.3 m across and 0.22 m high with 6 mm gaps (the egg kiln's setting).
assets::MeshData saggarColumn() {
    assets::MeshData mesh;
    mesh.name = "saggar_column_n14";
    for (int k = 0; k < 14; ++k) {
        addDrum(mesh, 0.22f * static_cast<float>(k), 0.15f, 0.214f, 20);
    }
    mesh.boundsMin = {-0.15f, 0.0f, -0.15f};
    mesh.boundsMax = {0.15f, 14 * 0.22f, 0.15f};
    return mesh;
}

// A 1 m cube with each face split into n x n quads (separate vertices per face: hard edges).
assets::MeshData gridCube(int n) {
    assets::MeshData mesh;
    const glm::vec3 normals[6] = {{1, 0, 0},  {-1, 0, 0}, {0, 1, 0},
                                  {0, -1, 0}, {0, 0, 1},  {0, 0, -1}};
    for (const glm::vec3& normal : normals) {
        const glm::vec3 u = std::abs(normal.y) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
        const glm::vec3 v = glm::cross(normal, u);
        const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
        for (int j = 0; j <= n; ++j) {
            for (int i = 0; i <= n; ++i) {
                const float s = static_cast<float>(i) / static_cast<float>(n) - 0.5f;
                const float t = static_cast<float>(j) / static_cast<float>(n) - 0.5f;
                addVertex(mesh, normal * 0.5f + u * s + v * t, normal);
            }
        }
        const auto row = static_cast<std::uint32_t>(n + 1);
        for (std::uint32_t j = 0; j < static_cast<std::uint32_t>(n); ++j) {
            for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(n); ++i) {
                const std::uint32_t a = base + j * row + i;
                mesh.indices.insert(mesh.indices.end(),
                                    {a, a + 1, a + row + 1, a, a + row + 1, a + row});
            }
        }
    }
    mesh.boundsMin = glm::vec3(-0.5f);
    mesh.boundsMax = glm::vec3(0.5f);
    return mesh;
}

double signedVolume(const std::vector<assets::Vertex>& v, const std::vector<std::uint32_t>& idx) {
    double volume = 0.0;
    for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
        const glm::dvec3 a(v[idx[t]].position), b(v[idx[t + 1]].position),
                c(v[idx[t + 2]].position);
        volume += glm::dot(a, glm::cross(b, c)) / 6.0;
    }
    return volume;
}

// Distance from p to the column's surface (a stack of closed cylinders), in metres.
float distanceToColumn(const glm::vec3& p) {
    float best = std::numeric_limits<float>::max();
    for (int k = 0; k < 14; ++k) {
        const float y0 = 0.22f * static_cast<float>(k), y1 = y0 + 0.214f;
        const float r = std::sqrt(p.x * p.x + p.z * p.z);
        const float dr = r - 0.15f;
        const float dy = std::max(y0 - p.y, p.y - y1);
        // Signed distance of a capped cylinder, taken as unsigned.
        const float outside = glm::length(glm::vec2(std::max(dr, 0.0f), std::max(dy, 0.0f)));
        const float inside = std::min(std::max(dr, dy), 0.0f);
        best = std::min(best, std::abs(outside + inside));
    }
    return best;
}

} // namespace

TEST(MeshLod, SaggarColumnLevelsGetCoarserInOrderWithinTheirTargets) {
    const assets::MeshData column = saggarColumn();
    const std::size_t full = column.indices.size() / 3;
    ASSERT_EQ(full, 14u * 80u);
    const render::LodOptions options;
    const std::vector<render::LodLevel> levels = render::buildLods(column, options);
    ASSERT_GE(levels.size(), 1u) << "a 1,120-triangle column gets a level";
    std::size_t previous = full;
    float previousError = 0.0f;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const render::LodLevel& level = levels[i];
        SCOPED_TRACE("level " + std::to_string(i + 1));
        EXPECT_GT(level.triangleCount(), 0u);
        EXPECT_LE(static_cast<float>(level.triangleCount()),
                  options.triangleRatios[i] * static_cast<float>(full));
        EXPECT_LT(level.triangleCount() * 4, previous * 3) << "each level saves a quarter";
        EXPECT_GT(level.errorM, previousError);
        EXPECT_LE(level.errorM, 0.25f * 0.3f) << "at most a quarter of the saggar's diameter";
        previous = level.triangleCount();
        previousError = level.errorM;
        for (std::uint32_t index : level.indices) {
            ASSERT_LT(index, level.vertices.size());
        }
    }
}

TEST(MeshLod, LevelsStayWithinTheirErrorOfTheSurfaceAndKeepTheVolume) {
    const assets::MeshData column = saggarColumn();
    const double fullVolume = signedVolume(column.vertices, column.indices);
    ASSERT_GT(fullVolume, 0.0) << "outward-facing test mesh";
    for (const render::LodLevel& level : render::buildLods(column)) {
        SCOPED_TRACE("error " + std::to_string(level.errorM));
        float worst = 0.0f;
        for (const assets::Vertex& v : level.vertices) {
            worst = std::max(worst, distanceToColumn(v.position));
            EXPECT_NEAR(glm::length(v.normal), 1.0f, 1e-4f);
        }
        // Each new vertex lies within errorM of a vertex it replaced, which lay on the surface.
        EXPECT_LE(worst, level.errorM + 1e-5f);
        const double volume = signedVolume(level.vertices, level.indices);
        EXPECT_NEAR(volume / fullVolume, 1.0, 0.2) << "the column neither vanishes nor swells";
    }
}

TEST(MeshLod, FlatFacesStayFlatAndHardEdgesHard) {
    const assets::MeshData cube = gridCube(12); // 1,728 triangles
    const render::LodLevel level = render::clusterVertices(cube.vertices, cube.indices, 0.3f);
    ASSERT_GT(level.triangleCount(), 12u);
    EXPECT_LT(level.triangleCount(), cube.indices.size() / 3 / 4);
    for (const assets::Vertex& v : level.vertices) {
        // Every normal is still one of the six face normals (no corner was smoothed)...
        const glm::vec3 a = glm::abs(v.normal);
        EXPECT_NEAR(std::max({a.x, a.y, a.z}), 1.0f, 1e-5f);
        // ...and every vertex still lies on the face it belongs to.
        EXPECT_NEAR(glm::dot(v.position, v.normal), 0.5f, 2e-3f);
    }
    EXPECT_NEAR(signedVolume(level.vertices, level.indices), 1.0, 1e-2);
}

TEST(MeshLod, AFineGridChangesNothingAndTheResultIsDeterministic) {
    const assets::MeshData cube = gridCube(4);
    const render::LodLevel same = render::clusterVertices(cube.vertices, cube.indices, 0.01f);
    EXPECT_EQ(same.triangleCount(), cube.indices.size() / 3);
    const assets::MeshData column = saggarColumn();
    const auto a = render::buildLods(column);
    const auto b = render::buildLods(column);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].indices, b[i].indices);
        ASSERT_EQ(a[i].vertices.size(), b[i].vertices.size());
        for (std::size_t v = 0; v < a[i].vertices.size(); ++v) {
            EXPECT_EQ(a[i].vertices[v].position, b[i].vertices[v].position);
        }
    }
}

TEST(MeshLod, SmallEmptyAndOversizedMeshesGetNoLevels) {
    EXPECT_TRUE(render::buildLods(assets::MeshData{}).empty());
    EXPECT_TRUE(render::buildLods(gridCube(1)).empty()) << "12 triangles: nothing to gain";
    render::LodOptions options;
    options.maxTriangles = 1000;
    EXPECT_TRUE(render::buildLods(saggarColumn(), options).empty());
    const render::LodLevel none = render::clusterVertices({}, {}, 1.0f);
    EXPECT_EQ(none.triangleCount(), 0u);
}
