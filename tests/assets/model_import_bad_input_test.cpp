// Model import of bad input and of each supported format, from the small real files in
// tests/data/models/ (make_broken_models.py writes most of them). A bad file gives an error that
// names the file and the problem, or an import with the bad part dropped and a warning logged;
// never a crash, a hang or a huge allocation. docs/import.md lists the same cases.
#include "kiln/assets/image_io.h"
#include "kiln/assets/model_importer.h"
#include "kiln/core/log.h"
#include "test_paths.h"

#include <glm/gtc/epsilon.hpp>
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

using namespace kiln;

namespace {

// Captures the messages of module "assets" while alive.
class LogCapture {
public:
    LogCapture() {
        mOld = core::setLogSink(
                [this](core::LogLevel level, std::string_view module, std::string_view text) {
                    if (module == "assets") {
                        std::lock_guard<std::mutex> lock(mMutex);
                        mLines.push_back({level, std::string(text)});
                    }
                });
    }
    ~LogCapture() { core::setLogSink(mOld); }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    // The number of captured lines of `level` containing every one of `parts`.
    std::size_t count(core::LogLevel level, std::initializer_list<const char*> parts) const {
        std::size_t n = 0;
        for (const Line& line : mLines) {
            bool all = line.level == level;
            for (const char* part : parts) {
                all = all && line.text.find(part) != std::string::npos;
            }
            n += all ? 1u : 0u;
        }
        return n;
    }

    std::size_t warnings() const {
        std::size_t n = 0;
        for (const Line& line : mLines) {
            n += line.level >= core::LogLevel::Warning ? 1u : 0u;
        }
        return n;
    }

    std::string all() const {
        std::string text;
        for (const Line& line : mLines) {
            text.append(core::logLevelName(line.level)).append(": ").append(line.text);
            text.append("\n");
        }
        return text;
    }

private:
    struct Line {
        core::LogLevel level;
        std::string text;
    };
    core::LogSink mOld;
    std::mutex mMutex;
    std::vector<Line> mLines;
};

std::size_t drawnTriangles(const assets::ModelData& model) {
    std::size_t triangles = 0;
    for (const auto& mesh : model.meshes) {
        triangles += mesh.indices.size() / 3;
    }
    return triangles;
}

bool hasColor(const assets::MeshData& mesh, glm::vec4 color) {
    for (const auto& v : mesh.vertices) {
        if (glm::all(glm::epsilonEqual(v.color, color, 1e-3f))) {
            return true;
        }
    }
    return false;
}

const assets::MaterialData* materialNamed(const assets::ModelData& model, const std::string& name) {
    for (const auto& m : model.materials) {
        if (m.name == name) {
            return &m;
        }
    }
    return nullptr;
}

// Imports a file that must load with no warning and the given number of drawn triangles.
assets::ModelData importClean(const std::string& relative, std::size_t triangles) {
    LogCapture log;
    auto model = assets::importModel(test::testDataPath("models/" + relative));
    EXPECT_TRUE(model.ok()) << (model.ok() ? "" : model.error().message);
    if (!model.ok()) {
        return {};
    }
    EXPECT_EQ(drawnTriangles(*model), triangles);
    EXPECT_EQ(log.warnings(), 0u) << log.all();
    return std::move(model).value();
}

} // namespace

// [SECTION] Files that must fail with a message naming the file and the problem

struct FailureCase {
    const char* file;
    std::vector<const char*> mustContain;
};

// Names the case in gtest's output instead of dumping its bytes.
void PrintTo(const FailureCase& c, std::ostream* os) {
    *os << c.file;
}

class ModelImportFailure : public testing::TestWithParam<FailureCase> {};

TEST_P(ModelImportFailure, ErrorNamesTheFileAndTheProblem) {
    const FailureCase& c = GetParam();
    const auto path = test::testDataPath(std::string("models/") + c.file);
    LogCapture log;
    const auto start = std::chrono::steady_clock::now();
    auto model = assets::importModel(path);
    const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_FALSE(model.ok()) << c.file << " imported but must not";
    const std::string& message = model.error().message;
    EXPECT_EQ(message.rfind(path.string(), 0), 0u) << message;
    for (const char* part : c.mustContain) {
        EXPECT_NE(message.find(part), std::string::npos) << "'" << part << "' not in: " << message;
    }
    // Lying headers must fail on the header, not after allocating what it promises.
    EXPECT_LT(seconds, 5.0) << message;
}

const FailureCase kFailures[] = {
        {"unsupported.xyz", {"unsupported model format '.xyz'"}},
        {"empty.obj", {"the model file is empty"}},
        {"broken_json.gltf", {"glTF JSON is invalid", "parse error"}},
        {"truncated_buffer.gltf", {"expected 4096 bytes"}},
        {"truncated_external.gltf",
         {"external buffer 'truncated_external.bin' is truncated", "byteLength is 42",
          "holds only 21"}},
        {"missing_buffer.gltf", {"external buffer 'missing_buffer_data.bin'", "is missing"}},
        {"accessor_overrun.gltf", {"accessors[0] (300 elements", "bufferViews[0] holds only 36"}},
        {"accessor_offset_overrun.gltf", {"accessors[0] (3 elements from byte 64"}},
        {"bad_accessor_index.gltf", {"Array index 7 is out of bounds", "accessors"}},
        {"enormous_count.gltf", {"accessors[0] (2147483648 elements", "holds only 36"}},
        {"enormous_zeros.gltf", {"declares 100000000 vertices", "limit of 16777216"}},
        {"cyclic_nodes.gltf", {"recursive reference"}},
        {"deep_nesting.gltf", {"cannot import model"}},
        {"truncated.glb", {"GLB is truncated", "header says 1504 bytes", "holds only 1464"}},
        {"corrupt_header.glb", {"GLB header is corrupt", "JSON chunk"}},
        {"bad_magic.glb", {"does not start with 'glTF'"}},
        {"degenerate_only.gltf",
         {"no triangles to draw", "3 invalid or degenerate triangle(s) dropped"}},
        {"no_faces.obj", {"no triangles to draw"}},
        // Assimp's OBJ reader refuses the whole file for one bad index (PLY and glTF do not).
        {"index_out_of_range.obj", {"cannot import model", "vertex index out of range"}},
        {"enormous_header.ply", {"PLY header declares 2000000000 vertices", "holds only"}},
        {"ply_magic_not_first.ply", {"not a PLY file", "must start with the line 'ply'"}},
        {"ply_end_header_vtab.ply", {"PLY header has no end_header line"}},
        {"ply_control_byte.ply", {"PLY header line 3 holds a control byte (code 0)"}},
        {"ply_element_without_properties.ply",
         {"PLY header line 4 starts an element after one without properties"}},
        {"ply_bad_element_name.ply",
         {"PLY header line 3 is not 'element NAME COUNT'", "2147483647face"}},
        {"ply_property_without_type.ply",
         {"PLY header line 4 is not 'property TYPE NAME' or 'property list TYPE TYPE NAME'"}},
        // Found by fuzzing (tests/fuzz/regressions/model_gltf): Assimp reads through a null
        // pointer on an embedded image's media type without '/'.
        {"image_data_uri_media_type.gltf",
         {"images[0].uri's data: media type 'image'png' is not of the form type/subtype"}},
        {"image_mime_type.gltf", {"images[0].mimeType 'imagepng' is not of the form type/subtype"}},
        // Found by fuzzing (tests/fuzz/regressions/model_ply): Assimp allocates what an ASCII
        // list count says.
        {"ply_ascii_list_count_past_type.ply",
         {"PLY body line 5 (after the header) holds the integer 21474836470, larger than any "
          "list the rest of the file could hold"}},
        {"ply_ascii_list_count_past_end.ply",
         {"PLY body line 5 (after the header) holds the integer 2000000000"}},
        // Found by fuzzing (tests/fuzz/regressions/model_fbx): Assimp aborts on it.
        {"fbx_corrupt_end_offset.fbx", {"binary FBX is corrupt: the record at byte"}},
        {"enormous_count.stl",
         {"binary STL header declares 2147483648 triangles", "holds only 134"}},
};

INSTANTIATE_TEST_SUITE_P(BadFiles, ModelImportFailure, testing::ValuesIn(kFailures),
                         [](const testing::TestParamInfo<FailureCase>& param) {
                             std::string name = param.param.file;
                             for (char& ch : name) {
                                 ch = std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
                             }
                             return name;
                         });

TEST(ModelImportBadInput, DegenerateOnlyFileLogsTheCount) {
    LogCapture log;
    auto model = assets::importModel(test::testDataPath("models/degenerate_only.gltf"));
    ASSERT_FALSE(model.ok());
    EXPECT_EQ(log.count(core::LogLevel::Info,
                        {"degenerate_only.gltf", "3 degenerate (zero-area) triangle(s) dropped"}),
              1u)
            << log.all();
}

// [SECTION] Files that import with the bad part dropped and a warning

TEST(ModelImportBadInput, IndexValuesOutOfRangeDropTheirTriangle) {
    LogCapture log;
    auto model = assets::importModel(test::testDataPath("models/index_out_of_range.gltf"));
    ASSERT_TRUE(model.ok()) << model.error().message;
    EXPECT_EQ(drawnTriangles(*model), 1u);
    EXPECT_EQ(log.count(core::LogLevel::Warning,
                        {"index_out_of_range.gltf", "1 triangle(s) declared in the file were "
                                                    "dropped by the reader"}),
              1u)
            << log.all();
    for (const auto& mesh : model->meshes) {
        for (std::uint32_t index : mesh.indices) {
            EXPECT_LT(index, mesh.vertices.size());
        }
    }
}

TEST(ModelImportBadInput, PlyIndexValuesOutOfRangeDropTheirTriangle) {
    // Assimp's own validation would reject the whole file; the importer drops the face first.
    LogCapture log;
    auto model = assets::importModel(test::testDataPath("models/index_out_of_range.ply"));
    ASSERT_TRUE(model.ok()) << model.error().message;
    EXPECT_EQ(drawnTriangles(*model), 1u);
    EXPECT_EQ(log.count(core::LogLevel::Warning,
                        {"index_out_of_range.ply",
                         "1 triangle(s) with index values past the vertex count dropped"}),
              1u)
            << log.all();
}

TEST(ModelImportBadInput, NonFiniteNodeTransformsSkipTheNodeOnly) {
    LogCapture log;
    auto model = assets::importModel(test::testDataPath("models/nan_transform.gltf"));
    ASSERT_TRUE(model.ok()) << model.error().message;
    ASSERT_EQ(model->instances.size(), 1u);
    EXPECT_EQ(model->instances[0].nodeName, "good");
    EXPECT_EQ(log.count(core::LogLevel::Warning,
                        {"nan_transform.gltf", "infinite_translation", "non-finite transform"}),
              1u)
            << log.all();
    EXPECT_EQ(log.count(core::LogLevel::Warning,
                        {"nan_transform.gltf", "infinite_matrix", "non-finite transform"}),
              1u)
            << log.all();
    EXPECT_TRUE(std::isfinite(model->boundsMax.x));
    EXPECT_NEAR(model->boundsMax.x, 1.0f, 1e-5f);
}

TEST(ModelImportBadInput, NanVertexPositionsDropTheirTrianglesNotTheMesh) {
    LogCapture log;
    auto model = assets::importModel(test::testDataPath("models/nan_positions.gltf"));
    ASSERT_TRUE(model.ok()) << model.error().message;
    EXPECT_EQ(drawnTriangles(*model), 2u);
    EXPECT_EQ(log.count(core::LogLevel::Warning,
                        {"nan_positions.gltf", "1 triangle(s) on vertices with non-finite"}),
              1u)
            << log.all();
    for (const auto& mesh : model->meshes) {
        for (std::uint32_t index : mesh.indices) {
            const glm::vec3 p = mesh.vertices[index].position;
            EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z));
        }
    }
    // The bounds come from the drawn quad (0..1), not from the dropped vertices.
    EXPECT_NEAR(model->boundsMax.x, 1.0f, 1e-5f);
    EXPECT_NEAR(model->boundsMax.y, 1.0f, 1e-5f);
}

TEST(ModelImportBadInput, ObjNanPositionDropsOneTriangleNotTheMesh) {
    // Assimp's FindInvalidData alone would delete the mesh ("No meshes remaining").
    LogCapture log;
    auto model = assets::importModel(test::testDataPath("models/nan_positions.obj"));
    ASSERT_TRUE(model.ok()) << model.error().message;
    EXPECT_EQ(drawnTriangles(*model), 2u);
    EXPECT_EQ(log.count(core::LogLevel::Warning,
                        {"nan_positions.obj", "1 triangle(s) on vertices with non-finite"}),
              1u)
            << log.all();
}

TEST(ModelImportBadInput, SomeDegenerateTrianglesAreDroppedAndCounted) {
    LogCapture log;
    auto model = assets::importModel(test::testDataPath("models/degenerate_some.gltf"));
    ASSERT_TRUE(model.ok()) << model.error().message;
    EXPECT_EQ(drawnTriangles(*model), 2u);
    EXPECT_EQ(log.warnings(), 0u) << "degenerate triangles are dropped without a warning";
    EXPECT_EQ(log.count(core::LogLevel::Info,
                        {"degenerate_some.gltf", "2 degenerate (zero-area) triangle(s) dropped"}),
              1u)
            << log.all();
}

TEST(ModelImportBadInput, CorruptTexturesImportAndFailOnlyWhenDecoded) {
    // The importer records texture references; the renderer decodes them and shows the checker
    // texture (core::makeCheckerImage) when decoding fails. Both failures must name the source.
    auto model = assets::importModel(test::testDataPath("models/corrupt_textures.gltf"));
    ASSERT_TRUE(model.ok()) << model.error().message;
    const auto* fromFile = materialNamed(*model, "corrupt_file");
    const auto* embedded = materialNamed(*model, "corrupt_embedded");
    ASSERT_NE(fromFile, nullptr);
    ASSERT_NE(embedded, nullptr);
    ASSERT_NE(fromFile->baseColorTexture.source.find("corrupt.png"), std::string::npos);
    auto image = assets::loadImage(fromFile->baseColorTexture.source);
    ASSERT_FALSE(image.ok());
    EXPECT_NE(image.error().message.find("corrupt.png"), std::string::npos);
    EXPECT_NE(image.error().message.find("cannot decode image"), std::string::npos);

    ASSERT_EQ(embedded->baseColorTexture.source.rfind("embedded:", 0), 0u);
    const std::size_t index = std::stoul(embedded->baseColorTexture.source.substr(9));
    ASSERT_LT(index, model->embeddedTextures.size());
    auto decoded = assets::decodeImage(model->embeddedTextures[index], "corrupt_textures.gltf#1");
    ASSERT_FALSE(decoded.ok());
    EXPECT_NE(decoded.error().message.find("corrupt_textures.gltf#1"), std::string::npos);
}

// [SECTION] Each format, several meshes and materials, vertex colours, two UV sets

TEST(ModelImportFormats, GltfWithExternalBinAndGlbGiveTheSameModel) {
    for (const char* file : {"two_meshes_external.gltf", "two_meshes.glb"}) {
        SCOPED_TRACE(file);
        const assets::ModelData model = importClean(file, 3);
        ASSERT_EQ(model.meshes.size(), 2u);
        ASSERT_EQ(model.instances.size(), 2u);
        const auto* glaze = materialNamed(model, "glaze");
        const auto* clay = materialNamed(model, "clay");
        ASSERT_NE(glaze, nullptr);
        ASSERT_NE(clay, nullptr);
        EXPECT_NEAR(glaze->baseColorFactor.b, 0.8f, 1e-5f);
        EXPECT_NEAR(clay->baseColorFactor.r, 0.7f, 1e-5f);
        bool coloured = false;
        for (const auto& mesh : model.meshes) {
            if (mesh.name == "bowl") {
                coloured = hasColor(mesh, {1, 0, 0, 1}) && hasColor(mesh, {0, 1, 0, 1}) &&
                           hasColor(mesh, {0, 0, 1, 1});
                EXPECT_EQ(&model.materials[static_cast<std::size_t>(mesh.materialIndex)], glaze);
            }
        }
        EXPECT_TRUE(coloured) << "the bowl's COLOR_0 must arrive as vertex colours";
        // The saggar quad (0..1) is placed 3 m along x.
        EXPECT_NEAR(model.boundsMax.x, 4.0f, 1e-5f);
    }
}

TEST(ModelImportFormats, ObjWithTwoMaterials) {
    const assets::ModelData model = importClean("two_materials.obj", 3);
    ASSERT_EQ(model.meshes.size(), 2u);
    const auto* celadon = materialNamed(model, "celadon");
    const auto* clay = materialNamed(model, "clay");
    ASSERT_NE(celadon, nullptr);
    ASSERT_NE(clay, nullptr);
    EXPECT_NEAR(celadon->baseColorFactor.g, 0.75f, 1e-5f);
    EXPECT_NEAR(clay->baseColorFactor.r, 0.70f, 1e-5f);
    EXPECT_NE(model.meshes[0].materialIndex, model.meshes[1].materialIndex);
}

TEST(ModelImportFormats, PlyWithVertexColoursAsciiAndBinary) {
    for (const char* file : {"vertex_colors.ply", "scan_colors_binary.ply"}) {
        SCOPED_TRACE(file);
        const assets::ModelData model = importClean(file, 2);
        ASSERT_EQ(model.meshes.size(), 1u);
        const auto& mesh = model.meshes[0];
        EXPECT_TRUE(hasColor(mesh, {1, 0, 0, 1}));
        EXPECT_TRUE(hasColor(mesh, {0, 1, 0, 1}));
        EXPECT_TRUE(hasColor(mesh, {0, 0, 1, 1}));
        EXPECT_TRUE(hasColor(mesh, {1, 1, 1, 1}));
    }
}

TEST(ModelImportFormats, StlAsciiAndBinary) {
    importClean("two_facets_ascii.stl", 2);
    importClean("one_facet_binary.stl", 1);
}

TEST(ModelImportFormats, HandWrittenAsciiFbx) {
    const assets::ModelData model = importClean("tiny_ascii.fbx", 1);
    const auto* glaze = materialNamed(model, "glaze");
    ASSERT_NE(glaze, nullptr);
    EXPECT_NEAR(glaze->baseColorFactor.r, 0.8f, 1e-5f);
    EXPECT_NEAR(glaze->baseColorFactor.g, 0.1f, 1e-5f);
}

// Binary FBX as the Autodesk FBX SDK and 3ds Max write it (Assimp's own test models,
// tests/data/models/assimp/README.md): each is a cube, 12 triangles, with the one material that
// Assimp's command-line tool (`assimp info`, package assimp-utils) lists for it.
TEST(ModelImportFormats, BinaryFbxFromExporters) {
    const std::pair<const char*, const char*> files[] = {
            {"assimp/box_binary.fbx", "Material_50"},
            {"assimp/box_compressed_arrays.fbx", "DefaultMaterial"},
            {"assimp/phong_cube.fbx", "phong1"},
            {"assimp/max_pbr_metal_rough.fbx", "PBR Material"},
    };
    for (const auto& [file, material] : files) {
        SCOPED_TRACE(file);
        const assets::ModelData model = importClean(file, 12);
        EXPECT_NE(materialNamed(model, material), nullptr);
    }
}

TEST(ModelImportFormats, TwoUvSetsAreBothKept) {
    const assets::ModelData model = importClean("two_uv_sets.gltf", 1);
    ASSERT_EQ(model.meshes.size(), 1u);
    bool differs = false;
    for (const auto& v : model.meshes[0].vertices) {
        // TEXCOORD_1 is TEXCOORD_0 scaled by a quarter and moved to (0.5, 0.5).
        EXPECT_NEAR(v.uv1.x, 0.5f + 0.25f * v.uv.x, 1e-5f);
        differs = differs || v.uv1 != v.uv;
    }
    EXPECT_TRUE(differs);
    const auto* baked = materialNamed(model, "baked");
    ASSERT_NE(baked, nullptr);
    EXPECT_EQ(baked->occlusionTexture.uvSet, 1);
    // A missing texture file is recorded as it is; the renderer shows the checker instead.
    EXPECT_NE(baked->occlusionTexture.source.find("no_such_occlusion.png"), std::string::npos);
}

TEST(ModelImportFormats, ValidGltfImportsWithoutWarnings) {
    const assets::ModelData model = importClean("valid_quad.gltf", 2);
    EXPECT_NEAR(model.boundsMax.y, 1.0f, 1e-5f);
}
