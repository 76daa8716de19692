// BVH build: median split of item centres along the longest axis of their bounds, leaves of at
// most kLeafSize items. The depth stays below the traversal stack size because each split halves
// the items (depth is also capped, making a leaf of whatever remains).
#include "bvh.h"

#include <algorithm>
#include <cmath>

namespace kiln::scene::detail {

namespace {

constexpr std::uint32_t kLeafSize = 4;
constexpr int kMaxDepth = 48;

float safeInverse(float d) {
    constexpr float kTiny = 1e-20f;
    if (std::abs(d) < kTiny) {
        d = std::signbit(d) ? -kTiny : kTiny;
    }
    return 1.0f / d;
}

} // namespace

SlabRay::SlabRay(glm::vec3 o, glm::vec3 d)
    : origin(o), invDirection(safeInverse(d.x), safeInverse(d.y), safeInverse(d.z)) {}

bool slabHit(const Aabb& box, const SlabRay& ray, float tMax, float& tEntry) {
    const glm::vec3 t1 = (box.minM - ray.origin) * ray.invDirection;
    const glm::vec3 t2 = (box.maxM - ray.origin) * ray.invDirection;
    const glm::vec3 lo = glm::min(t1, t2);
    const glm::vec3 hi = glm::max(t1, t2);
    const float enter = std::max(std::max(lo.x, lo.y), std::max(lo.z, 0.0f));
    const float exit = std::min(std::min(hi.x, hi.y), std::min(hi.z, tMax));
    tEntry = enter;
    return enter <= exit;
}

void Bvh::build(const std::vector<Aabb>& itemBoxes) {
    mNodes.clear();
    mItems.clear();
    for (std::uint32_t i = 0; i < itemBoxes.size(); ++i) {
        const Aabb& b = itemBoxes[i];
        if (b.valid() &&
            std::isfinite(b.minM.x + b.minM.y + b.minM.z + b.maxM.x + b.maxM.y + b.maxM.z)) {
            mItems.push_back(i);
        }
    }
    if (mItems.empty()) {
        return;
    }
    mNodes.reserve(2 * mItems.size() / kLeafSize + 2);
    Node root;
    root.first = 0;
    root.count = static_cast<std::uint32_t>(mItems.size());
    mNodes.push_back(root);
    split(0, itemBoxes, 0);
}

void Bvh::split(std::uint32_t nodeIndex, const std::vector<Aabb>& boxes, int depth) {
    const std::uint32_t first = mNodes[nodeIndex].first;
    const std::uint32_t count = mNodes[nodeIndex].count;
    Aabb bounds;
    Aabb centres;
    for (std::uint32_t i = first; i < first + count; ++i) {
        bounds.grow(boxes[mItems[i]]);
        centres.grow(boxes[mItems[i]].centre());
    }
    mNodes[nodeIndex].box = bounds;
    const glm::vec3 extent = centres.maxM - centres.minM;
    if (count <= kLeafSize || depth >= kMaxDepth ||
        (extent.x <= 0.0f && extent.y <= 0.0f && extent.z <= 0.0f)) {
        return; // a leaf
    }
    int axis = 0;
    if (extent.y > extent.x) {
        axis = 1;
    }
    if (extent.z > extent[axis]) {
        axis = 2;
    }
    const std::uint32_t half = count / 2;
    const auto begin = mItems.begin() + first;
    std::nth_element(begin, begin + half, begin + count, [&](std::uint32_t a, std::uint32_t b) {
        return boxes[a].centre()[axis] < boxes[b].centre()[axis];
    });
    const auto left = static_cast<std::uint32_t>(mNodes.size());
    Node leftNode;
    leftNode.first = first;
    leftNode.count = half;
    Node rightNode;
    rightNode.first = first + half;
    rightNode.count = count - half;
    mNodes.push_back(leftNode);
    mNodes.push_back(rightNode);
    mNodes[nodeIndex].first = left;
    mNodes[nodeIndex].count = 0;
    split(left, boxes, depth + 1);
    split(left + 1, boxes, depth + 1);
}

} // namespace kiln::scene::detail
