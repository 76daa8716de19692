// BVH build: median split of item centres along the longest axis of their bounds, leaves of at
// most kLeafSize items; the nodes' boxes are fitted bottom-up once the tree is split. The depth
// stays below the traversal stack size because each split halves the items (depth is also
// capped, making a leaf of whatever remains).
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
    std::vector<BuildItem> items;
    items.reserve(itemBoxes.size());
    for (std::uint32_t i = 0; i < itemBoxes.size(); ++i) {
        const Aabb& b = itemBoxes[i];
        if (b.valid() &&
            std::isfinite(b.minM.x + b.minM.y + b.minM.z + b.maxM.x + b.maxM.y + b.maxM.z)) {
            items.push_back({b.centre(), i});
        }
    }
    if (items.empty()) {
        return;
    }
    mNodes.reserve(2 * items.size() / kLeafSize + 2);
    Node root;
    root.first = 0;
    root.count = static_cast<std::uint32_t>(items.size());
    mNodes.push_back(root);
    split(0, items, 0);
    mItems.resize(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        mItems[i] = items[i].item;
    }
    fitBoxes(0, itemBoxes);
}

// Splits on item centres only; the nodes' boxes are fitted afterwards (fitBoxes), bottom-up.
// The tree is the one a split that also grew each node's box from its items would make.
void Bvh::split(std::uint32_t nodeIndex, std::vector<BuildItem>& items, int depth) {
    const std::uint32_t first = mNodes[nodeIndex].first;
    const std::uint32_t count = mNodes[nodeIndex].count;
    Aabb centres;
    for (std::uint32_t i = first; i < first + count; ++i) {
        centres.grow(items[i].centre);
    }
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
    const auto begin = items.begin() + first;
    std::nth_element(begin, begin + half, begin + count,
                     [axis](const BuildItem& a, const BuildItem& b) {
                         return a.centre[axis] < b.centre[axis];
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
    split(left, items, depth + 1);
    split(left + 1, items, depth + 1);
}

void Bvh::fitBoxes(std::uint32_t nodeIndex, const std::vector<Aabb>& boxes) {
    Node& node = mNodes[nodeIndex];
    Aabb bounds;
    if (node.count > 0) {
        for (std::uint32_t i = node.first; i < node.first + node.count; ++i) {
            bounds.grow(boxes[mItems[i]]);
        }
    } else {
        fitBoxes(node.first, boxes);
        fitBoxes(node.first + 1, boxes);
        bounds = mNodes[node.first].box;
        bounds.grow(mNodes[node.first + 1].box);
    }
    mNodes[nodeIndex].box = bounds;
}

} // namespace kiln::scene::detail
