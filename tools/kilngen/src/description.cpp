// Description parsing and validation (description.h). The schema table below is the single list
// of part types, their fields, units and plausible ranges; docs/kilngen.md describes it.
#include "description.h"

#include "kiln/core/file_io.h"
#include "kiln/core/log.h"
#include "textures.h"

#include <cmath>
#include <set>
#include <sstream>

namespace kiln::kilngen {

namespace {

enum class Kind { Dim, String, List };

struct FieldSpec {
    std::string name;
    Kind kind = Kind::Dim;
    std::string unit;
    double min = 0.0;
    double max = 0.0;
    bool required = true;
    int arity = 1;
    std::vector<FieldSpec> element;
    std::string stringKind; // "material", "chamber", "place" or "" (free text)
};

FieldSpec dim(const std::string& name, const std::string& unit, double min, double max,
              bool required = true, int arity = 1) {
    FieldSpec f;
    f.name = name;
    f.unit = unit;
    f.min = min;
    f.max = max;
    f.required = required;
    f.arity = arity;
    return f;
}
FieldSpec text(const std::string& name, const std::string& stringKind, bool required = true) {
    FieldSpec f;
    f.name = name;
    f.kind = Kind::String;
    f.required = required;
    f.stringKind = stringKind;
    return f;
}
FieldSpec list(const std::string& name, std::vector<FieldSpec> element, bool required = true) {
    FieldSpec f;
    f.name = name;
    f.kind = Kind::List;
    f.required = required;
    f.element = std::move(element);
    return f;
}

using Schema = std::vector<FieldSpec>;

const std::map<std::string, Schema>& schemas() {
    static const std::map<std::string, Schema> table = {
            {"kiln_chamber",
             {dim("lengthM", "m", 0.5, 200.0), dim("volumeM3", "m3", 0.1, 5000.0, false),
              list("widthStations",
                   {dim("at", "fraction", 0.0, 1.0), dim("widthM", "m", 0.1, 50.0)}),
              list("heightStations",
                   {dim("at", "fraction", 0.0, 1.0), dim("heightM", "m", 0.1, 50.0)}),
              list("floorSlopes",
                   {dim("from", "fraction", 0.0, 1.0), dim("slopeDeg", "deg", -45.0, 45.0)}),
              dim("springFraction", "fraction", 0.0, 0.95), dim("archExponent", "ratio", 1.0, 8.0),
              dim("sandDepthM", "m", 0.0, 2.0, false),
              list("layers",
                   {text("name", ""), text("material", "material"),
                    dim("gapBeforeM", "m", 0.0, 5.0, false), dim("thicknessM", "m", 0.01, 5.0)})}},
            {"chimney",
             {text("chamber", "chamber", false), text("material", "material"),
              dim("heightM", "m", 0.5, 100.0), dim("wallThicknessM", "m", 0.02, 3.0),
              dim("topAreaM2", "m2", 0.01, 200.0), dim("baseDepthM", "m", 0.2, 40.0),
              dim("baseWidthM", "m", 0.2, 40.0), dim("eggFactor", "ratio", 0.0, 0.6)}},
            {"saggar_setting",
             {text("chamber", "chamber"), dim("rowCount", "count", 1.0, 400.0),
              dim("firstRowM", "m", 0.0, 200.0), dim("saggarDiameterM", "m", 0.05, 2.0),
              dim("saggarHeightM", "m", 0.03, 2.0), dim("columnGapM", "m", 0.0, 0.5),
              dim("wallGapM", "m", 0.0, 2.0), dim("roofClearanceM", "m", 0.0, 2.0),
              dim("buryFraction", "fraction", 0.0, 1.0), text("stokeHoles", "", false),
              dim("firePitM", "m", 0.0, 2.0, false)}},
            {"spy_holes",
             {text("chamber", "chamber"), dim("linerLengthM", "m", 0.05, 5.0),
              dim("linerWallM", "m", 0.005, 0.2),
              list("holes",
                   {text("name", ""), text("place", "place"), dim("at", "fraction", 0.0, 1.0),
                    dim("heightM", "m", 0.0, 50.0, false), dim("offsetM", "m", -50.0, 50.0, false),
                    dim("diameterM", "m", 0.02, 2.0)})}},
            {"stoke_hole_rows",
             {text("chamber", "chamber"), dim("diameterM", "m", 0.02, 2.0),
              dim("pitchM", "m", 0.1, 20.0), dim("fromM", "m", 0.0, 200.0),
              dim("toM", "m", 0.0, 200.0), dim("heightM", "m", 0.0, 50.0),
              dim("rows", "count", 1.0, 2.0), dim("linerLengthM", "m", 0.05, 5.0),
              dim("linerWallM", "m", 0.005, 0.2)}},
            {"doors",
             {text("chamber", "chamber"), text("material", "material"),
              dim("thicknessM", "m", 0.02, 3.0),
              list("doors",
                   {text("name", ""), text("place", "place"), dim("at", "fraction", 0.0, 1.0),
                    dim("widthM", "m", 0.1, 10.0), dim("heightM", "m", 0.1, 10.0)})}},
            {"firebox",
             {text("chamber", "chamber"), text("material", "material"),
              dim("lengthM", "m", 0.1, 20.0), dim("heightM", "m", 0.05, 10.0),
              dim("sinkM", "m", 0.0, 5.0)}},
            {"zones",
             {text("chamber", "chamber"),
              list("zones", {text("name", ""), text("label", ""), dim("from", "fraction", 0.0, 1.5),
                             dim("to", "fraction", 0.0, 1.5)})}},
            {"timber_house",
             {dim("areaM2", "m2", 10.0, 20000.0), dim("lengthM", "m", 2.0, 500.0),
              dim("ridgeHeightM", "m", 1.0, 60.0), dim("eaveHeightM", "m", 1.0, 60.0),
              dim("bayM", "m", 1.0, 30.0), dim("postSizeM", "m", 0.05, 2.0),
              dim("loftHeightM", "m", 1.0, 50.0), dim("loftLengthM", "m", 0.0, 500.0),
              dim("roofOverhangM", "m", 0.0, 10.0)}},
            {"terrain",
             {text("material", "material"), text("followChamber", "chamber", false),
              dim("sizeM", "m", 1.0, 5000.0, true, 2),
              dim("centreM", "m", -5000.0, 5000.0, true, 2), dim("cellM", "m", 0.1, 100.0),
              dim("baseHeightM", "m", -1000.0, 5000.0), dim("noiseAmplitudeM", "m", 0.0, 100.0),
              dim("seed", "count", 0.0, 1e9), dim("crossSlopeDeg", "deg", -60.0, 60.0, false),
              dim("depthBelowFloorM", "m", -20.0, 20.0, false),
              list("pits",
                   {dim("minM", "m", -5000.0, 5000.0, true, 2),
                    dim("maxM", "m", -5000.0, 5000.0, true, 2), dim("depthM", "m", 0.0, 100.0)},
                   false)}},
            {"box",
             {text("material", "material"), dim("centreM", "m", -5000.0, 5000.0, true, 3),
              dim("lengthM", "m", 0.01, 5000.0), dim("widthM", "m", 0.01, 5000.0),
              dim("heightM", "m", 0.01, 5000.0), dim("yawDeg", "deg", -360.0, 360.0, false)}},
            {"cylinder_array",
             {text("material", "material"), dim("count", "count", 1.0, 10000.0),
              dim("columns", "count", 1.0, 10000.0), dim("originM", "m", -5000.0, 5000.0, true, 3),
              dim("pitchM", "m", 0.0, 1000.0, true, 2), dim("radiusM", "m", 0.01, 100.0),
              dim("heightM", "m", 0.01, 500.0), dim("innerRadiusM", "m", 0.0, 100.0, false)}},
            {"ruin_walls",
             {text("material", "material"), dim("lengthM", "m", 0.5, 200.0),
              list("widthStations",
                   {dim("at", "fraction", 0.0, 1.0), dim("widthM", "m", 0.1, 50.0)}),
              dim("slopeDeg", "deg", -45.0, 45.0), dim("wallThicknessM", "m", 0.05, 5.0),
              dim("residualHeightM", "m", 0.01, 20.0, true, 2), dim("seed", "count", 0.0, 1e9)}},
            {"hall",
             {text("wallMaterial", "material"), text("roofMaterial", "material"),
              dim("lengthM", "m", 1.0, 1000.0), dim("widthM", "m", 1.0, 500.0),
              dim("eaveHeightM", "m", 1.0, 200.0), dim("ridgeHeightM", "m", 1.0, 200.0),
              dim("roofOverhangM", "m", 0.0, 10.0)}},
    };
    return table;
}

const Schema& placementSchema() {
    static const Schema s = {dim("originM", "m", -10000.0, 10000.0, false, 3),
                             dim("yawDeg", "deg", -360.0, 360.0, false),
                             dim("repeatCount", "count", 1.0, 1000.0, false),
                             dim("repeatStepM", "m", -1000.0, 1000.0, false, 3)};
    return s;
}

const std::set<std::string> kUnits = {"m", "m2", "m3", "deg", "fraction", "ratio", "count"};
const std::set<std::string> kPlaces = {"front", "rear", "left", "right", "crown"};

std::string escapeToken(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string numberText(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

class Validator {
public:
    Validator(std::filesystem::path file, const nlohmann::json* kilns)
        : mFile(std::move(file)), mKilns(kilns) {}

    core::Error fail(const std::string& pointer, const std::string& reason) const {
        return core::Error{mFile.string() + ": field " + (pointer.empty() ? "/" : pointer) + ": " +
                           reason};
    }

    // Resolves a dotted kilns.json key path; returns nullptr and sets why on failure.
    const nlohmann::json* resolve(const std::string& path, std::string& why) const {
        const nlohmann::json* node = mKilns;
        std::string walked;
        std::size_t start = 0;
        while (start <= path.size()) {
            const std::size_t dot = path.find('.', start);
            const std::string key =
                    path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            if (key.empty()) {
                why = "empty key in source path '" + path + "'";
                return nullptr;
            }
            if (node->is_object() && node->contains(key)) {
                node = &(*node)[key];
            } else if (node->is_array() &&
                       key.find_first_not_of("0123456789") == std::string::npos &&
                       std::stoul(key) < node->size()) {
                node = &(*node)[std::stoul(key)];
            } else {
                why = "source '" + path + "' does not resolve in kilns.json: no key '" + key +
                      "' under '" + (walked.empty() ? std::string("(root)") : walked) + "'";
                return nullptr;
            }
            walked += (walked.empty() ? "" : ".") + key;
            if (dot == std::string::npos) {
                break;
            }
            start = dot + 1;
        }
        return node;
    }

    // Empty when the value agrees with what kilns.json records at the source.
    static std::string agreement(const nlohmann::json& node, double v) {
        const auto close = [](double a, double b) {
            return std::fabs(a - b) <= 1e-9 + 1e-6 * std::fabs(b);
        };
        if (node.is_number()) {
            return close(v, node.get<double>())
                           ? ""
                           : "value " + numberText(v) + " disagrees with kilns.json (" +
                                     numberText(node.get<double>()) + ")";
        }
        if (node.is_array() && !node.empty()) {
            std::vector<double> numbers;
            for (const auto& e : node) {
                if (!e.is_number()) {
                    return "kilns.json holds a non-numeric list here: add a 'derivation'";
                }
                numbers.push_back(e.get<double>());
            }
            if (numbers.size() == 2) {
                const bool inside = v >= numbers[0] - 1e-9 && v <= numbers[1] + 1e-9;
                return inside ? ""
                              : "value " + numberText(v) + " is outside the published range [" +
                                        numberText(numbers[0]) + ", " + numberText(numbers[1]) +
                                        "]";
            }
            for (double n : numbers) {
                if (close(v, n)) {
                    return "";
                }
            }
            return "value " + numberText(v) + " is not one of the published figures";
        }
        if (node.is_object() && node.contains("value")) {
            const std::string byValue = agreement(node["value"], v);
            if (byValue.empty()) {
                return "";
            }
            if (node.contains("range")) {
                if (agreement(node["range"], v).empty()) {
                    return "";
                }
            }
            return byValue;
        }
        if (node.is_null()) {
            return "kilns.json records null (not found) here: mark the dimension conjecture";
        }
        return "kilns.json holds text here, not a number: add a 'derivation' saying how the "
               "number is read from it";
    }

    core::Result<Dimension> dimension(const nlohmann::json& j, const FieldSpec& spec,
                                      const std::string& pointer) {
        if (!j.is_object()) {
            return fail(pointer, "expected a dimension object {\"value\", \"unit\", \"source\" or "
                                 "\"conjecture\"}");
        }
        for (const auto& [key, unused] : j.items()) {
            (void)unused;
            if (key != "value" && key != "unit" && key != "source" && key != "conjecture" &&
                key != "derivation" && key != "note") {
                return fail(pointer + "/" + escapeToken(key), "unknown key in a dimension");
            }
        }
        Dimension d;
        d.pointer = pointer;
        if (!j.contains("value")) {
            return fail(pointer + "/value", "missing required field");
        }
        const auto& v = j["value"];
        if (v.is_number()) {
            d.values.push_back(v.get<double>());
        } else if (v.is_array()) {
            for (const auto& e : v) {
                if (!e.is_number()) {
                    return fail(pointer + "/value", "expected numbers");
                }
                d.values.push_back(e.get<double>());
            }
        } else {
            return fail(pointer + "/value", "expected a number");
        }
        if (static_cast<int>(d.values.size()) != spec.arity) {
            return fail(pointer + "/value", "expected " + std::to_string(spec.arity) +
                                                    " number(s), got " +
                                                    std::to_string(d.values.size()));
        }
        if (!j.contains("unit") || !j["unit"].is_string()) {
            return fail(pointer + "/unit", "missing required field (expected '" + spec.unit + "')");
        }
        d.unit = j["unit"].get<std::string>();
        if (kUnits.count(d.unit) == 0 || d.unit != spec.unit) {
            return fail(pointer + "/unit",
                        "unit '" + d.unit + "' where '" + spec.unit + "' is expected");
        }
        for (double x : d.values) {
            if (!std::isfinite(x)) {
                return fail(pointer + "/value", "not a finite number");
            }
            if (spec.min > 0.0 && x <= 0.0) {
                return fail(pointer + "/value",
                            "value " + numberText(x) + " " + d.unit + " must be positive");
            }
            if (x < spec.min || x > spec.max) {
                return fail(pointer + "/value", "value " + numberText(x) + " " + d.unit +
                                                        " is outside the plausible range [" +
                                                        numberText(spec.min) + ", " +
                                                        numberText(spec.max) + "]");
            }
            if (d.unit == "count" && std::floor(x) != x) {
                return fail(pointer + "/value", "a count must be a whole number");
            }
        }
        const bool hasSource = j.contains("source");
        const bool hasConjecture = j.contains("conjecture");
        if (hasSource == hasConjecture) {
            return fail(pointer, "needs exactly one of 'source' (a kilns.json key path) or "
                                 "'conjecture' (a one-line reason)");
        }
        if (hasConjecture) {
            if (!j["conjecture"].is_string() || j["conjecture"].get<std::string>().size() < 8) {
                return fail(pointer + "/conjecture", "give a one-line reason (text)");
            }
            if (j.contains("derivation")) {
                return fail(pointer + "/derivation", "a derivation goes with a source");
            }
            d.conjecture = j["conjecture"].get<std::string>();
            return d;
        }
        if (!j["source"].is_string() || j["source"].get<std::string>().empty()) {
            return fail(pointer + "/source", "expected a kilns.json key path");
        }
        d.source = j["source"].get<std::string>();
        if (j.contains("derivation")) {
            if (!j["derivation"].is_string() || j["derivation"].get<std::string>().size() < 8) {
                return fail(pointer + "/derivation", "give a one-line derivation (text)");
            }
            d.derivation = j["derivation"].get<std::string>();
        }
        if (mKilns != nullptr) {
            std::string why;
            const nlohmann::json* node = resolve(d.source, why);
            if (node == nullptr) {
                return fail(pointer + "/source", why);
            }
            if (d.derivation.empty()) {
                if (d.values.size() != 1) {
                    return fail(pointer, "a sourced vector needs a 'derivation'");
                }
                const std::string disagree = agreement(*node, d.values[0]);
                if (!disagree.empty()) {
                    return fail(pointer, disagree + " at '" + d.source + "'");
                }
            }
        }
        return d;
    }

    core::Status fields(const nlohmann::json& j, const Schema& schema, const std::string& pointer,
                        ParamSet& out) {
        out.pointer = pointer;
        if (!j.is_object()) {
            return fail(pointer, "expected an object");
        }
        for (const auto& [key, unused] : j.items()) {
            (void)unused;
            bool known = key == "note";
            for (const auto& f : schema) {
                known = known || f.name == key;
            }
            if (!known) {
                return fail(pointer + "/" + escapeToken(key), "unknown field");
            }
        }
        for (const auto& f : schema) {
            const std::string p = pointer + "/" + f.name;
            if (!j.contains(f.name)) {
                if (f.required) {
                    return fail(p, "missing required field");
                }
                continue;
            }
            const auto& v = j[f.name];
            if (f.kind == Kind::Dim) {
                auto d = dimension(v, f, p);
                if (!d) {
                    return d.error();
                }
                out.dims[f.name] = std::move(d.value());
            } else if (f.kind == Kind::String) {
                if (!v.is_string() || v.get<std::string>().empty()) {
                    return fail(p, "expected non-empty text");
                }
                const std::string s = v.get<std::string>();
                if (f.stringKind == "material" && findMaterial(s) == nullptr) {
                    std::string names;
                    for (const auto& m : materialSpecs()) {
                        names += (names.empty() ? "" : ", ") + m.name;
                    }
                    return fail(p, "unknown material '" + s + "' (known: " + names + ")");
                }
                if (f.stringKind == "place" && kPlaces.count(s) == 0) {
                    return fail(p, "unknown place '" + s + "' (front, rear, left, right or crown)");
                }
                out.strings[f.name] = s;
            } else {
                if (!v.is_array() || v.empty()) {
                    return fail(p, "expected a non-empty list");
                }
                auto& items = out.lists[f.name];
                for (std::size_t k = 0; k < v.size(); ++k) {
                    ParamSet item;
                    auto st = fields(v[k], f.element, p + "/" + std::to_string(k), item);
                    if (!st) {
                        return st;
                    }
                    items.push_back(std::move(item));
                }
            }
        }
        return {};
    }

    // Chamber references must name a kiln_chamber part of the same description.
    core::Status references(const ParamSet& set, const Schema& schema,
                            const std::set<std::string>& chambers) {
        for (const auto& f : schema) {
            if (f.kind == Kind::String && f.stringKind == "chamber" && set.strings.count(f.name)) {
                const auto& ref = set.strings.at(f.name);
                if (chambers.count(ref) == 0) {
                    return fail(set.pointer + "/" + f.name,
                                "'" + ref + "' is not a kiln_chamber part of this site");
                }
            }
        }
        return {};
    }

private:
    std::filesystem::path mFile;
    const nlohmann::json* mKilns;
};

} // namespace

nlohmann::json Dimension::toJson() const {
    nlohmann::json j;
    if (values.size() == 1) {
        j["value"] = values[0];
    } else {
        j["value"] = values;
    }
    j["unit"] = unit;
    if (!source.empty()) {
        j["source"] = source;
    }
    if (!derivation.empty()) {
        j["derivation"] = derivation;
    }
    if (!conjecture.empty()) {
        j["conjecture"] = conjecture;
    }
    return j;
}

float ParamSet::num(const std::string& name, float fallback) const {
    const auto it = dims.find(name);
    return it == dims.end() ? fallback : it->second.valueF();
}
glm::vec2 ParamSet::vec2(const std::string& name, glm::vec2 fallback) const {
    const auto it = dims.find(name);
    if (it == dims.end() || it->second.values.size() < 2) {
        return fallback;
    }
    return {static_cast<float>(it->second.values[0]), static_cast<float>(it->second.values[1])};
}
glm::vec3 ParamSet::vec3(const std::string& name, glm::vec3 fallback) const {
    const auto it = dims.find(name);
    if (it == dims.end() || it->second.values.size() < 3) {
        return fallback;
    }
    return {static_cast<float>(it->second.values[0]), static_cast<float>(it->second.values[1]),
            static_cast<float>(it->second.values[2])};
}
std::string ParamSet::str(const std::string& name, const std::string& fallback) const {
    const auto it = strings.find(name);
    return it == strings.end() ? fallback : it->second;
}
const std::vector<ParamSet>& ParamSet::list(const std::string& name) const {
    static const std::vector<ParamSet> empty;
    const auto it = lists.find(name);
    return it == lists.end() ? empty : it->second;
}

const Part* SiteDescription::findPart(const std::string& name) const {
    for (const auto& p : parts) {
        if (p.name == name) {
            return &p;
        }
    }
    return nullptr;
}

std::vector<std::string> knownPartTypes() {
    std::vector<std::string> names;
    for (const auto& [name, unused] : schemas()) {
        (void)unused;
        names.push_back(name);
    }
    return names;
}

core::Result<SiteDescription> loadDescription(const std::filesystem::path& file,
                                              const nlohmann::json* kilns) {
    Validator check(file, kilns);
    auto text = core::readTextFile(file);
    if (!text) {
        return text.error();
    }
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text.value());
    } catch (const nlohmann::json::parse_error& e) {
        const auto pos = core::textPositionOf(text.value(), e.byte > 0 ? e.byte - 1 : 0);
        return core::Error{file.string() + ":" + std::to_string(pos.line) + ":" +
                           std::to_string(pos.column) + ": not valid JSON: " + e.what()};
    }
    SiteDescription site;
    site.file = file;
    site.sourcesVerified = kilns != nullptr;
    if (!j.is_object()) {
        return check.fail("", "expected an object");
    }
    for (const auto& [key, unused] : j.items()) {
        (void)unused;
        if (key != "site" && key != "title" && key != "notes" && key != "parts") {
            return check.fail("/" + escapeToken(key), "unknown field");
        }
    }
    for (const char* key : {"site", "title"}) {
        if (!j.contains(key)) {
            return check.fail(std::string("/") + key, "missing required field");
        }
        if (!j[key].is_string()) {
            return check.fail(std::string("/") + key, "expected text");
        }
    }
    site.site = j["site"].get<std::string>();
    site.title = j["title"].get<std::string>();
    if (site.site != file.stem().string()) {
        return check.fail("/site", "site id '" + site.site + "' must match the file name '" +
                                           file.stem().string() + "'");
    }
    if (j.contains("notes") && j["notes"].is_string()) {
        site.notes = j["notes"].get<std::string>();
    }
    if (!j.contains("parts")) {
        return check.fail("/parts", "missing required field");
    }
    if (!j["parts"].is_array() || j["parts"].empty()) {
        return check.fail("/parts", "expected a non-empty list of parts");
    }
    std::set<std::string> names, chambers;
    for (std::size_t k = 0; k < j["parts"].size(); ++k) {
        const auto& pj = j["parts"][k];
        const std::string pointer = "/parts/" + std::to_string(k);
        if (!pj.is_object()) {
            return check.fail(pointer, "expected an object");
        }
        for (const auto& [key, unused] : pj.items()) {
            (void)unused;
            static const std::set<std::string> allowed = {"name",   "type",      "evidence",
                                                          "source", "reason",    "layer",
                                                          "params", "placement", "note"};
            if (allowed.count(key) == 0) {
                return check.fail(pointer + "/" + escapeToken(key), "unknown field");
            }
        }
        Part part;
        part.pointer = pointer;
        for (const char* key : {"name", "type", "evidence", "params"}) {
            if (!pj.contains(key)) {
                return check.fail(pointer + "/" + key, "missing required field");
            }
        }
        if (!pj["name"].is_string() || !pj["type"].is_string() || !pj["evidence"].is_string()) {
            return check.fail(pointer, "name, type and evidence must be text");
        }
        part.name = pj["name"].get<std::string>();
        part.type = pj["type"].get<std::string>();
        part.evidence = pj["evidence"].get<std::string>();
        if (part.name.empty() ||
            part.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") !=
                    std::string::npos) {
            return check.fail(pointer + "/name", "part names are lower-case letters, digits and _");
        }
        if (!names.insert(part.name).second) {
            return check.fail(pointer + "/name", "duplicate part name '" + part.name + "'");
        }
        const auto schemaIt = schemas().find(part.type);
        if (schemaIt == schemas().end()) {
            std::string known;
            for (const auto& t : knownPartTypes()) {
                known += (known.empty() ? "" : ", ") + t;
            }
            return check.fail(pointer + "/type",
                              "unknown part type '" + part.type + "' (known: " + known + ")");
        }
        if (part.evidence != "excavated" && part.evidence != "documented" &&
            part.evidence != "conjecture") {
            return check.fail(pointer + "/evidence", "evidence must be excavated, documented or "
                                                     "conjecture, not '" +
                                                             part.evidence + "'");
        }
        if (pj.contains("reason")) {
            if (!pj["reason"].is_string()) {
                return check.fail(pointer + "/reason", "expected text");
            }
            part.reason = pj["reason"].get<std::string>();
        }
        if (pj.contains("note")) {
            if (!pj["note"].is_string()) {
                return check.fail(pointer + "/note", "expected text");
            }
            part.note = pj["note"].get<std::string>();
        }
        if (pj.contains("layer")) {
            if (!pj["layer"].is_string()) {
                return check.fail(pointer + "/layer", "expected text");
            }
            part.layer = pj["layer"].get<std::string>();
        }
        if (part.evidence == "conjecture") {
            if (part.reason.size() < 8) {
                return check.fail(pointer + "/reason", "a conjecture part needs a one-line reason");
            }
        } else {
            if (!pj.contains("source") || !pj["source"].is_string()) {
                return check.fail(pointer + "/source",
                                  "an " + part.evidence + " part needs a kilns.json source");
            }
            part.source = pj["source"].get<std::string>();
            if (kilns != nullptr) {
                std::string why;
                if (check.resolve(part.source, why) == nullptr) {
                    return check.fail(pointer + "/source", why);
                }
            }
        }
        auto st = check.fields(pj["params"], schemaIt->second, pointer + "/params", part.params);
        if (!st) {
            return st.error();
        }
        if (pj.contains("placement")) {
            st = check.fields(pj["placement"], placementSchema(), pointer + "/placement",
                              part.placement);
            if (!st) {
                return st.error();
            }
        }
        if (part.type == "kiln_chamber") {
            chambers.insert(part.name);
        }
        site.parts.push_back(std::move(part));
    }
    for (const auto& part : site.parts) {
        auto st = check.references(part.params, schemas().at(part.type), chambers);
        if (!st) {
            return st.error();
        }
    }
    return site;
}

} // namespace kiln::kilngen
