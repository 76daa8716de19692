// Levels of detail with meshoptimizer (mesh_lod.h), and the error each level is measured at.
#include "kiln/render/mesh_lod.h"

#include "kiln/core/assert.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace kiln::render {
namespace {

const float* positions(const std::vector<assets::Vertex>& vertices) {
    return &vertices.front().position.x;
}

// Closest point on triangle abc to p (Ericson, Real-Time Collision Detection, 5.1.5).
glm::vec3 closestOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b,
                            const glm::vec3& c) {
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f) {
        return a;
    }
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3) {
        return b;
    }
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) {
        return a + ab * (d1 / (d1 - d3));
    }
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6) {
        return c;
    }
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) {
        return a + ac * (d2 / (d2 - d6));
    }
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && d4 - d3 >= 0.0f && d5 - d6 >= 0.0f) {
        return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    }
    const float denom = 1.0f / (va + vb + vc);
    return a + ab * (vb * denom) + ac * (vc * denom);
}

// Distances from points to a triangle surface, looked up through a uniform grid (cells in one
// array, each cell's triangles in another): only the triangles in the cells within a query's
// limit are tried, so a distance beyond the limit is reported as infinity rather than exactly.
class SurfaceDistance {
public:
    SurfaceDistance(const std::vector<assets::Vertex>& vertices,
                    const std::vector<std::uint32_t>& indices, float cellM) {
        glm::vec3 hi(std::numeric_limits<float>::lowest());
        mLo = glm::vec3(std::numeric_limits<float>::max());
        for (const assets::Vertex& v : vertices) {
            mLo = glm::min(mLo, v.position);
            hi = glm::max(hi, v.position);
        }
        // Cells as wide as the query limit (a query then reads 8 or 27 of them), but no more
        // than 2^18 in all (sizes worked out in float: no int overflow for a tiny limit).
        const glm::vec3 extent = hi - mLo;
        if (!std::isfinite(extent.x + extent.y + extent.z) || !std::isfinite(cellM)) {
            mLo = glm::vec3(0.0f); // no usable grid (no or broken vertices): one cell for all
        } else {
            mCellM = std::max(cellM, 1e-6f);
            glm::vec3 cells = extent / mCellM + 1.0f;
            while (cells.x * cells.y * cells.z > static_cast<float>(1 << 18)) {
                mCellM *= 2.0f;
                cells = extent / mCellM + 1.0f;
            }
            mDims = glm::ivec3(cells);
        }
        const std::size_t triangles = indices.size() / 3;
        mTriangles.resize(triangles);
        for (std::size_t t = 0; t < triangles; ++t) {
            Triangle& tri = mTriangles[t];
            tri.a = vertices[indices[3 * t]].position;
            tri.b = vertices[indices[3 * t + 1]].position;
            tri.c = vertices[indices[3 * t + 2]].position;
            tri.lo = glm::min(tri.a, glm::min(tri.b, tri.c));
            tri.hi = glm::max(tri.a, glm::max(tri.b, tri.c));
        }
        // Two passes: count per cell, then fill (compressed rows).
        const auto cells = static_cast<std::size_t>(mDims.x) * static_cast<std::size_t>(mDims.y) *
                           static_cast<std::size_t>(mDims.z);
        mStart.assign(cells + 1, 0);
        std::vector<std::uint32_t> fill;
        for (int pass = 0; pass < 2; ++pass) {
            for (std::size_t t = 0; t < triangles; ++t) {
                const glm::ivec3 c0 = cellOf(mTriangles[t].lo), c1 = cellOf(mTriangles[t].hi);
                for (int z = c0.z; z <= c1.z; ++z) {
                    for (int y = c0.y; y <= c1.y; ++y) {
                        for (int x = c0.x; x <= c1.x; ++x) {
                            const std::size_t cell = cellIndex({x, y, z});
                            if (pass == 0) {
                                ++mStart[cell + 1];
                            } else {
                                mItems[fill[cell]++] = static_cast<std::uint32_t>(t);
                            }
                        }
                    }
                }
            }
            if (pass == 0) {
                for (std::size_t i = 1; i < mStart.size(); ++i) {
                    mStart[i] += mStart[i - 1];
                }
                mItems.resize(mStart.back());
                fill.assign(mStart.begin(), mStart.end() - 1);
            }
        }
    }

    // The distance from p to the surface, or infinity when it is further than limitM.
    float operator()(const glm::vec3& p, float limitM) const {
        float best2 = limitM * limitM;
        bool found = false;
        const glm::ivec3 c0 = cellOf(p - limitM), c1 = cellOf(p + limitM);
        for (int z = c0.z; z <= c1.z; ++z) {
            for (int y = c0.y; y <= c1.y; ++y) {
                for (int x = c0.x; x <= c1.x; ++x) {
                    const std::size_t cell = cellIndex({x, y, z});
                    for (std::uint32_t i = mStart[cell]; i < mStart[cell + 1]; ++i) {
                        const Triangle& tri = mTriangles[mItems[i]];
                        const glm::vec3 out = glm::max(glm::max(tri.lo - p, p - tri.hi), 0.0f);
                        if (glm::dot(out, out) > best2) {
                            continue;
                        }
                        const glm::vec3 d = closestOnTriangle(p, tri.a, tri.b, tri.c) - p;
                        if (glm::dot(d, d) <= best2) {
                            best2 = glm::dot(d, d);
                            found = true;
                        }
                    }
                }
            }
        }
        return found ? std::sqrt(best2) : std::numeric_limits<float>::infinity();
    }

private:
    struct Triangle {
        glm::vec3 a, b, c, lo, hi;
    };
    // Points outside the grid count in its border cells (a query box reaching past it).
    glm::ivec3 cellOf(const glm::vec3& p) const {
        return glm::clamp(glm::ivec3(glm::floor((p - mLo) / mCellM)), glm::ivec3(0), mDims - 1);
    }
    std::size_t cellIndex(const glm::ivec3& c) const {
        return (static_cast<std::size_t>(c.z) * static_cast<std::size_t>(mDims.y) +
                static_cast<std::size_t>(c.y)) *
                       static_cast<std::size_t>(mDims.x) +
               static_cast<std::size_t>(c.x);
    }

    float mCellM = 1.0f;
    glm::vec3 mLo{0.0f};
    glm::ivec3 mDims{1};
    std::vector<Triangle> mTriangles;
    std::vector<std::uint32_t> mStart; // cell i's triangles: mItems[mStart[i], mStart[i + 1])
    std::vector<std::uint32_t> mItems;
};

// The two-sided deviation between the original surface and a level's (see LodLevel::errorM),
// or infinity when it passes limitM; points: the original's vertex positions, once each.
float measuredDeviation(const std::vector<glm::vec3>& points, const LodLevel& level,
                        const SurfaceDistance& toOriginal, float limitM) {
    // The new edges' midpoints and the new faces' centres first: where a level fails, it is
    // mostly there (a chord cutting a curve), and the search stops at the first point past.
    float worst = 0.0f;
    for (std::size_t t = 0; t + 2 < level.indices.size(); t += 3) {
        const glm::vec3& a = level.vertices[level.indices[t]].position;
        const glm::vec3& b = level.vertices[level.indices[t + 1]].position;
        const glm::vec3& c = level.vertices[level.indices[t + 2]].position;
        for (const glm::vec3& p :
             {(a + b) * 0.5f, (b + c) * 0.5f, (c + a) * 0.5f, (a + b + c) / 3.0f}) {
            worst = std::max(worst, toOriginal(p, limitM));
            if (std::isinf(worst)) {
                return worst;
            }
        }
    }
    const SurfaceDistance toLevel(level.vertices, level.indices, limitM);
    for (const glm::vec3& p : points) {
        worst = std::max(worst, toLevel(p, limitM));
        if (std::isinf(worst)) {
            return worst;
        }
    }
    return worst;
}

// After sloppy clustering every corner of a cell is one vertex, with one normal: give each
// corner the vertex at the same position whose normal is nearest the face's, so that a cap stays
// lit as a cap and a side as a side. Triangles the clustering turned over (no vertex at some
// corner faces their way) or flattened to nothing are dropped; the measured error then counts
// any hole they leave.
void pickWedges(const std::vector<assets::Vertex>& vertices, std::vector<std::uint32_t>& indices) {
    std::vector<unsigned int> remap(vertices.size());
    meshopt_generateVertexRemap(remap.data(), nullptr, vertices.size(), positions(vertices),
                                vertices.size(), sizeof(assets::Vertex));
    // Wedges of each position, in vertex order (deterministic).
    std::unordered_map<unsigned int, std::vector<std::uint32_t>> wedges;
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        wedges[remap[i]].push_back(static_cast<std::uint32_t>(i));
    }
    std::size_t kept = 0;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const glm::vec3 face =
                glm::cross(vertices[indices[t + 1]].position - vertices[indices[t]].position,
                           vertices[indices[t + 2]].position - vertices[indices[t]].position);
        bool facing = glm::dot(face, face) > 0.0f;
        std::uint32_t corners[3] = {indices[t], indices[t + 1], indices[t + 2]};
        for (std::uint32_t& corner : corners) {
            float best = -std::numeric_limits<float>::infinity();
            for (std::uint32_t w : wedges[remap[corner]]) {
                const float d = glm::dot(vertices[w].normal, face);
                if (d > best) {
                    best = d;
                    corner = w;
                }
            }
            facing = facing && best > 0.0f;
        }
        if (facing) {
            indices[kept++] = corners[0];
            indices[kept++] = corners[1];
            indices[kept++] = corners[2];
        }
    }
    indices.resize(kept);
}

// meshoptimizer trusts its indices; a broken mesh is left as it is rather than read out of bounds.
bool indicesInRange(const std::vector<assets::Vertex>& vertices,
                    const std::vector<std::uint32_t>& indices) {
    return std::all_of(indices.begin(), indices.end(),
                       [&](std::uint32_t i) { return i < vertices.size(); });
}

} // namespace

void optimizeVertexOrder(std::vector<assets::Vertex>& vertices,
                         std::vector<std::uint32_t>& indices) {
    if (vertices.empty() || indices.size() % 3 != 0 || !indicesInRange(vertices, indices)) {
        return;
    }
    meshopt_optimizeVertexCache(indices.data(), indices.data(), indices.size(), vertices.size());
    std::vector<assets::Vertex> ordered(vertices.size());
    const std::size_t used =
            meshopt_optimizeVertexFetch(ordered.data(), indices.data(), indices.size(),
                                        vertices.data(), vertices.size(), sizeof(assets::Vertex));
    ordered.resize(used);
    vertices = std::move(ordered);
}

namespace {

// A mesh to simplify, with what each simplification of it needs.
struct Source {
    Source(const std::vector<assets::Vertex>& v, const std::vector<std::uint32_t>& i, float limitM)
        : vertices(v), indices(i),
          scale(meshopt_simplifyScale(positions(v), v.size(), sizeof(assets::Vertex))),
          points(uniquePositions(v)), surface(v, i, limitM) {}

    static std::vector<glm::vec3> uniquePositions(const std::vector<assets::Vertex>& v) {
        std::vector<glm::vec3> p;
        p.reserve(v.size());
        for (const assets::Vertex& x : v) {
            p.push_back(x.position);
        }
        const auto less = [](const glm::vec3& a, const glm::vec3& b) {
            return a.x != b.x ? a.x < b.x : a.y != b.y ? a.y < b.y : a.z < b.z;
        };
        std::sort(p.begin(), p.end(), less);
        p.erase(std::unique(p.begin(), p.end()), p.end());
        return p;
    }

    const std::vector<assets::Vertex>& vertices;
    const std::vector<std::uint32_t>& indices;
    float scale; // meshoptimizer's errors are relative to the mesh's largest extent
    std::vector<glm::vec3> points; // vertex positions, once each (seams share them)
    SurfaceDistance surface;
};

// One meshoptimizer call and its measured error (infinity past limitM).
LodLevel simplify(const Source& src, std::size_t targetTriangles, float maxErrorM,
                  Simplifier simplifier, float limitM) {
    LodLevel out;
    if (!(src.scale > 0.0f)) {
        return out;
    }
    const std::size_t indexCount = src.indices.size() - src.indices.size() % 3;
    std::vector<std::uint32_t> simplified(indexCount);
    float relativeError = 0.0f;
    std::size_t count = 0;
    const float* p = positions(src.vertices);
    if (simplifier == Simplifier::Collapse) {
        count = meshopt_simplify(simplified.data(), src.indices.data(), indexCount, p,
                                 src.vertices.size(), sizeof(assets::Vertex), targetTriangles * 3,
                                 maxErrorM / src.scale, 0, &relativeError);
    } else {
        count = meshopt_simplifySloppy(simplified.data(), src.indices.data(), indexCount, p,
                                       src.vertices.size(), sizeof(assets::Vertex),
                                       targetTriangles * 3, maxErrorM / src.scale, &relativeError);
    }
    simplified.resize(count);
    if (simplified.empty()) {
        return out;
    }
    if (simplifier == Simplifier::Sloppy) {
        pickWedges(src.vertices, simplified);
        if (simplified.empty()) {
            return out; // every triangle was turned over
        }
    }
    // Only the vertices the level uses, in the order the cache-ordered triangles first use them.
    out.indices = std::move(simplified);
    out.vertices = src.vertices;
    optimizeVertexOrder(out.vertices, out.indices);
    out.errorM = std::max(relativeError * src.scale,
                          measuredDeviation(src.points, out, src.surface, std::max(limitM, 1e-6f)));
    return out;
}

// The coarsest level within boundM of the original (measured), or an empty one.
LodLevel simplifyWithin(const Source& src, float boundM, float& acceptedM) {
    // meshoptimizer 0.18's error understates a drum's (it averages the planes around a vertex,
    // the flat caps' with the sides'; and it measures at vertices, not along the new edges):
    // collapsing a 0.3 m saggar column to its 7.5 cm left drums 10.7 cm off the original. So
    // meshoptimizer is given boundM, then half and a quarter of it, until the measured error
    // fits. acceptedM: the meshoptimizer bound that fitted a smaller boundM (it fits here too;
    // no need to go below it), updated.
    LodLevel best;
    for (float tryM = boundM; tryM >= acceptedM && tryM > boundM / 5.0f; tryM *= 0.5f) {
        // A target of one triangle: the bound decides where it stops.
        LodLevel level = simplify(src, 1, tryM, Simplifier::Collapse, boundM);
        if (level.triangleCount() > 0 && level.errorM <= boundM) {
            acceptedM = tryM;
            best = std::move(level);
            break;
        }
    }
    return best;
}

} // namespace

LodLevel simplifyMesh(const std::vector<assets::Vertex>& vertices,
                      const std::vector<std::uint32_t>& indices, std::size_t targetTriangles,
                      float maxErrorM, Simplifier simplifier) {
    KILN_ASSERT(maxErrorM >= 0.0f, "render::simplifyMesh: maxErrorM must be >= 0");
    if (vertices.empty() || indices.size() < 3 || !indicesInRange(vertices, indices)) {
        return {};
    }
    // The measured error counts up to a limit past the bound (a level may go past it).
    const Source src(vertices, indices, maxErrorM * 1.5f);
    return simplify(src, targetTriangles, maxErrorM, simplifier, maxErrorM * 1.5f);
}

std::vector<LodLevel> buildLods(const assets::MeshData& mesh, const LodOptions& options) {
    std::vector<LodLevel> levels;
    const std::size_t full = mesh.indices.size() / 3;
    if (full < options.minTriangles || full > options.maxTriangles || mesh.vertices.empty()) {
        return levels;
    }
    glm::vec3 lo(std::numeric_limits<float>::max());
    glm::vec3 hi(std::numeric_limits<float>::lowest());
    for (const assets::Vertex& v : mesh.vertices) {
        lo = glm::min(lo, v.position);
        hi = glm::max(hi, v.position);
    }
    // No level's error may pass this share of the mesh's thinnest extent (a saggar column's
    // diameter): beyond it a drum collapses into shards, however small on screen.
    const glm::vec3 extent = hi - lo;
    const float maxErrorM =
            options.maxErrorShareOfThinnestExtent * std::min({extent.x, extent.y, extent.z});
    if (!std::isfinite(maxErrorM) || !(maxErrorM > 0.0f)) {
        return levels;
    }
    if (!indicesInRange(mesh.vertices, mesh.indices)) {
        return levels;
    }
    const Source src(mesh.vertices, mesh.indices, maxErrorM);
    std::size_t previous = full;
    float acceptedM = 0.0f;
    for (float share : options.errorShares) {
        const float boundM = std::min(share, 1.0f) * maxErrorM;
        LodLevel level = simplifyWithin(src, boundM, acceptedM);
        if (options.sloppyFarLevels && level.triangleCount() > 0) {
            // Collapses keep every part (each drum of a column); clustering may merge them. One
            // try at the bound: its error jumps with the grid, a search rarely finds more.
            LodLevel sloppy =
                    simplify(src, level.triangleCount() / 2, boundM, Simplifier::Sloppy, boundM);
            if (sloppy.triangleCount() > 0 && sloppy.triangleCount() < level.triangleCount() &&
                sloppy.errorM <= boundM) {
                level = std::move(sloppy);
            }
        }
        if (level.triangleCount() == 0 || level.triangleCount() * 4 > previous * 3) {
            continue; // saves less than a quarter of the previous level: not worth a draw
        }
        // A coarser level with no more error makes the finer one useless.
        while (!levels.empty() && levels.back().errorM >= level.errorM) {
            levels.pop_back();
        }
        previous = level.triangleCount();
        levels.push_back(std::move(level));
    }
    return levels;
}

} // namespace kiln::render
