// The hotspot card: text, picture, glossary terms, source.
#include "kiln/ui/hotspot_card.h"

#include "kiln/ui/overlay_panel.h"
#include "kiln/ui/theme.h"

#include <algorithm>

namespace kiln::ui {

HotspotCardView buildHotspotCard(const content::ContentLibrary& library, std::string_view hotspotId,
                                 content::Language language, content::Depth depth, float uiScale) {
    HotspotCardView view;
    view.hotspotId = hotspotId;
    view.uiScale = uiScale;
    view.sourceLabel = library.uiText("card.source", language);
    view.termsLabel = library.uiText("glossary.title", language);
    view.closeLabel = library.uiText("hotspot.close", language);
    const content::Hotspot* hotspot = library.findHotspot(hotspotId);
    if (hotspot == nullptr) {
        view.title = library.unavailableText(language);
        return view;
    }
    view.title = library.display(hotspot->title, language);
    view.text = library.display(hotspot->text, language, depth);
    view.source = hotspot->source;
    for (const std::string& termId : hotspot->termIds) {
        if (const content::GlossaryTerm* term = library.glossary.find(termId)) {
            GlossaryEntryView entry;
            entry.term = library.display(term->term, language);
            if (language == content::Language::Zh) {
                entry.pinyin = term->pinyin;
            }
            entry.definition = library.display(term->definition, language, depth);
            view.terms.push_back(std::move(entry));
        }
    }
    return view;
}

CardCommand drawHotspotCard(const HotspotCardView& view, const PanelRect& rect) {
    CardCommand command;
    beginOverlayPanel("hotspot_card", rect, view.title, view.closeLabel, view.uiScale,
                      &command.targets, &command.close);
    if (view.picture != nullptr && view.pictureSizePx.x > 0.0f && view.pictureSizePx.y > 0.0f) {
        const float w = std::min(ImGui::GetContentRegionAvail().x, view.pictureSizePx.x);
        ImGui::Image(view.picture, ImVec2(w, w * view.pictureSizePx.y / view.pictureSizePx.x));
    }
    wrappedText(view.text);
    if (!view.terms.empty()) {
        panelHeading(view.termsLabel);
        for (const GlossaryEntryView& term : view.terms) {
            wrappedText(term.term, overlayColours().selected);
            if (!term.pinyin.empty()) {
                wrappedText(term.pinyin, overlayColours().dimText);
            }
            wrappedText(term.definition);
        }
    }
    ImGui::Spacing();
    sourceLine(view.sourceLabel, view.source);
    endOverlayPanel();
    return command;
}

} // namespace kiln::ui
