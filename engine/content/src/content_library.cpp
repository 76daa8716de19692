// Look-ups over the loaded content: by id, linear scans (the lists are short: tens of items).
#include "kiln/content/content_library.h"

#include <algorithm>

namespace kiln::content {

namespace {

template <typename T> const T* findById(const std::vector<T>& items, std::string_view id) {
    const auto it =
            std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

} // namespace

const Determinant* DiamondModel::findDeterminant(std::string_view id) const {
    return findById(determinants, id);
}
const Mechanism* DiamondModel::findMechanism(std::string_view id) const {
    return findById(mechanisms, id);
}
const Pathway* DiamondModel::findPathway(std::string_view id) const {
    return findById(pathways, id);
}
const Effect* DiamondModel::findEffect(std::string_view id) const {
    return findById(effects, id);
}

const ComparisonKiln* ComparisonContent::findKiln(std::string_view id) const {
    return findById(kilns, id);
}

const ComparisonStep* ComparisonContent::stepInto(std::string_view to) const {
    const auto it = std::find_if(steps.begin(), steps.end(),
                                 [&](const ComparisonStep& s) { return s.to == to; });
    return it == steps.end() ? nullptr : &*it;
}

std::string_view comparisonQuantityCode(ComparisonQuantity quantity) {
    switch (quantity) {
        case ComparisonQuantity::Capacity:
            return "capacity";
        case ComparisonQuantity::Fuel:
            return "fuel";
        case ComparisonQuantity::Duration:
            return "duration";
        case ComparisonQuantity::Spread:
            return "spread";
    }
    return "capacity";
}

const Determinant* DiamondModel::centre() const {
    const auto it =
            std::find_if(determinants.begin(), determinants.end(),
                         [](const Determinant& d) { return d.role == DeterminantRole::Centre; });
    return it == determinants.end() ? nullptr : &*it;
}

const Hotspot* SceneContent::findHotspot(std::string_view hotspotId) const {
    return findById(hotspots, hotspotId);
}

const GlossaryTerm* Glossary::find(std::string_view id) const {
    return findById(terms, id);
}

const SceneContent* ContentLibrary::findScene(std::string_view id) const {
    return findById(scenes, id);
}

const Hotspot* ContentLibrary::findHotspot(std::string_view id) const {
    for (const auto& scene : scenes) {
        if (const Hotspot* h = scene.findHotspot(id)) {
            return h;
        }
    }
    return nullptr;
}

std::vector<const SceneContent*> ContentLibrary::scenesLinkedTo(std::string_view modelId) const {
    std::vector<const SceneContent*> out;
    auto linked = [&](const std::vector<SceneLink>& links) {
        return std::any_of(links.begin(), links.end(),
                           [&](const SceneLink& link) { return link.id == modelId; });
    };
    for (const auto& scene : scenes) {
        if (linked(scene.determinants) || linked(scene.pathways)) {
            out.push_back(&scene);
        }
    }
    return out;
}

std::string_view ContentLibrary::display(const Text& text, Language language) const {
    const std::string& s = text.in(language);
    return s.empty() ? unavailableText(language) : std::string_view(s);
}

std::string_view ContentLibrary::display(const DepthText& text, Language language,
                                         Depth depth) const {
    return display(text.at(depth), language);
}

} // namespace kiln::content
