// Levels of detail for instanced meshes: coarser copies of a triangle mesh made with
// meshoptimizer (Debian's libmeshoptimizer-dev): edge collapses under a quadric error metric that
// keep the topology and attribute seams (hard edges, UV seams) for the near levels, and grid
// clustering (meshopt_simplifySloppy) for the far ones when collapses stall. The renderer draws a
// distant instance with the coarsest level whose error stays under about a pixel. Plain CPU data
// in and out; no GL. Does NOT aim at meshes seen close up: levels are for what is small on screen.
#pragma once

#include "kiln/assets/model_data.h"

#include <cstdint>
#include <vector>

namespace kiln::render {

struct LodLevel {
    std::vector<assets::Vertex> vertices;
    std::vector<std::uint32_t> indices; // triangles
    // How far the level's surface lies from the original, in the mesh's units: the larger of
    // meshoptimizer's own error and a measured one (each original vertex to the level's surface,
    // each level triangle's edge midpoints and centre to the original surface). The renderer keeps
    // it under RendererDesc::lodPixelError on screen.
    float errorM = 0.0f;

    std::size_t triangleCount() const { return indices.size() / 3; }
};

enum class Simplifier {
    Collapse, // meshopt_simplify: keeps topology and seams; vertices stay where they were
    Sloppy,   // meshopt_simplifySloppy: merges nearby parts (drums of a column into a prism)
};

// One simplification towards `targetTriangles` that stops where the error would pass maxErrorM.
// The result keeps the original vertices' attributes (after Sloppy each corner takes, among the
// vertices at its position, the one whose normal is nearest the new face's: hard edges stay);
// its vertices and indices are reordered for the post-transform cache and fetch (meshoptimizer).
// Returns the level with errorM; an empty level when nothing is left or an index points past the
// vertices. Precondition: maxErrorM >= 0.
LodLevel simplifyMesh(const std::vector<assets::Vertex>& vertices,
                      const std::vector<std::uint32_t>& indices, std::size_t targetTriangles,
                      float maxErrorM, Simplifier simplifier = Simplifier::Collapse);

struct LodOptions {
    // One level per share of the largest error allowed (below), each as coarse as that error
    // lets it be: meshoptimizer's bound is searched until the measured error fits. A level that
    // saves less than a quarter of the previous one's triangles is not kept, and a coarser level
    // with no more error replaces the finer one.
    std::vector<float> errorShares{1.0f / 8, 1.0f / 4, 1.0f / 2, 1.0f};
    std::size_t minTriangles = 48;      // smaller meshes get no levels
    std::size_t maxTriangles = 200'000; // larger ones neither (load time; not what LODs are for)
    // No level's error may exceed this share of the mesh's thinnest bounding-box extent (a flat
    // mesh, extent 0, gets no levels): coarser ones turn drums into shards.
    float maxErrorShareOfThinnestExtent = 0.25f;
    // Also try grid clustering (meshopt_simplifySloppy) at each error; kept where it has fewer
    // triangles than the edge collapses.
    bool sloppyFarLevels = true;
};

// The coarser levels of `mesh`, finest first, errors increasing (empty when it is too small or
// too large, or when simplification does not pay). Deterministic: the same mesh gives the same
// levels.
std::vector<LodLevel> buildLods(const assets::MeshData& mesh, const LodOptions& options = {});

// Reorders a mesh's triangles for the post-transform vertex cache (meshopt_optimizeVertexCache)
// and then its vertices in first-use order (meshopt_optimizeVertexFetch): the same triangles,
// winding and vertices, only their order changes (vertices no triangle uses are dropped). Each
// level gets it when it is compacted; the full meshes are uploaded in their imported order (on
// llvmpipe the reordering saved nothing measurable: docs/performance.md). A mesh whose indices
// are not whole triangles or point past its vertices is left as it is.
void optimizeVertexOrder(std::vector<assets::Vertex>& vertices,
                         std::vector<std::uint32_t>& indices);

} // namespace kiln::render
