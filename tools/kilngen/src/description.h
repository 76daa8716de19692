// Site descriptions (assets/sites/<site>.json): parsing and strict validation against the part
// schemas. Every dimension is {"value", "unit", "source"} (a key path into kilns.json, checked to
// resolve and to agree with the number there unless a "derivation" explains it) or
// {"value", "unit", "conjecture": "<one-line reason>"}. Errors name the file, the field (a JSON
// pointer) and the reason. Does NOT build geometry.
#pragma once

#include "kiln/core/result.h"

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kiln::kilngen {

struct Dimension {
    std::vector<double> values;
    std::string unit;
    std::string source;     // kilns.json key path, empty for conjecture
    std::string derivation; // how a sourced number is read or derived (optional)
    std::string conjecture; // one-line reason, empty when sourced
    std::string pointer;    // JSON pointer in the description, for messages

    double value() const { return values.empty() ? 0.0 : values[0]; }
    float valueF() const { return static_cast<float>(value()); }
    nlohmann::json toJson() const;
};

struct ParamSet {
    std::map<std::string, Dimension> dims;
    std::map<std::string, std::string> strings;
    std::map<std::string, std::vector<ParamSet>> lists;
    std::string pointer;

    bool has(const std::string& name) const { return dims.count(name) != 0; }
    float num(const std::string& name, float fallback = 0.0f) const;
    glm::vec2 vec2(const std::string& name, glm::vec2 fallback = glm::vec2(0.0f)) const;
    glm::vec3 vec3(const std::string& name, glm::vec3 fallback = glm::vec3(0.0f)) const;
    std::string str(const std::string& name, const std::string& fallback = "") const;
    const std::vector<ParamSet>& list(const std::string& name) const;
};

struct Part {
    std::string name;
    std::string type;
    std::string evidence; // excavated | documented | conjecture
    std::string source;   // for excavated / documented parts
    std::string reason;   // for conjecture parts (and optional note for others)
    std::string layer;    // optional grouping, e.g. "excavation", "reconstruction"
    std::string note;     // optional label / remark, copied to the part node's extras
    std::string pointer;
    ParamSet params;
    ParamSet placement;
};

struct SiteDescription {
    std::filesystem::path file;
    std::string site;
    std::string title;
    std::string notes;
    std::vector<Part> parts;
    bool sourcesVerified = false;

    const Part* findPart(const std::string& name) const;
};

// Loads and validates. kilns may be null: sources are then not verified (a warning is logged).
core::Result<SiteDescription> loadDescription(const std::filesystem::path& file,
                                              const nlohmann::json* kilns);

// The part types kilngen knows, for messages and docs.
std::vector<std::string> knownPartTypes();

} // namespace kiln::kilngen
