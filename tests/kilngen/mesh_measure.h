// Measurements on triangle meshes read back from .glb files: welding, closedness and orientation
// (every edge used by exactly two triangles in opposite directions), signed volume by the
// divergence theorem, degenerate triangles, and plane slices (segments chained into loops).
#pragma once

#include "glb_reader.h"

#include <string>
#include <vector>

namespace kiln::test {

struct Topology {
    std::size_t boundaryEdges = 0;    // used once
    std::size_t nonManifoldEdges = 0; // used more than twice
    std::size_t misorientedEdges = 0; // used twice in the same direction
    std::size_t degenerateTriangles = 0;
    std::size_t nonFinite = 0;
    std::size_t normalsAgainstWinding = 0; // vertex normal opposite its triangle's face normal
    double signedVolume = 0.0;
};
Topology analyse(const GlbMesh& mesh);

struct Segment {
    glm::dvec2 a, b;
};
// Slice by the plane coordinate[axis] == value; 2D coordinates are the other two axes in order
// (axis 0: (y, z); axis 1: (x, z); axis 2: (x, y)). Optional transform applied first.
std::vector<Segment> slice(const GlbMesh& mesh, int axis, double value);
// Chains segments into closed loops and returns each loop's absolute area.
std::vector<double> loopAreas(const std::vector<Segment>& segments);
bool insideSlice(const std::vector<Segment>& segments, glm::dvec2 point);

struct Bounds {
    glm::dvec3 lo{1e300}, hi{-1e300};
};
Bounds bounds(const std::vector<glm::dvec3>& points);

} // namespace kiln::test
