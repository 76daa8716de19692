// Levels of detail for instanced meshes: coarser copies of a triangle mesh made by vertex
// clustering (Rossignac & Borrel 1993) with quadric-placed cluster positions (Lindstrom 2000).
// The renderer draws a distant instance with the coarsest level whose error stays under about a
// pixel. Plain CPU data in and out; no GL. Does NOT keep topology (thin parts may merge, holes
// may close) and does NOT aim at meshes seen close up: levels are for what is small on screen.
#pragma once

#include "kiln/assets/model_data.h"

#include <cstdint>
#include <vector>

namespace kiln::render {

struct LodLevel {
    std::vector<assets::Vertex> vertices;
    std::vector<std::uint32_t> indices; // triangles
    // How far the furthest vertex moved, in the mesh's units (at most a clustering cell's
    // diagonal). The renderer keeps it under RendererDesc::lodPixelError on screen.
    float errorM = 0.0f;

    std::size_t triangleCount() const { return indices.size() / 3; }
};

// One simplification: every vertex snaps to the cell of a grid of edge cellM it lies in; each cell
// gets one position (minimising the squared distance to the planes of the triangles touching it,
// pulled towards the cell's mean where those planes leave it free, kept inside the cell).
// Vertices of one cell whose normals differ by more than 60 degrees stay apart (a cap's rim keeps
// its hard edge); their normals, UVs, colours and tangents are averaged. Triangles with two
// corners in one cell, triangles the snap turned over and duplicates are dropped.
// Precondition: cellM > 0; indices index vertices.
LodLevel clusterVertices(const std::vector<assets::Vertex>& vertices,
                         const std::vector<std::uint32_t>& indices, float cellM);

struct LodOptions {
    // Each level aims at this share of the full mesh's triangles (the finest grid that gets
    // there); a level that saves less than a quarter of the previous one's is not kept.
    std::vector<float> triangleRatios{0.5f, 0.2f, 0.06f};
    std::size_t minTriangles = 48;      // smaller meshes get no levels
    std::size_t maxTriangles = 200'000; // larger ones neither (load time; not what LODs are for)
    // No level moves a vertex further than this share of the mesh's thinnest bounding-box
    // extent (a flat mesh, extent 0, gets no levels): coarser ones turn drums into shards.
    float maxErrorShareOfThinnestExtent = 0.25f;
};

// The coarser levels of `mesh`, finest first (empty when it is too small or too large, or when
// simplification does not pay). Deterministic: the same mesh gives the same levels.
std::vector<LodLevel> buildLods(const assets::MeshData& mesh, const LodOptions& options = {});

} // namespace kiln::render
