// Walks the whole library and lists every visitor-facing string with its file and field. Fields
// name items by id ("hotspots[id=egg_kiln.chimney]") because skipped items shift list indices.
#include "kiln/content/string_catalog.h"

namespace kiln::content {

namespace {

class Collector {
public:
    explicit Collector(std::vector<StringEntry>& out) : mOut(out) {}

    void text(const std::string& file, const std::string& field, const Text& t) {
        for (Language language : kLanguages) {
            const std::string& s = t.in(language);
            if (!s.empty()) {
                mOut.push_back(
                        {file, field + "." + std::string(languageCode(language)), language, s});
            }
        }
    }
    void depthText(const std::string& file, const std::string& field, const DepthText& t) {
        for (Depth depth : kDepths) {
            text(file, field + "." + std::string(depthCode(depth)), t.at(depth));
        }
    }
    // A language-neutral string (a source, pinyin), listed under both languages.
    void neutral(const std::string& file, const std::string& field, const std::string& s) {
        if (s.empty()) {
            return;
        }
        for (Language language : kLanguages) {
            mOut.push_back({file, field, language, s});
        }
    }

private:
    std::vector<StringEntry>& mOut;
};

std::string item(const char* list, const std::string& id) {
    return std::string(list) + "[id=" + id + "]";
}

void collectModel(Collector& c, const DiamondModel& m) {
    const std::string file = "model.json";
    c.text(file, "title", m.title);
    c.text(file, "figure1_caption", m.figure1Caption);
    c.text(file, "figure2_caption", m.figure2Caption);
    c.text(file, "forces_label", m.forcesLabel);
    c.text(file, "tourism_label", m.tourismLabel);
    c.neutral(file, "source", m.source);
    for (const auto& d : m.determinants) {
        const std::string f = item("determinants", d.id);
        c.text(file, f + ".name", d.name);
        c.text(file, f + ".summary", d.summary);
        c.depthText(file, f + ".text", d.text);
        c.neutral(file, f + ".source", d.source);
    }
    for (const auto& x : m.mechanisms) {
        const std::string f = item("mechanisms", x.id);
        c.text(file, f + ".title", x.title);
        c.depthText(file, f + ".text", x.text);
        c.neutral(file, f + ".section", x.section);
        c.neutral(file, f + ".source", x.source);
    }
    for (const auto& x : m.pathways) {
        const std::string f = item("pathways", x.id);
        c.text(file, f + ".title", x.title);
        c.depthText(file, f + ".text", x.text);
        c.neutral(file, f + ".section", x.section);
        c.neutral(file, f + ".source", x.source);
    }
    for (const auto& x : m.effects) {
        const std::string f = item("effects", x.id);
        c.text(file, f + ".title", x.title);
        c.depthText(file, f + ".text", x.text);
        c.neutral(file, f + ".source", x.source);
    }
}

void collectScene(Collector& c, const SceneContent& s) {
    const std::string file = "scenes/" + s.id + ".json";
    c.text(file, "title", s.title);
    c.depthText(file, "card", s.card);
    c.neutral(file, "source", s.source);
    for (const auto& link : s.determinants) {
        c.text(file, item("determinants", link.id) + ".why", link.why);
    }
    for (const auto& link : s.pathways) {
        c.text(file, item("pathways", link.id) + ".why", link.why);
    }
    for (const auto& h : s.hotspots) {
        const std::string f = item("hotspots", h.id);
        c.text(file, f + ".title", h.title);
        c.depthText(file, f + ".text", h.text);
        c.neutral(file, f + ".source", h.source);
    }
    for (const auto& q : s.quiz) {
        const std::string f = item("quiz", q.id);
        c.text(file, f + ".question", q.question);
        for (std::size_t i = 0; i < q.options.size(); ++i) {
            c.text(file, f + ".options[" + std::to_string(i) + "]", q.options[i]);
        }
        c.depthText(file, f + ".explanation", q.explanation);
        c.neutral(file, f + ".source", q.source);
    }
}

void collectComparison(Collector& c, const ComparisonContent& comparison) {
    const std::string file = "comparison.json";
    c.text(file, "title", comparison.title);
    c.depthText(file, "intro", comparison.intro);
    c.depthText(file, "simulation_note", comparison.simulationNote);
    c.neutral(file, "source", comparison.source);
    for (const auto& k : comparison.kilns) {
        const std::string f = item("kilns", k.id);
        c.text(file, f + ".name", k.name);
        c.text(file, f + ".period", k.period);
        c.depthText(file, f + ".text", k.text);
        c.neutral(file, f + ".source", k.source);
        for (ComparisonQuantity q : kComparisonQuantities) {
            const std::string g = f + ".figures." + std::string(comparisonQuantityCode(q));
            c.text(file, g + ".value", k.figure(q).value);
            c.neutral(file, g + ".source", k.figure(q).source);
        }
    }
    for (const auto& step : comparison.steps) {
        const std::string f = "steps[" + step.from + "->" + step.to + "]";
        c.text(file, f + ".title", step.title);
        c.depthText(file, f + ".text", step.text);
        c.neutral(file, f + ".source", step.source);
    }
}

} // namespace

std::vector<StringEntry> allStrings(const ContentLibrary& library) {
    std::vector<StringEntry> out;
    Collector c(out);
    collectModel(c, library.model);
    for (const auto& scene : library.scenes) {
        collectScene(c, scene);
    }
    for (const auto& t : library.glossary.terms) {
        const std::string f = item("terms", t.id);
        c.text("glossary.json", f + ".term", t.term);
        c.neutral("glossary.json", f + ".pinyin", t.pinyin);
        c.depthText("glossary.json", f + ".definition", t.definition);
        c.neutral("glossary.json", f + ".source", t.source);
    }
    collectComparison(c, library.comparison);
    for (const auto& [key, text] : library.ui.all()) {
        c.text("ui_strings.json", "strings[\"" + key + "\"]", text);
    }
    for (Language language : kLanguages) {
        out.push_back({"(built-in)", "builtinUnavailableText", language,
                       builtinUnavailableText(language)});
    }
    return out;
}

} // namespace kiln::content
