// Scene file parsing with nlohmann::json; every error names file, line and field.
#include "kiln/scene/scene_description.h"

#include "kiln/core/file_io.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <string_view>

namespace kiln::scene {
namespace {

using nlohmann::json;

class Reader {
public:
    Reader(const std::filesystem::path& file, const std::string& text)
        : mFile(file.string()), mText(text) {}

    core::Error error(const std::string& field, const std::string& problem) const {
        const int line = core::lineOfJsonPath(mText, field);
        return core::Error{mFile + ":" + (line > 0 ? std::to_string(line) + ":" : "") + " field '" +
                           field + "': " + problem};
    }

    std::optional<core::Error> readString(const json& obj, const char* key, const std::string& path,
                                          std::string& out, bool required) const {
        if (!obj.contains(key)) {
            return required ? std::optional(error(path, "missing")) : std::nullopt;
        }
        if (!obj[key].is_string()) {
            return error(path, "must be a string");
        }
        out = obj[key].get<std::string>();
        return std::nullopt;
    }

    std::optional<core::Error> readNumber(const json& obj, const char* key, const std::string& path,
                                          float& out, float lo, float hi) const {
        if (!obj.contains(key)) {
            return std::nullopt; // numbers are optional and keep their defaults
        }
        if (!obj[key].is_number()) {
            return error(path, "must be a number");
        }
        const double value = obj[key].get<double>();
        if (!std::isfinite(value) || value < lo || value > hi) {
            return error(path, "value " + obj[key].dump() + " is out of range [" +
                                       std::to_string(lo) + ", " + std::to_string(hi) + "]");
        }
        out = static_cast<float>(value);
        return std::nullopt;
    }

    std::optional<core::Error> readVec3(const json& obj, const char* key, const std::string& path,
                                        glm::vec3& out, float lo, float hi) const {
        if (!obj.contains(key)) {
            return std::nullopt;
        }
        const json& v = obj[key];
        if (!v.is_array() || v.size() != 3) {
            return error(path, "must be an array of three numbers");
        }
        for (std::size_t i = 0; i < 3; ++i) {
            if (!v[i].is_number() || !std::isfinite(v[i].get<double>()) ||
                v[i].get<double>() < lo || v[i].get<double>() > hi) {
                return error(path, "element " + std::to_string(i) + " must be a number in [" +
                                           std::to_string(lo) + ", " + std::to_string(hi) + "]");
            }
            out[static_cast<int>(i)] = v[i].get<float>();
        }
        return std::nullopt;
    }

    std::optional<core::Error> readText(const json& obj, const char* key, LocalizedText& out,
                                        bool required) const {
        if (!obj.contains(key)) {
            return required ? std::optional(error(key, "missing")) : std::nullopt;
        }
        if (!obj[key].is_object()) {
            return error(key, "must be an object with \"en\" and \"zh\"");
        }
        const std::string base = key;
        if (auto e = readString(obj[key], "en", base + ".en", out.en, true)) {
            return e;
        }
        return readString(obj[key], "zh", base + ".zh", out.zh, true);
    }

private:
    std::string mFile;
    const std::string& mText;
};

} // namespace

core::Result<SceneDescription> loadSceneFile(const std::filesystem::path& file,
                                             const std::filesystem::path& dataRoot) {
    auto text = core::readTextFile(file);
    if (!text) {
        return text.error();
    }
    json doc = json::parse(text.value(), nullptr, false);
    if (doc.is_discarded()) {
        // Parse again with exceptions on, only to learn where the syntax error is.
        try {
            const json again = json::parse(text.value());
            (void)again;
        } catch (const json::parse_error& e) {
            const auto pos = core::textPositionOf(text.value(), e.byte > 0 ? e.byte - 1 : 0);
            return core::Error{file.string() + ":" + std::to_string(pos.line) + ":" +
                               std::to_string(pos.column) + ": not valid JSON: " + e.what()};
        }
        return core::Error{file.string() + ": not valid JSON"};
    }
    Reader r(file, text.value());
    if (!doc.is_object()) {
        return r.error("(top level)", "must be a JSON object");
    }
    SceneDescription scene;
    scene.file = file;
    std::string model;
    if (auto e = r.readString(doc, "id", "id", scene.id, true)) {
        return *e;
    }
    if (auto e = r.readText(doc, "title", scene.title, true)) {
        return *e;
    }
    if (auto e = r.readText(doc, "caption", scene.caption, false)) {
        return *e;
    }
    if (auto e = r.readString(doc, "source", "source", scene.source, false)) {
        return *e;
    }
    if (auto e = r.readString(doc, "model", "model", model, true)) {
        return *e;
    }
    scene.modelPath = std::filesystem::path(model).is_absolute() ? std::filesystem::path(model)
                                                                 : dataRoot / model;
    if (auto e = r.readVec3(doc, "clearColor", "clearColor", scene.clearColor, 0.0f, 1.0f)) {
        return *e;
    }
    if (doc.contains("camera")) {
        const json& cam = doc["camera"];
        if (!cam.is_object()) {
            return r.error("camera", "must be an object");
        }
        OrbitCamera& c = scene.camera;
        for (auto e : {r.readVec3(cam, "target", "camera.target", c.target, -1e4f, 1e4f),
                       r.readNumber(cam, "distanceM", "camera.distanceM", c.distanceM, 0.01f, 1e4f),
                       r.readNumber(cam, "yawDeg", "camera.yawDeg", c.yawDeg, -360.0f, 360.0f),
                       r.readNumber(cam, "pitchDeg", "camera.pitchDeg", c.pitchDeg, -89.0f, 89.0f),
                       r.readNumber(cam, "fovYDeg", "camera.fovYDeg", c.fovYDeg, 5.0f, 120.0f)}) {
            if (e) {
                return *e;
            }
        }
    }
    if (doc.contains("sun")) {
        const json& sun = doc["sun"];
        if (!sun.is_object()) {
            return r.error("sun", "must be an object");
        }
        SunLight& s = scene.sun;
        for (auto e :
             {r.readVec3(sun, "directionToSun", "sun.directionToSun", s.directionToSun, -1.0f,
                         1.0f),
              r.readVec3(sun, "color", "sun.color", s.color, 0.0f, 1.0f),
              r.readNumber(sun, "illuminance", "sun.illuminance", s.illuminance, 0.0f, 100.0f)}) {
            if (e) {
                return *e;
            }
        }
        if (glm::length(s.directionToSun) < 1e-3f) {
            return r.error("sun.directionToSun", "must not be the zero vector");
        }
    }
    scene.sun.directionToSun = glm::normalize(scene.sun.directionToSun);
    if (doc.contains("sky")) {
        const json& sky = doc["sky"];
        if (!sky.is_object()) {
            return r.error("sky", "must be an object");
        }
        SkyLight& s = scene.sky;
        for (auto e :
             {r.readVec3(sky, "zenithColor", "sky.zenithColor", s.zenithColor, 0.0f, 1.0f),
              r.readVec3(sky, "groundColor", "sky.groundColor", s.groundColor, 0.0f, 1.0f),
              r.readNumber(sky, "intensity", "sky.intensity", s.intensity, 0.0f, 100.0f)}) {
            if (e) {
                return *e;
            }
        }
    }
    return scene;
}

core::Result<SceneDescription> loadSceneById(const std::string& id,
                                             const std::filesystem::path& dataRoot) {
    const bool plain =
            !id.empty() &&
            id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") == std::string::npos;
    if (!plain) {
        return core::Error{"scene id '" + id +
                           "' is not valid (lower-case letters, digits, '_' and '-' only)"};
    }
    const auto file = dataRoot / "scenes" / id / "scene.json";
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        return core::Error{"unknown scene '" + id + "': " + file.string() + " does not exist"};
    }
    return loadSceneFile(file, dataRoot);
}

} // namespace kiln::scene
