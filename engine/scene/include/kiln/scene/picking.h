// Picking: which object and which 3D point a ray (from a click or tap, see screen_ray.h) hits
// first in an assets::ModelData, for focusing, hotspots and measuring. A PickingIndex is built
// once per model: a BVH over instance bounds and one triangle BVH per mesh (shared by its
// instances), then Möller–Trumbore on the few triangles left. Both sides of a triangle are hit.
// Does NOT keep a reference to the model (it copies the triangles) and does NOT touch the GPU.
#pragma once

#include "kiln/assets/model_data.h"
#include "kiln/scene/screen_ray.h"

#include <glm/glm.hpp>

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiln::scene {

struct PickHit {
    int instanceIndex = -1; // into ModelData::instances
    int meshIndex = -1;     // into ModelData::meshes
    int triangleIndex = -1; // into the mesh's indices / 3
    std::string nodeName;
    glm::vec3 pointM{0.0f}; // in model space (the space of the instances' transforms)
    glm::vec3 normal{0.0f}; // unit, geometric, facing back towards the ray's origin
    float distanceM = 0.0f; // from the ray origin along its direction
};

class PickingIndex {
public:
    // An empty index: every pick misses.
    PickingIndex() = default;
    // Builds the index. Triangles with an index out of range, a non-finite vertex or no area, and
    // instances with a bad mesh index or a singular or non-finite transform are skipped (counted
    // and logged once), never an error.
    // Only the meshes that a kept instance places are indexed (a mesh no instance uses cannot be
    // hit, and a large scan's triangles take seconds to index).
    explicit PickingIndex(const assets::ModelData& model);
    // The same over a subset of the instances (indices into model.instances; others are left
    // out, out-of-range ones skipped), e.g. the terrain alone. Hits still name model.instances.
    PickingIndex(const assets::ModelData& model, const std::vector<int>& instances);

    // The nearest hit in (0, maxDistanceM] along the ray; nothing for a miss or a non-finite ray.
    std::optional<PickHit> pick(const Ray& ray,
                                float maxDistanceM = std::numeric_limits<float>::infinity()) const;

    bool empty() const;
    std::size_t instanceCount() const;    // instances that can be hit
    std::size_t triangleCount() const;    // distinct mesh triangles indexed
    std::size_t skippedTriangles() const; // degenerate, non-finite or badly indexed
    std::size_t skippedInstances() const; // bad mesh index or transform

private:
    struct Data;
    std::shared_ptr<const Data> mData; // immutable once built, so copies share it
};

} // namespace kiln::scene
