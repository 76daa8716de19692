// PickingIndex: two levels of BVH. Rays go into each instance's local space unnormalised, so the
// ray parameter t is the same in both spaces and the world hit point is origin + t * direction.
#include "kiln/scene/picking.h"

#include "bvh.h"
#include "kiln/core/log.h"

#include <cmath>
#include <string>
#include <vector>

namespace kiln::scene {

namespace {

struct Triangle {
    glm::vec3 v0{0.0f};
    glm::vec3 edge1{0.0f};
    glm::vec3 edge2{0.0f};
    int index = 0; // in the mesh
};

struct MeshIndex {
    std::vector<Triangle> triangles;
    detail::Bvh bvh;
    detail::Aabb bounds;
};

struct InstanceIndex {
    int instanceIndex = 0;
    int meshIndex = 0;
    glm::mat4 worldToLocal{1.0f};
    glm::mat3 normalToWorld{1.0f};
    std::string nodeName;
};

bool finite(glm::vec3 v) {
    return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}

bool finite(const glm::mat4& m) {
    for (int c = 0; c < 4; ++c) {
        for (int r = 0; r < 4; ++r) {
            if (!std::isfinite(m[c][r])) {
                return false;
            }
        }
    }
    return true;
}

MeshIndex indexMesh(const assets::MeshData& mesh, std::size_t& skipped) {
    MeshIndex out;
    const std::size_t vertexCount = mesh.vertices.size();
    const std::size_t triangleCount = mesh.indices.size() / 3;
    out.triangles.reserve(triangleCount);
    std::vector<detail::Aabb> boxes;
    boxes.reserve(triangleCount);
    for (std::size_t t = 0; t < triangleCount; ++t) {
        const std::uint32_t i0 = mesh.indices[3 * t];
        const std::uint32_t i1 = mesh.indices[3 * t + 1];
        const std::uint32_t i2 = mesh.indices[3 * t + 2];
        if (i0 >= vertexCount || i1 >= vertexCount || i2 >= vertexCount) {
            ++skipped;
            continue;
        }
        const glm::vec3 a = mesh.vertices[i0].position;
        const glm::vec3 b = mesh.vertices[i1].position;
        const glm::vec3 c = mesh.vertices[i2].position;
        const glm::vec3 e1 = b - a;
        const glm::vec3 e2 = c - a;
        // Degenerate: no area relative to its edges (sine of the corner angle below 1e-6).
        const float areaTwice = glm::length(glm::cross(e1, e2));
        if (!finite(a) || !finite(b) || !finite(c) || !std::isfinite(areaTwice) ||
            !(areaTwice > 1e-6f * glm::length(e1) * glm::length(e2))) {
            ++skipped;
            continue;
        }
        out.triangles.push_back({a, e1, e2, static_cast<int>(t)});
        detail::Aabb box;
        box.grow(a);
        box.grow(b);
        box.grow(c);
        boxes.push_back(box);
        out.bounds.grow(box);
    }
    out.bvh.build(boxes);
    return out;
}

// Möller–Trumbore, double-sided. Returns t in (tMin, tMax) or nothing.
bool intersectTriangle(const Triangle& tri, glm::vec3 origin, glm::vec3 dir, float tMax,
                       float& tOut) {
    const glm::vec3 p = glm::cross(dir, tri.edge2);
    const float det = glm::dot(tri.edge1, p);
    if (det == 0.0f || !std::isfinite(det)) {
        return false; // the ray is parallel to the triangle's plane
    }
    const float invDet = 1.0f / det;
    const glm::vec3 s = origin - tri.v0;
    const float u = glm::dot(s, p) * invDet;
    if (u < 0.0f || u > 1.0f) {
        return false;
    }
    const glm::vec3 q = glm::cross(s, tri.edge1);
    const float v = glm::dot(dir, q) * invDet;
    if (v < 0.0f || u + v > 1.0f) {
        return false;
    }
    const float t = glm::dot(tri.edge2, q) * invDet;
    if (!(t > 0.0f) || !(t < tMax)) {
        return false;
    }
    tOut = t;
    return true;
}

} // namespace

struct PickingIndex::Data {
    std::vector<MeshIndex> meshes;
    std::vector<InstanceIndex> instances;
    std::vector<detail::Aabb> instanceBounds;
    detail::Bvh bvh;
    std::size_t triangleCount = 0;
    std::size_t skippedTriangles = 0;
    std::size_t skippedInstances = 0;
};

PickingIndex::PickingIndex(const assets::ModelData& model)
    : PickingIndex(model, [&model] {
          std::vector<int> all(model.instances.size());
          for (std::size_t i = 0; i < all.size(); ++i) {
              all[i] = static_cast<int>(i);
          }
          return all;
      }()) {}

PickingIndex::PickingIndex(const assets::ModelData& model, const std::vector<int>& instances) {
    auto data = std::make_shared<Data>();
    // Which instances can be placed, and so which meshes need a triangle BVH.
    std::vector<int> kept;
    kept.reserve(instances.size());
    std::vector<bool> meshUsed(model.meshes.size(), false);
    for (const int i : instances) {
        if (i < 0 || static_cast<std::size_t>(i) >= model.instances.size()) {
            ++data->skippedInstances;
            continue;
        }
        const assets::MeshInstance& inst = model.instances[static_cast<std::size_t>(i)];
        const bool meshOk = inst.meshIndex >= 0 &&
                            static_cast<std::size_t>(inst.meshIndex) < model.meshes.size();
        const float det = glm::determinant(glm::mat3(inst.transform));
        if (!meshOk || !finite(inst.transform) || !std::isfinite(det) || std::abs(det) < 1e-12f) {
            ++data->skippedInstances;
            continue;
        }
        kept.push_back(i);
        meshUsed[static_cast<std::size_t>(inst.meshIndex)] = true;
    }
    data->meshes.resize(model.meshes.size());
    for (std::size_t m = 0; m < model.meshes.size(); ++m) {
        if (meshUsed[m]) {
            data->meshes[m] = indexMesh(model.meshes[m], data->skippedTriangles);
            data->triangleCount += data->meshes[m].triangles.size();
        }
    }
    for (const int i : kept) {
        const assets::MeshInstance& inst = model.instances[static_cast<std::size_t>(i)];
        const MeshIndex& mesh = data->meshes[static_cast<std::size_t>(inst.meshIndex)];
        if (mesh.triangles.empty()) {
            continue; // nothing to hit; not an error
        }
        InstanceIndex entry;
        entry.instanceIndex = i;
        entry.meshIndex = inst.meshIndex;
        entry.worldToLocal = glm::inverse(inst.transform);
        entry.normalToWorld = glm::transpose(glm::mat3(entry.worldToLocal));
        entry.nodeName = inst.nodeName;
        // World bounds: the eight corners of the local bounds, transformed.
        detail::Aabb world;
        for (int corner = 0; corner < 8; ++corner) {
            const glm::vec3 local((corner & 1) ? mesh.bounds.maxM.x : mesh.bounds.minM.x,
                                  (corner & 2) ? mesh.bounds.maxM.y : mesh.bounds.minM.y,
                                  (corner & 4) ? mesh.bounds.maxM.z : mesh.bounds.minM.z);
            world.grow(glm::vec3(inst.transform * glm::vec4(local, 1.0f)));
        }
        data->instances.push_back(std::move(entry));
        data->instanceBounds.push_back(world);
    }
    data->bvh.build(data->instanceBounds);
    if (data->skippedTriangles > 0 || data->skippedInstances > 0) {
        std::string text = "picking index for '";
        text.append(model.sourcePath);
        text.append("' skipped ");
        text.append(std::to_string(data->skippedTriangles));
        text.append(" degenerate or invalid triangles and ");
        text.append(std::to_string(data->skippedInstances));
        text.append(" instances with a bad mesh index or transform");
        core::logInfo("scene", text);
    }
    mData = std::move(data);
}

std::optional<PickHit> PickingIndex::pick(const Ray& ray, float maxDistanceM) const {
    if (!mData || !finite(ray.originM) || !finite(ray.direction)) {
        return std::nullopt;
    }
    const float dirLength = glm::length(ray.direction);
    if (!(dirLength > 0.0f) || std::isnan(maxDistanceM) || maxDistanceM <= 0.0f) {
        return std::nullopt;
    }
    const glm::vec3 dir = ray.direction / dirLength;
    const Data& data = *mData;

    float best = maxDistanceM;
    const InstanceIndex* bestInstance = nullptr;
    const Triangle* bestTriangle = nullptr;
    const detail::SlabRay worldRay(ray.originM, dir);
    data.bvh.traverse(worldRay, best, [&](std::uint32_t item, float& tMax) {
        float tEntry = 0.0f;
        if (!detail::slabHit(data.instanceBounds[item], worldRay, tMax, tEntry)) {
            return;
        }
        const InstanceIndex& inst = data.instances[item];
        const MeshIndex& mesh = data.meshes[static_cast<std::size_t>(inst.meshIndex)];
        const glm::vec3 localOrigin(inst.worldToLocal * glm::vec4(ray.originM, 1.0f));
        const glm::vec3 localDir(inst.worldToLocal * glm::vec4(dir, 0.0f));
        const detail::SlabRay localRay(localOrigin, localDir);
        mesh.bvh.traverse(localRay, tMax, [&](std::uint32_t triIndex, float& tMaxInner) {
            const Triangle& tri = mesh.triangles[triIndex];
            float t = 0.0f;
            if (intersectTriangle(tri, localOrigin, localDir, tMaxInner, t)) {
                tMaxInner = t;
                bestInstance = &inst;
                bestTriangle = &tri;
            }
        });
    });
    if (bestInstance == nullptr) {
        return std::nullopt;
    }
    PickHit hit;
    hit.instanceIndex = bestInstance->instanceIndex;
    hit.meshIndex = bestInstance->meshIndex;
    hit.triangleIndex = bestTriangle->index;
    hit.nodeName = bestInstance->nodeName;
    hit.distanceM = best;
    hit.pointM = ray.originM + dir * best;
    glm::vec3 normal = glm::normalize(bestInstance->normalToWorld *
                                      glm::cross(bestTriangle->edge1, bestTriangle->edge2));
    if (glm::dot(normal, dir) > 0.0f) {
        normal = -normal;
    }
    hit.normal = normal;
    return hit;
}

bool PickingIndex::empty() const {
    return !mData || mData->instances.empty();
}
std::size_t PickingIndex::instanceCount() const {
    return mData ? mData->instances.size() : 0;
}
std::size_t PickingIndex::triangleCount() const {
    return mData ? mData->triangleCount : 0;
}
std::size_t PickingIndex::skippedTriangles() const {
    return mData ? mData->skippedTriangles : 0;
}
std::size_t PickingIndex::skippedInstances() const {
    return mData ? mData->skippedInstances : 0;
}

} // namespace kiln::scene
