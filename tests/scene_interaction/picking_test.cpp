// Picking: exact analytic hits on boxes placed by instance transforms, misses between
// instances, nearest-first, robustness to bad data, and agreement with a brute-force reference
// (double precision, no BVH) on a random scene.
#include "kiln/scene/picking.h"

#include "interaction_fixtures.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace kiln::scene;
using kiln::assets::ModelData;
using kiln::test::makeBoxMesh;
using kiln::test::makeInstance;

namespace {

glm::mat4 translate(glm::vec3 t) {
    return glm::translate(glm::mat4(1.0f), t);
}

// Two instances of one unit cube (half extent 0.5): "left" at x = -2, "right" at x = +2 scaled 2.
ModelData twoCubes() {
    ModelData model;
    model.meshes.push_back(makeBoxMesh(glm::vec3(0.5f), "cube"));
    model.instances.push_back(makeInstance(0, translate({-2.0f, 0.0f, 0.0f}), "left"));
    model.instances.push_back(
            makeInstance(0, glm::scale(translate({2.0f, 0.0f, 0.0f}), glm::vec3(2.0f)), "right"));
    return model;
}

} // namespace

TEST(Picking, HitsTheRightInstanceAtTheAnalyticPoint) {
    const PickingIndex index(twoCubes());
    EXPECT_EQ(index.instanceCount(), 2u);
    EXPECT_EQ(index.triangleCount(), 12u);
    // Towards -Z at (2.3, 0.25): the right cube's front face is at z = +1 (half extent 0.5 x 2).
    const auto hit = index.pick({{2.3f, 0.25f, 10.0f}, {0.0f, 0.0f, -1.0f}});
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->instanceIndex, 1);
    EXPECT_EQ(hit->meshIndex, 0);
    EXPECT_EQ(hit->nodeName, "right");
    EXPECT_NEAR(hit->pointM.x, 2.3f, 1e-5f);
    EXPECT_NEAR(hit->pointM.y, 0.25f, 1e-5f);
    EXPECT_NEAR(hit->pointM.z, 1.0f, 1e-5f);
    EXPECT_NEAR(hit->distanceM, 9.0f, 1e-5f);
    EXPECT_LT(glm::length(hit->normal - glm::vec3(0, 0, 1)), 1e-5f);

    // The left cube from above: its top is at y = 0.5.
    const auto top = index.pick({{-2.1f, 5.0f, 0.2f}, {0.0f, -1.0f, 0.0f}});
    ASSERT_TRUE(top.has_value());
    EXPECT_EQ(top->instanceIndex, 0);
    EXPECT_EQ(top->nodeName, "left");
    EXPECT_NEAR(top->pointM.y, 0.5f, 1e-5f);
    EXPECT_NEAR(top->distanceM, 4.5f, 1e-5f);
    EXPECT_LT(glm::length(top->normal - glm::vec3(0, 1, 0)), 1e-5f);
}

TEST(Picking, RayBetweenInstancesMisses) {
    const PickingIndex index(twoCubes());
    // x = 0: the left cube ends at -1.5 and the right one starts at 1.0.
    EXPECT_FALSE(index.pick({{0.0f, 0.0f, 10.0f}, {0.0f, 0.0f, -1.0f}}).has_value());
    EXPECT_FALSE(index.pick({{0.0f, 5.0f, 0.0f}, {0.0f, -1.0f, 0.0f}}).has_value());
    // Pointing away from both.
    EXPECT_FALSE(index.pick({{2.0f, 0.0f, 10.0f}, {0.0f, 0.0f, 1.0f}}).has_value());
}

TEST(Picking, ReturnsTheNearestAlongTheRayAndRespectsMaxDistance) {
    const PickingIndex index(twoCubes());
    // Along +X from far left: the left cube (x from -2.5) comes before the right one.
    const auto hit = index.pick({{-10.0f, 0.1f, 0.1f}, {1.0f, 0.0f, 0.0f}});
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->instanceIndex, 0);
    EXPECT_NEAR(hit->pointM.x, -2.5f, 1e-5f);
    EXPECT_LT(glm::length(hit->normal - glm::vec3(-1, 0, 0)), 1e-5f);
    // From between them towards +X: the right cube at x = 1.
    const auto right = index.pick({{0.0f, 0.1f, 0.1f}, {1.0f, 0.0f, 0.0f}});
    ASSERT_TRUE(right.has_value());
    EXPECT_EQ(right->instanceIndex, 1);
    EXPECT_NEAR(right->pointM.x, 1.0f, 1e-5f);
    EXPECT_FALSE(index.pick({{0.0f, 0.1f, 0.1f}, {1.0f, 0.0f, 0.0f}}, 0.9f).has_value());
    // An unnormalised direction gives the same point and a distance in metres.
    const auto scaled = index.pick({{0.0f, 0.1f, 0.1f}, {7.0f, 0.0f, 0.0f}});
    ASSERT_TRUE(scaled.has_value());
    EXPECT_NEAR(scaled->distanceM, 1.0f, 1e-5f);
}

TEST(Picking, RotatedNonUniformInstanceGivesAPerpendicularNormal) {
    ModelData model;
    model.meshes.push_back(makeBoxMesh(glm::vec3(0.5f)));
    const glm::mat4 m =
            glm::scale(glm::rotate(translate({0, 1, 0}), glm::radians(30.0f), glm::vec3(0, 0, 1)),
                       glm::vec3(3.0f, 0.5f, 1.0f));
    model.instances.push_back(makeInstance(0, m, "slab"));
    const PickingIndex index(model);
    const auto hit = index.pick({{0.2f, 10.0f, 0.1f}, {0.0f, -1.0f, 0.0f}});
    ASSERT_TRUE(hit.has_value());
    // The top face's world normal is the rotated +Y (inverse-transpose of the scale keeps it).
    const glm::vec3 expected(-std::sin(glm::radians(30.0f)), std::cos(glm::radians(30.0f)), 0.0f);
    EXPECT_LT(glm::length(hit->normal - expected), 1e-5f);
    // And the hit point lies on that face's plane: local y = +0.5.
    const glm::vec3 local(glm::inverse(m) * glm::vec4(hit->pointM, 1.0f));
    EXPECT_NEAR(local.y, 0.5f, 1e-5f);
}

TEST(Picking, SkipsDegenerateAndNonFiniteDataAndBadInstances) {
    ModelData model;
    kiln::assets::MeshData mesh;
    mesh.vertices.resize(7);
    mesh.vertices[0].position = {0, 0, 0};
    mesh.vertices[1].position = {1, 0, 0};
    mesh.vertices[2].position = {0, 1, 0};
    mesh.vertices[3].position = {2, 0, 0}; // collinear with 0 and 1
    mesh.vertices[4].position = {std::nanf(""), 0, 0};
    mesh.vertices[5].position = {5, 5, 0};
    mesh.vertices[6].position = {5, 6, 0};
    // good, collinear, repeated vertex, NaN, out-of-range index
    mesh.indices = {0, 1, 2, 0, 1, 3, 5, 5, 6, 4, 5, 6, 0, 1, 99};
    model.meshes.push_back(mesh);
    model.instances.push_back(makeInstance(0, glm::mat4(1.0f), "ok"));
    model.instances.push_back(makeInstance(3, glm::mat4(1.0f), "bad mesh index"));
    model.instances.push_back(
            makeInstance(0, glm::scale(glm::mat4(1.0f), glm::vec3(1, 0, 1)), "flattened"));
    glm::mat4 nanTransform(1.0f);
    nanTransform[3][0] = std::nanf("");
    model.instances.push_back(makeInstance(0, nanTransform, "nan"));
    const PickingIndex index(model);
    EXPECT_EQ(index.triangleCount(), 1u);
    EXPECT_EQ(index.skippedTriangles(), 4u);
    EXPECT_EQ(index.skippedInstances(), 3u);
    EXPECT_EQ(index.instanceCount(), 1u);
    const auto hit = index.pick({{0.2f, 0.2f, 5.0f}, {0.0f, 0.0f, -1.0f}});
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->triangleIndex, 0);
    EXPECT_EQ(hit->nodeName, "ok");
    EXPECT_FALSE(index.pick({{std::nanf(""), 0.2f, 5.0f}, {0.0f, 0.0f, -1.0f}}).has_value());
    EXPECT_FALSE(index.pick({{0.2f, 0.2f, 5.0f}, {0.0f, 0.0f, 0.0f}}).has_value());
    EXPECT_FALSE(PickingIndex().pick({{0, 0, 5}, {0, 0, -1}}).has_value());
}

TEST(Picking, ScreenPointPicksWhatIsDrawnThere) {
    const PickingIndex index(twoCubes());
    OrbitCamera cam;
    cam.target = {2.0f, 0.0f, 0.0f};
    cam.distanceM = 8.0f;
    cam.yawDeg = 20.0f;
    cam.pitchDeg = 25.0f;
    const CameraPose pose = CameraPose::fromOrbit(cam);
    const Viewport viewport{1024.0f, 768.0f};
    // A point on the right cube's top face (y = 1), seen from above.
    const glm::vec3 onTop(2.4f, 1.0f, -0.3f);
    const auto px = worldToScreen(pose, viewport, onTop);
    ASSERT_TRUE(px.has_value());
    const auto hit = index.pick(screenRay(pose, viewport, *px));
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->instanceIndex, 1);
    EXPECT_LT(glm::length(hit->pointM - onTop), 1e-4f);
    // The centre of the screen looks at the target, the centre of the right cube: the hit is on
    // its surface, between the eye and the target.
    const auto centre = index.pick(screenRay(pose, viewport, {512.0f, 384.0f}));
    ASSERT_TRUE(centre.has_value());
    EXPECT_LT(centre->distanceM, 8.0f);
    EXPECT_GT(centre->distanceM, 8.0f - 2.0f * std::sqrt(3.0f));
}

namespace {

// Reference: every triangle of every instance in world space, in double precision, by plane
// intersection and a barycentric inside test (a different formulation from the index's).
struct ReferenceHit {
    bool hit = false;
    double t = 0.0;
    int instance = -1;
};

ReferenceHit bruteForce(const ModelData& model, glm::dvec3 o, glm::dvec3 d) {
    ReferenceHit best;
    best.t = 1e300;
    for (std::size_t i = 0; i < model.instances.size(); ++i) {
        const auto& inst = model.instances[i];
        const auto& mesh = model.meshes[static_cast<std::size_t>(inst.meshIndex)];
        const glm::dmat4 m(inst.transform);
        for (std::size_t k = 0; k + 2 < mesh.indices.size(); k += 3) {
            glm::dvec3 v[3];
            for (int j = 0; j < 3; ++j) {
                v[j] = glm::dvec3(
                        m *
                        glm::dvec4(glm::dvec3(mesh.vertices[mesh.indices[k + j]].position), 1.0));
            }
            const glm::dvec3 n = glm::cross(v[1] - v[0], v[2] - v[0]);
            const double denom = glm::dot(n, d);
            if (std::abs(denom) < 1e-15) {
                continue;
            }
            const double t = glm::dot(n, v[0] - o) / denom;
            if (t <= 0.0 || t >= best.t) {
                continue;
            }
            const glm::dvec3 p = o + d * t;
            bool inside = true;
            for (int j = 0; j < 3; ++j) {
                if (glm::dot(glm::cross(v[(j + 1) % 3] - v[j], p - v[j]), n) < 0.0) {
                    inside = false;
                }
            }
            if (inside) {
                best = {true, t, static_cast<int>(i)};
            }
        }
    }
    return best;
}

} // namespace

TEST(Picking, AgreesWithBruteForceOnARandomScene) {
    std::mt19937 rng(424242u);
    auto uniform = [&](float lo, float hi) {
        return lo + (hi - lo) * static_cast<float>(rng() % 1000001u) / 1000000.0f;
    };
    ModelData model;
    model.meshes.push_back(makeBoxMesh({0.4f, 0.6f, 0.3f}, "crate"));
    model.meshes.push_back(makeBoxMesh({1.5f, 0.2f, 0.8f}, "slab"));
    for (int i = 0; i < 300; ++i) {
        glm::mat4 t = translate({uniform(-20, 20), uniform(0, 6), uniform(-20, 20)});
        t = glm::rotate(t, uniform(0.0f, 6.28f),
                        glm::normalize(glm::vec3(uniform(-1, 1), 1.0f, uniform(-1, 1))));
        t = glm::scale(t, glm::vec3(uniform(0.5f, 2.0f), uniform(0.5f, 2.0f), uniform(0.5f, 2.0f)));
        std::string node = "n";
        node.append(std::to_string(i));
        model.instances.push_back(makeInstance(i % 2, t, node));
    }
    const PickingIndex index(model);
    int hits = 0;
    for (int r = 0; r < 400; ++r) {
        const glm::vec3 origin(uniform(-30, 30), uniform(8, 15), uniform(-30, 30));
        const glm::vec3 aim(uniform(-20, 20), uniform(0, 6), uniform(-20, 20));
        const glm::vec3 dir = glm::normalize(aim - origin);
        const auto ours = index.pick({origin, dir});
        const ReferenceHit ref = bruteForce(model, glm::dvec3(origin), glm::dvec3(dir));
        ASSERT_EQ(ours.has_value(), ref.hit) << "ray " << r;
        if (ref.hit) {
            ++hits;
            EXPECT_NEAR(ours->distanceM, ref.t, 1e-3) << "ray " << r;
            EXPECT_EQ(ours->instanceIndex, ref.instance) << "ray " << r;
        }
    }
    EXPECT_GT(hits, 40); // the scene was really hit, not only missed
}

TEST(Picking, FromInsideABoxTheNormalFacesTheViewer) {
    // Scans are often open shells seen from inside (a kiln chamber): back faces are hit too, and
    // the normal is turned towards the ray's origin.
    const PickingIndex index(twoCubes());
    const auto hit = index.pick({{2.0f, 0.0f, 0.0f}, {0.0f, 1.0f, 0.0f}});
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->instanceIndex, 1);
    EXPECT_NEAR(hit->pointM.y, 1.0f, 1e-5f);
    EXPECT_LT(glm::length(hit->normal - glm::vec3(0, -1, 0)), 1e-5f);
}

// The subset constructor (walk mode's terrain index): only the listed instances can be hit, only
// the meshes they place are indexed, out-of-range entries are skipped and counted, and a hit
// still names the instance by its index in the whole model.
TEST(Picking, SubsetIndexesOnlyTheListedInstancesAndTheirMeshes) {
    ModelData model = twoCubes();
    // A second, larger mesh placed only by an instance the subset leaves out.
    model.meshes.push_back(makeBoxMesh(glm::vec3(3.0f), "big"));
    model.instances.push_back(makeInstance(1, translate({0.0f, 0.0f, -20.0f}), "behind"));

    const PickingIndex whole(model);
    EXPECT_EQ(whole.instanceCount(), 3u);
    EXPECT_EQ(whole.triangleCount(), 24u); // both meshes

    const PickingIndex subset(model, {1, 7, -1});
    EXPECT_EQ(subset.instanceCount(), 1u);
    EXPECT_EQ(subset.triangleCount(), 12u); // the cube only: "big" is placed by no listed instance
    EXPECT_EQ(subset.skippedInstances(), 2u);

    // The right cube is in the subset, and its hit keeps its index in model.instances.
    const auto right = subset.pick({{2.3f, 0.25f, 10.0f}, {0.0f, 0.0f, -1.0f}});
    ASSERT_TRUE(right.has_value());
    EXPECT_EQ(right->instanceIndex, 1);
    EXPECT_EQ(right->nodeName, "right");
    EXPECT_NEAR(right->pointM.z, 1.0f, 1e-5f);

    // The left cube and the big box behind are left out: the whole index hits them, the subset
    // does not (the ray through the left cube goes on to where "behind" stands).
    const Ray throughLeft{{-2.0f, 0.0f, 10.0f}, {0.0f, 0.0f, -1.0f}};
    const auto wholeHit = whole.pick(throughLeft);
    ASSERT_TRUE(wholeHit.has_value());
    EXPECT_EQ(wholeHit->instanceIndex, 0);
    EXPECT_FALSE(subset.pick(throughLeft).has_value());
    const auto behindHit = whole.pick({{-2.0f, 0.0f, -10.0f}, {0.0f, 0.0f, -1.0f}});
    ASSERT_TRUE(behindHit.has_value());
    EXPECT_EQ(behindHit->instanceIndex, 2);
    EXPECT_FALSE(subset.pick({{-2.0f, 0.0f, -10.0f}, {0.0f, 0.0f, -1.0f}}).has_value());

    // An empty subset is an empty index.
    const PickingIndex none(model, {});
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none.triangleCount(), 0u);
}
