// The pathway panel and the Figure 2 diagram of mutual empowerment.
#include "kiln/ui/pathway_panel.h"

#include "kiln/ui/line_break.h"
#include "kiln/ui/overlay_panel.h"
#include "kiln/ui/theme.h"

#include <algorithm>
#include <cfloat>

namespace kiln::ui {

namespace {

using content::EffectDirection;

// A horizontal arrow between x0 and x1 at y; pointing right when `right`.
void arrow(ImDrawList* draw, float x0, float x1, float y, bool right, ImU32 colour, float s) {
    draw->AddLine(ImVec2(x0, y), ImVec2(x1, y), colour, 3.0f * s);
    const float tip = right ? x1 : x0;
    const float back = right ? -10.0f * s : 10.0f * s;
    draw->AddTriangleFilled(ImVec2(tip, y), ImVec2(tip + back, y - 6.0f * s),
                            ImVec2(tip + back, y + 6.0f * s), colour);
}

// An icon for an effect's direction, one text line high: right arrow (forces to tourism), left
// arrow (tourism to forces) or both (shared).
void directionIcon(EffectDirection direction, float s) {
    const float h = ImGui::GetTextLineHeight();
    const float w = h * 1.6f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 colour = overlayColours().nodeLit;
    if (direction == EffectDirection::Shared) {
        arrow(draw, p.x, p.x + w, p.y + h * 0.3f, true, colour, s);
        arrow(draw, p.x, p.x + w, p.y + h * 0.7f, false, colour, s);
    } else {
        arrow(draw, p.x, p.x + w, p.y + h * 0.5f, direction == EffectDirection::ForcesToTourism,
              colour, s);
    }
    ImGui::Dummy(ImVec2(w, h));
    ImGui::SameLine();
}

// Figure 2 as a diagram: two boxes, an arrow each way between them.
void figure2(const PathwayPanelView& view) {
    const float s = view.uiScale;
    const OverlayColours& c = overlayColours();
    const float availW = ImGui::GetContentRegionAvail().x;
    const float gap = std::max(touchTargetPx(s), availW * 0.16f);
    const float boxW = (availW - gap) * 0.5f;
    const float pad = 8.0f * s;
    const float textW = figure2LabelWidthPx(availW, s);
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    // Broken once, then measured and drawn unwrapped: the boxes fit the drawn lines.
    const std::string forcesLines = withLineBreaks(view.forcesLabel, textW);
    const std::string tourismLines = withLineBreaks(view.tourismLabel, textW);
    const ImVec2 forcesText = font->CalcTextSizeA(size, FLT_MAX, 0.0f, forcesLines.c_str());
    const ImVec2 tourismText = font->CalcTextSizeA(size, FLT_MAX, 0.0f, tourismLines.c_str());
    const float boxH = std::max(forcesText.y, tourismText.y) + 2.0f * pad;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = 8.0f * s;
    draw->AddRectFilled(p, ImVec2(p.x + boxW, p.y + boxH), c.nodeFill, rounding);
    draw->AddRect(p, ImVec2(p.x + boxW, p.y + boxH), c.nodeBorder, rounding, ImDrawFlags_None,
                  2.0f * s);
    const ImVec2 q(p.x + boxW + gap, p.y);
    draw->AddRectFilled(q, ImVec2(q.x + boxW, q.y + boxH), c.nodeFill, rounding);
    draw->AddRect(q, ImVec2(q.x + boxW, q.y + boxH), c.nodeBorder, rounding, ImDrawFlags_None,
                  2.0f * s);
    draw->AddText(font, size, ImVec2(p.x + pad, p.y + pad), c.text, forcesLines.c_str());
    draw->AddText(font, size, ImVec2(q.x + pad, q.y + pad), c.text, tourismLines.c_str());
    recordDrawnText(view.forcesLabel);
    recordDrawnText(view.tourismLabel);
    const float x0 = p.x + boxW + 4.0f * s;
    const float x1 = q.x - 4.0f * s;
    arrow(draw, x0, x1, p.y + boxH * 0.35f, true, c.linkLit, s);
    arrow(draw, x0, x1, p.y + boxH * 0.65f, false, c.linkLit, s);
    ImGui::Dummy(ImVec2(availW, boxH));
}

} // namespace

float figure2LabelWidthPx(float contentWidthPx, float uiScale) {
    const float gap = std::max(touchTargetPx(uiScale), contentWidthPx * 0.16f);
    return std::max(1.0f, (contentWidthPx - gap) * 0.5f - 2.0f * 8.0f * uiScale);
}

PathwayPanelView buildPathwayPanel(const content::ContentLibrary& library, std::string_view sceneId,
                                   content::Language language, content::Depth depth,
                                   float uiScale) {
    PathwayPanelView view;
    view.uiScale = uiScale;
    view.title = library.uiText("card.pathways", language);
    view.whyLabel = library.uiText("card.why", language);
    view.sourceLabel = library.uiText("card.source", language);
    view.effectsTitle = library.uiText("model.effects", language);
    view.closeLabel = library.uiText("hotspot.close", language);
    view.figure2Caption = library.display(library.model.figure2Caption, language);
    view.forcesLabel = library.display(library.model.forcesLabel, language);
    view.tourismLabel = library.display(library.model.tourismLabel, language);
    if (const content::SceneContent* scene = library.findScene(sceneId)) {
        for (const content::SceneLink& link : scene->pathways) {
            const content::Pathway* pathway = library.model.findPathway(link.id);
            if (pathway == nullptr) {
                continue;
            }
            view.pathways.push_back({pathway->id,
                                     std::string(library.display(pathway->title, language)),
                                     std::string(library.display(link.why, language)),
                                     std::string(library.display(pathway->text, language, depth)),
                                     pathway->source});
        }
    }
    // Figure 2 order: forces to tourism, tourism to forces, then the shared ground.
    for (EffectDirection direction : {EffectDirection::ForcesToTourism,
                                      EffectDirection::TourismToForces, EffectDirection::Shared}) {
        for (const content::Effect& e : library.model.effects) {
            if (e.direction == direction) {
                view.effects.push_back(
                        {e.id, e.direction, std::string(library.display(e.title, language)),
                         std::string(library.display(e.text, language, depth)), e.source});
            }
        }
    }
    return view;
}

CardCommand drawPathwayPanel(const PathwayPanelView& view, const PanelRect& rect) {
    CardCommand command;
    const OverlayColours& c = overlayColours();
    beginOverlayPanel("pathway_panel", rect, view.title, view.closeLabel, view.uiScale,
                      &command.targets, &command.close);
    for (const PathwayItemView& p : view.pathways) {
        ImGui::Spacing();
        wrappedText(p.title, c.selected);
        if (!p.why.empty()) {
            wrappedText(view.whyLabel, c.dimText);
            ImGui::Indent();
            wrappedText(p.why);
            ImGui::Unindent();
        }
        wrappedText(p.text);
        sourceLine(view.sourceLabel, p.source);
    }
    ImGui::Separator();
    panelHeading(view.effectsTitle);
    wrappedText(view.figure2Caption, c.dimText);
    figure2(view);
    for (const EffectItemView& e : view.effects) {
        ImGui::Spacing();
        directionIcon(e.direction, view.uiScale);
        wrappedText(e.title, c.selected);
        wrappedText(e.text);
        sourceLine(view.sourceLabel, e.source);
    }
    endOverlayPanel();
    return command;
}

} // namespace kiln::ui
