// Model import through Assimp: the placeholder, the public glTF samples, and broken files.
#include "kiln/assets/model_importer.h"

#include "kiln/core/data_paths.h"
#include "test_paths.h"

#include <gtest/gtest.h>

using namespace kiln;

TEST(ModelImporter, PlaceholderHasVasePlinthAndGround) {
    auto model = assets::importModel(core::dataPath("assets/models/placeholder/placeholder.obj"));
    ASSERT_TRUE(model.ok()) << model.error().message;
    EXPECT_EQ(model->meshes.size(), 3u);
    EXPECT_EQ(model->instances.size(), 3u);
    // The vase is 0.398 m tall standing on a 0.10 m plinth; the ground spans 3 m.
    EXPECT_NEAR(model->boundsMax.y, 0.498f, 1e-3f);
    EXPECT_NEAR(model->boundsMax.x - model->boundsMin.x, 3.0f, 1e-3f);
    bool textured = false;
    for (const auto& m : model->materials) {
        if (m.baseColorTexture.source.find("qinghua.png") != std::string::npos) {
            textured = true;
        }
    }
    EXPECT_TRUE(textured) << "the glaze material should reference qinghua.png";
}

TEST(ModelImporter, MissingFileNamesTheFile) {
    auto model = assets::importModel("/no/such/kiln.glb");
    ASSERT_FALSE(model.ok());
    EXPECT_NE(model.error().message.find("/no/such/kiln.glb"), std::string::npos);
    EXPECT_NE(model.error().message.find("not found"), std::string::npos);
}

TEST(ModelImporter, BrokenGltfJsonIsAnErrorNotACrash) {
    const auto path = test::testDataPath("models/broken_json.gltf");
    auto model = assets::importModel(path);
    ASSERT_FALSE(model.ok());
    EXPECT_NE(model.error().message.find(path.string()), std::string::npos);
}

TEST(ModelImporter, FileWithoutTrianglesIsAnError) {
    auto model = assets::importModel(test::testDataPath("models/no_faces.obj"));
    ASSERT_FALSE(model.ok());
}

TEST(ModelImporter, MissingTextureIsRecordedForTheRendererToReplace) {
    // Import succeeds; the renderer substitutes the checker texture when the file is absent.
    auto model = assets::importModel(test::testDataPath("models/missing_texture.obj"));
    ASSERT_TRUE(model.ok()) << model.error().message;
    ASSERT_FALSE(model->materials.empty());
    bool found = false;
    for (const auto& m : model->materials) {
        found = found || m.baseColorTexture.source.find("does_not_exist.png") != std::string::npos;
    }
    EXPECT_TRUE(found);
}

TEST(ModelImporter, KhronosSampleModelsLoad) {
    KILN_REQUIRE_SHARED_DIR(shared);
    struct Case {
        const char* file;
        std::size_t minTriangles;
    };
    // Triangle counts are those of the published sample models.
    const Case cases[] = {{"Box.gltf", 12},
                          {"BoxTextured.gltf", 12},
                          {"Triangle.gltf", 1},
                          {"TriangleWithoutIndices.gltf", 1},
                          {"SimpleMeshes.gltf", 1},
                          {"Cameras.gltf", 2},
                          {"AnimatedTriangle.gltf", 1}};
    for (const Case& c : cases) {
        SCOPED_TRACE(c.file);
        auto model = assets::importModel(shared / "testdata" / "gltf" / c.file);
        ASSERT_TRUE(model.ok()) << model.error().message;
        std::size_t triangles = 0;
        for (const auto& inst : model->instances) {
            triangles += model->meshes[static_cast<std::size_t>(inst.meshIndex)].indices.size() / 3;
        }
        EXPECT_GE(triangles, c.minTriangles);
    }
}

TEST(ModelImporter, SharedMeshesStayShared) {
    // SimpleMeshes.gltf places one mesh with two nodes: two instances of the same mesh.
    KILN_REQUIRE_SHARED_DIR(shared);
    auto model = assets::importModel(shared / "testdata" / "gltf" / "SimpleMeshes.gltf");
    ASSERT_TRUE(model.ok()) << model.error().message;
    ASSERT_EQ(model->instances.size(), 2u);
    EXPECT_EQ(model->instances[0].meshIndex, model->instances[1].meshIndex);
    EXPECT_NE(model->instances[0].transform, model->instances[1].transform);
}

TEST(ModelImporter, EmbeddedTextureIsKept) {
    KILN_REQUIRE_SHARED_DIR(shared);
    auto model = assets::importModel(shared / "testdata" / "gltf" / "BoxTextured.gltf");
    ASSERT_TRUE(model.ok()) << model.error().message;
    bool embedded = false;
    for (const auto& m : model->materials) {
        embedded = embedded || m.baseColorTexture.source.rfind("embedded:", 0) == 0;
    }
    EXPECT_TRUE(embedded);
    EXPECT_FALSE(model->embeddedTextures.empty());
}
