// Internal to kiln_scene: a bounding volume hierarchy over axis-aligned boxes (median split on
// the longest axis), used by picking twice: over instance bounds and over each mesh's triangles.
// Does NOT know what the boxes hold; callers intersect their own items in the visit callback.
#pragma once

#include <glm/glm.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace kiln::scene::detail {

struct Aabb {
    glm::vec3 minM{std::numeric_limits<float>::infinity()};
    glm::vec3 maxM{-std::numeric_limits<float>::infinity()};

    void grow(glm::vec3 p) {
        minM = glm::min(minM, p);
        maxM = glm::max(maxM, p);
    }
    void grow(const Aabb& b) {
        minM = glm::min(minM, b.minM);
        maxM = glm::max(maxM, b.maxM);
    }
    glm::vec3 centre() const { return (minM + maxM) * 0.5f; }
    bool valid() const { return minM.x <= maxM.x && minM.y <= maxM.y && minM.z <= maxM.z; }
};

// A ray prepared for slab tests: direction components of exactly zero are replaced by a tiny
// value of the same sign so that 0 * inf never produces NaN.
struct SlabRay {
    glm::vec3 origin{0.0f};
    glm::vec3 invDirection{0.0f};

    SlabRay(glm::vec3 o, glm::vec3 d);
};

// Entry distance of the ray into `box` if it enters before `tMax` (and not behind the origin).
bool slabHit(const Aabb& box, const SlabRay& ray, float tMax, float& tEntry);

class Bvh {
public:
    // Items whose box is not valid (empty or NaN) are left out.
    void build(const std::vector<Aabb>& itemBoxes);
    bool empty() const { return mNodes.empty(); }
    std::size_t nodeCount() const { return mNodes.size(); }

    // Calls visit(itemIndex, tMax) for every item whose node the ray reaches before tMax, nearest
    // nodes first; visit may lower tMax (a closer hit), which prunes the rest.
    template <class Visit> void traverse(const SlabRay& ray, float& tMax, Visit&& visit) const {
        if (mNodes.empty()) {
            return;
        }
        float tEntry = 0.0f;
        if (!slabHit(mNodes[0].box, ray, tMax, tEntry)) {
            return;
        }
        std::array<std::uint32_t, 64> stack{};
        std::size_t top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const Node& node = mNodes[stack[--top]];
            if (node.count > 0) {
                for (std::uint32_t i = 0; i < node.count; ++i) {
                    visit(mItems[node.first + i], tMax);
                }
                continue;
            }
            const std::uint32_t left = node.first;
            const std::uint32_t right = node.first + 1;
            float tLeft = 0.0f;
            float tRight = 0.0f;
            const bool hitLeft = slabHit(mNodes[left].box, ray, tMax, tLeft);
            const bool hitRight = slabHit(mNodes[right].box, ray, tMax, tRight);
            // Push the farther child first so the nearer one is visited first.
            if (hitLeft && hitRight) {
                const bool leftFirst = tLeft <= tRight;
                stack[top++] = leftFirst ? right : left;
                stack[top++] = leftFirst ? left : right;
            } else if (hitLeft) {
                stack[top++] = left;
            } else if (hitRight) {
                stack[top++] = right;
            }
        }
    }

private:
    struct Node {
        Aabb box;
        std::uint32_t first = 0; // leaf: first item in mItems; inner: index of the left child
        std::uint32_t count = 0; // items in a leaf; 0 for an inner node
    };

    // An item during the build: its box centre beside its index, so that the median split
    // reads and moves contiguous memory instead of chasing indices into the boxes.
    struct BuildItem {
        glm::vec3 centre{0.0f};
        std::uint32_t item = 0;
    };

    void split(std::uint32_t nodeIndex, std::vector<BuildItem>& items, int depth);
    void fitBoxes(std::uint32_t nodeIndex, const std::vector<Aabb>& boxes);

    std::vector<Node> mNodes;
    std::vector<std::uint32_t> mItems;
};

} // namespace kiln::scene::detail
