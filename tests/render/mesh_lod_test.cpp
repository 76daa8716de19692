// Level-of-detail meshes by meshoptimizer (render/mesh_lod.h): on a column of stacked saggar
// drums as kilngen builds them, and on a finely tessellated cube (hard edges, flat faces). The
// levels get coarser in order, stay within their stated error of the original surface (checked
// here against the analytic column, both ways), neither swell nor lose more volume than their
// error allows, keep flat faces flat and hard edges hard, and are deterministic; the vertex-cache
// order keeps every triangle.
#include "kiln/render/mesh_lod.h"

#include <glm/gtc/constants.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <random>

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

// Closest point on triangle abc to p, by brute force over the plane and the three edges.
glm::vec3 closestOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b,
                            const glm::vec3& c) {
    const glm::vec3 n = glm::cross(b - a, c - a);
    const float n2 = glm::dot(n, n);
    if (n2 > 0.0f) {
        const glm::vec3 q = p - n * (glm::dot(p - a, n) / n2);
        // Inside when q is on the inner side of every edge.
        if (glm::dot(glm::cross(b - a, q - a), n) >= 0.0f &&
            glm::dot(glm::cross(c - b, q - b), n) >= 0.0f &&
            glm::dot(glm::cross(a - c, q - c), n) >= 0.0f) {
            return q;
        }
    }
    glm::vec3 best = a;
    for (const auto& [u, v] : {std::pair{a, b}, std::pair{b, c}, std::pair{c, a}}) {
        const glm::vec3 e = v - u;
        const float t = glm::dot(e, e) > 0.0f
                                ? std::clamp(glm::dot(p - u, e) / glm::dot(e, e), 0.0f, 1.0f)
                                : 0.0f;
        const glm::vec3 q = u + e * t;
        if (glm::distance(p, q) < glm::distance(p, best)) {
            best = q;
        }
    }
    return best;
}

float distanceToMesh(const glm::vec3& p, const std::vector<assets::Vertex>& v,
                     const std::vector<std::uint32_t>& idx) {
    float best = std::numeric_limits<float>::max();
    for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
        best = std::min(best, glm::distance(p, closestOnTriangle(p, v[idx[t]].position,
                                                                 v[idx[t + 1]].position,
                                                                 v[idx[t + 2]].position)));
    }
    return best;
}

double surfaceArea(const std::vector<assets::Vertex>& v, const std::vector<std::uint32_t>& idx) {
    double area = 0.0;
    for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
        area += 0.5 * static_cast<double>(
                              glm::length(glm::cross(v[idx[t + 1]].position - v[idx[t]].position,
                                                     v[idx[t + 2]].position - v[idx[t]].position)));
    }
    return area;
}

// Misses of a 16-entry FIFO post-transform cache over an index list (llvmpipe's draw module
// keeps a small cache of shaded vertices for indexed draws).
std::size_t cacheMisses(const std::vector<std::uint32_t>& idx) {
    std::deque<std::uint32_t> cache;
    std::size_t misses = 0;
    for (std::uint32_t i : idx) {
        if (std::find(cache.begin(), cache.end(), i) == cache.end()) {
            ++misses;
            cache.push_back(i);
            if (cache.size() > 16) {
                cache.pop_front();
            }
        }
    }
    return misses;
}

// Every triangle as its three corners' positions and normals, rotated to a canonical first
// corner (winding kept), sorted: equal for two meshes that draw the same triangles.
std::vector<std::array<float, 18>> triangleSet(const std::vector<assets::Vertex>& v,
                                               const std::vector<std::uint32_t>& idx) {
    std::vector<std::array<float, 18>> set;
    for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
        std::array<std::array<float, 6>, 3> corners{};
        for (std::size_t k = 0; k < 3; ++k) {
            const assets::Vertex& x = v[idx[t + k]];
            corners[k] = {x.position.x, x.position.y, x.position.z,
                          x.normal.x,   x.normal.y,   x.normal.z};
        }
        const auto first = static_cast<std::size_t>(
                std::min_element(corners.begin(), corners.end()) - corners.begin());
        std::array<float, 18> key{};
        for (std::size_t k = 0; k < 3; ++k) {
            std::copy(corners[(first + k) % 3].begin(), corners[(first + k) % 3].end(),
                      key.begin() + static_cast<std::ptrdiff_t>(6 * k));
        }
        set.push_back(key);
    }
    std::sort(set.begin(), set.end());
    return set;
}

} // namespace

TEST(MeshLod, SaggarColumnLevelsGetCoarserInOrderWithinTheirBounds) {
    const assets::MeshData column = saggarColumn();
    const std::size_t full = column.indices.size() / 3;
    ASSERT_EQ(full, 14u * 80u);
    const std::vector<render::LodLevel> levels = render::buildLods(column);
    // Vertex clustering made one level (40 triangles a saggar at 5.4 cm); edge collapses make a
    // finer one and a coarser one.
    ASSERT_GE(levels.size(), 2u);
    EXPECT_LE(levels.front().triangleCount() * 2, full) << "halved...";
    EXPECT_LE(levels.front().errorM, 0.01f) << "...at under a centimetre";
    EXPECT_LE(levels.back().triangleCount() * 4, full) << "the coarsest: a quarter or less";
    std::size_t previous = full;
    float previousError = 0.0f;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const render::LodLevel& level = levels[i];
        SCOPED_TRACE("level " + std::to_string(i + 1));
        EXPECT_GT(level.triangleCount(), 0u);
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
    const double fullArea = surfaceArea(column.vertices, column.indices);
    ASSERT_GT(fullVolume, 0.0) << "outward-facing test mesh";
    for (const render::LodLevel& level : render::buildLods(column)) {
        SCOPED_TRACE("error " + std::to_string(level.errorM));
        // The level's surface, sampled on a barycentric grid (corners, edges, inside), lies
        // within errorM of the column...
        float worst = 0.0f;
        for (std::size_t t = 0; t + 2 < level.indices.size(); t += 3) {
            const glm::vec3& a = level.vertices[level.indices[t]].position;
            const glm::vec3& b = level.vertices[level.indices[t + 1]].position;
            const glm::vec3& c = level.vertices[level.indices[t + 2]].position;
            for (int i = 0; i <= 6; ++i) {
                for (int j = 0; i + j <= 6; ++j) {
                    const float u = static_cast<float>(i) / 6.0f, v = static_cast<float>(j) / 6.0f;
                    worst = std::max(worst, distanceToColumn(a + (b - a) * u + (c - a) * v));
                }
            }
        }
        for (const assets::Vertex& v : level.vertices) {
            EXPECT_NEAR(glm::length(v.normal), 1.0f, 1e-4f);
        }
        // (the analytic column, which the 20-sided drums themselves miss by up to 1.85 mm).
        EXPECT_LE(worst, level.errorM + 1.9e-3f);
        // ...and every vertex of the column lies within errorM of the level's surface.
        float back = 0.0f;
        for (const assets::Vertex& v : column.vertices) {
            back = std::max(back, distanceToMesh(v.position, level.vertices, level.indices));
        }
        EXPECT_LE(back, level.errorM + 1e-4f);
        // The column does not swell, and loses at most a shell as thick as the error; at a tenth
        // of the diameter or less, at most a fifth of its volume.
        const double volume = signedVolume(level.vertices, level.indices);
        EXPECT_LE(volume, fullVolume * 1.001);
        EXPECT_LE(fullVolume - volume, fullArea * static_cast<double>(level.errorM));
        if (level.errorM <= 0.03f) {
            EXPECT_NEAR(volume / fullVolume, 1.0, 0.2) << "the column neither vanishes nor swells";
        }
    }
}

TEST(MeshLod, FlatFacesStayFlatAndHardEdgesHard) {
    const assets::MeshData cube = gridCube(12); // 1,728 triangles
    const render::LodLevel level = render::simplifyMesh(cube.vertices, cube.indices, 24, 0.05f);
    ASSERT_GE(level.triangleCount(), 12u);
    EXPECT_LT(level.triangleCount(), cube.indices.size() / 3 / 4);
    EXPECT_LE(level.errorM, 1e-4f) << "flat faces lose nothing";
    for (const assets::Vertex& v : level.vertices) {
        // Every normal is still one of the six face normals (no corner was smoothed)...
        const glm::vec3 a = glm::abs(v.normal);
        EXPECT_NEAR(std::max({a.x, a.y, a.z}), 1.0f, 1e-5f);
        // ...and every vertex still lies on the face it belongs to.
        EXPECT_NEAR(glm::dot(v.position, v.normal), 0.5f, 2e-3f);
    }
    EXPECT_NEAR(signedVolume(level.vertices, level.indices), 1.0, 1e-2);
}

TEST(MeshLod, SloppyClusteringKeepsEachFaceWithItsOwnNormals) {
    // Clustering merges the vertices of a cell into one; each corner then takes, among the
    // vertices at that position, the one lit like its face (a cap's rim stays a cap's).
    const assets::MeshData column = saggarColumn();
    const render::LodLevel level = render::simplifyMesh(column.vertices, column.indices, 300, 0.1f,
                                                        render::Simplifier::Sloppy);
    ASSERT_GT(level.triangleCount(), 0u);
    EXPECT_LT(level.triangleCount(), column.indices.size() / 3);
    for (std::size_t t = 0; t + 2 < level.indices.size(); t += 3) {
        const glm::vec3& a = level.vertices[level.indices[t]].position;
        const glm::vec3 face = glm::cross(level.vertices[level.indices[t + 1]].position - a,
                                          level.vertices[level.indices[t + 2]].position - a);
        if (glm::length(face) < 1e-8f) {
            continue;
        }
        for (std::size_t k = 0; k < 3; ++k) {
            EXPECT_GT(glm::dot(level.vertices[level.indices[t + k]].normal, glm::normalize(face)),
                      0.0f);
        }
    }
}

TEST(MeshLod, AZeroBoundRemovesOnlyWhatCostsNothingAndTheResultIsDeterministic) {
    const assets::MeshData cube = gridCube(4);
    const render::LodLevel flat = render::simplifyMesh(cube.vertices, cube.indices, 1, 0.0f);
    EXPECT_LE(flat.errorM, 1e-5f);
    EXPECT_NEAR(signedVolume(flat.vertices, flat.indices), 1.0, 1e-5);
    const assets::MeshData column = saggarColumn();
    const render::LodLevel same = render::simplifyMesh(column.vertices, column.indices, 1, 0.0f);
    EXPECT_LE(same.errorM, 1e-5f);
    EXPECT_NEAR(signedVolume(same.vertices, same.indices),
                signedVolume(column.vertices, column.indices), 1e-6);
    const auto a = render::buildLods(column);
    const auto b = render::buildLods(column);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].indices, b[i].indices);
        EXPECT_EQ(a[i].errorM, b[i].errorM);
        ASSERT_EQ(a[i].vertices.size(), b[i].vertices.size());
        for (std::size_t v = 0; v < a[i].vertices.size(); ++v) {
            EXPECT_EQ(a[i].vertices[v].position, b[i].vertices[v].position);
        }
    }
}

TEST(MeshLod, SmallEmptyBrokenAndOversizedMeshesGetNoLevels) {
    EXPECT_TRUE(render::buildLods(assets::MeshData{}).empty());
    EXPECT_TRUE(render::buildLods(gridCube(1)).empty()) << "12 triangles: nothing to gain";
    render::LodOptions options;
    options.maxTriangles = 1000;
    EXPECT_TRUE(render::buildLods(saggarColumn(), options).empty());
    const render::LodLevel none = render::simplifyMesh({}, {}, 1, 1.0f);
    EXPECT_EQ(none.triangleCount(), 0u);
    // Clustering a small mesh into one cell leaves nothing (the bench's lathe meshes did this).
    const assets::MeshData cube = gridCube(2);
    const render::LodLevel gone =
            render::simplifyMesh(cube.vertices, cube.indices, 1, 10.0f, render::Simplifier::Sloppy);
    EXPECT_TRUE(gone.indices.empty());
    EXPECT_TRUE(gone.vertices.empty());
    assets::MeshData broken = saggarColumn();
    broken.indices[7] = static_cast<std::uint32_t>(broken.vertices.size()); // one past the end
    EXPECT_TRUE(render::buildLods(broken).empty());
    const std::vector<std::uint32_t> before = broken.indices;
    render::optimizeVertexOrder(broken.vertices, broken.indices);
    EXPECT_EQ(broken.indices, before) << "left as it is, not read out of bounds";
}

TEST(MeshLod, VertexCacheOrderKeepsEveryTriangleAndMissesLess) {
    assets::MeshData cube = gridCube(12);
    // Imported meshes come in any order: shuffle the triangles (deterministically).
    std::vector<std::size_t> order(cube.indices.size() / 3);
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::shuffle(order.begin(), order.end(), std::mt19937(7));
    std::vector<std::uint32_t> shuffled;
    for (std::size_t t : order) {
        shuffled.insert(shuffled.end(), cube.indices.begin() + static_cast<std::ptrdiff_t>(3 * t),
                        cube.indices.begin() + static_cast<std::ptrdiff_t>(3 * t + 3));
    }
    cube.indices = shuffled;
    std::vector<assets::Vertex> vertices = cube.vertices;
    std::vector<std::uint32_t> indices = cube.indices;
    render::optimizeVertexOrder(vertices, indices);
    EXPECT_EQ(triangleSet(vertices, indices), triangleSet(cube.vertices, cube.indices));
    EXPECT_EQ(vertices.size(), cube.vertices.size()) << "every vertex is used";
    EXPECT_LT(cacheMisses(indices) * 3, cacheMisses(cube.indices) * 2)
            << "at least a third fewer misses";
}
