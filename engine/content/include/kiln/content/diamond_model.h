// The New Diamond Model as the source paper draws it (paper.md §2.2 Figure 1, §2.3 Figure 2):
// knowledge absorption and innovation capability at the centre, six determinants around it, the
// seven mechanisms (§3.1-3.7), the seven pathways (§4.1-4.7) and the Figure 2 effects. Plain data.
#pragma once

#include "kiln/content/language.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiln::content {

enum class DeterminantRole {
    Centre,   // knowledge absorption and innovation capability
    Core,     // the four corners of Porter's diamond
    External, // government and opportunity, acting on the diamond from outside
};

struct Determinant {
    std::string id;
    DeterminantRole role = DeterminantRole::Core;
    float layoutX = 0.5f; // suggested position in a unit square for drawing Figure 1 (0,0 top left)
    float layoutY = 0.5f;
    Text name;
    Text summary; // one line, for a node label or tooltip
    DepthText text;
    std::string source;
};

enum class LinkKind {
    Mutual,    // two-way link between two corners of the diamond
    Influence, // one-way: government or opportunity acting on a corner
    Centre,    // the centre and a corner strengthen each other
};

struct DeterminantLink {
    std::string from;
    std::string to;
    LinkKind kind = LinkKind::Mutual;
};

struct Mechanism {
    std::string id;
    std::string section; // "3.1" .. "3.7"
    std::vector<std::string> determinantIds;
    Text title;
    DepthText text;
    std::string source;
};

struct Pathway {
    std::string id;
    std::string section; // "4.1" .. "4.7"
    std::vector<std::string> determinantIds;
    std::vector<std::string> mechanismIds;
    Text title;
    DepthText text;
    std::string source;
};

enum class EffectDirection {
    ForcesToTourism, // new-quality productive forces drive cultural tourism
    TourismToForces, // cultural tourism drives the productive forces
    Shared,          // the common ground of both (the ideological congruence of §2.3)
};

struct Effect {
    std::string id;
    EffectDirection direction = EffectDirection::ForcesToTourism;
    Text title;
    DepthText text;
    std::string source;
};

struct DiamondModel {
    Text title;          // the model's name
    Text figure1Caption; // caption for the diamond view
    Text figure2Caption; // caption for the mutual-empowerment view
    Text forcesLabel;    // Figure 2 node: new-quality productive forces
    Text tourismLabel;   // Figure 2 node: high-quality cultural tourism
    std::string source;
    std::vector<Determinant> determinants; // the centre first, then the six around it
    std::vector<DeterminantLink> links;
    std::vector<Mechanism> mechanisms;
    std::vector<Pathway> pathways;
    std::vector<Effect> effects;

    // nullptr when the id is unknown.
    const Determinant* findDeterminant(std::string_view id) const;
    const Mechanism* findMechanism(std::string_view id) const;
    const Pathway* findPathway(std::string_view id) const;
    const Effect* findEffect(std::string_view id) const;
    // The determinant whose role is Centre; nullptr if the model failed to load.
    const Determinant* centre() const;
};

} // namespace kiln::content
