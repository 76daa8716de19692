// Loads the content folder file by file. Each file is parsed on its own, so one broken file loses
// only what it holds; within a file, an item with a broken id is skipped and a broken reference
// is dropped, while a text with a missing translation is kept with that language empty.
// [SECTION] parsing  [SECTION] model  [SECTION] glossary and UI strings  [SECTION] scenes
// [SECTION] comparison  [SECTION] coverage  [SECTION] entry points
#include "kiln/content/content_loader.h"

#include "file_reader.h"
#include "kiln/core/data_paths.h"
#include "kiln/core/file_io.h"
#include "kiln/core/log.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace kiln::content {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kModelFile = "model.json";
constexpr std::string_view kGlossaryFile = "glossary.json";
constexpr std::string_view kUiStringsFile = "ui_strings.json";
constexpr std::string_view kManifestFile = "manifest.json";
constexpr std::string_view kComparisonFile = "comparison.json";

// =============================================================================================
// [SECTION] parsing
// =============================================================================================

struct ParsedFile {
    std::string text;
    json doc;
};

// Reads and parses root/relative; reports a missing file, bad JSON (with its line) or a root that
// is not an object, and returns nullopt for them.
std::optional<ParsedFile> parseFile(const fs::path& root, const std::string& relative,
                                    std::vector<Finding>& findings) {
    auto text = core::readTextFile(root / relative);
    if (!text.ok()) {
        findings.push_back({relative, 0, "(file)",
                            "file not found or unreadable (" + text.error().message + ")"});
        return std::nullopt;
    }
    ParsedFile parsed;
    parsed.text = std::move(text.value());
    try {
        parsed.doc = json::parse(parsed.text);
    } catch (const json::parse_error& e) {
        // e.byte counts the characters read, so the offending one is at e.byte - 1.
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        std::string what = e.what();
        const std::size_t colon = what.find(": ", what.find("parse error"));
        findings.push_back({relative, core::textPositionOf(parsed.text, offset).line, "(syntax)",
                            "malformed JSON, the file is skipped: " +
                                    (colon == std::string::npos ? what : what.substr(colon + 2))});
        return std::nullopt;
    } catch (const json::out_of_range& e) {
        // A number past a double's range ("1e400") is out_of_range.406 and has no position.
        findings.push_back({relative, 1, "(syntax)",
                            std::string("malformed JSON, the file is skipped: ") + e.what()});
        return std::nullopt;
    }
    if (!parsed.doc.is_object()) {
        findings.push_back({relative, 1, "(root)", "the file must hold one object in { }"});
        return std::nullopt;
    }
    return parsed;
}

// Ids already taken in one namespace (determinants, hotspots ...), with where each was first seen.
class IdRegistry {
public:
    // True if id is new; otherwise reports the duplicate on field and returns false.
    bool claim(FileReader& reader, const std::string& id, const std::string& field) {
        const auto [it, inserted] =
                mSeen.emplace(id, reader.file() + ":" + std::to_string(reader.lineOf(field)));
        if (!inserted) {
            reader.report(childField(field, "id"), "duplicate id '" + id + "' (first at " +
                                                           it->second + "); this item is skipped");
        }
        return inserted;
    }

private:
    std::map<std::string, std::string> mSeen;
};

// Where an item of the model was defined, for coverage findings.
struct ItemPlace {
    std::string field;
    int line = 0;
};

struct LoadState {
    fs::path root;
    std::vector<Finding> findings;
    ContentLibrary library;
    std::map<std::string, ItemPlace> determinantPlaces;
    std::map<std::string, ItemPlace> pathwayPlaces;
    bool glossaryLoaded = false;
    std::set<std::string> manifestScenes; // scene ids of the manifest, loaded or not
};

// Keeps the references that resolve; reports the others as dangling.
template <typename Exists>
std::vector<std::string> resolveIds(FileReader& reader, const std::vector<IdRef>& refs,
                                    std::string_view kind, Exists exists) {
    std::vector<std::string> out;
    for (const auto& ref : refs) {
        if (exists(ref.id)) {
            out.push_back(ref.id);
        } else {
            reader.report(ref.field, "unknown " + std::string(kind) + " id '" + ref.id +
                                             "' (dangling reference); the link is dropped");
        }
    }
    return out;
}

// =============================================================================================
// [SECTION] model
// =============================================================================================

std::optional<DeterminantRole> parseRole(std::string_view s) {
    if (s == "centre") {
        return DeterminantRole::Centre;
    }
    if (s == "core") {
        return DeterminantRole::Core;
    }
    if (s == "external") {
        return DeterminantRole::External;
    }
    return std::nullopt;
}

std::optional<LinkKind> parseLinkKind(std::string_view s) {
    if (s == "mutual") {
        return LinkKind::Mutual;
    }
    if (s == "influence") {
        return LinkKind::Influence;
    }
    if (s == "centre") {
        return LinkKind::Centre;
    }
    return std::nullopt;
}

std::optional<EffectDirection> parseDirection(std::string_view s) {
    if (s == "forces_to_tourism") {
        return EffectDirection::ForcesToTourism;
    }
    if (s == "tourism_to_forces") {
        return EffectDirection::TourismToForces;
    }
    if (s == "shared") {
        return EffectDirection::Shared;
    }
    return std::nullopt;
}

void readDeterminants(FileReader& r, const json& doc, LoadState& state) {
    DiamondModel& model = state.library.model;
    const json* list = r.array(doc, "", "determinants", true);
    if (list == nullptr) {
        return;
    }
    IdRegistry ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string field = indexField("determinants", i);
        if (!item.is_object()) {
            r.report(field, "must be an object in { }; this item is skipped");
            continue;
        }
        r.checkKeys(item, field, {"id", "role", "layout", "name", "summary", "text", "source"});
        const auto id = r.id(item, field);
        if (!id || !ids.claim(r, *id, field)) {
            continue;
        }
        Determinant d;
        d.id = *id;
        const std::string role = r.string(item, field, "role");
        if (auto parsed = parseRole(role)) {
            d.role = *parsed;
        } else if (!role.empty()) {
            r.report(childField(field, "role"),
                     "role must be \"centre\", \"core\" or \"external\"");
        }
        const auto layout = item.find("layout");
        if (layout != item.end()) {
            if (layout->is_array() && layout->size() == 2 && (*layout)[0].is_number() &&
                (*layout)[1].is_number()) {
                d.layoutX = (*layout)[0].get<float>();
                d.layoutY = (*layout)[1].get<float>();
            } else {
                r.report(childField(field, "layout"), "layout must be [x, y] between 0 and 1");
            }
        }
        d.name = r.text(item, field, "name");
        d.summary = r.text(item, field, "summary");
        d.text = r.depthText(item, field, "text");
        d.source = r.string(item, field, "source");
        state.determinantPlaces[d.id] = {field, r.lineOf(field)};
        model.determinants.push_back(std::move(d));
    }
    const auto centres =
            std::count_if(model.determinants.begin(), model.determinants.end(),
                          [](const Determinant& d) { return d.role == DeterminantRole::Centre; });
    if (centres != 1) {
        r.report("determinants", "exactly one determinant must have role \"centre\" (found " +
                                         std::to_string(centres) + ")");
    }
}

void readLinks(FileReader& r, const json& doc, DiamondModel& model) {
    const json* list = r.array(doc, "", "links", true);
    if (list == nullptr) {
        return;
    }
    auto known = [&](const std::string& id) { return model.findDeterminant(id) != nullptr; };
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string field = indexField("links", i);
        if (!item.is_object()) {
            r.report(field, "must be an object in { }; this link is skipped");
            continue;
        }
        r.checkKeys(item, field, {"from", "to", "kind"});
        DeterminantLink link;
        link.from = r.string(item, field, "from");
        link.to = r.string(item, field, "to");
        const std::string kind = r.string(item, field, "kind");
        const auto parsed = parseLinkKind(kind);
        if (!parsed && !kind.empty()) {
            r.report(childField(field, "kind"),
                     "kind must be \"mutual\", \"influence\" or \"centre\"");
        }
        bool ok = parsed.has_value() && !link.from.empty() && !link.to.empty();
        for (const auto* end : {&link.from, &link.to}) {
            if (!end->empty() && !known(*end)) {
                r.report(childField(field, end == &link.from ? "from" : "to"),
                         "unknown determinant id '" + *end +
                                 "' (dangling reference); the link is dropped");
                ok = false;
            }
        }
        if (ok) {
            link.kind = *parsed;
            model.links.push_back(std::move(link));
        }
    }
}

void readMechanisms(FileReader& r, const json& doc, DiamondModel& model) {
    const json* list = r.array(doc, "", "mechanisms", true);
    if (list == nullptr) {
        return;
    }
    IdRegistry ids;
    auto known = [&](const std::string& id) { return model.findDeterminant(id) != nullptr; };
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string field = indexField("mechanisms", i);
        if (!item.is_object()) {
            r.report(field, "must be an object in { }; this item is skipped");
            continue;
        }
        r.checkKeys(item, field, {"id", "section", "determinants", "title", "text", "source"});
        const auto id = r.id(item, field);
        if (!id || !ids.claim(r, *id, field)) {
            continue;
        }
        Mechanism m;
        m.id = *id;
        m.section = r.string(item, field, "section");
        m.determinantIds =
                resolveIds(r, r.idList(item, field, "determinants", true), "determinant", known);
        m.title = r.text(item, field, "title");
        m.text = r.depthText(item, field, "text");
        m.source = r.string(item, field, "source");
        model.mechanisms.push_back(std::move(m));
    }
}

void readPathways(FileReader& r, const json& doc, LoadState& state) {
    DiamondModel& model = state.library.model;
    const json* list = r.array(doc, "", "pathways", true);
    if (list == nullptr) {
        return;
    }
    IdRegistry ids;
    auto knownDeterminant = [&](const std::string& id) {
        return model.findDeterminant(id) != nullptr;
    };
    auto knownMechanism = [&](const std::string& id) { return model.findMechanism(id) != nullptr; };
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string field = indexField("pathways", i);
        if (!item.is_object()) {
            r.report(field, "must be an object in { }; this item is skipped");
            continue;
        }
        r.checkKeys(item, field,
                    {"id", "section", "determinants", "mechanisms", "title", "text", "source"});
        const auto id = r.id(item, field);
        if (!id || !ids.claim(r, *id, field)) {
            continue;
        }
        Pathway p;
        p.id = *id;
        p.section = r.string(item, field, "section");
        p.determinantIds = resolveIds(r, r.idList(item, field, "determinants", true), "determinant",
                                      knownDeterminant);
        p.mechanismIds = resolveIds(r, r.idList(item, field, "mechanisms", false), "mechanism",
                                    knownMechanism);
        p.title = r.text(item, field, "title");
        p.text = r.depthText(item, field, "text");
        p.source = r.string(item, field, "source");
        state.pathwayPlaces[p.id] = {field, r.lineOf(field)};
        model.pathways.push_back(std::move(p));
    }
}

void readEffects(FileReader& r, const json& doc, DiamondModel& model) {
    const json* list = r.array(doc, "", "effects", true);
    if (list == nullptr) {
        return;
    }
    IdRegistry ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string field = indexField("effects", i);
        if (!item.is_object()) {
            r.report(field, "must be an object in { }; this item is skipped");
            continue;
        }
        r.checkKeys(item, field, {"id", "direction", "title", "text", "source"});
        const auto id = r.id(item, field);
        if (!id || !ids.claim(r, *id, field)) {
            continue;
        }
        Effect e;
        e.id = *id;
        const std::string direction = r.string(item, field, "direction");
        if (auto parsed = parseDirection(direction)) {
            e.direction = *parsed;
        } else if (!direction.empty()) {
            r.report(childField(field, "direction"),
                     "direction must be \"forces_to_tourism\", \"tourism_to_forces\" or "
                     "\"shared\"");
        }
        e.title = r.text(item, field, "title");
        e.text = r.depthText(item, field, "text");
        e.source = r.string(item, field, "source");
        model.effects.push_back(std::move(e));
    }
}

void loadModel(LoadState& state) {
    const std::string file(kModelFile);
    auto parsed = parseFile(state.root, file, state.findings);
    if (!parsed) {
        return;
    }
    FileReader r(file, parsed->text, state.findings);
    r.reportDuplicateKeys();
    const json& doc = parsed->doc;
    r.checkKeys(doc, "",
                {"title", "figure1_caption", "figure2_caption", "forces_label", "tourism_label",
                 "source", "determinants", "links", "mechanisms", "pathways", "effects"});
    DiamondModel& model = state.library.model;
    model.title = r.text(doc, "", "title");
    model.figure1Caption = r.text(doc, "", "figure1_caption");
    model.figure2Caption = r.text(doc, "", "figure2_caption");
    model.forcesLabel = r.text(doc, "", "forces_label");
    model.tourismLabel = r.text(doc, "", "tourism_label");
    model.source = r.string(doc, "", "source");
    readDeterminants(r, doc, state);
    readLinks(r, doc, model);
    readMechanisms(r, doc, model);
    readPathways(r, doc, state);
    readEffects(r, doc, model);
    state.library.modelLoaded = true;
}

// =============================================================================================
// [SECTION] glossary and UI strings
// =============================================================================================

void loadGlossary(LoadState& state) {
    const std::string file(kGlossaryFile);
    auto parsed = parseFile(state.root, file, state.findings);
    if (!parsed) {
        return;
    }
    state.glossaryLoaded = true;
    FileReader r(file, parsed->text, state.findings);
    r.reportDuplicateKeys();
    r.checkKeys(parsed->doc, "", {"terms"});
    const json* list = r.array(parsed->doc, "", "terms", true);
    if (list == nullptr) {
        return;
    }
    IdRegistry ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string field = indexField("terms", i);
        if (!item.is_object()) {
            r.report(field, "must be an object in { }; this item is skipped");
            continue;
        }
        r.checkKeys(item, field, {"id", "term", "pinyin", "definition", "source"});
        const auto id = r.id(item, field);
        if (!id || !ids.claim(r, *id, field)) {
            continue;
        }
        GlossaryTerm t;
        t.id = *id;
        t.term = r.text(item, field, "term");
        t.pinyin = r.string(item, field, "pinyin");
        t.definition = r.depthText(item, field, "definition");
        t.source = r.string(item, field, "source");
        state.library.glossary.terms.push_back(std::move(t));
    }
}

void loadUiStrings(LoadState& state) {
    const std::string file(kUiStringsFile);
    auto parsed = parseFile(state.root, file, state.findings);
    if (!parsed) {
        return;
    }
    FileReader r(file, parsed->text, state.findings);
    r.reportDuplicateKeys();
    r.checkKeys(parsed->doc, "", {"strings"});
    const auto it = parsed->doc.find("strings");
    if (it == parsed->doc.end() || !it->is_object()) {
        r.report("strings", "missing object of strings by key, e.g. \"welcome\": {\"en\": ..., "
                            "\"zh\": ...}");
        return;
    }
    for (const auto& [key, value] : it->items()) {
        // The language switch names the other language in its own script ("English").
        const bool zhNeedsChinese = !key.starts_with("language.");
        state.library.ui.set(key, r.text(*it, "strings", key, zhNeedsChinese));
    }
    for (std::string_view key : requiredUiKeys()) {
        if (state.library.ui.find(key) == nullptr) {
            r.report(childField("strings", key), "missing UI string that the interface needs");
        }
    }
}

// =============================================================================================
// [SECTION] scenes
// =============================================================================================

std::vector<SceneLink> readSceneLinks(FileReader& r, const json& doc, std::string_view key,
                                      std::string_view kind,
                                      const std::function<bool(const std::string&)>& exists,
                                      bool checkRefs) {
    std::vector<SceneLink> out;
    const json* list = r.array(doc, "", key, true);
    if (list == nullptr) {
        return out;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string field = indexField(key, i);
        if (!item.is_object()) {
            r.report(field,
                     "must be an object {\"id\": ..., \"why\": {...}}; this link is skipped");
            continue;
        }
        r.checkKeys(item, field, {"id", "why"});
        const auto id = r.id(item, field);
        if (!id) {
            continue;
        }
        SceneLink link;
        link.id = *id;
        link.why = r.text(item, field, "why");
        if (!seen.insert(link.id).second) {
            r.report(childField(field, "id"),
                     "duplicate id '" + link.id + "' in this list; this link is skipped");
            continue;
        }
        if (checkRefs && !exists(link.id)) {
            r.report(childField(field, "id"),
                     "unknown " + std::string(kind) + " id '" + link.id +
                             "' (dangling reference); the link is dropped");
            continue;
        }
        out.push_back(std::move(link));
    }
    if (list->empty()) {
        r.report(key, "a scene must link to at least one " + std::string(kind));
    }
    return out;
}

void readHotspots(FileReader& r, const json& doc, SceneContent& scene, IdRegistry& hotspotIds,
                  const LoadState& state) {
    const ContentLibrary& library = state.library;
    const json* list = r.array(doc, "", "hotspots", true);
    if (list == nullptr) {
        return;
    }
    // Without a glossary there is nothing to resolve terms against: glossary.json's finding
    // already says why.
    auto knownTerm = [&](const std::string& id) {
        return !state.glossaryLoaded || library.glossary.find(id) != nullptr;
    };
    const std::string prefix = scene.id + ".";
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string field = indexField("hotspots", i);
        if (!item.is_object()) {
            r.report(field, "must be an object in { }; this hotspot is skipped");
            continue;
        }
        r.checkKeys(item, field, {"id", "anchor_hint", "title", "text", "source", "terms"});
        const auto id = r.id(item, field);
        if (!id) {
            continue;
        }
        if (!id->starts_with(prefix) || id->size() == prefix.size()) {
            r.report(childField(field, "id"), "hotspot id must start with '" + prefix +
                                                      "' (e.g. '" + prefix +
                                                      "chimney'); this hotspot is skipped");
            continue;
        }
        if (!hotspotIds.claim(r, *id, field)) {
            continue;
        }
        Hotspot h;
        h.id = *id;
        h.anchorHint = r.string(item, field, "anchor_hint", false);
        h.title = r.text(item, field, "title");
        h.text = r.depthText(item, field, "text");
        h.source = r.string(item, field, "source");
        h.termIds =
                resolveIds(r, r.idList(item, field, "terms", false), "glossary term", knownTerm);
        scene.hotspots.push_back(std::move(h));
    }
}

// An explanation at two depths ({"visitor": ..., "student": ...}) or one ({"en": ..., "zh": ...})
// that serves both.
DepthText readExplanation(FileReader& r, const json& item, const std::string& field) {
    const auto it = item.find("explanation");
    if (it != item.end() && it->is_object() &&
        (it->contains("visitor") || it->contains("student"))) {
        return r.depthText(item, field, "explanation");
    }
    const Text one = r.text(item, field, "explanation");
    return {one, one};
}

void readQuiz(FileReader& r, const json& doc, SceneContent& scene, const ContentLibrary& library) {
    const json* list = r.array(doc, "", "quiz", true);
    if (list == nullptr) {
        return;
    }
    if (list->empty()) {
        r.report("quiz", "each scene needs a short quiz (at least one question)");
    }
    IdRegistry ids;
    const std::string prefix = scene.id + ".";
    auto knownDeterminant = [&](const std::string& id) {
        return !library.modelLoaded || library.model.findDeterminant(id) != nullptr;
    };
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string field = indexField("quiz", i);
        if (!item.is_object()) {
            r.report(field, "must be an object in { }; this question is skipped");
            continue;
        }
        r.checkKeys(
                item, field,
                {"id", "question", "options", "correct", "explanation", "determinants", "source"});
        const auto id = r.id(item, field);
        if (!id) {
            continue;
        }
        if (!id->starts_with(prefix)) {
            r.report(childField(field, "id"),
                     "question id must start with '" + prefix + "'; this question is skipped");
            continue;
        }
        if (!ids.claim(r, *id, field)) {
            continue;
        }
        QuizQuestion q;
        q.id = *id;
        q.question = r.text(item, field, "question");
        if (const json* options = r.array(item, field, "options", true)) {
            const std::string optionsField = childField(field, "options");
            for (std::size_t k = 0; k < options->size(); ++k) {
                q.options.push_back(r.textValue((*options)[k], indexField(optionsField, k)));
            }
        }
        if (q.options.size() < 2) {
            r.report(childField(field, "options"),
                     "a question needs at least two options; this question is skipped");
            continue;
        }
        const auto correct = item.find("correct");
        if (correct == item.end() || !correct->is_number_unsigned() ||
            correct->get<std::size_t>() >= q.options.size()) {
            r.report(childField(field, "correct"),
                     "correct must be the index of the right option, 0 to " +
                             std::to_string(q.options.size() - 1) + "; this question is skipped");
            continue;
        }
        q.correctIndex = correct->get<std::size_t>();
        q.explanation = readExplanation(r, item, field);
        q.determinantIds = resolveIds(r, r.idList(item, field, "determinants", true), "determinant",
                                      knownDeterminant);
        q.source = r.string(item, field, "source");
        scene.quiz.push_back(std::move(q));
    }
}

void loadScene(LoadState& state, const std::string& sceneId, IdRegistry& hotspotIds) {
    const std::string file = "scenes/" + sceneId + ".json";
    auto parsed = parseFile(state.root, file, state.findings);
    if (!parsed) {
        return;
    }
    FileReader r(file, parsed->text, state.findings);
    r.reportDuplicateKeys();
    const json& doc = parsed->doc;
    r.checkKeys(doc, "",
                {"id", "title", "card", "source", "determinants", "pathways", "hotspots", "quiz"});
    const auto id = r.id(doc, "");
    if (!id) {
        return;
    }
    if (*id != sceneId) {
        r.report("id", "the id '" + *id + "' must match the file name '" + sceneId +
                               ".json'; this scene is skipped");
        return;
    }
    ContentLibrary& library = state.library;
    SceneContent scene;
    scene.id = *id;
    scene.title = r.text(doc, "", "title");
    scene.card = r.depthText(doc, "", "card");
    scene.source = r.string(doc, "", "source");
    // Without a model there is nothing to resolve links against; model.json's own finding says so.
    const bool checkRefs = library.modelLoaded;
    scene.determinants = readSceneLinks(
            r, doc, "determinants", "determinant",
            [&](const std::string& x) { return library.model.findDeterminant(x) != nullptr; },
            checkRefs);
    scene.pathways = readSceneLinks(
            r, doc, "pathways", "pathway",
            [&](const std::string& x) { return library.model.findPathway(x) != nullptr; },
            checkRefs);
    readHotspots(r, doc, scene, hotspotIds, state);
    readQuiz(r, doc, scene, library);
    library.scenes.push_back(std::move(scene));
}

// The scene ids in manifest.json; when it is broken, the scene files found on disk, sorted.
std::vector<std::string> loadManifest(LoadState& state) {
    std::vector<std::string> onDisk;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(state.root / "scenes", ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") {
            onDisk.push_back(entry.path().stem().string());
        }
    }
    std::sort(onDisk.begin(), onDisk.end());

    const std::string file(kManifestFile);
    auto parsed = parseFile(state.root, file, state.findings);
    if (!parsed) {
        return onDisk;
    }
    FileReader r(file, parsed->text, state.findings);
    r.reportDuplicateKeys();
    r.checkKeys(parsed->doc, "", {"scenes"});
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (const auto& ref : r.idList(parsed->doc, "", "scenes", true)) {
        if (!seen.insert(ref.id).second) {
            r.report(ref.field, "duplicate scene id '" + ref.id + "'; listed once only");
            continue;
        }
        ids.push_back(ref.id);
    }
    for (const auto& stem : onDisk) {
        if (!seen.contains(stem)) {
            state.findings.push_back(
                    {"scenes/" + stem + ".json", 1, "(file)",
                     "scene file not listed in manifest.json \"scenes\": add its id there or "
                     "remove the file"});
        }
    }
    return ids;
}

// =============================================================================================
// [SECTION] comparison
// =============================================================================================

ComparisonFigure readFigure(FileReader& r, const json& figures, const std::string& field,
                            ComparisonQuantity quantity) {
    ComparisonFigure f;
    const std::string key(comparisonQuantityCode(quantity));
    const std::string path = childField(field, key);
    const auto it = figures.find(key);
    if (it == figures.end() || !it->is_object()) {
        r.report(path, it == figures.end() ? "missing figure (needs \"value\" and \"source\")"
                                           : "must be an object with \"value\" and \"source\"");
        return f;
    }
    r.checkKeys(*it, path, {"published", "value", "numbers", "source"});
    if (const auto p = it->find("published"); p != it->end()) {
        if (p->is_boolean()) {
            f.published = p->get<bool>();
        } else {
            r.report(childField(path, "published"), "published must be true or false");
        }
    }
    f.value = r.text(*it, path, "value");
    if (const auto n = it->find("numbers"); n != it->end()) {
        const bool numeric =
                n->is_array() && n->size() >= 1 && n->size() <= 2 &&
                std::all_of(n->begin(), n->end(), [](const json& x) { return x.is_number(); });
        if (numeric) {
            for (const json& x : *n) {
                f.numbers.push_back(x.get<double>());
            }
        } else {
            r.report(childField(path, "numbers"),
                     "numbers must be [value] or [low, high], numbers without quotes");
        }
    }
    if (f.published && f.numbers.empty() && it->find("numbers") == it->end()) {
        r.report(childField(path, "numbers"),
                 "a published figure needs its numbers ([value] or [low, high]); write "
                 "\"published\": false when no source gives one");
    }
    f.source = r.string(*it, path, "source");
    return f;
}

void readComparisonKilns(FileReader& r, const json& doc, LoadState& state) {
    ComparisonContent& comparison = state.library.comparison;
    const json* list = r.array(doc, "", "kilns", true);
    if (list == nullptr) {
        return;
    }
    IdRegistry ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string field = indexField("kilns", i);
        if (!item.is_object()) {
            r.report(field, "must be an object in { }; this kiln is skipped");
            continue;
        }
        r.checkKeys(item, field,
                    {"id", "name", "period", "years", "firing", "text", "figures", "source"});
        const auto id = r.id(item, field);
        if (!id || !ids.claim(r, *id, field)) {
            continue;
        }
        // A scene that is listed but broken has its own finding; only an unknown id is dangling.
        if (!state.manifestScenes.contains(*id)) {
            r.report(childField(field, "id"), "unknown scene id '" + *id +
                                                      "' (dangling reference): a kiln of the "
                                                      "comparison is a scene; this kiln is "
                                                      "skipped");
            continue;
        }
        ComparisonKiln k;
        k.id = *id;
        k.name = r.text(item, field, "name");
        k.period = r.text(item, field, "period");
        const auto years = item.find("years");
        if (years != item.end() && years->is_array() && years->size() == 2 &&
            (*years)[0].is_number_integer() && (*years)[1].is_number_integer() &&
            (*years)[0].get<int>() <= (*years)[1].get<int>()) {
            k.fromYear = (*years)[0].get<int>();
            k.toYear = (*years)[1].get<int>();
        } else {
            r.report(childField(field, "years"),
                     years == item.end() ? "missing field ([first year, last year], CE)"
                                         : "years must be [first year, last year], whole "
                                           "years CE, the first not after the last");
        }
        k.firing = r.string(item, field, "firing");
        k.text = r.depthText(item, field, "text");
        const std::string figuresField = childField(field, "figures");
        const auto figures = item.find("figures");
        if (figures == item.end() || !figures->is_object()) {
            r.report(figuresField, "missing object of figures (capacity, fuel, duration, "
                                   "spread)");
        } else {
            r.checkKeys(*figures, figuresField, {"capacity", "fuel", "duration", "spread"});
            for (ComparisonQuantity q : kComparisonQuantities) {
                k.figures[static_cast<std::size_t>(q)] = readFigure(r, *figures, figuresField, q);
            }
        }
        k.source = r.string(item, field, "source");
        comparison.kilns.push_back(std::move(k));
    }
    if (list->empty()) {
        r.report("kilns", "the comparison needs at least two kilns");
    }
}

void readComparisonSteps(FileReader& r, const json& doc, LoadState& state) {
    ComparisonContent& comparison = state.library.comparison;
    const ContentLibrary& library = state.library;
    const json* list = r.array(doc, "", "steps", true);
    if (list == nullptr) {
        return;
    }
    std::set<std::string> into;
    auto indexOf = [&](const std::string& id) {
        return std::find_if(comparison.kilns.begin(), comparison.kilns.end(),
                            [&](const ComparisonKiln& k) { return k.id == id; }) -
               comparison.kilns.begin();
    };
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string field = indexField("steps", i);
        if (!item.is_object()) {
            r.report(field, "must be an object in { }; this step is skipped");
            continue;
        }
        r.checkKeys(item, field, {"from", "to", "determinant", "title", "text", "source"});
        ComparisonStep step;
        step.from = r.string(item, field, "from");
        step.to = r.string(item, field, "to");
        step.determinantId = r.string(item, field, "determinant");
        bool ok = !step.from.empty() && !step.to.empty() && !step.determinantId.empty();
        for (const auto* end : {&step.from, &step.to}) {
            if (!end->empty() && comparison.findKiln(*end) == nullptr) {
                r.report(childField(field, end == &step.from ? "from" : "to"),
                         "unknown kiln id '" + *end +
                                 "' (dangling reference: not in \"kilns\"); this step is "
                                 "skipped");
                ok = false;
            }
        }
        if (!step.determinantId.empty() && library.modelLoaded &&
            library.model.findDeterminant(step.determinantId) == nullptr) {
            r.report(childField(field, "determinant"),
                     "unknown determinant id '" + step.determinantId +
                             "' (dangling reference); this step is skipped");
            ok = false;
        }
        // A step goes forward in time: from a kiln listed before the one it leads to.
        if (ok && indexOf(step.from) >= indexOf(step.to)) {
            r.report(childField(field, "to"), "the step from '" + step.from + "' to '" + step.to +
                                                      "' goes backwards: list '" + step.from +
                                                      "' before '" + step.to +
                                                      "' in \"kilns\"; this step is skipped");
            ok = false;
        }
        if (ok && !into.insert(step.to).second) {
            r.report(childField(field, "to"), "duplicate step into '" + step.to +
                                                      "' (each kiln is reached by one step); "
                                                      "this step is skipped");
            ok = false;
        }
        step.title = r.text(item, field, "title");
        step.text = r.depthText(item, field, "text");
        step.source = r.string(item, field, "source");
        if (ok) {
            comparison.steps.push_back(std::move(step));
        }
    }
    // Keep the steps in the order of the kilns.
    std::stable_sort(comparison.steps.begin(), comparison.steps.end(),
                     [&](const ComparisonStep& a, const ComparisonStep& b) {
                         return indexOf(a.to) < indexOf(b.to);
                     });
}

void loadComparison(LoadState& state) {
    const std::string file(kComparisonFile);
    auto parsed = parseFile(state.root, file, state.findings);
    if (!parsed) {
        return;
    }
    FileReader r(file, parsed->text, state.findings);
    r.reportDuplicateKeys();
    const json& doc = parsed->doc;
    r.checkKeys(doc, "", {"title", "intro", "simulation_note", "source", "kilns", "steps"});
    ComparisonContent& comparison = state.library.comparison;
    comparison.title = r.text(doc, "", "title");
    comparison.intro = r.depthText(doc, "", "intro");
    comparison.simulationNote = r.depthText(doc, "", "simulation_note");
    comparison.source = r.string(doc, "", "source");
    readComparisonKilns(r, doc, state);
    readComparisonSteps(r, doc, state);
    comparison.loaded = true;
}

// =============================================================================================
// [SECTION] coverage
// =============================================================================================

// Every determinant and every pathway must be illustrated by at least one scene (issue 8).
void checkCoverage(LoadState& state) {
    const ContentLibrary& library = state.library;
    if (!library.modelLoaded) {
        return;
    }
    std::set<std::string> determinants;
    std::set<std::string> pathways;
    for (const auto& scene : library.scenes) {
        for (const auto& link : scene.determinants) {
            determinants.insert(link.id);
        }
        for (const auto& link : scene.pathways) {
            pathways.insert(link.id);
        }
    }
    const std::string file(kModelFile);
    for (const auto& d : library.model.determinants) {
        if (!determinants.contains(d.id)) {
            const auto& place = state.determinantPlaces[d.id];
            state.findings.push_back(
                    {file, place.line, place.field,
                     "no scene links to determinant '" + d.id +
                             "': add it to the \"determinants\" of a scene that illustrates it"});
        }
    }
    for (const auto& p : library.model.pathways) {
        if (!pathways.contains(p.id)) {
            const auto& place = state.pathwayPlaces[p.id];
            state.findings.push_back(
                    {file, place.line, place.field,
                     "no scene links to pathway '" + p.id +
                             "': add it to the \"pathways\" of a scene that illustrates it"});
        }
    }
}

} // namespace

// =============================================================================================
// [SECTION] entry points
// =============================================================================================

std::filesystem::path defaultContentRoot() {
    return core::dataPath("assets/content");
}

LoadResult loadContent(const std::filesystem::path& root, const LoadOptions& options) {
    LoadState state;
    state.root = root;
    state.library.root = root;
    loadUiStrings(state);
    loadModel(state);
    loadGlossary(state);
    IdRegistry hotspotIds;
    for (const auto& sceneId : loadManifest(state)) {
        state.manifestScenes.insert(sceneId);
        loadScene(state, sceneId, hotspotIds);
    }
    loadComparison(state);
    checkCoverage(state);
    std::stable_sort(state.findings.begin(), state.findings.end(),
                     [](const Finding& a, const Finding& b) {
                         return a.file != b.file ? a.file < b.file : a.line < b.line;
                     });
    if (options.logFindings) {
        logFindings(state.findings);
        core::logInfo("content", "loaded " + std::to_string(state.library.scenes.size()) +
                                         " scenes from " + root.string() + " with " +
                                         std::to_string(state.findings.size()) + " finding(s)");
    }
    return {std::move(state.library), std::move(state.findings)};
}

std::vector<Finding> checkContent(const std::filesystem::path& root) {
    return loadContent(root, LoadOptions{.logFindings = false}).findings;
}

} // namespace kiln::content
