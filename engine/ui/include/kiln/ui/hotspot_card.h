// HotspotCard: the card a tapped hotspot opens: its title, its text at the chosen depth, an
// optional picture (a texture the app uploaded; ImGui only draws its id), the glossary terms it
// uses, and its source. Returns whether close was tapped. No GL, no SDL, no image loading.
#pragma once

#include "kiln/content/content_library.h"
#include "kiln/ui/mechanism_card.h"
#include "kiln/ui/overlay_layout.h"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace kiln::ui {

struct GlossaryEntryView {
    std::string term;
    std::string pinyin; // empty in English
    std::string definition;
};

struct HotspotCardView {
    std::string hotspotId;
    std::string title;
    std::string text;
    std::string source;
    std::string sourceLabel;
    std::string termsLabel;
    std::vector<GlossaryEntryView> terms;
    ImTextureID picture = nullptr; // the app's texture for this hotspot, if it has one
    ImVec2 pictureSizePx;          // its size in pixels; drawn scaled to the card's width
    std::string closeLabel;
    float uiScale = 1.0f;
};

// The card of hotspotId (an unknown id gives a card titled with the unavailable text). The app
// sets picture and pictureSizePx itself.
HotspotCardView buildHotspotCard(const content::ContentLibrary& library, std::string_view hotspotId,
                                 content::Language language, content::Depth depth, float uiScale);

// Draws the card at rect (computeOverlayLayout().card).
CardCommand drawHotspotCard(const HotspotCardView& view, const PanelRect& rect);

} // namespace kiln::ui
