// Mesh measurements for the kilngen tests (mesh_measure.h).
#include "mesh_measure.h"

#include <array>
#include <cmath>
#include <map>

namespace kiln::test {

namespace {

// Welds equal positions (to 10 micrometres) into ids.
std::vector<std::size_t> weld(const std::vector<glm::dvec3>& positions) {
    std::map<std::array<long long, 3>, std::size_t> ids;
    std::vector<std::size_t> out(positions.size());
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const auto& p = positions[i];
        const std::array<long long, 3> key = {std::llround(p.x * 1e5), std::llround(p.y * 1e5),
                                              std::llround(p.z * 1e5)};
        out[i] = ids.emplace(key, ids.size()).first->second;
    }
    return out;
}

glm::dvec2 drop(const glm::dvec3& p, int axis) {
    return axis == 0   ? glm::dvec2(p.y, p.z)
           : axis == 1 ? glm::dvec2(p.x, p.z)
                       : glm::dvec2(p.x, p.y);
}

} // namespace

Topology analyse(const GlbMesh& mesh) {
    Topology t;
    const auto id = weld(mesh.positions);
    std::map<std::pair<std::size_t, std::size_t>, int> directed;
    for (const auto& p : mesh.positions) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) {
            ++t.nonFinite;
        }
    }
    for (const auto& n : mesh.normals) {
        if (!std::isfinite(n.x) || !std::isfinite(n.y) || !std::isfinite(n.z) ||
            std::fabs(glm::length(n) - 1.0) > 1e-3) {
            ++t.nonFinite;
        }
    }
    for (std::size_t k = 0; k + 2 < mesh.indices.size(); k += 3) {
        const std::array<std::uint32_t, 3> v = {mesh.indices[k], mesh.indices[k + 1],
                                                mesh.indices[k + 2]};
        const glm::dvec3 a = mesh.positions[v[0]], b = mesh.positions[v[1]],
                         c = mesh.positions[v[2]];
        const glm::dvec3 face = glm::cross(b - a, c - a);
        if (glm::length(face) < 1e-10 || id[v[0]] == id[v[1]] || id[v[1]] == id[v[2]] ||
            id[v[0]] == id[v[2]]) {
            ++t.degenerateTriangles;
        } else {
            for (auto i : v) {
                if (glm::dot(mesh.normals[i], face) <= 0.0) {
                    ++t.normalsAgainstWinding;
                }
            }
        }
        t.signedVolume += glm::dot(a, glm::cross(b, c)) / 6.0;
        for (int e = 0; e < 3; ++e) {
            directed[{id[v[static_cast<std::size_t>(e)]],
                      id[v[static_cast<std::size_t>((e + 1) % 3)]]}]++;
        }
    }
    for (const auto& [edge, count] : directed) {
        const auto back = directed.find({edge.second, edge.first});
        const int reverse = back == directed.end() ? 0 : back->second;
        if (count > 1) {
            ++t.misorientedEdges;
        }
        if (count + reverse == 1) {
            ++t.boundaryEdges;
        } else if (count + reverse > 2) {
            ++t.nonManifoldEdges;
        }
    }
    return t;
}

std::vector<Segment> slice(const GlbMesh& mesh, int axis, double value) {
    std::vector<Segment> out;
    const auto coord = [&](const glm::dvec3& p) { return p[axis] - value; };
    for (std::size_t k = 0; k + 2 < mesh.indices.size(); k += 3) {
        const glm::dvec3 p[3] = {mesh.positions[mesh.indices[k]],
                                 mesh.positions[mesh.indices[k + 1]],
                                 mesh.positions[mesh.indices[k + 2]]};
        std::vector<glm::dvec2> hits;
        for (int e = 0; e < 3; ++e) {
            const glm::dvec3& a = p[e];
            const glm::dvec3& b = p[(e + 1) % 3];
            const double da = coord(a), db = coord(b);
            if ((da < 0.0) != (db < 0.0)) {
                hits.push_back(drop(a + (b - a) * (da / (da - db)), axis));
            }
        }
        if (hits.size() == 2) {
            out.push_back({hits[0], hits[1]});
        }
    }
    return out;
}

std::vector<double> loopAreas(const std::vector<Segment>& segments) {
    // Chain by endpoint (rounded to 1 micrometre): both triangles sharing an edge cut it at the
    // same point.
    const auto key = [](glm::dvec2 p) {
        return std::array<long long, 2>{std::llround(p.x * 1e6), std::llround(p.y * 1e6)};
    };
    std::multimap<std::array<long long, 2>, std::size_t> at;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        at.emplace(key(segments[i].a), i);
        at.emplace(key(segments[i].b), i);
    }
    std::vector<bool> used(segments.size(), false);
    std::vector<double> areas;
    for (std::size_t start = 0; start < segments.size(); ++start) {
        if (used[start]) {
            continue;
        }
        double area = 0.0;
        std::size_t cur = start;
        glm::dvec2 from = segments[start].a, to = segments[start].b;
        used[start] = true;
        for (std::size_t guard = 0; guard < segments.size(); ++guard) {
            area += from.x * to.y - to.x * from.y;
            std::size_t next = cur;
            const auto range = at.equal_range(key(to));
            for (auto it = range.first; it != range.second; ++it) {
                if (!used[it->second]) {
                    next = it->second;
                    break;
                }
            }
            if (next == cur) {
                break;
            }
            used[next] = true;
            const auto& s = segments[next];
            from = to;
            to = key(s.a) == key(from) ? s.b : s.a;
            cur = next;
        }
        areas.push_back(std::fabs(0.5 * area));
    }
    return areas;
}

bool insideSlice(const std::vector<Segment>& segments, glm::dvec2 point) {
    int crossings = 0;
    for (const auto& s : segments) {
        if ((s.a.y > point.y) != (s.b.y > point.y)) {
            const double x = s.a.x + (point.y - s.a.y) * (s.b.x - s.a.x) / (s.b.y - s.a.y);
            if (x > point.x) {
                ++crossings;
            }
        }
    }
    return crossings % 2 == 1;
}

Bounds bounds(const std::vector<glm::dvec3>& points) {
    Bounds b;
    for (const auto& p : points) {
        b.lo = glm::min(b.lo, p);
        b.hi = glm::max(b.hi, p);
    }
    return b;
}

} // namespace kiln::test
