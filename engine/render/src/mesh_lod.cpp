// Vertex-clustering simplifier for level-of-detail meshes (mesh_lod.h).
#include "kiln/render/mesh_lod.h"

#include "kiln/core/assert.h"

#include <glm/gtc/matrix_inverse.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace kiln::render {
namespace {

// Vertices of one cell whose normals are further apart than this stay separate (cos 60 deg).
constexpr float kNormalCosLimit = 0.5f;

// Sum of squared distances to planes: x^T A x + 2 b.x + c (c is not needed to minimise).
struct Quadric {
    glm::dmat3 a{0.0};
    glm::dvec3 b{0.0};
    glm::dvec3 positionSum{0.0};
    int count = 0;
};

// Vertices of one cell that share a normal direction: one output vertex.
struct Group {
    glm::vec3 normalSum{0.0f};
    glm::vec2 uvSum{0.0f};
    glm::vec2 uv1Sum{0.0f};
    glm::vec4 colorSum{0.0f};
    glm::vec3 tangentSum{0.0f};
    float handedness = 0.0f;
    int count = 0;
    int cell = 0;
    std::uint32_t output = 0;
};

std::uint64_t cellKey(const glm::ivec3& c) {
    // 21 bits per axis: 2 million cells along each side is far beyond any level's grid.
    const auto u = [](int v) { return static_cast<std::uint64_t>(v) & 0x1fffffu; };
    return u(c.x) | (u(c.y) << 21) | (u(c.z) << 42);
}

} // namespace

LodLevel clusterVertices(const std::vector<assets::Vertex>& vertices,
                         const std::vector<std::uint32_t>& indices, float cellM) {
    KILN_ASSERT(cellM > 0.0f, "render::clusterVertices: cellM must be > 0");
    LodLevel out;
    if (vertices.empty() || indices.size() < 3) {
        return out;
    }
    glm::vec3 lo(std::numeric_limits<float>::max());
    for (const assets::Vertex& v : vertices) {
        lo = glm::min(lo, v.position);
    }

    // Cell of every vertex.
    std::unordered_map<std::uint64_t, int> cellIndex;
    std::vector<int> cellOf(vertices.size());
    std::vector<glm::ivec3> cellCoords;
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        const glm::ivec3 c(glm::floor((vertices[i].position - lo) / cellM));
        auto [it, inserted] = cellIndex.emplace(cellKey(c), static_cast<int>(cellCoords.size()));
        if (inserted) {
            cellCoords.push_back(c);
        }
        cellOf[i] = it->second;
    }

    // Quadrics: every triangle's plane, weighted by its area, goes to the cells of its corners.
    std::vector<Quadric> quadrics(cellCoords.size());
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        Quadric& q = quadrics[static_cast<std::size_t>(cellOf[i])];
        q.positionSum += glm::dvec3(vertices[i].position);
        ++q.count;
    }
    const std::size_t triangles = indices.size() / 3;
    for (std::size_t t = 0; t < triangles; ++t) {
        const glm::dvec3 p0(vertices[indices[3 * t]].position);
        const glm::dvec3 p1(vertices[indices[3 * t + 1]].position);
        const glm::dvec3 p2(vertices[indices[3 * t + 2]].position);
        const glm::dvec3 cross = glm::cross(p1 - p0, p2 - p0);
        const double twiceArea = glm::length(cross);
        if (twiceArea <= 0.0) {
            continue;
        }
        const glm::dvec3 n = cross / twiceArea;
        const double d = -glm::dot(n, p0);
        const double w = 0.5 * twiceArea;
        const glm::dmat3 nnT = glm::outerProduct(n, n) * w;
        int seen[3] = {-1, -1, -1};
        for (int k = 0; k < 3; ++k) {
            const int cell = cellOf[indices[3 * t + static_cast<std::size_t>(k)]];
            if (cell == seen[0] || cell == seen[1]) {
                continue;
            }
            seen[k] = cell;
            Quadric& q = quadrics[static_cast<std::size_t>(cell)];
            q.a += nnT;
            q.b += n * (d * w);
        }
    }

    // One position per cell: argmin of the quadric plus a small pull towards the cell's mean
    // (which decides along directions the planes leave free: along a cylinder's axis, across a
    // flat face), clamped into the cell so that no vertex strays.
    std::vector<glm::vec3> cellPosition(cellCoords.size());
    for (std::size_t c = 0; c < cellCoords.size(); ++c) {
        const Quadric& q = quadrics[c];
        const glm::dvec3 mean = q.positionSum / static_cast<double>(q.count);
        const double trace = q.a[0][0] + q.a[1][1] + q.a[2][2];
        glm::dvec3 x = mean;
        if (trace > 0.0) {
            const double lambda = 1e-3 * trace;
            const glm::dmat3 m = q.a + glm::dmat3(lambda);
            x = glm::inverse(m) * (lambda * mean - q.b);
        }
        const glm::dvec3 cellLo =
                glm::dvec3(lo) + glm::dvec3(cellCoords[c]) * static_cast<double>(cellM);
        const glm::dvec3 cellHi = cellLo + glm::dvec3(static_cast<double>(cellM));
        if (!std::isfinite(x.x) || !std::isfinite(x.y) || !std::isfinite(x.z)) {
            x = mean;
        }
        cellPosition[c] = glm::vec3(glm::clamp(x, cellLo, cellHi));
    }
    // The error is how far the furthest vertex moved (at most the cell's diagonal).
    float moved = 0.0f;
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        moved = std::max(moved, glm::distance(vertices[i].position,
                                              cellPosition[static_cast<std::size_t>(cellOf[i])]));
    }
    out.errorM = moved;

    // Output vertices: per cell, one per normal direction.
    std::vector<Group> groups;
    std::vector<std::vector<int>> groupsOfCell(cellCoords.size());
    std::vector<int> groupOf(vertices.size());
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        const assets::Vertex& v = vertices[i];
        const int cell = cellOf[i];
        int found = -1;
        for (int g : groupsOfCell[static_cast<std::size_t>(cell)]) {
            const glm::vec3 sum = groups[static_cast<std::size_t>(g)].normalSum;
            const float len = glm::length(sum);
            if (len > 0.0f && glm::dot(sum / len, v.normal) >= kNormalCosLimit) {
                found = g;
                break;
            }
        }
        if (found < 0) {
            found = static_cast<int>(groups.size());
            Group g;
            g.cell = cell;
            groups.push_back(g);
            groupsOfCell[static_cast<std::size_t>(cell)].push_back(found);
        }
        Group& g = groups[static_cast<std::size_t>(found)];
        g.normalSum += v.normal;
        g.uvSum += v.uv;
        g.uv1Sum += v.uv1;
        g.colorSum += v.color;
        g.tangentSum += glm::vec3(v.tangent);
        g.handedness += v.tangent.w;
        ++g.count;
        groupOf[i] = found;
    }

    // Triangles whose corners fall in three different cells, unless the snap turned them over
    // (their face would point against their vertices' normals) or they repeat one already kept.
    constexpr std::uint32_t kUnused = std::numeric_limits<std::uint32_t>::max();
    for (Group& g : groups) {
        g.output = kUnused;
    }
    std::unordered_set<std::uint64_t> kept;
    for (std::size_t t = 0; t < triangles; ++t) {
        std::array<int, 3> g{};
        std::array<int, 3> c{};
        for (std::size_t k = 0; k < 3; ++k) {
            g[k] = groupOf[indices[3 * t + k]];
            c[k] = groups[static_cast<std::size_t>(g[k])].cell;
        }
        if (c[0] == c[1] || c[1] == c[2] || c[0] == c[2]) {
            continue;
        }
        const glm::vec3 face = glm::cross(cellPosition[static_cast<std::size_t>(c[1])] -
                                                  cellPosition[static_cast<std::size_t>(c[0])],
                                          cellPosition[static_cast<std::size_t>(c[2])] -
                                                  cellPosition[static_cast<std::size_t>(c[0])]);
        glm::vec3 normals(0.0f);
        for (int gi : g) {
            normals += groups[static_cast<std::size_t>(gi)].normalSum;
        }
        if (glm::dot(face, normals) <= 0.0f) {
            continue;
        }
        // The same triangle in any rotation (winding kept) has one key: smallest group first.
        const std::size_t first =
                static_cast<std::size_t>(std::min_element(g.begin(), g.end()) - g.begin());
        std::uint64_t key = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            key = (key << 21) | static_cast<std::uint64_t>(g[(first + k) % 3]);
        }
        if (!kept.insert(key).second) {
            continue;
        }
        for (int gi : g) {
            Group& group = groups[static_cast<std::size_t>(gi)];
            if (group.output == kUnused) {
                group.output = static_cast<std::uint32_t>(out.vertices.size());
                const float n = static_cast<float>(group.count);
                assets::Vertex v;
                v.position = cellPosition[static_cast<std::size_t>(group.cell)];
                const float len = glm::length(group.normalSum);
                v.normal = len > 0.0f ? group.normalSum / len : glm::vec3(0.0f, 1.0f, 0.0f);
                v.uv = group.uvSum / n;
                v.uv1 = group.uv1Sum / n;
                v.color = group.colorSum / n;
                const float tlen = glm::length(group.tangentSum);
                v.tangent = glm::vec4(tlen > 0.0f ? group.tangentSum / tlen : glm::vec3(1, 0, 0),
                                      group.handedness < 0.0f ? -1.0f : 1.0f);
                out.vertices.push_back(v);
            }
            out.indices.push_back(group.output);
        }
    }
    return out;
}

std::vector<LodLevel> buildLods(const assets::MeshData& mesh, const LodOptions& options) {
    std::vector<LodLevel> levels;
    const std::size_t full = mesh.indices.size() / 3;
    if (full < options.minTriangles || full > options.maxTriangles || mesh.vertices.empty()) {
        return levels;
    }
    double area = 0.0;
    for (std::size_t t = 0; t < full; ++t) {
        const glm::vec3& p0 = mesh.vertices[mesh.indices[3 * t]].position;
        const glm::vec3& p1 = mesh.vertices[mesh.indices[3 * t + 1]].position;
        const glm::vec3& p2 = mesh.vertices[mesh.indices[3 * t + 2]].position;
        area += 0.5 * static_cast<double>(glm::length(glm::cross(p1 - p0, p2 - p0)));
    }
    glm::vec3 lo(std::numeric_limits<float>::max());
    glm::vec3 hi(std::numeric_limits<float>::lowest());
    for (const assets::Vertex& v : mesh.vertices) {
        lo = glm::min(lo, v.position);
        hi = glm::max(hi, v.position);
    }
    const float diagonal = glm::length(hi - lo);
    // A level may not move vertices by more than this share of the mesh's thinnest extent (a
    // saggar column's diameter): beyond it a drum collapses into shards, however small on screen.
    const glm::vec3 extent = hi - lo;
    const float maxErrorM =
            options.maxErrorShareOfThinnestExtent * std::min({extent.x, extent.y, extent.z});
    if (!(area > 0.0) || !std::isfinite(diagonal) || diagonal <= 0.0f) {
        return levels;
    }
    // Search upwards from the size of an average triangle (a grid that fine merges little) in
    // steps of 2^(1/4); coarser levels carry on from where the finer one stopped.
    constexpr float kStep = 1.18920712f;
    float cell = static_cast<float>(std::sqrt(2.0 * area / static_cast<double>(full)));
    std::size_t previous = full;
    for (float ratio : options.triangleRatios) {
        const auto target = static_cast<std::size_t>(ratio * static_cast<float>(full));
        LodLevel level;
        bool reached = false;
        for (; cell <= diagonal; cell *= kStep) {
            level = clusterVertices(mesh.vertices, mesh.indices, cell);
            if (level.triangleCount() <= target) {
                reached = true;
                break;
            }
        }
        if (!reached || level.triangleCount() == 0 || level.errorM > maxErrorM) {
            break;
        }
        cell *= kStep;
        if (level.triangleCount() * 4 > previous * 3) {
            continue; // saves less than a quarter of the previous level: not worth a draw
        }
        previous = level.triangleCount();
        levels.push_back(std::move(level));
    }
    return levels;
}

} // namespace kiln::render
