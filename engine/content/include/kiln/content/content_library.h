// kiln::content: the knowledge model of Kilnfire (the New Diamond Model, scene cards, hotspots,
// glossary, quizzes, UI strings) in Chinese and English, loaded from assets/content/.
// Does NOT draw anything, know about GL, SDL or ImGui, or hold 3D anchor positions; it does not
// check glyphs against a font atlas or text against panel sizes (the ui module does, using
// allStrings() from string_catalog.h). Load with loadContent() from content_loader.h.
#pragma once

#include "kiln/content/comparison.h"
#include "kiln/content/diamond_model.h"
#include "kiln/content/glossary.h"
#include "kiln/content/language.h"
#include "kiln/content/scene_content.h"
#include "kiln/content/ui_strings.h"

#include <filesystem>
#include <string_view>
#include <vector>

namespace kiln::content {

// Everything that loaded cleanly enough to show. Items with broken ids or references are left
// out; texts with a missing translation are kept with that language empty.
struct ContentLibrary {
    std::filesystem::path root;
    bool modelLoaded = false;
    DiamondModel model;
    std::vector<SceneContent> scenes; // in the order of manifest.json
    Glossary glossary;
    UiStrings ui;
    ComparisonContent comparison; // comparison.json: the kilns side by side

    // nullptr when the scene is unknown or its file could not be loaded: show unavailableText().
    const SceneContent* findScene(std::string_view id) const;
    // Looks a hotspot up by its full id ("egg_kiln.chimney") across all scenes.
    const Hotspot* findHotspot(std::string_view id) const;
    // Scenes that link to a determinant or pathway with this id, in menu order: for "see it in"
    // links from the diamond view.
    std::vector<const SceneContent*> scenesLinkedTo(std::string_view modelId) const;
    // The text in language, or unavailableText(language) when that translation is missing.
    std::string_view display(const Text& text, Language language) const;
    std::string_view display(const DepthText& text, Language language, Depth depth) const;
    std::string_view uiText(std::string_view key, Language language) const {
        return ui.get(key, language);
    }
    std::string_view unavailableText(Language language) const {
        return ui.unavailableText(language);
    }
};

} // namespace kiln::content
