// Scene file parsing with nlohmann::json; every error names file, line and field.
#include "kiln/scene/scene_description.h"

#include "kiln/core/data_paths.h"
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

    std::optional<core::Error> readStringList(const json& obj, const char* key,
                                              const std::string& path,
                                              std::vector<std::string>& out) const {
        if (!obj.contains(key)) {
            return std::nullopt;
        }
        if (!obj[key].is_array()) {
            return error(path, "must be an array of strings");
        }
        for (std::size_t i = 0; i < obj[key].size(); ++i) {
            if (!obj[key][i].is_string() || obj[key][i].get<std::string>().empty()) {
                return error(path, "element " + std::to_string(i) + " must be a non-empty string");
            }
            out.push_back(obj[key][i].get<std::string>());
        }
        return std::nullopt;
    }

    std::optional<core::Error> readCamera(const json& cam, const std::string& path,
                                          OrbitCamera& c) const {
        if (!cam.is_object()) {
            return error(path, "must be an object");
        }
        for (auto e : {readVec3(cam, "target", path + ".target", c.target, -1e4f, 1e4f),
                       readNumber(cam, "distanceM", path + ".distanceM", c.distanceM, 0.01f, 1e4f),
                       readNumber(cam, "yawDeg", path + ".yawDeg", c.yawDeg, -360.0f, 360.0f),
                       readNumber(cam, "pitchDeg", path + ".pitchDeg", c.pitchDeg, -89.0f, 89.0f),
                       readNumber(cam, "fovYDeg", path + ".fovYDeg", c.fovYDeg, 5.0f, 120.0f),
                       readNumber(cam, "nearM", path + ".nearM", c.nearM, 0.001f, 100.0f),
                       readNumber(cam, "farM", path + ".farM", c.farM, 1.0f, 1e5f)}) {
            if (e) {
                return e;
            }
        }
        if (c.nearM >= c.farM) {
            return error(path + ".nearM", "must be smaller than farM");
        }
        return std::nullopt;
    }

    std::optional<core::Error> readTextAt(const json& obj, const char* key, const std::string& path,
                                          LocalizedText& out, bool required) const {
        if (!obj.contains(key)) {
            return required ? std::optional(error(path, "missing")) : std::nullopt;
        }
        if (!obj[key].is_object()) {
            return error(path, "must be an object with \"en\" and \"zh\"");
        }
        if (auto e = readString(obj[key], "en", path + ".en", out.en, true)) {
            return e;
        }
        return readString(obj[key], "zh", path + ".zh", out.zh, true);
    }

private:
    std::string mFile;
    const std::string& mText;
};

// Fields a scene file may have: anything else is reported, so a typo is not silently ignored.
const char* const kKnownFields[] = {"id",         "title",     "caption", "source", "model",
                                    "clearColor", "camera",    "sun",     "sky",    "exposure",
                                    "limits",     "hideNodes", "cutaway", "layers", "viewpoints",
                                    "hotspots",   "firing",    "$comment"};

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
        } catch (const json::out_of_range& e) {
            // A number past a double's range ("1e400") is out_of_range.406 and has no position.
            return core::Error{file.string() + ": not valid JSON: " + e.what()};
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
    scene.modelPath = core::resolveDataReference(model, dataRoot);
    if (auto e = r.readVec3(doc, "clearColor", "clearColor", scene.clearColor, 0.0f, 1.0f)) {
        return *e;
    }
    if (doc.contains("camera")) {
        if (auto e = r.readCamera(doc["camera"], "camera", scene.camera)) {
            return *e;
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
    for (const auto& [key, value] : doc.items()) {
        (void)value;
        bool known = false;
        for (const char* field : kKnownFields) {
            known = known || key == field;
        }
        if (!known) {
            return r.error(key, "unknown field (a typo?)");
        }
    }
    if (auto e = r.readNumber(doc, "exposure", "exposure", scene.exposure, 0.001f, 1000.0f)) {
        return *e;
    }
    if (doc.contains("limits")) {
        const json& lim = doc["limits"];
        if (!lim.is_object()) {
            return r.error("limits", "must be an object");
        }
        OrbitLimits l;
        for (auto e :
             {r.readNumber(lim, "minDistanceM", "limits.minDistanceM", l.minDistanceM, 0.01f, 1e4f),
              r.readNumber(lim, "maxDistanceM", "limits.maxDistanceM", l.maxDistanceM, 0.01f, 1e4f),
              r.readNumber(lim, "minPitchDeg", "limits.minPitchDeg", l.minPitchDeg, -89.0f, 89.0f),
              r.readNumber(lim, "maxPitchDeg", "limits.maxPitchDeg", l.maxPitchDeg, -89.0f, 89.0f),
              r.readNumber(lim, "groundHeightM", "limits.groundHeightM", l.groundHeightM, -1e4f,
                           1e4f)}) {
            if (e) {
                return *e;
            }
        }
        if (l.minDistanceM > l.maxDistanceM) {
            return r.error("limits.minDistanceM", "must not exceed maxDistanceM");
        }
        if (l.minPitchDeg > l.maxPitchDeg) {
            return r.error("limits.minPitchDeg", "must not exceed maxPitchDeg");
        }
        scene.limits = l;
    }
    if (auto e = r.readStringList(doc, "hideNodes", "hideNodes", scene.hiddenNodes)) {
        return *e;
    }
    if (doc.contains("cutaway")) {
        if (!doc["cutaway"].is_object()) {
            return r.error("cutaway", "must be an object with \"hideNodes\"");
        }
        if (auto e = r.readStringList(doc["cutaway"], "hideNodes", "cutaway.hideNodes",
                                      scene.cutawayNodes)) {
            return *e;
        }
    }
    if (doc.contains("layers")) {
        if (!doc["layers"].is_array()) {
            return r.error("layers", "must be an array");
        }
        for (std::size_t i = 0; i < doc["layers"].size(); ++i) {
            const json& l = doc["layers"][i];
            const std::string path = "layers[" + std::to_string(i) + "]";
            if (!l.is_object()) {
                return r.error(path, "must be an object");
            }
            SceneLayer layer;
            if (auto e = r.readString(l, "id", path + ".id", layer.id, true)) {
                return *e;
            }
            if (auto e = r.readTextAt(l, "title", path + ".title", layer.title, true)) {
                return *e;
            }
            if (auto e = r.readStringList(l, "nodes", path + ".nodes", layer.nodePatterns)) {
                return *e;
            }
            if (l.contains("visible")) {
                if (!l["visible"].is_boolean()) {
                    return r.error(path + ".visible", "must be true or false");
                }
                layer.visibleAtStart = l["visible"].get<bool>();
            }
            scene.layers.push_back(std::move(layer));
        }
    }
    if (doc.contains("viewpoints")) {
        if (!doc["viewpoints"].is_array()) {
            return r.error("viewpoints", "must be an array");
        }
        for (std::size_t i = 0; i < doc["viewpoints"].size(); ++i) {
            const json& v = doc["viewpoints"][i];
            const std::string path = "viewpoints[" + std::to_string(i) + "]";
            if (!v.is_object()) {
                return r.error(path, "must be an object");
            }
            SceneViewpoint vp;
            vp.camera = scene.camera; // unspecified values follow the first viewpoint
            if (auto e = r.readString(v, "id", path + ".id", vp.id, true)) {
                return *e;
            }
            if (auto e = r.readCamera(v, path, vp.camera)) {
                return *e;
            }
            if (auto e = r.readNumber(v, "dwellSeconds", path + ".dwellSeconds", vp.dwellSeconds,
                                      0.5f, 600.0f)) {
                return *e;
            }
            if (auto e = r.readTextAt(v, "caption", path + ".caption", vp.caption, false)) {
                return *e;
            }
            scene.viewpoints.push_back(std::move(vp));
        }
    }
    if (doc.contains("hotspots")) {
        if (!doc["hotspots"].is_array()) {
            return r.error("hotspots", "must be an array");
        }
        for (std::size_t i = 0; i < doc["hotspots"].size(); ++i) {
            const json& h = doc["hotspots"][i];
            const std::string path = "hotspots[" + std::to_string(i) + "]";
            if (!h.is_object()) {
                return r.error(path, "must be an object");
            }
            HotspotAnchor anchor;
            if (auto e = r.readString(h, "id", path + ".id", anchor.id, true)) {
                return *e;
            }
            if (!h.contains("anchor")) {
                return r.error(path + ".anchor", "missing");
            }
            if (auto e = r.readVec3(h, "anchor", path + ".anchor", anchor.positionM, -1e4f, 1e4f)) {
                return *e;
            }
            scene.hotspots.push_back(std::move(anchor));
        }
    }
    if (doc.contains("firing")) {
        const json& f = doc["firing"];
        if (!f.is_object()) {
            return r.error("firing", "must be an object with \"schedule\"");
        }
        SceneFiring firing;
        std::string schedule;
        if (auto e = r.readString(f, "kiln", "firing.kiln", firing.kiln, false)) {
            return *e;
        }
        if (auto e = r.readString(f, "schedule", "firing.schedule", schedule, true)) {
            return *e;
        }
        firing.schedule = core::resolveDataReference(schedule, dataRoot);
        scene.firing = std::move(firing);
    }
    return scene;
}

bool matchesPattern(std::string_view name, std::string_view pattern) {
    // Iterative wildcard match with backtracking to the last '*'.
    std::size_t n = 0;
    std::size_t p = 0;
    std::size_t star = std::string_view::npos;
    std::size_t resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = n;
        } else if (p < pattern.size() && pattern[p] == name[n]) {
            ++p;
            ++n;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
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
