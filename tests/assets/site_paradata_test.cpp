// The evidence view's data path, on the generated egg kiln: import the .glb, pick a part as a tap
// would, and read what the part rests on (evidence class and source or reason).
#include "kiln/assets/model_importer.h"
#include "kiln/core/data_paths.h"
#include "kiln/scene/camera_pose.h"
#include "kiln/scene/picking.h"
#include "kiln/scene/screen_ray.h"

#include <gtest/gtest.h>

using namespace kiln;

namespace {
const assets::ModelData& eggKiln() {
    static const assets::ModelData model = [] {
        auto m = assets::importModel(core::generatedRoot() / "sites" / "egg_kiln.glb");
        EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().message);
        return m.ok() ? std::move(m.value()) : assets::ModelData{};
    }();
    return model;
}
} // namespace

TEST(SiteParadata, EveryGeneratedPartCarriesItsEvidenceClass) {
    const assets::ModelData& model = eggKiln();
    ASSERT_FALSE(model.instances.empty());
    for (const auto& inst : model.instances) {
        SCOPED_TRACE(inst.nodeName);
        const std::string& e = inst.paradata.evidence;
        EXPECT_TRUE(e == "excavated" || e == "documented" || e == "conjecture") << "'" << e << "'";
        // Documented or excavated parts cite a source; conjectures give a reason.
        if (e == "conjecture") {
            EXPECT_FALSE(inst.paradata.reason.empty());
        } else {
            EXPECT_FALSE(inst.paradata.source.empty());
        }
    }
}

TEST(SiteParadata, TappingTheChimneyFindsItAndItsSource) {
    const assets::ModelData& model = eggKiln();
    ASSERT_FALSE(model.instances.empty());
    const scene::PickingIndex index(model);
    // A ray from the side at 12 m height towards the chimney's axis (x about 19.8 m, z = 0),
    // above the kiln house's ridge (about 10 m).
    scene::Ray ray;
    ray.originM = {19.8f, 12.0f, 40.0f};
    ray.direction = {0.0f, 0.0f, -1.0f};
    auto hit = index.pick(ray);
    ASSERT_TRUE(hit.has_value());
    const auto& inst = model.instances[static_cast<std::size_t>(hit->instanceIndex)];
    EXPECT_EQ(inst.nodeName, "chimney_shaft");
    EXPECT_EQ(inst.paradata.part, "chimney");
    EXPECT_FALSE(inst.paradata.evidence.empty());
    EXPECT_FALSE(inst.paradata.source.empty() && inst.paradata.reason.empty());
}
