// The diamond panel: node layout from model.json's unit-square positions, links, lit and explored
// states, taps through one invisible button per node.
#include "kiln/ui/diamond_view.h"

#include "kiln/ui/line_break.h"
#include "kiln/ui/overlay_panel.h"
#include "kiln/ui/theme.h"
#include "kiln/ui/touch_target.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>

namespace kiln::ui {

namespace {

using content::DeterminantRole;
using content::LinkKind;

struct Line {
    const char* begin;
    const char* end;
    float widthPx;
};

struct NodeBox {
    const DiamondNodeView* node;
    ImVec2 centre;
    ImVec2 half;
    std::vector<Line> lines;
};

// Splits text into the lines breakLines makes at `widthPx` (line_break.h), each with its width.
std::vector<Line> wrapLines(const std::string& text, float widthPx) {
    std::vector<Line> lines;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const char* s = text.c_str();
    for (const LineSpan& span : breakLinesWithCurrentFont(text, widthPx)) {
        const char* b = s + span.begin;
        const char* e = s + span.end;
        lines.push_back({b, e, font->CalcTextSizeA(size, FLT_MAX, 0.0f, b, e).x});
    }
    return lines;
}

// The lines of wrapLines at widthPx, with the width narrowed as far as it goes without adding a
// line, so a name ends in a balanced pair of lines rather than one orphan character.
std::vector<Line> balancedLines(const std::string& text, float widthPx) {
    std::vector<Line> lines = wrapLines(text, widthPx);
    if (lines.size() < 2) {
        return lines;
    }
    // Never narrower than the widest unbreakable run (and a pixel): no word is cut.
    float lo = std::min(widthPx, widestUnbreakableRunPx(text) + 1.0f);
    float hi = widthPx;
    for (int i = 0; i < 10; ++i) {
        const float mid = 0.5f * (lo + hi);
        if (wrapLines(text, mid).size() <= lines.size()) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    return wrapLines(text, hi);
}

// Where the segment from a box's centre towards `towards` leaves the box.
ImVec2 borderPoint(const NodeBox& box, ImVec2 towards) {
    const float dx = towards.x - box.centre.x;
    const float dy = towards.y - box.centre.y;
    float t = 1.0f;
    if (std::fabs(dx) > 1e-3f) {
        t = std::min(t, box.half.x / std::fabs(dx));
    }
    if (std::fabs(dy) > 1e-3f) {
        t = std::min(t, box.half.y / std::fabs(dy));
    }
    return ImVec2(box.centre.x + dx * t, box.centre.y + dy * t);
}

void dashedLine(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 colour, float thickness, float dash) {
    const float dx = b.x - a.x;
    const float dy = b.y - a.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length < 1e-3f) {
        return;
    }
    for (float d = 0.0f; d < length; d += 2.0f * dash) {
        const float e = std::min(length, d + dash);
        draw->AddLine(ImVec2(a.x + dx * d / length, a.y + dy * d / length),
                      ImVec2(a.x + dx * e / length, a.y + dy * e / length), colour, thickness);
    }
}

void arrowHead(ImDrawList* draw, ImVec2 from, ImVec2 tip, ImU32 colour, float sizePx) {
    const float dx = tip.x - from.x;
    const float dy = tip.y - from.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length < 1e-3f) {
        return;
    }
    const ImVec2 u(dx / length, dy / length);
    const ImVec2 n(-u.y, u.x);
    const ImVec2 base(tip.x - u.x * sizePx, tip.y - u.y * sizePx);
    draw->AddTriangleFilled(tip, ImVec2(base.x + n.x * sizePx * 0.5f, base.y + n.y * sizePx * 0.5f),
                            ImVec2(base.x - n.x * sizePx * 0.5f, base.y - n.y * sizePx * 0.5f),
                            colour);
}

// The explored badge: a filled circle with a tick, drawn as shapes (no glyph, no text).
void exploredBadge(ImDrawList* draw, ImVec2 centre, float radius) {
    const OverlayColours& c = overlayColours();
    draw->AddCircleFilled(centre, radius, c.explored, 16);
    const ImVec2 tick[3] = {ImVec2(centre.x - radius * 0.5f, centre.y),
                            ImVec2(centre.x - radius * 0.1f, centre.y + radius * 0.4f),
                            ImVec2(centre.x + radius * 0.55f, centre.y - radius * 0.4f)};
    draw->AddPolyline(tick, 3, c.textOnLit, ImDrawFlags_None, std::max(1.5f, radius * 0.28f));
}

void legendRow(ImDrawList* draw, std::string_view label, bool badge, float uiScale) {
    const OverlayColours& c = overlayColours();
    const float lineH = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (badge) {
        exploredBadge(draw, ImVec2(p.x + lineH * 0.5f, p.y + lineH * 0.5f), lineH * 0.42f);
    } else {
        draw->AddRectFilled(ImVec2(p.x, p.y + lineH * 0.15f),
                            ImVec2(p.x + lineH, p.y + lineH * 0.85f), c.nodeLit, 4.0f * uiScale);
    }
    ImGui::Dummy(ImVec2(lineH, lineH));
    ImGui::SameLine();
    wrappedText(label, c.dimText);
}

} // namespace

float diamondNodeWidthPx(DeterminantRole role, float canvasWidthPx) {
    switch (role) {
        case DeterminantRole::Centre:
            return canvasWidthPx * 0.27f;
        case DeterminantRole::External:
            return canvasWidthPx * 0.20f;
        case DeterminantRole::Core:
            break;
    }
    return canvasWidthPx * 0.22f;
}

DiamondViewModel buildDiamondView(const content::ContentLibrary& library, std::string_view sceneId,
                                  const std::set<std::string, std::less<>>& explored,
                                  content::Language language, std::string_view selectedId,
                                  float uiScale) {
    DiamondViewModel view;
    view.title = library.uiText("model.title", language);
    view.caption = library.display(library.model.figure1Caption, language);
    view.hint = library.uiText("diamond.hint", language);
    view.litLegend = library.uiText("diamond.in_scene", language);
    view.exploredLegend = library.uiText("diamond.explored", language);
    view.closeLabel = library.uiText("hotspot.close", language);
    view.selectedId = selectedId;
    view.uiScale = uiScale;
    const content::SceneContent* scene = library.findScene(sceneId);
    for (const content::Determinant& d : library.model.determinants) {
        DiamondNodeView node;
        node.id = d.id;
        node.name = library.display(d.name, language);
        node.role = d.role;
        node.layoutX = std::clamp(d.layoutX, 0.0f, 1.0f);
        node.layoutY = std::clamp(d.layoutY, 0.0f, 1.0f);
        if (scene != nullptr) {
            node.lit = std::any_of(scene->determinants.begin(), scene->determinants.end(),
                                   [&](const content::SceneLink& l) { return l.id == d.id; });
        }
        node.explored = explored.find(d.id) != explored.end();
        view.nodes.push_back(std::move(node));
    }
    for (const content::DeterminantLink& l : library.model.links) {
        view.links.push_back({l.from, l.to, l.kind});
    }
    return view;
}

DiamondCommand drawDiamond(const DiamondViewModel& view, const PanelRect& rect) {
    DiamondCommand command;
    const float s = view.uiScale;
    const OverlayColours& colours = overlayColours();
    beginOverlayPanel("diamond", rect, view.title, view.closeLabel, s, &command.targets,
                      &command.close);
    wrappedText(view.caption, colours.dimText);
    wrappedText(view.hint);

    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    const float legendH = 2.0f * std::max(lineH, ImGui::GetTextLineHeight() + 4.0f * s) +
                          ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 canvasMin = ImGui::GetCursorScreenPos();
    const ImVec2 canvasSize(std::max(1.0f, avail.x), std::max(1.0f, avail.y - legendH));
    const ImVec2 canvasMax(canvasMin.x + canvasSize.x, canvasMin.y + canvasSize.y);
    command.canvasMin = canvasMin;
    command.canvasMax = canvasMax;

    // Node boxes: the name wraps inside the role's width; a node is never smaller than a touch
    // target; its centre maps the unit square onto the canvas minus the node itself, so every
    // node lies inside the canvas whatever its size.
    const float target = touchTargetPx(s);
    const float pad = 8.0f * s;
    const float textLineH = ImGui::GetFontSize();
    // model.json's layout leaves a margin around the figure; stretch the nodes' extent over the
    // whole canvas so large text sizes still leave room between the nodes.
    float minX = 1.0f, maxX = 0.0f, minY = 1.0f, maxY = 0.0f;
    for (const DiamondNodeView& node : view.nodes) {
        minX = std::min(minX, node.layoutX);
        maxX = std::max(maxX, node.layoutX);
        minY = std::min(minY, node.layoutY);
        maxY = std::max(maxY, node.layoutY);
    }
    auto stretch = [](float v, float lo, float hi) {
        return hi - lo > 0.05f ? (v - lo) / (hi - lo) : v;
    };
    std::vector<NodeBox> boxes;
    boxes.reserve(view.nodes.size());
    for (const DiamondNodeView& node : view.nodes) {
        NodeBox box{&node, ImVec2(), ImVec2(), {}};
        // Wide enough for the name's longest word (plus 2 px: ImGui cuts a word exactly as wide as
        // the wrap width), so wrapping never cuts one at large text sizes.
        const float width = std::min(
                canvasSize.x, std::max({target, diamondNodeWidthPx(node.role, canvasSize.x),
                                        widestUnbreakableRunPx(node.name) + 2.0f * pad + 2.0f}));
        box.lines = balancedLines(node.name, std::max(1.0f, width - 2.0f * pad));
        const float minHeight = node.role == DeterminantRole::Centre ? 1.6f * target : target;
        const float height = std::min(
                canvasSize.y,
                std::max(minHeight, static_cast<float>(box.lines.size()) * textLineH + 2.0f * pad));
        box.half = ImVec2(width * 0.5f, height * 0.5f);
        const float x = stretch(node.layoutX, minX, maxX);
        const float y = stretch(node.layoutY, minY, maxY);
        box.centre = ImVec2(canvasMin.x + box.half.x + x * (canvasSize.x - width),
                            canvasMin.y + box.half.y + y * (canvasSize.y - height));
        boxes.push_back(std::move(box));
    }
    auto findBox = [&](const std::string& id) -> const NodeBox* {
        for (const NodeBox& b : boxes) {
            if (b.node->id == id) {
                return &b;
            }
        }
        return nullptr;
    };

    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(canvasMin, canvasMax, true);
    // Links first, so nodes sit on top of them.
    for (const DiamondLinkView& link : view.links) {
        const NodeBox* a = findBox(link.from);
        const NodeBox* b = findBox(link.to);
        if (a == nullptr || b == nullptr) {
            continue;
        }
        const bool lit = a->node->lit && b->node->lit;
        const ImU32 colour = lit ? colours.linkLit : colours.link;
        const ImVec2 pa = borderPoint(*a, b->centre);
        const ImVec2 pb = borderPoint(*b, a->centre);
        switch (link.kind) {
            case LinkKind::Mutual:
                draw->AddLine(pa, pb, colour, (lit ? 4.0f : 2.0f) * s);
                break;
            case LinkKind::Centre:
                draw->AddLine(pa, pb, colour, (lit ? 5.0f : 3.0f) * s);
                break;
            case LinkKind::Influence:
                dashedLine(draw, pa, pb, colour, (lit ? 3.5f : 2.0f) * s, 9.0f * s);
                arrowHead(draw, pa, pb, colour, 14.0f * s);
                break;
        }
    }
    for (const NodeBox& box : boxes) {
        const DiamondNodeView& node = *box.node;
        const ImVec2 min(box.centre.x - box.half.x, box.centre.y - box.half.y);
        const ImVec2 max(box.centre.x + box.half.x, box.centre.y + box.half.y);
        const float rounding =
                node.role == DeterminantRole::External ? box.half.y : 10.0f * s; // pills outside
        if (node.id == view.selectedId) {
            const float grow = 4.0f * s;
            draw->AddRect(ImVec2(min.x - grow, min.y - grow), ImVec2(max.x + grow, max.y + grow),
                          colours.selected, rounding + grow, ImDrawFlags_None, 4.0f * s);
        }
        draw->AddRectFilled(min, max, node.lit ? colours.nodeLit : colours.nodeFill, rounding);
        draw->AddRect(min, max, colours.nodeBorder, rounding, ImDrawFlags_None,
                      (node.role == DeterminantRole::Centre ? 3.0f : 1.5f) * s);
        const ImU32 textColour = node.lit ? colours.textOnLit : colours.text;
        float y = box.centre.y - static_cast<float>(box.lines.size()) * textLineH * 0.5f;
        for (const Line& line : box.lines) {
            draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                          ImVec2(box.centre.x - line.widthPx * 0.5f, y), textColour, line.begin,
                          line.end);
            y += textLineH;
        }
        recordDrawnText(node.name);
        if (node.explored) {
            const float r = 11.0f * s;
            exploredBadge(draw, ImVec2(max.x - r * 0.6f, min.y + r * 0.6f), r);
        }
        // The touch target: the whole node.
        ImGui::SetCursorScreenPos(min);
        ImGui::PushID(node.id.c_str());
        if (ImGui::InvisibleButton("##node", ImVec2(max.x - min.x, max.y - min.y))) {
            command.tappedId = node.id;
        }
        ImGui::PopID();
        std::string targetId("node.");
        targetId.append(node.id);
        command.targets.push_back({std::move(targetId), min, max});
    }
    draw->PopClipRect();

    ImGui::SetCursorScreenPos(ImVec2(canvasMin.x, canvasMax.y + ImGui::GetStyle().ItemSpacing.y));
    legendRow(draw, view.litLegend, false, s);
    legendRow(draw, view.exploredLegend, true, s);
    endOverlayPanel();
    return command;
}

} // namespace kiln::ui
