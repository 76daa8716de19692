// What one scene tells the visitor: its card, the determinants and pathways of the model it
// illustrates (each with a sentence on why), its hotspots and its quiz. Plain data; the 3D
// anchors of the hotspots live in the scene files and are matched by hotspot id.
#pragma once

#include "kiln/content/language.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::content {

// A link from a scene to a determinant or pathway, with the reason in one sentence.
struct SceneLink {
    std::string id;
    Text why;
};

struct Hotspot {
    std::string id;         // "<scene>.<name>", e.g. "egg_kiln.chimney"
    std::string anchorHint; // for scene authors: where the anchor should sit (not shown)
    Text title;
    DepthText text;
    std::string source;
    std::vector<std::string> termIds; // glossary terms the text uses
};

struct QuizQuestion {
    std::string id; // "<scene>.q<n>"
    Text question;
    std::vector<Text> options;
    std::size_t correctIndex = 0; // always < options.size() for a loaded question
    // Why the right answer is right, at two depths. A question written with one explanation
    // ({"en", "zh"}) has the same text at both.
    DepthText explanation;
    std::vector<std::string> determinantIds; // at least one
    std::string source;
};

struct SceneContent {
    std::string id;
    Text title;
    DepthText card;
    std::string source;
    std::vector<SceneLink> determinants;
    std::vector<SceneLink> pathways;
    std::vector<Hotspot> hotspots;
    std::vector<QuizQuestion> quiz;

    // nullptr when this scene has no hotspot with that id.
    const Hotspot* findHotspot(std::string_view id) const;
};

} // namespace kiln::content
