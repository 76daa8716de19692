// The mechanism card of one determinant.
#include "kiln/ui/mechanism_card.h"

#include "kiln/ui/overlay_panel.h"
#include "kiln/ui/theme.h"

#include <algorithm>

namespace kiln::ui {

MechanismCardView buildMechanismCard(const content::ContentLibrary& library,
                                     std::string_view determinantId, std::string_view sceneId,
                                     content::Language language, content::Depth depth,
                                     float uiScale) {
    MechanismCardView view;
    view.determinantId = determinantId;
    view.uiScale = uiScale;
    view.whyLabel = library.uiText("card.why", language);
    view.mechanismsLabel = library.uiText("model.mechanisms", language);
    view.sourceLabel = library.uiText("card.source", language);
    view.closeLabel = library.uiText("hotspot.close", language);
    const content::Determinant* d = library.model.findDeterminant(determinantId);
    if (d == nullptr) {
        view.name = library.unavailableText(language);
        return view;
    }
    view.name = library.display(d->name, language);
    view.text = library.display(d->text, language, depth);
    view.source = d->source;
    if (const content::SceneContent* scene = library.findScene(sceneId)) {
        for (const content::SceneLink& link : scene->determinants) {
            if (link.id == determinantId) {
                view.why = library.display(link.why, language);
            }
        }
    }
    for (const content::Mechanism& m : library.model.mechanisms) {
        if (std::find(m.determinantIds.begin(), m.determinantIds.end(), determinantId) ==
            m.determinantIds.end()) {
            continue;
        }
        view.mechanisms.push_back({m.id, std::string(library.display(m.title, language)),
                                   std::string(library.display(m.text, language, depth)),
                                   m.source});
    }
    return view;
}

CardCommand drawMechanismCard(const MechanismCardView& view, const PanelRect& rect) {
    CardCommand command;
    beginOverlayPanel("mechanism_card", rect, view.name, view.closeLabel, view.uiScale,
                      &command.targets, &command.close);
    wrappedText(view.text);
    sourceLine(view.sourceLabel, view.source);
    if (!view.why.empty()) {
        panelHeading(view.whyLabel);
        wrappedText(view.why);
    }
    if (!view.mechanisms.empty()) {
        ImGui::Separator();
        panelHeading(view.mechanismsLabel);
        for (const MechanismEntryView& m : view.mechanisms) {
            ImGui::Spacing();
            wrappedText(m.title, overlayColours().selected);
            wrappedText(m.text);
            sourceLine(view.sourceLabel, m.source);
        }
    }
    endOverlayPanel();
    return command;
}

} // namespace kiln::ui
