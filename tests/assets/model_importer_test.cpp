// Model import through Assimp: the placeholder, the public glTF samples, broken files, and
// which post-processing indexed and unindexed glTF get.
#include "kiln/assets/model_importer.h"

#include "kiln/assets/image_io.h"
#include "kiln/core/data_paths.h"
#include "test_paths.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

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

TEST(ModelImporter, DeliveringImportHandsOverTheSameResult) {
    // The overload a worker uses to hand the model on before Assimp's data is freed.
    const auto path = core::dataPath("assets/models/placeholder/placeholder.obj");
    int calls = 0;
    assets::importModel(path, [&](core::Result<assets::ModelData> model) {
        ++calls;
        ASSERT_TRUE(model.ok()) << model.error().message;
        const auto direct = assets::importModel(path);
        ASSERT_TRUE(direct.ok());
        EXPECT_EQ(model->meshes.size(), direct->meshes.size());
        EXPECT_EQ(model->instances.size(), direct->instances.size());
        EXPECT_EQ(model->boundsMax, direct->boundsMax);
    });
    EXPECT_EQ(calls, 1);
    assets::importModel("/no/such/kiln.glb", [&](core::Result<assets::ModelData> model) {
        ++calls;
        ASSERT_FALSE(model.ok());
        EXPECT_EQ(model.error().message, assets::importModel("/no/such/kiln.glb").error().message);
    });
    EXPECT_EQ(calls, 2);
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
    ASSERT_FALSE(model->embeddedTextures.empty());
    // Decoding started during the import; the image is the one its bytes hold.
    const assets::EmbeddedImage& image = model->embeddedTextures[0];
    EXPECT_NE(image.decoding, nullptr);
    auto early = assets::decodeImage(image, "BoxTextured.gltf (embedded:0)");
    auto direct = assets::decodeImage(image.bytes, "BoxTextured.gltf (embedded:0)");
    ASSERT_TRUE(early.ok()) << early.error().message;
    ASSERT_TRUE(direct.ok()) << direct.error().message;
    EXPECT_EQ(early->width, direct->width);
    EXPECT_EQ(early->rgba, direct->rgba);
}

namespace {

// Writes a one-mesh glTF with an external buffer of positions (and indices when given) into the
// test output folder; returns its path.
std::filesystem::path writeGltf(const std::string& name, const std::vector<float>& positions,
                                const std::vector<std::uint32_t>& indices) {
    const auto dir = test::outputDir("assets");
    std::string bin(reinterpret_cast<const char*>(positions.data()), positions.size() * 4);
    bin.append(reinterpret_cast<const char*>(indices.data()), indices.size() * 4);
    std::ofstream(dir / (name + ".bin"), std::ios::binary) << bin;
    const std::size_t count = positions.size() / 3;
    std::string json = R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],)"
                       R"("nodes":[{"mesh":0}],"meshes":[{"primitives":[{"attributes":)"
                       R"({"POSITION":0})";
    json += indices.empty() ? "}]}]," : R"(,"indices":1}]}],)";
    json += R"("buffers":[{"uri":")" + name + R"(.bin","byteLength":)" +
            std::to_string(bin.size()) + "}],";
    json += R"("bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":)" +
            std::to_string(positions.size() * 4) + "}";
    if (!indices.empty()) {
        json += R"(,{"buffer":0,"byteOffset":)" + std::to_string(positions.size() * 4) +
                R"(,"byteLength":)" + std::to_string(indices.size() * 4) + "}";
    }
    json += R"(],"accessors":[{"bufferView":0,"componentType":5126,"type":"VEC3","count":)" +
            std::to_string(count) + R"(,"min":[0,0,0],"max":[1,1,0]})";
    if (!indices.empty()) {
        json += R"(,{"bufferView":1,"componentType":5125,"type":"SCALAR","count":)" +
                std::to_string(indices.size()) + "}";
    }
    json += "]}";
    const auto path = dir / (name + ".gltf");
    std::ofstream(path) << json;
    return path;
}

} // namespace

// Indexed glTF data is kept as its exporter shared it (joining identical vertices is skipped: on
// a large scan it was most of the load); a primitive without indices is still joined.
TEST(ModelImporter, IndexedGltfKeepsItsVerticesUnindexedIsJoined) {
    // Two triangles of a unit square; vertex 4 repeats vertex 1 in every attribute.
    const std::vector<float> indexed = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
    auto shared = assets::importModel(writeGltf("indexed_square", indexed, {0, 1, 2, 4, 2, 3}));
    ASSERT_TRUE(shared.ok()) << shared.error().message;
    ASSERT_EQ(shared->meshes.size(), 1u);
    EXPECT_EQ(shared->meshes[0].vertices.size(), 5u);
    EXPECT_EQ(shared->meshes[0].indices.size(), 6u);

    // The same square as a triangle soup: six vertices, two pairs of them equal.
    const std::vector<float> soup = {0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0};
    auto joined = assets::importModel(writeGltf("soup_square", soup, {}));
    ASSERT_TRUE(joined.ok()) << joined.error().message;
    ASSERT_EQ(joined->meshes.size(), 1u);
    EXPECT_EQ(joined->meshes[0].vertices.size(), 4u);
    EXPECT_EQ(joined->meshes[0].indices.size(), 6u);
    // Either way every vertex has the square's normal (smooth normals are averaged by position).
    for (const auto* model : {&shared.value(), &joined.value()}) {
        for (const auto& v : model->meshes[0].vertices) {
            EXPECT_NEAR(std::abs(v.normal.z), 1.0f, 1e-5f);
        }
    }
}
