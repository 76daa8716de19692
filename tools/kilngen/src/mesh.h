// Triangle meshes for kilngen in the site frame (metres, Z up, +x along a kiln's axis front->rear).
// Builders append closed solids (boxes, tubes with caps, hollow tubes, swept rings) or open sheets
// (terrain) as patches with their own smooth normals and UVs in metres / tile size.
// Does NOT know about glTF; gltf_writer converts to Y up when it writes.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace kiln::kilngen {

struct Mesh {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<glm::vec2> uvs;
    std::vector<std::uint32_t> indices;
    // True when every edge is shared by exactly two triangles and normals point out of the solid.
    bool closed = true;

    std::size_t vertexCount() const { return positions.size(); }
    std::size_t triangleCount() const { return indices.size() / 3; }
    void append(const Mesh& other);
};

// One ring of a tube: a loop (or open polyline) split into segments; each segment becomes its own
// smoothing patch, so corners between segments stay sharp. Segment k's last point equals segment
// k+1's first point; for a closed loop the last segment ends on the first point.
using Ring = std::vector<std::vector<glm::vec3>>;

// Quads between consecutive rings (and last->first when wrapRings). outward: flip so that the
// surface faces away from the rings' axis (decided from the winding of the first ring).
void addTube(Mesh& mesh, const std::vector<Ring>& rings, bool wrapRings, bool outward, float tileM);

// Convex polygon fan from its centroid, facing facing (flipped if its winding disagrees).
void addConvexCap(Mesh& mesh, const std::vector<glm::vec3>& loop, const glm::vec3& facing,
                  float tileM);

// Quad strip between two loops of equal size lying in one plane, facing facing.
void addBand(Mesh& mesh, const std::vector<glm::vec3>& loopA, const std::vector<glm::vec3>& loopB,
             bool closeLoop, const glm::vec3& facing, float tileM);

// Axis-aligned-in-its-frame box: centre, half extents along the frame axes ax, ay, az.
void addBox(Mesh& mesh, const glm::vec3& centre, const glm::vec3& halfSize, const glm::vec3& ax,
            const glm::vec3& ay, const glm::vec3& az, float tileM);
void addBox(Mesh& mesh, const glm::vec3& minCorner, const glm::vec3& maxCorner, float tileM);

// Closed cylinder along +z from base centre (solid), or a hollow one (innerRadiusM > 0).
void addCylinder(Mesh& mesh, const glm::vec3& baseCentre, float radiusM, float heightM,
                 int segments, float tileM, float innerRadiusM = 0.0f);

// Closed gable roof: two slabs meeting at a ridge along x from x0 to x1; the underside passes
// through (y = 0, ridgeZ) and (y = +-halfSpanM, eaveZ), extended by overhangM down the slope.
void addGableRoof(Mesh& mesh, float x0, float x1, float halfSpanM, float eaveZ, float ridgeZ,
                  float thicknessM, float overhangM, float tileM);

// Grid heightfield sheet over [minXY, maxXY] (open; heights from heightAt(x, y)).
template <typename F>
void addHeightfield(Mesh& mesh, glm::vec2 minXY, glm::vec2 maxXY, int nx, int ny, F heightAt,
                    float tileM);

// Signed volume (divergence theorem) of the triangles from firstIndex on; > 0 when outward.
double signedVolume(const Mesh& mesh, std::size_t firstIndex = 0);
void flipTriangles(Mesh& mesh, std::size_t firstIndex, std::size_t firstVertex);

// Recomputes area-weighted smooth normals for vertices [firstVertex, end) from triangles
// [firstIndex, end), welding equal positions inside that range.
void smoothNormals(Mesh& mesh, std::size_t firstVertex, std::size_t firstIndex);

} // namespace kiln::kilngen

#include "mesh_heightfield.inl"
