// Mesh builders (mesh.h): tubes, caps, bands, boxes, cylinders, signed volume and smooth normals.
// Every closed solid is assembled from patches whose shared edges use bit-identical positions,
// so a reader that welds equal positions finds each edge used by exactly two triangles.
#include "mesh.h"

#include <glm/gtc/constants.hpp>

#include <array>
#include <cmath>
#include <map>

namespace kiln::kilngen {

namespace {

glm::vec3 newellNormal(const std::vector<glm::vec3>& loop) {
    glm::dvec3 n(0.0);
    for (std::size_t k = 0; k < loop.size(); ++k) {
        const glm::dvec3 a(loop[k]);
        const glm::dvec3 b(loop[(k + 1) % loop.size()]);
        n.x += (a.y - b.y) * (a.z + b.z);
        n.y += (a.z - b.z) * (a.x + b.x);
        n.z += (a.x - b.x) * (a.y + b.y);
    }
    return glm::vec3(n);
}

std::vector<glm::vec3> flatten(const Ring& ring) {
    std::vector<glm::vec3> loop;
    for (const auto& segment : ring) {
        for (std::size_t k = 0; k < segment.size(); ++k) {
            if (!loop.empty() && k == 0 && loop.back() == segment[0]) {
                continue;
            }
            loop.push_back(segment[k]);
        }
    }
    if (loop.size() > 1 && loop.front() == loop.back()) {
        loop.pop_back();
    }
    return loop;
}

glm::vec3 centroidOf(const std::vector<glm::vec3>& loop) {
    glm::dvec3 sum(0.0);
    for (const auto& p : loop) {
        sum += glm::dvec3(p);
    }
    return glm::vec3(sum / static_cast<double>(loop.size()));
}

std::uint32_t index32(std::size_t i) {
    return static_cast<std::uint32_t>(i);
}

void pushTriangle(Mesh& mesh, std::size_t a, std::size_t b, std::size_t c, bool flip) {
    if (flip) {
        mesh.indices.insert(mesh.indices.end(), {index32(a), index32(c), index32(b)});
    } else {
        mesh.indices.insert(mesh.indices.end(), {index32(a), index32(b), index32(c)});
    }
}

// Two unit vectors spanning the plane normal to n, for planar UVs.
void planeAxes(const glm::vec3& n, glm::vec3& u, glm::vec3& v) {
    const glm::vec3 helper =
            std::fabs(n.z) < 0.9f ? glm::vec3(0.0f, 0.0f, 1.0f) : glm::vec3(1.0f, 0.0f, 0.0f);
    u = glm::normalize(glm::cross(helper, n));
    v = glm::cross(n, u);
}

} // namespace

void Mesh::append(const Mesh& other) {
    const auto base = index32(positions.size());
    positions.insert(positions.end(), other.positions.begin(), other.positions.end());
    normals.insert(normals.end(), other.normals.begin(), other.normals.end());
    uvs.insert(uvs.end(), other.uvs.begin(), other.uvs.end());
    for (auto i : other.indices) {
        indices.push_back(base + i);
    }
    closed = closed && other.closed;
}

void smoothNormals(Mesh& mesh, std::size_t firstVertex, std::size_t firstIndex) {
    const std::size_t count = mesh.positions.size() - firstVertex;
    std::vector<glm::dvec3> accum(count, glm::dvec3(0.0));
    for (std::size_t t = firstIndex; t + 2 < mesh.indices.size(); t += 3) {
        const auto ia = mesh.indices[t], ib = mesh.indices[t + 1], ic = mesh.indices[t + 2];
        const glm::dvec3 a(mesh.positions[ia]), b(mesh.positions[ib]), c(mesh.positions[ic]);
        const glm::dvec3 n = glm::cross(b - a, c - a);
        for (auto i : {ia, ib, ic}) {
            if (i >= firstVertex) {
                accum[i - firstVertex] += n;
            }
        }
    }
    // Weld equal positions inside the patch so seams of a wrapped loop shade smoothly.
    std::map<std::array<float, 3>, glm::dvec3> welded;
    for (std::size_t k = 0; k < count; ++k) {
        const auto& p = mesh.positions[firstVertex + k];
        welded[{p.x + 0.0f, p.y + 0.0f, p.z + 0.0f}] += accum[k];
    }
    for (std::size_t k = 0; k < count; ++k) {
        const auto& p = mesh.positions[firstVertex + k];
        const glm::dvec3 n = welded[{p.x + 0.0f, p.y + 0.0f, p.z + 0.0f}];
        const double len = glm::length(n);
        mesh.normals[firstVertex + k] =
                len > 1e-20 ? glm::vec3(n / len) : glm::vec3(0.0f, 0.0f, 1.0f);
    }
}

void addTube(Mesh& mesh, const std::vector<Ring>& rings, bool wrapRings, bool outward,
             float tileM) {
    if (rings.size() < 2) {
        return;
    }
    // Natural quads face inward when the first ring winds counter-clockwise about the axis.
    const auto loop0 = flatten(rings[0]);
    const glm::vec3 axis = centroidOf(flatten(rings[1])) - centroidOf(loop0);
    const bool ccw = glm::dot(newellNormal(loop0), axis) > 0.0f;
    const bool flip = outward ? ccw : !ccw;

    const std::size_t ringCount = rings.size() + (wrapRings ? 1 : 0);
    std::vector<float> along(ringCount, 0.0f);
    for (std::size_t i = 1; i < ringCount; ++i) {
        const auto& a = rings[i - 1];
        const auto& b = rings[i % rings.size()];
        along[i] = along[i - 1] + glm::length(centroidOf(flatten(b)) - centroidOf(flatten(a)));
    }
    for (std::size_t s = 0; s < rings[0].size(); ++s) {
        const std::size_t n = rings[0][s].size();
        const std::size_t firstVertex = mesh.positions.size();
        const std::size_t firstIndex = mesh.indices.size();
        for (std::size_t i = 0; i < ringCount; ++i) {
            const auto& segment = rings[i % rings.size()][s];
            float arc = 0.0f;
            for (std::size_t j = 0; j < n; ++j) {
                if (j > 0) {
                    arc += glm::length(segment[j] - segment[j - 1]);
                }
                mesh.positions.push_back(segment[j]);
                mesh.normals.emplace_back(0.0f);
                mesh.uvs.emplace_back(arc / tileM, along[i] / tileM);
            }
        }
        for (std::size_t i = 0; i + 1 < ringCount; ++i) {
            for (std::size_t j = 0; j + 1 < n; ++j) {
                const std::size_t a = firstVertex + i * n + j;
                const std::size_t b = a + n;
                pushTriangle(mesh, a, b, b + 1, flip);
                pushTriangle(mesh, a, b + 1, a + 1, flip);
            }
        }
        smoothNormals(mesh, firstVertex, firstIndex);
    }
}

void addConvexCap(Mesh& mesh, const std::vector<glm::vec3>& loopIn, const glm::vec3& facing,
                  float tileM) {
    std::vector<glm::vec3> loop = loopIn;
    if (loop.size() > 1 && loop.front() == loop.back()) {
        loop.pop_back();
    }
    const glm::vec3 newell = newellNormal(loop);
    const bool flip = glm::dot(newell, facing) < 0.0f;
    const glm::vec3 n = glm::normalize(flip ? -newell : newell);
    glm::vec3 u, v;
    planeAxes(n, u, v);
    const std::size_t first = mesh.positions.size();
    const glm::vec3 c = centroidOf(loop);
    mesh.positions.push_back(c);
    for (const auto& p : loop) {
        mesh.positions.push_back(p);
    }
    for (std::size_t k = first; k < mesh.positions.size(); ++k) {
        mesh.normals.push_back(n);
        const auto& p = mesh.positions[k];
        mesh.uvs.emplace_back(glm::dot(p, u) / tileM, glm::dot(p, v) / tileM);
    }
    for (std::size_t k = 0; k < loop.size(); ++k) {
        pushTriangle(mesh, first, first + 1 + k, first + 1 + (k + 1) % loop.size(), flip);
    }
}

void addBand(Mesh& mesh, const std::vector<glm::vec3>& loopA, const std::vector<glm::vec3>& loopB,
             bool closeLoop, const glm::vec3& facing, float tileM) {
    const std::size_t n = loopA.size();
    const std::size_t quads = closeLoop ? n : n - 1;
    glm::vec3 area(0.0f);
    for (std::size_t k = 0; k < quads; ++k) {
        area += newellNormal({loopA[k], loopA[(k + 1) % n], loopB[(k + 1) % n], loopB[k]});
    }
    const bool flip = glm::dot(area, facing) < 0.0f;
    const glm::vec3 nrm = glm::normalize(flip ? -area : area);
    glm::vec3 u, v;
    planeAxes(nrm, u, v);
    const std::size_t first = mesh.positions.size();
    for (const auto* loop : {&loopA, &loopB}) {
        for (const auto& p : *loop) {
            mesh.positions.push_back(p);
            mesh.normals.push_back(nrm);
            mesh.uvs.emplace_back(glm::dot(p, u) / tileM, glm::dot(p, v) / tileM);
        }
    }
    for (std::size_t k = 0; k < quads; ++k) {
        const std::size_t a0 = first + k, a1 = first + (k + 1) % n;
        const std::size_t b0 = a0 + n, b1 = a1 + n;
        pushTriangle(mesh, a0, a1, b1, flip);
        pushTriangle(mesh, a0, b1, b0, flip);
    }
}

void addBox(Mesh& mesh, const glm::vec3& centre, const glm::vec3& halfSize, const glm::vec3& ax,
            const glm::vec3& ay, const glm::vec3& az, float tileM) {
    struct Face {
        glm::vec3 n, u, v;
        float hn, hu, hv;
    };
    const std::array<Face, 6> faces = {{
            {ax, ay, az, halfSize.x, halfSize.y, halfSize.z},
            {-ax, az, ay, halfSize.x, halfSize.z, halfSize.y},
            {ay, az, ax, halfSize.y, halfSize.z, halfSize.x},
            {-ay, ax, az, halfSize.y, halfSize.x, halfSize.z},
            {az, ax, ay, halfSize.z, halfSize.x, halfSize.y},
            {-az, ay, ax, halfSize.z, halfSize.y, halfSize.x},
    }};
    for (const auto& f : faces) {
        const std::size_t first = mesh.positions.size();
        const glm::vec3 fc = centre + f.n * f.hn;
        const std::array<glm::vec2, 4> corners = {
                {{-1.0f, -1.0f}, {1.0f, -1.0f}, {1.0f, 1.0f}, {-1.0f, 1.0f}}};
        for (const auto& k : corners) {
            mesh.positions.push_back(fc + f.u * (k.x * f.hu) + f.v * (k.y * f.hv));
            mesh.normals.push_back(f.n);
            mesh.uvs.emplace_back((k.x + 1.0f) * f.hu / tileM, (k.y + 1.0f) * f.hv / tileM);
        }
        pushTriangle(mesh, first, first + 1, first + 2, false);
        pushTriangle(mesh, first, first + 2, first + 3, false);
    }
}

void addBox(Mesh& mesh, const glm::vec3& minCorner, const glm::vec3& maxCorner, float tileM) {
    addBox(mesh, (minCorner + maxCorner) * 0.5f, (maxCorner - minCorner) * 0.5f, glm::vec3(1, 0, 0),
           glm::vec3(0, 1, 0), glm::vec3(0, 0, 1), tileM);
}

void addCylinder(Mesh& mesh, const glm::vec3& baseCentre, float radiusM, float heightM,
                 int segments, float tileM, float innerRadiusM) {
    const auto circle = [&](float r, float z) {
        std::vector<glm::vec3> pts;
        for (int k = 0; k <= segments; ++k) {
            const float a = glm::two_pi<float>() * static_cast<float>(k % segments) /
                            static_cast<float>(segments);
            pts.push_back(baseCentre + glm::vec3(r * std::cos(a), r * std::sin(a), z));
        }
        return pts;
    };
    const auto outerBottom = circle(radiusM, 0.0f), outerTop = circle(radiusM, heightM);
    addTube(mesh, {Ring{outerBottom}, Ring{outerTop}}, false, true, tileM);
    if (innerRadiusM <= 0.0f) {
        addConvexCap(mesh, outerBottom, glm::vec3(0, 0, -1), tileM);
        addConvexCap(mesh, outerTop, glm::vec3(0, 0, 1), tileM);
        return;
    }
    const auto innerBottom = circle(innerRadiusM, 0.0f), innerTop = circle(innerRadiusM, heightM);
    addTube(mesh, {Ring{innerBottom}, Ring{innerTop}}, false, false, tileM);
    addBand(mesh, outerBottom, innerBottom, false, glm::vec3(0, 0, -1), tileM);
    addBand(mesh, outerTop, innerTop, false, glm::vec3(0, 0, 1), tileM);
}

void addGableRoof(Mesh& mesh, float x0, float x1, float halfSpanM, float eaveZ, float ridgeZ,
                  float thicknessM, float overhangM, float tileM) {
    const glm::vec2 slope(halfSpanM, eaveZ - ridgeZ);
    const glm::vec2 down = glm::normalize(slope);
    const glm::vec2 up(-down.y, down.x); // normal of the +y slab, pointing up
    const glm::vec2 eave = glm::vec2(0.0f, ridgeZ) + down * (glm::length(slope) + overhangM);
    const glm::vec2 eaveTop = eave + up * thicknessM;
    const float ridgeTop = ridgeZ + thicknessM / down.x;
    const auto ring = [&](float x) {
        const glm::vec3 a(x, -eave.x, eave.y), b(x, 0.0f, ridgeZ), c(x, eave.x, eave.y);
        const glm::vec3 d(x, eaveTop.x, eaveTop.y), e(x, 0.0f, ridgeTop),
                f(x, -eaveTop.x, eaveTop.y);
        return Ring{{a, b}, {b, c}, {c, d}, {d, e}, {e, f}, {f, a}};
    };
    const Ring r0 = ring(x0), r1 = ring(x1);
    addTube(mesh, {r0, r1}, false, true, tileM);
    for (const Ring* r : {&r0, &r1}) {
        const glm::vec3 facing(r == &r0 ? -1.0f : 1.0f, 0.0f, 0.0f);
        const auto& q = *r;
        // Each slab's end is convex; together they close the chevron section.
        addConvexCap(mesh, {q[0][0], q[1][0], q[4][0], q[5][0]}, facing, tileM);
        addConvexCap(mesh, {q[1][0], q[2][0], q[3][0], q[4][0]}, facing, tileM);
    }
}

double signedVolume(const Mesh& mesh, std::size_t firstIndex) {
    double volume = 0.0;
    for (std::size_t t = firstIndex; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a(mesh.positions[mesh.indices[t]]);
        const glm::dvec3 b(mesh.positions[mesh.indices[t + 1]]);
        const glm::dvec3 c(mesh.positions[mesh.indices[t + 2]]);
        volume += glm::dot(a, glm::cross(b, c)) / 6.0;
    }
    return volume;
}

void flipTriangles(Mesh& mesh, std::size_t firstIndex, std::size_t firstVertex) {
    for (std::size_t t = firstIndex; t + 2 < mesh.indices.size(); t += 3) {
        std::swap(mesh.indices[t + 1], mesh.indices[t + 2]);
    }
    for (std::size_t v = firstVertex; v < mesh.normals.size(); ++v) {
        mesh.normals[v] = -mesh.normals[v];
    }
}

} // namespace kiln::kilngen
